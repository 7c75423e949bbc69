//! `copycat compare --format html`: a standalone side-by-side report.
//!
//! One file, no scripts, no external resources: it can be mailed to an editor
//! or attached to a fact-check. Rows follow B's reading order; each link sits
//! level with its source, passages dropped from A appear where A had them, and
//! the words that changed inside a link are struck out (A) or underlined (B).
//! Every byte of article text is HTML-escaped.

use std::fmt::Write as _;
use std::io::{self, Write as _};

use crate::article::decode::placeholder;
use crate::article::{Article, TextBytes, Words};
use crate::comparison::{Comparison, Item, paragraph_range, paragraphs};
use crate::export::text::{FLAG, flag_counts};
use crate::marks::{self, Mark, pct};
use crate::side::Side;

/// The page's own colours; the marks' colours come from [`marks::css`].
pub(super) const STYLE: &str = r#"
:root { --bg:#fff; --fg:#1d1d1f; --dim:#6e6e73; --rule:#d2d2d7; }
@media (prefers-color-scheme: dark) {
  :root { --bg:#161617; --fg:#e8e8ed; --dim:#98989d; --rule:#3a3a3c; }
}
body { background:var(--bg); color:var(--fg); font:16px/1.5 Georgia, serif; margin:2rem auto; max-width:1200px; padding:0 1rem; }
h1 { font:600 1.3rem system-ui, sans-serif; margin:0 0 .5rem; }
.meta, .stats, .legend, .tag { font:13px system-ui, sans-serif; color:var(--dim); }
.note { font:600 13px system-ui, sans-serif; color:var(--fg); margin-top:.3rem; }
.stats b { color:var(--fg); }
table { border-collapse:collapse; width:100%; table-layout:fixed; margin-top:1rem; }
th { font:600 14px system-ui, sans-serif; text-align:left; padding:.5rem; border-bottom:2px solid var(--rule); vertical-align:top; }
td { vertical-align:top; padding:.45rem .6rem; border-bottom:1px solid var(--rule); }
td.copied { background:var(--copied-bg); } td.reworded { background:var(--reworded-bg); }
td.new { background:var(--new-bg); } td.dropped { background:var(--dropped-bg); }
td.apart { color:#666; font-style:italic; }
.gutter { width:7.5rem; } td.gutter { font:12px system-ui, sans-serif; color:var(--dim); }
del { color:var(--deleted); text-decoration:underline; font-weight:600; }
ins { color:var(--inserted); text-decoration:underline; font-weight:600; }
.moved { color:var(--moved); text-decoration:underline dotted; font-weight:600; }
tr.passage td { font:600 13px system-ui, sans-serif; color:var(--fg); border-bottom:none; padding-top:1rem; }
td.gutter.in-passage { border-left:3px solid var(--rule); }
@media print {
  body { margin:0; max-width:none; font-size:11pt; }
  tr, .flags li { break-inside:avoid; }
  td, .sw { -webkit-print-color-adjust:exact; print-color-adjust:exact; }
}
.flags { font:14px system-ui, sans-serif; border:1px solid var(--rule); border-radius:6px; padding:.3rem 1rem; margin-top:1rem; }
.flags h2 { font-size:1rem; } .flags li { margin:.4rem 0; } .flags .pair { color:var(--dim); font-size:13px; }
.flags .pair span, .flag { font-weight:600; color:var(--fg); }
.fl { color:var(--flagged); background:var(--flagged-bg); padding:0 .15em; border-radius:2px; }
.sw { display:inline-block; width:.9em; height:.9em; vertical-align:middle; border:1px solid var(--rule); }
"#;

/// `s` escaped for HTML text and attributes. Article text is clean
/// already; a file name may hold any byte, so controls, C1 and bidi
/// controls become their visible placeholders, as on the terminal.
pub(super) fn esc(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' => out.push_str("<br>"),
            '\r' | '\t' => out.push(' '),
            c => out.push(placeholder(c).unwrap_or(c)),
        }
    }
}

pub(super) fn escaped(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    esc(s, &mut o);
    o
}

/// Text of `span` with the marked words (in order) in their elements:
/// `<del>` for words of A that B changed, `<ins>` for the words B put in,
/// `<span class="moved">` for words B kept but moved.
fn marked(art: &Article, span: TextBytes, words: &[(Words, Mark)]) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for (r, m) in words.iter().filter(|(r, _)| !r.is_empty()) {
        let w = art.words_bytes(*r);
        let (s, e) = (w.start, w.end);
        if s < at || e > span.end {
            continue;
        }
        let (open, close) = match m {
            Mark::Deleted => ("<del>", "</del>"),
            Mark::Inserted => ("<ins>", "</ins>"),
            _ => ("<span class=\"moved\">", "</span>"),
        };
        esc(&art.text[at..s], &mut out);
        out.push_str(open);
        esc(&art.text[s..e], &mut out);
        out.push_str(close);
        at = e;
    }
    esc(&art.text[at..span.end], &mut out);
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
    bits.push(crate::marks::count(art.body_words(), "word", "words"));
    // How a saved page was read, when there is doubt.
    let notes: String = art
        .extraction_notes()
        .iter()
        .map(|n| format!("<div class=\"note\">note: {}</div>", escaped(n)))
        .collect();
    format!(
        "<th>{side} · {}<div class=\"meta\">{} · {}</div>{notes}</th>",
        escaped(&art.meta.title),
        escaped(&art.path),
        bits.join(" · ")
    )
}

