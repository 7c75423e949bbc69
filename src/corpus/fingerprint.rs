//! Sentence fingerprints: each body sentence as the sorted set of its
//! stemmed content words, each stem a 64-bit key.
//!
//! One set of rules for every part that matches sentences across a corpus
//! (`corpus::candidates` for `rank`, the archive's index, its `find` and the
//! distributed job): the aligner's own tokens, body sentences only, at least
//! [`MIN_STEMS`] distinct stems. Only the key of a stem differs by use: a
//! quick hash where keys need only agree within one process, a stable one
//! where they are kept on disk or compared between processes
//! (`archive::fingerprint::stem_key`).

use std::hash::{Hash, Hasher};

use rustc_hash::FxHasher;

use crate::align::tokens::Tokenizer;
use crate::article::{Article, Sentences};

/// A sentence needs this many distinct content stems to be evidence: shorter
/// ones (`Smith resigned.`) are found in independent reports alike.
pub const MIN_STEMS: usize = 3;

/// One sentence's fingerprint: its index among the article's sentences and
/// its sorted, distinct stem keys.
pub type Fingerprint = (usize, Vec<u64>);

/// A stem's key within one process: a quick hash of its text, never 0 (0
/// marks "not computed yet" in the cache).
pub fn process_key(stem: &str) -> u64 {
    let mut h = FxHasher::default();
    stem.hash(&mut h);
    h.finish() | 1
}

/// Turns articles into sentence fingerprints. Keeps the aligner's tokenizer
/// and the key of each of its stem ids across articles: stemming each
/// distinct word once is most of the cost.
pub struct Fingerprinter {
    tok: Tokenizer,
    keys: Vec<u64>,
    key: fn(&str) -> u64,
}

impl Fingerprinter {
    /// A fingerprinter with an empty cache whose stems are keyed by `key`
    /// (which must never return 0).
    pub fn new(key: fn(&str) -> u64) -> Self {
        Fingerprinter {
            tok: Tokenizer::new(),
            keys: Vec::new(),
            key,
        }
    }

    /// The key of a word's stem, `None` for function words.
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
            self.keys[id] = (self.key)(self.tok.stem_text(t.stem));
        }
        Some(self.keys[id])
    }

    /// The fingerprint of each body sentence with enough stems (of those in
    /// `only`, when given), in reading order.
    pub fn sentences(&mut self, art: &Article, only: Option<&[Sentences]>) -> Vec<Fingerprint> {
        let mut out = Vec::new();
        for (i, s) in art.sentences.iter().enumerate() {
            if !s.role.compared() || only.is_some_and(|o| !o.iter().any(|r| r.contains(i))) {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_hold_content_stems_only_and_only_those_asked_for() {
        let a = Article::parse(
            "a.txt",
            b"Talks resumed in Geneva on Tuesday after a long pause. Smith resigned. \
              The minister met union leaders for six hours."
                .to_vec(),
        );
        let mut f = Fingerprinter::new(process_key);
        let s = f.sentences(&a, None);
        // "Smith resigned." has two stems: too few.
        assert_eq!(s.iter().map(|x| x.0).collect::<Vec<_>>(), [0, 2]);
        let mut tok = Tokenizer::new();
        let mut key = |w: &str| {
            let t = tok.token(w);
            process_key(tok.stem_text(t.stem))
        };
        assert!(s[0].1.contains(&key("Geneva")));
        assert!(s[0].1.contains(&key("resumed")));
        assert!(!s[0].1.contains(&key("the")));
        assert!(s.iter().all(|(_, k)| k.windows(2).all(|w| w[0] < w[1])));
        let only = [Sentences::new(2, 3)];
        assert_eq!(f.sentences(&a, Some(&only)), vec![s[1].clone()]);
    }
}
