//! The spread view (`t`): how one article travelled. Its body paragraphs
//! down the screen, and beside each a heat map of the articles that hold it
//! — one column per article (a family of reprints once, with its size), the
//! cell's glyph as dense as the share of the paragraph it holds, in the
//! colour of how (copied or reworded). Below, the articles with what each
//! holds of the whole, and what the selected cell holds. Enter opens the
//! pair on that paragraph. The same as `copycat spread ARTICLE FOLDER`;
//! the data is `corpus::spread`'s, computed by the worker.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::geometry;
use super::keymap::{Action, Ctx};
use super::panes::spinner;
use super::part::{Ask, Env, Outcome, Part, move_in, movement};
use crate::align::Kind;
use crate::article::{Article, safe_line};
use crate::corpus::spread::{Relation, Take, Taker, Uptake};
use crate::marks::{Mark, count, pct};
use crate::view::{shorten_left, shorten_right};

/// Cells of one article's column in the heat map: two glyphs and a gap.
const COLUMN: u16 = 3;
/// Fewest cells of a paragraph's opening words worth showing.
const MIN_TEXT: u16 = 16;
/// Lines above the heat map: the article, who holds it, what the glyphs
/// mean and the keys.
const HEADER: u16 = 3;

/// The view's state: whose spread, and the cell selected (a paragraph and
/// an article). The spread itself is the pairs' (`Pairs::spread`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct UptakeView {
    /// The article whose spread this is.
    article: usize,
    /// The selected paragraph (an index into `Uptake::paragraphs`).
    row: usize,
    /// The first paragraph shown.
    top: usize,
    /// The selected article (an index into `Uptake::takers`).
    column: usize,
    /// Whether the selection was placed on the spread yet (it arrives
    /// after the view opens).
    placed: bool,
}

/// Where the parts of the view go inside its frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Layout {
    header: Rect,
    /// The heat map: a line of column numbers, then a line per paragraph.
    table: Rect,
    /// What the selected cell holds.
    detail: Rect,
    /// The articles, one a line.
    legend: Rect,
}

impl Layout {
    /// The layout inside `inner` for `takers` articles.
    fn of(inner: Rect, takers: usize) -> Layout {
        let h = inner.height;
        let header = HEADER.min(h);
        let rest = h - header;
        // The list of articles takes up to a third of what is left (at least
        // three lines when there are that many), the detail line one.
        let legend = (takers as u16)
            .min((rest / 3).max(3))
            .min(rest.saturating_sub(3));
        let detail = u16::from(rest > legend + 2);
        let table = rest - legend - detail;
        let at = |y: u16, height: u16| Rect::new(inner.x, y, inner.width, height);
        Layout {
            header: at(inner.y, header),
            table: at(inner.y + header, table),
            detail: at(inner.y + header + table, detail),
            legend: at(inner.y + header + table + detail, legend),
        }
    }

    /// Paragraph lines shown at once.
    fn rows(&self) -> usize {
        usize::from(self.table.height.saturating_sub(1)).max(1)
    }
}

/// The frame of the view on a screen `area`: all of it but the status bar,
/// so that the heat map has every column there is.
fn frame(area: Rect) -> Rect {
    geometry::above_status(area)
}

/// The layout on the screen `area`, for `takers` articles.
fn layout(area: Rect, takers: usize) -> Layout {
    Layout::of(Block::bordered().inner(frame(area)), takers)
}

impl UptakeView {
    /// The spread view of article `x`.
    pub fn new(x: usize) -> UptakeView {
        UptakeView {
            article: x,
            ..UptakeView::default()
        }
    }

    /// The article whose spread this is.
    pub fn article(&self) -> usize {
        self.article
    }

    /// The selected paragraph and article.
    #[cfg(test)]
    pub fn selected(&self) -> (usize, usize) {
        (self.row, self.column)
    }

    /// Once the spread is known: start on the first paragraph someone holds,
    /// in the column of the article holding most of it.
    fn place(&mut self, u: &Uptake, shown: usize) {
        if self.placed {
            return;
        }
        self.placed = true;
        if let Some((r, p)) = u
            .paragraphs
            .iter()
            .enumerate()
            .find(|(_, p)| !p.takes.is_empty())
        {
            self.row = r;
            self.column = p.takes[0].taker;
        }
        self.keep_in_range(u, shown);
    }

    fn keep_in_range(&mut self, u: &Uptake, shown: usize) {
        let n = u.paragraphs.len();
        move_in(&mut self.row, &mut self.top, 0, n, shown);
        self.column = self.column.min(u.takers.len().saturating_sub(1));
    }

