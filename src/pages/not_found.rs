use yew::prelude::*;
use yew_router::prelude::*;

use crate::{i18n::use_i18n, route::Route};

#[function_component]
pub fn NotFoundPage() -> Html {
    let t = use_i18n();
    let path = use_location()
        .map(|l| l.path().to_owned())
        .unwrap_or_default();
    html! {
        <section class="page narrow">
            <h1>{ t.not_found_title().to_string() }</h1>
            <p>{ t.not_found_body(path).to_string() }</p>
            <p><Link<Route> to={Route::Home} classes="button">{ t.not_found_home().to_string() }</Link<Route>></p>
        </section>
    }
}
