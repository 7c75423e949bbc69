//! Finding links: candidates, beads, the order-preserving backbone, moves.
//!
//! Evidence is graded. A *strong* bead — enough shared rare words, a name or
//! number among them, a Dice of 0.3 or more — may anchor the alignment; a weak
//! one may only fill a gap between anchors, where its position corroborates
//! it. Anchors themselves need company: a lone, middling match between two
//! articles is more often the same fact reported twice than a reuse.

use std::borrow::Cow;
// Fx hashing: keys are small integers and slices of them, never input an
// attacker chooses to collide (ids are assigned by the tokenizer).
use rustc_hash::FxHashMap as HashMap;
use std::ops::Range;

use super::tokens::{Token, Tokenizer};
use super::{Kind, Link, Options};
use super::{synonyms, words};
use crate::article::{Article, Role};

/// Bead shapes (A sentences, B sentences): 1:1 links, merges and splits.
const SHAPES: &[(usize, usize)] = &[(1, 1), (2, 1), (1, 2), (3, 1), (1, 3)];

/// A synonym in place of a word counts for this share of the word's weight:
/// WordNet's synonyms are near in meaning, not the same word, and a stem's
/// senses are many.
const SYNONYM_WEIGHT: f64 = 0.6;
/// Stems in more sentences than this (of both sides) get no synonyms.
const MAX_SYNONYM_DF: u32 = RARE_POSTINGS as u32;
/// Synonyms are looked for only between passages that already share this
/// Dice in the same words (a paraphrase keeps some of its source's words),
/// and below `SOLO_DICE`, where the same words alone already settle the
/// match: the search is the costliest step of scoring.
const MIN_EXACT_DICE: f64 = 0.1;
/// Weighted Dice below which two passages cannot anchor a link: paraphrase
/// keeps about a third of the rare-word mass or more.
const MIN_DICE: f64 = 0.30;
/// Inside a gap of the backbone — both sides between the same two anchors —
/// position corroborates content, and a weaker match is accepted.
const MIN_DICE_GAP: f64 = 0.20;
/// Where a gap between two anchors holds at most `TIGHT_GAP` free sentences
/// on each side — a gap a passage bridges anyway — its sentences are placed
/// by position as much as by content (as sentence aligners pair sentences
/// between two fixed points by length alone): half the share of a wider
/// gap's filler is enough, though not fewer shared words than an anchor
/// holds (`MIN_SHARED_WORDS`): position stands in for the proportion, not
/// for the words themselves.
const MIN_DICE_TIGHT: f64 = 0.5 * MIN_DICE_GAP;
/// Free sentences a side of a tight gap holds at most: what a passage may
/// step over (`MAX_PASSAGE_GAP`).
const TIGHT_GAP: usize = super::MAX_PASSAGE_GAP;
/// Weak matches this many in a row (each within `RUN_GAP` sentences of the
/// last on both sides) anchor a passage between them…
const MIN_RUN: usize = 3;
const RUN_GAP: usize = 2;
/// …when their pooled Dice reaches this: more than one anchor needs, as
/// articles on one subject often follow the same order (lead, figures,
/// quotes) and share its words.
const MIN_RUN_DICE: f64 = 0.36;
/// How far before the first anchor or after the last one a gap reaches.
const EDGE_GAP: usize = 3 * EXTEND_REACH;
/// A weak match extends a run of links only this many unlinked sentences
/// away from it on both sides (seeding and extension, as in the PAN 2014
/// winner): the gap a reuse passage may hold, so that a match taken for its
/// place next to a passage is part of that passage.
const EXTEND_REACH: usize = super::MAX_PASSAGE_GAP;
/// Fewer shared content words than this is coincidence for an anchor…
const MIN_SHARED_WORDS: usize = 3;
/// …and for a gap filler.
const MIN_SHARED_WORDS_GAP: usize = 2;
/// An anchor sharing no name or number needs this many shared content words:
/// stock phrases (`did not respond to a request for comment`) are common to
/// independent reports, while reuse keeps who and what.
const MIN_SHARED_GENERIC: usize = 5;
/// Dice at which two passages are the same text for every practical purpose.
const NEAR_IDENTICAL: f64 = 0.9;
/// A near-identical sentence this long anchors on its own, whatever its words.
const NEAR_IDENTICAL_WORDS: usize = 6;
/// An anchor below this Dice needs another anchor near it…
const SOLO_DICE: f64 = 0.5;
/// …within this many sentences on both sides…
const SUPPORT_WINDOW: usize = 4;
/// …unless it reaches this Dice and shows the wording as well as the topic:
/// at least `LONE_NAMES` shared names or numbers, `MIN_SHARED_GENERIC`
/// shared content words, and `LONE_WORDING` of them that are not names kept
/// in the same order. A summary lifts one sentence here and another far
/// away, so its links seldom support each other; two reports of one story
/// share its names and topic words, but rarely an ordinary phrase's words
/// in order around them. (Measured with `scripts/devsets/run-all.sh`:
/// pan13-summary passages plagdet 0.642 → 0.675, pan13-random 0.865 → 0.866,
/// the other sets unchanged, no false alarm added. Three words in order gave
/// 0.696 but let two independent reports of one fact link: `to perform a
/// duet at this month's Grammy Awards … third husband` and `appeared at the
/// Grammy awards … singing a duet with her third husband`.)
const LONE_DICE: f64 = 0.4;
/// See `LONE_DICE`.
const LONE_NAMES: usize = 2;
/// See `LONE_DICE`.
const LONE_WORDING: usize = 4;
/// Headlines are short and share the story's key words by nature: two of
/// them link only when most of their words agree.
const MIN_DICE_TITLE: f64 = 0.5;
/// A sentence joins a merged or split bead only if this share of its own
/// rare-word mass is found on the other side…
const MIN_MEMBER_COVER: f64 = 0.30;
/// …and at least this share of the best cover any single sentence gives it:
/// a sentence goes with the passage that explains it best.
const MEMBER_BEST_SHARE: f64 = 0.6;
/// A pair of sentences below this Dice is not the seed of a merge or split.
const MIN_PART_DICE: f64 = 0.12;
/// A sentence whose rare-word mass is covered this well by its partner has
/// nothing left for a third sentence to explain.
const FULL_COVER: f64 = 0.85;
/// A cover of every content word (less rounding: the two sums add the same
/// weights in the same order, but leave room).
const WHOLE: f64 = 1.0 - 1e-9;
/// How many of a sentence's best candidates may seed a merge or split.
const GROUP_SEEDS: usize = 3;
/// Each extra sentence in a bead costs this share of its value: groupings must
/// earn their size, so identical text aligns 1:1.
const SIZE_PENALTY: f64 = 0.06;
/// Most sentences on one side of a bead shape in `SHAPES`.
const MAX_SHAPE: usize = 3;
/// A widest merge (one sentence against `MAX_SHAPE`) grows, one sentence
/// at a time, while each new member brings its own evidence: a text that
/// lost its sentence marks (a list run together, a re-extracted page, words
/// shuffled across full stops) holds many of the other side's sentences in
/// one. Past this many it is left as it is: a limit on the cost.
const MAX_GROWN: usize = 24;
/// A 1:1 link is copied rather than reworded when the shorter side (usually
/// the copy) keeps this share of its content words in the other's order…
const COPIED_CONTENT_HI: f64 = 0.70;
/// …the longer side keeps at least this share (condensing is rewording)…
const COPIED_CONTENT_LO: f64 = 0.45;
/// …and one side keeps this share of all its words, function words included:
/// a sentence rebuilt around the same names (`Never in my life have I seen…`
/// for `I have never seen…`) keeps its content words but not its phrasing.
const COPIED_WORDS: f64 = 0.6;
/// A link is copied, whatever its shape, when each side keeps this share
/// of the other's letters and digits in order: OCR slips, hyphenation and
/// words run together cost a few letters, while a reworded sentence (or a
/// merge that adds a clause) loses many more.
const COPIED_LETTERS: f64 = 0.9;
/// Stems in more A sentences than this are skipped when proposing candidates
/// (they still count in scores): on long inputs they would make the index
/// quadratic while saying little about which sentence is the source.
const MAX_POSTINGS: usize = 200;
/// Stems in at most this many A sentences always propose candidates…
const RARE_POSTINGS: usize = 48;
/// …and so do a sentence's rarest few, however common.
const RAREST_STEMS: usize = 4;
/// From this many sentences of B on, candidates are looked up in parallel…
const PARALLEL_UNITS: usize = 1024;
/// …from this many beads on, they are scored in parallel…
const PARALLEL_BEADS: usize = 4096;
/// …and from this many links on, their word diffs are made in parallel.
const PARALLEL_LINKS: usize = 64;
/// Moved blocks are found one chain at a time; past this many the rest of a
/// shuffled text is left unlinked rather than searched indefinitely.
const MAX_MOVED_BLOCKS: usize = 512;

