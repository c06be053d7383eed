//! The Articles view: the filterable list and the reader.

use std::rc::Rc;

use parallax_engine::facets::{Counts, Facet, Filter, Sort, SortKey};
use parallax_engine::query::Query;
use parallax_engine::{Article, ParagraphKind};
use yew::prelude::*;

use crate::components::article_list::{article_list, ArticleListProps, RowData};
use crate::components::facet_panel::{facet_panel, FacetGroupView, FacetPanelProps, FacetValueView, SortOption};
use crate::components::reader::{reader, Block, BlockKind, ReaderData, ReaderProps, SharedRange};
use crate::data::use_data;
use crate::data::Data;
use crate::query::{encode, PassageRef, View, ViewState, PAGE_ROWS};
use crate::url::{use_view, Action, Store};

/// The articles selected by the URL's filters.
#[derive(PartialEq)]
pub struct Filtered {
    pub query: Query,
    /// Selected articles, ascending (corpus order): what every view shows.
    pub indices: Vec<usize>,
    /// The same, in the list's sort order.
    pub order: Vec<usize>,
    /// Every facet value's count (keys and labels: `Facets::value`).
    pub counts: Counts,
    /// Articles in the corpus.
    pub total: usize,
}

impl Filtered {
    pub fn new(data: &Data, f: &Filter, sort: Sort) -> Filtered {
        if !f.query.is_empty() {
            // Finish the search index if its background build is still going.
            crate::data::search(data);
        }
        let fx = data.facets();
        let counts = fx.counts(f);
        let mut order = counts.articles.clone();
        fx.sort(&mut order, sort);
        Filtered {
            query: f.query.clone(),
            indices: counts.articles.clone(),
            order,
            counts,
            total: data.corpus.articles.len(),
        }
    }
    /// "3 of 5 articles"
    pub fn count_label(&self) -> String {
        format!("{} of {} article{}", self.indices.len(), self.total, if self.total == 1 { "" } else { "s" })
    }
}

/// Highlighted byte ranges of a text.
type Hits = Rc<[(usize, usize)]>;

#[derive(Properties, PartialEq)]
pub struct ArticlesPageProps {
    pub state: Rc<ViewState>,
    pub filtered: Rc<Filtered>,
}

pub fn date_label(a: &Article) -> String {
    a.meta.date.clone().unwrap_or_else(|| "date unknown".into())
}

