//! Quote and fact drift: what a rewrite changed that an editor must see.
//!
//! Rewording is the point of a rewrite; changing what someone said, or a
//! fact, is not. Given two articles and their alignment, this finds
//!
//! - **quotations** (“…” or "…", also running over several sentences or
//!   paragraphs) in each article, with the speaker the sentence names; a
//!   quotation in both articles whose words differ is an *altered quote*, and
//!   one of A's that B kept in a linked passage without quotation marks is a
//!   *reported quote*;
//! - **facts** changed inside a linked passage: a number (a count, amount,
//!   year, `three` → `multiple`) or a name (`Sergei` → `Sergey` Lavrov)
//!   replaced by another.
//!
//! Spelling variants (`finalizing`/`finalising`) are not changes: words are
//! compared in the aligner's folded form ([`crate::align::tokens::normalize`]).
//! No terminal code lives here.

use similar::{Algorithm, DiffOp, capture_diff_slices};

use crate::align::tokens::normalize;
use crate::align::{Alignment, Link, WordOp};
use crate::article::{Article, Sentences, TextBytes, Words};

mod facts;
mod quotes;

use facts::*;
use quotes::*;
pub use quotes::{Quote, quotes};

/// What changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// A quotation in both articles, with different words.
    AlteredQuote,
    /// A quotation of A that B gives as reported speech, without quotation marks.
    ReportedQuote,
    /// A number changed inside a linked passage.
    Number,
    /// A name changed inside a linked passage.
    Name,
}

impl FlagKind {
    /// How reports name the kind.
    pub const fn label(self) -> &'static str {
        match self {
            FlagKind::AlteredQuote => "altered quote",
            FlagKind::ReportedQuote => "reported quote",
            FlagKind::Number => "number",
            FlagKind::Name => "name",
        }
    }
}

/// One change an editor should look at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flag {
    /// What changed.
    pub kind: FlagKind,
    /// Bytes of A's text (normalized, as `Article::text`) involved.
    pub a: TextBytes,
    /// Bytes of B's text involved.
    pub b: TextBytes,
    /// A line for a reader: what became what.
    pub detail: String,
    /// Index of the link the change is in, if it is in one.
    pub link: Option<usize>,
}

/// Month and weekday names and their abbreviations: `Oct` is `October`.
const CALENDAR: &[(&str, &str)] = &[
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "september"),
    ("sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
    ("mon", "monday"),
    ("tue", "tuesday"),
    ("tues", "tuesday"),
    ("wed", "wednesday"),
    ("thu", "thursday"),
    ("thurs", "thursday"),
    ("fri", "friday"),
    ("sat", "saturday"),
    ("sun", "sunday"),
];

/// A word folded for comparison: spelling, case, number words, and month
/// and weekday abbreviations.
fn fold(word: &str) -> String {
    let n = normalize(word);
    let bare = n.trim_end_matches('.');
    CALENDAR
        .iter()
        .find(|(abbr, _)| *abbr == bare)
        .map_or(n.clone(), |(_, full)| (*full).to_string())
}

/// Every quote and fact drift between `a` and `b`, given their alignment,
/// sorted by position in B.
pub fn flags(a: &Article, b: &Article, al: &Alignment) -> Vec<Flag> {
    let mut out = Vec::new();
    let (qa, qb) = (quotes(a), quotes(b));
    let ca: Vec<Vec<String>> = qa.iter().map(|q| content(a, q.words)).collect();
    let cb: Vec<Vec<String>> = qb.iter().map(|q| content(b, q.words)).collect();
    // Each quotation of B with its best match in A.
    let mut matched_a = vec![false; qa.len()];
    for (j, q) in qb.iter().enumerate() {
        let best = (0..qa.len())
            .map(|i| (dice(&ca[i], &cb[j]), i))
            .filter(|((d, shared), _)| *d >= SAME_QUOTE_DICE && *shared >= SAME_QUOTE_SHARED)
            .max_by(|x, y| x.0.0.total_cmp(&y.0.0));
        let Some((_, i)) = best else { continue };
        matched_a[i] = true;
        if let Some(detail) = quote_changes(a, &qa[i], b, q) {
            out.push(Flag {
                kind: FlagKind::AlteredQuote,
                a: qa[i].span,
                b: q.span,
                detail,
                link: link_of(al, a, qa[i].span, b, q.span),
            });
        }
    }
    // A quotation of A that a link carries into B without quotation marks.
    for (i, q) in qa.iter().enumerate().filter(|(i, _)| !matched_a[*i]) {
        for (li, l) in al.links.iter().enumerate() {
            let la = a.sentences_bytes(l.a);
            if la.end <= q.span.start || la.start >= q.span.end {
                continue;
            }
            let lb = b.sentences_bytes(l.b);
            let bw = Words::new(
                b.words.partition_point(|w| w.span().start < lb.start),
                b.words.partition_point(|w| w.span().end <= lb.end),
            );
            let (d, shared) = dice(&ca[i], &content(b, bw));
            let kept = shared as f64 / ca[i].len().max(1) as f64;
            let quoted_in_b = qb
                .iter()
                .any(|qb| qb.span.start < lb.end && qb.span.end > lb.start);
            if kept >= REPORTED_SHARE && d > 0.0 && !quoted_in_b {
                let who = q
                    .speaker
                    .as_deref()
                    .map_or("a quotation".to_string(), |s| format!("{s}’s words"));
                out.push(Flag {
                    kind: FlagKind::ReportedQuote,
                    a: q.span,
                    b: lb,
                    detail: format!("{who} given as reported speech, without quotation marks"),
                    link: Some(li),
                });
                break;
            }
        }
    }
    for (li, l) in al.links.iter().enumerate() {
        fact_flags(a, b, l, li, &mut out);
    }
    out.sort_by_key(|f| (f.b.start, f.a.start, f.kind));
    out.dedup_by(|x, y| x.kind == y.kind && x.a == y.a && x.b == y.b);
    out
}

