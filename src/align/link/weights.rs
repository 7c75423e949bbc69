//! How much each shared word weighs: rarity over both articles (IDF) and
//! WordNet synonyms standing in for a word of the other side.

use super::*;

pub(super) struct Scorer {
    pub(super) idf: Vec<f64>,
    /// Number of sentences (of both sides) each stem is in.
    pub(super) df: Vec<u32>,
    /// For each stem id, the stems of the pair that WordNet calls its
    /// synonyms (sorted; empty for most).
    pub(super) syn: Vec<Box<[u32]>>,
    /// Words of the two-bits-per-stem scratch `synonyms` needs (see
    /// `SCRATCH`).
    pub(super) scratch_words: usize,
}

thread_local! {
    /// Two bits per stem id (in x, in y) for `Scorer::synonyms`, all clear
    /// between calls: one per thread, as beads are scored in parallel.
    static SCRATCH: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

impl Scorer {
    pub(super) fn weight(&self, t: u32) -> f64 {
        self.idf.get(t as usize).copied().unwrap_or(0.0)
    }

    pub(super) fn mass(&self, set: &[u32]) -> f64 {
        set.iter().map(|&t| self.weight(t)).sum()
    }

    /// Weighted mass and count of the stems two sorted sets share exactly.
    pub(super) fn shared_exact(&self, x: &[u32], y: &[u32]) -> (f64, usize) {
        let (mut m, mut n) = (0.0, 0);
        for_shared(x, y, |t| {
            m += self.weight(t);
            n += 1;
        });
        (m, n)
    }

    /// Mass and count of synonym pairs between the stems of `x` and `y`
    /// that the other set does not hold itself, each stem used once.
    pub(super) fn synonyms(&self, x: &[u32], y: &[u32]) -> (f64, usize) {
        SCRATCH.with_borrow_mut(|bits| {
            if bits.len() < self.scratch_words {
                bits.resize(self.scratch_words, 0);
            }
            self.synonyms_with(x, y, bits)
        })
    }

    /// `synonyms` with `bits`, a clear scratch of `scratch_words` words or
    /// more, left clear.
    pub(super) fn synonyms_with(&self, x: &[u32], y: &[u32], bits: &mut [u64]) -> (f64, usize) {
        let (mut m, mut n) = (0.0, 0);
        // Most sets hold no stem with synonyms at all: then there is nothing
        // to mark.
        let related = |t: u32| self.syn.get(t as usize).is_some_and(|r| !r.is_empty());
        if !x.iter().any(|&t| related(t)) {
            return (m, n);
        }
        let mut taken: Vec<u32> = Vec::new();
        // Membership in `x` and `y` by bit (set here, cleared on the way
        // out): each synonym is one lookup, not two binary searches.
        let bit = |t: u32| (t as usize / 32, 1u64 << (2 * (t % 32)));
        for &t in x {
            let (w, b) = bit(t);
            bits[w] |= b;
        }
        for &u in y {
            let (w, b) = bit(u);
            bits[w] |= b << 1;
        }
        let in_x = |bits: &[u64], t: u32| {
            let (w, b) = bit(t);
            bits[w] & b != 0
        };
        let in_y = |bits: &[u64], t: u32| {
            let (w, b) = bit(t);
            bits[w] & (b << 1) != 0
        };
        for &t in x {
            let Some(rel) = self.syn.get(t as usize).filter(|r| !r.is_empty()) else {
                continue;
            };
            if in_y(bits, t) {
                continue;
            }
            let hit = rel
                .iter()
                .copied()
                .find(|&u| in_y(bits, u) && !in_x(bits, u) && !taken.contains(&u));
            if let Some(u) = hit {
                taken.push(u);
                m += SYNONYM_WEIGHT * self.weight(t).min(self.weight(u));
                n += 1;
            }
        }
        for &t in x.iter().chain(y) {
            bits[t as usize / 32] = 0;
        }
        (m, n)
    }
}

/// The related stems of each stem id in the pair, from WordNet.
pub(super) fn synonym_table(
    tok: &Tokenizer,
    sa: &Prepared,
    sb: &Prepared,
    sc: &Scorer,
) -> Vec<Box<[u32]>> {
    // A word found in many sentences says little about which is the source
    // (as in `candidates`), and would make the search cost grow with the
    // square of the text: such words get no synonyms.
    let rare = |t: u32| sc.df.get(t as usize).is_some_and(|&d| d <= MAX_SYNONYM_DF);
    // Each side's stems, sorted and distinct: marked by id, then read in
    // id order (ids are dense), not gathered and sorted.
    let ids = tok.id_count();
    let marks = |sides: &[&Prepared]| -> Vec<bool> {
        let mut seen = vec![false; ids];
        for u in sides.iter().flat_map(|side| &side.units) {
            for &t in &u.set {
                seen[t as usize] = true;
            }
        }
        seen
    };
    let listed =
        |seen: &[bool]| -> Vec<u32> { (0..ids as u32).filter(|&t| seen[t as usize]).collect() };
    let (va, vb) = (listed(&marks(&[sa])), listed(&marks(&[sb])));
    let mut present = listed(&marks(&[sa, sb]));
    // A synonym can only stand in for a word on the other side.
    let other_side = |t: u32, u: u32| {
        (va.binary_search(&t).is_ok() && vb.binary_search(&u).is_ok())
            || (vb.binary_search(&t).is_ok() && va.binary_search(&u).is_ok())
    };
    present.retain(|&t| rare(t));
    let entries: Vec<(u32, Option<u32>)> = present
        .iter()
        .map(|&t| (t, synonyms::entry(tok.stem_text(t))))
        .collect();
    let by_entry: HashMap<u32, u32> = entries
        .iter()
        .filter_map(|&(t, e)| e.map(|e| (e, t)))
        .collect();
    let mut out: Vec<Box<[u32]>> = vec![Box::default(); tok.id_count()];
    for (t, e) in entries {
        let Some(e) = e else { continue };
        let mut rel: Vec<u32> = synonyms::related(e)
            .filter_map(|r| by_entry.get(&r).copied())
            .filter(|&r| r != t && other_side(t, r))
            .collect();
        if !rel.is_empty() {
            rel.sort_unstable();
            out[t as usize] = rel.into_boxed_slice();
        }
    }
    out
}

/// Call `f` for each element two sorted, distinct sequences share.
pub(super) fn for_shared(x: &[u32], y: &[u32], mut f: impl FnMut(u32)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                f(x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// Inverse document frequency of each stem over the sentences of both sides.
pub(super) fn idf(sa: &Prepared, sb: &Prepared) -> Scorer {
    let mut df: HashMap<u32, usize> = HashMap::default();
    for u in sa.units.iter().chain(&sb.units) {
        for &t in &u.set {
            *df.entry(t).or_default() += 1;
        }
    }
    let n = (sa.units.len() + sb.units.len()).max(1) as f64;
    let max_id = df.keys().copied().max().map_or(0, |m| m as usize + 1);
    let mut idf = vec![0.0; max_id];
    let mut dfs = vec![0u32; max_id];
    for (t, d) in df {
        idf[t as usize] = (1.0 + n / d as f64).ln();
        dfs[t as usize] = u32::try_from(d).unwrap_or(u32::MAX);
    }
    Scorer {
        idf,
        df: dfs,
        syn: Vec::new(),
        scratch_words: 0,
    }
}
