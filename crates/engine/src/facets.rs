//! Facets and sorting: which articles the filters select, and how many
//! articles each facet value would select.
//!
//! A [`Filter`] is the search [`Query`] plus a set of selected values per
//! facet. Values of one facet combine with OR ("outlet A or outlet B"),
//! facets combine with AND. The count shown next to a facet value is the
//! number of articles that match every *other* facet and the search, and
//! carry that value — so ticking it never gives a surprise, and the counts
//! move as the other filters change.
//!
//! What each article mentions, shares and carries is computed once, at
//! build time, into a [`FacetIndex`]; applying a filter is then a pass over
//! the articles with no allocation per token.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::query::Query;
use crate::lexicon::Lexicon;
use crate::model::{Article, Corpus};
use crate::passages::Passages;
use crate::search::SearchIndex;
use crate::token;

/// The facets, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Actor,
    Issue,
    Outlet,
    Event,
    Date,
    Shares,
    Carries,
}

impl Facet {
    pub const ALL: [Facet; 7] =
        [Facet::Actor, Facet::Issue, Facet::Outlet, Facet::Event, Facet::Date, Facet::Shares, Facet::Carries];

    /// The URL parameter / CLI key.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Actor => "actors",
            Facet::Issue => "issues",
            Facet::Outlet => "outlets",
            Facet::Event => "events",
            Facet::Date => "dates",
            Facet::Shares => "shares",
            Facet::Carries => "carries",
        }
    }
    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }
    pub fn title(self) -> &'static str {
        match self {
            Facet::Actor => "Mentions actor",
            Facet::Issue => "Mentions issue",
            Facet::Outlet => "Outlet",
            Facet::Event => "Event",
            Facet::Date => "Date",
            Facet::Shares => "Shares passages with",
            Facet::Carries => "Carries passage",
        }
    }
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The value an unknown outlet, event or date is filed under.
pub const UNKNOWN: &str = "unknown";

/// Per article, what the facets need, computed once (see [`FacetIndex::build`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FacetIndex {
    /// Lexicon actors the article mentions (indices, ascending).
    pub actors: Vec<Vec<u16>>,
    /// Lexicon issues the article mentions (indices, ascending).
    pub issues: Vec<Vec<u16>>,
    /// Other articles it shares at least one passage with (ascending).
    pub shares: Vec<Vec<u32>>,
    /// Clusters (ids) it carries (ascending).
    pub carries: Vec<Vec<u32>>,
    /// Its words inside passages shared with any other article.
    pub shared_words: Vec<u32>,
}

/// The words of an alias or phrase, normalised as article words are for
/// matching: lowercased, apostrophes straightened, possessive dropped.
fn norm(w: &str) -> String {
    let n = token::normalize_word(w);
    let n = n.strip_suffix("'s").map(str::to_string).unwrap_or(n);
    n.trim_matches('\'').to_string()
}

