//! Flags in the reader: what a rewrite changed that an editor must see — an
//! altered or reported quotation, a changed number or name (see `drift`).
//!
//! The flags of a pair are computed with its alignment, on the worker, as
//! part of its `Comparison`. Here: stepping through them (`f`, `F`; which
//! one the reader is on is `Reading::flag`), what the status bar says of
//! one, and the `!` panel that lists them all with both sides, from which
//! Enter goes to one. The gutter's `⚑` and the marked words are drawn by
//! `render`.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Widget};

use super::geometry::{self, FLAG_ROWS};
use super::keymap::{Action, Ctx, Dir, Keymap};
use super::part::{Ask, Env, Outcome, Part, move_in, movement};
use crate::article::{Article, TextBytes};
use crate::drift::{Flag, FlagKind};
use crate::marks::FLAG;
use crate::side::Side;
use crate::view::{Theme, display_width};

/// The `!` panel: every flag of the open pair, one selected.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FlagPanel {
    selected: usize,
    top: usize,
}

impl FlagPanel {
    /// The panel on the flag `current` (the first when none) of `count`,
    /// on a screen `height` rows high.
    pub fn new(current: Option<usize>, count: usize, height: u16) -> FlagPanel {
        let mut p = FlagPanel {
            selected: current.unwrap_or(0).min(count.saturating_sub(1)),
            top: 0,
        };
        p.move_by(0, count, height);
        p
    }

    /// The flag selected.
    #[cfg(test)]
    pub fn selected(&self) -> usize {
        self.selected
    }

    fn move_by(&mut self, delta: isize, count: usize, height: u16) {
        let shown = geometry::flags_shown(height);
        move_in(&mut self.selected, &mut self.top, delta, count, shown);
    }
}

/// How many flags the open pair has (none while it is aligned).
fn count(env: &Env) -> usize {
    env.comparison.map_or(0, |c| c.flags.len())
}

impl Part for FlagPanel {
    fn context(&self) -> Ctx {
        Ctx::Flags
    }

    fn handle(&mut self, action: Action, env: &Env) -> Outcome {
        let n = count(env);
        match action {
            Action::Back => Outcome::Close(None),
            Action::OpenFlag if self.selected < n => {
                Outcome::Close(Some(Ask::GoToFlag(self.selected)))
            }
            Action::OpenFlag => Outcome::Stay(None),
            _ => match movement(action, geometry::flags_shown(env.screen.size.height)) {
                Some(delta) => {
                    self.move_by(delta, n, env.screen.size.height);
                    Outcome::Stay(None)
                }
                None => Outcome::Ignored,
            },
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        let flags = env.comparison.map(|c| c.flags.as_slice());
        let pair = env.open.pair.map(|i| env.arts.get(i));
        let (a, b) = pair.into();
        if let (Some(a), Some(b)) = (a, b) {
            render(self, flags, (a, b), (env.theme, env.keymap), area, buf);
        }
    }

    fn fit(&mut self, env: &Env) {
        self.move_by(0, count(env), env.screen.size.height);
    }
}

/// The flag after (or before) `current` of `count`; `None` past either end.
/// With none current, the first (or the last).
pub fn step(count: usize, current: Option<usize>, dir: Dir) -> Option<usize> {
    match (dir, current) {
        _ if count == 0 => None,
        (Dir::Forward, None) => Some(0),
        (Dir::Backward, None) => Some(count - 1),
        (Dir::Forward, Some(i)) => (i + 1 < count).then_some(i + 1),
        (Dir::Backward, Some(i)) => i.checked_sub(1),
    }
}

/// What the status bar says when there is no flag to step to, of `count`,
/// going `dir`.
pub fn no_step(count: usize, dir: Dir) -> &'static str {
    match dir {
        _ if count == 0 => "no quotation, number or name changed in this pair",
        Dir::Forward => "that was the last flag",
        Dir::Backward => "this is the first flag",
    }
}

/// What the status bar says of flag `i` of `flags`:
/// `flag 2/5 · name “Sergei” → “Sergey” (in …)`.
pub fn status(flags: &[Flag], i: usize) -> String {
    let f = &flags[i];
    format!(
        "flag {}/{} · {} {}",
        i + 1,
        flags.len(),
        f.kind.label(),
        f.detail
    )
}

/// A flag of a changed word (a number, a name): the word itself is marked
/// in the text; a quotation is marked by its gutter alone.
pub fn marks_words(kind: FlagKind) -> bool {
    matches!(kind, FlagKind::Number | FlagKind::Name)
}

/// Text flattened to one line: paragraph breaks as ` ¶ `, runs of
/// whitespace as one space.
fn flat(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for (i, para) in s.split('\n').filter(|l| !l.trim().is_empty()).enumerate() {
        if i > 0 {
            out.push_str(" ¶ ");
        }
        out.push_str(&para.split_whitespace().collect::<Vec<_>>().join(" "));
    }
    out
}

