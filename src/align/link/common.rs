//! Text both articles have from a source the reader names: a press release
//! two outlets quote, a wire story both rewrote, the question two students
//! answer. What both took from it shows nothing about one taking from the
//! other, however word for word they match.

use super::*;

/// A link between A and B is both texts' use of a common source when each
/// of its sides matches the same sentences of that source at least this much
/// less well than the two sides match each other, or better: two outlets that
/// quote one statement each keep its words (all three match alike), and two
/// rewrites of it each keep more of the statement than of the other
/// rewrite. A text that took another's rewriting of the source matches that
/// rewriting far better than the source (the rewriter's own words come along)
/// and stays linked.
const COMMON_MARGIN: f64 = 0.1;

/// For each of `links` (A against B), whether it is what both texts took from
/// one of `common`: its A side and its B side each match (without any test
/// of evidence: a single sentence taken from a press release is evidence of
/// nothing else, and is still taken) a sentence of that text that the other
/// side matches too, each nearly as well as they match each other
/// (`COMMON_MARGIN`).
pub(super) fn from_common(
    a: &Article,
    b: &Article,
    links: &[Link],
    common: &[Article],
    opts: &Options,
) -> Vec<bool> {
    let mut out = vec![false; links.len()];
    if common.is_empty() || links.is_empty() {
        return out;
    }
    // Every match with the common text, whether or not it shows reuse: the
    // question is only where the words came from.
    let raw = Options {
        evidence: super::super::Evidence {
            reuse: false,
            edges: false,
            ..opts.evidence
        },
        common: Vec::new(),
        ..opts.clone()
    };
    for c in common {
        let with_a = super::super::align_with(c, a, &raw).links;
        let with_b = super::super::align_with(c, b, &raw).links;
        for (l, from) in links.iter().zip(out.iter_mut()) {
            if *from {
                continue;
            }
            let floor = l.score - COMMON_MARGIN;
            let near = |side: Sentences, of: &[Link]| -> Vec<Sentences> {
                of.iter()
                    .filter(|x| x.b.overlaps(&side) && x.score >= floor)
                    .map(|x| x.a)
                    .collect()
            };
            let (ca, cb) = (near(l.a, &with_a), near(l.b, &with_b));
            *from = ca.iter().any(|x| cb.iter().any(|y| x.overlaps(y)));
        }
    }
    out
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
    fn reports(second: &str) -> (Article, Article) {
        let a = art(
            "a.txt",
            "Bridge to close for a year\n\n\
             Commuters face a long detour. The Elm Street bridge will close to all traffic \
             from March 3 for eleven months, while engineers replace its corroded steel \
             deck, the city's transport office announced on Tuesday. Shop owners on the \
             east bank fear for their trade.",
        );
        let b = art("b.txt", second);
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
    fn a_sentence_both_texts_quote_from_a_common_source_is_no_link_between_them() {
        let (a, b) = reports(
            "Elm Street bridge shuts in March\n\n\
             The Elm Street bridge will close to all traffic from March 3 for eleven months, \
             while engineers replace its corroded steel deck, the city's transport office \
             announced on Tuesday. Cyclists may still use the footway, a spokesman added.",
        );
        let release = art("release.txt", RELEASE);
        // Without the release, the sentence is copied from A to B.
        assert_eq!(links_of(&a, &b, &[]).len(), 1);
        assert_eq!(links_of(&a, &b, &[release]), vec![]);
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
    fn a_common_text_that_neither_draws_on_changes_nothing() {
        let (a, b) = reports(
            "Elm Street bridge shuts in March\n\n\
             The Elm Street bridge will close to all traffic from March 3 for eleven months, \
             while engineers replace its corroded steel deck, the city's transport office \
             announced on Tuesday. Cyclists may still use the footway, a spokesman added.",
        );
        let other = art(
            "other.txt",
            "Library hours\n\nThe central library opens at nine on weekdays and at ten on \
             Saturdays, and stays closed on Sundays and public holidays.",
        );
        assert_eq!(links_of(&a, &b, &[other]), links_of(&a, &b, &[]));
    }
}
