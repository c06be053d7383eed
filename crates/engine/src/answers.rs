//! The page's questions, answered from a [`Bundle`]: a pair's passages
//! and their layout in rows with the words to mark, an
//! article's shared sentences, what a selection shares, the facet groups
//! as the panel shows them and the stance matrix of a selection. Pages
//! render what these return; they do no domain work of their own.

use crate::bundle::Bundle;
use crate::facets::{Counts, Facet};
use crate::passages::{
    self, collation_row, Cluster, CollationRow, PairLayout, PairRow, PairSummary, PassageSide, RowMarks, SharedPassage,
};
use crate::stance::{self, StanceMatrix};

/// Where a sentence of an article is shared (see [`Bundle::sentence_links`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PassageLink {
    /// The pair's articles (indices, `a < b`): one of them is the article asked about.
    pub a: u32,
    /// The pair's second article.
    pub b: u32,
    /// The other article of the pair.
    pub other: u32,
    /// The passage's position among the pair's passages (in A's order).
    pub index: u32,
    /// The passage's first sentence in the pair's first article (`a`):
    /// the pair view's rows are named by it.
    pub sentence: u32,
    /// The id of the cluster that groups the passage, if any.
    pub cluster: Option<u32>,
}

/// What a selection of articles shares (see [`Bundle::overlap`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Overlap {
    /// Clusters carried by two or more selected articles (by position),
    /// with that number, most carried first (then by id): at most the
    /// number asked for.
    pub clusters: Vec<(usize, usize)>,
    /// Such clusters left out of `clusters`.
    pub clusters_left: usize,
    /// Pairs of selected articles that share a passage.
    pub shared_pairs: usize,
    /// The pairs that share most (share of the shorter article, then
    /// passages, then position), at most the number asked for.
    pub top_pairs: Vec<PairSummary>,
}

/// One facet as the panel shows it (see [`Bundle::facet_groups`]).
#[derive(Clone, Debug, PartialEq)]
pub struct FacetGroup<'a> {
    /// The facet.
    pub facet: Facet,
    /// The values shown, in the engine's order.
    pub values: Vec<FacetValue<'a>>,
    /// Values left out.
    pub hidden: usize,
}

/// One value of a [`FacetGroup`].
#[derive(Clone, Debug, PartialEq)]
pub struct FacetValue<'a> {
    /// Its key, as the URL writes it.
    pub key: &'a str,
    /// Its label.
    pub label: &'a str,
    /// Selected articles that have it.
    pub count: u32,
    /// Is it selected?
    pub checked: bool,
}

impl Bundle {
    /// The passages articles `a` and `b` share (indices, `a < b`; none
    /// otherwise), in A's order. The pairs are sorted by A, then by
    /// position in A: a binary search finds A's, which are scanned for B.
    pub fn pair_passages(&self, a: u32, b: u32) -> impl Iterator<Item = &SharedPassage> {
        self.passages.pairs[self.passages_of(a)].iter().filter(move |p| p.b.article == b)
    }

    /// Articles `a` and `b` (indices, `a < b`) as the pair view lays them
    /// out: rows of shared text with one place per sentence, and the
    /// unshared stretches between them (see [`passages::pair_layout`]).
    pub fn pair_layout(&self, a: u32, b: u32) -> PairLayout {
        let count = |i: u32| self.corpus.articles.get(i as usize).map_or(0, |x| x.sentences.len() as u32);
        let ps: Vec<&SharedPassage> = self.pair_passages(a, b).collect();
        passages::pair_layout(&ps, count(a), count(b))
    }

    /// The words to mark in `row` of the pair `a`, `b` (see
    /// [`passages::row_marks`]): differences if it is copied, matches if
    /// it is reworded.
    pub fn row_marks(&self, a: u32, b: u32, row: &PairRow) -> RowMarks {
        let arts = &self.corpus.articles;
        match (arts.get(a as usize), arts.get(b as usize)) {
            (Some(x), Some(y)) => passages::row_marks((x, &row.a), (y, &row.b), &self.related),
            _ => RowMarks { copied: false, same: 0.0, a: Vec::new(), b: Vec::new() },
        }
    }

