//! A corpus of news-length articles with reuse planted among them, for the
//! corpus benchmark (`examples/corpus_scale.rs`, `benches/corpus.rs`).
//!
//! Nothing is fetched: the text is made from a deterministic synthetic
//! vocabulary (pronounceable pseudo-words from syllables, English function
//! words, pseudo-names and numbers), so any number of articles can be made
//! without one accidentally repeating another. Articles belong to topics:
//! articles of one topic share its names and topical words, as independent
//! reports of one story do, without sharing sentences.
//!
//! Planted among fresh articles (each fresh article is a *source* or a
//! *filler*; a seeded SplitMix64 decides everything):
//!
//! - **reprint families**: near-copies of a source (one to thirty of them):
//!   a new headline, a sentence or two lightly edited (a synonym, a dropped
//!   clause), sometimes the last paragraph dropped or an editor's line added;
//! - **rewrites**: the source (or one of its reprints) reworded sentence by
//!   sentence — synonyms for a third to a half of the content words, a clause
//!   moved or dropped, adjacent sentences merged or long ones split, some
//!   sentences dropped and some new ones added;
//! - **partial copies**: a block of three to eight consecutive sentences of a
//!   source, verbatim or lightly edited, inside an otherwise fresh article
//!   (containment of a few sentences inside a longer document);
//! - **partial rewrites**: four to eight sentences of a source reworded inside
//!   a fresh article.
//!
//! Every sentence remembers the sentences it came from, so the truth is
//! exact: two articles are a *reuse pair* when they share two or more origin
//! sentences (a reprint and a rewrite of the same source are one, too), and
//! *ambiguous* when they share exactly one (neither counted for nor against).

// Each includer uses a different subset of this module.
#![allow(dead_code)]

use std::collections::{BTreeSet, HashMap};

// Through `#[path]` as this file is itself included by path.
#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

/// The default seed of the benchmark corpus.
pub const SEED: u64 = 0x6e65_7773_c0ff_ee01;

/// How a planted article reuses its source.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Plant {
    Reprint,
    Rewrite,
    PartialCopy,
    PartialRewrite,
}

impl Plant {
    pub fn name(self) -> &'static str {
        match self {
            Plant::Reprint => "reprint",
            Plant::Rewrite => "rewrite",
            Plant::PartialCopy => "partial copy",
            Plant::PartialRewrite => "partial rewrite",
        }
    }
}

/// One generated article.
pub struct Made {
    /// File name (`n00042.txt`).
    pub name: String,
    pub text: String,
    /// `YYYY-MM-DD` when the article carries a date.
    pub date: Option<String>,
    /// The article it was planted from, and how.
    pub planted: Option<(usize, Plant)>,
    /// Origin ids of its sentences (a sentence made from others carries theirs).
    origins: BTreeSet<u32>,
}

/// The corpus and its truth.
pub struct Corpus {
    pub articles: Vec<Made>,
    /// Unordered pairs (i < j) sharing two or more origin sentences.
    pub reuse: Vec<(usize, usize)>,
    /// Unordered pairs sharing exactly one: counted neither way.
    pub ambiguous: Vec<(usize, usize)>,
}

// ---------------------------------------------------------------- vocabulary

