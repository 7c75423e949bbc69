//! Words → comparable tokens.
//!
//! Two outlets writing up the same wire copy differ in case, quote style,
//! British or American spelling, inflection (`finalising`/`finalized`) and
//! numerals (`nine`/`9`). A token keeps two forms: `norm`, the word as a reader
//! would call it the same word (case, quotes, spelling folded), used for the
//! word-level diff; and `stem`, its Snowball stem, used to find paraphrase.

use rustc_hash::FxHashMap as HashMap;

use rust_stemmers::{Algorithm, Stemmer};

/// Verbs that attribute speech (`said`, `according to`): the name next to
/// one speaks (`drift`), and a sentence with one reports someone's words
/// (`align`'s evidence of reuse).
pub const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "stated",
    "posted",
    "tweeted",
    "acknowledged",
    "asked",
    "argued",
    "noted",
    "warned",
    "explained",
    "claimed",
    "insisted",
    "recalled",
    "replied",
    "urged",
    "declared",
    "announced",
    "according",
    "reported",
];

/// Function words: they carry syntax, not content, and every sentence shares them.
const STOPWORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "even",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "per",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "said",
    "says",
    "say",
    "according",
    "reportedly",
    "also",
    "still",
    "since",
    "though",
    "although",
    "whether",
    "s",
    "t",
    "d",
    "ll",
    "re",
    "ve",
    "m",
];

/// Number words folded to digits, so `nine points` matches `9 points`.
const NUMBERS: &[(&str, &str)] = &[
    ("zero", "0"),
    ("one", "1"),
    ("two", "2"),
    ("three", "3"),
    ("four", "4"),
    ("five", "5"),
    ("six", "6"),
    ("seven", "7"),
    ("eight", "8"),
    ("nine", "9"),
    ("ten", "10"),
    ("eleven", "11"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("hundred", "100"),
    ("thousand", "1000"),
    ("million", "1000000"),
    ("billion", "1000000000"),
];

/// British spellings whose American form differs by more than a suffix rule.
const SPELLINGS: &[(&str, &str)] = &[
    ("sceptic", "skeptic"),
    ("defence", "defense"),
    ("offence", "offense"),
    ("licence", "license"),
    ("centre", "center"),
    ("theatre", "theater"),
    ("metre", "meter"),
    ("programme", "program"),
    ("grey", "gray"),
    ("cheque", "check"),
    ("tyre", "tire"),
    ("jewellery", "jewelry"),
    ("manoeuvre", "maneuver"),
    ("aluminium", "aluminum"),
    ("kerb", "curb"),
];

/// A word as two comparable forms (interned ids).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    /// Case-, quote- and spelling-folded word: "the same word" for the diff.
    pub norm: u32,
    /// Snowball stem of `norm`: "the same word family" for similarity.
    pub stem: u32,
    /// False for function words.
    pub content: bool,
}

/// Turns words into tokens, interning both forms so that two articles
/// tokenized by one `Tokenizer` share ids.
///
/// One tokenizer may serve many alignments (a ranking aligns thousands of
/// pairs on each thread): stemming each distinct word once is most of the
/// cost of tokenizing. Each alignment then numbers its ids afresh
/// ([`Tokenizer::start_local`]), so that what it computes never depends on
/// what the tokenizer saw before.
pub struct Tokenizer {
    stemmer: Stemmer,
    ids: HashMap<String, u32>,
    /// The interned strings by id (stems carry a `\u{1}` prefix).
    names: Vec<String>,
    cache: HashMap<String, Token>,
    /// While set, ids are renumbered from 0 in order of first use.
    local: Option<Local>,
    /// The last alignment's `Local`, kept between alignments so that the
    /// next one clears the entries it gave out rather than a list the size
    /// of the whole vocabulary (which grows across a corpus).
    spare: Local,
}

/// No local id given (see `Local::to_local`).
const NO_ID: u32 = u32::MAX;

/// Longest word, in bytes of its folded form, that is stemmed. English words
/// run to about 30 letters (45 for the longest in a dictionary); a token
/// past this is no word the stemmer knows, and is compared as it is.
pub const MAX_STEMMED_BYTES: usize = 64;

/// Ids renumbered for one alignment: from the tokenizer's own to local ones
/// and back.
#[derive(Default)]
struct Local {
    /// By global id (dense, so a list rather than a map: every word of
    /// every sentence looks up two); `NO_ID` where none is given yet.
    to_local: Vec<u32>,
    to_global: Vec<u32>,
}

impl Default for Tokenizer {
    fn default() -> Self {
        Self::new()
    }
}

impl Tokenizer {
    /// A tokenizer with an empty vocabulary.
    pub fn new() -> Self {
        Tokenizer {
            stemmer: Stemmer::create(Algorithm::English),
            ids: HashMap::default(),
            names: Vec::new(),
            cache: HashMap::default(),
            local: None,
            spare: Local::default(),
        }
    }

