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
//! 3. **Leaders.** Articles are taken longest first; each joins the first
//!    family whose representative shares enough of its sketch and passes the
//!    exact test below, or else starts a family of its own and is its
//!    representative. So a family's representative is its longest member
//!    (most body words; the first given on a tie): the one that holds
//!    whatever any reprint cut.
//! 4. **The exact test.** A word of one article is *inside* the other when a
//!    shingle covering it is one of the other's shingles: a changed word
//!    costs that word only, a cut paragraph its words. Two articles are
//!    near-identical when at least [`NEAR`] of each is inside the other.
//!
//! Every member is near-identical to its representative (not necessarily to
//! every other member). A member's differences from the representative —
//! sentences added, sentences dropped, words changed — come from the same
//! test ([`Member`]).

use std::hash::{Hash, Hasher};
use std::ops::Range;

use rayon::prelude::*;
use rustc_hash::{FxHashMap, FxHasher};

use crate::article::Article;

/// Words in a shingle: long enough that unrelated texts seldom share one
/// (a common four-word phrase covers a few words, not a tenth of a text),
/// short enough that a changed word leaves its neighbours covered.
pub const SHINGLE: usize = 4;
/// Share of each article that must be inside the other for the two to be
/// reprints of one text.
pub const NEAR: f64 = 0.9;
/// Hashes in an article's sketch.
const SKETCH: usize = 32;
/// Sketch hashes two articles must share to be tested exactly. Reprints
/// sharing nine tenths of their words share well over half their shingles,
/// so about 20 of 32 sketch hashes; unrelated articles share none.
const MIN_SKETCH_SHARED: u32 = 8;
/// A sketch hash held by more representatives than this is a stock phrase
/// of the corpus: it is skipped when looking for families (reprints share
/// many others).
const MAX_POSTINGS: usize = 64;
/// Families tested exactly per article, the best sketch matches first.
const MAX_TESTS: usize = 4;
/// Articles with fewer body words than this stay on their own: a headline
/// and two lines are cheap to align and too short to call reprints.
pub const MIN_WORDS: usize = 25;
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
    pub added: Vec<Range<usize>>,
    /// Runs of the second article's body sentences not in the first.
    pub dropped: Vec<Range<usize>>,
    /// Words of the first article not in the second, outside `added`
    /// (changed or inserted words in sentences the two share).
    pub changed_words: usize,
    /// Words in `added`.
    pub added_words: usize,
    /// Words in `dropped`.
    pub dropped_words: usize,
}

