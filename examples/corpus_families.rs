//! Reprint families of a folder against its truth.json (development aid):
//! how many of the truth's `reprint` pairs fall inside one family, how many
//! family pairs are not reprint pairs, and for the reprints left alone, how
//! near they came to their family.
//!
//!     cargo run --release --example corpus_families -- DIR [--show N]
//!
//! DIR is a folder `scripts/make-reprint-corpus.py` or
//! `scripts/make-real-corpus.py` wrote (reprint pairs have kind `reprint`).
use std::collections::{HashMap, HashSet};
use std::time::Instant;

use copycat::article;
use copycat::corpus::families;

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let show: usize = match args.next().as_deref() {
        Some("--show") => args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
        _ => 10,
    };
    let arts = article::load_paths(std::slice::from_ref(&dir))
        .expect("load the folder")
        .articles;
    let t = Instant::now();
    let f = families::families(&arts);
    let took = t.elapsed().as_secs_f64();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).expect("truth.json"))
            .expect("truth.json parses");
    let index: HashMap<&str, usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.file_name(), i))
        .collect();
    let mut reprint_pairs: HashSet<(usize, usize)> = HashSet::new();
    for r in truth["reuse"].as_array().expect("reuse[]") {
        if r["kind"] != "reprint" {
            continue;
        }
        let (Some(&x), Some(&y)) = (
            index.get(r["a"].as_str().unwrap_or_default()),
            index.get(r["b"].as_str().unwrap_or_default()),
        ) else {
            continue;
        };
        reprint_pairs.insert((x.min(y), x.max(y)));
    }
    let same = |x: usize, y: usize| f.of[x].is_some() && f.of[x] == f.of[y];
    let inside = reprint_pairs.iter().filter(|&&(x, y)| same(x, y)).count();
    let mut family_pairs = 0;
    let mut wrong = 0;
    for fam in &f.families {
        let m: Vec<usize> = fam.articles().collect();
        for (i, &x) in m.iter().enumerate() {
            for &y in &m[i + 1..] {
                family_pairs += 1;
                if !reprint_pairs.contains(&(x.min(y), x.max(y))) {
                    wrong += 1;
                    if wrong <= show {
                        println!(
                            "  together, not reprints: {} / {}",
                            arts[x].file_name(),
                            arts[y].file_name()
                        );
                    }
                }
            }
        }
    }
    println!(
        "{} articles: {} families, {} articles in them, found in {took:.3} s",
        arts.len(),
        f.families.len(),
        f.in_families()
    );
    println!(
        "reprint pairs inside one family: {inside} of {} ({:.4}); family pairs that are not reprint pairs: {wrong} of {family_pairs}",
        reprint_pairs.len(),
        inside as f64 / reprint_pairs.len().max(1) as f64
    );
    // Reprints not with their partners: how near they came.
    let mut shown = 0;
    for &(x, y) in &reprint_pairs {
        if same(x, y) || shown >= show {
            continue;
        }
        shown += 1;
        let l = families::likeness(&arts, x, y);
        let (cx, cy) = l.core();
        println!(
            "  apart: {} ({} words) / {} ({} words): {:.3} {:.3} (core {:.3} {:.3}), furniture {:?}, +{} −{} ~{}",
            arts[x].file_name(),
            l.words.0,
            arts[y].file_name(),
            l.words.1,
            l.x_in_y,
            l.y_in_x,
            cx,
            cy,
            l.furniture,
            l.added_words,
            l.dropped_words,
            l.changed_words
        );
    }
}
