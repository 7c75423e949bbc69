//! Fuzz target `layout`: arbitrary text and pane widths through the view's
//! layout (`Spread::build`, which wraps every passage with `wrap`).
//!
//! The first two bytes are the widths of panes A and B (0 to 255 cells: 0
//! and 1 are the hostile cases), the third says where the rest is cut into
//! the two articles, as in `compare`. The pair is aligned, then laid out.
//! Nothing may panic; both columns have the same number of rows; a row is
//! wider than its pane only when it holds a single grapheme too wide for it;
//! every word of each article shows up once, whole (whitespace aside), in
//! reading order.
//!
//! The time budget per input is libFuzzer's `-timeout` (run with
//! `-timeout=10`, as the README says): layout is linear in the text, so an
//! input that takes seconds is a bug (the long-word branch of `wrap` once
//! took quadratic time and froze the reader).

#![no_main]

use copycat::article::Article;
use copycat::testing::{Side, Spread, display_width};
use libfuzzer_sys::fuzz_target;
use unicode_segmentation::UnicodeSegmentation;

fuzz_target!(|data: &[u8]| {
    let [wa, wb, cut, rest @ ..] = data else {
        return;
    };
    let (x, y) = rest.split_at(usize::from(*cut) * rest.len() / 255);
    let a = Article::parse("a.txt", x.to_vec());
    let b = Article::parse("b.txt", y.to_vec());
    let al = copycat::align::align(&a, &b);
    let (wa, wb) = (usize::from(*wa), usize::from(*wb));
    let sp = Spread::build(&a, &b, &al, wa, wb);
    assert_eq!(
        sp.rows(Side::A).len(),
        sp.rows(Side::B).len(),
        "columns of different lengths"
    );
    for (art, side, w) in [(&a, Side::A, wa), (&b, Side::B, wb)] {
        let mut seen: Vec<usize> = Vec::new();
        let mut text_of: std::collections::HashMap<usize, String> = Default::default();
        for r in sp.rows(side) {
            let pieces = sp.pieces(side, r, art);
            let text: String = pieces.iter().map(|p| p.text.as_str()).collect();
            let width: usize = pieces.iter().map(|p| p.width).sum();
            assert_eq!(width, display_width(&text), "row width measured wrong: {text:?}");
            let single = text.graphemes(true).count() == 1;
            assert!(width <= w.max(1) || single, "{text:?} is {width} wide at {w}");
            for p in &pieces {
                if let Some(wi) = p.word {
                    if seen.last() != Some(&wi) {
                        seen.push(wi);
                    }
                    text_of.entry(wi).or_default().push_str(art.text_at(p.bytes));
                }
            }
        }
        let expected: Vec<usize> = (0..art.words.len()).collect();
        assert_eq!(seen, expected, "words missing, repeated or out of order");
        // Whole but for whitespace: the view shows a run of whitespace as
        // one space between tokens, and a word can begin with one (the
        // segmenter joins a space and a mark that follows it, as Unicode's
        // word rules say).
        let visible = |s: &str| s.split_whitespace().collect::<String>();
        for (wi, t) in text_of {
            assert_eq!(visible(&t), visible(art.word_text(wi)), "word {wi} not shown whole");
        }
    }
});
