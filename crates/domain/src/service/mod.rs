//! The rulebook: one function per operation of docs/API.md. Each takes the caller (when there
//! is one), the request and a `Store`; checks permissions, validates, decides every state
//! transition and every error, and tells the store what to write. Both backends run these
//! functions: `partner-server` over SQL, the SPA's mock over local storage, so that they
//! cannot disagree.

mod accounts;
mod activity;
mod agreements;
mod documents;
mod invitations;
mod mail;
mod memory;
mod partner;
mod store;
mod users;

pub use accounts::{
    caller, change_password, create_tenant, demo_work_account, housekeeping, may_operate, session,
    sign_in, sign_out, SignedIn,
};
pub use activity::{export_activity, list_activity, seed_activity, ActivityFilter};
pub use agreements::{accept_agreement, current_agreement, signed_agreement, SignedDocument};
pub use documents::{delete_document, document, submit_documents, upload_document, UPLOAD_FIELD};
pub use invitations::{accept_invitation, check_invitation, resend_invitation};
pub use memory::{MemoryData, MemoryStore};
pub use partner::{
    decide_vetting, outbox, partner, put_profile, resend_contact_verification, verify_email,
};
pub use store::{
    Env, InvitationToken, PartnerRecord, SessionRecord, SignedRecord, Store, StoreError,
    StoreResult, StoredPassword, TenantRecord, UserFilter, VerificationToken,
};
pub use users::{
    create_user, delete_user, import_users, list_users, reset_password, seed_users, update_user,
    user,
};

use crate::{Action, Code, ErrorBody, ErrorKind, FieldErrors, Me};

/// Why an operation did not happen: a refusal of docs/API.md, or a storage failure.
#[derive(Debug, thiserror::Error)]
pub enum ServiceError {
    #[error("{}: {}", .0.error.key(), .0.message)]
    Refused(ErrorBody),
    /// 429, to be tried again after this many seconds.
    #[error("rate limited for {0} s")]
    RateLimited(u64),
    #[error("store: {0}")]
    Store(StoreError),
}

impl From<StoreError> for ServiceError {
    fn from(error: StoreError) -> Self {
        Self::Store(error)
    }
}

impl ServiceError {
    pub fn refused(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self::Refused(ErrorBody::new(kind, message))
    }

    /// A refusal whose cause is one field.
    pub fn field(kind: ErrorKind, field: &str, code: Code, message: impl Into<String>) -> Self {
        let mut body = ErrorBody::new(kind, message);
        body.fields.insert(field.into(), vec![code]);
        Self::Refused(body)
    }

    /// 422 with every field that needs attention.
    pub fn invalid(fields: FieldErrors) -> Self {
        Self::Refused(ErrorBody::validation(fields))
    }

    pub fn unauthenticated() -> Self {
        Self::refused(ErrorKind::Unauthenticated, "Sign in to continue.")
    }

    /// The answer's body (a storage failure's cause is not told).
    pub fn body(&self) -> ErrorBody {
        match self {
            Self::Refused(body) => body.clone(),
            Self::RateLimited(seconds) => ErrorBody::new(
                ErrorKind::RateLimited,
                format!("Too many attempts. Try again in {seconds} s."),
            ),
            Self::Store(_) => ErrorBody::internal(),
        }
    }
}

pub type ServiceResult<T> = Result<T, ServiceError>;

/// 403 unless the caller's roles allow `action` (the domain's permission table).
pub fn require(caller: &Me, action: Action) -> ServiceResult<()> {
    if action.allowed_for(&caller.user.roles) {
        Ok(())
    } else {
        Err(ServiceError::refused(
            ErrorKind::Forbidden,
            format!("Your roles do not allow this ({action:?})."),
        ))
    }
}

/// Emails are compared and stored trimmed, in lower case.
fn normalise_email(email: &str) -> String {
    email.trim().to_lowercase()
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 256 random bits, hex: session and verification tokens.
fn new_token<S: Store>(store: &S) -> String {
    hex(&store.env().random())
}

/// What is stored of a token: its SHA-256, so that a leaked store opens nothing.
fn hash_token(token: &str) -> String {
    use sha2::Digest;
    hex(&sha2::Sha256::digest(token.as_bytes()))
}

/// 404 for an emailed link nobody sent (or one a newer link replaced).
fn unknown_link() -> ServiceError {
    ServiceError::refused(ErrorKind::NotFound, "This link is unknown.")
}

/// Whether an emailed single-use link may serve now: 409 once used, 410 once expired.
fn check_link(used: bool, expires_at: &str, now: &str) -> ServiceResult<()> {
    if used {
        return Err(ServiceError::refused(
            ErrorKind::Conflict,
            "This link was already used.",
        ));
    }
    if expires_at <= now {
        return Err(ServiceError::refused(
            ErrorKind::Expired,
            "This link has expired.",
        ));
    }
    Ok(())
}

/// 128 random bits.
fn random_16<S: Store>(store: &S) -> [u8; 16] {
    let mut bytes = [0; 16];
    bytes.copy_from_slice(&store.env().random()[..16]);
    bytes
}

/// A random (version 4) UUID.
fn new_id<S: Store>(store: &S) -> String {
    uuid::Builder::from_random_bytes(random_16(store))
        .into_uuid()
        .to_string()
}

/// A password the user chose: it does not expire.
fn chosen_password(hash: String) -> StoredPassword {
    StoredPassword {
        hash,
        temporary_until: None,
    }
}

/// A temporary password: it works `TEMPORARY_PASSWORD_LIFETIME_S`, and only to choose another.
fn temporary<S: Store>(store: &S, hash: String) -> StoredPassword {
    let until = store.env().now() + crate::limits::TEMPORARY_PASSWORD_LIFETIME_S;
    StoredPassword {
        hash,
        temporary_until: Some(crate::clock::stamp(until)),
    }
}

fn now_stamp<S: Store>(store: &S) -> String {
    crate::clock::stamp(store.env().now())
}

#[cfg(test)]
mod tests;
