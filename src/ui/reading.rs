//! Reading state: the layout of the open pair, where each pane is scrolled,
//! whether they scroll together, and the passage with the focus.

use std::borrow::Cow;

use super::keymap::{Dir, Jump};
use crate::align::{Alignment, Kind};
use crate::article::Article;
use crate::view::{Side, Spread, Unit};

/// The reading panes' state.
#[derive(Debug)]
pub struct Reading {
    /// The layout for the panes' current text widths.
    spread: Option<Spread>,
    /// The first row shown in panes A and B.
    pub top: [usize; 2],
    /// Whether scrolling one pane scrolls the other.
    pub sync: bool,
    /// The passage with the focus.
    pub focus: Option<Unit>,
    /// A jump asked for before the pair was aligned.
    pub deferred: Option<(Option<Jump>, Dir)>,
    /// Text rows visible in a pane.
    page: usize,
}

impl Default for Reading {
    fn default() -> Reading {
        Reading {
            spread: None,
            top: [0, 0],
            sync: true,
            focus: None,
            deferred: None,
            page: 1,
        }
    }
}

impl Reading {
    /// A new pair: no layout, at the top, nothing focused or pending.
    pub fn reset(&mut self) {
        self.spread = None;
        self.top = [0, 0];
        self.focus = None;
        self.deferred = None;
    }

    /// Forget the layout (the alignment changed), keeping the positions.
    pub fn drop_layout(&mut self) {
        self.spread = None;
    }

    /// The layout, once there is one.
    pub fn spread(&self) -> Option<&Spread> {
        self.spread.as_ref()
    }

    /// Lay the pair out for text widths `(wa, wb)` and `page` visible rows;
    /// true when a new layout was built.
    ///
    /// Panes with no room for text draw none, so there the layout in hand is
    /// kept: one for width 0 would put every character on a row of its own (a
    /// million rows for a 1 MB article) on the way through a tiny terminal.
    pub fn layout(
        &mut self,
        pair: (&Article, &Article),
        al: Option<&Alignment>,
        (wa, wb): (usize, usize),
        page: usize,
    ) -> bool {
        self.page = page.max(1);
        let mut built = false;
        if wa > 0
            && wb > 0
            && let Some(al) = al
            && self.spread.as_ref().is_none_or(|s| s.widths != (wa, wb))
        {
            self.spread = Some(Spread::build(pair.0, pair.1, al, wa, wb));
            built = true;
        }
        let max = self.max_top();
        for t in &mut self.top {
            *t = (*t).min(max);
        }
        built
    }

    /// The layout for given text widths: the cached one when it fits.
    pub fn spread_for<'s>(
        &'s self,
        pair: (&Article, &Article),
        al: &Alignment,
        wa: usize,
        wb: usize,
    ) -> Cow<'s, Spread> {
        match &self.spread {
            Some(s) if s.widths == (wa, wb) => Cow::Borrowed(s),
            _ => Cow::Owned(Spread::build(pair.0, pair.1, al, wa, wb)),
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
        let t = (self.top[side.index()] as isize)
            .saturating_add(delta)
            .clamp(0, max.max(0));
        self.top[side.index()] = t as usize;
        if self.sync {
            self.level_from(side);
        }
    }

    /// Bring the other pane level with `side`.
    pub fn level_from(&mut self, side: Side) {
        self.top[side.other().index()] = self.top[side.index()];
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
        let t = self.top[side.index()];
        if row < t || row >= t + h {
            self.top[side.index()] = row.saturating_sub(h / 3).min(self.max_top());
        }
        if self.sync {
            self.level_from(side);
        }
    }

    /// Bring a passage into view on both sides, a quarter page from the top,
    /// so that a link and its counterpart (even a moved one) sit side by side.
    pub fn show(&mut self, unit: Unit) {
        let Some(sp) = &self.spread else { return };
        let ctx = self.page / 4;
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

    /// Step to the next passage of a kind (`None`: any link) in the reading
    /// order of the side that holds it (links: `side`, the active pane's).
    /// Returns the note to show when there is nowhere to go.
    pub fn jump(
        &mut self,
        al: &Alignment,
        kind: Option<Jump>,
        dir: Dir,
        side: Side,
    ) -> Option<String> {
        let (side, units): (Side, Vec<Unit>) = match kind {
            Some(Jump::Added) => (Side::B, (0..al.b_unlinked.len()).map(Unit::New).collect()),
            Some(Jump::Dropped) => (
                Side::A,
                (0..al.a_unlinked.len()).map(Unit::Dropped).collect(),
            ),
            // A passage is stepped to by its first link on the reading side.
            Some(Jump::Passage) => (
                side,
                al.passages
                    .iter()
                    .filter_map(|p| {
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
        let top = self.top[side.index()];
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
        Unit::Other => (3, 0),
    }
}
