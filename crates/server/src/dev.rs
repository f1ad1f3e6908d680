//! `--dev` only: the outbox, the vetting switch and demo users at scale.

use axum::extract::{Path, State};
use partner_domain::{
    search::{user_search_text, user_sort_key},
    Action, OutboxEmail, Partner, Role, SeedRequest, VerificationEvent, Vetting, VettingDecision,
};
use sqlx::Row;

use crate::{auth::Caller, json::Json, partner, users::role_key, util, ApiError, AppState};

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
    let mut tx = state.db.begin().await?;
    let partner = partner::decide_vetting(&mut tx, caller.tenant_id(), &partner_id, event).await?;
    tx.commit().await?;
    Ok(axum::Json(partner))
}

const FIRST_NAMES: &[&str] = &[
    "Éloïse",
    "Amélie",
    "Zoé",
    "Léa",
    "Chloé",
    "Inès",
    "Anaïs",
    "Hélène",
    "Maëlle",
    "Noémie",
    "Jérôme",
    "François",
    "Benoît",
    "Joël",
    "Gaëtan",
    "Raphaël",
    "Loïc",
    "Mathéo",
    "Hugo",
    "Thomas",
    "Olivia",
    "Emma",
    "Sophia",
    "Grace",
    "Liam",
    "Noah",
    "James",
    "Oliver",
    "Ethan",
    "Lucas",
];
const LAST_NAMES: &[&str] = &[
    "Lefèvre",
    "Gauthier",
    "Mercier",
    "Bérard",
    "Caron",
    "Dupré",
    "Fournier",
    "Girard",
    "Lemaître",
    "Moreau",
    "Nguyen",
    "Perrin",
    "Rousseau",
    "Théron",
    "Vallée",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Davis",
    "Miller",
    "Wilson",
    "Taylor",
    "Anderson",
    "O'Connor",
    "Müller",
    "García",
];

fn ascii_local(name: &str) -> String {
    partner_domain::search::search_key(name)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
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
    let roles = [
        Role::SalesAgent,
        Role::HelpdeskAgent,
        Role::BillingAdmin,
        Role::ReportViewer,
        Role::AdminAgent,
        Role::ReferralsAdmin,
    ];
    let batch = util::new_id();
    let batch = &batch[..8];
    let now = util::now();
    let mut tx = state.db.begin().await?;
    for i in 0..body.users as usize {
        let first = FIRST_NAMES[i % FIRST_NAMES.len()];
        let last = LAST_NAMES[(i / FIRST_NAMES.len() + i) % LAST_NAMES.len()];
        let email = format!(
            "{}.{}.{batch}{i}@{domain}",
            ascii_local(first),
            ascii_local(last)
        );
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
            .bind(role_key(roles[i % roles.len()]))
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(axum::Json(serde_json::json!({ "created": body.users })))
}
