//! The two reading panes, as one part: the layout and where each pane is
//! scrolled ([`Reading`]), the search in both articles ([`Search`]), and
//! the keys that read — scrolling, stepping through links, passages, flags
//! and search matches, synchronized scrolling. They draw the two articles
//! side by side: titles, paragraph numbers, gutters, text and maps.

use std::borrow::Cow;

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Paragraph, Widget, Wrap};

use super::flags;
use super::geometry::{self, PaneGeometry};
use super::keymap::{Action, Ctx, Dir, Jump};
use super::overview;
use super::pairs::Reason;
use super::part::{Ask, Edit, Env, Outcome, Part, movement};
use super::reading::{Deferred, Reading};
use super::screen::{Hit, Mouse, Pane};
use super::search::Search;
use crate::article::{Article, TextBytes, safe_line};
use crate::comparison::Comparison;
use crate::marks::FLAG;
use crate::side::{Side, Sides};
use crate::view::{RowKind, Spread, Unit, display_width, shorten_left};

/// Fewest cells worth showing of a file name (`…e.txt`).
const MIN_NAME: usize = 6;

/// The progress indicator's frames.
const SPINNER: [&str; 10] = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

/// The progress indicator at frame `tick`.
pub fn spinner(tick: usize) -> &'static str {
    SPINNER[tick % SPINNER.len()]
}

/// The reading panes.
#[derive(Debug, Default)]
pub struct Panes {
    /// The layout, where each pane is scrolled, the focus, the flag.
    pub reading: Reading,
    /// The search in force.
    pub search: Search,
}

impl Panes {
    /// The side whose reading order steps follow: the active pane's, or B's.
    fn side(env: &Env) -> Side {
        env.screen.pane.side().unwrap_or(Side::B)
    }

    /// n / N: matches while a search is active, links otherwise.
    fn next(&mut self, dir: Dir, env: &Env) -> Option<Ask> {
        if !self.search.active() {
            return self.jump(None, dir, env);
        }
        let note = self.search.step(dir);
        match self.show_match() {
            Some(side) => Some(Ask::ReadIn(side, note)),
            None => note.map(Ask::Note),
        }
    }

    /// Step to the next passage of a kind (`None`: any link), or flag. Keys
    /// pressed while the pair is aligned are not lost: the jump happens
    /// when the alignment arrives.
    pub fn jump(&mut self, kind: Option<Jump>, dir: Dir, env: &Env) -> Option<Ask> {
        let Some(c) = env.comparison else {
            if env.arts.len() < 2 {
                return None;
            }
            self.reading.deferred = Some(Deferred::Jump(kind, dir));
            return Some(Ask::Note("aligning: will jump when ready".into()));
        };
        if kind == Some(Jump::Flag) {
            return match flags::step(c.flags.len(), self.reading.flag, dir) {
                Some(i) => {
                    self.go_to_flag(i, c);
                    None
                }
                None => Some(Ask::Note(flags::no_step(c.flags.len(), dir).into())),
            };
        }
        self.reading
            .jump(c, kind, dir, Self::side(env))
            .map(Ask::Note)
    }

    /// Make flag `i` of the pair compared in `c` the current one: its link
    /// focused, its two sides brought into view level with each other.
    pub fn go_to_flag(&mut self, i: usize, c: &Comparison) {
        let Some(f) = c.flags.get(i) else { return };
        self.reading.flag = Some(i);
        self.reading.focus = f.link.map(Unit::Link);
        self.reading.show_level(f.a.start, f.b.start);
    }

    /// The status bar's line for the current flag of `c`, while its link
    /// (or, for a flag outside the links, nothing) has the focus.
    pub fn flag_status(&self, c: &Comparison) -> Option<String> {
        let i = self.reading.flag?;
        let f = c.flags.get(i)?;
        (self.reading.focus == f.link.map(Unit::Link)).then(|| flags::status(&c.flags, i))
    }

