//! `copycat compare --format text`: a report to read in a terminal or a pager.
//!
//! Changed words are marked the way wdiff marks them — `[-deleted-]` and
//! `{+inserted+}` — so the report survives copy and paste and `NO_COLOR`; with
//! colour the brackets give way to the looks of [`crate::marks`], the reader's
//! own. Article text is normalized on load, so no byte of it can be a control
//! sequence here; file names go through [`safe_line`].

use std::fmt::Write as _;
use std::ops::Range;

use crate::align::Alignment;
use crate::article::{Article, safe_line};
use crate::corpus::Ranking;
use crate::drift;
use crate::marks::{Mark, SGR_RESET, pct};

const BOLD: &str = "\x1b[1m";

/// How plain text marks a word: wdiff's brackets for deleted and inserted
/// words, and tildes for words kept but moved.
fn brackets(m: Mark) -> (&'static str, &'static str) {
    match m {
        Mark::Deleted => ("[-", "-]"),
        Mark::Moved => ("{~", "~}"),
        _ => ("{+", "+}"),
    }
}

/// The text of `span` with the marked words (word index ranges, in order)
/// in brackets, or in their colours with `ansi`.
pub fn marked(
    art: &Article,
    span: Range<usize>,
    words: &[(Range<usize>, Mark)],
    ansi: bool,
) -> String {
    let mut out = String::new();
    let mut at = span.start;
    for (r, m) in words {
        if r.is_empty() {
            continue;
        }
        let Range { start: s, end: e } = art.words_span(r);
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
        bits.push(d.clone());
    }
    if let Some(o) = &art.meta.outlet {
        bits.push(o.clone());
    }
    bits.push(format!("{} words", art.body_words()));
    format!(
        "{}\n   {} ({})",
        safe_line(&art.path),
        art.meta.title,
        bits.join(", ")
    )
}

/// The whole report.
pub fn render(a: &Article, b: &Article, al: &Alignment, ansi: bool) -> String {
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
    let st = &al.stats;
    let _ = writeln!(
        o,
        "\nB copied {} · reworded {} · new {} · moved {}   A dropped {}   {} links\n",
        paint(&sgr(Mark::Copied), &pct(st.b_copied)),
        paint(&sgr(Mark::Reworded), &pct(st.b_reworded)),
        paint(&sgr(Mark::New), &pct(st.b_new)),
        pct(st.b_moved),
        paint(&sgr(Mark::Dropped), &pct(st.a_dropped)),
        al.links.len()
    );
    for n in &al.notes {
        let _ = writeln!(o, "note: {n}\n");
    }
    let flags = drift::flags(a, b, al);
    if !flags.is_empty() {
        let _ = writeln!(
            o,
            "{} {}\n",
            paint(BOLD, &format!("{FLAG} {} changed:", flags.len())),
            flag_counts(&flags)
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
    // Links in B's order, grouped under the reused passage (a run of links
    // in order on both sides) each belongs to.
    let mut order: Vec<(Option<usize>, usize)> = Vec::new();
    let mut grouped = vec![false; al.links.len()];
    for (pi, p) in al.passages.iter().enumerate() {
        for &li in &p.links {
            grouped[li] = true;
            order.push((Some(pi), li));
        }
    }
    order.extend(
        (0..al.links.len())
            .filter(|&i| !grouped[i])
            .map(|i| (None, i)),
    );
    order.sort_by_key(|&(_, li)| (al.links[li].b.start, al.links[li].a.start));
    let mut shown_passage = None;
    for (pi, i) in order {
        let l = &al.links[i];
        if let Some(pi) = pi
            && shown_passage != Some(pi)
            && al.passages[pi].links.len() > 1
        {
            shown_passage = Some(pi);
            let p = &al.passages[pi];
            let moved = if p.moved { " · moved" } else { "" };
            let _ = writeln!(
                o,
                "{} {} {:.2} · {} links{moved}   A ¶{}–¶{} ↔ B ¶{}–¶{}\n",
                paint(BOLD, &format!("Passage {}:", pi + 1)),
                paint(&sgr(p.kind.mark()), p.kind.as_str()),
                p.score,
                p.links.len(),
                a.paragraph_number(p.a.start),
                a.paragraph_number(p.a.end - 1),
                b.paragraph_number(p.b.start),
                b.paragraph_number(p.b.end - 1),
            );
        }
        let kind = paint(&sgr(l.kind.mark()), l.kind.as_str());
        let moved = if l.moved { "  moved" } else { "" };
        let _ = writeln!(
            o,
            "{} {kind} {:.2} · {} kept in order{moved}   A ¶{} ↔ B ¶{}",
            paint(BOLD, &format!("#{}", i + 1)),
            l.score,
            pct(l.kept_a.min(l.kept_b)),
            a.paragraph_number(l.a.start),
            b.paragraph_number(l.b.start),
        );
        let _ = writeln!(
            o,
            "  A  {}",
            marked(a, l.a_span.clone(), &l.marked_words(true), ansi)
        );
        let _ = writeln!(
            o,
            "  B  {}",
            marked(b, l.b_span.clone(), &l.marked_words(false), ansi)
        );
        for f in flags.iter().filter(|f| f.link == Some(i)) {
            let _ = writeln!(
                o,
                "  {}",
                paint(BOLD, &format!("{FLAG} {}: {}", f.kind.label(), f.detail))
            );
        }
        o.push('\n');
    }
    let loose: Vec<&drift::Flag> = flags.iter().filter(|f| f.link.is_none()).collect();
    if !loose.is_empty() {
        let _ = writeln!(o, "{}", paint(BOLD, "Changed outside the links"));
        for f in loose {
            let _ = writeln!(o, "  {FLAG} {}: {}", f.kind.label(), f.detail);
            let _ = writeln!(o, "     A  {}", flatten(&a.text[f.a.clone()]));
            let _ = writeln!(o, "     B  {}", flatten(&b.text[f.b.clone()]));
        }
        o.push('\n');
    }
    let passages = |o: &mut String, title: &str, art: &Article, runs: &[Range<usize>], m: Mark| {
        if runs.is_empty() {
            return;
        }
        let _ = writeln!(o, "{}", paint(BOLD, title));
        for r in runs {
            let _ = writeln!(
                o,
                "  ¶{}  {}",
                art.paragraph_number(r.start),
                paint(&sgr(m), &flatten(&art.text[art.sentences_span(r)]))
            );
        }
        o.push('\n');
    };
    passages(&mut o, "New in B", b, &al.b_unlinked, Mark::New);
    passages(&mut o, "Dropped from A", a, &al.a_unlinked, Mark::Dropped);
    o
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
        let s = a.sentences[0].span.clone();
        assert_eq!(
            marked(&a, s.clone(), &[(1..2, Mark::Deleted)], false),
            "The [-cat-] sat on the mat today."
        );
        assert_eq!(
            marked(&a, s.clone(), &[(4..6, Mark::Inserted)], false),
            "The cat sat on {+the mat+} today."
        );
        assert_eq!(
            marked(
                &a,
                s.clone(),
                &[(0..2, Mark::Moved), (5..6, Mark::Deleted)],
                false
            ),
            "{~The cat~} sat on the [-mat-] today."
        );
        let blue = marked(&a, s, &[(0..2, Mark::Moved)], true);
        assert!(blue.starts_with(&Mark::Moved.look(true).sgr()), "{blue:?}");
    }
}
