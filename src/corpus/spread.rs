//! How one story travelled: an article's paragraphs, each with the articles
//! that hold it (copied or reworded), a family of reprints counted once with
//! its size. `copycat spread ARTICLE FOLDER` writes it; the reader's spread
//! view draws it. Built for a UI to render as it is: per paragraph, who
//! holds it, how much of it and how, and the links of the pair to open on
//! it.

use rayon::prelude::*;

use super::{Families, Options, Pair, Party, Ranking, families, party};
use crate::align::{self, Alignment, Kind};
use crate::article::{Article, FileBytes, Sentences};

/// What an article that shares text with X is to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// It took from X: X is its likely source.
    Took,
    /// X took from it: it is X's likely source.
    Gave,
    /// They share text, and nothing tells which came first.
    Related,
}

impl Relation {
    /// `took`, `gave` or `related`, as reports write it.
    pub const fn as_str(self) -> &'static str {
        match self {
            Relation::Took => "took",
            Relation::Gave => "gave",
            Relation::Related => "related",
        }
    }
}

/// An article (or a family, once) that shares text with X.
#[derive(Debug, Clone, PartialEq)]
pub struct Taker {
    /// The article aligned with X: itself, or its family's representative.
    pub article: usize,
    /// The articles it stands for, itself first: its family, or itself.
    pub stands_for: Vec<usize>,
    /// The outlets of those articles, sorted, distinct.
    pub outlets: Vec<String>,
    /// The pair with X, oriented likely source → copy: its shares, links
    /// and direction. The link indices of [`Take::links`] are those of
    /// `align::align(&arts[pair.a], &arts[pair.b])`.
    pub pair: Pair,
    /// Share of X's body found in it.
    pub x_in_it: f64,
    /// Share of its body found in X.
    pub it_in_x: f64,
    /// Took from X, gave to X, or related.
    pub relation: Relation,
}

/// One article's hold on one paragraph of X.
#[derive(Debug, Clone, PartialEq)]
pub struct Take {
    /// Index into [`Uptake::takers`].
    pub taker: usize,
    /// Share of the paragraph's words in links with the taker…
    pub share: f64,
    /// …of which in copied links…
    pub copied: f64,
    /// …and in reworded links.
    pub reworded: f64,
    /// Copied when most of what it holds is copied, else reworded.
    pub kind: Kind,
    /// Indices of the pair's links that touch the paragraph, in order: open
    /// the pair ([`Taker::pair`]) on the first to show the paragraph there.
    pub links: Vec<usize>,
    /// The taker's sentences in those links, first to last.
    pub sentences: Sentences,
}

/// One body paragraph of X.
#[derive(Debug, Clone, PartialEq)]
pub struct Paragraph {
    /// Index into X's `Article::paragraphs`.
    pub paragraph: usize,
    /// Its number among body paragraphs (`¶3`), as the reports count them.
    pub number: usize,
    /// Its sentences in X.
    pub sentences: Sentences,
    /// Its bytes of the file as stored.
    pub span: FileBytes,
    /// Body words.
    pub words: usize,
    /// The articles holding some of it, the largest share first.
    pub takes: Vec<Take>,
}

impl Paragraph {
    /// Articles holding some of it, a family counting with its size.
    pub fn held_by(&self, takers: &[Taker]) -> usize {
        self.takes
            .iter()
            .map(|t| takers[t.taker].stands_for.len())
            .sum()
    }
}

/// An article's paragraphs and who holds each: what `copycat spread`
/// shows.
#[derive(Debug, Clone, PartialEq)]
pub struct Uptake {
    /// X.
    pub article: usize,
    /// X's reprints (its family but itself): they hold all of X and are not
    /// listed as takers.
    pub reprints: Vec<usize>,
    /// The articles sharing text with X, one per family, the largest share
    /// of X first.
    pub takers: Vec<Taker>,
    /// X's body paragraphs in reading order.
    pub paragraphs: Vec<Paragraph>,
    /// The paths of the common texts each pair was aligned with
    /// (`spread --common`): what both sides have from one is set apart.
    pub common: Vec<String>,
}

impl Uptake {
    /// Articles that share text with X, a family counting with its size.
    pub fn articles(&self) -> usize {
        self.takers.iter().map(|t| t.stands_for.len()).sum()
    }
}

/// The spread of `x` from a ranking of `arts` (the reader has one): X is
/// aligned with every unit the ranking pairs with X's unit, so a reprint
/// shows its own paragraphs. Aligned with the default options (no common
/// text): [`spread_in`] takes a ranking's options.
pub fn spread(arts: &[Article], ranking: &Ranking, x: usize) -> Uptake {
    let ux = ranking.families.unit(x);
    let partners: Vec<usize> = ranking
        .pairs
        .iter()
        .filter_map(|p| partner(p.a, p.b, ux, x))
        .collect();
    build(
        arts,
        &ranking.families,
        x,
        &partners,
        &align::Options::default(),
    )
}

