//! Layout stays linear in the text, whatever its shape: one huge word,
//! one-letter lines, one huge paragraph, floods of combining marks.
//!
//! Measured without a clock (the machines running the tests are noisy): a
//! counting allocator records the bytes this thread allocates, in all and at
//! the peak, while a spread is built. Work that is quadratic in the text
//! shows as allocation that grows with its square (the long-word branch of
//! `wrap` once copied the whole word for every character), and memory that is
//! not bounded by the input shows in the peak.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use copycat::align::Alignment;
use copycat::article::Article;
use copycat::testing::Spread;

struct Counting;

thread_local! {
    /// Bytes allocated in all, live now, and the most live at once, counted
    /// on this thread only (tests run in parallel).
    static TOTAL: Cell<usize> = const { Cell::new(0) };
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|l| {
        let now = l.get() + delta;
        l.set(now);
        let _ = PEAK.try_with(|p| p.set(p.get().max(now)));
    });
    if delta > 0 {
        let _ = TOTAL.try_with(|t| t.set(t.get() + delta as usize));
    }
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size() as isize);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        count(-(layout.size() as isize));
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size as isize - layout.size() as isize);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static A: Counting = Counting;

/// Bytes allocated by `f` in all, and the most it held at once.
fn measure<T>(f: impl FnOnce() -> T) -> (usize, usize, T) {
    let total = TOTAL.with(Cell::get);
    let live = LIVE.with(Cell::get);
    PEAK.with(|p| p.set(live));
    let out = f();
    let peak = PEAK.with(Cell::get) - live;
    (TOTAL.with(Cell::get) - total, peak.max(0) as usize, out)
}

/// The pathological shapes, each `n` bytes or so.
fn shapes(n: usize) -> Vec<(&'static str, String)> {
    let letters: String = (0..n / 2)
        .map(|i| format!("{}\n", (b'a' + (i % 26) as u8) as char))
        .collect();
    let paragraph: String = (0..n / 6)
        .map(|i| ["word ", "other ", "thing. "][i % 3])
        .collect();
    vec![
        ("one huge word", "x".repeat(n)),
        ("one huge non-ASCII word", "é".repeat(n / 2)),
        ("one-letter lines", letters),
        ("one huge paragraph", paragraph),
        (
            "a flood of combining marks",
            format!("e{} end", "\u{301}".repeat(n / 2)),
        ),
        (
            "words of many marks",
            format!("a{} ", "\u{301}".repeat(200)).repeat(n / 402),
        ),
    ]
}

/// Regression: a word longer than any row was broken by copying the whole
/// word once per grapheme (quadratic: 1 MB took 23 s, 7 MB froze the reader
/// beyond any quit). Every shape must now cost about the same per byte at
/// 4× the size, at narrow and wide widths, in all and at the peak.
#[test]
fn layout_work_and_memory_grow_linearly_with_the_text() {
    let small = 20_000;
    for (i, ((name, s), (_, l))) in shapes(small).into_iter().zip(shapes(4 * small)).enumerate() {
        let (a_small, a_large) = (
            Article::parse("s.txt", s.clone().into_bytes()),
            Article::parse("l.txt", l.clone().into_bytes()),
        );
        let al = Alignment::default();
        for width in [1, 7, 80] {
            let (ts, ps, sp) = measure(|| Spread::build(&a_small, &a_small, &al, width, width));
            drop(sp);
            let (tl, pl, sp) = measure(|| Spread::build(&a_large, &a_large, &al, width, width));
            drop(sp);
            let ratio = tl as f64 / ts.max(1) as f64;
            assert!(
                ratio < 6.0,
                "shape {i} ({name}) at width {width}: {ts} bytes allocated for {} bytes \
                 of text, {tl} for {} ({ratio:.1}×)",
                s.len(),
                l.len()
            );
            let ratio = pl as f64 / ps.max(1) as f64;
            assert!(
                ratio < 6.0,
                "shape {i} ({name}) at width {width}: peak {ps} bytes, then {pl} ({ratio:.1}×)"
            );
        }
    }
}

/// Most bytes the article model may hold at once while parsing, per byte of
/// input, whatever its shape (counted as allocated, capacity included; 19 on
/// one-letter lines, the worst, where a word of 12 bytes stands for every two
/// bytes). The README promises peak memory within 30 times the input for
/// `list`, `compare` and the reader: two articles, their alignment and a
/// layout.
const MODEL_PER_BYTE: f64 = 24.0;
/// Most bytes a layout of an article beside itself (two columns) may hold at
/// once, per byte of its text, in panes of 20 columns or more (8 at 20, 3 at
/// 80): rows keep byte ranges, not pieces of text, and a paragraph's tokens
/// are read one at a time. A row is 40 bytes, so narrower panes cost more: a
/// one-column pane has a row for every character.
const LAYOUT_PER_BYTE: f64 = 10.0;

/// Regression: rows held their pieces of text (a piece of 72 bytes for every
/// word and every space between words, in a vector per row), 35–95 bytes per
/// byte of text; the reader on a pair of 7 MB files of one-letter lines took
/// 1.6 GB. The bound is on bytes allocated, so it holds on any machine.
#[test]
fn model_and_layout_memory_are_bounded_by_the_input() {
    let n = 100_000;
    for (name, s) in shapes(n) {
        let len = s.len() as f64;
        let (_, model, art) = measure(|| Article::parse("s.txt", s.into_bytes()));
        let model = model as f64 / len;
        eprintln!("{name}: model {model:.1} bytes a byte");
        assert!(
            model <= MODEL_PER_BYTE,
            "{name}: the model held {model:.1} bytes per byte of input"
        );
        let al = Alignment::default();
        for width in [20, 80] {
            let (_, peak, sp) = measure(|| Spread::build(&art, &art, &al, width, width));
            drop(sp);
            let layout = peak as f64 / len;
            eprintln!("{name}: layout at {width}: {layout:.1} bytes a byte");
            assert!(
                layout <= LAYOUT_PER_BYTE,
                "{name} at width {width}: the layout held {layout:.1} bytes per byte of text"
            );
        }
    }
}
