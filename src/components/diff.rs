//! Two passages side by side with their word-level alignment. Changed
//! words are highlighted *and* underlined on both sides; words only on
//! one side are bold with a double underline on that side — never colour
//! alone.

use parallax_engine::passages::{AlignKind, AlignOp};
use yew::prelude::*;

fn class_for(kind: AlignKind, side_a: bool) -> Option<&'static str> {
    match (kind, side_a) {
        (AlignKind::Equal, _) => None,
        (AlignKind::Changed, _) => Some("d-chg"),
        (AlignKind::OnlyA, true) | (AlignKind::OnlyB, false) => Some("d-only"),
        _ => None,
    }
}

fn title_for(kind: AlignKind) -> &'static str {
    match kind {
        AlignKind::Changed => "worded differently on the other side",
        _ => "only on this side",
    }
}

/// Renders one side of an alignment.
pub fn side(text: &str, ops: &[AlignOp], side_a: bool) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0usize;
    for op in ops {
        let span = if side_a { op.a } else { op.b };
        let (s, e) = (span.start as usize, span.end as usize);
        if s < at || e > text.len() || s > e || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        if s > at {
            parts.push(html! { { &text[at..s] } });
        }
        if e > s {
            match class_for(op.kind, side_a) {
                Some(c) => parts.push(html! { <span class={c} title={title_for(op.kind)}>{ &text[s..e] }</span> }),
                None => parts.push(html! { { &text[s..e] } }),
            }
        }
        at = e;
    }
    if at < text.len() {
        parts.push(html! { { &text[at..] } });
    }
    parts.into_iter().collect::<Html>()
}

/// The legend shown above aligned passages.
pub fn legend() -> Html {
    html! {
        <p class="diff-legend">
            { "Same words plain · " }<span class="d-chg">{ "worded differently" }</span>
            { " · " }<span class="d-only">{ "only on one side" }</span>
        </p>
    }
}
