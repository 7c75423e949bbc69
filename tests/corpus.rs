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
    let found: HashSet<(usize, usize)> = r
        .pairs
        .iter()
        .map(|p| (p.a.min(p.b), p.a.max(p.b)))
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
    assert_eq!(found.len(), r.pairs.len());
    assert!(
        r.pairs
            .iter()
            .all(|p| p.score() >= p.b_in_a && p.score() >= p.a_in_b)
    );
}