    /// The marks of a collation's `reading` against its `base` (both
    /// members of one cluster), as a pair row's ([`Self::row_marks`]):
    /// side A is the reading.
    pub fn reading_marks(&self, reading: &PassageSide, base: &PassageSide) -> RowMarks {
        let arts = &self.corpus.articles;
        match (arts.get(reading.article as usize), arts.get(base.article as usize)) {
            (Some(x), Some(y)) => passages::row_marks(
                (x, std::slice::from_ref(&reading.sentences)),
                (y, std::slice::from_ref(&base.sentences)),
                &self.related,
            ),
            _ => RowMarks { copied: false, same: 0.0, a: Vec::new(), b: Vec::new() },
        }
    }

    /// Where the passages whose first article is `a` are in `passages.pairs`.
    fn passages_of(&self, a: u32) -> std::ops::Range<usize> {
        let pairs = &self.passages.pairs;
        let start = pairs.partition_point(|p| p.a.article < a);
        start..start + pairs[start..].partition_point(|p| p.a.article == a)
    }

    /// The heat-map cell of articles `a` and `b` (indices, `a < b`), if
    /// they share something.
    pub fn pair_summary(&self, a: u32, b: u32) -> Option<&PairSummary> {
        self.pair_summaries.binary_search_by(|p| (p.a, p.b).cmp(&(a, b))).ok().map(|k| &self.pair_summaries[k])
    }

    /// For each sentence of article `article` (an index): the shared
    /// passage it belongs to. A sentence in several takes the first:
    /// passages grouped in a cluster first, then in the pairs' order.
    pub fn sentence_links(&self, article: usize) -> Vec<Option<PassageLink>> {
        let Some(art) = self.corpus.articles.get(article) else { return Vec::new() };
        let me = article as u32;
        let mut out = vec![None; art.sentences.len()];
        let mut found = Vec::new();
        for (pi, p) in self.passages.pairs.iter().enumerate() {
            let (mine, other) = if p.a.article == me {
                (&p.a, p.b.article)
            } else if p.b.article == me {
                (&p.b, p.a.article)
            } else {
                continue;
            };
            // Its position among the pair's passages: those before it in A's.
            let before = &self.passages.pairs[self.passages_of(p.a.article).start..pi];
            let index = before.iter().filter(|q| q.b.article == p.b.article).count() as u32;
            let cluster = self.passages.clusters.iter().find(|c| c.passages.contains(&(pi as u32))).map(|c| c.id);
            let link =
                PassageLink { a: p.a.article, b: p.b.article, other, index, sentence: p.a.sentences.start, cluster };
            found.push((cluster.is_none(), pi, mine.sentences, link));
        }
        crate::sort::by_key(&mut found, |f| (f.0, f.1));
        for (_, _, range, link) in found {
            for i in range.start..range.end {
                if let Some(slot @ None) = out.get_mut(i as usize) {
                    *slot = Some(link);
                }
            }
        }
        out
    }

    /// What the articles `selection` (indices) share: clusters carried by
    /// two or more of them (at most `clusters_max`), the pairs that share
    /// something, and the `top` pairs that share most (none for 0).
    pub fn overlap(&self, selection: &[usize], clusters_max: usize, top: usize) -> Overlap {
        let mut in_sel = vec![false; self.corpus.articles.len()];
        for &i in selection {
            if let Some(x) = in_sel.get_mut(i) {
                *x = true;
            }
        }
        let chosen = |a: u32| in_sel.get(a as usize).copied().unwrap_or(false);
        let mut clusters: Vec<(usize, usize)> = self
            .passages
            .clusters
            .iter()
            .enumerate()
            .map(|(k, c): (usize, &Cluster)| (k, c.articles.iter().filter(|&&a| chosen(a)).count()))
            .filter(|(_, n)| *n >= 2)
            .collect();
        let ids = &self.passages.clusters;
        crate::sort::by(&mut clusters, |x, y| y.1.cmp(&x.1).then(ids[x.0].id.cmp(&ids[y.0].id)));
        let clusters_left = clusters.len().saturating_sub(clusters_max);
        clusters.truncate(clusters_max);
        let most = |x: &&PairSummary, y: &&PairSummary| {
            y.shorter_share
                .total_cmp(&x.shorter_share)
                .then(y.passages.cmp(&x.passages))
                .then((x.a, x.b).cmp(&(y.a, y.b)))
        };
        // The best `top`, kept in order as the pairs go by.
        let mut best: Vec<&PairSummary> = Vec::with_capacity(top + 1);
        let mut shared_pairs = 0;
        for p in self.pair_summaries.iter().filter(|p| chosen(p.a) && chosen(p.b)) {
            shared_pairs += 1;
            let at = best.partition_point(|q| most(q, &p).is_lt());
            if at < top {
                best.insert(at, p);
                best.truncate(top);
            }
        }
        Overlap { clusters, clusters_left, shared_pairs, top_pairs: best.into_iter().cloned().collect() }
    }

