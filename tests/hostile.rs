//! Hostile text, end to end: articles full of escape sequences, C1 controls,
//! bidi overrides, floods of joiners and combining marks, emoji, CJK and a
//! 1 MiB line. None of their control bytes may reach the terminal, and the
//! panes must stay in line.
//!
//! The real binary runs in a pseudo-terminal; every byte it writes is kept
//! and checked, and also fed to `vt100` to see the screen a terminal would
//! show. Nothing depends on timing: each step polls the screen under one
//! generous deadline for the whole test.

#[path = "data/hostile/fixtures.rs"]
mod fixtures;
#[path = "common/session.rs"]
mod session;

use copycat::article::Article;
use copycat::testing::App;
use copycat::testing::Inspect;
use copycat::testing::Side;
use copycat::testing::geometry;
use copycat::testing::{Action, Dir, Jump};
use copycat::testing::{MAX_CHARS, is_safe_cell};
use crossterm::event::Event;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
use session::{COLS, ROWS, Session};

/// The columns of every vertical border of the screen at `COLS`×`ROWS` (both
/// panes: two files typed open without the list), and the rows between their
/// top and bottom edges.
fn border_columns() -> (Vec<u16>, std::ops::Range<u16>) {
    let g = geometry::screen(Rect::new(0, 0, COLS, ROWS), false);
    let mut cols = Vec::new();
    for r in g.list.into_iter().chain(g.panes) {
        cols.push(r.x);
        cols.push(r.right() - 1);
    }
    let p = g.panes.a;
    (cols, p.y + 1..p.bottom() - 1)
}

/// A vertical border, or the thumb drawn on a pane's right border (which
/// part of the article is on screen).
fn is_border(s: &str) -> bool {
    s == "│" || s == "┃"
}

/// Whether every border is where the layout puts it, on every row: text
/// drawn wider than measured would push them right or overwrite them.
fn borders_in_line(s: &vt100::Screen) -> bool {
    let (cols, rows) = border_columns();
    rows.into_iter().all(|y| {
        cols.iter()
            .all(|&x| s.cell(y, x).is_some_and(|c| is_border(c.contents())))
    })
}

/// Where `needle` occurs in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Check everything written to the terminal: valid UTF-8, whose only
/// control characters are CR, LF and ESC, each ESC starting a CSI sequence
/// (what crossterm writes; no OSC, DCS, APC, PM or SOS string at all), no
/// C1 control, no bidi control, none of the articles' attacks. Returns the
/// CSI sequences.
///
/// "No 0x9B byte" is checked in that precise form: the byte itself does
/// occur, inside the UTF-8 of ␛ (E2 90 9B), the placeholder shown for ESC.
/// In valid UTF-8 it can only be such a continuation byte, never the 8-bit
/// CSI, and U+009B (C2 9B) is a C1 control, refused below.
fn check_output(bytes: &[u8]) -> Vec<String> {
    for marker in fixtures::FORBIDDEN {
        if let Some(at) = find(bytes, marker) {
            let from = at.saturating_sub(40);
            panic!(
                "{marker:?} reached the terminal at byte {at}: …{:?}…",
                String::from_utf8_lossy(&bytes[from..(at + 60).min(bytes.len())])
            );
        }
    }
    let text = std::str::from_utf8(bytes).expect("copycat writes valid UTF-8");
    let mut csi = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let context = || &text[at.saturating_sub(40)..(at + 40).min(text.len())];
        match c {
            '\r' | '\n' => {}
            '\x1b' => {
                assert_eq!(
                    chars.next().map(|(_, c)| c),
                    Some('['),
                    "an escape that is not CSI at byte {at}: {:?}",
                    context()
                );
                let mut seq = String::from("\x1b[");
                loop {
                    let Some((_, c)) = chars.next() else {
                        panic!("a CSI sequence cut short at byte {at}")
                    };
                    seq.push(c);
                    match c {
                        '\x30'..='\x3f' | '\x20'..='\x2f' => {}
                        '\x40'..='\x7e' => break,
                        _ => panic!("a broken CSI sequence at byte {at}: {seq:?}"),
                    }
                }
                csi.push(seq);
            }
            c if c.is_control() => panic!("control {c:?} at byte {at}: {:?}", context()),
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' => {
                panic!("bidi control {c:?} at byte {at}: {:?}", context())
            }
            _ => {}
        }
    }
    csi
}

