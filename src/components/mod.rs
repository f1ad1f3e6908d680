//! Building blocks shared by pages: the shell and small status pieces.

mod agreement_text;
mod change_password_form;
mod copy_button;
mod download_button;
mod draft_banner;
mod form;
mod layout;
mod left_nav;
mod performance_mark;
mod profile_form;
mod resend_email;
mod role_checklist;
mod settings_menu;
mod sign_in_form;
mod status;
mod submit;
mod supporting_documents;
mod temporary_password;
mod toast_region;
mod top_bar;
mod user_table;
mod verification_timeline;
mod work_account_help_link;

pub use agreement_text::AgreementText;
pub use change_password_form::ChangePasswordForm;
pub use copy_button::CopyButton;
pub use download_button::{DownloadButton, Downloadable};
pub use draft_banner::DraftBanner;
pub use form::{code_message, use_form, Field, Form, SelectField, TextField};
pub use layout::Layout;
pub use left_nav::LeftNav;
pub use performance_mark::PerformanceMark;
pub use profile_form::ProfileForm;
pub use resend_email::{DevEmailLink, ResendEmail};
pub use role_checklist::RoleChecklist;
pub use settings_menu::SettingsMenu;
pub use sign_in_form::SignInForm;
pub use status::{
    error_message, failure_message, loaded, ErrorPanel, Loading, RedirectWithNotice, RefreshFailed,
    RequireSession, Skeleton,
};
pub use submit::{use_submit_guard, SubmitButton, SubmitGuard};
pub use supporting_documents::SupportingDocuments;
pub use temporary_password::TemporaryPassword;
pub use toast_region::ToastRegion;
pub use top_bar::TopBar;
pub use user_table::UserTable;
pub use verification_timeline::{state_name, VerificationTimeline};
pub use work_account_help_link::WorkAccountHelpLink;
