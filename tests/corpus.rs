//! Ranking many articles: the candidate step keeps partial and reworded
//! reuse, however many near-identical reprints surround it.

#[path = "../benches/support/news.rs"]
mod news;

use std::collections::HashSet;

use copycat::article::{self, Article};
use copycat::corpus;

fn parse(name: &str, text: &str) -> Article {
    Article::parse(name.to_string(), text.as_bytes().to_vec())
}

/// The issue that started it: with near-identical reprints filling each
/// article's few nearest neighbours, a reworded copy was never aligned. Here
/// the Reuters story has thirty reprints, among sixty unrelated articles; its
/// undated rewrite and the Palakshi rewrite must still be candidates, and
/// ranked as taken from it.
#[test]
fn thirty_reprints_do_not_hide_the_rewrites() {
    let bundled = article::bundled();
    let by = |s: &str| bundled.iter().find(|a| a.path.contains(s)).unwrap().clone();
    let reuters = by("reuters");
    let text = String::from_utf8(reuters.bytes.clone()).unwrap();
    let mut arts = vec![reuters.clone(), by("undated-rewrite"), by("palakshi")];
    for k in 0..30 {
        arts.push(parse(
            &format!("reprint-{k:02}.txt"),
            &format!("Republished by outlet {k}\n\n{text}"),
        ));
    }
    for m in news::corpus(60, 11).articles {
        arts.push(parse(&m.name, &m.text));
    }
    assert!(arts.len() > corpus::ALL_PAIRS_UP_TO);
    let (pairs, exhaustive) = corpus::candidate_pairs(&arts, &corpus::Options::default());
    assert!(!exhaustive);
    let set: HashSet<(usize, usize)> = pairs.into_iter().collect();
    for copy in [1, 2] {
        assert!(set.contains(&(0, copy)), "Reuters and article {copy}");
        for reprint in 3..33 {
            assert!(
                set.contains(&(copy, reprint)),
                "{copy} and reprint {reprint}"
            );
        }
    }
    for (i, j) in [(0, 3), (3, 4), (17, 32)] {
        assert!(set.contains(&(i, j)), "reprints {i} and {j}");
    }
    // Nor are the fillers aligned against everything.
    assert!(
        set.len() < 33 * 32 / 2 + 2 * 33 + 200,
        "{} candidates",
        set.len()
    );
}

/// On a small generated corpus every planted pair is proposed, and the
/// ranking lists nearly all of them and little else.
#[test]
fn planted_pairs_are_proposed_and_found() {
    let made = news::corpus(120, news::SEED);
    let arts: Vec<Article> = made
        .articles
        .iter()
        .map(|m| parse(&m.name, &m.text))
        .collect();
    let (pairs, _) = corpus::candidate_pairs(&arts, &corpus::Options::default());
    let proposed: HashSet<(usize, usize)> = pairs.into_iter().collect();
    let missed: Vec<_> = made
        .reuse
        .iter()
        .filter(|p| !proposed.contains(p))
        .collect();
    assert!(
        missed.len() * 50 <= made.reuse.len(),
        "{} of {} planted pairs not proposed: {missed:?}",
        missed.len(),
        made.reuse.len()
    );
    let r = corpus::rank(&arts);
    // Every pair of articles the ranking stands for: reprint families are
    // ranked once, through their representatives.
    let found: HashSet<(usize, usize)> = corpus::expand(&arts, &r)
        .iter()
        .map(|e| (e.pair.a.min(e.pair.b), e.pair.a.max(e.pair.b)))
        .collect();
    let hit = made.reuse.iter().filter(|p| found.contains(p)).count();
    assert!(
        hit * 100 >= made.reuse.len() * 97,
        "{hit} of {}",
        made.reuse.len()
    );
    let ambiguous: HashSet<&(usize, usize)> = made.ambiguous.iter().collect();
    let truth: HashSet<&(usize, usize)> = made.reuse.iter().collect();
    let false_pos = found
        .iter()
        .filter(|p| !truth.contains(p) && !ambiguous.contains(p))
        .count();
    // A corpus this small has four topics, so most articles share a topic's
    // names and words: a little more same-fact linking than at scale (see
    // BENCHMARKS.md for 10,000 articles).
    assert!(
        false_pos * 10 <= found.len(),
        "{false_pos} false of {}",
        found.len()
    );
    // Each pair once, oriented, with both shares.
    assert_eq!(found.len(), r.article_pairs());
    assert!(
        r.pairs
            .iter()
            .all(|p| p.score() >= p.b_in_a && p.score() >= p.a_in_b)
    );
}

