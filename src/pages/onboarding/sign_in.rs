//! Step 2, "Connexion": sign in as the work account's Global admin, or create a work account
//! and then sign in with its new admin (email prefilled), as the seed says. A temporary
//! password is replaced first; a user who is not Global admin is told who can continue.

use std::rc::Rc;

use partner_domain::{
    country::COUNTRIES, validate, Credentials, ErrorKind, FieldErrors, NewAdmin, NewTenant,
    PasswordChange,
};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{can_enroll, Step, WizardStep};
use crate::{
    api::{use_backend, ApiError, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD},
    components::{
        failure_message, field_error, use_submit_guard, ErrorSummary, SelectField, SubmitButton,
        TextField,
    },
    config::{BackendKind, RuntimeConfig},
    draft::use_draft,
    i18n::{country_name, use_i18n, I18n},
    route::Route,
    state::{use_session, use_toasts, SessionState, ToastKind},
};

/// The `next` page a guard remembered, if it is one of ours.
fn next_param() -> Option<Route> {
    let search = gloo_utils::window().location().search().unwrap_or_default();
    let next = web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("next"));
    next.filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .and_then(|n| Route::recognize(&n))
        .filter(|r| *r != Route::NotFound && *r != Route::SignIn)
}

/// Where to go after signing in: the remembered page, else the wizard's next step.
fn next_route() -> Route {
    next_param().unwrap_or(Route::Profile)
}

#[function_component]
pub fn SignIn() -> Html {
    let t = use_i18n();
    let session = use_session();
    let body = match session.me() {
        Some(me) if me.must_change_password => html! { <ChangePassword /> },
        Some(me) if can_enroll(&me) => html! {
            <>
                <h1>{ t.sign_in_title().to_string() }</h1>
                <p>{ t.signed_in_continue(me.user.email.clone()).to_string() }</p>
                <p class="actions">
                    <Link<Route> to={next_route()} classes="button button-primary">{ t.next().to_string() }</Link<Route>>
                    { " " }<SignOutButton />
                </p>
            </>
        },
        Some(me) => html! {
            <>
                <h1>{ t.sign_in_title().to_string() }</h1>
                <div class="panel panel-warning" role="alert">
                    <p>{ t.not_global_admin(me.user.display_name()).to_string() }</p>
                </div>
                <p class="actions"><SignOutButton /></p>
            </>
        },
        None => html! { <SignInOrCreate /> },
    };
    html! { <WizardStep step={Step::SignIn}>{ body }</WizardStep> }
}

#[function_component]
fn SignOutButton() -> Html {
    let t = use_i18n();
    let session = use_session();
    let onclick = Callback::from(move |_: MouseEvent| {
        let session = session.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = session.sign_out().await;
        });
    });
    html! { <button type="button" class="button" {onclick}>{ t.sign_in_other().to_string() }</button> }
}

#[derive(Clone, Copy, PartialEq)]
enum Mode {
    SignIn,
    Create,
}

