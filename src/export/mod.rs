//! The same Alignment as JSON, plain or ANSI text, and standalone HTML.

pub mod html;
pub mod json;
pub mod text;

use std::borrow::Cow;

use crate::article::decode::placeholder;

/// `s` with every character that could act on a terminal (controls, bidi
/// overrides) replaced by its visible placeholder. Article text is already
/// clean; this is for what is not article text — file names above all, which
/// may hold any byte but `/` and NUL.
pub fn safe(s: &str) -> Cow<'_, str> {
    let risky = |c: char| placeholder(c).is_some() || c == '\r' || c == '\t' || c == '\n';
    if !s.chars().any(risky) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\n' | '\r' | '\t' => ' ',
                _ => placeholder(c).unwrap_or(c),
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::safe;

    #[test]
    fn control_characters_in_names_become_visible() {
        assert_eq!(safe("plain.txt"), "plain.txt");
        assert_eq!(safe("a\u{1b}[2Jb\u{202e}.txt"), "a\u{241b}[2Jb\u{fffd}.txt");
        assert_eq!(safe("two\nlines"), "two lines");
    }
}
