//! The one result of comparing two articles, which every output renders.
//!
//! An [`Alignment`] says which passages are linked; a reader needs more: the
//! changed quotations and facts ([`drift`]), the order to read the links and
//! the unlinked passages in, the number each reused passage is shown under,
//! and the figures beside each link. Computed here once, they are the same in
//! the reader, the text and HTML reports and the JSON: a link "kept 36% in
//! order" in one is never "69%" in another, and passage 4 is passage 4
//! everywhere.

use crate::align::{self, Alignment, Link, Passage};
use crate::article::{Article, Sentences};
use crate::drift::{self, Flag};

/// Two articles compared: B (the possible copy) against A (its possible
/// source).
#[derive(Debug, Clone, Default)]
pub struct Comparison {
    /// The links, passages, unlinked runs and shares.
    pub alignment: Alignment,
    /// Changed quotations, numbers and names between linked passages.
    pub flags: Vec<Flag>,
    /// Everything in the order a report reads it: see [`Comparison::order`].
    order: Vec<Item>,
    /// The number each passage is shown under (1, 2, …, in B's order), for
    /// passages of two links or more; a single link is shown as a link.
    passage_numbers: Vec<Option<usize>>,
    /// For each link, the passage it belongs to.
    passage_of: Vec<Option<usize>>,
}

/// One step of a comparison's reading order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Item {
    /// The start of a reused passage of two links or more (an index into
    /// `alignment.passages`), before its first link.
    Passage(usize),
    /// A link (an index into `alignment.links`).
    Link(usize),
    /// A run of B's sentences found nowhere in A (into `alignment.b_unlinked`).
    New(usize),
    /// A run of A's sentences B left out (into `alignment.a_unlinked`).
    Dropped(usize),
    /// Runs of both that both have from a common text (into
    /// `alignment.apart`), where B has it.
    Apart(usize),
}

impl Comparison {
    /// Compare `b` against `a`: align them and read the changes.
    pub fn new(a: &Article, b: &Article) -> Comparison {
        Comparison::of(a, b, align::align(a, b))
    }

    /// Compare `b` against `a` with the aligner's options `opts` (the
    /// reader's `--common`).
    pub fn with(a: &Article, b: &Article, opts: &align::Options) -> Comparison {
        Comparison::of(a, b, align::align_with(a, b, opts))
    }

    /// The comparison made of an alignment of `b` against `a` computed
    /// already (with other options, or by the corpus ranking).
    pub fn of(a: &Article, b: &Article, alignment: Alignment) -> Comparison {
        let flags = drift::flags(a, b, &alignment);
        let mut passage_of = vec![None; alignment.links.len()];
        for (pi, p) in alignment.passages.iter().enumerate() {
            for &li in &p.links {
                if let Some(slot) = passage_of.get_mut(li) {
                    *slot = Some(pi);
                }
            }
        }
        let mut n = 0;
        let passage_numbers = alignment
            .passages
            .iter()
            .map(|p| {
                (p.links.len() > 1).then(|| {
                    n += 1;
                    n
                })
            })
            .collect();
        let order = reading_order(&alignment, &passage_of);
        Comparison {
            alignment,
            flags,
            order,
            passage_numbers,
            passage_of,
        }
    }

    /// The reading order of a report: B's order (links, with the header of
    /// each passage of two links or more before its first link, and B's new
    /// passages), with each passage A dropped placed where A has it: before
    /// the first link in A's order that comes after it. Every link, new and
    /// dropped run, and run set apart, is in it once.
    pub fn order(&self) -> &[Item] {
        &self.order
    }

    /// The links.
    pub fn links(&self) -> &[Link] {
        &self.alignment.links
    }

    /// The reused passages.
    pub fn passages(&self) -> &[Passage] {
        &self.alignment.passages
    }

    /// The number passage `p` is shown under, if it is shown as a passage
    /// (two links or more).
    pub fn passage_number(&self, p: usize) -> Option<usize> {
        self.passage_numbers.get(p).copied().flatten()
    }

    /// How many passages are shown as passages (two links or more).
    pub fn shown_passages(&self) -> usize {
        self.passage_numbers.iter().flatten().count()
    }

    /// The passage link `l` belongs to, when that holds more than it:
    /// its index and the number it is shown under.
    pub fn passage_of(&self, l: usize) -> Option<(usize, usize)> {
        let p = self.passage_of.get(l).copied().flatten()?;
        Some((p, self.passage_number(p)?))
    }

    /// The share of link `l`'s words kept in the same order, as every
    /// output shows it: the smaller of A's side and B's, so that a merge of
    /// two long sentences into one short one is not shown as mostly kept.
    pub fn kept(&self, l: usize) -> f64 {
        let link = &self.alignment.links[l];
        link.kept_a.min(link.kept_b)
    }

    /// The flags of link `l`.
    pub fn flags_of(&self, l: usize) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(move |f| f.link == Some(l))
    }

    /// Flags outside any link.
    pub fn loose_flags(&self) -> impl Iterator<Item = &Flag> {
        self.flags.iter().filter(|f| f.link.is_none())
    }
}

