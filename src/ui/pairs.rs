//! What the reader knows about pairs: the ranking, the alignments computed so
//! far, the work asked of the worker, the walk `]` and `[` step through, and
//! the pair open.
//!
//! Requests are queued here as [`Job`]s; the event loop forwards them to the
//! worker (or [`App::settle`](super::App::settle) runs them in place, for
//! tests) and hands the results back through [`Pairs::on_done`]. Every pair is
//! asked for once and cached.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use super::worker::{Done, Job};
use crate::align::Alignment;
use crate::article::Article;
use crate::comparison::Comparison;
use crate::corpus::spread::Uptake;
use crate::corpus::{self, Direction, Families, Pair};
use crate::side::{Side, Sides};

/// Whether a ranked pair shares text worth reading: `]` and `[` skip the
/// others (`*` walks them too). `corpus`'s one definition
/// ([`Pair::shares_text`]), which `rank` lists.
pub fn shares_text(p: &Pair) -> bool {
    p.shares_text()
}

/// Why one article of a pair looks like the other's source: the reasons of
/// `corpus` (the rule `rank` and the provenance view use).
pub type Reason = Direction;

/// The likely source of an open pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LikelySource {
    /// The side it is on.
    pub side: Side,
    /// What says so.
    pub reason: Reason,
}

/// Which of the open pair `a`, `b` (indices into `arts`) is the likely
/// source, when the pair shares text and evidence tells (dates, an
/// attribution, one-sided containment): `corpus::likely_source`, the rule
/// `rank` uses.
pub fn likely_source(arts: &[Article], a: usize, b: usize, al: &Alignment) -> Option<LikelySource> {
    let (source, reason) = corpus::likely_source(arts, a, b, al)?;
    Some(LikelySource {
        side: if source == a { Side::A } else { Side::B },
        reason,
    })
}

/// The pairs `*` adds after the ranked ones, as slots in index order:
/// without a pivot, every pair `(i, j)`, `i < j`, of `n` articles (slot
/// `i·n − i(i+1)/2 + j − i − 1`); with one, the pivot with every other
/// article. The ranked pairs' slots are skipped.
struct Rest {
    n: usize,
    pivot: Option<usize>,
    /// The ranked pairs, each as `(low, high)`.
    ranked: HashSet<(usize, usize)>,
}

impl Rest {
    fn slots(&self) -> usize {
        match self.pivot {
            Some(_) => self.n.saturating_sub(1),
            None => self.n * self.n.saturating_sub(1) / 2,
        }
    }

    /// The pair in slot `s`.
    fn pair(&self, s: usize) -> (usize, usize) {
        match self.pivot {
            Some(p) => {
                let o = if s < p { s } else { s + 1 };
                (p.min(o), p.max(o))
            }
            None => {
                // Row i holds n − 1 − i slots.
                let (mut i, mut s) = (0, s);
                while s >= self.n - 1 - i {
                    s -= self.n - 1 - i;
                    i += 1;
                }
                (i, i + 1 + s)
            }
        }
    }

    /// The slot of pair `(a, b)` (either way round), if it has one.
    fn slot(&self, (a, b): (usize, usize)) -> Option<usize> {
        let (i, j) = (a.min(b), a.max(b));
        if i == j || j >= self.n {
            return None;
        }
        match self.pivot {
            Some(p) if i == p => Some(j - 1),
            Some(p) if j == p => Some(i),
            Some(_) => None,
            None => Some(i * self.n - i * (i + 1) / 2 + j - i - 1),
        }
    }

    fn is_ranked(&self, s: usize) -> bool {
        self.ranked.contains(&self.pair(s))
    }

    /// Pairs beyond the ranked ones.
    fn len(&self) -> usize {
        let ranked = self
            .ranked
            .iter()
            .filter(|&&p| self.slot(p).is_some())
            .count();
        self.slots() - ranked
    }

    /// Where pair `(a, b)` is among them (not for a ranked pair).
    fn position(&self, pair: (usize, usize)) -> Option<usize> {
        let s = self.slot(pair)?;
        if self.is_ranked(s) {
            return None;
        }
        let before = self
            .ranked
            .iter()
            .filter(|&&p| self.slot(p).is_some_and(|t| t < s))
            .count();
        Some(s - before)
    }

    /// The next unranked pair after `pair` (`forward`), or before it.
    fn after(&self, pair: (usize, usize), forward: bool) -> Option<(usize, usize)> {
        let mut s = self.slot(pair)?;
        loop {
            s = if forward { s + 1 } else { s.checked_sub(1)? };
            if s >= self.slots() {
                return None;
            }
            if !self.is_ranked(s) {
                return Some(self.pair(s));
            }
        }
    }

