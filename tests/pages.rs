//! Saved web pages as articles: the story extracted from the furniture, its
//! metadata from the markup, and every reported offset pointing into the HTML
//! file as stored.
//!
//! The pages in `tests/data/pages/` were written for these tests in the shape
//! of real saved news pages: a wire story split across one `<div>` per
//! paragraph among a cookie banner, navigation, an ad slot, related links and
//! a sidebar (`reuters-split-divs.html`, the text of the bundled Reuters
//! story); a WordPress post with a menu, share buttons, tags, comments and a
//! reply form (`wordpress-comments.html`, the bundled Palakshi story); and a
//! section front with headlines only and no article (`section-front.html`).
//!
//! The others are each shaped like a failure seen on real saved pages (issue
//! 20): a body split over several sections between an ad and related links
//! (`split-sections.html`); a whole page inside wrappers whose class names
//! say `ad`, `sidebar` and `widget` (`sidebar-wrapper.html`); prose in a
//! plain `<div>` split by `<br>`s (`div-prose.html`); metadata only in
//! JSON-LD (`jsonld-only.html`); hidden text and furniture such as a video
//! countdown, font-size buttons and "Like this:" (`hidden-furniture.html`);
//! a sidebar story beside the article (`sidebar-story.html`); a how-to whose
//! steps are short sentences in a list (`howto-steps.html`); pages in
//! Latin-1 and windows-1252 that say so in their markup (`latin1.html`,
//! `cp1252-http-equiv.html`); and control characters spelled as entities in
//! every metadata field (`hostile-meta.html`).

#[path = "common/markup.rs"]
mod markup;

use std::path::Path;

use copycat::align::align;
use copycat::article::{Article, ParseOptions, Role, TextBytes, check, decode, load};

fn fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages")
        .join(name)
}

fn page(name: &str) -> Article {
    let a = load::read_article(&fixture(name)).expect("the page loads");
    assert_offsets(&a);
    a
}

/// Every fixture, for the checks that hold on all of them.
const FIXTURES: &[&str] = &[
    "reuters-split-divs.html",
    "wordpress-comments.html",
    "split-sections.html",
    "sidebar-wrapper.html",
    "div-prose.html",
    "jsonld-only.html",
    "hidden-furniture.html",
    "sidebar-story.html",
    "howto-steps.html",
    "latin1.html",
    "cp1252-http-equiv.html",
    "hostile-meta.html",
    "nav-wrapper-open-head.html",
];

/// The article keeps every invariant, and each sentence's bytes in the file
/// render (tags dropped, entities decoded, in the file's encoding) as the
/// sentence, or, where the story leaves out furniture inside a paragraph (a
/// hover card), as the sentence with that text between: the sentence's
/// characters in order, from its first to its last.
fn assert_offsets(a: &Article) {
    if let Err(e) = check::check(a) {
        panic!("{}: {e}", a.path);
    }
    let html = match std::str::from_utf8(&a.bytes) {
        Ok(s) => s.to_string(),
        // The two legacy encodings of the fixtures; their bytes are read
        // one character each, so byte ranges carry over.
        Err(_) => a.bytes.iter().map(|&b| latin1_or_cp1252(b)).collect(),
    };
    let utf8 = std::str::from_utf8(&a.bytes).is_ok();
    for s in &a.sentences {
        let r = a.file_bytes(s.span);
        assert!(r.end <= a.bytes.len() && r.start <= r.end, "{r:?}");
        if utf8 && html[r.range()].contains("&#") {
            // A numeric reference may spell anything (a control character
            // becomes its placeholder, `&#x9b;` windows-1252's `›`): the
            // invariants above cover these.
            continue;
        }
        let shown = if utf8 {
            rendered(&html[r.range()])
        } else {
            let chars: String = a.bytes[r.range()]
                .iter()
                .map(|&b| latin1_or_cp1252(b))
                .collect();
            rendered(&chars)
        };
        let said = words(a.text_at(s.span));
        if shown != said {
            let bare = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<_>>();
            let (shown, said) = (bare(&shown), bare(&said));
            let mut rest = shown.iter();
            assert!(
                shown.first() == said.first()
                    && shown.last() == said.last()
                    && said.iter().all(|c| rest.any(|x| x == c)),
                "{}: bytes {r:?} render as the sentence, or hold it",
                a.path
            );
        }
    }
}

