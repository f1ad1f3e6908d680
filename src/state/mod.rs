//! App-wide state: each a context behind a `use_x()` hook with intent methods.

mod partner;
mod session;
mod toasts;

pub use partner::{use_fresh_partner, use_partner, PartnerHandle, PartnerProvider, PartnerState};
pub use session::{state_of, use_session, SessionHandle, SessionProvider, SessionState};
pub use toasts::{use_toasts, Toast, ToastHandle, ToastKind, ToastProvider};
