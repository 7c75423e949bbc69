//! What is open over the panes, in the order it was opened: the help, the
//! sources (`w`), the spread view (`t`), the flags (`!`), the article list as a popup (narrow
//! screens), and the prompt (the search's or the list filter's).
//!
//! The stack is the one place that says which keys are in force (the top
//! layer's context, then the keys bound everywhere, except in a prompt,
//! which takes every printable key as text), what Esc closes (the top
//! layer, which may first undo something of its own: the list popup clears
//! a filter before it closes), and the order things are drawn in (bottom
//! first, so the top layer is seen whole).
//!
//! Opening a layer that is open already raises it to the top with its state
//! (a scrolled help stays scrolled); the sources and the flags are one
//! panel at a time, each replacing the other.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

use super::flags::FlagPanel;
use super::geometry;
use super::help::Help;
use super::keymap::{Action, Ctx};
use super::list::List;
use super::part::{Env, Outcome, Part};
use super::prompt::Prompt;
use super::provenance::Provenance;
use super::uptake::UptakeView;

/// One thing open over the panes, with its state.
#[derive(Debug, Clone, PartialEq)]
pub enum Layer {
    /// The help (`?`).
    Help(Help),
    /// Who took from whom (`w`).
    Sources(Provenance),
    /// How an article spread (`t`).
    Spread(UptakeView),
    /// The list of flags (`!`).
    Flags(FlagPanel),
    /// The article list as a popup; its state is the list's own.
    ListPopup,
    /// A prompt in the status bar.
    Prompt(Prompt),
}

/// Which layer, without its state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The help.
    Help,
    /// Who took from whom.
    Sources,
    /// How an article spread.
    Spread,
    /// The list of flags.
    Flags,
    /// The article list as a popup.
    ListPopup,
    /// A prompt.
    Prompt,
}

impl Layer {
    /// Which layer it is.
    pub fn kind(&self) -> Kind {
        match self {
            Layer::Help(_) => Kind::Help,
            Layer::Sources(_) => Kind::Sources,
            Layer::Spread(_) => Kind::Spread,
            Layer::Flags(_) => Kind::Flags,
            Layer::ListPopup => Kind::ListPopup,
            Layer::Prompt(_) => Kind::Prompt,
        }
    }

    /// The keymap context of its keys.
    pub fn context(&self) -> Ctx {
        match self {
            Layer::Help(h) => h.context(),
            Layer::Sources(s) => s.context(),
            Layer::Spread(s) => s.context(),
            Layer::Flags(f) => f.context(),
            Layer::ListPopup => Ctx::List,
            Layer::Prompt(p) => p.context(),
        }
    }
}

/// The overlays, bottom first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Overlays {
    stack: Vec<Layer>,
}

impl Overlays {
    /// The top layer, if any.
    pub fn top(&self) -> Option<&Layer> {
        self.stack.last()
    }

    /// Which layer is on top, if any.
    pub fn top_kind(&self) -> Option<Kind> {
        self.top().map(Layer::kind)
    }

    /// Whether a layer of `kind` is open (anywhere in the stack).
    pub fn is_open(&self, kind: Kind) -> bool {
        self.stack.iter().any(|l| l.kind() == kind)
    }

    /// The keymap contexts in force, innermost first, over `base` (the
    /// context of the part that has the keyboard: a pane, or the list).
    /// Keys bound everywhere work everywhere but in a prompt: q quits from
    /// the help as from anywhere else.
    pub fn contexts(&self, base: Ctx) -> Vec<Ctx> {
        match self.top().map(Layer::context).unwrap_or(base) {
            Ctx::Prompt => vec![Ctx::Prompt],
            ctx => vec![ctx, Ctx::Global],
        }
    }

    /// Put `layer` on top. One of its kind already open is taken out first
    /// and its state kept (the new one's given up); the sources and the
    /// flags replace each other: the keys go to one panel, so only one may
    /// be seen.
    pub fn open(&mut self, layer: Layer) {
        let kind = layer.kind();
        let layer = self.remove(kind).unwrap_or(layer);
        let rival = match kind {
            Kind::Sources => Some(Kind::Flags),
            Kind::Flags => Some(Kind::Sources),
            _ => None,
        };
        if let Some(r) = rival {
            self.remove(r);
        }
        self.stack.push(layer);
    }

