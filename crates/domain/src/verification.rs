//! The partner's verification, as a pure state machine (API.md `verification.status`):
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

    /// The status after `event`, or why it cannot happen now.
    pub fn next(self, event: VerificationEvent) -> Result<Self, InvalidTransition> {
        use VerificationEvent as E;
        use VerificationStatus as S;
        let next = match (self, event) {
            (S::Draft, E::ProfileSubmitted) => S::EmailPending,
            (S::ActionRequired, E::ProfileSubmitted) => S::BusinessPending,
            // Editing the profile otherwise keeps the status, unless the contact changed.
            (S::EmailPending | S::BusinessPending | S::Authorized, E::ProfileSubmitted) => self,
            (
                S::EmailPending | S::BusinessPending | S::Authorized | S::ActionRequired,
                E::ContactChanged,
            ) => S::EmailPending,
            (S::EmailPending, E::ContactEmailVerified) => S::BusinessPending,
            (S::BusinessPending, E::VettingAuthorized) => S::Authorized,
            (S::BusinessPending, E::VettingActionRequired) => S::ActionRequired,
            (S::BusinessPending | S::ActionRequired, E::VettingRejected) => S::Rejected,
            _ => return Err(InvalidTransition { from: self, event }),
        };
        Ok(next)
    }

    /// Decided for good: no event moves it any more.
    pub fn is_final(self) -> bool {
        self == Self::Rejected
    }
}

#[cfg(test)]
mod tests {
    use super::{VerificationEvent as E, VerificationStatus as S};

    const EVENTS: [E; 6] = [
        E::ProfileSubmitted,
        E::ContactChanged,
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
    fn a_rejection_is_final() {
        assert!(S::Rejected.is_final());
        assert!(EVENTS.iter().all(|e| S::Rejected.next(*e).is_err()));
    }
}
