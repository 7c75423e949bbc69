//! Drawing: a pure function of the [`App`] state.
//!
//! Every width is measured the way the buffer measures it and every area is
//! clipped to the screen, so any terminal size, down to 1×1, draws without
//! panicking (tests sweep the sizes).

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

use super::app::{App, Pane};
use super::geometry::{self, PaneGeometry};
use super::keymap::{self, Ctx};
use crate::align::Kind;
use crate::article::Article;
use crate::view::{Change, Class, RowKind, Side, Spread, Unit, display_width};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let g = geometry::screen(area, self.list_shown);
        if let Some(list) = g.list {
            render_list(self, list, buf);
        }
        let (wa, wb) = (
            usize::from(geometry::pane(g.panes[0]).text.width),
            usize::from(geometry::pane(g.panes[1]).text.width),
        );
        // Text only when both panes have room for it: the app keeps no
        // layout for a zero width, and building one here would wrap every
        // character onto a row of its own.
        let text = wa > 0 && wb > 0;
        let spread = if self.arts.len() >= 2 && text {
            self.spread_for(wa, wb)
        } else {
            None
        };
        for (side, rect) in [(Side::A, g.panes[0]), (Side::B, g.panes[1])] {
            render_pane(self, side, rect, text, spread.as_deref(), buf);
        }
        render_status(self, g.status, buf);
        if self.list_popup {
            let h = u16::try_from(self.arts.len() * 2 + 2).unwrap_or(u16::MAX);
            let r = geometry::popup(area, 72, h);
            Clear.render(r, buf);
            render_list(self, r, buf);
        }
        if self.help.is_some() {
            render_help(self, area, buf);
        }
        super::safe::sanitize(buf, area);
    }
}

fn spinner(app: &App) -> &'static str {
    SPINNER[app.tick % SPINNER.len()]
}

/// Article details: outlet · date · words.
fn details(art: &Article) -> String {
    let mut bits: Vec<String> = Vec::new();
    bits.push(
        art.meta
            .outlet
            .clone()
            .unwrap_or_else(|| "unknown outlet".into()),
    );
    bits.push(art.meta.date.clone().unwrap_or_else(|| "undated".into()));
    bits.push(format!("{} words", art.body_words()));
    bits.join(" · ")
}

fn render_list(app: &App, area: Rect, buf: &mut Buffer) {
    let focused = app.pane == Pane::List;
    let block = Block::bordered()
        .title(Line::from(" Articles ").style(app.theme.strong()))
        .title_bottom(Line::from(" Enter: A · Space: B ").right_aligned())
        .border_style(app.theme.border(focused));
    let inner = if area.width >= 3 && area.height >= 3 {
        let inner = block.inner(area);
        block.render(area, buf);
        inner
    } else {
        area
    };
    if inner.is_empty() {
        return;
    }
    let per_page = usize::from(inner.height / 2).max(1);
    let offset = (app.selected + 1).saturating_sub(per_page);
    let mut y = inner.y;
    for (i, art) in app.arts.iter().enumerate().skip(offset) {
        if y >= inner.bottom() {
            break;
        }
        let mark = match (i == app.a, i == app.b) {
            (true, _) => "A",
            (_, true) => "B",
            _ => " ",
        };
        let share = if i == app.a {
            "   ·".to_string()
        } else {
            app.share_against_a(i)
                .map_or_else(|| "   …".to_string(), |s| format!("{:>4}", pct(s)))
        };
        let sel = i == app.selected;
        let line_style = match (sel, focused) {
            (true, true) => app.theme.selected(),
            (true, false) => app.theme.strong(),
            _ => Style::new(),
        };
        let line = Line::from(vec![
            Span::styled(format!("{mark} "), app.theme.strong()),
            Span::raw(share),
            Span::raw(" "),
            Span::raw(art.meta.title.clone()),
        ])
        .style(line_style);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line_style);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
        if y < inner.bottom() {
            let d = Line::from(format!("       {}", details(art))).style(app.theme.dim());
            buf.set_line(inner.x, y, &d, inner.width);
            y += 1;
        }
    }
}

/// Search matches on one side as sorted byte ranges, with the current one.
fn side_matches(app: &App, side: Side) -> (&[Range<usize>], Option<Range<usize>>) {
    let v = &app.search.by_side[side.index()];
    let cur = app
        .search
        .current
        .and_then(|c| app.search.matches.get(c))
        .filter(|m| m.side == side)
        .map(|m| m.bytes.clone());
    (v, cur)
}

