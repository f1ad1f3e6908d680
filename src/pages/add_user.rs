//! "Ajouter un utilisateur" (`/settings/users/new`): first name, last name, work email and roles;
//! on success the new user is invited by email to choose a password.

use std::rc::Rc;

use partner_domain::{permissions::may_grant, validate, Action, NewUser, Role, UserCreated};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::use_backend,
    components::{use_form, DevEmailLink, RequireSession, RoleChecklist, SubmitButton, TextField},
    i18n::{date_of, use_i18n},
    route::Route,
    state::use_session,
};

const FIELDS: [&str; 4] = ["first_name", "last_name", "email", "roles"];

#[function_component]
pub fn AddUserPage() -> Html {
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
                <p>{ t.invitation_sent(answer.invitation.email.clone(), date_of(&t, &answer.invitation.expires_at)).to_string() }</p>
                <p>{ t.invitation_no_mail().to_string() }</p>
                <p><DevEmailLink to={answer.user.email.clone()} label={AttrValue::from(t.dev_open_invitation(answer.user.email.clone()).to_string())} /></p>
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
    let session = use_session();
    let value = use_state(NewUser::default);
    // A user's address is at the work account's domain (the rulebook refuses others).
    let domain: Rc<str> = session
        .me()
        .map(|me| me.tenant.domain.as_str().into())
        .unwrap_or_else(|| "".into());
    let form = {
        let (set, domain) = (value.setter(), domain.clone());
        use_form(
            &FIELDS,
            (*value).clone(),
            Callback::from(move |next| set.set(next)),
            move |v| validate::new_user(v, &domain),
        )
    };
    // Only a Global admin grants Global admin: the box says so instead of failing on submit.
    let locked = (!may_grant(&session.roles(), Role::GlobalAdmin)).then(|| {
        (
            Role::GlobalAdmin,
            AttrValue::from(t.global_admin_only().to_string()),
        )
    });
    // The box holds the name before `@`; the request carries the whole address.
    let mut email = form.field("email", |v| &mut v.email);
    email.value = validate::user_name_part(&email.value, &domain)
        .to_owned()
        .into();
    email.on_input = {
        let domain = domain.clone();
        email
            .on_input
            .reform(move |typed: String| validate::user_address(&typed, &domain))
    };
    let on_roles = {
        let form = form.clone();
        Callback::from(move |roles: Vec<Role>| form.update(|v| v.roles = roles))
    };
    let on_created = props.on_created.clone();
    let onsubmit = form.on_submit(
        move |body| backend.create_user(body),
        move |created| on_created.emit(created),
    );
    html! {
        <form class="form" {onsubmit} novalidate=true>
            { form.summary() }
            <TextField field={form.field("first_name", |v| &mut v.first_name)} label={t.field_first_name().to_string()} autocomplete="off" />
            <TextField field={form.field("last_name", |v| &mut v.last_name)} label={t.field_last_name().to_string()} autocomplete="off" />
            <TextField field={email} label={t.field_work_email().to_string()} autocomplete="off"
                hint={t.user_email_hint(domain.to_string()).to_string()} suffix={format!("@{domain}")} />
            <h2>{ t.users_roles().to_string() }</h2>
            <RoleChecklist selected={form.value().roles.clone()} on_change={on_roles} {locked} error={form.error("roles")} />
            <SubmitButton label={t.add().to_string()} busy={form.busy()} />
        </form>
    }
}
