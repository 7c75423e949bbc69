//! The real `copycat` binary in a pseudo-terminal, its screen parsed by
//! `vt100`, shared by the end-to-end tests (`pty.rs`, `hostile.rs`).
//!
//! Nothing here depends on timing: each wait polls the parsed screen under
//! one generous deadline for the whole session, and fails with the screen as
//! it was.

// Each test binary that includes this uses only part of it.
#![allow(dead_code)]

use std::ffi::OsStr;
use std::io::{Read, Write};
use std::sync::mpsc::{self, Receiver};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

pub const ROWS: u16 = 40;
pub const COLS: u16 = 130;
/// For the whole session, not per step: a slow CI machine only makes it slower.
const DEADLINE: Duration = Duration::from_secs(180);

/// What the terminal was asked to do besides drawing.
#[derive(Default)]
pub struct Seen {
    pub titles: Vec<Vec<u8>>,
    pub clipboard: Vec<Vec<u8>>,
    pub bells: usize,
    pub osc: usize,
}

impl vt100::Callbacks for Seen {
    fn audible_bell(&mut self, _: &mut vt100::Screen) {
        self.bells += 1;
    }
    fn set_window_title(&mut self, _: &mut vt100::Screen, title: &[u8]) {
        self.titles.push(title.to_vec());
    }
    fn set_window_icon_name(&mut self, _: &mut vt100::Screen, name: &[u8]) {
        self.titles.push(name.to_vec());
    }
    fn copy_to_clipboard(&mut self, _: &mut vt100::Screen, _: &[u8], data: &[u8]) {
        self.clipboard.push(data.to_vec());
    }
    fn paste_from_clipboard(&mut self, _: &mut vt100::Screen, ty: &[u8]) {
        self.clipboard.push(ty.to_vec());
    }
    fn unhandled_osc(&mut self, _: &mut vt100::Screen, _: &[&[u8]]) {
        self.osc += 1;
    }
}

pub struct Session {
    pub parser: vt100::Parser<Seen>,
    /// Every byte copycat wrote, in order.
    pub bytes: Vec<u8>,
    output: Receiver<Vec<u8>>,
    /// Shared so that a long write (a paste bigger than the pty's buffer,
    /// which blocks until copycat reads) can run on a thread of its own.
    writer: std::sync::Arc<std::sync::Mutex<Box<dyn Write + Send>>>,
    pub child: Box<dyn Child + Send + Sync>,
    // Kept open for the life of the session: dropping it hangs up the child.
    master: Box<dyn MasterPty + Send>,
    deadline: Instant,
}

impl Session {
    pub fn start<S: AsRef<OsStr>>(args: &[S]) -> Session {
        Session::start_with(args, &[])
    }

    /// Start copycat with `args` and extra environment variables.
    pub fn start_with<S: AsRef<OsStr>>(args: &[S], env: &[(&str, &str)]) -> Session {
        Session::start_in(None, args, env)
    }

    /// Start copycat in the working folder `dir` (the test's own when
    /// `None`) with `args` and extra environment variables.
    pub fn start_in<S: AsRef<OsStr>>(
        dir: Option<&std::path::Path>,
        args: &[S],
        env: &[(&str, &str)],
    ) -> Session {
        Session::start_program(env!("CARGO_BIN_EXE_copycat"), dir, args, env)
    }

