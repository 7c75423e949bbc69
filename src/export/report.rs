//! The JSON contract as types: what `copycat compare --format json` prints,
//! field by field (`rank`'s are in [`super::rank`]).
//!
//! The reports borrow from the articles and the alignment; serializing them
//! is the only place shares and scores are rounded (to three decimals), so the
//! engine keeps full precision. Every offset is a byte offset into the file
//! exactly as stored, so other tools can cut the passages out of the files
//! themselves. `docs/json.md` describes the same fields for readers who do
//! not read Rust.
//!
//! Fields may be added in later versions; none is renamed or removed without
//! raising [`VERSION`].

use serde::{Serialize, Serializer};

use crate::align::{Kind, Link, Passage, WordOp};
use crate::article::{self, Article, FileBytes, TextBytes, Words};
use crate::comparison::{self, Comparison};
use crate::drift::FlagKind;
use crate::side::Side;

/// The version of the report format. Version 1 (copycat 0.1) had no
/// `version` field; version 2 had `rank` pairs as `source`/`copy`/`reuse`
/// and one `likely_source` per article.
pub const VERSION: u32 = 3;

/// A share or score rounded to three decimals for the report.
pub(super) fn round3<S: Serializer>(x: &f64, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64((x * 1000.0).round() / 1000.0)
}

/// What `copycat compare --format json` prints: what B took from A.
#[derive(Debug, Serialize)]
pub struct CompareReport<'a> {
    /// The report format's version ([`VERSION`]).
    pub version: u32,
    /// The earlier article, the possible source.
    pub a: ArticleInfo<'a>,
    /// The later article, the possible copy.
    pub b: ArticleInfo<'a>,
    /// Shares of each article's body words.
    pub stats: StatsOut,
    /// Every passage of B linked to its source in A, in B's reading order.
    pub links: Vec<LinkOut<'a>>,
    /// Reused blocks: runs of links in order on both sides, with gaps of at
    /// most [`crate::align::MAX_PASSAGE_GAP`] unlinked sentences, in B's
    /// reading order. Each link is in exactly one.
    pub passages: Vec<PassageOut>,
    /// Runs of A's body sentences that B left out.
    pub a_dropped: Vec<Sentences>,
    /// Runs of B's body sentences found nowhere in A.
    pub b_new: Vec<Sentences>,
    /// Runs of both that both have from a common text given with
    /// `--common`, set apart instead of linked (in neither `a_dropped` nor
    /// `b_new`); empty without.
    pub set_apart: Vec<SetApartOut<'a>>,
    /// Quotations and facts B changed: altered or reported quotes, numbers
    /// and names replaced inside linked passages.
    pub flags: Vec<FlagOut>,
    /// Limits the aligner met that made the result approximate.
    pub notes: &'a [String],
}

/// One article of a report.
#[derive(Debug, Serialize)]
pub struct ArticleInfo<'a> {
    /// The path as given on the command line (`articles/NAME` when bundled).
    pub path: &'a str,
    /// The headline, or the lead shortened when the article has none.
    pub title: &'a str,
    /// `YYYY-MM-DD`, from the text or the file name; `null` when unknown.
    pub date: Option<&'a str>,
    /// The outlet, when the text or file name says it; else `null`.
    pub outlet: Option<&'a str>,
    /// The byline's names, when there is one; else `null`.
    pub byline: Option<&'a str>,
    /// Size of the file as stored.
    pub bytes: usize,
    /// Words of body text (headline, bylines and boilerplate excluded).
    pub words: usize,
    /// Problems met while decoding the file (invalid UTF-8 and the like).
    pub warnings: &'a [String],
    /// For a saved web page: how its story was read, and anything doubtful
    /// about it, one line each (little of a long page kept, another part of
    /// the page nearly as large, read whole with `--whole-page`); empty
    /// when there is nothing to say.
    pub notes: Vec<String>,
    /// For a saved web page: what was kept of its visible text and prose,
    /// the parts that competed with the story; `null` for other files.
    pub extraction: Option<&'a crate::article::Extraction>,
}

