//! `copycat rank` as text and as JSON: the pairs that share text, the
//! reprint families, why each pair is oriented as it is, and who took from
//! whom. `docs/json.md` describes the JSON field by field.

use std::fmt::Write as _;

use serde::Serialize;

use super::report::{Span, VERSION, round3};
use crate::article::{Article, Sentences, safe_line};
use crate::corpus::{self, ArticlePair, Family, Pair, Ranking, Source, Via, provenance};
use crate::marks::{count, pct};

/// What to write besides the ranked pairs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Options<'c> {
    /// List every pair of articles the ranking stands for: members of
    /// families with the figures of their representatives' pair, and the
    /// pairs inside each family ([`corpus::expand`]).
    pub expand: bool,
    /// The paths of the common texts the pairs were aligned with
    /// (`rank --common`), to say that what they share was set apart.
    pub common: &'c [String],
}

/// What `copycat rank --format json` prints.
#[derive(Debug, Serialize)]
pub struct RankReport<'a> {
    /// The report format's version ([`VERSION`]).
    pub version: u32,
    /// How many pairs there were, were proposed, were aligned, share text.
    pub summary: RankSummary,
    /// Reprint families, largest first: articles that are one text give or
    /// take a byline, a dateline or a paragraph, each aligned once through
    /// its representative.
    pub families: Vec<FamilyOut<'a>>,
    /// Pairs that share text, highest score first; a side that is a
    /// family's representative stands for the whole family.
    pub pairs: Vec<RankedPair<'a>>,
    /// With `--expand`: every pair of articles the ranking stands for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expanded: Option<Vec<ExpandedPair<'a>>>,
    /// Every article, in the order given, with its likely sources.
    pub articles: Vec<RankedArticle<'a>>,
}

/// What a ranking covered: which pairs were looked at, and how.
#[derive(Debug, Serialize)]
pub struct RankSummary {
    /// Articles ranked.
    pub articles: usize,
    /// Pairs of articles in all, `n (n - 1) / 2`.
    pub all_pairs: usize,
    /// Reprint families (of two articles or more).
    pub families: usize,
    /// Articles in those families, representatives included.
    pub in_families: usize,
    /// Articles aligned: representatives and articles without a reprint.
    pub units: usize,
    /// Pairs proposed for alignment: every pair of units for small corpora
    /// (see `exhaustive`), else the pairs with sentences that may be reused.
    pub candidates: usize,
    /// Pairs aligned: the candidates, up to the `--max-pairs` limit.
    pub aligned: usize,
    /// Pairs that share text: those listed in `pairs`.
    pub shared: usize,
    /// Pairs of articles those stand for, and the pairs inside families.
    pub article_pairs: usize,
    /// Whether every pair of units was aligned.
    pub exhaustive: bool,
    /// The common texts every pair was aligned with (`--common`): what
    /// both sides have from one of them is set apart, not counted.
    pub common: Vec<String>,
}

/// A reprint family.
#[derive(Debug, Serialize)]
pub struct FamilyOut<'a> {
    /// Path of the member aligned for the family: the longest.
    pub representative: &'a str,
    /// Number of articles, the representative included.
    pub size: usize,
    /// The other members, each against the representative.
    pub members: Vec<MemberOut<'a>>,
}

/// A member of a family and how it differs from the representative.
#[derive(Debug, Serialize)]
pub struct MemberOut<'a> {
    /// Its path.
    pub path: &'a str,
    /// Share of its body words inside the representative.
    #[serde(serialize_with = "round3")]
    pub in_representative: f64,
    /// Share of the representative's body words inside it.
    #[serde(serialize_with = "round3")]
    pub representative_in: f64,
    /// Its passages (runs of sentences) not in the representative, as byte
    /// ranges of its file.
    pub added: Vec<Span>,
    /// The representative's passages not in it, as byte ranges of the
    /// representative's file.
    pub dropped: Vec<Span>,
    /// Words in `added`.
    pub added_words: usize,
    /// Words in `dropped`.
    pub dropped_words: usize,
    /// Its other words not in the representative: changed or inserted
    /// words in sentences the two share.
    pub changed_words: usize,
}

