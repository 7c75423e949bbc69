//! End to end: the real `copycat` binary in a pseudo-terminal, its screen
//! parsed by `vt100`, driven by keys as a user would; and how it leaves the
//! terminal after a quit, a signal or a panic.
//!
//! Nothing here depends on timing: each step polls the parsed screen until
//! the expected text appears, under one generous deadline for the whole test,
//! and fails with the screen as it was.

#[path = "common/session.rs"]
mod session;

use session::{COLS, Session};

#[test]
fn a_user_chooses_a_pair_steps_links_and_pairs_reads_help_and_quits() {
    let mut s = Session::start::<&str>(&[]);
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

fn kill(s: &Session, signal: &str) {
    let pid = s.child.process_id().expect("child pid");
    let killed = std::process::Command::new("kill")
        .args(["-s", signal, &pid.to_string()])
        .status()
        .expect("run kill");
    assert!(killed.success(), "kill -s {signal}");
}

/// Regression: only TERM and HUP were caught, and they exited 0; INT (as
/// `timeout -s INT`, a supervising shell or a test runner sends it), QUIT,
/// USR1, USR2 and ALRM left the terminal on the alternate screen, raw, with
/// the cursor hidden and mouse capture on. Each now restores the terminal
/// and exits 128 + the signal, as `less` and `vim` do.
fn a_signal_restores_the_terminal_and_exits_128_plus_it(signal: &str, number: u32) {
    let mut s = Session::start::<&str>(&[]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    assert!(s.parser.screen().alternate_screen());
    assert!(s.raw_mode(), "raw mode is on while reading: {}", s.stty());
    kill(&s, signal);
    let status = s.wait_exit();
    assert_eq!(status.exit_code(), 128 + number, "SIG{signal}: {status:?}");
    s.assert_terminal_restored();
}

#[test]
fn sigint_restores_the_terminal_and_exits_130() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("INT", 2);
}

#[test]
fn sigquit_restores_the_terminal_and_exits_131() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("QUIT", 3);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("TERM", 15);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("HUP", 1);
}

#[test]
fn sigusr1_restores_the_terminal_and_exits_138() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("USR1", 10);
}

#[test]
fn sigusr2_restores_the_terminal_and_exits_140() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("USR2", 12);
}

#[test]
fn sigalrm_restores_the_terminal_and_exits_142() {
    a_signal_restores_the_terminal_and_exits_128_plus_it("ALRM", 14);
}

/// Ctrl-Z (a key in raw mode) and SIGTSTP (from `kill`, or a shell) give the
/// terminal back and stop the process; SIGCONT (`fg`) takes the terminal
/// again and redraws the whole screen.
#[test]
fn ctrl_z_and_sigtstp_suspend_and_sigcont_resumes_with_a_redraw() {
    let mut s = Session::start::<&str>(&[]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    for how in ["Ctrl-Z", "SIGTSTP"] {
        match how {
            "Ctrl-Z" => s.send("\x1a"),
            _ => kill(&s, "TSTP"),
        }
        s.wait_screen("the terminal given back", |sc| !sc.alternate_screen());
        // Stopped ('T'), with the terminal as the shell wants it.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while s.process_state() != Some('T') {
            assert!(std::time::Instant::now() < deadline, "{how}: not stopped");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
        s.assert_terminal_restored();
        // What the shell wrote meanwhile is on the normal screen; `fg`.
        s.take(b"\x1b[2J$ fg\r\n");
        let mark = s.bytes.len();
        kill(&s, "CONT");
        // Redrawn in full: the unchanged status line is written again
        // (after a clear, ratatui moves the cursor over spaces).
        s.wait_bytes(mark, b"dropped");
        s.wait_screen("the reader back", |sc| {
            sc.alternate_screen() && sc.contents().contains("pair 1/")
        });
        assert!(s.raw_mode(), "{how}: raw mode is on again: {}", s.stty());
        assert_ne!(
            s.parser.screen().mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "{how}: mouse capture is on again"
        );
        // Keys work again.
        s.send("?");
        s.wait_text("Legend");
        s.send("\x1b");
        s.wait_for("the help to close", |t| !t.contains("Legend"));
    }
    s.quit_restored();
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

/// `copycat A B --common SOURCE`: the reader aligns the pair with the common
/// text and its status bar says what was set apart; q quits cleanly.
#[test]
fn the_reader_sets_apart_what_a_pair_has_from_a_common_text() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    let named = |key: &str| {
        std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|p| p.to_string_lossy().contains(key))
            .unwrap()
    };
    let (a, b, source) = (
        named("palakshi"),
        named("undated-rewrite"),
        named("reuters"),
    );
    let mut s = Session::start(&[
        a.as_os_str(),
        b.as_os_str(),
        "--common".as_ref(),
        source.as_os_str(),
    ]);
    s.wait_for("the pair aligned with the common text", |t| {
        t.lines()
            .last()
            .is_some_and(|l| l.contains("8 matches set apart") && l.contains("0 links"))
    });
    // A page down, the runs set apart say so, on both sides.
    s.send(" ");
    s.wait_for("a run set apart, with its note", |t| {
        t.lines()
            .any(|l| l.contains("≡ set apart with B ¶2") && l.contains("≡ set apart with A ¶8"))
    });
    s.send("q");
    assert!(s.wait_exit().success());
    s.assert_terminal_restored();
}

