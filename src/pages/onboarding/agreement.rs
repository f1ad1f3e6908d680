//! Step 4, "Contrat": the current partner network agreement, read in the app, then accepted
//! by the signed-in Global admin on the company's behalf (the date is recorded).

use partner_domain::{validate, AcceptAgreement, Agreement, AgreementKind};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{
    api::{use_backend, use_load},
    components::{loaded, use_form, AgreementText, Loading, SubmitButton},
    i18n::{date_of, use_i18n},
    route::Route,
    state::{use_partner, use_session},
};

#[function_component]
pub fn AgreementStep() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let text = use_load(t.lang, async move |lang| {
        backend.current_agreement(AgreementKind::Mpn, lang).await
    });
    let body = loaded(&text, html! { <Loading /> }, |agreement| {
        html! { <AcceptForm agreement={(**agreement).clone()} /> }
    });
    html! {
        <WizardStep step={Step::Agreement}>
            <h1>{ t.step_agreement().to_string() }</h1>
            <p>{ t.agreement_intro().to_string() }</p>
            { body }
        </WizardStep>
    }
}

#[derive(Properties, PartialEq)]
struct AcceptFormProps {
    agreement: Agreement,
}

#[function_component]
fn AcceptForm(props: &AcceptFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let partner = use_partner();
    let navigator = use_navigator();
    let checked = use_state(|| false);
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
    let form = {
        let set = checked.setter();
        use_form(
            &["accept"],
            *checked,
            Callback::from(move |next| set.set(next)),
            |accepted| validate::consent(*accepted),
        )
    };
    let onsubmit = {
        let (agreement, lang) = (props.agreement.clone(), t.lang);
        form.on_submit(
            move |_| {
                let body = AcceptAgreement {
                    kind: agreement.kind,
                    version: agreement.version.clone(),
                };
                let (backend, partner) = (backend.clone(), partner.clone());
                async move {
                    backend.accept_agreement(body, lang).await?;
                    // The next step checks the acceptance: have it before going there.
                    match backend.partner().await {
                        Ok(fresh) => partner.set(fresh),
                        Err(_) => partner.reload(),
                    }
                    Ok(())
                }
            },
            move |()| {
                if let Some(navigator) = &navigator {
                    navigator.push(&Route::AdminAgent);
                }
            },
        )
    };
    let on_toggle = {
        let form = form.clone();
        Callback::from(move |e: Event| {
            form.set(
                e.target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked(),
            )
        })
    };
    let problem = form.error("accept");
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
                    { form.summary() }
                    if let Some(message) = &problem {
                        <p id="accept-error" class="error-message">{ message.clone() }</p>
                    }
                    <div class="checkbox">
                        <input type="checkbox" id="accept" checked={*form.value()} onchange={on_toggle}
                            aria-invalid={problem.as_ref().map(|_| "true")} aria-describedby={problem.as_ref().map(|_| "accept-error")} />
                        <label for="accept">{ t.agreement_accept_label().to_string() }</label>
                    </div>
                    <SubmitButton label={t.accept().to_string()} busy={form.busy()} />
                </form>
            }
        </>
    }
}
