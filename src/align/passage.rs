//! Reuse passages: runs of links that follow each other in order on both
//! sides, as a reader (and PAN-style gold) counts reused blocks.
//!
//! A rewrite desk that takes a block of a source keeps its order: the
//! sentences of the block are linked one after another on both sides, with
//! here and there a sentence it dropped, added or changed past recognition.
//! Links serve the reader sentence by sentence; passages answer "which blocks
//! were taken".
//!
//! The invariant: passages never overlap, on either side. Each spans exactly
//! its links (first linked sentence to last, on each side), and no other
//! passage's link lies inside that span, so a reader's bracket and a JSON
//! consumer's byte range each belong to one block (`disjoin`). Three
//! exceptions keep the rest: a summary of a whole text spans that whole text
//! (`reach_summarised_texts`), a summary found from its vocabulary spans its
//! block on its own side, framing sentences and all (`summarise_block`), and
//! a passage's bytes may end inside its end sentences, where the reuse does
//! (`end_at_the_reuse`).

use super::link::SummaryBlock;
use super::{Kind, Link, WordOp, words};
use crate::article::{Article, Sentences, TextBytes, Words};
use crate::side::{Side, Sides};

/// Most unlinked sentences a passage may step over on either side between
/// two of its links: a reuser drops, adds or rewrites past recognition a
/// sentence here and there inside a block it takes, while two separate
/// takings from one source are usually further apart.
pub const MAX_PASSAGE_GAP: usize = 3;

/// Text between two copied links that keeps this share of its letters in
/// order on the other side is the same text (see `two_copies_apart`).
const SAME_BETWEEN: f64 = 0.5;
/// …compared only up to this many letters a side (a bound on the cost of
/// the comparison): longer text between two copies that were the same on
/// both sides would have been linked itself, so it is taken as different.
const MAX_BETWEEN_LETTERS: usize = 4096;

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
    /// Its sentences in A, first link to last (gaps included), or all of
    /// A when it summarises A (`summary_of`).
    pub a: Sentences,
    /// Its sentences in B.
    pub b: Sentences,
    /// Its bytes of A's normalized text.
    pub a_span: TextBytes,
    /// Its bytes of B's normalized text.
    pub b_span: TextBytes,
    /// Indices into `Alignment::links`, in B order.
    pub links: Vec<usize>,
    /// The text this passage summarises as a whole, if it does: its span on
    /// that side is then the whole text, not just its links' hull (see
    /// `reach_summarised_texts`).
    pub summary_of: Option<Side>,
}

impl Passage {
    /// ` · summary of all of A` when it summarises a whole text (see
    /// `summary_of`), else nothing: what every output adds to its header.
    pub fn summary_note(&self) -> String {
        self.summary_of
            .map(|s| format!(" · summary of all of {}", s.letter()))
            .unwrap_or_default()
    }
}

/// A passage while it grows.
struct Open {
    links: Vec<usize>,
    a: Sentences,
    b: Sentences,
    /// A end of its last link: the next must start at or after it.
    last_a_end: usize,
}

/// How far `l` is on A from where passage `p` goes on: 0 right after its
/// last link; a link before that (two adjacent sentences swapped by the
/// rewrite, a shuffled passage, a block whose halves changed places) counts
/// its distance from the stretch of A the passage already spans, at least 1.
fn a_gap(p: &Open, l: &Link) -> usize {
    if l.a.start >= p.last_a_end {
        l.a.start - p.last_a_end
    } else {
        p.a.start.saturating_sub(l.a.end).max(1)
    }
}

/// Whether `l` and the last link of `p` are copies with different text
/// between them on both sides: word-for-word reuse does not rewrite a
/// sentence in its middle past recognition on both sides at once, so the
/// text between is not part of it, and they are two takings (two pasted
/// passages from near places, or a copy beside its own surroundings). Text
/// between that is the same on both sides (a line too short or too common
/// to link) belongs to the copy.
fn two_copies_apart(a: &Article, b: &Article, p: &Open, l: &Link, links: &[Link]) -> bool {
    let last = p.links.last().map(|&i| &links[i]);
    if !(last.is_some_and(|x| x.kind == Kind::Copied)
        && l.kind == Kind::Copied
        && l.b.start > p.b.end
        && l.a.start > p.last_a_end)
    {
        return false;
    }
    let between = |art: &Article, from: usize, to: usize| {
        words::letters(art.text_at(art.sentences_bytes(Sentences::new(from, to))))
    };
    let (ga, gb) = (
        between(a, p.last_a_end, l.a.start),
        between(b, p.b.end, l.b.start),
    );
    if ga.len().max(gb.len()) > MAX_BETWEEN_LETTERS {
        return true;
    }
    let common = words::lcs_symbols(&ga, &gb);
    (common as f64) < SAME_BETWEEN * ga.len().max(gb.len()) as f64
}

/// Group `links` (sorted by B) into passages.
///
/// Each link continues the open passage that it follows in order on both
/// sides within `MAX_PASSAGE_GAP` sentences, the closest one on A when there
/// are several (so a stray link inside a block, or two blocks interleaved,
/// do not cut a passage in two); otherwise it opens a passage of its own.
/// Then condensed blocks are merged (`condense`), a passage lying inside
/// another on one side and next to it on the other joins it (`absorb`), and
/// passages that still overlap are cut where they cross (`disjoin`).
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
                    && a_gap(p, l) <= MAX_PASSAGE_GAP
                    && !two_copies_apart(a, b, p, l, links)
            })
            .min_by_key(|(k, p)| (a_gap(p, l), *k))
            .map(|(k, _)| k);
        match best {
            Some(k) => {
                let p = &mut open[k];
                p.links.push(i);
                p.a = p.a.hull(&l.a);
                p.b.end = l.b.end;
                p.last_a_end = p.last_a_end.max(l.a.end);
            }
            None => open.push(Open {
                links: vec![i],
                a: l.a,
                b: l.b,
                last_a_end: l.a.end,
            }),
        }
    }
    done.extend(open);
    let counts = Sides::new(ComparedWords::of(a), ComparedWords::of(b));
    let done = condense(done, links, &counts);
    let done = absorb(done, links, a.sentences.len(), b.sentences.len());
    let done = disjoin(done, links, a.sentences.len(), b.sentences.len());
    let mut out: Vec<Passage> = done.into_iter().map(|p| finish(a, b, links, p)).collect();
    out.sort_by_key(|p| (p.b.start, p.a.start));
    out
}

