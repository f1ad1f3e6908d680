//! One page per file; `route::switch` picks them.

mod add_user;
mod dashboard;
mod home;
mod import_users;
mod not_found;
pub mod onboarding;
mod partner_profile;
mod signed_agreement;
mod startup_error;
mod user_page;
mod users;
mod verify_email;

pub use add_user::AddUser;
pub use dashboard::Dashboard;
pub use home::Home;
pub use import_users::ImportUsersPage;
pub use not_found::NotFound;
pub use partner_profile::PartnerProfile;
pub use signed_agreement::SignedAgreement;
pub use startup_error::StartupError;
pub use user_page::UserPage;
pub use users::Users;
pub use verify_email::VerifyEmail;
