//! Beads: candidate groupings of sentences (1:1, merges, splits) and their
//! scores.

use super::*;

/// A candidate grouping: A units `a..a + na` against B units `b..b + nb`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Bead {
    pub(super) a: usize,
    pub(super) na: usize,
    pub(super) b: usize,
    pub(super) nb: usize,
    pub(super) dice: f64,
    /// Weighted mass of the shared stems.
    pub(super) shared: f64,
    /// Weighted mass of both sides.
    pub(super) mass: f64,
    /// Number of shared content stems, and of shared names and numbers.
    pub(super) count: usize,
    pub(super) names: usize,
    /// Words on the shorter side.
    pub(super) words: usize,
    /// Two sentences without content words, repeated word for word.
    pub(super) bare: bool,
    /// Two headlines.
    pub(super) title: bool,
}

impl Bead {
    pub(super) fn a_end(&self) -> usize {
        self.a + self.na
    }
    pub(super) fn b_end(&self) -> usize {
        self.b + self.nb
    }
    pub(super) fn key(&self) -> (usize, usize, usize, usize) {
        (self.b, self.a, self.nb, self.na)
    }
    /// Worth of the bead in a chain whose entry threshold is `min_dice`:
    /// positive exactly when its Dice is above the threshold, growing with
    /// the text it covers, and discounted for each extra sentence.
    pub(super) fn value(&self, min_dice: f64) -> f64 {
        // Past the widest shape, a grown grouping pays no more: each member
        // it holds has already shown its own evidence.
        let size = (self.na + self.nb - 2).min(MAX_SHAPE - 1) as f64;
        (2.0 * self.shared - min_dice * self.mass) * (1.0 - SIZE_PENALTY * size)
    }
    /// Whether the bead may anchor the alignment by its content alone.
    pub(super) fn strong(&self) -> bool {
        if self.bare {
            return false;
        }
        if self.title {
            return self.dice >= MIN_DICE_TITLE;
        }
        let identical = self.dice >= NEAR_IDENTICAL && self.words >= NEAR_IDENTICAL_WORDS;
        identical
            || (self.dice >= MIN_DICE && self.count >= MIN_SHARED_WORDS && self.says_who_or_what())
    }
    /// Whether the two sides share who or what: a name or number, or
    /// `MIN_SHARED_GENERIC` content words. A stock phrase (`did not respond
    /// to a request for comment`, `the rest of the paper is organized as
    /// follows`) is common to texts written apart, however whole.
    pub(super) fn says_who_or_what(&self) -> bool {
        self.count >= MIN_SHARED_GENERIC || self.names > 0
    }
    /// Whether the bead may fill a gap between anchors, a tight one or not
    /// (see `MIN_DICE_TIGHT`).
    pub(super) fn fills(&self, tight: bool) -> bool {
        if self.title {
            return false;
        }
        self.bare
            || self.dice >= NEAR_IDENTICAL
            || (self.dice >= MIN_DICE_GAP && self.count >= MIN_SHARED_WORDS_GAP)
            || (tight && self.dice >= MIN_DICE_TIGHT && self.count >= MIN_SHARED_WORDS)
    }
    /// Whether the bead may fill a gap between anchors.
    pub(super) fn fills_gap(&self) -> bool {
        self.fills(false)
    }
    /// Sentences between the two beads on side A and side B (0 when adjacent).
    pub(super) fn distance(&self, o: &Bead) -> (usize, usize) {
        let gap = |s0: usize, e0: usize, s1: usize, e1: usize| {
            s1.saturating_sub(e0).max(s0.saturating_sub(e1))
        };
        (
            gap(self.a, self.a_end(), o.a, o.a_end()),
            gap(self.b, self.b_end(), o.b, o.b_end()),
        )
    }
}

/// The sorted union of one field (sorted and distinct in each unit) of a
/// run of units; a single unit's own set is borrowed, as most beads are 1:1.
pub(super) fn union<'u>(
    units: &'u [Compared],
    field: impl Fn(&'u Compared) -> &'u [u32],
) -> Cow<'u, [u32]> {
    let (first, rest) = match units {
        [one] => return Cow::Borrowed(field(one)),
        [first, rest @ ..] => (field(first), rest),
        [] => return Cow::Borrowed(&[]),
    };
    // Merged one unit at a time: the sets are sorted already.
    let mut v: Vec<u32> = Vec::new();
    let mut next: Vec<u32> = Vec::new();
    for (k, u) in rest.iter().enumerate() {
        let so_far = if k == 0 { first } else { &v };
        merge_union(so_far, field(u), &mut next);
        std::mem::swap(&mut v, &mut next);
    }
    Cow::Owned(v)
}

