//! A page's markup as a flat element tree: elements in document order, and
//! the page's text runs and element boundaries as one list of items, so that
//! an element's subtree is a contiguous range of items and nothing that walks
//! the page needs recursion (a page may nest a million `<div>`s).
//!
//! Tree building is linear in the page whatever its shape: the open elements
//! are a stack, and for each tag name the positions in that stack where an
//! element of that name is open, so a start tag that closes an open `<p>` or
//! `<li>`, or an end tag, finds its element without searching the stack.

use std::ops::Range;

use html5gum::{DefaultEmitter, HtmlString, Spanned, Token, Tokenizer};
use rustc_hash::FxHashMap;

/// What an element is to the extractor, from its tag name alone.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct TagInfo {
    /// Its text is a block of its own (a paragraph, a heading, a cell).
    pub block: bool,
    /// `h1`…`h6`.
    pub heading: bool,
    /// Never text a reader sees (scripts, styles, forms' controls, media).
    pub removed: bool,
    /// Page furniture by its tag (`nav`, `aside`, `footer`…), unless it
    /// turns out to hold the story.
    pub furniture: bool,
    /// Has no content and no end tag.
    pub void: bool,
}

fn tag_info(name: &str) -> TagInfo {
    let mut t = TagInfo::default();
    match name {
        "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "li" | "blockquote" | "pre" | "dd"
        | "dt" | "dl" | "td" | "th" | "tr" | "div" | "section" | "article" | "main" | "header"
        | "ul" | "ol" | "table" | "tbody" | "thead" | "tfoot" | "caption" | "figcaption"
        | "address" | "center" | "details" | "summary" | "body" | "html" | "hr" | "fieldset"
        | "legend" | "nav" | "aside" | "footer" | "form" | "menu" | "figure" | "hgroup" => {
            t.block = true;
        }
        _ => {}
    }
    t.heading = matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6");
    t.removed = matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "button"
            | "select"
            | "option"
            | "textarea"
            | "input"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "dialog"
            | "title"
            | "noembed"
            | "noframes"
            | "xmp"
            | "plaintext"
            | "map"
            | "picture"
    );
    t.furniture = matches!(
        name,
        "nav" | "aside" | "footer" | "menu" | "form" | "header" | "figcaption"
    );
    t.void = matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    );
    t
}

/// An element of the page.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    /// Its tag name, interned (see [`Tree::name`]).
    pub name: u32,
    /// Its parent (the root is its own parent).
    pub parent: u32,
    pub info: TagInfo,
    /// Hidden (by an attribute or an inline style) or never shown, or
    /// inside such an element: none of its text is the page's.
    pub removed: bool,
    /// Inside a link (`<a>`).
    pub in_link: bool,
    /// Class, id or role words name it as furniture (navigation, sharing,
    /// comments, advertising…), or its tag does.
    pub furniture: bool,
    /// Its `itemprop` is `articleBody`, or a class or id names it as the
    /// story's body (`article-body`, `entry-content`, `storyText`).
    pub story: bool,
    /// A post embedded from a social network (`<blockquote
    /// class="twitter-tweet">`): a quotation the story makes, never
    /// furniture, whatever box holds it.
    pub embed: bool,
    /// Items of its subtree: from its `Open` to its `Close`.
    pub items: Range<u32>,
}

/// The page as a sequence: text runs and the boundaries of elements.
#[derive(Debug, Clone)]
pub(super) enum Item {
    /// An element starts (it is in `Tree::elems`).
    Open(u32),
    /// An element ends.
    Close(u32),
    /// A run of text in element `elem`: its span in the decoded page, and
    /// what it decodes to (entities resolved).
    Text {
        elem: u32,
        span: Range<usize>,
        decoded: Box<str>,
    },
    /// A `<br>`: a line break.
    Break,
}

/// A `<meta>` tag's key (`property`, `name` or `itemprop`, lower-cased) and
/// its content.
pub(super) type MetaTag = (String, String);

