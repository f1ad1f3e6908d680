//! Enrollment as the seed describes it: profile, contact verification, vetting, agreement.

mod common;

use common::*;
use partner_domain::{
    Address, Agreement, AgreementAcceptance, EmailVerified, ErrorKind, LegalProfile, OutboxEmail,
    Partner, PrimaryContact, ProfileRequest, VerificationStatus,
};
use reqwest::Method;
use serde_json::json;

fn profile() -> ProfileRequest {
    ProfileRequest {
        legal_profile: LegalProfile {
            legal_name: "Contoso SAS".into(),
            address: Address {
                line1: "12 rue de la Paix".into(),
                line2: String::new(),
                city: "Paris".into(),
                region: String::new(),
                postal_code: "75002".into(),
                country: "FR".into(),
            },
            phone: "+33 1 23 45 67 89".into(),
            website: "https://contoso.example".into(),
        },
        primary_contact: PrimaryContact {
            first_name: "Jean".into(),
            last_name: "Dupont".into(),
            email: "jean.dupont@contoso.fr".into(),
            phone: "+33 6 12 34 56 78".into(),
        },
    }
}

async fn latest_link(client: &Client, to: &str) -> String {
    let outbox: Vec<OutboxEmail> = client.get("/api/dev/outbox").await.json();
    let email = outbox
        .iter()
        .find(|e| e.to == to)
        .expect("an email to the contact");
    let link = email.link.clone().unwrap();
    link.split("token=").nth(1).unwrap().to_owned()
}

#[tokio::test]
async fn the_seed_flow_from_profile_to_authorized_partner() {
    let server = start_with(true, 0).await;
    let (client, _) = server.tenant("contoso").await;
    client
        .get("/api/partner")
        .await
        .error(404, ErrorKind::NotFound);

    let partner: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    assert_eq!(
        partner.verification.status,
        VerificationStatus::EmailPending
    );
    assert_eq!(partner.mpn_id.len(), 7);
    assert!(partner.mpn_id.chars().all(|c| c.is_ascii_digit()));
    assert_eq!(
        partner.legal_profile.phone, "+33123456789",
        "stored normalised"
    );
    assert_eq!(partner.verification.steps[0].name, "contact_email");
    assert_eq!(partner.verification.steps[0].status, "pending");
    let me: partner_domain::Me = client.get("/api/session").await.json();
    assert_eq!(me.partner_id.as_deref(), Some(partner.id.as_str()));

    // The contact confirms, without a session.
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    let anonymous = server.client();
    let verified: EmailVerified = anonymous
        .ok(
            Method::POST,
            "/api/verify-email",
            Some(&json!({ "token": token })),
            200,
        )
        .await;
    assert_eq!(
        verified,
        EmailVerified {
            partner_id: partner.id.clone(),
            email: "jean.dupont@contoso.fr".into()
        }
    );
    anonymous
        .raw(
            Method::POST,
            "/api/verify-email",
            Some(json!({ "token": token })),
        )
        .await
        .error(409, ErrorKind::Conflict);
    anonymous
        .raw(
            Method::POST,
            "/api/verify-email",
            Some(json!({ "token": "nope" })),
        )
        .await
        .error(404, ErrorKind::NotFound);

    // With a zero vetting delay the business check is already done.
    let partner: Partner = client.get("/api/partner").await.json();
    assert_eq!(partner.verification.status, VerificationStatus::Authorized);
    assert!(partner.verification.contact_email_verified_at.is_some());
    assert_eq!(
        partner.programs[0].status, "pending",
        "active once the agreement is accepted"
    );

    let agreement: Agreement = client.get("/api/agreements/current?kind=mpn").await.json();
    assert_eq!(agreement.title, "Contrat Microsoft Partner Network");
    assert!(agreement.body.contains("## 2."));
    let english: Agreement = client
        .get("/api/agreements/current?kind=mpn&lang=en-US")
        .await
        .json();
    assert_eq!(english.title, "Microsoft Partner Network agreement");
    client
        .get("/api/agreements/current?kind=csp")
        .await
        .error(404, ErrorKind::NotFound);

    let accept = json!({ "kind": "mpn", "version": "1999-01" });
    client
        .raw(Method::POST, "/api/partner/agreements", Some(accept))
        .await
        .field(
            422,
            ErrorKind::Validation,
            "version",
            "agreement.not_current",
        );
    let accept = json!({ "kind": "mpn", "version": agreement.version });
    let accepted: AgreementAcceptance = client
        .ok(Method::POST, "/api/partner/agreements", Some(&accept), 201)
        .await;
    assert_eq!(accepted.accepted_by.email, "admin@contoso.onmicrosoft.com");
    assert_eq!(accepted.accepted_by.name, "Éloïse Lefèvre");
    assert!(accepted.accepted_at.ends_with('Z'));
    client
        .raw(Method::POST, "/api/partner/agreements", Some(accept))
        .await
        .error(409, ErrorKind::Conflict);

    let partner: Partner = client.get("/api/partner").await.json();
    assert_eq!(partner.agreements, vec![accepted.clone()]);
    assert_eq!(partner.programs[0].status, "active");

    let pdf = client
        .get(&format!("/api/partner/agreements/{}/document", accepted.id))
        .await;
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.headers["content-type"], "application/pdf");
    assert!(pdf.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment; filename="));
    assert!(pdf.bytes.starts_with(b"%PDF-"));
    client
        .get("/api/partner/agreements/nope/document")
        .await
        .error(404, ErrorKind::NotFound);
}

