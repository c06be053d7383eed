//! Parallax's analysis engine: everything the explorer shows, computed from
//! plain text, with no IO, no clocks and no web dependencies.
//!
//! The pipeline:
//!
//! 1. [`source`]: the raw corpus (file names, bytes, metadata text) is
//!    validated into a [`source::CorpusSource`] or a list of
//!    [`source::Diagnostic`]s naming the file and line.
//! 2. [`Corpus::build`]: every article is cleaned ([`clean`]), split into
//!    paragraphs and sentences ([`segment`]) and tokenised and stemmed
//!    ([`token`]). All offsets are byte offsets into the article's
//!    *original* text, so a span can always be shown in place.
//! 3. Views over the corpus: [`facets`] and [`search`] (the article list,
//!    filtered by facet values and a [`query`]), [`passages`] (text shared
//!    between articles).
//!
//! Every function here is deterministic: the same input gives the same
//! output, byte for byte, on every platform (native and wasm32).

#![deny(missing_docs)]

pub mod actors;
pub mod answers;
pub mod bundle;
pub mod clean;
pub mod export;
pub mod facets;
mod furniture;
mod learned;
pub mod lexicon;
pub mod model;
mod par;
pub mod passages;
mod phrases;
mod pipeline;
pub mod query;
pub mod search;
pub mod segment;
pub mod sort;
pub mod source;
pub mod stance;
pub mod token;

pub use model::*;
pub use source::{CorpusSource, Diagnostic};