/// The element tree of a page, and what the page says about itself in
/// elements the tree leaves out (`<head>`, scripts).
#[derive(Debug, Default)]
pub(super) struct Tree {
    pub elems: Vec<Elem>,
    pub items: Vec<Item>,
    pub(super) names: Vec<String>,
    /// `<meta>` tags, in order.
    pub metas: Vec<MetaTag>,
    /// Texts of `<script type="application/ld+json">` blocks.
    pub json_ld: Vec<String>,
    /// The text of the first `<title>`.
    pub title_tag: Option<String>,
    /// `datetime` of `<time>` elements (and of elements marked
    /// `itemprop=datePublished`), in order, with whether they were marked as
    /// the publication date.
    pub times: Vec<(String, bool)>,
    /// Elements marked as the byline (`rel=author`, `itemprop=author`,
    /// class `byline`/`author`), in order.
    pub byline_elems: Vec<u32>,
    /// The declared character encoding (`<meta charset>` or
    /// `http-equiv=content-type`), if any.
    pub charset: Option<String>,
}

impl Tree {
    /// The tag name of an element.
    pub fn name(&self, e: u32) -> &str {
        &self.names[self.elems[e as usize].name as usize]
    }

    pub fn elem(&self, e: u32) -> &Elem {
        &self.elems[e as usize]
    }

    /// Whether `e` is `anc` or inside it.
    pub fn within(&self, e: u32, anc: u32) -> bool {
        let (a, x) = (self.elem(anc), self.elem(e));
        a.items.start <= x.items.start && x.items.end <= a.items.end
    }
}

fn lower(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).to_ascii_lowercase()
}

type Attrs = std::collections::BTreeMap<HtmlString, Spanned<HtmlString, usize>>;

fn attr<'a>(attrs: &'a Attrs, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    attrs
        .iter()
        .find(|(k, _)| k.0.eq_ignore_ascii_case(name.as_bytes()))
        .map(|(_, v)| String::from_utf8_lossy(&v.value.0))
}

/// Words in a class or id that mark furniture: navigation, sharing, related
/// links, comments, consent banners, advertising, captions and credits.
const FURNITURE_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "advertisement",
    "advertising",
    "aside",
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "byline",
    "caption",
    "comment",
    "comments",
    "consent",
    "cookie",
    "cookies",
    "credit",
    "disqus",
    "dropdown",
    "footer",
    "gdpr",
    "masthead",
    "menu",
    "modal",
    "nav",
    "navbar",
    "navigation",
    "newsletter",
    "outbrain",
    "paywall",
    "popover",
    "popup",
    "promo",
    "rail",
    "recirc",
    "recommended",
    "related",
    "rollover",
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
    "tags",
    "toolbar",
    "tooltip",
    "trending",
    "widget",
];

/// Words in a class or id that mark the story itself.
const STORY_WORDS: &[&str] = &[
    "article",
    "articlebody",
    "body",
    "content",
    "entry",
    "main",
    "post",
    "story",
    "text",
    "blog",
];

/// Class names (whole) that hide an element from sight by convention
/// (visually hidden text for screen readers, hidden utility classes).
const HIDDEN_CLASSES: &[&str] = &[
    "hidden",
    "hide",
    "sr-only",
    "visually-hidden",
    "visuallyhidden",
    "screen-reader-text",
    "screen-reader-only",
    "element-invisible",
    "offscreen",
];

/// ARIA roles of furniture.
const FURNITURE_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "complementary",
    "contentinfo",
    "menu",
    "menubar",
    "dialog",
    "alertdialog",
    "search",
    "toolbar",
];

/// The words of a class or id: split at anything not a letter or digit and
/// at a lower-case letter followed by a capital (`relatedLinks`), lower-cased.
fn words(s: &str) -> impl Iterator<Item = String> + '_ {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|w| {
            let mut parts = Vec::new();
            let mut start = 0;
            let b = w.as_bytes();
            for i in 1..b.len() {
                if b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase() {
                    parts.push(&w[start..i]);
                    start = i;
                }
            }
            parts.push(&w[start..]);
            parts
        })
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
}

