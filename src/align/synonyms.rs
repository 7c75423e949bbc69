//! Synonyms: words a paraphrase puts in place of the original's.
//!
//! The table is WordNet 3.0's (Princeton University; the WordNet licence
//! allows use and redistribution with its notice), as packaged by the
//! `thesaurus-wordnet` crate (MIT) and compiled by `build.rs` into sorted
//! Snowball stems of single-word lemmas, each with the stems of its
//! synonyms among its most frequent senses. It is part of the binary: no
//! file is read and nothing is parsed at run time beyond the few bytes a
//! lookup touches.

use std::sync::OnceLock;

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/synonyms.bin"));

/// The table as laid out by `build.rs`: stems, then offsets, then relations.
struct Table {
    /// Byte offset of each stem in `TABLE` (and one past the last).
    stems: Vec<u32>,
    /// Start of the offsets array in `TABLE`.
    offsets_at: usize,
    /// Start of the relation list in `TABLE`.
    list_at: usize,
}

fn u32_at(at: usize) -> u32 {
    let b = &TABLE[at..at + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let n = u32_at(0) as usize;
        let mut stems = Vec::with_capacity(n + 1);
        let mut at = 4;
        stems.push(at as u32);
        for _ in 0..n {
            at += TABLE[at..].iter().position(|&c| c == b'\n').unwrap_or(0) + 1;
            stems.push(at as u32);
        }
        Table {
            stems,
            offsets_at: at,
            list_at: at + 4 * (n + 1),
        }
    })
}

impl Table {
    fn len(&self) -> usize {
        self.stems.len() - 1
    }

    fn stem(&self, i: usize) -> &'static [u8] {
        &TABLE[self.stems[i] as usize..self.stems[i + 1] as usize - 1]
    }

    fn find(&self, stem: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = (lo + hi) / 2;
            match self.stem(mid).cmp(stem.as_bytes()) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(mid),
            }
        }
        None
    }

    fn related(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let (s, e) = (
            u32_at(self.offsets_at + 4 * i) as usize,
            u32_at(self.offsets_at + 4 * (i + 1)) as usize,
        );
        (s..e).map(move |k| u32_at(self.list_at + 4 * k) as usize)
    }
}

/// The WordNet entry of a stem, if it has synonyms.
pub fn entry(stem: &str) -> Option<u32> {
    table().find(stem).map(|i| i as u32)
}

/// The entries related to an entry.
pub fn related(entry: u32) -> impl Iterator<Item = u32> {
    table().related(entry as usize).map(|i| i as u32)
}

/// The stem of an entry (for tests and debugging).
#[cfg(test)]
pub fn stem_of(entry: u32) -> &'static str {
    std::str::from_utf8(table().stem(entry as usize)).unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn syns(stem: &str) -> Vec<&'static str> {
        entry(stem)
            .map(|e| related(e).map(stem_of).collect())
            .unwrap_or_default()
    }

    #[test]
    fn common_synonyms_are_related_both_ways() {
        assert!(syns("larg").contains(&"big"), "{:?}", syns("larg"));
        assert!(syns("big").contains(&"larg"));
        assert!(syns("begin").contains(&"start"), "{:?}", syns("begin"));
        assert!(entry("zzzqx").is_none());
    }
}
