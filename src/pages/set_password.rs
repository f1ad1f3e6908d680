//! An invited user's page (no session): the link of the invitation email, where they choose the
//! password of their work account, then sign in. The link is checked on arrival, so that one that
//! cannot serve says so before a password is typed.

use partner_domain::{validate, AcceptInvitation, CheckInvitation, ErrorKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError},
    components::{use_form, ErrorPanel, Loading, SubmitButton, TextField},
    i18n::{use_i18n, I18n},
    route::{link_token, Route},
};

/// How a link that cannot serve ended: expired, used, unknown.
#[derive(Clone, Copy, PartialEq)]
enum LinkState {
    Expired,
    Used,
    Unknown,
}

impl LinkState {
    /// A refusal that says the link cannot serve; other failures are failures.
    fn of(error: &ApiError) -> Option<Self> {
        match error.kind()? {
            ErrorKind::Expired => Some(Self::Expired),
            ErrorKind::Conflict => Some(Self::Used),
            ErrorKind::NotFound => Some(Self::Unknown),
            _ => None,
        }
    }
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
    let check = {
        let backend = backend.clone();
        use_load(props.token.clone(), async move |token| {
            backend.check_invitation(CheckInvitation { token }).await
        })
    };
    let onsubmit = {
        let (accepted, link) = (accepted.clone(), link.clone());
        form.on_submit(
            move |body| {
                let (backend, link) = (backend.clone(), link.clone());
                async move {
                    // A link that stopped serving since it was checked is said in its own
                    // words, not as a failure.
                    match backend.accept_invitation(body).await {
                        Ok(done) => Ok(Some(done.email)),
                        Err(e) => match LinkState::of(&e) {
                            Some(state) => {
                                link.set(Some(state));
                                Ok(None)
                            }
                            None => Err(e),
                        },
                    }
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
    let pending = match check.state() {
        None => return html! { <Loading /> },
        Some(Ok(pending)) => pending.clone(),
        Some(Err(error)) => match LinkState::of(error) {
            Some(state) => return link_panel(&t, state),
            None => return html! { <ErrorPanel error={error.clone()} on_retry={check.retry()} /> },
        },
    };
    if let Some(state) = *link {
        return link_panel(&t, state);
    }
    html! {
        <form class="form" {onsubmit} novalidate=true>
            <p>{ t.set_password_intro().to_string() }</p>
            <p>{ t.set_password_account(pending.email.clone()).to_string() }</p>
            // Password managers file the new password under this account.
            <input type="email" autocomplete="username" value={pending.email.clone()} hidden=true readonly=true />
            { form.summary() }
            <TextField field={form.field("password", |v| &mut v.password)} label={t.field_new_password().to_string()}
                kind="password" autocomplete="new-password" hint={t.password_hint().to_string()} />
            <SubmitButton label={t.change_password_submit().to_string()} busy={form.busy()} />
        </form>
    }
}

fn link_panel(t: &I18n, state: LinkState) -> Html {
    let (class, text) = match state {
        LinkState::Expired => ("panel panel-warning", t.set_password_expired()),
        LinkState::Used => ("panel panel-info", t.set_password_used()),
        LinkState::Unknown => ("panel panel-error", t.set_password_unknown()),
    };
    html! {
        <div {class} role="alert">
            <p>{ text.to_string() }</p>
            if state == LinkState::Used {
                <p><Link<Route> to={Route::SignIn} classes="button">{ t.sign_in().to_string() }</Link<Route>></p>
            }
        </div>
    }
}
