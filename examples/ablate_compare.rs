//! `copycat compare A B --format json` with kinds of evidence switched off,
//! for `scripts/devsets/ablation.sh` until `compare` takes a hidden
//! `--ablate LIST` flag (development aid, not a user command).
//!
//!     cargo run --release --example ablate_compare -- synonyms,runs A B
use copycat::align::{self, Evidence, Options};
use copycat::article::Article;
use copycat::comparison::Comparison;
use copycat::export::json;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [off, a, b] = args.as_slice() else {
        eprintln!("usage: ablate_compare OFF_LIST A B");
        return ExitCode::from(2);
    };
    let evidence = match Evidence::without(off) {
        Ok(e) => e,
        Err(e) => {
            eprintln!("ablate_compare: {e}");
            return ExitCode::from(2);
        }
    };
    let read = |p: &String| match std::fs::read(p) {
        Ok(bytes) => Ok(Article::parse(p.as_str(), bytes)),
        Err(e) => Err(format!("{p}: {e}")),
    };
    let (a, b) = match (read(a), read(b)) {
        (Ok(a), Ok(b)) => (a, b),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("ablate_compare: {e}");
            return ExitCode::from(2);
        }
    };
    let opts = Options {
        evidence,
        ..Options::default()
    };
    let c = Comparison::of(&a, &b, align::align_with(&a, &b, &opts));
    print!("{}", json::render(&a, &b, &c));
    ExitCode::SUCCESS
}
