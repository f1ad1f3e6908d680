//! The activity log (docs/API.md, "Activity").

use partner_domain::{
    fixtures::activity_line, ActivityQuery, ActivityResource, ErrorKind, Role, UserPatch,
    VerificationStatus, Vetting, VettingDecision, VettingReason,
};

use crate::{fixtures::*, refused, Api, Target};

/// The log as lines (`partner_domain::fixtures::activity_line`), newest first.
async fn log(client: &impl Api, query: ActivityQuery) -> Vec<String> {
    let page = client.activity(&query).await.unwrap();
    page.items.iter().map(activity_line).collect()
}

pub async fn the_activity_log_records_each_change_and_only_admins_read_it<T: Target>() {
    let target = T::start(3600).await;
    let (admin, me) = tenant(&target, "journal").await;
    let lea = add(
        &admin,
        "Léa",
        "Roux",
        "lea@journal.onmicrosoft.com",
        &[Role::SalesAgent],
    )
    .await;
    let patch = UserPatch {
        roles: Some(vec![Role::AccountAdmin]),
        ..UserPatch::default()
    };
    admin.update_user(&lea.user.id, &patch).await.unwrap();
    let partner = admin.put_profile(&profile()).await.unwrap();
    let token = latest_link(&admin, &profile().primary_contact.email).await;
    target.client().verify_email(&token).await.unwrap();
    let asked = Vetting::because(
        VettingDecision::ActionRequired,
        VettingReason::AddressUnconfirmed,
    );
    let decided = admin.vetting(&partner.id, asked).await.unwrap();
    assert_eq!(
        decided.verification.status,
        VerificationStatus::ActionRequired
    );

    let admin_email = me.user.email.as_str();
    let lea_email = "lea@journal.onmicrosoft.com";
    let contact = &profile().primary_contact.email;
    let legal_name = &profile().legal_profile.legal_name;
    let mpn_id = &partner.mpn_id;
    let everything = log(&admin, ActivityQuery::default()).await;
    assert_eq!(
        everything,
        [
            format!("verification decided {mpn_id} address_unconfirmed business_pending→action_required by nobody"),
            format!("primary_contact verified {contact} - -→- by nobody"),
            format!("primary_contact created {contact} - -→- by {admin_email}"),
            format!("legal_profile created {legal_name} - -→- by {admin_email}"),
            format!("roles changed {lea_email} - sales_agent→account_admin by {admin_email}"),
            format!("roles changed {lea_email} - -→sales_agent by {admin_email}"),
            format!("user created {lea_email} - -→Léa Roux by {admin_email}"),
            format!("work_account created journal.onmicrosoft.com - -→- by {admin_email}"),
        ]
    );

    // Filters, and pages that follow `next` to the end.
    let roles = ActivityQuery {
        resource: Some(ActivityResource::Roles),
        ..ActivityQuery::default()
    };
    assert_eq!(log(&admin, roles).await, everything[4..6]);
    let by_lea = ActivityQuery {
        user: Some(lea.user.id.clone()),
        ..ActivityQuery::default()
    };
    assert_eq!(log(&admin, by_lea).await, Vec::<String>::new());
    let mut query = ActivityQuery {
        limit: Some(3),
        ..ActivityQuery::default()
    };
    let mut walked = Vec::new();
    loop {
        let page = admin.activity(&query).await.unwrap();
        walked.extend(page.items.into_iter().map(|a| a.id));
        match page.next {
            Some(next) => query.before = Some(next),
            None => break,
        }
    }
    assert_eq!(walked.len(), everything.len());
    assert!(
        walked.windows(2).all(|w| w[0] > w[1]),
        "newest first: {walked:?}"
    );
    let reversed = ActivityQuery {
        since: Some("2026-12-01T00:00:00Z".into()),
        until: Some("2026-11-01T00:00:00Z".into()),
        ..ActivityQuery::default()
    };
    let fields = refused(admin.activity(&reversed).await, 422, ErrorKind::Validation);
    assert_eq!(fields["until"], ["date.range"]);

    // The export: every record, one line each, with a header.
    let csv = admin
        .export_activity(&ActivityQuery::default())
        .await
        .unwrap();
    assert_eq!(csv.filename, "activity.csv");
    assert!(csv.mime.starts_with("text/csv"), "{}", csv.mime);
    let text = String::from_utf8(csv.bytes).unwrap();
    assert_eq!(text.lines().count(), 1 + everything.len());
    assert!(text.starts_with("at,actor_email,actor_name,resource,action,target,"));

    // An Account admin reads it; a Sales agent is refused, and the log is each work account's own.
    let lea_client = signed_in_as(&target, &lea).await;
    let seen = log(&lea_client, ActivityQuery::default()).await;
    assert_eq!(
        seen[0],
        format!("user accepted {lea_email} - -→- by {lea_email}")
    );
    let sales = add(
        &admin,
        "Paul",
        "Vente",
        "paul@journal.onmicrosoft.com",
        &[Role::SalesAgent],
    )
    .await;
    let sales_client = signed_in_as(&target, &sales).await;
    refused(
        sales_client.activity(&ActivityQuery::default()).await,
        403,
        ErrorKind::Forbidden,
    );
    refused(
        sales_client
            .export_activity(&ActivityQuery::default())
            .await,
        403,
        ErrorKind::Forbidden,
    );
    let (other, _) = tenant(&target, "ailleurs").await;
    let elsewhere = log(&other, ActivityQuery::default()).await;
    assert_eq!(elsewhere.len(), 1, "{elsewhere:?}");
}