#[component]
pub fn ArticlesPage(props: &ArticlesPageProps) -> Html {
    let data = use_data();
    let view = use_view();
    let st = props.state.clone();
    let corpus = &data.corpus;

    let limit = st.show.unwrap_or(PAGE_ROWS) as usize;
    let rows: Rc<[RowData]> = {
        let data = data.clone();
        let st = st.clone();
        let filtered = props.filtered.clone();
        // Only the rendered rows are built (snippets and highlights cost).
        use_memo((filtered, st.article.clone(), st.boilerplate, limit), move |(f, open, bp, limit)| {
            list_rows(&data, &st, f, open.as_deref(), *bp, *limit)
        })
        .as_ref()
        .clone()
    };
    // Long lists render a page of rows and grow as the reader scrolls near
    // the end (the link does the same by click or keyboard); a keystroke
    // then only redraws the first page.
    let more_ref = use_node_ref();
    let next_href = (props.filtered.order.len() > limit).then(|| {
        let next = (limit as u32 + PAGE_ROWS).min(props.filtered.order.len() as u32);
        (next, encode(&ViewState { show: Some(next), ..(*st).clone() }))
    });
    {
        let (dispatch, more_ref, seen) = (view.dispatcher(), more_ref.clone(), st.clone());
        use_effect_with(next_href.clone(), move |next| {
            let listener = next.as_ref().map(|&(next, _)| show_more_on_scroll(dispatch, more_ref, seen, next));
            move || drop(listener)
        });
    }
    let more = next_href.map(|(next, href)| show_more_bar(limit, props.filtered.order.len(), next, href, more_ref));

    // The facet column follows the list. On the page's first showing it
    // is drawn a task after the list (the list is what the first paint
    // needs, and at 5,000 articles the two together made one long task);
    // after a change of selection its new counts come in a task after the
    // frame that drew the new list, the column marked busy meanwhile. A
    // change before then cancels the pending update: only the latest
    // selection's counts are drawn. `facets_of`: the selection the column
    // shows, None until it is first drawn.
    let facets_of = use_state(|| FACETS_SHOWN.get().then(|| props.filtered.clone()));
    {
        let facets_of = facets_of.clone();
        use_effect_with(props.filtered.clone(), move |f| {
            let stop = show_facets_later(facets_of, f.clone());
            move || {
                if let Some(stop) = stop {
                    stop();
                }
            }
        });
    }
    let facet_panel = {
        let groups = {
            let data = data.clone();
            use_memo((*facets_of).clone(), move |f| f.as_ref().map(|f| facet_groups(&data, f)))
        };
        // One callback for the page's life: the reducer applies it to the view of the moment.
        let on_toggle = use_callback(view.dispatcher(), move |(key, value): (&'static str, AttrValue), dispatch| {
            if let Some(f) = Facet::from_key(key) {
                dispatch.dispatch(Action::ToggleFacet(f, value.to_string()));
            }
        });
        let busy = facets_of.as_ref().is_some_and(|shown| !Rc::ptr_eq(shown, &props.filtered));
        facet_column((*groups).clone(), busy, &st, view.dispatcher(), on_toggle)
    };

    // Bring the sentence a link points at into view.
    use_effect_with((st.article.clone(), st.sentence), |(_, sentence)| {
        if sentence.is_some() {
            crate::pages::scroll_to_centre("focus-sentence");
        }
    });

    let reader = st
        .article
        .as_deref()
        .and_then(|id| corpus.article(id))
        .map(|a| reader_pane(&data, &st, a, &props.filtered.query, view.dispatcher()));

    html! {
        <div class={classes!("articles-page", reader.is_some().then_some("with-reader"))}>
            { facet_panel }
            <section class="list-pane" aria-label="Article list" id="results" tabindex="-1">
                { article_list(&ArticleListProps { rows, empty: no_articles(&st) }) }
                { more.unwrap_or_default() }
            </section>
            if let Some(r) = reader {
                <section class="reader-pane" aria-label="Reader">{ r }</section>
            }
        </div>
    }
}

/// The list's rows for the first `limit` articles of `f`'s order (`open`:
/// the article in the reader; `bp`: its boilerplate shown).
fn list_rows(data: &Data, st: &ViewState, f: &Filtered, open: Option<&str>, bp: bool, limit: usize) -> Rc<[RowData]> {
    let corpus = &data.corpus;
    let fx = data.facets();
    let search = (!f.query.is_empty()).then(|| crate::data::search(data));
    let compiled = search.map(|s| (s, s.compile(corpus, &f.query)));
    f.order
        .iter()
        .take(limit)
        .map(|&i| {
            let a = &corpus.articles[i];
            let title = a.title().to_string();
            let (snippet, snippet_hits, title_hits): (String, Hits, Hits) = match &compiled {
                Some((s, c)) => {
                    let si = s.snippet_sentence(a, c);
                    (
                        si.map(|si| a.slice(a.sentences[si].span).to_string()).unwrap_or_default(),
                        si.map(|si| s.sentence_highlights(a, si, c)).unwrap_or_default().into(),
                        s.title_highlights(i, a, c).into(),
                    )
                }
                None => (a.lede().map(|s| a.slice(s.span).to_string()).unwrap_or_default(), Rc::new([]), Rc::new([])),
            };
            let href =
                encode(&ViewState { article: Some(a.id().to_string()), sentence: None, boilerplate: bp, ..st.clone() });
            RowData {
                id: a.id().to_string().into(),
                href: href.into(),
                title_hits,
                title: title.into(),
                outlet: a.meta.outlet_or_unknown().to_string().into(),
                date: date_label(a).into(),
                words: a.word_count(),
                shared: (fx.shared_share(i) * 100.0).round() as u32,
                snippet_hits,
                snippet: snippet.into(),
                selected: open == Some(a.id()),
            }
        })
        .collect::<Rc<[RowData]>>()
}

