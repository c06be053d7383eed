//! What the article list asks of the facets: which articles a [`Filter`]
//! selects, every facet value's count, and the list's order.

use std::sync::OnceLock;

use super::{Counts, Facet, FacetGroup, FacetTable, FacetValue, Filter, Selection, Sort, SortKey, TableSource};
use crate::search::SearchIndex;

/// What the facets see of the bundle.
#[derive(Clone, Copy)]
pub struct Facets<'a> {
    /// The bundle's parts: corpus, lexicon, passages, facet index.
    pub source: TableSource<'a>,
    /// Derived once from the above (see `Bundle::facets`).
    pub table: &'a FacetTable,
    /// Built on the first search (an empty query needs no index).
    pub search: &'a OnceLock<SearchIndex>,
}

impl<'a> Facets<'a> {
    /// Every value of a facet, in display order, as (key, label).
    pub fn values(&self, f: Facet) -> &'a [(String, String)] {
        &self.table.values[f as usize]
    }

    /// The search index (built on first use).
    pub fn search(&self) -> &'a SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(self.source.corpus))
    }

    /// Value `slot` of facet `f` as (key, label).
    pub fn value(&self, f: Facet, slot: usize) -> (&'a str, &'a str) {
        let (k, l) = &self.table.values[f as usize][slot];
        (k, l)
    }

    /// Is `key` a value of facet `f` (cheaper than searching [`Self::values`])?
    pub fn has_value(&self, f: Facet, key: &str) -> bool {
        self.source.has_value(f, key)
    }

    /// Applies a filter: the selected articles and every facet's counts.
    /// Selected values that do not exist select nothing.
    pub fn select(&self, filter: &Filter) -> Selection {
        let c = self.counts(filter);
        let groups = Facet::ALL
            .iter()
            .enumerate()
            .map(|(fi, &facet)| FacetGroup {
                facet,
                values: self.table.values[fi]
                    .iter()
                    .enumerate()
                    .map(|(slot, (key, label))| FacetValue {
                        key: key.clone(),
                        label: label.clone(),
                        count: c.counts[fi][slot] as usize,
                        selected: c.selected[fi].contains(&slot),
                    })
                    .collect(),
            })
            .collect();
        Selection { articles: c.articles, groups }
    }

    /// [`Self::select`] without the values' keys and labels.
    pub fn counts(&self, filter: &Filter) -> Counts {
        let t = self.table;
        let mut selected: [Vec<usize>; 7] = Default::default();
        let mut wanted: [Vec<bool>; 7] = Default::default();
        let mut unknown_selected = 0u8;
        for (fi, &f) in Facet::ALL.iter().enumerate() {
            wanted[fi] = vec![false; t.values[fi].len()];
            for k in filter.facets.get(f) {
                match t.values[fi].iter().position(|(x, _)| x == k) {
                    Some(slot) => {
                        selected[fi].push(slot);
                        wanted[fi][slot] = true;
                    }
                    None => unknown_selected |= f.bit(),
                }
            }
            crate::sort::ord(&mut selected[fi]);
            selected[fi].dedup();
        }
        let matching = if filter.query.is_empty() {
            vec![true; self.source.corpus.articles.len()]
        } else {
            let search = self.search();
            search.matching(self.source.corpus, &search.compile(self.source.corpus, &filter.query))
        };
        let all: u8 = Facet::ALL.iter().fold(0, |m, f| m | f.bit());
        let mut counts: [Vec<u32>; 7] = Default::default();
        for (fi, c) in counts.iter_mut().enumerate() {
            *c = vec![0; t.values[fi].len()];
        }
        let mut articles = Vec::new();
        for (ai, _) in matching.iter().enumerate().filter(|(_, m)| **m) {
            // Which facets does this article pass?
            let mut pass: u8 = 0;
            for (fi, &f) in Facet::ALL.iter().enumerate() {
                let ok = if selected[fi].is_empty() {
                    unknown_selected & f.bit() == 0
                } else {
                    t.article(fi, ai).iter().any(|&s| wanted[fi][s as usize])
                };
                if ok {
                    pass |= f.bit();
                }
            }
            if pass == all {
                articles.push(ai);
            }
            for (fi, &f) in Facet::ALL.iter().enumerate() {
                // Counted for facet f when it passes every other facet.
                // (An article's slots are distinct: see `article_slots`.)
                if pass | f.bit() == all {
                    for &s in t.article(fi, ai) {
                        counts[fi][s as usize] += 1;
                    }
                }
            }
        }
        Counts { articles, counts, selected }
    }

    /// Sorts article indices in place (ties by id, i.e. by index).
    pub fn sort(&self, articles: &mut [usize], sort: Sort) {
        let rank = self.table.ranks[sort.key as usize].get_or_init(|| {
            let mut all: Vec<usize> = (0..self.source.corpus.articles.len()).collect();
            self.sort_by_comparing(&mut all, sort.key);
            let mut rank = vec![0u32; all.len()];
            for (r, &i) in all.iter().enumerate() {
                rank[i] = r as u32;
            }
            rank
        });
        crate::sort::by_key(articles, |&i| rank.get(i).copied().unwrap_or(u32::MAX));
        if sort.reverse {
            articles.reverse();
        }
    }

    /// The orders themselves (see [`FacetTable`]'s `ranks`).
    fn sort_by_comparing(&self, articles: &mut [usize], key: SortKey) {
        let c = self.source.corpus;
        let share = |i: usize| self.shared_share(i);
        match key {
            SortKey::Id => crate::sort::ord(articles),
            SortKey::Date => crate::sort::by(articles, |&x, &y| {
                // Unknown dates last.
                let (dx, dy) = (c.articles[x].meta.date.as_deref(), c.articles[y].meta.date.as_deref());
                (dx.is_none(), dx).cmp(&(dy.is_none(), dy)).then(x.cmp(&y))
            }),
            SortKey::Outlet => {
                let lower: Vec<Option<String>> =
                    c.articles.iter().map(|a| a.meta.outlet.as_deref().map(str::to_lowercase)).collect();
                crate::sort::by(articles, |&x, &y| {
                    let (ox, oy) = (&lower[x], &lower[y]);
                    (ox.is_none(), ox).cmp(&(oy.is_none(), oy)).then(x.cmp(&y))
                })
            }
            SortKey::Length => crate::sort::by(articles, |&x, &y| {
                c.articles[y].word_count().cmp(&c.articles[x].word_count()).then(x.cmp(&y))
            }),
            SortKey::Shared => crate::sort::by(articles, |&x, &y| share(y).total_cmp(&share(x)).then(x.cmp(&y))),
        }
    }

    /// The share (0..1) of an article's words inside shared passages.
    pub fn shared_share(&self, i: usize) -> f64 {
        let w = self.source.corpus.articles[i].word_count().max(1) as f64;
        self.source.index.shared_words.get(i).copied().unwrap_or(0) as f64 / w
    }
}
