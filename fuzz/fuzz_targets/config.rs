//! Fuzz target `config`: arbitrary text as the reader's config file.
//!
//! The parser must not panic; it accepts the file or refuses it with one
//! line a terminal cannot act on, naming the file, and short however long
//! the input (a value or a key is quoted to 80 characters at most).

#![no_main]

use copycat::article::decode::is_safe_inline;
use copycat::testing::parse_config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Err(e) = parse_config(text, "config.toml") {
        assert!(e.starts_with("config.toml:"), "{e:?}");
        assert!(e.chars().all(is_safe_inline), "{e:?}");
        // The origin, a line number, a key of at most 80 characters and a
        // message of at most 240, with their separators.
        assert!(e.chars().count() <= 360, "{} characters", e.chars().count());
    }
});
