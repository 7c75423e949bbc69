//! Alignment: which passages of B come from A, and how.
//!
//! Two Articles → an [`Alignment`]: links between sentence ranges (1:1, n:1 and
//! 1:n, because rewrites merge and split sentences), each labelled copied or
//! reworded with a score, `moved` when it crosses the reading order, and the
//! word-level edit script inside it. No terminal code lives here.
//!
//! The pipeline (see `link` for the details):
//! 1. every compared sentence becomes a set of stemmed content words weighted by
//!    rarity (IDF over both articles);
//! 2. an inverted index proposes, for each sentence of B, the few sentences of A
//!    that share rare words with it: cost grows with the text, not its square;
//! 3. around each proposal, groupings of up to three sentences on either side
//!    ("beads") are scored, so merges and splits compete with 1:1 links;
//! 4. the heaviest order-preserving chain of beads is the backbone; strong
//!    beads left off it are links that moved;
//! 5. each link gets its kind from the share of B's words kept in order, and
//!    its word diff from `similar`, exact up to a size limit.

mod link;
mod passage;
mod synonyms;
pub mod tokens;
mod words;

use std::hash::{Hash, Hasher};
use std::sync::{Arc, Mutex};

use rustc_hash::FxHashMap as HashMap;

use crate::article::{Article, Sentences, TextBytes, Words};
use crate::marks::Mark;
use crate::side::Side;

pub use passage::{MAX_PASSAGE_GAP, Passage};
pub use words::WordOp;

/// How a passage of B relates to its source in A.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// Wording kept in order, with light edits.
    Copied,
    /// The same statement in changed wording.
    Reworded,
}

impl Kind {
    /// The mark a reader sees for a link of this kind.
    pub const fn mark(self) -> Mark {
        match self {
            Kind::Copied => Mark::Copied,
            Kind::Reworded => Mark::Reworded,
        }
    }

    /// `copied` or `reworded`, as reports write it.
    pub const fn as_str(self) -> &'static str {
        self.mark().label()
    }
}

/// One passage of B linked to its source passage in A.
#[derive(Debug, Clone, PartialEq)]
pub struct Link {
    /// The link's kind.
    pub kind: Kind,
    /// Similarity in [0, 1].
    pub score: f64,
    /// True when the link crosses the reading order of the other links.
    pub moved: bool,
    /// Its sentences in A.
    pub a: Sentences,
    /// Its sentences in B.
    pub b: Sentences,
    /// Its bytes of A's normalized text (first sentence start to last end).
    pub a_span: TextBytes,
    /// Its bytes of B's normalized text.
    pub b_span: TextBytes,
    /// The word-level edit script, A's words against B's.
    pub ops: Vec<WordOp>,
    /// Share of A's words that B keeps in the same order…
    pub kept_a: f64,
    /// …and of B's words found in A in the same order.
    pub kept_b: f64,
}

impl Link {
    /// Word ranges of A that B does not keep (the deleted words).
    pub fn deleted_words(&self) -> Vec<Words> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                WordOp::Delete { a } => Some(*a),
                _ => None,
            })
            .collect()
    }

    /// Word ranges of B that A does not have (the inserted words).
    pub fn inserted_words(&self) -> Vec<Words> {
        self.ops
            .iter()
            .filter_map(|op| match op {
                WordOp::Insert { b } => Some(*b),
                _ => None,
            })
            .collect()
    }

    /// The words a reader sees marked on `side`, with their mark, in
    /// reading order: on A the words B deleted, on B the words it inserted,
    /// and on both the words B kept but moved.
    pub fn marked_words(&self, side: Side) -> Vec<(Words, Mark)> {
        let mut v: Vec<(Words, Mark)> =
            self.ops
                .iter()
                .filter_map(|op| match (op, side) {
                    (WordOp::Delete { a: w }, Side::A) => Some((*w, Mark::Deleted)),
                    (WordOp::Insert { b: w }, Side::B) => Some((*w, Mark::Inserted)),
                    (WordOp::Moved { a: w, .. }, Side::A)
                    | (WordOp::Moved { b: w, .. }, Side::B) => Some((*w, Mark::Moved)),
                    _ => None,
                })
                .filter(|(w, _)| !w.is_empty())
                .collect();
        v.sort_by_key(|(w, _)| w.start);
        v
    }
}

