//! The app driven by actions, with the work done in place (`settle`).

use super::*;
use crate::side::Side;
use crate::ui::inspect::Inspect;
use crate::ui::pairs;
use crate::view::Unit;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};

fn settled() -> App {
    let mut app = App::new(crate::article::bundled(), true, true);
    app.resize(120, 40);
    app.settle();
    app
}

#[test]
fn first_screen_is_the_most_reused_pair_and_work_is_cached() {
    let app = settled();
    let r = app.ranking().unwrap();
    assert_eq!(app.pair(), (r[0].a, r[0].b));
    assert!(app.alignment().is_some());
    assert!(!app.busy());
}

#[test]
fn brackets_walk_the_pairs_that_share_text_and_star_walks_all() {
    let mut app = settled();
    let ranked: Vec<(usize, usize)> = app.ranking().unwrap().iter().map(|p| (p.a, p.b)).collect();
    let sharing: Vec<(usize, usize)> = app
        .ranking()
        .unwrap()
        .iter()
        .filter(|p| pairs::shares_text(p))
        .map(|p| (p.a, p.b))
        .collect();
    // The ranking holds the pairs that share text and no other
    // (`corpus::Pair::shares_text`, the one definition `rank` lists).
    let n = sharing.len();
    assert!(n >= 2 && n == ranked.len(), "{n} of {}", ranked.len());
    let mut seen = vec![app.pair()];
    for _ in 1..sharing.len() {
        app.apply(Action::NextPair);
        app.settle();
        seen.push(app.pair());
    }
    assert_eq!(seen, sharing);
    app.apply(Action::NextPair);
    assert!(
        app.note()
            .is_some_and(|n| n.starts_with("that was the last pair")),
        "{:?}",
        app.note()
    );
    assert_eq!(app.walk_position(), Some((n - 1, n, false)));
    app.apply(Action::PrevPair);
    app.settle();
    assert_eq!(app.pair(), sharing[n - 2]);
    // After a swap the pair keeps its place in the walk.
    app.apply(Action::Swap);
    assert_eq!(app.walk_position(), Some((n - 2, n, true)));
    // * walks every pair of articles, those that share text first: its
    // note states the true total (regression: "all 5 pairs" of 10).
    let articles = app.articles().len();
    let total = articles * (articles - 1) / 2;
    app.apply(Action::AllPairs);
    assert!(
        app.note()
            .is_some_and(|t| t.contains(&format!("all {total} pairs"))),
        "{:?}",
        app.note()
    );
    let mut seen = vec![app.pair()];
    app.apply(Action::NextPair);
    app.settle();
    seen.push(app.pair());
    while app.walk_position().is_some_and(|(n, of, _)| n + 1 < of) {
        app.apply(Action::NextPair);
        app.settle();
        seen.push(app.pair());
    }
    assert_eq!(
        app.walk_position().map(|(n, of, _)| (n, of)),
        Some((total - 1, total))
    );
    // From the pair before last of the ranking: the last, then every
    // other pair once.
    assert_eq!(seen[1], ranked[n - 1]);
    let mut all: Vec<(usize, usize)> = seen[1..]
        .iter()
        .chain(&ranked[..n - 1])
        .map(|&(a, b)| (a.min(b), a.max(b)))
        .collect();
    all.sort_unstable();
    all.dedup();
    assert_eq!(all.len(), total);
    // And back: [ steps through the same pairs the other way.
    let mut back = vec![app.pair()];
    for _ in 0..total - 1 {
        app.apply(Action::PrevPair);
        app.settle();
        back.push(app.pair());
    }
    let mut forward: Vec<(usize, usize)> = ranked[..n - 1].to_vec();
    forward.extend(&seen[1..]);
    back.reverse();
    assert_eq!(back, forward);
    // } and { go to the ends of the whole walk.
    app.apply(Action::FirstPair);
    assert_eq!(app.pair(), ranked[0]);
    app.apply(Action::LastPair);
    assert_eq!(app.walk_position().map(|(n, _, _)| n), Some(total - 1));
}

