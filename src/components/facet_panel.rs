//! The facet column of the Articles view: a sort menu and one group of
//! checkboxes per facet, each value with the number of articles it would
//! select. Props only: every change goes to a callback.

use std::rc::Rc;

use yew::prelude::*;

#[derive(Clone, PartialEq)]
pub struct FacetValueView {
    pub key: AttrValue,
    pub label: AttrValue,
    pub count: usize,
    pub checked: bool,
}

#[derive(Clone, PartialEq)]
pub struct FacetGroupView {
    /// The URL key ("outlets").
    pub key: &'static str,
    pub title: &'static str,
    pub values: Rc<[FacetValueView]>,
    /// Values left out (the group is capped; see the page).
    pub hidden: usize,
}

#[derive(Clone, PartialEq)]
pub struct SortOption {
    pub value: AttrValue,
    pub label: AttrValue,
}

#[derive(Properties, PartialEq)]
pub struct FacetPanelProps {
    pub groups: Rc<[FacetGroupView]>,
    /// The counts are of an earlier selection; the current one's follow
    /// (`aria-busy`).
    pub busy: bool,
    pub sorts: Rc<[SortOption]>,
    pub sort: AttrValue,
    /// The fragment without any facet selected; None when none is.
    pub clear_href: Option<AttrValue>,
    /// A sort was chosen: its value.
    pub on_sort: Callback<AttrValue>,
    /// A value was ticked or unticked: (facet key, value key). Kept
    /// stable across renders by the page, so that a group whose counts
    /// did not change is not rendered again on a keystroke.
    pub on_toggle: Callback<(&'static str, AttrValue)>,
}

pub fn facet_panel(props: &FacetPanelProps) -> Html {
    let on_sort = props.on_sort.reform(|e: Event| {
        let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
        AttrValue::from(select.value())
    });
    html! {
        <aside class="facets" aria-label="Filters" data-testid="facets" aria-busy={props.busy.then_some("true")}>
            <div class="facet-head">
                <label for="sort" class="facet-title">{ "Sort by" }</label>
                <select id="sort" data-testid="sort" onchange={on_sort}>
                    { for props.sorts.iter().map(|o| html! {
                        <option value={o.value.clone()} selected={o.value == props.sort}>{ o.label.clone() }</option>
                    }) }
                </select>
            </div>
            if let Some(href) = &props.clear_href {
                <a class="clear-all" href={href.clone()} data-testid="clear-facets">{ "Clear all filters" }</a>
            }
            { for props.groups.iter().filter(|g| !g.values.is_empty()).map(|g| html! {
                { facet_group_box(&FacetGroupBoxProps { group: g.clone(), on_toggle: props.on_toggle.clone() }) }
            }) }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct FacetGroupBoxProps {
    group: FacetGroupView,
    on_toggle: Callback<(&'static str, AttrValue)>,
}

fn facet_group_box(props: &FacetGroupBoxProps) -> Html {
    let g = &props.group;
    html! {
        <fieldset class="facet" data-testid="facet-group" data-facet={g.key}>
            <legend class="facet-title">{ g.title }</legend>
            <ul>
                // Keyed by value: when a keystroke changes which values are
                // shown, the others stay in place and only their counts change.
                { for g.values.iter().map(|v| html! {
                    <FacetValueItem key={v.key.as_str()} facet={g.key} value={v.clone()} on_toggle={props.on_toggle.clone()} />
                }) }
            </ul>
            if g.hidden > 0 {
                <p class="muted small" data-testid="facet-more">{ format!("{} more value{} with fewer articles; search to narrow.", g.hidden, if g.hidden == 1 { "" } else { "s" }) }</p>
            }
        </fieldset>
    }
}

#[derive(Properties, PartialEq)]
struct FacetValueItemProps {
    facet: &'static str,
    value: FacetValueView,
    on_toggle: Callback<(&'static str, AttrValue)>,
}

/// One checkbox: a component of its own, so that a value whose count did
/// not change is not rendered again.
#[component]
fn FacetValueItem(props: &FacetValueItemProps) -> Html {
    let (facet, v) = (props.facet, &props.value);
    let id = format!("f-{facet}-{}", slug(&v.key));
    let onchange = {
        let toggle = props.on_toggle.clone();
        let key = v.key.clone();
        Callback::from(move |_: Event| toggle.emit((facet, key.clone())))
    };
    let empty = v.count == 0 && !v.checked;
    html! {
        <li class={classes!(empty.then_some("empty"))}>
            <input type="checkbox" id={id.clone()} checked={v.checked} {onchange}
                data-testid="facet-value" data-facet={facet} data-key={v.key.clone()}
                data-count={v.count.to_string()} />
            <label for={id}>
                <span class="facet-label">{ v.label.clone() }</span>
                <span class="facet-count" aria-label={format!("{} articles", v.count)}>{ v.count }</span>
            </label>
        </li>
    }
}

/// An element-id-safe form of a value (ids need not be readable, only
/// distinct; the hex keeps them so).
fn slug(s: &str) -> String {
    s.bytes().map(|b| format!("{b:02x}")).collect()
}
