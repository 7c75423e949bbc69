//! Display rows: soft wrap at word boundaries by display width, and level rows.
//!
//! Each side is laid out in its own reading order; nothing is ever reordered.
//! Levelling only inserts filler rows, so that the links that keep the reading
//! order (the backbone) start on the same row index in both columns. Because
//! of that, "the row beside this one" is simply the same index on the other
//! side, and only moved links need an explicit counterpart lookup.

use std::borrow::Cow;
use std::collections::HashMap;
use std::num::NonZeroU32;
use std::ops::Range;

use compact_str::CompactString;
use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

use super::{Change, Class, Side, Unit};
use crate::align::{Alignment, WordOp};
use crate::article::{Article, Role};
use crate::marks::Mark;

/// Display width of `s` as ratatui's buffer will lay it out.
///
/// `Buffer::set_stringn` walks grapheme clusters, drops those containing
/// control characters, and advances by `CellWidth::cell_width` of each. That
/// differs from `Span::width` (plain `unicode-width` over the whole string)
/// for halfwidth kana sound marks, which ratatui 0.30 counts as a cell of
/// their own: measuring any other way would let a wrapped row overflow the
/// pane by a cell per mark.
pub fn display_width(s: &str) -> usize {
    // Printable ASCII, most of any article, is one cell a byte: no need to
    // find grapheme boundaries (the costly part of laying out a pair).
    if s.bytes().all(|b| b.is_ascii_graphic() || b == b' ') {
        return s.len();
    }
    s.graphemes(true).map(grapheme_width).sum()
}

/// `s` cut from the left to at most `width` cells, with `…` where it was cut:
/// the end of a path (the file name) is what tells files apart.
pub fn shorten_left(s: &str, width: usize) -> String {
    if display_width(s) <= width {
        return s.to_string();
    }
    if width == 0 {
        return String::new();
    }
    let mut kept: Vec<&str> = Vec::new();
    let mut w = 1; // the ellipsis
    for g in s.graphemes(true).rev() {
        let gw = grapheme_width(g);
        if w + gw > width {
            break;
        }
        w += gw;
        kept.push(g);
    }
    let mut out = String::from("…");
    out.extend(kept.into_iter().rev());
    out
}

fn grapheme_width(g: &str) -> usize {
    // Filter first: `cell_width` debug-asserts on single control bytes, and
    // the buffer would drop such a grapheme anyway.
    if g.contains(char::is_control) {
        0
    } else {
        usize::from(g.cell_width())
    }
}

/// Most characters shown of one grapheme cluster: a base and its marks.
///
/// Real scripts stack a handful (Vietnamese two, Tibetan a few more), and
/// Unicode's stream-safe format allows 30 in a row; a hostile article can put
/// thousands on one letter, which every frame would otherwise send to the
/// terminal, and which costs every redraw a walk over all of them.
pub const MAX_CLUSTER: usize = 16;

/// `g`, one grapheme cluster, cut to [`MAX_CLUSTER`] characters.
fn cap_cluster(g: &str) -> &str {
    match g.char_indices().nth(MAX_CLUSTER) {
        Some((at, _)) => &g[..at],
        None => g,
    }
}

/// `s` with every grapheme cluster cut to [`MAX_CLUSTER`] characters.
fn cap_clusters(s: &str) -> Cow<'_, str> {
    // A cluster that long needs that many characters, so a short string
    // (most words of any language) cannot hold one, nor can ASCII.
    if s.is_ascii() || s.chars().nth(MAX_CLUSTER).is_none() {
        return Cow::Borrowed(s);
    }
    if s.graphemes(true).all(|g| cap_cluster(g).len() == g.len()) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.graphemes(true).map(cap_cluster).collect())
}

/// A run of text on a row with one style.
#[derive(Debug, Clone, PartialEq)]
pub struct Piece {
    /// What to draw: a single space where the article had a run of
    /// whitespace, clusters cut to [`MAX_CLUSTER`] characters.
    pub text: CompactString,
    /// The bytes of `Article::text` the piece stands for.
    pub bytes: Range<usize>,
    pub class: Class,
    /// Set on words that differ inside a link.
    pub change: Option<Change>,
    /// Index into `Article::words` when the piece is (part of) a word.
    pub word: Option<usize>,
    /// Display width of `text`.
    pub width: usize,
}

/// What a display row holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Article text.
    Text,
    /// The gap between two paragraphs.
    Blank,
    /// Padding that keeps linked passages level with the other side.
    Filler,
    /// A line above a run of moved links saying where its counterpart is
    /// (`↓ ¶13–¶15 moved`): one label for the run, not one per sentence.
    Note,
}

/// The gutter of a text row: the kind of its passage, its letter on the
/// passage's first row and a bar on the others.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gutter {
    pub class: Class,
    /// True on the first row of the passage (the row that carries the letter).
    pub first: bool,
}

impl Gutter {
    /// What the gutter shows: the kind's letter on the first row, a bar below.
    pub fn text(self) -> &'static str {
        if self.first {
            self.class.mark().and_then(Mark::letter).unwrap_or_default()
        } else {
            "│"
        }
    }
}

/// A display row. It holds no text of its own: a text row is a byte range of
/// its article's text, and its pieces are made when asked for
/// ([`Spread::pieces`]), for the few rows on screen. Kept small (a row for
/// every two bytes of a file of one-letter lines, and as many filler and blank
/// rows again): its offsets are `u32`, and what a note row says is kept
/// beside the rows ([`Spread::note`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub kind: RowKind,
    /// The class of the row's text (its passage's).
    class: Class,
    /// Where the row stands in a passage of several links (a reused block),
    /// for the bracket beside it, with the passage's class.
    pub bracket: Option<(Bracket, Class)>,
    pub gutter: Option<Gutter>,
    /// The bytes of `Article::text` a text row shows, from its first piece's
    /// first byte to its last piece's last (`0..0` on other rows).
    start: u32,
    end: u32,
    /// On the first row of a body paragraph: its number (`¶12`), counted as
    /// the gutters, the moved labels and the reports count them.
    pub paragraph: Option<NonZeroU32>,
    /// The passage the row shows (`Unit::Other` for blank and filler rows; a
    /// note row belongs to the first link of the run it labels).
    pub unit: Unit,
}

/// The part of a passage's bracket on a row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// The passage's first row.
    Top,
    /// A row inside it.
    Middle,
    /// Its last row.
    Bottom,
    /// A passage of one row.
    Single,
}

impl Bracket {
    /// How the bracket is drawn on this row.
    pub fn symbol(self) -> &'static str {
        match self {
            Bracket::Top => "╭",
            Bracket::Middle => "│",
            Bracket::Bottom => "╰",
            Bracket::Single => "[",
        }
    }
}