    /// The `k`th unranked pair from the start (`front`) or the end.
    fn nth_from_end(&self, k: usize, front: bool) -> Option<(usize, usize)> {
        let slots = self.slots();
        let mut seen = 0;
        for t in 0..slots {
            let s = if front { t } else { slots - 1 - t };
            if !self.is_ranked(s) {
                if seen == k {
                    return Some(self.pair(s));
                }
                seen += 1;
            }
        }
        None
    }
}

/// How the two articles of a pair stand as reprints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reprints {
    /// Both are of one family of reprints, of this size.
    pub same: Option<usize>,
    /// The articles each side stands for: its family's size when it is a
    /// family's representative, else 1.
    pub sides: Sides<usize>,
}

impl Default for Reprints {
    fn default() -> Reprints {
        Reprints {
            same: None,
            sides: Sides::new(1, 1),
        }
    }
}

/// What a worker result changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrived {
    /// Ranking progress.
    Progress,
    /// More pairs of a ranking that goes on, with the first pair found when
    /// these are the first.
    Found(Option<(usize, usize)>),
    /// The ranking, with its most reused pair (none when nothing was ranked).
    Ranked(Option<(usize, usize)>),
    /// The alignment of B (second) against A (first).
    Aligned(usize, usize),
    /// The spread of an article.
    Spread(usize),
}

/// The pair on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Open {
    /// Its articles, A and B.
    pub pair: Sides<usize>,
    /// Where it stands in the ranking, when it is a ranked pair.
    pub rank: Option<usize>,
    /// Set once the reader picks a pair: the ranking then no longer moves it.
    pub chosen: bool,
    /// Its likely source, decided when it is aligned.
    pub likely: Option<LikelySource>,
}

impl Open {
    /// The first two of `n` articles, A and B, as yet unchosen.
    pub fn first(n: usize) -> Open {
        Open {
            pair: Sides::new(0, usize::from(n > 1)),
            rank: None,
            chosen: false,
            likely: None,
        }
    }
}

/// The pair cache and the worker's queue.
#[derive(Debug, Default)]
pub struct Pairs {
    articles: usize,
    /// The articles are still being read: nothing is ranked yet.
    waiting: bool,
    /// `]` and `[` step through every ranked pair, not only those that
    /// share text (`*`, `--all-pairs`).
    pub all: bool,
    /// `]` and `[` step only through the pairs holding this article.
    pub pivot: Option<usize>,
    ranking: Option<Vec<Pair>>,
    /// The families of reprints the ranking went through, once it ends.
    pub(crate) families: Option<Families>,
    /// Pairs found so far while a ranking goes on, highest score first.
    found: Vec<Pair>,
    progress: Option<(usize, usize)>,
    comparisons: HashMap<(usize, usize), Arc<Comparison>>,
    requested: HashSet<(usize, usize)>,
    /// Spreads computed, by article, and those asked for.
    spreads: HashMap<usize, Arc<Uptake>>,
    spreads_asked: HashSet<usize>,
    outbox: Vec<(Job, bool)>,
}

impl Pairs {
    /// The pairs of `articles` articles; ranking them is the first job.
    pub fn new(articles: usize) -> Pairs {
        let mut p = Pairs {
            articles,
            ..Pairs::default()
        };
        if articles >= 2 {
            p.progress = Some((0, 0));
            p.outbox.push((Job::Rank, true));
        } else {
            // One article (`copycat A A`): no pair to rank, and nothing to
            // wait for.
            p.ranking = Some(Vec::new());
        }
        p
    }

    /// The pairs of `articles` articles not all read yet: nothing is ranked
    /// until [`Pairs::new`] replaces this.
    pub fn waiting(articles: usize) -> Pairs {
        Pairs {
            articles,
            waiting: true,
            ..Pairs::default()
        }
    }

    /// Whether the articles are still being read.
    pub fn is_waiting(&self) -> bool {
        self.waiting
    }

    /// The ranked pairs `]` and `[` step through first: those that share
    /// text (with a pivot, those holding it), most reused first. Whatever
    /// ranking exists (a partial one included) is walked. With `*` every
    /// other pair of articles follows ([`Pairs::step_from`]).
    pub fn walk(&self) -> Vec<&Pair> {
        self.ranking()
            .unwrap_or_default()
            .iter()
            .filter(|p| shares_text(p))
            .filter(|p| self.pivot.is_none_or(|x| p.a == x || p.b == x))
            .collect()
    }

