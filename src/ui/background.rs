//! Which palette to draw with: the terminal's background colour, asked for
//! before the UI starts (OSC 11), or what `--theme` and the config file say.
//!
//! The question is `ESC ] 11 ; ? BEL`; a terminal that knows answers
//! `ESC ] 11 ; rgb:RRRR/GGGG/BBBB` ended by BEL or ST. Right behind it goes
//! the Primary Device Attributes request (`ESC [ c`), which every terminal
//! answers, and answers in order: once its reply is in, no answer to the
//! first question is coming, so a terminal that does not know OSC 11 costs
//! no wait. A terminal that answers neither costs the timeout (100 ms), and
//! copycat keeps the terminal's own named colours, which its theme makes
//! readable. The replies are read here, before the input thread starts, so
//! they never reach the keymap as keys; one that comes after the wait is
//! dropped by the input thread ([`LateReply`]).

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::fd::AsFd;
use std::time::{Duration, Instant};

use super::config::ThemeChoice;
use crate::marks::{Background, Color};

/// How long to wait for the terminal's answers.
pub const TIMEOUT: Duration = Duration::from_millis(100);

/// The background to draw for: forced by `--theme` (or the config file), or
/// with `auto` what the terminal said (`reply`, if it answered). Without
/// colour the question is not even asked: attributes look the same on any
/// background.
pub fn decide(choice: ThemeChoice, color: bool, reply: Option<Color>) -> Background {
    match choice {
        _ if !color => Background::Unknown,
        ThemeChoice::Light => Background::Light,
        ThemeChoice::Dark => Background::Dark,
        ThemeChoice::Auto => reply.map_or(Background::Unknown, Background::of),
    }
}

/// Whether the background must be asked for.
pub fn wanted(choice: ThemeChoice, color: bool) -> bool {
    color && choice == ThemeChoice::Auto
}

/// The colour in a terminal's answer to OSC 11, wherever it is in `bytes`:
/// `ESC ] 11 ; rgb:R/G/B` (each 1 to 4 hex digits; `rgba:R/G/B/A` too)
/// ended by BEL or ST (`ESC \`).
pub fn parse_reply(bytes: &[u8]) -> Option<Color> {
    const START: &[u8] = b"\x1b]11;";
    let at = bytes.windows(START.len()).position(|w| w == START)? + START.len();
    let rest = &bytes[at..];
    let end = rest.iter().position(|&b| b == 0x07 || b == 0x1b)?;
    // An ESC must start ST (`ESC \`); BEL ends it alone.
    if rest[end] == 0x1b && rest.get(end + 1) != Some(&b'\\') {
        return None;
    }
    let body = std::str::from_utf8(&rest[..end]).ok()?;
    let (space, values) = body.split_once(':')?;
    let parts: Vec<&str> = values.split('/').collect();
    let n = match space {
        "rgb" => 3,
        "rgba" => 4,
        _ => return None,
    };
    if parts.len() != n {
        return None;
    }
    let channel = |s: &str| -> Option<u8> {
        if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let v = u32::from_str_radix(s, 16).ok()?;
        let max = (1u32 << (4 * s.len())) - 1;
        // Scaled to 8 bits, rounded.
        Some(((v * 255 + max / 2) / max) as u8)
    };
    Some(Color::Rgb(
        channel(parts[0])?,
        channel(parts[1])?,
        channel(parts[2])?,
    ))
}

/// Whether `bytes` hold a reply to Primary Device Attributes (`ESC [ ? … c`).
fn has_device_attributes(bytes: &[u8]) -> bool {
    bytes.windows(3).enumerate().any(|(i, w)| {
        w == b"\x1b[?"
            && bytes[i + 3..]
                .iter()
                .find(|b| !(b.is_ascii_digit() || **b == b';'))
                .is_some_and(|&b| b == b'c')
    })
}

/// What the terminal said to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    /// Its background colour, if it gave one.
    pub color: Option<Color>,
    /// Whether it answered the device attributes request: then it has said
    /// all it will say, and no late colour can follow.
    pub done: bool,
}

impl Answer {
    /// Whether a colour answer may still arrive after the wait: neither the
    /// colour nor the attributes came in time (a slow link).
    pub fn may_come_late(self) -> bool {
        self.color.is_none() && !self.done
    }
}

