//! Metadata (title, date, byline, outlet) and boilerplate recognition.
//!
//! Scraped news carries furniture around the story: a `date 2025-11-26` token,
//! `By : …` and `Update: …` lines, tag lists, "Similar News" and "Check Also"
//! blocks, comment forms. None of it is reporting, so none of it is compared.

/// Lines that are boilerplate by themselves.
const BOILER_LINES: &[&str] = &[
    "tags:",
    "tags :",
    "tag:",
    "share this",
    "share on",
    "share:",
    "follow us",
    "subscribe",
    "sign up for",
    "advertisement",
    "all rights reserved",
    "copyright",
    "©",
    "your email address will not be published",
    "required fields are marked",
    "read more:",
    "also read:",
    "click here",
];

/// Headers that open a block running to the end of the article (related links,
/// comment forms): everything from them on is boilerplate.
const BOILER_BLOCKS: &[&str] = &[
    "similar news",
    "related news",
    "related articles",
    "related stories",
    "related posts",
    "check also",
    "leave a reply",
    "leave a comment",
    "more from",
    "you may also like",
    "recommended for you",
    "most read",
    "trending now",
];

/// A line starting with a boilerplate phrase that has no colon (`Subscribe…`)
/// is boilerplate only when shorter than this many bytes: a long one is a
/// sentence that happens to start with the word.
const BOILER_LINE_BYTES: usize = 120;
/// A header that opens a trailing boilerplate block (`Similar News`) stands on
/// a short line of its own.
const BOILER_HEADER_CHARS: usize = 40;
/// A `|`-separated line of furniture (`Published … | Reporting by …`) is a
/// short one; longer text with a `|` in it is prose.
const FURNITURE_WORDS: usize = 40;
/// A byline names a few people: `By Jane Doe and John Roe` is at most this
/// many words, while a sentence starting with "By" is longer.
const BYLINE_WORDS: usize = 12;
/// Wire datelines (`KYIV (Reuters) -`) sit at the top: the outlet is looked
/// for in this many first characters only.
const DATELINE_CHARS: usize = 400;
/// Headline length in words: a word or two (`Breaking`) is a label, and a
/// paragraph is not a headline.
const HEADLINE_WORDS: std::ops::RangeInclusive<usize> = 2..=30;
/// Longest headline in characters.
const HEADLINE_CHARS: usize = 250;
/// A first line that ends like a sentence is a headline only if it is this
/// short and…
const HEADLINE_SENTENCE_WORDS: usize = 20;
/// …the next paragraph is at least this many times longer (a lead), as
/// `(numerator, denominator)`.
const LEAD_LONGER: (usize, usize) = (3, 2);
/// A crosshead inside the story is one short line: at most this many words.
const HEADING_WORDS: usize = 12;
/// A dateline before the dash of a lead (`WASHINGTON—`) is a place name and
/// a date at most: this many characters…
const DATELINE_HEAD_CHARS: usize = 60;
/// …whose first letters (this many) are capitals.
const DATELINE_CAPS: usize = 3;

