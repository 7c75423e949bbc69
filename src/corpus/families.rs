//! Reprint families: articles that are the same text give or take a byline,
//! a dateline, a few words or a paragraph, found before anything is aligned.
//!
//! A wire story reprinted by thirty outlets is one text thirty times. Aligning
//! every reprint against every other (435 pairs) and against every article
//! that took from the story (30 times each) is most of a ranking's work and
//! tells the reader nothing the first alignment did not. So the reprints are
//! grouped first, and the ranking aligns one *representative* per family.
//!
//! How they are found, cheaply:
//!
//! 1. **Shingles.** Each article's body words, lower-cased, in reading order,
//!    make overlapping runs of [`SHINGLE`] words, each hashed to 64 bits.
//! 2. **Sketches.** The [`SKETCH`] smallest distinct shingle hashes of an
//!    article (a bottom-k MinHash sketch): two articles with most shingles in
//!    common share most of their sketches, and an index from sketch hash to
//!    article finds them without comparing every pair.
//! 3. **Groups.** Articles are taken longest first; each is tested exactly
//!    (below) against the articles seen so far that share enough of its
//!    sketch, a few at most and one per group, and joins the group of each
//!    it is near-identical to. A family is a group of two or more: each
//!    member near-identical to another (a reprint that cut a paragraph and
//!    one that added another are in one family through the original).
//! 4. **The exact test.** A word of one article is *inside* the other when a
//!    shingle covering it is one of the other's shingles: a changed word
//!    costs that word only, a cut paragraph its words. Words outside the
//!    other at the very start or end of a body, up to [`FURNITURE`] at each
//!    end, are an outlet's furniture (a byline, a dateline, a credit line)
//!    and do not count. Two articles are near-identical when at least
//!    [`NEAR`] of each (furniture aside) is inside the other.
//! 5. **The representative.** The longest member is often the reprint with
//!    the most furniture or a paragraph of its own, which would then be
//!    aligned against everything; so the representative is the *most
//!    typical* member: the one that holds the most of the family's common
//!    text (the shingles most of up to [`TYPICAL_SAMPLE`] members hold) and
//!    the least else. When the original is in the folder, it is usually
//!    that one.
//!
//! A member's differences from the representative — sentences added,
//! sentences dropped, words changed — come from the same test ([`Member`]).

use std::hash::{Hash, Hasher};

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::article::{Article, Sentences};

/// Words in a shingle: long enough that unrelated texts seldom share one
/// (a common four-word phrase covers a few words, not a tenth of a text),
/// short enough that a changed word leaves its neighbours covered.
pub const SHINGLE: usize = 4;
/// Share of each article that must be inside the other for the two to be
/// reprints of one text, one paragraph cut, added or replaced forgiven…
pub const NEAR: f64 = 0.9;
/// …and without forgiving it: a paragraph is forgiven only in a text
/// that keeps most of the other.
pub const MIN_CORE: f64 = 0.7;
/// Hashes in an article's sketch.
const SKETCH: usize = 32;
/// Sketch hashes two articles must share to be tested exactly. Reprints
/// sharing nine tenths of their words share well over half their shingles,
/// so about 20 of 32 sketch hashes; unrelated articles share none.
const MIN_SKETCH_SHARED: u32 = 8;
/// A sketch hash kept for more articles than this (at most [`PER_GROUP`] of
/// one group) is a stock phrase of the corpus: it is skipped when looking
/// for families (reprints share many others).
const MAX_POSTINGS: usize = 256;
/// Articles of one group kept per sketch hash: a reprint that cut a
/// paragraph may fail the test against one that added another, and pass
/// against the original.
const PER_GROUP: usize = 16;
/// Exact tests per article, the best sketch matches first.
const MAX_TESTS: usize = 6;
/// Articles with fewer body words than this stay on their own: a headline
/// and two lines are cheap to align and too short to call reprints.
pub const MIN_WORDS: usize = 25;
/// Uncovered words at the start or the end of a body, up to this many at
/// each end, are furniture: `By Jane Roe, Valley Herald`, `LONDON, May 3
/// (Valley Herald) -`, `(c) Valley Herald. Distributed by …`.
pub const FURNITURE: usize = 16;
/// Members sampled to find the family's common text.
pub const TYPICAL_SAMPLE: usize = 24;
/// A sentence with less than this share of its words inside the other
/// article is added (or dropped) as a whole; the uncovered words of the other
/// sentences are changed words.
const SENTENCE_INSIDE: f64 = 0.5;

