//! Which text of a page is the story.
//!
//! The page's visible text is cut into blocks (a paragraph, a heading, a
//! list item, a line between `<br>`s: whatever a browser would start on a
//! new line). Each block is judged on its own first: *prose* when it is long
//! and mostly not links, *furniture* when it is mostly links, sits in an
//! element named or tagged as furniture (navigation, sharing, comments,
//! advertising…) or is a stock phrase of furniture ("Advertisement"), and
//! *short* otherwise. A short block then takes the side of its neighbours:
//! between prose it is prose (a crosshead, a one-line paragraph), next to
//! furniture it is furniture (a date, a label); a heading is prose when
//! prose follows it.
//!
//! The story is the element whose subtree holds the most prose less the
//! furniture it would drag in (a subtree's prose characters minus its
//! furniture characters): the article's container wins over the page around
//! it, because the page adds menus, link lists and comments, and over any
//! part of it, because a part leaves prose out. That one rule reads a body
//! split over several sections, prose in `<div>`s without `<p>`, and a page
//! whose every element sits in a wrapper named `sidebar` or `ad` (an element
//! named as furniture that holds most of the page's prose is a wrapper, not
//! furniture). The prose blocks of that element, in order, are the story.

use std::ops::Range;

use super::tree::{Item, Tree};

/// A block at least this many characters long can be prose by itself…
pub(super) const PROSE_CHARS: u32 = 80;
/// …when at most this share of it is link text (a newsletter's items link
/// half their words).
pub(super) const PROSE_LINK_SHARE: f64 = 0.5;
/// A short block with more than this share of link text is furniture (a
/// menu item, a related headline)…
const FURNITURE_LINK_SHARE: f64 = 0.5;
/// …and so is a long one with more than this share (a list of links)…
const FURNITURE_LONG_LINK_SHARE: f64 = 0.7;
/// …and a block this long only when nearly all of it is links: a long
/// paragraph that links every name is still a paragraph.
const LONG_CHARS: u32 = 200;
const FURNITURE_LONGEST_LINK_SHARE: f64 = 0.9;
/// An element named or tagged as furniture that holds at least this share
/// of the page's prose is a wrapper of the page, not furniture.
const WRAPPER_SHARE: f64 = 0.5;
/// Furniture blocks cost this much per character against the prose of an
/// element that would take them in.
const FURNITURE_COST: f64 = 1.0;
/// A short block is taken for furniture when it starts with one of these
/// (lower-cased), and is at most this long.
const STOCK_CHARS: u32 = 60;
const STOCK_PHRASES: &[&str] = &[
    "advertisement",
    "advertising",
    "advert",
    "anzeige",
    "werbung",
    "publicité",
    "publicidad",
    "pubblicità",
    "реклама",
    "sponsored",
    "like this:",
    "like loading",
    "share this",
    "share on",
    "share:",
    "font size",
    "your video will play",
    "video will play in",
    "skip ad",
    "read more",
    "read next",
    "related:",
    "related articles",
    "related stories",
    "related posts",
    "more stories",
    "recommended",
    "sign up",
    "subscribe",
    "follow us",
    "click here",
    "loading",
    "all rights reserved",
    "copyright",
    "©",
    "tags:",
    "filed under",
    "posted in",
    "leave a comment",
    "leave a reply",
    "comments",
    "print",
    "email",
];

/// A block at either end of the story this short or shorter, holding one
/// of these phrases, is a call to subscribe or follow.
const PROMO_CHARS: u32 = 300;
const PROMO_PHRASES: &[&str] = &[
    "sign up",
    "subscribe",
    "newsletter",
    "click here",
    "follow us",
    "download our app",
    "like us on facebook",
];

/// What a block is to the story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Class {
    Prose,
    Short,
    Furniture,
}