    /// From now on hand out ids numbered from 0 in order of first use (norm
    /// before stem, word by word): exactly the ids a new tokenizer would give
    /// the same words in the same order, while the stems already computed
    /// are kept.
    pub fn start_local(&mut self) {
        let mut l = self
            .local
            .take()
            .unwrap_or_else(|| std::mem::take(&mut self.spare));
        // Only the entries given out are cleared: the list spans the
        // tokenizer's whole vocabulary, an alignment a part of it.
        for &g in &l.to_global {
            l.to_local[g as usize] = NO_ID;
        }
        l.to_global.clear();
        self.local = Some(l);
    }

    /// Back to the tokenizer's own ids.
    pub fn end_local(&mut self) {
        if let Some(l) = self.local.take() {
            self.spare = l;
        }
    }

    /// The token of one word as it appears in text.
    pub fn token(&mut self, word: &str) -> Token {
        let t = self.global_token(word);
        match &mut self.local {
            None => t,
            Some(l) => {
                let mut id = |g: u32| {
                    if l.to_local.len() <= g as usize {
                        l.to_local.resize(g as usize + 1, NO_ID);
                    }
                    let local = &mut l.to_local[g as usize];
                    if *local == NO_ID {
                        *local = u32::try_from(l.to_global.len()).unwrap_or(u32::MAX);
                        l.to_global.push(g);
                    }
                    *local
                };
                let norm = id(t.norm);
                let stem = id(t.stem);
                Token { norm, stem, ..t }
            }
        }
    }

    fn intern(&mut self, s: &str) -> u32 {
        if let Some(&id) = self.ids.get(s) {
            return id;
        }
        let id = u32::try_from(self.ids.len()).unwrap_or(u32::MAX);
        self.ids.insert(s.to_string(), id);
        self.names.push(s.to_string());
        id
    }

    /// The stem an id of `Token::stem` stands for (a local id while
    /// [`Tokenizer::start_local`] is in force).
    pub fn stem_text(&self, id: u32) -> &str {
        let id = match &self.local {
            Some(l) => l.to_global.get(id as usize).copied().unwrap_or(u32::MAX),
            None => id,
        };
        self.names
            .get(id as usize)
            .map_or("", |s| s.trim_start_matches('\u{1}'))
    }

    /// One past the largest id handed out (of the local ids while
    /// [`Tokenizer::start_local`] is in force).
    pub fn id_count(&self) -> usize {
        match &self.local {
            Some(l) => l.to_global.len(),
            None => self.names.len(),
        }
    }

    fn global_token(&mut self, word: &str) -> Token {
        if let Some(t) = self.cache.get(word) {
            return *t;
        }
        let norm = normalize(word);
        // Contractions (`didn't`, `isn't`) are function words too.
        let content = !is_stopword(&norm) && !norm.ends_with("n't") && norm.chars().count() > 1
            || norm.chars().any(|c| c.is_ascii_digit());
        // A token longer than any word of a language (a run of letters with
        // no space, a pasted hash) is its own stem: the Snowball prelude
        // copies the word once for each `y` it marks, so stemming it would
        // cost the square of its length.
        let stem = if norm.chars().any(|c| c.is_ascii_digit()) || norm.len() > MAX_STEMMED_BYTES {
            norm.clone()
        } else {
            self.stemmer.stem(&norm).into_owned()
        };
        let t = Token {
            norm: self.intern(&norm),
            stem: self.intern(&format!("\u{1}{stem}")),
            content,
        };
        self.cache.insert(word.to_string(), t);
        t
    }
}

/// Whether `w` is one of [`STOPWORDS`]: a set built once, not a scan of
/// the list for every new word.
fn is_stopword(w: &str) -> bool {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::OnceLock::new();
    SET.get_or_init(|| STOPWORDS.iter().copied().collect())
        .contains(w)
}

/// Fold a word to the form two careful readers would agree is the same word.
pub fn normalize(word: &str) -> String {
    // `US` and `U.S` are the country, never the pronoun `us` (a stopword).
    if word == "US" || word == "U.S" {
        return "usa".to_string();
    }
    // A word hyphenated at a line end (`exam-\nple`) or holding soft hyphens
    // is the word without them.
    let joined: String;
    let word = if word.contains(['\n', '\u{ad}']) {
        joined = word
            .chars()
            .filter(|&c| c != '\u{ad}' && !(c == '-' || c.is_whitespace()))
            .collect();
        joined.as_str()
    } else {
        word
    };
    let mut w: String = word
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' | '´' | 'ʼ' => '\'',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    // Possessive and contracted forms carry no content of their own.
    for suffix in ["'s", "'"] {
        if w.len() > suffix.len() + 1 && w.ends_with(suffix) {
            w.truncate(w.len() - suffix.len());
            break;
        }
    }
    // Dotted acronyms: U.S → us, U.K → uk.
    if w.contains('.') && w.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        w.retain(|c| c != '.');
    }
    if let Some((_, d)) = NUMBERS.iter().find(|(k, _)| *k == w) {
        return (*d).to_string();
    }
    if w.contains(',') && w.chars().all(|c| c.is_ascii_digit() || c == ',') {
        w.retain(|c| c != ',');
    }
    american(w)
}

