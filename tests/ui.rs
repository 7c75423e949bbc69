//! The interface drawn into ratatui's `TestBackend`: snapshots of whole
//! screens, exact checks of styled cells, a sweep of terminal sizes, and a
//! regression test for each bug the hardening work found.

#[path = "data/hostile/fixtures.rs"]
mod fixtures;

#[path = "common/doubt.rs"]
mod doubt;

use copycat::article::{self, Article};
use copycat::marks::Mark;
use copycat::testing::Action;
use copycat::testing::App;
use copycat::testing::Inspect;
use copycat::testing::is_safe_cell;
use copycat::testing::{Class, RowKind, Side};
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::{Buffer, CellWidth};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier};
use ratatui::widgets::Widget;

/// Index of the bundled article whose file name contains `key`.
fn index_of(arts: &[Article], key: &str) -> usize {
    arts.iter()
        .position(|a| a.path.contains(key))
        .expect("bundled article")
}

/// An app over the bundled articles at `w`×`h`, with all work done.
fn app(w: u16, h: u16, color: bool) -> App {
    let mut app = App::new(article::bundled(), color, true);
    app.resize(w, h);
    app.settle();
    app
}

fn draw(app: &App, w: u16, h: u16) -> Terminal<TestBackend> {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| f.render_widget(app, f.area())).expect("draw");
    t
}

fn key(app: &mut App, code: KeyCode) {
    app.on_event(&Event::Key(KeyEvent::from(code)));
    app.settle();
}

fn screen_text(buf: &Buffer) -> String {
    let mut s = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            s.push_str(buf[(x, y)].symbol());
        }
        s.push('\n');
    }
    s
}

#[test]
fn first_screen_is_000_vs_002_the_most_reused_pair() {
    let app = app(160, 45, true);
    let arts = app.articles();
    // 000 is the Reuters story and 002 its undated sentence-by-sentence rewrite.
    let reuters = index_of(arts, "reuters");
    let rewrite = index_of(arts, "undated-rewrite");
    assert_eq!(app.pair(), (reuters, rewrite));
    let t = draw(&app, 160, 45);
    insta::assert_snapshot!("main_000_vs_002", t.backend());
}

#[test]
fn help_popup_lists_the_keymap_and_legend() {
    let mut app = app(120, 60, true);
    key(&mut app, KeyCode::Char('?'));
    let t = draw(&app, 120, 60);
    let text = screen_text(t.backend().buffer());
    for want in [
        "Legend",
        "copied",
        "reworded",
        "next link",
        "swap A and B",
        "how this article spread",
    ] {
        assert!(text.contains(want), "help lacks {want:?}");
    }
    insta::assert_snapshot!("help_popup", t.backend());
    // Every binding is in the help, if not on its first page.
    let all: String = copycat::testing::help_lines(app.theme(), app.keymap())
        .iter()
        .map(|l| format!("{l}\n"))
        .collect();
    assert!(all.contains("Ctrl-L"), "the help lacks Ctrl-L");
    // Esc closes the help and does not quit.
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    let text = screen_text(draw(&app, 120, 60).backend().buffer());
    assert!(!text.contains("Legend"));
}

#[test]
fn narrow_layouts_fold_the_list_away() {
    for (w, h) in [(99, 30), (80, 24), (60, 20), (40, 12)] {
        let app = app(w, h, true);
        let t = draw(&app, w, h);
        let text = screen_text(t.backend().buffer());
        assert!(!text.contains("Articles"), "list shown at {w}x{h}");
        assert!(
            text.contains(" A ") && text.contains(" B "),
            "panes missing at {w}x{h}"
        );
        insta::assert_snapshot!(format!("narrow_{w}x{h}"), t.backend());
    }
}

#[test]
fn narrow_list_popup_opens_with_o_and_sets_a_with_enter() {
    let mut app = app(80, 24, true);
    let before = app.pair();
    key(&mut app, KeyCode::Char('o'));
    let t = draw(&app, 80, 24);
    assert!(screen_text(t.backend().buffer()).contains("Articles"));
    insta::assert_snapshot!("narrow_80x24_list_popup", t.backend());
    key(&mut app, KeyCode::Char('g'));
    key(&mut app, KeyCode::Enter);
    assert_eq!(app.pair().0, 0);
    assert_ne!(app.pair(), before);
}

#[test]
fn wide_layout_shows_list_with_marks_and_shares() {
    let app = app(120, 30, true);
    let text = screen_text(draw(&app, 120, 30).backend().buffer());
    assert!(text.contains("Articles"));
    // The copy's line carries the B mark and its reuse share against A.
    let (_, b) = app.pair();
    let share = app.share_against_a(b).expect("share computed");
    let line = format!("B {:>4}", format!("{:.0}%", share * 100.0));
    assert!(text.contains(&line), "no {line:?} in\n{text}");
    assert!(text.contains("A    ·"));
}

/// Where on screen the first visible piece on `side` matching `pick` is
/// drawn, and its text, found through the view model (not hard-coded), so the
/// test holds whatever the aligner's tuning.
fn locate(
    app: &App,
    w: u16,
    h: u16,
    side: Side,
    pick: impl Fn(Class, Option<Mark>) -> bool,
) -> (u16, u16, String) {
    let pg = app.pane_geometry_in(Rect::new(0, 0, w, h), side);
    let sp = app.spread_for(app.text_widths()).expect("aligned");
    let top = app.tops()[side];
    for (dy, row) in sp
        .rows(side)
        .iter()
        .skip(top)
        .take(usize::from(pg.text.height))
        .enumerate()
    {
        if row.kind != RowKind::Text {
            continue;
        }
        let mut x = pg.text.x;
        let art = &app.articles()[[app.pair().0, app.pair().1][side.index()]];
        for p in &sp.pieces(side, row, art) {
            if p.word.is_some() && pick(p.class, p.change) {
                return (x, pg.text.y + dy as u16, p.text.to_string());
            }
            x += p.width as u16;
        }
    }
    panic!("no such piece on screen");
}

