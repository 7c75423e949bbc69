//! Search: the prompt's text, the query in force, its matches in both
//! articles and the current one.
//!
//! Matches are kept in screen order (by row, A before B on the same row), so
//! n/N step through them the way the eye reads the two panes.

use std::ops::Range;

use super::keymap::Dir;
use crate::view::{Side, Spread};

/// A search hit: bytes of one article's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// The article it is in.
    pub side: Side,
    /// Its bytes in that article's text.
    pub bytes: Range<usize>,
}

/// The search state.
#[derive(Debug, Clone, Default)]
pub struct Search {
    /// The prompt's text while the user types; `None` when the prompt is closed.
    pub input: Option<String>,
    /// The query in force (empty: no search).
    pub query: String,
    /// What `query` was before the prompt opened, for Esc to restore.
    before: String,
    /// Every match, in screen order.
    pub matches: Vec<Match>,
    /// Index into `matches` of the current one.
    pub current: Option<usize>,
}

impl Search {
    /// Whether n/N step through matches rather than links.
    pub fn active(&self) -> bool {
        !self.query.is_empty()
    }

    /// Open the prompt, remembering the query in force for Esc.
    pub fn open(&mut self) {
        self.before = self.query.clone();
        self.input = Some(String::new());
    }

    /// Esc in the prompt cancels the edit: the previous search returns.
    pub fn cancel(&mut self) {
        self.input = None;
        self.query = std::mem::take(&mut self.before);
    }

    /// No search at all.
    pub fn clear(&mut self) {
        *self = Search::default();
    }

    /// The query becomes what the prompt holds.
    pub fn take_input(&mut self) {
        self.query = self.input.clone().unwrap_or_default();
    }

    /// Find every match of the query in the texts of A and B, in screen
    /// order for `spread` when there is one; no match is current.
    pub fn find(&mut self, texts: [&str; 2], spread: Option<&Spread>) {
        self.matches.clear();
        self.current = None;
        if self.query.is_empty() {
            return;
        }
        for (side, text) in [(Side::A, texts[0]), (Side::B, texts[1])] {
            for bytes in find_all(text, &self.query) {
                self.matches.push(Match { side, bytes });
            }
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
        if rows.len() != self.matches.len() {
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
    pub fn on_side(&self, side: Side) -> (Vec<Range<usize>>, Option<Range<usize>>) {
        let mut v: Vec<Range<usize>> = self
            .matches
            .iter()
            .filter(|m| m.side == side)
            .map(|m| m.bytes.clone())
            .collect();
        v.sort_by_key(|r| r.start);
        let cur = self
            .current_match()
            .filter(|m| m.side == side)
            .map(|m| m.bytes.clone());
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
///
/// Lower-casing can change a character's length, so the search runs over a
/// lower-cased copy that remembers where each of its bytes came from.
pub fn find_all(hay: &str, needle: &str) -> Vec<Range<usize>> {
    let needle: String = needle.to_lowercase();
    if needle.is_empty() {
        return Vec::new();
    }
    let mut low = String::with_capacity(hay.len());
    let mut origin: Vec<usize> = Vec::with_capacity(hay.len() + 1);
    for (i, c) in hay.char_indices() {
        for l in c.to_lowercase() {
            let before = low.len();
            low.push(l);
            origin.extend(std::iter::repeat_n(i, low.len() - before));
        }
    }
    origin.push(hay.len());
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(k) = low[from..].find(&needle) {
        let s = from + k;
        let e = s + needle.len();
        let (bs, mut be) = (origin[s], origin[e]);
        // A match ending inside a character's lower-case expansion covers it.
        if e < low.len() && origin[e] == origin[e - 1] {
            be = hay[be..].chars().next().map_or(be, |c| be + c.len_utf8());
        }
        out.push(bs..be);
        from = e;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_ignores_case_and_keeps_original_offsets() {
        let hay = "İstanbul and ISTANBUL; the Plan, a plan.";
        let got: Vec<&str> = find_all(hay, "plan").into_iter().map(|r| &hay[r]).collect();
        assert_eq!(got, ["Plan", "plan"]);
        let got: Vec<&str> = find_all(hay, "stanbul")
            .into_iter()
            .map(|r| &hay[r])
            .collect();
        assert_eq!(got, ["stanbul", "STANBUL"]);
        assert!(find_all(hay, "").is_empty());
    }

    #[test]
    fn stepping_wraps_and_says_so() {
        let mut s = Search {
            query: "x".into(),
            ..Search::default()
        };
        s.find(["x x", "x"], None);
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
