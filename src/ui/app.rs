//! The state of the interface and everything that changes it.
//!
//! Terminal events become [`Action`]s through the keymap; worker results come
//! in as [`Done`] messages; the app asks for work by queueing [`Job`]s that the
//! event loop forwards (or that [`App::settle`] runs in place, for tests).
//! Drawing reads the state and never changes it (see `render`).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::Arc;

use crossterm::event::{Event, KeyEvent, KeyEventKind, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::geometry;
use super::keymap::{self, Action, Ctx, Dir, Jump};
use super::worker::{self, Done, Job};
use crate::align::{Alignment, Kind};
use crate::article::Article;
use crate::corpus::Pair;
use crate::view::{Side, Spread, Theme, Unit};

/// Which part of the screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    List,
    A,
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

/// A search hit: bytes of one article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub side: Side,
    pub bytes: Range<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The prompt's text while the user types; `None` when the prompt is closed.
    pub input: Option<String>,
    /// The query in force (empty: no search).
    pub query: String,
    /// What `query` was before the prompt opened, for Esc to restore.
    before: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
}

impl Search {
    /// Whether n/N step through matches rather than links.
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }
}

/// Lines scrolled by one mouse wheel notch.
const WHEEL_LINES: isize = 3;

pub struct App {
    pub(crate) arts: Arc<Vec<Article>>,
    pub(crate) theme: Theme,
    pub(crate) mouse: bool,
    pub(crate) size: Rect,
    pub(crate) ranking: Option<Vec<Pair>>,
    pub(crate) progress: Option<(usize, usize)>,
    /// Position of the current pair in the ranking, when it is a ranked pair.
    pub(crate) pair_pos: Option<usize>,
    pub(crate) a: usize,
    pub(crate) b: usize,
    /// Set once the reader picks a pair: the ranking then no longer moves it.
    chosen: bool,
    alignments: HashMap<(usize, usize), Arc<Alignment>>,
    requested: HashSet<(usize, usize)>,
    outbox: Vec<(Job, bool)>,
    spread: Option<Spread>,
    pub(crate) pane: Pane,
    /// The side list on a wide screen.
    pub(crate) list_shown: bool,
    /// The list popup on a narrow screen.
    pub(crate) list_popup: bool,
    pub(crate) selected: usize,
    pub(crate) top: [usize; 2],
    pub(crate) sync: bool,
    pub(crate) focus: Option<Unit>,
    /// A jump asked for before the pair was aligned.
    deferred: Option<(Option<Jump>, Dir)>,
    pub(crate) search: Search,
    /// The help popup and its scroll offset.
    pub(crate) help: Option<usize>,
    pub(crate) note: Option<String>,
    pub(crate) tick: usize,
    quit: bool,
    redraw: bool,
}

impl App {
    /// A new app over `arts`; it starts by asking for the ranking of all pairs.
    pub fn new(arts: Vec<Article>, color: bool, mouse: bool) -> App {
        Self::with_shared(Arc::new(arts), color, mouse)
    }

    pub fn with_shared(arts: Arc<Vec<Article>>, color: bool, mouse: bool) -> App {
        let n = arts.len();
        let mut app = App {
            arts,
            theme: Theme::new(color),
            mouse,
            size: Rect::new(0, 0, 80, 24),
            ranking: None,
            progress: None,
            pair_pos: None,
            a: 0,
            b: usize::from(n > 1),
            chosen: false,
            alignments: HashMap::new(),
            requested: HashSet::new(),
            outbox: Vec::new(),
            spread: None,
            pane: Pane::B,
            list_shown: true,
            list_popup: false,
            selected: 0,
            top: [0, 0],
            sync: true,
            focus: None,
            deferred: None,
            search: Search::default(),
            help: None,
            note: None,
            tick: 0,
            quit: false,
            redraw: false,
        };
        if n >= 2 {
            app.progress = Some((0, n * (n - 1) / 2));
            app.outbox.push((Job::Rank, true));
        }
        app
    }

    pub fn articles(&self) -> &[Article] {
        &self.arts
    }

    /// The current pair (A, B) as article indices.
    pub fn pair(&self) -> (usize, usize) {
        (self.a, self.b)
    }

    /// The first row shown in panes A and B.
    pub fn tops(&self) -> [usize; 2] {
        self.top
    }

    /// The search in force, its matches and the current one.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// The passage with the focus.
    pub fn focus(&self) -> Option<Unit> {
        self.focus
    }

