//! Keyboard movement in a grid of cells (roving tabindex): one tab stop,
//! the arrow keys, Home and End move the focus; the cells themselves open
//! on Enter (links).

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The id of the focusable element of cell (`r`, `c`) of the grid `prefix`.
pub fn cell_id(prefix: &str, r: usize, c: usize) -> String {
    format!("{prefix}-{r}-{c}")
}

/// The grid's `onkeydown`: moves the focus among `rows × cols` cells whose
/// focusable elements carry `data-r`, `data-c` and [`cell_id`]s.
pub fn grid_keys(prefix: &'static str, rows: usize, cols: usize) -> Callback<KeyboardEvent> {
    Callback::from(move |e: KeyboardEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let (Some(r), Some(c)) = (el.get_attribute("data-r"), el.get_attribute("data-c")) else { return };
        let (Ok(r), Ok(c)) = (r.parse::<usize>(), c.parse::<usize>()) else { return };
        let (nr, nc) = match e.key().as_str() {
            "ArrowUp" => (r.saturating_sub(1), c),
            "ArrowDown" => ((r + 1).min(rows.saturating_sub(1)), c),
            "ArrowLeft" => (r, c.saturating_sub(1)),
            "ArrowRight" => (r, (c + 1).min(cols.saturating_sub(1))),
            "Home" => (r, 0),
            "End" => (r, cols.saturating_sub(1)),
            _ => return,
        };
        e.prevent_default();
        if let Some(next) = gloo::utils::document()
            .get_element_by_id(&cell_id(prefix, nr, nc))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            // The tab stop moves with the focus, so that Tab leaves the grid and comes back here.
            if let Some(grid) = el.closest("table").ok().flatten() {
                if let Ok(Some(old)) = grid.query_selector("[data-r][tabindex='0']") {
                    let _ = old.set_attribute("tabindex", "-1");
                }
            }
            let _ = next.set_attribute("tabindex", "0");
            let _ = next.focus();
        }
    })
}
