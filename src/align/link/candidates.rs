//! Candidates: for each sentence of B, the few sentences of A worth scoring
//! against it, found through an inverted index of rare stems.

use super::*;

/// For each sentence of B, the few sentences of A worth scoring against it.
pub(super) fn candidates(
    sa: &Prepared,
    sb: &Prepared,
    sc: &Scorer,
    opts: &Options,
) -> Vec<(usize, usize, bool)> {
    let postings = Postings::new(sa, sc.idf.len());
    // A sentences by their stems, for sentences repeated word for word (see
    // `repeats` below).
    let mut same: HashMap<&[u32], Vec<usize>> = HashMap::default();
    for (ua, u) in sa.units.iter().enumerate() {
        if !u.set.is_empty() {
            same.entry(u.set.as_slice()).or_default().push(ua);
        }
    }
    let mut repeats: Vec<usize> = Vec::with_capacity(opts.candidates);
    // The A units proposed for the last B unit that got any (its repeats
    // first), and that unit.
    let mut last: Vec<usize> = Vec::new();
    let mut last_ub = 0;
    // Each sentence of B looks up its own: many on all cores (rayon), each
    // worker with its own accumulators; the lists are joined in B's order.
    let scratch = || Scratch {
        acc: vec![0.0f64; sa.units.len()],
        touched: Vec::new(),
        keys: Vec::new(),
        by_dice: Vec::with_capacity(opts.candidates.saturating_add(1)),
        by_mass: Vec::with_capacity(3),
    };
    let lookup = |s: &mut Scratch, (ub, u): (usize, &Compared)| {
        candidates_of(sa, sc, opts, &postings, s, ub, u)
    };
    let lists: Vec<Vec<(usize, usize, bool)>> = if sb.units.len() >= PARALLEL_UNITS {
        use rayon::prelude::*;
        sb.units
            .par_iter()
            .enumerate()
            .with_min_len(PARALLEL_UNITS / 4)
            .map_init(scratch, lookup)
            .collect()
    } else {
        let mut s = scratch();
        sb.units
            .iter()
            .enumerate()
            .map(|x| lookup(&mut s, x))
            .collect()
    };
    // A sentence that A repeats word for word (a refrain, a boilerplate
    // line, a text pasted twice) ties with every copy of itself, and the caps
    // of `candidates_of` keep the first few copies only, or none when it is
    // too common to look up. Its copies in A are proposed as well, up to the
    // same cap: first those on the diagonal of the copies proposed for the
    // last sentence of B that got any (as far past them as this sentence is
    // past it: a repeated run continues in order, as copying keeps order),
    // then the first ones in A. So an article compared with itself finds
    // every sentence's own position, whatever it repeats, and the cost stays
    // linear. One pass in B's order, as each sentence continues the last.
    let mut out = Vec::with_capacity(lists.iter().map(Vec::len).sum());
    for ((ub, u), mut cands) in sb.units.iter().enumerate().zip(lists) {
        repeats.clear();
        if let Some(copies) = same.get(u.set.as_slice()) {
            let shift = ub - last_ub;
            let continued = last
                .iter()
                .map(|&ua| ua + shift)
                .filter(|&ua| ua < sa.units.len() && sa.units[ua].set == u.set);
            for ua in continued.chain(copies.iter().copied()) {
                if repeats.len() == opts.candidates {
                    break;
                }
                if sa.units[ua].title == u.title && !repeats.contains(&ua) {
                    repeats.push(ua);
                }
            }
        }
        if !repeats.is_empty() {
            cands.extend(repeats.iter().map(|&ua| (ua, ub, false)));
            cands.sort_unstable_by_key(|&(ua, _, seed)| (ua, !seed));
            cands.dedup_by_key(|c| c.0);
            // The repeats first, in their order: the next sentences'
            // diagonal (here and for the sentences without content words in
            // `beads`) starts from them.
            cands.sort_by_key(|c| repeats.iter().position(|&r| r == c.0).unwrap_or(usize::MAX));
        }
        if !cands.is_empty() {
            last.clear();
            last.extend(cands.iter().map(|c| c.0));
            last_ub = ub;
        }
        out.extend(cands);
    }
    out
}

/// The A units that hold each stem, in A's order: one list per stem id, laid
/// end to end (a lookup is an index, not a hash, and the lists are one
/// allocation, not one each).
pub(super) struct Postings {
    /// Where each stem's list starts in `units`; one more entry than ids.
    pub(super) start: Vec<usize>,
    pub(super) units: Vec<usize>,
}

impl Postings {
    /// The postings of `sa`'s stems, for ids below `ids`.
    pub(super) fn new(sa: &Prepared, ids: usize) -> Postings {
        let mut start = vec![0usize; ids + 1];
        for u in &sa.units {
            for &t in &u.set {
                start[t as usize + 1] += 1;
            }
        }
        for k in 1..start.len() {
            start[k] += start[k - 1];
        }
        let mut next = start.clone();
        let mut units = vec![0usize; start[ids]];
        for (ua, u) in sa.units.iter().enumerate() {
            for &t in &u.set {
                units[next[t as usize]] = ua;
                next[t as usize] += 1;
            }
        }
        Postings { start, units }
    }

    /// The A units holding `t` (none for a stem of B only).
    pub(super) fn of(&self, t: u32) -> &[usize] {
        let t = t as usize;
        match (self.start.get(t), self.start.get(t + 1)) {
            (Some(&s), Some(&e)) => &self.units[s..e],
            _ => &[],
        }
    }
}

