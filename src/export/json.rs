//! `copycat compare --format json`: the contract in DESIGN.md.
//!
//! Every offset is a byte offset into the file exactly as stored, so other
//! tools can cut the passages out of the files themselves.

use std::ops::Range;

use serde_json::{Value, json};

use crate::align::{Alignment, WordOp};
use crate::article::Article;

fn span(art: &Article, text: Range<usize>) -> Value {
    let r = art.file_range(text);
    json!({"start": r.start, "end": r.end})
}

fn words_span(art: &Article, words: &Range<usize>) -> Value {
    let (first, last) = (&art.words[words.start], &art.words[words.end - 1]);
    span(art, first.span.start..last.span.end)
}

fn sentences_span(art: &Article, r: &Range<usize>) -> Value {
    let mut v = span(
        art,
        art.sentences[r.start].span.start..art.sentences[r.end - 1].span.end,
    );
    v["sentences"] = json!([r.start, r.end]);
    v
}

fn article(art: &Article) -> Value {
    json!({
        "path": art.path,
        "title": art.meta.title,
        "date": art.meta.date,
        "outlet": art.meta.outlet,
        "byline": art.meta.byline,
        "bytes": art.bytes.len(),
        "words": art.body_words(),
        "warnings": art.warnings,
    })
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The alignment of `b` against `a` as a JSON value.
pub fn to_value(a: &Article, b: &Article, al: &Alignment) -> Value {
    let links: Vec<Value> = al
        .links
        .iter()
        .map(|l| {
            let changes: Vec<Value> = l
                .ops
                .iter()
                .filter_map(|op| match op {
                    WordOp::Equal { .. } => None,
                    WordOp::Delete { a: w } => Some(json!({"op": "delete", "a": words_span(a, w)})),
                    WordOp::Insert { b: w } => Some(json!({"op": "insert", "b": words_span(b, w)})),
                })
                .collect();
            let mut a_side = sentences_span(a, &l.a);
            let mut b_side = sentences_span(b, &l.b);
            debug_assert_eq!(a.file_range(l.a_span.clone()).start, a_side["start"]);
            a_side["text"] = json!(&a.text[l.a_span.clone()]);
            b_side["text"] = json!(&b.text[l.b_span.clone()]);
            json!({
                "kind": l.kind.as_str(),
                "score": round(l.score),
                "moved": l.moved,
                "kept": {"a": round(l.kept_a), "b": round(l.kept_b)},
                "a": a_side,
                "b": b_side,
                "changes": changes,
            })
        })
        .collect();
    let reuse: Vec<Value> = al
        .passages
        .iter()
        .map(|p| {
            json!({
                "kind": p.kind.as_str(),
                "score": round(p.score),
                "moved": p.moved,
                "a": sentences_span(a, &p.a),
                "b": sentences_span(b, &p.b),
                "links": p.links,
            })
        })
        .collect();
    let passages = |art: &Article, runs: &[Range<usize>]| -> Vec<Value> {
        runs.iter().map(|r| sentences_span(art, r)).collect()
    };
    json!({
        "a": article(a),
        "b": article(b),
        "stats": {
            "b_copied": round(al.stats.b_copied),
            "b_reworded": round(al.stats.b_reworded),
            "b_new": round(al.stats.b_new),
            "a_dropped": round(al.stats.a_dropped),
            "b_moved": round(al.stats.b_moved),
        },
        "links": links,
        "passages": reuse,
        "a_dropped": passages(a, &al.a_unlinked),
        "b_new": passages(b, &al.b_unlinked),
        "notes": al.notes,
    })
}

/// Pretty JSON text with a trailing newline.
pub fn render(a: &Article, b: &Article, al: &Alignment) -> String {
    let mut s = serde_json::to_string_pretty(&to_value(a, b, al)).unwrap_or_default();
    s.push('\n');
    s
}
