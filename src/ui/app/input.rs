//! Events in: keys, pastes, the mouse, a resize of the terminal, each
//! turned into what it asks for.

use std::sync::Arc;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent};

use crate::ui::geometry;
use crate::ui::keymap::Action;
use crate::ui::overlay::Kind;
use crate::ui::part::Env;
use crate::ui::screen::{Hit, Mouse, Pane};

use super::App;

impl App {
    // Events in.

    /// Feed one terminal event; false when it cannot have changed the screen
    /// (mouse capture reports every motion, which needs no redraw).
    pub fn on_event(&mut self, ev: &Event) -> bool {
        match ev {
            // Release (and, with enhanced keyboards, other kinds) would act twice.
            Event::Key(k) if k.kind != KeyEventKind::Release => self.on_key(k),
            Event::Mouse(m) if self.screen.mouse => return self.on_mouse(m),
            Event::Resize(w, h) => self.resize(*w, *h),
            Event::Paste(text) => return self.on_paste(text),
            _ => return false,
        }
        true
    }

    /// Feed one key press: an action, or a character for the prompt.
    pub fn on_key(&mut self, k: &KeyEvent) {
        self.status.note = None;
        // A key read on a pair the ranking opened (found so far) keeps it:
        // the end of the ranking no longer moves the reader away.
        if self.pairs.ranking().is_some() && !self.pairs.ranked() {
            self.open.chosen = true;
        }
        if let Some(action) = self.keymap.dispatch(&self.contexts(), k) {
            self.apply(action);
        } else if let KeyCode::Char(c) = k.code
            && !k.modifiers.contains(KeyModifiers::CONTROL)
            && let Some(prompt) = self.overlays.prompt_mut()
        {
            let ask = prompt.insert(c.encode_utf8(&mut [0; 4]));
            self.ask(ask);
        }
    }

    /// A paste: typed into the open prompt as one line; with no prompt open
    /// it is ignored, so that pasted text never acts as keys.
    pub fn on_paste(&mut self, text: &str) -> bool {
        match self.overlays.prompt_mut() {
            Some(prompt) => {
                let ask = prompt.insert(text);
                self.ask(ask);
            }
            None => {
                self.status.note =
                    Some("a paste goes into the search (/) or the list's filter".into());
            }
        }
        true
    }

    pub(super) fn on_mouse(&mut self, m: &MouseEvent) -> bool {
        let Some(m) = Mouse::of(m) else { return false };
        let popup = self.overlays.under_mouse();
        if popup.is_some_and(|k| k != Kind::ListPopup) {
            // The help, the sources or the flags: the wheel moves through
            // it (when it has the keys); what is under it is not touched.
            if m.wheel == 0 || self.overlays.top_kind() == Some(Kind::Prompt) {
                return false;
            }
            let action = if m.wheel > 0 {
                Action::Down
            } else {
                Action::Up
            };
            for _ in 0..m.wheel.unsigned_abs() {
                self.apply(action);
            }
            return true;
        }
        let list = self.list_area();
        let hit = self.screen.hit(m.at, list, popup.is_some());
        if m.drag && !matches!(hit, Hit::Map(..)) {
            return false;
        }
        match hit {
            Hit::List(row) => {
                self.focus_pane(Pane::List);
                let rows = list.map_or(0, |a| geometry::framed_inner(a).height);
                self.list.mouse(m, row, rows);
            }
            Hit::Map(side, ..) | Hit::Pane(side) | Hit::Text(side, _) => {
                self.focus_pane(side.into());
                let env = env!(self);
                self.panes.mouse(m, hit, &env);
            }
            Hit::Nothing => {}
        }
        true
    }
}
