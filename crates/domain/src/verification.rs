//! The partner's verification, as a pure state machine (docs/API.md `verification.status`):
//! `draft → email_pending → business_pending → authorized | action_required | rejected`.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum VerificationStatus {
    Draft,
    EmailPending,
    BusinessPending,
    Authorized,
    ActionRequired,
    Rejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerificationEvent {
    /// "S’inscrire maintenant": the profile is saved and the contact is emailed. Also how a
    /// partner whose vetting asked for action resubmits.
    ProfileSubmitted,
    /// The primary contact's email was changed: it must be confirmed again.
    ContactChanged,
    /// The legal name, address or phone changed: the business check starts again. Also how a
    /// rejected partner corrects its profile.
    LegalDetailsChanged,
    ContactEmailVerified,
    VettingAuthorized,
    VettingActionRequired,
    VettingRejected,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("{event:?} cannot happen while {from:?}")]
pub struct InvalidTransition {
    pub from: VerificationStatus,
    pub event: VerificationEvent,
}

impl VerificationStatus {
    pub const ALL: [VerificationStatus; 6] = [
        Self::Draft,
        Self::EmailPending,
        Self::BusinessPending,
        Self::Authorized,
        Self::ActionRequired,
        Self::Rejected,
    ];

    /// The wire name (`email_pending`), as in docs/API.md and the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::EmailPending => "email_pending",
            Self::BusinessPending => "business_pending",
            Self::Authorized => "authorized",
            Self::ActionRequired => "action_required",
            Self::Rejected => "rejected",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.key() == key)
    }

    /// The status after `event`, or why it cannot happen now.
    pub fn next(self, event: VerificationEvent) -> Result<Self, InvalidTransition> {
        use VerificationEvent as E;
        use VerificationStatus as S;
        let next = match (self, event) {
            (S::Draft, E::ProfileSubmitted) => S::EmailPending,
            // Resubmitted after the check asked for action or refused: checked again.
            (S::ActionRequired | S::Rejected, E::ProfileSubmitted) => S::BusinessPending,
            // Editing the profile otherwise keeps the status, unless the contact or the legal
            // details changed.
            (S::EmailPending | S::BusinessPending | S::Authorized, E::ProfileSubmitted) => self,
            (
                S::EmailPending
                | S::BusinessPending
                | S::Authorized
                | S::ActionRequired
                | S::Rejected,
                E::ContactChanged,
            ) => S::EmailPending,
            // The contact confirms first; the check runs then.
            (S::EmailPending, E::LegalDetailsChanged) => S::EmailPending,
            (
                S::BusinessPending | S::Authorized | S::ActionRequired | S::Rejected,
                E::LegalDetailsChanged,
            ) => S::BusinessPending,
            (S::EmailPending, E::ContactEmailVerified) => S::BusinessPending,
            (S::BusinessPending, E::VettingAuthorized) => S::Authorized,
            (S::BusinessPending, E::VettingActionRequired) => S::ActionRequired,
            (S::BusinessPending | S::ActionRequired, E::VettingRejected) => S::Rejected,
            _ => return Err(InvalidTransition { from: self, event }),
        };
        Ok(next)
    }
}

crate::wire_enum! {
    /// Why the business check asked for action or refused.
    pub enum VettingReason {
        /// The legal name does not match the company's registration.
        LegalNameMismatch = "legal_name_mismatch",
        /// The address could not be confirmed.
        AddressUnconfirmed = "address_unconfirmed",
        /// A supporting document could not be read.
        DocumentUnreadable = "document_unreadable",
        /// Anything else, said in the note.
        Other = "other",
    }
}

impl VettingReason {
    /// Whether the fix is to correct the legal profile (which resubmits it).
    pub fn asks_for_correction(self) -> bool {
        !matches!(self, Self::DocumentUnreadable)
    }

    /// Whether the fix is to send supporting documents: an address to prove, a document to
    /// send again, or whatever the check's note asks for.
    pub fn asks_for_documents(self) -> bool {
        !matches!(self, Self::LegalNameMismatch)
    }
}

crate::wire_enum! {
    /// The two steps of the verification.
    pub enum StepName {
        /// The primary contact confirms their email.
        ContactEmail = "contact_email",
        /// The business check of the legal profile.
        Business = "business",
    }
}