/// How one article differs from another near-identical one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Likeness {
    /// Share of the first article's body words inside the second.
    pub x_in_y: f64,
    /// Share of the second's inside the first.
    pub y_in_x: f64,
    /// Runs of the first article's body sentences not in the second
    /// (sentence indices into the first).
    pub added: Vec<Sentences>,
    /// Runs of the second article's body sentences not in the first.
    pub dropped: Vec<Sentences>,
    /// Words of the first article not in the second, outside `added`
    /// (changed or inserted words in sentences the two share).
    pub changed_words: usize,
    /// Words in `added`.
    pub added_words: usize,
    /// Words in `dropped`.
    pub dropped_words: usize,
    /// Body words of the first and of the second.
    pub words: (usize, usize),
    /// Of those, furniture: words outside the other at the start or end of
    /// the body ([`FURNITURE`] at most at each end).
    pub furniture: (usize, usize),
    /// Words of the longest run in `added`, and in `dropped`: a paragraph
    /// one outlet cut or added.
    pub longest: (usize, usize),
}

impl Likeness {
    /// Share of the first inside the second and the reverse, furniture
    /// aside.
    pub fn core(&self) -> (f64, f64) {
        let core = |share: f64, words: usize, furniture: usize| {
            let rest = words.saturating_sub(furniture);
            if rest == 0 {
                0.0
            } else {
                (share * words as f64 / rest as f64).min(1.0)
            }
        };
        (
            core(self.x_in_y, self.words.0, self.furniture.0),
            core(self.y_in_x, self.words.1, self.furniture.1),
        )
    }

    /// Whether the two are reprints of one text: furniture aside, at least
    /// [`NEAR`] of each inside the other once one paragraph cut, added or
    /// replaced is forgiven, and at least [`MIN_CORE`] without forgiving
    /// it.
    pub fn near(&self) -> bool {
        let (x, y) = self.core();
        let forgiven = |core: f64, words: usize, furniture: usize, longest: usize| {
            let rest = words.saturating_sub(furniture).max(1) as f64;
            core >= MIN_CORE && core + longest as f64 / rest >= NEAR
        };
        forgiven(x, self.words.0, self.furniture.0, self.longest.0)
            && forgiven(y, self.words.1, self.furniture.1, self.longest.1)
    }

    /// Whether the two have the same body, word for word (case aside).
    pub fn same(&self) -> bool {
        self.added.is_empty() && self.dropped.is_empty() && self.changed_words == 0
    }
}

/// One member of a family other than its representative, with its
/// differences from the representative.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The article.
    pub article: usize,
    /// The member (as `x`) against the representative (as `y`).
    pub likeness: Likeness,
}

/// A family of reprints.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// The member aligned for the whole family: the longest.
    pub representative: usize,
    /// The other members, in the order given.
    pub members: Vec<Member>,
}

impl Family {
    /// Every article of the family, the representative first.
    pub fn articles(&self) -> impl Iterator<Item = usize> + '_ {
        std::iter::once(self.representative).chain(self.members.iter().map(|m| m.article))
    }

    /// Number of articles in the family.
    pub fn size(&self) -> usize {
        1 + self.members.len()
    }
}

/// The families of a corpus.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Families {
    /// Families of two articles or more, largest first (then by their
    /// representative's index).
    pub families: Vec<Family>,
    /// For each article, its family (an index into `families`), or `None`
    /// when it has no reprint.
    pub of: Vec<Option<usize>>,
}

impl Families {
    /// No families: every article stands for itself.
    pub fn none(n: usize) -> Families {
        Families {
            families: Vec::new(),
            of: vec![None; n],
        }
    }

