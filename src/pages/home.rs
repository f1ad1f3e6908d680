use yew::prelude::*;
use yew_router::prelude::*;

use crate::{components::RequireSession, route::Route};

/// `/`: nothing of its own; signed-out visitors start the wizard, others land on the overview.
#[function_component]
pub fn Home() -> Html {
    html! {
        <RequireSession>
            <Redirect<Route> to={Route::Dashboard} />
        </RequireSession>
    }
}
