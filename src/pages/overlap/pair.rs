//! Two articles side by side, one place per sentence: the engine's
//! layout of the pair ([`PairLayout`]) as rows of shared text in A's
//! order, with the unshared stretches between them folded. Copied rows
//! mark their differences, reworded rows what both sides share; a marked
//! word and its partner light up together on hover and focus.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use parallax_engine::passages::{
    MarkKind, PairItem, PairLayout, PairRow, Placement, RowMarks, SentenceRange, WordMark,
};
use parallax_engine::{Article, Span};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::{overview_state, pair_state, short, two_decimals};
use crate::components::diff::{self, Mark};
use crate::data::use_data;
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::query::{encode, PassageRef, View, ViewState};
use crate::url::{use_view, Action, Store};

#[derive(Properties, PartialEq)]
pub(super) struct PairViewProps {
    pub(super) state: Rc<ViewState>,
    pub(super) filtered: Rc<Filtered>,
    pub(super) a: AttrValue,
    pub(super) b: AttrValue,
}

/// A pair's layout and each row's marks.
struct Laid {
    layout: PairLayout,
    marks: Vec<RowMarks>,
}

/// `2-5 7-8`: sentence ranges as the page's `data-sentences` gives them.
fn ranges_attr(v: &[SentenceRange]) -> String {
    v.iter().map(|r| format!("{}-{}", r.start, r.end)).collect::<Vec<_>>().join(" ")
}

/// The bytes of sentences `r` of `art`.
fn span_of(art: &Article, r: SentenceRange) -> Span {
    let (s, e) = (r.start as usize, (r.end as usize).min(art.sentences.len()));
    if s >= e {
        return Span { start: 0, end: 0 };
    }
    Span { start: art.sentences[s].span.start, end: art.sentences[e - 1].span.end }
}

/// Unshared sentences of one side as a folded stretch.
fn gap(article: &Article, ranges: &[SentenceRange], side: &str) -> Html {
    if ranges.is_empty() {
        return html! {};
    }
    let mut paras: Vec<(u32, Span)> = Vec::new();
    for r in ranges {
        for s in &article.sentences[r.start as usize..(r.end as usize).min(article.sentences.len())] {
            match paras.last_mut() {
                Some((p, span)) if *p == s.paragraph && span.end <= s.span.start => span.end = s.span.end,
                _ => paras.push((s.paragraph, s.span)),
            }
        }
    }
    let mut distinct: Vec<u32> = paras.iter().map(|p| p.0).collect();
    distinct.dedup();
    let n = distinct.len();
    let label = format!("… {n} paragraph{} only in {side} …", if n == 1 { "" } else { "s" });
    html! {
        <details class="gap" data-testid="gap" data-side={side.to_string()} data-sentences={ranges_attr(ranges)}>
            <summary>{ label }</summary>
            { for paras.iter().map(|&(_, span)| html! { <p>{ article.slice(span) }</p> }) }
        </details>
    }
}

/// Which row a link selects: `p=s12` the row holding A's sentence 12, an
/// old `p=2` the row holding the pair's third passage.
fn selected_row(layout: &PairLayout, p: Option<PassageRef>) -> Option<usize> {
    match p? {
        PassageRef::Sentence(s) => layout.row_of_sentence(s),
        PassageRef::Index(i) => layout.row_of_passage(i),
    }
}

