//! The article model on the real bundled articles (one test per rule), on
//! regressions found while hardening it, and under property tests: whatever
//! bytes come in, `Article::parse` does not panic and keeps its invariants
//! (`copycat::article::check`, shared with the cargo-fuzz targets in `fuzz/`).

use std::ops::Range;

use copycat::article::{self, Article, Role, Sentences, check::check};
use proptest::prelude::*;
use proptest::sample::select;

#[path = "common/markup.rs"]
mod markup;

// ---------------------------------------------------------------------------
// The bundled articles.

/// The bundled article whose file name contains `key`.
fn bundled(key: &str) -> Article {
    let mut found: Vec<Article> = article::bundled()
        .into_iter()
        .filter(|a| a.file_name().contains(key))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "exactly one bundled article matches {key:?}"
    );
    found.remove(0)
}

const WSJ: &str = "wsj";
const PALAKSHI: &str = "palakshi";
const REUTERS: &str = "reuters";
const REWRITE: &str = "rewrite";
const INSIDER: &str = "the-insider";

/// FNV-1a, 64 bits: enough to tell a changed byte, with no dependency.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Each bundled article with the name of the original in `../shared/articles`,
/// its length and its FNV-1a hash, taken from the originals.
const ORIGINALS: &[(&str, &str, usize, u64)] = &[
    (
        REUTERS,
        "000_acd94254a0263661.txt",
        4549,
        0xb684_ec4c_98a0_cef9,
    ),
    (
        PALAKSHI,
        "001_2323b64ed091b1c6.txt",
        3968,
        0x05ed_a2c2_008e_6fe6,
    ),
    (
        REWRITE,
        "002_254597d758bc61f4.txt",
        2525,
        0xd9d1_998b_3449_6f40,
    ),
    (WSJ, "003_4ba70e73f85718eb.txt", 7033, 0x192f_e254_a02c_ea08),
    (
        INSIDER,
        "004_f85a99e518039559.txt",
        12853,
        0xb8a1_268b_2791_5f12,
    ),
];

#[test]
fn bundled_articles_are_the_originals_byte_for_byte() {
    assert_eq!(article::bundled().len(), ORIGINALS.len());
    for &(key, original, len, hash) in ORIGINALS {
        let a = bundled(key);
        assert_eq!(a.bytes.len(), len, "{}", a.path);
        assert_eq!(fnv1a(&a.bytes), hash, "{} differs from {original}", a.path);
        // The shared originals sit beside the repository only in some
        // checkouts; compare with them when they are there.
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/articles")
            .join(original);
        if let Ok(bytes) = std::fs::read(&shared) {
            assert!(
                bytes == a.bytes,
                "{} differs from {}",
                a.path,
                shared.display()
            );
        }
    }
    // A few passages at known offsets, as a readable second check.
    let known: &[(&str, usize, &str)] = &[
        (
            REUTERS,
            0,
            " date 2025-11-26 The U.S.-backed 28-point peace plan",
        ),
        (WSJ, 0, " date 2025-11-25 WASHINGTON—It started"),
        (PALAKSHI, 3942, "Tags: \u{a0}\u{a0}\u{a0}\n\nSimilar News"),
        (REWRITE, 283, "matter.This Russian"),
        (INSIDER, 12634, "Check Also\n\nIranian Funds"),
    ];
    for &(key, at, s) in known {
        let a = bundled(key);
        assert_eq!(
            &a.bytes[at..at + s.len()],
            s.as_bytes(),
            "{} at {at}",
            a.path
        );
    }
}

#[test]
fn bundled_articles_keep_the_invariants() {
    for a in article::bundled() {
        assert_eq!(check(&a), Ok(()), "{}", a.path);
        assert!(a.warnings.is_empty(), "{}: {:?}", a.path, a.warnings);
    }
}