impl Likeness {
    /// Whether the two are reprints of one text: at least [`NEAR`] of each
    /// inside the other.
    pub fn near(&self) -> bool {
        self.x_in_y >= NEAR && self.y_in_x >= NEAR
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
        for w in s.words.clone() {
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
    let mut s = sorted_set(seq);
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

/// Sentence runs with too little inside, and the words outside them that
/// are not inside.
fn differences(art: &Article, x: &Shingles, cov: &[bool]) -> (Vec<Range<usize>>, usize, usize) {
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
    let mut runs: Vec<Range<usize>> = Vec::new();
    let (mut changed, mut gone) = (0, 0);
    for &(s, n, inside) in &per {
        if (inside as f64) < SENTENCE_INSIDE * n as f64 {
            gone += n;
            match runs.last_mut() {
                // Runs of consecutive body sentences.
                Some(r) if r.end == s => r.end = s + 1,
                _ => runs.push(s..s + 1),
            }
        } else {
            changed += n - inside;
        }
    }
    (runs, changed, gone)
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
    let (added, changed_words, added_words) = differences(ax, x, &cx);
    let (dropped, _, dropped_words) = differences(ay, y, &cy);
    Likeness {
        x_in_y: share(&cx),
        y_in_x: share(&cy),
        added,
        dropped,
        changed_words,
        added_words,
        dropped_words,
    }
}

/// How `x` differs from `y` (any two articles, computed now): the exact
/// test families are made by. Cheap next to an alignment: it hashes the two
/// bodies once.
pub fn likeness(arts: &[Article], x: usize, y: usize) -> Likeness {
    likeness_of(&arts[x], &shingles(&arts[x]), &arts[y], &shingles(&arts[y]))
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
    // Leaders (family representatives) by sketch hash.
    let mut index: FxHashMap<u64, Vec<u32>> = FxHashMap::default();
    let mut leaders: Vec<usize> = Vec::new(); // positions in `order`
    let mut members: Vec<Vec<Member>> = Vec::new(); // per leader
    // Shingles of the leaders tested so far, kept for the next reprint.
    let mut leader_sets: FxHashMap<usize, (Shingles, Vec<u64>)> = FxHashMap::default();
    let mut count: FxHashMap<u32, u32> = FxHashMap::default();
    for (pos, &(words, x)) in order.iter().enumerate() {
        count.clear();
        for h in &sketches[pos] {
            if let Some(p) = index.get(h)
                && p.len() <= MAX_POSTINGS
            {
                for &l in p {
                    *count.entry(l).or_default() += 1;
                }
            }
        }
        let mut cands: Vec<(u32, u32)> = count
            .iter()
            .filter(|&(_, &c)| c >= MIN_SKETCH_SHARED)
            .map(|(&l, &c)| (c, l))
            .collect();
        cands.sort_unstable_by(|p, q| q.0.cmp(&p.0).then(p.1.cmp(&q.1)));
        let mut joined = false;
        let mut mine: Option<(Shingles, Vec<u64>)> = None;
        for &(_, l) in cands.iter().take(MAX_TESTS) {
            let (lwords, lx) = order[leaders[l as usize]];
            // Fewer words than NEAR of the leader's cannot hold NEAR of it.
            if (words as f64) < NEAR * lwords as f64 * 0.95 {
                continue;
            }
            let (sx, setx) = mine.get_or_insert_with(|| {
                let s = shingles(&arts[x]);
                let set = sorted_set(&s.seq);
                (s, set)
            });
            let (sl, setl) = leader_sets.entry(lx).or_insert_with(|| {
                let s = shingles(&arts[lx]);
                let set = sorted_set(&s.seq);
                (s, set)
            });
            let like = likeness_sets(&arts[x], sx, setx, &arts[lx], sl, setl);
            if like.near() {
                members[l as usize].push(Member {
                    article: x,
                    likeness: like,
                });
                joined = true;
                break;
            }
        }
        if !joined {
            let l = leaders.len() as u32;
            leaders.push(pos);
            members.push(Vec::new());
            for &h in &sketches[pos] {
                index.entry(h).or_default().push(l);
            }
        }
    }
    let mut families: Vec<Family> = leaders
        .iter()
        .zip(members)
        .filter(|(_, m)| !m.is_empty())
        .map(|(&pos, mut m)| {
            m.sort_by_key(|m| m.article);
            Family {
                representative: order[pos].1,
                members: m,
            }
        })
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
        let reprint = format!("By Jane Roe, Valley Herald\n\n{}", STORY)
            .replace("warned that", "said that");
        let arts = vec![
            art("orig.txt", STORY),
            art("other.txt", "A different story entirely, about a football club that won the cup final on penalties after a goalless draw in heavy rain at the national stadium, watched by ninety thousand fans who sang until midnight."),
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
    fn the_longest_member_represents_the_family() {
        let longer = format!(
            "{STORY}\n\nA ferry could start within a fortnight."
        );
        let arts = vec![art("orig.txt", STORY), art("longer.txt", &longer)];
        let f = families(&arts);
        assert_eq!(f.families.len(), 1);
        assert_eq!(f.families[0].representative, 1);
        let m = &f.families[0].members[0];
        assert_eq!(m.article, 0);
        // The shorter lacks the representative's last paragraph.
        assert_eq!(m.likeness.dropped.len(), 1);
        assert!(m.likeness.added.is_empty());
        assert_eq!(m.likeness.x_in_y, 1.0);
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
        let arts = vec![art("a.txt", "Smith resigned."), art("b.txt", "Smith resigned.")];
        assert!(families(&arts).families.is_empty());
    }
}
