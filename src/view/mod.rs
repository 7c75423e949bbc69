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
pub use wrap::{display_width, shorten_left, wrap};

use crate::align::Kind;
use crate::marks::Mark;

/// What a piece of text is to the reader; each class has its own style.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Class {
    /// Inside a link whose wording B kept.
    Copied,
    /// Inside a link that B reworded.
    Reworded,
    /// Body text of B found nowhere in A.
    New,
    /// Body text of A that B left out.
    Dropped,
    /// The headline.
    Title,
    /// Date, byline and update lines.
    Meta,
    /// A crosshead inside the story.
    Heading,
    /// Tags, related links, comment forms.
    Boilerplate,
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
            Class::Copied => Some(Mark::Copied),
            Class::Reworded => Some(Mark::Reworded),
            Class::New => Some(Mark::New),
            Class::Dropped => Some(Mark::Dropped),
            _ => None,
        }
    }
}

impl From<Kind> for Class {
    fn from(k: Kind) -> Class {
        match k {
            Kind::Copied => Class::Copied,
            Kind::Reworded => Class::Reworded,
        }
    }
}

/// A word that differs inside a link: deleted on the A side, inserted on B,
/// or kept word for word but moved within the link (on both sides).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Change {
    /// A word of A that B changed or left out.
    Deleted,
    /// A word B put in.
    Inserted,
    /// A word of a phrase B kept word for word but moved within the link.
    Moved,
}

impl Change {
    /// The mark of a changed word.
    pub fn mark(self) -> Mark {
        match self {
            Change::Deleted => Mark::Deleted,
            Change::Inserted => Mark::Inserted,
            Change::Moved => Mark::Moved,
        }
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
    /// Title, meta lines, headings and boilerplate.
    Other,
}
