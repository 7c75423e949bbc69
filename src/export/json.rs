//! `copycat compare --format json` and `copycat rank --format json`: the
//! contract in [`super::report`], pretty-printed.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;
use serde_json::ser::{Formatter, PrettyFormatter};

use super::report::CompareReport;
use crate::article::Article;
use crate::comparison::Comparison;
use crate::corpus::Ranking;

/// Pretty JSON with a trailing newline.
pub(super) fn pretty(v: &impl Serialize) -> String {
    let mut out = Vec::new();
    // The report types hold only strings, numbers, booleans and lists, all
    // of which serde_json writes without fail, and into a Vec without an
    // I/O error.
    to_writer(&mut out, v).expect("report types always serialize");
    String::from_utf8(out).expect("serde_json writes UTF-8")
}

/// `v` as pretty JSON and a newline, written to `out` as it is serialized,
/// every character of [`needs_escape`] written as `\uXXXX`.
fn to_writer(out: &mut impl Write, v: &impl Serialize) -> io::Result<()> {
    let mut ser = serde_json::Serializer::with_formatter(&mut *out, Safe(PrettyFormatter::new()));
    v.serialize(&mut ser).map_err(io::Error::from)?;
    out.write_all(b"\n")
}

/// Whether serde_json leaves `c` raw where a terminal or a viewer would act
/// on it: DEL, C1 controls, bidi controls, the interlinear annotation
/// controls, and U+2028/U+2029 (line breaks to JavaScript). It escapes C0
/// itself.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
        || (c as u32 >= 0x7F && crate::article::decode::placeholder(c).is_some())
}

/// Whether UTF-8 text holds a character of [`needs_escape`], from its bytes
/// alone: a report is megabytes of article text, nearly all of it without
/// one, and this rejects it without decoding. The lead bytes looked for
/// (`0xC2`, `0xD8`, `0xE2`, `0xEF`) are never continuation bytes, so each
/// match is where a character starts.
fn holds_unsafe(text: &str) -> bool {
    let b = text.as_bytes();
    let next = |i: usize, k: usize| b.get(i + k).copied().unwrap_or(0);
    // Two SIMD searches for the lead bytes, then a look at what follows
    // each: `’` and `—` (0xE2 …) are common in news text, the rest rare.
    memchr::memchr3_iter(0xC2, 0xE2, 0xEF, b).any(|i| match b[i] {
        // U+0080-U+009F
        0xC2 => matches!(next(i, 1), 0x80..=0x9F),
        // U+200E, U+200F, U+2028-U+202E; U+2066-U+2069
        0xE2 => matches!(
            (next(i, 1), next(i, 2)),
            (0x80, 0x8E | 0x8F | 0xA8..=0xAE) | (0x81, 0xA6..=0xA9)
        ),
        // U+FFF9-U+FFFB
        _ => matches!((next(i, 1), next(i, 2)), (0xBF, 0xB9..=0xBB)),
    }) || memchr::memchr2_iter(0x7F, 0xD8, b).any(|i| b[i] == 0x7F || next(i, 1) == 0x9C)
}

/// serde_json's pretty output, with the characters of [`needs_escape`]
/// escaped inside strings (JSON's own syntax is ASCII, so they stand
/// nowhere else): the escape means the same character to any reader;
/// article text never holds them (decoding replaces them), but a file name
/// may.
struct Safe<'a>(PrettyFormatter<'a>);

impl Formatter for Safe<'_> {
    fn write_string_fragment<W: ?Sized + Write>(
        &mut self,
        w: &mut W,
        fragment: &str,
    ) -> io::Result<()> {
        if !holds_unsafe(fragment) {
            return w.write_all(fragment.as_bytes());
        }
        for c in fragment.chars() {
            if needs_escape(c) {
                // All of them are in the Basic Multilingual Plane.
                write!(w, "\\u{:04x}", c as u32)?;
            } else {
                w.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
            }
        }
        Ok(())
    }

    // The rest is the pretty formatter's layout.
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}