    /// A key that shows or hides `kind`: it closes it when on top, else
    /// opens it (or raises it) with `make`, called only when it is not
    /// open. True when it is now on top.
    pub fn toggle(&mut self, kind: Kind, make: impl FnOnce() -> Layer) -> bool {
        if self.top_kind() == Some(kind) {
            self.stack.pop();
            return false;
        }
        let layer = match self.remove(kind) {
            Some(l) => l,
            None => make(),
        };
        self.open(layer);
        true
    }

    /// Close the top layer; it is handed back.
    pub fn close(&mut self) -> Option<Layer> {
        self.stack.pop()
    }

    /// Close the layer of `kind`, wherever it is; it is handed back.
    pub fn remove(&mut self, kind: Kind) -> Option<Layer> {
        let at = self.stack.iter().position(|l| l.kind() == kind)?;
        Some(self.stack.remove(at))
    }

    /// The help, when open.
    pub fn help(&self) -> Option<&Help> {
        self.stack.iter().find_map(|l| match l {
            Layer::Help(h) => Some(h),
            _ => None,
        })
    }

    /// The prompt, when open.
    pub fn prompt(&self) -> Option<&Prompt> {
        self.stack.iter().find_map(|l| match l {
            Layer::Prompt(p) => Some(p),
            _ => None,
        })
    }

    /// The prompt, when it is on top (it takes typed text then).
    pub fn prompt_mut(&mut self) -> Option<&mut Prompt> {
        match self.stack.last_mut() {
            Some(Layer::Prompt(p)) => Some(p),
            _ => None,
        }
    }

    /// The layer the mouse is for: the top one but a prompt (which is in the
    /// status bar, over nothing).
    pub fn under_mouse(&self) -> Option<Kind> {
        self.stack
            .iter()
            .rev()
            .map(Layer::kind)
            .find(|k| *k != Kind::Prompt)
    }

    /// Offer `action` to the top layer (`list`: the list's state, for its
    /// popup); `None` when nothing is open. A closing outcome leaves the
    /// layer on the stack: the caller closes it ([`Overlays::close`]) and
    /// does what follows.
    pub fn handle(&mut self, action: Action, env: &Env, list: &mut List) -> Option<Outcome> {
        Some(match self.stack.last_mut()? {
            Layer::Help(h) => h.handle(action, env),
            Layer::Sources(s) => s.handle(action, env),
            Layer::Spread(s) => s.handle(action, env),
            Layer::Flags(f) => f.handle(action, env),
            Layer::Prompt(p) => p.handle(action, env),
            Layer::ListPopup => match list.handle(action, env) {
                // Esc with no filter to clear: the popup goes.
                Outcome::Ignored if action == Action::Back => Outcome::Close(None),
                o => o,
            },
        })
    }

    /// Keep every layer's state in range for a new screen size.
    pub fn fit(&mut self, env: &Env) {
        for l in &mut self.stack {
            match l {
                Layer::Help(h) => h.fit(env),
                Layer::Sources(s) => s.fit(env),
                Layer::Spread(s) => s.fit(env),
                Layer::Flags(f) => f.fit(env),
                Layer::ListPopup | Layer::Prompt(_) => {}
            }
        }
    }

