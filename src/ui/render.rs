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
use super::flags;
use super::geometry::{self, PaneGeometry};
use super::help;
use super::list;
use super::overview;
use super::pairs::Reason;
use crate::article::{Article, safe_line};
use crate::marks::{FLAG, Mark, pct};
use crate::view::{RowKind, Side, Spread, Unit, display_width, shorten_left};

/// Fewest cells worth showing of a file name (`…e.txt`).
const MIN_NAME: usize = 6;

const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let g = geometry::screen(area, self.list_shown);
        if let Some(l) = g.list {
            list::render(self, l, buf);
        }
        let pgs = [
            self.pane_geometry_in(area, Side::A),
            self.pane_geometry_in(area, Side::B),
        ];
        let (wa, wb) = (
            usize::from(pgs[0].text.width),
            usize::from(pgs[1].text.width),
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
            let pg = pgs[side.index()];
            render_pane(self, side, rect, pg, text, spread.as_deref(), buf);
        }
        render_status(self, g.status, buf);
        if self.list_popup {
            let h = u16::try_from(self.list.shown().len() * 2 + 2).unwrap_or(u16::MAX);
            let r = geometry::popup(area, 72, h.max(4));
            Clear.render(r, buf);
            list::render(self, r, buf);
        }
        if self.provenance.is_open() {
            super::provenance::render(
                &self.provenance,
                &self.arts,
                (&self.theme, &self.keymap),
                area,
                buf,
            );
        }
        if self.flags.is_open()
            && let (Some(a), Some(b)) = (self.arts.get(self.a), self.arts.get(self.b))
        {
            flags::render(
                &self.flags,
                self.flag_list(),
                (a, b),
                (&self.theme, &self.keymap),
                area,
                buf,
            );
        }
        if let Some(scroll) = self.help.scroll() {
            help::render(scroll, &self.theme, &self.keymap, area, buf);
        }
        super::safe::sanitize(buf, area);
    }
}

fn spinner(app: &App) -> &'static str {
    SPINNER[app.tick % SPINNER.len()]
}

/// Article details: outlet · date · words.
fn details(art: &Article) -> String {
    [
        art.meta
            .outlet
            .clone()
            .unwrap_or_else(|| "unknown outlet".into()),
        art.meta.date.clone().unwrap_or_else(|| "undated".into()),
        crate::marks::count(art.body_words(), "word", "words"),
    ]
    .join(" · ")
}

/// The pane's top border: its letter, the file name (the path as given,
/// shortened from the left to fit) and, when dates or containment say so,
/// that it is the likely source.
fn pane_title(app: &App, side: Side, art: &Article, width: u16) -> Line<'static> {
    let t = &app.theme;
    let letter = format!(" {} ", side.letter());
    let mut source = match app.likely_source() {
        Some(p) if p.side == side => match p.reason {
            Reason::Dates => "· likely source (earlier) ",
            Reason::Attribution => "· likely source (named) ",
            _ => "· likely source ",
        },
        _ => "",
    };
    // Two corners, the letter, a space each side of the path; the name
    // before the provenance when there is room for one only.
    let room = |source: &str| {
        usize::from(width).saturating_sub(2 + display_width(&letter) + 2 + display_width(source))
    };
    if room(source) < MIN_NAME {
        source = "";
    }
    let mut spans = vec![Span::styled(letter.clone(), t.strong())];
    if room(source) >= MIN_NAME {
        let path = shorten_left(&safe_line(&art.path), room(source));
        spans.push(Span::raw(format!(" {path} ")));
        spans.push(Span::styled(source, t.strong()));
    }
    Line::from(spans)
}

