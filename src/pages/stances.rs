//! The Stances view: the actor × issue matrix for the selected articles,
//! and the evidence behind the selected cell.

use std::rc::Rc;

use parallax_engine::stance::{self, Stance, StanceMatrix as StanceMatrixData};
use parallax_engine::{export, Article};
use yew::prelude::*;

use crate::components::stance_matrix::{stance_matrix, symbol, CellView, StanceMatrixProps};
use crate::components::text::labelled;
use crate::data::{use_data, Data};
use crate::pages::articles::{date_label, scope_note, Filtered};
use crate::pages::{first_named, member_table, paged};
use crate::query::{encode, View, ViewState};

#[derive(Properties, PartialEq)]
pub struct StancesPageProps {
    pub state: Rc<ViewState>,
    pub filtered: Rc<Filtered>,
}

/// Evidence sentences per page of a cell's panel.
const EVIDENCE_ROWS: usize = 50;
/// Articles named in "Carried by" and "Not carried by" (the rest are counted).
const ARTICLES_NAMED: usize = 30;

/// "The Australian", or the title for an article whose outlet is unknown.
pub fn source_label(a: &Article) -> String {
    match &a.meta.outlet {
        Some(o) => o.clone(),
        None => format!("unknown outlet — “{}”", a.title()),
    }
}

/// Offers `text` as a download named `name`.
fn download(name: &str, mime: &str, text: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else { return };
    let Ok(href) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    let doc = gloo::utils::document();
    if let Ok(a) = doc.create_element("a") {
        let _ = a.set_attribute("href", &href);
        let _ = a.set_attribute("download", name);
        if let Ok(a) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(a) {
            a.click();
        }
    }
    let _ = web_sys::Url::revoke_object_url(&href);
}

#[component]
pub fn StancesPage(props: &StancesPageProps) -> Html {
    let data = use_data();
    let st = props.state.clone();
    let matrix = {
        let data = data.clone();
        use_memo(props.filtered.clone(), move |f| data.stance_matrix(&f.indices))
    };

    if matrix.cells.is_empty() {
        return no_stances(&st, &props.filtered);
    }

    let (actors, issues, cells, selected) = matrix_cells(&data, &matrix, &st);
    let on_csv = {
        let (data, matrix) = (data.clone(), matrix.clone());
        Callback::from(move |_: MouseEvent| {
            let text = export::stances_csv(&data.corpus, &data.lexicon, &data.statements, &matrix);
            download("parallax-stances.csv", "text/csv;charset=utf-8", &text);
        })
    };
    let on_json = {
        let (data, matrix) = (data.clone(), matrix.clone());
        Callback::from(move |_: MouseEvent| download_json(&data, &matrix))
    };

    // The evidence panel.
    let evidence =
        st.cell.as_ref().map(|(actor, issue)| evidence_panel(&data, &st, &props.filtered, &matrix, actor, issue));

    html! {
        <div class={classes!("stances-page", evidence.is_some().then_some("with-evidence"))}>
            <section class="matrix-pane" aria-label="Stance matrix" id="results" tabindex="-1">
                { scope_note(&st, &props.filtered) }
                <div class="matrix-tools">
                    <p class="legend">
                        <span class="badge support">{ "▲ support" }</span>
                        <span class="badge oppose">{ "▼ oppose" }</span>
                        <span class="badge mixed">{ "◆ mixed" }</span>
                        <span class="muted">{ format!(" · numbers count evidence sentences in {} article(s)", props.filtered.indices.len()) }</span>
                    </p>
                    <div class="exports">
                        <button type="button" onclick={on_csv} data-testid="export-csv">{ "Export CSV" }</button>
                        <button type="button" onclick={on_json} data-testid="export-json">{ "Export JSON" }</button>
                    </div>
                </div>
                { stance_matrix(&StanceMatrixProps { actors, issues, cells, selected }) }
            </section>
            { evidence.unwrap_or_default() }
        </div>
    }
}

