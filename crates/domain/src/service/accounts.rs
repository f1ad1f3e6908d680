//! Work accounts, sign-in and passwords (docs/API.md, "Work accounts and sessions").

use super::{
    activity::{note, note_by, Change},
    chosen_password, hash_token, new_id, new_token, normalise_email, now_stamp, Env, ServiceError,
    ServiceResult, SessionRecord, Store, StoredPassword, TenantRecord,
};
use crate::{
    clock::stamp,
    limits::{
        ACTIVITY_RETENTION_S, SESSION_IDLE_S, SESSION_SLIDE_S, SIGN_IN_FAILURES_PER_CLIENT,
        SIGN_IN_FAILURES_PER_EMAIL, SIGN_IN_WINDOW_S, TOKEN_LIFETIME_S,
    },
    validate, ActivityAction, ActivityResource, AdminRef, Code, Credentials, ErrorKind, Me,
    NewAdmin, NewTenant, PasswordChange, Role, TenantCreated, TenantRef, User,
};

/// `POST /api/tenants`: the work account `prefix.onmicrosoft.com` and its first user,
/// `admin@…`, Global admin.
pub async fn create_tenant<S: Store>(
    store: &mut S,
    body: NewTenant,
) -> ServiceResult<TenantCreated> {
    validate::new_tenant(&body).map_err(ServiceError::invalid)?;
    let taken = store.domain_prefix_taken(&body.domain_prefix).await?
        || store.email_taken(&admin_email(&body.domain_prefix)).await?;
    if taken {
        return Err(ServiceError::field(
            ErrorKind::Conflict,
            "domain_prefix",
            Code::DomainPrefixTaken,
            "This domain prefix is taken.",
        ));
    }
    let hash = store.env().hash_password(&body.admin.password).await?;
    let tenant = TenantRecord {
        id: new_id(store),
        name: body.company_name.trim().to_owned(),
        domain_prefix: body.domain_prefix.clone(),
        country: body.country.clone(),
        created_at: now_stamp(store),
    };
    let admin_id = new_id(store);
    found(store, tenant, admin_id, &body.admin, chosen_password(hash)).await
}

/// The demo work account of the mock backend: Contoso and its Global admin, with fixed ids (pages
/// and drafts are addressed by them) and a password hashed ahead of time.
pub async fn demo_work_account<S: Store>(
    store: &mut S,
    admin_password_hash: &str,
) -> ServiceResult<TenantCreated> {
    let tenant = TenantRecord {
        id: "t-contoso".into(),
        name: "Contoso".into(),
        domain_prefix: "contoso".into(),
        country: "FR".into(),
        created_at: "2026-01-05T09:00:00Z".into(),
    };
    let admin = NewAdmin {
        first_name: "Éloïse".into(),
        last_name: "Lefèvre".into(),
        password: String::new(),
    };
    let password = chosen_password(admin_password_hash.to_owned());
    found(store, tenant, "u-admin".into(), &admin, password).await
}

fn admin_email(domain_prefix: &str) -> String {
    format!("admin@{domain_prefix}.onmicrosoft.com")
}

/// Stores a work account and its first user: `admin@` its domain, Global admin.
async fn found<S: Store>(
    store: &mut S,
    tenant: TenantRecord,
    admin_id: String,
    admin: &NewAdmin,
    password: StoredPassword,
) -> ServiceResult<TenantCreated> {
    store.insert_tenant(&tenant).await?;
    let user = User {
        id: admin_id,
        first_name: admin.first_name.trim().to_owned(),
        last_name: admin.last_name.trim().to_owned(),
        email: admin_email(&tenant.domain_prefix),
        roles: vec![Role::GlobalAdmin],
        created_at: tenant.created_at.clone(),
        invited_at: None,
    };
    store.insert_user(&tenant.id, &user, &password).await?;
    let domain = format!("{}.onmicrosoft.com", tenant.domain_prefix);
    let created = Change::new(
        ActivityResource::WorkAccount,
        ActivityAction::Created,
        &domain,
    );
    note(store, &tenant.id, Some(&user), created).await?;
    Ok(TenantCreated {
        tenant: TenantRef {
            domain,
            id: tenant.id,
        },
        admin: AdminRef {
            id: user.id,
            email: user.email,
        },
    })
}

/// A new session: the caller sets `token` as its cookie (the store keeps only its hash).
#[derive(Debug)]
pub struct SignedIn {
    pub me: Me,
    pub token: String,
}

