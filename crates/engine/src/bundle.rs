//! Everything the page shows, computed once.
//!
//! The app's build script builds a [`Bundle`] natively from `seeds/` (or
//! `PARALLAX_CORPUS`) and serialises it into the wasm binary, so the
//! browser never re-runs the analysis for the compiled-in corpus. The CLI
//! builds the same bundle, so the page and the command line agree.

use serde::{Deserialize, Serialize};

use crate::lexicon::Lexicon;
use crate::model::Corpus;
use crate::source::CorpusSource;
use crate::stance::{self, Statement};

/// Bumped whenever the serialised layout changes.
pub const BUNDLE_FORMAT: u32 = 2;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: u32,
    pub corpus: Corpus,
    pub lexicon: Lexicon,
    /// Every stance statement in the corpus; the matrix for any subset of
    /// articles is [`stance::matrix`] over these.
    pub statements: Vec<Statement>,
}

impl Bundle {
    pub fn build(source: CorpusSource, lexicon: Lexicon) -> Bundle {
        let corpus = Corpus::build(source);
        let statements = stance::extract(&corpus, &lexicon);
        Bundle { format: BUNDLE_FORMAT, corpus, lexicon, statements }
    }
}