/// Shares of body words, each in [0, 1].
#[derive(Debug, Serialize)]
pub struct StatsOut {
    /// Share of B in copied links.
    #[serde(serialize_with = "round3")]
    pub b_copied: f64,
    /// Share of B in reworded links.
    #[serde(serialize_with = "round3")]
    pub b_reworded: f64,
    /// Share of B in no link and not set apart.
    #[serde(serialize_with = "round3")]
    pub b_new: f64,
    /// Share of A that no link holds, not set apart.
    #[serde(serialize_with = "round3")]
    pub a_dropped: f64,
    /// Share of B in links that moved.
    #[serde(serialize_with = "round3")]
    pub b_moved: f64,
    /// Share of B set apart as what both have from a common text
    /// (`--common`); 0 without.
    #[serde(serialize_with = "round3")]
    pub b_common: f64,
    /// The same share of A.
    #[serde(serialize_with = "round3")]
    pub a_common: f64,
}

/// A byte span of a file as stored, `{"start": first byte, "end": one past
/// the last}`: the article's own type for file bytes, which serializes so.
pub type Span = FileBytes;

/// The span in the file of some of the article's text.
fn span(art: &Article, text: TextBytes) -> Span {
    art.file_bytes(text)
}

/// A run of whole sentences of one article.
#[derive(Debug, Serialize)]
pub struct Sentences {
    /// First byte of the first sentence.
    pub start: usize,
    /// One past the last byte of the last sentence.
    pub end: usize,
    /// Sentence indices `[first, last + 1)` in the article's segmentation,
    /// written `[first, last + 1]`.
    pub sentences: article::Sentences,
    /// The body paragraphs of its first and last sentences, numbered as the
    /// reader and the text and HTML reports number them (`¶1` is 1).
    pub paragraphs: [usize; 2],
}

/// A run of both texts set apart as what both have from a common text.
#[derive(Debug, Serialize)]
pub struct SetApartOut<'a> {
    /// Its sentences in A.
    pub a: Sentences,
    /// Its sentences in B.
    pub b: Sentences,
    /// The common text's path, as given.
    pub source: &'a str,
}

impl Sentences {
    fn of(art: &Article, r: article::Sentences) -> Sentences {
        Sentences::cut(art, r, art.sentences_bytes(r))
    }

    /// Sentences `r` whose reused text is `text`, inside them: a passage
    /// whose first or last sentence holds more than the reuse
    /// (`align::passage::end_at_the_reuse`).
    fn cut(art: &Article, r: article::Sentences, text: TextBytes) -> Sentences {
        let span = span(art, text);
        let (first, last) = comparison::paragraphs(art, r);
        Sentences {
            start: span.start,
            end: span.end,
            sentences: r,
            paragraphs: [first, last],
        }
    }
}

/// One side of a link: its sentences and their text.
#[derive(Debug, Serialize)]
pub struct LinkSide<'a> {
    /// The sentences' span in the file.
    #[serde(flatten)]
    pub span: Sentences,
    /// The passage's normalized text (UTF-8, `\n` line ends).
    pub text: &'a str,
}

/// Share of each side's words the other keeps in the same order.
#[derive(Debug, Serialize)]
pub struct Kept {
    /// Share of A's words kept by B.
    #[serde(serialize_with = "round3")]
    pub a: f64,
    /// Share of B's words found in A.
    #[serde(serialize_with = "round3")]
    pub b: f64,
}

/// One passage of B linked to its source passage in A.
#[derive(Debug, Serialize)]
pub struct LinkOut<'a> {
    /// `copied` (wording kept, light edits) or `reworded`.
    pub kind: Kind,
    /// Similarity of the two sides in [0, 1].
    #[serde(serialize_with = "round3")]
    pub score: f64,
    /// Whether the link is out of the reading order of the other links.
    pub moved: bool,
    /// Share of words kept in order on each side.
    pub kept: Kept,
    /// The share the reader and the text and HTML reports show as "kept in
    /// order": the smaller of `kept.a` and `kept.b`.
    #[serde(serialize_with = "round3")]
    pub kept_in_order: f64,
    /// Index into `passages` of the reused passage it belongs to.
    pub passage: Option<usize>,
    /// The passage in A.
    pub a: LinkSide<'a>,
    /// The passage in B.
    pub b: LinkSide<'a>,
    /// The word-level edits from A's side to B's (unchanged words omitted).
    pub changes: Vec<Change>,
}

