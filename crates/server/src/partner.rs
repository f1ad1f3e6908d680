//! The partner account: legal profile and primary contact ("S’inscrire maintenant"), the
//! contact's email verification, and the simulated business vetting.

use axum::{extract::State, http::StatusCode};
use partner_domain::{
    validate,
    verification::{self, mpn_program_status, StepTimes},
    Action, AgreementAcceptance, EmailVerified, ErrorKind, LegalProfile, Partner, PrimaryContact,
    ProfileRequest, ProgramStatus, Signer, VerificationEvent, VerificationStatus, VerifyEmail,
};
use sqlx::{Row, SqliteConnection};

use crate::{auth::Caller, json::Json, mail, util, ApiError, AppState};

/// Resends at most this often (API.md: once a minute).
const RESEND_EVERY: time::Duration = time::Duration::minutes(1);

fn status_from(key: &str) -> Result<VerificationStatus, ApiError> {
    VerificationStatus::from_key(key)
        .ok_or_else(|| ApiError::internal(format!("stored status {key:?}")))
}

fn json_column<T: serde::de::DeserializeOwned>(value: &str) -> Result<T, ApiError> {
    serde_json::from_str(value).map_err(|e| ApiError::internal(format!("stored profile: {e}")))
}

fn conflict(message: &str) -> ApiError {
    ApiError::new(ErrorKind::Conflict, message)
}

/// Moves a partner's status through the domain's state machine (409 if the move is not allowed).
fn advance(
    from: VerificationStatus,
    event: VerificationEvent,
) -> Result<VerificationStatus, ApiError> {
    from.next(event).map_err(|e| conflict(&e.to_string()))
}

/// Applies the simulated vetting whose time has come: `business_pending` → `authorized`.
pub async fn settle_vetting(db: &mut SqliteConnection, partner_id: &str) -> Result<(), ApiError> {
    sqlx::query(
        "UPDATE partners SET status = 'authorized', business_step_at = vetting_due_at, vetting_due_at = NULL
         WHERE id = ? AND status = 'business_pending' AND vetting_due_at <= ?",
    )
    .bind(partner_id)
    .bind(util::now())
    .execute(&mut *db)
    .await?;
    Ok(())
}

/// The partner of a work account, as API.md's `Partner`; None if it has not enrolled.
pub async fn load(db: &mut SqliteConnection, tenant_id: &str) -> Result<Option<Partner>, ApiError> {
    let Some(id) = sqlx::query_scalar::<_, String>("SELECT id FROM partners WHERE tenant_id = ?")
        .bind(tenant_id)
        .fetch_optional(&mut *db)
        .await?
    else {
        return Ok(None);
    };
    settle_vetting(db, &id).await?;
    let row = sqlx::query("SELECT * FROM partners WHERE id = ?")
        .bind(&id)
        .fetch_one(&mut *db)
        .await?;
    let status = status_from(row.get("status"))?;
    let times = StepTimes {
        email_step_at: row.get("email_step_at"),
        contact_verified_at: row.get("contact_verified_at"),
        business_step_at: row.get("business_step_at"),
    };
    let agreements: Vec<AgreementAcceptance> = sqlx::query(
        "SELECT id, kind, version, title, accepted_at, signer_name, signer_email
         FROM agreement_acceptances WHERE partner_id = ? ORDER BY accepted_at, id",
    )
    .bind(&id)
    .fetch_all(&mut *db)
    .await?
    .iter()
    .map(|a| AgreementAcceptance {
        id: a.get("id"),
        kind: a.get("kind"),
        version: a.get("version"),
        title: a.get("title"),
        accepted_at: a.get("accepted_at"),
        accepted_by: Signer {
            name: a.get("signer_name"),
            email: a.get("signer_email"),
        },
    })
    .collect();
    let program_status = mpn_program_status(status, agreements.iter().any(|a| a.kind == "mpn"));
    Ok(Some(Partner {
        id,
        mpn_id: row.get("mpn_id"),
        legal_profile: json_column(row.get("legal_profile"))?,
        primary_contact: json_column(row.get("primary_contact"))?,
        verification: verification::view(status, &times),
        programs: vec![ProgramStatus {
            program: "mpn".into(),
            status: program_status.into(),
        }],
        agreements,
    }))
}

