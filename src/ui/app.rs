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
    /// The matches of each side (A, B) as byte ranges sorted by start, for
    /// drawing (kept here, not sorted again on every frame).
    pub(crate) by_side: [Vec<Range<usize>>; 2],
    /// Typed but not yet searched: a paste or fast typing searches once per
    /// batch of keys (see [`App::catch_up`]), not once per key.
    pending: bool,
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
    /// Each article's text folded to lower case for search, made on its
    /// first search and kept: typing does not fold both texts per key.
    folded: HashMap<usize, Arc<Folded>>,
    /// A layout to build off the UI thread (large pairs), for the loop to send.
    layout_job: Option<LayoutJob>,
    /// The widths of the layout being built off the UI thread, if any.
    laying_out: Option<(usize, usize)>,
    /// Pairs whose texts together are at most this many bytes are laid out
    /// in place; larger ones on the layout thread, so the keys stay live.
    sync_layout_bytes: usize,
}

/// Pairs up to this size (both texts) are laid out on the UI thread: a few
/// milliseconds. Larger ones take seconds for megabytes, off the UI thread.
pub const SYNC_LAYOUT_BYTES: usize = 256 * 1024;

/// A layout to build: everything the layout thread needs, shared.
pub struct LayoutJob {
    arts: Arc<Vec<Article>>,
    al: Arc<Alignment>,
    pair: (usize, usize),
    widths: (usize, usize),
}

impl LayoutJob {
    /// Build the layout (on any thread).
    pub fn run(self) -> LaidOut {
        let (a, b) = self.pair;
        let spread = Spread::build(
            &self.arts[a],
            &self.arts[b],
            &self.al,
            self.widths.0,
            self.widths.1,
        );
        LaidOut {
            al: self.al,
            pair: self.pair,
            spread,
        }
    }
}

