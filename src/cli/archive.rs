//! `copycat index`, `copycat find` and the hidden `copycat job` steps of
//! the distributed corpus job: the command line over `copycat::archive`.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Result;
use clap::{Args, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use copycat::archive::{self, Index, find};
use copycat::article::{self, Article, safe_line};
use copycat::corpus;
use copycat::export;

use super::error::UserError;
use super::output::write_out;

/// `copycat index DIR`.
#[derive(Args, Debug)]
pub struct IndexArgs {
    /// The folder of articles (*.txt, *.md, *.html, searched recursively).
    pub dir: PathBuf,
    /// The index file; by default `.copycat-index` inside DIR.
    #[arg(long, value_name = "PATH")]
    pub index: Option<PathBuf>,
}

/// `copycat find ARTICLE --index PATH`.
#[derive(Args, Debug)]
pub struct FindArgs {
    /// The article whose sources to find (`-` reads standard input).
    pub article: PathBuf,
    /// The index to search (made by `copycat index`).
    #[arg(long, value_name = "PATH")]
    pub index: PathBuf,
    /// Output format: `rank`'s text or JSON.
    #[arg(long, short, value_enum, default_value_t = FindFormat::Text)]
    pub format: FindFormat,
    /// Align at most this many candidates (the most promising first).
    #[arg(long, value_name = "N", default_value_t = corpus::DEFAULT_MAX_PAIRS)]
    pub max_pairs: usize,
    /// Open the reader instead: the article beside its best source, `]`
    /// and `[` through the pairs of the articles found.
    #[arg(long, conflicts_with = "format")]
    pub read: bool,
}

/// `find`'s output formats: those of `rank`.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum FindFormat {
    /// `rank`'s JSON.
    Json,
    /// `rank`'s text.
    Text,
}

/// The steps of the distributed corpus job that run copycat
/// (`scripts/distributed/`).
#[derive(Subcommand, Debug)]
pub enum JobCommand {
    /// Write a folder's articles and sentence fingerprints as JSON Lines
    /// (`articles.jsonl`, `sentences.jsonl`) into OUT.
    Export {
        /// The folder of articles.
        dir: PathBuf,
        /// Where to write.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Stage 2: align candidate pairs read from standard input (JSON Lines:
    /// `a`, `b`, `path_a`, `path_b`), write the pairs that share text.
    Align {
        /// The folder relative paths are read from (where the export ran).
        #[arg(long, value_name = "DIR", default_value = ".")]
        base: PathBuf,
    },
    /// `rank`'s JSON from the articles and the aligned pairs.
    Merge {
        /// `articles.jsonl` as `job export` wrote it.
        #[arg(long, value_name = "FILE")]
        articles: PathBuf,
        /// Files of aligned pairs (stage 2's output).
        #[arg(long, value_name = "FILE", num_args = 1..)]
        pairs: Vec<PathBuf>,
        /// How many pairs stage 1 proposed.
        #[arg(long, value_name = "N")]
        candidates: usize,
    },
}

/// Progress on stderr, drawn only when stderr is a terminal: a spinner
/// for a step without a count, a bar for one with.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        Bar(if io::stderr().is_terminal() {
            let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        } else {
            ProgressBar::hidden()
        })
    }
}

impl archive::Progress for Bar {
    fn step(&self, what: &str, total: Option<u64>) {
        self.0.set_position(0);
        match total {
            Some(n) => {
                self.0.set_length(n);
                self.0.set_style(
                    ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} ({eta} left)")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                );
            }
            None => {
                self.0.unset_length();
                self.0.set_style(ProgressStyle::default_spinner());
            }
        }
        self.0.set_message(what.to_string());
    }

    fn advance(&self, n: u64) {
        self.0.inc(n);
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.0.finish_and_clear();
    }
}

fn user(e: archive::Error) -> anyhow::Error {
    UserError(e.to_string()).into()
}

/// `copycat index DIR [--index PATH]`.
pub fn index(a: IndexArgs) -> Result<()> {
    let path = a.index.unwrap_or_else(|| archive::default_index(&a.dir));
    let bar = Bar::new();
    let up = archive::update(&a.dir, &path, &bar).map_err(user)?;
    drop(bar);
    for w in &up.warnings {
        eprintln!("copycat: {}", safe_line(w));
    }
    let mut s = String::new();
    if up.rebuilt {
        s.push_str("rebuilt (made by a copycat with another index format); ");
    }
    s.push_str(&format!(
        "{}: {} articles indexed ({} added, {} changed, {} removed, {} unchanged",
        path.display(),
        up.docs,
        up.added,
        up.changed,
        up.removed,
        up.unchanged + up.touched,
    ));
    s.push(')');
    // Said on stderr: standard output stays free for what a script reads.
    eprintln!("copycat: {}", safe_line(&s));
    Ok(())
}

