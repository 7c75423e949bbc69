//! Alignment quality on the dev gold (tests/data/seeds-dev.json), scored the
//! way `shared/eval/score.py` scores it. The thresholds are the project's
//! quality bar; a change that lowers any of them fails here.

mod common;

use std::path::Path;

use copycat::align::align;
use copycat::article::Article;
use copycat::export::json;
use serde_json::Value;

use common::plagdet::{Scores, score_pair};

fn load(name: &str) -> Article {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("articles")
        .join(name);
    let bytes = std::fs::read(&path).expect("bundled article");
    Article::parse(path.display().to_string(), bytes)
}

fn score_all() -> Vec<(String, Scores)> {
    let gold: Value = serde_json::from_str(include_str!("data/seeds-dev.json")).unwrap();
    gold["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            let (a, b) = (
                load(p["a"].as_str().unwrap()),
                load(p["b"].as_str().unwrap()),
            );
            let out = json::to_value(&a, &b, &align(&a, &b));
            let s = score_pair(
                &a.bytes,
                &b.bytes,
                p["links"].as_array().unwrap(),
                out["links"].as_array().unwrap(),
            );
            let name = format!(
                "{} vs {}",
                &p["a"].as_str().unwrap()[..20],
                &p["b"].as_str().unwrap()[..20]
            );
            eprintln!("{name}: {}", s.line());
            (name, s)
        })
        .collect()
}

#[test]
fn dev_gold_meets_the_quality_bar() {
    let rows = score_all();
    let scored: Vec<&Scores> = rows
        .iter()
        .map(|(_, s)| s)
        .filter(|s| s.cases > 0)
        .collect();
    let macro_avg =
        |f: fn(&Scores) -> f64| scored.iter().map(|s| f(s)).sum::<f64>() / scored.len() as f64;
    let plagdet = macro_avg(|s| s.plagdet);
    let link_f1 = macro_avg(|s| s.link_f1);
    let kind_acc = macro_avg(|s| s.kind_acc);
    eprintln!("plagdet {plagdet:.3} link_f1 {link_f1:.3} kind_acc {kind_acc:.3}");
    assert!(plagdet >= 0.90, "plagdet {plagdet:.3} < 0.90");
    assert!(link_f1 >= 0.90, "link F1 {link_f1:.3} < 0.90");
    assert!(kind_acc >= 0.85, "kind accuracy {kind_acc:.3} < 0.85");
}

#[test]
fn independent_reports_are_not_linked() {
    // Pairs whose gold holds only `related` links (WSJ vs Reuters, The Insider
    // vs the rewrite): any detection that survives is a false alarm.
    for (name, s) in score_all() {
        if s.cases == 0 {
            assert_eq!(s.detections, 0, "false alarm in {name}");
        }
    }
}
