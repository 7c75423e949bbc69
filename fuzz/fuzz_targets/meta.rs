//! Fuzz target `meta`: arbitrary bytes in every place a saved page states
//! its metadata: `<title>`, `og:title`, `og:site_name`, the author meta, the
//! published time, the `<h1>`, a byline element and the fields of JSON-LD.
//!
//! Parsing must not panic, the article must keep every invariant of
//! `copycat::article::check`, and every metadata field must be one line a
//! terminal cannot act on: no control character, no bidi control (issue
//! 25: entities in `og:site_name` reached the terminal raw).

#![no_main]

use copycat::article::{Article, check::check, decode::is_safe_inline};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // The input split into the fields' values, each decoded loosely (a page
    // holds text; its entities are what the input exercises).
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('\u{1}');
    let mut next = || parts.next().unwrap_or("").replace('"', "&quot;");
    let (title, og, site, author, time, h1, by, ld) = (
        next(),
        next(),
        next(),
        next(),
        next(),
        next(),
        next(),
        next().replace('<', "\\u003c"),
    );
    let page = format!(
        "<!doctype html><html><head><title>{title}</title>\
         <meta property=\"og:title\" content=\"{og}\">\
         <meta property=\"og:site_name\" content=\"{site}\">\
         <meta name=\"author\" content=\"{author}\">\
         <meta property=\"article:published_time\" content=\"{time}\">\
         <script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\
         \"headline\":\"{ld}\",\"author\":{{\"name\":\"{ld}\"}},\
         \"publisher\":{{\"name\":\"{ld}\"}},\"datePublished\":\"{ld}\"}}</script>\
         </head><body><article><h1>{h1}</h1><p class=\"byline\">By {by}</p>\
         <p>The ministers met in Geneva on Sunday to discuss the draft agreement.</p>\
         <p>Officials said the talks would continue through the week.</p>\
         </article></body></html>"
    );
    let a = Article::parse("fuzz.html", page.into_bytes());
    if let Err(e) = check(&a) {
        panic!("invariant broken: {e}");
    }
    let m = &a.meta;
    for (field, v) in [
        ("title", Some(m.title.as_str())),
        ("date", m.date.as_deref()),
        ("byline", m.byline.as_deref()),
        ("outlet", m.outlet.as_deref()),
    ] {
        if let Some(v) = v {
            assert!(v.chars().all(is_safe_inline), "{field}: {v:?}");
        }
    }
});
