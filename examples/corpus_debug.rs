//! Evidence of candidate pairs against a folder's truth.json (development aid).
//!
//!     cargo run --release --example corpus_debug -- DIR
use copycat::article;
use copycat::corpus::candidates;
use std::collections::HashSet;
use std::time::Instant;
fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("DIR"));
    let t = Instant::now();
    let arts = article::load_paths(std::slice::from_ref(&dir))
        .unwrap()
        .articles;
    eprintln!("loaded {} in {:.2}s", arts.len(), t.elapsed().as_secs_f64());
    let t = Instant::now();
    let f = candidates::candidates_above(&arts, 0.0);
    eprintln!(
        "candidates in {:.2}s: sentences {} distinct {} stems {} indexed {} matches {} pairs {}",
        t.elapsed().as_secs_f64(),
        f.sentences,
        f.distinct,
        f.stems,
        f.indexed_stems,
        f.matches,
        f.pairs.len()
    );
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).unwrap()).unwrap();
    let name = |i: usize| arts[i].file_name().to_string();
    let key = |x: &str, y: &str| {
        if x < y {
            (x.to_string(), y.to_string())
        } else {
            (y.to_string(), x.to_string())
        }
    };
    let planted: HashSet<(String, String)> = truth["reuse"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| key(r["a"].as_str().unwrap(), r["b"].as_str().unwrap()))
        .collect();
    let edges = [
        0.0f32, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.2, 1.5, 2.0, 3.0, 5.0, 1e9,
    ];
    let mut hist = vec![(0usize, 0usize); edges.len() - 1];
    let mut found = HashSet::new();
    for c in &f.pairs {
        let k = key(&name(c.i), &name(c.j));
        let b = edges
            .windows(2)
            .position(|w| c.evidence >= w[0] && c.evidence < w[1])
            .unwrap();
        if planted.contains(&k) {
            hist[b].0 += 1;
            found.insert(k);
        } else {
            hist[b].1 += 1;
        }
    }
    for (w, (t, o)) in edges.windows(2).zip(&hist) {
        println!("[{:>4}, {:>4}) true {t:>6} other {o:>7}", w[0], w[1]);
    }
    println!(
        "true pairs with no evidence: {}",
        planted.len() - found.len()
    );
}