/// A block of text: what a browser would start on a line of its own.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// The innermost block element around it.
    pub owner: u32,
    /// Its items (text runs and line breaks), a range of `Tree::items`.
    pub items: Range<u32>,
    /// Characters a reader sees (runs of whitespace count one).
    pub chars: u32,
    /// Of them, in links.
    pub link_chars: u32,
    /// Of them, in furniture.
    pub furniture_chars: u32,
    /// In an `<h1>`…`<h6>`.
    pub heading: bool,
    /// In an `<h1>`.
    pub h1: bool,
    /// Its first characters, lower-cased (for stock phrases).
    pub head: String,
    /// Its last characters, as written (for how it ends).
    pub tail: String,
    /// What it is, alone and then in context.
    pub class: Class,
}

impl Block {
    fn link_share(&self) -> f64 {
        f64::from(self.link_chars) / f64::from(self.chars.max(1))
    }
}

/// Characters a reader sees in `s`, runs of whitespace counted once, and
/// whether `s` ends inside a run of whitespace (`after_space`: it starts
/// after one).
fn visible_chars(s: &str, after_space: &mut bool) -> u32 {
    let mut n = 0;
    for c in s.chars() {
        if c.is_whitespace() {
            if !*after_space {
                n += 1;
                *after_space = true;
            }
        } else {
            n += 1;
            *after_space = false;
        }
    }
    n
}

/// Cut the page's visible text into blocks. `furniture[e]` says whether
/// element `e` is furniture in effect; `inline[e]`, when given, whether its
/// text stays out of a block that is not furniture ([`inline_furniture`]).
pub(super) fn blocks(t: &Tree, furniture: &[bool], inline: Option<&[bool]>) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    // Open block elements, innermost last.
    let mut owners: Vec<u32> = vec![0];
    let mut heading = 0usize;
    let mut h1 = 0usize;
    let mut cur: Option<Block> = None;
    let mut after_space = true;
    let end = |cur: &mut Option<Block>, out: &mut Vec<Block>, at: u32| {
        if let Some(mut b) = cur.take() {
            b.items.end = at;
            if b.chars > 0 {
                out.push(b);
            }
        }
    };
    for (i, item) in t.items.iter().enumerate() {
        let i = i as u32;
        match item {
            Item::Open(e) | Item::Close(e) => {
                let el = t.elem(*e);
                if !el.info.block {
                    continue;
                }
                end(&mut cur, &mut out, i);
                after_space = true;
                let opening = matches!(item, Item::Open(_));
                let d = usize::from(el.info.heading);
                let d1 = usize::from(t.name(*e) == "h1");
                if opening {
                    owners.push(*e);
                    heading += d;
                    h1 += d1;
                } else {
                    owners.pop();
                    heading -= d.min(heading);
                    h1 -= d1.min(h1);
                }
            }
            Item::Break => {
                end(&mut cur, &mut out, i);
                after_space = true;
            }
            Item::Text { elem, decoded, .. } => {
                let owner = *owners.last().unwrap_or(&0);
                if inline.is_some_and(|f| f[*elem as usize]) && !furniture[owner as usize] {
                    continue;
                }
                let b = cur.get_or_insert_with(|| Block {
                    owner,
                    items: i..i,
                    chars: 0,
                    link_chars: 0,
                    furniture_chars: 0,
                    heading: heading > 0,
                    h1: h1 > 0,
                    head: String::new(),
                    tail: String::new(),
                    class: Class::Short,
                });
                let n = visible_chars(decoded, &mut after_space);
                if b.chars == 0 && decoded.trim().is_empty() {
                    // Whitespace between blocks is no block.
                    after_space = true;
                    continue;
                }
                b.chars += n;
                let el = t.elem(*elem);
                if el.in_link {
                    b.link_chars += n;
                }
                if furniture[*elem as usize] {
                    b.furniture_chars += n;
                }
                let trimmed = decoded.trim_end();
                if !trimmed.is_empty() {
                    // The last few characters are all `tail` needs.
                    let from = trimmed.char_indices().rev().nth(7).map_or(0, |(k, _)| k);
                    b.tail.clear();
                    b.tail.push_str(&trimmed[from..]);
                }
                if b.head.len() < STOCK_CHARS as usize {
                    let room = STOCK_CHARS as usize - b.head.len();
                    let start = if b.head.is_empty() {
                        decoded.trim_start()
                    } else {
                        decoded
                    };
                    b.head
                        .extend(start.chars().take(room).flat_map(char::to_lowercase));
                }
            }
        }
    }
    end(&mut cur, &mut out, t.items.len() as u32);
    // A trailing run of whitespace was counted as a character.
    for b in &mut out {
        b.head = b.head.trim().to_string();
    }
    out
}

