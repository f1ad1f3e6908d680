//! The partner network agreement: its current text, its acceptance, and the signed PDF.

use axum::{
    extract::{Path, Query, State},
    http::{header, HeaderMap, HeaderValue, StatusCode},
    response::{IntoResponse, Response},
};
use partner_domain::{
    AcceptAgreement, Action, Agreement, AgreementAcceptance, ErrorKind, FieldErrors, Signer,
};
use serde::Deserialize;
use sqlx::Row;

use crate::{auth::Caller, json::Json, partner, pdf, util, ApiError, AppState};

#[derive(Deserialize)]
pub struct CurrentQuery {
    kind: String,
    lang: Option<String>,
}

/// `fr-FR` or `en-US`: the `lang` parameter, else the browser's Accept-Language, else French.
fn language(explicit: Option<&str>, headers: &HeaderMap) -> &'static str {
    let wanted = explicit.map(str::to_owned).or_else(|| {
        headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    });
    match wanted {
        Some(tag) if tag.trim_start().to_ascii_lowercase().starts_with("en") => "en-US",
        _ => "fr-FR",
    }
}

async fn current_text(
    db: &sqlx::SqlitePool,
    kind: &str,
    lang: &str,
) -> Result<Agreement, ApiError> {
    sqlx::query("SELECT kind, version, title, body FROM agreements WHERE kind = ? AND lang = ? AND current = 1")
        .bind(kind)
        .bind(lang)
        .fetch_optional(db)
        .await?
        .map(|row| Agreement { kind: row.get("kind"), version: row.get("version"), title: row.get("title"), body: row.get("body") })
        .ok_or_else(|| ApiError::not_found(format!("No agreement of kind {kind:?}.")))
}

pub async fn current(
    State(state): State<AppState>,
    headers: HeaderMap,
    Query(query): Query<CurrentQuery>,
) -> Result<axum::Json<Agreement>, ApiError> {
    let lang = language(query.lang.as_deref(), &headers);
    current_text(&state.db, &query.kind, lang)
        .await
        .map(axum::Json)
}

#[derive(Deserialize)]
pub struct LangQuery {
    lang: Option<String>,
}

pub async fn accept(
    State(state): State<AppState>,
    caller: Caller,
    headers: HeaderMap,
    Query(query): Query<LangQuery>,
    Json(body): Json<AcceptAgreement>,
) -> Result<(StatusCode, axum::Json<AgreementAcceptance>), ApiError> {
    caller.may(Action::AcceptAgreement)?;
    let lang = language(query.lang.as_deref(), &headers);
    let text = current_text(&state.db, &body.kind, lang).await?;
    if text.version != body.version {
        let mut fields = FieldErrors::new();
        fields.insert("version".into(), vec!["agreement.not_current".into()]);
        return Err(ApiError::validation(fields));
    }
    let mut tx = crate::db::write(&state.db).await?;
    let partner_id: String = sqlx::query_scalar("SELECT id FROM partners WHERE tenant_id = ?")
        .bind(caller.tenant_id())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| {
            ApiError::not_found("Register the partner profile before accepting the agreement.")
        })?;
    let me = &caller.0.user;
    let acceptance = AgreementAcceptance {
        id: util::new_id(),
        kind: text.kind,
        version: text.version,
        title: text.title,
        accepted_at: util::now(),
        accepted_by: Signer {
            name: me.display_name(),
            email: me.email.clone(),
        },
    };
    let inserted = sqlx::query(
        "INSERT INTO agreement_acceptances (id, partner_id, kind, version, lang, title, accepted_at, signer_name, signer_email)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
    .bind(&acceptance.id)
    .bind(&partner_id)
    .bind(&acceptance.kind)
    .bind(&acceptance.version)
    .bind(lang)
    .bind(&acceptance.title)
    .bind(&acceptance.accepted_at)
    .bind(&acceptance.accepted_by.name)
    .bind(&acceptance.accepted_by.email)
    .execute(&mut *tx)
    .await;
    match inserted {
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            return Err(ApiError::new(
                ErrorKind::Conflict,
                "This version is already accepted.",
            ))
        }
        other => other?,
    };
    tx.commit().await?;
    Ok((StatusCode::CREATED, axum::Json(acceptance)))
}

pub async fn document(
    State(state): State<AppState>,
    caller: Caller,
    Path(id): Path<String>,
) -> Result<Response, ApiError> {
    caller.may(Action::DownloadAgreement)?;
    let mut db = state.db.acquire().await?;
    let partner = partner::load(&mut db, caller.tenant_id())
        .await?
        .ok_or_else(|| ApiError::not_found("This work account has no partner account yet."))?;
    let row = sqlx::query(
        "SELECT a.kind, a.version, a.lang, a.title, a.accepted_at, a.signer_name, a.signer_email, g.body
         FROM agreement_acceptances a JOIN agreements g ON g.kind = a.kind AND g.version = a.version AND g.lang = a.lang
         WHERE a.id = ? AND a.partner_id = ?",
    )
    .bind(&id)
    .bind(&partner.id)
    .fetch_optional(&mut *db)
    .await?
    .ok_or_else(|| ApiError::not_found("No such signed agreement."))?;
    let signed = pdf::SignedAgreement {
        lang: row.get("lang"),
        title: row.get("title"),
        version: row.get("version"),
        body: row.get("body"),
        legal_name: partner.legal_profile.legal_name.clone(),
        mpn_id: partner.mpn_id.clone(),
        signer_name: row.get("signer_name"),
        signer_email: row.get("signer_email"),
        accepted_at: row.get("accepted_at"),
    };
    let bytes = pdf::render(&signed);
    let kind: String = row.get("kind");
    let version: String = row.get("version");
    let filename = format!("{kind}-agreement-{version}-{}.pdf", partner.mpn_id);
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/pdf"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
            .map_err(ApiError::internal)?,
    );
    Ok(response)
}
