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

use std::path::Path;

use copycat::align::align;
use copycat::article::{Article, load};

fn page(name: &str) -> Article {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/pages")
        .join(name);
    load::read_article(&p).expect("the page loads")
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
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    let out = out
        .replace("&#8217;", "’")
        .replace("&#8220;", "“")
        .replace("&#8221;", "”")
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
    // Every body sentence of the plain-text version is in the page's story.
    for s in txt.sentences.iter().filter(|s| s.role.compared()) {
        let sentence = words(&txt.text[s.span.clone()]);
        assert!(words(&a.text).contains(&sentence), "missing: {sentence}");
    }
}

#[test]
fn a_story_split_across_divs_is_read_whole_without_ads_or_related_links() {
    let a = page("reuters-split-divs.html");
    assert_eq!(
        a.meta.title,
        "Exclusive: US peace plan for Ukraine drew on Russian-authored document, sources say"
    );
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
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/pages/section-front.html");
    let e = load::read_article(&p).unwrap_err();
    assert!(
        e.0.ends_with("a web page with no article in it (no paragraphs of prose found)"),
        "{e}"
    );
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
        for (art, html, span) in [(&a, html_a, &l.a_span), (&b, html_b, &l.b_span)] {
            let r = art.file_range(span.clone());
            let shown = rendered(&html[r.clone()]);
            assert_eq!(
                shown,
                words(&art.text[span.clone()]),
                "bytes {r:?} of the HTML render as the link's text"
            );
        }
    }
}
