//! The Overlap view: the article × article heat map and the clusters
//! (overview), two articles side by side (pair), one passage across every
//! outlet that carries it (cluster).

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use parallax_engine::answers::Overlap;
use parallax_engine::passages::{word_alignment, PairSummary, PassageSide, SharedPassage};
use parallax_engine::Article;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::diff;
use crate::data::{use_data, Data};
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::pages::stances::source_label;
use crate::pages::{first_named, member_table, paged};
use crate::query::{encode, View, ViewState};
use crate::url::{use_view, Action, Store};

#[derive(Properties, PartialEq)]
pub struct OverlapPageProps {
    pub state: Rc<ViewState>,
    pub filtered: Rc<Filtered>,
}

fn overview_state(st: &ViewState) -> ViewState {
    ViewState { view: View::Overlap, pair: None, passage: None, cluster: None, ..st.clone() }
}

fn pair_state(st: &ViewState, a: &str, b: &str, p: Option<u32>) -> ViewState {
    ViewState {
        view: View::Overlap,
        pair: Some((a.to_string(), b.to_string())),
        passage: p,
        cluster: None,
        ..st.clone()
    }
}

fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

#[component]
pub fn OverlapPage(props: &OverlapPageProps) -> Html {
    let st = &props.state;
    if let Some((a, b)) = &st.pair {
        return html! { <PairView state={props.state.clone()} filtered={props.filtered.clone()} a={AttrValue::from(a.clone())} b={AttrValue::from(b.clone())} /> };
    }
    if let Some(c) = st.cluster {
        return html! { <ClusterView state={props.state.clone()} filtered={props.filtered.clone()} cluster={c} /> };
    }
    html! { <Overview state={props.state.clone()} filtered={props.filtered.clone()} /> }
}

