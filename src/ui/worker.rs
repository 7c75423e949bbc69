//! Background work: ranking the corpus and aligning pairs, off the UI thread.
//!
//! The UI sends jobs and never waits; results come back as messages through
//! the same channel as terminal events, so the UI thread blocks in one place.
//! Jobs the reader is waiting for jump the queue.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, Sender};
use std::thread;

use crate::align::{self, Alignment};
use crate::article::Article;
use crate::corpus::{self, Pair};

/// Work for the worker thread.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Job {
    /// Rank every pair of the corpus by reuse.
    Rank,
    /// Align B (second) against A (first).
    Align(usize, usize),
}

#[derive(Debug, Clone)]
pub enum Done {
    /// Ranking progress: pairs aligned so far, pairs in all.
    Progress(usize, usize),
    Ranked(Vec<Pair>),
    Aligned(usize, usize, Arc<Alignment>),
}

/// Do one job on the calling thread.
pub fn compute(arts: &[Article], job: &Job, progress: &(dyn Fn(usize, usize) + Sync)) -> Done {
    match *job {
        Job::Rank => {
            struct Relay<'a>(&'a (dyn Fn(usize, usize) + Sync));
            impl corpus::Progress for Relay<'_> {
                fn aligned(&self, done: usize, total: usize, _pair: Option<&Pair>) {
                    (self.0)(done, total);
                }
            }
            let r = corpus::rank_with(arts, &corpus::Options::default(), &Relay(progress));
            Done::Ranked(r.pairs)
        }
        Job::Align(a, b) => Done::Aligned(a, b, Arc::new(align::align(&arts[a], &arts[b]))),
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
pub fn spawn(arts: Arc<Vec<Article>>, out: impl Fn(Done) + Send + Sync + 'static) -> Worker {
    let (tx, rx) = mpsc::channel::<(Job, bool)>();
    thread::Builder::new()
        .name("copycat-worker".into())
        .spawn(move || serve(&arts, &rx, &out))
        .expect("spawning a thread only fails when the system is out of resources");
    Worker { tx }
}

fn serve(arts: &[Article], rx: &Receiver<(Job, bool)>, out: &(dyn Fn(Done) + Sync)) {
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
        let result = compute(arts, &job, &|n, total| out(Done::Progress(n, total)));
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
        let w = spawn(arts, move |d| {
            let _ = tx.send(d);
        });
        w.send(Job::Align(0, 1), false);
        w.send(Job::Align(0, 1), false);
        w.send(Job::Align(2, 3), true);
        let mut got = Vec::new();
        while got.len() < 2 {
            if let Done::Aligned(a, b, _) = rx.recv().unwrap() {
                got.push((a, b));
            }
        }
        assert!(got.contains(&(0, 1)) && got.contains(&(2, 3)));
        drop(w);
        // The duplicate was skipped: nothing else arrives once the worker ends.
        assert!(rx.iter().all(|d| !matches!(d, Done::Aligned(..))));
    }
}
