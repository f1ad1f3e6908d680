//! The server's environment for the rulebook: the system clock, the OS random source and
//! argon2 password hashes.

use argon2::{
    password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString},
    Argon2,
};
use partner_domain::service::{Env, StoreError, StoreResult};

pub struct ServerEnv {
    pub vetting_delay_s: i64,
}

impl Env for ServerEnv {
    fn now(&self) -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }

    fn random(&self) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        getrandom::fill(&mut bytes).expect("the OS random source works");
        bytes
    }

    fn vetting_delay_s(&self) -> i64 {
        self.vetting_delay_s
    }

    // argon2 takes tens of milliseconds of CPU on purpose: on the blocking pool, so that a burst
    // of sign-ins does not stall every other request on the async workers.
    async fn hash_password(&self, password: &str) -> StoreResult<String> {
        let salt = SaltString::encode_b64(&self.random()[..16])
            .map_err(|e| StoreError::new(e.to_string()))?;
        let password = password.to_owned();
        tokio::task::spawn_blocking(move || {
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| StoreError::new(e.to_string()))
        })
        .await?
    }

    async fn verify_password(&self, password: &str, hash: &str) -> bool {
        let (password, hash) = (password.to_owned(), hash.to_owned());
        tokio::task::spawn_blocking(move || {
            PasswordHash::new(&hash).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        })
        .await
        .unwrap_or(false)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn env() -> ServerEnv {
        ServerEnv {
            vetting_delay_s: 30,
        }
    }

    #[tokio::test]
    async fn hashes_verify_their_password_only() {
        let hash = env().hash_password("Correct-horse-9").await.unwrap();
        assert!(env().verify_password("Correct-horse-9", &hash).await);
        assert!(!env().verify_password("wrong", &hash).await);
        assert!(!env().verify_password("anything", "!").await);
        assert_ne!(env().random(), env().random());
    }
}
