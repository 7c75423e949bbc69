//! Paragraphs → sentences → words, all as byte ranges of the normalized text.
//!
//! News text breaks the textbook rules: `U.S. President` is not a boundary,
//! `matter.This` (a missing space) is one, and so is `fund. according` (a
//! sentence that begins in lower case). The rules below are written for prose
//! as it is published, not as it should be.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Titles before a name: a period after them never ends a sentence.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "sen", "sens", "rep", "reps", "gen", "gov", "lt", "col", "sgt",
    "capt", "cmdr", "adm", "maj", "cpl", "pvt", "st", "jr", "sr", "prof", "rev", "hon", "pres",
    "supt", "insp", "det", "messrs", "mme", "mlle", "fr",
];

/// Abbreviations that may end a sentence, but usually do not.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "inc", "corp", "co", "ltd", "llc", "plc", "vs", "etc", "no", "nos", "fig", "vol", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx", "dept", "est",
    "univ", "assn", "bros", "ave", "blvd", "rd", "mt", "ft", "cf", "al", "ca", "op", "pp", "ed",
    "eds", // U.S. states in AP style, as in datelines (`MARSTON, Ky. — …`).
    "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans",
    "ky", "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore",
    "pa", "tenn", "tex", "vt", "va", "wash", "wis", "wyo",
];

/// Words that start sentences. After an abbreviation such as `U.S.` or `Inc.`
/// a capitalised word could be a name (`U.S. President`) or a new sentence
/// (`the U.S. The`); these are the ones that settle it as a new sentence.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "but",
    "and",
    "or",
    "so",
    "yet",
    "in",
    "on",
    "at",
    "a",
    "an",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "however",
    "despite",
    "meanwhile",
    "there",
    "his",
    "her",
    "their",
    "our",
    "some",
    "many",
    "most",
    "one",
    "no",
    "not",
    "what",
    "why",
    "how",
    "who",
    "for",
    "with",
    "by",
    "from",
    "to",
    "both",
    "all",
    "such",
    "still",
    "although",
    "though",
    "because",
    "then",
    "now",
    "also",
    "asked",
    "speaking",
    "according",
];

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»', '›', '」', '』'];
const TERMINALS: &[char] = &['.', '!', '?', '…', '。', '！', '？'];

fn is_terminal(c: char) -> bool {
    TERMINALS.contains(&c)
}

/// Longest token looked at before a period, in characters. Abbreviations and
/// titles are short; the bound keeps a run such as `a.a.a.a…` (no spaces, a
/// candidate boundary at every period) linear instead of quadratic.
const MAX_TOKEN_CHARS: usize = 64;

/// Sentence byte ranges (relative to `text`) inside one paragraph's text.
/// Leading and trailing whitespace is excluded from each range; ranges are in
/// order, non-empty and do not overlap.
///
/// Walks the text in place (no vector of characters), so a paragraph costs no
/// memory beyond its ranges however long it is.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        if start.is_none() && c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        // A pilcrow or section sign opens a sentence (verse and section
        // marks in scripture, statutes and e-texts: `sorrows. ¶ But`).
        if let Some(s) = start
            && matches!(c, '¶' | '§')
            && opens_section(text, s, pos, c)
        {
            let e = s + text[s..pos].trim_end().len();
            if e > s {
                out.push(s..e);
            }
            start = Some(pos);
            pos += c.len_utf8();
            continue;
        }
        let s = *start.get_or_insert(pos);
        if !is_terminal(c) {
            pos += c.len_utf8();
            continue;
        }
        // Swallow runs of terminals and closing quotes/brackets: `?!`, `.”`, `...`.
        let mut end = pos + c.len_utf8();
        let mut closed = false;
        for d in text[end..].chars() {
            if !(is_terminal(d) || CLOSERS.contains(&d)) {
                break;
            }
            closed |= CLOSERS.contains(&d);
            end += d.len_utf8();
        }
        let rest = &text[end..];
        let Some(next) = rest.chars().next() else {
            break; // the paragraph end closes it
        };
        let boundary = if next.is_whitespace() {
            let after = rest.trim_start();
            // Trailing whitespace: the paragraph end closes it.
            !after.is_empty() && spaced_boundary(text, s, pos, c, closed, after)
        } else {
            glued_boundary(text, s, pos, c, closed, rest)
        };
        if boundary {
            out.push(s..end);
            start = None;
        }
        pos = end;
    }
    if let Some(s) = start {
        let e = text.trim_end().len();
        if e > s {
            out.push(s..e);
        }
    }
    out
}

