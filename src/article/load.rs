//! Reading articles from disk (or from the binary) with errors a user can act on.
//!
//! A path the user names must work or the run stops with one clear line; a file
//! met while walking a folder that cannot be read is skipped with a warning, so
//! one bad file does not cost the rest of the corpus.

use std::collections::HashSet;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use super::{Article, ParseOptions};

/// Files larger than this are refused. An article is prose; the model keeps
/// spans for every paragraph, sentence and word, so a file of millions of
/// one-letter lines is the worst case, about 19 bytes allocated per byte of
/// input (`tests/linear.rs` pins it; README, "Memory", gives peak resident
/// figures). 8 MiB keeps that near 160 MB while a book-length text still
/// loads, and keeps every offset of the text well within `u32`.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// How many bytes are checked for NUL to tell a binary file from text.
const SNIFF_BYTES: usize = 64 * 1024;

/// Folders deeper than this are not walked (a guard against pathological trees).
const MAX_DEPTH: usize = 32;

/// The articles compiled into the binary, by file name.
const BUNDLED: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// Why a path could not be loaded. Its message (`Display`) is the whole
/// line a user sees, the path first (as given, not made safe: whoever prints
/// it passes it through `safe_line`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    /// The system refused: no such file, permission denied, a read error.
    #[error("{path}: {why}")]
    Io {
        /// The path as given.
        path: String,
        /// The system's words, without "(os error N)".
        why: String,
    },
    /// A folder where a file was wanted.
    #[error("{0}: is a folder, not a file")]
    Folder(String),
    /// A device, a pipe or a socket.
    #[error("{0}: not a regular file (a device, pipe or socket)")]
    NotRegular(String),
    /// Over [`MAX_FILE_BYTES`] (`MiB`: its size in MiB, when known).
    #[error("{path}: too large ({}the limit is {} MiB)", .mib.map_or(String::new(), |m| format!("{m} MiB; ")), MAX_FILE_BYTES / (1024 * 1024))]
    TooLarge {
        /// The path as given.
        path: String,
        /// Its size in MiB, rounded up, when the system said it.
        mib: Option<u64>,
    },
    /// Bytes that are not text (binary, UTF-16 without a byte-order mark,
    /// nothing at all): why.
    #[error("{path}: {why}")]
    NotText {
        /// The path as given.
        path: String,
        /// Why not.
        why: &'static str,
    },
    /// Decoded, it holds only whitespace.
    #[error("{0}: {NO_TEXT}")]
    NoText(String),
    /// A web page with no story: why, and what was tried.
    #[error("{path}: {NO_STORY}: {why} (tried: {tried})")]
    NoStory {
        /// The path as given.
        path: String,
        /// Why no element reads as the story.
        why: String,
        /// What was tried, in order.
        tried: String,
    },
    /// A named folder with no article file in it.
    #[error("{0}: no articles (*.txt, *.md or *.html) in this folder")]
    EmptyFolder(String),
    /// Every file found was skipped: how many, and the first reason.
    #[error("no readable articles: {skipped} file{} skipped (the first: {first})", if *.skipped == 1 { "" } else { "s" })]
    NoneReadable {
        /// Files skipped.
        skipped: usize,
        /// The first one's reason.
        first: String,
    },
}

/// What loading produced: the articles and the files that were skipped.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The articles read, in order.
    pub articles: Vec<Article>,
    /// Files skipped, one line each, for the user to see.
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
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref(),
        Some("txt" | "md" | "html" | "htm")
    )
}

/// The path that names standard input.
pub const STDIN: &str = "-";

/// Read an article from standard input (named `-`), up to the size limit.
pub fn read_stdin() -> Result<Article, LoadError> {
    read_stdin_with(&ParseOptions::default())
}

/// [`read_stdin`], parsed as `opts` say.
pub fn read_stdin_with(opts: &ParseOptions) -> Result<Article, LoadError> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(Path::new("standard input"), &e))?;
    finish(Path::new(STDIN), bytes, opts)
}

/// Read one file, refusing what is not an article; `-` reads standard input.
pub fn read_article(path: &Path) -> Result<Article, LoadError> {
    read_article_with(path, &ParseOptions::default())
}