impl Row {
    fn empty(kind: RowKind) -> Row {
        Row {
            kind,
            class: Class::Plain,
            bracket: None,
            gutter: None,
            start: 0,
            end: 0,
            paragraph: None,
            unit: Unit::Other,
        }
    }

    /// The bytes of `Article::text` the row shows: empty on rows that show no
    /// text (blank, filler and note rows).
    pub fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The first byte of `Article::text` the row shows, on a text row.
    pub fn first_byte(&self) -> Option<usize> {
        (self.kind == RowKind::Text).then_some(self.start as usize)
    }
}

/// A byte offset of an article's text as a row keeps it. Files are capped at
/// 8 MiB (`article::load::MAX_FILE_BYTES`) and their text grows at most a few
/// times over in decoding, far below 4 GiB.
fn offset(at: usize) -> u32 {
    u32::try_from(at).expect("article text under 4 GiB")
}

/// How a stretch of text is tagged before wrapping.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Tag {
    class: Class,
    change: Option<Change>,
}

/// Wrap `text[range]` into rows of at most `width` cells, breaking at
/// whitespace; a token wider than a row is broken between graphemes.
///
/// `changed` holds sorted, disjoint byte ranges of changed words with what
/// changed (deleted, inserted, moved); `words` the article's words (for
/// `Piece::word`). Whitespace runs become one
/// space inside a row and disappear at row ends. A single grapheme wider than
/// `width` (a wide character in a one-cell pane) gets a row of its own: that is
/// the only way a row exceeds `width`.
pub fn wrap(
    text: &str,
    range: Range<usize>,
    class: Class,
    changed: &[(Range<usize>, Change)],
    words: &[crate::article::Word],
    width: usize,
) -> Vec<Vec<Piece>> {
    let mut rows = Vec::new();
    wrap_each(text, range, class, changed, words, width, &mut |row| {
        rows.push(row)
    });
    rows
}

/// [`wrap`], handing each row's pieces to `emit` as it is made, so that a
/// caller that keeps only where rows begin and end never holds more than a
/// row's pieces at once.
fn wrap_each(
    text: &str,
    range: Range<usize>,
    class: Class,
    changed: &[(Range<usize>, Change)],
    words: &[crate::article::Word],
    width: usize,
    emit: &mut dyn FnMut(Vec<Piece>),
) {
    let width = width.max(1);
    let tag_at = |byte: usize| Tag {
        class,
        change: change_at(changed, byte),
    };
    let mut row: Vec<Piece> = Vec::new();
    let mut row_w = 0usize;
    let mut gap_start: Option<usize> = None;
    for (ts, te) in tokens(text, range.clone()) {
        let pieces = split_token(text, ts..te, &tag_at, changed, words);
        let tw: usize = pieces.iter().map(|p| p.width).sum();
        let sep = usize::from(!row.is_empty());
        if row_w + sep + tw <= width {
            if sep == 1 {
                let gs = gap_start.unwrap_or(ts);
                let t = tag_at(gs);
                row.push(Piece {
                    text: " ".into(),
                    bytes: gs..ts,
                    class: t.class,
                    change: t.change,
                    word: None,
                    width: 1,
                });
            }
            row_w += sep + tw;
            row.extend(pieces);
        } else {
            if !row.is_empty() {
                emit(std::mem::take(&mut row));
                row_w = 0;
            }
            if tw <= width {
                row_w = tw;
                row.extend(pieces);
            } else {
                // Too long for any row: break between graphemes (of the
                // article's text: a piece's own text may be capped).
                for p in pieces {
                    for (gs, whole) in text[p.bytes.clone()].grapheme_indices(true) {
                        let g = cap_cluster(whole);
                        let gw = grapheme_width(g);
                        if row_w + gw > width && !row.is_empty() {
                            emit(std::mem::take(&mut row));
                            row_w = 0;
                        }
                        let start = p.bytes.start + gs;
                        // Field by field, not `..p.clone()`: that copied the
                        // whole word once per grapheme, quadratic in its
                        // length (a 7 MB word froze the reader for good).
                        push_merged(
                            &mut row,
                            Piece {
                                text: g.into(),
                                bytes: start..start + whole.len(),
                                width: gw,
                                class: p.class,
                                change: p.change,
                                word: p.word,
                            },
                        );
                        row_w += gw;
                    }
                }
            }
        }
        gap_start = Some(te);
    }
    if !row.is_empty() {
        emit(row);
    }
}

/// Append `p` to the row, joining it to the last piece when both are parts of
/// the same word with the same tags (a word broken across rows stays whole
/// within each row).
fn push_merged(row: &mut Vec<Piece>, p: Piece) {
    if let Some(last) = row.last_mut()
        && last.bytes.end == p.bytes.start
        && last.class == p.class
        && last.change == p.change
        && last.word == p.word
    {
        last.text.push_str(&p.text);
        last.bytes.end = p.bytes.end;
        last.width += p.width;
        return;
    }
    row.push(p);
}

/// What changed at `byte`, if it is inside one of the sorted, disjoint `ranges`.
fn change_at(ranges: &[(Range<usize>, Change)], byte: usize) -> Option<Change> {
    let i = ranges.partition_point(|(r, _)| r.end <= byte);
    ranges
        .get(i)
        .filter(|(r, _)| r.start <= byte)
        .map(|(_, c)| *c)
}

/// Maximal runs of non-whitespace in `text[range]`, as byte ranges, one at a
/// time (a paragraph of one-letter words has a token every two bytes).
fn tokens(text: &str, range: Range<usize>) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text[range.clone()].char_indices();
    let mut start: Option<usize> = None;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        for (i, c) in chars.by_ref() {
            let at = range.start + i;
            match (c.is_whitespace(), start) {
                (true, Some(s)) => {
                    start = None;
                    return Some((s, at));
                }
                (false, None) => start = Some(at),
                _ => {}
            }
        }
        done = true;
        start.take().map(|s| (s, range.end))
    })
}

/// A token cut into pieces wherever a word or a changed range begins or ends.
fn split_token(
    text: &str,
    tok: Range<usize>,
    tag_at: &dyn Fn(usize) -> Tag,
    changed: &[(Range<usize>, Change)],
    words: &[crate::article::Word],
) -> Vec<Piece> {
    let mut cuts: Vec<usize> = vec![tok.start, tok.end];
    let first_word = words.partition_point(|w| w.span().end <= tok.start);
    for w in &words[first_word..] {
        if w.span().start >= tok.end {
            break;
        }
        cuts.push(w.span().start.max(tok.start));
        cuts.push(w.span().end.min(tok.end));
    }
    let first_changed = changed.partition_point(|(r, _)| r.end <= tok.start);
    for (r, _) in &changed[first_changed..] {
        if r.start >= tok.end {
            break;
        }
        cuts.push(r.start.max(tok.start));
        cuts.push(r.end.min(tok.end));
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (s, e) = (w[0], w[1]);
        // Cuts come from word and changed-word boundaries, which are char
        // boundaries; skip defensively rather than panic if one is not.
        let Some(t) = text.get(s..e) else { continue };
        if t.is_empty() {
            continue;
        }
        let tag = tag_at(s);
        let wi = words.partition_point(|w| w.span().end <= s);
        let word = words
            .get(wi)
            .filter(|w| w.span().start <= s && e <= w.span().end)
            .map(|_| wi);
        let shown = cap_clusters(t);
        out.push(Piece {
            width: display_width(&shown),
            text: CompactString::from(shown),
            bytes: s..e,
            class: tag.class,
            change: tag.change,
            word,
        });
    }
    out
}