/// `POST /api/session`. Failures are counted per (client address, email) and per client address,
/// and one answer stands for any wrong pair (no telling which accounts exist). The failure that
/// reaches a limit is recorded in the activity log of the account it was aimed at.
pub async fn sign_in<S: Store>(
    store: &mut S,
    credentials: &Credentials,
) -> ServiceResult<SignedIn> {
    let email = normalise_email(&credentials.email);
    let client = store.env().client_address().unwrap_or_default();
    let now = store.env().now();
    let limits = [
        (
            format!("client:{client} email:{email}"),
            SIGN_IN_FAILURES_PER_EMAIL,
        ),
        (format!("client:{client}"), SIGN_IN_FAILURES_PER_CLIENT),
    ];
    let mut reaches_a_limit = false;
    for (key, limit) in &limits {
        let failures = store.sign_in_failures(key, now - SIGN_IN_WINDOW_S).await?;
        if failures.len() >= *limit {
            let wait = failures[0] + SIGN_IN_WINDOW_S - now;
            return Err(ServiceError::RateLimited(wait.max(1) as u64));
        }
        reaches_a_limit |= failures.len() + 1 == *limit;
    }
    let account = store.credentials(&email).await?;
    let account_id = account.as_ref().map(|(id, _)| id.clone());
    let verified = match account {
        Some((id, password)) => {
            let right = store
                .env()
                .verify_password(&credentials.password, &password.hash)
                .await;
            // Told only to whoever knows the password: it says nothing of who has an account.
            if right
                && password
                    .temporary_until
                    .is_some_and(|until| until <= stamp(now))
            {
                return Err(ServiceError::refused(
                    ErrorKind::Expired,
                    "This temporary password has expired: ask an admin for a new one.",
                ));
            }
            right.then_some(id)
        }
        None => {
            // As much work as checking a real password, so that the time of the answer does not
            // tell which accounts exist.
            store.env().hash_password(&credentials.password).await?;
            None
        }
    };
    let Some(user_id) = verified else {
        for (key, _) in &limits {
            store.record_sign_in_failure(key, now).await?;
        }
        if let (true, Some(id)) = (reaches_a_limit, account_id) {
            if let Some(target) = store.me(&id).await? {
                let blocked = Change::new(
                    ActivityResource::SignIn,
                    ActivityAction::Blocked,
                    &target.user.email,
                );
                note(store, &target.tenant.id, None, blocked).await?;
            }
        }
        return Err(ServiceError::refused(
            ErrorKind::Unauthenticated,
            "Wrong email or password.",
        ));
    };
    store.clear_sign_in_failures(&limits[0].0).await?;
    let token = new_token(store);
    store
        .insert_session(&SessionRecord {
            token_hash: hash_token(&token),
            user_id: user_id.clone(),
            expires_at: stamp(now + SESSION_IDLE_S),
        })
        .await?;
    let me = store
        .me(&user_id)
        .await?
        .ok_or_else(ServiceError::unauthenticated)?;
    Ok(SignedIn { me, token })
}

/// The signed-in caller of a request carrying session `token` (`GET /api/session`), or 401 for
/// a missing, unknown or expired session. Use pushes the expiry back (sliding), at most once
/// every `SESSION_SLIDE_S`.
pub async fn session<S: Store>(store: &mut S, token: Option<&str>) -> ServiceResult<Me> {
    let token_hash = hash_token(token.ok_or_else(ServiceError::unauthenticated)?);
    let now = store.env().now();
    let session = store
        .session(&token_hash)
        .await?
        .filter(|s| s.expires_at > stamp(now))
        .ok_or_else(ServiceError::unauthenticated)?;
    if session.expires_at < stamp(now + SESSION_IDLE_S - SESSION_SLIDE_S) {
        store
            .set_session_expiry(&token_hash, &stamp(now + SESSION_IDLE_S))
            .await?;
    }
    store
        .me(&session.user_id)
        .await?
        .ok_or_else(ServiceError::unauthenticated)
}

/// What is kept no longer than needed, forgotten (each backend runs this now and then): expired
/// sessions at once; verification links a week after they expired (until then a used or old link
/// still gets its own answer, 409 or 410), and with them the emails that carried them; the
/// activity log after 90 days.
pub async fn housekeeping<S: Store>(store: &mut S) -> ServiceResult<()> {
    let now = store.env().now();
    let (week_ago, retained) = (
        stamp(now - TOKEN_LIFETIME_S),
        stamp(now - ACTIVITY_RETENTION_S),
    );
    Ok(store
        .purge(
            &stamp(now),
            &week_ago,
            &week_ago,
            &retained,
            now - SIGN_IN_WINDOW_S,
        )
        .await?)
}

/// The caller of any other operation: a live session (401 otherwise) whose password is not a
/// temporary one (403 `password_change_required` otherwise: only `GET`/`DELETE /api/session` and
/// `POST /api/session/password` take such a session).
pub async fn caller<S: Store>(store: &mut S, token: Option<&str>) -> ServiceResult<Me> {
    may_operate(session(store, token).await?)
}

/// `me`, read from a session already, if they may call an operation (as [`caller`]).
pub fn may_operate(me: Me) -> ServiceResult<Me> {
    if me.must_change_password {
        return Err(ServiceError::refused(
            ErrorKind::PasswordChangeRequired,
            "Choose a new password first.",
        ));
    }
    Ok(me)
}

/// `DELETE /api/session`: ends the session, if there is one.
pub async fn sign_out<S: Store>(store: &mut S, token: Option<&str>) -> ServiceResult<()> {
    if let Some(token) = token {
        store.delete_session(&hash_token(token)).await?;
    }
    Ok(())
}

/// `POST /api/session/password` from the session of `token`: the current password, then the
/// rules for the new one. Every other session of the user ends (whoever else knew the old
/// password is signed out).
pub async fn change_password<S: Store>(
    store: &mut S,
    caller: &Me,
    token: Option<&str>,
    body: &PasswordChange,
) -> ServiceResult<()> {
    let hash = store
        .password_hash(&caller.user.id)
        .await?
        .ok_or_else(ServiceError::unauthenticated)?;
    if !store
        .env()
        .verify_password(&body.current_password, &hash)
        .await
    {
        return Err(ServiceError::field(
            ErrorKind::Validation,
            "current_password",
            Code::PasswordWrong,
            "Wrong password.",
        ));
    }
    validate::password_change(body, &caller.user.email).map_err(ServiceError::invalid)?;
    let hash = store.env().hash_password(&body.new_password).await?;
    store
        .set_password(&caller.user.id, &chosen_password(hash))
        .await?;
    // A password chosen: the invitation has served (its link says so if opened).
    if caller.user.invited_at.is_some() {
        store.set_invited(&caller.user.id, None).await?;
    }
    let changed = Change::new(
        ActivityResource::User,
        ActivityAction::PasswordChanged,
        &caller.user.email,
    );
    note_by(store, caller, changed).await?;
    let keep = token.map(hash_token);
    store.end_sessions(&caller.user.id, keep.as_deref()).await?;
    Ok(())
}