/// Ask the terminal (`/dev/tty`, in raw mode: the UI has taken it over) for
/// its background colour, waiting at most `timeout`. Keys typed during the
/// wait are read here too, and dropped: at most `timeout` of typing, before
/// the first frame.
pub fn query(timeout: Duration) -> Answer {
    let Ok(mut tty) = OpenOptions::new().read(true).write(true).open("/dev/tty") else {
        return Answer::default();
    };
    if tty
        .write_all(b"\x1b]11;?\x07\x1b[c")
        .and_then(|()| tty.flush())
        .is_err()
    {
        return Answer::default();
    }
    let deadline = Instant::now() + timeout;
    let mut got: Vec<u8> = Vec::new();
    let mut buf = [0u8; 256];
    // After the colour, a moment more for the attributes' reply, so that it
    // too is read here rather than by the input thread.
    let mut grace: Option<Instant> = None;
    loop {
        if has_device_attributes(&got) {
            break;
        }
        if grace.is_none() && parse_reply(&got).is_some() {
            grace = Some(Instant::now() + Duration::from_millis(20));
        }
        let until = grace.map_or(deadline, |g| g.min(deadline));
        let left = until.saturating_duration_since(Instant::now());
        if left.is_zero() {
            break;
        }
        let fd = tty.as_fd();
        let mut fds = [rustix::event::PollFd::new(
            &fd,
            rustix::event::PollFlags::IN,
        )];
        let ts = rustix::event::Timespec {
            tv_sec: left.as_secs().try_into().unwrap_or(i64::MAX),
            tv_nsec: left.subsec_nanos().into(),
        };
        match rustix::event::poll(&mut fds, Some(&ts)) {
            Ok(0) => break,
            Ok(_) => match tty.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => got.extend_from_slice(&buf[..n]),
            },
            Err(rustix::io::Errno::INTR) => {}
            Err(_) => break,
        }
        // A terminal that sends a flood instead of an answer is not asked on.
        if got.len() > 4096 {
            break;
        }
    }
    Answer {
        color: parse_reply(&got),
        done: has_device_attributes(&got),
    }
}

/// How long to wait (tests that answer slowly, on a loaded machine, set
/// `COPYCAT_TEST_OSC11_WAIT_MS` in debug builds: no test depends on 100 ms).
pub fn timeout() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("COPYCAT_TEST_OSC11_WAIT_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        return Duration::from_millis(ms);
    }
    TIMEOUT
}

/// The keys a late answer becomes. A terminal that answers after the wait
/// (over a slow link) has its answer read by the input thread, where
/// crossterm turns `ESC ] 11 ; rgb:…/…/… BEL` into keys: Alt-], then `1`,
/// `1`, `;`, `r`, `g`, `b`, … `/` …, then Ctrl-G (or Alt-\ for ST). Taken as
/// keys they would jump, scroll and open the search with `ffff` typed; this
/// drops them, once, after a question that got no answer in time.
/// It watches only until the first key that is not an answer's: a late
/// answer comes before a person reacts to the first frame, and from the
/// user's first key on, Alt-] and what follows are theirs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LateReply {
    /// A question is out unanswered: its answer may still come.
    armed: bool,
    /// Inside an answer: keys dropped since Alt-].
    inside: Option<usize>,
}

/// Keys an answer holds at most between Alt-] and its end
/// (`11;rgba:ffff/ffff/ffff/ffff` is 27).
const LATE_REPLY_KEYS: usize = 40;

impl LateReply {
    /// Watch for an answer when a question went out without one.
    pub fn new(unanswered: bool) -> LateReply {
        LateReply {
            armed: unanswered,
            inside: None,
        }
    }

