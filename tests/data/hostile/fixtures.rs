//! The hostile articles of `tests/hostile.rs` and `tests/ui.rs`.
//!
//! Built in code rather than committed as files: a file holding these bytes
//! would set the title, write the clipboard and clear the screen of whoever
//! `cat`s it. Both test files include this one with `#[path]`.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// Sentences both articles share, so that the aligner links them and the
/// hostile passages around them are shown side by side, linked too.
pub const SHARED: [&str; 6] = [
    "The ministers met in Geneva on Sunday to discuss the draft agreement on grain exports.",
    "Officials said the talks would continue through the week despite sharp disagreements over shipping routes.",
    "The proposal would allow cargo ships to pass through the corridor under international inspection.",
    "Several delegations asked for guarantees that the inspections would be carried out fairly.",
    "A spokesman for the organisers described the first day as constructive but difficult.",
    "Markets reacted calmly to the news, with wheat futures falling slightly in early trading.",
];

/// Base64 of `COPYCAT_PWNED`: what the OSC 52 sequence would put on the clipboard.
pub const OSC52_PAYLOAD: &str = "Q09QWUNBVF9QV05FRA==";

/// One sentence per attack.
pub fn attacks() -> Vec<String> {
    vec![
        "Screen clear \x1b[2J\x1b[HWIPED here.".into(),
        format!("Clipboard \x1b]52;c;{OSC52_PAYLOAD}\x07 write."),
        "Link \x1b]8;;http://evil.example/x\x1b\\click me\x1b]8;;\x1b\\ now.".into(),
        "Title \x1b]0;PWNED\x07 change.".into(),
        "Device control \x1bPqDCSPAYLOAD\x1b\\ and \x1b_APCPAYLOAD\x1b\\ strings.".into(),
        "C1 controls \u{9b}31mCONE and \u{9d}0;CONETITLE\u{9c} encoded.".into(),
        "Bidi \u{202e}resu\u{2066}admin\u{2069} swapped.".into(),
        "Bell \x07 backspace \x08 and delete \x7f here.".into(),
        format!("Joiners a{}b here.", "\u{200d}".repeat(5000)),
        format!("Marks e{} here.", "\u{301}".repeat(5000)),
        format!(
            "Families {} here.",
            "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}".repeat(50)
        ),
        "Hearts \u{2764}\u{fe0f} flags \u{1f1fa}\u{1f1e6} thumbs \u{1f44d}\u{1f3fd} and \
         漢字とかなの記事です。全角文字 ｶﾞｷﾞｸﾞ here."
            .into(),
    ]
}

/// Byte strings that must never reach the terminal: each attack's start as
/// the terminal would act on it (the visible placeholders are fine).
pub const FORBIDDEN: &[&[u8]] = &[
    b"\x1b[2J\x1b[HWIPED",
    b"\x1b]52;",
    b"\x1b]8;;http",
    b"\x1b]0;PWNED",
    b"\x1bPqDCS",
    b"\x1b_APC",
    // U+009B and U+009D as UTF-8, and the raw byte alone (below).
    b"\xc2\x9b",
    b"\xc2\x9d",
    b"\x9b32mRAWC1",
    // U+202E, U+2066, U+2069 as UTF-8.
    b"\xe2\x80\xae",
    b"\xe2\x81\xa6",
    b"\xe2\x81\xa9",
    b"\x07",
    b"\x08",
    b"\x7f",
];

/// A 1 MiB line of prose with no newline after it.
pub fn megabyte_line() -> String {
    let mut s = String::with_capacity(1 << 20);
    let mut i = 0;
    while s.len() < (1 << 20) {
        s.push_str(&format!(
            "Filler sentence {i} keeps the one long line going without a break. "
        ));
        i += 1;
    }
    s.truncate(1 << 20);
    s.trim_end().to_string()
}

fn body(title: &str) -> String {
    let attacks = attacks();
    let mut s = format!("{title}\n\n");
    for (i, shared) in SHARED.iter().enumerate() {
        s.push_str(shared);
        for a in attacks.iter().skip(2 * i).take(2) {
            s.push(' ');
            s.push_str(a);
        }
        s.push_str("\n\n");
    }
    s
}