// ------------------------------------------------------------ reprint families

/// A reprint of `text` (a headline line, then one paragraph a line, as the
/// generator writes articles) with the edits an outlet makes.
#[derive(Debug, Clone)]
struct Edits {
    /// 0: none, 1: a byline, 2: a `Reprinted by` line, 3: a dateline.
    header: u8,
    /// A credit line at the end.
    footer: bool,
    /// Word positions (modulo the body's words) replaced by another word.
    swaps: Vec<usize>,
    /// A paragraph cut (modulo the paragraphs after the first), when it is
    /// at most a sixth of the text: a small edit.
    cut: Option<usize>,
    /// A paragraph of another article added (position modulo the paragraphs).
    add: Option<usize>,
}

fn edits() -> impl proptest::strategy::Strategy<Value = Edits> {
    use proptest::prelude::*;
    (
        0u8..4,
        any::<bool>(),
        proptest::collection::vec(0usize..10_000, 0..4),
        proptest::option::of(0usize..100),
        proptest::option::of(0usize..100),
    )
        .prop_map(|(header, footer, swaps, cut, add)| Edits {
            header,
            footer,
            swaps,
            cut,
            add,
        })
}

fn reprint(text: &str, e: &Edits, extra: &str, k: usize) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    // The headline (and a `Published:` line) stay; paragraphs follow.
    let first = lines
        .iter()
        .position(|l| l.split_whitespace().count() > 12)
        .unwrap_or(1);
    let mut paras: Vec<String> = lines.split_off(first);
    paras.retain(|p| !p.trim().is_empty());
    let words = |p: &String| p.split_whitespace().count();
    let total: usize = paras.iter().map(words).sum();
    if let Some(c) = e.cut
        && paras.len() > 3
    {
        let at = 1 + c % (paras.len() - 1);
        if words(&paras[at]) * 6 <= total {
            paras.remove(at);
        }
    }
    if let Some(a) = e.add {
        let at = a % (paras.len() + 1);
        paras.insert(at.max(1), extra.to_string());
    }
    let total: usize = paras.iter().map(|p| p.split(' ').count()).sum();
    for &s in &e.swaps {
        let mut at = s % total;
        for p in paras.iter_mut() {
            let mut words: Vec<&str> = p.split(' ').collect();
            if at < words.len() {
                words[at] = "zorblat";
                *p = words.join(" ");
                break;
            }
            at -= words.len();
        }
    }
    let outlet = format!("Valley Herald {k}");
    match e.header {
        1 => lines.push(format!("By Jane Roe, {outlet}")),
        2 => lines.push(format!("Reprinted by {outlet}")),
        3 => paras[0] = format!("LONDON, May 3 ({outlet}) - {}", paras[0]),
        _ => {}
    }
    lines.extend(paras);
    if e.footer {
        lines.push(format!(
            "(c) {outlet}. Distributed by a syndication service."
        ));
    }
    lines.join("\n") + "\n"
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(24))]

    /// Reprints of a story with small random edits (a byline, a dateline or
    /// a credit line; a few words changed; a paragraph cut or added) are one
    /// family with the story; rewrites of the story (every sentence
    /// reworded) are not in it.
    #[test]
    fn reprints_with_small_edits_group_together_and_rewrites_do_not(
        seed in 0u64..500,
        all in proptest::collection::vec(edits(), 2..6),
    ) {
        let made = news::corpus(80, seed);
        // A source with a rewrite of it, and an unrelated article for the
        // paragraphs outlets add.
        let Some((src, rewrite)) = made.articles.iter().enumerate().find_map(|(i, m)| match m.planted {
            Some((s, news::Plant::Rewrite)) if made.articles[s].planted.is_none() => Some((s, i)),
            _ => None,
        }) else {
            return Ok(());
        };
        let filler = made
            .articles
            .iter()
            .enumerate()
            .find(|(i, m)| {
                m.planted.is_none()
                    && *i != src
                    && !made.reuse.contains(&((*i).min(src), (*i).max(src)))
            })
            .map(|(_, m)| m.text.lines().max_by_key(|l| l.len()).unwrap_or_default().to_string())
            .unwrap_or_default();
        let source = &made.articles[src].text;
        let mut arts = vec![
            parse("source.txt", source),
            parse("rewrite.txt", &made.articles[rewrite].text),
        ];
        for (k, e) in all.iter().enumerate() {
            arts.push(parse(&format!("reprint-{k}.txt"), &reprint(source, e, &filler, k)));
        }
        let f = corpus::families::families(&arts);
        let fam = f.of[0];
        proptest::prop_assert!(fam.is_some(), "the source in no family: {:?}", f);
        for k in 2..arts.len() {
            proptest::prop_assert_eq!(f.of[k], fam, "reprint {} apart: {:?}", k - 2, all[k - 2]);
        }
        proptest::prop_assert_ne!(f.of[1], fam, "the rewrite joined the reprints");
        // Each member knows how it differs from the representative.
        let family = &f.families[fam.unwrap()];
        for m in &family.members {
            proptest::prop_assert!(m.likeness.x_in_y > 0.6 && m.likeness.y_in_x > 0.6);
        }
    }
}

