//! What the shell does for keyboard and screen-reader users: the page's
//! one `<h1>` and the document title, both naming the view; focus on that
//! heading after a change of view; the skip link; Esc closing the
//! innermost open thing.

use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use gloo::utils::document;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::data::Data;
use crate::query::{View, ViewState};
use crate::url::{Action, Store};

/// The id of the page's `<h1>`, focused after a change of view.
pub const HEADING_ID: &str = "view-title";

/// The view's heading (the `<h1>`): what kind of screen this is.
pub fn heading(st: &ViewState) -> &'static str {
    match st.view {
        View::Articles => "Articles: search, filter and read",
        View::Overlap if st.pair.is_some() => "Overlap: two articles side by side",
        View::Overlap if st.cluster.is_some() => "Overlap: one passage in every version",
        View::Overlap => "Overlap: what the articles share",
        View::Stances => "Stances: who says what on which issue",
    }
}

/// The document title: what is open, the view, the corpus.
pub fn title(data: &Data, st: &ViewState) -> String {
    let name = |id: &str| data.corpus.article(id).map(|a| crate::pages::overlap::short(a.title(), 50));
    let open = match st.view {
        View::Articles => st.article.as_deref().and_then(name),
        View::Overlap => match (&st.pair, &st.cluster) {
            (Some((a, b)), _) => name(a).zip(name(b)).map(|(a, b)| format!("{a} × {b}")),
            (None, Some(_)) => Some("one passage, all versions".to_string()),
            _ => None,
        },
        View::Stances => st.cell.as_ref().map(|(a, i)| format!("{a} on {i}")),
    };
    match open {
        Some(o) => format!("{o} — {} — Parallax", st.view.label()),
        None => format!("{} — Parallax: {}", st.view.label(), data.corpus.name),
    }
}

/// After each change of view: the document title; the focus on the
/// heading when the kind of screen changed (not on the first showing: the
/// page keeps the browser's focus then); a stance cell's evidence brought
/// into view (below the matrix on a phone); a collation opened at its top;
/// and Esc's listener.
#[hook]
pub fn use_view_effects(data: &Data, dispatch: UseReducerDispatcher<Store>, st: &Rc<ViewState>) {
    let before = use_mut_ref(|| None::<Rc<ViewState>>);
    let data = data.clone();
    use_effect_with(st.clone(), move |st| {
        document().set_title(&title(&data, st));
        let before = before.replace(Some(st.clone()));
        if before.as_ref().is_some_and(|b| heading(b) != heading(st)) {
            focus_id(HEADING_ID);
        }
        if st.cluster.is_some() && before.as_ref().is_none_or(|b| b.cluster != st.cluster) {
            // A collation opens at its top, wherever the page was scrolled before.
            gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        if st.view == View::Stances && st.cell.is_some() && before.is_none_or(|b| b.cell != st.cell) {
            // Under the header, by the heading's `scroll-margin-top`.
            if let Some(el) = document().get_element_by_id("evidence-title") {
                el.scroll_into_view();
            }
        }
        let listener = esc_listener(dispatch, st);
        move || drop(listener)
    });
}

/// Focuses the element with id `id`, if there is one (the heading is
/// fixed at the top of the viewport: focusing it does not scroll).
fn focus_id(id: &str) -> bool {
    let el = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    el.is_some_and(|el| el.focus().is_ok())
}

/// The skip link: focus to the view's results (`#results`, else the main area).
pub fn skip_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        if !focus_id("results") {
            focus_id("main");
        }
    });
    html! { <a class="skip-link" href="#" data-testid="skip-link" {onclick}>{ "Skip to results" }</a> }
}

/// Esc closes the innermost open thing: the folded stretch or details the
/// focus is in, the evidence panel, the reader, the collation (the pair
/// view has its own Esc: back to the overview). Listens in the capture
/// phase, so that closing a folded stretch stops the event before a view's
/// own Esc sees it.
fn esc_listener(dispatch: UseReducerDispatcher<Store>, st: &ViewState) -> EventListener {
    let reader = st.view == View::Articles && st.article.is_some();
    let cluster = st.view == View::Overlap && st.cluster.is_some() && st.pair.is_none();
    let opts = EventListenerOptions { phase: EventListenerPhase::Capture, passive: false };
    EventListener::new_with_options(&document(), "keydown", opts, move |e| {
        let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else { return };
        if e.key() != "Escape" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if clear_focused_search() {
            // The search text is the innermost thing: cleared (the same in
            // every browser), the rest stays open.
            e.prevent_default();
            e.stop_immediate_propagation();
            dispatch.dispatch(Action::Search(String::new()));
        } else if close_focused_details() || click("[data-testid=evidence] .close") {
            e.prevent_default();
            e.stop_immediate_propagation();
        } else if reader {
            dispatch.dispatch(Action::CloseReader);
        } else if cluster {
            dispatch.dispatch(Action::BackToOverview);
        }
    })
}

/// Empties the search box if it has the focus and holds text.
fn clear_focused_search() -> bool {
    let input = document().active_element().and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok());
    match input {
        Some(i) if i.id() == "search" && !i.value().is_empty() => {
            i.set_value("");
            true
        }
        _ => false,
    }
}

/// Closes the open `<details>` that holds the focus, focusing its summary.
fn close_focused_details() -> bool {
    let Some(el) = document().active_element() else { return false };
    let Ok(Some(d)) = el.closest("details[open]") else { return false };
    let _ = d.remove_attribute("open");
    if let Some(s) = d.query_selector("summary").ok().flatten().and_then(|s| s.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = s.focus();
    }
    true
}

/// Clicks the first element matching `selector`, if any.
fn click(selector: &str) -> bool {
    match document().query_selector(selector).ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            el.click();
            true
        }
        None => false,
    }
}
