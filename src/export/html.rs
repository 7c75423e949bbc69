//! `copycat compare --format html`: a standalone side-by-side report.
//!
//! One file, no scripts, no external resources: it can be mailed to an editor
//! or attached to a fact-check. Rows follow B's reading order; each link sits
//! level with its source, passages dropped from A appear where A had them, and
//! the words that changed inside a link are struck out (A) or underlined (B).
//! Every byte of article text is HTML-escaped.

use std::fmt::Write as _;
use std::ops::Range;

use crate::align::{Alignment, Kind, Link};
use crate::article::Article;
use crate::export::text::paragraph_number;

const STYLE: &str = r#"
:root { --bg:#fff; --fg:#1d1d1f; --dim:#6e6e73; --copied:#fff1b8; --reworded:#d7ecff;
        --new:#e6f6e6; --dropped:#fde7e7; --del:#b3261e; --ins:#1b6e20; --rule:#d2d2d7; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#161617; --fg:#e8e8ed; --dim:#98989d; --copied:#4a3f10; --reworded:#173a5c;
          --new:#1b3d1f; --dropped:#4a1c1c; --del:#ff8a80; --ins:#8be28f; --rule:#3a3a3c; }
}
body { background:var(--bg); color:var(--fg); font:16px/1.5 Georgia, serif; margin:2rem auto; max-width:1200px; padding:0 1rem; }
h1 { font:600 1.3rem system-ui, sans-serif; margin:0 0 .5rem; }
.meta, .stats, .legend, .tag { font:13px system-ui, sans-serif; color:var(--dim); }
.stats b { color:var(--fg); }
table { border-collapse:collapse; width:100%; table-layout:fixed; margin-top:1rem; }
th { font:600 14px system-ui, sans-serif; text-align:left; padding:.5rem; border-bottom:2px solid var(--rule); vertical-align:top; }
td { vertical-align:top; padding:.45rem .6rem; border-bottom:1px solid var(--rule); }
td.copied { background:var(--copied); } td.reworded { background:var(--reworded); }
td.new { background:var(--new); } td.dropped { background:var(--dropped); }
.gutter { width:7.5rem; } td.gutter { font:12px system-ui, sans-serif; color:var(--dim); }
del { color:var(--del); text-decoration:line-through; }
ins { color:var(--ins); text-decoration:underline; font-weight:600; }
.sw { display:inline-block; width:.9em; height:.9em; vertical-align:middle; border:1px solid var(--rule); }
"#;

fn esc(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
}

fn escaped(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    esc(s, &mut o);
    o
}

/// Text of `span` with the words in `changed` wrapped in `tag`.
fn marked(art: &Article, span: Range<usize>, changed: &[Range<usize>], tag: &str) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for r in changed.iter().filter(|r| !r.is_empty()) {
        let (s, e) = (art.words[r.start].span.start, art.words[r.end - 1].span.end);
        if s < at || e > span.end {
            continue;
        }
        esc(&art.text[at..s], &mut out);
        let _ = write!(out, "<{tag}>");
        esc(&art.text[s..e], &mut out);
        let _ = write!(out, "</{tag}>");
        at = e;
    }
    esc(&art.text[at..span.end], &mut out);
    out
}

fn sentences_span(art: &Article, r: &Range<usize>) -> Range<usize> {
    art.sentences[r.start].span.start..art.sentences[r.end - 1].span.end
}

/// What a row of the report shows.
enum Row<'a> {
    Link(&'a Link),
    New(Range<usize>),
    Dropped(Range<usize>),
}

/// Rows in B's reading order, with A's dropped passages placed where A has
/// them relative to the in-order links.
fn rows(al: &Alignment) -> Vec<Row<'_>> {
    let mut items: Vec<(usize, Row)> = al
        .links
        .iter()
        .map(|l| (l.b.start, Row::Link(l)))
        .chain(al.b_unlinked.iter().map(|r| (r.start, Row::New(r.clone()))))
        .collect();
    items.sort_by_key(|(k, _)| *k);
    let mut dropped = al.a_unlinked.iter().peekable();
    let mut out = Vec::new();
    for (_, row) in items {
        if let Row::Link(l) = &row
            && !l.moved
        {
            while let Some(d) = dropped.next_if(|d| d.start < l.a.start) {
                out.push(Row::Dropped(d.clone()));
            }
        }
        out.push(row);
    }
    out.extend(dropped.map(|d| Row::Dropped(d.clone())));
    out
}

