//! Terminal input: the bytes the terminal sends, decoded into keys, mouse
//! events, pastes, and replies to copycat's own questions.
//!
//! copycat reads the terminal itself rather than through crossterm's event
//! reader, whose parser has no bounds: a stray bracketed-paste start
//! (`ESC [ 2 0 0 ~` without its end, from a pasted log or a confused
//! terminal) made every later key part of a "paste" for ever, so `q` and
//! Ctrl-C did nothing; and an OSC reply (the background colour, `ESC ] 11 ;
//! rgb:… BEL`) became keys: Alt-], `1`, `1`, `;`, `r`, … `/` (the search).
//!
//! The decoder follows ECMA-48's grammar, as terminals emit it:
//!
//! - control strings (OSC `ESC ]`, DCS `ESC P`, APC `ESC _`, PM `ESC ^`, SOS
//!   `ESC X`) run to BEL (OSC) or ST (`ESC \`); they are replies, never keys.
//!   Only their first [`KEPT`] bytes are kept (enough for a colour), the rest
//!   is counted and dropped, so a flood costs no memory;
//! - a CSI sequence (`ESC [`) is parameters, intermediates and a final byte,
//!   at most [`MAX_CSI`] bytes; a longer one is dropped whole;
//! - a bracketed paste (`ESC [ 200 ~` … `ESC [ 201 ~`) is one [`Event::Paste`],
//!   at most [`MAX_PASTE`] bytes kept.
//!
//! Time bounds what bytes cannot: terminals send a sequence, a reply or a
//! paste in one burst. When no byte comes for [`IDLE`] while one is open
//! ([`Decoder::patience`]), [`Decoder::idle`] ends it: a lone ESC is the Esc
//! key, an unfinished sequence or reply is dropped, an unfinished paste is
//! delivered as it stands. The keys typed after it are keys again.
//!
//! One decoder serves the whole session: the background question
//! (`background::query`) reads the first replies through it and hands it on to
//! the input thread, so a reply split across the question's deadline is
//! still read as the rest of a reply, not as keys.

use std::time::{Duration, Instant};

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyEventState, KeyModifiers, MouseButton, MouseEvent,
    MouseEventKind,
};

/// How long an escape sequence may stay unfinished with no byte arriving
/// before it is ended (a lone ESC becomes the Esc key). Terminals send a
/// sequence in one write; over SSH a burst may be split, but not by this
/// much, and a person does not type ESC `[` `A` this fast.
pub const IDLE: Duration = Duration::from_millis(50);

/// How long a control string (a reply) may run from its start, and a paste
/// may pause: longer than [`IDLE`], as a reply over a slow link may come in
/// pieces and a paste in many; still short enough that the keys typed after
/// a malformed reply (which never ends) or a stray paste start are keys
/// again after a second. A reply is timed from its start, not its last byte:
/// keys typed into a malformed one must not keep it open.
pub const IDLE_STRING: Duration = Duration::from_secs(1);

/// Bytes of a control string kept for its meaning (an OSC 11 colour is
/// at most `11;rgba:ffff/ffff/ffff/ffff`, 27 bytes).
pub const KEPT: usize = 64;

/// The longest CSI sequence taken: parameters of a mouse report at the
/// largest screens are under 20 bytes.
pub const MAX_CSI: usize = 64;

/// The most bytes a read of typed keys holds (a held key, an arrow's
/// sequence, a fast typist over a slow link); more at once is a terminal
/// writing, not a person typing.
const TYPED_MAX: usize = 32;

/// The most of a bracketed paste kept (the rest is dropped).
pub const MAX_PASTE: usize = 1 << 20;

/// What the terminal said: an event for the app, or a reply to a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// A key, a mouse event, a paste, focus.
    Event(Event),
    /// A control string (OSC, DCS, APC, PM, SOS): what kind, and its first
    /// [`KEPT`] bytes. Replies, never keys.
    String(StringKind, Vec<u8>),
    /// A reply to Primary Device Attributes (`ESC [ ? … c`).
    DeviceAttributes,
}