fn is_all_caps(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// One alias: its normalised words, and for an all-capitals alias ("US")
/// the exact words (so the pronoun "us" is not the United States).
struct Alias {
    words: Vec<String>,
    exact: Option<Vec<String>>,
    actor: u16,
}

/// An issue phrase on stems; `None` is `*` (up to three words).
struct Phrase {
    pat: Vec<Option<String>>,
    issue: u16,
}

fn match_at(pat: &[Option<String>], stems: &[&str], j: usize) -> bool {
    match pat.first() {
        None => true,
        Some(Some(w)) => j < stems.len() && stems[j] == w && match_at(&pat[1..], stems, j + 1),
        Some(None) => (0..=3).any(|g| j + g <= stems.len() && match_at(&pat[1..], stems, j + g)),
    }
}

impl FacetIndex {
    /// Mentions (the lexicon's actor aliases and issue phrases, matched as
    /// the stance extraction matches them, within a sentence), passage
    /// partners, clusters and shared words of every article.
    pub fn build(corpus: &Corpus, lexicon: &Lexicon, passages: &Passages) -> FacetIndex {
        let stemmer = token::english_stemmer();
        let mut aliases: BTreeMap<String, Vec<Alias>> = BTreeMap::new();
        for (ai, a) in lexicon.actors.iter().enumerate() {
            for al in a.aliases.iter().chain(std::iter::once(&a.name)) {
                let words: Vec<String> = token::words(al).map(|(_, w)| norm(w)).collect();
                let Some(first) = words.first().cloned() else { continue };
                let exact = is_all_caps(al).then(|| token::words(al).map(|(_, w)| w.to_string()).collect());
                aliases.entry(first).or_default().push(Alias { words, exact, actor: ai as u16 });
            }
        }
        let mut phrases: BTreeMap<String, Vec<Phrase>> = BTreeMap::new();
        for (ii, is) in lexicon.issues.iter().enumerate() {
            for p in &is.phrases {
                let mut pat: Vec<Option<String>> = Vec::new();
                for piece in p.split_whitespace() {
                    if piece == "*" {
                        if matches!(pat.last(), Some(Some(_))) {
                            pat.push(None);
                        }
                        continue;
                    }
                    pat.extend(token::words(piece).map(|(_, w)| Some(token::stem_word(&stemmer, w))));
                }
                while matches!(pat.last(), Some(None)) {
                    pat.pop();
                }
                if let Some(Some(first)) = pat.first().cloned() {
                    phrases.entry(first).or_default().push(Phrase { pat, issue: ii as u16 });
                }
            }
        }

        let n = corpus.articles.len();
        let mut idx = FacetIndex {
            actors: Vec::with_capacity(n),
            issues: Vec::with_capacity(n),
            shares: vec![Vec::new(); n],
            carries: vec![Vec::new(); n],
            shared_words: vec![0; n],
        };
        for art in &corpus.articles {
            let (a, i) = mentions(corpus, art, &aliases, &phrases);
            idx.actors.push(a);
            idx.issues.push(i);
        }
        let mut shared_sentences: Vec<Vec<bool>> =
            corpus.articles.iter().map(|a| vec![false; a.sentences.len()]).collect();
        for p in &passages.pairs {
            let (a, b) = (p.a.article as usize, p.b.article as usize);
            if a >= n || b >= n || a == b {
                continue;
            }
            idx.shares[a].push(b as u32);
            idx.shares[b].push(a as u32);
            for side in [&p.a, &p.b] {
                let marks = &mut shared_sentences[side.article as usize];
                for s in side.sentences.start..side.sentences.end {
                    if let Some(m) = marks.get_mut(s as usize) {
                        *m = true;
                    }
                }
            }
        }
        for c in &passages.clusters {
            for &a in &c.articles {
                if let Some(list) = idx.carries.get_mut(a as usize) {
                    list.push(c.id);
                }
            }
        }
        for (ai, art) in corpus.articles.iter().enumerate() {
            crate::sort::ord(&mut idx.shares[ai]);
            idx.shares[ai].dedup();
            crate::sort::ord(&mut idx.carries[ai]);
            idx.carries[ai].dedup();
            idx.shared_words[ai] =
                shared_sentences[ai].iter().zip(&art.sentences).filter(|(m, _)| **m).map(|(_, s)| s.token_count).sum();
        }
        idx
    }
}

fn mentions(
    corpus: &Corpus,
    art: &Article,
    aliases: &BTreeMap<String, Vec<Alias>>,
    phrases: &BTreeMap<String, Vec<Phrase>>,
) -> (Vec<u16>, Vec<u16>) {
    let mut actors = Vec::new();
    let mut issues = Vec::new();
    for si in 0..art.sentences.len() {
        let toks = art.sentence_tokens(si);
        let texts: Vec<&str> = toks.iter().map(|t| art.text.get(t.span.range()).unwrap_or("")).collect();
        let norms: Vec<String> = texts.iter().map(|w| norm(w)).collect();
        let stems: Vec<&str> =
            toks.iter().map(|t| corpus.vocab.get(t.stem as usize).map_or("", String::as_str)).collect();
        for j in 0..toks.len() {
            if let Some(list) = aliases.get(&norms[j]) {
                for al in list {
                    let end = j + al.words.len();
                    if end > toks.len() {
                        continue;
                    }
                    let ok = match &al.exact {
                        Some(ex) => ex
                            .iter()
                            .zip(&texts[j..end])
                            .all(|(w, t)| t == w || t.strip_suffix("'s").or(t.strip_suffix("’s")) == Some(w.as_str())),
                        None => al.words.iter().zip(&norms[j..end]).all(|(w, t)| w == t),
                    };
                    if ok {
                        actors.push(al.actor);
                    }
                }
            }
            if let Some(list) = phrases.get(stems[j]) {
                for p in list {
                    if match_at(&p.pat, &stems, j) {
                        issues.push(p.issue);
                    }
                }
            }
        }
    }
    crate::sort::ord(&mut actors);
    actors.dedup();
    crate::sort::ord(&mut issues);
    issues.dedup();
    (actors, issues)
}

/// What the facets see of the bundle.
#[derive(Clone, Copy)]
pub struct Facets<'a> {
    pub corpus: &'a Corpus,
    pub lexicon: &'a Lexicon,
    pub passages: &'a Passages,
    pub index: &'a FacetIndex,
    /// Derived once from the above (see `Bundle::facets`).
    pub table: &'a FacetTable,
    /// Built on the first search (an empty query needs no index).
    pub search: &'a OnceLock<SearchIndex>,
}

