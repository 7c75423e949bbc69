//! Background work: ranking the corpus and aligning pairs, off the UI thread.
//!
//! The UI sends jobs and never waits; results come back as messages through
//! the same channel as terminal events, so the UI thread blocks in one place.
//! Jobs the reader is waiting for jump the queue. Ranking a large corpus
//! runs on a thread of its own and reports each pair as it is found, so the
//! worker stays free for the pair the reader opens.

use std::collections::{HashSet, VecDeque};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};
use std::thread;

use crate::article::Article;
use crate::comparison::Comparison;
use crate::corpus::spread::{self, Uptake};
use crate::corpus::{self, Families, Pair};

/// Work for the worker thread.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Job {
    /// Rank every pair of the corpus by reuse.
    Rank,
    /// Align B (second) against A (first).
    Align(usize, usize),
    /// The spread of an article: its paragraphs and who took each.
    Spread(usize),
}

#[derive(Debug, Clone)]
pub enum Done {
    /// Ranking progress: pairs aligned so far, pairs to align (0 while the
    /// candidates are still being found).
    Progress(usize, usize),
    /// Pairs that share text, found so far by a ranking that goes on.
    Found(Vec<Pair>),
    /// The whole ranking, with the families of reprints it ranked through.
    Ranked(Vec<Pair>, Families),
    /// The comparison of B (second) against A (first): the alignment and
    /// its flags (changed quotations, numbers and names), computed together.
    Aligned(usize, usize, Arc<Comparison>),
    /// The spread of an article (`corpus::spread`).
    Spread(usize, Arc<Uptake>),
}

/// Pairs found are sent in batches of this many (or sooner, see
/// [`FOUND_EVERY`]), so a ranking of thousands of pairs does not wake the
/// UI thousands of times.
const FOUND_BATCH: usize = 64;
/// …or when this much time has passed since the last batch.
const FOUND_EVERY: std::time::Duration = std::time::Duration::from_millis(150);

/// Rank `arts` on a thread of its own, streaming what it finds to `out`.
fn rank_streaming(
    arts: Arc<Vec<Article>>,
    opts: Arc<corpus::Options>,
    out: Arc<dyn Fn(Done) + Send + Sync>,
) {
    struct Stream {
        out: Arc<dyn Fn(Done) + Send + Sync>,
        batch: Mutex<(Vec<Pair>, std::time::Instant)>,
        last_progress: AtomicUsize,
    }
    impl corpus::Progress for Stream {
        fn candidates(&self, _candidates: usize, to_align: usize) {
            (self.out)(Done::Progress(0, to_align));
        }
        fn aligned(&self, done: usize, total: usize, pair: Option<&Pair>) {
            let mut b = self.batch.lock().unwrap_or_else(|e| e.into_inner());
            if let Some(p) = pair {
                b.0.push(p.clone());
            }
            if b.0.len() >= FOUND_BATCH || b.1.elapsed() >= FOUND_EVERY {
                b.1 = std::time::Instant::now();
                let found = std::mem::take(&mut b.0);
                drop(b);
                if !found.is_empty() {
                    (self.out)(Done::Found(found));
                }
                // Progress at most as often as batches.
                if self.last_progress.swap(done, Ordering::Relaxed) != done {
                    (self.out)(Done::Progress(done, total));
                }
            }
        }
    }
    let s = Stream {
        out: out.clone(),
        batch: Mutex::new((Vec::new(), std::time::Instant::now())),
        last_progress: AtomicUsize::new(0),
    };
    let r = corpus::rank_with(&arts, &opts, &s);
    out(Done::Ranked(r.pairs, r.families));
}

/// Do one job on the calling thread.
/// `opts` are the ranking's, and its `align` options every pair's (the
/// reader's `--common`).
pub fn compute(
    arts: &[Article],
    job: &Job,
    opts: &corpus::Options,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Done {
    match *job {
        Job::Rank => {
            struct Relay<'a>(&'a (dyn Fn(usize, usize) + Sync));
            impl corpus::Progress for Relay<'_> {
                fn aligned(&self, done: usize, total: usize, _pair: Option<&Pair>) {
                    (self.0)(done, total);
                }
            }
            let r = corpus::rank_with(arts, opts, &Relay(progress));
            Done::Ranked(r.pairs, r.families)
        }
        Job::Align(a, b) => Done::Aligned(
            a,
            b,
            Arc::new(Comparison::with(&arts[a], &arts[b], &opts.align)),
        ),
        // From the candidates of the whole folder, as `copycat spread` finds
        // them: the same takers whether or not the ranking has ended.
        Job::Spread(x) => Done::Spread(x, Arc::new(spread::spread_in(arts, x, opts))),
    }
}