/// A layout built off the UI thread, for [`App::on_laid_out`].
pub struct LaidOut {
    al: Arc<Alignment>,
    pair: (usize, usize),
    spread: Spread,
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
            folded: HashMap::new(),
            layout_job: None,
            laying_out: None,
            sync_layout_bytes: SYNC_LAYOUT_BYTES,
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
        self.progress.is_some() || !self.requested.is_empty() || self.laying_out.is_some()
    }

    /// Whether a layout is being built off the UI thread (the one shown, if
    /// any, is for other widths).
    pub fn laying_out(&self) -> bool {
        self.laying_out.is_some()
    }

    /// A layout to build off the UI thread, for the loop to send.
    pub fn take_layout(&mut self) -> Option<LayoutJob> {
        self.layout_job.take()
    }

    /// Lay out pairs larger than `bytes` (both texts) off the UI thread
    /// (tests set 0 to take that path with small articles).
    pub fn set_sync_layout_limit(&mut self, bytes: usize) {
        self.sync_layout_bytes = bytes;
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
        // Whatever the key, it acts on the search typed so far.
        if action != Action::Erase {
            self.catch_up();
        }
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

    /// The layout for given text widths: the cached one when it fits. A
    /// small pair is laid out here for other widths; a large one is not (it
    /// takes seconds): its layout in hand is drawn, clipped, until the new
    /// one comes from the layout thread.
    pub fn spread_for(&self, wa: usize, wb: usize) -> Option<Cow<'_, Spread>> {
        let al = self.alignment()?;
        match &self.spread {
            Some(s) if s.widths == (wa, wb) => Some(Cow::Borrowed(s)),
            Some(s) if !self.small_pair() => Some(Cow::Borrowed(s)),
            None if !self.small_pair() => None,
            _ => Some(Cow::Owned(Spread::build(
                &self.arts[self.a],
                &self.arts[self.b],
                al,
                wa,
                wb,
            ))),
        }
    }

    /// Whether the current pair is laid out in place (see `SYNC_LAYOUT_BYTES`).
    fn small_pair(&self) -> bool {
        let len = |i: usize| self.arts.get(i).map_or(0, |a| a.text.len());
        len(self.a) + len(self.b) <= self.sync_layout_bytes
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
            if self.small_pair() {
                let spread = Spread::build(&self.arts[self.a], &self.arts[self.b], &al, wa, wb);
                self.install(spread);
            } else if self.laying_out != Some((wa, wb)) {
                // The layout thread builds the newest request only: a storm
                // of resizes costs one layout, not one per size.
                self.laying_out = Some((wa, wb));
                self.layout_job = Some(LayoutJob {
                    arts: self.arts.clone(),
                    al,
                    pair: (self.a, self.b),
                    widths: (wa, wb),
                });
            }
        }
        self.clamp_tops();
    }

    fn clamp_tops(&mut self) {
        let max = self.max_top();
        for t in &mut self.top {
            *t = (*t).min(max);
        }
    }

    /// A layout built off the UI thread: taken if it is still the one wanted
    /// (same pair, same alignment, the current widths).
    pub fn on_laid_out(&mut self, l: LaidOut) {
        let current = l.pair == (self.a, self.b)
            && self.alignment().is_some_and(|al| Arc::ptr_eq(al, &l.al))
            && l.spread.widths == self.text_widths();
        if !current {
            return;
        }
        self.laying_out = None;
        self.install(l.spread);
        self.clamp_tops();
    }

    /// Put a new layout of the current pair in place: the rows at the top of
    /// each pane stay in view (by the text they show), the matches get their
    /// rows, and a jump asked for while waiting happens.
    fn install(&mut self, spread: Spread) {
        let anchors = self.spread.as_ref().map(|old| {
            [Side::A, Side::B].map(|side| {
                old.rows(side)
                    .iter()
                    .skip(self.top[side.index()])
                    .find_map(|r| r.pieces.first().map(|p| p.bytes.start))
            })
        });
        let fresh = self.spread.is_none();
        self.spread = Some(spread);
        if let (Some(anchors), Some(sp)) = (anchors, &self.spread) {
            for side in [Side::A, Side::B] {
                if let Some(row) = anchors[side.index()].and_then(|byte| sp.row_of_byte(side, byte))
                {
                    self.top[side.index()] = row;
                }
            }
            if self.sync {
                self.level_from(self.reading_side());
            }
        }
        self.clamp_tops();
        if fresh {
            self.find_matches();
            if let Some((kind, dir)) = self.deferred.take() {
                self.note = None;
                self.jump(kind, dir);
            }
        } else {
            self.sort_matches();
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
            self.laying_out = None;
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
        self.search.by_side = Default::default();
        if self.search.query.is_empty() || self.arts.len() < 2 {
            return;
        }
        let needle = self.search.query.to_lowercase();
        for (side, i) in [(Side::A, self.a), (Side::B, self.b)] {
            let folded = self
                .folded
                .entry(i)
                .or_insert_with(|| Arc::new(Folded::new(&self.arts[i].text)))
                .clone();
            let found = folded.find_all(&self.arts[i].text, &needle);
            self.search.matches.extend(found.iter().map(|bytes| Match {
                side,
                bytes: bytes.clone(),
            }));
            self.search.by_side[side.index()] = found;
        }
        self.sort_matches();
    }

    /// Matches in screen order: by row, A before B on the same row.
    fn sort_matches(&mut self) {
        let rows = self.match_rows();
        if rows.len() != self.search.matches.len() || self.search.matches.is_empty() {
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
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    Folded::new(hay).find_all(hay, &needle.to_lowercase())
}

/// A text folded to lower case for search, with the way back to the text's
/// own byte offsets.
///
/// Lower-casing can change a character's length (`İ` becomes `i̇`, two
/// characters), so each character that does is recorded: where it starts in
/// the folded text and in the original, and how long it is in each. Every
/// other byte keeps its offset from the last such character, so the map
/// costs nothing for text whose case changes no length (nearly all text).
pub struct Folded {
    low: String,
    /// (folded start, original start, folded length, original length).
    shifts: Vec<(usize, usize, u8, u8)>,
}

impl Folded {
    pub fn new(text: &str) -> Folded {
        let mut low = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        for (i, c) in text.char_indices() {
            let before = low.len();
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => low.push(l),
                (first, second) => {
                    low.extend(first.into_iter().chain(second).chain(lower));
                    // At most three characters of four bytes.
                    shifts.push((before, i, (low.len() - before) as u8, c.len_utf8() as u8));
                }
            }
        }
        Folded { low, shifts }
    }

    /// The original offset of folded position `pos`, and whether `pos` falls
    /// inside the folding of one character (between its lower-case parts).
    fn origin(&self, pos: usize) -> (usize, bool) {
        let k = self.shifts.partition_point(|s| s.0 <= pos);
        let Some(&(ls, os, ll, ol)) = k.checked_sub(1).map(|k| &self.shifts[k]) else {
            return (pos, false);
        };
        if pos == ls {
            (os, false)
        } else if pos < ls + usize::from(ll) {
            (os, true)
        } else {
            (os + usize::from(ol) + (pos - ls - usize::from(ll)), false)
        }
    }

    /// Byte ranges of `text` (the text this was made from) where the
    /// lower-case `needle` occurs, without overlaps.
    pub fn find_all(&self, text: &str, needle: &str) -> Vec<Range<usize>> {
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(k) = self.low[from..].find(needle) {
            let s = from + k;
            let e = s + needle.len();
            let (bs, _) = self.origin(s);
            let (mut be, inside) = self.origin(e);
            // A match ending inside a character's lower-case expansion covers it.
            if inside {
                be = text[be..].chars().next().map_or(be, |c| be + c.len_utf8());
            }
            out.push(bs..be);
            from = e;
        }
        out
    }
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

    /// Regression: every key typed into the prompt searched both texts again
    /// (lower-casing each whole text first): a 300-character paste froze a
    /// 7 MB pair for a minute. Now typing only edits the prompt; the search
    /// runs once per batch of keys, over texts folded once.
    #[test]
    fn typing_searches_once_per_batch_over_texts_folded_once() {
        let mut app = settled();
        app.apply(Action::Search);
        for c in "plan".chars() {
            app.on_key(&KeyEvent::from(crossterm::event::KeyCode::Char(c)));
        }
        assert!(app.search.matches.is_empty() && app.search.pending);
        assert!(app.folded.is_empty(), "no text folded while typing");
        app.catch_up();
        let n = app.search.matches.len();
        assert!(n > 2 && !app.search.pending);
        assert_eq!(app.folded.len(), 2);
        let folded = app.folded[&app.a].clone();
        app.on_key(&KeyEvent::from(crossterm::event::KeyCode::Backspace));
        app.apply(Action::Accept);
        assert!(
            app.search.matches.len() >= n,
            "“pla” matches at least “plan”"
        );
        // The same folded text, not made again.
        assert!(Arc::ptr_eq(&folded, &app.folded[&app.a]));
        // The matches of each side, sorted, for drawing.
        for side in [Side::A, Side::B] {
            let v = &app.search.by_side[side.index()];
            assert!(v.windows(2).all(|w| w[0].start < w[1].start));
            let count = app.search.matches.iter().filter(|m| m.side == side).count();
            assert_eq!(v.len(), count);
        }
    }

    #[test]
    fn folded_search_maps_back_through_characters_that_change_length() {
        // İ folds to two characters (i and a combining dot), Ⱥ to a longer one.
        let hay = "xİy Ⱥb İSTANBUL ⱥB";
        for (needle, want) in [
            ("i", vec!["İ", "İ"]),
            ("ⱥb", vec!["Ⱥb", "ⱥB"]),
            ("y", vec!["y"]),
            ("stanbul", vec!["STANBUL"]),
            ("i\u{307}s", vec!["İS"]),
        ] {
            let got: Vec<&str> = find_all(hay, needle).into_iter().map(|r| &hay[r]).collect();
            assert_eq!(got, want, "{needle:?}");
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
        let sp = app.spread.as_ref().unwrap();
        let byte = sp.b[app.top[1]].pieces[0].bytes.start;
        for w in 0..200u16 {
            app.on_event(&Event::Resize(60 + w % 90, 30 + w % 20));
        }
        app.on_event(&Event::Resize(150, 45));
        // Nothing was laid out here; the old layout is still the one shown.
        assert_ne!(sp_widths(&app), app.text_widths());
        assert!(app.laying_out() && app.busy());
        let job = app.take_layout().expect("a layout to build");
        assert_eq!(job.widths, app.text_widths());
        assert!(app.take_layout().is_none(), "one job for the storm");
        app.on_laid_out(job.run());
        assert!(!app.laying_out());
        let sp = app.spread.as_ref().unwrap();
        assert_eq!(sp.widths, app.text_widths());
        let r = sp.row_of_byte(Side::B, byte).unwrap();
        assert_eq!(app.top[1], r.min(app.max_top()));
    }

    fn sp_widths(app: &App) -> (usize, usize) {
        app.spread.as_ref().unwrap().widths
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