/// Whether `c` at `pos` is a mark that starts a new sentence, in a sentence
/// that began at `s`: `¶` always (it marks a verse or paragraph), `§` only
/// after a sentence's end or at a line start, as mid-sentence it is a
/// citation (`under § 230 of the Act`).
fn opens_section(text: &str, s: usize, pos: usize, c: char) -> bool {
    let before = text[s..pos].trim_end_matches([' ', '\u{a0}']);
    if before.is_empty() {
        return false;
    }
    match c {
        '¶' => true,
        '§' => {
            before.ends_with('\n')
                || before
                    .trim_end()
                    .ends_with(|d: char| is_terminal(d) || CLOSERS.contains(&d))
        }
        _ => false,
    }
}

/// The token before the terminal at `term`, within the sentence starting at
/// `s`: the run of letters, digits and inner periods (`U.S`, `Sens`, `fund`),
/// at most [`MAX_TOKEN_CHARS`] long.
fn token_before(text: &str, s: usize, term: usize) -> &str {
    let before = &text[s..term];
    let from = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || c == '.')
        .take(MAX_TOKEN_CHARS)
        .last()
        .map_or(before.len(), |(i, _)| i);
    &before[from..]
}

/// The first word of `rest`, lower-cased (cut short: it is only compared
/// with the short words of `STARTERS`).
fn next_word(rest: &str) -> String {
    rest.chars()
        .skip_while(|c| !c.is_alphanumeric())
        .take_while(|c| c.is_alphanumeric())
        .take(MAX_TOKEN_CHARS)
        .collect::<String>()
        .to_lowercase()
}

/// A terminal followed by whitespace, then `rest` (not empty, starting with
/// the next non-space character).
fn spaced_boundary(text: &str, s: usize, term: usize, c: char, closed: bool, rest: &str) -> bool {
    let Some(first) = rest.chars().next() else {
        return false;
    };
    let opens = first.is_uppercase()
        || first.is_numeric()
        || matches!(first, '"' | '“' | '‘' | '\'' | '(' | '[' | '«');
    if c != '.' || closed {
        // `?`, `!`, `…` and `."`: a new sentence unless the text runs on in lower
        // case (`"Why?" he asked`, `wait… and`).
        return opens;
    }
    let tok = token_before(text, s, term);
    let lower = tok
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    if lower.is_empty() {
        return opens;
    }
    if TITLES.contains(&lower.as_str()) {
        return false;
    }
    let letters = lower.chars().filter(|c| c.is_alphabetic()).count();
    // A letter after an apostrophe ends a word (`the 1770's.`, `Macy's.`,
    // `Jones's.`): it is a possessive or a contraction, not an initial.
    let after_apostrophe = text[s..term - tok.len()]
        .chars()
        .next_back()
        .is_some_and(|c| matches!(c, '\'' | '’'));
    let single_initial =
        letters == 1 && lower.chars().all(char::is_alphabetic) && !after_apostrophe;
    let dotted = lower.contains('.');
    if single_initial || dotted || ABBREVIATIONS.contains(&lower.as_str()) {
        return first.is_uppercase() && STARTERS.contains(&next_word(rest).as_str());
    }
    // An ordinary word and a period: a boundary even before lower case, which
    // careless copy produces (`fund. according to two sources`).
    opens || first.is_lowercase()
}