#[test]
fn titles_dates_outlets_and_bylines() {
    // (key, title, headline, date, outlet, byline)
    type Row = (
        &'static str,
        &'static str,
        bool,
        Option<&'static str>,
        Option<&'static str>,
        Option<&'static str>,
    );
    let rows: &[Row] = &[
        (
            REUTERS,
            // No headline line: the lead, shortened at a word.
            "The U.S.-backed 28-point peace plan to end the war in Ukraine, which became public last…",
            false,
            Some("2025-11-26"),
            Some("Reuters"),
            None,
        ),
        (
            WSJ,
            // The lead without its `WASHINGTON—` dateline.
            "It started with an October order from President Trump to his national security team: Come…",
            false,
            Some("2025-11-25"),
            Some("The Wall Street Journal"),
            None,
        ),
        (
            PALAKSHI,
            "US Peace Plan for Ukraine Influenced by Kremlin “Non-Paper,” Sparking Alarm in Washington",
            true,
            // From `Update: 2025-11-26 14:59 GMT`.
            Some("2025-11-26"),
            None,
            Some("Palakshi"),
        ),
        (
            REWRITE,
            "Trump Administration’s Ukraine Peace Plan Rooted in Russian Proposal",
            true,
            None,
            None,
            None,
        ),
        (
            INSIDER,
            "A failure on all counts. How Dmitriev and Ushakov tried to pass off their plan as American.",
            true,
            None,
            Some("The Insider"),
            None,
        ),
    ];
    for &(key, title, headline, date, outlet, byline) in rows {
        let a = bundled(key);
        assert_eq!(a.meta.title, title, "{}", a.path);
        assert_eq!(a.meta.headline, headline, "{}", a.path);
        assert_eq!(a.meta.date.as_deref(), date, "{}", a.path);
        assert_eq!(a.meta.outlet.as_deref(), outlet, "{}", a.path);
        assert_eq!(a.meta.byline.as_deref(), byline, "{}", a.path);
        if headline {
            assert_eq!(a.paragraphs[0].role, Role::Title, "{}", a.path);
            assert_eq!(a.sentence_text(0), title, "{}", a.path);
        }
    }
}

/// The sentence whose text starts with `prefix`.
fn sentence_starting(a: &Article, prefix: &str) -> usize {
    (0..a.sentences.len())
        .find(|&i| a.sentence_text(i).starts_with(prefix))
        .unwrap_or_else(|| panic!("{}: no sentence starts with {prefix:?}", a.path))
}

/// Every body sentence and word lies wholly outside the file range `r`.
fn body_avoids(a: &Article, r: Range<usize>) {
    for (i, s) in a.sentences.iter().enumerate() {
        let f = a.file_bytes(s.span);
        if s.role == Role::Meta && f.range() == r {
            continue;
        }
        assert!(
            f.end <= r.start || f.start >= r.end,
            "{}: sentence {i} {f:?} overlaps {r:?}",
            a.path
        );
    }
}

#[test]
fn leading_date_tokens_are_meta_and_outside_every_sentence() {
    for (key, token) in [(REUTERS, "date 2025-11-26"), (WSJ, "date 2025-11-25")] {
        let a = bundled(key);
        // The file starts with a space, then the token, then a space.
        let r = 1..1 + token.len();
        assert_eq!(&a.bytes[r.clone()], token.as_bytes());
        let metas: Vec<usize> = (0..a.sentences.len())
            .filter(|&i| a.file_bytes(a.sentences[i].span).range() == r)
            .collect();
        assert_eq!(metas.len(), 1, "{}: one unit is the token", a.path);
        let m = &a.sentences[metas[0]];
        assert_eq!(m.role, Role::Meta);
        assert!(!m.role.compared());
        assert_eq!(a.paragraphs[m.paragraph].role, Role::Meta);
        body_avoids(&a, r.clone());
        // The first body sentence starts right after the token and its space.
        let lead = a.sentences.iter().find(|s| s.role == Role::Body).unwrap();
        assert_eq!(a.file_bytes(lead.span).start, r.end + 1);
        // No word of compared text is the date.
        for s in a.sentences.iter().filter(|s| s.role.compared()) {
            for w in a.words_in(s.words) {
                assert_ne!(a.text_at(w.span()), "2025", "{}", a.path);
            }
        }
    }
}

