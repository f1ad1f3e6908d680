//! A signed agreement opened in the app (`/settings/agreements/{id}`): who signed, when, the
//! text, and the signed document to download.

use partner_domain::Agreement;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{AgreementText, DownloadButton, ErrorPanel, RequireSession, Skeleton},
    i18n::{date_of, use_i18n},
    route::Route,
    state::use_partner,
};

#[derive(Properties, PartialEq)]
pub struct SignedAgreementProps {
    pub id: AttrValue,
}

#[function_component]
pub fn SignedAgreement(props: &SignedAgreementProps) -> Html {
    html! { <RequireSession><SignedAgreementBody id={props.id.clone()} /></RequireSession> }
}

#[function_component]
fn SignedAgreementBody(props: &SignedAgreementProps) -> Html {
    let t = use_i18n();
    let partner = use_partner();
    let backend = use_backend();
    let text = use_state(|| None::<Result<Agreement, ApiError>>);
    let attempt = use_state(|| 0u32);
    let acceptance = partner
        .partner()
        .and_then(|p| p.agreements.iter().find(|a| a.id == *props.id).cloned());
    let kind = acceptance.as_ref().map(|a| a.kind);
    {
        let text = text.clone();
        use_effect_with((kind, t.lang, *attempt), move |(kind, lang, _)| {
            if let Some(kind) = *kind {
                let lang = *lang;
                wasm_bindgen_futures::spawn_local(async move {
                    text.set(Some(backend.current_agreement(kind, lang).await));
                });
            }
        });
    }
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
    let on_retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    let body = match &*text {
        None => html! { <Skeleton lines={8} /> },
        Some(Err(error)) => html! { <ErrorPanel error={error.clone()} {on_retry} /> },
        Some(Ok(agreement)) if agreement.version == acceptance.version => {
            html! { <AgreementText agreement={agreement.clone()} /> }
        }
        Some(Ok(_)) => html! {
            <div class="panel panel-info"><p>{ t.agreement_other_version(acceptance.version.clone()).to_string() }</p></div>
        },
    };
    html! {
        <section class="page narrow">
            { back }
            <h1>{ acceptance.title.clone() }</h1>
            <p>{ t.agreement_signed_by_on(date_of(&t, &acceptance.accepted_at), acceptance.accepted_by.name.clone(), acceptance.accepted_by.email.clone()).to_string() }</p>
            <p><DownloadButton agreement={AttrValue::from(acceptance.id.clone())} title={AttrValue::from(acceptance.title.clone())} /></p>
            { body }
        </section>
    }
}
