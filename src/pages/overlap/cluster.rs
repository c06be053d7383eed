//! One passage across every outlet that carries it: the collation table.

use std::rc::Rc;

use parallax_engine::passages::{word_alignment, PassageSide};
use parallax_engine::Article;
use yew::prelude::*;

use super::overview_state;
use crate::components::diff;
use crate::data::use_data;
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::pages::stances::source_label;
use crate::pages::{first_named, member_table, paged};
use crate::query::{encode, View, ViewState};

/// Readings per page of a cluster's collation table.
const CLUSTER_ROWS: usize = 50;
/// Articles named in "Not carried by" (the rest are counted).
const MISSING_NAMED: usize = 30;

#[derive(Properties, PartialEq)]
pub(super) struct ClusterViewProps {
    pub(super) state: Rc<ViewState>,
    pub(super) filtered: Rc<Filtered>,
    pub(super) cluster: u32,
}

#[component]
pub(super) fn ClusterView(props: &ClusterViewProps) -> Html {
    let data = use_data();
    let st = &props.state;
    let corpus = &data.corpus;
    let Some(c) = data.passages.clusters.get(props.cluster as usize) else { return html! {} };
    let sel = &props.filtered.indices;
    let in_sel = member_table(corpus.articles.len(), sel.iter().copied());
    let members: Vec<&PassageSide> =
        c.members.iter().filter(|m| in_sel.get(m.article as usize).copied().unwrap_or(false)).collect();
    let base = members.first().map(|m| corpus.articles[m.article as usize].slice(m.span)).unwrap_or("");
    let carries = member_table(corpus.articles.len(), c.articles.iter().map(|&a| a as usize));
    let missing: Vec<&Article> = sel.iter().filter(|&&i| !carries[i]).map(|&i| &corpus.articles[i]).collect();
    // Long collations grow a page at a time (`show=` in the link, as the list).
    let (shown, more) = paged(st, members.len(), CLUSTER_ROWS, "readings", "collation-more");
    let missing_label = first_named(missing.iter().map(|a| source_label(a)), missing.len(), MISSING_NAMED).join("; ");
    let back = encode(&overview_state(st));
    html! {
        <div class="cluster-page" data-testid="cluster-view" data-cluster={c.id.to_string()}>
            <nav class="crumbs"><a href={back}>{ "← All pairs and clusters" }</a></nav>
            { scope_note(st, &props.filtered) }
            <h2 class="section-title">{ format!("One passage, {} versions", members.len()) }</h2>
            <p class="muted small">{ "Each row is one article's reading; differences from the first row are marked." }</p>
            { diff::legend() }
            <table class="collation" data-testid="collation">
                <thead><tr><th scope="col">{ "Article" }</th><th scope="col">{ "Reading" }</th></tr></thead>
                <tbody>
                    { for members.iter().take(shown).enumerate().map(|(k, m)| {
                        let art = &corpus.articles[m.article as usize];
                        let text = art.slice(m.span);
                        let reading = if k == 0 { html! { { text } } } else { diff::side(text, &swap(word_alignment(base, text)), true) };
                        let reader = encode(&ViewState { view: View::Articles, article: Some(art.id().to_string()), sentence: Some(m.sentences.start), pair: None, passage: None, cluster: None, ..(**st).clone() });
                        html! {
                            <tr data-testid="collation-row" data-article-id={art.id().to_string()}>
                                <th scope="row">
                                    <a href={reader}>{ source_label(art) }</a>
                                    <span class="art-meta">{ date_label(art) }{ if k == 0 { " · base" } else { "" } }</span>
                                </th>
                                <td>{ reading }</td>
                            </tr>
                        }
                    }) }
                </tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{ "Not carried by" }</th>
                        <td data-testid="not-carried-by">
                            if missing.is_empty() { { "every selected article carries it." } }
                            else { { missing_label } }
                        </td>
                    </tr>
                </tfoot>
            </table>
            { more }
        </div>
    }
}

/// Swaps the sides of an alignment so the variant is side A.
fn swap(ops: Vec<parallax_engine::passages::AlignOp>) -> Vec<parallax_engine::passages::AlignOp> {
    use parallax_engine::passages::{AlignKind, AlignOp};
    ops.into_iter()
        .map(|o| AlignOp {
            kind: match o.kind {
                AlignKind::OnlyA => AlignKind::OnlyB,
                AlignKind::OnlyB => AlignKind::OnlyA,
                k => k,
            },
            a: o.b,
            b: o.a,
        })
        .collect()
}
