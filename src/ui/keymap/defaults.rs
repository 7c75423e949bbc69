//! The default key bindings: one line per binding, in the order the help
//! lists them — where it applies, what a config file calls it, its keys,
//! what it does, its line in the help (`{context.name}` stands for another
//! binding's first key as configured), and its status bar hint.

use crossterm::event::{KeyCode, KeyModifiers};

use super::Ctx::{Flags, Global, Help, List, Pane, Prompt, Provenance, Spread};
use super::Dir::{Backward, Forward};
use super::Jump::{Added, Copied, Dropped, Flag, Moved, Passage, Reworded};
use super::{Action as A, Ctx, Key};

/// A character key.
pub(super) const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

/// Ctrl and a character.
pub(super) const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

/// A key without a character.
pub(super) const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const ENTER: Key = code(KeyCode::Enter);
const ESC: Key = code(KeyCode::Esc);
const TAB: Key = code(KeyCode::Tab);
const BACKTAB: Key = code(KeyCode::BackTab);
const BKSP: Key = code(KeyCode::Backspace);
const UP: Key = code(KeyCode::Up);
const DOWN: Key = code(KeyCode::Down);
const LEFT: Key = code(KeyCode::Left);
const RIGHT: Key = code(KeyCode::Right);
const HOME: Key = code(KeyCode::Home);
const END: Key = code(KeyCode::End);
const PGUP: Key = code(KeyCode::PageUp);
const PGDN: Key = code(KeyCode::PageDown);

/// A binding as the table writes it: context, name, keys, action, help, hint.
pub(super) type Row = (
    Ctx,
    &'static str,
    &'static [Key],
    A,
    &'static str,
    Option<&'static str>,
);

