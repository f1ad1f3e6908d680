//! Step 4, "Contrat": the current partner network agreement, read in the app, then accepted
//! by the signed-in Global admin on the company's behalf (the date is recorded).

use partner_domain::{AcceptAgreement, Agreement, AgreementKind};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{
    api::{use_backend, ApiError},
    components::{
        failure_message, use_submit_guard, AgreementText, ErrorPanel, Loading, SubmitButton,
    },
    i18n::{date_of, use_i18n},
    route::Route,
    state::{use_partner, use_session},
};

#[function_component]
pub fn AgreementStep() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let text = use_state(|| None::<Result<Agreement, ApiError>>);
    let attempt = use_state(|| 0u32);
    {
        let (text, backend) = (text.clone(), backend.clone());
        use_effect_with((t.lang, *attempt), move |(lang, _)| {
            let lang = *lang;
            text.set(None);
            wasm_bindgen_futures::spawn_local(async move {
                text.set(Some(
                    backend.current_agreement(AgreementKind::Mpn, lang).await,
                ));
            });
        });
    }
    let body = match &*text {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(agreement)) => html! { <Accept agreement={agreement.clone()} /> },
    };
    html! {
        <WizardStep step={Step::Agreement}>
            <h1>{ t.step_agreement().to_string() }</h1>
            <p>{ t.agreement_intro().to_string() }</p>
            { body }
        </WizardStep>
    }
}

#[derive(Properties, PartialEq)]
struct AcceptProps {
    agreement: Agreement,
}

#[function_component]
fn Accept(props: &AcceptProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let partner = use_partner();
    let navigator = use_navigator();
    let checked = use_state(|| false);
    let problem = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let me = session.me();
    let company = partner
        .partner()
        .map(|p| p.legal_profile.legal_name.clone())
        .unwrap_or_default();
    let accepted = partner.partner().and_then(|p| {
        p.agreements
            .iter()
            .find(|a| a.kind == props.agreement.kind)
            .cloned()
    });

    let onsubmit = {
        let (checked, problem, guard, agreement, t) = (
            checked.clone(),
            problem.clone(),
            guard.clone(),
            props.agreement.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if !*checked {
                problem.set(Some(t.agreement_must_check().to_string()));
                return;
            }
            let body = AcceptAgreement {
                kind: agreement.kind,
                version: agreement.version.clone(),
            };
            let (backend, partner, navigator, problem, t) = (
                backend.clone(),
                partner.clone(),
                navigator.clone(),
                problem.clone(),
                t.clone(),
            );
            let lang = t.lang;
            guard.run(async move {
                match backend.accept_agreement(body, lang).await {
                    Ok(_) => {
                        problem.set(None);
                        // The next step checks the acceptance: have it before going there.
                        match backend.partner().await {
                            Ok(fresh) => partner.set(fresh),
                            Err(_) => partner.reload(),
                        }
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::AdminAgent);
                        }
                    }
                    Err(e) => problem.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let on_toggle = {
        let checked = checked.clone();
        Callback::from(move |e: Event| {
            checked.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        })
    };
    html! {
        <>
            <AgreementText agreement={props.agreement.clone()} />
            if let Some(done) = accepted {
                <div class="panel panel-success" role="status">
                    <p>{ t.agreement_accepted(date_of(&t, &done.accepted_at), done.accepted_by.name.clone()).to_string() }</p>
                    <p><Link<Route> to={Route::AdminAgent} classes="button button-primary">{ t.next().to_string() }</Link<Route>></p>
                </div>
            } else {
                <form class="form" {onsubmit} novalidate=true>
                    if let Some(me) = &me {
                        <p>{ t.agreement_signer(company, me.user.display_name(), me.user.email.clone()).to_string() }</p>
                    }
                    if let Some(message) = &*problem {
                        <p id="accept-error" class="error-message" role="alert">{ message.clone() }</p>
                    }
                    <div class="checkbox">
                        <input type="checkbox" id="accept" checked={*checked} onchange={on_toggle}
                            aria-invalid={problem.as_ref().map(|_| "true")} aria-describedby={problem.as_ref().map(|_| "accept-error")} />
                        <label for="accept">{ t.agreement_accept_label().to_string() }</label>
                    </div>
                    <SubmitButton label={t.accept().to_string()} busy={guard.busy()} />
                </form>
            }
        </>
    }
}