/// A contiguous stretch of one paragraph that belongs to one passage (one
/// for every paragraph of a file of one-letter lines, so kept small).
#[derive(Debug, Clone)]
struct Chunk {
    unit: Unit,
    paragraph: u32,
    start: u32,
    end: u32,
    class: Class,
}

impl Chunk {
    fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    fn bytes(&self) -> Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// One side while the spread is being built.
struct Column<'a> {
    art: &'a Article,
    width: usize,
    changed: Vec<(Range<usize>, Change)>,
    chunks: Vec<Chunk>,
    /// (link, chunk index) for every chunk of a link, sorted: see `find`.
    link_chunks: Vec<(usize, usize)>,
    next: usize,
    rows: Vec<Row>,
    last_paragraph: Option<usize>,
    /// Runs of moved links, by the index of the chunk that starts each: the
    /// links of the run in this side's reading order.
    runs: HashMap<usize, Vec<usize>>,
    /// The note rows emitted so far, with the links of their runs.
    notes: Vec<(usize, Vec<usize>)>,
}

impl<'a> Column<'a> {
    fn new(art: &'a Article, side: Side, al: &Alignment, width: usize) -> Column<'a> {
        let owner = owners(art, side, al);
        let class_of = |unit: Unit, role: Role| match unit {
            Unit::Link(i) => Class::from(al.links[i].kind),
            Unit::New(_) => Class::New,
            Unit::Dropped(_) => Class::Dropped,
            Unit::Other => match role {
                Role::Title => Class::Title,
                Role::Meta => Class::Meta,
                Role::Heading => Class::Heading,
                Role::Boilerplate => Class::Boilerplate,
                Role::Body => Class::Plain,
            },
        };
        let mut chunks: Vec<Chunk> = Vec::new();
        for (pi, p) in art.paragraphs.iter().enumerate() {
            if p.sentences.is_empty() {
                if !art.text[p.span.clone()].trim().is_empty() {
                    chunks.push(Chunk {
                        unit: Unit::Other,
                        paragraph: offset(pi),
                        start: offset(p.span.start),
                        end: offset(p.span.end),
                        class: class_of(Unit::Other, p.role),
                    });
                }
                continue;
            }
            for s in p.sentences.clone() {
                // A sentence owns the text from its start to the next one's, so
                // that every byte of the paragraph is shown exactly once.
                let start = if s == p.sentences.start {
                    p.span.start
                } else {
                    art.sentences[s].span.start
                };
                let end = if s + 1 < p.sentences.end {
                    art.sentences[s + 1].span.start
                } else {
                    p.span.end
                };
                let unit = owner[s];
                match chunks.last_mut() {
                    Some(c) if c.paragraph() == pi && c.unit == unit => c.end = offset(end),
                    _ => chunks.push(Chunk {
                        unit,
                        paragraph: offset(pi),
                        start: offset(start),
                        end: offset(end),
                        class: class_of(unit, art.sentences[s].role),
                    }),
                }
            }
        }
        // Words B changed (deleted on A's side, inserted on B's) and phrases
        // it moved within a link (on both sides).
        let mut changed: Vec<(Range<usize>, Change)> = Vec::new();
        for l in &al.links {
            for op in &l.ops {
                let (r, change) = match (op, side) {
                    (WordOp::Delete { a }, Side::A) => (a, Change::Deleted),
                    (WordOp::Insert { b }, Side::B) => (b, Change::Inserted),
                    (WordOp::Moved { a, .. }, Side::A) => (a, Change::Moved),
                    (WordOp::Moved { b, .. }, Side::B) => (b, Change::Moved),
                    _ => continue,
                };
                if let (Some(first), Some(last)) = (
                    art.words.get(r.start),
                    r.end.checked_sub(1).and_then(|e| art.words.get(e)),
                ) && first.span().start < last.span().end
                {
                    changed.push((first.span().start..last.span().end, change));
                }
            }
        }
        changed.sort_by_key(|(r, _)| (r.start, r.end));
        // Disjoint, so that lookups by partition point stay correct: overlaps
        // of one kind merge, and a range overlapping another kind gives way.
        let mut merged: Vec<(Range<usize>, Change)> = Vec::with_capacity(changed.len());
        for (mut r, c) in changed {
            match merged.last_mut() {
                Some((m, mc)) if r.start <= m.end && *mc == c => m.end = m.end.max(r.end),
                Some((m, _)) if r.start < m.end => {
                    r.start = m.end;
                    if r.start < r.end {
                        merged.push((r, c));
                    }
                }
                _ => merged.push((r, c)),
            }
        }
        let mut link_chunks: Vec<(usize, usize)> = chunks
            .iter()
            .enumerate()
            .filter_map(|(c, ch)| match ch.unit {
                Unit::Link(l) => Some((l, c)),
                _ => None,
            })
            .collect();
        link_chunks.sort_unstable();
        let runs = moved_runs(&chunks, al);
        Column {
            art,
            width,
            changed: merged,
            link_chunks,
            chunks,
            next: 0,
            rows: Vec::new(),
            last_paragraph: None,
            runs,
            notes: Vec::new(),
        }
    }

    /// Index of the first chunk of `unit` at or after the cursor.
    ///
    /// Through the index of link chunks, not a scan from the cursor: a link
    /// with no chunk left (its sentences shown with another link, as when the
    /// aligner reuses a source sentence) would scan to the end every time,
    /// quadratic in the number of such links.
    fn find(&self, unit: Unit) -> Option<usize> {
        let Unit::Link(l) = unit else {
            return self.chunks[self.next..]
                .iter()
                .position(|c| c.unit == unit)
                .map(|i| self.next + i);
        };
        let i = self.link_chunks.partition_point(|&x| x < (l, self.next));
        self.link_chunks
            .get(i)
            .filter(|&&(k, _)| k == l)
            .map(|&(_, c)| c)
    }

    /// A blank row when the chunk opens a new paragraph.
    fn separate(&mut self, paragraph: usize) {
        if self.last_paragraph.is_some_and(|p| p != paragraph) {
            self.rows.push(Row::empty(RowKind::Blank));
        }
        self.last_paragraph = Some(paragraph);
    }

    fn emit(&mut self) {
        let at = self.next;
        let c = self.chunks[at].clone();
        self.next += 1;
        self.separate(c.paragraph());
        // The paragraph's number goes on its first row: the first row of
        // its first chunk (`separate` may have run already, for levelling).
        let opens = at == 0 || self.chunks[at - 1].paragraph != c.paragraph;
        if let Some(links) = self.runs.get(&at) {
            let mut note = Row::empty(RowKind::Note);
            note.unit = Unit::Link(links[0]);
            self.notes.push((self.rows.len(), links.clone()));
            self.rows.push(note);
        }
        let mut number = if opens {
            self.art
                .paragraphs
                .get(c.paragraph())
                .and_then(|p| p.number)
        } else {
            None
        };
        let changed: &[(Range<usize>, Change)] = match c.unit {
            Unit::Link(_) => &self.changed,
            _ => &[],
        };
        let rows = &mut self.rows;
        wrap_each(
            &self.art.text,
            c.bytes(),
            c.class,
            changed,
            &self.art.words,
            self.width,
            &mut |pieces| {
                let (Some(first), Some(last)) = (pieces.first(), pieces.last()) else {
                    return;
                };
                rows.push(Row {
                    kind: RowKind::Text,
                    class: c.class,
                    bracket: None,
                    gutter: None,
                    start: offset(first.bytes.start),
                    end: offset(last.bytes.end),
                    paragraph: number.take(),
                    unit: c.unit,
                });
            },
        );
    }

    /// Emit chunks up to (not including) chunk `until`.
    fn emit_until(&mut self, until: usize) {
        while self.next < until {
            self.emit();
        }
    }

    /// Emit the consecutive chunks of `unit` at the cursor.
    fn emit_unit(&mut self, unit: Unit) {
        while self.next < self.chunks.len() && self.chunks[self.next].unit == unit {
            self.emit();
        }
    }

    fn pad_to(&mut self, len: usize) {
        while self.rows.len() < len {
            self.rows.push(Row::empty(RowKind::Filler));
        }
    }
}

/// Runs of moved links, labelled once each: the moved links of one reused
/// passage (the aligner's runs of links in order on both sides), so that a
/// moved chapter carries one label, not one per sentence. Keyed by the chunk
/// of this side that shows the run's first link; the links in this side's
/// reading order.
fn moved_runs(chunks: &[Chunk], al: &Alignment) -> HashMap<usize, Vec<usize>> {
    // The first chunk showing each link.
    let mut first_chunk: HashMap<usize, usize> = HashMap::new();
    for (ci, c) in chunks.iter().enumerate() {
        if let Unit::Link(l) = c.unit {
            first_chunk.entry(l).or_insert(ci);
        }
    }
    let mut runs: HashMap<usize, Vec<usize>> = HashMap::new();
    for p in &al.passages {
        let mut links: Vec<(usize, usize)> = p
            .links
            .iter()
            .filter(|&&l| al.links.get(l).is_some_and(|x| x.moved))
            .filter_map(|&l| first_chunk.get(&l).map(|&c| (c, l)))
            .collect();
        links.sort_unstable();
        if let Some(&(start, _)) = links.first() {
            runs.insert(start, links.into_iter().map(|(_, l)| l).collect());
        }
    }
    runs
}

/// The passage each sentence of one side belongs to (a sentence is in one
/// link at most: the aligner uses each once).
fn owners(art: &Article, side: Side, al: &Alignment) -> Vec<Unit> {
    let mut owner = vec![Unit::Other; art.sentences.len()];
    let runs = match side {
        Side::A => &al.a_unlinked,
        Side::B => &al.b_unlinked,
    };
    for (k, r) in runs.iter().enumerate() {
        for s in r.clone() {
            if let Some(o) = owner.get_mut(s) {
                *o = match side {
                    Side::A => Unit::Dropped(k),
                    Side::B => Unit::New(k),
                };
            }
        }
    }
    for (i, l) in al.links.iter().enumerate() {
        let r = match side {
            Side::A => &l.a,
            Side::B => &l.b,
        };
        for s in r.clone() {
            if let Some(o) = owner.get_mut(s)
                && !matches!(o, Unit::Link(_))
            {
                *o = Unit::Link(i);
            }
        }
    }
    owner
}

/// Both articles of a pair laid out side by side for given pane widths.
///
/// `a` and `b` always have the same length, and every link that keeps the
/// reading order starts on the same row index in both.
#[derive(Debug, Clone, Default)]
pub struct Spread {
    /// A's rows.
    pub a: Vec<Row>,
    /// B's rows.
    pub b: Vec<Row>,
    /// The text widths the spread was built for.
    pub widths: (usize, usize),
    units: [HashMap<Unit, Range<usize>>; 2],
    /// Per side, the first byte of every text row with its row index, in
    /// byte order (each side keeps its reading order), for `row_of_byte`.
    starts: [Vec<(u32, u32)>; 2],
    /// What rows need beside them (boxed: a spread travels in the reader's
    /// messages, which stay small).
    beside: Box<Beside>,
}

/// Per side, what the rows of a spread need beside them.
#[derive(Debug, Clone, Default)]
struct Beside {
    /// The changed words' byte ranges, for the pieces of rows.
    changed: [Vec<(Range<usize>, Change)>; 2],
    /// What each note row says, by row index (in order).
    notes: [Vec<(u32, Box<str>)>; 2],
}

impl Spread {
    /// Lay out `a` and `b` with their alignment in text columns `wa` and `wb`
    /// cells wide.
    pub fn build(a: &Article, b: &Article, al: &Alignment, wa: usize, wb: usize) -> Spread {
        let mut sa = Column::new(a, Side::A, al, wa);
        let mut sb = Column::new(b, Side::B, al, wb);
        // The backbone: links in B order that also keep A's order. The aligner
        // marks the others `moved`; checking again here keeps the layout sound
        // whatever it reports.
        let (mut ea, mut eb) = (0, 0);
        for (i, l) in al.links.iter().enumerate() {
            if l.moved || l.a.start < ea || l.b.start < eb {
                continue;
            }
            let unit = Unit::Link(i);
            let (Some(ca), Some(cb)) = (sa.find(unit), sb.find(unit)) else {
                continue;
            };
            ea = l.a.end;
            eb = l.b.end;
            sa.emit_until(ca);
            sb.emit_until(cb);
            let (pa, pb) = (sa.chunks[ca].paragraph(), sb.chunks[cb].paragraph());
            sa.separate(pa);
            sb.separate(pb);
            let level = sa.rows.len().max(sb.rows.len());
            sa.pad_to(level);
            sb.pad_to(level);
            sa.emit_unit(unit);
            sb.emit_unit(unit);
            let level = sa.rows.len().max(sb.rows.len());
            sa.pad_to(level);
            sb.pad_to(level);
        }
        let (na, nb) = (sa.chunks.len(), sb.chunks.len());
        sa.emit_until(na);
        sb.emit_until(nb);
        let level = sa.rows.len().max(sb.rows.len());
        sa.pad_to(level);
        sb.pad_to(level);
        let notes = [std::mem::take(&mut sa.notes), std::mem::take(&mut sb.notes)];
        let mut spread = Spread {
            a: sa.rows,
            b: sb.rows,
            widths: (wa, wb),
            units: Default::default(),
            starts: Default::default(),
            beside: Box::new(Beside {
                changed: [sa.changed, sb.changed],
                notes: Default::default(),
            }),
        };
        spread.index_units();
        spread.mark_gutters(al);
        spread.write_notes(a, b, al, notes);
        spread.bracket_passages(al);
        spread
    }

