//! Who took from whom: the one rule that says which article of a pair is
//! the likely source ([`orient`], [`Pair::source`](super::Pair::source)),
//! each article's likely sources, and the family tree they make.
//!
//! **The rule.** A direction is given only on evidence, and the evidence is
//! named ([`Direction`]):
//!
//! 1. *Dates*: both are dated, on different days; the earlier is the source.
//!    A family of reprints is dated by its earliest member: the text existed
//!    then.
//! 2. *Attribution*: one names the other's outlet (`… the Wall Street
//!    Journal reported`), and not the other way round; the one naming is the
//!    copy.
//! 3. *Containment*: most of one ([`MOST`]) is inside the other, clearly
//!    more than the other way round ([`ONE_SIDED`]); the other is not a
//!    long document of which this is a passage (at least [`NOT_A_PASSAGE`]
//!    of it is inside the first); and the first is a *selection* of the
//!    other: it kept some sentences of [`MIN_PARTLY`] paragraphs of the
//!    other or more and left the rest of them out, as a summary or a
//!    condensed rewrite does. The contained one is the copy.
//!
//! Anything else is unknown, with what was seen ([`Undecided`]): two
//! versions of one whole text (a reprint, two translations) cannot tell
//! which came first; a long document holding a passage of another, or a
//! short one quoting a passage of a long one, may have quoted it or been
//! quoted; one holding the other whole with whole paragraphs more may have
//! cut them (a trim) or added them (local reporting around a wire story) —
//! the texts are the same either way. Unknown pairs are related, not parent
//! and child.
//!
//! **Likely sources.** An article's *candidate sources* are the pairs that
//! share text ([`Pair::shares_text`](super::Pair::shares_text)) in which it
//! is the copy. Many of those are relatives rather than sources: two
//! rewrites of one wire story share text because both took it from the wire.
//! So among candidates that are themselves source and copy of one another,
//! only one is kept: the nearer (the one holding clearly more of the
//! article), or, when they hold about as much, the elder — so a family of
//! reprints hangs from the original, not from each other in a chain.

use crate::article::Article;

use super::Pair;

/// Two articles share text when at least this share of one is in the
/// other…
pub const MIN_SHARE: f64 = 0.03;
/// …in more than one link, or, from [`ONE_LINK_SHARE`], in one: one short
/// link between two reports of the same story is as often the same fact
/// reported twice as a borrowing. (One that names the other's outlet shares
/// text with it from one link: it says where it took the passage from.)
pub const MIN_LINKS: usize = 2;
/// A share at which one link is enough.
pub const ONE_LINK_SHARE: f64 = 0.2;
/// Containment: at least this share of the copy is inside the source…
pub const MOST: f64 = 0.8;
/// …at least this much more than of the source inside the copy…
pub const ONE_SIDED: f64 = 0.2;
/// …and at least this share of the source is inside the copy: the copy is
/// not a passage of a document several times its length.
pub const NOT_A_PASSAGE: f64 = 0.25;
/// Containment: paragraphs of the source partly kept by the copy (some of
/// their sentences in it, some not). A copy holding whole paragraphs of the
/// source and nothing else may be a trim of it, or the source a trim of
/// the copy: only a selection inside paragraphs tells a condensed copy.
pub const MIN_PARTLY: usize = 2;
/// Two texts each holding this share of the other are versions of one text.
const SAME_TEXT: f64 = 0.5;
/// Two sources hold "about as much" of an article within this share.
const SAME_SHARE: f64 = 0.05;

/// How the likely source of a pair was decided: the evidence, or what was
/// seen instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Direction {
    /// Both are dated, on different days: the earlier is the source.
    Dates,
    /// The copy names the source's outlet (`… Reuters reported`), and not
    /// the other way round.
    Attribution,
    /// Most of the copy is inside the source, clearly more than the other
    /// way round, and the copy is not a passage of a much longer document:
    /// a trim, a summary or a selection of the source.
    Containment,
    /// Nothing tells which came first; the pair's `a` is then the first of
    /// the two in the order given.
    Unknown(Undecided),
}

/// What was seen in a pair whose direction is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Undecided {
    /// Each holds most of the other: two versions of one text (reprints,
    /// translations, rewrites sentence by sentence).
    SameText,
    /// Most of one is a passage of the other, several times its length:
    /// either the long one quoted it or it quoted the long one.
    Passage,
    /// One holds most of the other, with whole paragraphs more: a trim or
    /// an addition, which the texts cannot tell apart.
    Paragraphs,
    /// Neither holds most of the other: passages shared both ways.
    Partial,
}

