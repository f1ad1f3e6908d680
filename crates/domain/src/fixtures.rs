//! Values the test suites share (feature `fixtures`, for tests only): a password the rules
//! accept, a valid French legal profile with its primary contact, and an activity record as
//! one line to compare.

use crate::{Activity, Address, LegalProfile, PrimaryContact, ProfileRequest};

/// `resource action target detail old→new by actor-email` (`-` for what is absent).
pub fn activity_line(a: &Activity) -> String {
    format!(
        "{} {} {} {} {}→{} by {}",
        a.resource.as_str(),
        a.action.as_str(),
        a.target,
        a.detail.as_deref().unwrap_or("-"),
        a.old.as_deref().unwrap_or("-"),
        a.new.as_deref().unwrap_or("-"),
        a.actor.as_ref().map_or("nobody", |a| a.email.as_str()),
    )
}

/// Strong enough for `validate::password`.
pub const PASSWORD: &str = "Correct-horse-9battery";

/// A valid French legal profile and primary contact.
pub fn profile() -> ProfileRequest {
    ProfileRequest {
        legal_profile: LegalProfile {
            legal_name: "Contoso SAS".into(),
            address: Address {
                line1: "12 rue de la Paix".into(),
                line2: String::new(),
                city: "Paris".into(),
                region: String::new(),
                postal_code: "75002".into(),
                country: "FR".into(),
            },
            phone: "+33 1 23 45 67 89".into(),
            website: "https://contoso.example".into(),
        },
        primary_contact: PrimaryContact {
            first_name: "Jean".into(),
            last_name: "Dupont".into(),
            email: "jean.dupont@contoso.fr".into(),
            phone: "+33 6 12 34 56 78".into(),
        },
    }
}

/// The text fields of `profile()` a user types, by the form's element id (the country is
/// chosen, not typed; the optional website and second line are left empty).
pub fn profile_fields() -> Vec<(&'static str, String)> {
    let p = profile();
    let (legal, contact) = (p.legal_profile, p.primary_contact);
    vec![
        ("legal_profile-legal_name", legal.legal_name),
        ("legal_profile-address-line1", legal.address.line1),
        ("legal_profile-address-city", legal.address.city),
        (
            "legal_profile-address-postal_code",
            legal.address.postal_code,
        ),
        ("legal_profile-phone", legal.phone),
        ("primary_contact-first_name", contact.first_name),
        ("primary_contact-last_name", contact.last_name),
        ("primary_contact-email", contact.email),
        ("primary_contact-phone", contact.phone),
    ]
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_shared_values_pass_the_rules() {
        assert_eq!(crate::validate::profile(&super::profile()), Ok(()));
        assert_eq!(
            crate::validate::password(super::PASSWORD, "admin@contoso.onmicrosoft.com"),
            Ok(())
        );
    }
}
