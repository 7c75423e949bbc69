//! The one table of key bindings.
//!
//! The same table dispatches keys, writes the `?` help popup and the status bar
//! hints (as gitui does with its command lists), so the help can never drift
//! from what the keys really do. The table is built at start-up: the defaults
//! below, with the keys a config file gives (see `config`); each binding has
//! a name for that (`quit`, `next-copied`), unique in its context.

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
    /// Open or close the list of flags (changed quotations, numbers, names).
    Flags,
    /// Flags panel: go to the selected flag.
    OpenFlag,
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
    /// Flags: changed quotations, numbers and names.
    Flag,
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
            Jump::Flag => "flag".into(),
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
    /// The flags panel.
    Flags,
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
            Ctx::Provenance => "Who took from whom",
            Ctx::Flags => "Changed quotations, numbers and names",
            Ctx::Prompt => "Search and filter prompts",
        }
    }

    /// The context's table in a config file (`[keys.pane]`).
    pub fn name(self) -> &'static str {
        match self {
            Ctx::Global => "everywhere",
            Ctx::Pane => "pane",
            Ctx::List => "list",
            Ctx::Help => "help",
            Ctx::Provenance => "sources",
            Ctx::Flags => "flags",
            Ctx::Prompt => "prompt",
        }
    }

    /// Every context, in the order the help and a config file list them.
    pub const ALL: [Ctx; 7] = [
        Ctx::Global,
        Ctx::Pane,
        Ctx::List,
        Ctx::Provenance,
        Ctx::Flags,
        Ctx::Prompt,
        Ctx::Help,
    ];
}

/// A key with its modifiers, as bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    /// The key.
    pub code: KeyCode,
    /// Ctrl, Alt (Shift is ignored: see [`Key::matches`]).
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

