//! Where everything goes on screen. One function for the app (page sizes,
//! wrap widths, mouse hits) and the renderer, so the two always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

use crate::side::Sides;

/// Below this many columns the article list folds away into a popup.
pub const WIDE: u16 = 100;

/// Where the parts of the screen go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The article list as a side pane, when it is one.
    pub list: Option<Rect>,
    /// Panes A and B.
    pub panes: Sides<Rect>,
    /// The status bar.
    pub status: Rect,
    /// Whether the terminal is wide enough for the side list.
    pub wide: bool,
}

/// The screen's layout for `area`, with or without the side list.
pub fn screen(area: Rect, show_list: bool) -> Geometry {
    let [main, status] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    let wide = area.width >= WIDE;
    let (list, panes) = if wide && show_list {
        // A quarter of the screen: room for long titles and paths on a wide
        // terminal, while the panes keep most of it.
        let w = (area.width / 4).clamp(24, 64);
        let [l, p] = Layout::horizontal([Constraint::Length(w), Constraint::Min(0)]).areas(main);
        (Some(l), p)
    } else {
        (None, main)
    };
    let [a, b] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(panes);
    Geometry {
        list,
        panes: Sides::new(a, b),
        status,
        wide,
    }
}

/// The inside of a reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneGeometry {
    /// Title and details of the article.
    pub header: Rect,
    /// Paragraph numbers (`¶12`) beside the first row of each paragraph.
    pub numbers: Rect,
    /// Beside the text: the bracket of a passage (in a full pane), then the
    /// kind letter, then a flag's `⚑` (over the space before the text in a
    /// narrow pane).
    pub gutter: Rect,
    /// The article's text.
    pub text: Rect,
    /// The overview map: the whole article in one column.
    pub map: Rect,
    /// The border column beside the map, where the visible window is marked.
    pub thumb: Rect,
}

impl PaneGeometry {
    /// The gutter's column for a passage's kind letter: after the bracket in
    /// a full gutter, first in a narrow one (none without a gutter).
    pub fn letter_x(&self) -> Option<u16> {
        match self.gutter.width {
            0 => None,
            w if w >= GUTTER => Some(self.gutter.x + 1),
            _ => Some(self.gutter.x),
        }
    }

    /// The column of a flag's `⚑`, right of the letter (over the space
    /// before the text in a narrow gutter).
    pub fn flag_x(&self) -> Option<u16> {
        self.letter_x()
            .map(|x| x + 1)
            .filter(|&x| x < self.gutter.right())
    }
}

/// Columns of the gutter: a passage's bracket, the kind letter, a flag and
/// a space.
pub const GUTTER: u16 = 4;

/// Columns of a narrow pane's gutter: the kind letter and a space, which
/// a flag's `⚑` takes when the line holds one.
pub const NARROW_GUTTER: u16 = 2;

/// Columns of the overview map: a space, then the map.
pub const MAP: u16 = 2;

/// Text width below which a pane has no paragraph numbers and no map.
pub const FULL: u16 = 30;

/// Rows taken by a pane's header.
const HEADER: u16 = 2;

/// Columns of the paragraph numbers for numbers of up to `digits` digits:
/// `¶`, the digits (at least two, so the column does not jump between
/// short articles) and a space.
pub fn numbers_width(digits: usize) -> u16 {
    u16::try_from(digits.max(2) + 2).unwrap_or(u16::MAX)
}

/// Digits of `n` in decimal.
pub fn digits(n: usize) -> usize {
    n.checked_ilog10().map_or(1, |d| d as usize + 1)
}

/// Whether `area` has room for a border and something inside it: below
/// 3×3 the panes and popups draw without one.
pub fn framable(area: Rect) -> bool {
    area.width >= 3 && area.height >= 3
}

/// Draw `block` around `area` when it is [`framable`], and give the part
/// inside (all of `area` when it is not).
pub fn framed(
    block: ratatui::widgets::Block,
    area: Rect,
    buf: &mut ratatui::buffer::Buffer,
) -> Rect {
    use ratatui::widgets::Widget;
    if !framable(area) {
        return area;
    }
    let inner = block.inner(area);
    block.render(area, buf);
    inner
}

/// The parts inside a reading pane whose paragraph numbers have up to
/// `digits` digits.
pub fn pane(area: Rect, digits: usize) -> PaneGeometry {
    let inner = if framable(area) {
        area.inner(Margin::new(1, 1))
    } else {
        Rect::new(area.x, area.y, 0, 0)
    };
    let header_h = HEADER.min(inner.height);
    let [header, body] =
        Layout::vertical([Constraint::Length(header_h), Constraint::Min(0)]).areas(inner);
    // With room for text: numbers, the gutter, the text and the map; in a
    // narrow pane the kind letter only; in a sliver the text alone.
    let (numbers_w, gutter_w, map_w) = match body.width {
        w if w >= FULL => (numbers_width(digits), GUTTER, MAP),
        w if w >= 8 => (0, NARROW_GUTTER, 0),
        _ => (0, 0, 0),
    };
    let [numbers, gutter, text, map] = Layout::horizontal([
        Constraint::Length(numbers_w),
        Constraint::Length(gutter_w),
        Constraint::Min(0),
        Constraint::Length(map_w),
    ])
    .areas(body);
    let (map, thumb) = if map.width >= MAP {
        (
            Rect::new(map.right() - 1, map.y, 1, map.height),
            Rect::new(map.right(), map.y, 1, map.height),
        )
    } else {
        (Rect::new(map.x, map.y, 0, 0), Rect::new(map.x, map.y, 0, 0))
    };
    PaneGeometry {
        header,
        numbers,
        gutter,
        text,
        map,
        thumb,
    }
}

/// A centered popup of at most `w`×`h` inside `area`.
pub fn popup(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width.saturating_sub(2)).max(area.width.min(1));
    let h = h.min(area.height.saturating_sub(2)).max(area.height.min(1));
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}