/// [`read_article`], parsed as `opts` say (`whole_page` for a web page
/// whose story copycat picks wrong).
pub fn read_article_with(path: &Path, opts: &ParseOptions) -> Result<Article, LoadError> {
    if path.as_os_str() == STDIN {
        return read_stdin_with(opts);
    }
    // Checked before opening: opening a FIFO for reading blocks until a writer
    // appears, and a device (/dev/zero) has no end.
    let md = fs::metadata(path).map_err(|e| io_error(path, &e))?;
    check_kind(path, &md)?;
    let file = fs::File::open(path).map_err(|e| io_error(path, &e))?;
    // Checked again on the open handle: the path may have been swapped for
    // something else since the first look.
    let md = file.metadata().map_err(|e| io_error(path, &e))?;
    check_kind(path, &md)?;
    // Never more than the limit plus one byte, whatever the size claimed: a
    // file may grow while it is read, and /proc files claim size 0.
    let mut bytes = Vec::with_capacity(md.len().min(MAX_FILE_BYTES) as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| io_error(path, &e))?;
    finish(path, bytes, opts)
}

/// Bytes read from `path` as an article, or why they are not one.
fn finish(path: &Path, bytes: Vec<u8>, opts: &ParseOptions) -> Result<Article, LoadError> {
    let shown = path.display();
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown.to_string(),
            mib: None,
        });
    }
    check_bytes(&bytes).map_err(|why| LoadError::NotText {
        path: shown.to_string(),
        why,
    })?;
    let article = Article::parse_with(path.display().to_string(), bytes, opts);
    // Decided on the decoded text (once, not twice): a file of tabs, CRs,
    // BOMs or UTF-16 spaces is as empty as one of spaces.
    if article.text.trim().is_empty() {
        return Err(match &article.extraction {
            // A web page says why it has no story, and what was tried.
            Some(x) => LoadError::NoStory {
                path: shown.to_string(),
                why: x
                    .refused
                    .clone()
                    .unwrap_or_else(|| "the page shows no text".into()),
                tried: x.tried.join("; "),
            },
            None => LoadError::NoText(shown.to_string()),
        });
    }
    Ok(article)
}

/// Refuse what is not a regular file of a readable size.
fn check_kind(path: &Path, md: &fs::Metadata) -> Result<(), LoadError> {
    let shown = path.display();
    if md.is_dir() {
        return Err(LoadError::Folder(shown.to_string()));
    }
    if !md.is_file() {
        return Err(LoadError::NotRegular(shown.to_string()));
    }
    if md.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            path: shown.to_string(),
            mib: Some(md.len().div_ceil(1024 * 1024)),
        });
    }
    Ok(())
}

const NO_TEXT: &str = "holds no text (only whitespace)";
/// The start of the line for a web page without a story; the page's
/// extraction says why.
pub const NO_STORY: &str = "a web page with no article in it";

/// Why raw bytes are not an article, when that shows without decoding them.
fn check_bytes(bytes: &[u8]) -> Result<(), &'static str> {
    // UTF-16 and UTF-32 with a byte-order mark have NULs in their ASCII.
    let utf16 = bytes.starts_with(&[0xFF, 0xFE])
        || bytes.starts_with(&[0xFE, 0xFF])
        || super::decode::utf32_bom(bytes).is_some();
    if bytes.is_empty() {
        return Err("empty file");
    }
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if !utf16 && head.contains(&0) {
        // UTF-16 text without a byte-order mark has a NUL in every other byte
        // of its ASCII; say so, since the fix (add a BOM) differs.
        let nuls = head.iter().filter(|&&b| b == 0).count();
        return Err(
            if head.len() >= 4 && nuls * 3 >= head.len() && nuls * 2 <= head.len() + 1 {
                "looks like UTF-16 without a byte-order mark (save it as UTF-8 or with a BOM)"
            } else {
                "binary file (contains NUL bytes), not an article"
            },
        );
    }
    Ok(())
}

/// Why bytes are not an article, if they are not.
pub fn check_text(bytes: &[u8]) -> Result<(), &'static str> {
    check_bytes(bytes)?;
    if super::decode::decode(bytes).text.trim().is_empty() {
        return Err(NO_TEXT);
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
    LoadError::Io {
        path: path.display().to_string(),
        why,
    }
}

/// Load the named files and folders (folders: `*.txt`, `*.md` and `*.html`, recursively,
/// sorted by path). Errors on a named path that cannot be read, or when no
/// article is found at all.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_paths_with(paths, &ParseOptions::default())
}

