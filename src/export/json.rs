//! `copycat compare --format json` and `copycat rank --format json`: the
//! contract in [`super::report`], pretty-printed.

use std::io::{self, Write};

use serde::Serialize;
use serde_json::Value;

use super::report::{CompareReport, RankReport};
use crate::align::Alignment;
use crate::article::Article;
use crate::corpus::{self, Ranking};

/// Pretty JSON with a trailing newline.
fn pretty(v: &impl Serialize) -> String {
    // The report types hold only strings, numbers, booleans and lists, all
    // of which serde_json writes without fail.
    let mut s = serde_json::to_string_pretty(v).expect("report types always serialize");
    s.push('\n');
    escape_unsafe(s)
}

/// Whether serde_json leaves `c` raw where a terminal or a viewer would act
/// on it: C1 controls, bidi controls, the interlinear annotation controls,
/// and U+2028/U+2029 (line breaks to JavaScript). It escapes C0 itself.
fn needs_escape(c: char) -> bool {
    matches!(c, '\u{2028}' | '\u{2029}')
        || (c as u32 >= 0x7F && crate::article::decode::placeholder(c).is_some())
}

/// JSON text with every character of [`needs_escape`] written as `\uXXXX`.
/// They can only stand inside strings (JSON's own syntax is ASCII), so the
/// escape means the same character to any reader; article text never holds
/// them (decoding replaces them), but a file name may.
pub fn escape_unsafe(s: String) -> String {
    if !s.chars().any(needs_escape) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if needs_escape(c) {
            // All of them are in the Basic Multilingual Plane.
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The alignment of `b` against `a` as a JSON value.
pub fn to_value(a: &Article, b: &Article, al: &Alignment) -> Value {
    serde_json::to_value(CompareReport::new(a, b, al)).expect("report types always serialize")
}

/// `copycat compare --format json`.
pub fn render(a: &Article, b: &Article, al: &Alignment) -> String {
    pretty(&CompareReport::new(a, b, al))
}

/// `copycat compare --format json`, written to `out` as it is serialized
/// (the same bytes as [`render`], without holding the whole report as a
/// string: a 1 MB pair makes a report of several megabytes). Buffered
/// here, so that the serializer's many small writes are plain copies into
/// a buffer of a known type, whatever `out` is (a `dyn Write` costs a call
/// each).
pub fn write(a: &Article, b: &Article, al: &Alignment, out: impl Write) -> io::Result<()> {
    let mut w = Escaping(io::BufWriter::with_capacity(1 << 16, out));
    serde_json::to_writer_pretty(&mut w, &CompareReport::new(a, b, al))?;
    w.write_all(b"\n")?;
    w.flush()
}

/// A writer that does to streamed JSON what [`escape_unsafe`] does to a
/// whole report. serde_json hands it whole `&str` pieces (it cuts strings
/// only at the ASCII characters it escapes), so no character is ever split
/// across two writes, and the characters escaped can only stand inside
/// strings: escaping them byte-wise here means what it means in
/// [`escape_unsafe`].
struct Escaping<W>(W);

impl<W: Write> Write for Escaping<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        // Nearly every piece is ASCII (keys, numbers, English text): a
        // plain copy.
        match std::str::from_utf8(buf) {
            Ok(s) if !buf.is_ascii() && s.chars().any(needs_escape) => {
                for c in s.chars() {
                    if needs_escape(c) {
                        write!(self.0, "\\u{:04x}", c as u32)?;
                    } else {
                        self.0.write_all(c.encode_utf8(&mut [0; 4]).as_bytes())?;
                    }
                }
            }
            _ => self.0.write_all(buf)?,
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

/// `copycat rank --format json`.
pub fn ranking(arts: &[Article], ranking: &Ranking) -> String {
    let sources = corpus::sources(arts.len(), &ranking.pairs);
    pretty(&RankReport::new(arts, ranking, &sources))
}

#[cfg(test)]
mod tests {
    use super::escape_unsafe;
    use crate::article::Article;

    #[test]
    fn c1_and_bidi_controls_in_strings_are_escaped() {
        let v = serde_json::json!({"path": "a\u{9b}31m\u{202e}b\u{2028}c\u{1b}d.txt"});
        let s = escape_unsafe(serde_json::to_string(&v).unwrap());
        assert_eq!(s, r#"{"path":"a\u009b31m\u202eb\u2028c\u001bd.txt"}"#);
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn the_streamed_report_escapes_what_the_whole_one_does() {
        // A regression: the streamed writer once let a file name's C1 and
        // bidi controls out raw, where `render` escaped them.
        let a = Article::parse("a\u{9b}31m\u{202e}.txt", b"One two three.".to_vec());
        let b = Article::parse("b\u{2066}\u{2028}.txt", b"One two three.".to_vec());
        let al = crate::align::align(&a, &b);
        let mut out = Vec::new();
        super::write(&a, &b, &al, &mut out).unwrap();
        let streamed = String::from_utf8(out).unwrap();
        assert_eq!(streamed, super::render(&a, &b, &al));
        assert!(streamed.contains(r"a\u009b31m\u202e.txt"), "{streamed}");
        assert!(!streamed.chars().any(super::needs_escape));
    }
}