fn check_cell(buf: &Buffer, x: u16, y: u16, text: &str, fg: Option<Color>, mods: Modifier) {
    let cell = &buf[(x, y)];
    let first: String = text.chars().next().into_iter().collect();
    assert_eq!(cell.symbol(), first, "at {x},{y}");
    if let Some(fg) = fg {
        assert_eq!(cell.fg, fg, "colour of {text:?}");
    } else {
        assert_eq!(cell.fg, Color::Reset, "{text:?} must have no colour");
    }
    assert!(
        cell.modifier.contains(mods),
        "{text:?} has {:?}, wants {mods:?}",
        cell.modifier
    );
}

#[test]
fn copied_and_inserted_words_have_their_styles() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, true);
    // Step to the first copied link so that one is on screen.
    app.apply(Action::Jump(
        copycat::testing::Jump::Copied,
        copycat::testing::Dir::Forward,
    ));
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    let (x, y, word) = locate(&app, w, h, Side::B, |c, ch| {
        c == Class::Marked(Mark::Copied) && ch.is_none()
    });
    check_cell(buf, x, y, &word, Some(Color::Green), Modifier::empty());
    assert!(!buf[(x, y)].modifier.contains(Modifier::UNDERLINED));
    let (x, y, word) = locate(&app, w, h, Side::B, |_, ch| ch == Some(Mark::Inserted));
    check_cell(
        buf,
        x,
        y,
        &word,
        Some(Color::Yellow),
        Modifier::BOLD | Modifier::UNDERLINED,
    );
    let (x, y, word) = locate(&app, w, h, Side::A, |_, ch| ch == Some(Mark::Deleted));
    check_cell(
        buf,
        x,
        y,
        &word,
        Some(Color::Red),
        Modifier::BOLD | Modifier::UNDERLINED,
    );
}

#[test]
fn without_colour_modifiers_carry_the_meaning() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, false);
    app.apply(Action::Jump(
        copycat::testing::Jump::Copied,
        copycat::testing::Dir::Forward,
    ));
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    let (x, y, word) = locate(&app, w, h, Side::B, |c, ch| {
        c == Class::Marked(Mark::Copied) && ch.is_none()
    });
    check_cell(buf, x, y, &word, None, Modifier::BOLD);
    let (x, y, word) = locate(&app, w, h, Side::B, |c, ch| {
        c == Class::Marked(Mark::Reworded) && ch.is_none()
    });
    check_cell(buf, x, y, &word, None, Modifier::ITALIC);
    let (x, y, word) = locate(&app, w, h, Side::B, |_, ch| ch == Some(Mark::Inserted));
    check_cell(
        buf,
        x,
        y,
        &word,
        None,
        Modifier::BOLD | Modifier::UNDERLINED,
    );
    // No cell anywhere on screen has a colour.
    for c in buf.content() {
        assert_eq!((c.fg, c.bg), (Color::Reset, Color::Reset));
    }
}

#[test]
fn focused_link_is_marked_on_both_sides() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, true);
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('n'));
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    for side in [Side::A, Side::B] {
        let pg = app.pane_geometry(side);
        let reversed = (pg.text.y..pg.text.bottom())
            .filter(|&y| {
                buf[(pg.letter_x().expect("a gutter"), y)]
                    .modifier
                    .contains(Modifier::REVERSED)
            })
            .count();
        assert!(reversed > 0, "no focused gutter in pane {side:?}");
    }
    let status = screen_text(buf);
    assert!(status.contains("link 2/"), "{status}");
}

#[test]
fn search_counts_matches_and_n_steps_through_them() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, true);
    key(&mut app, KeyCode::Char('/'));
    for c in "plan".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let text = screen_text(draw(&app, w, h).backend().buffer());
    let total = app.search().matches.len();
    assert!(total > 3);
    assert!(text.contains(&format!("“plan” 1/{total}")), "{text}");
    key(&mut app, KeyCode::Char('n'));
    let text = screen_text(draw(&app, w, h).backend().buffer());
    assert!(text.contains(&format!("“plan” 2/{total}")));
}

#[test]
fn wide_characters_stay_inside_their_pane() {
    let text_a = "漢字とかなの記事。😀 emoji 🇺🇦 flags and ｶﾞｷﾞｸﾞ halfwidth ﾊﾟﾋﾟﾌﾟ kana in a sentence. \
                  Another sentence with 全角文字 wide text goes here to wrap.\n";
    let text_b =
        "A different text: 漢字とかなの記事。😀 emoji 🇺🇦 flags and ｶﾞｷﾞｸﾞ halfwidth ﾊﾟﾋﾟﾌﾟ kana.\n";
    let arts = vec![
        Article::parse("a.txt", text_a.as_bytes().to_vec()),
        Article::parse("b.txt", text_b.as_bytes().to_vec()),
    ];
    for w in [20u16, 33, 47, 80] {
        let mut app = App::new(arts.clone(), true, true);
        app.resize(w, 16);
        app.settle();
        let t = draw(&app, w, 16);
        let buf = t.backend().buffer();
        let g = copycat::testing::geometry::screen(Rect::new(0, 0, w, 16), true);
        for pane in g.panes {
            for y in pane.y + 1..pane.bottom() - 1 {
                let right = pane.right() - 1;
                assert_eq!(
                    buf[(right, y)].symbol(),
                    "│",
                    "border overwritten at {right},{y} (width {w})"
                );
            }
        }
    }
}

/// Check a drawn frame: the buffer is exactly `w`×`h`, no cell reaches past
/// the right edge, a wide cell hides a blank, and every cell is safe to send.
fn check_frame(buf: &Buffer, w: u16, h: u16, what: &dyn Fn() -> String) {
    assert_eq!(buf.area, Rect::new(0, 0, w, h), "{}", what());
    for y in 0..h {
        for x in 0..w {
            let cell = &buf[(x, y)];
            let cw = cell.cell_width();
            assert!(
                x + cw <= w,
                "{:?} at {x},{y} is {cw} wide past the edge; {}",
                cell.symbol(),
                what()
            );
            assert!(
                is_safe_cell(cell),
                "unsafe cell {:?} at {x},{y}; {}",
                cell.symbol(),
                what()
            );
        }
    }
}

fn render_at(app: &App, w: u16, h: u16) -> Buffer {
    let mut buf = Buffer::empty(Rect::new(0, 0, w, h));
    app.render(buf.area, &mut buf);
    buf
}