/// A worker's accumulators for `candidates_of`.
pub(super) struct Scratch {
    /// The mass each A sentence shares so far (all zero between calls).
    pub(super) acc: Vec<f64>,
    /// The A sentences touched.
    pub(super) touched: Vec<usize>,
    /// The stems looked up, with their number of postings.
    pub(super) keys: Vec<(usize, u32)>,
    /// The best A sentences so far by Dice estimate and by shared mass (see
    /// `rank_key`).
    pub(super) by_dice: Vec<u128>,
    pub(super) by_mass: Vec<u128>,
}

/// The candidates of B's sentence `ub` (see `candidates`).
pub(super) fn candidates_of(
    sa: &Prepared,
    sc: &Scorer,
    opts: &Options,
    postings: &Postings,
    s: &mut Scratch,
    ub: usize,
    u: &Compared,
) -> Vec<(usize, usize, bool)> {
    let Scratch {
        acc,
        touched,
        keys,
        by_dice,
        by_mass,
    } = s;
    // Look up through the rarer stems: all those in few sentences, and at
    // least the few rarest, so that a sentence of common words still
    // finds its partner.
    keys.clear();
    keys.extend(
        u.set
            .iter()
            .map(|&t| (postings.of(t).len(), t))
            .filter(|&(n, _)| 0 < n && n <= MAX_POSTINGS),
    );
    keys.sort_unstable();
    let rare = keys
        .iter()
        .enumerate()
        .take_while(|&(k, &(n, _))| k < RAREST_STEMS || n <= RARE_POSTINGS)
        .count();
    for &(_, t) in &keys[..rare] {
        let w = sc.weight(t);
        for &ua in postings.of(t) {
            if sa.units[ua].title != u.title {
                continue;
            }
            if acc[ua] == 0.0 {
                touched.push(ua);
            }
            acc[ua] += w;
        }
    }
    // Best candidates by a Dice estimate (short sentences compete fairly
    // with long ones), plus the two sharing the most mass outright (the
    // parts of a merge each share much with B but are each only a part).
    let wb = u.mass;
    by_dice.clear();
    by_mass.clear();
    for &ua in touched.iter() {
        let dice = 2.0 * acc[ua] / (sa.units[ua].mass + wb).max(f64::MIN_POSITIVE);
        offer(by_dice, opts.candidates, rank_key(dice, ua));
        offer(by_mass, 2, rank_key(acc[ua], ua));
        acc[ua] = 0.0;
    }
    touched.clear();
    // (A unit, B unit, whether the pair may seed a merge or split): the
    // best few by Dice and the best by mass; the rest only pair 1:1.
    let unit = |key: u128| key as u64 as usize;
    let mut cands: Vec<(usize, usize, bool)> = by_dice
        .iter()
        .enumerate()
        .map(|(rank, &key)| (unit(key), ub, rank < GROUP_SEEDS))
        .chain(by_mass.iter().map(|&key| (unit(key), ub, true)))
        .collect();
    cands.sort_unstable_by_key(|&(ua, _, seed)| (ua, !seed));
    cands.dedup_by_key(|c| c.0);
    cands
}

/// A key that ranks (`value`, `unit`) pairs by `value` from the highest
/// down (in `f64::total_cmp`'s order), then by `unit` from the lowest up:
/// one integer comparison where the candidates are many.
pub(super) fn rank_key(value: f64, unit: usize) -> u128 {
    // `total_cmp`'s own mapping of the bits to an ordered integer, turned
    // into an unsigned one (sign bit flipped) and inverted (highest first).
    let bits = value.to_bits() as i64;
    let ordered = bits ^ (((bits >> 63) as u64) >> 1) as i64;
    let descending = !((ordered as u64) ^ (1 << 63));
    (u128::from(descending) << 64) | unit as u128
}

/// Offer `x` to `best`, the (at most) `k` least keys offered so far, kept
/// sorted: one comparison with the last turns most away, where keeping every
/// offer to select from would cost a list as long as the thousands of
/// sentences a common word touches.
#[inline]
pub(super) fn offer(best: &mut Vec<u128>, k: usize, x: u128) {
    if best.len() >= k && best.last().is_none_or(|&last| x >= last) {
        return;
    }
    let at = best.partition_point(|&y| y < x);
    if best.len() >= k {
        best.pop();
    }
    best.insert(at, x);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rank_key_orders_as_total_cmp_descending_then_unit() {
        let values = [
            0.0,
            -0.0,
            f64::MIN_POSITIVE,
            0.3,
            0.30000000000000004,
            1.0,
            2.5,
            -1.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
        ];
        let mut pairs = Vec::new();
        for &v in &values {
            for unit in [0, 1, 7, usize::MAX] {
                pairs.push((v, unit));
            }
        }
        for &x in &pairs {
            for &y in &pairs {
                let want = y.0.total_cmp(&x.0).then(x.1.cmp(&y.1));
                assert_eq!(
                    rank_key(x.0, x.1).cmp(&rank_key(y.0, y.1)),
                    want,
                    "{x:?} {y:?}"
                );
            }
        }
    }

    #[test]
    fn offer_keeps_the_least_k_sorted() {
        // A fixed pseudo-random sequence, with repeats.
        let xs: Vec<u128> = (0..200u128).map(|i| (i * 7919 + 13) % 101).collect();
        for k in [0, 1, 2, 6, 50, 300] {
            let mut best = Vec::new();
            for &x in &xs {
                offer(&mut best, k, x);
            }
            let mut want = xs.clone();
            want.sort_unstable();
            want.truncate(k);
            assert_eq!(best, want, "k = {k}");
        }
    }
}
