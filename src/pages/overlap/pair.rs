//! Two articles side by side: their shared passages in A's order, the rest folded.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use parallax_engine::passages::{word_alignment, SharedPassage};
use parallax_engine::Article;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{overview_state, pair_state, short, two_decimals};
use crate::components::diff;
use crate::data::use_data;
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::query::{encode, View, ViewState};
use crate::url::{use_view, Action, Store};

#[derive(Properties, PartialEq)]
pub(super) struct PairViewProps {
    pub(super) state: Rc<ViewState>,
    pub(super) filtered: Rc<Filtered>,
    pub(super) a: AttrValue,
    pub(super) b: AttrValue,
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
pub(super) fn PairView(props: &PairViewProps) -> Html {
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
