//! A temporary password (from an admin's reset or a new account) is replaced before anything
//! else; then back to the page that asked for it (`?next=`).

use partner_domain::{validate, PasswordChange};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{use_form, SubmitButton, TextField};
use crate::{
    api::use_backend,
    i18n::use_i18n,
    route::next_param,
    state::{use_session, use_toasts, ToastKind},
};

#[function_component]
pub fn ChangePasswordForm() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let toasts = use_toasts();
    let navigator = use_navigator();
    let value = use_state(|| PasswordChange {
        current_password: String::new(),
        new_password: String::new(),
    });
    let email = session
        .me()
        .map(|m| m.user.email.clone())
        .unwrap_or_default();
    let form = {
        let set = value.setter();
        use_form(
            &["current_password", "new_password"],
            (*value).clone(),
            Callback::from(move |next| set.set(next)),
            move |v| validate::password_change(v, &email),
        )
    };
    let onsubmit = {
        let t = t.clone();
        form.on_submit(
            move |body| {
                let (backend, session) = (backend.clone(), session.clone());
                async move {
                    backend.change_password(body).await?;
                    session.reload().await;
                    Ok(())
                }
            },
            move |()| {
                toasts.push(ToastKind::Success, t.password_changed().to_string());
                // Sent here from another page to choose a password first: back there.
                if let (Some(next), Some(navigator)) = (next_param(), &navigator) {
                    navigator.replace(&next);
                }
            },
        )
    };
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="change-heading">
            <h1 id="change-heading">{ t.change_password_title().to_string() }</h1>
            <p>{ t.change_password_intro().to_string() }</p>
            { form.summary() }
            <TextField field={form.field("current_password", |v| &mut v.current_password)} label={t.field_current_password().to_string()}
                kind="password" autocomplete="current-password" />
            <TextField field={form.field("new_password", |v| &mut v.new_password)} label={t.field_new_password().to_string()}
                kind="password" autocomplete="new-password" hint={t.password_hint().to_string()} />
            <SubmitButton label={t.change_password_submit().to_string()} busy={form.busy()} />
        </form>
    }
}