/// Names of keys without a character, as a config file writes them, and as
/// the help writes them.
const NAMED_KEYS: [(&str, KeyCode, &str); 15] = [
    ("space", KeyCode::Char(' '), "Space"),
    ("enter", KeyCode::Enter, "Enter"),
    ("esc", KeyCode::Esc, "Esc"),
    ("tab", KeyCode::Tab, "Tab"),
    ("backtab", KeyCode::BackTab, "S-Tab"),
    ("backspace", KeyCode::Backspace, "Bksp"),
    ("up", KeyCode::Up, "↑"),
    ("down", KeyCode::Down, "↓"),
    ("left", KeyCode::Left, "←"),
    ("right", KeyCode::Right, "→"),
    ("home", KeyCode::Home, "Home"),
    ("end", KeyCode::End, "End"),
    ("pageup", KeyCode::PageUp, "PgUp"),
    ("pagedown", KeyCode::PageDown, "PgDn"),
    ("delete", KeyCode::Delete, "Del"),
];

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
        self.written(false)
    }

    /// How a config file writes the key: `q`, `?`, `ctrl-c`, `pagedown`.
    pub fn config_name(&self) -> String {
        self.written(true)
    }

    /// The key's name, as help shows it (`Ctrl-C`, `PgDn`) or as a config
    /// file writes it (`ctrl-c`, `pagedown`): one table of names, two styles.
    fn written(&self, config: bool) -> String {
        let base = match self.code {
            KeyCode::F(n) if config => format!("f{n}"),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) if c != ' ' => c.to_string(),
            code => NAMED_KEYS.iter().find(|(_, k, _)| *k == code).map_or_else(
                || format!("{code:?}"),
                |(name, _, shown)| if config { *name } else { *shown }.to_string(),
            ),
        };
        let (ctrl, alt) = if config {
            ("ctrl-", "alt-")
        } else {
            ("Ctrl-", "Alt-")
        };
        let mut out = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            out.push_str(ctrl);
        }
        if self.mods.contains(KeyModifiers::ALT) {
            out.push_str(alt);
        }
        if config || self.mods.is_empty() {
            out + &base
        } else {
            out + &base.to_uppercase()
        }
    }

    /// A key as a config file writes it (see [`Key::config_name`]): a
    /// character, or a name (`space`, `enter`, `esc`, `tab`, `backtab`,
    /// `backspace`, `up`, `down`, `left`, `right`, `home`, `end`, `pageup`,
    /// `pagedown`, `delete`, `f1`…`f12`), after `ctrl-` or `alt-`.
    pub fn parse(s: &str) -> Result<Key, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            let lower = rest.to_ascii_lowercase();
            if rest.len() > 5 && lower.starts_with("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = &rest[5..];
            } else if rest.len() > 4 && lower.starts_with("alt-") {
                mods |= KeyModifiers::ALT;
                rest = &rest[4..];
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) if !c.is_whitespace() && !c.is_control() => {
                // Ctrl-letters arrive folded to lower case (see `matches`).
                if mods.contains(KeyModifiers::CONTROL) {
                    KeyCode::Char(c.to_ascii_lowercase())
                } else {
                    KeyCode::Char(c)
                }
            }
            _ => {
                let lower = rest.to_ascii_lowercase();
                let f = lower
                    .strip_prefix('f')
                    .and_then(|n| n.parse::<u8>().ok())
                    .filter(|n| (1..=12).contains(n));
                match f {
                    Some(n) => KeyCode::F(n),
                    None if lower == "shift-tab" => KeyCode::BackTab,
                    None if lower == "escape" => KeyCode::Esc,
                    None => NAMED_KEYS
                        .iter()
                        .find(|(name, _, _)| *name == lower)
                        .map(|(_, k, _)| *k)
                        .ok_or_else(|| {
                            format!(
                                "“{}” is not a key (a character, or ctrl-…, alt-…, space, enter, \
                                 esc, tab, backtab, backspace, up, down, left, right, home, end, \
                                 pageup, pagedown, delete, f1…f12)",
                                crate::article::safe_line(s)
                            )
                        })?,
                }
            }
        };
        Ok(Key { code, mods })
    }

    /// Whether the key types a character (a prompt takes those as text).
    pub fn is_printable(&self) -> bool {
        matches!(self.code, KeyCode::Char(_))
            && !self
                .mods
                .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    }
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// Where it applies.
    pub ctx: Ctx,
    /// What a config file calls it, unique in its context (`next-copied`).
    pub name: &'static str,
    /// The keys, first the one hints show; none when a config file unbinds it.
    pub keys: Vec<Key>,
    /// What it does.
    pub action: Action,
    /// The line in the help popup; `{context.name}` in it stands for the
    /// first key of that binding as configured (see [`Keymap::fill`]).
    pub help: &'static str,
    /// A word or two for the status bar, for the few keys worth a hint.
    pub hint: Option<&'static str>,
}

fn bind(
    ctx: Ctx,
    name: &'static str,
    keys: &[Key],
    action: Action,
    help: &'static str,
    hint: Option<&'static str>,
) -> Binding {
    Binding {
        ctx,
        name,
        keys: keys.to_vec(),
        action,
        help,
        hint,
    }
}

use Action as A;
use Ctx::{Flags, Global, Help, List, Pane, Prompt, Provenance};

/// Keys that work whatever the configuration says, because the input thread
/// acts on them at once (before the UI thread sees them): Ctrl-C quits,
/// Ctrl-Z suspends.
pub const FIXED: [(Key, Action); 2] = [(ctrl('c'), A::Quit), (ctrl('z'), A::Suspend)];

