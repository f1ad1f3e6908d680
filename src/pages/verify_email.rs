//! The primary contact's page (no session): the link from the verification email.

use yew::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{ErrorPanel, Loading},
    i18n::use_i18n,
};
use partner_domain::{EmailVerified, ErrorKind};

fn token() -> Option<String> {
    let search = gloo_utils::window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("token")
        .filter(|t| !t.trim().is_empty())
}

#[function_component]
pub fn VerifyEmail() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let answer = use_state(|| None::<Result<EmailVerified, ApiError>>);
    let attempt = use_state(|| 0u32);
    let token = use_memo((), |()| token());
    {
        let t = t.clone();
        use_effect_with((), move |()| t.follow_browser());
    }
    {
        let (answer, backend, token) = (answer.clone(), backend.clone(), token.clone());
        use_effect_with(*attempt, move |_| {
            if let Some(token) = (*token).clone() {
                answer.set(None);
                wasm_bindgen_futures::spawn_local(async move {
                    answer.set(Some(backend.verify_email(token).await));
                });
            }
        });
    }
    let body = match (&*token, &*answer) {
        (None, _) => {
            html! { <div class="panel panel-error" role="alert"><p>{ t.verify_missing().to_string() }</p></div> }
        }
        (Some(_), None) => html! { <Loading /> },
        (Some(_), Some(Ok(done))) => html! {
            <div class="panel panel-success" role="status"><p>{ t.verify_confirmed(done.email.clone()).to_string() }</p></div>
        },
        (Some(_), Some(Err(error))) => {
            let (class, text) = match error.kind() {
                Some(ErrorKind::Expired) => ("panel panel-warning", t.verify_expired().to_string()),
                Some(ErrorKind::Conflict) => ("panel panel-success", t.verify_used().to_string()),
                Some(ErrorKind::NotFound) => ("panel panel-error", t.verify_unknown().to_string()),
                _ => {
                    let attempt = attempt.clone();
                    return html! {
                        <section class="page narrow">
                            <h1>{ t.verify_title().to_string() }</h1>
                            <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} />
                        </section>
                    };
                }
            };
            html! { <div {class} role="alert"><p>{ text }</p></div> }
        }
    };
    html! {
        <section class="page narrow">
            <h1>{ t.verify_title().to_string() }</h1>
            { body }
        </section>
    }
}
