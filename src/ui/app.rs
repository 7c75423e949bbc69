//! The state of the interface and the routing of what happens to it.
//!
//! `App` routes: terminal events become [`Action`]s through the keymap, and
//! an action goes first to the part on top — the layer open over the panes
//! ([`Overlays`]: the help, the sources, the flags, the list popup, the
//! prompt), then the article list when it has the keyboard, then the
//! reading panes ([`Panes`]). What no part takes (a key bound everywhere
//! that acts on the pair or the screen) is carried out here, with the pairs
//! ([`Pairs`]); what a part asks for ([`Ask`]: open a pair, go to a flag, a
//! prompt's text, a note) comes back here too. `App` keeps what ties the parts together: the articles, the
//! pair open, the screen and the status note. Drawing reads the state and
//! never changes it (see `render`); what goes to the terminal besides the
//! frame (the OSC 52 clipboard sequence) waits in an outbox for the loop.

use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};
use ratatui::layout::Rect;

use super::clipboard;
use super::flags::FlagPanel;
use super::geometry;
use super::help::Help;
use super::keymap::{Action, Ctx, Keymap};
use super::list::List;
use super::overlay::{Kind, Layer, Overlays};
use super::pairs::{self, Arrived, Open, Pairs};
use super::panes::Panes;
use super::part::{Ask, Edit, Env, Outcome, Part, Target};
use super::prompt::Prompt;
use super::provenance::Provenance;
use super::reading::{LaidOut, LayoutJob};
use super::save::{HtmlReport, Reports};
use super::screen::{Hit, Mouse, Pane, Screen};
use super::worker::{self, Done, Job};
use crate::align::Alignment;
use crate::article::Article;
use crate::comparison::Comparison;
use crate::side::{Side, Sides};
use crate::view::Theme;

/// The status bar's own state.
#[derive(Debug, Default)]
pub struct Status {
    /// A message until the next key: what a key did, or why it could not.
    pub note: Option<String>,
    /// The progress indicator's frame.
    pub tick: usize,
}

/// What the loop must do besides drawing.
#[derive(Debug, Default)]
struct Outbox {
    /// Bytes for the terminal beside the frame (OSC 52).
    bytes: Option<Vec<u8>>,
    /// The reader asked to quit.
    quit: bool,
    /// Ctrl-L: clear the terminal before the next frame.
    redraw: bool,
}

/// The [`Env`] of an app, built from its fields one by one, so that a part
/// (another field) can be borrowed mutably beside it.
macro_rules! env {
    ($app:ident) => {
        Env {
            arts: &$app.arts,
            theme: &$app.theme,
            keymap: &$app.keymap,
            screen: &$app.screen,
            list_area: $app.screen.list_area(
                $app.overlays.is_open(Kind::ListPopup),
                $app.list.shown().len(),
            ),
            open: $app.open,
            comparison: $app
                .pairs
                .get($app.open.pair.a, $app.open.pair.b)
                .map(Arc::as_ref),
            pairs: &$app.pairs,
            tick: $app.status.tick,
        }
    };
}