const ONSETS: &[&str] = &[
    "b", "br", "c", "ch", "cl", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "l", "m", "n", "p",
    "pl", "pr", "r", "s", "sh", "sk", "st", "t", "tr", "v", "w", "z",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ou", "ea", "io"];
const CODAS: &[&str] = &[
    "", "", "n", "r", "l", "m", "k", "nt", "rt", "sk", "lm", "x", "p",
];

fn syllable(rng: &mut Rng) -> String {
    format!(
        "{}{}{}",
        rng.pick(ONSETS),
        rng.pick(VOWELS),
        rng.pick(CODAS)
    )
}

/// Function words with rough news frequencies (repeated entries weigh more).
const FUNCTION: &[&str] = &[
    "the", "the", "the", "the", "of", "of", "to", "to", "and", "and", "a", "a", "in", "in", "on",
    "for", "with", "that", "by", "at", "from", "as", "its", "their", "after", "over", "into",
    "about", "against", "during", "before", "under", "between",
];
const VERBS_FN: &[&str] = &[
    "was", "is", "has", "had", "will", "would", "could", "were", "have", "may", "must",
];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The generator's vocabulary: general words by Zipf rank, each with a
/// synonym for rewrites, and topics with their own words and names.
pub struct Lexicon {
    general: Vec<String>,
    /// Cumulative Zipf weights over `general`.
    cumulative: Vec<f64>,
    synonyms: HashMap<String, String>,
    topics: Vec<Topic>,
}

struct Topic {
    words: Vec<String>,
    names: Vec<String>,
}

const GENERAL_WORDS: usize = 24_000;
const TOPIC_WORDS: usize = 300;
const TOPIC_NAMES: usize = 60;

impl Lexicon {
    pub fn new(topics: usize, rng: &mut Rng) -> Lexicon {
        let mut seen: BTreeSet<String> = FUNCTION
            .iter()
            .chain(VERBS_FN)
            .map(|s| s.to_string())
            .collect();
        let mut fresh = |rng: &mut Rng, syllables: usize| loop {
            let w: String = (0..syllables).map(|_| syllable(rng)).collect();
            if w.len() >= 4 && seen.insert(w.clone()) {
                return w;
            }
        };
        let general: Vec<String> = (0..GENERAL_WORDS)
            .map(|i| {
                let syllables = if i < 300 { 2 } else { 2 + rng.below(2) };
                fresh(rng, syllables)
            })
            .collect();
        let mut cumulative = Vec::with_capacity(general.len());
        let mut acc = 0.0;
        for r in 0..general.len() {
            acc += 1.0 / (r as f64 + 3.0).powf(1.05);
            cumulative.push(acc);
        }
        // Synonyms pair words of similar rank, both ways.
        let mut synonyms = HashMap::new();
        for pair in general.chunks(2) {
            if let [x, y] = pair {
                synonyms.insert(x.clone(), y.clone());
                synonyms.insert(y.clone(), x.clone());
            }
        }
        let topics = (0..topics)
            .map(|_| {
                let words: Vec<String> = (0..TOPIC_WORDS).map(|_| fresh(rng, 3)).collect();
                for pair in words.chunks(2) {
                    if let [x, y] = pair {
                        synonyms.insert(x.clone(), y.clone());
                        synonyms.insert(y.clone(), x.clone());
                    }
                }
                let names = (0..TOPIC_NAMES)
                    .map(|_| {
                        let n = fresh(rng, 2);
                        let mut c = n.chars();
                        let first = c.next().map(|f| f.to_ascii_uppercase()).unwrap_or('X');
                        format!("{first}{}", c.as_str())
                    })
                    .collect();
                Topic { words, names }
            })
            .collect();
        Lexicon {
            general,
            cumulative,
            synonyms,
            topics,
        }
    }

    fn general_word(&self, rng: &mut Rng) -> &str {
        let total = *self.cumulative.last().unwrap_or(&1.0);
        let x = rng.unit() * total;
        let i = self.cumulative.partition_point(|&c| c < x);
        &self.general[i.min(self.general.len() - 1)]
    }
}

// ----------------------------------------------------------------- sentences

/// A sentence as phrases of words, so rewrites can move and drop clauses.
#[derive(Clone)]
struct Sentence {
    phrases: Vec<Vec<String>>,
    /// The source sentences it carries (for the truth).
    origins: Vec<u32>,
}

impl Sentence {
    fn render(&self) -> String {
        let mut out = String::new();
        for (k, p) in self.phrases.iter().enumerate() {
            if p.is_empty() {
                continue;
            }
            if !out.is_empty() {
                out.push_str(if k % 3 == 2 { ", " } else { " " });
            }
            out.push_str(&p.join(" "));
        }
        let mut c = out.chars();
        let mut s = match c.next() {
            Some(f) => format!("{}{}", f.to_uppercase(), c.as_str()),
            None => String::new(),
        };
        s.push('.');
        s
    }

    fn words(&self) -> usize {
        self.phrases.iter().map(Vec::len).sum()
    }
}

struct Writer<'a> {
    lex: &'a Lexicon,
    next_origin: u32,
}