/// A change of quotation or fact (see [`crate::drift`]).
#[derive(Debug, Serialize)]
pub struct FlagOut {
    /// `altered_quote`, `reported_quote`, `number` or `name`.
    pub kind: FlagKind,
    /// What changed in A (a quotation, or the replaced words).
    pub a: Span,
    /// What it became in B.
    pub b: Span,
    /// What became what, for a reader.
    pub detail: String,
    /// Index into `links` of the link it is in, if any.
    pub link: Option<usize>,
}

/// A word-level edit inside a link.
#[derive(Debug, Serialize)]
#[serde(tag = "op", rename_all = "lowercase")]
pub enum Change {
    /// Words of A that B does not keep.
    Delete {
        /// The words' span in A.
        a: Span,
    },
    /// Words of B that A does not have.
    Insert {
        /// The words' span in B.
        b: Span,
    },
    /// Words kept word for word but moved to another place in the passage.
    Moved {
        /// Where they are in A.
        a: Span,
        /// Where they are in B.
        b: Span,
    },
}

impl<'a> LinkOut<'a> {
    fn of(a: &'a Article, b: &'a Article, c: &Comparison, i: usize) -> LinkOut<'a> {
        let l: &Link = &c.alignment.links[i];
        let words = |art: &Article, w: &Words| span(art, art.words_bytes(*w));
        let changes = l
            .ops
            .iter()
            .filter_map(|op| match op {
                WordOp::Equal { .. } => None,
                WordOp::Delete { a: w } => Some(Change::Delete { a: words(a, w) }),
                WordOp::Insert { b: w } => Some(Change::Insert { b: words(b, w) }),
                WordOp::Moved { a: x, b: y } => Some(Change::Moved {
                    a: words(a, x),
                    b: words(b, y),
                }),
            })
            .collect();
        LinkOut {
            kind: l.kind,
            score: l.score,
            moved: l.moved,
            kept: Kept {
                a: l.kept_a,
                b: l.kept_b,
            },
            kept_in_order: c.kept(i),
            passage: c
                .alignment
                .passages
                .iter()
                .position(|p| p.links.contains(&i)),
            a: LinkSide {
                span: Sentences::of(a, l.a),
                text: a.text_at(l.a_span),
            },
            b: LinkSide {
                span: Sentences::of(b, l.b),
                text: b.text_at(l.b_span),
            },
            changes,
        }
    }
}

/// A reused block: links that follow each other in order on both sides.
#[derive(Debug, Serialize)]
pub struct PassageOut {
    /// `copied` when most of its linked words are in copied links, else
    /// `reworded`.
    pub kind: Kind,
    /// Mean score of its links, weighted by their words.
    #[serde(serialize_with = "round3")]
    pub score: f64,
    /// Whether most of its linked words are in links that moved.
    pub moved: bool,
    /// Its span in A, first linked sentence to last (gaps included); the
    /// whole of A when it summarises A (`summary_of`). Its bytes end where
    /// the reuse does when a sentence at either end holds more (a page's
    /// sentence glued on by a lost full stop): `start`/`end` may then lie
    /// inside the first or last of its `sentences`.
    pub a: Sentences,
    /// Its span in B, likewise.
    pub b: Sentences,
    /// Indices into `links` of the links it holds, in B's order.
    pub links: Vec<usize>,
    /// The number the reader and the text and HTML reports show it under
    /// (`Passage 2`): passages of two links or more, numbered 1, 2, … in B's
    /// order; `null` for a single link.
    pub number: Option<usize>,
    /// `"a"` or `"b"` when the passage condenses that whole text (a
    /// summary of it), so that its span there is the whole text; else
    /// `null`.
    pub summary_of: Option<&'static str>,
}

impl PassageOut {
    fn of(a: &Article, b: &Article, p: &Passage, number: Option<usize>) -> PassageOut {
        PassageOut {
            number,
            kind: p.kind,
            score: p.score,
            moved: p.moved,
            a: Sentences::cut(a, p.a, p.a_span),
            b: Sentences::cut(b, p.b, p.b_span),
            links: p.links.clone(),
            summary_of: p.summary_of.map(|s| match s {
                Side::A => "a",
                Side::B => "b",
            }),
        }
    }
}