/// (story, furniture) as the class and id name them. Each class name (and
/// the id) is read alone: one naming the story (`article-body`) marks the
/// story; one naming furniture and not the story (`share-tools`,
/// `related`), or ending on a furniture word (`article-sidebar`), marks
/// furniture.
pub(super) fn class_marks(class: &str, id: &str) -> (bool, bool) {
    let mut story = false;
    let mut furniture = false;
    for token in class.split_ascii_whitespace().chain(std::iter::once(id)) {
        let ws: Vec<String> = words(token).collect();
        let Some(last) = ws.last() else { continue };
        let has_story = ws.iter().any(|w| STORY_WORDS.contains(&w.as_str()));
        let has_furn = ws.iter().any(|w| FURNITURE_WORDS.contains(&w.as_str()));
        if FURNITURE_WORDS.contains(&last.as_str()) || (has_furn && !has_story) {
            furniture = true;
        } else if has_story {
            story = true;
        }
    }
    (story, furniture)
}

/// Whether a class name or the id names the story's body: a word for the
/// story and one for its text in one name (`article-body`,
/// `entry-content`, `storyText`, `articleBody`).
pub(super) fn body_marks(class: &str, id: &str) -> bool {
    const WHOLE: &[&str] = &["article", "story", "entry", "post", "blog", "news"];
    const PART: &[&str] = &["body", "content", "text"];
    class
        .split_ascii_whitespace()
        .chain(std::iter::once(id))
        .any(|token| {
            let ws: Vec<String> = words(token).collect();
            (ws.iter().any(|w| WHOLE.contains(&w.as_str()))
                && ws.iter().any(|w| PART.contains(&w.as_str())))
                || ws.iter().any(|w| w == "articlebody")
        })
}

/// Whether a `<blockquote>`'s class marks a post embedded from a social
/// network (the networks' embedding code names them so: `twitter-tweet`,
/// `instagram-media`, `tiktok-embed`, `reddit-card`).
fn embed_marks(class: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "twitter",
        "tweet",
        "instagram",
        "tiktok",
        "facebook",
        "fb",
        "reddit",
        "bluesky",
        "mastodon",
        "threads",
        "embed",
    ];
    words(class).any(|w| NETWORKS.contains(&w.as_str()))
}

/// Whether an inline style hides the element.
fn style_hides(style: &str) -> bool {
    let s: String = style
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_ascii_lowercase();
    s.split(';').any(|decl| {
        matches!(
            decl.trim_end_matches("!important"),
            "display:none" | "visibility:hidden" | "visibility:collapse"
        )
    })
}

/// Element tags that close an open `<p>` (the HTML standard's list, less
/// the rare ones).
fn closes_p(name: &str) -> bool {
    matches!(
        name,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "center"
            | "details"
            | "dialog"
            | "dir"
            | "div"
            | "dl"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hgroup"
            | "hr"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "table"
            | "ul"
    )
}

/// For a start tag that implicitly ends an open element: the names it ends
/// (nearest first), and the names that bound the search (an `<li>` ends an
/// open `<li>` of its own list, not of the list around that list).
fn implied_end(name: &str) -> Option<(&'static [&'static str], &'static [&'static str])> {
    const P_SCOPE: &[&str] = &[
        "button", "table", "td", "th", "caption", "marquee", "object", "html",
    ];
    if closes_p(name) {
        return Some((&["p"], P_SCOPE));
    }
    Some(match name {
        "li" => (&["li"], &["ul", "ol", "menu", "table", "html"]),
        "dt" | "dd" => (&["dt", "dd"], &["dl", "table", "html"]),
        "tr" => (&["tr", "td", "th"], &["table", "html"]),
        "td" | "th" => (&["td", "th"], &["tr", "table", "html"]),
        "option" => (&["option"], &["select", "html"]),
        _ => return None,
    })
}

/// Elements a page's `<head>` holds; any other ends it.
const HEAD_CONTENT: &[&str] = &[
    "html", "head", "meta", "link", "title", "style", "script", "noscript", "base", "template",
];

