//! Alignment speed: the seed pair and a 1 MB pair of real prose.
//!
//!     cargo bench --bench align            # everything
//!     cargo bench --bench align -- seed    # only the seed pair
//!     cargo bench --bench align -- 80kb    # only the 80 KB pair
//!     cargo bench --bench align -- long_word  # one word, its length doubled
//!
//! Under `cargo test --all-targets` criterion runs each benchmark once (test
//! mode), in an unoptimized build; there the 1 MB pair is replaced by the same
//! generator on the first 40 KB of A, so tests stay fast while the code path
//! is still exercised. See BENCHMARKS.md for the numbers.

#[path = "support/pair.rs"]
mod pair;

use std::hint::black_box;

use copycat::align;
use copycat::article::{self, Article};
use criterion::{BatchSize, Criterion, SamplingMode, Throughput, criterion_group, criterion_main};

/// Bytes of A in the 80 KB pair.
const MID_A_BYTES: usize = 80_000;

/// Bytes of A used when criterion runs in test mode.
const TEST_MODE_A_BYTES: usize = 40_000;

/// Criterion's own rule (criterion 0.8 `configure_from_args`): without
/// `--bench` (as under `cargo test`), or with `--test`, each benchmark runs
/// once as a test.
fn test_mode() -> bool {
    let args: Vec<String> = std::env::args().collect();
    let has = |f: &str| args.iter().any(|a| a == f);
    !has("--bench") || has("--test")
}

fn seed_pair(arts: &[Article]) -> (&Article, &Article) {
    let find = |k: &str| {
        arts.iter()
            .find(|a| a.path.contains(k))
            .unwrap_or_else(|| panic!("bundled article matching {k:?}"))
    };
    (find("reuters"), find("undated-rewrite"))
}

/// The seed pair: the Reuters story against its undated paraphrase.
fn seed(c: &mut Criterion) {
    let arts = article::bundled();
    let (a, b) = seed_pair(&arts);
    let mut g = c.benchmark_group("seed");
    g.bench_function("align reuters vs undated-rewrite", |bench| {
        bench.iter(|| align::align(black_box(a), black_box(b)))
    });
    for (name, art) in [("parse reuters", a), ("parse undated-rewrite", b)] {
        g.throughput(Throughput::Bytes(art.bytes.len() as u64));
        g.bench_function(name, |bench| {
            bench.iter_batched(
                || art.bytes.clone(),
                |bytes| Article::parse(art.path.as_str(), bytes),
                BatchSize::SmallInput,
            )
        });
    }
    g.finish();
}

/// The 1 MB pair built by `support/pair.rs` (same as `examples/align_big.rs`).
fn big(c: &mut Criterion) {
    let max_a = if test_mode() {
        TEST_MODE_A_BYTES
    } else {
        usize::MAX
    };
    let made = pair::pair(max_a);
    let a = Article::parse("benches/data/prose-a.txt", made.a.clone().into_bytes());
    let b = Article::parse("prose-b.txt", made.b.clone().into_bytes());
    let mut g = c.benchmark_group("1mb");
    // One iteration takes hundreds of milliseconds: ten samples of equal
    // size (flat sampling; linear sampling would run 55 iterations) are
    // plenty. The measurement time comes from the command line
    // (`--measurement-time`, 5 s by default); criterion stretches it when ten
    // iterations do not fit, with a warning.
    g.sample_size(10);
    g.sampling_mode(SamplingMode::Flat);
    g.throughput(Throughput::Bytes((made.a.len() + made.b.len()) as u64));
    g.bench_function("align book vs rewrite", |bench| {
        bench.iter(|| align::align(black_box(&a), black_box(&b)))
    });
    g.throughput(Throughput::Bytes(made.a.len() as u64));
    g.bench_function("parse A", |bench| {
        bench.iter_batched(
            || made.a.clone().into_bytes(),
            |bytes| Article::parse("prose-a.txt", bytes),
            BatchSize::LargeInput,
        )
    });
    g.finish();
}

/// An 80 KB pair: the first 80 KB of A (cut at a chapter) and B made from
/// it by the same generator, the size of a long report.
fn mid(c: &mut Criterion) {
    let made = pair::pair(MID_A_BYTES);
    let a = Article::parse("prose-a-80k.txt", made.a.clone().into_bytes());
    let b = Article::parse("prose-b-80k.txt", made.b.clone().into_bytes());
    let mut g = c.benchmark_group("80kb");
    g.throughput(Throughput::Bytes((made.a.len() + made.b.len()) as u64));
    g.bench_function("align book vs rewrite", |bench| {
        bench.iter(|| align::align(black_box(&a), black_box(&b)))
    });
    g.finish();
}

/// One word of `ay` repeated, its length doubled from 100 KB to 1.6 MB, parsed
/// and aligned against the seed article: the time should double with it
/// (issue 25 item 5: the stemmer once made it grow fourfold). Other shapes
/// of one huge token: 7 MiB of random letters, one sentence of a million
/// words (scripts/devsets/README.md, "Long inputs", for the measured times).
fn long_word(c: &mut Criterion) {
    let arts = article::bundled();
    let (b, _) = seed_pair(&arts);
    let mut g = c.benchmark_group("long_word");
    g.sampling_mode(SamplingMode::Flat).sample_size(10);
    let sizes: &[usize] = if test_mode() {
        &[100_000]
    } else {
        &[100_000, 200_000, 400_000, 800_000, 1_600_000]
    };
    for &n in sizes {
        let bytes = format!("One word\n\n{}\n", "ay".repeat(n / 2)).into_bytes();
        g.throughput(Throughput::Bytes(n as u64));
        g.bench_function(format!("parse and align {n} bytes"), |bench| {
            bench.iter_batched(
                || bytes.clone(),
                |bytes| align::align(&Article::parse("word.txt", bytes), black_box(b)),
                BatchSize::LargeInput,
            )
        });
    }
    g.finish();
}

criterion_group!(benches, seed, mid, big, long_word);
criterion_main!(benches);
