//! The one table of key bindings.
//!
//! The same table dispatches keys, writes the `?` help popup and the status bar
//! hints (as gitui does with its command lists), so the help can never drift
//! from what the keys really do.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::marks::Mark;

/// What a key asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Quit.
    Quit,
    /// Close the innermost popup or prompt, or clear the search; never quits.
    Back,
    /// Clear and redraw the whole screen.
    Redraw,
    /// Open the help.
    Help,
    /// Show or hide the article list.
    ToggleList,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Read in pane A.
    PaneA,
    /// Read in pane B.
    PaneB,
    /// Scroll down a line (or select the next article).
    Down,
    /// Scroll up a line (or select the previous article).
    Up,
    /// Scroll down a page.
    PageDown,
    /// Scroll up a page.
    PageUp,
    /// Go to the top.
    Top,
    /// Go to the bottom.
    Bottom,
    /// Next link, or next search match while a search is active.
    Next,
    /// Previous link, or previous search match while a search is active.
    Prev,
    /// Next or previous passage of a kind.
    Jump(Jump, Dir),
    /// Open the search prompt.
    Search,
    /// Open the selected article as A.
    SetA,
    /// Open the selected article as B.
    SetB,
    /// Swap A and B.
    Swap,
    /// Open the next ranked pair.
    NextPair,
    /// Open the previous ranked pair.
    PrevPair,
    /// Switch between synchronized and independent scrolling.
    ToggleSync,
    /// Step through every ranked pair, or only those that share text.
    AllPairs,
    /// Write the open pair as an HTML report into the working folder.
    Export,
    /// Copy the focused passage (both sides, with file names) to the clipboard.
    Copy,
    /// Open the article list's filter prompt.
    Filter,
    /// Prompt (search or filter): accept what is typed.
    Accept,
    /// Prompt: delete the last character.
    Erase,
    /// Open the provenance view (who took from whom).
    Provenance,
    /// Provenance view: open the selected line's pair.
    OpenPair,
    /// Ctrl-Z: give the terminal back until `fg` (done by the input thread,
    /// at once; listed here for the help).
    Suspend,
}

/// Passages to jump between by kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Jump {
    /// Copied links.
    Copied,
    /// Reworded links.
    Reworded,
    /// Links that moved.
    Moved,
    /// Passages new in B.
    Added,
    /// Passages of A that B dropped.
    Dropped,
    /// Reused blocks: runs of links in order on both sides.
    Passage,
}

impl Jump {
    /// What the status bar calls such a passage.
    pub fn noun(self) -> String {
        match self {
            Jump::Copied => format!("{} passage", Mark::Copied.label()),
            Jump::Reworded => format!("{} passage", Mark::Reworded.label()),
            Jump::Moved => format!("{} passage", Mark::Moved.label()),
            Jump::Added => format!("passage {} in B", Mark::New.label()),
            Jump::Dropped => format!("passage {} from A", Mark::Dropped.label()),
            Jump::Passage => "reused passage".into(),
        }
    }
}

/// Which way a step goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    /// Down the reading order.
    Forward,
    /// Up the reading order.
    Backward,
}

/// Where a binding applies. The app lists the active contexts innermost
/// first; the first binding that matches wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    /// The search or filter prompt (other printable keys are typed into it).
    Prompt,
    /// The help popup.
    Help,
    /// The provenance view.
    Provenance,
    /// The article list (side pane or popup) has the keyboard.
    List,
    /// A reading pane has the keyboard.
    Pane,
    /// Anywhere but the prompt.
    Global,
}