/// Whether a block reads as prose by itself, ignoring furniture.
fn prose_alone(b: &Block) -> bool {
    b.chars >= PROSE_CHARS && b.link_share() <= PROSE_LINK_SHARE && !b.heading
}

/// Prose characters under each element, from blocks judged alone.
fn prose_under(t: &Tree, blocks: &[Block]) -> Vec<u64> {
    let mut p = vec![0u64; t.elems.len()];
    for b in blocks.iter().filter(|b| prose_alone(b)) {
        p[b.owner as usize] += u64::from(b.chars);
    }
    for e in (1..t.elems.len()).rev() {
        let parent = t.elems[e].parent as usize;
        p[parent] += p[e];
    }
    p
}

/// Which elements are furniture in effect: named or tagged so (or inside
/// such an element), unless they hold most of the page's prose.
pub(super) fn furniture(t: &Tree) -> Vec<bool> {
    let none = vec![false; t.elems.len()];
    let prose = prose_under(t, &blocks(t, &none, None));
    let total = prose[0] as f64;
    let mut f = vec![false; t.elems.len()];
    for e in 1..t.elems.len() {
        let el = &t.elems[e];
        let wrapper = total > 0.0 && prose[e] as f64 >= WRAPPER_SHARE * total;
        f[e] = !el.embed && (f[el.parent as usize] || (el.furniture && !wrapper));
    }
    f
}

/// Inline furniture at least this long inside a paragraph of the story
/// is a hover card or a box of links, not a name or a label in the text.
const INLINE_FURNITURE_CHARS: usize = 40;

/// Which elements' text stays out of a story block around them: those
/// under an element marked as furniture (by its own class, id or tag) that
/// holds at least [`INLINE_FURNITURE_CHARS`] characters (a hover card of
/// links in a paragraph), as opposed to a short link named like furniture
/// that is part of the sentence. Only furniture in effect (`furniture`).
pub(super) fn inline_furniture(t: &Tree, furniture: &[bool]) -> Vec<bool> {
    let n = t.elems.len();
    let mut chars = vec![0usize; n];
    for item in &t.items {
        if let Item::Text { elem, decoded, .. } = item {
            chars[*elem as usize] += decoded.chars().count();
        }
    }
    for e in (1..n).rev() {
        let p = t.elems[e].parent as usize;
        chars[p] += chars[e];
    }
    // The nearest element marked as furniture, at or above each element
    // (parents come before their children).
    let mut marked = vec![None::<u32>; n];
    let mut out = vec![false; n];
    for e in 1..n {
        let el = &t.elems[e];
        marked[e] = if el.furniture {
            Some(e as u32)
        } else {
            marked[el.parent as usize]
        };
        out[e] =
            furniture[e] && marked[e].is_some_and(|m| chars[m as usize] >= INLINE_FURNITURE_CHARS);
    }
    out
}

fn stock_phrase(b: &Block) -> bool {
    b.chars <= STOCK_CHARS
        && STOCK_PHRASES.iter().any(|p| {
            b.head.starts_with(p)
                && b.head[p.len()..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_alphanumeric() || p.ends_with(':'))
        })
}

/// Judge each block alone: furniture, prose, or too short to tell.
pub(super) fn classify(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        let links = if b.chars >= LONG_CHARS {
            FURNITURE_LONGEST_LINK_SHARE
        } else if b.chars >= PROSE_CHARS {
            FURNITURE_LONG_LINK_SHARE
        } else {
            FURNITURE_LINK_SHARE
        };
        b.class = if b.furniture_chars * 2 > b.chars || b.link_share() > links || stock_phrase(b) {
            Class::Furniture
        } else if prose_alone(b) {
            Class::Prose
        } else {
            Class::Short
        };
    }
}

