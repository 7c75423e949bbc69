//! The vocabulary a reader sees: what each mark means, what it is called, the
//! letter it puts in a gutter and how it looks.
//!
//! The reader, the ANSI text report and the HTML report all draw from this one
//! table, so a colour means the same thing wherever copycat shows it. Nothing
//! here knows about a terminal library: a [`Look`] is a hue from the
//! terminal's own sixteen colours plus text attributes, which `view::style`
//! turns into ratatui styles, [`Look::sgr`] into escape codes and
//! [`css`] into a style sheet.

use std::fmt::Write as _;

/// One of the terminal's named colours. Named colours rather than fixed RGB:
/// light and dark terminal themes remap them to something readable on their
/// own background.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Hue {
    /// ANSI red (31).
    Red,
    /// ANSI green (32).
    Green,
    /// ANSI yellow (33).
    Yellow,
    /// ANSI blue (34).
    Blue,
    /// ANSI magenta (35).
    Magenta,
    /// ANSI cyan (36).
    Cyan,
}

impl Hue {
    /// The SGR foreground code.
    pub const fn sgr(self) -> u8 {
        match self {
            Hue::Red => 31,
            Hue::Green => 32,
            Hue::Yellow => 33,
            Hue::Blue => 34,
            Hue::Magenta => 35,
            Hue::Cyan => 36,
        }
    }

    /// CSS colours for text of this hue: on a light page, on a dark page.
    /// Chosen for a contrast of at least 4.5:1 against the page (WCAG AA).
    pub const fn css_text(self) -> (&'static str, &'static str) {
        match self {
            Hue::Red => ("#b3261e", "#ff8a80"),
            Hue::Green => ("#1b6e20", "#8be28f"),
            Hue::Yellow => ("#8a5a00", "#ffd54f"),
            Hue::Blue => ("#1a56b0", "#8ab4f8"),
            Hue::Magenta => ("#8e24aa", "#e1a6f0"),
            Hue::Cyan => ("#00697a", "#7fdcec"),
        }
    }

    /// CSS background tints for a passage of this hue: light page, dark page.
    pub const fn css_tint(self) -> (&'static str, &'static str) {
        match self {
            Hue::Red => ("#fde7e7", "#4a1c1c"),
            Hue::Green => ("#e3f4e1", "#1b3d1f"),
            Hue::Yellow => ("#fff4c2", "#4a3f10"),
            Hue::Blue => ("#e1ecfb", "#1a2c4d"),
            Hue::Magenta => ("#f6e3f8", "#3d1a44"),
            Hue::Cyan => ("#dcf3f6", "#133b42"),
        }
    }
}

/// How a mark looks: a hue (none without colour) and text attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Look {
    /// Foreground colour.
    pub hue: Option<Hue>,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Dim (faint).
    pub dim: bool,
}

impl Look {
    const PLAIN: Look = Look {
        hue: None,
        bold: false,
        italic: false,
        underline: false,
        dim: false,
    };

    const fn hue(h: Hue) -> Look {
        Look {
            hue: Some(h),
            ..Look::PLAIN
        }
    }

    /// The SGR escape sequence that starts this look (empty for plain text).
    pub fn sgr(self) -> String {
        let mut codes: Vec<u8> = Vec::new();
        if self.bold {
            codes.push(1);
        }
        if self.dim {
            codes.push(2);
        }
        if self.italic {
            codes.push(3);
        }
        if self.underline {
            codes.push(4);
        }
        if let Some(h) = self.hue {
            codes.push(h.sgr());
        }
        if codes.is_empty() {
            return String::new();
        }
        let mut s = String::from("\x1b[");
        for (i, c) in codes.iter().enumerate() {
            if i > 0 {
                s.push(';');
            }
            let _ = write!(s, "{c}");
        }
        s.push('m');
        s
    }
}

/// The SGR sequence that ends any [`Look`].
pub const SGR_RESET: &str = "\x1b[0m";

/// Everything copycat marks in a pair of articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    /// A linked passage whose wording B kept.
    Copied,
    /// A linked passage B says in other words.
    Reworded,
    /// Text of B found nowhere in A.
    New,
    /// Text of A that B left out.
    Dropped,
    /// Inside a link: a word of A that B changed or left out.
    Deleted,
    /// Inside a link: a word B put in.
    Inserted,
    /// A linked passage out of the other links' reading order.
    Moved,
}

impl Mark {
    /// Every mark, in the order legends list them.
    pub const ALL: [Mark; 7] = [
        Mark::Copied,
        Mark::Reworded,
        Mark::New,
        Mark::Dropped,
        Mark::Deleted,
        Mark::Inserted,
        Mark::Moved,
    ];

