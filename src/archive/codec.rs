//! How lists of integers are packed into the store's values: LEB128
//! varints of the gaps between sorted ids. A posting chunk of 1 KB holds
//! some 700 article ids; an article's sentences take about a byte and a
//! half per stem.

/// Append `x` as a LEB128 varint.
pub fn put(out: &mut Vec<u8>, mut x: u64) {
    while x >= 0x80 {
        out.push((x as u8) | 0x80);
        x >>= 7;
    }
    out.push(x as u8);
}

/// Read a varint at `*at`, moving past it; `None` at the end or on a
/// malformed one (a corrupt value, reported as such by the caller).
pub fn get(bytes: &[u8], at: &mut usize) -> Option<u64> {
    let mut x: u64 = 0;
    for shift in (0..64).step_by(7) {
        let b = *bytes.get(*at)?;
        *at += 1;
        x |= u64::from(b & 0x7f) << shift;
        if b < 0x80 {
            return Some(x);
        }
    }
    None
}

/// Sorted ids as gaps from `base` (the first gap may be 0).
pub fn put_sorted(out: &mut Vec<u8>, base: u32, ids: &[u32]) {
    let mut prev = base;
    for &id in ids {
        put(out, u64::from(id - prev));
        prev = id;
    }
}

/// The ids [`put_sorted`] wrote, or `None` when the bytes are not such a
/// list.
pub fn get_sorted(bytes: &[u8], base: u32) -> Option<Vec<u32>> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    let mut prev = u64::from(base);
    while at < bytes.len() {
        prev += get(bytes, &mut at)?;
        out.push(u32::try_from(prev).ok()?);
    }
    Some(out)
}

/// An article's distinct sentences, each a sorted list of stem ids: the
/// count, then each set's length and its gaps.
pub fn put_sets(sets: &[Vec<u32>]) -> Vec<u8> {
    let mut out = Vec::new();
    put(&mut out, sets.len() as u64);
    for s in sets {
        put(&mut out, s.len() as u64);
        put_sorted(&mut out, 0, s);
    }
    out
}

/// The sets [`put_sets`] wrote, or `None` when the bytes are not such sets.
pub fn get_sets(bytes: &[u8]) -> Option<Vec<Vec<u32>>> {
    let mut at = 0;
    let n = usize::try_from(get(bytes, &mut at)?).ok()?;
    // A count larger than the bytes could hold is corruption, not a reason
    // to allocate.
    if n > bytes.len() {
        return None;
    }
    let mut sets = Vec::with_capacity(n);
    for _ in 0..n {
        let len = usize::try_from(get(bytes, &mut at)?).ok()?;
        if len > bytes.len() {
            return None;
        }
        let mut set = Vec::with_capacity(len);
        let mut prev: u64 = 0;
        for _ in 0..len {
            prev += get(bytes, &mut at)?;
            set.push(u32::try_from(prev).ok()?);
        }
        sets.push(set);
    }
    (at == bytes.len()).then_some(sets)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn varints_round_trip(xs in proptest::collection::vec(any::<u64>(), 0..50)) {
            let mut out = Vec::new();
            for &x in &xs {
                put(&mut out, x);
            }
            let mut at = 0;
            let back: Vec<u64> = std::iter::from_fn(|| get(&out, &mut at)).collect();
            prop_assert_eq!(back, xs);
        }

        #[test]
        fn sorted_ids_round_trip(mut ids in proptest::collection::vec(1000u32.., 0..200)) {
            ids.sort_unstable();
            ids.dedup();
            let mut out = Vec::new();
            put_sorted(&mut out, 1000, &ids);
            prop_assert_eq!(get_sorted(&out, 1000), Some(ids));
        }

        #[test]
        fn sets_round_trip(sets in proptest::collection::vec(
            proptest::collection::btree_set(any::<u32>(), 0..20), 0..30)) {
            let sets: Vec<Vec<u32>> = sets.into_iter().map(|s| s.into_iter().collect()).collect();
            prop_assert_eq!(get_sets(&put_sets(&sets)), Some(sets));
        }

        #[test]
        fn garbage_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..100)) {
            let _ = get_sets(&bytes);
            let _ = get_sorted(&bytes, 7);
        }
    }

    #[test]
    fn truncated_values_are_refused() {
        let sets = vec![vec![1, 5, 300], vec![2, 70_000]];
        let bytes = put_sets(&sets);
        for cut in 0..bytes.len() {
            assert_eq!(get_sets(&bytes[..cut]), None, "cut at {cut}");
        }
        // An unfinished varint.
        assert_eq!(get_sorted(&[0x80], 0), None);
    }
}