/// Shares by words of body text.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Stats {
    /// Share of B's body words in copied links.
    pub b_copied: f64,
    /// Share of B's body words in reworded links.
    pub b_reworded: f64,
    /// Share of B's body words in no link and not set apart (`b_common`).
    pub b_new: f64,
    /// Share of A's body words in no link and not set apart (`a_common`).
    pub a_dropped: f64,
    /// Share of B's body words in links that moved.
    pub b_moved: f64,
    /// Share of B's body words that both texts have from a common text
    /// (`Alignment::apart`): the source's, neither taken from A nor B's
    /// own. 0 without `Options::common`.
    pub b_common: f64,
    /// The same share of A's body words.
    pub a_common: f64,
}

/// Everything copycat knows about one ordered pair of articles.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Alignment {
    /// Sorted by B position.
    pub links: Vec<Link>,
    /// Runs of links in order on both sides (reused blocks), sorted by B
    /// position; each link is in exactly one.
    pub passages: Vec<Passage>,
    /// Shares of each article's body words.
    pub stats: Stats,
    /// Runs of body sentences of A in no link (dropped).
    pub a_unlinked: Vec<Sentences>,
    /// Runs of body sentences of B in no link (new).
    pub b_unlinked: Vec<Sentences>,
    /// What the user should know of how the result was found: a limit that
    /// made it approximate, matches held back or set apart.
    pub notes: Vec<String>,
    /// Matches set apart as what both texts have from a common text
    /// (`Options::common`), said in `notes` too.
    pub set_apart: usize,
    /// Where they are: runs of sentences of both texts that both have from
    /// a common text, in B's order. Their sentences are in no link and in
    /// no unlinked run (`a_unlinked`, `b_unlinked`): they are neither what
    /// B took from A nor text of its own or left out, but the source's.
    pub apart: Vec<SetApart>,
}

/// A run of sentences of A and one of B that both have from a common text
/// (`Options::common`), set apart instead of linked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetApart {
    /// Its sentences in A.
    pub a: Sentences,
    /// Its sentences in B.
    pub b: Sentences,
    /// The common text's path, as given.
    pub source: String,
}

impl SetApart {
    /// Its sentences on `side`.
    pub fn side(&self, side: Side) -> Sentences {
        match side {
            Side::A => self.a,
            Side::B => self.b,
        }
    }
}

/// Knobs of the aligner. The defaults are what copycat ships; tests and
/// benchmarks construct their own to probe limits.
#[derive(Debug, Clone)]
pub struct Options {
    /// Longest link, in words of both sides together, whose word diff is
    /// exact; a longer one gets a coarse script (its common prefix and suffix
    /// kept, the middle replaced) and a note. A size rather than a time, so
    /// the result never depends on how busy the machine is.
    pub diff_words: usize,
    /// Largest number of A candidates kept per B sentence.
    pub candidates: usize,
    /// Which kinds of evidence the aligner uses (all, unless measuring what
    /// each one earns).
    pub evidence: Evidence,
    /// Texts both articles may have drawn on (a press release, a wire
    /// story, an assignment's question): a match whose two sides each match
    /// the same sentences of one of them about as well is what both took
    /// from it, set apart with a note instead of linked (`link::common`).
    pub common: Vec<Article>,
    /// Each article's matches with each common text, kept across the pairs
    /// aligned with these options (and their clones): a ranking aligns an
    /// article in many pairs, and its matches with the common text are the
    /// same in each.
    pub common_matches: CommonMatches,
}

