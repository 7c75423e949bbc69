//! Text both articles have from a source the reader names: a press release
//! two outlets quote, a wire story both rewrote, the question two students
//! answer. What both took from it shows nothing about one taking from the
//! other, however word for word they match.

use super::*;
use crate::align::{CommonMatch, CommonMatches};
use std::sync::Arc;

/// A link between A and B is both texts' use of a common source when each
/// side keeps, in order, as many of its words from the part of that source
/// it matches as from the other side, or at most this share of them fewer:
/// two outlets that quote one statement each keep all of it (the three
/// agree), and two rewrites of it each keep more of the statement than of
/// the other rewrite. A text that took another's rewriting of the source has far more
/// from that rewriting than from the source (the rewriter's own words came
/// along), and stays linked. Words kept in order, not the links' scores:
/// the source's sentences may be cut or grouped otherwise than the
/// articles' (a quotation set into a paragraph, a table's lines run
/// together), which lowers a link's Dice but not the words kept.
const COMMON_MARGIN: f64 = 0.1;

/// Most words of a link and the part of a common text it matches that are
/// compared exactly (past this, `words::common_in_order` gives a lower
/// bound, a limit on the cost).
const MAX_COMMON_WORDS: usize = 4_000;

/// What A and B each match in the common texts, to tell which of their
/// links both took from one of them (`explains`).
pub(super) struct Common<'t> {
    a: &'t Article,
    b: &'t Article,
    /// Per common text: the text, its matches with A (`a` in the common
    /// text, `b` in A) and with B.
    matches: Vec<(&'t Article, Arc<CommonMatch>, Arc<CommonMatch>)>,
}

impl<'t> Common<'t> {
    /// The matches of `a` and `b` with each of `common`, without any test
    /// of evidence: a single sentence taken from a press release is evidence
    /// of nothing else, and is still taken. Nothing is aligned when there is
    /// no common text.
    ///
    /// A common text that is A or B itself (the press release, ranked with
    /// the stories in its folder), or that one of them reprints nearly whole
    /// (`is_a_copy`: an outlet's copy with its dateline and credit line), is
    /// left out for that pair: what the other took from it is what the pair
    /// is about.
    pub(super) fn new(
        a: &'t Article,
        b: &'t Article,
        common: &'t [Article],
        opts: &Options,
    ) -> Common<'t> {
        // Built field by field: `..opts.clone()` would copy the common
        // texts themselves for every pair a ranking aligns.
        let raw = Options {
            diff_words: opts.diff_words,
            candidates: opts.candidates,
            evidence: super::super::Evidence {
                reuse: false,
                edges: false,
                ..opts.evidence
            },
            common: Vec::new(),
            common_matches: CommonMatches::default(),
        };
        // Kept across pairs (`Options::common_matches`): a ranking aligns
        // each article with the common text once, not once per pair.
        let with = |c: &Article, art: &Article| {
            opts.common_matches.get(c, art, &raw, || {
                let al = super::super::align_with(c, art, &raw);
                CommonMatch {
                    copy: is_a_copy(&al),
                    links: al.links,
                }
            })
        };
        let matches = common
            .iter()
            .filter(|c| c.text != a.text && c.text != b.text)
            .filter_map(|c| {
                let (with_a, with_b) = (with(c, a), with(c, b));
                (!with_a.copy && !with_b.copy).then_some((c, with_a, with_b))
            })
            .collect();
        Common { a, b, matches }
    }

    /// Which of `links` (A against B, in B's order) both texts took from one
    /// of the common texts (`explains`), judged a run at a time: links that
    /// follow each other with no sentence between them on either side are
    /// one passage, and a passage is taken whole. A text that took another's
    /// paragraph took its quotation of the source with it; a rewording of
    /// the source that left one of its sentences nearly as it was is still
    /// the rewriter's passage.
    ///
    /// Returns a flag per link, and each run set apart with the common text
    /// that explains it.
    pub(super) fn set_apart(&self, links: &[Link]) -> (Vec<bool>, Vec<SetApart>) {
        let mut out = vec![false; links.len()];
        let mut runs = Vec::new();
        if self.matches.is_empty() {
            return (out, runs);
        }
        let mut start = 0;
        while start < links.len() {
            let mut end = start + 1;
            while end < links.len()
                && links[end].a.start == links[end - 1].a.end
                && links[end].b.start == links[end - 1].b.end
            {
                end += 1;
            }
            let run = &links[start..end];
            let (a, b) = (
                run[0].a.hull(&run[run.len() - 1].a),
                run[0].b.hull(&run[run.len() - 1].b),
            );
            if let Some(c) = self.explains(a, b) {
                out[start..end].iter_mut().for_each(|o| *o = true);
                runs.push(SetApart {
                    a,
                    b,
                    source: c.path.clone(),
                });
            }
            start = end;
        }
        (out, runs)
    }

    /// Whether the passage of sentences `a` of A and `b` of B is what both
    /// texts took from one of the common texts: its two sides match one part
    /// of it (overlapping sentences), and each has from that part nearly as
    /// much as from the other side, or more (`COMMON_MARGIN`). The first
    /// common text that does, if any.
    fn explains(&self, a: Sentences, b: Sentences) -> Option<&'t Article> {
        // Words as ids of this comparison's own (case folded): what each
        // side keeps of another in order, however the sentences are cut.
        let mut ids: HashMap<String, u32> = HashMap::default();
        let mut words_of = |art: &Article, r: Sentences| -> Vec<u32> {
            art.text_at(art.sentences_bytes(r))
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(|w| {
                    let n = ids.len() as u32;
                    *ids.entry(w.to_lowercase()).or_insert(n)
                })
                .collect()
        };
        let (la, lb) = (words_of(self.a, a), words_of(self.b, b));
        let share = |n: usize, of: &[u32]| n as f64 / of.len().max(1) as f64;
        let kept = |x: &[u32], y: &[u32]| words::common_in_order(x, y, MAX_COMMON_WORDS);
        let between = kept(&la, &lb);
        let hull = |side: Sentences, of: &[Link]| {
            of.iter()
                .filter(|x| x.b.overlaps(&side))
                .map(|x| x.a)
                .reduce(|x, y| x.hull(&y))
        };
        let found = self.matches.iter().find(|(c, with_a, with_b)| {
            let (Some(ca), Some(cb)) = (hull(a, &with_a.links), hull(b, &with_b.links)) else {
                return false;
            };
            if !ca.overlaps(&cb) {
                return false;
            }
            let lc = words_of(c, ca.hull(&cb));
            share(kept(&lc, &la), &la) >= share(between, &la) - COMMON_MARGIN
                && share(kept(&lc, &lb), &lb) >= share(between, &lb) - COMMON_MARGIN
        });
        found.map(|(c, _, _)| *c)
    }
}