#[test]
fn hostile_articles_never_reach_the_terminal_and_the_panes_stay_in_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = fixtures::write(dir.path(), true);
    // A forced theme: with `auto` copycat asks the terminal for its
    // background (OSC 11, then Device Attributes) before the first frame,
    // which this test's byte check would take for an escape of the
    // articles'. That question is tested in pty.rs; here every escape
    // written must be one of the frame's own CSI sequences.
    let theme: &std::path::Path = "--theme=dark".as_ref();
    let mut s = Session::start(&[theme, a.as_path(), b.as_path()]);

    s.wait_for("the pair to be aligned", |t| {
        t.contains("pair 1/") && t.contains("B copied")
    });
    // The attacks are on screen, as visible placeholders.
    s.wait_text(&format!("␛]52;c;{}␇", fixtures::OSC52_PAYLOAD));
    s.wait_text("␛[2J␛[HWIPED");
    s.wait_screen("the borders in line on the first screen", borders_in_line);

    // n steps through every link, each of which holds attacks, so that each
    // is drawn (keys sent together would be handled in one frame). The
    // status line is the last row a frame writes, so once it shows the link
    // the rows above it are drawn.
    s.send("n");
    s.wait_text("link 1/");
    let links: usize = {
        let c = s.screen();
        let at = c.find("link 1/").expect("link count") + "link 1/".len();
        let digits: String = c[at..].chars().take_while(char::is_ascii_digit).collect();
        digits.parse().expect("a number of links")
    };
    assert!(links >= 6, "only {links} links");
    s.wait_screen("the borders in line at link 1", borders_in_line);
    for k in 2..=links {
        s.send("n");
        s.wait_text(&format!("link {k}/{links}"));
        s.wait_screen(&format!("the borders in line at link {k}"), borders_in_line);
    }
    // j: a line down, PageDown, G: the end of the 1 MiB line.
    s.send("j");
    s.send("\x1b[6~");
    s.send("G");
    s.wait_text("Filler sentence");
    s.wait_text(" 100% ");
    s.wait_screen("the borders in line at the end", borders_in_line);
    s.send("?");
    s.wait_text("Legend");
    s.send("q");
    let status = s.wait_exit();
    assert!(status.success(), "exit status {status:?}:\n{}", s.screen());

    let screen = s.parser.screen();
    assert!(!screen.alternate_screen(), "still on the alternate screen");
    assert!(!screen.hide_cursor(), "the cursor was left hidden");
    assert_eq!(
        screen.mouse_protocol_mode(),
        vt100::MouseProtocolMode::None,
        "mouse capture left on"
    );
    let seen = s.parser.callbacks();
    assert!(
        seen.titles.is_empty(),
        "the title was set: {:?}",
        seen.titles
    );
    assert!(seen.clipboard.is_empty(), "the clipboard was used");
    assert_eq!((seen.bells, seen.osc), (0, 0), "bells, OSC sequences");

    let csi = check_output(&s.bytes);
    // The alternate screen was entered and left once each, by copycat.
    let count = |q: &str| csi.iter().filter(|c| *c == q).count();
    assert_eq!(count("\x1b[?1049h"), 1);
    assert_eq!(count("\x1b[?1049l"), 1);
    // No screen clear at all: copycat clears only on Ctrl-L or a resize.
    assert_eq!(count("\x1b[2J"), 0, "a screen clear was written");
}

#[test]
fn compare_as_text_writes_no_escape_byte_to_a_pipe() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = fixtures::write(dir.path(), true);
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copycat"))
        .args(["compare".as_ref(), a.as_os_str(), b.as_os_str()])
        .args(["--format", "text"])
        .env_remove("NO_COLOR")
        .output()
        .expect("run copycat compare");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for (name, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert!(
            !bytes.contains(&0x1b),
            "an ESC byte on {name} at {:?}",
            find(bytes, b"\x1b")
        );
        check_output(bytes);
    }
    let text = String::from_utf8_lossy(&out.stdout);
    // The attacks are there, as visible placeholders.
    assert!(text.contains(&format!("␛]52;c;{}␇", fixtures::OSC52_PAYLOAD)));
    assert!(text.contains("B copied"));
}