/// The matches of articles with common texts (`Options::common_matches`),
/// by the two texts and the options they were aligned with; shared by the
/// threads of a ranking.
#[derive(Clone, Default)]
pub struct CommonMatches(Arc<Mutex<HashMap<CommonKey, Arc<CommonMatch>>>>);

/// Which alignment of a common text with an article a [`CommonMatch`] is:
/// hashes of both texts (with their lengths) and the options that matter.
type CommonKey = (u64, usize, u64, usize, usize, usize, Evidence);

/// An article's matches with one common text (the common text as A), and
/// whether the article is a copy of it.
#[derive(Debug)]
pub(crate) struct CommonMatch {
    pub(crate) links: Vec<Link>,
    pub(crate) copy: bool,
}

impl std::fmt::Debug for CommonMatches {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "CommonMatches({} kept)", self.len())
    }
}

impl CommonMatches {
    /// How many alignments are kept.
    pub fn len(&self) -> usize {
        self.0.lock().map_or(0, |m| m.len())
    }

    /// Whether none is.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The matches of `art` with `common` under `opts`, aligned by `make`
    /// unless kept from an earlier pair. Two threads that miss at once both
    /// align; the result is the same.
    pub(crate) fn get(
        &self,
        common: &Article,
        art: &Article,
        opts: &Options,
        make: impl FnOnce() -> CommonMatch,
    ) -> Arc<CommonMatch> {
        let hash = |t: &str| {
            let mut h = std::hash::DefaultHasher::new();
            t.hash(&mut h);
            h.finish()
        };
        let key = (
            hash(&common.text),
            common.text.len(),
            hash(&art.text),
            art.text.len(),
            opts.diff_words,
            opts.candidates,
            opts.evidence,
        );
        // A poisoned lock (a panic elsewhere) only loses what was kept.
        if let Some(m) = self.0.lock().ok().and_then(|m| m.get(&key).cloned()) {
            return m;
        }
        let made = Arc::new(make());
        if let Ok(mut m) = self.0.lock() {
            m.insert(key, made.clone());
        }
        made
    }
}

/// Kinds of evidence beyond shared word stems, each of which can be switched
/// off to measure what it earns (an evaluation knob, not a user setting:
/// `scripts/devsets/ablation.sh` passes it through [`Evidence::without`]).
/// The default reads nothing from the environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Evidence {
    /// WordNet synonyms count as shared words, at a discount.
    pub synonyms: bool,
    /// Several weak matches in a row anchor a passage (seeding and extension
    /// for heavy rewording).
    pub runs: bool,
    /// A link that keeps nearly all the letters of its source in order is
    /// copied, however the text was re-extracted.
    pub letters: bool,
    /// A passage ends at a sentence that is itself evidence of reuse: weak
    /// reworded links at its ends are dropped.
    pub edges: bool,
    /// A pair shows no link unless it shows reuse: a link that is strong
    /// evidence on its own (a long phrase kept, a copy that keeps most of
    /// both sides, or a near-whole match), a passage long, strong or
    /// explained enough, a block taken into a longer text, or one text that
    /// reads as a summary of the other. Independent of `edges`.
    pub reuse: bool,
    /// A block of one text whose vocabulary is the other's, amid text that
    /// is about something else, is a summary of all of the other even where
    /// no sentence of it links (see `link::summary`).
    pub summaries: bool,
}

impl Default for Evidence {
    fn default() -> Self {
        Evidence {
            synonyms: true,
            runs: true,
            letters: true,
            edges: true,
            reuse: true,
            summaries: true,
        }
    }
}