    /// Start `program` (a shell that runs copycat, say) with `args`, in the
    /// working folder `dir` (the test's own when `None`), with copycat's
    /// test environment.
    pub fn start_program<S: AsRef<OsStr>>(
        program: impl AsRef<OsStr>,
        dir: Option<&std::path::Path>,
        args: &[S],
        env: &[(&str, &str)],
    ) -> Session {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        if let Some(dir) = dir {
            cmd.cwd(dir);
        }
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("COPYCAT_TEST_PANIC");
        // The tester's own config file must not rebind the keys tests press.
        cmd.env_remove("COPYCAT_CONFIG");
        cmd.env(
            "XDG_CONFIG_HOME",
            std::env::temp_dir().join("copycat-tests-no-config"),
        );
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
            parser: vt100::Parser::new_with_callbacks(ROWS, COLS, 0, Seen::default()),
            bytes: Vec::new(),
            output,
            writer: std::sync::Arc::new(std::sync::Mutex::new(writer)),
            child,
            master: pty.master,
            deadline: Instant::now() + DEADLINE,
        }
    }

    pub fn take(&mut self, bytes: &[u8]) {
        self.parser.process(bytes);
        self.bytes.extend_from_slice(bytes);
    }

    /// Feed the parser whatever copycat has written so far.
    pub fn drain(&mut self) {
        while let Ok(bytes) = self.output.try_recv() {
            self.take(&bytes);
        }
    }

    pub fn screen(&self) -> String {
        self.parser.screen().contents()
    }

    /// Feed output to the parser until `done` holds for the screen's text.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        self.wait_screen(what, |s| done(&s.contents()));
    }

    /// Feed output to the parser until `done` holds for the screen.
    pub fn wait_screen(&mut self, what: &str, done: impl Fn(&vt100::Screen) -> bool) {
        loop {
            if done(self.parser.screen()) {
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

    /// Feed output to the parser until `needle` is among the bytes written
    /// from offset `from` on.
    pub fn wait_bytes(&mut self, from: usize, needle: &[u8]) {
        loop {
            if self.bytes[from.min(self.bytes.len())..]
                .windows(needle.len())
                .any(|w| w == needle)
            {
                return;
            }
            let left = self.deadline.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "gave up waiting for {:?}; {} bytes since, ending {:?}; the screen:\n{}",
                String::from_utf8_lossy(needle),
                self.bytes.len().saturating_sub(from),
                String::from_utf8_lossy(
                    &self.bytes[self.bytes.len().saturating_sub(300).max(from)..]
                ),
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

    pub fn wait_text(&mut self, text: &str) {
        let t = text.to_string();
        self.wait_for(&format!("{text:?}"), move |s| s.contains(&t));
    }

    pub fn send(&mut self, keys: &str) {
        let mut w = self.writer.lock().expect("the writer");
        w.write_all(keys.as_bytes()).expect("write keys");
        w.flush().expect("flush keys");
    }

    /// Write `bytes` on a thread of its own: a write bigger than the pty's
    /// buffer blocks until copycat reads it, and a test that waits for the
    /// screen must fail with it, not hang in the write.
    pub fn send_in_background(&mut self, bytes: Vec<u8>) -> thread::JoinHandle<()> {
        let writer = self.writer.clone();
        thread::spawn(move || {
            let mut w = writer.lock().expect("the writer");
            // Fails once the test gave up and the pty is gone; nothing to do.
            let _ = w.write_all(&bytes);
            let _ = w.flush();
        })
    }

    /// Wait for the process to end, keeping what it wrote on the way out.
    pub fn wait_exit(&mut self) -> portable_pty::ExitStatus {
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

    /// The terminal's line discipline settings, as `stty -a` prints them.
    pub fn stty(&self) -> String {
        let tty = self.master.tty_name().expect("the pty's name");
        let out = std::process::Command::new("stty")
            .arg("-F")
            .arg(&tty)
            .arg("-a")
            .output()
            .expect("run stty");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Whether raw mode is on: no line editing, no echo, no signal keys.
    pub fn raw_mode(&self) -> bool {
        let s = self.stty();
        let has = |flag: &str| s.split_whitespace().any(|w| w == flag);
        has("-icanon") && has("-echo") && has("-isig")
    }

    /// The process's state letter in /proc (R, S, T for stopped…).
    pub fn process_state(&self) -> Option<char> {
        state_of(self.child.process_id()?)
    }

    /// Quit with `q`: the reader exits with success and leaves the terminal
    /// as it found it.
    pub fn quit_restored(&mut self) {
        self.send("q");
        assert!(self.wait_exit().success(), "copycat failed on q");
        self.assert_terminal_restored();
    }

    /// The terminal is off the alternate screen, mouse reporting is off, the
    /// cursor is shown and raw mode is off (line editing and echo are back).
    pub fn assert_terminal_restored(&self) {
        let s = self.parser.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse capture left on"
        );
        assert!(!s.hide_cursor(), "the cursor was left hidden");
        let stty = self.stty();
        let has = |flag: &str| stty.split_whitespace().any(|w| w == flag);
        assert!(
            has("icanon") && has("echo") && has("isig"),
            "raw mode left on: {stty}"
        );
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        // Only on a failed test is the child still running.
        let _ = self.child.kill();
    }
}

/// A process's state letter in /proc (R, S, T for stopped…).
pub fn state_of(pid: u32) -> Option<char> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // After the command name in parentheses (which may hold spaces).
    stat.rsplit_once(") ")?.1.chars().next()
}

/// The pid of a child of `parent` whose command is `comm`.
pub fn child_named(parent: u32, comm: &str) -> Option<u32> {
    std::fs::read_dir("/proc").ok()?.find_map(|e| {
        let pid: u32 = e.ok()?.file_name().to_str()?.parse().ok()?;
        let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
        let (head, rest) = stat.rsplit_once(") ")?;
        let name = head.split_once(" (")?.1;
        let ppid: u32 = rest.split_whitespace().nth(1)?.parse().ok()?;
        (ppid == parent && name == comm).then_some(pid)
    })
}