impl Direction {
    /// `dates`, `attribution`, `containment` or `unknown`, as reports write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Direction::Dates => "dates",
            Direction::Attribution => "attribution",
            Direction::Containment => "containment",
            Direction::Unknown(_) => "unknown",
        }
    }

    /// Whether the pair has a likely source.
    pub const fn known(self) -> bool {
        !matches!(self, Direction::Unknown(_))
    }
}

impl Undecided {
    /// The one [`Undecided::as_str`] names.
    pub fn from_name(s: &str) -> Option<Undecided> {
        [
            Undecided::SameText,
            Undecided::Passage,
            Undecided::Paragraphs,
            Undecided::Partial,
        ]
        .into_iter()
        .find(|u| u.as_str() == s)
    }

    /// `same-text`, `passage`, `paragraphs` or `partial`, as reports write
    /// it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Undecided::SameText => "same-text",
            Undecided::Passage => "passage",
            Undecided::Paragraphs => "paragraphs",
            Undecided::Partial => "partial",
        }
    }
}

/// One side of a pair as the rule sees it: the text aligned, the date and
/// the outlets it can claim. A family of reprints is one party: its
/// representative's text, its earliest member's date, every member's outlet.
#[derive(Debug, Clone)]
pub struct Party<'a> {
    /// The text aligned (a family's representative).
    pub text: &'a Article,
    /// The earliest date (`YYYY-MM-DD`) of the articles it stands for.
    pub date: Option<&'a str>,
    /// The outlets of the articles it stands for, sorted, distinct.
    pub outlets: Vec<&'a str>,
}

impl<'a> Party<'a> {
    /// One article alone.
    pub fn one(art: &'a Article) -> Party<'a> {
        Party::of(art, std::iter::once(art))
    }

    /// `text` standing for `all` (itself among them).
    pub fn of(text: &'a Article, all: impl IntoIterator<Item = &'a Article>) -> Party<'a> {
        let mut date: Option<&str> = None;
        let mut outlets = Vec::new();
        for a in all {
            if let Some(d) = a.meta.date.as_deref()
                && date.is_none_or(|x| d < x)
            {
                date = Some(d);
            }
            outlets.extend(a.meta.outlet.as_deref());
        }
        outlets.sort_unstable();
        outlets.dedup();
        Party {
            text,
            date,
            outlets,
        }
    }
}

/// What two articles hold of each other, as the rule reads it.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Overlap {
    /// Share of `i`'s body found in `j`.
    pub i_in_j: f64,
    /// Share of `j`'s body found in `i`.
    pub j_in_i: f64,
    /// `i`'s body paragraphs partly in `j`: some sentences linked, some
    /// not ([`partly`]).
    pub i_partly: usize,
    /// `j`'s body paragraphs partly in `i`.
    pub j_partly: usize,
}

/// The body paragraphs of `art` with some sentences in `linked` and some
/// not.
pub fn partly(art: &Article, linked: &[bool]) -> usize {
    art.paragraphs
        .iter()
        .filter(|p| p.role.compared())
        .filter(|p| {
            let mut seen = (false, false);
            for s in p.sentences {
                if art.sentences[s].words.is_empty() {
                    continue;
                }
                if linked.get(s).copied().unwrap_or(false) {
                    seen.0 = true;
                } else {
                    seen.1 = true;
                }
            }
            seen == (true, true)
        })
        .count()
}

/// The one rule: whether `i` is the source of `j` (`false`: `j` is the
/// source of `i`), and on what evidence. When the direction is unknown the
/// answer is `true`: the first given stays first.
pub fn orient(i: &Party, j: &Party, o: &Overlap) -> (bool, Direction) {
    if let (Some(x), Some(y)) = (i.date, j.date)
        && x != y
    {
        return (x < y, Direction::Dates);
    }
    match (names(j, i), names(i, j)) {
        (true, false) => return (true, Direction::Attribution),
        (false, true) => return (false, Direction::Attribution),
        _ => {}
    }
    let (hi, lo) = (o.i_in_j.max(o.j_in_i), o.i_in_j.min(o.j_in_i));
    // The candidate copy is the one mostly inside the other.
    let (j_copy, source_partly) = if o.j_in_i >= o.i_in_j {
        (true, o.i_partly)
    } else {
        (false, o.j_partly)
    };
    let contained = hi >= MOST && hi - lo >= ONE_SIDED && lo >= NOT_A_PASSAGE;
    if contained && source_partly >= MIN_PARTLY {
        return (j_copy, Direction::Containment);
    }
    let seen = if contained {
        Undecided::Paragraphs
    } else if lo >= SAME_TEXT && hi - lo < ONE_SIDED {
        Undecided::SameText
    } else if hi >= SAME_TEXT && lo < NOT_A_PASSAGE {
        Undecided::Passage
    } else {
        Undecided::Partial
    };
    (true, Direction::Unknown(seen))
}

