//! Which article of a pair, and a pair of values, one for each.
//!
//! A is the earlier article, the possible source (shown on the left); B the
//! later one, the possible copy (on the right). [`Sides`] holds one value
//! per article — two widths, two scroll positions, two panes — indexed by
//! [`Side`], so that code says `top[side]` rather than `top[side.index()]`
//! or `if a { .. } else { .. }`.

use std::ops::{Index, IndexMut};

/// Which article of the pair: A (the source, left) or B (the copy, right).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Side {
    /// The earlier article, the possible source, on the left.
    A,
    /// The later article, the possible copy, on the right.
    B,
}

impl Side {
    /// Both sides, A first.
    pub const BOTH: [Side; 2] = [Side::A, Side::B];

    /// The other article.
    pub const fn other(self) -> Side {
        match self {
            Side::A => Side::B,
            Side::B => Side::A,
        }
    }

    /// 0 for A, 1 for B: the order sides are listed and drawn in.
    pub const fn index(self) -> usize {
        match self {
            Side::A => 0,
            Side::B => 1,
        }
    }

    /// `A` or `B`, as titles and copied passages write it.
    pub const fn letter(self) -> &'static str {
        match self {
            Side::A => "A",
            Side::B => "B",
        }
    }
}

/// A value for each side of a pair: `sides[Side::A]`, `sides[Side::B]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Sides<T> {
    /// A's value.
    pub a: T,
    /// B's value.
    pub b: T,
}

impl<T> Sides<T> {
    /// A's value and B's.
    pub const fn new(a: T, b: T) -> Sides<T> {
        Sides { a, b }
    }

    /// Each side's value made by `f`, A's first.
    pub fn from_fn(mut f: impl FnMut(Side) -> T) -> Sides<T> {
        let a = f(Side::A);
        Sides { a, b: f(Side::B) }
    }

    /// Both values through `f`, A's first.
    pub fn map<U>(self, mut f: impl FnMut(T) -> U) -> Sides<U> {
        let a = f(self.a);
        Sides { a, b: f(self.b) }
    }

    /// Both values through `f`, told which side each is, A's first.
    pub fn map_sides<U>(self, mut f: impl FnMut(Side, T) -> U) -> Sides<U> {
        let a = f(Side::A, self.a);
        Sides {
            a,
            b: f(Side::B, self.b),
        }
    }

    /// References to both values.
    pub const fn as_ref(&self) -> Sides<&T> {
        Sides {
            a: &self.a,
            b: &self.b,
        }
    }

    /// Both values, A's first, as an array of two gives them.
    pub fn iter(&self) -> std::array::IntoIter<&T, 2> {
        [&self.a, &self.b].into_iter()
    }

    /// Each value with its side, A's first.
    pub fn by_side(&self) -> impl Iterator<Item = (Side, &T)> {
        [(Side::A, &self.a), (Side::B, &self.b)].into_iter()
    }
}

impl<T: Clone> Sides<T> {
    /// The same value on both sides.
    pub fn both(v: T) -> Sides<T> {
        Sides { a: v.clone(), b: v }
    }
}

impl<T> Index<Side> for Sides<T> {
    type Output = T;

    fn index(&self, side: Side) -> &T {
        match side {
            Side::A => &self.a,
            Side::B => &self.b,
        }
    }
}

impl<T> IndexMut<Side> for Sides<T> {
    fn index_mut(&mut self, side: Side) -> &mut T {
        match side {
            Side::A => &mut self.a,
            Side::B => &mut self.b,
        }
    }
}

/// The values in order, A's first, as an array of two gives them.
impl<T> IntoIterator for Sides<T> {
    type Item = T;
    type IntoIter = std::array::IntoIter<T, 2>;

    fn into_iter(self) -> Self::IntoIter {
        [self.a, self.b].into_iter()
    }
}

impl<T> From<(T, T)> for Sides<T> {
    fn from((a, b): (T, T)) -> Sides<T> {
        Sides { a, b }
    }
}

impl<T> From<Sides<T>> for (T, T) {
    fn from(s: Sides<T>) -> (T, T) {
        (s.a, s.b)
    }
}

impl<T> From<[T; 2]> for Sides<T> {
    fn from([a, b]: [T; 2]) -> Sides<T> {
        Sides { a, b }
    }
}

impl<T> From<Sides<T>> for [T; 2] {
    fn from(s: Sides<T>) -> [T; 2] {
        [s.a, s.b]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sides_are_indexed_by_side_and_map_in_order() {
        let mut s = Sides::new(3, 7);
        assert_eq!((s[Side::A], s[Side::B]), (3, 7));
        s[Side::B] += 1;
        assert_eq!(s, Sides::from((3, 8)));
        let mut order = Vec::new();
        let doubled = s.map_sides(|side, v| {
            order.push(side);
            v * 2
        });
        assert_eq!(order, Side::BOTH);
        assert_eq!(<[i32; 2]>::from(doubled), [6, 16]);
        assert_eq!(Sides::from_fn(Side::letter), Sides::new("A", "B"));
        let each: Vec<(Side, i32)> = s.by_side().map(|(side, v)| (side, *v)).collect();
        assert_eq!(each, [(Side::A, 3), (Side::B, 8)]);
        assert!(s.iter().all(|&v| v > 2));
        assert_eq!(s.into_iter().sum::<i32>(), 11);
    }

    #[test]
    fn the_other_side_of_the_other_side_is_the_side() {
        for side in Side::BOTH {
            assert_ne!(side.other(), side);
            assert_eq!(side.other().other(), side);
            assert_eq!(Side::BOTH[side.index()], side);
        }
    }
}
