use std::rc::Rc;

use yew::prelude::*;

use crate::components::text::marked;

/// One row of the list, ready to render.
#[derive(Clone, PartialEq)]
pub struct RowData {
    pub id: AttrValue,
    pub href: AttrValue,
    pub title: AttrValue,
    pub title_hits: Rc<[(usize, usize)]>,
    pub outlet: AttrValue,
    pub date: AttrValue,
    pub words: usize,
    /// Per cent of its words in passages shared with other articles.
    pub shared: u32,
    pub snippet: AttrValue,
    pub snippet_hits: Rc<[(usize, usize)]>,
    pub selected: bool,
}

#[derive(Properties, PartialEq)]
pub struct ArticleListProps {
    pub rows: Rc<[RowData]>,
    /// Shown when `rows` is empty.
    pub empty: Html,
}

pub fn article_list(props: &ArticleListProps) -> Html {
    if props.rows.is_empty() {
        return html! { <div class="empty" data-testid="empty-state">{ props.empty.clone() }</div> };
    }
    html! {
        <ol class="article-list" data-testid="article-list" aria-label="Articles">
            { for props.rows.iter().map(article_row) }
        </ol>
    }
}

/// One row, keyed by its article.
fn article_row(r: &RowData) -> Html {
    html! {
        <li key={r.id.as_str()} class={classes!("row", r.selected.then_some("selected"))} data-testid="article-row" data-article-id={r.id.clone()}>
            <a class="row-link" href={r.href.clone()} aria-current={r.selected.then_some("true")}>
                <span class="row-title">{ marked(&r.title, &r.title_hits) }</span>
            </a>
            <div class="row-meta">
                <span class="outlet">{ r.outlet.clone() }</span>
                { " · " }<time>{ r.date.clone() }</time>
                { " · " }{ format!("{} words", r.words) }
                { " · " }
                <span class="row-shared" title="Share of its words in passages other articles also carry" data-testid="row-shared">
                    <span class={classes!("bar", format!("b{}", r.shared.min(100).div_ceil(10)))} aria-hidden="true"><span></span></span>
                    { format!("{}% shared", r.shared) }<span class="visually-hidden">{ ": of its words, in passages other articles also carry" }</span>
                </span>
            </div>
            <p class="row-snippet">{ marked(&r.snippet, &r.snippet_hits) }</p>
        </li>
    }
}
