//! The `w` popup: who took from whom. Each article's likely sources (see
//! `corpus::provenance`) as an indented tree — an original, the articles
//! that took from it below it with the share of each found in it — built
//! from the pairs ranked so far; then, marked `↔`, the other pairs that
//! share text (no direction known, or a copy explained by a common
//! source), so that the popup holds the pairs `rank` lists, all of them.
//! Enter opens the selected line's pair, source as A and copy as B.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::geometry;
use super::keymap::{Action, Ctx, Keymap};
use super::part::{Ask, Env, Outcome, Part, move_in, movement};
use crate::article::Article;
use crate::corpus::provenance::{self, Node};
use crate::corpus::{self, Pair};
use crate::marks::pct;
use crate::view::Theme;

/// Rows of the popup that are not lines of the tree: borders and a header.
const CHROME_ROWS: u16 = 4;

/// The popup, with its lines and the selected one.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Provenance {
    lines: Vec<Node>,
    /// The ranked pairs not in the tree: `(a, b, score)`, most reused first.
    related: Vec<(usize, usize, f64)>,
    selected: usize,
    top: usize,
    /// Whether the ranking was still going when the tree was built.
    partial: bool,
}

impl Provenance {
    /// The family trees of `pairs` (a ranking, whole or so far) of
    /// `articles` articles.
    pub fn new(articles: usize, pairs: &[Pair], partial: bool) -> Provenance {
        let sources = corpus::sources(articles, pairs);
        let lines = provenance::tree(&sources);
        let edges: std::collections::HashSet<(usize, usize)> = lines
            .iter()
            .filter_map(|n| {
                n.source
                    .map(|s| (s.article.min(n.article), s.article.max(n.article)))
            })
            .collect();
        let related = pairs
            .iter()
            .filter(|p| p.shares_text() && !edges.contains(&(p.a.min(p.b), p.a.max(p.b))))
            .map(|p| (p.a, p.b, p.score()))
            .collect();
        Provenance {
            lines,
            related,
            selected: 0,
            top: 0,
            partial,
        }
    }

    /// Lines in all: the tree's, then the related pairs'.
    fn count(&self) -> usize {
        self.lines.len() + self.related.len()
    }

    /// The related pairs' lines, below the tree.
    #[cfg(test)]
    pub fn related(&self) -> usize {
        self.related.len()
    }

    /// The pairs the popup holds: the tree's edges and the related ones.
    #[cfg(test)]
    pub fn pairs(&self) -> usize {
        self.lines.iter().filter(|n| n.source.is_some()).count() + self.related.len()
    }

    /// The lines of the tree.
    #[cfg(test)]
    pub fn lines(&self) -> &[Node] {
        &self.lines
    }

    /// The selected line.
    #[cfg(test)]
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// Move the selection by `delta` lines, keeping it on a screen `height`
    /// rows high.
    fn move_by(&mut self, delta: isize, height: u16) {
        let n = self.count();
        move_in(&mut self.selected, &mut self.top, delta, n, shown(height));
    }

    /// The pair of the selected line: its source (the line above it in the
    /// tree) and itself; `None` on a root.
    pub fn pair(&self) -> Option<(usize, usize)> {
        match self.lines.get(self.selected) {
            Some(n) => n.source.map(|s| (s.article, n.article)),
            None => {
                let &(a, b, _) = self.related.get(self.selected - self.lines.len())?;
                Some((a, b))
            }
        }
    }
}

/// Lines of the tree shown at once on a screen `height` rows high.
fn shown(height: u16) -> usize {
    usize::from(geometry::sources_popup(Rect::new(0, 0, 1, height)).height)
        .saturating_sub(usize::from(CHROME_ROWS))
        .max(1)
}

