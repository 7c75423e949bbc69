//! Which pairs of a corpus are worth aligning: those where *some passage* of
//! one may come from the other.
//!
//! Whole-document similarity misses what matters most: a few sentences lifted
//! into a long article, or a rewrite whose every sentence changed its words.
//! So evidence is gathered sentence by sentence, the way the aligner itself
//! seeds links, and summed per pair of articles:
//!
//! 1. **Fingerprints.** Every body sentence becomes the sorted set of its
//!    stemmed content words (the aligner's own tokens, `align::tokens`),
//!    interned corpus-wide. Sentences with the same set are one *distinct
//!    sentence* with a list of the articles holding it, so a family of
//!    near-identical reprints costs its sentences once, and its words do not
//!    look common merely because the family is large.
//! 2. **Weights.** A stem weighs `ln(D / df)`, `df` the number of distinct
//!    sentences holding it (inverse document frequency over sentences).
//! 3. **Sentence matches.** An inverted index from stem to distinct
//!    sentences proposes, for each sentence, the sentences sharing a rare stem
//!    with it. Which stems are rare is set by a work budget, not a fixed
//!    count: stems are admitted rarest first while the sum of their postings'
//!    squared lengths stays within [`WORK_PER_SENTENCE`] per distinct
//!    sentence, so the cost grows with the corpus, not its square. Each
//!    proposal is then scored exactly (weighted Dice over all shared stems,
//!    common ones included) and kept when it is a plausible reuse of one
//!    sentence by the other, in words or in paraphrase.
//! 4. **Pairs.** Every kept sentence match counts for every pair of articles
//!    holding its two sentences (both directions of a family at once). A pair
//!    is a candidate when its summed evidence reaches [`MIN_EVIDENCE`] —
//!    two or three matched sentences, or one long sentence kept nearly word
//!    for word. There is no per-article top-k: a near-copy and a reworded
//!    copy of one source are both candidates, however many reprints there are.
//!
//! Nothing here decides reuse: the aligner does, on each candidate.

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::fingerprint::{self, Fingerprinter};
use crate::article::{self, Article};

/// Work budget of the index: postings scanned per distinct sentence. Stems
/// are admitted to the index rarest first until the pairs their postings
/// produce exceed this many per distinct sentence.
const WORK_PER_SENTENCE: usize = 300;
/// Two sentences must share this many stems of the index (rare stems) to be
/// scored at all…
const MIN_SHARED_RARE: u16 = 2;
/// …and this many stems in all to match.
const MIN_SHARED: usize = 3;
/// Weighted Dice at which two sentences are a plausible paraphrase of one
/// another (the aligner anchors at 0.3; candidates cast a wider net).
const MIN_DICE: f32 = 0.22;
/// Weighted containment (shared mass over the lighter sentence's mass) at
/// which a short sentence is a plausible condensed form of a longer one, as
/// in summaries.
const MIN_CONTAINMENT: f32 = 0.45;
/// Summed evidence (each sentence match adds its Dice, see
/// [`match_evidence`]) that makes a pair a candidate.
pub const MIN_EVIDENCE: f32 = 0.5;
/// A distinct sentence held by more articles than this is stock phrasing
/// (`did not immediately respond to a request for comment`) as far as
/// identity goes: its copies still match other sentences, but the pairs of
/// articles that merely share it get no evidence from it.
const MAX_HOLDERS: usize = 2000;
/// A sentence matching up to this many other sentences…
const POPULAR_VARIANTS: usize = 24;
/// …and held by up to this many articles gives each of its matches full
/// evidence (see [`match_evidence`]).
const POPULAR_HOLDERS: usize = 100;

/// One pair worth aligning, with the evidence that made it so.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// The lower article index.
    pub i: usize,
    /// The higher article index.
    pub j: usize,
    /// Summed evidence of the sentence matches between the two.
    pub evidence: f32,
}

/// What candidate generation found, for the record.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Found {
    /// Pairs to align, most evidence first.
    pub pairs: Vec<Candidate>,
    /// Body sentences fingerprinted.
    pub sentences: usize,
    /// Distinct sentences among them.
    pub distinct: usize,
    /// Stems in the index (the rare ones)…
    pub indexed_stems: usize,
    /// …and in all.
    pub stems: usize,
    /// Sentence matches kept.
    pub matches: usize,
}

/// The corpus as distinct sentences over interned stems.
struct Sentences {
    /// Each distinct sentence's sorted stem ids.
    sets: Vec<Vec<u32>>,
    /// The articles holding each distinct sentence (sorted, distinct).
    holders: Vec<Vec<u32>>,
    /// Number of stems.
    stems: usize,
    /// Body sentences in all.
    total: usize,
}

