//! Whatever a user types, validation answers (never panics), and every request body survives
//! a trip through JSON unchanged.

use partner_domain::{validate, Address, LegalProfile, PrimaryContact, ProfileRequest};
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[ -~]{0,40}",
        "[a-z0-9.@+-]{0,30}",
        "\\PC{0,250}"
    ]
}

fn profile() -> impl Strategy<Value = ProfileRequest> {
    (
        (
            text(),
            text(),
            text(),
            text(),
            text(),
            text(),
            "[A-Z]{2}|FR|US|GB|CA|BR",
        ),
        (text(), text()),
        (text(), text(), text(), text()),
    )
        .prop_map(
            |(
                (legal_name, line1, line2, city, region, postal_code, country),
                (phone, website),
                (first_name, last_name, email, contact_phone),
            )| {
                ProfileRequest {
                    legal_profile: LegalProfile {
                        legal_name,
                        address: Address {
                            line1,
                            line2,
                            city,
                            region,
                            postal_code,
                            country,
                        },
                        phone,
                        website,
                    },
                    primary_contact: PrimaryContact {
                        first_name,
                        last_name,
                        email,
                        phone: contact_phone,
                    },
                }
            },
        )
}

proptest! {
    #[test]
    fn single_rules_never_panic(value in text(), other in text()) {
        let _ = validate::name(&value);
        let _ = validate::legal_name(&value);
        let _ = validate::contact_email(&value);
        let _ = validate::domain_prefix(&value);
        let _ = validate::password(&value, &other);
        let _ = validate::phone(&value);
        let _ = validate::website(&value);
        let _ = validate::postal_code(&value, &other);
        let _ = validate::region(&value, &other);
    }

    #[test]
    fn profiles_validate_and_round_trip(body in profile()) {
        if let Err(errors) = validate::profile(&body) {
            prop_assert!(errors.keys().all(|k| k.starts_with("legal_profile.") || k.starts_with("primary_contact.")));
            prop_assert!(errors.values().all(|codes| !codes.is_empty()));
        }
        let json = serde_json::to_string(&body).unwrap();
        let back: ProfileRequest = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, body);
    }
}