crate::wire_enum! {
    pub enum StepStatus {
        Pending = "pending",
        Done = "done",
        ActionRequired = "action_required",
        Rejected = "rejected",
    }
}

crate::wire_enum! {
    /// The programs a partner is enrolled in.
    pub enum Program {
        /// The Microsoft Partner Network.
        Mpn = "mpn",
    }
}

crate::wire_enum! {
    /// A program's status.
    pub enum ProgramState {
        Pending = "pending",
        /// Authorized, and the agreement signed.
        Active = "active",
        ActionRequired = "action_required",
        Rejected = "rejected",
    }
}

/// Whether the business check waits for supporting documents now: it asked for action, for a
/// reason that documents answer.
pub fn documents_asked(status: VerificationStatus, reason: Option<&crate::CheckReason>) -> bool {
    status == VerificationStatus::ActionRequired
        && reason.is_some_and(|r| r.code.asks_for_documents())
}

/// When each step last moved (RFC 3339 UTC), as stored by a backend.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StepTimes {
    /// When the contact was (last) emailed.
    pub email_step_at: String,
    pub contact_verified_at: Option<String>,
    pub business_step_at: Option<String>,
}

/// docs/API.md's `verification`: the status and its two steps, contact email and business check;
/// the check's reason while it asks for action or refuses.
pub fn view(
    status: VerificationStatus,
    times: &StepTimes,
    reason: Option<&crate::CheckReason>,
) -> crate::Verification {
    let reason = reason
        .filter(|_| {
            matches!(
                status,
                VerificationStatus::ActionRequired | VerificationStatus::Rejected
            )
        })
        .cloned();
    let confirmed = times
        .contact_verified_at
        .clone()
        .filter(|_| status != VerificationStatus::EmailPending);
    let business = match status {
        VerificationStatus::Authorized => StepStatus::Done,
        VerificationStatus::ActionRequired => StepStatus::ActionRequired,
        VerificationStatus::Rejected => StepStatus::Rejected,
        _ => StepStatus::Pending,
    };
    crate::Verification {
        status,
        steps: vec![
            crate::VerificationStep {
                name: StepName::ContactEmail,
                status: if confirmed.is_some() {
                    StepStatus::Done
                } else {
                    StepStatus::Pending
                },
                updated_at: confirmed
                    .clone()
                    .unwrap_or_else(|| times.email_step_at.clone()),
            },
            crate::VerificationStep {
                name: StepName::Business,
                status: business,
                updated_at: times
                    .business_step_at
                    .clone()
                    .unwrap_or_else(|| times.email_step_at.clone()),
            },
        ],
        contact_email_verified_at: confirmed,
        reason,
        final_decision: false,
    }
}

/// The MPN program's status: active once the partner is authorized and has signed.
pub fn mpn_program_status(status: VerificationStatus, agreement_accepted: bool) -> ProgramState {
    match status {
        VerificationStatus::Rejected => ProgramState::Rejected,
        VerificationStatus::ActionRequired => ProgramState::ActionRequired,
        VerificationStatus::Authorized if agreement_accepted => ProgramState::Active,
        _ => ProgramState::Pending,
    }
}

#[cfg(test)]
mod tests {
    use super::{VerificationEvent as E, VerificationStatus as S};

    const EVENTS: [E; 7] = [
        E::ProfileSubmitted,
        E::ContactChanged,
        E::LegalDetailsChanged,
        E::ContactEmailVerified,
        E::VettingAuthorized,
        E::VettingActionRequired,
        E::VettingRejected,
    ];

    #[test]
    fn the_happy_path_of_the_seed() {
        let status = S::Draft
            .next(E::ProfileSubmitted)
            .and_then(|s| s.next(E::ContactEmailVerified))
            .and_then(|s| s.next(E::VettingAuthorized));
        assert_eq!(status, Ok(S::Authorized));
    }

