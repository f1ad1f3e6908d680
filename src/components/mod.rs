//! Building blocks shared by pages: the shell and small status pieces.

mod layout;
mod left_nav;
mod settings_menu;
mod status;
mod toast_region;
mod top_bar;

pub use layout::Layout;
pub use left_nav::LeftNav;
pub use settings_menu::SettingsMenu;
pub use status::{error_message, ErrorPanel, Loading, RequireSession};
pub use toast_region::ToastRegion;
pub use top_bar::TopBar;