/// Up to `n` characters of `s` from its end (`…` in front when cut).
fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    if count <= n {
        return s.to_string();
    }
    let kept: String = s.chars().skip(count - n.saturating_sub(1)).collect();
    format!("…{kept}")
}

/// A word as compared for [`first_difference`]: letters and digits only,
/// lower case, so that punctuation and quotation marks do not count.
fn fold(w: &str) -> String {
    w.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether two folded words are the same for a reader: equal, or one letter
/// apart at the same length (finalizing/finalising, a spelling variant,
/// which `drift` does not flag either).
fn same_word(x: &str, y: &str) -> bool {
    x == y
        || (x.chars().count() == y.chars().count()
            && x.chars().count() > 3
            && x.chars().zip(y.chars()).filter(|(p, q)| p != q).count() == 1)
}

/// Words of context kept before the first difference of two quotations.
const LEAD_WORDS: usize = 3;

/// Where to start showing two versions of one quotation, as byte offsets
/// into each: a few words before their first difference, so that a line
/// shows what changed rather than the words they share (a long quotation
/// altered near its end would otherwise show two identical beginnings).
pub fn first_difference(x: &str, y: &str) -> (usize, usize) {
    let words = |s: &str| -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices().chain([(s.len(), ' ')]) {
            match (c.is_whitespace(), start) {
                (true, Some(st)) => {
                    out.push((st, fold(&s[st..i])));
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out.retain(|(_, w)| !w.is_empty());
        out
    };
    let (wx, wy) = (words(x), words(y));
    let common = wx
        .iter()
        .zip(&wy)
        .take_while(|((_, p), (_, q))| same_word(p, q))
        .count();
    if common <= LEAD_WORDS || (common == wx.len() && common == wy.len()) {
        return (0, 0);
    }
    let from = common - LEAD_WORDS;
    (wx[from].0, wy[from].0)
}

/// One side of a flag on one line: a little of the text before it, the
/// flagged text (marked), and what follows, as far as the line goes.
/// `cut`: the flagged text is shown from a later point (`…` in front).
fn excerpt(
    art: &Article,
    bytes: &TextBytes,
    marked: Style,
    width: usize,
    cut: bool,
) -> Vec<Span<'static>> {
    let text = &art.text;
    let (s, e) = (bytes.start.min(text.len()), bytes.end.min(text.len()));
    if !text.is_char_boundary(s) || !text.is_char_boundary(e) {
        return Vec::new();
    }
    // Some context before a word; a quotation starts the line itself.
    let room = width.saturating_sub(display_width(&flat(&text[s..e])));
    let before = if cut {
        "…".to_string()
    } else if room > 12 {
        let from = text[..s].rfind('\n').map_or(0, |i| i + 1);
        tail(&flat(&text[from..s]), room / 3)
    } else {
        String::new()
    };
    let to = text[e..].find('\n').map_or(text.len(), |i| e + i);
    let mut spans = vec![Span::raw(before)];
    // A space the flattening ate between the context and the flagged text.
    if s > 0 && text[..s].ends_with(char::is_whitespace) && !spans[0].content.is_empty() {
        spans.push(Span::raw(" "));
    }
    spans.push(Span::styled(flat(&text[s..e]), marked));
    let after = &text[e..to];
    if after.starts_with(char::is_whitespace) {
        spans.push(Span::raw(" "));
    }
    spans.push(Span::raw(flat(after)));
    spans
}

/// The paragraph number of byte `at` of an article (as the gutter shows it).
fn paragraph_at(art: &Article, at: usize) -> Option<usize> {
    let i = art
        .sentences
        .partition_point(|s| s.span.start <= at)
        .checked_sub(1)?;
    Some(art.paragraph_number(i))
}

/// Draw the panel over `area`: every flag of the pair, what changed, then
/// A's side and B's, the selected one in reverse video.
fn render(
    state: &FlagPanel,
    flags: Option<&[Flag]>,
    (a, b): (&Article, &Article),
    (theme, keymap): (&Theme, &Keymap),
    area: Rect,
    buf: &mut Buffer,
) {
    let n = flags.map_or(0, <[Flag]>::len);
    let r = geometry::flags_popup(area, n);
    if r.is_empty() {
        return;
    }
    Clear.render(r, buf);
    let title = format!(" {FLAG} Changed quotations, numbers and names ({n}) ");
    let block = Block::bordered()
        .title(Line::from(title).style(theme.strong()))
        .border_style(theme.border(true));
    let inner = geometry::framed(block, r, buf);
    if inner.is_empty() {
        return;
    }
    let close = keymap.keys_for(Ctx::Flags, Action::Back);
    let open = keymap.keys_for(Ctx::Flags, Action::OpenFlag);
    let mut lines: Vec<Line> = vec![Line::styled(
        format!("{open} goes to the selected flag · {close} closes"),
        theme.dim(),
    )];
    let width = usize::from(inner.width);
    match flags {
        None => lines.push(Line::raw("still aligning this pair")),
        Some([]) => lines.push(Line::raw(
            "no quotation, number or name changed between the linked passages",
        )),
        Some(flags) => {
            let shown = usize::from(inner.height.saturating_sub(1)) / FLAG_ROWS;
            for (i, f) in flags.iter().enumerate().skip(state.top).take(shown.max(1)) {
                let selected = i == state.selected;
                let head = if selected {
                    theme.strong().add_modifier(Modifier::REVERSED)
                } else {
                    theme.strong()
                };
                lines.push(Line::from(vec![
                    Span::styled(FLAG, theme.flagged()),
                    Span::styled(format!(" {}", f.kind.label()), head),
                    Span::styled(
                        format!(" {}", f.detail),
                        head.remove_modifier(Modifier::BOLD),
                    ),
                ]));
                let marked = if marks_words(f.kind) {
                    theme.flagged()
                } else {
                    theme.strong()
                };
                // An altered quotation from just before its first change.
                let (da, db) = match f.kind {
                    FlagKind::AlteredQuote => first_difference(
                        a.text.get(f.a.range()).unwrap_or_default(),
                        b.text.get(f.b.range()).unwrap_or_default(),
                    ),
                    _ => (0, 0),
                };
                for (side, art, bytes, skip) in [(Side::A, a, &f.a, da), (Side::B, b, &f.b, db)] {
                    let para = paragraph_at(art, bytes.start)
                        .map_or_else(String::new, |p| format!("¶{p}"));
                    let label = format!("  {} {para:<4} ", side.letter());
                    let room = width.saturating_sub(display_width(&label));
                    let mut spans = vec![Span::styled(label, theme.dim())];
                    let shown = TextBytes::new((bytes.start + skip).min(bytes.end), bytes.end);
                    spans.extend(excerpt(art, &shown, marked, room, skip > 0));
                    lines.push(Line::from(spans));
                }
            }
        }
    }
    for (dy, l) in lines.iter().enumerate().take(usize::from(inner.height)) {
        buf.set_line(inner.x, inner.y + dy as u16, l, inner.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stepping_goes_one_flag_at_a_time_and_stops_at_the_ends() {
        assert_eq!(step(0, None, Dir::Forward), None);
        assert_eq!(step(3, None, Dir::Forward), Some(0));
        assert_eq!(step(3, None, Dir::Backward), Some(2));
        assert_eq!(step(3, Some(0), Dir::Forward), Some(1));
        assert_eq!(step(3, Some(2), Dir::Forward), None);
        assert_eq!(step(3, Some(0), Dir::Backward), None);
        assert_eq!(step(3, Some(2), Dir::Backward), Some(1));
    }

    #[test]
    fn the_panel_keeps_its_selection_on_screen() {
        // At most 12 rows of popup, 3 of chrome: 3 flags of 3 rows at once.
        let mut s = FlagPanel::new(None, 10, 14);
        s.move_by(4, 10, 14);
        assert_eq!((s.selected, s.top), (4, 2));
        s.move_by(-10, 10, 14);
        assert_eq!((s.selected, s.top), (0, 0));
        s.move_by(99, 10, 14);
        assert_eq!(s.selected, 9);
        assert_eq!(FlagPanel::new(Some(5), 10, 14).selected(), 5);
        assert_eq!(FlagPanel::new(Some(5), 3, 14).selected(), 2);
    }

    #[test]
    fn an_altered_quotation_is_shown_from_just_before_its_first_change() {
        let a = "“In the hopes of finalizing this Peace Plan, I have directed my Special \
                 Envoy Steve Witkoff to meet with President Putin in Moscow”";
        let b = "\"In the hopes of finalising this Peace Plan, I have directed my Special \
                 Envoy Steve Witkoff to meet President Putin in Moscow\"";
        let (da, db) = first_difference(a, b);
        // The spelling variant is no change; “with” is: three words before it.
        assert!(a[da..].starts_with("Witkoff to meet with"), "{}", &a[da..]);
        assert!(
            b[db..].starts_with("Witkoff to meet President"),
            "{}",
            &b[db..]
        );
        // A change near the start, or none at all: from the start.
        assert_eq!(
            first_difference("“Say no more, ever”", "“Said no more, ever”"),
            (0, 0)
        );
        assert_eq!(first_difference("a b c d e", "a b c d e"), (0, 0));
        // One cut short: from just before where it ends.
        assert_eq!(first_difference("a b c d e", "a b c d e f"), (4, 4));
    }

    #[test]
    fn flat_and_tail_make_one_line() {
        assert_eq!(flat("a  b\n\nc\n"), "a b ¶ c");
        assert_eq!(tail("abcdef", 4), "…def");
        assert_eq!(tail("abc", 4), "abc");
    }
}
