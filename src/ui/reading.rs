//! Reading state: the layout of the open pair, where each pane is scrolled,
//! whether they scroll together, the passage with the focus and the flag
//! stepped to.

use std::borrow::Cow;
use std::sync::Arc;

use super::keymap::{Dir, Jump};
use super::overview;
use crate::align::{Alignment, Kind};
use crate::article::Article;
use crate::comparison::Comparison;
use crate::side::{Side, Sides};
use crate::view::{RowKind, Spread, Unit};

/// The reading panes' state.
#[derive(Debug)]
pub struct Reading {
    /// The layout for the panes' current text widths.
    spread: Option<Spread>,
    /// The first row shown in panes A and B.
    pub top: Sides<usize>,
    /// Whether scrolling one pane scrolls the other.
    pub sync: bool,
    /// The passage with the focus.
    pub focus: Option<Unit>,
    /// The flag last stepped to (`f`, `F`, the panel's Enter): an index
    /// into the pair's flags; its link has the focus.
    pub flag: Option<usize>,
    /// A jump asked for before the pair was aligned and laid out.
    pub deferred: Option<Deferred>,
    /// Text rows visible in a pane.
    page: usize,
    /// The widths of the layout being built off the UI thread, if any.
    laying_out: Option<Sides<usize>>,
    /// A layout to build off the UI thread, for the event loop to send.
    job: Option<LayoutJob>,
    /// While a large pair is laid out again (a resize), the first byte shown
    /// at the top of each pane: the old layout itself is let go at once, so
    /// two layouts of megabytes are never held together.
    held: Option<Sides<Option<usize>>>,
    /// Pairs whose texts together are at most this many bytes are laid out
    /// in place; larger ones off the UI thread (see [`SYNC_LAYOUT_BYTES`]).
    pub(crate) sync_bytes: usize,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            spread: None,
            top: Sides::default(),
            sync: true,
            focus: None,
            flag: None,
            deferred: None,
            page: 1,
            laying_out: None,
            job: None,
            held: None,
            sync_bytes: SYNC_LAYOUT_BYTES,
        }
    }
}

/// A move asked for before the pair was laid out, made once it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deferred {
    /// A step to the next passage of a kind (`None`: any link), or flag.
    Jump(Option<Jump>, Dir),
    /// Focus this link and show it level on both sides (the spread view's
    /// Enter).
    Link(usize),
}

/// Pairs up to this size (both texts) are laid out on the UI thread, in a
/// few milliseconds. Larger ones take up to seconds for megabytes: they are
/// laid out on the layout thread while the keys stay live, and the layout in
/// hand (for other widths) is drawn, clipped, until the new one comes.
pub const SYNC_LAYOUT_BYTES: usize = 256 * 1024;

/// A layout to build: everything the layout thread needs, shared.
pub struct LayoutJob {
    arts: Arc<Vec<Article>>,
    al: Arc<Comparison>,
    pair: (usize, usize),
    /// The text widths to lay the pair out for.
    pub widths: Sides<usize>,
}

impl std::fmt::Debug for LayoutJob {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LayoutJob")
            .field("pair", &self.pair)
            .field("widths", &self.widths)
            .finish()
    }
}

impl LayoutJob {
    /// Build the layout (on any thread).
    pub fn run(self) -> LaidOut {
        let (a, b) = self.pair;
        let w = self.widths;
        let spread = Spread::build(&self.arts[a], &self.arts[b], &self.al.alignment, w.a, w.b);
        LaidOut {
            al: self.al,
            pair: self.pair,
            spread,
        }
    }
}

/// A layout built off the UI thread, for `App::on_laid_out`.
pub struct LaidOut {
    al: Arc<Comparison>,
    pair: (usize, usize),
    spread: Spread,
}

impl Reading {
    /// A new pair: no layout, at the top, nothing focused or pending.
    pub fn reset(&mut self) {
        self.spread = None;
        self.top = Sides::default();
        self.focus = None;
        self.flag = None;
        self.deferred = None;
        self.laying_out = None;
        self.job = None;
        self.held = None;
    }

    /// Forget the layout (the alignment changed), keeping the positions.
    pub fn drop_layout(&mut self) {
        self.spread = None;
        self.laying_out = None;
        self.job = None;
        self.held = None;
    }

    /// Whether a layout is being built off the UI thread.
    pub fn laying_out(&self) -> bool {
        self.laying_out.is_some()
    }

