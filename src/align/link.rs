//! Finding links: candidates, beads, the order-preserving backbone, moves.

use std::collections::{BTreeSet, HashMap};

use super::tokens::{Token, Tokenizer};
use super::words;
use super::{Kind, Link, Options};
use crate::article::Article;

/// Bead shapes (A sentences, B sentences): 1:1 links, merges and splits.
const SHAPES: &[(usize, usize)] = &[(1, 1), (2, 1), (1, 2), (3, 1), (1, 3), (2, 2)];

/// Weighted Dice below which two passages are not a link: paraphrase keeps
/// about a third of the rare-word mass or more; independent reports of one
/// event share names but little else.
const MIN_DICE: f64 = 0.30;
/// A link that crosses the reading order needs more evidence than one in order.
const MIN_DICE_MOVED: f64 = 0.40;
/// Fewer shared content words than this is coincidence, not reuse.
const MIN_SHARED_WORDS: usize = 3;
/// A sentence joins a merged or split bead only if this share of its own
/// rare-word mass is found on the other side.
const MIN_MEMBER_COVER: f64 = 0.35;
/// Each extra sentence in a bead costs this share of its value: groupings must
/// earn their size, so identical text aligns 1:1.
const SIZE_PENALTY: f64 = 0.06;
/// Share of B's content words kept in A's order at or above which a 1:1 link
/// is copied rather than reworded…
const COPIED_B_SHARE: f64 = 0.70;
/// …provided B also keeps this much of A (condensing is rewording).
const COPIED_A_SHARE: f64 = 0.45;
/// Stems in more A sentences than this are skipped when proposing candidates
/// (they still count in scores): on long inputs they would make the index
/// quadratic while saying little about which sentence is the source.
const MAX_POSTINGS: usize = 200;

/// One compared sentence.
struct Unit {
    sentence: usize,
    /// Sorted, distinct content stems.
    set: Vec<u32>,
    /// Content stems in text order (for the in-order share).
    seq: Vec<u32>,
    /// Normalized ids of every word (for the word diff).
    norms: Vec<u32>,
    first_word: usize,
    /// Whether the next unit is the next sentence (so the two can be grouped).
    joins_next: bool,
}

struct Side<'a> {
    art: &'a Article,
    units: Vec<Unit>,
}

impl<'a> Side<'a> {
    fn new(art: &'a Article, tok: &mut Tokenizer) -> Side<'a> {
        let mut units: Vec<Unit> = Vec::new();
        for (i, s) in art.sentences.iter().enumerate() {
            if !s.role.compared() || s.words.is_empty() {
                continue;
            }
            let toks: Vec<Token> = s.words.clone().map(|w| tok.token(art.word_text(w))).collect();
            let seq: Vec<u32> = toks.iter().filter(|t| t.content).map(|t| t.stem).collect();
            let mut set = seq.clone();
            set.sort_unstable();
            set.dedup();
            if let Some(prev) = units.last_mut() {
                prev.joins_next = prev.sentence + 1 == i;
            }
            units.push(Unit {
                sentence: i,
                set,
                seq,
                norms: toks.iter().map(|t| t.norm).collect(),
                first_word: s.words.start,
                joins_next: false,
            });
        }
        Side { art, units }
    }

    /// Whether units `u..u + n` are consecutive sentences.
    fn groupable(&self, u: usize, n: usize) -> bool {
        u + n <= self.units.len() && (u..u + n - 1).all(|k| self.units[k].joins_next)
    }
}

/// A candidate grouping: A units `a..a + na` against B units `b..b + nb`.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Bead {
    a: usize,
    na: usize,
    b: usize,
    nb: usize,
    dice: f64,
    value: f64,
}

impl Bead {
    fn a_end(&self) -> usize {
        self.a + self.na
    }
    fn b_end(&self) -> usize {
        self.b + self.nb
    }
    fn key(&self) -> (usize, usize, usize, usize) {
        (self.b, self.a, self.nb, self.na)
    }
}