/// Where `needle` last occurs in `hay`.
fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

/// After a deliberate panic (`COPYCAT_TEST_PANIC`, debug builds only): the
/// exit code is 1 (an internal error), the terminal is back to normal, the message comes after
/// the last byte of the restore, nothing is written after the message, and
/// the cursor is below the message, where the shell prompt will go.
fn check_panic_exit(mut s: Session, place: &str) {
    let status = s.wait_exit();
    assert_eq!(
        status.exit_code(),
        1,
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
    let panicked = rfind(&bytes[..said], b"copycat: internal error").expect("the panic header");
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
    let mut s = Session::start_with::<&str>(
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
    let s = Session::start_with::<&str>(
        &[],
        &[("COPYCAT_TEST_PANIC", "worker"), ("RUST_BACKTRACE", "0")],
    );
    check_panic_exit(s, "worker");
}

/// Regression: crossterm 0.29 reads one 1 KB chunk per readiness event of an
/// edge-triggered source and leaves the rest (crossterm issue #813), so a
/// paste over about 2.5 KB stalled until more keys arrived. 20 KB pasted
/// into the search prompt, then Enter: the search runs and shows its count.
#[test]
fn a_20_kb_paste_into_search_is_read_whole() {
    let mut s = Session::start::<&str>(&[]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    s.send("/");
    s.wait_text("no matches");
    // Words that are in the articles, so the query is ordinary text.
    let paste = "plan ".repeat(4096);
    assert_eq!(paste.len(), 20480);
    let mut keys = paste.into_bytes();
    keys.push(b'\r');
    let writing = s.send_in_background(keys);
    s.wait_for("the search to be accepted", |t| {
        t.contains("no match for “plan plan plan")
    });
    writing.join().expect("the paste was written");
    s.quit_restored();
}

/// A working folder holding the Palakshi article as `first.txt` and the
/// Reuters story it draws on as `second.txt`: the ranking would make the
/// Reuters story A, the order typed makes it B.
fn typed_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    for (from, to) in [
        (
            "2025-11-26-palakshi-us-plan-influenced-by-kremlin-non-paper.txt",
            "first.txt",
        ),
        (
            "2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt",
            "second.txt",
        ),
    ] {
        std::fs::copy(articles.join(from), dir.path().join(to)).expect("copy an article");
    }
    dir
}

#[test]
fn two_files_open_in_the_order_typed_with_both_names_on_screen() {
    let dir = typed_pair();
    let mut s = Session::start_in(Some(dir.path()), &["first.txt", "second.txt"], &[]);
    s.wait_for("the pair", |t| t.contains("B copied"));
    let top = s.screen().lines().next().unwrap_or_default().to_string();
    let a = top.find("A  first.txt").unwrap_or_else(|| panic!("{top}"));
    let b = top.find("B  second.txt").unwrap_or_else(|| panic!("{top}"));
    assert!(a < b, "{top}");
    // The titles under them are the articles' own.
    let second = s.screen().lines().nth(1).unwrap_or_default().to_string();
    assert!(
        second.find("US Peace Plan for Ukraine") < second.find("The U.S.-backed"),
        "{second}"
    );
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn esc_closes_the_search_and_the_help_and_never_quits() {
    let mut s = Session::start::<&str>(&[]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    s.send("/plan");
    s.wait_text("/plan▏");
    s.send("\x1b");
    s.wait_for("the prompt to close", |t| !t.contains("/plan▏"));
    s.send("?");
    s.wait_text("Legend");
    s.send("\x1b");
    s.wait_for("the help to close", |t| !t.contains("Legend"));
    // Nothing left to close: Esc says how to quit, and stays.
    s.send("\x1b");
    s.wait_text("q quits");
    assert!(s.parser.screen().alternate_screen());
    assert!(
        s.child.try_wait().expect("poll").is_none(),
        "copycat quit on Esc"
    );
    s.quit_restored();
}

/// Regression: one long word froze the reader beyond any quit: laying it
/// out was quadratic in its length and ran on the UI thread, so `q`, Ctrl-C
/// and signals all waited behind it (a 7 MB word: over 15 minutes). Layout is
/// now linear and, for a large pair, off the UI thread: `q` ends the reader
/// at once whatever is being laid out (a liveness check under the session's
/// generous deadline, not a timing).
#[test]
fn q_quits_while_a_huge_word_is_laid_out() {
    let dir = tempfile::tempdir().expect("temp dir");
    let word = dir.path().join("word.txt");
    std::fs::write(&word, "x".repeat(3_000_000)).expect("write the word");
    let other = dir.path().join("other.txt");
    std::fs::write(
        &other,
        "A headline\n\nThe minister resigned on Monday after weeks of pressure.\n",
    )
    .expect("write the other article");
    let mut s = Session::start(&[&word, &other]);
    s.wait_for("the pair", |t| t.contains("A headline"));
    s.quit_restored();
}

#[test]
fn e_writes_the_html_report_in_the_working_folder_and_never_overwrites() {
    let dir = typed_pair();
    let mut s = Session::start_in(Some(dir.path()), &["first.txt", "second.txt"], &[]);
    s.wait_for("the pair", |t| t.contains("B copied"));
    s.send("e");
    s.wait_text("first--second.html");
    let report = dir.path().join("first--second.html");
    let html = std::fs::read_to_string(&report).expect("the report");
    assert!(html.starts_with("<!doctype html>"));
    assert!(html.contains("What B took from A"));
    s.send("e");
    s.wait_text("first--second-2.html");
    assert!(dir.path().join("first--second-2.html").exists());
    assert_eq!(std::fs::read_to_string(&report).expect("kept"), html);
    s.send("q");
    assert!(s.wait_exit().success());
}

#[test]
fn y_sends_the_focused_link_to_the_clipboard_as_osc_52() {
    let dir = typed_pair();
    let mut s = Session::start_in(Some(dir.path()), &["first.txt", "second.txt"], &[]);
    s.wait_for("the pair", |t| t.contains("B copied"));
    s.send("n");
    s.wait_text("link 1/");
    s.send("y");
    s.wait_text("copied link 1");
    // The exact bytes, computed as copycat computes them from the files.
    let read = |name: &str| {
        copycat::article::Article::parse(name, std::fs::read(dir.path().join(name)).expect("read"))
    };
    let (a, b) = (read("first.txt"), read("second.txt"));
    let al = copycat::align::align(&a, &b);
    let text =
        copycat::testing::passage(&a, &b, &al, copycat::testing::Unit::Link(0)).expect("link 1");
    assert!(text.starts_with("A · first.txt · ¶") && text.contains("\n\nB · second.txt · ¶"));
    let want = copycat::testing::osc52(&text);
    assert!(
        s.bytes.windows(want.len()).any(|w| w == want.as_slice()),
        "no {:?} in the output",
        String::from_utf8_lossy(&want)
    );
    // A terminal sees one clipboard request holding the text, and draws nothing.
    let seen = &s.parser.callbacks().clipboard;
    assert_eq!(
        seen.as_slice(),
        [copycat::testing::base64(text.as_bytes()).into_bytes()]
    );
    assert!(!s.screen().contains("52;c;"));
    s.send("q");
    assert!(s.wait_exit().success());
}

/// The Reuters story as `a.txt` and the rewrite that altered its quotation
/// of Trump's post and spelled "Sergei" Lavrov "Sergey" as `b.txt`.
fn flagged_pair() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let articles = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("articles");
    for (from, to) in [
        (
            "2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt",
            "a.txt",
        ),
        (
            "2025-11-26-palakshi-us-plan-influenced-by-kremlin-non-paper.txt",
            "b.txt",
        ),
    ] {
        std::fs::copy(articles.join(from), dir.path().join(to)).expect("copy an article");
    }
    dir
}

/// The foreground colours on screen.
fn colours(s: &Session) -> Vec<vt100::Color> {
    let screen = s.parser.screen();
    let (rows, cols) = screen.size();
    let mut out = Vec::new();
    for r in 0..rows {
        for c in 0..cols {
            if let Some(cell) = screen.cell(r, c) {
                out.push(cell.fgcolor());
            }
        }
    }
    out
}

/// The reworded mark's colour in the light palette (`marks::Mark::look_on`).
const LIGHT_REWORDED: vt100::Color = vt100::Color::Rgb(0x00, 0x69, 0x7a);
/// The same in the dark palette.
const DARK_REWORDED: vt100::Color = vt100::Color::Rgb(0x7f, 0xdc, 0xec);
/// The question for the terminal's background colour.
const OSC11_QUERY: &[u8] = b"\x1b]11;?\x07";

#[test]
fn f_steps_to_each_flag_and_the_panel_lists_them_with_both_sides() {
    let dir = flagged_pair();
    let mut s = Session::start_in(
        Some(dir.path()),
        &["--theme", "dark", "a.txt", "b.txt"],
        &[],
    );
    s.wait_for("the pair", |t| t.contains("B copied") && t.contains("⚑"));
    s.send("f");
    s.wait_for("the first flag on the status line", |t| {
        t.lines().last().is_some_and(|l| l.contains("flag 1/"))
    });
    // Step on to the altered quotation, then to Lavrov's name.
    s.send("f");
    s.wait_text("altered quote Trump’s words");
    s.send("f");
    s.wait_text("name “Sergei” → “Sergey”");
    // F steps back.
    s.send("F");
    s.wait_text("altered quote Trump’s words");
    // ! lists every flag with both sides; Esc closes the list.
    s.send("!");
    s.wait_text("Changed quotations, numbers and names");
    s.wait_text("Minister Sergei Lavrov");
    s.wait_text("Minister Sergey Lavrov");
    s.send("\x1b");
    s.wait_for("the panel to close", |t| {
        !t.contains("Changed quotations, numbers and names")
    });
    s.quit_restored();
}

#[test]
fn theme_light_starts_without_asking_the_terminal() {
    let dir = flagged_pair();
    let mut s = Session::start_in(
        Some(dir.path()),
        &["--theme", "light", "a.txt", "b.txt"],
        &[],
    );
    s.wait_for("the pair", |t| t.contains("B copied"));
    assert!(
        colours(&s).contains(&LIGHT_REWORDED),
        "no text in the light palette's reworded colour"
    );
    s.send("q");
    assert!(s.wait_exit().success());
    assert!(
        !s.bytes.windows(OSC11_QUERY.len()).any(|w| w == OSC11_QUERY),
        "--theme light asked the terminal for its background"
    );
    assert!(
        !s.bytes.windows(3).any(|w| w == b"\x1b[c"),
        "--theme light asked for the device attributes"
    );
}

/// With `auto` (the default) copycat asks for the background colour and
/// takes the palette that reads on it; the answer is never taken for keys.
#[test]
fn theme_auto_asks_the_terminal_and_takes_the_palette_of_its_answer() {
    for (answer, want, other) in [
        // A white background, answered with BEL, then Device Attributes.
        (
            "\x1b]11;rgb:ffff/ffff/ffff\x07\x1b[?62;22c",
            LIGHT_REWORDED,
            DARK_REWORDED,
        ),
        // A dark one in two hex digits, ended by ST.
        (
            "\x1b]11;rgb:1e/1e/1e\x1b\\\x1b[?62;22c",
            DARK_REWORDED,
            LIGHT_REWORDED,
        ),
    ] {
        let dir = flagged_pair();
        // A debug build waits this long for the answer instead of 100 ms,
        // so that a loaded machine cannot make the test miss it.
        let mut s = Session::start_in(
            Some(dir.path()),
            &["a.txt", "b.txt"],
            &[("COPYCAT_TEST_OSC11_WAIT_MS", "120000")],
        );
        s.wait_bytes(0, OSC11_QUERY);
        s.wait_bytes(0, b"\x1b[c");
        s.send(answer);
        // The pair and its link count: while the ranking's spinner shows,
        // the status line may be too narrow for the count.
        s.wait_for("the pair", |t| {
            t.lines()
                .last()
                .is_some_and(|l| l.contains("B copied") && l.contains(" links "))
        });
        let seen = colours(&s);
        assert!(
            seen.contains(&want),
            "{answer:?}: not in the palette it asks for"
        );
        assert!(!seen.contains(&other), "{answer:?}: the other palette");
        // Not one byte of the answer became a key: `/` would have opened the
        // search with `ffff` typed, `r` focused a reworded passage, `c` a
        // copied one; the status line still counts the links, none focused.
        let screen = s.screen();
        let last = screen.lines().last().unwrap_or_default().to_string();
        assert!(
            last.contains("B copied") && last.contains(" links ") && !last.contains("link 1/"),
            "{answer:?}: {last}"
        );
        assert!(
            !screen.contains("ffff") && !screen.contains("62;22"),
            "{screen}"
        );
        assert!(!screen.contains("Legend"));
        s.send("q");
        assert!(s.wait_exit().success(), "{answer:?}");
        s.assert_terminal_restored();
    }
}

/// Regression: a terminal answering after the wait (a slow link) had its
/// answer read as keys: `r` jumped, `/` opened the search with `ffff` typed.
#[test]
fn an_answer_after_the_wait_is_not_taken_for_keys() {
    let dir = flagged_pair();
    // A debug build waits this long: 1 ms, so the answer comes late.
    let mut s = Session::start_in(
        Some(dir.path()),
        &["a.txt", "b.txt"],
        &[("COPYCAT_TEST_OSC11_WAIT_MS", "1")],
    );
    s.wait_bytes(0, OSC11_QUERY);
    s.wait_for("the pair", |t| t.contains("B copied"));
    // Late (the wait was 1 ms), and before any key of the user's: copycat
    // watches for a late answer until the user's first key.
    s.send("\x1b]11;rgb:ffff/ffff/ffff\x07");
    // Keys after it are the user's: n focuses the first link.
    s.send("n");
    s.wait_text("link 1/");
    let screen = s.screen();
    assert!(
        !screen.contains("ffff") && !screen.contains("rgb"),
        "{screen}"
    );
    // Still the terminal's own colours: the answer came too late to count.
    assert!(!colours(&s).contains(&LIGHT_REWORDED));
    s.quit_restored();
}

/// Issue 25, item 4: a stray `ESC [ 2 0 0 ~` (a bracketed-paste start
/// without its end, from a pasted log) made every later key part of a
/// "paste", so q, Esc and Ctrl-C did nothing. Bracketed paste is on now,
/// and a paste ends when its end comes or input pauses: what was pasted
/// never acts as keys, and the keys after the pause do.
#[test]
fn a_stray_paste_start_never_swallows_the_keys_after_it() {
    let mut s = Session::start(&["--theme=dark"]);
    s.wait_for("the first pair", |t| t.contains("pair 1/"));
    // Bracketed paste is asked of the terminal.
    s.wait_bytes(0, b"\x1b[?2004h");
    // A paste start and text with `q` in it, and no end.
    s.send("\x1b[200~a log line with q and ]");
    // With no prompt open the paste is refused, and says so.
    s.wait_text("a paste goes into the search");
    assert!(!s.screen().contains("pair 2/"), "] in the paste acted");
    // A whole paste into the search prompt is its text.
    s.send("/");
    s.wait_text("no matches");
    s.send("\x1b[200~peace plan\x1b[201~");
    s.wait_text("/peace plan");
    s.send("\x1b");
    s.wait_for("the search closed", |t| !t.contains("/peace plan"));
    s.quit_restored();
    // And off again on the way out.
    assert!(rfind(&s.bytes, b"\x1b[?2004l") > rfind(&s.bytes, b"\x1b[?2004h"));
}

/// Issue 25, item 8: terminal replies were taken as keys. An oversized OSC
/// 11 reply full of `q` quit the reader; a malformed reply (no end) quit it;
/// a reply split across the question's deadline opened the search with its
/// `/`. Replies are now read by their grammar: none of them is a key.
#[test]
fn terminal_replies_are_never_taken_for_keys() {
    let dir = flagged_pair();
    // Sent after the question's wait (1 ms): the input thread reads them.
    let mut s = Session::start_in(
        Some(dir.path()),
        &["a.txt", "b.txt"],
        &[("COPYCAT_TEST_OSC11_WAIT_MS", "1")],
    );
    s.wait_bytes(0, OSC11_QUERY);
    s.wait_for("the pair", |t| t.contains("B copied"));
    let mut flood = b"\x1b]11;rgb:".to_vec();
    flood.extend(std::iter::repeat_n(b'q', 200_000));
    flood.push(0x07);
    s.send_in_background(flood)
        .join()
        .expect("the flood was written");
    // Malformed: no end. Dropped when input pauses.
    s.send("\x1b]11;rgb:qq/qq/qq");
    // A second after it began, keys are keys again, however fast they come:
    // n focuses the first link.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while !s.screen().contains("link 1/") {
        assert!(std::time::Instant::now() < deadline, "{}", s.screen());
        s.send("n");
        std::thread::sleep(std::time::Duration::from_millis(300));
        s.drain();
    }
    assert!(s.process_state().is_some(), "copycat quit on a reply");
    let screen = s.screen();
    assert!(
        !screen.contains("rgb") && !screen.contains("qqq"),
        "{screen}"
    );
    s.quit_restored();
}

/// Issue 25, item 8: a reply cut by the question's deadline: its first part
/// read by the question, the rest by the input thread, is one reply. The
/// reply is sent a byte at a time across a 150 ms wait; wherever the
/// deadline falls, its `/` never opens the search and no `f` is typed.
#[test]
fn a_reply_cut_by_the_deadline_is_still_a_reply() {
    let dir = flagged_pair();
    let mut s = Session::start_in(
        Some(dir.path()),
        &["a.txt", "b.txt"],
        &[("COPYCAT_TEST_OSC11_WAIT_MS", "150")],
    );
    s.wait_bytes(0, OSC11_QUERY);
    s.send("\x1b]");
    for b in b"11;rgb:ffff/ffff/ffff\x07" {
        std::thread::sleep(std::time::Duration::from_millis(15));
        s.send(std::str::from_utf8(&[*b]).expect("ASCII"));
    }
    s.wait_for("the pair", |t| t.contains("B copied"));
    s.send("n");
    s.wait_text("link 1/");
    let screen = s.screen();
    assert!(
        !screen.contains("ffff") && !screen.contains("no matches"),
        "{screen}"
    );
    s.quit_restored();
}

/// Issue 25, item 10: stopped by SIGSTOP and continued in the background
/// (`bg`), the reader took the terminal back and drew over the shell's
/// prompt. Continued in the background it now stops itself again, drawing
/// nothing, and `fg` brings it back whole.
#[test]
fn continued_in_the_background_the_reader_waits_for_fg() {
    let dir = typed_pair();
    let bin = env!("CARGO_BIN_EXE_copycat");
    let mut s = Session::start_program(
        "bash",
        Some(dir.path()),
        &["--norc", "--noprofile", "-i"],
        &[("PS1", "$ "), ("HISTFILE", "/dev/null")],
    );
    s.wait_text("$");
    s.send(&format!("'{bin}' --theme=dark first.txt second.txt\r"));
    s.wait_for("the pair", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    let shell = s.child.process_id().expect("bash's pid");
    let reader = session::child_named(shell, "copycat").expect("copycat's pid");
    let stopped = |pid| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        while session::state_of(pid) != Some('T') {
            assert!(std::time::Instant::now() < deadline, "not stopped");
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    };
    assert!(
        std::process::Command::new("kill")
            .args(["-STOP", &reader.to_string()])
            .status()
            .expect("kill")
            .success()
    );
    stopped(reader);
    s.wait_text("Stopped");
    let mark = s.bytes.len();
    s.send("bg\r");
    s.send("echo MARK-$((6*7))\r");
    s.wait_text("MARK-42");
    // Stopped again, and nothing of the reader drawn since `bg`.
    stopped(reader);
    let since = String::from_utf8_lossy(&s.bytes[mark..]).into_owned();
    assert!(
        !since.contains("pair 1/") && !since.contains("\x1b[?1049h"),
        "the reader drew in the background: {since:?}"
    );
    let mark = s.bytes.len();
    s.send("fg\r");
    s.wait_bytes(mark, b"dropped");
    s.wait_screen("the reader back", |sc| {
        sc.alternate_screen() && sc.contents().contains("pair 1/")
    });
    s.send("q");
    // copycat gone (off the alternate screen, no longer bash's child), then
    // the shell.
    s.wait_screen("the shell's screen", |sc| !sc.alternate_screen());
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while session::state_of(reader).is_some_and(|st| st != 'Z') {
        assert!(std::time::Instant::now() < deadline, "copycat did not exit");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    s.send("exit\r");
    assert!(s.wait_exit().success());
}

/// Issue 25, item 11: `cat a.txt | copycat - b.txt` said "-: empty file":
/// standard input was read twice (once to list it, once to load it). It is
/// read once, and the reader takes its keys from the terminal, as `less`
/// does, whatever standard input is.
#[test]
fn an_article_piped_into_the_reader_is_read_once() {
    let dir = typed_pair();
    let bin = env!("CARGO_BIN_EXE_copycat");
    let mut s = Session::start_program(
        "sh",
        Some(dir.path()),
        &[
            "-c",
            &format!("cat first.txt | '{bin}' --theme=dark - second.txt"),
        ],
        &[],
    );
    s.wait_for("the pair", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "{}", s.screen());
    s.assert_terminal_restored();
}

/// Issue 25, item 12: `copycat A A` said the file was read once twice, and
/// `]` said "still ranking" for ever. One article has no pair to step to.
#[test]
fn the_same_file_twice_opens_once_and_says_there_is_no_other_pair() {
    let dir = typed_pair();
    let mut s = Session::start_in(
        Some(dir.path()),
        &["--theme=dark", "first.txt", "first.txt"],
        &[],
    );
    s.wait_for("the article", |t| t.contains("first.txt"));
    s.send("]");
    s.wait_text("no other pair to step to");
    assert!(!s.screen().contains("still ranking"), "{}", s.screen());
    s.send("q");
    assert!(s.wait_exit().success());
    // Said once on stderr before the screen opens, and once in the first
    // frame's status bar (issue 20: what was skipped shows in the reader).
    let out = String::from_utf8_lossy(&s.bytes);
    assert_eq!(out.matches("read once").count(), 2, "{out}");
    let opened = out.find("\x1b[?1049h").expect("the alternate screen");
    assert_eq!(out[..opened].matches("read once").count(), 1, "{out}");
}

/// Issue 25, item 9: `e` on a full disk left a truncated report. It now
/// writes a temporary file and names it only when whole: a write that
/// fails (here over a file-size limit, as a full disk would) leaves no
/// report and no temporary file, and the status bar says why.
#[test]
fn e_that_cannot_write_the_whole_report_leaves_nothing() {
    let dir = typed_pair();
    let bin = env!("CARGO_BIN_EXE_copycat");
    let mut s = Session::start_program(
        "sh",
        Some(dir.path()),
        &[
            "-c",
            &format!("trap '' XFSZ; ulimit -f 1; exec '{bin}' --theme=dark first.txt second.txt"),
        ],
        &[],
    );
    s.wait_for("the pair", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    s.send("e");
    s.wait_text("cannot write");
    assert!(s.screen().contains("file too large"), "{}", s.screen());
    s.send("q");
    assert!(s.wait_exit().success());
    let mut left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    left.sort();
    assert_eq!(left, ["first.txt", "second.txt"]);
}

/// The spread view from the keyboard: `t` on the article read, its heat
/// map and the articles holding it; a column picked, Enter opens that pair
/// with the link holding the paragraph focused; `{` and `}` go to the ends
/// of the walk.
#[test]
fn t_shows_how_the_article_spread_and_enter_opens_a_pair_there() {
    let mut s = Session::start::<&str>(&[]);
    s.wait_for("the first pair", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    s.send("ht");
    s.wait_for("the spread", |t| {
        t.contains("Spread of") && t.contains("text with it") && t.contains("[1]")
    });
    s.send("l\r");
    s.wait_for("the pair open on the paragraph", |t| {
        !t.contains("Spread of") && t.contains("link ") && t.contains("B copied")
    });
    s.send("}");
    s.wait_for("the last pair", |t| {
        t.lines()
            .last()
            .is_some_and(|l| l.contains("pair 4/4") || l.contains("pair 3/3"))
    });
    s.send("{");
    s.wait_for("the first pair", |t| {
        t.lines().last().is_some_and(|l| l.contains("pair 1/"))
    });
    s.quit_restored();
}

/// `find --read`: the reader opens the query beside its best source, and
/// `]` walks the query's sources only, not the pairs among them (the
/// Reuters story and Palakshi's share text too, but are not the question).
#[test]
fn find_read_walks_the_query_s_sources_only() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp dir");
    let index = dir.path().join("index");
    let built = std::process::Command::new(env!("CARGO_BIN_EXE_copycat"))
        .arg("index")
        .arg(root.join("articles"))
        .arg("--index")
        .arg(&index)
        .output()
        .expect("copycat index runs");
    assert!(built.status.success(), "{built:?}");
    let query = root.join("articles/undated-rewrite-peace-plan-rooted-in-russian-proposal.txt");
    let mut s = Session::start(&[
        "find".as_ref(),
        query.as_os_str(),
        "--index".as_ref(),
        index.as_os_str(),
        "--read".as_ref(),
    ]);
    s.wait_for("the query beside its best source", |t| {
        t.contains("B copied") && t.contains("pair 1/2")
    });
    s.send("]");
    s.wait_text("pair 2/2");
    s.send("]");
    s.wait_text("that was the last pair");
    s.send("q");
    assert!(s.wait_exit().success());
}