pub async fn get(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<axum::Json<Partner>, ApiError> {
    caller.may(Action::ReadPartner)?;
    let mut db = state.db.acquire().await?;
    load(&mut db, caller.tenant_id())
        .await?
        .map(axum::Json)
        .ok_or_else(|| ApiError::not_found("This work account has no partner account yet."))
}

pub async fn put_profile(
    State(state): State<AppState>,
    caller: Caller,
    Json(body): Json<ProfileRequest>,
) -> Result<axum::Json<Partner>, ApiError> {
    caller.may(Action::EditPartnerProfile)?;
    validate::profile(&body).map_err(ApiError::validation)?;
    let body = body.normalised();
    let legal = serde_json::to_string(&body.legal_profile).map_err(ApiError::internal)?;
    let contact = serde_json::to_string(&body.primary_contact).map_err(ApiError::internal)?;
    let mut tx = crate::db::write(&state.db).await?;
    let existing =
        sqlx::query("SELECT id, status, primary_contact FROM partners WHERE tenant_id = ?")
            .bind(caller.tenant_id())
            .fetch_optional(&mut *tx)
            .await?;
    let now = util::now();
    let (partner_id, email_again) = match existing {
        None => {
            let id = util::new_id();
            let status = advance(
                VerificationStatus::Draft,
                VerificationEvent::ProfileSubmitted,
            )?;
            // The 7-digit MPN ID is unique: draw again on the rare collision.
            let mut attempts = 0;
            loop {
                let inserted = sqlx::query(
                    "INSERT INTO partners (id, tenant_id, mpn_id, legal_profile, primary_contact, status,
                                           email_step_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                )
                .bind(&id)
                .bind(caller.tenant_id())
                .bind(util::new_mpn_id())
                .bind(&legal)
                .bind(&contact)
                .bind(status.key())
                .bind(&now)
                .bind(&now)
                .execute(&mut *tx)
                .await;
                match inserted {
                    Err(sqlx::Error::Database(e)) if e.is_unique_violation() && attempts < 5 => {
                        attempts += 1
                    }
                    other => break other.map(|_| ())?,
                };
            }
            (id, true)
        }
        Some(row) => {
            let id: String = row.get("id");
            let from = status_from(row.get("status"))?;
            let before: PrimaryContact = json_column(row.get("primary_contact"))?;
            let contact_changed = before.email != body.primary_contact.email;
            let event = if contact_changed {
                VerificationEvent::ContactChanged
            } else {
                VerificationEvent::ProfileSubmitted
            };
            let status = advance(from, event)?;
            let vetting_due = (status == VerificationStatus::BusinessPending && from != status)
                .then(|| util::stamp(time::OffsetDateTime::now_utc() + state.vetting_delay));
            sqlx::query(
                "UPDATE partners SET legal_profile = ?, primary_contact = ?, status = ?,
                        email_step_at = CASE WHEN ? THEN ? ELSE email_step_at END,
                        contact_verified_at = CASE WHEN ? THEN NULL ELSE contact_verified_at END,
                        vetting_due_at = COALESCE(?, vetting_due_at),
                        business_step_at = CASE WHEN ? IS NULL THEN business_step_at ELSE ? END
                 WHERE id = ?",
            )
            .bind(&legal)
            .bind(&contact)
            .bind(status.key())
            .bind(contact_changed)
            .bind(&now)
            .bind(contact_changed)
            .bind(&vetting_due)
            .bind(&vetting_due)
            .bind(&now)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
            (id, contact_changed)
        }
    };
    if email_again {
        mail::send_contact_verification(
            &mut tx,
            &partner_id,
            &body.legal_profile.legal_name,
            &body.primary_contact.email,
        )
        .await?;
    }
    let partner = load(&mut tx, caller.tenant_id())
        .await?
        .ok_or_else(|| ApiError::internal("partner vanished"))?;
    tx.commit().await?;
    Ok(axum::Json(partner))
}

pub async fn resend_verification(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<StatusCode, ApiError> {
    caller.may(Action::ResendContactVerification)?;
    let mut tx = crate::db::write(&state.db).await?;
    let row = sqlx::query("SELECT id, status, legal_profile, primary_contact, last_verification_email FROM partners WHERE tenant_id = ?")
        .bind(caller.tenant_id())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| ApiError::not_found("This work account has no partner account yet."))?;
    if status_from(row.get("status"))? != VerificationStatus::EmailPending {
        return Err(conflict(
            "The primary contact's email is already confirmed.",
        ));
    }
    let last: Option<String> = row.get("last_verification_email");
    if let Some(last) = last.as_deref().and_then(util::parse_stamp) {
        let wait = (last + RESEND_EVERY) - time::OffsetDateTime::now_utc();
        if wait.is_positive() {
            return Err(ApiError::RateLimited(wait.whole_seconds().max(1) as u64));
        }
    }
    let legal: LegalProfile = json_column(row.get("legal_profile"))?;
    let contact: PrimaryContact = json_column(row.get("primary_contact"))?;
    let id: String = row.get("id");
    mail::send_contact_verification(&mut tx, &id, &legal.legal_name, &contact.email).await?;
    tx.commit().await?;
    Ok(StatusCode::ACCEPTED)
}

/// The primary contact's link (no session): 404 unknown, 409 used, 410 expired.
pub async fn verify_email(
    State(state): State<AppState>,
    Json(body): Json<VerifyEmail>,
) -> Result<axum::Json<EmailVerified>, ApiError> {
    let mut tx = crate::db::write(&state.db).await?;
    let token = sqlx::query(
        "SELECT t.partner_id, t.email, t.expires_at, t.used_at, p.status
         FROM verification_tokens t JOIN partners p ON p.id = t.partner_id WHERE t.token_hash = ?",
    )
    .bind(util::hash_token(body.token.trim()))
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| ApiError::not_found("This link is unknown."))?;
    if token.get::<Option<String>, _>("used_at").is_some() {
        return Err(ApiError::new(
            ErrorKind::Conflict,
            "This link was already used.",
        ));
    }
    let now = util::now();
    if token.get::<String, _>("expires_at") <= now {
        return Err(ApiError::new(ErrorKind::Expired, "This link has expired."));
    }
    let partner_id: String = token.get("partner_id");
    let status = advance(
        status_from(token.get("status"))?,
        VerificationEvent::ContactEmailVerified,
    )?;
    sqlx::query("UPDATE verification_tokens SET used_at = ? WHERE token_hash = ?")
        .bind(&now)
        .bind(util::hash_token(body.token.trim()))
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "UPDATE partners SET status = ?, contact_verified_at = ?, business_step_at = ?, vetting_due_at = ? WHERE id = ?",
    )
    .bind(status.key())
    .bind(&now)
    .bind(&now)
    .bind(util::stamp(time::OffsetDateTime::now_utc() + state.vetting_delay))
    .bind(&partner_id)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(axum::Json(EmailVerified {
        partner_id,
        email: token.get("email"),
    }))
}

/// Dev: decides the simulated vetting now.
pub async fn decide_vetting(
    db: &mut SqliteConnection,
    tenant_id: &str,
    partner_id: &str,
    event: VerificationEvent,
) -> Result<Partner, ApiError> {
    let status: String =
        sqlx::query_scalar("SELECT status FROM partners WHERE id = ? AND tenant_id = ?")
            .bind(partner_id)
            .bind(tenant_id)
            .fetch_optional(&mut *db)
            .await?
            .ok_or_else(|| ApiError::not_found("No such partner in this work account."))?;
    let next = advance(status_from(&status)?, event)?;
    sqlx::query(
        "UPDATE partners SET status = ?, business_step_at = ?, vetting_due_at = NULL WHERE id = ?",
    )
    .bind(next.key())
    .bind(util::now())
    .bind(partner_id)
    .execute(&mut *db)
    .await?;
    load(db, tenant_id)
        .await?
        .ok_or_else(|| ApiError::internal("partner vanished"))
}