    /// The layout to build off the UI thread, for the event loop to send.
    pub fn take_job(&mut self) -> Option<LayoutJob> {
        self.job.take()
    }

    /// A layout from the layout thread: put in place if it is still the one
    /// wanted (the same pair and alignment, the current widths). `Some(fresh)`
    /// when it was (`fresh`: the pair had no layout before).
    pub fn laid_out(
        &mut self,
        l: LaidOut,
        pair: (usize, usize),
        al: Option<&Arc<Comparison>>,
        widths: Sides<usize>,
    ) -> Option<bool> {
        let wanted = l.pair == pair
            && al.is_some_and(|al| Arc::ptr_eq(al, &l.al))
            && l.spread.widths == widths;
        if !wanted {
            // The layout in flight is done with, even if not wanted: a new
            // one is asked for the current widths when there is room.
            if self.laying_out == Some(l.spread.widths) {
                self.laying_out = None;
            }
            return None;
        }
        self.laying_out = None;
        Some(self.install(l.spread))
    }

    /// Put a new layout in place, keeping the text at the top of each pane
    /// in view; true when the pair had no layout before.
    fn install(&mut self, spread: Spread) -> bool {
        let anchors = self.anchors().or(self.held.take());
        let fresh = anchors.is_none();
        self.spread = Some(spread);
        if let (Some(anchors), Some(sp)) = (anchors, &self.spread) {
            for side in Side::BOTH {
                if let Some(row) = anchors[side].and_then(|byte| sp.row_of_byte(side, byte)) {
                    self.top[side] = row;
                }
            }
        }
        self.clamp();
        fresh
    }

    /// The first byte shown at the top of each pane, with a layout.
    fn anchors(&self) -> Option<Sides<Option<usize>>> {
        self.spread.as_ref().map(|sp| {
            Sides::from_fn(|side| {
                sp.rows(side)
                    .iter()
                    .skip(self.top[side])
                    .find_map(|r| r.first_byte())
            })
        })
    }

    fn clamp(&mut self) {
        let max = self.max_top();
        self.top = self.top.map(|t| t.min(max));
    }

    /// The layout, once there is one.
    pub fn spread(&self) -> Option<&Spread> {
        self.spread.as_ref()
    }

    /// Whether a pair of articles is laid out in place (see `SYNC_LAYOUT_BYTES`).
    fn small(&self, pair: (&Article, &Article)) -> bool {
        pair.0.text.len() + pair.1.text.len() <= self.sync_bytes
    }

    /// Lay pair `(a, b)` of `arts` out for text widths `(wa, wb)` and `page`
    /// visible rows. `Some(fresh)` when a new layout was put in place
    /// (`fresh`: the pair had none before); a large pair is laid out off the
    /// UI thread instead (see [`Reading::take_job`]), the newest widths only.
    ///
    /// Panes with no room for text draw none, so there the layout in hand is
    /// kept: one for width 0 would put every character on a row of its own (a
    /// million rows for a 1 MB article) on the way through a tiny terminal.
    pub fn layout(
        &mut self,
        arts: &Arc<Vec<Article>>,
        (a, b): (usize, usize),
        al: Option<&Arc<Comparison>>,
        widths: Sides<usize>,
        page: usize,
    ) -> Option<bool> {
        self.page = page.max(1);
        let mut built = None;
        if widths.a > 0
            && widths.b > 0
            && let Some(al) = al
            && let (Some(x), Some(y)) = (arts.get(a), arts.get(b))
            && self.spread.as_ref().is_none_or(|s| s.widths != widths)
        {
            if self.small((x, y)) {
                let spread = Spread::build(x, y, &al.alignment, widths.a, widths.b);
                built = Some(self.install(spread));
            } else if self.laying_out != Some(widths) {
                // Let the old layout go now (its place on screen is kept):
                // building the new one beside it would double the memory.
                if let Some(anchors) = self.anchors() {
                    self.held = Some(anchors);
                    self.spread = None;
                }
                self.laying_out = Some(widths);
                self.job = Some(LayoutJob {
                    arts: arts.clone(),
                    al: al.clone(),
                    pair: (a, b),
                    widths,
                });
            }
        }
        self.clamp();
        built
    }

