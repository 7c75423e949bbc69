//! The 1 MB benchmark pair: A is real prose, B is A rewritten by a
//! deterministic generator the way a rewrite desk rewrites copy.
//!
//! A is `benches/data/prose-a.txt` (paragraph prose of The Rust Programming
//! Language and The Rustonomicon, MIT OR Apache-2.0; made by
//! `scripts/make-bench-corpus.py`). B is built from A here, with a fixed seed:
//!
//! - chapters (pages) moved to other places, and blocks of paragraphs moved
//!   inside a chapter;
//! - about 15% of the paragraphs dropped, singly and in runs;
//! - each kept sentence either left verbatim, lightly edited (one synonym, a
//!   British spelling, a contraction spelled out) or reworded (several of:
//!   synonyms from a table, a clause dropped, a leading clause moved to the
//!   end, tense changed, British spellings), and some adjacent sentences
//!   merged into one or long ones split in two;
//! - about 10% of B's sentences new: prose from The Cargo Book
//!   (`benches/data/prose-new.txt`), which A does not contain, inserted into
//!   kept paragraphs and as whole new paragraphs.
//!
//! Shared by `benches/align.rs` and `examples/align_big.rs` through
//! `#[path = "…"] mod pair;`, so both measure exactly the same pair.

// Each includer uses a different subset of this module.
#![allow(dead_code)]

use std::collections::HashMap;

/// A: about 1 MB of book prose, one paragraph a line.
pub const PROSE_A: &str = include_str!("../data/prose-a.txt");
/// Where B's new sentences come from (not in A).
pub const PROSE_NEW: &str = include_str!("../data/prose-new.txt");
/// The generator's seed. Changing it changes B (and the numbers).
pub const SEED: u64 = 0x00c0_ffee_0d0c_5eed;

/// What the generator did, for the reader to check against what the aligner
/// finds.
#[derive(Debug, Default, Clone)]
pub struct Counts {
    pub sections: usize,
    pub sections_moved: usize,
    pub blocks_moved: usize,
    pub paragraphs_a: usize,
    pub paragraphs_dropped: usize,
    pub sentences_a: usize,
    pub verbatim: usize,
    pub light: usize,
    pub reworded: usize,
    pub merged: usize,
    pub split: usize,
    pub new_sentences: usize,
    pub new_paragraphs: usize,
}

impl std::fmt::Display for Counts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kept = self.verbatim + self.light + self.reworded;
        let pct = |n: usize, d: usize| 100.0 * n as f64 / d.max(1) as f64;
        writeln!(
            f,
            "sections {} ({} moved, {} paragraph blocks moved inside a section)",
            self.sections, self.sections_moved, self.blocks_moved
        )?;
        writeln!(
            f,
            "paragraphs of A {}, dropped {} ({:.1}%)",
            self.paragraphs_a,
            self.paragraphs_dropped,
            pct(self.paragraphs_dropped, self.paragraphs_a)
        )?;
        writeln!(
            f,
            "kept sentences {kept}: verbatim {} ({:.0}%), light edit {} ({:.0}%), reworded {} ({:.0}%); \
             merged pairs {}, splits {}",
            self.verbatim,
            pct(self.verbatim, kept),
            self.light,
            pct(self.light, kept),
            self.reworded,
            pct(self.reworded, kept),
            self.merged,
            self.split
        )?;
        write!(
            f,
            "new sentences {} ({} in new paragraphs)",
            self.new_sentences, self.new_paragraphs
        )
    }
}

/// The pair as text.
pub struct Made {
    pub a: String,
    pub b: String,
    pub counts: Counts,
}

/// The benchmark pair: A is the first `max_a` bytes of [`PROSE_A`] (cut at a
/// chapter boundary; `usize::MAX` for all of it), B is generated from it.
pub fn pair(max_a: usize) -> Made {
    let a = prefix(PROSE_A, max_a).to_string();
    let (b, counts) = rewrite(&a, PROSE_NEW, SEED);
    Made { a, b, counts }
}

