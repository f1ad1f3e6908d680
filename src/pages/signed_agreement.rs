//! A signed agreement opened in the app (`/settings/agreements/{id}`): who signed, when, the
//! text, and the signed document to download.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load},
    components::{
        loaded, AgreementText, DownloadButton, Downloadable, ErrorPanel, RequireSession, Skeleton,
    },
    i18n::{date_of, use_i18n},
    route::Route,
    state::use_partner,
};

#[derive(Properties, PartialEq)]
pub struct SignedAgreementPageProps {
    pub id: AttrValue,
}

#[function_component]
pub fn SignedAgreementPage(props: &SignedAgreementPageProps) -> Html {
    html! { <RequireSession><SignedAgreementBody id={props.id.clone()} /></RequireSession> }
}

#[function_component]
fn SignedAgreementBody(props: &SignedAgreementPageProps) -> Html {
    let t = use_i18n();
    let partner = use_partner();
    let backend = use_backend();
    let acceptance = partner
        .partner()
        .and_then(|p| p.agreements.iter().find(|a| a.id == *props.id).cloned());
    let kind = acceptance.as_ref().map(|a| a.kind);
    let text = use_load((kind, t.lang), async move |(kind, lang)| match kind {
        Some(kind) => backend.current_agreement(kind, lang).await.map(Some),
        None => Ok(None),
    });
    let back = html! {
        <p><Link<Route> to={Route::PartnerProfile}>{ t.back_to_partner_profile().to_string() }</Link<Route>></p>
    };
    let state = partner.state();
    let Some(acceptance) = acceptance else {
        let body = match (&state.data, &state.error) {
            (None, Some(error)) => {
                html! { <ErrorPanel error={error.clone()} on_retry={partner.reload_callback()} /> }
            }
            (None, None) => html! { <Skeleton lines={8} /> },
            _ => html! { <p>{ t.error_not_found().to_string() }</p> },
        };
        return html! { <section class="page narrow">{ back }{ body }</section> };
    };
    let body = loaded(
        &text,
        html! { <Skeleton lines={8} /> },
        |agreement| match &**agreement {
            Some(agreement) if agreement.version == acceptance.version => {
                html! { <AgreementText agreement={agreement.clone()} /> }
            }
            _ => html! {
                <div class="panel panel-info"><p>{ t.agreement_other_version(acceptance.version.clone()).to_string() }</p></div>
            },
        },
    );
    html! {
        <section class="page narrow">
            { back }
            <h1>{ acceptance.title.clone() }</h1>
            <p>{ t.agreement_signed_by_on(date_of(&t, &acceptance.accepted_at), acceptance.accepted_by.name.clone(), acceptance.accepted_by.email.clone()).to_string() }</p>
            <p><DownloadButton file={Downloadable::Agreement(acceptance.id.clone().into())} title={AttrValue::from(acceptance.title.clone())} /></p>
            { body }
        </section>
    }
}