/// Shows `next` rows once the "show more" bar scrolls near the viewport
/// (once, and only for the view `seen` of this render: see `Action::ShowMore`).
fn show_more_on_scroll(
    dispatch: UseReducerDispatcher<Store>,
    more_ref: NodeRef,
    seen: Rc<ViewState>,
    next: u32,
) -> gloo::events::EventListener {
    let fired = std::cell::Cell::new(false);
    let near_end = move || {
        let Some(el) = more_ref.cast::<web_sys::Element>() else { return false };
        let height = gloo::utils::window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(800.0);
        el.get_bounding_client_rect().top() < height * 2.0
    };
    gloo::events::EventListener::new(&gloo::utils::window(), "scroll", move |_| {
        if !fired.get() && near_end() {
            fired.set(true);
            dispatch.dispatch(Action::ShowMore(seen.clone(), next));
        }
    })
}

/// "Showing the first 100 of 982 articles. Show 100 more".
fn show_more_bar(limit: usize, total: usize, next: u32, href: String, more_ref: NodeRef) -> Html {
    html! {
        <p class="show-more" data-testid="show-more-bar" ref={more_ref}>
            { format!("Showing the first {limit} of {total} articles. ") }
            <a href={href} data-testid="show-more">{ format!("Show {} more", next as usize - limit) }</a>
        </p>
    }
}

/// Schedules the facet column's switch to the selection `f` (see
/// `ArticlesPage`); returns what cancels it, if anything is pending.
fn show_facets_later(facets_of: UseStateHandle<Option<Rc<Filtered>>>, f: Rc<Filtered>) -> Option<Box<dyn FnOnce()>> {
    match &*facets_of {
        Some(shown) if Rc::ptr_eq(shown, &f) => None,
        Some(_) => Some(Box::new(crate::tasks::after_next_frame(move || facets_of.set(Some(f))))),
        None => Some(Box::new(crate::tasks::in_slices(move || {
            FACETS_SHOWN.set(true);
            facets_of.set(Some(f.clone()));
            false
        }))),
    }
}