/// The spread of `x` among `arts` without a ranking: families are found,
/// then the candidates of the whole folder as `rank` finds them, and only
/// X's are aligned. The same takers as [`spread`] over a full ranking, in
/// the time of the candidate step and X's alignments.
pub fn spread_in(arts: &[Article], x: usize, opts: &Options) -> Uptake {
    let fams = if opts.families {
        families::families(arts)
    } else {
        Families::none(arts.len())
    };
    spread_with(arts, &fams, x, opts)
}

/// [`spread_in`] with the families found already (a caller writing the
/// result needs them too, for the reasons it gives).
pub fn spread_with(arts: &[Article], fams: &Families, x: usize, opts: &Options) -> Uptake {
    let ux = fams.unit(x);
    let (pairs, _, _) = super::candidate_pairs_of(arts, fams, opts);
    let partners: Vec<usize> = pairs
        .into_iter()
        .take(opts.max_pairs)
        .filter_map(|(i, j)| partner(i, j, ux, x))
        .collect();
    build(arts, fams, x, &partners, &opts.align)
}

/// The other side of the pair `i`, `j` when one side is X's unit `ux` or X
/// itself (a member's own pair).
fn partner(i: usize, j: usize, ux: usize, x: usize) -> Option<usize> {
    if i == ux || i == x {
        Some(j)
    } else if j == ux || j == x {
        Some(i)
    } else {
        None
    }
}

/// A taker's alignment with X (the lower index as A), each link's index in
/// the pair's orientation, and whether X is A.
type Aligned = (Alignment, Vec<usize>, bool);