    /// What the selected paragraph's cell holds, if anything.
    fn take<'u>(&self, u: &'u Uptake) -> Option<&'u Take> {
        u.paragraphs
            .get(self.row)?
            .takes
            .iter()
            .find(|t| t.taker == self.column)
    }

    /// Enter: the pair of X and the selected article, on the first link
    /// that holds the selected paragraph.
    fn open(&self, u: &Uptake, arts: &[Article]) -> Outcome {
        let (Some(p), Some(tk)) = (u.paragraphs.get(self.row), u.takers.get(self.column)) else {
            return Outcome::Stay(Some(Ask::Note(
                "no article shares text with this one".into(),
            )));
        };
        let Some(take) = self.take(u) else {
            return Outcome::Stay(Some(Ask::Note(format!(
                "[{}] holds none of ¶{}: pick a marked cell",
                self.column + 1,
                p.number
            ))));
        };
        let (a, b) = (tk.pair.a, tk.pair.b);
        let Some(&link) = take.links.first() else {
            return Outcome::Close(Some(Ask::OpenPair(a, b)));
        };
        let note = (tk.stands_for.len() > 1).then(|| {
            format!(
                "{} stands for its family of {}",
                safe_line(arts[tk.article].file_name()),
                tk.stands_for.len()
            )
        });
        Outcome::Close(Some(Ask::OpenLink { a, b, link, note }))
    }
}

impl Part for UptakeView {
    fn context(&self) -> Ctx {
        Ctx::Spread
    }

    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        if action == Action::Back {
            return Outcome::Close(None);
        }
        let Some(u) = env.pairs.spread(self.article) else {
            // Still being found: only closing does anything.
            return match action {
                Action::OpenPair
                | Action::Down
                | Action::Up
                | Action::PageDown
                | Action::PageUp
                | Action::Top
                | Action::Bottom
                | Action::PrevTaker
                | Action::NextTaker => Outcome::Stay(None),
                _ => Outcome::Ignored,
            };
        };
        let shown = layout(env.screen.size, u.takers.len()).rows();
        self.place(u, shown);
        match action {
            Action::OpenPair => self.open(u, env.arts),
            Action::PrevTaker | Action::NextTaker => {
                let n = u.takers.len();
                if n > 0 {
                    self.column = if action == Action::NextTaker {
                        (self.column + 1).min(n - 1)
                    } else {
                        self.column.saturating_sub(1)
                    };
                }
                Outcome::Stay(None)
            }
            _ => match movement(action, shown) {
                Some(delta) => {
                    let n = u.paragraphs.len();
                    move_in(&mut self.row, &mut self.top, delta, n, shown);
                    Outcome::Stay(None)
                }
                None => Outcome::Ignored,
            },
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        let r = frame(area);
        if r.is_empty() {
            return;
        }
        Clear.render(r, buf);
        let art = env.arts.get(self.article);
        let name = art.map_or_else(String::new, |a| safe_line(a.file_name()).into_owned());
        let title = format!(" Spread of {} ", shorten_left(&name, 40));
        let block = Block::bordered()
            .title(title)
            .border_style(env.theme.border(true));
        let inner = block.inner(r);
        block.render(r, buf);
        let (Some(art), Some(u)) = (art, env.pairs.spread(self.article)) else {
            let msg = format!(
                "{} finding the articles that share text with it",
                spinner(env.tick)
            );
            buf.set_stringn(
                inner.x,
                inner.y,
                msg,
                usize::from(inner.width),
                env.theme.dim(),
            );
            return;
        };
        // Drawing never moves the selection; before the first key it sits
        // where `place` will put it.
        let mut view = self.clone();
        let lay = layout(env.screen.size, u.takers.len());
        view.place(u, lay.rows());
        view.draw(art, u, lay, buf, env);
    }

    fn fit(&mut self, env: &Env) {
        if let Some(u) = env.pairs.spread(self.article) {
            let shown = layout(env.screen.size, u.takers.len()).rows();
            self.keep_in_range(u, shown);
        }
    }
}

/// The glyph of a cell: as dense as the share of the paragraph held.
fn glyph(share: f64) -> char {
    match share {
        s if s >= 0.75 => '█',
        s if s >= 0.5 => '▓',
        s if s >= 0.25 => '▒',
        _ => '░',
    }
}

