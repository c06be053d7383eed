//! The view state's one owner: a reducer of the user's intents, kept in
//! the location fragment.
//!
//! What the user does is an [`Action`]; [`Store::reduce`] applies it to the
//! current view (never to a snapshot a handler kept), and one effect writes
//! the result to the address bar: a new history entry, or a replacement
//! written once changes pause ([`REPLACE_DELAY_MS`]). Links, back and
//! forward and typed fragments change the location instead: a `hashchange`
//! (or `popstate`) listener decodes it into the reducer.
//!
//! A small hash router of our own rather than yew-router's `HashRouter`:
//! gloo-history's `HashHistory::location()` throws a JS exception when the
//! fragment does not start with `/` (e.g. a hand-edited `#foo`), which
//! would blank the page. Here any fragment is accepted and handed to
//! [`crate::query::decode`], which is total.

use std::cell::RefCell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use gloo::utils::window;
use parallax_engine::facets::{Facet, Sort};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::data::{use_data, Data};
use crate::query::{self, PassageRef, View, ViewState};

/// What the user asked for.
pub enum Action {
    /// The location changed (a link, back or forward, a typed fragment):
    /// its decoded view and what was ignored on the way.
    Load(Rc<ViewState>, Rc<[String]>),
    /// The search text changed.
    Search(String),
    /// A facet value was ticked or unticked.
    ToggleFacet(Facet, String),
    /// The list's order was chosen.
    SetSort(Sort),
    /// Close the reader.
    CloseReader,
    /// Show or hide the reader's removed boilerplate.
    ToggleBoilerplate,
    /// Render this many rows of the list, if the view is still the one
    /// the request was made in.
    ShowMore(Rc<ViewState>, u32),
    /// Select a passage of the open pair.
    SelectPassage(Option<PassageRef>),
    /// Back from a pair or cluster to the overlap overview.
    BackToOverview,
    /// Dismiss the notices (the address bar gets the view as it is shown).
    DismissNotices,
}

/// How a change reaches the address bar.
#[derive(Clone, Copy, PartialEq)]
enum Write {
    /// It came from there.
    None,
    /// A new history entry.
    Push,
    /// The current entry, once changes pause.
    Replace,
}

/// The current view, what its fragment's decoding ignored, and how it is
/// to be written.
#[derive(Clone, PartialEq)]
pub struct Store {
    state: Rc<ViewState>,
    notices: Rc<[String]>,
    write: Write,
    /// Counts changes, so that each is written once.
    rev: u32,
}

impl Reducible for Store {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        use Write::{Push, Replace};
        let st = &*self.state;
        let (next, write) = match action {
            Action::Load(state, notices) if state != self.state || notices != self.notices => {
                return Rc::new(Store { state, notices, write: Write::None, rev: self.rev + 1 });
            }
            Action::Load(..) => return self,
            Action::Search(q) => {
                // A new search is one history entry: the first keystroke
                // pushes, the rest of the word replaces it.
                let write = if st.q.is_empty() && !q.is_empty() { Push } else { Replace };
                (ViewState { q, show: None, ..st.clone() }, write)
            }
            Action::ToggleFacet(f, key) => (st.toggled(f, &key), Push),
            Action::SetSort(sort) => (ViewState { sort, ..st.clone() }, Push),
            Action::CloseReader => (ViewState { article: None, sentence: None, ..st.clone() }, Push),
            Action::ToggleBoilerplate => (ViewState { boilerplate: !st.boilerplate, ..st.clone() }, Replace),
            // A keystroke may have changed the view since the request: that view wins.
            Action::ShowMore(seen, _) if *seen != *st => return self,
            Action::ShowMore(_, n) => (ViewState { show: Some(n), ..st.clone() }, Replace),
            Action::SelectPassage(passage) => (
                ViewState { view: View::Overlap, passage, cluster: None, base: None, all: false, ..st.clone() },
                Replace,
            ),
            Action::BackToOverview => {
                (ViewState { view: View::Overlap, pair: None, passage: None, ..st.without_cluster() }, Push)
            }
            Action::DismissNotices => (st.clone(), Replace),
        };
        Rc::new(Store { state: Rc::new(next), notices: Rc::new([]), write, rev: self.rev + 1 })
    }
}

/// How long the address bar lags behind a replaced view. Writing the
/// history on every keystroke costs several milliseconds each in Chromium
/// (a third of a keystroke's work at 1,000 articles), and browsers throttle
/// pages that call `replaceState` hundreds of times.
pub const REPLACE_DELAY_MS: u32 = 200;

/// The fragment a replacement has yet to write, and its timer.
type Pending = Rc<RefCell<Option<(String, Timeout)>>>;

/// The view, and a way to change it.
#[derive(Clone)]
pub struct ViewCtx {
    /// What the page shows.
    pub state: Rc<ViewState>,
    /// What the fragment's decoding ignored.
    pub notices: Rc<[String]>,
    dispatch: UseReducerDispatcher<Store>,
    pending: Pending,
}

impl PartialEq for ViewCtx {
    fn eq(&self, other: &ViewCtx) -> bool {
        Rc::ptr_eq(&self.state, &other.state) && Rc::ptr_eq(&self.notices, &other.notices)
    }
}

