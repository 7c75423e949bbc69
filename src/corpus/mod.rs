//! Many articles: which pairs share text, how much each way, and who took
//! from whom.
//!
//! Ranking runs in three steps:
//!
//! 1. **Candidates** ([`candidates`]): pairs where some passage of one may
//!    come from the other, found sentence by sentence through an inverted
//!    index of rare stems (every pair when the corpus is small);
//! 2. **Alignment**: each candidate pair aligned once, on rayon's pool. The
//!    alignment is symmetric, so one gives both directions: the share of
//!    each article found in the other;
//! 3. **Orientation**: which of the two is the likely source — the earlier
//!    when both are dated differently, else the one the other names as its
//!    source (`… the Wall Street Journal reported`), else the one that
//!    contains more of the other, else the news agency's wire story
//!    ([`Direction`]).
//!
//! [`provenance`] turns the oriented pairs into each article's likely sources.
//! Nothing here prints: `export` writes rankings, the binary shows progress.

pub mod candidates;
pub mod provenance;

use std::cell::RefCell;
use std::ops::Range;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::align::tokens::Tokenizer;
use crate::align::{self, Alignment, Kind};
use crate::article::Article;

pub use candidates::{Candidate, Found};
pub use provenance::{Source, sources};

/// Up to this many articles every pair is aligned: it costs little, and no
/// candidate filter can then miss a pair.
pub const ALL_PAIRS_UP_TO: usize = 40;
/// Default largest number of pairs aligned (most evidence first). Reached
/// only by corpora whose articles nearly all share text: at about half a
/// millisecond a pair, it bounds a run to minutes.
pub const DEFAULT_MAX_PAIRS: usize = 200_000;
/// A share of one article found in the other must exceed the other way
/// round by this much for containment to orient a pair: near-identical
/// texts stay unoriented rather than being oriented by noise.
const CONTAINMENT_MARGIN: f64 = 0.08;

/// How the source of a pair was decided.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Both are dated, on different days: the earlier is the source.
    Dates,
    /// The copy names the source's outlet (`… Reuters reported`), and not
    /// the other way round.
    Attribution,
    /// More of the copy is found in the source than of the source in the
    /// copy.
    Containment,
    /// Dated alike (or undated) and as much of each in the other, but the
    /// source is a news agency's wire story and the copy is not: wire copy
    /// is what outlets rewrite.
    Wire,
    /// Nothing tells: near-identical texts on the same day or undated. `a`
    /// is then the first of the two in the order given.
    Unknown,
}

impl Direction {
    /// `dates`, `attribution`, `containment` or `unknown`, as reports write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Dates => "dates",
            Direction::Attribution => "attribution",
            Direction::Containment => "containment",
            Direction::Wire => "wire",
            Direction::Unknown => "unknown",
        }
    }

    /// Whether the pair has a likely source.
    pub const fn known(self) -> bool {
        !matches!(self, Direction::Unknown)
    }
}

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
    /// How `a` was found to be the source.
    pub direction: Direction,
}

impl Pair {
    /// What the ranking sorts by: the larger of the two shares, so a passage
    /// lifted into a long article ranks by the share it is of the shorter.
    pub fn score(&self) -> f64 {
        self.b_in_a.max(self.a_in_b)
    }
}

/// A ranking and what it cost: how many pairs there were, how many were
/// candidates, how many were aligned.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Ranking {
    /// Pairs that share text (at least one link), highest score first.
    pub pairs: Vec<Pair>,
    /// Articles ranked.
    pub articles: usize,
    /// Pairs of articles in all: `n (n - 1) / 2`.
    pub all_pairs: usize,
    /// Pairs the candidate step proposed (every pair for small corpora).
    pub candidates: usize,
    /// Pairs aligned (fewer than the candidates only when the limit was hit).
    pub aligned: usize,
    /// Whether every pair was a candidate (a small corpus).
    pub exhaustive: bool,
}

/// Knobs of the ranking.
#[derive(Debug, Clone)]
pub struct Options {
    /// Largest number of pairs aligned.
    pub max_pairs: usize,
    /// Align every pair up to this many articles.
    pub all_pairs_up_to: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_pairs: DEFAULT_MAX_PAIRS,
            all_pairs_up_to: ALL_PAIRS_UP_TO,
        }
    }
}

