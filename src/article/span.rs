//! Positions in an article, each kind its own type.
//!
//! Four kinds of half-open range run through copycat and are all, underneath,
//! two `usize`s: sentence indices ([`Sentences`]), word indices ([`Words`]),
//! bytes of the article's normalized text ([`TextBytes`]) and bytes of the
//! file as stored ([`FileBytes`]). A word range used as a byte range, or a
//! text offset reported as a file offset (they differ on every saved page and
//! every CRLF file), is a wrong answer that looks right; with a type each, it
//! does not compile. The conversions between kinds need the article's
//! segmentation or its offset map, so they are [`Article`](super::Article)
//! methods (`sentence_words`, `sentences_bytes`, `words_bytes`, `file_bytes`,
//! `text_at`), one home each.
//!
//! ```
//! use copycat::article::{Sentences, Words};
//! fn words_only(w: Words) -> usize { w.len() }
//! assert_eq!(words_only(Words::new(2, 5)), 3);
//! assert_eq!(Sentences::new(1, 3).into_iter().collect::<Vec<_>>(), [1, 2]);
//! ```
//!
//! Mixing kinds does not compile:
//!
//! ```compile_fail
//! use copycat::article::{Sentences, Words};
//! fn words_only(w: Words) -> usize { w.len() }
//! words_only(Sentences::new(2, 5));
//! ```
//!
//! ```compile_fail
//! use copycat::article::Words;
//! let w: Words = (2..5).into();
//! ```
//!
//! Construction is explicit (`Words::new(a, b)`): there is deliberately no
//! `From<Range<usize>>`. `range()` gives the plain range back for indexing a
//! slice that is known to be of the same kind (the article's sentences, a
//! per-sentence table).
//!
//! Serialized as the JSON contract writes each kind: index ranges as
//! `[start, end]`, file bytes as `{"start": …, "end": …}`. Text bytes never
//! reach a report (every offset the contract promises is a file offset), so
//! [`TextBytes`] has no `Serialize` at all.

use std::fmt;
use std::ops::Range;

macro_rules! span_kind {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub struct $name {
            #[doc = concat!("The first ", $what, ".")]
            pub start: usize,
            #[doc = concat!("One past the last ", $what, ".")]
            pub end: usize,
        }

        impl $name {
            #[doc = concat!("The ", $what, "s from `start` up to, not including, `end`.")]
            pub const fn new(start: usize, end: usize) -> $name {
                debug_assert!(start <= end, "a range that ends before it starts");
                $name { start, end }
            }

            #[doc = concat!("No ", $what, ", at `at`.")]
            pub const fn empty_at(at: usize) -> $name {
                $name { start: at, end: at }
            }

            #[doc = concat!("How many ", $what, "s.")]
            pub const fn len(&self) -> usize {
                self.end.saturating_sub(self.start)
            }

            #[doc = concat!("Whether it holds no ", $what, ".")]
            pub const fn is_empty(&self) -> bool {
                self.end <= self.start
            }

            #[doc = concat!("Whether ", $what, " `i` is in it.")]
            pub const fn contains(&self, i: usize) -> bool {
                self.start <= i && i < self.end
            }

            /// Whether each starts before the other ends: the two share a
            /// position, or one is empty strictly inside the other (a caret
            /// inside a passage touches it).
            pub const fn overlaps(&self, other: &$name) -> bool {
                self.start < other.end && other.start < self.end
            }

            /// What the two have in common, when they overlap (empty for an
            /// empty range strictly inside the other).
            pub fn intersection(&self, other: &$name) -> Option<$name> {
                self.overlaps(other).then(|| $name {
                    start: self.start.max(other.start),
                    end: self.end.min(other.end),
                })
            }

            /// From the first start of the two to the last end: the smallest
            /// range holding both (and what lies between them).
            pub fn hull(&self, other: &$name) -> $name {
                $name {
                    start: self.start.min(other.start),
                    end: self.end.max(other.end),
                }
            }

            /// How many positions lie between the two (0 when they touch
            /// or overlap).
            pub fn gap(&self, other: &$name) -> usize {
                other
                    .start
                    .saturating_sub(self.end)
                    .max(self.start.saturating_sub(other.end))
            }

            /// The plain range, for indexing a slice of this kind's positions.
            pub const fn range(&self) -> Range<usize> {
                self.start..self.end
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, concat!(stringify!($name), "({}..{})"), self.start, self.end)
            }
        }
    };
}

/// Index ranges iterate over their indices (`for s in link.a`).
macro_rules! indices {
    ($name:ident) => {
        impl IntoIterator for $name {
            type Item = usize;
            type IntoIter = Range<usize>;
            fn into_iter(self) -> Range<usize> {
                self.range()
            }
        }

        /// Written `[start, end]`, as the JSON contract writes index ranges.
        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                [self.start, self.end].serialize(s)
            }
        }
    };
}

