//! Text with highlighted ranges. Corpus and URL text is only ever rendered
//! as text nodes, never as HTML.

use yew::prelude::*;

/// Fixed markup written in the source (legends, help): one string
/// rather than a tree of elements built by code, which costs the wasm
/// several times its length. Never pass it text from the corpus or the URL.
#[allow(clippy::disallowed_methods)] // Markup from the source, never from text: tests/no_html_from_text.rs.
pub fn fixed(markup: &'static str) -> Html {
    Html::from_html_unchecked(AttrValue::Static(markup))
}

/// `text` with the byte ranges in `ranges` (sorted, disjoint) wrapped in
/// `<mark>`. Ranges that are out of bounds or off char boundaries are
/// skipped, never panicked on.
pub fn marked(text: &str, ranges: &[(usize, usize)]) -> Html {
    wrap(text, ranges.iter().map(|&(a, b)| (a, b, None)))
}

/// `text` with labelled ranges: each `(start, end, class)` becomes a
/// `<mark class=…>`. Overlapping or invalid ranges are skipped.
pub fn labelled(text: &str, ranges: &[(usize, usize, &'static str)]) -> Html {
    let mut sorted: Vec<_> = ranges.to_vec();
    parallax_engine::sort::ord(&mut sorted);
    wrap(text, sorted.into_iter().map(|(a, b, c)| (a, b, Some(c))))
}

fn wrap(text: &str, ranges: impl Iterator<Item = (usize, usize, Option<&'static str>)>) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0;
    for (a, b, class) in ranges {
        if a < at || b > text.len() || a >= b || !text.is_char_boundary(a) || !text.is_char_boundary(b) {
            continue;
        }
        if a > at {
            parts.push(html! { { &text[at..a] } });
        }
        parts.push(html! { <mark class={class}>{ &text[a..b] }</mark> });
        at = b;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    parts.into_iter().collect::<Html>()
}