    /// A bracket beside each passage of two links or more, on both sides:
    /// from its first link's first row to its last link's last row.
    fn bracket_passages(&mut self, al: &Alignment) {
        for p in al.passages.iter().filter(|p| p.links.len() > 1) {
            let class = Class::from(p.kind);
            for side in [Side::A, Side::B] {
                let spans: Vec<Range<usize>> = p
                    .links
                    .iter()
                    .filter_map(|&l| self.unit_rows(side, Unit::Link(l)))
                    .collect();
                let (Some(start), Some(end)) = (
                    spans.iter().map(|r| r.start).min(),
                    spans.iter().map(|r| r.end).max(),
                ) else {
                    continue;
                };
                let rows = match side {
                    Side::A => &mut self.a,
                    Side::B => &mut self.b,
                };
                for (i, r) in rows.iter_mut().enumerate().take(end).skip(start) {
                    let part = match (i == start, i + 1 == end) {
                        (true, true) => Bracket::Single,
                        (true, false) => Bracket::Top,
                        (false, true) => Bracket::Bottom,
                        (false, false) => Bracket::Middle,
                    };
                    r.bracket = Some((part, class));
                }
            }
        }
    }

    fn index_units(&mut self) {
        for side in [Side::A, Side::B] {
            let starts: Vec<(u32, u32)> = self
                .rows(side)
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RowKind::Text)
                .map(|(i, r)| (r.start, offset(i)))
                .collect();
            debug_assert!(starts.windows(2).all(|w| w[0].0 < w[1].0));
            self.starts[side.index()] = starts;
            let mut map: HashMap<Unit, Range<usize>> = HashMap::new();
            for (i, r) in self.rows(side).iter().enumerate() {
                if r.kind != RowKind::Text || r.unit == Unit::Other {
                    continue;
                }
                map.entry(r.unit)
                    .and_modify(|range| range.end = i + 1)
                    .or_insert(i..i + 1);
            }
            self.units[side.index()] = map;
        }
    }

