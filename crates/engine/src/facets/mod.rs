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
//!
//! The rooms:
//! - this file: the types ([`Facet`], [`Filter`], what a selection
//!   returns, [`Sort`]);
//! - `selection`: [`FacetSelection`], the selected values of every facet;
//! - `mentions`: the lexicon's aliases and phrases matched in an article;
//! - `index`: the build-time [`FacetIndex`], stored in the bundle;
//! - `values`: each facet's values and the values each article carries;
//! - `table`: the run-time [`FacetTable`] and its [`FacetTableBuilder`];
//! - `view`: [`Facets`], what the list view asks (select, counts, sort).

mod index;
mod mentions;
mod selection;
mod table;
mod values;
mod view;

pub use index::FacetIndex;
pub use selection::FacetSelection;
pub use table::{FacetTable, FacetTableBuilder, TableSource};
pub use view::Facets;

use crate::query::Query;

/// The facets, in the order the page shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    /// Lexicon actors the article mentions.
    Actor,
    /// Lexicon issues the article mentions.
    Issue,
    /// The article's outlet.
    Outlet,
    /// The article's event.
    Event,
    /// The article's date.
    Date,
    /// Articles it shares a passage with.
    Shares,
    /// Clusters (passages of three or more articles) it carries.
    Carries,
}

impl Facet {
    /// Every facet, in display order (the order of the per-facet arrays).
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
    /// The facet whose [`key`](Self::key) is `k`.
    pub fn from_key(k: &str) -> Option<Facet> {
        Facet::ALL.into_iter().find(|f| f.key() == k)
    }
    /// The heading the page shows.
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
    /// Its bit in a set of facets.
    pub(crate) fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// The value an unknown outlet, event or date is filed under.
pub const UNKNOWN: &str = "unknown";

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

/// The search and the selected values of each facet, by key: actor and
/// issue names, outlets, events and dates `YYYY-MM-DD` ([`UNKNOWN`] for
/// none), article ids (articles sharing a passage with any of them) and
/// cluster ids (articles carrying any of them). Values of one facet OR,
/// facets AND.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// The search.
    pub query: Query,
    /// The selected values of each facet.
    pub facets: FacetSelection,
}

impl Filter {
    /// No facet value selected (the search may still be set).
    pub fn no_facets(&self) -> bool {
        self.facets.is_empty()
    }
}

/// One value of a facet as shown: its key (what the URL holds), a label,
/// how many articles it would select, and whether it is selected.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetValue {
    /// What the URL holds.
    pub key: String,
    /// What the page shows.
    pub label: String,
    /// Articles it would select, with the other facets and the search.
    pub count: usize,
    /// Is it selected?
    pub selected: bool,
}

/// A facet and its values, in display order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FacetGroup {
    /// The facet.
    pub facet: Facet,
    /// Its values.
    pub values: Vec<FacetValue>,
}

/// The articles a filter selects (ascending index) and every facet with
/// its counts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Selection {
    /// Selected articles, ascending.
    pub articles: Vec<usize>,
    /// Every facet, in [`Facet::ALL`] order.
    pub groups: Vec<FacetGroup>,
}

/// What the list is sorted by. Each key has its natural direction (date
/// and outlet ascending, length and sharing largest first); `reverse`
/// flips it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SortKey {
    /// Article id (file name) order.
    #[default]
    Id,
    /// Date, oldest first (unknown last).
    Date,
    /// Outlet, A to Z (unknown last).
    Outlet,
    /// Word count, longest first.
    Length,
    /// Share of words in shared passages, largest first.
    Shared,
}

impl SortKey {
    /// Every key (the order of [`FacetTable`]'s sort ranks).
    pub const ALL: [SortKey; 5] = [SortKey::Id, SortKey::Date, SortKey::Outlet, SortKey::Length, SortKey::Shared];
    /// The URL / CLI spelling.
    pub fn key(self) -> &'static str {
        match self {
            SortKey::Id => "id",
            SortKey::Date => "date",
            SortKey::Outlet => "outlet",
            SortKey::Length => "length",
            SortKey::Shared => "shared",
        }
    }
    /// What the page's menu says.
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

/// The list's order: a key, maybe reversed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Sort {
    /// What to sort by.
    pub key: SortKey,
    /// Against the key's natural direction.
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
    /// The inverse of [`Sort::parse`].
    pub fn as_string(self) -> String {
        format!("{}{}", if self.reverse { "-" } else { "" }, self.key.key())
    }
}
