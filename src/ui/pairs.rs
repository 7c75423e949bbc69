//! What the reader knows about pairs: the ranking, the alignments computed so
//! far, and the work asked of the worker.
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
use crate::corpus::Pair;
use crate::view::Side;

/// Whether a ranked pair shares any text: `]` and `[` skip the others.
pub fn shares_text(p: &Pair) -> bool {
    p.links > 0 && p.reuse > 0.0
}

/// Least share of either article found in the other for a direction to be
/// worth telling (as `corpus::sources` counts a source).
const MIN_REUSE: f64 = 0.2;

/// How much more of the copy must be found in the source than the other
/// way round for containment alone to tell which is which.
const MIN_CONTAINMENT_GAP: f64 = 0.1;

/// Why one article of a pair looks like the other's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// Both are dated, and it is the earlier.
    Earlier,
    /// More of the other is found in it than of it in the other.
    Contains,
}

/// The likely source of an open pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LikelySource {
    /// The side it is on.
    pub side: Side,
    /// What says so.
    pub reason: Reason,
}

/// Which of `a` and `b` is the likely source, when the pair shares enough
/// text and the dates (first) or containment say so: the rule of
/// `corpus::rank`, without its tie-break, which orients every pair.
pub fn likely_source(a: &Article, b: &Article, al: &Alignment) -> Option<LikelySource> {
    if al.links.is_empty() {
        return None;
    }
    let b_in_a = al.stats.b_copied + al.stats.b_reworded;
    let a_in_b = 1.0 - al.stats.a_dropped;
    if b_in_a.max(a_in_b) < MIN_REUSE {
        return None;
    }
    if let (Some(da), Some(db)) = (a.meta.date.as_deref(), b.meta.date.as_deref())
        && da != db
    {
        let side = if da < db { Side::A } else { Side::B };
        return Some(LikelySource {
            side,
            reason: Reason::Earlier,
        });
    }
    let side = if b_in_a - a_in_b >= MIN_CONTAINMENT_GAP {
        Side::A
    } else if a_in_b - b_in_a >= MIN_CONTAINMENT_GAP {
        Side::B
    } else {
        return None;
    };
    Some(LikelySource {
        side,
        reason: Reason::Contains,
    })
}

/// What a worker result changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrived {
    /// Ranking progress.
    Progress,
    /// The ranking, with its most reused pair (none when nothing was ranked).
    Ranked(Option<(usize, usize)>),
    /// The alignment of B (second) against A (first).
    Aligned(usize, usize),
}

/// The pair cache and the worker's queue.
#[derive(Debug, Default)]
pub struct Pairs {
    articles: usize,
    ranking: Option<Vec<Pair>>,
    progress: Option<(usize, usize)>,
    alignments: HashMap<(usize, usize), Arc<Alignment>>,
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
            p.progress = Some((0, articles * (articles - 1) / 2));
            p.outbox.push((Job::Rank, true));
        }
        p
    }

    /// Every pair ranked by reuse, once the ranking is done.
    pub fn ranking(&self) -> Option<&[Pair]> {
        self.ranking.as_deref()
    }

    /// Ranking progress (pairs done, pairs in all) while it runs.
    pub fn progress(&self) -> Option<(usize, usize)> {
        self.progress
    }

    /// The alignment of `b` against `a`, if it has been computed.
    pub fn get(&self, a: usize, b: usize) -> Option<&Arc<Alignment>> {
        self.alignments.get(&(a, b))
    }

    /// Share of `j`'s body found in `a`, once aligned.
    pub fn share(&self, a: usize, j: usize) -> Option<f64> {
        self.get(a, j)
            .map(|al| al.stats.b_copied + al.stats.b_reworded)
    }

    /// Where `(a, b)` stands in the ranking.
    pub fn rank_of(&self, a: usize, b: usize) -> Option<usize> {
        self.ranking
            .as_ref()?
            .iter()
            .position(|p| (p.a, p.b) == (a, b))
    }

    /// Ask for the alignment of `b` against `a` (once; an urgent request for
    /// a pair already queued moves it to the front).
    pub fn request(&mut self, a: usize, b: usize, urgent: bool) {
        if a == b || self.alignments.contains_key(&(a, b)) {
            return;
        }
        if self.requested.insert((a, b)) || urgent {
            self.outbox.push((Job::Align(a, b), urgent));
        }
    }

    /// Work the reader is likely to want next, queued behind what they wait
    /// for: every article against A (for the list's shares) and the ranked
    /// pair after `pos`.
    pub fn prefetch(&mut self, a: usize, pos: Option<usize>) {
        for j in 0..self.articles {
            self.request(a, j, false);
        }
        let next = pos.map_or(0, |p| p + 1);
        if let Some(p) = self.ranking.as_ref().and_then(|r| r.get(next)) {
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
        self.progress.is_some() || !self.requested.is_empty()
    }

    /// Take in a worker result.
    pub fn on_done(&mut self, d: Done) -> Arrived {
        match d {
            Done::Progress(n, total) => {
                self.progress = Some((n, total));
                Arrived::Progress
            }
            Done::Ranked(r) => {
                self.progress = None;
                let first = r.first().map(|p| (p.a, p.b));
                self.ranking = Some(r);
                Arrived::Ranked(first)
            }
            Done::Aligned(a, b, al) => {
                self.requested.remove(&(a, b));
                self.alignments.insert((a, b), al);
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
        let got = p.on_done(Done::Aligned(0, 1, Arc::new(Alignment::default())));
        assert_eq!(got, Arrived::Aligned(0, 1));
        p.request(0, 1, true);
        assert!(p.take_jobs().is_empty());
        assert_eq!(p.share(0, 1), Some(0.0));
    }
}
