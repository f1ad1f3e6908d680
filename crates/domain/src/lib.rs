//! Types and rules shared by the SPA (compiled to wasm) and `partner-server` (native).
//! No I/O here: everything is plain data and pure functions, so both sides agree by construction.

pub mod api;
pub mod error;
pub mod role;

pub use api::*;
pub use error::{ErrorBody, ErrorKind};
pub use role::Role;