/// The whole interface state.
pub struct App {
    pub(crate) arts: Arc<Vec<Article>>,
    pub(crate) theme: Theme,
    /// The key bindings: the defaults with a config file's.
    pub(crate) keymap: Keymap,
    pub(crate) pairs: Pairs,
    /// The pair on screen.
    pub(crate) open: Open,
    /// The reading panes: layout, scrolling, focus, search.
    pub(crate) panes: Panes,
    /// The article list: selection and filter.
    pub(crate) list: List,
    /// What is open over the panes.
    pub(crate) overlays: Overlays,
    pub(crate) screen: Screen,
    pub(crate) status: Status,
    /// What `e` writes, and where.
    reports: Reports,
    outbox: Outbox,
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
            keymap: Keymap::default(),
            pairs: Pairs::new(n),
            open: Open::first(n),
            panes: Panes::default(),
            list: List::new(n),
            overlays: Overlays::default(),
            screen: Screen::new(mouse),
            status: Status::default(),
            reports: Reports::default(),
            outbox: Outbox::default(),
        };
        app.count_digits();
        app
    }

    /// A new app over articles still being read (placeholders but for the
    /// first pair): the first pair is aligned at once, the ranking waits for
    /// [`App::loaded`].
    pub fn loading(arts: Arc<Vec<Article>>, color: bool, mouse: bool) -> App {
        let n = arts.len();
        let mut app = Self::with_shared(arts, color, mouse);
        app.pairs = Pairs::waiting(n);
        if n >= 2 {
            app.pairs.request(app.open.pair.a, app.open.pair.b, true);
        }
        app
    }

    /// The articles are read: start over with them (the pair open stays
    /// open), and rank.
    pub fn loaded(&mut self, arts: Arc<Vec<Article>>, warnings: &[String]) {
        let n = arts.len();
        self.arts = arts;
        let all = self.pairs.all;
        self.pairs = Pairs::new(n);
        self.pairs.all = all;
        // The list now has every article (the filter typed so far applies).
        self.list.refilter(&self.arts);
        self.panes.reading.drop_layout();
        // The texts searched so far were placeholders.
        self.panes.search.folded.clear();
        let Sides { a, b } = self.open.pair;
        self.set_pair(a, b);
        if let Some(first) = warnings.first() {
            let files = crate::marks::count(warnings.len(), "file", "files");
            self.status.note = Some(format!("{files} skipped ({first})"));
        }
    }

    /// Open the first two articles as A and B, in the order given (the
    /// command line's two paths): the ranking no longer chooses the pair.
    /// A list of two has nothing to choose from, so the panes get the
    /// width (`o` shows it).
    pub fn keep_order(&mut self) {
        if self.arts.len() >= 2 {
            if self.arts.len() == 2 {
                self.screen.list_shown = false;
            }
            self.choose_pair(0, 1);
        }
    }

    /// Use the key bindings `keymap` (the defaults with a config file's).
    pub fn set_keymap(&mut self, keymap: Keymap) {
        self.keymap = keymap;
        let env = env!(self);
        self.overlays.fit(&env);
    }

    /// Draw with `theme` (a palette chosen for the terminal's background,
    /// with a config file's colours).
    pub fn set_theme(&mut self, theme: Theme) {
        self.theme = theme;
    }

    /// Let `]` and `[` step through every ranked pair (`--all-pairs`).
    pub fn show_all_pairs(&mut self, all: bool) {
        self.pairs.all = all;
    }

    /// Let `e` write reports with `html` into `dir`.
    pub fn export_to(&mut self, html: HtmlReport, dir: impl Into<PathBuf>) {
        self.reports = Reports::new(html, dir);
    }

    /// What the parts share, for drawing them.
    pub(crate) fn env(&self) -> Env<'_> {
        env!(self)
    }

    // What the loop and the renderer read (the tests read more: `Inspect`).

    /// The comparison of the open pair, once computed: what every figure
    /// the reader shows comes from.
    pub fn comparison(&self) -> Option<&Arc<Comparison>> {
        self.pairs.get(self.open.pair.a, self.open.pair.b)
    }

    /// The alignment of the open pair, once computed.
    pub fn alignment(&self) -> Option<&Alignment> {
        self.comparison().map(|c| &c.alignment)
    }

    /// Whether the article list is on screen (side pane or popup).
    pub fn list_visible(&self) -> bool {
        self.overlays.is_open(Kind::ListPopup) || (self.screen.list_shown && self.screen.wide())
    }

    /// The keymap contexts in force, innermost first.
    pub fn contexts(&self) -> Vec<Ctx> {
        let base = if self.screen.pane == Pane::List && self.list_visible() {
            Ctx::List
        } else {
            Ctx::Pane
        };
        self.overlays.contexts(base)
    }

    /// Whether results are still expected (the loop animates progress then).
    pub fn busy(&self) -> bool {
        self.pairs.busy() || self.panes.reading.laying_out()
    }

    /// Whether the user asked to quit.
    pub fn should_quit(&self) -> bool {
        self.outbox.quit
    }

    // What the loop takes and feeds.

    /// True once after Ctrl-L: the loop clears the terminal before drawing.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.outbox.redraw)
    }

    /// Bytes to write to the terminal besides the frame (the clipboard
    /// sequence after `y`), once.
    pub fn take_outbox(&mut self) -> Option<Vec<u8>> {
        self.outbox.bytes.take()
    }

    /// Jobs for the worker (`true`: urgent).
    pub fn take_jobs(&mut self) -> Vec<(Job, bool)> {
        self.pairs.take_jobs()
    }

    /// A layout to build off the UI thread, for the loop to send.
    pub fn take_layout(&mut self) -> Option<LayoutJob> {
        self.panes.reading.take_job()
    }

    /// Lay out pairs larger than `bytes` (both texts) off the UI thread
    /// (tests set 0 to take that path with small articles).
    pub fn set_sync_layout_limit(&mut self, bytes: usize) {
        self.panes.reading.sync_bytes = bytes;
    }

    /// Once a batch of events is handled: do what was put off while it came
    /// in (the search typed so far).
    pub fn catch_up(&mut self) {
        let env = env!(self);
        let ask = self.panes.catch_up(&env);
        self.ask_maybe(ask);
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
        self.status.tick = self.status.tick.wrapping_add(1);
    }

    /// A layout built off the UI thread: taken if it is still the one wanted.
    pub fn on_laid_out(&mut self, l: LaidOut) {
        let Sides { a, b } = self.open.pair;
        let al = self.pairs.get(a, b).cloned();
        let widths = self.screen.text_widths();
        match self.panes.reading.laid_out(l, (a, b), al.as_ref(), widths) {
            Some(fresh) => self.after_layout(fresh),
            // Laid out for widths no longer current: ask for these.
            None => self.relayout(),
        }
    }

    /// Take in a worker result.
    pub fn on_done(&mut self, d: Done) {
        let Sides { a, b } = self.open.pair;
        match self.pairs.on_done(d) {
            Arrived::Progress => {}
            // The first pair found by a long ranking opens, unless the
            // reader has picked one; later ones only extend `]`.
            Arrived::Found(Some(first)) if !self.open.chosen => {
                self.open.chosen = true;
                self.open_ranked(first);
            }
            Arrived::Found(_) => self.open.rank = self.pairs.rank_of(a, b),
            // A jump asked for on the waiting screen is meant for the first
            // pair shown, which is this one.
            Arrived::Ranked(Some(first)) if !self.open.chosen => self.open_ranked(first),
            Arrived::Ranked(_) => {
                self.open.rank = self.pairs.rank_of(a, b);
                self.pairs.prefetch(a, self.open.rank);
            }
            Arrived::Aligned(x, y) if (x, y) == (a, b) => {
                self.find_likely_source();
                // The matches and a jump asked for while aligning follow the
                // layout (here, or from the layout thread): `after_layout`.
                self.panes.reading.drop_layout();
                self.relayout();
            }
            Arrived::Aligned(..) => {}
        }
    }

    /// Open the pair the ranking put first, keeping a jump asked for while
    /// waiting for it.
    fn open_ranked(&mut self, (a, b): (usize, usize)) {
        let deferred = self.panes.reading.deferred.take();
        self.set_pair(a, b);
        self.panes.reading.deferred = deferred;
    }

    /// The terminal is now `width`×`height`.
    pub fn resize(&mut self, width: u16, height: u16) {
        self.screen.size = Rect::new(0, 0, width, height);
        if self.screen.pane == Pane::List && !self.list_visible() {
            self.screen.pane = Pane::B;
        }
        let env = env!(self);
        self.overlays.fit(&env);
        self.relayout();
    }

    // Events in.

    /// Feed one terminal event; false when it cannot have changed the screen
    /// (mouse capture reports every motion, which needs no redraw).
    pub fn on_event(&mut self, ev: &Event) -> bool {
        match ev {
            // Release (and, with enhanced keyboards, other kinds) would act twice.
            Event::Key(k) if k.kind != KeyEventKind::Release => self.on_key(k),
            Event::Mouse(m) if self.screen.mouse => return self.on_mouse(m),
            Event::Resize(w, h) => self.resize(*w, *h),
            Event::Paste(text) => return self.on_paste(text),
            _ => return false,
        }
        true
    }

    /// Feed one key press: an action, or a character for the prompt.
    pub fn on_key(&mut self, k: &KeyEvent) {
        self.status.note = None;
        if let Some(action) = self.keymap.dispatch(&self.contexts(), k) {
            self.apply(action);
        } else if let KeyCode::Char(c) = k.code
            && !k.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(prompt) = self.overlays.prompt_mut()
        {
            let ask = prompt.insert(c.encode_utf8(&mut [0; 4]));
            self.ask(ask);
        }
    }

    /// A paste: typed into the open prompt as one line; with no prompt open
    /// it is ignored, so that pasted text never acts as keys.
    pub fn on_paste(&mut self, text: &str) -> bool {
        match self.overlays.prompt_mut() {
            Some(prompt) => {
                let ask = prompt.insert(text);
                self.ask(ask);
            }
            None => {
                self.status.note =
                    Some("a paste goes into the search (/) or the list's filter".into());
            }
        }
        true
    }

    fn on_mouse(&mut self, m: &MouseEvent) -> bool {
        let Some(m) = Mouse::of(m) else { return false };
        let popup = self.overlays.under_mouse();
        if popup.is_some_and(|k| k != Kind::ListPopup) {
            // The help, the sources or the flags: the wheel moves through
            // it (when it has the keys); what is under it is not touched.
            if m.wheel == 0 || self.overlays.top_kind() == Some(Kind::Prompt) {
                return false;
            }
            let action = if m.wheel > 0 {
                Action::Down
            } else {
                Action::Up
            };
            for _ in 0..m.wheel.unsigned_abs() {
                self.apply(action);
            }
            return true;
        }
        let list = self.list_area();
        let hit = self.screen.hit(m.at, list, popup.is_some());
        if m.drag && !matches!(hit, Hit::Map(..)) {
            return false;
        }
        match hit {
            Hit::List(row) => {
                self.focus_pane(Pane::List);
                let rows = list.map_or(0, |a| geometry::framed_inner(a).height);
                self.list.mouse(m, row, rows);
            }
            Hit::Map(side, ..) | Hit::Pane(side) | Hit::Text(side, _) => {
                self.focus_pane(side.into());
                let env = env!(self);
                self.panes.mouse(m, hit, &env);
            }
            Hit::Nothing => {}
        }
        true
    }

    /// Carry out an action: the parts first, top down, then the app.
    pub fn apply(&mut self, action: Action) {
        // Whatever the key, it acts on the search typed so far.
        if action != Action::Erase {
            self.catch_up();
        }
        match self.offer(action) {
            Outcome::Ignored => self.global(action),
            Outcome::Stay(ask) => self.ask_maybe(ask),
            Outcome::Close(ask) => {
                if let Some(Layer::ListPopup) = self.overlays.close() {
                    self.screen.pane = Pane::B;
                }
                self.ask_maybe(ask);
            }
        }
    }

    /// Offer `action` to the parts, top down, until one takes it: the top
    /// overlay, the list when it has the keyboard, the reading panes.
    fn offer(&mut self, action: Action) -> Outcome {
        let env = env!(self);
        let taken = |o: &Outcome| !matches!(o, Outcome::Ignored);
        if let Some(o) = self.overlays.handle(action, &env, &mut self.list)
            && taken(&o)
        {
            return o;
        }
        if self.screen.pane == Pane::List && env.list_area.is_some() {
            let o = self.list.handle(action, &env);
            if taken(&o) {
                return o;
            }
        }
        self.panes.handle(action, &env)
    }

    /// An action no part took: the keys bound everywhere that act on the
    /// pair or the screen.
    fn global(&mut self, action: Action) {
        match action {
            Action::Quit => self.outbox.quit = true,
            // The input thread suspends at once, before the key gets here.
            Action::Suspend => {}
            Action::Back => self.back(),
            Action::Redraw => self.outbox.redraw = true,
            Action::Help => {
                self.overlays
                    .toggle(Kind::Help, || Layer::Help(Help::default()));
            }
            Action::Provenance => self.toggle_sources(),
            Action::Flags => self.toggle_flags(),
            Action::ToggleList => self.toggle_list(),
            Action::NextPane => self.focus_pane(self.screen.cycle(1, self.list_visible())),
            Action::PrevPane => self.focus_pane(self.screen.cycle(-1, self.list_visible())),
            Action::PaneA => self.focus_pane(Pane::A),
            Action::PaneB => self.focus_pane(Pane::B),
            Action::Search => {
                let prompt = Prompt::new(Target::Search, "", &self.panes.search.query);
                self.overlays.open(Layer::Prompt(prompt));
            }
            Action::Swap => {
                let Sides { a, b } = self.open.pair;
                self.choose_pair(b, a);
            }
            Action::NextPair => self.step_pair(1),
            Action::PrevPair => self.step_pair(-1),
            Action::AllPairs => {
                // The keys as configured, not the defaults.
                let pair_keys = [Action::NextPair, Action::PrevPair];
                let keys = self.keymap.first_keys(Ctx::Global, &pair_keys);
                let keys = if keys.is_empty() {
                    "the pair keys".into()
                } else {
                    keys.join(" and ")
                };
                self.status.note = Some(self.pairs.toggle_all(&keys));
            }
            Action::Export => self.export(),
            Action::Copy => self.copy(),
            // A part's own keys: they get here only when it does not take
            // them (a pane's scrolling keys while the list has the keyboard).
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom
            | Action::Next
            | Action::Prev
            | Action::Jump(..)
            | Action::ToggleSync
            | Action::Accept
            | Action::Erase
            | Action::Filter
            | Action::SetA
            | Action::SetB
            | Action::OpenPair
            | Action::OpenFlag => {}
        }
    }

    fn ask_maybe(&mut self, ask: Option<Ask>) {
        if let Some(ask) = ask {
            self.ask(ask);
        }
    }

    /// Do what a part asks.
    fn ask(&mut self, ask: Ask) {
        match ask {
            Ask::OpenPair(a, b) => self.choose_pair(a, b),
            Ask::GoToFlag(i) => {
                if let Some(c) = self.pairs.get(self.open.pair.a, self.open.pair.b) {
                    self.panes.go_to_flag(i, c);
                }
            }
            Ask::ReadIn(side, note) => {
                self.focus_pane(side.into());
                self.status.note = note;
            }
            Ask::Choose(side) => self.choose(side),
            Ask::Filter => {
                let q = &self.list.query;
                let prompt = Prompt::new(Target::Filter, q, q);
                self.overlays.open(Layer::Prompt(prompt));
                self.screen.pane = Pane::List;
            }
            Ask::Note(note) => self.status.note = Some(note),
            Ask::Prompt(target, edit) => self.on_prompt(target, edit),
        }
    }

    /// What a prompt's text does: the list's filter applies as it is typed;
    /// the search runs once per batch of keys (see [`App::catch_up`]).
    fn on_prompt(&mut self, target: Target, edit: Edit) {
        let ask = match target {
            Target::Filter => self.list.edit(edit, &self.arts),
            Target::Search => {
                let env = env!(self);
                self.panes.edit(edit, &env)
            }
        };
        self.ask_maybe(ask);
    }

    /// Esc with nothing left to close or clear: say how to quit. It never
    /// quits (q and Ctrl-C do): a reader pressing Esc to leave a search must
    /// not lose the session.
    fn back(&mut self) {
        self.status.note = Some(match self.keymap.key_for(Ctx::Global, Action::Quit) {
            Some(q) => format!("{q} quits"),
            None => "Ctrl-C quits".into(),
        });
    }

    /// Give `pane` the keyboard; the list popup goes when the list loses it.
    fn focus_pane(&mut self, pane: Pane) {
        self.screen.pane = pane;
        if pane != Pane::List {
            self.overlays.remove(Kind::ListPopup);
        }
    }

    /// `o`: the side list on a wide screen, the list popup on a narrow one.
    fn toggle_list(&mut self) {
        if self.screen.wide() {
            self.screen.list_shown = !self.screen.list_shown;
            self.screen.pane = if self.screen.list_shown {
                Pane::List
            } else {
                Pane::B
            };
        } else {
            let open = self.overlays.toggle(Kind::ListPopup, || Layer::ListPopup);
            self.screen.pane = if open { Pane::List } else { Pane::B };
        }
        self.relayout();
    }

    /// Where the article list is drawn, if it is.
    fn list_area(&self) -> Option<Rect> {
        let popup = self.overlays.is_open(Kind::ListPopup);
        self.screen.list_area(popup, self.list.shown().len())
    }

    /// `w`: who took from whom, from the ranking so far.
    fn toggle_sources(&mut self) {
        let Some(ranking) = self.pairs.ranking() else {
            self.status.note = Some(if self.pairs.progress().is_some() {
                "still ranking the pairs: no sources known yet".into()
            } else {
                "no pairs share text".into()
            });
            return;
        };
        let (n, partial) = (self.arts.len(), !self.pairs.ranked());
        self.overlays.toggle(Kind::Sources, || {
            Layer::Sources(Provenance::new(n, ranking, partial))
        });
    }

    /// `!`: the list of flags. It opens even before the pair is aligned, or
    /// with no flag: the panel says so.
    fn toggle_flags(&mut self) {
        let n = self.comparison().map_or(0, |c| c.flags.len());
        let (current, height) = (self.panes.reading.flag, self.screen.size.height);
        self.overlays.toggle(Kind::Flags, || {
            Layer::Flags(FlagPanel::new(current, n, height))
        });
    }

    // What the app does itself.

    /// The status bar's line for the current flag, while its link (or, for
    /// a flag outside the links, nothing) has the focus.
    pub fn flag_status(&self) -> Option<String> {
        self.panes.flag_status(self.comparison()?)
    }

    /// `e`: write the open pair as the HTML report into the working folder.
    fn export(&mut self) {
        let Sides { a, b } = self.open.pair;
        let pair = match (self.arts.get(a), self.arts.get(b), self.comparison()) {
            (Some(x), Some(y), Some(c)) if self.arts.len() >= 2 => Ok((x, y, &**c)),
            _ if self.arts.len() < 2 => Err("open two articles first"),
            _ => Err("still aligning this pair: try again in a moment"),
        };
        self.status.note = Some(self.reports.write(pair));
    }

    /// `y`: the focused passage, both sides with their file names, to the
    /// clipboard through the terminal (OSC 52).
    fn copy(&mut self) {
        let Sides { a, b } = self.open.pair;
        let copied = match (self.alignment(), self.panes.reading.focus) {
            (Some(al), Some(unit)) => clipboard::copy(&self.arts[a], &self.arts[b], al, unit),
            _ => {
                let next = self.keymap.key_for(Ctx::Global, Action::Next);
                self.status.note = Some(match next {
                    Some(n) => format!("nothing to copy: focus a passage first ({n}, or a click)"),
                    None => "nothing to copy: focus a passage first (click one)".into(),
                });
                return;
            }
        };
        if let Some((bytes, note)) = copied {
            self.outbox.bytes = Some(bytes);
            self.status.note = Some(note);
        }
    }

    fn relayout(&mut self) {
        let Sides { a, b } = self.open.pair;
        let al = self.pairs.get(a, b).cloned();
        let (widths, page) = (self.screen.text_widths(), self.screen.page());
        let built = self
            .panes
            .reading
            .layout(&self.arts, (a, b), al.as_ref(), widths, page);
        if let Some(fresh) = built {
            self.after_layout(fresh);
        }
    }

    /// A new layout is in place (see [`Panes::after_layout`]); a jump
    /// asked for while waiting for it says what it did, not "aligning".
    fn after_layout(&mut self, fresh: bool) {
        let env = env!(self);
        if let Some(jumped) = self.panes.after_layout(fresh, &env) {
            self.status.note = None;
            self.ask_maybe(jumped);
        }
    }

    // The pair open.

    /// Open the list's selected article as A or B (an article already open
    /// on the other side swaps sides rather than being compared with itself).
    fn choose(&mut self, side: Side) {
        let s = self.list.selected;
        if s >= self.arts.len() || self.arts.len() < 2 || !self.list.shown().contains(&s) {
            return;
        }
        let Sides { a, b } = self.open.pair;
        let (a, b) = match side {
            Side::A if s == b => (s, a),
            Side::A => (s, b),
            Side::B if s == a => (b, s),
            Side::B => (a, s),
        };
        self.choose_pair(a, b);
    }

    /// `]` / `[`: the next or previous pair of the walk.
    fn step_pair(&mut self, step: isize) {
        match self.pairs.step_from(self.open.pair.into(), step) {
            Ok((a, b)) => self.choose_pair(a, b),
            Err(note) => self.status.note = Some(note),
        }
    }

    /// Open `(a, b)`, chosen by the reader: the ranking no longer moves it.
    fn choose_pair(&mut self, a: usize, b: usize) {
        self.open.chosen = true;
        self.set_pair(a, b);
    }

    fn set_pair(&mut self, a: usize, b: usize) {
        let changed = Sides::new(a, b) != self.open.pair;
        self.open.pair = Sides::new(a, b);
        self.count_digits();
        self.find_likely_source();
        self.open.rank = self.pairs.rank_of(a, b);
        if changed || self.panes.reading.spread().is_none() {
            self.panes.reading.reset();
        }
        if changed {
            // Its flags were the old pair's.
            self.overlays.remove(Kind::Flags);
        }
        // Outside the list (ranking, brackets, swap) the selection follows
        // A, unless the filter hides it.
        if self.screen.pane != Pane::List && self.list.shown().contains(&a) {
            self.list.selected = a;
        }
        self.pairs.request(a, b, true);
        self.pairs.prefetch(a, self.open.rank);
        self.relayout();
        let env = env!(self);
        self.panes.find_matches(&env);
    }

    /// Decide the likely source of the open pair, once it is aligned.
    fn find_likely_source(&mut self) {
        let Sides { a, b } = self.open.pair;
        self.open.likely = self
            .alignment()
            .and_then(|al| pairs::likely_source(&self.arts, a, b, al));
    }

    /// The width of the panes' number column: the digits of the open pair's
    /// largest paragraph number.
    fn count_digits(&mut self) {
        let count = |i: usize| self.arts.get(i).map_or(0, |a| a.body_counts().0);
        let most = count(self.open.pair.a).max(count(self.open.pair.b));
        self.screen.digits = geometry::digits(most);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::inspect::Inspect;
    use crate::ui::pairs;
    use crate::view::Unit;

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
        // The bundled five: some pairs share text, the others not (WSJ and
        // the Insider piece are independent of the Reuters family).
        let n = sharing.len();
        assert!(n >= 2 && n < ranked.len(), "{n} of {}", ranked.len());
        let mut seen = vec![app.pair()];
        for _ in 1..sharing.len() {
            app.apply(Action::NextPair);
            app.settle();
            seen.push(app.pair());
        }
        assert_eq!(seen, sharing);
        app.apply(Action::NextPair);
        assert_eq!(
            app.note(),
            Some(
                format!(
                    "that was the last pair that shares text (* for all {})",
                    ranked.len()
                )
                .as_str()
            )
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
        assert!(app.panes.search.matches.len() > 2);
        let focus = app.focus();
        let cur = app.panes.search.current;
        app.apply(Action::Next);
        assert_ne!(app.panes.search.current, cur);
        assert_eq!(app.focus(), focus);
        app.apply(Action::Back);
        assert!(!app.panes.search.active());
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
        let (reuters, palakshi) = (idx("reuters"), idx("palakshi"));
        let (wsj, insider) = (idx("wsj"), idx("the-insider"));
        app.apply(Action::Provenance);
        assert_eq!(app.contexts()[0], Ctx::Provenance);
        // The Reuters story is the root with the two rewrites below it; the
        // WSJ story is the other root, with The Insider (which names it).
        let Some(Layer::Sources(sources)) = app.overlays.top() else {
            panic!("the sources on top");
        };
        let lines = sources.lines().to_vec();
        let tree: Vec<(usize, usize)> = lines.iter().map(|n| (n.depth, n.article)).collect();
        assert_eq!(tree.len(), 5, "{tree:?}");
        assert_eq!(tree[0], (0, reuters));
        assert!(tree[1..3].iter().all(|&(d, _)| d == 1));
        assert_eq!(tree[3..], [(0, wsj), (1, insider)]);
        let at = lines.iter().position(|n| n.article == palakshi).unwrap();
        app.apply(Action::Down);
        if at == 2 {
            app.apply(Action::Down);
        }
        app.apply(Action::OpenPair);
        app.settle();
        assert!(!app.overlays.is_open(Kind::Sources));
        assert_eq!(app.pair(), (reuters, palakshi));
        // Drawing it does not panic at any size.
        app.apply(Action::Provenance);
        for (w, h) in [(1, 1), (20, 5), (80, 24), (200, 60)] {
            app.resize(w, h);
            let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
            ratatui::widgets::Widget::render(&app, buf.area, &mut buf);
        }
        app.apply(Action::Back);
        assert!(!app.overlays.is_open(Kind::Sources));
    }

    #[test]
    fn enter_and_space_choose_a_and_b_and_s_swaps() {
        let mut app = settled();
        app.screen.pane = Pane::List;
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
        assert!(app.panes.search.matches.is_empty() && app.panes.search.pending);
        assert!(
            app.panes.search.folded.is_empty(),
            "no text folded while typing"
        );
        app.catch_up();
        let n = app.panes.search.matches.len();
        assert!(n > 2 && !app.panes.search.pending);
        assert_eq!(app.panes.search.folded.len(), 2);
        let a = app.pair().0;
        let folded = app.panes.search.folded[&a].clone();
        app.on_key(&KeyEvent::from(KeyCode::Backspace));
        app.apply(Action::Accept);
        assert!(
            app.panes.search.matches.len() >= n,
            "“pla” matches at least “plan”"
        );
        // The same folded text, not made again.
        assert!(Arc::ptr_eq(&folded, &app.panes.search.folded[&a]));
        // The matches of each side, sorted, for drawing.
        for side in [Side::A, Side::B] {
            let (v, _) = app.panes.search.on_side(side);
            assert!(v.windows(2).all(|w| w[0].start < w[1].start));
            let count = app
                .panes
                .search
                .matches
                .iter()
                .filter(|m| m.side == side)
                .count();
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
        app.screen.pane = Pane::B;
        for _ in 0..40 {
            app.apply(Action::Down);
        }
        let sp = app.panes.reading.spread().unwrap();
        let byte = sp.rows(Side::B)[app.tops().b].first_byte().unwrap();
        for w in 0..200u16 {
            app.on_event(&Event::Resize(60 + w % 90, 30 + w % 20));
        }
        app.on_event(&Event::Resize(150, 45));
        // Nothing was laid out here, and the old layout was let go (two
        // layouts of a large pair are never held at once).
        assert!(app.panes.reading.spread().is_none());
        assert!(app.laying_out() && app.busy());
        let widths = |app: &App| app.panes.reading.spread().unwrap().widths;
        let job = app.take_layout().expect("a layout to build");
        assert_eq!(job.widths, app.text_widths());
        assert!(app.take_layout().is_none(), "one job for the storm");
        app.on_laid_out(job.run());
        assert!(!app.laying_out());
        assert_eq!(widths(&app), app.text_widths());
        let sp = app.panes.reading.spread().unwrap();
        let r = sp.row_of_byte(Side::B, byte).unwrap();
        assert_eq!(app.tops().b, r.min(app.max_top()));
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
        app.screen.pane = Pane::B;
        app.apply(Action::Down);
        app.apply(Action::Down);
        assert_eq!(app.tops(), Sides::new(2, 2));
        app.apply(Action::ToggleSync);
        app.apply(Action::Down);
        assert_eq!(app.tops(), Sides::new(2, 3));
        app.apply(Action::ToggleSync);
        assert_eq!(app.tops(), Sides::new(3, 3));
    }

    /// Regression: `g` and `G` did nothing in the help popup (nor in the
    /// sources and flags popups): their keys were the panes' and the list's
    /// only, and a popup takes the keys.
    #[test]
    fn g_and_big_g_go_to_the_ends_of_every_popup() {
        let mut app = settled();
        app.resize(100, 20);
        let key = |app: &mut App, c: char| app.on_key(&KeyEvent::from(KeyCode::Char(c)));
        key(&mut app, '?');
        key(&mut app, 'G');
        let end = crate::ui::help::lines(&app.theme, &app.keymap).len() - 16;
        assert_eq!(app.help_scroll(), Some(end));
        key(&mut app, 'g');
        assert_eq!(app.help_scroll(), Some(0));
        key(&mut app, '?');
        key(&mut app, 'w');
        key(&mut app, 'G');
        let Some(Layer::Sources(sources)) = app.overlays.top() else {
            panic!("the sources on top");
        };
        assert_eq!(sources.selected(), sources.lines().len() - 1);
        key(&mut app, '!');
        key(&mut app, 'G');
        let flags = app.comparison().expect("aligned").flags.len();
        assert!(flags > 1);
        let Some(Layer::Flags(panel)) = app.overlays.top() else {
            panic!("the flags on top");
        };
        assert_eq!(panel.selected(), flags - 1);
        key(&mut app, 'g');
        let Some(Layer::Flags(panel)) = app.overlays.top() else {
            panic!("the flags on top");
        };
        assert_eq!(panel.selected(), 0);
    }

    /// What is open is one stack: the keys go to the top layer, Esc closes
    /// it, and what was under it has the keys again (the help over the list
    /// popup; the sources opened from the help, which used to open hidden
    /// under it while the keys stayed with the help).
    #[test]
    fn the_top_layer_has_the_keys_and_esc_closes_it() {
        let mut app = settled();
        app.resize(80, 24);
        app.apply(Action::ToggleList);
        assert_eq!(app.contexts(), [Ctx::List, Ctx::Global]);
        app.apply(Action::Help);
        assert_eq!(app.contexts(), [Ctx::Help, Ctx::Global]);
        app.apply(Action::Provenance);
        assert_eq!(app.contexts(), [Ctx::Provenance, Ctx::Global]);
        let kinds = |app: &App| -> Vec<Kind> {
            let mut k = Vec::new();
            let mut o = app.overlays.clone();
            while let Some(l) = o.close() {
                k.insert(0, l.kind());
            }
            k
        };
        assert_eq!(kinds(&app), [Kind::ListPopup, Kind::Help, Kind::Sources]);
        app.apply(Action::Back);
        assert_eq!(app.contexts(), [Ctx::Help, Ctx::Global]);
        app.apply(Action::Back);
        assert_eq!(app.contexts(), [Ctx::List, Ctx::Global]);
        assert_eq!(app.active_pane(), Pane::List);
        app.apply(Action::Back);
        assert!(!app.list_popup());
        assert_eq!(app.active_pane(), Pane::B);
        assert_eq!(app.contexts(), [Ctx::Pane, Ctx::Global]);
    }

    /// Regression: Tab from the list popup gave pane A the keys while the
    /// popup stayed drawn over it; the popup now goes with the keyboard.
    #[test]
    fn tab_from_the_list_popup_closes_it() {
        let mut app = settled();
        app.resize(80, 24);
        app.apply(Action::ToggleList);
        assert!(app.list_popup());
        app.apply(Action::NextPane);
        assert_eq!(app.active_pane(), Pane::A);
        assert!(!app.list_popup());
        assert_eq!(app.contexts(), [Ctx::Pane, Ctx::Global]);
    }

    /// Regression: the mouse wheel over the help scrolled the panes hidden
    /// under it; it scrolls the help, and a click under a popup does nothing.
    #[test]
    fn the_wheel_over_a_popup_moves_the_popup() {
        use crossterm::event::{MouseEvent, MouseEventKind};
        let mut app = settled();
        app.resize(100, 20);
        app.apply(Action::Help);
        let tops = app.tops();
        let mouse = |kind| {
            Event::Mouse(MouseEvent {
                kind,
                column: 50,
                row: 10,
                modifiers: KeyModifiers::NONE,
            })
        };
        assert!(app.on_event(&mouse(MouseEventKind::ScrollDown)));
        assert_eq!(app.help_scroll(), Some(3));
        assert_eq!(app.tops(), tops);
        let down = MouseEventKind::Down(crossterm::event::MouseButton::Left);
        assert!(!app.on_event(&mouse(down)));
        assert_eq!(app.focus(), None);
    }
}
