//! The article text copycat reads from saved web pages (for
//! `scripts/extract-bench.sh` and for looking at one page by hand).
//!
//!     cargo run --release --example extract -- [--whole] [--json] [--notes] PAGE...
//!
//! Each page is read as `copycat` reads it (`article::load::read_article`),
//! and its body is printed: the paragraphs copycat compares and the
//! crossheads between them, one per line; not the headline, the byline or
//! the date lines, which a reader sees apart from the story. `--whole`
//! prints the whole text instead (headline and meta lines included).
//! `--json` prints one JSON object for all pages instead, keyed by file name
//! without its extension, with each page's `"meta"` (title, date, byline,
//! outlet) too, each `{"articleBody": …}` in the ScrapingHub
//! benchmark's format, with `"refused"` holding the reason for a page copycat
//! refuses, `"notes"` the extraction's notes and `"extraction"` its
//! figures; `--notes` prints those
//! notes on standard error for the plain form; `--blocks` lists each
//! block of the page with how it was judged (`*`: in the story's element).

use std::path::Path;

use copycat::article::{Article, Role, load};

fn body(a: &Article, whole: bool) -> String {
    if whole {
        return a.text.clone();
    }
    a.paragraphs
        .iter()
        .filter(|p| matches!(p.role, Role::Body | Role::Heading))
        .map(|p| a.text_at(p.span).trim())
        .collect::<Vec<_>>()
        .join("\n")
}

fn main() {
    let mut whole = false;
    let mut json = false;
    let mut notes = false;
    let mut blocks = false;
    let mut pages = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--whole" => whole = true,
            "--json" => json = true,
            "--notes" => notes = true,
            "--blocks" => {
                blocks = true;
            }
            _ => pages.push(a),
        }
    }
    if pages.is_empty() {
        eprintln!("usage: extract [--whole] [--json] [--notes] PAGE...");
        std::process::exit(2);
    }
    if blocks {
        for p in &pages {
            let bytes = std::fs::read(p).expect("a readable page");
            let d = copycat::article::decode::decode(&bytes);
            for line in copycat::article::html::explain(&d.text) {
                println!("{line}");
            }
        }
        return;
    }
    let mut out = serde_json::Map::new();
    for p in &pages {
        let path = Path::new(p);
        let key = path
            .file_name()
            .and_then(|n| n.to_str())
            .map(|n| n.rsplit_once('.').map_or(n, |(stem, _)| stem).to_string())
            .unwrap_or_else(|| p.clone());
        let (text, refused, page_notes, extraction, meta) = match load::read_article(path) {
            Ok(a) => (
                body(&a, whole),
                None,
                a.extraction_notes(),
                serde_json::to_value(&a.extraction).unwrap_or_default(),
                serde_json::to_value(&a.meta).unwrap_or_default(),
            ),
            Err(e) => (
                String::new(),
                Some(e.to_string()),
                Vec::new(),
                serde_json::Value::Null,
                serde_json::Value::Null,
            ),
        };
        if json {
            let mut v = serde_json::Map::new();
            v.insert("articleBody".into(), text.into());
            if let Some(r) = refused {
                v.insert("refused".into(), r.into());
            }
            v.insert("notes".into(), page_notes.into());
            v.insert("extraction".into(), extraction);
            v.insert("meta".into(), meta);
            out.insert(key, v.into());
        } else {
            if let Some(r) = refused {
                eprintln!("{r}");
            }
            if notes {
                for n in page_notes {
                    eprintln!("{p}: {n}");
                }
            }
            println!("{text}");
        }
    }
    if json {
        println!(
            "{}",
            serde_json::to_string(&out).expect("a map of strings serializes")
        );
    }
}
