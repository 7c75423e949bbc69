//! What the keys bound everywhere do that no part does for itself: the
//! pane with the keyboard, the popups they open (the sources, the spread
//! view, the flags, the list), `e` and `y`.

use ratatui::layout::Rect;

use crate::side::Sides;
use crate::ui::clipboard;
use crate::ui::flags::FlagPanel;
use crate::ui::keymap::{Action, Ctx};
use crate::ui::overlay::{Kind, Layer};
use crate::ui::provenance::Provenance;
use crate::ui::screen::Pane;
use crate::ui::uptake::UptakeView;

use super::App;

impl App {
    /// Give `pane` the keyboard; the list popup goes when the list loses it.
    pub(super) fn focus_pane(&mut self, pane: Pane) {
        self.screen.pane = pane;
        if pane != Pane::List {
            self.overlays.remove(Kind::ListPopup);
        }
    }

    /// `o`: the side list on a wide screen, the list popup on a narrow one.
    pub(super) fn toggle_list(&mut self) {
        if self.screen.wide() {
            self.screen.list_shown = !self.screen.list_shown;
            self.screen.pane = if self.screen.list_shown {
                Pane::List
            } else {
                Pane::B
            };
        } else {
            let open = self.overlays.toggle(Kind::ListPopup, || Layer::ListPopup);
            self.screen.pane = if open { Pane::List } else { Pane::B };
        }
        self.relayout();
    }

    /// Where the article list is drawn, if it is.
    pub(super) fn list_area(&self) -> Option<Rect> {
        let popup = self.overlays.is_open(Kind::ListPopup);
        self.screen.list_area(popup, self.list.shown().len())
    }

    /// `w`: who took from whom, from the ranking so far.
    pub(super) fn toggle_sources(&mut self) {
        let Some(ranking) = self.pairs.ranking() else {
            self.status.note = Some(if self.pairs.progress().is_some() {
                "still ranking the pairs: no sources known yet".into()
            } else {
                "no pairs share text".into()
            });
            return;
        };
        let (n, partial) = (self.arts.len(), !self.pairs.ranked());
        self.overlays.toggle(Kind::Sources, || {
            Layer::Sources(Provenance::new(n, ranking, partial))
        });
    }

    /// `t`: how the article read spread — the focused pane's, or the
    /// list's selected one while the list has the keyboard. Its spread is
    /// asked of the worker the first time; the view waits for it.
    pub(super) fn toggle_spread(&mut self) {
        if self.arts.len() < 2 {
            self.status.note = Some("one article: nothing to spread to".into());
            return;
        }
        if self.pairs.is_waiting() {
            self.status.note = Some("still reading the articles".into());
            return;
        }
        let x = match self.screen.pane.side() {
            Some(side) => self.open.pair[side],
            None => self.list.selected.min(self.arts.len() - 1),
        };
        // A view of another article is replaced, not raised.
        if let Some(Layer::Spread(v)) = self.overlays.top()
            && v.article() != x
        {
            self.overlays.close();
        }
        self.pairs.request_spread(x);
        self.overlays
            .toggle(Kind::Spread, || Layer::Spread(UptakeView::new(x)));
    }

    /// `!`: the list of flags. It opens even before the pair is aligned, or
    /// with no flag: the panel says so.
    pub(super) fn toggle_flags(&mut self) {
        let n = self.comparison().map_or(0, |c| c.flags.len());
        let (current, height) = (self.panes.reading.flag, self.screen.size.height);
        self.overlays.toggle(Kind::Flags, || {
            Layer::Flags(FlagPanel::new(current, n, height))
        });
    }

    // What the app does itself.

    /// The status bar's line for the current flag, while its link (or, for
    /// a flag outside the links, nothing) has the focus.
    pub fn flag_status(&self) -> Option<String> {
        self.panes.flag_status(self.comparison()?)
    }

    /// `e`: write the open pair as the HTML report into the working folder.
    pub(super) fn export(&mut self) {
        let Sides { a, b } = self.open.pair;
        let pair = match (self.arts.get(a), self.arts.get(b), self.comparison()) {
            (Some(x), Some(y), Some(c)) if self.arts.len() >= 2 => Ok((x, y, &**c)),
            _ if self.arts.len() < 2 => Err("open two articles first"),
            _ => Err("still aligning this pair: try again in a moment"),
        };
        self.status.note = Some(self.reports.write(pair));
    }

    /// `y`: the focused passage, both sides with their file names, to the
    /// clipboard through the terminal (OSC 52).
    pub(super) fn copy(&mut self) {
        let Sides { a, b } = self.open.pair;
        let copied = match (self.alignment(), self.panes.reading.focus) {
            (Some(al), Some(unit)) => clipboard::copy(&self.arts[a], &self.arts[b], al, unit),
            _ => {
                let next = self.keymap.key_for(Ctx::Global, Action::Next);
                self.status.note = Some(match next {
                    Some(n) => format!("nothing to copy: focus a passage first ({n}, or a click)"),
                    None => "nothing to copy: focus a passage first (click one)".into(),
                });
                return;
            }
        };
        if let Some((bytes, note)) = copied {
            self.outbox.bytes = Some(bytes);
            self.status.note = Some(note);
        }
    }
}