/// A terminal glued to the next character: `matter.This` is a boundary,
/// `U.S.reliance`, `3.5` and `example.com` are not.
fn glued_boundary(text: &str, s: usize, term: usize, c: char, closed: bool, rest: &str) -> bool {
    let mut it = rest.chars();
    let (Some(first), second) = (it.next(), it.next()) else {
        return false;
    };
    let word_follows = first.is_uppercase() && second.is_some_and(char::is_lowercase);
    if c != '.' || closed {
        return word_follows;
    }
    let tok = token_before(text, s, term);
    let letters = tok.chars().rev().take_while(|c| c.is_alphabetic()).count();
    let prev_lower = tok.chars().last().is_some_and(char::is_lowercase);
    word_follows && prev_lower && letters >= 2 && !tok.contains('.')
}

/// Word byte ranges (relative to `text`): Unicode words that hold a letter or
/// digit. A word hyphenated at a line end (`sen-` / `tence`) is one word, as
/// a reader reads it: hard-wrapped copies of a text must keep its words.
pub fn words(text: &str) -> Vec<Range<usize>> {
    simple_words(text).unwrap_or_else(|| unicode_words(text))
}

/// [`words`] by the general rules of `unicode-segmentation`: the path text
/// takes when [`simple_words`] meets a character it does not know, and the
/// reference its tests compare it with.
fn unicode_words(text: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for (i, w) in text.split_word_bound_indices() {
        if !w.chars().any(char::is_alphanumeric) {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && w.starts_with(char::is_lowercase)
            && is_line_end_hyphen(&text[prev.end..i])
        {
            prev.end = i + w.len();
            continue;
        }
        out.push(i..i + w.len());
    }
    out
}

/// How a character takes part in word boundaries (UAX #29), for the
/// characters [`simple_words`] knows.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    /// ALetter: ASCII and Latin-1/Latin Extended-A letters.
    Letter,
    /// Numeric: ASCII digits.
    Digit,
    /// ExtendNumLet: `_`.
    Under,
    /// MidLetter (`:`), joins two letters.
    MidLetter,
    /// MidNumLet and Single_Quote (`.`, `'`, `‘`, `’`), join two letters or two digits.
    MidNumLet,
    /// MidNum (`,`, `;`), joins two digits.
    MidNum,
    /// Anything else known: spaces, punctuation, quotation marks, dashes.
    Other,
}

/// The word-boundary class of `c`, or None for a character the fast path
/// leaves to the general rules.
const fn wb(c: char) -> Option<Wb> {
    Some(match c {
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Digit,
        '_' => Wb::Under,
        ':' => Wb::MidLetter,
        '.' | '\'' | '‘' | '’' => Wb::MidNumLet,
        ',' | ';' => Wb::MidNum,
        // Other ASCII (controls never reach here but a line feed, which
        // like a space only joins its own kind).
        ' '..='~' | '\n' => Wb::Other,
        '“' | '”' | '–' | '—' | '…' | '×' | '÷' => Wb::Other,
        '\u{C0}'..='\u{17F}' => Wb::Letter,
        _ => return None,
    })
}

