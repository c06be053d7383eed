//! The location fragment as reactive state.
//!
//! A small hash router of our own rather than yew-router's `HashRouter`:
//! gloo-history's `HashHistory::location()` throws a JS exception when the
//! fragment does not start with `/` (e.g. a hand-edited `#foo`), which
//! would blank the page. Here any fragment is accepted and handed to
//! [`crate::query::decode`], which is total.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::utils::window;
use wasm_bindgen::JsValue;
use yew::prelude::*;

/// The current fragment and a way to change it.
#[derive(Clone)]
pub struct Url {
    pub fragment: Rc<str>,
    set: UseStateSetter<Rc<str>>,
}

impl PartialEq for Url {
    fn eq(&self, other: &Url) -> bool {
        self.fragment == other.fragment
    }
}

impl Url {
    /// A new history entry (opening an article, switching views).
    pub fn push(&self, fragment: &str) {
        write_fragment(fragment, true);
        self.set.set(fragment.into());
    }
    /// Change the current entry (typing a search, toggles).
    pub fn replace(&self, fragment: &str) {
        write_fragment(fragment, false);
        self.set.set(fragment.into());
    }
}

/// The fragment of the current location, `#` included ("" if none).
pub fn current_fragment() -> Rc<str> {
    window().location().hash().unwrap_or_default().into()
}

fn write_fragment(fragment: &str, push: bool) {
    if current_fragment().as_ref() == fragment {
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

#[derive(Properties, PartialEq)]
pub struct UrlProviderProps {
    pub children: Html,
}

#[component]
pub fn UrlProvider(props: &UrlProviderProps) -> Html {
    let fragment = use_state(current_fragment);
    {
        let setter = fragment.setter();
        use_effect_with((), move |_| {
            let s = setter.clone();
            let on_hash = EventListener::new(&window(), "hashchange", move |_| s.set(current_fragment()));
            let on_pop = EventListener::new(&window(), "popstate", move |_| setter.set(current_fragment()));
            move || drop((on_hash, on_pop))
        });
    }
    let ctx = Url { fragment: (*fragment).clone(), set: fragment.setter() };
    html! {
        <ContextProvider<Url> context={ctx}>{ props.children.clone() }</ContextProvider<Url>>
    }
}

#[hook]
pub fn use_url() -> Url {
    // <UrlProvider> wraps everything that calls this (see app.rs).
    use_context::<Url>().expect("use_url is called under <UrlProvider>")
}