#[test]
fn missing_space_after_a_period_splits_in_the_rewrite() {
    let a = bundled(REWRITE);
    let first = sentence_starting(&a, "A 28-point peace plan");
    assert!(
        a.sentence_text(first)
            .ends_with("according to three sources familiar with the matter."),
        "{:?}",
        a.sentence_text(first)
    );
    let next = first + 1;
    assert!(
        a.sentence_text(next)
            .starts_with("This Russian “non-paper,”")
    );
    assert_eq!(a.sentences[first].role, Role::Body);
    assert_eq!(a.sentences[next].role, Role::Body);
    // In the file the two are adjacent: `matter.` ends where `This` begins.
    let (f1, f2) = (
        a.file_bytes(a.sentences[first].span),
        a.file_bytes(a.sentences[next].span),
    );
    assert_eq!(f1.end, f2.start);
    assert_eq!(&a.bytes[f1.end - 7..f2.start + 4], b"matter.This");
    // And `U.S.reliance` (glued after an acronym) is not split.
    assert!((0..a.sentences.len()).any(|i| {
        a.sentence_text(i)
            .starts_with("The origins of the U.S.reliance on the Russian document")
    }));
}

#[test]
fn lower_case_sentence_after_a_period_splits_in_the_rewrite() {
    let a = bundled(REWRITE);
    let s = sentence_starting(&a, "according to two sources, this meeting");
    assert!(
        a.sentence_text(s - 1)
            .ends_with("head of a Russian sovereign wealth fund.")
    );
}

#[test]
fn trailing_tags_and_similar_news_are_boilerplate() {
    let a = bundled(PALAKSHI);
    let n = a.paragraphs.len();
    let tail: Vec<(Role, &str)> = a.paragraphs[n - 3..]
        .iter()
        .map(|p| (p.role, a.text_at(p.span).trim()))
        .collect();
    assert_eq!(tail[0].0, Role::Body, "the story's last paragraph is body");
    assert!(tail[0].1.starts_with("Kyiv said that it supports"));
    assert_eq!(tail[1].0, Role::Boilerplate);
    assert!(tail[1].1.starts_with("Tags:"));
    assert_eq!(tail[2], (Role::Boilerplate, "Similar News"));
    // Boilerplate takes no part in comparison.
    for s in &a.sentences[a.paragraphs[n - 2].sentences.start..] {
        assert_eq!(s.role, Role::Boilerplate);
        assert!(!s.role.compared());
    }
}

#[test]
fn check_also_and_comment_form_are_boilerplate() {
    let a = bundled(INSIDER);
    let roles: Vec<(Role, &str)> = a
        .paragraphs
        .iter()
        .map(|p| (p.role, a.text_at(p.span).trim()))
        .collect();
    let at = roles
        .iter()
        .position(|&(_, t)| t == "Check Also")
        .expect("a Check Also block");
    assert!(
        roles[at - 1]
            .1
            .starts_with("Kislitsa told the Financial Times")
    );
    assert_eq!(roles[at - 1].0, Role::Body);
    // From `Check Also` to the end: the related link, its teaser, the
    // comment form.
    let tail: Vec<&str> = roles[at..].iter().map(|&(_, t)| t).collect();
    assert_eq!(
        tail,
        vec![
            "Check Also",
            "Iranian Funds for Hezbollah Are Flowing Through Dubai",
            "Iran has sent the Lebanese militia Hezbollah hundreds of millions of dollars over the past …",
            "Leave a Reply",
            "Your email address will not be published.",
        ]
    );
    assert!(roles[at..].iter().all(|&(r, _)| r == Role::Boilerplate));
    // No body word comes from the boilerplate.
    let body_text: String = a
        .sentences
        .iter()
        .filter(|s| s.role.compared())
        .map(|s| a.text_at(s.span))
        .collect();
    assert!(!body_text.contains("Hezbollah") && !body_text.contains("Leave a Reply"));
}

#[test]
fn byline_and_update_lines_are_meta() {
    let a = bundled(PALAKSHI);
    let metas: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.role == Role::Meta)
        .map(|p| a.text_at(p.span))
        .collect();
    assert_eq!(
        metas,
        vec!["By : \u{a0}Palakshi", "Update: 2025-11-26 14:59 GMT"]
    );
}

