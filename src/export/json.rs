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
    s
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
    let mut w = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut w, &CompareReport::new(a, b, al))?;
    w.write_all(b"\n")?;
    w.flush()
}

/// `copycat rank --format json`.
pub fn ranking(arts: &[Article], ranking: &Ranking) -> String {
    let sources = corpus::sources(arts.len(), &ranking.pairs);
    pretty(&RankReport::new(arts, ranking, &sources))
}
