//! Many articles: which pairs share text, how much each way, and who took
//! from whom.
//!
//! Ranking runs in four steps:
//!
//! 1. **Families** ([`families`]): reprints of one text (a byline, a
//!    dateline, a few words or a paragraph apart) are grouped before
//!    anything is aligned, each family standing as one *unit*, its
//!    representative;
//! 2. **Candidates** ([`candidates`]): pairs of units where some passage of
//!    one may come from the other, found sentence by sentence through an
//!    inverted index of rare stems (every pair when there are few units);
//! 3. **Alignment**: each candidate pair aligned once, on rayon's pool. The
//!    alignment is symmetric, so one gives both directions: the share of
//!    each article found in the other. A family's pairs with other articles
//!    are aligned once, through its representative, and stand for its
//!    members ([`expand`] lists them); pairs inside a family are not
//!    aligned at all ([`align_pair`] aligns any pair on demand);
//! 4. **Orientation** ([`provenance::orient`], the one rule): which of the
//!    two is the likely source, on evidence only — dates, attribution,
//!    one-sided containment — else unknown ([`Direction`]).
//!
//! The pairs that share text ([`Pair::shares_text`]) are the ranking: one
//! definition for `rank`, the reader's pair walk and its counts.
//! [`provenance`] turns the oriented pairs into each article's likely
//! sources, [`spread`] one article's paragraphs into who took each.
//! Nothing here prints: `export` writes rankings, the binary shows progress.

pub mod candidates;
pub mod families;
pub mod fingerprint;
pub mod provenance;
pub mod spread;

use std::cell::RefCell;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::align::tokens::Tokenizer;
use crate::align::{self, Alignment, Kind};
use crate::article::{Article, Sentences};

pub use candidates::{Candidate, Found};
pub use families::{Families, Family, Likeness, Member};
pub use provenance::{Direction, Overlap, Party, Source, Undecided, orient, sources};
pub use spread::{Uptake, spread};

use provenance::{MIN_LINKS, MIN_SHARE, ONE_LINK_SHARE};

/// Up to this many units (articles, a family counting once) every pair is
/// aligned: it costs little, and no candidate filter can then miss a pair.
pub const ALL_PAIRS_UP_TO: usize = 40;
/// Default largest number of pairs aligned (most evidence first). Reached
/// only by corpora whose articles nearly all share text: at about half a
/// millisecond a pair, it bounds a run to minutes.
pub const DEFAULT_MAX_PAIRS: usize = 200_000;

/// One pair that shares text, oriented source → copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the likely source (the first of the two when unknown).
    pub a: usize,
    /// Index of the likely copy.
    pub b: usize,
    /// Share of B's body found in A (copied or reworded links).
    pub b_in_a: f64,
    /// Share of A's body found in B.
    pub a_in_b: f64,
    /// Share of B's body in copied links…
    pub copied: f64,
    /// …and in reworded links (`copied + reworded = b_in_a`).
    pub reworded: f64,
    /// Number of links.
    pub links: usize,
    /// How `a` was found to be the source, or what was seen instead.
    pub direction: Direction,
}

impl Pair {
    /// What the ranking sorts by: the larger of the two shares, so a passage
    /// lifted into a long article ranks by the share it is of the shorter.
    pub fn score(&self) -> f64 {
        self.b_in_a.max(self.a_in_b)
    }

    /// Whether the two share text: at least [`MIN_SHARE`] of one is in the
    /// other, in two links or more, or in one from [`ONE_LINK_SHARE`]; or one
    /// names the other's outlet and they share a link (it says where it took
    /// the passage from). A single short link between two reports of one
    /// story is as often the same fact reported twice as a borrowing.
    ///
    /// The one definition of the pairs that share text: the ranking holds
    /// those and no others, and `rank`, the reader's pair walk and its
    /// counts all show the ranking.
    pub fn shares_text(&self) -> bool {
        (self.score() >= MIN_SHARE && (self.links >= MIN_LINKS || self.score() >= ONE_LINK_SHARE))
            || (self.direction == Direction::Attribution && self.links > 0)
    }

