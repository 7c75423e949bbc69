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

/// The part of `area` inside a border (all of it when too small for one).
pub fn framed_inner(area: Rect) -> Rect {
    if framable(area) {
        area.inner(Margin::new(1, 1))
    } else {
        area
    }
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

// Every popup's place, from the screen (`area`) and what it holds.

/// The help popup for `lines` lines of text, the widest `width` columns
/// with its margins: as big as its text, centred.
pub fn help_popup(area: Rect, width: usize, lines: usize) -> Rect {
    let w = u16::try_from(width).unwrap_or(u16::MAX);
    let h = u16::try_from(lines.saturating_add(2)).unwrap_or(u16::MAX);
    popup(area, w, h)
}

/// Everything above the status bar (the spread view's frame).
pub fn above_status(area: Rect) -> Rect {
    Rect {
        height: area.height.saturating_sub(1),
        ..area
    }
}

/// The sources popup (`w`): the whole height but a row above and below.
pub fn sources_popup(area: Rect) -> Rect {
    popup(area, 100, area.height.saturating_sub(2))
}

/// Rows of the flags panel that are not flags: borders and a header.
pub const FLAGS_CHROME: u16 = 3;
/// Rows of one flag in the panel: what changed, then A's side, then B's.
pub const FLAG_ROWS: usize = 3;

/// The tallest the flags panel gets on a screen `screen` rows high.
fn flags_max_height(screen: u16) -> u16 {
    screen.saturating_sub(2)
}

/// Flags shown at once in the panel on a screen `height` rows high.
pub fn flags_shown(height: u16) -> usize {
    (usize::from(flags_max_height(height).saturating_sub(FLAGS_CHROME)) / FLAG_ROWS).max(1)
}

/// The flags panel (`!`) for `count` flags: as tall as they need (one line
/// when there are none), no taller than the screen but a row above and
/// below, so that a pair with a few flags does not hide the whole screen
/// behind an empty box.
pub fn flags_popup(area: Rect, count: usize) -> Rect {
    let rows = count.max(1).saturating_mul(FLAG_ROWS);
    let want = u16::try_from(rows)
        .unwrap_or(u16::MAX)
        .saturating_add(FLAGS_CHROME);
    popup(area, 110, want.min(flags_max_height(area.height)))
}

/// The article list as a popup (narrow screens), for `shown` articles of
/// two rows each.
pub fn list_popup(area: Rect, shown: usize) -> Rect {
    let h = u16::try_from(shown.saturating_mul(2).saturating_add(2)).unwrap_or(u16::MAX);
    popup(area, 72, h.max(4))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_flags_panel_is_as_tall_as_its_flags() {
        // Borders and header, then three rows a flag.
        let screen = |h| Rect::new(0, 0, 160, h);
        assert_eq!(flags_popup(screen(45), 5).height, 3 + 15);
        assert_eq!(flags_popup(screen(45), 0).height, 3 + 3);
        assert_eq!(flags_popup(screen(20), 50).height, 18);
        // At most 12 rows of popup, 3 of chrome: 3 flags of 3 rows at once.
        assert_eq!(flags_shown(14), 3);
    }

    #[test]
    fn popups_stay_inside_the_screen() {
        for (w, h) in [(1, 1), (3, 2), (80, 24), (400, 120)] {
            let area = Rect::new(0, 0, w, h);
            for r in [
                help_popup(area, 500, 500),
                sources_popup(area),
                flags_popup(area, 99),
                list_popup(area, 99),
            ] {
                assert!(
                    area.contains(r.as_position()) || r.is_empty(),
                    "{r:?} in {area:?}"
                );
                assert!(r.right() <= area.right() && r.bottom() <= area.bottom());
            }
        }
    }
}