/// The link whose passages hold both spans, if one does.
fn link_of(
    al: &Alignment,
    a: &Article,
    sa: TextBytes,
    b: &Article,
    sb: TextBytes,
) -> Option<usize> {
    al.links.iter().position(|l| {
        let (la, lb) = (a.sentences_bytes(l.a), b.sentences_bytes(l.b));
        la.overlaps(&sa) && lb.overlaps(&sb)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(text: &str) -> Article {
        Article::parse("x.txt", text.as_bytes().to_vec())
    }

    #[test]
    fn quotes_with_speakers_and_continued_paragraphs() {
        let a = art(
            "Headline here\n\n“We will not give up the port,” the mayor, Ann Lee, said on Tuesday. Nobody expected it.\n\n\
             Trump wrote: \"In the hopes of finalizing this plan, I have directed my envoy to meet.\"\n\n\
             “This paragraph goes on, and on, to its end.\n\n“And on into the next one,” said Governor Mills.\n\n\
             The so-called “non-paper” was short.",
        );
        let q = quotes(&a);
        let texts: Vec<&str> = q.iter().map(|q| a.text_at(q.span)).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[0].starts_with("“We will not"));
        assert_eq!(q[1].speaker.as_deref(), Some("Trump"));
        assert!(texts[2].contains("goes on") && texts[2].ends_with("next one,”"));
        let straight = art(
            "Headline here\n\n\"This paragraph goes on, and on, to its end.\n\n\"And on into the next one,\" said Governor Mills.",
        );
        let q = quotes(&straight);
        assert_eq!(q.len(), 1);
        assert!(straight.text_at(q[0].span).ends_with("next one,\""));
        assert_eq!(q[0].speaker.as_deref(), Some("Governor Mills"));
    }

    #[test]
    fn a_quotation_turned_into_reported_speech_is_flagged() {
        let a = art(
            "Talks resume\n\nThe envoy spoke in Geneva on Monday. “We will meet President Putin in Moscow next week to finish the plan,” Witkoff said.",
        );
        let b = art(
            "Envoy to go to Moscow\n\nThe envoy spoke in Geneva on Monday. Witkoff said he would meet President Putin in Moscow next week to finish the plan.",
        );
        let al = crate::align::align(&a, &b);
        let f = flags(&a, &b, &al);
        let reported: Vec<&Flag> = f
            .iter()
            .filter(|f| f.kind == FlagKind::ReportedQuote)
            .collect();
        assert_eq!(reported.len(), 1, "{f:?}");
        assert!(
            reported[0].detail.starts_with("Witkoff’s words"),
            "{}",
            reported[0].detail
        );
        assert!(
            b.text_at(reported[0].b)
                .starts_with("Witkoff said he would")
        );
    }

    #[test]
    fn a_number_or_name_kept_elsewhere_in_the_link_is_no_change() {
        // The first sentence, copied whole, shows that B took from A: a
        // sentence reworded throughout is no evidence on its own, nor are
        // words both report someone saying, so without it the aligner would
        // give the pair no link and there would be nothing for drift to check.
        let lead = "Dockers at the port of Antwerp walked out on Monday over the new rota.";
        let a = art(&format!(
            "Port strike\n\n{lead} Few inside the ministry were told of the meeting in Antwerp, two union officials said on Tuesday."
        ));
        let b = art(&format!(
            "Port strike\n\n{lead} According to two union officials, few inside the ministry were told of the meeting in Antwerp, which was held on Tuesday."
        ));
        let al = crate::align::align(&a, &b);
        assert!(
            al.links
                .iter()
                .any(|l| l.kind == crate::align::Kind::Reworded)
        );
        assert_eq!(flags(&a, &b, &al), Vec::<Flag>::new());
    }

    #[test]
    fn similarity_measures_letters() {
        assert!(similarity("Sergei", "Sergey") >= NAME_SIMILARITY);
        assert!(similarity("Zelenskiy", "Zelensky") >= NAME_SIMILARITY);
        assert!(similarity("Trump", "Washington") < NAME_SIMILARITY);
        assert_eq!(fold("Oct"), fold("October"));
        assert_eq!(fold("finalising"), fold("finalizing"));
        assert_eq!(name_root("Russian"), name_root("Russia’s"));
        assert_eq!(name_root("European"), name_root("Europe"));
        assert_eq!(name_root("Ukrainians"), name_root("Ukrainian"));
        assert_ne!(name_root("Sergei"), name_root("Sergey"));
        assert_ne!(name_root("Zelensky"), name_root("Zelenskiy"));
    }
}
