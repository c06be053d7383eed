use std::rc::Rc;

use yew::prelude::*;

/// One view's tab.
#[derive(Clone, PartialEq)]
pub struct Tab {
    /// "Articles"
    pub label: &'static str,
    /// The fragment of this view.
    pub href: AttrValue,
    /// Is it the view shown?
    pub current: bool,
}

#[derive(Properties, PartialEq)]
pub struct TopBarProps {
    /// "Putin–Xi summits · 5 articles · 2 events"
    pub summary: AttrValue,
    /// The search text.
    pub q: AttrValue,
    /// The fragment without the search.
    pub clear_q: AttrValue,
    pub shown: usize,
    pub total: usize,
    pub on_search: Callback<String>,
    pub on_copy: Callback<()>,
    pub copied: bool,
    /// The search index's build progress (per cent) while it runs.
    #[prop_or_default]
    pub indexing: Option<u8>,
    /// The views' tabs.
    pub tabs: Rc<[Tab]>,
    /// Active facet values as removable chips: (label, fragment without it).
    pub chips: Rc<[(AttrValue, AttrValue)]>,
}

pub fn top_bar(props: &TopBarProps) -> Html {
    let oninput = props.on_search.reform(|e: InputEvent| {
        let input: web_sys::HtmlInputElement = e.target_unchecked_into();
        input.value()
    });
    let on_copy = props.on_copy.reform(|_: MouseEvent| ());
    html! {
        <header class="topbar">
            <div class="brand">
                <a class="logo" href="#/">{ "Parallax" }</a>
                <span class="summary" data-testid="corpus-summary">{ props.summary.clone() }</span>
            </div>
            <div class="searchbox" role="search">
                <label for="search" class="visually-hidden">{ "Search the articles" }</label>
                <input id="search" type="search" data-testid="search" autocomplete="off" spellcheck="false"
                    placeholder="Search  ( / )" value={props.q.clone()} {oninput} />
                if let Some(p) = props.indexing {
                    <span class="indexing" data-testid="search-progress" role="status">
                        <progress max="100" value={p.to_string()} aria-label="Preparing the search"></progress>
                        { format!(" Preparing search… {p}%") }
                    </span>
                }
            </div>
            <div class="status">
                if !props.q.is_empty() {
                    { chip(format!("“{}”", props.q).into(), props.clear_q.clone(), "chip-q") }
                }
                { for props.chips.iter().map(|(label, href)| chip(label.clone(), href.clone(), "chip")) }
                <span class="count" data-testid="result-count" aria-live="polite">
                    { format!("{} of {} articles", props.shown, props.total) }
                </span>
            </div>
            <button type="button" class="copy" data-testid="copy-link" onclick={on_copy}>
                { if props.copied { "Link copied ✓" } else { "Copy link" } }
            </button>
            if props.tabs.len() > 1 {
                <nav class="tabs" aria-label="Views">
                    { for props.tabs.iter().map(|t| html! {
                        <a href={t.href.clone()} aria-current={t.current.then_some("page")} data-testid={format!("tab-{}", t.label.to_lowercase())}>
                            { t.label }
                        </a>
                    }) }
                </nav>
            }
        </header>
    }
}

/// A removable filter: its label (cut with an ellipsis when long, the ×
/// always shown) and the link without it.
fn chip(label: AttrValue, href: AttrValue, testid: &'static str) -> Html {
    html! {
        <a class="chip" href={href} data-testid={testid} title={format!("Remove this filter: {label}")}>
            <span class="chip-label">{ label }</span><span class="chip-x" aria-hidden="true">{ "×" }</span>
            <span class="visually-hidden">{ " (remove)" }</span>
        </a>
    }
}