/// The kinds of control strings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringKind {
    /// Operating System Command: `ESC ]`.
    Osc,
    /// Device Control String: `ESC P`.
    Dcs,
    /// Application Program Command: `ESC _`.
    Apc,
    /// Privacy Message: `ESC ^`.
    Pm,
    /// Start of String: `ESC X`.
    Sos,
}

#[derive(Debug, Default)]
enum State {
    #[default]
    Ground,
    /// After ESC.
    Esc,
    /// After `ESC [`: the bytes so far (without `ESC [`); `None` once over
    /// [`MAX_CSI`] (then dropped at its final byte).
    Csi(Option<Vec<u8>>),
    /// After `ESC O`: one more byte.
    Ss3,
    /// Inside a control string; `esc` after an ESC in it (ST's first byte).
    Str {
        kind: StringKind,
        kept: Vec<u8>,
        esc: bool,
    },
    /// Inside a bracketed paste: its first [`MAX_PASTE`] bytes, and how many
    /// came after them, with the last few (where its end will show).
    Paste {
        text: Vec<u8>,
        over: usize,
        tail: Vec<u8>,
    },
}

/// The end of a bracketed paste.
const PASTE_END: &[u8] = b"\x1b[201~";

/// Terminal bytes in, [`Input`]s out; see the module's documentation.
#[derive(Debug, Default)]
pub struct Decoder {
    state: State,
    /// The start of a UTF-8 character cut by the end of a read.
    partial: Vec<u8>,
    /// When the open control string began.
    string_since: Option<Instant>,
    /// The time of the bytes being fed.
    now: Option<Instant>,
}

impl Decoder {
    /// A decoder in its ground state.
    pub fn new() -> Decoder {
        Decoder::default()
    }

    /// Decode `bytes`, appending what they complete to `out`.
    pub fn feed(&mut self, bytes: &[u8], out: &mut Vec<Input>) {
        self.feed_at(bytes, Instant::now(), out);
    }

    /// [`Decoder::feed`] for bytes that arrived at `now`. A control string
    /// open for [`IDLE_STRING`] or more is dropped first when these bytes
    /// look typed (a few at a time: keys pressed into a reply that never
    /// ends); a string still streaming in large reads (a flood, however
    /// long) goes on to its end.
    pub fn feed_at(&mut self, bytes: &[u8], now: Instant, out: &mut Vec<Input>) {
        if matches!(self.state, State::Str { .. })
            && self
                .string_since
                .is_some_and(|t| now.saturating_duration_since(t) >= IDLE_STRING)
        {
            if bytes.len() > TYPED_MAX {
                self.string_since = Some(now);
            } else {
                self.idle(out);
            }
        }
        self.now = Some(now);
        for &b in bytes {
            self.byte(b, out);
        }
        if !matches!(self.state, State::Str { .. }) {
            self.string_since = None;
        }
    }

    /// How long to wait for the next byte before calling [`Decoder::idle`]
    /// (something is open that only it can end: a lone ESC, a sequence, a
    /// control string or a paste cut short, or the start of a character);
    /// `None` when nothing is open (wait for ever).
    pub fn patience(&self) -> Option<Duration> {
        match self.state {
            State::Ground if self.partial.is_empty() => None,
            State::Str { .. } => Some(
                self.string_since
                    .map_or(IDLE_STRING, |t| IDLE_STRING.saturating_sub(t.elapsed())),
            ),
            State::Paste { .. } => Some(IDLE_STRING),
            _ => Some(IDLE),
        }
    }