    /// `*`'s pairs after the ranked ones: every other pair of articles (with
    /// a pivot, every other pair holding it), in the order of their
    /// indices. Counted and stepped through by arithmetic, never listed: a
    /// folder of 10,000 has 50 million.
    fn rest(&self) -> Rest {
        let ranked = self
            .walk()
            .iter()
            .map(|p| (p.a.min(p.b), p.a.max(p.b)))
            .collect();
        Rest {
            n: self.articles,
            pivot: self.pivot,
            ranked,
        }
    }

    /// How many pairs the walk holds: the ranked ones, and with `*` all.
    fn walk_len(&self) -> usize {
        let ranked = self.walk().len();
        if self.all {
            ranked + self.rest().len()
        } else {
            ranked
        }
    }

    /// Where pair `(a, b)` is in the walk, either way round: `(n, of, swapped)`.
    pub fn walk_position(&self, (a, b): (usize, usize)) -> Option<(usize, usize, bool)> {
        let walk = self.walk();
        let at = |a, b| walk.iter().position(|p| (p.a, p.b) == (a, b));
        let of = self.walk_len();
        match (at(a, b), at(b, a)) {
            (Some(n), _) => return Some((n, of, false)),
            (None, Some(n)) => return Some((n, of, true)),
            _ => {}
        }
        if !self.all {
            return None;
        }
        let k = self.rest().position((a, b))?;
        Some((walk.len() + k, of, a > b))
    }

    /// The first (`first`) or last pair of the walk: `{` and `}`.
    pub fn end(&self, first: bool) -> Result<(usize, usize), String> {
        let from = if first {
            (usize::MAX, usize::MAX)
        } else {
            (0, 0)
        };
        // From a pair outside the walk a step goes to the end it comes from.
        self.step_from(from, if first { 1 } else { -1 })
    }

    /// The pair `step` places from `open` in the walk (from a pair not in
    /// it, the first or the last); or, when there is none, why.
    pub fn step_from(&self, open: (usize, usize), step: isize) -> Result<(usize, usize), String> {
        if self.ranking().is_none() {
            return Err("still ranking the pairs".into());
        }
        let walk = self.walk();
        let r = walk.len();
        let rest = self.rest();
        let n = if self.all { r + rest.len() } else { r };
        if n == 0 {
            return Err(if self.articles < 2 {
                "one article: no other pair to step to".into()
            } else {
                format!("no pair shares text; * steps through all {}", rest.len())
            });
        }
        let n = n as isize;
        // From a pair picked by hand, start from where it stands (either way
        // round), or from the end the step comes from.
        let here = self
            .walk_position(open)
            .map_or(if step > 0 { -1 } else { n }, |(p, _, _)| p as isize);
        let next = here + step;
        if !(0..n).contains(&next) {
            let rest = if self.all || rest.len() == 0 {
                String::new()
            } else {
                format!(" that shares text (* for all {})", r + rest.len())
            };
            return Err(if step > 0 && !self.ranked() {
                format!("that was the last pair{rest} found so far (still ranking)")
            } else if step > 0 {
                format!("that was the last pair{rest}")
            } else {
                format!("this is the first pair{rest}")
            });
        }
        let next = next as usize;
        if next < r {
            return Ok((walk[next].a, walk[next].b));
        }
        // Into the rest: a step from a neighbour, or a jump to an end.
        let k = next - r;
        let from = (here >= r as isize && here < n)
            .then(|| rest.position(open))
            .flatten();
        let pair = match from {
            Some(j) if j + 1 == k => rest.after(open, true),
            Some(j) if k + 1 == j => rest.after(open, false),
            _ if k == 0 => rest.nth_from_end(0, true),
            _ => rest.nth_from_end(0, false),
        };
        pair.ok_or_else(|| "no pair there".into())
    }

    /// `*`: walk every pair, or only those that share text again; what
    /// the status bar says of it, naming `keys` (the pair keys as bound).
    pub fn toggle_all(&mut self, keys: &str) -> String {
        self.all = !self.all;
        let sharing = self.walk().len();
        if self.all {
            let all = self.walk_len();
            format!("{keys} step through all {all} pairs, the {sharing} that share text first")
        } else {
            format!("{keys} step through the {sharing} pairs that share text")
        }
    }

    /// Every pair that shares text, highest score first: the whole ranking
    /// once it is done, the pairs found so far while it runs (none before
    /// the first).
    pub fn ranking(&self) -> Option<&[Pair]> {
        match &self.ranking {
            Some(r) => Some(r),
            None if !self.found.is_empty() => Some(&self.found),
            None => None,
        }
    }

