//! The config file: key bindings, the palette of each mark, the theme.
//!
//! A TOML file, found at `--config PATH`, else `$COPYCAT_CONFIG`, else
//! `$XDG_CONFIG_HOME/copycat/config.toml` (`~/.config/copycat/config.toml`).
//! It is read into serde-derived types (`File`) whose names keep their
//! place in the file (toml's `Spanned`), so that every mistake is one line
//! naming the file's line and the key (`config.toml:7: keys.pane.down: …`):
//! a name copycat does not know is checked against the keymap and the
//! marks, and a value of the wrong shape is found in the document by the
//! place serde gives, to name its key. A key copycat does not know is a
//! mistake, never ignored. The keys come from the one keymap table ([`keymap::defaults`]):
//! a binding is named in its context (`[keys.pane] down = ["j", "down"]`),
//! so the file, the help and the hints can never disagree.
//! [`defaults_file`] writes the defaults as a commented file that parses
//! back to them (`copycat config`).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use super::keymap::{Action, Binding, Ctx, FIXED, Key, Keymap};
use crate::article::safe_line;
use crate::marks::{Background, Color, Look, MARKS, Mark, Palette};

/// How the palette is chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ThemeChoice {
    /// Ask the terminal for its background (OSC 11): light or dark colours,
    /// or the terminal's own named colours when it does not answer.
    Auto,
    /// The colours for a light background.
    Light,
    /// The colours for a dark background.
    Dark,
}

impl ThemeChoice {
    const NAMES: [(&'static str, ThemeChoice); 3] = [
        ("auto", ThemeChoice::Auto),
        ("light", ThemeChoice::Light),
        ("dark", ThemeChoice::Dark),
    ];

    fn name(self) -> &'static str {
        Self::NAMES
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("auto", |(n, _)| n)
    }
}

/// Everything a config file sets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// The key bindings.
    pub keymap: Keymap,
    /// The palettes, indexed as [`Background::ALL`].
    pub palettes: [Palette; 3],
    /// How the palette is chosen (`--theme` overrides it).
    pub theme: ThemeChoice,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            keymap: Keymap::default(),
            palettes: Background::ALL.map(Palette::default_for),
            theme: ThemeChoice::Auto,
        }
    }
}

impl Config {
    /// The palette for a terminal background.
    pub fn palette(&self, bg: Background) -> Palette {
        self.palettes[bg_index(bg)]
    }
}

fn bg_index(bg: Background) -> usize {
    Background::ALL
        .iter()
        .position(|b| *b == bg)
        .unwrap_or_default()
}