/// A pair about `copies` times the size of the full one (`copies` ≥ 1), for
/// measuring memory and speed on the largest inputs copycat accepts (the
/// 10 MB pair: two files of about 5 MB, under the 8 MiB limit per file).
/// There is no more committed prose, so A is [`PROSE_A`] followed by
/// `copies - 1` rewrites of it, each with its own seed (a corpus of several
/// editions of the same books), and B is A rewritten as usual. Every passage
/// of B thus has a few near-duplicates in A: a harder shape for the aligner
/// than the 1 MB pair, not an easier one.
pub fn pair_scaled(copies: usize) -> Made {
    let mut a = PROSE_A.to_string();
    for k in 1..copies.max(1) {
        let (edition, _) = rewrite(PROSE_A, PROSE_NEW, SEED.wrapping_add(k as u64));
        if !a.ends_with('\n') {
            a.push('\n');
        }
        a.push('\n');
        a.push_str(&edition);
    }
    let (b, counts) = rewrite(&a, PROSE_NEW, SEED);
    Made { a, b, counts }
}

/// `text` cut at the last chapter boundary (blank line) at or before `max`.
pub fn prefix(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut cut = max;
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    match text[..cut].rfind("\n\n") {
        Some(i) => &text[..i + 1],
        None => &text[..cut],
    }
}

// Through `#[path]` as this file is itself included by path.
#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

struct Section {
    heading: Option<String>,
    paras: Vec<String>,
}

/// Title line, then chapters: a blank line, an optional heading line (no
/// closing punctuation), paragraphs one a line.
fn sections(text: &str) -> (String, Vec<Section>) {
    let mut lines = text.lines();
    let title = lines.next().unwrap_or("").to_string();
    let mut out: Vec<Section> = Vec::new();
    let mut fresh = true;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            fresh = true;
            continue;
        }
        if fresh {
            fresh = false;
            let heading = !line.ends_with(['.', '!', '?', ':', ')', '’', '”', '"']);
            out.push(Section {
                heading: heading.then(|| line.to_string()),
                paras: Vec::new(),
            });
            if heading {
                continue;
            }
        }
        if let Some(s) = out.last_mut() {
            s.paras.push(line.to_string());
        }
    }
    (title, out)
}

/// Sentences of a paragraph: a terminal, a space, then a capital, digit,
/// quote or bracket. Rough, but the generator only needs plausible cuts.
pub fn split_sentences(p: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut start = 0;
    let b = p.as_bytes();
    for i in 0..b.len() {
        if matches!(b[i], b'.' | b'!' | b'?') && i + 2 < b.len() && b[i + 1] == b' ' {
            let next = p[i + 2..].chars().next().unwrap_or(' ');
            if next.is_uppercase() || next.is_ascii_digit() || "“\"(‘".contains(next) {
                out.push(p[start..=i].to_string());
                start = i + 2;
            }
        }
    }
    if start < p.len() {
        out.push(p[start..].trim().to_string());
    }
    out.retain(|s| !s.is_empty());
    out
}

