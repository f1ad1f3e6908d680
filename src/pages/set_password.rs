//! An invited user's page (no session): the link of the invitation email, where they choose the
//! password of their work account, then sign in.

use partner_domain::{validate, AcceptInvitation, ErrorKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::use_backend,
    components::{use_form, SubmitButton, TextField},
    i18n::use_i18n,
    route::{link_token, Route},
};

/// How a link that cannot serve ended: expired, used, unknown.
#[derive(Clone, Copy, PartialEq)]
enum LinkState {
    Expired,
    Used,
    Unknown,
}

#[function_component]
pub fn SetPasswordPage() -> Html {
    let t = use_i18n();
    {
        let t = t.clone();
        use_effect_with((), move |()| t.follow_browser());
    }
    let token = use_memo((), |()| link_token());
    let body = match (*token).clone() {
        None => html! {
            <div class="panel panel-error" role="alert"><p>{ t.set_password_missing().to_string() }</p></div>
        },
        Some(token) => html! { <SetPasswordForm {token} /> },
    };
    html! {
        <section class="page narrow">
            <h1>{ t.set_password_title().to_string() }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SetPasswordFormProps {
    token: String,
}

#[function_component]
fn SetPasswordForm(props: &SetPasswordFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let accepted = use_state(|| None::<String>);
    let link = use_state(|| None::<LinkState>);
    let value = {
        let token = props.token.clone();
        use_state(move || AcceptInvitation {
            token,
            password: String::new(),
        })
    };
    let form = {
        let set = value.setter();
        use_form(
            &["password"],
            (*value).clone(),
            Callback::from(move |next| set.set(next)),
            |v: &AcceptInvitation| validate::chosen_password(&v.password, ""),
        )
    };
    let onsubmit = {
        let (accepted, link) = (accepted.clone(), link.clone());
        form.on_submit(
            move |body| {
                let (backend, link) = (backend.clone(), link.clone());
                async move {
                    // A link that cannot serve is said in its own words, not as a failure.
                    let state = match backend.accept_invitation(body).await {
                        Ok(done) => return Ok(Some(done.email)),
                        Err(e) => match e.kind() {
                            Some(ErrorKind::Expired) => LinkState::Expired,
                            Some(ErrorKind::Conflict) => LinkState::Used,
                            Some(ErrorKind::NotFound) => LinkState::Unknown,
                            _ => return Err(e),
                        },
                    };
                    link.set(Some(state));
                    Ok(None)
                }
            },
            move |email: Option<String>| {
                if email.is_some() {
                    accepted.set(email);
                }
            },
        )
    };
    if let Some(email) = &*accepted {
        return html! {
            <div class="panel panel-success" role="status">
                <p>{ t.set_password_done(email.clone()).to_string() }</p>
                <p><Link<Route> to={Route::SignIn} classes="button button-primary">{ t.sign_in().to_string() }</Link<Route>></p>
            </div>
        };
    }
    if let Some(state) = *link {
        let (class, text) = match state {
            LinkState::Expired => ("panel panel-warning", t.set_password_expired()),
            LinkState::Used => ("panel panel-info", t.set_password_used()),
            LinkState::Unknown => ("panel panel-error", t.set_password_unknown()),
        };
        return html! {
            <div {class} role="alert">
                <p>{ text.to_string() }</p>
                if state == LinkState::Used {
                    <p><Link<Route> to={Route::SignIn} classes="button">{ t.sign_in().to_string() }</Link<Route>></p>
                }
            </div>
        };
    }
    html! {
        <form class="form" {onsubmit} novalidate=true>
            <p>{ t.set_password_intro().to_string() }</p>
            { form.summary() }
            <TextField field={form.field("password", |v| &mut v.password)} label={t.field_new_password().to_string()}
                kind="password" autocomplete="new-password" hint={t.password_hint().to_string()} />
            <SubmitButton label={t.change_password_submit().to_string()} busy={form.busy()} />
        </form>
    }
}
