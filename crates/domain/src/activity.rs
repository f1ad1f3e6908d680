//! The activity log (docs/API.md, "Activity"): who changed what in a work account, when and from
//! which address. The rulebook writes a record in the same operation as each change; records are
//! kept `ACTIVITY_RETENTION_S`.

use serde::{Deserialize, Serialize};

use crate::{clock::parse_stamp, Code, FieldErrors};

crate::wire_enum! {
    /// What a record is about: the log's resource filter.
    pub enum ActivityResource {
        WorkAccount = "work_account",
        User = "user",
        Roles = "roles",
        LegalProfile = "legal_profile",
        PrimaryContact = "primary_contact",
        Agreement = "agreement",
        Verification = "verification",
        /// A supporting document sent for the business check.
        Document = "document",
        /// Sign-in refused for too many failures.
        SignIn = "sign_in",
    }
}

crate::wire_enum! {
    /// What happened to the resource.
    pub enum ActivityAction {
        Created = "created",
        Changed = "changed",
        Deleted = "deleted",
        PasswordReset = "password_reset",
        PasswordChanged = "password_changed",
        /// The primary contact confirmed their email.
        Verified = "verified",
        Accepted = "accepted",
        /// The business check decided (`old` → `new` status).
        Decided = "decided",
        /// Sign-in failures reached the limit: further tries wait.
        Blocked = "blocked",
        /// An invitation was sent again.
        Invited = "invited",
    }
}

/// Who made a change, as they were then (the user may be renamed or deleted since). `None` in a
/// record: the business check, or someone following an emailed link.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityActor {
    pub id: String,
    pub name: String,
    pub email: String,
}

/// One record of the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Activity {
    /// Increases with each record of a store: the log's order and its paging cursor.
    pub id: u64,
    pub at: String,
    pub actor: Option<ActivityActor>,
    pub resource: ActivityResource,
    pub action: ActivityAction,
    /// The resource's name: a user's email, the legal name, the contact's email, the
    /// agreement's kind, the MPN ID, the work account's domain.
    pub target: String,
    /// What part changed (`first_name`, `legal_profile.address.city`), or why (a verification
    /// reason's code).
    pub detail: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
    /// The client's address as the server saw it; `None` on the mock.
    pub address: Option<String>,
}

/// `GET /api/activity`: records at or after `since` and before `until` (stamps), about
/// `resource`, made by the user `user`, older than record `before`; newest first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityQuery {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resource: Option<ActivityResource>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub before: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<u64>,
}

impl ActivityQuery {
    /// 422 on `since`/`until` that are not stamps, or that make an empty range.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        for (field, value) in [("since", &self.since), ("until", &self.until)] {
            if value.as_deref().is_some_and(|v| parse_stamp(v).is_none()) {
                errors.insert(field.into(), vec![Code::DateFormat]);
            }
        }
        if let (Some(since), Some(until)) = (&self.since, &self.until) {
            if errors.is_empty() && until <= since {
                errors.insert("until".into(), vec![Code::DateRange]);
            }
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// A page of the log; `next` is the `before` of the following page, if there is one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActivityPage {
    pub items: Vec<Activity>,
    pub next: Option<u64>,
}

/// Roles as one value of a record: their wire names, sorted, comma-separated.
pub fn roles_value(roles: &[crate::Role]) -> String {
    let mut keys: Vec<&str> = roles.iter().map(|r| r.key()).collect();
    keys.sort_unstable();
    keys.join(",")
}

/// The export's file name, from either backend.
pub const EXPORT_FILENAME: &str = "activity.csv";

/// A cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, return) gets a
/// leading `'`: a user named `=HYPERLINK(…)` stays text in the export.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The CSV export: one line per record, the wire names untranslated (for tools, in any
/// language), RFC 4180 quoting.
pub fn to_csv(items: &[Activity]) -> String {
    const HEADER: &str =
        "at,actor_email,actor_name,resource,action,target,detail,old,new,address\r\n";
    let mut out = String::from(HEADER);
    for item in items {
        let actor = item.actor.as_ref();
        let cells = [
            item.at.as_str(),
            actor.map_or("", |a| a.email.as_str()),
            actor.map_or("", |a| a.name.as_str()),
            item.resource.as_str(),
            item.action.as_str(),
            item.target.as_str(),
            item.detail.as_deref().unwrap_or(""),
            item.old.as_deref().unwrap_or(""),
            item.new.as_deref().unwrap_or(""),
            item.address.as_deref().unwrap_or(""),
        ];
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            let cell = inert(cell);
            if cell.contains([',', '"', '\r', '\n']) {
                out.push('"');
                out.push_str(&cell.replace('"', "\"\""));
                out.push('"');
            } else {
                out.push_str(&cell);
            }
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(target: &str) -> Activity {
        Activity {
            id: 1,
            at: "2026-11-30T09:00:00Z".into(),
            actor: Some(ActivityActor {
                id: "u-1".into(),
                name: "Éloïse Lefèvre".into(),
                email: "admin@contoso.onmicrosoft.com".into(),
            }),
            resource: ActivityResource::User,
            action: ActivityAction::Created,
            target: target.into(),
            detail: None,
            old: None,
            new: Some("Jean, \"JB\" Dupont".into()),
            address: Some("203.0.113.7".into()),
        }
    }

    #[test]
    fn the_export_quotes_what_needs_it_and_defuses_formulas() {
        let csv = to_csv(&[record("=HYPERLINK(\"http://evil\")")]);
        let mut lines = csv.split("\r\n");
        assert_eq!(
            lines.next(),
            Some("at,actor_email,actor_name,resource,action,target,detail,old,new,address")
        );
        assert_eq!(
            lines.next(),
            Some(
                "2026-11-30T09:00:00Z,admin@contoso.onmicrosoft.com,Éloïse Lefèvre,user,created,\
                 \"'=HYPERLINK(\"\"http://evil\"\")\",,,\"Jean, \"\"JB\"\" Dupont\",203.0.113.7"
            )
        );
        assert_eq!(lines.next(), Some(""));
    }

    #[test]
    fn a_query_needs_stamps_in_order() {
        let query = |since: &str, until: &str| ActivityQuery {
            since: Some(since.into()),
            until: Some(until.into()),
            ..ActivityQuery::default()
        };
        assert!(query("2026-11-01T00:00:00Z", "2026-12-01T00:00:00Z")
            .check()
            .is_ok());
        let reversed = query("2026-12-01T00:00:00Z", "2026-11-01T00:00:00Z").check();
        assert_eq!(reversed.unwrap_err()["until"], vec![Code::DateRange]);
        let malformed = query("yesterday", "2026-11-01T00:00:00Z").check();
        assert_eq!(malformed.unwrap_err()["since"], vec![Code::DateFormat]);
    }
}
