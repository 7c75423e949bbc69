//! Compiles every article under `articles/` into the binary, so that `copycat`
//! with no arguments works from any directory; and WordNet's synonyms into a
//! table of related word stems (see `src/align/synonyms.rs`).

use std::collections::{BTreeMap, BTreeSet};
use std::{env, fs, path::Path};

fn main() {
    bundle_articles();
    synonym_table();
}

/// Synonyms kept per word, most frequent senses first: WordNet lists a
/// common word's senses by frequency, and its rare senses (`get` for
/// `beget`, `a` for `adenine`) link words no reader would call the same.
const SYNONYMS_PER_WORD: usize = 12;

/// Writes `synonyms.bin` to OUT_DIR: the sorted, distinct stems of
/// single-word WordNet lemmas, then for each the stems it is a synonym of.
///
/// Layout (little-endian u32s after the text): `n`, then `n` stems each
/// ended by `\n`, then `n + 1` offsets into the relation list, then the
/// relation list (stem indices).
fn synonym_table() {
    let stemmer = rust_stemmers::Stemmer::create(rust_stemmers::Algorithm::English);
    let stem = |w: &str| stemmer.stem(w).into_owned();
    let plain = |w: &str| w.len() > 2 && w.chars().all(|c| c.is_ascii_lowercase());
    let mut rel: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for line in thesaurus_wordnet::uncompress().lines() {
        let mut parts = line.split('|');
        let Some(word) = parts.next() else { continue };
        if !plain(word) {
            continue;
        }
        let w = stem(word);
        let syns: Vec<String> = parts
            .filter(|s| plain(s))
            .map(stem)
            .filter(|s| *s != w)
            .take(SYNONYMS_PER_WORD)
            .collect();
        for s in syns {
            rel.entry(w.clone()).or_default().insert(s.clone());
            rel.entry(s).or_default().insert(w.clone());
        }
    }
    let stems: Vec<&String> = rel.keys().collect();
    let index: BTreeMap<&String, u32> = stems
        .iter()
        .enumerate()
        .map(|(i, s)| (*s, i as u32))
        .collect();
    let mut out: Vec<u8> = Vec::new();
    out.extend((stems.len() as u32).to_le_bytes());
    for s in &stems {
        out.extend(s.as_bytes());
        out.push(b'\n');
    }
    let mut offsets = vec![0u32];
    let mut list: Vec<u32> = Vec::new();
    for s in &stems {
        list.extend(rel[*s].iter().map(|t| index[t]));
        offsets.push(list.len() as u32);
    }
    for x in offsets.iter().chain(&list) {
        out.extend(x.to_le_bytes());
    }
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("synonyms.bin");
    fs::write(dest, out).expect("OUT_DIR is writable");
}

fn bundle_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut names: Vec<String> = fs::read_dir(&dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .filter(|e| e.path().is_file())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".txt") || n.ends_with(".md"))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut out = String::from("&[\n");
    for n in &names {
        let p = dir.join(n);
        out.push_str(&format!(
            "    ({n:?}, include_bytes!({:?})),\n",
            p.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("bundled.rs");
    fs::write(dest, out).expect("OUT_DIR is writable");
}