/// Single-word substitutions (lower case). Function words are left alone:
/// the point is to change the content words an aligner matches on.
const SYNONYMS: &[(&str, &str)] = &[
    ("use", "employ"),
    ("uses", "employs"),
    ("using", "employing"),
    ("used", "employed"),
    ("show", "demonstrate"),
    ("shows", "demonstrates"),
    ("showed", "demonstrated"),
    ("example", "illustration"),
    ("examples", "illustrations"),
    ("create", "make"),
    ("creates", "makes"),
    ("creating", "making"),
    ("created", "made"),
    ("need", "require"),
    ("needs", "requires"),
    ("needed", "required"),
    ("want", "wish"),
    ("wants", "wishes"),
    ("important", "crucial"),
    ("easy", "simple"),
    ("easier", "simpler"),
    ("change", "modify"),
    ("changed", "modified"),
    ("changing", "modifying"),
    ("allow", "permit"),
    ("allows", "permits"),
    ("allowed", "permitted"),
    ("program", "application"),
    ("programs", "applications"),
    ("start", "begin"),
    ("starts", "begins"),
    ("help", "assist"),
    ("helps", "assists"),
    ("get", "obtain"),
    ("gets", "obtains"),
    ("many", "numerous"),
    ("often", "frequently"),
    ("big", "large"),
    ("small", "little"),
    ("quickly", "rapidly"),
    ("call", "invoke"),
    ("calls", "invokes"),
    ("run", "execute"),
    ("runs", "executes"),
    ("explain", "describe"),
    ("explains", "describes"),
    ("discuss", "cover"),
    ("discussed", "covered"),
    ("chapter", "section"),
    ("learn", "discover"),
    ("feature", "capability"),
    ("features", "capabilities"),
    ("problem", "issue"),
    ("problems", "issues"),
    ("way", "manner"),
    ("idea", "notion"),
    ("common", "frequent"),
    ("simple", "straightforward"),
    ("different", "distinct"),
    ("useful", "handy"),
    ("instead", "rather"),
    ("however", "nevertheless"),
    ("because", "since"),
    ("therefore", "thus"),
    ("write", "compose"),
    ("writing", "composing"),
    ("error", "mistake"),
    ("errors", "mistakes"),
    ("later", "subsequently"),
    ("see", "observe"),
    ("understand", "grasp"),
    ("possible", "feasible"),
    ("correct", "right"),
    ("happen", "occur"),
    ("happens", "occurs"),
    ("provide", "offer"),
    ("provides", "offers"),
    ("contain", "hold"),
    ("contains", "holds"),
    ("specific", "particular"),
    ("various", "assorted"),
    ("means", "signifies"),
    ("try", "attempt"),
    ("keep", "retain"),
    ("build", "construct"),
    ("building", "constructing"),
    ("data", "information"),
    ("fast", "quick"),
    ("next", "following"),
    ("whole", "entire"),
    ("enough", "sufficient"),
    ("main", "principal"),
    ("usually", "typically"),
    ("especially", "particularly"),
    ("likely", "probably"),
    ("certain", "some"),
    ("handle", "deal with"),
    ("store", "keep"),
    ("stores", "keeps"),
    ("added", "appended"),
    ("look", "glance"),
];

/// Phrases and contractions, both apostrophes.
const PHRASES: &[(&str, &str)] = &[
    ("make sure", "ensure"),
    ("look at", "examine"),
    ("a lot of", "plenty of"),
    ("in order to", "to"),
    ("as well as", "and"),
    ("for example", "for instance"),
    ("such as", "like"),
    ("in other words", "put differently"),
    ("we’ll", "we will"),
    ("you’ll", "you will"),
    ("it’s", "it is"),
    ("don’t", "do not"),
    ("can’t", "cannot"),
    ("won’t", "will not"),
    ("doesn’t", "does not"),
    ("isn’t", "is not"),
    ("let’s", "let us"),
    ("that’s", "that is"),
    ("there’s", "there is"),
    ("you’re", "you are"),
    ("we’re", "we are"),
    ("we've", "we have"),
    ("we’ve", "we have"),
];

/// American → British beyond the -ize rule.
const BRITISH: &[(&str, &str)] = &[
    ("color", "colour"),
    ("behavior", "behaviour"),
    ("behaviors", "behaviours"),
    ("favor", "favour"),
    ("analyze", "analyse"),
    ("center", "centre"),
    ("license", "licence"),
    ("labeled", "labelled"),
    ("modeling", "modelling"),
    ("canceled", "cancelled"),
    ("gray", "grey"),
    ("catalog", "catalogue"),
];

/// Present → past, applied to a whole sentence (a reporter's tense shift).
const TENSE: &[(&str, &str)] = &[
    ("is", "was"),
    ("are", "were"),
    ("has", "had"),
    ("have", "had"),
    ("does", "did"),
    ("can", "could"),
    ("will", "would"),
    ("returns", "returned"),
    ("takes", "took"),
    ("gives", "gave"),
    ("makes", "made"),
    ("works", "worked"),
    ("compiles", "compiled"),
    ("prints", "printed"),
    ("holds", "held"),
    ("lets", "let"),
    ("means", "meant"),
    ("tells", "told"),
    ("checks", "checked"),
    ("moves", "moved"),
];

/// Openings of a leading clause that reads as well at the end.
const FRONT_CLAUSES: &[&str] = &[
    "If ",
    "When ",
    "Because ",
    "Although ",
    "While ",
    "Once ",
    "Before ",
    "After ",
    "Unless ",
];

struct Tables {
    synonyms: HashMap<&'static str, &'static str>,
    british: HashMap<&'static str, &'static str>,
    tense: HashMap<&'static str, &'static str>,
}

impl Tables {
    fn new() -> Tables {
        Tables {
            synonyms: SYNONYMS.iter().copied().collect(),
            british: BRITISH.iter().copied().collect(),
            tense: TENSE.iter().copied().collect(),
        }
    }
}

