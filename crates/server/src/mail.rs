//! Email goes to an outbox table (no SMTP); `--dev` shows it at `/api/dev/outbox`.

use sqlx::SqliteConnection;

use crate::{util, ApiError};

/// How long a verification link works (API.md: 7 days).
pub const TOKEN_LIFETIME: time::Duration = time::Duration::days(7);

/// Queues the primary contact's verification email with a fresh single-use link; earlier
/// links of that partner stop working.
pub async fn send_contact_verification(
    tx: &mut SqliteConnection,
    partner_id: &str,
    legal_name: &str,
    to: &str,
) -> Result<(), ApiError> {
    let token = util::new_token();
    sqlx::query("DELETE FROM verification_tokens WHERE partner_id = ? AND used_at IS NULL")
        .bind(partner_id)
        .execute(&mut *tx)
        .await?;
    sqlx::query(
        "INSERT INTO verification_tokens (token_hash, partner_id, email, expires_at) VALUES (?, ?, ?, ?)",
    )
    .bind(util::hash_token(&token))
    .bind(partner_id)
    .bind(to)
    .bind(util::from_now(TOKEN_LIFETIME))
    .execute(&mut *tx)
    .await?;
    let link = format!("/verify-email?token={token}");
    let subject = "Confirmez votre adresse e-mail / Confirm your email address";
    let body = format!(
        "Bonjour,\n\n{legal_name} vous a désigné(e) comme contact principal de son compte Espace \
         partenaires. Pour confirmer que cette adresse vous appartient et appartient à votre \
         entreprise, ouvrez ce lien (valable 7 jours) :\n{link}\n\n\
         Hello,\n\n{legal_name} named you the primary contact of its Partner Center account. To \
         confirm that this address is yours and belongs to your company, open this link (valid \
         for 7 days):\n{link}\n"
    );
    sqlx::query(
        "INSERT INTO outbox (to_addr, subject, body, link, sent_at) VALUES (?, ?, ?, ?, ?)",
    )
    .bind(to)
    .bind(subject)
    .bind(body)
    .bind(&link)
    .bind(util::now())
    .execute(&mut *tx)
    .await?;
    sqlx::query("UPDATE partners SET last_verification_email = ? WHERE id = ?")
        .bind(util::now())
        .bind(partner_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
