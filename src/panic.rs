//! A panic must not leave a blank page.
//!
//! The hook logs the panic and draws an error panel with plain DOM calls
//! (text only, never HTML), including the current link so the view is not
//! lost: the reader can reload it or send it on.

use gloo::utils::{document, window};

pub const PANEL_ID: &str = "parallax-error";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        gloo::console::error!(format!("Parallax panicked: {msg}"));
        show_error_panel("Parallax hit an internal error and stopped.", &msg);
    }));
}

/// Shows the error panel (once). Safe to call from anywhere.
pub fn show_error_panel(headline: &str, detail: &str) {
    let doc = document();
    if doc.get_element_by_id(PANEL_ID).is_some() {
        return;
    }
    let href = window().location().href().unwrap_or_default();
    let Ok(panel) = doc.create_element("div") else { return };
    panel.set_id(PANEL_ID);
    let _ = panel.set_attribute("role", "alert");
    let _ = panel.set_attribute("data-testid", "error-panel");
    let _ = panel.set_attribute("class", "error-panel");
    let add = |tag: &str, text: &str| {
        if let Ok(el) = doc.create_element(tag) {
            el.set_text_content(Some(text));
            let _ = panel.append_child(&el);
            Some(el)
        } else {
            None
        }
    };
    add("h2", headline);
    add("p", "Your view is kept in this link — reload it, or send it to someone:");
    if let Some(a) = add("a", &href) {
        let _ = a.set_attribute("href", &href);
    }
    add("pre", detail);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&panel);
    }
}
