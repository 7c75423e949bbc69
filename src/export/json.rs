//! `copycat compare --format json` and `copycat rank --format json`: the
//! contract in [`super::report`], pretty-printed.

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

/// `copycat rank --format json`.
pub fn ranking(arts: &[Article], ranking: &Ranking) -> String {
    let sources = corpus::sources(arts.len(), &ranking.pairs);
    pretty(&RankReport::new(arts, ranking, &sources))
}
