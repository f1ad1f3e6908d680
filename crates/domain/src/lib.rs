//! Types and rules shared by the SPA (compiled to wasm) and `partner-server` (native).
//! No I/O here: everything is plain data and pure functions, so both sides agree by construction.

pub mod agreements;
pub mod api;
pub mod clock;
pub mod country;
pub mod demo;
pub mod directory;
pub mod document;
pub mod error;
pub mod import;
pub mod limits;
pub mod permissions;
pub mod role;
pub mod search;
pub mod service;
pub mod validate;
pub mod verification;

pub use api::*;
pub use error::{ErrorBody, ErrorKind, FieldErrors};
pub use import::{ImportUsers, ImportedUsers};
pub use permissions::Action;
pub use role::Role;
pub use verification::{InvalidTransition, VerificationEvent, VerificationStatus};