/// The facet column: the panel once its `groups` are drawn, a busy
/// placeholder before.
fn facet_column(
    groups: Option<Rc<[FacetGroupView]>>,
    busy: bool,
    st: &ViewState,
    dispatch: UseReducerDispatcher<Store>,
    on_toggle: Callback<(&'static str, AttrValue)>,
) -> Html {
    let sorts: Rc<[SortOption]> = SortKey::ALL
        .iter()
        .flat_map(|&key| [false, true].map(|reverse| Sort { key, reverse }))
        .map(|sort| SortOption { value: sort.as_string().into(), label: sort_label(sort).into() })
        .collect();
    let clear_href = st.has_facets().then(|| AttrValue::from(encode(&st.without_facets())));
    let on_sort = Callback::from(move |v: AttrValue| {
        if let Some(sort) = Sort::parse(&v) {
            dispatch.dispatch(Action::SetSort(sort));
        }
    });
    match groups {
        Some(groups) => facet_panel(&FacetPanelProps {
            groups,
            busy,
            sorts,
            sort: AttrValue::from(st.sort.as_string()),
            clear_href,
            on_sort,
            on_toggle,
        }),
        None => {
            html! { <aside class="facets" aria-label="Filters" aria-busy="true" data-testid="facets-pending"></aside> }
        }
    }
}

/// The reader of article `a`.
fn reader_pane(data: &Data, st: &ViewState, a: &Article, q: &Query, dispatch: UseReducerDispatcher<Store>) -> Html {
    let data = reader_data(data, st, a, q);
    let close_href = encode(&ViewState { article: None, sentence: None, ..st.clone() });
    let on_toggle = Callback::from(move |_| dispatch.dispatch(Action::ToggleBoilerplate));
    reader(&ReaderProps { data, boilerplate: st.boilerplate, close_href: close_href.into(), on_toggle })
}

/// What the list says when no article is selected, with ways out.
fn no_articles(st: &ViewState) -> Html {
    let clear = encode(&ViewState { q: String::new(), ..st.clone() });
    let clear_all = encode(&ViewState { q: String::new(), ..st.without_facets() });
    let why = match (st.q.is_empty(), st.has_facets()) {
        (false, false) => format!("No article matches “{}”.", st.q),
        (false, true) => format!("No article matches “{}” and the selected filters.", st.q),
        _ => "No article matches all the selected filters (values of one filter are alternatives; different filters must all hold).".to_string(),
    };
    html! {
        <>
            <p>{ why }</p>
            <p class="hint">
                if !st.q.is_empty() {
                    { "Every word must occur in an article (“enlarge” also finds “enlargement”); \"quoted phrases\" must occur as typed. " }
                    <a href={clear}>{ "Clear the search" }</a>{ " " }
                }
                if st.has_facets() {
                    <a href={clear_all}>{ "Clear the search and all filters" }</a>
                }
            </p>
        </>
    }
}

/// "3 of 5 articles", said on every view, with a way back to all of them.
pub fn scope_note(st: &ViewState, f: &Filtered) -> Html {
    let narrowed = f.indices.len() < f.total;
    let all = encode(&ViewState { q: String::new(), show: None, ..st.without_facets() });
    html! {
        <p class="scope" data-testid="view-count">
            { if narrowed { format!("Showing {} (search and filters applied). ", f.count_label()) } else { format!("Showing {}.", f.count_label()) } }
            if narrowed { <a href={all}>{ "Show all articles" }</a> }
        </p>
    }
}

thread_local! {
    /// Has the facet column been drawn once (see `ArticlesPage`)?
    static FACETS_SHOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Values shown per facet before the rest is summarised.
const FACET_VALUES_SHOWN: usize = 20;

fn sort_label(sort: Sort) -> String {
    if !sort.reverse {
        return sort.key.label().to_string();
    }
    match sort.key {
        SortKey::Id => "file name, reversed",
        SortKey::Date => "date (newest first)",
        SortKey::Outlet => "outlet (Z–A)",
        SortKey::Length => "length (shortest first)",
        SortKey::Shared => "shares least with others",
    }
    .to_string()
}

/// The facet groups as the panel shows them (see `Bundle::facet_groups`).
fn facet_groups(data: &Data, f: &Filtered) -> Rc<[FacetGroupView]> {
    data.facet_groups(&f.counts, FACET_VALUES_SHOWN)
        .into_iter()
        .map(|g| FacetGroupView {
            key: g.facet.key(),
            title: g.facet.title(),
            values: g
                .values
                .into_iter()
                .map(|v| FacetValueView {
                    key: AttrValue::from(v.key.to_string()),
                    label: AttrValue::from(v.label.to_string()),
                    count: v.count as usize,
                    checked: v.checked,
                })
                .collect(),
            hidden: g.hidden,
        })
        .collect()
}

/// A shared sentence's link to the pair view, its colour class, its
/// tooltip, and the link to all versions when its passage is in a cluster.
type SentenceLink = (AttrValue, &'static str, AttrValue, Option<AttrValue>);

/// For each sentence of `a`: the shared passage it belongs to, as a link
/// to the pair view (see `Bundle::sentence_links`). A passage carried by
/// three or more articles has its cluster's colour and a link to all its
/// versions; one shared with a single other article has its own style.
fn sentence_links(data: &Data, st: &ViewState, a: &Article) -> Vec<Option<SentenceLink>> {
    const COLOURS: [&str; 8] = ["c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7"];
    let corpus = &data.corpus;
    let Some(me) = corpus.index_of(a.id()) else { return Vec::new() };
    let id = |i: u32| corpus.articles[i as usize].id().to_string();
    let to_overlap = ViewState { view: View::Overlap, pair: None, passage: None, cluster: None, ..st.clone() };
    data.sentence_links(me)
        .into_iter()
        .map(|link| {
            let l = link?;
            let href = encode(&ViewState {
                pair: Some((id(l.a), id(l.b))),
                passage: Some(PassageRef::Sentence(l.sentence)),
                ..to_overlap.clone()
            });
            let o = corpus.articles[l.other as usize].title();
            Some(match l.cluster {
                Some(c) => (
                    AttrValue::from(href),
                    COLOURS[c as usize % COLOURS.len()],
                    AttrValue::from(format!("Shared with “{o}” and others — compare side by side")),
                    Some(AttrValue::from(encode(&ViewState {
                        cluster: data.passages.clusters.get(c as usize).map(|k| k.key(corpus)),
                        ..to_overlap.clone()
                    }))),
                ),
                None => (
                    AttrValue::from(href),
                    "pair-only",
                    AttrValue::from(format!("Shared with “{o}” only — compare side by side")),
                    None,
                ),
            })
        })
        .collect()
}

fn reader_data(data: &Data, st: &ViewState, a: &Article, q: &Query) -> ReaderData {
    let focus = st.sentence.and_then(|i| a.sentences.get(i as usize)).map(|s| s.span);
    let links = sentence_links(data, st, a);
    let search = (!q.is_empty()).then(|| crate::data::search(data));
    let compiled = search.map(|s| (s, s.compile(&data.corpus, q)));
    // Kept paragraphs and removed lines, in text order.
    let mut blocks: Vec<(u32, Block)> = Vec::new();
    for p in &a.paragraphs {
        let kind = match p.kind {
            ParagraphKind::Title => continue,
            ParagraphKind::Heading => BlockKind::Heading,
            ParagraphKind::Body => BlockKind::Body,
        };
        let text = a.slice(p.span);
        let focus = focus
            .filter(|f| p.span.contains(*f))
            .map(|f| ((f.start - p.span.start) as usize, (f.end - p.span.start) as usize));
        let first = p.first_sentence as usize;
        let shared: Vec<SharedRange> = (first..first + p.sentence_count as usize)
            .filter_map(|i| {
                let (href, class, title, versions) = links.get(i)?.clone()?;
                let sp = a.sentences[i].span;
                Some(SharedRange {
                    start: (sp.start - p.span.start) as usize,
                    end: (sp.end - p.span.start) as usize,
                    href,
                    class,
                    title,
                    versions,
                })
            })
            .collect();
        blocks.push((
            p.span.start,
            Block {
                kind,
                hits: compiled.as_ref().map(|(s, c)| s.paragraph_highlights(a, p, c)).unwrap_or_default().into(),
                text: text.to_string().into(),
                focus,
                shared: shared.into(),
            },
        ));
    }
    for r in &a.removed {
        blocks.push((
            r.span.start,
            Block {
                kind: BlockKind::Removed(r.reason.label()),
                text: a.slice(r.span).to_string().into(),
                hits: Rc::new([]),
                focus: None,
                shared: Rc::new([]),
            },
        ));
    }
    parallax_engine::sort::by_key(&mut blocks, |(s, _)| *s);
    let mut meta = vec![a.meta.outlet_or_unknown().to_string(), date_label(a)];
    if let Some(e) = &a.meta.event {
        meta.push(e.clone());
    }
    meta.push(format!("{} words", a.word_count()));
    let url = a
        .meta
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|u| AttrValue::from(u.to_string()));
    ReaderData {
        id: a.id().to_string().into(),
        title: a.title().to_string().into(),
        meta: meta.into(),
        url,
        blocks: blocks.into_iter().map(|(_, b)| b).collect::<Vec<_>>().into(),
        removed_count: a.removed.len(),
    }
}
