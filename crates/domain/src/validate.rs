//! Validation, the same code in the browser (as the user types) and on the server (the
//! authority). Each rule returns stable codes (`email.free_mail`) keyed by the dotted path of
//! the field in the request body; the UI translates the codes.

use crate::{
    country::{is_country, regions, rules_for},
    error::FieldErrors,
    Code, NewTenant, NewUser, PasswordChange, ProfileRequest, UserPatch,
};

pub const NAME_MAX: usize = 100;
pub const LEGAL_NAME_MAX: usize = 200;
pub const PASSWORD_MIN: usize = 12;

/// Providers whose addresses anyone can open: not proof of working for a company. Matched on
/// the domain's first label, whatever the country suffix (`yahoo.co.uk`, `gmx.de`).
const FREE_MAIL_PROVIDERS: &[&str] = &[
    "gmail",
    "googlemail",
    "outlook",
    "hotmail",
    "live",
    "msn",
    "yahoo",
    "ymail",
    "icloud",
    "gmx",
    "laposte",
    "aol",
    "protonmail",
    "yandex",
    "zoho",
    "mailo",
];
/// Free-mail domains whose first label is also a company's name (orange.com is Orange's).
const FREE_MAIL_DOMAINS: &[&str] = &[
    "orange.fr",
    "wanadoo.fr",
    "free.fr",
    "sfr.fr",
    "neuf.fr",
    "bbox.fr",
    "me.com",
    "mac.com",
    "mail.com",
    "web.de",
    "t-online.de",
    "proton.me",
    "libero.it",
    "tiscali.it",
];
/// Shared mailboxes: a primary contact must be a person.
const ROLE_ADDRESSES: &[&str] = &[
    "info",
    "admin",
    "contact",
    "marketing",
    "email",
    "sales",
    "support",
    "noreply",
    "no-reply",
];

/// Collects field errors under their dotted paths.
#[derive(Debug, Default)]
pub struct Errors(pub FieldErrors);

impl Errors {
    pub fn check(&mut self, path: &str, result: Result<(), Code>) {
        if let Err(code) = result {
            self.0.entry(path.to_owned()).or_default().push(code);
        }
    }

    pub fn into_result(self) -> Result<(), FieldErrors> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(self.0)
        }
    }
}

/// A person's name (first or last): trimmed, 1–100 characters, no control characters.
pub fn name(value: &str) -> Result<(), Code> {
    text(value, NAME_MAX, Code::NameTooLong)
}

pub fn legal_name(value: &str) -> Result<(), Code> {
    text(value, LEGAL_NAME_MAX, Code::LegalNameTooLong)
}

/// One line of text, trimmed: required, at most `max` characters (else `too_long`), no
/// control characters.
fn text(value: &str, max: usize, too_long: Code) -> Result<(), Code> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Code::Required);
    }
    if value.chars().count() > max {
        return Err(too_long);
    }
    if value.chars().any(char::is_control) {
        return Err(Code::TextControlChars);
    }
    Ok(())
}

/// The business check's note: one line of at most `limits::NOTE_MAX` characters.
pub fn note(value: &str) -> Result<(), Code> {
    text(value, crate::limits::NOTE_MAX, Code::TextTooLong)
}

/// A required free-text field (address line, city).
pub fn required(value: &str) -> Result<(), Code> {
    text(value, LEGAL_NAME_MAX, Code::TextTooLong)
}

/// `local@domain.tld`, with the characters a real mailbox uses.
pub fn email_syntax(value: &str) -> Result<(), Code> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Code::Required);
    }
    let Some((local, domain)) = value.rsplit_once('@') else {
        return Err(Code::EmailFormat);
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "._%+-'".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = domain.len() <= 253
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_alphabetic()));
    if local_ok && domain_ok {
        Ok(())
    } else {
        Err(Code::EmailFormat)
    }
}

