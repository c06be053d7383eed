//! The root: data and URL providers, the top bar, and the current page.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::{document, window};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::notices::Notices;
use crate::components::topbar::TopBar;
use crate::data::{self, use_data, Data};
use crate::pages::articles::{ArticlesPage, Filtered};
use crate::query::{self, View, ViewState};
use crate::url::{use_url, UrlProvider};
use parallax_engine::filter;

#[component]
pub fn App() -> Html {
    let loaded = use_memo((), |_| data::load());
    match &*loaded {
        Ok(d) => html! {
            <ContextProvider<Data> context={d.clone()}>
                <UrlProvider><Shell /></UrlProvider>
            </ContextProvider<Data>>
        },
        Err(e) => {
            crate::panic::show_error_panel("Parallax cannot start.", e);
            html! {}
        }
    }
}

/// The decoded view and what was ignored on the way.
#[derive(Clone, PartialEq)]
pub struct Decoded {
    pub state: Rc<ViewState>,
    pub notices: Rc<[String]>,
}

#[component]
fn Shell() -> Html {
    let data = use_data();
    let url = use_url();
    let decoded = {
        let data = data.clone();
        use_memo(url.fragment.clone(), move |f| {
            let (s, n) = query::decode(f, &|id: &str| data.corpus.article(id).is_some());
            Decoded { state: Rc::new(s), notices: n.into() }
        })
    };
    let state = decoded.state.clone();

    // Keyboard: `/` focuses the search box, Esc closes the reader.
    {
        let url = url.clone();
        let state = state.clone();
        use_effect_with((url.fragment.clone(), state.clone()), move |_| {
            let listener = EventListener::new(&document(), "keydown", move |e| {
                let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if e.ctrl_key() || e.meta_key() || e.alt_key() {
                    return;
                }
                let typing = document()
                    .active_element()
                    .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"));
                match e.key().as_str() {
                    "/" if !typing => {
                        if let Some(input) = document()
                            .get_element_by_id("search")
                            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                        {
                            e.prevent_default();
                            let _ = input.focus();
                            input.select();
                        }
                    }
                    "Escape" if state.article.is_some() => {
                        let next = ViewState { article: None, ..(*state).clone() };
                        url.push(&query::encode(&next));
                    }
                    _ => {}
                }
            });
            move || drop(listener)
        });
    }

    // Mirror the decoded state for tests and benchmarks (read-only).
    use_effect_with(decoded.clone(), |d| {
        let snapshot = serde_wasm_bindgen::to_value(&StateSnapshot::from(d));
        if let Ok(v) = snapshot {
            let _ = js_sys::Reflect::set(&window(), &"__parallaxState".into(), &v);
        }
    });

    let filtered = {
        let data = data.clone();
        use_memo(state.q.clone(), move |q| {
            let query = filter::Query::parse(q);
            let indices = filter::filter_articles(&data.corpus, &query);
            Filtered { query, indices }
        })
    };
    let copied = use_state_eq(|| false);
    let on_copy = {
        let copied = copied.clone();
        Callback::from(move |_| {
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
    };
    let on_search = {
        let url = url.clone();
        let state = state.clone();
        Callback::from(move |q: String| url.replace(&query::encode(&ViewState { q, ..(*state).clone() })))
    };
    let corpus = &data.corpus;
    let events = corpus.events().len();
    let summary = format!(
        "{} · {} article{} · {} event{}",
        corpus.name,
        corpus.articles.len(),
        if corpus.articles.len() == 1 { "" } else { "s" },
        events,
        if events == 1 { "" } else { "s" }
    );

    let on_dismiss = {
        let url = url.clone();
        let state = state.clone();
        Callback::from(move |_| url.replace(&query::encode(&state)))
    };

    html! {
        <div class="shell">
            <TopBar summary={summary} state={state.clone()} shown={filtered.indices.len()} total={corpus.articles.len()}
                on_search={on_search} on_copy={on_copy} copied={*copied} views={Rc::from(vec![View::Articles])} />
            <Notices notices={decoded.notices.clone()} on_dismiss={on_dismiss} />
            <main id="main" class="page">
                { match state.view {
                    View::Articles | View::Overlap | View::Stances => html! { <ArticlesPage state={state.clone()} filtered={filtered.clone()} /> },
                } }
            </main>
        </div>
    }
}

#[derive(serde::Serialize)]
struct StateSnapshot {
    view: &'static str,
    q: String,
    article: Option<String>,
    boilerplate: bool,
    notices: Vec<String>,
}

impl From<&Rc<Decoded>> for StateSnapshot {
    fn from(d: &Rc<Decoded>) -> Self {
        StateSnapshot {
            view: d.state.view.label(),
            q: d.state.q.clone(),
            article: d.state.article.clone(),
            boilerplate: d.state.boilerplate,
            notices: d.notices.to_vec(),
        }
    }
}