thread_local! {
    /// Each thread's fingerprinter: its cache of stems lasts across calls.
    static FINGERPRINTER: std::cell::RefCell<Fingerprinter> =
        std::cell::RefCell::new(Fingerprinter::new(fingerprint::process_key));
}

/// Fingerprint the articles `among` (indices into `arts`), of those in
/// `only` only the sentences it gives; holders are indices into `arts`.
fn fingerprint(arts: &[Article], among: &[usize], only: &Only) -> Sentences {
    let per_article: Vec<(usize, Vec<fingerprint::Fingerprint>)> = among
        .par_iter()
        .map(|&a| {
            let o = only.get(&a).map(Vec::as_slice);
            (
                a,
                FINGERPRINTER.with(|f| f.borrow_mut().sentences(&arts[a], o)),
            )
        })
        .collect();
    let mut stem_ids: FxHashMap<u64, u32> = FxHashMap::default();
    let mut distinct: FxHashMap<Vec<u32>, u32> = FxHashMap::default();
    let mut sets: Vec<Vec<u32>> = Vec::new();
    let mut holders: Vec<Vec<u32>> = Vec::new();
    let mut total = 0;
    for (a, sentences) in per_article {
        for (_, set) in sentences {
            total += 1;
            let mut ids: Vec<u32> = set
                .into_iter()
                .map(|h| {
                    let next = stem_ids.len() as u32;
                    *stem_ids.entry(h).or_insert(next)
                })
                .collect();
            ids.sort_unstable();
            let next = sets.len() as u32;
            let d = *distinct.entry(ids.clone()).or_insert(next);
            if d == next {
                sets.push(ids);
                holders.push(Vec::new());
            }
            let h = &mut holders[d as usize];
            if h.last() != Some(&(a as u32)) {
                h.push(a as u32);
            }
        }
    }
    Sentences {
        sets,
        holders,
        stems: stem_ids.len(),
        total,
    }
}

/// A match between two distinct sentences (`u < v`), or of one with itself
/// (`u == v`: the articles holding it share it word for word).
#[derive(Debug, Clone, Copy)]
struct Match {
    u: u32,
    v: u32,
    dice: f32,
}

/// How much one sentence match says about the pair of articles holding it:
/// its Dice, discounted when either sentence is *popular* — matching more
/// than [`POPULAR_VARIANTS`] other sentences, or held by more than
/// [`POPULAR_HOLDERS`] articles. A stock line (`This story was first
/// published by …`, `… did not respond to a request for comment`) matches
/// hundreds of its variants, or is held by hundreds of articles, and says
/// little about any one pair; a wire story reprinted three hundred times
/// still has twenty sentences to sum.
fn match_evidence(dice: f32, variants: usize, holders: usize) -> f32 {
    let share = |free: usize, n: usize| (free as f32 / n.max(1) as f32).min(1.0);
    dice.min(1.0) * share(POPULAR_VARIANTS, variants) * share(POPULAR_HOLDERS, holders)
}

/// Find the pairs of `arts` worth aligning.
pub fn candidates(arts: &[Article]) -> Found {
    candidates_above(arts, MIN_EVIDENCE)
}

/// Find the pairs of `arts` whose evidence reaches `min_evidence` (for
/// measuring what the threshold keeps and loses).
pub fn candidates_above(arts: &[Article], min_evidence: f32) -> Found {
    let all: Vec<usize> = (0..arts.len()).collect();
    candidates_among(arts, &all, min_evidence)
}

/// Find the pairs of the articles `among` (indices into `arts`, as are the
/// pairs') whose evidence reaches `min_evidence`: a ranking looks among
/// the representatives of reprint families and the articles without one.
pub fn candidates_among(arts: &[Article], among: &[usize], min_evidence: f32) -> Found {
    candidates_in(arts, among, &Only::default(), min_evidence)
}

/// Some articles' sentences, by article: a reprint's own text.
pub type Only = FxHashMap<usize, Vec<article::Sentences>>;