/// A short line that reads as a byline, a date or a credit (`by …`,
/// `Updated 11/18/19 11:04 pm`, `August 23, 2018`, `Photo: …`), given
/// lower-cased.
fn meta_like(head: &str) -> bool {
    const STARTS: &[&str] = &[
        "by ",
        "von ",
        "par ",
        "por ",
        "door ",
        "di ",
        "av ",
        "updated",
        "published",
        "posted",
        "last updated",
        "photo",
        "image",
        "credit",
        "source:",
        "written by",
    ];
    if STARTS.iter().any(|p| head.starts_with(p)) {
        return true;
    }
    let b = head.as_bytes();
    // A year, a numeric date or a time of day.
    b.windows(4)
        .any(|w| (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit))
        || b.windows(3)
            .any(|w| w[0].is_ascii_digit() && matches!(w[1], b'/' | b':') && w[2].is_ascii_digit())
}

/// A page with no prose by the usual measure may still hold a short
/// story: blocks this long (and not furniture) are its prose then.
pub(super) const SHORT_PROSE_CHARS: u32 = 25;

/// Take short blocks of some length for prose: the second try on a page
/// where no block reads as prose.
pub(super) fn relax(blocks: &mut [Block]) -> bool {
    let mut any = false;
    for b in blocks.iter_mut() {
        if b.class == Class::Short && b.chars >= SHORT_PROSE_CHARS && !b.heading {
            b.class = Class::Prose;
            any = true;
        }
    }
    any
}

/// A short block reads as a sentence: it ends like one and has no links.
fn sentence_like(b: &Block) -> bool {
    b.link_chars == 0
        && !b.heading
        && b.tail.chars().next_back().is_some_and(|c| {
            matches!(
                c,
                '.' | '!' | '?' | '…' | '"' | '”' | '»' | '。' | '！' | '？' | ':'
            )
        })
}

/// The `<blockquote>` at or around element `e`, if any.
fn quote_around(t: &Tree, mut e: u32) -> Option<u32> {
    while e != 0 {
        if t.name(e) == "blockquote" {
            return Some(e);
        }
        e = t.elem(e).parent;
    }
    None
}

/// The blocks of the story: in the elements `roots`, after the headline, the prose, the short
/// blocks between the first and the last prose (crossheads, one-line
/// paragraphs, lists), and short blocks that read as sentences right before
/// or after them (a one-line lead or last paragraph), never furniture.
pub(super) fn select(
    t: &Tree,
    blocks: &[Block],
    roots: &[u32],
    headline: Option<usize>,
) -> Vec<usize> {
    let mut inside: Vec<usize> = (0..blocks.len())
        .filter(|&i| roots.iter().any(|&r| t.within(blocks[i].owner, r)))
        .collect();
    // Nothing before the headline is the story, nor the headline itself
    // (it is written apart), unless that leaves no prose.
    if let Some(h) = headline {
        let after: Vec<usize> = inside.iter().copied().filter(|&i| i > h).collect();
        if after.iter().any(|&i| blocks[i].class == Class::Prose) {
            inside = after;
        }
    }
    let prose: Vec<usize> = inside
        .iter()
        .copied()
        .filter(|&i| blocks[i].class == Class::Prose)
        .collect();
    let (Some(&first), Some(&last)) = (prose.first(), prose.last()) else {
        return Vec::new();
    };
    let mut keep = vec![false; blocks.len()];
    for &i in &inside {
        keep[i] = (first..=last).contains(&i) && blocks[i].class != Class::Furniture;
    }
    // Before the prose: short blocks that are not a byline, a date or a
    // heading (a one-line lead, the start of a list), back to the first
    // that is; after it, short blocks that read as sentences.
    let pos = |i: usize| inside.iter().position(|&x| x == i).unwrap_or(0);
    for &i in inside[..pos(first)].iter().rev() {
        let b = &blocks[i];
        if b.class != Class::Short || b.h1 || meta_like(&b.head) {
            break;
        }
        keep[i] = true;
    }
    // After it, short blocks up to the last that reads as a sentence,
    // before any furniture or other prose: a last one-line paragraph, or
    // the steps of a how-to (a list of short sentences under headings)
    // that follows the prose outside its element.
    // A quotation that ends the prose keeps its attribution (`— Name
    // (@handle) date` under an embedded post).
    let quote = quote_around(t, blocks[last].owner);
    let mut end = None;
    for (i, b) in blocks.iter().enumerate().skip(last + 1) {
        if b.class != Class::Short {
            break;
        }
        if sentence_like(b) || quote.is_some_and(|q| t.within(b.owner, q)) {
            end = Some(i);
        }
    }
    if let Some(end) = end {
        for k in &mut keep[last + 1..=end] {
            *k = true;
        }
    }
    let mut kept: Vec<usize> = (0..blocks.len()).filter(|&i| keep[i]).collect();
    // A call to subscribe or follow at either end is the site's, not the
    // story's.
    let promo = |i: usize| {
        blocks[i].chars <= PROMO_CHARS && {
            let text = block_text(t, &blocks[i], PROMO_CHARS as usize * 4).to_lowercase();
            PROMO_PHRASES.iter().any(|p| holds_phrase(&text, p))
        }
    };
    while kept.len() > 1 && promo(kept[kept.len() - 1]) {
        kept.pop();
    }
    let lead = kept.iter().take_while(|&&i| promo(i)).count();
    if lead < kept.len() {
        kept.drain(..lead);
    }
    kept
}

