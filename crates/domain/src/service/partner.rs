//! The partner account: the legal profile and primary contact ("S’inscrire maintenant"), the
//! contact's email verification and the simulated business check (docs/API.md, "Partner").

use super::{
    activity::{note, note_by, note_check, profile_changes, Change},
    check_link, hash_token, mail, new_id, new_token, now_stamp, require, unknown_link, Env,
    PartnerRecord, ServiceError, ServiceResult, Store, VerificationToken,
};
use crate::{
    clock::{parse_stamp, stamp},
    limits::{RESEND_EVERY_S, TOKEN_LIFETIME_S},
    validate,
    verification::{self, mpn_program_status, StepTimes},
    Action, ActivityAction, ActivityResource, AgreementKind, Code, EmailVerified, ErrorKind, Me,
    OutboxEmail, Partner, ProfileRequest, Program, ProgramStatus, VerificationEvent,
    VerificationStatus, Vetting, VettingDecision,
};

/// How many emails `GET /api/dev/outbox` lists.
const OUTBOX_LIMIT: usize = 200;

fn not_enrolled() -> ServiceError {
    ServiceError::refused(
        ErrorKind::NotFound,
        "This work account has no partner account yet.",
    )
}

/// Moves a status through the state machine (409 if the move is not allowed now).
fn advance(
    from: VerificationStatus,
    event: VerificationEvent,
) -> ServiceResult<VerificationStatus> {
    from.next(event)
        .map_err(|e| ServiceError::refused(ErrorKind::Conflict, e.to_string()))
}

/// The partner of a work account, once the simulated business check that is due has approved.
pub(super) async fn record<S: Store>(
    store: &mut S,
    tenant_id: &str,
) -> ServiceResult<Option<PartnerRecord>> {
    let Some(mut record) = store.partner(tenant_id).await? else {
        return Ok(None);
    };
    let now = now_stamp(store);
    let due = record.vetting_due_at.clone().filter(|due| *due <= now);
    if record.status == VerificationStatus::BusinessPending && due.is_some() {
        record.status = VerificationStatus::Authorized;
        record.times.business_step_at = due;
        record.vetting_due_at = None;
        store.update_partner(&record).await?;
        let decided = status_change(
            &record,
            VerificationStatus::BusinessPending,
            VerificationStatus::Authorized,
        );
        note_check(store, tenant_id, decided).await?;
    }
    Ok(Some(record))
}

/// The log's record of a verification status that changed: decided by the business check (with
/// its reason's code, or the note of `other`), or moved by a profile edit.
fn status_change(
    record: &PartnerRecord,
    from: VerificationStatus,
    to: VerificationStatus,
) -> Change {
    use VerificationStatus as S;
    let action = match to {
        S::Authorized | S::ActionRequired | S::Rejected => ActivityAction::Decided,
        S::Draft | S::EmailPending | S::BusinessPending => ActivityAction::Changed,
    };
    let change = Change::new(ActivityResource::Verification, action, &record.mpn_id)
        .values(Some(from.key().to_owned()), Some(to.key().to_owned()));
    match (&record.check_reason, to) {
        // The free text of `other` says more than its code.
        (Some(reason), S::ActionRequired | S::Rejected) => {
            change.detail(reason.note.as_deref().unwrap_or(reason.code.as_str()))
        }
        _ => change,
    }
}

pub(super) async fn enrolled<S: Store>(
    store: &mut S,
    tenant_id: &str,
) -> ServiceResult<PartnerRecord> {
    record(store, tenant_id).await?.ok_or_else(not_enrolled)
}

/// Refused a second time: the profile can no longer be resubmitted.
fn rejection_is_final(record: &PartnerRecord) -> bool {
    record.status == VerificationStatus::Rejected && record.rejections >= 2
}

/// docs/API.md's `Partner`.
pub(super) async fn view<S: Store>(store: &mut S, record: PartnerRecord) -> ServiceResult<Partner> {
    let agreements = store.acceptances(&record.id).await?;
    let signed = agreements.iter().any(|a| a.kind == AgreementKind::Mpn);
    let documents = store.documents(&record.id).await?;
    Ok(Partner {
        verification: crate::Verification {
            final_decision: rejection_is_final(&record),
            ..verification::view(record.status, &record.times, record.check_reason.as_ref())
        },
        programs: vec![ProgramStatus {
            program: Program::Mpn,
            status: mpn_program_status(record.status, signed),
        }],
        id: record.id,
        mpn_id: record.mpn_id,
        legal_profile: record.legal_profile,
        primary_contact: record.primary_contact,
        agreements,
        documents,
    })
}

