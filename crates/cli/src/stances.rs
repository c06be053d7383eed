//! `parallax stances`: the actor × issue matrix as JSON (the exact shape
//! outside checks read) or CSV (one row per evidence sentence).

use parallax_engine::lexicon::Lexicon;
use parallax_engine::stance::{self, StanceMatrix, Statement};
use parallax_engine::Corpus;

pub use parallax_loader::{lexicon_path, load_lexicon};

/// Extracts the statements and the matrix over all articles.
pub fn compute(corpus: &Corpus, lex: &Lexicon) -> (Vec<Statement>, StanceMatrix) {
    let statements = stance::extract(corpus, lex);
    let all: Vec<usize> = (0..corpus.articles.len()).collect();
    let m = stance::matrix(&statements, &all);
    (statements, m)
}

pub use parallax_engine::export::{stances_csv as csv, stances_json as json};
