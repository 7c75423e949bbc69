//! The corpus benchmark: make a folder of news-length articles with reuse
//! planted among them (`benches/support/news.rs`), run `copycat rank` on it
//! as a user would, and print recall, precision, wall time and peak memory.
//!
//!     cargo build --release
//!     cargo run --release --example corpus_scale -- [--n 10000] [--seed S] [--dir DIR]
//!     cargo run --release --example corpus_scale -- --existing DIR
//!
//! With `--existing DIR` nothing is generated: DIR holds articles and a
//! `truth.json` (`{"reuse": [{"a", "b", "kind"}…], "ambiguous": [[a, b]…]}`,
//! file names relative to DIR), as `scripts/make-real-corpus.py` writes one.
//! `--bin PATH` picks the copycat binary (default `target/release/copycat`);
//! `--keep` leaves the generated folder (default: `target/corpus-scale/N`,
//! remade each run). Time and peak memory (maximum resident set size) are
//! measured by `/usr/bin/time` around the whole `copycat rank` process:
//! reading the files, finding candidates, aligning, writing the JSON.
//! The CPU time (user + system) is printed too: on a machine shared with
//! other work it tells what the run costs better than wall time does.
//! Recall counts a planted pair found when `rank` lists it (in either
//! orientation); precision counts every listed pair that is not planted as
//! a false one, except pairs sharing a single planted sentence (ambiguous).

#[path = "../benches/support/news.rs"]
mod news;

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use serde_json::{Value, json};

struct Args {
    n: usize,
    seed: u64,
    dir: Option<PathBuf>,
    existing: Option<PathBuf>,
    bin: PathBuf,
    extra: Vec<String>,
}