fn build(
    arts: &[Article],
    fams: &Families,
    x: usize,
    partners: &[usize],
    align_opts: &align::Options,
) -> Uptake {
    let px = party(arts, fams, fams.unit(x));
    let px = Party {
        text: &arts[x],
        ..px
    };
    let mut partners = partners.to_vec();
    partners.sort_unstable();
    partners.dedup();
    let mut found: Vec<(Taker, Aligned)> = partners
        .par_iter()
        .filter(|&&t| t != x && fams.unit(t) != fams.unit(x))
        .filter_map(|&t| {
            let pt = party(arts, fams, t);
            let (i, j) = (x.min(t), x.max(t));
            let al = super::TOKENIZER.with(|tok| {
                align::align_using(&arts[i], &arts[j], align_opts, &mut tok.borrow_mut())
            });
            let (pi, pj) = if i == x { (&px, &pt) } else { (&pt, &px) };
            let pair = super::summarise(arts, i, j, &al, pi, pj).filter(Pair::shares_text)?;
            // Each link's index in the alignment in the pair's orientation:
            // `align` sorts links by B's position, then A's, so the other
            // orientation sorts them by this one's A, then B.
            let mut index: Vec<usize> = (0..al.links.len()).collect();
            if (pair.a, pair.b) != (i, j) {
                let mut order = index.clone();
                order.sort_by_key(|&l| (al.links[l].a.start, al.links[l].b.start));
                for (new, &old) in order.iter().enumerate() {
                    index[old] = new;
                }
            }
            let (x_in_it, it_in_x) = if pair.a == x {
                (pair.a_in_b, pair.b_in_a)
            } else {
                (pair.b_in_a, pair.a_in_b)
            };
            let relation = match pair.source() {
                Some(s) if s == x => Relation::Took,
                Some(_) => Relation::Gave,
                None => Relation::Related,
            };
            let stands_for = fams.stands_for(t);
            Some((
                Taker {
                    article: t,
                    outlets: pt.outlets.iter().map(|o| o.to_string()).collect(),
                    stands_for,
                    pair,
                    x_in_it,
                    it_in_x,
                    relation,
                },
                (al, index, i == x),
            ))
        })
        .collect();
    found.sort_by(|(p, _), (q, _)| {
        q.x_in_it
            .total_cmp(&p.x_in_it)
            .then(p.article.cmp(&q.article))
    });
    let art = &arts[x];
    let mut paragraphs: Vec<Paragraph> = art
        .paragraphs
        .iter()
        .enumerate()
        .filter(|(_, p)| p.role.compared() && !p.sentences.is_empty())
        .map(|(k, p)| Paragraph {
            paragraph: k,
            number: art.paragraph_number(p.sentences.start),
            sentences: p.sentences,
            span: art.file_bytes(p.span),
            words: art
                .sentences_in(p.sentences)
                .iter()
                .map(|s| s.words.len())
                .sum(),
            takes: Vec::new(),
        })
        .collect();
    for (k, (_, (al, index, x_is_a))) in found.iter().enumerate() {
        let x_is_a = *x_is_a;
        // Per sentence of X: the strongest kind of link holding it.
        let mut kind: Vec<Option<Kind>> = vec![None; art.sentences.len()];
        let mut touching: Vec<Vec<usize>> = vec![Vec::new(); paragraphs.len()];
        let para_of = |s: usize| {
            paragraphs
                .binary_search_by(|p| {
                    if p.sentences.end <= s {
                        std::cmp::Ordering::Less
                    } else if p.sentences.start > s {
                        std::cmp::Ordering::Greater
                    } else {
                        std::cmp::Ordering::Equal
                    }
                })
                .ok()
        };
        let mut other: Vec<Option<Sentences>> = vec![None; paragraphs.len()];
        for (l, &li) in al.links.iter().zip(index) {
            let (mine, theirs) = if x_is_a { (l.a, l.b) } else { (l.b, l.a) };
            for s in mine {
                if let Some(slot) = kind.get_mut(s) {
                    *slot = Some(match *slot {
                        Some(Kind::Copied) => Kind::Copied,
                        _ => l.kind,
                    });
                }
                if let Some(p) = para_of(s) {
                    if touching[p].last() != Some(&li) {
                        touching[p].push(li);
                    }
                    let o = other[p].get_or_insert(theirs);
                    *o = o.hull(&theirs);
                }
            }
        }
        for (pi, para) in paragraphs.iter_mut().enumerate() {
            if touching[pi].is_empty() || para.words == 0 {
                continue;
            }
            touching[pi].sort_unstable();
            touching[pi].dedup();
            let (mut copied, mut reworded) = (0, 0);
            for s in para.sentences {
                let n = art.sentences[s].words.len();
                match kind[s] {
                    Some(Kind::Copied) => copied += n,
                    Some(Kind::Reworded) => reworded += n,
                    None => {}
                }
            }
            let w = para.words as f64;
            para.takes.push(Take {
                taker: k,
                share: (copied + reworded) as f64 / w,
                copied: copied as f64 / w,
                reworded: reworded as f64 / w,
                kind: if copied >= reworded {
                    Kind::Copied
                } else {
                    Kind::Reworded
                },
                links: std::mem::take(&mut touching[pi]),
                sentences: other[pi].take().unwrap_or_default(),
            });
        }
    }
    for p in &mut paragraphs {
        p.takes
            .sort_by(|s, t| t.share.total_cmp(&s.share).then(s.taker.cmp(&t.taker)));
    }
    let reprints = fams
        .family_of(x)
        .map(|f| f.articles().filter(|&m| m != x).collect())
        .unwrap_or_default();
    Uptake {
        article: x,
        reprints,
        takers: found.into_iter().map(|(t, _)| t).collect(),
        paragraphs,
        common: align_opts.common.iter().map(|c| c.path.clone()).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_reuters_story_is_held_by_its_rewrites_paragraph_by_paragraph() {
        let arts = crate::article::bundled();
        let reuters = arts
            .iter()
            .position(|a| a.path.contains("reuters"))
            .unwrap();
        let ranking = super::super::rank(&arts);
        let u = spread(&arts, &ranking, reuters);
        assert_eq!(u.article, reuters);
        assert!(u.reprints.is_empty());
        // The undated rewrite and Palakshi's take from it.
        let names: Vec<&str> = u
            .takers
            .iter()
            .map(|t| arts[t.article].path.as_str())
            .collect();
        assert!(
            names.iter().any(|n| n.contains("undated-rewrite")),
            "{names:?}"
        );
        assert!(names.iter().any(|n| n.contains("palakshi")), "{names:?}");
        // Every take points at links of its pair that hold the paragraph.
        for p in &u.paragraphs {
            for t in &p.takes {
                let tk = &u.takers[t.taker];
                let al = align::align(&arts[tk.pair.a], &arts[tk.pair.b]);
                assert!(!t.links.is_empty());
                for &l in &t.links {
                    let link = &al.links[l];
                    let mine = if tk.pair.a == reuters {
                        &link.a
                    } else {
                        &link.b
                    };
                    assert!(
                        mine.start < p.sentences.end && p.sentences.start < mine.end,
                        "link {l} misses ¶{}",
                        p.number
                    );
                }
                assert!(t.share > 0.0 && t.share <= 1.0 + 1e-9);
                assert!((t.copied + t.reworded - t.share).abs() < 1e-9);
            }
        }
        // Most paragraphs of the wire story were taken by someone.
        let held = u.paragraphs.iter().filter(|p| !p.takes.is_empty()).count();
        assert!(
            held * 2 > u.paragraphs.len(),
            "{held} of {}",
            u.paragraphs.len()
        );
        // Without a ranking, the same takers.
        let alone = spread_in(&arts, reuters, &Options::default());
        assert_eq!(alone, u);
    }
}