/// Apps over the bundled articles in the states the panes can be in: a
/// search with its matches marked and a focused link, and the side list
/// hidden with the panes scrolled apart to the bottom.
fn apps_in_each_state() -> Vec<(&'static str, App)> {
    let with = |keys: &[KeyCode]| {
        let mut a = app(120, 40, true);
        for k in keys {
            key(&mut a, *k);
        }
        a
    };
    let search = [
        KeyCode::Char('/'),
        KeyCode::Char('t'),
        KeyCode::Enter,
        KeyCode::Char('n'),
        KeyCode::Esc,
        KeyCode::Char('/'),
        KeyCode::Char('p'),
        KeyCode::Enter,
    ];
    let apart = [KeyCode::Char('o'), KeyCode::Char('i'), KeyCode::Char('G')];
    vec![("reading", with(&search)), ("list hidden", with(&apart))]
}

/// Draw `app` as it is, then with each popup or prompt open over it (the
/// help, the search prompt, on a narrow screen the list popup), closing each
/// again: opening them changes no pane width, so no layout is rebuilt.
fn check_every_mode(app: &mut App, state: &str, w: u16, h: u16) {
    let check = |app: &App, mode: &str| {
        let buf = render_at(app, w, h);
        check_frame(&buf, w, h, &|| format!("{mode} over {state} at {w}x{h}"));
    };
    check(app, "nothing");
    app.apply(Action::Help);
    check(app, "help");
    app.apply(Action::Back);
    app.apply(Action::Search);
    app.on_event(&Event::Key(KeyEvent::from(KeyCode::Char('z'))));
    check(app, "search prompt");
    app.apply(Action::Back);
    app.apply(Action::Flags);
    check(app, "flags panel");
    app.apply(Action::Back);
    app.apply(Action::Spread);
    app.settle();
    check(app, "spread view");
    app.apply(Action::Back);
    if w < copycat::testing::geometry::WIDE {
        app.apply(Action::ToggleList);
        assert!(app.list_popup());
        check(app, "list popup");
        app.apply(Action::ToggleList);
    }
    assert!(app.help_scroll().is_none() && app.prompt().is_none() && !app.list_popup());
    assert!(!app.contexts().contains(&copycat::testing::Ctx::Flags));
}

/// Every width at a height, every height at two widths, all small sizes
/// (where off-by-one mistakes live), the edges of each layout rule
/// (pane borders from 6 columns, the short gutter from 20, the full one from
/// 64, the side list from 100) and a coarse grid up to 400×120.
///
/// Coarser than every size at every size: each size costs a layout solve
/// in a debug build, and the whole test stays within half a minute there.
fn sweep_sizes() -> Vec<(u16, u16)> {
    let mut sizes = Vec::new();
    sizes.extend((1..=400).map(|w| (w, 24)));
    sizes.extend((1..=120).map(|w| (w, 3)));
    for w in [80, 400] {
        sizes.extend((1..=120).map(|h| (w, h)));
    }
    for w in 1..=16 {
        sizes.extend((1..=8).map(|h| (w, h)));
    }
    for w in [19, 20, 21, 63, 64, 65, 99, 100, 101] {
        sizes.extend([1, 2, 5, 13, 50, 120].map(|h| (w, h)));
    }
    for w in (1..=400).step_by(29).chain([400]) {
        sizes.extend((1..=120).step_by(17).chain([120]).map(|h| (w, h)));
    }
    // By width: the layout is rebuilt only when the width changes.
    sizes.sort_unstable();
    sizes.dedup();
    sizes
}

#[test]
fn every_size_from_1x1_to_400x120_renders_in_every_mode() {
    let sizes = sweep_sizes();
    assert!(sizes.contains(&(1, 1)) && sizes.contains(&(400, 120)));
    let base = app(120, 40, true);
    // Drawn at sizes the app was not told about (the layout is then built on
    // the fly, the slow path: a sample is enough)…
    for (w, h) in sizes.iter().copied().step_by(13) {
        check_frame(&render_at(&base, w, h), w, h, &|| {
            format!("unannounced {w}x{h}")
        });
    }
    // …and after a resize, in every mode. Size by size, so that the layouts
    // solved for one state are in ratatui's cache for the other.
    let mut states = apps_in_each_state();
    for &(w, h) in &sizes {
        for (state, app) in &mut states {
            app.resize(w, h);
            check_every_mode(app, state, w, h);
        }
    }
}

#[test]
fn a_single_article_is_shown_with_a_message_not_a_crash() {
    let arts = vec![Article::parse(
        "only.txt",
        b"Just one article here.\n".to_vec(),
    )];
    let mut app = App::new(arts, true, true);
    app.resize(60, 12);
    app.settle();
    let text = screen_text(draw(&app, 60, 12).backend().buffer());
    assert!(text.contains("open at least two"), "{text}");
    key(&mut app, KeyCode::Char(']'));
    key(&mut app, KeyCode::Char('n'));
    assert!(!app.should_quit());
}

// Regression tests, one for each bug found by the size sweep, the random walk
// (`tests/hostile.rs`) and the hostile articles.

#[test]
fn q_quits_while_the_help_is_open() {
    // The help took the keyboard whole: q and Ctrl-C, bound "everywhere but
    // the prompt", did nothing until it was closed.
    let mut a = app(120, 40, true);
    key(&mut a, KeyCode::Char('?'));
    assert!(a.help_scroll().is_some());
    key(&mut a, KeyCode::Char('q'));
    assert!(a.should_quit());
}

#[test]
fn help_scroll_is_clamped_when_the_screen_grows() {
    // Scrolled to the end of the help on a short screen, then made taller:
    // the offset stayed past the new last page, so the next k seemed to do
    // nothing (the popup was drawn clamped, the offset was not).
    let mut a = app(100, 20, true);
    key(&mut a, KeyCode::Char('?'));
    for _ in 0..100 {
        key(&mut a, KeyCode::Char('j'));
    }
    let short_end = a.help_scroll().expect("help open");
    assert!(short_end > 0);
    a.resize(100, 60);
    let lines = copycat::testing::help_lines(a.theme(), a.keymap()).len();
    let tall_end = lines.saturating_sub(56);
    assert_eq!(a.help_scroll(), Some(tall_end));
    if tall_end > 0 {
        key(&mut a, KeyCode::Char('k'));
        assert_eq!(a.help_scroll(), Some(tall_end - 1));
    }
}