/// The outlet of `outlet_of` that `text_of`'s body names (`The Wall Street
/// Journal` as `Wall Street Journal`, case kept: `insider` is not `The
/// Insider`) as a whole word, one that is not its own.
fn named<'p>(text_of: &Party, outlet_of: &Party<'p>) -> Option<&'p str> {
    outlet_of.outlets.iter().copied().find(|outlet| {
        if text_of.outlets.contains(outlet) {
            return false;
        }
        let name = outlet.strip_prefix("The ").unwrap_or(outlet);
        let text = &text_of.text.text;
        text.match_indices(name).any(|(at, _)| {
            let before = text[..at].chars().next_back();
            let after = text[at + name.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    })
}

fn names(text_of: &Party, outlet_of: &Party) -> bool {
    named(text_of, outlet_of).is_some()
}

/// Why the pair is oriented as it is, in a sentence for a reader (`rank`
/// and the reader's provenance view say it the same way): the evidence
/// with its figures, or what was seen instead of evidence. `a` and `b` are
/// the parties of `p.a` and `p.b`.
pub fn reason(a: &Party, b: &Party, p: &Pair) -> String {
    let pct = crate::marks::pct;
    // What would have told, and did not.
    let silent = || {
        let dates = match (a.date, b.date) {
            (Some(x), Some(y)) if x == y => format!("both dated {x}"),
            (Some(_), Some(_)) => "dated".to_string(),
            (None, None) => "undated".to_string(),
            _ => "one undated".to_string(),
        };
        format!("{dates}, neither names the other")
    };
    match p.direction {
        Direction::Dates => format!(
            "dated {}, the copy {}",
            a.date.unwrap_or("?"),
            b.date.unwrap_or("?")
        ),
        Direction::Attribution => match named(b, a) {
            Some(o) => format!("the copy names {o}"),
            None => "the copy names the source's outlet".to_string(),
        },
        Direction::Containment => format!(
            "{} of the copy is in the source, {} of the source in the copy, sentences picked from within its paragraphs: a summary or condensed copy",
            pct(p.b_in_a),
            pct(p.a_in_b)
        ),
        Direction::Unknown(Undecided::Paragraphs) => format!(
            "unknown: {} of the one is in the other ({} of it) with whole paragraphs more, cut or added; {}",
            pct(p.score()),
            pct(p.b_in_a.min(p.a_in_b)),
            silent()
        ),
        Direction::Unknown(Undecided::SameText) => format!(
            "unknown: two versions of one text ({} and {} of each in the other); {}",
            pct(p.b_in_a),
            pct(p.a_in_b),
            silent()
        ),
        Direction::Unknown(Undecided::Passage) => format!(
            "unknown: {} of the one is a passage of the other ({} of it), either may have quoted the other; {}",
            pct(p.score()),
            pct(p.b_in_a.min(p.a_in_b)),
            silent()
        ),
        Direction::Unknown(Undecided::Partial) => format!(
            "unknown: {} and {} of each in the other, not one-sided enough to tell the copy; {}",
            pct(p.b_in_a),
            pct(p.a_in_b),
            silent()
        ),
    }
}

/// One likely source of an article.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Source {
    /// The source article.
    pub article: usize,
    /// Share of the article's body found in the source.
    pub share: f64,
    /// Index of the pair in the ranking it comes from.
    pub pair: usize,
}

/// Each of `n` articles' likely sources, the largest share first, from a
/// ranking's pairs.
pub fn sources(n: usize, pairs: &[Pair]) -> Vec<Vec<Source>> {
    // Candidate sources, and which pairs are oriented (for the relatives test).
    let mut cands: Vec<Vec<Source>> = vec![Vec::new(); n];
    let mut oriented = rustc_hash::FxHashSet::default();
    for (k, p) in pairs.iter().enumerate() {
        if p.source().is_none() {
            continue;
        }
        oriented.insert((p.a, p.b));
        cands[p.b].push(Source {
            article: p.a,
            share: p.b_in_a,
            pair: k,
        });
    }
    let took_from = |copy: usize, source: usize| oriented.contains(&(source, copy));
    cands
        .into_iter()
        .map(|mut c| {
            c.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.article.cmp(&y.article)));
            let mut kept: Vec<Source> = Vec::new();
            for s in c {
                match kept.iter().position(|k| {
                    took_from(s.article, k.article) || took_from(k.article, s.article)
                }) {
                    None => kept.push(s),
                    // `s` took from a kept source that holds at least as
                    // much: the kept one explains it.
                    Some(at) if took_from(s.article, kept[at].article) => {}
                    // `s` is the elder of a kept source: it replaces it when
                    // it holds about as much of the article.
                    Some(at) => {
                        if s.share >= kept[at].share - SAME_SHARE {
                            kept[at] = s;
                        }
                    }
                }
            }
            kept.sort_by(|x, y| y.share.total_cmp(&x.share).then(x.article.cmp(&y.article)));
            kept
        })
        .collect()
}