fn starts_with_ci(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

/// A line that is boilerplate on its own.
pub fn is_boiler_line(line: &str) -> bool {
    let t = line.trim();
    // Only the start of the line is lower-cased (a body paragraph runs to
    // hundreds of words): each character gives at least one byte, so the
    // first `longest` characters cover every pattern. (No pattern holds a
    // sigma, the one letter whose lower case depends on what follows.)
    let longest = BOILER_LINES.iter().map(|p| p.len()).max().unwrap_or(0);
    // Nearly always ASCII: then its first `longest` characters are as many
    // bytes, lower-cased in one go.
    let ascii = t.len().min(longest);
    let head: String = if t.as_bytes()[..ascii].is_ascii() {
        t[..ascii].to_ascii_lowercase()
    } else {
        t.chars()
            .take(longest)
            .flat_map(char::to_lowercase)
            .collect()
    };
    // The byte length of the whole line lower-cased, only when it matters.
    let short = || {
        t.chars()
            .flat_map(char::to_lowercase)
            .map(char::len_utf8)
            .sum::<usize>()
            < BOILER_LINE_BYTES
    };
    BOILER_LINES
        .iter()
        .any(|p| head.starts_with(p) && (p.ends_with(':') || short()))
}

/// A line that opens a trailing boilerplate block.
pub fn is_boiler_block(line: &str) -> bool {
    let t = line.trim();
    t.chars().count() <= BOILER_HEADER_CHARS && BOILER_BLOCKS.iter().any(|p| starts_with_ci(t, p))
}

/// `YYYY-MM-DD` at the start of `s`.
pub fn iso_date(s: &str) -> Option<&str> {
    let d = s.get(..10)?;
    let b = d.as_bytes();
    let ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    // Checked before slicing: only an all-ASCII `d` is sure to have character
    // boundaries at 5 and 8 (`1234é6789x` does not).
    if !ok {
        return None;
    }
    let month = d[5..7].parse::<u8>().ok()?;
    let day = d[8..10].parse::<u8>().ok()?;
    ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some(d)
}

/// A leading `date YYYY-MM-DD` token: its byte length within `line` (leading
/// whitespace, token and the whitespace after it) and the date.
pub fn date_token(line: &str) -> Option<(usize, &str)> {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    if !starts_with_ci(rest, "date") {
        return None;
    }
    let after = &rest[4..];
    let gap = after.len() - after.trim_start().len();
    if gap == 0 {
        return None;
    }
    let date = iso_date(&after[gap..])?;
    let tail = &after[gap + 10..];
    let tail_gap = tail.len() - tail.trim_start().len();
    if !tail.is_empty() && tail_gap == 0 {
        return None;
    }
    Some((lead + 4 + gap + 10 + tail_gap, date))
}

/// `Update: 2025-11-26 14:59 GMT`, `Published: …`: the date it gives.
///
/// A short line of `|`- or `·`-separated fields one of which is such a
/// field (`A special report | Published Nov. 3, 2025 | Reporting by …`) is
/// furniture too.
pub fn dated_line(line: &str) -> Option<&str> {
    let t = line.trim();
    const FIELDS: &[&str] = &["update:", "updated:", "published:", "posted:", "date:"];
    for p in FIELDS {
        if starts_with_ci(t, p) {
            let rest = t[p.len()..].trim_start();
            return iso_date(rest).or(Some(""));
        }
    }
    if t.split_whitespace().count() <= FURNITURE_WORDS && t.contains(['|', '·']) {
        let furniture = t.split(['|', '·']).map(str::trim).any(|f| {
            [
                "updated ",
                "published ",
                "posted ",
                "reporting by ",
                "by ",
                "photos by ",
            ]
            .iter()
            .any(|p| starts_with_ci(f, p))
        });
        if furniture {
            return Some("");
        }
    }
    None
}

/// `By : Palakshi`, `By Jane Doe and John Roe`: the name(s).
pub fn byline(line: &str) -> Option<String> {
    let t = line.trim();
    if t.split_whitespace().count() > BYLINE_WORDS || !starts_with_ci(t, "by") {
        return None;
    }
    let rest = &t[2..];
    if !rest.starts_with([' ', ':', '\u{a0}']) {
        return None;
    }
    let name = rest
        .trim_start_matches(|c: char| c.is_whitespace() || c == ':')
        .trim();
    let first = name.chars().next()?;
    first.is_uppercase().then(|| name.to_string())
}

/// Outlets recognised from words in a file name or a wire dateline.
const OUTLETS: &[(&str, &str)] = &[
    ("reuters", "Reuters"),
    ("ap", "Associated Press"),
    ("apnews", "Associated Press"),
    ("afp", "AFP"),
    ("wsj", "The Wall Street Journal"),
    ("nyt", "The New York Times"),
    ("nytimes", "The New York Times"),
    ("bloomberg", "Bloomberg"),
    ("axios", "Axios"),
    ("bbc", "BBC"),
    ("cnn", "CNN"),
    ("guardian", "The Guardian"),
    ("politico", "Politico"),
    ("insider", "The Insider"),
    ("ft", "Financial Times"),
    ("wapo", "The Washington Post"),
    ("aljazeera", "Al Jazeera"),
    ("dw", "DW"),
    ("kyivindependent", "The Kyiv Independent"),
];

/// The outlet a file name names, e.g. `2025-11-26-reuters-….txt`.
pub fn outlet_from_name(name: &str) -> Option<&'static str> {
    let stem = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = stem.rsplit_once('.').map_or(stem, |(s, _)| s);
    let lower = stem.to_lowercase();
    lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .find_map(|w| OUTLETS.iter().find(|(k, _)| *k == w).map(|(_, v)| *v))
}

/// The outlet a wire dateline names: `KYIV (Reuters) -`.
pub fn outlet_from_text(text: &str) -> Option<&'static str> {
    let head: String = text.chars().take(DATELINE_CHARS).collect();
    OUTLETS.iter().find_map(|(k, v)| {
        let tag = format!("({k})");
        head.to_lowercase().contains(&tag).then_some(*v)
    })
}