/// Every facet's values and each article's value slots, derived once from
/// the bundle so that a keystroke only counts.
#[derive(Clone, Debug, Default)]
pub struct FacetTable {
    /// Per facet (in [`Facet::ALL`] order): its values as (key, label).
    values: [Vec<(String, String)>; 7],
    /// Per facet: article `i`'s value slots are `slots[starts[i]..starts[i + 1]]`.
    starts: [Vec<u32>; 7],
    slots: [Vec<u32>; 7],
    /// Per sort key (in [`SortKey::ALL`] order), built on first use: each
    /// article's rank when all are sorted that way. Every comparison ends
    /// on the article index, so sorting any subset by rank gives the same
    /// order as comparing its articles, for a fraction of the cost (the
    /// list is re-sorted on every keystroke).
    ranks: [OnceLock<Vec<u32>>; 5],
}

/// Equal values and slots (the sort ranks are caches, built on use).
impl PartialEq for FacetTable {
    fn eq(&self, other: &FacetTable) -> bool {
        (&self.values, &self.starts, &self.slots) == (&other.values, &other.starts, &other.slots)
    }
}

impl FacetTable {
    pub fn build(corpus: &Corpus, lexicon: &Lexicon, passages: &Passages, index: &FacetIndex) -> FacetTable {
        let src = TableSource { corpus, lexicon, passages, index };
        FacetTableBuilder::new(src).finish(src)
    }
    fn article(&self, fi: usize, ai: usize) -> &[u32] {
        &self.slots[fi][self.starts[fi][ai] as usize..self.starts[fi][ai + 1] as usize]
    }
}

