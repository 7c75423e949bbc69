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

/// A colour: one of the terminal's sixteen named colours, which light and
/// dark terminal themes remap to something readable on their own
/// background, or a fixed RGB colour (the light and dark palettes, chosen
/// when the terminal's background is known).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Color {
    /// ANSI black (30).
    Black,
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
    /// ANSI white (37), a light grey on most terminals.
    White,
    /// Bright black (90), a dark grey.
    BrightBlack,
    /// Bright red (91).
    BrightRed,
    /// Bright green (92).
    BrightGreen,
    /// Bright yellow (93).
    BrightYellow,
    /// Bright blue (94).
    BrightBlue,
    /// Bright magenta (95).
    BrightMagenta,
    /// Bright cyan (96).
    BrightCyan,
    /// Bright white (97).
    BrightWhite,
    /// A fixed colour.
    Rgb(u8, u8, u8),
}

impl Color {
    /// The sixteen named colours with the names a config file gives them.
    pub const NAMED: [(&'static str, Color); 16] = [
        ("black", Color::Black),
        ("red", Color::Red),
        ("green", Color::Green),
        ("yellow", Color::Yellow),
        ("blue", Color::Blue),
        ("magenta", Color::Magenta),
        ("cyan", Color::Cyan),
        ("white", Color::White),
        ("bright-black", Color::BrightBlack),
        ("bright-red", Color::BrightRed),
        ("bright-green", Color::BrightGreen),
        ("bright-yellow", Color::BrightYellow),
        ("bright-blue", Color::BrightBlue),
        ("bright-magenta", Color::BrightMagenta),
        ("bright-cyan", Color::BrightCyan),
        ("bright-white", Color::BrightWhite),
    ];

    /// A colour from a config file: one of the sixteen names, or `#rrggbb`.
    pub fn parse(s: &str) -> Option<Color> {
        if let Some(hex) = s.strip_prefix('#') {
            if hex.len() != 6 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                return None;
            }
            let v = u32::from_str_radix(hex, 16).ok()?;
            return Some(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        Self::NAMED
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s))
            .map(|(_, c)| *c)
    }

    /// How a config file writes the colour (what [`Color::parse`] reads).
    pub fn name(self) -> String {
        match self {
            Color::Rgb(r, g, b) => format!("#{r:02x}{g:02x}{b:02x}"),
            named => Self::NAMED
                .iter()
                .find(|(_, c)| *c == named)
                .map_or_else(String::new, |(n, _)| (*n).to_string()),
        }
    }

    /// The SGR parameters of this colour as a foreground (`bg`: background).
    fn sgr(self, bg: bool) -> String {
        let base = |i: u8| if bg { i + 10 } else { i };
        let named = |i: u8| base(30 + i).to_string();
        let bright = |i: u8| base(90 + i).to_string();
        match self {
            Color::Black => named(0),
            Color::Red => named(1),
            Color::Green => named(2),
            Color::Yellow => named(3),
            Color::Blue => named(4),
            Color::Magenta => named(5),
            Color::Cyan => named(6),
            Color::White => named(7),
            Color::BrightBlack => bright(0),
            Color::BrightRed => bright(1),
            Color::BrightGreen => bright(2),
            Color::BrightYellow => bright(3),
            Color::BrightBlue => bright(4),
            Color::BrightMagenta => bright(5),
            Color::BrightCyan => bright(6),
            Color::BrightWhite => bright(7),
            Color::Rgb(r, g, b) => format!("{};2;{r};{g};{b}", if bg { 48 } else { 38 }),
        }
    }

    /// The colour as CSS `#rrggbb`, when it is a fixed one.
    pub fn css(self) -> Option<String> {
        match self {
            Color::Rgb(..) => Some(self.name()),
            _ => None,
        }
    }

    /// Relative luminance per WCAG 2, for a fixed colour.
    pub fn luminance(self) -> Option<f64> {
        let Color::Rgb(r, g, b) = self else {
            return None;
        };
        let ch = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        Some(0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b))
    }
}

/// The WCAG 2 contrast ratio of two fixed colours (1 to 21); `None` for a
/// named colour, which the terminal decides.
pub fn contrast(x: Color, y: Color) -> Option<f64> {
    let (a, b) = (x.luminance()?, y.luminance()?);
    Some((a.max(b) + 0.05) / (a.min(b) + 0.05))
}

