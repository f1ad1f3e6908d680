//! The users of a work account (docs/API.md, "Users").

use partner_domain::{
    directory::{Direction, SortBy},
    permissions::Action,
    ActivityQuery, AgreementKind, ErrorKind, Lang, Role, User, UserList, UserPatch, UserQuery,
    UserStatus,
};

use crate::{fixtures::*, refused, refused_on, Api, Target};

fn query(q: &str) -> UserQuery {
    UserQuery {
        q: q.into(),
        ..UserQuery::default()
    }
}

fn roles(roles: &[Role]) -> UserPatch {
    UserPatch {
        roles: Some(roles.to_vec()),
        ..UserPatch::default()
    }
}

pub async fn search_filter_and_paging<T: Target>() {
    let target = T::start(30).await;
    let (client, _) = tenant(&target, "contoso").await;
    add(
        &client,
        "Amélie",
        "Poulain",
        "amelie.poulain@contoso.onmicrosoft.com",
        &[Role::SalesAgent],
    )
    .await;
    add(
        &client,
        "Jérôme",
        "Lefèvre",
        "jerome@contoso.onmicrosoft.com",
        &[Role::AdminAgent],
    )
    .await;
    add(
        &client,
        "Zoé",
        "Martin",
        "zoe.martin@contoso.onmicrosoft.com",
        &[Role::SalesAgent, Role::ReportViewer],
    )
    .await;

    let all = client.users(&UserQuery::default()).await.unwrap();
    assert_eq!(all.total, 4);
    let names: Vec<String> = all.items.iter().map(User::display_name).collect();
    assert_eq!(
        names,
        [
            "Éloïse Lefèvre",
            "Jérôme Lefèvre",
            "Zoé Martin",
            "Amélie Poulain"
        ],
        "sorted by last name, then first name"
    );

    let found = client.users(&query("eloise lefevre")).await.unwrap();
    assert_eq!(found.total, 1);
    assert_eq!(found.items[0].first_name, "Éloïse");
    let by_last_first = client.users(&query("LEFEVRE  JEROME")).await.unwrap();
    assert_eq!(by_last_first.items[0].first_name, "Jérôme");
    let by_email = client.users(&query("zoe.martin@")).await.unwrap();
    assert_eq!(by_email.total, 1);
    for literal in ["%", "_", "\\"] {
        assert_eq!(
            client.users(&query(literal)).await.unwrap().total,
            0,
            "{literal} is literal"
        );
    }

    let sales = UserQuery {
        role: Some(Role::SalesAgent),
        ..UserQuery::default()
    };
    assert_eq!(client.users(&sales).await.unwrap().total, 2);
    let page = UserQuery {
        offset: 1,
        limit: Some(2),
        ..UserQuery::default()
    };
    let page = client.users(&page).await.unwrap();
    assert_eq!((page.total, page.items.len()), (4, 2));
    assert_eq!(page.items[0].first_name, "Jérôme");
    let names =
        |list: UserList| -> Vec<String> { list.items.iter().map(User::display_name).collect() };
    let by_email_desc = UserQuery {
        sort: SortBy::Email,
        direction: Direction::Desc,
        ..UserQuery::default()
    };
    assert_eq!(
        names(client.users(&by_email_desc).await.unwrap()),
        [
            "Zoé Martin",
            "Jérôme Lefèvre",
            "Amélie Poulain",
            "Éloïse Lefèvre"
        ],
        "by email, from Z"
    );
    let by_name_desc_page = UserQuery {
        direction: Direction::Desc,
        offset: 1,
        limit: Some(2),
        ..UserQuery::default()
    };
    let page = client.users(&by_name_desc_page).await.unwrap();
    assert_eq!(page.total, 4);
    assert_eq!(
        names(page),
        ["Zoé Martin", "Jérôme Lefèvre"],
        "by name, from Z"
    );
    let invited = UserQuery {
        status: Some(UserStatus::Invited),
        ..query("lefevre")
    };
    assert_eq!(
        names(client.users(&invited).await.unwrap()),
        ["Jérôme Lefèvre"],
        "the Global admin chose a password; Jérôme was invited"
    );
    let past_the_end = UserQuery {
        offset: 10,
        limit: Some(2),
        ..query("lefevre")
    };
    let past_the_end = client.users(&past_the_end).await.unwrap();
    assert_eq!(
        (past_the_end.total, past_the_end.items.len()),
        (2, 0),
        "a page past the end still counts the matches"
    );
}

