//! `copycat spread ARTICLE FOLDER`: one article's paragraphs and, beside
//! each, the articles that hold it, as text, JSON or a standalone HTML heat
//! map (the report's style and the marks' colours, as `compare --format
//! html`). The engine is [`crate::corpus::spread`]; `docs/json.md` describes
//! the JSON.

use std::fmt::Write as _;

use serde::Serialize;

use super::html::{STYLE, esc, escaped};
use super::report::{VERSION, round3};
use crate::align::Kind;
use crate::article::{Article, FileBytes, safe_line};
use crate::corpus::spread::{Relation, Taker, Uptake};
use crate::corpus::{Families, Party, provenance};
use crate::marks::{self, Mark, count, pct};

/// What `copycat spread --format json` prints.
#[derive(Debug, Serialize)]
pub struct SpreadReport<'a> {
    /// The report format's version.
    pub version: u32,
    /// The article whose spread this is.
    pub article: ArticleOut<'a>,
    /// Its reprints (its family but itself): they hold all of it.
    pub reprints: Vec<&'a str>,
    /// Articles sharing text with it, a family once, the largest share of
    /// the article first.
    pub takers: Vec<TakerOut<'a>>,
    /// Its body paragraphs in reading order, each with who holds it.
    pub paragraphs: Vec<ParagraphOut>,
    /// The common texts named with `--common`: in every pair, what both
    /// sides have from one of them was set apart, not counted.
    pub common: Vec<&'a str>,
}

/// The article.
#[derive(Debug, Serialize)]
pub struct ArticleOut<'a> {
    /// The path as given.
    pub path: &'a str,
    /// The headline (or the lead shortened).
    pub title: &'a str,
    /// `YYYY-MM-DD`, or `null`.
    pub date: Option<&'a str>,
    /// The outlet, or `null`.
    pub outlet: Option<&'a str>,
    /// Body words.
    pub words: usize,
}

/// An article (or a family) sharing text with the article.
#[derive(Debug, Serialize)]
pub struct TakerOut<'a> {
    /// The path of the article aligned (a family's representative).
    pub path: &'a str,
    /// Every article it stands for, itself first (its family's members).
    pub articles: Vec<&'a str>,
    /// Their outlets, sorted.
    pub outlets: &'a [String],
    /// `took` (the article is its likely source), `gave` (it is the
    /// article's likely source) or `related` (nothing tells).
    pub relation: &'static str,
    /// Share of the article's body found in it.
    #[serde(serialize_with = "round3")]
    pub share_of_article: f64,
    /// Share of its body found in the article.
    #[serde(serialize_with = "round3")]
    pub share_of_it: f64,
    /// The pair as `rank` lists it: `a` the likely source (or the first),
    /// `b` the copy; link indices below are those of `compare a b`.
    pub pair: PairOut<'a>,
}

/// The pair of the article and a taker.
#[derive(Debug, Serialize)]
pub struct PairOut<'a> {
    /// Path of A.
    pub a: &'a str,
    /// Path of B.
    pub b: &'a str,
    /// As `rank`'s `pairs[].direction`.
    pub direction: &'static str,
    /// As `rank`'s `pairs[].why`.
    pub why: String,
    /// Number of links.
    pub links: usize,
}

/// One body paragraph of the article.
#[derive(Debug, Serialize)]
pub struct ParagraphOut {
    /// Its number among body paragraphs (`¶3`).
    pub number: usize,
    /// Where it is in the article's file.
    pub start: usize,
    /// One past its last byte.
    pub end: usize,
    /// Body words.
    pub words: usize,
    /// Articles holding some of it, a family counting with its size.
    pub held_by: usize,
    /// Who holds it, the largest share first.
    pub takes: Vec<TakeOut>,
}

