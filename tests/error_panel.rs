//! The panic hook's error panel: text only, with the current link.
#![cfg(target_arch = "wasm32")]

use gloo::utils::{document, window};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_error_panel_shows_the_message_and_keeps_the_link() {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#/stances?actor=Russia"))
        .unwrap();
    let detail = "<img src=x onerror=alert(1)> index out of bounds";
    parallax::panic::show_error_panel("Parallax hit an internal error and stopped.", detail);
    let panel = document().query_selector("[data-testid=error-panel]").unwrap().expect("panel shown");
    let text = panel.text_content().unwrap();
    assert!(text.contains("internal error"), "{text}");
    assert!(text.contains(detail), "the detail is shown as text: {text}");
    assert!(panel.query_selector("img").unwrap().is_none(), "never parsed as HTML");
    let link = panel.query_selector("a").unwrap().expect("a link to the current view");
    let href = link.get_attribute("href").unwrap();
    assert!(href.ends_with("#/stances?actor=Russia"), "{href}");
    assert_eq!(href, window().location().href().unwrap(), "the link is the current URL");
    assert_eq!(link.text_content().unwrap(), href, "and shows it, to copy");
    // A link that reloads the page: same document path and view, a new
    // query (so the browser loads it afresh rather than scrolling).
    let reload = panel.query_selector("[data-testid=error-reload]").unwrap().expect("a reload link");
    let r = reload.get_attribute("href").unwrap();
    let page = window().location();
    let doc_url = format!("{}{}?", page.origin().unwrap(), page.pathname().unwrap());
    assert!(r.starts_with(&doc_url), "{r}");
    assert!(r.ends_with("reload=1#/stances?actor=Russia"), "{r}");
    assert!(reload.text_content().unwrap().contains("Reload"));
    // Shown once, however many panics follow.
    parallax::panic::show_error_panel("again", "again");
    assert_eq!(document().query_selector_all("[data-testid=error-panel]").unwrap().length(), 1);
    panel.remove();
}