/// One compared sentence, as the aligner sees it (not the view's `Unit`).
struct Compared {
    sentence: usize,
    /// A headline: compared with headlines only.
    title: bool,
    /// Sorted, distinct content stems.
    set: Vec<u32>,
    /// Content stems in text order (for the in-order share).
    seq: Vec<u32>,
    /// Sorted stems of names and numbers (capitalised inside the sentence, or
    /// holding a digit).
    specific: Vec<u32>,
    /// Normalized ids of every word (for the word diff).
    norms: Vec<u32>,
    /// Weighted mass of `set` (see `Prepared::weigh`).
    mass: f64,
    first_word: usize,
    /// Whether the next unit is the next sentence (so the two can be grouped).
    joins_next: bool,
}

/// An article's compared sentences, tokenized once for all its pairings
/// (not the view's `Side`, which is a pane).
struct Prepared<'a> {
    art: &'a Article,
    units: Vec<Compared>,
}

impl<'a> Prepared<'a> {
    fn new(art: &'a Article, tok: &mut Tokenizer) -> Prepared<'a> {
        let mut units: Vec<Compared> = Vec::new();
        for (i, s) in art.sentences.iter().enumerate() {
            let title = s.role == Role::Title;
            if !(s.role.compared() || title) || s.words.is_empty() {
                continue;
            }
            let toks: Vec<Token> = s
                .words
                .clone()
                .map(|w| tok.token(art.word_text(w)))
                .collect();
            let seq: Vec<u32> = toks.iter().filter(|t| t.content).map(|t| t.stem).collect();
            let mut specific: Vec<u32> = s
                .words
                .clone()
                .zip(&toks)
                .enumerate()
                .filter(|&(k, (w, t))| {
                    let text = art.word_text(w);
                    t.content
                        && (text.chars().any(|c| c.is_ascii_digit())
                            || (k > 0 && text.chars().next().is_some_and(char::is_uppercase)))
                })
                .map(|(_, (_, t))| t.stem)
                .collect();
            specific.sort_unstable();
            specific.dedup();
            let mut set = seq.clone();
            set.sort_unstable();
            set.dedup();
            if let Some(prev) = units.last_mut() {
                prev.joins_next = prev.sentence + 1 == i && !prev.title && !title;
            }
            units.push(Compared {
                sentence: i,
                title,
                set,
                seq,
                specific,
                norms: toks.iter().map(|t| t.norm).collect(),
                mass: 0.0,
                first_word: s.words.start,
                joins_next: false,
            });
        }
        Prepared { art, units }
    }

    /// Set each unit's mass, once for all the beads it is in.
    fn weigh(&mut self, sc: &Scorer) {
        for u in &mut self.units {
            u.mass = sc.mass(&u.set);
        }
    }

    /// Whether units `u..u + n` are consecutive sentences.
    fn groupable(&self, u: usize, n: usize) -> bool {
        u + n <= self.units.len() && (u..u + n - 1).all(|k| self.units[k].joins_next)
    }
}

/// A candidate grouping: A units `a..a + na` against B units `b..b + nb`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bead {
    a: usize,
    na: usize,
    b: usize,
    nb: usize,
    dice: f64,
    /// Weighted mass of the shared stems.
    shared: f64,
    /// Weighted mass of both sides.
    mass: f64,
    /// Number of shared content stems, and of shared names and numbers.
    count: usize,
    names: usize,
    /// Words on the shorter side.
    words: usize,
    /// Two sentences without content words, repeated word for word.
    bare: bool,
    /// Two headlines.
    title: bool,
}

impl Bead {
    fn a_end(&self) -> usize {
        self.a + self.na
    }
    fn b_end(&self) -> usize {
        self.b + self.nb
    }
    fn key(&self) -> (usize, usize, usize, usize) {
        (self.b, self.a, self.nb, self.na)
    }
    /// Worth of the bead in a chain whose entry threshold is `min_dice`:
    /// positive exactly when its Dice is above the threshold, growing with
    /// the text it covers, and discounted for each extra sentence.
    fn value(&self, min_dice: f64) -> f64 {
        // Past the widest shape, a grown grouping pays no more: each member
        // it holds has already shown its own evidence.
        let size = (self.na + self.nb - 2).min(MAX_SHAPE - 1) as f64;
        (2.0 * self.shared - min_dice * self.mass) * (1.0 - SIZE_PENALTY * size)
    }
    /// Whether the bead may anchor the alignment by its content alone.
    fn strong(&self) -> bool {
        if self.bare {
            return false;
        }
        if self.title {
            return self.dice >= MIN_DICE_TITLE;
        }
        let identical = self.dice >= NEAR_IDENTICAL && self.words >= NEAR_IDENTICAL_WORDS;
        identical
            || (self.dice >= MIN_DICE
                && self.count >= MIN_SHARED_WORDS
                && (self.count >= MIN_SHARED_GENERIC || self.names > 0))
    }
    /// Whether the bead may fill a gap between anchors, a tight one or not
    /// (see `MIN_DICE_TIGHT`).
    fn fills(&self, tight: bool) -> bool {
        if self.title {
            return false;
        }
        self.bare
            || self.dice >= NEAR_IDENTICAL
            || (self.dice >= MIN_DICE_GAP && self.count >= MIN_SHARED_WORDS_GAP)
            || (tight && self.dice >= MIN_DICE_TIGHT && self.count >= MIN_SHARED_WORDS)
    }
    /// Whether the bead may fill a gap between anchors.
    fn fills_gap(&self) -> bool {
        self.fills(false)
    }
    /// Sentences between the two beads on side A and side B (0 when adjacent).
    fn distance(&self, o: &Bead) -> (usize, usize) {
        let gap = |s0: usize, e0: usize, s1: usize, e1: usize| {
            s1.saturating_sub(e0).max(s0.saturating_sub(e1))
        };
        (
            gap(self.a, self.a_end(), o.a, o.a_end()),
            gap(self.b, self.b_end(), o.b, o.b_end()),
        )
    }
}

struct Scorer {
    idf: Vec<f64>,
    /// Number of sentences (of both sides) each stem is in.
    df: Vec<u32>,
    /// For each stem id, the stems of the pair that WordNet calls its
    /// synonyms (sorted; empty for most).
    syn: Vec<Box<[u32]>>,
    /// Words of the two-bits-per-stem scratch `synonyms` needs (see
    /// `SCRATCH`).
    scratch_words: usize,
}

