//! The files of the corpus job on a distributed engine
//! (`scripts/distributed/`), and its two steps that run copycat's library.
//!
//! 1. [`export`] writes a folder's articles and sentences as JSON Lines:
//!    `articles.jsonl` (`doc_id, path, title, date, outlet, hash`) and
//!    `sentences.jsonl` (`doc_id, sent_id, stems`: the fingerprint of
//!    [`super::fingerprint`], stem keys as non-negative 63-bit integers).
//!    The job's first step turns them into Parquet on the engine.
//! 2. The engine finds candidate pairs (stage 1, in Spark SQL).
//! 3. [`align_pairs`] reads candidate pairs (`{"a": id, "b": id, "path_a",
//!    "path_b"}`, one a line) and writes each pair that shares text as
//!    `rank` reports it (`a`, `b` as ids, the shares unrounded, `links`,
//!    `direction`): stage 2, run by each worker on its partition.
//! 4. [`merge`] reads the articles and the aligned pairs and makes
//!    `rank`'s ranking (the binary writes its JSON): pairs sorted as `rank` sorts them, each article's
//!    likely sources.
//!
//! Article ids are the articles' positions in the folder listing, as `rank`
//! numbers them, so that a pair whose direction is `unknown` is oriented
//! the same way (the first of the two in that order) and ties sort alike.

use std::collections::HashMap;
use std::io::{self, BufRead, Write};
use std::path::Path;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use super::fingerprint::{self, content_hash};
use super::store::hex;
use super::{Error, Progress};
use crate::article::{Article, load};
use crate::corpus::{self, Direction, Pair, Ranking, Undecided};

/// Articles read at once by [`export`]: their sentences are written before
/// the next batch is read.
const BATCH: usize = 2000;

/// One line of `articles.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ArticleRow {
    /// Position in the folder listing.
    pub doc_id: u32,
    /// The path as `rank` shows it (the folder as given, joined).
    pub path: String,
    /// The headline.
    pub title: String,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The outlet.
    pub outlet: Option<String>,
    /// Content hash of the file's bytes (hex).
    pub hash: String,
}

/// One line of `sentences.jsonl`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct SentenceRow {
    /// The article.
    pub doc_id: u32,
    /// The sentence's index among the article's sentences.
    pub sent_id: u32,
    /// Sorted, distinct stem keys.
    pub stems: Vec<u64>,
}

/// What [`export`] wrote.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Exported {
    /// Articles written.
    pub articles: usize,
    /// Sentences written.
    pub sentences: usize,
    /// Files skipped, one line each.
    pub warnings: Vec<String>,
}

fn io_err(path: &Path, e: io::Error) -> Error {
    Error::Io {
        path: path.to_path_buf(),
        why: e.to_string(),
    }
}

/// Write the articles of `dir` and their sentences as JSON Lines into `out`
/// (`articles.jsonl`, `sentences.jsonl`), each written under a temporary
/// name and renamed when complete.
pub fn export(dir: &Path, out: &Path, progress: &dyn Progress) -> Result<Exported, Error> {
    let mut warnings = Vec::new();
    if !dir.is_dir() {
        return Err(Error::Io {
            path: dir.to_path_buf(),
            why: "not a folder".into(),
        });
    }
    let files = load::list_folder(dir, &mut warnings);
    std::fs::create_dir_all(out).map_err(|e| io_err(out, e))?;
    let (arts_path, sents_path) = (out.join("articles.jsonl"), out.join("sentences.jsonl"));
    let (arts_tmp, sents_tmp) = (
        out.join(".articles.jsonl.partial"),
        out.join(".sentences.jsonl.partial"),
    );
    let open = |p: &Path| {
        std::fs::File::create(p)
            .map(io::BufWriter::new)
            .map_err(|e| io_err(p, e))
    };
    let (mut aw, mut sw) = (open(&arts_tmp)?, open(&sents_tmp)?);
    progress.step("reading articles", Some(files.len() as u64));
    let mut done = Exported::default();
    let mut next_id: u32 = 0;
    for batch in files.chunks(BATCH) {
        let read: Vec<Result<Fingerprinted, String>> = batch
            .par_iter()
            .map(|f| {
                let r = load::read_article(f).map_err(|e| format!("skipped {e}"));
                progress.advance(1);
                let a = r?;
                let row = ArticleRow {
                    doc_id: 0,
                    path: a.path.clone(),
                    title: a.meta.title.clone(),
                    date: a.meta.date.clone(),
                    outlet: a.meta.outlet.clone(),
                    hash: hex(content_hash(&a.bytes)),
                };
                Ok((row, fingerprint::sentences(&a)))
            })
            .collect();
        for r in read {
            let (mut row, sents) = match r {
                Ok(x) => x,
                Err(w) => {
                    warnings.push(w);
                    continue;
                }
            };
            row.doc_id = next_id;
            next_id += 1;
            line(&mut aw, &row).map_err(|e| io_err(&arts_tmp, e))?;
            for (sent_id, stems) in sents {
                let s = SentenceRow {
                    doc_id: row.doc_id,
                    sent_id: sent_id as u32,
                    stems,
                };
                line(&mut sw, &s).map_err(|e| io_err(&sents_tmp, e))?;
                done.sentences += 1;
            }
            done.articles += 1;
        }
    }
    for (mut w, tmp, path) in [(aw, &arts_tmp, &arts_path), (sw, &sents_tmp, &sents_path)] {
        w.flush().map_err(|e| io_err(tmp, e))?;
        w.get_ref().sync_all().map_err(|e| io_err(tmp, e))?;
        drop(w);
        std::fs::rename(tmp, path).map_err(|e| io_err(path, e))?;
    }
    done.warnings = warnings;
    Ok(done)
}

