//! Saved web pages as articles: the story of an HTML page, every character
//! of it mapped back to its bytes in the file as stored, with what the page
//! says about itself and how sure the choice of the story is.
//!
//! A browser's "save page" keeps the navigation, scripts, asides, share
//! buttons, cookie banners and comments around the story. The page is
//! tokenized by html5gum (a WHATWG tokenizer that reports where each token
//! lies in the input) into a flat element tree ([`tree`]); hidden text
//! (`hidden`, `aria-hidden`, `display:none`, `visibility:hidden`,
//! `<template>`, `<noscript>`) never enters it. Its visible text is cut into
//! blocks, and the element holding the most prose less the furniture it
//! would take in is the story ([`story`]); its prose blocks become
//! paragraphs of the article's text, one per line, separated by blank lines,
//! after the page's headline ([`write`]). Headline, date, outlet and byline
//! come from JSON-LD, Open Graph and `<meta>` tags first ([`pagemeta`]).
//!
//! Offsets stay exact: the page is decoded first (encoding, controls) like
//! any article, html5gum reports each text run's span in that decoded text,
//! and entities (`&amp;`, `&#8217;`) are walked character by character, so
//! every character of the article maps to the bytes that made it.
//!
//! Nothing is silent: every page's [`Extraction`] says how much of the
//! page's prose the story kept, what competed with it and, for a page with
//! no story, what was tried; [`ParseOptions::whole_page`] reads every
//! visible text instead, for when the choice is wrong.

mod pagemeta;
mod story;
mod tree;
mod write;

pub use pagemeta::{Hints, clean, find_date, parse_date, without_site};

use super::decode::OffsetMap;
use write::Writer;

/// How to read a file into an article.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ParseOptions {
    /// For a web page: every visible text of the page (menus, link lists
    /// and comments included, hidden text still left out), not the story
    /// copycat picks from it.
    pub whole_page: bool,
}

/// How a page's article was read: what copycat kept of the page, what it
/// set aside, and whether it is sure.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Extraction {
    /// Read with [`ParseOptions::whole_page`]: every visible text.
    pub whole_page: bool,
    /// Characters of visible text on the page (runs of whitespace count one).
    pub visible_chars: usize,
    /// Characters of prose on the page: blocks that read as paragraphs in
    /// context (long, mostly not links, not furniture), wherever they are.
    pub prose_chars: usize,
    /// Of them, characters in the story.
    pub kept_chars: usize,
    /// Other parts of the page (not around the story nor in it) holding at
    /// least 30% as much prose as the story: their prose characters,
    /// largest first (those above [`UNCERTAIN_RIVAL_SHARE`] are close).
    pub rivals: Vec<usize>,
    /// Why the page has no article, when it has none.
    pub refused: Option<String>,
    /// What was tried, in order.
    pub tried: Vec<String>,
}

// The thresholds below were set on the tuning half of the ScrapingHub
// benchmark (`scripts/extract-bench.sh` prints how often each fires, and
// on which pages the extraction was poor): nearly all pages keep 80% or
// more of their prose, and the few that keep less, or have a rival nearly
// as large, are the pages where another reading is plausible (a list of
// teasers as long as the story, a second article beside the first).

/// The story kept less than this share of the page's prose: uncertain…
pub const UNCERTAIN_KEPT_SHARE: f64 = 0.5;
/// …when the page holds at least this many characters of prose.
pub const UNCERTAIN_MIN_PROSE: usize = 1500;
/// A rival with at least this share of the story's prose makes the choice
/// uncertain.
pub const UNCERTAIN_RIVAL_SHARE: f64 = 0.8;

/// A date line is looked for this many blocks before and after the
/// headline…
const DATELINE_BLOCKS: usize = 6;
/// …in blocks at most this long.
const DATELINE_CHARS: u32 = 100;