    /// No byte came for [`IDLE`]: end what is open. A lone ESC is the Esc
    /// key; an unfinished sequence or control string is dropped (a reply cut
    /// short is still not keys); a paste cut short is delivered as it is.
    pub fn idle(&mut self, out: &mut Vec<Input>) {
        self.partial.clear();
        self.string_since = None;
        match std::mem::take(&mut self.state) {
            State::Esc => out.push(key(KeyCode::Esc, KeyModifiers::NONE)),
            State::Paste { text, .. } => end_paste(text, out),
            _ => {}
        }
    }

    fn byte(&mut self, b: u8, out: &mut Vec<Input>) {
        match std::mem::take(&mut self.state) {
            State::Ground => self.ground(b, out),
            State::Esc => self.after_esc(b, out),
            State::Csi(buf) => self.csi(buf, b, out),
            State::Ss3 => {
                if let Some(code) = ss3_key(b) {
                    out.push(key(code, KeyModifiers::NONE));
                }
            }
            State::Str { kind, kept, esc } => self.string(kind, kept, esc, b, out),
            State::Paste {
                mut text,
                mut over,
                mut tail,
            } => {
                if text.len() < MAX_PASTE {
                    text.push(b);
                } else {
                    over += 1;
                    tail.push(b);
                    if tail.len() > PASTE_END.len() {
                        tail.remove(0);
                    }
                }
                if ends_paste(&text, &tail) {
                    // What came before the end, as much of it as was kept.
                    let len = (text.len() + over - PASTE_END.len()).min(text.len());
                    text.truncate(len);
                    end_paste(text, out);
                } else {
                    self.state = State::Paste { text, over, tail };
                }
            }
        }
    }

    fn ground(&mut self, b: u8, out: &mut Vec<Input>) {
        if !self.partial.is_empty() && !(0x80..0xC0).contains(&b) {
            // A character cut short by a byte that cannot continue it.
            self.partial.clear();
        }
        match b {
            0x1b => self.state = State::Esc,
            0x00..=0x1f | 0x7f => out.extend(control_key(b, KeyModifiers::NONE)),
            0x20..=0x7e => out.push(key(KeyCode::Char(b as char), KeyModifiers::NONE)),
            _ => {
                self.partial.push(b);
                match std::str::from_utf8(&self.partial) {
                    Ok(s) => {
                        let c = s.chars().next();
                        self.partial.clear();
                        // C1 controls (U+0080–U+009F) are no keys.
                        if let Some(c) = c.filter(|c| !c.is_control()) {
                            out.push(key(KeyCode::Char(c), KeyModifiers::NONE));
                        }
                    }
                    // Not complete yet; or never valid: dropped.
                    Err(e) if e.error_len().is_none() && self.partial.len() < 4 => {}
                    Err(_) => self.partial.clear(),
                }
            }
        }
    }