/// One pair of a ranking, oriented likely source → copy.
#[derive(Debug, Serialize)]
pub struct RankedPair<'a> {
    /// Path of the likely source (the first of the two given when
    /// `direction` is `unknown`).
    pub a: &'a str,
    /// Path of the likely copy.
    pub b: &'a str,
    /// The family A represents (index into `families`), or `null`.
    pub a_family: Option<usize>,
    /// The family B represents, or `null`.
    pub b_family: Option<usize>,
    /// What pairs are ranked by: the larger of `b_in_a` and `a_in_b`.
    #[serde(serialize_with = "round3")]
    pub score: f64,
    /// Share of B's body found in A (copied or reworded).
    #[serde(serialize_with = "round3")]
    pub b_in_a: f64,
    /// Share of A's body found in B.
    #[serde(serialize_with = "round3")]
    pub a_in_b: f64,
    /// Share of B's body in copied links.
    #[serde(serialize_with = "round3")]
    pub copied: f64,
    /// Share of B's body in reworded links.
    #[serde(serialize_with = "round3")]
    pub reworded: f64,
    /// Number of links between the two.
    pub links: usize,
    /// How A was found to be the source: `dates`, `attribution` (B names
    /// A's outlet), `containment` (most of B is in A, clearly more than of
    /// A in B, and B is not a passage of a much longer A), or `unknown`.
    pub direction: &'static str,
    /// When `direction` is `unknown`, what was seen: `same-text` (two
    /// versions of one text), `passage` (a passage of a much longer text)
    /// or `partial`; else `null`.
    pub undecided: Option<&'static str>,
    /// Why, in a sentence: the evidence with its figures.
    pub why: String,
}

/// A pair of articles of `--expand`.
#[derive(Debug, Serialize)]
pub struct ExpandedPair<'a> {
    /// Path of the likely source (or the first when unknown).
    pub a: &'a str,
    /// Path of the likely copy.
    pub b: &'a str,
    /// `aligned` (a ranked pair), `representatives` (members of the
    /// families of ranked pair `pair`, with its figures) or `family` (two
    /// reprints of family `family`, by the reprint test, not aligned).
    pub via: &'static str,
    /// The ranked pair it comes from (index into `pairs`), or `null`.
    pub pair: Option<usize>,
    /// The family both belong to (index into `families`), or `null`.
    pub family: Option<usize>,
    /// As `pairs[].b_in_a`.
    #[serde(serialize_with = "round3")]
    pub b_in_a: f64,
    /// As `pairs[].a_in_b`.
    #[serde(serialize_with = "round3")]
    pub a_in_b: f64,
    /// As `pairs[].direction`.
    pub direction: &'static str,
}

/// One article of a ranking.
#[derive(Debug, Serialize)]
pub struct RankedArticle<'a> {
    /// The path as given.
    pub path: &'a str,
    /// The headline (or the lead shortened).
    pub title: &'a str,
    /// `YYYY-MM-DD`, or `null`.
    pub date: Option<&'a str>,
    /// Its reprint family (index into `families`), or `null`.
    pub family: Option<usize>,
    /// The articles it most likely took text from, the largest share first;
    /// empty for an original. A family's members share their
    /// representative's sources.
    pub likely_sources: Vec<LikelySource<'a>>,
}

/// A likely source of an article.
#[derive(Debug, Serialize)]
pub struct LikelySource<'a> {
    /// Path of the source.
    pub path: &'a str,
    /// Share of the article's body found in the source.
    #[serde(serialize_with = "round3")]
    pub share: f64,
    /// How the direction was decided (as `pairs[].direction`).
    pub direction: &'static str,
}

fn spans(art: &Article, runs: &[Sentences]) -> Vec<Span> {
    runs.iter()
        .map(|&r| art.file_bytes(art.sentences_bytes(r)))
        .collect()
}

/// Why `p` is oriented as it is, in the ranking's terms (a family is one
/// party).
pub fn why(arts: &[Article], r: &Ranking, p: &Pair) -> String {
    provenance::reason(&r.party(arts, p.a), &r.party(arts, p.b), p)
}

fn undecided(p: &Pair) -> Option<&'static str> {
    match p.direction {
        corpus::Direction::Unknown(u) => Some(u.as_str()),
        _ => None,
    }
}