struct Builder<'a> {
    t: Tree,
    ids: FxHashMap<String, u32>,
    /// Open elements, outermost first (the root at 0).
    stack: Vec<u32>,
    /// For each name: the depths in `stack` where an element of that name
    /// is open, in order.
    open_at: Vec<Vec<u32>>,
    page: &'a str,
    /// Text of the `<title>` or ld+json script being read.
    capture: Option<(u32, String)>,
}

impl Builder<'_> {
    fn intern(&mut self, name: &str) -> u32 {
        if let Some(&id) = self.ids.get(name) {
            return id;
        }
        let id = self.t.names.len() as u32;
        self.t.names.push(name.to_string());
        self.ids.insert(name.to_string(), id);
        self.open_at.push(Vec::new());
        id
    }

    fn top(&self) -> u32 {
        *self.stack.last().unwrap_or(&0)
    }

    /// The depth of the nearest open element named `id`, if any.
    fn nearest(&self, id: u32) -> Option<u32> {
        self.open_at
            .get(id as usize)
            .and_then(|v| v.last().copied())
    }

    /// Close every element above depth `depth` (the element there included).
    fn close_to(&mut self, depth: usize) {
        while self.stack.len() > depth.max(1) {
            let e = self.stack.pop().unwrap_or(0);
            let name = self.t.elems[e as usize].name;
            self.open_at[name as usize].pop();
            self.finish(e);
        }
    }

    fn finish(&mut self, e: u32) {
        if let Some((c, text)) = self.capture.take() {
            if c == e {
                match self.t.names[self.t.elems[e as usize].name as usize].as_str() {
                    "title" => {
                        if self.t.title_tag.is_none() {
                            self.t.title_tag = Some(text);
                        }
                    }
                    _ => self.t.json_ld.push(text),
                }
            } else {
                self.capture = Some((c, text));
            }
        }
        let at = self.t.items.len() as u32;
        let el = &mut self.t.elems[e as usize];
        if !el.removed {
            el.items.end = at + 1;
            self.t.items.push(Item::Close(e));
        } else {
            el.items = at..at;
        }
    }

    fn start(&mut self, tag: html5gum::StartTag<usize>) {
        let name = lower(&tag.name.0);
        let a = &tag.attributes;
        match name.as_str() {
            "meta" => self.meta(a),
            // `<time>`, and the custom elements pages write times with
            // (`<relative-time datetime>`, `<local-time datetime>`); not
            // `<ins>` and `<del>`, whose `datetime` dates an edit.
            _ if name == "time" || (name.contains('-') && name.ends_with("time")) => {
                if let Some(d) = attr(a, "datetime") {
                    let marked = attr(a, "itemprop")
                        .is_some_and(|p| p.eq_ignore_ascii_case("datepublished"))
                        || attr(a, "pubdate").is_some();
                    self.t.times.push((d.trim().to_string(), marked));
                }
            }
            _ => {}
        }
        if let Some(p) = attr(a, "itemprop")
            && name != "meta"
            && p.eq_ignore_ascii_case("datepublished")
            && let Some(d) = attr(a, "content").or_else(|| attr(a, "datetime"))
        {
            self.t.times.push((d.trim().to_string(), true));
        }
        // `</head>` may be left out: any element that has no place in the
        // head (`<body>`, a `<div>`) ends it, as in a browser, or the whole
        // page would sit in the head and show nothing.
        if !HEAD_CONTENT.contains(&name.as_str())
            && let Some(&head) = self.ids.get("head")
            && let Some(d) = self.nearest(head)
        {
            self.close_to(d as usize);
        }
        if let Some((ends, scope)) = implied_end(&name) {
            let bound = scope
                .iter()
                .filter_map(|s| self.ids.get(*s).and_then(|&id| self.nearest(id)))
                .max();
            let target = ends
                .iter()
                .filter_map(|s| self.ids.get(*s).and_then(|&id| self.nearest(id)))
                .max();
            if let Some(d) = target
                && bound.is_none_or(|b| d > b)
            {
                self.close_to(d as usize);
            }
        }
        let parent = self.top();
        let p = self.t.elems[parent as usize].clone();
        let info = tag_info(&name);
        if name == "br" {
            if !p.removed {
                self.t.items.push(Item::Break);
            }
            return;
        }
        let class = attr(a, "class").unwrap_or_default();
        let id_attr = attr(a, "id").unwrap_or_default();
        let role = attr(a, "role").unwrap_or_default().to_ascii_lowercase();
        let itemprop = attr(a, "itemprop").unwrap_or_default().to_ascii_lowercase();
        let hidden = attr(a, "hidden").is_some()
            || attr(a, "aria-hidden").is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            || attr(a, "style").is_some_and(|s| style_hides(&s))
            || class
                .split_ascii_whitespace()
                .any(|c| HIDDEN_CLASSES.iter().any(|h| h.eq_ignore_ascii_case(c)));
        let json_ld = name == "script"
            && attr(a, "type")
                .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
        let (_, mut furniture) = class_marks(&class, &id_attr);
        let mut story = body_marks(&class, &id_attr);
        if itemprop.split_whitespace().any(|w| w == "articlebody") {
            story = true;
            furniture = false;
        }
        // An article's own header (headline, standfirst, byline) is the
        // article's, not the page's furniture.
        let article_header = name == "header" && self.inside_article();
        furniture |=
            (info.furniture && !article_header) || FURNITURE_ROLES.contains(&role.as_str());
        let embed = name == "blockquote" && embed_marks(&class);
        if embed || matches!(name.as_str(), "html" | "body" | "main" | "article") {
            // Never furniture by a class: these hold pages and stories.
            furniture = false;
        }
        let removed = p.removed || hidden || info.removed;
        let in_link = p.in_link || name == "a";
        let byline = !removed
            && (attr(a, "rel").is_some_and(|r| r.eq_ignore_ascii_case("author"))
                || itemprop.split_whitespace().any(|w| w == "author")
                || class
                    .split_ascii_whitespace()
                    .any(|w| w.eq_ignore_ascii_case("byline") || w.eq_ignore_ascii_case("author")));
        let e = self.t.elems.len() as u32;
        let id = self.intern(&name);
        let at = self.t.items.len() as u32;
        self.t.elems.push(Elem {
            name: id,
            parent,
            info,
            removed,
            in_link,
            furniture,
            story,
            embed,
            items: at..at,
        });
        if byline {
            self.t.byline_elems.push(e);
        }
        if !removed {
            self.t.items.push(Item::Open(e));
        }
        if (name == "title" && self.t.title_tag.is_none()) || json_ld {
            self.capture = Some((e, String::new()));
        }
        if tag.self_closing || info.void {
            self.finish(e);
        } else {
            self.open_at[id as usize].push(self.stack.len() as u32);
            self.stack.push(e);
        }
    }

    /// Whether an `<article>` is open.
    fn inside_article(&self) -> bool {
        self.ids
            .get("article")
            .is_some_and(|&id| self.nearest(id).is_some())
    }

    fn meta(&mut self, a: &Attrs) {
        if let Some(c) = attr(a, "charset") {
            self.t
                .charset
                .get_or_insert_with(|| c.trim().to_ascii_lowercase());
        }
        if attr(a, "http-equiv").is_some_and(|h| h.eq_ignore_ascii_case("content-type"))
            && let Some(c) = attr(a, "content")
            && let Some((_, cs)) = c.to_ascii_lowercase().split_once("charset=")
        {
            let cs = cs.trim().trim_matches(['"', '\'', ';', ' ']).to_string();
            self.t.charset.get_or_insert(cs);
        }
        let key = attr(a, "property")
            .or_else(|| attr(a, "name"))
            .or_else(|| attr(a, "itemprop"))
            .map(|k| k.trim().to_ascii_lowercase());
        let content = attr(a, "content").map(|c| c.trim().to_string());
        if let (Some(k), Some(c)) = (key, content)
            && !c.is_empty()
        {
            self.t.metas.push((k, c));
        }
    }

    fn end(&mut self, name: &[u8]) {
        let name = lower(name);
        if let Some(&id) = self.ids.get(&name)
            && let Some(d) = self.nearest(id)
            && d > 0
        {
            self.close_to(d as usize);
        }
    }

    fn text(&mut self, s: Spanned<HtmlString, usize>) {
        let decoded = String::from_utf8_lossy(&s.value.0);
        if let Some((_, buf)) = self.capture.as_mut() {
            buf.push_str(&decoded);
        }
        let e = self.top();
        if self.t.elems[e as usize].removed {
            return;
        }
        // Spans are into `page`: a run beyond it (never, from html5gum) is
        // left out rather than trusted.
        let span = s.span.start..s.span.end;
        if self.page.get(span.clone()).is_none() {
            return;
        }
        self.t.items.push(Item::Text {
            elem: e,
            span,
            decoded: decoded.into(),
        });
    }
}