/// The whole report as one HTML document.
pub fn render(a: &Article, b: &Article, c: &Comparison) -> String {
    let mut out = Vec::new();
    // Into a Vec: no I/O error.
    let _ = write(a, b, c, &mut out);
    String::from_utf8(out).expect("the report is UTF-8")
}

/// The whole report, written to `out` a row at a time (a long pair's report
/// is never held whole).
pub fn write(a: &Article, b: &Article, c: &Comparison, out: impl io::Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let al = &c.alignment;
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>copycat: {} vs {}</title><style>{}{STYLE}</style></head><body>\n",
        escaped(&a.meta.title),
        escaped(&b.meta.title),
        marks::css()
    );
    let st = &al.stats;
    // What both have from a common text (`--common`): see the text report.
    let common = |x: f64| {
        if al.apart.is_empty() {
            String::new()
        } else {
            format!("common <b>{}</b> · ", pct(x))
        }
    };
    let _ = writeln!(
        o,
        "<h1>What B took from A</h1><div class=\"stats\">B copied <b>{}</b> · reworded <b>{}</b> · {}new <b>{}</b> · moved <b>{}</b> · A {}dropped <b>{}</b> · {}</div>",
        pct(st.b_copied),
        pct(st.b_reworded),
        common(st.b_common),
        pct(st.b_new),
        pct(st.b_moved),
        common(st.a_common),
        pct(st.a_dropped),
        marks::count(al.links.len(), "link", "links")
    );
    // What the aligner says of the result in words (matches held back or set
    // apart, limits it met), as the text report and the JSON say it.
    for n in &al.notes {
        let _ = writeln!(o, "<div class=\"note\">note: {}</div>", escaped(n));
    }
    o.push_str("<div class=\"legend\">");
    for m in [Mark::Copied, Mark::Reworded, Mark::New, Mark::Dropped] {
        let _ = write!(
            o,
            "<span class=\"sw\" style=\"background:var(--{0}-bg)\"></span> {0} ({1}) ",
            m.label(),
            m.meaning()
        );
    }
    let _ = writeln!(
        o,
        "· <del>{}</del> {} · <ins>{}</ins> {} · <span class=\"moved\">{}</span> words B kept but moved</div>",
        Mark::Deleted.label(),
        Mark::Deleted.meaning(),
        Mark::Inserted.label(),
        Mark::Inserted.meaning(),
        Mark::Moved.label(),
    );
    let flags = &c.flags;
    if !flags.is_empty() {
        let _ = writeln!(
            o,
            "<section class=\"flags\"><h2><span class=\"fl\">{FLAG}</span> Changed quotations and facts ({})</h2><ul>",
            escaped(&flag_counts(flags))
        );
        for f in flags {
            let _ = writeln!(
                o,
                "<li><b>{}</b> {}<div class=\"pair\"><span>A</span> {}<br><span>B</span> {}</div></li>",
                escaped(f.kind.label()),
                escaped(&f.detail),
                escaped(a.text_at(f.a)),
                escaped(b.text_at(f.b)),
            );
        }
        o.push_str("</ul></section>\n");
    }
    let _ = writeln!(
        o,
        "<table><thead><tr>{}<th class=\"gutter\"></th>{}</tr></thead><tbody>",
        header(a, "A"),
        header(b, "B")
    );
    out.write_all(o.as_bytes())?;
    for item in c.order() {
        o.clear();
        match *item {
            Item::Passage(pi) => {
                let p = &al.passages[pi];
                let (pa, pb) = (
                    paragraph_range(paragraphs(a, p.a)),
                    paragraph_range(paragraphs(b, p.b)),
                );
                let _ = writeln!(
                    o,
                    "<tr class=\"passage\"><td colspan=\"3\">Passage {}: {} {:.2} · {} links{}{} · A {pa} ↔ B {pb}</td></tr>",
                    c.passage_number(pi).unwrap_or(0),
                    p.kind.as_str(),
                    p.score,
                    p.links.len(),
                    if p.moved { " · moved" } else { "" },
                    p.summary_note(),
                );
            }
            Item::Link(i) => {
                let l = &al.links[i];
                let class = l.kind.as_str();
                let gutter_class = if c.passage_of(i).is_some() {
                    "gutter in-passage"
                } else {
                    "gutter"
                };
                let mut marks = String::new();
                for f in c.flags_of(i) {
                    let _ = write!(
                        marks,
                        "<br><span class=\"flag\"><span class=\"fl\">{FLAG}</span> {}</span>",
                        escaped(f.kind.label())
                    );
                }
                let moved = if l.moved {
                    format!(
                        "<br>{}: A ¶{}",
                        Mark::Moved.label(),
                        a.paragraph_number(l.a.start)
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(
                    o,
                    "<tr><td class=\"{class}\">{}</td><td class=\"{gutter_class}\">#{} {class} {:.2}<br>{} kept in order<br>A ¶{} ↔ B ¶{}{moved}{marks}</td><td class=\"{class}\">{}</td></tr>",
                    marked(a, l.a_span, &l.marked_words(Side::A)),
                    i + 1,
                    l.score,
                    pct(c.kept(i)),
                    a.paragraph_number(l.a.start),
                    b.paragraph_number(l.b.start),
                    marked(b, l.b_span, &l.marked_words(Side::B)),
                );
            }
            Item::New(k) => {
                let r = al.b_unlinked[k];
                let _ = writeln!(
                    o,
                    "<tr><td></td><td class=\"gutter\">{0} in B<br>B ¶{2}</td><td class=\"{0}\">{1}</td></tr>",
                    Mark::New.label(),
                    escaped(b.text_at(b.sentences_bytes(r))),
                    b.paragraph_number(r.start),
                );
            }
            Item::Dropped(k) => {
                let r = al.a_unlinked[k];
                let _ = writeln!(
                    o,
                    "<tr><td class=\"{0}\">{1}</td><td class=\"gutter\">{0} from A<br>A ¶{2}</td><td></td></tr>",
                    Mark::Dropped.label(),
                    escaped(a.text_at(a.sentences_bytes(r))),
                    a.paragraph_number(r.start),
                );
            }
            Item::Apart(k) => {
                let r = &al.apart[k];
                let _ = writeln!(
                    o,
                    "<tr><td class=\"apart\">{}</td><td class=\"gutter\">set apart: both have it from {}<br>A ¶{} ↔ B ¶{}</td><td class=\"apart\">{}</td></tr>",
                    escaped(a.text_at(a.sentences_bytes(r.a))),
                    escaped(&r.source),
                    a.paragraph_number(r.a.start),
                    b.paragraph_number(r.b.start),
                    escaped(b.text_at(b.sentences_bytes(r.b))),
                );
            }
        }
        out.write_all(o.as_bytes())?;
    }
    out.write_all(b"</tbody></table>\n<p class=\"meta\">Made by copycat.</p></body></html>\n")?;
    out.flush()
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
        let c = Comparison::new(&a, &a);
        let html = render(&a, &a, &c);
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
        let c = Comparison::new(a, b);
        let al = &c.alignment;
        let html = render(a, b, &c);
        let rows = html.matches("<tr><td").count();
        assert_eq!(
            rows,
            al.links.len() + al.a_unlinked.len() + al.b_unlinked.len()
        );
        assert!(html.contains("<del>") && html.contains("<ins>"));
        // Links grouped under their passage: one header for each passage of
        // two or more links, and a phrase B moved marked on both sides.
        let grouped = al.passages.iter().filter(|p| p.links.len() > 1).count();
        assert!(grouped > 0);
        assert_eq!(html.matches("<tr class=\"passage\">").count(), grouped);
        assert!(
            html.matches("<span class=\"moved\">finalizing this")
                .count()
                >= 1
        );
        assert!(html.contains("kept in order"));
    }
}
