//! Supporting documents (docs/API.md, "Supporting documents"): sent while the business check asks
//! for action with a reason that documents answer, then submitted together, which starts the
//! check again. What a document may be is `supporting::check_upload`'s.

use super::{
    activity::{actor, note_by, Change},
    new_id, now_stamp,
    partner::{enrolled, resubmit, view},
    require, PartnerRecord, ServiceError, ServiceResult, Store,
};
use crate::{
    supporting::{check_upload, file_name, SupportingDocument, DOCUMENTS_MAX},
    verification::documents_asked,
    Action, ActivityAction, ActivityResource, Code, ErrorKind, Me, Partner,
};

/// The form field that uploads take their errors on.
pub const UPLOAD_FIELD: &str = "file";

fn no_such_document() -> ServiceError {
    ServiceError::refused(ErrorKind::NotFound, "No such document.")
}

/// 409 unless the check asks for action with a reason that documents answer.
fn require_documents_asked(record: &PartnerRecord) -> ServiceResult<()> {
    if documents_asked(record.status, record.check_reason.as_ref()) {
        Ok(())
    } else {
        Err(ServiceError::refused(
            ErrorKind::Conflict,
            "The business check does not ask for documents now.",
        ))
    }
}

/// `POST /api/partner/documents?name=…`: one file, its bytes as the body.
pub async fn upload_document<S: Store>(
    store: &mut S,
    caller: &Me,
    name: &str,
    bytes: &[u8],
) -> ServiceResult<SupportingDocument> {
    require(caller, Action::EditPartnerProfile)?;
    let record = enrolled(store, &caller.tenant.id).await?;
    require_documents_asked(&record)?;
    let refuse = |code: Code| {
        ServiceError::field(
            ErrorKind::Validation,
            UPLOAD_FIELD,
            code,
            "This file cannot be sent.",
        )
    };
    let content_type = check_upload(name, bytes).map_err(refuse)?;
    if store.documents(&record.id).await?.len() >= DOCUMENTS_MAX {
        return Err(refuse(Code::DocumentsTooMany));
    }
    let document = SupportingDocument {
        id: new_id(store),
        name: file_name(name).to_owned(),
        size: bytes.len() as u64,
        content_type,
        uploaded_by: actor(&caller.user),
        uploaded_at: now_stamp(store),
    };
    store.insert_document(&record.id, &document, bytes).await?;
    let sent = Change::new(
        ActivityResource::Document,
        ActivityAction::Created,
        &document.name,
    );
    note_by(store, caller, sent).await?;
    Ok(document)
}

/// `GET /api/partner/documents/{id}`: anyone who may read the partner.
pub async fn document<S: Store>(
    store: &mut S,
    caller: &Me,
    id: &str,
) -> ServiceResult<(SupportingDocument, Vec<u8>)> {
    require(caller, Action::ReadPartner)?;
    let record = enrolled(store, &caller.tenant.id).await?;
    let listed = store.documents(&record.id).await?;
    let document = (listed.into_iter().find(|d| d.id == id)).ok_or_else(no_such_document)?;
    let bytes = (store.document_bytes(&record.id, id).await?).ok_or_else(|| {
        ServiceError::refused(
            ErrorKind::Expired,
            "This document's content is no longer kept.",
        )
    })?;
    Ok((document, bytes))
}

/// `DELETE /api/partner/documents/{id}`: until they are submitted, documents may be taken back.
pub async fn delete_document<S: Store>(store: &mut S, caller: &Me, id: &str) -> ServiceResult<()> {
    require(caller, Action::EditPartnerProfile)?;
    let record = enrolled(store, &caller.tenant.id).await?;
    let listed = store.documents(&record.id).await?;
    let document = (listed.into_iter().find(|d| d.id == id)).ok_or_else(no_such_document)?;
    require_documents_asked(&record)?;
    store.delete_document(&record.id, id).await?;
    let removed = Change::new(
        ActivityResource::Document,
        ActivityAction::Deleted,
        &document.name,
    );
    note_by(store, caller, removed).await
}

/// `POST /api/partner/documents/submit`: the documents sent since the check asked are checked.
pub async fn submit_documents<S: Store>(store: &mut S, caller: &Me) -> ServiceResult<Partner> {
    require(caller, Action::EditPartnerProfile)?;
    let mut record = enrolled(store, &caller.tenant.id).await?;
    require_documents_asked(&record)?;
    let asked_at = record.times.business_step_at.clone().unwrap_or_default();
    let documents = store.documents(&record.id).await?;
    if !documents.iter().any(|d| d.uploaded_at >= asked_at) {
        return Err(ServiceError::field(
            ErrorKind::Validation,
            UPLOAD_FIELD,
            Code::Required,
            "Send at least one document since the check asked for it.",
        ));
    }
    resubmit(store, caller, &mut record).await?;
    store.update_partner(&record).await?;
    view(store, record).await
}
