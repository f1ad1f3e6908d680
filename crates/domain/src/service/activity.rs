//! The activity log (docs/API.md, "Activity"): `note` writes a record in the operation that makes
//! the change (one transaction on the server), `list_activity` and `export_activity` read it.

use super::{now_stamp, require, Env, ServiceError, ServiceResult, Store};
use crate::{
    activity::to_csv,
    limits::{ACTIVITY_PAGE_DEFAULT, ACTIVITY_PAGE_MAX, ACTIVITY_RETENTION_S, SEED_MAX_ACTIVITY},
    Action, Activity, ActivityAction, ActivityActor, ActivityPage, ActivityQuery, ActivityResource,
    LegalProfile, Me, PrimaryContact, ProfileRequest, User,
};

/// `GET /api/activity` as the store runs it (see `ActivityQuery`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFilter {
    pub tenant_id: String,
    pub since: Option<String>,
    pub until: Option<String>,
    pub resource: Option<ActivityResource>,
    pub actor_id: Option<String>,
    pub before: Option<u64>,
    pub limit: u64,
}

impl ActivityFilter {
    /// Whether a record of the filter's work account matches it (stores that filter in memory).
    pub fn matches(&self, activity: &Activity) -> bool {
        self.since.as_ref().is_none_or(|s| activity.at >= *s)
            && self.until.as_ref().is_none_or(|u| activity.at < *u)
            && self.resource.is_none_or(|r| activity.resource == r)
            && self
                .actor_id
                .as_ref()
                .is_none_or(|id| activity.actor.as_ref().is_some_and(|a| a.id == *id))
            && self.before.is_none_or(|before| activity.id < before)
    }
}

