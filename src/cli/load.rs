//! Reading the articles a command names, with warnings said once.

use std::path::{Path, PathBuf};

use anyhow::Result;

use copycat::article::{self, Article, ParseOptions, safe_line};

use super::error::UserError;

/// The articles at `paths` (the bundled ones when none); files skipped and
/// pages read with doubt are told on stderr.
pub fn load(paths: &[PathBuf], opts: &ParseOptions) -> Result<Vec<Article>> {
    if paths.is_empty() {
        return Ok(article::bundled());
    }
    let loaded = article::load::load_paths_with(paths, opts).map_err(UserError::from)?;
    warn(&loaded.warnings);
    doubts(&loaded.articles);
    Ok(loaded.articles)
}

/// How many doubtful pages are named one by one before a count says the rest.
const DOUBTS_NAMED: usize = 3;

/// Say which saved pages were read with doubt (little of a long page kept,
/// another part nearly as large): one line each for the first few, then a
/// count, and how to read them whole.
pub fn doubts<'a>(arts: impl IntoIterator<Item = &'a Article>) {
    let doubtful: Vec<&Article> = arts.into_iter().filter(|a| a.doubtful()).collect();
    for a in doubtful.iter().take(DOUBTS_NAMED) {
        for note in a.extraction_notes() {
            eprintln!("copycat: {}: {}", safe_line(&a.path), safe_line(&note));
        }
    }
    if doubtful.len() > DOUBTS_NAMED {
        eprintln!(
            "copycat: and {} more saved pages read with doubt",
            doubtful.len() - DOUBTS_NAMED
        );
    }
    if !doubtful.is_empty() {
        eprintln!("copycat: --whole-page reads every visible text of a page instead");
    }
}

/// Say each warning on stderr, made safe.
pub fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("copycat: {}", safe_line(w));
    }
}

pub fn load_one(path: &Path, opts: &ParseOptions) -> Result<Article> {
    Ok(article::load::read_article_with(path, opts).map_err(UserError::from)?)
}

/// The common texts named by `--common` (sources every article may have
/// drawn on), each read as an article is; standard input is refused, as it
/// is for the articles of `rank` and `spread`, or A or B of `compare`.
/// Their warnings and doubts are said here.
pub fn load_common(paths: &[PathBuf], opts: &ParseOptions) -> Result<Vec<Article>> {
    if paths.iter().any(|p| p.as_os_str() == article::load::STDIN) {
        return Err(UserError(
            "--common: standard input is for the articles; name the common text's file".to_string(),
        )
        .into());
    }
    let common = paths
        .iter()
        .map(|p| load_one(p, opts))
        .collect::<Result<Vec<_>>>()?;
    doubts(&common);
    for art in &common {
        for w in &art.warnings {
            eprintln!("copycat: {}: {}", safe_line(&art.path), safe_line(w));
        }
    }
    Ok(common)
}

/// Load two articles, the second on another thread while the first loads
/// here (parsing is a third of the work on a large pair). Errors are told as
/// if loaded one after the other: A's first. Standard input is read by one
/// thread only, in order.
pub fn load_two(pa: &Path, pb: &Path, opts: &ParseOptions) -> Result<(Article, Article)> {
    let stdin = |p: &Path| p.as_os_str() == article::load::STDIN;
    if stdin(pa) || stdin(pb) {
        return Ok((load_one(pa, opts)?, load_one(pb, opts)?));
    }
    let read = |p: &Path| article::load::read_article_with(p, opts);
    let (a, b) = std::thread::scope(|s| {
        let b = std::thread::Builder::new()
            .spawn_scoped(s, || read(pb))
            .ok();
        let a = read(pa);
        let b = match b {
            Some(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            // No thread to be had: load it here.
            None => read(pb),
        };
        (a, b)
    });
    let a = a.map_err(UserError::from)?;
    let b = b.map_err(UserError::from)?;
    Ok((a, b))
}
