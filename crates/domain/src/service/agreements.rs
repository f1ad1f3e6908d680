//! The partner network agreement: its current text, its acceptance, and the signed copy
//! (docs/API.md, "Agreements").

use super::{
    activity::{note_by, Change},
    new_id, now_stamp,
    partner::enrolled,
    require, ServiceError, ServiceResult, SignedRecord, Store,
};
use crate::{
    agreements, AcceptAgreement, Action, ActivityAction, ActivityResource, Agreement,
    AgreementAcceptance, AgreementKind, Code, ErrorKind, Lang, Me, Signer,
};

fn no_such_kind(kind: &str) -> ServiceError {
    ServiceError::refused(
        ErrorKind::NotFound,
        format!("No agreement of kind {kind:?}."),
    )
}

/// `GET /api/agreements/current`: `kind` as the query names it.
pub fn current_agreement(kind: &str, lang: Lang) -> ServiceResult<Agreement> {
    AgreementKind::from_key(kind)
        .and_then(|kind| agreements::current(kind, lang))
        .ok_or_else(|| no_such_kind(kind))
}

/// `POST /api/partner/agreements`: the current version only, once.
pub async fn accept_agreement<S: Store>(
    store: &mut S,
    caller: &Me,
    body: &AcceptAgreement,
    lang: Lang,
) -> ServiceResult<AgreementAcceptance> {
    require(caller, Action::AcceptAgreement)?;
    let text = current_agreement(body.kind.as_str(), lang)?;
    if text.version != body.version {
        return Err(ServiceError::field(
            ErrorKind::Validation,
            "version",
            Code::AgreementNotCurrent,
            "Not the current version of this agreement.",
        ));
    }
    let partner = store.partner(&caller.tenant.id).await?.ok_or_else(|| {
        ServiceError::refused(
            ErrorKind::NotFound,
            "Register the partner profile before accepting the agreement.",
        )
    })?;
    let accepted = store.acceptances(&partner.id).await?;
    if accepted
        .iter()
        .any(|a| a.kind == text.kind && a.version == text.version)
    {
        return Err(ServiceError::refused(
            ErrorKind::Conflict,
            "This version is already accepted.",
        ));
    }
    let acceptance = AgreementAcceptance {
        id: new_id(store),
        kind: text.kind,
        version: text.version,
        title: text.title,
        accepted_at: now_stamp(store),
        accepted_by: Signer {
            name: caller.user.display_name(),
            email: caller.user.email.clone(),
        },
    };
    let signed = SignedRecord {
        acceptance: acceptance.clone(),
        lang,
    };
    store.insert_acceptance(&partner.id, &signed).await?;
    let accepted = Change::new(
        ActivityResource::Agreement,
        ActivityAction::Accepted,
        acceptance.kind.as_str(),
    )
    .values(None, Some(acceptance.version.clone()));
    note_by(store, caller, accepted).await?;
    Ok(acceptance)
}

/// What a signed copy shows; each backend lays it out as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignedDocument {
    /// `mpn-agreement-2026-09-1234567.pdf`
    pub filename: String,
    pub lang: Lang,
    pub title: String,
    pub version: String,
    pub body: String,
    pub legal_name: String,
    pub mpn_id: String,
    pub signer: Signer,
    pub accepted_at: String,
}

/// `GET /api/partner/agreements/{id}/document`: the text that was signed, in its language.
pub async fn signed_agreement<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
) -> ServiceResult<SignedDocument> {
    require(caller, Action::DownloadAgreement)?;
    let partner = enrolled(store, &caller.tenant.id).await?;
    let SignedRecord { acceptance, lang } = store
        .signed_agreement(&partner.id, id)
        .await?
        .ok_or_else(|| ServiceError::refused(ErrorKind::NotFound, "No such signed agreement."))?;
    let text = agreements::all()
        .map(|(text, text_lang, _)| (text, text_lang))
        .find(|(text, text_lang)| {
            text.kind == acceptance.kind && text.version == acceptance.version && *text_lang == lang
        })
        .map(|(text, _)| text)
        .ok_or_else(|| no_such_kind(acceptance.kind.as_str()))?;
    Ok(SignedDocument {
        filename: format!(
            "{}-agreement-{}-{}.pdf",
            acceptance.kind.as_str(),
            acceptance.version,
            partner.mpn_id
        ),
        lang,
        title: acceptance.title,
        version: acceptance.version,
        body: text.body,
        legal_name: partner.legal_profile.legal_name,
        mpn_id: partner.mpn_id,
        signer: acceptance.accepted_by,
        accepted_at: acceptance.accepted_at,
    })
}
