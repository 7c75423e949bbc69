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
use crate::corpus::provenance::{MIN_LINKS, MIN_SHARE, ONE_LINK_SHARE};
use crate::corpus::{self, Direction, Pair};
use crate::side::{Side, Sides};

/// Whether a ranked pair shares text worth reading: `]` and `[` skip the
/// others (`*` walks them too). The ranking holds every pair with a link; a
/// single short link between two reports of one story is as often the same
/// fact reported twice as a borrowing, so, as the provenance view counts a
/// source, a pair needs two links, or one holding a fifth of an article.
pub fn shares_text(p: &Pair) -> bool {
    p.score() >= MIN_SHARE && (p.links >= MIN_LINKS || p.score() >= ONE_LINK_SHARE)
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
/// source, when the pair shares enough text and something tells (dates, an
/// attribution, containment, a wire story): `corpus`'s rule for a ranked
/// pair, without the tie-break that orients every pair.
pub fn likely_source(arts: &[Article], a: usize, b: usize, al: &Alignment) -> Option<LikelySource> {
    let p = corpus::pair_of(arts, a, b, al)?;
    if !p.direction.known() || p.b_in_a < MIN_SHARE {
        return None;
    }
    Some(LikelySource {
        side: if p.a == a { Side::A } else { Side::B },
        reason: p.direction,
    })
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
    ranking: Option<Vec<Pair>>,
    /// Pairs found so far while a ranking goes on, highest score first.
    found: Vec<Pair>,
    progress: Option<(usize, usize)>,
    comparisons: HashMap<(usize, usize), Arc<Comparison>>,
    requested: HashSet<(usize, usize)>,
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

    /// The ranked pairs `]` and `[` step through: those that share text,
    /// or with `*` all of them, most reused first. Whatever ranking exists
    /// (a partial one included) is walked.
    pub fn walk(&self) -> Vec<&Pair> {
        self.ranking()
            .unwrap_or_default()
            .iter()
            .filter(|p| self.all || shares_text(p))
            .collect()
    }

    /// Where pair `(a, b)` is in the walk, either way round: `(n, of, swapped)`.
    pub fn walk_position(&self, (a, b): (usize, usize)) -> Option<(usize, usize, bool)> {
        let walk = self.walk();
        let at = |a, b| walk.iter().position(|p| (p.a, p.b) == (a, b));
        match (at(a, b), at(b, a)) {
            (Some(n), _) => Some((n, walk.len(), false)),
            (None, Some(n)) => Some((n, walk.len(), true)),
            _ => None,
        }
    }

    /// The pair `step` places from `open` in the walk (from a pair not in
    /// it, the first or the last); or, when there is none, why.
    pub fn step_from(&self, open: (usize, usize), step: isize) -> Result<(usize, usize), String> {
        if self.ranking().is_none() {
            return Err("still ranking the pairs".into());
        }
        let walk = self.walk();
        let all = self.ranking().map_or(0, <[Pair]>::len);
        if walk.is_empty() {
            return Err(if self.articles < 2 {
                "one article: no other pair to step to".into()
            } else if all == 0 {
                "no pairs to step through".into()
            } else {
                format!("no pair shares text; * steps through all {all}")
            });
        }
        let n = walk.len() as isize;
        // From a pair picked by hand, start from where it ranks (either way
        // round), or from the end the step comes from.
        let here = self
            .walk_position(open)
            .map_or(if step > 0 { -1 } else { n }, |(p, _, _)| p as isize);
        let next = here + step;
        if !(0..n).contains(&next) {
            let rest = if self.all || all == walk.len() {
                String::new()
            } else {
                format!(" that shares text (* for all {all})")
            };
            return Err(if step > 0 && !self.ranked() {
                format!("that was the last pair{rest} found so far (still ranking)")
            } else if step > 0 {
                format!("that was the last pair{rest}")
            } else {
                format!("this is the first pair{rest}")
            });
        }
        let p = walk[next as usize];
        Ok((p.a, p.b))
    }

    /// `*`: walk every pair, or only those that share text again; what
    /// the status bar says of it, naming `keys` (the pair keys as bound).
    pub fn toggle_all(&mut self, keys: &str) -> String {
        self.all = !self.all;
        let walk = self.walk().len();
        if self.all {
            format!("{keys} step through all {walk} pairs")
        } else {
            format!("{keys} step through the {walk} pairs that share text")
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
        self.waiting || self.progress.is_some() || !self.requested.is_empty()
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
            Done::Ranked(r) => {
                self.progress = None;
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
}