/// The bundled five with six reprints of the Reuters story.
fn bundled_with_reprints() -> Vec<Article> {
    let mut arts = article::bundled();
    let reuters = arts.iter().find(|a| a.path.contains("reuters")).unwrap();
    let text = String::from_utf8(reuters.bytes.clone()).unwrap();
    let (head, body) = text.split_once('\n').unwrap();
    for k in 0..6 {
        let t = match k % 3 {
            0 => format!("{head}\nBy Jane Roe, Valley Herald {k}\n{body}"),
            1 => format!(
                "{head}\n{body}\n(c) Valley Herald {k}. Distributed by a syndication service.\n"
            ),
            _ => format!("{head}\n{}", body.replacen(" said ", " stated ", 1)),
        };
        arts.push(parse(&format!("articles/reprint-{k}.txt"), &t));
    }
    arts
}

/// Pairs inside a family are not aligned by the ranking: the family is one
/// unit, aligned once against each other article through its
/// representative; a member pair is aligned when asked for.
#[test]
fn a_family_is_aligned_once_and_its_member_pairs_on_demand() {
    let arts = bundled_with_reprints();
    let r = corpus::rank(&arts);
    assert_eq!(r.families.families.len(), 1, "{:?}", r.families);
    let fam = &r.families.families[0];
    assert_eq!(fam.size(), 7);
    // Five units (four articles and the family): every pair of them, and no
    // other, aligned.
    assert!(r.exhaustive);
    assert_eq!(r.aligned, 10);
    let off = corpus::rank_with(
        &arts,
        &corpus::Options {
            families: false,
            ..corpus::Options::default()
        },
        &corpus::Quiet,
    );
    assert_eq!(off.aligned, 11 * 10 / 2);
    // No ranked pair inside the family; the family's pairs go through its
    // representative.
    for p in &r.pairs {
        assert!(r.families.is_unit(p.a) && r.families.is_unit(p.b), "{p:?}");
        assert!(!(r.families.of[p.a].is_some() && r.families.of[p.a] == r.families.of[p.b]));
    }
    // On demand: two members aligned now, near-identical.
    let (m1, m2) = (fam.members[0].article, fam.members[1].article);
    let (al, p) = corpus::align_pair(&arts, m1, m2);
    assert!(!al.links.is_empty());
    let p = p.unwrap();
    assert!(p.b_in_a > 0.9 && p.a_in_b > 0.9, "{p:?}");
    // Expanded: the pairs inside the family (not aligned) and each member
    // with the articles its family shares text with.
    let all = corpus::expand(&arts, &r);
    let inside = all
        .iter()
        .filter(|e| matches!(e.via, corpus::Via::Family(0)))
        .count();
    assert_eq!(inside, 7 * 6 / 2);
    let with_family = r
        .pairs
        .iter()
        .filter(|p| p.a == fam.representative || p.b == fam.representative)
        .count();
    let members = all
        .iter()
        .filter(|e| matches!(e.via, corpus::Via::Representatives(_)))
        .count();
    assert_eq!(members, with_family * 6);
    assert_eq!(all.len(), r.article_pairs());
}

/// The one count: the ranking holds the pairs that share text and no other,
/// and `rank`'s text and JSON list exactly those.
#[test]
fn rank_lists_the_pairs_that_share_text_and_only_those() {
    let arts = article::bundled();
    let r = corpus::rank(&arts);
    assert!(r.pairs.iter().all(corpus::Pair::shares_text));
    // Every aligned pair that shares text is in the ranking.
    let mut sharing = 0;
    for i in 0..arts.len() {
        for j in i + 1..arts.len() {
            if corpus::pair(&arts, i, j).is_some_and(|p| p.shares_text()) {
                sharing += 1;
            }
        }
    }
    assert_eq!(r.pairs.len(), sharing);
    let text = copycat::export::rank::text(&arts, &r, Default::default());
    let listed = text
        .lines()
        .skip(3)
        .take_while(|l| !l.is_empty())
        .filter(|l| l.contains(" → "))
        .count();
    assert_eq!(listed, r.pairs.len(), "{text}");
    assert!(
        text.lines()
            .next()
            .unwrap()
            .ends_with(&format!("{} pairs share text", r.pairs.len())),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&copycat::export::rank::json(&arts, &r, Default::default())).unwrap();
    assert_eq!(json["summary"]["shared"], r.pairs.len());
    assert_eq!(json["pairs"].as_array().unwrap().len(), r.pairs.len());
}