    /// The article aligned for `x`: its family's representative, or itself.
    pub fn unit(&self, x: usize) -> usize {
        self.of
            .get(x)
            .copied()
            .flatten()
            .map_or(x, |f| self.families[f].representative)
    }

    /// Whether `x` stands for itself or its family: a representative or an
    /// article without reprints.
    pub fn is_unit(&self, x: usize) -> bool {
        self.unit(x) == x
    }

    /// The articles ranked: representatives and articles without reprints,
    /// in the order given.
    pub fn units(&self) -> Vec<usize> {
        (0..self.of.len()).filter(|&x| self.is_unit(x)).collect()
    }

    /// The family `x` belongs to, if any.
    pub fn family_of(&self, x: usize) -> Option<&Family> {
        self.of.get(x).copied().flatten().map(|f| &self.families[f])
    }

    /// How many articles `x` stands for: its family's size when it is a
    /// representative, else 1.
    pub fn size(&self, x: usize) -> usize {
        match self.family_of(x) {
            Some(f) if f.representative == x => f.size(),
            _ => 1,
        }
    }

    /// The articles `unit` stands for, itself first (itself alone when it
    /// is not a representative).
    pub fn stands_for(&self, unit: usize) -> Vec<usize> {
        match self.family_of(unit) {
            Some(f) if f.representative == unit => f.articles().collect(),
            _ => vec![unit],
        }
    }

    /// Number of articles in families, representatives included.
    pub fn in_families(&self) -> usize {
        self.families.iter().map(Family::size).sum()
    }
}

/// An article's body as shingles.
struct Shingles {
    /// Hash of each shingle, in reading order (`words - SHINGLE + 1` of
    /// them, or one for a body shorter than a shingle).
    seq: Vec<u64>,
    /// Body word positions: the article's word index of each body word.
    words: Vec<u32>,
}

fn word_hash(w: &str) -> u64 {
    let mut h = FxHasher::default();
    for c in w.chars() {
        // Case and the apostrophe's shape are typesetting, not text.
        let c = if c == '\u{2019}' { '\'' } else { c };
        if c.is_ascii() {
            h.write_u8(c.to_ascii_lowercase() as u8);
        } else {
            for l in c.to_lowercase() {
                h.write_u32(l as u32);
            }
        }
    }
    h.finish()
}

fn shingles(art: &Article) -> Shingles {
    let mut words = Vec::new();
    let mut hashes = Vec::new();
    for s in art.sentences.iter().filter(|s| s.role.compared()) {
        for w in s.words {
            words.push(w as u32);
            hashes.push(word_hash(art.word_text(w)));
        }
    }
    let seq = if hashes.is_empty() {
        Vec::new()
    } else {
        hashes
            .windows(SHINGLE.min(hashes.len()))
            .map(|win| {
                let mut h = FxHasher::default();
                win.hash(&mut h);
                mix(h.finish())
            })
            .collect()
    };
    Shingles { seq, words }
}

/// A finalizer (splitmix64's) so that the smallest hashes are a fair sample.
fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn sorted_set(seq: &[u64]) -> Vec<u64> {
    let mut s = seq.to_vec();
    s.sort_unstable();
    s.dedup();
    s
}

fn sketch(seq: &[u64]) -> Vec<u64> {
    // The smallest few, then sorted and distinct: no need to sort them all.
    let mut s = seq.to_vec();
    let room = 4 * SKETCH;
    if s.len() > room {
        s.select_nth_unstable(room);
        s.truncate(room);
    }
    s.sort_unstable();
    s.dedup();
    s.truncate(SKETCH);
    s
}

/// Which of `x`'s body words are inside a text with shingle set `other`.
fn covered(x: &Shingles, other: &[u64]) -> Vec<bool> {
    let n = x.words.len();
    let mut cov = vec![false; n];
    let k = SHINGLE.min(n);
    for (i, h) in x.seq.iter().enumerate() {
        if other.binary_search(h).is_ok() {
            cov[i..i + k].iter_mut().for_each(|c| *c = true);
        }
    }
    cov
}