/// Every key copycat knows by default. The prompt first: while typing,
/// letters are text, not commands. The popups' lists move alike, but for
/// what a line is.
#[rustfmt::skip]
pub(super) const DEFAULTS: &[Row] = &[
    (Prompt,     "accept",            &[ENTER],                    A::Accept,                   "keep the search (step with {everywhere.next}/{everywhere.previous}) or the filter", Some("keep")),
    (Prompt,     "cancel",            &[ESC],                      A::Back,                     "cancel: what was in force before returns", Some("cancel")),
    (Prompt,     "erase",             &[BKSP],                     A::Erase,                    "delete a character", None),
    (Prompt,     "quit",              &[ctrl('c')],                A::Quit,                     "quit", None),
    (Prompt,     "suspend",           &[ctrl('z')],                A::Suspend,                  "suspend to the shell", None),
    (Help,       "close",             &[ch('?'), ESC],             A::Back,                     "close the help", None),
    (Help,       "down",              &[ch('j'), DOWN],            A::Down,                     "scroll down", None),
    (Help,       "up",                &[ch('k'), UP],              A::Up,                       "scroll up", None),
    (Help,       "page-down",         &[PGDN, ch(' ')],            A::PageDown,                 "page down", None),
    (Help,       "page-up",           &[PGUP],                     A::PageUp,                   "page up", None),
    (Help,       "top",               &[ch('g'), HOME],            A::Top,                      "go to the top", None),
    (Help,       "bottom",            &[ch('G'), END],             A::Bottom,                   "go to the end", None),
    (Provenance, "close",             &[ch('w'), ESC],             A::Back,                     "close who took from whom", None),
    (Provenance, "down",              &[ch('j'), DOWN],            A::Down,                     "next line", None),
    (Provenance, "up",                &[ch('k'), UP],              A::Up,                       "previous line", None),
    (Provenance, "page-down",         &[PGDN, ch(' ')],            A::PageDown,                 "page down", None),
    (Provenance, "page-up",           &[PGUP],                     A::PageUp,                   "page up", None),
    (Provenance, "top",               &[ch('g'), HOME],            A::Top,                      "the first line", None),
    (Provenance, "bottom",            &[ch('G'), END],             A::Bottom,                   "the last line", None),
    (Provenance, "open",              &[ENTER],                    A::OpenPair,                 "open the pair: the line's source as A, the line as B", None),
    (Spread,     "close",             &[ch('t'), ESC],             A::Back,                     "close the spread view", None),
    (Spread,     "down",              &[ch('j'), DOWN],            A::Down,                     "next paragraph", None),
    (Spread,     "up",                &[ch('k'), UP],              A::Up,                       "previous paragraph", None),
    (Spread,     "page-down",         &[PGDN, ch(' ')],            A::PageDown,                 "page down", None),
    (Spread,     "page-up",           &[PGUP],                     A::PageUp,                   "page up", None),
    (Spread,     "top",               &[ch('g'), HOME],            A::Top,                      "the first paragraph", None),
    (Spread,     "bottom",            &[ch('G'), END],             A::Bottom,                   "the last paragraph", None),
    (Spread,     "previous-article",  &[ch('h'), LEFT],            A::PrevTaker,                "the previous article's column", None),
    (Spread,     "next-article",      &[ch('l'), RIGHT],           A::NextTaker,                "the next article's column", None),
    (Spread,     "open",              &[ENTER],                    A::OpenPair,                 "open the pair of the column's article, on the paragraph", Some("open")),
    (Flags,      "close",             &[ch('!'), ESC],             A::Back,                     "close the list of flags", None),
    (Flags,      "down",              &[ch('j'), DOWN],            A::Down,                     "next flag", None),
    (Flags,      "up",                &[ch('k'), UP],              A::Up,                       "previous flag", None),
    (Flags,      "page-down",         &[PGDN, ch(' ')],            A::PageDown,                 "page down", None),
    (Flags,      "page-up",           &[PGUP],                     A::PageUp,                   "page up", None),
    (Flags,      "top",               &[ch('g'), HOME],            A::Top,                      "the first flag", None),
    (Flags,      "bottom",            &[ch('G'), END],             A::Bottom,                   "the last flag", None),
    (Flags,      "open",              &[ENTER],                    A::OpenFlag,                 "go to the flag: its link focused, both sides level", None),
    (List,       "down",              &[ch('j'), DOWN],            A::Down,                     "select the next article", None),
    (List,       "up",                &[ch('k'), UP],              A::Up,                       "select the previous article", None),
    (List,       "top",               &[ch('g'), HOME],            A::Top,                      "select the first article", None),
    (List,       "bottom",            &[ch('G'), END],             A::Bottom,                   "select the last article", None),
    (List,       "page-down",         &[PGDN, ctrl('f')],          A::PageDown,                 "down a page of articles", None),
    (List,       "page-up",           &[PGUP, ctrl('b')],          A::PageUp,                   "up a page of articles", None),
    (List,       "set-a",             &[ENTER],                    A::SetA,                     "open the selected article as A (left)", Some("set A")),
    (List,       "set-b",             &[ch(' ')],                  A::SetB,                     "open the selected article as B (right)", Some("set B")),
    (List,       "filter",            &[ch('/')],                  A::Filter,                   "filter the list by title or file name ({everywhere.back} clears)", Some("filter")),
    (Pane,       "down",              &[ch('j'), DOWN],            A::Down,                     "scroll down a line", None),
    (Pane,       "up",                &[ch('k'), UP],              A::Up,                       "scroll up a line", None),
    (Pane,       "page-down",         &[ch(' '), PGDN, ctrl('f')], A::PageDown,                 "scroll down a page", Some("page")),
    (Pane,       "page-up",           &[PGUP, ch('b'), ctrl('b')], A::PageUp,                   "scroll up a page", None),
    (Pane,       "top",               &[ch('g'), HOME],            A::Top,                      "go to the top", None),
    (Pane,       "bottom",            &[ch('G'), END],             A::Bottom,                   "go to the bottom", None),
    (Global,     "quit",              &[ch('q'), ctrl('c')],       A::Quit,                     "quit", Some("quit")),
    (Global,     "suspend",           &[ctrl('z')],                A::Suspend,                  "suspend to the shell (fg comes back)", None),
    (Global,     "back",              &[ESC],                      A::Back,                     "close a popup, clear the search or the focus (never quits)", None),
    (Global,     "help",              &[ch('?')],                  A::Help,                     "show or hide this help", Some("help")),
    (Global,     "next",              &[ch('n')],                  A::Next,                     "next link (next match while a search is active)", Some("next")),
    (Global,     "previous",          &[ch('N')],                  A::Prev,                     "previous link (previous match while searching)", None),
    (Global,     "next-copied",       &[ch('c')],                  A::Jump(Copied, Forward),    "next copied passage", None),
    (Global,     "previous-copied",   &[ch('C')],                  A::Jump(Copied, Backward),   "previous copied passage", None),
    (Global,     "next-reworded",     &[ch('r')],                  A::Jump(Reworded, Forward),  "next reworded passage", None),
    (Global,     "previous-reworded", &[ch('R')],                  A::Jump(Reworded, Backward), "previous reworded passage", None),
    (Global,     "next-moved",        &[ch('m')],                  A::Jump(Moved, Forward),     "next moved passage", None),
    (Global,     "previous-moved",    &[ch('M')],                  A::Jump(Moved, Backward),    "previous moved passage", None),
    (Global,     "next-new",          &[ch('a')],                  A::Jump(Added, Forward),     "next passage new in B", None),
    (Global,     "previous-new",      &[ch('A')],                  A::Jump(Added, Backward),    "previous passage new in B", None),
    (Global,     "next-dropped",      &[ch('d')],                  A::Jump(Dropped, Forward),   "next passage dropped from A", None),
    (Global,     "previous-dropped",  &[ch('D')],                  A::Jump(Dropped, Backward),  "previous passage dropped from A", None),
    (Global,     "next-passage",      &[ch('p')],                  A::Jump(Passage, Forward),   "next reused passage (a block of links, bracketed)", None),
    (Global,     "previous-passage",  &[ch('P')],                  A::Jump(Passage, Backward),  "previous reused passage", None),
    (Global,     "next-flag",         &[ch('f')],                  A::Jump(Flag, Forward),      "next flag: a changed quotation, number or name (⚑)", Some("flag")),
    (Global,     "previous-flag",     &[ch('F')],                  A::Jump(Flag, Backward),     "previous flag", None),
    (Global,     "flags",             &[ch('!')],                  A::Flags,                    "list the flags, both sides of each; {flags.open} goes to one", None),
    (Global,     "search",            &[ch('/')],                  A::Search,                   "search both articles ({everywhere.back} clears)", Some("search")),
    (Global,     "next-pair",         &[ch(']')],                  A::NextPair,                 "next pair that shares text, most reused first", Some("pair")),
    (Global,     "previous-pair",     &[ch('[')],                  A::PrevPair,                 "previous pair that shares text", None),
    (Global,     "first-pair",        &[ch('{')],                  A::FirstPair,                "the most reused pair", None),
    (Global,     "last-pair",         &[ch('}')],                  A::LastPair,                 "the least reused pair of the walk", None),
    (Global,     "all-pairs",         &[ch('*')],                  A::AllPairs,                 "{everywhere.next-pair} and {everywhere.previous-pair} step through all pairs, or only those sharing text", None),
    (Global,     "report",            &[ch('e')],                  A::Export,                   "write this pair as an HTML report (A--B.html) here", Some("report")),
    (Global,     "copy",              &[ch('y')],                  A::Copy,                     "copy the focused passage, both sides, to the clipboard", Some("copy")),
    (Global,     "swap",              &[ch('s')],                  A::Swap,                     "swap A and B", None),
    (Global,     "sources",           &[ch('w')],                  A::Provenance,               "who took from whom: each article under its likely source", Some("sources")),
    (Global,     "spread",            &[ch('t')],                  A::Spread,                   "how this article spread: who took each paragraph", Some("spread")),
    (Global,     "sync",              &[ch('i')],                  A::ToggleSync,               "synchronized or independent scrolling", None),
    (Global,     "next-pane",         &[TAB],                      A::NextPane,                 "next pane (list, A, B)", None),
    (Global,     "previous-pane",     &[BACKTAB],                  A::PrevPane,                 "previous pane", None),
    (Global,     "pane-a",            &[ch('h'), LEFT],            A::PaneA,                    "read in pane A", None),
    (Global,     "pane-b",            &[ch('l'), RIGHT],           A::PaneB,                    "read in pane B", None),
    (Global,     "list",              &[ch('o')],                  A::ToggleList,               "show or hide the article list", Some("list")),
    (Global,     "redraw",            &[ctrl('l')],                A::Redraw,                   "redraw the screen", None),
];