    /// The kind letter on each passage's first row, a bar on the others.
    fn mark_gutters(&mut self, al: &Alignment) {
        for side in [Side::A, Side::B] {
            let rows = match side {
                Side::A => &mut self.a,
                Side::B => &mut self.b,
            };
            let mut last = Unit::Other;
            for r in rows.iter_mut() {
                if r.kind != RowKind::Text {
                    continue;
                }
                let class = match r.unit {
                    Unit::Link(l) => Class::from(al.links[l].kind),
                    Unit::New(_) => Class::New,
                    Unit::Dropped(_) => Class::Dropped,
                    Unit::Other => {
                        last = Unit::Other;
                        continue;
                    }
                };
                let first = r.unit != last;
                last = r.unit;
                r.gutter = Some(Gutter { class, first });
            }
        }
    }

    /// What each moved run's note says: which way its counterpart is on the
    /// other side's screen, and the paragraphs it spans there.
    fn write_notes(
        &mut self,
        a: &Article,
        b: &Article,
        al: &Alignment,
        notes: [Vec<(usize, Vec<usize>)>; 2],
    ) {
        for (side, notes) in [Side::A, Side::B].into_iter().zip(notes) {
            let other = match side {
                Side::A => b,
                Side::B => a,
            };
            for (row, links) in notes {
                let Some(&first) = links.first() else {
                    continue;
                };
                let there = |l: usize| match side {
                    Side::A => al.links[l].b.clone(),
                    Side::B => al.links[l].a.clone(),
                };
                // The paragraphs the run spans on the other side.
                let s = links.iter().map(|&l| there(l).start).min().unwrap_or(0);
                let e = links.iter().map(|&l| there(l).end).max().unwrap_or(0);
                if s >= e || e > other.sentences.len() {
                    continue;
                }
                let (p, q) = (other.paragraph_number(s), other.paragraph_number(e - 1));
                let here = self.unit_rows(side, Unit::Link(first)).map(|r| r.start);
                let away = self
                    .unit_rows(side.other(), Unit::Link(first))
                    .map(|r| r.start);
                let arrow = match (here, away) {
                    (Some(h), Some(t)) if t < h => "↑",
                    (Some(h), Some(t)) if t > h => "↓",
                    _ => "→",
                };
                let span = if p == q {
                    format!("¶{p}")
                } else {
                    format!("¶{p}–¶{q}")
                };
                let said = format!("{arrow} {span} {}", Mark::Moved.label());
                self.beside.notes[side.index()].push((offset(row), said.into()));
            }
        }
    }

    /// What the [`RowKind::Note`] row `row` of `side` says.
    pub fn note(&self, side: Side, row: usize) -> Option<&str> {
        let notes = &self.beside.notes[side.index()];
        let i = notes.partition_point(|&(r, _)| (r as usize) < row);
        notes
            .get(i)
            .filter(|&&(r, _)| r as usize == row)
            .map(|(_, n)| &**n)
    }

    /// The rows of one side.
    pub fn rows(&self, side: Side) -> &[Row] {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }

    /// Number of rows (the same on both sides).
    pub fn len(&self) -> usize {
        self.a.len().max(self.b.len())
    }

    /// Whether there are no rows at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows a passage occupies on one side (first text row to last).
    pub fn unit_rows(&self, side: Side, unit: Unit) -> Option<Range<usize>> {
        self.units[side.index()].get(&unit).cloned()
    }

    /// The row of the other side that corresponds to `row` of `side`.
    ///
    /// Inside a link that is the row at the same offset into the counterpart
    /// passage (clamped to its length), which for a moved link can be far
    /// away; anywhere else it is the row level with it, the same index.
    pub fn corresponding(&self, side: Side, row: usize) -> usize {
        if let Some(r) = self.rows(side).get(row)
            && let Unit::Link(_) = r.unit
            && let (Some(here), Some(there)) = (
                self.unit_rows(side, r.unit),
                self.unit_rows(side.other(), r.unit),
            )
        {
            let k = row.saturating_sub(here.start);
            return (there.start + k).min(there.end - 1);
        }
        row.min(self.len().saturating_sub(1))
    }