/// Emails the primary contact a fresh single-use link; earlier links stop working.
async fn send_verification<S: Store>(
    store: &mut S,
    record: &mut PartnerRecord,
) -> ServiceResult<()> {
    let token = new_token(store);
    let now = store.env().now();
    store
        .replace_verification_token(&VerificationToken {
            token_hash: hash_token(&token),
            partner_id: record.id.clone(),
            email: record.primary_contact.email.clone(),
            expires_at: stamp(now + TOKEN_LIFETIME_S),
            used_at: None,
        })
        .await?;
    store
        .send_email(
            &record.tenant_id,
            &mail::contact_verification(
                &record.legal_profile.legal_name,
                &record.primary_contact.email,
                &token,
                &stamp(now),
            ),
        )
        .await?;
    record.last_verification_email = Some(stamp(now));
    Ok(())
}

/// A 7-digit MPN ID that no partner has.
async fn new_mpn_id<S: Store>(store: &mut S) -> ServiceResult<String> {
    loop {
        let bytes = store.env().random();
        let n = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]) % 9_000_000;
        let candidate = (1_000_000 + n).to_string();
        if !store.mpn_id_taken(&candidate).await? {
            return Ok(candidate);
        }
    }
}

/// `GET /api/partner`.
pub async fn partner<S: Store>(store: &mut S, caller: &Me) -> ServiceResult<Partner> {
    require(caller, Action::ReadPartner)?;
    let record = enrolled(store, &caller.tenant.id).await?;
    view(store, record).await
}

/// `PUT /api/partner/profile`: enrols the partner the first time (the contact is emailed), then
/// edits its profile; a new contact email must be confirmed again.
pub async fn put_profile<S: Store>(
    store: &mut S,
    caller: &Me,
    body: ProfileRequest,
) -> ServiceResult<Partner> {
    let existing = record(store, &caller.tenant.id).await?;
    require(
        caller,
        if existing.is_some() {
            Action::EditPartnerProfile
        } else {
            Action::EnrollPartner
        },
    )?;
    validate::profile(&body).map_err(ServiceError::invalid)?;
    let body = body.normalised();
    let now = now_stamp(store);
    let record = match existing {
        None => {
            let status = advance(
                VerificationStatus::Draft,
                VerificationEvent::ProfileSubmitted,
            )?;
            let mut record = PartnerRecord {
                id: new_id(store),
                tenant_id: caller.tenant.id.clone(),
                mpn_id: new_mpn_id(store).await?,
                legal_profile: body.legal_profile,
                primary_contact: body.primary_contact,
                status,
                times: StepTimes {
                    email_step_at: now.clone(),
                    ..StepTimes::default()
                },
                vetting_due_at: None,
                check_reason: None,
                rejections: 0,
                last_verification_email: None,
                created_at: now,
            };
            store.insert_partner(&record).await?;
            send_verification(store, &mut record).await?;
            store.update_partner(&record).await?;
            let profile = Change::new(
                ActivityResource::LegalProfile,
                ActivityAction::Created,
                &record.legal_profile.legal_name,
            );
            note_by(store, caller, profile).await?;
            let contact = Change::new(
                ActivityResource::PrimaryContact,
                ActivityAction::Created,
                &record.primary_contact.email,
            );
            note_by(store, caller, contact).await?;
            record
        }
        Some(record) if rejection_is_final(&record) => {
            return Err(ServiceError::refused(
                ErrorKind::Conflict,
                "The business check refused this partner twice: the decision is final.",
            ));
        }
        Some(mut record) => {
            let (before, after) = (&record.legal_profile, &body.legal_profile);
            if before.address.country != after.address.country {
                return Err(ServiceError::field(
                    ErrorKind::Validation,
                    "legal_profile.address.country",
                    Code::CountryLocked,
                    "The legal country cannot change after enrolment.",
                ));
            }
            let contact_changed = record.primary_contact.email != body.primary_contact.email;
            let legal_changed = before.legal_name != after.legal_name
                || before.address != after.address
                || before.phone != after.phone;
            let event = if contact_changed {
                VerificationEvent::ContactChanged
            } else if legal_changed {
                VerificationEvent::LegalDetailsChanged
            } else {
                VerificationEvent::ProfileSubmitted
            };
            let status = advance(record.status, event)?;
            // A (new) business check starts: on entering it, and on new legal details.
            if status == VerificationStatus::BusinessPending
                && (status != record.status || legal_changed)
            {
                start_check(store, &mut record);
            }
            let changes = profile_changes((&record.legal_profile, &record.primary_contact), &body);
            for change in changes {
                note_by(store, caller, change).await?;
            }
            if status != record.status {
                let resubmitted = status_change(&record, record.status, status);
                note_by(store, caller, resubmitted).await?;
            }
            record.status = status;
            record.legal_profile = body.legal_profile;
            record.primary_contact = body.primary_contact;
            if contact_changed {
                record.times.email_step_at = now;
                record.times.contact_verified_at = None;
                send_verification(store, &mut record).await?;
            }
            store.update_partner(&record).await?;
            record
        }
    };
    view(store, record).await
}

