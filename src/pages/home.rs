use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    components::RequireSession,
    route::Route,
    state::{use_session, SessionState},
};

/// `/`: nothing of its own; signed-out visitors start the wizard, others land on the overview.
#[function_component]
pub fn HomePage() -> Html {
    let session = use_session();
    match session.state() {
        SessionState::SignedOut => html! { <Redirect<Route> to={Route::Welcome} /> },
        _ => html! {
            <RequireSession>
                <Redirect<Route> to={Route::Dashboard} />
            </RequireSession>
        },
    }
}
