//! Classes → ratatui styles, with and without colour.
//!
//! The marks (copied, reworded, new, dropped, changed words) take their looks
//! from [`crate::marks`], the table the text and HTML reports use too, so a
//! colour means one thing everywhere. Colours are the terminal's own sixteen
//! (no fixed RGB), so that light and dark themes both remap them to something
//! readable. Without colour (`NO_COLOR`, `--no-color`) the modifiers alone
//! carry every distinction (see [`Mark::look`]); a search match is reversed.

use ratatui::style::{Color, Modifier, Style};

use super::Class;
use crate::marks::{self, Background, Look, Mark, Palette};

/// The styles of the reader, with or without colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are used at all.
    pub color: bool,
    /// The look of each mark: a default palette (see [`Palette::default_for`])
    /// with what the config file changed, or the attributes alone.
    pub palette: Palette,
}

/// A colour of the shared table as a ratatui colour.
fn color_of(c: marks::Color) -> Color {
    use marks::Color as M;
    match c {
        M::Black => Color::Black,
        M::Red => Color::Red,
        M::Green => Color::Green,
        M::Yellow => Color::Yellow,
        M::Blue => Color::Blue,
        M::Magenta => Color::Magenta,
        M::Cyan => Color::Cyan,
        M::White => Color::Gray,
        M::BrightBlack => Color::DarkGray,
        M::BrightRed => Color::LightRed,
        M::BrightGreen => Color::LightGreen,
        M::BrightYellow => Color::LightYellow,
        M::BrightBlue => Color::LightBlue,
        M::BrightMagenta => Color::LightMagenta,
        M::BrightCyan => Color::LightCyan,
        M::BrightWhite => Color::White,
        M::Rgb(r, g, b) => Color::Rgb(r, g, b),
    }
}

/// A look from the shared table as a ratatui style.
pub fn style_of(look: Look) -> Style {
    let mut s = Style::new();
    if let Some(c) = look.fg {
        s = s.fg(color_of(c));
    }
    if let Some(c) = look.bg {
        s = s.bg(color_of(c));
    }
    for (on, m) in [
        (look.bold, Modifier::BOLD),
        (look.dim, Modifier::DIM),
        (look.italic, Modifier::ITALIC),
        (look.underline, Modifier::UNDERLINED),
        (look.reverse, Modifier::REVERSED),
    ] {
        if on {
            s = s.add_modifier(m);
        }
    }
    s
}

impl Theme {
    /// A theme with or without colour: with it, the terminal's named
    /// colours (its background unknown).
    pub fn new(color: bool) -> Theme {
        if color {
            Theme::with(Palette::default_for(Background::Unknown))
        } else {
            Theme::plain()
        }
    }

    /// A theme with the colours of `palette`.
    pub fn with(palette: Palette) -> Theme {
        Theme {
            color: true,
            palette,
        }
    }

    /// A theme without colour (`NO_COLOR`, `--color never`): attributes only,
    /// whatever a config file says of colours.
    pub fn plain() -> Theme {
        Theme {
            color: false,
            palette: Palette::plain(),
        }
    }

    /// The style of a mark.
    pub fn mark(&self, m: Mark) -> Style {
        style_of(self.palette.look(m))
    }

    /// The style of body text of a class.
    pub fn class(&self, c: Class) -> Style {
        if let Some(m) = c.mark() {
            return self.mark(m);
        }
        let s = Style::new();
        match c {
            // Without colour titles and headings are dim bold: bold alone
            // means copied.
            Class::Title | Class::Heading if !self.color => {
                s.add_modifier(Modifier::BOLD | Modifier::DIM)
            }
            Class::Title | Class::Heading => s.add_modifier(Modifier::BOLD),
            Class::Meta | Class::Boilerplate => s.add_modifier(Modifier::DIM),
            Class::Apart => s.add_modifier(Modifier::DIM | Modifier::ITALIC),
            _ => s,
        }
    }

    /// The full style of a piece of text: its class's, with a changed
    /// word's mark (deleted, inserted, moved) patched over it.
    pub fn piece(&self, class: Class, change: Option<Mark>) -> Style {
        let base = self.class(class);
        match change {
            Some(m) => base.patch(self.mark(m)),
            None => base,
        }
    }

    /// A gutter mark of a class; reversed when its passage has the focus.
    pub fn gutter(&self, c: Class, focused: bool) -> Style {
        let s = if self.color {
            self.class(c).add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        };
        if focused {
            s.add_modifier(Modifier::REVERSED)
        } else {
            s
        }
    }