/// Each direction is given on evidence and says which; the pairs that
/// nothing orients say what was seen.
#[test]
fn bundled_directions_are_named_and_never_guessed() {
    let arts = article::bundled();
    let r = corpus::rank(&arts);
    let find = |x: &str, y: &str| {
        r.pairs
            .iter()
            .find(|p| {
                let (a, b) = (&arts[p.a].path, &arts[p.b].path);
                (a.contains(x) && b.contains(y)) || (a.contains(y) && b.contains(x))
            })
            .unwrap_or_else(|| panic!("{x} and {y} not ranked"))
    };
    // The undated rewrite names Reuters: attribution, Reuters first.
    let p = find("reuters", "undated-rewrite");
    assert_eq!(p.direction, corpus::Direction::Attribution);
    assert!(arts[p.a].path.contains("reuters"));
    // The Insider names the Journal, with one link.
    let p = find("wsj", "insider");
    assert_eq!(p.direction, corpus::Direction::Attribution);
    assert!(arts[p.a].path.contains("wsj"));
    // Reuters and Palakshi: the same day, as much of each in the other.
    let p = find("reuters", "palakshi");
    assert_eq!(
        p.direction,
        corpus::Direction::Unknown(corpus::Undecided::SameText)
    );
    assert_eq!(p.source(), None);
    let why = copycat::export::rank::why(&arts, &r, p);
    assert!(why.contains("both dated 2025-11-26"), "{why}");
}

/// Containment orients a summary (sentences picked from within the
/// source's paragraphs) and leaves a trim or an extension by whole
/// paragraphs unknown: the texts are the same either way.
#[test]
fn a_summary_is_oriented_and_a_trim_is_not() {
    let arts = article::bundled();
    let reuters = arts.iter().find(|a| a.path.contains("reuters")).unwrap();
    // A selection: the first sentence of each paragraph of several, and
    // every other paragraph of one.
    let mut summary = String::from("Summary\n\n");
    let mut trim = String::from("Trimmed\n\n");
    let body = reuters.paragraphs.iter().filter(|p| p.role.compared());
    for (k, p) in body.enumerate() {
        if p.sentences.len() > 1 || k % 2 == 0 {
            summary.push_str(reuters.sentence_text(p.sentences.start));
            summary.push_str("\n\n");
        }
    }
    for p in reuters
        .paragraphs
        .iter()
        .filter(|p| p.role.compared())
        .take(9)
    {
        trim.push_str(reuters.text_at(p.span));
        trim.push_str("\n\n");
    }
    let arts = vec![
        Article::parse("undated-source.txt", reuters.text.clone().into_bytes()),
        parse("summary.txt", &summary),
        parse("trim.txt", &trim),
    ];
    let s = corpus::pair(&arts, 1, 0).unwrap();
    assert_eq!(s.direction, corpus::Direction::Containment, "{s:?}");
    assert_eq!((s.a, s.b), (0, 1));
    let t = corpus::pair(&arts, 0, 2).unwrap();
    assert_eq!(
        t.direction,
        corpus::Direction::Unknown(corpus::Undecided::Paragraphs),
        "{t:?}"
    );
}

// ------------------------------------------------------------------ spread

/// The spread of a family's member counts the family's other members as its
/// reprints, and another family once, with its size.
#[test]
fn spread_counts_a_family_once_with_its_size() {
    let arts = bundled_with_reprints();
    let r = corpus::rank(&arts);
    let reuters = arts
        .iter()
        .position(|a| a.path.contains("reuters"))
        .unwrap();
    let rewrite = arts
        .iter()
        .position(|a| a.path.contains("undated-rewrite"))
        .unwrap();
    // From the rewrite: the Reuters family is one taker of seven articles.
    let u = corpus::spread(&arts, &r, rewrite);
    let fam = u
        .takers
        .iter()
        .find(|t| t.stands_for.contains(&reuters))
        .expect("the Reuters family shares text with its rewrite");
    assert_eq!(fam.stands_for.len(), 7);
    assert_eq!(
        u.takers
            .iter()
            .filter(|t| t.stands_for.contains(&reuters))
            .count(),
        1
    );
    assert_eq!(fam.relation, corpus::spread::Relation::Gave);
    assert_eq!(
        u.articles(),
        u.takers.iter().map(|t| t.stands_for.len()).sum::<usize>()
    );
    // From a reprint: the others of its family are its reprints.
    let member = arts.len() - 1;
    let u = corpus::spread(&arts, &r, member);
    assert_eq!(u.reprints.len(), 6);
    assert!(u.takers.iter().all(|t| !t.stands_for.contains(&member)));
    // A paragraph held by the family counts seven.
    let p = u
        .paragraphs
        .iter()
        .find(|p| !p.takes.is_empty())
        .expect("a paragraph taken");
    assert!(p.held_by(&u.takers) >= 1);
}

