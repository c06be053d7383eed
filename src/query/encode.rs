//! A [`ViewState`] to its canonical fragment.

use parallax_engine::facets::Sort;

use super::facets::encode_facets;
use super::{percent_encode, ViewState, PAGE_ROWS};

/// The canonical fragment for a state, including the leading `#`.
pub fn encode(st: &ViewState) -> String {
    let mut params: Vec<(&str, String)> = Vec::new();
    if !st.q.is_empty() {
        params.push(("q", st.q.clone()));
    }
    if let Some(a) = &st.article {
        params.push(("article", a.clone()));
    }
    if st.boilerplate {
        params.push(("boilerplate", "1".into()));
    }
    if let (Some(n), Some(_)) = (st.sentence, &st.article) {
        params.push(("s", n.to_string()));
    }
    if let Some((a, b)) = &st.pair {
        params.push(("pair", format!("{a},{b}")));
        if let Some(p) = st.passage {
            params.push(("p", p.as_param()));
        }
    }
    if let Some(c) = &st.cluster {
        params.push(("cluster", c.clone()));
        if let Some(b) = &st.base {
            params.push(("base", b.clone()));
        }
        if st.all {
            params.push(("all", "1".into()));
        }
    }
    if let Some((a, i)) = &st.cell {
        params.push(("actor", a.clone()));
        params.push(("issue", i.clone()));
    }
    if st.sort != Sort::default() {
        params.push(("sort", st.sort.as_string()));
    }
    if let Some(n) = st.show.filter(|&n| n > PAGE_ROWS) {
        params.push(("show", n.to_string()));
    }
    let mut out = format!("#{}", st.view.path());
    for (i, (k, v)) in params.iter().enumerate() {
        out.push(if i == 0 { '?' } else { '&' });
        out.push_str(k);
        out.push('=');
        out.push_str(&percent_encode(v));
    }
    encode_facets(st, &mut out);
    out
}