fn render_pane(
    app: &App,
    side: Side,
    area: Rect,
    text: bool,
    spread: Option<&Spread>,
    buf: &mut Buffer,
) {
    let idx = match side {
        Side::A => app.a,
        Side::B => app.b,
    };
    let active = app.pane.eq(&match side {
        Side::A => Pane::A,
        Side::B => Pane::B,
    });
    let Some(art) = app.arts.get(idx) else { return };
    let pg: PaneGeometry = geometry::pane(area);
    let mut block = Block::bordered()
        .title(Line::from(format!(" {} ", side.letter())).style(app.theme.strong()))
        .border_style(app.theme.border(active));
    if let Some(sp) = spread {
        let h = usize::from(pg.text.height);
        let total = sp.len();
        if total > h {
            let top = app.top[side.index()].min(total - h);
            let pos = format!(" {}% ", (top + h) * 100 / total);
            block = block.title_bottom(Line::from(pos).right_aligned());
        }
    }
    if area.width >= 3 && area.height >= 3 {
        block.render(area, buf);
    }
    // Header: the title, then outlet · date · words.
    if pg.header.height > 0 {
        let t = Line::from(art.meta.title.clone()).style(app.theme.strong());
        buf.set_line(pg.header.x, pg.header.y, &t, pg.header.width);
    }
    if pg.header.height > 1 {
        let d = Line::from(details(art)).style(app.theme.dim());
        buf.set_line(pg.header.x, pg.header.y + 1, &d, pg.header.width);
    }
    let body = Rect::new(
        pg.gutter.x,
        pg.gutter.y,
        pg.gutter.width + pg.text.width,
        pg.text.height.max(pg.gutter.height),
    );
    if body.is_empty() || !text {
        return;
    }
    if app.arts.len() < 2 {
        message(
            buf,
            body,
            "copycat compares two articles: open at least two",
            app.theme.dim(),
        );
        return;
    }
    let Some(sp) = spread else {
        let msg = match app.progress {
            _ if app.alignment().is_some() => format!("{} laying out", spinner(app)),
            Some((n, t)) => format!("{} ranking pairs {n}/{t}", spinner(app)),
            None => format!("{} aligning", spinner(app)),
        };
        message(buf, body, &msg, app.theme.dim());
        return;
    };
    let (matches, current) = side_matches(app, side);
    let rows = sp.rows(side);
    let h = usize::from(pg.text.height);
    let top = app.top[side.index()].min(rows.len().saturating_sub(h));
    for (dy, row) in rows.iter().skip(top).take(h).enumerate() {
        let y = pg.text.y + dy as u16;
        let focused =
            row.kind == RowKind::Text && row.unit != Unit::Other && app.focus == Some(row.unit);
        if let Some(gut) = &row.gutter
            && pg.gutter.width > 0
        {
            // The label, padded so a focused passage shows a solid bar; a full
            // gutter keeps a space from the border.
            let (gx, w) = if pg.gutter.width >= geometry::GUTTER {
                (pg.gutter.x + 1, usize::from(pg.gutter.width - 2))
            } else {
                (pg.gutter.x, usize::from(pg.gutter.width - 1))
            };
            let label: String = if gut.first {
                gut.text.clone()
            } else if focused {
                String::new()
            } else {
                gut.text.clone()
            };
            let padded = format!("{label:<w$}");
            buf.set_stringn(gx, y, &padded, w, app.theme.gutter(gut.class, focused));
        }
        let mut x = pg.text.x;
        let right = pg.text.right();
        for p in &row.pieces {
            if x >= right {
                break;
            }
            let style = app.theme.piece(p.class, p.change);
            for (text, hit) in highlight(p.text.as_str(), &p.bytes, matches, current.as_ref()) {
                let s = match hit {
                    Some(cur) => style.patch(app.theme.matched(cur)),
                    None => style,
                };
                let (nx, _) = buf.set_stringn(x, y, text, usize::from(right - x), s);
                x = nx;
            }
        }
    }
}

