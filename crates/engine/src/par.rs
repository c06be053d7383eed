//! Independent work spread over every core with the `parallel` feature
//! (the CLI), or done in order without it (the page). Results are always
//! in input order, so output never depends on the feature or on timing.

/// `f` over every item, results in order.
pub(crate) fn map<T: Sync, U: Send>(items: &[T], f: impl Fn(&T) -> U + Sync + Send) -> Vec<U> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map(f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    items.iter().map(f).collect()
}

/// [`map`] with a state per task that `init` makes: for caches of pure
/// functions (what `f` returns must not depend on what the state holds).
pub(crate) fn map_init<T: Sync, S, U: Send>(
    items: &[T],
    init: impl Fn() -> S + Sync + Send,
    f: impl Fn(&mut S, &T) -> U + Sync + Send,
) -> Vec<U> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_iter().map_init(init, f).collect()
    }
    #[cfg(not(feature = "parallel"))]
    {
        let mut state = init();
        items.iter().map(|x| f(&mut state, x)).collect()
    }
}

/// `f` over `0..n` cut into ranges, results concatenated in order: one
/// range per task with the feature, else one range for all (so that `f`'s
/// own caches span the whole input).
pub(crate) fn chunked<T: Send>(n: usize, f: impl Fn(std::ops::Range<usize>) -> Vec<T> + Sync) -> Vec<T> {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        const CHUNK: usize = 256;
        let parts: Vec<Vec<T>> =
            (0..n.div_ceil(CHUNK)).into_par_iter().map(|c| f(c * CHUNK..((c + 1) * CHUNK).min(n))).collect();
        parts.into_iter().flatten().collect()
    }
    #[cfg(not(feature = "parallel"))]
    f(0..n)
}

/// Sorts `items` (unstable: give them unique keys, and the result is the
/// same with and without the feature).
pub(crate) fn sort_unstable<T: Ord + Send>(items: &mut [T]) {
    #[cfg(feature = "parallel")]
    {
        use rayon::prelude::*;
        items.par_sort_unstable();
    }
    #[cfg(not(feature = "parallel"))]
    crate::sort::ord(items);
}
