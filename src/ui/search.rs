//! Search: the query in force, its matches in both articles and the
//! current one (the query is typed in the one prompt, `prompt.rs`).
//!
//! Matches are kept in screen order (by row, A before B on the same row), so
//! n/N step through them the way the eye reads the two panes.

use std::collections::HashMap;
use std::sync::Arc;

use super::keymap::Dir;
use crate::article::{Article, TextBytes};
use crate::side::{Side, Sides};
use crate::view::Spread;

/// A search hit: bytes of one article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The article it is in.
    pub side: Side,
    /// Its bytes in that article's text.
    pub bytes: TextBytes,
}

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The query in force (empty: no search).
    pub query: String,
    /// Every match, in screen order.
    pub matches: Vec<Match>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
    /// The matches of each side (A, B) as byte ranges sorted by start, for
    /// drawing (kept here, not gathered and sorted again on every frame).
    by_side: Sides<Vec<TextBytes>>,
    /// Typed but not searched yet: a paste or fast typing searches once per
    /// batch of keys (see `App::catch_up`), not once per key.
    pub(crate) pending: bool,
    /// Each article's text folded to lower case, by article index, made on
    /// its first search and kept: typing does not fold both texts per key.
    pub(crate) folded: HashMap<usize, Arc<Folded>>,
}

impl Search {
    /// Whether n/N step through matches rather than links.
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// No search at all (the folded texts are kept for the next one).
    pub fn clear(&mut self) {
        let folded = std::mem::take(&mut self.folded);
        *self = Search {
            folded,
            ..Search::default()
        };
    }

    /// Search for `query` once the keys typed so far are handled (see
    /// `App::catch_up`).
    pub fn type_query(&mut self, query: &str) {
        query.clone_into(&mut self.query);
        self.pending = true;
    }

    /// Find every match of the query in the open pair `pair` of `arts`, in
    /// screen order for `spread`; no match is current.
    pub fn refresh(&mut self, arts: &[Article], pair: Sides<usize>, spread: Option<&Spread>) {
        match (arts.get(pair.a), arts.get(pair.b)) {
            (Some(a), Some(b)) if arts.len() >= 2 => {
                self.find([(pair.a, &a.text), (pair.b, &b.text)], spread);
            }
            _ => {
                self.matches.clear();
                self.current = None;
            }
        }
    }

    /// Find every match of the query in the texts of A and B (each with its
    /// article index, for the folded text), in screen order for `spread` when
    /// there is one; no match is current.
    pub fn find(&mut self, texts: [(usize, &str); 2], spread: Option<&Spread>) {
        self.matches.clear();
        self.current = None;
        self.by_side = Default::default();
        if self.query.is_empty() {
            return;
        }
        let needle = self.query.to_lowercase();
        for (side, (i, text)) in [(Side::A, texts[0]), (Side::B, texts[1])] {
            let folded = self
                .folded
                .entry(i)
                .or_insert_with(|| Arc::new(Folded::new(text)))
                .clone();
            let found = folded.find_all(text, &needle);
            self.matches.extend(found.iter().map(|bytes| Match {
                side,
                bytes: *bytes,
            }));
            self.by_side[side] = found;
        }
        self.sort(spread);
    }

    /// The row of each match in a layout.
    pub fn rows(&self, spread: Option<&Spread>) -> Vec<usize> {
        let Some(sp) = spread else {
            return Vec::new();
        };
        self.matches
            .iter()
            .map(|m| sp.row_of_byte(m.side, m.bytes.start).unwrap_or(0))
            .collect()
    }

    /// Put the matches in screen order for a (new) layout, keeping the
    /// current one current.
    pub fn sort(&mut self, spread: Option<&Spread>) {
        let rows = self.rows(spread);
        if rows.len() != self.matches.len() || self.matches.is_empty() {
            return;
        }
        let cur = self.current.map(|c| self.matches[c].clone());
        let mut keyed: Vec<(usize, Match)> = rows.into_iter().zip(self.matches.drain(..)).collect();
        keyed.sort_by_key(|(r, m)| (*r, m.side.index(), m.bytes.start));
        self.matches = keyed.into_iter().map(|(_, m)| m).collect();
        self.current = cur.and_then(|c| self.matches.iter().position(|m| *m == c));
    }

    /// Make the first match at or below row `top` current (the first of all
    /// when none is below).
    pub fn current_from(&mut self, top: usize, spread: Option<&Spread>) {
        let rows = self.rows(spread);
        self.current =
            rows.iter()
                .position(|&r| r >= top)
                .or(if rows.is_empty() { None } else { Some(0) });
    }

    /// Step to the next or previous match, wrapping; the note to show, if any.
    pub fn step(&mut self, dir: Dir) -> Option<String> {
        let n = self.matches.len();
        if n == 0 {
            return Some(format!("no match for “{}”", self.query));
        }
        let (next, note) = match (self.current, dir) {
            (None, Dir::Forward) => (0, None),
            (None, Dir::Backward) => (n - 1, None),
            (Some(c), Dir::Forward) if c + 1 == n => (0, Some("search wrapped to the top")),
            (Some(c), Dir::Forward) => (c + 1, None),
            (Some(0), Dir::Backward) => (n - 1, Some("search wrapped to the bottom")),
            (Some(c), Dir::Backward) => (c - 1, None),
        };
        self.current = Some(next);
        note.map(str::to_string)
    }

    /// The current match.
    pub fn current_match(&self) -> Option<&Match> {
        self.current.and_then(|c| self.matches.get(c))
    }

