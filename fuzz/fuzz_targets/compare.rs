//! Fuzz target `compare`: two arbitrary byte strings as articles A and B,
//! aligned and rendered as the JSON of `copycat compare --format json`.
//!
//! The first byte says where the rest is cut in two (0: all of it is B, 255:
//! all of it is A), so the fuzzer can grow either side. Nothing may panic,
//! the JSON must parse, and every offset in it must lie inside its file.

#![no_main]

use copycat::article::Article;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&cut, rest)) = data.split_first() else {
        return;
    };
    let (x, y) = rest.split_at(usize::from(cut) * rest.len() / 255);
    let a = Article::parse("a.txt", x.to_vec());
    let b = Article::parse("b.txt", y.to_vec());
    let al = copycat::align::align(&a, &b);
    let json = copycat::export::json::render(&a, &b, &copycat::comparison::Comparison::of(&a, &b, al.clone()));
    let v: serde_json::Value = serde_json::from_str(&json).expect("compare JSON parses");
    for link in v["links"].as_array().expect("a links array") {
        for (side, art) in [("a", &a), ("b", &b)] {
            let start = link[side]["start"].as_u64().expect("a start offset") as usize;
            let end = link[side]["end"].as_u64().expect("an end offset") as usize;
            assert!(
                start <= end && end <= art.bytes.len(),
                "link offsets {start}..{end} outside {side} ({} bytes)",
                art.bytes.len()
            );
        }
    }
});
