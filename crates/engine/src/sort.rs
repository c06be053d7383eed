//! Sorting, the same order in the page and natively, with one compiled
//! sort in the page.
//!
//! Every std sort call with its own closure or element type compiles a
//! whole sort of its own (quicksort, small-sort, heapsort, pivot choice:
//! 2–5 KB of wasm each). When the page called std's sorts directly they
//! were about 200 functions and 90 KB of wasm before `wasm-opt`. Here, in
//! wasm, every sort sorts positions (`u32`) with a `&dyn` comparison, one
//! compiled sort, and then moves the elements into place. Natively (the
//! CLI, the build script, the tests) these are std's sorts with the
//! comparison inlined, as speed matters there.
//!
//! The order is the same either way: [`by`] and [`by_key`] are stable
//! (one possible result), and [`ord`]'s equal elements are equal under a
//! total order, so their order among themselves cannot be told apart.
//!
//! The one place that calls std's sorts: `clippy.toml` disallows them
//! everywhere else in the page's code.
#![allow(clippy::disallowed_methods)]

use std::cmp::Ordering;

/// Sorts by `cmp`; equal elements keep their order (`slice::sort_by`).
#[inline]
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    #[cfg(target_arch = "wasm32")]
    by_dyn(v, &cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_by(cmp);
}

/// Sorts by `key`; equal keys keep their order (`slice::sort_by_key`).
#[inline]
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts by `T`'s own order (`slice::sort_unstable`).
#[inline]
pub fn ord<T: Ord>(v: &mut [T]) {
    #[cfg(target_arch = "wasm32")]
    by_dyn(v, &T::cmp);
    #[cfg(not(target_arch = "wasm32"))]
    v.sort_unstable();
}

/// Sorts plain numbers (or tuples of them) with std's `sort_unstable`, in
/// wasm too: for the passage finder's hot sorts, where the `&dyn` order
/// costs more than one compiled sort per number type.
#[inline]
pub fn numbers<T: Ord + Copy>(v: &mut [T]) {
    v.sort_unstable();
}

/// Sorts positions, then moves the elements into place by following the
/// permutation's cycles.
#[cfg(any(target_arch = "wasm32", test))]
fn by_dyn<T>(v: &mut [T], cmp: &dyn Fn(&T, &T) -> Ordering) {
    let mut order: Vec<u32> = (0..v.len() as u32).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a as usize], &v[b as usize]));
    // `order[k]` is where the element that belongs at `k` is now; a visited
    // position is marked by pointing at itself.
    for start in 0..order.len() {
        let mut at = start;
        loop {
            let from = order[at] as usize;
            order[at] = at as u32;
            if from == start || from == at {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(any(target_arch = "wasm32", test))]
#[inline(never)]
fn sort_positions(order: &mut [u32], cmp: &dyn Fn(u32, u32) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The page's way (positions, then cycles) against std's stable sort,
    /// at every length up to 300 and with many ties.
    #[test]
    fn the_page_sorts_like_std() {
        for n in 0..300u32 {
            let v: Vec<(u32, u32)> = (0..n).map(|i| (i.wrapping_mul(7919) % 13, i)).collect();
            let mut page = v.clone();
            by_dyn(&mut page, &|a, b| a.0.cmp(&b.0));
            let mut std = v.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(page, std, "n = {n}");
            let mut page = v;
            by_dyn(&mut page, &|a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(page, std, "n = {n}, descending");
        }
    }
}