    /// The likely source, `a`, when the pair shares text and evidence gives
    /// it a direction; `None` when the two are related but nothing tells
    /// which came first. The rule `rank`, its tree of likely sources and
    /// the reader all use.
    pub fn source(&self) -> Option<usize> {
        (self.shares_text() && self.direction.known()).then_some(self.a)
    }
}

/// A ranking and what it cost: how many pairs there were, how many were
/// candidates, how many were aligned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    /// Pairs of units that share text ([`Pair::shares_text`]), highest
    /// score first. A pair whose side is a family's representative stands
    /// for every member of the family ([`Ranking::families`], [`expand`]).
    pub pairs: Vec<Pair>,
    /// Reprint families: pairs inside a family are not aligned, and a
    /// family's representative is aligned for it.
    pub families: Families,
    /// Articles ranked.
    pub articles: usize,
    /// Pairs of articles in all: `n (n - 1) / 2`.
    pub all_pairs: usize,
    /// Pairs the candidate step proposed (every pair of units for small
    /// corpora).
    pub candidates: usize,
    /// Pairs aligned (fewer than the candidates only when the limit was hit).
    pub aligned: usize,
    /// Whether every pair of units was a candidate (a small corpus).
    pub exhaustive: bool,
}

impl Ranking {
    /// The pairs of articles the ranking stands for: each pair's sides'
    /// family sizes multiplied (a member's own pair counted once), and every
    /// pair inside a family. The length of [`expand`].
    pub fn article_pairs(&self) -> usize {
        let f = &self.families;
        let ranked: rustc_hash::FxHashSet<(usize, usize)> = self
            .pairs
            .iter()
            .map(|p| (p.a.min(p.b), p.a.max(p.b)))
            .collect();
        // A member's own pair is also one its family's pair stands for.
        let twice = self
            .pairs
            .iter()
            .filter(|p| !f.is_unit(p.a) || !f.is_unit(p.b))
            .filter(|p| {
                let (x, y) = (f.unit(p.a), f.unit(p.b));
                ranked.contains(&(x.min(y), x.max(y)))
            })
            .count();
        self.pairs
            .iter()
            .map(|p| f.size(p.a) * f.size(p.b))
            .sum::<usize>()
            - twice
            + f.families
                .iter()
                .map(|x| x.size() * (x.size() - 1) / 2)
                .sum::<usize>()
    }

    /// The party (text, earliest date, outlets) the unit `x` is for the
    /// provenance rule.
    pub fn party<'a>(&self, arts: &'a [Article], x: usize) -> Party<'a> {
        party(arts, &self.families, x)
    }
}

fn party<'a>(arts: &'a [Article], fams: &Families, x: usize) -> Party<'a> {
    Party::of(&arts[x], fams.stands_for(x).into_iter().map(|m| &arts[m]))
}

/// Knobs of the ranking.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest number of pairs aligned.
    pub max_pairs: usize,
    /// Align every pair up to this many units.
    pub all_pairs_up_to: usize,
    /// Group reprints into families before aligning (off: every article
    /// is a unit of its own, as before families existed; for measuring).
    pub families: bool,
    /// How each pair is aligned: its `common` texts are sources every
    /// article may have drawn on (`rank --common`), whose matches are set
    /// apart in every pair instead of ranking it.
    pub align: align::Options,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_pairs: DEFAULT_MAX_PAIRS,
            all_pairs_up_to: ALL_PAIRS_UP_TO,
            families: true,
            align: align::Options::default(),
        }
    }
}

/// What a ranking reports while it runs. Called from worker threads.
pub trait Progress: Sync {
    /// The families are known (before any candidate is looked for).
    fn families(&self, _families: &Families) {}
    /// The candidates are known: `candidates` proposed, `to_align` of them
    /// will be aligned.
    fn candidates(&self, _candidates: usize, _to_align: usize) {}
    /// One more pair aligned (`done` of `total`); `pair` when it shares
    /// text ([`Pair::shares_text`]): a pair of the ranking.
    fn aligned(&self, _done: usize, _total: usize, _pair: Option<&Pair>) {}
}