/// The hostile pair with its 1 MiB line, aligned, at 120×40.
fn megabyte_app() -> App {
    let arts = vec![
        Article::parse("hostile-a.txt", fixtures::article_a()),
        Article::parse("hostile-b.txt", fixtures::article_b(true)),
    ];
    let mut a = App::new(arts, true, true);
    a.resize(120, 40);
    a.settle();
    a
}

#[test]
fn a_search_for_a_common_letter_in_a_1mb_article_does_not_hang() {
    // Each match looked its row up by scanning every row: 100,000 matches of
    // `e` times 30,000 rows, hours for one keystroke. Now a binary search.
    let mut a = megabyte_app();
    key(&mut a, KeyCode::Char('/'));
    key(&mut a, KeyCode::Char('e'));
    key(&mut a, KeyCode::Enter);
    let n = a.search().matches.len();
    assert!(n > 50_000, "{n} matches");
    key(&mut a, KeyCode::Char('n'));
    let m = &a.search().matches[a.search().current.expect("a current match")];
    // The current match is on screen.
    let sp = a.spread_for(a.text_widths()).expect("laid out");
    let row = sp.row_of_byte(m.side, m.bytes.start).expect("a row");
    let top = a.tops()[m.side];
    assert!((top..top + a.page()).contains(&row), "row {row}, top {top}");
}

#[test]
fn a_terminal_too_small_for_text_builds_no_layout() {
    // Two rows leave the panes no room for text, and a width of 0 wrapped
    // every character onto a row of its own: 900,000 rows for the 1 MiB
    // line, on every resize through a tiny size and every frame drawn there.
    let mut a = megabyte_app();
    let rows = a.max_top() + a.page();
    for (w, h) in [(120, 2), (2, 40), (5, 1), (1, 1)] {
        a.resize(w, h);
        assert_eq!(a.max_top() + a.page(), rows.max(a.page()), "at {w}x{h}");
        let buf = render_at(&a, w, h);
        check_frame(&buf, w, h, &|| format!("{w}x{h}"));
    }
    a.resize(120, 40);
    assert_eq!(a.max_top() + a.page(), rows);
}

#[test]
fn tops_stay_on_the_last_page_when_a_pane_has_no_room_for_text() {
    // Found by the random walk: skipping the layout where a pane has no
    // room for text also skipped clamping the scroll offsets, so a taller
    // but very narrow screen left them past the last page.
    for w in 1..=8 {
        let mut a = app(120, 8, true);
        key(&mut a, KeyCode::Char('G'));
        assert!(a.tops().b > 0);
        for h in [30, 40, 8, 60] {
            a.resize(w, h);
            let max = a.max_top();
            assert!(
                a.tops().iter().all(|&t| t <= max),
                "tops {:?} past {max} at {w}x{h}",
                a.tops()
            );
        }
    }
}

// The reader, round 2: names, order, paragraph numbers, the overview map,
// export and copy, keys.

/// The Reuters story and Palakshi's lift of it, opened as typed (A, B).
fn reuters_palakshi(w: u16, h: u16, color: bool) -> App {
    let arts = article::bundled();
    let pick = |k: &str| arts[index_of(&arts, k)].clone();
    let mut app = App::new(vec![pick("reuters"), pick("palakshi")], color, true);
    app.resize(w, h);
    app.keep_order();
    app.settle();
    app
}

fn click(app: &mut App, x: u16, y: u16) {
    use crossterm::event::{KeyModifiers, MouseButton, MouseEvent, MouseEventKind};
    app.on_event(&Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: x,
        row: y,
        modifiers: KeyModifiers::NONE,
    }));
    app.settle();
}

fn status_line(buf: &Buffer) -> String {
    let y = buf.area.height - 1;
    (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect()
}

#[test]
fn headers_gutter_numbers_moved_runs_and_map_of_reuters_and_palakshi() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    let (a, b) = app.pair();
    assert!(
        app.articles()[a].path.contains("reuters"),
        "typed order kept"
    );
    assert!(app.articles()[b].path.contains("palakshi"));
    // m: the first moved link, with its run's note above it on both sides.
    key(&mut app, KeyCode::Char('m'));
    let t = draw(&app, w, h);
    let text = screen_text(t.backend().buffer());
    // Two files typed: no list; each title names its file.
    assert!(!text.contains("Articles"), "{text}");
    let top = text.lines().next().unwrap_or_default();
    // Two versions of one story the same day, neither naming the other: no
    // likely source, and both names whole.
    let a =
        top.find(" A  articles/2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper.txt ");
    let b =
        top.find(" B  articles/2025-11-26-palakshi-us-plan-influenced-by-kremlin-non-paper.txt ");
    assert!(
        a.is_some() && a < b && !top.contains("likely source"),
        "{top}"
    );
    assert!(text.contains(" moved "), "{text}");
    assert!(text.contains("¶1"), "{text}");
    insta::assert_snapshot!("reuters_palakshi_moved", t.backend());
}

#[test]
fn without_colour_the_map_shows_letters_and_the_window() {
    let (w, h) = (100, 30);
    let app = reuters_palakshi(w, h, false);
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    for side in [Side::A, Side::B] {
        let pg = app.pane_geometry(side);
        assert_eq!(pg.map.width, 1);
        let letters: String = (pg.map.y..pg.map.bottom())
            .map(|y| buf[(pg.map.x, y)].symbol())
            .collect();
        assert!(
            letters.contains('C') || letters.contains('R'),
            "{letters:?}"
        );
        // The thumb: the top of the article is on screen.
        assert_eq!(buf[(pg.thumb.x, pg.thumb.y)].symbol(), "┃");
        assert_eq!(buf[(pg.thumb.x, pg.thumb.bottom() - 1)].symbol(), "│");
    }
    insta::assert_snapshot!("reuters_palakshi_no_colour_100x30", t.backend());
}