    /// The search prompt changed: a query typed is searched once the keys
    /// typed so far are handled ([`Panes::catch_up`]).
    pub fn edit(&mut self, edit: Edit, env: &Env) -> Option<Ask> {
        let search = &mut self.search;
        match edit {
            Edit::Changed(q) => search.type_query(&q),
            Edit::Cancelled(q) => {
                search.query = q;
                search.pending = false;
                self.find_matches(env);
            }
            Edit::Kept if search.query.is_empty() => search.clear(),
            Edit::Kept if search.matches.is_empty() => {
                return Some(Ask::Note(format!("no match for “{}”", search.query)));
            }
            Edit::Kept => {}
        }
        None
    }

    /// The mouse over a pane: the wheel scrolls it; a click or a drag on
    /// the map (or the thumb beside it) scrolls to that part of the article;
    /// a click on the text focuses the passage there.
    pub fn mouse(&mut self, m: Mouse, hit: Hit, env: &Env) {
        let reading = &mut self.reading;
        match hit {
            Hit::Map(side, cell, cells) if m.click || m.drag => {
                reading.scroll_to_map(side, cell, cells);
            }
            Hit::Map(side, ..) | Hit::Pane(side) | Hit::Text(side, _) if m.wheel != 0 => {
                reading.scroll(side, m.wheel);
            }
            Hit::Text(side, dy) if m.click => {
                reading.click(side, dy, env.comparison.map(|c| &c.alignment));
            }
            _ => {}
        }
    }

    /// Once the keys typed are handled: search for what the prompt holds,
    /// and show the first match at or below the top of the active pane.
    pub fn catch_up(&mut self, env: &Env) -> Option<Ask> {
        if !std::mem::take(&mut self.search.pending) {
            return None;
        }
        self.find_matches(env);
        let top = self.reading.top[Self::side(env)];
        self.search.current_from(top, self.reading.spread());
        self.show_match().map(|side| Ask::ReadIn(side, None))
    }

    /// Search the open pair again (a new pair, a new layout, a query given up).
    pub fn find_matches(&mut self, env: &Env) {
        self.search
            .refresh(env.arts, env.open.pair, self.reading.spread());
    }

    /// Scroll the current match into view; the side it is on.
    fn show_match(&mut self) -> Option<Side> {
        let m = self.search.current_match()?;
        let row = self.reading.spread()?.row_of_byte(m.side, m.bytes.start)?;
        let side = m.side;
        self.reading.show_row(side, row);
        Some(side)
    }

    /// A new layout is in place: the matches get their rows; on the pair's
    /// first (`fresh`), a jump asked for while waiting happens: then
    /// `Some`, with what the jump asks for.
    pub fn after_layout(&mut self, fresh: bool, env: &Env) -> Option<Option<Ask>> {
        if !fresh {
            self.search.sort(self.reading.spread());
            return None;
        }
        self.find_matches(env);
        match self.reading.deferred.take()? {
            Deferred::Jump(kind, dir) => Some(self.jump(kind, dir, env)),
            // What the status bar says of it was said when it was asked for.
            Deferred::Link(link) => {
                self.go_to_link(link);
                None
            }
        }
    }

    /// Focus link `link` of the open pair and bring both its sides into
    /// view level; once the pair is laid out, if it is not yet.
    pub fn go_to_link(&mut self, link: usize) {
        if self.reading.spread().is_none() {
            self.reading.deferred = Some(Deferred::Link(link));
            return;
        }
        self.reading.flag = None;
        self.reading.focus = Some(Unit::Link(link));
        self.reading.show(Unit::Link(link));
    }

