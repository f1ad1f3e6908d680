use yew::prelude::*;

use crate::{components::RequireSession, i18n::use_i18n, state::use_session};

pub const DASHBOARD_VIDEO: &str = "https://vimeo.com/290338211";

/// "Vue d’ensemble": where a signed-in user lands.
#[function_component]
pub fn Dashboard() -> Html {
    html! { <RequireSession><Overview /></RequireSession> }
}

#[function_component]
fn Overview() -> Html {
    let t = use_i18n();
    let Some(me) = use_session().me() else {
        return Html::default();
    };
    html! {
        <section class="page">
            <h1>{ t.nav_overview().to_string() }</h1>
            <p>{ t.overview_greeting(me.user.display_name()).to_string() }</p>
            <p class="muted">{ t.overview_tenant(me.tenant.domain.clone()).to_string() }</p>
            <p>
                <a href={DASHBOARD_VIDEO} target="_blank" rel="noopener noreferrer">
                    { t.video_dashboard().to_string() }<span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
                </a>
            </p>
        </section>
    }
}
