//! The state of the interface and everything that changes it.
//!
//! `App` routes: terminal events become [`Action`]s through the keymap and are
//! carried out on its parts — [`Pairs`] (the ranking, the alignments and the
//! worker's queue), [`Reading`] (layout, scrolling, focus), [`Search`] and
//! [`Help`] — while it keeps what ties them together: the articles, which pair
//! is open, which pane has the keyboard, the list and the status note.
//! Drawing reads the state and never changes it (see `render`).

use std::borrow::Cow;
use std::sync::Arc;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::geometry;
use super::help::Help;
use super::keymap::{self, Action, Ctx, Dir, Jump};
use super::pairs::{Arrived, Pairs};
use super::provenance::Provenance;
use super::reading::{LaidOut, LayoutJob, Reading};
use super::search::Search;
use super::worker::{self, Done, Job};
use crate::align::Alignment;
use crate::article::Article;
use crate::corpus::Pair;
use crate::view::{Side, Spread, Theme, Unit};

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list.
    List,
    /// Article A, on the left.
    A,
    /// Article B, on the right.
    B,
}

impl Pane {
    fn side(self) -> Option<Side> {
        match self {
            Pane::List => None,
            Pane::A => Some(Side::A),
            Pane::B => Some(Side::B),
        }
    }
}

/// Lines scrolled by one mouse wheel notch.
const WHEEL_LINES: isize = 3;

/// The whole interface state.
pub struct App {
    pub(crate) arts: Arc<Vec<Article>>,
    pub(crate) theme: Theme,
    pub(crate) mouse: bool,
    pub(crate) size: Rect,
    pub(crate) pairs: Pairs,
    pub(crate) reading: Reading,
    pub(crate) search: Search,
    pub(crate) help: Help,
    pub(crate) provenance: Provenance,
    /// Position of the current pair in the ranking, when it is a ranked pair.
    pub(crate) pair_pos: Option<usize>,
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Set once the reader picks a pair: the ranking then no longer moves it.
    chosen: bool,
    pub(crate) pane: Pane,
    /// The side list on a wide screen.
    pub(crate) list_shown: bool,
    /// The list popup on a narrow screen.
    pub(crate) list_popup: bool,
    pub(crate) selected: usize,
    pub(crate) note: Option<String>,
    pub(crate) tick: usize,
    /// Articles are still being read (placeholders stand in for them).
    loading: bool,
    quit: bool,
    redraw: bool,
}

impl App {
    /// A new app over `arts`; it starts by asking for the ranking of all pairs.
    pub fn new(arts: Vec<Article>, color: bool, mouse: bool) -> App {
        Self::with_shared(Arc::new(arts), color, mouse)
    }

    /// A new app over articles shared with the worker.
    pub fn with_shared(arts: Arc<Vec<Article>>, color: bool, mouse: bool) -> App {
        let n = arts.len();
        App {
            arts,
            theme: Theme::new(color),
            mouse,
            size: Rect::new(0, 0, 80, 24),
            pairs: Pairs::new(n),
            reading: Reading::default(),
            search: Search::default(),
            help: Help::default(),
            provenance: Provenance::default(),
            pair_pos: None,
            a: 0,
            b: usize::from(n > 1),
            chosen: false,
            pane: Pane::B,
            list_shown: true,
            list_popup: false,
            selected: 0,
            note: None,
            tick: 0,
            loading: false,
            quit: false,
            redraw: false,
        }
    }

    /// A new app over articles still being read (placeholders but for the
    /// first pair): the first pair is aligned at once, the ranking waits for
    /// [`App::loaded`].
    pub fn loading(arts: Arc<Vec<Article>>, color: bool, mouse: bool) -> App {
        let n = arts.len();
        let mut app = Self::with_shared(arts, color, mouse);
        app.pairs = Pairs::waiting(n);
        app.loading = true;
        let (a, b) = (app.a, app.b);
        if n >= 2 {
            app.pairs.request(a, b, true);
        }
        app
    }

