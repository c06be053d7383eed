//! The Overlap view: the article × article heat map and the clusters
//! (overview), two articles side by side (pair), one passage across every
//! outlet that carries it (cluster).

mod cluster;
mod overview;
mod pair;

use std::rc::Rc;

use yew::prelude::*;

use crate::data::Data;
use crate::pages::articles::Filtered;
use crate::query::{PassageRef, View, ViewState};
use cluster::{cluster_view, ClusterViewProps};
use overview::Overview;
use pair::PairView;

#[derive(Properties, PartialEq)]
pub struct OverlapPageProps {
    pub state: Rc<ViewState>,
    pub filtered: Rc<Filtered>,
}

fn overview_state(st: &ViewState) -> ViewState {
    ViewState { view: View::Overlap, pair: None, passage: None, ..st.without_cluster() }
}

fn pair_state(st: &ViewState, a: &str, b: &str, p: Option<PassageRef>) -> ViewState {
    ViewState { view: View::Overlap, pair: Some((a.to_string(), b.to_string())), passage: p, ..st.without_cluster() }
}

/// `s` cut to `n` characters, with an ellipsis if it was longer.
pub(crate) fn short(s: &str, n: usize) -> String {
    let t: String = s.chars().take(n).collect();
    if t.len() < s.len() {
        format!("{}…", t.trim_end())
    } else {
        t
    }
}

/// The overview, a pair or a collation, as the state asks.
pub fn overlap_page(data: &Data, props: &OverlapPageProps) -> Html {
    let st = &props.state;
    if let Some((a, b)) = &st.pair {
        return html! { <PairView state={props.state.clone()} filtered={props.filtered.clone()} a={AttrValue::from(a.clone())} b={AttrValue::from(b.clone())} /> };
    }
    if let Some(c) = &st.cluster {
        return cluster_view(
            data,
            &ClusterViewProps {
                state: props.state.clone(),
                filtered: props.filtered.clone(),
                cluster: AttrValue::from(c.clone()),
            },
        );
    }
    html! { <Overview state={props.state.clone()} filtered={props.filtered.clone()} /> }
}

/// `0.87` for 0.8712 (integer arithmetic: float formatting would add its
/// tables to the wasm for this one number).
fn two_decimals(x: f32) -> String {
    let h = (x.clamp(0.0, 1e6) * 100.0).round() as u64;
    format!("{}.{:02}", h / 100, h % 100)
}
