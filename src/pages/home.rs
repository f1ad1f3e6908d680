use yew::prelude::*;
use yew_router::prelude::*;

use super::onboarding::landing;
use crate::{
    components::{ErrorPanel, Loading, RequireSession},
    route::Route,
    state::{use_partner, use_session, SessionState},
};

/// `/`: nothing of its own; signed-out visitors start the wizard, a signed-in user goes where
/// they belong (`onboarding::landing`) once their partner account is known.
#[function_component]
pub fn HomePage() -> Html {
    let session = use_session();
    match session.state() {
        SessionState::SignedOut => html! { <Redirect<Route> to={Route::Welcome} /> },
        _ => html! { <RequireSession><Landing /></RequireSession> },
    }
}

#[function_component]
fn Landing() -> Html {
    let me = use_session().me();
    let partner = use_partner();
    let state = partner.state();
    match (me, &state.data, &state.error) {
        (Some(me), Some(data), _) => {
            html! { <Redirect<Route> to={landing(&me, data.as_deref())} /> }
        }
        (_, None, Some(error)) => {
            html! { <ErrorPanel error={error.clone()} on_retry={partner.reload_callback()} /> }
        }
        _ => html! { <Loading /> },
    }
}
