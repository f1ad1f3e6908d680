//! Types and rules shared by the SPA (compiled to wasm) and `partner-server` (native).
//! No I/O here: everything is plain data and pure functions, so both sides agree by construction.

pub mod activity;
pub mod agreements;
pub mod api;
pub mod clock;
pub mod code;
pub mod country;
pub mod demo;
pub mod directory;
pub mod document;
pub mod error;
#[cfg(any(test, feature = "fixtures"))]
pub mod fixtures;
pub mod import;
pub mod lang;
pub mod limits;
pub mod permissions;
mod region_rows;
pub mod role;
pub mod search;
pub mod service;
pub mod supporting;
pub mod validate;
pub mod verification;
mod wire;

pub use activity::{
    Activity, ActivityAction, ActivityActor, ActivityPage, ActivityQuery, ActivityResource,
};
pub use agreements::AgreementKind;
pub use api::*;
pub use code::Code;
pub use error::{ErrorBody, ErrorKind, FieldErrors};
pub use import::{ImportUsers, ImportedUsers};
pub use lang::{Lang, TIME_ZONE_COOKIE};
pub use permissions::Action;
pub use role::Role;
pub use verification::{
    InvalidTransition, Program, ProgramState, StepName, StepStatus, VerificationEvent,
    VerificationStatus, VettingReason,
};