/// What a [`FacetTable`] is built from: the bundle's parts.
#[derive(Clone, Copy)]
pub struct TableSource<'a> {
    pub corpus: &'a Corpus,
    pub lexicon: &'a Lexicon,
    pub passages: &'a Passages,
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
        let (empty, no_search) = (FacetTable::default(), OnceLock::new());
        let fx = Facets {
            corpus: src.corpus,
            lexicon: src.lexicon,
            passages: src.passages,
            index: src.index,
            table: &empty,
            search: &no_search,
        };
        let mut budget = max_items.max(1);
        while budget > 0 && self.stage != TableStage::Done {
            let items = Self::items(src, self.stage);
            let hi = self.next.saturating_add(budget).min(items);
            match self.stage {
                TableStage::Values(fi) => fx.compute_values(Facet::ALL[fi], self.next..hi, &mut self.values[fi]),
                TableStage::Lookup => self.lookup = Some(SlotLookup::new(src.passages, src.index, &self.values)),
                TableStage::Slots(fi) => {
                    let lookup = self.lookup.as_ref().expect("the lookup is built before the slots");
                    if self.next == 0 {
                        self.starts[fi].reserve(items + 1);
                        self.starts[fi].push(0);
                    }
                    for ai in self.next..hi {
                        fx.article_slots(Facet::ALL[fi], ai, &self.values, lookup, &mut self.out);
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
struct SlotLookup {
    /// Cluster id → slot.
    cluster: HashMap<u32, usize>,
    /// Article → its slot among the articles that share anything.
    share: Vec<Option<usize>>,
    /// The event slots, sorted by (name, slot).
    event: Vec<usize>,
}

impl SlotLookup {
    fn new(passages: &Passages, index: &FacetIndex, values: &[Vec<(String, String)>; 7]) -> SlotLookup {
        let cluster: HashMap<u32, usize> = passages.clusters.iter().enumerate().map(|(slot, c)| (c.id, slot)).collect();
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

/// What a filter selects, and every facet value's count, without the
/// values' keys and labels (see [`Facets::value`]): the page's per-keystroke
/// result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Selected articles, ascending.
    pub articles: Vec<usize>,
    /// Per facet (in [`Facet::ALL`] order), per value slot: the count.
    pub counts: [Vec<u32>; 7],
    /// Per facet: the selected value slots (ascending).
    pub selected: [Vec<usize>; 7],
}

/// The selected values of each facet, by key (names, ids, dates as the
/// URL writes them). Values of one facet OR, facets AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub query: Query,
    pub actors: Vec<String>,
    pub issues: Vec<String>,
    pub outlets: Vec<String>,
    pub events: Vec<String>,
    pub dates: Vec<String>,
    /// Article ids: articles sharing a passage with any of them.
    pub shares: Vec<String>,
    /// Cluster ids: articles carrying any of them.
    pub carries: Vec<u32>,
}

impl Filter {
    pub fn selected(&self, f: Facet) -> Vec<String> {
        match f {
            Facet::Actor => self.actors.clone(),
            Facet::Issue => self.issues.clone(),
            Facet::Outlet => self.outlets.clone(),
            Facet::Event => self.events.clone(),
            Facet::Date => self.dates.clone(),
            Facet::Shares => self.shares.clone(),
            Facet::Carries => self.carries.iter().map(u32::to_string).collect(),
        }
    }
    /// No facet value selected (the search may still be set).
    pub fn no_facets(&self) -> bool {
        Facet::ALL.iter().all(|&f| self.selected(f).is_empty())
    }
}

/// One value of a facet as shown: its key (what the URL holds), a label,
/// how many articles it would select, and whether it is selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    pub key: String,
    pub label: String,
    pub count: usize,
    pub selected: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetGroup {
    pub facet: Facet,
    pub values: Vec<FacetValue>,
}

/// The articles a filter selects (ascending index) and every facet with
/// its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    pub articles: Vec<usize>,
    pub groups: Vec<FacetGroup>,
}

fn outlet_key(a: &Article) -> &str {
    a.meta.outlet.as_deref().unwrap_or(UNKNOWN)
}
fn event_key(a: &Article) -> &str {
    a.meta.event.as_deref().unwrap_or(UNKNOWN)
}
fn date_key(a: &Article) -> &str {
    a.meta.date.as_deref().unwrap_or(UNKNOWN)
}

impl<'a> Facets<'a> {
    /// Every value of a facet, in display order, as (key, label).
    pub fn values(&self, f: Facet) -> &'a [(String, String)] {
        &self.table.values[f as usize]
    }

    /// The search index (built on first use).
    pub fn search(&self) -> &'a SearchIndex {
        self.search.get_or_init(|| SearchIndex::build(self.corpus))
    }

    /// Value `slot` of facet `f` as (key, label).
    pub fn value(&self, f: Facet, slot: usize) -> (&'a str, &'a str) {
        let (k, l) = &self.table.values[f as usize][slot];
        (k, l)
    }

    /// Appends facet `f`'s values from its items `range` (see
    /// [`FacetTableBuilder`]: articles for "shares", clusters for
    /// "carries"; the other facets have one item, all their values).
    fn compute_values(&self, f: Facet, range: std::ops::Range<usize>, out: &mut Vec<(String, String)>) {
        let c = self.corpus;
        let distinct = |key: fn(&Article) -> &str| {
            let mut v: Vec<&str> = c.articles.iter().map(key).collect();
            crate::sort::ord(&mut v);
            v.dedup();
            v
        };
        if range.is_empty() {
            return;
        }
        match f {
            Facet::Actor => out.extend(self.lexicon.actors.iter().map(|a| (a.name.clone(), a.name.clone()))),
            Facet::Issue => out.extend(self.lexicon.issues.iter().map(|i| (i.name.clone(), i.name.clone()))),
            Facet::Outlet => out.extend(
                distinct(outlet_key)
                    .into_iter()
                    .map(|o| (o.to_string(), if o == UNKNOWN { "unknown outlet".into() } else { o.to_string() })),
            ),
            Facet::Event => {
                // In order of first date, as `Corpus::events`; unknown last.
                let mut ev: Vec<String> = c.events().into_iter().map(str::to_string).collect();
                if c.articles.iter().any(|a| a.meta.event.is_none()) {
                    ev.push(UNKNOWN.to_string());
                }
                out.extend(ev.into_iter().map(|e| {
                    let label = if e == UNKNOWN { "unknown event".to_string() } else { e.clone() };
                    (e, label)
                }))
            }
            Facet::Date => out.extend(
                distinct(date_key)
                    .into_iter()
                    .map(|d| (d.to_string(), if d == UNKNOWN { "date unknown".into() } else { d.to_string() })),
            ),
            Facet::Shares => out.extend(
                c.articles[range.clone()]
                    .iter()
                    .zip(range)
                    .filter(|(_, i)| self.index.shares.get(*i).is_some_and(|s| !s.is_empty()))
                    .map(|(a, _)| {
                        let label = match &a.meta.outlet {
                            Some(o) => format!("{} ({o})", a.title()),
                            None => a.title().to_string(),
                        };
                        (a.id().to_string(), label)
                    }),
            ),
            Facet::Carries => out.extend(self.passages.clusters[range].iter().map(|cl| {
                use std::fmt::Write;
                let text = cl.members.first().map(|m| c.articles[m.article as usize].slice(m.span)).unwrap_or("");
                // The first 60 characters; "…" if cut.
                let cut = text.char_indices().nth(60).map_or(text.len(), |(i, _)| i);
                let mut label = String::with_capacity(cut + 16);
                let _ = write!(label, "#{} “", cl.id + 1);
                if cut < text.len() {
                    label.push_str(text[..cut].trim_end());
                    label.push('…');
                } else {
                    label.push_str(text);
                }
                label.push('”');
                (cl.id.to_string(), label)
            })),
        }
    }

    /// Is `key` a value of facet `f` (cheaper than searching [`Self::values`])?
    pub fn has_value(&self, f: Facet, key: &str) -> bool {
        let c = self.corpus;
        match f {
            Facet::Actor => self.lexicon.actors.iter().any(|a| a.name == key),
            Facet::Issue => self.lexicon.issues.iter().any(|i| i.name == key),
            Facet::Outlet => c.articles.iter().any(|a| outlet_key(a) == key),
            Facet::Event => c.articles.iter().any(|a| event_key(a) == key),
            Facet::Date => c.articles.iter().any(|a| date_key(a) == key),
            Facet::Shares => c.index_of(key).is_some_and(|i| self.index.shares.get(i).is_some_and(|s| !s.is_empty())),
            Facet::Carries => key
                .parse::<u32>()
                .is_ok_and(|n| n.to_string() == key && self.passages.clusters.iter().any(|c| c.id == n)),
        }
    }

    /// Value slots (indices into `values(f)`) article `ai` carries, each
    /// once (the index lists are sorted and deduplicated).
    fn article_slots(
        &self,
        f: Facet,
        ai: usize,
        values: &[Vec<(String, String)>; 7],
        lookup: &SlotLookup,
        out: &mut Vec<usize>,
    ) {
        out.clear();
        let a = &self.corpus.articles[ai];
        let keys = &values[f as usize];
        let find = |k: &str| keys.binary_search_by(|(x, _)| x.as_str().cmp(k)).ok();
        match f {
            Facet::Actor => out.extend(self.index.actors.get(ai).into_iter().flatten().map(|&x| x as usize)),
            Facet::Issue => out.extend(self.index.issues.get(ai).into_iter().flatten().map(|&x| x as usize)),
            Facet::Outlet => out.extend(find(outlet_key(a))),
            Facet::Date => out.extend(find(date_key(a))),
            Facet::Event => {
                // The first slot of that name (as a scan in slot order finds).
                let key = event_key(a);
                let i = lookup.event.partition_point(|&s| keys[s].0.as_str() < key);
                out.extend(lookup.event.get(i).filter(|&&s| keys[s].0 == key));
            }
            Facet::Shares => {
                // Values are the articles that share anything, in corpus
                // order: the slot of article `o` is its rank among them.
                for &o in self.index.shares.get(ai).into_iter().flatten() {
                    out.extend(lookup.share.get(o as usize).copied().flatten());
                }
            }
            Facet::Carries => {
                for &cl in self.index.carries.get(ai).into_iter().flatten() {
                    out.extend(lookup.cluster.get(&cl).copied());
                }
            }
        }
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
            for k in filter.selected(f) {
                match t.values[fi].iter().position(|(x, _)| *x == k) {
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
            vec![true; self.corpus.articles.len()]
        } else {
            let search = self.search();
            search.matching(self.corpus, &search.compile(self.corpus, &filter.query))
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
            let mut all: Vec<usize> = (0..self.corpus.articles.len()).collect();
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
        let c = self.corpus;
        let share = |i: usize| -> f64 {
            let w = c.articles[i].word_count().max(1) as f64;
            self.index.shared_words.get(i).copied().unwrap_or(0) as f64 / w
        };
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
        let w = self.corpus.articles[i].word_count().max(1) as f64;
        self.index.shared_words.get(i).copied().unwrap_or(0) as f64 / w
    }
}

/// What the list is sorted by. Each key has its natural direction (date
/// and outlet ascending, length and sharing largest first); `reverse`
/// flips it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SortKey {
    /// Article id (file name) order.
    #[default]
    Id,
    Date,
    Outlet,
    Length,
    Shared,
}

impl SortKey {
    pub const ALL: [SortKey; 5] = [SortKey::Id, SortKey::Date, SortKey::Outlet, SortKey::Length, SortKey::Shared];
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Date => "date",
            SortKey::Outlet => "outlet",
            SortKey::Length => "length",
            SortKey::Shared => "shared",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            SortKey::Id => "file name",
            SortKey::Date => "date (oldest first)",
            SortKey::Outlet => "outlet (A–Z)",
            SortKey::Length => "length (longest first)",
            SortKey::Shared => "shares most with others",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    pub key: SortKey,
    pub reverse: bool,
}

impl Sort {
    /// `date`, `-date` (reversed), …
    pub fn parse(s: &str) -> Option<Sort> {
        let (reverse, k) = match s.strip_prefix('-') {
            Some(k) => (true, k),
            None => (false, s),
        };
        SortKey::ALL.into_iter().find(|x| x.key() == k).map(|key| Sort { key, reverse })
    }
    pub fn as_string(self) -> String {
        format!("{}{}", if self.reverse { "-" } else { "" }, self.key.key())
    }
}