/// A change to record: what, and the values before and after.
pub(super) struct Change {
    pub resource: ActivityResource,
    pub action: ActivityAction,
    pub target: String,
    pub detail: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl Change {
    pub fn new(resource: ActivityResource, action: ActivityAction, target: &str) -> Self {
        Self {
            resource,
            action,
            target: target.to_owned(),
            detail: None,
            old: None,
            new: None,
        }
    }

    pub fn detail(mut self, detail: &str) -> Self {
        self.detail = Some(detail.to_owned());
        self
    }

    pub fn values(mut self, old: Option<String>, new: Option<String>) -> Self {
        self.old = old;
        self.new = new;
        self
    }
}

pub(super) fn actor(user: &User) -> ActivityActor {
    ActivityActor {
        id: user.id.clone(),
        name: user.display_name(),
        email: user.email.clone(),
    }
}

/// Records `change` in the work account's log, by `actor` (`None`: someone following an emailed
/// link, or a sign-in attempt), now, from the request's address.
pub(super) async fn note<S: Store>(
    store: &mut S,
    tenant_id: &str,
    actor: Option<&User>,
    change: Change,
) -> ServiceResult<()> {
    let (address, at) = (store.env().client_address(), now_stamp(store));
    write(
        store,
        tenant_id,
        actor.map(self::actor),
        address,
        change,
        at,
    )
    .await
}

/// Records a decision of the business check: no user made it, from no address (whichever
/// request happens to apply it).
pub(super) async fn note_check<S: Store>(
    store: &mut S,
    tenant_id: &str,
    change: Change,
) -> ServiceResult<()> {
    let at = now_stamp(store);
    write(store, tenant_id, None, None, change, at).await
}

async fn write<S: Store>(
    store: &mut S,
    tenant_id: &str,
    actor: Option<ActivityActor>,
    address: Option<String>,
    change: Change,
    at: String,
) -> ServiceResult<()> {
    let activity = Activity {
        id: 0,
        at,
        actor,
        resource: change.resource,
        action: change.action,
        target: change.target,
        detail: change.detail,
        old: change.old,
        new: change.new,
        address,
    };
    Ok(store.record_activity(tenant_id, &activity).await?)
}

/// Records `change`, made by the caller.
pub(super) async fn note_by<S: Store>(
    store: &mut S,
    caller: &Me,
    change: Change,
) -> ServiceResult<()> {
    note(store, &caller.tenant.id, Some(&caller.user), change).await
}

/// Each field of a legal profile, by its path in `PUT /api/partner/profile`.
fn legal_fields(p: &LegalProfile) -> [(&'static str, &str); 9] {
    let a = &p.address;
    [
        ("legal_profile.legal_name", &p.legal_name),
        ("legal_profile.address.line1", &a.line1),
        ("legal_profile.address.line2", &a.line2),
        ("legal_profile.address.city", &a.city),
        ("legal_profile.address.region", &a.region),
        ("legal_profile.address.postal_code", &a.postal_code),
        ("legal_profile.address.country", &a.country),
        ("legal_profile.phone", &p.phone),
        ("legal_profile.website", &p.website),
    ]
}

fn contact_fields(c: &PrimaryContact) -> [(&'static str, &str); 4] {
    [
        ("primary_contact.first_name", &c.first_name),
        ("primary_contact.last_name", &c.last_name),
        ("primary_contact.email", &c.email),
        ("primary_contact.phone", &c.phone),
    ]
}

/// One change per field that differs between the stored profile and contact and the new ones.
pub(super) fn profile_changes(
    (legal_before, contact_before): (&LegalProfile, &PrimaryContact),
    after: &ProfileRequest,
) -> Vec<Change> {
    let pairs = |resource, target: &str, old: &[(&str, &str)], new: &[(&str, &str)]| {
        old.iter()
            .zip(new)
            .filter(|((_, o), (_, n))| o != n)
            .map(|((path, o), (_, n))| {
                Change::new(resource, ActivityAction::Changed, target)
                    .detail(path)
                    .values(Some((*o).to_owned()), Some((*n).to_owned()))
            })
            .collect::<Vec<_>>()
    };
    let mut changes = pairs(
        ActivityResource::LegalProfile,
        &after.legal_profile.legal_name,
        &legal_fields(legal_before),
        &legal_fields(&after.legal_profile),
    );
    changes.extend(pairs(
        ActivityResource::PrimaryContact,
        &after.primary_contact.email,
        &contact_fields(contact_before),
        &contact_fields(&after.primary_contact),
    ));
    changes
}

fn filter(caller: &Me, query: &ActivityQuery, limit: u64) -> ServiceResult<ActivityFilter> {
    require(caller, Action::ReadActivity)?;
    query.check().map_err(ServiceError::invalid)?;
    Ok(ActivityFilter {
        tenant_id: caller.tenant.id.clone(),
        since: query.since.clone(),
        until: query.until.clone(),
        resource: query.resource,
        actor_id: query.user.clone(),
        before: query.before,
        limit,
    })
}

/// `GET /api/activity`: Global admin and Account admin only.
pub async fn list_activity<S: Store>(
    store: &mut S,
    caller: &Me,
    query: &ActivityQuery,
) -> ServiceResult<ActivityPage> {
    let limit = query
        .limit
        .unwrap_or(ACTIVITY_PAGE_DEFAULT)
        .clamp(1, ACTIVITY_PAGE_MAX);
    // One more than asked: whether there is a next page.
    let mut items = store.activity(&filter(caller, query, limit + 1)?).await?;
    let next = if items.len() as u64 > limit {
        items.truncate(limit as usize);
        items.last().map(|last| last.id)
    } else {
        None
    };
    Ok(ActivityPage { items, next })
}

/// `POST /api/dev/seed` with `activity`: `count` demo records by the caller, spread over the
/// 90 days the log keeps (oldest first), cycling through role changes, renames and resets of
/// made-up users: the log at the size its benchmark asks for.
pub async fn seed_activity<S: Store>(store: &mut S, caller: &Me, count: u32) -> ServiceResult<u32> {
    require(caller, Action::ManageUsers)?;
    if count > SEED_MAX_ACTIVITY {
        return Err(ServiceError::field(
            crate::ErrorKind::Validation,
            "activity",
            crate::Code::SeedTooMany,
            format!("At most {SEED_MAX_ACTIVITY} records at once."),
        ));
    }
    let now = store.env().now();
    let step = ACTIVITY_RETENTION_S / i64::from(count.max(1));
    let (by, address) = (actor(&caller.user), store.env().client_address());
    for i in 0..count {
        let demo = crate::demo::user(i as usize, &caller.tenant.domain, "log");
        let change = match i % 3 {
            0 => Change::new(
                ActivityResource::Roles,
                ActivityAction::Changed,
                &demo.email,
            )
            .values(None, Some(demo.role.key().to_owned())),
            1 => Change::new(ActivityResource::User, ActivityAction::Changed, &demo.email)
                .detail("last_name")
                .values(
                    Some(demo.last_name.to_owned()),
                    Some(demo.first_name.to_owned()),
                ),
            _ => Change::new(
                ActivityResource::User,
                ActivityAction::PasswordReset,
                &demo.email,
            ),
        };
        let at = crate::clock::stamp(now - i64::from(count - i) * step);
        write(
            store,
            &caller.tenant.id,
            Some(by.clone()),
            address.clone(),
            change,
            at,
        )
        .await?;
    }
    Ok(count)
}

/// `GET /api/activity/export`: every record the filters keep (at most the 90 days kept), as CSV.
pub async fn export_activity<S: Store>(
    store: &mut S,
    caller: &Me,
    query: &ActivityQuery,
) -> ServiceResult<String> {
    let items = store.activity(&filter(caller, query, u64::MAX)?).await?;
    Ok(to_csv(&items))
}
