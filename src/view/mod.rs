//! The view model: an [`Alignment`](crate::align::Alignment) laid out for two
//! panes of a given width, with no terminal attached.
//!
//! [`wrap`] cuts text into display rows at word boundaries by display width,
//! tagging every piece with what it is (copied, reworded, a changed word…);
//! `column` does that for one side of a pair, passage by passage; [`spread`]
//! lays both sides out, inserting filler rows so that linked passages start
//! level, the way Meld and Juxta line up two texts; [`rows`] is what a row
//! holds. [`style`] maps the tags to ratatui styles, with a variant that
//! needs no colour. Everything here is pure so that it can be unit-tested
//! without a terminal; the `ui` module only draws it.

mod column;
pub mod rows;
pub mod spread;
pub mod style;
pub mod wrap;

pub use rows::RowKind;
pub use spread::Spread;
pub use style::Theme;
pub use wrap::{display_width, shorten_left, shorten_right, wrap};

use crate::align::{Alignment, Kind};
use crate::marks::Mark;

/// What a piece of text is to the reader: a passage's mark (copied,
/// reworded, new, dropped: the vocabulary of [`Mark`], shared with the
/// reports), or a part of the article that is never compared. A word that
/// changed inside a link carries a word mark besides (`Piece::change`:
/// deleted, inserted, moved).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Text of a passage: a link's side (its kind's mark), or a run of new
    /// or dropped sentences.
    Marked(Mark),
    /// The headline.
    Title,
    /// Date, byline and update lines.
    Meta,
    /// A crosshead inside the story.
    Heading,
    /// Tags, related links, comment forms.
    Boilerplate,
    /// Text both articles have from a common text (`Unit::Apart`): neither
    /// taken nor their own, shown unmarked and dim.
    Apart,
    /// Anything else (never compared, never marked).
    Plain,
}

impl Class {
    /// Whether the class is one of the "not part of the story" dim classes.
    pub fn is_dim(self) -> bool {
        matches!(self, Class::Meta | Class::Boilerplate)
    }

    /// The mark a reader sees on text of this class, if it is marked.
    pub fn mark(self) -> Option<Mark> {
        match self {
            Class::Marked(m) => Some(m),
            _ => None,
        }
    }
}

impl From<Kind> for Class {
    fn from(k: Kind) -> Class {
        Class::Marked(k.mark())
    }
}

/// The passage a row belongs to, which is also what the reader can focus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Index into `Alignment::links`.
    Link(usize),
    /// Index into `Alignment::b_unlinked` (B side only).
    New(usize),
    /// Index into `Alignment::a_unlinked` (A side only).
    Dropped(usize),
    /// Index into `Alignment::apart` (both sides): text both have from a
    /// common text, set apart instead of linked.
    Apart(usize),
    /// Title, meta lines, headings and boilerplate.
    Other,
}

impl Unit {
    /// The mark of the passage in `al`: a link's kind, new or dropped;
    /// `None` for other text.
    pub fn mark(self, al: &Alignment) -> Option<Mark> {
        match self {
            Unit::Link(i) => al.links.get(i).map(|l| l.kind.mark()),
            Unit::New(_) => Some(Mark::New),
            Unit::Dropped(_) => Some(Mark::Dropped),
            Unit::Apart(_) | Unit::Other => None,
        }
    }
}