/// Whether `text` holds `phrase` as whole words: a lead that mentions
/// "paying subscribers" is no call to subscribe.
fn holds_phrase(text: &str, phrase: &str) -> bool {
    text.match_indices(phrase).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + phrase.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The choice of the story's elements, and what competed with them.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    /// The element holding the story, then the siblings that hold more of it.
    pub roots: Vec<u32>,
    /// Prose characters of the page.
    pub page_prose: u64,
    /// Of them, under `roots`.
    pub kept_prose: u64,
    /// Elements apart from the story whose prose comes close to the
    /// story's: each with its prose characters, largest first.
    pub rivals: Vec<(u32, u64)>,
}

/// Furniture at least this long breaks a run of prose.
const RUN_BREAK_CHARS: u32 = 30;
/// Prose in a run shorter than this share of the longest run does not
/// count towards an element's score.
const RUN_SHARE: f64 = 0.25;
/// A body the page names holds at least this share of the chosen
/// element's prose to replace it.
const BODY_SHARE: f64 = 0.9;
/// A rival holds at least this share of the story's prose.
const RIVAL_SHARE: f64 = 0.3;
/// Candidates scoring at least this share of the best are close: the one
/// nearest after the headline wins among them.
const CLOSE_SCORE: f64 = 0.5;
/// A sibling of the story's element joins it when it scores at least this
/// share of the element's score (a body split over several sections).
const SIBLING_SCORE: f64 = 0.2;

/// The index of the first block in element `e`, if any (blocks are in
/// document order).
fn first_block(t: &Tree, blocks: &[Block], e: u32) -> Option<usize> {
    let items = &t.elem(e).items;
    let i = blocks.partition_point(|b| b.items.start < items.start);
    (i < blocks.len() && blocks[i].items.start < items.end).then_some(i)
}

/// The largest elements (by `key`) at or above `min`, none inside another,
/// none overlapping `apart`.
fn disjoint(t: &Tree, key: &[f64], min: f64, apart: &[u32]) -> Vec<u32> {
    let mut all: Vec<u32> = (1..t.elems.len() as u32)
        .filter(|&e| !t.elem(e).removed && key[e as usize] >= min && key[e as usize] > 0.0)
        .filter(|&e| apart.iter().all(|&r| !t.within(e, r) && !t.within(r, e)))
        .collect();
    // Largest first; of equal ones the outermost (it comes first).
    all.sort_by(|&a, &b| key[b as usize].total_cmp(&key[a as usize]).then(a.cmp(&b)));
    let mut out: Vec<u32> = Vec::new();
    for e in all {
        if out.iter().all(|&r| !t.within(e, r) && !t.within(r, e)) {
            out.push(e);
        }
    }
    out
}