/// [`candidates_among`], the articles in `only` fingerprinted by the
/// sentences it gives alone: a reprint is a candidate with another article
/// by the text it holds of its own, not by its family's.
pub fn candidates_in(arts: &[Article], among: &[usize], only: &Only, min_evidence: f32) -> Found {
    let s = fingerprint(arts, among, only);
    let d = s.sets.len();
    // Document frequency over distinct sentences, and weights.
    let mut df = vec![0u32; s.stems];
    for set in &s.sets {
        for &t in set {
            df[t as usize] += 1;
        }
    }
    let weight: Vec<f32> = df
        .iter()
        .map(|&n| ((d.max(1) as f32) / (n.max(1) as f32)).ln().max(0.0) + 0.1)
        .collect();
    let mass: Vec<f32> = s
        .sets
        .iter()
        .map(|set| set.iter().map(|&t| weight[t as usize]).sum())
        .collect();
    // Admit stems to the index rarest first within the work budget.
    let mut order: Vec<u32> = (0..s.stems as u32)
        .filter(|&t| df[t as usize] >= 2)
        .collect();
    order.sort_unstable_by_key(|&t| (df[t as usize], t));
    let budget = WORK_PER_SENTENCE.saturating_mul(d.max(1)) as u64;
    let mut spent: u64 = 0;
    let mut indexed = vec![false; s.stems];
    let mut n_indexed = 0;
    for &t in &order {
        let n = u64::from(df[t as usize]);
        let cost = n * (n - 1) / 2;
        if spent + cost > budget {
            break;
        }
        spent += cost;
        indexed[t as usize] = true;
        n_indexed += 1;
    }
    let mut postings: Vec<Vec<u32>> = vec![Vec::new(); s.stems];
    for (u, set) in s.sets.iter().enumerate() {
        for &t in set {
            if indexed[t as usize] {
                postings[t as usize].push(u as u32);
            }
        }
    }
    // Sentence matches: each distinct sentence against the later ones
    // sharing an indexed stem, scored exactly.
    let matches: Vec<Match> = (0..d)
        .into_par_iter()
        .fold(
            || (vec![0u16; d], Vec::<u32>::new(), Vec::<Match>::new()),
            |(mut count, mut touched, mut out), u| {
                let set = &s.sets[u];
                for &t in set {
                    if !indexed[t as usize] {
                        continue;
                    }
                    let p = &postings[t as usize];
                    let from = p.partition_point(|&v| v as usize <= u);
                    for &v in &p[from..] {
                        let c = &mut count[v as usize];
                        if *c == 0 {
                            touched.push(v);
                        }
                        *c = c.saturating_add(1);
                    }
                }
                for v in touched.drain(..) {
                    let c = std::mem::take(&mut count[v as usize]);
                    if c < MIN_SHARED_RARE {
                        continue;
                    }
                    let other = &s.sets[v as usize];
                    let (shared, n) = shared_mass(set, other, &weight);
                    if n < MIN_SHARED {
                        continue;
                    }
                    let (mu, mv) = (mass[u], mass[v as usize]);
                    let dice = 2.0 * shared / (mu + mv);
                    let containment = shared / mu.min(mv);
                    if dice >= MIN_DICE || containment >= MIN_CONTAINMENT {
                        out.push(Match {
                            u: u as u32,
                            v,
                            dice: dice.max(containment * 0.6),
                        });
                    }
                }
                (count, touched, out)
            },
        )
        .map(|(_, _, out)| out)
        .reduce(Vec::new, |mut a, mut b| {
            a.append(&mut b);
            a
        });
    let identical = (0..d as u32)
        .filter(|&u| (2..=MAX_HOLDERS).contains(&s.holders[u as usize].len()))
        .map(|u| Match { u, v: u, dice: 1.0 });
    // Popularity: the sentences matching each sentence.
    let mut variants: Vec<usize> = vec![0; d];
    for m in &matches {
        variants[m.u as usize] += 1;
        variants[m.v as usize] += 1;
    }
    // Evidence per pair of articles.
    let mut evidence: FxHashMap<(u32, u32), f32> = FxHashMap::default();
    let mut n_matches = 0;
    for m in matches.iter().copied().chain(identical) {
        n_matches += 1;
        let (hu, hv) = (&s.holders[m.u as usize], &s.holders[m.v as usize]);
        let e = match_evidence(
            m.dice,
            variants[m.u as usize].max(variants[m.v as usize]),
            hu.len().max(hv.len()),
        );
        if hu.len() * hv.len() > MAX_HOLDERS * MAX_HOLDERS {
            continue;
        }
        for &x in hu {
            for &y in hv {
                if x != y {
                    *evidence.entry((x.min(y), x.max(y))).or_default() += e;
                }
            }
        }
    }
    let mut pairs: Vec<Candidate> = evidence
        .into_iter()
        .filter(|&(_, e)| e >= min_evidence)
        .map(|((i, j), evidence)| Candidate {
            i: i as usize,
            j: j as usize,
            evidence,
        })
        .collect();
    pairs.sort_by(|x, y| {
        y.evidence
            .total_cmp(&x.evidence)
            .then(x.i.cmp(&y.i))
            .then(x.j.cmp(&y.j))
    });
    Found {
        pairs,
        sentences: s.total,
        distinct: d,
        indexed_stems: n_indexed,
        stems: s.stems,
        matches: n_matches,
    }
}

/// Weighted mass and number of the stems two sorted sets share.
fn shared_mass(x: &[u32], y: &[u32], weight: &[f32]) -> (f32, usize) {
    let (mut i, mut j, mut m, mut n) = (0, 0, 0.0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                m += weight[x[i] as usize];
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (m, n)
}
