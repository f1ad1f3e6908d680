use yew::prelude::*;
use yew_router::prelude::*;

use super::{first_incomplete, Step, Stepper};
use crate::{
    components::WorkAccountHelpLink,
    i18n::use_i18n,
    pages::dashboard::DASHBOARD_VIDEO,
    route::Route,
    state::{use_partner, use_session},
};

pub const JOIN_NETWORK: &str = "https://partner.microsoft.com/commercial";

/// Step 1, "Bienvenue": what the user needs before starting, in the seed's words.
#[function_component]
pub fn WelcomeStep() -> Html {
    let t = use_i18n();
    let me = use_session().me();
    let partner = use_partner().partner();
    // A signed-in admin sees the steps already done as done.
    let first = first_incomplete(me.as_deref(), partner.as_deref());
    let why = |text: &dyn std::fmt::Display| html! { text.to_string() };
    let checklist = [
        (
            t.checklist_admin_email(),
            why(&t.checklist_admin_email_why()),
        ),
        (
            t.checklist_work_account(),
            html! { <><WorkAccountHelpLink />{ " " }{ t.checklist_work_account_why().to_string() }</> },
        ),
        (t.checklist_legal(), why(&t.checklist_legal_why())),
        (t.checklist_signing(), why(&t.checklist_signing_why())),
        (t.checklist_contact(), why(&t.checklist_contact_why())),
    ];
    let external = |href: &'static str, label: String| {
        html! {
            <a {href} target="_blank" rel="noopener noreferrer">
                { label }<span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
            </a>
        }
    };
    html! {
        <section class="page narrow wizard" aria-labelledby="welcome-title">
            <Stepper current={Some(Step::Welcome)} first_incomplete={first} />
            <h1 id="welcome-title">{ t.welcome_title().to_string() }</h1>
            <p class="lead">{ t.welcome_intro().to_string() }</p>

            <h2>{ t.roles_title().to_string() }</h2>
            <ul>
                <li>{ t.role_global_admin().to_string() }</li>
                <li>{ t.role_admin_agent().to_string() }</li>
            </ul>
            <p>
                { t.welcome_membership().to_string() }{ " " }
                { external(JOIN_NETWORK, t.welcome_join_now().to_string()) }{ "." }
            </p>
            <p>{ t.welcome_video().to_string() }{ " " }{ external(DASHBOARD_VIDEO, t.video_dashboard().to_string()) }</p>

            <h2>{ t.before_you_begin().to_string() }</h2>
            <p>{ t.before_you_begin_intro().to_string() }</p>
            <ul class="checklist">
                { for checklist.into_iter().map(|(item, why)| html! {
                    <li><strong>{ item.to_string() }</strong><br /><span class="muted">{ why }</span></li>
                }) }
            </ul>
            <p>{ t.welcome_verify_note().to_string() }</p>

            <p class="actions"><Link<Route> to={Route::AdminSignIn} classes="button button-primary">{ t.next().to_string() }</Link<Route>></p>
            if me.is_none() {
                <p>
                    { t.have_an_account().to_string() }{ " " }
                    <Link<Route> to={Route::SignIn}>{ t.sign_in().to_string() }</Link<Route>>
                </p>
            }
        </section>
    }
}
