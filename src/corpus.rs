//! Many articles: which pairs reuse each other most, and which way.
//!
//! Every candidate pair is aligned once (on worker threads); the direction of a pair —
//! which article is the likely source — comes from dates when both have one,
//! and otherwise from containment: the copy is the one whose text is mostly
//! found in the other.

use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use crate::align::{self, Alignment};
use crate::article::Article;

/// Above this many articles, only pairs that share enough rare words are
/// aligned: the all-pairs count grows with the square of the corpus.
const ALL_PAIRS_LIMIT: usize = 60;
/// Pairs kept per article by the prefilter on large corpora.
const PREFILTER_PER_ARTICLE: usize = 8;

/// One ranked pair, oriented source → copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Pair {
    /// Index of the likely source.
    pub a: usize,
    /// Index of the likely copy.
    pub b: usize,
    /// Share of the copy's body that is copied or reworded from the source.
    pub reuse: f64,
    /// Share of the copy's body in copied links.
    pub copied: f64,
    /// Share of the copy's body in reworded links.
    pub reworded: f64,
    /// Number of links.
    pub links: usize,
}

/// Orient and summarise the alignment of `j` against `i`.
fn pair_of(arts: &[Article], i: usize, j: usize, al: &Alignment) -> Pair {
    let into_j = al.stats.b_copied + al.stats.b_reworded;
    let into_i = 1.0 - al.stats.a_dropped;
    let di = arts[i].meta.date.as_deref();
    let dj = arts[j].meta.date.as_deref();
    let i_is_source = match (di, dj) {
        (Some(x), Some(y)) if x != y => x < y,
        // The copy is the one more of whose text is found in the other.
        _ => into_j > into_i || (into_j == into_i && i < j),
    };
    if i_is_source || al.links.is_empty() {
        Pair {
            a: i,
            b: j,
            reuse: into_j,
            copied: al.stats.b_copied,
            reworded: al.stats.b_reworded,
            links: al.links.len(),
        }
    } else {
        let mirrored = align::align(&arts[j], &arts[i]);
        Pair {
            a: j,
            b: i,
            reuse: into_i,
            copied: mirrored.stats.b_copied,
            reworded: mirrored.stats.b_reworded,
            links: al.links.len(),
        }
    }
}

/// Articles whose files are byte for byte the same: `(first, copy)` with
/// `first < copy`, each copy paired with the first article it repeats.
/// A file and its exact copy are not a pair to rank: they are one article.
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

/// Candidate pairs (i < j) worth aligning: never an article with an exact
/// copy of its own file (see [`duplicates`]).
pub fn candidate_pairs(arts: &[Article]) -> Vec<(usize, usize)> {
    let copies: HashSet<usize> = duplicates(arts).into_iter().map(|(_, c)| c).collect();
    let mut pairs = candidates(arts);
    pairs.retain(|(i, j)| !copies.contains(i) && !copies.contains(j));
    pairs
}

fn candidates(arts: &[Article]) -> Vec<(usize, usize)> {
    let n = arts.len();
    if n <= ALL_PAIRS_LIMIT {
        return (0..n)
            .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
            .collect();
    }
    // Word sets of each article; pairs ranked by Jaccard, best few per article.
    let sets: Vec<HashSet<String>> = arts
        .iter()
        .map(|a| {
            a.words
                .iter()
                .filter(|w| a.sentences[w.sentence].role.compared())
                .map(|w| a.text[w.span.clone()].to_lowercase())
                .filter(|w| w.chars().count() > 3)
                .collect()
        })
        .collect();
    let mut keep: HashSet<(usize, usize)> = HashSet::new();
    for i in 0..n {
        let mut scored: Vec<(f64, usize)> = (0..n)
            .filter(|&j| j != i)
            .map(|j| {
                let inter = sets[i].intersection(&sets[j]).count() as f64;
                let uni = (sets[i].len() + sets[j].len()) as f64 - inter;
                (if uni > 0.0 { inter / uni } else { 0.0 }, j)
            })
            .collect();
        scored.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        for &(_, j) in scored.iter().take(PREFILTER_PER_ARTICLE) {
            keep.insert((i.min(j), i.max(j)));
        }
    }
    let mut v: Vec<_> = keep.into_iter().collect();
    v.sort_unstable();
    v
}

/// Align the candidate pairs on worker threads (rayon's pool), calling
/// `progress(done, total)` as they finish. Returns pairs ranked by reuse, most
/// reused first. A panic while aligning a pair is a bug: it reaches the
/// caller, as rayon resumes it there.
pub fn rank_with_progress(arts: &[Article], progress: &(dyn Fn(usize, usize) + Sync)) -> Vec<Pair> {
    let pairs = candidate_pairs(arts);
    let total = pairs.len();
    let done = AtomicUsize::new(0);
    let mut ranked: Vec<Pair> = pairs
        .par_iter()
        .map(|&(i, j)| {
            #[cfg(debug_assertions)]
            crate::test_panic("rank");
            let al = align::align(&arts[i], &arts[j]);
            let p = pair_of(arts, i, j, &al);
            progress(done.fetch_add(1, Ordering::Relaxed) + 1, total);
            p
        })
        .collect();
    ranked.sort_by(|x, y| {
        y.reuse
            .total_cmp(&x.reuse)
            .then(x.a.cmp(&y.a))
            .then(x.b.cmp(&y.b))
    });
    ranked
}

/// Pairs ranked by reuse, most reused first.
pub fn rank(arts: &[Article]) -> Vec<Pair> {
    rank_with_progress(arts, &|_, _| {})
}

/// For each article, its likely source: the article it reuses most, if it
/// reuses any meaningfully.
pub fn sources(n: usize, ranking: &[Pair]) -> Vec<Option<(usize, f64)>> {
    let mut best: Vec<Option<(usize, f64)>> = vec![None; n];
    for p in ranking {
        if p.reuse < 0.2 {
            continue;
        }
        match best[p.b] {
            Some((_, r)) if r >= p.reuse => {}
            _ => best[p.b] = Some((p.a, p.reuse)),
        }
    }
    best
}