/// The hostile pair, aligned, with the app at `w`×`h`.
fn hostile_app(w: u16, h: u16) -> App {
    let arts = vec![
        Article::parse("hostile-a.txt", fixtures::article_a()),
        Article::parse("hostile-b.txt", fixtures::article_b(false)),
    ];
    let mut app = App::new(arts, true, true);
    app.resize(w, h);
    app.settle();
    app
}

/// Drawn into ratatui's `TestBackend`, each cell of each pane: no wide cell
/// reaches past the text column, the borders are where they belong, every
/// cell is safe to send.
#[test]
fn wide_and_combining_text_stays_inside_its_pane_cell_by_cell() {
    for (w, h) in [(130, 60), (100, 50), (61, 40), (37, 30), (20, 30)] {
        let mut app = hostile_app(w, h);
        // Walk every link so that each hostile passage is drawn at least once.
        let links = app.alignment().expect("aligned").links.len();
        assert!(links >= 6, "only {links} links at {w}x{h}");
        let mut seen_marks = false;
        // Through ratatui's diff, as a real terminal gets it.
        let mut term = Terminal::new(TestBackend::new(w, h)).expect("test backend");
        for step in 0..=links {
            term.draw(|f| f.render_widget(&app, f.area()))
                .expect("draw");
            let buf = term.backend().buffer();
            let g = geometry::screen(buf.area, true);
            for (side, pane) in [Side::A, Side::B].into_iter().zip(g.panes) {
                let text = app.pane_geometry_in(buf.area, side).text;
                for y in pane.y + 1..pane.bottom() - 1 {
                    for x in [pane.x, pane.right() - 1] {
                        assert!(
                            is_border(buf[(x, y)].symbol()),
                            "border at {x},{y} ({w}x{h})"
                        );
                    }
                    for x in text.left()..text.right() {
                        let cell = &buf[(x, y)];
                        let cw = cell.cell_width();
                        assert!(
                            x + cw <= text.right(),
                            "{:?} at {x},{y} overflows the text column ending at {} ({w}x{h})",
                            cell.symbol(),
                            text.right()
                        );
                        assert!(is_safe_cell(cell), "unsafe cell {:?}", cell.symbol());
                        seen_marks |= cell.symbol().starts_with("e\u{301}");
                    }
                }
            }
            for c in buf.content() {
                assert!(is_safe_cell(c), "unsafe cell {:?}", c.symbol());
                assert!(c.symbol().chars().count() <= MAX_CHARS);
            }
            if step < links {
                app.apply(Action::Next);
            }
        }
        assert!(
            seen_marks,
            "the combining marks were never drawn at {w}x{h}"
        );
        app.apply(Action::Jump(Jump::Copied, Dir::Backward));
    }
}

