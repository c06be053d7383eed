//! Two passages side by side with their word-level alignment. Changed
//! words are highlighted *and* underlined on both sides; words only on
//! one side are bold with a double underline on that side — never colour
//! alone.

use parallax_engine::passages::{AlignKind, AlignOp};
use yew::prelude::*;

use crate::components::text::fixed;

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

/// The collation's legend: what copied and reworded readings mark.
pub fn collation_legend() -> Html {
    fixed(concat!(
        r#"<p class="diff-legend" data-testid="collation-legend">Copied readings mark their differences from the base: <span class="d-chg">worded differently</span> · "#,
        r#"<span class="d-only">only on one side</span>. Reworded readings mark what they share with the base: <span class="m-same">the same word</span> · "#,
        r#"<span class="m-concept">the same concept in other words</span>; the rest is plain.</p>"#,
    ))
}

/// A marked word of the pair view: its bytes in the article, its class,
/// its match key (`data-m`, shared with its partner) and what it means.
pub struct Mark {
    /// The word's bytes in the article's text.
    pub span: parallax_engine::Span,
    /// `d-chg`, `d-only`, `m-same` or `m-concept`.
    pub class: &'static str,
    /// Shared with the partner on the other side, if any.
    pub key: Option<AttrValue>,
    /// What the mark means, for the tooltip and screen readers.
    pub title: AttrValue,
    /// Highlighted as the partner of the word under the pointer or focus.
    pub hot: bool,
}

/// Renders `text`, which starts at byte `base` of its article, with the
/// `marks` inside it (in order); matched words take focus if `focusable`.
pub fn marked(text: &str, base: u32, marks: &[Mark], focusable: bool) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0usize;
    for m in marks {
        let (s, e) = (m.span.start.saturating_sub(base) as usize, m.span.end.saturating_sub(base) as usize);
        if m.span.start < base || s < at || e > text.len() || !text.is_char_boundary(s) || !text.is_char_boundary(e) {
            continue;
        }
        parts.push(html! { { &text[at..s] } });
        let tab = (focusable && m.key.is_some()).then_some("0");
        parts.push(html! {
            <span class={classes!(m.class, m.hot.then_some("hot"))} data-m={m.key.clone()} title={m.title.clone()} tabindex={tab}>{ &text[s..e] }</span>
        });
        at = e;
    }
    parts.push(html! { { &text[at..] } });
    parts.into_iter().collect::<Html>()
}

/// The pair view's legend: what the marks mean for each kind of row, and
/// what its numbers measure.
pub fn pair_legend() -> Html {
    fixed(concat!(
        r#"<div class="diff-legend" data-testid="pair-legend"><p>Copied rows (most words the same, in order) mark the differences: "#,
        r#"<span class="d-chg">worded differently</span> · <span class="d-only">only on one side</span>. "#,
        r#"Reworded rows (the same content in other words) mark what both share: "#,
        r#"<span class="m-same">the same word</span> · <span class="m-concept">the same concept in other words</span> "#,
        r#"(a synonym or another name: enlargement ↔ expansion); point at or focus one to see its partner.</p>"#,
        r#"<p>Similarity: how much of the two sides' distinctive words match (0 to 1). Same words: the share of words "#,
        r#"equal, in order, on both sides (copied from 60 %). Passage k of n: its place among the pair's shared passages, in A's order.</p></div>"#,
    ))
}