/// Where the config file is: `flag` (`--config`), else `$COPYCAT_CONFIG`,
/// else the XDG path; with whether it must exist (the first two must: the
/// user named them).
pub fn locate(flag: Option<&Path>) -> Option<(PathBuf, bool)> {
    if let Some(p) = flag {
        return Some((p.to_path_buf(), true));
    }
    let env = |k: &str| std::env::var_os(k).filter(|v| !v.is_empty());
    if let Some(p) = env("COPYCAT_CONFIG") {
        return Some((PathBuf::from(p), true));
    }
    let base = env("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute())
        .or_else(|| env("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some((base.join("copycat").join("config.toml"), false))
}

/// Read the config file `locate` finds (the defaults when there is none),
/// or say in one line what is wrong with it.
pub fn load(flag: Option<&Path>) -> Result<Config, String> {
    let Some((path, required)) = locate(flag) else {
        return Ok(Config::default());
    };
    let shown = safe_line(&path.to_string_lossy()).into_owned();
    let text = match read_limited(&path) {
        Ok(Ok(bytes)) => String::from_utf8(bytes)
            .map_err(|_| format!("{shown}: the config file is not UTF-8 text"))?,
        Ok(Err(why)) => return Err(format!("{shown}: {why}")),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Config::default());
        }
        Err(e) => {
            let why = e.to_string();
            let why = why
                .split(" (os error")
                .next()
                .unwrap_or(&why)
                .to_lowercase();
            return Err(format!("{shown}: cannot read the config file: {why}"));
        }
    };
    parse(&text, &shown)
}

/// Most characters of a key or a value quoted back in an error.
const QUOTED_MAX: usize = 80;

/// The largest config file read: a config is a few kilobytes; anything
/// near this is not one (`--config /dev/zero` grew to 2 GB before failing).
pub const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// `s` cut to `max` characters, with an ellipsis when cut.
fn cut(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// A value quoted back in an error: cut short and made safe.
fn quote(s: &str) -> String {
    format!("“{}”", safe_line(&cut(s, QUOTED_MAX)))
}

/// Read the config file as the article loader reads an article: a regular
/// file only (a FIFO would wait for ever, a device never end), checked
/// again once open, and never more than [`MAX_CONFIG_BYTES`].
fn read_limited(path: &Path) -> std::io::Result<Result<Vec<u8>, &'static str>> {
    use std::io::Read;
    let not_a_file = "is not a regular file (a folder, a device or a pipe)";
    if !std::fs::metadata(path)?.is_file() {
        return Ok(Err(not_a_file));
    }
    let file = std::fs::File::open(path)?;
    if !file.metadata()?.is_file() {
        return Ok(Err(not_a_file));
    }
    let mut bytes = Vec::new();
    file.take(MAX_CONFIG_BYTES + 1).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > MAX_CONFIG_BYTES {
        return Ok(Err("is too large for a config file (over 1 MiB)"));
    }
    Ok(Ok(bytes))
}

/// A mistake in the file: where, which key, what.
struct Mistake {
    at: usize,
    key: String,
    what: String,
}

type Found<T> = Result<T, Mistake>;

fn mistake<T>(at: usize, key: &str, what: impl Into<String>) -> Found<T> {
    Err(Mistake {
        at,
        key: key.to_string(),
        what: what.into(),
    })
}

/// The 1-based line of byte `at` of `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// For a syntax error (where there is no key to go by yet): the key being
/// written on that line, under the table above it, as far as the text says.
fn key_at(text: &str, at: usize) -> String {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or_default().trim();
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('[') && l.ends_with(']'))
        .map(|l| l.trim_matches(|c| c == '[' || c == ']').trim().to_string());
    let key = line
        .split_once('=')
        .map(|(k, _)| k.trim().trim_matches('"').to_string())
        .filter(|k| !k.is_empty() && !k.starts_with('['));
    match (table, key) {
        (Some(t), Some(k)) => format!("{t}.{k}"),
        (None, Some(k)) => k,
        (Some(t), None) => t,
        (None, None) => "(top level)".into(),
    }
}

/// The names a table a config file writes holds (contexts, actions,
/// palettes, marks), each with where it is written.
type Named<T> = BTreeMap<Spanned<String>, T>;

/// A config file as written: its shape, every name with its place.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    theme: Option<Spanned<String>>,
    #[serde(default)]
    keys: Named<Named<Spanned<KeyList>>>,
    #[serde(default)]
    colors: Named<Named<LookFile>>,
}

/// The settings of the file's top level, for an unknown one.
const TOP_KEYS: &str = "theme, keys or colors; see `copycat config`";

/// The keys of a binding: one key, or a list (each with its place).
enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<KeyList, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = KeyList;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of keys")
            }
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(s.to_string()))
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element::<Spanned<String>>()? {
                    keys.push(k);
                }
                Ok(KeyList::Many(keys))
            }
        }
        d.deserialize_any(Visit)
    }
}

/// How a mark looks, as written: a table only (serde reads a struct from
/// a list too, field by field, which would take `["red"]` for a colour).
struct LookFile(LookFields);

impl<'de> Deserialize<'de> for LookFile {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<LookFile, D::Error> {
        struct Visit;
        impl<'de> serde::de::Visitor<'de> for Visit {
            type Value = LookFile;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a table")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<LookFile, A::Error> {
                let fields = serde::de::value::MapAccessDeserializer::new(map);
                LookFields::deserialize(fields).map(LookFile)
            }
        }
        d.deserialize_map(Visit)
    }
}