/// Sentence runs with too little inside, the words outside them that are
/// not inside, the words in those runs, and the words of the longest run.
fn differences(art: &Article, x: &Shingles, cov: &[bool]) -> (Vec<Sentences>, usize, usize, usize) {
    // Per body sentence: words, words inside.
    let mut per: Vec<(usize, usize, usize)> = Vec::new(); // (sentence, words, inside)
    for (&w, &c) in x.words.iter().zip(cov) {
        let s = art.words[w as usize].sentence();
        match per.last_mut() {
            Some(last) if last.0 == s => {
                last.1 += 1;
                last.2 += usize::from(c);
            }
            _ => per.push((s, 1, usize::from(c))),
        }
    }
    let mut runs: Vec<(Sentences, usize)> = Vec::new();
    let (mut changed, mut gone) = (0, 0);
    for &(s, n, inside) in &per {
        if (inside as f64) < SENTENCE_INSIDE * n as f64 {
            gone += n;
            match runs.last_mut() {
                // Runs of consecutive body sentences.
                Some((r, w)) if r.end == s => {
                    r.end = s + 1;
                    *w += n;
                }
                _ => runs.push((Sentences::new(s, s + 1), n)),
            }
        } else {
            changed += n - inside;
        }
    }
    let longest = runs.iter().map(|r| r.1).max().unwrap_or(0);
    (
        runs.into_iter().map(|r| r.0).collect(),
        changed,
        gone,
        longest,
    )
}

/// Uncovered words at the two ends of a body, at most [`FURNITURE`] each.
fn furniture(cov: &[bool]) -> usize {
    let lead = cov.iter().take_while(|&&c| !c).count();
    if lead == cov.len() {
        return 0;
    }
    let tail = cov.iter().rev().take_while(|&&c| !c).count();
    lead.min(FURNITURE) + tail.min(FURNITURE)
}

fn share(cov: &[bool]) -> f64 {
    if cov.is_empty() {
        return 0.0;
    }
    cov.iter().filter(|&&c| c).count() as f64 / cov.len() as f64
}

fn likeness_of(ax: &Article, x: &Shingles, ay: &Article, y: &Shingles) -> Likeness {
    let (sx, sy) = (sorted_set(&x.seq), sorted_set(&y.seq));
    likeness_sets(ax, x, &sx, ay, y, &sy)
}

fn likeness_sets(
    ax: &Article,
    x: &Shingles,
    sx: &[u64],
    ay: &Article,
    y: &Shingles,
    sy: &[u64],
) -> Likeness {
    let (cx, cy) = (covered(x, sy), covered(y, sx));
    let (added, changed_words, added_words, longest_added) = differences(ax, x, &cx);
    let (dropped, _, dropped_words, longest_dropped) = differences(ay, y, &cy);
    Likeness {
        x_in_y: share(&cx),
        y_in_x: share(&cy),
        added,
        dropped,
        changed_words,
        added_words,
        dropped_words,
        words: (cx.len(), cy.len()),
        furniture: (furniture(&cx), furniture(&cy)),
        longest: (longest_added, longest_dropped),
    }
}

/// How `x` differs from `y` (any two articles, computed now): the exact
/// test families are made by. Cheap next to an alignment: it hashes the two
/// bodies once.
pub fn likeness(arts: &[Article], x: usize, y: usize) -> Likeness {
    likeness_of(&arts[x], &shingles(&arts[x]), &arts[y], &shingles(&arts[y]))
}

/// A member's text of its own: the runs of its sentences not in the
/// representative, but for an outlet's furniture (at most [`FURNITURE`]
/// words of whole sentences at the start or end of the body). A reprint that added a
/// paragraph taken from elsewhere holds reuse its representative does not,
/// so the ranking aligns such a member on its own where that paragraph may
/// come from (`corpus::rank_with`).
pub fn own_text(art: &Article, m: &Member) -> Vec<Sentences> {
    let body: Vec<usize> = (0..art.sentences.len())
        .filter(|&s| art.sentences[s].role.compared())
        .collect();
    let (Some(&first), Some(&last)) = (body.first(), body.last()) else {
        return Vec::new();
    };
    let words = |s: usize| art.sentences[s].words.len();
    m.likeness
        .added
        .iter()
        .filter_map(|r| {
            let mut r = *r;
            // Peel an outlet's lines off the ends of the body: up to
            // FURNITURE words of whole sentences (`Reprinted by …` before a
            // paragraph of its own, `(c) … Distributed by …` after one).
            if r.start <= first {
                let mut peeled = 0;
                while r.start < r.end && peeled + words(r.start) <= FURNITURE {
                    peeled += words(r.start);
                    r.start += 1;
                }
            }
            if r.end > last {
                let mut peeled = 0;
                while r.start < r.end && peeled + words(r.end - 1) <= FURNITURE {
                    peeled += words(r.end - 1);
                    r.end -= 1;
                }
            }
            (!r.is_empty()).then_some(r)
        })
        .collect()
}

