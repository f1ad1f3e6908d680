//! One page per file; `route::switch` picks them.

mod activity_log;
mod add_user;
mod dashboard;
mod home;
mod import_users;
mod not_enrolled;
mod not_found;
pub mod onboarding;
mod partner_profile;
mod set_password;
mod sign_in;
mod signed_agreement;
mod startup_error;
mod user;
mod users;
mod verify_email;
mod work_account_help;

pub use activity_log::ActivityLogPage;
pub use add_user::AddUserPage;
pub use dashboard::DashboardPage;
pub use home::HomePage;
pub use import_users::ImportUsersPage;
pub use not_enrolled::NotEnrolledPage;
pub use not_found::NotFoundPage;
pub use partner_profile::PartnerProfilePage;
pub use set_password::SetPasswordPage;
pub use sign_in::SignInPage;
pub use signed_agreement::SignedAgreementPage;
pub use startup_error::StartupErrorPage;
pub use user::UserPage;
pub use users::{FirstRows, UsersPage};
pub use verify_email::VerifyEmailPage;
pub use work_account_help::WorkAccountHelpPage;