#[cfg(feature = "cli")]
mod cli {
    use std::process::Command;

    fn copycat(args: &[&str]) -> String {
        let o = Command::new(env!("CARGO_BIN_EXE_copycat"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .env("NO_COLOR", "1")
            .output()
            .expect("the binary runs");
        assert!(
            o.status.success(),
            "{:?}",
            String::from_utf8_lossy(&o.stderr)
        );
        String::from_utf8(o.stdout).unwrap()
    }

    const REUTERS: &str = "articles/2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt";

    #[test]
    fn spread_of_the_wire_story_as_text() {
        insta::assert_snapshot!(copycat(&["spread", REUTERS, "articles"]));
    }

    /// Issue 25, item 14: reprints of a two-sentence item gave "0 pairs
    /// share text" and nothing else. They are one family, and the summary
    /// says how many pairs of articles share text through it.
    #[test]
    fn reprints_of_a_short_item_are_one_family_that_shares_text() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..60 {
            std::fs::write(
                dir.path().join(format!("r{i}.txt")),
                format!(
                    "Wire item\n\nBy Reporter {i}\n\nThe council approved the new budget on \
                     Tuesday after a long debate over school funding. Officials said the vote \
                     would allow construction of two new libraries next year.\n"
                ),
            )
            .unwrap();
        }
        let out = copycat(&["rank", dir.path().to_str().unwrap()]);
        let first = out.lines().next().unwrap_or_default();
        assert!(
            first.contains("60 in 1 reprint family")
                && first.contains("with the reprints in families, 1770 pairs of articles do"),
            "{out}"
        );
        assert!(out.contains("family 1: 60 articles"), "{out}");
    }

    /// Regression: "1 article share text with it".
    #[test]
    fn spread_of_one_taker_agrees_in_number() {
        let wsj = "articles/2025-11-25-wsj-how-witkoff-and-kushner-drafted-the-plan.txt";
        let out = copycat(&["spread", wsj, "articles"]);
        assert!(out.contains("\n1 article shares text with it ("), "{out}");
    }

    #[test]
    fn spread_as_json_and_html() {
        let j: serde_json::Value =
            serde_json::from_str(&copycat(&["spread", REUTERS, "articles", "-f", "json"])).unwrap();
        assert_eq!(j["article"]["path"], REUTERS);
        let takers = j["takers"].as_array().unwrap();
        assert_eq!(takers.len(), 2, "{j}");
        let paragraphs = j["paragraphs"].as_array().unwrap();
        assert_eq!(paragraphs.len(), 19);
        // Each take names links of the pair `compare a b` would list.
        for p in paragraphs {
            for t in p["takes"].as_array().unwrap() {
                assert!(!t["links"].as_array().unwrap().is_empty());
            }
        }
        let h = copycat(&["spread", REUTERS, "articles", "-f", "html"]);
        assert!(h.starts_with("<!doctype html>") && h.contains("How “"));
        assert_eq!(h.matches("<td class=\"p\">").count(), 19);
    }

    #[test]
    fn rank_expand_lists_every_pair_of_articles() {
        let j: serde_json::Value =
            serde_json::from_str(&copycat(&["rank", "--expand", "-f", "json"])).unwrap();
        let expanded = j["expanded"].as_array().unwrap();
        // No families among the bundled five: the ranked pairs themselves.
        assert_eq!(expanded.len(), j["pairs"].as_array().unwrap().len());
        assert!(expanded.iter().all(|e| e["via"] == "aligned"));
        let plain: serde_json::Value =
            serde_json::from_str(&copycat(&["rank", "-f", "json"])).unwrap();
        assert!(plain.get("expanded").is_none());
        for p in plain["pairs"].as_array().unwrap() {
            assert!(!p["why"].as_str().unwrap().is_empty());
        }
    }
}