/// `n` with thousands separated by commas.
fn count(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Extraction {
    /// Share of the page's prose the story kept (1 for a page without
    /// prose, where nothing was set aside).
    pub fn kept_share(&self) -> f64 {
        if self.prose_chars == 0 {
            1.0
        } else {
            self.kept_chars as f64 / self.prose_chars as f64
        }
    }

    /// Whether the story kept little of a long page's prose.
    pub fn kept_little(&self) -> bool {
        !self.whole_page
            && self.prose_chars >= UNCERTAIN_MIN_PROSE
            && self.kept_share() < UNCERTAIN_KEPT_SHARE
    }

    /// Rivals that came close to the story.
    pub fn close_rivals(&self) -> usize {
        if self.whole_page {
            return 0;
        }
        self.rivals
            .iter()
            .filter(|&&r| r as f64 >= UNCERTAIN_RIVAL_SHARE * self.kept_chars as f64)
            .count()
    }

    /// Whether the user should be told to check the story copycat read: it
    /// was refused, kept little of the page, or had close rivals.
    pub fn uncertain(&self) -> bool {
        self.refused.is_some() || self.kept_little() || self.close_rivals() > 0
    }

    /// What to tell the user, one line each (none when all is well).
    pub fn notes(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.whole_page {
            out.push(format!(
                "read as a whole page: all {} characters of visible text, menus and links included",
                count(self.visible_chars)
            ));
            return out;
        }
        if let Some(r) = &self.refused {
            out.push(format!("no article found: {r}"));
            return out;
        }
        if self.kept_little() {
            out.push(format!(
                "the story kept {} of the page's {} characters of prose ({:.0}%); \
                 some of the article may be missing (read the whole page to see all of it)",
                count(self.kept_chars),
                count(self.prose_chars),
                100.0 * self.kept_share()
            ));
        }
        let close = self.close_rivals();
        if close > 0 {
            let sizes: Vec<String> = self.rivals.iter().take(close).map(|&r| count(r)).collect();
            out.push(format!(
                "{} other part{} of the page hold{} nearly as much prose as the story \
                 ({} characters against {}); the story read may not be the article",
                close,
                if close == 1 { "" } else { "s" },
                if close == 1 { "s" } else { "" },
                sizes.join(", "),
                count(self.kept_chars)
            ));
        }
        out
    }
}

/// A page's article: its text, the map from the text to the file, what the
/// markup says, and how the story was chosen.
#[derive(Debug, Default)]
pub struct Page {
    /// The article's text: paragraphs separated by blank lines.
    pub text: String,
    /// Where each byte of `text` came from in the file.
    pub map: OffsetMap,
    /// Title, date, outlet and byline from the markup.
    pub hints: Hints,
    /// How the story was chosen.
    pub extraction: Extraction,
    /// The character encoding the page declares, if any.
    pub charset: Option<String>,
}

/// Whether a file is a web page: named `.html`/`.htm`, or starting (after
/// whitespace) with a doctype or an `<html>` tag.
pub fn is_html(path: &str, text: &str) -> bool {
    let lower_ext = path
        .rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default();
    if matches!(lower_ext.as_str(), "html" | "htm" | "xhtml") {
        return true;
    }
    let head: String = text
        .trim_start()
        .chars()
        .take(15)
        .collect::<String>()
        .to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// The encoding a page declares in its markup (`<meta charset>` or a
/// `Content-Type` `http-equiv`), lower-cased, if any.
pub fn declared_charset(page: &str) -> Option<String> {
    // The declaration must come early (the standard says in the first
    // 1024 bytes); a little more is looked at.
    let mut end = page.len().min(4096);
    while !page.is_char_boundary(end) {
        end -= 1;
    }
    tree::build(&page[..end]).charset
}

/// The text of the byline elements, when the page marks one.
fn byline_text(t: &tree::Tree) -> Option<String> {
    for &e in &t.byline_elems {
        let el = t.elem(e);
        let mut s = String::new();
        for item in &t.items[el.items.start as usize..el.items.end as usize] {
            if let tree::Item::Text { decoded, .. } = item {
                s.push_str(decoded);
                s.push(' ');
            }
        }
        let s = clean(&s);
        let words = s.split_whitespace().count();
        if (1..=12).contains(&words) {
            return Some(s);
        }
    }
    None
}

/// Write a block's text: the runs [`story::blocks`] counted in it (long
/// inline furniture, `inline`, stays out of a block whose element is not
/// furniture: a hover card of links inside a paragraph).
fn write_block(
    t: &tree::Tree,
    b: &story::Block,
    furniture: &[bool],
    inline: &[bool],
    w: &mut Writer,
) {
    let skip = !furniture[b.owner as usize];
    w.end_block();
    for item in &t.items[b.items.start as usize..b.items.end as usize] {
        match item {
            tree::Item::Text { elem, .. } if skip && inline[*elem as usize] => {}
            tree::Item::Text { span, decoded, .. } => w.run(span.clone(), decoded),
            tree::Item::Break => w.end_block(),
            _ => {}
        }
    }
    w.end_block();
}

/// How the story of a page was chosen, block by block, for a developer
/// looking at a page (`examples/extract.rs --blocks`): each block's class,
/// whether it is kept (`*`) or only in the story's element (`.`), its size, share of links and
/// furniture, the tag names from its element up, and its first characters.
#[doc(hidden)]
pub fn explain(page: &str) -> Vec<String> {
    let t = tree::build(page);
    let furniture = story::furniture(&t);
    let inline = story::inline_furniture(&t, &furniture);
    let mut blocks = story::blocks(&t, &furniture, Some(&inline));
    story::classify(&mut blocks);
    let (hints, _) = pagemeta::hints(&t, None);
    let headline = story::headline(&t, &blocks, hints.title.as_deref());
    let choice = story::choose(&t, &blocks, headline);
    let roots = choice.map(|c| c.roots).unwrap_or_default();
    let kept = story::select(&t, &blocks, &roots, headline);
    blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let mut chain = Vec::new();
            let mut e = b.owner;
            while e != 0 && chain.len() < 4 {
                chain.push(t.name(e).to_string());
                e = t.elem(e).parent;
            }
            format!(
                "{:?}{} {:>5} link {:.2} furn {:.2} {} | {}",
                b.class,
                if kept.contains(&i) {
                    "*"
                } else if Some(i) == headline {
                    "H"
                } else if roots.iter().any(|&r| t.within(b.owner, r)) {
                    "."
                } else {
                    " "
                },
                b.chars,
                f64::from(b.link_chars) / f64::from(b.chars.max(1)),
                f64::from(b.furniture_chars) / f64::from(b.chars.max(1)),
                chain.join("<"),
                b.head
            )
        })
        .collect()
}