fn header(art: &Article, side: &str) -> String {
    let mut bits = Vec::new();
    if let Some(o) = &art.meta.outlet {
        bits.push(escaped(o));
    }
    if let Some(d) = &art.meta.date {
        bits.push(escaped(d));
    }
    bits.push(format!("{} words", art.body_words()));
    format!(
        "<th>{side} · {}<div class=\"meta\">{} · {}</div></th>",
        escaped(&art.meta.title),
        escaped(&art.path),
        bits.join(" · ")
    )
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// The whole report as one HTML document.
pub fn render(a: &Article, b: &Article, al: &Alignment) -> String {
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>copycat: {} vs {}</title><style>{STYLE}</style></head><body>\n",
        escaped(&a.meta.title),
        escaped(&b.meta.title)
    );
    let st = &al.stats;
    let _ = writeln!(
        o,
        "<h1>What B took from A</h1><div class=\"stats\">B copied <b>{}</b> · reworded <b>{}</b> · new <b>{}</b> · moved <b>{}</b> · A dropped <b>{}</b> · {} links</div>",
        pct(st.b_copied),
        pct(st.b_reworded),
        pct(st.b_new),
        pct(st.b_moved),
        pct(st.a_dropped),
        al.links.len()
    );
    let _ = writeln!(
        o,
        "<div class=\"legend\"><span class=\"sw\" style=\"background:var(--copied)\"></span> copied \
         <span class=\"sw\" style=\"background:var(--reworded)\"></span> reworded \
         <span class=\"sw\" style=\"background:var(--new)\"></span> new in B \
         <span class=\"sw\" style=\"background:var(--dropped)\"></span> dropped from A · \
         <del>deleted</del> words of A · <ins>inserted</ins> words of B</div>"
    );
    let _ = writeln!(
        o,
        "<table><thead><tr>{}<th class=\"gutter\"></th>{}</tr></thead><tbody>",
        header(a, "A"),
        header(b, "B")
    );
    for row in rows(al) {
        match row {
            Row::Link(l) => {
                let class = l.kind.as_str();
                let (dels, inss) = (l.deleted_words(), l.inserted_words());
                let moved = if l.moved {
                    format!("<br>moved: A ¶{}", paragraph_number(a, l.a.start))
                } else {
                    String::new()
                };
                let kind = match l.kind {
                    Kind::Copied => "copied",
                    Kind::Reworded => "reworded",
                };
                let _ = writeln!(
                    o,
                    "<tr><td class=\"{class}\">{}</td><td class=\"gutter\">{kind} {:.2}<br>A ¶{} ↔ B ¶{}{moved}</td><td class=\"{class}\">{}</td></tr>",
                    marked(a, l.a_span.clone(), &dels, "del"),
                    l.score,
                    paragraph_number(a, l.a.start),
                    paragraph_number(b, l.b.start),
                    marked(b, l.b_span.clone(), &inss, "ins"),
                );
            }
            Row::New(r) => {
                let _ = writeln!(
                    o,
                    "<tr><td></td><td class=\"gutter\">new in B</td><td class=\"new\">{}</td></tr>",
                    escaped(&b.text[sentences_span(b, &r)])
                );
            }
            Row::Dropped(r) => {
                let _ = writeln!(
                    o,
                    "<tr><td class=\"dropped\">{}</td><td class=\"gutter\">dropped from A</td><td></td></tr>",
                    escaped(&a.text[sentences_span(a, &r)])
                );
            }
        }
    }
    o.push_str("</tbody></table>\n<p class=\"meta\">Made by copycat.</p></body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_text_is_escaped() {
        let a = Article::parse(
            "a.txt",
            b"<script>alert('x')</script> The envoy met the minister in Geneva on Tuesday for talks.".to_vec(),
        );
        let al = crate::align::align(&a, &a);
        let html = render(&a, &a, &al);
        assert!(!html.contains("<script>"));
        assert!(html.contains("&lt;script&gt;"));
    }

    #[test]
    fn every_link_and_passage_gets_a_row() {
        let arts = crate::article::bundled();
        let a = arts.iter().find(|a| a.path.contains("reuters")).unwrap();
        let b = arts
            .iter()
            .find(|a| a.path.contains("undated-rewrite"))
            .unwrap();
        let al = crate::align::align(a, b);
        let html = render(a, b, &al);
        let rows = html.matches("<tr><td").count();
        assert_eq!(
            rows,
            al.links.len() + al.a_unlinked.len() + al.b_unlinked.len()
        );
        assert!(html.contains("<del>") && html.contains("<ins>"));
    }
}
