//! The page for a user of a work account that is not enrolled in Partner Center yet, who cannot
//! enrol it (only a Global admin can): it says so and names the Global admins to ask.

use partner_domain::{Role, UserQuery};
use yew::prelude::*;
use yew_router::prelude::*;

use super::onboarding::landing;
use crate::{
    api::{use_backend, use_load},
    components::{loaded, RequireSession, Skeleton},
    i18n::use_i18n,
    route::Route,
    state::{use_partner, use_session},
};

#[function_component]
pub fn NotEnrolledPage() -> Html {
    html! { <RequireSession><NotEnrolledBody /></RequireSession> }
}

#[function_component]
fn NotEnrolledBody() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let me = use_session().me();
    let partner = use_partner();
    let admins = use_load((), async move |()| {
        let query = UserQuery {
            role: Some(Role::GlobalAdmin),
            limit: Some(10),
            ..UserQuery::default()
        };
        backend.users(query).await
    });
    // Enrolled meanwhile, or a Global admin: this page is not theirs.
    if let (Some(me), Some(data)) = (&me, &partner.state().data) {
        let to = landing(me, data.as_deref());
        if to != Route::NotEnrolled {
            return html! { <Redirect<Route> {to} /> };
        }
    }
    let company = me
        .as_ref()
        .map(|m| m.tenant.name.clone())
        .unwrap_or_default();
    let names = loaded(&admins, html! { <Skeleton lines={2} /> }, |list| {
        html! {
            <ul>
                { for list.items.iter().map(|u| html! {
                    <li>{ u.name_and_email() }</li>
                }) }
            </ul>
        }
    });
    html! {
        <section class="page narrow">
            <h1>{ t.not_enrolled_title().to_string() }</h1>
            <div class="panel panel-info" role="status">
                <p>{ t.not_enrolled_explained(company).to_string() }</p>
            </div>
            <h2>{ t.not_enrolled_ask().to_string() }</h2>
            { names }
        </section>
    }
}
