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
//! readable. The replies are read through the session's one input decoder
//! ([`super::input`]), which knows a reply from a key by its grammar, not by
//! its timing: keys typed during the wait are kept for the app, and a reply
//! that comes after the wait (or is cut by it) is read by the input thread
//! as the rest of a reply, never as keys.

use std::fs::File;
use std::io::Write;
use std::time::{Duration, Instant};

use crossterm::event::Event;

use super::config::ThemeChoice;
use super::events::read_some;
use super::input::{Decoder, Input, StringKind};
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

/// The colour in the body of a terminal's answer to OSC 11 (what comes
/// between `ESC ]` and BEL or ST): `11;rgb:R/G/B`, each channel 1 to 4 hex
/// digits (`rgba:R/G/B/A` too).
pub fn parse_color(body: &[u8]) -> Option<Color> {
    let body = std::str::from_utf8(body.strip_prefix(b"11;")?).ok()?;
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

/// What the terminal said to the question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Answer {
    /// Its background colour, if it gave one.
    pub color: Option<Color>,
    /// Whether it answered the device attributes request: then it has said
    /// all it will say, and no late colour can follow.
    pub done: bool,
}

/// Ask the terminal (`tty`, in raw mode: the UI has taken it over) for its
/// background colour, waiting at most `timeout`, reading through `decoder`
/// (which the input thread then takes over). Keys typed during the wait are
/// returned, for the app.
pub fn query(tty: &File, decoder: &mut Decoder, timeout: Duration) -> (Answer, Vec<Event>) {
    let mut answer = Answer::default();
    let mut typed = Vec::new();
    if (&*tty)
        .write_all(b"\x1b]11;?\x07\x1b[c")
        .and_then(|()| (&*tty).flush())
        .is_err()
    {
        return (answer, typed);
    }
    let deadline = Instant::now() + timeout;
    let mut out = Vec::new();
    let mut buf = [0u8; 256];
    // The attributes' reply comes after the colour's: once it is in, the
    // terminal has said all it will.
    while !answer.done && Instant::now() < deadline {
        let left = deadline.saturating_duration_since(Instant::now());
        let wait = decoder.patience().map_or(left, |p| p.min(left));
        match read_some(tty, &mut buf, Some(wait)) {
            Ok(Some(n)) => decoder.feed(&buf[..n], &mut out),
            // Nothing for a while: a sequence cut short ends (unless the
            // deadline came first: then the input thread goes on with it).
            Ok(None) if Instant::now() < deadline => decoder.idle(&mut out),
            Ok(None) => {}
            Err(_) => break,
        }
        for input in out.drain(..) {
            match input {
                Input::String(StringKind::Osc, body) => {
                    answer.color = answer.color.or(parse_color(&body));
                }
                Input::DeviceAttributes => answer.done = true,
                Input::Event(ev) => typed.push(ev),
                Input::String(..) => {}
            }
        }
    }
    (answer, typed)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The colour of every reply shape, read through the decoder as the
    /// reader reads it.
    #[test]
    fn replies_parse_with_bel_or_st_and_any_digit_count() {
        let color = |bytes: &[u8]| {
            let mut d = Decoder::new();
            let mut out = Vec::new();
            d.feed(bytes, &mut out);
            d.idle(&mut out);
            out.iter().find_map(|i| match i {
                Input::String(StringKind::Osc, body) => parse_color(body),
                _ => None,
            })
        };
        let white = Some(Color::Rgb(255, 255, 255));
        assert_eq!(color(b"\x1b]11;rgb:ffff/ffff/ffff\x07"), white);
        assert_eq!(color(b"\x1b]11;rgb:ffff/ffff/ffff\x1b\\"), white);
        assert_eq!(color(b"\x1b]11;rgb:ff/ff/ff\x07"), white);
        assert_eq!(color(b"\x1b]11;rgb:f/f/f\x07"), white);
        assert_eq!(
            color(b"\x1b]11;rgb:1e1e/1e1e/1e1e\x07"),
            Some(Color::Rgb(0x1e, 0x1e, 0x1e))
        );
        assert_eq!(
            color(b"\x1b]11;rgba:0000/2b2b/3636/ffff\x07"),
            Some(Color::Rgb(0, 0x2b, 0x36))
        );
        // Among other bytes: keys before it, the attributes' reply after it.
        assert_eq!(
            color(b"xx\x1b]11;rgb:fdfd/f6f6/e3e3\x07\x1b[?62;22c"),
            Some(Color::Rgb(0xfd, 0xf6, 0xe3))
        );
        for bad in [
            &b""[..],
            b"\x1b]11;rgb:ffff/ffff\x07",
            b"\x1b]11;rgb:ffff/ffff/ffff",
            b"\x1b]11;rgb:fffff/0/0\x07",
            b"\x1b]11;cmy:1/2/3\x07",
            b"\x1b]11;rgb:gg/00/00\x07",
            b"\x1b]10;rgb:ff/ff/ff\x07",
        ] {
            assert_eq!(color(bad), None, "{bad:?}");
        }
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
