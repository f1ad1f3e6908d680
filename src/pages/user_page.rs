//! A user's page (`/settings/users/{id}`), where the seed's last wizard step happens: select
//! your name → Agent d’administration → Mettre à jour.

use partner_domain::{Action, Role, User, UserPatch, UserQuery};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{
        failure_message, use_submit_guard, ErrorPanel, Loading, RequireSession, RoleChecklist,
        SubmitButton,
    },
    i18n::use_i18n,
    route::Route,
    state::{use_session, use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct UserPageProps {
    pub id: AttrValue,
}

#[function_component]
pub fn UserPage(props: &UserPageProps) -> Html {
    html! { <RequireSession><UserDetail id={props.id.clone()} /></RequireSession> }
}

#[function_component]
fn UserDetail(props: &UserPageProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let user = use_state(|| None::<Result<User, ApiError>>);
    let admins = use_state(|| None::<u64>);
    let attempt = use_state(|| 0u32);
    {
        let (user, admins, backend) = (user.clone(), admins.clone(), backend.clone());
        use_effect_with((props.id.clone(), *attempt), move |(id, _)| {
            let id = id.to_string();
            wasm_bindgen_futures::spawn_local(async move {
                user.set(Some(backend.user(id).await));
                let query = UserQuery {
                    role: Some(Role::GlobalAdmin),
                    limit: Some(1),
                    ..UserQuery::default()
                };
                admins.set(backend.users(query).await.ok().map(|l| l.total));
            });
        });
    }
    let body = match &*user {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(found)) => {
            let on_saved = {
                let user = user.clone();
                Callback::from(move |saved: User| user.set(Some(Ok(saved))))
            };
            html! { <RolesForm user={found.clone()} only_admin={*admins == Some(1)} {on_saved} /> }
        }
    };
    html! {
        <section class="page narrow">
            <p><Link<Route> to={Route::Users}>{ t.back_to_users().to_string() }</Link<Route>></p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct RolesFormProps {
    user: User,
    /// The work account has one Global admin only: this user, if they are Global admin.
    only_admin: bool,
    on_saved: Callback<User>,
}

#[function_component]
fn RolesForm(props: &RolesFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let toasts = use_toasts();
    let roles = use_state(|| props.user.roles.clone());
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let may_manage = session.may(Action::ManageUsers);
    let admin_locked = props.only_admin && props.user.has_role(Role::GlobalAdmin);
    let onsubmit = {
        let (roles, failed, guard, user, on_saved, t) = (
            roles.clone(),
            failed.clone(),
            guard.clone(),
            props.user.clone(),
            props.on_saved.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let patch = UserPatch {
                roles: Some((*roles).clone()),
                ..UserPatch::default()
            };
            let (backend, session, toasts, failed, user, on_saved, t) = (
                backend.clone(),
                session.clone(),
                toasts.clone(),
                failed.clone(),
                user.clone(),
                on_saved.clone(),
                t.clone(),
            );
            guard.run(async move {
                match backend.update_user(user.id.clone(), patch).await {
                    Ok(saved) => {
                        failed.set(None);
                        toasts.push(
                            ToastKind::Success,
                            t.user_updated(saved.display_name()).to_string(),
                        );
                        // A change to one's own roles takes effect at once.
                        if session.me().is_some_and(|m| m.user.id == saved.id) {
                            session.refresh();
                        }
                        on_saved.emit(saved);
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let on_roles = {
        let roles = roles.clone();
        Callback::from(move |next: Vec<Role>| roles.set(next))
    };
    let locked = admin_locked.then(|| {
        (
            Role::GlobalAdmin,
            AttrValue::from(t.last_admin_locked().to_string()),
        )
    });
    html! {
        <>
            <h1>{ props.user.display_name() }</h1>
            <p class="muted">{ props.user.email.clone() }</p>
            if !may_manage {
                <div class="panel panel-info" role="status"><p>{ t.users_read_only().to_string() }</p></div>
            }
            <form class="form" {onsubmit} novalidate=true>
                if let Some(message) = &*failed {
                    <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
                }
                <RoleChecklist selected={(*roles).clone()} on_change={on_roles} disabled={!may_manage} {locked} />
                if may_manage { <SubmitButton label={t.update().to_string()} busy={guard.busy()} /> }
            </form>
        </>
    }
}
