//! Ranking a corpus: `copycat::corpus::rank` over the five bundled articles
//! (every pair aligned, on worker threads: on this 2-core machine, two).
//!
//!     cargo bench --bench corpus

use std::hint::black_box;

use copycat::{article, corpus};
use criterion::{Criterion, criterion_group, criterion_main};

fn rank(c: &mut Criterion) {
    let arts = article::bundled();
    assert_eq!(arts.len(), 5, "five bundled articles");
    c.bench_function("corpus rank 5 bundled", |bench| {
        bench.iter(|| corpus::rank(black_box(&arts)))
    });
}

criterion_group!(benches, rank);
criterion_main!(benches);
