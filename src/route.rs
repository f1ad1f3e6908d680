//! The one `Routable` enum: every address of the app is read here.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages;

#[derive(Debug, Clone, PartialEq, Eq, Routable)]
pub enum Route {
    #[at("/")]
    Home,
    #[at("/onboarding/welcome")]
    Welcome,
    #[at("/dashboard")]
    Dashboard,
    #[at("/settings/users")]
    Users,
    #[at("/settings/partner-profile")]
    PartnerProfile,
    #[not_found]
    #[at("/404")]
    NotFound,
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::Home /> },
        Route::Welcome => html! { <pages::onboarding::Welcome /> },
        Route::Dashboard => html! { <pages::Dashboard /> },
        // Their pages come with the partner profile and user management issues (#5, #6).
        Route::Users | Route::PartnerProfile | Route::NotFound => html! { <pages::NotFound /> },
    }
}

#[cfg(test)]
mod tests {
    use super::Route;
    use wasm_bindgen_test::wasm_bindgen_test as test;
    use yew_router::Routable;

    #[test]
    fn deep_links_parse_to_their_routes() {
        assert_eq!(Route::recognize("/"), Some(Route::Home));
        assert_eq!(
            Route::recognize("/onboarding/welcome"),
            Some(Route::Welcome)
        );
        assert_eq!(Route::recognize("/settings/users"), Some(Route::Users));
        assert_eq!(Route::recognize("/no/such/page"), Some(Route::NotFound));
        assert_eq!(Route::Dashboard.to_path(), "/dashboard");
    }
}
