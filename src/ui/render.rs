//! Drawing: a pure function of the [`App`] state. The reading panes and
//! the status bar are drawn here; the list and every overlay draw
//! themselves (`Part::render`), the overlays in the stack's order.
//!
//! Every width is measured the way the buffer measures it and every area is
//! clipped to the screen, so any terminal size, down to 1×1, draws without
//! panicking (tests sweep the sizes).

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::app::App;
use super::panes;
use super::part::{Part, Target};
use crate::marks::{Mark, pct};
use crate::view::{Class, Unit, display_width, shorten_right};

impl Widget for &App {
    fn render(self, area: Rect, buf: &mut Buffer) {
        if area.is_empty() {
            return;
        }
        let env = self.env();
        let g = self.screen.geometry_in(area);
        if let Some(l) = g.list {
            self.list.render(l, buf, &env);
        }
        self.panes.render(area, buf, &env);
        render_status(self, g.status, buf);
        self.overlays.render(area, buf, &env, &self.list);
        super::safe::sanitize(buf, area);
    }
}

fn spinner(app: &App) -> &'static str {
    panes::spinner(app.status.tick)
}

fn render_status(app: &App, area: Rect, buf: &mut Buffer) {
    if area.is_empty() {
        return;
    }
    let t = &app.theme;
    // A prompt draws its own line at the start; what it found follows it.
    let (start, left) = match app.overlays.prompt() {
        Some(prompt) => {
            prompt.render(area, buf, &app.env());
            let found = match prompt.target() {
                Target::Filter => {
                    format!("{} of {} articles", app.list.shown().len(), app.arts.len())
                }
                Target::Search => app.panes.search.count(),
            };
            (prompt.width(), vec![sep(), Span::raw(found)])
        }
        None => (0, status_spans(app, usize::from(area.width))),
    };
    let line = Line::from(left);
    let x = area
        .x
        .saturating_add(u16::try_from(start).unwrap_or(u16::MAX));
    if x < area.right() {
        buf.set_line(x, area.y, &line, area.right() - x);
    }
    // Hints from the keymap, right-aligned, as many as fit.
    let used = start + line.width() + 2;
    let mut hint_spans: Vec<Span> = Vec::new();
    let mut w = 0;
    for (key, hint) in app.keymap.hints(&app.contexts()) {
        let piece = display_width(&key) + 1 + display_width(hint) + 2;
        if used + w + piece > usize::from(area.width) {
            break;
        }
        w += piece;
        hint_spans.push(Span::styled(key, t.strong()));
        hint_spans.push(Span::styled(format!(" {hint}  "), t.dim()));
    }
    if w > 0 {
        let x = area.x + area.width - w as u16;
        buf.set_line(x, area.y, &Line::from(hint_spans), w as u16);
    }
}

/// The space between two things the status bar says.
fn sep() -> Span<'static> {
    Span::raw("  ")
}

