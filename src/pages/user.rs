//! A user's page (`/settings/users/{id}`), where the seed's last wizard step happens: select
//! your name → Agent d’administration → Mettre à jour.

use partner_domain::{
    permissions::{may_grant, may_manage_user},
    Action, Role, User, UserPatch, UserQuery,
};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError},
    components::{
        error_message, failure_message, loaded, use_form, use_submit_guard, DevEmailLink, Loading,
        RequireSession, RoleChecklist, SubmitButton, TemporaryPassword,
    },
    i18n::{date_of, use_i18n},
    route::Route,
    state::{use_session, use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct UserPageProps {
    pub id: AttrValue,
}

#[function_component]
pub fn UserPage(props: &UserPageProps) -> Html {
    html! { <RequireSession><UserBody id={props.id.clone()} /></RequireSession> }
}

#[function_component]
fn UserBody(props: &UserPageProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    // The user, and how many Global admins the account has (unknown if that count failed).
    let user = use_load(props.id.clone(), async move |id| {
        let user = backend.user(id.to_string()).await?;
        let query = UserQuery {
            role: Some(Role::GlobalAdmin),
            limit: Some(1),
            ..UserQuery::default()
        };
        let admins = backend.users(query).await.ok().map(|l| l.total);
        Ok::<_, ApiError>((user, admins))
    });
    let body = loaded(&user, html! { <Loading /> }, |found| {
        let (found, admins) = (found.0.clone(), found.1);
        let on_saved = {
            let user = user.clone();
            Callback::from(move |saved: User| user.replace((saved, admins)))
        };
        let only_admin = admins == Some(1) && found.has_role(Role::GlobalAdmin);
        html! {
            <>
                <RolesForm key={found.id.clone()} user={found.clone()} {only_admin} {on_saved} />
                <AccountActions key={format!("actions-{}", found.id)} user={found.clone()} {only_admin} />
            </>
        }
    });
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
    /// This user is the work account's only Global admin.
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
    let mine = session.roles();
    let manages_users = session.may(Action::ManageUsers);
    // A Global admin is managed by Global admins only (the page says so, see `AccountActions`).
    let may_manage = may_manage_user(&mine, &props.user.roles);
    let form = {
        let set = roles.setter();
        use_form(
            &["roles"],
            (*roles).clone(),
            Callback::from(move |next| set.set(next)),
            |_| Ok(()),
        )
    };
    let onsubmit = {
        let (id, on_saved, t) = (props.user.id.clone(), props.on_saved.clone(), t.clone());
        form.on_submit(
            move |roles| {
                let patch = UserPatch {
                    roles: Some(roles),
                    ..UserPatch::default()
                };
                backend.update_user(id.clone(), patch)
            },
            move |saved: User| {
                toasts.push(
                    ToastKind::Success,
                    t.user_updated(saved.display_name()).to_string(),
                );
                // A change to one's own roles takes effect at once.
                if session.me().is_some_and(|m| m.user.id == saved.id) {
                    session.refresh();
                }
                on_saved.emit(saved);
            },
        )
    };
    let on_roles = {
        let form = form.clone();
        Callback::from(move |next: Vec<Role>| form.set(next))
    };
    let locked = if !may_grant(&mine, Role::GlobalAdmin) {
        Some(t.global_admin_only())
    } else if props.only_admin {
        Some(t.last_admin_locked())
    } else {
        None
    }
    .map(|why| (Role::GlobalAdmin, AttrValue::from(why.to_string())));
    html! {
        <>
            <h1>{ props.user.display_name() }</h1>
            <p class="muted">{ props.user.email.clone() }</p>
            if props.user.invited_at.is_some() {
                <InvitationStatus user={props.user.clone()} may_resend={may_manage && manages_users} />
            }
            if !manages_users {
                <div class="panel panel-info" role="status"><p>{ t.users_read_only().to_string() }</p></div>
            } else if !may_manage {
                <div class="panel panel-info" role="status"><p>{ t.global_admin_managed_by_global_admins().to_string() }</p></div>
            }
            <form class="form" {onsubmit} novalidate=true>
                { form.summary() }
                <RoleChecklist selected={form.value().clone()} on_change={on_roles} disabled={!may_manage} {locked}
                    error={form.error("roles")} />
                if may_manage { <SubmitButton label={t.update().to_string()} busy={form.busy()} /> }
            </form>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct InvitationStatusProps {
    user: User,
    may_resend: bool,
}

/// A user who has not accepted their invitation yet: since when, and (for who manages them) a
/// new link, once a minute at most.
#[function_component]
fn InvitationStatus(props: &InvitationStatusProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let sent_at = use_state(|| props.user.invited_at.clone().unwrap_or_default());
    let resent = use_state(|| 0u32);
    let on_resend = {
        let (guard, t) = (guard.clone(), t.clone());
        let (id, email) = (props.user.id.clone(), props.user.email.clone());
        let (sent_at, resent) = (sent_at.clone(), resent.clone());
        Callback::from(move |_: MouseEvent| {
            let (answer, toasts, t, email) = (
                backend.resend_invitation(id.clone()),
                toasts.clone(),
                t.clone(),
                email.clone(),
            );
            let (sent_at, resent) = (sent_at.clone(), resent.clone());
            guard.run(async move {
                match answer.await {
                    Ok(invitation) => {
                        sent_at.set(invitation.sent_at);
                        resent.set(*resent + 1);
                        toasts.push(ToastKind::Success, t.invitation_resent(email).to_string());
                    }
                    Err(e) => toasts.push(
                        ToastKind::Error,
                        t.invitation_resend_failed(error_message(&t, &e))
                            .to_string(),
                    ),
                }
            });
        })
    };
    let email = props.user.email.clone();
    html! {
        <div class="panel panel-info" role="status">
            <p>{ t.invitation_pending(date_of(&t, &sent_at)).to_string() }</p>
            if props.may_resend {
                <p class="actions-row">
                    <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} onclick={on_resend}>
                        if guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
                        { t.invitation_resend().to_string() }
                    </button>
                </p>
                <p><DevEmailLink sent={*resent} to={email.clone()} label={AttrValue::from(t.dev_open_invitation(email).to_string())} /></p>
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct AccountActionsProps {
    user: User,
    only_admin: bool,
}

/// Reset the password (the new temporary one is shown once) and delete (after a confirmation
/// dialog); the last Global admin cannot be deleted, and the page says so before anyone tries.
#[function_component]
fn AccountActions(props: &AccountActionsProps) -> Html {
    let t = use_i18n();
    // The delete confirmation: a modal card over a dimmed page.
    let dialog_style = use_style!(
        r#"
        border: 1px solid var(--color-border); border-radius: var(--radius); padding: var(--space-6);
        max-width: min(32rem, calc(100vw - 2rem)); box-shadow: var(--shadow);
        &::backdrop { background: rgb(0 0 0 / 0.4); }
        h2 { margin-top: 0; }
        "#
    );
    let backend = use_backend();
    let navigator = use_navigator();
    let toasts = use_toasts();
    let session = use_session();
    let may_manage = may_manage_user(&session.roles(), &props.user.roles);
    let temporary = use_state(|| None::<String>);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let dialog = use_node_ref();
    if !session.may(Action::ManageUsers) {
        return Html::default();
    }
    if !may_manage {
        // A Global admin, seen by someone who is not one: the actions are there, and why not.
        return html! {
            <section class="panel" aria-labelledby="account-actions-heading">
                <h2 id="account-actions-heading">{ t.account_actions().to_string() }</h2>
                <p class="actions-row">
                    <button type="button" class="button" disabled=true aria-describedby="account-actions-why">
                        { t.reset_password().to_string() }
                    </button>
                    <button type="button" class="button button-danger" disabled=true aria-describedby="account-actions-why">
                        { t.delete_user().to_string() }
                    </button>
                </p>
                <p id="account-actions-why" class="muted">{ t.global_admin_managed_by_global_admins().to_string() }</p>
            </section>
        };
    }
    let on_reset = {
        let (backend, temporary, failed, guard, t) = (
            backend.clone(),
            temporary.clone(),
            failed.clone(),
            guard.clone(),
            t.clone(),
        );
        let id = props.user.id.clone();
        Callback::from(move |_: MouseEvent| {
            let (backend, temporary, failed, t, id) = (
                backend.clone(),
                temporary.clone(),
                failed.clone(),
                t.clone(),
                id.clone(),
            );
            guard.run(async move {
                match backend.reset_password(id).await {
                    Ok(answer) => {
                        failed.set(None);
                        temporary.set(Some(answer.temporary_password));
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let on_ask_delete = {
        let dialog = dialog.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                let _ = dialog.show_modal();
            }
        })
    };
    let close = {
        let dialog = dialog.clone();
        move || {
            if let Some(dialog) = dialog.cast::<web_sys::HtmlDialogElement>() {
                dialog.close();
            }
        }
    };
    let on_cancel = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close())
    };
    let on_delete = {
        let (failed, guard, t) = (failed.clone(), guard.clone(), t.clone());
        let (id, name) = (props.user.id.clone(), props.user.display_name());
        Callback::from(move |_: MouseEvent| {
            let (backend, navigator, toasts, failed, t, id, name, close) = (
                backend.clone(),
                navigator.clone(),
                toasts.clone(),
                failed.clone(),
                t.clone(),
                id.clone(),
                name.clone(),
                close.clone(),
            );
            guard.run(async move {
                let answer = backend.delete_user(id).await;
                close();
                match answer {
                    Ok(()) => {
                        toasts.push(ToastKind::Success, t.user_deleted(name).to_string());
                        if let Some(navigator) = navigator {
                            navigator.replace(&Route::Users);
                        }
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let name = props.user.display_name();
    html! {
        <section class="panel" aria-labelledby="account-actions-heading">
            <h2 id="account-actions-heading">{ t.account_actions().to_string() }</h2>
            if let Some(message) = &*failed {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            if let Some(password) = &*temporary {
                <div class="panel panel-success" role="status">
                    <TemporaryPassword password={password.clone()} />
                </div>
            }
            <p class="actions-row">
                <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} onclick={on_reset}>
                    { t.reset_password().to_string() }
                </button>
                if !props.only_admin {
                    <button type="button" class="button button-danger" onclick={on_ask_delete}>{ t.delete_user().to_string() }</button>
                }
            </p>
            if props.only_admin {
                <p class="muted">{ t.last_admin_undeletable().to_string() }</p>
            }
            if !props.only_admin {
                <dialog ref={dialog} class={classes!("dialog", dialog_style)} aria-labelledby="delete-heading">
                    <h2 id="delete-heading">{ t.delete_confirm_title(name.clone()).to_string() }</h2>
                    <p>{ t.delete_confirm_body(props.user.email.clone()).to_string() }</p>
                    <p class="actions-row">
                        <button type="button" class="button" onclick={on_cancel} autofocus=true>{ t.cancel().to_string() }</button>
                        <button type="button" class="button button-danger" aria-disabled={guard.busy().then_some("true")} onclick={on_delete}>
                            { t.delete_user().to_string() }
                        </button>
                    </p>
                </dialog>
            }
        </section>
    }
}