    /// Every pair ranked by reuse, once the ranking is done.
    pub fn ranking(&self) -> Option<&[Pair]> {
        self.ranking.as_deref()
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
        self.help
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
        self.sync
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// True once after Ctrl-L: the loop clears the terminal before drawing.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// Jobs for the worker (`true`: urgent).
    pub fn take_jobs(&mut self) -> Vec<(Job, bool)> {
        std::mem::take(&mut self.outbox)
    }

    /// Whether results are still expected (the loop animates progress then).
    pub fn busy(&self) -> bool {
        self.progress.is_some() || !self.requested.is_empty()
    }

    /// Do all queued work on this thread, as the worker would.
    pub fn settle(&mut self) {
        loop {
            let jobs = self.take_jobs();
            if jobs.is_empty() {
                break;
            }
            for (job, _) in jobs {
                let d = worker::compute(&self.arts, &job, &|_, _| {});
                self.on_done(d);
            }
        }
    }

    /// Advance the progress animation.
    pub fn on_tick(&mut self) {
        self.tick = self.tick.wrapping_add(1);
    }

    pub fn alignment(&self) -> Option<&Arc<Alignment>> {
        self.alignments.get(&(self.a, self.b))
    }

    /// The alignment of `(a, b)` if it has been computed.
    pub fn alignment_of(&self, a: usize, b: usize) -> Option<&Arc<Alignment>> {
        self.alignments.get(&(a, b))
    }

    pub fn on_done(&mut self, d: Done) {
        match d {
            Done::Progress(n, total) => self.progress = Some((n, total)),
            Done::Ranked(r) => {
                self.progress = None;
                let first = r.first().map(|p| (p.a, p.b));
                self.ranking = Some(r);
                match first {
                    Some((a, b)) if !self.chosen => {
                        // A jump asked for on the waiting screen is meant for
                        // the first pair shown, which is this one.
                        let deferred = self.deferred.take();
                        self.set_pair(a, b);
                        self.deferred = deferred;
                    }
                    _ => {
                        self.pair_pos = self.rank_of(self.a, self.b);
                        self.prefetch();
                    }
                }
            }
            Done::Aligned(a, b, al) => {
                self.requested.remove(&(a, b));
                self.alignments.insert((a, b), al);
                if (a, b) == (self.a, self.b) {
                    self.spread = None;
                    self.relayout();
                    self.find_matches();
                    if let Some((kind, dir)) = self.deferred.take() {
                        self.note = None;
                        self.jump(kind, dir);
                    }
                }
            }
        }
    }

    pub fn resize(&mut self, width: u16, height: u16) {
        self.size = Rect::new(0, 0, width, height);
        if self.pane == Pane::List && !self.list_visible() {
            self.pane = Pane::B;
        }
        // A taller screen shows more of the help: its last page starts
        // earlier (past it, the first k would seem to do nothing).
        if let Some(h) = self.help {
            self.help = Some(h.min(self.help_max()));
        }
        self.relayout();
    }

    /// The largest help scroll offset: its last line at the popup's bottom.
    fn help_max(&self) -> usize {
        // Lines that fit in the popup: the screen less borders and margin.
        let shown = usize::from(self.size.height.saturating_sub(4)).max(1);
        super::render::help_lines(self).len().saturating_sub(shown)
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
        } else if self.help.is_some() {
            // Global keys work everywhere but in the prompt: q quits from
            // the help as from anywhere else.
            vec![Ctx::Help, Ctx::Global]
        } else if self.pane == Pane::List && self.list_visible() {
            vec![Ctx::List, Ctx::Global]
        } else {
            vec![Ctx::Pane, Ctx::Global]
        }
    }

    pub fn on_key(&mut self, k: &KeyEvent) {
        self.note = None;
        match keymap::dispatch(&self.contexts(), k) {
            Some(action) => self.apply(action),
            None => {
                // Printable keys type into the search prompt.
                if let (Some(input), crossterm::event::KeyCode::Char(c)) =
                    (self.search.input.as_mut(), k.code)
                    && !k
                        .modifiers
                        .contains(crossterm::event::KeyModifiers::CONTROL)
                {
                    input.push(c);
                    self.search_live();
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
                    self.scroll(side, delta);
                }
            }
        }
        true
    }

