//! The word-level edit script inside a link.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::article::Words;

/// One step of the edit script, as ranges of word indices into each article's
/// `words` (absolute, not relative to the link).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum WordOp {
    /// The same words on both sides (after case, quote and spelling folding).
    Equal {
        /// The words in A.
        a: Words,
        /// The words in B.
        b: Words,
    },
    /// Words of A that B does not keep.
    Delete {
        /// The words in A.
        a: Words,
    },
    /// Words of B that A does not have.
    Insert {
        /// The words in B.
        b: Words,
    },
    /// The same words on both sides, kept word for word but moved to another
    /// place in the passage (a quote lifted from the start to the end).
    Moved {
        /// The words in A.
        a: Words,
        /// The words in B.
        b: Words,
    },
}

impl WordOp {
    /// The same step seen from the other side.
    pub fn mirror(self) -> WordOp {
        match self {
            WordOp::Equal { a, b } => WordOp::Equal { a: b, b: a },
            WordOp::Delete { a } => WordOp::Insert { b: a },
            WordOp::Insert { b } => WordOp::Delete { a: b },
            WordOp::Moved { a, b } => WordOp::Moved { a: b, b: a },
        }
    }
}

/// Diff two word sequences given as token ids; `a0`/`b0` are the absolute
/// indices of their first words.
///
/// Sequences of at most `limit` words together are diffed exactly. Past it
/// (a pathological "sentence" of thousands of words) the script is coarse:
/// the common prefix and suffix are kept and the middle is replaced whole,
/// so the cost stays linear. The limit is a size, not a time: the same input
/// gives the same script on any machine, however loaded. Returns the script
/// and whether it is exact.
pub fn diff(a: &[u32], a0: usize, b: &[u32], b0: usize, limit: usize) -> (Vec<WordOp>, bool) {
    let exact = a.len() + b.len() <= limit;
    let ops = if exact {
        capture_diff_slices(Algorithm::Myers, a, b)
    } else {
        coarse(a, b)
    };
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        match op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => out.push(WordOp::Equal {
                a: Words::new(a0 + old_index, a0 + old_index + len),
                b: Words::new(b0 + new_index, b0 + new_index + len),
            }),
            DiffOp::Delete {
                old_index, old_len, ..
            } => out.push(WordOp::Delete {
                a: Words::new(a0 + old_index, a0 + old_index + old_len),
            }),
            DiffOp::Insert {
                new_index, new_len, ..
            } => out.push(WordOp::Insert {
                b: Words::new(b0 + new_index, b0 + new_index + new_len),
            }),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                out.push(WordOp::Delete {
                    a: Words::new(a0 + old_index, a0 + old_index + old_len),
                });
                out.push(WordOp::Insert {
                    b: Words::new(b0 + new_index, b0 + new_index + new_len),
                });
            }
        }
    }
    (out, exact)
}

/// A script in linear time: the common prefix, the middle replaced, the
/// common suffix.
fn coarse(a: &[u32], b: &[u32]) -> Vec<DiffOp> {
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let suf = a[pre..]
        .iter()
        .rev()
        .zip(b[pre..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (ma, mb) = (a.len() - pre - suf, b.len() - pre - suf);
    let mut ops = Vec::with_capacity(3);
    if pre > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: pre,
        });
    }
    match (ma, mb) {
        (0, 0) => {}
        (_, 0) => ops.push(DiffOp::Delete {
            old_index: pre,
            old_len: ma,
            new_index: pre,
        }),
        (0, _) => ops.push(DiffOp::Insert {
            old_index: pre,
            new_index: pre,
            new_len: mb,
        }),
        _ => ops.push(DiffOp::Replace {
            old_index: pre,
            old_len: ma,
            new_index: pre,
            new_len: mb,
        }),
    }
    if suf > 0 {
        ops.push(DiffOp::Equal {
            old_index: pre + ma,
            new_index: pre + mb,
            len: suf,
        });
    }
    ops
}

/// The letters and digits of `text`, case-folded, as small symbols: what
/// survives re-extraction of a text (line breaks, hyphenation, words run
/// together or split apart) whatever else it changes.
pub fn letters(text: &str) -> Vec<u8> {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'a'..='z' => c as u8 - b'a',
            '0'..='9' => 26 + (c as u8 - b'0'),
            // Other letters share the remaining symbols: a collision only
            // lets two different rare letters count as the same.
            _ => 36 + (c as u32 % 28) as u8,
        })
        .collect()
}

