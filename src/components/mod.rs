//! Building blocks shared by pages: the shell and small status pieces.

mod agreement_text;
mod draft_banner;
mod form;
mod layout;
mod left_nav;
mod profile_form;
mod settings_menu;
mod status;
mod submit;
mod toast_region;
mod top_bar;

pub use agreement_text::AgreementText;
pub use draft_banner::DraftBanner;
pub use form::{field_error, ErrorSummary, SelectField, TextField};
pub use layout::Layout;
pub use left_nav::LeftNav;
pub use profile_form::ProfileForm;
pub use settings_menu::SettingsMenu;
pub use status::{error_message, failure_message, ErrorPanel, Loading, RequireSession};
pub use submit::{use_submit_guard, SubmitButton, SubmitGuard};
pub use toast_region::ToastRegion;
pub use top_bar::TopBar;