impl Evidence {
    /// The names of the switches, as [`Evidence::without`] takes them.
    pub const NAMES: &'static [&'static str] =
        &["synonyms", "runs", "letters", "edges", "reuse", "summaries"];

    /// All evidence less the kinds named in `list` (comma-separated names
    /// from [`Evidence::NAMES`]; empty or `none` switches nothing off): what
    /// an ablation run passes on the command line. An unknown name is an
    /// error naming it, so that a misspelt switch never measures the full
    /// aligner under another name.
    pub fn without(list: &str) -> Result<Evidence, String> {
        let mut e = Evidence::default();
        for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
            match name {
                "none" => {}
                "synonyms" => e.synonyms = false,
                "runs" => e.runs = false,
                "letters" => e.letters = false,
                "edges" => e.edges = false,
                "reuse" => e.reuse = false,
                "summaries" => e.summaries = false,
                _ => {
                    return Err(format!(
                        "unknown evidence {name:?} (known: {})",
                        Self::NAMES.join(", ")
                    ));
                }
            }
        }
        Ok(e)
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            // Myers costs (N + M) · D: at most a few million steps here.
            diff_words: 2_000,
            candidates: 6,
            evidence: Evidence::default(),
            common: Vec::new(),
            common_matches: CommonMatches::default(),
        }
    }
}

/// Align B against A with default options.
pub fn align(a: &Article, b: &Article) -> Alignment {
    align_with(a, b, &Options::default())
}

/// Align B against A.
///
/// Symmetric by construction: the pair is aligned in a canonical order (by
/// text) and mirrored when needed, so `align(a, b)` and `align(b, a)` link the
/// same passages whatever ties the scoring meets.
pub fn align_with(a: &Article, b: &Article, opts: &Options) -> Alignment {
    align_using(a, b, opts, &mut tokens::Tokenizer::new())
}

/// Align B against A with a tokenizer kept across calls, so that words
/// stemmed for one pair are not stemmed again for the next (what `rank` does
/// on each of its threads). The result is exactly that of [`align_with`].
pub fn align_using(
    a: &Article,
    b: &Article,
    opts: &Options,
    tok: &mut tokens::Tokenizer,
) -> Alignment {
    if (b.text.as_str(), b.path.as_str()) < (a.text.as_str(), a.path.as_str()) {
        let o = link::align_ordered(b, a, opts, tok);
        let passages = ordered_passages(b, a, &o.links, o.block.as_ref());
        let (links, passages) = (mirror(o.links), mirror_passages(passages));
        let apart = o
            .apart
            .into_iter()
            .map(|r| SetApart {
                a: r.b,
                b: r.a,
                ..r
            })
            .collect();
        return finish(a, b, links, passages, (o.notes, o.set_apart, apart));
    }
    let o = link::align_ordered(a, b, opts, tok);
    let passages = ordered_passages(a, b, &o.links, o.block.as_ref());
    finish(a, b, o.links, passages, (o.notes, o.set_apart, o.apart))
}

/// The passages of a pair in the order it was aligned in, a summary block
/// (if any) made one passage.
fn ordered_passages(
    a: &Article,
    b: &Article,
    links: &[Link],
    block: Option<&link::SummaryBlock>,
) -> Vec<Passage> {
    let mut passages = passage::passages(a, b, links);
    if let Some(block) = block {
        passage::summarise_block(a, b, links, &mut passages, block);
    }
    passages
}

fn mirror(links: Vec<Link>) -> Vec<Link> {
    links
        .into_iter()
        .map(|l| Link {
            a: l.b,
            b: l.a,
            a_span: l.b_span,
            b_span: l.a_span,
            ops: l.ops.into_iter().map(WordOp::mirror).collect(),
            kept_a: l.kept_b,
            kept_b: l.kept_a,
            ..l
        })
        .collect()
}

fn mirror_passages(passages: Vec<Passage>) -> Vec<Passage> {
    passages
        .into_iter()
        .map(|p| Passage {
            a: p.b,
            b: p.a,
            a_span: p.b_span,
            b_span: p.a_span,
            summary_of: p.summary_of.map(Side::other),
            ..p
        })
        .collect()
}

