//! The one prompt: a line typed in the status bar, for the search (`/` in a
//! pane) or the list's filter (`/` in the list). What the text is for is the
//! app's business; here are the typing, the paste, Enter and Esc, and the
//! line drawn.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::keymap::{Action, Ctx};
use super::part::{Ask, Edit, Env, Outcome, Part, Target};
use crate::view::display_width;

/// A prompt open in the status bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Prompt {
    target: Target,
    text: String,
    /// What was in force when it opened, for Esc to restore.
    before: String,
}

impl Prompt {
    /// A prompt for `target` holding `text`; Esc restores `before`.
    pub fn new(target: Target, text: &str, before: &str) -> Prompt {
        Prompt {
            target,
            text: text.to_string(),
            before: before.to_string(),
        }
    }

    /// What the text is for.
    pub fn target(&self) -> Target {
        self.target
    }

    /// The text typed so far.
    #[cfg(test)]
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Type `s`: a key, or a paste as one line (line breaks and tabs as
    /// spaces, other controls and anything unsafe for a terminal dropped),
    /// so a paste never acts as keys.
    pub fn insert(&mut self, s: &str) -> Ask {
        self.text.extend(
            s.chars()
                .map(|c| {
                    if matches!(c, '\n' | '\r' | '\t') {
                        ' '
                    } else {
                        c
                    }
                })
                .filter(|c| !c.is_control() && crate::article::decode::is_safe(*c)),
        );
        self.changed()
    }

    fn changed(&self) -> Ask {
        Ask::Prompt(self.target, Edit::Changed(self.text.clone()))
    }

    /// The columns its line takes in the status bar.
    pub fn width(&self) -> usize {
        display_width(self.prefix()) + display_width(&self.text) + display_width(CURSOR)
    }

    fn prefix(&self) -> &'static str {
        match self.target {
            Target::Search => "/",
            Target::Filter => "filter /",
        }
    }
}

/// Where the next character goes.
const CURSOR: &str = "▏";

impl Part for Prompt {
    fn context(&self) -> Ctx {
        Ctx::Prompt
    }

    fn handle(&mut self, action: Action, _env: &Env) -> Outcome {
        let ask = |edit| Some(Ask::Prompt(self.target, edit));
        match action {
            Action::Accept => Outcome::Close(ask(Edit::Kept)),
            Action::Back => Outcome::Close(ask(Edit::Cancelled(self.before.clone()))),
            Action::Erase => {
                self.text.pop();
                Outcome::Stay(Some(self.changed()))
            }
            _ => Outcome::Ignored,
        }
    }

    fn render(&self, area: Rect, buf: &mut Buffer, env: &Env) {
        let t = env.theme;
        let line = Line::from(vec![
            Span::styled(self.prefix(), t.strong()),
            Span::raw(self.text.as_str()),
            Span::styled(CURSOR, t.strong()),
        ]);
        buf.set_line(area.x, area.y, &line, area.width);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paste_is_one_line_of_safe_text() {
        let mut p = Prompt::new(Target::Search, "", "old");
        let ask = p.insert("plan\nfor\tpeace\u{1b}[2J\u{202e}");
        assert_eq!(p.text(), "plan for peace[2J");
        assert_eq!(
            ask,
            Ask::Prompt(Target::Search, Edit::Changed("plan for peace[2J".into()))
        );
        assert_eq!(p.width(), 1 + p.text().len() + 1);
    }
}
