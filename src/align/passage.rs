//! Reuse passages: runs of links that follow each other in order on both
//! sides, as a reader (and PAN-style gold) counts reused blocks.
//!
//! A rewrite desk that takes a block of a source keeps its order: the
//! sentences of the block are linked one after another on both sides, with
//! here and there a sentence it dropped, added or changed past recognition.
//! Links serve the reader sentence by sentence; passages answer "which blocks
//! were taken".

use std::ops::Range;

use super::{Kind, Link};
use crate::article::Article;

/// Most unlinked sentences a passage may step over on either side between
/// two of its links: a reuser drops, adds or rewrites past recognition a
/// sentence here and there inside a block it takes, while two separate
/// takings from one source are usually further apart.
pub const MAX_PASSAGE_GAP: usize = 4;

/// One reused block: links in order on both sides, with short gaps allowed.
#[derive(Debug, Clone, PartialEq)]
pub struct Passage {
    /// Copied when most of the passage's linked words (both sides counted)
    /// are in copied links, else reworded.
    pub kind: Kind,
    /// Mean score of its links, weighted by their words.
    pub score: f64,
    /// True when most of its linked words are in links that moved.
    pub moved: bool,
    /// Sentence index range in A, first link to last (gaps included).
    pub a: Range<usize>,
    /// Sentence index range in B.
    pub b: Range<usize>,
    /// Byte range in A's normalized text.
    pub a_span: Range<usize>,
    /// Byte range in B's normalized text.
    pub b_span: Range<usize>,
    /// Indices into `Alignment::links`, in B order.
    pub links: Vec<usize>,
}

/// A passage while it grows.
struct Open {
    links: Vec<usize>,
    a: Range<usize>,
    b: Range<usize>,
    /// A end of its last link: the next must start at or after it.
    last_a_end: usize,
}

/// Group `links` (sorted by B) into passages.
///
/// Each link continues the open passage that it follows in order on both
/// sides within `MAX_PASSAGE_GAP` sentences, the closest one on A when there
/// are several (so a stray link inside a block, or two blocks interleaved,
/// do not cut a passage in two); otherwise it opens a passage of its own.
pub fn passages(a: &Article, b: &Article, links: &[Link]) -> Vec<Passage> {
    let mut open: Vec<Open> = Vec::new();
    let mut done: Vec<Open> = Vec::new();
    for (i, l) in links.iter().enumerate() {
        // Passages that this link is past on B for good are closed.
        let (closed, still): (Vec<Open>, Vec<Open>) = open
            .into_iter()
            .partition(|p| l.b.start > p.b.end + MAX_PASSAGE_GAP);
        done.extend(closed);
        open = still;
        let best = open
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                l.b.start >= p.b.end
                    && l.a.start >= p.last_a_end
                    && l.a.start - p.last_a_end <= MAX_PASSAGE_GAP
            })
            .min_by_key(|(k, p)| (l.a.start - p.last_a_end, *k))
            .map(|(k, _)| k);
        match best {
            Some(k) => {
                let p = &mut open[k];
                p.links.push(i);
                p.a.end = p.a.end.max(l.a.end);
                p.b.end = l.b.end;
                p.last_a_end = l.a.end;
            }
            None => open.push(Open {
                links: vec![i],
                a: l.a.clone(),
                b: l.b.clone(),
                last_a_end: l.a.end,
            }),
        }
    }
    done.extend(open);
    let mut out: Vec<Passage> = done.into_iter().map(|p| finish(a, b, links, p)).collect();
    out.sort_by_key(|p| (p.b.start, p.a.start));
    out
}

fn finish(a: &Article, b: &Article, links: &[Link], p: Open) -> Passage {
    // Weighed by the words of both sides, so that swapping A and B keeps
    // every passage's kind.
    let words = |l: &Link| -> usize {
        let n = |art: &Article, r: &Range<usize>| -> usize {
            r.clone().map(|s| art.sentences[s].words.len()).sum()
        };
        n(a, &l.a) + n(b, &l.b)
    };
    let (mut total, mut copied, mut moved, mut score) = (0usize, 0usize, 0usize, 0.0f64);
    for &i in &p.links {
        let l = &links[i];
        let n = words(l).max(1);
        total += n;
        if l.kind == Kind::Copied {
            copied += n;
        }
        if l.moved {
            moved += n;
        }
        score += l.score * n as f64;
    }
    Passage {
        // "Most of its words": ties go to reworded, the weaker claim.
        kind: if 2 * copied > total {
            Kind::Copied
        } else {
            Kind::Reworded
        },
        score: (score / total.max(1) as f64 * 1000.0).round() / 1000.0,
        moved: 2 * moved > total,
        a_span: a.sentences[p.a.start].span.start..a.sentences[p.a.end - 1].span.end,
        b_span: b.sentences[p.b.start].span.start..b.sentences[p.b.end - 1].span.end,
        a: p.a,
        b: p.b,
        links: p.links,
    }
}
