use yew::prelude::*;

use super::{error_message, use_submit_guard};
use crate::{
    api::{use_backend, use_load},
    i18n::use_i18n,
    state::{use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct ResendEmailProps {
    /// Where the email goes (the primary contact), to say so once sent.
    pub email: AttrValue,
}

/// "Renvoyer l’e-mail" of the contact's confirmation, and in demo mode the link to open the
/// latest email (after a resend, the new one: the old link no longer works).
#[function_component]
pub fn ResendEmail(props: &ResendEmailProps) -> Html {
    let sent = use_state(|| 0u32);
    let on_sent = {
        let sent = sent.clone();
        Callback::from(move |()| sent.set(*sent + 1))
    };
    html! {
        <p>
            <ResendButton email={props.email.clone()} {on_sent} />
            { " " }<DevEmailLink sent={*sent} to={props.email.clone()} />
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ResendButtonProps {
    email: AttrValue,
    on_sent: Callback<()>,
}

/// Once a minute at most (the server's 429 is said as such).
#[function_component]
fn ResendButton(props: &ResendButtonProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let onclick = {
        let (email, on_sent, guard, t) = (
            props.email.clone(),
            props.on_sent.clone(),
            guard.clone(),
            t.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (backend, toasts, t, email, on_sent) = (
                backend.clone(),
                toasts.clone(),
                t.clone(),
                email.clone(),
                on_sent.clone(),
            );
            guard.run(async move {
                match backend.resend_contact_verification().await {
                    Ok(()) => {
                        toasts.push(ToastKind::Success, t.resent(email.to_string()).to_string());
                        on_sent.emit(());
                    }
                    Err(e) => toasts.push(ToastKind::Error, error_message(&t, &e)),
                }
            });
        })
    };
    html! {
        <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} {onclick}>
            { t.resend().to_string() }
        </button>
    }
}

#[derive(Properties, PartialEq)]
pub struct DevEmailLinkProps {
    /// Emails sent so far from this page: the outbox is read again after each.
    #[prop_or_default]
    pub sent: u32,
    /// Whose latest email it opens.
    pub to: AttrValue,
    /// What it says, when not the contact's confirmation.
    #[prop_or_default]
    pub label: Option<AttrValue>,
}

/// In demo mode the "email" is in the browser: a link to open the latest one sent to `to`, as its
/// reader would. Shown only where an outbox answers: the mock, or `partner-server --dev`.
#[function_component]
pub fn DevEmailLink(props: &DevEmailLinkProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    // Newest first: the first email to them with a link is the latest.
    let outbox = use_load(props.sent, async move |_| backend.dev_outbox().await);
    let to = props.to.as_str();
    let latest = outbox.state().and_then(|o| {
        (o.as_ref().ok()?.iter())
            .filter(|e| e.to == to)
            .find_map(|e| e.link.clone())
    });
    match latest {
        Some(href) => {
            let label = (props.label.clone())
                .unwrap_or_else(|| AttrValue::from(t.dev_open_email().to_string()));
            html! { <a id="dev-email-link" {href} target="_blank" rel="noopener">{ label }</a> }
        }
        None => Html::default(),
    }
}
