//! The users of a work account (docs/API.md, "Users").

use super::{
    activity::{note_by, Change},
    invitations::invite,
    new_id, new_token, normalise_email, now_stamp, random_16, require, temporary, Env,
    ServiceError, ServiceResult, Store, StoredPassword, UserFilter,
};
use crate::{
    activity::roles_value,
    demo,
    limits::{SEED_MAX_USERS, USER_LIST_DEFAULT_LIMIT, USER_LIST_MAX_LIMIT},
    permissions::{may_grant, may_manage_user},
    search::search_key,
    validate, Action, ActivityAction, ActivityResource, Code, ErrorBody, ErrorKind, FieldErrors,
    ImportUsers, ImportedUsers, Me, NewUser, Role, TemporaryPassword, User, UserCreated, UserList,
    UserPatch, UserQuery, UserStatus,
};

fn sorted(mut roles: Vec<Role>) -> Vec<Role> {
    roles.sort();
    roles.dedup();
    roles
}

/// A new user as stored: trimmed names, email in lower case, roles sorted once each.
fn new_user_record<S: Store>(store: &S, body: NewUser, created_at: &str) -> User {
    User {
        id: new_id(store),
        first_name: body.first_name.trim().to_owned(),
        last_name: body.last_name.trim().to_owned(),
        email: normalise_email(&body.email),
        roles: sorted(body.roles),
        created_at: created_at.to_owned(),
        invited_at: None,
    }
}

fn email_taken() -> ServiceError {
    ServiceError::field(
        ErrorKind::Conflict,
        "email",
        Code::EmailTaken,
        "A user with this email already exists.",
    )
}

/// 403 on `field` for roles the caller may not grant (Global admin, unless they are one).
fn check_grants(caller: &Me, field: &str, roles: &[Role]) -> ServiceResult<()> {
    match roles.iter().find(|r| !may_grant(&caller.user.roles, **r)) {
        Some(role) => Err(ServiceError::field(
            ErrorKind::Forbidden,
            field,
            Code::GlobalAdminOnly,
            format!("Only a Global admin can grant or remove {}.", role.key()),
        )),
        None => Ok(()),
    }
}

fn last_global_admin() -> ServiceError {
    ServiceError::field(
        ErrorKind::Conflict,
        "roles",
        Code::LastGlobalAdmin,
        "A work account keeps at least one Global admin.",
    )
}

/// The log's records of a new user: the user, and the roles they were given.
async fn note_new_user<S: Store>(store: &mut S, caller: &Me, user: &User) -> ServiceResult<()> {
    let created = Change::new(ActivityResource::User, ActivityAction::Created, &user.email)
        .values(None, Some(user.display_name()));
    note_by(store, caller, created).await?;
    let roles = Change::new(
        ActivityResource::Roles,
        ActivityAction::Changed,
        &user.email,
    )
    .values(None, Some(roles_value(&user.roles)));
    note_by(store, caller, roles).await
}

/// A temporary password that passes the password rules.
fn temporary_password<S: Store>(store: &S) -> String {
    validate::temporary_password(random_16(store))
}

/// A password nobody knows: such users sign in once they accept their invitation, or once an
/// admin resets theirs.
async fn unusable_password<S: Store>(store: &mut S) -> ServiceResult<StoredPassword> {
    let secret = new_token(store);
    let hash = store.env().hash_password(&secret).await?;
    Ok(temporary(store, hash))
}

/// `GET /api/users`: search (accents and case ignored), role filter, paging.
pub async fn list_users<S: Store>(
    store: &mut S,
    caller: &Me,
    query: &UserQuery,
) -> ServiceResult<UserList> {
    require(caller, Action::ListUsers)?;
    let filter = UserFilter {
        tenant_id: caller.tenant.id.clone(),
        needle: search_key(&query.q),
        role: query.role,
        invited_only: query.status == Some(UserStatus::Invited),
        sort: query.sort,
        direction: query.direction,
        offset: query.offset,
        limit: query
            .limit
            .unwrap_or(USER_LIST_DEFAULT_LIMIT)
            .min(USER_LIST_MAX_LIMIT),
    };
    Ok(store.list_users(&filter).await?)
}

