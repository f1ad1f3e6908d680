//! An activity record in words: the record keeps wire names (roles, statuses, field paths), the
//! sentence names them in the reader's language.

use partner_domain::{
    Activity, ActivityAction as A, ActivityResource as R, AgreementKind, Role, VerificationStatus,
    VettingReason,
};

use super::{role_name, I18n};

pub fn resource_name(t: &I18n, resource: R) -> String {
    match resource {
        R::WorkAccount => t.resource_work_account(),
        R::User => t.resource_user(),
        R::Roles => t.resource_roles(),
        R::LegalProfile => t.resource_legal_profile(),
        R::PrimaryContact => t.resource_primary_contact(),
        R::Agreement => t.resource_agreement(),
        R::Verification => t.resource_verification(),
        R::SignIn => t.resource_sign_in(),
        R::Document => t.resource_document(),
    }
    .to_string()
}

/// Who made the change, when no user did: the check, a link's reader, a stranger.
pub fn no_actor(t: &I18n, activity: &Activity) -> String {
    match activity.resource {
        R::Verification => t.activity_by_check(),
        R::SignIn => t.activity_by_attempt(),
        _ => t.activity_by_link(),
    }
    .to_string()
}

/// A field's label, from its path in a request (`legal_profile.address.city`, `first_name`).
fn field_label(t: &I18n, path: &str) -> String {
    match path.rsplit('.').next().unwrap_or(path) {
        "first_name" => t.field_first_name(),
        "last_name" => t.field_last_name(),
        "email" => t.users_email(),
        "legal_name" => t.field_legal_name(),
        "line1" => t.field_address_first(),
        "line2" => t.field_address_second(),
        "city" => t.field_city(),
        "region" => t.field_region(),
        "postal_code" => t.field_postal_code(),
        "country" => t.field_country(),
        "phone" => t.field_phone(),
        "website" => t.field_website(),
        _ => return path.to_owned(),
    }
    .to_string()
}

fn roles(t: &I18n, value: Option<&str>) -> String {
    let names: Vec<String> = value
        .unwrap_or_default()
        .split(',')
        .filter_map(Role::from_key)
        .map(|role| role_name(t, role))
        .collect();
    if names.is_empty() {
        t.change_no_role().to_string()
    } else {
        names.join(", ")
    }
}

fn status(t: &I18n, value: Option<&str>) -> String {
    let Some(status) = value.and_then(VerificationStatus::from_key) else {
        return value.unwrap_or_default().to_owned();
    };
    match status {
        VerificationStatus::Draft => t.status_draft(),
        VerificationStatus::EmailPending => t.status_email_pending(),
        VerificationStatus::BusinessPending => t.status_business_pending(),
        VerificationStatus::Authorized => t.status_authorized(),
        VerificationStatus::ActionRequired => t.status_action_required(),
        VerificationStatus::Rejected => t.status_rejected(),
    }
    .to_string()
}

/// The business check's reason, as the verification timeline says it: a code, or the note of
/// `other`.
fn reason(t: &I18n, detail: &str) -> String {
    match VettingReason::from_key(detail) {
        Some(VettingReason::LegalNameMismatch) => t.check_reason_legal_name_mismatch(),
        Some(VettingReason::AddressUnconfirmed) => t.check_reason_address_unconfirmed(),
        Some(VettingReason::DocumentUnreadable) => t.check_reason_document_unreadable(),
        Some(VettingReason::Other) | None => t.check_reason_other(detail.to_owned()),
    }
    .to_string()
}

/// A value as shown: an emptied field says so.
fn shown(t: &I18n, value: Option<&str>) -> String {
    match value {
        Some(value) if !value.is_empty() => value.to_owned(),
        _ => t.change_empty().to_string(),
    }
}

/// The change, in one sentence. (fluent-static's methods take the arguments in the order the
/// French message uses them.)
pub fn describe(t: &I18n, a: &Activity) -> String {
    let target = a.target.clone();
    let (old, new) = (a.old.as_deref(), a.new.as_deref());
    let field = || field_label(t, a.detail.as_deref().unwrap_or_default());
    match (a.resource, a.action) {
        (R::WorkAccount, _) => t.change_work_account_created(target).to_string(),
        (R::User, A::Created) => t.change_user_created(shown(t, new), target).to_string(),
        (R::User, A::Deleted) => t.change_user_deleted(shown(t, old), target).to_string(),
        (R::User, A::PasswordReset) => t.change_password_reset(target).to_string(),
        (R::User, A::PasswordChanged) => t.change_password_changed(target).to_string(),
        (R::User, A::Accepted) => t.change_invitation_accepted(target).to_string(),
        (R::User, A::Invited) => t.change_invitation_resent(target).to_string(),
        (R::User, _) => t
            .change_user_field(field(), target, shown(t, old), shown(t, new))
            .to_string(),
        (R::Roles, _) => t
            .change_roles(target, roles(t, old), roles(t, new))
            .to_string(),
        (R::LegalProfile, A::Created) => t.change_profile_created(target).to_string(),
        (R::PrimaryContact, A::Created) => t.change_contact_created(target).to_string(),
        (R::PrimaryContact, A::Verified) => t.change_contact_verified(target).to_string(),
        (R::LegalProfile | R::PrimaryContact, _) => t
            .change_field(field(), shown(t, old), shown(t, new))
            .to_string(),
        (R::Agreement, _) => {
            let agreement = match AgreementKind::from_key(&target) {
                Some(AgreementKind::Mpn) => t.mpn_agreement_link().to_string(),
                None => target,
            };
            t.change_agreement_accepted(agreement, shown(t, new))
                .to_string()
        }
        (R::Verification, _) => {
            let sentence = t
                .change_verification(status(t, old), status(t, new))
                .to_string();
            match a.detail.as_deref() {
                Some(detail) => format!("{sentence}. {}", reason(t, detail)),
                None => sentence,
            }
        }
        (R::SignIn, _) => t.change_sign_in_blocked(target).to_string(),
        (R::Document, A::Deleted) => t.change_document_removed(target).to_string(),
        (R::Document, _) => t.change_document_sent(target).to_string(),
    }
}