#[component]
pub(super) fn PairView(props: &PairViewProps) -> Html {
    let data = use_data();
    let view = use_view();
    let hot = use_state_eq(|| None::<AttrValue>);
    let st = props.state.clone();
    let corpus = &data.corpus;
    let ia = corpus.index_of(&props.a).unwrap_or(0) as u32;
    let ib = corpus.index_of(&props.b).unwrap_or(0) as u32;
    // Cheap (a pair's few passages, rows of a few dozen words): computed
    // on each render rather than held in a memo.
    let laid = {
        let layout = data.pair_layout(ia, ib);
        let marks = layout.rows().map(|r| data.row_marks(ia, ib, r)).collect();
        Laid { layout, marks }
    };
    let ids: Rc<[u32]> = laid.layout.rows().map(PairRow::first_a).collect();
    let selected = selected_row(&laid.layout, st.passage);
    {
        // j / k between rows, Esc back to the overview; an old numbered
        // link is rewritten to the lasting one.
        let dispatch = view.dispatcher();
        use_effect_with((selected, ids.clone(), st.passage), move |(selected, ids, passage)| {
            if let (Some(PassageRef::Index(_)), Some(r)) = (passage, selected) {
                dispatch.dispatch(Action::SelectPassage(Some(PassageRef::Sentence(ids[*r]))));
            }
            let listener = passage_keys(dispatch, *selected, ids.clone());
            move || drop(listener)
        });
    }
    use_effect_with(selected.map(|r| ids[r]), |sel| {
        if let Some(s) = sel {
            crate::pages::scroll_to_centre(&format!("passage-s{s}"));
        }
    });
    let (Some(a), Some(b)) = (corpus.article(&props.a), corpus.article(&props.b)) else {
        return html! {};
    };
    let outside: Vec<String> = [a, b]
        .iter()
        .filter(|x| corpus.index_of(x.id()).is_some_and(|i| props.filtered.indices.binary_search(&i).is_err()))
        .map(|x| format!("“{}”", short(x.title(), 60)))
        .collect();
    let hover = {
        let hot = hot.clone();
        Callback::from(move |e: Event| hot.set(match_key(&e)))
    };
    let ctx = RowCtx { st: &st, a, b, n: ids.len(), selected, hot: (*hot).clone() };
    let back = encode(&overview_state(&st));
    html! {
        <div class="pair-page" data-testid="pair-view" data-a={a.id().to_string()} data-b={b.id().to_string()}
            onmouseover={hover.reform(|e: MouseEvent| Event::from(e))} onfocusin={hover.reform(|e: FocusEvent| Event::from(e))}>
            <nav class="crumbs"><a href={back}>{ "← All pairs" }</a></nav>
            { scope_note(&st, &props.filtered) }
            if !outside.is_empty() {
                <p class="notice-inline" data-testid="outside-filters">
                    { format!("Not selected by the current search and filters: {}. The pair is shown as the link asks.", outside.join("; ")) }
                </p>
            }
            { moved_note(st.passage, selected) }
            { summary(data.pair_summary(ia, ib).map(|s| (s.passages, s.shorter_share)), ids.len()) }
            { diff::pair_legend() }
            <div class="prow heads">
                <div class="pcol">{ pair_head(&st, a, "A") }</div>
                <div class="pcol">{ pair_head(&st, b, "B") }</div>
            </div>
            if ids.is_empty() {
                <p class="empty-note" data-testid="empty-state">{ "No shared passage: every sentence of each is its own." }</p>
            }
            { for items(&ctx, &laid) }
        </div>
    }
}

/// The match key (`data-m`) of the marked word an event happened on.
fn match_key(e: &Event) -> Option<AttrValue> {
    let t = e.target()?.dyn_into::<web_sys::Element>().ok()?;
    t.closest("[data-m]").ok()??.get_attribute("data-m").map(AttrValue::from)
}

/// A link's passage that this corpus no longer shares.
fn moved_note(p: Option<PassageRef>, selected: Option<usize>) -> Html {
    match (p, selected) {
        (Some(PassageRef::Sentence(s)), None) => html! {
            <p class="notice-inline" data-testid="passage-moved">
                { format!("The link names the passage at sentence {} of A, which these two articles no longer share: it moved or is gone. Every passage they share is below.", s + 1) }
            </p>
        },
        _ => html! {},
    }
}

/// A number with what it measures: as a tooltip and for screen readers.
fn explained(text: String, what: &'static str) -> Html {
    html! { <span class="num" title={what}>{ text }<span class="visually-hidden">{ format!(" ({what})") }</span></span> }
}

/// The line above the rows: passages, rows and the share of the shorter article.
fn summary(s: Option<(u32, f32)>, rows: usize) -> Html {
    let Some((passages, share)) = s else {
        return html! { <p class="muted small" data-testid="pair-summary">{ "These two articles share no passage." }</p> };
    };
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    html! {
        <p class="muted small" data-testid="pair-summary">
            { format!("{passages} shared passage{}", plural(passages as usize)) }
            if rows != passages as usize {
                { format!(" in {rows} row{} (passages that share a sentence are shown once)", plural(rows)) }
            }
            { " · " }
            { explained(format!("{}% shared", (share * 100.0).round() as u32), "share of the shorter article's words that are in passages shared with the other") }
            { " · j / k move between passages, Esc goes back" }
        </p>
    }
}

