//! Saved web pages as articles: the main text of an HTML page, every
//! character of it mapped back to its bytes in the file as stored.
//!
//! A browser's "save page" keeps the navigation, scripts, asides, share
//! buttons, cookie banners and comments around the story. The page is
//! tokenized by html5gum (a WHATWG tokenizer that reports where each token
//! lies in the input), built into a light element tree, and scored the way
//! readability-style extractors score pages: paragraphs of prose give points
//! to the elements that hold them, links and furniture take them away, and
//! the best-scoring container (with the siblings that score nearly as well)
//! is the story. Its blocks become paragraphs of the article's text, one per
//! line, separated by blank lines; the headline comes from the page's `<h1>`.
//!
//! Offsets stay exact: the page is decoded first (encoding, controls) like
//! any article, html5gum reports each text run's span in that decoded text,
//! and entities (`&amp;`, `&#8217;`) are walked character by character, so
//! every character of the article maps to the bytes that made it.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::decode::{OffsetMap, TextBuilder};
use super::meta;

/// What a page says about itself in its markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Hints {
    /// `og:title`, or the `<title>` without the site's suffix.
    pub title: Option<String>,
    /// `YYYY-MM-DD` from `article:published_time`, a `<time datetime>`, or
    /// a `date`/`pubdate` meta tag.
    pub date: Option<String>,
    /// `og:site_name`.
    pub outlet: Option<String>,
    /// `<meta name="author">`, a `rel=author` link, or a byline element.
    pub byline: Option<String>,
}

/// A page's article: its text, the map from the text to the file, and what
/// the markup says.
#[derive(Debug, Default)]
pub struct Page {
    /// The article's text: paragraphs separated by blank lines.
    pub text: String,
    /// Where each byte of `text` came from in the file.
    pub map: OffsetMap,
    /// Title, date, outlet and byline from the markup.
    pub hints: Hints,
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

/// Elements that never hold the story.
const SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "svg", "math", "nav", "footer", "aside", "form",
    "button", "select", "option", "iframe", "object", "embed", "canvas", "figure", "dialog",
    "head", "title", "menu",
];

/// Elements with no content and no end tag.
const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that end a paragraph left open before them (the HTML spec's
/// list, shortened to what pages use).
const CLOSES_P: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "div",
    "dl",
    "fieldset",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hr",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "ul",
];

/// Elements whose text is a paragraph of its own.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "pre",
    "dd",
    "dt",
    "td",
    "th",
    "div",
    "section",
    "article",
    "main",
    "header",
    "ul",
    "ol",
    "table",
    "tr",
    "figcaption",
    "address",
];

/// Words in a class or id that mark furniture: navigation, sharing, related
/// links, comments, consent banners, advertising.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "disqus",
    "footer",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popup",
    "promo",
    "recirc",
    "recommended",
    "related",
    "share",
    "sharing",
    "sidebar",
    "signup",
    "social",
    "sponsor",
    "sponsored",
    "subscribe",
    "subscription",
    "taboola",
    "trending",
    "widget",
];

/// Words in a class or id that mark the story itself; they outweigh
/// furniture words on the same element (`content has-sidebar`).
const STORY_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "main", "post", "story", "text", "blog",
];

/// ARIA roles of furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "dialog",
    "alertdialog",
];

/// A paragraph shorter than this many characters says little about whether
/// its container is the story (a caption, a label, a date).
const MIN_PARAGRAPH_CHARS: usize = 25;
/// Points per this many characters of a paragraph…
const CHARS_PER_POINT: usize = 100;
/// …up to this many.
const MAX_LENGTH_POINTS: f64 = 3.0;
/// Points for a container whose class or id names it as the story, taken
/// away for one named as furniture.
const CLASS_WEIGHT: f64 = 25.0;
/// A sibling of the best container joins the story when it scores at least
/// this share of the best…
const SIBLING_SHARE: f64 = 0.2;
/// …and at least this much.
const SIBLING_MIN: f64 = 10.0;
/// A sibling paragraph with no score of its own joins when it is this long
/// and mostly not links.
const SIBLING_PARAGRAPH_CHARS: usize = 80;
/// Link text above this share of a sibling paragraph keeps it out.
const SIBLING_LINK_SHARE: f64 = 0.25;

