//! Sentence fingerprints for the archive: [`crate::corpus::fingerprint`]'s
//! rules (the same sentences as `rank` sees), with each stem keyed by a
//! stable hash of its text, the same on every machine and in every release,
//! because the index keeps the keys on disk and the distributed job compares
//! keys made by different processes.

use xxhash_rust::xxh3::{xxh3_64, xxh3_128};

use crate::article::Article;
pub use crate::corpus::fingerprint::{Fingerprint, Fingerprinter, MIN_STEMS};

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

thread_local! {
    /// Each thread's fingerprinter, kept across calls.
    static FINGERPRINTER: std::cell::RefCell<Fingerprinter> =
        std::cell::RefCell::new(Fingerprinter::new(stem_key));
}

/// [`Fingerprinter::sentences`] with the calling thread's fingerprinter.
pub fn sentences(art: &Article) -> Vec<Fingerprint> {
    FINGERPRINTER.with(|f| f.borrow_mut().sentences(art, None))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::tokens::Tokenizer;

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
    fn sentences_are_corpus_fingerprints_with_stable_keys() {
        // The rules are corpus::fingerprint's (tested there); the keys are
        // the stable ones, which the index keeps on disk.
        let a = Article::parse("a.txt", b"Talks resumed in Geneva on Tuesday.".to_vec());
        let mut tok = Tokenizer::new();
        let t = tok.token("Geneva");
        let geneva = stem_key(tok.stem_text(t.stem));
        assert_eq!(sentences(&a).len(), 1);
        assert!(sentences(&a)[0].1.contains(&geneva));
    }
}
