//! Supporting documents for the business check (docs/API.md, "Supporting documents").

use partner_domain::{
    supporting::{DOCUMENTS_MAX, DOCUMENT_MAX_BYTES},
    ActivityQuery, ActivityResource, ErrorKind, Role, VerificationStatus, Vetting, VettingDecision,
    VettingReason,
};

use crate::{fixtures::*, refused, refused_on, Api, Target};

const PDF: &[u8] = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n";
const PNG: &[u8] = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";

pub async fn supporting_documents_answer_the_check_and_only_while_it_asks<T: Target>() {
    let target = T::start(3600).await;
    let (admin, _) = tenant(&target, "contoso").await;
    let partner = admin.put_profile(&profile()).await.unwrap();
    let token = latest_link(&admin, "jean.dupont@contoso.fr").await;
    target.client().verify_email(&token).await.unwrap();
    // Nothing is asked yet.
    refused(
        admin.upload_document("Kbis.pdf", PDF).await,
        409,
        ErrorKind::Conflict,
    );
    // A legal name that does not match is corrected in the profile, not proved by a document.
    let mismatch = Vetting::because(
        VettingDecision::ActionRequired,
        VettingReason::LegalNameMismatch,
    );
    admin.vetting(&partner.id, mismatch).await.unwrap();
    refused(
        admin.upload_document("Kbis.pdf", PDF).await,
        409,
        ErrorKind::Conflict,
    );
    admin.put_profile(&profile()).await.unwrap();
    let address = Vetting::because(
        VettingDecision::ActionRequired,
        VettingReason::AddressUnconfirmed,
    );
    admin.vetting(&partner.id, address).await.unwrap();

    // Nothing to submit yet; files are what their bytes are, named alike, within the limits.
    refused_on(
        admin.submit_documents().await,
        422,
        ErrorKind::Validation,
        "file",
        "required",
    );
    let refusals = [
        (
            "facture.pdf",
            b"<html><script>alert(1)</script>".to_vec(),
            "document.type",
        ),
        ("facture.pdf", PNG.to_vec(), "document.type"),
        ("vide.pdf", Vec::new(), "document.empty"),
        ("   ", PDF.to_vec(), "required"),
    ];
    for (name, bytes, code) in refusals {
        refused_on(
            admin.upload_document(name, &bytes).await,
            422,
            ErrorKind::Validation,
            "file",
            code,
        );
    }
    let mut big = PDF.to_vec();
    big.resize(DOCUMENT_MAX_BYTES + 1, b' ');
    refused_on(
        admin.upload_document("gros.pdf", &big).await,
        422,
        ErrorKind::Validation,
        "file",
        "document.too_large",
    );

    // A proof of address: listed with who sent it, readable by every user of the account.
    let sent = admin
        .upload_document("C:\\scans\\Facture d’électricité.pdf", PDF)
        .await
        .unwrap();
    assert_eq!(sent.name, "Facture d’électricité.pdf");
    assert_eq!(sent.size, PDF.len() as u64);
    assert_eq!(sent.content_type.as_str(), "application/pdf");
    assert_eq!(sent.uploaded_by.email, "admin@contoso.onmicrosoft.com");
    let listed = admin.partner().await.unwrap().documents;
    assert_eq!(listed, std::slice::from_ref(&sent));
    let agent = add(
        &admin,
        "Léa",
        "Roux",
        "lea@contoso.onmicrosoft.com",
        &[Role::SalesAgent],
    )
    .await;
    let lea = signed_in_as(&target, &agent).await;
    let download = lea.document(&sent.id).await.unwrap();
    assert_eq!(
        (
            download.filename.as_str(),
            download.mime.as_str(),
            &download.bytes[..]
        ),
        ("Facture d’électricité.pdf", "application/pdf", PDF)
    );
    // Only those who may edit the profile send or take back documents.
    refused(
        lea.upload_document("autre.pdf", PDF).await,
        403,
        ErrorKind::Forbidden,
    );
    refused(
        lea.delete_document(&sent.id).await,
        403,
        ErrorKind::Forbidden,
    );
    refused(lea.submit_documents().await, 403, ErrorKind::Forbidden);
    // Another work account sees none of them.
    let (fabrikam, _) = tenant(&target, "fabrikam").await;
    fabrikam.put_profile(&profile()).await.unwrap();
    refused(fabrikam.document(&sent.id).await, 404, ErrorKind::NotFound);
    refused(admin.document("no-such-id").await, 404, ErrorKind::NotFound);

    // At most five; one taken back makes room again.
    let mut more = Vec::new();
    for n in 2..=DOCUMENTS_MAX {
        more.push(
            admin
                .upload_document(&format!("scan-{n}.png"), PNG)
                .await
                .unwrap(),
        );
    }
    refused_on(
        admin.upload_document("scan-6.png", PNG).await,
        422,
        ErrorKind::Validation,
        "file",
        "documents.too_many",
    );
    admin.delete_document(&more[0].id).await.unwrap();
    refused(
        admin.delete_document(&more[0].id).await,
        404,
        ErrorKind::NotFound,
    );
    admin.upload_document("scan-6.png", PNG).await.unwrap();
    let names: Vec<String> = (admin.partner().await.unwrap().documents.iter())
        .map(|d| d.name.clone())
        .collect();
    assert_eq!(
        names,
        [
            "Facture d’électricité.pdf",
            "scan-3.png",
            "scan-4.png",
            "scan-5.png",
            "scan-6.png"
        ],
        "oldest first"
    );

    // Submitted: checked again, and the documents are kept as they were sent.
    let submitted = admin.submit_documents().await.unwrap();
    assert_eq!(
        submitted.verification.status,
        VerificationStatus::BusinessPending
    );
    assert_eq!(submitted.verification.reason, None);
    assert_eq!(submitted.documents.len(), DOCUMENTS_MAX);
    refused(
        admin.upload_document("tard.pdf", PDF).await,
        409,
        ErrorKind::Conflict,
    );
    refused(
        admin.delete_document(&sent.id).await,
        409,
        ErrorKind::Conflict,
    );
    refused(admin.submit_documents().await, 409, ErrorKind::Conflict);
    let authorized = admin
        .vetting(&partner.id, VettingDecision::Authorize.into())
        .await
        .unwrap();
    assert_eq!(
        authorized.verification.status,
        VerificationStatus::Authorized
    );
    assert_eq!(lea.document(&sent.id).await.unwrap().bytes, PDF);

    // The log tells each document sent or taken back, by whom.
    let query = ActivityQuery {
        resource: Some(ActivityResource::Document),
        ..ActivityQuery::default()
    };
    let log = admin.activity(&query).await.unwrap().items;
    let lines: Vec<String> = log
        .iter()
        .map(|a| format!("{} {}", a.action.as_str(), a.target))
        .collect();
    assert_eq!(
        lines,
        [
            "created scan-6.png",
            "deleted scan-2.png",
            "created scan-5.png",
            "created scan-4.png",
            "created scan-3.png",
            "created scan-2.png",
            "created Facture d’électricité.pdf",
        ]
    );
    assert!(log.iter().all(
        |a| a.actor.as_ref().map(|u| u.email.as_str()) == Some("admin@contoso.onmicrosoft.com")
    ));
}
