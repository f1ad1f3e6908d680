//! Request and answer bodies of the REST contract (docs/API.md). Unknown fields are refused on
//! requests so that a typo is a 422, not a silently ignored value.

use serde::{Deserialize, Serialize};

use crate::{
    directory::{Direction, SortBy},
    AgreementKind, Program, ProgramState, Role, StepName, StepStatus,
};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    /// RFC 3339, UTC.
    pub created_at: String,
    /// When the latest invitation was sent, while the user has not chosen a password yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub invited_at: Option<String>,
}

impl User {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    /// "Éloïse Lefèvre (admin@contoso.onmicrosoft.com)": whom to ask, as the pages name them.
    pub fn name_and_email(&self) -> String {
        format!("{} ({})", self.display_name(), self.email)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantSummary {
    pub id: String,
    pub domain: String,
    pub name: String,
}

/// The signed-in user and their work account (`GET /api/session`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub user: User,
    pub tenant: TenantSummary,
    pub partner_id: Option<String>,
    pub must_change_password: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_refuse_unknown_fields() {
        let err = serde_json::from_str::<Credentials>(
            r#"{"email":"a@b.example","password":"x","remember":true}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }

    #[test]
    fn me_reads_the_documented_shape() {
        let me: Me = serde_json::from_value(serde_json::json!({
            "user": { "id": "u1", "first_name": "Éloïse", "last_name": "Lefèvre",
                      "email": "admin@contoso.onmicrosoft.com", "roles": ["global_admin"],
                      "created_at": "2026-11-23T10:00:00Z" },
            "tenant": { "id": "t1", "domain": "contoso.onmicrosoft.com", "name": "Contoso" },
            "partner_id": null,
            "must_change_password": false
        }))
        .unwrap();
        assert_eq!(me.user.display_name(), "Éloïse Lefèvre");
        assert!(me.user.has_role(Role::GlobalAdmin));
        assert!(!me.user.has_role(Role::AdminAgent));
    }
}

/// `POST /api/tenants`: a new work account whose first user, `admin@…`, is Global admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTenant {
    pub company_name: String,
    pub domain_prefix: String,
    pub country: String,
    pub admin: NewAdmin,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewAdmin {
    pub first_name: String,
    pub last_name: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantCreated {
    pub tenant: TenantRef,
    pub admin: AdminRef,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantRef {
    pub id: String,
    pub domain: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AdminRef {
    pub id: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordChange {
    pub current_password: String,
    pub new_password: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Address {
    pub line1: String,
    #[serde(default)]
    pub line2: String,
    pub city: String,
    #[serde(default)]
    pub region: String,
    pub postal_code: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LegalProfile {
    pub legal_name: String,
    pub address: Address,
    pub phone: String,
    #[serde(default)]
    pub website: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PrimaryContact {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
}

/// `PUT /api/partner/profile` ("S’inscrire maintenant").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileRequest {
    pub legal_profile: LegalProfile,
    pub primary_contact: PrimaryContact,
}

impl ProfileRequest {
    /// What is stored: trimmed, phones in E.164, postal codes upper case, email lower case.
    pub fn normalised(mut self) -> Self {
        let legal = &mut self.legal_profile;
        for field in [
            &mut legal.legal_name,
            &mut legal.address.line1,
            &mut legal.address.line2,
            &mut legal.address.city,
            &mut legal.address.region,
            &mut legal.website,
        ] {
            *field = field.trim().to_owned();
        }
        legal.address.postal_code = legal.address.postal_code.trim().to_uppercase();
        legal.phone = crate::validate::normalise_phone(&legal.phone);
        let contact = &mut self.primary_contact;
        contact.first_name = contact.first_name.trim().to_owned();
        contact.last_name = contact.last_name.trim().to_owned();
        contact.email = contact.email.trim().to_lowercase();
        contact.phone = crate::validate::normalise_phone(&contact.phone);
        self
    }
}

/// The saved profile, as the form that edits it starts.
impl From<&Partner> for ProfileRequest {
    fn from(partner: &Partner) -> Self {
        Self {
            legal_profile: partner.legal_profile.clone(),
            primary_contact: partner.primary_contact.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct VerificationStep {
    pub name: StepName,
    pub status: StepStatus,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub status: crate::VerificationStatus,
    pub steps: Vec<VerificationStep>,
    pub contact_email_verified_at: Option<String>,
    /// Why the business check asks for action or refused (absent otherwise).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<CheckReason>,
    /// Refused twice: the profile can no longer be corrected and resubmitted.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub final_decision: bool,
}

/// The business check's reason, and its words when the reason is `other`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CheckReason {
    pub code: crate::VettingReason,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgramStatus {
    pub program: Program,
    pub status: ProgramState,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signer {
    pub name: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AgreementAcceptance {
    pub id: String,
    pub kind: AgreementKind,
    pub version: String,
    pub title: String,
    /// RFC 3339, UTC.
    pub accepted_at: String,
    pub accepted_by: Signer,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Partner {
    pub id: String,
    pub mpn_id: String,
    pub legal_profile: LegalProfile,
    pub primary_contact: PrimaryContact,
    pub verification: Verification,
    pub programs: Vec<ProgramStatus>,
    pub agreements: Vec<AgreementAcceptance>,
    /// Supporting documents sent for the business check, oldest first.
    #[serde(default)]
    pub documents: Vec<crate::supporting::SupportingDocument>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerifyEmail {
    pub token: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmailVerified {
    pub partner_id: String,
    pub email: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Agreement {
    pub kind: AgreementKind,
    pub version: String,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptAgreement {
    pub kind: AgreementKind,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserList {
    pub items: Vec<User>,
    pub total: u64,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserQuery {
    #[serde(default)]
    pub q: String,
    #[serde(default)]
    pub role: Option<Role>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<UserStatus>,
    #[serde(default, skip_serializing_if = "is_default")]
    pub sort: SortBy,
    #[serde(default, skip_serializing_if = "is_default")]
    pub direction: Direction,
    #[serde(default)]
    pub offset: u64,
    #[serde(default)]
    pub limit: Option<u64>,
}

impl UserQuery {
    /// The rows the user list asks for first, beside the whole list: shown while the whole list
    /// arrives (a few milliseconds for the server, against a tenth of a second or more for 10,000
    /// users).
    pub const FIRST_PAGE: u64 = 100;

    /// What the user list asks for first, whatever its address says. The same URL is asked for
    /// by the app (the page, and start-up on a deep link), by index.html's script
    /// (`xtask/src/spa.rs`) and by the server's preload (`crates/server/src/preload.rs`), so that
    /// one answer serves them all.
    pub fn first_page() -> Self {
        Self::everyone(Self::FIRST_PAGE)
    }

    /// The work account's users in the list's default order, the first `limit`.
    pub fn everyone(limit: u64) -> Self {
        Self {
            limit: Some(limit),
            ..Self::default()
        }
    }

    /// As `GET /api/users` reads it: `q=…&offset=…` and the other filters that are set, `q`
    /// encoded by `escape` (each client has its own URI encoder).
    pub fn query_string(&self, escape: impl Fn(&str) -> String) -> String {
        let mut query = format!("q={}&offset={}", escape(&self.q), self.offset);
        if let Some(role) = self.role {
            query.push_str(&format!("&role={}", role.key()));
        }
        if let Some(status) = self.status {
            query.push_str(&format!("&status={}", status.as_str()));
        }
        if self.sort != SortBy::default() {
            query.push_str(&format!("&sort={}", self.sort.as_str()));
        }
        if self.direction != Direction::default() {
            query.push_str(&format!("&direction={}", self.direction.as_str()));
        }
        if let Some(limit) = self.limit {
            query.push_str(&format!("&limit={limit}"));
        }
        query
    }
}

crate::wire_enum! {
    /// `GET /api/users?status=`: only the users in that state.
    pub enum UserStatus {
        /// Invited, and no password chosen yet.
        Invited = "invited",
    }
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUser {
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub roles: Vec<Role>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserCreated {
    pub user: User,
    pub invitation: Invitation,
}

/// An invitation sent: to whom, and until when its link works.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Invitation {
    pub email: String,
    pub sent_at: String,
    pub expires_at: String,
}

/// `POST /api/set-password`: the invitation link's token and the password the user chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AcceptInvitation {
    pub token: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InvitationAccepted {
    pub email: String,
}

/// `POST /api/set-password/check`: the invitation link's token, before a password is typed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckInvitation {
    pub token: String,
}

/// Whose password an invitation link that can still serve chooses.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PendingInvitation {
    pub email: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserPatch {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<Role>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TemporaryPassword {
    pub temporary_password: String,
}

/// `GET /api/dev/outbox` (dev only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEmail {
    pub to: String,
    pub subject: String,
    pub body: String,
    pub link: Option<String>,
    pub sent_at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VettingDecision {
    Authorize,
    Reject,
    ActionRequired,
}

/// `POST /api/dev/vetting/{id}`: a reason for `action_required` and `reject`, and a note for the
/// reason `other` (`Vetting::check`); both are dropped for `authorize`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vetting {
    pub decision: VettingDecision,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<crate::VettingReason>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl From<VettingDecision> for Vetting {
    fn from(decision: VettingDecision) -> Self {
        Vetting {
            decision,
            reason: None,
            note: None,
        }
    }
}

impl Vetting {
    pub fn because(decision: VettingDecision, reason: crate::VettingReason) -> Self {
        Vetting {
            reason: Some(reason),
            ..decision.into()
        }
    }

    /// The reason the decision records (none for `authorize`), or the fields to correct.
    pub fn check(&self) -> Result<Option<CheckReason>, crate::FieldErrors> {
        if self.decision == VettingDecision::Authorize {
            return Ok(None);
        }
        let mut fields = crate::FieldErrors::new();
        let note = self
            .note
            .as_deref()
            .map(str::trim)
            .filter(|note| !note.is_empty());
        if let Some(note) = note {
            if let Err(code) = crate::validate::note(note) {
                fields.insert("note".into(), vec![code]);
            }
        }
        match self.reason {
            None => {
                fields.insert("reason".into(), vec![crate::Code::Required]);
            }
            Some(crate::VettingReason::Other) if note.is_none() => {
                fields.insert("note".into(), vec![crate::Code::Required]);
            }
            Some(_) => {}
        }
        match self.reason {
            Some(code) if fields.is_empty() => Ok(Some(CheckReason {
                code,
                note: note.map(str::to_owned),
            })),
            _ => Err(fields),
        }
    }
}

/// `POST /api/dev/seed`: demo users, and demo activity records (for the log's benchmark).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedRequest {
    #[serde(default)]
    pub users: u32,
    #[serde(default, skip_serializing_if = "is_zero")]
    pub activity: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}