fn args() -> Args {
    let mut a = Args {
        n: 10_000,
        seed: news::SEED,
        dir: None,
        existing: None,
        bin: PathBuf::from("target/release/copycat"),
        extra: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(x) = it.next() {
        let mut val = || it.next().unwrap_or_else(|| panic!("{x} needs a value"));
        match x.as_str() {
            "--n" => a.n = val().parse().expect("--n N"),
            "--seed" => a.seed = val().parse().expect("--seed S"),
            "--dir" => a.dir = Some(val().into()),
            "--existing" => a.existing = Some(val().into()),
            "--bin" => a.bin = val().into(),
            "--max-pairs" => {
                a.extra.push("--max-pairs".into());
                a.extra.push(val());
            }
            other => panic!("unknown argument {other}"),
        }
    }
    a
}

/// Generate the corpus into `dir` with its truth.
fn generate(n: usize, seed: u64, dir: &Path) {
    let t = Instant::now();
    let c = news::corpus(n, seed);
    if dir.exists() {
        std::fs::remove_dir_all(dir).expect("remove the old corpus");
    }
    std::fs::create_dir_all(dir).expect("create the corpus folder");
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    for a in &c.articles {
        std::fs::write(dir.join(&a.name), &a.text).expect("write an article");
        if let Some((_, k)) = a.planted {
            *kinds.entry(k.name()).or_default() += 1;
        }
    }
    // A truth pair's kind: how the later of the two was planted, when it was
    // planted from the other; else `related` (both from a common source).
    let reuse: Vec<Value> = c
        .reuse
        .iter()
        .map(|&(i, j)| {
            let kind = match (c.articles[i].planted, c.articles[j].planted) {
                (_, Some((s, k))) if s == i => k.name(),
                (Some((s, k)), _) if s == j => k.name(),
                _ => "related",
            };
            json!({"a": c.articles[i].name, "b": c.articles[j].name, "kind": kind})
        })
        .collect();
    let ambiguous: Vec<Value> = c
        .ambiguous
        .iter()
        .map(|&(i, j)| json!([c.articles[i].name, c.articles[j].name]))
        .collect();
    let truth = json!({"reuse": reuse, "ambiguous": ambiguous});
    std::fs::write(dir.join("truth.json"), truth.to_string()).expect("write truth.json");
    let bytes: usize = c.articles.iter().map(|a| a.text.len()).sum();
    println!(
        "generated {n} articles ({:.1} MB, seed {seed:#x}) in {:.1} s: planted {}",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64(),
        kinds
            .iter()
            .map(|(k, v)| format!("{v} {k}"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    println!(
        "truth: {} reuse pairs, {} ambiguous (one shared sentence)",
        c.reuse.len(),
        c.ambiguous.len()
    );
}

fn name_in(dir: &Path, path: &str) -> String {
    Path::new(path)
        .strip_prefix(dir)
        .map(|p| p.to_string_lossy().into_owned())
        .unwrap_or_else(|_| path.to_string())
}

fn main() {
    let a = args();
    let dir = match (&a.existing, &a.dir) {
        (Some(d), _) => d.clone(),
        (None, Some(d)) => d.clone(),
        (None, None) => PathBuf::from(format!("target/corpus-scale/{}", a.n)),
    };
    if a.existing.is_none() {
        generate(a.n, a.seed, &dir);
    }
    let truth: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.join("truth.json")).expect("truth.json in the folder"),
    )
    .expect("truth.json parses");
    let key = |x: &str, y: &str| {
        if x < y {
            (x.to_string(), y.to_string())
        } else {
            (y.to_string(), x.to_string())
        }
    };
    let mut planted: BTreeMap<(String, String), String> = BTreeMap::new();
    for r in truth["reuse"].as_array().expect("reuse[]") {
        let (x, y) = (r["a"].as_str().unwrap(), r["b"].as_str().unwrap());
        planted.insert(key(x, y), r["kind"].as_str().unwrap_or("reuse").to_string());
    }
    let ambiguous: HashSet<(String, String)> = truth["ambiguous"]
        .as_array()
        .map(|v| {
            v.iter()
                .map(|p| key(p[0].as_str().unwrap(), p[1].as_str().unwrap()))
                .collect()
        })
        .unwrap_or_default();

    // Run `copycat rank` as a user would, under /usr/bin/time.
    let out_path = dir.with_extension("rank.json");
    let time_path = dir.with_extension("time.txt");
    let mut cmd = if Path::new("/usr/bin/time").exists() {
        let mut c = Command::new("/usr/bin/time");
        c.arg("-f")
            .arg("%e %M %U %S")
            .arg("-o")
            .arg(&time_path)
            .arg(&a.bin);
        c
    } else {
        Command::new(&a.bin)
    };
    cmd.arg("rank")
        .arg(&dir)
        .arg("--format")
        .arg("json")
        .args(&a.extra);
    let started = Instant::now();
    let out = cmd.output().expect("copycat runs");
    let wall = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "copycat rank failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(&out_path, &out.stdout).expect("save the ranking");
    let (secs, rss_kb, cpu) = std::fs::read_to_string(&time_path)
        .ok()
        .and_then(|s| {
            let mut it = s.split_whitespace();
            let secs = it.next()?.parse::<f64>().ok()?;
            let kb = it.next()?.parse::<u64>().ok()?;
            let user = it.next()?.parse::<f64>().ok()?;
            let sys = it.next()?.parse::<f64>().ok()?;
            Some((secs, Some(kb), Some(user + sys)))
        })
        .unwrap_or((wall, None, None));
    let ranked: Value = serde_json::from_slice(&out.stdout).expect("rank JSON parses");

    // Pairs of articles the ranking stands for: a family's representative
    // stands for every member, and the members of a family are pairs too.
    let families: Vec<Vec<String>> = ranked["families"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    std::iter::once(&f["representative"])
                        .chain(
                            f["members"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|m| &m["path"]),
                        )
                        .map(|p| name_in(&dir, p.as_str().unwrap()))
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    let side = |p: &Value, path: &str, fam: &str| -> Vec<String> {
        match p[fam].as_u64() {
            Some(f) => families[f as usize].clone(),
            None => vec![name_in(&dir, p[path].as_str().unwrap())],
        }
    };
    let mut found: HashSet<(String, String)> = HashSet::new();
    for p in ranked["pairs"].as_array().expect("pairs[]") {
        for x in side(p, "a", "a_family") {
            for y in side(p, "b", "b_family") {
                found.insert(key(&x, &y));
            }
        }
    }
    for f in &families {
        for (i, x) in f.iter().enumerate() {
            for y in &f[i + 1..] {
                found.insert(key(x, y));
            }
        }
    }
    let hit = planted.keys().filter(|k| found.contains(*k)).count();
    let false_pos = found
        .iter()
        .filter(|k| !planted.contains_key(*k) && !ambiguous.contains(*k))
        .count();
    let judged = found.iter().filter(|k| !ambiguous.contains(*k)).count();
    let recall = hit as f64 / planted.len().max(1) as f64;
    let precision = if judged == 0 {
        1.0
    } else {
        (judged - false_pos) as f64 / judged as f64
    };
    let s = &ranked["summary"];
    println!(
        "copycat rank: {} articles ({} in {} reprint families), {} candidate pairs, {} aligned, {} listed (standing for {} pairs of articles)",
        s["articles"],
        s["in_families"],
        s["families"],
        s["candidates"],
        s["aligned"],
        s["shared"],
        s["article_pairs"]
    );
    println!(
        "recall {recall:.4} ({hit} of {} planted pairs)   precision {precision:.4} ({false_pos} false of {judged} judged; {} ambiguous listed)",
        planted.len(),
        found.len() - judged
    );
    // Recall by kind.
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (k, kind) in &planted {
        let e = by_kind.entry(kind.as_str()).or_default();
        e.1 += 1;
        if found.contains(k) {
            e.0 += 1;
        }
    }
    for (kind, (h, n)) in &by_kind {
        println!(
            "  {kind:<16} {h:>6} / {n:<6} recall {:.4}",
            *h as f64 / *n as f64
        );
    }
    println!(
        "time {secs:.2} s (wall, whole process){}   peak RSS {}",
        cpu.map_or(String::new(), |c| format!(
            "; CPU {c:.2} s (user + system), {:.2} s on 2 idle cores",
            c / 2.0
        )),
        rss_kb.map_or("n/a (no /usr/bin/time)".to_string(), |k| format!(
            "{:.0} MB",
            k as f64 / 1024.0
        ))
    );
    // The candidate step alone, in this process (not timed): which planted
    // pairs it proposed, so that a miss can be told from the aligner's.
    let loaded = copycat::article::load_paths(std::slice::from_ref(&dir)).expect("load the folder");
    let arts = &loaded.articles;
    let fams = copycat::corpus::families::families(arts);
    let (cands, _) =
        copycat::corpus::candidate_pairs_among(arts, &fams.units(), &Default::default());
    let names: Vec<String> = arts.iter().map(|a| name_in(&dir, &a.path)).collect();
    let mut proposed: HashSet<(String, String)> = HashSet::new();
    for &(i, j) in &cands {
        for x in fams.stands_for(i) {
            for y in fams.stands_for(j) {
                proposed.insert(key(&names[x], &names[y]));
            }
        }
    }
    for f in &fams.families {
        let m: Vec<usize> = f.articles().collect();
        for (i, &x) in m.iter().enumerate() {
            for &y in &m[i + 1..] {
                proposed.insert(key(&names[x], &names[y]));
            }
        }
    }
    let c_hit = planted.keys().filter(|k| proposed.contains(*k)).count();
    println!(
        "candidates alone (with families): recall {:.4} ({c_hit} of {} planted pairs proposed, {} proposed in all)",
        c_hit as f64 / planted.len().max(1) as f64,
        planted.len(),
        proposed.len()
    );
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for (k, kind) in &planted {
        let e = by_kind.entry(kind.as_str()).or_default();
        e.1 += 1;
        if proposed.contains(k) {
            e.0 += 1;
        }
    }
    for (kind, (h, n)) in by_kind.iter().filter(|(_, (h, n))| h < n) {
        println!("  proposed {kind:<16} {h:>6} / {n:<6}");
    }
    // Missed pairs, a few, for whoever tunes.
    let missed: Vec<_> = planted
        .iter()
        .filter(|(k, _)| !found.contains(*k))
        .take(8)
        .collect();
    for ((x, y), kind) in missed {
        println!("  missed {kind}: {x} {y}");
    }
}