impl<'a> RankReport<'a> {
    /// The report of `ranking` over `arts`.
    pub fn new(arts: &'a [Article], ranking: &Ranking, opts: Options<'_>) -> RankReport<'a> {
        let f = &ranking.families;
        let sources = corpus::sources(arts.len(), &ranking.pairs);
        let family_index = |x: usize| f.of[x].filter(|&k| f.families[k].representative == x);
        RankReport {
            version: VERSION,
            summary: RankSummary {
                articles: ranking.articles,
                all_pairs: ranking.all_pairs,
                families: f.families.len(),
                in_families: f.in_families(),
                units: arts.len() - f.in_families() + f.families.len(),
                candidates: ranking.candidates,
                aligned: ranking.aligned,
                shared: ranking.pairs.len(),
                article_pairs: ranking.article_pairs(),
                exhaustive: ranking.exhaustive,
                common: opts.common.to_vec(),
            },
            families: f.families.iter().map(|fam| family_out(arts, fam)).collect(),
            pairs: ranking
                .pairs
                .iter()
                .map(|p| RankedPair {
                    a: &arts[p.a].path,
                    b: &arts[p.b].path,
                    a_family: family_index(p.a),
                    b_family: family_index(p.b),
                    score: p.score(),
                    b_in_a: p.b_in_a,
                    a_in_b: p.a_in_b,
                    copied: p.copied,
                    reworded: p.reworded,
                    links: p.links,
                    direction: p.direction.as_str(),
                    undecided: undecided(p),
                    why: why(arts, ranking, p),
                })
                .collect(),
            expanded: opts.expand.then(|| {
                corpus::expand(arts, ranking)
                    .into_iter()
                    .map(|e| expanded_out(arts, &e))
                    .collect()
            }),
            articles: arts
                .iter()
                .enumerate()
                .map(|(x, a)| RankedArticle {
                    path: &a.path,
                    title: &a.meta.title,
                    date: a.meta.date.as_deref(),
                    family: f.of[x],
                    likely_sources: sources[f.unit(x)]
                        .iter()
                        .map(|s| LikelySource {
                            path: &arts[s.article].path,
                            share: s.share,
                            direction: ranking.pairs[s.pair].direction.as_str(),
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

fn family_out<'a>(arts: &'a [Article], fam: &Family) -> FamilyOut<'a> {
    let rep = &arts[fam.representative];
    FamilyOut {
        representative: &rep.path,
        size: fam.size(),
        members: fam
            .members
            .iter()
            .map(|m| {
                let l = &m.likeness;
                MemberOut {
                    path: &arts[m.article].path,
                    in_representative: l.x_in_y,
                    representative_in: l.y_in_x,
                    added: spans(&arts[m.article], &l.added),
                    dropped: spans(rep, &l.dropped),
                    added_words: l.added_words,
                    dropped_words: l.dropped_words,
                    changed_words: l.changed_words,
                }
            })
            .collect(),
    }
}

fn expanded_out<'a>(arts: &'a [Article], e: &ArticlePair) -> ExpandedPair<'a> {
    let (via, pair, family) = match e.via {
        Via::Aligned(k) => ("aligned", Some(k), None),
        Via::Representatives(k) => ("representatives", Some(k), None),
        Via::Family(f) => ("family", None, Some(f)),
    };
    ExpandedPair {
        a: &arts[e.pair.a].path,
        b: &arts[e.pair.b].path,
        via,
        pair,
        family,
        b_in_a: e.pair.b_in_a,
        a_in_b: e.pair.a_in_b,
        direction: e.pair.direction.as_str(),
    }
}

/// `copycat rank --format json`.
pub fn json(arts: &[Article], ranking: &Ranking, opts: Options<'_>) -> String {
    super::json::pretty(&RankReport::new(arts, ranking, opts))
}

/// What a ranking covered, in one line: how many pairs there were, how many
/// were proposed and aligned, how many share text, and the reprint families
/// that spared alignments.
pub fn summary(r: &Ranking) -> String {
    let f = &r.families;
    let looked = if r.exhaustive && !f.families.is_empty() {
        // Pairs inside a family are not aligned: "every pair" would be
        // read as every pair of articles.
        format!("every pair of distinct texts aligned ({})", r.aligned)
    } else if r.exhaustive {
        format!("every pair aligned ({})", r.aligned)
    } else if r.aligned < r.candidates {
        format!(
            "{} proposed by shared sentences, the first {} aligned (--max-pairs)",
            r.candidates, r.aligned
        )
    } else {
        format!("{} proposed by shared sentences and aligned", r.candidates)
    };
    let families = if f.families.is_empty() {
        String::new()
    } else {
        format!(
            " ({} in {}, aligned once each)",
            f.in_families(),
            count(f.families.len(), "reprint family", "reprint families")
        )
    };
    let stand = r.article_pairs();
    let stand = if stand == r.pairs.len() {
        String::new()
    } else {
        format!(
            "; with the reprints in families, {} do",
            count(stand, "pair of articles", "pairs of articles")
        )
    };
    format!(
        "{}{families}, {}: {looked}; {} text{stand}",
        count(r.articles, "article", "articles"),
        count(r.all_pairs, "pair", "pairs"),
        count(r.pairs.len(), "pair shares", "pairs share"),
    )
}

/// A unit's path, with `[+N reprints]` for a family's representative.
fn unit_name(arts: &[Article], r: &Ranking, x: usize) -> String {
    let n = r.families.size(x);
    if n > 1 {
        format!(
            "{} [+{}]",
            safe_line(&arts[x].path),
            count(n - 1, "reprint", "reprints")
        )
    } else {
        safe_line(&arts[x].path).into_owned()
    }
}

/// How a member differs from its representative, in words and sentences.
fn differences(l: &corpus::Likeness) -> String {
    let mut bits = Vec::new();
    if !l.added.is_empty() {
        bits.push(format!(
            "+{} ({})",
            count(
                l.added.iter().map(|r| r.len()).sum(),
                "sentence",
                "sentences"
            ),
            count(l.added_words, "word", "words")
        ));
    }
    if !l.dropped.is_empty() {
        bits.push(format!(
            "−{} ({})",
            count(
                l.dropped.iter().map(|r| r.len()).sum(),
                "sentence",
                "sentences"
            ),
            count(l.dropped_words, "word", "words")
        ));
    }
    if l.changed_words > 0 {
        bits.push(format!(
            "{} changed",
            count(l.changed_words, "word", "words")
        ));
    }
    if bits.is_empty() {
        "the same words".to_string()
    } else {
        bits.join(", ")
    }
}

/// `copycat rank` as text: what was covered, one pair a line (highest score
/// first) with why it is oriented so, the reprint families with each
/// member's differences, then who took from whom as an indented tree.
pub fn text(arts: &[Article], r: &Ranking, opts: Options<'_>) -> String {
    let mut s = summary(r);
    if !opts.common.is_empty() {
        let names: Vec<_> = opts.common.iter().map(|p| safe_line(p)).collect();
        let _ = write!(
            s,
            "\nset apart in every pair: what both have from {}",
            names.join(", ")
        );
    }
    s.push_str("\n\n");
    s.push_str("score  b in a  a in b  copied  reworded  links  direction    a → b  (why)\n");
    for p in &r.pairs {
        let _ = writeln!(
            s,
            "{:>5}  {:>6}  {:>6}  {:>6}  {:>8}  {:>5}  {:<11}  {} → {}  ({})",
            pct(p.score()),
            pct(p.b_in_a),
            pct(p.a_in_b),
            pct(p.copied),
            pct(p.reworded),
            p.links,
            p.direction.as_str(),
            unit_name(arts, r, p.a),
            unit_name(arts, r, p.b),
            why(arts, r, p)
        );
    }
    let f = &r.families;
    if !f.families.is_empty() {
        let _ = writeln!(
            s,
            "\nReprint families (each aligned once, through its representative; \
             each member: share of it in the representative, of the representative in it, \
             and what differs)"
        );
        for (k, fam) in f.families.iter().enumerate() {
            let _ = writeln!(
                s,
                "family {}: {} articles, represented by {}",
                k + 1,
                fam.size(),
                safe_line(&arts[fam.representative].path)
            );
            for m in &fam.members {
                let _ = writeln!(
                    s,
                    "  {:>4}  {:>4}  {}: {}",
                    pct(m.likeness.x_in_y),
                    pct(m.likeness.y_in_x),
                    safe_line(&arts[m.article].path),
                    differences(&m.likeness)
                );
            }
        }
    }
    if opts.expand {
        let _ = writeln!(
            s,
            "\nEvery pair of articles (--expand): b in a, a in b, how measured, a → b"
        );
        for e in corpus::expand(arts, r) {
            let how = match e.via {
                Via::Aligned(k) => format!("pair {}", k + 1),
                Via::Representatives(k) => format!("as pair {}", k + 1),
                Via::Family(fi) => format!("family {}", fi + 1),
            };
            let _ = writeln!(
                s,
                "{:>6}  {:>6}  {:<10}  {} → {}",
                pct(e.pair.b_in_a),
                pct(e.pair.a_in_b),
                how,
                safe_line(&arts[e.pair.a].path),
                safe_line(&arts[e.pair.b].path)
            );
        }
    }
    let sources = corpus::sources(arts.len(), &r.pairs);
    let tree = provenance::tree(&sources);
    if !tree.is_empty() {
        s.push_str("\nWho took from whom (share of each article found in the one above it)\n");
        for n in &tree {
            let share = n.source.map_or(String::new(), |src: Source| {
                format!("{:>4}  ", pct(src.share))
            });
            let _ = writeln!(
                s,
                "{}{share}{}",
                "      ".repeat(n.depth),
                unit_name(arts, r, n.article)
            );
        }
    }
    s
}
