//! "What in the archive did this article take from?": the indexed articles
//! that share text with one article, aligned and ranked as `rank` ranks
//! pairs.
//!
//! Three steps, each bounded by the query, not by the archive:
//!
//! 1. **Lookup.** Each distinct sentence of the query reads the postings of
//!    its rarest stems (rarest first, up to [`LOOKUP_BUDGET`] article ids a
//!    sentence; stems the index has never seen propose nothing). An article
//!    holding two of one sentence's looked-up stems may hold a match.
//! 2. **Scoring.** Each such article's sentences are read from the index
//!    and scored against the query's exactly as `corpus::candidates` scores
//!    two sentences: weighted Dice (or containment, for a condensed
//!    sentence) over shared stems, weights `ln(D / df)` over the distinct
//!    sentences of the archive with the query's own counted in, a match
//!    discounted when its sentence is popular (matching many sentences,
//!    or held by many articles). An article is a candidate when its matches
//!    add up to `corpus::candidates::MIN_EVIDENCE`.
//! 3. **Alignment.** Each candidate is read from disk (its content hash
//!    checked against the index: a changed file is an error naming it, not
//!    a wrong answer), aligned with the query on rayon's pool and oriented
//!    (`corpus::pair`).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use rayon::prelude::*;

use super::fingerprint::{self, content_hash};
use super::store::{Doc, Index, hex, set_key};
use super::{Error, Progress};
use crate::article::{Article, load};
use crate::corpus::{self, Pair, Ranking, candidates::MIN_EVIDENCE};

/// Article ids read from postings per distinct query sentence, at most: the
/// rarest stems first. A sentence of common words only proposes nothing
/// (as in `corpus::candidates`, whose index holds rare stems only).
pub const LOOKUP_BUDGET: usize = 20_000;
/// Two sentences must share this many looked-up stems to be scored…
const MIN_SHARED_RARE: u16 = 2;
/// …and this many stems in all to match (as `corpus::candidates`).
const MIN_SHARED: usize = 3;
/// Weighted Dice of a plausible paraphrase (as `corpus::candidates`).
const MIN_DICE: f32 = 0.22;
/// Weighted containment of a plausible condensed sentence (as
/// `corpus::candidates`).
const MIN_CONTAINMENT: f32 = 0.45;
/// Sentences held by more articles than this give no evidence of identity
/// (as `corpus::candidates`).
const MAX_HOLDERS: u64 = 2000;
/// Matching up to this many sentences…
const POPULAR_VARIANTS: usize = 24;
/// …and held by up to this many articles, a match counts in full (as
/// `corpus::candidates`).
const POPULAR_HOLDERS: u64 = 100;

/// Knobs of a query.
#[derive(Debug, Clone)]
pub struct Options {
    /// Align at most this many candidates (most evidence first).
    pub max_pairs: usize,
    /// Leave this file out (the query itself, when it is in the archive).
    pub exclude: Option<PathBuf>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_pairs: corpus::DEFAULT_MAX_PAIRS,
            exclude: None,
        }
    }
}

/// An indexed article proposed for alignment, with its evidence.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// Its id in the index.
    pub id: u32,
    /// Summed evidence of its sentence matches with the query.
    pub evidence: f32,
}

/// What a query found.
#[derive(Debug, Clone)]
pub struct Found {
    /// The query first, then the candidates aligned, most evidence first.
    pub articles: Vec<Article>,
    /// The pairs that share text, ranked as `rank` ranks them, over
    /// [`Found::articles`] (every pair holds the query, index 0). Its counts:
    /// `articles` is the query and the candidates; `all_pairs` the query
    /// against every indexed article; `candidates` and `aligned` as `rank`.
    pub ranking: Ranking,
    /// Distinct sentences of the query looked up.
    pub sentences: usize,
    /// Indexed articles scored sentence by sentence.
    pub scored: usize,
}