/// [`load_paths`], each file parsed as `opts` say.
pub fn load_paths_with(paths: &[PathBuf], opts: &ParseOptions) -> Result<Loaded, LoadError> {
    let mut out = Loaded::default();
    // Each file is read once, however often it is named (`rank a a`, a
    // folder and a file in it): the same file is not a pair of articles.
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = Default::default();
    for p in paths {
        if p.as_os_str() == STDIN {
            out.articles.push(read_stdin_with(opts)?);
            continue;
        }
        let md = fs::metadata(p).map_err(|e| io_error(p, &e))?;
        if md.is_dir() {
            // A named folder that cannot be read is an error in its own
            // words (permission denied), not a folder with "no articles".
            fs::read_dir(p).map_err(|e| io_error(p, &e))?;
            let files = list_folder(p, &mut out.warnings);
            if files.is_empty() {
                return Err(LoadError::EmptyFolder(p.display().to_string()));
            }
            let files: Vec<PathBuf> = files
                .into_iter()
                .filter(|f| first_time(f, &mut seen, &mut out.warnings))
                .collect();
            read_listed_with(&files, &mut out, opts);
        } else if first_time(p, &mut seen, &mut out.warnings) {
            out.articles.push(read_article_with(p, opts)?);
        }
    }
    if out.articles.is_empty() {
        // One line however many files were skipped: the count, and the first
        // reason as an example.
        let n = out.warnings.len();
        let first = out
            .warnings
            .first()
            .map_or("", |w| w.trim_start_matches("skipped "));
        return Err(LoadError::NoneReadable {
            skipped: n,
            first: first.to_string(),
        });
    }
    Ok(out)
}

/// Whether `p` is named for the first time (by its canonical path); if not,
/// a warning names it as the duplicate it is.
fn first_time(
    p: &Path,
    seen: &mut std::collections::HashMap<PathBuf, PathBuf>,
    warnings: &mut Vec<String>,
) -> bool {
    let Ok(canon) = fs::canonicalize(p) else {
        // Reading it will say what is wrong.
        return true;
    };
    match seen.get(&canon) {
        Some(first) => {
            warnings.push(format!(
                "{}: the same file as {}, read once",
                p.display(),
                first.display()
            ));
            false
        }
        None => {
            seen.insert(canon, p.to_path_buf());
            true
        }
    }
}

/// Where an article of a lazy load stands: read already (standard input, a
/// file named directly), or a file of a folder still to read.
#[derive(Debug)]
pub enum Pending {
    /// Read.
    Read(Box<Article>),
    /// Listed, not read yet.
    File(PathBuf),
}

/// List what `paths` name without reading the files of folders (which is
/// what takes the time in a folder of thousands): files named directly and
/// standard input are read, folders are listed. Errors as [`load_paths`].
pub fn list_paths(paths: &[PathBuf]) -> Result<(Vec<Pending>, Vec<String>), LoadError> {
    list_paths_with(paths, &ParseOptions::default())
}

/// [`list_paths`], the files read now parsed as `opts` say.
pub fn list_paths_with(
    paths: &[PathBuf],
    opts: &ParseOptions,
) -> Result<(Vec<Pending>, Vec<String>), LoadError> {
    let mut out = Vec::new();
    let mut warnings = Vec::new();
    // Each file once, however often it is named (see `load_paths`).
    let mut seen: std::collections::HashMap<PathBuf, PathBuf> = Default::default();
    for p in paths {
        if p.as_os_str() == STDIN {
            out.push(Pending::Read(Box::new(read_stdin_with(opts)?)));
            continue;
        }
        let md = fs::metadata(p).map_err(|e| io_error(p, &e))?;
        if md.is_dir() {
            // Unreadable: permission denied, not "no articles".
            fs::read_dir(p).map_err(|e| io_error(p, &e))?;
            let files = list_folder(p, &mut warnings);
            if files.is_empty() {
                return Err(LoadError::EmptyFolder(p.display().to_string()));
            }
            out.extend(
                files
                    .into_iter()
                    .filter(|f| first_time(f, &mut seen, &mut warnings))
                    .map(Pending::File),
            );
        } else if first_time(p, &mut seen, &mut warnings) {
            out.push(Pending::Read(Box::new(read_article_with(p, opts)?)));
        }
    }
    Ok((out, warnings))
}

/// A stand-in for an article not read yet: its path, its file name as the
/// title, no text.
pub fn placeholder(path: &Path) -> Article {
    Article::parse(path.display().to_string(), Vec::new())
}