    /// The position of the cluster named `key` ([`Cluster::key`]), if any.
    pub fn cluster_by_key(&self, key: &str) -> Option<usize> {
        self.passages.clusters.iter().position(|c| c.key(&self.corpus) == key)
    }

    /// The collation of cluster `cluster` (a position) against its member
    /// `base`: the base's row first, then the other members that `keep`
    /// accepts, in order. Lazy: each row aligns its reading with the base
    /// when it is taken, so a page of rows costs a page of alignments.
    pub fn collation<'a>(
        &'a self,
        cluster: usize,
        base: usize,
        keep: impl Fn(&PassageSide) -> bool + 'a,
    ) -> impl Iterator<Item = CollationRow> + 'a {
        let c = self.passages.clusters.get(cluster);
        let n = c.map_or(0, |c| c.members.len());
        std::iter::once(base)
            .chain((0..n).filter(move |&i| i != base))
            .filter(move |&i| i == base || c.is_some_and(|c| keep(&c.members[i])))
            .filter_map(move |i| collation_row(&self.corpus, c?, base, i))
    }

    /// The facet groups as the panel shows them, from a selection's
    /// `counts`: every value in the engine's order, or for a group of more
    /// than `cap` values the selected ones and those with most articles
    /// (`cap` in all), in the engine's order.
    pub fn facet_groups(&self, counts: &Counts, cap: usize) -> Vec<FacetGroup<'_>> {
        let fx = self.facets();
        Facet::ALL
            .iter()
            .enumerate()
            .map(|(fi, &facet)| {
                let (n, selected) = (&counts.counts[fi], &counts.selected[fi]);
                let (keep, hidden) = capped(n, selected, cap);
                let values = keep
                    .into_iter()
                    .map(|i| {
                        let (key, label) = fx.value(facet, i);
                        FacetValue { key, label, count: n[i], checked: selected.binary_search(&i).is_ok() }
                    })
                    .collect();
                FacetGroup { facet, values, hidden }
            })
            .collect()
    }

    /// The stance matrix of the articles `selection` (indices, ascending).
    pub fn stance_matrix(&self, selection: &[usize]) -> StanceMatrix {
        stance::matrix(&self.statements, selection)
    }
}

/// The value slots of one facet to show (ascending) and how many are left
/// out: all of them, or if there are more than `cap`, the `selected` ones
/// and then those with most articles.
fn capped(counts: &[u32], selected: &[usize], cap: usize) -> (Vec<usize>, usize) {
    if counts.len() <= cap {
        return ((0..counts.len()).collect(), 0);
    }
    // The best `cap`, kept in order as the values go by.
    let key = |i: usize| (selected.binary_search(&i).is_err(), std::cmp::Reverse(counts[i]), i);
    let mut best: Vec<usize> = Vec::with_capacity(cap + 1);
    for i in 0..counts.len() {
        let at = best.partition_point(|&j| key(j) < key(i));
        if at < cap {
            best.insert(at, i);
            best.truncate(cap);
        }
    }
    crate::sort::ord(&mut best);
    (best, counts.len() - cap)
}