/// Whether the article aligned with a common text (`al`, the common text as
/// A) is a copy of it: most of its words copied from it, and little of the
/// common text left out. A rewriting of the common text is not (its words are
/// reworded), nor is a story that quotes part of it.
fn is_a_copy(al: &super::super::Alignment) -> bool {
    al.stats.b_copied >= COPY_COPIED && al.stats.a_dropped <= COPY_DROPPED
}

/// A copy of a common text has this share of its words copied from it…
const COPY_COPIED: f64 = 0.8;
/// …and leaves out at most this share of it.
const COPY_DROPPED: f64 = 0.2;

/// Drop the items whose flag is set (`flags` runs beside `items`).
pub(super) fn drop_flagged<T>(items: &mut Vec<T>, flags: &[bool]) {
    let mut flag = flags.iter();
    items.retain(|_| !flag.next().copied().unwrap_or(false));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(path: &str, text: &str) -> Article {
        Article::parse(path, text.as_bytes().to_vec())
    }

    const RELEASE: &str = "City Hall closes the Elm Street bridge.\n\n\
        The Elm Street bridge will close to all traffic from March 3 for eleven months, \
        while engineers replace its corroded steel deck, the city's transport office \
        announced on Tuesday. Buses on routes 12 and 40 will cross at Harbour Road instead.";

    /// Two reports that each quote the release's sentence, with words of
    /// their own around it.
    fn reports() -> (Article, Article) {
        let a = art(
            "a.txt",
            "Bridge to close for a year\n\n\
             Commuters face a long detour. The Elm Street bridge will close to all traffic \
             from March 3 for eleven months, while engineers replace its corroded steel \
             deck, the city's transport office announced on Tuesday. Shop owners on the \
             east bank fear for their trade.",
        );
        let b = art(
            "b.txt",
            "Elm Street bridge shuts in March\n\n\
             The Elm Street bridge will close to all traffic from March 3 for eleven months, \
             while engineers replace its corroded steel deck, the city's transport office \
             announced on Tuesday. Cyclists may still use the footway, a spokesman added.",
        );
        (a, b)
    }

    fn links_of(a: &Article, b: &Article, common: &[Article]) -> Vec<Link> {
        let opts = Options {
            common: common.to_vec(),
            ..Options::default()
        };
        crate::align::align_with(a, b, &opts).links
    }

    #[test]
    fn each_articles_matches_with_a_common_text_are_aligned_once_for_all_its_pairs() {
        let (a, b) = reports();
        let c = art(
            "c.txt",
            "Detour for Elm Street traffic\n\n\
             Drivers will need another way across the river. The Elm Street bridge will \
             close to all traffic from March 3 for eleven months, while engineers replace \
             its corroded steel deck, the city's transport office announced on Tuesday.",
        );
        let release = art("release.txt", RELEASE);
        let opts = Options {
            common: vec![release.clone()],
            ..Options::default()
        };
        let pairs = [(&a, &b), (&a, &c), (&c, &b)];
        let kept: Vec<_> = pairs
            .iter()
            .map(|(x, y)| crate::align::align_with(x, y, &opts))
            .collect();
        // Three articles, one common text: three alignments, not six.
        assert_eq!(opts.common_matches.len(), 3);
        // Each pair comes out as it does with nothing kept, set apart alike.
        for ((x, y), got) in pairs.iter().zip(&kept) {
            let fresh = Options {
                common: vec![release.clone()],
                ..Options::default()
            };
            assert_eq!(&crate::align::align_with(x, y, &fresh), got);
            assert_eq!(got.set_apart, 1);
        }
        // Other options are other alignments, not the kept ones.
        let other = Options {
            evidence: crate::align::Evidence::without("synonyms").unwrap(),
            ..opts.clone()
        };
        crate::align::align_with(&a, &b, &other);
        assert_eq!(opts.common_matches.len(), 5);
    }

    #[test]
    fn a_sentence_both_texts_quote_from_a_common_source_is_no_link_between_them() {
        let (a, b) = reports();
        let release = art("release.txt", RELEASE);
        // Without the release, the sentence is copied from A to B.
        assert_eq!(links_of(&a, &b, &[]).len(), 1);
        assert_eq!(links_of(&a, &b, &[release]), vec![]);
    }

    #[test]
    fn what_is_set_apart_is_said_where_it_is_and_is_neither_new_nor_dropped() {
        let (a, b) = reports();
        let opts = Options {
            common: vec![art("release.txt", RELEASE)],
            ..Options::default()
        };
        let al = crate::align::align_with(&a, &b, &opts);
        let quoted = |art: &Article| {
            let s = (0..art.sentences.len())
                .find(|&i| {
                    art.sentence_text(i)
                        .starts_with("The Elm Street bridge will")
                })
                .expect("the quotation");
            Sentences::new(s, s + 1)
        };
        assert_eq!(al.set_apart, 1);
        assert!(
            al.notes[0].starts_with("1 match set apart"),
            "{:?}",
            al.notes
        );
        assert_eq!(
            al.apart,
            vec![SetApart {
                a: quoted(&a),
                b: quoted(&b),
                source: "release.txt".into()
            }]
        );
        let outside = |runs: &[Sentences], r: Sentences| runs.iter().all(|u| !u.overlaps(&r));
        assert!(outside(&al.a_unlinked, quoted(&a)), "{:?}", al.a_unlinked);
        assert!(outside(&al.b_unlinked, quoted(&b)), "{:?}", al.b_unlinked);
        // The sentences around it are still A's and B's own.
        assert!(!al.a_unlinked.is_empty() && !al.b_unlinked.is_empty());
        // Its words have a share of their own on each side, out of B's new
        // and A's dropped: the quotation's words of each text's body.
        let share = |art: &Article| {
            art.sentences[quoted(art).start].words.len() as f64 / art.body_words() as f64
        };
        let st = al.stats;
        assert!((st.b_common - share(&b)).abs() < 1e-9, "{st:?}");
        assert!((st.a_common - share(&a)).abs() < 1e-9, "{st:?}");
        assert!((st.b_copied + st.b_reworded + st.b_common + st.b_new - 1.0).abs() < 1e-9);
        assert!((st.a_common + st.a_dropped - 1.0).abs() < 1e-9, "{st:?}");
        // Swapped, the pair is mirrored, runs set apart with it.
        let back = crate::align::align_with(&b, &a, &opts);
        assert_eq!(back.apart[0].a, quoted(&b));
        assert_eq!(back.apart[0].b, quoted(&a));
        assert_eq!(back.stats.b_common, st.a_common);
        assert_eq!(back.stats.a_common, st.b_common);
    }

    #[test]
    fn a_texts_own_rewording_of_the_common_source_taken_by_the_other_stays_linked() {
        // B took A's rewording of the release, not the release: the words
        // A changed came with it.
        let a = art(
            "a.txt",
            "Bridge to close for a year\n\n\
             Commuters face a long detour. From March 3 nobody will drive over the Elm \
             Street bridge for the best part of a year, as crews tear out a rusted steel \
             deck that officials say can no longer be trusted. Shop owners on the east bank \
             fear for their trade.",
        );
        let b = art(
            "b.txt",
            "Elm Street bridge shuts in March\n\n\
             From March 3 nobody will drive over the Elm Street bridge for the best part of \
             a year, as crews tear out a rusted steel deck that officials say can no longer \
             be trusted. Cyclists may still use the footway, a spokesman added.",
        );
        let release = art("release.txt", RELEASE);
        let linked = links_of(&a, &b, std::slice::from_ref(&release));
        assert_eq!(linked.len(), 1);
        assert_eq!(linked, links_of(&a, &b, &[]));
    }

    #[test]
    fn a_paragraph_taken_with_its_quotation_of_the_common_source_stays_linked() {
        // B took A's paragraph whole: A's own sentence, then the release's
        // sentence A quoted. The quotation alone is the release's; the run
        // of the two is A's.
        let paragraph = "Commuters on the east bank woke to a detour that shop owners fear \
             will cost them a season's trade. The Elm Street bridge will close to all \
             traffic from March 3 for eleven months, while engineers replace its corroded \
             steel deck, the city's transport office announced on Tuesday.";
        let a = art(
            "a.txt",
            &format!("Bridge to close for a year\n\n{paragraph} Buses will be busier."),
        );
        let b = art(
            "b.txt",
            &format!(
                "Elm Street bridge shuts in March\n\n{paragraph} Cyclists may still use the footway."
            ),
        );
        let release = art("release.txt", RELEASE);
        let alone = links_of(&a, &b, &[]);
        assert_eq!(alone.len(), 2, "{alone:?}");
        assert_eq!(links_of(&a, &b, &[release]), alone);
    }

    #[test]
    fn the_common_source_itself_is_compared_as_any_article_is() {
        // Ranked with the stories in its folder, the release is A: what B
        // took from it is what the pair is about, not set apart.
        let (_, b) = reports();
        let release = art("release.txt", RELEASE);
        let linked = links_of(&release, &b, std::slice::from_ref(&release));
        assert!(!linked.is_empty());
        assert_eq!(linked, links_of(&release, &b, &[]));
    }

    #[test]
    fn an_outlets_copy_of_the_common_source_is_compared_as_any_article_is() {
        // The release as an outlet ran it, with a dateline and a credit line:
        // B's quotation is taken from it as much as from the release.
        let (_, b) = reports();
        let release = art("release.txt", RELEASE);
        let body = RELEASE.split_once("\n\n").unwrap().1;
        let copy = art(
            "copy.txt",
            &format!(
                "City Hall closes the Elm Street bridge.\n\nMETROPOLIS - {body}\n\n\
                 Reporting by the City Desk."
            ),
        );
        let linked = links_of(&copy, &b, std::slice::from_ref(&release));
        assert!(!linked.is_empty());
        assert_eq!(linked, links_of(&copy, &b, &[]));
    }

    #[test]
    fn a_common_text_that_neither_draws_on_changes_nothing() {
        let (a, b) = reports();
        let other = art(
            "other.txt",
            "Library hours\n\nThe central library opens at nine on weekdays and at ten on \
             Saturdays, and stays closed on Sundays and public holidays.",
        );
        assert_eq!(links_of(&a, &b, &[other]), links_of(&a, &b, &[]));
    }
}
