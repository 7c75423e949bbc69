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
pub(crate) mod inspect;
pub(crate) mod keymap;
pub(crate) mod list;
pub(crate) mod overlay;
pub(crate) mod overview;
pub(crate) mod pairs;
pub(crate) mod panes;
pub(crate) mod part;
pub(crate) mod prompt;
pub(crate) mod provenance;
pub(crate) mod reading;
pub(crate) mod render;
pub(crate) mod safe;
pub(crate) mod save;
pub(crate) mod screen;
pub(crate) mod search;
pub(crate) mod terminal;
pub(crate) mod uptake;
pub(crate) mod worker;

use std::fs::File;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use anyhow::{Context, Result};
use crossterm::event::Event;
use crossterm::execute;
use crossterm::terminal::{Clear, ClearType};
use ratatui::DefaultTerminal;

use app::App;
pub use config::{Config, ThemeChoice};
use events::Msg;
pub use events::{Loader, TERMINATING};

use crate::article::Article;
use crate::corpus;
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
    /// Files of the command line skipped before the reader opened (said
    /// on stderr too): the first frame counts them.
    pub skipped: Vec<String>,
    /// `]` and `[` walk only the pairs holding this article (`find --read`:
    /// the query's sources, not the pairs among them).
    pub pivot: Option<usize>,
    /// Texts every article may have drawn on (`--common`): what both sides
    /// of a pair have from one is set apart, in the ranking and the panes.
    pub common: Vec<Article>,
}

/// How often the progress indicator moves while work is pending.
const TICK: Duration = Duration::from_millis(120);

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
    let mut app = prepare(arts.clone(), loader.is_some(), &s);
    let signals = events::watch_signals()?;
    // The terminal first, then the threads: from here on a panic anywhere
    // restores the terminal before its message (see `terminal`).
    let (terminal, _restore) = terminal::enter(s.mouse).context("cannot set up the terminal")?;
    let tty = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .open("/dev/tty")
        .context("cannot open the terminal")?;
    let decoder = pick_theme(&tty, &s, &mut app);
    let (tx, rx) = mpsc::channel::<Msg>();
    let workers = Workers::start(arts, app.opts.clone(), tx.clone());
    if let Some(load) = loader {
        events::spawn_loader(load, tx.clone())?;
    }
    events::spawn_signals(signals, tx.clone())?;
    events::spawn_input(tty, decoder, tx.clone())?;
    let layouts = events::spawn_layouts(tx)?;
    let mut session = Session {
        terminal,
        rx,
        workers,
        layouts,
        dirty: true,
        full_redraw: false,
    };
    let size = session
        .terminal
        .size()
        .context("cannot read the terminal size")?;
    app.resize(size.width, size.height);
    session.run(&mut app)
}

/// The app as `s` asks for it, over `arts` (still being read: `loading`).
fn prepare(arts: Arc<Vec<Article>>, loading: bool, s: &Settings) -> App {
    let mut app = if loading {
        App::loading(arts, s.color, s.mouse)
    } else {
        App::with_shared(arts, s.color, s.mouse)
    };
    app.show_all_pairs(s.all_pairs);
    app.pairs.pivot = s.pivot;
    app.set_keymap(s.config.keymap.clone());
    if let Some(html) = s.html {
        app.export_to(html, ".");
    }
    if s.keep_order {
        app.keep_order();
    }
    app.note_skipped(&s.skipped);
    app.set_common(s.common.clone());
    app
}

