//! Verification links over time, aged in the database (the rest of enrollment is in the contract
//! suite, `tests/contract.rs`).

mod common;

use common::*;
use partner_contract::{latest_link, profile, Api};
use partner_domain::{AgreementKind, ErrorKind, Lang, Partner, UserPatch};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn a_resend_a_minute_later_replaces_the_link_and_links_expire() {
    let server = start_with(true, 30).await;
    let (client, _) = server.tenant("contoso").await;
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
    client.resend_contact_verification().await.unwrap();
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

/// Only a query can name a kind that does not exist, and only HTTP carries Accept-Language.
#[tokio::test]
async fn agreement_texts_by_query_and_accept_language() {
    let server = start().await;
    let client = server.client();
    client
        .get("/api/agreements/current?kind=csp")
        .await
        .error(404, ErrorKind::NotFound);
    let english = client
        .http
        .get(format!("{}/api/agreements/current?kind=mpn", server.base))
        .header("accept-language", "en-GB,en;q=0.9,fr;q=0.8")
        .send()
        .await
        .unwrap()
        .json::<partner_domain::Agreement>()
        .await
        .unwrap();
    assert_eq!(english.title, "Microsoft Partner Network agreement");
    let french: partner_domain::Agreement =
        client.get("/api/agreements/current?kind=mpn").await.json();
    assert_eq!(french.title, "Contrat Microsoft Partner Network");
}

/// The signed PDF embeds its font: names outside Windows-1252 print, and read back as written.
#[tokio::test]
async fn the_signed_pdf_prints_polish_greek_and_cyrillic_names() {
    let server = start().await;
    let (client, me) = server.tenant("contoso").await;
    let patch = UserPatch {
        first_name: Some("Łukasz".into()),
        last_name: Some("Żółć".into()),
        roles: None,
    };
    client.update_user(&me.user.id, &patch).await.unwrap();
    let mut body = profile();
    body.legal_profile.legal_name = "Ωμέγα Ивановъ SA".into();
    client.put_profile(&body).await.unwrap();
    let version = client
        .current_agreement(AgreementKind::Mpn, Lang::Fr)
        .await
        .unwrap()
        .version;
    let accepted = client
        .accept_agreement(AgreementKind::Mpn, &version, Lang::Fr)
        .await
        .unwrap();
    let document = client.agreement_document(&accepted.id).await.unwrap();

    let pdf = lopdf::Document::load_mem(&document.bytes).unwrap();
    let pages: Vec<u32> = pdf.get_pages().keys().copied().collect();
    let text = pdf.extract_text(&pages).unwrap();
    assert!(
        text.contains("Accepté par\u{a0}: Łukasz Żółć <admin@contoso.onmicrosoft.com>"),
        "{text}"
    );
    assert!(
        text.contains("Partenaire\u{a0}: Ωμέγα Ивановъ SA"),
        "{text}"
    );
    assert!(text.contains("Contrat Microsoft Partner Network"), "{text}");
}

/// A body far over the largest document is refused before the rules read it; the download is
/// the file as sent, with its type, never sniffed by the browser.
#[tokio::test]
async fn documents_are_bounded_bodies_and_download_as_sent() {
    use partner_domain::{limits::DOCUMENT_BODY_LIMIT_BYTES, supporting::SupportingDocument};
    let server = start_with(true, 3600).await;
    let (client, _) = server.tenant("contoso").await;
    let partner: Partner = client
        .ok(Method::PUT, "/api/partner/profile", Some(&profile()), 200)
        .await;
    let token = latest_link(&client, "jean.dupont@contoso.fr").await;
    server.client().verify_email(&token).await.unwrap();
    let asked = json!({ "decision": "action_required", "reason": "document_unreadable" });
    let path = format!("/api/dev/vetting/{}", partner.id);
    client
        .ok::<_, Partner>(Method::POST, &path, Some(&asked), 200)
        .await;

    let huge = vec![b'%'; DOCUMENT_BODY_LIMIT_BYTES + 1];
    client
        .upload("/api/partner/documents?name=huge.pdf", huge)
        .await
        .error(413, ErrorKind::PayloadTooLarge);
    let pdf = b"%PDF-1.4\n%%EOF\n".to_vec();
    let sent = client
        .upload("/api/partner/documents?name=Kbis.pdf", pdf.clone())
        .await;
    assert_eq!(sent.status, 201);
    let sent: SupportingDocument = sent.json();
    let download = client
        .get(&format!("/api/partner/documents/{}", sent.id))
        .await;
    assert_eq!(download.bytes, pdf);
    assert_eq!(download.headers["content-type"], "application/pdf");
    assert_eq!(download.headers["x-content-type-options"], "nosniff");
    assert!(download.headers["content-disposition"]
        .to_str()
        .unwrap()
        .starts_with("attachment;"));
    client
        .upload("/api/partner/documents", b"%PDF-1.4".to_vec())
        .await
        .field(422, ErrorKind::Validation, "file", "required");
}