/// Every key copycat knows by default, in the order the help shows them.
pub fn defaults() -> Vec<Binding> {
    [
        vec![
            // The prompt first: while typing, letters are text, not commands.
            bind(
                Prompt,
                "accept",
                &[code(KeyCode::Enter)],
                A::Accept,
                "keep the search (step with {everywhere.next}/{everywhere.previous}) or the filter",
                Some("keep"),
            ),
            bind(
                Prompt,
                "cancel",
                &[code(KeyCode::Esc)],
                A::Back,
                "cancel: what was in force before returns",
                Some("cancel"),
            ),
            bind(
                Prompt,
                "erase",
                &[code(KeyCode::Backspace)],
                A::Erase,
                "delete a character",
                None,
            ),
            bind(Prompt, "quit", &[ctrl('c')], A::Quit, "quit", None),
            bind(
                Prompt,
                "suspend",
                &[ctrl('z')],
                A::Suspend,
                "suspend to the shell",
                None,
            ),
            bind(
                Help,
                "close",
                &[ch('?'), code(KeyCode::Esc)],
                A::Back,
                "close the help",
                None,
            ),
        ],
        popup_scrolling(Help, "scroll down", "scroll up"),
        vec![bind(
            Provenance,
            "close",
            &[ch('w'), code(KeyCode::Esc)],
            A::Back,
            "close who took from whom",
            None,
        )],
        popup_scrolling(Provenance, "next line", "previous line"),
        vec![
            bind(
                Provenance,
                "open",
                &[code(KeyCode::Enter)],
                A::OpenPair,
                "open the pair: the line's source as A, the line as B",
                None,
            ),
            bind(
                Flags,
                "close",
                &[ch('!'), code(KeyCode::Esc)],
                A::Back,
                "close the list of flags",
                None,
            ),
        ],
        popup_scrolling(Flags, "next flag", "previous flag"),
        vec![
            bind(
                Flags,
                "open",
                &[code(KeyCode::Enter)],
                A::OpenFlag,
                "go to the flag: its link focused, both sides level",
                None,
            ),
            bind(
                List,
                "down",
                &[ch('j'), code(KeyCode::Down)],
                A::Down,
                "select the next article",
                None,
            ),
            bind(
                List,
                "up",
                &[ch('k'), code(KeyCode::Up)],
                A::Up,
                "select the previous article",
                None,
            ),
            bind(
                List,
                "top",
                &[ch('g'), code(KeyCode::Home)],
                A::Top,
                "select the first article",
                None,
            ),
            bind(
                List,
                "bottom",
                &[ch('G'), code(KeyCode::End)],
                A::Bottom,
                "select the last article",
                None,
            ),
            bind(
                List,
                "page-down",
                &[code(KeyCode::PageDown), ctrl('f')],
                A::PageDown,
                "down a page of articles",
                None,
            ),
            bind(
                List,
                "page-up",
                &[code(KeyCode::PageUp), ctrl('b')],
                A::PageUp,
                "up a page of articles",
                None,
            ),
            bind(
                List,
                "set-a",
                &[code(KeyCode::Enter)],
                A::SetA,
                "open the selected article as A (left)",
                Some("set A"),
            ),
            bind(
                List,
                "set-b",
                &[ch(' ')],
                A::SetB,
                "open the selected article as B (right)",
                Some("set B"),
            ),
            bind(
                List,
                "filter",
                &[ch('/')],
                A::Filter,
                "filter the list by title or file name ({everywhere.back} clears)",
                Some("filter"),
            ),
            bind(
                Pane,
                "down",
                &[ch('j'), code(KeyCode::Down)],
                A::Down,
                "scroll down a line",
                None,
            ),
            bind(
                Pane,
                "up",
                &[ch('k'), code(KeyCode::Up)],
                A::Up,
                "scroll up a line",
                None,
            ),
            bind(
                Pane,
                "page-down",
                &[ch(' '), code(KeyCode::PageDown), ctrl('f')],
                A::PageDown,
                "scroll down a page",
                Some("page"),
            ),
            bind(
                Pane,
                "page-up",
                &[code(KeyCode::PageUp), ch('b'), ctrl('b')],
                A::PageUp,
                "scroll up a page",
                None,
            ),
            bind(
                Pane,
                "top",
                &[ch('g'), code(KeyCode::Home)],
                A::Top,
                "go to the top",
                None,
            ),
            bind(
                Pane,
                "bottom",
                &[ch('G'), code(KeyCode::End)],
                A::Bottom,
                "go to the bottom",
                None,
            ),
            bind(
                Global,
                "quit",
                &[ch('q'), ctrl('c')],
                A::Quit,
                "quit",
                Some("quit"),
            ),
            bind(
                Global,
                "suspend",
                &[ctrl('z')],
                A::Suspend,
                "suspend to the shell (fg comes back)",
                None,
            ),
            bind(
                Global,
                "back",
                &[code(KeyCode::Esc)],
                A::Back,
                "close a popup, clear the search or the focus (never quits)",
                None,
            ),
            bind(
                Global,
                "help",
                &[ch('?')],
                A::Help,
                "show or hide this help",
                Some("help"),
            ),
            bind(
                Global,
                "next",
                &[ch('n')],
                A::Next,
                "next link (next match while a search is active)",
                Some("next"),
            ),
            bind(
                Global,
                "previous",
                &[ch('N')],
                A::Prev,
                "previous link (previous match while searching)",
                None,
            ),
            bind(
                Global,
                "next-copied",
                &[ch('c')],
                A::Jump(Jump::Copied, Dir::Forward),
                "next copied passage",
                None,
            ),
            bind(
                Global,
                "previous-copied",
                &[ch('C')],
                A::Jump(Jump::Copied, Dir::Backward),
                "previous copied passage",
                None,
            ),
            bind(
                Global,
                "next-reworded",
                &[ch('r')],
                A::Jump(Jump::Reworded, Dir::Forward),
                "next reworded passage",
                None,
            ),
            bind(
                Global,
                "previous-reworded",
                &[ch('R')],
                A::Jump(Jump::Reworded, Dir::Backward),
                "previous reworded passage",
                None,
            ),
            bind(
                Global,
                "next-moved",
                &[ch('m')],
                A::Jump(Jump::Moved, Dir::Forward),
                "next moved passage",
                None,
            ),
            bind(
                Global,
                "previous-moved",
                &[ch('M')],
                A::Jump(Jump::Moved, Dir::Backward),
                "previous moved passage",
                None,
            ),
            bind(
                Global,
                "next-new",
                &[ch('a')],
                A::Jump(Jump::Added, Dir::Forward),
                "next passage new in B",
                None,
            ),
            bind(
                Global,
                "previous-new",
                &[ch('A')],
                A::Jump(Jump::Added, Dir::Backward),
                "previous passage new in B",
                None,
            ),
            bind(
                Global,
                "next-dropped",
                &[ch('d')],
                A::Jump(Jump::Dropped, Dir::Forward),
                "next passage dropped from A",
                None,
            ),
            bind(
                Global,
                "previous-dropped",
                &[ch('D')],
                A::Jump(Jump::Dropped, Dir::Backward),
                "previous passage dropped from A",
                None,
            ),
            bind(
                Global,
                "next-passage",
                &[ch('p')],
                A::Jump(Jump::Passage, Dir::Forward),
                "next reused passage (a block of links, bracketed)",
                None,
            ),
            bind(
                Global,
                "previous-passage",
                &[ch('P')],
                A::Jump(Jump::Passage, Dir::Backward),
                "previous reused passage",
                None,
            ),
            bind(
                Global,
                "next-flag",
                &[ch('f')],
                A::Jump(Jump::Flag, Dir::Forward),
                "next flag: a changed quotation, number or name (⚑)",
                Some("flag"),
            ),
            bind(
                Global,
                "previous-flag",
                &[ch('F')],
                A::Jump(Jump::Flag, Dir::Backward),
                "previous flag",
                None,
            ),
            bind(
                Global,
                "flags",
                &[ch('!')],
                A::Flags,
                "list the flags, both sides of each; {flags.open} goes to one",
                None,
            ),
            bind(
                Global,
                "search",
                &[ch('/')],
                A::Search,
                "search both articles ({everywhere.back} clears)",
                Some("search"),
            ),
            bind(
                Global,
                "next-pair",
                &[ch(']')],
                A::NextPair,
                "next pair that shares text, most reused first",
                Some("pair"),
            ),
            bind(
                Global,
                "previous-pair",
                &[ch('[')],
                A::PrevPair,
                "previous pair that shares text",
                None,
            ),
            bind(
                Global,
                "all-pairs",
                &[ch('*')],
                A::AllPairs,
                "{everywhere.next-pair} and {everywhere.previous-pair} step through all pairs, or only those sharing text",
                None,
            ),
            bind(
                Global,
                "report",
                &[ch('e')],
                A::Export,
                "write this pair as an HTML report (A--B.html) here",
                Some("report"),
            ),
            bind(
                Global,
                "copy",
                &[ch('y')],
                A::Copy,
                "copy the focused passage, both sides, to the clipboard",
                Some("copy"),
            ),
            bind(Global, "swap", &[ch('s')], A::Swap, "swap A and B", None),
            bind(
                Global,
                "sources",
                &[ch('w')],
                A::Provenance,
                "who took from whom: each article under its likely source",
                Some("sources"),
            ),
            bind(
                Global,
                "sync",
                &[ch('i')],
                A::ToggleSync,
                "synchronized or independent scrolling",
                None,
            ),
            bind(
                Global,
                "next-pane",
                &[code(KeyCode::Tab)],
                A::NextPane,
                "next pane (list, A, B)",
                None,
            ),
            bind(
                Global,
                "previous-pane",
                &[code(KeyCode::BackTab)],
                A::PrevPane,
                "previous pane",
                None,
            ),
            bind(
                Global,
                "pane-a",
                &[ch('h'), code(KeyCode::Left)],
                A::PaneA,
                "read in pane A",
                None,
            ),
            bind(
                Global,
                "pane-b",
                &[ch('l'), code(KeyCode::Right)],
                A::PaneB,
                "read in pane B",
                None,
            ),
            bind(
                Global,
                "list",
                &[ch('o')],
                A::ToggleList,
                "show or hide the article list",
                Some("list"),
            ),
            bind(
                Global,
                "redraw",
                &[ctrl('l')],
                A::Redraw,
                "redraw the screen",
                None,
            ),
        ],
    ]
    .concat()
}

