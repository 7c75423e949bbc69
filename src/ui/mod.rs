//! The terminal interface: an article list and two linked reading panes.
//!
//! One thread owns the state and the terminal. It blocks on a single channel
//! that carries terminal input (read on a thread of its own), worker results
//! and termination signals, so an idle copycat uses no CPU; only while work is
//! pending does it wake on a timer, to animate the progress indicator.
//!
//! The terminal is restored on every way out: a normal quit, an error (a
//! guard's `Drop`), a panic on any thread (the hook in [`terminal`] restores
//! it, then prints the message, then exits), and every signal that would
//! end the process (INT, QUIT, TERM, HUP, USR1, USR2, ALRM: the signal thread
//! restores it and exits 128 + the signal, as `less` and `vim` do). Those,
//! Ctrl-C, and Ctrl-Z / SIGTSTP (suspend; `fg` resumes with a full redraw)
//! are handled on the signal and input threads, not the UI thread, so they
//! work at once whatever the UI thread is doing.

pub(crate) mod app;
pub(crate) mod background;
pub(crate) mod clipboard;
pub mod config;
pub(crate) mod events;
pub(crate) mod flags;
pub(crate) mod geometry;
pub(crate) mod help;
pub(crate) mod input;
pub(crate) mod keymap;
pub(crate) mod list;
pub(crate) mod overview;
pub(crate) mod pairs;
pub(crate) mod provenance;
pub(crate) mod reading;
pub(crate) mod render;
pub(crate) mod safe;
pub(crate) mod save;
pub(crate) mod search;
pub(crate) mod terminal;
pub(crate) mod worker;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event;
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};
use signal_hook::consts::{SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGUSR1, SIGUSR2};

use app::App;
pub use config::{Config, ThemeChoice};
use events::Msg;

use crate::article::Article;
use crate::view::Theme;

/// How the reader should look and behave.
pub struct Settings {
    /// Use colour (false with `--no-color` or `NO_COLOR`).
    pub color: bool,
    /// Capture the mouse wheel (false with `--no-mouse`).
    pub mouse: bool,
    /// Open the first two articles as A and B, in that order (two files
    /// typed on the command line), rather than the most reused pair.
    pub keep_order: bool,
    /// `]` and `[` step through every pair, not only those sharing text.
    pub all_pairs: bool,
    /// What `e` writes the open pair with (`export::html`, which the reader
    /// may not import: the binary hands it in).
    pub html: Option<save::HtmlReport>,
    /// The key bindings and palettes (the defaults, or a config file's).
    pub config: Config,
    /// How the palette is chosen (`--theme`, else the config file's).
    pub theme: ThemeChoice,
}

/// How often the progress indicator moves while work is pending.
const TICK: Duration = Duration::from_millis(120);

/// Signals that end copycat: the terminal is restored, then it exits with
/// 128 + the signal number.
pub const TERMINATING: [i32; 7] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM];

/// The rest of a lazy load: reads every article, in the order of the
/// placeholders it replaces, with the warnings for files skipped.
pub type Loader = Box<dyn FnOnce() -> (Vec<Article>, Vec<String>) + Send>;

/// Open the reader on `arts` and run it until the user quits; the terminal
/// is restored on every way out.
pub fn run(arts: Vec<Article>, s: Settings) -> Result<()> {
    run_loading(arts, None, s)
}

