//! Soft wrap at word boundaries by display width: how wide text is on a
//! terminal (as ratatui's buffer measures it), and a passage's bytes cut
//! into rows of pieces, each piece with its class and changed-word mark.

use std::borrow::Cow;

use compact_str::CompactString;
use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use super::Class;
use crate::article::TextBytes;
use crate::marks::Mark;

/// Display width of `s` as ratatui's buffer will lay it out.
///
/// `Buffer::set_stringn` walks grapheme clusters, drops those containing
/// control characters, and advances by `CellWidth::cell_width` of each. That
/// differs from `Span::width` (plain `unicode-width` over the whole string)
/// for halfwidth kana sound marks, which ratatui 0.30 counts as a cell of
/// their own: measuring any other way would let a wrapped row overflow the
/// pane by a cell per mark.
pub fn display_width(s: &str) -> usize {
    // Printable ASCII, most of any article, is one cell a byte: no need to
    // find grapheme boundaries (the costly part of laying out a pair).
    if s.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` cut from the left to at most `width` cells, with `…` where it was cut:
/// the end of a path (the file name) is what tells files apart.
pub fn shorten_left(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut w = 1; // the ellipsis
    for g in s.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        w += gw;
        kept.push(g);
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
}

/// `s` cut from the right to at most `width` cells, with `…` where it was
/// cut: a status line keeps what it starts with.
pub fn shorten_right(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 1; // the ellipsis
    for g in s.graphemes(true) {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        w += gw;
        out.push_str(g);
    }
    out.push('…');
    out
}

fn grapheme_width(g: &str) -> usize {
    // Filter first: `cell_width` debug-asserts on single control bytes, and
    // the buffer would drop such a grapheme anyway.
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Most characters shown of one grapheme cluster: a base and its marks.
///
/// Real scripts stack a handful (Vietnamese two, Tibetan a few more), and
/// Unicode's stream-safe format allows 30 in a row; a hostile article can put
/// thousands on one letter, which every frame would otherwise send to the
/// terminal, and which costs every redraw a walk over all of them.
pub const MAX_CLUSTER: usize = 16;

/// `g`, one grapheme cluster, cut to [`MAX_CLUSTER`] characters.
fn cap_cluster(g: &str) -> &str {
    match g.char_indices().nth(MAX_CLUSTER) {
        Some((at, _)) => &g[..at],
        None => g,
    }
}

/// `s` with every grapheme cluster cut to [`MAX_CLUSTER`] characters.
fn cap_clusters(s: &str) -> Cow<'_, str> {
    // A cluster that long needs that many characters, so a short string
    // (most words of any language) cannot hold one, nor can ASCII.
    if s.is_ascii() || s.chars().nth(MAX_CLUSTER).is_none() {
        return Cow::Borrowed(s);
    }
    if s.graphemes(true).all(|g| cap_cluster(g).len() == g.len()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.graphemes(true).map(cap_cluster).collect())
}

/// A run of text on a row with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// What to draw: a single space where the article had a run of
    /// whitespace, clusters cut to [`MAX_CLUSTER`] characters.
    pub text: CompactString,
    /// The bytes of `Article::text` the piece stands for.
    pub bytes: TextBytes,
    /// What the text is to the reader (its passage's class).
    pub class: Class,
    /// Set on words that differ inside a link.
    pub change: Option<Mark>,
    /// Index into `Article::words` when the piece is (part of) a word.
    pub word: Option<usize>,
    /// Display width of `text`.
    pub width: usize,
}

/// How a stretch of text is tagged before wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    class: Class,
    change: Option<Mark>,
}

/// Wrap `text[range]` into rows of at most `width` cells, breaking at
/// whitespace; a token wider than a row is broken between graphemes.
///
/// `changed` holds sorted, disjoint byte ranges of changed words with what
/// changed (deleted, inserted, moved); `words` the article's words (for
/// `Piece::word`). Whitespace runs become one
/// space inside a row and disappear at row ends. A single grapheme wider than
/// `width` (a wide character in a one-cell pane) gets a row of its own: that is
/// the only way a row exceeds `width`.
pub fn wrap(
    text: &str,
    range: TextBytes,
    class: Class,
    changed: &[(TextBytes, Mark)],
    words: &[crate::article::Word],
    width: usize,
) -> Vec<Vec<Piece>> {
    let mut rows = Vec::new();
    wrap_each(text, range, class, changed, words, width, &mut |row| {
        rows.push(row)
    });
    rows
}

/// [`wrap`], handing each row's pieces to `emit` as it is made, so that a
/// caller that keeps only where rows begin and end never holds more than a
/// row's pieces at once.
pub(super) fn wrap_each(
    text: &str,
    range: TextBytes,
    class: Class,
    changed: &[(TextBytes, Mark)],
    words: &[crate::article::Word],
    width: usize,
    emit: &mut dyn FnMut(Vec<Piece>),
) {
    let width = width.max(1);
    let tag_at = |byte: usize| Tag {
        class,
        change: change_at(changed, byte),
    };
    let mut row: Vec<Piece> = Vec::new();
    let mut row_w = 0usize;
    let mut gap_start: Option<usize> = None;
    for (ts, te) in tokens(text, range) {
        let pieces = split_token(text, TextBytes::new(ts, te), &tag_at, changed, words);
        let tw: usize = pieces.iter().map(|p| p.width).sum();
        let sep = usize::from(!row.is_empty());
        if row_w + sep + tw <= width {
            if sep == 1 {
                let gs = gap_start.unwrap_or(ts);
                let t = tag_at(gs);
                row.push(Piece {
                    text: " ".into(),
                    bytes: TextBytes::new(gs, ts),
                    class: t.class,
                    change: t.change,
                    word: None,
                    width: 1,
                });
            }
            row_w += sep + tw;
            row.extend(pieces);
        } else {
            if !row.is_empty() {
                emit(std::mem::take(&mut row));
                row_w = 0;
            }
            if tw <= width {
                row_w = tw;
                row.extend(pieces);
            } else {
                // Too long for any row: break between graphemes (of the
                // article's text: a piece's own text may be capped).
                for p in pieces {
                    for (gs, whole) in text[p.bytes.range()].grapheme_indices(true) {
                        let g = cap_cluster(whole);
                        let gw = grapheme_width(g);
                        if row_w + gw > width && !row.is_empty() {
                            emit(std::mem::take(&mut row));
                            row_w = 0;
                        }
                        let start = p.bytes.start + gs;
                        // Field by field, not `..p.clone()`: that copied the
                        // whole word once per grapheme, quadratic in its
                        // length (a 7 MB word froze the reader for good).
                        push_merged(
                            &mut row,
                            Piece {
                                text: g.into(),
                                bytes: TextBytes::new(start, start + whole.len()),
                                width: gw,
                                class: p.class,
                                change: p.change,
                                word: p.word,
                            },
                        );
                        row_w += gw;
                    }
                }
            }
        }
        gap_start = Some(te);
    }
    if !row.is_empty() {
        emit(row);
    }
}

/// Append `p` to the row, joining it to the last piece when both are parts of
/// the same word with the same tags (a word broken across rows stays whole
/// within each row).
fn push_merged(row: &mut Vec<Piece>, p: Piece) {
    if let Some(last) = row.last_mut()
        && last.bytes.end == p.bytes.start
        && last.class == p.class
        && last.change == p.change
        && last.word == p.word
    {
        last.text.push_str(&p.text);
        last.bytes.end = p.bytes.end;
        last.width += p.width;
        return;
    }
    row.push(p);
}

/// What changed at `byte`, if it is inside one of the sorted, disjoint `ranges`.
fn change_at(ranges: &[(TextBytes, Mark)], byte: usize) -> Option<Mark> {
    let i = ranges.partition_point(|(r, _)| r.end <= byte);
    ranges
        .get(i)
        .filter(|(r, _)| r.start <= byte)
        .map(|(_, c)| *c)
}

/// Maximal runs of non-whitespace in `text[range]`, as byte ranges, one at a
/// time (a paragraph of one-letter words has a token every two bytes).
fn tokens(text: &str, range: TextBytes) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text[range.range()].char_indices();
    let mut start: Option<usize> = None;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for (i, c) in chars.by_ref() {
            let at = range.start + i;
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    start = None;
                    return Some((s, at));
                }
                (false, None) => start = Some(at),
                _ => {}
            }
        }
        done = true;
        start.take().map(|s| (s, range.end))
    })
}

/// A token cut into pieces wherever a word or a changed range begins or ends.
fn split_token(
    text: &str,
    tok: TextBytes,
    tag_at: &dyn Fn(usize) -> Tag,
    changed: &[(TextBytes, Mark)],
    words: &[crate::article::Word],
) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![tok.start, tok.end];
    let first_word = words.partition_point(|w| w.span().end <= tok.start);
    for w in &words[first_word..] {
        if w.span().start >= tok.end {
            break;
        }
        cuts.push(w.span().start.max(tok.start));
        cuts.push(w.span().end.min(tok.end));
    }
    let first_changed = changed.partition_point(|(r, _)| r.end <= tok.start);
    for (r, _) in &changed[first_changed..] {
        if r.start >= tok.end {
            break;
        }
        cuts.push(r.start.max(tok.start));
        cuts.push(r.end.min(tok.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        // Cuts come from word and changed-word boundaries, which are char
        // boundaries; skip defensively rather than panic if one is not.
        let Some(t) = text.get(s..e) else { continue };
        if t.is_empty() {
            continue;
        }
        let tag = tag_at(s);
        let wi = words.partition_point(|w| w.span().end <= s);
        let word = words
            .get(wi)
            .filter(|w| w.span().start <= s && e <= w.span().end)
            .map(|_| wi);
        let shown = cap_clusters(t);
        out.push(Piece {
            width: display_width(&shown),
            text: CompactString::from(shown),
            bytes: TextBytes::new(s, e),
            class: tag.class,
            change: tag.change,
            word,
        });
    }
    out
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::article::Article;
    use proptest::prelude::*;

    pub fn art(text: &str) -> Article {
        Article::parse("t.txt", text.as_bytes().to_vec())
    }

    fn texts(rows: &[Vec<Piece>]) -> Vec<String> {
        rows.iter()
            .map(|r| r.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    fn wrap_all(a: &Article, width: usize) -> Vec<Vec<Piece>> {
        let whole = TextBytes::new(0, a.text.len());
        wrap(&a.text, whole, Class::Plain, &[], &a.words, width)
    }

    #[test]
    fn shortening_keeps_the_end_of_a_path_or_the_start_of_a_line() {
        assert_eq!(shorten_left("articles/one.txt", 40), "articles/one.txt");
        assert_eq!(shorten_left("articles/one.txt", 8), "…one.txt");
        assert_eq!(shorten_left("dir/漢字.txt", 7), "…字.txt");
        assert_eq!(shorten_left("dir/漢字.txt", 6), "….txt");
        assert_eq!(shorten_left("abc", 1), "…");
        assert_eq!(shorten_left("abc", 0), "");
        for w in 0..20 {
            assert!(display_width(&shorten_left("a/b/漢字/ｶﾞ/c.txt", w)) <= w);
            assert!(display_width(&shorten_right("flag 2/5 · 漢字 ｶﾞ", w)) <= w);
        }
        assert_eq!(shorten_right("flag 2/5 · altered", 8), "flag 2/…");
        assert_eq!(shorten_right("abc", 3), "abc");
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let a = art("one two three four five six");
        assert_eq!(
            texts(&wrap_all(&a, 9)),
            ["one two", "three", "four five", "six"]
        );
    }

    #[test]
    fn breaks_a_word_longer_than_the_row() {
        let a = art("abcdefghij xy");
        assert_eq!(texts(&wrap_all(&a, 4)), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn measures_wide_characters_emoji_and_halfwidth_kana_like_the_buffer() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        // CJK and emoji are two cells; halfwidth kana with a sound mark is
        // where `Span::width` and the buffer disagree in ratatui 0.30.
        let a = art("漢字 かな 😀😀 ｶﾞｷﾞｸﾞ abc ﾊﾟﾋﾟ 🇺🇦 x");
        for width in 1..=12 {
            for row in wrap_all(&a, width) {
                let text: String = row.iter().map(|p| p.text.as_str()).collect();
                let w: usize = row.iter().map(|p| p.width).sum();
                assert_eq!(w, display_width(&text));
                // Draw it and check it occupies exactly `w` cells.
                let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
                let (x, _) = buf.set_stringn(0, 0, &text, 40, ratatui::style::Style::new());
                assert_eq!(usize::from(x), w, "{text:?}");
                let single = text.graphemes(true).count() == 1;
                assert!(w <= width || single, "{text:?} is {w} wide at {width}");
            }
        }
        assert_eq!(display_width("漢字"), 4);
        assert_eq!(display_width("😀"), 2);
        assert_eq!(display_width("ｶﾞ"), usize::from("ｶﾞ".cell_width()));
    }

    /// Rows keep only their bytes and make their pieces again when drawn:
    /// a row's bytes wrapped again at the same width must give that row,
    /// piece for piece (long words broken between graphemes, capped
    /// clusters, wide characters, changed words).
    fn rewrap_gives_each_row_back(text: &str, changed: &[(TextBytes, Mark)]) {
        let a = art(text);
        for width in [1, 2, 3, 5, 9, 17, 40, 80] {
            let whole = TextBytes::new(0, a.text.len());
            for row in wrap(
                &a.text,
                whole,
                Class::Marked(Mark::Copied),
                changed,
                &a.words,
                width,
            ) {
                let bytes = TextBytes::new(row[0].bytes.start, row[row.len() - 1].bytes.end);
                let again = wrap(
                    &a.text,
                    bytes,
                    Class::Marked(Mark::Copied),
                    changed,
                    &a.words,
                    width,
                );
                assert_eq!(again, vec![row], "at width {width}");
            }
        }
    }

    #[test]
    fn a_rows_bytes_wrapped_again_give_the_row() {
        rewrap_gives_each_row_back("one two three four five six", &[]);
        rewrap_gives_each_row_back(
            "abcdefghij xy  z\n\nq",
            &[(TextBytes::new(4, 13), Mark::Deleted)],
        );
        rewrap_gives_each_row_back("漢字 かな 😀😀 ｶﾞｷﾞｸﾞ abc ﾊﾟﾋﾟ 🇺🇦🇺🇦🇺🇦 x", &[]);
        rewrap_gives_each_row_back(
            &format!(
                "Marks e{} here and a{}b joined.",
                "\u{301}".repeat(50),
                "\u{200d}".repeat(50)
            ),
            &[],
        );
        let long = format!("{}-{} x", "y".repeat(30), "z".repeat(30));
        rewrap_gives_each_row_back(
            &long,
            &[
                (TextBytes::new(0, 30), Mark::Inserted),
                (TextBytes::new(31, 61), Mark::Moved),
            ],
        );
    }

    #[test]
    fn a_flood_of_marks_is_cut_for_display_and_keeps_its_bytes() {
        let a = art(&format!(
            "Marks e{} here and a{}b joined.",
            "\u{301}".repeat(5000),
            "\u{200d}".repeat(5000)
        ));
        for width in [1, 3, 40] {
            let rows = wrap_all(&a, width);
            for p in rows.iter().flatten() {
                assert!(
                    p.text
                        .graphemes(true)
                        .all(|g| g.chars().count() <= MAX_CLUSTER),
                    "{} chars at width {width}",
                    p.text.chars().count()
                );
                assert_eq!(p.width, display_width(&p.text));
            }
            // Every byte of every word is still covered, once.
            let covered: usize = rows
                .iter()
                .flatten()
                .filter(|p| p.text != " ")
                .map(|p| p.bytes.len())
                .sum();
            let words: usize = a.text.split_whitespace().map(str::len).sum();
            assert_eq!(covered, words, "at width {width}");
        }
    }

    /// Prose-like text from a small vocabulary that includes wide characters,
    /// emoji and halfwidth kana.
    pub fn prose() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "plan",
            "Ukraine",
            "peace",
            "漢字",
            "😀",
            "ｶﾞｷﾞ",
            "U.S.",
            "non-paper",
            "supercalifragilisticexpialidocious",
            "—",
            "a",
            "“quoted”",
            "28-point",
        ]);
        prop::collection::vec((prop::collection::vec(word, 1..12), prop::bool::ANY), 1..8).prop_map(
            |sents| {
                let mut s = String::new();
                for (words, new_para) in sents {
                    s.push_str(&words.join(" "));
                    s.push_str(if new_para { ".\n" } else { ". " });
                }
                s
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rows_wrapped_again_are_the_same(t in prose()) {
            rewrap_gives_each_row_back(&t, &[]);
        }
    }
}