/// A work email: valid, and not at a free-mail provider.
pub fn work_email(value: &str) -> Result<(), Code> {
    email_syntax(value)?;
    let domain = value
        .trim()
        .rsplit_once('@')
        .map(|(_, d)| d.to_ascii_lowercase())
        .unwrap_or_default();
    let first_label = domain.split('.').next().unwrap_or_default();
    if FREE_MAIL_PROVIDERS.contains(&first_label) || FREE_MAIL_DOMAINS.contains(&domain.as_str()) {
        return Err(Code::EmailFreeMail);
    }
    Ok(())
}

/// The primary contact: a work email that reaches one person, not a shared mailbox.
pub fn contact_email(value: &str) -> Result<(), Code> {
    work_email(value)?;
    let local = value
        .trim()
        .rsplit_once('@')
        .map(|(l, _)| l.to_ascii_lowercase())
        .unwrap_or_default();
    if ROLE_ADDRESSES.contains(&local.as_str()) {
        return Err(Code::EmailRoleAddress);
    }
    Ok(())
}

/// Lower-case letters and digits, 3–27 characters: `contoso` of `contoso.onmicrosoft.com`.
pub fn domain_prefix(value: &str) -> Result<(), Code> {
    if value.is_empty() {
        return Err(Code::Required);
    }
    if !value
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        return Err(Code::DomainPrefixFormat);
    }
    if !(3..=27).contains(&value.len()) {
        return Err(Code::DomainPrefixLength);
    }
    Ok(())
}

/// At least 12 characters, more than one class of character, and not the email itself.
pub fn password(value: &str, email: &str) -> Result<(), Code> {
    if value.chars().count() < PASSWORD_MIN {
        return Err(Code::PasswordTooShort);
    }
    if password_classes(value) < 2 {
        return Err(Code::PasswordOneClass);
    }
    let email = email.trim().to_lowercase();
    let local = email.split('@').next().unwrap_or_default();
    let lower = value.to_lowercase();
    if !email.is_empty() && (lower == email || (local.len() >= 3 && lower == local)) {
        return Err(Code::PasswordIsEmail);
    }
    Ok(())
}

/// How many of lower case, upper case, digits and other characters a password uses
/// (also the strength meter of the sign-up form).
pub fn password_classes(value: &str) -> usize {
    let tests: [fn(&char) -> bool; 4] = [
        |c| c.is_lowercase(),
        |c| c.is_uppercase(),
        |c| c.is_ascii_digit(),
        |c| !c.is_alphanumeric(),
    ];
    tests
        .iter()
        .filter(|test| value.chars().any(|c| test(&c)))
        .count()
}

/// A temporary password from 16 random bytes: 16 characters, all four classes, no look-alike
/// characters, so it passes `password` (the caller brings the randomness).
pub fn temporary_password(bytes: [u8; 16]) -> String {
    const CLASSES: [&[u8]; 4] = [
        b"abcdefghijkmnpqrstuvwxyz",
        b"ABCDEFGHJKLMNPQRSTUVWXYZ",
        b"23456789",
        b"-_!?*#",
    ];
    bytes
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let class = CLASSES[if i < 4 { i } else { (*b as usize / 7) % 3 }];
            class[*b as usize % class.len()] as char
        })
        .collect()
}

/// Spaces, dots, dashes and brackets removed: `+33 1 23 45 67 89` → `+33123456789`.
pub fn normalise_phone(value: &str) -> String {
    value
        .chars()
        .filter(|c| !(c.is_whitespace() || ".-()".contains(*c)))
        .collect()
}

/// E.164 after normalising: `+`, a non-zero digit, then 6 to 14 more digits.
pub fn phone(value: &str) -> Result<(), Code> {
    let value = normalise_phone(value);
    if value.is_empty() {
        return Err(Code::Required);
    }
    let digits = value.strip_prefix('+').ok_or(Code::PhoneFormat)?;
    let ok = (7..=15).contains(&digits.len())
        && digits.chars().all(|c| c.is_ascii_digit())
        && !digits.starts_with('0');
    if ok {
        Ok(())
    } else {
        Err(Code::PhoneFormat)
    }
}