#[test]
fn n_steps_links_in_order_and_search_takes_over_n() {
    let mut app = settled();
    let links = app.alignment().unwrap().links.len();
    assert!(links > 2);
    app.apply(Action::Next);
    let first = app.focus();
    app.apply(Action::Next);
    assert_ne!(app.focus(), first);
    app.apply(Action::Prev);
    assert_eq!(app.focus(), first);
    // A search takes over n/N until Esc clears it.
    app.apply(Action::Search);
    for c in "plan".chars() {
        app.on_key(&KeyEvent::from(crossterm::event::KeyCode::Char(c)));
    }
    app.apply(Action::Accept);
    assert!(app.panes.search.matches.len() > 2);
    let focus = app.focus();
    let cur = app.panes.search.current;
    app.apply(Action::Next);
    assert_ne!(app.panes.search.current, cur);
    assert_eq!(app.focus(), focus);
    app.apply(Action::Back);
    assert!(!app.panes.search.active());
    // Esc never quits: it clears the focus, then says how to quit.
    for _ in 0..3 {
        app.apply(Action::Back);
    }
    assert!(!app.should_quit());
    assert_eq!(app.focus(), None);
    assert_eq!(app.note(), Some("q quits"));
}

#[test]
fn w_shows_who_took_from_whom_and_enter_opens_the_pair() {
    let mut app = settled();
    let arts = crate::article::bundled();
    let idx = |s: &str| arts.iter().position(|a| a.path.contains(s)).unwrap();
    let (reuters, rewrite) = (idx("reuters"), idx("undated-rewrite"));
    let (wsj, insider) = (idx("wsj"), idx("the-insider"));
    app.apply(Action::Provenance);
    assert_eq!(app.contexts()[0], Ctx::Provenance);
    // Two roots of one child each, the first given first: the WSJ story
    // with The Insider (which names it), and the Reuters story with the
    // rewrite that names it (Palakshi's, the same day and as much of each
    // in the other, is related, not a child).
    let Some(Layer::Sources(sources)) = app.overlays.top() else {
        panic!("the sources on top");
    };
    let lines = sources.lines().to_vec();
    // One count: the popup holds the pairs `]` walks (and `rank` lists),
    // those of unknown direction marked related below the tree.
    assert_eq!(sources.pairs(), app.walk().len());
    let tree: Vec<(usize, usize)> = lines.iter().map(|n| (n.depth, n.article)).collect();
    assert_eq!(
        tree,
        [(0, wsj), (1, insider), (0, reuters), (1, rewrite)],
        "{tree:?}"
    );
    app.apply(Action::Down);
    app.apply(Action::Down);
    app.apply(Action::Down);
    app.apply(Action::OpenPair);
    app.settle();
    assert!(!app.overlays.is_open(Kind::Sources));
    assert_eq!(app.pair(), (reuters, rewrite));
    // Drawing it does not panic at any size.
    app.apply(Action::Provenance);
    for (w, h) in [(1, 1), (20, 5), (80, 24), (200, 60)] {
        app.resize(w, h);
        let mut buf = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, w, h));
        ratatui::widgets::Widget::render(&app, buf.area, &mut buf);
    }
    app.apply(Action::Back);
    assert!(!app.overlays.is_open(Kind::Sources));
}

#[test]
fn enter_and_space_choose_a_and_b_and_s_swaps() {
    let mut app = settled();
    app.screen.pane = Pane::List;
    app.list.selected = 0;
    app.apply(Action::SetA);
    app.list.selected = 4;
    app.apply(Action::SetB);
    app.settle();
    assert_eq!(app.pair(), (0, 4));
    app.apply(Action::Swap);
    app.settle();
    assert_eq!(app.pair(), (4, 0));
    // Choosing B's article as A swaps rather than comparing it with itself.
    app.list.selected = 0;
    app.apply(Action::SetA);
    assert_eq!(app.pair(), (0, 4));
    assert!(app.share_against_a(4).is_some());
}

