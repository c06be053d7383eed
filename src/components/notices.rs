use std::rc::Rc;

use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub notices: Rc<[String]>,
    pub on_dismiss: Callback<()>,
}

/// What the URL asked for that could not be shown.
pub fn notices(props: &NoticesProps) -> Html {
    if props.notices.is_empty() {
        return html! {};
    }
    let dismiss = props.on_dismiss.reform(|_: MouseEvent| ());
    html! {
        <div class="notice" role="status" data-testid="notice">
            <div>
                <strong>{ "Part of this link could not be used." }</strong>
                <ul>
                    { for props.notices.iter().map(|n| html! { <li>{ n }</li> }) }
                </ul>
            </div>
            <button type="button" class="link-button" onclick={dismiss} title="Remove the ignored parts from the address">
                { "Dismiss" }
            </button>
        </div>
    }
}
