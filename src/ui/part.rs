//! The reader's parts, in the spirit of gitui's components: each holds its
//! own state, takes the actions of its keymap context, and draws itself.
//!
//! A part never reaches into the `App`. It reads what the parts share
//! through an [`Env`] and answers an action with an [`Outcome`]: not mine,
//! done, or done and close me — with, when the app must do something the
//! part cannot (open a pair, go to a flag, say something in the status bar),
//! an [`Ask`]. The commands a part accepts are the bindings of its
//! [`Ctx`] in the keymap, so the help, the status bar's hints and what the
//! part really does come from one table.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

use super::keymap::{Action, Ctx, Keymap};
use super::pairs::{Open, Pairs};
use super::screen::Screen;
use crate::article::Article;
use crate::comparison::Comparison;
use crate::side::Side;
use crate::view::Theme;

/// What the parts share, read-only: the articles, the looks and keys, where
/// things are on the screen and what is known of the open pair.
#[derive(Clone, Copy)]
pub struct Env<'a> {
    /// Every article.
    pub arts: &'a [Article],
    /// The styles.
    pub theme: &'a Theme,
    /// The key bindings in force.
    pub keymap: &'a Keymap,
    /// The screen: its size, which part has the keyboard, where each
    /// pane's parts go.
    pub screen: &'a Screen,
    /// Where the article list is drawn (the side pane or the popup), if it is.
    pub list_area: Option<Rect>,
    /// The pair open: its articles, its likely source.
    pub open: Open,
    /// The open pair's comparison, once computed.
    pub comparison: Option<&'a Comparison>,
    /// The ranking and the alignments computed so far.
    pub pairs: &'a Pairs,
    /// The progress indicator's frame.
    pub tick: usize,
    /// Files skipped while reading.
    pub skipped: usize,
}

/// What came of an action offered to a part.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// Not this part's: the app takes it (a key bound everywhere).
    Ignored,
    /// Done; the part stays, and the app may be asked for something.
    Stay(Option<Ask>),
    /// Done; the part closes (leaves the overlays), then the app may be
    /// asked for something.
    Close(Option<Ask>),
}

/// What a part asks the app to do, beyond its own state.
#[derive(Debug, Clone, PartialEq)]
pub enum Ask {
    /// Open this pair, A and B (article indices): the reader chose it.
    OpenPair(usize, usize),
    /// Open this pair, A and B, with link `link` of their alignment
    /// focused and shown level on both sides; then say `note`, if any.
    OpenLink {
        /// A's article.
        a: usize,
        /// B's article.
        b: usize,
        /// Index into the pair's `Alignment::links`.
        link: usize,
        /// What to say in the status bar.
        note: Option<String>,
    },
    /// Make flag `i` of the open pair the current one.
    GoToFlag(usize),
    /// Open the list's selected article as A or B.
    Choose(Side),
    /// Open the list's filter prompt.
    Filter,
    /// Read in this pane (a search match is shown there), saying this.
    ReadIn(Side, Option<String>),
    /// Say this in the status bar.
    Note(String),
    /// A prompt's text changed, was kept, or was given up.
    Prompt(Target, Edit),
}

/// What a prompt's text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The search in both articles (`/` in a pane).
    Search,
    /// The article list's filter (`/` in the list).
    Filter,
}

/// What happened to a prompt's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Edit {
    /// It is now this (a key typed, a character erased, a paste).
    Changed(String),
    /// Enter: what was typed stays.
    Kept,
    /// Esc: what was in force before the prompt opened returns.
    Cancelled(String),
}

/// A part of the reader: private state behind three calls.
pub trait Part {
    /// The keymap context of the keys it takes: its commands, listed in the
    /// help under that context's title and hinted in the status bar.
    fn context(&self) -> Ctx;

    /// Carry out `action` (one of its context's, or a key bound
    /// everywhere, which it may leave to the app).
    fn handle(&mut self, action: Action, env: &Env) -> Outcome;

    /// Draw into `area` (a popup centres itself in the screen it is given).
    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env);

    /// Keep the state in range for a new screen size.
    fn fit(&mut self, _env: &Env) {}
}

/// Move `selected` (and the first line shown, `top`) by `delta` of `count`
/// lines, `shown` at once: how every list in a popup moves.
pub fn move_in(selected: &mut usize, top: &mut usize, delta: isize, count: usize, shown: usize) {
    if count == 0 {
        *selected = 0;
        *top = 0;
        return;
    }
    let last = count as isize - 1;
    *selected = (*selected as isize).saturating_add(delta).clamp(0, last) as usize;
    let shown = shown.max(1);
    if *selected < *top {
        *top = *selected;
    } else if *selected >= *top + shown {
        *top = *selected + 1 - shown;
    }
}

/// How far an action moves through lines, `page` at a time: `None` for an
/// action that does not move.
pub fn movement(action: Action, page: usize) -> Option<isize> {
    let page = page.max(1) as isize;
    Some(match action {
        Action::Down => 1,
        Action::Up => -1,
        Action::PageDown => page,
        Action::PageUp => -page,
        Action::Top => isize::MIN / 2,
        Action::Bottom => isize::MAX / 2,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moving_keeps_the_selection_in_the_lines_shown() {
        let (mut sel, mut top) = (0, 0);
        move_in(&mut sel, &mut top, 4, 10, 3);
        assert_eq!((sel, top), (4, 2));
        move_in(&mut sel, &mut top, -10, 10, 3);
        assert_eq!((sel, top), (0, 0));
        move_in(&mut sel, &mut top, isize::MAX / 2, 10, 3);
        assert_eq!((sel, top), (9, 7));
        move_in(&mut sel, &mut top, 1, 0, 3);
        assert_eq!((sel, top), (0, 0));
        assert_eq!(movement(Action::Bottom, 5), Some(isize::MAX / 2));
        assert_eq!(movement(Action::PageUp, 0), Some(-1));
        assert_eq!(movement(Action::Quit, 5), None);
    }
}