#[test]
fn a_jump_asked_for_while_aligning_happens_when_the_alignment_arrives() {
    let mut app = App::new(crate::article::bundled(), true, true);
    app.resize(120, 40);
    app.apply(Action::Next);
    assert_eq!(app.focus(), None);
    app.settle();
    assert!(matches!(app.focus(), Some(Unit::Link(_))));
}

#[test]
fn help_scrolls_within_its_text() {
    let mut app = settled();
    app.resize(100, 20);
    app.apply(Action::Help);
    for _ in 0..200 {
        app.apply(Action::Down);
    }
    let end = app.help_scroll().unwrap();
    assert_eq!(
        end,
        crate::ui::help::lines(&app.theme, &app.keymap).len() - 16
    );
    app.apply(Action::Up);
    assert_eq!(app.help_scroll(), Some(end - 1));
}

/// Regression: every key typed into the prompt searched both texts again
/// (lower-casing each whole text first): a 300-character paste froze a
/// 7 MB pair for a minute. Now typing only edits the prompt; the search
/// runs once per batch of keys, over texts folded once.
#[test]
fn typing_searches_once_per_batch_over_texts_folded_once() {
    let mut app = settled();
    app.apply(Action::Search);
    for c in "plan".chars() {
        app.on_key(&KeyEvent::from(KeyCode::Char(c)));
    }
    assert!(app.panes.search.matches.is_empty() && app.panes.search.pending);
    assert!(
        app.panes.search.folded.is_empty(),
        "no text folded while typing"
    );
    app.catch_up();
    let n = app.panes.search.matches.len();
    assert!(n > 2 && !app.panes.search.pending);
    assert_eq!(app.panes.search.folded.len(), 2);
    let a = app.pair().0;
    let folded = app.panes.search.folded[&a].clone();
    app.on_key(&KeyEvent::from(KeyCode::Backspace));
    app.apply(Action::Accept);
    assert!(
        app.panes.search.matches.len() >= n,
        "“pla” matches at least “plan”"
    );
    // The same folded text, not made again.
    assert!(Arc::ptr_eq(&folded, &app.panes.search.folded[&a]));
    // The matches of each side, sorted, for drawing.
    for side in [Side::A, Side::B] {
        let (v, _) = app.panes.search.on_side(side);
        assert!(v.windows(2).all(|w| w[0].start < w[1].start));
        let count = app
            .panes
            .search
            .matches
            .iter()
            .filter(|m| m.side == side)
            .count();
        assert_eq!(v.len(), count);
    }
}

/// Regression: each resize laid the pair out again on the UI thread
/// (seconds for megabytes), one size after another. A large pair is now
/// laid out off the UI thread, the newest size only, while the layout in
/// hand is still drawn; the top row keeps showing the same text.
#[test]
fn a_storm_of_resizes_asks_for_one_layout_off_the_ui_thread() {
    let mut app = settled();
    app.set_sync_layout_limit(0);
    app.screen.pane = Pane::B;
    for _ in 0..40 {
        app.apply(Action::Down);
    }
    let sp = app.panes.reading.spread().unwrap();
    let byte = sp.rows(Side::B)[app.tops().b].first_byte().unwrap();
    for w in 0..200u16 {
        app.on_event(&Event::Resize(60 + w % 90, 30 + w % 20));
    }
    app.on_event(&Event::Resize(150, 45));
    // Nothing was laid out here, and the old layout was let go (two
    // layouts of a large pair are never held at once).
    assert!(app.panes.reading.spread().is_none());
    assert!(app.laying_out() && app.busy());
    let widths = |app: &App| app.panes.reading.spread().unwrap().widths;
    let job = app.take_layout().expect("a layout to build");
    assert_eq!(job.widths, app.text_widths());
    assert!(app.take_layout().is_none(), "one job for the storm");
    app.on_laid_out(job.run());
    assert!(!app.laying_out());
    assert_eq!(widths(&app), app.text_widths());
    let sp = app.panes.reading.spread().unwrap();
    let r = sp.row_of_byte(Side::B, byte).unwrap();
    assert_eq!(app.tops().b, r.min(app.max_top()));
}

