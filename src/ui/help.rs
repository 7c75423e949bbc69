//! The `?` help popup: the legend, then every binding of the keymap, so the
//! help can never drift from what the keys do. It scrolls on its own.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::geometry;
use super::keymap::{self, Action, Ctx, Keymap};
use super::part::{Env, Outcome, Part, movement};
use crate::marks::{FLAG, Mark};
use crate::view::{Class, Theme};

/// Cells of the legend's first column, as wide as the keys' column.
const SAMPLE: usize = 18;

/// Rows of the screen the popup does not use for text: borders and margin.
const CHROME_ROWS: u16 = 4;
/// Columns the popup adds to its widest line: borders and a space each side.
const CHROME_COLS: u16 = 4;

/// The help popup, open and scrolled.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Help {
    scroll: usize,
}

impl Help {
    /// Its scroll offset: the first line shown.
    pub fn scroll(&self) -> usize {
        self.scroll
    }

    /// Lines of text shown at once on a screen `height` rows high.
    fn shown(height: u16) -> usize {
        usize::from(height.saturating_sub(CHROME_ROWS)).max(1)
    }

    /// The largest scroll offset on a screen `height` rows high: the last
    /// line at the popup's bottom.
    fn max(height: u16, theme: &Theme, keymap: &Keymap) -> usize {
        lines(theme, keymap)
            .len()
            .saturating_sub(Self::shown(height))
    }
}

impl Part for Help {
    fn context(&self) -> Ctx {
        Ctx::Help
    }

    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        if action == Action::Back {
            return Outcome::Close(None);
        }
        let height = env.screen.size.height;
        let Some(delta) = movement(action, Self::shown(height)) else {
            return Outcome::Ignored;
        };
        let max = Self::max(height, env.theme, env.keymap) as isize;
        self.scroll = (self.scroll as isize).saturating_add(delta).clamp(0, max) as usize;
        Outcome::Stay(None)
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        render(self.scroll, env.theme, env.keymap, area, buf);
    }

    /// Keep the offset in range after a resize: a taller screen shows more
    /// of the help, so its last page starts earlier (past it, the first k
    /// would seem to do nothing).
    fn fit(&mut self, env: &Env) {
        self.scroll = self
            .scroll
            .min(Self::max(env.screen.size.height, env.theme, env.keymap));
    }
}