/// Split a piece's text where search matches begin and end: `(text, None)`
/// for plain stretches, `(text, Some(is_current))` for matched ones.
fn highlight<'t>(
    text: &'t str,
    bytes: &Range<usize>,
    matches: &[Range<usize>],
    current: Option<&Range<usize>>,
) -> Vec<(&'t str, Option<bool>)> {
    let first = matches.partition_point(|m| m.end <= bytes.start);
    let hits: Vec<&Range<usize>> = matches[first..]
        .iter()
        .take_while(|m| m.start < bytes.end.max(bytes.start + 1))
        .collect();
    if hits.is_empty() {
        return vec![(text, None)];
    }
    let is_cur = |m: &Range<usize>| current.is_some_and(|c| c == m);
    // A joining space stands for a whitespace run: all or nothing.
    if text.len() != bytes.len() {
        return vec![(text, Some(hits.iter().any(|m| is_cur(m))))];
    }
    let mut out = Vec::new();
    let mut at = 0;
    for m in hits {
        let s = m.start.saturating_sub(bytes.start).clamp(at, text.len());
        let e = m.end.saturating_sub(bytes.start).clamp(s, text.len());
        if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            out.push((&text[at..s], None));
        }
        if e > s {
            out.push((&text[s..e], Some(is_cur(m))));
        }
        at = e;
    }
    if at < text.len() {
        out.push((&text[at..], None));
    }
    out
}

/// A short message centred a third of the way down, wrapped to fit.
fn message(buf: &mut Buffer, area: Rect, msg: &str, style: Style) {
    let y = area.height / 3;
    let r = Rect::new(area.x, area.y + y, area.width, area.height - y);
    Paragraph::new(msg)
        .style(style)
        .centered()
        .wrap(Wrap { trim: true })
        .render(r, buf);
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    let mut left: Vec<Span> = Vec::new();
    let sep = || Span::styled("  ", Style::new());
    if let Some(input) = &app.search.input {
        left.push(Span::styled("/", t.strong()));
        left.push(Span::raw(input.clone()));
        left.push(Span::styled("▏", t.strong()));
        left.push(sep());
        left.push(Span::raw(match_count(app)));
    } else {
        if let Some(n) = &app.note {
            left.push(Span::styled(n.clone(), t.note()));
            left.push(sep());
        }
        if let Some((n, total)) = app.progress {
            left.push(Span::raw(format!("{} ranking {n}/{total}", spinner(app))));
            left.push(sep());
        } else if app.arts.len() >= 2 && app.alignment().is_none() {
            left.push(Span::raw(format!("{} aligning", spinner(app))));
            left.push(sep());
        }
        if app.laying_out() {
            left.push(Span::raw(format!("{} laying out", spinner(app))));
            left.push(sep());
        }
        if let Some(al) = app.alignment() {
            let s = &al.stats;
            left.extend([
                Span::raw("B "),
                Span::styled(
                    format!("copied {}", pct(s.b_copied)),
                    t.class(Class::Copied),
                ),
                Span::raw(" "),
                Span::styled(
                    format!("reworded {}", pct(s.b_reworded)),
                    t.class(Class::Reworded),
                ),
                Span::raw(" "),
                Span::styled(format!("new {}", pct(s.b_new)), t.class(Class::New)),
                Span::raw(" · A "),
                Span::styled(
                    format!("dropped {}", pct(s.a_dropped)),
                    t.class(Class::Dropped),
                ),
            ]);
            left.push(sep());
            left.push(Span::raw(focus_info(app)));
        }
        if let (Some(p), Some(r)) = (app.pair_pos, &app.ranking) {
            left.push(sep());
            left.push(Span::raw(format!("pair {}/{}", p + 1, r.len())));
        }
        if app.search.active() {
            left.push(sep());
            left.push(Span::styled(
                format!("“{}” {}", app.search.query, match_count(app)),
                t.strong(),
            ));
        }
        if !app.sync {
            left.push(sep());
            left.push(Span::styled("independent", t.strong()));
        }
    }
    let line = Line::from(left);
    buf.set_line(area.x, area.y, &line, area.width);
    // Hints from the keymap, right-aligned, as many as fit.
    let used = line.width() + 2;
    let mut hint_spans: Vec<Span> = Vec::new();
    let mut w = 0;
    for (key, hint) in keymap::hints(&app.contexts()) {
        let piece = display_width(&key) + 1 + display_width(hint) + 2;
        if used + w + piece > usize::from(area.width) {
            break;
        }
        w += piece;
        hint_spans.push(Span::styled(key, t.strong()));
        hint_spans.push(Span::styled(format!(" {hint}  "), t.dim()));
    }
    if w > 0 {
        let x = area.x + area.width - w as u16;
        buf.set_line(x, area.y, &Line::from(hint_spans), w as u16);
    }
}