/// `#rrggbb` as a colour, for the tables below.
const fn rgb(v: u32) -> Color {
    Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8)
}

/// How a mark looks: colours (none without colour) and text attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Look {
    /// Foreground colour.
    pub fg: Option<Color>,
    /// Background colour.
    pub bg: Option<Color>,
    /// Bold.
    pub bold: bool,
    /// Italic.
    pub italic: bool,
    /// Underlined.
    pub underline: bool,
    /// Dim (faint).
    pub dim: bool,
    /// Reverse video.
    pub reverse: bool,
}

impl Look {
    /// No colour, no attribute.
    pub const PLAIN: Look = Look {
        fg: None,
        bg: None,
        bold: false,
        italic: false,
        underline: false,
        dim: false,
        reverse: false,
    };

    const fn fg(c: Color) -> Look {
        Look {
            fg: Some(c),
            ..Look::PLAIN
        }
    }

    /// A changed word: bold and underlined in `c`.
    const fn changed(c: Color) -> Look {
        Look {
            bold: true,
            underline: true,
            ..Look::fg(c)
        }
    }

    /// The same look without colours: its attributes only.
    pub const fn without_colour(self) -> Look {
        Look {
            fg: None,
            bg: None,
            ..self
        }
    }

    /// The attributes a config file can set, with their names, in order.
    pub fn attributes(&self) -> [(&'static str, bool); 5] {
        [
            ("bold", self.bold),
            ("italic", self.italic),
            ("underline", self.underline),
            ("dim", self.dim),
            ("reverse", self.reverse),
        ]
    }

    /// Set the attribute a config file names; false when there is none so named.
    pub fn set_attribute(&mut self, name: &str, on: bool) -> bool {
        let slot = match name {
            "bold" => &mut self.bold,
            "italic" => &mut self.italic,
            "underline" => &mut self.underline,
            "dim" => &mut self.dim,
            "reverse" => &mut self.reverse,
            _ => return false,
        };
        *slot = on;
        true
    }

    /// The SGR escape sequence that starts this look (empty for plain text).
    pub fn sgr(self) -> String {
        let mut codes: Vec<String> = Vec::new();
        for (on, code) in [
            (self.bold, "1"),
            (self.dim, "2"),
            (self.italic, "3"),
            (self.underline, "4"),
            (self.reverse, "7"),
        ] {
            if on {
                codes.push(code.into());
            }
        }
        if let Some(c) = self.fg {
            codes.push(c.sgr(false));
        }
        if let Some(c) = self.bg {
            codes.push(c.sgr(true));
        }
        if codes.is_empty() {
            return String::new();
        }
        format!("\x1b[{}m", codes.join(";"))
    }
}

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
    /// A changed quotation, number or name (see `drift`): the `⚑` beside
    /// it, and the changed number or name itself.
    Flagged,
}

/// How many marks there are.
pub const MARKS: usize = 8;

impl Mark {
    /// Every mark, in the order legends list them.
    pub const ALL: [Mark; MARKS] = [
        Mark::Copied,
        Mark::Reworded,
        Mark::New,
        Mark::Dropped,
        Mark::Deleted,
        Mark::Inserted,
        Mark::Moved,
        Mark::Flagged,
    ];