    /// The articles are read: start over with them (the pair open stays
    /// open), and rank.
    pub fn loaded(&mut self, arts: Arc<Vec<Article>>, warnings: &[String]) {
        self.loading = false;
        let n = arts.len();
        self.arts = arts;
        self.pairs = Pairs::new(n);
        self.reading.drop_layout();
        // The texts searched so far were placeholders.
        self.search.folded.clear();
        let (a, b) = (self.a, self.b);
        self.set_pair(a, b);
        if let Some(first) = warnings.first() {
            self.note = Some(format!(
                "{} file{} skipped ({first})",
                warnings.len(),
                if warnings.len() == 1 { "" } else { "s" }
            ));
        }
    }

    /// Whether articles are still being read.
    pub fn is_loading(&self) -> bool {
        self.loading
    }

    /// The styles in use.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The articles.
    pub fn articles(&self) -> &[Article] {
        &self.arts
    }

    /// The current pair (A, B) as article indices.
    pub fn pair(&self) -> (usize, usize) {
        (self.a, self.b)
    }

    /// The first row shown in panes A and B.
    pub fn tops(&self) -> [usize; 2] {
        self.reading.top
    }

    /// The search in force, its matches and the current one.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The passage with the focus.
    pub fn focus(&self) -> Option<Unit> {
        self.reading.focus
    }

    /// Every pair ranked by reuse, once the ranking is done.
    pub fn ranking(&self) -> Option<&[Pair]> {
        self.pairs.ranking()
    }

    /// Where the current pair stands in the ranking.
    pub fn pair_rank(&self) -> Option<usize> {
        self.pair_pos
    }

    /// The part of the screen that has the keyboard.
    pub fn active_pane(&self) -> Pane {
        self.pane
    }

    /// The highlighted line of the article list.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The help popup's scroll offset; `None` when it is closed.
    pub fn help_scroll(&self) -> Option<usize> {
        self.help.scroll()
    }

    /// Whether the article list is open as a popup (narrow screens).
    pub fn list_popup(&self) -> bool {
        self.list_popup
    }

    /// The screen size the app was last told about.
    pub fn size(&self) -> Rect {
        self.size
    }

