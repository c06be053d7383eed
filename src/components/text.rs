//! Text with highlighted ranges. Corpus and URL text is only ever rendered
//! as text nodes, never as HTML.

use yew::prelude::*;

/// `text` with the byte ranges in `ranges` (sorted, disjoint) wrapped in
/// `<mark>`. Ranges that are out of bounds or off char boundaries are
/// skipped, never panicked on.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    let mut parts: Vec<Html> = Vec::with_capacity(ranges.len() * 2 + 1);
    let mut at = 0;
    for &(a, b) in ranges {
        if a < at || b > text.len() || a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        if a > at {
            parts.push(html! { { &text[at..a] } });
        }
        parts.push(html! { <mark>{ &text[a..b] }</mark> });
        at = b;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    parts.into_iter().collect::<Html>()
}