/// The pair view's keys: j / k to the next or previous row (from
/// `selected`), Esc back to the overview.
fn passage_keys(dispatch: UseReducerDispatcher<Store>, selected: Option<usize>, ids: Rc<[u32]>) -> EventListener {
    EventListener::new_with_options(
        &gloo::utils::document(),
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |e| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let typing = crate::app::typing_in_a_field();
            let n = ids.len();
            if typing || e.ctrl_key() || e.meta_key() || e.alt_key() || n == 0 {
                return;
            }
            let next = match (e.key().as_str(), selected) {
                ("j" | "k", None) => 0,
                ("j", Some(p)) => (p + 1).min(n - 1),
                ("k", Some(p)) => p.saturating_sub(1),
                ("Escape", _) => {
                    e.prevent_default();
                    dispatch.dispatch(Action::BackToOverview);
                    return;
                }
                _ => return,
            };
            dispatch.dispatch(Action::SelectPassage(Some(PassageRef::Sentence(ids[next]))));
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

/// What every row needs to know.
struct RowCtx<'a> {
    st: &'a ViewState,
    a: &'a Article,
    b: &'a Article,
    /// Rows in all.
    n: usize,
    selected: Option<usize>,
    /// The match key under the pointer or focus.
    hot: Option<AttrValue>,
}

/// The layout's rows and stretches, in A's order.
fn items(c: &RowCtx, laid: &Laid) -> Vec<Html> {
    let mut k = 0;
    let mut out = Vec::with_capacity(laid.layout.items.len());
    for it in &laid.layout.items {
        out.push(match it {
            PairItem::Gap { a, b } => html! {
                <div class="prow gap-row">
                    <div class="pcol">{ gap(c.a, a, "A") }</div>
                    <div class="pcol">{ gap(c.b, b, "B") }</div>
                </div>
            },
            PairItem::Row(r) => {
                k += 1;
                row(c, k - 1, r, &laid.marks[k - 1])
            }
        });
    }
    out
}

/// What a mark means, with its partner's words when it has one.
fn title(kind: MarkKind, other: &str, partner: &str) -> String {
    let what = match kind {
        MarkKind::Changed => "worded differently in",
        MarkKind::Only => return format!("not in {other}"),
        MarkKind::Exact => return format!("the same word in {other}"),
        MarkKind::Stem => "the same word in another form in",
        MarkKind::Concept => "the same concept in other words in",
    };
    format!("{what} {other}: “{partner}”")
}

/// One side's marks for display: classes, keys, tooltips with the partner's words.
pub(super) fn side_marks(
    row: usize,
    own: &[WordMark],
    other: (&[WordMark], &Article, &str),
    hot: &Option<AttrValue>,
) -> Vec<Mark> {
    let (theirs, art, name) = other;
    own.iter()
        .map(|w| {
            let key = w.id.map(|id| AttrValue::from(format!("{row}-{id}")));
            let partner: Vec<&str> =
                theirs.iter().filter(|t| w.id.is_some() && t.id == w.id).map(|t| art.slice(t.span)).collect();
            let class = match w.kind {
                MarkKind::Changed => "d-chg",
                MarkKind::Only => "d-only",
                MarkKind::Exact | MarkKind::Stem => "m-same",
                MarkKind::Concept => "m-concept",
            };
            let hot = key.is_some() && key == *hot;
            Mark { span: w.span, class, key, title: title(w.kind, name, &partner.join(" ")).into(), hot }
        })
        .collect()
}

/// One side of a row: its sentence ranges with their marks, an ellipsis
/// between ranges that are apart.
fn row_side(art: &Article, ranges: &[SentenceRange], marks: &[Mark], focusable: bool) -> Html {
    let mut parts = Vec::new();
    for (i, r) in ranges.iter().enumerate() {
        if i > 0 {
            parts.push(html! { <p class="elide" title="the sentences between are elsewhere in this view">{ "…" }</p> });
        }
        let span = span_of(art, *r);
        // Marks are in text order: those inside this range are one run.
        let lo = marks.partition_point(|m| m.span.start < span.start);
        let hi = marks.partition_point(|m| m.span.start < span.end);
        let own = &marks[lo..hi.max(lo)];
        parts.push(html! { <p>{ diff::marked(art.slice(span), span.start, own, focusable) }</p> });
    }
    parts.into_iter().collect::<Html>()
}

/// One row of shared text.
fn row(c: &RowCtx, i: usize, r: &PairRow, m: &RowMarks) -> Html {
    let id = r.first_a();
    let is_sel = c.selected == Some(i);
    let href = encode(&pair_state(c.st, c.a.id(), c.b.id(), Some(PassageRef::Sentence(id))));
    let ma = side_marks(i, &m.a, (&m.b, c.b, "B"), &c.hot);
    let mb = side_marks(i, &m.b, (&m.a, c.a, "A"), &c.hot);
    let kind = if m.copied { "copied" } else { "reworded" };
    let same = (m.same * 100.0).round() as u32;
    html! {
        <div id={format!("passage-s{id}")} class={classes!("prow", "passage", kind, is_sel.then_some("selected"))}
            data-testid="passage" data-index={i.to_string()} data-row={format!("s{id}")} data-kind={kind}
            aria-current={is_sel.then_some("true")}>
            <div class="pcol" data-side="A" data-sentences={ranges_attr(&r.a)}>{ row_side(c.a, &r.a, &ma, is_sel) }</div>
            <div class="pcol" data-side="B" data-sentences={ranges_attr(&r.b)}>{ row_side(c.b, &r.b, &mb, is_sel) }</div>
            <div class="pmeta">
                <a href={href} title="its place among the pair's shared passages, in A's order (a lasting link)">
                    { format!("passage {} of {}", i + 1, c.n) }
                </a>
                { " · " }
                { explained(format!("similarity {}", two_decimals(r.score)), "how much of the two sides' distinctive words match, from 0 to 1") }
                { " · " }
                { explained(format!("{kind}: {same}% same words"), if m.copied {
                    "share of words equal, in order, on both sides: from 60 % a row counts as copied and its differences are marked"
                } else {
                    "share of words equal, in order, on both sides: below 60 % a row counts as reworded and the words both share are marked"
                }) }
                if r.passages.len() > 1 {
                    { format!(" · {} passages that share a sentence, shown once", r.passages.len()) }
                }
                { match r.placement {
                    Placement::InOrder => "",
                    Placement::EarlierInB => " · moved: earlier in B",
                    Placement::LaterInB => " · moved: later in B",
                } }
            </div>
        </div>
    }
}
