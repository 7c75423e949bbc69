//! The last check between a drawn frame and the terminal.
//!
//! Article text is neutralized when it is read (`article::decode`), but the
//! screen also shows text that never went through that: what the user types
//! or pastes into the search prompt, file names standing in for titles. And
//! ratatui drops only the graphemes holding C0/C1 controls, not bidi controls.
//! So once a frame is drawn, before ratatui sends it, every cell is checked:
//!
//! - a character that could steer the terminal (controls, bidi embeddings,
//!   overrides and isolates) becomes its visible placeholder;
//! - a grapheme cluster is cut to [`MAX_CHARS`] characters: 5000 combining
//!   marks on one letter would otherwise be written out on every redraw;
//! - a cluster that a terminal adding up the widths of its characters (xterm,
//!   VTE, the vt100 crate) would draw wider than ratatui measured it (an
//!   emoji ZWJ sequence such as a family, an emoji with a skin tone) is drawn
//!   as its first character, or as U+FFFD, padded with spaces to the width
//!   ratatui gave it; so is an emoji with VS16, one cell to some terminals
//!   and two to others. One drawn narrower (a halfwidth kana with its sound
//!   mark, which ratatui 0.30 counts as three cells) is kept, and ratatui's
//!   diff is told its real width so the padding after it gets drawn.
//!
//! Why it matters: ratatui moves the cursor only where it skips cells, so a
//! cell the terminal draws a column wider than measured shifts the rest of
//! the row over the pane borders, and one drawn narrower leaves a stale cell.

use std::num::NonZeroU16;

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;

use crate::article::decode::{is_safe_inline, placeholder};

/// Most characters kept in one cell: a base and its marks (article text is
/// cut to this already by the view; this catches the rest).
pub const MAX_CHARS: usize = crate::view::wrap::MAX_CLUSTER;

/// What the terminal draws for `s` if it adds up the widths of its
/// characters, as xterm, VTE and the vt100 crate do.
pub fn summed_width(s: &str) -> usize {
    s.chars().map(|c| c.width().unwrap_or(0)).sum()
}

/// Whether a cell is safe to send: no unsafe character, not over
/// [`MAX_CHARS`], and as wide summed up as ratatui will step over it.
pub fn is_safe_cell(cell: &Cell) -> bool {
    let s = cell.symbol();
    if let Some(w) = plain_char_width(s) {
        return w == cell.cell_width();
    }
    s.chars().all(is_safe_inline)
        && s.chars().count() <= MAX_CHARS
        && summed_width(s) == usize::from(cell.cell_width())
}

/// Make every cell of `area` in `buf` safe to send to a terminal, keeping
/// each cell's width so the layout does not move.
pub fn sanitize(buf: &mut Buffer, area: Rect) {
    let area = area.intersection(buf.area);
    for y in area.top()..area.bottom() {
        let mut x = area.left();
        while x < area.right() {
            let cell = &buf[(x, y)];
            let symbol = cell.symbol();
            // Almost every cell is one printable character (ASCII, a border,
            // a letter, a CJK ideograph) as wide summed up as ratatui says:
            // a lone halfwidth sound mark is the exception it catches.
            if let Some(w) = plain_char_width(symbol)
                && w == cell.cell_width()
            {
                x = x.saturating_add(w);
                continue;
            }
            // The width the frame was laid out with (a control has none, but
            // takes a cell once replaced).
            let width = if symbol.contains(char::is_control) {
                1
            } else {
                cell.cell_width().max(1)
            };
            if !is_safe_cell(cell) {
                let (fixed, used) = safe_symbol(symbol, width);
                let style = cell.style();
                let cell = &mut buf[(x, y)];
                cell.set_symbol(&fixed);
                if cell.cell_width() != used {
                    // Tell the diff how far the terminal really moves, so the
                    // padding below is drawn rather than skipped.
                    let w = NonZeroU16::new(used).unwrap_or(NonZeroU16::MIN);
                    cell.set_diff_option(CellDiffOption::ForcedWidth(w));
                }
                for pad in x.saturating_add(used)..x.saturating_add(width).min(area.right()) {
                    buf[(pad, y)].reset();
                    buf[(pad, y)].set_symbol(" ").set_style(style);
                }
            }
            x = x.saturating_add(width);
        }
    }
}

/// The width of a symbol that is one safe character of width 1 or 2.
fn plain_char_width(symbol: &str) -> Option<u16> {
    let b = symbol.as_bytes();
    if b.len() == 1 {
        return (b[0] == b' ' || b[0].is_ascii_graphic()).then_some(1);
    }
    let mut chars = symbol.chars();
    let c = chars.next()?;
    if chars.next().is_some() || !is_safe_inline(c) {
        return None;
    }
    match c.width() {
        Some(w @ 1..=2) => Some(w as u16),
        _ => None,
    }
}

