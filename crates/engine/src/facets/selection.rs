//! [`FacetSelection`]: the selected values of every facet, in one fixed
//! array indexed by [`Facet`] — what the app's view state, the engine's
//! [`Filter`](super::Filter) and the CLI's options all hold.

use super::Facet;

/// The selected values of each facet, by key (names, ids, dates and
/// cluster numbers as the URL writes them), one list per facet in
/// [`Facet::ALL`] order. Values of one facet OR, facets AND.
///
/// A fixed array, not a map: the page's size matters, and its paths
/// collect into no `BTreeMap`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FacetSelection([Vec<String>; 7]);

impl FacetSelection {
    /// The selected values of facet `f`.
    pub fn get(&self, f: Facet) -> &[String] {
        &self.0[f as usize]
    }

    /// The selected values of facet `f`, to change.
    pub fn get_mut(&mut self, f: Facet) -> &mut Vec<String> {
        &mut self.0[f as usize]
    }

    /// Every facet with its selected values, in [`Facet::ALL`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Facet, &[String])> {
        Facet::ALL.into_iter().map(|f| (f, self.get(f)))
    }

    /// No value of any facet selected.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Vec::is_empty)
    }

    /// This selection with facet `f`'s values replaced by `values`.
    pub fn with<S: Into<String>>(mut self, f: Facet, values: impl IntoIterator<Item = S>) -> Self {
        *self.get_mut(f) = values.into_iter().map(Into::into).collect();
        self
    }
}

impl From<[Vec<String>; 7]> for FacetSelection {
    /// The lists of every facet, in [`Facet::ALL`] order.
    fn from(lists: [Vec<String>; 7]) -> Self {
        FacetSelection(lists)
    }
}
