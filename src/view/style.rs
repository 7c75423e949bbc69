//! Classes → ratatui styles, with and without colour.
//!
//! Colours are the terminal's own sixteen (no fixed RGB), so that light and
//! dark themes both remap them to something readable. Without colour
//! (`NO_COLOR`, `--no-color`) the modifiers alone carry every distinction:
//! copied is bold, reworded italic, dropped dim, new plain (its gutter says
//! `+`), a changed word underlined (and bold on the inserting side), a search
//! match reversed.

use ratatui::style::{Color, Modifier, Style};

use super::{Change, Class};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    /// The style of body text of a class.
    pub fn class(&self, c: Class) -> Style {
        let s = Style::new();
        if self.color {
            match c {
                Class::Copied => s.fg(Color::Green),
                Class::Reworded => s.fg(Color::Cyan),
                Class::New => s.fg(Color::Magenta),
                Class::Dropped => s.fg(Color::Red),
                Class::Title => s.add_modifier(Modifier::BOLD),
                Class::Heading => s.add_modifier(Modifier::BOLD),
                Class::Meta | Class::Boilerplate => s.add_modifier(Modifier::DIM),
                Class::Plain => s,
            }
        } else {
            match c {
                Class::Copied => s.add_modifier(Modifier::BOLD),
                Class::Reworded => s.add_modifier(Modifier::ITALIC),
                Class::New => s,
                Class::Dropped => s.add_modifier(Modifier::DIM),
                // Title and headings are dim bold: bold alone means copied.
                Class::Title | Class::Heading => s.add_modifier(Modifier::BOLD | Modifier::DIM),
                Class::Meta | Class::Boilerplate => s.add_modifier(Modifier::DIM),
                Class::Plain => s,
            }
        }
    }

    /// Patched over the class style on a word that changed inside a link.
    pub fn change(&self, c: Change) -> Style {
        let s = Style::new();
        match (self.color, c) {
            (true, Change::Deleted) => s
                .fg(Color::Red)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            (true, Change::Inserted) => s
                .fg(Color::Yellow)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            (false, Change::Deleted) => s.add_modifier(Modifier::UNDERLINED),
            (false, Change::Inserted) => s.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
        }
    }

    /// The full style of a piece of text.
    pub fn piece(&self, class: Class, change: Option<Change>) -> Style {
        let base = self.class(class);
        match change {
            Some(c) => base.patch(self.change(c)),
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

    /// A search match (the current one is also bold).
    pub fn matched(&self, current: bool) -> Style {
        let s = if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::REVERSED)
        };
        if current {
            s.add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
        } else {
            s
        }
    }

    /// The border of the pane that has the keyboard, and of the others.
    pub fn border(&self, active: bool) -> Style {
        match (self.color, active) {
            (true, true) => Style::new().fg(Color::Blue).add_modifier(Modifier::BOLD),
            (false, true) => Style::new().add_modifier(Modifier::BOLD),
            (_, false) => Style::new().add_modifier(Modifier::DIM),
        }
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

    /// A transient message or an error in the status bar.
    pub fn note(&self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CLASSES: [Class; 5] = [
        Class::Copied,
        Class::Reworded,
        Class::New,
        Class::Dropped,
        Class::Meta,
    ];

    #[test]
    fn without_colour_no_style_has_a_colour() {
        let t = Theme::new(false);
        for c in CLASSES {
            for ch in [None, Some(Change::Deleted), Some(Change::Inserted)] {
                let s = t.piece(c, ch);
                assert_eq!(s.fg, None);
                assert_eq!(s.bg, None);
            }
        }
    }

    #[test]
    fn without_colour_the_reading_classes_differ_by_modifiers() {
        let t = Theme::new(false);
        let mods: Vec<Modifier> = [Class::Copied, Class::Reworded, Class::New, Class::Dropped]
            .iter()
            .map(|&c| t.class(c).add_modifier)
            .collect();
        for i in 0..mods.len() {
            for j in i + 1..mods.len() {
                assert_ne!(mods[i], mods[j]);
            }
        }
        // A changed word stands out from its passage in both directions.
        for c in [Class::Copied, Class::Reworded] {
            assert_ne!(t.piece(c, Some(Change::Deleted)), t.piece(c, None));
            assert_ne!(t.piece(c, Some(Change::Inserted)), t.piece(c, None));
        }
    }

    #[test]
    fn with_colour_kinds_have_distinct_colours() {
        let t = Theme::new(true);
        let fgs: Vec<_> = [Class::Copied, Class::Reworded, Class::New, Class::Dropped]
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