    /// The word for the mark, as reports, JSON and the status bar write it.
    pub const fn label(self) -> &'static str {
        match self {
            Mark::Copied => "copied",
            Mark::Reworded => "reworded",
            Mark::New => "new",
            Mark::Dropped => "dropped",
            Mark::Deleted => "deleted",
            Mark::Inserted => "inserted",
            Mark::Moved => "moved",
        }
    }

    /// What the mark means, for legends and help.
    pub const fn meaning(self) -> &'static str {
        match self {
            Mark::Copied => "B kept A's wording",
            Mark::Reworded => "B says it in other words",
            Mark::New => "in B only",
            Mark::Dropped => "in A only",
            Mark::Deleted => "a word of A that B changed",
            Mark::Inserted => "a word B put in its place",
            Mark::Moved => "out of the reading order",
        }
    }

    /// The letter in a gutter beside a passage of this mark; word marks and
    /// moves have none (a move is shown by an arrow beside its kind's letter).
    pub const fn letter(self) -> Option<&'static str> {
        match self {
            Mark::Copied => Some("C"),
            Mark::Reworded => Some("R"),
            Mark::New => Some("+"),
            Mark::Dropped => Some("-"),
            Mark::Deleted | Mark::Inserted | Mark::Moved => None,
        }
    }

    /// How the mark looks with colour, and without it (`NO_COLOR`), where
    /// attributes alone must keep every mark apart: copied bold, reworded
    /// italic, dropped dim, new plain (its gutter says `+`); a changed word
    /// is underlined, and bold on the side that inserted it; a moved phrase
    /// is bold italic.
    pub const fn look(self, color: bool) -> Look {
        if color {
            match self {
                Mark::Copied => Look::hue(Hue::Green),
                Mark::Reworded => Look::hue(Hue::Cyan),
                Mark::New => Look::hue(Hue::Magenta),
                Mark::Dropped => Look::hue(Hue::Red),
                Mark::Deleted => Look {
                    bold: true,
                    underline: true,
                    ..Look::hue(Hue::Red)
                },
                Mark::Inserted => Look {
                    bold: true,
                    underline: true,
                    ..Look::hue(Hue::Yellow)
                },
                Mark::Moved => Look::hue(Hue::Blue),
            }
        } else {
            match self {
                Mark::Copied => Look {
                    bold: true,
                    ..Look::PLAIN
                },
                Mark::Reworded => Look {
                    italic: true,
                    ..Look::PLAIN
                },
                Mark::New => Look::PLAIN,
                Mark::Dropped => Look {
                    dim: true,
                    ..Look::PLAIN
                },
                Mark::Deleted => Look {
                    underline: true,
                    ..Look::PLAIN
                },
                Mark::Inserted => Look {
                    underline: true,
                    bold: true,
                    ..Look::PLAIN
                },
                // Bold and italic: apart from copied (bold) and reworded
                // (italic) text around a moved phrase.
                Mark::Moved => Look {
                    bold: true,
                    italic: true,
                    ..Look::PLAIN
                },
            }
        }
    }
}

/// A share as a whole percentage: `0.456` → `46%`.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// CSS custom properties for every mark, light page first, then a dark one
/// under `prefers-color-scheme`: `--copied` (text colour) and `--copied-bg`
/// (passage tint), and so on for each mark with a hue.
pub fn css() -> String {
    let mut light = String::new();
    let mut dark = String::new();
    for m in Mark::ALL {
        let Some(h) = m.look(true).hue else { continue };
        let (tl, td) = h.css_text();
        let (bl, bd) = h.css_tint();
        let name = m.label();
        let _ = write!(light, " --{name}:{tl}; --{name}-bg:{bl};");
        let _ = write!(dark, " --{name}:{td}; --{name}-bg:{bd};");
    }
    format!(":root {{{light} }}\n@media (prefers-color-scheme: dark) {{ :root {{{dark} }} }}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_marks_have_distinct_hues_and_distinct_attributes() {
        let reading = [Mark::Copied, Mark::Reworded, Mark::New, Mark::Dropped];
        for (i, x) in reading.iter().enumerate() {
            for y in &reading[i + 1..] {
                assert_ne!(x.look(true).hue, y.look(true).hue, "{x:?} {y:?}");
                assert_ne!(x.look(false), y.look(false), "{x:?} {y:?}");
            }
        }
        for m in Mark::ALL {
            assert_eq!(m.look(false).hue, None);
        }
    }

    #[test]
    fn sgr_and_css_come_from_the_looks() {
        assert_eq!(Mark::Copied.look(true).sgr(), "\x1b[32m");
        assert_eq!(Mark::Inserted.look(true).sgr(), "\x1b[1;4;33m");
        assert_eq!(Mark::New.look(false).sgr(), "");
        let css = css();
        assert!(css.contains("--copied:#1b6e20;"));
        assert!(css.contains("--inserted-bg:"));
    }

    /// Relative luminance per WCAG 2.
    fn luminance(hex: &str) -> f64 {
        let v = u32::from_str_radix(&hex[1..], 16).unwrap();
        let ch = |s: u32| {
            let c = f64::from((v >> s) & 0xff) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(16) + 0.7152 * ch(8) + 0.0722 * ch(0)
    }

    fn contrast(x: &str, y: &str) -> f64 {
        let (a, b) = (luminance(x), luminance(y));
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    #[test]
    fn html_colours_are_readable_on_their_tints_in_light_and_dark() {
        for h in [
            Hue::Red,
            Hue::Green,
            Hue::Yellow,
            Hue::Blue,
            Hue::Magenta,
            Hue::Cyan,
        ] {
            let (tl, td) = h.css_text();
            let (bl, bd) = h.css_tint();
            assert!(contrast(tl, bl) >= 4.5, "{h:?} light {}", contrast(tl, bl));
            assert!(contrast(td, bd) >= 4.5, "{h:?} dark {}", contrast(td, bd));
            assert!(contrast(tl, "#ffffff") >= 4.5, "{h:?} on white");
            assert!(contrast(td, "#161617") >= 4.5, "{h:?} on black");
        }
    }
}
