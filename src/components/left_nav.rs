use yew::prelude::*;
use yew_router::prelude::*;

use crate::{i18n::use_i18n, route::Route};

#[function_component]
pub fn LeftNav() -> Html {
    let t = use_i18n();
    let current = use_route::<Route>();
    let current_page = |route: Route| (current.as_ref() == Some(&route)).then_some("page");
    html! {
        <nav class="left-nav" aria-label={t.main_navigation().to_string()}>
            <ul>
                <li>
                    <Link<Route> to={Route::Dashboard}>
                        <span aria-current={current_page(Route::Dashboard)}>{ t.nav_overview().to_string() }</span>
                    </Link<Route>>
                </li>
            </ul>
        </nav>
    }
}