fn render_pane(
    app: &App,
    side: Side,
    area: Rect,
    pg: PaneGeometry,
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
    // The title keeps its own looks on a dim (unfocused) or bold border.
    let mut block = Block::bordered()
        .title(pane_title(app, side, art, area.width))
        .title_style(Style::new().not_dim().not_bold())
        .border_style(app.theme.border(active));
    let h = usize::from(pg.text.height);
    if let Some(sp) = spread {
        let total = sp.len();
        if total > h {
            let top = app.reading.top[side.index()].min(total - h);
            let pos = format!(" {}% ", (top + h) * 100 / total);
            block = block.title_bottom(Line::from(pos).right_aligned());
        }
    }
    if geometry::framable(area) {
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
        pg.numbers.x,
        pg.text.y,
        pg.map.right().max(pg.text.right()) - pg.numbers.x,
        pg.text.height,
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
    // The flags' bytes on this side: every row holding some gets a ⚑, and
    // a changed number or name is marked itself.
    let flagged: Vec<(Range<usize>, bool)> = app
        .flag_list()
        .map(|fl| {
            fl.iter()
                .map(|f| {
                    let r = match side {
                        Side::A => f.a.clone(),
                        Side::B => f.b.clone(),
                    };
                    (r, flags::marks_words(f.kind))
                })
                .collect()
        })
        .unwrap_or_default();
    let overlaps =
        |r: &Range<usize>, p: &Range<usize>| r.start < p.end.max(p.start + 1) && p.start < r.end;
    let rows = sp.rows(side);
    let top = app.reading.top[side.index()].min(rows.len().saturating_sub(h));
    for (dy, row) in rows.iter().skip(top).take(h).enumerate() {
        let y = pg.text.y + dy as u16;
        if let Some(n) = row.paragraph
            && pg.numbers.width > 1
        {
            let w = usize::from(pg.numbers.width - 1);
            let label = format!("{:>w$}", format!("¶{n}"));
            buf.set_stringn(pg.numbers.x, y, &label, w, app.theme.number());
        }
        // The gutter: a passage's bracket (when there is room), then the
        // kind letter, or a bar below it, then a flag's ⚑.
        let letter_x = pg.letter_x().unwrap_or(pg.gutter.x);
        if pg.gutter.width >= geometry::GUTTER
            && let Some((part, class)) = row.bracket
        {
            let style = app
                .theme
                .class(class)
                .add_modifier(ratatui::style::Modifier::DIM);
            buf.set_stringn(pg.gutter.x, y, part.symbol(), 1, style);
        }
        if row.kind == RowKind::Note {
            // Across the letter and the text: where the run's counterpart is.
            let x = if pg.gutter.width > 0 {
                letter_x
            } else {
                pg.text.x
            };
            let w = usize::from(pg.text.right().saturating_sub(x));
            let note = sp.note(side, top + dy).unwrap_or_default();
            buf.set_stringn(x, y, note, w, app.theme.moved_note());
            continue;
        }
        let focused = row.kind == RowKind::Text
            && row.unit != Unit::Other
            && app.reading.focus == Some(row.unit);
        if let Some(gut) = &row.gutter
            && pg.gutter.width > 0
        {
            // The focused passage's letter and bar are one solid reversed bar.
            // Inside a drawn bracket a passage's letter is enough: the
            // bracket's line beside a bar would be two lines side by side.
            let bracketed = row.bracket.is_some() && pg.gutter.width >= geometry::GUTTER;
            let label = if !gut.first && (focused || bracketed) {
                " "
            } else {
                gut.text()
            };
            buf.set_stringn(letter_x, y, label, 1, app.theme.gutter(gut.class, focused));
        }
        let pieces = sp.pieces(side, row, art);
        if let Some(fx) = pg.flag_x()
            && pieces
                .iter()
                .any(|p| flagged.iter().any(|(r, _)| overlaps(r, &p.bytes)))
        {
            buf.set_stringn(fx, y, FLAG, 1, app.theme.flagged());
        }
        let mut x = pg.text.x;
        let right = pg.text.right();
        for p in &pieces {
            if x >= right {
                break;
            }
            let mut style = app.theme.piece(p.class, p.change);
            if p.word.is_some()
                && flagged
                    .iter()
                    .any(|(r, words)| *words && overlaps(r, &p.bytes))
            {
                style = style.patch(app.theme.flagged());
            }
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
    overview::render(&app.theme, rows, top, h, (pg.map, pg.thumb), buf);
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
    if let Some(input) = &app.list.input {
        left.push(Span::styled("filter /", t.strong()));
        left.push(Span::raw(input.clone()));
        left.push(Span::styled("▏", t.strong()));
        left.push(sep());
        left.push(Span::raw(format!(
            "{} of {} articles",
            app.list.shown().len(),
            app.arts.len()
        )));
    } else if let Some(input) = &app.search.input {
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
            match app.flag_status() {
                Some(f) => left.push(Span::styled(f, t.strong())),
                None => left.push(Span::raw(focus_info(app))),
            }
        }
        // Where the pair is among those ] and [ step through; after s it
        // is the same pair, the other way round.
        if let Some((n, of, swapped)) = app.walk_position() {
            left.push(sep());
            let more = if app.pairs.ranked() { "" } else { " so far" };
            left.push(Span::raw(format!("pair {}/{of}{more}", n + 1)));
            if swapped {
                left.push(Span::raw(" swapped"));
            }
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
    for (key, hint) in app.keymap.hints(&app.contexts()) {
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
    let Some(c) = app.comparison() else {
        return String::new();
    };
    let al = &c.alignment;
    match app.reading.focus {
        Some(Unit::Link(i)) => {
            let l = &al.links[i];
            let moved = if l.moved {
                format!(" {}", Mark::Moved.label())
            } else {
                String::new()
            };
            // The reused block it belongs to, when that holds more than it,
            // numbered as every output numbers it.
            let passage = c
                .passage_of(i)
                .map(|(k, n)| {
                    format!(
                        " · passage {n}/{} of {} links",
                        c.shown_passages(),
                        al.passages[k].links.len()
                    )
                })
                .unwrap_or_default();
            format!(
                "link {}/{} {}{moved} · {} kept in order{passage}",
                i + 1,
                al.links.len(),
                l.kind.as_str(),
                pct(c.kept(i)),
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
