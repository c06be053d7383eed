//! Everything the page shows, computed once.
//!
//! The app's build script builds a [`Bundle`] natively from `seeds/` (or
//! `PARALLAX_CORPUS`) and serialises it into the wasm binary, so the
//! browser never re-runs the analysis for the compiled-in corpus. The CLI
//! builds the same bundle, so the page and the command line agree.

use serde::{Deserialize, Serialize};

use crate::model::Corpus;
use crate::source::CorpusSource;

/// Bumped whenever the serialised layout changes.
pub const BUNDLE_FORMAT: u32 = 1;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub corpus: Corpus,
}

impl Bundle {
    pub fn build(source: CorpusSource) -> Bundle {
        Bundle { format: BUNDLE_FORMAT, corpus: Corpus::build(source) }
    }
}