/// Optional; when given, an `http(s)://host.tld` address.
pub fn website(value: &str) -> Result<(), Code> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    let rest = value
        .strip_prefix("https://")
        .or_else(|| value.strip_prefix("http://"))
        .ok_or(Code::WebsiteFormat)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.split(':').next().unwrap_or_default();
    let labels: Vec<&str> = host.split('.').collect();
    let ok = labels.len() >= 2
        && labels
            .iter()
            .all(|l| !l.is_empty() && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'))
        && !value.chars().any(char::is_whitespace);
    if ok {
        Ok(())
    } else {
        Err(Code::WebsiteFormat)
    }
}

pub fn country(value: &str) -> Result<(), Code> {
    if value.is_empty() {
        return Err(Code::Required);
    }
    if is_country(value) {
        Ok(())
    } else {
        Err(Code::CountryUnsupported)
    }
}

/// Required and of the country's shape where it has one; free and optional elsewhere (many
/// countries have no postal codes).
pub fn postal_code(value: &str, country: &str) -> Result<(), Code> {
    let value = value.trim();
    match rules_for(country) {
        Some(_) if value.is_empty() => Err(Code::Required),
        Some(rules) if !rules.postal_code_fits(value) => Err(Code::PostalCodeFormat),
        _ if value.chars().any(char::is_control) => Err(Code::TextControlChars),
        _ => Ok(()),
    }
}

/// One of the country's list where it has one; free otherwise, required where addresses need it.
pub fn region(value: &str, country: &str) -> Result<(), Code> {
    let value = value.trim();
    if value.is_empty() {
        return if rules_for(country).is_some_and(|rules| rules.region_required) {
            Err(Code::Required)
        } else {
            Ok(())
        };
    }
    let list = regions(country);
    if !list.is_empty() && !list.contains(&value) {
        return Err(Code::RegionUnknown);
    }
    if value.chars().any(char::is_control) {
        return Err(Code::TextControlChars);
    }
    Ok(())
}

pub fn new_tenant(body: &NewTenant) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    errors.check("company_name", legal_name(&body.company_name));
    errors.check("domain_prefix", domain_prefix(&body.domain_prefix));
    errors.check("country", country(&body.country));
    errors.check("admin.first_name", name(&body.admin.first_name));
    errors.check("admin.last_name", name(&body.admin.last_name));
    let email = format!("admin@{}.onmicrosoft.com", body.domain_prefix);
    errors.check("admin.password", password(&body.admin.password, &email));
    errors.into_result()
}

pub fn password_change(body: &PasswordChange, email: &str) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    errors.check("new_password", password(&body.new_password, email));
    if body.new_password == body.current_password {
        errors.check("new_password", Err(Code::PasswordUnchanged));
    }
    errors.into_result()
}

/// The password an invited user chooses.
pub fn chosen_password(value: &str, email: &str) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    errors.check("password", password(value, email));
    errors.into_result()
}

pub fn profile(body: &ProfileRequest) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    let legal = &body.legal_profile;
    let address = &legal.address;
    errors.check("legal_profile.legal_name", legal_name(&legal.legal_name));
    errors.check("legal_profile.address.line1", required(&address.line1));
    if !address.line2.is_empty() {
        errors.check("legal_profile.address.line2", required(&address.line2));
    }
    errors.check("legal_profile.address.city", required(&address.city));
    errors.check("legal_profile.address.country", country(&address.country));
    errors.check(
        "legal_profile.address.region",
        region(&address.region, &address.country),
    );
    errors.check(
        "legal_profile.address.postal_code",
        postal_code(&address.postal_code, &address.country),
    );
    errors.check("legal_profile.phone", phone(&legal.phone));
    errors.check("legal_profile.website", website(&legal.website));
    let contact = &body.primary_contact;
    errors.check("primary_contact.first_name", name(&contact.first_name));
    errors.check("primary_contact.last_name", name(&contact.last_name));
    errors.check("primary_contact.email", contact_email(&contact.email));
    errors.check("primary_contact.phone", phone(&contact.phone));
    errors.into_result()
}

