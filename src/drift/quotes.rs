//! Quotations: where each article quotes someone, who speaks, and how a
//! quotation changed between the two.

use super::*;
use crate::align::tokens::SPEECH_VERBS;

/// A quotation in an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The quotation with its marks, as bytes of `Article::text`.
    pub span: TextBytes,
    /// The quoted words.
    pub words: Words,
    /// Who the sentence says spoke or wrote it.
    pub speaker: Option<String>,
}

/// Quotations shorter than this many words are names and scare quotes
/// (“non-paper”, "20-point plan"), not something someone said.
pub(super) const MIN_QUOTE_WORDS: usize = 4;

/// Two quotations are the same statement when this share of their content
/// words (Dice, folded) agree…
pub(super) const SAME_QUOTE_DICE: f64 = 0.5;

/// …and at least this many do.
pub(super) const SAME_QUOTE_SHARED: usize = 3;

/// A quotation is reported in a linked passage of B when B keeps this share
/// of its content words.
pub(super) const REPORTED_SHARE: f64 = 0.5;

/// Whether a quotation mark opens here: `“`, or `"` not after a letter.
pub(super) fn opens(text: &str, at: usize, c: char) -> bool {
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

pub(super) fn closes(c: char) -> bool {
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
        let text = art.text_at(p.span);
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
                    push_quote(art, TextBytes::new(start, at + c.len_utf8()), &mut out);
                    open = None;
                }
                // Inside a quotation (a continued one reopens with a mark at
                // the start of its paragraph), or outside any.
                _ => {}
            }
        }
        if open.is_some() {
            let next_opens = body.get(pi + 1).is_some_and(|n| {
                let t = art.text_at(n.span);
                t.chars().next().is_some_and(|c| opens(t, 0, c))
            });
            if !next_opens {
                open = None;
            }
        }
    }
    out
}

pub(super) fn push_quote(art: &Article, span: TextBytes, out: &mut Vec<Quote>) {
    let first = art.words.partition_point(|w| w.span().start < span.start);
    let last = art.words.partition_point(|w| w.span().end <= span.end);
    if last < first + MIN_QUOTE_WORDS {
        return;
    }
    let speaker = speaker(art, span);
    out.push(Quote {
        span,
        words: Words::new(first, last),
        speaker,
    });
}

/// The name a quotation's sentences attribute it to: a run of capitalized
/// words next to a speech verb, outside the quotation.
pub(super) fn speaker(art: &Article, quote: TextBytes) -> Option<String> {
    let s0 = art.sentences.partition_point(|s| s.span.end <= quote.start);
    let s1 = art.sentences.partition_point(|s| s.span.start < quote.end);
    let end = s1.max(s0 + 1).min(art.sentences.len());
    if end <= s0 {
        return None;
    }
    let all = art.sentence_words(Sentences::new(s0, end));
    let words: Vec<usize> = all
        .into_iter()
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
            art.text_at(TextBytes::new(
                art.words[x].span().end,
                art.words[y].span().start,
            ))
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
            return Some(
                art.text_at(art.words_bytes(Words::new(f, l + 1)))
                    .to_string(),
            );
        }
    }
    None
}

/// Folded content words of a word range.
pub(super) fn content(art: &Article, words: Words) -> Vec<String> {
    words
        .into_iter()
        .map(|w| fold(art.word_text(w)))
        .filter(|w| w.chars().count() > 2 || w.chars().any(|c| c.is_ascii_digit()))
        .collect()
}

/// Dice of two bags of words, and how many they share.
pub(super) fn dice(x: &[String], y: &[String]) -> (f64, usize) {
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
pub(super) fn quoted(s: &str) -> String {
    format!("“{s}”")
}

/// The words of a quotation that the other's drops and adds.
pub(super) fn quote_changes(a: &Article, qa: &Quote, b: &Article, qb: &Quote) -> Option<String> {
    let fa: Vec<String> = qa.words.into_iter().map(|w| fold(a.word_text(w))).collect();
    let fb: Vec<String> = qb.words.into_iter().map(|w| fold(b.word_text(w))).collect();
    if fa == fb {
        return None;
    }
    // `at`, `len`: the phrase's place among the quotation's words.
    let phrase = |art: &Article, words: Words, at: usize, len: usize| {
        let ws = Words::new(words.start + at, words.start + at + len);
        art.text_at(art.words_bytes(ws)).to_string()
    };
    let (mut dropped, mut added) = (Vec::new(), Vec::new());
    for op in capture_diff_slices(Algorithm::Myers, &fa, &fb) {
        match op {
            DiffOp::Delete {
                old_index, old_len, ..
            } => dropped.push(phrase(a, qa.words, old_index, old_len)),
            DiffOp::Insert {
                new_index, new_len, ..
            } => added.push(phrase(b, qb.words, new_index, new_len)),
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                dropped.push(phrase(a, qa.words, old_index, old_len));
                added.push(phrase(b, qb.words, new_index, new_len));
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