/// The keys that move through a popup's lines (the help, the sources, the
/// flags): the same in each, but for what a line is.
fn popup_scrolling(ctx: Ctx, down: &'static str, up: &'static str) -> Vec<Binding> {
    vec![
        bind(
            ctx,
            "down",
            &[ch('j'), code(KeyCode::Down)],
            A::Down,
            down,
            None,
        ),
        bind(ctx, "up", &[ch('k'), code(KeyCode::Up)], A::Up, up, None),
        bind(
            ctx,
            "page-down",
            &[code(KeyCode::PageDown), ch(' ')],
            A::PageDown,
            "page down",
            None,
        ),
        bind(
            ctx,
            "page-up",
            &[code(KeyCode::PageUp)],
            A::PageUp,
            "page up",
            None,
        ),
    ]
}

/// The table in force: the defaults with a config file's keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keymap {
    bindings: Vec<Binding>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        Keymap {
            bindings: defaults(),
        }
    }
}

impl Keymap {
    /// Every binding, in the order of the help.
    pub fn bindings(&self) -> &[Binding] {
        &self.bindings
    }

    /// The binding named `name` in `ctx`, to change its keys.
    pub fn binding_mut(&mut self, ctx: Ctx, name: &str) -> Option<&mut Binding> {
        self.bindings
            .iter_mut()
            .find(|b| b.ctx == ctx && b.name == name)
    }