/// The simulated business check starts now (or again): it approves after the store's delay.
fn start_check<S: Store>(store: &S, record: &mut PartnerRecord) {
    let now = store.env().now();
    record.vetting_due_at = Some(stamp(now + store.env().vetting_delay_s()));
    record.times.business_step_at = Some(stamp(now));
}

/// A partner the check asked to act sends its answer (documents): checked again, and logged.
pub(super) async fn resubmit<S: Store>(
    store: &mut S,
    caller: &Me,
    record: &mut PartnerRecord,
) -> ServiceResult<()> {
    let status = advance(record.status, VerificationEvent::ProfileSubmitted)?;
    start_check(store, record);
    let resubmitted = status_change(record, record.status, status);
    note_by(store, caller, resubmitted).await?;
    record.status = status;
    Ok(())
}

/// `POST /api/partner/contact-verification`: once a minute at most, while unconfirmed.
pub async fn resend_contact_verification<S: Store>(
    store: &mut S,
    caller: &Me,
) -> ServiceResult<()> {
    require(caller, Action::ResendContactVerification)?;
    let mut record = enrolled(store, &caller.tenant.id).await?;
    if record.status != VerificationStatus::EmailPending {
        return Err(ServiceError::refused(
            ErrorKind::Conflict,
            "The primary contact's email is already confirmed.",
        ));
    }
    let last = record
        .last_verification_email
        .as_deref()
        .and_then(parse_stamp);
    if let Some(last) = last {
        let wait = last + RESEND_EVERY_S - store.env().now();
        if wait > 0 {
            return Err(ServiceError::RateLimited(wait as u64));
        }
    }
    send_verification(store, &mut record).await?;
    store.update_partner(&record).await?;
    Ok(())
}

/// `POST /api/verify-email`, with no session: 404 unknown, 409 used, 410 expired.
pub async fn verify_email<S: Store>(store: &mut S, token: &str) -> ServiceResult<EmailVerified> {
    let token_hash = hash_token(token.trim());
    let found = store
        .verification_token(&token_hash)
        .await?
        .ok_or_else(unknown_link)?;
    let now = now_stamp(store);
    check_link(found.used_at.is_some(), &found.expires_at, &now)?;
    let mut record = store
        .partner_by_id(&found.partner_id)
        .await?
        .ok_or_else(not_enrolled)?;
    record.status = advance(record.status, VerificationEvent::ContactEmailVerified)?;
    record.times.contact_verified_at = Some(now.clone());
    start_check(store, &mut record);
    store.use_verification_token(&token_hash, &now).await?;
    store.update_partner(&record).await?;
    let verified = Change::new(
        ActivityResource::PrimaryContact,
        ActivityAction::Verified,
        &found.email,
    );
    note(store, &record.tenant_id, None, verified).await?;
    Ok(EmailVerified {
        partner_id: record.id,
        email: found.email,
    })
}

/// `POST /api/dev/vetting/{partner_id}`: decides the simulated business check now.
pub async fn decide_vetting<S: Store>(
    store: &mut S,
    caller: &Me,
    partner_id: &str,
    vetting: Vetting,
) -> ServiceResult<Partner> {
    let reason = vetting.check().map_err(ServiceError::invalid)?;
    let mut record = record(store, &caller.tenant.id)
        .await?
        .filter(|p| p.id == partner_id)
        .ok_or_else(|| {
            ServiceError::refused(ErrorKind::NotFound, "No such partner in this work account.")
        })?;
    let event = match vetting.decision {
        VettingDecision::Authorize => VerificationEvent::VettingAuthorized,
        VettingDecision::Reject => VerificationEvent::VettingRejected,
        VettingDecision::ActionRequired => VerificationEvent::VettingActionRequired,
    };
    let before = record.status;
    record.status = advance(record.status, event)?;
    record.times.business_step_at = Some(now_stamp(store));
    record.vetting_due_at = None;
    record.check_reason = reason;
    if record.status == VerificationStatus::Rejected {
        record.rejections += 1;
    }
    store.update_partner(&record).await?;
    // Decided by the business check, which the dev endpoint stands in for: no user's doing.
    let decided = status_change(&record, before, record.status);
    note_check(store, &caller.tenant.id, decided).await?;
    view(store, record).await
}

/// `GET /api/dev/outbox`: the latest emails, newest first; a signed-in caller sees their own work
/// account's only (dev endpoints serve a loopback address only, where tests read every email).
pub async fn outbox<S: Store>(
    store: &mut S,
    caller: Option<&Me>,
) -> ServiceResult<Vec<OutboxEmail>> {
    let tenant = caller.map(|me| me.tenant.id.as_str());
    Ok(store.outbox(tenant, OUTBOX_LIMIT).await?)
}
