//! The layers hold: no module of the library imports from a layer above it
//! (ARCHITECTURE.md, "Modules and what they may not import"). The engine
//! (`article`, `align`, `drift`, `comparison`, `corpus`, `export`, `marks`)
//! knows nothing of the terminal; `export` knows nothing of the reader; the
//! reader may not import `export` (the binary hands `e` its writer).
//!
//! Every `crate::NAME` a source file mentions, in a `use` or a path, is
//! checked against the table below; a module not in the table fails too,
//! so a new module must say where it stands.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module of the library and the modules it may use.
const MAY_USE: &[(&str, &[&str])] = &[
    ("marks", &[]),
    ("side", &[]),
    ("article", &["side"]),
    ("outfile", &["article"]),
    ("align", &["article", "marks", "side"]),
    ("drift", &["article", "align", "marks", "side"]),
    (
        "comparison",
        &["article", "align", "drift", "marks", "side"],
    ),
    (
        "corpus",
        &["article", "align", "drift", "comparison", "marks", "side"],
    ),
    (
        "archive",
        &[
            "article",
            "align",
            "drift",
            "comparison",
            "corpus",
            "marks",
            "side",
        ],
    ),
    (
        "export",
        &[
            "article",
            "align",
            "drift",
            "comparison",
            "corpus",
            "marks",
            "side",
        ],
    ),
    (
        "view",
        &["article", "align", "drift", "comparison", "marks", "side"],
    ),
    (
        "ui",
        &[
            "article",
            "align",
            "drift",
            "comparison",
            "corpus",
            "marks",
            "side",
            "view",
            "outfile",
            "archive",
        ],
    ),
];

/// Items of the crate root every module may use (not layers).
const ROOT_ITEMS: &[&str] = &["test_panic"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for e in std::fs::read_dir(dir).expect("read src") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The crate modules a file's code names: `crate::NAME` and the names in
/// `crate::{A, B::…}` groups (comments left out).
fn mentioned(code: &str) -> BTreeSet<String> {
    let code: String = code
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n");
    let mut out = BTreeSet::new();
    let mut rest = code.as_str();
    while let Some(at) = rest.find("crate::") {
        rest = &rest[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // A group: the first name of each item, at any nesting depth 0.
            let mut depth = 0;
            let mut item = String::new();
            let mut first = true;
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        first = true;
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                if depth == 0 && first {
                    if c.is_alphanumeric() || c == '_' {
                        item.push(c);
                    } else if !item.is_empty() {
                        out.insert(std::mem::take(&mut item));
                        first = false;
                    }
                }
            }
            if !item.is_empty() {
                out.insert(item);
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                out.insert(name);
            }
        }
    }
    out
}

#[test]
fn no_module_imports_from_a_layer_above_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut broken = Vec::new();
    for f in files {
        let rel = f.strip_prefix(&src).expect("under src");
        let top = rel
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .expect("a name")
            .trim_end_matches(".rs")
            .to_string();
        // The crate root and the binary (main.rs and its cli/) may use
        // anything of the library.
        if matches!(top.as_str(), "lib" | "main" | "cli") {
            continue;
        }
        let Some((_, allowed)) = MAY_USE.iter().find(|(m, _)| *m == top) else {
            broken.push(format!(
                "{}: module `{top}` has no place in the layer table of tests/layers.rs",
                rel.display()
            ));
            continue;
        };
        let code = std::fs::read_to_string(&f).expect("read a source file");
        for name in mentioned(&code) {
            if name == top || ROOT_ITEMS.contains(&name.as_str()) {
                continue;
            }
            if !allowed.contains(&name.as_str()) {
                broken.push(format!("{}: `{top}` uses `crate::{name}`", rel.display()));
            }
        }
    }
    assert!(
        broken.is_empty(),
        "layer violations:\n{}",
        broken.join("\n")
    );
}

#[test]
fn the_scanner_sees_paths_and_groups() {
    let code = "use crate::align::Kind;\nuse crate::{view::Side, marks};\n\
                // crate::ui in a comment\nfn f() { crate::corpus::rank(); }";
    let got: Vec<String> = mentioned(code).into_iter().collect();
    assert_eq!(got, ["align", "corpus", "marks", "view"]);
}
