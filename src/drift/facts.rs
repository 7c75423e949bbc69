//! Facts: numbers and names changed inside a linked passage.

use super::*;

/// Two spellings of a name are one name changed (`Sergei`/`Sergey`), not two
/// people, when this share of their letters agree (normalized edit distance)…
pub(super) const NAME_SIMILARITY: f64 = 0.6;

/// …and both are at least this long.
pub(super) const MIN_NAME_CHARS: usize = 3;

/// Words of vague quantity that stand where a number stood (`three` →
/// `multiple`).
pub(super) const VAGUE_QUANTITIES: &[&str] = &[
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
pub(super) const SCALES: &[&str] = &[
    "hundred", "thousand", "million", "billion", "trillion", "percent", "%",
];

/// Whether `word` is a number or a number word (after folding).
pub(super) fn number_of(word: &str) -> Option<String> {
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
pub(super) const NUMBER_WORDS: &[&str] = &[
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "twenty",
];

/// The numbers (and scales) among some words, and whether a vague quantity
/// stands among them.
pub(super) fn numbers(art: &Article, words: Words) -> (Vec<String>, bool) {
    let mut v = Vec::new();
    let mut vague = false;
    for w in words {
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
pub(super) fn names(art: &Article, words: Words) -> Vec<usize> {
    words
        .into_iter()
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

/// The whole name a word is part of (`Sergey Lavrov` for `Sergey`), when
/// capitalized words stand next to it with only spaces between.
pub(super) fn name_around(art: &Article, w: usize) -> Option<String> {
    let sentence = art.sentences[art.words[w].sentence()].words;
    let capital = |i: usize| {
        art.word_text(i)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    };
    let spaced = |x: usize, y: usize| {
        art.text_at(TextBytes::new(
            art.words[x].span().end,
            art.words[y].span().start,
        ))
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
    (first != last).then(|| {
        art.text_at(art.words_bytes(Words::new(first, last + 1)))
            .to_string()
    })
}

/// Suffixes that make a people, a plural or an adjective of a name
/// (`Russia` → `Russian`, `Europe` → `European`, `Ukrainians`): forms of one
/// name, not another name.
pub(super) const NAME_SUFFIXES: &[&str] = &[
    "ians", "ian", "ans", "an", "ns", "es", "s", "n", "e", "a", "i",
];

/// A name without the endings of its derived forms, for telling a form of
/// the same name (`Russian`/`Russia’s`) from another spelling (`Sergei`/
/// `Sergey`, `Zelensky`/`Zelenskiy`), which keeps its difference.
pub(super) fn name_root(word: &str) -> String {
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

/// Share of letters two words agree on, case aside: 1 − edit distance /
/// longer length (strsim's normalized Levenshtein, over characters).
pub(super) fn similarity(x: &str, y: &str) -> f64 {
    strsim::normalized_levenshtein(&x.to_lowercase(), &y.to_lowercase())
}

/// Numbers and names replaced inside one link: each deletion next to an
/// insertion in its word diff is a replacement, and is a change of fact when
/// a number became another number (or a vague quantity), or a name another
/// spelling of itself.
pub(super) fn fact_flags(a: &Article, b: &Article, link: &Link, index: usize, out: &mut Vec<Flag>) {
    let ops = &link.ops;
    // Numbers anywhere in each side of the link: a number the other side
    // states too (elsewhere in its wording) was kept, not changed. Found
    // only for a link that replaces a number.
    let all = std::cell::OnceCell::new();
    let all = || {
        all.get_or_init(|| {
            (
                numbers(a, a.sentence_words(link.a)).0,
                numbers(b, b.sentence_words(link.b)).0,
            )
        })
    };
    let mut k = 0;
    while k < ops.len() {
        let (del, ins) = match (&ops[k], ops.get(k + 1)) {
            (WordOp::Delete { a: d }, Some(WordOp::Insert { b: i }))
            | (WordOp::Insert { b: i }, Some(WordOp::Delete { a: d })) => (*d, *i),
            _ => {
                k += 1;
                continue;
            }
        };
        k += 2;
        // Mathematics, code and tables are not prose: `13` → `2^{n}}\sum_{x}`
        // is notation re-typed or re-extracted, not a fact changed.
        if formal(a.text_at(a.words_bytes(del))) || formal(b.text_at(b.words_bytes(ins))) {
            continue;
        }
        let (mut na, vague_a) = numbers(a, del);
        let (mut nb, vague_b) = numbers(b, ins);
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
                a: a.words_bytes(del),
                b: b.words_bytes(ins),
                detail: format!(
                    "{} → {}",
                    quoted(a.text_at(a.words_bytes(del))),
                    quoted(b.text_at(b.words_bytes(ins)))
                ),
                link: Some(index),
            });
            continue;
        }
        for wa in names(a, del) {
            let ta = a.word_text(wa);
            let best = names(b, ins)
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

/// Marks of notation that prose does not use: TeX commands and groups, math
/// delimiters, code operators and table rules.
const FORMAL_MARKS: &[&str] = &[
    "\\", "^{", "_{", "{", "}", "==", "!=", "<=", ">=", "->", "=>", "::", "&&", "||", "|", "`",
];
/// A span whose non-space characters are this share or more of symbols
/// (neither letters, digits nor prose punctuation) is notation.
const FORMAL_SYMBOLS: f64 = 0.25;

/// Whether `text` is mathematics, code or a table rather than prose.
pub(super) fn formal(text: &str) -> bool {
    if FORMAL_MARKS.iter().any(|m| text.contains(m)) {
        return true;
    }
    // A dollar sign before anything but an amount (`$5 million`) delimits
    // mathematics (`$x$`).
    if text
        .match_indices('$')
        .any(|(i, _)| !text[i + 1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return true;
    }
    let prose = |c: char| c.is_alphanumeric() || ".,;:!?'\"’‘“”()-–—%/&".contains(c);
    let (mut symbols, mut all) = (0usize, 0usize);
    for c in text.chars().filter(|c| !c.is_whitespace()) {
        all += 1;
        symbols += usize::from(!prose(c));
    }
    all > 0 && symbols as f64 >= FORMAL_SYMBOLS * all as f64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notation_is_formal_and_prose_is_not() {
        for text in [
            "2^{n}}\\sum_{x\\in",
            "$\\Lambda_{\\alpha}$",
            "x = y + 1; z == w",
            "| 13 | 14 |",
            "fn main() -> u8 {",
            "+= * # @ ~ =",
        ] {
            assert!(formal(text), "{text}");
        }
        for text in [
            "13",
            "three people",
            "$5 million",
            "the U.S.-backed plan (28 points), signed on Oct. 12",
            "“We will not give up,” she said — 50% of it.",
        ] {
            assert!(!formal(text), "{text}");
        }
    }
}