    /// The word for the mark, as reports, JSON, config files and the status
    /// bar write it.
    pub const fn label(self) -> &'static str {
        match self {
            Mark::Copied => "copied",
            Mark::Reworded => "reworded",
            Mark::New => "new",
            Mark::Dropped => "dropped",
            Mark::Deleted => "deleted",
            Mark::Inserted => "inserted",
            Mark::Moved => "moved",
            Mark::Flagged => "flagged",
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
            Mark::Flagged => "a changed quotation, number or name",
        }
    }

    /// The letter in a gutter beside a passage of this mark; word marks and
    /// moves have none (a move is shown by an arrow beside its kind's
    /// letter); a flag has its own column, [`FLAG`].
    pub const fn letter(self) -> Option<&'static str> {
        match self {
            Mark::Copied => Some("C"),
            Mark::Reworded => Some("R"),
            Mark::New => Some("+"),
            Mark::Dropped => Some("-"),
            Mark::Deleted | Mark::Inserted | Mark::Moved | Mark::Flagged => None,
        }
    }

    /// Index into per-mark tables.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// How the mark looks with colour (the terminal's named colours: the
    /// palette when its background is unknown), and without it
    /// (`NO_COLOR`), where attributes alone must keep every mark apart:
    /// copied bold, reworded italic, dropped dim, new plain (its gutter says
    /// `+`); a changed word is underlined, and bold on the side that
    /// inserted it; a moved phrase is bold italic; a flagged word is in
    /// reverse video (its gutter says `⚑`).
    pub const fn look(self, color: bool) -> Look {
        if color {
            self.look_on(Background::Unknown)
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
                Mark::Flagged => Look {
                    reverse: true,
                    ..Look::PLAIN
                },
            }
        }
    }

    /// The default look of the mark on a terminal of background `bg`: the
    /// named colours when it is unknown (the terminal's theme makes them
    /// readable), fixed colours chosen for contrast on a light or a dark
    /// one. The HTML report's light and dark colours are the same.
    pub const fn look_on(self, bg: Background) -> Look {
        // A flag is a highlighter's mark: dark text on amber, whatever the
        // background, and no hue any other mark uses.
        if let Mark::Flagged = self {
            return Look {
                bold: true,
                ..Look {
                    bg: Some(FLAG_AMBER),
                    ..Look::fg(FLAG_INK)
                }
            };
        }
        let c = match bg {
            Background::Unknown => match self {
                Mark::Copied => Color::Green,
                Mark::Reworded => Color::Cyan,
                Mark::New => Color::Magenta,
                Mark::Dropped | Mark::Deleted => Color::Red,
                Mark::Inserted => Color::Yellow,
                Mark::Moved | Mark::Flagged => Color::Blue,
            },
            Background::Light => match self {
                Mark::Copied => rgb(0x1b6e20),
                Mark::Reworded => rgb(0x00697a),
                Mark::New => rgb(0x8e24aa),
                Mark::Dropped | Mark::Deleted => rgb(0xb3261e),
                Mark::Inserted => rgb(0x8a5a00),
                Mark::Moved | Mark::Flagged => rgb(0x1a56b0),
            },
            Background::Dark => match self {
                Mark::Copied => rgb(0x8be28f),
                Mark::Reworded => rgb(0x7fdcec),
                Mark::New => rgb(0xe1a6f0),
                Mark::Dropped | Mark::Deleted => rgb(0xff8a80),
                Mark::Inserted => rgb(0xffd54f),
                Mark::Moved | Mark::Flagged => rgb(0x8ab4f8),
            },
        };
        match self {
            Mark::Deleted | Mark::Inserted => Look::changed(c),
            _ => Look::fg(c),
        }
    }

    /// The tint of a passage of this mark in the HTML report, on a light
    /// page or a dark one (the terminal tints nothing).
    pub const fn tint(self, bg: Background) -> Color {
        let dark = matches!(bg, Background::Dark);
        match self {
            Mark::Copied => rgb(if dark { 0x1b3d1f } else { 0xe3f4e1 }),
            Mark::Reworded => rgb(if dark { 0x133b42 } else { 0xdcf3f6 }),
            Mark::New => rgb(if dark { 0x3d1a44 } else { 0xf6e3f8 }),
            Mark::Dropped | Mark::Deleted => rgb(if dark { 0x4a1c1c } else { 0xfde7e7 }),
            Mark::Inserted => rgb(if dark { 0x4a3f10 } else { 0xfff4c2 }),
            Mark::Moved => rgb(if dark { 0x1a2c4d } else { 0xe1ecfb }),
            Mark::Flagged => FLAG_AMBER,
        }
    }
}

/// The gutter symbol of a flag (a changed quotation, number or name).
pub const FLAG: &str = "⚑";

/// The flag's highlight and the text on it.
const FLAG_AMBER: Color = rgb(0xffb74d);
const FLAG_INK: Color = rgb(0x000000);

/// What is known of the terminal's background, which decides the palette.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Background {
    /// Not known: the terminal's own named colours.
    Unknown,
    /// Light: fixed dark colours.
    Light,
    /// Dark: fixed light colours.
    Dark,
}

impl Background {
    /// All three, in the order a config file lists their palettes.
    pub const ALL: [Background; 3] = [Background::Unknown, Background::Light, Background::Dark];