    /// A flag's `⚑` in the gutter, and a changed number or name in the text
    /// (patched over its piece's style).
    pub fn flagged(&self) -> Style {
        self.mark(Mark::Flagged)
    }

    /// A search match; the current one in reverse video (the text's own
    /// colour becomes its background), so it stands apart from the others.
    /// No hue of the marks is used: each of those means one thing.
    pub fn matched(&self, current: bool) -> Style {
        match (current, self.color) {
            (true, _) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, true) => Style::new().fg(Color::White).bg(Color::DarkGray),
            (false, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::DIM),
        }
    }

    /// The border of the pane that has the keyboard, and of the others. Bold
    /// rather than a hue: every hue in the reader is a mark's.
    pub fn border(&self, active: bool) -> Style {
        if active {
            Style::new().add_modifier(Modifier::BOLD)
        } else {
            Style::new().add_modifier(Modifier::DIM)
        }
    }

    /// The thumb on a pane's border: which part of the article is on screen.
    pub fn thumb(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// Paragraph numbers.
    pub fn number(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// The note above a run of moved links: the look of "moved".
    pub fn moved_note(&self) -> Style {
        self.mark(crate::marks::Mark::Moved)
    }

    /// Secondary text: headers' second line, list details, hints.
    pub fn dim(&self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    /// Emphasis that does not collide with any class.
    pub fn strong(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// The selected row of the article list.
    pub fn selected(&self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// A transient message or an error in the status bar (bold, not a hue:
    /// yellow means an inserted word).
    pub fn note(&self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLASSES: [Class; 5] = [
        Class::Marked(Mark::Copied),
        Class::Marked(Mark::Reworded),
        Class::Marked(Mark::New),
        Class::Marked(Mark::Dropped),
        Class::Meta,
    ];

    #[test]
    fn without_colour_no_style_has_a_colour() {
        let t = Theme::new(false);
        for c in CLASSES {
            for ch in [None, Some(Mark::Deleted), Some(Mark::Inserted)] {
                let s = t.piece(c, ch);
                assert_eq!(s.fg, None);
                assert_eq!(s.bg, None);
            }
        }
    }

    #[test]
    fn without_colour_the_reading_classes_differ_by_modifiers() {
        let t = Theme::new(false);
        let mods: Vec<Modifier> = [
            Class::Marked(Mark::Copied),
            Class::Marked(Mark::Reworded),
            Class::Marked(Mark::New),
            Class::Marked(Mark::Dropped),
        ]
        .iter()
        .map(|&c| t.class(c).add_modifier)
        .collect();
        for i in 0..mods.len() {
            for j in i + 1..mods.len() {
                assert_ne!(mods[i], mods[j]);
            }
        }
        // A changed word stands out from its passage in both directions.
        for c in [Class::Marked(Mark::Copied), Class::Marked(Mark::Reworded)] {
            assert_ne!(t.piece(c, Some(Mark::Deleted)), t.piece(c, None));
            assert_ne!(t.piece(c, Some(Mark::Inserted)), t.piece(c, None));
        }
    }

    #[test]
    fn the_current_match_is_reverse_video_and_differs_from_the_others() {
        for color in [true, false] {
            let t = Theme::new(color);
            assert!(t.matched(true).add_modifier.contains(Modifier::REVERSED));
            assert_ne!(t.matched(true), t.matched(false));
        }
    }

    #[test]
    fn chrome_uses_no_hue_of_the_marks() {
        use crate::marks::Mark;
        let t = Theme::new(true);
        let hues: Vec<Option<Color>> = Mark::ALL
            .iter()
            .flat_map(|&m| [t.mark(m).fg, t.mark(m).bg])
            .filter(Option::is_some)
            .collect();
        for s in [
            t.border(true),
            t.border(false),
            t.thumb(),
            t.note(),
            t.number(),
            t.matched(false),
            t.matched(true),
            t.selected(),
        ] {
            assert!(s.fg.is_none() || !hues.contains(&s.fg), "{s:?}");
            assert!(s.bg.is_none() || !hues.contains(&s.bg), "{s:?}");
        }
    }

    #[test]
    fn with_colour_kinds_have_distinct_colours() {
        let t = Theme::new(true);
        let fgs: Vec<_> = [
            Class::Marked(Mark::Copied),
            Class::Marked(Mark::Reworded),
            Class::Marked(Mark::New),
            Class::Marked(Mark::Dropped),
        ]
        .iter()
        .map(|&c| t.class(c).fg)
        .collect();
        for i in 0..fgs.len() {
            assert!(fgs[i].is_some());
            for j in i + 1..fgs.len() {
                assert_ne!(fgs[i], fgs[j]);
            }
        }
    }
}