#[test]
fn a_click_on_the_map_scrolls_there_and_a_click_on_text_focuses_its_link() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    let pg = app.pane_geometry(Side::A);
    click(&mut app, pg.map.x, pg.map.bottom() - 1);
    assert_eq!(app.tops().a, app.max_top(), "a click at the map's foot");
    click(&mut app, pg.map.x, pg.map.y);
    assert_eq!(app.tops().a, 0, "a click at its head");
    // A click on the first row of some link's text focuses that link.
    let sp = app.spread_for(app.text_widths()).expect("aligned");
    let (dy, unit) = sp
        .rows(Side::B)
        .iter()
        .enumerate()
        .take(usize::from(pg.text.height))
        .find_map(|(i, r)| match r.unit {
            copycat::testing::Unit::Link(_) if r.kind == RowKind::Text => Some((i, r.unit)),
            _ => None,
        })
        .expect("a link on the first page");
    drop(sp);
    let pb = app.pane_geometry(Side::B);
    click(&mut app, pb.text.x + 3, pb.text.y + dy as u16);
    assert_eq!(app.focus(), Some(unit));
    assert_eq!(app.active_pane(), copycat::testing::Pane::B);
}

#[test]
fn esc_never_quits_and_q_does() {
    let mut app = app(120, 40, true);
    for _ in 0..5 {
        key(&mut app, KeyCode::Esc);
        assert!(!app.should_quit());
    }
    assert_eq!(app.note(), Some("q quits"));
    key(&mut app, KeyCode::Char('/'));
    key(&mut app, KeyCode::Char('x'));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert!(!app.should_quit());
    key(&mut app, KeyCode::Char('q'));
    assert!(app.should_quit());
}

#[test]
fn the_list_filters_pages_counts_and_grows_with_the_terminal() {
    let mut app = app(220, 50, true);
    let g = copycat::testing::geometry::screen(Rect::new(0, 0, 220, 50), true);
    assert_eq!(g.list.expect("side list").width, 55);
    key(&mut app, KeyCode::Char('o'));
    key(&mut app, KeyCode::Char('o'));
    assert_eq!(app.active_pane(), copycat::testing::Pane::List);
    let text = screen_text(draw(&app, 220, 50).backend().buffer());
    assert!(text.contains("Articles 5"), "{text}");
    assert!(text.contains("% of each found in A"));
    // Each row's second line is the file name, shortened from the left.
    assert!(
        text.contains("-the-insider-dmitriev-and-ushakov-plan.txt"),
        "{text}"
    );
    key(&mut app, KeyCode::Char('/'));
    for c in "undated".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = draw(&app, 220, 50);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Articles 2/5 “undated”"), "{text}");
    assert!(status_line(t.backend().buffer()).contains("2 of 5 articles"));
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::PageDown);
    let last = app.list().shown()[1];
    assert_eq!(app.selected(), last);
    key(&mut app, KeyCode::PageUp);
    assert_eq!(app.selected(), app.list().shown()[0]);
    // Esc in the list clears the filter, and quits nothing.
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.list().shown().len(), 5);
    assert!(!app.should_quit());
}

#[test]
fn hints_follow_the_focused_pane() {
    let mut app = app(160, 45, true);
    let hints = |app: &App| status_line(draw(app, 160, 45).backend().buffer());
    assert!(hints(&app).contains("Space page"), "{}", hints(&app));
    key(&mut app, KeyCode::Tab);
    assert_eq!(app.active_pane(), copycat::testing::Pane::List);
    let s = hints(&app);
    assert!(
        s.contains("Enter set A") && s.contains("Space set B"),
        "{s}"
    );
    assert!(!s.contains("Space page"), "{s}");
}

#[test]
fn the_status_bar_keeps_the_pair_number_after_a_swap() {
    let mut app = app(160, 45, true);
    key(&mut app, KeyCode::Char(']'));
    let before = status_line(draw(&app, 160, 45).backend().buffer());
    let of = app.walk().len();
    assert!(of >= 2);
    assert!(before.contains(&format!("pair 2/{of}")), "{before}");
    key(&mut app, KeyCode::Char('s'));
    let after = status_line(draw(&app, 160, 45).backend().buffer());
    assert!(after.contains(&format!("pair 2/{of} swapped")), "{after}");
}

#[test]
fn the_current_search_match_is_reverse_video_and_the_others_are_not() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, true);
    key(&mut app, KeyCode::Char('/'));
    for c in "peace".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    let mut current = 0;
    let mut others = 0;
    for c in buf.content() {
        if c.modifier.contains(Modifier::REVERSED) && c.modifier.contains(Modifier::BOLD) {
            current += 1;
        } else if c.bg == Color::DarkGray {
            others += 1;
            assert!(!c.modifier.contains(Modifier::REVERSED));
        }
    }
    assert_eq!(current, "peace".len(), "one current match");
    assert!(others >= "peace".len(), "other matches shown");
}

#[test]
fn e_writes_the_html_report_and_never_overwrites() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = reuters_palakshi(120, 40, true);
    app.export_to(copycat::export::html::render, dir.path());
    key(&mut app, KeyCode::Char('e'));
    let name = "2025-11-26-reuters-us-peace-plan-drew-on-russian-non-paper--\
                2025-11-26-palakshi-us-plan-influenced-by-kremlin-non-paper";
    let first = dir.path().join(format!("{name}.html"));
    let html = std::fs::read_to_string(&first).expect("report written");
    assert!(html.starts_with("<!doctype html>"));
    assert!(
        app.note()
            .is_some_and(|n| n.starts_with("wrote ") && n.ends_with(".html"))
    );
    key(&mut app, KeyCode::Char('e'));
    assert!(dir.path().join(format!("{name}-2.html")).exists());
    assert_eq!(std::fs::read_to_string(&first).expect("still there"), html);
}

#[test]
fn y_puts_the_focused_link_on_the_clipboard_through_osc_52() {
    let mut app = reuters_palakshi(120, 40, true);
    key(&mut app, KeyCode::Char('y'));
    assert!(app.take_outbox().is_none(), "nothing focused, nothing sent");
    key(&mut app, KeyCode::Char('n'));
    key(&mut app, KeyCode::Char('y'));
    let bytes = app.take_outbox().expect("a clipboard sequence");
    let s = String::from_utf8(bytes).expect("ASCII");
    assert!(
        s.starts_with("\x1b]52;c;") && s.ends_with("\x1b\\"),
        "{s:?}"
    );
    assert!(app.take_outbox().is_none(), "sent once");
    // Nothing of it is drawn.
    let text = screen_text(draw(&app, 120, 40).backend().buffer());
    assert!(!text.contains("52;c;"));
    assert!(app.note().is_some_and(|n| n.contains("copied link 1")));
}

