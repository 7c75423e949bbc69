//! Where everything goes on screen. One function for the app (page sizes,
//! wrap widths, mouse hits) and the renderer, so the two always agree.

use ratatui::layout::{Constraint, Layout, Margin, Rect};

/// Below this many columns the article list folds away into a popup.
pub const WIDE: u16 = 100;

/// Where the parts of the screen go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// The article list as a side pane, when it is one.
    pub list: Option<Rect>,
    /// Panes A and B.
    pub panes: [Rect; 2],
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
        let w = (area.width / 4).clamp(24, 40);
        let [l, p] = Layout::horizontal([Constraint::Length(w), Constraint::Min(0)]).areas(main);
        (Some(l), p)
    } else {
        (None, main)
    };
    let [a, b] =
        Layout::horizontal([Constraint::Ratio(1, 2), Constraint::Ratio(1, 2)]).areas(panes);
    Geometry {
        list,
        panes: [a, b],
        status,
        wide,
    }
}

/// The inside of a reading pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneGeometry {
    /// Title and details of the article.
    pub header: Rect,
    /// Link marks beside the text.
    pub gutter: Rect,
    /// The article's text.
    pub text: Rect,
}

/// Columns of a full gutter: a space, a label of up to six cells, a space.
pub const GUTTER: u16 = 8;

/// Rows taken by a pane's header.
const HEADER: u16 = 2;

/// The parts inside a reading pane.
pub fn pane(area: Rect) -> PaneGeometry {
    let inner = if area.width >= 3 && area.height >= 3 {
        area.inner(Margin::new(1, 1))
    } else {
        Rect::new(area.x, area.y, 0, 0)
    };
    let header_h = HEADER.min(inner.height);
    let [header, body] =
        Layout::vertical([Constraint::Length(header_h), Constraint::Min(0)]).areas(inner);
    // A label such as `R ↑¶12` between a space on each side when there is
    // room for text beside it; in a sliver of a pane only the kind letter.
    let gutter_w = match body.width {
        w if w >= 30 => GUTTER,
        w if w >= 8 => 2,
        _ => 0,
    };
    let [gutter, text] =
        Layout::horizontal([Constraint::Length(gutter_w), Constraint::Min(0)]).areas(body);
    PaneGeometry {
        header,
        gutter,
        text,
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