/// A small xorshift generator: the walk below is the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    /// A number in `0..n`.
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn range(&mut self, r: std::ops::RangeInclusive<u16>) -> u16 {
        let span = u64::from(r.end() - r.start()) + 1;
        r.start() + self.below(span) as u16
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// Characters a user could type or paste that a terminal must not receive.
const NASTY: &[char] = &[
    '\u{1b}',
    '\u{9b}',
    '\u{7}',
    '\u{0}',
    '\u{7f}',
    '\u{202e}',
    '\u{2066}',
    '\u{200d}',
    '\u{301}',
    '\u{fe0f}',
    'é',
    '漢',
    '😀',
    'ﾞ',
    '\u{1f1fa}',
];

/// The next event of the walk: mostly keys (every bound key, printable and
/// nasty characters, keys nothing is bound to, releases), some resizes (to
/// tiny sizes often), mouse events anywhere, pastes and focus changes.
fn random_event(rng: &mut Rng, size: Rect) -> Event {
    use crossterm::event::{
        KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
        MouseEventKind,
    };
    let mods = |rng: &mut Rng| match rng.below(10) {
        0 => KeyModifiers::CONTROL,
        1 => KeyModifiers::ALT,
        2 => KeyModifiers::SHIFT,
        _ => KeyModifiers::NONE,
    };
    let key = |code, modifiers, kind| {
        Event::Key(KeyEvent {
            code,
            modifiers,
            kind,
            state: KeyEventState::NONE,
        })
    };
    let press = KeyEventKind::Press;
    match rng.below(100) {
        0..=54 => {
            let bindings = copycat::testing::Keymap::default().bindings().to_vec();
            let b = rng.pick(&bindings);
            let k = rng.pick(&b.keys);
            key(k.code, k.mods, press)
        }
        55..=69 => {
            // Now and then `/`, which opens a prompt (the search, or in the
            // list its filter), where the other characters are typed.
            let c = if rng.below(8) == 0 {
                '/'
            } else {
                char::from(rng.range(0x20..=0x7e) as u8)
            };
            key(KeyCode::Char(c), KeyModifiers::NONE, press)
        }
        70..=74 => key(KeyCode::Char(*rng.pick(NASTY)), mods(rng), press),
        75..=78 => {
            let f = KeyCode::F(rng.range(1..=12) as u8);
            let code = *rng.pick(&[
                f,
                KeyCode::Insert,
                KeyCode::Delete,
                KeyCode::Null,
                KeyCode::CapsLock,
                KeyCode::Menu,
                KeyCode::Enter,
                KeyCode::Backspace,
                KeyCode::Esc,
            ]);
            let kind = *rng.pick(&[press, press, KeyEventKind::Repeat, KeyEventKind::Release]);
            key(code, mods(rng), kind)
        }
        79..=88 => {
            // Mostly tiny or ordinary sizes, where the layout rules change;
            // now and then anything up to 400×120.
            let (w, h) = match rng.below(10) {
                0..=3 => (rng.range(1..=24), rng.range(1..=10)),
                4..=8 => (rng.range(25..=130), rng.range(5..=45)),
                _ => (rng.range(1..=400), rng.range(1..=120)),
            };
            Event::Resize(w, h)
        }
        89..=96 => {
            let kind = *rng.pick(&[
                MouseEventKind::ScrollDown,
                MouseEventKind::ScrollUp,
                MouseEventKind::Down(MouseButton::Left),
                MouseEventKind::Up(MouseButton::Left),
                MouseEventKind::Drag(MouseButton::Left),
                MouseEventKind::Moved,
            ]);
            Event::Mouse(MouseEvent {
                kind,
                // Anywhere, and sometimes off the screen it was told about.
                column: rng.range(0..=size.width.saturating_add(3)),
                row: rng.range(0..=size.height.saturating_add(3)),
                modifiers: KeyModifiers::NONE,
            })
        }
        97 => Event::Paste("pasted \u{1b}]52;c;eA==\u{7} \u{202e}text".into()),
        98 => Event::FocusGained,
        _ => Event::FocusLost,
    }
}

/// What must hold after every event: indices in range, scroll offsets within
/// the layout, the search consistent with the articles.
fn check_invariants(app: &App) -> Result<(), String> {
    use copycat::testing::Unit;
    let n = app.articles().len();
    let (a, b) = app.pair();
    if a >= n || b >= n || (n >= 2 && a == b) {
        return Err(format!("pair ({a}, {b}) of {n} articles"));
    }
    if app.selected() >= n {
        return Err(format!("selected {} of {n}", app.selected()));
    }
    if let Some(p) = app.pair_rank() {
        let r = app.ranking().ok_or("a rank without a ranking")?;
        if r.get(p).map(|x| (x.a, x.b)) != Some((a, b)) {
            return Err(format!("rank {p} is not the pair ({a}, {b})"));
        }
    }
    match (app.focus(), app.alignment()) {
        (None, _) => {}
        (Some(Unit::Other), _) => return Err("focus on Unit::Other".into()),
        (Some(_), None) => return Err("a focus without an alignment".into()),
        (Some(u), Some(al)) => {
            let ok = match u {
                Unit::Link(i) => i < al.links.len(),
                Unit::New(i) => i < al.b_unlinked.len(),
                Unit::Dropped(i) => i < al.a_unlinked.len(),
                Unit::Apart(i) => i < al.apart.len(),
                Unit::Other => false,
            };
            if !ok {
                return Err(format!("focus {u:?} out of range"));
            }
        }
    }
    let max = app.max_top();
    if app.tops().iter().any(|&t| t > max) {
        return Err(format!("tops {:?} past the last page ({max})", app.tops()));
    }
    let widths = app.text_widths();
    if widths.a > 0
        && widths.b > 0
        && let Some(sp) = app.spread_for(widths)
        && max != sp.len().saturating_sub(app.page())
    {
        return Err(format!("max top {max} for {} rows", sp.len()));
    }
    let s = app.search();
    if s.current.is_some_and(|c| c >= s.matches.len()) {
        return Err(format!("match {:?} of {}", s.current, s.matches.len()));
    }
    for m in &s.matches {
        let text = &app.articles()[if m.side == Side::A { a } else { b }].text;
        if m.bytes.is_empty() || text.get(m.bytes.range()).is_none() {
            return Err(format!("match {:?} is not text", m.bytes));
        }
    }
    if let Some(h) = app.help_scroll() {
        let shown = usize::from(app.size().height.saturating_sub(4)).max(1);
        let lines = copycat::testing::help_lines(app.theme(), app.keymap()).len();
        if h > lines.saturating_sub(shown) {
            return Err(format!(
                "help scrolled to {h} of {lines} lines, {shown} shown"
            ));
        }
    }
    if app.active_pane() == copycat::testing::Pane::List && !app.list_visible() {
        return Err("the keyboard is in a list that is not shown".into());
    }
    Ok(())
}

/// Plays the worker for the walk: jobs queue as the real worker queues them
/// and are done a few at a time, so that events also arrive while the
/// ranking or an alignment is still due.
#[derive(Default)]
struct Worker {
    queue: std::collections::VecDeque<copycat::testing::Job>,
    done: std::collections::HashSet<copycat::testing::Job>,
}

impl Worker {
    fn step(&mut self, app: &mut App, jobs: u64) {
        for (job, urgent) in app.take_jobs() {
            self.queue.retain(|j| *j != job);
            if urgent {
                self.queue.push_front(job);
            } else {
                self.queue.push_back(job);
            }
        }
        // The layout thread (large pairs are laid out off the UI thread):
        // its layout arrives with the worker's results, so frames are also
        // drawn while one is due.
        if jobs > 0
            && let Some(layout) = app.take_layout()
        {
            app.on_laid_out(layout.run());
        }
        for _ in 0..jobs {
            let Some(job) = self.queue.pop_front() else {
                return;
            };
            if self.done.insert(job.clone()) {
                let d = copycat::testing::compute(
                    app.articles(),
                    &job,
                    &Default::default(),
                    &|_, _| {},
                );
                app.on_done(d);
            }
        }
    }
}

#[test]
fn ten_thousand_random_keys_and_resizes_in_every_mode() {
    let mut arts = copycat::article::bundled();
    arts.push(Article::parse("hostile-a.txt", fixtures::article_a()));
    arts.push(Article::parse("hostile-b.txt", fixtures::article_b(false)));
    let arts = std::sync::Arc::new(arts);
    // Fixed, so every run is the same walk. To look for more bugs, try
    // others: COPYCAT_WALK_SEED=7 cargo test --release --test hostile walk
    let seed = std::env::var("COPYCAT_WALK_SEED")
        .ok()
        .and_then(|s| s.parse::<u64>().ok())
        .map_or(0x5eed_c0de_cafe_f00d, |s| {
            s.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1
        });
    let mut rng = Rng(seed);
    // How often each mode was drawn: the walk must have been everywhere.
    let mut seen: std::collections::BTreeMap<&str, usize> = Default::default();
    // `e` writes its reports here, never into the source tree.
    let reports = tempfile::tempdir().expect("temp dir");
    let (mut app, mut worker) = (
        App::with_shared(arts.clone(), true, true),
        Worker::default(),
    );
    for step in 0..10_000 {
        // Four sessions, each from the start: ranking, then the first pair.
        if step % 2500 == 0 {
            app = App::with_shared(arts.clone(), step % 5000 == 0, true);
            app.export_to(copycat::export::html::render, reports.path());
            // Two sessions lay every pair out as a large one, off the UI
            // thread (here: when the worker steps), to walk that path too.
            if step % 5000 != 0 {
                app.set_sync_layout_limit(0);
            }
            app.resize(rng.range(1..=160), rng.range(1..=50));
            worker = Worker::default();
        }
        let ev = random_event(&mut rng, app.size());
        app.on_event(&ev);
        // The event loop catches up (the search typed) once per batch of
        // events; batches here are one to a few events long.
        if rng.below(3) == 0 {
            app.catch_up();
        }
        let jobs = match rng.below(10) {
            0..=5 => 0,
            6..=8 => 1,
            _ => 3,
        };
        worker.step(&mut app, jobs);
        let size = app.size();
        let mut buf = Buffer::empty(size);
        (&app).render(size, &mut buf);
        let what = || {
            format!(
                "step {step}, after {ev:?}, at {}x{}",
                size.width, size.height
            )
        };
        for (i, c) in buf.content().iter().enumerate() {
            // One byte is one printable cell (the check below would say so,
            // slowly, ten thousand frames over).
            if c.symbol().len() == 1 && c.symbol().as_bytes()[0].is_ascii_graphic() {
                continue;
            }
            assert!(is_safe_cell(c), "unsafe cell {:?}; {}", c.symbol(), what());
            let x = (i % usize::from(size.width)) as u16;
            assert!(
                x + c.cell_width() <= size.width,
                "{:?} past the edge at column {x}; {}",
                c.symbol(),
                what()
            );
        }
        if let Err(e) = check_invariants(&app) {
            panic!("{e}; {}", what());
        }
        // What `y` sends is one OSC 52 sequence of base64, nothing else.
        if let Some(bytes) = app.take_outbox() {
            let inner = bytes
                .strip_prefix(b"\x1b]52;c;")
                .and_then(|b| b.strip_suffix(b"\x1b\\"))
                .unwrap_or_else(|| panic!("not OSC 52: {bytes:?}; {}", what()));
            assert!(
                inner
                    .iter()
                    .all(|c| c.is_ascii_alphanumeric() || b"+/=".contains(c)),
                "not base64; {}",
                what()
            );
            *seen.entry("copied").or_default() += 1;
        }
        let modes = [
            ("help", app.help_scroll().is_some()),
            (
                "search prompt",
                app.prompt() == Some(copycat::testing::Target::Search),
            ),
            (
                "filter prompt",
                app.prompt() == Some(copycat::testing::Target::Filter),
            ),
            (
                "sources",
                app.contexts().contains(&copycat::testing::Ctx::Provenance),
            ),
            (
                "flags panel",
                app.contexts().contains(&copycat::testing::Ctx::Flags),
            ),
            ("on a flag", app.flag_status().is_some()),
            ("list filtered", app.list().filtered()),
            ("list popup", app.list_popup()),
            (
                "list focus",
                app.active_pane() == copycat::testing::Pane::List,
            ),
            ("narrow", size.width < geometry::WIDE),
            ("wide", size.width >= geometry::WIDE),
            ("tiny", size.width < 10 || size.height < 5),
            ("search", app.search().active()),
            ("independent", !app.synchronized()),
            ("focus", app.focus().is_some()),
            ("waiting", app.alignment().is_none()),
            ("laying out", app.laying_out()),
            ("quit asked", app.should_quit()),
        ];
        for (mode, on) in modes {
            *seen.entry(mode).or_default() += usize::from(on);
        }
    }
    eprintln!("frames drawn in each mode: {seen:?}");
    for (mode, n) in &seen {
        assert!(*n >= 20, "the walk drew {mode} only {n} times: {seen:?}");
    }
}

/// Regression: file names reached the terminal by three routes. clap's usage
/// errors echoed an argument raw (a shell glob picking up a hostile name
/// cleared the screen and set the window title) in five to seven lines;
/// `compare -f html` wrote ESC, BEL, C1 and U+202E from the path into the
/// page; JSON escaped C0 only, so C1 (U+009B) and bidi controls went out raw.
/// Each route now runs on a pty with hostile names, and every byte written
/// is checked: no control sequence but CSI, no C1, no bidi control.
#[test]
fn hostile_file_names_never_reach_the_terminal_by_any_route() {
    let dir = tempfile::tempdir().expect("temp dir");
    let evil = "ev\x1b]0;PWNED\x07il\x1b[2J\u{9b}31m\u{202e}txt\u{2066}";
    let (a, b) = fixtures::write(dir.path(), true);
    let hostile_a = dir.path().join(format!("a-{evil}.txt"));
    let hostile_b = dir.path().join(format!("b-{evil}.md"));
    std::fs::copy(&a, &hostile_a).expect("copy a");
    std::fs::copy(&b, &hostile_b).expect("copy b");
    let (ha, hb) = (hostile_a.as_os_str(), hostile_b.as_os_str());
    let missing = dir.path().join(format!("gone-{evil}.txt"));
    let s = |v: &str| std::ffi::OsString::from(v);
    let routes: Vec<(&str, Vec<std::ffi::OsString>, bool)> = vec![
        (
            "compare text",
            vec![s("compare"), ha.into(), hb.into()],
            true,
        ),
        (
            "compare html",
            vec![s("compare"), ha.into(), hb.into(), s("-f"), s("html")],
            true,
        ),
        (
            "compare json",
            vec![s("compare"), ha.into(), hb.into(), s("-f"), s("json")],
            true,
        ),
        ("list", vec![s("list"), ha.into(), hb.into()], true),
        ("rank", vec![s("rank"), dir.path().into()], true),
        (
            "rank json",
            vec![s("rank"), dir.path().into(), s("-f"), s("json")],
            true,
        ),
        ("a missing path", vec![s("list"), missing.into()], false),
        (
            "clap: a bad value",
            vec![s("compare"), ha.into(), hb.into(), s("--format"), s(evil)],
            false,
        ),
        (
            "clap: an unknown option",
            vec![s("rank"), format!("--{evil}").into()],
            false,
        ),
        (
            "clap: too many paths",
            vec![s("compare"), ha.into(), hb.into(), ha.into()],
            false,
        ),
    ];
    for (what, args, ok) in routes {
        let mut session = Session::start(&args);
        let status = session.wait_exit();
        assert_eq!(status.success(), ok, "{what}: {status:?}");
        if !ok {
            assert_eq!(status.exit_code(), 2, "{what}");
        }
        let csi = check_output(&session.bytes);
        // Outside the reader, only colours (CSI m) and `rank`'s progress
        // line on stderr (erase line, CSI 2K).
        assert!(
            csi.iter().all(|c| c.ends_with('m') || c == "\x1b[2K"),
            "{what}: {csi:?}"
        );
        let out = String::from_utf8_lossy(&session.bytes);
        if !ok {
            // One line, of copycat's own.
            let lines: Vec<&str> = out.lines().filter(|l| !l.trim().is_empty()).collect();
            assert_eq!(lines.len(), 1, "{what}: {lines:?}");
            assert!(lines[0].starts_with("copycat: "), "{what}: {lines:?}");
        }
        if what == "compare json" || what == "rank json" {
            assert!(out.contains("\\u009b31m\\u202etxt\\u2066"), "{what}");
        } else if ok {
            assert!(out.contains("␛]0;PWNED␇il␛[2J"), "{what}: {out}");
        }
    }
}

/// Whether `s` holds a character that must never reach a terminal: a
/// control other than a line feed, or a bidi control.
fn unsafe_char(s: &str) -> Option<char> {
    s.chars().find(|&c| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
    })
}

