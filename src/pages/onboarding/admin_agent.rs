//! Step 5, "Agent d’administration": is the signed-in user in the Admin agent group? If not,
//! the seed's path to fix it, a direct link, and a re-check when the user comes back.

use partner_domain::Role;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{i18n::use_i18n, route::Route, state::use_session};

#[function_component]
pub fn AdminAgentStep() -> Html {
    let t = use_i18n();
    let session = use_session();
    {
        // Back from user management (another tab, or this one): ask again who we are.
        let session = session.clone();
        use_effect_with((), move |()| {
            let listener = gloo_events::EventListener::new(
                &gloo_utils::document(),
                "visibilitychange",
                move |_| {
                    if gloo_utils::document().visibility_state()
                        == web_sys::VisibilityState::Visible
                    {
                        session.refresh();
                    }
                },
            );
            move || drop(listener)
        });
    }
    let Some(me) = session.me() else {
        return html! { <WizardStep step={Step::AdminAgent}>{ Html::default() }</WizardStep> };
    };
    let name = me.user.display_name();
    let on_recheck = {
        let session = session.clone();
        Callback::from(move |_: MouseEvent| session.refresh())
    };
    html! {
        <WizardStep step={Step::AdminAgent}>
            <h1>{ t.step_admin_agent().to_string() }</h1>
            <p>{ t.admin_agent_intro().to_string() }</p>
            if me.user.has_role(Role::AdminAgent) {
                <div class="panel panel-success" role="status"><p>{ t.admin_agent_yes(name).to_string() }</p></div>
                <p class="actions"><Link<Route> to={Route::Done} classes="button button-primary">{ t.finish().to_string() }</Link<Route>></p>
            } else {
                <div class="panel panel-warning" role="status"><p>{ t.admin_agent_no(name).to_string() }</p></div>
                <p>{ t.admin_agent_how().to_string() }</p>
                <ol>
                    <li>{ t.admin_agent_open_settings().to_string() }</li>
                    <li>{ t.admin_agent_select_name().to_string() }</li>
                    <li>{ t.admin_agent_select_role().to_string() }</li>
                </ol>
                <p class="actions">
                    <Link<Route> to={Route::User { id: me.user.id.clone() }} classes="button button-primary">{ t.admin_agent_open().to_string() }</Link<Route>>
                    { " " }
                    <button type="button" class="button" onclick={on_recheck}>{ t.admin_agent_recheck().to_string() }</button>
                </p>
            }
        </WizardStep>
    }
}
