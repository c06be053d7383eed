//! The facet selection of a [`ViewState`]: reading, setting and toggling
//! values, and the facet lists in the URL.

use parallax_engine::facets::{Facet, FacetSelection, Filter};
use parallax_engine::query::Query;

use super::decode::show;
use super::{percent_decode, percent_encode, Known, ViewState};

impl ViewState {
    /// The selected values of a facet, as the URL writes them.
    pub fn facet(&self, f: Facet) -> Vec<String> {
        self.facets.get(f).to_vec()
    }

    /// Sets a facet's values (sorted, deduplicated).
    pub fn set_facet(&mut self, f: Facet, mut v: Vec<String>) {
        parallax_engine::sort::ord(&mut v);
        v.dedup();
        *self.facets.get_mut(f) = v;
    }

    /// This state with `key` ticked or unticked in facet `f`; the list
    /// starts again at its first page.
    pub fn toggled(&self, f: Facet, key: &str) -> ViewState {
        let mut v = self.facet(f);
        match v.iter().position(|x| x == key) {
            Some(i) => {
                v.remove(i);
            }
            None => v.push(key.to_string()),
        }
        let mut st = ViewState { show: None, ..self.clone() };
        st.set_facet(f, v);
        st
    }

    /// This state without any facet selection (search and sort stay).
    pub fn without_facets(&self) -> ViewState {
        ViewState { show: None, facets: FacetSelection::default(), ..self.clone() }
    }

    /// Is any facet value selected?
    pub fn has_facets(&self) -> bool {
        !self.facets.is_empty()
    }

    /// The engine filter this state selects articles with.
    pub fn filter(&self) -> Filter {
        Filter { query: Query::parse(&self.q), facets: self.facets.clone() }
    }
}

/// What a facet's values are, for notices.
fn facet_noun(f: Facet) -> &'static str {
    match f {
        Facet::Actor => "actor",
        Facet::Issue => "issue",
        Facet::Outlet => "outlet",
        Facet::Event => "event",
        Facet::Date => "date",
        Facet::Shares => "article sharing passages",
        Facet::Carries => "cluster",
    }
}

/// A facet's list, `v` as the URL writes it: the values the corpus knows
/// are selected, the others named in one notice.
pub(super) fn decode_facet(st: &mut ViewState, notices: &mut Vec<String>, known: &impl Known, f: Facet, v: &str) {
    let mut kept = Vec::new();
    let mut ignored = Vec::new();
    let mut renamed = Vec::new();
    for item in v.split(',').filter(|x| !x.is_empty()) {
        match percent_decode(item) {
            Some(x) if known.facet_has(f, &x) => kept.push(x),
            // An old link names a cluster by its position.
            Some(x) if f == Facet::Carries && x.parse::<usize>().is_ok_and(|n| known.cluster_key(n).is_some()) => {
                let key = x.parse().ok().and_then(|n| known.cluster_key(n)).unwrap_or_default();
                renamed.push(format!("{x} is now {key}"));
                kept.push(key);
            }
            Some(x) => ignored.push(format!("“{}”", show(&x))),
            None => ignored.push(format!("“{}” (not valid URL encoding)", show(item))),
        }
    }
    if !ignored.is_empty() {
        notices.push(format!("Ignored {}={}: no such {}.", f.key(), ignored.join(", "), facet_noun(f)));
    }
    if !renamed.is_empty() {
        notices.push(format!(
            "carries= named passages by number, which may now be other passages; their lasting names: {}.",
            renamed.join(", ")
        ));
    }
    st.set_facet(f, kept);
}

/// Appends the state's facet lists to a fragment: comma-separated values,
/// each escaped (so a comma inside a value is %2C).
pub(super) fn encode_facets(st: &ViewState, out: &mut String) {
    for (f, v) in st.facets.iter() {
        if v.is_empty() {
            continue;
        }
        out.push(if out.contains('?') { '&' } else { '?' });
        out.push_str(f.key());
        out.push('=');
        out.push_str(&v.iter().map(|x| percent_encode(x)).collect::<Vec<_>>().join(","));
    }
}
