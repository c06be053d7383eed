//! A pair of articles laid out as rows, one place per sentence: each
//! sentence of A and of B is in exactly one row or one unshared stretch.
//!
//! Passages that share a sentence on either side are merged into one row
//! (it carries every passage's link). Rows run in A's order; the longest
//! run of rows that is in order on B's side too is "in order", and the
//! others are "moved" (B has them earlier or later). Unshared sentences
//! go into the stretch before the next row that follows them: A's before
//! any row, B's before an in-order row. A stretch holds unshared
//! sentences only, so folding it never hides shared text.

use serde::{Deserialize, Serialize};

use super::{SentenceRange, SharedPassage};

/// Where a row's B side stands against the rows in order on both sides.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// In the same order on both sides.
    InOrder,
    /// B has it before the in-order row it follows in A.
    EarlierInB,
    /// B has it after the in-order row it precedes in A.
    LaterInB,
}

/// One row of shared text: the sentences of each side that the merged
/// passages cover (sorted, disjoint, non-adjacent ranges).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PairRow {
    /// A's sentences.
    pub a: Vec<SentenceRange>,
    /// B's sentences.
    pub b: Vec<SentenceRange>,
    /// The passages merged here: positions in the pair's passages (A's order).
    pub passages: Vec<u32>,
    /// The best score of its passages (0..1).
    pub score: f32,
    /// Whether B has it in A's order.
    pub placement: Placement,
}

impl PairRow {
    /// The row's name in links: A's first sentence (stable while A's text is).
    pub fn first_a(&self) -> u32 {
        self.a.first().map_or(0, |r| r.start)
    }
}

/// One item of a [`PairLayout`]: a row of shared text, or a stretch of
/// unshared sentences on each side (either may be empty).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum PairItem {
    /// Shared text.
    Row(PairRow),
    /// Sentences only in A and only in B, between rows.
    Gap {
        /// A's unshared sentences here.
        a: Vec<SentenceRange>,
        /// B's unshared sentences here.
        b: Vec<SentenceRange>,
    },
}

/// A pair of articles as rows and stretches, in A's order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PairLayout {
    /// Rows and stretches, in A's order.
    pub items: Vec<PairItem>,
}

impl PairLayout {
    /// The rows, in order.
    pub fn rows(&self) -> impl Iterator<Item = &PairRow> {
        self.items.iter().filter_map(|i| match i {
            PairItem::Row(r) => Some(r),
            PairItem::Gap { .. } => None,
        })
    }
    /// The position among the rows of the row holding A's sentence `s`.
    pub fn row_of_sentence(&self, s: u32) -> Option<usize> {
        self.rows().position(|r| r.a.iter().any(|x| x.contains(s as usize)))
    }
    /// The position among the rows of the row holding passage `p` (its
    /// position in the pair's passages).
    pub fn row_of_passage(&self, p: u32) -> Option<usize> {
        self.rows().position(|r| r.passages.contains(&p))
    }
}

/// Sorted, disjoint ranges covering the same sentences as `v`, adjacent
/// ones joined.
fn normalise(mut v: Vec<SentenceRange>) -> Vec<SentenceRange> {
    crate::sort::by_key(&mut v, |r| (r.start, r.end));
    let mut out: Vec<SentenceRange> = Vec::with_capacity(v.len());
    for r in v.into_iter().filter(|r| r.start < r.end) {
        match out.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => out.push(r),
        }
    }
    out
}

/// Groups of passages linked by a shared sentence on either side, each
/// sorted, groups by their first passage.
fn groups(passages: &[&SharedPassage]) -> Vec<Vec<usize>> {
    let n = passages.len();
    let mut parent: Vec<usize> = (0..n).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for i in 0..n {
        for j in i + 1..n {
            let (p, q) = (passages[i], passages[j]);
            if p.a.sentences.overlaps(q.a.sentences) || p.b.sentences.overlaps(q.b.sentences) {
                let (ri, rj) = (root(&mut parent, i), root(&mut parent, j));
                parent[ri.max(rj)] = ri.min(rj);
            }
        }
    }
    let mut out: Vec<Vec<usize>> = Vec::new();
    let mut slot = vec![usize::MAX; n];
    for i in 0..n {
        let r = root(&mut parent, i);
        if slot[r] == usize::MAX {
            slot[r] = out.len();
            out.push(Vec::new());
        }
        out[slot[r]].push(i);
    }
    out
}

