//! One side of a pair while its spread is being built: its text cut into
//! chunks (a stretch of one paragraph in one passage), the words a link
//! changed, the runs of moved links, and the rows emitted so far.

use std::collections::HashMap;

use super::rows::{Row, RowKind, offset};
use super::wrap::wrap_each;
use super::{Class, Unit};
use crate::align::Alignment;
use crate::article::{Article, Role, TextBytes};
use crate::marks::Mark;
use crate::side::Side;

/// A contiguous stretch of one paragraph that belongs to one passage (one
/// for every paragraph of a file of one-letter lines, so kept small).
#[derive(Debug, Clone)]
pub(super) struct Chunk {
    unit: Unit,
    paragraph: u32,
    start: u32,
    end: u32,
    class: Class,
}

impl Chunk {
    pub(super) fn paragraph(&self) -> usize {
        self.paragraph as usize
    }

    fn bytes(&self) -> TextBytes {
        TextBytes::new(self.start as usize, self.end as usize)
    }
}

/// One side while the spread is being built.
pub(super) struct Column<'a> {
    art: &'a Article,
    width: usize,
    pub(super) changed: Vec<(TextBytes, Mark)>,
    pub(super) chunks: Vec<Chunk>,
    /// (link, chunk index) for every chunk of a link, sorted: see `find`.
    link_chunks: Vec<(usize, usize)>,
    next: usize,
    pub(super) rows: Vec<Row>,
    last_paragraph: Option<usize>,
    /// Runs of moved links, by the index of the chunk that starts each: the
    /// links of the run in this side's reading order.
    runs: HashMap<usize, Vec<usize>>,
    /// The note rows emitted so far, with the links of their runs.
    pub(super) notes: Vec<(usize, Vec<usize>)>,
    /// The note rows above runs set apart (`Unit::Apart`), with the run's
    /// index in `Alignment::apart`.
    pub(super) apart_notes: Vec<(usize, usize)>,
}

impl<'a> Column<'a> {
    pub(super) fn new(art: &'a Article, side: Side, al: &Alignment, width: usize) -> Column<'a> {
        let owner = owners(art, side, al);
        let class_of = |unit: Unit, role: Role| match unit.mark(al) {
            Some(m) => Class::Marked(m),
            None if matches!(unit, Unit::Apart(_)) => Class::Apart,
            None => match role {
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
                if !art.text_at(p.span).trim().is_empty() {
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
            for s in p.sentences {
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
        // it moved within a link (on both sides), as every output marks them.
        let mut changed: Vec<(TextBytes, Mark)> = Vec::new();
        for l in &al.links {
            for (r, change) in l.marked_words(side) {
                // (A run past the article's words would be an alignment of
                // another text: skipped, never a panic.)
                if r.end <= art.words.len() {
                    let bytes = art.words_bytes(r);
                    if !bytes.is_empty() {
                        changed.push((bytes, change));
                    }
                }
            }
        }
        changed.sort_by_key(|(r, _)| (r.start, r.end));
        // Disjoint, so that lookups by partition point stay correct: overlaps
        // of one kind merge, and a range overlapping another kind gives way.
        let mut merged: Vec<(TextBytes, Mark)> = Vec::with_capacity(changed.len());
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
            apart_notes: Vec::new(),
        }
    }

    /// Index of the first chunk of `unit` at or after the cursor.
    ///
    /// Through the index of link chunks, not a scan from the cursor: a link
    /// with no chunk left (its sentences shown with another link, as when the
    /// aligner reuses a source sentence) would scan to the end every time,
    /// quadratic in the number of such links.
    pub(super) fn find(&self, unit: Unit) -> Option<usize> {
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
    pub(super) fn separate(&mut self, paragraph: usize) {
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
        // A run set apart says why, once, above its first chunk.
        if let Unit::Apart(k) = c.unit
            && (at == 0 || self.chunks[at - 1].unit != c.unit)
        {
            let mut note = Row::empty(RowKind::Note);
            note.unit = c.unit;
            self.apart_notes.push((self.rows.len(), k));
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
        let changed: &[(TextBytes, Mark)] = match c.unit {
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
    pub(super) fn emit_until(&mut self, until: usize) {
        while self.next < until {
            self.emit();
        }
    }

    /// Emit the consecutive chunks of `unit` at the cursor.
    pub(super) fn emit_unit(&mut self, unit: Unit) {
        while self.next < self.chunks.len() && self.chunks[self.next].unit == unit {
            self.emit();
        }
    }

    pub(super) fn pad_to(&mut self, len: usize) {
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
        for s in *r {
            if let Some(o) = owner.get_mut(s) {
                *o = match side {
                    Side::A => Unit::Dropped(k),
                    Side::B => Unit::New(k),
                };
            }
        }
    }
    for (k, r) in al.apart.iter().enumerate() {
        for s in r.side(side) {
            if let Some(o) = owner.get_mut(s) {
                *o = Unit::Apart(k);
            }
        }
    }
    for (i, l) in al.links.iter().enumerate() {
        let r = match side {
            Side::A => &l.a,
            Side::B => &l.b,
        };
        for s in *r {
            if let Some(o) = owner.get_mut(s)
                && !matches!(o, Unit::Link(_))
            {
                *o = Unit::Link(i);
            }
        }
    }
    owner
}