/// `GET /api/users/{id}`: any user of the caller's work account.
pub async fn user<S: Store>(store: &mut S, caller: &Me, id: &str) -> ServiceResult<User> {
    store.user(&caller.tenant.id, id).await?.ok_or_else(|| {
        ServiceError::refused(ErrorKind::NotFound, "No such user in this work account.")
    })
}

/// `POST /api/users`: the new user, invited by email to choose a password.
pub async fn create_user<S: Store>(
    store: &mut S,
    caller: &Me,
    body: NewUser,
) -> ServiceResult<UserCreated> {
    require(caller, Action::ManageUsers)?;
    validate::new_user(&body, &caller.tenant.domain).map_err(ServiceError::invalid)?;
    check_grants(caller, "roles", &body.roles)?;
    if store.email_taken(&normalise_email(&body.email)).await? {
        return Err(email_taken());
    }
    let password = unusable_password(store).await?;
    let created_at = now_stamp(store);
    let mut user = new_user_record(store, body, &created_at);
    store
        .insert_user(&caller.tenant.id, &user, &password)
        .await?;
    let invitation = invite(store, caller, &mut user).await?;
    note_new_user(store, caller, &user).await?;
    Ok(UserCreated { user, invitation })
}

/// `POST /api/users/import`: every row or none; every problem is reported at once (422 for the
/// rules, 409 for emails already in use).
pub async fn import_users<S: Store>(
    store: &mut S,
    caller: &Me,
    body: ImportUsers,
) -> ServiceResult<ImportedUsers> {
    require(caller, Action::ManageUsers)?;
    validate::import_users(&body, &caller.tenant.domain).map_err(ServiceError::invalid)?;
    for (i, row) in body.users.iter().enumerate() {
        check_grants(caller, &format!("users.{i}.roles"), &row.roles)?;
    }
    let mut taken = FieldErrors::new();
    for (i, row) in body.users.iter().enumerate() {
        if store.email_taken(&normalise_email(&row.email)).await? {
            taken.insert(format!("users.{i}.email"), vec![Code::EmailTaken]);
        }
    }
    if !taken.is_empty() {
        let mut error = ErrorBody::new(ErrorKind::Conflict, "Some emails are already in use.");
        error.fields = taken;
        return Err(ServiceError::Refused(error));
    }
    // One hash for all: hashing a thousand passwords would hold the request for seconds.
    let password = unusable_password(store).await?;
    let created_at = now_stamp(store);
    let mut created = Vec::with_capacity(body.users.len());
    for row in body.users {
        let mut user = new_user_record(store, row, &created_at);
        store
            .insert_user(&caller.tenant.id, &user, &password)
            .await?;
        invite(store, caller, &mut user).await?;
        note_new_user(store, caller, &user).await?;
        created.push(user);
    }
    Ok(ImportedUsers { created })
}

/// The target of a change (403 if the caller may not manage it), and whether removing its Global
/// admin role would leave the work account without one.
pub(super) async fn target_and_last_admin<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
) -> ServiceResult<(User, bool)> {
    let target = user(store, caller, id).await?;
    if !may_manage_user(&caller.user.roles, &target.roles) {
        return Err(ServiceError::refused(
            ErrorKind::Forbidden,
            "Only a Global admin can change, reset or delete a Global admin.",
        ));
    }
    let last = target.has_role(Role::GlobalAdmin)
        && store.global_admins_except(&caller.tenant.id, id).await? == 0;
    Ok((target, last))
}