    /// How `a` and `b` stand as reprints, once the ranking is done: both
    /// of one family (its size), or each side's family when it stands for
    /// one (a representative: the pair is reported for every member).
    pub fn reprints(&self, a: usize, b: usize) -> Reprints {
        let Some(f) = &self.families else {
            return Reprints::default();
        };
        if let (Some(x), Some(y)) = (
            f.of.get(a).copied().flatten(),
            f.of.get(b).copied().flatten(),
        ) && x == y
        {
            return Reprints {
                same: Some(f.families[x].size()),
                sides: Sides::new(1, 1),
            };
        }
        Reprints {
            same: None,
            sides: Sides::new(f.size(a), f.size(b)),
        }
    }

    /// What the list shows of `x` as a reprint, once the ranking is done:
    /// `×N` for the representative of a family of N (ranked for all of
    /// them), `=` for another member, nothing for an article without.
    pub fn family_tag(&self, x: usize) -> Option<String> {
        let f = self.families.as_ref()?.family_of(x)?;
        Some(if f.representative == x {
            format!("×{}", f.size())
        } else {
            "=".into()
        })
    }

    /// Whether the ranking is complete.
    pub fn ranked(&self) -> bool {
        self.ranking.is_some()
    }

    /// Ranking progress (pairs aligned, pairs to align; 0 to align while the
    /// candidates are being found) while it runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// The comparison of `b` against `a`, if it has been computed.
    pub fn get(&self, a: usize, b: usize) -> Option<&Arc<Comparison>> {
        self.comparisons.get(&(a, b))
    }

    /// Share of `j`'s body found in `a`, once aligned.
    pub fn share(&self, a: usize, j: usize) -> Option<f64> {
        self.get(a, j)
            .map(|c| c.alignment.stats.b_copied + c.alignment.stats.b_reworded)
    }

    /// Where `(a, b)` stands in the ranking.
    pub fn rank_of(&self, a: usize, b: usize) -> Option<usize> {
        self.ranking()?.iter().position(|p| (p.a, p.b) == (a, b))
    }

    /// Ask for the alignment of `b` against `a` (once; an urgent request for
    /// a pair already queued moves it to the front).
    pub fn request(&mut self, a: usize, b: usize, urgent: bool) {
        if a == b || self.comparisons.contains_key(&(a, b)) {
            return;
        }
        if self.requested.insert((a, b)) || urgent {
            self.outbox.push((Job::Align(a, b), urgent));
        }
    }

    /// The spread of article `x`, once computed.
    pub fn spread(&self, x: usize) -> Option<&Arc<Uptake>> {
        self.spreads.get(&x)
    }

    /// Ask for the spread of article `x` (once), before other work.
    pub fn request_spread(&mut self, x: usize) {
        if x < self.articles && !self.spreads.contains_key(&x) && self.spreads_asked.insert(x) {
            self.outbox.push((Job::Spread(x), true));
        }
    }

    /// Work the reader is likely to want next, queued behind what they wait
    /// for: every article against A (for the list's shares) and the ranked
    /// pair after `pos`. In a large corpus, only the articles ranked with A:
    /// thousands of alignments against each new A would keep the worker
    /// from the pairs the reader opens.
    pub fn prefetch(&mut self, a: usize, pos: Option<usize>) {
        if self.articles <= crate::corpus::ALL_PAIRS_UP_TO {
            for j in 0..self.articles {
                self.request(a, j, false);
            }
        } else {
            let with_a: Vec<usize> = self
                .ranking()
                .unwrap_or_default()
                .iter()
                .filter_map(|p| match (p.a == a, p.b == a) {
                    (true, _) => Some(p.b),
                    (_, true) => Some(p.a),
                    _ => None,
                })
                .collect();
            for j in with_a {
                self.request(a, j, false);
            }
        }
        let next = pos.map_or(0, |p| p + 1);
        if let Some(p) = self.ranking().and_then(|r| r.get(next)) {
            let (a, b) = (p.a, p.b);
            self.request(a, b, false);
        }
    }

    /// Jobs for the worker (`true`: urgent).
    pub fn take_jobs(&mut self) -> Vec<(Job, bool)> {
        std::mem::take(&mut self.outbox)
    }

    /// Whether results are still expected.
    pub fn busy(&self) -> bool {
        self.waiting
            || self.progress.is_some()
            || !self.requested.is_empty()
            || !self.spreads_asked.is_empty()
    }