    fn after_esc(&mut self, b: u8, out: &mut Vec<Input>) {
        let string = |kind| State::Str {
            kind,
            kept: Vec::new(),
            esc: false,
        };
        if matches!(b, b']' | b'P' | b'_' | b'^' | b'X') {
            self.string_since = self.now.or_else(|| Some(Instant::now()));
        }
        self.state = match b {
            b'[' => State::Csi(Some(Vec::new())),
            b'O' => State::Ss3,
            b']' => string(StringKind::Osc),
            b'P' => string(StringKind::Dcs),
            b'_' => string(StringKind::Apc),
            b'^' => string(StringKind::Pm),
            b'X' => string(StringKind::Sos),
            // Esc pressed twice: the first is a key, the second may start
            // a sequence.
            0x1b => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                State::Esc
            }
            0x00..=0x1f | 0x7f => {
                out.extend(control_key(b, KeyModifiers::ALT));
                State::Ground
            }
            0x20..=0x7e => {
                out.push(key(KeyCode::Char(b as char), KeyModifiers::ALT));
                State::Ground
            }
            // ESC then the start of a character: Esc, then the character.
            _ => {
                out.push(key(KeyCode::Esc, KeyModifiers::NONE));
                self.ground(b, out);
                return;
            }
        };
    }

    fn csi(&mut self, buf: Option<Vec<u8>>, b: u8, out: &mut Vec<Input>) {
        match b {
            // Parameters and intermediates.
            0x20..=0x3f => {
                self.state = State::Csi(buf.and_then(|mut v| {
                    v.push(b);
                    (v.len() <= MAX_CSI).then_some(v)
                }));
            }
            // The final byte.
            0x40..=0x7e => {
                if let Some(params) = buf {
                    self.csi_done(&params, b, out);
                }
            }
            // ESC cancels the sequence and starts another.
            0x1b => self.state = State::Esc,
            // CAN and SUB cancel it; other controls inside are ignored
            // (ECMA-48 executes them; as input they are noise).
            0x18 | 0x1a => {}
            _ => self.state = State::Csi(buf),
        }
    }

    fn csi_done(&mut self, params: &[u8], fin: u8, out: &mut Vec<Input>) {
        if params == b"200" && fin == b'~' {
            self.state = State::Paste {
                text: Vec::new(),
                over: 0,
                tail: Vec::new(),
            };
            return;
        }
        if params.first() == Some(&b'?') {
            if fin == b'c' {
                out.push(Input::DeviceAttributes);
            }
            return;
        }
        if params.first() == Some(&b'<') && (fin == b'M' || fin == b'm') {
            out.extend(mouse(&params[1..], fin == b'M').map(Input::Event));
            return;
        }
        // Anything else with a private marker or intermediates: not a key.
        if params
            .iter()
            .any(|&p| !(p.is_ascii_digit() || p == b';' || p == b':'))
        {
            return;
        }
        let nums: Vec<u16> = params
            .split(|&p| p == b';')
            .map(|n| {
                // A sub-parameter (`1:2`) keeps its first part.
                let n = n.split(|&p| p == b':').next().unwrap_or(n);
                std::str::from_utf8(n)
                    .ok()
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(0)
            })
            .collect();
        let mods = modifiers(nums.get(1).copied().unwrap_or(1));
        let code = match fin {
            b'A' => KeyCode::Up,
            b'B' => KeyCode::Down,
            b'C' => KeyCode::Right,
            b'D' => KeyCode::Left,
            b'H' => KeyCode::Home,
            b'F' => KeyCode::End,
            b'P' => KeyCode::F(1),
            b'Q' => KeyCode::F(2),
            b'S' => KeyCode::F(4),
            b'Z' => {
                out.push(key(KeyCode::BackTab, KeyModifiers::SHIFT));
                return;
            }
            // Focus in and out, a cursor report (`R`: never asked for, and
            // F3 in a few terminals; not a key copycat binds): dropped.
            b'I' | b'O' | b'R' => return,
            b'~' => match nums.first().copied().unwrap_or(0) {
                1 | 7 => KeyCode::Home,
                2 => KeyCode::Insert,
                3 => KeyCode::Delete,
                4 | 8 => KeyCode::End,
                5 => KeyCode::PageUp,
                6 => KeyCode::PageDown,
                n @ 11..=15 => KeyCode::F((n - 10) as u8),
                n @ 17..=21 => KeyCode::F((n - 11) as u8),
                n @ 23..=24 => KeyCode::F((n - 12) as u8),
                // A stray paste end, and anything unknown.
                _ => return,
            },
            _ => return,
        };
        out.push(key(code, mods));
    }

    fn string(
        &mut self,
        kind: StringKind,
        mut kept: Vec<u8>,
        esc: bool,
        b: u8,
        out: &mut Vec<Input>,
    ) {
        if esc {
            // ST (`ESC \`) ends it; ESC and anything else end it too and
            // start a sequence (ECMA-48: a string cannot hold ESC).
            out.push(Input::String(kind, kept));
            if b != b'\\' {
                self.after_esc(b, out);
            }
            return;
        }
        match b {
            0x07 if kind == StringKind::Osc => out.push(Input::String(kind, kept)),
            0x1b => {
                self.state = State::Str {
                    kind,
                    kept,
                    esc: true,
                }
            }
            // CAN and SUB abandon it.
            0x18 | 0x1a => {}
            _ => {
                if kept.len() < KEPT {
                    kept.push(b);
                }
                self.state = State::Str {
                    kind,
                    kept,
                    esc: false,
                };
            }
        }
    }
}

