//! The `copycat` binary: parse the arguments, run, print errors once, and
//! map the outcome to an exit code. What each command does is in `cli`.

mod cli;

use std::process::ExitCode;

use clap::Parser;

use copycat::article::safe_line;

use cli::args::Cli;
use cli::error::{UserError, exit, is_broken_pipe};

/// At most two malloc arenas (glibc). By default glibc gives threads that
/// allocate at once arenas of their own, up to eight a core, and memory freed
/// in one is not used for another: the aligner's threads, the reader's
/// worker and its layout thread each kept their own peak resident (the
/// reader on `scripts/memory.sh`'s re-translation pair, two 7 MB files, in
/// one measurement: 454 MiB with the default, 350 MiB with two arenas; the
/// README's "Memory" gives the figures it now holds to). Two keep the two
/// threads of a pair's work from waiting on one lock.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn cap_malloc_arenas() {
    // SAFETY: mallopt only sets a parameter of the allocator; it is called
    // before any other thread exists.
    unsafe {
        libc::mallopt(libc::M_ARENA_MAX, 2);
    }
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn cap_malloc_arenas() {}

fn main() -> ExitCode {
    cap_malloc_arenas();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        // --help and --version are not errors, but their output must arrive:
        // written with the same care as any output (`--help >/dev/full` is
        // exit 2 with one line, not a silent 0).
        Err(e) if !e.use_stderr() => {
            use std::io::IsTerminal;
            let styled = e.render();
            let colour = std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty());
            let text = if colour {
                styled.ansi().to_string()
            } else {
                styled.to_string()
            };
            return match cli::output::write_out(&text) {
                Ok(()) => ExitCode::from(exit::OK),
                Err(e) => report(&e),
            };
        }
        // A usage mistake: one line of our own, exit 2.
        Err(e) => {
            eprintln!("copycat: {}", cli::usage::usage_error(&e));
            return ExitCode::from(exit::USAGE);
        }
    };
    // A panic is a bug: one line saying so, and exit 1 (the reader installs
    // its own hook, which restores the terminal first). Only the first panic
    // is told: workers running the same code may all hit it.
    static TOLD: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
    std::panic::set_hook(Box::new(|info| {
        if TOLD.swap(true, std::sync::atomic::Ordering::SeqCst) {
            return;
        }
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "copycat: internal error (a bug: please report it): {}{at}",
            safe_line(&what)
        );
    }));
    match std::panic::catch_unwind(|| cli::run(cli)) {
        Ok(Ok(())) => ExitCode::from(exit::OK),
        // The hook has said what happened.
        Err(_) => ExitCode::from(exit::BUG),
        Ok(Err(e)) => report(&e),
    }
}

/// Tell a failed run in one line and pick its exit code.
fn report(e: &anyhow::Error) -> ExitCode {
    if is_broken_pipe(e) {
        // `copycat … | head` closing early is not an error.
        return ExitCode::from(exit::OK);
    }
    if let Some(u) = e.downcast_ref::<UserError>() {
        eprintln!("copycat: {}", safe_line(&u.to_string()));
        return ExitCode::from(exit::USAGE);
    }
    // Each cause in the system's words, without "(os error N)".
    let what: Vec<String> = e
        .chain()
        .map(|c| match c.downcast_ref::<std::io::Error>() {
            Some(io) => copycat::outfile::os_text(io),
            None => c.to_string(),
        })
        .collect();
    eprintln!("copycat: {}", safe_line(&what.join(": ")));
    ExitCode::from(exit::BUG)
}
