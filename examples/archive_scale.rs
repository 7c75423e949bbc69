//! The archive benchmark: generate N news-length articles with planted reuse
//! (`benches/support/news.rs`, as `corpus_scale`) plus 1,000 more held back,
//! index the N with `copycat index` as a user would, ask `find` for the
//! sources of held-back and indexed articles, then add the 1,000 and index
//! again. Prints the build time, the index's size against the articles',
//! `find`'s time per query (in this process, and as whole `copycat find`
//! runs) and its recall of the planted reuse, and the time to add 1,000.
//!
//!     cargo build --release
//!     cargo run --release --example archive_scale -- [--n 100000] [--queries 300] [--dir DIR]
//!
//! Recall counts, for each query, the articles it shares two or more
//! planted sentences with (`truth` of the generator: its source, its
//! reprints and rewrites, their relatives) that are in the index, and how
//! many of them `find` lists. `--bin PATH` picks the copycat binary
//! (default `target/release/copycat`); `--keep` keeps an existing folder
//! and index instead of generating again (the same seed makes the same
//! corpus). Times: `/usr/bin/time` around each `copycat` process (wall,
//! user + system CPU, peak resident memory).

#[path = "../benches/support/news.rs"]
mod news;

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use copycat::archive::{self, Index, Quiet, find};

struct Args {
    n: usize,
    held: usize,
    queries: usize,
    seed: u64,
    dir: PathBuf,
    bin: PathBuf,
    keep: bool,
}

fn args() -> Args {
    let mut a = Args {
        n: 100_000,
        held: 1_000,
        queries: 300,
        seed: news::SEED,
        dir: PathBuf::new(),
        bin: PathBuf::from("target/release/copycat"),
        keep: false,
    };
    let mut dir = None;
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| panic!("{x} needs a value"));
        match x.as_str() {
            "--n" => a.n = val().parse().expect("--n N"),
            "--held" => a.held = val().parse().expect("--held N"),
            "--queries" => a.queries = val().parse().expect("--queries N"),
            "--seed" => a.seed = val().parse().expect("--seed S"),
            "--dir" => dir = Some(PathBuf::from(val())),
            "--bin" => a.bin = val().into(),
            "--keep" => a.keep = true,
            other => panic!("unknown argument {other}"),
        }
    }
    a.dir = dir.unwrap_or_else(|| PathBuf::from(format!("target/archive-scale/{}", a.n)));
    a
}

/// `/usr/bin/time` around one copycat run: (wall s, CPU s, peak RSS MB).
fn timed(bin: &Path, args: &[&str], time_file: &Path) -> (f64, f64, f64, String) {
    let started = Instant::now();
    let out = Command::new("/usr/bin/time")
        .arg("-f")
        .arg("%e %U %S %M")
        .arg("-o")
        .arg(time_file)
        .arg(bin)
        .args(args)
        .output()
        .expect("copycat runs under /usr/bin/time");
    let wall = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "copycat {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = std::fs::read_to_string(time_file).unwrap_or_default();
    let v: Vec<f64> = t
        .lines()
        .last()
        .unwrap_or("")
        .split_whitespace()
        .filter_map(|x| x.parse().ok())
        .collect();
    let (cpu, rss) = match v.as_slice() {
        [_, u, s, m] => (u + s, m / 1024.0),
        _ => (f64::NAN, f64::NAN),
    };
    (
        wall,
        cpu,
        rss,
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn bytes_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .expect("the folder")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().extension().is_some_and(|x| x == "txt"))
        .map(|e| e.metadata().map_or(0, |m| m.len()))
        .sum()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let k = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[k]
}