#[test]
fn a_jump_asked_for_while_a_large_pair_is_laid_out_happens_with_the_layout() {
    let mut app = App::new(crate::article::bundled(), true, true);
    app.set_sync_layout_limit(0);
    app.resize(120, 40);
    app.apply(Action::Next);
    app.settle();
    assert!(matches!(app.focus(), Some(Unit::Link(_))));
}

#[test]
fn synchronized_scrolling_keeps_panes_level_and_can_be_switched_off() {
    let mut app = settled();
    app.screen.pane = Pane::B;
    app.apply(Action::Down);
    app.apply(Action::Down);
    assert_eq!(app.tops(), Sides::new(2, 2));
    app.apply(Action::ToggleSync);
    app.apply(Action::Down);
    assert_eq!(app.tops(), Sides::new(2, 3));
    app.apply(Action::ToggleSync);
    assert_eq!(app.tops(), Sides::new(3, 3));
}

/// Regression: `g` and `G` did nothing in the help popup (nor in the
/// sources and flags popups): their keys were the panes' and the list's
/// only, and a popup takes the keys.
#[test]
fn g_and_big_g_go_to_the_ends_of_every_popup() {
    let mut app = settled();
    app.resize(100, 20);
    let key = |app: &mut App, c: char| app.on_key(&KeyEvent::from(KeyCode::Char(c)));
    key(&mut app, '?');
    key(&mut app, 'G');
    let end = crate::ui::help::lines(&app.theme, &app.keymap).len() - 16;
    assert_eq!(app.help_scroll(), Some(end));
    key(&mut app, 'g');
    assert_eq!(app.help_scroll(), Some(0));
    key(&mut app, '?');
    key(&mut app, 'w');
    key(&mut app, 'G');
    let Some(Layer::Sources(sources)) = app.overlays.top() else {
        panic!("the sources on top");
    };
    // The last line: the tree's, then the related pairs'.
    assert_eq!(
        sources.selected(),
        sources.lines().len() + sources.related() - 1
    );
    key(&mut app, '!');
    key(&mut app, 'G');
    let flags = app.comparison().expect("aligned").flags.len();
    assert!(flags > 1);
    let Some(Layer::Flags(panel)) = app.overlays.top() else {
        panic!("the flags on top");
    };
    assert_eq!(panel.selected(), flags - 1);
    key(&mut app, 'g');
    let Some(Layer::Flags(panel)) = app.overlays.top() else {
        panic!("the flags on top");
    };
    assert_eq!(panel.selected(), 0);
}

/// What is open is one stack: the keys go to the top layer, Esc closes
/// it, and what was under it has the keys again (the help over the list
/// popup; the sources opened from the help, which used to open hidden
/// under it while the keys stayed with the help).
#[test]
fn the_top_layer_has_the_keys_and_esc_closes_it() {
    let mut app = settled();
    app.resize(80, 24);
    app.apply(Action::ToggleList);
    assert_eq!(app.contexts(), [Ctx::List, Ctx::Global]);
    app.apply(Action::Help);
    assert_eq!(app.contexts(), [Ctx::Help, Ctx::Global]);
    app.apply(Action::Provenance);
    assert_eq!(app.contexts(), [Ctx::Provenance, Ctx::Global]);
    let kinds = |app: &App| -> Vec<Kind> {
        let mut k = Vec::new();
        let mut o = app.overlays.clone();
        while let Some(l) = o.close() {
            k.insert(0, l.kind());
        }
        k
    };
    assert_eq!(kinds(&app), [Kind::ListPopup, Kind::Help, Kind::Sources]);
    app.apply(Action::Back);
    assert_eq!(app.contexts(), [Ctx::Help, Ctx::Global]);
    app.apply(Action::Back);
    assert_eq!(app.contexts(), [Ctx::List, Ctx::Global]);
    assert_eq!(app.active_pane(), Pane::List);
    app.apply(Action::Back);
    assert!(!app.list_popup());
    assert_eq!(app.active_pane(), Pane::B);
    assert_eq!(app.contexts(), [Ctx::Pane, Ctx::Global]);
}