/// Which of `keys` (in A's order) form the longest strictly increasing run:
/// the rows in order on B's side too (the earliest such run on ties).
fn in_order(keys: &[u32]) -> Vec<bool> {
    let n = keys.len();
    let (mut len, mut prev) = (vec![1usize; n], vec![usize::MAX; n]);
    for i in 0..n {
        for j in 0..i {
            if keys[j] < keys[i] && len[j] + 1 > len[i] {
                len[i] = len[j] + 1;
                prev[i] = j;
            }
        }
    }
    let mut keep = vec![false; n];
    let best = (0..n).fold(None, |b: Option<usize>, i| match b {
        Some(k) if len[k] >= len[i] => Some(k),
        _ => Some(i),
    });
    let mut at = best.unwrap_or(usize::MAX);
    while at != usize::MAX {
        keep[at] = true;
        at = prev[at];
    }
    keep
}

/// The ranges of sentences `0..count` that no range of `taken` covers.
fn unshared(count: u32, taken: &[SentenceRange]) -> Vec<u32> {
    let mut flags = vec![false; count as usize];
    for r in taken {
        for f in flags.iter_mut().take(r.end as usize).skip(r.start as usize) {
            *f = true;
        }
    }
    (0..count).filter(|&i| !flags[i as usize]).collect()
}

