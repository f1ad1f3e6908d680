//! The users of a work account, their roles, and the account's first user.

use axum::{
    extract::{Path, Query, State},
    http::StatusCode,
};
use partner_domain::{
    search::{search_key, user_search_text, user_sort_key},
    validate, Action, ImportUsers, ImportedUsers, Me, NewUser, Role, TemporaryPassword,
    TenantSummary, User, UserCreated, UserList, UserPatch, UserQuery,
};
use sqlx::{Row, SqliteConnection, SqlitePool};

use crate::{auth::Caller, json::Json, util, ApiError, AppState};

const DEFAULT_LIMIT: u64 = 100;
/// Enough for the whole list of a large tenant in one answer (user management windows it).
const MAX_LIMIT: u64 = 20_000;

fn parse_roles(joined: Option<String>) -> Vec<Role> {
    let mut roles: Vec<Role> = joined
        .unwrap_or_default()
        .split(',')
        .filter_map(Role::from_key)
        .collect();
    roles.sort();
    roles
}

const USER_COLUMNS: &str = "u.id, u.first_name, u.last_name, u.email, u.created_at,
    (SELECT group_concat(role) FROM user_roles r WHERE r.user_id = u.id) AS roles";

fn user_from(row: &sqlx::sqlite::SqliteRow) -> User {
    User {
        id: row.get("id"),
        first_name: row.get("first_name"),
        last_name: row.get("last_name"),
        email: row.get("email"),
        roles: parse_roles(row.get("roles")),
        created_at: row.get("created_at"),
    }
}

async fn user_in_tenant(db: &SqlitePool, tenant_id: &str, id: &str) -> Result<User, ApiError> {
    let sql = format!("SELECT {USER_COLUMNS} FROM users u WHERE u.id = ? AND u.tenant_id = ?");
    sqlx::query(&sql)
        .bind(id)
        .bind(tenant_id)
        .fetch_optional(db)
        .await?
        .map(|row| user_from(&row))
        .ok_or_else(|| ApiError::not_found("No such user in this work account."))
}

/// The session's view of a user (`GET /api/session`).
pub async fn me(db: &SqlitePool, user_id: &str) -> Result<Option<Me>, ApiError> {
    let sql = format!(
        "SELECT {USER_COLUMNS}, u.must_change_password, t.id AS tenant_id, t.name AS tenant_name,
                t.domain_prefix, (SELECT p.id FROM partners p WHERE p.tenant_id = t.id) AS partner_id
         FROM users u JOIN tenants t ON t.id = u.tenant_id WHERE u.id = ?"
    );
    let Some(row) = sqlx::query(&sql).bind(user_id).fetch_optional(db).await? else {
        return Ok(None);
    };
    let prefix: String = row.get("domain_prefix");
    Ok(Some(Me {
        user: user_from(&row),
        tenant: TenantSummary {
            id: row.get("tenant_id"),
            name: row.get("tenant_name"),
            domain: format!("{prefix}.onmicrosoft.com"),
        },
        partner_id: row.get("partner_id"),
        must_change_password: row.get::<i64, _>("must_change_password") != 0,
    }))
}

/// Inserts a user and their roles on an open transaction.
pub async fn insert(
    tx: &mut SqliteConnection,
    tenant_id: &str,
    new: &NewUser,
    password_hash: &str,
    must_change_password: bool,
) -> Result<User, ApiError> {
    let user = User {
        id: util::new_id(),
        first_name: new.first_name.trim().to_owned(),
        last_name: new.last_name.trim().to_owned(),
        email: new.email.trim().to_lowercase(),
        roles: {
            let mut roles = new.roles.clone();
            roles.sort();
            roles.dedup();
            roles
        },
        created_at: util::now(),
    };
    let inserted = sqlx::query(
        "INSERT INTO users (id, tenant_id, first_name, last_name, email, password_hash,
                            must_change_password, created_at, search, sort_name)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&user.id)
    .bind(tenant_id)
    .bind(&user.first_name)
    .bind(&user.last_name)
    .bind(&user.email)
    .bind(password_hash)
    .bind(must_change_password)
    .bind(&user.created_at)
    .bind(user_search_text(
        &user.first_name,
        &user.last_name,
        &user.email,
    ))
    .bind(user_sort_key(&user.first_name, &user.last_name))
    .execute(&mut *tx)
    .await;
    if let Err(sqlx::Error::Database(e)) = &inserted {
        if e.is_unique_violation() {
            return Err(ApiError::conflict(
                "email",
                "email.taken",
                "A user with this email already exists.",
            ));
        }
    }
    inserted?;
    for role in &user.roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
            .bind(&user.id)
            .bind(role.key())
            .execute(&mut *tx)
            .await?;
    }
    Ok(user)
}

