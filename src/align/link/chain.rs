//! Choosing links: the heaviest order-preserving chain of strong beads (the
//! backbone), anchors that need support, runs of weak matches, gap fillers,
//! and moved blocks.

use super::*;

/// Fenwick tree of prefix maxima of (chain value, bead index).
pub(super) struct MaxTree(Vec<(f64, usize)>);

impl MaxTree {
    const NONE: (f64, usize) = (0.0, usize::MAX);

    pub(super) fn new(n: usize) -> Self {
        MaxTree(vec![Self::NONE; n + 1])
    }

    pub(super) fn better(x: (f64, usize), y: (f64, usize)) -> bool {
        x.0 > y.0 || (x.0 == y.0 && x.1 < y.1)
    }

    /// Record `v` at position `i` (0-based).
    pub(super) fn insert(&mut self, i: usize, v: (f64, usize)) {
        let mut k = i + 1;
        while k < self.0.len() {
            if Self::better(v, self.0[k]) {
                self.0[k] = v;
            }
            k += k & k.wrapping_neg();
        }
    }

    /// Best value at positions `0..=i`.
    pub(super) fn query(&self, i: usize) -> (f64, usize) {
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

/// The heaviest order-preserving chain of non-overlapping beads, valued at
/// threshold `min_dice`. `by_start` lists the candidates sorted by
/// `Bead::key`, `by_end` the same ones sorted by B end. Returns indices into
/// `beads`, in order.
pub(super) fn heaviest_chain(
    beads: &[Bead],
    by_start: &[usize],
    by_end: &[usize],
    min_dice: f64,
    n_a: usize,
) -> Vec<usize> {
    // Positions in the tree are A end offsets 0..=n_a; a bead may follow any
    // bead whose A end is <= its A start and whose B end is <= its B start.
    let mut tree = MaxTree::new(n_a + 1);
    let mut best: HashMap<usize, (f64, usize)> =
        HashMap::with_capacity_and_hasher(by_start.len(), Default::default());
    let mut e = 0;
    let mut top: Option<usize> = None;
    for &i in by_start {
        let bead = beads[i];
        while e < by_end.len() && beads[by_end[e]].b_end() <= bead.b {
            let j = by_end[e];
            if let Some(&(v, _)) = best.get(&j) {
                tree.insert(beads[j].a_end(), (v, j));
            }
            e += 1;
        }
        let value = bead.value(min_dice);
        if value <= 0.0 {
            continue;
        }
        let (prev_value, prev) = tree.query(bead.a);
        best.insert(i, (prev_value + value, prev));
        top = match top {
            Some(t) if !MaxTree::better((best[&i].0, i), (best[&t].0, t)) => Some(t),
            _ => Some(i),
        };
    }
    let mut chain = Vec::new();
    let mut cur = top;
    while let Some(i) = cur {
        chain.push(i);
        cur = (best[&i].1 != usize::MAX).then_some(best[&i].1);
    }
    chain.reverse();
    chain
}

/// The anchors of `chain` that are not weak and alone: a middling match with
/// no other anchor within `SUPPORT_WINDOW` sentences on both sides is dropped,
/// unless `worded` says it keeps the wording (see `LONE_DICE`).
pub(super) fn supported(
    beads: &[Bead],
    chain: &[usize],
    worded: &dyn Fn(&Bead) -> bool,
) -> Vec<usize> {
    let near = |i: usize, j: usize| {
        let (da, db) = beads[i].distance(&beads[j]);
        da <= SUPPORT_WINDOW && db <= SUPPORT_WINDOW
    };
    chain
        .iter()
        .copied()
        .filter(|&i| {
            beads[i].title
                || beads[i].dice >= SOLO_DICE
                || chain
                    .iter()
                    .any(|&j| j != i && !beads[j].title && near(i, j))
                || (beads[i].dice >= LONE_DICE
                    && beads[i].names >= LONE_NAMES
                    && beads[i].count >= MIN_SHARED_GENERIC
                    && worded(&beads[i]))
        })
        .collect()
}

/// Runs of beads in `chain` (in order) that follow each other within
/// `RUN_GAP` sentences on both sides, at least `MIN_RUN` long, whose
/// pooled Dice reaches `MIN_RUN_DICE`.
pub(super) fn weak_runs(beads: &[Bead], chain: &[usize]) -> Vec<Vec<usize>> {
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<Vec<usize>>| {
        let (shared, mass) = run.iter().fold((0.0, 0.0), |(s, m), &i| {
            (s + beads[i].shared, m + beads[i].mass)
        });
        if run.len() >= MIN_RUN && 2.0 * shared >= MIN_RUN_DICE * mass {
            out.push(std::mem::take(run));
        }
        run.clear();
    };
    for &i in chain {
        if let Some(&last) = run.last() {
            let (da, db) = beads[last].distance(&beads[i]);
            if da > RUN_GAP || db > RUN_GAP {
                flush(&mut run, &mut out);
            }
        }
        run.push(i);
    }
    flush(&mut run, &mut out);
    out
}

/// A stretch of both texts between two anchors (or before the first, or
/// after the last), with the anchors that bound it.
pub(super) struct Gap {
    pub(super) a: Range<usize>,
    pub(super) b: Range<usize>,
    pub(super) before: Option<Bead>,
    pub(super) after: Option<Bead>,
}

/// Gaps around and between anchors (sorted, body only). The stretches
/// before the first anchor and after the last reach `EDGE_GAP` sentences.
pub(super) fn gaps(anchors: &[Bead], n_a: usize, n_b: usize) -> Vec<Gap> {
    let mut out = Vec::with_capacity(anchors.len() + 1);
    let mut prev: Option<&Bead> = None;
    for cur in anchors {
        out.push(match prev {
            Some(p) => Gap {
                a: p.a_end()..cur.a,
                b: p.b_end()..cur.b,
                before: Some(*p),
                after: Some(*cur),
            },
            None => Gap {
                a: cur.a.saturating_sub(EDGE_GAP)..cur.a,
                b: cur.b.saturating_sub(EDGE_GAP)..cur.b,
                before: None,
                after: Some(*cur),
            },
        });
        prev = Some(cur);
    }
    if let Some(p) = prev {
        out.push(Gap {
            a: p.a_end()..(p.a_end() + EDGE_GAP).min(n_a),
            b: p.b_end()..(p.b_end() + EDGE_GAP).min(n_b),
            before: Some(*p),
            after: None,
        });
    }
    out
}

/// The beads of `chain` (in order, inside `gap`) that extend a run of links
/// from one of the gap's anchors, each within `EXTEND_REACH` sentences of
/// the last: position corroborates a weak match only near a strong one, not
/// anywhere in a wide stretch between two distant anchors. Between two
/// anchors whose stretch is longer on one side (a summary condenses, a
/// rewrite drops), the reach on the longer side grows in proportion: the
/// same few sentences of the shorter side stand for more of the longer.
pub(super) fn within_reach(beads: &[Bead], chain: &[usize], gap: &Gap) -> Vec<usize> {
    let (reach_a, reach_b) = if gap.before.is_some() && gap.after.is_some() {
        let (la, lb) = (gap.a.len() + 1, gap.b.len() + 1);
        (
            EXTEND_REACH.max(EXTEND_REACH * la / lb),
            EXTEND_REACH.max(EXTEND_REACH * lb / la),
        )
    } else {
        (EXTEND_REACH, EXTEND_REACH)
    };
    let near = |x: &Bead, y: &Bead| {
        let (da, db) = x.distance(y);
        da <= reach_a && db <= reach_b
    };
    let mut keep = vec![false; chain.len()];
    let mut last = gap.before;
    for (k, &i) in chain.iter().enumerate() {
        match last {
            Some(l) if near(&l, &beads[i]) => {
                keep[k] = true;
                last = Some(beads[i]);
            }
            _ => break,
        }
    }
    let mut last = gap.after;
    for (k, &i) in chain.iter().enumerate().rev() {
        match last {
            Some(l) if !keep[k] && near(&l, &beads[i]) => {
                keep[k] = true;
                last = Some(beads[i]);
            }
            _ => break,
        }
    }
    chain
        .iter()
        .zip(keep)
        .filter_map(|(&i, k)| k.then_some(i))
        .collect()
}

/// Sentences already taken by chosen links.
pub(super) struct Used {
    pub(super) a: Vec<bool>,
    pub(super) b: Vec<bool>,
}

impl Used {
    pub(super) fn free(&self, bead: &Bead) -> bool {
        !self.a[bead.a..bead.a_end()].iter().any(|&u| u)
            && !self.b[bead.b..bead.b_end()].iter().any(|&u| u)
    }
    pub(super) fn take(&mut self, bead: &Bead) {
        self.a[bead.a..bead.a_end()]
            .iter_mut()
            .for_each(|u| *u = true);
        self.b[bead.b..bead.b_end()]
            .iter_mut()
            .for_each(|u| *u = true);
    }
}

/// Pick the links. The first chain is the backbone: its links are in order.
/// Then, repeatedly, the heaviest chain among beads that overlap nothing
/// chosen so far: a block of text that moved (a reordered paragraph or
/// chapter). Each chain is anchored by strong beads and filled in its gaps
/// by weaker ones. Returns (in-order, moved) indices into `beads`.
/// The third value is true when the search for moved blocks was cut off by
/// `MAX_MOVED_BLOCKS`.
pub(super) fn choose(
    beads: &[Bead],
    n_a: usize,
    n_b: usize,
    runs: bool,
    worded: &dyn Fn(&Bead) -> bool,
) -> (Vec<usize>, Vec<usize>, bool) {
    let by_key = |v: &mut Vec<usize>| v.sort_by_key(|&i| beads[i].key());
    let by_b_end = |v: &mut Vec<usize>| v.sort_by_key(|&i| (beads[i].b_end(), beads[i].key()));
    let mut strong_start: Vec<usize> = (0..beads.len()).filter(|&i| beads[i].strong()).collect();
    by_key(&mut strong_start);
    let mut strong_end = strong_start.clone();
    by_b_end(&mut strong_end);
    // Gap fillers, sorted by key (so by B start) for lookup by gap.
    let mut fillers: Vec<usize> = (0..beads.len())
        .filter(|&i| !beads[i].title && (beads[i].fills(true) || beads[i].strong()))
        .collect();
    by_key(&mut fillers);

    let mut used = Used {
        a: vec![false; n_a],
        b: vec![false; n_b],
    };
    // Anchors dropped for want of support are not offered as anchors again.
    let mut rejected = vec![false; beads.len()];
    // First every chain of anchors (the backbone, then each moved block), so
    // that a weak filler of one chain's gap never takes a sentence that a
    // strong match of a later chain explains better.
    let mut chains: Vec<Vec<usize>> = Vec::new();
    let mut capped = true;
    for _ in 0..MAX_MOVED_BLOCKS {
        strong_start.retain(|&i| !rejected[i] && used.free(&beads[i]));
        strong_end.retain(|&i| !rejected[i] && used.free(&beads[i]));
        let chain = heaviest_chain(beads, &strong_start, &strong_end, MIN_DICE, n_a);
        if chain.is_empty() {
            capped = false;
            break;
        }
        let anchors = supported(beads, &chain, worded);
        for &i in &chain {
            rejected[i] = true;
        }
        for &i in &anchors {
            rejected[i] = false;
            used.take(&beads[i]);
        }
        if !anchors.is_empty() {
            chains.push(anchors);
        }
    }
    // Then runs of weak matches: a passage reworded or shuffled so heavily
    // that no sentence pair is strong on its own still shows as several
    // weak matches in a row, which chance seldom lines up.
    if runs {
        let mut weak: Vec<usize> = fillers
            .iter()
            .copied()
            .filter(|&i| !beads[i].bare && beads[i].fills_gap() && used.free(&beads[i]))
            .collect();
        for _ in chains.len()..MAX_MOVED_BLOCKS {
            weak.retain(|&i| used.free(&beads[i]));
            let mut ends = weak.clone();
            by_b_end(&mut ends);
            let chain = heaviest_chain(beads, &weak, &ends, MIN_DICE_GAP, n_a);
            if chain.is_empty() {
                break;
            }
            for run in weak_runs(beads, &chain) {
                for &i in &run {
                    used.take(&beads[i]);
                }
                chains.push(run);
            }
            // A chain is tried once: what it did not hold as runs is noise.
            let tried: std::collections::HashSet<usize> = chain.into_iter().collect();
            weak.retain(|i| !tried.contains(i));
        }
    }
    // Then the gaps of each chain, in the same order.
    let mut in_order = Vec::new();
    let mut moved = Vec::new();
    for (round, anchors) in chains.into_iter().enumerate() {
        let body: Vec<Bead> = anchors
            .iter()
            .map(|&i| beads[i])
            .filter(|b| !b.title)
            .collect();
        let mut picked = anchors;
        for gap in gaps(&body, n_a, n_b) {
            let (ga, gb) = (gap.a.clone(), gap.b.clone());
            if ga.is_empty() || gb.is_empty() {
                continue;
            }
            let tight = gap.before.is_some()
                && gap.after.is_some()
                && ga.clone().filter(|&k| !used.a[k]).count() <= TIGHT_GAP
                && gb.clone().filter(|&k| !used.b[k]).count() <= TIGHT_GAP;
            let min_dice = if tight { MIN_DICE_TIGHT } else { MIN_DICE_GAP };
            // Fillers whose B start lies in the gap, then those wholly inside.
            let lo = fillers.partition_point(|&i| beads[i].b < gb.start);
            let hi = fillers.partition_point(|&i| beads[i].b < gb.end);
            let inside: Vec<usize> = fillers[lo..hi]
                .iter()
                .copied()
                .filter(|&i| {
                    let bd = &beads[i];
                    ga.start <= bd.a
                        && bd.a_end() <= ga.end
                        && bd.b_end() <= gb.end
                        && (bd.fills(tight) || bd.strong())
                        && used.free(bd)
                })
                .collect();
            if inside.is_empty() {
                continue;
            }
            let mut ends = inside.clone();
            by_b_end(&mut ends);
            let chain = heaviest_chain(beads, &inside, &ends, min_dice, n_a);
            for i in within_reach(beads, &chain, &gap) {
                used.take(&beads[i]);
                picked.push(i);
            }
        }
        by_key(&mut picked);
        if round == 0 {
            in_order = picked;
        } else {
            moved.extend(picked);
        }
    }
    // Two headlines of one story share its key words whoever wrote them: they
    // link only when the bodies do.
    if in_order.iter().chain(&moved).all(|&i| beads[i].title) {
        in_order.clear();
        moved.clear();
    }
    // What moved is what the reading order of the whole leaves out: the
    // heaviest order-keeping chain of every link chosen. (The first chain of
    // anchors is not always it: a run of weak matches found later may
    // continue it in order, or outweigh it.)
    let mut all: Vec<usize> = in_order.iter().chain(&moved).copied().collect();
    by_key(&mut all);
    let mut ends = all.clone();
    by_b_end(&mut ends);
    let backbone = heaviest_chain(beads, &all, &ends, 0.0, n_a);
    let on_backbone: std::collections::HashSet<usize> = backbone.iter().copied().collect();
    let moved: Vec<usize> = all
        .iter()
        .copied()
        .filter(|i| !on_backbone.contains(i))
        .collect();
    (backbone, moved, capped)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(a: usize, b: usize, dice: f64, count: usize, names: usize) -> Bead {
        Bead {
            a,
            na: 1,
            b,
            nb: 1,
            dice,
            shared: dice,
            mass: 2.0,
            count,
            names,
            words: 20,
            bare: false,
            title: false,
        }
    }

    #[test]
    fn a_lone_middling_anchor_stays_only_when_it_keeps_the_wording() {
        // Far apart on both sides: neither supports the other.
        let beads = [bead(2, 3, 0.45, 6, 2), bead(40, 60, 0.35, 6, 3)];
        let chain = [0, 1];
        // The wording kept in order decides the first; the second is too
        // weak to stand alone whatever it keeps.
        assert_eq!(supported(&beads, &chain, &|_| true), [0]);
        assert!(supported(&beads, &chain, &|_| false).is_empty());
        // Names and enough shared words are needed as well.
        let few_names = [bead(2, 3, 0.45, 6, 1)];
        assert!(supported(&few_names, &[0], &|_| true).is_empty());
        let few_words = [bead(2, 3, 0.45, 4, 2)];
        assert!(supported(&few_words, &[0], &|_| true).is_empty());
        // Near each other, two middling anchors support each other.
        let near = [bead(2, 3, 0.35, 6, 0), bead(4, 5, 0.35, 6, 0)];
        assert_eq!(supported(&near, &[0, 1], &|_| false), [0, 1]);
    }
}
