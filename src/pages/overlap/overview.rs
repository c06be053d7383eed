//! The overview: the heat map of pairs (or the pairs that share most) and the clusters.

use parallax_engine::answers::Overlap;
use parallax_engine::passages::PairSummary;
use yew::prelude::*;

use super::{pair_state, short, OverlapPageProps};
use crate::components::grid;
use crate::components::text::fixed;
use crate::data::{use_data, Data};
use crate::pages::articles::{date_label, scope_note};
use crate::query::{encode, View, ViewState};

#[component]
pub(super) fn Overview(props: &OverlapPageProps) -> Html {
    let data = use_data();
    let st = &props.state;
    let sel = &props.filtered.indices;
    let overview = {
        let data = data.clone();
        use_memo(props.filtered.clone(), move |f| {
            let top = if f.indices.len() > HEATMAP_MAX { LIST_MAX } else { 0 };
            data.overlap(&f.indices, LIST_MAX, top)
        })
    };
    if sel.len() < 2 {
        return html! {
            <div class="empty" data-testid="empty-state">
                { scope_note(st, &props.filtered) }
                <p>{ "Overlap needs at least two articles; the filters select " }{ sel.len() }{ "." }</p>
            </div>
        };
    }
    let Overlap { clusters, clusters_left, shared_pairs, top_pairs } = &*overview;
    let shared_pairs = *shared_pairs;
    let heat_map =
        if sel.len() <= HEATMAP_MAX { heat_map(&data, st, sel) } else { top_pairs_table(&data, st, sel, top_pairs) };

    html! {
        <div class="overlap-page" data-testid="overview" id="results" tabindex="-1">
            { scope_note(st, &props.filtered) }
            <section aria-labelledby="heat-title">
                <h2 id="heat-title" class="section-title">{ "How much each pair of articles shares" }</h2>
                <p class="muted small">
                    { format!("{shared_pairs} of {} pairs share something. Select a cell to compare the two side by side.", sel.len() * (sel.len() - 1) / 2) }
                </p>
                if sel.len() <= HEATMAP_MAX { { heat_legend() } }
                { heat_map }
            </section>
            <section aria-labelledby="clusters-title">
                <h2 id="clusters-title" class="section-title">{ "Passages carried by three or more articles" }</h2>
                if clusters.is_empty() {
                    <p class="empty-note" data-testid="no-clusters">{ "No passage is carried by three or more of the selected articles." }</p>
                } else {
                    <ol class="clusters" data-testid="clusters">
                        { for clusters.iter().map(|&(c, n)| cluster_item(&data, st, c, n, sel.len())) }
                    </ol>
                    if *clusters_left > 0 {
                        <p class="muted small" data-testid="clusters-more">
                            { format!("{} more cluster{} carried by fewer articles; narrow the selection to see them.", clusters_left, if *clusters_left == 1 { "" } else { "s" }) }
                        </p>
                    }
                }
            </section>
        </div>
    }
}

/// The link to the pair view of articles `x` and `y` (by position).
fn pair_link(data: &Data, st: &ViewState, x: usize, y: usize) -> String {
    let corpus = &data.corpus;
    encode(&pair_state(st, corpus.articles[x].id(), corpus.articles[y].id(), None))
}

/// What the heat map's numbers and colours mean.
fn heat_legend() -> Html {
    fixed(concat!(
        r#"<div class="heat-legend small" data-testid="heat-legend"><p>Each cell, e.g. <span class="legend-sample"><b>62%</b> 6×</span>: "#,
        r#"62% of the shorter article's words lie in passages the two articles share, and they share 6 passages. “·”: nothing shared.</p>"#,
        r#"<p class="heat-scale" aria-hidden="true">Shading:<span class="hm l1">≤20%</span><span class="hm l2">≤40%</span>"#,
        r#"<span class="hm l3">≤60%</span><span class="hm l4">≤80%</span><span class="hm l5">≤100%</span></p></div>"#,
    ))
}