/// The handle the UI keeps: dropping it ends the worker once it is idle.
pub struct Worker {
    tx: Sender<(Job, bool)>,
}

impl Worker {
    /// Queue a job; `urgent` jobs run before anything already queued.
    pub fn send(&self, job: Job, urgent: bool) {
        // A send fails only when the worker is gone, which the UI notices by
        // its results never arriving; the interface itself keeps working.
        let _ = self.tx.send((job, urgent));
    }
}

/// Start the worker thread; `out` receives every result.
pub fn spawn(
    arts: Arc<Vec<Article>>,
    opts: Arc<corpus::Options>,
    out: impl Fn(Done) + Send + Sync + 'static,
) -> Worker {
    let (tx, rx) = mpsc::channel::<(Job, bool)>();
    let out: Arc<dyn Fn(Done) + Send + Sync> = Arc::new(out);
    thread::Builder::new()
        .name("copycat-worker".into())
        .spawn(move || serve(&arts, &opts, &rx, &out))
        .expect("spawning a thread only fails when the system is out of resources");
    Worker { tx }
}

fn serve(
    arts: &Arc<Vec<Article>>,
    opts: &Arc<corpus::Options>,
    rx: &Receiver<(Job, bool)>,
    out: &Arc<dyn Fn(Done) + Send + Sync>,
) {
    let mut queue: VecDeque<Job> = VecDeque::new();
    let mut done: HashSet<Job> = HashSet::new();
    let take = |queue: &mut VecDeque<Job>, (job, urgent): (Job, bool)| {
        queue.retain(|j| *j != job);
        if urgent {
            queue.push_front(job);
        } else {
            queue.push_back(job);
        }
    };
    loop {
        if queue.is_empty() {
            // Idle: block until there is work (no polling).
            match rx.recv() {
                Ok(msg) => take(&mut queue, msg),
                Err(_) => return,
            }
        }
        while let Ok(msg) = rx.try_recv() {
            take(&mut queue, msg);
        }
        let Some(job) = queue.pop_front() else {
            continue;
        };
        // Each job is done once; the UI caches what comes back.
        if done.contains(&job) {
            continue;
        }
        #[cfg(debug_assertions)]
        crate::test_panic("worker");
        // Ranking runs beside the worker (a large corpus pair by pair), so
        // a pair the reader opens meanwhile is aligned at once, not after it.
        if job == Job::Rank {
            let (arts, opts, out) = (arts.clone(), opts.clone(), out.clone());
            let large = arts.len() > corpus::ALL_PAIRS_UP_TO;
            thread::Builder::new()
                .name("copycat-rank".into())
                .spawn(move || {
                    if large {
                        rank_streaming(arts, opts, out);
                    } else {
                        let progress = |n, total| out(Done::Progress(n, total));
                        out(compute(&arts, &Job::Rank, &opts, &progress));
                    }
                })
                .expect("spawning a thread only fails when the system is out of resources");
            done.insert(job);
            continue;
        }
        // A spread looks for candidates over the whole folder (seconds for
        // thousands of articles): beside the worker too.
        if let Job::Spread(_) = job {
            let (arts, opts, out, spread) = (arts.clone(), opts.clone(), out.clone(), job.clone());
            thread::Builder::new()
                .name("copycat-spread".into())
                .spawn(move || out(compute(&arts, &spread, &opts, &|_, _| {})))
                .expect("spawning a thread only fails when the system is out of resources");
            done.insert(job);
            continue;
        }
        let result = compute(arts, &job, opts, &|n, total| out(Done::Progress(n, total)));
        done.insert(job);
        out(result);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_job_runs_once() {
        let arts = Arc::new(crate::article::bundled());
        let (tx, rx) = mpsc::channel();
        let w = spawn(arts, Default::default(), move |d| {
            let _ = tx.send(d);
        });
        w.send(Job::Align(0, 1), false);
        w.send(Job::Align(0, 1), false);
        w.send(Job::Align(2, 3), true);
        let mut got = Vec::new();
        while got.len() < 2 {
            if let Done::Aligned(a, b, ..) = rx.recv().unwrap() {
                got.push((a, b));
            }
        }
        assert!(got.contains(&(0, 1)) && got.contains(&(2, 3)));
        drop(w);
        // The duplicate was skipped: nothing else arrives once the worker ends.
        assert!(rx.iter().all(|d| !matches!(d, Done::Aligned(..))));
    }

    #[test]
    fn a_spread_comes_back_for_its_article_and_pairs_still_align() {
        let arts = Arc::new(crate::article::bundled());
        let (tx, rx) = mpsc::channel();
        let w = spawn(arts, Default::default(), move |d| {
            let _ = tx.send(d);
        });
        w.send(Job::Spread(2), true);
        w.send(Job::Align(0, 1), true);
        let (mut spread, mut aligned) = (None, false);
        while spread.is_none() || !aligned {
            match rx.recv().unwrap() {
                Done::Spread(x, u) => spread = Some((x, u.article)),
                Done::Aligned(0, 1, _) => aligned = true,
                _ => {}
            }
        }
        assert_eq!(spread, Some((2, 2)));
    }

    /// The reader's `--common`: the worker ranks, aligns and spreads with the
    /// common texts. Named as the source both drew on, Reuters leaves the two
    /// rewrites of its report nothing to rank, link or take.
    #[test]
    fn the_worker_ranks_aligns_and_spreads_with_the_common_texts() {
        let arts = crate::article::bundled();
        let find = |key: &str| arts.iter().position(|a| a.path.contains(key)).unwrap();
        let (palakshi, rewrite, reuters) =
            (find("palakshi"), find("undated-rewrite"), find("reuters"));
        let opts = corpus::Options {
            align: crate::align::Options {
                common: vec![arts[reuters].clone()],
                ..Default::default()
            },
            ..Default::default()
        };
        let pairs_of = |opts: &corpus::Options| -> Vec<(usize, usize)> {
            match compute(&arts, &Job::Rank, opts, &|_, _| {}) {
                Done::Ranked(pairs, _) => {
                    pairs.iter().map(|p| (p.a.min(p.b), p.a.max(p.b))).collect()
                }
                _ => panic!("a ranking"),
            }
        };
        let two = (palakshi.min(rewrite), palakshi.max(rewrite));
        assert!(pairs_of(&corpus::Options::default()).contains(&two));
        let with = pairs_of(&opts);
        assert!(!with.contains(&two), "{with:?}");
        assert!(with.contains(&(reuters.min(rewrite), reuters.max(rewrite))));
        match compute(&arts, &Job::Align(palakshi, rewrite), &opts, &|_, _| {}) {
            Done::Aligned(_, _, c) => {
                assert!(c.alignment.links.is_empty());
                assert!(c.alignment.set_apart > 0);
            }
            _ => panic!("an alignment"),
        }
        match compute(&arts, &Job::Spread(palakshi), &opts, &|_, _| {}) {
            Done::Spread(_, u) => {
                assert!(
                    u.takers
                        .iter()
                        .all(|t| t.pair.a != rewrite && t.pair.b != rewrite)
                );
                assert_eq!(u.common, vec![arts[reuters].path.clone()]);
            }
            _ => panic!("a spread"),
        }
    }

    /// Regression: a pair picked while the corpus was being ranked waited
    /// for the whole ranking. Ranking now runs on threads of its own, for a
    /// small corpus too: the pair is aligned while it goes on.
    #[test]
    fn a_pair_asked_for_while_ranking_is_aligned_before_the_ranking_ends() {
        // 40 articles (8 copies of the 5 bundled ones, so 5 families of
        // reprints): a ranking, against one pair to align.
        let arts: Vec<Article> = (0..8).flat_map(|_| crate::article::bundled()).collect();
        assert!(
            arts.len() <= corpus::ALL_PAIRS_UP_TO,
            "the small-corpus path"
        );
        // The ranking is held at its first pair aligned until the pair asked
        // for arrives, so that the order of the two is the worker's doing, not
        // the speed of the machine. Were the pair queued behind the ranking,
        // the hold would time out and the ranking would end first.
        let gate = Arc::new((std::sync::Mutex::new(false), std::sync::Condvar::new()));
        let (tx, rx) = mpsc::channel();
        let hold = gate.clone();
        let w = spawn(Arc::new(arts), Default::default(), move |d| {
            let (open, cv) = &*hold;
            let progress = matches!(d, Done::Progress(n, _) if n > 0);
            let aligned = matches!(d, Done::Aligned(..));
            // Sent before the gate opens: the ranking cannot overtake it.
            let _ = tx.send(d);
            if aligned {
                *open.lock().unwrap() = true;
                cv.notify_all();
            }
            if progress {
                // Held once: past the timeout the ranking runs freely.
                let shut = open.lock().unwrap();
                let (mut open, _) = cv
                    .wait_timeout_while(shut, std::time::Duration::from_secs(60), |o| !*o)
                    .unwrap();
                *open = true;
                cv.notify_all();
            }
        });
        w.send(Job::Rank, true);
        // The ranking has started: it reports progress.
        while !matches!(rx.recv().unwrap(), Done::Progress(..)) {}
        w.send(Job::Align(0, 1), true);
        loop {
            match rx.recv().unwrap() {
                Done::Aligned(0, 1, ..) => break,
                Done::Ranked(..) => panic!("the ranking ended before the pair was aligned"),
                _ => {}
            }
        }
    }
}
