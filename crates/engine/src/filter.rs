//! The paths the search query had before it got its own module, kept so
//! that code written against them still builds: the query and its
//! highlights are in [`crate::query`], matching a corpus in
//! [`crate::search`]. ("Filter" now means only the facets'
//! [`crate::facets::Filter`].)

pub use crate::query::{highlight, Query};
pub use crate::search::{matching_articles as filter_articles, snippet_sentence};