/// Read every listed file (on rayon's pool), in order; a file that cannot be
/// read keeps its placeholder and is reported in the warnings.
pub fn read_pending(pending: Vec<Pending>) -> (Vec<Article>, Vec<String>) {
    read_pending_with(pending, &ParseOptions::default())
}

/// [`read_pending`], each file parsed as `opts` say.
pub fn read_pending_with(
    pending: Vec<Pending>,
    opts: &ParseOptions,
) -> (Vec<Article>, Vec<String>) {
    use rayon::prelude::*;
    let read: Vec<(Article, Option<String>)> = pending
        .into_par_iter()
        .map(|p| match p {
            Pending::Read(a) => (*a, None),
            Pending::File(f) => match read_article_with(&f, opts) {
                Ok(a) => (a, None),
                Err(e) => (placeholder(&f), Some(format!("skipped {e}"))),
            },
        })
        .collect();
    let mut warnings = Vec::new();
    let arts = read
        .into_iter()
        .map(|(a, w)| {
            warnings.extend(w);
            a
        })
        .collect();
    (arts, warnings)
}

/// The article files (`*.txt`, `*.md`, `*.html`, `*.htm`) under a folder, recursively, sorted by
/// path. What cannot be walked is reported in `warnings`.
///
/// Listing and reading are separate steps (see [`read_listed`]) because the
/// folder may change in between, and that must cost one file, not the run.
pub fn list_folder(dir: &Path, warnings: &mut Vec<String>) -> Vec<PathBuf> {
    let mut files = Vec::new();
    // Canonical paths: a file reached through two links is listed once.
    let mut seen = HashSet::new();
    // Links are followed, so a link to a folder is walked and a link to an
    // article is read; walkdir reports a link back up the tree as a loop
    // instead of walking it again.
    let walker = WalkDir::new(dir)
        .follow_links(true)
        .max_depth(MAX_DEPTH)
        .sort_by_file_name();
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            // A folder link back up the tree: its files are listed already.
            Err(e) if e.loop_ancestor().is_some() => continue,
            Err(e) => {
                let path = e.path().unwrap_or(dir).to_path_buf();
                let named = path.is_dir() || is_article_name(&path) || path == dir;
                // A dangling link or a link loop (`a.txt -> a.txt`) named like
                // an article is worth a word; other names were never candidates.
                if named && let Some(io) = e.io_error() {
                    warnings.push(format!("skipped {}", io_error(&path, io)));
                }
                continue;
            }
        };
        let path = entry.path();
        if entry.file_type().is_dir() {
            if entry.depth() == MAX_DEPTH {
                warnings.push(format!(
                    "skipped {}: nested more than {MAX_DEPTH} folders deep",
                    path.display()
                ));
            }
            continue;
        }
        if is_article_name(path)
            && seen.insert(fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf()))
        {
            files.push(path.to_path_buf());
        }
    }
    files.sort();
    files
}

/// Read listed files into `out`: a file that cannot be read (gone since the
/// listing, unreadable, binary, empty) is skipped with a warning.
///
/// Files are read and parsed on rayon's pool (a folder of thousands of
/// articles loads in a fraction of the time), and kept in listing order.
pub fn read_listed(files: &[PathBuf], out: &mut Loaded) {
    read_listed_with(files, out, &ParseOptions::default());
}

/// [`read_listed`], each file parsed as `opts` say.
pub fn read_listed_with(files: &[PathBuf], out: &mut Loaded, opts: &ParseOptions) {
    use rayon::prelude::*;
    let read: Vec<Result<Article, LoadError>> = files
        .par_iter()
        .map(|f| read_article_with(f, opts))
        .collect();
    for r in read {
        match r {
            Ok(a) => out.articles.push(a),
            Err(e) => out.warnings.push(format!("skipped {e}")),
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
        // A BOM and nothing else holds no text either.
        assert!(check_text(&[0xEF, 0xBB, 0xBF]).is_err());
        assert!(check_text(&[0xFF, 0xFE, b' ', 0, b'\r', 0]).is_err());
    }

    #[test]
    fn utf16_without_bom_is_named_as_such() {
        let bytes: Vec<u8> = "Plain English text"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(
            check_text(&bytes)
                .unwrap_err()
                .contains("UTF-16 without a byte-order mark")
        );
        assert!(
            check_text(b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0")
                .unwrap_err()
                .contains("binary")
        );
    }
}