/// How an article stands to X, as the list of articles says it.
fn relation(t: &Taker) -> &'static str {
    match t.relation {
        Relation::Took => "took from it",
        Relation::Gave => "its source",
        Relation::Related => "related",
    }
}

impl UptakeView {
    fn draw(&self, art: &Article, u: &Uptake, lay: Layout, buf: &mut Buffer, env: &Env) {
        let t = env.theme;
        let put = |buf: &mut Buffer, area: Rect, dy: u16, line: &Line| {
            if dy < area.height {
                buf.set_line(area.x, area.y + dy, line, area.width);
            }
        };
        // The header: the article, then who holds it and what the glyphs say.
        let mut first = vec![Span::styled(
            safe_line(&art.meta.title).into_owned(),
            t.strong(),
        )];
        if let Some(o) = &art.meta.outlet {
            first.push(Span::styled(format!(" · {}", safe_line(o)), t.dim()));
        }
        put(buf, lay.header, 0, &Line::from(first));
        let families = u.takers.iter().filter(|t| t.stands_for.len() > 1).count();
        let n = u.articles();
        let mut held = format!(
            "{} text with it",
            count(n, "article shares", "articles share")
        );
        if families > 0 {
            held.push_str(&format!(
                " ({} of reprints, one column each)",
                count(families, "family", "families")
            ));
        }
        if !u.reprints.is_empty() {
            held.push_str(&format!(
                "; {} of it hold all of it",
                count(u.reprints.len(), "reprint", "reprints")
            ));
        }
        put(buf, lay.header, 1, &Line::raw(held));
        let keys = |a| env.keymap.keys_for(Ctx::Spread, a);
        let first = |a| env.keymap.key_for(Ctx::Spread, a).unwrap_or_default();
        let legend = Line::from(vec![
            Span::styled("█ ¾ or more of the paragraph, ▓ ½, ▒ ¼, ░ less; ", t.dim()),
            Span::styled(Mark::Copied.label(), t.mark(Mark::Copied)),
            Span::styled(" or ", t.dim()),
            Span::styled(Mark::Reworded.label(), t.mark(Mark::Reworded)),
            Span::styled(
                format!(
                    " · {}/{} pick an article · {} opens the pair there · {} closes",
                    first(Action::PrevTaker),
                    first(Action::NextTaker),
                    keys(Action::OpenPair),
                    keys(Action::Back)
                ),
                t.dim(),
            ),
        ]);
        put(buf, lay.header, 2, &legend);
        if u.paragraphs.is_empty() {
            put(buf, lay.table, 0, &Line::raw("no body paragraph to follow"));
            return;
        }
        self.draw_table(art, u, lay.table, buf, env);
        self.draw_detail(u, lay.detail, buf, env);
        self.draw_legend(env.arts, u, lay.legend, buf, env);
    }

    /// The heat map: a line of column numbers, then each paragraph's number,
    /// its cells, how many articles hold it, its opening words.
    fn draw_table(&self, art: &Article, u: &Uptake, area: Rect, buf: &mut Buffer, env: &Env) {
        let t = env.theme;
        if area.height == 0 || area.width == 0 {
            return;
        }
        let digits = u.paragraphs.iter().map(|p| p.number).max().unwrap_or(1);
        let num_w = format!("¶{digits}").chars().count() as u16 + 1;
        // The heat map gets what the text can spare.
        let spare = area.width.saturating_sub(num_w + 4 + MIN_TEXT);
        let cols = usize::from(spare / COLUMN).min(u.takers.len()).max(1);
        // Columns scroll so that the selected one is on screen.
        let left = (self.column + 1).saturating_sub(cols);
        let heat_x = area.x + num_w;
        let held_x = heat_x + cols as u16 * COLUMN;
        let text_x = held_x + 4;
        // Column numbers, the selected one strong.
        for c in 0..cols.min(u.takers.len() - left) {
            let k = left + c;
            let label = format!("{:>2}", k + 1);
            let style = if k == self.column {
                t.strong()
            } else {
                t.dim()
            };
            let label: String = label
                .chars()
                .rev()
                .take(2)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            buf.set_stringn(heat_x + c as u16 * COLUMN, area.y, label, 2, style);
        }
        buf.set_stringn(held_x, area.y, "held", 4, t.dim());
        let rows = usize::from(area.height - 1);
        for (dy, (r, p)) in u
            .paragraphs
            .iter()
            .enumerate()
            .skip(self.top)
            .take(rows)
            .enumerate()
        {
            let y = area.y + 1 + dy as u16;
            let here = r == self.row;
            let num_style = if here {
                t.strong().add_modifier(Modifier::REVERSED)
            } else {
                t.number()
            };
            buf.set_stringn(
                area.x,
                y,
                format!("¶{}", p.number),
                usize::from(num_w - 1),
                num_style,
            );
            for c in 0..cols.min(u.takers.len() - left) {
                let k = left + c;
                let x = heat_x + c as u16 * COLUMN;
                let selected = here && k == self.column;
                let (cell, style) = match p.takes.iter().find(|tk| tk.taker == k) {
                    Some(tk) => {
                        let g = glyph(tk.share);
                        let mark = match tk.kind {
                            Kind::Copied => Mark::Copied,
                            Kind::Reworded => Mark::Reworded,
                        };
                        (format!("{g}{g}"), t.mark(mark))
                    }
                    None => (" ·".to_string(), t.dim()),
                };
                // The selected cell: a pointer in its first place, so that
                // it shows without colour and on a reversed row alike.
                let cell = if selected {
                    format!("▶{}", cell.chars().last().unwrap_or(' '))
                } else {
                    cell
                };
                buf.set_stringn(x, y, cell, 2, style);
            }
            let held = p.held_by(&u.takers);
            let held = if held == 0 {
                String::new()
            } else {
                format!("{held:>3}")
            };
            buf.set_stringn(held_x, y, held, 3, Style::default());
            if text_x < area.right() {
                let text = art.text_at(art.paragraphs[p.paragraph].span);
                let text = safe_line(text);
                let w = usize::from(area.right() - text_x);
                let style = if here { t.strong() } else { Style::default() };
                buf.set_stringn(text_x, y, shorten_right(&text, w), w, style);
            }
        }
    }

