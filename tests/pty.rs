//! End to end: the real `copycat` binary in a pseudo-terminal, its screen
//! parsed by `vt100`, driven by keys as a user would; and how it leaves the
//! terminal after a quit, a signal or a panic.
//!
//! Nothing here depends on timing: each step polls the parsed screen until
//! the expected text appears, under one generous deadline for the whole test,
//! and fails with the screen as it was.

use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

const ROWS: u16 = 40;
const COLS: u16 = 130;
/// For the whole test, not per step: a slow CI machine only makes it slower.
const DEADLINE: Duration = Duration::from_secs(120);

struct Session {
    parser: vt100::Parser,
    /// Every byte copycat wrote, in order.
    bytes: Vec<u8>,
    output: Receiver<Vec<u8>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    // Kept open for the life of the session: dropping it hangs up the child.
    _master: Box<dyn MasterPty + Send>,
    deadline: Instant,
}

impl Session {
    fn start(args: &[&str]) -> Session {
        Session::start_with(args, &[])
    }

    fn start_with(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_copycat"));
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COPYCAT_TEST_PANIC");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pty.slave.spawn_command(cmd).expect("spawn copycat");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let writer = pty.master.take_writer().expect("pty writer");
        let (tx, output) = mpsc::channel();
        thread::spawn(move || {
            let mut buf = [0u8; 8192];
            loop {
                match reader.read(&mut buf) {
                    Ok(0) | Err(_) => break,
                    Ok(n) => {
                        if tx.send(buf[..n].to_vec()).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Session {
            parser: vt100::Parser::new(ROWS, COLS, 0),
            bytes: Vec::new(),
            output,
            writer,
            child,
            _master: pty.master,
            deadline: Instant::now() + DEADLINE,
        }
    }

    fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.bytes.extend_from_slice(bytes);
    }

    fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feed output to the parser until `done` holds for the screen.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        loop {
            if done(&self.screen()) {
                return;
            }
            let left = self.deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "gave up waiting for {what}; the screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(200)))
            {
                self.take(&bytes);
            }
        }
    }

    fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| s.contains(&t));
    }

    fn send(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).expect("write keys");
        self.writer.flush().expect("flush keys");
    }

    /// Wait for the process to end, parsing what it printed on the way out.
    fn wait_exit(&mut self) -> portable_pty::ExitStatus {
        loop {
            while let Ok(bytes) = self.output.try_recv() {
                self.take(&bytes);
            }
            if let Some(status) = self.child.try_wait().expect("poll the child") {
                // The last bytes (the restore sequences) may still be in
                // flight: read until the reader sees the pty close.
                loop {
                    let left = self.deadline.saturating_duration_since(Instant::now());
                    match self.output.recv_timeout(left) {
                        Ok(bytes) => self.take(&bytes),
                        Err(mpsc::RecvTimeoutError::Disconnected) => return status,
                        Err(mpsc::RecvTimeoutError::Timeout) => {
                            panic!("the pty stayed open after copycat exited")
                        }
                    }
                }
            }
            let left = self.deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "copycat did not exit; the screen:\n{}",
                self.screen()
            );
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(100)))
            {
                self.take(&bytes);
            }
        }
    }

    fn assert_terminal_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Only on a failed test is the child still running.
        let _ = self.child.kill();
    }
}

