//! Step 2, "Connexion": sign in as the work account's Global admin, or create a work account
//! and then sign in with its new admin (email prefilled), as the seed says. A temporary
//! password is replaced first; a user who is not Global admin is told who can continue.

use partner_domain::{validate, NewAdmin, NewTenant};
use serde::{Deserialize, Serialize};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{
    api::use_backend,
    components::{use_form, ChangePasswordForm, SelectField, SignInForm, SubmitButton, TextField},
    draft::use_draft,
    i18n::{country_options, use_i18n, I18n},
    route::{next_param, Route},
    state::{use_session, SessionState},
};

#[function_component]
pub fn AdminSignInStep() -> Html {
    let t = use_i18n();
    let session = use_session();
    let body = match session.me() {
        Some(me) if me.must_change_password => html! { <ChangePasswordForm /> },
        // The wizard's guard sends everyone but a Global admin where they belong.
        Some(me) => html! {
            <>
                <h1>{ t.sign_in_title().to_string() }</h1>
                <p>{ t.signed_in_continue(me.user.email.clone()).to_string() }</p>
                <p class="actions">
                    <Link<Route> to={next_param().unwrap_or(Route::Home)} classes="button button-primary">{ t.next().to_string() }</Link<Route>>
                    { " " }<SignOutButton />
                </p>
            </>
        },
        None => html! { <SignInOrCreate /> },
    };
    html! { <WizardStep step={Step::AdminSignIn}>{ body }</WizardStep> }
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
    // Two toggle buttons side by side, the pressed one filled.
    let switch_style = use_style!(
        r#"
        display: flex; gap: var(--space-2); flex-wrap: wrap; margin-bottom: var(--space-4);
        .button[aria-pressed="true"] { background: var(--color-primary); color: var(--color-on-primary); }
        "#
    );
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
            <p><crate::components::WorkAccountHelpLink /></p>
            <div class={classes!("mode-switch", switch_style)} role="group" aria-label={t.step_sign_in().to_string()}>
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

/// What the create-account form edits: the draft, and the password kept apart from it.
#[derive(Clone, PartialEq)]
struct AccountForm {
    draft: AccountDraft,
    password: String,
}

#[function_component]
fn CreateAccountForm(props: &CreateAccountFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let draft = use_draft::<AccountDraft>("anonymous", "create-account");
    let password = use_state(String::new);
    let form = {
        let (d, p) = (draft.clone(), password.setter());
        use_form(
            &ACCOUNT_FIELDS,
            AccountForm {
                draft: draft.value().clone(),
                password: (*password).clone(),
            },
            Callback::from(move |next: AccountForm| {
                d.set(next.draft);
                p.set(next.password);
            }),
            |v| validate::new_tenant(&v.draft.request(&v.password)),
        )
    };
    let onsubmit = {
        let (draft, on_created) = (draft.clone(), props.on_created.clone());
        form.on_submit(
            move |v: AccountForm| backend.create_tenant(v.draft.request(&v.password)),
            move |created| {
                draft.clear();
                on_created.emit(created.admin.email.into());
            },
        )
    };
    let value = &form.value().draft;
    let domain = format!(
        "{}.onmicrosoft.com",
        if value.domain_prefix.is_empty() {
            "…"
        } else {
            value.domain_prefix.trim()
        }
    );
    let strength = password_strength(&t, &password);
    let countries: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from("")))
            .chain(country_options(t.lang).iter().cloned())
            .collect();
    html! {
        <form class="form" {onsubmit} novalidate=true aria-labelledby="create-heading">
            <h2 id="create-heading">{ t.create_account_title().to_string() }</h2>
            <crate::components::DraftBanner draft_notice={draft.notice()} on_discard={{ let d = draft.clone(); Callback::from(move |()| d.clear()) }}
                on_dismiss={{ let d = draft.clone(); Callback::from(move |()| d.dismiss_notice()) }} />
            { form.summary() }
            <TextField field={form.field("company_name", |v| &mut v.draft.company_name)} label={t.field_company_name().to_string()}
                autocomplete="organization" />
            <TextField field={form.field("domain_prefix", |v| &mut v.draft.domain_prefix)} label={t.field_domain_prefix().to_string()}
                hint={t.field_domain_hint().to_string()}>
                <p class="preview" aria-live="polite">{ t.field_domain_preview(domain).to_string() }</p>
            </TextField>
            <SelectField field={form.field("country", |v| &mut v.draft.country)} label={t.field_country().to_string()}
                options={countries} autocomplete="country" />
            <TextField field={form.field("admin.first_name", |v| &mut v.draft.first_name)} label={t.field_first_name().to_string()}
                autocomplete="given-name" />
            <TextField field={form.field("admin.last_name", |v| &mut v.draft.last_name)} label={t.field_last_name().to_string()}
                autocomplete="family-name" />
            <TextField field={form.field("admin.password", |v| &mut v.password)} label={t.field_password().to_string()}
                kind="password" autocomplete="new-password" hint={t.password_hint().to_string()}>
                if !password.is_empty() { <p class="preview" aria-live="polite">{ strength }</p> }
            </TextField>
            <SubmitButton label={t.create_account_submit().to_string()} busy={form.busy()} />
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