#[test]
fn the_list_with_file_names_and_a_filter() {
    let (w, h) = (160, 45);
    let mut app = app(w, h, true);
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Char('/'));
    for c in "2025".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    let t = draw(&app, w, h);
    insta::assert_snapshot!("list_filter_typed", t.backend());
}

#[test]
fn p_steps_through_reused_passages_and_the_status_says_which() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    let passages = app.alignment().expect("aligned").passages.len();
    assert!(passages >= 2);
    key(&mut app, KeyCode::Char('p'));
    let first = app.focus();
    assert!(first.is_some());
    key(&mut app, KeyCode::Char('p'));
    assert_ne!(app.focus(), first);
    key(&mut app, KeyCode::Char('P'));
    assert_eq!(app.focus(), first);
    // The last passage holds several links: the status says so, and its
    // bracket is drawn.
    key(&mut app, KeyCode::Char('G'));
    for _ in 0..passages {
        key(&mut app, KeyCode::Char('p'));
    }
    let t = draw(&app, w, h);
    let text = screen_text(t.backend().buffer());
    assert!(
        status_line(t.backend().buffer()).contains("passage "),
        "{text}"
    );
    assert!(text.contains('╭') && text.contains('╰'), "{text}");
}

#[test]
fn a_phrase_moved_inside_a_link_is_drawn_in_the_moved_look_on_both_sides() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    let al = app.alignment().expect("aligned").clone();
    let i = al
        .links
        .iter()
        .position(|l| {
            l.ops
                .iter()
                .any(|op| matches!(op, copycat::align::WordOp::Moved { .. }))
        })
        .expect("a link with a moved phrase");
    for _ in 0..al.links.len() {
        if app.focus() == Some(copycat::testing::Unit::Link(i)) {
            break;
        }
        key(&mut app, KeyCode::Char('n'));
    }
    assert_eq!(app.focus(), Some(copycat::testing::Unit::Link(i)));
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    for side in [Side::A, Side::B] {
        let (x, y, word) = locate(&app, w, h, side, |_, ch| ch == Some(Mark::Moved));
        check_cell(buf, x, y, &word, Some(Color::Blue), Modifier::empty());
    }
}

/// The flag's highlight (`marks::Mark::Flagged`): dark ink on amber.
const FLAG_AMBER: Color = Color::Rgb(0xff, 0xb7, 0x4d);

/// The cell where `word` first starts on row `y` at or after column `from`.
fn find_on_row(buf: &Buffer, y: u16, from: u16, word: &str) -> Option<u16> {
    let row: Vec<&str> = (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect();
    let chars: Vec<String> = word.chars().map(String::from).collect();
    (from..buf.area.width).find(|&x| {
        chars
            .iter()
            .enumerate()
            .all(|(i, c)| row.get(usize::from(x) + i).is_some_and(|s| s == c))
    })
}

#[test]
fn f_goes_to_a_flag_marks_its_word_and_the_status_says_what_changed() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    assert_eq!(app.flag_status(), None);
    // Zelenskiy, the altered quotation, then Lavrov's first name.
    for _ in 0..3 {
        key(&mut app, KeyCode::Char('f'));
    }
    let status = app.flag_status().expect("on a flag");
    assert!(
        status.starts_with("flag 3/5 · name “Sergei” → “Sergey”"),
        "{status}"
    );
    let t = draw(&app, w, h);
    let buf = t.backend().buffer();
    assert!(status_line(buf).contains("flag 3/5 · name “Sergei” → “Sergey”"));
    // Both sides of the flag are on screen, each with its ⚑ in the gutter
    // and the changed name itself in the flag's look.
    for (word, from) in [("Sergei", 0), ("Sergey", w / 2)] {
        let y = (0..h)
            .find(|&y| find_on_row(buf, y, from, word).is_some())
            .unwrap_or_else(|| panic!("{word} not on screen:\n{}", screen_text(buf)));
        let x = find_on_row(buf, y, from, word).expect("found");
        assert_eq!(buf[(x, y)].bg, FLAG_AMBER, "{word}");
        assert!(buf[(x, y)].modifier.contains(Modifier::BOLD), "{word}");
        let gutter: String = (from..x).map(|x| buf[(x, y)].symbol()).collect();
        assert!(gutter.contains('⚑'), "{word}: no flag in {gutter:?}");
        // The word after it (“Lavrov”) is not flagged.
        let after = find_on_row(buf, y, x, "Lavrov").expect("Lavrov");
        assert_ne!(buf[(after, y)].bg, FLAG_AMBER);
    }
    insta::assert_snapshot!("flag_selected", t.backend());
    // F steps back; past the first flag the reader says so and stays.
    key(&mut app, KeyCode::Char('F'));
    assert!(
        app.flag_status()
            .expect("on a flag")
            .starts_with("flag 2/5 · altered quote")
    );
    key(&mut app, KeyCode::Char('F'));
    key(&mut app, KeyCode::Char('F'));
    assert_eq!(app.note(), Some("this is the first flag"));
    assert!(
        app.flag_status()
            .expect("on a flag")
            .starts_with("flag 1/5")
    );
}

