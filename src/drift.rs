//! Quote and fact drift: what a rewrite changed that an editor must see.
//!
//! Rewording is the point of a rewrite; changing what someone said, or a
//! fact, is not. Given two articles and their alignment, this finds
//!
//! - **quotations** (“…” or "…", also running over several sentences or
//!   paragraphs) in each article, with the speaker the sentence names; a
//!   quotation in both articles whose words differ is an *altered quote*, and
//!   one of A's that B kept in a linked passage without quotation marks is a
//!   *reported quote*;
//! - **facts** changed inside a linked passage: a number (a count, amount,
//!   year, `three` → `multiple`) or a name (`Sergei` → `Sergey` Lavrov)
//!   replaced by another.
//!
//! Spelling variants (`finalizing`/`finalising`) are not changes: words are
//! compared in the aligner's folded form ([`crate::align::tokens::normalize`]).
//! No terminal code lives here.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::align::tokens::normalize;
use crate::align::{Alignment, Link, WordOp};
use crate::article::Article;

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A quotation in both articles, with different words.
    AlteredQuote,
    /// A quotation of A that B gives as reported speech, without quotation marks.
    ReportedQuote,
    /// A number changed inside a linked passage.
    Number,
    /// A name changed inside a linked passage.
    Name,
}

impl FlagKind {
    /// How reports name the kind.
    pub const fn label(self) -> &'static str {
        match self {
            FlagKind::AlteredQuote => "altered quote",
            FlagKind::ReportedQuote => "reported quote",
            FlagKind::Number => "number",
            FlagKind::Name => "name",
        }
    }
}

/// One change an editor should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// What changed.
    pub kind: FlagKind,
    /// Bytes of A's text (normalized, as `Article::text`) involved.
    pub a: Range<usize>,
    /// Bytes of B's text involved.
    pub b: Range<usize>,
    /// A line for a reader: what became what.
    pub detail: String,
    /// Index of the link the change is in, if it is in one.
    pub link: Option<usize>,
}

/// A quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quotation with its marks, as bytes of `Article::text`.
    pub span: Range<usize>,
    /// The quoted words (index range into `Article::words`).
    pub words: Range<usize>,
    /// Who the sentence says spoke or wrote it.
    pub speaker: Option<String>,
}

/// Quotations shorter than this many words are names and scare quotes
/// (“non-paper”, "20-point plan"), not something someone said.
const MIN_QUOTE_WORDS: usize = 4;
/// Two quotations are the same statement when this share of their content
/// words (Dice, folded) agree…
const SAME_QUOTE_DICE: f64 = 0.5;
/// …and at least this many do.
const SAME_QUOTE_SHARED: usize = 3;
/// A quotation is reported in a linked passage of B when B keeps this share
/// of its content words.
const REPORTED_SHARE: f64 = 0.5;
/// Two spellings of a name are one name changed (`Sergei`/`Sergey`), not two
/// people, when this share of their letters agree (normalized edit distance)…
const NAME_SIMILARITY: f64 = 0.6;
/// …and both are at least this long.
const MIN_NAME_CHARS: usize = 3;

/// Verbs that attribute speech; the name next to one speaks.
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "stated",
    "posted",
    "tweeted",
    "acknowledged",
    "asked",
    "argued",
    "noted",
    "warned",
    "explained",
    "claimed",
    "insisted",
    "recalled",
    "replied",
    "urged",
    "declared",
    "announced",
    "according",
];

/// Words of vague quantity that stand where a number stood (`three` →
/// `multiple`).
const VAGUE_QUANTITIES: &[&str] = &[
    "multiple",
    "several",
    "many",
    "numerous",
    "some",
    "various",
    "few",
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "countless",
];

/// Words that scale a number: `5 million` and `5 billion` differ.
const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "percent", "%",
];