/// Open the reader at once on `arts`, some of which may be placeholders
/// (see `article::load::placeholder`) that `loader`, run on a thread of its
/// own, replaces: a folder of thousands of articles shows its first frame
/// before it is read. The ranking starts once every article is in.
pub fn run_loading(arts: Vec<Article>, loader: Option<Loader>, s: Settings) -> Result<()> {
    anyhow::ensure!(!arts.is_empty(), "no articles to show");
    let arts = Arc::new(arts);
    let (tx, rx) = mpsc::channel::<Msg>();
    let mut app = if loader.is_some() {
        App::loading(arts.clone(), s.color, s.mouse)
    } else {
        App::with_shared(arts.clone(), s.color, s.mouse)
    };
    app.show_all_pairs(s.all_pairs);
    app.set_keymap(s.config.keymap.clone());
    if let Some(html) = s.html {
        app.export_to(html, ".");
    }
    if s.keep_order {
        app.keep_order();
    }

    let signals = events::watch_signals()?;
    // The terminal first, then the threads: from here on a panic anywhere
    // restores the terminal before its message (see `terminal`).
    let (mut terminal, _restore) =
        terminal::enter(s.mouse).context("cannot set up the terminal")?;
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .context("cannot open the terminal")?;
    // One decoder for the session: the background question reads its
    // replies through it, then the input thread goes on with it, so a reply
    // cut by the question's deadline is still read as a reply.
    let mut decoder = input::Decoder::new();
    let (reply, typed) = if background::wanted(s.theme, s.color) {
        background::query(&tty, &mut decoder, background::timeout())
    } else {
        Default::default()
    };
    if s.color {
        let bg = background::decide(s.theme, s.color, reply.color);
        app.set_theme(Theme::with(s.config.palette(bg)));
    }
    for ev in &typed {
        app.on_event(ev);
    }

    let spawn_worker = |arts: Arc<Vec<Article>>, generation: u32| {
        let tx = tx.clone();
        worker::spawn(arts, move |d| {
            let _ = tx.send(Msg::Worker(generation, d));
        })
    };
    let mut generation = 0;
    let mut worker = spawn_worker(arts, generation);
    if let Some(load) = loader {
        events::spawn_loader(load, tx.clone())?;
    }
    events::spawn_signals(signals, tx.clone())?;
    events::spawn_input(tty, decoder, tx.clone())?;
    let layouts = events::spawn_layouts(tx.clone())?;

    let size = terminal.size().context("cannot read the terminal size")?;
    app.resize(size.width, size.height);
    let mut dirty = true;
    let mut full_redraw = false;
    loop {
        for (job, urgent) in app.take_jobs() {
            worker.send(job, urgent);
        }
        if let Some(job) = app.take_layout() {
            let _ = layouts.send(job);
        }
        if app.take_redraw() || std::mem::take(&mut full_redraw) {
            // Not `Terminal::clear`: it asks the terminal for the cursor
            // position, and the reply would race the input thread (or never
            // come, from terminals that do not answer). Clear the screen and
            // empty both of ratatui's buffers: the next draw is then a full one.
            execute!(io::stdout(), Clear(ClearType::All)).context("cannot clear the terminal")?;
            terminal.swap_buffers();
            terminal.swap_buffers();
            dirty = true;
        }
        // The clipboard sequence goes to the terminal as it is, beside the
        // frame: it draws nothing, and the terminal (or tmux, or the
        // terminal at the other end of an SSH session) sets its clipboard.
        // Before the frame that says "copied", so that by then it is sent.
        if let Some(bytes) = app.take_outbox() {
            let mut out = io::stdout().lock();
            out.write_all(&bytes)
                .context("cannot write to the terminal")?;
            out.flush().context("cannot write to the terminal")?;
        }
        // Never over the shell's screen: a copycat continued in the
        // background (`bg`) stops itself, but may get here first.
        if dirty && terminal::in_foreground() {
            terminal
                .draw(|f| f.render_widget(&app, f.area()))
                .context("cannot draw")?;
            dirty = false;
        }
        if app.should_quit() {
            break;
        }
        let mut next = if app.busy() {
            match rx.recv_timeout(TICK) {
                Ok(m) => Some(m),
                Err(RecvTimeoutError::Timeout) => {
                    app.on_tick();
                    dirty = true;
                    None
                }
                Err(RecvTimeoutError::Disconnected) => break,
            }
        } else {
            match rx.recv() {
                Ok(m) => Some(m),
                Err(_) => break,
            }
        };
        // Handle everything already waiting before drawing again, so a burst
        // of input (a held key, a paste) costs one frame, not one per event.
        // Mouse motion changes nothing and draws nothing. Of a storm of
        // resizes only the last size matters: it is applied once, after.
        let mut resized = None;
        while let Some(m) = next {
            match m {
                Msg::Term(event::Event::Resize(w, h)) => resized = Some((w, h)),
                Msg::Term(ev) => {
                    #[cfg(debug_assertions)]
                    if matches!(ev, event::Event::Key(_)) {
                        crate::test_panic("ui");
                    }
                    dirty |= app.on_event(&ev);
                }
                Msg::Worker(g, d) if g == generation => {
                    app.on_done(d);
                    dirty = true;
                }
                Msg::Worker(..) => {}
                Msg::Loaded(arts, warnings) => {
                    // A new worker over the articles read; the old one ends
                    // when its handle is dropped, and what it still sends is
                    // dropped by generation.
                    let arts = Arc::new(arts);
                    generation += 1;
                    worker = spawn_worker(arts.clone(), generation);
                    app.loaded(arts, &warnings);
                    dirty = true;
                }
                Msg::Laid(l) => {
                    app.on_laid_out(l);
                    dirty = true;
                }
                Msg::Redraw => {
                    // The size may have changed while copycat was stopped.
                    if let Ok(size) = terminal.size() {
                        resized = Some((size.width, size.height));
                    }
                    full_redraw = true;
                }
                Msg::InputFailed(e) => return Err(e).context("cannot read the terminal"),
            }
            next = rx.try_recv().ok();
        }
        if let Some((w, h)) = resized {
            app.resize(w, h);
            dirty = true;
        }
        // The search typed in this batch, once.
        app.catch_up();
    }
    Ok(())
}