#[derive(Debug)]
enum Node {
    Elem(usize),
    /// A run of text: its span in the decoded page and what it decodes to.
    Text(Range<usize>, String),
    /// A `<br>`: a line break inside a block.
    Break,
}

#[derive(Debug)]
struct Elem {
    name: String,
    parent: usize,
    children: Vec<Node>,
    /// Furniture, or inside furniture: never part of the story.
    skip: bool,
    /// Class and id words say this is the story (+1) or furniture (-1).
    class_weight: f64,
}

/// The element tree and what the markup says.
struct Tree {
    elems: Vec<Elem>,
    hints: Hints,
    /// Text of the first `<title>`.
    title_tag: Option<String>,
}

fn lower(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

fn attr<'a>(
    attrs: &'a std::collections::BTreeMap<
        html5gum::HtmlString,
        html5gum::Spanned<html5gum::HtmlString>,
    >,
    name: &str,
) -> Option<std::borrow::Cow<'a, str>> {
    attrs
        .iter()
        .find(|(k, _)| k.0.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(&v.value.0))
}

/// +1 when the words of `class` and `id` name the story, -1 when they name
/// furniture, 0 otherwise.
fn class_weight(class: &str, id: &str) -> f64 {
    let words: Vec<String> = class
        .split(|c: char| !c.is_ascii_alphanumeric())
        .chain(id.split(|c: char| !c.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.iter().any(|w| STORY_WORDS.contains(&w.as_str())) {
        1.0
    } else if words.iter().any(|w| FURNITURE_WORDS.contains(&w.as_str())) {
        -1.0
    } else {
        0.0
    }
}

/// `YYYY-MM-DD` at the start of an ISO date-time.
fn iso_day(s: &str) -> Option<String> {
    meta::iso_date(s.trim()).map(str::to_string)
}

fn build(text: &str) -> Tree {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, title and textarea hold raw text: switch states on
    // their start tags, as a browser's tree builder would.
    emitter.naively_switch_states(true);
    let mut t = Tree {
        elems: vec![Elem {
            name: "#root".into(),
            parent: 0,
            children: Vec::new(),
            skip: false,
            class_weight: 0.0,
        }],
        hints: Hints::default(),
        title_tag: None,
    };
    let mut stack: Vec<usize> = vec![0];
    let mut in_title = false;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        match token {
            Token::StartTag(tag) => {
                let name = lower(&tag.name.0);
                let a = &tag.attributes;
                match name.as_str() {
                    "meta" => {
                        let key = attr(a, "property")
                            .or_else(|| attr(a, "name"))
                            .or_else(|| attr(a, "itemprop"))
                            .map(|k| k.to_ascii_lowercase());
                        let content = attr(a, "content").map(|c| c.trim().to_string());
                        if let (Some(k), Some(c)) = (key, content)
                            && !c.is_empty()
                        {
                            let h = &mut t.hints;
                            match k.as_str() {
                                "og:title" | "twitter:title" => {
                                    h.title.get_or_insert(c);
                                }
                                "og:site_name" | "application-name" => {
                                    h.outlet.get_or_insert(c);
                                }
                                // A profile URL is not a name.
                                "author" | "article:author" | "byl" | "sailthru.author"
                                    if !c.starts_with("http") =>
                                {
                                    h.byline
                                        .get_or_insert(c.trim_start_matches("By ").to_string());
                                }
                                "article:published_time"
                                | "datepublished"
                                | "date"
                                | "pubdate"
                                | "publish-date"
                                | "dc.date"
                                    if h.date.is_none() =>
                                {
                                    h.date = iso_day(&c);
                                }
                                _ => {}
                            }
                        }
                    }
                    "time" => {
                        if t.hints.date.is_none()
                            && let Some(d) = attr(a, "datetime")
                        {
                            t.hints.date = iso_day(&d);
                        }
                    }
                    "title" => in_title = t.title_tag.is_none(),
                    _ => {}
                }
                if name == "p" || CLOSES_P.contains(&name.as_str()) {
                    // An open paragraph ends where a block begins.
                    if let Some(at) = stack.iter().rposition(|&e| t.elems[e].name == "p") {
                        stack.truncate(at);
                    }
                }
                if matches!(name.as_str(), "li" | "dt" | "dd" | "tr" | "td" | "th") {
                    // A list item (row, cell) ends where the next begins.
                    if let Some(at) = stack.iter().rposition(|&e| t.elems[e].name == name) {
                        stack.truncate(at);
                    }
                }
                let parent = *stack.last().unwrap_or(&0);
                if name == "br" {
                    t.elems[parent].children.push(Node::Break);
                    continue;
                }
                let class = attr(a, "class").unwrap_or_default();
                let id = attr(a, "id").unwrap_or_default();
                let role = attr(a, "role").unwrap_or_default().to_ascii_lowercase();
                let hidden = attr(a, "hidden").is_some()
                    || attr(a, "aria-hidden").is_some_and(|v| v == "true")
                    || attr(a, "style").is_some_and(|s| {
                        s.replace(' ', "")
                            .to_ascii_lowercase()
                            .contains("display:none")
                    });
                let weight = class_weight(&class, &id);
                let top_level = matches!(name.as_str(), "html" | "body" | "article" | "main");
                let skip = t.elems[parent].skip
                    || hidden
                    || SKIP_TAGS.contains(&name.as_str())
                    || FURNITURE_ROLES.contains(&role.as_str())
                    || (weight < 0.0 && !top_level);
                if t.hints.byline.is_none()
                    && (attr(a, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
                        || class
                            .split_whitespace()
                            .any(|w| w.eq_ignore_ascii_case("byline")))
                {
                    // Filled in from the element's text once it closes.
                    t.hints.byline = Some(String::new());
                }
                let idx = t.elems.len();
                t.elems.push(Elem {
                    name: name.clone(),
                    parent,
                    children: Vec::new(),
                    skip,
                    class_weight: weight,
                });
                t.elems[parent].children.push(Node::Elem(idx));
                if !tag.self_closing && !VOID_TAGS.contains(&name.as_str()) {
                    stack.push(idx);
                }
            }
            Token::EndTag(tag) => {
                let name = lower(&tag.name.0);
                if name == "title" {
                    in_title = false;
                }
                if let Some(at) = stack.iter().rposition(|&e| t.elems[e].name == name)
                    && at > 0
                {
                    if t.hints.byline.as_deref() == Some("") {
                        let text = collect_text(&t, stack[at]);
                        let name = text.trim().trim_start_matches("By ").trim();
                        t.hints.byline = (!name.is_empty()).then(|| name.to_string());
                    }
                    stack.truncate(at);
                }
            }
            Token::String(s) => {
                let decoded = String::from_utf8_lossy(&s.value.0).into_owned();
                if in_title {
                    t.title_tag
                        .get_or_insert_with(String::new)
                        .push_str(&decoded);
                }
                let parent = *stack.last().unwrap_or(&0);
                t.elems[parent]
                    .children
                    .push(Node::Text(s.span.start..s.span.end, decoded));
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    t
}

/// All text under an element, whitespace left as it is.
fn collect_text(t: &Tree, e: usize) -> String {
    let mut out = String::new();
    for c in &t.elems[e].children {
        match c {
            Node::Text(_, s) => out.push_str(s),
            Node::Elem(i) => out.push_str(&collect_text(t, *i)),
            Node::Break => out.push(' '),
        }
    }
    out
}

/// Characters of visible text under each element, and of link text.
struct Lengths {
    text: Vec<usize>,
    links: Vec<usize>,
}

fn lengths(t: &Tree) -> Lengths {
    let n = t.elems.len();
    let mut l = Lengths {
        text: vec![0; n],
        links: vec![0; n],
    };
    // Children always come after their parent in `elems`: sum bottom up.
    for e in (0..n).rev() {
        if t.elems[e].skip {
            continue;
        }
        let mut text = 0;
        let mut links = 0;
        for c in &t.elems[e].children {
            match c {
                Node::Text(_, s) => {
                    text += s
                        .split_whitespace()
                        .map(|w| w.chars().count() + 1)
                        .sum::<usize>()
                }
                Node::Elem(i) => {
                    text += l.text[*i];
                    links += l.links[*i];
                }
                Node::Break => {}
            }
        }
        if t.elems[e].name == "a" {
            links = text;
        }
        l.text[e] = text;
        l.links[e] = links;
    }
    l
}

fn link_density(l: &Lengths, e: usize) -> f64 {
    if l.text[e] == 0 {
        0.0
    } else {
        l.links[e] as f64 / l.text[e] as f64
    }
}

/// Readability-style scores: each paragraph gives points to its container
/// and half as many to the one above; containers lose what their links and
/// furniture names take away.
fn scores(t: &Tree, l: &Lengths) -> Vec<f64> {
    let n = t.elems.len();
    let mut score = vec![0.0; n];
    let mut seeded = vec![false; n];
    let base = |e: usize| -> f64 {
        let tag = match t.elems[e].name.as_str() {
            "div" | "article" | "main" => 5.0,
            "pre" | "td" | "blockquote" => 3.0,
            "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => -3.0,
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => -5.0,
            _ => 0.0,
        };
        tag + t.elems[e].class_weight * CLASS_WEIGHT
    };
    for e in 1..n {
        let el = &t.elems[e];
        if el.skip || !matches!(el.name.as_str(), "p" | "pre" | "td" | "blockquote") {
            continue;
        }
        let text = collect_text(t, e);
        let chars = l.text[e];
        if chars < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let points = 1.0
            + text.matches([',', '，']).count() as f64
            + (chars / CHARS_PER_POINT).min(MAX_LENGTH_POINTS as usize) as f64;
        let parent = el.parent;
        let grand = t.elems[parent].parent;
        // The root stands for a page with no <html>/<body> (a fragment):
        // it may hold the story, but gets points once, not twice.
        let ancestors = if parent == 0 {
            vec![(0, 1.0)]
        } else {
            vec![(parent, 1.0), (grand, 0.5)]
        };
        for (anc, share) in ancestors {
            if !seeded[anc] {
                seeded[anc] = true;
                score[anc] = base(anc);
            }
            score[anc] += points * share;
        }
    }
    for e in 0..n {
        score[e] *= 1.0 - link_density(l, e);
        if !seeded[e] {
            score[e] = 0.0;
        }
    }
    score
}

/// The elements that hold the story, in document order.
fn story(t: &Tree, l: &Lengths, score: &[f64]) -> Vec<usize> {
    let Some(best) = (0..t.elems.len())
        .filter(|&e| !t.elems[e].skip && score[e] > 0.0)
        .max_by(|&x, &y| score[x].total_cmp(&score[y]).then(y.cmp(&x)))
    else {
        return Vec::new();
    };
    let parent = t.elems[best].parent;
    if best == 0 || parent == 0 {
        return vec![best];
    }
    let threshold = (score[best] * SIBLING_SHARE).max(SIBLING_MIN);
    t.elems[parent]
        .children
        .iter()
        .filter_map(|c| match c {
            Node::Elem(e) => Some(*e),
            _ => None,
        })
        .filter(|&e| {
            if e == best {
                return true;
            }
            if t.elems[e].skip {
                return false;
            }
            score[e] >= threshold
                || (t.elems[e].name == "p"
                    && l.text[e] >= SIBLING_PARAGRAPH_CHARS
                    && link_density(l, e) < SIBLING_LINK_SHARE)
        })
        .collect()
}

/// Writes blocks of text into a `TextBuilder`, collapsing whitespace the way
/// a browser renders it, each character mapped through the decoded page's
/// map to the file.
struct Writer<'a> {
    page: &'a str,
    map: &'a OffsetMap,
    out: TextBuilder,
    /// A space is owed before the next character of this block.
    space: Option<Range<usize>>,
    /// The current block has text.
    open: bool,
    /// Where in the file the last character written ended.
    file_end: usize,
    /// Blocks written so far.
    blocks: usize,
}

impl Writer<'_> {
    fn file(&self, r: Range<usize>) -> Range<usize> {
        self.map.file_range(r)
    }

    fn char(&mut self, c: char, src: Range<usize>, verbatim: bool) {
        if c.is_whitespace() {
            if self.open {
                let s = self.space.get_or_insert(src.clone());
                s.end = src.end;
            }
            return;
        }
        if !self.open && self.blocks > 0 {
            self.out.inserted("\n\n", self.file_end);
        }
        if let Some(s) = self.space.take() {
            let f = self.file(s);
            self.out.mapped(' ', f, false);
        }
        let f = self.file(src);
        self.file_end = f.end;
        self.out.mapped(c, f, verbatim);
        if !self.open {
            self.open = true;
            self.blocks += 1;
        }
    }

    /// A text run: `decoded` is what html5gum made of `span` (entities
    /// resolved). Where the two agree, characters map one to one; an entity
    /// maps its character(s) to its whole source.
    fn run(&mut self, span: Range<usize>, decoded: &str) {
        let src = &self.page[span.clone()];
        if src == decoded {
            for (i, c) in src.char_indices() {
                let at = span.start + i;
                self.char(c, at..at + c.len_utf8(), true);
            }
            return;
        }
        let mut i = 0; // in src
        let mut d = decoded.char_indices().peekable();
        while let Some((_, c)) = d.next() {
            let here = span.start + i;
            let entity = c == '&' && src[i..].starts_with('&') && is_entity_start(&src[i + 1..]);
            if src[i..].starts_with(c) && !entity {
                self.char(c, here..here + c.len_utf8(), true);
                i += c.len_utf8();
                continue;
            }
            if !src[i..].starts_with('&') {
                // Out of step: the rest of the run maps to the rest of its span.
                let rest = here..span.end;
                self.char(c, rest.clone(), false);
                for (_, c) in d.by_ref() {
                    self.char(c, rest.clone(), false);
                }
                return;
            }
            // An entity: find where it ends in the source.
            let end = entity_end(&src[i..], c);
            let src_range = here..here + end;
            self.char(c, src_range, false);
            i += end;
        }
    }

    fn end_block(&mut self) {
        self.open = false;
        self.space = None;
    }
}

/// Whether text after an `&` starts a character reference.
fn is_entity_start(s: &str) -> bool {
    s.starts_with('#') || s.starts_with(|c: char| c.is_ascii_alphabetic())
}

/// Longest character reference copycat looks for (`&CounterClockwiseContourIntegral;`
/// is 33 bytes).
const MAX_REFERENCE: usize = 40;

/// What the tokenizer makes of `s` as text.
fn decode_text(s: &str) -> String {
    let mut out = String::new();
    for t in Tokenizer::new(s).flatten() {
        if let Token::String(x) = t {
            out.push_str(&String::from_utf8_lossy(&x.value.0));
        }
    }
    out
}

/// Length of the character reference at the start of `src` (which starts
/// with `&`) that decoded to `c`: the longest prefix that decodes to `c`
/// alone. Longest, because `&` alone decodes to itself too; and a prefix
/// past the reference decodes to more than `c` (`&nota` to `¬a`), so the
/// reference of a legacy name without a semicolon (`&not`) is found too.
fn entity_end(src: &str, c: char) -> usize {
    let mut buf = [0u8; 4];
    let want: &str = c.encode_utf8(&mut buf);
    // A reference is `&`, a name or number, and maybe `;`: nothing longer
    // can decode to one character.
    let name = src[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
        .map_or(src.len(), |k| k + 1);
    let max = (name + usize::from(src[name..].starts_with(';')))
        .min(src.len())
        .min(MAX_REFERENCE);
    (1..=max)
        .rev()
        .filter(|&k| src.is_char_boundary(k))
        .find(|&k| decode_text(&src[..k]) == want)
        .unwrap_or(1)
}

fn write(t: &Tree, e: usize, w: &mut Writer) {
    let el = &t.elems[e];
    if el.skip {
        return;
    }
    let block = BLOCK_TAGS.contains(&el.name.as_str());
    if block {
        w.end_block();
    }
    for c in &el.children {
        match c {
            Node::Text(span, decoded) => w.run(span.clone(), decoded),
            Node::Elem(i) => write(t, *i, w),
            Node::Break => w.end_block(),
        }
    }
    if block {
        w.end_block();
    }
}

/// The article of a decoded web page. `page` is the decoded text of the
/// file and `map` its map to the file's bytes; `file_len` the file's size.
pub fn extract(page: &str, map: &OffsetMap, file_len: usize) -> Page {
    let t = build(page);
    let l = lengths(&t);
    let score = scores(&t, &l);
    let roots = story(&t, &l, &score);
    let mut w = Writer {
        page,
        map,
        out: TextBuilder::new(page.len() / 2),
        space: None,
        open: false,
        file_end: 0,
        blocks: 0,
    };
    if !roots.is_empty() {
        // The headline: the page's first <h1> before the story, when the
        // story does not hold it (elements are numbered in document order,
        // and the text must keep the file's order).
        let h1 = (1..roots[0]).find(|&e| {
            t.elems[e].name == "h1" && !t.elems[e].skip && !collect_text(&t, e).trim().is_empty()
        });
        // (Nor when the story lies inside it: an unclosed <h1> swallows a page.)
        if let Some(h) = h1
            && !roots
                .iter()
                .any(|&r| is_within(&t, h, r) || is_within(&t, r, h))
        {
            write(&t, h, &mut w);
        }
        for r in roots {
            write(&t, r, &mut w);
        }
    }
    let mut hints = t.hints;
    if hints.title.is_none() {
        hints.title = t.title_tag.as_deref().map(site_suffix_removed);
    }
    hints.title = hints
        .title
        .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|s| !s.is_empty());
    if hints.byline.as_deref() == Some("") {
        hints.byline = None;
    }
    let (text, map) = w.out.finish(file_len);
    Page { text, map, hints }
}

/// Whether `e` is `root` or inside it.
fn is_within(t: &Tree, mut e: usize, root: usize) -> bool {
    loop {
        if e == root {
            return true;
        }
        if e == 0 {
            return false;
        }
        e = t.elems[e].parent;
    }
}

/// `Headline - Site` and `Headline | Site` without the site.
fn site_suffix_removed(title: &str) -> String {
    let t = title.trim();
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some((head, tail)) = t.rsplit_once(sep)
            && tail.split_whitespace().count() <= 4
            && head.split_whitespace().count() >= 3
        {
            return head.trim().to_string();
        }
    }
    t.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::decode::decode;

    fn page(html: &str) -> Page {
        let d = decode(html.as_bytes());
        extract(&d.text, &d.map, html.len())
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
        assert_eq!(p.hints.title.as_deref(), Some("Port strike spreads"));
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
