//! The run-time facet table: every facet's values and each article's value
//! slots, derived once from the bundle (not stored in it), in one go or in
//! bounded steps for the page.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::{Facet, FacetIndex};
use crate::lexicon::Lexicon;
use crate::model::Corpus;
use crate::passages::Passages;

/// Every facet's values and each article's value slots, derived once from
/// the bundle so that a keystroke only counts.
#[derive(Clone, Debug, Default)]
pub struct FacetTable {
    /// Per facet (in [`Facet::ALL`] order): its values as (key, label).
    pub(super) values: [Vec<(String, String)>; 7],
    /// Per facet: article `i`'s value slots are `slots[starts[i]..starts[i + 1]]`.
    starts: [Vec<u32>; 7],
    slots: [Vec<u32>; 7],
    /// Per sort key (in [`super::SortKey::ALL`] order), built on first use: each
    /// article's rank when all are sorted that way. Every comparison ends
    /// on the article index, so sorting any subset by rank gives the same
    /// order as comparing its articles, for a fraction of the cost (the
    /// list is re-sorted on every keystroke).
    pub(super) ranks: [OnceLock<Vec<u32>>; 5],
}

/// Equal values and slots (the sort ranks are caches, built on use).
impl PartialEq for FacetTable {
    fn eq(&self, other: &FacetTable) -> bool {
        (&self.values, &self.starts, &self.slots) == (&other.values, &other.starts, &other.slots)
    }
}

impl FacetTable {
    /// The whole table at once ([`FacetTableBuilder`] in one step).
    pub fn build(corpus: &Corpus, lexicon: &Lexicon, passages: &Passages, index: &FacetIndex) -> FacetTable {
        let src = TableSource { corpus, lexicon, passages, index };
        FacetTableBuilder::new(src).finish(src)
    }
    /// The value slots of article `ai` for facet `fi` (in [`Facet::ALL`] order).
    pub(super) fn article(&self, fi: usize, ai: usize) -> &[u32] {
        &self.slots[fi][self.starts[fi][ai] as usize..self.starts[fi][ai + 1] as usize]
    }
}

/// The bundle's parts the facets read: what a [`FacetTable`] is built
/// from, and what [`super::Facets`] answers from.
#[derive(Clone, Copy)]
pub struct TableSource<'a> {
    /// The analysed articles.
    pub corpus: &'a Corpus,
    /// The actors and issues.
    pub lexicon: &'a Lexicon,
    /// Shared passages and their clusters.
    pub passages: &'a Passages,
    /// What each article mentions, shares and carries.
    pub index: &'a FacetIndex,
}

/// [`FacetTable::build`] in steps, so that a page can build it between
/// frames instead of in one long task (at 5,000 articles it labels 5,000
/// articles and 8,000 clusters). Each [`step`](Self::step) handles at most
/// the given number of items (articles or clusters); the table is the same
/// whatever the step sizes, and `build` is this builder run in one step.
#[derive(Debug)]
pub struct FacetTableBuilder {
    stage: TableStage,
    /// Items done in the current stage.
    next: usize,
    done: usize,
    total: usize,
    values: [Vec<(String, String)>; 7],
    lookup: Option<SlotLookup>,
    starts: [Vec<u32>; 7],
    slots: [Vec<u32>; 7],
    out: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum TableStage {
    /// The values of facet `.0` (in [`Facet::ALL`] order).
    Values(usize),
    /// The slot lookups (one step).
    Lookup,
    /// The value slots of every article for facet `.0`.
    Slots(usize),
    Done,
}

impl FacetTableBuilder {
    /// A builder at the start: nothing done yet.
    pub fn new(src: TableSource<'_>) -> FacetTableBuilder {
        let items = |st: TableStage| FacetTableBuilder::items(src, st);
        let total = (0..7).map(|fi| items(TableStage::Values(fi)) + items(TableStage::Slots(fi))).sum::<usize>() + 1;
        FacetTableBuilder {
            stage: TableStage::Values(0),
            next: 0,
            done: 0,
            total,
            values: Default::default(),
            lookup: None,
            starts: Default::default(),
            slots: Default::default(),
            out: Vec::new(),
        }
    }