    /// The layout of the open pair for text widths `widths` (see
    /// [`Reading::spread_for`]).
    pub fn spread_for(&self, widths: Sides<usize>, env: &Env) -> Option<Cow<'_, Spread>> {
        let al = &env.comparison?.alignment;
        let pair = env.open.pair.map(|i| env.arts.get(i));
        let (Some(a), Some(b)) = pair.into() else {
            return None;
        };
        self.reading.spread_for((a, b), al, widths)
    }

    fn render_pane(
        &self,
        env: &Env,
        side: Side,
        (area, pg): (Rect, PaneGeometry),
        text: bool,
        spread: Option<&Spread>,
        buf: &mut Buffer,
    ) {
        let active = env.screen.pane == Pane::from(side);
        let Some(art) = env.arts.get(env.open.pair[side]) else {
            return;
        };
        // The title keeps its own looks on a dim (unfocused) or bold border.
        let mut block = Block::bordered()
            .title(pane_title(env, side, art, area.width))
            .title_style(Style::new().not_dim().not_bold())
            .border_style(env.theme.border(active));
        let h = usize::from(pg.text.height);
        if let Some(sp) = spread {
            let total = sp.len();
            if total > h {
                let top = self.reading.top[side].min(total - h);
                let pos = format!(" {}% ", (top + h) * 100 / total);
                block = block.title_bottom(Line::from(pos).right_aligned());
            }
        }
        // A saved page whose story is in doubt says so on its border, where
        // the eye goes from the text, and what was doubted below the title.
        if art.doubtful() {
            block = block.title_bottom(
                Line::from(" page read with doubt (--whole-page) ")
                    .left_aligned()
                    .style(env.theme.note()),
            );
        }
        if geometry::framable(area) {
            block.render(area, buf);
        }
        // Header: the title, then outlet · date · words (and what the
        // extraction doubted).
        if pg.header.height > 0 {
            let t = Line::from(art.meta.title.clone()).style(env.theme.strong());
            buf.set_line(pg.header.x, pg.header.y, &t, pg.header.width);
        }
        if pg.header.height > 1 {
            let mut d = Line::from(details(art)).style(env.theme.dim());
            if let Some(note) = art.extraction_notes().first().filter(|_| art.doubtful()) {
                d.push_span(Span::styled(
                    format!(" · {}", safe_line(note)),
                    env.theme.note(),
                ));
            }
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
        if env.arts.len() < 2 {
            message(
                buf,
                body,
                "copycat compares two articles: open at least two",
                env.theme.dim(),
            );
            return;
        }
        let Some(sp) = spread else {
            let tick = spinner(env.tick);
            let msg = match env.pairs.progress() {
                _ if env.comparison.is_some() => format!("{tick} laying out"),
                Some((_, 0)) => format!("{tick} finding pairs that share text"),
                Some((n, t)) => format!("{tick} ranking pairs {n}/{t}"),
                None => format!("{tick} aligning"),
            };
            message(buf, body, &msg, env.theme.dim());
            return;
        };
        let (matches, current) = self.search.on_side(side);
        // The flags' bytes on this side: every row holding some gets a ⚑, and
        // a changed number or name is marked itself.
        let flagged: Vec<(TextBytes, bool)> = env
            .comparison
            .map(|c| {
                c.flags
                    .iter()
                    .map(|f| {
                        let r = Sides::new(f.a, f.b)[side];
                        (r, flags::marks_words(f.kind))
                    })
                    .collect()
            })
            .unwrap_or_default();
        // A piece is at least one byte wide here: a joining space that
        // stands for no byte still sits where its row has text.
        let overlaps = |r: &TextBytes, p: &TextBytes| {
            r.overlaps(&TextBytes::new(p.start, p.end.max(p.start + 1)))
        };
        let rows = sp.rows(side);
        let top = self.reading.top[side].min(rows.len().saturating_sub(h));
        for (dy, row) in rows.iter().skip(top).take(h).enumerate() {
            let y = pg.text.y + dy as u16;
            if let Some(n) = row.paragraph
                && pg.numbers.width > 1
            {
                let w = usize::from(pg.numbers.width - 1);
                let label = format!("{:>w$}", format!("¶{n}"));
                buf.set_stringn(pg.numbers.x, y, &label, w, env.theme.number());
            }
            // The gutter: a passage's bracket (when there is room), then the
            // kind letter, or a bar below it, then a flag's ⚑.
            let letter_x = pg.letter_x().unwrap_or(pg.gutter.x);
            if pg.gutter.width >= geometry::GUTTER
                && let Some((part, class)) = row.bracket
            {
                let style = env
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
                buf.set_stringn(x, y, note, w, env.theme.moved_note());
                continue;
            }
            let focused = row.kind == RowKind::Text
                && row.unit != Unit::Other
                && self.reading.focus == Some(row.unit);
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
                buf.set_stringn(letter_x, y, label, 1, env.theme.gutter(gut.class, focused));
            }
            let pieces = sp.pieces(side, row, art);
            if let Some(fx) = pg.flag_x()
                && pieces
                    .iter()
                    .any(|p| flagged.iter().any(|(r, _)| overlaps(r, &p.bytes)))
            {
                buf.set_stringn(fx, y, FLAG, 1, env.theme.flagged());
            }
            let mut x = pg.text.x;
            let right = pg.text.right();
            for p in &pieces {
                if x >= right {
                    break;
                }
                let mut style = env.theme.piece(p.class, p.change);
                if p.word.is_some()
                    && flagged
                        .iter()
                        .any(|(r, words)| *words && overlaps(r, &p.bytes))
                {
                    style = style.patch(env.theme.flagged());
                }
                for (text, hit) in highlight(p.text.as_str(), &p.bytes, matches, current.as_ref()) {
                    let s = match hit {
                        Some(cur) => style.patch(env.theme.matched(cur)),
                        None => style,
                    };
                    let (nx, _) = buf.set_stringn(x, y, text, usize::from(right - x), s);
                    x = nx;
                }
            }
        }
        overview::render(env.theme, rows, top, h, (pg.map, pg.thumb), buf);
    }
}