    /// Draw the popups over the screen `area`, bottom first. A prompt is
    /// drawn by the status bar, beside what it has found; no popup reaches
    /// the status bar (`geometry::popup` keeps a row free above and below).
    pub fn render(&self, area: Rect, buf: &mut Buffer, env: &Env, list: &List) {
        for l in &self.stack {
            match l {
                Layer::Help(h) => h.render(area, buf, env),
                Layer::Sources(s) => s.render(area, buf, env),
                Layer::Spread(s) => s.render(area, buf, env),
                Layer::Flags(f) => f.render(area, buf, env),
                Layer::ListPopup => {
                    let r = geometry::list_popup(area, list.shown().len());
                    Clear.render(r, buf);
                    list.render(r, buf, env);
                }
                Layer::Prompt(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::keymap::Keymap;
    use crate::ui::pairs::{Open, Pairs};
    use crate::ui::part::{Ask, Edit, Target};
    use crate::ui::screen::{Pane, Screen};
    use crate::view::Theme;

    /// Parts over the bundled articles on an 80×24 screen, the list popup's
    /// keyboard.
    fn with(f: impl FnOnce(&Env)) {
        let arts = crate::article::bundled();
        let (theme, keymap, pairs) = (Theme::new(true), Keymap::default(), Pairs::default());
        let mut screen = Screen::new(true);
        screen.pane = Pane::List;
        let env = Env {
            arts: &arts,
            theme: &theme,
            keymap: &keymap,
            screen: &screen,
            list_area: Some(geometry::list_popup(screen.size, arts.len())),
            open: Open::first(arts.len()),
            comparison: None,
            pairs: &pairs,
            tick: 0,
            skipped: 0,
        };
        f(&env);
    }

    fn kinds(o: &Overlays) -> Vec<Kind> {
        o.stack.iter().map(Layer::kind).collect()
    }

    #[test]
    fn esc_closes_the_top_layer_and_the_contexts_follow_the_stack() {
        with(|env| {
            let mut list = List::new(env.arts.len());
            let mut o = Overlays::default();
            assert_eq!(o.contexts(Ctx::Pane), [Ctx::Pane, Ctx::Global]);
            assert_eq!(o.contexts(Ctx::List), [Ctx::List, Ctx::Global]);
            o.open(Layer::ListPopup);
            o.open(Layer::Help(Help::default()));
            // The help over the list popup: its keys, drawn last.
            assert_eq!(o.contexts(Ctx::Pane), [Ctx::Help, Ctx::Global]);
            assert_eq!(kinds(&o), [Kind::ListPopup, Kind::Help]);
            assert_eq!(
                o.handle(Action::Back, env, &mut list),
                Some(Outcome::Close(None))
            );
            assert_eq!(o.close().map(|l| l.kind()), Some(Kind::Help));
            assert_eq!(o.contexts(Ctx::Pane), [Ctx::List, Ctx::Global]);
            // A prompt takes every key but its own as text: no global keys.
            o.open(Layer::Prompt(Prompt::new(Target::Filter, "", "")));
            assert_eq!(o.contexts(Ctx::Pane), [Ctx::Prompt]);
            assert_eq!(
                o.handle(Action::Back, env, &mut list),
                Some(Outcome::Close(Some(Ask::Prompt(
                    Target::Filter,
                    Edit::Cancelled(String::new())
                ))))
            );
            o.close();
            // The popup: Esc clears a filter first, then closes it.
            list.set_query("reuters", env.arts);
            assert_eq!(
                o.handle(Action::Back, env, &mut list),
                Some(Outcome::Stay(None))
            );
            assert!(!list.filtered());
            assert_eq!(
                o.handle(Action::Back, env, &mut list),
                Some(Outcome::Close(None))
            );
            o.close();
            assert_eq!(o.handle(Action::Back, env, &mut list), None);
        });
    }

    #[test]
    fn a_layer_opened_again_rises_with_its_state_and_panels_replace_each_other() {
        with(|env| {
            let mut list = List::new(env.arts.len());
            let mut o = Overlays::default();
            o.open(Layer::Help(Help::default()));
            o.handle(Action::Bottom, env, &mut list);
            let scrolled = o.help().expect("open").scroll();
            assert!(scrolled > 0);
            o.open(Layer::Sources(Provenance::default()));
            assert_eq!(o.contexts(Ctx::Pane)[0], Ctx::Provenance);
            // The flags panel replaces the sources; the help stays below.
            o.open(Layer::Flags(FlagPanel::default()));
            assert_eq!(kinds(&o), [Kind::Help, Kind::Flags]);
            // `?` raises the help as it was.
            assert!(o.toggle(Kind::Help, || Layer::Help(Help::default())));
            assert_eq!(kinds(&o), [Kind::Flags, Kind::Help]);
            assert_eq!(o.help().map(Help::scroll), Some(scrolled));
            // On top, the key that opened it closes it.
            assert!(!o.toggle(Kind::Help, || unreachable!("open already")));
            assert_eq!(kinds(&o), [Kind::Flags]);
            assert_eq!(o.under_mouse(), Some(Kind::Flags));
            o.open(Layer::Prompt(Prompt::new(Target::Search, "", "")));
            assert_eq!(o.under_mouse(), Some(Kind::Flags));
            assert!(o.prompt_mut().is_some());
            assert_eq!(o.remove(Kind::Flags).map(|l| l.kind()), Some(Kind::Flags));
            assert_eq!(kinds(&o), [Kind::Prompt]);
        });
    }
}
