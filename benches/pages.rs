//! Reading saved web pages, at doubling sizes: time should roughly double
//! with each step (issue 25, item 6: `<div>`s nested n deep took time in n²,
//! 21 s at 200,000 deep).
//!
//!     cargo bench --bench pages
//!
//! Three shapes: `<div>`s nested n deep around a paragraph; `<span>`s left
//! open, each followed by an end tag that closes nothing (every end tag
//! looks for its element); and an ordinary news page (the split-sections
//! fixture) whose story, menus and links are repeated to double its size.

use std::hint::black_box;

use copycat::article::Article;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

/// Sizes doubling from `first`: fewer and smaller under `cargo test`, where
/// the benches run once in a debug build.
fn doubling(first: usize) -> Vec<usize> {
    let (first, steps) = if cfg!(debug_assertions) {
        ((first / 64).max(1), 2)
    } else {
        (first, 4)
    };
    (0..steps).map(|k| first << k).collect()
}

fn nested(n: usize) -> Vec<u8> {
    let mut html = String::from("<!doctype html><html><body>");
    html.push_str(&"<div>".repeat(n));
    html.push_str(
        "<p>At the bottom of the page, a paragraph of prose long enough to be its story.</p>",
    );
    html.into_bytes()
}

fn stray_ends(n: usize) -> Vec<u8> {
    let mut html = String::from("<!doctype html><html><body><p>");
    html.push_str(&"<span></i>".repeat(n));
    html.push_str("A paragraph of prose long enough to be the story, after many open spans.</p>");
    html.into_bytes()
}

fn ordinary(copies: usize) -> Vec<u8> {
    let page = include_str!("../tests/data/pages/split-sections.html");
    let start = page.find("<body>").map_or(0, |i| i + "<body>".len());
    let end = page.rfind("</body>").unwrap_or(page.len());
    let mut html = String::from(&page[..start]);
    for _ in 0..copies {
        html.push_str(&page[start..end]);
    }
    html.push_str(&page[end..]);
    html.into_bytes()
}

/// A page's shape: its name, how to make it at a size, and its first size.
type Shape = (&'static str, fn(usize) -> Vec<u8>, usize);

fn pages(c: &mut Criterion) {
    let shapes: [Shape; 3] = [
        ("nested divs", nested, 25_000),
        ("stray end tags", stray_ends, 25_000),
        ("ordinary page copies", ordinary, 16),
    ];
    for (name, make, first) in shapes {
        let mut g = c.benchmark_group(name);
        g.sample_size(10);
        for n in doubling(first) {
            let bytes = make(n);
            g.throughput(Throughput::Bytes(bytes.len() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(n), &bytes, |b, bytes| {
                b.iter(|| Article::parse("page.html", black_box(bytes.clone())))
            });
        }
        g.finish();
    }
}

criterion_group!(benches, pages);
criterion_main!(benches);