/// The settings of a look.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LookFields {
    fg: Option<Spanned<String>>,
    bg: Option<Spanned<String>>,
    bold: Option<bool>,
    italic: Option<bool>,
    underline: Option<bool>,
    dim: Option<bool>,
    reverse: Option<bool>,
}

const LOOK_KEYS: [&str; 7] = ["fg", "bg", "bold", "italic", "underline", "dim", "reverse"];

/// Parse a config file's text; `origin` names it in errors.
pub fn parse(text: &str, origin: &str) -> Result<Config, String> {
    let say = |at: usize, key: &str, what: &str| {
        let what = what.split_whitespace().collect::<Vec<_>>().join(" ");
        // One line, however long the key or the message: a key or a value
        // of megabytes is cut short, never quoted whole.
        let key = cut(key, QUOTED_MAX);
        let what = cut(&what, 3 * QUOTED_MAX);
        safe_line(&format!("{origin}:{}: {key}: {what}", line_of(text, at))).into_owned()
    };
    // The document first: a syntax error has no key to go by yet.
    let doc = DeTable::parse(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start);
        say(
            at,
            &key_at(text, at),
            &format!("not valid TOML: {}", e.message()),
        )
    })?;
    let file: File = toml::from_str(text).map_err(|e| {
        let m = shape_mistake(doc.get_ref(), &e);
        say(m.at, &m.key, &m.what)
    })?;
    read(file).map_err(|m| say(m.at, &m.key, &m.what))
}

/// A value of the wrong type, or a setting copycat does not know, where
/// the file's shape says so: the key is found in the document by the
/// error's place, and the message said in the file's terms.
fn shape_mistake(doc: &DeTable<'_>, e: &toml::de::Error) -> Mistake {
    let at = e.span().map_or(0, |s| s.start);
    let mut path = Vec::new();
    let found = find_at(doc, at, &mut path);
    // The key, without the index of a list's element.
    let named: Vec<&str> = path
        .iter()
        .map(String::as_str)
        .filter(|p| p.parse::<usize>().is_err())
        .collect();
    let key = if named.is_empty() {
        "(top level)".to_string()
    } else {
        named.join(".")
    };
    let what = if e.message().starts_with("unknown field") {
        let known = if path.len() == 1 {
            TOP_KEYS.to_string()
        } else {
            one_of(LOOK_KEYS)
        };
        format!("unknown setting ({known})")
    } else {
        let names: Vec<&str> = path.iter().map(String::as_str).collect();
        match found {
            Some(At::Value(v)) => format!("should be {}, not {}", expected(&names), type_name(v)),
            _ => e.message().to_string(),
        }
    };
    Mistake { at, key, what }
}

/// What the value at a key path should be.
fn expected(path: &[&str]) -> &'static str {
    match path {
        ["theme"] => "\"auto\", \"light\" or \"dark\"",
        ["keys"] => "a table of contexts",
        ["keys", _] => "a table of actions",
        ["keys", _, _] => "a list of keys",
        ["keys", _, _, _] => "a key such as \"q\" or \"ctrl-c\"",
        ["colors"] => "a table of palettes",
        ["colors", _] => "a table of marks",
        ["colors", _, _] => "a table such as { fg = \"green\" }",
        ["colors", _, _, "fg" | "bg"] => "a colour",
        ["colors", _, _, _] => "true or false",
        _ => "something else",
    }
}

/// What is at a byte of the document.
enum At<'d, 'i> {
    /// A key.
    Key,
    /// A value.
    Value(&'d DeValue<'i>),
}

