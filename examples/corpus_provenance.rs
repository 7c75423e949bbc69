//! Provenance against a truth set of pairs whose direction is known: how many
//! of the pairs `copycat rank` finds it orients the right way, the wrong way,
//! or leaves unknown, by kind.
//!
//!     python3 scripts/make-provenance-truth.py SRC /tmp/provenance
//!     cargo run --release --example corpus_provenance -- /tmp/provenance/test [--show N]
//!
//! The folder holds documents and a `truth.json`:
//! `{"directed": [{"source", "copy", "kind"}]}` (file names relative to the
//! folder). The folder is ranked in this process exactly as `copycat rank`
//! ranks it (`corpus::rank`), every pair of articles it stands for listed
//! as `rank --expand` lists them (`corpus::expand`: reprint families'
//! members included). A truth pair is *found* when it is listed; its
//! direction is *right* when the listed pair has the source as A with a
//! known direction, *wrong* when it has the copy as A with a known
//! direction, else *unknown*. With `--show N`, the first N wrong pairs are
//! printed with the reason `rank` gives.
use std::collections::{BTreeMap, HashMap};

use copycat::article;
use copycat::corpus::{self, Via};

#[derive(Default)]
struct Tally {
    pairs: usize,
    found: usize,
    right: usize,
    wrong: usize,
    unknown: usize,
}

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = std::path::PathBuf::from(args.next().expect("DIR"));
    let (mut show, mut bin) = (0, None);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--show" => show = args.next().and_then(|n| n.parse().ok()).unwrap_or(10),
            "--bin" => bin = args.next(),
            other => panic!("unknown argument {other}"),
        }
    }
    if let Some(bin) = bin {
        return with_binary(&dir, &bin);
    }
    let arts = article::load_paths(std::slice::from_ref(&dir))
        .expect("load the folder")
        .articles;
    let ranking = corpus::rank(&arts);
    let listed = corpus::expand(&arts, &ranking);
    let mut by_pair: HashMap<(usize, usize), usize> = HashMap::new();
    for (k, e) in listed.iter().enumerate() {
        let (a, b) = (e.pair.a, e.pair.b);
        by_pair.insert((a.min(b), a.max(b)), k);
    }
    let index: HashMap<&str, usize> = arts
        .iter()
        .enumerate()
        .map(|(i, a)| (a.file_name(), i))
        .collect();
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).expect("truth.json"))
            .expect("truth.json parses");
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    let mut shown = 0;
    for d in truth["directed"].as_array().expect("directed[]") {
        let kind = d["kind"].as_str().unwrap_or("?").to_string();
        let (Some(&s), Some(&c)) = (
            index.get(d["source"].as_str().unwrap_or_default()),
            index.get(d["copy"].as_str().unwrap_or_default()),
        ) else {
            panic!("{d} names a file not in the folder");
        };
        let t = tally.entry(kind.clone()).or_default();
        t.pairs += 1;
        all.pairs += 1;
        let Some(&k) = by_pair.get(&(s.min(c), s.max(c))) else {
            continue;
        };
        t.found += 1;
        all.found += 1;
        let e = &listed[k];
        let p = &e.pair;
        if !p.direction.known() {
            t.unknown += 1;
            all.unknown += 1;
        } else if p.a == s {
            t.right += 1;
            all.right += 1;
        } else {
            t.wrong += 1;
            all.wrong += 1;
            if shown < show {
                shown += 1;
                let why = match e.via {
                    Via::Aligned(r) | Via::Representatives(r) => {
                        copycat::export::rank::why(&arts, &ranking, &ranking.pairs[r])
                    }
                    Via::Family(_) => p.direction.as_str().to_string(),
                };
                println!(
                    "  wrong {kind}: {} → {} ({why})",
                    arts[p.a].file_name(),
                    arts[p.b].file_name()
                );
            }
        }
    }
    report(&tally, &all);
}

fn report(tally: &BTreeMap<String, Tally>, all: &Tally) {
    let line = |name: &str, t: &Tally| {
        println!(
            "{name:<16} {:>4} pairs  {:>4} found  {:>4} right  {:>4} wrong  {:>4} unknown   wrong/found {:.3}",
            t.pairs,
            t.found,
            t.right,
            t.wrong,
            t.unknown,
            t.wrong as f64 / t.found.max(1) as f64
        );
    };
    for (k, t) in tally {
        line(k, t);
    }
    line("all", all);
}

/// The same figures from another binary's `rank --format json`.
fn with_binary(dir: &std::path::Path, bin: &str) {
    let out = std::process::Command::new(bin)
        .arg("rank")
        .arg(dir)
        .args(["--format", "json"])
        .output()
        .expect("the binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ranked: serde_json::Value = serde_json::from_slice(&out.stdout).expect("rank JSON");
    let name = |p: &serde_json::Value| {
        std::path::Path::new(p.as_str().unwrap_or_default())
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let families: Vec<Vec<String>> = ranked["families"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .map(|f| {
                    std::iter::once(name(&f["representative"]))
                        .chain(
                            f["members"]
                                .as_array()
                                .into_iter()
                                .flatten()
                                .map(|m| name(&m["path"])),
                        )
                        .collect()
                })
                .collect()
        })
        .unwrap_or_default();
    // (a, b) → known direction (a the source), for every pair listed.
    let mut listed: HashMap<(String, String), Option<bool>> = HashMap::new();
    let mut put = |x: &str, y: &str, known: bool| {
        let k = if x < y {
            (x.to_string(), y.to_string())
        } else {
            (y.to_string(), x.to_string())
        };
        // Some(true): the first of the key is the source.
        listed.insert(k.clone(), known.then_some(k.0 == x));
    };
    for p in ranked["pairs"].as_array().expect("pairs[]") {
        let side = |path: &str, fam: &str| match p[fam].as_u64() {
            Some(f) => families[f as usize].clone(),
            None => vec![name(&p[path])],
        };
        let known = p["direction"] != "unknown";
        for x in side("a", "a_family") {
            for y in side("b", "b_family") {
                put(&x, &y, known);
            }
        }
    }
    for f in &families {
        for (i, x) in f.iter().enumerate() {
            for y in &f[i + 1..] {
                put(x, y, false);
            }
        }
    }
    let truth: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("truth.json")).expect("truth.json"))
            .expect("truth.json parses");
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let mut all = Tally::default();
    for d in truth["directed"].as_array().expect("directed[]") {
        let kind = d["kind"].as_str().unwrap_or("?").to_string();
        let (s, c) = (
            d["source"].as_str().unwrap_or_default(),
            d["copy"].as_str().unwrap_or_default(),
        );
        let t = tally.entry(kind).or_default();
        t.pairs += 1;
        all.pairs += 1;
        let k = if s < c {
            (s.to_string(), c.to_string())
        } else {
            (c.to_string(), s.to_string())
        };
        let Some(dir) = listed.get(&k) else {
            continue;
        };
        t.found += 1;
        all.found += 1;
        match dir {
            None => {
                t.unknown += 1;
                all.unknown += 1;
            }
            Some(first) if *first == (k.0 == s) => {
                t.right += 1;
                all.right += 1;
            }
            Some(_) => {
                t.wrong += 1;
                all.wrong += 1;
            }
        }
    }
    report(&tally, &all);
}
