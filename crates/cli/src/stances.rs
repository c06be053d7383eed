//! `parallax stances`: the actor × issue matrix of the articles a filter
//! selects, as JSON (the exact shape outside checks read) or CSV (one row
//! per evidence sentence): the page's export buttons write the same bytes.

use parallax_engine::bundle::Bundle;
use parallax_engine::stance::StanceMatrix;

use crate::facets::FilterArgs;

pub use parallax_engine::export::{stances_csv as csv, stances_json as json};
pub use parallax_loader::{lexicon_path, load_lexicon};

/// The stance matrix of the articles `filter` selects, as the page
/// computes it for the same selection.
pub fn matrix(bundle: &Bundle, filter: &FilterArgs) -> StanceMatrix {
    bundle.stance_matrix(&bundle.facets().select(&filter.filter()).articles)
}
