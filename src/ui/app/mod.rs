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

use ratatui::layout::Rect;

use super::help::Help;
use super::keymap::{Action, Ctx, Keymap};
use super::list::List;
use super::overlay::{Kind, Layer, Overlays};
use super::pairs::{Arrived, Open, Pairs};
use super::panes::Panes;
use super::part::{Ask, Edit, Env, Outcome, Part, Target};
use super::prompt::Prompt;
use super::reading::{LaidOut, LayoutJob};
use super::save::{HtmlReport, Reports};
use super::screen::{Pane, Screen};
use super::worker::{self, Done, Job};
use crate::align::Alignment;
use crate::article::Article;
use crate::comparison::Comparison;
use crate::side::Sides;
use crate::view::Theme;

/// The status bar's own state.
#[derive(Debug, Default)]
pub struct Status {
    /// A message until the next key: what a key did, or why it could not.
    pub note: Option<String>,
    /// The progress indicator's frame.
    pub tick: usize,
    /// Files skipped (unreadable, not articles): the article list's title
    /// counts them.
    pub skipped: usize,
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
            skipped: $app.status.skipped,
        }
    };
}

mod commands;
mod input;
mod pair;

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
    /// How pairs are ranked and aligned (`--common`), as the worker does.
    pub(crate) opts: Arc<crate::corpus::Options>,
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
            opts: Arc::default(),
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
        let (all, pivot) = (self.pairs.all, self.pairs.pivot);
        self.pairs = Pairs::new(n);
        self.pairs.all = all;
        self.pairs.pivot = pivot;
        // The list now has every article (the filter typed so far applies).
        self.list.refilter(&self.arts);
        self.panes.reading.drop_layout();
        // The texts searched so far were placeholders.
        self.panes.search.folded.clear();
        let Sides { a, b } = self.open.pair;
        self.set_pair(a, b);
        self.note_skipped(warnings);
    }

    /// Files skipped while reading: counted in the list's title, and the
    /// first named in the status bar. The pages read with doubt are counted
    /// beside them (see `list`), each pane names its own.
    pub fn note_skipped(&mut self, warnings: &[String]) {
        self.status.skipped += warnings.len();
        let doubtful = self.arts.iter().filter(|a| a.doubtful()).count();
        let mut said = Vec::new();
        if let Some(first) = warnings.first() {
            let files = crate::marks::count(warnings.len(), "file", "files");
            said.push(format!(
                "{files} skipped ({})",
                crate::article::safe_line(first.trim_start_matches("skipped "))
            ));
        }
        if doubtful > 0 {
            said.push(format!(
                "{} read with doubt (--whole-page reads all of a page)",
                crate::marks::count(doubtful, "page", "pages")
            ));
        }
        if !said.is_empty() {
            self.status.note = Some(said.join("; "));
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

    /// Rank and align with `common` as texts every article may have drawn
    /// on (`--common`); before anything is asked of the worker.
    pub fn set_common(&mut self, common: Vec<Article>) {
        self.opts = Arc::new(crate::corpus::Options {
            align: crate::align::Options {
                common,
                ..Default::default()
            },
            ..Default::default()
        });
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
                let d = worker::compute(&self.arts, &job, &self.opts, &|_, _| {});
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
            // It is not chosen: when the ranking ends, the best pair replaces
            // it, unless the reader has acted on it meanwhile (`on_key`).
            Arrived::Found(Some(first)) if !self.open.chosen => self.open_ranked(first),
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
            // The spread view draws it from the pairs; its selection is
            // placed on the first key or draw.
            Arrived::Spread(_) => {}
        }
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
            Action::FirstPair => self.end_pair(true),
            Action::LastPair => self.end_pair(false),
            Action::Spread => self.toggle_spread(),
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
            | Action::PrevTaker
            | Action::NextTaker
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
            Ask::OpenLink { a, b, link, note } => {
                self.choose_pair(a, b);
                self.panes.go_to_link(link);
                self.status.note = note;
            }
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
}

#[cfg(test)]
mod tests;
