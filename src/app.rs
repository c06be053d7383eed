//! The root: data and URL providers, the top bar, and the current page.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions};
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::notices::{notices, NoticesProps};
use crate::components::topbar::Tab;
use crate::components::topbar::{top_bar, TopBarProps};
use crate::data::{self, use_data, Data};
use crate::pages::articles::{ArticlesPage, Filtered};
use crate::pages::overlap::{overlap_page, OverlapPageProps};
use crate::pages::stances::StancesPage;
use crate::query::{encode, View, ViewState};
use crate::url::{use_view, Action, ViewCtx, ViewProvider};
use parallax_engine::facets::Facet;

/// How long reading the corpus may take before the first paint (the seeds
/// and small corpora are read within it), and then per task (frames and
/// input get in between).
const FIRST_READ_MS: f64 = 40.0;
const READ_STEP_MS: f64 = 40.0;

#[component]
pub fn App() -> Html {
    // The corpus is read in steps (`data::load_step`), a progress bar
    // showing while a large one is read.
    let load = use_state(|| Rc::new(data::load_for(FIRST_READ_MS)));
    {
        let load = load.clone();
        use_effect_with((), move |_| {
            let reading = matches!(**load, data::Load::Reading(_));
            let stop = reading.then(|| {
                crate::tasks::in_slices(move || {
                    let step = data::load_step(READ_STEP_MS);
                    let more = matches!(step, data::Load::Reading(_));
                    load.set(Rc::new(step));
                    more
                })
            });
            move || {
                if let Some(stop) = stop {
                    stop();
                }
            }
        });
    }
    match &**load {
        data::Load::Ready(d) => html! {
            <ContextProvider<Data> context={d.clone()}>
                <ViewProvider><Shell /></ViewProvider>
            </ContextProvider<Data>>
        },
        data::Load::Reading(p) => html! {
            <div class="loading" data-testid="loading" role="status">
                <p>{ format!("Reading the corpus… {p}%") }</p>
                <progress max="100" value={p.to_string()} aria-label="Reading the corpus" />
            </div>
        },
        data::Load::Failed(e) => {
            crate::panic::show_error_panel("Parallax cannot start.", e);
            html! {}
        }
    }
}

