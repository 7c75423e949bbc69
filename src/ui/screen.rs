//! The screen as the app keeps it: its size, which part has the keyboard,
//! whether the side list is shown, and what follows from those through
//! `geometry` (each pane's parts, the page, the wrap widths, where a click
//! lands).

use crossterm::event::{MouseButton, MouseEvent, MouseEventKind};
use ratatui::layout::{Position, Rect};

use super::geometry::{self, Geometry, PaneGeometry};
use crate::side::{Side, Sides};

/// Which part of the screen has the keyboard (under whatever overlay is open).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The article list (a side pane, or the popup on a narrow screen).
    List,
    /// Article A, on the left.
    A,
    /// Article B, on the right.
    B,
}

impl Pane {
    /// The article a reading pane shows; `None` for the list.
    pub fn side(self) -> Option<Side> {
        match self {
            Pane::List => None,
            Pane::A => Some(Side::A),
            Pane::B => Some(Side::B),
        }
    }
}

impl From<Side> for Pane {
    fn from(side: Side) -> Pane {
        match side {
            Side::A => Pane::A,
            Side::B => Pane::B,
        }
    }
}

/// The screen's size and focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Screen {
    /// The terminal's size, as last told.
    pub size: Rect,
    /// Which part has the keyboard.
    pub pane: Pane,
    /// The side list on a wide screen (`o`).
    pub list_shown: bool,
    /// Whether mouse events are taken (`--no-mouse`: they are not).
    pub mouse: bool,
    /// Digits of the open pair's largest paragraph number: the width of the
    /// panes' number column.
    pub digits: usize,
}

/// Lines scrolled by one mouse wheel notch.
pub const WHEEL_LINES: isize = 3;

/// A mouse event as the reader takes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mouse {
    /// Where it happened.
    pub at: Position,
    /// Lines the wheel turned: down positive, up negative.
    pub wheel: isize,
    /// A left click.
    pub click: bool,
    /// A drag with the left button held.
    pub drag: bool,
}

impl Mouse {
    /// The event, if the reader takes such events (not motion, not a
    /// button let go).
    pub fn of(m: &MouseEvent) -> Option<Mouse> {
        let (wheel, click, drag) = match m.kind {
            MouseEventKind::ScrollDown => (WHEEL_LINES, false, false),
            MouseEventKind::ScrollUp => (-WHEEL_LINES, false, false),
            MouseEventKind::Down(MouseButton::Left) => (0, true, false),
            MouseEventKind::Down(_) => (0, false, false),
            MouseEventKind::Drag(MouseButton::Left) => (0, false, true),
            _ => return None,
        };
        Some(Mouse {
            at: Position::new(m.column, m.row),
            wheel,
            click,
            drag,
        })
    }
}

/// Where a mouse event lands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hit {
    /// The article list, on row `dy` of its inside (`None`: its border).
    List(Option<u16>),
    /// A pane's map or the thumb beside it: cell `cell` of `cells`.
    Map(Side, usize, usize),
    /// A pane's text, gutter or numbers, on text row `dy`.
    Text(Side, usize),
    /// Elsewhere in a pane (its border, its header).
    Pane(Side),
    /// Nowhere that answers (the status bar).
    Nothing,
}

impl Screen {
    /// An 80×24 screen with B's pane focused and the side list shown.
    pub fn new(mouse: bool) -> Screen {
        Screen {
            size: Rect::new(0, 0, 80, 24),
            pane: Pane::B,
            list_shown: true,
            mouse,
            digits: 1,
        }
    }

    /// Whether the screen is wide enough for the side list.
    pub fn wide(&self) -> bool {
        self.size.width >= geometry::WIDE
    }

    /// Where the parts of a screen of `area` go.
    pub fn geometry_in(&self, area: Rect) -> Geometry {
        geometry::screen(area, self.list_shown)
    }

    /// Where the parts of a pane go on a screen of `area`.
    pub fn pane_geometry_in(&self, area: Rect, side: Side) -> PaneGeometry {
        geometry::pane(self.geometry_in(area).panes[side], self.digits)
    }