/// No one is watching.
pub struct Quiet;

impl Progress for Quiet {}

/// Articles whose files are byte for byte the same: `(first, copy)` with
/// `first < copy`, each copy paired with the first article it repeats.
/// `rank` names them on stderr: two names for one text are worth knowing
/// (a reprint kept verbatim is still ranked, as the copy it is; the same
/// file named twice is read once, see `article::load`).
pub fn duplicates(arts: &[Article]) -> Vec<(usize, usize)> {
    use std::hash::{Hash, Hasher};
    let mut by_content: std::collections::HashMap<(usize, u64), Vec<usize>> = Default::default();
    let mut out = Vec::new();
    for (i, a) in arts.iter().enumerate() {
        let mut h = std::collections::hash_map::DefaultHasher::new();
        a.bytes.hash(&mut h);
        let same = by_content.entry((a.bytes.len(), h.finish())).or_default();
        match same.iter().find(|&&k| arts[k].bytes == a.bytes) {
            Some(&first) => out.push((first, i)),
            None => same.push(i),
        }
    }
    out
}

/// The pairs to align, each unordered pair once, most promising first
/// (every pair of articles: no families).
pub fn candidate_pairs(arts: &[Article], opts: &Options) -> (Vec<(usize, usize)>, bool) {
    let all: Vec<usize> = (0..arts.len()).collect();
    candidate_pairs_among(arts, &all, opts)
}

/// The pairs of the articles `among` (increasing indices into `arts`) to
/// align, each unordered pair once, most promising first, and whether they
/// are every pair.
pub fn candidate_pairs_among(
    arts: &[Article],
    among: &[usize],
    opts: &Options,
) -> (Vec<(usize, usize)>, bool) {
    let n = among.len();
    if n <= opts.all_pairs_up_to {
        let all = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (among[i], among[j])))
            .collect();
        return (all, true);
    }
    let found = candidates::candidates_among(arts, among, candidates::MIN_EVIDENCE);
    (found.pairs.iter().map(|c| (c.i, c.j)).collect(), false)
}

/// Rank the pairs of `arts` that share text, reporting to `progress`. A
/// panic while aligning a pair is a bug: it reaches the caller, as rayon
/// resumes it there.
pub fn rank_with(arts: &[Article], opts: &Options, progress: &dyn Progress) -> Ranking {
    let n = arts.len();
    let families = if opts.families {
        families::families(arts)
    } else {
        Families::none(n)
    };
    progress.families(&families);
    let (mut pairs, exhaustive, own) = candidate_pairs_of(arts, &families, opts);
    let candidates = pairs.len();
    pairs.truncate(opts.max_pairs);
    let total = pairs.len();
    progress.candidates(candidates, total);
    let done = AtomicUsize::new(0);
    let align_opts = &opts.align;
    let mut ranked: Vec<Pair> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            #[cfg(debug_assertions)]
            crate::test_panic("rank");
            let al = TOKENIZER
                .with(|t| align::align_using(&arts[i], &arts[j], align_opts, &mut t.borrow_mut()));
            let p = oriented(arts, &families, i, j, &al)
                .filter(Pair::shares_text)
                .filter(|_| own_reused(&own, i, j, &al));
            progress.aligned(done.fetch_add(1, Ordering::Relaxed) + 1, total, p.as_ref());
            p
        })
        .collect();
    sort(&mut ranked);
    Ranking {
        pairs: ranked,
        families,
        articles: n,
        all_pairs: n * n.saturating_sub(1) / 2,
        candidates,
        aligned: total,
        exhaustive,
    }
}

/// Members of families with text of their own ([`families::own_text`]),
/// by article.
type Own = candidates::Only;