struct Scorer {
    idf: Vec<f64>,
}

impl Scorer {
    fn weight(&self, t: u32) -> f64 {
        self.idf.get(t as usize).copied().unwrap_or(0.0)
    }

    fn mass(&self, set: &[u32]) -> f64 {
        set.iter().map(|&t| self.weight(t)).sum()
    }

    /// Weighted mass and count of the stems two sorted sets share.
    fn shared(&self, x: &[u32], y: &[u32]) -> (f64, usize) {
        let (mut i, mut j, mut m, mut n) = (0, 0, 0.0, 0);
        while i < x.len() && j < y.len() {
            match x[i].cmp(&y[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    m += self.weight(x[i]);
                    n += 1;
                    i += 1;
                    j += 1;
                }
            }
        }
        (m, n)
    }
}

fn union(units: &[Unit]) -> Vec<u32> {
    let set: BTreeSet<u32> = units.iter().flat_map(|u| u.set.iter().copied()).collect();
    set.into_iter().collect()
}

/// Align `b` against `a` in this order (the caller handles symmetry).
pub(super) fn align_ordered(a: &Article, b: &Article, opts: &Options) -> (Vec<Link>, Vec<String>) {
    let mut tok = Tokenizer::new();
    let sa = Side::new(a, &mut tok);
    let sb = Side::new(b, &mut tok);
    let scorer = idf(&sa, &sb);
    let beads = beads(&sa, &sb, &scorer, opts);
    let (chain, moved) = choose(&beads, sa.units.len(), sb.units.len());
    let mut links: Vec<Link> = chain
        .iter()
        .map(|&i| (beads[i], false))
        .chain(moved.iter().map(|&i| (beads[i], true)))
        .map(|(bead, moved)| make_link(&sa, &sb, bead, moved, opts))
        .collect();
    links.sort_by_key(|l| (l.b.start, l.a.start));
    (links, Vec::new())
}

/// Inverse document frequency of each stem over the sentences of both sides.
fn idf(sa: &Side, sb: &Side) -> Scorer {
    let mut df: HashMap<u32, usize> = HashMap::new();
    for u in sa.units.iter().chain(&sb.units) {
        for &t in &u.set {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = (sa.units.len() + sb.units.len()).max(1) as f64;
    let max_id = df.keys().copied().max().map_or(0, |m| m as usize + 1);
    let mut idf = vec![0.0; max_id];
    for (t, d) in df {
        idf[t as usize] = (1.0 + n / d as f64).ln();
    }
    Scorer { idf }
}

/// Score every bead around every candidate sentence pair.
fn beads(sa: &Side, sb: &Side, sc: &Scorer, opts: &Options) -> Vec<Bead> {
    // Inverted index over A's stems.
    let mut postings: HashMap<u32, Vec<usize>> = HashMap::new();
    for (ua, u) in sa.units.iter().enumerate() {
        for &t in &u.set {
            postings.entry(t).or_default().push(ua);
        }
    }
    let mut acc = vec![0.0f64; sa.units.len()];
    let mut touched: Vec<usize> = Vec::new();
    let mut seen: BTreeSet<(usize, usize, usize, usize)> = BTreeSet::new();
    let mut out = Vec::new();
    for (ub, u) in sb.units.iter().enumerate() {
        for &t in &u.set {
            let Some(list) = postings.get(&t) else { continue };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            let w = sc.weight(t);
            for &ua in list {
                if acc[ua] == 0.0 {
                    touched.push(ua);
                }
                acc[ua] += w;
            }
        }
        let mut cands: Vec<(f64, usize)> = touched.iter().map(|&ua| (acc[ua], ua)).collect();
        for &ua in &touched {
            acc[ua] = 0.0;
        }
        touched.clear();
        cands.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)));
        cands.truncate(opts.candidates);
        for &(_, ua) in &cands {
            for &(na, nb) in SHAPES {
                for a0 in ua.saturating_sub(na - 1)..=ua {
                    for b0 in ub.saturating_sub(nb - 1)..=ub {
                        if !sa.groupable(a0, na) || !sb.groupable(b0, nb) {
                            continue;
                        }
                        if !seen.insert((a0, na, b0, nb)) {
                            continue;
                        }
                        if let Some(bead) = score(sa, sb, sc, a0, na, b0, nb) {
                            out.push(bead);
                        }
                    }
                }
            }
        }
    }
    out
}

