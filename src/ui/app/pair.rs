//! The pair open: choosing it (the list, the walk, the ends of the walk),
//! opening it (its alignment asked for, laid out, its likely source), and
//! what waits for its layout.

use std::sync::Arc;

use crate::side::{Side, Sides};
use crate::ui::geometry;
use crate::ui::overlay::Kind;
use crate::ui::pairs::{self};
use crate::ui::part::Env;
use crate::ui::screen::Pane;

use super::App;

impl App {
    /// Open the pair the ranking put first, keeping a jump asked for while
    /// waiting for it.
    pub(super) fn open_ranked(&mut self, (a, b): (usize, usize)) {
        let deferred = self.panes.reading.deferred.take();
        self.set_pair(a, b);
        self.panes.reading.deferred = deferred;
    }

    pub(super) fn relayout(&mut self) {
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
    pub(super) fn after_layout(&mut self, fresh: bool) {
        let env = env!(self);
        if let Some(jumped) = self.panes.after_layout(fresh, &env) {
            self.status.note = None;
            self.ask_maybe(jumped);
        }
    }

    // The pair open.

    /// Open the list's selected article as A or B (an article already open
    /// on the other side swaps sides rather than being compared with itself).
    pub(super) fn choose(&mut self, side: Side) {
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

    /// `{` / `}`: the first (most reused) or last pair of the walk.
    pub(super) fn end_pair(&mut self, first: bool) {
        match self.pairs.end(first) {
            Ok((a, b)) => self.choose_pair(a, b),
            Err(note) => self.status.note = Some(note),
        }
    }

    /// `]` / `[`: the next or previous pair of the walk.
    pub(super) fn step_pair(&mut self, step: isize) {
        match self.pairs.step_from(self.open.pair.into(), step) {
            Ok((a, b)) => self.choose_pair(a, b),
            Err(note) => self.status.note = Some(note),
        }
    }

    /// Open `(a, b)`, chosen by the reader: the ranking no longer moves it.
    pub(super) fn choose_pair(&mut self, a: usize, b: usize) {
        self.open.chosen = true;
        self.set_pair(a, b);
    }

    pub(super) fn set_pair(&mut self, a: usize, b: usize) {
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
    pub(super) fn find_likely_source(&mut self) {
        let Sides { a, b } = self.open.pair;
        self.open.likely = self
            .alignment()
            .and_then(|al| pairs::likely_source(&self.arts, a, b, al));
    }

    /// The width of the panes' number column: the digits of the open pair's
    /// largest paragraph number.
    pub(super) fn count_digits(&mut self) {
        let count = |i: usize| self.arts.get(i).map_or(0, |a| a.body_counts().0);
        let most = count(self.open.pair.a).max(count(self.open.pair.b));
        self.screen.digits = geometry::digits(most);
    }
}