#[test]
fn reuters_crossheads_are_headings_not_body() {
    let a = bundled(REUTERS);
    let heads: Vec<&str> = a
        .paragraphs
        .iter()
        .filter(|p| p.role == Role::Heading)
        .map(|p| a.text_at(p.span))
        .collect();
    assert_eq!(
        heads,
        vec![
            "SKEPTICISM OVER RUSSIAN INFLUENCE",
            "PLAN REVISED AFTER GLOBAL BACKLASH"
        ]
    );
}

#[test]
fn abbreviations_do_not_split_in_the_real_articles() {
    let a = bundled(REUTERS);
    let s = sentence_starting(&a, "The Russians shared the paper");
    assert!(
        a.sentence_text(s)
            .ends_with("in Washington, the sources said.")
    );
    let w = bundled(WSJ);
    let s = sentence_starting(&w, "Sen. Angus King of Maine");
    assert!(w.sentence_text(s).contains("Sen. Angus King"));
}

// ---------------------------------------------------------------------------
// Regressions, each named after the bug.

/// A BOM or a CRLF made the text after it map to the skipped bytes (offsets
/// reported for `Hello` included the BOM; after a CRLF, the CR).
#[test]
fn bom_and_crlf_do_not_leak_into_file_offsets() {
    let bytes = b"\xEF\xBB\xBFHeadline here\r\nHello world. Second one.\r\n".to_vec();
    let a = Article::parse("x.txt", bytes.clone());
    assert_eq!(check(&a), Ok(()));
    let head = a.file_bytes(a.sentences[0].span);
    assert_eq!(&bytes[head.range()], b"Headline here");
    let hello = a.file_bytes(a.sentences[1].span);
    assert_eq!(&bytes[hello.range()], b"Hello world.");
}

/// A word hyphenated at a line end runs across the break, which the text
/// holds as `\n` whatever the file has: the invariant check once compared the
/// word with the file's `\r` and failed (found by the `load` fuzz target).
#[test]
fn a_word_hyphenated_across_a_cr_or_crlf_maps_to_its_bytes() {
    let fuzzed = b"e\x00%0`5-11-\ran.\x01\x00\x00\x00\x00\x00\x00;n.War".to_vec();
    assert_eq!(check(&Article::parse("x.txt", fuzzed)), Ok(()));
    for brk in ["\r", "\r\n", "\n"] {
        let bytes = format!("Headline here\n\nA long exam-{brk}ple of the text goes on.");
        let a = Article::parse("x.txt", bytes.clone().into_bytes());
        assert_eq!(check(&a), Ok(()), "{brk:?}");
        let w = a
            .words
            .iter()
            .find(|w| a.text_at(w.span()).starts_with("exam"))
            .expect("the hyphenated word");
        assert_eq!(a.text_at(w.span()), "exam-\nple", "{brk:?}");
        assert_eq!(
            &bytes[a.file_bytes(w.span()).range()],
            format!("exam-{brk}ple")
        );
    }
}

/// A `date` token whose ten bytes after `date ` held a multi-byte character
/// straddling byte 5 panicked (slicing before checking for ASCII); so did such
/// a file name.
#[test]
fn non_ascii_after_date_does_not_panic() {
    let a = Article::parse(
        "x.txt",
        "date 1234é6789 The text goes on.".as_bytes().to_vec(),
    );
    assert_eq!(a.meta.date, None);
    assert_eq!(check(&a), Ok(()));
    let a = Article::parse("1234é6789.txt", b"Some text.".to_vec());
    assert_eq!(a.meta.date, None);
}

/// The odd final byte of a UTF-16 file became U+FFFF silently.
#[test]
fn utf16_odd_final_byte_is_reported() {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend("Hi there.".encode_utf16().flat_map(u16::to_le_bytes));
    bytes.push(b'x');
    let a = Article::parse("x.txt", bytes);
    assert!(a.text.starts_with("Hi there."));
    assert!(!a.text.contains('\u{FFFF}'));
    assert_eq!(a.warnings.len(), 1, "{:?}", a.warnings);
    assert_eq!(check(&a), Ok(()));
}