impl Writer<'_> {
    fn content(&self, topic: usize, rng: &mut Rng) -> String {
        let t = &self.lex.topics[topic];
        match rng.below(10) {
            0..=2 => rng.pick(&t.words).clone(),
            3 => rng.pick(&t.names).clone(),
            4 if rng.chance(0.3) => {
                if rng.chance(0.5) {
                    format!("{}", rng.range(2, 990))
                } else {
                    rng.pick(MONTHS).to_string()
                }
            }
            _ => self.lex.general_word(rng).to_string(),
        }
    }

    fn phrase(&self, topic: usize, rng: &mut Rng, lead: bool) -> Vec<String> {
        let mut p = Vec::new();
        if lead {
            if rng.chance(0.5) {
                p.push(rng.pick(&self.lex.topics[topic].names).clone());
            } else {
                p.push("the".to_string());
                p.push(self.content(topic, rng));
            }
            p.push(rng.pick(VERBS_FN).to_string());
        } else {
            p.push(rng.pick(FUNCTION).to_string());
            if rng.chance(0.4) {
                p.push("the".to_string());
            }
        }
        for _ in 0..rng.range(1, 3) {
            p.push(self.content(topic, rng));
        }
        p
    }

    fn sentence(&mut self, topic: usize, rng: &mut Rng) -> Sentence {
        let n = rng.range(3, 6);
        let mut phrases: Vec<Vec<String>> =
            (0..n).map(|k| self.phrase(topic, rng, k == 0)).collect();
        if rng.chance(0.2) {
            let name = rng.pick(&self.lex.topics[topic].names).clone();
            phrases.push(vec![name, "said".to_string()]);
        }
        self.next_origin += 1;
        Sentence {
            phrases,
            origins: vec![self.next_origin],
        }
    }

    /// A fresh article: a headline and 14–34 sentences in paragraphs of 1–3.
    fn article(&mut self, topic: usize, rng: &mut Rng) -> Draft {
        let n = rng.range(14, 34);
        let sentences = (0..n).map(|_| self.sentence(topic, rng)).collect();
        let headline = self.headline(topic, rng);
        Draft {
            topic,
            headline,
            sentences,
            breaks: breaks(n, rng),
            tail: None,
        }
    }

    fn headline(&self, topic: usize, rng: &mut Rng) -> String {
        let words: Vec<String> = (0..rng.range(5, 9))
            .map(|_| self.content(topic, rng))
            .collect();
        let mut c = words.join(" ");
        if let Some(f) = c.get(..1) {
            c = format!("{}{}", f.to_uppercase(), &c[1..]);
        }
        c
    }
}

/// Paragraph starts (sentence indices), news style: one to three sentences.
fn breaks(n: usize, rng: &mut Rng) -> Vec<usize> {
    let mut out = vec![0];
    let mut at = 0;
    loop {
        at += rng.range(1, 3);
        if at >= n {
            return out;
        }
        out.push(at);
    }
}

/// An article before it is written out.
#[derive(Clone)]
struct Draft {
    topic: usize,
    headline: String,
    sentences: Vec<Sentence>,
    /// Paragraph starts.
    breaks: Vec<usize>,
    /// A closing line (an editor's note) outside the reuse.
    tail: Option<String>,
}