    /// The row showing byte `byte` of the article on `side`.
    ///
    /// A binary search: a search for a common letter in a large article has
    /// a match for every few bytes, and each needs its row.
    pub fn row_of_byte(&self, side: Side, byte: usize) -> Option<usize> {
        let starts = &self.starts[side.index()];
        let i = starts.partition_point(|&(start, _)| start as usize <= byte);
        let &(_, row) = starts.get(i.checked_sub(1)?)?;
        let row = row as usize;
        // A row's pieces cover its bytes without a gap: the joining space
        // stands for the whole whitespace run between two tokens.
        self.rows(side)[row].bytes().contains(&byte).then_some(row)
    }

    /// The pieces of text a row of `side` shows, each with its class, made
    /// from `art` (the article laid out on that side) as the layout made
    /// them: the row's bytes wrapped again at the side's width fit on one row.
    pub fn pieces(&self, side: Side, row: &Row, art: &Article) -> Vec<Piece> {
        let range = row.bytes();
        if row.kind != RowKind::Text || art.text.get(range.clone()).is_none() {
            return Vec::new();
        }
        let changed: &[(Range<usize>, Change)] = match row.unit {
            Unit::Link(_) => &self.beside.changed[side.index()],
            _ => &[],
        };
        let width = match side {
            Side::A => self.widths.0,
            Side::B => self.widths.1,
        };
        let mut out = Vec::new();
        wrap_each(
            &art.text,
            range,
            row.class,
            changed,
            &art.words,
            width,
            &mut |p| out.extend(p),
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align;
    use crate::article::{self, Article};
    use proptest::prelude::*;

    fn art(text: &str) -> Article {
        Article::parse("t.txt", text.as_bytes().to_vec())
    }

    fn bundled_pair(a: &str, b: &str) -> (Article, Article) {
        let arts = article::bundled();
        let find = |k: &str| arts.iter().find(|x| x.path.contains(k)).cloned().unwrap();
        (find(a), find(b))
    }

    fn text(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| p.text.as_str()).collect()
    }

    fn texts(rows: &[Vec<Piece>]) -> Vec<String> {
        rows.iter()
            .map(|r| r.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    fn wrap_all(a: &Article, width: usize) -> Vec<Vec<Piece>> {
        let whole = 0..a.text.len();
        wrap(&a.text, whole, Class::Plain, &[], &a.words, width)
    }

    #[test]
    fn shorten_left_keeps_the_end_of_a_path() {
        assert_eq!(shorten_left("articles/one.txt", 40), "articles/one.txt");
        assert_eq!(shorten_left("articles/one.txt", 8), "…one.txt");
        assert_eq!(shorten_left("dir/漢字.txt", 7), "…字.txt");
        assert_eq!(shorten_left("dir/漢字.txt", 6), "….txt");
        assert_eq!(shorten_left("abc", 1), "…");
        assert_eq!(shorten_left("abc", 0), "");
        for w in 0..20 {
            assert!(display_width(&shorten_left("a/b/漢字/ｶﾞ/c.txt", w)) <= w);
        }
    }

    #[test]
    fn wraps_at_word_boundaries() {
        let a = art("one two three four five six");
        assert_eq!(
            texts(&wrap_all(&a, 9)),
            ["one two", "three", "four five", "six"]
        );
    }

    #[test]
    fn breaks_a_word_longer_than_the_row() {
        let a = art("abcdefghij xy");
        assert_eq!(texts(&wrap_all(&a, 4)), ["abcd", "efgh", "ij", "xy"]);
    }

    #[test]
    fn measures_wide_characters_emoji_and_halfwidth_kana_like_the_buffer() {
        use ratatui::buffer::Buffer;
        use ratatui::layout::Rect;
        // CJK and emoji are two cells; halfwidth kana with a sound mark is
        // where `Span::width` and the buffer disagree in ratatui 0.30.
        let a = art("漢字 かな 😀😀 ｶﾞｷﾞｸﾞ abc ﾊﾟﾋﾟ 🇺🇦 x");
        for width in 1..=12 {
            for row in wrap_all(&a, width) {
                let text: String = row.iter().map(|p| p.text.as_str()).collect();
                let w: usize = row.iter().map(|p| p.width).sum();
                assert_eq!(w, display_width(&text));
                // Draw it and check it occupies exactly `w` cells.
                let mut buf = Buffer::empty(Rect::new(0, 0, 40, 1));
                let (x, _) = buf.set_stringn(0, 0, &text, 40, ratatui::style::Style::new());
                assert_eq!(usize::from(x), w, "{text:?}");
                let single = text.graphemes(true).count() == 1;
                assert!(w <= width || single, "{text:?} is {w} wide at {width}");
            }
        }
        assert_eq!(display_width("漢字"), 4);
        assert_eq!(display_width("😀"), 2);
        assert_eq!(display_width("ｶﾞ"), usize::from("ｶﾞ".cell_width()));
    }

    #[test]
    fn every_byte_of_text_is_shown_once_in_order() {
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 37, 41);
        for (art, side) in [(&a, Side::A), (&b, Side::B)] {
            let shown: String = sp
                .rows(side)
                .iter()
                .flat_map(|r| sp.pieces(side, r, art))
                .filter(|p| p.word.is_some() || p.text != " ")
                .map(|p| p.text.to_string())
                .collect();
            let all: String = art.text.split_whitespace().collect();
            assert_eq!(shown, all);
        }
    }

    #[test]
    fn backbone_links_start_level_on_both_sides() {
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        assert!(!al.links.is_empty());
        for (wa, wb) in [(30, 50), (50, 30), (80, 80), (12, 20)] {
            let sp = Spread::build(&a, &b, &al, wa, wb);
            assert_eq!(sp.a.len(), sp.b.len());
            for (i, l) in al.links.iter().enumerate() {
                let ra = sp.unit_rows(Side::A, Unit::Link(i)).unwrap();
                let rb = sp.unit_rows(Side::B, Unit::Link(i)).unwrap();
                if !l.moved {
                    assert_eq!(ra.start, rb.start, "link {i} at widths {wa}/{wb}");
                }
                assert_eq!(sp.corresponding(Side::A, ra.start), rb.start);
                assert_eq!(sp.corresponding(Side::B, rb.start), ra.start);
            }
        }
    }

    #[test]
    fn changed_words_are_tagged_on_their_side() {
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 60, 60);
        let changes = |side, art| -> Vec<Change> {
            sp.rows(side)
                .iter()
                .flat_map(|r| sp.pieces(side, r, art))
                .filter_map(|p| p.change)
                .collect()
        };
        let (ca, cb) = (changes(Side::A, &a), changes(Side::B, &b));
        // Moved phrases are marked on both sides; otherwise A's changed
        // words are deleted ones and B's inserted ones.
        assert!(ca.contains(&Change::Deleted) && !ca.contains(&Change::Inserted));
        assert!(cb.contains(&Change::Inserted) && !cb.contains(&Change::Deleted));
        // Only words inside links are marked.
        for (side, art) in [(Side::A, &a), (Side::B, &b)] {
            for r in sp.rows(side) {
                for p in sp.pieces(side, r, art) {
                    if p.change.is_some() {
                        assert!(matches!(r.unit, Unit::Link(_)));
                    }
                }
            }
        }
    }

    /// The row just above a passage's first text row, skipping nothing.
    fn note_above(sp: &Spread, side: Side, unit: Unit) -> Option<String> {
        let r = sp.unit_rows(side, unit)?;
        let above = &sp.rows(side)[r.start.checked_sub(1)?];
        (above.kind == RowKind::Note).then(|| sp.note(side, r.start - 1).unwrap_or_default().into())
    }

    #[test]
    fn a_moved_link_is_labelled_above_with_its_counterparts_paragraph() {
        // B tells the story in a different order: its first passage is A's last.
        let a = art("Headline of the story\n\
             The minister resigned on Monday after weeks of pressure from within the party.\n\
             Officials said the budget would be revised before the summer recess in parliament.\n\
             Protesters gathered outside the ministry demanding an inquiry into the contracts.\n");
        let b = art("Another headline here\n\
             Protesters gathered outside the ministry demanding an inquiry into the contracts.\n\
             The minister resigned on Monday after weeks of pressure from within the party.\n\
             Officials said the budget would be revised before the summer recess in parliament.\n");
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 40, 40);
        let moved: Vec<usize> = (0..al.links.len()).filter(|&i| al.links[i].moved).collect();
        assert_eq!(moved.len(), 1, "{:?}", al.links);
        let i = moved[0];
        assert_eq!(
            note_above(&sp, Side::A, Unit::Link(i)).as_deref(),
            Some("↑ ¶1 moved")
        );
        assert_eq!(
            note_above(&sp, Side::B, Unit::Link(i)).as_deref(),
            Some("↓ ¶3 moved")
        );
        // The gutter holds the kind's letter only; the note row has none.
        let r = sp.unit_rows(Side::B, Unit::Link(i)).unwrap();
        let g = sp.rows(Side::B)[r.start].gutter.unwrap();
        assert!(g.first && g.text().len() == 1, "{g:?}");
        assert!(sp.rows(Side::B)[r.start - 1].gutter.is_none());
        // Every body paragraph's first row carries its number, in order.
        for side in [Side::A, Side::B] {
            let numbers: Vec<u32> = sp
                .rows(side)
                .iter()
                .filter_map(|r| r.paragraph.map(NonZeroU32::get))
                .collect();
            assert_eq!(numbers, [1, 2, 3], "{side:?}");
        }
    }

