//! A column header that sorts by its column: a button, `aria-sort` on the active one.

use partner_domain::directory::{Direction, SortBy, View};
use stylist::yew::use_style;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SortHeaderProps {
    pub sort: SortBy,
    pub label: AttrValue,
    /// The list's current order.
    pub view: View,
    pub on_sort: Callback<SortBy>,
}

#[function_component]
pub fn SortHeader(props: &SortHeaderProps) -> Html {
    let state = (props.view.sort == props.sort).then_some(props.view.direction);
    let (aria_sort, arrow) = match state {
        Some(Direction::Asc) => (Some("ascending"), " ▲"),
        Some(Direction::Desc) => (Some("descending"), " ▼"),
        None => (None, " "),
    };
    let sort = props.sort;
    let on_sort = props.on_sort.reform(move |_: MouseEvent| sort);
    let button = use_style!(
        "font: inherit; font-weight: 600; background: none; border: 0; padding: 0; cursor: pointer;
         color: inherit; min-height: 24px;"
    );
    html! {
        <th scope="col" aria-sort={aria_sort}>
            <button type="button" class={classes!("sort-button", button)} onclick={on_sort}>
                { props.label.clone() }<span aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}