/// The pairs to align for a ranking with `fams`: pairs of units, and pairs
/// of a member with text of its own and an article outside its family
/// where that text may come from (the member's candidates are found by its
/// own text alone; every such pair in a small corpus). Whether they are
/// every pair, and the members' own text.
fn candidate_pairs_of(
    arts: &[Article],
    fams: &Families,
    opts: &Options,
) -> (Vec<(usize, usize)>, bool, Own) {
    let own: Own = fams
        .families
        .iter()
        .flat_map(|f| &f.members)
        .filter_map(|m| {
            let r = families::own_text(&arts[m.article], m);
            (!r.is_empty()).then_some((m.article, r))
        })
        .collect();
    let mut among = fams.units();
    among.extend(own.keys());
    among.sort_unstable();
    let (mut pairs, exhaustive) = if among.len() <= opts.all_pairs_up_to {
        candidate_pairs_among(arts, &among, opts)
    } else {
        let found = candidates::candidates_in(arts, &among, &own, candidates::MIN_EVIDENCE);
        (found.pairs.iter().map(|c| (c.i, c.j)).collect(), false)
    };
    pairs.retain(|&(i, j)| fams.unit(i) != fams.unit(j));
    (pairs, exhaustive, own)
}

/// Whether the pair `i`, `j` (aligned as `al`) is worth ranking as far as
/// members go: a pair of units always; a pair with a member only when a link
/// holds some of the member's own text (the rest is its representative's
/// pair).
fn own_reused(own: &Own, i: usize, j: usize, al: &Alignment) -> bool {
    let touches = |x: usize, side: &dyn Fn(&align::Link) -> Sentences| {
        own.get(&x).is_some_and(|runs| {
            al.links.iter().any(|l| {
                let r = side(l);
                runs.iter().any(|o| o.overlaps(&r))
            })
        })
    };
    match (own.contains_key(&i), own.contains_key(&j)) {
        (false, false) => true,
        _ => touches(i, &|l| l.a) || touches(j, &|l| l.b),
    }
}

/// Rank with the default options, quietly.
pub fn rank(arts: &[Article]) -> Ranking {
    rank_with(arts, &Options::default(), &Quiet)
}

/// How a pair of articles of [`expand`] was measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Aligned: the ranked pair itself (index into [`Ranking::pairs`]).
    Aligned(usize),
    /// Not aligned: members of the families of ranked pair `k`, given that
    /// pair's figures (their representatives were aligned).
    Representatives(usize),
    /// Not aligned: two reprints of family `f` ([`Ranking::families`]),
    /// measured by the reprint test ([`families::Likeness`]), all copied.
    Family(usize),
}

/// A pair of articles a ranking stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct ArticlePair {
    /// The pair, oriented; for members of ranked families, as the families
    /// are.
    pub pair: Pair,
    /// Where its figures come from.
    pub via: Via,
}

/// Every pair of articles a ranking stands for: each ranked pair, then the
/// pairs of their families' members (the ranked pair's figures, nothing
/// aligned), then the pairs inside each family (the reprint test's shares,
/// nothing aligned). What `rank --expand` lists.
pub fn expand(arts: &[Article], ranking: &Ranking) -> Vec<ArticlePair> {
    let f = &ranking.families;
    let ranked: rustc_hash::FxHashSet<(usize, usize)> = ranking
        .pairs
        .iter()
        .map(|p| (p.a.min(p.b), p.a.max(p.b)))
        .collect();
    let mut out = Vec::new();
    for (k, p) in ranking.pairs.iter().enumerate() {
        out.push(ArticlePair {
            pair: p.clone(),
            via: Via::Aligned(k),
        });
        for x in f.stands_for(p.a) {
            for y in f.stands_for(p.b) {
                // A member's own ranked pair is listed as itself.
                if (x, y) != (p.a, p.b) && !ranked.contains(&(x.min(y), x.max(y))) {
                    out.push(ArticlePair {
                        pair: Pair { a: x, b: y, ..*p },
                        via: Via::Representatives(k),
                    });
                }
            }
        }
    }
    for (fi, fam) in f.families.iter().enumerate() {
        for (x, y, like) in families::within(arts, fam) {
            let (px, py) = (Party::one(&arts[x]), Party::one(&arts[y]));
            // No alignment, no paragraphs partly kept: reprints are oriented
            // by dates and attribution alone.
            let overlap = provenance::Overlap {
                i_in_j: like.x_in_y,
                j_in_i: like.y_in_x,
                ..Default::default()
            };
            let (x_first, direction) = orient(&px, &py, &overlap);
            let (a, b, b_in_a, a_in_b) = if x_first || !direction.known() {
                (x, y, like.y_in_x, like.x_in_y)
            } else {
                (y, x, like.x_in_y, like.y_in_x)
            };
            out.push(ArticlePair {
                pair: Pair {
                    a,
                    b,
                    b_in_a,
                    a_in_b,
                    copied: b_in_a,
                    reworded: 0.0,
                    links: 0,
                    direction,
                },
                via: Via::Family(fi),
            });
        }
    }
    out
}

