//! The URL ↔ view-state codec.
//!
//! Every piece of view state lives in the URL fragment:
//! `#/<view>?key=value&…`. [`decode`] is total: any string gives a valid
//! [`ViewState`] plus a list of notices saying what was ignored, so a bad
//! link opens the nearest valid view instead of a blank page. [`encode`]
//! writes the canonical fragment; `decode(encode(s)) == s` for every state.
//!
//! Pure (no web APIs), so it is tested natively.
//!
//! The rooms:
//! - this file: [`View`], [`ViewState`] and what [`decode`] asks of the
//!   corpus ([`Known`]);
//! - `percent`: the `%XX` escapes;
//! - `decode`: a fragment to a state and its notices;
//! - `encode`: a state to its canonical fragment;
//! - `facets`: the facet selection of a state, and its lists in the URL.

mod decode;
mod encode;
mod facets;
mod percent;
#[cfg(test)]
mod tests;

pub use decode::decode;
pub use encode::encode;
pub use percent::{percent_decode, percent_encode};

use parallax_engine::facets::{Facet, FacetSelection, Sort};

/// The page's views (tabs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum View {
    /// The article list and its facets.
    #[default]
    Articles,
    /// Shared passages between articles.
    Overlap,
    /// The actor × issue stance matrix.
    Stances,
}

impl View {
    /// Every view, in tab order.
    pub const ALL: [View; 3] = [View::Articles, View::Overlap, View::Stances];
    /// The fragment's path.
    pub fn path(self) -> &'static str {
        match self {
            View::Articles => "/",
            View::Overlap => "/overlap",
            View::Stances => "/stances",
        }
    }
    /// The tab's name.
    pub fn label(self) -> &'static str {
        match self {
            View::Articles => "Articles",
            View::Overlap => "Overlap",
            View::Stances => "Stances",
        }
    }
    /// The view at a fragment's path (a trailing `/` aside).
    fn from_path(p: &str) -> Option<View> {
        match p.trim_end_matches('/') {
            "" | "/articles" => Some(View::Articles),
            "/overlap" => Some(View::Overlap),
            "/stances" => Some(View::Stances),
            _ => None,
        }
    }
}

/// What the page shows, all of it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    /// The tab.
    pub view: View,
    /// Search text, as typed.
    pub q: String,
    /// The article open in the reader.
    pub article: Option<String>,
    /// Show removed boilerplate in the reader.
    pub boilerplate: bool,
    /// The sentence of the open article to scroll to and mark.
    pub sentence: Option<u32>,
    /// The selected stance cell: actor and issue names.
    pub cell: Option<(String, String)>,
    /// The pair of articles open side by side (ids, in id order).
    pub pair: Option<(String, String)>,
    /// The selected passage of the pair.
    pub passage: Option<PassageRef>,
    /// The cluster open as a collation table, by its lasting key
    /// (`<article-id>.<sentence>`, see the engine's `Cluster::key`).
    pub cluster: Option<String>,
    /// The collation's base reading: an article id (None: the core).
    pub base: Option<String>,
    /// Show every reading of the collation, filters aside.
    pub all: bool,
    /// Selected facet values, each list sorted and without duplicates
    /// (see [`ViewState::set_facet`]): actor and issue names, outlets,
    /// events, dates, article ids ("shares passages with"), cluster ids
    /// (in number order).
    pub facets: FacetSelection,
    /// The list's order.
    pub sort: Sort,
    /// How many list rows to render (None: the first [`PAGE_ROWS`]).
    pub show: Option<u32>,
}

impl ViewState {
    /// The same state with no collation open (no cluster, base or `all`).
    pub fn without_cluster(&self) -> ViewState {
        ViewState { cluster: None, base: None, all: false, ..self.clone() }
    }
}

/// A passage of the open pair as a link names it (`p=`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PassageRef {
    /// `p=s12`: the row of shared text that holds A's sentence 12; lasts
    /// as long as A's text does, whatever else the corpus holds.
    Sentence(u32),
    /// `p=2`: the third of the pair's passages, as links named them
    /// before; opened as the row that holds it.
    Index(u32),
}

impl PassageRef {
    /// As the URL writes it.
    pub fn as_param(self) -> String {
        match self {
            PassageRef::Sentence(s) => format!("s{s}"),
            PassageRef::Index(i) => i.to_string(),
        }
    }
}

/// Rows of the article list rendered at first; "show more" adds as many.
pub const PAGE_ROWS: u32 = 15;

/// Longest search text kept from a URL.
pub const MAX_QUERY_CHARS: usize = 500;

/// What [`decode`] needs to know about the corpus to validate ids.
pub trait Known {
    /// The number of sentences of the article, if it exists.
    fn article_sentences(&self, id: &str) -> Option<usize>;
    fn has_actor(&self, name: &str) -> bool;
    fn has_issue(&self, name: &str) -> bool;
    /// How many passages the two articles share (None: not a valid pair).
    fn pair_passages(&self, a: &str, b: &str) -> Option<usize>;
    fn cluster_count(&self) -> usize;
    /// Is there a cluster with this key?
    fn has_cluster(&self, key: &str) -> bool;
    /// The key of the cluster at position `n`, if any (old numbered links).
    fn cluster_key(&self, n: usize) -> Option<String>;
    /// Is `key` a value of facet `f` in this corpus?
    fn facet_has(&self, f: Facet, key: &str) -> bool;
}
