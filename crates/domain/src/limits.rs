//! Every limit and lifetime of the API, once (docs/API.md cites them).

/// A session ends after this long without a request.
pub const SESSION_IDLE_S: i64 = 8 * 3600;
/// A session's expiry moves at most this often, so that a signed-in read stays a read.
pub const SESSION_SLIDE_S: i64 = 60;
/// How long a temporary password works (to choose one's own).
pub const TEMPORARY_PASSWORD_LIFETIME_S: i64 = 7 * 24 * 3600;
/// How long a verification link works.
pub const TOKEN_LIFETIME_S: i64 = 7 * 24 * 3600;
/// How long an invitation's link works.
pub const INVITATION_LIFETIME_S: i64 = 7 * 24 * 3600;
/// The verification email, and an invitation, are resent at most this often.
pub const RESEND_EVERY_S: i64 = 60;
/// Sign-in failures are counted over this window…
pub const SIGN_IN_WINDOW_S: i64 = 15 * 60;
/// …at most this many for one email from one client address (so that a stranger elsewhere
/// cannot lock an account out for its owner)…
pub const SIGN_IN_FAILURES_PER_EMAIL: usize = 5;
/// …and this many from one client address, whatever the emails.
pub const SIGN_IN_FAILURES_PER_CLIENT: usize = 30;
/// `GET /api/users` without `limit`.
pub const USER_LIST_DEFAULT_LIMIT: u64 = 100;
/// Enough for the whole list of a large work account in one answer (user management windows it).
pub const USER_LIST_MAX_LIMIT: u64 = 20_000;
/// `GET /api/activity` without `limit`, and at most.
pub const ACTIVITY_PAGE_DEFAULT: u64 = 50;
pub const ACTIVITY_PAGE_MAX: u64 = 500;
/// The activity log forgets records older than this.
pub const ACTIVITY_RETENTION_S: i64 = 90 * 24 * 3600;
/// One import is at most this many users, all created or none.
pub const IMPORT_MAX_ROWS: usize = 1000;
/// `POST /api/dev/seed` creates at most this many users at once.
pub const SEED_MAX_USERS: u32 = 20_000;
/// `POST /api/dev/seed` writes at most this many activity records at once.
pub const SEED_MAX_ACTIVITY: u32 = 200_000;
/// The business check's note (`Vetting::note`), in characters.
pub const NOTE_MAX: usize = 500;
/// Request bodies, and the larger one of `POST /api/users/import`.
pub const BODY_LIMIT_BYTES: usize = 64 * 1024;
pub const IMPORT_BODY_LIMIT_BYTES: usize = 256 * 1024;
/// `POST /api/partner/documents`: a little over the largest file, so that a file just over
/// it is refused as a file (422 `document.too_large`), not as a body (413).
pub const DOCUMENT_BODY_LIMIT_BYTES: usize = crate::supporting::DOCUMENT_MAX_BYTES + 64 * 1024;