/// Split a token into (leading punctuation, core, trailing punctuation).
fn parts(tok: &str) -> (&str, &str, &str) {
    let core_start = tok.find(|c: char| c.is_alphanumeric()).unwrap_or(tok.len());
    let core_end = tok
        .rfind(|c: char| c.is_alphanumeric())
        .map_or(core_start, |i| {
            i + tok[i..].chars().next().map_or(1, char::len_utf8)
        });
    (
        &tok[..core_start],
        &tok[core_start..core_end],
        &tok[core_end..],
    )
}

/// `to` with the case of `from`'s first letter.
fn with_case(from: &str, to: &str) -> String {
    if from.chars().next().is_some_and(char::is_uppercase) {
        capitalize(to)
    } else {
        to.to_string()
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Lower-case the first letter unless the first word looks like a name or
/// code (`I`, `HashMap`, `Vec`): a second capital, or a one-letter word.
fn decapitalize(s: &str) -> String {
    let first_word = s.split_whitespace().next().unwrap_or("");
    let caps = first_word.chars().filter(|c| c.is_uppercase()).count();
    if caps != 1
        || first_word.len() < 2
        || (first_word.starts_with(['I', 'O']) && first_word.len() <= 2)
    {
        return s.to_string();
    }
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Replace words of `s` found in `table`: each match with probability `p`,
/// at most `max` of them. Returns how many were replaced.
fn substitute(
    s: &mut String,
    table: &HashMap<&str, &str>,
    rng: &mut Rng,
    p: f64,
    max: usize,
) -> usize {
    let mut n = 0;
    let mut out = String::with_capacity(s.len() + 16);
    for (i, tok) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let (lead, core, trail) = parts(tok);
        let lower = core.to_lowercase();
        match table.get(lower.as_str()) {
            Some(to) if n < max && rng.chance(p) => {
                out.push_str(lead);
                out.push_str(&with_case(core, to));
                out.push_str(trail);
                n += 1;
            }
            _ => out.push_str(tok),
        }
    }
    *s = out;
    n
}

/// -ize → -ise (and the table): `initialize` → `initialise`.
fn britishize(s: &mut String, t: &Tables) -> usize {
    let mut n = 0;
    let mut out = String::with_capacity(s.len());
    for (i, tok) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let (lead, core, trail) = parts(tok);
        let lower = core.to_lowercase();
        let mut word = None;
        if let Some(to) = t.british.get(lower.as_str()) {
            word = Some(with_case(core, to));
        } else if core.len() > 6 && core.chars().all(|c| c.is_ascii_lowercase()) {
            for suf in ["izations", "ization", "izing", "izes", "ized", "ize"] {
                if let Some(stem) = core.strip_suffix(suf) {
                    word = Some(format!("{stem}is{}", &suf[2..]));
                    break;
                }
            }
        }
        match word {
            Some(w) => {
                out.push_str(lead);
                out.push_str(&w);
                out.push_str(trail);
                n += 1;
            }
            None => out.push_str(tok),
        }
    }
    *s = out;
    n
}

/// One phrase or contraction replaced, if any occurs.
fn phrase(s: &mut String, rng: &mut Rng) -> bool {
    let start = rng.below(PHRASES.len());
    for k in 0..PHRASES.len() {
        let (from, to) = PHRASES[(start + k) % PHRASES.len()];
        if let Some(i) = s.find(from) {
            s.replace_range(i..i + from.len(), to);
            return true;
        }
        let cap = capitalize(from);
        if let Some(i) = s.find(&cap) {
            s.replace_range(i..i + cap.len(), &capitalize(to));
            return true;
        }
    }
    false
}

/// The closing punctuation of a sentence (`.`, `?`, `.”`…), and the rest.
fn split_terminal(s: &str) -> (&str, &str) {
    let body = s.trim_end_matches(['.', '!', '?', ':', '”', '"', '’', ')']);
    (body, &s[body.len()..])
}

/// Drop a clause: a parenthetical, a short leading clause, a middle clause
/// between commas, or a trailing one.
fn drop_clause(s: &mut String, rng: &mut Rng) -> bool {
    let order = rng.below(4);
    for k in 0..4 {
        match (order + k) % 4 {
            0 => {
                if let (Some(i), Some(j)) = (s.find(" ("), s.find(')'))
                    && i < j
                    && j + 1 < s.len()
                {
                    s.replace_range(i..=j, "");
                    return true;
                }
            }
            1 => {
                if let Some(i) = s.find(", ") {
                    let lead = &s[..i];
                    let words = lead.split_whitespace().count();
                    if (2..=6).contains(&words) && s[i + 2..].split_whitespace().count() >= 5 {
                        *s = capitalize(&s[i + 2..]);
                        return true;
                    }
                }
            }
            2 => {
                if let Some(i) = s.find(", which ").or_else(|| s.find(", where "))
                    && let Some(j) = s[i + 2..].find(", ")
                {
                    s.replace_range(i..i + 2 + j, "");
                    return true;
                }
            }
            _ => {
                if let Some(i) = s.rfind(", ") {
                    let (body, term) = split_terminal(s);
                    if i < body.len()
                        && body[..i].split_whitespace().count() >= 6
                        && body[i + 2..].split_whitespace().count() >= 3
                    {
                        *s = format!("{}{}", &body[..i], if term.is_empty() { "." } else { term });
                        return true;
                    }
                }
            }
        }
    }
    false
}

/// `If X, Y.` → `Y if X.`
fn move_front_clause(s: &mut String) -> bool {
    let Some(open) = FRONT_CLAUSES.iter().find(|o| s.starts_with(**o)) else {
        return false;
    };
    let Some(i) = s.find(", ") else { return false };
    let (body, term) = split_terminal(s);
    if i >= body.len() || body[i + 2..].split_whitespace().count() < 4 || term.is_empty() {
        return false;
    }
    let clause = format!("{}{}", open.to_lowercase(), &body[open.len()..i]);
    *s = format!("{} {}{}", capitalize(&body[i + 2..]), clause, term);
    true
}

/// A long sentence cut in two at `, and `, `, but `, `; ` or `, which `.
fn split_long(s: &str) -> Option<(String, String)> {
    if s.split_whitespace().count() < 22 {
        return None;
    }
    for (sep, lead) in [
        (", and ", ""),
        (", but ", "But "),
        ("; ", ""),
        (", which ", "This "),
    ] {
        let Some(i) = s.find(sep) else { continue };
        let left = &s[..i];
        let right = &s[i + sep.len()..];
        // Not inside brackets (`[val; N]` is code, not a clause).
        let balanced = left.matches(['(', '[']).count() == left.matches([')', ']']).count();
        if balanced && left.split_whitespace().count() >= 6 && right.split_whitespace().count() >= 6
        {
            let right = if lead.is_empty() {
                capitalize(right)
            } else {
                format!("{lead}{right}")
            };
            return Some((format!("{left}."), right));
        }
    }
    None
}

/// Two sentences made one.
fn merge(x: &str, y: &str, rng: &mut Rng) -> String {
    let (body, _) = split_terminal(x);
    let joint = [", and ", "; ", ", so ", " — "][rng.below(4)];
    format!("{body}{joint}{}", decapitalize(y))
}

/// A light edit: one synonym, a British spelling, or a phrase/contraction.
fn light(s: &mut String, t: &Tables, rng: &mut Rng) {
    let start = rng.below(3);
    for k in 0..3 {
        let done = match (start + k) % 3 {
            0 => substitute(s, &t.synonyms, rng, 0.5, 1) > 0,
            1 => britishize(s, t) > 0,
            _ => phrase(s, rng),
        };
        if done {
            return;
        }
    }
}

/// A rewording: two to four edits of every kind.
fn reword(s: &mut String, t: &Tables, rng: &mut Rng) {
    let want = 2 + rng.below(3);
    let mut done = 0;
    for _ in 0..8 {
        if done >= want {
            break;
        }
        let ok = match rng.below(6) {
            0 | 1 => substitute(s, &t.synonyms, rng, 0.7, 3) > 0,
            2 => drop_clause(s, rng),
            3 => move_front_clause(s) || phrase(s, rng),
            4 => substitute(s, &t.tense, rng, 1.0, usize::MAX) > 0,
            _ => britishize(s, t) > 0 || phrase(s, rng),
        };
        done += usize::from(ok);
    }
}

/// B from A: see the module documentation. Deterministic for a given seed.
pub fn rewrite(a: &str, new: &str, seed: u64) -> (String, Counts) {
    let t = Tables::new();
    let mut rng = Rng::new(seed);
    let mut c = Counts::default();
    let (_, secs) = sections(a);
    let pool: Vec<String> = sections(new)
        .1
        .iter()
        .flat_map(|s| s.paras.iter().flat_map(|p| split_sentences(p)))
        .filter(|s| s.split_whitespace().count() >= 5)
        .collect();
    let mut next_new = 0;
    let mut take_new = |c: &mut Counts| {
        let s = pool[next_new % pool.len()].clone();
        next_new += 1;
        c.new_sentences += 1;
        s
    };

    let mut out: Vec<Section> = Vec::with_capacity(secs.len());
    let mut drop_run = 0usize;
    for sec in secs {
        c.sections += 1;
        let mut paras: Vec<String> = Vec::new();
        for p in &sec.paras {
            c.paragraphs_a += 1;
            let sents = split_sentences(p);
            c.sentences_a += sents.len();
            if drop_run > 0 || rng.chance(0.018) {
                if drop_run == 0 {
                    drop_run = 3 + rng.below(4);
                }
                drop_run -= 1;
                c.paragraphs_dropped += 1;
                continue;
            }
            if rng.chance(0.07) {
                c.paragraphs_dropped += 1;
                continue;
            }
            let mut edited: Vec<String> = Vec::with_capacity(sents.len() + 2);
            for s in sents {
                let mut s = s;
                let r = rng.below(100);
                if r < 30 {
                    c.verbatim += 1;
                } else if r < 55 {
                    light(&mut s, &t, &mut rng);
                    c.light += 1;
                } else {
                    reword(&mut s, &t, &mut rng);
                    c.reworded += 1;
                }
                if rng.chance(0.35)
                    && let Some((x, y)) = split_long(&s)
                {
                    edited.push(x);
                    s = y;
                    c.split += 1;
                }
                edited.push(s);
            }
            // Merge a few adjacent pairs.
            let mut k = 0;
            while k + 1 < edited.len() {
                if rng.chance(0.09) {
                    let y = edited.remove(k + 1);
                    edited[k] = merge(&edited[k], &y, &mut rng);
                    c.merged += 1;
                }
                k += 1;
            }
            if rng.chance(0.18) {
                let at = rng.below(edited.len() + 1);
                edited.insert(at, take_new(&mut c));
            }
            paras.push(edited.join(" "));
            if rng.chance(0.03) {
                let n = 2 + rng.below(3);
                let fresh: Vec<String> = (0..n).map(|_| take_new(&mut c)).collect();
                c.new_paragraphs += 1;
                paras.push(fresh.join(" "));
            }
        }
        // Move a block of paragraphs elsewhere in the chapter.
        if paras.len() >= 6 && rng.chance(0.25) {
            let len = 2 + rng.below(3);
            let from = rng.below(paras.len() - len + 1);
            let block: Vec<String> = paras.drain(from..from + len).collect();
            let mut to = rng.below(paras.len() + 1);
            if to == from {
                to = if from == 0 { paras.len() } else { 0 };
            }
            for (i, p) in block.into_iter().enumerate() {
                paras.insert(to + i, p);
            }
            c.blocks_moved += 1;
        }
        let heading = sec.heading.map(|mut h| {
            if rng.chance(0.3) {
                substitute(&mut h, &t.synonyms, &mut rng, 1.0, 1);
            }
            h
        });
        if !paras.is_empty() {
            out.push(Section { heading, paras });
        }
    }
    // Move chapters: one in ten goes somewhere else.
    for _ in 0..out.len() / 10 {
        let from = rng.below(out.len());
        let sec = out.remove(from);
        let to = rng.below(out.len() + 1);
        out.insert(to, sec);
        c.sections_moved += usize::from(to != from);
    }

    let mut b = String::with_capacity(a.len() + a.len() / 8);
    b.push_str("Rust, reworded: a rewrite of the book's prose for copycat benchmarks\n");
    for sec in out {
        b.push('\n');
        if let Some(h) = sec.heading {
            b.push_str(&h);
            b.push('\n');
        }
        for p in sec.paras {
            b.push_str(&p);
            b.push('\n');
        }
    }
    (b, c)
}