/// A long run of glued periods (`a.a.a.…`) took quadratic time.
#[test]
fn glued_period_run_parses() {
    let a = Article::parse("x.txt", "a.".repeat(100_000).into_bytes());
    assert_eq!(a.sentences.len(), 1);
    assert_eq!(check(&a), Ok(()));
}

// ---------------------------------------------------------------------------
// Property tests.

/// Pieces of hostile and ordinary text: prose with the segmenter's special
/// cases, metadata and boilerplate lines, terminal escape sequences, C0 and
/// C1 controls, bidi overrides, every kind of line end, tabs, BOMs, zero-width
/// and combining marks, wide characters.
const FRAGMENTS: &[&str] = &[
    "The plan was drafted in Miami. ",
    "U.S. President Donald Trump met Sen. Smith and Gen. Jones. ",
    "the matter.This Russian paper",
    "a wealth fund. according to two sources",
    "“Really?” she asked. ",
    "He said “we will win.” Then he left. ",
    "It grew 3.5 percent, see example.com. ",
    "Mr. ",
    "U.S.",
    "...",
    "…",
    "?!",
    ".",
    "\"",
    "”",
    "date 2025-11-26 ",
    " date 2025-11-25 ",
    "date ",
    "2025-13-45",
    "By :  Palakshi",
    "By Jane Doe",
    "Update: 2025-11-26 14:59 GMT",
    "Tags:    ",
    "Similar News",
    "Check Also",
    "Leave a Reply",
    "Your email address will not be published.",
    "KYIV, Nov 26 (Reuters) - ",
    "WASHINGTON—",
    "SKEPTICISM OVER RUSSIAN INFLUENCE",
    "\x1b[2J\x1b[H",
    "\x1b]52;c;aGVsbG8=\x07",
    "\x1b]8;;https://example.com\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]0;pwned\x07",
    "\x1bP",
    "\x07",
    "\x00",
    "\x08",
    "\x7f",
    "\u{80}",
    "\u{85}",
    "\u{9b}31m",
    "\u{9d}",
    "\u{202E}",
    "\u{202A}",
    "\u{2066}",
    "\u{2069}",
    "\u{200F}",
    "\u{061C}",
    "\u{FFF9}",
    "\r",
    "\n",
    "\r\n",
    "\n\n",
    "\r\r\n",
    "\t",
    "a\tb\t\tc",
    " ",
    "\u{a0}",
    "\u{2028}",
    "\u{2029}",
    "\u{3000}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{200D}",
    "e\u{0301}\u{0301}\u{0301}",
    "\u{0301}",
    "👍🏽",
    "👩‍👩‍👧",
    "中文。日本語！",
    "ｶﾞｷﾞ",
    "\u{FFFD}",
    "\u{241B}",
    "\u{10FFFF}",
];

/// A hostile string: fragments, random characters and random words.
fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => select(FRAGMENTS).prop_map(String::from),
            2 => any::<char>().prop_map(String::from),
            2 => "[A-Za-z]{1,10}[ .,]?",
        ],
        0..max,
    )
    .prop_map(|parts| parts.concat())
}

/// How a hostile string is stored as bytes.
#[derive(Debug, Clone)]
enum Encoding {
    Utf8,
    Utf8Bom,
    /// UTF-8 with these bytes inserted at these (proportional) positions,
    /// which also splits characters.
    Utf8Broken(Vec<(u8, u8)>),
    Utf16Le,
    Utf16Be,
    /// UTF-16 with a dangling final byte.
    Utf16Odd,
}

fn encoding() -> impl Strategy<Value = Encoding> {
    prop_oneof![
        3 => Just(Encoding::Utf8),
        1 => Just(Encoding::Utf8Bom),
        2 => prop::collection::vec(
            (any::<u8>(), select(&[0x80u8, 0xBF, 0xC0, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF8, 0xFF][..])),
            1..6
        )
        .prop_map(Encoding::Utf8Broken),
        1 => Just(Encoding::Utf16Le),
        1 => Just(Encoding::Utf16Be),
        1 => Just(Encoding::Utf16Odd),
    ]
}