/// Set `out` to the union of two sorted, distinct sequences (sorted and
/// distinct).
pub(super) fn merge_union(x: &[u32], y: &[u32], out: &mut Vec<u32>) {
    out.clear();
    out.resize(x.len() + y.len(), 0);
    let (mut i, mut j, mut k) = (0, 0, 0);
    // Without a branch on which side is less: the two interleave at random.
    while i < x.len() && j < y.len() {
        let (p, q) = (x[i], y[j]);
        out[k] = p.min(q);
        i += usize::from(p <= q);
        j += usize::from(q <= p);
        k += 1;
    }
    let (rest_x, rest_y) = (&x[i..], &y[j..]);
    out[k..k + rest_x.len()].copy_from_slice(rest_x);
    k += rest_x.len();
    out[k..k + rest_y.len()].copy_from_slice(rest_y);
    out.truncate(k + rest_y.len());
}

/// A bead's placement (A start, A sentences, B start, B sentences) as one
/// integer that sorts as the tuple does, for sorting hundreds of thousands
/// of them: starts take 48 bits (no text holds 2^48 sentences), counts 16
/// (a bead holds at most `MAX_GROWN`).
pub(super) struct Placement;

impl Placement {
    pub(super) fn pack(a: usize, na: usize, b: usize, nb: usize) -> u128 {
        // 48 bits of sentence index (far beyond any text under the 8 MiB
        // limit) and 16 of group size (at most `MAX_GROWN`).
        debug_assert!(a < 1 << 48 && b < 1 << 48 && na < 1 << 16 && nb < 1 << 16);
        ((a as u128) << 80) | ((na as u128) << 64) | ((b as u128) << 16) | nb as u128
    }

    pub(super) fn unpack(key: u128) -> (usize, usize, usize, usize) {
        let field = |shift: u32, bits: u32| ((key >> shift) & ((1u128 << bits) - 1)) as usize;
        (field(80, 48), field(64, 16), field(16, 48), field(0, 16))
    }
}

