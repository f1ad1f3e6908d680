//! Time stamps, identifiers, secrets and password hashes.

use argon2::{
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use sha2::{Digest, Sha256};
use time::{format_description::FormatItem, macros::format_description, Duration, OffsetDateTime};

use crate::ApiError;

/// Stored and sent as RFC 3339 UTC with whole seconds, so that strings sort like times.
const STAMP: &[FormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

pub fn stamp(at: OffsetDateTime) -> String {
    at.to_offset(time::UtcOffset::UTC)
        .format(STAMP)
        .expect("every UTC time formats")
}

pub fn now() -> String {
    stamp(OffsetDateTime::now_utc())
}

pub fn from_now(offset: Duration) -> String {
    stamp(OffsetDateTime::now_utc() + offset)
}

pub fn parse_stamp(value: &str) -> Option<OffsetDateTime> {
    time::PrimitiveDateTime::parse(value, STAMP)
        .ok()
        .map(|t| t.assume_utc())
}

fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    getrandom::fill(&mut bytes).expect("the OS random source works");
    bytes
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// 256 random bits, hex: session and verification tokens.
pub fn new_token() -> String {
    hex(&random_bytes::<32>())
}

/// What is stored of a token: its SHA-256, so a leaked database opens nothing.
pub fn hash_token(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// A 7-digit MPN ID (the caller retries on the rare collision).
pub fn new_mpn_id() -> String {
    let n = u32::from_le_bytes(random_bytes::<4>()) % 9_000_000 + 1_000_000;
    n.to_string()
}

/// A temporary password that passes our own rules (see `validate::temporary_password`).
pub fn new_temporary_password() -> String {
    partner_domain::validate::temporary_password(random_bytes::<16>())
}

pub fn hash_password(password: &str) -> Result<String, ApiError> {
    let salt = SaltString::encode_b64(&random_bytes::<16>())
        .map_err(|e| ApiError::internal(e.to_string()))?;
    Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| ApiError::internal(e.to_string()))
}

/// False for a wrong password and for a hash that is no hash (seeded demo users).
pub fn verify_password(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash)
        .map(|parsed| {
            Argon2::default()
                .verify_password(password.as_bytes(), &parsed)
                .is_ok()
        })
        .unwrap_or(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_round_trip_and_sort() {
        let a = now();
        assert_eq!(a.len(), 20);
        assert!(a.ends_with('Z'));
        assert_eq!(stamp(parse_stamp(&a).unwrap()), a);
        assert!(from_now(Duration::days(7)) > a);
    }

    #[test]
    fn temporary_passwords_pass_the_password_rules() {
        for _ in 0..200 {
            let password = new_temporary_password();
            assert_eq!(
                partner_domain::validate::password(&password, "x@contoso.fr"),
                Ok(()),
                "{password}"
            );
            assert_eq!(partner_domain::validate::password_classes(&password), 4);
        }
    }

    #[test]
    fn tokens_and_ids() {
        assert_eq!(new_token().len(), 64);
        assert_ne!(new_token(), new_token());
        assert_eq!(new_mpn_id().len(), 7);
        assert!(verify_password(
            "Correct-horse-9",
            &hash_password("Correct-horse-9").unwrap()
        ));
        assert!(!verify_password(
            "wrong",
            &hash_password("Correct-horse-9").unwrap()
        ));
        assert!(!verify_password("anything", "!"));
    }
}
