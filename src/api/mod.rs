//! The one door to data: pages call hooks, hooks call a `Backend`, and the backend is either
//! the real REST API (`HttpBackend`) or an in-browser imitation of it (`MockBackend`).

pub(crate) mod ahead;
pub mod assets;
mod error;
mod http;
mod load;
mod mock;
mod session_watch;

use std::{future::Future, pin::Pin, rc::Rc};

use partner_domain::{
    supporting::SupportingDocument, AcceptAgreement, AcceptInvitation, ActivityPage, ActivityQuery,
    Agreement, AgreementAcceptance, AgreementKind, CheckInvitation, Credentials, EmailVerified,
    Health, ImportUsers, ImportedUsers, Invitation, InvitationAccepted, Lang, Me, NewTenant,
    NewUser, OutboxEmail, Partner, PasswordChange, PendingInvitation, ProfileRequest,
    TemporaryPassword, TenantCreated, User, UserCreated, UserList, UserPatch, UserQuery, Vetting,
};
use yew::prelude::*;

pub use error::ApiError;
pub(crate) use http::failure as fetch_failure;
pub use http::HttpBackend;
pub use load::{use_load, use_load_from, Load};
pub use mock::{
    MockBackend, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD, STORAGE_KEY as MOCK_STORAGE_KEY,
};
pub use session_watch::SessionWatch;

use crate::config::{BackendKind, RuntimeConfig};

pub type ApiResult<T> = Result<T, ApiError>;
pub type ApiFuture<T> = Pin<Box<dyn Future<Output = ApiResult<T>>>>;

/// A downloaded file (a signed agreement, the activity log).
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub filename: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// Every endpoint of docs/API.md, one method each. Futures own what they need (`'static`), so a
/// page may drop its interest in an answer without borrowing the backend.
pub trait Backend {
    fn kind(&self) -> BackendKind;
    fn health(&self) -> ApiFuture<Health>;

    fn create_tenant(&self, body: NewTenant) -> ApiFuture<TenantCreated>;
    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me>;
    fn session(&self) -> ApiFuture<Me>;
    fn change_password(&self, body: PasswordChange) -> ApiFuture<()>;
    fn sign_out(&self) -> ApiFuture<()>;

    fn partner(&self) -> ApiFuture<Partner>;
    fn put_profile(&self, body: ProfileRequest) -> ApiFuture<Partner>;
    fn resend_contact_verification(&self) -> ApiFuture<()>;
    fn verify_email(&self, token: String) -> ApiFuture<EmailVerified>;
    fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> ApiFuture<Agreement>;
    fn accept_agreement(&self, body: AcceptAgreement, lang: Lang)
        -> ApiFuture<AgreementAcceptance>;
    fn agreement_document(&self, id: String) -> ApiFuture<Document>;
    /// `POST /api/partner/documents`: one file, as the user chose it.
    fn upload_document(&self, name: String, bytes: Vec<u8>) -> ApiFuture<SupportingDocument>;
    /// A supporting document's bytes; `name` is the listed one, for a server that gives none.
    fn supporting_document(&self, id: String, name: String) -> ApiFuture<Document>;
    fn delete_document(&self, id: String) -> ApiFuture<()>;
    fn submit_documents(&self) -> ApiFuture<Partner>;

    fn users(&self, query: UserQuery) -> ApiFuture<UserList>;
    fn create_user(&self, body: NewUser) -> ApiFuture<UserCreated>;
    /// All rows or none (`POST /api/users/import`).
    fn import_users(&self, body: ImportUsers) -> ApiFuture<ImportedUsers>;
    fn user(&self, id: String) -> ApiFuture<User>;
    fn update_user(&self, id: String, patch: UserPatch) -> ApiFuture<User>;
    fn delete_user(&self, id: String) -> ApiFuture<()>;
    fn reset_password(&self, id: String) -> ApiFuture<TemporaryPassword>;
    fn resend_invitation(&self, id: String) -> ApiFuture<Invitation>;
    /// `POST /api/set-password`, with no session.
    fn check_invitation(&self, body: CheckInvitation) -> ApiFuture<PendingInvitation>;
    fn accept_invitation(&self, body: AcceptInvitation) -> ApiFuture<InvitationAccepted>;

    fn activity(&self, query: ActivityQuery) -> ApiFuture<ActivityPage>;
    /// Every record the query's filters keep, as CSV (its `before` and `limit` are ignored).
    fn export_activity(&self, query: ActivityQuery) -> ApiFuture<Document>;

    /// Development helpers (`partner-server --dev`, and always on the mock).
    fn dev_outbox(&self) -> ApiFuture<Vec<OutboxEmail>>;
    fn dev_vetting(&self, partner_id: String, vetting: Vetting) -> ApiFuture<Partner>;
    fn dev_seed(&self, users: u32) -> ApiFuture<()>;
}

/// The backend in a context. Equal when it is the same instance, so consumers re-render only
/// when the backend itself is replaced.
#[derive(Clone)]
pub struct BackendHandle(pub Rc<dyn Backend>);

impl PartialEq for BackendHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl BackendHandle {
    pub fn from_config(config: &RuntimeConfig) -> Self {
        match config.backend {
            BackendKind::Http => Self(Rc::new(HttpBackend::new(&config.api_base))),
            BackendKind::Mock => Self(Rc::new(MockBackend::new(config.mock.clone()))),
        }
    }
}

impl std::ops::Deref for BackendHandle {
    type Target = dyn Backend;
    fn deref(&self) -> &Self::Target {
        &*self.0
    }
}

#[hook]
pub fn use_backend() -> BackendHandle {
    use_context::<BackendHandle>().expect("pages are mounted inside the App's backend provider")
}