    /// Whether scrolling one pane scrolls the other.
    pub fn synchronized(&self) -> bool {
        self.reading.sync
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True once after Ctrl-L: the loop clears the terminal before drawing.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// Jobs for the worker (`true`: urgent).
    pub fn take_jobs(&mut self) -> Vec<(Job, bool)> {
        self.pairs.take_jobs()
    }

    /// Whether results are still expected (the loop animates progress then).
    pub fn busy(&self) -> bool {
        self.loading || self.pairs.busy() || self.reading.laying_out()
    }

    /// Whether a layout is being built off the UI thread (the one shown, if
    /// any, is for other widths).
    pub fn laying_out(&self) -> bool {
        self.reading.laying_out()
    }

    /// A layout to build off the UI thread, for the loop to send.
    pub fn take_layout(&mut self) -> Option<LayoutJob> {
        self.reading.take_job()
    }

    /// Lay out pairs larger than `bytes` (both texts) off the UI thread
    /// (tests set 0 to take that path with small articles).
    pub fn set_sync_layout_limit(&mut self, bytes: usize) {
        self.reading.sync_bytes = bytes;
    }

    /// Once a batch of events is handled: do what was put off while it came
    /// in (the search typed so far).
    pub fn catch_up(&mut self) {
        if std::mem::take(&mut self.search.pending) {
            self.search_live();
        }
    }

    /// Do all queued work on this thread, as the worker and the layout
    /// thread would.
    pub fn settle(&mut self) {
        self.catch_up();
        loop {
            let jobs = self.take_jobs();
            let layout = self.take_layout();
            if jobs.is_empty() && layout.is_none() {
                break;
            }
            for (job, _) in jobs {
                let d = worker::compute(&self.arts, &job, &|_, _| {});
                self.on_done(d);
            }
            if let Some(l) = layout {
                self.on_laid_out(l.run());
            }
        }
    }

    /// A layout built off the UI thread: taken if it is still the one wanted.
    pub fn on_laid_out(&mut self, l: LaidOut) {
        let al = self.pairs.get(self.a, self.b).cloned();
        let widths = self.text_widths();
        match self
            .reading
            .laid_out(l, (self.a, self.b), al.as_ref(), widths)
        {
            Some(fresh) => self.after_layout(fresh),
            // Laid out for widths no longer current: ask for these.
            None => self.relayout(),
        }
    }

    /// A new layout is in place: the matches get their rows; on the pair's
    /// first, a jump asked for while waiting happens.
    fn after_layout(&mut self, fresh: bool) {
        if fresh {
            self.find_matches();
            if let Some((kind, dir)) = self.reading.deferred.take() {
                self.note = None;
                self.jump(kind, dir);
            }
        } else {
            self.search.sort(self.reading.spread());
        }
    }

    /// Advance the progress animation.
    pub fn on_tick(&mut self) {
        self.tick = self.tick.wrapping_add(1);
    }

    /// The alignment of the open pair, once computed.
    pub fn alignment(&self) -> Option<&Arc<Alignment>> {
        self.pairs.get(self.a, self.b)
    }

    /// The alignment of `(a, b)` if it has been computed.
    pub fn alignment_of(&self, a: usize, b: usize) -> Option<&Arc<Alignment>> {
        self.pairs.get(a, b)
    }

    /// Take in a worker result.
    pub fn on_done(&mut self, d: Done) {
        match self.pairs.on_done(d) {
            Arrived::Progress => {}
            // The first pair found by a long ranking opens, unless the
            // reader has picked one; later ones only extend `]`.
            Arrived::Found(first) => {
                if let Some((a, b)) = first
                    && !self.chosen
                {
                    self.chosen = true;
                    let deferred = self.reading.deferred.take();
                    self.set_pair(a, b);
                    self.reading.deferred = deferred;
                } else {
                    self.pair_pos = self.pairs.rank_of(self.a, self.b);
                }
            }
            Arrived::Ranked(first) => match first {
                Some((a, b)) if !self.chosen => {
                    // A jump asked for on the waiting screen is meant for
                    // the first pair shown, which is this one.
                    let deferred = self.reading.deferred.take();
                    self.set_pair(a, b);
                    self.reading.deferred = deferred;
                }
                _ => {
                    self.pair_pos = self.pairs.rank_of(self.a, self.b);
                    self.pairs.prefetch(self.a, self.pair_pos);
                }
            },
            Arrived::Aligned(a, b) if (a, b) == (self.a, self.b) => {
                // The matches and a jump asked for while aligning follow the
                // layout (here, or from the layout thread): `after_layout`.
                self.reading.drop_layout();
                self.relayout();
            }
            Arrived::Aligned(..) => {}
        }
    }

    /// The terminal is now `width`×`height`.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        if self.pane == Pane::List && !self.list_visible() {
            self.pane = Pane::B;
        }
        self.help.fit(height, &self.theme);
        self.relayout();
    }

    /// Feed one terminal event; false when it cannot have changed the screen
    /// (mouse capture reports every motion, which needs no redraw).
    pub fn on_event(&mut self, ev: &Event) -> bool {
        match ev {
            // Release (and, with enhanced keyboards, other kinds) would act twice.
            Event::Key(k) if k.kind != KeyEventKind::Release => self.on_key(k),
            Event::Mouse(m) if self.mouse => return self.on_mouse(m),
            Event::Resize(w, h) => self.resize(*w, *h),
            _ => return false,
        }
        true
    }

    /// The keymap contexts in force, innermost first.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.search.input.is_some() {
            vec![Ctx::Prompt]
        } else if self.help.is_open() {
            // Global keys work everywhere but in the prompt: q quits from
            // the help as from anywhere else.
            vec![Ctx::Help, Ctx::Global]
        } else if self.provenance.is_open() {
            vec![Ctx::Provenance, Ctx::Global]
        } else if self.pane == Pane::List && self.list_visible() {
            vec![Ctx::List, Ctx::Global]
        } else {
            vec![Ctx::Pane, Ctx::Global]
        }
    }

    /// Feed one key press.
    pub fn on_key(&mut self, k: &KeyEvent) {
        self.note = None;
        match keymap::dispatch(&self.contexts(), k) {
            Some(action) => self.apply(action),
            None => {
                // Printable keys type into the search prompt.
                if let (Some(input), KeyCode::Char(c)) = (self.search.input.as_mut(), k.code)
                    && !k.modifiers.contains(KeyModifiers::CONTROL)
                {
                    input.push(c);
                    self.search.pending = true;
                }
            }
        }
    }

    fn on_mouse(&mut self, m: &MouseEvent) -> bool {
        let delta = match m.kind {
            MouseEventKind::ScrollDown => WHEEL_LINES,
            MouseEventKind::ScrollUp => -WHEEL_LINES,
            MouseEventKind::Down(_) => 0,
            _ => return false,
        };
        let at = Position::new(m.column, m.row);
        let g = geometry::screen(self.size, self.list_shown);
        if self.list_popup || g.list.is_some_and(|l| l.contains(at)) {
            self.pane = Pane::List;
            let n = self.arts.len();
            if delta != 0 && n > 0 {
                self.selected =
                    (self.selected as isize + delta.signum()).clamp(0, n as isize - 1) as usize;
            }
            return true;
        }
        for (i, r) in g.panes.iter().enumerate() {
            if r.contains(at) {
                let side = if i == 0 { Side::A } else { Side::B };
                self.pane = if i == 0 { Pane::A } else { Pane::B };
                if delta != 0 {
                    self.reading.scroll(side, delta);
                }
            }
        }
        true
    }

    /// Whether the article list is on screen (side pane or popup).
    pub fn list_visible(&self) -> bool {
        self.list_popup || (self.list_shown && self.size.width >= geometry::WIDE)
    }

    /// Carry out an action.
    pub fn apply(&mut self, action: Action) {
        // Whatever the key, it acts on the search typed so far.
        if action != Action::Erase {
            self.catch_up();
        }
        match action {
            Action::Quit => self.quit = true,
            // The input thread suspends at once, before the key gets here.
            Action::Suspend => {}
            Action::Back => self.back(),
            Action::Redraw => self.redraw = true,
            Action::Help => self.help.open(),
            Action::ToggleList => self.toggle_list(),
            Action::NextPane => self.cycle_pane(1),
            Action::PrevPane => self.cycle_pane(-1),
            Action::PaneA => self.read_in(Pane::A),
            Action::PaneB => self.read_in(Pane::B),
            Action::Down => self.move_by(1),
            Action::Up => self.move_by(-1),
            Action::PageDown => self.move_by(self.page() as isize),
            Action::PageUp => self.move_by(-(self.page() as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Next => self.next(Dir::Forward),
            Action::Prev => self.next(Dir::Backward),
            Action::Jump(kind, dir) => self.jump(Some(kind), dir),
            Action::Search => self.search.open(),
            Action::Accept => {
                self.search.input = None;
                if self.search.query.is_empty() {
                    self.search.clear();
                } else if self.search.matches.is_empty() {
                    self.note = Some(format!("no match for “{}”", self.search.query));
                }
            }
            Action::Erase => {
                if let Some(i) = self.search.input.as_mut() {
                    i.pop();
                    self.search.pending = true;
                }
            }
            Action::SetA => self.choose(Side::A),
            Action::SetB => self.choose(Side::B),
            Action::Swap => {
                let (a, b) = (self.a, self.b);
                self.chosen = true;
                self.set_pair(b, a);
            }
            Action::NextPair => self.step_pair(1),
            Action::PrevPair => self.step_pair(-1),
            Action::Provenance => {
                if self.provenance.is_open() {
                    self.provenance.close();
                } else if let Some(r) = self.pairs.ranking() {
                    let partial = !self.pairs.ranked();
                    self.provenance.open(self.arts.len(), r, partial);
                } else {
                    self.note = Some(if self.pairs.progress().is_some() {
                        "still ranking the pairs: no sources known yet".into()
                    } else {
                        "no pairs share text".into()
                    });
                }
            }
            Action::OpenPair => {
                if let Some((a, b)) = self.provenance.pair() {
                    self.provenance.close();
                    self.chosen = true;
                    self.set_pair(a, b);
                } else {
                    self.note = Some("an original: pick a line below it".into());
                }
            }
            Action::ToggleSync => {
                let note = self.reading.toggle_sync(self.reading_side());
                self.note = Some(note.into());
            }
        }
    }

    fn back(&mut self) {
        if self.search.input.is_some() {
            self.search.cancel();
            self.find_matches();
        } else if self.help.is_open() {
            self.help.close();
        } else if self.provenance.is_open() {
            self.provenance.close();
        } else if self.list_popup {
            self.list_popup = false;
            self.pane = Pane::B;
        } else if self.search.active() {
            self.search.clear();
        } else {
            self.quit = true;
        }
    }

    fn toggle_list(&mut self) {
        if self.size.width >= geometry::WIDE {
            self.list_shown = !self.list_shown;
            self.pane = if self.list_shown { Pane::List } else { Pane::B };
        } else {
            self.list_popup = !self.list_popup;
            self.pane = if self.list_popup { Pane::List } else { Pane::B };
        }
        self.relayout();
    }

    fn cycle_pane(&mut self, step: isize) {
        let order: &[Pane] = if self.list_visible() {
            &[Pane::List, Pane::A, Pane::B]
        } else {
            &[Pane::A, Pane::B]
        };
        let at = order.iter().position(|p| *p == self.pane).unwrap_or(0) as isize;
        let n = order.len() as isize;
        self.pane = order[(at + step).rem_euclid(n) as usize];
    }

    fn read_in(&mut self, p: Pane) {
        self.pane = p;
        self.list_popup = false;
    }

    /// The side whose reading order steps follow: the active pane's, or B's.
    fn reading_side(&self) -> Side {
        self.pane.side().unwrap_or(Side::B)
    }

    /// Text rows visible in a pane.
    pub fn page(&self) -> usize {
        let g = geometry::screen(self.size, self.list_shown);
        usize::from(geometry::pane(g.panes[0]).text.height).max(1)
    }

    /// Text widths of panes A and B for the current size.
    pub fn text_widths(&self) -> (usize, usize) {
        let g = geometry::screen(self.size, self.list_shown);
        let w = |r| usize::from(geometry::pane(r).text.width);
        (w(g.panes[0]), w(g.panes[1]))
    }

    /// The layout for given text widths: the cached one when it fits.
    pub fn spread_for(&self, wa: usize, wb: usize) -> Option<Cow<'_, Spread>> {
        let al = self.alignment()?;
        self.reading
            .spread_for((&self.arts[self.a], &self.arts[self.b]), al, wa, wb)
    }

    fn relayout(&mut self) {
        let al = self.pairs.get(self.a, self.b).cloned();
        let built = self.reading.layout(
            &self.arts,
            (self.a, self.b),
            al.as_ref(),
            self.text_widths(),
            self.page(),
        );
        if let Some(fresh) = built {
            self.after_layout(fresh);
        }
    }

    /// The largest first row a pane can show: the last page ends at the last row.
    pub fn max_top(&self) -> usize {
        self.reading.max_top()
    }

    fn move_by(&mut self, delta: isize) {
        if self.help.is_open() {
            self.help.scroll_by(delta, self.size.height, &self.theme);
            return;
        }
        if self.provenance.is_open() {
            self.provenance.move_by(delta, self.size.height);
            return;
        }
        match self.pane {
            Pane::List => {
                let n = self.arts.len() as isize;
                if n > 0 {
                    let s = (self.selected as isize)
                        .saturating_add(delta)
                        .clamp(0, n - 1);
                    self.selected = s as usize;
                }
            }
            Pane::A => self.reading.scroll(Side::A, delta),
            Pane::B => self.reading.scroll(Side::B, delta),
        }
    }

    /// n / N: matches while a search is active, links otherwise.
    fn next(&mut self, dir: Dir) {
        if self.search.active() {
            self.note = self.search.step(dir);
            self.show_match();
        } else {
            self.jump(None, dir);
        }
    }

    /// Step to the next passage of a kind (`None`: any link).
    fn jump(&mut self, kind: Option<Jump>, dir: Dir) {
        let Some(al) = self.alignment().cloned() else {
            // Keys pressed while the pair is aligned are not lost: the jump
            // happens when the alignment arrives.
            if self.arts.len() >= 2 {
                self.reading.deferred = Some((kind, dir));
                self.note = Some("aligning: will jump when ready".into());
            }
            return;
        };
        let side = self.reading_side();
        if let Some(note) = self.reading.jump(&al, kind, dir, side) {
            self.note = Some(note);
        }
    }

    fn choose(&mut self, side: Side) {
        let s = self.selected;
        if s >= self.arts.len() || self.arts.len() < 2 {
            return;
        }
        let (a, b) = match side {
            Side::A if s == self.b => (s, self.a),
            Side::A => (s, self.b),
            Side::B if s == self.a => (self.b, s),
            Side::B => (self.a, s),
        };
        self.chosen = true;
        self.set_pair(a, b);
    }

    fn step_pair(&mut self, step: isize) {
        let Some(r) = self.pairs.ranking() else {
            self.note = Some("still ranking the pairs".into());
            return;
        };
        if r.is_empty() {
            self.note = Some("no pairs to step through".into());
            return;
        }
        let n = r.len() as isize;
        // From a pair picked by hand, start from where it ranks (either way
        // round); while a ranking goes on, pairs found since move it.
        let here = self
            .pairs
            .rank_of(self.a, self.b)
            .or_else(|| self.pairs.rank_of(self.b, self.a))
            .map_or(if step > 0 { -1 } else { n }, |p| p as isize);
        let next = here + step;
        if !(0..n).contains(&next) {
            self.note = Some(
                if step > 0 && !self.pairs.ranked() {
                    "that was the last pair found so far (still ranking)"
                } else if step > 0 {
                    "that was the last pair"
                } else {
                    "this is the first pair"
                }
                .into(),
            );
            return;
        }
        let p = &r[next as usize];
        let (a, b) = (p.a, p.b);
        self.chosen = true;
        self.set_pair(a, b);
    }

    fn set_pair(&mut self, a: usize, b: usize) {
        let changed = (a, b) != (self.a, self.b);
        self.a = a;
        self.b = b;
        self.pair_pos = self.pairs.rank_of(a, b);
        if changed || self.reading.spread().is_none() {
            self.reading.reset();
        }
        // Outside the list (ranking, brackets, swap) the selection follows A.
        if self.pane != Pane::List {
            self.selected = a;
        }
        self.pairs.request(a, b, true);
        self.pairs.prefetch(a, self.pair_pos);
        self.relayout();
        self.find_matches();
    }

    /// After each keystroke in the prompt: search, and show the first match
    /// at or below the top of the active pane.
    fn search_live(&mut self) {
        self.search.take_input();
        self.find_matches();
        let top = self.reading.top[self.reading_side().index()];
        self.search.current_from(top, self.reading.spread());
        self.show_match();
    }

    fn find_matches(&mut self) {
        if self.arts.len() < 2 {
            self.search.matches.clear();
            self.search.current = None;
            return;
        }
        let texts = [
            (self.a, self.arts[self.a].text.as_str()),
            (self.b, self.arts[self.b].text.as_str()),
        ];
        self.search.find(texts, self.reading.spread());
    }

    /// Scroll the current match into view and read on its side.
    fn show_match(&mut self) {
        let Some(m) = self.search.current_match().cloned() else {
            return;
        };
        let Some(row) = self
            .reading
            .spread()
            .and_then(|sp| sp.row_of_byte(m.side, m.bytes.start))
        else {
            return;
        };
        self.pane = match m.side {
            Side::A => Pane::A,
            Side::B => Pane::B,
        };
        self.list_popup = false;
        self.reading.show_row(m.side, row);
    }

    /// Share of `j`'s body found in the current A, once aligned.
    pub fn share_against_a(&self, j: usize) -> Option<f64> {
        self.pairs.share(self.a, j)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settled() -> App {
        let mut app = App::new(crate::article::bundled(), true, true);
        app.resize(120, 40);
        app.settle();
        app
    }

    #[test]
    fn first_screen_is_the_most_reused_pair_and_work_is_cached() {
        let app = settled();
        let r = app.ranking().unwrap();
        assert_eq!(app.pair(), (r[0].a, r[0].b));
        assert!(app.alignment().is_some());
        assert!(!app.busy());
    }

    #[test]
    fn brackets_walk_every_ranked_pair() {
        let mut app = settled();
        let pairs: Vec<(usize, usize)> =
            app.ranking().unwrap().iter().map(|p| (p.a, p.b)).collect();
        let mut seen = vec![app.pair()];
        for _ in 1..pairs.len() {
            app.apply(Action::NextPair);
            app.settle();
            seen.push(app.pair());
        }
        assert_eq!(seen, pairs);
        app.apply(Action::NextPair);
        assert_eq!(app.note.as_deref(), Some("that was the last pair"));
        app.apply(Action::PrevPair);
        app.settle();
        assert_eq!(app.pair(), pairs[pairs.len() - 2]);
    }

    #[test]
    fn n_steps_links_in_order_and_search_takes_over_n() {
        let mut app = settled();
        let links = app.alignment().unwrap().links.len();
        assert!(links > 2);
        app.apply(Action::Next);
        let first = app.focus();
        app.apply(Action::Next);
        assert_ne!(app.focus(), first);
        app.apply(Action::Prev);
        assert_eq!(app.focus(), first);
        // A search takes over n/N until Esc clears it.
        app.apply(Action::Search);
        for c in "plan".chars() {
            app.on_key(&KeyEvent::from(crossterm::event::KeyCode::Char(c)));
        }
        app.apply(Action::Accept);
        assert!(app.search.matches.len() > 2);
        let focus = app.focus();
        let cur = app.search.current;
        app.apply(Action::Next);
        assert_ne!(app.search.current, cur);
        assert_eq!(app.focus(), focus);
        app.apply(Action::Back);
        assert!(!app.search.active());
        assert!(!app.should_quit());
        app.apply(Action::Back);
        assert!(app.should_quit());
    }

    #[test]
    fn w_shows_who_took_from_whom_and_enter_opens_the_pair() {
        let mut app = settled();
        let arts = crate::article::bundled();
        let idx = |s: &str| arts.iter().position(|a| a.path.contains(s)).unwrap();
        let (reuters, palakshi) = (idx("reuters"), idx("palakshi"));
        app.apply(Action::Provenance);
        assert!(app.provenance.is_open());
        assert_eq!(app.contexts()[0], Ctx::Provenance);
        // The Reuters story is the root; the two rewrites hang below it.
        let lines = app.provenance.lines().to_vec();
        assert_eq!(lines[0].article, reuters);
        assert_eq!(lines.len(), 3);
        assert!(lines[1..].iter().all(|n| n.depth == 1));
        let at = lines.iter().position(|n| n.article == palakshi).unwrap();
        app.apply(Action::Down);
        if at == 2 {
            app.apply(Action::Down);
        }
        app.apply(Action::OpenPair);
        app.settle();
        assert!(!app.provenance.is_open());
        assert_eq!(app.pair(), (reuters, palakshi));
        // Drawing it does not panic at any size.
        app.apply(Action::Provenance);
        for (w, h) in [(1, 1), (20, 5), (80, 24), (200, 60)] {
            app.resize(w, h);
            let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
            ratatui::widgets::Widget::render(&app, buf.area, &mut buf);
        }
        app.apply(Action::Back);
        assert!(!app.provenance.is_open());
    }

    #[test]
    fn enter_and_space_choose_a_and_b_and_s_swaps() {
        let mut app = settled();
        app.pane = Pane::List;
        app.selected = 0;
        app.apply(Action::SetA);
        app.selected = 4;
        app.apply(Action::SetB);
        app.settle();
        assert_eq!(app.pair(), (0, 4));
        app.apply(Action::Swap);
        app.settle();
        assert_eq!(app.pair(), (4, 0));
        // Choosing B's article as A swaps rather than comparing it with itself.
        app.selected = 0;
        app.apply(Action::SetA);
        assert_eq!(app.pair(), (0, 4));
        assert!(app.share_against_a(4).is_some());
    }

    #[test]
    fn a_jump_asked_for_while_aligning_happens_when_the_alignment_arrives() {
        let mut app = App::new(crate::article::bundled(), true, true);
        app.resize(120, 40);
        app.apply(Action::Next);
        assert_eq!(app.focus(), None);
        app.settle();
        assert!(matches!(app.focus(), Some(Unit::Link(_))));
    }

    #[test]
    fn help_scrolls_within_its_text() {
        let mut app = settled();
        app.resize(100, 20);
        app.apply(Action::Help);
        for _ in 0..200 {
            app.apply(Action::Down);
        }
        let end = app.help_scroll().unwrap();
        assert_eq!(end, crate::ui::help::lines(&app.theme).len() - 16);
        app.apply(Action::Up);
        assert_eq!(app.help_scroll(), Some(end - 1));
    }

    /// Regression: every key typed into the prompt searched both texts again
    /// (lower-casing each whole text first): a 300-character paste froze a
    /// 7 MB pair for a minute. Now typing only edits the prompt; the search
    /// runs once per batch of keys, over texts folded once.
    #[test]
    fn typing_searches_once_per_batch_over_texts_folded_once() {
        let mut app = settled();
        app.apply(Action::Search);
        for c in "plan".chars() {
            app.on_key(&KeyEvent::from(KeyCode::Char(c)));
        }
        assert!(app.search.matches.is_empty() && app.search.pending);
        assert!(app.search.folded.is_empty(), "no text folded while typing");
        app.catch_up();
        let n = app.search.matches.len();
        assert!(n > 2 && !app.search.pending);
        assert_eq!(app.search.folded.len(), 2);
        let folded = app.search.folded[&app.a].clone();
        app.on_key(&KeyEvent::from(KeyCode::Backspace));
        app.apply(Action::Accept);
        assert!(
            app.search.matches.len() >= n,
            "“pla” matches at least “plan”"
        );
        // The same folded text, not made again.
        assert!(Arc::ptr_eq(&folded, &app.search.folded[&app.a]));
        // The matches of each side, sorted, for drawing.
        for side in [Side::A, Side::B] {
            let (v, _) = app.search.on_side(side);
            assert!(v.windows(2).all(|w| w[0].start < w[1].start));
            let count = app.search.matches.iter().filter(|m| m.side == side).count();
            assert_eq!(v.len(), count);
        }
    }

    /// Regression: each resize laid the pair out again on the UI thread
    /// (seconds for megabytes), one size after another. A large pair is now
    /// laid out off the UI thread, the newest size only, while the layout in
    /// hand is still drawn; the top row keeps showing the same text.
    #[test]
    fn a_storm_of_resizes_asks_for_one_layout_off_the_ui_thread() {
        let mut app = settled();
        app.set_sync_layout_limit(0);
        app.pane = Pane::B;
        for _ in 0..40 {
            app.apply(Action::Down);
        }
        let sp = app.reading.spread().unwrap();
        let byte = sp.b[app.tops()[1]].pieces[0].bytes.start;
        for w in 0..200u16 {
            app.on_event(&Event::Resize(60 + w % 90, 30 + w % 20));
        }
        app.on_event(&Event::Resize(150, 45));
        // Nothing was laid out here, and the old layout was let go (two
        // layouts of a large pair are never held at once).
        assert!(app.reading.spread().is_none());
        assert!(app.laying_out() && app.busy());
        let widths = |app: &App| app.reading.spread().unwrap().widths;
        let job = app.take_layout().expect("a layout to build");
        assert_eq!(job.widths, app.text_widths());
        assert!(app.take_layout().is_none(), "one job for the storm");
        app.on_laid_out(job.run());
        assert!(!app.laying_out());
        assert_eq!(widths(&app), app.text_widths());
        let sp = app.reading.spread().unwrap();
        let r = sp.row_of_byte(Side::B, byte).unwrap();
        assert_eq!(app.tops()[1], r.min(app.max_top()));
    }

    #[test]
    fn a_jump_asked_for_while_a_large_pair_is_laid_out_happens_with_the_layout() {
        let mut app = App::new(crate::article::bundled(), true, true);
        app.set_sync_layout_limit(0);
        app.resize(120, 40);
        app.apply(Action::Next);
        app.settle();
        assert!(matches!(app.focus(), Some(Unit::Link(_))));
    }

    #[test]
    fn synchronized_scrolling_keeps_panes_level_and_can_be_switched_off() {
        let mut app = settled();
        app.pane = Pane::B;
        app.apply(Action::Down);
        app.apply(Action::Down);
        assert_eq!(app.tops(), [2, 2]);
        app.apply(Action::ToggleSync);
        app.apply(Action::Down);
        assert_eq!(app.tops(), [2, 3]);
        app.apply(Action::ToggleSync);
        assert_eq!(app.tops(), [3, 3]);
    }
}