impl Ctx {
    /// The heading of this context's keys in the help.
    pub fn title(self) -> &'static str {
        match self {
            Ctx::Global => "Everywhere",
            Ctx::Pane => "Reading panes",
            Ctx::List => "Article list",
            Ctx::Help => "This help",
            Ctx::Provenance => "Who took from whom (w)",
            Ctx::Prompt => "Search and filter prompts",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn ch(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn code(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

impl Key {
    /// Whether a key event is this key. Shift is ignored: terminals report it
    /// inconsistently with characters that already encode it (`N`, `?`, `]`),
    /// and with BackTab.
    pub fn matches(&self, ev: &KeyEvent) -> bool {
        let strip = |m: KeyModifiers| m - KeyModifiers::SHIFT;
        let code = match ev.code {
            // Some terminals send Ctrl-letters as upper case.
            KeyCode::Char(c) if ev.modifiers.contains(KeyModifiers::CONTROL) => {
                KeyCode::Char(c.to_ascii_lowercase())
            }
            c => c,
        };
        code == self.code && strip(ev.modifiers) == strip(self.mods)
    }

    /// How the key is written in help and hints.
    pub fn name(&self) -> String {
        let base = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".into(),
            KeyCode::Down => "↓".into(),
            KeyCode::Left => "←".into(),
            KeyCode::Right => "→".into(),
            KeyCode::PageUp => "PgUp".into(),
            KeyCode::PageDown => "PgDn".into(),
            KeyCode::Home => "Home".into(),
            KeyCode::End => "End".into(),
            KeyCode::Enter => "Enter".into(),
            KeyCode::Esc => "Esc".into(),
            KeyCode::Tab => "Tab".into(),
            KeyCode::BackTab => "S-Tab".into(),
            KeyCode::Backspace => "Bksp".into(),
            other => format!("{other:?}"),
        };
        if self.mods.contains(KeyModifiers::CONTROL) {
            format!("Ctrl-{}", base.to_uppercase())
        } else {
            base
        }
    }
}

/// One row of the table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub ctx: Ctx,
    pub keys: &'static [Key],
    pub action: Action,
    /// The line in the help popup.
    pub help: &'static str,
    /// A word or two for the status bar, for the few keys worth a hint.
    pub hint: Option<&'static str>,
}

const fn bind(
    ctx: Ctx,
    keys: &'static [Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        ctx,
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use Ctx::{Global, Help, List, Pane, Prompt, Provenance};

/// Every key copycat knows, in the order the help shows them.
pub static BINDINGS: &[Binding] = &[
    // The prompt first: while typing, letters are text, not commands.
    bind(
        Prompt,
        &[code(KeyCode::Enter)],
        A::Accept,
        "keep the search (step with n/N) or the filter",
        Some("keep"),
    ),
    bind(
        Prompt,
        &[code(KeyCode::Esc)],
        A::Back,
        "cancel: what was in force before returns",
        Some("cancel"),
    ),
    bind(
        Prompt,
        &[code(KeyCode::Backspace)],
        A::Erase,
        "delete a character",
        None,
    ),
    bind(Prompt, &[ctrl('c')], A::Quit, "quit", None),
    bind(
        Prompt,
        &[ctrl('z')],
        A::Suspend,
        "suspend to the shell",
        None,
    ),
    bind(
        Help,
        &[ch('?'), code(KeyCode::Esc)],
        A::Back,
        "close the help",
        None,
    ),
    bind(
        Help,
        &[ch('j'), code(KeyCode::Down)],
        A::Down,
        "scroll down",
        None,
    ),
    bind(
        Help,
        &[ch('k'), code(KeyCode::Up)],
        A::Up,
        "scroll up",
        None,
    ),
    bind(
        Help,
        &[code(KeyCode::PageDown), ch(' ')],
        A::PageDown,
        "page down",
        None,
    ),
    bind(Help, &[code(KeyCode::PageUp)], A::PageUp, "page up", None),
    bind(
        Provenance,
        &[ch('w'), code(KeyCode::Esc)],
        A::Back,
        "close who took from whom",
        None,
    ),
    bind(
        Provenance,
        &[ch('j'), code(KeyCode::Down)],
        A::Down,
        "next line",
        None,
    ),
    bind(
        Provenance,
        &[ch('k'), code(KeyCode::Up)],
        A::Up,
        "previous line",
        None,
    ),
    bind(
        Provenance,
        &[code(KeyCode::PageDown), ch(' ')],
        A::PageDown,
        "page down",
        None,
    ),
    bind(
        Provenance,
        &[code(KeyCode::PageUp)],
        A::PageUp,
        "page up",
        None,
    ),
    bind(
        Provenance,
        &[code(KeyCode::Enter)],
        A::OpenPair,
        "open the pair: the line's source as A, the line as B",
        None,
    ),
    bind(
        List,
        &[ch('j'), code(KeyCode::Down)],
        A::Down,
        "select the next article",
        None,
    ),
    bind(
        List,
        &[ch('k'), code(KeyCode::Up)],
        A::Up,
        "select the previous article",
        None,
    ),
    bind(
        List,
        &[ch('g'), code(KeyCode::Home)],
        A::Top,
        "select the first article",
        None,
    ),
    bind(
        List,
        &[ch('G'), code(KeyCode::End)],
        A::Bottom,
        "select the last article",
        None,
    ),
    bind(
        List,
        &[code(KeyCode::PageDown), ctrl('f')],
        A::PageDown,
        "down a page of articles",
        None,
    ),
    bind(
        List,
        &[code(KeyCode::PageUp), ctrl('b')],
        A::PageUp,
        "up a page of articles",
        None,
    ),
    bind(
        List,
        &[code(KeyCode::Enter)],
        A::SetA,
        "open the selected article as A (left)",
        Some("set A"),
    ),
    bind(
        List,
        &[ch(' ')],
        A::SetB,
        "open the selected article as B (right)",
        Some("set B"),
    ),
    bind(
        List,
        &[ch('/')],
        A::Filter,
        "filter the list by title or file name (Esc clears)",
        Some("filter"),
    ),
    bind(
        Pane,
        &[ch('j'), code(KeyCode::Down)],
        A::Down,
        "scroll down a line",
        None,
    ),
    bind(
        Pane,
        &[ch('k'), code(KeyCode::Up)],
        A::Up,
        "scroll up a line",
        None,
    ),
    bind(
        Pane,
        &[ch(' '), code(KeyCode::PageDown), ctrl('f')],
        A::PageDown,
        "scroll down a page",
        Some("page"),
    ),
    bind(
        Pane,
        &[code(KeyCode::PageUp), ch('b'), ctrl('b')],
        A::PageUp,
        "scroll up a page",
        None,
    ),
    bind(
        Pane,
        &[ch('g'), code(KeyCode::Home)],
        A::Top,
        "go to the top",
        None,
    ),
    bind(
        Pane,
        &[ch('G'), code(KeyCode::End)],
        A::Bottom,
        "go to the bottom",
        None,
    ),
    bind(Global, &[ch('q'), ctrl('c')], A::Quit, "quit", Some("quit")),
    bind(
        Global,
        &[ctrl('z')],
        A::Suspend,
        "suspend to the shell (fg comes back)",
        None,
    ),
    bind(
        Global,
        &[code(KeyCode::Esc)],
        A::Back,
        "close a popup, clear the search or the focus (never quits)",
        None,
    ),
    bind(
        Global,
        &[ch('?')],
        A::Help,
        "show or hide this help",
        Some("help"),
    ),
    bind(
        Global,
        &[ch('n')],
        A::Next,
        "next link (next match while a search is active)",
        Some("next"),
    ),
    bind(
        Global,
        &[ch('N')],
        A::Prev,
        "previous link (previous match while searching)",
        None,
    ),
    bind(
        Global,
        &[ch('c')],
        A::Jump(Jump::Copied, Dir::Forward),
        "next copied passage",
        None,
    ),
    bind(
        Global,
        &[ch('C')],
        A::Jump(Jump::Copied, Dir::Backward),
        "previous copied passage",
        None,
    ),
    bind(
        Global,
        &[ch('r')],
        A::Jump(Jump::Reworded, Dir::Forward),
        "next reworded passage",
        None,
    ),
    bind(
        Global,
        &[ch('R')],
        A::Jump(Jump::Reworded, Dir::Backward),
        "previous reworded passage",
        None,
    ),
    bind(
        Global,
        &[ch('m')],
        A::Jump(Jump::Moved, Dir::Forward),
        "next moved passage",
        None,
    ),
    bind(
        Global,
        &[ch('M')],
        A::Jump(Jump::Moved, Dir::Backward),
        "previous moved passage",
        None,
    ),
    bind(
        Global,
        &[ch('a')],
        A::Jump(Jump::Added, Dir::Forward),
        "next passage new in B",
        None,
    ),
    bind(
        Global,
        &[ch('A')],
        A::Jump(Jump::Added, Dir::Backward),
        "previous passage new in B",
        None,
    ),
    bind(
        Global,
        &[ch('d')],
        A::Jump(Jump::Dropped, Dir::Forward),
        "next passage dropped from A",
        None,
    ),
    bind(
        Global,
        &[ch('D')],
        A::Jump(Jump::Dropped, Dir::Backward),
        "previous passage dropped from A",
        None,
    ),
    bind(
        Global,
        &[ch('p')],
        A::Jump(Jump::Passage, Dir::Forward),
        "next reused passage (a block of links, bracketed)",
        None,
    ),
    bind(
        Global,
        &[ch('P')],
        A::Jump(Jump::Passage, Dir::Backward),
        "previous reused passage",
        None,
    ),
    bind(
        Global,
        &[ch('/')],
        A::Search,
        "search both articles (Esc clears)",
        Some("search"),
    ),
    bind(
        Global,
        &[ch(']')],
        A::NextPair,
        "next pair that shares text, most reused first",
        Some("pair"),
    ),
    bind(
        Global,
        &[ch('[')],
        A::PrevPair,
        "previous pair that shares text",
        None,
    ),
    bind(
        Global,
        &[ch('*')],
        A::AllPairs,
        "] and [ step through all pairs, or only those sharing text",
        None,
    ),
    bind(
        Global,
        &[ch('e')],
        A::Export,
        "write this pair as an HTML report (A--B.html) here",
        Some("report"),
    ),
    bind(
        Global,
        &[ch('y')],
        A::Copy,
        "copy the focused passage, both sides, to the clipboard",
        Some("copy"),
    ),
    bind(Global, &[ch('s')], A::Swap, "swap A and B", None),
    bind(
        Global,
        &[ch('w')],
        A::Provenance,
        "who took from whom: each article under its likely source",
        Some("sources"),
    ),
    bind(
        Global,
        &[ch('i')],
        A::ToggleSync,
        "synchronized or independent scrolling",
        None,
    ),
    bind(
        Global,
        &[code(KeyCode::Tab)],
        A::NextPane,
        "next pane (list, A, B)",
        None,
    ),
    bind(
        Global,
        &[code(KeyCode::BackTab)],
        A::PrevPane,
        "previous pane",
        None,
    ),
    bind(
        Global,
        &[ch('h'), code(KeyCode::Left)],
        A::PaneA,
        "read in pane A",
        None,
    ),
    bind(
        Global,
        &[ch('l'), code(KeyCode::Right)],
        A::PaneB,
        "read in pane B",
        None,
    ),
    bind(
        Global,
        &[ch('o')],
        A::ToggleList,
        "show or hide the article list",
        Some("list"),
    ),
    bind(Global, &[ctrl('l')], A::Redraw, "redraw the screen", None),
];

/// The action bound to `ev` in the first of `contexts` that binds it.
pub fn dispatch(contexts: &[Ctx], ev: &KeyEvent) -> Option<Action> {
    contexts.iter().find_map(|ctx| {
        BINDINGS
            .iter()
            .filter(|b| b.ctx == *ctx)
            .find(|b| b.keys.iter().any(|k| k.matches(ev)))
            .map(|b| b.action)
    })
}

/// The keys of a binding as the help writes them (`j ↓`).
pub fn key_names(b: &Binding) -> String {
    b.keys.iter().map(Key::name).collect::<Vec<_>>().join(" ")
}

/// Status bar hints for the active contexts: `(key, hint)` pairs. A key an
/// inner context takes for itself (`/` filters the list) is not hinted for
/// what it does elsewhere.
pub fn hints(contexts: &[Ctx]) -> Vec<(String, &'static str)> {
    contexts
        .iter()
        .enumerate()
        .flat_map(|(i, ctx)| {
            BINDINGS
                .iter()
                .filter(move |b| b.ctx == *ctx)
                .map(move |b| (i, b))
        })
        .filter(|(i, b)| {
            let inner = &contexts[..*i];
            !BINDINGS
                .iter()
                .any(|x| inner.contains(&x.ctx) && x.keys.contains(&b.keys[0]))
        })
        .filter_map(|(_, b)| b.hint.map(|h| (b.keys[0].name(), h)))
        .collect()
}

/// Bindings grouped by context, in the order of `BINDINGS`.
pub fn sections() -> Vec<(Ctx, Vec<&'static Binding>)> {
    let order = [Global, Pane, List, Provenance, Prompt, Help];
    order
        .iter()
        .map(|c| (*c, BINDINGS.iter().filter(|b| b.ctx == *c).collect()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context() {
        for (i, x) in BINDINGS.iter().enumerate() {
            for y in &BINDINGS[i + 1..] {
                if x.ctx != y.ctx {
                    continue;
                }
                for k in x.keys {
                    assert!(!y.keys.contains(k), "{k:?} twice in {:?}", x.ctx);
                }
            }
        }
    }

    #[test]
    fn inner_contexts_win() {
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(dispatch(&[List, Global], &j), Some(Action::Down));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(dispatch(&[Prompt], &q), None);
        assert_eq!(dispatch(&[Help, Global], &q), Some(Action::Quit));
    }

    #[test]
    fn shift_is_ignored_for_characters_and_ctrl_letters_fold_case() {
        let big_n = key(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(dispatch(&[Global], &big_n), Some(Action::Prev));
        let ctrl_l = key(KeyCode::Char('L'), KeyModifiers::CONTROL);
        assert_eq!(dispatch(&[Global], &ctrl_l), Some(Action::Redraw));
        let back = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(dispatch(&[Global], &back), Some(Action::PrevPane));
    }

    #[test]
    fn hints_name_what_a_key_does_where_the_keyboard_is() {
        let list = hints(&[List, Global]);
        let pane = hints(&[Pane, Global]);
        let has = |h: &[(String, &str)], k: &str, w: &str| h.iter().any(|(x, y)| x == k && *y == w);
        assert!(has(&list, "Space", "set B") && has(&list, "/", "filter"));
        assert!(!has(&list, "/", "search"));
        assert!(has(&pane, "Space", "page") && has(&pane, "/", "search"));
    }

    #[test]
    fn every_binding_appears_in_the_help_sections() {
        let n: usize = sections().iter().map(|(_, b)| b.len()).sum();
        assert_eq!(n, BINDINGS.len());
        assert!(
            hints(&[Global])
                .iter()
                .any(|(k, h)| k == "?" && *h == "help")
        );
    }
}