#[test]
fn a_user_chooses_a_pair_steps_links_and_pairs_reads_help_and_quits() {
    let mut s = Session::start(&[]);
    // The first screen: ranking done, the most reused pair aligned.
    s.wait_for("the first pair", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    assert!(s.parser.screen().alternate_screen());
    assert!(
        s.screen()
            .contains("Trump Administration’s Ukraine Peace Plan")
    );

    // Choose a pair in the list: Tab to it, the second article as A, the
    // third as B (two articles that share passages).
    s.send("\t");
    s.wait_text("Enter set A");
    s.send("gj\r");
    s.wait_for("the second article as A", |t| {
        t.lines()
            .nth(1)
            .is_some_and(|l| l.contains("US Peace Plan for Ukraine Influenced"))
    });
    s.send("j ");
    s.wait_for("the third article as B", |t| {
        t.lines()
            .nth(1)
            .is_some_and(|l| l.contains("The U.S.-backed 28-point peace plan"))
    });

    s.wait_for("the new pair to be aligned", |t| {
        !t.contains("aligning") && t.contains("B copied")
    });
    // n focuses the first link of this pair.
    s.send("\tn");
    s.wait_text("link 1/");

    // ] steps to the next ranked pair; [ comes back.
    let last_line = |t: &str| t.lines().last().unwrap_or_default().to_string();
    let before = last_line(&s.screen());
    s.send("]");
    s.wait_for("the next ranked pair", move |t| {
        let now = last_line(t);
        now != before && now.contains("pair ")
    });

    // ? shows the help built from the keymap; Esc closes it.
    s.send("?");
    s.wait_text("Legend");
    s.wait_text("next link");
    s.send("\x1b");
    s.wait_for("the help to close", |t| !t.contains("Legend"));

    // / searches, with a count.
    s.send("/plan\r");
    s.wait_for("a match count", |t| t.contains("“plan” 1/"));

    // The mouse wheel over pane B scrolls it (SGR mouse report, as terminals
    // send once copycat has turned mouse capture on).
    assert_ne!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    let border = |t: &str| t.lines().rev().nth(1).unwrap_or_default().to_string();
    let before = border(&s.screen());
    s.send("\x1b[<65;100;20M\x1b[<65;100;20M");
    s.wait_for("the wheel to scroll", move |t| border(t) != before);

    // Ctrl-L redraws everything.
    s.send("\x0c");
    s.wait_text("B copied");

    s.send("q");
    let status = s.wait_exit();
    assert!(
        status.success(),
        "exit status {status:?}; the screen:\n{}",
        s.screen()
    );
    s.assert_terminal_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let mut s = Session::start(&["--no-color"]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    assert!(s.parser.screen().alternate_screen());
    let pid = s.child.process_id().expect("child pid");
    let killed = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success());
    s.wait_exit();
    s.assert_terminal_restored();
}

#[test]
fn no_mouse_leaves_mouse_reporting_off() {
    let mut s = Session::start(&["--no-mouse"]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    assert_eq!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    s.send("\x03");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

/// Where `needle` last occurs in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// After a deliberate panic (`COPYCAT_TEST_PANIC`, debug builds only): the
/// exit code is 101, the terminal is back to normal, the message comes after
/// the last byte of the restore, nothing is written after the message, and
/// the cursor is below the message, where the shell prompt will go.
fn check_panic_exit(mut s: Session, place: &str) {
    let status = s.wait_exit();
    assert_eq!(
        status.exit_code(),
        101,
        "{status:?}; the screen:\n{}",
        s.screen()
    );
    s.assert_terminal_restored();
    assert!(
        !s.parser.screen().hide_cursor(),
        "the cursor was left hidden"
    );

    let message = format!("COPYCAT_TEST_PANIC={place}: a deliberate panic");
    let bytes = &s.bytes;
    let entered = rfind(bytes, b"\x1b[?1049h").expect("the alternate screen was entered");
    let left = rfind(bytes, b"\x1b[?1049l").expect("the alternate screen was left");
    let said = rfind(bytes, message.as_bytes()).expect("the panic message");
    let panicked = rfind(&bytes[..said], b"panicked at").expect("the panic header");
    assert!(
        entered < left && left < panicked,
        "restore after the message"
    );
    for (what, seq) in [
        ("mouse capture off", "\x1b[?1000l"),
        ("cursor shown", "\x1b[?25h"),
    ] {
        let at = rfind(bytes, seq.as_bytes()).unwrap_or_else(|| panic!("no {what}"));
        assert!(at < panicked, "{what} after the message");
    }
    assert!(
        !bytes[panicked..].contains(&0x1b),
        "an escape sequence after the message: {:?}",
        String::from_utf8_lossy(&bytes[panicked..])
    );

    let screen = s.parser.screen();
    let row = screen
        .rows(0, COLS)
        .position(|r| r.contains("deliberate panic"))
        .unwrap_or_else(|| panic!("the message is not on the screen:\n{}", s.screen()));
    assert!(
        usize::from(screen.cursor_position().0) > row,
        "the cursor went back above the message; the screen:\n{}",
        s.screen()
    );
}

#[test]
fn a_panic_in_the_ui_thread_restores_the_terminal_then_prints_the_message() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the panic trigger exists in debug builds only");
        return;
    }
    let mut s = Session::start_with(
        &[],
        &[("COPYCAT_TEST_PANIC", "ui"), ("RUST_BACKTRACE", "0")],
    );
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    assert!(s.parser.screen().alternate_screen());
    assert_ne!(
        s.parser.screen().mouse_protocol_mode(),
        vt100::MouseProtocolMode::None
    );
    // The first key panics.
    s.send("j");
    check_panic_exit(s, "ui");
}

#[test]
fn a_panic_in_the_worker_thread_restores_the_terminal_then_prints_the_message() {
    if !cfg!(debug_assertions) {
        eprintln!("skipped: the panic trigger exists in debug builds only");
        return;
    }
    // The worker panics at its first job, while the UI thread draws.
    let s = Session::start_with(
        &[],
        &[("COPYCAT_TEST_PANIC", "worker"), ("RUST_BACKTRACE", "0")],
    );
    check_panic_exit(s, "worker");
}