/// Score every bead around every candidate sentence pair.
pub(super) fn beads(sa: &Prepared, sb: &Prepared, sc: &Scorer, opts: &Options) -> Vec<Bead> {
    let pairs = candidates(sa, sb, sc, opts);
    // How well the best single sentence on the other side covers each one.
    let mut best_a = vec![0.0f64; sa.units.len()];
    let mut best_b = vec![0.0f64; sb.units.len()];
    let covers: Vec<(f64, f64, f64)> = pairs
        .iter()
        .map(|&(ua, ub, _)| {
            let (x, y) = (&sa.units[ua], &sb.units[ub]);
            // Exact stems only: this ranks candidates found by exact stems.
            let (m, _) = sc.shared_exact(&x.set, &y.set);
            let (wx, wy) = (x.mass, y.mass);
            let cover = (m / wx.max(f64::MIN_POSITIVE), m / wy.max(f64::MIN_POSITIVE));
            best_a[ua] = best_a[ua].max(cover.0);
            best_b[ub] = best_b[ub].max(cover.1);
            let dice = 2.0 * m / (wx + wy).max(f64::MIN_POSITIVE);
            (cover.0, cover.1, dice)
        })
        .collect();
    let ctx = BeadContext {
        sa,
        sb,
        sc,
        best_a: &best_a,
        best_b: &best_b,
    };
    // Every placement of every shape around every candidate pair, each once.
    let mut keys: Vec<u128> = Vec::with_capacity(pairs.len() * 4);
    for (&(ua, ub, seed), &(cover_a, cover_b, dice)) in pairs.iter().zip(&covers) {
        for &(na, nb) in SHAPES {
            // A grouping is only worth scoring around a pair that already
            // matches in part, and a sentence that the other side covers well
            // enough to be a member: half of a two-sentence merge alone
            // scores a Dice near 2/3 of the whole.
            // And adding sentences on one side only helps where the other
            // side still has content this pair does not explain.
            // Nor is a sentence whose content words one sentence of the
            // other side holds all of a merge of several: it is that one's
            // copy (or a cut of it). Where sentences repeat, a merge of two
            // can hold exactly the words of a third, in another order.
            let grouped = na + nb > 2;
            if grouped
                && (!seed
                    || dice < MIN_PART_DICE
                    || (na > 1
                        && (cover_a < MIN_MEMBER_COVER
                            || cover_b >= FULL_COVER
                            || best_b[ub] >= WHOLE))
                    || (nb > 1
                        && (cover_b < MIN_MEMBER_COVER
                            || cover_a >= FULL_COVER
                            || best_a[ua] >= WHOLE)))
            {
                continue;
            }
            for a0 in ua.saturating_sub(na - 1)..=ua {
                for b0 in ub.saturating_sub(nb - 1)..=ub {
                    if sa.groupable(a0, na) && sb.groupable(b0, nb) {
                        keys.push(Placement::pack(a0, na, b0, nb));
                    }
                }
            }
        }
    }
    keys.sort_unstable();
    keys.dedup();
    // Each bead is scored on its own: many on all cores (rayon), in order.
    let score = |&key: &u128| {
        let (a0, na, b0, nb) = Placement::unpack(key);
        ctx.score(a0, na, b0, nb)
    };
    let mut out: Vec<Bead> = if keys.len() >= PARALLEL_BEADS {
        use rayon::prelude::*;
        keys.par_iter()
            .with_min_len(PARALLEL_BEADS / 4)
            .filter_map(score)
            .collect()
    } else {
        keys.iter().filter_map(score).collect()
    };
    let grown: Vec<Bead> = out.iter().filter_map(|bead| ctx.grow(bead)).collect();
    out.extend(grown);
    // Sentences without a content word (`There is.`, `No, no, no.`) have no
    // stems to be found by; when repeated word for word they are paired here,
    // as beads that only a gap between anchors can take. Such a sentence may
    // come back hundreds of times (a dialogue's `No.`): each one of B is
    // paired with the copies of A where the sentence before it points (the
    // next copy at or after each candidate of the previous sentence of B,
    // one past it, in the order `candidates` gives: repeats first), then
    // with the first copies, up to the candidate cap, so that the pairs
    // stay linear in the text.
    let mut bare: HashMap<&[u32], Vec<usize>> = HashMap::default();
    for (ua, u) in sa.units.iter().enumerate() {
        if u.set.is_empty() && !u.title {
            bare.entry(u.norms.as_slice()).or_default().push(ua);
        }
    }
    let mut next_pair = 0;
    let mut prev: Vec<usize> = Vec::new();
    let mut cur: Vec<usize> = Vec::new();
    for (ub, u) in sb.units.iter().enumerate() {
        cur.clear();
        while next_pair < pairs.len() && pairs[next_pair].1 == ub {
            cur.push(pairs[next_pair].0);
            next_pair += 1;
        }
        let copies = match bare.get(u.norms.as_slice()) {
            Some(c) if u.set.is_empty() && !u.title => c.as_slice(),
            _ => {
                std::mem::swap(&mut prev, &mut cur);
                continue;
            }
        };
        let after = |j: usize| copies.get(copies.partition_point(|&c| c < j)).copied();
        for ua in prev
            .iter()
            .filter_map(|&j| after(j + 1))
            .chain(copies.iter().copied())
        {
            if cur.len() == opts.candidates {
                break;
            }
            if !cur.contains(&ua) {
                cur.push(ua);
            }
        }
        let words = u.norms.len();
        out.extend(cur.iter().map(|&ua| Bead {
            a: ua,
            na: 1,
            b: ub,
            nb: 1,
            dice: 1.0,
            shared: words as f64,
            mass: 2.0 * words as f64,
            count: 0,
            names: 0,
            words,
            bare: true,
            title: false,
        }));
        std::mem::swap(&mut prev, &mut cur);
    }
    out
}

pub(super) struct BeadContext<'s, 'a> {
    pub(super) sa: &'s Prepared<'a>,
    pub(super) sb: &'s Prepared<'a>,
    pub(super) sc: &'s Scorer,
    pub(super) best_a: &'s [f64],
    pub(super) best_b: &'s [f64],
}

impl BeadContext<'_, '_> {
    /// The widest merge or split grown from `bead` (one sentence against
    /// `MAX_SHAPE`) by the neighbours of its many side that each fit it,
    /// or None when none does.
    pub(super) fn grow(&self, bead: &Bead) -> Option<Bead> {
        let many_a = bead.na == MAX_SHAPE && bead.nb == 1;
        if !(many_a || (bead.nb == MAX_SHAPE && bead.na == 1)) {
            return None;
        }
        let side = if many_a { self.sa } else { self.sb };
        let try_span = |start: usize, n: usize| -> Option<Bead> {
            if !side.groupable(start, n) {
                return None;
            }
            if many_a {
                self.score(start, n, bead.b, 1)
            } else {
                self.score(bead.a, 1, start, n)
            }
            .filter(|g| g.dice >= MIN_DICE_GAP)
        };
        let (mut start, mut n) = if many_a {
            (bead.a, bead.na)
        } else {
            (bead.b, bead.nb)
        };
        let mut best: Option<Bead> = None;
        while n < MAX_GROWN {
            let next = try_span(start, n + 1).map(|g| (g, start)).or_else(|| {
                let s0 = start.checked_sub(1)?;
                try_span(s0, n + 1).map(|g| (g, s0))
            });
            match next {
                Some((g, s0)) => {
                    start = s0;
                    n += 1;
                    best = Some(g);
                }
                None => break,
            }
        }
        best
    }