/// The comparison of `b` against `a` as a JSON value.
pub fn to_value(a: &Article, b: &Article, c: &Comparison) -> Value {
    serde_json::to_value(CompareReport::new(a, b, c)).expect("report types always serialize")
}

/// `copycat compare --format json`.
pub fn render(a: &Article, b: &Article, c: &Comparison) -> String {
    pretty(&CompareReport::new(a, b, c))
}

/// `copycat compare --format json`, written to `out` as it is serialized
/// (the same bytes as [`render`], without holding the whole report as a
/// string: a 1 MB pair makes a report of several megabytes). Buffered
/// here, so that the serializer's many small writes are plain copies into
/// a buffer of a known type, whatever `out` is (a `dyn Write` costs a call
/// each).
pub fn write(a: &Article, b: &Article, c: &Comparison, out: impl Write) -> io::Result<()> {
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    to_writer(&mut w, &CompareReport::new(a, b, c))?;
    w.flush()
}

/// `copycat rank --format json` ([`super::rank::json`], without `--expand`).
pub fn ranking(arts: &[Article], ranking: &Ranking) -> String {
    super::rank::json(arts, ranking, super::rank::Options::default())
}

#[cfg(test)]
mod tests {
    use super::{holds_unsafe, needs_escape, pretty};
    use crate::article::Article;

    #[test]
    fn c1_and_bidi_controls_in_strings_are_escaped() {
        let v = serde_json::json!({"path": "a\u{9b}31m\u{202e}b\u{2028}c\u{1b}d\u{7f}.txt"});
        let s = pretty(&v);
        assert_eq!(
            s,
            "{\n  \"path\": \"a\\u009b31m\\u202eb\\u2028c\\u001bd\\u007f.txt\"\n}\n"
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_byte_test_agrees_with_the_character_test() {
        // Every character that needs an escape, every one next to it, and
        // the common non-ASCII of news text (curly quotes, dashes, accents).
        let mut probe: Vec<char> = (0x7E..=0xA0).filter_map(char::from_u32).collect();
        probe.extend(
            [
                0x61B, 0x61C, 0x61D, 0x200D, 0x200E, 0x200F, 0x2010, 0x2014, 0x2019, 0x201C,
            ]
            .iter()
            .chain(&[
                0x2027, 0x2028, 0x202E, 0x202F, 0x2065, 0x2066, 0x2069, 0x206A,
            ])
            .chain(&[0xFFF8, 0xFFF9, 0xFFFB, 0xFFFC, 0xFFFD, 0xE9, 0x1F600])
            .filter_map(|&u| char::from_u32(u)),
        );
        for c in probe {
            let s = format!("x{c}y");
            assert_eq!(holds_unsafe(&s), needs_escape(c), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        #[test]
        fn the_byte_test_agrees_on_any_text(s in "\\PC*|[\\u{0}-\\u{2100}]*") {
            proptest::prop_assert_eq!(holds_unsafe(&s), s.chars().any(needs_escape));
        }
    }

    #[test]
    fn the_streamed_report_escapes_what_the_whole_one_does() {
        // A regression: the streamed writer once let a file name's C1 and
        // bidi controls out raw, where `render` escaped them.
        let a = Article::parse("a\u{9b}31m\u{202e}\u{7f}.txt", b"One two three.".to_vec());
        let b = Article::parse("b\u{2066}\u{2028}.txt", b"One two three.".to_vec());
        let c = crate::comparison::Comparison::new(&a, &b);
        let mut out = Vec::new();
        super::write(&a, &b, &c, &mut out).unwrap();
        let streamed = String::from_utf8(out).unwrap();
        assert_eq!(streamed, super::render(&a, &b, &c));
        assert!(
            streamed.contains(r"a\u009b31m\u202e\u007f.txt"),
            "{streamed}"
        );
        assert!(!streamed.chars().any(super::needs_escape));
    }
}