impl ViewCtx {
    /// Applies an intent to the current view.
    pub fn dispatch(&self, action: Action) {
        self.dispatch.dispatch(action);
    }
    /// A handle that applies intents, the same on every render.
    pub fn dispatcher(&self) -> UseReducerDispatcher<Store> {
        self.dispatch.clone()
    }
    /// Writes a pending replacement now: before anything reads the
    /// location (copying the link).
    pub fn flush(&self) {
        flush(&self.pending);
    }
}

fn flush(pending: &Pending) {
    if let Some((fragment, _timer)) = pending.borrow_mut().take() {
        write_fragment(&fragment, false);
    }
}

/// The fragment of the current location, `#` included ("" if none).
fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The current location's view.
fn decode_location(data: &Data) -> (Rc<ViewState>, Rc<[String]>) {
    let (s, n) = query::decode(&current_fragment(), &KnownIds(data));
    (Rc::new(s), n.into())
}

fn write_fragment(fragment: &str, push: bool) {
    if current_fragment() == fragment {
        return;
    }
    let done = window().history().is_ok_and(|h| {
        if push {
            h.push_state_with_url(&JsValue::NULL, "", Some(fragment)).is_ok()
        } else {
            h.replace_state_with_url(&JsValue::NULL, "", Some(fragment)).is_ok()
        }
    });
    if !done {
        // Sandboxed frames may refuse the History API; the hash still works.
        let _ = window().location().set_hash(fragment);
    }
}

/// Props of [`ViewProvider`].
#[derive(Properties, PartialEq)]
pub struct ViewProviderProps {
    /// What sees the view.
    pub children: Html,
}

/// Owns the view: decodes the location into it and writes it back.
#[component]
pub fn ViewProvider(props: &ViewProviderProps) -> Html {
    let data = use_data();
    let store = {
        let data = data.clone();
        use_reducer(move || {
            let (state, notices) = decode_location(&data);
            Store { state, notices, write: Write::None, rev: 0 }
        })
    };
    let pending: Pending = use_mut_ref(|| None);
    {
        let (dispatch, pending) = (store.dispatcher(), pending.clone());
        use_effect_with((), move |_| {
            let hidden = pending.clone();
            let load = Rc::new(move || {
                // The user navigated: the entry a replacement was meant for is no longer current.
                drop(pending.borrow_mut().take());
                let (s, n) = decode_location(&data);
                dispatch.dispatch(Action::Load(s, n));
            });
            let on_pop = EventListener::new(&window(), "popstate", {
                let load = load.clone();
                move |_| load()
            });
            let on_hash = EventListener::new(&window(), "hashchange", move |_| load());
            let on_hide = EventListener::new(&window(), "pagehide", move |_| flush(&hidden));
            move || drop((on_hash, on_pop, on_hide))
        });
    }
    // The one writer of the address bar.
    {
        let (store, pending) = ((*store).clone(), pending.clone());
        use_effect_with(store.rev, move |_| match store.write {
            Write::None => {}
            Write::Push => {
                flush(&pending);
                write_fragment(&query::encode(&store.state), true);
            }
            Write::Replace => {
                let p = pending.clone();
                let timer = Timeout::new(REPLACE_DELAY_MS, move || {
                    if let Some((fragment, timer)) = p.borrow_mut().take() {
                        // This callback is the timer's own: let it end on its own.
                        timer.forget();
                        write_fragment(&fragment, false);
                    }
                });
                // Replaces (and so cancels) the write still waiting, if any.
                *pending.borrow_mut() = Some((query::encode(&store.state), timer));
            }
        });
    }
    let ctx =
        ViewCtx { state: store.state.clone(), notices: store.notices.clone(), dispatch: store.dispatcher(), pending };
    html! {
        <ContextProvider<ViewCtx> context={ctx}>{ props.children.clone() }</ContextProvider<ViewCtx>>
    }
}

/// The view (under [`ViewProvider`]).
#[hook]
pub fn use_view() -> ViewCtx {
    // <ViewProvider> wraps everything that calls this (see app.rs).
    use_context::<ViewCtx>().expect("use_view is called under <ViewProvider>")
}

/// The corpus as [`query::decode`] sees it.
struct KnownIds<'a>(&'a Data);

impl query::Known for KnownIds<'_> {
    fn article_sentences(&self, id: &str) -> Option<usize> {
        self.0.corpus.article(id).map(|a| a.sentences.len())
    }
    fn has_actor(&self, name: &str) -> bool {
        self.0.lexicon.actors.iter().any(|a| a.name == name)
    }
    fn has_issue(&self, name: &str) -> bool {
        self.0.lexicon.issues.iter().any(|i| i.name == name)
    }
    fn pair_passages(&self, a: &str, b: &str) -> Option<usize> {
        let (a, b) = (self.0.corpus.index_of(a)? as u32, self.0.corpus.index_of(b)? as u32);
        Some(self.0.pair_passages(a, b).count())
    }
    fn cluster_count(&self) -> usize {
        self.0.passages.clusters.len()
    }
    fn has_cluster(&self, key: &str) -> bool {
        self.0.cluster_by_key(key).is_some()
    }
    fn cluster_key(&self, n: usize) -> Option<String> {
        self.0.passages.clusters.get(n).map(|c| c.key(&self.0.corpus))
    }
    fn facet_has(&self, f: Facet, key: &str) -> bool {
        self.0.facets().has_value(f, key)
    }
}
