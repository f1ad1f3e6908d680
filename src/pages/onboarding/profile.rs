//! Step 3, "Profil": the legal business profile and primary contact, then the seed's
//! IMPORTANT notice about the email sent to the contact.

use partner_domain::{Partner, VerificationStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{
    api::{use_backend, BackendHandle},
    components::{error_message, ProfileForm},
    i18n::use_i18n,
    route::Route,
    state::{use_partner, use_session, use_toasts, ToastKind},
};

#[function_component]
pub fn ProfileStep() -> Html {
    let t = use_i18n();
    let session = use_session();
    let partner = use_partner();
    let Some(me) = session.me() else {
        return html! { <WizardStep step={Step::Profile}>{ Html::default() }</WizardStep> };
    };
    let on_saved = {
        let (partner, session) = (partner.clone(), session.clone());
        Callback::from(move |saved: Partner| {
            partner.set(saved);
            // The session now names the partner (`partner_id`).
            session.refresh();
        })
    };
    let saved = partner.partner();
    html! {
        <WizardStep step={Step::Profile}>
            <h1>{ t.profile_title().to_string() }</h1>
            <p>{ t.profile_intro().to_string() }</p>
            if let Some(saved) = &saved {
                <EmailNotice partner={(**saved).clone()} />
            }
            <ProfileForm owner={me.user.id.clone()} {on_saved}
                initial={saved.map(|p| partner_domain::ProfileRequest { legal_profile: p.legal_profile.clone(), primary_contact: p.primary_contact.clone() })} />
        </WizardStep>
    }
}

#[derive(Properties, PartialEq)]
struct EmailNoticeProps {
    partner: Partner,
}

/// The seed's IMPORTANT notice, with the address it went to, a resend, and the next step.
#[function_component]
fn EmailNotice(props: &EmailNoticeProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let email = props.partner.primary_contact.email.clone();
    let pending = props.partner.verification.status == VerificationStatus::EmailPending;
    let on_resend = {
        let (backend, toasts, t, email) =
            (backend.clone(), toasts.clone(), t.clone(), email.clone());
        Callback::from(move |_: MouseEvent| {
            let (backend, toasts, t, email) =
                (backend.clone(), toasts.clone(), t.clone(), email.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match backend.resend_contact_verification().await {
                    Ok(()) => toasts.push(ToastKind::Success, t.resent(email).to_string()),
                    Err(e) => toasts.push(ToastKind::Error, error_message(&t, &e)),
                }
            });
        })
    };
    html! {
        <div class="panel panel-important" role="status">
            <p><strong>{ t.important().to_string() }</strong></p>
            if pending {
                <p>{ t.email_sent_notice(email.clone()).to_string() }</p>
                <p>
                    <button type="button" class="button" onclick={on_resend}>{ t.resend().to_string() }</button>
                    // Shown only where an outbox answers: the mock, or `partner-server --dev`.
                    { " " }<DevEmailLink backend={backend.clone()} />
                </p>
            } else {
                <p>{ t.email_confirmed_notice(email).to_string() }</p>
            }
            <p class="actions"><Link<Route> to={Route::Agreement} classes="button button-primary">{ t.next().to_string() }</Link<Route>></p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct DevEmailLinkProps {
    backend: BackendHandle,
}

/// In demo mode the "email" is in the browser: a link to open it as the contact would.
#[function_component]
fn DevEmailLink(props: &DevEmailLinkProps) -> Html {
    let t = use_i18n();
    let link = use_state(|| None::<String>);
    {
        let (link, backend) = (link.clone(), props.backend.clone());
        use_effect_with((), move |()| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(outbox) = backend.dev_outbox().await {
                    link.set(outbox.into_iter().find_map(|e| e.link));
                }
            });
        });
    }
    match &*link {
        Some(href) => {
            html! { <a id="dev-email-link" href={href.clone()} target="_blank" rel="noopener">{ t.dev_open_email().to_string() }</a> }
        }
        None => Html::default(),
    }
}
