//! `POST /api/tenants`: a work account `prefix.onmicrosoft.com` and its first Global admin.

use axum::{extract::State, http::StatusCode};
use partner_domain::{validate, AdminRef, NewTenant, NewUser, Role, TenantCreated, TenantRef};

use crate::{json::Json, users, util, ApiError, AppState};

pub async fn create(
    State(state): State<AppState>,
    Json(body): Json<NewTenant>,
) -> Result<(StatusCode, axum::Json<TenantCreated>), ApiError> {
    validate::new_tenant(&body).map_err(ApiError::validation)?;
    let taken = || {
        ApiError::conflict(
            "domain_prefix",
            "domain_prefix.taken",
            "This domain prefix is taken.",
        )
    };
    let hash = util::hash_password(&body.admin.password)?;
    let mut tx = crate::db::write(&state.db).await?;
    let tenant_id = util::new_id();
    let inserted = sqlx::query(
        "INSERT INTO tenants (id, name, domain_prefix, country, created_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(&tenant_id)
    .bind(body.company_name.trim())
    .bind(&body.domain_prefix)
    .bind(&body.country)
    .bind(util::now())
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => return Err(taken()),
        other => other?,
    };
    let domain = format!("{}.onmicrosoft.com", body.domain_prefix);
    let email = format!("admin@{domain}");
    let admin = NewUser {
        first_name: body.admin.first_name.clone(),
        last_name: body.admin.last_name.clone(),
        email,
        roles: vec![Role::GlobalAdmin],
    };
    let admin = users::insert(&mut tx, &tenant_id, &admin, &hash, false)
        .await
        .map_err(|e| match e {
            // admin@prefix… exists only if the prefix does.
            ApiError::Body(b) if b.error == partner_domain::ErrorKind::Conflict => taken(),
            other => other,
        })?;
    tx.commit().await?;
    Ok((
        StatusCode::CREATED,
        axum::Json(TenantCreated {
            tenant: TenantRef {
                id: tenant_id,
                domain,
            },
            admin: AdminRef {
                id: admin.id,
                email: admin.email,
            },
        }),
    ))
}