/// One taker's hold on a paragraph.
#[derive(Debug, Serialize)]
pub struct TakeOut {
    /// Index into `takers`.
    pub taker: usize,
    /// `copied` or `reworded`: what most of what it holds is.
    pub kind: &'static str,
    /// Share of the paragraph's words in links with the taker…
    #[serde(serialize_with = "round3")]
    pub share: f64,
    /// …in copied links…
    #[serde(serialize_with = "round3")]
    pub copied: f64,
    /// …and in reworded links.
    #[serde(serialize_with = "round3")]
    pub reworded: f64,
    /// Indices of the pair's links holding it (in `compare a b`'s `links`).
    pub links: Vec<usize>,
    /// Where the taker holds it: a byte range of the taker's file.
    pub in_taker: FileBytes,
}

fn why(arts: &[Article], fams: &Families, t: &Taker) -> String {
    let party = |x: usize| Party::of(&arts[x], fams.stands_for(x).into_iter().map(|m| &arts[m]));
    provenance::reason(&party(t.pair.a), &party(t.pair.b), &t.pair)
}

impl<'a> SpreadReport<'a> {
    /// The report of `u` over `arts` (`fams`: the families it was made
    /// with, for the reasons).
    pub fn new(arts: &'a [Article], fams: &Families, u: &'a Uptake) -> SpreadReport<'a> {
        let x = &arts[u.article];
        SpreadReport {
            version: VERSION,
            article: ArticleOut {
                path: &x.path,
                title: &x.meta.title,
                date: x.meta.date.as_deref(),
                outlet: x.meta.outlet.as_deref(),
                words: x.body_words(),
            },
            reprints: u.reprints.iter().map(|&r| arts[r].path.as_str()).collect(),
            common: u.common.iter().map(String::as_str).collect(),
            takers: u
                .takers
                .iter()
                .map(|t| TakerOut {
                    path: &arts[t.article].path,
                    articles: t
                        .stands_for
                        .iter()
                        .map(|&m| arts[m].path.as_str())
                        .collect(),
                    outlets: &t.outlets,
                    relation: t.relation.as_str(),
                    share_of_article: t.x_in_it,
                    share_of_it: t.it_in_x,
                    pair: PairOut {
                        a: &arts[t.pair.a].path,
                        b: &arts[t.pair.b].path,
                        direction: t.pair.direction.as_str(),
                        why: why(arts, fams, t),
                        links: t.pair.links,
                    },
                })
                .collect(),
            paragraphs: u
                .paragraphs
                .iter()
                .map(|p| ParagraphOut {
                    number: p.number,
                    start: p.span.start,
                    end: p.span.end,
                    words: p.words,
                    held_by: p.held_by(&u.takers),
                    takes: p
                        .takes
                        .iter()
                        .map(|t| {
                            let other = &arts[u.takers[t.taker].article];
                            let in_taker = if t.sentences.is_empty() {
                                FileBytes::empty_at(0)
                            } else {
                                other.file_bytes(other.sentences_bytes(t.sentences))
                            };
                            TakeOut {
                                taker: t.taker,
                                kind: t.kind.as_str(),
                                share: t.share,
                                copied: t.copied,
                                reworded: t.reworded,
                                links: t.links.clone(),
                                in_taker,
                            }
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

/// `copycat spread --format json`.
pub fn json(arts: &[Article], fams: &Families, u: &Uptake) -> String {
    super::json::pretty(&SpreadReport::new(arts, fams, u))
}

/// A taker's name: its path, `×N` for a family of N.
fn taker_name(arts: &[Article], t: &Taker) -> String {
    let n = t.stands_for.len();
    let path = safe_line(&arts[t.article].path);
    if n > 1 {
        format!("{path} ×{n}")
    } else {
        path.into_owned()
    }
}

/// The first words of a paragraph, on one line.
fn preview(art: &Article, p: &crate::corpus::spread::Paragraph, chars: usize) -> String {
    let text = art.text_at(art.paragraphs[p.paragraph].span);
    let line = safe_line(text);
    let mut out: String = line.chars().take(chars).collect();
    if line.chars().count() > chars {
        out.push('…');
    }
    out
}

/// What it is, in a line: how many share text, how many took.
fn headline(u: &Uptake) -> String {
    let took = u
        .takers
        .iter()
        .filter(|t| t.relation == Relation::Took)
        .map(|t| t.stands_for.len())
        .sum::<usize>();
    let gave = u
        .takers
        .iter()
        .filter(|t| t.relation == Relation::Gave)
        .map(|t| t.stands_for.len())
        .sum::<usize>();
    let mut s = format!(
        "{} text with it ({} took from it, {} gave to it, {} related)",
        count(u.articles(), "article shares", "articles share"),
        took,
        gave,
        u.articles() - took - gave
    );
    let families = u.takers.iter().filter(|t| t.stands_for.len() > 1).count();
    if families > 0 {
        let _ = write!(
            s,
            "; {} counted once",
            count(families, "reprint family", "reprint families")
        );
    }
    if !u.reprints.is_empty() {
        let _ = write!(
            s,
            "; itself reprinted {}",
            count(u.reprints.len(), "time", "times")
        );
    }
    s
}

/// The line saying what every pair had set apart, when common texts were
/// named (`spread --common`).
fn set_apart(u: &Uptake) -> Option<String> {
    (!u.common.is_empty()).then(|| {
        format!(
            "set apart in every pair: what both have from {}",
            u.common.join(", ")
        )
    })
}

/// `copycat spread` as text: the article, who shares text with it (one
/// line each, numbered), then each paragraph with who holds it.
pub fn text(arts: &[Article], fams: &Families, u: &Uptake) -> String {
    let x = &arts[u.article];
    let mut s = String::new();
    let _ = writeln!(s, "Spread of {}", safe_line(&x.path));
    let mut meta = vec![safe_line(&x.meta.title).into_owned()];
    meta.extend(x.meta.outlet.as_deref().map(|o| safe_line(o).into_owned()));
    meta.extend(x.meta.date.clone());
    meta.push(count(x.body_words(), "word", "words"));
    let _ = writeln!(s, "  {}", meta.join(" · "));
    let _ = writeln!(s, "{}", headline(u));
    if let Some(apart) = set_apart(u) {
        let _ = writeln!(s, "{}", safe_line(&apart));
    }
    s.push('\n');
    if !u.takers.is_empty() {
        s.push_str("      this in it  it in this  relation  article  (why)\n");
        for (k, t) in u.takers.iter().enumerate() {
            let _ = writeln!(
                s,
                "{:>4}  {:>10}  {:>10}  {:<8}  {}  ({})",
                format!("[{}]", k + 1),
                pct(t.x_in_it),
                pct(t.it_in_x),
                t.relation.as_str(),
                taker_name(arts, t),
                why(arts, fams, t)
            );
        }
        s.push('\n');
    }
    for p in &u.paragraphs {
        let _ = writeln!(s, "¶{:<3} {}", p.number, preview(x, p, 72));
        if p.takes.is_empty() {
            s.push_str("      held by none\n");
            continue;
        }
        let takes: Vec<String> = p
            .takes
            .iter()
            .map(|t| format!("[{}] {} {}", t.taker + 1, t.kind.as_str(), pct(t.share)))
            .collect();
        let _ = writeln!(
            s,
            "      held by {}: {}",
            p.held_by(&u.takers),
            takes.join(" · ")
        );
    }
    s
}

/// Page styles of the heat map, beside the report's.
const MAP_STYLE: &str = r#"
.scroll { overflow-x:auto; }
table.map { table-layout:auto; width:auto; min-width:100%; }
table.map th.t { font:600 12px system-ui, sans-serif; writing-mode:vertical-rl; transform:rotate(180deg); white-space:nowrap; max-height:16rem; padding:.4rem .2rem; }
table.map td.p { min-width:22rem; max-width:36rem; position:sticky; left:0; background:var(--bg); }
table.map td.c { font:12px system-ui, sans-serif; text-align:center; min-width:2.6rem; padding:.2rem; }
table.map td.n { font:12px system-ui, sans-serif; color:var(--dim); text-align:right; white-space:nowrap; }
.num { font:600 12px system-ui, sans-serif; color:var(--dim); }
ol.takers { font:14px system-ui, sans-serif; } ol.takers .why { color:var(--dim); font-size:13px; }
"#;

/// A cell of the map: the kind's passage tint, as strong as the share.
fn cell(kind: Kind, share: f64) -> String {
    let mark = match kind {
        Kind::Copied => Mark::Copied,
        Kind::Reworded => Mark::Reworded,
    };
    let strength = (20.0 + 80.0 * share.clamp(0.0, 1.0)).round();
    format!(
        "<td class=\"c\" style=\"background:color-mix(in srgb, var(--{0}-bg) {strength}%, transparent)\" title=\"{0} {1}\">{1}</td>",
        mark.label(),
        pct(share)
    )
}

/// `copycat spread --format html`: a standalone heat map, the article's
/// paragraphs down, who took them across.
pub fn html(arts: &[Article], fams: &Families, u: &Uptake) -> String {
    let x = &arts[u.article];
    let mut o = String::new();
    let _ = write!(
        o,
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>copycat: spread of {}</title><style>{}{STYLE}{MAP_STYLE}</style></head><body>\n",
        escaped(&x.meta.title),
        marks::css()
    );
    let mut meta = Vec::new();
    meta.push(escaped(&x.path));
    meta.extend(x.meta.outlet.as_deref().map(escaped));
    meta.extend(x.meta.date.as_deref().map(escaped));
    meta.push(count(x.body_words(), "word", "words"));
    let _ = writeln!(
        o,
        "<h1>How “{}” travelled</h1><div class=\"meta\">{}</div><div class=\"stats\">{}</div>",
        escaped(&x.meta.title),
        meta.join(" · "),
        escaped(&headline(u))
    );
    if let Some(apart) = set_apart(u) {
        let _ = writeln!(o, "<div class=\"stats\">{}</div>", escaped(&apart));
    }
    o.push_str("<div class=\"legend\">");
    for m in [Mark::Copied, Mark::Reworded] {
        let _ = write!(
            o,
            "<span class=\"sw\" style=\"background:var(--{0}-bg)\"></span> {0} ({1}) ",
            m.label(),
            m.meaning()
        );
    }
    o.push_str(
        "· a cell's strength and figure: the share of the paragraph the article holds</div>\n",
    );
    if !u.takers.is_empty() {
        o.push_str("<ol class=\"takers\">\n");
        for t in &u.takers {
            let _ = writeln!(
                o,
                "<li><b>{}</b>{} · {} · {} of it, {} of them <span class=\"why\">({})</span></li>",
                escaped(&arts[t.article].path),
                if t.stands_for.len() > 1 {
                    format!(" ×{} (a reprint family)", t.stands_for.len())
                } else {
                    String::new()
                },
                t.relation.as_str(),
                pct(t.x_in_it),
                pct(t.it_in_x),
                escaped(&why(arts, fams, t))
            );
        }
        o.push_str("</ol>\n");
    }
    o.push_str("<div class=\"scroll\"><table class=\"map\"><thead><tr><th>Paragraph</th><th class=\"t\">held by</th>");
    for (k, t) in u.takers.iter().enumerate() {
        let name = t
            .outlets
            .first()
            .cloned()
            .unwrap_or_else(|| arts[t.article].file_name().to_string());
        let size = if t.stands_for.len() > 1 {
            format!(" ×{}", t.stands_for.len())
        } else {
            String::new()
        };
        let _ = write!(
            o,
            "<th class=\"t\" title=\"{}\">{} {}{size}</th>",
            escaped(&arts[t.article].path),
            k + 1,
            escaped(&name)
        );
    }
    o.push_str("</tr></thead><tbody>\n");
    for p in &u.paragraphs {
        let text = x.text_at(x.paragraphs[p.paragraph].span);
        let mut row = String::new();
        let _ = write!(
            row,
            "<tr><td class=\"p\"><span class=\"num\">¶{}</span> ",
            p.number
        );
        esc(text, &mut row);
        let _ = write!(row, "</td><td class=\"n\">{}</td>", p.held_by(&u.takers));
        for k in 0..u.takers.len() {
            match p.takes.iter().find(|t| t.taker == k) {
                Some(t) => row.push_str(&cell(t.kind, t.share)),
                None => row.push_str("<td class=\"c\"></td>"),
            }
        }
        row.push_str("</tr>\n");
        o.push_str(&row);
    }
    o.push_str("</tbody></table></div>\n<p class=\"meta\">Made by copycat.</p></body></html>\n");
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus;

    #[test]
    fn the_three_outputs_agree_on_the_bundled_wire_story() {
        let arts = crate::article::bundled();
        let x = arts
            .iter()
            .position(|a| a.path.contains("reuters"))
            .unwrap();
        let r = corpus::rank(&arts);
        let u = corpus::spread(&arts, &r, x);
        let t = text(&arts, &r.families, &u);
        let j: serde_json::Value = serde_json::from_str(&json(&arts, &r.families, &u)).unwrap();
        let h = html(&arts, &r.families, &u);
        assert_eq!(j["takers"].as_array().unwrap().len(), u.takers.len());
        assert_eq!(
            j["paragraphs"].as_array().unwrap().len(),
            u.paragraphs.len()
        );
        // A row of the map per paragraph, a column per taker.
        assert_eq!(h.matches("<td class=\"p\">").count(), u.paragraphs.len());
        assert_eq!(h.matches("<th class=\"t\"").count(), u.takers.len() + 1);
        for (k, tk) in u.takers.iter().enumerate() {
            assert!(t.contains(&format!("[{}]", k + 1)), "{t}");
            assert_eq!(j["takers"][k]["path"], arts[tk.article].path.as_str());
        }
        // Every take's bytes cut the taker's file where its sentences are.
        for p in j["paragraphs"].as_array().unwrap() {
            for tk in p["takes"].as_array().unwrap() {
                let other = &arts[u.takers[tk["taker"].as_u64().unwrap() as usize].article];
                let (s, e) = (
                    tk["in_taker"]["start"].as_u64().unwrap() as usize,
                    tk["in_taker"]["end"].as_u64().unwrap() as usize,
                );
                assert!(s < e && e <= other.bytes.len());
            }
        }
    }

    #[test]
    fn article_text_in_the_map_is_escaped() {
        let story = "<script>alert(1)</script> The council voted on Tuesday to close the old harbour bridge to lorries after engineers found cracks in two of its girders.";
        let longer = format!(
            "{story}\n\nMeanwhile the football club won the cup final on penalties after a goalless draw in heavy rain.\n\n\
             The mayor opened a new library in the east of the city, with a reading room for children and a café.\n\n\
             Farmers warned that the dry spring would cut the wheat harvest by a fifth unless rain came soon."
        );
        let arts = vec![
            Article::parse("a.txt", story.as_bytes().to_vec()),
            Article::parse("b\u{1b}[31m<i>.txt", longer.into_bytes()),
        ];
        let r = corpus::rank(&arts);
        let u = corpus::spread(&arts, &r, 0);
        assert_eq!(u.takers.len(), 1, "{u:?}");
        let h = html(&arts, &r.families, &u);
        assert!(!h.contains("<script>") && h.contains("&lt;script&gt;"));
        assert!(!h.contains('\u{1b}') && !h.contains("<i>"));
        assert!(!text(&arts, &r.families, &u).contains('\u{1b}'));
    }
}
