//! The article list: every article with the share of it found in A, its
//! title and its file name, a filter typed after `/`, and the selection.
//!
//! The filter keeps the articles whose title or path holds every word typed
//! (case ignored); the selection moves among the articles shown. The list
//! is a side pane on a wide screen and a popup on a narrow one: the same
//! part, drawn where the app puts it.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Widget};

use super::geometry;
use super::keymap::{Action, Ctx};
use super::part::{Ask, Edit, Env, Outcome, Part, movement};
use super::screen::{Mouse, Pane};
use crate::article::{Article, safe_line};
use crate::marks::pct;
use crate::side::Side;
use crate::view::{display_width, shorten_left};

/// Columns before a row's title: the A/B mark, the share and spaces.
const INDENT: usize = 7;

/// The list's state.
#[derive(Debug, Clone, Default)]
pub struct List {
    /// The highlighted article (an index into the articles).
    pub selected: usize,
    /// The filter in force (empty: every article).
    pub query: String,
    /// The articles the filter keeps, in order.
    shown: Vec<usize>,
}

impl List {
    /// A list of `n` articles, all shown.
    pub fn new(n: usize) -> List {
        List {
            shown: (0..n).collect(),
            ..List::default()
        }
    }

    /// The articles shown, in order.
    pub fn shown(&self) -> &[usize] {
        &self.shown
    }

    /// Whether a filter is in force.
    pub fn filtered(&self) -> bool {
        !self.query.is_empty()
    }

    /// Whether `art` passes the filter `query`.
    pub fn keeps(art: &Article, query: &str) -> bool {
        let title = art.meta.title.to_lowercase();
        let path = art.path.to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|w| title.contains(w) || path.contains(w))
    }

    /// Apply the query to `arts`; the selection moves to the first article
    /// shown when the filter hides it.
    pub fn refilter(&mut self, arts: &[Article]) {
        self.shown = (0..arts.len())
            .filter(|&i| Self::keeps(&arts[i], &self.query))
            .collect();
        if !self.shown.contains(&self.selected)
            && let Some(&first) = self.shown.first()
        {
            self.selected = first;
        }
    }

    /// Filter by `query` (empty: no filter), as the user types it.
    pub fn set_query(&mut self, query: &str, arts: &[Article]) {
        query.clone_into(&mut self.query);
        self.refilter(arts);
    }

    /// The filter's prompt changed (`arts`: the articles filtered); what
    /// the status bar says of it.
    pub fn edit(&mut self, edit: Edit, arts: &[Article]) -> Option<Ask> {
        match edit {
            Edit::Changed(q) | Edit::Cancelled(q) => self.set_query(&q, arts),
            Edit::Kept if self.shown.is_empty() => {
                return Some(Ask::Note(format!("no article matches “{}”", self.query)));
            }
            Edit::Kept => {}
        }
        None
    }

    /// The mouse over the list, on row `row` of its inside (drawn `rows`
    /// high): the wheel moves the selection, a click selects.
    pub fn mouse(&mut self, m: Mouse, row: Option<u16>, rows: u16) {
        if m.wheel != 0 {
            self.step(m.wheel.signum());
        } else if m.click
            && let Some(i) = row.and_then(|dy| self.at_row(rows, dy))
        {
            self.selected = i;
        }
    }

    /// Where the selection stands among the articles shown.
    pub fn position(&self) -> Option<usize> {
        self.shown.iter().position(|&i| i == self.selected)
    }

    /// Move the selection by `delta` articles among those shown.
    pub fn step(&mut self, delta: isize) {
        let n = self.shown.len() as isize;
        if n == 0 {
            return;
        }
        let at = self.position().map_or(0, |p| p as isize);
        let to = at.saturating_add(delta).clamp(0, n - 1);
        self.selected = self.shown[to as usize];
    }

    /// The first article drawn in a list `rows` rows high: the selection
    /// stays on the last page.
    pub fn offset(&self, rows: u16) -> usize {
        let per_page = usize::from(rows / 2).max(1);
        (self.position().unwrap_or(0) + 1).saturating_sub(per_page)
    }

    /// The article drawn at row `dy` of a list `rows` rows high.
    pub fn at_row(&self, rows: u16, dy: u16) -> Option<usize> {
        let i = self.offset(rows) + usize::from(dy / 2);
        self.shown.get(i).copied()
    }
}

impl Part for List {
    fn context(&self) -> Ctx {
        Ctx::List
    }

    /// The list's keys, and Esc, which clears a filter in force (in the
    /// popup, with no filter, the popup's layer closes it).
    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        match action {
            Action::SetA => Outcome::Stay(Some(Ask::Choose(Side::A))),
            Action::SetB => Outcome::Stay(Some(Ask::Choose(Side::B))),
            Action::Filter => Outcome::Stay(Some(Ask::Filter)),
            Action::Back if self.filtered() => {
                self.set_query("", env.arts);
                Outcome::Stay(None)
            }
            _ => match movement(action, page(env)) {
                Some(delta) => {
                    self.step(delta);
                    Outcome::Stay(None)
                }
                None => Outcome::Ignored,
            },
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        render(self, area, buf, env);
    }
}

