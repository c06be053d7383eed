use std::rc::Rc;

use yew::prelude::*;

use crate::components::text::marked;

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

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
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
            <div class="reader-body">
                { for d.blocks.iter().filter(|b| props.boilerplate || !matches!(b.kind, BlockKind::Removed(_))).map(|b| match b.kind {
                    BlockKind::Heading => html! { <h3>{ marked(&b.text, &b.hits) }</h3> },
                    BlockKind::Body => html! { <p>{ marked(&b.text, &b.hits) }</p> },
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