    /// The action bound to `ev` in the first of `contexts` that binds it.
    pub fn dispatch(&self, contexts: &[Ctx], ev: &KeyEvent) -> Option<Action> {
        contexts.iter().find_map(|ctx| {
            self.bindings
                .iter()
                .filter(|b| b.ctx == *ctx)
                .find(|b| b.keys.iter().any(|k| k.matches(ev)))
                .map(|b| b.action)
        })
    }

    /// The first key of `action` in `ctx` as the help writes it, for text
    /// that names a key (`q quits`); `None` when it is unbound.
    pub fn key_for(&self, ctx: Ctx, action: Action) -> Option<String> {
        self.bindings
            .iter()
            .find(|b| b.ctx == ctx && b.action == action)
            .and_then(|b| b.keys.first())
            .map(Key::name)
    }

    /// `text` with each `{context.name}` replaced by the first key of that
    /// binding as configured (`{everywhere.next}` → `n`), so that the help
    /// names the keys the user bound; `(unbound)` for a binding without
    /// keys. Anything else in braces is left as it is.
    pub fn fill(&self, text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let tail = &rest[open..];
            let found = tail.find('}').and_then(|close| {
                let (ctx, name) = tail[1..close].split_once('.')?;
                let b = self
                    .bindings
                    .iter()
                    .find(|b| b.ctx.name() == ctx && b.name == name)?;
                let key = b.keys.first().map_or("(unbound)".into(), Key::name);
                Some((key, close))
            });
            match found {
                Some((key, close)) => {
                    out.push_str(&key);
                    rest = &tail[close + 1..];
                }
                None => {
                    out.push('{');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    /// The first key of each of `actions` in `ctx` that is bound, as
    /// [`Keymap::key_for`] writes them.
    pub fn first_keys(&self, ctx: Ctx, actions: &[Action]) -> Vec<String> {
        actions
            .iter()
            .filter_map(|&a| self.key_for(ctx, a))
            .collect()
    }

    /// Like [`Keymap::key_for`], with every key of the binding: `! or Esc`.
    pub fn keys_for(&self, ctx: Ctx, action: Action) -> String {
        self.bindings
            .iter()
            .find(|b| b.ctx == ctx && b.action == action)
            .map(|b| {
                b.keys
                    .iter()
                    .map(Key::name)
                    .collect::<Vec<_>>()
                    .join(" or ")
            })
            .unwrap_or_default()
    }

    /// Status bar hints for the active contexts: `(key, hint)` pairs. A key
    /// an inner context takes for itself (`/` filters the list) is not
    /// hinted for what it does elsewhere.
    pub fn hints(&self, contexts: &[Ctx]) -> Vec<(String, &'static str)> {
        contexts
            .iter()
            .enumerate()
            .flat_map(|(i, ctx)| {
                self.bindings
                    .iter()
                    .filter(move |b| b.ctx == *ctx)
                    .map(move |b| (i, b))
            })
            .filter_map(|(i, b)| {
                let first = b.keys.first()?;
                let inner = &contexts[..i];
                let shadowed = self
                    .bindings
                    .iter()
                    .any(|x| inner.contains(&x.ctx) && x.keys.contains(first));
                (!shadowed).then_some((first.name(), b.hint?))
            })
            .collect()
    }

    /// Bindings grouped by context, in the order of the table.
    pub fn sections(&self) -> Vec<(Ctx, Vec<&Binding>)> {
        Ctx::ALL
            .iter()
            .map(|c| (*c, self.bindings.iter().filter(|b| b.ctx == *c).collect()))
            .collect()
    }
}

/// The keys of a binding as the help writes them (`j ↓`).
pub fn key_names(b: &Binding) -> String {
    if b.keys.is_empty() {
        return "(none)".into();
    }
    b.keys.iter().map(Key::name).collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyEventKind, KeyEventState};

    #[test]
    fn every_key_a_help_line_names_is_a_binding() {
        let km = Keymap::default();
        for b in &km.bindings {
            let filled = km.fill(b.help);
            assert!(!filled.contains('{'), "{}: {filled}", b.name);
            assert!(!filled.contains("(unbound)"), "{}: {filled}", b.name);
        }
        let search = km
            .bindings
            .iter()
            .find(|b| b.name == "search")
            .unwrap()
            .help;
        assert_eq!(km.fill(search), "search both articles (Esc clears)");
        assert_eq!(km.fill("{nowhere.x} and {"), "{nowhere.x} and {");
        // Rebound, the help names the new key; unbound, says so.
        let mut km = km;
        let back = km.bindings.iter_mut().find(|b| b.name == "back").unwrap();
        back.keys = vec![ch('x')];
        assert_eq!(km.fill(search), "search both articles (x clears)");
        let back = km.bindings.iter_mut().find(|b| b.name == "back").unwrap();
        back.keys.clear();
        assert_eq!(km.fill(search), "search both articles ((unbound) clears)");
    }

    fn key(code: KeyCode, mods: KeyModifiers) -> KeyEvent {
        KeyEvent {
            code,
            modifiers: mods,
            kind: KeyEventKind::Press,
            state: KeyEventState::NONE,
        }
    }

    #[test]
    fn no_key_is_bound_twice_in_one_context_and_names_are_unique() {
        let all = defaults();
        for (i, x) in all.iter().enumerate() {
            for y in &all[i + 1..] {
                if x.ctx != y.ctx {
                    continue;
                }
                assert_ne!(x.name, y.name, "{:?}", x.ctx);
                for k in &x.keys {
                    assert!(!y.keys.contains(k), "{k:?} twice in {:?}", x.ctx);
                }
            }
        }
    }

    #[test]
    fn inner_contexts_win() {
        let km = Keymap::default();
        let j = key(KeyCode::Char('j'), KeyModifiers::NONE);
        assert_eq!(km.dispatch(&[List, Global], &j), Some(Action::Down));
        let q = key(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(km.dispatch(&[Prompt], &q), None);
        assert_eq!(km.dispatch(&[Help, Global], &q), Some(Action::Quit));
    }

    #[test]
    fn shift_is_ignored_for_characters_and_ctrl_letters_fold_case() {
        let km = Keymap::default();
        let big_n = key(KeyCode::Char('N'), KeyModifiers::SHIFT);
        assert_eq!(km.dispatch(&[Global], &big_n), Some(Action::Prev));
        let ctrl_l = key(KeyCode::Char('L'), KeyModifiers::CONTROL);
        assert_eq!(km.dispatch(&[Global], &ctrl_l), Some(Action::Redraw));
        let back = key(KeyCode::BackTab, KeyModifiers::SHIFT);
        assert_eq!(km.dispatch(&[Global], &back), Some(Action::PrevPane));
    }

    #[test]
    fn hints_name_what_a_key_does_where_the_keyboard_is() {
        let km = Keymap::default();
        let list = km.hints(&[List, Global]);
        let pane = km.hints(&[Pane, Global]);
        let has = |h: &[(String, &str)], k: &str, w: &str| h.iter().any(|(x, y)| x == k && *y == w);
        assert!(has(&list, "Space", "set B") && has(&list, "/", "filter"));
        assert!(!has(&list, "/", "search"));
        assert!(has(&pane, "Space", "page") && has(&pane, "/", "search"));
    }

    #[test]
    fn every_binding_appears_in_the_help_sections() {
        let km = Keymap::default();
        let n: usize = km.sections().iter().map(|(_, b)| b.len()).sum();
        assert_eq!(n, km.bindings().len());
        assert!(
            km.hints(&[Global])
                .iter()
                .any(|(k, h)| k == "?" && *h == "help")
        );
    }

    #[test]
    fn keys_parse_as_config_files_write_them_and_print_back() {
        for b in defaults() {
            for k in &b.keys {
                assert_eq!(Key::parse(&k.config_name()), Ok(*k), "{k:?}");
            }
        }
        assert_eq!(Key::parse("ctrl-C"), Ok(ctrl('c')));
        assert_eq!(Key::parse("PageDown"), Ok(code(KeyCode::PageDown)));
        assert_eq!(Key::parse("shift-tab"), Ok(code(KeyCode::BackTab)));
        assert_eq!(Key::parse("f5"), Ok(code(KeyCode::F(5))));
        assert_eq!(Key::parse("-"), Ok(ch('-')));
        let alt_x = Key::parse("alt-x").unwrap();
        assert_eq!(alt_x.name(), "Alt-X");
        assert!(alt_x.matches(&key(KeyCode::Char('x'), KeyModifiers::ALT)));
        for bad in ["", "qq", "ctrl-", "hyper-x", "f13", " ", "\u{1b}"] {
            assert!(Key::parse(bad).is_err(), "{bad:?}");
        }
    }
}