    /// Whether `ev` is part of a late answer (and must not be acted on).
    pub fn swallows(&mut self, ev: &crossterm::event::Event) -> bool {
        use crossterm::event::{Event, KeyCode, KeyModifiers};
        let Event::Key(k) = ev else {
            return false;
        };
        if !self.armed {
            return false;
        }
        let alt = k.modifiers.contains(KeyModifiers::ALT);
        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
        let Some(n) = self.inside else {
            if alt && k.code == KeyCode::Char(']') {
                self.inside = Some(0);
                return true;
            }
            // The user's first key: no answer is watched for any more.
            *self = LateReply::default();
            return false;
        };
        // BEL arrives as Ctrl-G, ST (ESC \) as Alt-\: the answer is over,
        // and no other is coming.
        if (ctrl && k.code == KeyCode::Char('g')) || (alt && k.code == KeyCode::Char('\\')) {
            *self = LateReply::default();
            return true;
        }
        let body = !alt
            && !ctrl
            && matches!(k.code, KeyCode::Char(c) if c.is_ascii_hexdigit() || ":;/rgba".contains(c));
        if body && n < LATE_REPLY_KEYS {
            self.inside = Some(n + 1);
            true
        } else {
            // Not an answer after all: this key is the user's.
            *self = LateReply::default();
            false
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The keys crossterm makes of `bytes` (as the input thread reads them).
    fn keys(s: &str) -> Vec<crossterm::event::Event> {
        use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
        let mut out = Vec::new();
        let mut chars = s.chars().peekable();
        while let Some(c) = chars.next() {
            let k = match c {
                '\x1b' => {
                    let next = chars.next().expect("ESC then a key");
                    KeyEvent::new(KeyCode::Char(next), KeyModifiers::ALT)
                }
                '\x07' => KeyEvent::new(KeyCode::Char('g'), KeyModifiers::CONTROL),
                c => KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE),
            };
            out.push(Event::Key(k));
        }
        out
    }

    /// Regression: a terminal that answered the attributes request but not
    /// OSC 11 (it does not know it) left the late-answer filter on for the
    /// whole session, dropping a quick Esc `]` and the keys after it.
    #[test]
    fn a_terminal_that_answered_the_attributes_has_nothing_to_come() {
        let no_osc11 = Answer {
            color: None,
            done: true,
        };
        assert!(!no_osc11.may_come_late());
        let mut late = LateReply::new(no_osc11.may_come_late());
        assert!(keys("\x1b]11;rgb").iter().all(|k| !late.swallows(k)));
        // Neither answer in time: the colour may still come.
        assert!(Answer::default().may_come_late());
        let coloured = Answer {
            color: Some(Color::Rgb(0, 0, 0)),
            done: false,
        };
        assert!(!coloured.may_come_late());
    }

    /// The filter watches for a late answer only until the user's first
    /// key: after it, Alt-] and what follows are keys.
    #[test]
    fn the_users_first_key_ends_the_watch() {
        let mut late = LateReply::new(true);
        assert!(!late.swallows(&keys("n")[0]));
        assert!(keys("\x1b]11;rgb").iter().all(|k| !late.swallows(k)));
        assert_eq!(late, LateReply::default());
    }

    /// Regression: a terminal answering after the wait had its answer
    /// taken for keys (`r` jumped, `/` opened the search, `ffff` typed).
    #[test]
    fn a_late_answer_is_dropped_and_the_keys_after_it_are_kept() {
        for answer in [
            "\x1b]11;rgb:ffff/ffff/ffff\x07",
            "\x1b]11;rgb:1e/1e/1e\x1b\\",
        ] {
            let mut late = LateReply::new(true);
            let typed = format!("{answer}nq");
            let kept: Vec<_> = keys(&typed)
                .into_iter()
                .filter(|k| !late.swallows(k))
                .collect();
            assert_eq!(kept, keys("nq"), "{answer:?}");
            // Once: a second one is the user's keys.
            assert!(!late.swallows(&keys("\x1b]")[0]));
        }
        // Nothing asked, or answered in time: every key counts.
        let mut late = LateReply::new(false);
        assert!(keys("\x1b]11;rgb").iter().all(|k| !late.swallows(k)));
        // Alt-] then a key no answer holds: that key is the user's.
        let mut late = LateReply::new(true);
        let ev = keys("\x1b]11q");
        let kept: Vec<bool> = ev.iter().map(|k| late.swallows(k)).collect();
        assert_eq!(kept, [true, true, true, false]);
    }

    #[test]
    fn replies_parse_with_bel_or_st_and_any_digit_count() {
        let white = Some(Color::Rgb(255, 255, 255));
        assert_eq!(parse_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x07"), white);
        assert_eq!(parse_reply(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), white);
        assert_eq!(parse_reply(b"\x1b]11;rgb:ff/ff/ff\x07"), white);
        assert_eq!(parse_reply(b"\x1b]11;rgb:f/f/f\x07"), white);
        assert_eq!(
            parse_reply(b"\x1b]11;rgb:1e1e/1e1e/1e1e\x07"),
            Some(Color::Rgb(0x1e, 0x1e, 0x1e))
        );
        assert_eq!(
            parse_reply(b"\x1b]11;rgba:0000/2b2b/3636/ffff\x07"),
            Some(Color::Rgb(0, 0x2b, 0x36))
        );
        // Among other bytes: the attributes' reply after it.
        assert_eq!(
            parse_reply(b"xx\x1b]11;rgb:fdfd/f6f6/e3e3\x07\x1b[?62;22c"),
            Some(Color::Rgb(0xfd, 0xf6, 0xe3))
        );
        for bad in [
            &b""[..],
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:ffff/ffff/ffff",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b]11;cmy:1/2/3\x07",
            b"\x1b]11;rgb:gg/00/00\x07",
            b"\x1b]11;rgb:ff/ff/ff\x1bX",
            b"\x1b]10;rgb:ff/ff/ff\x07",
        ] {
            assert_eq!(parse_reply(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_device_attributes_reply_is_recognized() {
        assert!(has_device_attributes(b"\x1b[?62;22c"));
        assert!(has_device_attributes(b"\x1b]11;rgb:0/0/0\x07\x1b[?1;2c"));
        assert!(!has_device_attributes(b"\x1b[?62;22"));
        assert!(!has_device_attributes(b"\x1b[?1u"));
    }

    #[test]
    fn the_palette_follows_the_answer_unless_forced_or_colourless() {
        let white = Some(Color::Rgb(255, 255, 255));
        let black = Some(Color::Rgb(0, 0, 0));
        use ThemeChoice::{Auto, Dark, Light};
        assert_eq!(decide(Auto, true, white), Background::Light);
        assert_eq!(decide(Auto, true, black), Background::Dark);
        assert_eq!(decide(Auto, true, None), Background::Unknown);
        assert_eq!(decide(Dark, true, white), Background::Dark);
        assert_eq!(decide(Light, true, None), Background::Light);
        assert_eq!(decide(Light, false, white), Background::Unknown);
        assert!(wanted(Auto, true));
        assert!(!wanted(Auto, false) && !wanted(Dark, true));
    }
}