/// `PATCH /api/users/{id}`: names and roles; a work account keeps one Global admin.
pub async fn update_user<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
    patch: UserPatch,
) -> ServiceResult<User> {
    require(caller, Action::ManageUsers)?;
    validate::user_patch(&patch).map_err(ServiceError::invalid)?;
    let (mut target, last_admin) = target_and_last_admin(store, caller, id).await?;
    let before = target.clone();
    if let Some(first) = patch.first_name {
        target.first_name = first.trim().to_owned();
    }
    if let Some(last) = patch.last_name {
        target.last_name = last.trim().to_owned();
    }
    if let Some(roles) = patch.roles {
        let changed: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| roles.contains(r) != target.roles.contains(r))
            .collect();
        check_grants(caller, "roles", &changed)?;
        if last_admin && !roles.contains(&Role::GlobalAdmin) {
            return Err(last_global_admin());
        }
        target.roles = sorted(roles);
    }
    store.update_user(&target).await?;
    let names = [
        ("first_name", &before.first_name, &target.first_name),
        ("last_name", &before.last_name, &target.last_name),
    ];
    for (field, old, new) in names.into_iter().filter(|(_, old, new)| old != new) {
        let renamed = Change::new(
            ActivityResource::User,
            ActivityAction::Changed,
            &target.email,
        )
        .detail(field)
        .values(Some(old.clone()), Some(new.clone()));
        note_by(store, caller, renamed).await?;
    }
    if before.roles != target.roles {
        let roles = Change::new(
            ActivityResource::Roles,
            ActivityAction::Changed,
            &target.email,
        )
        .values(
            Some(roles_value(&before.roles)),
            Some(roles_value(&target.roles)),
        );
        note_by(store, caller, roles).await?;
    }
    Ok(target)
}

/// `DELETE /api/users/{id}`.
pub async fn delete_user<S: Store>(store: &mut S, caller: &Me, id: &str) -> ServiceResult<()> {
    require(caller, Action::ManageUsers)?;
    let (target, last_admin) = target_and_last_admin(store, caller, id).await?;
    if last_admin {
        return Err(last_global_admin());
    }
    store.delete_user(id).await?;
    let deleted = Change::new(
        ActivityResource::User,
        ActivityAction::Deleted,
        &target.email,
    )
    .values(Some(target.display_name()), None);
    note_by(store, caller, deleted).await?;
    Ok(())
}

/// `POST /api/users/{id}/password-reset`: a new temporary password; whoever held the old one is
/// signed out everywhere.
pub async fn reset_password<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
) -> ServiceResult<TemporaryPassword> {
    require(caller, Action::ManageUsers)?;
    let (target, _) = target_and_last_admin(store, caller, id).await?;
    let temporary_password = temporary_password(store);
    let hash = store.env().hash_password(&temporary_password).await?;
    let password = temporary(store, hash);
    store.set_password(id, &password).await?;
    store.end_sessions(id, None).await?;
    let reset = Change::new(
        ActivityResource::User,
        ActivityAction::PasswordReset,
        &target.email,
    );
    note_by(store, caller, reset).await?;
    Ok(TemporaryPassword { temporary_password })
}

/// `POST /api/dev/seed`: `count` realistic users of the caller's work account.
pub async fn seed_users<S: Store>(store: &mut S, caller: &Me, count: u32) -> ServiceResult<u32> {
    require(caller, Action::ManageUsers)?;
    if count > SEED_MAX_USERS {
        return Err(ServiceError::field(
            ErrorKind::Validation,
            "users",
            Code::SeedTooMany,
            format!("At most {SEED_MAX_USERS} users at once."),
        ));
    }
    let password = unusable_password(store).await?;
    // Keeps emails unique across seeding runs.
    let batch = new_token(store)[..8].to_owned();
    let created_at = now_stamp(store);
    for i in 0..count as usize {
        let demo = demo::user(i, &caller.tenant.domain, &batch);
        let user = User {
            id: new_id(store),
            first_name: demo.first_name.into(),
            last_name: demo.last_name.into(),
            email: demo.email,
            roles: vec![demo.role],
            created_at: created_at.clone(),
            invited_at: None,
        };
        store
            .insert_user(&caller.tenant.id, &user, &password)
            .await?;
    }
    Ok(count)
}