/// Highest score first; ties by the pair's indices, so the order is stable.
pub fn sort(pairs: &mut [Pair]) {
    pairs.sort_by(|x, y| {
        y.score()
            .total_cmp(&x.score())
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
}

thread_local! {
    /// Each thread's tokenizer, kept across the pairs it aligns: stemming
    /// each distinct word once instead of once per pair halves the cost of
    /// aligning news-length articles.
    static TOKENIZER: RefCell<Tokenizer> = RefCell::new(Tokenizer::new());
}

/// Align `i` and `j` once and orient the pair; `None` when the alignment
/// links nothing. The pair may not share text by [`Pair::shares_text`]
/// (one short link): the caller decides.
pub fn pair(arts: &[Article], i: usize, j: usize) -> Option<Pair> {
    align_pair(arts, i, j).1
}

/// Align `j` (B) against `i` (A) now, with the thread's tokenizer, and
/// orient the pair as [`pair_of`] does: any pair, a family's members
/// included (the ranking never aligns those).
pub fn align_pair(arts: &[Article], i: usize, j: usize) -> (Alignment, Option<Pair>) {
    let al = TOKENIZER.with(|t| {
        align::align_using(
            &arts[i],
            &arts[j],
            &align::Options::default(),
            &mut t.borrow_mut(),
        )
    });
    let p = pair_of(arts, i, j, &al);
    (al, p)
}

/// Orient and summarise the alignment of `j` (B) against `i` (A), the two
/// standing for themselves alone; `None` when it links nothing.
pub fn pair_of(arts: &[Article], i: usize, j: usize, al: &Alignment) -> Option<Pair> {
    let (pi, pj) = (Party::one(&arts[i]), Party::one(&arts[j]));
    summarise(arts, i, j, al, &pi, &pj)
}

/// Which article of the pair `i`, `j` (aligned as `al`: `j` against `i`) is
/// the likely source of the other, and why: the one rule of `rank` and its
/// tree of likely sources ([`Pair::source`]), for a pair the reader has
/// open. `None` when the two do not share text or nothing tells.
pub fn likely_source(
    arts: &[Article],
    i: usize,
    j: usize,
    al: &Alignment,
) -> Option<(usize, Direction)> {
    let p = pair_of(arts, i, j, al)?;
    p.source().map(|s| (s, p.direction))
}

/// [`pair_of`] for two units of a ranking: a family is dated by its
/// earliest member and claims every member's outlet.
fn oriented(arts: &[Article], fams: &Families, i: usize, j: usize, al: &Alignment) -> Option<Pair> {
    let (pi, pj) = (party(arts, fams, i), party(arts, fams, j));
    summarise(arts, i, j, al, &pi, &pj)
}

fn summarise(
    arts: &[Article],
    i: usize,
    j: usize,
    al: &Alignment,
    pi: &Party,
    pj: &Party,
) -> Option<Pair> {
    if al.links.is_empty() {
        return None;
    }
    let (ai, aj) = (&arts[i], &arts[j]);
    // Shares of each side, by kind: B's from the stats, A's from the links.
    let (j_copied, j_reworded) = (al.stats.b_copied, al.stats.b_reworded);
    let (i_copied, i_reworded) = side_shares(ai, al.links.iter().map(|l| (l.a, l.kind)));
    let j_in_i = j_copied + j_reworded;
    let i_in_j = i_copied + i_reworded;
    let linked = |art: &Article, side: &dyn Fn(&align::Link) -> Sentences| {
        let mut l = vec![false; art.sentences.len()];
        for link in &al.links {
            for s in side(link) {
                if let Some(x) = l.get_mut(s) {
                    *x = true;
                }
            }
        }
        l
    };
    let overlap = provenance::Overlap {
        i_in_j,
        j_in_i,
        i_partly: provenance::partly(ai, &linked(ai, &|l| l.a)),
        j_partly: provenance::partly(aj, &linked(aj, &|l| l.b)),
    };
    let (i_is_source, direction) = orient(pi, pj, &overlap);
    // Unknown: the lower index first, so either order gives one pair.
    let i_is_source = if direction.known() {
        i_is_source
    } else {
        i < j
    };
    let links = al.links.len();
    Some(if i_is_source {
        Pair {
            a: i,
            b: j,
            b_in_a: j_in_i,
            a_in_b: i_in_j,
            copied: j_copied,
            reworded: j_reworded,
            links,
            direction,
        }
    } else {
        Pair {
            a: j,
            b: i,
            b_in_a: i_in_j,
            a_in_b: j_in_i,
            copied: i_copied,
            reworded: i_reworded,
            links,
            direction,
        }
    })
}

/// Shares of `art`'s body words in copied and in reworded links, from the
/// sentence ranges the links hold on its side (a sentence in links of both
/// kinds counts as copied).
fn side_shares(art: &Article, links: impl Iterator<Item = (Sentences, Kind)>) -> (f64, f64) {
    let mut kind: Vec<Option<Kind>> = vec![None; art.sentences.len()];
    for (r, k) in links {
        for s in r {
            if let Some(slot) = kind.get_mut(s) {
                *slot = Some(match *slot {
                    Some(Kind::Copied) => Kind::Copied,
                    _ => k,
                });
            }
        }
    }
    let total = art.body_words();
    if total == 0 {
        return (0.0, 0.0);
    }
    let (mut copied, mut reworded) = (0, 0);
    for (s, k) in art.sentences.iter().zip(&kind) {
        if !s.role.compared() {
            continue;
        }
        match k {
            Some(Kind::Copied) => copied += s.words.len(),
            Some(Kind::Reworded) => reworded += s.words.len(),
            None => {}
        }
    }
    (copied as f64 / total as f64, reworded as f64 / total as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_kept_tokenizer_aligns_exactly_as_a_new_one() {
        let arts = crate::article::bundled();
        let opts = align::Options::default();
        let mut tok = Tokenizer::new();
        for round in 0..2 {
            for i in 0..arts.len() {
                for j in 0..arts.len() {
                    let (x, y) = if round == 0 { (i, j) } else { (j, i) };
                    let kept = align::align_using(&arts[x], &arts[y], &opts, &mut tok);
                    assert_eq!(
                        kept,
                        align::align_with(&arts[x], &arts[y], &opts),
                        "{x} {y}"
                    );
                }
            }
        }
    }

    #[test]
    fn one_alignment_gives_both_directions() {
        let arts = crate::article::bundled();
        for i in 0..arts.len() {
            for j in i + 1..arts.len() {
                let (Some(p), Some(q)) = (pair(&arts, i, j), pair(&arts, j, i)) else {
                    continue;
                };
                // The same pair, oriented the same way, from either order.
                assert_eq!((p.a, p.b), (q.a, q.b), "pair {i} {j}");
                assert!((p.b_in_a - q.b_in_a).abs() < 1e-9);
                assert!((p.a_in_b - q.a_in_b).abs() < 1e-9);
                assert!((p.copied - q.copied).abs() < 1e-9);
                assert!((p.copied + p.reworded - p.b_in_a).abs() < 1e-9);
            }
        }
    }
}