/// One line of the family tree: an article at a depth, with the share of it
/// found in its parent (none for a root).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Node {
    /// Depth in the tree: 0 for an original.
    pub depth: usize,
    /// The article.
    pub article: usize,
    /// The parent's entry in `sources[article]`, for those below a root.
    pub source: Option<Source>,
}

/// The family trees of `sources` as an indented list: every article that is
/// a source and has none is a root, its copies below it (an article with two
/// sources appears under each). Articles that neither took nor gave are left
/// out. Roots in order of how many articles descend from them, most first.
pub fn tree(sources: &[Vec<Source>]) -> Vec<Node> {
    let n = sources.len();
    let mut children: Vec<Vec<(usize, Source)>> = vec![Vec::new(); n];
    for (x, ss) in sources.iter().enumerate() {
        for s in ss {
            children[s.article].push((x, *s));
        }
    }
    for c in &mut children {
        c.sort_by(|x, y| y.1.share.total_cmp(&x.1.share).then(x.0.cmp(&y.0)));
    }
    // Descendants reached from each root, to order the roots.
    let mut out = Vec::new();
    let mut roots: Vec<(usize, usize)> = (0..n)
        .filter(|&x| sources[x].is_empty() && !children[x].is_empty())
        .map(|x| (reach(&children, x), x))
        .collect();
    roots.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
    // Articles whose every source is on a cycle have no root: an article on
    // a cycle (possible only through attribution) that nothing else reaches
    // is shown as a root of its own.
    let mut shown = vec![false; n];
    for (_, r) in roots {
        walk(&children, r, 0, None, &mut Vec::new(), &mut shown, &mut out);
    }
    for x in 0..n {
        if !shown[x] && !sources[x].is_empty() {
            walk(&children, x, 0, None, &mut Vec::new(), &mut shown, &mut out);
        }
    }
    out
}

fn reach(children: &[Vec<(usize, Source)>], root: usize) -> usize {
    let mut seen = vec![false; children.len()];
    let mut stack = vec![root];
    let mut count = 0;
    while let Some(x) = stack.pop() {
        if std::mem::replace(&mut seen[x], true) {
            continue;
        }
        count += 1;
        stack.extend(children[x].iter().map(|c| c.0));
    }
    count
}