/// Ask the terminal for its background (unless the settings decide) and
/// take the palette for it; the keys typed meanwhile go to the app. The
/// session's one input decoder is handed back for the input thread, so a
/// reply cut by the question's deadline is still read as a reply.
fn pick_theme(tty: &File, s: &Settings, app: &mut App) -> input::Decoder {
    let mut decoder = input::Decoder::new();
    let (reply, typed) = if background::wanted(s.theme, s.color) {
        background::query(tty, &mut decoder, background::timeout())
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
    decoder
}

/// The worker thread, and the generation of articles it serves: results
/// of a worker that served placeholders are dropped once the articles are
/// in.
struct Workers {
    worker: worker::Worker,
    generation: u32,
    /// The ranking's and the aligner's options (the app's).
    opts: Arc<corpus::Options>,
    tx: Sender<Msg>,
}

impl Workers {
    fn start(arts: Arc<Vec<Article>>, opts: Arc<corpus::Options>, tx: Sender<Msg>) -> Workers {
        let worker = Self::spawn(arts, opts.clone(), 0, tx.clone());
        Workers {
            worker,
            generation: 0,
            opts,
            tx,
        }
    }

    fn spawn(
        arts: Arc<Vec<Article>>,
        opts: Arc<corpus::Options>,
        generation: u32,
        tx: Sender<Msg>,
    ) -> worker::Worker {
        worker::spawn(arts, opts, move |d| {
            let _ = tx.send(Msg::Worker(generation, d));
        })
    }

    /// A new worker over the articles read; the old one ends when its
    /// handle is dropped, and what it still sends is dropped by generation.
    fn restart(&mut self, arts: Arc<Vec<Article>>) {
        self.generation += 1;
        self.worker = Self::spawn(arts, self.opts.clone(), self.generation, self.tx.clone());
    }
}

/// The UI thread's side of a running reader: the terminal, the one channel
/// it blocks on, and the threads it sends work to.
struct Session {
    terminal: DefaultTerminal,
    rx: Receiver<Msg>,
    workers: Workers,
    layouts: Sender<reading::LayoutJob>,
    /// The frame on screen is out of date.
    dirty: bool,
    /// The terminal must be cleared before the next frame.
    full_redraw: bool,
}

impl Session {
    /// Draw, wait, take in what came, until the reader quits.
    fn run(&mut self, app: &mut App) -> Result<()> {
        loop {
            self.show(app)?;
            if app.should_quit() {
                return Ok(());
            }
            let first = match self.wait(app) {
                Ok(m) => m,
                Err(RecvTimeoutError::Timeout) => {
                    app.on_tick();
                    self.dirty = true;
                    continue;
                }
                Err(RecvTimeoutError::Disconnected) => return Ok(()),
            };
            // Handle everything already waiting before drawing again, so a
            // burst of input (a held key, a paste) costs one frame, not one
            // per event. Of a storm of resizes only the last size matters:
            // it is applied once, after.
            let mut resized = None;
            let mut next = Some(first);
            while let Some(m) = next {
                self.take(app, m, &mut resized)?;
                next = self.rx.try_recv().ok();
            }
            if let Some((w, h)) = resized {
                app.resize(w, h);
                self.dirty = true;
            }
            // The search typed in this batch, once.
            app.catch_up();
        }
    }

    /// Hand the app's work to the threads, and bring the screen up to date.
    fn show(&mut self, app: &mut App) -> Result<()> {
        for (job, urgent) in app.take_jobs() {
            self.workers.worker.send(job, urgent);
        }
        if let Some(job) = app.take_layout() {
            let _ = self.layouts.send(job);
        }
        if app.take_redraw() || std::mem::take(&mut self.full_redraw) {
            // Not `Terminal::clear`: it asks the terminal for the cursor
            // position, and the reply would race the input thread (or never
            // come, from terminals that do not answer). Clear the screen and
            // empty both of ratatui's buffers: the next draw is then a full one.
            execute!(io::stdout(), Clear(ClearType::All)).context("cannot clear the terminal")?;
            self.terminal.swap_buffers();
            self.terminal.swap_buffers();
            self.dirty = true;
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
        if self.dirty && terminal::in_foreground() {
            self.terminal
                .draw(|f| f.render_widget(&*app, f.area()))
                .context("cannot draw")?;
            self.dirty = false;
        }
        Ok(())
    }

    /// Block for the next message; while work is pending, no longer than a
    /// [`TICK`] of the progress indicator (a timeout: time to move it). An
    /// idle reader uses no CPU.
    fn wait(&self, app: &App) -> Result<Msg, RecvTimeoutError> {
        if app.busy() {
            self.rx.recv_timeout(TICK)
        } else {
            self.rx.recv().map_err(|_| RecvTimeoutError::Disconnected)
        }
    }

    /// Take in one message; a new size is kept in `resized` for after the batch.
    fn take(&mut self, app: &mut App, m: Msg, resized: &mut Option<(u16, u16)>) -> Result<()> {
        match m {
            Msg::Term(Event::Resize(w, h)) => *resized = Some((w, h)),
            Msg::Term(ev) => {
                #[cfg(debug_assertions)]
                if matches!(ev, Event::Key(_)) {
                    crate::test_panic("ui");
                }
                // Mouse motion changes nothing and draws nothing.
                self.dirty |= app.on_event(&ev);
            }
            Msg::Worker(g, d) if g == self.workers.generation => {
                app.on_done(d);
                self.dirty = true;
            }
            Msg::Worker(..) => {}
            Msg::Loaded(arts, warnings) => {
                let arts = Arc::new(arts);
                self.workers.restart(arts.clone());
                app.loaded(arts, &warnings);
                self.dirty = true;
            }
            Msg::Laid(l) => {
                app.on_laid_out(l);
                self.dirty = true;
            }
            Msg::Redraw => {
                // The size may have changed while copycat was stopped.
                if let Ok(size) = self.terminal.size() {
                    *resized = Some((size.width, size.height));
                }
                self.full_redraw = true;
            }
            Msg::InputFailed(e) => return Err(e).context("cannot read the terminal"),
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    /// The first path segment of each item a `use` tree names, from just
    /// after `super::` or `crate::ui::`: `{a::B, c}` gives `a`, `c`.
    fn heads(rest: &str) -> Vec<String> {
        let ident = |s: &str| -> String {
            s.chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect()
        };
        let Some(group) = rest.strip_prefix('{') else {
            return vec![ident(rest)];
        };
        let (mut depth, mut start, mut out) = (0, 0, Vec::new());
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    out.push(ident(group[start..i].trim()));
                    break;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(ident(group[start..i].trim()));
                    start = i + 1;
                }
                _ => {}
            }
        }
        out
    }

    /// Regression: `ui/list.rs` and `ui/app` imported each other (the
    /// list drew itself from the `App`), and `ui/events.rs` took its types
    /// from `ui/mod.rs`, which imports it. A module of `ui` may use a sibling
    /// only if that sibling does not use it back, directly or through
    /// others; tests inside a file are left out.
    #[test]
    fn no_module_of_ui_imports_one_that_imports_it_back() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
        let mut files: BTreeMap<String, String> = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).expect("src/ui") {
            let path = entry.expect("an entry").path();
            let name: String = path.file_stem().expect("a name").to_string_lossy().into();
            if path.extension().is_some_and(|e| e == "rs") {
                files.insert(name, std::fs::read_to_string(&path).expect("read"));
            } else if path.is_dir() {
                // A module split over a folder (`app/`) is one module: its
                // files' `super::` is the module itself; its tests are not
                // its imports.
                let mut text = std::fs::read_to_string(path.join("mod.rs")).unwrap_or_default();
                for part in std::fs::read_dir(&path).expect("a module folder") {
                    let part = part.expect("an entry").path();
                    let stem = part.file_stem().map(|s| s.to_string_lossy().into_owned());
                    if matches!(stem.as_deref(), Some("mod" | "tests") | None) {
                        continue;
                    }
                    let child = std::fs::read_to_string(&part).expect("read");
                    text.push('\n');
                    text.push_str(&child.replace("super::", "self::"));
                }
                files.insert(name, text);
            }
        }
        let modules: BTreeSet<String> = files.keys().cloned().collect();
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (name, text) in &files {
            let code = text
                .split("#[cfg(test)]\nmod tests {")
                .next()
                .unwrap_or(text);
            let code: String = code
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .collect::<Vec<_>>()
                .join("\n");
            let mut uses = BTreeSet::new();
            for pat in ["super::", "crate::ui::"] {
                for (at, _) in code.match_indices(pat) {
                    for head in heads(&code[at + pat.len()..]) {
                        // `super::X` where X is defined in mod.rs itself.
                        let m = if modules.contains(&head) {
                            head
                        } else {
                            "mod".into()
                        };
                        if m != *name && (name != "mod" || pat == "crate::ui::") {
                            uses.insert(m);
                        }
                    }
                }
            }
            if name == "mod" {
                // The parent's own uses of its children: `app::App`.
                for m in &modules {
                    if code.contains(&format!("use {m}::")) || code.contains(&format!(" {m}::")) {
                        uses.insert(m.clone());
                    }
                }
                uses.remove("mod");
            }
            edges.insert(name.clone(), uses);
        }
        assert!(edges["list"].contains("part") && edges["app"].contains("overlay"));
        // Depth-first: a module met again on the path is a cycle.
        fn visit(
            m: &str,
            edges: &BTreeMap<String, BTreeSet<String>>,
            path: &mut Vec<String>,
            done: &mut BTreeSet<String>,
        ) {
            if let Some(at) = path.iter().position(|p| p == m) {
                panic!("import cycle in ui: {} → {m}", path[at..].join(" → "));
            }
            if done.contains(m) {
                return;
            }
            path.push(m.to_string());
            for next in edges.get(m).into_iter().flatten() {
                visit(next, edges, path, done);
            }
            path.pop();
            done.insert(m.to_string());
        }
        let mut done = BTreeSet::new();
        for m in edges.keys() {
            visit(m, &edges, &mut Vec::new(), &mut done);
        }
    }
}