/// The elements holding the story, if the page has prose at all.
/// `headline` is the index of the headline's block, when the page's
/// headline was found among its blocks.
pub(super) fn choose(t: &Tree, blocks: &[Block], headline: Option<usize>) -> Option<Choice> {
    let n = t.elems.len();
    let mut prose = vec![0u64; n];
    let mut score = vec![0f64; n];
    // Runs of prose: blocks in a row, broken by furniture of some size (a
    // link headline, a list of links), not by short blocks or labels. A
    // story is a long run (or a few); teasers in a list of stories are
    // short runs each, between their linked headlines.
    let mut run = vec![0usize; blocks.len()];
    let mut runs: Vec<u64> = vec![0];
    for (i, b) in blocks.iter().enumerate() {
        if b.class == Class::Furniture && b.chars >= RUN_BREAK_CHARS {
            runs.push(0);
        }
        run[i] = runs.len() - 1;
        if b.class == Class::Prose {
            *runs.last_mut().unwrap_or(&mut 0) += u64::from(b.chars);
        }
    }
    let longest = runs.iter().copied().max().unwrap_or(0) as f64;
    for (i, b) in blocks.iter().enumerate() {
        let o = b.owner as usize;
        match b.class {
            Class::Prose => {
                prose[o] += u64::from(b.chars);
                // Its words in links count against it; a short run, far
                // shorter than the longest, counts for nothing.
                if runs[run[i]] as f64 >= RUN_SHARE * longest {
                    score[o] += f64::from(b.chars) - 2.0 * f64::from(b.link_chars);
                }
            }
            Class::Furniture => score[o] -= FURNITURE_COST * f64::from(b.chars),
            // Too short to tell: neither for an element nor against it.
            Class::Short => {}
        }
    }
    for e in (1..n).rev() {
        let p = t.elems[e].parent as usize;
        prose[p] += prose[e];
        score[p] += score[e];
    }
    if prose[0] == 0 {
        return None;
    }
    // Ties go to the innermost element (the last in document order of a
    // chain of wrappers with the same score).
    let best = (0..n)
        .filter(|&e| !t.elems[e].removed && prose[e] > 0)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(a.cmp(&b)))? as u32;
    // Close candidates: the one nearest after the headline wins (a footer
    // or a sidebar of prose is far from it), the best when none follows it.
    let mut root = best;
    if let Some(h) = headline
        && score[best as usize] > 0.0
    {
        let close = disjoint(t, &score, CLOSE_SCORE * score[best as usize], &[]);
        let after = |e: u32| {
            let f = first_block(t, blocks, e)?;
            let last = blocks.partition_point(|b| b.items.start < t.elem(e).items.end);
            // Holding the headline counts as right after it.
            (last > h).then(|| f.max(h) - h)
        };
        if close.len() > 1
            && let Some(e) = close
                .iter()
                .copied()
                .filter_map(|e| after(e).map(|d| (d, e)))
                .min()
                .map(|(_, e)| e)
        {
            root = e;
        }
    }
    // An element the page names as the story's body, holding nearly all
    // the chosen element's prose, is the story's element (it leaves out
    // what sits beside the body).
    if let Some(e) = (root..n as u32)
        .take_while(|&e| t.within(e, root))
        .filter(|&e| {
            t.elem(e).story && prose[e as usize] as f64 >= BODY_SHARE * prose[root as usize] as f64
        })
        .last()
    {
        root = e;
    }
    let mut roots = vec![root];
    let parent = t.elem(root).parent;
    if root != 0 && score[root as usize] > 0.0 {
        let end = t.elem(parent).items.end;
        let mut e = parent + 1;
        while (e as usize) < n && t.elem(e).items.start < end {
            if t.elem(e).parent == parent
                && e != root
                && !t.elem(e).removed
                && score[e as usize] >= SIBLING_SCORE * score[root as usize]
            {
                roots.push(e);
            }
            e += 1;
        }
        roots.sort_unstable();
    }
    let kept: u64 = roots.iter().map(|&r| prose[r as usize]).sum();
    let prose_f: Vec<f64> = prose.iter().map(|&p| p as f64).collect();
    let rivals = disjoint(t, &prose_f, RIVAL_SHARE * kept as f64, &roots)
        .into_iter()
        .map(|e| (e, prose[e as usize]))
        .collect();
    Some(Choice {
        roots,
        page_prose: prose[0],
        kept_prose: kept,
        rivals,
    })
}