/// An article's row and its sentences (index, stem keys).
type Fingerprinted = (ArticleRow, Vec<(usize, Vec<u64>)>);

fn line<W: Write + ?Sized>(w: &mut W, v: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *w, v)?;
    w.write_all(b"\n")
}

/// One candidate pair as stage 1 writes it for stage 2.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct CandidateRow {
    /// The lower article id.
    pub a: u32,
    /// The higher article id.
    pub b: u32,
    /// Path of `a`.
    pub path_a: String,
    /// Path of `b`.
    pub path_b: String,
}

/// One aligned pair as stage 2 writes it: `rank`'s pair, by article id,
/// with the shares unrounded.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct PairRow {
    /// The likely source.
    pub a: u32,
    /// The likely copy.
    pub b: u32,
    /// The larger share.
    pub score: f64,
    /// Share of B found in A.
    pub b_in_a: f64,
    /// Share of A found in B.
    pub a_in_b: f64,
    /// Share of B in copied links.
    pub copied: f64,
    /// Share of B in reworded links.
    pub reworded: f64,
    /// Links.
    pub links: usize,
    /// `dates`, `attribution`, `containment` or `unknown`.
    pub direction: String,
    /// When `unknown`, what was seen (`same-text`, `passage`, `paragraphs`,
    /// `partial`: `corpus::Undecided`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undecided: Option<String>,
}

/// A line that is not what it should be: one clear message.
fn bad_line(what: &str, n: usize, e: impl std::fmt::Display) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, format!("{what} line {n}: {e}"))
}

/// Stage 2 on one partition: align each candidate pair read from `input`
/// (JSON Lines of [`CandidateRow`]) and write each that shares text to
/// `output` as a [`PairRow`]. Pairs are aligned on rayon's pool in chunks;
/// an article is read once per chunk however many of its pairs it holds
/// (stage 1 sorts a partition by `a`). An article that cannot be read is
/// an error: the job must not silently lose pairs.
/// Relative paths are read from `base` (the folder the export ran in: a
/// worker runs elsewhere).
pub fn align_pairs(input: impl BufRead, mut output: impl Write, base: &Path) -> io::Result<usize> {
    const CHUNK: usize = 512;
    let mut rows: Vec<CandidateRow> = Vec::with_capacity(CHUNK);
    let mut written = 0;
    let mut flush = |rows: &mut Vec<CandidateRow>, output: &mut dyn Write| -> io::Result<()> {
        let mut paths: Vec<&str> = rows
            .iter()
            .flat_map(|r| [r.path_a.as_str(), r.path_b.as_str()])
            .collect();
        paths.sort_unstable();
        paths.dedup();
        let arts: Vec<Article> = paths
            .par_iter()
            .map(|p| {
                let mut a = load::read_article(&base.join(p))?;
                a.path = p.to_string();
                Ok(a)
            })
            .collect::<Result<_, load::LoadError>>()
            .map_err(|e| io::Error::new(io::ErrorKind::NotFound, e.to_string()))?;
        let at: HashMap<&str, usize> = paths.iter().enumerate().map(|(i, p)| (*p, i)).collect();
        let pairs: Vec<Option<PairRow>> = rows
            .par_iter()
            .map(|r| {
                let (lo, hi) = if r.a <= r.b {
                    (&r.path_a, &r.path_b)
                } else {
                    (&r.path_b, &r.path_a)
                };
                let (ia, ib) = (r.a.min(r.b), r.a.max(r.b));
                // The pair as rank aligns it: the lower id first.
                let two = [arts[at[lo.as_str()]].clone(), arts[at[hi.as_str()]].clone()];
                corpus::pair(&two, 0, 1).map(|p| PairRow {
                    a: if p.a == 0 { ia } else { ib },
                    b: if p.b == 0 { ia } else { ib },
                    score: p.score(),
                    b_in_a: p.b_in_a,
                    a_in_b: p.a_in_b,
                    copied: p.copied,
                    reworded: p.reworded,
                    links: p.links,
                    direction: p.direction.as_str().to_string(),
                    undecided: match p.direction {
                        Direction::Unknown(u) => Some(u.as_str().to_string()),
                        _ => None,
                    },
                })
            })
            .collect();
        for p in pairs.into_iter().flatten() {
            line(&mut *output, &p)?;
            written += 1;
        }
        rows.clear();
        Ok(())
    };
    for (n, l) in input.lines().enumerate() {
        let l = l?;
        if l.trim().is_empty() {
            continue;
        }
        let row: CandidateRow =
            serde_json::from_str(&l).map_err(|e| bad_line("candidate pairs", n + 1, e))?;
        rows.push(row);
        if rows.len() == CHUNK {
            flush(&mut rows, &mut output)?;
        }
    }
    flush(&mut rows, &mut output)?;
    output.flush()?;
    Ok(written)
}

