//! "Se connecter": email and password, for every user of every role. Nothing is checked before
//! the server answers, which says only "wrong email or password" (no enumeration); then the
//! remembered page (`?next=`), else `/`, which lands each user where they belong.

use std::rc::Rc;

use partner_domain::{Credentials, ErrorKind};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{failure_message, use_form, SubmitButton, TextField};
use crate::{
    api::{ApiError, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD},
    config::{BackendKind, RuntimeConfig},
    i18n::{use_i18n, I18n},
    route::{next_param, Route},
    state::use_session,
};

#[derive(Properties, PartialEq)]
pub struct SignInFormProps {
    /// The email to sign in with (a new account's admin, an expired session's user).
    #[prop_or_default]
    pub prefill: Option<AttrValue>,
}

#[function_component]
pub fn SignInForm(props: &SignInFormProps) -> Html {
    let t = use_i18n();
    let session = use_session();
    let navigator = use_navigator();
    let config = use_context::<Rc<RuntimeConfig>>();
    let value = use_state(|| Credentials {
        email: props
            .prefill
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default(),
        password: String::new(),
    });
    let form = {
        let set = value.setter();
        use_form(
            &["email", "password"],
            (*value).clone(),
            Callback::from(move |next| set.set(next)),
            |_| Ok(()),
        )
    }
    .with_failure_text(sign_in_failure);
    let onsubmit = form.on_submit(
        move |credentials| {
            let session = session.clone();
            async move { session.sign_in(credentials).await }
        },
        // The remembered page, else `/`, which sends each user where they belong.
        move |_| {
            if let Some(navigator) = &navigator {
                navigator.push(&next_param().unwrap_or(Route::Home));
            }
        },
    );
    let demo = config.is_some_and(|c| c.backend == BackendKind::Mock);
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">{ t.sign_in().to_string() }</h2>
            if demo {
                <p class="hint">{ t.demo_credentials(DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).to_string() }</p>
            }
            { form.summary() }
            <TextField field={form.field("email", |v| &mut v.email)} label={t.field_work_email().to_string()}
                kind="email" autocomplete="username" />
            <TextField field={form.field("password", |v| &mut v.password)} label={t.field_password().to_string()}
                kind="password" autocomplete="current-password" />
            <SubmitButton label={t.sign_in().to_string()} busy={form.busy()} />
        </form>
    }
}

fn sign_in_failure(t: &I18n, error: &ApiError) -> String {
    match error.kind() {
        Some(ErrorKind::Unauthenticated) => t.sign_in_failed().to_string(),
        Some(ErrorKind::Expired) => t.temporary_password_expired().to_string(),
        _ => failure_message(t, error),
    }
}
