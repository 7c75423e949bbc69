//! `e`: the open pair written as the standalone HTML report, into the
//! working folder, under a name made of the two files' stems (`A--B.html`;
//! for two files of one name, their folders or their titles), never over
//! an existing file.
//!
//! The report itself comes from `export::html`, which the reader may not
//! import (see ARCHITECTURE.md): the binary hands it in as a function.

use std::io;
use std::path::{Path, PathBuf};

use crate::article::{Article, safe_line};
use crate::comparison::Comparison;

/// Writes a pair as a standalone HTML report.
pub type HtmlReport = fn(&Article, &Article, &Comparison) -> String;

/// What `e` writes with, and where.
#[derive(Debug, Clone)]
pub struct Reports {
    /// The report writer; `None`: `e` says it cannot.
    html: Option<HtmlReport>,
    /// The folder written into.
    dir: PathBuf,
}

impl Default for Reports {
    fn default() -> Reports {
        Reports {
            html: None,
            dir: PathBuf::from("."),
        }
    }
}

impl Reports {
    /// Write reports with `html` into `dir`.
    pub fn new(html: HtmlReport, dir: impl Into<PathBuf>) -> Reports {
        Reports {
            html: Some(html),
            dir: dir.into(),
        }
    }

    /// Write the report of the open pair `a`, `b` and their comparison (or
    /// say why there is none yet); what the status bar says of it.
    pub fn write(&self, pair: Result<(&Article, &Article, &Comparison), &str>) -> String {
        let Some(html) = self.html else {
            return "no report writer in this build".into();
        };
        let (a, b, c) = match pair {
            Ok(pair) => pair,
            Err(why) => return why.into(),
        };
        let report = html(a, b, c);
        let base = base_name(a, b);
        match write_new(&self.dir, &base, "html", report.as_bytes()) {
            Ok(path) => {
                let shown = std::path::absolute(&path).unwrap_or(path);
                format!("wrote {}", safe_line(&shown.to_string_lossy()))
            }
            Err(e) => format!(
                "cannot write {}.html in {}: {}",
                safe_line(&base),
                safe_line(&self.dir.to_string_lossy()),
                crate::outfile::os_text(&e)
            ),
        }
    }
}

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
    clean(stem)
}

/// The folder `art`'s file is in (its last part), made fit for a file name;
/// `None` for a file named without one.
fn folder(art: &Article) -> Option<String> {
    let parent = std::path::Path::new(&art.path).parent()?.file_name()?;
    Some(clean(&parent.to_string_lossy()))
}

/// `art`'s title as words joined by `-`, lower case (`us-peace-plan-for`),
/// cut to [`MAX_STEM`] characters.
fn title_words(art: &Article) -> String {
    let words: Vec<String> = art
        .meta
        .title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    clean(&words.join("-"))
}

/// `s` made fit for a file name, cut to [`MAX_STEM`] characters (`article`
/// when nothing is left).
fn clean(s: &str) -> String {
    let clean: String = s
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

/// `A--B`: the report's name for a pair, before any suffix. Two files of
/// one name (`a/source.html`, `b/source.html`) are told apart by their
/// folders (`a-source--b-source`), else by their titles.
pub fn base_name(a: &Article, b: &Article) -> String {
    let (sa, sb) = (stem(a), stem(b));
    if sa != sb {
        return format!("{sa}--{sb}");
    }
    if let (Some(fa), Some(fb)) = (folder(a), folder(b))
        && fa != fb
    {
        return format!("{fa}-{sa}--{fb}-{sb}");
    }
    let (ta, tb) = (title_words(a), title_words(b));
    if ta != tb && ta != "article" && tb != "article" {
        return format!("{ta}--{tb}");
    }
    format!("{sa}--{sb}")
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

    /// Regression: `e` on two pages of one name (`a/source.html`,
    /// `b/source.html`) wrote `source--source.html`, which says nothing of
    /// either.
    #[test]
    fn two_files_of_one_name_are_told_apart_by_folder_or_title() {
        let page = |path: &str, title: &str| {
            Article::parse(path, format!("{title}\n\nSome text here.\n").into_bytes())
        };
        let (a, b) = (page("a/source.html", "One"), page("b/source.html", "Two"));
        assert_eq!(base_name(&a, &b), "a-source--b-source");
        let (a, b) = (
            page("x/news/source.txt", "Peace plan drew on Russian paper"),
            page("y/news/source.txt", "U.S. plan: influenced by Kremlin?"),
        );
        assert_eq!(
            base_name(&a, &b),
            "peace-plan-drew-on-russian-paper--u-s-plan-influenced-by-kremlin"
        );
        let (a, b) = (page("source.txt", "Same"), page("source.txt", "Same"));
        assert_eq!(base_name(&a, &b), "source--source");
    }

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
