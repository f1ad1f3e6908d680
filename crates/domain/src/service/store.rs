//! What the rulebook asks of a backend's storage: plain reads and writes, no decisions. A
//! store also brings what the domain may not do itself: the time, randomness and password
//! hashing. `partner-server` implements it over SQL in one transaction per operation, the
//! SPA's mock over local storage.

use std::fmt;

use super::ActivityFilter;
use crate::{
    supporting::SupportingDocument, verification::StepTimes, Activity, AgreementAcceptance, Lang,
    LegalProfile, Me, OutboxEmail, PrimaryContact, Role, User, UserList, VerificationStatus,
};

/// A storage failure, with its cause; answered as a 500 without it.
pub struct StoreError(Box<dyn std::error::Error + Send + Sync>);

impl StoreError {
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into().into())
    }

    /// From an error already boxed (as sqlx's encoders give them).
    pub fn from_boxed(error: Box<dyn std::error::Error + Send + Sync>) -> Self {
        Self(error)
    }

    pub fn cause(&self) -> &(dyn std::error::Error + Send + Sync + 'static) {
        &*self.0
    }
}

// Not `std::error::Error` itself, so that any error converts with `?` (as anyhow does).
impl<E: std::error::Error + Send + Sync + 'static> From<E> for StoreError {
    fn from(error: E) -> Self {
        Self(Box::new(error))
    }
}

impl fmt::Debug for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&self.0, f)
    }
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.0, f)
    }
}

pub type StoreResult<T> = Result<T, StoreError>;

/// A password as stored: its hash, and until when it works if it is a temporary one (which
/// must be changed at the next sign-in).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct StoredPassword {
    pub hash: String,
    pub temporary_until: Option<String>,
}

/// A work account as stored.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TenantRecord {
    pub id: String,
    pub name: String,
    pub domain_prefix: String,
    pub country: String,
    pub created_at: String,
}

/// A partner account as stored; `service::partner` turns it into docs/API.md's `Partner`.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PartnerRecord {
    pub id: String,
    pub tenant_id: String,
    pub mpn_id: String,
    pub legal_profile: LegalProfile,
    pub primary_contact: PrimaryContact,
    pub status: VerificationStatus,
    pub times: StepTimes,
    /// When the simulated business check approves on its own.
    pub vetting_due_at: Option<String>,
    /// Why the check last asked for action or refused (shown only in those states).
    #[serde(default)]
    pub check_reason: Option<crate::CheckReason>,
    /// How many times the business check refused the partner: after the first, a corrected
    /// profile may be resubmitted once; after the second, the decision is final.
    #[serde(default)]
    pub rejections: u32,
    pub last_verification_email: Option<String>,
    pub created_at: String,
}

/// A verification link, by the SHA-256 of its token (the token itself is never stored).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct VerificationToken {
    pub token_hash: String,
    pub partner_id: String,
    pub email: String,
    pub expires_at: String,
    pub used_at: Option<String>,
}

/// An invitation link, by the SHA-256 of its token.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct InvitationToken {
    pub token_hash: String,
    pub user_id: String,
    pub expires_at: String,
    pub used_at: Option<String>,
}

/// A signed agreement and the language of the text that was signed.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SignedRecord {
    pub acceptance: AgreementAcceptance,
    pub lang: Lang,
}

/// `GET /api/users` as the store runs it: users of `tenant_id` whose search text
/// (`search::user_search_text`) contains `needle`, who have `role` and, if `invited_only`, an
/// invitation not accepted yet; in `search::user_sort_key` order then by id, or by
/// `search::search_key(email)`, either way reversed for `Direction::Desc` (as `Directory`
/// orders them); `total` counts every match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserFilter {
    pub tenant_id: String,
    pub needle: String,
    pub role: Option<Role>,
    pub invited_only: bool,
    pub sort: crate::directory::SortBy,
    pub direction: crate::directory::Direction,
    pub offset: u64,
    pub limit: u64,
}

/// What the domain may not do itself: read a clock, draw random bytes, hash a password.
#[allow(async_fn_in_trait)] // used through concrete types only
pub trait Env {
    /// Unix seconds.
    fn now(&self) -> i64;
    fn random(&self) -> [u8; 32];
    /// Seconds from the contact's confirmation to the simulated business approval.
    fn vetting_delay_s(&self) -> i64;
    async fn hash_password(&self, password: &str) -> StoreResult<String>;
    /// False for a wrong password and for a hash that is no hash.
    async fn verify_password(&self, password: &str, hash: &str) -> bool;
    /// The address of the client whose request this is, for the activity log (`None` when
    /// there is no network in between: the mock).
    fn client_address(&self) -> Option<String>;
}

/// A signed-in browser's session, by the SHA-256 of its cookie.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SessionRecord {
    pub token_hash: String,
    pub user_id: String,
    pub expires_at: String,
}

#[allow(async_fn_in_trait)] // each store is used through its concrete type
pub trait Store {
    type Env: Env;
    fn env(&self) -> &Self::Env;

    async fn domain_prefix_taken(&mut self, prefix: &str) -> StoreResult<bool>;
    async fn insert_tenant(&mut self, tenant: &TenantRecord) -> StoreResult<()>;