fn score(sa: &Side, sb: &Side, sc: &Scorer, a: usize, na: usize, b: usize, nb: usize) -> Option<Bead> {
    let ua = &sa.units[a..a + na];
    let ub = &sb.units[b..b + nb];
    let (set_a, set_b) = (union(ua), union(ub));
    let (shared, count) = sc.shared(&set_a, &set_b);
    if count < MIN_SHARED_WORDS {
        return None;
    }
    let (wa, wb) = (sc.mass(&set_a), sc.mass(&set_b));
    let dice = 2.0 * shared / (wa + wb).max(f64::MIN_POSITIVE);
    if dice < MIN_DICE {
        return None;
    }
    // Every member of a grouping must bring its own evidence.
    if na + nb > 2 {
        let covered = |u: &Unit, other: &[u32]| {
            let m = sc.mass(&u.set);
            m > 0.0 && sc.shared(&u.set, other).0 >= MIN_MEMBER_COVER * m
        };
        if !ua.iter().all(|u| covered(u, &set_b)) || !ub.iter().all(|u| covered(u, &set_a)) {
            return None;
        }
    }
    let size = (na + nb - 2) as f64;
    let value = (2.0 * shared - MIN_DICE * (wa + wb)) * (1.0 - SIZE_PENALTY * size);
    (value > 0.0).then_some(Bead {
        a,
        na,
        b,
        nb,
        dice,
        value,
    })
}

/// Fenwick tree of prefix maxima of (chain value, bead index).
struct MaxTree(Vec<(f64, usize)>);

impl MaxTree {
    const NONE: (f64, usize) = (0.0, usize::MAX);

    fn new(n: usize) -> Self {
        MaxTree(vec![Self::NONE; n + 1])
    }

    fn better(x: (f64, usize), y: (f64, usize)) -> bool {
        x.0 > y.0 || (x.0 == y.0 && x.1 < y.1)
    }

    /// Record `v` at position `i` (0-based).
    fn insert(&mut self, i: usize, v: (f64, usize)) {
        let mut k = i + 1;
        while k < self.0.len() {
            if Self::better(v, self.0[k]) {
                self.0[k] = v;
            }
            k += k & k.wrapping_neg();
        }
    }

    /// Best value at positions `0..=i`.
    fn query(&self, i: usize) -> (f64, usize) {
        let mut k = (i + 1).min(self.0.len() - 1);
        let mut best = Self::NONE;
        while k > 0 {
            if Self::better(self.0[k], best) {
                best = self.0[k];
            }
            k -= k & k.wrapping_neg();
        }
        best
    }
}

