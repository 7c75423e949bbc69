//! What the project's own tests read of the reader's state, beside what
//! the loop and the renderer use (`App`'s own methods): where each pane is
//! scrolled, what has the keyboard, what is open. Read-only; exported
//! through `copycat::testing` only.

use std::borrow::Cow;

use ratatui::layout::Rect;

use super::app::App;
use super::geometry::PaneGeometry;
use super::help::Help;
use super::keymap::Keymap;
use super::list::List;
use super::overlay::Kind;
use super::part::Target;
use super::prompt::Prompt;
use super::screen::Pane;
use super::search::Search;
use crate::article::Article;
use crate::corpus::Pair;
use crate::side::{Side, Sides};
use crate::view::{Spread, Theme, Unit};

/// The reader's state, read.
pub trait Inspect {
    /// The key bindings in force.
    fn keymap(&self) -> &Keymap;

    /// The styles in use.
    fn theme(&self) -> &Theme;

    /// The articles.
    fn articles(&self) -> &[Article];

    /// The current pair (A, B) as article indices.
    fn pair(&self) -> (usize, usize);

    /// Where the current pair stands in the ranking.
    fn pair_rank(&self) -> Option<usize>;

    /// Every pair ranked by reuse, once the ranking is done.
    fn ranking(&self) -> Option<&[Pair]>;

    /// Share of `j`'s body found in the current A, once aligned.
    fn share_against_a(&self, j: usize) -> Option<f64>;

    /// The ranked pairs `]` and `[` step through (see `Pairs::walk`).
    fn walk(&self) -> Vec<&Pair>;

    /// Where the open pair is in the walk, either way round: `(n, of, swapped)`.
    fn walk_position(&self) -> Option<(usize, usize, bool)>;

    /// The first row shown in panes A and B.
    fn tops(&self) -> Sides<usize>;

    /// The largest first row a pane can show: the last page ends at the last row.
    fn max_top(&self) -> usize;

    /// Whether scrolling one pane scrolls the other.
    fn synchronized(&self) -> bool;

    /// The passage with the focus.
    fn focus(&self) -> Option<Unit>;

    /// The search in force, its matches and the current one.
    fn search(&self) -> &Search;

    /// The article list: its selection and filter.
    fn list(&self) -> &List;

    /// The highlighted line of the article list.
    fn selected(&self) -> usize;

    /// The part of the screen that has the keyboard.
    fn active_pane(&self) -> Pane;

    /// The status note, if any.
    fn note(&self) -> Option<&str>;

    /// The help popup's scroll offset; `None` when it is closed.
    fn help_scroll(&self) -> Option<usize>;

    /// Whether the article list is open as a popup (narrow screens).
    fn list_popup(&self) -> bool;

    /// What the open prompt types, if one is open.
    fn prompt(&self) -> Option<Target>;

    /// The screen size the app was last told about.
    fn size(&self) -> Rect;

    /// Where the parts of a pane go on the current screen.
    fn pane_geometry(&self, side: Side) -> PaneGeometry;

    /// Where the parts of a pane go on a screen of `area`.
    fn pane_geometry_in(&self, area: Rect, side: Side) -> PaneGeometry;

    /// Text rows visible in a pane.
    fn page(&self) -> usize;

    /// Text widths of panes A and B for the current size.
    fn text_widths(&self) -> Sides<usize>;

    /// The layout for given text widths: the cached one when it fits.
    fn spread_for(&self, widths: Sides<usize>) -> Option<Cow<'_, Spread>>;

    /// Whether a layout is being built off the UI thread (the one shown, if
    /// any, is for other widths).
    fn laying_out(&self) -> bool;
}

impl Inspect for App {
    fn keymap(&self) -> &Keymap {
        &self.keymap
    }

    fn theme(&self) -> &Theme {
        &self.theme
    }

    fn articles(&self) -> &[Article] {
        &self.arts
    }

    fn pair(&self) -> (usize, usize) {
        self.open.pair.into()
    }

    fn pair_rank(&self) -> Option<usize> {
        self.open.rank
    }

    fn ranking(&self) -> Option<&[Pair]> {
        self.pairs.ranking()
    }

    fn share_against_a(&self, j: usize) -> Option<f64> {
        self.pairs.share(self.open.pair.a, j)
    }

    fn walk(&self) -> Vec<&Pair> {
        self.pairs.walk()
    }

    fn walk_position(&self) -> Option<(usize, usize, bool)> {
        self.pairs.walk_position(self.pair())
    }

    fn tops(&self) -> Sides<usize> {
        self.panes.reading.top
    }

    fn max_top(&self) -> usize {
        self.panes.reading.max_top()
    }

    fn synchronized(&self) -> bool {
        self.panes.reading.sync
    }

    fn focus(&self) -> Option<Unit> {
        self.panes.reading.focus
    }

    fn search(&self) -> &Search {
        &self.panes.search
    }

    fn list(&self) -> &List {
        &self.list
    }

    fn selected(&self) -> usize {
        self.list.selected
    }

    fn active_pane(&self) -> Pane {
        self.screen.pane
    }

    fn note(&self) -> Option<&str> {
        self.status.note.as_deref()
    }

    fn help_scroll(&self) -> Option<usize> {
        self.overlays.help().map(Help::scroll)
    }

    fn list_popup(&self) -> bool {
        self.overlays.is_open(Kind::ListPopup)
    }

    fn prompt(&self) -> Option<Target> {
        self.overlays.prompt().map(Prompt::target)
    }

    fn size(&self) -> Rect {
        self.screen.size
    }

    fn pane_geometry(&self, side: Side) -> PaneGeometry {
        self.screen.pane_geometry(side)
    }

    fn pane_geometry_in(&self, area: Rect, side: Side) -> PaneGeometry {
        self.screen.pane_geometry_in(area, side)
    }

    fn page(&self) -> usize {
        self.screen.page()
    }

    fn text_widths(&self) -> Sides<usize> {
        self.screen.text_widths()
    }

    fn spread_for(&self, widths: Sides<usize>) -> Option<Cow<'_, Spread>> {
        self.panes.spread_for(widths, &self.env())
    }

    fn laying_out(&self) -> bool {
        self.panes.reading.laying_out()
    }
}