/// Sort links and passages by B position; passages are grouped in the
/// canonical order of the pair (so that swapping A and B mirrors them), and
/// their link indices follow the links to their sorted places.
fn finish(
    a: &Article,
    b: &Article,
    links: Vec<Link>,
    mut passages: Vec<Passage>,
    (notes, set_apart, mut apart): (Vec<String>, usize, Vec<SetApart>),
) -> Alignment {
    let mut order: Vec<usize> = (0..links.len()).collect();
    order.sort_by_key(|&i| (links[i].b.start, links[i].a.start));
    let mut place = vec![0; links.len()];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let mut slots: Vec<Option<Link>> = links.into_iter().map(Some).collect();
    let links: Vec<Link> = order.iter().filter_map(|&i| slots[i].take()).collect();
    for p in &mut passages {
        for i in &mut p.links {
            *i = place[*i];
        }
        p.links.sort_unstable();
    }
    passage::reach_summarised_texts(a, b, &links, &mut passages);
    passage::end_at_the_reuse(a, b, &links, &mut passages);
    passages.sort_by_key(|p| (p.b.start, p.a.start));
    apart.sort_by_key(|r| (r.b.start, r.a.start));
    let a_unlinked = unlinked(
        a,
        links.iter().map(|l| l.a).chain(apart.iter().map(|r| r.a)),
    );
    let b_unlinked = unlinked(
        b,
        links.iter().map(|l| l.b).chain(apart.iter().map(|r| r.b)),
    );
    let stats = stats(a, b, &links, &apart);
    Alignment {
        links,
        passages,
        stats,
        a_unlinked,
        b_unlinked,
        notes,
        set_apart,
        apart,
    }
}

/// Runs of body sentences not covered by any of `linked` (links, and runs
/// set apart).
fn unlinked(art: &Article, linked: impl Iterator<Item = Sentences>) -> Vec<Sentences> {
    let mut covered = vec![false; art.sentences.len()];
    for r in linked {
        for c in &mut covered[r.range()] {
            *c = true;
        }
    }
    let mut out: Vec<Sentences> = Vec::new();
    for (i, s) in art.sentences.iter().enumerate() {
        if covered[i] || !s.role.compared() {
            continue;
        }
        match out.last_mut() {
            Some(r) if r.end == i => r.end = i + 1,
            _ => out.push(Sentences::new(i, i + 1)),
        }
    }
    out
}

/// Body words in a sentence range (a headline link does not count towards the
/// shares, whose denominators are body words).
fn words_in(art: &Article, r: Sentences) -> usize {
    art.sentences_in(r)
        .iter()
        .filter(|s| s.role.compared())
        .map(|s| s.words.len())
        .sum()
}

fn stats(a: &Article, b: &Article, links: &[Link], apart: &[SetApart]) -> Stats {
    let (a_total, b_total) = (a.body_words(), b.body_words());
    let share = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    let mut copied = 0;
    let mut reworded = 0;
    let mut moved = 0;
    let mut a_linked = 0;
    for l in links {
        let n = words_in(b, l.b);
        match l.kind {
            Kind::Copied => copied += n,
            Kind::Reworded => reworded += n,
        }
        if l.moved {
            moved += n;
        }
        a_linked += words_in(a, l.a);
    }
    let b_copied = share(copied, b_total);
    let b_reworded = share(reworded, b_total);
    // Set-apart runs hold no linked sentence: their words are counted once.
    let b_common = share(apart.iter().map(|r| words_in(b, r.b)).sum(), b_total);
    let a_common = share(apart.iter().map(|r| words_in(a, r.a)).sum(), a_total);
    Stats {
        b_copied,
        b_reworded,
        b_new: if b_total == 0 {
            0.0
        } else {
            (1.0 - b_copied - b_reworded - b_common).max(0.0)
        },
        a_dropped: if a_total == 0 {
            0.0
        } else {
            (1.0 - share(a_linked, a_total) - a_common).max(0.0)
        },
        b_moved: share(moved, b_total),
        b_common,
        a_common,
    }
}