/// Whether the paste whose kept start is `text` and whose last bytes after
/// it are `tail` has just ended with [`PASTE_END`].
fn ends_paste(text: &[u8], tail: &[u8]) -> bool {
    let n = PASTE_END.len();
    if tail.is_empty() {
        return text.ends_with(PASTE_END);
    }
    let from_text = n.saturating_sub(tail.len());
    text.len() >= from_text
        && text[text.len() - from_text..] == PASTE_END[..from_text]
        && tail[tail.len().saturating_sub(n - from_text)..] == PASTE_END[from_text..]
}

/// A paste, as text (invalid UTF-8 replaced).
fn end_paste(bytes: Vec<u8>, out: &mut Vec<Input>) {
    let text = String::from_utf8_lossy(&bytes).into_owned();
    out.push(Input::Event(Event::Paste(text)));
}

/// A key press with `mods`.
fn key(code: KeyCode, mods: KeyModifiers) -> Input {
    Input::Event(Event::Key(KeyEvent {
        code,
        modifiers: mods,
        kind: KeyEventKind::Press,
        state: KeyEventState::NONE,
    }))
}

/// The key a C0 control byte (or DEL) is, as terminals send them.
fn control_key(b: u8, mods: KeyModifiers) -> Option<Input> {
    let (code, extra) = match b {
        b'\r' | b'\n' => (KeyCode::Enter, KeyModifiers::NONE),
        b'\t' => (KeyCode::Tab, KeyModifiers::NONE),
        0x7f | 0x08 => (KeyCode::Backspace, KeyModifiers::NONE),
        0x00 => (KeyCode::Char(' '), KeyModifiers::CONTROL),
        0x01..=0x1a => (KeyCode::Char((b - 1 + b'a') as char), KeyModifiers::CONTROL),
        0x1c..=0x1f => (
            KeyCode::Char((b - 0x1c + b'4') as char),
            KeyModifiers::CONTROL,
        ),
        _ => return None,
    };
    Some(key(code, mods | extra))
}