/// Per-query weights: the archive's frequencies with the query's new
/// distinct sentences counted in.
struct Weights<'a> {
    index: &'a Index,
    distinct: f32,
    /// The query's new distinct sentences holding each stem id.
    extra: HashMap<u32, u32>,
    cache: HashMap<u32, f32>,
}

impl Weights<'_> {
    fn of(&mut self, ids: &[u32]) -> Result<Vec<f32>, Error> {
        let missing: Vec<u32> = ids
            .iter()
            .copied()
            .filter(|s| !self.cache.contains_key(s))
            .collect();
        if !missing.is_empty() {
            let df = self.index.df(&missing)?;
            for (s, d) in missing.into_iter().zip(df) {
                let d = d + self.extra.get(&s).copied().unwrap_or(0);
                let w = (self.distinct / d.max(1) as f32).ln().max(0.0) + 0.1;
                self.cache.insert(s, w);
            }
        }
        Ok(ids.iter().map(|s| self.cache[s]).collect())
    }

    /// The weight of a stem the index has never seen: held by one sentence.
    fn unseen(&self) -> f32 {
        self.distinct.ln().max(0.0) + 0.1
    }
}

/// One distinct sentence of the query.
struct QuerySentence {
    /// Stem ids the index knows, sorted.
    known: Vec<u32>,
    /// Stems the index has never seen (they add to the sentence's mass, and
    /// can match nothing).
    unseen: usize,
    /// Articles of the index holding the same sentence.
    holders: u32,
}

/// How much one sentence match says (as `corpus::candidates`).
fn match_evidence(dice: f32, variants: usize, holders: u64) -> f32 {
    let share = |free: f32, n: f32| (free / n.max(1.0)).min(1.0);
    dice.min(1.0)
        * share(POPULAR_VARIANTS as f32, variants as f32)
        * share(POPULAR_HOLDERS as f32, holders as f32)
}