/// Month and weekday names and their abbreviations: `Oct` is `October`.
const CALENDAR: &[(&str, &str)] = &[
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
    ("mon", "monday"),
    ("tue", "tuesday"),
    ("tues", "tuesday"),
    ("wed", "wednesday"),
    ("thu", "thursday"),
    ("thurs", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
];

/// A word folded for comparison: spelling, case, number words, and month
/// and weekday abbreviations.
fn fold(word: &str) -> String {
    let n = normalize(word);
    let bare = n.trim_end_matches('.');
    CALENDAR
        .iter()
        .find(|(abbr, _)| *abbr == bare)
        .map_or(n.clone(), |(_, full)| (*full).to_string())
}

/// Whether a quotation mark opens here: `“`, or `"` not after a letter.
fn opens(text: &str, at: usize, c: char) -> bool {
    match c {
        '“' => true,
        '"' => {
            let before = text[..at].chars().next_back();
            let after = text[at + 1..].chars().next();
            before.is_none_or(|b| b.is_whitespace() || "([{—–-".contains(b))
                && after.is_some_and(|a| !a.is_whitespace())
        }
        _ => false,
    }
}

fn closes(c: char) -> bool {
    c == '”' || c == '"'
}

/// Every quotation of at least [`MIN_QUOTE_WORDS`] words in the body of
/// `art`, in reading order.
///
/// A quotation runs from an opening mark to the next closing one. News copy
/// continues a quotation into the next paragraph by opening that paragraph
/// with a mark and leaving the previous one open; such runs are one
/// quotation. A mark left open otherwise is not a quotation.
pub fn quotes(art: &Article) -> Vec<Quote> {
    let mut out = Vec::new();
    let body: Vec<&crate::article::Paragraph> = art
        .paragraphs
        .iter()
        .filter(|p| p.role.compared())
        .collect();
    let mut open: Option<usize> = None;
    for (pi, p) in body.iter().enumerate() {
        let text = &art.text[p.span.clone()];
        // Only quotation marks open or close anything: the search for them
        // skips the rest of the text at memchr speed.
        for (i, m) in text.match_indices(['“', '”', '"']) {
            let c = m.chars().next().expect("a match is one mark");
            let at = p.span.start + i;
            match open {
                None if opens(text, i, c) => open = Some(at),
                // (A straight mark opening a paragraph reopens a quotation
                // continued from the one before; it does not close it.)
                Some(start) if closes(c) && !(i == 0 && opens(text, i, c)) => {
                    push_quote(art, start..at + c.len_utf8(), &mut out);
                    open = None;
                }
                // Inside a quotation (a continued one reopens with a mark at
                // the start of its paragraph), or outside any.
                _ => {}
            }
        }
        if open.is_some() {
            let next_opens = body.get(pi + 1).is_some_and(|n| {
                let t = &art.text[n.span.clone()];
                t.chars().next().is_some_and(|c| opens(t, 0, c))
            });
            if !next_opens {
                open = None;
            }
        }
    }
    out
}

fn push_quote(art: &Article, span: Range<usize>, out: &mut Vec<Quote>) {
    let first = art.words.partition_point(|w| w.span().start < span.start);
    let last = art.words.partition_point(|w| w.span().end <= span.end);
    if last < first + MIN_QUOTE_WORDS {
        return;
    }
    let speaker = speaker(art, &span);
    out.push(Quote {
        span,
        words: first..last,
        speaker,
    });
}

/// The name a quotation's sentences attribute it to: a run of capitalized
/// words next to a speech verb, outside the quotation.
fn speaker(art: &Article, quote: &Range<usize>) -> Option<String> {
    let s0 = art.sentences.partition_point(|s| s.span.end <= quote.start);
    let s1 = art.sentences.partition_point(|s| s.span.start < quote.end);
    let sentences = s0..s1.max(s0 + 1).min(art.sentences.len());
    if sentences.is_empty() {
        return None;
    }
    let all =
        art.sentences[sentences.start].words.start..art.sentences[sentences.end - 1].words.end;
    let words: Vec<usize> = all
        .filter(|&i| {
            let w = &art.words[i].span();
            w.end <= quote.start || w.start >= quote.end
        })
        .collect();
    let capitalized = |i: usize| {
        let t = art.word_text(i);
        t.chars().next().is_some_and(char::is_uppercase)
            && !["I", "He", "She", "They", "We", "It"].contains(&t)
    };
    for (k, &w) in words.iter().enumerate() {
        let verb = art.word_text(w).to_lowercase();
        if !SPEECH_VERBS.contains(&verb.as_str()) {
            continue;
        }
        // `Trump wrote`: the run of capitals just before the verb…
        // (A run is words with only spaces between: `Geneva, Rubio` is two.)
        let joined = |x: usize, y: usize| {
            art.text[art.words[x].span().end..art.words[y].span().start]
                .chars()
                .all(char::is_whitespace)
        };
        let mut run: Vec<usize> = Vec::new();
        for &i in words[..k].iter().rev() {
            if !capitalized(i) || run.last().is_some_and(|&n| !joined(i, n)) {
                break;
            }
            run.push(i);
        }
        run.reverse();
        // …or `said Trump`, `according to Trump`: just after it.
        if run.is_empty() {
            let skip = usize::from(verb == "according");
            for &i in words.iter().skip(k + 1 + skip) {
                if !capitalized(i) || run.last().is_some_and(|&p| !joined(p, i)) {
                    break;
                }
                run.push(i);
            }
        }
        if let (Some(&f), Some(&l)) = (run.first(), run.last()) {
            return Some(art.text[art.words[f].span().start..art.words[l].span().end].to_string());
        }
    }
    None
}

/// Folded content words of a word range.
fn content(art: &Article, words: &Range<usize>) -> Vec<String> {
    words
        .clone()
        .map(|w| fold(art.word_text(w)))
        .filter(|w| w.chars().count() > 2 || w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Dice of two bags of words, and how many they share.
fn dice(x: &[String], y: &[String]) -> (f64, usize) {
    let mut ys: Vec<&String> = y.iter().collect();
    let mut shared = 0;
    for w in x {
        if let Some(k) = ys.iter().position(|v| *v == w) {
            ys.swap_remove(k);
            shared += 1;
        }
    }
    let n = x.len() + y.len();
    (
        if n == 0 {
            0.0
        } else {
            2.0 * shared as f64 / n as f64
        },
        shared,
    )
}

/// `“…to meet with President Putin…”`: a phrase quoted for a detail line.
fn quoted(s: &str) -> String {
    format!("“{s}”")
}

/// The words of a quotation that the other's drops and adds.
fn quote_changes(a: &Article, qa: &Quote, b: &Article, qb: &Quote) -> Option<String> {
    let fa: Vec<String> = qa.words.clone().map(|w| fold(a.word_text(w))).collect();
    let fb: Vec<String> = qb.words.clone().map(|w| fold(b.word_text(w))).collect();
    if fa == fb {
        return None;
    }
    let phrase = |art: &Article, words: &Range<usize>, r: Range<usize>| {
        let ws = words.start + r.start..words.start + r.end;
        art.text[art.words_span(&ws)].to_string()
    };
    let (mut dropped, mut added) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &fa, &fb) {
        match op {
            DiffOp::Delete {
                old_index, old_len, ..
            } => dropped.push(phrase(a, &qa.words, old_index..old_index + old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => added.push(phrase(b, &qb.words, new_index..new_index + new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                dropped.push(phrase(a, &qa.words, old_index..old_index + old_len));
                added.push(phrase(b, &qb.words, new_index..new_index + new_len));
            }
            DiffOp::Equal { .. } => {}
        }
    }
    let list = |v: Vec<String>| {
        v.into_iter()
            .map(|s| quoted(&s))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let who = qa
        .speaker
        .as_deref()
        .or(qb.speaker.as_deref())
        .map_or("a quotation".to_string(), |s| format!("{s}’s words"));
    let mut parts = Vec::new();
    if !dropped.is_empty() {
        parts.push(format!("B drops {}", list(dropped)));
    }
    if !added.is_empty() {
        parts.push(format!("B adds {}", list(added)));
    }
    Some(format!("{who}: {}", parts.join("; ")))
}

/// Whether `word` is a number or a number word (after folding).
fn number_of(word: &str) -> Option<String> {
    // Most words are neither digits nor number words: skip folding them.
    let lower = word.to_ascii_lowercase();
    if !word.bytes().any(|b| b.is_ascii_digit())
        && !NUMBER_WORDS.contains(&lower.as_str())
        && !SCALES.contains(&lower.as_str())
    {
        return None;
    }
    let f = fold(word);
    let digits: String = f
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    (f.chars().any(|c| c.is_ascii_digit()) || SCALES.contains(&f.as_str()))
        .then(|| if digits.is_empty() { f.clone() } else { digits })
}

/// Number words the aligner's folding turns into digits.
const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty",
];

/// The numbers (and scales) among some words, and whether a vague quantity
/// stands among them.
fn numbers(art: &Article, words: &Range<usize>) -> (Vec<String>, bool) {
    let mut v = Vec::new();
    let mut vague = false;
    for w in words.clone() {
        let t = art.word_text(w);
        if let Some(n) = number_of(t) {
            v.push(n);
        } else if VAGUE_QUANTITIES.contains(&t.to_ascii_lowercase().as_str()) {
            vague = true;
        }
    }
    (v, vague)
}

/// Capitalized words among some words that are not the first of their
/// sentence (a sentence's first word is capitalized whatever it is).
fn names(art: &Article, words: &Range<usize>) -> Vec<usize> {
    words
        .clone()
        .filter(|&w| {
            let t = art.word_text(w);
            let first = art.sentences[art.words[w].sentence()].words.start == w;
            !first
                && t.chars().count() >= MIN_NAME_CHARS
                && t.chars().next().is_some_and(char::is_uppercase)
                && !t.chars().all(|c| c.is_uppercase() || !c.is_alphabetic())
        })
        .collect()
}

/// The words of a range of sentences.
fn sentence_words(art: &Article, sentences: &Range<usize>) -> Range<usize> {
    art.sentences[sentences.start].words.start..art.sentences[sentences.end - 1].words.end
}

/// The whole name a word is part of (`Sergey Lavrov` for `Sergey`), when
/// capitalized words stand next to it with only spaces between.
fn name_around(art: &Article, w: usize) -> Option<String> {
    let sentence = &art.sentences[art.words[w].sentence()].words;
    let capital = |i: usize| {
        art.word_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let spaced = |x: usize, y: usize| {
        art.text[art.words[x].span().end..art.words[y].span().start]
            .chars()
            .all(char::is_whitespace)
    };
    let (mut first, mut last) = (w, w);
    while first > sentence.start && capital(first - 1) && spaced(first - 1, first) {
        first -= 1;
    }
    while last + 1 < sentence.end && capital(last + 1) && spaced(last, last + 1) {
        last += 1;
    }
    (first != last)
        .then(|| art.text[art.words[first].span().start..art.words[last].span().end].to_string())
}

/// Suffixes that make a people, a plural or an adjective of a name
/// (`Russia` → `Russian`, `Europe` → `European`, `Ukrainians`): forms of one
/// name, not another name.
const NAME_SUFFIXES: &[&str] = &[
    "ians", "ian", "ans", "an", "ns", "es", "s", "n", "e", "a", "i",
];

/// A name without the endings of its derived forms, for telling a form of
/// the same name (`Russian`/`Russia’s`) from another spelling (`Sergei`/
/// `Sergey`, `Zelensky`/`Zelenskiy`), which keeps its difference.
fn name_root(word: &str) -> String {
    let mut w = fold(word);
    for _ in 0..3 {
        let Some(suffix) = NAME_SUFFIXES
            .iter()
            .find(|s| w.len() >= s.len() + 4 && w.ends_with(*s))
        else {
            break;
        };
        w.truncate(w.len() - suffix.len());
    }
    w
}

/// Share of letters two words agree on: 1 − edit distance / longer length.
fn similarity(x: &str, y: &str) -> f64 {
    let (x, y): (Vec<char>, Vec<char>) = (
        x.to_lowercase().chars().collect(),
        y.to_lowercase().chars().collect(),
    );
    let mut prev: Vec<usize> = (0..=y.len()).collect();
    for (i, cx) in x.iter().enumerate() {
        let mut cur = vec![i + 1; y.len() + 1];
        for (j, cy) in y.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(cx != cy))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    let longer = x.len().max(y.len()).max(1);
    1.0 - prev[y.len()] as f64 / longer as f64
}

/// Numbers and names replaced inside one link: each deletion next to an
/// insertion in its word diff is a replacement, and is a change of fact when
/// a number became another number (or a vague quantity), or a name another
/// spelling of itself.
fn fact_flags(a: &Article, b: &Article, link: &Link, index: usize, out: &mut Vec<Flag>) {
    let ops = &link.ops;
    // Numbers anywhere in each side of the link: a number the other side
    // states too (elsewhere in its wording) was kept, not changed. Found
    // only for a link that replaces a number.
    let all = std::cell::OnceCell::new();
    let all = || {
        all.get_or_init(|| {
            (
                numbers(a, &sentence_words(a, &link.a)).0,
                numbers(b, &sentence_words(b, &link.b)).0,
            )
        })
    };
    let mut k = 0;
    while k < ops.len() {
        let (del, ins) = match (&ops[k], ops.get(k + 1)) {
            (WordOp::Delete { a: d }, Some(WordOp::Insert { b: i }))
            | (WordOp::Insert { b: i }, Some(WordOp::Delete { a: d })) => (d.clone(), i.clone()),
            _ => {
                k += 1;
                continue;
            }
        };
        k += 2;
        let (mut na, vague_a) = numbers(a, &del);
        let (mut nb, vague_b) = numbers(b, &ins);
        if !na.is_empty() || !nb.is_empty() {
            let (all_a, all_b) = all();
            na.retain(|n| !all_b.contains(n));
            nb.retain(|n| !all_a.contains(n));
        }
        let stated = |n: &Vec<String>, vague| !n.is_empty() || vague;
        // A number on one side, a number or a vague quantity on the other.
        if (!na.is_empty() || !nb.is_empty())
            && stated(&na, vague_a)
            && stated(&nb, vague_b)
            && na != nb
        {
            out.push(Flag {
                kind: FlagKind::Number,
                a: a.words_span(&del),
                b: b.words_span(&ins),
                detail: format!(
                    "{} → {}",
                    quoted(&a.text[a.words_span(&del)]),
                    quoted(&b.text[b.words_span(&ins)])
                ),
                link: Some(index),
            });
            continue;
        }
        for wa in names(a, &del) {
            let ta = a.word_text(wa);
            let best = names(b, &ins)
                .into_iter()
                .map(|wb| (similarity(ta, b.word_text(wb)), wb))
                .max_by(|x, y| x.0.total_cmp(&y.0));
            if let Some((sim, wb)) = best {
                let tb = b.word_text(wb);
                if sim >= NAME_SIMILARITY && name_root(ta) != name_root(tb) {
                    out.push(Flag {
                        kind: FlagKind::Name,
                        a: a.words[wa].span(),
                        b: b.words[wb].span(),
                        detail: match name_around(b, wb) {
                            Some(whole) => {
                                format!("{} → {} (in {})", quoted(ta), quoted(tb), quoted(&whole))
                            }
                            None => format!("{} → {}", quoted(ta), quoted(tb)),
                        },
                        link: Some(index),
                    });
                }
            }
        }
    }
}

/// Every quote and fact drift between `a` and `b`, given their alignment,
/// sorted by position in B.
pub fn flags(a: &Article, b: &Article, al: &Alignment) -> Vec<Flag> {
    let mut out = Vec::new();
    let (qa, qb) = (quotes(a), quotes(b));
    let ca: Vec<Vec<String>> = qa.iter().map(|q| content(a, &q.words)).collect();
    let cb: Vec<Vec<String>> = qb.iter().map(|q| content(b, &q.words)).collect();
    // Each quotation of B with its best match in A.
    let mut matched_a = vec![false; qa.len()];
    for (j, q) in qb.iter().enumerate() {
        let best = (0..qa.len())
            .map(|i| (dice(&ca[i], &cb[j]), i))
            .filter(|((d, shared), _)| *d >= SAME_QUOTE_DICE && *shared >= SAME_QUOTE_SHARED)
            .max_by(|x, y| x.0.0.total_cmp(&y.0.0));
        let Some((_, i)) = best else { continue };
        matched_a[i] = true;
        if let Some(detail) = quote_changes(a, &qa[i], b, q) {
            out.push(Flag {
                kind: FlagKind::AlteredQuote,
                a: qa[i].span.clone(),
                b: q.span.clone(),
                detail,
                link: link_of(al, a, &qa[i].span, b, &q.span),
            });
        }
    }
    // A quotation of A that a link carries into B without quotation marks.
    for (i, q) in qa.iter().enumerate().filter(|(i, _)| !matched_a[*i]) {
        for (li, l) in al.links.iter().enumerate() {
            let la = a.sentences_span(&l.a);
            if la.end <= q.span.start || la.start >= q.span.end {
                continue;
            }
            let lb = b.sentences_span(&l.b);
            let bw = b.words.partition_point(|w| w.span().start < lb.start)
                ..b.words.partition_point(|w| w.span().end <= lb.end);
            let (d, shared) = dice(&ca[i], &content(b, &bw));
            let kept = shared as f64 / ca[i].len().max(1) as f64;
            let quoted_in_b = qb
                .iter()
                .any(|qb| qb.span.start < lb.end && qb.span.end > lb.start);
            if kept >= REPORTED_SHARE && d > 0.0 && !quoted_in_b {
                let who = q
                    .speaker
                    .as_deref()
                    .map_or("a quotation".to_string(), |s| format!("{s}’s words"));
                out.push(Flag {
                    kind: FlagKind::ReportedQuote,
                    a: q.span.clone(),
                    b: lb,
                    detail: format!("{who} given as reported speech, without quotation marks"),
                    link: Some(li),
                });
                break;
            }
        }
    }
    for (li, l) in al.links.iter().enumerate() {
        fact_flags(a, b, l, li, &mut out);
    }
    out.sort_by_key(|f| (f.b.start, f.a.start, f.kind));
    out.dedup_by(|x, y| x.kind == y.kind && x.a == y.a && x.b == y.b);
    out
}

/// The link whose passages hold both spans, if one does.
fn link_of(
    al: &Alignment,
    a: &Article,
    sa: &Range<usize>,
    b: &Article,
    sb: &Range<usize>,
) -> Option<usize> {
    al.links.iter().position(|l| {
        let (la, lb) = (a.sentences_span(&l.a), b.sentences_span(&l.b));
        la.start < sa.end && sa.start < la.end && lb.start < sb.end && sb.start < lb.end
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(text: &str) -> Article {
        Article::parse("x.txt", text.as_bytes().to_vec())
    }

    #[test]
    fn quotes_with_speakers_and_continued_paragraphs() {
        let a = art(
            "Headline here\n\n“We will not give up the port,” the mayor, Ann Lee, said on Tuesday. Nobody expected it.\n\n\
             Trump wrote: \"In the hopes of finalizing this plan, I have directed my envoy to meet.\"\n\n\
             “This paragraph goes on, and on, to its end.\n\n“And on into the next one,” said Governor Mills.\n\n\
             The so-called “non-paper” was short.",
        );
        let q = quotes(&a);
        let texts: Vec<&str> = q.iter().map(|q| &a.text[q.span.clone()]).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("“We will not"));
        assert_eq!(q[1].speaker.as_deref(), Some("Trump"));
        assert!(texts[2].contains("goes on") && texts[2].ends_with("next one,”"));
        let straight = art(
            "Headline here\n\n\"This paragraph goes on, and on, to its end.\n\n\"And on into the next one,\" said Governor Mills.",
        );
        let q = quotes(&straight);
        assert_eq!(q.len(), 1);
        assert!(straight.text[q[0].span.clone()].ends_with("next one,\""));
        assert_eq!(q[0].speaker.as_deref(), Some("Governor Mills"));
    }

    #[test]
    fn a_quotation_turned_into_reported_speech_is_flagged() {
        let a = art(
            "Talks resume\n\nThe envoy spoke in Geneva on Monday. “We will meet President Putin in Moscow next week to finish the plan,” Witkoff said.",
        );
        let b = art(
            "Envoy to go to Moscow\n\nThe envoy spoke in Geneva on Monday. Witkoff said he would meet President Putin in Moscow next week to finish the plan.",
        );
        let al = crate::align::align(&a, &b);
        let f = flags(&a, &b, &al);
        let reported: Vec<&Flag> = f
            .iter()
            .filter(|f| f.kind == FlagKind::ReportedQuote)
            .collect();
        assert_eq!(reported.len(), 1, "{f:?}");
        assert!(
            reported[0].detail.starts_with("Witkoff’s words"),
            "{}",
            reported[0].detail
        );
        assert!(b.text[reported[0].b.clone()].starts_with("Witkoff said he would"));
    }

    #[test]
    fn a_number_or_name_kept_elsewhere_in_the_link_is_no_change() {
        let a = art(
            "Port strike\n\nFew inside the ministry were told of the meeting in Antwerp, two union officials said on Tuesday.",
        );
        let b = art(
            "Port strike\n\nAccording to two union officials, the meeting in Antwerp was kept from most of the ministry on Tuesday.",
        );
        let al = crate::align::align(&a, &b);
        assert!(!al.links.is_empty());
        assert_eq!(flags(&a, &b, &al), Vec::<Flag>::new());
    }

    #[test]
    fn similarity_measures_letters() {
        assert!(similarity("Sergei", "Sergey") >= NAME_SIMILARITY);
        assert!(similarity("Zelenskiy", "Zelensky") >= NAME_SIMILARITY);
        assert!(similarity("Trump", "Washington") < NAME_SIMILARITY);
        assert_eq!(fold("Oct"), fold("October"));
        assert_eq!(fold("finalising"), fold("finalizing"));
        assert_eq!(name_root("Russian"), name_root("Russia’s"));
        assert_eq!(name_root("European"), name_root("Europe"));
        assert_eq!(name_root("Ukrainians"), name_root("Ukrainian"));
        assert_ne!(name_root("Sergei"), name_root("Sergey"));
        assert_ne!(name_root("Zelensky"), name_root("Zelenskiy"));
    }
}