/// Fewest links of a block that `condense` reads as taken sentence for
/// sentence, and keeps apart from a passage out of order beside it: two
/// sentences in a row are often a summary's, three are a run.
const TAKING_LINKS: usize = 3;

/// Whether `p` is a block taken sentence for sentence: `TAKING_LINKS` links
/// or more, neither side spanning `MIN_CONDENSATION` times the other.
fn taking(p: &Open) -> bool {
    p.links.len() >= TAKING_LINKS
        && p.a.len().max(p.b.len()) < MIN_CONDENSATION * p.a.len().min(p.b.len())
}

/// Most sentences a condensed passage's long side may span for each
/// sentence of its short side: a summary keeps one sentence in three to
/// ten of its source; past this, two links are two takings, not one.
pub const MAX_CONDENSATION: usize = 12;
/// …and at least this many: a block that keeps about as many sentences as
/// it draws from is not condensed, and two such blocks side by side are two
/// takings (two pasted passages that happen to meet).
pub(super) const MIN_CONDENSATION: usize = 2;
/// A condensed passage is written as one run: at most this many unlinked
/// sentences between two of its links on its short side.
pub(super) const MAX_CONDENSED_GAP: usize = 1;
/// …and short: a summary of a source passage is a paragraph or two. Longer
/// runs drawn from far-apart places are a rewrite that reordered its source.
pub const MAX_CONDENSED_SPAN: usize = 8;