/// Why the matrix is empty, for the selection `f`.
fn no_stances(st: &ViewState, f: &Filtered) -> Html {
    let why = if f.indices.is_empty() {
        "No article is selected: clear the search or the filters to see stances.".to_string()
    } else if st.q.is_empty() && st.has_facets() {
        format!("No stance is stated in the {} article(s) the filters select.", f.indices.len())
    } else if st.q.is_empty() {
        "No sentence of this corpus attributes a position on a lexicon issue to a lexicon actor.".to_string()
    } else {
        format!("No stance is stated in the {} article(s) matching “{}”.", f.indices.len(), st.q)
    };
    html! { <div class="empty" data-testid="empty-state">{ scope_note(st, f) }<p>{ why }</p></div> }
}

/// The matrix's row and column names, its cells row-major, and the
/// position of the selected cell.
type MatrixView = (Rc<[AttrValue]>, Rc<[AttrValue]>, Rc<[Option<CellView>]>, Option<(usize, usize)>);

/// The matrix as the component shows it, each cell linking to its evidence.
fn matrix_cells(data: &Data, matrix: &StanceMatrixData, st: &ViewState) -> MatrixView {
    let lex = &data.lexicon;
    let actors: Rc<[AttrValue]> = matrix.actors.iter().map(|&a| AttrValue::from(lex.actors[a].name.clone())).collect();
    let issues: Rc<[AttrValue]> = matrix.issues.iter().map(|&i| AttrValue::from(lex.issues[i].name.clone())).collect();
    let mut selected = None;
    let mut cells = Vec::with_capacity(actors.len() * issues.len());
    for (r, &a) in matrix.actors.iter().enumerate() {
        for (c, &i) in matrix.issues.iter().enumerate() {
            let cell = matrix.cell(a, i);
            let names = (lex.actors[a].name.clone(), lex.issues[i].name.clone());
            if st.cell.as_ref() == Some(&names) {
                selected = Some((r, c));
            }
            cells.push(cell.map(|cell| CellView {
                stance: cell.stance,
                count: cell.evidence.len(),
                href: encode(&ViewState { cell: Some(names), view: View::Stances, ..st.clone() }).into(),
            }));
        }
    }
    (actors, issues, cells.into(), selected)
}

/// Offers the matrix as JSON, written as `JSON.stringify(v, null, 2)` and
/// serde_json's pretty form write it (`export::stances_json_text`).
fn download_json(data: &Data, matrix: &StanceMatrixData) {
    let cells = export::stances_json(&data.corpus, &data.lexicon, &data.statements, matrix);
    download("parallax-stances.json", "application/json", &export::stances_json_text(&cells));
}

