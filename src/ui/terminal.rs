//! Taking over the terminal and giving it back exactly once, whichever way
//! copycat stops: a quit, an error, a signal or a panic on any thread.
//!
//! What copycat changed (raw mode, the alternate screen, mouse capture, the
//! hidden cursor) is recorded in one atomic, and [`leave`] undoes it all and
//! clears the record, so a second call writes nothing. That matters after a
//! panic: leaving the alternate screen also restores the cursor saved on
//! entering it, so a second "leave" written after the panic message would put
//! the cursor back above the message and the shell prompt would overwrite it.
//!
//! The panic hook, installed before the terminal changes, runs on the thread
//! that panicked. While copycat owns the terminal it holds standard output
//! (so no other thread draws after this point), restores the terminal, lets
//! the hook it replaced (the binary's one-line message) print on the normal
//! screen, and ends the process with 1, copycat's exit code for a bug. Ending there rather than
//! unwinding keeps every later write (a drop guard, the UI thread drawing
//! over the message after a worker died) off the screen, and a panic on a
//! worker thread cannot leave the UI running on a terminal it gave back.

use std::io::{self, Write};
use std::panic;
use std::process;
use std::sync::atomic::{AtomicU8, Ordering};
use std::sync::{Mutex, Once};

use crossterm::cursor::Show;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::queue;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::DefaultTerminal;
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// What copycat has changed and must undo: raw mode and the alternate screen.
const OWNED: u8 = 1;
/// Mouse capture, on top of `OWNED`.
const MOUSE: u8 = 2;

static STATE: AtomicU8 = AtomicU8::new(0);

/// Held while the terminal is handed over and taken back (a suspend, a
/// resume), which may happen on the input and signal threads at once.
static TRANSITION: Mutex<()> = Mutex::new(());

/// Gives the terminal back when dropped (a quit, an error, a signal).
#[must_use = "the terminal is given back when the guard is dropped"]
pub struct Guard(());

impl Drop for Guard {
    fn drop(&mut self) {
        leave();
    }
}

/// Raw mode, the alternate screen and, with `mouse`, mouse capture. On an
/// error the steps already taken are undone before it is returned.
pub fn enter(mouse: bool) -> io::Result<(DefaultTerminal, Guard)> {
    install_panic_hook();
    enable_raw_mode()?;
    STATE.store(OWNED, Ordering::SeqCst);
    let guard = Guard(());
    let mut out = io::stdout();
    // Bracketed paste: a paste arrives as one event (text for a prompt),
    // never as keys that would quit or jump.
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if mouse {
        STATE.store(OWNED | MOUSE, Ordering::SeqCst);
        queue!(out, EnableMouseCapture)?;
    }
    out.flush()?;
    let terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    Ok((terminal, guard))
}

/// Undo everything [`enter`] did, once; true when there was something to undo.
pub fn leave() -> bool {
    let state = STATE.swap(0, Ordering::SeqCst);
    if state & OWNED == 0 {
        return false;
    }
    let mut out = io::stdout().lock();
    // Raw mode first: it has the wider effects (ratatui's order too).
    let _ = disable_raw_mode();
    if state & MOUSE != 0 {
        let _ = queue!(out, DisableMouseCapture);
    }
    let _ = queue!(out, DisableBracketedPaste, Show, LeaveAlternateScreen);
    let _ = out.flush();
    true
}

/// Put back what `state` records, after [`leave`] undid it.
fn take_back(state: u8) -> io::Result<()> {
    enable_raw_mode()?;
    STATE.store(state, Ordering::SeqCst);
    let mut out = io::stdout().lock();
    queue!(out, EnterAlternateScreen, EnableBracketedPaste)?;
    if state & MOUSE != 0 {
        queue!(out, EnableMouseCapture)?;
    }
    out.flush()
}