fn encode(text: &str, enc: &Encoding) -> Vec<u8> {
    let utf16 = |bom: [u8; 2], f: fn(u16) -> [u8; 2]| {
        let mut v = bom.to_vec();
        v.extend(text.encode_utf16().flat_map(f));
        v
    };
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
        Encoding::Utf8Broken(inserts) => {
            let mut v = text.as_bytes().to_vec();
            for &(at, b) in inserts {
                let i = usize::from(at) * v.len() / 256;
                v.insert(i, b);
            }
            v
        }
        Encoding::Utf16Le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        Encoding::Utf16Be => utf16([0xFE, 0xFF], u16::to_be_bytes),
        Encoding::Utf16Odd => {
            let mut v = utf16([0xFF, 0xFE], u16::to_le_bytes);
            v.push(b'!');
            v
        }
    }
}

/// File names, including ones that once broke date parsing.
fn path() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("x.txt".to_string()),
        Just("articles/2025-11-26-reuters-x.txt".to_string()),
        Just("1234é6789.txt".to_string()),
        Just("dir\\2025-11-2é.md".to_string()),
        "[a-z0-9./é-]{0,24}",
        // Names are not decoded text: they may hold escapes and controls too.
        hostile_text(4).prop_map(|s| format!("{s}.txt")),
    ]
}

/// The invariants, plus: UTF-16 offsets fall between code units.
fn check_all(a: &Article) -> Result<(), TestCaseError> {
    check(a).map_err(TestCaseError::fail)?;
    let utf16 = a.bytes.starts_with(&[0xFF, 0xFE]) || a.bytes.starts_with(&[0xFE, 0xFF]);
    if utf16 && a.bytes.len().is_multiple_of(2) {
        for s in &a.sentences {
            let f = a.file_bytes(s.span);
            prop_assert!(
                f.start.is_multiple_of(2) && f.end.is_multiple_of(2),
                "UTF-16 range {:?}",
                f
            );
        }
    }
    for c in a.text.chars() {
        prop_assert!(!c.is_control() || c == '\n', "control {:?} in text", c);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    /// The `load` fuzz target, as a smoke test: arbitrary bytes never panic
    /// and always give an article that keeps every invariant.
    #[test]
    fn fuzz_smoke_load(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = article::load::check_text(&bytes);
        let a = Article::parse("fuzz.txt", bytes);
        check_all(&a)?;
    }

    #[test]
    fn hostile_text_parses_and_keeps_the_invariants(
        text in hostile_text(80),
        enc in encoding(),
        name in path(),
    ) {
        let a = Article::parse(name, encode(&text, &enc));
        check_all(&a)?;
    }
}

/// Web pages made of tags, attributes, entities, comments, scripts and prose,
/// nested and unbalanced at random.
fn html_page() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<div class=\"article-body\">".to_string()),
        Just("<div class=\"share comments\">".to_string()),
        Just("</div>".to_string()),
        Just("<h1>".to_string()),
        Just("</h1>".to_string()),
        Just("<br>".to_string()),
        Just("<a href=\"/x\">".to_string()),
        Just("</a>".to_string()),
        Just("<b>".to_string()),
        Just("</b>".to_string()),
        Just("<script>if (a<b) { x = '</p>'; }</script>".to_string()),
        Just("<!-- a comment -->".to_string()),
        Just("<meta property=\"og:site_name\" content=\"The &amp; Courier\">".to_string()),
        Just("<time datetime=\"2025-11-26T09:00\">".to_string()),
        Just("&amp;".to_string()),
        Just("&#8217;".to_string()),
        Just("&#27;".to_string()),
        Just("&#x202E;".to_string()),
        Just("&not".to_string()),
        Just("&nbsp;".to_string()),
        Just("&".to_string()),
        Just("The minister met union leaders in Geneva on Tuesday, officials said. ".to_string()),
        Just("Talks resumed, and the strike at the port entered its third week. ".to_string()),
        "[a-zA-Z ,.é’\n]{0,40}",
        hostile_text(6),
    ];
    prop::collection::vec(piece, 0..60)
        .prop_map(|v| format!("<!doctype html><html><body>{}", v.concat()))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// A saved web page of any shape parses into an article that keeps every
    /// invariant, its offsets inside the HTML file.
    #[test]
    fn web_pages_parse_and_keep_the_invariants(html in html_page(), enc in encoding()) {
        let a = Article::parse("page.html", encode(&html, &enc));
        check_all(&a)?;
    }
}

