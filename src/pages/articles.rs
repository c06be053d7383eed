//! The Articles view: the filterable list and the reader.

use std::rc::Rc;

use parallax_engine::filter::{self, Query};
use parallax_engine::{Article, ParagraphKind};
use yew::prelude::*;

use crate::components::article_list::{ArticleList, RowData};
use crate::components::reader::{Block, BlockKind, Reader, ReaderData};
use crate::data::use_data;
use crate::query::{encode, ViewState};
use crate::url::use_url;

/// The articles selected by the URL's filters.
#[derive(PartialEq)]
pub struct Filtered {
    pub query: Query,
    pub indices: Vec<usize>,
}

#[derive(Properties, PartialEq)]
pub struct ArticlesPageProps {
    pub state: Rc<ViewState>,
    pub filtered: Rc<Filtered>,
}

fn hits(text: &str, q: &Query) -> Rc<[(usize, usize)]> {
    filter::highlight(text, q).into()
}

pub fn date_label(a: &Article) -> String {
    a.meta.date.clone().unwrap_or_else(|| "date unknown".into())
}

#[component]
pub fn ArticlesPage(props: &ArticlesPageProps) -> Html {
    let data = use_data();
    let url = use_url();
    let st = props.state.clone();
    let corpus = &data.corpus;

    let rows: Rc<[RowData]> = {
        let data = data.clone();
        let st = st.clone();
        let filtered = props.filtered.clone();
        use_memo((filtered, st.article.clone(), st.boilerplate), move |(f, open, bp)| {
            let corpus = &data.corpus;
            f.indices
                .iter()
                .map(|&i| {
                    let a = &corpus.articles[i];
                    let title = a.title().to_string();
                    let snippet = filter::snippet_sentence(a, &f.query)
                        .map(|s| a.slice(a.sentences[s].span).to_string())
                        .unwrap_or_default();
                    let href =
                        encode(&ViewState { article: Some(a.id().to_string()), boilerplate: *bp, ..(*st).clone() });
                    RowData {
                        id: a.id().to_string().into(),
                        href: href.into(),
                        title_hits: hits(&title, &f.query),
                        title: title.into(),
                        outlet: a.meta.outlet_or_unknown().to_string().into(),
                        date: date_label(a).into(),
                        words: a.word_count(),
                        snippet_hits: hits(&snippet, &f.query),
                        snippet: snippet.into(),
                        selected: open.as_deref() == Some(a.id()),
                    }
                })
                .collect::<Rc<[RowData]>>()
        })
        .as_ref()
        .clone()
    };

    let reader = st.article.as_deref().and_then(|id| corpus.article(id)).map(|a| {
        let data = reader_data(a, &props.filtered.query);
        let close_href = encode(&ViewState { article: None, ..(*st).clone() });
        let on_toggle = {
            let url = url.clone();
            let st = st.clone();
            Callback::from(move |_| url.replace(&encode(&ViewState { boilerplate: !st.boilerplate, ..(*st).clone() })))
        };
        html! { <Reader data={data} boilerplate={st.boilerplate} close_href={close_href} on_toggle={on_toggle} /> }
    });

    let empty = {
        let clear = encode(&ViewState { q: String::new(), ..(*st).clone() });
        html! {
            <>
                <p>{ format!("No article matches “{}”.", st.q) }</p>
                <p class="hint">
                    { "Every word must occur in an article (“enlarge” also finds “enlargement”); \"quoted phrases\" must occur as typed. " }
                    <a href={clear}>{ "Clear the search" }</a>
                </p>
            </>
        }
    };

    html! {
        <div class={classes!("articles-page", reader.is_some().then_some("with-reader"))}>
            <section class="list-pane" aria-label="Article list">
                <ArticleList rows={rows} empty={empty} />
            </section>
            if let Some(r) = reader {
                <section class="reader-pane" aria-label="Reader">{ r }</section>
            }
        </div>
    }
}

fn reader_data(a: &Article, q: &Query) -> ReaderData {
    // Kept paragraphs and removed lines, in text order.
    let mut blocks: Vec<(u32, Block)> = Vec::new();
    for p in &a.paragraphs {
        let kind = match p.kind {
            ParagraphKind::Title => continue,
            ParagraphKind::Heading => BlockKind::Heading,
            ParagraphKind::Body => BlockKind::Body,
        };
        let text = a.slice(p.span);
        blocks.push((p.span.start, Block { kind, hits: hits(text, q), text: text.to_string().into() }));
    }
    for r in &a.removed {
        blocks.push((
            r.span.start,
            Block {
                kind: BlockKind::Removed(r.reason.label()),
                text: a.slice(r.span).to_string().into(),
                hits: Rc::new([]),
            },
        ));
    }
    blocks.sort_by_key(|(s, _)| *s);
    let mut meta = vec![a.meta.outlet_or_unknown().to_string(), date_label(a)];
    if let Some(e) = &a.meta.event {
        meta.push(e.clone());
    }
    meta.push(format!("{} words", a.word_count()));
    let url = a
        .meta
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
        .map(|u| AttrValue::from(u.to_string()));
    ReaderData {
        id: a.id().to_string().into(),
        title: a.title().to_string().into(),
        meta: meta.into(),
        url,
        blocks: blocks.into_iter().map(|(_, b)| b).collect::<Vec<_>>().into(),
        removed_count: a.removed.len(),
    }
}