    #[test]
    fn every_edge_and_every_refusal() {
        let allowed = [
            (S::Draft, E::ProfileSubmitted, S::EmailPending),
            (S::EmailPending, E::ProfileSubmitted, S::EmailPending),
            (S::BusinessPending, E::ProfileSubmitted, S::BusinessPending),
            (S::Authorized, E::ProfileSubmitted, S::Authorized),
            (S::ActionRequired, E::ProfileSubmitted, S::BusinessPending),
            (S::Rejected, E::ProfileSubmitted, S::BusinessPending),
            (S::Rejected, E::ContactChanged, S::EmailPending),
            (S::EmailPending, E::LegalDetailsChanged, S::EmailPending),
            (
                S::BusinessPending,
                E::LegalDetailsChanged,
                S::BusinessPending,
            ),
            (S::Authorized, E::LegalDetailsChanged, S::BusinessPending),
            (
                S::ActionRequired,
                E::LegalDetailsChanged,
                S::BusinessPending,
            ),
            (S::Rejected, E::LegalDetailsChanged, S::BusinessPending),
            (S::EmailPending, E::ContactChanged, S::EmailPending),
            (S::BusinessPending, E::ContactChanged, S::EmailPending),
            (S::Authorized, E::ContactChanged, S::EmailPending),
            (S::ActionRequired, E::ContactChanged, S::EmailPending),
            (S::EmailPending, E::ContactEmailVerified, S::BusinessPending),
            (S::BusinessPending, E::VettingAuthorized, S::Authorized),
            (
                S::BusinessPending,
                E::VettingActionRequired,
                S::ActionRequired,
            ),
            (S::BusinessPending, E::VettingRejected, S::Rejected),
            (S::ActionRequired, E::VettingRejected, S::Rejected),
        ];
        for from in S::ALL {
            for event in EVENTS {
                let expected = allowed.iter().find(|(f, e, _)| *f == from && *e == event);
                match (from.next(event), expected) {
                    (Ok(to), Some((_, _, want))) => assert_eq!(to, *want, "{from:?} + {event:?}"),
                    (Err(e), None) => assert_eq!((e.from, e.event), (from, event)),
                    (got, want) => panic!("{from:?} + {event:?}: got {got:?}, want {want:?}"),
                }
            }
        }
    }

    #[test]
    fn keys_are_the_wire_names() {
        for status in S::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.key());
            assert_eq!(S::from_key(status.key()), Some(status));
        }
    }

    #[test]
    fn the_view_shows_each_step() {
        let times = super::StepTimes {
            email_step_at: "2026-11-01T10:00:00Z".into(),
            contact_verified_at: Some("2026-11-02T10:00:00Z".into()),
            business_step_at: Some("2026-11-03T10:00:00Z".into()),
        };
        let pending = super::view(
            S::EmailPending,
            &super::StepTimes {
                contact_verified_at: None,
                ..times.clone()
            },
            None,
        );
        assert_eq!(pending.steps[0].status, "pending");
        assert_eq!(pending.steps[0].updated_at, "2026-11-01T10:00:00Z");
        let reason = crate::CheckReason {
            code: super::VettingReason::AddressUnconfirmed,
            note: None,
        };
        let done = super::view(S::Authorized, &times, Some(&reason));
        assert_eq!(done.reason, None, "no reason once authorized");
        assert_eq!(
            (done.steps[0].status.as_str(), done.steps[1].status.as_str()),
            ("done", "done")
        );
        assert_eq!(done.steps[1].updated_at, "2026-11-03T10:00:00Z");
        let asked = super::view(S::ActionRequired, &times, Some(&reason));
        assert_eq!(asked.steps[1].status, "action_required");
        assert_eq!(asked.reason, Some(reason));
        assert_eq!(super::mpn_program_status(S::Authorized, true), "active");
        assert_eq!(super::mpn_program_status(S::Authorized, false), "pending");
        assert_eq!(super::mpn_program_status(S::Rejected, true), "rejected");
    }

    #[test]
    fn a_rejected_partner_corrects_and_is_checked_again() {
        assert_eq!(
            S::Rejected.next(E::LegalDetailsChanged),
            Ok(S::BusinessPending)
        );
        assert!(
            S::Rejected.next(E::VettingAuthorized).is_err(),
            "not without a new check"
        );
        assert!(S::Rejected.next(E::ContactEmailVerified).is_err());
    }
}