/// Regression: Tab from the list popup gave pane A the keys while the
/// popup stayed drawn over it; the popup now goes with the keyboard.
#[test]
fn tab_from_the_list_popup_closes_it() {
    let mut app = settled();
    app.resize(80, 24);
    app.apply(Action::ToggleList);
    assert!(app.list_popup());
    app.apply(Action::NextPane);
    assert_eq!(app.active_pane(), Pane::A);
    assert!(!app.list_popup());
    assert_eq!(app.contexts(), [Ctx::Pane, Ctx::Global]);
}

/// Regression: the mouse wheel over the help scrolled the panes hidden
/// under it; it scrolls the help, and a click under a popup does nothing.
#[test]
fn the_wheel_over_a_popup_moves_the_popup() {
    use crossterm::event::{MouseEvent, MouseEventKind};
    let mut app = settled();
    app.resize(100, 20);
    app.apply(Action::Help);
    let tops = app.tops();
    let mouse = |kind| {
        Event::Mouse(MouseEvent {
            kind,
            column: 50,
            row: 10,
            modifiers: KeyModifiers::NONE,
        })
    };
    assert!(app.on_event(&mouse(MouseEventKind::ScrollDown)));
    assert_eq!(app.help_scroll(), Some(3));
    assert_eq!(app.tops(), tops);
    let down = MouseEventKind::Down(crossterm::event::MouseButton::Left);
    assert!(!app.on_event(&mouse(down)));
    assert_eq!(app.focus(), None);
}

#[test]
fn t_shows_who_took_each_paragraph_and_enter_opens_the_pair_on_it() {
    let mut app = settled();
    app.apply(Action::PaneA);
    let x = app.pair().0;
    app.apply(Action::Spread);
    assert_eq!(app.contexts()[0], Ctx::Spread);
    // Before the spread arrives, keys but closing do nothing.
    app.apply(Action::OpenPair);
    assert_eq!(app.overlays.top_kind(), Some(Kind::Spread));
    app.settle();
    let u = app.pairs.spread(x).expect("computed").clone();
    assert!(!u.takers.is_empty(), "the first pair's A shares text");
    // The view starts on the first paragraph someone holds, in the
    // column of the article holding most of it.
    let (row, p) = u
        .paragraphs
        .iter()
        .enumerate()
        .find(|(_, p)| !p.takes.is_empty())
        .expect("a held paragraph");
    let take = &p.takes[0];
    let Some(Layer::Spread(view)) = app.overlays.top() else {
        panic!("the spread view on top");
    };
    let mut view = view.clone();
    let env = app.env();
    view.handle(Action::Top, &env);
    for _ in 0..row {
        view.handle(Action::Down, &env);
    }
    assert_eq!(view.selected(), (row, take.taker));
    // Enter: the pair of X and that article, the first link holding
    // the paragraph focused.
    app.apply(Action::OpenPair);
    app.settle();
    assert!(!app.overlays.is_open(Kind::Spread));
    let tk = &u.takers[take.taker];
    assert_eq!(app.pair(), (tk.pair.a, tk.pair.b));
    let l = take.links[0];
    assert_eq!(app.focus(), Some(Unit::Link(l)));
    let link = &app.alignment().expect("aligned").links[l];
    let mine = if tk.pair.a == x { &link.a } else { &link.b };
    assert!(mine.start < p.sentences.end && p.sentences.start < mine.end);
    // `t` on the other pane's article opens that article's spread.
    app.apply(Action::PaneB);
    app.apply(Action::Spread);
    let Some(Layer::Spread(view)) = app.overlays.top() else {
        panic!("the spread view on top");
    };
    assert_eq!(view.article(), app.pair().1);
    app.apply(Action::Back);
    assert!(!app.overlays.is_open(Kind::Spread));
}