impl Draft {
    fn render(&self, date: Option<&str>) -> String {
        let mut s = String::new();
        s.push_str(&self.headline);
        s.push('\n');
        if let Some(d) = date {
            s.push_str("Published: ");
            s.push_str(d);
            s.push('\n');
        }
        for (k, sent) in self.sentences.iter().enumerate() {
            if self.breaks.contains(&k) {
                s.push('\n');
            } else {
                s.push(' ');
            }
            s.push_str(&sent.render());
        }
        s.push('\n');
        if let Some(t) = &self.tail {
            s.push('\n');
            s.push_str(t);
            s.push('\n');
        }
        s
    }

    fn origins(&self) -> BTreeSet<u32> {
        self.sentences
            .iter()
            .flat_map(|s| s.origins.iter().copied())
            .collect()
    }
}

// ------------------------------------------------------------------ rewriting

/// Swap content words for their synonyms with probability `p`.
fn synonyms(s: &mut Sentence, lex: &Lexicon, p: f64, rng: &mut Rng) -> usize {
    let mut n = 0;
    for ph in &mut s.phrases {
        for w in ph.iter_mut() {
            if let Some(syn) = lex.synonyms.get(w.as_str())
                && rng.chance(p)
            {
                *w = syn.clone();
                n += 1;
            }
        }
    }
    n
}

/// A light edit: one synonym, or a clause dropped.
fn light(s: &mut Sentence, lex: &Lexicon, rng: &mut Rng) {
    if s.phrases.len() > 3 && rng.chance(0.4) {
        let k = rng.range(1, s.phrases.len() - 1);
        s.phrases.remove(k);
    } else {
        // One synonym somewhere.
        let slots: Vec<(usize, usize)> = s
            .phrases
            .iter()
            .enumerate()
            .flat_map(|(i, p)| (0..p.len()).map(move |j| (i, j)))
            .filter(|&(i, j)| lex.synonyms.contains_key(s.phrases[i][j].as_str()))
            .collect();
        if !slots.is_empty() {
            let (i, j) = *rng.pick(&slots);
            s.phrases[i][j] = lex.synonyms[s.phrases[i][j].as_str()].clone();
        }
    }
}

/// Reworded: a third to a half of the content words swapped, and a clause
/// moved or dropped.
fn reword(s: &mut Sentence, lex: &Lexicon, rng: &mut Rng) {
    let p = 0.3 + 0.2 * rng.unit();
    synonyms(s, lex, p, rng);
    if s.phrases.len() > 2 {
        if rng.chance(0.5) {
            let first = s.phrases.remove(0);
            s.phrases.push(first);
        } else if rng.chance(0.5) && s.phrases.len() > 3 {
            let k = rng.range(1, s.phrases.len() - 1);
            s.phrases.remove(k);
        }
    }
}

fn merge(x: Sentence, y: Sentence) -> Sentence {
    let mut phrases = x.phrases;
    let mut y_phrases = y.phrases;
    if let Some(first) = y_phrases.first_mut() {
        first.insert(0, "and".to_string());
    }
    phrases.extend(y_phrases);
    let mut origins = x.origins;
    origins.extend(y.origins);
    Sentence { phrases, origins }
}

fn split(s: Sentence) -> Vec<Sentence> {
    if s.phrases.len() < 5 {
        return vec![s];
    }
    let mid = s.phrases.len() / 2;
    let mut first = s.phrases;
    let second = first.split_off(mid);
    vec![
        Sentence {
            phrases: first,
            origins: s.origins.clone(),
        },
        Sentence {
            phrases: second,
            origins: s.origins,
        },
    ]
}

/// A near-copy: new headline, a few light edits, maybe the end cut or a note added.
fn reprint(src: &Draft, w: &mut Writer, rng: &mut Rng) -> Draft {
    let mut d = src.clone();
    if rng.chance(0.6) {
        d.headline = w.headline(d.topic, rng);
    }
    let edits = rng.range(0, 2);
    for _ in 0..edits {
        let k = rng.below(d.sentences.len());
        light(&mut d.sentences[k], w.lex, rng);
    }
    if rng.chance(0.3) && d.sentences.len() > 10 {
        let cut = d.sentences.len() - rng.range(1, 3);
        d.sentences.truncate(cut);
        d.breaks.retain(|&b| b < cut);
    }
    if rng.chance(0.4) {
        d.tail = Some(format!(
            "This story was first published by {} and is republished with permission.",
            rng.pick(&w.lex.topics[d.topic].names)
        ));
    }
    d
}