pub async fn list(
    State(state): State<AppState>,
    caller: Caller,
    Query(query): Query<UserQuery>,
) -> Result<axum::Json<UserList>, ApiError> {
    caller.may(Action::ListUsers)?;
    let limit = query.limit.unwrap_or(DEFAULT_LIMIT).min(MAX_LIMIT);
    let needle = search_key(&query.q)
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    let role = query.role.map(Role::key);
    let filter = "u.tenant_id = ?1 AND u.search LIKE '%' || ?2 || '%' ESCAPE '\\'
        AND (?3 IS NULL OR EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ?3))";
    let total: i64 = sqlx::query_scalar(&format!("SELECT count(*) FROM users u WHERE {filter}"))
        .bind(caller.tenant_id())
        .bind(&needle)
        .bind(role)
        .fetch_one(&state.db)
        .await?;
    let sql = format!(
        "SELECT {USER_COLUMNS} FROM users u WHERE {filter}
         ORDER BY u.sort_name, u.id LIMIT ?4 OFFSET ?5"
    );
    let items = sqlx::query(&sql)
        .bind(caller.tenant_id())
        .bind(&needle)
        .bind(role)
        .bind(limit as i64)
        .bind(query.offset.min(i64::MAX as u64) as i64)
        .fetch_all(&state.db)
        .await?
        .iter()
        .map(user_from)
        .collect();
    Ok(axum::Json(UserList {
        items,
        total: total as u64,
    }))
}

pub async fn create(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<NewUser>,
) -> Result<(StatusCode, axum::Json<UserCreated>), ApiError> {
    caller.may(Action::ManageUsers)?;
    validate::new_user(&body).map_err(ApiError::validation)?;
    let temporary_password = util::new_temporary_password();
    let hash = util::hash_password(&temporary_password)?;
    let mut tx = crate::db::write(&state.db).await?;
    let user = insert(&mut tx, caller.tenant_id(), &body, &hash, true).await?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(UserCreated {
            user,
            temporary_password,
        }),
    ))
}

/// `POST /api/users/import`: all rows or none, in one transaction; every problem is reported at
/// once (422 for the rules, 409 for emails already in use).
pub async fn import(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<ImportUsers>,
) -> Result<(StatusCode, axum::Json<ImportedUsers>), ApiError> {
    caller.may(Action::ManageUsers)?;
    validate::import_users(&body).map_err(ApiError::validation)?;
    // One hash of a random password: nobody signs in as these users until a reset.
    let hash = util::hash_password(&util::new_token())?;
    let mut tx = crate::db::write(&state.db).await?;
    let mut taken = partner_domain::FieldErrors::new();
    for (i, user) in body.users.iter().enumerate() {
        let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM users WHERE email = ?")
            .bind(user.email.trim().to_lowercase())
            .fetch_optional(&mut *tx)
            .await?;
        if exists.is_some() {
            taken.insert(format!("users.{i}.email"), vec!["email.taken".into()]);
        }
    }
    if !taken.is_empty() {
        let mut error = partner_domain::ErrorBody::new(
            partner_domain::ErrorKind::Conflict,
            "Some emails are already in use.",
        );
        error.fields = taken;
        return Err(ApiError::Body(error));
    }
    let mut created = Vec::with_capacity(body.users.len());
    for user in &body.users {
        created.push(insert(&mut tx, caller.tenant_id(), user, &hash, true).await?);
    }
    tx.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(ImportedUsers { created })))
}

pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<User>, ApiError> {
    user_in_tenant(&state.db, caller.tenant_id(), &id)
        .await
        .map(axum::Json)
}

async fn other_global_admins(
    tx: &mut SqliteConnection,
    tenant_id: &str,
    user_id: &str,
) -> Result<i64, ApiError> {
    Ok(sqlx::query_scalar(
        "SELECT count(*) FROM users u JOIN user_roles r ON r.user_id = u.id
         WHERE u.tenant_id = ? AND r.role = 'global_admin' AND u.id <> ?",
    )
    .bind(tenant_id)
    .bind(user_id)
    .fetch_one(&mut *tx)
    .await?)
}

fn last_global_admin() -> ApiError {
    ApiError::conflict(
        "roles",
        "last_global_admin",
        "A work account keeps at least one Global admin.",
    )
}

pub async fn update(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
    Json(patch): Json<UserPatch>,
) -> Result<axum::Json<User>, ApiError> {
    caller.may(Action::ManageUsers)?;
    validate::user_patch(&patch).map_err(ApiError::validation)?;
    let user = user_in_tenant(&state.db, caller.tenant_id(), &id).await?;
    let mut tx = crate::db::write(&state.db).await?;
    let first = patch
        .first_name
        .as_deref()
        .map_or(user.first_name.clone(), |n| n.trim().to_owned());
    let last = patch
        .last_name
        .as_deref()
        .map_or(user.last_name.clone(), |n| n.trim().to_owned());
    sqlx::query(
        "UPDATE users SET first_name = ?, last_name = ?, search = ?, sort_name = ? WHERE id = ?",
    )
    .bind(&first)
    .bind(&last)
    .bind(user_search_text(&first, &last, &user.email))
    .bind(user_sort_key(&first, &last))
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if let Some(roles) = &patch.roles {
        let keeps_admin = roles.contains(&Role::GlobalAdmin);
        if user.has_role(Role::GlobalAdmin)
            && !keeps_admin
            && other_global_admins(&mut tx, caller.tenant_id(), &id).await? == 0
        {
            return Err(last_global_admin());
        }
        sqlx::query("DELETE FROM user_roles WHERE user_id = ?")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        for role in roles {
            sqlx::query("INSERT OR IGNORE INTO user_roles (user_id, role) VALUES (?, ?)")
                .bind(&id)
                .bind(role.key())
                .execute(&mut *tx)
                .await?;
        }
    }
    tx.commit().await?;
    user_in_tenant(&state.db, caller.tenant_id(), &id)
        .await
        .map(axum::Json)
}

pub async fn delete(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<StatusCode, ApiError> {
    caller.may(Action::ManageUsers)?;
    let user = user_in_tenant(&state.db, caller.tenant_id(), &id).await?;
    let mut tx = crate::db::write(&state.db).await?;
    if user.has_role(Role::GlobalAdmin)
        && other_global_admins(&mut tx, caller.tenant_id(), &id).await? == 0
    {
        return Err(last_global_admin());
    }
    sqlx::query("DELETE FROM users WHERE id = ?")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn reset_password(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<axum::Json<TemporaryPassword>, ApiError> {
    caller.may(Action::ManageUsers)?;
    user_in_tenant(&state.db, caller.tenant_id(), &id).await?;
    let temporary_password = util::new_temporary_password();
    let mut tx = crate::db::write(&state.db).await?;
    sqlx::query("UPDATE users SET password_hash = ?, must_change_password = 1 WHERE id = ?")
        .bind(util::hash_password(&temporary_password)?)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    // Whoever held the old password is signed out everywhere.
    sqlx::query("DELETE FROM sessions WHERE user_id = ?")
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(axum::Json(TemporaryPassword { temporary_password }))
}
