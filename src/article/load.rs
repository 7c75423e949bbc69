//! Reading articles from disk (or from the binary) with errors a user can act on.
//!
//! A path the user names must work or the run stops with one clear line; a file
//! met while walking a folder that cannot be read is skipped with a warning, so
//! one bad file does not cost the rest of the corpus.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::Article;

/// Files larger than this are refused: an article is prose, and the model keeps
/// several words of index per word of text.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// How many bytes are checked for NUL to tell a binary file from text.
const SNIFF_BYTES: usize = 64 * 1024;

/// Folders deeper than this are not walked (a guard against pathological trees).
const MAX_DEPTH: usize = 32;

/// The articles compiled into the binary, by file name.
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Why a path could not be loaded. The message is the whole line a user sees.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError(pub String);

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LoadError {}

/// What loading produced: the articles and the files that were skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    pub articles: Vec<Article>,
    pub warnings: Vec<String>,
}

/// The bundled articles, in file-name order.
pub fn bundled() -> Vec<Article> {
    BUNDLED
        .iter()
        .map(|(name, bytes)| Article::parse(format!("articles/{name}"), bytes.to_vec()))
        .collect()
}

fn is_article_name(p: &Path) -> bool {
    matches!(
        p.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref(),
        Some("txt" | "md")
    )
}

/// Read one file, refusing what is not an article.
pub fn read_article(path: &Path) -> Result<Article, LoadError> {
    let shown = path.display();
    let md = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if md.is_dir() {
        return Err(LoadError(format!("{shown}: is a folder, not a file")));
    }
    if !md.is_file() {
        // A FIFO would block the read forever and a device has no end.
        return Err(LoadError(format!("{shown}: not a regular file")));
    }
    if md.len() > MAX_FILE_BYTES {
        return Err(LoadError(format!(
            "{shown}: too large ({} MiB; the limit is {} MiB)",
            md.len() / (1024 * 1024),
            MAX_FILE_BYTES / (1024 * 1024)
        )));
    }
    let mut bytes = Vec::with_capacity(md.len() as usize);
    fs::File::open(path)
        .and_then(|f| f.take(MAX_FILE_BYTES + 1).read_to_end(&mut bytes))
        .map_err(|e| io_error(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError(format!("{shown}: grew too large while reading")));
    }
    check_text(&bytes).map_err(|why| LoadError(format!("{shown}: {why}")))?;
    Ok(Article::parse(path.display().to_string(), bytes))
}

/// Why bytes are not an article, if they are not.
pub fn check_text(bytes: &[u8]) -> Result<(), &'static str> {
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes[..bytes.len().min(SNIFF_BYTES)].contains(&0) {
        return Err("binary file (contains NUL bytes), not an article");
    }
    if bytes.is_empty() {
        return Err("empty file");
    }
    let decoded = super::decode::decode(bytes);
    if decoded.text.trim().is_empty() {
        return Err("holds only whitespace");
    }
    Ok(())
}

fn io_error(path: &Path, e: &std::io::Error) -> LoadError {
    let why = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            // The OS message without the "(os error N)" suffix.
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    };
    LoadError(format!("{}: {why}", path.display()))
}

/// Load the named files and folders (folders: `*.txt` and `*.md`, recursively,
/// sorted by path). Errors on a named path that cannot be read, or when no
/// article is found at all.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    let mut out = Loaded::default();
    for p in paths {
        let md = fs::metadata(p).map_err(|e| io_error(p, &e))?;
        if md.is_dir() {
            let mut files = Vec::new();
            let mut seen = HashSet::new();
            walk(p, 0, &mut files, &mut seen, &mut out.warnings);
            files.sort();
            if files.is_empty() {
                return Err(LoadError(format!(
                    "{}: no articles (*.txt or *.md) in this folder",
                    p.display()
                )));
            }
            for f in files {
                match read_article(&f) {
                    Ok(a) => out.articles.push(a),
                    Err(e) => out.warnings.push(format!("skipped {e}")),
                }
            }
        } else {
            out.articles.push(read_article(p)?);
        }
    }
    if out.articles.is_empty() {
        let why = out.warnings.first().cloned().unwrap_or_default();
        return Err(LoadError(format!("no readable articles ({why})")));
    }
    Ok(out)
}

fn walk(
    dir: &Path,
    depth: usize,
    files: &mut Vec<PathBuf>,
    seen: &mut HashSet<PathBuf>,
    warnings: &mut Vec<String>,
) {
    // Canonical paths break symlink loops: a folder is walked once.
    let Ok(canon) = fs::canonicalize(dir) else {
        warnings.push(format!("skipped {}: cannot resolve the folder", dir.display()));
        return;
    };
    if !seen.insert(canon) || depth > MAX_DEPTH {
        return;
    }
    let entries = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) => {
            warnings.push(format!("skipped {}", io_error(dir, &e)));
            return;
        }
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        // fs::metadata follows symlinks; a dangling link is skipped quietly.
        match fs::metadata(&path) {
            Ok(md) if md.is_dir() => walk(&path, depth + 1, files, seen, warnings),
            Ok(_) if is_article_name(&path) => files.push(path),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_articles_are_all_there() {
        let a = bundled();
        assert_eq!(a.len(), 5);
        assert!(a.iter().all(|a| a.path.starts_with("articles/")));
    }

    #[test]
    fn binary_and_empty_are_refused() {
        assert!(check_text(b"abc\0def").is_err());
        assert!(check_text(b"").is_err());
        assert!(check_text(b" \n\t ").is_err());
        assert!(check_text(&[0xFF, 0xFE, b'a', 0]).is_ok());
    }
}