/// `copycat find ARTICLE --index PATH`; with `--read`, `read` opens the
/// reader on the articles found, the best pair first, and the index of the
/// query among them (`]` walks its pairs only).
pub fn find_sources(
    a: FindArgs,
    read: impl FnOnce(Vec<Article>, usize) -> Result<()>,
) -> Result<()> {
    // The index first: without one nothing else matters.
    let index = Index::open(&a.index).map_err(user)?;
    let query = article::load::read_article(&a.article).map_err(UserError::from)?;
    for w in &query.warnings {
        eprintln!("copycat: {}: {}", safe_line(&query.path), safe_line(w));
    }
    let bar = Bar::new();
    let opts = find::Options {
        max_pairs: a.max_pairs,
        exclude: (a.article.as_os_str() != article::load::STDIN).then(|| a.article.clone()),
    };
    let found = find(&index, query, &opts, &bar).map_err(user)?;
    drop(bar);
    if a.read {
        let Some(best) = found.ranking.pairs.first() else {
            return Err(UserError(format!(
                "{}: shares no text with the {} indexed articles; nothing to read",
                found.articles[0].path,
                index.len()
            ))
            .into());
        };
        // The best pair first, source (A) then copy (B); the rest after.
        let (x, y) = (best.a, best.b);
        let mut arts = found.articles;
        let mut order = vec![x, y];
        order.extend((0..arts.len()).filter(|&k| k != x && k != y));
        let mut slots: Vec<Option<Article>> = arts.drain(..).map(Some).collect();
        let arts = order.into_iter().filter_map(|k| slots[k].take()).collect();
        // Every pair found holds the query (index 0 of `found.articles`).
        let query = usize::from(x != 0);
        return read(arts, query);
    }
    let out = match a.format {
        FindFormat::Json => export::json::ranking(&found.articles, &found.ranking),
        FindFormat::Text => text(&found, &index),
    };
    write_out(&out)
}

/// `rank`'s text with a first line of its own: what was searched.
fn text(found: &archive::Found, index: &Index) -> String {
    let r = &found.ranking;
    let body = export::text::ranking(&found.articles, r);
    let rest = body.split_once('\n').map_or("", |(_, rest)| rest);
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let looked = if r.aligned < r.candidates {
        format!(
            "{} proposed by shared sentences, the first {} aligned (--max-pairs)",
            r.candidates, r.aligned
        )
    } else {
        format!("{} proposed by shared sentences and aligned", r.candidates)
    };
    format!(
        "{} against {} in {}: {looked}; {} share text\n{rest}",
        safe_line(&found.articles[0].path),
        plural(index.len() as usize, "indexed article", "indexed articles"),
        safe_line(&index.path().display().to_string()),
        plural(r.pairs.len(), "article", "articles"),
    )
}

/// The hidden `copycat job …` steps.
pub fn job(cmd: JobCommand) -> Result<()> {
    match cmd {
        JobCommand::Export { dir, out } => {
            let bar = Bar::new();
            let done = archive::job::export(&dir, &out, &bar).map_err(user)?;
            drop(bar);
            for w in &done.warnings {
                eprintln!("copycat: {}", safe_line(w));
            }
            eprintln!(
                "copycat: {} articles, {} sentences written to {}",
                done.articles,
                done.sentences,
                safe_line(&out.display().to_string())
            );
            Ok(())
        }
        JobCommand::Align { base } => {
            let stdin = io::stdin().lock();
            let stdout = io::BufWriter::new(io::stdout().lock());
            archive::job::align_pairs(stdin, stdout, &base).map_err(job_error)?;
            Ok(())
        }
        JobCommand::Merge {
            articles,
            pairs,
            candidates,
        } => {
            let open = |p: &Path| {
                std::fs::File::open(p)
                    .map(io::BufReader::new)
                    .map_err(|e| UserError(format!("{}: {e}", p.display())))
            };
            let arts = open(&articles)?;
            // The pair files one after the other, as one stream of lines.
            let mut all = Vec::new();
            for p in &pairs {
                let mut f = open(p)?;
                io::copy(&mut f, &mut all)
                    .map_err(|e| UserError(format!("{}: {e}", p.display())))?;
                if !all.ends_with(b"\n") {
                    all.push(b'\n');
                }
            }
            let (arts, ranking) =
                archive::job::merge(arts, all.as_slice(), candidates).map_err(job_error)?;
            write_out(&export::json::ranking(&arts, &ranking))?;
            io::stdout().flush().ok();
            Ok(())
        }
    }
}

fn job_error(e: io::Error) -> anyhow::Error {
    if e.kind() == io::ErrorKind::BrokenPipe {
        return e.into();
    }
    UserError(e.to_string()).into()
}