thread_local! {
    /// Two bits per stem id (in x, in y) for `Scorer::synonyms`, all clear
    /// between calls: one per thread, as beads are scored in parallel.
    static SCRATCH: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Scorer {
    fn weight(&self, t: u32) -> f64 {
        self.idf.get(t as usize).copied().unwrap_or(0.0)
    }

    fn mass(&self, set: &[u32]) -> f64 {
        set.iter().map(|&t| self.weight(t)).sum()
    }

    /// Weighted mass and count of the stems two sorted sets share exactly.
    fn shared_exact(&self, x: &[u32], y: &[u32]) -> (f64, usize) {
        let (mut m, mut n) = (0.0, 0);
        for_shared(x, y, |t| {
            m += self.weight(t);
            n += 1;
        });
        (m, n)
    }

    /// Mass and count of synonym pairs between the stems of `x` and `y`
    /// that the other set does not hold itself, each stem used once.
    fn synonyms(&self, x: &[u32], y: &[u32]) -> (f64, usize) {
        SCRATCH.with_borrow_mut(|bits| {
            if bits.len() < self.scratch_words {
                bits.resize(self.scratch_words, 0);
            }
            self.synonyms_with(x, y, bits)
        })
    }

    /// `synonyms` with `bits`, a clear scratch of `scratch_words` words or
    /// more, left clear.
    fn synonyms_with(&self, x: &[u32], y: &[u32], bits: &mut [u64]) -> (f64, usize) {
        let (mut m, mut n) = (0.0, 0);
        // Most sets hold no stem with synonyms at all: then there is nothing
        // to mark.
        let related = |t: u32| self.syn.get(t as usize).is_some_and(|r| !r.is_empty());
        if !x.iter().any(|&t| related(t)) {
            return (m, n);
        }
        let mut taken: Vec<u32> = Vec::new();
        // Membership in `x` and `y` by bit (set here, cleared on the way
        // out): each synonym is one lookup, not two binary searches.
        let bit = |t: u32| (t as usize / 32, 1u64 << (2 * (t % 32)));
        for &t in x {
            let (w, b) = bit(t);
            bits[w] |= b;
        }
        for &u in y {
            let (w, b) = bit(u);
            bits[w] |= b << 1;
        }
        let in_x = |bits: &[u64], t: u32| {
            let (w, b) = bit(t);
            bits[w] & b != 0
        };
        let in_y = |bits: &[u64], t: u32| {
            let (w, b) = bit(t);
            bits[w] & (b << 1) != 0
        };
        for &t in x {
            let Some(rel) = self.syn.get(t as usize).filter(|r| !r.is_empty()) else {
                continue;
            };
            if in_y(bits, t) {
                continue;
            }
            let hit = rel
                .iter()
                .copied()
                .find(|&u| in_y(bits, u) && !in_x(bits, u) && !taken.contains(&u));
            if let Some(u) = hit {
                taken.push(u);
                m += SYNONYM_WEIGHT * self.weight(t).min(self.weight(u));
                n += 1;
            }
        }
        for &t in x.iter().chain(y) {
            bits[t as usize / 32] = 0;
        }
        (m, n)
    }
}

/// The related stems of each stem id in the pair, from WordNet.
fn synonym_table(tok: &Tokenizer, sa: &Prepared, sb: &Prepared, sc: &Scorer) -> Vec<Box<[u32]>> {
    // A word found in many sentences says little about which is the source
    // (as in `candidates`), and would make the search cost grow with the
    // square of the text: such words get no synonyms.
    let rare = |t: u32| sc.df.get(t as usize).is_some_and(|&d| d <= MAX_SYNONYM_DF);
    // Each side's stems, sorted and distinct: marked by id, then read in
    // id order (ids are dense), not gathered and sorted.
    let ids = tok.id_count();
    let marks = |sides: &[&Prepared]| -> Vec<bool> {
        let mut seen = vec![false; ids];
        for u in sides.iter().flat_map(|side| &side.units) {
            for &t in &u.set {
                seen[t as usize] = true;
            }
        }
        seen
    };
    let listed =
        |seen: &[bool]| -> Vec<u32> { (0..ids as u32).filter(|&t| seen[t as usize]).collect() };
    let (va, vb) = (listed(&marks(&[sa])), listed(&marks(&[sb])));
    let mut present = listed(&marks(&[sa, sb]));
    // A synonym can only stand in for a word on the other side.
    let other_side = |t: u32, u: u32| {
        (va.binary_search(&t).is_ok() && vb.binary_search(&u).is_ok())
            || (vb.binary_search(&t).is_ok() && va.binary_search(&u).is_ok())
    };
    present.retain(|&t| rare(t));
    let entries: Vec<(u32, Option<u32>)> = present
        .iter()
        .map(|&t| (t, synonyms::entry(tok.stem_text(t))))
        .collect();
    let by_entry: HashMap<u32, u32> = entries
        .iter()
        .filter_map(|&(t, e)| e.map(|e| (e, t)))
        .collect();
    let mut out: Vec<Box<[u32]>> = vec![Box::default(); tok.id_count()];
    for (t, e) in entries {
        let Some(e) = e else { continue };
        let mut rel: Vec<u32> = synonyms::related(e)
            .filter_map(|r| by_entry.get(&r).copied())
            .filter(|&r| r != t && other_side(t, r))
            .collect();
        if !rel.is_empty() {
            rel.sort_unstable();
            out[t as usize] = rel.into_boxed_slice();
        }
    }
    out
}

/// Call `f` for each element two sorted, distinct sequences share.
fn for_shared(x: &[u32], y: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// The sorted union of one field (sorted and distinct in each unit) of a
/// run of units; a single unit's own set is borrowed, as most beads are 1:1.
fn union<'u>(units: &'u [Compared], field: impl Fn(&'u Compared) -> &'u [u32]) -> Cow<'u, [u32]> {
    let (first, rest) = match units {
        [one] => return Cow::Borrowed(field(one)),
        [first, rest @ ..] => (field(first), rest),
        [] => return Cow::Borrowed(&[]),
    };
    // Merged one unit at a time: the sets are sorted already.
    let mut v: Vec<u32> = Vec::new();
    let mut next: Vec<u32> = Vec::new();
    for (k, u) in rest.iter().enumerate() {
        let so_far = if k == 0 { first } else { &v };
        merge_union(so_far, field(u), &mut next);
        std::mem::swap(&mut v, &mut next);
    }
    Cow::Owned(v)
}

/// Set `out` to the union of two sorted, distinct sequences (sorted and
/// distinct).
fn merge_union(x: &[u32], y: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.resize(x.len() + y.len(), 0);
    let (mut i, mut j, mut k) = (0, 0, 0);
    // Without a branch on which side is less: the two interleave at random.
    while i < x.len() && j < y.len() {
        let (p, q) = (x[i], y[j]);
        out[k] = p.min(q);
        i += usize::from(p <= q);
        j += usize::from(q <= p);
        k += 1;
    }
    let (rest_x, rest_y) = (&x[i..], &y[j..]);
    out[k..k + rest_x.len()].copy_from_slice(rest_x);
    k += rest_x.len();
    out[k..k + rest_y.len()].copy_from_slice(rest_y);
    out.truncate(k + rest_y.len());
}

/// Align `b` against `a` in this order (the caller handles symmetry), with
/// `tok`'s stems (its ids are renumbered for this pair: see
/// [`Tokenizer::start_local`]).
pub(super) fn align_ordered(
    a: &Article,
    b: &Article,
    opts: &Options,
    tok: &mut Tokenizer,
) -> (Vec<Link>, Vec<String>) {
    tok.start_local();
    let mut sa = Prepared::new(a, tok);
    let mut sb = Prepared::new(b, tok);
    let mut scorer = idf(&sa, &sb);
    sa.weigh(&scorer);
    sb.weigh(&scorer);
    if opts.evidence.synonyms {
        scorer.syn = synonym_table(tok, &sa, &sb, &scorer);
        scorer.scratch_words = tok.id_count() / 32 + 1;
    }
    tok.end_local();
    let beads = beads(&sa, &sb, &scorer, opts);
    let worded = |bead: &Bead| wording_kept(&sa, &sb, bead, opts) >= LONE_WORDING;
    let (chain, moved, capped) = choose(
        &beads,
        sa.units.len(),
        sb.units.len(),
        opts.evidence.runs,
        &worded,
    );
    let mut notes = Vec::new();
    if capped {
        notes.push(format!(
            "stopped looking for moved passages after {MAX_MOVED_BLOCKS} blocks; \
             some text that moved may show as dropped and new"
        ));
    }
    // Each link's kind and word diff are its own: many links are made on
    // all cores (rayon), a few on this thread (the pool costs more to wake
    // than they take).
    let chosen: Vec<(Bead, bool)> = chain
        .iter()
        .map(|&i| (beads[i], false))
        .chain(moved.iter().map(|&i| (beads[i], true)))
        .collect();
    let made: Vec<(Link, bool)> = if chosen.len() >= PARALLEL_LINKS {
        use rayon::prelude::*;
        chosen
            .par_iter()
            .with_min_len(PARALLEL_LINKS / 2)
            .map(|&(bead, moved)| make_link(&sa, &sb, bead, moved, opts))
            .collect()
    } else {
        chosen
            .iter()
            .map(|&(bead, moved)| make_link(&sa, &sb, bead, moved, opts))
            .collect()
    };
    let late = made.iter().filter(|(_, exact)| !exact).count();
    let mut links: Vec<Link> = made.into_iter().map(|(link, _)| link).collect();
    if late > 0 {
        notes.push(format!(
            "{late} link{} longer than {} words: {} changed words are marked coarsely",
            if late == 1 { "" } else { "s" },
            opts.diff_words,
            if late == 1 { "its" } else { "their" }
        ));
    }
    links.sort_by_key(|l| (l.b.start, l.a.start));
    (links, notes)
}

/// How many content words that are not names or numbers the bead's two
/// sides share in the same order: the wording around the names, which two
/// independent reports of one story seldom share.
fn wording_kept(sa: &Prepared, sb: &Prepared, bead: &Bead, opts: &Options) -> usize {
    let plain = |us: &[Compared]| -> Vec<u32> {
        us.iter()
            .flat_map(|u| {
                u.seq
                    .iter()
                    .copied()
                    .filter(|t| u.specific.binary_search(t).is_err())
            })
            .collect()
    };
    words::common_in_order(
        &plain(&sa.units[bead.a..bead.a_end()]),
        &plain(&sb.units[bead.b..bead.b_end()]),
        opts.diff_words,
    )
}

/// Inverse document frequency of each stem over the sentences of both sides.
fn idf(sa: &Prepared, sb: &Prepared) -> Scorer {
    let mut df: HashMap<u32, usize> = HashMap::default();
    for u in sa.units.iter().chain(&sb.units) {
        for &t in &u.set {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = (sa.units.len() + sb.units.len()).max(1) as f64;
    let max_id = df.keys().copied().max().map_or(0, |m| m as usize + 1);
    let mut idf = vec![0.0; max_id];
    let mut dfs = vec![0u32; max_id];
    for (t, d) in df {
        idf[t as usize] = (1.0 + n / d as f64).ln();
        dfs[t as usize] = u32::try_from(d).unwrap_or(u32::MAX);
    }
    Scorer {
        idf,
        df: dfs,
        syn: Vec::new(),
        scratch_words: 0,
    }
}

/// For each sentence of B, the few sentences of A worth scoring against it.
fn candidates(
    sa: &Prepared,
    sb: &Prepared,
    sc: &Scorer,
    opts: &Options,
) -> Vec<(usize, usize, bool)> {
    let postings = Postings::new(sa, sc.idf.len());
    // A sentences by their stems, for sentences repeated word for word (see
    // `repeats` below).
    let mut same: HashMap<&[u32], Vec<usize>> = HashMap::default();
    for (ua, u) in sa.units.iter().enumerate() {
        if !u.set.is_empty() {
            same.entry(u.set.as_slice()).or_default().push(ua);
        }
    }
    let mut repeats: Vec<usize> = Vec::with_capacity(opts.candidates);
    // The A units proposed for the last B unit that got any (its repeats
    // first), and that unit.
    let mut last: Vec<usize> = Vec::new();
    let mut last_ub = 0;
    // Each sentence of B looks up its own: many on all cores (rayon), each
    // worker with its own accumulators; the lists are joined in B's order.
    let scratch = || Scratch {
        acc: vec![0.0f64; sa.units.len()],
        touched: Vec::new(),
        keys: Vec::new(),
        by_dice: Vec::with_capacity(opts.candidates.saturating_add(1)),
        by_mass: Vec::with_capacity(3),
    };
    let lookup = |s: &mut Scratch, (ub, u): (usize, &Compared)| {
        candidates_of(sa, sc, opts, &postings, s, ub, u)
    };
    let lists: Vec<Vec<(usize, usize, bool)>> = if sb.units.len() >= PARALLEL_UNITS {
        use rayon::prelude::*;
        sb.units
            .par_iter()
            .enumerate()
            .with_min_len(PARALLEL_UNITS / 4)
            .map_init(scratch, lookup)
            .collect()
    } else {
        let mut s = scratch();
        sb.units
            .iter()
            .enumerate()
            .map(|x| lookup(&mut s, x))
            .collect()
    };
    // A sentence that A repeats word for word (a refrain, a boilerplate
    // line, a text pasted twice) ties with every copy of itself, and the caps
    // of `candidates_of` keep the first few copies only, or none when it is
    // too common to look up. Its copies in A are proposed as well, up to the
    // same cap: first those on the diagonal of the copies proposed for the
    // last sentence of B that got any (as far past them as this sentence is
    // past it: a repeated run continues in order, as copying keeps order),
    // then the first ones in A. So an article compared with itself finds
    // every sentence's own position, whatever it repeats, and the cost stays
    // linear. One pass in B's order, as each sentence continues the last.
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for ((ub, u), mut cands) in sb.units.iter().enumerate().zip(lists) {
        repeats.clear();
        if let Some(copies) = same.get(u.set.as_slice()) {
            let shift = ub - last_ub;
            let continued = last
                .iter()
                .map(|&ua| ua + shift)
                .filter(|&ua| ua < sa.units.len() && sa.units[ua].set == u.set);
            for ua in continued.chain(copies.iter().copied()) {
                if repeats.len() == opts.candidates {
                    break;
                }
                if sa.units[ua].title == u.title && !repeats.contains(&ua) {
                    repeats.push(ua);
                }
            }
        }
        if !repeats.is_empty() {
            cands.extend(repeats.iter().map(|&ua| (ua, ub, false)));
            cands.sort_unstable_by_key(|&(ua, _, seed)| (ua, !seed));
            cands.dedup_by_key(|c| c.0);
            // The repeats first, in their order: the next sentences'
            // diagonal (here and for the sentences without content words in
            // `beads`) starts from them.
            cands.sort_by_key(|c| repeats.iter().position(|&r| r == c.0).unwrap_or(usize::MAX));
        }
        if !cands.is_empty() {
            last.clear();
            last.extend(cands.iter().map(|c| c.0));
            last_ub = ub;
        }
        out.extend(cands);
    }
    out
}

/// The A units that hold each stem, in A's order: one list per stem id, laid
/// end to end (a lookup is an index, not a hash, and the lists are one
/// allocation, not one each).
struct Postings {
    /// Where each stem's list starts in `units`; one more entry than ids.
    start: Vec<usize>,
    units: Vec<usize>,
}

impl Postings {
    /// The postings of `sa`'s stems, for ids below `ids`.
    fn new(sa: &Prepared, ids: usize) -> Postings {
        let mut start = vec![0usize; ids + 1];
        for u in &sa.units {
            for &t in &u.set {
                start[t as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut next = start.clone();
        let mut units = vec![0usize; start[ids]];
        for (ua, u) in sa.units.iter().enumerate() {
            for &t in &u.set {
                units[next[t as usize]] = ua;
                next[t as usize] += 1;
            }
        }
        Postings { start, units }
    }

    /// The A units holding `t` (none for a stem of B only).
    fn of(&self, t: u32) -> &[usize] {
        let t = t as usize;
        match (self.start.get(t), self.start.get(t + 1)) {
            (Some(&s), Some(&e)) => &self.units[s..e],
            _ => &[],
        }
    }
}

/// A worker's accumulators for `candidates_of`.
struct Scratch {
    /// The mass each A sentence shares so far (all zero between calls).
    acc: Vec<f64>,
    /// The A sentences touched.
    touched: Vec<usize>,
    /// The stems looked up, with their number of postings.
    keys: Vec<(usize, u32)>,
    /// The best A sentences so far by Dice estimate and by shared mass (see
    /// `rank_key`).
    by_dice: Vec<u128>,
    by_mass: Vec<u128>,
}

/// The candidates of B's sentence `ub` (see `candidates`).
fn candidates_of(
    sa: &Prepared,
    sc: &Scorer,
    opts: &Options,
    postings: &Postings,
    s: &mut Scratch,
    ub: usize,
    u: &Compared,
) -> Vec<(usize, usize, bool)> {
    let Scratch {
        acc,
        touched,
        keys,
        by_dice,
        by_mass,
    } = s;
    // Look up through the rarer stems: all those in few sentences, and at
    // least the few rarest, so that a sentence of common words still
    // finds its partner.
    keys.clear();
    keys.extend(
        u.set
            .iter()
            .map(|&t| (postings.of(t).len(), t))
            .filter(|&(n, _)| 0 < n && n <= MAX_POSTINGS),
    );
    keys.sort_unstable();
    let rare = keys
        .iter()
        .enumerate()
        .take_while(|&(k, &(n, _))| k < RAREST_STEMS || n <= RARE_POSTINGS)
        .count();
    for &(_, t) in &keys[..rare] {
        let w = sc.weight(t);
        for &ua in postings.of(t) {
            if sa.units[ua].title != u.title {
                continue;
            }
            if acc[ua] == 0.0 {
                touched.push(ua);
            }
            acc[ua] += w;
        }
    }
    // Best candidates by a Dice estimate (short sentences compete fairly
    // with long ones), plus the two sharing the most mass outright (the
    // parts of a merge each share much with B but are each only a part).
    let wb = u.mass;
    by_dice.clear();
    by_mass.clear();
    for &ua in touched.iter() {
        let dice = 2.0 * acc[ua] / (sa.units[ua].mass + wb).max(f64::MIN_POSITIVE);
        offer(by_dice, opts.candidates, rank_key(dice, ua));
        offer(by_mass, 2, rank_key(acc[ua], ua));
        acc[ua] = 0.0;
    }
    touched.clear();
    // (A unit, B unit, whether the pair may seed a merge or split): the
    // best few by Dice and the best by mass; the rest only pair 1:1.
    let unit = |key: u128| key as u64 as usize;
    let mut cands: Vec<(usize, usize, bool)> = by_dice
        .iter()
        .enumerate()
        .map(|(rank, &key)| (unit(key), ub, rank < GROUP_SEEDS))
        .chain(by_mass.iter().map(|&key| (unit(key), ub, true)))
        .collect();
    cands.sort_unstable_by_key(|&(ua, _, seed)| (ua, !seed));
    cands.dedup_by_key(|c| c.0);
    cands
}

/// A key that ranks (`value`, `unit`) pairs by `value` from the highest
/// down (in `f64::total_cmp`'s order), then by `unit` from the lowest up:
/// one integer comparison where the candidates are many.
fn rank_key(value: f64, unit: usize) -> u128 {
    // `total_cmp`'s own mapping of the bits to an ordered integer, turned
    // into an unsigned one (sign bit flipped) and inverted (highest first).
    let bits = value.to_bits() as i64;
    let ordered = bits ^ (((bits >> 63) as u64) >> 1) as i64;
    let descending = !((ordered as u64) ^ (1 << 63));
    (u128::from(descending) << 64) | unit as u128
}

/// Offer `x` to `best`, the (at most) `k` least keys offered so far, kept
/// sorted: one comparison with the last turns most away, where keeping every
/// offer to select from would cost a list as long as the thousands of
/// sentences a common word touches.
#[inline]
fn offer(best: &mut Vec<u128>, k: usize, x: u128) {
    if best.len() >= k && best.last().is_none_or(|&last| x >= last) {
        return;
    }
    let at = best.partition_point(|&y| y < x);
    if best.len() >= k {
        best.pop();
    }
    best.insert(at, x);
}

/// A bead's placement (A start, A sentences, B start, B sentences) as one
/// integer that sorts as the tuple does, for sorting hundreds of thousands
/// of them: starts take 48 bits (no text holds 2^48 sentences), counts 16
/// (a bead holds at most `MAX_GROWN`).
struct Placement;

impl Placement {
    fn pack(a: usize, na: usize, b: usize, nb: usize) -> u128 {
        // 48 bits of sentence index (far beyond any text under the 8 MiB
        // limit) and 16 of group size (at most `MAX_GROWN`).
        debug_assert!(a < 1 << 48 && b < 1 << 48 && na < 1 << 16 && nb < 1 << 16);
        ((a as u128) << 80) | ((na as u128) << 64) | ((b as u128) << 16) | nb as u128
    }

    fn unpack(key: u128) -> (usize, usize, usize, usize) {
        let field = |shift: u32, bits: u32| ((key >> shift) & ((1u128 << bits) - 1)) as usize;
        (field(80, 48), field(64, 16), field(16, 48), field(0, 16))
    }
}

/// Score every bead around every candidate sentence pair.
fn beads(sa: &Prepared, sb: &Prepared, sc: &Scorer, opts: &Options) -> Vec<Bead> {
    let pairs = candidates(sa, sb, sc, opts);
    // How well the best single sentence on the other side covers each one.
    let mut best_a = vec![0.0f64; sa.units.len()];
    let mut best_b = vec![0.0f64; sb.units.len()];
    let covers: Vec<(f64, f64, f64)> = pairs
        .iter()
        .map(|&(ua, ub, _)| {
            let (x, y) = (&sa.units[ua], &sb.units[ub]);
            // Exact stems only: this ranks candidates found by exact stems.
            let (m, _) = sc.shared_exact(&x.set, &y.set);
            let (wx, wy) = (x.mass, y.mass);
            let cover = (m / wx.max(f64::MIN_POSITIVE), m / wy.max(f64::MIN_POSITIVE));
            best_a[ua] = best_a[ua].max(cover.0);
            best_b[ub] = best_b[ub].max(cover.1);
            let dice = 2.0 * m / (wx + wy).max(f64::MIN_POSITIVE);
            (cover.0, cover.1, dice)
        })
        .collect();
    let ctx = BeadContext {
        sa,
        sb,
        sc,
        best_a: &best_a,
        best_b: &best_b,
    };
    // Every placement of every shape around every candidate pair, each once.
    let mut keys: Vec<u128> = Vec::with_capacity(pairs.len() * 4);
    for (&(ua, ub, seed), &(cover_a, cover_b, dice)) in pairs.iter().zip(&covers) {
        for &(na, nb) in SHAPES {
            // A grouping is only worth scoring around a pair that already
            // matches in part, and a sentence that the other side covers well
            // enough to be a member: half of a two-sentence merge alone
            // scores a Dice near 2/3 of the whole.
            // And adding sentences on one side only helps where the other
            // side still has content this pair does not explain.
            // Nor is a sentence whose content words one sentence of the
            // other side holds all of a merge of several: it is that one's
            // copy (or a cut of it). Where sentences repeat, a merge of two
            // can hold exactly the words of a third, in another order.
            let grouped = na + nb > 2;
            if grouped
                && (!seed
                    || dice < MIN_PART_DICE
                    || (na > 1
                        && (cover_a < MIN_MEMBER_COVER
                            || cover_b >= FULL_COVER
                            || best_b[ub] >= WHOLE))
                    || (nb > 1
                        && (cover_b < MIN_MEMBER_COVER
                            || cover_a >= FULL_COVER
                            || best_a[ua] >= WHOLE)))
            {
                continue;
            }
            for a0 in ua.saturating_sub(na - 1)..=ua {
                for b0 in ub.saturating_sub(nb - 1)..=ub {
                    if sa.groupable(a0, na) && sb.groupable(b0, nb) {
                        keys.push(Placement::pack(a0, na, b0, nb));
                    }
                }
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    // Each bead is scored on its own: many on all cores (rayon), in order.
    let score = |&key: &u128| {
        let (a0, na, b0, nb) = Placement::unpack(key);
        ctx.score(a0, na, b0, nb)
    };
    let mut out: Vec<Bead> = if keys.len() >= PARALLEL_BEADS {
        use rayon::prelude::*;
        keys.par_iter()
            .with_min_len(PARALLEL_BEADS / 4)
            .filter_map(score)
            .collect()
    } else {
        keys.iter().filter_map(score).collect()
    };
    let grown: Vec<Bead> = out.iter().filter_map(|bead| ctx.grow(bead)).collect();
    out.extend(grown);
    // Sentences without a content word (`There is.`, `No, no, no.`) have no
    // stems to be found by; when repeated word for word they are paired here,
    // as beads that only a gap between anchors can take. Such a sentence may
    // come back hundreds of times (a dialogue's `No.`): each one of B is
    // paired with the copies of A where the sentence before it points (the
    // next copy at or after each candidate of the previous sentence of B,
    // one past it, in the order `candidates` gives: repeats first), then
    // with the first copies, up to the candidate cap, so that the pairs
    // stay linear in the text.
    let mut bare: HashMap<&[u32], Vec<usize>> = HashMap::default();
    for (ua, u) in sa.units.iter().enumerate() {
        if u.set.is_empty() && !u.title {
            bare.entry(u.norms.as_slice()).or_default().push(ua);
        }
    }
    let mut next_pair = 0;
    let mut prev: Vec<usize> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for (ub, u) in sb.units.iter().enumerate() {
        cur.clear();
        while next_pair < pairs.len() && pairs[next_pair].1 == ub {
            cur.push(pairs[next_pair].0);
            next_pair += 1;
        }
        let copies = match bare.get(u.norms.as_slice()) {
            Some(c) if u.set.is_empty() && !u.title => c.as_slice(),
            _ => {
                std::mem::swap(&mut prev, &mut cur);
                continue;
            }
        };
        let after = |j: usize| copies.get(copies.partition_point(|&c| c < j)).copied();
        for ua in prev
            .iter()
            .filter_map(|&j| after(j + 1))
            .chain(copies.iter().copied())
        {
            if cur.len() == opts.candidates {
                break;
            }
            if !cur.contains(&ua) {
                cur.push(ua);
            }
        }
        let words = u.norms.len();
        out.extend(cur.iter().map(|&ua| Bead {
            a: ua,
            na: 1,
            b: ub,
            nb: 1,
            dice: 1.0,
            shared: words as f64,
            mass: 2.0 * words as f64,
            count: 0,
            names: 0,
            words,
            bare: true,
            title: false,
        }));
        std::mem::swap(&mut prev, &mut cur);
    }
    out
}

struct BeadContext<'s, 'a> {
    sa: &'s Prepared<'a>,
    sb: &'s Prepared<'a>,
    sc: &'s Scorer,
    best_a: &'s [f64],
    best_b: &'s [f64],
}

impl BeadContext<'_, '_> {
    /// The widest merge or split grown from `bead` (one sentence against
    /// `MAX_SHAPE`) by the neighbours of its many side that each fit it,
    /// or None when none does.
    fn grow(&self, bead: &Bead) -> Option<Bead> {
        let many_a = bead.na == MAX_SHAPE && bead.nb == 1;
        if !(many_a || (bead.nb == MAX_SHAPE && bead.na == 1)) {
            return None;
        }
        let side = if many_a { self.sa } else { self.sb };
        let try_span = |start: usize, n: usize| -> Option<Bead> {
            if !side.groupable(start, n) {
                return None;
            }
            if many_a {
                self.score(start, n, bead.b, 1)
            } else {
                self.score(bead.a, 1, start, n)
            }
            .filter(|g| g.dice >= MIN_DICE_GAP)
        };
        let (mut start, mut n) = if many_a {
            (bead.a, bead.na)
        } else {
            (bead.b, bead.nb)
        };
        let mut best: Option<Bead> = None;
        while n < MAX_GROWN {
            let next = try_span(start, n + 1).map(|g| (g, start)).or_else(|| {
                let s0 = start.checked_sub(1)?;
                try_span(s0, n + 1).map(|g| (g, s0))
            });
            match next {
                Some((g, s0)) => {
                    start = s0;
                    n += 1;
                    best = Some(g);
                }
                None => break,
            }
        }
        best
    }

    fn score(&self, a: usize, na: usize, b: usize, nb: usize) -> Option<Bead> {
        let sc = self.sc;
        let ua = &self.sa.units[a..a + na];
        let ub = &self.sb.units[b..b + nb];
        // Every member of a grouping must bring its own evidence, and must not
        // be explained much better by some other single sentence.
        let fits = |u: &Compared, other: &[u32], best: f64| {
            let m = u.mass;
            let cover = sc.shared_exact(&u.set, other).0 / m.max(f64::MIN_POSITIVE);
            m > 0.0 && cover >= MIN_MEMBER_COVER && cover >= MEMBER_BEST_SHARE * best
        };
        let a_fit =
            |other: &[u32]| (a..a + na).all(|k| fits(&self.sa.units[k], other, self.best_a[k]));
        let b_fit =
            |other: &[u32]| (b..b + nb).all(|k| fits(&self.sb.units[k], other, self.best_b[k]));
        // Against a single sentence that is known before any union is made,
        // and it rules out most merges and splits: the sentences next to a
        // pair seldom share its words.
        let early = match (na, nb) {
            (1, 1) => true,
            (_, 1) => a_fit(&ub[0].set),
            (1, _) => b_fit(&ua[0].set),
            _ => true,
        };
        if !early {
            return None;
        }
        let (set_a, set_b) = (union(ua, |u| &u.set), union(ub, |u| &u.set));
        let (exact, exact_count) = sc.shared_exact(&set_a, &set_b);
        // A single unit's mass is its own, summed once.
        let mass = |us: &[Compared], set: &[u32]| match us {
            [one] => one.mass,
            _ => sc.mass(set),
        };
        let (wa, wb) = (mass(ua, &set_a), mass(ub, &set_b));
        // Synonyms can add at most their discount on what is left unmatched:
        // most candidate pairs fall short even so, and are not looked at.
        let reach = SYNONYM_WEIGHT * (wa - exact).min(wb - exact).max(0.0);
        if 2.0 * (exact + reach) < MIN_DICE_TIGHT * (wa + wb) {
            return None;
        }
        let exact_dice = 2.0 * exact / (wa + wb).max(f64::MIN_POSITIVE);
        let (shared, count) =
            if sc.syn.is_empty() || !(MIN_EXACT_DICE..SOLO_DICE).contains(&exact_dice) {
                (exact, exact_count)
            } else {
                let (m, n) = sc.synonyms(&set_a, &set_b);
                (exact + m, exact_count + n)
            };
        let dice = 2.0 * shared / (wa + wb).max(f64::MIN_POSITIVE);
        if dice < MIN_DICE_TIGHT || count == 0 {
            return None;
        }
        // The members of a grouping, against the union of the other side
        // (the side checked early again: only groupings that got this far
        // pay for it, and the rule stays whole in one place).
        if na + nb > 2 && !(a_fit(&set_b) && b_fit(&set_a)) {
            return None;
        }
        let names = {
            let mut n = 0;
            for_shared(
                &union(ua, |u| &u.specific),
                &union(ub, |u| &u.specific),
                |_| n += 1,
            );
            n
        };
        let words = |us: &[Compared]| us.iter().map(|u| u.norms.len()).sum::<usize>();
        Some(Bead {
            a,
            na,
            b,
            nb,
            dice,
            shared,
            mass: wa + wb,
            count,
            names,
            words: words(ua).min(words(ub)),
            bare: false,
            title: ua[0].title,
        })
    }
}

/// Fenwick tree of prefix maxima of (chain value, bead index).
struct MaxTree(Vec<(f64, usize)>);

impl MaxTree {
    const NONE: (f64, usize) = (0.0, usize::MAX);

    fn new(n: usize) -> Self {
        MaxTree(vec![Self::NONE; n + 1])
    }

    fn better(x: (f64, usize), y: (f64, usize)) -> bool {
        x.0 > y.0 || (x.0 == y.0 && x.1 < y.1)
    }

    /// Record `v` at position `i` (0-based).
    fn insert(&mut self, i: usize, v: (f64, usize)) {
        let mut k = i + 1;
        while k < self.0.len() {
            if Self::better(v, self.0[k]) {
                self.0[k] = v;
            }
            k += k & k.wrapping_neg();
        }
    }

    /// Best value at positions `0..=i`.
    fn query(&self, i: usize) -> (f64, usize) {
        let mut k = (i + 1).min(self.0.len() - 1);
        let mut best = Self::NONE;
        while k > 0 {
            if Self::better(self.0[k], best) {
                best = self.0[k];
            }
            k -= k & k.wrapping_neg();
        }
        best
    }
}

/// The heaviest order-preserving chain of non-overlapping beads, valued at
/// threshold `min_dice`. `by_start` lists the candidates sorted by
/// `Bead::key`, `by_end` the same ones sorted by B end. Returns indices into
/// `beads`, in order.
fn heaviest_chain(
    beads: &[Bead],
    by_start: &[usize],
    by_end: &[usize],
    min_dice: f64,
    n_a: usize,
) -> Vec<usize> {
    // Positions in the tree are A end offsets 0..=n_a; a bead may follow any
    // bead whose A end is <= its A start and whose B end is <= its B start.
    let mut tree = MaxTree::new(n_a + 1);
    let mut best: HashMap<usize, (f64, usize)> =
        HashMap::with_capacity_and_hasher(by_start.len(), Default::default());
    let mut e = 0;
    let mut top: Option<usize> = None;
    for &i in by_start {
        let bead = beads[i];
        while e < by_end.len() && beads[by_end[e]].b_end() <= bead.b {
            let j = by_end[e];
            if let Some(&(v, _)) = best.get(&j) {
                tree.insert(beads[j].a_end(), (v, j));
            }
            e += 1;
        }
        let value = bead.value(min_dice);
        if value <= 0.0 {
            continue;
        }
        let (prev_value, prev) = tree.query(bead.a);
        best.insert(i, (prev_value + value, prev));
        top = match top {
            Some(t) if !MaxTree::better((best[&i].0, i), (best[&t].0, t)) => Some(t),
            _ => Some(i),
        };
    }
    let mut chain = Vec::new();
    let mut cur = top;
    while let Some(i) = cur {
        chain.push(i);
        cur = (best[&i].1 != usize::MAX).then_some(best[&i].1);
    }
    chain.reverse();
    chain
}

/// The anchors of `chain` that are not weak and alone: a middling match with
/// no other anchor within `SUPPORT_WINDOW` sentences on both sides is dropped,
/// unless `worded` says it keeps the wording (see `LONE_DICE`).
fn supported(beads: &[Bead], chain: &[usize], worded: &dyn Fn(&Bead) -> bool) -> Vec<usize> {
    let near = |i: usize, j: usize| {
        let (da, db) = beads[i].distance(&beads[j]);
        da <= SUPPORT_WINDOW && db <= SUPPORT_WINDOW
    };
    chain
        .iter()
        .copied()
        .filter(|&i| {
            beads[i].title
                || beads[i].dice >= SOLO_DICE
                || chain
                    .iter()
                    .any(|&j| j != i && !beads[j].title && near(i, j))
                || (beads[i].dice >= LONE_DICE
                    && beads[i].names >= LONE_NAMES
                    && beads[i].count >= MIN_SHARED_GENERIC
                    && worded(&beads[i]))
        })
        .collect()
}

/// Runs of beads in `chain` (in order) that follow each other within
/// `RUN_GAP` sentences on both sides, at least `MIN_RUN` long, whose
/// pooled Dice reaches `MIN_RUN_DICE`.
fn weak_runs(beads: &[Bead], chain: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Vec<usize>>| {
        let (shared, mass) = run.iter().fold((0.0, 0.0), |(s, m), &i| {
            (s + beads[i].shared, m + beads[i].mass)
        });
        if run.len() >= MIN_RUN && 2.0 * shared >= MIN_RUN_DICE * mass {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    for &i in chain {
        if let Some(&last) = run.last() {
            let (da, db) = beads[last].distance(&beads[i]);
            if da > RUN_GAP || db > RUN_GAP {
                flush(&mut run, &mut out);
            }
        }
        run.push(i);
    }
    flush(&mut run, &mut out);
    out
}

/// A stretch of both texts between two anchors (or before the first, or
/// after the last), with the anchors that bound it.
struct Gap {
    a: Range<usize>,
    b: Range<usize>,
    before: Option<Bead>,
    after: Option<Bead>,
}

/// Gaps around and between anchors (sorted, body only). The stretches
/// before the first anchor and after the last reach `EDGE_GAP` sentences.
fn gaps(anchors: &[Bead], n_a: usize, n_b: usize) -> Vec<Gap> {
    let mut out = Vec::with_capacity(anchors.len() + 1);
    let mut prev: Option<&Bead> = None;
    for cur in anchors {
        out.push(match prev {
            Some(p) => Gap {
                a: p.a_end()..cur.a,
                b: p.b_end()..cur.b,
                before: Some(*p),
                after: Some(*cur),
            },
            None => Gap {
                a: cur.a.saturating_sub(EDGE_GAP)..cur.a,
                b: cur.b.saturating_sub(EDGE_GAP)..cur.b,
                before: None,
                after: Some(*cur),
            },
        });
        prev = Some(cur);
    }
    if let Some(p) = prev {
        out.push(Gap {
            a: p.a_end()..(p.a_end() + EDGE_GAP).min(n_a),
            b: p.b_end()..(p.b_end() + EDGE_GAP).min(n_b),
            before: Some(*p),
            after: None,
        });
    }
    out
}

/// The beads of `chain` (in order, inside `gap`) that extend a run of links
/// from one of the gap's anchors, each within `EXTEND_REACH` sentences of
/// the last: position corroborates a weak match only near a strong one, not
/// anywhere in a wide stretch between two distant anchors. Between two
/// anchors whose stretch is longer on one side (a summary condenses, a
/// rewrite drops), the reach on the longer side grows in proportion: the
/// same few sentences of the shorter side stand for more of the longer.
fn within_reach(beads: &[Bead], chain: &[usize], gap: &Gap) -> Vec<usize> {
    let (reach_a, reach_b) = if gap.before.is_some() && gap.after.is_some() {
        let (la, lb) = (gap.a.len() + 1, gap.b.len() + 1);
        (
            EXTEND_REACH.max(EXTEND_REACH * la / lb),
            EXTEND_REACH.max(EXTEND_REACH * lb / la),
        )
    } else {
        (EXTEND_REACH, EXTEND_REACH)
    };
    let near = |x: &Bead, y: &Bead| {
        let (da, db) = x.distance(y);
        da <= reach_a && db <= reach_b
    };
    let mut keep = vec![false; chain.len()];
    let mut last = gap.before;
    for (k, &i) in chain.iter().enumerate() {
        match last {
            Some(l) if near(&l, &beads[i]) => {
                keep[k] = true;
                last = Some(beads[i]);
            }
            _ => break,
        }
    }
    let mut last = gap.after;
    for (k, &i) in chain.iter().enumerate().rev() {
        match last {
            Some(l) if !keep[k] && near(&l, &beads[i]) => {
                keep[k] = true;
                last = Some(beads[i]);
            }
            _ => break,
        }
    }
    chain
        .iter()
        .zip(keep)
        .filter_map(|(&i, k)| k.then_some(i))
        .collect()
}

/// Sentences already taken by chosen links.
struct Used {
    a: Vec<bool>,
    b: Vec<bool>,
}

impl Used {
    fn free(&self, bead: &Bead) -> bool {
        !self.a[bead.a..bead.a_end()].iter().any(|&u| u)
            && !self.b[bead.b..bead.b_end()].iter().any(|&u| u)
    }
    fn take(&mut self, bead: &Bead) {
        self.a[bead.a..bead.a_end()]
            .iter_mut()
            .for_each(|u| *u = true);
        self.b[bead.b..bead.b_end()]
            .iter_mut()
            .for_each(|u| *u = true);
    }
}

/// Pick the links. The first chain is the backbone: its links are in order.
/// Then, repeatedly, the heaviest chain among beads that overlap nothing
/// chosen so far: a block of text that moved (a reordered paragraph or
/// chapter). Each chain is anchored by strong beads and filled in its gaps
/// by weaker ones. Returns (in-order, moved) indices into `beads`.
/// The third value is true when the search for moved blocks was cut off by
/// `MAX_MOVED_BLOCKS`.
fn choose(
    beads: &[Bead],
    n_a: usize,
    n_b: usize,
    runs: bool,
    worded: &dyn Fn(&Bead) -> bool,
) -> (Vec<usize>, Vec<usize>, bool) {
    let by_key = |v: &mut Vec<usize>| v.sort_by_key(|&i| beads[i].key());
    let by_b_end = |v: &mut Vec<usize>| v.sort_by_key(|&i| (beads[i].b_end(), beads[i].key()));
    let mut strong_start: Vec<usize> = (0..beads.len()).filter(|&i| beads[i].strong()).collect();
    by_key(&mut strong_start);
    let mut strong_end = strong_start.clone();
    by_b_end(&mut strong_end);
    // Gap fillers, sorted by key (so by B start) for lookup by gap.
    let mut fillers: Vec<usize> = (0..beads.len())
        .filter(|&i| !beads[i].title && (beads[i].fills(true) || beads[i].strong()))
        .collect();
    by_key(&mut fillers);

    let mut used = Used {
        a: vec![false; n_a],
        b: vec![false; n_b],
    };
    // Anchors dropped for want of support are not offered as anchors again.
    let mut rejected = vec![false; beads.len()];
    // First every chain of anchors (the backbone, then each moved block), so
    // that a weak filler of one chain's gap never takes a sentence that a
    // strong match of a later chain explains better.
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut capped = true;
    for _ in 0..MAX_MOVED_BLOCKS {
        strong_start.retain(|&i| !rejected[i] && used.free(&beads[i]));
        strong_end.retain(|&i| !rejected[i] && used.free(&beads[i]));
        let chain = heaviest_chain(beads, &strong_start, &strong_end, MIN_DICE, n_a);
        if chain.is_empty() {
            capped = false;
            break;
        }
        let anchors = supported(beads, &chain, worded);
        for &i in &chain {
            rejected[i] = true;
        }
        for &i in &anchors {
            rejected[i] = false;
            used.take(&beads[i]);
        }
        if !anchors.is_empty() {
            chains.push(anchors);
        }
    }
    // Then runs of weak matches: a passage reworded or shuffled so heavily
    // that no sentence pair is strong on its own still shows as several
    // weak matches in a row, which chance seldom lines up.
    if runs {
        let mut weak: Vec<usize> = fillers
            .iter()
            .copied()
            .filter(|&i| !beads[i].bare && beads[i].fills_gap() && used.free(&beads[i]))
            .collect();
        for _ in chains.len()..MAX_MOVED_BLOCKS {
            weak.retain(|&i| used.free(&beads[i]));
            let mut ends = weak.clone();
            by_b_end(&mut ends);
            let chain = heaviest_chain(beads, &weak, &ends, MIN_DICE_GAP, n_a);
            if chain.is_empty() {
                break;
            }
            for run in weak_runs(beads, &chain) {
                for &i in &run {
                    used.take(&beads[i]);
                }
                chains.push(run);
            }
            // A chain is tried once: what it did not hold as runs is noise.
            let tried: std::collections::HashSet<usize> = chain.into_iter().collect();
            weak.retain(|i| !tried.contains(i));
        }
    }
    // Then the gaps of each chain, in the same order.
    let mut in_order = Vec::new();
    let mut moved = Vec::new();
    for (round, anchors) in chains.into_iter().enumerate() {
        let body: Vec<Bead> = anchors
            .iter()
            .map(|&i| beads[i])
            .filter(|b| !b.title)
            .collect();
        let mut picked = anchors;
        for gap in gaps(&body, n_a, n_b) {
            let (ga, gb) = (gap.a.clone(), gap.b.clone());
            if ga.is_empty() || gb.is_empty() {
                continue;
            }
            let tight = gap.before.is_some()
                && gap.after.is_some()
                && ga.clone().filter(|&k| !used.a[k]).count() <= TIGHT_GAP
                && gb.clone().filter(|&k| !used.b[k]).count() <= TIGHT_GAP;
            let min_dice = if tight { MIN_DICE_TIGHT } else { MIN_DICE_GAP };
            // Fillers whose B start lies in the gap, then those wholly inside.
            let lo = fillers.partition_point(|&i| beads[i].b < gb.start);
            let hi = fillers.partition_point(|&i| beads[i].b < gb.end);
            let inside: Vec<usize> = fillers[lo..hi]
                .iter()
                .copied()
                .filter(|&i| {
                    let bd = &beads[i];
                    ga.start <= bd.a
                        && bd.a_end() <= ga.end
                        && bd.b_end() <= gb.end
                        && (bd.fills(tight) || bd.strong())
                        && used.free(bd)
                })
                .collect();
            if inside.is_empty() {
                continue;
            }
            let mut ends = inside.clone();
            by_b_end(&mut ends);
            let chain = heaviest_chain(beads, &inside, &ends, min_dice, n_a);
            for i in within_reach(beads, &chain, &gap) {
                used.take(&beads[i]);
                picked.push(i);
            }
        }
        by_key(&mut picked);
        if round == 0 {
            in_order = picked;
        } else {
            moved.extend(picked);
        }
    }
    // Two headlines of one story share its key words whoever wrote them: they
    // link only when the bodies do.
    if in_order.iter().chain(&moved).all(|&i| beads[i].title) {
        in_order.clear();
        moved.clear();
    }
    // What moved is what the reading order of the whole leaves out: the
    // heaviest order-keeping chain of every link chosen. (The first chain of
    // anchors is not always it: a run of weak matches found later may
    // continue it in order, or outweigh it.)
    let mut all: Vec<usize> = in_order.iter().chain(&moved).copied().collect();
    by_key(&mut all);
    let mut ends = all.clone();
    by_b_end(&mut ends);
    let backbone = heaviest_chain(beads, &all, &ends, 0.0, n_a);
    let on_backbone: std::collections::HashSet<usize> = backbone.iter().copied().collect();
    let moved: Vec<usize> = all
        .iter()
        .copied()
        .filter(|i| !on_backbone.contains(i))
        .collect();
    (backbone, moved, capped)
}

/// Copied or reworded, from the shares of each side's words kept in the
/// other's order: of content words (`content`) and of all words (`kept`).
/// Symmetric in A and B, so that swapping the articles keeps every kind.
fn kind_of(bead: Bead, content: (f64, f64), kept: (f64, f64), letters: f64) -> Kind {
    // The same letters in the same order are the same text, however it was
    // re-extracted: hard-wrapped, hyphenated, words run together or split,
    // sentences cut apart differently.
    if letters >= COPIED_LETTERS {
        return Kind::Copied;
    }
    // Merging or splitting sentences is rewording whatever words survive.
    let one_to_one = bead.na == 1 && bead.nb == 1;
    let (hi, lo) = (content.0.max(content.1), content.0.min(content.1));
    let words = kept.0.max(kept.1);
    if one_to_one && hi >= COPIED_CONTENT_HI && lo >= COPIED_CONTENT_LO && words >= COPIED_WORDS {
        Kind::Copied
    } else {
        Kind::Reworded
    }
}

/// The link of a chosen bead, and whether its word diff is exact (the link
/// is within `Options::diff_words`).
fn make_link(
    sa: &Prepared,
    sb: &Prepared,
    bead: Bead,
    moved: bool,
    opts: &Options,
) -> (Link, bool) {
    let ua = &sa.units[bead.a..bead.a_end()];
    let ub = &sb.units[bead.b..bead.b_end()];
    // Content words decide the kind; a passage with none is judged on all its words.
    let seq = |us: &[Compared]| -> Vec<u32> {
        let content: Vec<u32> = us.iter().flat_map(|u| u.seq.iter().copied()).collect();
        if content.is_empty() {
            us.iter().flat_map(|u| u.norms.iter().copied()).collect()
        } else {
            content
        }
    };
    let (seq_a, seq_b) = (seq(ua), seq(ub));
    let common = words::common_in_order(&seq_a, &seq_b, opts.diff_words) as f64;
    let content = (
        common / seq_a.len().max(1) as f64,
        common / seq_b.len().max(1) as f64,
    );
    let norms_a: Vec<u32> = ua.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let norms_b: Vec<u32> = ub.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let (ops, exact) = words::diff(
        &norms_a,
        ua[0].first_word,
        &norms_b,
        ub[0].first_word,
        opts.diff_words,
    );
    let ops = words::find_moves(ops, &norms_a, ua[0].first_word, &norms_b, ub[0].first_word);
    let same: usize = ops
        .iter()
        .map(|op| match op {
            words::WordOp::Equal { a, .. } => a.len(),
            _ => 0,
        })
        .sum();
    let kept = (
        same as f64 / norms_a.len().max(1) as f64,
        same as f64 / norms_b.len().max(1) as f64,
    );
    // The letters are compared only when the words have not already made
    // the link copied: the comparison can only make a link copied.
    let by_words = kind_of(bead, content, kept, 0.0);
    let letters = if opts.evidence.letters && by_words == Kind::Reworded {
        let text = |side: &Prepared, us: &[Compared]| {
            let (s0, s1) = (us[0].sentence, us[us.len() - 1].sentence);
            let art = side.art;
            words::letters(&art.text[art.sentences[s0].span.start..art.sentences[s1].span.end])
        };
        let (la, lb) = (text(sa, ua), text(sb, ub));
        let common = words::lcs_symbols(&la, &lb) as f64;
        (common / la.len().max(1) as f64).min(common / lb.len().max(1) as f64)
    } else {
        0.0
    };
    let kind = kind_of(bead, content, kept, letters);
    let (a0, a1) = (ua[0].sentence, ua[ua.len() - 1].sentence + 1);
    let (b0, b1) = (ub[0].sentence, ub[ub.len() - 1].sentence + 1);
    let link = Link {
        kind,
        score: (bead.dice * 1000.0).round() / 1000.0,
        kept_a: kept.0,
        kept_b: kept.1,
        moved,
        a: a0..a1,
        b: b0..b1,
        a_span: sa.art.sentences[a0].span.start..sa.art.sentences[a1 - 1].span.end,
        b_span: sb.art.sentences[b0].span.start..sb.art.sentences[b1 - 1].span.end,
        ops,
    };
    (link, exact)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(a: usize, b: usize, dice: f64, count: usize, names: usize) -> Bead {
        Bead {
            a,
            na: 1,
            b,
            nb: 1,
            dice,
            shared: dice,
            mass: 2.0,
            count,
            names,
            words: 20,
            bare: false,
            title: false,
        }
    }

    #[test]
    fn rank_key_orders_as_total_cmp_descending_then_unit() {
        let values = [
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            0.3,
            0.30000000000000004,
            1.0,
            2.5,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut pairs = Vec::new();
        for &v in &values {
            for unit in [0, 1, 7, usize::MAX] {
                pairs.push((v, unit));
            }
        }
        for &x in &pairs {
            for &y in &pairs {
                let want = y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
                assert_eq!(
                    rank_key(x.0, x.1).cmp(&rank_key(y.0, y.1)),
                    want,
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn a_lone_middling_anchor_stays_only_when_it_keeps_the_wording() {
        // Far apart on both sides: neither supports the other.
        let beads = [bead(2, 3, 0.45, 6, 2), bead(40, 60, 0.35, 6, 3)];
        let chain = [0, 1];
        // The wording kept in order decides the first; the second is too
        // weak to stand alone whatever it keeps.
        assert_eq!(supported(&beads, &chain, &|_| true), [0]);
        assert!(supported(&beads, &chain, &|_| false).is_empty());
        // Names and enough shared words are needed as well.
        let few_names = [bead(2, 3, 0.45, 6, 1)];
        assert!(supported(&few_names, &[0], &|_| true).is_empty());
        let few_words = [bead(2, 3, 0.45, 4, 2)];
        assert!(supported(&few_words, &[0], &|_| true).is_empty());
        // Near each other, two middling anchors support each other.
        let near = [bead(2, 3, 0.35, 6, 0), bead(4, 5, 0.35, 6, 0)];
        assert_eq!(supported(&near, &[0, 1], &|_| false), [0, 1]);
    }

    #[test]
    fn the_wording_kept_leaves_names_and_numbers_out() {
        let mut tok = Tokenizer::default();
        let a = Article::parse(
            "x.txt",
            b"Notes\n\nA majority of the provisions were written by Witkoff and Kushner, a person familiar with the drafting said.\n".to_vec(),
        );
        let b = Article::parse(
            "y.txt",
            b"Notes\n\nMost of the provisions were written by Witkoff and Kushner, citing a person familiar with the drafting process.\n".to_vec(),
        );
        let (sa, sb) = (Prepared::new(&a, &mut tok), Prepared::new(&b, &mut tok));
        let (ua, ub) = (sa.units.len() - 1, sb.units.len() - 1);
        let bd = bead(ua, ub, 0.5, 7, 2);
        // provisions, written, person, familiar, drafting: not Witkoff, Kushner.
        assert_eq!(wording_kept(&sa, &sb, &bd, &Options::default()), 5);
    }

    #[test]
    fn merge_union_is_the_sorted_distinct_union() {
        let sets: [&[u32]; 5] = [&[], &[1], &[1, 4, 9], &[0, 2, 4, 9, 12], &[13, 14]];
        let mut out = vec![99];
        for x in sets {
            for y in sets {
                merge_union(x, y, &mut out);
                let mut want: Vec<u32> = x.iter().chain(y).copied().collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(out, want, "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn placements_sort_as_tuples_and_unpack() {
        let tuples = [
            (0, 1, 0, 1),
            (0, 1, 5, 3),
            (0, 3, 0, 1),
            (1, 1, 0, 1),
            (7, 2, 1 << 40, 1),
            ((1 << 48) - 1, MAX_GROWN, (1 << 48) - 1, MAX_GROWN),
        ];
        for x in tuples {
            let (a, na, b, nb) = x;
            assert_eq!(Placement::unpack(Placement::pack(a, na, b, nb)), x);
            for y in tuples {
                let (c, nc, d, nd) = y;
                assert_eq!(
                    Placement::pack(a, na, b, nb).cmp(&Placement::pack(c, nc, d, nd)),
                    x.cmp(&y),
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn offer_keeps_the_least_k_sorted() {
        // A fixed pseudo-random sequence, with repeats.
        let xs: Vec<u128> = (0..200u128).map(|i| (i * 7919 + 13) % 101).collect();
        for k in [0, 1, 2, 6, 50, 300] {
            let mut best = Vec::new();
            for &x in &xs {
                offer(&mut best, k, x);
            }
            let mut want = xs.clone();
            want.sort_unstable();
            want.truncate(k);
            assert_eq!(best, want, "k = {k}");
        }
    }
}