/// Regression: the panel took the whole screen for five flags, and showed
/// an altered quotation from its first word on both sides, two identical
/// beginnings with the change cut off past the edge.
#[test]
fn the_flags_panel_lists_both_sides_and_enter_goes_to_one() {
    let (w, h) = (160, 45);
    let mut app = reuters_palakshi(w, h, true);
    key(&mut app, KeyCode::Char('!'));
    let t = draw(&app, w, h);
    let text = screen_text(t.backend().buffer());
    for want in [
        "⚑ Changed quotations, numbers and names (5)",
        "Enter goes to the selected flag · ! or Esc closes",
        "altered quote Trump’s words: B drops “with”, “at the same time”",
        // The quotation from just before its change, on each side.
        "… Witkoff to meet with President Putin in Moscow and, at the same time,",
        "… Witkoff to meet President Putin in Moscow, and Secretary of the Army",
        "Russian Foreign Minister Sergei Lavrov during which",
        "Russian Foreign Minister Sergey Lavrov, during which",
        "number “three” → “multiple”",
    ] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }
    // Five flags of three rows, a header, two borders: 18 rows, not 43.
    let rows_with_title = text
        .lines()
        .filter(|l| l.contains("│Enter goes to"))
        .count();
    assert_eq!(rows_with_title, 1);
    let bottom = text
        .lines()
        .position(|l| l.contains("└────") && !l.starts_with('└'))
        .expect("the panel's bottom border");
    let top = text
        .lines()
        .position(|l| l.contains("┌ ⚑ Changed"))
        .expect("the panel's top border");
    assert_eq!(bottom - top + 1, 18, "{text}");
    insta::assert_snapshot!("flags_panel", t.backend());
    // j j Enter: the third flag, the panel closed.
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Char('j'));
    key(&mut app, KeyCode::Enter);
    assert!(!app.contexts().contains(&copycat::testing::Ctx::Flags));
    let status = app.flag_status().expect("on the flag chosen");
    assert!(status.starts_with("flag 3/5 · name “Sergei”"), "{status}");
    // ! with the panel open closes it, as Esc does.
    key(&mut app, KeyCode::Char('!'));
    assert!(app.contexts().contains(&copycat::testing::Ctx::Flags));
    key(&mut app, KeyCode::Char('!'));
    assert!(!app.contexts().contains(&copycat::testing::Ctx::Flags));
}

/// Regression: the help's legend named `p, P` for reused passages whatever
/// the config file bound them to.
/// The status notes name the keys as configured: after rebinding, `*`'s
/// note once still said `] and [`, and `y` with nothing focused said `n`.
#[test]
fn notes_name_the_keys_a_config_file_binds() {
    let config = copycat::testing::parse_config(
        "[keys.everywhere]\nnext-pair = [\">\"]\nprevious-pair = [\"<\"]\nnext = [\"j\"]\n",
        "test.toml",
    )
    .expect("a valid config");
    let mut app = reuters_palakshi(120, 40, true);
    app.set_keymap(config.keymap);
    key(&mut app, KeyCode::Char('*'));
    let note = app.note().expect("a note").to_string();
    assert!(note.starts_with("> and < step through all"), "{note}");
    key(&mut app, KeyCode::Char('y'));
    let note = app.note().expect("a note").to_string();
    assert!(
        note.contains("focus a passage first (j, or a click)"),
        "{note}"
    );
}

#[test]
fn the_help_shows_the_keys_a_config_file_binds() {
    let config = copycat::testing::parse_config(
        "[keys.everywhere]\nnext-flag = [\"x\"]\nflags = [\"f2\"]\n\
         next-passage = [\"alt-p\"]\nquit = [\"Q\"]\n",
        "test.toml",
    )
    .expect("a valid config");
    let (w, h) = (120, 60);
    let mut app = reuters_palakshi(w, h, true);
    app.set_keymap(config.keymap);
    // The rebound keys work, the old ones no longer do.
    key(&mut app, KeyCode::Char('f'));
    assert_eq!(app.flag_status(), None);
    key(&mut app, KeyCode::Char('x'));
    assert!(app.flag_status().expect("x steps").starts_with("flag 1/5"));
    key(&mut app, KeyCode::F(2));
    assert!(app.contexts().contains(&copycat::testing::Ctx::Flags));
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('?'));
    let t = draw(&app, w, h);
    let text = screen_text(t.backend().buffer());
    for want in [
        "a reused passage: links in order on both sides (Alt-P, P)",
        "a changed quotation, number or name (x, F, F2)",
        "  Q Ctrl-C          quit",
        "  x                 next flag",
        "  F2                list the flags",
    ] {
        assert!(text.contains(want), "no {want:?} in\n{text}");
    }
    assert!(!text.contains("(p, P)") && !text.contains("  f                 next flag"));
    insta::assert_snapshot!("help_popup_rebound", t.backend());
    // Esc then: the note names the configured quit key.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Esc);
    assert_eq!(app.note(), Some("Q quits"));
}

#[test]
fn the_light_and_dark_palettes_colour_the_text() {
    use copycat::marks::{Background, Palette};
    use copycat::testing::Theme;
    for (bg, copied) in [
        (Background::Light, Color::Rgb(0x1b, 0x6e, 0x20)),
        (Background::Dark, Color::Rgb(0x8b, 0xe2, 0x8f)),
    ] {
        let mut app = reuters_palakshi(160, 45, true);
        app.set_theme(Theme::with(Palette::default_for(bg)));
        let t = draw(&app, 160, 45);
        let buf = t.backend().buffer();
        let fgs: Vec<Color> = buf.content().iter().map(|c| c.fg).collect();
        assert!(
            fgs.contains(&copied),
            "{bg:?}: no copied text in its colour"
        );
        // No named colour of the terminal palette is left on the text.
        assert!(!fgs.contains(&Color::Green), "{bg:?}: the terminal's green");
    }
}

/// Regression: `!` over the sources popup (`w`) drew the flags on top while
/// the keys still went to the sources, and `w` over the flags the other way
/// round. One popup at a time: each closes the other.
#[test]
fn the_flags_panel_and_the_sources_popup_replace_each_other() {
    use copycat::testing::Ctx;
    let mut app = app(160, 45, true);
    key(&mut app, KeyCode::Char('w'));
    assert!(app.contexts().contains(&Ctx::Provenance));
    key(&mut app, KeyCode::Char('!'));
    assert_eq!(app.contexts()[0], Ctx::Flags);
    assert!(!app.contexts().contains(&Ctx::Provenance));
    let text = screen_text(draw(&app, 160, 45).backend().buffer());
    assert!(text.contains("Changed quotations, numbers and names"));
    assert!(!text.contains("share of each article found in the one above it"));
    key(&mut app, KeyCode::Char('w'));
    assert_eq!(app.contexts()[0], Ctx::Provenance);
    assert!(!app.contexts().contains(&Ctx::Flags));
    let text = screen_text(draw(&app, 160, 45).backend().buffer());
    assert!(!text.contains("Changed quotations, numbers and names"));
}