impl<'a> ArticleInfo<'a> {
    fn of(art: &'a Article) -> ArticleInfo<'a> {
        ArticleInfo {
            path: &art.path,
            title: &art.meta.title,
            date: art.meta.date.as_deref(),
            outlet: art.meta.outlet.as_deref(),
            byline: art.meta.byline.as_deref(),
            bytes: art.bytes.len(),
            words: art.body_words(),
            warnings: &art.warnings,
            notes: art.extraction_notes(),
            extraction: art.extraction.as_ref(),
        }
    }
}

impl<'a> CompareReport<'a> {
    /// The report of `c`, the comparison of `b` against `a`.
    pub fn new(a: &'a Article, b: &'a Article, c: &'a Comparison) -> CompareReport<'a> {
        let al = &c.alignment;
        let st = &al.stats;
        CompareReport {
            version: VERSION,
            a: ArticleInfo::of(a),
            b: ArticleInfo::of(b),
            stats: StatsOut {
                b_copied: st.b_copied,
                b_reworded: st.b_reworded,
                b_new: st.b_new,
                a_dropped: st.a_dropped,
                b_moved: st.b_moved,
                b_common: st.b_common,
                a_common: st.a_common,
            },
            links: (0..al.links.len())
                .map(|i| LinkOut::of(a, b, c, i))
                .collect(),
            passages: al
                .passages
                .iter()
                .enumerate()
                .map(|(k, p)| PassageOut::of(a, b, p, c.passage_number(k)))
                .collect(),
            a_dropped: al.a_unlinked.iter().map(|&r| Sentences::of(a, r)).collect(),
            b_new: al.b_unlinked.iter().map(|&r| Sentences::of(b, r)).collect(),
            set_apart: al
                .apart
                .iter()
                .map(|r| SetApartOut {
                    a: Sentences::of(a, r.a),
                    b: Sentences::of(b, r.b),
                    source: &r.source,
                })
                .collect(),
            notes: &al.notes,
            flags: c
                .flags
                .iter()
                .map(|f| FlagOut {
                    kind: f.kind,
                    a: span(a, f.a),
                    b: span(b, f.b),
                    detail: f.detail.clone(),
                    link: f.link,
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::Value;

    use crate::article::load::bundled;
    use crate::comparison::Comparison;

    /// The shapes the contract gives positions (docs/json.md): byte spans
    /// of the files are `{"start", "end"}` objects with nothing else, and
    /// sentence indices `[first, last + 1]` arrays — whatever Rust types
    /// carry them.
    #[test]
    fn positions_keep_their_json_shapes() {
        let arts = bundled();
        let (a, b) = (&arts[2], &arts[1]);
        let c = Comparison::new(a, b);
        let v: Value = serde_json::from_str(&super::super::json::render(a, b, &c)).unwrap();
        let span = |s: &Value, len: usize| {
            let o = s.as_object().expect("a span is an object");
            // (Value sorts keys; their order is `FileBytes`'s own test.)
            let keys: Vec<&str> = o.keys().map(String::as_str).collect();
            assert_eq!(keys, ["end", "start"], "{s}");
            let (x, y) = (s["start"].as_u64().unwrap(), s["end"].as_u64().unwrap());
            assert!(x <= y && y as usize <= len, "{s}");
        };
        let sentences = |s: &Value| {
            let r = s["sentences"].as_array().expect("sentences are an array");
            assert_eq!(r.len(), 2, "{s}");
            assert!(r[0].as_u64().unwrap() < r[1].as_u64().unwrap(), "{s}");
            assert!(s["start"].as_u64().unwrap() <= s["end"].as_u64().unwrap());
        };
        let links = v["links"].as_array().unwrap();
        assert!(!links.is_empty());
        let mut changes = 0;
        for l in links {
            sentences(&l["a"]);
            sentences(&l["b"]);
            for ch in l["changes"].as_array().unwrap() {
                for (side, art) in [("a", a), ("b", b)] {
                    if !ch[side].is_null() {
                        span(&ch[side], art.bytes.len());
                        changes += 1;
                    }
                }
            }
        }
        assert!(changes > 0, "the pair has word changes");
        for p in v["passages"].as_array().unwrap() {
            sentences(&p["a"]);
            sentences(&p["b"]);
        }
        for r in v["a_dropped"]
            .as_array()
            .unwrap()
            .iter()
            .chain(v["b_new"].as_array().unwrap())
        {
            sentences(r);
        }
        for f in v["flags"].as_array().unwrap() {
            span(&f["a"], a.bytes.len());
            span(&f["b"], b.bytes.len());
        }
    }
}