/// A byte of the legacy fixtures as a character (windows-1252's curly
/// apostrophe, Latin-1 otherwise).
fn latin1_or_cp1252(b: u8) -> char {
    if b == 0x92 { '’' } else { char::from(b) }
}

fn bundled(key: &str) -> Article {
    copycat::article::bundled()
        .into_iter()
        .find(|a| a.path.contains(key))
        .expect("a bundled article")
}

/// The text a browser shows for a stretch of HTML: tags dropped, entities
/// decoded, whitespace collapsed (enough for the entities these pages use).
fn rendered(html: &str) -> String {
    let out = markup::without_tags(html)
        .replace("&#x202E;", "\u{FFFD}")
        .replace("&#8217;", "’")
        .replace("&#8220;", "“")
        .replace("&#8221;", "”")
        .replace("&copy;", "©")
        .replace("&ldquo;", "“")
        .replace("&rdquo;", "”")
        .replace("&amp;", "&")
        .replace("&quot;", "\"");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn words(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn a_news_page_keeps_the_story_and_drops_menu_share_tags_and_comments() {
    let a = page("wordpress-comments.html");
    assert_eq!(
        a.meta.title,
        "US Peace Plan for Ukraine Influenced by Kremlin “Non-Paper,” Sparking Alarm in Washington"
    );
    assert!(a.meta.headline, "the <h1> is the article's headline line");
    assert_eq!(a.meta.date.as_deref(), Some("2025-11-26"));
    assert_eq!(a.meta.outlet.as_deref(), Some("World Affairs Daily"));
    assert_eq!(a.meta.byline.as_deref(), Some("Palakshi"));
    for furniture in [
        "Politics",
        "Share this",
        "Tags:",
        "troubling to read",
        "Leave a Reply",
        "Sign up for our daily briefing",
        "Proudly powered",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} in:\n{}", a.text);
    }
    let txt = bundled("palakshi");
    // Every body sentence of the plain-text version is in the page's story,
    // but for the standfirst under the headline: like the benchmark's
    // annotators, copycat leaves a standfirst out of the story.
    let dek = "A leaked Russian draft";
    assert!(!a.text.contains(dek));
    for s in txt.sentences.iter().filter(|s| s.role.compared()) {
        let sentence = words(txt.text_at(s.span));
        if sentence.starts_with(dek) {
            continue;
        }
        assert!(words(&a.text).contains(&sentence), "missing: {sentence}");
    }
}

#[test]
fn a_story_split_across_divs_is_read_whole_without_ads_or_related_links() {
    let a = page("reuters-split-divs.html");
    // The headline the page's JSON-LD states comes before Open Graph's.
    assert_eq!(a.meta.title, "US peace plan drew on Russian non-paper");
    assert_eq!(a.meta.outlet.as_deref(), Some("Reuters"));
    assert_eq!(a.meta.date.as_deref(), Some("2025-11-26"));
    for furniture in [
        "We use cookies",
        "Advertisement",
        "Related coverage",
        "Most read",
        "Business",
        "Share on X",
        "not article text",
        "duplicated here",
        "All quotes delayed",
    ] {
        assert!(!a.text.contains(furniture), "{furniture:?} in the story");
    }
    let txt = bundled("reuters");
    let (pa, pt) = (a.body_counts(), txt.body_counts());
    // The same paragraphs, and the sign-off line the page adds.
    assert_eq!(pa.0, pt.0 + 1, "paragraphs");
    assert!(a.text.contains("SKEPTICISM OVER RUSSIAN INFLUENCE"));
}

#[test]
fn a_page_with_no_article_is_refused_with_a_reason() {
    let e = load::read_article(&fixture("section-front.html")).unwrap_err();
    assert!(
        e.to_string()
            .contains(": a web page with no article in it: "),
        "{e}"
    );
    // What was found, and what was tried.
    assert!(
        e.to_string()
            .contains("none of its 13 blocks of text reads as a paragraph"),
        "{e}"
    );
    assert!(
        e.to_string().ends_with(
            "(tried: the element holding the most prose less furniture; \
             then shorter paragraphs (25 characters or more))"
        ),
        "{e}"
    );
    // Read whole, the same page is an article: every visible text.
    let whole = load::read_article_with(
        &fixture("section-front.html"),
        &ParseOptions { whole_page: true },
    )
    .expect("the whole page reads");
    assert!(whole.text.contains("Markets"), "{}", whole.text);
    assert!(whole.extraction.as_ref().is_some_and(|x| x.whole_page));
}

/// Two saved pages align like the plain texts they hold, and every offset of
/// every link points at that passage in the HTML file as stored.
#[test]
fn pages_align_like_their_text_and_offsets_point_into_the_html() {
    let (a, b) = (
        page("reuters-split-divs.html"),
        page("wordpress-comments.html"),
    );
    let al = align(&a, &b);
    let plain = align(&bundled("reuters"), &bundled("palakshi"));
    assert_eq!(al.links.len(), plain.links.len());
    let kinds =
        |al: &copycat::align::Alignment| al.links.iter().map(|l| l.kind).collect::<Vec<_>>();
    assert_eq!(kinds(&al), kinds(&plain));
    let html_a = std::str::from_utf8(&a.bytes).unwrap();
    let html_b = std::str::from_utf8(&b.bytes).unwrap();
    for l in &al.links {
        for (art, html, span) in [(&a, html_a, l.a_span), (&b, html_b, l.b_span)] {
            let r = art.file_bytes(span);
            let shown = rendered(&html[r.range()]);
            assert_eq!(
                shown,
                words(art.text_at(span)),
                "bytes {r:?} of the HTML render as the link's text"
            );
        }
    }
}

fn paragraphs(a: &Article) -> Vec<&str> {
    a.paragraphs
        .iter()
        .filter(|p| p.role.compared() || p.role == Role::Heading)
        .map(|p| a.text_at(p.span).trim())
        .collect()
}

fn assert_kept_and_dropped(a: &Article, kept: &[&str], dropped: &[&str]) {
    for k in kept {
        assert!(a.text.contains(k), "{k:?} missing from:\n{}", a.text);
    }
    for d in dropped {
        assert!(!a.text.contains(d), "{d:?} in:\n{}", a.text);
    }
}

/// New York Times pages split the body over several sections with ads and
/// related links between them; the story kept only the first section.
#[test]
fn a_body_split_over_sections_is_read_whole() {
    let a = page("split-sections.html");
    assert_kept_and_dropped(
        &a,
        &[
            "WASHINGTON — Trade negotiators",
            "raises the chance that a new round",
            "Farm groups, which had hoped",
            "“Our members cannot plant on promises",
            "Officials said the two delegations",
            "A calendar with little room",
            "Congress leaves for its winter recess",
        ],
        &[
            "Advertisement",
            "More on trade",
            "How the tariffs",
            "Five charts",
            "World",
            "All rights reserved",
            "By Mara Quist",
        ],
    );
    assert_eq!(a.meta.title, "Tariff Talks Stall as Both Sides Dig In");
    assert!(a.meta.headline);
    assert_eq!(a.meta.outlet.as_deref(), Some("The Morning Ledger"));
    assert_eq!(a.meta.date.as_deref(), Some("2019-11-18"));
    let x = a.extraction.as_ref().expect("a page");
    assert!(!x.uncertain(), "{:?}", x.notes());
    assert!(a.extraction_notes().is_empty());
}

/// A page whose every element sits in wrappers named `Page-ad-margins`,
/// `widget` and `has-sidebar` was refused as "a web page with no article".
#[test]
fn a_wrapper_named_like_furniture_around_the_page_is_not_furniture() {
    let a = page("sidebar-wrapper.html");
    assert_eq!(
        paragraphs(&a),
        [
            "The council voted seven to two on Tuesday night to paint protected bike lanes along the whole length of Harbor Street, ending a debate that had lasted for most of the year.",
            "Supporters said the lanes would make the street safer for the children who ride to the two schools near the harbor, and that the cost was small next to the repaving already planned.",
            "Opponents, most of them shop owners, said the loss of forty parking spaces would drive customers to the malls outside town, and asked the council to wait for a traffic study.",
        ]
    );
    assert_kept_and_dropped(
        &a,
        &[],
        &["Popular Posts", "Ten places", "Labels:", "Sports"],
    );
    assert_eq!(a.meta.title, "City council approves new bike lanes");
    assert_eq!(a.meta.byline.as_deref(), Some("Dana Whitlock"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Riverside Gazette"));
}

/// A page wrapped whole in an element named like navigation
/// (`nav-push-wrapper`, `navigation-open`), whose `<head>` is never closed
/// (the end tag is optional: the page read as empty), with a hover card
/// inside a paragraph and an embedded post ending the story, and an
/// `og:title` rewritten for social cards.
#[test]
fn a_nav_wrapper_an_open_head_a_hover_card_and_an_embedded_post() {
    let a = page("nav-wrapper-open-head.html");
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 5, "{ps:#?}");
    assert!(ps[0].starts_with("The island ferry company will raise"));
    assert_eq!(
        ps[1],
        "A return ticket for a car and driver will cost Mira Hale, chair of the islanders' association, nothing more than it did in 2014 once inflation is counted, the company said."
    );
    // The sentence's bytes hold the card it leaves out.
    let s = a
        .sentences
        .iter()
        .find(|s| a.text_at(s.span).starts_with("A return ticket"))
        .expect("the sentence");
    let bytes = &a.bytes[a.file_bytes(s.span).range()];
    assert!(String::from_utf8_lossy(bytes).contains("profile-tooltip"));
    assert!(ps[3].starts_with("Eight percent more for the only road"));
    assert_eq!(ps[4], "— Mira Hale (@mirahale) April 27, 2020");
    assert_kept_and_dropped(
        &a,
        &[],
        &[
            "Home",
            "a former ferry captain",
            "Follow",
            "More from Islands",
            "old pier",
        ],
    );
    // The headline shown over the story, not the social one; the date in
    // the byline, its day an ordinal.
    assert_eq!(
        a.meta.title,
        "Ferry fares rise for the first time in six years"
    );
    assert_eq!(a.meta.date.as_deref(), Some("2020-04-27"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Harbor Weekly"));
}

/// Prose in a plain `<div>`, paragraphs split by `<br><br>` and no `<p>`
/// anywhere, was refused.
#[test]
fn prose_in_divs_without_paragraph_tags_is_read() {
    let a = page("div-prose.html");
    let ps = paragraphs(&a);
    assert_eq!(ps.len(), 3, "{ps:#?}");
    assert!(ps[0].starts_with("[엔터미디어=김하늘의 무대읽기] 대학로의"));
    assert!(ps[2].ends_with("관객의 사랑을 받은 작품들이다."));
    assert_kept_and_dropped(&a, &[], &["많이 본 기사", "구독 신청", "Copyright", "뉴스"]);
    // No headline is stated: the page's own, found in its <title>, is the
    // title, without the site's name before it.
    assert_eq!(a.meta.title, "작은 극장의 큰 무대");
}

/// Dates kept only in JSON-LD were missed (7 pages in 29); so were its
/// authors and publisher, in an `@graph` with references by `@id`.
#[test]
fn metadata_only_in_json_ld_is_read() {
    let a = page("jsonld-only.html");
    assert_eq!(a.meta.title, "Why the river flooded twice in one week");
    assert_eq!(a.meta.date.as_deref(), Some("2019-11-20"));
    assert_eq!(a.meta.byline.as_deref(), Some("Ines Moreau and Karl Dunn"));
    assert_eq!(a.meta.outlet.as_deref(), Some("The Valley Courier"));
    assert_eq!(paragraphs(&a).len(), 3);
}

/// Text hidden by `visibility:hidden`, `display:none`, `hidden`,
/// `aria-hidden`, `<template>` and `<noscript>` was read, and so were a
/// video's countdown, font-size buttons, "Like this:" and related posts.
#[test]
fn hidden_text_and_furniture_stay_out() {
    let a = page("hidden-furniture.html");
    assert_eq!(
        paragraphs(&a),
        [
            "For forty-one years, Ruth Amsel climbed the hundred and twelve steps of the Cape Morrow lighthouse every evening at dusk, and on Friday she climbed them for the last time as its keeper.",
            "The light has been automatic since 1998, but the coast guard kept a keeper on the cape to watch the lamp, log the weather and, twice, to pull sailors out of the cold water below.",
            "“I will miss the quiet,” she said, standing on the gallery as the lamp turned over the water. “Not the stairs.”",
        ]
    );
    assert_kept_and_dropped(
        &a,
        &[],
        &[
            "hidden by its style",
            "hidden element",
            "assistive technology",
            "not displayed",
            "A template holds",
            "enable JavaScript",
            "Your video will play",
            "Font Size",
            "Like this",
            "Loading",
            "Share this",
            "Related",
            "The last ferry",
            "We use cookies",
        ],
    );
    // Read whole, the visible furniture is there, the hidden text is not.
    let whole = load::read_article_with(
        &fixture("hidden-furniture.html"),
        &ParseOptions { whole_page: true },
    )
    .expect("the page reads");
    assert_offsets(&whole);
    assert_kept_and_dropped(
        &whole,
        &[
            "Your video will play in 00:25",
            "Font Size",
            "We use cookies",
            "The last ferry",
        ],
        &[
            "hidden by its style",
            "hidden element",
            "assistive technology",
            "not displayed",
            "A template holds",
            "enable JavaScript",
        ],
    );
    let x = whole.extraction.as_ref().expect("a page");
    assert!(x.whole_page);
    assert!(whole.extraction_notes()[0].starts_with("read as a whole page"));
}

/// A teaser in a sidebar competed with the article (and once won).
#[test]
fn the_article_wins_over_a_sidebar_story() {
    let a = page("sidebar-story.html");
    assert_eq!(paragraphs(&a).len(), 4);
    assert_kept_and_dropped(
        &a,
        &[
            "Apple growers across the valley",
            "“It is a good problem to have,”",
        ],
        &["Bridge repairs", "Main Street will close"],
    );
    assert_eq!(
        a.meta.title,
        "Orchard growers expect a record apple harvest"
    );
}

/// An eHow page kept its introduction and dropped the steps.
#[test]
fn a_how_to_keeps_its_steps() {
    let a = page("howto-steps.html");
    let ps = paragraphs(&a);
    assert!(
        ps[0].starts_with("Most houseplants need a bigger pot"),
        "{ps:#?}"
    );
    for step in [
        "Step 1",
        "Water the plant a day before you repot it.",
        "Turn the pot on its side and slide the plant out.",
        "Step 5",
        "Fill in around it with mix and water it well.",
    ] {
        assert!(ps.contains(&step), "{step:?} missing from {ps:#?}");
    }
    assert_kept_and_dropped(&a, &[], &["Related guides", "How to Divide", "Succulents"]);
    assert_eq!(a.meta.title, "How to Repot a Houseplant");
    assert_eq!(a.meta.date.as_deref(), Some("2017-04-03"));
    assert_eq!(a.meta.outlet.as_deref(), Some("Home Guides"));
}

/// Two parts of a page with nearly as much prose each: copycat reads one
/// and says that the other might have been the article.
#[test]
fn close_rivals_and_a_small_share_kept_are_said() {
    let para = |topic: &str| {
        format!(
            "<p>The {topic} committee met for the third time this month on Tuesday, and its members again failed to agree on a budget for the coming year, the chair said afterwards.</p>"
        )
    };
    let column = |topic: &str, n: usize| {
        format!(
            "<div class=\"col\">{}</div>",
            (0..n).map(|_| para(topic)).collect::<String>()
        )
    };
    // Links between the two, more characters than the second holds: the
    // page around both is worse than the first alone.
    let links: String = (0..40)
        .map(|i| format!("<li><a href=\"/{i}\">Section {i:02} headlines</a></li>"))
        .collect();
    let html = format!(
        "<!doctype html><html><body><div class=\"a\">{}</div><ul>{links}</ul><div class=\"b\">{}</div>\
         <ul>{links}</ul><div class=\"c\">{}</div></body></html>",
        column("harbor", 5),
        column("school", 4),
        column("county", 4),
    );
    let a = Article::parse("two.html", html.into_bytes());
    assert_offsets(&a);
    let x = a.extraction.as_ref().expect("a page");
    assert!(a.text.contains("The harbor committee"));
    assert!(!a.text.contains("The school committee"));
    assert_eq!(x.rivals, [656, 656]);
    assert!(x.kept_little(), "{x:?}");
    assert_eq!(x.close_rivals(), 2);
    assert!(x.uncertain());
    let notes = a.extraction_notes();
    assert_eq!(
        notes,
        [
            "the story kept 820 of the page's 2,132 characters of prose (38%); some of the \
             article may be missing (read the whole page to see all of it)",
            "2 other parts of the page hold nearly as much prose as the story (656, 656 \
             characters against 820); the story read may not be the article",
        ]
    );
}

/// Issue 25, item 14: `<meta charset="iso-8859-1">` was ignored and a
/// Latin-1 page showed U+FFFD for every accented letter. The declared
/// encoding is used when the bytes are not UTF-8, and every offset still
/// points into the file as stored.
#[test]
fn a_page_in_a_declared_legacy_encoding_is_decoded() {
    for name in ["latin1.html", "cp1252-http-equiv.html"] {
        let a = page(name);
        assert!(!a.text.contains('\u{FFFD}'), "{name}: {}", a.text);
        assert!(a.warnings.is_empty(), "{name}: {:?}", a.warnings);
        assert_eq!(a.meta.title, "Fête des vendanges à Brézé");
        assert!(
            a.text
                .contains("Les vignerons de Brézé ont fêté la fin des vendanges")
        );
        let at = a.text.find("Brézé ont").expect("the word");
        // One byte per letter in the file: é is the single byte 0xE9.
        let r = a.file_bytes(TextBytes::new(at, at + "Brézé".len()));
        assert_eq!(&a.bytes[r.range()], b"Br\xe9z\xe9", "{name}");
    }
    let a = page("cp1252-http-equiv.html");
    assert!(a.text.contains("« C’est une année exceptionnelle"));
}

/// Hostile metadata: control characters and bidi overrides spelled as
/// entities (or JSON escapes) in any field a page may state its metadata
/// in. Issue 25, item 1: `og:site_name` reached the terminal raw.
#[test]
fn hostile_metadata_comes_out_clean() {
    const EVIL: &str = "X &#27;]0;PWN&#7;&#27;[2J &#x202E; &#x9b;31m &#x2066;Y&#10;Z";
    const EVIL_JSON: &str = "X \\u001b]0;PWN\\u0007\\u001b[2J \\u202e \\u009b31m \\u2066Y\\nZ";
    let body = "<p>The harbor master said on Monday that the new breakwater would be finished by the spring, two years later than planned.</p>";
    // Each field in each place a page states it, one at a time, so that
    // each is the one copycat reads.
    let heads = [
        format!("<title>{EVIL}</title>"),
        format!("<meta property=\"og:title\" content=\"{EVIL}\">"),
        format!("<meta name=\"twitter:title\" content=\"{EVIL}\">"),
        format!("<meta property=\"og:site_name\" content=\"{EVIL}\">"),
        format!("<meta name=\"application-name\" content=\"{EVIL}\">"),
        format!("<meta name=\"author\" content=\"{EVIL}\">"),
        format!("<meta property=\"article:author\" content=\"{EVIL}\">"),
        format!("<meta property=\"article:published_time\" content=\"{EVIL}\">"),
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"{EVIL_JSON}\"}}</script>"
        ),
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"Article\",\"author\":\"{EVIL_JSON}\"}}</script>"
        ),
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"Article\",\"author\":[{{\"name\":\"{EVIL_JSON}\"}},\"B\"]}}</script>"
        ),
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"BlogPosting\",\"publisher\":{{\"name\":\"{EVIL_JSON}\"}}}}</script>"
        ),
        format!(
            "<script type=\"application/ld+json\">{{\"@graph\":[{{\"@type\":\"Organization\",\"name\":\"{EVIL_JSON}\"}}]}}</script>"
        ),
        format!(
            "<script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"datePublished\":\"{EVIL_JSON}\"}}</script>"
        ),
    ];
    let bodies = [
        body.to_string(),
        format!("<h1>{EVIL} headline words</h1>{body}"),
        format!("<p class=\"byline\">By {EVIL}</p>{body}"),
        format!("<a rel=\"author\">{EVIL}</a>{body}"),
        format!("<time datetime=\"{EVIL}\">x</time>{body}"),
    ];
    let mut cases = 0;
    for head in &heads {
        for b in &bodies {
            let html = format!(
                "<!doctype html><html><head>{head}</head><body><article>{b}</article></body></html>"
            );
            let a = Article::parse("evil.html", html.into_bytes());
            assert_offsets(&a);
            let m = &a.meta;
            for (what, v) in [
                ("title", Some(&m.title)),
                ("byline", m.byline.as_ref()),
                ("date", m.date.as_ref()),
                ("outlet", m.outlet.as_ref()),
            ] {
                if let Some(v) = v {
                    assert!(
                        v.chars().all(decode::is_safe_inline),
                        "{what} {v:?} from {head} {b}"
                    );
                }
            }
            for n in a.extraction_notes() {
                assert!(n.chars().all(decode::is_safe_inline));
            }
            cases += 1;
        }
    }
    assert_eq!(cases, heads.len() * bodies.len());
    // And the fixture with all of them at once.
    let a = page("hostile-meta.html");
    assert_eq!(
        a.meta.outlet.as_deref(),
        Some("Daily \u{241b}]0;PWNTITLE\u{2407}\u{241b}[2J News \u{FFFD}")
    );
    assert!(a.meta.title.contains('\u{241b}'), "{:?}", a.meta.title);
    assert!(a.meta.title.chars().all(decode::is_safe_inline));
}

