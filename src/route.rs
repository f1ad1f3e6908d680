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
    #[at("/sign-in")]
    SignIn,
    #[at("/onboarding/sign-in")]
    AdminSignIn,
    #[at("/onboarding/profile")]
    Profile,
    #[at("/onboarding/agreement")]
    Agreement,
    #[at("/onboarding/admin-agent")]
    AdminAgent,
    #[at("/onboarding/done")]
    Done,
    #[at("/help/work-account")]
    WorkAccountHelp,
    #[at("/verify-email")]
    VerifyEmail,
    #[at("/set-password")]
    SetPassword,
    #[at("/dashboard")]
    Dashboard,
    #[at("/not-enrolled")]
    NotEnrolled,
    #[at("/settings/users")]
    Users,
    #[at("/settings/users/new")]
    AddUser,
    #[at("/settings/users/import")]
    ImportUsers,
    #[at("/settings/users/:id")]
    User { id: String },
    #[at("/settings/partner-profile")]
    PartnerProfile,
    #[at("/settings/activity")]
    ActivityLog,
    #[at("/settings/agreements/:id")]
    SignedAgreement { id: String },
    #[not_found]
    #[at("/404")]
    NotFound,
}

/// The `?token=` of an emailed link (verification, invitation), if there is one.
pub fn link_token() -> Option<String> {
    let search = gloo_utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("token")
        .filter(|t| !t.trim().is_empty())
}

/// The page a guard remembered in `?next=`, if it is one of ours and not a sign-in page.
pub fn next_param() -> Option<Route> {
    let search = gloo_utils::window().location().search().unwrap_or_default();
    let next = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("next"));
    next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .and_then(|n| Route::recognize(&n))
        // Nor an emailed link's page: its token is not in `next`, and it served already.
        .filter(|r| {
            !matches!(
                r,
                Route::NotFound
                    | Route::SignIn
                    | Route::AdminSignIn
                    | Route::VerifyEmail
                    | Route::SetPassword
            )
        })
}

pub fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <pages::HomePage /> },
        Route::Welcome => html! { <pages::onboarding::WelcomeStep /> },
        Route::SignIn => html! { <pages::SignInPage /> },
        Route::AdminSignIn => html! { <pages::onboarding::AdminSignInStep /> },
        Route::Profile => html! { <pages::onboarding::ProfileStep /> },
        Route::Agreement => html! { <pages::onboarding::AgreementStep /> },
        Route::AdminAgent => html! { <pages::onboarding::AdminAgentStep /> },
        Route::Done => html! { <pages::onboarding::DoneStep /> },
        Route::WorkAccountHelp => html! { <pages::WorkAccountHelpPage /> },
        Route::VerifyEmail => html! { <pages::VerifyEmailPage /> },
        Route::SetPassword => html! { <pages::SetPasswordPage /> },
        Route::Dashboard => html! { <pages::DashboardPage /> },
        Route::NotEnrolled => html! { <pages::NotEnrolledPage /> },
        Route::Users => html! { <pages::UsersPage /> },
        Route::AddUser => html! { <pages::AddUserPage /> },
        Route::ImportUsers => html! { <pages::ImportUsersPage /> },
        Route::User { id } => html! { <pages::UserPage {id} /> },
        Route::PartnerProfile => html! { <pages::PartnerProfilePage /> },
        Route::ActivityLog => html! { <pages::ActivityLogPage /> },
        Route::SignedAgreement { id } => {
            html! { <pages::SignedAgreementPage id={AttrValue::from(id)} /> }
        }
        Route::NotFound => html! { <pages::NotFoundPage /> },
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
        assert_eq!(
            Route::recognize("/settings/users/new"),
            Some(Route::AddUser)
        );
        assert_eq!(
            Route::recognize("/settings/users/u-1"),
            Some(Route::User { id: "u-1".into() })
        );
        assert_eq!(Route::recognize("/no/such/page"), Some(Route::NotFound));
        assert_eq!(Route::Dashboard.to_path(), "/dashboard");
    }
}
