//! The overview map beside each pane: the whole article in one column, as
//! Meld's change map or an editor's scrollbar shows a file, so that where the
//! copied, reworded, new and dropped text lies can be seen at a glance; the
//! rows on screen are marked on the border beside it (the thumb), and a click
//! on either scrolls there.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use crate::marks::Mark;
use crate::view::rows::Row;
use crate::view::{RowKind, Theme};

/// The rows of a side of `total` rows that map cell `cell` of `height` stands
/// for. Short articles map a row to a cell; long ones share the rows out.
pub fn rows_of(total: usize, height: usize, cell: usize) -> Range<usize> {
    if height == 0 || total == 0 {
        return 0..0;
    }
    if total <= height {
        return if cell < total { cell..cell + 1 } else { 0..0 };
    }
    let start = cell * total / height;
    let end = ((cell + 1) * total / height).max(start + 1).min(total);
    start..end
}

/// The cells whose rows are on screen: rows `top..top + page` of `total`.
/// Empty when the whole article fits on the screen (there is nowhere to go).
pub fn window(total: usize, height: usize, top: usize, page: usize) -> Range<usize> {
    if height == 0 || total <= page {
        return 0..0;
    }
    let start = top * height / total;
    let end = (top + page)
        .min(total)
        .saturating_mul(height)
        .div_ceil(total);
    start.min(height.saturating_sub(1))..end.clamp(start + 1, height)
}

/// What each cell of a map `height` cells high shows: the reading mark most
/// of its rows carry (ties go to reuse: copied, reworded, dropped, new).
pub fn cells(rows: &[Row], height: usize) -> Vec<Option<Mark>> {
    const ORDER: [Mark; 4] = [Mark::Copied, Mark::Reworded, Mark::Dropped, Mark::New];
    (0..height)
        .map(|c| {
            let mut counts = [0usize; 4];
            for r in &rows[rows_of(rows.len(), height, c)] {
                if r.kind != RowKind::Text {
                    continue;
                }
                let Some(m) = r.gutter.as_ref().and_then(|g| g.class.mark()) else {
                    continue;
                };
                if let Some(k) = ORDER.iter().position(|x| *x == m) {
                    counts[k] += 1;
                }
            }
            // The first of the most frequent, in ORDER.
            let best = (0..4).rev().max_by_key(|&k| counts[k])?;
            (counts[best] > 0).then_some(ORDER[best])
        })
        .collect()
}

/// Draw the map of `rows` into `map`, and the window `top..top + page` as a
/// thumb on the border column `thumb`.
pub fn render(
    theme: &Theme,
    rows: &[Row],
    top: usize,
    page: usize,
    (map, thumb): (Rect, Rect),
    buf: &mut Buffer,
) {
    let h = usize::from(map.height);
    if map.is_empty() || h == 0 {
        return;
    }
    for (dy, cell) in cells(rows, h).into_iter().enumerate() {
        let Some(m) = cell else { continue };
        let y = map.y + dy as u16;
        // With colour a block of the mark's hue; without, its gutter letter
        // in its attributes (bold, italic, plain, dim).
        let symbol = if theme.color {
            "█"
        } else {
            m.letter().unwrap_or("·")
        };
        let style = theme.mark(m);
        buf.set_stringn(map.x, y, symbol, 1, style);
    }
    if thumb.is_empty() {
        return;
    }
    for dy in window(rows.len(), h, top, page) {
        let y = thumb.y + dy as u16;
        if y < thumb.bottom() {
            buf.set_stringn(thumb.x, y, "┃", 1, theme.thumb());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_share_out_the_rows_and_cover_them_all() {
        for (total, height) in [(1, 10), (10, 10), (11, 10), (1000, 7), (7, 3)] {
            let mut next = 0;
            for c in 0..height {
                let r = rows_of(total, height, c);
                if r.is_empty() {
                    continue;
                }
                assert_eq!(r.start, next, "{total} rows in {height}");
                next = r.end;
            }
            assert_eq!(next, total, "{total} rows in {height}");
        }
    }

    #[test]
    fn the_window_marks_the_rows_on_screen() {
        // Everything fits: no thumb.
        assert_eq!(window(20, 20, 0, 20), 0..0);
        // Top, middle and bottom of a long article.
        assert_eq!(window(100, 10, 0, 10), 0..1);
        assert_eq!(window(100, 10, 45, 10), 4..6);
        assert_eq!(window(100, 10, 90, 10), 9..10);
        assert_eq!(window(1000, 20, 999, 20), 19..20);
    }
}
