//! Both articles of a pair laid out side by side: each in its own reading
//! order, with filler rows so that the links that keep the reading order
//! (the backbone) start on the same row index in both columns. Because of
//! that, "the row beside this one" is simply the same index on the other
//! side, and only moved links need an explicit counterpart lookup.

use std::collections::HashMap;
use std::ops::Range;

use super::column::Column;
use super::rows::{Bracket, Gutter, Row, RowKind, offset};
use super::wrap::{Piece, display_width, wrap_each};
use super::{Class, Unit};
use crate::align::Alignment;
use crate::article::{Article, Sentences, TextBytes};
use crate::marks::Mark;
use crate::side::{Side, Sides};

/// Both articles of a pair laid out side by side for given pane widths.
///
/// `a` and `b` always have the same length, and every link that keeps the
/// reading order starts on the same row index in both.
#[derive(Debug, Clone, Default)]
pub struct Spread {
    /// Each side's rows (as many on both).
    rows: Sides<Vec<Row>>,
    /// The text widths the spread was built for.
    pub widths: Sides<usize>,
    units: Sides<HashMap<Unit, Range<usize>>>,
    /// Per side, the first byte of every text row with its row index, in
    /// byte order (each side keeps its reading order), for `row_of_byte`.
    starts: Sides<Vec<(u32, u32)>>,
    /// What rows need beside them (boxed: a spread travels in the reader's
    /// messages, which stay small).
    beside: Box<Beside>,
}

/// Per side, what the rows of a spread need beside them.
#[derive(Debug, Clone, Default)]
struct Beside {
    /// The changed words' byte ranges, for the pieces of rows.
    changed: Sides<Vec<(TextBytes, Mark)>>,
    /// What each note row says, by row index (in order).
    notes: Sides<Vec<(u32, Box<str>)>>,
}

