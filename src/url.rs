//! The location fragment as reactive state.
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
        flush();
        write_fragment(fragment, true);
        self.set_now(fragment.into());
    }
    /// Change the current entry (typing a search, toggles). The view
    /// changes at once; the address bar follows [`REPLACE_DELAY_MS`] after
    /// the last change (see [`flush`]).
    pub fn replace(&self, fragment: &str) {
        self.set_now(fragment.into());
        let timer = Timeout::new(REPLACE_DELAY_MS, || {
            if let Some((fragment, timer)) = PENDING.with(|p| p.borrow_mut().take()) {
                // This callback is the timer's own: let it end on its own.
                timer.forget();
                write_fragment(&fragment, false);
            }
        });
        // Replaces (and so cancels) the write still waiting, if any.
        PENDING.with(|p| *p.borrow_mut() = Some((fragment.to_string(), timer)));
    }
    fn set_now(&self, fragment: Rc<str>) {
        LATEST.with(|l| *l.borrow_mut() = Some(fragment.clone()));
        self.set.set(fragment);
    }
    /// Is this the newest view? False between a change (a keystroke) and
    /// the render that shows it: a handler holding this `Url` then holds
    /// an outdated view and must not write it back.
    pub fn is_latest(&self) -> bool {
        LATEST.with(|l| l.borrow().as_ref().is_none_or(|f| *f == self.fragment))
    }
}

/// How long the address bar lags behind a replaced view. Writing the
/// history on every keystroke costs several milliseconds each in Chromium
/// (a third of a keystroke's work at 1,000 articles), and browsers throttle
/// pages that call `replaceState` hundreds of times.
pub const REPLACE_DELAY_MS: u32 = 200;

thread_local! {
    /// The view most recently set (see [`Url::is_latest`]).
    static LATEST: RefCell<Option<Rc<str>>> = const { RefCell::new(None) };
    /// The fragment [`Url::replace`] has yet to write, and its timer.
    static PENDING: RefCell<Option<(String, Timeout)>> = const { RefCell::new(None) };
}

/// Writes a pending replacement now: before anything reads the location
/// (copying the link), pushes a new entry after it, or leaves the page.
pub fn flush() {
    if let Some((fragment, _timer)) = PENDING.with(|p| p.borrow_mut().take()) {
        write_fragment(&fragment, false);
    }
}

/// Forgets a pending replacement: the user navigated (back, forward, a
/// typed fragment), and the entry it was meant for is no longer current.
fn cancel() {
    drop(PENDING.with(|p| p.borrow_mut().take()));
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
            let now = || {
                cancel();
                let f = current_fragment();
                LATEST.with(|l| *l.borrow_mut() = Some(f.clone()));
                f
            };
            let on_hash = EventListener::new(&window(), "hashchange", move |_| s.set(now()));
            let on_pop = EventListener::new(&window(), "popstate", move |_| setter.set(now()));
            let on_hide = EventListener::new(&window(), "pagehide", |_| flush());
            move || drop((on_hash, on_pop, on_hide))
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