/// A user's email: valid, and at the work account's own domain (`name@contoso.onmicrosoft.com`),
/// as a directory does it; so an address that is taken can only be one of the account's own.
pub fn user_email(value: &str, domain: &str) -> Result<(), Code> {
    email_syntax(value)?;
    let at_domain = value
        .trim()
        .rsplit_once('@')
        .is_some_and(|(_, at)| at.eq_ignore_ascii_case(domain));
    if at_domain {
        Ok(())
    } else {
        Err(Code::EmailOtherDomain)
    }
}

/// The address a user typed into the add-user form or an import file: a name without `@` gets the
/// work account's domain (`jean.dupont` → `jean.dupont@contoso.onmicrosoft.com`); a full address
/// stays as typed, for `user_email` to judge.
pub fn user_address(typed: &str, domain: &str) -> String {
    let typed = typed.trim();
    if typed.is_empty() || typed.contains('@') {
        typed.to_owned()
    } else {
        format!("{typed}@{domain}")
    }
}

/// What the add-user form's box shows for `email`: the name before `@` when the address is at the
/// work account's domain (shown beside the box), else the address as typed.
pub fn user_name_part<'a>(email: &'a str, domain: &str) -> &'a str {
    match email.rsplit_once('@') {
        Some((name, at)) if at.eq_ignore_ascii_case(domain) => name,
        _ => email,
    }
}

/// The acceptance box of an agreement (path `accept`): the signer must tick it before the
/// acceptance is sent.
pub fn consent(accepted: bool) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    errors.check(
        "accept",
        if accepted {
            Ok(())
        } else {
            Err(Code::ConsentRequired)
        },
    );
    errors.into_result()
}

/// A new user of the work account whose domain is `domain`.
pub fn new_user(body: &NewUser, domain: &str) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    errors.check("first_name", name(&body.first_name));
    errors.check("last_name", name(&body.last_name));
    errors.check("email", user_email(&body.email, domain));
    errors.into_result()
}

/// An import into the work account of `domain`: each row as `new_user` under `users.{row}.…`, at most `IMPORT_MAX_ROWS` rows, and
/// no email twice in the file (`users.{row}.email`: `email.duplicate`).
pub fn import_users(body: &crate::ImportUsers, domain: &str) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    if body.users.is_empty() {
        errors.check("users", Err(Code::Required));
    }
    if body.users.len() > crate::import::IMPORT_MAX_ROWS {
        errors.check("users", Err(Code::ImportTooMany));
    }
    let mut seen = std::collections::BTreeSet::new();
    for (i, user) in body.users.iter().enumerate() {
        if let Err(found) = new_user(user, domain) {
            for (field, codes) in found {
                errors
                    .0
                    .entry(format!("users.{i}.{field}"))
                    .or_default()
                    .extend(codes);
            }
        }
        if !seen.insert(user.email.trim().to_lowercase()) {
            errors.check(&format!("users.{i}.email"), Err(Code::EmailDuplicate));
        }
    }
    errors.into_result()
}