/// What is at byte `at` of the table `t`, with the keys that lead there in
/// `path` (an array's element adds its index); `None` when it is not in it.
fn find_at<'d, 'i>(t: &'d DeTable<'i>, at: usize, path: &mut Vec<String>) -> Option<At<'d, 'i>> {
    for (k, v) in t {
        path.push(k.get_ref().to_string());
        if k.span().contains(&at) {
            return Some(At::Key);
        }
        // A value that starts there is the one meant, not its first element.
        if v.span().start == at {
            return Some(At::Value(v.get_ref()));
        }
        let inside = match v.get_ref() {
            // A table's span is its header only: look inside it.
            DeValue::Table(inner) => find_at(inner, at, path),
            // Lists of keys are the only lists: anywhere else the list
            // itself is the mistake (a table can be read from a list).
            DeValue::Array(items) if path.len() == 3 && path[0] == "keys" => items
                .iter()
                .enumerate()
                .find(|(_, item)| item.span().contains(&at))
                .map(|(i, item)| {
                    path.push(i.to_string());
                    At::Value(item.get_ref())
                }),
            _ => None,
        };
        if inside.is_some() {
            return inside;
        }
        if v.span().contains(&at) {
            return Some(At::Value(v.get_ref()));
        }
        path.pop();
    }
    None
}

