//! Sentence fingerprints: each body sentence as the sorted set of its
//! stemmed content words, each stem a 63-bit key.
//!
//! The rules are those of `corpus::candidates` (the aligner's own tokens;
//! body sentences only; at least [`MIN_STEMS`] distinct stems), so that the
//! index, the distributed job and `rank` see the same sentences: a test
//! checks that the counts agree with `corpus::candidates` on a generated
//! corpus. The keys differ from `corpus`'s (which only need to be the same
//! within one process): they are a stable hash of the stem's text, the same
//! on every machine and in every release, because the index keeps them on
//! disk and the distributed job compares keys made by different processes.

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::align::tokens::Tokenizer;
use crate::article::Article;

/// A sentence needs this many distinct content stems to be evidence (as in
/// `corpus::candidates`: shorter ones are found in independent reports
/// alike).
pub const MIN_STEMS: usize = 3;

/// The key of a stem: 63 bits, so that it is a non-negative `bigint` in
/// Spark and Parquet, never 0 (0 marks "not computed yet" in the cache).
pub fn stem_key(stem: &str) -> u64 {
    (xxh3_64(stem.as_bytes()) >> 1) | 1
}

/// The hash of a file's bytes: whether an article changed since it was
/// indexed.
pub fn content_hash(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// Turns articles into sentence fingerprints. Keeps a tokenizer and the
/// key of each of its stem ids across articles: stemming each distinct word
/// once is most of the cost.
pub struct Fingerprinter {
    tok: Tokenizer,
    keys: Vec<u64>,
}

impl Default for Fingerprinter {
    fn default() -> Self {
        Self::new()
    }
}

impl Fingerprinter {
    /// A fingerprinter with an empty cache.
    pub fn new() -> Self {
        Fingerprinter {
            tok: Tokenizer::new(),
            keys: Vec::new(),
        }
    }

    fn stem(&mut self, word: &str) -> Option<u64> {
        let t = self.tok.token(word);
        if !t.content {
            return None;
        }
        let id = t.stem as usize;
        if id >= self.keys.len() {
            self.keys.resize(id + 1, 0);
        }
        if self.keys[id] == 0 {
            self.keys[id] = stem_key(self.tok.stem_text(t.stem));
        }
        Some(self.keys[id])
    }

    /// Each body sentence with enough stems, in reading order, as its index
    /// among the article's sentences and its sorted, distinct stem keys.
    pub fn sentences(&mut self, art: &Article) -> Vec<(usize, Vec<u64>)> {
        let mut out = Vec::new();
        for (i, s) in art.sentences.iter().enumerate() {
            if !s.role.compared() {
                continue;
            }
            let mut set: Vec<u64> = s
                .words
                .into_iter()
                .filter_map(|w| self.stem(art.word_text(w)))
                .collect();
            set.sort_unstable();
            set.dedup();
            if set.len() >= MIN_STEMS {
                out.push((i, set));
            }
        }
        out
    }
}

thread_local! {
    /// Each thread's fingerprinter, kept across calls.
    static FINGERPRINTER: std::cell::RefCell<Fingerprinter> =
        std::cell::RefCell::new(Fingerprinter::new());
}

/// [`Fingerprinter::sentences`] with the calling thread's fingerprinter.
pub fn sentences(art: &Article) -> Vec<(usize, Vec<u64>)> {
    FINGERPRINTER.with(|f| f.borrow_mut().sentences(art))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_stable_positive_and_nonzero() {
        // Fixed values: an index written by one build is read by the next.
        assert_eq!(stem_key("talk"), stem_key("talk"));
        assert_ne!(stem_key("talk"), stem_key("talks"));
        for s in ["", "a", "talk", "genev", "ünïcode"] {
            let k = stem_key(s);
            assert!(k != 0 && k <= i64::MAX as u64, "{s}: {k}");
        }
        assert_eq!(stem_key("talk"), (xxh3_64(b"talk") >> 1) | 1);
    }

    #[test]
    fn sentences_hold_content_stems_only() {
        let a = Article::parse(
            "a.txt",
            b"Talks resumed in Geneva on Tuesday after a long pause. Smith resigned. \
              The minister met union leaders for six hours."
                .to_vec(),
        );
        let s = sentences(&a);
        // "Smith resigned." has two stems: too few.
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].0, 0);
        assert_eq!(s[1].0, 2);
        let mut tok = Tokenizer::new();
        let mut key = |w: &str| {
            let t = tok.token(w);
            stem_key(tok.stem_text(t.stem))
        };
        assert!(s[0].1.contains(&key("Geneva")));
        assert!(s[0].1.contains(&key("resumed")));
        assert!(!s[0].1.contains(&key("the")));
        assert!(s.iter().all(|(_, k)| k.windows(2).all(|w| w[0] < w[1])));
    }
}
