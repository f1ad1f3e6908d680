//! Invitations (docs/API.md, "Users"): a new user gets an email with a single-use link to choose
//! their password, instead of an admin passing a temporary password on by hand.

use super::{
    activity::{note, note_by, Change},
    check_link, chosen_password, hash_token, mail, new_token, now_stamp, require, unknown_link,
    users::target_and_last_admin,
    Env, InvitationToken, ServiceError, ServiceResult, Store,
};
use crate::{
    clock::{parse_stamp, stamp},
    limits::{INVITATION_LIFETIME_S, RESEND_EVERY_S},
    validate, AcceptInvitation, Action, ActivityAction, ActivityResource, CheckInvitation,
    ErrorKind, Invitation, InvitationAccepted, Me, PendingInvitation, User,
};

/// Emails the stored `user` a fresh link (earlier ones stop working) on behalf of `inviter`, and
/// marks them invited now.
pub(super) async fn invite<S: Store>(
    store: &mut S,
    inviter: &Me,
    user: &mut User,
) -> ServiceResult<Invitation> {
    let token = new_token(store);
    let now = store.env().now();
    let (sent_at, expires_at) = (stamp(now), stamp(now + INVITATION_LIFETIME_S));
    store
        .replace_invitation(&InvitationToken {
            token_hash: hash_token(&token),
            user_id: user.id.clone(),
            expires_at: expires_at.clone(),
            used_at: None,
        })
        .await?;
    let email = mail::invitation(
        &inviter.user.display_name(),
        &inviter.tenant.domain,
        &user.email,
        &token,
        &sent_at,
    );
    store.send_email(&inviter.tenant.id, &email).await?;
    store.set_invited(&user.id, Some(&sent_at)).await?;
    user.invited_at = Some(sent_at.clone());
    Ok(Invitation {
        email: user.email.clone(),
        sent_at,
        expires_at,
    })
}

/// `POST /api/users/{id}/invitation`: once a minute at most, while the user has not accepted.
pub async fn resend_invitation<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
) -> ServiceResult<Invitation> {
    require(caller, Action::ManageUsers)?;
    let (mut target, _) = target_and_last_admin(store, caller, id).await?;
    let Some(last) = target.invited_at.as_deref().and_then(parse_stamp) else {
        return Err(ServiceError::refused(
            ErrorKind::Conflict,
            "This user has already chosen a password.",
        ));
    };
    let wait = last + RESEND_EVERY_S - store.env().now();
    if wait > 0 {
        return Err(ServiceError::RateLimited(wait as u64));
    }
    let invitation = invite(store, caller, &mut target).await?;
    let resent = Change::new(
        ActivityResource::User,
        ActivityAction::Invited,
        &target.email,
    );
    note_by(store, caller, resent).await?;
    Ok(invitation)
}

/// The invitation a link's token names, its user and the time, while the link can still serve:
/// 404 unknown or replaced, 409 used (or a password chosen another way since), 410 expired.
struct OpenInvitation {
    token_hash: String,
    me: Me,
    now: String,
}

async fn open_invitation<S: Store>(store: &mut S, token: &str) -> ServiceResult<OpenInvitation> {
    let token_hash = hash_token(token.trim());
    let found = store
        .invitation(&token_hash)
        .await?
        .ok_or_else(unknown_link)?;
    let me = store.me(&found.user_id).await?.ok_or_else(unknown_link)?;
    let now = now_stamp(store);
    // A password chosen another way since uses the invitation up too.
    let used = found.used_at.is_some() || me.user.invited_at.is_none();
    check_link(used, &found.expires_at, &now)?;
    Ok(OpenInvitation {
        token_hash,
        me,
        now,
    })
}

/// `POST /api/set-password/check`, with no session: the link page says at once that a link
/// cannot serve, before a password is typed twice for nothing, and whose password it chooses
/// (for password managers). The same refusals as `accept_invitation`'s; nothing changes.
pub async fn check_invitation<S: Store>(
    store: &mut S,
    body: &CheckInvitation,
) -> ServiceResult<PendingInvitation> {
    let open = open_invitation(store, &body.token).await?;
    Ok(PendingInvitation {
        email: open.me.user.email,
    })
}

/// `POST /api/set-password`, with no session: 404 unknown or replaced, 409 used (or a password
/// chosen another way since), 410 expired, 422 a password the rules refuse.
pub async fn accept_invitation<S: Store>(
    store: &mut S,
    body: &AcceptInvitation,
) -> ServiceResult<InvitationAccepted> {
    let OpenInvitation {
        token_hash,
        me,
        now,
    } = open_invitation(store, &body.token).await?;
    validate::chosen_password(&body.password, &me.user.email).map_err(ServiceError::invalid)?;
    let hash = store.env().hash_password(&body.password).await?;
    store
        .set_password(&me.user.id, &chosen_password(hash))
        .await?;
    store.use_invitation(&token_hash, &now).await?;
    store.set_invited(&me.user.id, None).await?;
    let accepted = Change::new(
        ActivityResource::User,
        ActivityAction::Accepted,
        &me.user.email,
    );
    note(store, &me.tenant.id, Some(&me.user), accepted).await?;
    Ok(InvitationAccepted {
        email: me.user.email,
    })
}