/// Regression: on a flag with a long note (an altered quotation), the
/// status bar's line ran past its end and the search's match count, after
/// it, was never seen. The flag's line is shortened instead.
#[test]
fn a_long_flag_note_leaves_the_search_count_on_the_status_bar() {
    let (w, h) = (120, 40);
    let mut app = reuters_palakshi(w, h, true);
    key(&mut app, KeyCode::Char('/'));
    for c in "moscow".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Char('f'));
    key(&mut app, KeyCode::Char('f'));
    let flag = app.flag_status().expect("on a flag");
    assert!(flag.starts_with("flag 2/5 · altered quote"), "{flag}");
    let status = status_line(draw(&app, w, h).backend().buffer());
    let count = format!("“moscow” {}", app.search().count());
    assert!(status.contains(&count), "no {count:?} in {status:?}");
    assert!(status.contains("flag 2/5 · altered quote"), "{status}");
    assert!(status.contains('…'), "the flag's line shortened: {status}");
}

/// The spread view of the Reuters story: its paragraphs, a column for each
/// article holding some of them, and the list of those articles.
#[test]
fn the_spread_view_is_a_heat_map_of_who_took_each_paragraph() {
    let mut app = app(140, 36, true);
    let arts = article::bundled();
    let reuters = index_of(&arts, "reuters");
    key(&mut app, KeyCode::Char('h'));
    if app.pair().0 != reuters {
        app.apply(Action::Swap);
        app.settle();
    }
    assert_eq!(app.pair().0, reuters);
    key(&mut app, KeyCode::Char('t'));
    let t = draw(&app, 140, 36);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Spread of"), "{text}");
    assert!(text.contains("share text with it"), "{text}");
    insta::assert_snapshot!("spread_view", t.backend());
    // Right, then Enter: the second article's pair, on the paragraph.
    key(&mut app, KeyCode::Char('l'));
    key(&mut app, KeyCode::Enter);
    assert!(matches!(app.focus(), Some(copycat::testing::Unit::Link(_))));
    assert!(app.pair().0 == reuters || app.pair().1 == reuters);
}

/// Issue 20: in the reader, a page read with doubt says so on its pane's
/// border and under its title, and the list counts the files skipped and
/// the pages in doubt from the first frame; the status bar names them.
#[test]
fn a_doubtful_page_and_skipped_files_show_in_the_first_frame() {
    let (a, b) = doubt::doubtful_pair();
    let arts = vec![a, b, article::bundled().remove(0)];
    let mut app = App::new(arts, true, true);
    app.note_skipped(&[
        "skipped blob.bin: binary file (contains NUL bytes), not an article".into(),
    ]);
    app.resize(140, 30);
    let note = app.note().expect("a note").to_string();
    assert!(
        note.contains("1 file skipped (blob.bin") && note.contains("1 page read with doubt"),
        "{note}"
    );
    app.settle();
    key(&mut app, KeyCode::Char('{'));
    let (pa, _) = app.pair();
    let t = draw(&app, 140, 30);
    let text = screen_text(t.backend().buffer());
    assert!(text.contains("Articles 3"), "{text}");
    assert!(text.contains("1 skipped · 1 in doubt"), "{text}");
    let doubtful_shown = pa == 0 || app.pair().1 == 0;
    assert!(doubtful_shown, "the pair holds the doubtful page");
    assert!(
        text.contains("page read with doubt (--whole-page)"),
        "{text}"
    );
}

/// `--common`: the two rewrites of the Reuters report, with Reuters named as
/// the text both drew on. Every match they have is Reuters', set apart, and
/// the status bar says so: without it their sentences would read as each
/// side's own.
#[test]
fn what_a_pair_has_from_a_common_text_is_set_apart_and_said() {
    let all = article::bundled();
    let pick = |key: &str| all[index_of(&all, key)].clone();
    let (a, b, reuters) = (pick("palakshi"), pick("undated-rewrite"), pick("reuters"));
    let mut app = App::new(vec![a.clone(), b.clone()], false, true);
    app.keep_order();
    app.set_common(vec![reuters]);
    app.resize(160, 45);
    app.settle();
    let t = draw(&app, 160, 45);
    let text = screen_text(t.backend().buffer());
    let status = text.lines().last().unwrap();
    assert!(status.contains("8 matches set apart"), "{status}");
    assert!(status.contains("0 links"), "{status}");
    // What is set apart is neither new nor dropped: it has a share of its
    // own on each side, and the three of B add up.
    assert!(
        status.contains("common 63% new 37% · A common 44% dropped 56%"),
        "{status}"
    );
    insta::assert_snapshot!("common_palakshi_vs_rewrite", t.backend());
    // On an 80-column terminal the shares stay whole; the count of matches
    // set apart goes, whole, before anything is cut mid-word.
    app.resize(80, 24);
    let narrow = screen_text(draw(&app, 80, 24).backend().buffer());
    let status = narrow.lines().last().unwrap().trim_end();
    assert_eq!(
        status,
        "B copied 0% reworded 0% common 63% new 37% · A common 44% dropped 56%"
    );
    app.resize(160, 45);
    // A page down: what both have from it is neither new nor dropped but
    // set apart, unmarked, level with the other side's where it keeps the
    // order, under a note saying where the other side has it and from what.
    key(&mut app, KeyCode::Char(' '));
    let t = draw(&app, 160, 45);
    let text = screen_text(t.backend().buffer());
    let level = text
        .lines()
        .find(|l| l.contains("≡ set apart with B ¶2 · from 2025-11-26-reuters"))
        .unwrap_or_else(|| panic!("A's note:\n{text}"));
    assert!(level.contains("≡ set apart with A ¶8 · from"), "{level}");
    insta::assert_snapshot!("common_palakshi_vs_rewrite_set_apart", t.backend());
    // Without the common text the pair has links, and nothing is set apart.
    let mut plain = App::new(vec![a, b], false, true);
    plain.keep_order();
    plain.resize(160, 45);
    plain.settle();
    let text = screen_text(draw(&plain, 160, 45).backend().buffer());
    let status = text.lines().last().unwrap();
    assert!(!status.contains("set apart"), "{status}");
    assert!(!status.contains(" 0 links"), "{status}");
}
