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
use super::help;
use super::keymap;
use crate::article::Article;
use crate::marks::{Mark, pct};
use crate::view::{RowKind, Side, Spread, Unit, display_width};

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

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
        if self.provenance.is_open() {
            super::provenance::render(&self.provenance, &self.arts, &self.theme, area, buf);
        }
        if let Some(scroll) = self.help.scroll() {
            help::render(scroll, &self.theme, area, buf);
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
            let top = app.reading.top[side.index()].min(total - h);
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
        let msg = match app.pairs.progress() {
            _ if app.alignment().is_some() => format!("{} laying out", spinner(app)),
            Some((_, 0)) => format!("{} finding pairs that share text", spinner(app)),
            Some((n, t)) => format!("{} ranking pairs {n}/{t}", spinner(app)),
            None => format!("{} aligning", spinner(app)),
        };
        message(buf, body, &msg, app.theme.dim());
        return;
    };
    let (matches, current) = app.search.on_side(side);
    let rows = sp.rows(side);
    let h = usize::from(pg.text.height);
    let top = app.reading.top[side.index()].min(rows.len().saturating_sub(h));
    for (dy, row) in rows.iter().skip(top).take(h).enumerate() {
        let y = pg.text.y + dy as u16;
        let focused = row.kind == RowKind::Text
            && row.unit != Unit::Other
            && app.reading.focus == Some(row.unit);
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
            let label: &str = if !gut.first && focused { "" } else { &gut.text };
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
        left.push(Span::raw(app.search.count()));
    } else {
        if let Some(n) = &app.note {
            left.push(Span::styled(n.clone(), t.note()));
            left.push(sep());
        }
        if app.is_loading() {
            left.push(Span::raw(format!(
                "{} reading {} articles",
                spinner(app),
                app.arts.len()
            )));
            left.push(sep());
        } else if let Some((n, total)) = app.pairs.progress() {
            left.push(Span::raw(if total == 0 {
                format!("{} finding pairs", spinner(app))
            } else {
                format!("{} ranking {n}/{total}", spinner(app))
            }));
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
            let share =
                |m: Mark, x: f64| Span::styled(format!("{} {}", m.label(), pct(x)), t.mark(m));
            left.extend([
                Span::raw("B "),
                share(Mark::Copied, s.b_copied),
                Span::raw(" "),
                share(Mark::Reworded, s.b_reworded),
                Span::raw(" "),
                share(Mark::New, s.b_new),
                Span::raw(" · A "),
                share(Mark::Dropped, s.a_dropped),
            ]);
            left.push(sep());
            left.push(Span::raw(focus_info(app)));
        }
        if let (Some(p), Some(r)) = (app.pair_pos, app.pairs.ranking()) {
            left.push(sep());
            let more = if app.pairs.ranked() { "" } else { " so far" };
            left.push(Span::raw(format!("pair {}/{}{more}", p + 1, r.len())));
        }
        if app.search.active() {
            left.push(sep());
            left.push(Span::styled(
                format!("“{}” {}", app.search.query, app.search.count()),
                t.strong(),
            ));
        }
        if !app.reading.sync {
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

fn focus_info(app: &App) -> String {
    let Some(al) = app.alignment() else {
        return String::new();
    };
    match app.reading.focus {
        Some(Unit::Link(i)) => {
            let l = &al.links[i];
            let moved = if l.moved { Mark::Moved.label() } else { "" };
            format!(
                "link {}/{} {}{}{moved} {:.2}",
                i + 1,
                al.links.len(),
                l.kind.as_str(),
                if l.moved { " " } else { "" },
                l.score
            )
        }
        Some(Unit::New(i)) => format!("{} {}/{}", Mark::New.label(), i + 1, al.b_unlinked.len()),
        Some(Unit::Dropped(i)) => format!(
            "{} {}/{}",
            Mark::Dropped.label(),
            i + 1,
            al.a_unlinked.len()
        ),
        _ if al.links.len() == 1 => "1 link".into(),
        _ => format!("{} links", al.links.len()),
    }
}
