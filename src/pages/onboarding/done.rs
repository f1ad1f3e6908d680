use yew::prelude::*;
use yew_router::prelude::*;

use super::{first_incomplete, Step, Stepper};
use crate::{
    components::{ErrorPanel, Loading, RequireSession},
    i18n::use_i18n,
    route::Route,
    state::{use_partner, use_session},
};

/// The end of the wizard, leading to "Vue d’ensemble".
#[function_component]
pub fn DoneStep() -> Html {
    html! { <RequireSession><DoneBody /></RequireSession> }
}

#[function_component]
fn DoneBody() -> Html {
    let t = use_i18n();
    let session = use_session();
    let partner = use_partner();
    match (&partner.state().data, &partner.state().error) {
        (None, Some(error)) => {
            return html! { <ErrorPanel error={error.clone()} on_retry={partner.reload_callback()} /> };
        }
        (None, None) => return html! { <Loading /> },
        _ => {}
    }
    let first = first_incomplete(session.me().as_deref(), partner.partner().as_deref());
    if let Some(step) = first {
        return html! { <Redirect<Route> to={step.route()} /> };
    }
    html! {
        <section class="page narrow wizard">
            <Stepper current={None::<Step>} first_incomplete={None::<Step>} />
            <h1>{ t.done_title().to_string() }</h1>
            <p>{ t.done_body().to_string() }</p>
            <p class="actions"><Link<Route> to={Route::Dashboard} classes="button button-primary">{ t.go_overview().to_string() }</Link<Route>></p>
        </section>
    }
}
