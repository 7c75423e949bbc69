//! Who took from whom: each article's likely sources, and the family tree
//! they make.
//!
//! An article's *candidate sources* are the articles of its oriented pairs in
//! which it is the copy (see [`super::Direction`]) and that hold at least
//! [`MIN_SHARE`] of it (in two links or more when the share is small), or
//! that it names and shares a link with (it says where it took the passage
//! from). Many of those are relatives rather than sources: two
//! rewrites of one wire story share text because both took it from the wire.
//! So among candidates that are themselves source and copy of one another,
//! only one is kept: the nearer (the one holding clearly more of the
//! article), or, when they hold about as much, the elder — so a family of
//! reprints hangs from the original, not from each other in a chain.

use super::Pair;

/// A candidate source must hold at least this share of an article's body…
pub const MIN_SHARE: f64 = 0.03;
/// …and, below [`ONE_LINK_SHARE`], share more than one link with it: one
/// link between two reports of the same story is as often the same fact
/// reported twice as a borrowing.
pub const MIN_LINKS: usize = 2;
/// A share at which one link is enough.
pub const ONE_LINK_SHARE: f64 = 0.2;
/// Two sources hold "about as much" of an article within this share.
const SAME_SHARE: f64 = 0.05;

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
        // A copy that names its source's outlet (a pair oriented by
        // attribution: `The Wall Street Journal reported that …`) and shares
        // a link with it is a candidate whatever the share: the attribution
        // settles what one link alone leaves open, the same fact reported
        // twice or a borrowing.
        let attributed = p.direction == super::Direction::Attribution && p.links > 0;
        if !attributed
            && (!p.direction.known()
                || p.b_in_a < MIN_SHARE
                || (p.links < MIN_LINKS && p.b_in_a < ONE_LINK_SHARE))
        {
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
    use super::super::Direction;
    use super::*;

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
        q.direction = Direction::Unknown;
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