impl Spread {
    /// Lay out `a` and `b` with their alignment in text columns `wa` and `wb`
    /// cells wide.
    pub fn build(a: &Article, b: &Article, al: &Alignment, wa: usize, wb: usize) -> Spread {
        let mut sa = Column::new(a, Side::A, al, wa);
        let mut sb = Column::new(b, Side::B, al, wb);
        // The backbone: links in B order that also keep A's order. The aligner
        // marks the others `moved`; checking again here keeps the layout sound
        // whatever it reports. Runs set apart as both texts' use of a common
        // text sit level too, in their place in B's order: what both have
        // from the press release faces itself.
        let mut anchors: Vec<(Unit, Sentences, Sentences)> = al
            .links
            .iter()
            .enumerate()
            .filter(|(_, l)| !l.moved)
            .map(|(i, l)| (Unit::Link(i), l.a, l.b))
            .chain(
                al.apart
                    .iter()
                    .enumerate()
                    .map(|(k, r)| (Unit::Apart(k), r.a, r.b)),
            )
            .collect();
        anchors.sort_by_key(|&(_, a, b)| (b.start, a.start));
        // A run set apart never costs a link its level: it is levelled only
        // when it ends, in A, before every link after it in B begins.
        let mut links_after = vec![usize::MAX; anchors.len() + 1];
        for (k, &(unit, ra, _)) in anchors.iter().enumerate().rev() {
            links_after[k] = match unit {
                Unit::Link(_) => links_after[k + 1].min(ra.start),
                _ => links_after[k + 1],
            };
        }
        let (mut ea, mut eb) = (0, 0);
        for (k, (unit, ra, rb)) in anchors.into_iter().enumerate() {
            if ra.start < ea
                || rb.start < eb
                || (matches!(unit, Unit::Apart(_)) && ra.end > links_after[k + 1])
            {
                continue;
            }
            let (Some(ca), Some(cb)) = (sa.find(unit), sb.find(unit)) else {
                continue;
            };
            ea = ra.end;
            eb = rb.end;
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
        let notes = Sides::new(std::mem::take(&mut sa.notes), std::mem::take(&mut sb.notes));
        let apart_notes = Sides::new(
            std::mem::take(&mut sa.apart_notes),
            std::mem::take(&mut sb.apart_notes),
        );
        let mut spread = Spread {
            rows: Sides::new(sa.rows, sb.rows),
            widths: Sides::new(wa, wb),
            units: Default::default(),
            starts: Default::default(),
            beside: Box::new(Beside {
                changed: Sides::new(sa.changed, sb.changed),
                notes: Default::default(),
            }),
        };
        spread.index_units();
        spread.mark_gutters(al);
        spread.write_notes(a, b, al, notes);
        spread.write_apart_notes(a, b, al, apart_notes);
        spread.bracket_passages(al);
        spread
    }

    /// A bracket beside each passage of two links or more, on both sides:
    /// from its first link's first row to its last link's last row; on the
    /// side of a text it summarises whole, over that text's unlinked runs
    /// inside its span too (the text it condensed, as every report's
    /// header says); on the other side of a summary found from its
    /// vocabulary, over its whole block. Where the passage's bytes end inside its first or last
    /// sentence (a block glued to a page's sentence by a lost full stop:
    /// `align::passage::end_at_the_reuse`), whole rows of the glued text
    /// are left out, so the bracket starts and ends where the JSON does.
    fn bracket_passages(&mut self, al: &Alignment) {
        for p in al.passages.iter().filter(|p| p.links.len() > 1) {
            let class = Class::from(p.kind);
            for side in Side::BOTH {
                let (span, bytes, unlinked, unit): (_, _, _, fn(usize) -> Unit) = match side {
                    Side::A => (p.a, p.a_span, &al.a_unlinked, Unit::Dropped),
                    Side::B => (p.b, p.b_span, &al.b_unlinked, Unit::New),
                };
                let summarised = (p.summary_of == Some(side))
                    .then(|| {
                        unlinked
                            .iter()
                            .enumerate()
                            .filter(move |(_, r)| r.overlaps(&span))
                            .map(move |(k, _)| unit(k))
                    })
                    .into_iter()
                    .flatten();
                let spans: Vec<Range<usize>> = p
                    .links
                    .iter()
                    .map(|&l| Unit::Link(l))
                    .chain(summarised)
                    .filter_map(|u| self.unit_rows(side, u))
                    .collect();
                let (Some(mut start), Some(mut end)) = (
                    spans.iter().map(|r| r.start).min(),
                    spans.iter().map(|r| r.end).max(),
                ) else {
                    continue;
                };
                // A summary found from its vocabulary spans its block on its
                // own side, framing sentences (linked to nothing) and all:
                // from the row of its first byte to that of its last.
                if p.summary_of == Some(side.other()) && bytes.start < bytes.end {
                    if let Some(i) = self.row_of_byte(side, bytes.start) {
                        start = start.min(i);
                    }
                    if let Some(j) = self.row_of_byte(side, bytes.end - 1) {
                        end = end.max(j + 1);
                    }
                }
                let rows = &self.rows[side];
                let text = |i: usize| rows[i].kind == RowKind::Text;
                while start + 1 < end && text(start) && rows[start].end as usize <= bytes.start {
                    start += 1;
                }
                while end > start + 1 && text(end - 1) && rows[end - 1].start as usize >= bytes.end
                {
                    end -= 1;
                }
                for (i, r) in self.rows[side].iter_mut().enumerate().take(end).skip(start) {
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
        for side in Side::BOTH {
            let starts: Vec<(u32, u32)> = self
                .rows(side)
                .iter()
                .enumerate()
                .filter(|(_, r)| r.kind == RowKind::Text)
                .map(|(i, r)| (r.start, offset(i)))
                .collect();
            debug_assert!(starts.windows(2).all(|w| w[0].0 < w[1].0));
            self.starts[side] = starts;
            let mut map: HashMap<Unit, Range<usize>> = HashMap::new();
            for (i, r) in self.rows(side).iter().enumerate() {
                if r.kind != RowKind::Text || r.unit == Unit::Other {
                    continue;
                }
                map.entry(r.unit)
                    .and_modify(|range| range.end = i + 1)
                    .or_insert(i..i + 1);
            }
            self.units[side] = map;
        }
    }

    /// The kind letter on each passage's first row, a bar on the others.
    fn mark_gutters(&mut self, al: &Alignment) {
        for rows in [&mut self.rows.a, &mut self.rows.b] {
            let mut last = Unit::Other;
            for r in rows.iter_mut() {
                if r.kind != RowKind::Text {
                    continue;
                }
                let Some(mark) = r.unit.mark(al) else {
                    last = Unit::Other;
                    continue;
                };
                let class = Class::Marked(mark);
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
        notes: Sides<Vec<(usize, Vec<usize>)>>,
    ) {
        let arts = Sides::new(a, b);
        for (side, notes) in Side::BOTH.into_iter().zip(notes) {
            let other = arts[side.other()];
            for (row, links) in notes {
                let Some(&first) = links.first() else {
                    continue;
                };
                let there = |l: usize| match side {
                    Side::A => al.links[l].b,
                    Side::B => al.links[l].a,
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
                self.beside.notes[side].push((offset(row), said.into()));
            }
        }
    }

    /// The note above each run set apart: why it is not marked, where the
    /// other text has it (it need not sit level: a run out of the links'
    /// order does not), and the common text it is from, by its file name
    /// cut to the pane.
    fn write_apart_notes(
        &mut self,
        a: &Article,
        b: &Article,
        al: &Alignment,
        notes: Sides<Vec<(usize, usize)>>,
    ) {
        let arts = Sides::new(a, b);
        for (side, notes) in Side::BOTH.into_iter().zip(notes) {
            let other = side.other();
            for (row, k) in notes {
                let Some(r) = al.apart.get(k) else {
                    continue;
                };
                let there = r.side(other);
                if there.is_empty() || there.end > arts[other].sentences.len() {
                    continue;
                }
                let p = arts[other].paragraph_number(there.start);
                let said = format!("≡ set apart with {} ¶{p} · from ", other.letter());
                let name = std::path::Path::new(&r.source)
                    .file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or(&r.source);
                let room = self.widths[side].saturating_sub(display_width(&said));
                let said = said + &super::shorten_right(name, room.max(1));
                self.beside.notes[side].push((offset(row), said.into()));
            }
            // Moved notes and these were written apart; `note` looks rows up
            // by partition point.
            self.beside.notes[side].sort_by_key(|&(r, _)| r);
        }
    }

    /// What the [`RowKind::Note`] row `row` of `side` says.
    pub fn note(&self, side: Side, row: usize) -> Option<&str> {
        let notes = &self.beside.notes[side];
        let i = notes.partition_point(|&(r, _)| (r as usize) < row);
        notes
            .get(i)
            .filter(|&&(r, _)| r as usize == row)
            .map(|(_, n)| &**n)
    }

    /// The rows of one side.
    pub fn rows(&self, side: Side) -> &[Row] {
        &self.rows[side]
    }

    /// Number of rows (the same on both sides).
    pub fn len(&self) -> usize {
        self.rows.a.len().max(self.rows.b.len())
    }

    /// Whether there are no rows at all.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The rows a passage occupies on one side (first text row to last).
    pub fn unit_rows(&self, side: Side, unit: Unit) -> Option<Range<usize>> {
        self.units[side].get(&unit).cloned()
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
        let starts = &self.starts[side];
        let i = starts.partition_point(|&(start, _)| start as usize <= byte);
        let &(_, row) = starts.get(i.checked_sub(1)?)?;
        let row = row as usize;
        // A row's pieces cover its bytes without a gap: the joining space
        // stands for the whole whitespace run between two tokens.
        self.rows(side)[row].bytes().contains(byte).then_some(row)
    }

    /// The pieces of text a row of `side` shows, each with its class, made
    /// from `art` (the article laid out on that side) as the layout made
    /// them: the row's bytes wrapped again at the side's width fit on one row.
    pub fn pieces(&self, side: Side, row: &Row, art: &Article) -> Vec<Piece> {
        let range = row.bytes();
        if row.kind != RowKind::Text || art.text.get(range.range()).is_none() {
            return Vec::new();
        }
        let changed: &[(TextBytes, Mark)] = match row.unit {
            Unit::Link(_) => &self.beside.changed[side],
            _ => &[],
        };
        let width = self.widths[side];
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
    use std::num::NonZeroU32;

    use super::*;
    use crate::align::{self, WordOp};
    use crate::article;
    use crate::view::wrap::tests::{art, prose};
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    fn bundled_pair(a: &str, b: &str) -> (Article, Article) {
        let arts = article::bundled();
        let find = |k: &str| arts.iter().find(|x| x.path.contains(k)).cloned().unwrap();
        (find(a), find(b))
    }

    /// A text of `tests/data`, written for the tests.
    fn fixture(path: &str) -> Article {
        let full = format!("{}/tests/data/{path}", env!("CARGO_MANIFEST_DIR"));
        Article::parse(path, std::fs::read(full).expect("fixture"))
    }

    fn text(pieces: &[Piece]) -> String {
        pieces.iter().map(|p| p.text.as_str()).collect()
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
            assert_eq!(sp.rows(Side::A).len(), sp.rows(Side::B).len());
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
    fn a_run_set_apart_sits_level_only_where_it_costs_no_link_its_level() {
        // A pair with one link (A 25, B 39) and two runs set apart by hand:
        // A 1-25 against B 1-20, before the link on both sides, faces itself;
        // A 26-47 against B 20-39 crosses the link (after it in A, before it
        // in B) and stays where each text has it, so that the link stays
        // level.
        let (a, b) = bundled_pair("wsj", "insider");
        let mut al = align::align(&a, &b);
        let [link] = &al.links[..] else {
            panic!("one link: {:?}", al.links)
        };
        assert_eq!(
            (link.a, link.b),
            (Sentences::new(25, 26), Sentences::new(39, 40))
        );
        let run = |a: (usize, usize), b: (usize, usize)| align::SetApart {
            a: Sentences::new(a.0, a.1),
            b: Sentences::new(b.0, b.1),
            source: "release.txt".into(),
        };
        al.apart = vec![run((1, 25), (1, 20)), run((26, 47), (20, 39))];
        let sp = Spread::build(&a, &b, &al, 50, 50);
        let start = |side, unit| sp.unit_rows(side, unit).map(|r| r.start);
        let level = |unit| start(Side::A, unit) == start(Side::B, unit);
        assert!(level(Unit::Link(0)));
        assert!(level(Unit::Apart(0)));
        assert!(!level(Unit::Apart(1)));
        // Each run set apart has its note above it on both sides.
        let notes = |side| {
            (0..sp.len())
                .filter_map(|i| sp.note(side, i))
                .filter(|n| n.starts_with("≡ set apart with"))
                .count()
        };
        assert_eq!((notes(Side::A), notes(Side::B)), (2, 2));
    }

    #[test]
    fn changed_words_are_tagged_on_their_side() {
        let (a, b) = bundled_pair("reuters", "rewrite");
        let al = align::align(&a, &b);
        let sp = Spread::build(&a, &b, &al, 60, 60);
        // Kept beside the rows, for their pieces, on both sides.
        assert!(!sp.beside.changed.a.is_empty() && !sp.beside.changed.b.is_empty());
        let changes = |side, art| -> Vec<Mark> {
            sp.rows(side)
                .iter()
                .flat_map(|r| sp.pieces(side, r, art))
                .filter_map(|p| p.change)
                .collect()
        };
        let (ca, cb) = (changes(Side::A, &a), changes(Side::B, &b));
        // Moved phrases are marked on both sides; otherwise A's changed
        // words are deleted ones and B's inserted ones.
        assert!(ca.contains(&Mark::Deleted) && !ca.contains(&Mark::Inserted));
        assert!(cb.contains(&Mark::Inserted) && !cb.contains(&Mark::Deleted));
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
             The cabinet agreed on Monday that the national budget would be revised before the summer recess in parliament.\n");
        let b = art("Other headline\n\
             The national budget would be revised before the summer recess in parliament, the cabinet agreed on Monday.\n");
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
                .filter(|p| p.change == Some(Mark::Moved) && p.word.is_some())
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

    #[test]
    fn a_summary_of_a_whole_text_is_bracketed_over_all_of_it() {
        // A brief condensing a wire story from its first paragraph to its
        // ninth: the story's bracket runs past the last link to its end, the
        // brief's from its first link to its last.
        let (a, b) = (fixture("summary/wire.txt"), fixture("summary/brief.txt"));
        let al = align::align(&a, &b);
        assert_eq!(al.passages.len(), 1);
        assert_eq!(al.passages[0].summary_of, Some(Side::A));
        let sp = Spread::build(&a, &b, &al, 60, 60);
        let bracketed = |side: Side, unit: Unit| {
            let r = sp.unit_rows(side, unit).expect("shown");
            sp.rows(side)[r].iter().all(|row| row.bracket.is_some())
        };
        let last = al.a_unlinked.len() - 1;
        assert!(al.a_unlinked[last].end == a.sentences.len());
        assert!(bracketed(Side::A, Unit::Dropped(last)));
        assert!((0..al.links.len()).all(|l| bracketed(Side::A, Unit::Link(l))));
        let end_b = sp
            .unit_rows(Side::B, Unit::Link(al.links.len() - 1))
            .unwrap()
            .end;
        assert!(
            sp.rows(Side::B)[end_b..]
                .iter()
                .all(|row| row.bracket.is_none())
        );
    }

    #[test]
    fn a_passages_bracket_starts_where_its_bytes_do_not_at_a_glued_sentence() {
        // A block pasted after a page's sentence whose full stop was lost:
        // one sentence holds the page's words and the block's first. The
        // passage's bytes start at the block; so does its bracket, a row
        // of the page's own words staying outside it.
        let (a, b) = (fixture("glued/survey.txt"), fixture("glued/bulletin.txt"));
        let al = align::align(&a, &b);
        assert_eq!(al.passages.len(), 1);
        let p = &al.passages[0];
        assert!(p.b_span.start > b.sentences_bytes(p.b).start, "glued");
        let sp = Spread::build(&a, &b, &al, 40, 40);
        let rows = sp.rows(Side::B);
        let first_link = sp.unit_rows(Side::B, Unit::Link(p.links[0])).unwrap();
        let top = first_link
            .clone()
            .find(|&i| rows[i].bracket.is_some())
            .expect("bracketed");
        assert!(top > first_link.start, "the page's own rows are outside");
        assert_eq!(rows[top].bracket.unwrap().0, Bracket::Top);
        assert!(rows[top].end as usize > p.b_span.start);
        assert!(rows[top - 1].end as usize <= p.b_span.start);
        assert!(text(&sp.pieces(Side::B, &rows[top], &b)).contains("The survey"));
        // A's side is the block, whole: its bracket starts on its first row.
        let a_first = sp.unit_rows(Side::A, Unit::Link(p.links[0])).unwrap();
        assert!(sp.rows(Side::A)[a_first.start].bracket.is_some());
    }

    #[test]
    fn a_summary_blocks_bracket_takes_in_its_unlinked_opening_sentence() {
        // The round-up's paragraph summarising the tramway report opens on a
        // sentence no sentence of the report explains: it is still the
        // summary's, and bracketed with it.
        let (a, b) = (fixture("digest/tramway.txt"), fixture("digest/weekly.txt"));
        let al = align::align(&a, &b);
        assert_eq!(al.passages.len(), 1);
        let p = &al.passages[0];
        assert_eq!(p.summary_of, Some(Side::A));
        let sp = Spread::build(&a, &b, &al, 60, 60);
        let rows = sp.rows(Side::B);
        let top = rows
            .iter()
            .position(|r| r.bracket.is_some())
            .expect("bracketed");
        assert_eq!(rows[top].bracket.unwrap().0, Bracket::Top);
        assert!(text(&sp.pieces(Side::B, &rows[top], &b)).contains("In the city"));
        let bottom = rows
            .iter()
            .rposition(|r| r.bracket.is_some())
            .expect("bracketed");
        assert!(text(&sp.pieces(Side::B, &rows[bottom], &b)).contains("2029"));
    }

    #[test]
    fn row_of_byte_finds_the_row() {
        let a = art("alpha beta gamma delta");
        let al = Alignment::default();
        let sp = Spread::build(&a, &a, &al, 11, 11);
        let g = a.text.find("gamma").unwrap();
        let r = sp.row_of_byte(Side::A, g).unwrap();
        assert!(text(&sp.pieces(Side::A, &sp.rows(Side::A)[r], &a)).contains("gamma"));
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

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn rows_fit_and_every_word_appears_once(ta in prose(), tb in prose(), wa in 1usize..40, wb in 1usize..40) {
            let a = art(&ta);
            let b = art(&tb);
            let al = align::align(&a, &b);
            let sp = Spread::build(&a, &b, &al, wa, wb);
            prop_assert_eq!(sp.rows(Side::A).len(), sp.rows(Side::B).len());
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
