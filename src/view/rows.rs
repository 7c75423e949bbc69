//! Display rows: what a row of a laid-out article holds. A row keeps no
//! text of its own, only the bytes it shows; its pieces are made again when
//! it is drawn (`Spread::pieces`).

use std::num::NonZeroU32;

use super::{Class, Unit};
use crate::article::TextBytes;
use crate::marks::Mark;

/// What a display row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Article text.
    Text,
    /// The gap between two paragraphs.
    Blank,
    /// Padding that keeps linked passages level with the other side.
    Filler,
    /// A line above a run of moved links saying where its counterpart is
    /// (`↓ ¶13–¶15 moved`): one label for the run, not one per sentence.
    Note,
}

/// The gutter of a text row: the kind of its passage, its letter on the
/// passage's first row and a bar on the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gutter {
    pub class: Class,
    /// True on the first row of the passage (the row that carries the letter).
    pub first: bool,
}

impl Gutter {
    /// What the gutter shows: the kind's letter on the first row, a bar below.
    pub fn text(self) -> &'static str {
        if self.first {
            self.class.mark().and_then(Mark::letter).unwrap_or_default()
        } else {
            "│"
        }
    }
}

/// A display row. It holds no text of its own: a text row is a byte range of
/// its article's text, and its pieces are made when asked for
/// ([`Spread::pieces`]), for the few rows on screen. Kept small (a row for
/// every two bytes of a file of one-letter lines, and as many filler and blank
/// rows again): its offsets are `u32`, and what a note row says is kept
/// beside the rows ([`Spread::note`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The class of the row's text (its passage's).
    pub(super) class: Class,
    /// Where the row stands in a passage of several links (a reused block),
    /// for the bracket beside it, with the passage's class.
    pub bracket: Option<(Bracket, Class)>,
    pub gutter: Option<Gutter>,
    /// The bytes of `Article::text` a text row shows, from its first piece's
    /// first byte to its last piece's last (`0..0` on other rows).
    pub(super) start: u32,
    pub(super) end: u32,
    /// On the first row of a body paragraph: its number (`¶12`), counted as
    /// the gutters, the moved labels and the reports count them.
    pub paragraph: Option<NonZeroU32>,
    /// The passage the row shows (`Unit::Other` for blank and filler rows; a
    /// note row belongs to the first link of the run it labels).
    pub unit: Unit,
}

/// The part of a passage's bracket on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// The passage's first row.
    Top,
    /// A row inside it.
    Middle,
    /// Its last row.
    Bottom,
    /// A passage of one row.
    Single,
}

impl Bracket {
    /// How the bracket is drawn on this row.
    pub fn symbol(self) -> &'static str {
        match self {
            Bracket::Top => "╭",
            Bracket::Middle => "│",
            Bracket::Bottom => "╰",
            Bracket::Single => "[",
        }
    }
}

impl Row {
    pub(super) fn empty(kind: RowKind) -> Row {
        Row {
            kind,
            class: Class::Plain,
            bracket: None,
            gutter: None,
            start: 0,
            end: 0,
            paragraph: None,
            unit: Unit::Other,
        }
    }

    /// The bytes of `Article::text` the row shows: empty on rows that show no
    /// text (blank, filler and note rows).
    pub fn bytes(&self) -> TextBytes {
        TextBytes::new(self.start as usize, self.end as usize)
    }

    /// The first byte of `Article::text` the row shows, on a text row.
    pub fn first_byte(&self) -> Option<usize> {
        (self.kind == RowKind::Text).then_some(self.start as usize)
    }
}

/// A byte offset of an article's text as a row keeps it. Files are capped at
/// 8 MiB (`article::load::MAX_FILE_BYTES`) and their text grows at most a few
/// times over in decoding, far below 4 GiB.
pub(super) fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("article text under 4 GiB")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A row is all a large article's layout keeps per line (a file of
    /// one-letter lines has a text row and a blank row for every two bytes):
    /// no text, no pieces, no note of its own.
    #[test]
    fn a_row_stays_small() {
        assert!(
            std::mem::size_of::<Row>() <= 40,
            "{}",
            std::mem::size_of::<Row>()
        );
    }
}