/// Reword every sentence of `sentences`, merging and splitting some.
fn reword_all(sentences: &[Sentence], w: &Writer, rng: &mut Rng) -> Vec<Sentence> {
    let mut out: Vec<Sentence> = Vec::new();
    let mut k = 0;
    while k < sentences.len() {
        let mut s = sentences[k].clone();
        k += 1;
        if rng.chance(0.12) && k < sentences.len() && s.words() < 22 {
            s = merge(s, sentences[k].clone());
            k += 1;
        }
        if rng.chance(0.15) {
            light(&mut s, w.lex, rng);
        } else {
            reword(&mut s, w.lex, rng);
        }
        if rng.chance(0.1) {
            out.extend(split(s));
        } else {
            out.push(s);
        }
    }
    out
}

/// A rewrite of the whole story: most sentences reworded, some dropped, a few new.
fn rewrite(src: &Draft, w: &mut Writer, rng: &mut Rng) -> Draft {
    let kept: Vec<Sentence> = src
        .sentences
        .iter()
        .filter(|_| !rng.chance(0.12))
        .cloned()
        .collect();
    let mut sentences = reword_all(&kept, w, rng);
    for _ in 0..rng.range(1, 4) {
        let at = rng.below(sentences.len() + 1);
        let s = w.sentence(src.topic, rng);
        sentences.insert(at, s);
    }
    let n = sentences.len();
    Draft {
        topic: src.topic,
        headline: w.headline(src.topic, rng),
        sentences,
        breaks: breaks(n, rng),
        tail: None,
    }
}

/// A fresh article of the source's topic (or another) holding a block of
/// `src`'s sentences, copied (lightly edited) or reworded.
fn partial(src: &Draft, reworded: bool, w: &mut Writer, rng: &mut Rng) -> Draft {
    let topic = if rng.chance(0.7) {
        src.topic
    } else {
        rng.below(w.lex.topics.len())
    };
    let mut host = w.article(topic, rng);
    let len = if reworded {
        rng.range(4, 8)
    } else {
        rng.range(3, 8)
    }
    .min(src.sentences.len());
    let from = rng.below(src.sentences.len() - len + 1);
    let block = &src.sentences[from..from + len];
    let block: Vec<Sentence> = if reworded {
        reword_all(block, w, rng)
    } else {
        block
            .iter()
            .map(|s| {
                let mut s = s.clone();
                if rng.chance(0.25) {
                    light(&mut s, w.lex, rng);
                }
                s
            })
            .collect()
    };
    let at = rng.below(host.sentences.len() + 1);
    let n_block = block.len();
    host.sentences.splice(at..at, block);
    let n = host.sentences.len();
    host.breaks = breaks(n, rng);
    // The block starts a paragraph of its own.
    if !host.breaks.contains(&at) && at < n {
        host.breaks.push(at);
        host.breaks.sort_unstable();
    }
    let _ = n_block;
    host
}

fn date(day: usize) -> String {
    // Days from 2024-01-01 in a simple 12×28 calendar (valid dates only).
    let d = day % (12 * 28);
    format!("2024-{:02}-{:02}", d / 28 + 1, d % 28 + 1)
}