/// Lays out a pair whose articles have `a_count` and `b_count` sentences
/// and share `passages` (in A's order, as `Bundle::pair_passages` gives
/// them). Total: passages outside the articles are clipped.
pub fn pair_layout(passages: &[&SharedPassage], a_count: u32, b_count: u32) -> PairLayout {
    let clip = |r: SentenceRange, n: u32| SentenceRange { start: r.start.min(n), end: r.end.min(n) };
    let mut rows: Vec<PairRow> = groups(passages)
        .into_iter()
        .map(|g| PairRow {
            a: normalise(g.iter().map(|&i| clip(passages[i].a.sentences, a_count)).collect()),
            b: normalise(g.iter().map(|&i| clip(passages[i].b.sentences, b_count)).collect()),
            passages: g.iter().map(|&i| i as u32).collect(),
            score: g.iter().map(|&i| passages[i].score).fold(0.0, f32::max),
            placement: Placement::InOrder,
        })
        .filter(|r| !r.a.is_empty() && !r.b.is_empty())
        .collect();
    crate::sort::by_key(&mut rows, |r| r.first_a());
    let b_first: Vec<u32> = rows.iter().map(|r| r.b[0].start).collect();
    let keep = in_order(&b_first);
    let mut last_in_order: Option<u32> = None;
    for (i, r) in rows.iter_mut().enumerate() {
        if keep[i] {
            last_in_order = Some(b_first[i]);
        } else {
            // Not in order: before the previous in-order row, or else
            // after a following one.
            r.placement = match last_in_order {
                Some(b) if b_first[i] < b => Placement::EarlierInB,
                _ => Placement::LaterInB,
            };
        }
    }
    // Each unshared sentence goes before the first row that starts after
    // it (for B: the first in-order row), or at the end.
    let all = |side: fn(&PairRow) -> &Vec<SentenceRange>| rows.iter().flat_map(side).copied().collect::<Vec<_>>();
    let mut gap_a: Vec<Vec<u32>> = vec![Vec::new(); rows.len() + 1];
    let mut gap_b: Vec<Vec<u32>> = vec![Vec::new(); rows.len() + 1];
    for s in unshared(a_count, &all(|r| &r.a)) {
        gap_a[rows.iter().position(|r| r.first_a() > s).unwrap_or(rows.len())].push(s);
    }
    for s in unshared(b_count, &all(|r| &r.b)) {
        let at = (0..rows.len()).find(|&i| keep[i] && b_first[i] > s).unwrap_or(rows.len());
        gap_b[at].push(s);
    }
    let ranges = |v: &[u32]| normalise(v.iter().map(|&s| SentenceRange { start: s, end: s + 1 }).collect());
    let mut items = Vec::with_capacity(2 * rows.len() + 1);
    for (i, r) in rows.into_iter().enumerate() {
        if !gap_a[i].is_empty() || !gap_b[i].is_empty() {
            items.push(PairItem::Gap { a: ranges(&gap_a[i]), b: ranges(&gap_b[i]) });
        }
        items.push(PairItem::Row(r));
    }
    let n = gap_a.len() - 1;
    if !gap_a[n].is_empty() || !gap_b[n].is_empty() {
        items.push(PairItem::Gap { a: ranges(&gap_a[n]), b: ranges(&gap_b[n]) });
    }
    PairLayout { items }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::passages::PassageSide;
    use crate::Span;

    fn p(a: (u32, u32), b: (u32, u32), score: f32) -> SharedPassage {
        let side = |article, (s, e): (u32, u32)| PassageSide {
            article,
            span: Span { start: s * 10, end: e * 10 },
            sentences: SentenceRange { start: s, end: e },
        };
        SharedPassage { a: side(0, a), b: side(1, b), score, links: Vec::new() }
    }

    fn r(s: u32, e: u32) -> SentenceRange {
        SentenceRange { start: s, end: e }
    }

    /// Every sentence of each side, counted over rows and stretches.
    fn counts(l: &PairLayout, a_count: usize, b_count: usize) -> (Vec<u32>, Vec<u32>) {
        let (mut ca, mut cb) = (vec![0; a_count], vec![0; b_count]);
        let add = |c: &mut Vec<u32>, v: &[SentenceRange]| {
            for x in v {
                for i in x.start..x.end {
                    c[i as usize] += 1;
                }
            }
        };
        for it in &l.items {
            let (a, b) = match it {
                PairItem::Row(r) => (&r.a, &r.b),
                PairItem::Gap { a, b } => (a, b),
            };
            add(&mut ca, a);
            add(&mut cb, b);
        }
        (ca, cb)
    }

    /// The layout of `ps` over articles of `na` and `nb` sentences, each
    /// sentence checked to be there once per side.
    fn laid(ps: &[SharedPassage], na: usize, nb: usize) -> PairLayout {
        let refs: Vec<&SharedPassage> = ps.iter().collect();
        let l = pair_layout(&refs, na as u32, nb as u32);
        let (ca, cb) = counts(&l, na, nb);
        assert!(ca.iter().all(|&c| c == 1), "{ca:?}");
        assert!(cb.iter().all(|&c| c == 1), "{cb:?}");
        l
    }

    #[test]
    fn passages_sharing_a_sentence_are_one_row() {
        // The headline of A in two passages, B's sentence 5 in two.
        let l = laid(
            &[p((0, 1), (0, 1), 0.9), p((0, 1), (3, 4), 0.5), p((2, 3), (5, 6), 0.7), p((4, 5), (5, 6), 0.6)],
            6,
            7,
        );
        let rows: Vec<&PairRow> = l.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].a.clone(), rows[0].b.clone(), rows[0].passages.clone()),
            (vec![r(0, 1)], vec![r(0, 1), r(3, 4)], vec![0, 1])
        );
        assert_eq!(
            (rows[1].a.clone(), rows[1].b.clone(), rows[1].passages.clone()),
            (vec![r(2, 3), r(4, 5)], vec![r(5, 6)], vec![2, 3])
        );
        assert_eq!(rows[0].score, 0.9);
        assert_eq!(l.row_of_sentence(4), Some(1));
        assert_eq!(l.row_of_passage(1), Some(0));
        assert_eq!(l.row_of_sentence(1), None);
    }

    #[test]
    fn a_moved_passage_is_its_own_row_and_never_folded() {
        // B carries A's 5 near its start: a stretch of B before the second
        // in-order row must not hold B's 1.
        let l = laid(
            &[p((0, 1), (0, 1), 0.9), p((3, 4), (6, 7), 0.8), p((5, 6), (1, 2), 0.8), p((7, 8), (8, 9), 0.8)],
            9,
            10,
        );
        let rows: Vec<&PairRow> = l.rows().collect();
        let places: Vec<Placement> = rows.iter().map(|r| r.placement).collect();
        assert_eq!(places, [Placement::InOrder, Placement::InOrder, Placement::EarlierInB, Placement::InOrder]);
        for it in &l.items {
            if let PairItem::Gap { b, .. } = it {
                assert!(!b.iter().any(|x| x.contains(1)), "B's shared sentence 1 is in a stretch: {l:?}");
            }
        }
        // B's 2..6 come before the second in-order row, B's 9 at the end.
        let gaps: Vec<&Vec<SentenceRange>> =
            l.items.iter().filter_map(|i| if let PairItem::Gap { b, .. } = i { Some(b) } else { None }).collect();
        assert!(gaps.iter().any(|b| b.contains(&r(2, 6))));
        assert!(matches!(l.items.last(), Some(PairItem::Gap { b, .. }) if b == &vec![r(9, 10)]));
    }

    #[test]
    fn no_passage_gives_one_stretch() {
        let l = pair_layout(&[], 3, 0);
        assert_eq!(l.items, vec![PairItem::Gap { a: vec![r(0, 3)], b: vec![] }]);
        assert!(pair_layout(&[], 0, 0).items.is_empty());
    }
}
