//! The reader's frame: the `App` on the bundled articles drawn into
//! ratatui's `TestBackend` at 200×60 (issue 14: a frame under 2 ms).
//!
//!     cargo bench --bench ui
//!
//! `frame` draws the first screen (000 vs 002) again and again: the render
//! plus ratatui's diff against the previous frame, as the reader pays for
//! every redraw. `scroll frame` moves one line down and draws, as holding
//! `j` does (the spread is laid out once; a scroll only moves the view).
//! `relayout frame` resizes (a new pane width lays the spread out again)
//! and draws. `first frame` builds the App, ranks and aligns the bundled
//! pairs and draws once: the reader's start-up after parsing. See
//! BENCHMARKS.md for the numbers.

use std::hint::black_box;

use copycat::article;
use copycat::testing::App;
use criterion::{Criterion, criterion_group, criterion_main};
use crossterm::event::{Event, KeyCode, KeyEvent};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const W: u16 = 200;
const H: u16 = 60;

fn app(w: u16, h: u16) -> App {
    let mut app = App::new(article::bundled(), true, true);
    app.resize(w, h);
    app.settle();
    app
}

fn frames(c: &mut Criterion) {
    let mut g = c.benchmark_group("ui");
    let app0 = app(W, H);
    let mut term = Terminal::new(TestBackend::new(W, H)).expect("test backend");
    g.bench_function("frame 200x60", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(black_box(&app0), f.area()))
                .expect("draw");
        })
    });

    let mut app1 = app(W, H);
    let mut down = true;
    let mut steps = 0;
    g.bench_function("scroll frame 200x60", |b| {
        b.iter(|| {
            // Down to the end and back, so every frame shows other rows.
            steps += 1;
            if steps % 200 == 0 {
                down = !down;
            }
            let k = if down {
                KeyCode::Char('j')
            } else {
                KeyCode::Char('k')
            };
            app1.on_event(&Event::Key(KeyEvent::from(k)));
            term.draw(|f| f.render_widget(&app1, f.area()))
                .expect("draw");
        })
    });

    let mut app2 = app(W, H);
    let mut wide = false;
    g.bench_function("relayout frame 200x60", |b| {
        b.iter(|| {
            wide = !wide;
            app2.resize(if wide { W } else { W - 1 }, H);
            term.draw(|f| f.render_widget(&app2, f.area()))
                .expect("draw");
        })
    });

    let arts = article::bundled();
    g.bench_function("first frame 200x60", |b| {
        b.iter(|| {
            let mut app = App::new(arts.clone(), true, true);
            app.resize(W, H);
            app.settle();
            let mut t = Terminal::new(TestBackend::new(W, H)).expect("test backend");
            t.draw(|f| f.render_widget(&app, f.area())).expect("draw");
        })
    });
    g.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