pub fn user_patch(body: &UserPatch) -> Result<(), FieldErrors> {
    let mut errors = Errors::default();
    if let Some(first) = &body.first_name {
        errors.check("first_name", name(first));
    }
    if let Some(last) = &body.last_name {
        errors.check("last_name", name(last));
    }
    errors.into_result()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_gets_the_account_domain_and_a_full_address_stays() {
        let domain = "contoso.onmicrosoft.com";
        assert_eq!(
            user_address(" jean.dupont ", domain),
            "jean.dupont@contoso.onmicrosoft.com"
        );
        assert_eq!(
            user_address("jean@Contoso.onmicrosoft.com", domain),
            "jean@Contoso.onmicrosoft.com"
        );
        assert_eq!(user_address("jean@fabrikam.fr", domain), "jean@fabrikam.fr");
        assert_eq!(user_address("  ", domain), "");
        assert_eq!(
            user_name_part("jean@CONTOSO.onmicrosoft.com", domain),
            "jean"
        );
        assert_eq!(
            user_name_part("jean@fabrikam.fr", domain),
            "jean@fabrikam.fr"
        );
        assert_eq!(user_name_part("", domain), "");
        assert_eq!(user_email(&user_address("jean", domain), domain), Ok(()));
        assert_eq!(
            user_email(&user_address("jean@fabrikam.fr", domain), domain),
            Err(Code::EmailOtherDomain)
        );
    }

    #[test]
    fn names() {
        assert_eq!(name("  Zoé "), Ok(()));
        assert_eq!(name("   "), Err(Code::Required));
        assert_eq!(name(&"a".repeat(101)), Err(Code::NameTooLong));
        assert_eq!(
            name(&"é".repeat(100)),
            Ok(()),
            "counted in characters, not bytes"
        );
        assert_eq!(name("Bob\u{7}"), Err(Code::TextControlChars));
        assert_eq!(legal_name(&"a".repeat(200)), Ok(()));
        assert_eq!(legal_name(&"a".repeat(201)), Err(Code::LegalNameTooLong));
    }

    #[test]
    fn emails() {
        assert_eq!(work_email("jean.dupont@contoso.fr"), Ok(()));
        assert_eq!(
            work_email("jean.dupont@orange.com"),
            Ok(()),
            "Orange's own staff"
        );
        assert_eq!(work_email("nope"), Err(Code::EmailFormat));
        assert_eq!(work_email("a@b"), Err(Code::EmailFormat));
        assert_eq!(work_email("a..b@contoso.fr"), Err(Code::EmailFormat));
        assert_eq!(work_email("a@contoso.f"), Err(Code::EmailFormat));
        for free in [
            "x@gmail.com",
            "x@Hotmail.fr",
            "x@outlook.com",
            "x@live.com",
            "x@yahoo.co.uk",
            "x@icloud.com",
            "x@gmx.de",
            "x@laposte.net",
            "x@orange.fr",
            "x@free.fr",
        ] {
            assert_eq!(work_email(free), Err(Code::EmailFreeMail), "{free}");
        }
        for shared in [
            "info@contoso.fr",
            "Admin@contoso.fr",
            "contact@contoso.fr",
            "marketing@contoso.fr",
            "email@contoso.fr",
        ] {
            assert_eq!(
                contact_email(shared),
                Err(Code::EmailRoleAddress),
                "{shared}"
            );
        }
        assert_eq!(contact_email("eloise@contoso.fr"), Ok(()));
    }

    #[test]
    fn domain_prefixes() {
        assert_eq!(domain_prefix("contoso2026"), Ok(()));
        assert_eq!(domain_prefix("Contoso"), Err(Code::DomainPrefixFormat));
        assert_eq!(domain_prefix("con-toso"), Err(Code::DomainPrefixFormat));
        assert_eq!(domain_prefix("ab"), Err(Code::DomainPrefixLength));
        assert_eq!(
            domain_prefix(&"a".repeat(28)),
            Err(Code::DomainPrefixLength)
        );
        assert_eq!(domain_prefix(&"a".repeat(27)), Ok(()));
    }

    #[test]
    fn passwords() {
        assert_eq!(
            password("Correct-horse-9", "admin@contoso.onmicrosoft.com"),
            Ok(())
        );
        assert_eq!(password("Short-1", ""), Err(Code::PasswordTooShort));
        assert_eq!(
            password("aaaaaaaaaaaaaaaa", ""),
            Err(Code::PasswordOneClass)
        );
        assert_eq!(password("123456789012345", ""), Err(Code::PasswordOneClass));
        assert_eq!(
            password("Jean.Dupont@contoso.fr", "jean.dupont@contoso.fr"),
            Err(Code::PasswordIsEmail)
        );
        assert_eq!(password_classes("aA1!"), 4);
    }

    #[test]
    fn temporary_passwords_pass_the_password_rules() {
        for seed in 0..=255u8 {
            let bytes: [u8; 16] =
                std::array::from_fn(|i| seed.wrapping_mul(31).wrapping_add(i as u8 * 17));
            let temp = temporary_password(bytes);
            assert_eq!(password(&temp, "x@contoso.fr"), Ok(()), "{temp}");
            assert_eq!(password_classes(&temp), 4);
        }
    }

    #[test]
    fn phones_and_websites() {
        assert_eq!(phone("+33 1 23 45 67 89"), Ok(()));
        assert_eq!(phone("+1 (425) 555-0100"), Ok(()));
        assert_eq!(phone("01 23 45 67 89"), Err(Code::PhoneFormat));
        assert_eq!(phone("+0123456789"), Err(Code::PhoneFormat));
        assert_eq!(phone("+12345"), Err(Code::PhoneFormat));
        assert_eq!(website(""), Ok(()));
        assert_eq!(website("https://www.contoso.fr/fr"), Ok(()));
        assert_eq!(website("contoso.fr"), Err(Code::WebsiteFormat));
        assert_eq!(website("https://contoso"), Err(Code::WebsiteFormat));
    }

    #[test]
    fn addresses_follow_their_country() {
        assert_eq!(profile(&crate::fixtures::profile()), Ok(()));
        let mut us = crate::fixtures::profile();
        us.legal_profile.address.country = "US".into();
        us.legal_profile.address.postal_code = "98052".into();
        let errors = profile(&us).unwrap_err();
        assert_eq!(errors["legal_profile.address.region"], vec!["required"]);
        us.legal_profile.address.region = "WA".into();
        assert_eq!(profile(&us), Ok(()));
        us.legal_profile.address.region = "Washington".into();
        assert_eq!(
            profile(&us).unwrap_err()["legal_profile.address.region"],
            vec!["region.unknown"]
        );

        let mut bad = crate::fixtures::profile();
        bad.legal_profile.address.postal_code = "7500".into();
        bad.legal_profile.address.country = "FR".into();
        bad.primary_contact.email = "eloise@gmail.com".into();
        let errors = profile(&bad).unwrap_err();
        assert_eq!(
            errors["legal_profile.address.postal_code"],
            vec!["postal_code.format"]
        );
        assert_eq!(errors["primary_contact.email"], vec!["email.free_mail"]);
        assert_eq!(errors.len(), 2);

        let mut japan = crate::fixtures::profile();
        japan.legal_profile.address.country = "JP".into();
        japan.legal_profile.address.postal_code = "100-0001".into();
        japan.legal_profile.address.region = "13".into();
        assert_eq!(profile(&japan), Ok(()));

        // A country without postal codes or a region list (Hong Kong) enrols without them.
        let mut hong_kong = crate::fixtures::profile();
        hong_kong.legal_profile.address.country = "HK".into();
        hong_kong.legal_profile.address.postal_code.clear();
        hong_kong.legal_profile.address.region = "Kowloon".into();
        assert_eq!(profile(&hong_kong), Ok(()));
        hong_kong.legal_profile.address.postal_code = "99\u{7}".into();
        assert_eq!(
            profile(&hong_kong).unwrap_err()["legal_profile.address.postal_code"],
            vec!["text.control_chars"]
        );

        let mut unknown = crate::fixtures::profile();
        unknown.legal_profile.address.country = "ZZ".into();
        assert_eq!(
            profile(&unknown).unwrap_err()["legal_profile.address.country"],
            vec!["country.unsupported"]
        );
    }

    #[test]
    fn a_new_tenant_reports_every_field() {
        let body = NewTenant {
            company_name: String::new(),
            domain_prefix: "Bad Prefix".into(),
            country: "FR".into(),
            admin: crate::NewAdmin {
                first_name: "A".into(),
                last_name: String::new(),
                password: "short".into(),
            },
        };
        let errors = new_tenant(&body).unwrap_err();
        let keys: Vec<&str> = errors.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "admin.last_name",
                "admin.password",
                "company_name",
                "domain_prefix"
            ]
        );
    }
}