/// A first line that reads as a headline: short, and followed by more text.
/// A line that ends like a sentence is a headline only when what follows is
/// much longer (a lead paragraph), not another line like it.
pub fn is_headline(line: &str, next: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    let ends_sentence = t.ends_with(['.', '!', '?']);
    let (num, den) = LEAD_LONGER;
    let followed_by_longer = next.trim().chars().count() * den >= t.chars().count() * num;
    HEADLINE_WORDS.contains(&words)
        && t.chars().count() <= HEADLINE_CHARS
        && (!ends_sentence || (words <= HEADLINE_SENTENCE_WORDS && followed_by_longer))
        && !t.ends_with([',', ';', ':'])
}

/// A crosshead inside the story (`SKEPTICISM OVER RUSSIAN INFLUENCE`): one
/// short line without closing punctuation.
pub fn is_heading(line: &str) -> bool {
    let t = line.trim();
    // (Counted no further than the limit: a body paragraph is long.)
    let words = t.split_whitespace().take(HEADING_WORDS + 1).count();
    (1..=HEADING_WORDS).contains(&words)
        && !t.contains('\n')
        && !t.ends_with(['.', '!', '?', ',', ';', ':', '"', '”', '’', ')', '…'])
}

/// Strip a wire dateline (`WASHINGTON—`, `KYIV, Nov 26 (Reuters) - `) from the
/// start of a lead, for a title made from it.
pub fn strip_dateline(s: &str) -> &str {
    for sep in ["—", " – ", " - ", "–"] {
        if let Some((head, rest)) = s.split_once(sep) {
            let letters: Vec<char> = head.chars().filter(|c| c.is_alphabetic()).collect();
            let caps = letters.iter().take(DATELINE_CAPS).all(|c| c.is_uppercase());
            if head.chars().count() <= DATELINE_HEAD_CHARS && !letters.is_empty() && caps {
                return rest.trim_start();
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_token_is_found_with_its_whitespace() {
        let l = " date 2025-11-26 The plan";
        let (n, d) = date_token(l).unwrap();
        assert_eq!(d, "2025-11-26");
        assert_eq!(&l[n..], "The plan");
        assert!(date_token("dated 2025-11-26").is_none());
        assert!(date_token("date 2025-13-01 x").is_none());
    }

    /// Regression: `iso_date` sliced `d[5..7]` before checking that the ten
    /// bytes are ASCII, and panicked when a multi-byte character straddled
    /// byte 5 (a line `date 1234é6789…`, or such a file name).
    #[test]
    fn iso_date_on_non_ascii_does_not_panic() {
        assert_eq!(iso_date("1234é6789x"), None);
        assert_eq!(iso_date("2025-1é-01"), None);
        assert!(date_token("date 1234é6789 text").is_none());
        assert_eq!(iso_date("2025-11-26-x"), Some("2025-11-26"));
    }

    #[test]
    fn bylines_and_update_lines() {
        assert_eq!(byline("By :  Palakshi").as_deref(), Some("Palakshi"));
        assert_eq!(byline("By Jane Doe").as_deref(), Some("Jane Doe"));
        assert!(byline("By the time it ended, everyone had left the room.").is_none());
        assert_eq!(
            dated_line("Update: 2025-11-26 14:59 GMT"),
            Some("2025-11-26")
        );
    }

    #[test]
    fn boilerplate_lines_and_blocks() {
        assert!(is_boiler_line("Tags:    "));
        assert!(is_boiler_line("Your email address will not be published."));
        assert!(is_boiler_block("Similar News"));
        assert!(is_boiler_block("Check Also"));
        assert!(!is_boiler_block(
            "Check also whether the plan holds, he said, in a long sentence."
        ));
    }

    #[test]
    fn outlets_from_names() {
        assert_eq!(
            outlet_from_name("2025-11-26-reuters-x.txt"),
            Some("Reuters")
        );
        assert_eq!(
            outlet_from_name("dir/2025-wsj-story.md"),
            Some("The Wall Street Journal")
        );
        assert_eq!(outlet_from_name("apple-story.txt"), None);
    }

    #[test]
    fn datelines_are_stripped() {
        assert_eq!(strip_dateline("WASHINGTON—It started"), "It started");
        assert_eq!(
            strip_dateline("It started — and went on"),
            "It started — and went on"
        );
    }
}