/// The heat map of the selected articles `sel`: one cell per pair; the
/// arrow keys move between cells (one tab stop), Enter opens a pair.
fn heat_map(data: &Data, st: &ViewState, sel: &[usize]) -> Html {
    let corpus = &data.corpus;
    let onkeydown = grid::grid_keys("hm", sel.len(), sel.len());
    html! {
        <div class="matrix-wrap">
            <table class="heatmap" data-testid="heatmap" {onkeydown}>
                <caption class="visually-hidden">
                    { "Shared words and passages of each pair of articles. Arrow keys move between cells; Enter compares the pair." }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="corner">{ "Article" }</th>
                        { for sel.iter().enumerate().map(|(k, &i)| {
                            let t = corpus.articles[i].title().to_string();
                            html! { <th scope="col" class="num" title={t.clone()} aria-label={format!("{}: {t}", k + 1)}>{ k + 1 }</th> }
                        }) }
                    </tr>
                </thead>
                <tbody>
                    { for sel.iter().enumerate().map(|(r, &i)| {
                        let a = &corpus.articles[i];
                        html! {
                            <tr>
                                <th scope="row" class="art">
                                    <span class="num">{ r + 1 }</span>{ " " }
                                    <span class="art-title">{ short(a.title(), 60) }</span>
                                    <span class="art-meta">{ format!("{} · {}", a.meta.outlet_or_unknown(), date_label(a)) }</span>
                                </th>
                                { for sel.iter().enumerate().map(|(c, &j)| heat_cell(data, st, (r, i), (c, j))) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The heat map's cell at row `r` (article `i`) and column `c` (article `j`).
fn heat_cell(data: &Data, st: &ViewState, (r, i): (usize, usize), (c, j): (usize, usize)) -> Html {
    let corpus = &data.corpus;
    let id = grid::cell_id("hm", r, c);
    // The grid's one tab stop: the first cell right of the diagonal.
    let tabindex = if (r, c) == (0, 1) { "0" } else { "-1" };
    let (dr, dc) = (r.to_string(), c.to_string());
    let names = format!("“{}” and “{}”", short(corpus.articles[i].title(), 40), short(corpus.articles[j].title(), 40));
    if i == j {
        return html! {
            <td class="hm diag" id={id} tabindex={tabindex} data-r={dr} data-c={dc} aria-label="the same article">{ "—" }</td>
        };
    }
    match data.pair_summary(i.min(j) as u32, i.max(j) as u32) {
        Some(s) => {
            let (x, y) = if i < j { (i, j) } else { (j, i) };
            let href = pair_link(data, st, x, y);
            let pct = (s.shorter_share * 100.0).round() as u32;
            let n = s.passages;
            let label = format!(
                "{names} share {n} passage{}: {pct}% of the shorter article's words",
                if n == 1 { "" } else { "s" }
            );
            let level = ((s.shorter_share * 5.0).ceil() as u32).clamp(1, 5);
            html! {
                <td class={classes!("hm", format!("l{level}"))}>
                    <a href={href} id={id} tabindex={tabindex} data-r={dr} data-c={dc} title={label.clone()} aria-label={label} data-testid="heat-cell"
                        data-a={corpus.articles[x].id().to_string()} data-b={corpus.articles[y].id().to_string()}
                        data-passages={n.to_string()}>
                        <span class="pct">{ format!("{pct}%") }</span>
                        <span class="cnt">{ format!("{n}×") }</span>
                    </a>
                </td>
            }
        }
        None => html! {
            <td class="hm none" id={id} tabindex={tabindex} data-r={dr} data-c={dc} data-testid="heat-none"
                title="nothing shared" aria-label={format!("{names}: nothing shared")}>{ "·" }</td>
        },
    }
}

/// A map of thousands of rows is neither drawable nor readable: the pairs
/// that share most instead, and a way to a smaller selection.
fn top_pairs_table(data: &Data, st: &ViewState, sel: &[usize], top_pairs: &[PairSummary]) -> Html {
    let corpus = &data.corpus;
    let side = |i: usize| {
        let a = &corpus.articles[i];
        html! {
            <>
                <span class="art-title">{ short(a.title(), 70) }</span>
                <span class="art-meta">{ format!("{} · {}", a.meta.outlet_or_unknown(), date_label(a)) }</span>
            </>
        }
    };
    html! {
        <>
            <p class="note" data-testid="heatmap-too-large">
                { format!("The heat map shows up to {HEATMAP_MAX} articles and the filters select {}: search or tick facet values to narrow them. ", sel.len()) }
                if top_pairs.is_empty() { { "No two of them share a passage." } }
                else { { format!("The {} pair{} that share most:", top_pairs.len(), if top_pairs.len() == 1 { "" } else { "s" }) } }
            </p>
            if !top_pairs.is_empty() {
                <div class="matrix-wrap">
                    <table class="top-pairs" data-testid="top-pairs">
                        <thead><tr><th scope="col">{ "Article A" }</th><th scope="col">{ "Article B" }</th><th scope="col">{ "Shared" }</th></tr></thead>
                        <tbody>
                            { for top_pairs.iter().map(|p| {
                                let (x, y, passages, share) = (p.a as usize, p.b as usize, p.passages, p.shorter_share);
                                let pct = (share * 100.0).round() as u32;
                                html! {
                                    <tr data-testid="pair-row" data-a={corpus.articles[x].id().to_string()} data-b={corpus.articles[y].id().to_string()} data-passages={passages.to_string()}>
                                        <td>{ side(x) }</td>
                                        <td>{ side(y) }</td>
                                        <td class="shared-cell"><a href={pair_link(data, st, x, y)}>
                                            { format!("{pct}% · {passages} passage{}", if passages == 1 { "" } else { "s" }) }
                                        </a></td>
                                    </tr>
                                }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </>
    }
}

/// Cluster `c` of the overview's list, carried by `n` of the `selected`
/// articles. Its label counts the whole corpus's carriers, then the
/// selected ones, so it never contradicts "three or more articles".
fn cluster_item(data: &Data, st: &ViewState, c: usize, n: usize, selected: usize) -> Html {
    let c = &data.passages.clusters[c];
    let core = c.core_member();
    let first = data.corpus.articles.get(core.article as usize).map(|a| a.slice(core.span)).unwrap_or_default();
    let href = encode(&ViewState {
        view: View::Overlap,
        pair: None,
        passage: None,
        cluster: Some(c.key(&data.corpus)),
        ..st.without_cluster()
    });
    let total = data.corpus.articles.len();
    let label = if selected < total {
        format!("Carried by {} articles, {n} of them selected", c.articles.len())
    } else {
        format!("Carried by {} of {total} articles", c.articles.len())
    };
    html! {
        <li data-testid="cluster" data-cluster={c.key(&data.corpus)}>
            <a href={href}>{ label }</a>
            <p class="excerpt">{ short(first, 220) }</p>
        </li>
    }
}

/// Articles up to which the overview draws the heat map; a larger
/// selection gets the pairs that share most instead.
const HEATMAP_MAX: usize = 30;
/// Pairs and clusters listed at most in the overview.
const LIST_MAX: usize = 50;
