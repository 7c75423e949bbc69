//! Ranking a corpus: `copycat::corpus::rank` over the five bundled articles
//! (every pair aligned, on worker threads: on this 2-core machine, two), and
//! reprint families, candidate generation and ranking (with families and
//! without) over a generated corpus of news-length articles with planted
//! reuse (`benches/support/news.rs`, in memory).
//!
//!     cargo bench --bench corpus
//!
//! The 10,000-article figures (recall, precision, time and memory of the
//! whole `copycat rank` process) come from `examples/corpus_scale.rs`.

#[path = "support/news.rs"]
mod news;

use std::hint::black_box;

use copycat::article::{self, Article};
use copycat::corpus;
use criterion::{Criterion, criterion_group, criterion_main};

/// Articles of the generated corpus: fewer under `cargo test`, where the
/// benches run once in a debug build.
fn generated_size() -> usize {
    if cfg!(debug_assertions) { 60 } else { 1000 }
}

fn rank(c: &mut Criterion) {
    let arts = article::bundled();
    assert_eq!(arts.len(), 5, "five bundled articles");
    c.bench_function("corpus rank 5 bundled", |bench| {
        bench.iter(|| corpus::rank(black_box(&arts)))
    });

    let n = generated_size();
    let made = news::corpus(n, news::SEED);
    let arts: Vec<Article> = made
        .articles
        .iter()
        .map(|m| Article::parse(m.name.clone(), m.text.clone().into_bytes()))
        .collect();
    let mut g = c.benchmark_group(format!("generated {n}"));
    g.sample_size(10);
    g.bench_function("families", |bench| {
        bench.iter(|| corpus::families::families(black_box(&arts)))
    });
    g.bench_function("candidates", |bench| {
        bench.iter(|| corpus::candidates::candidates(black_box(&arts)))
    });
    g.bench_function("rank", |bench| {
        bench.iter(|| corpus::rank(black_box(&arts)))
    });
    let no_families = corpus::Options {
        families: false,
        ..corpus::Options::default()
    };
    g.bench_function("rank without families", |bench| {
        bench.iter(|| corpus::rank_with(black_box(&arts), &no_families, &corpus::Quiet))
    });
    g.bench_function("spread of the first article", |bench| {
        bench.iter(|| corpus::spread::spread_in(black_box(&arts), 0, &corpus::Options::default()))
    });
    g.finish();
}

criterion_group!(benches, rank);
criterion_main!(benches);