/// Is the keyboard focus in a text field (where shortcuts must not fire)?
pub fn typing_in_a_field() -> bool {
    document().active_element().is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

#[component]
fn Shell() -> Html {
    let data = use_data();
    let view = use_view();
    let state = view.state.clone();

    // Build the search index from the first render on, a slice of about
    // 8 ms per task, so that frames and input get in between (a few hundred
    // ms in all at 5,000 articles, under 1 ms for the seeds); a search typed
    // before it is done finishes it at once (`data::search`).
    let indexing = use_state_eq(|| None::<u8>);
    {
        let data = data.clone();
        let indexing = indexing.clone();
        use_effect_with((), move |_| {
            crate::tasks::in_slices(move || {
                let progress = data::search_step(&data, 8.0);
                indexing.set(progress);
                progress.is_some()
            })
        });
    }

    // Keyboard: `/` focuses the search box; Esc closes the innermost open thing.
    use_effect_with((), |_| {
        let listener = shell_keys();
        move || drop(listener)
    });
    crate::a11y::use_view_effects(&data, view.dispatcher(), &state);

    let filtered = {
        let data = data.clone();
        use_memo((state.filter(), state.sort), move |(f, sort)| Filtered::new(&data, f, *sort))
    };
    let copied = use_state_eq(|| false);
    let on_copy = copy_link(copied.clone(), view.clone());
    let on_search = {
        let dispatch = view.dispatcher();
        Callback::from(move |q: String| dispatch.dispatch(Action::Search(q)))
    };
    let corpus = &data.corpus;
    // Sorting every article's event: once, not on every keystroke.
    let events = *use_memo(data.clone(), |d| d.corpus.events().len());
    let summary = format!(
        "{} · {} article{} · {} event{}",
        corpus.name,
        corpus.articles.len(),
        if corpus.articles.len() == 1 { "" } else { "s" },
        events,
        if events == 1 { "" } else { "s" }
    );
    let on_dismiss = {
        let dispatch = view.dispatcher();
        Callback::from(move |_| dispatch.dispatch(Action::DismissNotices))
    };

    html! {
        <div class="shell">
            { crate::a11y::skip_link() }
            { top_bar(&TopBarProps {
                summary: summary.into(), q: AttrValue::from(state.q.clone()), clear_q: AttrValue::from(encode(&ViewState { q: String::new(), ..(*state).clone() })),
                shown: filtered.indices.len(), total: corpus.articles.len(),
                on_search, on_copy, copied: *copied, indexing: *indexing, tabs: view_tabs(&state), chips: facet_chips(&data, &state),
            }) }
            { notices(&NoticesProps { notices: view.notices.clone(), on_dismiss }) }
            <main id="main" class="page" tabindex="-1">
                <h1 id={crate::a11y::HEADING_ID} class="visually-hidden view-title" tabindex="-1" data-testid="view-heading">{ crate::a11y::heading(&state) }</h1>
                { match state.view {
                    View::Stances => html! { <StancesPage state={state.clone()} filtered={filtered.clone()} /> },
                    View::Overlap => overlap_page(&data, &OverlapPageProps { state: state.clone(), filtered: filtered.clone() }),
                    View::Articles => html! { <ArticlesPage state={state.clone()} filtered={filtered.clone()} /> },
                } }
            </main>
        </div>
    }
}

/// The shell's key: `/` focuses the search box (Esc: `a11y::esc_listener`).
fn shell_keys() -> EventListener {
    EventListener::new_with_options(&document(), "keydown", EventListenerOptions::enable_prevent_default(), move |e| {
        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if e.key() != "/" || typing_in_a_field() {
            return;
        }
        if let Some(input) =
            document().get_element_by_id("search").and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
        {
            e.prevent_default();
            let _ = input.focus();
            input.select();
        }
    })
}

/// Copies the page's link (the URL written first), or offers it in a
/// prompt; `copied` says so for two seconds.
fn copy_link(copied: UseStateHandle<bool>, view: ViewCtx) -> Callback<()> {
    Callback::from(move |_| {
        view.flush();
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        let copied = copied.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            if !ok {
                let _ = window().prompt_with_message_and_default("Copy this link:", &href);
            }
            copied.set(true);
            gloo::timers::future::TimeoutFuture::new(2000).await;
            copied.set(false);
        });
    })
}

/// The selected facet values as chips: their label and the link that
/// removes them.
fn facet_chips(data: &Data, state: &Rc<ViewState>) -> Rc<[(AttrValue, AttrValue)]> {
    Facet::ALL
        .iter()
        .flat_map(|&f| {
            let st = state.clone();
            let data = data.clone();
            state.facet(f).into_iter().map(move |k| {
                let shown = match f {
                    Facet::Shares => {
                        let t = data.corpus.article(&k).map(|a| a.title().chars().take(30).collect::<String>());
                        format!("shares with “{}…”", t.unwrap_or_else(|| k.clone()))
                    }
                    Facet::Carries => {
                        let core = data.cluster_by_key(&k).map(|c| data.passages.clusters[c].core_member());
                        let t = core.map(|m| data.corpus.articles[m.article as usize].slice(m.span));
                        format!("carries “{}…”", t.unwrap_or(&k).chars().take(30).collect::<String>())
                    }
                    Facet::Actor | Facet::Issue => format!("mentions {k}"),
                    _ => k.clone(),
                };
                (AttrValue::from(shown), AttrValue::from(encode(&st.toggled(f, &k))))
            })
        })
        .collect()
}

/// The top bar's tabs, one per view.
fn view_tabs(state: &ViewState) -> Rc<[Tab]> {
    View::ALL
        .iter()
        .map(|&v| Tab {
            label: v.label(),
            href: encode(&ViewState { view: v, ..state.clone() }).into(),
            current: v == state.view,
        })
        .collect()
}