/// Both doors of the seed: "Se connecter" and "Créer un compte".
#[function_component]
fn SignInOrCreate() -> Html {
    let t = use_i18n();
    let session = use_session();
    let mode = use_state(|| Mode::SignIn);
    // After a work account is created, its admin's email, to sign in with.
    let created = use_state(|| None::<AttrValue>);
    let prefill = (*created).clone().or_else(|| match session.state() {
        SessionState::Expired(email) => Some(email.clone()),
        _ => None,
    });
    let on_created = {
        let (mode, created) = (mode.clone(), created.clone());
        Callback::from(move |email: AttrValue| {
            created.set(Some(email));
            mode.set(Mode::SignIn);
        })
    };
    let switch = |to: Mode| {
        let mode = mode.clone();
        Callback::from(move |_: MouseEvent| mode.set(to))
    };
    html! {
        <>
            <h1>{ t.sign_in_title().to_string() }</h1>
            <p>{ t.sign_in_intro().to_string() }</p>
            <div class="mode-switch" role="group" aria-label={t.step_sign_in().to_string()}>
                <button type="button" class="button" aria-pressed={(*mode == Mode::SignIn).to_string()} onclick={switch(Mode::SignIn)}>
                    { t.sign_in().to_string() }
                </button>
                <button type="button" class="button" aria-pressed={(*mode == Mode::Create).to_string()} onclick={switch(Mode::Create)}>
                    { t.create_account().to_string() }
                </button>
            </div>
            if let Some(email) = &*created {
                <div class="panel panel-success" role="status"><p>{ t.account_created(email.to_string()).to_string() }</p></div>
            }
            { match *mode {
                Mode::SignIn => html! { <SignInForm {prefill} /> },
                Mode::Create => html! { <CreateAccountForm {on_created} /> },
            } }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SignInFormProps {
    prefill: Option<AttrValue>,
}

#[function_component]
fn SignInForm(props: &SignInFormProps) -> Html {
    let t = use_i18n();
    let session = use_session();
    let navigator = use_navigator();
    let config = use_context::<Rc<RuntimeConfig>>();
    let email = use_state(|| {
        props
            .prefill
            .as_ref()
            .map(|e| e.to_string())
            .unwrap_or_default()
    });
    let password = use_state(String::new);
    let error = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let onsubmit = {
        let (email, password, error, guard, t) = (
            email.clone(),
            password.clone(),
            error.clone(),
            guard.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let credentials = Credentials {
                email: (*email).clone(),
                password: (*password).clone(),
            };
            let (session, navigator, error, t) =
                (session.clone(), navigator.clone(), error.clone(), t.clone());
            guard.run(async move {
                match session.sign_in(credentials).await {
                    Ok(_) => {
                        error.set(None);
                        if let Some(navigator) = navigator {
                            navigator.push(&next_route());
                        }
                    }
                    Err(e) if e.kind() == Some(ErrorKind::Unauthenticated) => {
                        error.set(Some(t.sign_in_failed().to_string()))
                    }
                    Err(e) if e.kind() == Some(ErrorKind::Expired) => {
                        error.set(Some(t.temporary_password_expired().to_string()))
                    }
                    Err(e) => error.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let demo = config.is_some_and(|c| c.backend == BackendKind::Mock);
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="sign-in-heading">
            <h2 id="sign-in-heading">{ t.sign_in().to_string() }</h2>
            if demo {
                <p class="hint">{ t.demo_credentials(DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD).to_string() }</p>
            }
            if let Some(message) = &*error {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            <TextField path="email" label={t.field_work_email().to_string()} kind="email" autocomplete="username"
                value={(*email).clone()} on_input={Callback::from(move |v| email.set(v))} />
            <TextField path="password" label={t.field_password().to_string()} kind="password" autocomplete="current-password"
                value={(*password).clone()} on_input={Callback::from(move |v| password.set(v))} />
            <SubmitButton label={t.sign_in().to_string()} busy={guard.busy()} />
        </form>
    }
}

/// The create-account form's draft: everything but the password, which is never stored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct AccountDraft {
    company_name: String,
    domain_prefix: String,
    country: String,
    first_name: String,
    last_name: String,
}

impl AccountDraft {
    fn request(&self, password: &str) -> NewTenant {
        NewTenant {
            company_name: self.company_name.clone(),
            domain_prefix: self.domain_prefix.trim().to_owned(),
            country: self.country.clone(),
            admin: NewAdmin {
                first_name: self.first_name.clone(),
                last_name: self.last_name.clone(),
                password: password.to_owned(),
            },
        }
    }
}

/// Form order, for the error summary.
const ACCOUNT_FIELDS: [&str; 6] = [
    "company_name",
    "domain_prefix",
    "country",
    "admin.first_name",
    "admin.last_name",
    "admin.password",
];

#[derive(Properties, PartialEq)]
struct CreateAccountFormProps {
    on_created: Callback<AttrValue>,
}

#[function_component]
fn CreateAccountForm(props: &CreateAccountFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let draft = use_draft::<AccountDraft>("anonymous", "create-account");
    let password = use_state(String::new);
    let errors = use_state(FieldErrors::new);
    let touched = use_state(Vec::<&'static str>::new);
    let attempt = use_state(|| 0u32);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();

    let all_errors = |d: &AccountDraft, password: &str| {
        validate::new_tenant(&d.request(password))
            .err()
            .unwrap_or_default()
    };
    // Errors shown: those of fields the user has left, and every one after a submit.
    let visible = |path: &str| {
        (touched.contains(&path) || *attempt > 0)
            .then(|| field_error(&t, &errors, path, ""))
            .flatten()
    };
    let update = |apply: fn(&mut AccountDraft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut next = draft.value().clone();
            apply(&mut next, value);
            draft.set(next);
        })
    };
    let leave = |path: &'static str| {
        let (touched, errors, draft, password) = (
            touched.clone(),
            errors.clone(),
            draft.clone(),
            password.clone(),
        );
        Callback::from(move |()| {
            if !touched.contains(&path) {
                let mut next = (*touched).clone();
                next.push(path);
                touched.set(next);
            }
            errors.set(all_errors(draft.value(), &password));
        })
    };
    let onsubmit = {
        let (draft, password, errors, attempt, failed, guard, backend, on_created, t) = (
            draft.clone(),
            password.clone(),
            errors.clone(),
            attempt.clone(),
            failed.clone(),
            guard.clone(),
            backend.clone(),
            props.on_created.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let found = all_errors(draft.value(), &password);
            attempt.set(*attempt + 1);
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(FieldErrors::new());
            let body = draft.value().request(&password);
            let (draft, errors, failed, backend, on_created, t) = (
                draft.clone(),
                errors.clone(),
                failed.clone(),
                backend.clone(),
                on_created.clone(),
                t.clone(),
            );
            guard.run(async move {
                match backend.create_tenant(body).await {
                    Ok(created) => {
                        draft.clear();
                        on_created.emit(created.admin.email.into());
                    }
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        failed.set(None);
                        errors.set(body.fields);
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };

    let value = draft.value();
    let domain = format!(
        "{}.onmicrosoft.com",
        if value.domain_prefix.is_empty() {
            "…"
        } else {
            value.domain_prefix.trim()
        }
    );
    let strength = password_strength(&t, &password);
    let summary: Vec<(AttrValue, AttrValue)> = if *attempt > 0 {
        ACCOUNT_FIELDS
            .iter()
            .filter_map(|p| field_error(&t, &errors, p, "").map(|m| (AttrValue::from(*p), m)))
            .collect()
    } else {
        Vec::new()
    };
    let countries: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from("")))
            .chain(COUNTRIES.iter().map(|c| {
                (
                    AttrValue::from(c.code),
                    AttrValue::from(country_name(&t, c.code)),
                )
            }))
            .collect();
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="create-heading">
            <h2 id="create-heading">{ t.create_account_title().to_string() }</h2>
            <crate::components::DraftBanner draft_notice={draft.notice()} on_discard={{ let d = draft.clone(); Callback::from(move |()| d.clear()) }}
                on_dismiss={{ let d = draft.clone(); Callback::from(move |()| d.dismiss_notice()) }} />
            <ErrorSummary errors={summary} attempt={*attempt} />
            if let Some(message) = &*failed {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            <TextField path="company_name" label={t.field_company_name().to_string()} autocomplete="organization"
                value={value.company_name.clone()} error={visible("company_name")}
                on_input={update(|d, v| d.company_name = v)} on_blur={leave("company_name")} />
            <TextField path="domain_prefix" label={t.field_domain_prefix().to_string()} hint={t.field_domain_hint().to_string()}
                value={value.domain_prefix.clone()} error={visible("domain_prefix")}
                on_input={update(|d, v| d.domain_prefix = v)} on_blur={leave("domain_prefix")}>
                <p class="preview" aria-live="polite">{ t.field_domain_preview(domain).to_string() }</p>
            </TextField>
            <SelectField path="country" label={t.field_country().to_string()} value={value.country.clone()} options={countries}
                autocomplete="country" error={visible("country")} on_change={update(|d, v| d.country = v)} />
            <TextField path="admin.first_name" label={t.field_first_name().to_string()} autocomplete="given-name"
                value={value.first_name.clone()} error={visible("admin.first_name")}
                on_input={update(|d, v| d.first_name = v)} on_blur={leave("admin.first_name")} />
            <TextField path="admin.last_name" label={t.field_last_name().to_string()} autocomplete="family-name"
                value={value.last_name.clone()} error={visible("admin.last_name")}
                on_input={update(|d, v| d.last_name = v)} on_blur={leave("admin.last_name")} />
            <TextField path="admin.password" label={t.field_password().to_string()} kind="password" autocomplete="new-password"
                hint={t.password_hint().to_string()} value={(*password).clone()} error={visible("admin.password")}
                on_input={{ let p = password.clone(); Callback::from(move |v| p.set(v)) }} on_blur={leave("admin.password")}>
                if !password.is_empty() { <p class="preview" aria-live="polite">{ strength }</p> }
            </TextField>
            <SubmitButton label={t.create_account_submit().to_string()} busy={guard.busy()} />
        </form>
    }
}

fn password_strength(t: &I18n, password: &str) -> String {
    let classes = validate::password_classes(password);
    let length = password.chars().count();
    let level = if validate::password(password, "").is_err() {
        t.strength_weak()
    } else if length >= 16 && classes >= 3 {
        t.strength_strong()
    } else {
        t.strength_fair()
    };
    t.password_strength(level.to_string()).to_string()
}

/// A temporary password (from an admin's reset) is replaced before anything else.
#[function_component]
fn ChangePassword() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let toasts = use_toasts();
    let navigator = use_navigator();
    let current = use_state(String::new);
    let new = use_state(String::new);
    let errors = use_state(FieldErrors::new);
    let attempt = use_state(|| 0u32);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let email = session
        .me()
        .map(|m| m.user.email.clone())
        .unwrap_or_default();
    let onsubmit = {
        let (current, new, errors, attempt, failed, guard, t) = (
            current.clone(),
            new.clone(),
            errors.clone(),
            attempt.clone(),
            failed.clone(),
            guard.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = PasswordChange {
                current_password: (*current).clone(),
                new_password: (*new).clone(),
            };
            attempt.set(*attempt + 1);
            if let Err(found) = validate::password_change(&body, &email) {
                errors.set(found);
                return;
            }
            let (backend, session, toasts, navigator, errors, failed, t) = (
                backend.clone(),
                session.clone(),
                toasts.clone(),
                navigator.clone(),
                errors.clone(),
                failed.clone(),
                t.clone(),
            );
            guard.run(async move {
                match backend.change_password(body).await {
                    Ok(()) => {
                        toasts.push(ToastKind::Success, t.password_changed().to_string());
                        session.reload().await;
                        // Sent here from another page to choose a password first: back there.
                        if let (Some(next), Some(navigator)) = (next_param(), navigator) {
                            navigator.replace(&next);
                        }
                    }
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        errors.set(body.fields)
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let summary: Vec<(AttrValue, AttrValue)> = ["current_password", "new_password"]
        .iter()
        .filter_map(|p| field_error(&t, &errors, p, "").map(|m| (AttrValue::from(*p), m)))
        .collect();
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="change-heading">
            <h1 id="change-heading">{ t.change_password_title().to_string() }</h1>
            <p>{ t.change_password_intro().to_string() }</p>
            <ErrorSummary errors={summary} attempt={*attempt} />
            if let Some(message) = &*failed {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            <TextField path="current_password" label={t.field_current_password().to_string()} kind="password"
                autocomplete="current-password" value={(*current).clone()} error={field_error(&t, &errors, "current_password", "")}
                on_input={Callback::from(move |v| current.set(v))} />
            <TextField path="new_password" label={t.field_new_password().to_string()} kind="password" autocomplete="new-password"
                hint={t.password_hint().to_string()} value={(*new).clone()} error={field_error(&t, &errors, "new_password", "")}
                on_input={Callback::from(move |v| new.set(v))} />
            <SubmitButton label={t.change_password_submit().to_string()} busy={guard.busy()} />
        </form>
    }
}
