//! "Gestion des utilisateurs" (gear → Paramètres → Gestion des utilisateurs) and a user's page,
//! where the seed's last wizard step happens: select your name → Agent d’administration →
//! Mettre à jour.

use std::rc::Rc;

use partner_domain::{role::RoleGroup, Action, Role, User, UserList, UserPatch, UserQuery};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{
        failure_message, use_submit_guard, ErrorPanel, Loading, RequireSession, SubmitButton,
    },
    i18n::{role_description, role_name, use_i18n, I18n},
    route::Route,
    state::{use_session, use_toasts, ToastKind},
};

/// Enough for every user of a large work account in one answer.
const LIST_LIMIT: u64 = 20_000;

fn group_name(t: &I18n, group: RoleGroup) -> String {
    match group {
        RoleGroup::WorkAccount => t.role_group_work_account(),
        RoleGroup::Partner => t.role_group_partner(),
        RoleGroup::Csp => t.role_group_csp(),
    }
    .to_string()
}

#[function_component]
pub fn Users() -> Html {
    html! { <RequireSession><UserDirectory /></RequireSession> }
}

#[function_component]
fn UserDirectory() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let query = use_state(UserQuery::default);
    let list = use_state(|| None::<Result<Rc<UserList>, ApiError>>);
    let attempt = use_state(|| 0u32);
    {
        let (list, backend) = (list.clone(), backend.clone());
        use_effect_with(((*query).clone(), *attempt), move |(query, _)| {
            let query = UserQuery {
                limit: Some(LIST_LIMIT),
                ..query.clone()
            };
            wasm_bindgen_futures::spawn_local(async move {
                list.set(Some(backend.users(query).await.map(Rc::new)));
            });
        });
    }
    let on_search = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            let q = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            query.set(UserQuery {
                q,
                ..(*query).clone()
            });
        })
    };
    let on_role = {
        let query = query.clone();
        Callback::from(move |e: Event| {
            let value = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            query.set(UserQuery {
                role: Role::from_key(&value),
                ..(*query).clone()
            });
        })
    };
    let body = match &*list {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            let attempt = attempt.clone();
            html! { <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| attempt.set(*attempt + 1))} /> }
        }
        Some(Ok(users)) => html! {
            <>
                <p role="status" class="muted">{ t.users_count(users.total as i64).to_string() }</p>
                if users.items.is_empty() {
                    <p>{ t.users_empty().to_string() }</p>
                } else {
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{ t.users_name().to_string() }</th>
                            <th scope="col">{ t.users_email().to_string() }</th>
                            <th scope="col">{ t.users_roles().to_string() }</th>
                        </tr></thead>
                        <tbody>
                            { for users.items.iter().map(|user| html! {
                                <tr key={user.id.clone()}>
                                    <td><Link<Route> to={Route::User { id: user.id.clone() }}>{ user.display_name() }</Link<Route>></td>
                                    <td>{ user.email.clone() }</td>
                                    <td>{ user.roles.iter().map(|r| role_name(&t, *r)).collect::<Vec<_>>().join(", ") }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                }
            </>
        },
    };
    html! {
        <section class="page">
            <h1>{ t.users_title().to_string() }</h1>
            <div class="filters">
                <div class="field">
                    <label for="user-search">{ t.users_search().to_string() }</label>
                    <input id="user-search" type="search" value={query.q.clone()} oninput={on_search} />
                </div>
                <div class="field">
                    <label for="user-role">{ t.users_role_filter().to_string() }</label>
                    <select id="user-role" onchange={on_role}>
                        <option value="" selected={query.role.is_none()}>{ t.users_all_roles().to_string() }</option>
                        { for Role::ALL.iter().map(|r| html! {
                            <option value={r.key()} selected={query.role == Some(*r)}>{ role_name(&t, *r) }</option>
                        }) }
                    </select>
                </div>
            </div>
            { body }
        </section>
    }
}

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
    let me = session.me();
    let may_manage = me
        .as_ref()
        .is_some_and(|m| Action::ManageUsers.allowed_for(&m.user.roles));
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
    let checkbox = |role: Role| {
        let id = format!("role-{}", role.key());
        let checked = roles.contains(&role);
        let locked = !may_manage || (role == Role::GlobalAdmin && admin_locked);
        let onchange = {
            let roles = roles.clone();
            Callback::from(move |e: Event| {
                let on = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked();
                let mut next: Vec<Role> = roles.iter().copied().filter(|r| *r != role).collect();
                if on {
                    next.push(role);
                    next.sort();
                }
                roles.set(next);
            })
        };
        let description_id = format!("{id}-desc");
        html! {
            <div class="checkbox">
                <input type="checkbox" id={id.clone()} {checked} disabled={locked} {onchange} aria-describedby={description_id.clone()} />
                <label for={id}>{ role_name(&t, role) }</label>
                <p id={description_id} class="hint">
                    { role_description(&t, role) }
                    if role == Role::GlobalAdmin && admin_locked { { " " }{ t.last_admin_locked().to_string() } }
                </p>
            </div>
        }
    };
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
                { for RoleGroup::ALL.iter().map(|group| html! {
                    <fieldset>
                        <legend>{ group_name(&t, *group) }</legend>
                        { for Role::ALL.iter().filter(|r| r.group() == *group).map(|r| checkbox(*r)) }
                    </fieldset>
                }) }
                if may_manage { <SubmitButton label={t.update().to_string()} busy={guard.busy()} /> }
            </form>
        </>
    }
}
