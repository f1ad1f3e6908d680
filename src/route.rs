//! The one `Routable` enum: every address of the app is read here.

use std::collections::HashMap;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::pages;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Home,
    Welcome,
    SignIn,
    AdminSignIn,
    Profile,
    Agreement,
    AdminAgent,
    Done,
    WorkAccountHelp,
    VerifyEmail,
    SetPassword,
    Dashboard,
    NotEnrolled,
    Users,
    AddUser,
    ImportUsers,
    User {
        id: String,
    },
    PartnerProfile,
    ActivityLog,
    SignedAgreement {
        id: String,
    },
    /// Any other address.
    NotFound,
}

/// Each address without a parameter, and its route.
const PAGES: [(&str, Route); 19] = [
    ("/", Route::Home),
    ("/onboarding/welcome", Route::Welcome),
    ("/sign-in", Route::SignIn),
    ("/onboarding/sign-in", Route::AdminSignIn),
    ("/onboarding/profile", Route::Profile),
    ("/onboarding/agreement", Route::Agreement),
    ("/onboarding/admin-agent", Route::AdminAgent),
    ("/onboarding/done", Route::Done),
    ("/help/work-account", Route::WorkAccountHelp),
    ("/verify-email", Route::VerifyEmail),
    ("/set-password", Route::SetPassword),
    ("/dashboard", Route::Dashboard),
    ("/not-enrolled", Route::NotEnrolled),
    ("/settings/users", Route::Users),
    ("/settings/users/new", Route::AddUser),
    ("/settings/users/import", Route::ImportUsers),
    ("/settings/partner-profile", Route::PartnerProfile),
    ("/settings/activity", Route::ActivityLog),
    ("/404", Route::NotFound),
];
/// The addresses with an `:id`: a user's page, a signed agreement's (the prefix, the route).
const USER: &str = "/settings/users/";
const USER_ROUTE: &str = "/settings/users/:id";
const SIGNED_AGREEMENT: &str = "/settings/agreements/";
const SIGNED_AGREEMENT_ROUTE: &str = "/settings/agreements/:id";

/// Written out rather than derived: yew-router's derive builds a route automaton at start-up,
/// 15 KB of the first download's code for these fixed addresses. The same answers as the
/// derive's (the tests below): one trailing slash ignored, the `:id` one segment, decoded from
/// and encoded into the address, any other address `NotFound`.
impl Routable for Route {
    fn from_path(path: &str, params: &HashMap<&str, &str>) -> Option<Self> {
        let id = || Some(urlencoding::decode(params.get("id")?).ok()?.into_owned());
        Some(match path {
            USER_ROUTE => Self::User { id: id()? },
            SIGNED_AGREEMENT_ROUTE => Self::SignedAgreement { id: id()? },
            _ => PAGES.iter().find(|(p, _)| *p == path)?.1.clone(),
        })
    }

    fn to_path(&self) -> String {
        match self {
            Self::User { id } => format!("{USER}{}", urlencoding::encode(id)),
            Self::SignedAgreement { id } => {
                format!("{SIGNED_AGREEMENT}{}", urlencoding::encode(id))
            }
            page => PAGES
                .iter()
                .find(|(_, r)| r == page)
                .map_or("/404", |(p, _)| p)
                .to_owned(),
        }
    }

    fn routes() -> Vec<&'static str> {
        let mut routes: Vec<&str> = PAGES.iter().map(|(p, _)| *p).collect();
        routes.extend([USER_ROUTE, SIGNED_AGREEMENT_ROUTE]);
        routes
    }

    fn not_found_route() -> Option<Self> {
        Some(Self::NotFound)
    }

    fn recognize(pathname: &str) -> Option<Self> {
        let path = pathname.strip_suffix('/').unwrap_or(pathname);
        let path = if path.is_empty() { "/" } else { path };
        if let Some((_, page)) = PAGES.iter().find(|(p, _)| *p == path) {
            return Some(page.clone());
        }
        let id = |prefix: &str| {
            let segment = path
                .strip_prefix(prefix)
                .filter(|s| !s.is_empty() && !s.contains('/'))?;
            Some(urlencoding::decode(segment).ok()?.into_owned())
        };
        Some(if let Some(id) = id(USER) {
            Self::User { id }
        } else if let Some(id) = id(SIGNED_AGREEMENT) {
            Self::SignedAgreement { id }
        } else {
            Self::NotFound
        })
    }
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

    /// What yew-router's derive answered, kept.
    #[test]
    fn addresses_read_as_the_derived_router_read_them() {
        let user = |id: &str| Some(Route::User { id: id.into() });
        assert_eq!(Route::recognize(""), Some(Route::Home));
        assert_eq!(Route::recognize("/settings/users/"), Some(Route::Users));
        assert_eq!(Route::recognize("/dashboard/"), Some(Route::Dashboard));
        assert_eq!(
            Route::recognize("/settings/users/new/"),
            Some(Route::AddUser)
        );
        assert_eq!(Route::recognize("/settings/users/a%20b"), user("a b"));
        assert_eq!(Route::recognize("/settings/users/a:b"), user("a:b"));
        assert_eq!(Route::recognize("/settings/users/é"), user("é"));
        assert_eq!(
            Route::recognize("/settings/agreements/x"),
            Some(Route::SignedAgreement { id: "x".into() })
        );
        for unknown in [
            "/settings/users/a/b",
            "//dashboard",
            "/dashboard?x=1",
            "/settings/agreements/",
            "/Dashboard",
            "/404",
        ] {
            assert_eq!(
                Route::recognize(unknown),
                Some(Route::NotFound),
                "{unknown}"
            );
        }
        assert_eq!(
            Route::User { id: "a b/c".into() }.to_path(),
            "/settings/users/a%20b%2Fc"
        );
        assert_eq!(Route::NotFound.to_path(), "/404");
    }

    #[test]
    fn every_route_reads_back_from_its_address() {
        let mut routes: Vec<Route> = super::PAGES.iter().map(|(_, r)| r.clone()).collect();
        routes.push(Route::User { id: "u-1".into() });
        routes.push(Route::SignedAgreement { id: "a 1".into() });
        for route in routes {
            assert_eq!(Route::recognize(&route.to_path()), Some(route.clone()));
        }
        let params = std::collections::HashMap::from([("id", "a%201")]);
        assert_eq!(
            Route::from_path("/settings/agreements/:id", &params),
            Some(Route::SignedAgreement { id: "a 1".into() })
        );
        assert_eq!(Route::routes().len(), super::PAGES.len() + 2);
    }
}