/// The one OSC 52 sequence `y` writes, cut out of `bytes` (the rest must be
/// a frame's CSI sequences only), with its payload decoded.
fn cut_clipboard(bytes: &[u8]) -> (Vec<u8>, String) {
    let start = find(bytes, b"\x1b]52;c;").expect("y wrote to the clipboard");
    let len = find(&bytes[start..], b"\x1b\\").expect("the OSC 52 sequence ends with ST");
    let payload = &bytes[start + 7..start + len];
    let mut rest = bytes[..start].to_vec();
    rest.extend_from_slice(&bytes[start + len + 2..]);
    let text = decode_base64(payload);
    (rest, text)
}

fn decode_base64(b: &[u8]) -> String {
    let val = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => panic!("not base64: {c}"),
    };
    let digits: Vec<u8> = b.iter().copied().filter(|&c| c != b'=').map(val).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let mut acc = 0u32;
        for (i, d) in chunk.iter().enumerate() {
            acc |= u32::from(*d) << (18 - 6 * i);
        }
        for i in 0..chunk.len().saturating_sub(1) {
            out.push((acc >> (16 - 8 * i)) as u8);
        }
    }
    String::from_utf8(out).expect("the clipboard text is UTF-8")
}

/// Issue 25, item 1: a page's `og:site_name` full of entities (ESC ] 0 ;
/// title BEL, ESC [ 2 J, an OSC 52 clipboard write, a bidi override, a C1
/// CSI) reached the terminal raw through `list` and the text report: the
/// title, h1 and byline were sanitised, the outlet was not. Every metadata
/// field of a page now holds such an attack, and every output is checked:
/// list, rank, compare as text, JSON and HTML, the reader's screen, `y`'s
/// clipboard text and `e`'s report.
#[test]
fn hostile_page_metadata_is_made_safe_in_every_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (a, b) = fixtures::write_pages(dir.path());
    let (pa, pb) = (a.as_os_str(), b.as_os_str());
    let s = |v: &str| std::ffi::OsString::from(v);
    let check = |what: &str, bytes: &[u8]| {
        for marker in fixtures::META_FORBIDDEN {
            assert!(
                find(bytes, marker).is_none(),
                "{what}: {marker:?} reached the output: {}",
                String::from_utf8_lossy(bytes)
            );
        }
        check_output(bytes)
    };
    // The engine: every field one safe line, whatever found it.
    for p in [&a, &b] {
        let art = Article::parse(p.display().to_string(), std::fs::read(p).expect("read"));
        let m = &art.meta;
        for (field, v) in [
            ("title", Some(m.title.as_str())),
            ("date", m.date.as_deref()),
            ("byline", m.byline.as_deref()),
            ("outlet", m.outlet.as_deref()),
        ] {
            if let Some(v) = v {
                assert_eq!(unsafe_char(v), None, "{field}: {v:?}");
            }
        }
        assert!(m.outlet.is_some(), "the outlet was read: {m:?}");
    }
    let routes: Vec<(&str, Vec<std::ffi::OsString>)> = vec![
        ("list", vec![s("list"), pa.into(), pb.into()]),
        ("rank", vec![s("rank"), dir.path().into()]),
        ("compare text", vec![s("compare"), pa.into(), pb.into()]),
        (
            "compare html",
            vec![s("compare"), pa.into(), pb.into(), s("-f"), s("html")],
        ),
        (
            "compare json",
            vec![s("compare"), pa.into(), pb.into(), s("-f"), s("json")],
        ),
        (
            "rank json",
            vec![s("rank"), dir.path().into(), s("-f"), s("json")],
        ),
    ];
    for (what, args) in routes {
        let mut session = Session::start(&args);
        let status = session.wait_exit();
        assert!(status.success(), "{what}: {status:?}");
        check(what, &session.bytes);
        let out = String::from_utf8_lossy(&session.bytes);
        if what == "list" {
            assert!(out.contains("outlet: "), "{out}");
            assert!(
                out.contains("␛]0;PWNTITLE␇"),
                "{what}: the outlet shown safe: {out}"
            );
        }
        if what.ends_with("json") {
            // Every string of the JSON, decoded: no control in any field.
            let start = out.find('{').expect("JSON");
            let v: serde_json::Value = serde_json::from_str(&out[start..]).expect("valid JSON");
            fn walk(v: &serde_json::Value, at: &str) {
                match v {
                    serde_json::Value::String(s) => {
                        assert_eq!(unsafe_char(s), None, "{at}: {s:?}")
                    }
                    serde_json::Value::Array(a) => a.iter().for_each(|x| walk(x, at)),
                    serde_json::Value::Object(o) => {
                        o.iter().for_each(|(k, x)| walk(x, &format!("{at}.{k}")))
                    }
                    _ => {}
                }
            }
            walk(&v, what);
        }
    }

    // The reader: its screen, `y` and `e` (written into the working folder).
    let work = tempfile::tempdir().expect("work dir");
    let mut r = Session::start_in(
        Some(work.path()),
        &[s("--theme=dark"), pa.into(), pb.into()],
        &[],
    );
    // Two reprints of one page: one family, no ranked pair between them.
    r.wait_for("the pair", |t| t.contains("reprints: one family of 2"));
    r.wait_text("␛]0;PWNTITLE␇");
    r.send("n");
    r.wait_text("link 1/");
    r.send("y");
    r.wait_text("copied link 1");
    r.send("e");
    r.wait_text("wrote ");
    r.send("q");
    assert!(r.wait_exit().success(), "{}", r.screen());
    assert!(r.parser.callbacks().titles.is_empty(), "the title was set");
    let (rest, clip) = cut_clipboard(&r.bytes);
    check("the reader", &rest);
    assert_eq!(unsafe_char(&clip), None, "y's text: {clip:?}");
    assert!(clip.contains("hostile-a.html"), "{clip}");
    let reports: Vec<_> = std::fs::read_dir(work.path())
        .expect("list the work dir")
        .map(|e| e.expect("entry").path())
        .collect();
    assert_eq!(reports.len(), 1, "{reports:?}");
    let html = std::fs::read(&reports[0]).expect("read e's report");
    for marker in fixtures::META_FORBIDDEN {
        assert!(find(&html, marker).is_none(), "e's report: {marker:?}");
    }
    assert_eq!(unsafe_char(&String::from_utf8_lossy(&html)), None);
}
