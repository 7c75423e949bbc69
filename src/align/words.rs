//! The word-level edit script inside a link.

use std::ops::Range;
use std::time::{Duration, Instant};

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

/// One step of the edit script, as ranges of word indices into each article's
/// `words` (absolute, not relative to the link).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WordOp {
    /// The same words on both sides (after case, quote and spelling folding).
    Equal {
        /// The words in A.
        a: Range<usize>,
        /// The words in B.
        b: Range<usize>,
    },
    /// Words of A that B does not keep.
    Delete {
        /// The words in A.
        a: Range<usize>,
    },
    /// Words of B that A does not have.
    Insert {
        /// The words in B.
        b: Range<usize>,
    },
}

impl WordOp {
    /// The same step seen from the other side.
    pub fn mirror(self) -> WordOp {
        match self {
            WordOp::Equal { a, b } => WordOp::Equal { a: b, b: a },
            WordOp::Delete { a } => WordOp::Insert { b: a },
            WordOp::Insert { b } => WordOp::Delete { a: b },
        }
    }
}

/// Diff two word sequences given as token ids; `a0`/`b0` are the absolute
/// indices of their first words. The deadline bounds the time spent: past it
/// `similar` returns a coarser but still valid script.
pub fn diff(a: &[u32], a0: usize, b: &[u32], b0: usize, deadline: Duration) -> Vec<WordOp> {
    let ops = capture_diff_slices_deadline(Algorithm::Myers, a, b, Some(Instant::now() + deadline));
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.push(WordOp::Equal {
                a: a0 + old_index..a0 + old_index + len,
                b: b0 + new_index..b0 + new_index + len,
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push(WordOp::Delete {
                a: a0 + old_index..a0 + old_index + old_len,
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push(WordOp::Insert {
                b: b0 + new_index..b0 + new_index + new_len,
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.push(WordOp::Delete {
                    a: a0 + old_index..a0 + old_index + old_len,
                });
                out.push(WordOp::Insert {
                    b: b0 + new_index..b0 + new_index + new_len,
                });
            }
        }
    }
    out
}

/// Length of a longest common subsequence of `a` and `b`. Short sequences
/// (sentences) get the exact dynamic programme; long ones go through
/// `similar`'s diff under the deadline (a lower bound if it is hit).
pub fn common_in_order(a: &[u32], b: &[u32], deadline: Duration) -> usize {
    if a.len().saturating_mul(b.len()) <= EXACT_LCS_CELLS {
        return lcs(a, b);
    }
    capture_diff_slices_deadline(Algorithm::Myers, a, b, Some(Instant::now() + deadline))
        .iter()
        .map(|op| match op {
            DiffOp::Equal { len, .. } => *len,
            _ => 0,
        })
        .sum()
}

/// Largest table the exact LCS fills (a few sentences against a few).
const EXACT_LCS_CELLS: usize = 1 << 16;

fn lcs(a: &[u32], b: &[u32]) -> usize {
    let mut row = vec![0usize; b.len() + 1];
    for &x in a {
        let mut diag = 0;
        for (j, &y) in b.iter().enumerate() {
            let up = row[j + 1];
            row[j + 1] = if x == y { diag + 1 } else { up.max(row[j]) };
            diag = up;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replace_becomes_delete_then_insert_with_absolute_indices() {
        let ops = diff(&[1, 2, 3], 10, &[1, 9, 3], 20, Duration::from_secs(1));
        assert_eq!(
            ops,
            vec![
                WordOp::Equal {
                    a: 10..11,
                    b: 20..21
                },
                WordOp::Delete { a: 11..12 },
                WordOp::Insert { b: 21..22 },
                WordOp::Equal {
                    a: 12..13,
                    b: 22..23
                },
            ]
        );
    }

    #[test]
    fn common_in_order_counts_the_lcs() {
        assert_eq!(
            common_in_order(&[1, 2, 3, 4], &[2, 4, 3], Duration::from_secs(1)),
            2
        );
    }

    #[test]
    fn mirror_swaps_sides() {
        assert_eq!(
            WordOp::Delete { a: 1..2 }.mirror(),
            WordOp::Insert { b: 1..2 }
        );
    }
}
