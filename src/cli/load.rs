//! Reading the articles a command names, with warnings said once.

use std::path::{Path, PathBuf};

use anyhow::Result;

use copycat::article::{self, Article, safe_line};

use super::error::UserError;

/// The articles at `paths` (the bundled ones when none); files skipped are
/// told on stderr, one line each.
pub fn load(paths: &[PathBuf]) -> Result<Vec<Article>> {
    if paths.is_empty() {
        return Ok(article::bundled());
    }
    let loaded = article::load_paths(paths).map_err(UserError::from)?;
    warn(&loaded.warnings);
    Ok(loaded.articles)
}

/// Say each warning on stderr, made safe.
pub fn warn(warnings: &[String]) {
    for w in warnings {
        eprintln!("copycat: {}", safe_line(w));
    }
}

fn load_one(path: &Path) -> Result<Article> {
    Ok(article::load::read_article(path).map_err(UserError::from)?)
}

/// Load two articles, the second on another thread while the first loads
/// here (parsing is a third of the work on a large pair). Errors are told as
/// if loaded one after the other: A's first. Standard input is read by one
/// thread only, in order.
pub fn load_two(pa: &Path, pb: &Path) -> Result<(Article, Article)> {
    let stdin = |p: &Path| p.as_os_str() == article::load::STDIN;
    if stdin(pa) || stdin(pb) {
        return Ok((load_one(pa)?, load_one(pb)?));
    }
    let (a, b) = std::thread::scope(|s| {
        let b = std::thread::Builder::new()
            .spawn_scoped(s, || article::load::read_article(pb))
            .ok();
        let a = article::load::read_article(pa);
        let b = match b {
            Some(h) => h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            // No thread to be had: load it here.
            None => article::load::read_article(pb),
        };
        (a, b)
    });
    let a = a.map_err(UserError::from)?;
    let b = b.map_err(UserError::from)?;
    Ok((a, b))
}
