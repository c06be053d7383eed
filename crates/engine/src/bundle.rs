//! Everything the page shows, computed once.
//!
//! The app's build script builds a [`Bundle`] natively from `seeds/` (or
//! `PARALLAX_CORPUS`) and serialises it into the wasm binary, so the
//! browser never re-runs the analysis for the compiled-in corpus. The CLI
//! builds the same bundle, so the page and the command line agree.

use serde::{Deserialize, Serialize};

use std::sync::OnceLock;

use crate::facets::{FacetIndex, FacetTable, Facets};
use crate::lexicon::Lexicon;
use crate::model::Corpus;
use crate::passages::{self, PairSummary, PassageConfig, Passages};
use crate::search::SearchIndex;
use crate::source::CorpusSource;
use crate::stance::{self, Statement};

/// Bumped whenever the serialised layout changes.
pub const BUNDLE_FORMAT: u32 = 5;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub corpus: Corpus,
    pub lexicon: Lexicon,
    /// Every stance statement in the corpus; the matrix for any subset of
    /// articles is [`stance::matrix`] over these.
    pub statements: Vec<Statement>,
    /// Every shared passage and cluster.
    pub passages: Passages,
    /// The heat map: one summary per pair of articles that share something.
    pub pairs: Vec<PairSummary>,
    /// What each article mentions, shares and carries, for the facets.
    pub facets: FacetIndex,
    /// The search index and facet table, derived from the above on first
    /// use (not serialised: cheaper to rebuild than to ship).
    #[serde(skip)]
    pub prepared: Prepared,
}

/// Derived tables, built once on first use. Compares equal to any other
/// (it is a cache of the bundle's own data); a clone starts empty.
#[derive(Default)]
pub struct Prepared {
    search: OnceLock<SearchIndex>,
    table: OnceLock<FacetTable>,
}

impl Clone for Prepared {
    fn clone(&self) -> Prepared {
        Prepared::default()
    }
}
impl PartialEq for Prepared {
    fn eq(&self, _: &Prepared) -> bool {
        true
    }
}
impl std::fmt::Debug for Prepared {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Prepared")
            .field("search", &self.search.get().is_some())
            .field("table", &self.table.get().is_some())
            .finish()
    }
}

impl Bundle {
    pub fn build(source: CorpusSource, lexicon: Lexicon) -> Bundle {
        let corpus = Corpus::build(source);
        let statements = stance::extract(&corpus, &lexicon);
        let passages = passages::find_passages(&corpus, &PassageConfig::default());
        let pairs = passages::pair_summaries(&corpus, &passages);
        let facets = FacetIndex::build(&corpus, &lexicon, &passages);
        Bundle {
            format: BUNDLE_FORMAT,
            corpus,
            lexicon,
            statements,
            passages,
            pairs,
            facets,
            prepared: Prepared::default(),
        }
    }

    /// The search index (built on first use: the first search pays for it).
    pub fn search(&self) -> &SearchIndex {
        self.prepared.search.get_or_init(|| SearchIndex::build(&self.corpus))
    }

    /// Is the search index there (see [`Bundle::set_search`])?
    pub fn search_ready(&self) -> bool {
        self.prepared.search.get().is_some()
    }

    /// Installs an index built elsewhere, in steps ([`crate::search::SearchIndexBuilder`]
    /// over this bundle's corpus); ignored if one is there already.
    pub fn set_search(&self, index: SearchIndex) {
        let _ = self.prepared.search.set(index);
    }

    /// The facets over this bundle.
    pub fn facets(&self) -> Facets<'_> {
        let table = self
            .prepared
            .table
            .get_or_init(|| FacetTable::build(&self.corpus, &self.lexicon, &self.passages, &self.facets));
        Facets {
            corpus: &self.corpus,
            lexicon: &self.lexicon,
            passages: &self.passages,
            index: &self.facets,
            table,
            search: &self.prepared.search,
        }
    }
}