    #[test]
    fn a_moved_run_is_labelled_once_at_its_first_line() {
        // A chapter of three paragraphs moved from the end to the start.
        let para = |k: usize| {
            format!(
                "Paragraph {k} tells how the harbour authority in Valparaiso{k} \
                 approved {k}00 new cranes for the southern terminal.\n"
            )
        };
        let mut ta = String::from("A headline\n");
        let mut tb = String::from("B headline\n");
        for k in 1..=6 {
            ta.push_str(&para(k));
        }
        for k in [4, 5, 6, 1, 2, 3] {
            tb.push_str(&para(k));
        }
        let (a, b) = (art(&ta), art(&tb));
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 50, 50);
        let notes = |side| -> Vec<String> {
            sp.rows(side)
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RowKind::Note)
                .filter_map(|(i, _)| sp.note(side, i).map(String::from))
                .collect()
        };
        let moved = al.links.iter().filter(|l| l.moved).count();
        assert_eq!(moved, 3, "{:?}", al.links);
        assert_eq!(notes(Side::B), ["↓ ¶4–¶6 moved"]);
        assert_eq!(notes(Side::A), ["↑ ¶1–¶3 moved"]);
    }

    #[test]
    fn a_phrase_moved_inside_a_link_is_tagged_moved_on_both_sides() {
        let a = art("Headline\n\
             The minister said on Monday that the national budget would be revised before the summer recess in parliament.\n");
        let b = art("Other headline\n\
             The national budget would be revised before the summer recess in parliament, the minister said on Monday.\n");
        let al = align::align(&a, &b);
        assert!(
            al.links
                .iter()
                .flat_map(|l| &l.ops)
                .any(|op| matches!(op, WordOp::Moved { .. })),
            "{:?}",
            al.links
        );
        let sp = Spread::build(&a, &b, &al, 60, 60);
        for (side, art) in [(Side::A, &a), (Side::B, &b)] {
            let moved: String = sp
                .rows(side)
                .iter()
                .flat_map(|r| sp.pieces(side, r, art))
                .filter(|p| p.change == Some(Change::Moved) && p.word.is_some())
                .map(|p| format!("{} ", p.text))
                .collect();
            assert!(moved.split_whitespace().count() >= 3, "{side:?}: {moved:?}");
        }
    }

    #[test]
    fn a_passage_of_several_links_is_bracketed_from_first_row_to_last() {
        // Every passage of several links, not only the first: passages are
        // disjoint on both sides, so one bracket never overwrites another.
        let (a, b) = bundled_pair("reuters", "palakshi");
        let al = align::align(&a, &b);
        let several: Vec<_> = al.passages.iter().filter(|p| p.links.len() > 1).collect();
        assert!(!several.is_empty(), "a passage of several links");
        let sp = Spread::build(&a, &b, &al, 50, 50);
        for (p, side) in several.iter().flat_map(|p| [(p, Side::A), (p, Side::B)]) {
            let rows: Vec<usize> = p
                .links
                .iter()
                .filter_map(|&l| sp.unit_rows(side, Unit::Link(l)))
                .flat_map(|r| [r.start, r.end - 1])
                .collect();
            let (start, end) = (*rows.iter().min().unwrap(), *rows.iter().max().unwrap());
            let parts: Vec<Bracket> = sp.rows(side)[start..=end]
                .iter()
                .map(|r| r.bracket.expect("bracketed").0)
                .collect();
            assert_eq!(parts[0], Bracket::Top, "{side:?}");
            assert_eq!(parts[parts.len() - 1], Bracket::Bottom, "{side:?}");
            assert!(
                parts[1..parts.len() - 1]
                    .iter()
                    .all(|&x| x == Bracket::Middle)
            );
        }
    }

    /// Rows keep only their bytes and make their pieces again when drawn:
    /// a row's bytes wrapped again at the same width must give that row,
    /// piece for piece (long words broken between graphemes, capped
    /// clusters, wide characters, changed words).
    fn rewrap_gives_each_row_back(text: &str, changed: &[(Range<usize>, Change)]) {
        let a = art(text);
        for width in [1, 2, 3, 5, 9, 17, 40, 80] {
            let whole = 0..a.text.len();
            for row in wrap(&a.text, whole, Class::Copied, changed, &a.words, width) {
                let bytes = row[0].bytes.start..row[row.len() - 1].bytes.end;
                let again = wrap(&a.text, bytes, Class::Copied, changed, &a.words, width);
                assert_eq!(again, vec![row], "at width {width}");
            }
        }
    }

    #[test]
    fn a_rows_bytes_wrapped_again_give_the_row() {
        rewrap_gives_each_row_back("one two three four five six", &[]);
        rewrap_gives_each_row_back("abcdefghij xy  z\n\nq", &[(4..13, Change::Deleted)]);
        rewrap_gives_each_row_back("漢字 かな 😀😀 ｶﾞｷﾞｸﾞ abc ﾊﾟﾋﾟ 🇺🇦🇺🇦🇺🇦 x", &[]);
        rewrap_gives_each_row_back(
            &format!(
                "Marks e{} here and a{}b joined.",
                "\u{301}".repeat(50),
                "\u{200d}".repeat(50)
            ),
            &[],
        );
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 23, 31);
        let long = format!("{}-{} x", "y".repeat(30), "z".repeat(30));
        rewrap_gives_each_row_back(&long, &[(0..30, Change::Inserted), (31..61, Change::Moved)]);
        assert!(!sp.beside.changed[0].is_empty() && !sp.beside.changed[1].is_empty());
    }

    /// A row is all a large article's layout keeps per line (a file of
    /// one-letter lines has a text row and a blank row for every two bytes):
    /// no text, no pieces, no note of its own.
    #[test]
    fn a_row_stays_small() {
        assert!(
            std::mem::size_of::<Row>() <= 40,
            "{}",
            std::mem::size_of::<Row>()
        );
    }

    #[test]
    fn row_of_byte_finds_the_row() {
        let a = art("alpha beta gamma delta");
        let al = Alignment::default();
        let sp = Spread::build(&a, &a, &al, 11, 11);
        let g = a.text.find("gamma").unwrap();
        let r = sp.row_of_byte(Side::A, g).unwrap();
        assert!(text(&sp.pieces(Side::A, &sp.a[r], &a)).contains("gamma"));
    }

    #[test]
    fn a_flood_of_marks_is_cut_for_display_and_keeps_its_bytes() {
        let a = art(&format!(
            "Marks e{} here and a{}b joined.",
            "\u{301}".repeat(5000),
            "\u{200d}".repeat(5000)
        ));
        for width in [1, 3, 40] {
            let rows = wrap_all(&a, width);
            for p in rows.iter().flatten() {
                assert!(
                    p.text
                        .graphemes(true)
                        .all(|g| g.chars().count() <= MAX_CLUSTER),
                    "{} chars at width {width}",
                    p.text.chars().count()
                );
                assert_eq!(p.width, display_width(&p.text));
            }
            // Every byte of every word is still covered, once.
            let covered: usize = rows
                .iter()
                .flatten()
                .filter(|p| p.text != " ")
                .map(|p| p.bytes.len())
                .sum();
            let words: usize = a.text.split_whitespace().map(str::len).sum();
            assert_eq!(covered, words, "at width {width}");
        }
    }

    #[test]
    fn row_of_byte_agrees_with_a_scan_of_every_row() {
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        for (wa, wb) in [(1, 3), (17, 40), (80, 80)] {
            let sp = Spread::build(&a, &b, &al, wa, wb);
            for (art, side) in [(&a, Side::A), (&b, Side::B)] {
                for byte in 0..=art.text.len() {
                    let scan = sp.rows(side).iter().position(|r| {
                        sp.pieces(side, r, art).iter().any(|p| {
                            p.bytes.start <= byte && byte < p.bytes.end.max(p.bytes.start + 1)
                        })
                    });
                    assert_eq!(sp.row_of_byte(side, byte), scan, "byte {byte} at {wa}/{wb}");
                }
            }
        }
    }

    /// Prose-like text from a small vocabulary that includes wide characters,
    /// emoji and halfwidth kana.
    fn prose() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "plan",
            "Ukraine",
            "peace",
            "漢字",
            "😀",
            "ｶﾞｷﾞ",
            "U.S.",
            "non-paper",
            "supercalifragilisticexpialidocious",
            "—",
            "a",
            "“quoted”",
            "28-point",
        ]);
        prop::collection::vec((prop::collection::vec(word, 1..12), prop::bool::ANY), 1..8).prop_map(
            |sents| {
                let mut s = String::new();
                for (words, new_para) in sents {
                    s.push_str(&words.join(" "));
                    s.push_str(if new_para { ".\n" } else { ". " });
                }
                s
            },
        )
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rows_wrapped_again_are_the_same(t in prose()) {
            rewrap_gives_each_row_back(&t, &[]);
        }

        #[test]
        fn rows_fit_and_every_word_appears_once(ta in prose(), tb in prose(), wa in 1usize..40, wb in 1usize..40) {
            let a = art(&ta);
            let b = art(&tb);
            let al = align::align(&a, &b);
            let sp = Spread::build(&a, &b, &al, wa, wb);
            prop_assert_eq!(sp.a.len(), sp.b.len());
            for (art, side, w) in [(&a, Side::A, wa), (&b, Side::B, wb)] {
                let mut seen: Vec<usize> = Vec::new();
                let mut text_of: HashMap<usize, String> = HashMap::new();
                for r in sp.rows(side) {
                    let pieces = sp.pieces(side, r, art);
                    let (shown, width) = (text(&pieces), pieces.iter().map(|p| p.width).sum::<usize>());
                    let single = shown.graphemes(true).count() == 1;
                    prop_assert!(width <= w || single, "{:?} at {}", shown, w);
                    for p in &pieces {
                        if let Some(wi) = p.word {
                            if seen.last() != Some(&wi) {
                                seen.push(wi);
                            }
                            text_of.entry(wi).or_default().push_str(&p.text);
                        }
                    }
                }
                // Each word shows up in one contiguous run, whole, in order.
                let expected: Vec<usize> = (0..art.words.len()).collect();
                prop_assert_eq!(&seen, &expected);
                for (wi, t) in text_of {
                    prop_assert_eq!(t.as_str(), art.word_text(wi));
                }
            }
        }
    }
}
