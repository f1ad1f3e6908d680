use yew::prelude::*;

use super::{error_message, use_submit_guard};
use crate::{
    api::use_backend,
    i18n::use_i18n,
    state::{use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct ResendButtonProps {
    /// Where the email goes (the primary contact), to say so once sent.
    pub email: AttrValue,
}

/// "Renvoyer l’e-mail" of the contact's confirmation; once a minute at most (the server's 429
/// is said as such).
#[function_component]
pub fn ResendButton(props: &ResendButtonProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let onclick = {
        let (email, guard, t) = (props.email.clone(), guard.clone(), t.clone());
        Callback::from(move |_: MouseEvent| {
            let (backend, toasts, t, email) =
                (backend.clone(), toasts.clone(), t.clone(), email.clone());
            guard.run(async move {
                match backend.resend_contact_verification().await {
                    Ok(()) => {
                        toasts.push(ToastKind::Success, t.resent(email.to_string()).to_string())
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

/// In demo mode the "email" is in the browser: a link to open it as the contact would. Shown
/// only where an outbox answers: the mock, or `partner-server --dev`.
#[function_component]
pub fn DevEmailLink() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let link = use_state(|| None::<String>);
    {
        let link = link.clone();
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