fn direction(s: &str, undecided: Option<&str>) -> Option<Direction> {
    Some(match s {
        "dates" => Direction::Dates,
        "attribution" => Direction::Attribution,
        "containment" => Direction::Containment,
        "unknown" => Direction::Unknown(
            undecided
                .and_then(Undecided::from_name)
                .unwrap_or(Undecided::Partial),
        ),
        _ => return None,
    })
}

/// The last step: `rank`'s ranking from the articles (`articles.jsonl`) and
/// the pairs stage 2 wrote (JSON Lines of [`PairRow`], in any order),
/// `candidates` being how many pairs stage 1 proposed (all aligned). The
/// articles carry what `rank`'s report shows of them (path, title, date,
/// outlet), no text: the binary writes `rank`'s JSON with `export`.
pub fn merge(
    articles: impl BufRead,
    pairs: impl BufRead,
    candidates: usize,
) -> io::Result<(Vec<Article>, Ranking)> {
    let mut rows: Vec<ArticleRow> = Vec::new();
    for (n, l) in articles.lines().enumerate() {
        let l = l?;
        if l.trim().is_empty() {
            continue;
        }
        rows.push(serde_json::from_str(&l).map_err(|e| bad_line("articles", n + 1, e))?);
    }
    rows.sort_by_key(|r| r.doc_id);
    if rows.iter().enumerate().any(|(i, r)| r.doc_id as usize != i) {
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "articles: doc_id must number the articles 0, 1, 2, … without gaps",
        ));
    }
    // Only what `rank`'s JSON shows of an article: its path, title and date.
    let arts: Vec<Article> = rows
        .into_iter()
        .map(|r| {
            let mut a = Article::parse(r.path, Vec::new());
            a.meta.title = r.title;
            a.meta.date = r.date;
            a.meta.outlet = r.outlet;
            a
        })
        .collect();
    let n = arts.len();
    let mut out: Vec<Pair> = Vec::new();
    for (k, l) in pairs.lines().enumerate() {
        let l = l?;
        if l.trim().is_empty() {
            continue;
        }
        let r: PairRow = serde_json::from_str(&l).map_err(|e| bad_line("pairs", k + 1, e))?;
        let (a, b) = (r.a as usize, r.b as usize);
        if a >= n || b >= n || a == b {
            return Err(bad_line("pairs", k + 1, "no such article"));
        }
        let dir = direction(&r.direction, r.undecided.as_deref())
            .ok_or_else(|| bad_line("pairs", k + 1, "unknown direction"))?;
        let p = Pair {
            a,
            b,
            b_in_a: r.b_in_a,
            a_in_b: r.a_in_b,
            copied: r.copied,
            reworded: r.reworded,
            links: r.links,
            direction: dir,
        };
        // The ranking holds the pairs that share text, as `rank`'s does.
        if p.shares_text() {
            out.push(p);
        }
    }
    corpus::sort(&mut out);
    let ranking = Ranking {
        pairs: out,
        families: corpus::Families::none(n),
        articles: n,
        all_pairs: n * n.saturating_sub(1) / 2,
        candidates,
        aligned: candidates,
        exhaustive: false,
    };
    Ok((arts, ranking))
}