#[tokio::test]
async fn profile_errors_resend_limit_and_expired_links() {
    let server = start_with(true, 30).await;
    let (client, _) = server.tenant("contoso").await;
    let mut bad = profile();
    bad.legal_profile.address.postal_code = "7500".into();
    bad.primary_contact.email = "contact@contoso.fr".into();
    let body = client
        .call(Method::PUT, "/api/partner/profile", Some(&bad))
        .await
        .error(422, ErrorKind::Validation);
    assert_eq!(
        body.fields["legal_profile.address.postal_code"],
        ["postal_code.format"]
    );
    assert_eq!(body.fields["primary_contact.email"], ["email.role_address"]);

    client
        .raw(Method::POST, "/api/partner/contact-verification", None)
        .await
        .error(404, ErrorKind::NotFound);
    client
        .ok::<_, Partner>(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    let limited = client
        .raw(Method::POST, "/api/partner/contact-verification", None)
        .await;
    limited.error(429, ErrorKind::RateLimited);
    assert!(limited.headers.contains_key("retry-after"));

    // A minute later (aged in the database) the resend works and issues a new link.
    let db = server.db().await;
    sqlx::query("UPDATE partners SET last_verification_email = '2000-01-01T00:00:00Z'")
        .execute(&db)
        .await
        .unwrap();
    let first = latest_link(&client, "jean.dupont@contoso.fr").await;
    assert_eq!(
        client
            .raw(Method::POST, "/api/partner/contact-verification", None)
            .await
            .status,
        202
    );
    let second = latest_link(&client, "jean.dupont@contoso.fr").await;
    assert_ne!(first, second);
    let anonymous = server.client();
    anonymous
        .raw(
            Method::POST,
            "/api/verify-email",
            Some(json!({ "token": first })),
        )
        .await
        .error(404, ErrorKind::NotFound);

    sqlx::query("UPDATE verification_tokens SET expires_at = '2000-01-01T00:00:00Z'")
        .execute(&db)
        .await
        .unwrap();
    anonymous
        .raw(
            Method::POST,
            "/api/verify-email",
            Some(json!({ "token": second })),
        )
        .await
        .error(410, ErrorKind::Expired);
}

#[tokio::test]
async fn dev_vetting_decides_and_the_state_machine_guards_it() {
    let server = start_with(true, 3600).await;
    let (client, _) = server.tenant("contoso").await;
    let partner: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    let vetting = format!("/api/dev/vetting/{}", partner.id);
    client
        .raw(
            Method::POST,
            &vetting,
            Some(json!({ "decision": "authorize" })),
        )
        .await
        .error(409, ErrorKind::Conflict);

    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    server
        .client()
        .ok::<_, EmailVerified>(
            Method::POST,
            "/api/verify-email",
            Some(&json!({ "token": token })),
            200,
        )
        .await;
    let pending: Partner = client.get("/api/partner").await.json();
    assert_eq!(
        pending.verification.status,
        VerificationStatus::BusinessPending
    );

    let asked: Partner = client
        .ok(
            Method::POST,
            &vetting,
            Some(&json!({ "decision": "action_required" })),
            200,
        )
        .await;
    assert_eq!(
        asked.verification.status,
        VerificationStatus::ActionRequired
    );
    assert_eq!(asked.verification.steps[1].status, "action_required");
    // Resubmitting the profile sends it back to the business check.
    let again: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    assert_eq!(
        again.verification.status,
        VerificationStatus::BusinessPending
    );
    let rejected: Partner = client
        .ok(
            Method::POST,
            &vetting,
            Some(&json!({ "decision": "reject" })),
            200,
        )
        .await;
    assert_eq!(rejected.verification.status, VerificationStatus::Rejected);
    assert_eq!(rejected.programs[0].status, "rejected");
    client
        .call(Method::PUT, "/api/partner/profile", Some(&profile()))
        .await
        .error(409, ErrorKind::Conflict);

    // Another work account cannot touch this partner.
    let (other, _) = server.tenant("fabrikam").await;
    other
        .raw(
            Method::POST,
            &vetting,
            Some(json!({ "decision": "authorize" })),
        )
        .await
        .error(404, ErrorKind::NotFound);
}

#[tokio::test]
async fn changing_the_contact_email_asks_to_confirm_it_again() {
    let server = start_with(true, 0).await;
    let (client, _) = server.tenant("contoso").await;
    client
        .ok::<_, Partner>(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    server
        .client()
        .ok::<_, EmailVerified>(
            Method::POST,
            "/api/verify-email",
            Some(&json!({ "token": token })),
            200,
        )
        .await;
    let mut changed = profile();
    changed.primary_contact.email = "marie.curie@contoso.fr".into();
    let partner: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&changed), 200)
        .await;
    assert_eq!(
        partner.verification.status,
        VerificationStatus::EmailPending
    );
    assert_eq!(partner.verification.contact_email_verified_at, None);
    latest_link(&client, "marie.curie@contoso.fr").await;
}
