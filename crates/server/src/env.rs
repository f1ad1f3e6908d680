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

tokio::task_local! {
    /// The address of the client whose request is being served (`auth::with_client`): set
    /// around each API request, so that the rulebook's operations need no extra argument.
    pub static CLIENT: std::net::IpAddr;
}

/// Password hashes computed at once: all cores but one, so that a burst of sign-ins leaves a core
/// to every other request (argon2 takes tens of milliseconds of CPU on purpose).
fn hashing() -> &'static tokio::sync::Semaphore {
    static HASHING: std::sync::OnceLock<tokio::sync::Semaphore> = std::sync::OnceLock::new();
    HASHING.get_or_init(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores.saturating_sub(1).max(1))
    })
}

/// Runs `work` on the blocking pool, when a hashing slot is free.
async fn hash_work<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    let _slot = hashing().acquire().await.ok()?;
    tokio::task::spawn_blocking(work).await.ok()
}

impl Env for ServerEnv {
    fn now(&self) -> i64 {
        time::OffsetDateTime::now_utc().unix_timestamp()
    }

    fn random(&self) -> [u8; 32] {
        let mut bytes = [0u8; 32];
        getrandom::getrandom(&mut bytes).expect("the OS random source works");
        bytes
    }

    fn vetting_delay_s(&self) -> i64 {
        self.vetting_delay_s
    }

    async fn hash_password(&self, password: &str) -> StoreResult<String> {
        let salt = SaltString::encode_b64(&self.random()[..16])
            .map_err(|e| StoreError::new(e.to_string()))?;
        let password = password.to_owned();
        hash_work(move || {
            Argon2::default()
                .hash_password(password.as_bytes(), &salt)
                .map(|h| h.to_string())
                .map_err(|e| StoreError::new(e.to_string()))
        })
        .await
        .unwrap_or_else(|| Err(StoreError::new("the password hashing task stopped")))
    }

    async fn verify_password(&self, password: &str, hash: &str) -> bool {
        let (password, hash) = (password.to_owned(), hash.to_owned());
        hash_work(move || {
            PasswordHash::new(&hash).is_ok_and(|parsed| {
                Argon2::default()
                    .verify_password(password.as_bytes(), &parsed)
                    .is_ok()
            })
        })
        .await
        .unwrap_or(false)
    }

    fn client_address(&self) -> Option<String> {
        CLIENT.try_with(|client| client.to_string()).ok()
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