/// Issue 25, item 6: every `<div>` start tag searched the open elements, so
/// a page of a million nested `<div>`s never finished loading; and a
/// recursive walk of the tree would overflow the stack. It loads, with its
/// offsets in the file.
#[test]
fn a_million_nested_elements_load() {
    let n = 1_000_000;
    let mut html = String::with_capacity(n * 5 + 400);
    html.push_str("<!doctype html><html><body>");
    html.push_str(&"<div>".repeat(n));
    html.push_str("<p>At the bottom of a million elements, a paragraph of prose long enough to be the story of the page.</p>");
    let a = Article::parse("deep.html", html.into_bytes());
    assert_offsets(&a);
    assert_eq!(paragraphs(&a).len(), 1);
    // And one of alternating tags that close nothing (each end tag names an
    // element that is not open).
    let mut html = String::from("<!doctype html><html><body><p>");
    for _ in 0..n / 4 {
        html.push_str("<span></i>");
    }
    html.push_str(
        "A paragraph of prose long enough to be the story, at the end of many open spans.</p>",
    );
    let a = Article::parse("spans.html", html.into_bytes());
    assert_offsets(&a);
    assert_eq!(paragraphs(&a).len(), 1);
}

/// Every fixture keeps every invariant and maps every sentence to its bytes.
#[test]
fn every_fixture_keeps_its_offsets_in_the_file() {
    for f in FIXTURES {
        let a = page(f);
        assert!(!a.sentences.is_empty(), "{f}");
        let whole = load::read_article_with(&fixture(f), &ParseOptions { whole_page: true })
            .expect("the whole page reads");
        assert_offsets(&whole);
        assert!(whole.text.len() >= a.text.len(), "{f}");
    }
}