/// What the status bar says while no prompt is open, in `width` columns:
/// the note, work in progress, the pair's figures, the focus (or the flag),
/// where the pair is in the walk, the search in force. The focus's line is
/// shortened so that what follows it stays on screen.
fn status_spans(app: &App, width: usize) -> Vec<Span<'static>> {
    let t = &app.theme;
    let mut left: Vec<Span> = Vec::new();
    // Where the focus's (or the flag's) line is, to shorten.
    let mut detail = None;
    // Where the count of matches set apart is, to drop when the bar is
    // still too wide: the common shares before it say as much.
    let mut apart = None;
    if let Some(n) = &app.status.note {
        left.push(Span::styled(n.clone(), t.note()));
        left.push(sep());
    }
    if app.pairs.is_waiting() {
        left.push(Span::raw(format!(
            "{} reading {} articles",
            spinner(app),
            app.arts.len()
        )));
        left.push(sep());
    } else if let Some((n, total)) = app.pairs.progress() {
        left.push(Span::raw(if total == 0 {
            format!("{} finding pairs", spinner(app))
        } else {
            format!("{} ranking {n}/{total}", spinner(app))
        }));
        left.push(sep());
    } else if app.arts.len() >= 2 && app.alignment().is_none() {
        left.push(Span::raw(format!("{} aligning", spinner(app))));
        left.push(sep());
    }
    if app.panes.reading.laying_out() {
        left.push(Span::raw(format!("{} laying out", spinner(app))));
        left.push(sep());
    }
    if let Some(al) = app.alignment() {
        let s = &al.stats;
        let share = |m: Mark, x: f64| Span::styled(format!("{} {}", m.label(), pct(x)), t.mark(m));
        // What both have from a common text (`--common`) is neither side's:
        // its share stands before the new and the dropped, styled as the
        // panes draw that text.
        let common = |x: f64| {
            (!al.apart.is_empty()).then(|| {
                [
                    Span::styled(format!("common {}", pct(x)), t.class(Class::Apart)),
                    Span::raw(" "),
                ]
            })
        };
        left.extend([
            Span::raw("B "),
            share(Mark::Copied, s.b_copied),
            Span::raw(" "),
            share(Mark::Reworded, s.b_reworded),
            Span::raw(" "),
        ]);
        left.extend(common(s.b_common).into_iter().flatten());
        left.extend([share(Mark::New, s.b_new), Span::raw(" · A ")]);
        left.extend(common(s.a_common).into_iter().flatten());
        left.push(share(Mark::Dropped, s.a_dropped));
        // What both have from a common text (`--common`) is in no link:
        // say how many matches were set apart, or a pair of 0 links would
        // read as two texts that share nothing.
        if al.set_apart > 0 {
            left.push(sep());
            apart = Some(left.len());
            left.push(Span::styled(
                crate::marks::count(al.set_apart, "match", "matches") + " set apart",
                t.strong(),
            ));
        }
        left.push(sep());
        detail = Some(left.len());
        match app.flag_status() {
            Some(f) => left.push(Span::styled(f, t.strong())),
            None => left.push(Span::raw(focus_info(app))),
        }
    }
    // Where the pair is among those ] and [ step through; after s it
    // is the same pair, the other way round.
    if let Some((n, of, swapped)) = app.pairs.walk_position(app.open.pair.into()) {
        left.push(sep());
        let more = if app.pairs.ranked() { "" } else { " so far" };
        left.push(Span::raw(format!("pair {}/{of}{more}", n + 1)));
        if swapped {
            left.push(Span::raw(" swapped"));
        }
    }
    // Reprints: a pair inside a family is not ranked (its articles are one
    // text); a family's representative is ranked for every member.
    let reprints = app.pairs.reprints(app.open.pair.a, app.open.pair.b);
    if let Some(n) = reprints.same {
        left.push(sep());
        left.push(Span::styled(
            format!("reprints: one family of {n}"),
            t.strong(),
        ));
    } else {
        for (side, n) in reprints.sides.by_side() {
            if *n > 1 {
                left.push(sep());
                left.push(Span::raw(format!("{} for a family of {n}", side.letter())));
            }
        }
    }
    if app.panes.search.active() {
        left.push(sep());
        left.push(Span::styled(
            format!("“{}” {}", app.panes.search.query, app.panes.search.count()),
            t.strong(),
        ));
    }
    if !app.panes.reading.sync {
        left.push(sep());
        left.push(Span::styled("independent", t.strong()));
    }
    let total: usize = left.iter().map(Span::width).sum();
    if let Some(i) = detail
        && total > width
    {
        let room = left[i].width().saturating_sub(total - width);
        if room >= MIN_DETAIL {
            left[i].content = shorten_right(&left[i].content, room).into();
        } else {
            // Too little to say anything: gone, with the space before it.
            left.drain(i - 1..=i);
        }
    }
    let total: usize = left.iter().map(Span::width).sum();
    if let Some(j) = apart
        && total > width
    {
        left.drain(j - 1..=j);
    }
    left
}

/// Fewest cells worth showing of the focus's line (`link 3…`).
const MIN_DETAIL: usize = 8;

fn focus_info(app: &App) -> String {
    let Some(c) = app.comparison() else {
        return String::new();
    };
    let al = &c.alignment;
    match app.panes.reading.focus {
        Some(Unit::Link(i)) => {
            let l = &al.links[i];
            let moved = if l.moved {
                format!(" {}", Mark::Moved.label())
            } else {
                String::new()
            };
            // The reused block it belongs to, when that holds more than it,
            // numbered as every output numbers it.
            let passage = c
                .passage_of(i)
                .map(|(k, n)| {
                    format!(
                        " · passage {n}/{} of {} links{}",
                        c.shown_passages(),
                        al.passages[k].links.len(),
                        al.passages[k].summary_note()
                    )
                })
                .unwrap_or_default();
            format!(
                "link {}/{} {}{moved} · {} kept in order{passage}",
                i + 1,
                al.links.len(),
                l.kind.as_str(),
                pct(c.kept(i)),
            )
        }
        Some(Unit::New(i)) => format!("{} {}/{}", Mark::New.label(), i + 1, al.b_unlinked.len()),
        Some(Unit::Dropped(i)) => format!(
            "{} {}/{}",
            Mark::Dropped.label(),
            i + 1,
            al.a_unlinked.len()
        ),
        Some(Unit::Apart(k)) => format!(
            "set apart {}/{} · both have it from {}",
            k + 1,
            al.apart.len(),
            al.apart.get(k).map_or("", |r| r.source.as_str())
        ),
        _ if al.links.len() == 1 => "1 link".into(),
        _ => format!("{} links", al.links.len()),
    }
}
