//! Progress of long commands on stderr, drawn only when stderr is a terminal.

use std::io::IsTerminal;
use std::time::Duration;

use copycat::corpus::{Pair, Progress};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A spinner that becomes a bar once the work has a count.
pub struct Bar(ProgressBar);

impl Bar {
    /// A spinner on stderr, or nothing when stderr is not a terminal.
    pub fn new() -> Bar {
        let pb = if std::io::stderr().is_terminal() {
            let pb = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
            pb.enable_steady_tick(Duration::from_millis(120));
            pb
        } else {
            ProgressBar::hidden()
        };
        Bar(pb)
    }

    /// A step without a count.
    pub fn step(&self, what: &'static str) {
        self.0.set_message(what);
    }

    /// Clear the bar before the output.
    pub fn finish(&self) {
        self.0.finish_and_clear();
    }
}

impl Progress for Bar {
    fn candidates(&self, candidates: usize, to_align: usize) {
        self.0.set_length(to_align as u64);
        self.0.set_position(0);
        self.0.set_style(
            ProgressStyle::with_template("{msg} {wide_bar} {pos}/{len} pairs ({eta} left)")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        self.0.set_message(if candidates > to_align {
            format!("aligning the first {to_align} of {candidates} proposed pairs")
        } else {
            format!("aligning {to_align} proposed pairs")
        });
    }

    fn aligned(&self, _done: usize, _total: usize, _pair: Option<&Pair>) {
        self.0.inc(1);
    }
}