span_kind!(
    /// A run of sentences: indices into `Article::sentences`.
    Sentences,
    "sentence"
);
indices!(Sentences);

span_kind!(
    /// A run of words: indices into `Article::words`.
    Words,
    "word"
);
indices!(Words);

span_kind!(
    /// A byte range of `Article::text`, the normalized text (UTF-8, `\n`
    /// line ends, controls replaced): what the reader draws and the aligner
    /// reads. Never reported: [`FileBytes`] are.
    TextBytes,
    "text byte"
);

span_kind!(
    /// A byte range of the file as stored (`Article::bytes`): every offset a
    /// report gives. Written `{"start": …, "end": …}`.
    FileBytes,
    "file byte"
);

impl serde::Serialize for FileBytes {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("FileBytes", 2)?;
        st.serialize_field("start", &self.start)?;
        st.serialize_field("end", &self.end)?;
        st.end()
    }
}

impl TextBytes {
    /// Shifted `by` bytes later: a range found in a slice of the text that
    /// starts at `by`, made a range of the whole text.
    pub const fn shift(self, by: usize) -> TextBytes {
        TextBytes {
            start: self.start + by,
            end: self.end + by,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn len_empty_contains() {
        let w = Words::new(3, 7);
        assert_eq!(w.len(), 4);
        assert!(!w.is_empty());
        assert!(w.contains(3) && w.contains(6));
        assert!(!w.contains(7) && !w.contains(2));
        let e = Words::empty_at(5);
        assert!(e.is_empty());
        assert_eq!(e.len(), 0);
        assert!(!e.contains(5));
    }

    #[test]
    fn iterates_over_its_indices() {
        let s = Sentences::new(2, 5);
        assert_eq!(s.into_iter().collect::<Vec<_>>(), vec![2, 3, 4]);
        let mut n = 0;
        for i in s {
            assert!(s.contains(i));
            n += 1;
        }
        assert_eq!(n, s.len());
        assert_eq!(Sentences::empty_at(4).into_iter().count(), 0);
    }

    #[test]
    fn overlaps_and_intersection_agree() {
        let a = TextBytes::new(10, 20);
        for (b, expect) in [
            (TextBytes::new(0, 10), None),
            (TextBytes::new(0, 11), Some(TextBytes::new(10, 11))),
            (TextBytes::new(12, 15), Some(TextBytes::new(12, 15))),
            (TextBytes::new(19, 30), Some(TextBytes::new(19, 20))),
            (TextBytes::new(20, 30), None),
            (TextBytes::empty_at(15), Some(TextBytes::empty_at(15))),
            (TextBytes::empty_at(10), None),
            (TextBytes::empty_at(20), None),
        ] {
            assert_eq!(a.intersection(&b), expect, "{a:?} ∩ {b:?}");
            assert_eq!(b.intersection(&a), expect, "{b:?} ∩ {a:?}");
            assert_eq!(a.overlaps(&b), expect.is_some(), "{a:?} overlaps {b:?}");
            assert_eq!(b.overlaps(&a), expect.is_some(), "{b:?} overlaps {a:?}");
        }
    }

    #[test]
    fn hull_and_gap() {
        let (a, b) = (Sentences::new(2, 4), Sentences::new(7, 9));
        assert_eq!(a.hull(&b), Sentences::new(2, 9));
        assert_eq!(b.hull(&a), Sentences::new(2, 9));
        assert_eq!(a.gap(&b), 3);
        assert_eq!(b.gap(&a), 3);
        assert_eq!(a.gap(&Sentences::new(4, 5)), 0);
        assert_eq!(a.gap(&Sentences::new(3, 8)), 0);
    }

    #[test]
    fn shift_moves_both_ends() {
        assert_eq!(TextBytes::new(2, 5).shift(10), TextBytes::new(12, 15));
    }

    #[test]
    fn serialized_as_the_json_contract_writes_them() {
        assert_eq!(
            serde_json::to_string(&Sentences::new(1, 3)).unwrap(),
            "[1,3]"
        );
        assert_eq!(serde_json::to_string(&Words::new(0, 2)).unwrap(), "[0,2]");
        assert_eq!(
            serde_json::to_string(&FileBytes::new(17, 248)).unwrap(),
            r#"{"start":17,"end":248}"#
        );
    }

    #[test]
    fn debug_names_the_kind() {
        assert_eq!(format!("{:?}", Words::new(1, 2)), "Words(1..2)");
        assert_eq!(format!("{:?}", FileBytes::new(0, 9)), "FileBytes(0..9)");
    }
}
