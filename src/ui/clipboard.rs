//! `y`: the focused passage copied to the clipboard through OSC 52, the
//! escape sequence that asks the terminal itself to set its clipboard, so it
//! works over SSH and inside tmux (with `set-clipboard on`). The sequence is
//! written to the terminal beside the frame, never drawn into the buffer.

use crossterm::Command;
use crossterm::clipboard::CopyToClipboard;

use crate::align::Alignment;
use crate::article::{Article, Sentences, safe_line};
use crate::side::Side;
use crate::view::Unit;

/// Most bytes of text sent: terminals cap OSC 52 payloads (some at 100 KB
/// of base64), and a passage is far shorter.
pub const MAX_COPY: usize = 64 * 1024;

/// What an OSC 52 sequence for the clipboard starts with.
const START: &str = "\x1b]52;c;";
/// What it ends with: the string terminator.
const END: &str = "\x1b\\";

/// The OSC 52 sequence that puts `bytes` on the clipboard: crossterm's
/// `CopyToClipboard`, their base64 between [`START`] and [`END`].
fn sequence(bytes: &[u8]) -> String {
    let mut seq = String::new();
    CopyToClipboard::to_clipboard_from(bytes)
        .write_ansi(&mut seq)
        .expect("writing to a String cannot fail");
    seq
}

/// The OSC 52 sequence that puts `text` on the clipboard.
pub fn osc52(text: &str) -> Vec<u8> {
    sequence(text.as_bytes()).into_bytes()
}

/// The base64 the OSC 52 sequence carries for `bytes` (what a terminal
/// decodes), for the tests.
pub fn base64(bytes: &[u8]) -> String {
    let seq = sequence(bytes);
    let payload = seq.strip_prefix(START).and_then(|s| s.strip_suffix(END));
    payload.expect("an OSC 52 sequence").to_string()
}

/// `text` cut to at most `max` bytes at a character boundary; whether it was.
pub fn cut(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (&text[..end], true)
}

/// What `y` sends to the terminal for `unit` of the pair `a`, `b`: the
/// OSC 52 sequence, and what the status bar says of it; `None` for text
/// that is no passage.
pub fn copy(a: &Article, b: &Article, al: &Alignment, unit: Unit) -> Option<(Vec<u8>, String)> {
    let text = passage(a, b, al, unit)?;
    let (text, cut) = cut(&text, MAX_COPY);
    let what = match unit {
        Unit::Link(i) => format!("link {}", i + 1),
        Unit::New(_) => "the new passage".into(),
        Unit::Dropped(_) => "the dropped passage".into(),
        Unit::Apart(_) => "the passage set apart".into(),
        Unit::Other => String::new(),
    };
    let note = if cut {
        format!("copied {what}, cut to 64 KB (OSC 52)")
    } else {
        format!("copied {what} to the clipboard (OSC 52)")
    };
    Some((osc52(text), note))
}

/// What `y` copies for a passage: each side it has, with its file name and
/// paragraph, then its text.
pub fn passage(a: &Article, b: &Article, al: &Alignment, unit: Unit) -> Option<String> {
    let sides: Vec<(Side, &Article, Sentences)> = match unit {
        Unit::Link(i) => {
            let l = al.links.get(i)?;
            vec![(Side::A, a, l.a), (Side::B, b, l.b)]
        }
        Unit::New(i) => vec![(Side::B, b, *al.b_unlinked.get(i)?)],
        Unit::Dropped(i) => vec![(Side::A, a, *al.a_unlinked.get(i)?)],
        Unit::Apart(i) => {
            let r = al.apart.get(i)?;
            vec![(Side::A, a, r.a), (Side::B, b, r.b)]
        }
        Unit::Other => return None,
    };
    let mut out = String::new();
    for (side, art, sents) in sides {
        if sents.is_empty() || sents.end > art.sentences.len() {
            return None;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        let (p, q) = (
            art.paragraph_number(sents.start),
            art.paragraph_number(sents.end - 1),
        );
        let paras = if p == q {
            format!("¶{p}")
        } else {
            format!("¶{p}–¶{q}")
        };
        out.push_str(&format!(
            "{} · {} · {paras}\n",
            side.letter(),
            safe_line(&art.path)
        ));
        out.push_str(art.text_at(art.sentences_bytes(sents)));
    }
    out.push('\n');
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_osc_52_with_the_text_in_base64() {
        assert_eq!(osc52("hi"), b"\x1b]52;c;aGk=\x1b\\");
        assert_eq!(base64("foobar".as_bytes()), "Zm9vYmFy");
        assert_eq!(base64(b"fo"), "Zm8=");
    }

    #[test]
    fn cut_keeps_whole_characters() {
        assert_eq!(cut("héllo", 2), ("h", true));
        assert_eq!(cut("héllo", 3), ("hé", true));
        assert_eq!(cut("hi", 3), ("hi", false));
    }

    #[test]
    fn a_link_is_copied_with_both_file_names() {
        let arts = crate::article::bundled();
        let al = crate::align::align(&arts[2], &arts[1]);
        let text = passage(&arts[2], &arts[1], &al, Unit::Link(0)).unwrap();
        assert!(
            text.starts_with(&format!("A · {} · ¶", arts[2].path)),
            "{text}"
        );
        assert!(
            text.contains(&format!("\n\nB · {} · ¶", arts[1].path)),
            "{text}"
        );
    }
}