/// The key of `ESC O x` (application cursor mode, and F1–F4).
fn ss3_key(b: u8) -> Option<KeyCode> {
    Some(match b {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P' => KeyCode::F(1),
        b'Q' => KeyCode::F(2),
        b'R' => KeyCode::F(3),
        b'S' => KeyCode::F(4),
        b'M' => KeyCode::Enter,
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + (Shift 1, Alt 2, Ctrl 4).
fn modifiers(p: u16) -> KeyModifiers {
    let bits = p.saturating_sub(1);
    let mut m = KeyModifiers::NONE;
    if bits & 1 != 0 {
        m |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        m |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        m |= KeyModifiers::CONTROL;
    }
    m
}

/// An SGR mouse report (`ESC [ < b ; x ; y M` pressed, `m` released).
fn mouse(params: &[u8], pressed: bool) -> Option<Event> {
    let mut it = params.split(|&p| p == b';').map(|n| {
        std::str::from_utf8(n)
            .ok()
            .and_then(|s| s.parse::<u16>().ok())
    });
    let (cb, x, y) = (it.next()??, it.next()??, it.next()??);
    let mut modifiers = KeyModifiers::NONE;
    if cb & 4 != 0 {
        modifiers |= KeyModifiers::SHIFT;
    }
    if cb & 8 != 0 {
        modifiers |= KeyModifiers::ALT;
    }
    if cb & 16 != 0 {
        modifiers |= KeyModifiers::CONTROL;
    }
    let button = match cb & 0b11 {
        0 => MouseButton::Left,
        1 => MouseButton::Middle,
        _ => MouseButton::Right,
    };
    let kind = if cb & 64 != 0 {
        match cb & 0b11 {
            0 => MouseEventKind::ScrollUp,
            1 => MouseEventKind::ScrollDown,
            2 => MouseEventKind::ScrollLeft,
            _ => MouseEventKind::ScrollRight,
        }
    } else if cb & 32 != 0 {
        if cb & 0b11 == 3 {
            MouseEventKind::Moved
        } else {
            MouseEventKind::Drag(button)
        }
    } else if pressed {
        MouseEventKind::Down(button)
    } else {
        MouseEventKind::Up(button)
    };
    Some(Event::Mouse(MouseEvent {
        kind,
        column: x.saturating_sub(1),
        row: y.saturating_sub(1),
        modifiers,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn decode(bytes: &[u8]) -> Vec<Input> {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.feed(bytes, &mut out);
        d.idle(&mut out);
        out
    }

    fn k(c: char) -> Input {
        key(KeyCode::Char(c), KeyModifiers::NONE)
    }

    fn keys(bytes: &[u8]) -> Vec<Input> {
        decode(bytes)
            .into_iter()
            .filter(|i| matches!(i, Input::Event(Event::Key(_))))
            .collect()
    }

    #[test]
    fn plain_keys_controls_and_utf8() {
        assert_eq!(decode(b"q"), [k('q')]);
        assert_eq!(
            decode("é漢".as_bytes()),
            [k('é'), k('漢')],
            "multi-byte characters"
        );
        assert_eq!(decode(b"\r"), [key(KeyCode::Enter, KeyModifiers::NONE)]);
        assert_eq!(
            decode(b"\x03"),
            [key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
        assert_eq!(
            decode(b"\x7f"),
            [key(KeyCode::Backspace, KeyModifiers::NONE)]
        );
        assert_eq!(decode(b"\x1b"), [key(KeyCode::Esc, KeyModifiers::NONE)]);
        assert_eq!(
            decode(b"\x1bn"),
            [key(KeyCode::Char('n'), KeyModifiers::ALT)]
        );
    }

    #[test]
    fn a_character_cut_by_a_read_is_joined() {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        let bytes = "漢".as_bytes();
        d.feed(&bytes[..1], &mut out);
        assert!(out.is_empty() && d.patience().is_some());
        d.feed(&bytes[1..], &mut out);
        assert_eq!(out, [k('漢')]);
        assert!(d.patience().is_none());
    }

    #[test]
    fn cursor_and_editing_keys_with_modifiers() {
        let up = key(KeyCode::Up, KeyModifiers::NONE);
        assert_eq!(decode(b"\x1b[A"), std::slice::from_ref(&up));
        assert_eq!(decode(b"\x1bOA"), [up]);
        assert_eq!(
            decode(b"\x1b[1;5C"),
            [key(KeyCode::Right, KeyModifiers::CONTROL)]
        );
        assert_eq!(
            decode(b"\x1b[5~"),
            [key(KeyCode::PageUp, KeyModifiers::NONE)]
        );
        assert_eq!(
            decode(b"\x1b[6~"),
            [key(KeyCode::PageDown, KeyModifiers::NONE)]
        );
        assert_eq!(decode(b"\x1b[H"), [key(KeyCode::Home, KeyModifiers::NONE)]);
        assert_eq!(decode(b"\x1b[4~"), [key(KeyCode::End, KeyModifiers::NONE)]);
        assert_eq!(
            decode(b"\x1b[Z"),
            [key(KeyCode::BackTab, KeyModifiers::SHIFT)]
        );
        assert_eq!(
            decode(b"\x1b[15~"),
            [key(KeyCode::F(5), KeyModifiers::NONE)]
        );
        assert_eq!(decode(b"\x1bOP"), [key(KeyCode::F(1), KeyModifiers::NONE)]);
    }

    #[test]
    fn sgr_mouse_reports() {
        let ev = |kind, column, row| {
            Input::Event(Event::Mouse(MouseEvent {
                kind,
                column,
                row,
                modifiers: KeyModifiers::NONE,
            }))
        };
        assert_eq!(
            decode(b"\x1b[<0;10;5M"),
            [ev(MouseEventKind::Down(MouseButton::Left), 9, 4)]
        );
        assert_eq!(
            decode(b"\x1b[<0;10;5m"),
            [ev(MouseEventKind::Up(MouseButton::Left), 9, 4)]
        );
        assert_eq!(
            decode(b"\x1b[<65;1;1M"),
            [ev(MouseEventKind::ScrollDown, 0, 0)]
        );
        assert_eq!(
            decode(b"\x1b[<32;3;4M"),
            [ev(MouseEventKind::Drag(MouseButton::Left), 2, 3)]
        );
    }

    /// Issue 25, item 4: a stray `ESC [ 2 0 0 ~` (a paste start without its
    /// end) made every later key part of a paste, so q, Esc and Ctrl-C did
    /// nothing. A paste now ends when input pauses: the keys typed after
    /// the pause are keys.
    #[test]
    fn a_paste_start_without_its_end_ends_when_input_pauses() {
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.feed(b"\x1b[200~some log text", &mut out);
        assert!(out.is_empty() && d.patience().is_some());
        d.idle(&mut out);
        assert_eq!(out, [Input::Event(Event::Paste("some log text".into()))]);
        out.clear();
        d.feed(b"q\x03", &mut out);
        assert_eq!(
            out,
            [k('q'), key(KeyCode::Char('c'), KeyModifiers::CONTROL)]
        );
    }

    #[test]
    fn a_bracketed_paste_is_one_event_whatever_it_holds() {
        assert_eq!(
            decode(b"\x1b[200~q\x1b[A\x03\r\xc3\xa9\x1b[201~n"),
            [Input::Event(Event::Paste("q\x1b[A\x03\ré".into())), k('n')]
        );
        // A stray end is nothing.
        assert_eq!(decode(b"\x1b[201~q"), [k('q')]);
    }

    #[test]
    fn a_huge_paste_keeps_its_start_and_still_sees_its_end() {
        let mut bytes = b"\x1b[200~".to_vec();
        bytes.extend(std::iter::repeat_n(b'x', MAX_PASTE + 5000));
        bytes.extend_from_slice(b"\x1b[201~q");
        let out = decode(&bytes);
        assert_eq!(out.len(), 2);
        let Input::Event(Event::Paste(p)) = &out[0] else {
            panic!("{:?}", out[0])
        };
        assert_eq!(p.len(), MAX_PASTE);
        assert_eq!(out[1], k('q'));
    }

    /// Issue 25, item 8: replies to copycat's questions are never keys,
    /// whatever their size or shape.
    #[test]
    fn replies_are_never_keys() {
        // A colour reply, ended by BEL or ST.
        assert_eq!(
            decode(b"\x1b]11;rgb:ffff/ffff/ffff\x07n"),
            [
                Input::String(StringKind::Osc, b"11;rgb:ffff/ffff/ffff".to_vec()),
                k('n')
            ]
        );
        assert_eq!(
            decode(b"\x1b]11;rgb:1e/1e/1e\x1b\\n"),
            [
                Input::String(StringKind::Osc, b"11;rgb:1e/1e/1e".to_vec()),
                k('n')
            ]
        );
        // An oversized reply full of q: one reply, its start kept, no key.
        let mut flood = b"\x1b]11;".to_vec();
        flood.extend(std::iter::repeat_n(b'q', 1 << 20));
        flood.push(0x07);
        let out = decode(&flood);
        assert_eq!(out.len(), 1);
        assert!(matches!(&out[0], Input::String(StringKind::Osc, kept) if kept.len() == KEPT));
        // A malformed reply that never ends: dropped when input pauses.
        assert!(keys(b"\x1b]11;rgb:ff/q/q/q/q").is_empty());
        // Device attributes, DCS, APC.
        assert_eq!(decode(b"\x1b[?62;22c"), [Input::DeviceAttributes]);
        assert!(keys(b"\x1bP1$r0m\x1b\\\x1b_APC q\x1b\\").is_empty());
        // An overlong CSI sequence is dropped whole.
        let mut long = b"\x1b[".to_vec();
        long.extend(std::iter::repeat_n(b'1', 10_000));
        long.push(b'A');
        assert!(decode(&long).is_empty());
    }

    /// A malformed reply (no end) does not swallow keys for longer than
    /// [`IDLE_STRING`] from its start, however fast keys come after it.
    #[test]
    fn a_reply_that_never_ends_is_dropped_a_second_after_it_began() {
        let t0 = Instant::now();
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.feed_at(b"\x1b]11;rgb:qq/q", t0, &mut out);
        // Keys typed into it, every 300 ms: never a pause of a second.
        for i in 1..=3 {
            d.feed_at(b"q", t0 + Duration::from_millis(300 * i), &mut out);
        }
        assert!(out.is_empty(), "{out:?}");
        d.feed_at(b"n", t0 + IDLE_STRING, &mut out);
        assert_eq!(out, [k('n')]);
    }

    /// A flood that streams for longer than a second is still one reply:
    /// none of its bytes become keys.
    #[test]
    fn a_reply_streaming_for_seconds_is_still_one_reply() {
        let t0 = Instant::now();
        let mut d = Decoder::new();
        let mut out = Vec::new();
        d.feed_at(b"\x1b]11;", t0, &mut out);
        for i in 1..=10 {
            d.feed_at(&[b'q'; 4096], t0 + Duration::from_millis(500 * i), &mut out);
        }
        d.feed_at(b"\x07n", t0 + Duration::from_secs(6), &mut out);
        assert_eq!(out.len(), 2, "{:?}", &out[..out.len().min(3)]);
        assert_eq!(out[1], k('n'));
    }

    /// A reply split across reads (or across the background question's
    /// deadline) is still one reply.
    #[test]
    fn a_reply_split_across_reads_is_one_reply() {
        let reply = b"\x1b]11;rgb:ffff/ffff/ffff\x07/n";
        for cut in 1..reply.len() {
            let mut d = Decoder::new();
            let mut out = Vec::new();
            d.feed(&reply[..cut], &mut out);
            d.feed(&reply[cut..], &mut out);
            d.idle(&mut out);
            assert_eq!(out.len(), 3, "cut at {cut}: {out:?}");
            assert_eq!(out[1..], [k('/'), k('n')], "cut at {cut}");
        }
    }

    proptest! {
        /// Whatever the bytes, the decoder ends in its ground state after
        /// a pause, and what it keeps is bounded by what it was given.
        #[test]
        fn any_bytes_decode_and_end(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
            let mut d = Decoder::new();
            let mut out = Vec::new();
            d.feed(&bytes, &mut out);
            d.idle(&mut out);
            prop_assert!(d.patience().is_none());
            prop_assert!(out.len() <= bytes.len());
            // After the pause, a key is a key.
            out.clear();
            d.feed(b"q", &mut out);
            prop_assert_eq!(out, vec![k('q')]);
        }

        /// Text without ESC or controls is its characters, one key each,
        /// however the reads cut it.
        #[test]
        fn text_is_keys_however_cut(s in "[a-zA-Z0-9 éü漢字]{0,40}", cut in 0usize..200) {
            let bytes = s.as_bytes();
            let cut = cut.min(bytes.len());
            let mut d = Decoder::new();
            let mut out = Vec::new();
            d.feed(&bytes[..cut], &mut out);
            d.feed(&bytes[cut..], &mut out);
            let want: Vec<Input> = s.chars().map(k).collect();
            prop_assert_eq!(out, want);
        }
    }
}