/// Length of a longest common subsequence of two symbol strings (symbols
/// below 64), by the bit-parallel method of Allison and Dix (1986) as
/// refined by Hyyrö (2004): one pass over `b`, `a.len() / 64` words a step.
pub fn lcs_symbols(a: &[u8], b: &[u8]) -> usize {
    if a.is_empty() || b.is_empty() {
        return 0;
    }
    let words = a.len().div_ceil(64);
    let mut masks = vec![0u64; 64 * words];
    for (i, &c) in a.iter().enumerate() {
        masks[(c as usize & 63) * words + i / 64] |= 1 << (i % 64);
    }
    let mut v = vec![u64::MAX; words];
    for &c in b {
        let m = &masks[(c as usize & 63) * words..][..words];
        let mut carry = 0u64;
        for (vk, &mk) in v.iter_mut().zip(m) {
            let u = *vk & mk;
            let (s1, c1) = vk.overflowing_add(u);
            let (s2, c2) = s1.overflowing_add(carry);
            carry = u64::from(c1 || c2);
            *vk = s2 | (*vk & !mk);
        }
    }
    let zeros: u32 = v.iter().map(|w| w.count_zeros()).sum();
    // Bits past the end of `a` stay set (no symbol matches there).
    zeros as usize
}

/// Fewest words a phrase must hold to count as moved rather than deleted
/// and inserted: one or two words (`the`, `said`) recur by chance; three in
/// the same order are the same phrase.
const MIN_MOVED_WORDS: usize = 3;
/// Largest table (deleted words × inserted words) searched for moved
/// phrases: far more than a few sentences hold, so only a pathological
/// link is left with its moves as deletions and insertions.
const MAX_MOVE_CELLS: usize = 1 << 18;

/// Turn each phrase that the script deletes on one side and inserts word for
/// word on the other into a `Moved` step. `a`/`b` are the two word sequences
/// and `a0`/`b0` the absolute indices of their first words, as for [`diff`].
pub fn find_moves(ops: Vec<WordOp>, a: &[u32], a0: usize, b: &[u32], b0: usize) -> Vec<WordOp> {
    let dels: Vec<Words> = ops
        .iter()
        .filter_map(|op| match op {
            WordOp::Delete { a } if a.len() >= MIN_MOVED_WORDS => Some(*a),
            _ => None,
        })
        .collect();
    let inss: Vec<Words> = ops
        .iter()
        .filter_map(|op| match op {
            WordOp::Insert { b } if b.len() >= MIN_MOVED_WORDS => Some(*b),
            _ => None,
        })
        .collect();
    let cells: usize =
        dels.iter().map(|r| r.len()).sum::<usize>() * inss.iter().map(|r| r.len()).sum::<usize>();
    if dels.is_empty() || inss.is_empty() || cells > MAX_MOVE_CELLS {
        return ops;
    }
    // Greedy: the longest common run of any deleted and any inserted stretch,
    // then the next longest among what is left, and so on.
    let mut moved_a = vec![false; a.len()];
    let mut moved_b = vec![false; b.len()];
    let mut moves: Vec<(Words, Words)> = Vec::new();
    loop {
        let mut best: Option<(usize, usize, usize)> = None; // (len, a start, b start)
        for d in &dels {
            for i in inss.iter() {
                let (x, y) = (d.start - a0..d.end - a0, i.start - b0..i.end - b0);
                let mut prev = vec![0usize; y.len() + 1];
                for xi in x.clone() {
                    let mut row = vec![0usize; y.len() + 1];
                    for (k, yi) in y.clone().enumerate() {
                        if a[xi] == b[yi] && !moved_a[xi] && !moved_b[yi] {
                            row[k + 1] = prev[k] + 1;
                            let n = row[k + 1];
                            if best.is_none_or(|(l, ..)| n > l) {
                                best = Some((n, xi + 1 - n, yi + 1 - n));
                            }
                        }
                    }
                    prev = row;
                }
            }
        }
        match best {
            Some((n, sa, sb)) if n >= MIN_MOVED_WORDS => {
                moved_a[sa..sa + n].iter_mut().for_each(|m| *m = true);
                moved_b[sb..sb + n].iter_mut().for_each(|m| *m = true);
                moves.push((
                    Words::new(a0 + sa, a0 + sa + n),
                    Words::new(b0 + sb, b0 + sb + n),
                ));
            }
            _ => break,
        }
    }
    if moves.is_empty() {
        return ops;
    }
    // Split each deletion and insertion around the moved words; a moved
    // phrase takes the deletion's place in the script.
    let mut out = Vec::with_capacity(ops.len() + 2 * moves.len());
    for op in ops {
        match op {
            WordOp::Delete { a: r } => {
                let mut k = r.start;
                while k < r.end {
                    if let Some((ma, mb)) = moves.iter().find(|(ma, _)| ma.start == k) {
                        out.push(WordOp::Moved { a: *ma, b: *mb });
                        k = ma.end;
                    } else {
                        let e = (k..r.end).find(|&j| moved_a[j - a0]).unwrap_or(r.end);
                        out.push(WordOp::Delete {
                            a: Words::new(k, e),
                        });
                        k = e;
                    }
                }
            }
            WordOp::Insert { b: r } => {
                let mut k = r.start;
                while k < r.end {
                    if moved_b[k - b0] {
                        k += 1;
                        continue;
                    }
                    let e = (k..r.end).find(|&j| moved_b[j - b0]).unwrap_or(r.end);
                    out.push(WordOp::Insert {
                        b: Words::new(k, e),
                    });
                    k = e;
                }
            }
            other => out.push(other),
        }
    }
    out
}