pub async fn adding_updating_resetting_and_deleting<T: Target>() {
    let target = T::start(30).await;
    let (client, me) = tenant(&target, "contoso").await;
    let created = add(
        &client,
        " Jean ",
        "Dupont",
        "Jean.Dupont@contoso.onmicrosoft.com ",
        &[Role::SalesAgent],
    )
    .await;
    assert_eq!(created.user.email, "jean.dupont@contoso.onmicrosoft.com");
    assert_eq!(created.user.first_name, "Jean");
    assert_eq!(created.invitation.email, created.user.email);
    assert_eq!(
        created.user.invited_at,
        Some(created.invitation.sent_at.clone())
    );
    assert_eq!(created.user.id.len(), 36, "a UUID");
    refused_on(
        client
            .create_user(&new_user(
                "J",
                "D",
                "jean.dupont@contoso.onmicrosoft.com",
                &[],
            ))
            .await,
        409,
        ErrorKind::Conflict,
        "email",
        "email.taken",
    );
    let fields = refused(
        client.create_user(&new_user("", "D", "nope", &[])).await,
        422,
        ErrorKind::Validation,
    );
    assert_eq!(fields["email"], ["email.format"]);
    assert_eq!(fields["first_name"], ["required"]);
    // A user's address is at the work account's own domain: another account's addresses
    // cannot even be tried (so a taken one is always one of ours).
    for elsewhere in ["jean@contoso.fr", "jean@fabrikam.onmicrosoft.com"] {
        refused_on(
            client
                .create_user(&new_user("J", "D", elsewhere, &[]))
                .await,
            422,
            ErrorKind::Validation,
            "email",
            "email.other_domain",
        );
    }

    // Jean cannot read his mailbox yet: the admin reveals a temporary password. Signed in with
    // it, he can do nothing but choose his own.
    let revealed = client.reset_password(&created.user.id).await.unwrap();
    assert_eq!(
        partner_domain::validate::password(&revealed.temporary_password, ""),
        Ok(())
    );
    let jean = target.client();
    let first = jean
        .sign_in(&created.user.email, &revealed.temporary_password)
        .await
        .unwrap();
    assert!(first.must_change_password);
    assert_eq!(jean.session().await.unwrap(), first);
    refused(
        jean.users(&UserQuery::default()).await,
        403,
        ErrorKind::PasswordChangeRequired,
    );
    refused(jean.partner().await, 403, ErrorKind::PasswordChangeRequired);
    refused(
        jean.user(&created.user.id).await,
        403,
        ErrorKind::PasswordChangeRequired,
    );
    jean.change_password(&revealed.temporary_password, "Jean-Dupont-2026")
        .await
        .unwrap();
    let chosen = jean.session().await.unwrap();
    assert!(!chosen.must_change_password);
    assert_eq!(chosen.user.invited_at, None, "no longer waiting for him");
    let link = latest_link(&client, &created.user.email).await;
    refused(
        target
            .client()
            .accept_invitation(&link, "Another-password-2026")
            .await,
        409,
        ErrorKind::Conflict,
    );

    // "Mettre à jour": roles change for a signed-in user without signing in again.
    let id = created.user.id.clone();
    let updated = client
        .update_user(
            &id,
            &roles(&[Role::SalesAgent, Role::AdminAgent, Role::SalesAgent]),
        )
        .await
        .unwrap();
    assert_eq!(
        updated.roles,
        vec![Role::AdminAgent, Role::SalesAgent],
        "sorted, once each"
    );
    assert_eq!(jean.session().await.unwrap().user.roles, updated.roles);
    assert_eq!(jean.user(&id).await.unwrap(), updated);
    let renamed = client
        .update_user(
            &id,
            &UserPatch {
                last_name: Some(" Durand ".into()),
                ..UserPatch::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(
        (renamed.first_name.as_str(), renamed.last_name.as_str()),
        ("Jean", "Durand")
    );
    assert_eq!(renamed.roles, updated.roles, "roles kept");
    refused_on(
        client
            .update_user(
                &id,
                &UserPatch {
                    first_name: Some(" ".into()),
                    ..UserPatch::default()
                },
            )
            .await,
        422,
        ErrorKind::Validation,
        "first_name",
        "required",
    );

    // The last Global admin can neither lose the role nor be deleted.
    refused_on(
        client
            .update_user(&me.user.id, &roles(&[Role::AdminAgent]))
            .await,
        409,
        ErrorKind::Conflict,
        "roles",
        "last_global_admin",
    );
    refused_on(
        client.delete_user(&me.user.id).await,
        409,
        ErrorKind::Conflict,
        "roles",
        "last_global_admin",
    );
    // With a second one, either may go; only a Global admin gives the role back.
    client
        .update_user(&id, &roles(&[Role::GlobalAdmin]))
        .await
        .unwrap();
    client
        .update_user(&me.user.id, &roles(&[Role::AdminAgent]))
        .await
        .unwrap();
    refused_on(
        client
            .update_user(&me.user.id, &roles(&[Role::GlobalAdmin, Role::AdminAgent]))
            .await,
        403,
        ErrorKind::Forbidden,
        "roles",
        "roles.global_admin_only",
    );
    jean.update_user(&me.user.id, &roles(&[Role::GlobalAdmin, Role::AdminAgent]))
        .await
        .unwrap();

    // A reset signs the user out everywhere and hands a new temporary password.
    let reset = client.reset_password(&id).await.unwrap();
    refused(jean.session().await, 401, ErrorKind::Unauthenticated);
    refused(
        target
            .client()
            .sign_in(&created.user.email, &revealed.temporary_password)
            .await,
        401,
        ErrorKind::Unauthenticated,
    );
    let again = target.client();
    assert!(
        again
            .sign_in(&created.user.email, &reset.temporary_password)
            .await
            .unwrap()
            .must_change_password
    );
    again
        .change_password(&reset.temporary_password, "Jean-Dupont-2026")
        .await
        .unwrap();
    assert!(!again.session().await.unwrap().must_change_password);

    client.delete_user(&id).await.unwrap();
    refused(client.user(&id).await, 404, ErrorKind::NotFound);
    refused(again.session().await, 401, ErrorKind::Unauthenticated);
    refused(client.delete_user(&id).await, 404, ErrorKind::NotFound);
    refused(client.reset_password(&id).await, 404, ErrorKind::NotFound);

    // Another work account sees none of this.
    let (other, _) = tenant(&target, "fabrikam").await;
    refused(other.user(&me.user.id).await, 404, ErrorKind::NotFound);
    refused(
        other.update_user(&me.user.id, &roles(&[])).await,
        404,
        ErrorKind::NotFound,
    );
    assert_eq!(other.users(&UserQuery::default()).await.unwrap().total, 1);
}

/// Each role alone × each action of the permission table: 403 exactly when the table says no.
pub async fn permission_matrix_follows_the_domain_table<T: Target>() {
    let target = T::start(0).await;
    let (admin, _) = tenant(&target, "contoso").await;
    // Registered, so that a profile request is an edit; registering is walked on a new work
    // account per role below.
    admin.put_profile(&profile()).await.unwrap();
    let victim = add(
        &admin,
        "Cible",
        "Test",
        "cible@contoso.onmicrosoft.com",
        &[Role::ReportViewer],
    )
    .await
    .user;
    for (i, role) in Role::ALL.into_iter().enumerate() {
        let created = add(
            &admin,
            "Rôle",
            &format!("{role:?}"),
            &format!("role{i}@contoso.onmicrosoft.com"),
            &[role],
        )
        .await;
        let client = signed_in_as(&target, &created).await;
        for action in Action::ALL {
            // Valid requests, so that only the permission can refuse.
            let status = match action {
                Action::ReadPartner => client.partner().await.err(),
                Action::EnrollPartner => {
                    let prefix = format!("enrol{i}");
                    let (owner, _) = tenant(&target, &prefix).await;
                    let email = format!("role{i}@{prefix}.onmicrosoft.com");
                    let created = add(&owner, "Rôle", &format!("{role:?}"), &email, &[role]).await;
                    let client = signed_in_as(&target, &created).await;
                    client.put_profile(&profile()).await.err()
                }
                Action::EditPartnerProfile => client.put_profile(&profile()).await.err(),
                Action::ResendContactVerification => {
                    client.resend_contact_verification().await.err()
                }
                Action::AcceptAgreement => client
                    .accept_agreement(AgreementKind::Mpn, "2026-09", Lang::Fr)
                    .await
                    .err(),
                Action::DownloadAgreement => client.agreement_document("none").await.err(),
                Action::ListUsers => client.users(&UserQuery::default()).await.err(),
                Action::ManageUsers => client
                    .update_user(&victim.id, &UserPatch::default())
                    .await
                    .err(),
                Action::ReadActivity => client.activity(&ActivityQuery::default()).await.err(),
            }
            .map(|refusal| refusal.status);
            assert_eq!(
                status == Some(403),
                !action.allowed_for(&[role]),
                "{role:?} {action:?}: {status:?}"
            );
        }
    }
}

pub async fn an_import_creates_every_row_or_none_and_reports_every_problem<T: Target>() {
    let target = T::start(30).await;
    let (admin, _) = tenant(&target, "contoso").await;
    let row = |i: usize| {
        new_user(
            "Léa",
            &format!("Roux {i}"),
            &format!("lea{i}@contoso.onmicrosoft.com"),
            &[Role::SalesAgent],
        )
    };
    let total = || async { admin.users(&UserQuery::default()).await.unwrap().total };

    // Every rule, every row, nothing written.
    let fields = refused(
        admin
            .import_users(&[row(0), new_user("", "X", "nope", &[]), row(0)])
            .await,
        422,
        ErrorKind::Validation,
    );
    assert_eq!(fields["users.1.first_name"], ["required"]);
    assert_eq!(fields["users.1.email"], ["email.format"]);
    assert_eq!(fields["users.2.email"], ["email.duplicate"]);
    assert_eq!(total().await, 1, "nothing written");
    refused_on(
        admin.import_users(&[]).await,
        422,
        ErrorKind::Validation,
        "users",
        "required",
    );
    refused_on(
        admin
            .import_users(&[new_user("Léa", "Roux", "lea@fabrikam.onmicrosoft.com", &[])])
            .await,
        422,
        ErrorKind::Validation,
        "users.0.email",
        "email.other_domain",
    );

    // An email already in use: 409 on its row, nothing written.
    add(&admin, "Léa", "Roux", "lea1@contoso.onmicrosoft.com", &[]).await;
    refused_on(
        admin.import_users(&[row(0), row(1)]).await,
        409,
        ErrorKind::Conflict,
        "users.1.email",
        "email.taken",
    );
    assert_eq!(total().await, 2);

    // A thousand rows in one go.
    let rows: Vec<_> = (2..1002).map(row).collect();
    let imported = admin.import_users(&rows).await.unwrap();
    assert_eq!(imported.created.len(), 1000);
    assert_eq!(imported.created[0].email, "lea2@contoso.onmicrosoft.com");
    assert_eq!(imported.created[0].roles, [Role::SalesAgent]);
    assert_eq!(total().await, 1002);
    // Nobody signs in as an imported user until an admin resets the password.
    refused(
        target
            .client()
            .sign_in("lea2@contoso.onmicrosoft.com", "")
            .await,
        401,
        ErrorKind::Unauthenticated,
    );

    // More than a thousand: refused as a rule.
    let rows: Vec<_> = (0..1001).map(|i| row(5000 + i)).collect();
    refused_on(
        admin.import_users(&rows).await,
        422,
        ErrorKind::Validation,
        "users",
        "import.too_many",
    );

    // Only those who manage users may import.
    let reader = add(
        &admin,
        "Lu",
        "Seul",
        "lu@contoso.onmicrosoft.com",
        &[Role::ReportViewer],
    )
    .await;
    let client = signed_in_as(&target, &reader).await;
    refused(
        client.import_users(&[row(20000)]).await,
        403,
        ErrorKind::Forbidden,
    );
}

pub async fn seeded_users_are_found_accents_ignored<T: Target>() {
    let target = T::start(30).await;
    let (client, _) = tenant(&target, "contoso").await;
    client.seed(300).await.unwrap();
    client.seed(200).await.unwrap();
    let all = UserQuery {
        limit: Some(1),
        ..UserQuery::default()
    };
    assert_eq!(
        client.users(&all).await.unwrap().total,
        501,
        "emails unique across runs"
    );
    let accented = client.users(&query("helene")).await.unwrap();
    assert!(accented.total > 0);
    assert!(accented.items.iter().all(|u| u.first_name == "Hélène"));
    let fields = refused(client.seed(1_000_000).await, 422, ErrorKind::Validation);
    assert_eq!(fields["users"], ["seed.too_many"]);
    let reader = add(
        &client,
        "Lu",
        "Seul",
        "lu@contoso.onmicrosoft.com",
        &[Role::ReportViewer],
    )
    .await;
    refused(
        signed_in_as(&target, &reader).await.seed(1).await,
        403,
        ErrorKind::Forbidden,
    );
}

/// Managing users allows every role but Global admin: only a Global admin grants or removes it,
/// and renames, resets or deletes a Global admin.
pub async fn role_grants_are_bounded<T: Target>() {
    let target = T::start(30).await;
    let (admin, me) = tenant(&target, "contoso").await;
    let managers = [
        add(
            &admin,
            "Maud",
            "Gestion",
            "maud@contoso.onmicrosoft.com",
            &[Role::UserManagementAdmin],
        )
        .await,
        add(
            &admin,
            "Alain",
            "Agent",
            "alain@contoso.onmicrosoft.com",
            &[Role::AdminAgent],
        )
        .await,
    ];
    for (i, manager) in managers.iter().enumerate() {
        let client = signed_in_as(&target, manager).await;
        let own = manager.user.roles.clone();
        let mut promoted = own.clone();
        promoted.push(Role::GlobalAdmin);
        let code = "roles.global_admin_only";
        refused_on(
            client
                .update_user(&manager.user.id, &roles(&promoted))
                .await,
            403,
            ErrorKind::Forbidden,
            "roles",
            code,
        );
        let admin_row = |n: usize| {
            new_user(
                "Gé",
                "Néral",
                &format!("ga{i}-{n}@contoso.onmicrosoft.com"),
                &[Role::GlobalAdmin],
            )
        };
        refused_on(
            client.create_user(&admin_row(0)).await,
            403,
            ErrorKind::Forbidden,
            "roles",
            code,
        );
        let sales = new_user(
            "Sam",
            "Vente",
            &format!("sam{i}@contoso.onmicrosoft.com"),
            &[Role::SalesAgent],
        );
        refused_on(
            client.import_users(&[sales, admin_row(1)]).await,
            403,
            ErrorKind::Forbidden,
            "users.1.roles",
            code,
        );
        let rename = UserPatch {
            first_name: Some("Mallory".into()),
            ..UserPatch::default()
        };
        refused(
            client.update_user(&me.user.id, &rename).await,
            403,
            ErrorKind::Forbidden,
        );
        refused(
            client.reset_password(&me.user.id).await,
            403,
            ErrorKind::Forbidden,
        );
        refused(
            client.delete_user(&me.user.id).await,
            403,
            ErrorKind::Forbidden,
        );

        // Every other user and role is theirs to manage.
        let other = client
            .create_user(&new_user(
                "Océane",
                "Autre",
                &format!("autre{i}@contoso.onmicrosoft.com"),
                &[Role::UserManagementAdmin],
            ))
            .await
            .unwrap();
        client
            .update_user(
                &other.user.id,
                &roles(&[Role::AdminAgent, Role::SalesAgent]),
            )
            .await
            .unwrap();
        client.reset_password(&other.user.id).await.unwrap();
        client.delete_user(&other.user.id).await.unwrap();
    }
    assert_eq!(admin.user(&me.user.id).await.unwrap(), me.user, "untouched");
    let admins = UserQuery {
        role: Some(Role::GlobalAdmin),
        ..UserQuery::default()
    };
    assert_eq!(
        admin.users(&admins).await.unwrap().total,
        1,
        "nobody promoted"
    );
    // A Global admin grants it.
    let promoted = admin
        .update_user(
            &managers[0].user.id,
            &roles(&[Role::GlobalAdmin, Role::UserManagementAdmin]),
        )
        .await
        .unwrap();
    assert!(promoted.has_role(Role::GlobalAdmin));
}

pub async fn an_invited_user_chooses_a_password_from_the_emailed_link<T: Target>() {
    let target = T::start(30).await;
    let (admin, _) = tenant(&target, "contoso").await;
    let lea = add(
        &admin,
        "Léa",
        "Roux",
        "lea@contoso.onmicrosoft.com",
        &[Role::SalesAgent],
    )
    .await;
    let marc = add(&admin, "Marc", "Petit", "marc@contoso.onmicrosoft.com", &[]).await;
    let outbox = admin.outbox().await.unwrap();
    let email = outbox.iter().find(|e| e.to == lea.user.email).unwrap();
    assert!(
        email.body.contains("Éloïse Lefèvre") && email.body.contains("contoso.onmicrosoft.com")
    );
    let link = email.link.as_deref().unwrap();
    assert!(link.starts_with("/set-password?token="), "{link}");
    let token = latest_link(&admin, &lea.user.email).await;

    // The page checks the link on arrival: whose password it chooses, or why it cannot serve.
    let browser = target.client();
    let pending = browser.check_invitation(&token).await.unwrap();
    assert_eq!(pending.email, "lea@contoso.onmicrosoft.com");
    refused(
        browser.check_invitation("not-a-token").await,
        404,
        ErrorKind::NotFound,
    );

    // Before choosing, no password signs in; the link checks the password as any change does.
    refused_on(
        browser.accept_invitation(&token, "short").await,
        422,
        ErrorKind::Validation,
        "password",
        "password.too_short",
    );
    refused(
        browser
            .accept_invitation("not-a-token", "Lea-Roux-2026")
            .await,
        404,
        ErrorKind::NotFound,
    );
    let accepted = browser
        .accept_invitation(&token, "Lea-Roux-2026")
        .await
        .unwrap();
    assert_eq!(accepted.email, "lea@contoso.onmicrosoft.com");
    refused(
        browser.accept_invitation(&token, "Lea-Roux-2027").await,
        409,
        ErrorKind::Conflict,
    );
    refused(
        browser.check_invitation(&token).await,
        409,
        ErrorKind::Conflict,
    );
    let me = browser
        .sign_in("lea@contoso.onmicrosoft.com", "Lea-Roux-2026")
        .await
        .unwrap();
    assert!(!me.must_change_password);
    assert_eq!(me.user.invited_at, None);

    // The list says who has not accepted yet.
    let list = admin.users(&UserQuery::default()).await.unwrap();
    let invited: Vec<&str> = list
        .items
        .iter()
        .filter(|u| u.invited_at.is_some())
        .map(|u| u.email.as_str())
        .collect();
    assert_eq!(invited, ["marc@contoso.onmicrosoft.com"]);

    // Resent at most once a minute, only to who has not accepted, only by who manages users.
    refused(
        admin.resend_invitation(&marc.user.id).await,
        429,
        ErrorKind::RateLimited,
    );
    refused(
        admin.resend_invitation(&lea.user.id).await,
        409,
        ErrorKind::Conflict,
    );
    refused(
        browser.resend_invitation(&marc.user.id).await,
        403,
        ErrorKind::Forbidden,
    );

    // Imported users are invited too, each with a link of their own.
    let rows = [
        new_user("Ana", "Lima", "ana@contoso.onmicrosoft.com", &[]),
        new_user("Bo", "Chen", "bo@contoso.onmicrosoft.com", &[]),
    ];
    let imported = admin.import_users(&rows).await.unwrap();
    assert!(imported.created.iter().all(|u| u.invited_at.is_some()));
    let ana = latest_link(&admin, "ana@contoso.onmicrosoft.com").await;
    let bo = latest_link(&admin, "bo@contoso.onmicrosoft.com").await;
    assert_ne!(ana, bo);
    target
        .client()
        .accept_invitation(&bo, "Bo-Chen-2026-x")
        .await
        .unwrap();
}