    /// Matches on one side as sorted byte ranges, with the current one.
    pub fn on_side(&self, side: Side) -> (&[TextBytes], Option<TextBytes>) {
        let v = &self.by_side[side];
        let cur = self
            .current_match()
            .filter(|m| m.side == side)
            .map(|m| m.bytes);
        (v, cur)
    }

    /// `3/12`, `12 matches`, `no matches`: for the status bar.
    pub fn count(&self) -> String {
        let n = self.matches.len();
        match (n, self.current) {
            (0, _) => "no matches".into(),
            (n, Some(c)) => format!("{}/{n}", c + 1),
            (1, None) => "1 match".into(),
            (n, None) => format!("{n} matches"),
        }
    }
}

/// Byte ranges of `needle` in `hay`, ignoring case, without overlaps.
#[cfg(test)]
pub fn find_all(hay: &str, needle: &str) -> Vec<TextBytes> {
    Folded::new(hay).find_all(hay, &needle.to_lowercase())
}

/// A text folded to lower case for search, with the way back to the text's
/// own byte offsets.
///
/// Lower-casing can change a character's length (`İ` becomes `i̇`, two
/// characters), so each character that does is recorded: where it starts in
/// the folded text and in the original, and how long it is in each. Every
/// other byte keeps its offset from the last such character, so the map
/// costs nothing for text whose case changes no length (nearly all text).
#[derive(Debug)]
pub struct Folded {
    low: String,
    /// (folded start, original start, folded length, original length).
    shifts: Vec<(usize, usize, u8, u8)>,
}

impl Folded {
    /// Fold `text`.
    pub fn new(text: &str) -> Folded {
        let mut low = String::with_capacity(text.len());
        let mut shifts = Vec::new();
        for (i, c) in text.char_indices() {
            let before = low.len();
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => low.push(l),
                (first, second) => {
                    low.extend(first.into_iter().chain(second).chain(lower));
                    // At most three characters of four bytes.
                    shifts.push((before, i, (low.len() - before) as u8, c.len_utf8() as u8));
                }
            }
        }
        Folded { low, shifts }
    }

    /// The original offset of folded position `pos`, and whether `pos` falls
    /// inside the folding of one character (between its lower-case parts).
    fn origin(&self, pos: usize) -> (usize, bool) {
        let k = self.shifts.partition_point(|s| s.0 <= pos);
        let Some(&(ls, os, ll, ol)) = k.checked_sub(1).map(|k| &self.shifts[k]) else {
            return (pos, false);
        };
        if pos == ls {
            (os, false)
        } else if pos < ls + usize::from(ll) {
            (os, true)
        } else {
            (os + usize::from(ol) + (pos - ls - usize::from(ll)), false)
        }
    }

    /// Byte ranges of `text` (the article's text this was made from) where
    /// the lower-case `needle` occurs, without overlaps.
    pub fn find_all(&self, text: &str, needle: &str) -> Vec<TextBytes> {
        if needle.is_empty() {
            return Vec::new();
        }
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(k) = self.low[from..].find(needle) {
            let s = from + k;
            let e = s + needle.len();
            let (bs, _) = self.origin(s);
            let (mut be, inside) = self.origin(e);
            // A match ending inside a character's lower-case expansion covers it.
            if inside {
                be = text[be..].chars().next().map_or(be, |c| be + c.len_utf8());
            }
            out.push(TextBytes::new(bs, be));
            from = e;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_ignores_case_and_keeps_original_offsets() {
        let hay = "İstanbul and ISTANBUL; the Plan, a plan.";
        let got: Vec<&str> = find_all(hay, "plan")
            .into_iter()
            .map(|r| &hay[r.range()])
            .collect();
        assert_eq!(got, ["Plan", "plan"]);
        let got: Vec<&str> = find_all(hay, "stanbul")
            .into_iter()
            .map(|r| &hay[r.range()])
            .collect();
        assert_eq!(got, ["stanbul", "STANBUL"]);
        assert!(find_all(hay, "").is_empty());
    }

    #[test]
    fn folded_search_maps_back_through_characters_that_change_length() {
        // İ folds to two characters (i and a combining dot), Ⱥ to a longer one.
        let hay = "xİy Ⱥb İSTANBUL ⱥB";
        for (needle, want) in [
            ("i", vec!["İ", "İ"]),
            ("ⱥb", vec!["Ⱥb", "ⱥB"]),
            ("y", vec!["y"]),
            ("stanbul", vec!["STANBUL"]),
            ("i\u{307}s", vec!["İS"]),
        ] {
            let got: Vec<&str> = find_all(hay, needle)
                .into_iter()
                .map(|r| &hay[r.range()])
                .collect();
            assert_eq!(got, want, "{needle:?}");
        }
    }

    #[test]
    fn stepping_wraps_and_says_so() {
        let mut s = Search {
            query: "x".into(),
            ..Search::default()
        };
        s.find([(0, "x x"), (1, "x")], None);
        assert_eq!(s.count(), "3 matches");
        assert_eq!(s.step(Dir::Backward), None);
        assert_eq!(s.current, Some(2));
        assert_eq!(
            s.step(Dir::Forward).as_deref(),
            Some("search wrapped to the top")
        );
        assert_eq!(s.count(), "1/3");
        s.clear();
        assert!(!s.active());
        assert_eq!(s.step(Dir::Forward).as_deref(), Some("no match for “”"));
    }
}