/// Article A: the shared sentences and every attack, a hostile title.
pub fn article_a() -> Vec<u8> {
    let mut s = body("Hostile \x1b]0;PWNED\x07 headline about the grain talks");
    s.push_str("A closing paragraph that only the first article has.\n");
    s.into_bytes()
}

/// Article B: the same passages, a raw 0x9B byte (invalid UTF-8, an 8-bit
/// CSI to a terminal that reads Latin-1) and, with `big`, the 1 MiB line.
pub fn article_b(big: bool) -> Vec<u8> {
    let mut b = body("Second story on the grain talks in Geneva").into_bytes();
    b.extend_from_slice(b"A raw byte \x9b32mRAWC1 in the second article.\n\n");
    if big {
        b.extend_from_slice(megabyte_line().as_bytes());
    } else {
        b.extend_from_slice(b"Something new in the second article.\n");
    }
    b
}

/// Write both articles into `dir`; returns their paths.
pub fn write(dir: &Path, big: bool) -> (PathBuf, PathBuf) {
    let a = dir.join("hostile-a.txt");
    let b = dir.join("hostile-b.txt");
    std::fs::write(&a, article_a()).expect("write article A");
    std::fs::write(&b, article_b(big)).expect("write article B");
    (a, b)
}

/// What each metadata field of [`page`] holds: escape sequences, a C1
/// control, a bidi override and a clipboard write, all as entities (and as
/// JSON escapes in the JSON-LD), so that only decoding brings them to life.
pub const META_ATTACK: &str =
    "&#27;]0;PWNTITLE&#7;&#27;[2J&#x202E;&#155;31m&#27;]52;c;UFdOQ0xJUA==&#7;";

/// A saved web page whose every metadata field is hostile (`META_ATTACK`):
/// `<title>`, `og:title`, `og:site_name`, author meta, the published time,
/// the `<h1>`, a byline element and JSON-LD. `n` varies the file's own
/// sentence so that two pages make a pair with text of their own.
pub fn page(n: usize) -> String {
    let x = META_ATTACK;
    let json = "\\u001b]0;PWNTITLE\\u0007\\u001b[2J\\u202e";
    let body: String = SHARED.iter().map(|s| format!("<p>{s}</p>\n")).collect();
    format!(
        "<!doctype html><html><head>\
         <meta charset=\"utf-8\">\
         <title>Title {x} {n} - Daily {x}</title>\
         <meta property=\"og:title\" content=\"OG {x} title\">\
         <meta property=\"og:site_name\" content=\"Daily {x} News\">\
         <meta name=\"author\" content=\"Jo {x} Smith\">\
         <meta property=\"article:published_time\" content=\"2025-11-26T10:00:00Z{x}\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"headline\":\"LD {json} headline\",\"datePublished\":\"2025-11-26{json}\",\
         \"author\":{{\"@type\":\"Person\",\"name\":\"LD {json} author\"}},\
         \"publisher\":{{\"@type\":\"Organization\",\"name\":\"LD {json} outlet\"}}}}</script>\
         </head><body><article>\
         <h1>Headline {x} {n}</h1>\
         <p class=\"byline\">By Jo {x} Smith</p>\n\
         {body}<p>This page is number {n} of the pair and says so in a sentence of its own.</p>\
         </article></body></html>"
    )
}

/// Write the two hostile pages into `dir`.
pub fn write_pages(dir: &Path) -> (PathBuf, PathBuf) {
    let a = dir.join("hostile-a.html");
    let b = dir.join("hostile-b.html");
    std::fs::write(&a, page(1)).expect("write page a");
    std::fs::write(&b, page(2)).expect("write page b");
    (a, b)
}

/// Byte strings of [`META_ATTACK`] as a terminal would act on them.
pub const META_FORBIDDEN: &[&[u8]] = &[
    b"\x1b]0;PWNTITLE",
    b"\x1b[2J",
    b"\x1b]52;",
    b"\xe2\x80\xae",
    b"\xc2\x9b",
];