/// What a ranking reports while it runs. Called from worker threads.
pub trait Progress: Sync {
    /// The candidates are known: `candidates` proposed, `to_align` of them
    /// will be aligned.
    fn candidates(&self, _candidates: usize, _to_align: usize) {}
    /// One more pair aligned (`done` of `total`); `pair` when it shares text.
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

/// The pairs to align, each unordered pair once, most promising first.
pub fn candidate_pairs(arts: &[Article], opts: &Options) -> (Vec<(usize, usize)>, bool) {
    let n = arts.len();
    if n <= opts.all_pairs_up_to {
        let all = (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
        return (all, true);
    }
    let found = candidates::candidates(arts);
    (found.pairs.iter().map(|c| (c.i, c.j)).collect(), false)
}

/// Rank the pairs of `arts` that share text, reporting to `progress`. A
/// panic while aligning a pair is a bug: it reaches the caller, as rayon
/// resumes it there.
pub fn rank_with(arts: &[Article], opts: &Options, progress: &dyn Progress) -> Ranking {
    let n = arts.len();
    let (mut pairs, exhaustive) = candidate_pairs(arts, opts);
    let candidates = pairs.len();
    pairs.truncate(opts.max_pairs);
    let total = pairs.len();
    progress.candidates(candidates, total);
    let done = AtomicUsize::new(0);
    let align_opts = align::Options::default();
    let mut ranked: Vec<Pair> = pairs
        .par_iter()
        .filter_map(|&(i, j)| {
            #[cfg(debug_assertions)]
            crate::test_panic("rank");
            let p = pair_with(arts, i, j, &align_opts);
            progress.aligned(done.fetch_add(1, Ordering::Relaxed) + 1, total, p.as_ref());
            p
        })
        .collect();
    sort(&mut ranked);
    Ranking {
        pairs: ranked,
        articles: n,
        all_pairs: n * n.saturating_sub(1) / 2,
        candidates,
        aligned: total,
        exhaustive,
    }
}

/// Rank with the default options, quietly.
pub fn rank(arts: &[Article]) -> Ranking {
    rank_with(arts, &Options::default(), &Quiet)
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

/// Align `i` and `j` once and orient the pair; `None` when they share no text.
pub fn pair(arts: &[Article], i: usize, j: usize) -> Option<Pair> {
    pair_with(arts, i, j, &align::Options::default())
}

fn pair_with(arts: &[Article], i: usize, j: usize, opts: &align::Options) -> Option<Pair> {
    let al = TOKENIZER.with(|t| align::align_using(&arts[i], &arts[j], opts, &mut t.borrow_mut()));
    pair_of(arts, i, j, &al)
}

/// Orient and summarise the alignment of `j` (B) against `i` (A).
pub fn pair_of(arts: &[Article], i: usize, j: usize, al: &Alignment) -> Option<Pair> {
    if al.links.is_empty() {
        return None;
    }
    let (ai, aj) = (&arts[i], &arts[j]);
    // Shares of each side, by kind: B's from the stats, A's from the links.
    let (j_copied, j_reworded) = (al.stats.b_copied, al.stats.b_reworded);
    let (i_copied, i_reworded) = side_shares(ai, al.links.iter().map(|l| (&l.a, l.kind)));
    let j_in_i = j_copied + j_reworded;
    let i_in_j = i_copied + i_reworded;
    let (i_is_source, direction) = orient(ai, aj, i_in_j, j_in_i, i, j);
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

/// Which of `i` and `j` is the source, and how that was decided.
/// `i_in_j` is the share of `i` found in `j`, `j_in_i` the reverse.
fn orient(
    ai: &Article,
    aj: &Article,
    i_in_j: f64,
    j_in_i: f64,
    i: usize,
    j: usize,
) -> (bool, Direction) {
    if let (Some(x), Some(y)) = (ai.meta.date.as_deref(), aj.meta.date.as_deref())
        && x != y
    {
        return (x < y, Direction::Dates);
    }
    match (names(aj, ai), names(ai, aj)) {
        (true, false) => return (true, Direction::Attribution),
        (false, true) => return (false, Direction::Attribution),
        _ => {}
    }
    if j_in_i >= i_in_j + CONTAINMENT_MARGIN {
        return (true, Direction::Containment);
    }
    if i_in_j >= j_in_i + CONTAINMENT_MARGIN {
        return (false, Direction::Containment);
    }
    match (is_wire(ai), is_wire(aj)) {
        (true, false) => (true, Direction::Wire),
        (false, true) => (false, Direction::Wire),
        _ => (i < j, Direction::Unknown),
    }
}

/// News agencies: outlets whose stories others rewrite.
const WIRES: &[&str] = &["Reuters", "Associated Press", "AFP"];

fn is_wire(a: &Article) -> bool {
    a.meta.outlet.as_deref().is_some_and(|o| WIRES.contains(&o))
}

/// Whether `text_of`'s body names `outlet_of`'s outlet (`The Wall Street
/// Journal` as `Wall Street Journal`, case kept: `insider` is not `The
/// Insider`), as a whole word.
fn names(text_of: &Article, outlet_of: &Article) -> bool {
    let Some(outlet) = outlet_of.meta.outlet.as_deref() else {
        return false;
    };
    if text_of.meta.outlet.as_deref() == Some(outlet) {
        return false;
    }
    let name = outlet.strip_prefix("The ").unwrap_or(outlet);
    let text = &text_of.text;
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Shares of `art`'s body words in copied and in reworded links, from the
/// sentence ranges the links hold on its side (a sentence in links of both
/// kinds counts as copied).
fn side_shares<'a>(
    art: &Article,
    links: impl Iterator<Item = (&'a Range<usize>, Kind)>,
) -> (f64, f64) {
    let mut kind: Vec<Option<Kind>> = vec![None; art.sentences.len()];
    for (r, k) in links {
        for s in r.clone() {
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

    fn art(path: &str, text: &str) -> Article {
        Article::parse(path, text.as_bytes().to_vec())
    }

    #[test]
    fn outlets_are_named_as_whole_words_with_their_case() {
        let wsj = art("2025-wsj-x.txt", "Plans were drafted in Miami last month.");
        let insider = art(
            "insider-y.txt",
            "The Wall Street Journal reported that plans were drafted in Miami.",
        );
        let other = art("z.txt", "A Kremlin insider said the Insiders met.");
        assert!(names(&insider, &wsj));
        assert!(!names(&wsj, &insider));
        assert!(!names(&other, &insider));
    }

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
