//! `copycat compare --format text`: a report to read in a terminal or a pager.
//!
//! Changed words are marked the way wdiff marks them — `[-deleted-]` and
//! `{+inserted+}` — so the report survives copy and paste and `NO_COLOR`; with
//! colour the brackets give way to the looks of [`crate::marks`], the reader's
//! own. Article text is normalized on load, so no byte of it can be a control
//! sequence here; file names go through [`safe_line`].

use std::fmt::Write as _;
use std::io::{self, Write as _};

use crate::article::{Article, TextBytes, Words, safe_line};
use crate::comparison::{Comparison, Item, paragraph_range, paragraphs};
use crate::corpus::Ranking;
use crate::drift;
use crate::marks::{Mark, SGR_RESET, pct};
use crate::side::Side;

const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";

/// How plain text marks a word: wdiff's brackets for deleted and inserted
/// words, and tildes for words kept but moved.
fn brackets(m: Mark) -> (&'static str, &'static str) {
    match m {
        Mark::Deleted => ("[-", "-]"),
        Mark::Moved => ("{~", "~}"),
        _ => ("{+", "+}"),
    }
}

/// The text of `span` with the marked words (in order) in brackets, or in
/// their colours with `ansi`.
pub fn marked(art: &Article, span: TextBytes, words: &[(Words, Mark)], ansi: bool) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for (r, m) in words {
        if r.is_empty() {
            continue;
        }
        let w = art.words_bytes(*r);
        let (s, e) = (w.start, w.end);
        if s < at || e > span.end {
            continue;
        }
        let sgr = m.look(true).sgr();
        let (open, close) = if ansi {
            (sgr.as_str(), SGR_RESET)
        } else {
            brackets(*m)
        };
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

fn describe(art: &Article) -> String {
    let mut bits = Vec::new();
    if let Some(d) = &art.meta.date {
        bits.push(safe_line(d).into_owned());
    }
    if let Some(o) = &art.meta.outlet {
        bits.push(safe_line(o).into_owned());
    }
    bits.push(crate::marks::count(art.body_words(), "word", "words"));
    format!(
        "{}\n   {} ({})",
        safe_line(&art.path),
        safe_line(&art.meta.title),
        bits.join(", ")
    )
}

/// The whole report as a string.
pub fn render(a: &Article, b: &Article, c: &Comparison, ansi: bool) -> String {
    let mut out = Vec::new();
    // Into a Vec: no I/O error.
    let _ = write(a, b, c, ansi, &mut out);
    String::from_utf8(out).expect("the report is UTF-8")
}

/// The whole report, written to `out` an item at a time, in the
/// comparison's reading order (B's, with what A dropped where A had it).
pub fn write(
    a: &Article,
    b: &Article,
    c: &Comparison,
    ansi: bool,
    out: impl io::Write,
) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    let al = &c.alignment;
    let paint = |code: &str, s: &str| {
        if ansi {
            format!("{code}{s}{SGR_RESET}")
        } else {
            s.to_string()
        }
    };
    let sgr = |m: Mark| m.look(true).sgr();
    let mut o = String::new();
    let _ = writeln!(o, "A  {}", describe(a));
    let _ = writeln!(o, "B  {}", describe(b));
    // How a saved page was read, when there is doubt: where the reader
    // looks first, before any figure that depends on it.
    for (side, art) in [("A", a), ("B", b)] {
        for n in art.extraction_notes() {
            let _ = writeln!(
                o,
                "{}",
                paint(BOLD, &format!("note: {side}: {}", safe_line(&n)))
            );
        }
    }
    let st = &al.stats;
    // What both have from a common text (`--common`) is neither side's: its
    // share stands before the new and the dropped, dim as its runs below.
    let common = |x: f64| {
        if al.apart.is_empty() {
            String::new()
        } else {
            format!("common {} · ", paint(DIM, &pct(x)))
        }
    };
    let _ = writeln!(
        o,
        "\nB copied {} · reworded {} · {}new {} · moved {}   A {}dropped {}   {}\n",
        paint(&sgr(Mark::Copied), &pct(st.b_copied)),
        paint(&sgr(Mark::Reworded), &pct(st.b_reworded)),
        common(st.b_common),
        paint(&sgr(Mark::New), &pct(st.b_new)),
        pct(st.b_moved),
        common(st.a_common),
        paint(&sgr(Mark::Dropped), &pct(st.a_dropped)),
        crate::marks::count(al.links.len(), "link", "links")
    );
    for n in &al.notes {
        let _ = writeln!(o, "note: {n}\n");
    }
    let flags = &c.flags;
    if !flags.is_empty() {
        let _ = writeln!(
            o,
            "{} {}\n",
            paint(BOLD, &format!("{FLAG} {} changed:", flags.len())),
            flag_counts(flags)
        );
    }
    if !al.links.is_empty() {
        // The legend: each mark as it appears below.
        let legend: Vec<String> = [
            (Mark::Deleted, "words of A that B changed"),
            (Mark::Inserted, "words B put in"),
            (Mark::Moved, "words B kept but moved"),
        ]
        .into_iter()
        .map(|(m, what)| {
            if ansi {
                paint(&sgr(m), what)
            } else {
                let (open, close) = brackets(m);
                format!("{open}{what}{close}")
            }
        })
        .collect();
        let _ = writeln!(o, "{}\n", legend.join("  "));
    }
    out.write_all(o.as_bytes())?;
    for item in c.order() {
        o.clear();
        match *item {
            Item::Passage(pi) => {
                let p = &al.passages[pi];
                let moved = if p.moved { " · moved" } else { "" };
                let (pa, pb) = (
                    paragraph_range(paragraphs(a, p.a)),
                    paragraph_range(paragraphs(b, p.b)),
                );
                let _ = writeln!(
                    o,
                    "{} {} {:.2} · {} links{moved}{}   A {pa} ↔ B {pb}\n",
                    paint(
                        BOLD,
                        &format!("Passage {}:", c.passage_number(pi).unwrap_or(0))
                    ),
                    paint(&sgr(p.kind.mark()), p.kind.as_str()),
                    p.score,
                    p.links.len(),
                    p.summary_note(),
                );
            }
            Item::Link(i) => {
                let l = &al.links[i];
                let kind = paint(&sgr(l.kind.mark()), l.kind.as_str());
                let moved = if l.moved { "  moved" } else { "" };
                let _ = writeln!(
                    o,
                    "{} {kind} {:.2} · {} kept in order{moved}   A ¶{} ↔ B ¶{}",
                    paint(BOLD, &format!("#{}", i + 1)),
                    l.score,
                    pct(c.kept(i)),
                    a.paragraph_number(l.a.start),
                    b.paragraph_number(l.b.start),
                );
                let _ = writeln!(
                    o,
                    "  A  {}",
                    marked(a, l.a_span, &l.marked_words(Side::A), ansi)
                );
                let _ = writeln!(
                    o,
                    "  B  {}",
                    marked(b, l.b_span, &l.marked_words(Side::B), ansi)
                );
                for f in c.flags_of(i) {
                    let _ = writeln!(
                        o,
                        "  {}",
                        paint(BOLD, &format!("{FLAG} {}: {}", f.kind.label(), f.detail))
                    );
                }
                o.push('\n');
            }
            Item::New(k) => {
                let r = al.b_unlinked[k];
                let _ = writeln!(
                    o,
                    "{}   B ¶{}\n  B  {}\n",
                    paint(&sgr(Mark::New), &format!("{} in B", Mark::New.label())),
                    b.paragraph_number(r.start),
                    paint(&sgr(Mark::New), &flatten(b.text_at(b.sentences_bytes(r))))
                );
            }
            Item::Apart(k) => {
                let r = &al.apart[k];
                let _ = writeln!(
                    o,
                    "{}   A ¶{} ↔ B ¶{}\n  A  {}\n  B  {}\n",
                    paint(
                        DIM,
                        &format!("set apart: both have it from {}", safe_line(&r.source))
                    ),
                    a.paragraph_number(r.a.start),
                    b.paragraph_number(r.b.start),
                    paint(DIM, &flatten(a.text_at(a.sentences_bytes(r.a)))),
                    paint(DIM, &flatten(b.text_at(b.sentences_bytes(r.b)))),
                );
            }
            Item::Dropped(k) => {
                let r = al.a_unlinked[k];
                let _ = writeln!(
                    o,
                    "{}   A ¶{}\n  A  {}\n",
                    paint(
                        &sgr(Mark::Dropped),
                        &format!("{} from A", Mark::Dropped.label())
                    ),
                    a.paragraph_number(r.start),
                    paint(
                        &sgr(Mark::Dropped),
                        &flatten(a.text_at(a.sentences_bytes(r)))
                    )
                );
            }
        }
        out.write_all(o.as_bytes())?;
    }
    let loose: Vec<&drift::Flag> = c.loose_flags().collect();
    if !loose.is_empty() {
        o.clear();
        let _ = writeln!(o, "{}", paint(BOLD, "Changed outside the links"));
        for f in loose {
            let _ = writeln!(o, "  {FLAG} {}: {}", f.kind.label(), f.detail);
            let _ = writeln!(o, "     A  {}", flatten(a.text_at(f.a)));
            let _ = writeln!(o, "     B  {}", flatten(b.text_at(f.b)));
        }
        o.push('\n');
        out.write_all(o.as_bytes())?;
    }
    out.flush()
}