/// The article of a decoded web page. `page` is the decoded text of the
/// file and `map` its map to the file's bytes; `file_len` the file's size.
pub fn extract(page: &str, map: &OffsetMap, file_len: usize, opts: &ParseOptions) -> Page {
    let t = tree::build(page);
    let furniture = story::furniture(&t);
    // Reading the whole page keeps every visible text; a story leaves out
    // long furniture inside its paragraphs.
    let inline = if opts.whole_page {
        vec![false; t.elems.len()]
    } else {
        story::inline_furniture(&t, &furniture)
    };
    let mut blocks = story::blocks(&t, &furniture, Some(&inline));
    let (mut hints, title_from) = pagemeta::hints(&t, byline_text(&t));
    let title_stated = matches!(
        title_from,
        pagemeta::TitleFrom::Article | pagemeta::TitleFrom::Meta
    );
    let visible: usize = blocks.iter().map(|b| b.chars as usize).sum();
    let mut w = Writer::new(page, map);
    let mut ex = Extraction {
        whole_page: opts.whole_page,
        visible_chars: visible,
        ..Extraction::default()
    };
    if opts.whole_page {
        ex.tried.push("every visible text of the page".into());
        for b in &blocks {
            write_block(&t, b, &furniture, &inline, &mut w);
        }
        ex.prose_chars = visible;
        ex.kept_chars = visible;
    } else {
        story::classify(&mut blocks);
        ex.tried
            .push("the element holding the most prose less furniture".into());
        let headline = story::headline(&t, &blocks, hints.title.as_deref());
        // With no headline stated, the page's own headline, found in its
        // `<title>`, is the title: the `<title>` names the site too, in
        // ways no rule can always undo.
        if !title_stated && let Some(h) = headline {
            let shown = clean(&story::block_text(&t, &blocks[h], 1000));
            if !shown.is_empty() {
                hints.title = Some(shown);
            }
        }
        // With no date in the markup, a dateline by the headline: the
        // first short line around it that holds a date.
        if hints.date.is_none()
            && let Some(h) = headline
        {
            hints.date = blocks[h.saturating_sub(DATELINE_BLOCKS)..]
                .iter()
                .take(2 * DATELINE_BLOCKS + 1)
                .filter(|b| b.chars <= DATELINE_CHARS && !b.h1)
                .find_map(|b| find_date(&story::block_text(&t, b, 4 * DATELINE_CHARS as usize)));
        }
        let mut choice = story::choose(&t, &blocks, headline);
        if choice.is_none() {
            ex.tried.push(format!(
                "then shorter paragraphs ({} characters or more)",
                story::SHORT_PROSE_CHARS
            ));
            if story::relax(&mut blocks) {
                choice = story::choose(&t, &blocks, headline);
            }
        }
        match choice {
            Some(choice) => {
                ex.prose_chars = choice.page_prose as usize;
                ex.kept_chars = choice.kept_prose as usize;
                ex.rivals = choice.rivals.iter().map(|&(_, p)| p as usize).collect();
                let kept = story::select(&t, &blocks, &choice.roots, headline);
                // A title from a `<meta>` (written for social cards and
                // search) gives way to the headline the page shows over
                // the story, when they differ but speak of the same thing.
                if title_from == pagemeta::TitleFrom::Meta
                    && let Some(shown) = story::shown_headline(&t, &blocks, &kept)
                    && let Some(title) = hints.title.as_deref()
                    && story::retitles(title, &shown, hints.outlet.as_deref())
                {
                    hints.title = Some(shown);
                }
                // The headline first, when it comes before the story (the
                // text keeps the file's order, so never one after it).
                let first = kept.first().copied().unwrap_or(0);
                if let Some(h) = headline.filter(|&h| h < first && !kept.contains(&h)) {
                    write_block(&t, &blocks[h], &furniture, &inline, &mut w);
                }
                for i in kept {
                    write_block(&t, &blocks[i], &furniture, &inline, &mut w);
                }
            }
            None => {
                let longest = blocks.iter().map(|b| b.chars).max().unwrap_or(0);
                ex.refused = Some(if blocks.is_empty() {
                    "the page shows no text".to_string()
                } else {
                    format!(
                        "none of its {} blocks of text reads as a paragraph of prose \
                         (mostly not links, outside menus and link lists; the longest block \
                         has {} characters)",
                        count(blocks.len()),
                        count(longest as usize)
                    )
                });
            }
        }
    }
    let (text, map) = w.finish(file_len);
    Page {
        text,
        map,
        hints,
        extraction: ex,
        charset: t.charset,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::decode::decode;

    fn page(html: &str) -> Page {
        let d = decode(html.as_bytes());
        extract(&d.text, &d.map, html.len(), &ParseOptions::default())
    }

    #[test]
    fn every_character_maps_to_the_bytes_that_made_it() {
        let html = "<html><body><article><p>Caf&eacute; &amp; bar&#8217;s, said the \
                    owner of the caf\u{e9} on Tuesday, &notanentity; ok.</p></article></body></html>";
        let p = page(html);
        assert_eq!(
            p.text,
            "Café & bar’s, said the owner of the café on Tuesday, ¬anentity; ok."
        );
        let find = |needle: &str| {
            let at = p.text.find(needle).unwrap();
            let r = p.map.file_range(at..at + needle.len());
            &html[r]
        };
        assert_eq!(find("é &"), "&eacute; &amp;");
        assert_eq!(find("’s"), "&#8217;s");
        assert_eq!(find("café on"), "caf\u{e9} on");
        assert_eq!(find("¬anentity"), "&notanentity");
    }

    #[test]
    fn entities_never_smuggle_controls() {
        let p = page("<p>An escape &#27;[2J and an override &#x202E; in a page of prose.</p>");
        assert!(
            p.text.chars().all(crate::article::decode::is_safe),
            "{:?}",
            p.text
        );
        assert!(p.text.contains('\u{241b}'));
    }

    #[test]
    fn navigation_scripts_and_comments_are_left_out() {
        let html = r#"<!doctype html><html><head><title>Port strike spreads - The Courier</title>
            <meta property="og:site_name" content="The Courier">
            <meta property="article:published_time" content="2025-11-26T09:30:00Z">
            <script>var x = "<p>not text</p>";</script></head>
            <body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
            <h1>Port strike spreads to Antwerp</h1>
            <div class="article-body"><p>Dock workers in Antwerp joined the strike on Tuesday, halting traffic at Europe's second-largest port, union officials said.</p>
            <p>The walkout, now in its third week, has stranded more than 40 ships, according to the port authority.</p></div>
            <div id="comments"><p>Great article, thanks for sharing this with everyone here!</p></div>
            <footer><p>Copyright 2025 The Courier. All rights reserved worldwide.</p></footer></body></html>"#;
        let p = page(html);
        assert_eq!(
            p.text.split("\n\n").collect::<Vec<_>>(),
            [
                "Port strike spreads to Antwerp",
                "Dock workers in Antwerp joined the strike on Tuesday, halting traffic at Europe's second-largest port, union officials said.",
                "The walkout, now in its third week, has stranded more than 40 ships, according to the port authority.",
            ]
        );
        assert_eq!(p.hints.outlet.as_deref(), Some("The Courier"));
        assert_eq!(p.hints.date.as_deref(), Some("2025-11-26"));
        // No headline stated in the markup: the page's own <h1>, which the
        // <title> holds, rather than the <title> less a guessed suffix.
        assert_eq!(
            p.hints.title.as_deref(),
            Some("Port strike spreads to Antwerp")
        );
    }

    /// Regression: a hover card over a name inside a paragraph (a
    /// `tooltip` holding the person's biography, nj.com) was read into the
    /// sentence; a short link named like furniture in the sentence stays.
    #[test]
    fn a_hover_card_inside_a_paragraph_stays_out_of_it() {
        let html = r#"<html><body><article><h1>Governor defends the campaign</h1>
            <p>The campaign, said <a href="/p/noem">Kristi Noem</a><span class="author-tooltip"><span>Governor of South Dakota since 2019, formerly in the House of Representatives</span> <a href="/follow">Follow</a></span> on Tuesday, cost the state nearly half a million dollars and is working as intended.</p>
            <p>Critics said the slogan, which the state's own agency wrote, made light of an addiction that has doubled in five years, and <a class="share-link" href="/s">shared</a> their own posters.</p>
            </article></body></html>"#;
        let p = page(html);
        assert!(p.text.contains("said Kristi Noem"), "{}", p.text);
        assert!(p.text.contains("on Tuesday, cost the state"), "{}", p.text);
        assert!(!p.text.contains("Governor of South Dakota"), "{}", p.text);
        assert!(!p.text.contains("Follow"), "{}", p.text);
        assert!(
            p.text.contains("and shared their own posters."),
            "{}",
            p.text
        );
        // Read whole, the card is there.
        let d = decode(html.as_bytes());
        let whole = extract(
            &d.text,
            &d.map,
            html.len(),
            &ParseOptions { whole_page: true },
        );
        assert!(whole.text.contains("Governor of South Dakota"));
    }

    /// Regression: a post embedded from a social network in a box named as
    /// furniture (`embed-widget`) was dropped with the box, and the
    /// attribution line under an embedded post that ends the story
    /// (`— Name (@handle) date`, no sentence) was cut off.
    #[test]
    fn an_embedded_post_and_its_attribution_are_kept() {
        let story = r#"<p>The state's health department launched the campaign on Monday with posters, radio spots and a website, all built around a three-word slogan.</p>
            <p>By Tuesday the slogan was trending nationally, and the governor answered her critics in a post of her own the same evening.</p>"#;
        let tweet = r#"<blockquote class="twitter-tweet"><p>Meth is a problem in South Dakota and we are doing something about it, one town and one family at a time, starting this week.</p>— Kristi Noem (@govkristinoem) <a href="https://twitter.com/x/status/1">November 18, 2019</a></blockquote>"#;
        for html in [
            format!("<html><body><article>{story}{tweet}</article></body></html>"),
            format!(
                "<html><body><article>{story}<div class=\"embed-widget\">{tweet}</div></article></body></html>"
            ),
        ] {
            let p = page(&html);
            assert!(p.text.contains("one town and one family"), "{}", p.text);
            assert!(
                p.text
                    .ends_with("— Kristi Noem (@govkristinoem) November 18, 2019"),
                "{}",
                p.text
            );
        }
    }

    /// Regression: a last paragraph that mentions "subscribers" was taken
    /// for a call to subscribe and cut; a real one still is.
    #[test]
    fn a_last_paragraph_about_subscribers_is_no_call_to_subscribe() {
        let p = page(
            r#"<html><body><article>
            <p>The newspaper said its digital edition had grown faster than expected this year, helped by its coverage of the election and the floods.</p>
            <p>It now counts 40,000 paying subscribers, up from 25,000 a year ago.</p>
            <p>Subscribe to our newsletter.</p>
            </article></body></html>"#,
        );
        assert!(p.text.ends_with("up from 25,000 a year ago."), "{}", p.text);
        assert!(!p.text.contains("newsletter"), "{}", p.text);
    }

    /// A title from `og:title` gives way to the headline the page shows
    /// over the story when both speak of the same thing; not to a section's
    /// name nor to a site's logo in an `<h1>`.
    #[test]
    fn the_headline_shown_wins_over_a_social_title() {
        let body = "<p>SpaceX has not launched a rocket since an explosion on the pad in September destroyed a satellite and damaged the launch site in Florida.</p>\
                    <p>The company had hoped to return to flight before the end of the year, but the investigation is still under way, officials said.</p>";
        let with = |h1: &str| {
            page(&format!(
                "<html><head><meta property=\"og:title\" content=\"It's been a rough few months for Elon Musk's SpaceX\">\
                 <meta property=\"og:site_name\" content=\"The Daily Courier News\"></head>\
                 <body><article>{h1}{body}</article></body></html>"
            ))
        };
        let p = with("<h1>What's the Hold-Up at SpaceX?</h1>");
        assert_eq!(
            p.hints.title.as_deref(),
            Some("What's the Hold-Up at SpaceX?")
        );
        for other in [
            "<h1>Science and Space Center</h1>",
            "<h1><a href=\"/\">The Daily Courier News</a></h1>",
            "<h1>SpaceX</h1>",
        ] {
            let p = with(other);
            assert_eq!(
                p.hints.title.as_deref(),
                Some("It's been a rough few months for Elon Musk's SpaceX"),
                "{other}"
            );
        }
        // The JSON-LD headline is the publisher's own: it stays.
        let p = page(&format!(
            "<html><head><script type=\"application/ld+json\">{{\"@type\":\"NewsArticle\",\"headline\":\"SpaceX grounded for a third month\"}}</script></head>\
             <body><article><h1>What's the Hold-Up at SpaceX?</h1>{body}</article></body></html>"
        ));
        assert_eq!(
            p.hints.title.as_deref(),
            Some("SpaceX grounded for a third month")
        );
    }

    /// Regression: a page that never closes its `<head>` was refused as
    /// showing no text.
    #[test]
    fn a_page_without_an_end_to_its_head_is_read() {
        let p = page(
            "<html><head><title>Steam survey for May - Phoronix</title>\
             <body><div id=main><h1>Steam's Linux share ticks up for May</h1>\
             <p>With the start of a new month, Valve has published its survey numbers for the month prior, and Linux is up a little.</p></div>",
        );
        assert!(
            p.text.starts_with("Steam's Linux share ticks up for May"),
            "{}",
            p.text
        );
        assert!(p.text.contains("Valve has published"));
    }

    #[test]
    fn a_page_without_prose_has_no_article() {
        let p = page(
            "<html><body><ul><li><a href=a>One</a></li><li><a href=b>Two</a></li></ul></body></html>",
        );
        assert_eq!(p.text, "");
    }

    #[test]
    fn html_is_recognised_by_name_or_by_its_start() {
        assert!(is_html("a/page.HTM", ""));
        assert!(is_html("saved", "  <!DOCTYPE html><html>"));
        assert!(is_html("x.txt", "<html lang=en>"));
        assert!(!is_html("story.txt", "The <b>plan</b> is out."));
    }
}