/// The evidence panel of the cell of `actor_name` and `issue_name`.
fn evidence_panel(
    data: &Data,
    st: &ViewState,
    filtered: &Filtered,
    matrix: &StanceMatrixData,
    actor_name: &str,
    issue_name: &str,
) -> Html {
    let (corpus, lex) = (&data.corpus, &data.lexicon);
    let close = encode(&ViewState { cell: None, ..st.clone() });
    let found = lex
        .actors
        .iter()
        .position(|a| a.name == actor_name)
        .zip(lex.issues.iter().position(|i| i.name == issue_name))
        .and_then(|(a, i)| matrix.cell(a, i));
    let Some(cell) = found else {
        return html! {
            <aside class="evidence" data-testid="evidence">
                <a class="close" href={close} aria-label="Close the evidence">{ "×" }</a>
                <h2 id="evidence-title">{ format!("{actor_name} · {issue_name}") }</h2>
                <p class="empty-note">{ "No evidence in the selected articles: this actor takes no position on this issue in them." }</p>
            </aside>
        };
    };
    let carried: Vec<&Article> = cell.articles.iter().map(|&i| &corpus.articles[i]).collect();
    let carries = member_table(corpus.articles.len(), cell.articles.iter().copied());
    let not_carried: Vec<&Article> =
        filtered.indices.iter().filter(|&&i| !carries[i]).map(|&i| &corpus.articles[i]).collect();
    // Long lists of evidence grow a page at a time (`show=` in the link,
    // as the article list); long lists of articles name the first few.
    let (shown, more) = paged(st, cell.evidence.len(), EVIDENCE_ROWS, "sentences", "evidence-more");
    let stance = cell.stance;
    html! {
        <aside class="evidence" data-testid="evidence" aria-labelledby="evidence-title">
            <a class="close" href={close} aria-label="Close the evidence" title="Close">{ "×" }</a>
            <h2 id="evidence-title">
                <span class={classes!("badge", stance.label())}>{ format!("{} {}", symbol(stance), stance.label()) }</span>
                { format!(" {actor_name} · {issue_name}") }
            </h2>
            <p class="evidence-summary">
                { format!("{} sentence{} ({} for, {} against) in {} of {} selected article{}.",
                    cell.evidence.len(), if cell.evidence.len() == 1 { "" } else { "s" },
                    cell.support, cell.oppose, carried.len(), filtered.indices.len(),
                    if filtered.indices.len() == 1 { "" } else { "s" }) }
            </p>
            <ol class="evidence-list">
                { for cell.evidence.iter().take(shown).map(|e| evidence_item(data, st, e)) }
            </ol>
            { more }
            <div class="carriers">
                <h3>{ "Carried by" }</h3>
                <ul data-testid="carried-by">{ article_names(&carried) }</ul>
                <h3>{ "Not carried by" }</h3>
                if not_carried.is_empty() {
                    <p class="empty-note">{ "every selected article carries it." }</p>
                } else {
                    <ul data-testid="not-carried-by">{ article_names(&not_carried) }</ul>
                }
            </div>
        </aside>
    }
}

/// The first `ARTICLES_NAMED` articles' sources as list items, then the
/// count of the rest.
fn article_names(list: &[&Article]) -> Html {
    let named = first_named(list.iter().map(|a| source_label(a)), list.len(), ARTICLES_NAMED);
    // The last item past the named ones is the count of the rest.
    named
        .into_iter()
        .enumerate()
        .map(|(k, n)| html! { <li class={classes!((k >= ARTICLES_NAMED).then_some("muted"))}>{ n }</li> })
        .collect()
}

/// One evidence sentence, its actor, cue and issue marked, with a link to
/// it in the reader.
fn evidence_item(data: &Data, st: &ViewState, e: &stance::Evidence) -> Html {
    let a = &data.corpus.articles[e.article];
    let s = &data.statements[e.statement];
    let base = e.span.start as usize;
    let rel = |sp: parallax_engine::Span, class: &'static str| {
        (sp.start as usize).checked_sub(base).map(|x| (x, x + sp.len(), class))
    };
    let ranges: Vec<_> = [rel(s.actor_span, "actor"), rel(s.cue, "cue"), rel(s.issue_span, "issue-phrase")]
        .into_iter()
        .flatten()
        .collect();
    let reader = encode(&ViewState {
        view: View::Articles,
        article: Some(a.id().to_string()),
        sentence: Some(e.sentence as u32),
        cell: None,
        ..st.clone()
    });
    let pol = match e.polarity {
        stance::Polarity::Support => Stance::Support,
        stance::Polarity::Oppose => Stance::Oppose,
    };
    html! {
        <li data-testid="evidence-item" data-article-id={a.id().to_string()}>
            <blockquote>{ labelled(a.slice(e.span), &ranges) }</blockquote>
            <p class="evidence-meta">
                <span class={classes!("badge", "small", pol.label())}>{ format!("{} {}", symbol(pol), pol.label()) }</span>
                { " " }{ source_label(a) }{ " · " }{ date_label(a) }{ " · " }
                <a href={reader}>{ "read in context" }</a>
            </p>
        </li>
    }
}