/// Merge passages that are one condensed block: next to each other on one
/// side (within `MAX_CONDENSED_GAP`), out of order or far apart on the other,
/// where the stretch between them holds no other link. A summary takes a
/// sentence here and there from its source, in its own order; a rewrite that
/// draws one paragraph from two distant places links the text between them
/// elsewhere, and stays two passages.
///
/// A block taken sentence for sentence (`TAKING_LINKS` links or more,
/// neither side spanning `MIN_CONDENSATION` times the other) is a taking
/// of its own, and a passage beside it that draws on an earlier place of
/// the far side is another, unless the two draw on the whole of that text
/// (`ComparedWords::whole_in`: a summary may open on its source's
/// conclusion and go back to its start). A summary of part of a text
/// that reorders it condenses what it moves; it does not set down a run
/// sentence by sentence and then go back. (In the far side's order, the
/// two may still be one summary that quotes a run before condensing the
/// rest.)
/// Measured with `run-all.sh`: sametopic-guides-reuse's tune half,
/// passages 0.707 -> 0.783 (two passages pasted side by side from far
/// apart in a guide were one passage spanning sixty sentences of it),
/// samestory-wikiref-reuse's 0.935 -> 0.948, no other figure on either
/// half moved. Without the order condition pan13-summary-extra's tune half
/// lost 0.011 (a summary quotes three sentences in a row, then condenses
/// what follows them); without the whole-text one pan13-summary's report
/// half lost 0.022 (a summary opens on its source's conclusion, then goes
/// back to its start): that condition was added after seeing it, so that
/// half no longer tests it.
fn condense(mut ps: Vec<Open>, links: &[Link], counts: &Sides<ComparedWords>) -> Vec<Open> {
    let (n_a, n_b) = (counts.a.0.len() - 1, counts.b.0.len() - 1);
    let hull = |x: &Sentences, y: &Sentences| x.hull(y);
    let gap = |x: &Sentences, y: &Sentences| x.gap(y);
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
        cover_a[l.a.range()].iter_mut().for_each(|c| *c = i);
        cover_b[l.b.range()].iter_mut().for_each(|c| *c = i);
    }
    loop {
        #[cfg(test)]
        tests::count_round(0);
        let mut merged = false;
        for near_on_a in [false, true] {
            let sides = |p: &Open| {
                if near_on_a { (p.a, p.b) } else { (p.b, p.a) }
            };
            let far_cover = if near_on_a { &cover_b } else { &cover_a };
            let far_count = if near_on_a { &counts.b } else { &counts.a };
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
                let in_order = f1.start >= f0.end;
                let condensed = (in_order
                    || !(taking(&ps[k]) || taking(&ps[next]))
                    || far_count.whole_in(far_hull))
                    && gap(&n0, &n1) <= MAX_CONDENSED_GAP
                    && near_hull.len() <= MAX_CONDENSED_SPAN
                    && far_hull.len() >= MIN_CONDENSATION * near_hull.len()
                    && far_hull.len() <= MAX_CONDENSATION * near_hull.len()
                    && far_cover[far_hull.range()]
                        .iter()
                        .all(|&i| i == usize::MAX || owner[i] == id0 || owner[i] == id1);
                if condensed {
                    let q = std::mem::replace(
                        &mut ps[next],
                        Open {
                            links: Vec::new(),
                            a: Sentences::empty_at(0),
                            b: Sentences::empty_at(0),
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

/// Merge a passage into another whose span holds it on one side when it
/// lies within `MAX_PASSAGE_GAP` of it on the other, and nothing but the
/// two lies inside their joint span: a sentence of the block placed out of
/// order (a summary's last line that draws on the middle of its source, two
/// sentences of a block swapped) is part of the block, not a taking of its
/// own. Two blocks that interleave, neither inside the other, stay apart
/// (and `disjoin` cuts them where they cross).
fn absorb(mut ps: Vec<Open>, links: &[Link], n_a: usize, n_b: usize) -> Vec<Open> {
    // Linked sentences before each position, per side: the sentences a
    // span holds that some link covers, in O(1).
    let before = |n: usize, side: fn(&Link) -> &Sentences| {
        let mut covered = vec![0usize; n + 1];
        for l in links {
            for s in *side(l) {
                covered[s + 1] = 1;
            }
        }
        for s in 0..n {
            covered[s + 1] += covered[s];
        }
        covered
    };
    let (before_a, before_b) = (before(n_a, |l| &l.a), before(n_b, |l| &l.b));
    let held = |p: &Open| -> (usize, usize) {
        p.links.iter().fold((0, 0), |(x, y), &i| {
            (x + links[i].a.len(), y + links[i].b.len())
        })
    };
    let mut count: Vec<(usize, usize)> = ps.iter().map(held).collect();
    let hull = |x: &Sentences, y: &Sentences| x.hull(y);
    let gap = |x: &Sentences, y: &Sentences| x.gap(y);
    let inside = |x: &Sentences, y: &Sentences| {
        (x.start >= y.start && x.end <= y.end) || (y.start >= x.start && y.end <= x.end)
    };
    let mut alive = vec![true; ps.len()];
    loop {
        #[cfg(test)]
        tests::count_round(1);
        let mut merged = false;
        for on_a in [true, false] {
            let near = |p: &Open| if on_a { p.a } else { p.b };
            let far = |p: &Open| if on_a { p.b } else { p.a };
            let mut order: Vec<usize> = (0..ps.len()).filter(|&k| alive[k]).collect();
            order.sort_by_key(|&k| (near(&ps[k]).start, k));
            for (x, &k) in order.iter().enumerate() {
                for &j in &order[x + 1..] {
                    if !alive[k] {
                        break;
                    }
                    if near(&ps[j]).start >= near(&ps[k]).end {
                        break;
                    }
                    if !alive[j]
                        || !inside(&near(&ps[k]), &near(&ps[j]))
                        || gap(&far(&ps[k]), &far(&ps[j])) > MAX_PASSAGE_GAP
                    {
                        continue;
                    }
                    let (ha, hb) = (hull(&ps[k].a, &ps[j].a), hull(&ps[k].b, &ps[j].b));
                    let alone = before_a[ha.end] - before_a[ha.start] == count[k].0 + count[j].0
                        && before_b[hb.end] - before_b[hb.start] == count[k].1 + count[j].1;
                    if !alone {
                        continue;
                    }
                    let q = std::mem::take(&mut ps[j].links);
                    alive[j] = false;
                    count[k] = (count[k].0 + count[j].0, count[k].1 + count[j].1);
                    let p = &mut ps[k];
                    p.links.extend(q);
                    p.a = ha;
                    p.b = hb;
                    p.last_a_end = p.a.end;
                    merged = true;
                }
            }
        }
        if !merged {
            break;
        }
    }
    ps.into_iter()
        .zip(alive)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect()
}

/// Split passages until none spans a link of another, on either side.
///
/// A passage is one block taken: between its first sentence and its last, on
/// each side, there is nothing but its own links and sentences it dropped or
/// added. A rewrite that interleaves two blocks of its source (three
/// sentences of one, three of the other, three of the first again) took
/// pieces, not blocks; a passage spanning another's link would claim text the
/// other one explains, and a reader (a bracket in the gutter) or a JSON
/// consumer (a span) could no longer tell which block a sentence belongs to.
///
/// So each passage is cut, walking its links in B order, before any link
/// whose joining would bring a link of another passage inside its span on
/// either side; its own links may lie anywhere inside (a block whose halves
/// changed places stays one), until a cut makes them another passage's, and
/// the walk is repeated until nothing is cut. Afterwards passages are
/// disjoint on both sides: if two spans met, the one starting later would
/// start with a link inside the other's span.
fn disjoin(mut ps: Vec<Open>, links: &[Link], n_a: usize, n_b: usize) -> Vec<Open> {
    const FREE: usize = usize::MAX;
    loop {
        #[cfg(test)]
        tests::count_round(2);
        // The passage holding each sentence, per side (links never share a
        // sentence on one side).
        let mut cover_a = vec![FREE; n_a];
        let mut cover_b = vec![FREE; n_b];
        for (k, p) in ps.iter().enumerate() {
            for &i in &p.links {
                cover_a[links[i].a.range()].fill(k);
                cover_b[links[i].b.range()].fill(k);
            }
        }
        let mut out: Vec<Open> = Vec::with_capacity(ps.len());
        let mut cut = false;
        for (k, p) in ps.iter().enumerate() {
            // `r`: sentence indices, the stretch a span would grow by.
            let clean = |cover: &[usize], r: std::ops::Range<usize>| {
                cover[r].iter().all(|&o| o == FREE || o == k)
            };
            let mut order = p.links.clone();
            order.sort_unstable_by_key(|&i| (links[i].b.start, links[i].a.start));
            let mut cur: Option<Open> = None;
            for i in order {
                let l = &links[i];
                if let Some(c) = &mut cur {
                    // Only what joining `l` adds to the span needs a look:
                    // the rest was checked when it was added.
                    let (a, b) = (c.a.hull(&l.a), c.b.hull(&l.b));
                    if clean(&cover_a, a.start..c.a.start)
                        && clean(&cover_a, c.a.end..a.end)
                        && clean(&cover_b, b.start..c.b.start)
                        && clean(&cover_b, c.b.end..b.end)
                    {
                        c.links.push(i);
                        c.a = a;
                        c.b = b;
                        c.last_a_end = c.last_a_end.max(l.a.end);
                        continue;
                    }
                    out.extend(cur.take());
                    cut = true;
                }
                cur = Some(Open {
                    links: vec![i],
                    a: l.a,
                    b: l.b,
                    last_a_end: l.a.end,
                });
            }
            out.extend(cur);
        }
        if !cut {
            return out;
        }
        ps = out;
    }
}

fn finish(a: &Article, b: &Article, links: &[Link], p: Open) -> Passage {
    // Weighed by the words of both sides, so that swapping A and B keeps
    // every passage's kind.
    let words = |l: &Link| -> usize {
        let n = |art: &Article, r: Sentences| -> usize {
            art.sentences_in(r).iter().map(|s| s.words.len()).sum()
        };
        n(a, l.a) + n(b, l.b)
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
        a_span: a.sentences_bytes(p.a),
        b_span: b.sentences_bytes(p.b),
        a: p.a,
        b: p.b,
        links: p.links,
        summary_of: None,
    }
}

/// Make a summary block (see `link::summary`) one passage that spans all of
/// the text it summarises: the passages lying in the block on its side join
/// it (the block grows to hold them whole), and it spans the other side
/// between the passages left there, so that passages still never overlap.
/// Where one of those crosses what the block's links draw on, the passages
/// are left as they are: the block is two takings, not one summary.
pub fn summarise_block(
    a: &Article,
    b: &Article,
    links: &[Link],
    ps: &mut Vec<Passage>,
    block: &SummaryBlock,
) {
    let holder = block.holder;
    let on = |p: &Passage| match holder {
        Side::A => (p.a, p.b),
        Side::B => (p.b, p.a),
    };
    let crosses = |x: Sentences, y: Sentences| x.start < y.end && y.start < x.end;
    let mut span = block.sentences;
    // Grown until no passage straddles its edge.
    loop {
        let mut grown = span;
        for p in ps.iter() {
            let (h, _) = on(p);
            if crosses(h, grown) {
                grown = Sentences::new(grown.start.min(h.start), grown.end.max(h.end));
            }
        }
        if grown == span {
            break;
        }
        span = grown;
    }
    let (inside, outside): (Vec<Passage>, Vec<Passage>) =
        ps.drain(..).partition(|p| crosses(on(p).0, span));
    let mut members: Vec<usize> = inside
        .iter()
        .flat_map(|p| p.links.iter().copied())
        .collect();
    members.sort_unstable();
    members.dedup();
    let source_of = |l: &Link| match holder {
        Side::A => l.b,
        Side::B => l.a,
    };
    let hull = members
        .iter()
        .map(|&i| source_of(&links[i]))
        .reduce(|x, y| Sentences::new(x.start.min(y.start), x.end.max(y.end)));
    let source = match holder {
        Side::A => b,
        Side::B => a,
    };
    let mut whole = source.all_sentences();
    let mut clear = hull.is_some();
    if let Some(hull) = hull {
        for q in &outside {
            let (_, far) = on(q);
            if crosses(far, hull) {
                clear = false;
            } else if far.end <= hull.start {
                whole.start = whole.start.max(far.end);
            } else {
                whole.end = whole.end.min(far.start);
            }
        }
    }
    if !clear {
        ps.extend(inside);
        ps.extend(outside);
        return;
    }
    let (pa, pb) = match holder {
        Side::A => (span, whole),
        Side::B => (whole, span),
    };
    let open = Open {
        links: members,
        a: pa,
        b: pb,
        last_a_end: pa.end,
    };
    let mut p = finish(a, b, links, open);
    p.summary_of = Some(holder.other());
    ps.extend(outside);
    ps.push(p);
}

/// Least share of a text's words (of its compared sentences) that a
/// condensed passage must span on that text's side to be read as a summary
/// of the whole text, unless it opens or closes the text
/// (`SUMMARY_LEAD_SHARE`). Measured with `run-all.sh` on the tune halves
/// (before `end_at_the_reuse`): 0.5 gains pan13-summary 0.569 -> 0.624 and pan13-summary-extra
/// 0.498 -> 0.541, and moves no other set's reported figure (bbc-summary and
/// cnndm-highlights, scored by links, lose 0.002-0.008 of passages plagdet:
/// their summaries now span whole articles, their gold the linked
/// sentences). 0.4 gains those two 0.016 and 0.007 more but costs synth
/// 0.939 -> 0.921 and pan13-translation-extra 0.888 -> 0.886: synth's
/// summaries condense a passage in the middle of a text, not the text.
const SUMMARY_WHOLE_SHARE: f64 = 0.5;
/// A condensed passage whose long side begins within this share of its
/// text's words from the start, or ends within it from the end, summarises
/// the whole text whatever it spans: a summary opens with its source's lead
/// (or closes on its conclusion), and a condensation of one passage in the
/// middle of a text does neither. Measured on the tune halves (`run-all.sh`,
/// with `SUMMARY_WHOLE_LINKS` 2 and copied passages read too):
/// pan13-summary-extra 0.536 -> 0.586, pan13-summary 0.623 -> 0.686, synth
/// unchanged at 0.942; the cost is pan13-random 0.831 -> 0.829 and
/// cnndm-highlights passages 0.408 -> 0.336 (scored by links, which do not
/// move: its gold marks the article sentences a highlight restates, not
/// the article). 0.02 gives the same but for pan13-summary-extra 0.579.
const SUMMARY_LEAD_SHARE: f64 = 0.05;
/// Fewest links such a passage holds: one sentence is a quotation, two in
/// order with more between them on the long side than the short side
/// holds are a condensation (three gain pan13-summary-extra's tune half
/// 0.004 less).
const SUMMARY_WHOLE_LINKS: usize = 2;

/// Stretch the long side of each passage that summarises a whole text to
/// that text's ends, taking in the passages that continue its block.
///
/// A summary condenses its source: it keeps a sentence here and there, in
/// the source's order, and rewords it or quotes it. What it summarises is
/// not the run from the first sentence it kept to the last but the text it
/// draws on throughout; when the sentences it kept span half a text or more,
/// or start at its lead or end at its close, those before the first and
/// after the last (the lead it compressed, the closing paragraphs) are as
/// much summarised as those in between. So a passage of
/// `SUMMARY_WHOLE_LINKS` links or more, condensed (its long side holds
/// `MIN_CONDENSATION` times its short side's words or more), whose long
/// side spans `SUMMARY_WHOLE_SHARE` of that text's words or reaches within
/// `SUMMARY_LEAD_SHARE` of either end, spans the whole text on that side,
/// and says so (`summary_of`). Condensation is read in words, not
/// sentences: an OCR copy splits its sentences where the scan broke them,
/// and with sentences a copied block read as condensed (pan13src-ocr's tune
/// half lost precision, 1.000 -> 0.995, until copied passages were left
/// out; in words it keeps 1.000 with them in). An end is not stretched past
/// another passage's span, so passages still never overlap.
pub fn reach_summarised_texts(a: &Article, b: &Article, links: &[Link], ps: &mut Vec<Passage>) {
    // Counted once for the pair, not per passage or per trial merge: a
    // text of many passages stays linear.
    let counts = Sides::new(ComparedWords::of(a), ComparedWords::of(b));
    stretch_summaries(a, b, &counts, ps);
    // A passage that continues a summary's block on the summary's short side
    // (at most `MAX_CONDENSED_GAP` sentences between them), itself one
    // sentence or a condensation, is more of that summary when, taken in,
    // the whole still reads as a summary of the text: a summary is written
    // as one run, and what it draws on lies in the text it already spans. A
    // block copied or reworded sentence for sentence beside it is a taking
    // of its own, and stays one. (Two sentences of a summary that take from
    // far apart in its source, further than `MAX_CONDENSATION` allows, open
    // two passages; the first is stretched up to the second.)
    'merging: loop {
        for k in 0..ps.len() {
            let Some(side) = ps[k].summary_of else {
                continue;
            };
            let near = |p: &Passage| match side {
                Side::A => p.b,
                Side::B => p.a,
            };
            for j in 0..ps.len() {
                if j == k
                    || ps[j].summary_of.is_some()
                    || near(&ps[k]).gap(&near(&ps[j])) > MAX_CONDENSED_GAP
                    || !(ps[j].links.len() == 1 || condensed(&counts, &ps[j], side))
                {
                    continue;
                }
                let mut merged: Vec<usize> =
                    ps[k].links.iter().chain(&ps[j].links).copied().collect();
                merged.sort_unstable();
                let hull = |of: fn(&Link) -> Sentences| {
                    merged
                        .iter()
                        .map(|&i| of(&links[i]))
                        .reduce(|x, y| x.hull(&y))
                        .unwrap_or_else(|| of(&links[merged[0]]))
                };
                let (span_a, span_b) = (hull(|l| l.a), hull(|l| l.b));
                // Passages never overlap: one lying between the two on either
                // side keeps them apart.
                let crosses = |q: &Passage| q.a.overlaps(&span_a) || q.b.overlaps(&span_b);
                if ps
                    .iter()
                    .enumerate()
                    .any(|(i, q)| i != k && i != j && crosses(q))
                {
                    continue;
                }
                let open = Open {
                    links: merged,
                    a: span_a,
                    b: span_b,
                    last_a_end: span_a.end,
                };
                let mut trial: Vec<Passage> = ps
                    .iter()
                    .enumerate()
                    .filter(|&(i, _)| i != k && i != j)
                    .map(|(_, p)| p.clone())
                    .collect();
                trial.push(finish(a, b, links, open));
                stretch_summaries(a, b, &counts, &mut trial);
                if trial.last().is_some_and(|p| p.summary_of == Some(side)) {
                    *ps = trial;
                    continue 'merging;
                }
            }
        }
        return;
    }
}

/// The words of a text's compared sentences before each sentence, so that
/// any run of sentences is counted in O(1).
struct ComparedWords(Vec<usize>);

impl ComparedWords {
    fn of(art: &Article) -> ComparedWords {
        let mut before = Vec::with_capacity(art.sentences.len() + 1);
        before.push(0);
        for s in &art.sentences {
            let n = if s.role.compared() { s.words.len() } else { 0 };
            before.push(before[before.len() - 1] + n);
        }
        ComparedWords(before)
    }

    /// The compared words of sentences `r`.
    fn of_run(&self, r: Sentences) -> usize {
        self.0[r.end] - self.0[r.start]
    }

    /// The compared words of the whole text.
    fn total(&self) -> usize {
        self.0[self.0.len() - 1]
    }

    /// Whether what draws on sentences `r` of the text draws on all of it:
    /// `r` holds `SUMMARY_WHOLE_SHARE` of its words, or begins within
    /// `SUMMARY_LEAD_SHARE` of its start, or ends within it of its end.
    fn whole_in(&self, r: Sentences) -> bool {
        let total = self.total().max(1) as f64;
        let lead = SUMMARY_LEAD_SHARE * total;
        let n = self.0.len() - 1;
        self.of_run(r) as f64 >= SUMMARY_WHOLE_SHARE * total
            || self.of_run(Sentences::new(0, r.start)) as f64 <= lead
            || self.of_run(Sentences::new(r.end, n)) as f64 <= lead
    }
}

/// Whether `p` condenses its `far` side: that side holds `MIN_CONDENSATION`
/// times the words of the other or more.
fn condensed(counts: &Sides<ComparedWords>, p: &Passage, far: Side) -> bool {
    let (wa, wb) = (counts.a.of_run(p.a), counts.b.of_run(p.b));
    match far {
        Side::A => wa >= MIN_CONDENSATION * wb,
        Side::B => wb >= MIN_CONDENSATION * wa,
    }
}

/// Stretch each summary of a whole text to that text's ends (see
/// `reach_summarised_texts`).
fn stretch_summaries(a: &Article, b: &Article, counts: &Sides<ComparedWords>, ps: &mut [Passage]) {
    for k in 0..ps.len() {
        for side in Side::BOTH {
            let (art, far, count) = match side {
                Side::A => (a, ps[k].a, &counts.a),
                Side::B => (b, ps[k].b, &counts.b),
            };
            let p = &ps[k];
            if p.links.len() < SUMMARY_WHOLE_LINKS || !condensed(counts, p, side) {
                continue;
            }
            if !count.whole_in(far) {
                continue;
            }
            // Other passages on this side bound the stretch.
            let others = ps
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != k)
                .map(|(_, q)| match side {
                    Side::A => q.a,
                    Side::B => q.b,
                });
            let (mut start, mut end) = (0, art.sentences.len());
            for q in others {
                if q.end <= far.start {
                    start = start.max(q.end);
                } else if q.start >= far.end {
                    end = end.min(q.start);
                }
            }
            let whole = Sentences::new(start.min(far.start), end.max(far.end));
            let p = &mut ps[k];
            match side {
                Side::A => {
                    p.a = whole;
                    p.a_span = a.sentences_bytes(whole);
                }
                Side::B => {
                    p.b = whole;
                    p.b_span = b.sentences_bytes(whole);
                }
            }
            p.summary_of = Some(side);
        }
    }
}

/// Fewest words of a passage's end sentence, changed on their side and
/// lying before its first kept word (or after its last), that are cut off
/// the passage's byte span (see `end_at_the_reuse`)…
const GLUED_WORDS: usize = 5;
/// …up to the first phrase of this many words kept…
const GLUED_PHRASE: usize = 3;
/// …at least this share of them changed…
const GLUED_CHANGED: f64 = 0.9;
/// …when at least this share of the sentence's other words are kept…
const GLUED_REST_KEPT: f64 = 0.8;
/// …and less than this share of the cut words' content words are in the
/// other text's sentences beside the link (`GLUED_NEIGHBOURS` of them).
const GLUED_ELSEWHERE: f64 = 0.3;
/// See `GLUED_ELSEWHERE`.
const GLUED_NEIGHBOURS: usize = 2;

/// End each passage's byte span where its reuse ends inside its first and
/// last sentences.
///
/// A passage spans whole sentences, and a sentence can hold more than the
/// reuse: a block set into a page whose full stop was lost (a scan, a
/// careless paste) is glued to the page's sentence before or after it, and
/// its first or last link then carries that sentence too, every word of it
/// changed. When a run of `GLUED_WORDS` or more words at the start (or the
/// end) of the passage's first (or last) sentence on one side, up to its
/// first kept phrase (`GLUED_PHRASE`), is nearly all changed
/// (`GLUED_CHANGED`), the rest of that sentence is kept (`GLUED_REST_KEPT`),
/// and the run's words are not in the other text beside the link (so it is
/// not the other text's neighbouring sentence, reworded and left unlinked),
/// the passage's byte span on that side starts (or ends) at the kept words.
/// Its sentences stay whole: the reader and the reports show sentences,
/// while a JSON consumer cutting the reused text out of the file gets the
/// reuse. A condensed passage (a summary, whole or not) is left as it is.
///
/// Measured on `run-all.sh`'s tune halves: pan13src-ocr-sametopic passages
/// precision 0.958 -> 0.984 (plagdet 0.966 -> 0.980), pan13-translation-extra
/// 0.888 -> 0.891, synth 0.939 -> 0.942, pan13-summary-extra 0.541 -> 0.536.
/// With 0.8 of the run changed and 0.7 of the rest kept, and no exception
/// for condensed passages, pan13-random lost 0.004 and pan13-summary-extra
/// 0.008; without the exception the synthetic summaries of `tests/gold.rs`
/// fell below their floor.
pub fn end_at_the_reuse(a: &Article, b: &Article, links: &[Link], ps: &mut [Passage]) {
    for p in ps.iter_mut() {
        // A condensed passage (a summary) rewrites its sentences, and the
        // words a summary's sentence opens with are its own, not glue.
        let condensed =
            p.a.len() >= MIN_CONDENSATION * p.b.len() || p.b.len() >= MIN_CONDENSATION * p.a.len();
        if condensed || p.links.is_empty() {
            continue;
        }
        for side in Side::BOTH {
            let (art, other, sentences) = match side {
                Side::A => (a, b, p.a),
                Side::B => (b, a, p.b),
            };
            let on = |l: &Link| match side {
                Side::A => (l.a, l.b),
                Side::B => (l.b, l.a),
            };
            let first = p
                .links
                .iter()
                .map(|&i| &links[i])
                .min_by_key(|l| on(l).0.start);
            let last = p
                .links
                .iter()
                .map(|&i| &links[i])
                .max_by_key(|l| on(l).0.end);
            let (Some(first), Some(last)) = (first, last) else {
                continue;
            };
            let mut span = match side {
                Side::A => p.a_span,
                Side::B => p.b_span,
            };
            if on(first).0.start == sentences.start
                && let Some(at) = glued(art, other, first, side, true)
            {
                span = TextBytes::new(at.max(span.start), span.end);
            }
            if on(last).0.end == sentences.end
                && let Some(at) = glued(art, other, last, side, false)
            {
                span = TextBytes::new(span.start, at.min(span.end).max(span.start));
            }
            match side {
                Side::A => p.a_span = span,
                Side::B => p.b_span = span,
            }
        }
    }
}

/// Where the reuse starts (`lead`) or ends in link `l`'s text on `side` of
/// `art`, when words glued on at that end are to be cut off (see
/// `end_at_the_reuse`); `other` is the other text.
fn glued(art: &Article, other: &Article, l: &Link, side: Side, lead: bool) -> Option<usize> {
    let (mine, theirs) = match side {
        Side::A => (l.a, l.b),
        Side::B => (l.b, l.a),
    };
    let words = art.sentences_in(mine);
    let (w0, w1) = (words.first()?.words.start, words.last()?.words.end);
    // Which of the link's words on this side are kept (equal or moved).
    let mut kept = vec![false; w1.saturating_sub(w0)];
    for op in &l.ops {
        let r = match (op, side) {
            (WordOp::Equal { a, .. } | WordOp::Moved { a, .. }, Side::A) => *a,
            (WordOp::Equal { b, .. } | WordOp::Moved { b, .. }, Side::B) => *b,
            _ => continue,
        };
        for w in r.range() {
            if let Some(k) = w.checked_sub(w0).and_then(|k| kept.get_mut(k)) {
                *k = true;
            }
        }
    }
    // The glued words run up to the first phrase kept (`GLUED_PHRASE`
    // words in a row; a word diff keeps a stray `the` in them) from this
    // end, and are nearly all changed.
    if !lead {
        kept.reverse();
    }
    let n = kept.len();
    let mut run = kept
        .windows(GLUED_PHRASE)
        .position(|w| w.iter().all(|k| *k))?;
    // The word diff may have matched the reuse's first word (`The`) to the
    // glued sentence's: it goes with the reuse when the other side's link
    // starts (or ends) with it.
    let theirs_words = other.sentences_in(theirs);
    let their_end = if lead {
        theirs_words.first().map(|s| s.words.start)
    } else {
        theirs_words.last().and_then(|s| s.words.end.checked_sub(1))
    }
    .filter(|&t| t < other.words.len());
    let at = |k: usize| if lead { w0 + k } else { w1 - 1 - k };
    if let Some(t) = their_end.filter(|_| run > 0)
        && art.word_text(at(run - 1)).to_lowercase() == other.word_text(t).to_lowercase()
    {
        run -= 1;
    }
    let kept_in = |r: &[bool]| r.iter().filter(|k| **k).count();
    if run < GLUED_WORDS
        || (kept_in(&kept[..run]) as f64) > (1.0 - GLUED_CHANGED) * run as f64
        || (kept_in(&kept[run..]) as f64) < GLUED_REST_KEPT * (n - run) as f64
    {
        return None;
    }
    // The cut words' content words (four letters or more, any case).
    let content = |t: &str| {
        t.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect::<std::collections::HashSet<String>>()
    };
    let cut = if lead { w0..w0 + run } else { w1 - run..w1 };
    let cut_words = content(art.text_at(art.words_bytes(Words::new(cut.start, cut.end))));
    if cut_words.is_empty() {
        return None;
    }
    let beside = if lead {
        Sentences::new(theirs.start.saturating_sub(GLUED_NEIGHBOURS), theirs.start)
    } else {
        Sentences::new(
            theirs.end,
            (theirs.end + GLUED_NEIGHBOURS).min(other.sentences.len()),
        )
    };
    let near: std::collections::HashSet<String> = other
        .sentences_in(beside)
        .iter()
        .flat_map(|s| content(other.text_at(s.span)))
        .collect();
    let shared = cut_words.iter().filter(|w| near.contains(*w)).count();
    if shared as f64 >= GLUED_ELSEWHERE * cut_words.len() as f64 {
        return None;
    }
    Some(if lead {
        art.words[cut.end].span().start
    } else {
        art.words[cut.start - 1].span().end
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    thread_local! {
        /// Passes made by `condense`, `absorb` and `disjoin` on this thread.
        static ROUNDS: Cell<[usize; 3]> = const { Cell::new([0; 3]) };
    }

    pub(super) fn count_round(which: usize) {
        ROUNDS.with(|r| {
            let mut v = r.get();
            v[which] += 1;
            r.set(v);
        });
    }

    /// Links in interleavings built to make passages merge and cut again:
    /// shuffled, two or three blocks dealt like cards, the two ends taken in
    /// turn, blocks reversed, near-sorted with local swaps; one link in three
    /// left out (a gap). Each pass of the three fixed-point loops costs time
    /// linear in the text; their number must not grow with it.
    #[test]
    fn passes_stay_few_however_the_links_interleave() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let mut most = |n: usize| -> [usize; 3] {
            let (a, b) = (article("a", n), article("b", n));
            let mut worst = [0; 3];
            for pattern in 0..6 {
                for _ in 0..8 {
                    let mut p: Vec<usize> = (0..n).collect();
                    match pattern {
                        0 => (1..n).rev().for_each(|i| p.swap(i, rnd(i + 1))),
                        1 => {
                            p = (0..n)
                                .map(|i| {
                                    if i % 2 == 0 {
                                        i / 2
                                    } else {
                                        n.div_ceil(2) + i / 2
                                    }
                                })
                                .collect()
                        }
                        2 => (0..n).for_each(|i| p.swap(i, (i + rnd(4)).min(n - 1))),
                        3 => p.sort_by_key(|&i| (i % 3, i)),
                        4 => {
                            p = (0..n)
                                .map(|i| if i % 2 == 0 { i / 2 } else { n - 1 - i / 2 })
                                .collect()
                        }
                        _ => {
                            let k = 2 + rnd(8);
                            p.chunks_mut(k).for_each(<[usize]>::reverse);
                        }
                    }
                    let pairs: Vec<(usize, usize)> = p
                        .iter()
                        .enumerate()
                        .filter(|_| rnd(3) > 0)
                        .map(|(i, &x)| (x, i))
                        .collect();
                    let l = links(&a, &b, &pairs);
                    ROUNDS.with(|r| r.set([0; 3]));
                    let ps = passages(&a, &b, &l);
                    let r = ROUNDS.with(Cell::get);
                    for k in 0..3 {
                        worst[k] = worst[k].max(r[k]);
                    }
                    // And the result keeps its invariant: disjoint spans.
                    for (x, y) in ps.iter().zip(ps.iter().skip(1)) {
                        assert!(x.b.end <= y.b.start, "pattern {pattern}");
                    }
                }
            }
            worst
        };
        let (small, large) = (most(100), most(1600));
        // Each loop makes at least its one pass: the counters are wired.
        assert!(small.iter().all(|&r| r >= 1), "{small:?}");
        for k in 0..3 {
            assert!(
                large[k] <= small[k] + 2 && large[k] <= 12,
                "{small:?} → {large:?}"
            );
        }
    }

    #[test]
    fn two_copies_with_different_text_between_are_two_passages() {
        let a = "One copied line is here. Two is the A line between. Three copied line is here.";
        // Passages of links 0-0 and 2-2 between `a` and `b`, of kind `kind`.
        let count = |a: &str, b: &str, kind: Kind| {
            let (a, b) = (
                Article::parse("a", a.as_bytes().to_vec()),
                Article::parse("b", b.as_bytes().to_vec()),
            );
            let mut l = links(&a, &b, &[(0, 0), (2, 2)]);
            l.iter_mut().for_each(|x| x.kind = kind);
            passages(&a, &b, &l).len()
        };
        // Two pasted passages from near places of A, each copied, with the
        // new text's own sentence between them in B and another of A's
        // between them in A: two takings, not one block with a gap.
        let own =
            "One copied line is here. Zebras graze on the plain today. Three copied line is here.";
        assert_eq!(count(a, own, Kind::Copied), 2);
        // The same gap between reworded links is a reuser's rewriting.
        assert_eq!(count(a, own, Kind::Reworded), 1);
        // And the same text between two copies (a line too short or too
        // common to link) belongs to the copy…
        assert_eq!(count(a, a, Kind::Copied), 1);
        // …unless it is too long to compare: the same text that long would
        // have been linked itself.
        let long = format!(
            "One copied line is here. {}. Three copied line is here.",
            "words ".repeat(MAX_BETWEEN_LETTERS / 5 + 1).trim_end()
        );
        assert_eq!(count(&long, &long, Kind::Copied), 2);
    }

    /// An article of `n` distinct one-sentence lines.
    fn article(name: &str, n: usize) -> Article {
        let text: Vec<String> = (0..n)
            .map(|i| format!("Sentence number {i} here."))
            .collect();
        Article::parse(name, text.join("\n").into_bytes())
    }

    /// 1:1 links between the sentences of `pairs` (A, B), sorted by B.
    fn links(a: &Article, b: &Article, pairs: &[(usize, usize)]) -> Vec<Link> {
        let mut v: Vec<Link> = pairs
            .iter()
            .map(|&(x, y)| Link {
                kind: Kind::Reworded,
                score: 0.5,
                moved: false,
                a: Sentences::new(x, x + 1),
                b: Sentences::new(y, y + 1),
                a_span: a.sentences[x].span,
                b_span: b.sentences[y].span,
                ops: Vec::new(),
                kept_a: 0.5,
                kept_b: 0.5,
            })
            .collect();
        v.sort_by_key(|l| (l.b.start, l.a.start));
        v
    }

    fn groups(ps: &[Passage], ls: &[Link]) -> Vec<Vec<(usize, usize)>> {
        ps.iter()
            .map(|p| {
                p.links
                    .iter()
                    .map(|&i| (ls[i].a.start, ls[i].b.start))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn two_interleaved_blocks_are_cut_where_they_cross() {
        let (a, b) = (article("a", 30), article("b", 30));
        // B takes A 1–3, then A 20–22, then A 4–6, then A 23–25.
        let ls = links(
            &a,
            &b,
            &[
                (1, 1),
                (2, 2),
                (3, 3),
                (20, 4),
                (21, 5),
                (22, 6),
                (4, 7),
                (5, 8),
                (6, 9),
                (23, 10),
                (24, 11),
                (25, 12),
            ],
        );
        let ps = passages(&a, &b, &ls);
        assert_eq!(ps.len(), 4, "{:?}", groups(&ps, &ls));
        for (x, y) in ps.iter().zip(ps.iter().skip(1)) {
            assert!(x.b.end <= y.b.start);
        }
    }

    #[test]
    fn a_run_taken_sentence_for_sentence_is_no_summary_of_part_of_a_text_before_it() {
        let (a, b) = (article("a", 100), article("b", 20));
        // B 3–5 take A 80–82 sentence for sentence; B 6–7 draw on A 40 and
        // 43, earlier in A: two pasted passages that met in B, not one
        // summary of A 40–82.
        let ls = links(&a, &b, &[(80, 3), (81, 4), (82, 5), (40, 6), (43, 7)]);
        let ps = passages(&a, &b, &ls);
        assert_eq!(
            groups(&ps, &ls),
            vec![vec![(80, 3), (81, 4), (82, 5)], vec![(40, 6), (43, 7)]]
        );
        // In A's order, the run and what follows it may be one summary that
        // quotes before it condenses.
        let ls = links(&a, &b, &[(10, 3), (11, 4), (12, 5), (40, 6), (52, 7)]);
        assert_eq!(groups(&passages(&a, &b, &ls), &ls).len(), 1);
        // Two sentences in a row are a summary's as often as a run.
        let ls = links(&a, &b, &[(80, 3), (81, 4), (40, 6), (43, 7)]);
        assert_eq!(groups(&passages(&a, &b, &ls), &ls).len(), 1);
        // And a summary of a whole text may open on its conclusion and go
        // back to its lead.
        let ls = links(&a, &b, &[(50, 3), (51, 4), (52, 5), (1, 6), (3, 7)]);
        assert_eq!(groups(&passages(&a, &b, &ls), &ls).len(), 1);
    }

    #[test]
    fn a_sentence_of_a_block_placed_out_of_order_stays_in_it() {
        let (a, b) = (article("a", 30), article("b", 30));
        // A 12–15 summarise B 3–11 in order, then A 19 (after a short gap)
        // draws on B 8, inside the stretch already taken: walked in B's
        // order, A 19 opens a passage of its own inside the first one's.
        let ls = links(&a, &b, &[(12, 3), (13, 6), (19, 8), (14, 10), (15, 11)]);
        let ps = passages(&a, &b, &ls);
        assert_eq!(groups(&ps, &ls).len(), 1, "{:?}", groups(&ps, &ls));
        assert_eq!(
            (ps[0].a, ps[0].b),
            (Sentences::new(12, 20), Sentences::new(3, 12))
        );
    }

    #[test]
    fn a_summary_drawing_on_most_of_a_text_or_on_its_lead_spans_all_of_it() {
        let (a, b) = (article("a.txt", 20), article("b.txt", 8));
        let summarised = |pairs: &[(usize, usize)], kind: Kind| {
            let mut ls = links(&a, &b, pairs);
            ls.iter_mut().for_each(|l| l.kind = kind);
            let mut ps = passages(&a, &b, &ls);
            reach_summarised_texts(&a, &b, &ls, &mut ps);
            ps.iter()
                .map(|p| (p.a, p.b, p.summary_of))
                .collect::<Vec<_>>()
        };
        let whole_a = Sentences::new(0, a.sentences.len());
        // Three sentences of B condense A's sentences 2 to 15: the whole of
        // A is summarised, and B's side keeps its links' hull.
        assert_eq!(
            summarised(&[(2, 1), (8, 2), (15, 3)], Kind::Reworded),
            vec![(whole_a, Sentences::new(1, 4), Some(Side::A))]
        );
        // Quoted rather than reworded, it is still a condensation of A.
        assert_eq!(
            summarised(&[(2, 1), (8, 2), (15, 3)], Kind::Copied),
            vec![(whole_a, Sentences::new(1, 4), Some(Side::A))]
        );
        // Drawn from a third of A in its middle, it summarises that third,
        // not A.
        assert_eq!(
            summarised(&[(4, 1), (7, 2), (10, 3)], Kind::Reworded),
            vec![(Sentences::new(4, 11), Sentences::new(1, 4), None)]
        );
        // Drawn from A's lead, or from its close, it summarises A.
        for pairs in [[(1, 1), (4, 2)], [(15, 1), (19, 2)]] {
            assert_eq!(
                summarised(&pairs, Kind::Reworded),
                vec![(whole_a, Sentences::new(1, 3), Some(Side::A))],
                "{pairs:?}"
            );
        }
        // Sentence for sentence, it is not condensed; one link is a quotation.
        for pairs in [&[(1, 1), (2, 2), (3, 3)][..], &[(15, 1)][..]] {
            assert!(
                summarised(pairs, Kind::Reworded)
                    .iter()
                    .all(|(_, _, s)| s.is_none()),
                "{pairs:?}"
            );
        }
        // A summary's last sentence that draws on A's far end, too far from
        // the rest to be condensed with them, continues its block in B:
        // one passage, a summary of all of A.
        let long_a = article("long.txt", 60);
        let mut ls = links(&long_a, &b, &[(1, 1), (4, 2), (55, 3)]);
        let mut ps = passages(&long_a, &b, &ls);
        assert_eq!(ps.len(), 2, "two passages before the summary takes them in");
        reach_summarised_texts(&long_a, &b, &ls, &mut ps);
        assert_eq!(
            ps.iter()
                .map(|p| (p.a, p.b, p.summary_of, p.links.clone()))
                .collect::<Vec<_>>(),
            vec![(
                Sentences::new(0, long_a.sentences.len()),
                Sentences::new(1, 4),
                Some(Side::A),
                vec![0, 1, 2]
            )]
        );
        // A block of B copied sentence for sentence beside a summary is a
        // taking of its own: it stays a passage apart.
        let long_b = article("long-b.txt", 20);
        let pairs: Vec<(usize, usize)> = [(1, 1), (4, 2)]
            .into_iter()
            .chain((0..8).map(|i| (40 + i, 3 + i)))
            .collect();
        ls = links(&long_a, &long_b, &pairs);
        let mut ps = passages(&long_a, &long_b, &ls);
        reach_summarised_texts(&long_a, &long_b, &ls, &mut ps);
        assert_eq!(
            ps.iter().map(|p| (p.a, p.summary_of)).collect::<Vec<_>>(),
            vec![
                (Sentences::new(0, 40), Some(Side::A)),
                (Sentences::new(40, 48), None)
            ]
        );
        // Another passage before it in A bounds the stretch: passages never
        // overlap.
        let ps = summarised(&[(2, 1), (8, 2), (15, 3), (0, 6)], Kind::Reworded);
        assert_eq!(
            ps,
            vec![
                (Sentences::new(1, 20), Sentences::new(1, 4), Some(Side::A)),
                (Sentences::new(0, 1), Sentences::new(6, 7), None)
            ]
        );
    }
}