/// British → American spelling, by table and by the regular -ise/-our/-yse rules.
fn american(mut w: String) -> String {
    for (gb, us) in SPELLINGS {
        if let Some(rest) = w.strip_prefix(gb) {
            return format!("{us}{rest}");
        }
    }
    // -ise/-isation family: finalising → finalizing, organisation → organization.
    // Applied to both articles alike, so a rare false fold (`promise`) is harmless.
    if w.len() >= 6 {
        for (gb, us) in [
            ("isation", "ization"),
            ("ising", "izing"),
            ("ised", "ized"),
            ("ises", "izes"),
            ("ise", "ize"),
            ("yse", "yze"),
            ("ysing", "yzing"),
            ("ysed", "yzed"),
        ] {
            if w.ends_with(gb) {
                w.truncate(w.len() - gb.len());
                w.push_str(us);
                return w;
            }
        }
        // -our → -or (colour, favour, labour), not short words (four, hour, your).
        for (gb, us) in [
            ("ours", "ors"),
            ("our", "or"),
            ("oured", "ored"),
            ("ouring", "oring"),
        ] {
            if w.ends_with(gb) {
                w.truncate(w.len() - gb.len());
                w.push_str(us);
                return w;
            }
        }
        // travelled → traveled, cancelling → canceling.
        for (gb, us) in [("elled", "eled"), ("elling", "eling")] {
            if w.ends_with(gb) {
                w.truncate(w.len() - gb.len());
                w.push_str(us);
                return w;
            }
        }
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spelling_and_case_fold() {
        assert_eq!(normalize("Finalising"), "finalizing");
        assert_eq!(normalize("scepticism"), "skepticism");
        assert_eq!(normalize("Trump’s"), "trump");
        assert_eq!(normalize("U.S"), "usa");
        assert_eq!(normalize("US"), "usa");
        assert_eq!(normalize("us"), "us");
        assert_eq!(normalize("U.K"), "uk");
        assert_eq!(normalize("Nine"), "9");
        assert_eq!(normalize("colour"), "color");
        assert_eq!(normalize("four"), "4");
        assert_eq!(normalize("900,000"), "900000");
        assert_eq!(normalize("exam-\nple"), "example");
        assert_eq!(normalize("hy\u{ad}phen"), "hyphen");
    }

    #[test]
    fn local_ids_are_the_ids_of_a_new_tokenizer() {
        let words = [
            "The", "talks", "resumed", "the", "Talks", "resume", "in", "Geneva",
        ];
        let mut fresh = Tokenizer::new();
        let want: Vec<Token> = words.iter().map(|w| fresh.token(w)).collect();
        let mut used = Tokenizer::new();
        for w in ["Geneva", "resume", "zebra", "in"] {
            used.token(w);
        }
        used.start_local();
        let got: Vec<Token> = words.iter().map(|w| used.token(w)).collect();
        assert_eq!(got, want);
        assert_eq!(used.stem_text(got[1].stem), "talk");
        used.end_local();
        assert_eq!(used.token("zebra").norm, 4);
        let talks = used.token("talks").stem;
        assert_eq!(used.stem_text(talks), "talk");
        // A second alignment on the same tokenizer (its list of the first
        // one's ids kept and cleared) numbers afresh too.
        used.start_local();
        used.token("zebra");
        used.end_local();
        used.start_local();
        let again: Vec<Token> = words.iter().map(|w| used.token(w)).collect();
        assert_eq!(again, want);
        used.end_local();
    }

    #[test]
    fn stems_join_inflections_and_stopwords_are_not_content() {
        let mut t = Tokenizer::new();
        assert_eq!(t.token("finalising").stem, t.token("finalized").stem);
        assert_ne!(t.token("finalising").norm, t.token("finalized").norm);
        assert!(!t.token("the").content);
        assert!(t.token("Witkoff").content);
        assert!(t.token("28").content);
    }

    #[test]
    fn tokens_past_the_longest_word_are_their_own_stem() {
        let mut t = Tokenizer::new();
        // At the cap a word is stemmed (its `-ings` goes); one byte past it,
        // it is compared as it is.
        let at = format!("{}ings", "b".repeat(MAX_STEMMED_BYTES - 4));
        let past = format!("{}ings", "b".repeat(MAX_STEMMED_BYTES - 3));
        let stem_at = t.token(&at).stem;
        assert_ne!(t.stem_text(stem_at), at);
        let stem_past = t.token(&past).stem;
        assert_eq!(t.stem_text(stem_past), past);
    }
}