/// The text of a block, up to about `max` bytes.
pub(super) fn block_text(t: &Tree, b: &Block, max: usize) -> String {
    let mut s = String::new();
    for item in &t.items[b.items.start as usize..b.items.end as usize] {
        match item {
            Item::Text { decoded, .. } => s.push_str(decoded),
            Item::Break => s.push(' '),
            _ => {}
        }
        if s.len() > max {
            break;
        }
    }
    s
}

/// Letters and digits of `s`, lower-cased: text compared loosely.
fn loose(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A headline the page shows has at most this many characters.
const SHOWN_HEADLINE_CHARS: u32 = 300;

/// The headline the page shows over the story `kept` (block indices, in
/// order): the last `<h1>` of at least three words before the story's first
/// block with no prose between them, not mostly a link (a site's logo).
pub(super) fn shown_headline(t: &Tree, blocks: &[Block], kept: &[usize]) -> Option<String> {
    let first = *kept.first()?;
    let b = blocks[..first]
        .iter()
        .rev()
        .take_while(|b| b.class != Class::Prose)
        .find(|b| b.h1)?;
    let text = super::pagemeta::clean(&block_text(t, b, 4 * SHOWN_HEADLINE_CHARS as usize));
    (b.chars <= SHOWN_HEADLINE_CHARS
        && b.link_share() < FURNITURE_LINK_SHARE
        && text.split_whitespace().count() >= 3)
        .then_some(text)
}

/// Whether the headline `shown` over the story replaces a `title` from a
/// `<meta>`: they differ (letters and digits aside), yet share a word of
/// four letters or more (the same story, not a section's or the site's
/// name), and `shown` is not the outlet's name.
pub(super) fn retitles(title: &str, shown: &str, outlet: Option<&str>) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_lowercase)
            .collect()
    };
    let mine = words(title);
    loose(title) != loose(shown)
        && outlet.is_none_or(|o| loose(o) != loose(shown))
        && words(shown).iter().any(|w| mine.contains(w))
}

/// The block holding the page's headline: the first one reading as the
/// title the page states (a heading first), else the first `<h1>` of a few
/// words.
pub(super) fn headline(t: &Tree, blocks: &[Block], title: Option<&str>) -> Option<usize> {
    if let Some(title) = title {
        let want = loose(title);
        if want.chars().count() >= 8 {
            let matches = |b: &Block| {
                if b.chars as usize > 3 * title.chars().count() + 20 {
                    return false;
                }
                let got = loose(&block_text(t, b, 4 * title.len() + 64));
                let (a, z) = (got.chars().count(), want.chars().count());
                got == want
                    || (a.min(z) * 10 >= a.max(z) * 6
                        && (got.contains(&want) || want.contains(&got)))
            };
            let found = blocks
                .iter()
                .position(|b| b.heading && matches(b))
                .or_else(|| blocks.iter().position(matches));
            if found.is_some() {
                return found;
            }
        }
    }
    blocks
        .iter()
        .position(|b| b.h1 && block_text(t, b, 200).split_whitespace().count() >= 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn promo_phrases_count_as_whole_words_only() {
        assert!(holds_phrase("subscribe to our newsletter", "subscribe"));
        assert!(holds_phrase("please subscribe.", "subscribe"));
        assert!(holds_phrase("sign up — it's free", "sign up"));
        assert!(!holds_phrase("40,000 paying subscribers", "subscribe"));
        assert!(!holds_phrase("the unsubscribed", "subscribe"));
        assert!(!holds_phrase("", "subscribe"));
    }
}