fn match_count(app: &App) -> String {
    let n = app.search.matches.len();
    match (n, app.search.current) {
        (0, _) => "no matches".into(),
        (n, Some(c)) => format!("{}/{n}", c + 1),
        (1, None) => "1 match".into(),
        (n, None) => format!("{n} matches"),
    }
}

fn focus_info(app: &App) -> String {
    let Some(al) = app.alignment() else {
        return String::new();
    };
    match app.focus {
        Some(Unit::Link(i)) => {
            let l = &al.links[i];
            let kind = match l.kind {
                Kind::Copied => "copied",
                Kind::Reworded => "reworded",
            };
            let moved = if l.moved { " moved" } else { "" };
            format!(
                "link {}/{} {kind}{moved} {:.2}",
                i + 1,
                al.links.len(),
                l.score
            )
        }
        Some(Unit::New(i)) => format!("new {}/{}", i + 1, al.b_unlinked.len()),
        Some(Unit::Dropped(i)) => format!("dropped {}/{}", i + 1, al.a_unlinked.len()),
        _ if al.links.len() == 1 => "1 link".into(),
        _ => format!("{} links", al.links.len()),
    }
}

/// The help text: every binding from the keymap, then the legend.
pub fn help_lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out: Vec<Line<'static>> = Vec::new();
    out.push(Line::from(Span::styled("Legend", t.strong())));
    let sample = |mark: &str, class: Class, change: Option<Change>, text: &str, what: &str| {
        Line::from(vec![
            Span::raw("  "),
            Span::styled(format!("{mark:<6}"), t.gutter(class, false)),
            Span::styled(text.to_string(), t.piece(class, change)),
            Span::raw(format!("  {what}")),
        ])
    };
    out.push(sample(
        "C",
        Class::Copied,
        None,
        "copied",
        "B kept A's wording",
    ));
    out.push(sample(
        "R",
        Class::Reworded,
        None,
        "reworded",
        "B says it in other words",
    ));
    out.push(sample("+", Class::New, None, "new", "in B only"));
    out.push(sample("-", Class::Dropped, None, "dropped", "in A only"));
    out.push(sample(
        "",
        Class::Reworded,
        Some(Change::Deleted),
        "deleted",
        "a word of A that B changed",
    ));
    out.push(sample(
        "",
        Class::Reworded,
        Some(Change::Inserted),
        "inserted",
        "a word B put in its place",
    ));
    out.push(sample(
        "R ↑¶3",
        Class::Reworded,
        None,
        "moved",
        "its counterpart is above, in ¶3",
    ));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled("      ", t.gutter(Class::Copied, true)),
        Span::raw("the focused link (on both sides)"),
    ]));
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::raw("      "),
        Span::styled("match", t.matched(false)),
        Span::raw("  a search match"),
    ]));
    for (ctx, bindings) in keymap::sections() {
        out.push(Line::raw(""));
        out.push(Line::from(Span::styled(ctx.title(), t.strong())));
        for b in bindings {
            let keys = keymap::key_names(b);
            out.push(Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{keys:<18}"), t.strong()),
                Span::raw(b.help),
            ]));
        }
        if ctx == Ctx::Prompt {
            out.push(Line::from("  other keys        type into the search"));
        }
    }
    out
}

fn render_help(app: &App, area: Rect, buf: &mut Buffer) {
    let lines = help_lines(app);
    let width = lines.iter().map(Line::width).max().unwrap_or(0) as u16 + 4;
    let height = u16::try_from(lines.len() + 2).unwrap_or(u16::MAX);
    let r = geometry::popup(area, width, height);
    Clear.render(r, buf);
    let block = Block::bordered()
        .title(Line::from(" Help ").style(app.theme.strong()))
        .title_bottom(Line::from(" ? or Esc closes · j/k scroll ").right_aligned())
        .border_style(app.theme.border(true));
    let inner = if r.width >= 3 && r.height >= 3 {
        let inner = block.inner(r);
        block.render(r, buf);
        inner
    } else {
        r
    };
    let h = usize::from(inner.height);
    let offset = app.help.unwrap_or(0).min(lines.len().saturating_sub(h));
    for (i, l) in lines.iter().skip(offset).take(h).enumerate() {
        buf.set_line(
            inner.x + 1.min(inner.width),
            inner.y + i as u16,
            l,
            inner.width.saturating_sub(1),
        );
    }
}