/// How many stems two sorted sets share.
fn count_shared(x: &[u32], y: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Shared stems of two sorted sets: their weighted mass and number.
fn shared(x: &[u32], y: &[u32], wy: &[f32]) -> (f32, usize) {
    let (mut i, mut j, mut m, mut n) = (0, 0, 0.0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                m += wy[j];
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    (m, n)
}

/// The indexed articles worth aligning with `query`, most evidence first,
/// and how many were scored.
pub fn candidates(
    index: &Index,
    query: &Article,
    exclude: Option<u32>,
    progress: &dyn Progress,
) -> Result<(Vec<Candidate>, usize, usize), Error> {
    // The query's distinct sentences over the index's stem ids.
    let mut sets: Vec<Vec<u64>> = fingerprint::sentences(query)
        .into_iter()
        .map(|(_, s)| s)
        .collect();
    sets.sort_unstable();
    sets.dedup();
    progress.step(
        "looking up the article's sentences",
        Some(sets.len() as u64),
    );
    let mut sentences = Vec::with_capacity(sets.len());
    let mut extra: HashMap<u32, u32> = HashMap::new();
    let mut new_sets = 0u64;
    for keys in &sets {
        let ids = index.stem_ids(keys)?;
        let unseen = ids.iter().filter(|i| i.is_none()).count();
        let mut known: Vec<u32> = ids.into_iter().flatten().collect();
        known.sort_unstable();
        let holders = if unseen == 0 {
            index.holders(&known)?
        } else {
            0
        };
        if holders == 0 {
            new_sets += 1;
            for &s in &known {
                *extra.entry(s).or_default() += 1;
            }
        }
        sentences.push(QuerySentence {
            known,
            unseen,
            holders,
        });
    }
    let mut weights = Weights {
        index,
        distinct: (index.distinct() + new_sets).max(1) as f32,
        extra,
        cache: HashMap::new(),
    };
    let unseen_weight = weights.unseen();

    // 1. Lookup: per sentence, the articles holding two of its rarest stems.
    let mut postings: HashMap<u32, Vec<u32>> = HashMap::new();
    let mut hits: HashMap<u32, Vec<usize>> = HashMap::new();
    // Per article id, hits of the current sentence (dense: ids are below
    // `next_doc`, and a sentence touches thousands of them).
    let mut count: Vec<u16> = Vec::new();
    let mut touched: Vec<u32> = Vec::new();
    for (qi, q) in sentences.iter().enumerate() {
        let df = index.df(&q.known)?;
        let mut order: Vec<(u32, u32)> = df.into_iter().zip(q.known.iter().copied()).collect();
        order.retain(|&(d, _)| d > 0);
        order.sort_unstable();
        let mut spent = 0usize;
        for (d, s) in order {
            // Postings count articles, df distinct sentences: an article
            // holds a stem in one sentence or a few, so df bounds the read.
            if spent + d as usize > LOOKUP_BUDGET {
                break;
            }
            let p = match postings.entry(s) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(index.postings(s)?),
            };
            spent += p.len().max(d as usize);
            for &doc in p.iter() {
                let d = doc as usize;
                if d >= count.len() {
                    count.resize(d + 1, 0);
                }
                if count[d] == 0 {
                    touched.push(doc);
                }
                count[d] = count[d].saturating_add(1);
            }
        }
        for doc in touched.drain(..) {
            let c = std::mem::take(&mut count[doc as usize]);
            if c >= MIN_SHARED_RARE && Some(doc) != exclude {
                hits.entry(doc).or_default().push(qi);
            }
        }
        progress.advance(1);
    }

    // 2. Scoring, sentence by sentence.
    let mut docs: Vec<(u32, Vec<usize>)> = hits.into_iter().collect();
    docs.sort_unstable_by_key(|(d, _)| *d);
    progress.step("scoring the articles found", Some(docs.len() as u64));
    let mut qmass = Vec::with_capacity(sentences.len());
    for q in &sentences {
        let w = weights.of(&q.known)?;
        qmass.push(w.iter().sum::<f32>() + q.unseen as f32 * unseen_weight);
    }
    // (query sentence, article, dice, holders of the article's sentence)
    let mut matches: Vec<(usize, u32, f32, u32)> = Vec::new();
    let mut variants: Vec<HashSet<u64>> = vec![HashSet::new(); sentences.len()];
    for (doc, qs) in &docs {
        let dsets = index.sets(*doc)?;
        for t in &dsets {
            // Most sentences of an article found share a stem or two with
            // the query's: counted first, weighed only when they may match.
            let mut wt: Option<(Vec<f32>, f32)> = None;
            for &qi in qs {
                let q = &sentences[qi];
                if count_shared(&q.known, t) < MIN_SHARED {
                    continue;
                }
                if wt.is_none() {
                    let w = weights.of(t)?;
                    let mass = w.iter().sum();
                    wt = Some((w, mass));
                }
                let Some((w, tmass)) = &wt else { continue };
                let tmass = *tmass;
                let (m, n) = shared(&q.known, t, w);
                let identical = q.unseen == 0 && n == q.known.len() && n == t.len();
                let dice = if identical {
                    1.0
                } else {
                    let dice = 2.0 * m / (qmass[qi] + tmass);
                    let containment = m / qmass[qi].min(tmass);
                    if dice < MIN_DICE && containment < MIN_CONTAINMENT {
                        continue;
                    }
                    dice.max(containment * 0.6)
                };
                let key = set_key(t);
                if !identical {
                    variants[qi].insert(key);
                }
                let holders = if identical {
                    q.holders
                } else {
                    index.holders(t)?
                };
                matches.push((qi, *doc, dice, holders));
            }
        }
        progress.advance(1);
    }
    let mut evidence: HashMap<u32, f32> = HashMap::new();
    for (qi, doc, dice, holders) in matches {
        // The query holds its sentence too.
        let hq = u64::from(sentences[qi].holders) + 1;
        let ht = u64::from(holders);
        if hq * ht.max(1) > MAX_HOLDERS * MAX_HOLDERS {
            continue;
        }
        let e = match_evidence(dice, variants[qi].len(), hq.max(ht));
        *evidence.entry(doc).or_default() += e;
    }
    let mut found: Vec<Candidate> = evidence
        .into_iter()
        .filter(|&(_, e)| e >= MIN_EVIDENCE)
        .map(|(id, evidence)| Candidate { id, evidence })
        .collect();
    found.sort_by(|x, y| y.evidence.total_cmp(&x.evidence).then(x.id.cmp(&y.id)));
    Ok((found, sentences.len(), docs.len()))
}

/// How a path of the archive is shown: relative to the current folder when
/// it lies below it, else absolute.
fn shown(root: &Path, rel: &str) -> PathBuf {
    let full = root.join(rel);
    match std::env::current_dir() {
        Ok(cwd) => full
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or(full),
        Err(_) => full,
    }
}

/// Read an indexed article, refusing one that changed since it was indexed.
fn read_indexed(index: &Index, doc: &Doc) -> Result<Article, Error> {
    let full = index.root().join(&doc.path);
    let stale = |what| Error::Stale {
        index: index.path().to_path_buf(),
        root: index.root().to_path_buf(),
        article: full.clone(),
        what,
    };
    if !full.exists() {
        return Err(stale("was removed"));
    }
    let mut art = load::read_article(&full).map_err(|_| stale("changed"))?;
    if hex(content_hash(&art.bytes)) != doc.hash {
        return Err(stale("changed"));
    }
    art.path = shown(index.root(), &doc.path).display().to_string();
    Ok(art)
}

/// The indexed articles that share text with `query`, aligned and ranked.
pub fn find(
    index: &Index,
    query: Article,
    opts: &Options,
    progress: &dyn Progress,
) -> Result<Found, Error> {
    // The query itself, when it is one of the archive's files.
    let exclude = match opts
        .exclude
        .as_deref()
        .and_then(|p| std::fs::canonicalize(p).ok())
    {
        Some(p) => match p.strip_prefix(index.root()) {
            Ok(rel) => {
                let rel: Vec<&str> = rel
                    .components()
                    .filter_map(|c| c.as_os_str().to_str())
                    .collect();
                let rel = rel.join("/");
                index
                    .docs()?
                    .into_iter()
                    .find(|(_, d)| d.path == rel)
                    .map(|(id, _)| id)
            }
            Err(_) => None,
        },
        None => None,
    };
    let (mut found, sentences, scored) = candidates(index, &query, exclude, progress)?;
    let proposed = found.len();
    found.truncate(opts.max_pairs);
    progress.step("reading the candidates", Some(found.len() as u64));
    let docs: Vec<Doc> = found
        .iter()
        .map(|c| index.doc(c.id))
        .collect::<Result<_, _>>()?;
    let read: Vec<Result<Article, Error>> = docs
        .par_iter()
        .map(|d| {
            let a = read_indexed(index, d);
            progress.advance(1);
            a
        })
        .collect();
    let mut articles = Vec::with_capacity(read.len() + 1);
    articles.push(query);
    for a in read {
        articles.push(a?);
    }
    progress.step("aligning", Some(found.len() as u64));
    let done = AtomicUsize::new(0);
    let mut pairs: Vec<Pair> = (1..articles.len())
        .into_par_iter()
        .filter_map(|k| {
            // The pairs that share text, as `rank` lists them.
            let p = corpus::pair(&articles, 0, k).filter(Pair::shares_text);
            done.fetch_add(1, Ordering::Relaxed);
            progress.advance(1);
            p
        })
        .collect();
    corpus::sort(&mut pairs);
    let ranking = Ranking {
        pairs,
        families: corpus::Families::none(articles.len()),
        articles: articles.len(),
        all_pairs: (index.len() as usize).saturating_sub(usize::from(exclude.is_some())),
        candidates: proposed,
        aligned: done.into_inner(),
        exhaustive: false,
    };
    Ok(Found {
        articles,
        ranking,
        sentences,
        scored,
    })
}