/// The mark beside a changed quotation or fact.
pub use crate::marks::FLAG;

/// `1 altered quote · 2 names · 1 number`.
pub fn flag_counts(flags: &[drift::Flag]) -> String {
    let mut counts: Vec<(drift::FlagKind, usize)> = Vec::new();
    for f in flags {
        match counts.iter_mut().find(|(k, _)| *k == f.kind) {
            Some((_, n)) => *n += 1,
            None => counts.push((f.kind, 1)),
        }
    }
    counts.sort();
    counts
        .into_iter()
        .map(|(k, n)| {
            let label = k.label();
            if n == 1 {
                format!("1 {label}")
            } else {
                format!("{n} {label}s")
            }
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// What a ranking covered, in one line ([`super::rank::summary`]).
pub fn ranking_summary(r: &Ranking) -> String {
    super::rank::summary(r)
}

/// `copycat rank` as text ([`super::rank::text`], without `--expand`).
pub fn ranking(arts: &[Article], r: &Ranking) -> String {
    super::rank::text(arts, r, super::rank::Options::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_marked_wdiff_style() {
        let a = Article::parse("a.txt", b"The cat sat on the mat today.".to_vec());
        let s = a.sentences[0].span;
        assert_eq!(
            marked(&a, s, &[(Words::new(1, 2), Mark::Deleted)], false),
            "The [-cat-] sat on the mat today."
        );
        assert_eq!(
            marked(&a, s, &[(Words::new(4, 6), Mark::Inserted)], false),
            "The cat sat on {+the mat+} today."
        );
        assert_eq!(
            marked(
                &a,
                s,
                &[
                    (Words::new(0, 2), Mark::Moved),
                    (Words::new(5, 6), Mark::Deleted)
                ],
                false
            ),
            "{~The cat~} sat on the [-mat-] today."
        );
        let blue = marked(&a, s, &[(Words::new(0, 2), Mark::Moved)], true);
        assert!(blue.starts_with(&Mark::Moved.look(true).sgr()), "{blue:?}");
    }
}