/// [`words`] without the general word-boundary machinery, for text made of
/// the characters [`wb`] knows (nearly all English prose: ASCII, curly
/// quotes, dashes, accented Latin letters): the same ranges, by the rules of
/// UAX #29 as they apply to those characters. Letters, digits and `_` hold
/// together (WB5, WB8–10, WB13a–b); a MidLetter or MidNumLet between two
/// letters joins them (WB6–7), a MidNum or MidNumLet between two digits
/// (WB11–12); everything else stands alone, and only runs holding a letter
/// or digit are words. None when the text holds another character.
fn simple_words(text: &str) -> Option<Vec<Range<usize>>> {
    if !text.is_ascii() && !text.chars().all(|c| wb(c).is_some()) {
        return None;
    }
    let bytes = text.as_bytes();
    // The class of the character at byte `i` and where the next one starts.
    let at = |i: usize| -> (Wb, usize) {
        match bytes[i] {
            x if x.is_ascii() => (ASCII_WB[x as usize], i + 1),
            _ => {
                let c = text[i..].chars().next().unwrap_or(' ');
                (wb(c).unwrap_or(Wb::Other), i + c.len_utf8())
            }
        }
    };
    let word = |c: Wb| matches!(c, Wb::Letter | Wb::Digit | Wb::Under);
    // A word and the character after it take two bytes at least: room for
    // every word at once, not a list grown (and copied) several times over
    // for each sentence.
    let mut out: Vec<Range<usize>> = Vec::with_capacity(bytes.len() / 2 + 1);
    let mut i = 0;
    while i < bytes.len() {
        let (c, n) = at(i);
        if !word(c) {
            i = n;
            continue;
        }
        let start = i;
        let mut alnum = false;
        let mut prev = c;
        loop {
            while i < bytes.len() {
                let (c, n) = at(i);
                if !word(c) {
                    break;
                }
                alnum |= c != Wb::Under;
                prev = c;
                i = n;
            }
            // A joiner between two letters or two digits keeps the word going.
            if i >= bytes.len() {
                break;
            }
            let (mid, n) = at(i);
            if n >= bytes.len() {
                break;
            }
            let (next, _) = at(n);
            let letters = prev == Wb::Letter
                && next == Wb::Letter
                && matches!(mid, Wb::MidLetter | Wb::MidNumLet);
            let digits =
                prev == Wb::Digit && next == Wb::Digit && matches!(mid, Wb::MidNum | Wb::MidNumLet);
            if !(letters || digits) {
                break;
            }
            i = n;
        }
        if !alnum {
            continue;
        }
        if let Some(prev) = out.last_mut()
            && text[start..].starts_with(char::is_lowercase)
            && is_line_end_hyphen(&text[prev.end..start])
        {
            prev.end = i;
            continue;
        }
        out.push(start..i);
    }
    Some(out)
}

/// [`wb`] of each ASCII character, by code.
const ASCII_WB: [Wb; 128] = {
    let mut t = [Wb::Other; 128];
    let mut i = 0;
    while i < 128 {
        if let Some(c) = wb(i as u8 as char) {
            t[i] = c;
        }
        i += 1;
    }
    t
};

