//! Build the 1 MB benchmark pair (the same one `cargo bench --bench align`
//! measures), align it once and report time, peak memory and what was found.
//!
//!     cargo run --release --example align_big [-- --a-bytes N] [--copies N] [--repeat N] [--write DIR]
//!
//! `--a-bytes N` uses only the first N bytes of A (cut at a chapter);
//! `--copies N` builds a pair N times the size instead (A: the book and N - 1
//! rewritten editions of it; `--copies 5` is the 10 MB pair, two files of
//! about 5 MB);
//! `--repeat N` aligns N times and reports the fastest and the median run
//! (the fastest is the least disturbed by other work on a shared machine);
//! `--write DIR` saves the pair as `DIR/prose-a.txt` and `DIR/prose-b.txt`
//! (for `copycat compare`), and with `--only-write` stops there. Peak
//! memory: run it under `/usr/bin/time -v` (scripts/bench.sh does); the
//! `VmHWM` lines are the same peak read in-process at each stage.

#[path = "../benches/support/pair.rs"]
mod pair;

use std::time::Instant;

use copycat::align::{self, Kind};
use copycat::article::Article;

/// Peak resident memory so far, from /proc (Linux); None elsewhere.
fn vm_hwm_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn hwm() -> String {
    vm_hwm_kib().map_or_else(|| "n/a".into(), |k| format!("{:.1} MiB", k as f64 / 1024.0))
}

/// FNV-1a over every link's kind, score, moved flag and sentence ranges: two
/// runs (or an optimized engine) that print the same value found the same links.
fn fingerprint(al: &align::Alignment) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |x: u64| {
        for byte in x.to_le_bytes() {
            h = (h ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for l in &al.links {
        eat(l.kind as u64);
        eat(l.score.to_bits());
        eat(u64::from(l.moved));
        for v in [l.a.start, l.a.end, l.b.start, l.b.end] {
            eat(v as u64);
        }
    }
    h
}

fn main() {
    let mut max_a = usize::MAX;
    let mut write: Option<String> = None;
    let mut repeat: usize = 1;
    let mut copies: usize = 1;
    let mut only_write = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--a-bytes" => {
                max_a = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .expect("--a-bytes N")
            }
            "--write" => write = args.next(),
            "--only-write" => only_write = true,
            "--copies" => {
                copies = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--copies N (N > 0)")
            }
            "--repeat" => {
                repeat = args
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|&n| n > 0)
                    .expect("--repeat N (N > 0)")
            }
            other => {
                eprintln!(
                    "usage: align_big [--a-bytes N] [--copies N] [--repeat N] [--write DIR [--only-write]] (unknown: {other})"
                );
                std::process::exit(2);
            }
        }
    }

    let t = Instant::now();
    let made = if copies > 1 {
        pair::pair_scaled(copies)
    } else {
        pair::pair(max_a)
    };
    let gen_ms = t.elapsed().as_secs_f64() * 1e3;
    if let Some(dir) = &write {
        std::fs::create_dir_all(dir).expect("create --write DIR");
        std::fs::write(format!("{dir}/prose-a.txt"), &made.a).expect("write A");
        std::fs::write(format!("{dir}/prose-b.txt"), &made.b).expect("write B");
        if only_write {
            return;
        }
    }
    println!(
        "pair: A {} bytes, B {} bytes (generated in {gen_ms:.1} ms)",
        made.a.len(),
        made.b.len()
    );
    println!("{}", made.counts);
    println!("peak RSS after generating: {}", hwm());

    let t = Instant::now();
    let a = Article::parse("benches/data/prose-a.txt", made.a.into_bytes());
    let b = Article::parse("prose-b.txt", made.b.into_bytes());
    let parse_ms = t.elapsed().as_secs_f64() * 1e3;
    let (pa, sa) = a.body_counts();
    let (pb, sb) = b.body_counts();
    println!(
        "parsed in {parse_ms:.1} ms: A {pa} body paragraphs, {sa} sentences, {} body words; \
         B {pb} paragraphs, {sb} sentences, {} body words",
        a.body_words(),
        b.body_words()
    );
    println!("peak RSS after parsing: {}", hwm());

    let mut times = Vec::with_capacity(repeat);
    let mut al = align::Alignment::default();
    for _ in 0..repeat {
        // The previous result goes first, so the peak is that of one alignment.
        drop(std::mem::take(&mut al));
        let t = Instant::now();
        al = align::align(&a, &b);
        times.push(t.elapsed().as_secs_f64() * 1e3);
    }
    times.sort_by(f64::total_cmp);
    let copied = al.links.iter().filter(|l| l.kind == Kind::Copied).count();
    let moved = al.links.iter().filter(|l| l.moved).count();
    let multi = al
        .links
        .iter()
        .filter(|l| l.a.len() > 1 || l.b.len() > 1)
        .count();
    if repeat == 1 {
        println!("align: {:.1} ms", times[0]);
    } else {
        println!(
            "align: fastest {:.1} ms, median {:.1} ms of {repeat} runs",
            times[0],
            times[repeat / 2]
        );
    }
    println!(
        "links {} (copied {copied}, reworded {}, moved {moved}, merges/splits {multi})",
        al.links.len(),
        al.links.len() - copied
    );
    let s = al.stats;
    println!(
        "share of B: copied {:.1}%, reworded {:.1}%, new {:.1}%, moved {:.1}%; share of A dropped {:.1}%",
        s.b_copied * 100.0,
        s.b_reworded * 100.0,
        s.b_new * 100.0,
        s.b_moved * 100.0,
        s.a_dropped * 100.0
    );
    println!("fingerprint of the links: {:016x}", fingerprint(&al));
    for n in &al.notes {
        println!("note: {n}");
    }
    println!("peak RSS after align: {}", hwm());
}
