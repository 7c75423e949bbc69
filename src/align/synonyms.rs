//! Synonyms: words a paraphrase puts in place of the original's.
//!
//! The table is WordNet 3.0's (Princeton University; the WordNet licence
//! allows use and redistribution with its notice), as packaged by the
//! `thesaurus-wordnet` crate (MIT) and compiled by `build.rs` into sorted
//! Snowball stems of single-word lemmas, each with the stems of its
//! synonyms among its most frequent senses. It is part of the binary: no
//! file is read, and a lookup touches only the few entries of its binary
//! search: nothing is parsed or built up front.

static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/synonyms.bin"));

/// The table as laid out by `build.rs`: counts, stem offsets, relation
/// offsets, relations, then the stems' text. Nothing is parsed up front.
struct Table;

fn u32_at(at: usize) -> u32 {
    let b = &TABLE[at..at + 4];
    u32::from_le_bytes([b[0], b[1], b[2], b[3]])
}

impl Table {
    fn len(&self) -> usize {
        u32_at(0) as usize
    }

    fn starts_at(&self) -> usize {
        8
    }

    fn offsets_at(&self) -> usize {
        self.starts_at() + 4 * (self.len() + 1)
    }

    fn list_at(&self) -> usize {
        self.offsets_at() + 4 * (self.len() + 1)
    }

    fn text_at(&self) -> usize {
        TABLE.len() - u32_at(4) as usize
    }

    fn stem(&self, i: usize) -> &'static [u8] {
        let s = u32_at(self.starts_at() + 4 * i) as usize;
        let e = u32_at(self.starts_at() + 4 * (i + 1)) as usize;
        &TABLE[self.text_at() + s..self.text_at() + e]
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
            u32_at(self.offsets_at() + 4 * i) as usize,
            u32_at(self.offsets_at() + 4 * (i + 1)) as usize,
        );
        (s..e).map(move |k| u32_at(self.list_at() + 4 * k) as usize)
    }
}

fn table() -> &'static Table {
    &Table
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