    /// The palette's name in a config file.
    pub const fn name(self) -> &'static str {
        match self {
            Background::Unknown => "terminal",
            Background::Light => "light",
            Background::Dark => "dark",
        }
    }

    /// A typical background of this kind (the HTML report's page colours),
    /// for contrast checks; none when unknown.
    pub const fn typical(self) -> Option<Color> {
        match self {
            Background::Unknown => None,
            Background::Light => Some(rgb(0xffffff)),
            Background::Dark => Some(rgb(0x161617)),
        }
    }

    /// Light or dark, from the background colour a terminal reports: light
    /// when dark text has more contrast on it than light text (luminance
    /// above about 0.18, the point where black and white tie).
    pub fn of(c: Color) -> Background {
        match (contrast(c, rgb(0x000000)), contrast(c, rgb(0xffffff))) {
            (Some(on_black), Some(on_white)) if on_black > on_white => Background::Light,
            (Some(_), Some(_)) => Background::Dark,
            _ => Background::Unknown,
        }
    }
}

/// A look for every mark: what a config file can change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Palette {
    looks: [Look; MARKS],
}

impl Palette {
    /// The default palette for a background.
    pub fn default_for(bg: Background) -> Palette {
        Palette {
            looks: Mark::ALL.map(|m| m.look_on(bg)),
        }
    }

    /// No colour at all (`NO_COLOR`, `--color never`): attributes only.
    pub fn plain() -> Palette {
        Palette {
            looks: Mark::ALL.map(|m| m.look(false)),
        }
    }

    /// The look of a mark.
    pub fn look(&self, m: Mark) -> Look {
        self.looks[m.index()]
    }

    /// Change the look of a mark.
    pub fn set(&mut self, m: Mark, look: Look) {
        self.looks[m.index()] = look;
    }
}

/// The SGR sequence that ends any [`Look`].
pub const SGR_RESET: &str = "\x1b[0m";

/// A share as a whole percentage: `0.456` → `46%`.
pub fn pct(x: f64) -> String {
    format!("{:.0}%", x * 100.0)
}

