//! The reader's threads besides the UI thread, and what they send it: the
//! terminal's input, signals, layouts built off the UI thread, a lazy
//! load's articles. The UI thread blocks on one channel of [`Msg`]s.

use std::fs::File;
use std::io::{self, Read};
use std::os::fd::AsFd;
use std::sync::mpsc::{self, Sender};
use std::thread;

use anyhow::{Context, Result};
use crossterm::event::{Event, KeyCode, KeyEventKind, KeyModifiers};
use signal_hook::consts::{SIGCONT, SIGTSTP, SIGWINCH};
use signal_hook::iterator::Signals;

use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};

use super::input::{Decoder, Input};
use super::{reading, terminal, worker};
use crate::article::Article;

/// Signals that end copycat: the terminal is restored, then it exits with
/// 128 + the signal number.
pub const TERMINATING: [i32; 7] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM];

/// The rest of a lazy load: reads every article, in the order of the
/// placeholders it replaces, with the warnings for files skipped.
pub type Loader = Box<dyn FnOnce() -> (Vec<Article>, Vec<String>) + Send>;

/// What the UI thread is told.
pub enum Msg {
    /// A key, a mouse event, a paste or a new size.
    Term(Event),
    /// A layout built on the layout thread.
    Laid(reading::LaidOut),
    /// The terminal was handed back and taken again (suspend, resume): the
    /// whole screen must be drawn anew.
    Redraw,
    /// A worker's result, with the generation of the worker: results of a
    /// worker that served placeholders are dropped once the articles are in.
    Worker(u32, worker::Done),
    /// The articles of a lazy load, read, and what was skipped.
    Loaded(Vec<Article>, Vec<String>),
    /// The terminal could not be read.
    InputFailed(io::Error),
}

/// Whether `ev` is a press of Ctrl + `c`.
fn ctrl_key(ev: &Event, c: char) -> bool {
    matches!(ev, Event::Key(k) if k.kind == KeyEventKind::Press
        && k.modifiers.contains(KeyModifiers::CONTROL)
        && matches!(k.code, KeyCode::Char(x) if x.eq_ignore_ascii_case(&c)))
}

/// Read the terminal (`tty`) on a thread of its own, through `decoder` (the
/// one the background question started): keys, mouse events and pastes go
/// to the UI thread; replies to questions go nowhere. Ctrl-C quits and
/// Ctrl-Z suspends from here, at once, whatever the UI thread is doing (in
/// raw mode they arrive as keys, not as SIGINT and SIGTSTP).
pub fn spawn_input(tty: File, mut decoder: Decoder, tx: Sender<Msg>) -> Result<()> {
    thread::Builder::new()
        .name("copycat-input".into())
        .spawn(move || {
            let mut out = Vec::new();
            let mut buf = [0u8; 8192];
            loop {
                let read = read_some(&tty, &mut buf, decoder.patience());
                match read {
                    Ok(Some(n)) => decoder.feed(&buf[..n], &mut out),
                    // Nothing came for a while: end what is open.
                    Ok(None) => decoder.idle(&mut out),
                    Err(e) => {
                        let _ = tx.send(Msg::InputFailed(e));
                        return;
                    }
                }
                for input in out.drain(..) {
                    let Input::Event(ev) = input else {
                        // A reply (a late background colour, device
                        // attributes): never a key.
                        continue;
                    };
                    let msg = if ctrl_key(&ev, 'c') {
                        terminal::leave_and_exit(0)
                    } else if ctrl_key(&ev, 'z') {
                        let _ = terminal::suspend();
                        Msg::Redraw
                    } else {
                        Msg::Term(ev)
                    };
                    if tx.send(msg).is_err() {
                        return;
                    }
                }
            }
        })
        .context("cannot start the input thread")?;
    Ok(())
}

/// Wait for bytes from the terminal and read them; with a `patience` (a
/// sequence is open), wait at most that long and say `None` if none came.
/// The end of the terminal (a hang-up) is an error.
pub fn read_some(
    tty: &File,
    buf: &mut [u8],
    patience: Option<std::time::Duration>,
) -> io::Result<Option<usize>> {
    use rustix::event::{PollFd, PollFlags, Timespec, poll};
    loop {
        let fd = tty.as_fd();
        let mut fds = [PollFd::new(&fd, PollFlags::IN)];
        let timeout = patience.map(|p| Timespec {
            tv_sec: p.as_secs() as i64,
            tv_nsec: p.subsec_nanos().into(),
        });
        match poll(&mut fds, timeout.as_ref()) {
            Ok(0) => return Ok(None),
            Ok(_) => {}
            Err(rustix::io::Errno::INTR) => continue,
            Err(e) => return Err(e.into()),
        }
        match (&*tty).read(buf) {
            Ok(0) => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "the terminal closed",
                ));
            }
            Ok(n) => return Ok(Some(n)),
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) if e.kind() == io::ErrorKind::WouldBlock => continue,
            Err(e) => return Err(e),
        }
    }
}

/// The signals the reader handles: those that end it, suspend and resume,
/// and a change of the window's size.
pub fn watch_signals() -> Result<Signals> {
    let mut watched = TERMINATING.to_vec();
    watched.extend([SIGTSTP, SIGCONT, SIGWINCH]);
    Signals::new(watched).context("cannot watch for signals")
}

/// Handle signals on a thread of their own: the terminating ones end
/// copycat here (the UI thread may be busy), SIGTSTP suspends, SIGCONT takes
/// the terminal back (only in the foreground), SIGWINCH tells the new size.
pub fn spawn_signals(mut signals: Signals, tx: Sender<Msg>) -> Result<()> {
    thread::Builder::new()
        .name("copycat-signals".into())
        .spawn(move || {
            for sig in signals.forever() {
                let msg = match sig {
                    SIGTSTP => {
                        let _ = terminal::suspend();
                        Msg::Redraw
                    }
                    SIGCONT => match terminal::reassert() {
                        Ok(true) => Msg::Redraw,
                        // Not copycat's terminal any more (copycat was not
                        // drawing, or its job is orphaned): nothing to redraw.
                        _ => continue,
                    },
                    SIGWINCH => match crossterm::terminal::size() {
                        Ok((w, h)) => Msg::Term(Event::Resize(w, h)),
                        Err(_) => continue,
                    },
                    sig => terminal::leave_and_exit(128 + sig),
                };
                if tx.send(msg).is_err() {
                    return;
                }
            }
        })
        .context("cannot start the signal thread")?;
    Ok(())
}

/// The layout thread: builds the newest layout asked for (a storm of
/// resizes costs one layout), off the UI thread (megabytes take seconds).
pub fn spawn_layouts(tx: Sender<Msg>) -> Result<Sender<reading::LayoutJob>> {
    let (ltx, lrx) = mpsc::channel::<reading::LayoutJob>();
    thread::Builder::new()
        .name("copycat-layout".into())
        .spawn(move || {
            while let Ok(mut job) = lrx.recv() {
                while let Ok(newer) = lrx.try_recv() {
                    job = newer;
                }
                if tx.send(Msg::Laid(job.run())).is_err() {
                    break;
                }
            }
        })
        .context("cannot start the layout thread")?;
    Ok(ltx)
}

/// Run a lazy load's reading on a thread of its own.
pub fn spawn_loader(load: Loader, tx: Sender<Msg>) -> Result<()> {
    thread::Builder::new()
        .name("copycat-load".into())
        .spawn(move || {
            let (arts, warnings) = load();
            let _ = tx.send(Msg::Loaded(arts, warnings));
        })
        .context("cannot start the loading thread")?;
    Ok(())
}
