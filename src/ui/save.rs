//! `e`: the open pair written as the standalone HTML report, into the
//! working folder, under a name made of the two files' stems (`A--B.html`),
//! never over an existing file.
//!
//! The report itself comes from `export::html`, which the reader may not
//! import (see ARCHITECTURE.md): the binary hands it in as a function.

use std::io;
use std::path::{Path, PathBuf};

use crate::article::Article;
use crate::comparison::Comparison;

/// Writes a pair as a standalone HTML report.
pub type HtmlReport = fn(&Article, &Article, &Comparison) -> String;

/// Most characters of each stem kept in a report's name: two long titles
/// must still make a name the file system accepts (255 bytes).
const MAX_STEM: usize = 60;

/// The file name of `art` without its extension, made fit for a file name:
/// characters that could steer a terminal or confuse a shell become `_`.
pub fn stem(art: &Article) -> String {
    let name = art.file_name();
    let stem = match name.rfind('.') {
        Some(i) if i > 0 => &name[..i],
        _ => name,
    };
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || "-_.,+=@".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(MAX_STEM)
        .collect();
    if clean.is_empty() {
        "article".into()
    } else {
        clean
    }
}

/// `A--B`: the report's name for a pair, before any suffix.
pub fn base_name(a: &Article, b: &Article) -> String {
    format!("{}--{}", stem(a), stem(b))
}

/// Create `dir/base.ext`, or `dir/base-2.ext`, `-3`… when it exists, with
/// `contents`: whole or not at all, never over an existing file (see
/// [`crate::outfile::write_new`]).
pub fn write_new(dir: &Path, base: &str, ext: &str, contents: &[u8]) -> io::Result<PathBuf> {
    crate::outfile::write_new(dir, base, ext, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_come_from_the_stems_and_never_overwrite() {
        let a = Article::parse("dir/wire story.txt", b"One.".to_vec());
        let b = Article::parse("x/\x1b[2Jcopy.md", b"Two.".to_vec());
        assert_eq!(base_name(&a, &b), "wire_story--__2Jcopy");
        let dir = std::env::temp_dir().join(format!("copycat-save-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let first = write_new(&dir, "p", "html", b"1").unwrap();
        let second = write_new(&dir, "p", "html", b"2").unwrap();
        let third = write_new(&dir, "p", "html", b"3").unwrap();
        assert_eq!(first.file_name().unwrap(), "p.html");
        assert_eq!(second.file_name().unwrap(), "p-2.html");
        assert_eq!(third.file_name().unwrap(), "p-3.html");
        assert_eq!(std::fs::read(&first).unwrap(), b"1");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