    /// The user and their work account, as `GET /api/session` shows them.
    async fn me(&mut self, user_id: &str) -> StoreResult<Option<Me>>;
    /// The id and password of the user with this (normalised) email.
    async fn credentials(&mut self, email: &str) -> StoreResult<Option<(String, StoredPassword)>>;
    async fn password_hash(&mut self, user_id: &str) -> StoreResult<Option<String>>;
    /// Also sets `Me::must_change_password`: whether the password is a temporary one.
    async fn set_password(&mut self, user_id: &str, password: &StoredPassword) -> StoreResult<()>;
    async fn insert_session(&mut self, session: &SessionRecord) -> StoreResult<()>;
    async fn session(&mut self, token_hash: &str) -> StoreResult<Option<SessionRecord>>;
    async fn set_session_expiry(&mut self, token_hash: &str, expires_at: &str) -> StoreResult<()>;
    async fn delete_session(&mut self, token_hash: &str) -> StoreResult<()>;
    /// Every session of the user ends, but the one of `keep` (a token hash) if given.
    async fn end_sessions(&mut self, user_id: &str, keep: Option<&str>) -> StoreResult<()>;
    /// Sign-in failures recorded under `key` after `since` (Unix seconds), oldest first.
    async fn sign_in_failures(&mut self, key: &str, since: i64) -> StoreResult<Vec<i64>>;
    /// Kept even when the operation that records it fails.
    async fn record_sign_in_failure(&mut self, key: &str, at: i64) -> StoreResult<()>;
    async fn clear_sign_in_failures(&mut self, key: &str) -> StoreResult<()>;
    /// Forgets sessions that expired by `sessions_until`, verification and invitation links that
    /// expired by `links_until`, emails sent by `emails_until` and activity recorded by `activity_until`
    /// (stamps), and sign-in failures made by `failures_until` (Unix seconds).
    async fn purge(
        &mut self,
        sessions_until: &str,
        links_until: &str,
        emails_until: &str,
        activity_until: &str,
        failures_until: i64,
    ) -> StoreResult<()>;

    async fn email_taken(&mut self, email: &str) -> StoreResult<bool>;
    async fn insert_user(
        &mut self,
        tenant_id: &str,
        user: &User,
        password: &StoredPassword,
    ) -> StoreResult<()>;
    async fn user(&mut self, tenant_id: &str, id: &str) -> StoreResult<Option<User>>;
    /// Writes names and roles.
    async fn update_user(&mut self, user: &User) -> StoreResult<()>;
    /// Writes `User::invited_at`.
    async fn set_invited(&mut self, user_id: &str, at: Option<&str>) -> StoreResult<()>;
    /// Stores a new invitation link; the user's unused ones stop working.
    async fn replace_invitation(&mut self, invitation: &InvitationToken) -> StoreResult<()>;
    async fn invitation(&mut self, token_hash: &str) -> StoreResult<Option<InvitationToken>>;
    async fn use_invitation(&mut self, token_hash: &str, at: &str) -> StoreResult<()>;
    async fn delete_user(&mut self, id: &str) -> StoreResult<()>;
    async fn global_admins_except(&mut self, tenant_id: &str, user_id: &str) -> StoreResult<u64>;
    async fn list_users(&mut self, filter: &UserFilter) -> StoreResult<UserList>;

    async fn partner(&mut self, tenant_id: &str) -> StoreResult<Option<PartnerRecord>>;
    async fn partner_by_id(&mut self, id: &str) -> StoreResult<Option<PartnerRecord>>;
    async fn mpn_id_taken(&mut self, mpn_id: &str) -> StoreResult<bool>;
    async fn insert_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()>;
    async fn update_partner(&mut self, partner: &PartnerRecord) -> StoreResult<()>;
    /// Stores a new link; the partner's unused ones stop working.
    async fn replace_verification_token(&mut self, token: &VerificationToken) -> StoreResult<()>;
    async fn verification_token(
        &mut self,
        token_hash: &str,
    ) -> StoreResult<Option<VerificationToken>>;
    async fn use_verification_token(&mut self, token_hash: &str, at: &str) -> StoreResult<()>;
    /// Queues an email on behalf of a work account.
    async fn send_email(&mut self, tenant_id: &str, email: &OutboxEmail) -> StoreResult<()>;
    /// The latest emails, newest first: of one work account, or of all.
    async fn outbox(
        &mut self,
        tenant_id: Option<&str>,
        limit: usize,
    ) -> StoreResult<Vec<OutboxEmail>>;

    /// A partner's supporting documents, oldest first (their bytes apart).
    async fn documents(&mut self, partner_id: &str) -> StoreResult<Vec<SupportingDocument>>;
    async fn document_bytes(&mut self, partner_id: &str, id: &str) -> StoreResult<Option<Vec<u8>>>;
    async fn insert_document(
        &mut self,
        partner_id: &str,
        document: &SupportingDocument,
        bytes: &[u8],
    ) -> StoreResult<()>;
    async fn delete_document(&mut self, partner_id: &str, id: &str) -> StoreResult<()>;

    /// Oldest first.
    async fn acceptances(&mut self, partner_id: &str) -> StoreResult<Vec<AgreementAcceptance>>;
    async fn signed_agreement(
        &mut self,
        partner_id: &str,
        id: &str,
    ) -> StoreResult<Option<SignedRecord>>;
    async fn insert_acceptance(
        &mut self,
        partner_id: &str,
        signed: &SignedRecord,
    ) -> StoreResult<()>;

    /// Appends a record to the work account's log, numbered after every earlier record (the
    /// record's own `id` is ignored).
    async fn record_activity(&mut self, tenant_id: &str, activity: &Activity) -> StoreResult<()>;
    /// The records that match, newest (highest id) first, at most `filter.limit`.
    async fn activity(&mut self, filter: &ActivityFilter) -> StoreResult<Vec<Activity>>;
}