    /// Take in a worker result.
    pub fn on_done(&mut self, d: Done) -> Arrived {
        match d {
            Done::Progress(n, total) => {
                self.progress = Some((n, total));
                Arrived::Progress
            }
            Done::Found(pairs) => {
                let first = self.found.is_empty();
                for p in pairs {
                    // Sorted as `corpus::sort` sorts the whole ranking.
                    let at = self.found.partition_point(|q| {
                        q.score()
                            .total_cmp(&p.score())
                            .then(p.a.cmp(&q.a))
                            .then(p.b.cmp(&q.b))
                            .is_gt()
                    });
                    self.found.insert(at, p);
                }
                Arrived::Found(if first {
                    self.found.first().map(|p| (p.a, p.b))
                } else {
                    None
                })
            }
            Done::Ranked(r, families) => {
                self.progress = None;
                self.families = Some(families);
                self.found = Vec::new();
                let first = r.first().map(|p| (p.a, p.b));
                self.ranking = Some(r);
                Arrived::Ranked(first)
            }
            Done::Aligned(a, b, c) => {
                self.requested.remove(&(a, b));
                self.comparisons.insert((a, b), c);
                Arrived::Aligned(a, b)
            }
            Done::Spread(x, u) => {
                self.spreads_asked.remove(&x);
                self.spreads.insert(x, u);
                Arrived::Spread(x)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_pair_is_asked_for_once_unless_urgent() {
        let mut p = Pairs::new(3);
        assert_eq!(p.take_jobs(), vec![(Job::Rank, true)]);
        p.request(0, 1, false);
        p.request(0, 1, false);
        p.request(1, 1, true);
        assert_eq!(p.take_jobs(), vec![(Job::Align(0, 1), false)]);
        p.request(0, 1, true);
        assert_eq!(p.take_jobs(), vec![(Job::Align(0, 1), true)]);
        assert!(p.busy());
        let got = p.on_done(Done::Aligned(0, 1, Arc::new(Comparison::default())));
        assert_eq!(got, Arrived::Aligned(0, 1));
        p.request(0, 1, true);
        assert!(p.take_jobs().is_empty());
        assert_eq!(p.share(0, 1), Some(0.0));
    }

    /// `find --read`: `]` walks the query's pairs, not those among its
    /// sources.
    #[test]
    fn a_pivot_walks_only_its_own_pairs() {
        let pair = |a, b, score| Pair {
            a,
            b,
            b_in_a: score,
            a_in_b: score,
            copied: score,
            reworded: 0.0,
            links: 5,
            direction: Direction::Attribution,
        };
        let mut p = Pairs::new(3);
        let ranked = vec![pair(1, 2, 0.9), pair(0, 1, 0.8), pair(2, 0, 0.5)];
        p.on_done(Done::Ranked(ranked, Families::none(3)));
        assert_eq!(p.walk().len(), 3);
        p.pivot = Some(0);
        let walk: Vec<(usize, usize)> = p.walk().iter().map(|q| (q.a, q.b)).collect();
        assert_eq!(walk, [(0, 1), (2, 0)]);
        assert_eq!(p.step_from((0, 1), 1), Ok((2, 0)));
    }

    /// `*`'s pairs by arithmetic: every slot is one pair and back, and
    /// stepping visits every unranked pair once, in order, whatever the
    /// pivot and the pairs ranked.
    #[test]
    fn the_rest_of_the_pairs_is_every_other_pair_once() {
        for n in 2..9 {
            for pivot in std::iter::once(None).chain((0..n).map(Some)) {
                let ranked: HashSet<(usize, usize)> = (0..n)
                    .flat_map(|i| (i + 1..n).map(move |j| (i, j)))
                    .filter(|&(i, j)| (i * 7 + j * 3) % 4 == 0)
                    .filter(|&(i, j)| pivot.is_none_or(|p| i == p || j == p))
                    .collect();
                let rest = Rest {
                    n,
                    pivot,
                    ranked: ranked.clone(),
                };
                for s in 0..rest.slots() {
                    assert_eq!(rest.slot(rest.pair(s)), Some(s));
                }
                let want: Vec<(usize, usize)> = (0..rest.slots())
                    .map(|s| rest.pair(s))
                    .filter(|p| !ranked.contains(p))
                    .collect();
                assert_eq!(rest.len(), want.len());
                let mut got = Vec::new();
                let mut at = rest.nth_from_end(0, true);
                while let Some(p) = at {
                    assert_eq!(rest.position(p), Some(got.len()));
                    got.push(p);
                    at = rest.after(p, true);
                }
                assert_eq!(got, want, "n {n} pivot {pivot:?}");
                assert_eq!(rest.nth_from_end(0, false), want.last().copied());
            }
        }
    }
}
