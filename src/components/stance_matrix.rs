//! The actor × issue grid. Colour *and* symbol carry the stance
//! (Okabe–Ito colours; ▲ support, ▼ oppose, ◆ mixed); arrow keys move
//! between cells (roving tabindex), Enter opens one.

use std::rc::Rc;

use parallax_engine::stance::Stance;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The symbol that carries a stance beside its colour.
pub fn symbol(s: Stance) -> &'static str {
    match s {
        Stance::Support => "▲",
        Stance::Oppose => "▼",
        Stance::Mixed => "◆",
    }
}

#[derive(Clone, PartialEq)]
pub struct CellView {
    pub stance: Stance,
    pub count: usize,
    pub href: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct StanceMatrixProps {
    pub actors: Rc<[AttrValue]>,
    pub issues: Rc<[AttrValue]>,
    /// Row-major, `actors.len() × issues.len()`.
    pub cells: Rc<[Option<CellView>]>,
    pub selected: Option<(usize, usize)>,
}

fn cell_id(r: usize, c: usize) -> String {
    format!("cell-{r}-{c}")
}

#[component]
pub fn StanceMatrix(props: &StanceMatrixProps) -> Html {
    let rows = props.actors.len();
    let cols = props.issues.len();
    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let Some(el) = e.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
        let (Some(r), Some(c)) = (el.get_attribute("data-r"), el.get_attribute("data-c")) else { return };
        let (Ok(r), Ok(c)) = (r.parse::<usize>(), c.parse::<usize>()) else { return };
        let (nr, nc) = match e.key().as_str() {
            "ArrowUp" => (r.saturating_sub(1), c),
            "ArrowDown" => ((r + 1).min(rows.saturating_sub(1)), c),
            "ArrowLeft" => (r, c.saturating_sub(1)),
            "ArrowRight" => (r, (c + 1).min(cols.saturating_sub(1))),
            "Home" => (r, 0),
            "End" => (r, cols.saturating_sub(1)),
            _ => return,
        };
        e.prevent_default();
        if let Some(next) = gloo::utils::document()
            .get_element_by_id(&cell_id(nr, nc))
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = next.focus();
        }
    });
    let focus = props.selected.unwrap_or((0, 0));
    html! {
        <div class="matrix-wrap">
            <table class="matrix" data-testid="stance-matrix" {onkeydown}>
                <caption class="visually-hidden">
                    { "Stances: actors down, issues across. Arrow keys move between cells; Enter opens the evidence." }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="corner">{ "Actor \\ issue" }</th>
                        { for props.issues.iter().map(|i| html! { <th scope="col" class="issue"><span>{ i.clone() }</span></th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for props.actors.iter().enumerate().map(|(r, actor)| html! {
                        <tr>
                            <th scope="row" class="actor">{ actor.clone() }</th>
                            { for (0..cols).map(|c| {
                                let tabindex = if (r, c) == focus { "0" } else { "-1" };
                                let selected = props.selected == Some((r, c));
                                let issue = &props.issues[c];
                                match props.cells.get(r * cols + c).cloned().flatten() {
                                    Some(cell) => {
                                        let label = format!("{actor} on {issue}: {}, {} evidence sentence{}",
                                            cell.stance.label(), cell.count, if cell.count == 1 { "" } else { "s" });
                                        html! {
                                            <td class={classes!("cell", cell.stance.label(), selected.then_some("selected"))}>
                                                <a id={cell_id(r, c)} href={cell.href.clone()} tabindex={tabindex}
                                                    data-r={r.to_string()} data-c={c.to_string()} data-testid="stance-cell"
                                                    data-actor={actor.clone()} data-issue={issue.clone()} data-stance={cell.stance.label()}
                                                    aria-label={label.clone()} title={label}
                                                    aria-current={selected.then_some("true")}>
                                                    <span class="sym" aria-hidden="true">{ symbol(cell.stance) }</span>
                                                    <span class="n" aria-hidden="true">{ cell.count }</span>
                                                </a>
                                            </td>
                                        }
                                    }
                                    None => html! {
                                        <td class="cell empty-cell">
                                            <span id={cell_id(r, c)} tabindex={tabindex} data-r={r.to_string()} data-c={c.to_string()}
                                                aria-label={format!("{actor} on {issue}: no evidence")} title="no evidence">{ "·" }</span>
                                        </td>
                                    },
                                }
                            }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
