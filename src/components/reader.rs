use std::rc::Rc;

use yew::prelude::*;

use crate::components::text::{fixed, marked};

#[derive(Clone, PartialEq)]
pub enum BlockKind {
    Heading,
    Body,
    /// Removed boilerplate, with the reason.
    Removed(&'static str),
}

#[derive(Clone, PartialEq)]
pub struct Block {
    pub kind: BlockKind,
    pub text: AttrValue,
    pub hits: Rc<[(usize, usize)]>,
    /// The sentence the URL points at, as a byte range of `text`.
    pub focus: Option<(usize, usize)>,
    /// Sentences of a body paragraph shared with other articles: byte
    /// range of `text`, link to the pair view, colour class, tooltip.
    pub shared: Rc<[SharedRange]>,
}

#[derive(Clone, PartialEq)]
pub struct SharedRange {
    pub start: usize,
    pub end: usize,
    pub href: AttrValue,
    pub class: &'static str,
    pub title: AttrValue,
    /// The collation of every version, when the passage is in a cluster.
    pub versions: Option<AttrValue>,
}

fn ok_range(text: &str, a: usize, z: usize) -> bool {
    a <= z && z <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(z)
}

/// Paragraph text `[from, to)` with hits and the focus sentence.
fn with_focus(b: &Block, from: usize, to: usize) -> Html {
    let part = |x: usize, y: usize| {
        let hits: Vec<(usize, usize)> =
            b.hits.iter().filter(|&&(h0, h1)| h0 >= x && h1 <= y).map(|&(h0, h1)| (h0 - x, h1 - x)).collect();
        marked(&b.text[x..y], &hits)
    };
    match b.focus {
        Some((fa, fb)) if fa >= from && fb <= to && ok_range(&b.text, fa, fb) => html! {
            <>
                { part(from, fa) }
                <span class="focus" id="focus-sentence" data-testid="focus-sentence" tabindex="-1">{ part(fa, fb) }</span>
                { part(fb, to) }
            </>
        },
        _ => part(from, to),
    }
}

/// A paragraph: shared sentences as links, search hits, the focused
/// sentence.
fn body(b: &Block) -> Html {
    let mut parts: Vec<Html> = Vec::new();
    let mut at = 0;
    for (k, r) in b.shared.iter().enumerate() {
        if r.start < at || !ok_range(&b.text, r.start, r.end) {
            continue;
        }
        parts.push(with_focus(b, at, r.start));
        parts.push(html! {
            <a class={classes!("shared", r.class)} href={r.href.clone()} title={r.title.clone()} data-testid="shared-link">
                { with_focus(b, r.start, r.end) }
            </a>
        });
        // After the passage's last sentence in this paragraph: all its versions.
        if let Some(v) =
            r.versions.as_ref().filter(|&v| b.shared.get(k + 1).and_then(|n| n.versions.as_ref()) != Some(v))
        {
            parts.push(html! {
                <>{ " " }<a class="versions" href={v.clone()} data-testid="all-versions" title="Every article's version of this passage, side by side">{ "all versions" }</a></>
            });
        }
        at = r.end;
    }
    parts.push(with_focus(b, at, b.text.len()));
    parts.into_iter().collect::<Html>()
}

#[derive(Clone, PartialEq)]
pub struct ReaderData {
    pub id: AttrValue,
    pub title: AttrValue,
    pub meta: Rc<[String]>,
    /// Only http(s) addresses; anything else is shown as text.
    pub url: Option<AttrValue>,
    pub blocks: Rc<[Block]>,
    pub removed_count: usize,
}

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub data: ReaderData,
    pub boilerplate: bool,
    pub close_href: AttrValue,
    pub on_toggle: Callback<()>,
}

pub fn reader(props: &ReaderProps) -> Html {
    let d = &props.data;
    let toggle = props.on_toggle.reform(|_: MouseEvent| ());
    let label = if props.boilerplate {
        format!("Hide removed boilerplate ({})", d.removed_count)
    } else {
        format!("Show removed boilerplate ({})", d.removed_count)
    };
    html! {
        <article class="reader" data-testid="reader" aria-labelledby="reader-title" data-article-id={d.id.clone()}>
            <header class="reader-head">
                <a class="close" href={props.close_href.clone()} aria-label="Close the reader" title="Close (Esc)">{ "×" }</a>
                <h2 id="reader-title" data-testid="reader-title">{ d.title.clone() }</h2>
                <p class="reader-meta">
                    { for d.meta.iter().enumerate().map(|(i, m)| html! {
                        <>{ if i > 0 { " · " } else { "" } }<span>{ m }</span></>
                    }) }
                    if let Some(u) = &d.url {
                        { " · " }<a href={u.clone()} rel="noopener noreferrer nofollow" target="_blank">{ "source" }</a>
                    }
                </p>
                if d.removed_count > 0 {
                    <button type="button" class="toggle" data-testid="boilerplate-toggle"
                        aria-pressed={if props.boilerplate { "true" } else { "false" }} onclick={toggle}>
                        { label }
                    </button>
                }
            </header>
            if d.blocks.iter().any(|b| !b.shared.is_empty()) { { legend() } }
            <div class="reader-body">
                { for d.blocks.iter().filter(|b| props.boilerplate || !matches!(b.kind, BlockKind::Removed(_))).map(|b| match b.kind {
                    BlockKind::Heading => html! { <h3>{ marked(&b.text, &b.hits) }</h3> },
                    BlockKind::Body => html! { <p>{ body(b) }</p> },
                    BlockKind::Removed(reason) => html! {
                        <p class="removed" data-testid="removed">
                            <span class="removed-label">{ format!("removed · {reason}") }</span>
                            <span class="removed-text">{ b.text.clone() }</span>
                        </p>
                    },
                }) }
            </div>
        </article>
    }
}

/// What the reader's underlines mean.
fn legend() -> Html {
    fixed(concat!(
        r#"<p class="reader-legend" data-testid="reader-legend">Underlined sentences are shared with other articles; select one to compare. "#,
        r#"<span class="shared c1" data-testid="legend-cluster">Solid, in colour</span>: a passage carried by three or more articles "#,
        r#"(one colour per passage; “all versions” lists them). <span class="shared pair-only" data-testid="legend-pair">Dashed</span>: "#,
        r#"shared with one other article.</p>"#,
    ))
}
