//! `--dev` only: the outbox, the vetting switch and demo users at scale.

use axum::extract::{Path, State};
use partner_domain::{
    demo,
    search::{user_search_text, user_sort_key},
    Action, OutboxEmail, Partner, SeedRequest, VerificationEvent, Vetting, VettingDecision,
};
use sqlx::Row;

use crate::{auth::Caller, json::Json, partner, util, ApiError, AppState};

const SEED_MAX: u32 = 20_000;

pub async fn outbox(
    State(state): State<AppState>,
) -> Result<axum::Json<Vec<OutboxEmail>>, ApiError> {
    let emails = sqlx::query(
        "SELECT to_addr, subject, body, link, sent_at FROM outbox ORDER BY id DESC LIMIT 200",
    )
    .fetch_all(&state.db)
    .await?
    .iter()
    .map(|row| OutboxEmail {
        to: row.get("to_addr"),
        subject: row.get("subject"),
        body: row.get("body"),
        link: row.get("link"),
        sent_at: row.get("sent_at"),
    })
    .collect();
    Ok(axum::Json(emails))
}

pub async fn vetting(
    State(state): State<AppState>,
    caller: Caller,
    Path(partner_id): Path<String>,
    Json(body): Json<Vetting>,
) -> Result<axum::Json<Partner>, ApiError> {
    let event = match body.decision {
        VettingDecision::Authorize => VerificationEvent::VettingAuthorized,
        VettingDecision::Reject => VerificationEvent::VettingRejected,
        VettingDecision::ActionRequired => VerificationEvent::VettingActionRequired,
    };
    let mut tx = crate::db::write(&state.db).await?;
    let partner = partner::decide_vetting(&mut tx, caller.tenant_id(), &partner_id, event).await?;
    tx.commit().await?;
    Ok(axum::Json(partner))
}

/// N realistic users in one transaction; they share one hash of a random password, so no one
/// can sign in as them until an admin resets their password.
pub async fn seed(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<SeedRequest>,
) -> Result<axum::Json<serde_json::Value>, ApiError> {
    caller.may(Action::ManageUsers)?;
    if body.users > SEED_MAX {
        let mut fields = partner_domain::FieldErrors::new();
        fields.insert("users".into(), vec!["seed.too_many".into()]);
        return Err(ApiError::validation(fields));
    }
    let hash = util::hash_password(&util::new_token())?;
    let domain = caller.0.tenant.domain.clone();
    let batch = util::new_id();
    let batch = &batch[..8];
    let now = util::now();
    let mut tx = crate::db::write(&state.db).await?;
    for i in 0..body.users as usize {
        let demo::DemoUser {
            first_name: first,
            last_name: last,
            email,
            role,
        } = demo::user(i, &domain, batch);
        let id = util::new_id();
        sqlx::query(
            "INSERT INTO users (id, tenant_id, first_name, last_name, email, password_hash,
                                must_change_password, created_at, search, sort_name)
             VALUES (?, ?, ?, ?, ?, ?, 1, ?, ?, ?)",
        )
        .bind(&id)
        .bind(caller.tenant_id())
        .bind(first)
        .bind(last)
        .bind(&email)
        .bind(&hash)
        .bind(&now)
        .bind(user_search_text(first, last, &email))
        .bind(user_sort_key(first, last))
        .execute(&mut *tx)
        .await?;
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")
            .bind(&id)
            .bind(role.key())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(axum::Json(serde_json::json!({ "created": body.users })))
}

/// The CSP violations browsers reported since the server started (the e2e suite expects none).
pub async fn csp_reports(State(state): State<AppState>) -> axum::Json<Vec<serde_json::Value>> {
    axum::Json(state.csp_reports.all())
}
