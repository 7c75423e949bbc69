//! One comparison, every output: the figures a reader sees for a pair (each
//! link's "kept in order", its paragraphs, the passage it belongs to and
//! that passage's number, the pair's shares) are the same in the reader's
//! status bar, the text report, the HTML report and the JSON, for every
//! ordered pair of the bundled articles.
//!
//! Regression (issue 22): the reader showed "69% kept in order" for a link
//! the reports showed at 36% (B's share against the smaller side's), and the
//! reports numbered passages by their index, skipping "Passage 4" where a
//! passage of one link was not shown as a passage.

#[path = "common/doubt.rs"]
mod doubt;

use std::collections::BTreeMap;

use copycat::article::{Article, bundled};
use copycat::comparison::Comparison;
use copycat::export::{html, json, text};
use copycat::marks::pct;
use copycat::testing::{Action, App};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use serde_json::Value;

/// What a report says of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
struct LinkFigures {
    kind: String,
    kept: String,
    a_paragraph: usize,
    b_paragraph: usize,
}

/// The number after `prefix` in `s`, where `prefix` ends.
fn number_after(s: &str, prefix: &str) -> Option<usize> {
    let at = s.find(prefix)? + prefix.len();
    s[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()
}

/// `#N kind 0.91 · 36% kept in order   A ¶2 ↔ B ¶3` (text) and the same in
/// the HTML gutter, `<br>` for the separators: link N's figures.
fn link_line(line: &str) -> Option<(usize, LinkFigures)> {
    let line = line.replace("<br>", " · ");
    // The `#` that starts `#N copied` or `#N reworded` (article text may
    // hold others).
    let at = line.match_indices('#').map(|(i, _)| i).find(|&i| {
        let mut words = line[i + 1..].split_whitespace();
        words
            .next()
            .is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
            && matches!(words.next(), Some("copied" | "reworded"))
    })?;
    let rest = &line[at + 1..];
    let n: usize = rest
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .ok()?;
    let kind = rest.split_whitespace().nth(1)?.to_string();
    let kept_end = rest.find(" kept in order")?;
    let kept = rest[..kept_end].rsplit(' ').next()?.to_string();
    Some((
        n - 1,
        LinkFigures {
            kind,
            kept,
            a_paragraph: number_after(rest, "A ¶")?,
            b_paragraph: number_after(rest, "B ¶")?,
        },
    ))
}

/// `Passage 2: reworded 0.55 · 3 links` headers: number → links.
fn passage_headers(report: &str) -> BTreeMap<usize, usize> {
    report
        .lines()
        .filter_map(|l| {
            let n = number_after(l, "Passage ")?;
            let links = l[l.find(" · ")? + " · ".len()..]
                .split(' ')
                .next()?
                .parse()
                .ok()?;
            Some((n, links))
        })
        .collect()
}

/// The reader's status bar after each `n` (next link), for every link:
/// link index → (figures text, passage "n/m of k links" when in one).
fn reader_status(a: &Article, b: &Article, links: usize) -> BTreeMap<usize, String> {
    let (w, h) = (200, 40);
    let mut app = App::new(vec![a.clone(), b.clone()], false, false);
    app.keep_order();
    app.resize(w, h);
    app.settle();
    let mut seen = BTreeMap::new();
    for _ in 0..links * 3 {
        app.apply(Action::Next);
        app.settle();
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        t.draw(|f| f.render_widget(&app, f.area())).expect("draw");
        let buf = t.backend().buffer();
        let status: String = (0..w).map(|x| buf[(x, h - 1)].symbol()).collect();
        if let Some(i) = number_after(&status, "link ") {
            seen.insert(i - 1, status);
        }
        if seen.len() == links {
            break;
        }
    }
    seen
}

#[test]
fn every_output_shows_the_same_figures_for_every_bundled_pair() {
    let arts = bundled();
    let mut pairs_checked = 0;
    for ai in 0..arts.len() {
        for bi in 0..arts.len() {
            if ai == bi {
                continue;
            }
            let (a, b) = (&arts[ai], &arts[bi]);
            let c = Comparison::new(a, b);
            let al = &c.alignment;
            if al.links.is_empty() {
                continue;
            }
            pairs_checked += 1;
            let what = format!("{} → {}", a.path, b.path);

            // The comparison's own figures.
            let want: Vec<LinkFigures> = al
                .links
                .iter()
                .enumerate()
                .map(|(i, l)| LinkFigures {
                    kind: l.kind.as_str().to_string(),
                    kept: pct(c.kept(i)),
                    a_paragraph: a.paragraph_number(l.a.start),
                    b_paragraph: b.paragraph_number(l.b.start),
                })
                .collect();
            let want_passages: BTreeMap<usize, usize> = (0..al.passages.len())
                .filter_map(|p| Some((c.passage_number(p)?, al.passages[p].links.len())))
                .collect();
            assert_eq!(
                want_passages.keys().copied().collect::<Vec<_>>(),
                (1..=c.shown_passages()).collect::<Vec<_>>(),
                "{what}: passages numbered without a gap"
            );

            // JSON.
            let v: Value = json::to_value(a, b, &c);
            let jl = v["links"].as_array().expect("links");
            assert_eq!(jl.len(), want.len(), "{what}");
            for (i, (l, w)) in jl.iter().zip(&want).enumerate() {
                // JSON keeps three decimals; the others show whole percents.
                let kept = l["kept_in_order"].as_f64().expect("kept_in_order");
                assert!((kept - c.kept(i)).abs() <= 0.0005, "{what}: JSON link {i}");
                assert_eq!(l["kind"], w.kind.as_str(), "{what}: JSON link {i}");
                assert_eq!(
                    l["a"]["paragraphs"][0].as_u64(),
                    Some(w.a_paragraph as u64),
                    "{what}: JSON link {i}"
                );
                assert_eq!(
                    l["b"]["paragraphs"][0].as_u64(),
                    Some(w.b_paragraph as u64),
                    "{what}: JSON link {i}"
                );
            }
            let json_passages: BTreeMap<usize, usize> = v["passages"]
                .as_array()
                .expect("passages")
                .iter()
                .filter_map(|p| {
                    Some((p["number"].as_u64()? as usize, p["links"].as_array()?.len()))
                })
                .collect();
            assert_eq!(json_passages, want_passages, "{what}: JSON passages");

            // Text and HTML.
            for (name, report) in [
                ("text", text::render(a, b, &c, false)),
                ("html", html::render(a, b, &c)),
            ] {
                let got: BTreeMap<usize, LinkFigures> =
                    report.lines().filter_map(link_line).collect();
                assert_eq!(got.len(), want.len(), "{what}: {name} links");
                for (i, w) in want.iter().enumerate() {
                    assert_eq!(got.get(&i), Some(w), "{what}: {name} link {}", i + 1);
                }
                assert_eq!(
                    passage_headers(&report),
                    want_passages,
                    "{what}: {name} passages"
                );
                let shares = format!(
                    "B copied {} · reworded {} · new {} · moved {}",
                    pct(al.stats.b_copied),
                    pct(al.stats.b_reworded),
                    pct(al.stats.b_new),
                    pct(al.stats.b_moved),
                );
                let flat = report.replace("<b>", "").replace("</b>", "");
                assert!(flat.contains(&shares), "{what}: {name} shares");
            }

            // The reader's status bar, link by link.
            let status = reader_status(a, b, want.len());
            assert_eq!(status.len(), want.len(), "{what}: reader links");
            for (i, s) in &status {
                let w = &want[*i];
                assert!(
                    s.contains(&format!("{} kept in order", w.kept)),
                    "{what}: reader link {}: {s}",
                    i + 1
                );
                assert!(s.contains(&w.kind), "{what}: reader link {}: {s}", i + 1);
                match c.passage_of(*i) {
                    Some((p, n)) => assert!(
                        s.contains(&format!(
                            "passage {n}/{} of {} links",
                            c.shown_passages(),
                            al.passages[p].links.len()
                        )),
                        "{what}: reader link {}: {s}",
                        i + 1
                    ),
                    None => assert!(!s.contains("passage "), "{what}: {s}"),
                }
                assert!(
                    s.contains(&format!(
                        "B copied {} reworded {} new {}",
                        pct(al.stats.b_copied),
                        pct(al.stats.b_reworded),
                        pct(al.stats.b_new)
                    )),
                    "{what}: reader shares: {s}"
                );
            }
        }
    }
    assert!(pairs_checked >= 6, "only {pairs_checked} pairs share text");
}

/// Issue 20: a page read with doubt says so where the user looks: a note
/// in the JSON (with the figures), a line in the text report, a line under
/// the HTML report's header. (The reader shows it too: tests/ui.rs.)
#[test]
fn a_doubtful_page_says_so_in_every_report() {
    let (a, b) = doubt::doubtful_pair();
    let notes = a.extraction_notes();
    assert!(!notes.is_empty());
    let c = Comparison::new(&a, &b);
    let v = json::to_value(&a, &b, &c);
    assert_eq!(
        v["a"]["notes"].as_array().map(Vec::len),
        Some(notes.len()),
        "{}",
        v["a"]
    );
    assert_eq!(v["a"]["extraction"]["kept_chars"], 3000);
    assert_eq!(v["b"]["notes"].as_array().map(Vec::len), Some(0));
    let t = text::render(&a, &b, &c, false);
    for n in &notes {
        assert!(t.contains(&format!("note: A: {n}")), "{t}");
    }
    let h = html::render(&a, &b, &c);
    assert!(h.contains("<div class=\"note\">note: "), "{h}");
}

/// A brief that rewords three sentences drawn from the start, the middle
/// and the end of a wire story summarises the whole story: every output
/// says so, and the passage spans all of A (`align::passage::
/// reach_summarised_texts`), while B's side spans its links.
#[test]
fn a_summary_of_a_whole_article_says_so_in_every_output() {
    let read = |name: &str| {
        let path = format!("{}/tests/data/summary/{name}", env!("CARGO_MANIFEST_DIR"));
        Article::parse(name, std::fs::read(&path).expect("fixture"))
    };
    let (a, b) = (read("wire.txt"), read("brief.txt"));
    let c = Comparison::new(&a, &b);
    let al = &c.alignment;
    assert_eq!(al.passages.len(), 1, "{:?}", al.passages);
    assert_eq!(al.passages[0].links.len(), 3);

    let v = json::to_value(&a, &b, &c);
    let p = &v["passages"][0];
    assert_eq!(p["summary_of"], "a", "{p}");
    assert_eq!(p["a"]["start"], 0, "{p}");
    assert_eq!(
        p["a"]["sentences"][1].as_u64(),
        Some(a.sentences.len() as u64)
    );
    // B's side is its links' hull: B's headline is not in the summary.
    assert_eq!(p["b"]["start"], v["links"][0]["b"]["start"], "{p}");

    for (name, report) in [
        ("text", text::render(&a, &b, &c, false)),
        ("html", html::render(&a, &b, &c)),
    ] {
        let header = report
            .lines()
            .find(|l| l.contains("Passage 1:"))
            .unwrap_or_else(|| panic!("{name}: no passage header in {report}"));
        assert!(header.contains("summary of all of A"), "{name}: {header}");
    }
    let status = reader_status(&a, &b, al.links.len());
    assert_eq!(status.len(), 3, "{status:?}");
    for s in status.values() {
        assert!(s.contains("of 3 links · summary of all of A"), "{s}");
    }
}