fn walk(
    children: &[Vec<(usize, Source)>],
    x: usize,
    depth: usize,
    source: Option<Source>,
    path: &mut Vec<usize>,
    shown: &mut [bool],
    out: &mut Vec<Node>,
) {
    out.push(Node {
        depth,
        article: x,
        source,
    });
    shown[x] = true;
    path.push(x);
    for &(c, s) in &children[x] {
        // A cycle (two articles each naming the other) is cut where it closes.
        if !path.contains(&c) {
            walk(children, c, depth + 1, Some(s), path, shown, out);
        }
    }
    path.pop();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn art(path: &str, text: &str) -> Article {
        Article::parse(path, text.as_bytes().to_vec())
    }

    #[test]
    fn dates_come_first_and_a_family_is_as_old_as_its_eldest() {
        let early = art("2025-11-20-x.txt", "Some text here.");
        let late = art("2025-11-22-y.txt", "Some text here.");
        let later = art("2025-11-25-z.txt", "Some text here.");
        // The later one holds all of the earlier: containment would say the
        // earlier is the copy, but the dates say otherwise.
        let (src, d) = orient(&Party::one(&early), &Party::one(&late), &ov(0.95, 0.4));
        assert_eq!((src, d), (true, Direction::Dates));
        // A family represented by its latest member is dated by its eldest.
        let fam = Party::of(&later, [&later, &early]);
        assert_eq!(fam.date, early.meta.date.as_deref());
        let (src, d) = orient(&Party::one(&late), &fam, &ov(0.5, 0.5));
        assert_eq!((src, d), (false, Direction::Dates));
        // The same day says nothing.
        let same = art("2025-11-20-w.txt", "Some text here.");
        let (_, d) = orient(&Party::one(&early), &Party::one(&same), &ov(0.9, 0.9));
        assert_eq!(d, Direction::Unknown(Undecided::SameText));
    }

    #[test]
    fn attribution_one_way_only() {
        let wsj = art("wsj-x.txt", "Plans were drafted in Miami last month.");
        let copy = art(
            "y.txt",
            "The Wall Street Journal reported that plans were drafted.",
        );
        let (src, d) = orient(&Party::one(&copy), &Party::one(&wsj), &ov(0.5, 0.5));
        assert_eq!((src, d), (false, Direction::Attribution));
        // Each names the other: nothing tells.
        let reuters = art(
            "reuters-a.txt",
            "As the Wall Street Journal said, plans were drafted.",
        );
        let wsj2 = art("wsj-b.txt", "Reuters said plans were drafted in Miami.");
        let (_, d) = orient(&Party::one(&reuters), &Party::one(&wsj2), &ov(0.5, 0.5));
        assert!(!d.known());
    }

    /// Shares without paragraphs partly kept.
    fn ov(i_in_j: f64, j_in_i: f64) -> Overlap {
        Overlap {
            i_in_j,
            j_in_i,
            ..Overlap::default()
        }
    }

    #[test]
    fn containment_only_when_one_sided_selected_and_not_a_passage() {
        let (x, y) = (art("x.txt", "One."), art("y.txt", "Two."));
        let (px, py) = (Party::one(&x), Party::one(&y));
        // A summary: all of y is in x, 40% of x in y, sentences picked from
        // within three of x's paragraphs. y is the copy.
        let summary = Overlap {
            i_partly: 3,
            ..ov(0.4, 0.95)
        };
        assert_eq!(orient(&px, &py, &summary), (true, Direction::Containment));
        let mirrored = Overlap {
            j_partly: 3,
            ..ov(0.95, 0.4)
        };
        assert_eq!(orient(&py, &px, &mirrored), (false, Direction::Containment));
        // The same shares in whole paragraphs: a trim of x, or x grown from
        // y by paragraphs of its own.
        assert_eq!(
            orient(&px, &py, &ov(0.4, 0.95)),
            (true, Direction::Unknown(Undecided::Paragraphs))
        );
        // Paragraphs of y partly kept say nothing: y is the one inside.
        let wrong_side = Overlap {
            j_partly: 3,
            ..ov(0.4, 0.95)
        };
        assert!(!orient(&px, &py, &wrong_side).1.known());
        // A passage of a document ten times its length: either way.
        let passage = Overlap {
            j_partly: 3,
            ..ov(0.1, 0.9)
        };
        assert_eq!(
            orient(&px, &py, &passage),
            (true, Direction::Unknown(Undecided::Passage))
        );
        // Two versions of one text.
        assert_eq!(
            orient(&px, &py, &ov(0.92, 0.97)),
            (true, Direction::Unknown(Undecided::SameText))
        );
        // A little of each.
        assert_eq!(
            orient(&px, &py, &ov(0.2, 0.3)),
            (true, Direction::Unknown(Undecided::Partial))
        );
        // Most, but not clearly more than the other way round.
        assert!(!orient(&px, &py, &ov(0.7, 0.85)).1.known());
    }

    #[test]
    fn paragraphs_partly_linked_are_counted() {
        let a = art(
            "a.txt",
            "One fine day. Two more words.\n\nThree is here. Four as well.\n\nFive alone.",
        );
        let n = a.sentences.len();
        let mut linked = vec![false; n];
        let body: Vec<usize> = (0..n).filter(|&s| a.sentences[s].role.compared()).collect();
        // The first sentence of the first two body paragraphs.
        for p in a.paragraphs.iter().filter(|p| p.role.compared()).take(2) {
            linked[p.sentences.start] = true;
        }
        assert!(body.len() >= 4, "{:?}", a.sentences);
        assert_eq!(partly(&a, &linked), 2);
        assert_eq!(partly(&a, &vec![true; n]), 0);
        assert_eq!(partly(&a, &vec![false; n]), 0);
    }

    #[test]
    fn a_source_needs_shared_text_and_evidence() {
        let mut q = p(0, 1, 0.9);
        assert_eq!(q.source(), Some(0));
        q.direction = Direction::Unknown(Undecided::Partial);
        assert!(q.shares_text());
        assert_eq!(q.source(), None);
        let mut one = p(0, 1, 0.05);
        one.a_in_b = 0.02;
        one.links = 1;
        assert!(!one.shares_text());
        assert_eq!(one.source(), None);
        one.direction = Direction::Attribution;
        assert!(one.shares_text());
        assert_eq!(one.source(), Some(0));
    }

    #[test]
    fn outlets_are_named_as_whole_words_with_their_case() {
        let wsj = art("2025-wsj-x.txt", "Plans were drafted in Miami last month.");
        let insider = art(
            "insider-y.txt",
            "The Wall Street Journal reported that plans were drafted in Miami.",
        );
        let other = art("z.txt", "A Kremlin insider said the Insiders met.");
        let (wsj, insider, other) = (Party::one(&wsj), Party::one(&insider), Party::one(&other));
        assert!(names(&insider, &wsj));
        assert!(!names(&wsj, &insider));
        assert!(!names(&other, &insider));
    }

    fn p(a: usize, b: usize, b_in_a: f64) -> Pair {
        Pair {
            a,
            b,
            b_in_a,
            a_in_b: b_in_a / 2.0,
            copied: 0.0,
            reworded: b_in_a,
            links: 3,
            direction: Direction::Containment,
        }
    }

    #[test]
    fn siblings_are_explained_by_their_common_source() {
        // 0 is the wire; 1 and 2 rewrite it, and share text with each other.
        let pairs = vec![p(0, 2, 1.0), p(0, 1, 0.8), p(1, 2, 0.6)];
        let s = sources(3, &pairs);
        assert!(s[0].is_empty());
        assert_eq!(s[1].iter().map(|s| s.article).collect::<Vec<_>>(), [0]);
        assert_eq!(s[2].iter().map(|s| s.article).collect::<Vec<_>>(), [0]);
        let t = tree(&s);
        let lines: Vec<(usize, usize)> = t.iter().map(|n| (n.depth, n.article)).collect();
        assert_eq!(lines, [(0, 0), (1, 2), (1, 1)]);
    }

    #[test]
    fn a_nearer_source_wins_and_reprints_hang_from_the_original() {
        // 0 → 1 (rewrite), 1 → 2 (reprint of the rewrite): 2 took from 1.
        let pairs = vec![p(1, 2, 0.98), p(0, 1, 0.7), p(0, 2, 0.68)];
        let s = sources(3, &pairs);
        assert_eq!(s[2].iter().map(|s| s.article).collect::<Vec<_>>(), [1]);
        // Reprints 1, 2, 3 of 0, each also "from" the earlier reprints.
        let pairs = vec![
            p(0, 1, 0.97),
            p(0, 2, 0.96),
            p(1, 2, 0.98),
            p(0, 3, 0.95),
            p(2, 3, 0.97),
            p(1, 3, 0.96),
        ];
        let s = sources(4, &pairs);
        for x in 1..4 {
            assert_eq!(s[x].iter().map(|s| s.article).collect::<Vec<_>>(), [0]);
        }
    }

    #[test]
    fn unknown_directions_and_small_shares_give_no_source() {
        let mut q = p(0, 1, 0.9);
        q.direction = Direction::Unknown(Undecided::SameText);
        let mut one = p(1, 2, 0.1);
        one.links = 1;
        let s = sources(3, &[q, p(0, 2, 0.01), one]);
        assert!(s.iter().all(Vec::is_empty));
        assert!(tree(&s).is_empty());
    }

    #[test]
    fn a_copy_that_names_its_source_takes_from_it_in_one_small_link() {
        // 1 shares one short link with 0 (1% of it): alone that is too little…
        let mut one = p(0, 1, 0.01);
        one.links = 1;
        assert!(sources(2, &[one.clone()]).iter().all(Vec::is_empty));
        // …but 1 names 0's outlet: it says where it took the passage from.
        one.direction = Direction::Attribution;
        let s = sources(2, &[one.clone()]);
        assert_eq!(s[1].iter().map(|s| s.article).collect::<Vec<_>>(), [0]);
        // Naming an outlet is not a link: without one, no source.
        one.links = 0;
        assert!(sources(2, &[one]).iter().all(Vec::is_empty));
    }
}
