//! "Ajouter un utilisateur" (`/settings/users/new`): first name, last name, work email and roles;
//! on success the temporary password is shown once, with copy and a warning.

use partner_domain::{
    permissions::may_grant, validate, Action, FieldErrors, NewUser, Role, UserCreated,
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{
        failure_message, field_error, use_submit_guard, ErrorSummary, RequireSession,
        RoleChecklist, SubmitButton, TemporaryPassword, TextField,
    },
    i18n::use_i18n,
    route::Route,
    state::use_session,
};

const FIELDS: [&str; 3] = ["first_name", "last_name", "email"];

#[function_component]
pub fn AddUser() -> Html {
    html! { <RequireSession><AddUserBody /></RequireSession> }
}

#[function_component]
fn AddUserBody() -> Html {
    let t = use_i18n();
    let created = use_state(|| None::<UserCreated>);
    let may_manage = use_session().may(Action::ManageUsers);
    let on_created = {
        let created = created.clone();
        Callback::from(move |answer: UserCreated| created.set(Some(answer)))
    };
    let on_another = {
        let created = created.clone();
        Callback::from(move |_: MouseEvent| created.set(None))
    };
    let body = if !may_manage {
        html! { <div class="panel panel-info" role="status"><p>{ t.users_read_only().to_string() }</p></div> }
    } else if let Some(answer) = &*created {
        html! {
            <div class="panel panel-success" role="status">
                <p>{ t.user_added(answer.user.display_name(), answer.user.email.clone()).to_string() }</p>
                <TemporaryPassword password={answer.temporary_password.clone()} />
                <p class="actions">
                    <button type="button" class="button" onclick={on_another}>{ t.add_another().to_string() }</button>
                    { " " }
                    <Link<Route> to={Route::User { id: answer.user.id.clone() }} classes="button">{ t.open_user().to_string() }</Link<Route>>
                </p>
            </div>
        }
    } else {
        html! { <AddUserForm {on_created} /> }
    };
    html! {
        <section class="page narrow">
            <p><Link<Route> to={Route::Users}>{ t.back_to_users().to_string() }</Link<Route>></p>
            <h1>{ t.add_user().to_string() }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AddUserFormProps {
    on_created: Callback<UserCreated>,
}

#[function_component]
fn AddUserForm(props: &AddUserFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let value = use_state(NewUser::default);
    let errors = use_state(FieldErrors::new);
    let attempt = use_state(|| 0u32);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let session = use_session();
    // A user's address is at the work account's domain (the rulebook refuses others).
    let domain: std::rc::Rc<str> = session
        .me()
        .map(|me| me.tenant.domain.as_str().into())
        .unwrap_or_else(|| "".into());
    // Only a Global admin grants Global admin: the box says so instead of failing on submit.
    let locked = (!may_grant(&session.roles(), Role::GlobalAdmin)).then(|| {
        (
            Role::GlobalAdmin,
            AttrValue::from(t.global_admin_only().to_string()),
        )
    });
    let update = |apply: fn(&mut NewUser, String)| {
        let (value, errors, attempt, domain) = (
            value.clone(),
            errors.clone(),
            attempt.clone(),
            domain.clone(),
        );
        Callback::from(move |input: String| {
            let mut next = (*value).clone();
            apply(&mut next, input);
            // Once the user has tried to submit, errors follow each correction.
            if *attempt > 0 {
                errors.set(validate::new_user(&next, &domain).err().unwrap_or_default());
            }
            value.set(next);
        })
    };
    // The box holds the name before `@`; the request carries the whole address.
    let on_email = {
        let (domain, on_address) = (domain.clone(), update(|v, s| v.email = s));
        on_address.reform(move |typed: String| validate::user_address(&typed, &domain))
    };
    let on_roles = {
        let value = value.clone();
        Callback::from(move |roles: Vec<Role>| {
            value.set(NewUser {
                roles,
                ..(*value).clone()
            })
        })
    };
    let onsubmit = {
        let domain = domain.clone();
        let (value, errors, attempt, failed, guard, on_created, t) = (
            value.clone(),
            errors.clone(),
            attempt.clone(),
            failed.clone(),
            guard.clone(),
            props.on_created.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            attempt.set(*attempt + 1);
            let body = (*value).clone();
            if let Err(found) = validate::new_user(&body, &domain) {
                errors.set(found);
                return;
            }
            let (backend, errors, failed, on_created, t) = (
                backend.clone(),
                errors.clone(),
                failed.clone(),
                on_created.clone(),
                t.clone(),
            );
            guard.run(async move {
                match backend.create_user(body).await {
                    Ok(created) => on_created.emit(created),
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        failed.set(None);
                        errors.set(body.fields);
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let error = |path: &str| field_error(&t, &errors, path, "");
    let summary: Vec<(AttrValue, AttrValue)> = FIELDS
        .iter()
        .filter_map(|p| error(p).map(|m| (AttrValue::from(*p), m)))
        .collect();
    html! {
        <form class="form" {onsubmit} novalidate=true>
            <ErrorSummary errors={summary} attempt={*attempt} />
            if let Some(message) = &*failed {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            <TextField path="first_name" label={t.field_first_name().to_string()} autocomplete="off"
                value={value.first_name.clone()} error={error("first_name")} on_input={update(|v, s| v.first_name = s)} />
            <TextField path="last_name" label={t.field_last_name().to_string()} autocomplete="off"
                value={value.last_name.clone()} error={error("last_name")} on_input={update(|v, s| v.last_name = s)} />
            <TextField path="email" label={t.field_work_email().to_string()} autocomplete="off"
                hint={t.user_email_hint(domain.to_string()).to_string()} suffix={format!("@{domain}")}
                value={validate::user_name_part(&value.email, &domain).to_owned()} error={error("email")}
                on_input={on_email} />
            <h2>{ t.users_roles().to_string() }</h2>
            <RoleChecklist selected={value.roles.clone()} on_change={on_roles} {locked} />
            <SubmitButton label={t.add().to_string()} busy={guard.busy()} />
        </form>
    }
}