/// The heaviest order-preserving chain of non-overlapping beads (the
/// backbone), then the strongest beads that fit nowhere on it (moves).
/// Returns indices into `beads`.
fn choose(beads: &[Bead], n_a: usize, n_b: usize) -> (Vec<usize>, Vec<usize>) {
    let mut by_start: Vec<usize> = (0..beads.len()).collect();
    by_start.sort_by_key(|&i| beads[i].key());
    let mut by_end: Vec<usize> = (0..beads.len()).collect();
    by_end.sort_by_key(|&i| (beads[i].b_end(), beads[i].key()));
    // Positions in the tree are A end offsets 0..=n_a; a bead may follow any
    // bead whose A end is <= its A start and whose B end is <= its B start.
    let mut tree = MaxTree::new(n_a + 1);
    let mut best = vec![(0.0f64, usize::MAX); beads.len()];
    let mut e = 0;
    for &i in &by_start {
        let bead = beads[i];
        while e < by_end.len() && beads[by_end[e]].b_end() <= bead.b {
            let j = by_end[e];
            tree.insert(beads[j].a_end(), (best[j].0, j));
            e += 1;
        }
        let (prev_value, prev) = tree.query(bead.a);
        best[i] = (prev_value + bead.value, prev);
    }
    let mut chain = Vec::new();
    let top = (0..beads.len()).fold(None, |acc: Option<usize>, i| match acc {
        Some(j) if !MaxTree::better((best[i].0, i), (best[j].0, j)) => Some(j),
        _ => Some(i),
    });
    let mut cur = top;
    while let Some(i) = cur {
        chain.push(i);
        cur = (best[i].1 != usize::MAX).then_some(best[i].1);
    }
    chain.reverse();

    let mut used_a = vec![false; n_a];
    let mut used_b = vec![false; n_b];
    let mark = |bead: &Bead, used_a: &mut [bool], used_b: &mut [bool]| {
        used_a[bead.a..bead.a_end()].iter_mut().for_each(|u| *u = true);
        used_b[bead.b..bead.b_end()].iter_mut().for_each(|u| *u = true);
    };
    for &i in &chain {
        mark(&beads[i], &mut used_a, &mut used_b);
    }
    let mut rest: Vec<usize> = (0..beads.len())
        .filter(|&i| beads[i].dice >= MIN_DICE_MOVED)
        .collect();
    rest.sort_by(|&x, &y| {
        beads[y]
            .value
            .total_cmp(&beads[x].value)
            .then(beads[x].key().cmp(&beads[y].key()))
    });
    let mut moved = Vec::new();
    for i in rest {
        let bead = beads[i];
        let free = !used_a[bead.a..bead.a_end()].iter().any(|&u| u)
            && !used_b[bead.b..bead.b_end()].iter().any(|&u| u);
        if free {
            mark(&bead, &mut used_a, &mut used_b);
            moved.push(i);
        }
    }
    (chain, moved)
}

fn make_link(sa: &Side, sb: &Side, bead: Bead, moved: bool, opts: &Options) -> Link {
    let ua = &sa.units[bead.a..bead.a_end()];
    let ub = &sb.units[bead.b..bead.b_end()];
    let seq_a: Vec<u32> = ua.iter().flat_map(|u| u.seq.iter().copied()).collect();
    let seq_b: Vec<u32> = ub.iter().flat_map(|u| u.seq.iter().copied()).collect();
    let common = words::common_in_order(&seq_a, &seq_b, opts.diff_deadline);
    let share_b = common as f64 / seq_b.len().max(1) as f64;
    let share_a = common as f64 / seq_a.len().max(1) as f64;
    // Merging or splitting sentences is rewording whatever words survive.
    let kind = if bead.na == 1 && bead.nb == 1 && share_b >= COPIED_B_SHARE && share_a >= COPIED_A_SHARE {
        Kind::Copied
    } else {
        Kind::Reworded
    };
    let norms_a: Vec<u32> = ua.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let norms_b: Vec<u32> = ub.iter().flat_map(|u| u.norms.iter().copied()).collect();
    let ops = words::diff(
        &norms_a,
        ua[0].first_word,
        &norms_b,
        ub[0].first_word,
        opts.diff_deadline,
    );
    let (a0, a1) = (ua[0].sentence, ua[ua.len() - 1].sentence + 1);
    let (b0, b1) = (ub[0].sentence, ub[ub.len() - 1].sentence + 1);
    Link {
        kind,
        score: (bead.dice.max(if kind == Kind::Copied { share_b } else { 0.0 }) * 1000.0).round() / 1000.0,
        moved,
        a: a0..a1,
        b: b0..b1,
        a_span: sa.art.sentences[a0].span.start..sa.art.sentences[a1 - 1].span.end,
        b_span: sb.art.sentences[b0].span.start..sb.art.sentences[b1 - 1].span.end,
        ops,
    }
}
