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
/// …when at most this share of it is link text.
pub(super) const PROSE_LINK_SHARE: f64 = 0.3;
/// A block with more than this share of link text is furniture, whatever
/// its length (a list of related links, a tag cloud).
const FURNITURE_LINK_SHARE: f64 = 0.5;
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
/// element `e` is furniture in effect.
pub(super) fn blocks(t: &Tree, furniture: &[bool]) -> Vec<Block> {
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
            Item::Break(_) => {
                end(&mut cur, &mut out, i);
                after_space = true;
            }
            Item::Text { elem, decoded, .. } => {
                let b = cur.get_or_insert_with(|| Block {
                    owner: *owners.last().unwrap_or(&0),
                    items: i..i,
                    chars: 0,
                    link_chars: 0,
                    furniture_chars: 0,
                    heading: heading > 0,
                    h1: h1 > 0,
                    head: String::new(),
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
    let prose = prose_under(t, &blocks(t, &none));
    let total = prose[0] as f64;
    let mut f = vec![false; t.elems.len()];
    for e in 1..t.elems.len() {
        let el = &t.elems[e];
        let wrapper = total > 0.0 && prose[e] as f64 >= WRAPPER_SHARE * total;
        f[e] = f[el.parent as usize] || (el.furniture && !wrapper);
    }
    f
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

/// Judge each block alone, then short ones by their neighbours.
pub(super) fn classify(blocks: &mut [Block]) {
    for b in blocks.iter_mut() {
        b.class = if b.furniture_chars * 2 > b.chars
            || b.link_share() > FURNITURE_LINK_SHARE
            || stock_phrase(b)
        {
            Class::Furniture
        } else if prose_alone(b) {
            Class::Prose
        } else {
            Class::Short
        };
    }
    // The nearest block that is not short before and after each block.
    let n = blocks.len();
    let mut prev = vec![None; n];
    let mut last = None;
    for i in 0..n {
        prev[i] = last;
        if blocks[i].class != Class::Short {
            last = Some(blocks[i].class);
        }
    }
    let mut next = vec![None; n];
    let mut last = None;
    for i in (0..n).rev() {
        next[i] = last;
        if blocks[i].class != Class::Short {
            last = Some(blocks[i].class);
        }
    }
    for i in 0..n {
        if blocks[i].class != Class::Short {
            continue;
        }
        let b = &blocks[i];
        let follows = next[i] == Some(Class::Prose);
        let after = prev[i] == Some(Class::Prose);
        blocks[i].class = if follows && (after || b.heading) {
            Class::Prose
        } else {
            Class::Furniture
        };
    }
}

/// The choice of the story's element, and what competed with it.
#[derive(Debug, Clone)]
pub(super) struct Choice {
    /// The element.
    pub root: u32,
    /// Prose characters of the page, in blocks judged in context.
    pub page_prose: u64,
    /// Of them, under `root`.
    pub kept_prose: u64,
    /// Elements outside `root` (and not around it) whose prose comes close
    /// to the story's: each with its prose characters, largest first.
    pub rivals: Vec<(u32, u64)>,
}

/// A rival holds at least this share of the story's prose.
const RIVAL_SHARE: f64 = 0.3;

/// The element holding the story, if the page has prose at all.
pub(super) fn choose(t: &Tree, blocks: &[Block]) -> Option<Choice> {
    let n = t.elems.len();
    let mut prose = vec![0u64; n];
    let mut score = vec![0f64; n];
    for b in blocks {
        let o = b.owner as usize;
        match b.class {
            Class::Prose => {
                prose[o] += u64::from(b.chars);
                score[o] += f64::from(b.chars);
            }
            Class::Furniture => score[o] -= FURNITURE_COST * f64::from(b.chars),
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
    let root = (0..n)
        .filter(|&e| !t.elems[e].removed && prose[e] > 0)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(a.cmp(&b)))? as u32;
    let kept = prose[root as usize];
    // Rivals: the largest subtrees of prose apart from the story, each
    // counted once (an element inside a rival already counted is not).
    let mut others: Vec<u32> = (1..n as u32)
        .filter(|&e| {
            !t.elems[e as usize].removed
                && prose[e as usize] as f64 >= RIVAL_SHARE * kept as f64
                && !t.within(e, root)
                && !t.within(root, e)
        })
        .collect();
    others.sort_by_key(|&e| std::cmp::Reverse(prose[e as usize]));
    let mut rivals: Vec<(u32, u64)> = Vec::new();
    for e in others {
        if rivals
            .iter()
            .all(|&(r, _)| !t.within(e, r) && !t.within(r, e))
        {
            rivals.push((e, prose[e as usize]));
        }
    }
    Some(Choice {
        root,
        page_prose: prose[0],
        kept_prose: kept,
        rivals,
    })
}