/// The help text: the legend, then every binding from the keymap.
pub fn lines(t: &Theme, keymap: &Keymap) -> Vec<Line<'static>> {
    let mut out: Vec<Line<'static>> = Vec::new();
    out.push(Line::from(vec![
        Span::styled("Legend", t.strong()),
        Span::raw("  one colour, one meaning: in the reader, `compare` text and HTML"),
    ]));
    // Two columns: what it looks like (padded to the keys' column), what it means.
    let row = |sample: Vec<Span<'static>>, what: &str| {
        let w: usize = sample.iter().map(Span::width).sum();
        let mut spans = vec![Span::raw("  ")];
        spans.extend(sample);
        spans.push(Span::raw(format!(
            "{:pad$}{what}",
            "",
            pad = SAMPLE.saturating_sub(w)
        )));
        Line::from(spans)
    };
    let marked = |class: Class, change: Option<Mark>, m: Mark| {
        let letter = m.letter().unwrap_or(" ");
        vec![
            Span::styled(letter.to_string(), t.gutter(class, false)),
            Span::raw(" "),
            Span::styled(m.label().to_string(), t.piece(class, change)),
        ]
    };
    for m in [Mark::Copied, Mark::Reworded, Mark::New, Mark::Dropped] {
        out.push(row(marked(Class::Marked(m), None, m), m.meaning()));
    }
    for m in [Mark::Deleted, Mark::Inserted] {
        let reworded = Class::Marked(Mark::Reworded);
        out.push(row(marked(reworded, Some(m), m), m.meaning()));
    }
    out.push(row(
        vec![
            Span::raw("  "),
            Span::styled(
                "moved",
                t.piece(Class::Marked(Mark::Copied), Some(Mark::Moved)),
            ),
        ],
        "words kept word for word, moved within the link",
    ));
    // The keys named in the legend are the configured ones, as below.
    let keys = |actions: &[Action]| {
        let names = keymap.first_keys(Ctx::Global, actions);
        if names.is_empty() {
            String::new()
        } else {
            format!(" ({})", names.join(", "))
        }
    };
    use keymap::{Dir, Jump};
    let passage = keys(&[
        Action::Jump(Jump::Passage, Dir::Forward),
        Action::Jump(Jump::Passage, Dir::Backward),
    ]);
    out.push(row(
        vec![Span::styled(
            "╭ │ ╰",
            t.class(Class::Marked(Mark::Reworded)),
        )],
        &format!("a reused passage: links in order on both sides{passage}"),
    ));
    out.push(row(
        vec![Span::styled("↓ ¶13–¶15 moved", t.moved_note())],
        "links out of the reading order; theirs are below, ¶13–¶15",
    ));
    out.push(row(
        vec![
            Span::styled(FLAG, t.flagged()),
            Span::raw(" "),
            Span::styled(
                "Sergey",
                t.piece(Class::Marked(Mark::Copied), Some(Mark::Inserted))
                    .patch(t.flagged()),
            ),
        ],
        &format!(
            "a changed quotation, number or name{}",
            keys(&[
                Action::Jump(Jump::Flag, Dir::Forward),
                Action::Jump(Jump::Flag, Dir::Backward),
                Action::Flags,
            ])
        ),
    ));
    out.push(row(
        vec![Span::styled("¶12", t.number())],
        "a paragraph's number, beside its first line",
    ));
    out.push(row(
        vec![Span::styled(
            " ",
            t.gutter(Class::Marked(Mark::Copied), true),
        )],
        "the focused passage (on both sides)",
    ));
    let (c, r) = if t.color { ("█", "█") } else { ("C", "R") };
    out.push(row(
        vec![
            Span::styled(c, t.mark(Mark::Copied)),
            Span::styled(r, t.mark(Mark::Reworded)),
            Span::styled("┃", t.thumb()),
        ],
        "the map beside each pane: the whole article; ┃ on screen",
    ));
    out.push(row(
        vec![
            Span::styled("match", t.matched(false)),
            Span::raw(" "),
            Span::styled("match", t.matched(true)),
        ],
        "search matches; the current one in reverse video",
    ));
    out.push(row(
        vec![Span::raw("43%")],
        "in the list: the share of that article found in A",
    ));
    out.push(row(
        vec![Span::raw("×9  =")],
        "in the list: 9 reprints, ranked through this one; a reprint",
    ));
    out.push(row(
        vec![Span::styled("likely source", t.strong())],
        "in a title: earlier by date, named by the other, or holding it",
    ));
    for (ctx, bindings) in keymap.sections() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(ctx.title(), t.strong())));
        for b in bindings {
            let keys = keymap::key_names(b);
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{keys:<18}"), t.strong()),
                Span::raw(keymap.fill(b.help)),
            ]));
        }
        if ctx == Ctx::Prompt {
            out.push(Line::from("  other keys        type into the search"));
        }
    }
    out
}

/// Draw the popup centred in `area`, scrolled to `scroll`.
fn render(scroll: usize, theme: &Theme, keymap: &Keymap, area: Rect, buf: &mut Buffer) {
    let lines = lines(theme, keymap);
    let widest = lines.iter().map(Line::width).max().unwrap_or(0);
    let r = geometry::help_popup(area, widest + usize::from(CHROME_COLS), lines.len());
    Clear.render(r, buf);
    let block = Block::bordered()
        .title(Line::from(" Help ").style(theme.strong()))
        .title_bottom(
            Line::from(format!(
                " {} closes · {}/{} scroll ",
                keymap.keys_for(Ctx::Help, Action::Back),
                keymap.key_for(Ctx::Help, Action::Down).unwrap_or_default(),
                keymap.key_for(Ctx::Help, Action::Up).unwrap_or_default(),
            ))
            .right_aligned(),
        )
        .border_style(theme.border(true));
    let inner = geometry::framed(block, r, buf);
    let h = usize::from(inner.height);
    let offset = scroll.min(lines.len().saturating_sub(h));
    for (i, l) in lines.iter().skip(offset).take(h).enumerate() {
        buf.set_line(
            inner.x + 1.min(inner.width),
            inner.y + i as u16,
            l,
            inner.width.saturating_sub(1),
        );
    }
}
