//! The emails the API sends, in both languages (one email, French first).

use crate::OutboxEmail;

/// The primary contact's verification email, with its single-use link.
pub fn contact_verification(legal_name: &str, to: &str, token: &str, sent_at: &str) -> OutboxEmail {
    let link = format!("/verify-email?token={token}");
    let body = format!(
        "Bonjour,\n\n{legal_name} vous a désigné(e) comme contact principal de son compte Espace \
         partenaires. Pour confirmer que cette adresse vous appartient et appartient à votre \
         entreprise, ouvrez ce lien (valable 7 jours) :\n{link}\n\n\
         Hello,\n\n{legal_name} named you the primary contact of its Partner Center account. To \
         confirm that this address is yours and belongs to your company, open this link (valid \
         for 7 days):\n{link}\n"
    );
    OutboxEmail {
        to: to.to_owned(),
        subject: "Confirmez votre adresse e-mail / Confirm your email address".into(),
        body,
        link: Some(link),
        sent_at: sent_at.to_owned(),
    }
}
