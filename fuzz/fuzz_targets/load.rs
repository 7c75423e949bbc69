//! Fuzz target `load`: arbitrary bytes as an article file.
//!
//! `Article::parse` must not panic, and the article must keep every invariant
//! of `copycat::article::check` (safe text, spans in order and inside each
//! other, every span mapping back inside the file on character boundaries).

#![no_main]

use copycat::article::{Article, check::check, load::check_text};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The loader's own test of the bytes must not panic either.
    let _ = check_text(data);
    let a = Article::parse("fuzz.txt", data.to_vec());
    if let Err(e) = check(&a) {
        panic!("invariant broken: {e}");
    }
});