    /// The layout for given text widths: the cached one when it fits. A
    /// small pair is laid out here for other widths; a large one is not (it
    /// takes seconds): none is drawn until the new one comes.
    pub fn spread_for<'s>(
        &'s self,
        pair: (&Article, &Article),
        al: &Alignment,
        widths: Sides<usize>,
    ) -> Option<Cow<'s, Spread>> {
        match &self.spread {
            Some(s) if s.widths == widths || !self.small(pair) => Some(Cow::Borrowed(s)),
            None if !self.small(pair) => None,
            _ => {
                let (wa, wb) = widths.into();
                Some(Cow::Owned(Spread::build(pair.0, pair.1, al, wa, wb)))
            }
        }
    }

    /// The largest first row a pane can show: the last page ends at the last row.
    pub fn max_top(&self) -> usize {
        let len = self.spread.as_ref().map_or(0, Spread::len);
        len.saturating_sub(self.page)
    }

    /// Scroll `side` by `delta` rows; with synchronized scrolling the other
    /// side is brought level with it (same row index, as the layout is levelled).
    pub fn scroll(&mut self, side: Side, delta: isize) {
        let max = self.max_top() as isize;
        let t = (self.top[side] as isize)
            .saturating_add(delta)
            .clamp(0, max.max(0));
        self.top[side] = t as usize;
        if self.sync {
            self.level_from(side);
        }
    }

    /// Bring the other pane level with `side`.
    pub fn level_from(&mut self, side: Side) {
        self.top[side.other()] = self.top[side];
    }

    /// Switch synchronized scrolling, levelling from `side`; the note to show.
    pub fn toggle_sync(&mut self, side: Side) -> &'static str {
        self.sync = !self.sync;
        if self.sync {
            self.level_from(side);
            "synchronized scrolling"
        } else {
            "independent scrolling"
        }
    }

    /// Bring row `row` of `side` into view a third of a page from the top,
    /// unless it is on screen already.
    pub fn show_row(&mut self, side: Side, row: usize) {
        let h = self.page;
        let t = self.top[side];
        if row < t || row >= t + h {
            self.top[side] = row.saturating_sub(h / 3).min(self.max_top());
        }
        if self.sync {
            self.level_from(side);
        }
    }

    /// A click on row `dy` of `side`'s text: the passage there gets the
    /// focus (a moved run's note: its first link), and a moved link or a
    /// note is brought level with its counterpart (`al`: the alignment).
    pub fn click(&mut self, side: Side, dy: usize, al: Option<&Alignment>) {
        let top = self.top[side];
        let Some(row) = self.spread().and_then(|sp| sp.rows(side).get(top + dy)) else {
            return;
        };
        let (unit, note) = (row.unit, row.kind == RowKind::Note);
        if unit == Unit::Other || !matches!(row.kind, RowKind::Text | RowKind::Note) {
            return;
        }
        self.focus = Some(unit);
        let moved = match unit {
            Unit::Link(i) => al.is_some_and(|al| al.links[i].moved),
            _ => false,
        };
        if note || moved {
            self.show(unit);
        }
    }

    /// A click on cell `cell` of `side`'s map, `cells` high: the rows it
    /// stands for go to the middle of the pane.
    pub fn scroll_to_map(&mut self, side: Side, cell: usize, cells: usize) {
        let Some(total) = self.spread().map(Spread::len) else {
            return;
        };
        let rows = overview::rows_of(total, cells, cell);
        let target = rows.start.saturating_sub(self.page / 2) as isize;
        let now = self.top[side] as isize;
        self.scroll(side, target - now);
    }

    /// Bring a passage into view on both sides, a quarter page from the top,
    /// so that a link and its counterpart (even a moved one) sit side by side.
    pub fn show(&mut self, unit: Unit) {
        let Some(sp) = &self.spread else { return };
        let ctx = self.page / 4;
        let max = self.max_top();
        let rows = Sides::from_fn(|side| sp.unit_rows(side, unit).map(|r| r.start));
        self.show_rows(rows, ctx, max);
    }

    /// Bring byte `a` of A and byte `b` of B into view on the same screen
    /// row, a quarter page from the top (a flag: both of its sides level).
    /// A side whose byte is on no row keeps its place.
    pub fn show_level(&mut self, a: usize, b: usize) {
        let Some(sp) = &self.spread else { return };
        let ctx = self.page / 4;
        let max = self.max_top();
        let bytes = Sides::new(a, b);
        let rows = Sides::from_fn(|side| sp.row_of_byte(side, bytes[side]));
        self.show_rows(rows, ctx, max);
    }

    /// Put each side's `rows` (where it has one) `ctx` rows from the top;
    /// with synchronized scrolling a side without one follows the other.
    fn show_rows(&mut self, rows: Sides<Option<usize>>, ctx: usize, max: usize) {
        for (side, r) in rows.by_side() {
            if let Some(r) = r {
                self.top[side] = r.saturating_sub(ctx).min(max);
            }
        }
        match (rows.a, rows.b) {
            (Some(_), None) if self.sync => self.level_from(Side::A),
            (None, Some(_)) if self.sync => self.level_from(Side::B),
            _ => {}
        }
    }

    /// Step to the next passage of a kind (`None`: any link) in the reading
    /// order of the side that holds it (links: `side`, the active pane's).
    /// Returns the note to show when there is nowhere to go.
    pub fn jump(
        &mut self,
        c: &Comparison,
        kind: Option<Jump>,
        dir: Dir,
        side: Side,
    ) -> Option<String> {
        let al = &c.alignment;
        let (side, units): (Side, Vec<Unit>) = match kind {
            // Flags are not passages: the app steps through them.
            Some(Jump::Flag) => (side, Vec::new()),
            Some(Jump::Added) => (Side::B, (0..al.b_unlinked.len()).map(Unit::New).collect()),
            Some(Jump::Dropped) => (
                Side::A,
                (0..al.a_unlinked.len()).map(Unit::Dropped).collect(),
            ),
            // A passage (of two links or more, as every output shows them)
            // is stepped to by its first link on the reading side.
            Some(Jump::Passage) => (
                side,
                al.passages
                    .iter()
                    .enumerate()
                    .filter(|(k, _)| c.passage_number(*k).is_some())
                    .filter_map(|(_, p)| {
                        let first = |l: &usize| {
                            let s = match side {
                                Side::A => &al.links[*l].a,
                                Side::B => &al.links[*l].b,
                            };
                            (s.start, *l)
                        };
                        p.links.iter().min_by_key(|l| first(l)).copied()
                    })
                    .map(Unit::Link)
                    .collect(),
            ),
            _ => (
                side,
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
        let sp = self.spread.as_ref()?;
        let mut at: Vec<(usize, Unit)> = units
            .into_iter()
            .filter_map(|u| sp.unit_rows(side, u).map(|r| (r.start, u)))
            .collect();
        at.sort_by_key(|(r, u)| (*r, unit_order(*u)));
        let key = |x: &(usize, Unit)| (x.0, unit_order(x.1));
        // A focused link inside a passage stands for its passage.
        let focus = match (kind, self.focus) {
            (Some(Jump::Passage), Some(Unit::Link(l))) => al
                .passages
                .iter()
                .find(|p| p.links.contains(&l))
                .and_then(|p| {
                    at.iter()
                        .find(|(_, u)| matches!(u, Unit::Link(f) if p.links.contains(f)))
                })
                .map(|(_, u)| *u),
            (_, f) => f,
        };
        let current = focus
            .and_then(|f| at.iter().find(|(_, u)| *u == f))
            .map(key);
        let top = self.top[side];
        let pick = match (dir, current) {
            (Dir::Forward, Some(c)) => at.iter().find(|x| key(x) > c),
            (Dir::Backward, Some(c)) => at.iter().rev().find(|x| key(x) < c),
            (Dir::Forward, None) => at.iter().find(|x| x.0 >= top),
            (Dir::Backward, None) => at.iter().rev().find(|x| x.0 < top + self.page),
        };
        let noun = kind.map_or_else(|| "link".to_string(), Jump::noun);
        match pick {
            Some(&(_, u)) => {
                self.focus = Some(u);
                self.show(u);
                None
            }
            None if at.is_empty() => Some(format!("no {noun} in this pair")),
            None => {
                let way = if dir == Dir::Forward {
                    "below"
                } else {
                    "above"
                };
                Some(format!("no {noun} {way}"))
            }
        }
    }
}

/// Links before new and dropped passages starting on the same row.
fn unit_order(u: Unit) -> (usize, usize) {
    match u {
        Unit::Link(i) => (0, i),
        Unit::New(i) => (1, i),
        Unit::Dropped(i) => (2, i),
        Unit::Apart(i) => (3, i),
        Unit::Other => (4, 0),
    }
}