    pub(super) fn score(&self, a: usize, na: usize, b: usize, nb: usize) -> Option<Bead> {
        let sc = self.sc;
        let ua = &self.sa.units[a..a + na];
        let ub = &self.sb.units[b..b + nb];
        // Every member of a grouping must bring its own evidence, and must not
        // be explained much better by some other single sentence.
        let fits = |u: &Compared, other: &[u32], best: f64| {
            let m = u.mass;
            let cover = sc.shared_exact(&u.set, other).0 / m.max(f64::MIN_POSITIVE);
            m > 0.0 && cover >= MIN_MEMBER_COVER && cover >= MEMBER_BEST_SHARE * best
        };
        let a_fit =
            |other: &[u32]| (a..a + na).all(|k| fits(&self.sa.units[k], other, self.best_a[k]));
        let b_fit =
            |other: &[u32]| (b..b + nb).all(|k| fits(&self.sb.units[k], other, self.best_b[k]));
        // Against a single sentence that is known before any union is made,
        // and it rules out most merges and splits: the sentences next to a
        // pair seldom share its words.
        let early = match (na, nb) {
            (1, 1) => true,
            (_, 1) => a_fit(&ub[0].set),
            (1, _) => b_fit(&ua[0].set),
            _ => true,
        };
        if !early {
            return None;
        }
        let (set_a, set_b) = (union(ua, |u| &u.set), union(ub, |u| &u.set));
        let (exact, exact_count) = sc.shared_exact(&set_a, &set_b);
        // A single unit's mass is its own, summed once.
        let mass = |us: &[Compared], set: &[u32]| match us {
            [one] => one.mass,
            _ => sc.mass(set),
        };
        let (wa, wb) = (mass(ua, &set_a), mass(ub, &set_b));
        // Synonyms can add at most their discount on what is left unmatched:
        // most candidate pairs fall short even so, and are not looked at.
        let reach = SYNONYM_WEIGHT * (wa - exact).min(wb - exact).max(0.0);
        if 2.0 * (exact + reach) < MIN_DICE_TIGHT * (wa + wb) {
            return None;
        }
        let exact_dice = 2.0 * exact / (wa + wb).max(f64::MIN_POSITIVE);
        let (shared, count) =
            if sc.syn.is_empty() || !(MIN_EXACT_DICE..SOLO_DICE).contains(&exact_dice) {
                (exact, exact_count)
            } else {
                let (m, n) = sc.synonyms(&set_a, &set_b);
                (exact + m, exact_count + n)
            };
        let dice = 2.0 * shared / (wa + wb).max(f64::MIN_POSITIVE);
        if dice < MIN_DICE_TIGHT || count == 0 {
            return None;
        }
        // The members of a grouping, against the union of the other side
        // (the side checked early again: only groupings that got this far
        // pay for it, and the rule stays whole in one place).
        if na + nb > 2 && !(a_fit(&set_b) && b_fit(&set_a)) {
            return None;
        }
        let names = {
            let mut n = 0;
            for_shared(
                &union(ua, |u| &u.specific),
                &union(ub, |u| &u.specific),
                |_| n += 1,
            );
            n
        };
        let words = |us: &[Compared]| us.iter().map(|u| u.norms.len()).sum::<usize>();
        Some(Bead {
            a,
            na,
            b,
            nb,
            dice,
            shared,
            mass: wa + wb,
            count,
            names,
            words: words(ua).min(words(ub)),
            bare: false,
            title: ua[0].title,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merge_union_is_the_sorted_distinct_union() {
        let sets: [&[u32]; 5] = [&[], &[1], &[1, 4, 9], &[0, 2, 4, 9, 12], &[13, 14]];
        let mut out = vec![99];
        for x in sets {
            for y in sets {
                merge_union(x, y, &mut out);
                let mut want: Vec<u32> = x.iter().chain(y).copied().collect();
                want.sort_unstable();
                want.dedup();
                assert_eq!(out, want, "{x:?} {y:?}");
            }
        }
    }

    #[test]
    fn placements_sort_as_tuples_and_unpack() {
        let tuples = [
            (0, 1, 0, 1),
            (0, 1, 5, 3),
            (0, 3, 0, 1),
            (1, 1, 0, 1),
            (7, 2, 1 << 40, 1),
            ((1 << 48) - 1, MAX_GROWN, (1 << 48) - 1, MAX_GROWN),
        ];
        for x in tuples {
            let (a, na, b, nb) = x;
            assert_eq!(Placement::unpack(Placement::pack(a, na, b, nb)), x);
            for y in tuples {
                let (c, nc, d, nd) = y;
                assert_eq!(
                    Placement::pack(a, na, b, nb).cmp(&Placement::pack(c, nc, d, nd)),
                    x.cmp(&y),
                    "{x:?} {y:?}"
                );
            }
        }
    }
}
