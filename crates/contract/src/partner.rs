//! Enrollment as the seed describes it: profile, contact verification, vetting, agreement
//! (docs/API.md, "Partner" and "Agreements").

use partner_domain::{
    AgreementKind, CheckReason, ErrorKind, Lang, VerificationStatus, Vetting, VettingDecision,
    VettingReason,
};

use crate::{fixtures::*, refused, refused_on, Api, Target};

pub async fn the_seed_flow_from_profile_to_authorized_partner<T: Target>() {
    let target = T::start(0).await;
    let (client, _) = tenant(&target, "contoso").await;
    refused(client.partner().await, 404, ErrorKind::NotFound);

    let partner = client.put_profile(&profile()).await.unwrap();
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
    assert_eq!(partner.programs[0].status, "pending");
    let me = client.session().await.unwrap();
    assert_eq!(me.partner_id.as_deref(), Some(partner.id.as_str()));

    // The contact confirms, without a session.
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    let anonymous = target.client();
    let verified = anonymous.verify_email(&token).await.unwrap();
    assert_eq!(verified.partner_id, partner.id);
    assert_eq!(verified.email, "jean.dupont@contoso.fr");
    refused(
        anonymous.verify_email(&token).await,
        409,
        ErrorKind::Conflict,
    );
    refused(
        anonymous.verify_email("nope").await,
        404,
        ErrorKind::NotFound,
    );

    // With a zero vetting delay the business check is already done.
    let partner = client.partner().await.unwrap();
    assert_eq!(partner.verification.status, VerificationStatus::Authorized);
    assert!(partner.verification.contact_email_verified_at.is_some());
    assert_eq!(partner.verification.steps[1].status, "done");
    assert_eq!(
        partner.programs[0].status, "pending",
        "active once the agreement is accepted"
    );

    let agreement = client
        .current_agreement(AgreementKind::Mpn, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(agreement.title, "Contrat Microsoft Partner Network");
    assert!(agreement.body.contains("## 2."));
    let english = client
        .current_agreement(AgreementKind::Mpn, Lang::En)
        .await
        .unwrap();
    assert_eq!(english.title, "Microsoft Partner Network agreement");
    assert_eq!(english.version, agreement.version);

    refused_on(
        client
            .accept_agreement(AgreementKind::Mpn, "1999-01", Lang::Fr)
            .await,
        422,
        ErrorKind::Validation,
        "version",
        "agreement.not_current",
    );
    let accepted = client
        .accept_agreement(AgreementKind::Mpn, &agreement.version, Lang::Fr)
        .await
        .unwrap();
    assert_eq!(accepted.accepted_by.email, "admin@contoso.onmicrosoft.com");
    assert_eq!(accepted.accepted_by.name, "Éloïse Lefèvre");
    assert_eq!(accepted.title, agreement.title);
    assert!(accepted.accepted_at.ends_with('Z'));
    refused(
        client
            .accept_agreement(AgreementKind::Mpn, &agreement.version, Lang::Fr)
            .await,
        409,
        ErrorKind::Conflict,
    );

    let partner = client.partner().await.unwrap();
    assert_eq!(partner.agreements, vec![accepted]);
    assert_eq!(partner.programs[0].status, "active");
}

pub async fn signed_agreements_are_pdf_documents_in_their_language<T: Target>() {
    let target = T::start(0).await;
    let (client, _) = tenant(&target, "contoso").await;
    refused(
        client
            .accept_agreement(AgreementKind::Mpn, "2026-09", Lang::En)
            .await,
        404,
        ErrorKind::NotFound,
    );
    let partner = client.put_profile(&profile()).await.unwrap();
    let version = client
        .current_agreement(AgreementKind::Mpn, Lang::En)
        .await
        .unwrap()
        .version;
    let accepted = client
        .accept_agreement(AgreementKind::Mpn, &version, Lang::En)
        .await
        .unwrap();
    assert_eq!(accepted.title, "Microsoft Partner Network agreement");
    let document = client.agreement_document(&accepted.id).await.unwrap();
    assert_eq!(
        document.filename,
        format!("mpn-agreement-{version}-{}.pdf", partner.mpn_id)
    );
    assert_eq!(document.mime, "application/pdf");
    assert!(document.bytes.starts_with(b"%PDF-"));
    refused(
        client.agreement_document("nope").await,
        404,
        ErrorKind::NotFound,
    );
    // Another work account cannot read it.
    let (other, _) = tenant(&target, "fabrikam").await;
    refused(
        other.agreement_document(&accepted.id).await,
        404,
        ErrorKind::NotFound,
    );
}

pub async fn profile_errors_and_the_resend_limit<T: Target>() {
    let target = T::start(30).await;
    let (client, _) = tenant(&target, "contoso").await;
    let mut bad = profile();
    bad.legal_profile.address.postal_code = "7500".into();
    bad.primary_contact.email = "contact@contoso.fr".into();
    let fields = refused(client.put_profile(&bad).await, 422, ErrorKind::Validation);
    assert_eq!(
        fields["legal_profile.address.postal_code"],
        ["postal_code.format"]
    );
    assert_eq!(fields["primary_contact.email"], ["email.role_address"]);
    refused(client.partner().await, 404, ErrorKind::NotFound);

    refused(
        client.resend_contact_verification().await,
        404,
        ErrorKind::NotFound,
    );
    client.put_profile(&profile()).await.unwrap();
    // Just sent: once a minute at most.
    refused(
        client.resend_contact_verification().await,
        429,
        ErrorKind::RateLimited,
    );
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    target.client().verify_email(&token).await.unwrap();
    refused(
        client.resend_contact_verification().await,
        409,
        ErrorKind::Conflict,
    );
}

pub async fn dev_vetting_decides_and_the_state_machine_guards_it<T: Target>() {
    let target = T::start(3600).await;
    let (client, _) = tenant(&target, "contoso").await;
    let partner = client.put_profile(&profile()).await.unwrap();
    refused(
        client
            .vetting(&partner.id, VettingDecision::Authorize.into())
            .await,
        409,
        ErrorKind::Conflict,
    );

    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    target.client().verify_email(&token).await.unwrap();
    let pending = client.partner().await.unwrap();
    assert_eq!(
        pending.verification.status,
        VerificationStatus::BusinessPending
    );
    assert_eq!(pending.verification.steps[0].status, "done");
    assert_eq!(pending.verification.steps[1].status, "pending");

    // Asking for action or refusing says why, from a fixed list.
    refused_on(
        client
            .vetting(&partner.id, VettingDecision::ActionRequired.into())
            .await,
        422,
        ErrorKind::Validation,
        "reason",
        "required",
    );
    let asked = client
        .vetting(
            &partner.id,
            Vetting::because(
                VettingDecision::ActionRequired,
                VettingReason::DocumentUnreadable,
            ),
        )
        .await
        .unwrap();
    assert_eq!(
        asked.verification.status,
        VerificationStatus::ActionRequired
    );
    assert_eq!(
        asked.verification.reason,
        Some(CheckReason {
            code: VettingReason::DocumentUnreadable,
            note: None
        })
    );
    assert_eq!(
        client.partner().await.unwrap().verification,
        asked.verification
    );
    assert_eq!(asked.verification.steps[1].status, "action_required");
    assert_eq!(asked.programs[0].status, "action_required");
    // Resubmitting the profile sends it back to the business check.
    let again = client.put_profile(&profile()).await.unwrap();
    assert_eq!(
        again.verification.status,
        VerificationStatus::BusinessPending
    );
    assert_eq!(again.verification.reason, None, "checked again: no reason");
    // `other` needs its words.
    let mut other = Vetting::because(VettingDecision::Reject, VettingReason::Other);
    refused_on(
        client.vetting(&partner.id, other.clone()).await,
        422,
        ErrorKind::Validation,
        "note",
        "required",
    );
    other.note = Some("x".repeat(501));
    refused_on(
        client.vetting(&partner.id, other.clone()).await,
        422,
        ErrorKind::Validation,
        "note",
        "text.too_long",
    );
    other.note = Some("  Registre du commerce introuvable  ".into());
    let rejected = client.vetting(&partner.id, other).await.unwrap();
    assert_eq!(rejected.verification.status, VerificationStatus::Rejected);
    assert_eq!(
        rejected.verification.reason,
        Some(CheckReason {
            code: VettingReason::Other,
            note: Some("Registre du commerce introuvable".into())
        })
    );
    assert_eq!(rejected.programs[0].status, "rejected");
    // No approval without a new check.
    refused(
        client
            .vetting(&partner.id, VettingDecision::Authorize.into())
            .await,
        409,
        ErrorKind::Conflict,
    );

    // Another work account cannot touch this partner.
    let (other, _) = tenant(&target, "fabrikam").await;
    refused(
        other
            .vetting(&partner.id, VettingDecision::Authorize.into())
            .await,
        404,
        ErrorKind::NotFound,
    );
}

pub async fn changing_the_contact_email_asks_to_confirm_it_again<T: Target>() {
    let target = T::start(0).await;
    let (client, _) = tenant(&target, "contoso").await;
    client.put_profile(&profile()).await.unwrap();
    let first = latest_link(&client, "jean.dupont@contoso.fr").await;
    target.client().verify_email(&first).await.unwrap();

    // Other edits keep the status.
    let mut renamed = profile();
    renamed.legal_profile.website = "https://www.contoso.example".into();
    let partner = client.put_profile(&renamed).await.unwrap();
    assert_eq!(partner.verification.status, VerificationStatus::Authorized);

    let mut changed = profile();
    changed.primary_contact.email = "Marie.Curie@contoso.fr".into();
    let partner = client.put_profile(&changed).await.unwrap();
    assert_eq!(
        partner.verification.status,
        VerificationStatus::EmailPending
    );
    assert_eq!(partner.verification.contact_email_verified_at, None);
    assert_eq!(partner.primary_contact.email, "marie.curie@contoso.fr");
    let second = latest_link(&client, "marie.curie@contoso.fr").await;
    assert_ne!(first, second);
    let verified = target.client().verify_email(&second).await.unwrap();
    assert_eq!(verified.email, "marie.curie@contoso.fr");
}

/// Editing the profile does what the edit warning says: new legal details (name, address,
/// phone) are checked again, the legal country stays, a rejected partner corrects and is
/// checked again.
pub async fn profile_edits_follow_the_rules_the_ui_states<T: Target>() {
    let target = T::start(3600).await;
    let (client, _) = tenant(&target, "contoso").await;
    let mut current = profile();
    let partner = client.put_profile(&current).await.unwrap();
    let status = |p: &partner_domain::Partner| p.verification.status;

    // Before the contact confirms, a new legal name waits for them.
    current.legal_profile.legal_name = "Contoso France SAS".into();
    let renamed = client.put_profile(&current).await.unwrap();
    assert_eq!(status(&renamed), VerificationStatus::EmailPending);
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    target.client().verify_email(&token).await.unwrap();
    client
        .vetting(&partner.id, VettingDecision::Authorize.into())
        .await
        .unwrap();

    // The website is not checked: the partner stays authorized.
    current.legal_profile.website = "https://www.contoso.example".into();
    let kept = client.put_profile(&current).await.unwrap();
    assert_eq!(status(&kept), VerificationStatus::Authorized);

    // The legal name, the address, the phone: back to the business check, each time.
    let changes: [fn(&mut partner_domain::ProfileRequest); 3] = [
        |p| p.legal_profile.legal_name = "Contoso Europe SAS".into(),
        |p| p.legal_profile.address.line1 = "1 avenue des Champs-Élysées".into(),
        |p| p.legal_profile.phone = "+33 1 98 76 54 32".into(),
    ];
    for change in changes {
        change(&mut current);
        let edited = client.put_profile(&current).await.unwrap();
        assert_eq!(status(&edited), VerificationStatus::BusinessPending);
        assert_eq!(edited.verification.steps[1].status, "pending");
        assert_eq!(edited.programs[0].status, "pending");
        client
            .vetting(&partner.id, VettingDecision::Authorize.into())
            .await
            .unwrap();
    }

    // The legal country is locked after enrolment.
    let mut moved = current.clone();
    moved.legal_profile.address.country = "BE".into();
    moved.legal_profile.address.postal_code = "1000".into();
    refused_on(
        client.put_profile(&moved).await,
        422,
        ErrorKind::Validation,
        "legal_profile.address.country",
        "country.locked",
    );

    // Rejected, the partner corrects its profile and is checked again.
    current.legal_profile.legal_name = "Contoso SA".into();
    client.put_profile(&current).await.unwrap();
    let rejected = client
        .vetting(
            &partner.id,
            Vetting::because(VettingDecision::Reject, VettingReason::LegalNameMismatch),
        )
        .await
        .unwrap();
    assert_eq!(status(&rejected), VerificationStatus::Rejected);
    current.legal_profile.legal_name = "Contoso Société Anonyme".into();
    let corrected = client.put_profile(&current).await.unwrap();
    assert_eq!(status(&corrected), VerificationStatus::BusinessPending);
    assert!(
        !rejected.verification.final_decision,
        "a first refusal may be corrected"
    );

    // Asked for action, the partner resubmits and is checked again.
    client
        .vetting(
            &partner.id,
            Vetting::because(
                VettingDecision::ActionRequired,
                VettingReason::AddressUnconfirmed,
            ),
        )
        .await
        .unwrap();
    let resubmitted = client.put_profile(&current).await.unwrap();
    assert_eq!(status(&resubmitted), VerificationStatus::BusinessPending);

    // Refused a second time: final, the profile can no longer be resubmitted.
    let refused_again = client
        .vetting(
            &partner.id,
            Vetting::because(VettingDecision::Reject, VettingReason::DocumentUnreadable),
        )
        .await
        .unwrap();
    assert!(refused_again.verification.final_decision);
    current.legal_profile.legal_name = "Contoso Groupe".into();
    refused(client.put_profile(&current).await, 409, ErrorKind::Conflict);
    let after = client.partner().await.unwrap();
    assert_eq!(status(&after), VerificationStatus::Rejected);
    assert!(after.verification.final_decision);
}

/// The dev outbox shows a signed-in caller their own work account's emails only (the dev
/// endpoints serve this machine alone, where a signed-out test reads them all).
pub async fn the_outbox_shows_each_work_account_its_own_emails<T: Target>() {
    let target = T::start(30).await;
    let (contoso, _) = tenant(&target, "contoso").await;
    contoso.put_profile(&profile()).await.unwrap();
    let (fabrikam, _) = tenant(&target, "fabrikam").await;
    assert!(
        fabrikam.outbox().await.unwrap().is_empty(),
        "another work account's links stay hidden"
    );
    let own = contoso.outbox().await.unwrap();
    assert_eq!(own.len(), 1);
    assert_eq!(own[0].to, "jean.dupont@contoso.fr");
    assert_eq!(target.client().outbox().await.unwrap(), own);
}