/// Whether the text between two words is a hyphen that ends a line (`-\n`,
/// spaces allowed around the line break).
fn is_line_end_hyphen(between: &str) -> bool {
    between
        .strip_prefix(['-', '\u{ad}'])
        .is_some_and(|rest| rest.contains('\n') && rest.trim().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(t: &str) -> Vec<&str> {
        sentences(t).into_iter().map(|r| &t[r]).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            split("U.S. President Donald Trump met Sen. Smith and Gen. Jones. They talked."),
            vec![
                "U.S. President Donald Trump met Sen. Smith and Gen. Jones.",
                "They talked."
            ]
        );
    }

    #[test]
    fn a_possessive_before_a_period_is_not_an_initial() {
        // Regression: `'s.` was read as an initial (`J. Smith`), so the next
        // sentence, not opening with a common starter word, was glued on.
        assert_eq!(
            split("It began in the 1770's. Excerpts follow. Shoppers left Macy’s. Prices fell."),
            vec![
                "It began in the 1770's.",
                "Excerpts follow.",
                "Shoppers left Macy’s.",
                "Prices fell."
            ]
        );
        assert_eq!(split("Ask J. Smith now.").len(), 1);
    }

    #[test]
    fn a_dotted_acronym_ends_a_sentence_before_a_starter() {
        assert_eq!(
            split("The plan came from the U.S. The talks went on."),
            vec!["The plan came from the U.S.", "The talks went on."]
        );
    }

    #[test]
    fn a_dateline_state_and_dash_do_not_split() {
        assert_eq!(
            split("MARSTON, Ky. — Flash flooding tore through town. Two died."),
            vec![
                "MARSTON, Ky. — Flash flooding tore through town.",
                "Two died."
            ]
        );
    }

    #[test]
    fn missing_space_splits() {
        assert_eq!(
            split("familiar with the matter.This Russian paper was real."),
            vec!["familiar with the matter.", "This Russian paper was real."]
        );
    }

    #[test]
    fn glued_acronyms_and_numbers_do_not_split() {
        assert_eq!(split("The U.S.reliance grew 3.5 percent.").len(), 1);
        assert_eq!(split("See example.com for more.").len(), 1);
    }

    #[test]
    fn lower_case_after_a_word_and_period_splits() {
        assert_eq!(
            split("head of a wealth fund. according to two sources, it was kept quiet."),
            vec![
                "head of a wealth fund.",
                "according to two sources, it was kept quiet."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_their_sentence() {
        assert_eq!(
            split("He said “we will win.” Then he left. “Really?” she asked."),
            vec![
                "He said “we will win.”",
                "Then he left.",
                "“Really?” she asked."
            ]
        );
    }

    #[test]
    fn trailing_text_without_terminal_is_a_sentence() {
        assert_eq!(split("  A heading  "), vec!["A heading"]);
        assert!(split("   ").is_empty());
    }

    /// Regression: every period of a run like `a.a.a.a…` (no spaces) is a
    /// candidate boundary, and the token before each was read back to the
    /// start of the run, so a long run took quadratic time (a 20 MB one would
    /// not finish). The run is one sentence, and it is split in linear time.
    #[test]
    fn glued_period_runs_split_in_linear_time() {
        let t = "a.".repeat(200_000);
        assert_eq!(sentences(&t), vec![0..t.len()]);
        let t = format!("{} The next one.", "a.".repeat(200_000));
        // Ranges, not text, in the assertion: a failure must not print 400 kB.
        assert_eq!(sentences(&t), vec![0..400_000, 400_001..t.len()]);
    }

    #[test]
    fn a_pilcrow_starts_a_sentence() {
        assert_eq!(
            split("and acquainted with sorrows. ¶ But he was wounded. ¶ All we like sheep"),
            vec![
                "and acquainted with sorrows.",
                "¶ But he was wounded.",
                "¶ All we like sheep"
            ]
        );
        assert_eq!(
            split("He cited § 230 of the Act. § 12. Terms apply."),
            vec!["He cited § 230 of the Act.", "§ 12.", "Terms apply."]
        );
    }

    #[test]
    fn a_word_hyphenated_at_a_line_end_is_one_word() {
        let t = "a well-known exam-\nple and a dash -\n Then";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            w,
            vec![
                "a",
                "well",
                "known",
                "exam-\nple",
                "and",
                "a",
                "dash",
                "Then"
            ]
        );
    }

    #[test]
    fn simple_words_follow_the_unicode_rules() {
        for t in [
            "a:b a.b a'b a,b 1,000 1;2 1.5 1'2 1:2 a.1 1.a __init__ _ a_1 U.S. don't x--y",
            "end. 'quoted' \"q\" a-\nb A-\nb a -\n b 3.5. a..b a.'b 12,345,678.90",
            "",
            "...",
            "_a_ __ a__b",
            "don’t ‘a’ “b” x–y x—y a…b café Œuvre 5×3 a’’b 1’000",
        ] {
            assert_eq!(simple_words(t), Some(unicode_words(t)), "{t:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn simple_words_match_the_general_rules(t in "[ -~\n]{0,60}") {
            proptest::prop_assert_eq!(simple_words(&t), Some(unicode_words(&t)));
        }

        #[test]
        fn simple_words_match_on_word_like_text(t in "[aZ9_'.,:; \n‘’“”–—…éßÑŒž×÷-]{0,40}") {
            proptest::prop_assert_eq!(simple_words(&t), Some(unicode_words(&t)));
        }

        #[test]
        fn simple_words_match_on_latin_letters(t in "[a\u{C0}-\u{17F}1.’ ]{0,30}") {
            proptest::prop_assert_eq!(simple_words(&t), Some(unicode_words(&t)));
        }
    }

    #[test]
    fn words_skip_punctuation_and_keep_spans() {
        let t = "The U.S.-backed plan, “non-paper.”";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(w, vec!["The", "U.S", "backed", "plan", "non", "paper"]);
    }
}