proptest! {
    // Alignment is slower than parsing: fewer cases keep the suite quick.
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// The `compare` fuzz target, as a smoke test: two arbitrary short texts
    /// align and render to JSON whose offsets lie inside the files.
    #[test]
    fn fuzz_smoke_compare(
        ta in hostile_text(40),
        tb in hostile_text(40),
        ea in encoding(),
        eb in encoding(),
    ) {
        let a = Article::parse("a.txt", encode(&ta, &ea));
        let b = Article::parse("b.txt", encode(&tb, &eb));
        let al = copycat::align::align(&a, &b);
        let json = copycat::export::json::render(&a, &b, &copycat::comparison::Comparison::of(&a, &b, al.clone()));
        let v: serde_json::Value = serde_json::from_str(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
        for l in v["links"].as_array().into_iter().flatten() {
            for (side, art) in [("a", &a), ("b", &b)] {
                let (s, e) = (l[side]["start"].as_u64(), l[side]["end"].as_u64());
                let (Some(s), Some(e)) = (s, e) else {
                    return Err(TestCaseError::fail(format!("link without offsets: {l}")));
                };
                prop_assert!(s <= e && e as usize <= art.bytes.len(), "{} {}..{} of {}", side, s, e, art.bytes.len());
            }
        }
    }

    /// Also a smoke test of the same pair the real way round: a bundled
    /// article against a hostile rewrite of itself.
    #[test]
    fn hostile_edit_of_a_real_article_aligns(
        cut in 0usize..4000,
        insert in hostile_text(10),
    ) {
        let a = bundled(REUTERS);
        let text = String::from_utf8(a.bytes.clone()).unwrap();
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let edited = format!("{}{}{}", &text[..at], insert, &text[at..]);
        let b = Article::parse("b.txt", edited.into_bytes());
        check_all(&b)?;
        let al = copycat::align::align(&a, &b);
        let json = copycat::export::json::render(&a, &b, &copycat::comparison::Comparison::of(&a, &b, al.clone()));
        prop_assert!(serde_json::from_str::<serde_json::Value>(&json).is_ok());
    }
}

/// The conversions between kinds of position agree with each other: the
/// words of a run of sentences lie in its text bytes, and the text bytes of
/// anything lie, through the offset map, in order in the file.
fn conversions_agree(a: &Article, picks: &[(usize, usize)]) -> Result<(), TestCaseError> {
    let n = a.sentences.len();
    for &(at, len) in picks {
        if n == 0 {
            break;
        }
        let start = at % n;
        let r = Sentences::new(start, (start + 1 + len).min(n));
        prop_assert_eq!(a.sentences_in(r).len(), r.len());
        let bytes = a.sentences_bytes(r);
        let words = a.sentence_words(r);
        let counted: usize = a.sentences_in(r).iter().map(|s| s.words.len()).sum();
        prop_assert_eq!(words.len(), counted, "{:?} holds {:?}", r, words);
        for w in words {
            let span = a.words[w].span();
            prop_assert!(
                bytes.start <= span.start && span.end <= bytes.end,
                "word {} {:?} outside its sentences' {:?}",
                w,
                span,
                bytes
            );
            prop_assert!(r.contains(a.words[w].sentence()));
        }
        if !words.is_empty() {
            let wb = a.words_bytes(words);
            prop_assert!(bytes.start <= wb.start && wb.end <= bytes.end);
            // The file bytes of the words lie inside those of the sentences.
            let (fw, fs) = (a.file_bytes(wb), a.file_bytes(bytes));
            prop_assert!(
                fs.start <= fw.start && fw.end <= fs.end,
                "{:?} in {:?}",
                fw,
                fs
            );
        }
        prop_assert_eq!(
            a.text_at(bytes),
            &a.text[a.sentences[r.start].span.start..a.sentences[r.end - 1].span.end]
        );
    }
    // Text → file is monotone: words in text order have file bytes in file
    // order, each non-empty and inside the file.
    let mut last_end = 0;
    for w in &a.words {
        let f = a.file_bytes(w.span());
        prop_assert!(f.start < f.end && f.end <= a.bytes.len(), "{:?}", f);
        prop_assert!(f.start >= last_end, "{:?} before {}", f, last_end);
        last_end = f.end;
    }
    Ok(())
}

/// A word of a saved page as its markup spells it and as it reads.
const PAGE_WORDS: &[(&str, &str)] = &[
    ("bar&#8217;s", "bar’s"),
    ("caf&eacute;", "café"),
    ("caf&#xE9;", "café"),
    ("<b>ex</b>port", "export"),
    ("<a href=\"/x\">Geneva</a>", "Geneva"),
    ("AT&amp;T", "AT&T"),
    ("&lt;tag&gt;", "<tag>"),
    ("Zürich", "Zürich"),
];

/// What a stretch of one of these pages reads as: tags dropped, the
/// entities `PAGE_WORDS` use decoded.
fn page_reading(html: &str) -> String {
    markup::without_tags(html)
        .replace("&#8217;", "’")
        .replace("&eacute;", "é")
        .replace("&#xE9;", "é")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// A story page of several paragraphs whose words hold entities and inline
/// tags, with whitespace (newlines, runs of spaces) between them.
fn story_page() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        3 => "[a-z]{1,9}",
        2 => select(PAGE_WORDS).prop_map(|(markup, _)| markup.to_string()),
    ];
    let gap = select(&[" ", "  ", "\n", " \n  "][..]);
    let paragraph = prop::collection::vec((word, gap), 8..24).prop_map(|ws| {
        let body: String = ws.iter().map(|(w, g)| format!("{w}{g}")).collect();
        format!("<p>The {}end.</p>\n", body)
    });
    prop::collection::vec(paragraph, 3..7).prop_map(|ps| {
        format!(
            "<!doctype html><html><body><article><h1>A headline here</h1>\n{}</article></body></html>",
            ps.concat()
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn conversions_agree_on_hostile_text(
        text in hostile_text(80),
        enc in encoding(),
        picks in prop::collection::vec((any::<usize>(), 0usize..4), 0..8),
    ) {
        let a = Article::parse("x.txt", encode(&text, &enc));
        conversions_agree(&a, &picks)?;
    }

    #[test]
    fn conversions_agree_on_any_page(
        html in html_page(),
        picks in prop::collection::vec((any::<usize>(), 0usize..4), 0..8),
    ) {
        let a = Article::parse("page.html", html.into_bytes());
        conversions_agree(&a, &picks)?;
    }

    /// On a saved page, every word's file bytes read as the word: the map
    /// from text to file goes through entities and inline tags.
    #[test]
    fn a_pages_words_map_to_the_markup_that_spells_them(
        html in story_page(),
        picks in prop::collection::vec((any::<usize>(), 0usize..4), 0..8),
    ) {
        // The whole page, so that the story picker's judgement (which may
        // set a page of nonsense words aside) leaves every word to check.
        let whole = article::ParseOptions { whole_page: true };
        let a = Article::parse_with("story.html", html.clone().into_bytes(), &whole);
        prop_assert!(a.words.len() > 20, "the page's words were kept: {:?}", a.text);
        conversions_agree(&a, &picks)?;
        for (i, w) in a.words.iter().enumerate() {
            let f = a.file_bytes(w.span());
            prop_assert_eq!(
                page_reading(&html[f.range()]),
                a.word_text(i),
                "word {} maps to {:?}",
                i,
                &html[f.range()]
            );
        }
    }
}