/// Articles on a page of the list where it is drawn (two rows each).
fn page(env: &Env) -> usize {
    env.list_area.map_or(1, |a| {
        usize::from(geometry::framed_inner(a).height / 2).max(1)
    })
}

/// Draw the list into `area`.
fn render(list: &List, area: Rect, buf: &mut Buffer, env: &Env) {
    let t = env.theme;
    let focused = env.screen.pane == Pane::List;
    let n = env.arts.len();
    // Files skipped and pages read with doubt, counted where the articles
    // are: a folder's trouble is seen on the first frame, not after quitting.
    let doubtful = env.arts.iter().filter(|a| a.doubtful()).count();
    let mut trouble = Vec::new();
    if env.skipped > 0 {
        trouble.push(format!("{} skipped", env.skipped));
    }
    if doubtful > 0 {
        trouble.push(format!("{doubtful} in doubt"));
    }
    let count = if list.filtered() {
        format!(" Articles {}/{n} “{}” ", list.shown().len(), list.query)
    } else {
        format!(" Articles {n} ")
    };
    // What the percentages are, when there is room to say it.
    let explain = " % of each found in A ";
    let room = usize::from(area.width.saturating_sub(2));
    let fits = display_width(&count) + display_width(explain) + 2 <= room;
    let mut block = Block::bordered()
        .title(Line::from(count).style(t.strong()))
        .border_style(t.border(focused));
    if fits {
        block = block.title(Line::from(explain).style(t.dim()).right_aligned());
    }
    if !trouble.is_empty() {
        let line = format!(" {} ", trouble.join(" · "));
        block = block.title_bottom(Line::from(line).style(t.note()));
    }
    let inner = geometry::framed_inner(area);
    if geometry::framable(area) {
        block.render(area, buf);
    }
    if inner.is_empty() {
        return;
    }
    if list.shown().is_empty() {
        let msg = format!("no article matches “{}”", list.query);
        buf.set_stringn(inner.x, inner.y, msg, usize::from(inner.width), t.dim());
        return;
    }
    let w = usize::from(inner.width);
    let mut y = inner.y;
    for &i in list.shown().iter().skip(list.offset(inner.height)) {
        if y >= inner.bottom() {
            break;
        }
        let art = &env.arts[i];
        let (a, b) = env.open.pair.into();
        let mark = match (i == a, i == b) {
            (true, _) => "A",
            (_, true) => "B",
            _ => " ",
        };
        let share = if i == a {
            "   ·".to_string()
        } else {
            env.pairs
                .share(a, i)
                .map_or_else(|| "   …".to_string(), |s| format!("{:>4}", pct(s)))
        };
        let sel = i == list.selected;
        let line_style = match (sel, focused) {
            (true, true) => t.selected(),
            (true, false) => t.strong(),
            _ => Style::new(),
        };
        let line = Line::from(vec![
            Span::styled(format!("{mark} "), t.strong()),
            Span::raw(share),
            Span::raw(" "),
            Span::raw(art.meta.title.clone()),
        ])
        .style(line_style);
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), line_style);
        buf.set_line(inner.x, y, &line, inner.width);
        y += 1;
        if y < inner.bottom() {
            // The file name, shortened from the left: its end tells files
            // with the same headline apart.
            let path = safe_line(&art.path);
            let name = shorten_left(&path, w.saturating_sub(INDENT));
            let style = if sel && focused {
                t.selected()
            } else {
                t.dim()
            };
            buf.set_style(Rect::new(inner.x, y, inner.width, 1), style);
            // A family of reprints: its size beside the one ranked for it,
            // `=` beside the others (see the help's legend).
            let tag = env.pairs.family_tag(i).unwrap_or_default();
            let d = Line::from(format!("{tag:>w$}  {name}", w = INDENT - 2)).style(style);
            buf.set_line(inner.x, y, &d, inner.width);
            y += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arts() -> Vec<Article> {
        crate::article::bundled()
    }

    #[test]
    fn the_filter_keeps_titles_or_paths_with_every_word() {
        let arts = arts();
        let mut l = List::new(arts.len());
        l.selected = 3;
        l.set_query("REUTERS", &arts);
        assert_eq!(l.shown().len(), 1);
        assert!(arts[l.selected].path.contains("reuters"));
        l.set_query("plan russian", &arts);
        assert!(l.shown().len() >= 2);
        l.set_query("", &arts);
        assert_eq!(l.shown().len(), arts.len());
        assert!(!l.filtered());
    }

    #[test]
    fn steps_stay_among_the_articles_shown() {
        let arts = arts();
        let mut l = List::new(arts.len());
        l.query = "undated".into();
        l.refilter(&arts);
        let shown = l.shown().to_vec();
        assert_eq!(shown.len(), 2);
        l.step(-5);
        assert_eq!(l.selected, shown[0]);
        l.step(99);
        assert_eq!(l.selected, shown[1]);
        assert_eq!(l.at_row(10, 2), Some(shown[1]));
        assert_eq!(l.at_row(10, 5), None);
    }
}
