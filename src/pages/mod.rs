//! Route targets: they read the data and the URL state and turn them into
//! props for the components.

pub mod articles;
pub mod overlap;
pub mod stances;

use yew::prelude::*;

use crate::query::{encode, ViewState};

/// Which of `len` articles are among `items` (out-of-range items ignored):
/// membership in one lookup instead of a scan of the list.
pub fn member_table(len: usize, items: impl IntoIterator<Item = usize>) -> Vec<bool> {
    let mut table = vec![false; len];
    for i in items {
        if let Some(x) = table.get_mut(i) {
            *x = true;
        }
    }
    table
}

/// A long list shown a page at a time: how many of `total` rows to draw
/// (`show=` in the link, at least one page), and the "Show more" bar when
/// some are left. `noun` names the rows ("readings").
pub fn paged(st: &ViewState, total: usize, page: usize, noun: &str, testid: &'static str) -> (usize, Html) {
    let shown = st.show.map_or(page, |n| (n as usize).max(page)).min(total);
    if shown >= total {
        return (shown, Html::default());
    }
    let next = (shown + page).min(total);
    let href = encode(&ViewState { show: Some(next as u32), ..st.clone() });
    let bar = html! {
        <p class="show-more" data-testid={testid}>
            { format!("Showing the first {shown} of {total} {noun}. ") }
            <a href={href}>{ format!("Show {} more", next - shown) }</a>
        </p>
    };
    (shown, bar)
}

/// At most `max` of `labels` (there are `total`), then "and N more
/// article(s)" for the rest.
pub fn first_named(labels: impl Iterator<Item = String>, total: usize, max: usize) -> Vec<String> {
    let mut out: Vec<String> = labels.take(max).collect();
    let rest = total.saturating_sub(max);
    if rest > 0 {
        out.push(format!("and {rest} more article{}", if rest == 1 { "" } else { "s" }));
    }
    out
}

/// Scrolls the element with id `id`, if there is one, to the middle of the viewport.
pub fn scroll_to_centre(id: &str) {
    if let Some(el) = gloo::utils::document().get_element_by_id(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        el.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}