/// Make `n` articles with reuse planted among them.
pub fn corpus(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let topics = (n / 50).max(4);
    let lex = Lexicon::new(topics, &mut rng);
    let mut w = Writer {
        lex: &lex,
        next_origin: 0,
    };
    // Plan: about 6% sources, 94% everything else; of the rest, planted
    // articles and fresh fillers.
    // Each draft with what it was planted from and its day.
    type Planned = (Draft, Option<(usize, Plant)>, usize);
    let mut drafts: Vec<Planned> = Vec::with_capacity(n);
    let sources = (n * 6 / 100).max(2);
    for _ in 0..sources {
        let topic = rng.below(topics);
        let d = w.article(topic, &mut rng);
        let day = rng.below(300);
        drafts.push((d, None, day));
    }
    // Derived articles; a derived article may itself be a source (a rewrite
    // of a reprint), which chains families.
    let budget = n * 22 / 100;
    while drafts.len() < (sources + budget).min(n) {
        let s = rng.below(drafts.len());
        let (src, _, day) = drafts[s].clone();
        let roll = rng.below(100);
        let (kind, made) = match roll {
            0..=39 => {
                // A family: several reprints at once, sometimes a big one.
                let k = match rng.below(100) {
                    0..=59 => 1,
                    60..=89 => rng.range(2, 5),
                    90..=98 => rng.range(6, 12),
                    _ => rng.range(20, 30),
                };
                let k = k.min(n - drafts.len());
                for _ in 0..k.saturating_sub(1) {
                    let d = reprint(&src, &mut w, &mut rng);
                    drafts.push((d, Some((s, Plant::Reprint)), day + rng.below(3)));
                }
                (Plant::Reprint, reprint(&src, &mut w, &mut rng))
            }
            40..=64 => (Plant::Rewrite, rewrite(&src, &mut w, &mut rng)),
            65..=84 => (Plant::PartialCopy, partial(&src, false, &mut w, &mut rng)),
            _ => (Plant::PartialRewrite, partial(&src, true, &mut w, &mut rng)),
        };
        if drafts.len() < n {
            drafts.push((made, Some((s, kind)), day + rng.range(0, 5)));
        }
    }
    while drafts.len() < n {
        let topic = rng.below(topics);
        let d = w.article(topic, &mut rng);
        let day = rng.below(300);
        drafts.push((d, None, day));
    }
    // Shuffle the order of files so that planted articles are not neighbours
    // (Fisher–Yates), keeping `planted` indices right.
    let mut order: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = rng.below(i + 1);
        order.swap(i, j);
    }
    let mut place = vec![0; n];
    for (new, &old) in order.iter().enumerate() {
        place[old] = new;
    }
    let articles: Vec<Made> = order
        .iter()
        .enumerate()
        .map(|(new, &old)| {
            let (d, planted, day) = &drafts[old];
            // About a third of the articles carry no date.
            let dated = rng.chance(0.65);
            let date = dated.then(|| date(*day));
            Made {
                name: format!("n{new:05}.txt"),
                text: d.render(date.as_deref()),
                date,
                planted: planted.map(|(s, k)| (place[s], k)),
                origins: d.origins(),
            }
        })
        .collect();
    let (reuse, ambiguous) = truth(&articles);
    Corpus {
        articles,
        reuse,
        ambiguous,
    }
}

/// Pairs sharing origin sentences, through an index from origin to articles.
type Pairs = Vec<(usize, usize)>;

fn truth(arts: &[Made]) -> (Pairs, Pairs) {
    let mut by_origin: HashMap<u32, Vec<usize>> = HashMap::new();
    for (i, a) in arts.iter().enumerate() {
        for &o in &a.origins {
            by_origin.entry(o).or_default().push(i);
        }
    }
    let mut shared: HashMap<(usize, usize), usize> = HashMap::new();
    for holders in by_origin.values() {
        for (x, &i) in holders.iter().enumerate() {
            for &j in &holders[x + 1..] {
                *shared.entry((i.min(j), i.max(j))).or_default() += 1;
            }
        }
    }
    let mut reuse: Vec<(usize, usize)> = shared
        .iter()
        .filter(|&(_, &c)| c >= 2)
        .map(|(&p, _)| p)
        .collect();
    let mut ambiguous: Vec<(usize, usize)> = shared
        .iter()
        .filter(|&(_, &c)| c == 1)
        .map(|(&p, _)| p)
        .collect();
    reuse.sort_unstable();
    ambiguous.sort_unstable();
    (reuse, ambiguous)
}