/// See [`Comparison::order`].
fn reading_order(al: &Alignment, passage_of: &[Option<usize>]) -> Vec<Item> {
    // B's order: links by their first sentence in B (then A), new runs by
    // theirs; a link and a run never share a sentence of B.
    let mut b_items: Vec<(usize, usize, Item)> = al
        .links
        .iter()
        .enumerate()
        .map(|(i, l)| (l.b.start, l.a.start, Item::Link(i)))
        .chain(
            al.b_unlinked
                .iter()
                .enumerate()
                .map(|(i, r)| (r.start, 0, Item::New(i))),
        )
        .chain(
            al.apart
                .iter()
                .enumerate()
                .map(|(i, r)| (r.b.start, r.a.start, Item::Apart(i))),
        )
        .collect();
    b_items.sort_by_key(|&(b, a, _)| (b, a));
    let mut dropped = al.a_unlinked.iter().enumerate().peekable();
    let mut headed = vec![false; al.passages.len()];
    let mut out = Vec::with_capacity(b_items.len() + al.a_unlinked.len() + al.passages.len());
    for (_, _, item) in b_items {
        if let Item::Link(li) = item {
            let l = &al.links[li];
            // Only links in the reading order place A's dropped runs: a moved
            // link's A side is elsewhere.
            if !l.moved {
                while let Some((di, _)) = dropped.next_if(|(_, d)| d.start < l.a.start) {
                    out.push(Item::Dropped(di));
                }
            }
            if let Some(pi) = passage_of[li]
                && al.passages[pi].links.len() > 1
                && !std::mem::replace(&mut headed[pi], true)
            {
                out.push(Item::Passage(pi));
            }
        }
        out.push(item);
    }
    out.extend(dropped.map(|(di, _)| Item::Dropped(di)));
    out
}

/// `¶9–¶10`, or `¶13` when a run is in one paragraph.
pub fn paragraph_range((first, last): (usize, usize)) -> String {
    if first == last {
        format!("¶{first}")
    } else {
        format!("¶{first}–¶{last}")
    }
}

/// The body paragraphs a run of sentences spans, as reports number them:
/// `(first, last)`.
pub fn paragraphs(art: &Article, sentences: Sentences) -> (usize, usize) {
    (
        art.paragraph_number(sentences.start),
        art.paragraph_number(sentences.end.saturating_sub(1).max(sentences.start)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::load::bundled;

    /// Every link, new run, dropped run and run set apart is in the reading
    /// order once, and each passage header comes right before its first
    /// link; with Reuters as the common text of every other pair too.
    #[test]
    fn the_reading_order_holds_everything_once() {
        let arts = bundled();
        let reuters = arts
            .iter()
            .position(|a| a.path.contains("reuters"))
            .unwrap();
        let common = align::Options {
            common: vec![arts[reuters].clone()],
            ..align::Options::default()
        };
        let mut apart = 0;
        for (a, b, opts) in (0..arts.len())
            .flat_map(|a| (0..arts.len()).map(move |b| (a, b)))
            .flat_map(|(a, b)| [(a, b, None), (a, b, Some(&common))])
        {
            if a == b {
                continue;
            }
            let c = match opts {
                None => Comparison::new(&arts[a], &arts[b]),
                Some(o) => Comparison::with(&arts[a], &arts[b], o),
            };
            let al = &c.alignment;
            apart += al.apart.len();
            let count = |f: &dyn Fn(&Item) -> bool| c.order().iter().filter(|i| f(i)).count();
            assert_eq!(count(&|i| matches!(i, Item::Apart(_))), al.apart.len());
            assert_eq!(count(&|i| matches!(i, Item::Link(_))), al.links.len());
            assert_eq!(count(&|i| matches!(i, Item::New(_))), al.b_unlinked.len());
            assert_eq!(
                count(&|i| matches!(i, Item::Dropped(_))),
                al.a_unlinked.len()
            );
            assert_eq!(
                count(&|i| matches!(i, Item::Passage(_))),
                c.shown_passages()
            );
            for (k, item) in c.order().iter().enumerate() {
                if let Item::Passage(p) = item {
                    assert_eq!(
                        c.order()[k + 1],
                        Item::Link(al.passages[*p].links[0]),
                        "pair {a}-{b}"
                    );
                }
            }
            // Passages are numbered 1, 2, … with no gap.
            let numbers: Vec<usize> = (0..al.passages.len())
                .filter_map(|p| c.passage_number(p))
                .collect();
            assert_eq!(numbers, (1..=numbers.len()).collect::<Vec<_>>());
        }
        assert!(apart > 0, "Reuters set some text apart");
    }

    #[test]
    fn kept_is_the_smaller_side() {
        let arts = bundled();
        let c = Comparison::new(&arts[2], &arts[1]);
        assert!(!c.links().is_empty());
        for (i, l) in c.links().iter().enumerate() {
            assert_eq!(c.kept(i), l.kept_a.min(l.kept_b));
        }
    }
}
