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
pub const MAX_PASSAGE_GAP: usize = 3;

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

/// How far `l` is on A from where passage `p` goes on: 0 right after its
/// last link; a link a little before it (two adjacent sentences swapped by
/// the rewrite, or a shuffled passage) counts its distance back.
fn a_gap(p: &Open, l: &Link) -> usize {
    if l.a.start >= p.last_a_end {
        l.a.start - p.last_a_end
    } else {
        p.last_a_end.saturating_sub(l.a.end).max(1)
    }
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
            .filter(|(_, p)| l.b.start >= p.b.end && a_gap(p, l) <= MAX_PASSAGE_GAP)
            .min_by_key(|(k, p)| (a_gap(p, l), *k))
            .map(|(k, _)| k);
        match best {
            Some(k) => {
                let p = &mut open[k];
                p.links.push(i);
                p.a = p.a.start.min(l.a.start)..p.a.end.max(l.a.end);
                p.b.end = l.b.end;
                p.last_a_end = p.last_a_end.max(l.a.end);
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
    let done = condense(done, links, a.sentences.len(), b.sentences.len());
    let mut out: Vec<Passage> = done.into_iter().map(|p| finish(a, b, links, p)).collect();
    out.sort_by_key(|p| (p.b.start, p.a.start));
    out
}

/// Most sentences a condensed passage's long side may span for each
/// sentence of its short side: a summary keeps one sentence in three to
/// ten of its source; past this, two links are two takings, not one.
pub const MAX_CONDENSATION: usize = 12;
/// …and at least this many: a block that keeps about as many sentences as
/// it draws from is not condensed, and two such blocks side by side are two
/// takings (two pasted passages that happen to meet).
pub const MIN_CONDENSATION: usize = 2;
/// A condensed passage is written as one run: at most this many unlinked
/// sentences between two of its links on its short side.
pub const MAX_CONDENSED_GAP: usize = 1;
/// …and short: a summary of a source passage is a paragraph or two. Longer
/// runs drawn from far-apart places are a rewrite that reordered its source.
pub const MAX_CONDENSED_SPAN: usize = 8;

/// Merge passages that are one condensed block: next to each other on one
/// side (within `MAX_CONDENSED_GAP`), out of order or far apart on the other,
/// where the stretch between them holds no other link. A summary takes a
/// sentence here and there from its source, in its own order; a rewrite that
/// draws one paragraph from two distant places links the text between them
/// elsewhere, and stays two passages.
fn condense(mut ps: Vec<Open>, links: &[Link], n_a: usize, n_b: usize) -> Vec<Open> {
    let hull = |x: &Range<usize>, y: &Range<usize>| x.start.min(y.start)..x.end.max(y.end);
    let gap = |x: &Range<usize>, y: &Range<usize>| {
        y.start
            .saturating_sub(x.end)
            .max(x.start.saturating_sub(y.end))
    };
    // The passage (by position in `ps` at the start) that holds each link;
    // merged passages keep the lower number.
    let mut owner = vec![0; links.len()];
    for (k, p) in ps.iter().enumerate() {
        for &i in &p.links {
            owner[i] = k;
        }
    }
    let mut ids: Vec<usize> = (0..ps.len()).collect();
    // The link that covers each sentence, per side.
    let mut cover_a = vec![usize::MAX; n_a];
    let mut cover_b = vec![usize::MAX; n_b];
    for (i, l) in links.iter().enumerate() {
        cover_a[l.a.clone()].iter_mut().for_each(|c| *c = i);
        cover_b[l.b.clone()].iter_mut().for_each(|c| *c = i);
    }
    loop {
        let mut merged = false;
        for near_on_a in [false, true] {
            let sides = |p: &Open| {
                if near_on_a {
                    (p.a.clone(), p.b.clone())
                } else {
                    (p.b.clone(), p.a.clone())
                }
            };
            let far_cover = if near_on_a { &cover_b } else { &cover_a };
            let mut order: Vec<usize> = (0..ps.len()).collect();
            order.sort_by_key(|&k| {
                let (n, f) = sides(&ps[k]);
                (n.start, f.start)
            });
            let mut keep = vec![true; ps.len()];
            let mut cur = order.first().copied();
            for &next in order.iter().skip(1) {
                let Some(k) = cur else { break };
                let ((n0, f0), (n1, f1)) = (sides(&ps[k]), sides(&ps[next]));
                let (near_hull, far_hull) = (hull(&n0, &n1), hull(&f0, &f1));
                let (id0, id1) = (ids[k], ids[next]);
                let condensed = gap(&n0, &n1) <= MAX_CONDENSED_GAP
                    && near_hull.len() <= MAX_CONDENSED_SPAN
                    && far_hull.len() >= MIN_CONDENSATION * near_hull.len()
                    && far_hull.len() <= MAX_CONDENSATION * near_hull.len()
                    && far_cover[far_hull.clone()]
                        .iter()
                        .all(|&i| i == usize::MAX || owner[i] == id0 || owner[i] == id1);
                if condensed {
                    let q = std::mem::replace(
                        &mut ps[next],
                        Open {
                            links: Vec::new(),
                            a: 0..0,
                            b: 0..0,
                            last_a_end: 0,
                        },
                    );
                    for &i in &q.links {
                        owner[i] = id0;
                    }
                    let p = &mut ps[k];
                    p.links.extend(q.links);
                    p.links.sort_unstable();
                    p.a = hull(&p.a, &q.a);
                    p.b = hull(&p.b, &q.b);
                    keep[next] = false;
                    merged = true;
                } else {
                    cur = Some(next);
                }
            }
            let mut k = 0;
            ps.retain(|_| {
                k += 1;
                keep[k - 1]
            });
            let mut k = 0;
            ids.retain(|_| {
                k += 1;
                keep[k - 1]
            });
        }
        if !merged {
            return ps;
        }
    }
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