/// Build the tree of a decoded page.
pub(super) fn build(page: &str) -> Tree {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Script, style, title and textarea hold raw text: switch states on
    // their start tags, as a browser's tree builder would.
    emitter.naively_switch_states(true);
    let mut b = Builder {
        t: Tree::default(),
        ids: FxHashMap::default(),
        stack: vec![0],
        open_at: Vec::new(),
        page,
        capture: None,
    };
    let root = b.intern("#root");
    b.t.elems.push(Elem {
        name: root,
        parent: 0,
        info: TagInfo {
            block: true,
            ..TagInfo::default()
        },
        removed: false,
        in_link: false,
        furniture: false,
        story: false,
        embed: false,
        items: 0..0,
    });
    b.t.items.push(Item::Open(0));
    for token in Tokenizer::new_with_emitter(page, emitter).flatten() {
        match token {
            Token::StartTag(tag) => b.start(tag),
            Token::EndTag(tag) => b.end(&tag.name.0),
            Token::String(s) => b.text(s),
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    b.close_to(1);
    b.finish(0);
    b.t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(t: &Tree) -> Vec<(String, String)> {
        t.items
            .iter()
            .filter_map(|i| match i {
                Item::Text { elem, decoded, .. } => {
                    Some((t.name(*elem).to_string(), decoded.to_string()))
                }
                _ => None,
            })
            .collect()
    }

    #[test]
    fn subtrees_are_contiguous_ranges_of_items() {
        let t = build("<div><p>a<b>b</b></p><p>c</div>d");
        for (i, e) in t.elems.iter().enumerate() {
            if e.removed {
                continue;
            }
            assert!(matches!(t.items[e.items.start as usize], Item::Open(x) if x as usize == i));
            assert!(matches!(t.items[e.items.end as usize - 1], Item::Close(x) if x as usize == i));
            if i > 0 {
                let p = t.elem(e.parent);
                assert!(p.items.start < e.items.start && e.items.end < p.items.end);
            }
        }
        assert_eq!(
            texts(&t),
            [("p", "a"), ("b", "b"), ("p", "c"), ("#root", "d")]
                .map(|(a, b)| (a.to_string(), b.to_string()))
        );
    }

    #[test]
    fn an_item_ends_the_open_item_of_its_own_list_only() {
        let t = build("<ul><li>a<ul><li>b</ul><li>c</ul>");
        let lis: Vec<u32> = (0..t.elems.len() as u32)
            .filter(|&e| t.name(e) == "li")
            .collect();
        assert_eq!(lis.len(), 3);
        // The inner item is inside the first; the third is not.
        assert!(t.within(lis[1], lis[0]));
        assert!(!t.within(lis[2], lis[0]));
    }

    #[test]
    fn hidden_and_unseen_text_is_left_out() {
        let t = build(
            "<p>seen</p><p hidden>h1</p><p aria-hidden=\"true\">h2</p>\
             <p style=\"color:red; display: none !important\">h3</p>\
             <p style=\"visibility:hidden\">h4</p><template><p>h5</p></template>\
             <noscript><p>h6</p></noscript><span class=\"sr-only\">h7</span>\
             <script>h8</script><p aria-hidden=\"false\">shown</p>",
        );
        let all: Vec<String> = texts(&t).into_iter().map(|(_, s)| s).collect();
        assert_eq!(all, ["seen", "shown"]);
    }

    /// Regression: a page that never closes its `<head>` (the end tag is
    /// optional) showed no text at all: its body sat inside the head.
    #[test]
    fn the_body_ends_a_head_left_open() {
        let t = build(
            "<html><head><title>T</title><meta name=\"og:title\" content=\"T\">\
             <!-- x --><body><div><p>seen</p></div></body></html>",
        );
        assert_eq!(texts(&t), [("p".to_string(), "seen".to_string())]);
        assert_eq!(t.title_tag.as_deref(), Some("T"));
        assert_eq!(t.metas, [("og:title".to_string(), "T".to_string())]);
        // Without `<body>` either, the first element of the page ends it.
        let t = build("<head><link rel=x><div><p>seen</p></div>");
        assert_eq!(texts(&t), [("p".to_string(), "seen".to_string())]);
    }

    /// Times in `<time>` and in the custom elements pages use for them
    /// (GitHub's `<relative-time>`); an edit's date in `<del>` is no time
    /// of the page.
    #[test]
    fn times_come_from_time_elements_and_their_custom_kin() {
        let t = build(
            "<del datetime=\"2020-01-01\">old</del>\
             <relative-time datetime=\"2020-07-07T12:10:51Z\">on Jul 7, 2020</relative-time>\
             <time datetime=\"2020-07-08\" pubdate>x</time>",
        );
        assert_eq!(
            t.times,
            [
                ("2020-07-07T12:10:51Z".to_string(), false),
                ("2020-07-08".to_string(), true)
            ]
        );
    }

    #[test]
    fn class_words_mark_story_and_furniture() {
        assert_eq!(class_marks("article-body", ""), (true, false));
        assert_eq!(class_marks("share-tools", ""), (false, true));
        assert_eq!(class_marks("article-sidebar", ""), (false, true));
        assert_eq!(class_marks("relatedLinks", ""), (false, true));
        assert_eq!(class_marks("entry-content has-sidebar", ""), (true, true));
        assert_eq!(class_marks("headline", "load"), (false, false));
        // A hover card over a name (nj.com, thehill.com): furniture.
        assert_eq!(class_marks("author-tooltip", ""), (false, true));
        assert_eq!(class_marks("bio popover", ""), (false, true));
        assert_eq!(class_marks("rollover-card", ""), (false, true));
    }

    /// A post embedded from a social network is a quotation the story
    /// makes, even in a box named as furniture; other blockquotes are
    /// not embeds.
    #[test]
    fn embedded_posts_are_never_furniture() {
        let t = build(
            "<div class=\"embed-widget\"><blockquote class=\"twitter-tweet\"><p>a</p></blockquote></div>\
             <blockquote class=\"pull-quote\"><p>b</p></blockquote>",
        );
        let quotes: Vec<u32> = (0..t.elems.len() as u32)
            .filter(|&e| t.name(e) == "blockquote")
            .collect();
        assert!(t.elem(quotes[0]).embed);
        assert!(!t.elem(quotes[0]).furniture);
        assert!(!t.elem(quotes[1]).embed);
    }

    /// Regression (issue 25, item 6): every `<div>` start tag searched the
    /// open elements for a `<p>` to close, so a page of n nested `<div>`s took
    /// time in n². A million of them now build, with no recursion anywhere.
    #[test]
    fn a_million_nested_divs_build() {
        let n = 1_000_000;
        let mut page = "<div>".repeat(n);
        page.push_str("deep text");
        let t = build(&page);
        assert_eq!(t.elems.len(), n + 1);
        assert_eq!(texts(&t).len(), 1);
        let deepest = t.elem(n as u32);
        assert!(deepest.items.end as usize <= t.items.len());
    }
}
