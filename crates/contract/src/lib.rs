//! docs/API.md as scenarios, written once and run against every backend: `partner-server` over
//! real HTTP on a temporary database (`crates/server/tests/contract.rs`) and the SPA's mock in
//! headless Chromium (`tests/contract.rs`). A scenario that passes on one and fails on the other
//! is a bug in a store, never in the scenario.
//!
//! A target implements `Target` (a fresh backend, and browsers on it) and `Api` (one browser's
//! calls), then expands `contract_scenarios!` with its test attribute: each scenario becomes one
//! test named `contract_<scenario>`, which `cargo xtask test` counts per target.

mod accounts;
mod activity;
mod documents;
mod fixtures;
mod partner;
mod users;

pub use accounts::*;
pub use activity::*;
pub use documents::*;
pub use fixtures::*;
pub use partner::*;
pub use users::*;

use partner_domain::{
    supporting::SupportingDocument, ActivityPage, ActivityQuery, Agreement, AgreementAcceptance,
    AgreementKind, Code, EmailVerified, ErrorBody, ErrorKind, FieldErrors, ImportedUsers,
    Invitation, InvitationAccepted, Lang, Me, NewTenant, NewUser, OutboxEmail, Partner,
    PendingInvitation, ProfileRequest, TemporaryPassword, TenantCreated, User, UserCreated,
    UserList, UserPatch, UserQuery, Vetting,
};

/// A refusal: the status and the error body of docs/API.md.
#[derive(Debug, Clone, PartialEq)]
pub struct Refusal {
    pub status: u16,
    pub body: ErrorBody,
}

pub type Answer<T> = Result<T, Refusal>;

/// A downloaded file.
#[derive(Debug, Clone, PartialEq)]
pub struct Download {
    pub filename: String,
    pub mime: String,
    pub bytes: Vec<u8>,
}

/// One browser's calls: its own session cookie, every endpoint of docs/API.md.
#[allow(async_fn_in_trait)]
pub trait Api {
    async fn create_tenant(&self, body: &NewTenant) -> Answer<TenantCreated>;
    async fn sign_in(&self, email: &str, password: &str) -> Answer<Me>;
    async fn session(&self) -> Answer<Me>;
    async fn change_password(&self, current: &str, new: &str) -> Answer<()>;
    async fn sign_out(&self) -> Answer<()>;

    async fn partner(&self) -> Answer<Partner>;
    async fn put_profile(&self, body: &ProfileRequest) -> Answer<Partner>;
    async fn resend_contact_verification(&self) -> Answer<()>;
    async fn verify_email(&self, token: &str) -> Answer<EmailVerified>;
    async fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> Answer<Agreement>;
    async fn accept_agreement(
        &self,
        kind: AgreementKind,
        version: &str,
        lang: Lang,
    ) -> Answer<AgreementAcceptance>;
    async fn agreement_document(&self, id: &str) -> Answer<Download>;
    /// `POST /api/partner/documents?name=…` with the file's bytes.
    async fn upload_document(&self, name: &str, bytes: &[u8]) -> Answer<SupportingDocument>;
    async fn document(&self, id: &str) -> Answer<Download>;
    async fn delete_document(&self, id: &str) -> Answer<()>;
    async fn submit_documents(&self) -> Answer<Partner>;

    async fn users(&self, query: &UserQuery) -> Answer<UserList>;
    async fn create_user(&self, body: &NewUser) -> Answer<UserCreated>;
    async fn import_users(&self, users: &[NewUser]) -> Answer<ImportedUsers>;
    async fn user(&self, id: &str) -> Answer<User>;
    async fn update_user(&self, id: &str, patch: &UserPatch) -> Answer<User>;
    async fn delete_user(&self, id: &str) -> Answer<()>;
    async fn reset_password(&self, id: &str) -> Answer<TemporaryPassword>;
    async fn resend_invitation(&self, id: &str) -> Answer<Invitation>;
    async fn check_invitation(&self, token: &str) -> Answer<PendingInvitation>;
    async fn accept_invitation(&self, token: &str, password: &str) -> Answer<InvitationAccepted>;

    async fn activity(&self, query: &ActivityQuery) -> Answer<ActivityPage>;
    async fn export_activity(&self, query: &ActivityQuery) -> Answer<Download>;

    async fn outbox(&self) -> Answer<Vec<OutboxEmail>>;
    async fn vetting(&self, partner_id: &str, vetting: Vetting) -> Answer<Partner>;
    async fn seed(&self, users: u32) -> Answer<()>;
}

/// A backend to run scenarios on.
#[allow(async_fn_in_trait)]
pub trait Target: Sized {
    type Client: Api;
    /// A fresh backend, whose simulated business check approves `vetting_delay_s` seconds after
    /// the contact's confirmation.
    async fn start(vetting_delay_s: u32) -> Self;
    /// A new browser on it, signed out.
    fn client(&self) -> Self::Client;
}

/// Asserts a refusal of this status and kind, with a message, and returns its field codes.
#[track_caller]
pub fn refused<T: std::fmt::Debug>(answer: Answer<T>, status: u16, kind: ErrorKind) -> FieldErrors {
    match answer {
        Err(Refusal { status: got, body }) => {
            assert_eq!((got, body.error), (status, kind), "{}", body.message);
            assert!(!body.message.is_empty());
            body.fields
        }
        Ok(value) => panic!("expected {status} {kind:?}, got {value:?}"),
    }
}

/// Asserts a refusal whose one field error is `field`: `code`.
#[track_caller]
pub fn refused_on<T: std::fmt::Debug>(
    answer: Answer<T>,
    status: u16,
    kind: ErrorKind,
    field: &str,
    code: &str,
) {
    let fields = refused(answer, status, kind);
    assert_eq!(
        fields.get(field).map(Vec::as_slice),
        Some(&[Code::parse(code)][..]),
        "{fields:?}"
    );
}

/// One test per scenario in a module `contract` (so each is named `contract::<scenario>`), for a
/// target type and a test attribute: `partner_contract::contract_scenarios!(tokio::test, Server);`
#[macro_export]
macro_rules! contract_scenarios {
    ($test:meta, $target:ty) => {
        mod contract {
            use super::*;
            $crate::contract_scenarios!(@each $test, $target,
                work_accounts_and_sessions,
                work_account_errors,
                one_answer_for_any_bad_pair_then_rate_limited,
                changing_the_password,
                the_seed_flow_from_profile_to_authorized_partner,
                profile_errors_and_the_resend_limit,
                dev_vetting_decides_and_the_state_machine_guards_it,
                changing_the_contact_email_asks_to_confirm_it_again,
                signed_agreements_are_pdf_documents_in_their_language,
                search_filter_and_paging,
                adding_updating_resetting_and_deleting,
                permission_matrix_follows_the_domain_table,
                an_import_creates_every_row_or_none_and_reports_every_problem,
                seeded_users_are_found_accents_ignored,
                role_grants_are_bounded,
                profile_edits_follow_the_rules_the_ui_states,
                the_outbox_shows_each_work_account_its_own_emails,
                the_activity_log_records_each_change_and_only_admins_read_it,
                supporting_documents_answer_the_check_and_only_while_it_asks,
                an_invited_user_chooses_a_password_from_the_emailed_link,
            );
        }
    };
    (@each $test:meta, $target:ty, $($name:ident),+ $(,)?) => {
        $(
            #[$test]
            async fn $name() {
                $crate::$name::<$target>().await
            }
        )+
    };
}
