//! The actor × issue grid. Colour *and* symbol carry the stance
//! (Okabe–Ito colours; ▲ support, ▼ oppose, ◆ mixed); arrow keys move
//! between cells (roving tabindex), Enter opens one.

use std::rc::Rc;

use parallax_engine::stance::Stance;
use yew::prelude::*;

use super::grid;

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
    grid::cell_id("cell", r, c)
}

pub fn stance_matrix(props: &StanceMatrixProps) -> Html {
    let rows = props.actors.len();
    let cols = props.issues.len();
    let onkeydown = grid::grid_keys("cell", rows, cols);
    let focus = props.selected.unwrap_or((0, 0));
    html! {
        <>
        // More columns than a phone shows (the CSS shows it on narrow screens).
        if cols > 6 {
            <p class="scroll-hint" data-testid="matrix-hint" aria-hidden="true">
                { format!("{cols} issues across, {rows} actors down: scroll the table sideways for more →") }
            </p>
        }
        <div class="matrix-wrap">
            <table class="matrix" data-testid="stance-matrix" {onkeydown}>
                <caption class="visually-hidden">
                    { "Stances: actors down, issues across. Arrow keys move between cells; Enter opens the evidence." }
                </caption>
                <thead>
                    <tr>
                        <th scope="col" class="corner">{ "Actor \\ issue" }</th>
                        { for props.issues.iter().map(|i| html! { <th scope="col" class="issue" title={i.clone()}><span>{ i.clone() }</span></th> }) }
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
        </>
    }
}
