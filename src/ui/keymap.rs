//! The one table of key bindings.
//!
//! The same table dispatches keys, writes the `?` help popup and the status bar
//! hints (as gitui does with its command lists), so the help can never drift
//! from what the keys really do. The table is built at start-up: the defaults
//! below, with the keys a config file gives (see `config`); each binding has
//! a name for that (`quit`, `next-copied`), unique in its context.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use crate::marks::Mark;

mod defaults;

use defaults::{DEFAULTS, ctrl};
#[cfg(test)]
use defaults::{ch, code};

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
    /// Open the first pair of the walk: the most reused.
    FirstPair,
    /// Open the last pair of the walk: the least reused.
    LastPair,
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
    /// Provenance view: open the selected line's pair; spread view: open
    /// the pair on the selected paragraph.
    OpenPair,
    /// Open the spread view of the article read (who took each paragraph).
    Spread,
    /// Spread view: the previous article's column.
    PrevTaker,
    /// Spread view: the next article's column.
    NextTaker,
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
    /// The spread view.
    Spread,
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
            Ctx::Spread => "How an article spread",
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
            Ctx::Spread => "spread",
            Ctx::Flags => "flags",
            Ctx::Prompt => "prompt",
        }
    }

    /// Every context, in the order the help and a config file list them.
    pub const ALL: [Ctx; 8] = [
        Ctx::Global,
        Ctx::Pane,
        Ctx::List,
        Ctx::Provenance,
        Ctx::Spread,
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

use Action as A;

/// Keys that work whatever the configuration says, because the input thread
/// acts on them at once (before the UI thread sees them): Ctrl-C quits,
/// Ctrl-Z suspends.
pub const FIXED: [(Key, Action); 2] = [(ctrl('c'), A::Quit), (ctrl('z'), A::Suspend)];

/// Every key copycat knows by default, in the order the help shows them
/// (the table: `keymap/defaults.rs`).
pub fn defaults() -> Vec<Binding> {
    DEFAULTS
        .iter()
        .map(|&(ctx, name, keys, action, help, hint)| Binding {
            ctx,
            name,
            keys: keys.to_vec(),
            action,
            help,
            hint,
        })
        .collect()
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
    use Ctx::{Global, Help, List, Pane, Prompt};
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