/// Regression (fuzz target `meta`): `</>`, an end tag without a name, is
/// dropped by the tokenizer inside a run of text; the characters after it
/// mapped to the wrong bytes (`residents.</>oc` gave its word the bytes of
/// `residents.`), breaking the article's invariants.
#[test]
fn an_end_tag_without_a_name_keeps_the_offsets() {
    for page in [
        "<html><body><article><p>Islanders asked the company to keep a cheaper ticket for \
         residents.</>oc more words here.</p><p>Another paragraph of prose follows here, \
         long enough to count.</p></article></body></html>",
        "<html><body><article><p>Islanders asked the company to keep a cheaper ticket for \
         residents.</>oc<\nlbpkqu</p><p>Another paragraph of prose follows here, long enough \
         to count.</p></article></body></html>",
        "<p>One </></>two &amp; </>three</p>",
    ] {
        let a = Article::parse("p.html", page.as_bytes().to_vec());
        if page.contains("<\n") {
            // A lone `<` is text to a browser, a tag to `rendered`: the
            // invariants alone.
            check::check(&a).expect("the invariants");
        } else {
            assert_offsets(&a);
        }
    }
}

/// Regression (fuzz target `meta`): a numeric reference longer than the
/// longest named one (`&#` and 70 zeros, then `7;`) was not found whole,
/// and the rest of its run of text mapped to no bytes (a word of the
/// headline after it had an empty range in the file).
#[test]
fn a_numeric_reference_of_any_length_keeps_the_offsets() {
    let zeros = "0".repeat(70);
    let page = format!(
        "<html><body><article><h1>Harbor &#{zeros}7; report &#x{zeros}41; more</h1>\
         <p>The harbor master said on Monday that the new breakwater would be finished by \
         the spring, two years later than planned.</p></article></body></html>"
    );
    let a = Article::parse("p.html", page.into_bytes());
    check::check(&a).expect("the invariants");
}
