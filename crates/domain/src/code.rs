//! The stable codes of field errors (docs/API.md, "Field codes"): one enum, one `as_str()`, so
//! that the UI's message for each is an exhaustive `match` and a new code without a message
//! does not compile. On the wire they are strings (`email.free_mail`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

macro_rules! codes {
    ($($variant:ident = $key:literal,)+) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)+
            /// A code this build does not know (sent by a newer server).
            Unknown,
        }

        impl Code {
            pub const ALL: &[Code] = &[$(Self::$variant,)+];

            /// The wire name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $key,)+
                    Self::Unknown => "unknown",
                }
            }
        }
    };
}

codes! {
    Required = "required",
    NameTooLong = "name.too_long",
    LegalNameTooLong = "legal_name.too_long",
    TextTooLong = "text.too_long",
    TextControlChars = "text.control_chars",
    EmailFormat = "email.format",
    EmailFreeMail = "email.free_mail",
    EmailRoleAddress = "email.role_address",
    EmailTaken = "email.taken",
    EmailDuplicate = "email.duplicate",
    EmailOtherDomain = "email.other_domain",
    DomainPrefixFormat = "domain_prefix.format",
    DomainPrefixLength = "domain_prefix.length",
    DomainPrefixTaken = "domain_prefix.taken",
    PasswordTooShort = "password.too_short",
    PasswordOneClass = "password.one_class",
    PasswordIsEmail = "password.is_email",
    PasswordWrong = "password.wrong",
    PasswordUnchanged = "password.unchanged",
    PhoneFormat = "phone.format",
    WebsiteFormat = "website.format",
    CountryUnsupported = "country.unsupported",
    CountryLocked = "country.locked",
    PostalCodeFormat = "postal_code.format",
    RegionUnknown = "region.unknown",
    AgreementNotCurrent = "agreement.not_current",
    ConsentRequired = "consent.required",
    LastGlobalAdmin = "last_global_admin",
    GlobalAdminOnly = "roles.global_admin_only",
    RoleUnknown = "role.unknown",
    ImportTooMany = "import.too_many",
    SeedTooMany = "seed.too_many",
    DateFormat = "date.format",
    DateRange = "date.range",
    DocumentEmpty = "document.empty",
    DocumentTooLarge = "document.too_large",
    DocumentType = "document.type",
    DocumentsTooMany = "documents.too_many",
}

impl Code {
    /// The code of a wire name; `Unknown` for one this build does not know.
    pub fn parse(key: &str) -> Self {
        Self::ALL
            .iter()
            .copied()
            .find(|code| code.as_str() == key)
            .unwrap_or(Self::Unknown)
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Tests and logs compare codes with their wire names.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let key = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        Ok(Self::parse(&key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_round_trips_through_its_wire_name() {
        for code in Code::ALL {
            assert_eq!(Code::parse(code.as_str()), *code);
            let json = serde_json::to_string(code).unwrap();
            assert_eq!(serde_json::from_str::<Code>(&json).unwrap(), *code);
        }
        assert_eq!(Code::parse("something.new"), Code::Unknown);
        let names: std::collections::BTreeSet<&str> =
            Code::ALL.iter().map(|c| c.as_str()).collect();
        assert_eq!(names.len(), Code::ALL.len(), "wire names are unique");
    }
}