/// Whether copycat's process group owns the terminal (the foreground job).
/// A job continued in the background (`bg`) must not draw: its frames would
/// land on the shell's screen. Where it cannot be told, assume so.
pub fn in_foreground() -> bool {
    let out = io::stdout();
    match rustix::termios::tcgetpgrp(&out) {
        Ok(pgrp) => pgrp == rustix::process::getpgrp(),
        Err(_) => true,
    }
}

/// Give the terminal back and end the process with `code`, from any thread
/// and whatever the others are doing (a signal arrives while the UI thread
/// is busy). Standard output is held until the end, so no other thread
/// draws after the restore.
pub fn leave_and_exit(code: i32) -> ! {
    let _hold = io::stdout().lock();
    leave();
    process::exit(code);
}

/// Ctrl-Z or SIGTSTP: give the terminal back, stop the process as the
/// shell expects, and take the terminal again when it continues (`fg`).
/// The caller then redraws the whole screen.
pub fn suspend() -> io::Result<()> {
    let _t = TRANSITION.lock().unwrap_or_else(|e| e.into_inner());
    // Held across the stop: no thread draws on the shell's screen.
    let _hold = io::stdout().lock();
    let state = STATE.load(Ordering::SeqCst);
    leave();
    // SIGSTOP, not SIGTSTP: copycat handles SIGTSTP itself (by coming here).
    signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
    if state & OWNED != 0 {
        take_back(state)?;
    }
    Ok(())
}

/// SIGCONT: the process was stopped by something else (`kill -STOP`) and the
/// shell may have reset the terminal meanwhile: raw mode, the alternate
/// screen and mouse capture are set again, and the caller redraws (`true`).
/// Continued in the background (`bg`), copycat may not touch the terminal:
/// it stops until `fg` gives the terminal back (`wait_for_foreground`), or
/// returns `false` where it never can.
pub fn reassert() -> io::Result<bool> {
    let _t = TRANSITION.lock().unwrap_or_else(|e| e.into_inner());
    let _hold = io::stdout().lock();
    let state = STATE.load(Ordering::SeqCst);
    if state & OWNED == 0 {
        return Ok(false);
    }
    if !wait_for_foreground()? {
        return Ok(false);
    }
    // Raw mode again from the modes saved on entry: enabling it while it is
    // on (as crossterm believes) would do nothing.
    let _ = disable_raw_mode();
    take_back(state)?;
    Ok(true)
}

/// Stop until copycat's process group owns the terminal, as a job that needs
/// it does: `true` once it does, `false` where it never will (an orphaned
/// job, whose shell is gone). Setting the terminal's modes from a
/// background job makes the kernel stop the job (SIGTTOU), the check and
/// the stop one step; `fg` continues it with the terminal given first.
/// Checking, then raising SIGSTOP, raced with `fg`: the shell could give
/// the terminal back between the two, and the reader stopped again in the
/// foreground (the pty test `continued_in_the_background_the_reader_waits_for_fg`
/// failed so on a loaded machine).
fn wait_for_foreground() -> io::Result<bool> {
    let out = io::stdout();
    while !in_foreground() {
        let modes = rustix::termios::tcgetattr(&out)?;
        match rustix::termios::tcsetattr(&out, rustix::termios::OptionalActions::Now, &modes) {
            Err(rustix::io::Errno::INTR) => {}
            Err(rustix::io::Errno::IO) => return Ok(false),
            Err(e) => return Err(e.into()),
            // Let through in the background: SIGTTOU is ignored or blocked
            // (the parent's choice), so stop as a shell's job would.
            Ok(()) if !in_foreground() => {
                signal_hook::low_level::raise(signal_hook::consts::SIGSTOP)?;
            }
            Ok(()) => {}
        }
    }
    Ok(true)
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let message = panic::take_hook();
        panic::set_hook(Box::new(move |info| {
            // Held until the process ends: the lock is reentrant, so this
            // thread can still write, and every other thread now blocks.
            let _hold = io::stdout().lock();
            let restored = leave();
            message(info);
            if restored {
                process::exit(1);
            }
        }));
    });
}