/// Every pair of a family's articles with how the first differs from the
/// second (`(x, y, likeness)`, `x < y`), each article hashed once.
pub fn within(arts: &[Article], family: &Family) -> Vec<(usize, usize, Likeness)> {
    let mut members: Vec<usize> = family.articles().collect();
    members.sort_unstable();
    let hashed: Vec<(Shingles, Vec<u64>)> = members
        .par_iter()
        .map(|&x| {
            let s = shingles(&arts[x]);
            let set = sorted_set(&s.seq);
            (s, set)
        })
        .collect();
    let pairs: Vec<(usize, usize)> = (0..members.len())
        .flat_map(|i| (i + 1..members.len()).map(move |j| (i, j)))
        .collect();
    pairs
        .par_iter()
        .map(|&(i, j)| {
            let ((sx, setx), (sy, sety)) = (&hashed[i], &hashed[j]);
            let (x, y) = (members[i], members[j]);
            (x, y, likeness_sets(&arts[x], sx, setx, &arts[y], sy, sety))
        })
        .collect()
}

/// Group `arts` into families of reprints.
pub fn families(arts: &[Article]) -> Families {
    let all: Vec<usize> = (0..arts.len()).collect();
    families_among(arts, &all)
}

/// Group the articles `among` (indices into `arts`) into families; the
/// others stand alone.
pub fn families_among(arts: &[Article], among: &[usize]) -> Families {
    let n = arts.len();
    // Longest first, so a family's first article, its leader, is its longest.
    let mut order: Vec<(usize, usize)> = among
        .par_iter()
        .map(|&x| (arts[x].body_words(), x))
        .filter(|&(w, _)| w >= MIN_WORDS)
        .collect();
    order.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)));
    let sketches: Vec<Vec<u64>> = order
        .par_iter()
        .map(|&(_, x)| sketch(&shingles(&arts[x]).seq))
        .collect();
    // Components of the near-identity graph (positions in `order`), and an
    // index from sketch hash to articles, a few per component at the time
    // they were added: a family of three hundred reprints is a few
    // postings, so long postings are stock phrases of unrelated articles.
    let mut parent: Vec<u32> = (0..order.len() as u32).collect();
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut hashed: Hashed = FxHashMap::default();
    let mut count: FxHashMap<u32, u32> = FxHashMap::default();
    for (pos, &(words, x)) in order.iter().enumerate() {
        let pos = pos as u32;
        count.clear();
        for h in &sketches[pos as usize] {
            if let Some(p) = index.get(h)
                && p.len() <= MAX_POSTINGS
            {
                for &o in p {
                    *count.entry(o).or_default() += 1;
                }
            }
        }
        let mut cands: Vec<(u32, u32)> = count
            .iter()
            .filter(|&(_, &c)| c >= MIN_SKETCH_SHARED)
            .map(|(&o, &c)| (c, o))
            .collect();
        cands.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)));
        let mut tests = 0;
        for &(_, o) in &cands {
            if tests == MAX_TESTS {
                break;
            }
            // Already in its component (through an earlier test).
            if find(&mut parent, o) == find(&mut parent, pos) {
                continue;
            }
            let (owords, ox) = order[o as usize];
            // Fewer words than MIN_CORE of the other's (less furniture)
            // cannot hold MIN_CORE of it.
            if ((words + 2 * FURNITURE) as f64) < MIN_CORE * owords as f64 {
                continue;
            }
            tests += 1;
            for y in [x, ox] {
                hashed.entry(y).or_insert_with(|| {
                    let s = shingles(&arts[y]);
                    let set = sorted_set(&s.seq);
                    (s, set)
                });
            }
            let ((sx, setx), (so, seto)) = (&hashed[&x], &hashed[&ox]);
            if likeness_sets(&arts[x], sx, setx, &arts[ox], so, seto).near() {
                let (rx, ro) = (find(&mut parent, pos), find(&mut parent, o));
                // The elder root stays root.
                parent[rx.max(ro) as usize] = rx.min(ro);
            }
        }
        let root = find(&mut parent, pos);
        for h in &sketches[pos as usize] {
            let p = index.entry(*h).or_default();
            if p.iter().filter(|&&o| find(&mut parent, o) == root).count() < PER_GROUP {
                p.push(pos);
            }
        }
    }
    let mut groups: FxHashMap<u32, Vec<usize>> = FxHashMap::default();
    for pos in 0..order.len() as u32 {
        let root = find(&mut parent, pos);
        groups.entry(root).or_default().push(order[pos as usize].1);
    }
    let mut groups: Vec<Vec<usize>> = groups.into_values().filter(|g| g.len() > 1).collect();
    // Deterministic whatever the map's order: by the first (longest) member.
    groups.sort_unstable_by_key(|g| g[0]);
    let mut families: Vec<Family> = groups
        .par_iter()
        .map(|g| typical(arts, g, &hashed))
        .collect();
    families.sort_by(|f, g| {
        g.size()
            .cmp(&f.size())
            .then(f.representative.cmp(&g.representative))
    });
    let mut of = vec![None; n];
    for (k, f) in families.iter().enumerate() {
        for x in f.articles() {
            of[x] = Some(k);
        }
    }
    Families { families, of }
}