/// Length of a longest common subsequence of `a` and `b`. Short sequences
/// (sentences) get the exact dynamic programme; longer ones `similar`'s
/// diff, and past `limit` words together the coarse script of [`diff`]
/// (a lower bound).
pub fn common_in_order(a: &[u32], b: &[u32], limit: usize) -> usize {
    if a.len().saturating_mul(b.len()) <= EXACT_LCS_CELLS {
        return lcs(a, b);
    }
    let ops = if a.len() + b.len() <= limit {
        capture_diff_slices(Algorithm::Myers, a, b)
    } else {
        coarse(a, b)
    };
    ops.iter()
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
        let (ops, exact) = diff(&[1, 2, 3], 10, &[1, 9, 3], 20, 100);
        assert!(exact);
        assert_eq!(
            ops,
            vec![
                WordOp::Equal {
                    a: Words::new(10, 11),
                    b: Words::new(20, 21)
                },
                WordOp::Delete {
                    a: Words::new(11, 12)
                },
                WordOp::Insert {
                    b: Words::new(21, 22)
                },
                WordOp::Equal {
                    a: Words::new(12, 13),
                    b: Words::new(22, 23)
                },
            ]
        );
    }

    #[test]
    fn past_the_size_limit_the_script_is_coarse_and_covers_every_word() {
        let (ops, exact) = diff(&[1, 2, 3, 4, 5], 0, &[1, 2, 9, 5], 0, 4);
        assert!(!exact);
        assert_eq!(
            ops,
            vec![
                WordOp::Equal {
                    a: Words::new(0, 2),
                    b: Words::new(0, 2)
                },
                WordOp::Delete {
                    a: Words::new(2, 4)
                },
                WordOp::Insert {
                    b: Words::new(2, 3)
                },
                WordOp::Equal {
                    a: Words::new(4, 5),
                    b: Words::new(3, 4)
                },
            ]
        );
        assert_eq!(common_in_order(&[1, 2, 3, 4, 5], &[1, 2, 9, 5], 4), 3);
    }

    #[test]
    fn common_in_order_counts_the_lcs() {
        assert_eq!(common_in_order(&[1, 2, 3, 4], &[2, 4, 3], 100), 2);
    }

    #[test]
    fn a_phrase_moved_to_the_end_is_one_moved_step() {
        // A: q1 q2 q3 x y z ; B: x y z q1 q2 q3 (the quote moved to the end).
        let (a, b) = ([1, 2, 3, 7, 8, 9, 10], [7, 8, 9, 10, 1, 2, 3]);
        let (ops, _) = diff(&a, 100, &b, 200, 100);
        let ops = find_moves(ops, &a, 100, &b, 200);
        assert!(
            ops.contains(&WordOp::Moved {
                a: Words::new(100, 103),
                b: Words::new(204, 207)
            }),
            "{ops:?}"
        );
        assert!(
            !ops.iter()
                .any(|op| matches!(op, WordOp::Delete { .. } | WordOp::Insert { .. })),
            "{ops:?}"
        );
    }

    #[test]
    fn two_words_in_common_are_not_a_move() {
        let (a, b) = ([1, 2, 7, 8, 9], [7, 8, 9, 1, 2]);
        let (ops, _) = diff(&a, 0, &b, 0, 100);
        let ops = find_moves(ops, &a, 0, &b, 0);
        assert!(!ops.iter().any(|op| matches!(op, WordOp::Moved { .. })));
    }

    #[test]
    fn bit_parallel_lcs_matches_the_table() {
        let pairs = [
            (
                "the series gained wide popularity",
                "the series gaincd widepopularity",
            ),
            ("abcabcabc", "cbacbacba"),
            ("", "abc"),
        ];
        for (x, y) in pairs {
            let (a, b) = (letters(x), letters(y));
            let a32: Vec<u32> = a.iter().map(|&c| u32::from(c)).collect();
            let b32: Vec<u32> = b.iter().map(|&c| u32::from(c)).collect();
            assert_eq!(lcs_symbols(&a, &b), lcs(&a32, &b32), "{x:?} {y:?}");
        }
        // Longer than one machine word, so carries cross words.
        let long = "lorem ipsum dolor sit amet consectetur ".repeat(9);
        let edited = long.replace("sit", "sat").replace("or", "ro");
        let (a, b) = (letters(&long), letters(&edited));
        let a32: Vec<u32> = a.iter().map(|&c| u32::from(c)).collect();
        let b32: Vec<u32> = b.iter().map(|&c| u32::from(c)).collect();
        assert_eq!(lcs_symbols(&a, &b), lcs(&a32, &b32));
    }

    #[test]
    fn mirror_swaps_sides() {
        assert_eq!(
            WordOp::Delete {
                a: Words::new(1, 2)
            }
            .mirror(),
            WordOp::Insert {
                b: Words::new(1, 2)
            }
        );
    }
}