/// `n` with its noun, singular for one: `1 word`, `2 words`, `0 links`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// CSS custom properties for every mark, light page first, then a dark one
/// under `prefers-color-scheme`: `--copied` (text colour) and `--copied-bg`
/// (passage tint), and so on for each mark; the text colours are those of
/// the reader's light and dark palettes.
pub fn css() -> String {
    let mut out = String::new();
    for bg in [Background::Light, Background::Dark] {
        let mut vars = String::new();
        for m in Mark::ALL {
            let look = m.look_on(bg);
            let name = m.label();
            if let Some(fg) = look.fg.and_then(Color::css) {
                let _ = write!(vars, " --{name}:{fg};");
            }
            if let Some(tint) = m.tint(bg).css() {
                let _ = write!(vars, " --{name}-bg:{tint};");
            }
        }
        if bg == Background::Light {
            let _ = writeln!(out, ":root {{{vars} }}");
        } else {
            let _ = writeln!(
                out,
                "@media (prefers-color-scheme: dark) {{ :root {{{vars} }} }}"
            );
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_marks_have_distinct_hues_and_distinct_attributes() {
        let reading = [Mark::Copied, Mark::Reworded, Mark::New, Mark::Dropped];
        for bg in Background::ALL {
            for (i, x) in reading.iter().enumerate() {
                for y in &reading[i + 1..] {
                    assert_ne!(x.look_on(bg).fg, y.look_on(bg).fg, "{x:?} {y:?}");
                    assert_ne!(x.look(false), y.look(false), "{x:?} {y:?}");
                }
            }
        }
        for m in Mark::ALL {
            assert_eq!(m.look(false).fg, None);
            assert_eq!(m.look(false).bg, None);
        }
    }

    /// A flag is marked with colours no other mark uses (one meaning per
    /// colour), in every palette, and without colour by an attribute set
    /// no other mark has.
    #[test]
    fn the_flag_collides_with_no_other_mark() {
        for bg in Background::ALL {
            let f = Mark::Flagged.look_on(bg);
            for m in Mark::ALL.into_iter().filter(|m| *m != Mark::Flagged) {
                let l = m.look_on(bg);
                for c in [l.fg, l.bg].into_iter().flatten() {
                    assert!(f.fg != Some(c) && f.bg != Some(c), "{m:?} on {bg:?}");
                }
                assert_ne!(m.look(false), Mark::Flagged.look(false));
            }
        }
    }

    #[test]
    fn sgr_and_css_come_from_the_looks() {
        assert_eq!(Mark::Copied.look(true).sgr(), "\x1b[32m");
        assert_eq!(Mark::Inserted.look(true).sgr(), "\x1b[1;4;33m");
        assert_eq!(Mark::New.look(false).sgr(), "");
        assert_eq!(
            Mark::Copied.look_on(Background::Light).sgr(),
            "\x1b[38;2;27;110;32m"
        );
        assert_eq!(
            Mark::Flagged.look_on(Background::Unknown).sgr(),
            "\x1b[1;38;2;0;0;0;48;2;255;183;77m"
        );
        let css = css();
        assert!(css.contains("--copied:#1b6e20;"));
        assert!(css.contains("--copied:#8be28f;"));
        assert!(css.contains("--inserted-bg:"));
        assert!(css.contains("--flagged-bg:#ffb74d;"));
    }

    #[test]
    fn colours_parse_from_names_and_hex_and_print_back() {
        for (name, c) in Color::NAMED {
            assert_eq!(Color::parse(name), Some(c));
            assert_eq!(c.name(), name);
        }
        assert_eq!(Color::parse("#1B6e20"), Some(Color::Rgb(0x1b, 0x6e, 0x20)));
        assert_eq!(Color::Rgb(0x1b, 0x6e, 0x20).name(), "#1b6e20");
        for bad in ["", "#12345", "#1234567", "#ggg000", "orange", "rgb(1,2,3)"] {
            assert_eq!(Color::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn a_background_is_light_or_dark_by_which_text_reads_better_on_it() {
        for (hex, want) in [
            ("#ffffff", Background::Light),
            ("#fdf6e3", Background::Light),
            ("#c0c0c0", Background::Light),
            ("#000000", Background::Dark),
            ("#1e1e1e", Background::Dark),
            ("#002b36", Background::Dark),
            ("#5f5f5f", Background::Dark),
        ] {
            assert_eq!(Background::of(Color::parse(hex).unwrap()), want, "{hex}");
        }
        assert_eq!(Background::of(Color::Black), Background::Unknown);
    }

    /// Backgrounds a light or dark terminal theme or page commonly has: the
    /// HTML report's own, plain white and black, Solarized, VS Code, One
    /// Dark, GitHub's.
    const LIGHT_BACKGROUNDS: [u32; 4] = [0xffffff, 0xfdf6e3, 0xf5f5f5, 0xfafbfc];
    const DARK_BACKGROUNDS: [u32; 6] = [0x161617, 0x000000, 0x1e1e1e, 0x282c34, 0x002b36, 0x0d1117];

    /// WCAG AA for text: every mark's foreground against typical light and
    /// dark backgrounds and against its own passage tint (the HTML
    /// report's), and a mark with a background of its own (the flag)
    /// against that. The terminal palette's named colours are the
    /// terminal's to choose and cannot be checked here.
    #[test]
    fn both_palettes_pass_a_wcag_contrast_check() {
        for (bg, backgrounds) in [
            (Background::Light, &LIGHT_BACKGROUNDS[..]),
            (Background::Dark, &DARK_BACKGROUNDS[..]),
        ] {
            let palette = Palette::default_for(bg);
            for m in Mark::ALL {
                let look = palette.look(m);
                let fg = look.fg.expect("a fixed colour");
                let ratio = |on: Color| contrast(fg, on).expect("fixed colours");
                match look.bg {
                    Some(own) => assert!(ratio(own) >= 4.5, "{m:?} on its own background"),
                    None => {
                        for &page in backgrounds {
                            let r = ratio(rgb(page));
                            assert!(r >= 4.5, "{m:?} on {bg:?} #{page:06x}: {r:.2}");
                        }
                        let r = ratio(m.tint(bg));
                        assert!(r >= 4.5, "{m:?} on its {bg:?} tint: {r:.2}");
                    }
                }
            }
        }
        // The flag's highlight is the same on every background.
        let f = Mark::Flagged.look_on(Background::Unknown);
        assert!(contrast(f.fg.unwrap(), f.bg.unwrap()).unwrap() >= 7.0);
    }
}
