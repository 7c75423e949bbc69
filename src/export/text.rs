//! `copycat compare --format text`: a report to read in a terminal or a pager.
//!
//! Changed words are marked the way wdiff marks them — `[-deleted-]` and
//! `{+inserted+}` — so the report survives copy and paste and `NO_COLOR`; with
//! colour the brackets give way to red strike-through and green bold. Article
//! text is normalized on load, so no byte of it can be a control sequence here.

use std::fmt::Write as _;
use std::ops::Range;

use crate::align::{Alignment, Kind};
use crate::article::Article;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const DELETED: &str = "\x1b[31;9m";
const INSERTED: &str = "\x1b[32;1m";
const COPIED: &str = "\x1b[1;33m";
const REWORDED: &str = "\x1b[1;36m";

/// The text of `span` with the words in `changed` (word index ranges) marked.
pub fn marked(
    art: &Article,
    span: Range<usize>,
    changed: &[Range<usize>],
    del: bool,
    ansi: bool,
) -> String {
    let (open, close) = match (del, ansi) {
        (true, false) => ("[-", "-]"),
        (false, false) => ("{+", "+}"),
        (true, true) => (DELETED, RESET),
        (false, true) => (INSERTED, RESET),
    };
    let mut out = String::new();
    let mut at = span.start;
    for r in changed {
        if r.is_empty() {
            continue;
        }
        let (s, e) = (art.words[r.start].span.start, art.words[r.end - 1].span.end);
        if s < at || e > span.end {
            continue;
        }
        out.push_str(&art.text[at..s]);
        out.push_str(open);
        out.push_str(&art.text[s..e]);
        out.push_str(close);
        at = e;
    }
    out.push_str(&art.text[at..span.end]);
    flatten(&out)
}

/// Paragraph breaks inside a merged passage become ` ¶ ` so that each side
/// of a link stays one block.
fn flatten(s: &str) -> String {
    s.split('\n')
        .filter(|l| !l.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" ¶ ")
}

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

fn describe(art: &Article) -> String {
    let mut bits = Vec::new();
    if let Some(d) = &art.meta.date {
        bits.push(d.clone());
    }
    if let Some(o) = &art.meta.outlet {
        bits.push(o.clone());
    }
    bits.push(format!("{} words", art.body_words()));
    format!(
        "{}\n   {} ({})",
        super::safe(&art.path),
        art.meta.title,
        bits.join(", ")
    )
}

/// Paragraph number (1-based, counting body paragraphs) of a sentence.
pub fn paragraph_number(art: &Article, sentence: usize) -> usize {
    let p = art.sentences[sentence].paragraph;
    art.paragraphs[..=p]
        .iter()
        .filter(|p| p.role.compared())
        .count()
        .max(1)
}

/// The whole report.
pub fn render(a: &Article, b: &Article, al: &Alignment, ansi: bool) -> String {
    let paint = |code: &str, s: &str| {
        if ansi {
            format!("{code}{s}{RESET}")
        } else {
            s.to_string()
        }
    };
    let mut o = String::new();
    let _ = writeln!(o, "A  {}", describe(a));
    let _ = writeln!(o, "B  {}", describe(b));
    let st = &al.stats;
    let _ = writeln!(
        o,
        "\nB copied {} · reworded {} · new {} · moved {}   A dropped {}   {} links\n",
        paint(COPIED, &pct(st.b_copied)),
        paint(REWORDED, &pct(st.b_reworded)),
        pct(st.b_new),
        pct(st.b_moved),
        pct(st.a_dropped),
        al.links.len()
    );
    for n in &al.notes {
        let _ = writeln!(o, "note: {n}\n");
    }
    for (i, l) in al.links.iter().enumerate() {
        let kind = match l.kind {
            Kind::Copied => paint(COPIED, "copied"),
            Kind::Reworded => paint(REWORDED, "reworded"),
        };
        let moved = if l.moved { "  moved" } else { "" };
        let _ = writeln!(
            o,
            "{} {kind} {:.2}{moved}   A ¶{} ↔ B ¶{}",
            paint(BOLD, &format!("#{}", i + 1)),
            l.score,
            paragraph_number(a, l.a.start),
            paragraph_number(b, l.b.start),
        );
        let _ = writeln!(
            o,
            "  A  {}",
            marked(a, l.a_span.clone(), &l.deleted_words(), true, ansi)
        );
        let _ = writeln!(
            o,
            "  B  {}\n",
            marked(b, l.b_span.clone(), &l.inserted_words(), false, ansi)
        );
    }
    let passages = |o: &mut String, title: &str, art: &Article, runs: &[Range<usize>]| {
        if runs.is_empty() {
            return;
        }
        let _ = writeln!(o, "{}", paint(BOLD, title));
        for r in runs {
            let span = art.sentences[r.start].span.start..art.sentences[r.end - 1].span.end;
            let _ = writeln!(
                o,
                "  ¶{}  {}",
                paragraph_number(art, r.start),
                paint(DIM, &flatten(&art.text[span]))
            );
        }
        o.push('\n');
    };
    passages(&mut o, "New in B", b, &al.b_unlinked);
    passages(&mut o, "Dropped from A", a, &al.a_unlinked);
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_marked_wdiff_style() {
        let a = Article::parse("a.txt", b"The cat sat on the mat today.".to_vec());
        let s = a.sentences[0].span.clone();
        assert_eq!(
            marked(&a, s.clone(), std::slice::from_ref(&(1..2)), true, false),
            "The [-cat-] sat on the mat today."
        );
        assert_eq!(
            marked(&a, s, std::slice::from_ref(&(4..6)), false, false),
            "The cat sat on {+the mat+} today."
        );
    }
}