impl Part for Provenance {
    fn context(&self) -> Ctx {
        Ctx::Provenance
    }

    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        match action {
            Action::Back => Outcome::Close(None),
            Action::OpenPair => match self.pair() {
                Some((a, b)) => Outcome::Close(Some(Ask::OpenPair(a, b))),
                None => Outcome::Stay(Some(Ask::Note("an original: pick a line below it".into()))),
            },
            _ => match movement(action, shown(env.screen.size.height)) {
                Some(delta) => {
                    self.move_by(delta, env.screen.size.height);
                    Outcome::Stay(None)
                }
                None => Outcome::Ignored,
            },
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        render(self, env.arts, (env.theme, env.keymap), area, buf);
    }

    fn fit(&mut self, env: &Env) {
        self.move_by(0, env.screen.size.height);
    }
}

/// Draw the popup over `area`.
fn render(
    p: &Provenance,
    arts: &[Article],
    (theme, keymap): (&Theme, &Keymap),
    area: Rect,
    buf: &mut Buffer,
) {
    let r = geometry::sources_popup(area);
    if r.is_empty() {
        return;
    }
    Clear.render(r, buf);
    let title = if p.partial {
        " Who took from whom (pairs found so far) "
    } else {
        " Who took from whom "
    };
    let block = Block::bordered().title(title).border_style(theme.dim());
    let inner = block.inner(r);
    block.render(r, buf);
    let mut lines: Vec<Line> = vec![Line::styled(
        format!(
            "share of each article found in the one above it; ↔ related, direction unknown · {} opens · {} closes",
            keymap.keys_for(Ctx::Provenance, Action::OpenPair),
            keymap.keys_for(Ctx::Provenance, Action::Back),
        ),
        theme.dim(),
    )];
    if p.count() == 0 {
        lines.push(Line::raw(if p.partial {
            "no article has a likely source yet"
        } else {
            "no article has a likely source"
        }));
    }
    let shown = usize::from(inner.height.saturating_sub(1));
    for (k, n) in p.lines.iter().enumerate().skip(p.top).take(shown) {
        let a = &arts[n.article];
        let share = n
            .source
            .map_or_else(|| "     ".to_string(), |s| format!("{:>4} ", pct(s.share)));
        let text = format!(
            "{}{share}{}  {}",
            "   ".repeat(n.depth),
            crate::article::safe_line(a.file_name()),
            a.meta.title
        );
        let style = if k == p.selected {
            theme
                .strong()
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else if n.source.is_none() {
            theme.strong()
        } else {
            ratatui::style::Style::default()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    let first = p.top.max(p.lines.len()) - p.lines.len();
    let room = (p.top + shown).saturating_sub(p.lines.len().max(p.top));
    for (j, &(a, b, score)) in p.related.iter().enumerate().skip(first).take(room) {
        let name = |x: usize| crate::article::safe_line(arts[x].file_name()).into_owned();
        let text = format!("{:>4} {} ↔ {}", pct(score), name(a), name(b));
        let style = if p.lines.len() + j == p.selected {
            theme
                .strong()
                .add_modifier(ratatui::style::Modifier::REVERSED)
        } else {
            theme.dim()
        };
        lines.push(Line::from(Span::styled(text, style)));
    }
    for (dy, l) in lines
        .into_iter()
        .enumerate()
        .take(usize::from(inner.height))
    {
        buf.set_line(inner.x, inner.y + dy as u16, &l, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Direction;

    #[test]
    fn enter_on_a_copy_opens_its_source_and_itself() {
        let pairs = vec![Pair {
            a: 2,
            b: 0,
            b_in_a: 0.9,
            a_in_b: 0.5,
            copied: 0.4,
            reworded: 0.5,
            links: 9,
            direction: Direction::Dates,
        }];
        let mut p = Provenance::new(3, &pairs, false);
        assert_eq!(p.lines().len(), 2);
        assert_eq!(p.pairs(), 1);
        assert_eq!(p.pair(), None, "a root opens nothing");
        p.move_by(1, 24);
        assert_eq!(p.pair(), Some((2, 0)));
        p.move_by(5, 24);
        assert_eq!(p.selected(), 1);
    }
}