#[test]
fn braces_open_the_most_and_the_least_reused_pair() {
    let mut app = settled();
    let walk: Vec<(usize, usize)> = app.walk().iter().map(|p| (p.a, p.b)).collect();
    assert!(walk.len() >= 2);
    app.apply(Action::LastPair);
    app.settle();
    assert_eq!(app.pair(), walk[walk.len() - 1]);
    app.apply(Action::FirstPair);
    app.settle();
    assert_eq!(app.pair(), walk[0]);
}

/// Two reprints of one text are one family: no ranked pair between
/// them, and the status bar says what they are rather than nothing.
#[test]
fn two_reprints_are_one_family_in_the_status_bar() {
    let arts = crate::article::bundled();
    let text = std::fs::read(&arts[0].path).unwrap_or_else(|_| arts[0].text.clone().into_bytes());
    let copy = [b"By A. Reporter\n\n".to_vec(), text.clone()].concat();
    let mut app = App::new(
        vec![
            Article::parse("one.txt", text),
            Article::parse("two.txt", copy),
        ],
        true,
        true,
    );
    app.resize(120, 30);
    app.settle();
    assert_eq!(app.pairs.reprints(0, 1).same, Some(2));
    assert!(app.walk().is_empty());
    let mut buf = ratatui::buffer::Buffer::empty(Rect::new(0, 0, 120, 30));
    ratatui::widgets::Widget::render(&app, buf.area, &mut buf);
    let status: String = (0..120)
        .map(|x| buf[(x, 29)].symbol().to_string())
        .collect();
    assert!(status.contains("reprints: one family of 2"), "{status}");
    // The list marks the one ranked for the family with its size, the
    // other with `=`.
    let rep = app
        .pairs
        .families
        .as_ref()
        .and_then(|f| f.family_of(0))
        .map(|f| f.representative);
    let screen: String = (0..30)
        .map(|y| {
            (0..120)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
                + "\n"
        })
        .collect();
    let name = |i: usize| if i == 0 { "one.txt" } else { "two.txt" };
    let rep = rep.expect("a family");
    assert!(
        screen.contains(&format!("   ×2  {}", name(rep))),
        "{screen}"
    );
    assert!(
        screen.contains(&format!("    =  {}", name(1 - rep))),
        "{screen}"
    );
}

/// A large folder opens on the most reused pair found so far and moves
/// to the best one when the ranking ends, unless the reader has read on
/// meanwhile.
#[test]
fn the_best_pair_replaces_the_first_found_unless_the_reader_acted() {
    let arts = crate::article::bundled();
    let r = crate::corpus::rank(&arts);
    assert!(r.pairs.len() >= 2);
    let (best, worse) = (&r.pairs[0], &r.pairs[1]);
    for acted in [false, true] {
        let mut app = App::new(arts.clone(), true, true);
        app.resize(120, 40);
        let _ = app.take_jobs();
        app.on_done(Done::Found(vec![worse.clone()]));
        assert_eq!(app.pair(), (worse.a, worse.b));
        if acted {
            app.on_key(&KeyEvent::from(KeyCode::Char('j')));
        }
        app.on_done(Done::Ranked(r.pairs.clone(), r.families.clone()));
        let want = if acted {
            (worse.a, worse.b)
        } else {
            (best.a, best.b)
        };
        assert_eq!(app.pair(), want, "acted: {acted}");
    }
}
