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

/// A new user's invitation, with its single-use link to choose a password.
pub fn invitation(
    inviter: &str,
    domain: &str,
    to: &str,
    token: &str,
    sent_at: &str,
) -> OutboxEmail {
    let link = format!("/set-password?token={token}");
    let body = format!(
        "Bonjour,\n\n{inviter} vous a ajouté(e) au compte Espace partenaires de {domain}. Pour \
         choisir votre mot de passe, ouvrez ce lien (valable 7 jours, une seule fois), puis \
         connectez-vous avec {to} :\n{link}\n\n\
         Hello,\n\n{inviter} added you to the Partner Center account of {domain}. To choose \
         your password, open this link (valid for 7 days, once), then sign in as {to}:\n{link}\n"
    );
    OutboxEmail {
        to: to.to_owned(),
        subject: "Invitation à l’Espace partenaires / Invitation to Partner Center".into(),
        body,
        link: Some(link),
        sent_at: sent_at.to_owned(),
    }
}