fn main() {
    let a = args();
    let dir = std::path::absolute(&a.dir).expect("the folder's path");
    let held_dir = dir.with_extension("held");
    let index = dir.with_extension("index");
    let time_file = dir.with_extension("time.txt");
    let total = a.n + a.held;
    let t = Instant::now();
    let made = news::corpus(total, a.seed);
    println!(
        "generated {total} articles in {:.1} s (seed {:#x}); {} planted reuse pairs",
        t.elapsed().as_secs_f64(),
        a.seed,
        made.reuse.len()
    );
    // The held-back articles: the last `held` in file order (the generator
    // shuffles, so they are a random sample of every kind).
    let is_held = |i: usize| i >= a.n;
    if !a.keep || !index.exists() {
        for d in [&dir, &held_dir] {
            if d.exists() {
                std::fs::remove_dir_all(d).expect("remove the old folder");
            }
            std::fs::create_dir_all(d).expect("create the folder");
        }
        let _ = std::fs::remove_file(&index);
        for (i, m) in made.articles.iter().enumerate() {
            let d = if is_held(i) { &held_dir } else { &dir };
            std::fs::write(d.join(&m.name), &m.text).expect("write an article");
        }
        let (wall, cpu, rss, _) = timed(
            &a.bin,
            &[
                "index",
                dir.to_str().unwrap(),
                "--index",
                index.to_str().unwrap(),
            ],
            &time_file,
        );
        println!(
            "index {} articles: {wall:.1} s wall, {cpu:.1} s CPU, peak RSS {rss:.0} MB",
            a.n
        );
    }
    let articles_bytes = bytes_of(&dir);
    let index_bytes = std::fs::metadata(&index).expect("the index").len();
    println!(
        "size: articles {:.1} MB (file bytes), index {:.1} MB ({:.0}% of the articles)",
        articles_bytes as f64 / 1e6,
        index_bytes as f64 / 1e6,
        100.0 * index_bytes as f64 / articles_bytes as f64
    );

    // Reuse partners of each article.
    let mut partners: HashMap<usize, Vec<usize>> = HashMap::new();
    for &(i, j) in &made.reuse {
        partners.entry(i).or_default().push(j);
        partners.entry(j).or_default().push(i);
    }
    let ix = Index::open(&index).expect("the index opens");
    // Queries: held-back articles with partners in the index, then indexed
    // ones (found with themselves left out), `queries` of each at most.
    let held_q: Vec<usize> = (a.n..total)
        .filter(|i| {
            partners
                .get(i)
                .is_some_and(|p| p.iter().any(|&j| !is_held(j)))
        })
        .take(a.queries)
        .collect();
    let step = (a.n / a.queries.max(1)).max(1);
    let indexed_q: Vec<usize> = (0..a.n)
        .step_by(step)
        .filter(|i| partners.contains_key(i))
        .take(a.queries)
        .collect();
    for (label, queries) in [("held back", &held_q), ("indexed", &indexed_q)] {
        let (mut want, mut got, mut want_src, mut got_src) = (0, 0, 0, 0);
        let mut times = Vec::new();
        let mut listed = 0;
        for &q in queries {
            let m = &made.articles[q];
            let path = if is_held(q) { &held_dir } else { &dir }.join(&m.name);
            let art = copycat::article::load::read_article(&path).expect("read the query");
            let opts = find::Options {
                exclude: Some(path.clone()),
                ..Default::default()
            };
            let t = Instant::now();
            let f = find(&ix, art, &opts, &Quiet).expect("find");
            times.push(t.elapsed().as_secs_f64());
            let names: HashSet<String> = f
                .ranking
                .pairs
                .iter()
                .map(|p| {
                    let other = if p.a == 0 { p.b } else { p.a };
                    Path::new(&f.articles[other].path)
                        .file_name()
                        .unwrap()
                        .to_string_lossy()
                        .into_owned()
                })
                .collect();
            listed += names.len();
            for &j in &partners[&q] {
                if is_held(j) {
                    continue;
                }
                want += 1;
                let hit = names.contains(&made.articles[j].name);
                got += usize::from(hit);
                if m.planted.is_some_and(|(s, _)| s == j) {
                    want_src += 1;
                    got_src += usize::from(hit);
                }
            }
        }
        times.sort_by(f64::total_cmp);
        println!(
            "find, {} {label} queries (in process): recall {:.4} ({got} of {want} reuse partners), \
             planted source {:.4} ({got_src} of {want_src}); {:.1} articles listed a query; \
             time median {:.3} s, p95 {:.3} s, max {:.3} s",
            queries.len(),
            got as f64 / want.max(1) as f64,
            got_src as f64 / want_src.max(1) as f64,
            listed as f64 / queries.len().max(1) as f64,
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            percentile(&times, 1.0),
        );
    }
    drop(ix);
    // Whole `copycat find` runs (opening the index, reading, printing).
    let mut walls = Vec::new();
    for &q in held_q.iter().take(20) {
        let p = held_dir.join(&made.articles[q].name);
        let (wall, _, _, _) = timed(
            &a.bin,
            &[
                "find",
                p.to_str().unwrap(),
                "--index",
                index.to_str().unwrap(),
                "--format",
                "json",
            ],
            &time_file,
        );
        walls.push(wall);
    }
    walls.sort_by(f64::total_cmp);
    println!(
        "copycat find, {} runs: wall median {:.3} s, max {:.3} s",
        walls.len(),
        percentile(&walls, 0.5),
        percentile(&walls, 1.0)
    );
    // Add the held-back articles.
    for (i, m) in made.articles.iter().enumerate() {
        if is_held(i) {
            std::fs::rename(held_dir.join(&m.name), dir.join(&m.name)).expect("move one in");
        }
    }
    let (wall, cpu, rss, _) = timed(
        &a.bin,
        &[
            "index",
            dir.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ],
        &time_file,
    );
    println!(
        "add {} articles to the index: {wall:.2} s wall, {cpu:.2} s CPU, peak RSS {rss:.0} MB",
        a.held
    );
    let (wall, cpu, _, _) = timed(
        &a.bin,
        &[
            "index",
            dir.to_str().unwrap(),
            "--index",
            index.to_str().unwrap(),
        ],
        &time_file,
    );
    println!("index again, nothing changed: {wall:.2} s wall, {cpu:.2} s CPU");
    let ix = Index::open(&index).expect("the index opens");
    let now = (ix.len(), ix.distinct());
    drop(ix);
    println!(
        "index now: {} articles, {} distinct sentences, {:.1} MB",
        now.0,
        now.1,
        std::fs::metadata(&index).map_or(0, |m| m.len()) as f64 / 1e6
    );
    // Put the folder back as generated, for a rerun with --keep.
    for (i, m) in made.articles.iter().enumerate() {
        if is_held(i) {
            std::fs::rename(dir.join(&m.name), held_dir.join(&m.name)).expect("move one out");
        }
    }
    let _ = archive::update(&dir, &index, &Quiet).expect("drop the 1,000 again");
}
