//! A panic must not leave a blank page.
//!
//! The hook logs the panic and draws an error panel with plain DOM calls
//! (text only, never HTML), including the current link so the view is not
//! lost: the reader can reload it or send it on.
//!
//! The reload link works without the (possibly broken) wasm instance: it is
//! a plain link to the same page with a `reload=N` query parameter, which
//! makes the browser load the document again (a link differing only in its
//! fragment would not), while the fragment, which holds the view, is kept.
//! The app reads only the fragment, so the parameter changes nothing else.

use gloo::utils::{document, window};

pub const PANEL_ID: &str = "parallax-error";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        let msg = info.to_string();
        let href = window().location().href().unwrap_or_default();
        gloo::console::error!(format!("Parallax panicked at {href}: {msg}"));
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
        let _ = a.set_attribute("data-testid", "error-link");
    }
    if let Some(p) = add("p", "") {
        if let Ok(a) = doc.create_element("a") {
            a.set_text_content(Some("Reload this view"));
            let _ = a.set_attribute("href", &reload_href(&href));
            let _ = a.set_attribute("data-testid", "error-reload");
            let _ = p.append_child(&a);
        }
    }
    add("pre", detail);
    if let Some(body) = doc.body() {
        let _ = body.append_child(&panel);
    }
}

/// The same page and view, as a link the browser loads afresh: the query
/// gets `reload=N` (N one more than the current one), the fragment is kept.
pub fn reload_href(href: &str) -> String {
    let (rest, fragment) = match href.find('#') {
        Some(i) => href.split_at(i),
        None => (href, ""),
    };
    let (base, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut n = 0u64;
    let mut params: Vec<&str> = Vec::new();
    for p in query.split('&').filter(|p| !p.is_empty()) {
        match p.strip_prefix("reload=") {
            Some(v) => n = v.parse().unwrap_or(0),
            None => params.push(p),
        }
    }
    let reload = format!("reload={}", n.saturating_add(1));
    params.push(&reload);
    format!("{base}?{}{fragment}", params.join("&"))
}

#[cfg(test)]
mod tests {
    use super::reload_href;

    #[test]
    fn the_reload_link_keeps_the_view_and_changes_the_document() {
        assert_eq!(
            reload_href("http://h/sub/dir/#/stances?actor=Russia"),
            "http://h/sub/dir/?reload=1#/stances?actor=Russia"
        );
        assert_eq!(reload_href("http://h/?reload=1#/x?q=a#b"), "http://h/?reload=2#/x?q=a#b");
        assert_eq!(reload_href("http://h/?a=b&reload=x"), "http://h/?a=b&reload=1");
        assert_eq!(reload_href("file:///p/index.html"), "file:///p/index.html?reload=1");
    }
}