/// What a value of a TOML type is called in errors.
fn type_name(v: &DeValue<'_>) -> &'static str {
    match v {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// Names for an error: `a, b or c`.
fn one_of<'a>(names: impl IntoIterator<Item = &'a str>) -> String {
    let names: Vec<&str> = names.into_iter().collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        Some((last, _)) => (*last).to_string(),
        None => String::new(),
    }
}

/// The entries of a table in the order the file writes them.
fn in_order<T>(t: Named<T>) -> Vec<(Spanned<String>, T)> {
    let mut v: Vec<_> = t.into_iter().collect();
    v.sort_by_key(|(k, _)| k.span().start);
    v
}

/// The settings of a file of the right shape, checked: the first mistake
/// in the file's order, if any.
fn read(file: File) -> Found<Config> {
    let mut config = Config::default();
    let mut first: Option<Mistake> = None;
    let mut note = |r: Found<()>| {
        if let Err(m) = r
            && first.as_ref().is_none_or(|f| m.at < f.at)
        {
            first = Some(m);
        }
    };
    if let Some(theme) = file.theme {
        note(read_theme(&theme).map(|t| config.theme = t));
    }
    note(read_keys(file.keys, &mut config.keymap));
    note(read_colors(file.colors, &mut config.palettes));
    first.map_or(Ok(config), Err)
}

fn read_theme(s: &Spanned<String>) -> Found<ThemeChoice> {
    let name = s.get_ref();
    match ThemeChoice::NAMES.iter().find(|(n, _)| n == name) {
        Some((_, t)) => Ok(*t),
        None => mistake(
            s.span().start,
            "theme",
            format!("{} is not a theme (auto, light or dark)", quote(name)),
        ),
    }
}

fn read_keys(keys: Named<Named<Spanned<KeyList>>>, keymap: &mut Keymap) -> Found<()> {
    // Where each binding the file sets is written, for errors about it.
    let mut written: Vec<(Ctx, &'static str, usize)> = Vec::new();
    for (name, actions) in in_order(keys) {
        let path = format!("keys.{}", name.get_ref());
        let Some(ctx) = Ctx::ALL.into_iter().find(|c| c.name() == name.get_ref()) else {
            let all = one_of(Ctx::ALL.iter().map(|c| c.name()));
            return mistake(name.span().start, &path, format!("no such context ({all})"));
        };
        for (action, list) in in_order(actions) {
            let path = format!("{path}.{}", action.get_ref());
            let Some(b) = keymap.binding_mut(ctx, action.get_ref()) else {
                return mistake(
                    action.span().start,
                    &path,
                    format!(
                        "no such action in keys.{} (`copycat config` lists them)",
                        name.get_ref()
                    ),
                );
            };
            let written_at = list.span().start;
            let each: Vec<(usize, String)> = match list.into_inner() {
                KeyList::One(k) => vec![(written_at, k)],
                KeyList::Many(v) => v
                    .into_iter()
                    .map(|k| (k.span().start, k.into_inner()))
                    .collect(),
            };
            let mut keys = Vec::new();
            for (at, s) in each {
                let key = Key::parse(&s).or_else(|e| mistake(at, &path, e))?;
                if let Some((_, fixed)) = FIXED.iter().find(|(f, _)| *f == key)
                    && *fixed != b.action
                {
                    let does = if *fixed == Action::Quit {
                        "quits"
                    } else {
                        "suspends"
                    };
                    return mistake(
                        at,
                        &path,
                        format!("{} always {does}: it cannot do anything else", key.name()),
                    );
                }
                if ctx == Ctx::Prompt && key.is_printable() {
                    return mistake(
                        at,
                        &path,
                        format!(
                            "{} is typed into the prompt: bind a key that types nothing",
                            quote(&s)
                        ),
                    );
                }
                if !keys.contains(&key) {
                    keys.push(key);
                }
            }
            // Ctrl-C and Ctrl-Z work whatever the file says (the input thread
            // acts on them at once); the help says so.
            for (fixed, action) in FIXED {
                if b.action == action && !keys.contains(&fixed) {
                    keys.push(fixed);
                }
            }
            b.keys = keys;
            written.push((ctx, b.name, action.span().start));
        }
    }
    check_collisions(keymap, &written)
}

/// Two bindings of one context may not share a key: the error names both,
/// on the line of the one the file wrote.
fn check_collisions(keymap: &Keymap, written: &[(Ctx, &'static str, usize)]) -> Found<()> {
    let all = keymap.bindings();
    let at = |b: &Binding| {
        written
            .iter()
            .find(|(c, n, _)| *c == b.ctx && *n == b.name)
            .map(|(_, _, at)| *at)
    };
    let mut found: Option<Mistake> = None;
    for (i, x) in all.iter().enumerate() {
        for y in &all[i + 1..] {
            if x.ctx != y.ctx {
                continue;
            }
            let Some(k) = x.keys.iter().find(|k| y.keys.contains(k)) else {
                continue;
            };
            // Report it on the line the file wrote (the later, if both).
            let (here, there, line) = match (at(x), at(y)) {
                (Some(a), Some(b)) if a > b => (x, y, a),
                (_, Some(b)) => (y, x, b),
                (Some(a), None) => (x, y, a),
                (None, None) => continue,
            };
            let ctx = here.ctx.name();
            let default = if at(there).is_none() {
                " (by default)"
            } else {
                ""
            };
            let m = Mistake {
                at: line,
                key: format!("keys.{ctx}.{}", here.name),
                what: format!(
                    "{} is also keys.{ctx}.{}'s key{default}: one key, one action \
                     (rebind or unbind the other)",
                    k.config_name(),
                    there.name
                ),
            };
            if found.as_ref().is_none_or(|f| m.at < f.at) {
                found = Some(m);
            }
        }
    }
    found.map_or(Ok(()), Err)
}

fn read_colors(colors: Named<Named<LookFile>>, palettes: &mut [Palette; 3]) -> Found<()> {
    for (name, marks) in in_order(colors) {
        let path = format!("colors.{}", name.get_ref());
        let Some(bg) = Background::ALL
            .into_iter()
            .find(|b| b.name() == name.get_ref())
        else {
            return mistake(
                name.span().start,
                &path,
                "no such palette (terminal, light or dark)",
            );
        };
        let palette = &mut palettes[bg_index(bg)];
        for (mark_name, LookFile(file)) in in_order(marks) {
            let path = format!("{path}.{}", mark_name.get_ref());
            let Some(mark) = Mark::ALL
                .into_iter()
                .find(|m| m.label() == mark_name.get_ref())
            else {
                let all = one_of(Mark::ALL.iter().map(|m| m.label()));
                return mistake(
                    mark_name.span().start,
                    &path,
                    format!("no such mark ({all})"),
                );
            };
            let mut look = palette.look(mark);
            for (field, value) in [("fg", &file.fg), ("bg", &file.bg)] {
                let Some(value) = value else { continue };
                let s = value.get_ref();
                let color = if s == "default" {
                    None
                } else {
                    Some(Color::parse(s).ok_or(()).or_else(|()| {
                        mistake(
                            value.span().start,
                            &format!("{path}.{field}"),
                            format!(
                                "{} is not a colour (#rrggbb, default, or one of {})",
                                quote(s),
                                one_of(Color::NAMED.iter().map(|(n, _)| *n))
                            ),
                        )
                    })?)
                };
                if field == "fg" {
                    look.fg = color;
                } else {
                    look.bg = color;
                }
            }
            let attributes = [
                ("bold", file.bold),
                ("italic", file.italic),
                ("underline", file.underline),
                ("dim", file.dim),
                ("reverse", file.reverse),
            ];
            for (field, on) in attributes {
                if let Some(on) = on {
                    look.set_attribute(field, on);
                }
            }
            palette.set(mark, look);
        }
    }
    Ok(())
}

/// A look as a TOML inline table: `{ fg = "green", bold = true }`.
fn look_toml(look: Look) -> String {
    let mut parts: Vec<String> = Vec::new();
    if let Some(c) = look.fg {
        parts.push(format!("fg = \"{}\"", c.name()));
    }
    if let Some(c) = look.bg {
        parts.push(format!("bg = \"{}\"", c.name()));
    }
    for (name, on) in look.attributes() {
        if on {
            parts.push(format!("{name} = true"));
        }
    }
    if parts.is_empty() {
        "{}".into()
    } else {
        format!("{{ {} }}", parts.join(", "))
    }
}

/// The defaults as a commented config file to start from: `copycat config`.
/// It parses back to [`Config::default`].
pub fn defaults_file() -> String {
    let d = Config::default();
    let mut o = String::new();
    o.push_str(
        "# copycat's config file. Every setting below is a default: keep what you
# change, delete the rest. copycat reads the file at --config PATH, else at
# $COPYCAT_CONFIG, else at $XDG_CONFIG_HOME/copycat/config.toml
# (~/.config/copycat/config.toml). Start one with
#   copycat config > ~/.config/copycat/config.toml
# A mistake is reported with its line and key, and copycat stops (exit 2).

# The palette: \"auto\" asks the terminal for its background colour and takes
# the light or the dark palette, or the terminal's own named colours when it
# does not answer; \"light\" and \"dark\" choose. --theme overrides this.
",
    );
    let _ = writeln!(o, "theme = \"{}\"", d.theme.name());
    o.push_str(
        "
# Keys, by context and action: a list of keys, each a character (\"q\", \"?\",
# \"G\") or a name (space, enter, esc, tab, backtab, backspace, up, down,
# left, right, home, end, pageup, pagedown, delete, f1 to f12), maybe after
# ctrl- or alt-. [] unbinds an action. Two actions of one context may not
# share a key; a popup, the list or a pane takes a key before \"everywhere\".
# Ctrl-C always quits and Ctrl-Z always suspends.
",
    );
    for (ctx, bindings) in d.keymap.sections() {
        let _ = writeln!(o, "\n# {}\n[keys.{}]", ctx.title(), ctx.name());
        for b in bindings {
            let keys: Vec<String> = b
                .keys
                .iter()
                .map(|k| format!("{:?}", k.config_name()))
                .collect();
            let help = d.keymap.fill(b.help);
            let _ = writeln!(o, "# {help}\n{} = [{}]", b.name, keys.join(", "));
        }
    }
    o.push_str(
        "
# How each mark looks, in each palette: \"terminal\" (the terminal's named
# colours, when its background is unknown), \"light\" and \"dark\". fg and bg
# are one of black, red, green, yellow, blue, magenta, cyan, white,
# bright-black, bright-red, bright-green, bright-yellow, bright-blue,
# bright-magenta, bright-cyan, bright-white, \"#rrggbb\" or \"default\" (the
# terminal's own); bold, italic, underline, dim and reverse are true or
# false. What a mark leaves out keeps its default. Without colour (NO_COLOR,
# --color never) marks are told apart by fixed attributes instead.
",
    );
    for bg in Background::ALL {
        let _ = writeln!(o, "\n[colors.{}]", bg.name());
        let p = d.palette(bg);
        for m in Mark::ALL {
            let _ = writeln!(
                o,
                "# {}\n{} = {}",
                m.meaning(),
                m.label(),
                look_toml(p.look(m))
            );
        }
    }
    debug_assert_eq!(Mark::ALL.len(), MARKS);
    o
}

/// Test-only: the byte range of `needle` in `text`, for span checks.
#[cfg(test)]
fn span_of(text: &str, needle: &str) -> std::ops::Range<usize> {
    let at = text.find(needle).expect("needle");
    at..at + needle.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(text: &str) -> String {
        parse(text, "c.toml").expect_err("an error")
    }

    #[test]
    fn the_defaults_file_parses_back_to_the_defaults() {
        let text = defaults_file();
        assert_eq!(parse(&text, "defaults"), Ok(Config::default()));
        // And it is a complete file: every binding and every mark is in it.
        for b in Keymap::default().bindings() {
            assert!(text.contains(&format!("\n{} = [", b.name)), "{}", b.name);
        }
        assert!(text.contains("[colors.dark]\n"));
        assert_eq!(parse("", "empty"), Ok(Config::default()));
    }

    #[test]
    fn keys_and_colours_are_taken_and_ctrl_c_stays() {
        let c = parse(
            "theme = \"light\"\n[keys.everywhere]\nquit = [\"x\"]\nhelp = \"f1\"\n\
             [colors.light]\ncopied = { fg = \"#00ff00\", bold = true }\n",
            "c.toml",
        )
        .unwrap();
        assert_eq!(c.theme, ThemeChoice::Light);
        let quit = c
            .keymap
            .bindings()
            .iter()
            .find(|b| b.ctx == Ctx::Global && b.name == "quit")
            .unwrap();
        assert_eq!(
            quit.keys,
            vec![Key::parse("x").unwrap(), Key::parse("ctrl-c").unwrap()]
        );
        assert_eq!(
            c.keymap.key_for(Ctx::Global, Action::Help).as_deref(),
            Some("F1")
        );
        let copied = c.palette(Background::Light).look(Mark::Copied);
        assert_eq!(copied.fg, Some(Color::Rgb(0, 255, 0)));
        assert!(copied.bold);
        // Other palettes and marks keep their defaults.
        assert_eq!(
            c.palette(Background::Dark),
            Palette::default_for(Background::Dark)
        );
    }

    #[test]
    fn each_mistake_is_one_line_with_its_line_and_key() {
        let cases = [
            (
                "[keys.everywhere]\nquit = [q]\n",
                "c.toml:2: keys.everywhere.quit: not valid TOML",
            ),
            (
                "[keys.pane]\ndown = [\"j\"]\nsideways = [\"x\"]\n",
                "c.toml:3: keys.pane.sideways: no such action in keys.pane",
            ),
            (
                "[keys.nowhere]\n",
                "c.toml:1: keys.nowhere: no such context",
            ),
            ("colour = 1\n", "c.toml:1: colour: unknown setting"),
            (
                "[colors.dark]\nnew = { fg = \"purple\" }\n",
                "c.toml:2: colors.dark.new.fg: “purple” is not a colour",
            ),
            (
                "[colors.dark]\nnew = { fg = \"#fff\" }\n",
                "c.toml:2: colors.dark.new.fg: “#fff” is not a colour",
            ),
            (
                "[colors.dark]\nnew = { blink = true }\n",
                "c.toml:2: colors.dark.new.blink: unknown setting",
            ),
            (
                "[colors.sepia]\n",
                "c.toml:1: colors.sepia: no such palette",
            ),
            (
                "\n[keys.pane]\ndown = [\"g\"]\n",
                "c.toml:3: keys.pane.down: g is also keys.pane.top's key (by default)",
            ),
            (
                "[keys.everywhere]\nnext = [\"x\"]\nswap = [\"x\"]\n",
                "c.toml:3: keys.everywhere.swap: x is also keys.everywhere.next's key",
            ),
            (
                "[keys.everywhere]\nswap = [\"ctrl-c\"]\n",
                "c.toml:2: keys.everywhere.swap: Ctrl-C always quits",
            ),
            (
                "[keys.prompt]\naccept = [\"y\"]\n",
                "c.toml:2: keys.prompt.accept: “y” is typed into the prompt",
            ),
            (
                "[keys.pane]\ndown = [\"hyper-j\"]\n",
                "c.toml:2: keys.pane.down: “hyper-j” is not a key",
            ),
            (
                "theme = \"sepia\"\n",
                "c.toml:1: theme: “sepia” is not a theme",
            ),
            (
                "keys = 3\n",
                "c.toml:1: keys: should be a table of contexts",
            ),
            // Shapes the derived types refuse, named in the file's terms.
            (
                "theme = 1\n",
                "c.toml:1: theme: should be \"auto\", \"light\" or \"dark\", not an integer",
            ),
            (
                "[keys.pane]\ndown = 3\n",
                "c.toml:2: keys.pane.down: should be a list of keys, not an integer",
            ),
            (
                "[keys.pane]\ndown = [\n  \"j\",\n  3,\n]\n",
                "c.toml:4: keys.pane.down: should be a key such as \"q\" or \"ctrl-c\", not an integer",
            ),
            (
                "[keys.pane]\ndown = [\n  \"j\",\n  \"hyper-j\",\n]\n",
                "c.toml:4: keys.pane.down: “hyper-j” is not a key",
            ),
            (
                "[keys]\npane = true\n",
                "c.toml:2: keys.pane: should be a table of actions, not true or false",
            ),
            (
                "[colors]\ndark = 4\n",
                "c.toml:2: colors.dark: should be a table of marks, not an integer",
            ),
            (
                "[colors.dark]\nnew = [1]\n",
                "c.toml:2: colors.dark.new: should be a table such as { fg = \"green\" }, not a list",
            ),
            (
                "[colors.dark]\nnew = [\"red\"]\n",
                "c.toml:2: colors.dark.new: should be a table such as { fg = \"green\" }, not a list",
            ),
            (
                "[colors.light]\ncopied = { bold = \"yes\" }\n",
                "c.toml:2: colors.light.copied.bold: should be true or false, not a string",
            ),
            (
                "[colors.light]\ncopied = { fg = 7 }\n",
                "c.toml:2: colors.light.copied.fg: should be a colour, not an integer",
            ),
            // The first mistake in the file's order, whichever section.
            (
                "[colors.sepia]\n[keys.nowhere]\n",
                "c.toml:1: colors.sepia: no such palette",
            ),
        ];
        for (text, want) in cases {
            let e = err(text);
            assert!(e.starts_with(want), "{text:?}:\n  got  {e}\n  want {want}…");
            assert!(!e.contains('\n'), "{e:?}");
        }
    }

    #[test]
    fn a_syntax_error_names_the_key_being_written() {
        let text = "[keys.list]\ndown = [\"j\"\n";
        assert_eq!(key_at(text, span_of(text, "down").start), "keys.list.down");
        assert_eq!(line_of(text, span_of(text, "down").start), 2);
    }

    /// Lines of TOML-like text from the words a config file uses, right
    /// and wrong.
    fn config_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let line = prop::sample::select(vec![
            "[keys.pane]",
            "[keys.nowhere]",
            "[keys]",
            "[colors.dark]",
            "[colors.sepia]",
            "theme = \"light\"",
            "theme = 3",
            "down = [\"j\", \"down\"]",
            "down = [\"hyper-j\"]",
            "down = 3",
            "quit = [\"x\"]",
            "copied = { fg = \"#00ff00\", bold = true }",
            "copied = { blink = true }",
            "new = [\"red\"]",
            "pane = true",
            "x = [",
            "\"\"",
            "",
        ]);
        prop::collection::vec(line, 0..12).prop_map(|l| l.join("\n"))
    }

    proptest::proptest! {
        /// Whatever the file, one line: accepted, or refused naming the
        /// file and a line the file has.
        #[test]
        fn any_file_is_taken_or_refused_in_one_line(text in config_text()) {
            if let Err(e) = parse(&text, "c.toml") {
                let line: usize = e
                    .strip_prefix("c.toml:")
                    .and_then(|r| r.split(':').next())
                    .and_then(|n| n.parse().ok())
                    .expect("a line number");
                proptest::prop_assert!(line >= 1 && line <= text.lines().count().max(1) + 1, "{e}");
                proptest::prop_assert!(!e.contains('\n'), "{e:?}");
            }
        }
    }
}