/// A replacement for `symbol` in a cell laid out `width` wide, and the cells
/// a terminal moves over drawing it (at least 1, at most `width`).
fn safe_symbol(symbol: &str, width: u16) -> (String, u16) {
    let cleaned: String = symbol
        .chars()
        .map(|c| {
            if !is_safe_inline(c) {
                placeholder(c).unwrap_or('\u{FFFD}')
            } else {
                c
            }
        })
        .take(MAX_CHARS)
        .collect();
    let summed = summed_width(&cleaned);
    // An emoji with VS16 is one cell to some terminals and two to others:
    // its base alone is one cell everywhere.
    let ambiguous = cleaned.contains('\u{FE0F}');
    if !ambiguous && (1..=usize::from(width)).contains(&summed) {
        return (cleaned, summed as u16);
    }
    // Wider summed up than laid out (an emoji ZWJ sequence): the first
    // character alone, when it fits and means something by itself.
    match cleaned.chars().next() {
        Some(c) if (1..=usize::from(width)).contains(&c.width().unwrap_or(0)) => {
            (c.to_string(), c.width().unwrap_or(1) as u16)
        }
        _ => ("\u{FFFD}".to_string(), 1),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Style;

    fn drawn(text: &str, w: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 1));
        buf.set_stringn(0, 0, text, usize::from(w), Style::new());
        let area = buf.area;
        sanitize(&mut buf, area);
        buf
    }

    fn cells(buf: &Buffer) -> Vec<&str> {
        buf.content().iter().map(|c| c.symbol()).collect()
    }

    #[test]
    fn plain_wide_and_combining_text_is_kept() {
        for text in ["abc", "漢字", "e\u{301}", "🇺🇦", "😀", "a\u{200d}b"] {
            let mut want = Buffer::empty(Rect::new(0, 0, 8, 1));
            want.set_stringn(0, 0, text, 8, Style::new());
            assert_eq!(drawn(text, 8), want, "{text:?}");
        }
    }

    #[test]
    fn bidi_controls_become_placeholders() {
        let buf = drawn("a\u{202e}b\u{2066}c", 8);
        let shown: String = cells(&buf).concat();
        assert!(!shown.contains(['\u{202e}', '\u{2066}']), "{shown:?}");
        assert!(shown.starts_with("a"), "{shown:?}");
    }

    #[test]
    fn a_flood_of_marks_is_cut() {
        let flood = format!("e{}x", "\u{301}".repeat(5000));
        let buf = drawn(&flood, 4);
        assert_eq!(buf[(0, 0)].symbol().chars().count(), MAX_CHARS);
        assert_eq!(buf[(1, 0)].symbol(), "x");
    }

    #[test]
    fn clusters_terminals_measure_differently_keep_their_width() {
        let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
        // ratatui measures the family as two cells; a terminal that adds up
        // the people draws six.
        assert_eq!(family.cell_width(), 2);
        assert_eq!(summed_width(family), 6);
        let buf = drawn(&format!("{family}x"), 6);
        assert_eq!(cells(&buf)[..3], ["\u{1f468}", " ", "x"]);
        // A heart with VS16: two cells to ratatui, one summed up.
        let buf = drawn("\u{2764}\u{fe0f}x", 6);
        assert_eq!(cells(&buf)[..3], ["\u{2764}", " ", "x"]);
        for c in buf.content() {
            assert!(is_safe_cell(c), "{:?}", c.symbol());
        }
    }

    #[test]
    fn halfwidth_kana_with_a_sound_mark_moves_the_terminal_two_cells() {
        // ratatui 0.30 with unicode-width 0.2.3 counts the mark twice: three
        // cells, where a terminal draws two. The cell is kept, told its real
        // width, and the third cell is drawn as a space.
        let buf = drawn("ｶﾞx", 6);
        assert_eq!("ｶﾞ".cell_width(), 3);
        assert_eq!(cells(&buf)[..4], ["ｶﾞ", " ", " ", "x"]);
        assert_eq!(buf[(0, 0)].cell_width(), 2);
        for c in buf.content() {
            assert!(is_safe_cell(c), "{:?}", c.symbol());
        }
    }

    #[test]
    fn a_control_set_directly_into_a_cell_is_replaced() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 3, 1));
        buf[(1, 0)].set_symbol("\u{1b}");
        let area = buf.area;
        sanitize(&mut buf, area);
        assert_eq!(cells(&buf), [" ", "\u{241b}", " "]);
    }
}