impl Part for Panes {
    fn context(&self) -> Ctx {
        Ctx::Pane
    }

    /// The reading keys: those that scroll act on the pane with the
    /// keyboard (none when the list has it); the others, bound everywhere,
    /// on the pair. Esc clears the search, then the focus.
    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        let ask = match action {
            Action::Down
            | Action::Up
            | Action::PageDown
            | Action::PageUp
            | Action::Top
            | Action::Bottom => {
                let Some(side) = env.screen.pane.side() else {
                    return Outcome::Ignored;
                };
                let delta = movement(action, env.screen.page()).unwrap_or_default();
                self.reading.scroll(side, delta);
                None
            }
            Action::Next => self.next(Dir::Forward, env),
            Action::Prev => self.next(Dir::Backward, env),
            Action::Jump(kind, dir) => self.jump(Some(kind), dir, env),
            Action::ToggleSync => {
                let note = self.reading.toggle_sync(Self::side(env));
                Some(Ask::Note(note.into()))
            }
            Action::Back if self.search.active() => {
                self.search.clear();
                None
            }
            Action::Back if self.reading.focus.is_some() => {
                self.reading.focus = None;
                None
            }
            _ => return Outcome::Ignored,
        };
        Outcome::Stay(ask)
    }

    /// Both panes, each at its place on the screen `area`.
    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        let pgs = Sides::from_fn(|side| env.screen.pane_geometry_in(area, side));
        let widths = pgs.map(|pg| usize::from(pg.text.width));
        // Text only when both panes have room for it: the app keeps no
        // layout for a zero width, and building one here would wrap every
        // character onto a row of its own.
        let text = widths.a > 0 && widths.b > 0;
        let spread = if env.arts.len() >= 2 && text {
            self.spread_for(widths, env)
        } else {
            None
        };
        let panes = env.screen.geometry_in(area).panes;
        for (side, &rect) in panes.by_side() {
            self.render_pane(env, side, (rect, pgs[side]), text, spread.as_deref(), buf);
        }
    }
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
fn pane_title(env: &Env, side: Side, art: &Article, width: u16) -> Line<'static> {
    let t = env.theme;
    let letter = format!(" {} ", side.letter());
    let mut source = match env.open.likely {
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

/// Split a piece's text where search matches begin and end: `(text, None)`
/// for plain stretches, `(text, Some(is_current))` for matched ones.
fn highlight<'t>(
    text: &'t str,
    bytes: &TextBytes,
    matches: &[TextBytes],
    current: Option<&TextBytes>,
) -> Vec<(&'t str, Option<bool>)> {
    let first = matches.partition_point(|m| m.end <= bytes.start);
    let hits: Vec<&TextBytes> = matches[first..]
        .iter()
        .take_while(|m| m.start < bytes.end.max(bytes.start + 1))
        .collect();
    if hits.is_empty() {
        return vec![(text, None)];
    }
    let is_cur = |m: &TextBytes| current.is_some_and(|c| c == m);
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