    /// Where the parts of a pane go on this screen.
    pub fn pane_geometry(&self, side: Side) -> PaneGeometry {
        self.pane_geometry_in(self.size, side)
    }

    /// Text rows visible in a pane.
    pub fn page(&self) -> usize {
        usize::from(self.pane_geometry(Side::A).text.height).max(1)
    }

    /// The text widths of the panes.
    pub fn text_widths(&self) -> Sides<usize> {
        Sides::from_fn(|side| usize::from(self.pane_geometry(side).text.width))
    }

    /// Where the article list is drawn: as the popup for `shown` articles,
    /// or as the side pane when there is one.
    pub fn list_area(&self, popup: bool, shown: usize) -> Option<Rect> {
        if popup {
            Some(geometry::list_popup(self.size, shown))
        } else {
            geometry::screen(self.size, self.list_shown).list
        }
    }

    /// The reading panes in the order Tab steps through them, with the list
    /// first when it is on screen.
    pub fn cycle(&self, step: isize, list_visible: bool) -> Pane {
        let order: &[Pane] = if list_visible {
            &[Pane::List, Pane::A, Pane::B]
        } else {
            &[Pane::A, Pane::B]
        };
        let at = order.iter().position(|p| *p == self.pane).unwrap_or(0) as isize;
        let n = order.len() as isize;
        order[(at + step).rem_euclid(n) as usize]
    }

    /// What is at `at`, with the list drawn in `list` (if it is); a list
    /// `popup` takes the mouse wherever it is.
    pub fn hit(&self, at: Position, list: Option<Rect>, popup: bool) -> Hit {
        if let Some(area) = list
            && (popup || area.contains(at))
        {
            let inner = geometry::framed_inner(area);
            return Hit::List(inner.contains(at).then(|| at.y - inner.y));
        }
        for (side, r) in geometry::screen(self.size, self.list_shown).panes.by_side() {
            if !r.contains(at) {
                continue;
            }
            let pg = self.pane_geometry(side);
            if pg.map.contains(at) || pg.thumb.contains(at) {
                let cell = usize::from(at.y.saturating_sub(pg.map.y));
                return Hit::Map(side, cell, usize::from(pg.map.height));
            }
            if pg.text.contains(at) || pg.gutter.contains(at) || pg.numbers.contains(at) {
                return Hit::Text(side, usize::from(at.y - pg.text.y));
            }
            return Hit::Pane(side);
        }
        Hit::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clicks_land_on_the_list_the_maps_and_the_text() {
        let mut s = Screen::new(true);
        s.size = Rect::new(0, 0, 160, 45);
        s.digits = 2;
        let list = s.list_area(false, 5);
        let l = list.expect("a side list");
        let hit = |at: Position| s.hit(at, list, false);
        assert_eq!(hit(Position::new(l.x + 2, l.y + 3)), Hit::List(Some(2)));
        assert_eq!(hit(Position::new(l.x, l.y)), Hit::List(None));
        for side in Side::BOTH {
            let pg = s.pane_geometry(side);
            let at = Position::new(pg.map.x, pg.map.y + 4);
            assert_eq!(hit(at), Hit::Map(side, 4, usize::from(pg.map.height)));
            let at = Position::new(pg.text.x + 1, pg.text.y + 7);
            assert_eq!(hit(at), Hit::Text(side, 7));
            assert_eq!(s.hit(at, list, true), Hit::List(None), "a popup takes all");
            let at = Position::new(pg.header.x, pg.header.y);
            assert_eq!(hit(at), Hit::Pane(side));
        }
        assert_eq!(hit(Position::new(5, 44)), Hit::Nothing);
        // Tab: list, A, B, round again; without the list, A and B.
        s.pane = Pane::B;
        assert_eq!(s.cycle(1, true), Pane::List);
        assert_eq!(s.cycle(-1, true), Pane::A);
        assert_eq!(s.cycle(1, false), Pane::A);
    }
}