/// Shingles and their sorted set, of the articles tested, by article.
type Hashed = FxHashMap<usize, (Shingles, Vec<u64>)>;

/// The root of `x`'s component, halving the path on the way.
fn find(parent: &mut [u32], mut x: u32) -> u32 {
    while parent[x as usize] != x {
        let up = parent[parent[x as usize] as usize];
        parent[x as usize] = up;
        x = up;
    }
    x
}

/// The family of `group` (its longest member first) represented by its most
/// typical member, each other member against it. `hashed` holds every
/// member's shingles (each was tested).
fn typical(arts: &[Article], group: &[usize], hashed: &Hashed) -> Family {
    let get = |x: usize| {
        hashed
            .get(&x)
            .expect("every member of a group was hashed for its test")
    };
    // The family's common text: the shingles most sampled members hold.
    let sample = &group[..group.len().min(TYPICAL_SAMPLE)];
    let mut count: FxHashMap<u64, u32> = FxHashMap::default();
    for &x in sample {
        for &h in &get(x).1 {
            *count.entry(h).or_default() += 1;
        }
    }
    let major = |h: &u64| count.get(h).is_some_and(|&c| 2 * c as usize > sample.len());
    // Typical: holding the most of the common text and the least else.
    let score = |x: usize| {
        let set = &get(x).1;
        let held = set.iter().filter(|h| major(h)).count() as i64;
        2 * held - set.len() as i64
    };
    // The best score; on a tie the longest, then the first given.
    let best = (0..sample.len())
        .max_by(|&i, &j| score(sample[i]).cmp(&score(sample[j])).then(j.cmp(&i)))
        .unwrap_or(0);
    let rep = group[best];
    let (sr, setr) = get(rep);
    let mut members: Vec<Member> = group
        .iter()
        .filter(|&&x| x != rep)
        .map(|&x| {
            let (sx, setx) = get(x);
            Member {
                article: x,
                likeness: likeness_sets(&arts[x], sx, setx, &arts[rep], sr, setr),
            }
        })
        .collect();
    members.sort_by_key(|m| m.article);
    Family {
        representative: rep,
        members,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(path: &str, text: &str) -> Article {
        Article::parse(path, text.as_bytes().to_vec())
    }

    const STORY: &str = "The council voted on Tuesday to close the old harbour bridge to lorries \
        after engineers found cracks in two of its steel girders.\n\n\
        Repairs are expected to take eight months and cost about four million pounds, \
        the council's transport committee said in a statement.\n\n\
        Local businesses on the north bank warned that the detour would add forty minutes \
        to deliveries and asked for a temporary ferry service.\n\n\
        The bridge, opened in 1932, carries about twelve thousand vehicles a day and was \
        last strengthened in the late 1980s.\n\n\
        Councillors will meet the regional transport authority next week to discuss \
        funding for a replacement crossing further upstream.";

    #[test]
    fn a_reprint_with_a_byline_and_a_changed_word_joins_the_original() {
        let reprint =
            format!("By Jane Roe, Valley Herald\n\n{}", STORY).replace("warned that", "said that");
        let arts = vec![
            art("orig.txt", STORY),
            art(
                "other.txt",
                "A different story entirely, about a football club that won the cup final on penalties after a goalless draw in heavy rain at the national stadium, watched by ninety thousand fans who sang until midnight.",
            ),
            art("reprint.txt", &reprint),
        ];
        let f = families(&arts);
        assert_eq!(f.families.len(), 1, "{f:?}");
        let fam = &f.families[0];
        assert_eq!(fam.size(), 2);
        assert_eq!(f.unit(0), f.unit(2));
        assert_eq!(f.unit(1), 1);
        let m = &fam.members[0];
        assert!(m.likeness.near());
        assert!(m.likeness.changed_words >= 1, "{m:?}");
        assert_eq!(f.units().len(), 2);
        assert_eq!(f.size(fam.representative), 2);
    }

    #[test]
    fn the_most_typical_member_represents_the_family() {
        let longer = format!(
            "{STORY}\n\nThe ferry operator said it could start a service within a fortnight if the council asked it to."
        );
        let byline = format!("By Jane Roe, Valley Herald\n\n{STORY}");
        let arts = vec![
            art("longer.txt", &longer),
            art("orig.txt", STORY),
            art("byline.txt", &byline),
        ];
        let f = families(&arts);
        assert_eq!(f.families.len(), 1);
        // Not the longest: the one with nothing the others lack.
        assert_eq!(f.families[0].representative, 1);
        let m = &f.families[0].members[0];
        assert_eq!(m.article, 0);
        // The longer one has a last paragraph of its own.
        assert_eq!(m.likeness.added.len(), 1);
        assert!(m.likeness.dropped.is_empty());
        assert_eq!(m.likeness.y_in_x, 1.0);
        // It is text of its own, unlike the byline of the other.
        assert_eq!(own_text(&arts[0], m).len(), 1);
        let b = &f.families[0].members[1];
        assert_eq!(b.article, 2);
        assert!(own_text(&arts[2], b).is_empty(), "{b:?}");
    }

    #[test]
    fn a_passage_of_a_longer_text_is_not_a_reprint() {
        let first = STORY.split("\n\n").take(2).collect::<Vec<_>>().join("\n\n");
        let arts = vec![art("orig.txt", STORY), art("part.txt", &first)];
        let f = families(&arts);
        assert!(f.families.is_empty(), "{f:?}");
        let l = likeness(&arts, 1, 0);
        assert_eq!(l.x_in_y, 1.0);
        assert!(l.y_in_x < 0.5);
        assert!(!l.near());
    }

    #[test]
    fn identical_bodies_are_the_same() {
        let arts = vec![art("a.txt", STORY), art("b.txt", STORY)];
        let l = likeness(&arts, 0, 1);
        assert!(l.same() && l.near());
        let f = families(&arts);
        // On a tie the first given represents.
        assert_eq!(f.families[0].representative, 0);
        assert_eq!(f.stands_for(0), vec![0, 1]);
        assert_eq!(f.stands_for(1), vec![1]);
    }

    #[test]
    fn short_articles_stay_alone() {
        let arts = vec![
            art("a.txt", "Smith resigned."),
            art("b.txt", "Smith resigned."),
        ];
        assert!(families(&arts).families.is_empty());
    }
}