    /// What the selected cell holds, in words.
    fn draw_detail(&self, u: &Uptake, area: Rect, buf: &mut Buffer, env: &Env) {
        if area.height == 0 {
            return;
        }
        let Some(p) = u.paragraphs.get(self.row) else {
            return;
        };
        let line = match (u.takers.get(self.column), self.take(u)) {
            (None, _) => "no other article shares text with this one".to_string(),
            (Some(_), None) => format!("¶{}: [{}] holds none of it", p.number, self.column + 1),
            (Some(_), Some(tk)) => {
                let mut parts = vec![format!(
                    "[{}] holds {} of ¶{}",
                    self.column + 1,
                    pct(tk.share),
                    p.number
                )];
                if tk.copied > 0.0 {
                    parts.push(format!("{} copied", pct(tk.copied)));
                }
                if tk.reworded > 0.0 {
                    parts.push(format!("{} reworded", pct(tk.reworded)));
                }
                parts.push(count(tk.links.len(), "link", "links"));
                parts.push(format!(
                    "{} opens the pair there",
                    env.keymap.keys_for(Ctx::Spread, Action::OpenPair)
                ));
                parts.join(" · ")
            }
        };
        buf.set_stringn(
            area.x,
            area.y,
            line,
            usize::from(area.width),
            env.theme.note(),
        );
    }

    /// The articles, one a line, the selected one reversed; the list
    /// scrolls to keep it in sight.
    fn draw_legend(&self, arts: &[Article], u: &Uptake, area: Rect, buf: &mut Buffer, env: &Env) {
        let t = env.theme;
        let shown = usize::from(area.height);
        if shown == 0 {
            return;
        }
        let first = (self.column + 1).saturating_sub(shown);
        for (dy, (k, tk)) in u
            .takers
            .iter()
            .enumerate()
            .skip(first)
            .take(shown)
            .enumerate()
        {
            let a = &arts[tk.article];
            let mut line = format!(
                "[{}] {} of this in it · {}",
                k + 1,
                pct(tk.x_in_it),
                relation(tk)
            );
            if tk.stands_for.len() > 1 {
                line.push_str(&format!(" · a family of {}", tk.stands_for.len()));
            }
            if !tk.outlets.is_empty() {
                let outlets: Vec<String> = tk
                    .outlets
                    .iter()
                    .map(|o| safe_line(o).into_owned())
                    .collect();
                line.push_str(&format!(" · {}", outlets.join(", ")));
            }
            line.push_str(&format!(" · {}", safe_line(a.file_name())));
            let style = if k == self.column {
                t.strong().add_modifier(Modifier::REVERSED)
            } else {
                Style::default()
            };
            buf.set_stringn(
                area.x,
                area.y + dy as u16,
                shorten_right(&line, usize::from(area.width)),
                usize::from(area.width),
                style,
            );
        }
    }
}