#[component]
fn Overview(props: &OverlapPageProps) -> Html {
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
        <div class="overlap-page" data-testid="overview">
            { scope_note(st, &props.filtered) }
            <section aria-labelledby="heat-title">
                <h2 id="heat-title" class="section-title">{ "How much each pair of articles shares" }</h2>
                <p class="muted small">
                    { format!("Share of the shorter article's words inside shared passages; {shared_pairs} of {} pairs share something. Select a cell to compare the two side by side.",
                        sel.len() * (sel.len() - 1) / 2) }
                </p>
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

/// The heat map of the selected articles `sel`: one cell per pair.
fn heat_map(data: &Data, st: &ViewState, sel: &[usize]) -> Html {
    let corpus = &data.corpus;
    html! {
        <div class="matrix-wrap">
            <table class="heatmap" data-testid="heatmap">
                <thead>
                    <tr>
                        <th scope="col" class="corner">{ "Article" }</th>
                        { for sel.iter().enumerate().map(|(k, &i)| html! {
                            <th scope="col" class="num" title={corpus.articles[i].title().to_string()}>{ k + 1 }</th>
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
                                { for sel.iter().map(|&j| heat_cell(data, st, i, j)) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}

/// The heat map's cell of articles `i` (row) and `j` (column).
fn heat_cell(data: &Data, st: &ViewState, i: usize, j: usize) -> Html {
    if i == j {
        return html! { <td class="hm diag" aria-label="same article">{ "—" }</td> };
    }
    let corpus = &data.corpus;
    match data.pair_summary(i.min(j) as u32, i.max(j) as u32) {
        Some(s) => {
            let (x, y) = if i < j { (i, j) } else { (j, i) };
            let href = pair_link(data, st, x, y);
            let pct = (s.shorter_share * 100.0).round() as u32;
            let label = format!(
                "{} × {}: {} shared passage{}, {}% of the shorter article",
                short(corpus.articles[i].title(), 40),
                short(corpus.articles[j].title(), 40),
                s.passages,
                if s.passages == 1 { "" } else { "s" },
                pct
            );
            let level = ((s.shorter_share * 5.0).ceil() as u32).clamp(1, 5);
            html! {
                <td class={classes!("hm", format!("l{level}"))}>
                    <a href={href} title={label.clone()} aria-label={label} data-testid="heat-cell"
                        data-a={corpus.articles[x].id().to_string()} data-b={corpus.articles[y].id().to_string()}
                        data-passages={s.passages.to_string()}>
                        <span class="pct">{ format!("{pct}%") }</span>
                        <span class="cnt">{ format!("{}×", s.passages) }</span>
                    </a>
                </td>
            }
        }
        None => html! { <td class="hm none" title="nothing shared">{ "·" }</td> },
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

/// Cluster `c` of the overview's list, carried by `n` of the `selected` articles.
fn cluster_item(data: &Data, st: &ViewState, c: usize, n: usize, selected: usize) -> Html {
    let c = &data.passages.clusters[c];
    let first = c
        .members
        .first()
        .map(|m| data.corpus.articles[m.article as usize].slice(m.span).to_string())
        .unwrap_or_default();
    let href = encode(&ViewState { view: View::Overlap, pair: None, passage: None, cluster: Some(c.id), ..st.clone() });
    html! {
        <li data-testid="cluster" data-cluster={c.id.to_string()}>
            <a href={href}>{ format!("Carried by {n} of {selected} articles") }</a>
            <p class="excerpt">{ short(&first, 220) }</p>
        </li>
    }
}

/// Readings per page of a cluster's collation table.
const CLUSTER_ROWS: usize = 50;
/// Articles named in "Not carried by" (the rest are counted).
const MISSING_NAMED: usize = 30;

/// Articles up to which the overview draws the heat map; a larger
/// selection gets the pairs that share most instead.
const HEATMAP_MAX: usize = 30;
/// Pairs and clusters listed at most in the overview.
const LIST_MAX: usize = 50;

#[derive(Properties, PartialEq)]
struct PairViewProps {
    state: Rc<ViewState>,
    filtered: Rc<Filtered>,
    a: AttrValue,
    b: AttrValue,
}

/// Sentences `[from, to)` of an article as a folded stretch.
fn gap(article: &Article, from: usize, to: usize, side: &str) -> Html {
    if from >= to {
        return html! {};
    }
    let mut paras: Vec<u32> = article.sentences[from..to].iter().map(|s| s.paragraph).collect();
    paras.dedup();
    let n = paras.len();
    let label = format!("… {n} paragraph{} only in {side} …", if n == 1 { "" } else { "s" });
    html! {
        <details class="gap">
            <summary>{ label }</summary>
            { for paras.iter().map(|&p| {
                let ps = &article.paragraphs[p as usize];
                let s0 = article.sentences[from.max(ps.first_sentence as usize)].span.start;
                let last = (ps.first_sentence + ps.sentence_count) as usize;
                let s1 = article.sentences[to.min(last).saturating_sub(1).max(from)].span.end;
                html! { <p>{ article.slice(parallax_engine::Span { start: s0, end: s1.max(s0) }) }</p> }
            }) }
        </details>
    }
}

#[component]
fn PairView(props: &PairViewProps) -> Html {
    let data = use_data();
    let view = use_view();
    let st = props.state.clone();
    let corpus = &data.corpus;
    let (Some(a), Some(b)) = (corpus.article(&props.a), corpus.article(&props.b)) else {
        return html! {};
    };
    let (ia, ib) = (corpus.index_of(a.id()).unwrap_or(0) as u32, corpus.index_of(b.id()).unwrap_or(0) as u32);
    let passages: Vec<&SharedPassage> = data.pair_passages(ia, ib).collect();
    let n = passages.len() as u32;
    let outside: Vec<String> = [a, b]
        .iter()
        .filter(|x| corpus.index_of(x.id()).is_some_and(|i| props.filtered.indices.binary_search(&i).is_err()))
        .map(|x| format!("“{}”", short(x.title(), 60)))
        .collect();
    let selected = st.passage;

    // j / k between passages, Esc back to the overview.
    {
        let dispatch = view.dispatcher();
        use_effect_with((st.passage, n), move |&(passage, n)| {
            let listener = passage_keys(dispatch, passage, n);
            move || drop(listener)
        });
    }
    use_effect_with(selected, |sel| {
        if let Some(p) = sel {
            crate::pages::scroll_to_centre(&format!("passage-{p}"));
        }
    });

    let summary = data.pair_summary(ia, ib);
    let back = encode(&overview_state(&st));

    html! {
        <div class="pair-page" data-testid="pair-view" data-a={a.id().to_string()} data-b={b.id().to_string()}>
            <nav class="crumbs"><a href={back}>{ "← All pairs" }</a></nav>
            { scope_note(&st, &props.filtered) }
            if !outside.is_empty() {
                <p class="notice-inline" data-testid="outside-filters">
                    { format!("Not selected by the current search and filters: {}. The pair is shown as the link asks.", outside.join("; ")) }
                </p>
            }
            <p class="muted small" data-testid="pair-summary">
                { match summary {
                    Some(s) => format!("{} shared passage{} · {}% of the shorter article · j / k move between passages, Esc goes back",
                        s.passages, if s.passages == 1 { "" } else { "s" }, (s.shorter_share * 100.0).round() as u32),
                    None => "These two articles share no passage.".to_string(),
                } }
            </p>
            { diff::legend() }
            <div class="prow heads">
                <div class="pcol">{ pair_head(&st, a, "A") }</div>
                <div class="pcol">{ pair_head(&st, b, "B") }</div>
            </div>
            if passages.is_empty() {
                <p class="empty-note" data-testid="empty-state">{ "No shared passage: every sentence of each is its own." }</p>
            }
            { for passage_rows(&st, a, b, &passages, selected) }
        </div>
    }
}

/// The pair view's keys: j / k to the next or previous of the `n`
/// passages (from `passage`, the selected one), Esc back to the overview.
fn passage_keys(dispatch: UseReducerDispatcher<Store>, passage: Option<u32>, n: u32) -> EventListener {
    EventListener::new_with_options(
        &gloo::utils::document(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let typing = crate::app::typing_in_a_field();
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() || n == 0 {
                return;
            }
            let next = match (e.key().as_str(), passage) {
                ("j", None) => Some(0),
                ("j", Some(p)) => Some((p + 1).min(n - 1)),
                ("k", None) => Some(0),
                ("k", Some(p)) => Some(p.saturating_sub(1)),
                ("Escape", _) => {
                    e.prevent_default();
                    dispatch.dispatch(Action::BackToOverview);
                    return;
                }
                _ => return,
            };
            dispatch.dispatch(Action::SelectPassage(next));
        },
    )
}

/// The heading of one side of the pair: article `x`, linked to the reader.
fn pair_head(st: &ViewState, x: &Article, side: &str) -> Html {
    let reader = encode(&ViewState {
        view: View::Articles,
        article: Some(x.id().to_string()),
        pair: None,
        passage: None,
        cluster: None,
        sentence: None,
        ..st.clone()
    });
    html! {
        <div class="pair-head">
            <span class="side-tag">{ side }</span>
            <a href={reader} class="pair-title">{ x.title().to_string() }</a>
            <span class="art-meta">{ format!("{} · {} · {} words", x.meta.outlet_or_unknown(), date_label(x), x.word_count()) }</span>
        </div>
    }
}

/// The pair's rows in A's order, with the unshared stretches between them folded.
fn passage_rows(
    st: &ViewState,
    a: &Article,
    b: &Article,
    passages: &[&SharedPassage],
    selected: Option<u32>,
) -> Vec<Html> {
    let n = passages.len();
    let mut rows: Vec<Html> = Vec::new();
    let (mut a_at, mut b_at) = (0usize, 0usize);
    for (i, p) in passages.iter().enumerate() {
        let (a0, a1) = (p.a.sentences.start as usize, p.a.sentences.end as usize);
        let (b0, b1) = (p.b.sentences.start as usize, p.b.sentences.end as usize);
        let moved = b0 < b_at;
        if a0 > a_at || (!moved && b0 > b_at) {
            rows.push(html! {
                <div class="prow gap-row">
                    <div class="pcol">{ gap(a, a_at, a0.max(a_at), "A") }</div>
                    <div class="pcol">{ if moved { html! {} } else { gap(b, b_at, b0, "B") } }</div>
                </div>
            });
        }
        let ta = a.slice(p.a.span);
        let tb = b.slice(p.b.span);
        let ops = word_alignment(ta, tb);
        let is_sel = selected == Some(i as u32);
        let href = encode(&pair_state(st, a.id(), b.id(), Some(i as u32)));
        rows.push(html! {
            <div id={format!("passage-{i}")} class={classes!("prow", "passage", is_sel.then_some("selected"))}
                data-testid="passage" data-index={i.to_string()} aria-current={is_sel.then_some("true")}>
                <div class="pcol"><p>{ diff::side(ta, &ops, true) }</p></div>
                <div class="pcol"><p>{ diff::side(tb, &ops, false) }</p></div>
                <div class="pmeta">
                    <a href={href}>{ format!("passage {} of {n}", i + 1) }</a>
                    { format!(" · similarity {}", two_decimals(p.score)) }
                    if moved { { " · moved: earlier in B" } }
                </div>
            </div>
        });
        a_at = a_at.max(a1);
        if !moved {
            b_at = b1;
        }
    }
    rows.push(html! {
        <div class="prow gap-row">
            <div class="pcol">{ gap(a, a_at, a.sentences.len(), "A") }</div>
            <div class="pcol">{ gap(b, b_at, b.sentences.len(), "B") }</div>
        </div>
    });
    rows
}

#[derive(Properties, PartialEq)]
struct ClusterViewProps {
    state: Rc<ViewState>,
    filtered: Rc<Filtered>,
    cluster: u32,
}

#[component]
fn ClusterView(props: &ClusterViewProps) -> Html {
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

/// `0.87` for 0.8712 (integer arithmetic: float formatting would add its
/// tables to the wasm for this one number).
fn two_decimals(x: f32) -> String {
    let h = (x.clamp(0.0, 1e6) * 100.0).round() as u64;
    format!("{}.{:02}", h / 100, h % 100)
}
