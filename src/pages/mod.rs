//! One page per file; `route::switch` picks them.

mod dashboard;
mod home;
mod not_found;
pub mod onboarding;
mod startup_error;
mod users;
mod verify_email;

pub use dashboard::Dashboard;
pub use home::Home;
pub use not_found::NotFound;
pub use startup_error::StartupError;
pub use users::{UserPage, Users};
pub use verify_email::VerifyEmail;