    /// Work done, out of [`total`](Self::total) (items over all stages).
    pub fn done(&self) -> usize {
        self.done
    }
    /// All the work, in items (see [`done`](Self::done)).
    pub fn total(&self) -> usize {
        self.total
    }

    /// Items a stage works through: the values of "shares" and "carries"
    /// come from every article and every cluster, the others' at once.
    fn items(src: TableSource<'_>, stage: TableStage) -> usize {
        match stage {
            TableStage::Values(fi) => match Facet::ALL[fi] {
                Facet::Shares => src.corpus.articles.len(),
                Facet::Carries => src.passages.clusters.len(),
                _ => 1,
            },
            TableStage::Lookup => 1,
            TableStage::Slots(_) => src.corpus.articles.len(),
            TableStage::Done => 0,
        }
    }

    /// Works through at most `max_items` items (at least one); true once
    /// the table is complete (see [`finish`](Self::finish)).
    pub fn step(&mut self, src: TableSource<'_>, max_items: usize) -> bool {
        let mut budget = max_items.max(1);
        while budget > 0 && self.stage != TableStage::Done {
            let items = Self::items(src, self.stage);
            let hi = self.next.saturating_add(budget).min(items);
            match self.stage {
                TableStage::Values(fi) => src.compute_values(Facet::ALL[fi], self.next..hi, &mut self.values[fi]),
                TableStage::Lookup => self.lookup = Some(SlotLookup::new(src.passages, src.index, &self.values)),
                TableStage::Slots(fi) => {
                    let lookup = self.lookup.as_ref().expect("the lookup is built before the slots");
                    if self.next == 0 {
                        self.starts[fi].reserve(items + 1);
                        self.starts[fi].push(0);
                    }
                    for ai in self.next..hi {
                        src.article_slots(Facet::ALL[fi], ai, &self.values, lookup, &mut self.out);
                        self.slots[fi].extend(self.out.iter().map(|&s| s as u32));
                        self.starts[fi].push(self.slots[fi].len() as u32);
                    }
                }
                TableStage::Done => {}
            }
            budget -= hi - self.next;
            self.done += hi - self.next;
            self.next = hi;
            if self.next >= items {
                self.next = 0;
                self.stage = match self.stage {
                    TableStage::Values(6) => TableStage::Lookup,
                    TableStage::Values(fi) => TableStage::Values(fi + 1),
                    TableStage::Lookup => TableStage::Slots(0),
                    TableStage::Slots(6) => TableStage::Done,
                    TableStage::Slots(fi) => TableStage::Slots(fi + 1),
                    TableStage::Done => TableStage::Done,
                };
            }
        }
        self.stage == TableStage::Done
    }

    /// The table; whatever is left is built now.
    pub fn finish(mut self, src: TableSource<'_>) -> FacetTable {
        while !self.step(src, usize::MAX) {}
        FacetTable { values: self.values, starts: self.starts, slots: self.slots, ranks: Default::default() }
    }
}

/// Value slots by key, for [`FacetTableBuilder`].
#[derive(Debug)]
pub(super) struct SlotLookup {
    /// Cluster id → slot.
    pub(super) cluster: FxHashMap<u32, usize>,
    /// Article → its slot among the articles that share anything.
    pub(super) share: Vec<Option<usize>>,
    /// The event slots, sorted by (name, slot).
    pub(super) event: Vec<usize>,
}

impl SlotLookup {
    fn new(passages: &Passages, index: &FacetIndex, values: &[Vec<(String, String)>; 7]) -> SlotLookup {
        let cluster: FxHashMap<u32, usize> =
            passages.clusters.iter().enumerate().map(|(slot, c)| (c.id, slot)).collect();
        let mut rank = 0;
        let share: Vec<Option<usize>> = index
            .shares
            .iter()
            .map(|s| {
                (!s.is_empty()).then(|| {
                    rank += 1;
                    rank - 1
                })
            })
            .collect();
        // Events are listed by date: look their slots up by name.
        let names = &values[Facet::Event as usize];
        let mut event: Vec<usize> = (0..names.len()).collect();
        crate::sort::by(&mut event, |&x, &y| (names[x].0.as_str(), x).cmp(&(names[y].0.as_str(), y)));
        SlotLookup { cluster, share, event }
    }
}
