//! The state of the interface and everything that changes it.
//!
//! `App` routes: terminal events become [`Action`]s through the keymap and are
//! carried out on its parts — [`Pairs`] (the ranking, the alignments and the
//! worker's queue), [`Reading`] (layout, scrolling, focus), [`Search`],
//! [`List`] (the article list and its filter) and [`Help`] — while it keeps
//! what ties them together: the articles, which pair is open, which pane has
//! the keyboard and the status note. Drawing reads the state and never
//! changes it (see `render`); what goes to the terminal besides the frame
//! (the OSC 52 clipboard sequence) waits in an outbox for the loop.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};

use super::clipboard;
use super::flags::{self, FlagState};
use super::geometry::{self, PaneGeometry};
use super::help::Help;
use super::keymap::{Action, Ctx, Dir, Jump, Keymap};
use super::list::{self, List};
use super::overview;
use super::pairs::{self, Arrived, LikelySource, Pairs};
use super::provenance::Provenance;
use super::reading::{LaidOut, LayoutJob, Reading};
use super::save::{self, HtmlReport};
use super::search::Search;
use super::worker::{self, Done, Job};
use crate::align::Alignment;
use crate::article::{Article, safe_line};
use crate::comparison::Comparison;
use crate::corpus::Pair;
use crate::drift::Flag;
use crate::view::{RowKind, Side, Spread, Theme, Unit};

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
    /// The article list: selection and filter.
    pub(crate) list: List,
    pub(crate) provenance: Provenance,
    /// The flag stepped to and the flags panel.
    pub(crate) flags: FlagState,
    /// The key bindings: the defaults with a config file's.
    pub(crate) keymap: Keymap,
    /// Position of the current pair in the ranking, when it is a ranked pair.
    pub(crate) pair_pos: Option<usize>,
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Set once the reader picks a pair: the ranking then no longer moves it.
    chosen: bool,
    /// `]` and `[` step through every ranked pair, not only those that share text.
    pub(crate) all_pairs: bool,
    pub(crate) pane: Pane,
    /// The side list on a wide screen.
    pub(crate) list_shown: bool,
    /// The list popup on a narrow screen.
    pub(crate) list_popup: bool,
    pub(crate) note: Option<String>,
    pub(crate) tick: usize,
    /// What `e` writes a pair with; `None`: `e` says it cannot.
    html: Option<HtmlReport>,
    /// Where `e` writes.
    out_dir: PathBuf,
    /// Bytes for the terminal besides the frame (OSC 52), for the loop.
    outbox: Option<Vec<u8>>,
    /// Digits of the open pair's largest paragraph number (the width of the
    /// number column), kept as the pair changes.
    digits: usize,
    /// The open pair's likely source, decided when it is aligned.
    likely: Option<LikelySource>,
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
        let mut app = App {
            arts,
            theme: Theme::new(color),
            mouse,
            size: Rect::new(0, 0, 80, 24),
            pairs: Pairs::new(n),
            reading: Reading::default(),
            search: Search::default(),
            help: Help::default(),
            list: List::new(n),
            provenance: Provenance::default(),
            flags: FlagState::default(),
            keymap: Keymap::default(),
            pair_pos: None,
            a: 0,
            b: usize::from(n > 1),
            chosen: false,
            all_pairs: false,
            pane: Pane::B,
            list_shown: true,
            list_popup: false,
            note: None,
            tick: 0,
            html: None,
            out_dir: PathBuf::from("."),
            outbox: None,
            digits: 1,
            likely: None,
            loading: false,
            quit: false,
            redraw: false,
        };
        app.count_digits();
        app
    }

    /// Open the first two articles as A and B, in the order given (the
    /// command line's two paths): the ranking no longer chooses the pair.
    /// A list of two has nothing to choose from, so the panes get the
    /// width (`o` shows it).
    pub fn keep_order(&mut self) {
        if self.arts.len() >= 2 {
            self.chosen = true;
            if self.arts.len() == 2 {
                self.list_shown = false;
            }
            self.set_pair(0, 1);
        }
    }

    /// Use the key bindings `keymap` (the defaults with a config file's).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
        self.help.fit(self.size.height, &self.theme, &self.keymap);
    }

    /// Draw with `theme` (a palette chosen for the terminal's background,
    /// with a config file's colours).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// The key bindings in force.
    pub fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    /// The flags of the open pair (changed quotations, numbers and names),
    /// once it is aligned.
    pub fn flag_list(&self) -> Option<&[Flag]> {
        self.comparison().map(|c| c.flags.as_slice())
    }

    /// The flag last stepped to, and the panel.
    pub fn flag_state(&self) -> &FlagState {
        &self.flags
    }

    /// Let `]` and `[` step through every ranked pair (`--all-pairs`).
    pub fn show_all_pairs(&mut self, all: bool) {
        self.all_pairs = all;
    }

    /// Let `e` write reports with `html` into `dir`.
    pub fn export_to(&mut self, html: HtmlReport, dir: impl Into<PathBuf>) {
        self.html = Some(html);
        self.out_dir = dir.into();
    }

    /// Bytes to write to the terminal besides the frame (the clipboard
    /// sequence after `y`), once.
    pub fn take_outbox(&mut self) -> Option<Vec<u8>> {
        self.outbox.take()
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
        // The list now has every article (the filter typed so far applies).
        self.list.refilter(&self.arts);
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
        self.list.selected
    }

    /// The article list: its selection and filter.
    pub fn list(&self) -> &List {
        &self.list
    }

    /// The status note, if any.
    pub fn note(&self) -> Option<&str> {
        self.note.as_deref()
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

    /// The comparison of the open pair, once computed: what every figure
    /// the reader shows comes from.
    pub fn comparison(&self) -> Option<&Arc<Comparison>> {
        self.pairs.get(self.a, self.b)
    }

    /// The alignment of the open pair, once computed.
    pub fn alignment(&self) -> Option<&Alignment> {
        self.comparison().map(|c| &c.alignment)
    }

    /// The alignment of `(a, b)` if it has been computed.
    pub fn alignment_of(&self, a: usize, b: usize) -> Option<&Alignment> {
        self.pairs.get(a, b).map(|c| &c.alignment)
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
                self.find_likely_source();
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
        self.help.fit(height, &self.theme, &self.keymap);
        if self.flags.is_open() {
            let n = self.flag_list().map_or(0, |f| f.len());
            self.flags.move_by(0, n, height);
        }
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
            Event::Paste(text) => return self.on_paste(text),
            _ => return false,
        }
        true
    }

    /// The keymap contexts in force, innermost first.
    pub fn contexts(&self) -> Vec<Ctx> {
        if self.prompt_open() {
            vec![Ctx::Prompt]
        } else if self.help.is_open() {
            // Global keys work everywhere but in the prompt: q quits from
            // the help as from anywhere else.
            vec![Ctx::Help, Ctx::Global]
        } else if self.provenance.is_open() {
            vec![Ctx::Provenance, Ctx::Global]
        } else if self.flags.is_open() {
            vec![Ctx::Flags, Ctx::Global]
        } else if self.pane == Pane::List && self.list_visible() {
            vec![Ctx::List, Ctx::Global]
        } else {
            vec![Ctx::Pane, Ctx::Global]
        }
    }

    /// Whether a prompt (the search's or the list filter's) takes the keys.
    pub fn prompt_open(&self) -> bool {
        self.search.input.is_some() || self.list.input.is_some()
    }

    /// A paste: typed into the open prompt as one line (controls dropped,
    /// line breaks as spaces); with no prompt open it is ignored, so that
    /// pasted text never acts as keys.
    pub fn on_paste(&mut self, text: &str) -> bool {
        let clean: String = text
            .chars()
            .map(|c| {
                if matches!(c, '\n' | '\r' | '\t') {
                    ' '
                } else {
                    c
                }
            })
            .filter(|c| !c.is_control() && crate::article::decode::is_safe(*c))
            .collect();
        if let Some(input) = self.list.input.as_mut() {
            input.push_str(&clean);
            self.list.take_input(&self.arts);
        } else if let Some(input) = self.search.input.as_mut() {
            input.push_str(&clean);
            self.search.pending = true;
        } else {
            self.note = Some("a paste goes into the search (/) or the list's filter".into());
        }
        true
    }

    /// Feed one key press.
    pub fn on_key(&mut self, k: &KeyEvent) {
        self.note = None;
        match self.keymap.dispatch(&self.contexts(), k) {
            Some(action) => self.apply(action),
            None => {
                // Printable keys type into the open prompt.
                let KeyCode::Char(c) = k.code else { return };
                if k.modifiers.contains(KeyModifiers::CONTROL) {
                    return;
                }
                if let Some(input) = self.list.input.as_mut() {
                    input.push(c);
                    self.list.take_input(&self.arts);
                } else if let Some(input) = self.search.input.as_mut() {
                    input.push(c);
                    self.search.pending = true;
                }
            }
        }
    }

    fn on_mouse(&mut self, m: &MouseEvent) -> bool {
        let (delta, click, drag) = match m.kind {
            MouseEventKind::ScrollDown => (WHEEL_LINES, false, false),
            MouseEventKind::ScrollUp => (-WHEEL_LINES, false, false),
            MouseEventKind::Down(MouseButton::Left) => (0, true, false),
            MouseEventKind::Down(_) => (0, false, false),
            MouseEventKind::Drag(MouseButton::Left) => (0, false, true),
            _ => return false,
        };
        let at = Position::new(m.column, m.row);
        let g = geometry::screen(self.size, self.list_shown);
        let list_area = if self.list_popup {
            Some(self.list_popup_area())
        } else {
            g.list
        };
        if self.list_popup || list_area.is_some_and(|l| l.contains(at)) {
            if drag {
                return false;
            }
            self.pane = Pane::List;
            if delta != 0 {
                self.list.step(delta.signum());
            } else if click
                && let Some(area) = list_area
                && area.contains(at)
            {
                let inner = list::inner(area);
                if inner.contains(at)
                    && let Some(i) = self.list.at_row(inner.height, at.y - inner.y)
                {
                    self.list.selected = i;
                }
            }
            return true;
        }
        for (i, r) in g.panes.iter().enumerate() {
            if !r.contains(at) {
                continue;
            }
            let side = if i == 0 { Side::A } else { Side::B };
            let pg = self.pane_geometry(side);
            // A click or a drag on the map (or the thumb beside it) scrolls
            // to that part of the article.
            if (click || drag) && (pg.map.contains(at) || pg.thumb.contains(at)) {
                self.pane = if i == 0 { Pane::A } else { Pane::B };
                self.scroll_to_map(side, pg, at.y);
                return true;
            }
            if drag {
                return false;
            }
            self.pane = if i == 0 { Pane::A } else { Pane::B };
            if delta != 0 {
                self.reading.scroll(side, delta);
            } else if click
                && (pg.text.contains(at) || pg.gutter.contains(at) || pg.numbers.contains(at))
            {
                self.click_text(side, usize::from(at.y - pg.text.y));
            }
        }
        true
    }

    /// A click on row `dy` of a pane's text focuses the passage there (a
    /// moved run's note: its first link, with its counterpart brought in view).
    fn click_text(&mut self, side: Side, dy: usize) {
        let top = self.reading.top[side.index()];
        let Some(row) = self
            .reading
            .spread()
            .and_then(|sp| sp.rows(side).get(top + dy))
        else {
            return;
        };
        let (unit, note) = (row.unit, row.kind == RowKind::Note);
        if unit == Unit::Other || !matches!(row.kind, RowKind::Text | RowKind::Note) {
            return;
        }
        self.reading.focus = Some(unit);
        let moved = match unit {
            Unit::Link(i) => self.alignment().is_some_and(|al| al.links[i].moved),
            _ => false,
        };
        if note || moved {
            self.reading.show(unit);
        }
    }

    /// Scroll `side` so that the rows of the map cell at screen row `y` are
    /// in the middle of the pane.
    fn scroll_to_map(&mut self, side: Side, pg: PaneGeometry, y: u16) {
        let Some(total) = self.reading.spread().map(Spread::len) else {
            return;
        };
        let cell = usize::from(y.saturating_sub(pg.map.y));
        let rows = overview::rows_of(total, usize::from(pg.map.height), cell);
        let page = self.page();
        let target = rows.start.saturating_sub(page / 2) as isize;
        let now = self.reading.top[side.index()] as isize;
        self.reading.scroll(side, target - now);
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
            Action::PageDown => self.move_by(self.page_of(self.pane) as isize),
            Action::PageUp => self.move_by(-(self.page_of(self.pane) as isize)),
            Action::Top => self.move_by(isize::MIN / 2),
            Action::Bottom => self.move_by(isize::MAX / 2),
            Action::Next => self.next(Dir::Forward),
            Action::Prev => self.next(Dir::Backward),
            Action::Jump(kind, dir) => self.jump(Some(kind), dir),
            Action::Search => self.search.open(),
            Action::Filter => {
                self.list.open();
                self.pane = Pane::List;
            }
            Action::Accept => self.accept(),
            Action::Erase => {
                if let Some(i) = self.list.input.as_mut() {
                    i.pop();
                    self.list.take_input(&self.arts);
                } else if let Some(i) = self.search.input.as_mut() {
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
            Action::AllPairs => {
                self.all_pairs = !self.all_pairs;
                let walk = self.walk().len();
                // The keys as configured, not the defaults.
                let keys = [Action::NextPair, Action::PrevPair]
                    .map(|a| self.keymap.key_for(Ctx::Global, a))
                    .into_iter()
                    .flatten()
                    .collect::<Vec<_>>()
                    .join(" and ");
                let keys = if keys.is_empty() {
                    "the pair keys".to_string()
                } else {
                    keys
                };
                self.note = Some(if self.all_pairs {
                    format!("{keys} step through all {walk} pairs")
                } else {
                    format!("{keys} step through the {walk} pairs that share text")
                });
            }
            Action::Provenance => {
                if self.provenance.is_open() {
                    self.provenance.close();
                } else if let Some(r) = self.pairs.ranking() {
                    let partial = !self.pairs.ranked();
                    // One popup at a time: the keys go to one, so only one
                    // may be seen.
                    self.flags.close();
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
            Action::Export => self.export(),
            Action::Copy => self.copy(),
            Action::Flags => self.toggle_flags(),
            Action::OpenFlag => {
                let i = self.flags.selected();
                if self.flag_list().is_some_and(|f| i < f.len()) {
                    self.flags.close();
                    self.go_to_flag(i);
                }
            }
        }
    }

    /// `!`: open or close the list of flags.
    fn toggle_flags(&mut self) {
        if self.flags.is_open() {
            self.flags.close();
            return;
        }
        // Open even before the pair is aligned, or with no flag: the panel
        // says so.
        let n = self.flag_list().map_or(0, |f| f.len());
        // Over the sources popup it would be drawn on top while the keys
        // still went to the popup below: one at a time.
        self.provenance.close();
        self.flags.open(n, self.size.height);
    }

    /// `f` / `F`: the next or previous flag, its link focused and both its
    /// sides level on screen.
    fn step_flag(&mut self, dir: Dir) {
        let Some(flags) = self.flag_list() else {
            if self.arts.len() >= 2 {
                self.reading.deferred = Some((Some(Jump::Flag), dir));
                self.note = Some("aligning: will jump when ready".into());
            }
            return;
        };
        match flags::step(flags.len(), self.flags.current, dir) {
            Some(i) => self.go_to_flag(i),
            None if flags.is_empty() => {
                self.note = Some("no quotation, number or name changed in this pair".into());
            }
            None => {
                let way = if dir == Dir::Forward {
                    "that was the last flag"
                } else {
                    "this is the first flag"
                };
                self.note = Some(way.into());
            }
        }
    }

    /// Make flag `i` of the open pair the current one: its link focused, its
    /// two sides brought into view level with each other.
    fn go_to_flag(&mut self, i: usize) {
        let Some(f) = self.flag_list().and_then(|f| f.get(i)).cloned() else {
            return;
        };
        self.flags.current = Some(i);
        self.reading.focus = f.link.map(Unit::Link);
        self.reading.show_level(f.a.start, f.b.start);
    }

    /// The status bar's line for the current flag, while its link (or, for
    /// a flag outside the links, nothing) has the focus.
    pub fn flag_status(&self) -> Option<String> {
        let i = self.flags.current?;
        let flags = self.flag_list()?;
        let f = flags.get(i)?;
        (self.reading.focus == f.link.map(Unit::Link)).then(|| flags::status(flags, i))
    }

    /// Enter in a prompt: keep what was typed.
    fn accept(&mut self) {
        if self.list.input.is_some() {
            self.list.accept();
            if self.list.shown().is_empty() {
                self.note = Some(format!("no article matches “{}”", self.list.query));
            }
            return;
        }
        self.search.input = None;
        if self.search.query.is_empty() {
            self.search.clear();
        } else if self.search.matches.is_empty() {
            self.note = Some(format!("no match for “{}”", self.search.query));
        }
    }

    /// Esc: close the innermost thing open. It never quits (q and Ctrl-C
    /// do): a reader pressing Esc to leave a search must not lose the session.
    fn back(&mut self) {
        if self.list.input.is_some() {
            self.list.cancel(&self.arts);
        } else if self.search.input.is_some() {
            self.search.cancel();
            self.find_matches();
        } else if self.help.is_open() {
            self.help.close();
        } else if self.provenance.is_open() {
            self.provenance.close();
        } else if self.flags.is_open() {
            self.flags.close();
        } else if self.pane == Pane::List && self.list.filtered() {
            self.list.clear(&self.arts);
        } else if self.list_popup {
            self.list_popup = false;
            self.pane = Pane::B;
        } else if self.search.active() {
            self.search.clear();
        } else if self.reading.focus.is_some() {
            self.reading.focus = None;
        } else {
            self.note = Some(match self.keymap.key_for(Ctx::Global, Action::Quit) {
                Some(q) => format!("{q} quits"),
                None => "Ctrl-C quits".into(),
            });
        }
    }

    /// `e`: write the open pair as the HTML report into the working folder.
    fn export(&mut self) {
        let Some(html) = self.html else {
            self.note = Some("no report writer in this build".into());
            return;
        };
        let Some(c) = self.comparison().cloned() else {
            self.note = Some(if self.arts.len() < 2 {
                "open two articles first".into()
            } else {
                "still aligning this pair: try again in a moment".into()
            });
            return;
        };
        let (a, b) = (&self.arts[self.a], &self.arts[self.b]);
        let report = html(a, b, &c);
        let base = save::base_name(a, b);
        self.note = Some(
            match save::write_new(&self.out_dir, &base, "html", report.as_bytes()) {
                Ok(path) => {
                    let shown = std::path::absolute(&path).unwrap_or(path);
                    format!("wrote {}", safe_line(&shown.to_string_lossy()))
                }
                Err(e) => format!(
                    "cannot write {}.html in {}: {}",
                    safe_line(&base),
                    safe_line(&self.out_dir.to_string_lossy()),
                    crate::outfile::os_text(&e)
                ),
            },
        );
    }

    /// `y`: the focused passage, both sides with their file names, to the
    /// clipboard through the terminal (OSC 52).
    fn copy(&mut self) {
        let (Some(al), Some(unit)) = (self.alignment(), self.reading.focus) else {
            let next = self.keymap.key_for(Ctx::Global, Action::Next);
            self.note = Some(match next {
                Some(n) => format!("nothing to copy: focus a passage first ({n}, or a click)"),
                None => "nothing to copy: focus a passage first (click one)".into(),
            });
            return;
        };
        let Some(text) = clipboard::passage(&self.arts[self.a], &self.arts[self.b], al, unit)
        else {
            return;
        };
        let (text, cut) = clipboard::cut(&text, clipboard::MAX_COPY);
        self.outbox = Some(clipboard::osc52(text));
        let what = match unit {
            Unit::Link(i) => format!("link {}", i + 1),
            Unit::New(_) => "the new passage".into(),
            Unit::Dropped(_) => "the dropped passage".into(),
            Unit::Other => String::new(),
        };
        self.note = Some(if cut {
            format!("copied {what}, cut to 64 KB (OSC 52)")
        } else {
            format!("copied {what} to the clipboard (OSC 52)")
        });
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

    /// The narrow screen's list popup.
    pub fn list_popup_area(&self) -> Rect {
        let h = u16::try_from(self.list.shown().len() * 2 + 2).unwrap_or(u16::MAX);
        geometry::popup(self.size, 72, h.max(4))
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

    /// Digits of the largest paragraph number of the open pair.
    pub fn number_digits(&self) -> usize {
        self.digits
    }

    fn count_digits(&mut self) {
        let count = |i: usize| self.arts.get(i).map_or(0, |a| a.body_counts().0);
        self.digits = geometry::digits(count(self.a).max(count(self.b)));
    }

    /// Where the parts of a pane go on the current screen.
    pub fn pane_geometry(&self, side: Side) -> PaneGeometry {
        self.pane_geometry_in(self.size, side)
    }

    /// Where the parts of a pane go on a screen of `area`.
    pub fn pane_geometry_in(&self, area: Rect, side: Side) -> PaneGeometry {
        let g = geometry::screen(area, self.list_shown);
        geometry::pane(g.panes[side.index()], self.number_digits())
    }

    /// Text rows visible in a pane.
    pub fn page(&self) -> usize {
        usize::from(self.pane_geometry(Side::A).text.height).max(1)
    }

    /// Text widths of panes A and B for the current size.
    pub fn text_widths(&self) -> (usize, usize) {
        let w = |s| usize::from(self.pane_geometry(s).text.width);
        (w(Side::A), w(Side::B))
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

    /// A page of `pane`: text rows, or articles in the list.
    fn page_of(&self, pane: Pane) -> usize {
        if pane != Pane::List || self.help.is_open() {
            return self.page();
        }
        let area = if self.list_popup {
            Some(self.list_popup_area())
        } else {
            geometry::screen(self.size, self.list_shown).list
        };
        area.map_or(1, |a| usize::from(list::inner(a).height / 2).max(1))
    }

    /// The largest first row a pane can show: the last page ends at the last row.
    pub fn max_top(&self) -> usize {
        self.reading.max_top()
    }

    fn move_by(&mut self, delta: isize) {
        if self.help.is_open() {
            self.help
                .scroll_by(delta, self.size.height, &self.theme, &self.keymap);
            return;
        }
        if self.provenance.is_open() {
            self.provenance.move_by(delta, self.size.height);
            return;
        }
        if self.flags.is_open() {
            let n = self.flag_list().map_or(0, |f| f.len());
            self.flags.move_by(delta, n, self.size.height);
            return;
        }
        match self.pane {
            Pane::List => self.list.step(delta),
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

    /// Step to the next passage of a kind (`None`: any link), or flag.
    fn jump(&mut self, kind: Option<Jump>, dir: Dir) {
        if kind == Some(Jump::Flag) {
            self.step_flag(dir);
            return;
        }
        let Some(c) = self.comparison().cloned() else {
            // Keys pressed while the pair is aligned are not lost: the jump
            // happens when the alignment arrives.
            if self.arts.len() >= 2 {
                self.reading.deferred = Some((kind, dir));
                self.note = Some("aligning: will jump when ready".into());
            }
            return;
        };
        let side = self.reading_side();
        if let Some(note) = self.reading.jump(&c, kind, dir, side) {
            self.note = Some(note);
        }
    }

    fn choose(&mut self, side: Side) {
        let s = self.list.selected;
        if s >= self.arts.len() || self.arts.len() < 2 || !self.list.shown().contains(&s) {
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

    /// The ranked pairs `]` and `[` step through: those that share text,
    /// or with `*` all of them, most reused first. Whatever ranking exists
    /// (a partial one included) is walked.
    pub fn walk(&self) -> Vec<&Pair> {
        self.pairs
            .ranking()
            .unwrap_or_default()
            .iter()
            .filter(|p| self.all_pairs || pairs::shares_text(p))
            .collect()
    }

    /// Where the open pair is in the walk, either way round: `(n, of, swapped)`.
    pub fn walk_position(&self) -> Option<(usize, usize, bool)> {
        let walk = self.walk();
        let at = |a, b| walk.iter().position(|p| (p.a, p.b) == (a, b));
        match (at(self.a, self.b), at(self.b, self.a)) {
            (Some(n), _) => Some((n, walk.len(), false)),
            (None, Some(n)) => Some((n, walk.len(), true)),
            _ => None,
        }
    }

    fn step_pair(&mut self, step: isize) {
        if self.pairs.ranking().is_none() {
            self.note = Some("still ranking the pairs".into());
            return;
        }
        let walk = self.walk();
        let all = self.pairs.ranking().map_or(0, <[Pair]>::len);
        if walk.is_empty() {
            self.note = Some(if self.arts.len() < 2 {
                "one article: no other pair to step to".into()
            } else if all == 0 {
                "no pairs to step through".into()
            } else {
                format!("no pair shares text; * steps through all {all}")
            });
            return;
        }
        let n = walk.len() as isize;
        // From a pair picked by hand, start from where it ranks (either way
        // round), or from the end the step comes from.
        let here = self
            .walk_position()
            .map_or(if step > 0 { -1 } else { n }, |(p, _, _)| p as isize);
        let next = here + step;
        if !(0..n).contains(&next) {
            let rest = if self.all_pairs || all == walk.len() {
                String::new()
            } else {
                format!(" that shares text (* for all {all})")
            };
            self.note = Some(if step > 0 && !self.pairs.ranked() {
                format!("that was the last pair{rest} found so far (still ranking)")
            } else if step > 0 {
                format!("that was the last pair{rest}")
            } else {
                format!("this is the first pair{rest}")
            });
            return;
        }
        let (a, b) = (walk[next as usize].a, walk[next as usize].b);
        self.chosen = true;
        self.set_pair(a, b);
    }

    /// Which article of the open pair is the likely source, and why.
    pub fn likely_source(&self) -> Option<LikelySource> {
        self.likely
    }

    /// Decide the likely source of the open pair, once it is aligned.
    fn find_likely_source(&mut self) {
        self.likely = self
            .alignment()
            .and_then(|al| pairs::likely_source(&self.arts, self.a, self.b, al));
    }

    fn set_pair(&mut self, a: usize, b: usize) {
        let changed = (a, b) != (self.a, self.b);
        self.a = a;
        self.b = b;
        self.count_digits();
        self.find_likely_source();
        self.pair_pos = self.pairs.rank_of(a, b);
        if changed || self.reading.spread().is_none() {
            self.reading.reset();
        }
        if changed {
            self.flags.reset();
        }
        // Outside the list (ranking, brackets, swap) the selection follows
        // A, unless the filter hides it.
        if self.pane != Pane::List && self.list.shown().contains(&a) {
            self.list.selected = a;
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
    fn brackets_walk_the_pairs_that_share_text_and_star_walks_all() {
        let mut app = settled();
        let ranked: Vec<(usize, usize)> =
            app.ranking().unwrap().iter().map(|p| (p.a, p.b)).collect();
        let sharing: Vec<(usize, usize)> = app
            .ranking()
            .unwrap()
            .iter()
            .filter(|p| pairs::shares_text(p))
            .map(|p| (p.a, p.b))
            .collect();
        // The ranking holds the pairs that share text and no other
        // (`corpus::Pair::shares_text`, the one definition `rank` lists).
        let n = sharing.len();
        assert!(n >= 2 && n == ranked.len(), "{n} of {}", ranked.len());
        let mut seen = vec![app.pair()];
        for _ in 1..sharing.len() {
            app.apply(Action::NextPair);
            app.settle();
            seen.push(app.pair());
        }
        assert_eq!(seen, sharing);
        app.apply(Action::NextPair);
        assert!(
            app.note
                .as_deref()
                .is_some_and(|n| n.starts_with("that was the last pair")),
            "{:?}",
            app.note
        );
        assert_eq!(app.walk_position(), Some((n - 1, n, false)));
        app.apply(Action::PrevPair);
        app.settle();
        assert_eq!(app.pair(), sharing[n - 2]);
        // After a swap the pair keeps its place in the walk.
        app.apply(Action::Swap);
        assert_eq!(app.walk_position(), Some((n - 2, n, true)));
        // * walks every ranked pair.
        app.apply(Action::AllPairs);
        let mut seen = Vec::new();
        app.apply(Action::NextPair);
        app.settle();
        seen.push(app.pair());
        while app.walk_position().is_some_and(|(n, of, _)| n + 1 < of) {
            app.apply(Action::NextPair);
            app.settle();
            seen.push(app.pair());
        }
        assert_eq!(seen, ranked[n - 1..]);
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
        // Esc never quits: it clears the focus, then says how to quit.
        for _ in 0..3 {
            app.apply(Action::Back);
        }
        assert!(!app.should_quit());
        assert_eq!(app.focus(), None);
        assert_eq!(app.note(), Some("q quits"));
    }

    #[test]
    fn w_shows_who_took_from_whom_and_enter_opens_the_pair() {
        let mut app = settled();
        let arts = crate::article::bundled();
        let idx = |s: &str| arts.iter().position(|a| a.path.contains(s)).unwrap();
        let (reuters, rewrite) = (idx("reuters"), idx("undated-rewrite"));
        let (wsj, insider) = (idx("wsj"), idx("the-insider"));
        app.apply(Action::Provenance);
        assert!(app.provenance.is_open());
        assert_eq!(app.contexts()[0], Ctx::Provenance);
        // Two roots of one child each, the first given first: the WSJ story
        // with The Insider (which names it), and the Reuters story with the
        // rewrite that names it (Palakshi's, the same day and as much of each
        // in the other, is related, not a child).
        let lines = app.provenance.lines().to_vec();
        let tree: Vec<(usize, usize)> = lines.iter().map(|n| (n.depth, n.article)).collect();
        assert_eq!(
            tree,
            [(0, wsj), (1, insider), (0, reuters), (1, rewrite)],
            "{tree:?}"
        );
        app.apply(Action::Down);
        app.apply(Action::Down);
        app.apply(Action::Down);
        app.apply(Action::OpenPair);
        app.settle();
        assert!(!app.provenance.is_open());
        assert_eq!(app.pair(), (reuters, rewrite));
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
        app.list.selected = 0;
        app.apply(Action::SetA);
        app.list.selected = 4;
        app.apply(Action::SetB);
        app.settle();
        assert_eq!(app.pair(), (0, 4));
        app.apply(Action::Swap);
        app.settle();
        assert_eq!(app.pair(), (4, 0));
        // Choosing B's article as A swaps rather than comparing it with itself.
        app.list.selected = 0;
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
        assert_eq!(
            end,
            crate::ui::help::lines(&app.theme, &app.keymap).len() - 16
        );
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
        let byte = sp.b[app.tops()[1]].first_byte().unwrap();
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