    /// Whether the article list is on screen (side pane or popup).
    pub fn list_visible(&self) -> bool {
        self.list_popup || (self.list_shown && self.size.width >= geometry::WIDE)
    }

    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::Back => self.back(),
            Action::Redraw => self.redraw = true,
            // The input thread suspends at once, before the key gets here.
            Action::Suspend => {}
            Action::Help => self.help = Some(0),
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
            Action::Search => {
                self.search.before = self.search.query.clone();
                self.search.input = Some(String::new());
            }
            Action::Accept => {
                self.search.input = None;
                if self.search.query.is_empty() {
                    self.clear_search();
                } else if self.search.matches.is_empty() {
                    self.note = Some(format!("no match for “{}”", self.search.query));
                }
            }
            Action::Erase => {
                if let Some(i) = self.search.input.as_mut() {
                    i.pop();
                    self.search_live();
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
            Action::ToggleSync => {
                self.sync = !self.sync;
                if self.sync {
                    self.level_from(self.reading_side());
                }
                self.note = Some(
                    if self.sync {
                        "synchronized scrolling"
                    } else {
                        "independent scrolling"
                    }
                    .into(),
                );
            }
        }
    }

    fn back(&mut self) {
        if self.search.input.is_some() {
            // Esc in the prompt cancels the edit: the previous search returns.
            self.search.input = None;
            self.search.query = std::mem::take(&mut self.search.before);
            self.find_matches();
        } else if self.help.is_some() {
            self.help = None;
        } else if self.list_popup {
            self.list_popup = false;
            self.pane = Pane::B;
        } else if self.search.active() {
            self.clear_search();
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
        match &self.spread {
            Some(s) if s.widths == (wa, wb) => Some(Cow::Borrowed(s)),
            _ => Some(Cow::Owned(Spread::build(
                &self.arts[self.a],
                &self.arts[self.b],
                al,
                wa,
                wb,
            ))),
        }
    }

    fn relayout(&mut self) {
        let (wa, wb) = self.text_widths();
        // Panes with no room for text draw none (see `render`), so there the
        // layout in hand is kept: one for width 0 would put every character
        // on a row of its own (a million rows for a 1 MB article) on the way
        // through a tiny terminal.
        if wa > 0
            && wb > 0
            && let Some(al) = self.alignment().cloned()
            && self.spread.as_ref().is_none_or(|s| s.widths != (wa, wb))
        {
            self.spread = Some(Spread::build(
                &self.arts[self.a],
                &self.arts[self.b],
                &al,
                wa,
                wb,
            ));
            self.sort_matches();
        }
        let max = self.max_top();
        for t in &mut self.top {
            *t = (*t).min(max);
        }
    }

    /// The largest first row a pane can show: the last page ends at the last row.
    pub fn max_top(&self) -> usize {
        let len = self.spread.as_ref().map_or(0, Spread::len);
        len.saturating_sub(self.page())
    }

    /// Scroll `side` by `delta` rows; with synchronized scrolling the other
    /// side is brought level with it (same row index, as the layout is levelled).
    fn scroll(&mut self, side: Side, delta: isize) {
        let max = self.max_top() as isize;
        let t = (self.top[side.index()] as isize)
            .saturating_add(delta)
            .clamp(0, max.max(0));
        self.top[side.index()] = t as usize;
        if self.sync {
            self.level_from(side);
        }
    }

    fn level_from(&mut self, side: Side) {
        self.top[side.other().index()] = self.top[side.index()];
    }

    fn move_by(&mut self, delta: isize) {
        if let Some(h) = self.help {
            let max = self.help_max() as isize;
            self.help = Some((h as isize).saturating_add(delta).clamp(0, max) as usize);
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
            Pane::A => self.scroll(Side::A, delta),
            Pane::B => self.scroll(Side::B, delta),
        }
    }

    /// Bring a passage into view on both sides, a quarter page from the top,
    /// so that a link and its counterpart (even a moved one) sit side by side.
    fn show(&mut self, unit: Unit) {
        let Some(sp) = &self.spread else { return };
        let ctx = self.page() / 4;
        let max = self.max_top();
        let rows = [sp.unit_rows(Side::A, unit), sp.unit_rows(Side::B, unit)];
        for (i, r) in rows.iter().enumerate() {
            if let Some(r) = r {
                self.top[i] = r.start.saturating_sub(ctx).min(max);
            }
        }
        match rows {
            [Some(_), None] if self.sync => self.level_from(Side::A),
            [None, Some(_)] if self.sync => self.level_from(Side::B),
            _ => {}
        }
    }

    /// n / N: matches while a search is active, links otherwise.
    fn next(&mut self, dir: Dir) {
        if self.search.active() {
            self.step_match(dir);
        } else {
            self.jump(None, dir);
        }
    }

    /// Step to the next passage of a kind (`None`: any link) in reading order
    /// of the side that holds it (links: the active pane's side).
    fn jump(&mut self, kind: Option<Jump>, dir: Dir) {
        let Some(al) = self.alignment().cloned() else {
            // Keys pressed while the pair is aligned are not lost: the jump
            // happens when the alignment arrives.
            if self.arts.len() >= 2 {
                self.deferred = Some((kind, dir));
                self.note = Some("aligning: will jump when ready".into());
            }
            return;
        };
        let (side, units): (Side, Vec<Unit>) = match kind {
            Some(Jump::Added) => (Side::B, (0..al.b_unlinked.len()).map(Unit::New).collect()),
            Some(Jump::Dropped) => (
                Side::A,
                (0..al.a_unlinked.len()).map(Unit::Dropped).collect(),
            ),
            _ => (
                self.reading_side(),
                al.links
                    .iter()
                    .enumerate()
                    .filter(|(_, l)| match kind {
                        Some(Jump::Copied) => l.kind == Kind::Copied,
                        Some(Jump::Reworded) => l.kind == Kind::Reworded,
                        Some(Jump::Moved) => l.moved,
                        _ => true,
                    })
                    .map(|(i, _)| Unit::Link(i))
                    .collect(),
            ),
        };
        let Some(sp) = &self.spread else { return };
        let mut at: Vec<(usize, Unit)> = units
            .into_iter()
            .filter_map(|u| sp.unit_rows(side, u).map(|r| (r.start, u)))
            .collect();
        at.sort_by_key(|(r, u)| (*r, unit_order(*u)));
        let key = |x: &(usize, Unit)| (x.0, unit_order(x.1));
        let current = self
            .focus
            .and_then(|f| at.iter().find(|(_, u)| *u == f))
            .map(key);
        let top = self.top[side.index()];
        let pick = match (dir, current) {
            (Dir::Forward, Some(c)) => at.iter().find(|x| key(x) > c),
            (Dir::Backward, Some(c)) => at.iter().rev().find(|x| key(x) < c),
            (Dir::Forward, None) => at.iter().find(|x| x.0 >= top),
            (Dir::Backward, None) => at.iter().rev().find(|x| x.0 < top + self.page()),
        };
        let noun = kind.map_or("link", Jump::noun);
        match pick {
            Some(&(_, u)) => {
                self.focus = Some(u);
                self.show(u);
            }
            None if at.is_empty() => self.note = Some(format!("no {noun} in this pair")),
            None => {
                let way = if dir == Dir::Forward {
                    "below"
                } else {
                    "above"
                };
                self.note = Some(format!("no {noun} {way}"));
            }
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

    fn rank_of(&self, a: usize, b: usize) -> Option<usize> {
        self.ranking
            .as_ref()?
            .iter()
            .position(|p| (p.a, p.b) == (a, b))
    }

    fn step_pair(&mut self, step: isize) {
        let Some(r) = &self.ranking else {
            self.note = Some("still ranking the pairs".into());
            return;
        };
        if r.is_empty() {
            self.note = Some("no pairs to step through".into());
            return;
        }
        let n = r.len() as isize;
        // From a pair picked by hand, start from where it ranks (either way round).
        let here = self
            .pair_pos
            .or_else(|| self.rank_of(self.b, self.a))
            .map_or(if step > 0 { -1 } else { n }, |p| p as isize);
        let next = here + step;
        if !(0..n).contains(&next) {
            self.note = Some(
                if step > 0 {
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

    fn request(&mut self, a: usize, b: usize, urgent: bool) {
        if a == b || self.alignments.contains_key(&(a, b)) {
            return;
        }
        if self.requested.insert((a, b)) || urgent {
            self.outbox.push((Job::Align(a, b), urgent));
        }
    }

    /// Work the reader is likely to want next, queued behind what they wait for:
    /// every article against A (for the list's shares) and the next ranked pair.
    fn prefetch(&mut self) {
        for j in 0..self.arts.len() {
            self.request(self.a, j, false);
        }
        if let Some(r) = &self.ranking {
            let next = self.pair_pos.map_or(0, |p| p + 1);
            if let Some(p) = r.get(next) {
                let (a, b) = (p.a, p.b);
                self.request(a, b, false);
            }
        }
    }

    fn set_pair(&mut self, a: usize, b: usize) {
        let changed = (a, b) != (self.a, self.b);
        self.a = a;
        self.b = b;
        self.pair_pos = self.rank_of(a, b);
        if changed || self.spread.is_none() {
            self.spread = None;
            self.top = [0, 0];
            self.focus = None;
            self.deferred = None;
        }
        // Outside the list (ranking, brackets, swap) the selection follows A.
        if self.pane != Pane::List {
            self.selected = a;
        }
        self.request(a, b, true);
        self.prefetch();
        self.relayout();
        self.find_matches();
    }

    fn clear_search(&mut self) {
        self.search = Search::default();
    }

    /// After each keystroke in the prompt: search, and show the first match
    /// at or below the top of the active pane.
    fn search_live(&mut self) {
        self.search.query = self.search.input.clone().unwrap_or_default();
        self.find_matches();
        let side = self.reading_side();
        let top = self.top[side.index()];
        let rows: Vec<usize> = self.match_rows();
        self.search.current =
            rows.iter()
                .position(|&r| r >= top)
                .or(if rows.is_empty() { None } else { Some(0) });
        self.show_match();
    }

    /// The row of each match in the current layout.
    fn match_rows(&self) -> Vec<usize> {
        let Some(sp) = &self.spread else {
            return Vec::new();
        };
        self.search
            .matches
            .iter()
            .map(|m| sp.row_of_byte(m.side, m.bytes.start).unwrap_or(0))
            .collect()
    }

    fn find_matches(&mut self) {
        self.search.matches.clear();
        self.search.current = None;
        if self.search.query.is_empty() || self.arts.len() < 2 {
            return;
        }
        for (side, i) in [(Side::A, self.a), (Side::B, self.b)] {
            for bytes in find_all(&self.arts[i].text, &self.search.query) {
                self.search.matches.push(Match { side, bytes });
            }
        }
        self.sort_matches();
    }

    /// Matches in screen order: by row, A before B on the same row.
    fn sort_matches(&mut self) {
        let rows = self.match_rows();
        if rows.len() != self.search.matches.len() {
            return;
        }
        let cur = self.search.current.map(|c| self.search.matches[c].clone());
        let mut keyed: Vec<(usize, Match)> = rows
            .into_iter()
            .zip(self.search.matches.drain(..))
            .collect();
        keyed.sort_by_key(|(r, m)| (*r, m.side.index(), m.bytes.start));
        self.search.matches = keyed.into_iter().map(|(_, m)| m).collect();
        self.search.current = cur.and_then(|c| self.search.matches.iter().position(|m| *m == c));
    }

    fn step_match(&mut self, dir: Dir) {
        let n = self.search.matches.len();
        if n == 0 {
            self.note = Some(format!("no match for “{}”", self.search.query));
            return;
        }
        let next = match (self.search.current, dir) {
            (None, Dir::Forward) => 0,
            (None, Dir::Backward) => n - 1,
            (Some(c), Dir::Forward) if c + 1 == n => {
                self.note = Some("search wrapped to the top".into());
                0
            }
            (Some(c), Dir::Forward) => c + 1,
            (Some(0), Dir::Backward) => {
                self.note = Some("search wrapped to the bottom".into());
                n - 1
            }
            (Some(c), Dir::Backward) => c - 1,
        };
        self.search.current = Some(next);
        self.show_match();
    }

    /// Scroll the current match into view and read on its side.
    fn show_match(&mut self) {
        let Some(c) = self.search.current else { return };
        let Some(m) = self.search.matches.get(c).cloned() else {
            return;
        };
        let Some(row) = self
            .spread
            .as_ref()
            .and_then(|sp| sp.row_of_byte(m.side, m.bytes.start))
        else {
            return;
        };
        self.pane = match m.side {
            Side::A => Pane::A,
            Side::B => Pane::B,
        };
        self.list_popup = false;
        let h = self.page();
        let t = self.top[m.side.index()];
        if row < t || row >= t + h {
            self.top[m.side.index()] = row.saturating_sub(h / 3).min(self.max_top());
        }
        if self.sync {
            self.level_from(m.side);
        }
    }

    /// Share of `j`'s body found in the current A, once aligned.
    pub fn share_against_a(&self, j: usize) -> Option<f64> {
        self.alignments
            .get(&(self.a, j))
            .map(|al| al.stats.b_copied + al.stats.b_reworded)
    }
}

/// Links before new and dropped passages starting on the same row.
fn unit_order(u: Unit) -> (usize, usize) {
    match u {
        Unit::Link(i) => (0, i),
        Unit::New(i) => (1, i),
        Unit::Dropped(i) => (2, i),
        Unit::Other => (3, 0),
    }
}

/// Byte ranges of `needle` in `hay`, ignoring case, without overlaps.
///
/// Lower-casing can change a character's length, so the search runs over a
/// lower-cased copy that remembers where each of its bytes came from.
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: String = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut low = String::with_capacity(hay.len());
    let mut origin: Vec<usize> = Vec::with_capacity(hay.len() + 1);
    for (i, c) in hay.char_indices() {
        for l in c.to_lowercase() {
            let before = low.len();
            low.push(l);
            origin.extend(std::iter::repeat_n(i, low.len() - before));
        }
    }
    origin.push(hay.len());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = low[from..].find(&needle) {
        let s = from + k;
        let e = s + needle.len();
        let (bs, mut be) = (origin[s], origin[e]);
        // A match ending inside a character's lower-case expansion covers it.
        if e < low.len() && origin[e] == origin[e - 1] {
            be = hay[be..].chars().next().map_or(be, |c| be + c.len_utf8());
        }
        out.push(bs..be);
        from = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_ignores_case_and_keeps_original_offsets() {
        let hay = "İstanbul and ISTANBUL; the Plan, a plan.";
        let got: Vec<&str> = find_all(hay, "plan").into_iter().map(|r| &hay[r]).collect();
        assert_eq!(got, ["Plan", "plan"]);
        let got: Vec<&str> = find_all(hay, "stanbul")
            .into_iter()
            .map(|r| &hay[r])
            .collect();
        assert_eq!(got, ["stanbul", "STANBUL"]);
        assert!(find_all(hay, "").is_empty());
    }

    fn settled() -> App {
        let mut app = App::new(crate::article::bundled(), true, true);
        app.resize(120, 40);
        app.settle();
        app
    }

    #[test]
    fn first_screen_is_the_most_reused_pair_and_work_is_cached() {
        let app = settled();
        let r = app.ranking.as_ref().unwrap();
        assert_eq!(app.pair(), (r[0].a, r[0].b));
        assert!(app.alignment().is_some());
        assert!(!app.busy());
    }

    #[test]
    fn brackets_walk_every_ranked_pair() {
        let mut app = settled();
        let pairs: Vec<(usize, usize)> = app
            .ranking
            .as_ref()
            .unwrap()
            .iter()
            .map(|p| (p.a, p.b))
            .collect();
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
        let first = app.focus;
        app.apply(Action::Next);
        assert_ne!(app.focus, first);
        app.apply(Action::Prev);
        assert_eq!(app.focus, first);
        // A search takes over n/N until Esc clears it.
        app.apply(Action::Search);
        for c in "plan".chars() {
            app.on_key(&KeyEvent::from(crossterm::event::KeyCode::Char(c)));
        }
        app.apply(Action::Accept);
        assert!(app.search.matches.len() > 2);
        let focus = app.focus;
        let cur = app.search.current;
        app.apply(Action::Next);
        assert_ne!(app.search.current, cur);
        assert_eq!(app.focus, focus);
        app.apply(Action::Back);
        assert!(!app.search.active());
        assert!(!app.should_quit());
        app.apply(Action::Back);
        assert!(app.should_quit());
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
        assert_eq!(app.focus, None);
        app.settle();
        assert!(matches!(app.focus, Some(Unit::Link(_))));
    }

    #[test]
    fn help_scrolls_within_its_text() {
        let mut app = settled();
        app.resize(100, 20);
        app.apply(Action::Help);
        for _ in 0..200 {
            app.apply(Action::Down);
        }
        let end = app.help.unwrap();
        assert_eq!(end, crate::ui::render::help_lines(&app).len() - 16);
        app.apply(Action::Up);
        assert_eq!(app.help, Some(end - 1));
    }

    #[test]
    fn synchronized_scrolling_keeps_panes_level_and_can_be_switched_off() {
        let mut app = settled();
        app.pane = Pane::B;
        app.apply(Action::Down);
        app.apply(Action::Down);
        assert_eq!(app.top, [2, 2]);
        app.apply(Action::ToggleSync);
        app.apply(Action::Down);
        assert_eq!(app.top, [2, 3]);
        app.apply(Action::ToggleSync);
        assert_eq!(app.top, [3, 3]);
    }
}
