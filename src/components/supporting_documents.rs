//! "Justificatifs": the documents sent for the business check, listed for everyone, and sent,
//! taken back and submitted by those who may edit the profile while the check asks for them.

use std::rc::Rc;

use partner_domain::{
    supporting::{check_upload, SupportingDocument, DOCUMENTS_MAX, DOCUMENT_MAX_BYTES},
    verification::documents_asked,
    Action, Code, Partner,
};
use stylist::yew::use_style;
use yew::prelude::*;

use super::{code_message, error_message, use_submit_guard, DownloadButton, Downloadable};
use crate::{
    api::{use_backend, ApiError, BackendHandle},
    i18n::{date_of, format_number, use_i18n, I18n},
    state::{use_partner, use_session, use_toasts, PartnerHandle, ToastHandle, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct SupportingDocumentsProps {
    pub partner: Rc<Partner>,
}

/// A file's size as people read it: kilobytes below a megabyte, else megabytes to a tenth.
fn file_size(t: &I18n, bytes: u64) -> String {
    const MB: f64 = 1_000_000.0;
    let bytes = bytes as f64;
    if bytes < MB {
        t.size_kb(format_number(t.lang, (bytes / 1000.0).ceil()))
    } else {
        t.size_mb(format_number(t.lang, (bytes / MB * 10.0).round() / 10.0))
    }
    .to_string()
}

/// Why one file was not sent, in words.
fn refusal(t: &I18n, error: &ApiError) -> String {
    let code = match error {
        ApiError::Api { body, .. } => body.fields.values().flatten().next().copied(),
        _ => None,
    };
    match code {
        Some(code) => code_message(t, code, ""),
        None => error_message(t, error),
    }
}

/// Reads, checks and sends one file; `count` documents are already there.
async fn send(
    backend: &BackendHandle,
    t: &I18n,
    file: web_sys::File,
    count: usize,
) -> Result<(), String> {
    let said = |code: Code| code_message(t, code, "");
    if count >= DOCUMENTS_MAX {
        return Err(said(Code::DocumentsTooMany));
    }
    // Refused before it is read: a huge file never fills the page's memory.
    if file.size() > DOCUMENT_MAX_BYTES as f64 {
        return Err(said(Code::DocumentTooLarge));
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| error_message(t, &ApiError::Decode("unreadable file".into())))?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    let name = file.name();
    check_upload(&name, &bytes).map_err(said)?;
    (backend.upload_document(name, bytes).await)
        .map(|_| ())
        .map_err(|e| refusal(t, &e))
}

/// What sending a batch of files reports to.
#[derive(Clone)]
struct Uploads {
    backend: BackendHandle,
    t: I18n,
    sending: UseStateHandle<Option<String>>,
    failures: UseStateHandle<Vec<String>>,
    partner_handle: PartnerHandle,
    toasts: ToastHandle,
}

impl Uploads {
    /// Sends `files` one after the other, saying which is on its way; `count` are there already.
    async fn run(self, files: Vec<web_sys::File>, count: usize) {
        let t = &self.t;
        let mut refused = Vec::new();
        let mut sent = 0;
        for file in files {
            let name = file.name();
            self.sending.set(Some(name.clone()));
            match send(&self.backend, t, file, count + sent).await {
                Ok(()) => {
                    sent += 1;
                    let said = t.documents_sent(name).to_string();
                    self.toasts.push(ToastKind::Success, said);
                }
                Err(reason) => refused.push(t.documents_failed(name, reason).to_string()),
            }
        }
        self.sending.set(None);
        self.failures.set(refused);
        if sent > 0 {
            self.partner_handle.reload();
        }
    }
}

#[function_component]
pub fn SupportingDocuments(props: &SupportingDocumentsProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let session = use_session();
    let partner_handle = use_partner();
    let toasts = use_toasts();
    let sending = use_state(|| None::<String>);
    let failures = use_state(Vec::<String>::new);
    let submit_guard = use_submit_guard();
    let style = use_style!(
        r#"
        .documents-add { margin: var(--space-4) 0; }
        .documents-add label { display: block; font-weight: 600; }
        .documents-add input { margin-top: var(--space-2); }
        .documents-failures { margin: var(--space-2) 0; }
        "#
    );
    let partner = &props.partner;
    let verification = &partner.verification;
    let asked = documents_asked(verification.status, verification.reason.as_ref());
    if partner.documents.is_empty() && !asked {
        return Html::default();
    }
    let may_edit = asked && session.may(Action::EditPartnerProfile);
    let on_files = {
        let uploads = Uploads {
            backend: backend.clone(),
            t: t.clone(),
            sending: sending.clone(),
            failures: failures.clone(),
            partner_handle: partner_handle.clone(),
            toasts: toasts.clone(),
        };
        let count = partner.documents.len();
        Callback::from(move |event: Event| {
            let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() else {
                return;
            };
            let files: Vec<web_sys::File> = input
                .files()
                .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
                .unwrap_or_default();
            // The same file may be chosen again after a failure.
            input.set_value("");
            wasm_bindgen_futures::spawn_local(uploads.clone().run(files, count));
        })
    };
    let on_submit = {
        let (backend, t, guard) = (backend.clone(), t.clone(), submit_guard.clone());
        let (partner_handle, toasts, failures) =
            (partner_handle.clone(), toasts.clone(), failures.clone());
        Callback::from(move |_: MouseEvent| {
            let (answer, t, partner_handle, toasts, failures) = (
                backend.submit_documents(),
                t.clone(),
                partner_handle.clone(),
                toasts.clone(),
                failures.clone(),
            );
            guard.run(async move {
                match answer.await {
                    Ok(partner) => {
                        partner_handle.set(partner);
                        toasts.push(ToastKind::Success, t.documents_submitted().to_string());
                    }
                    Err(error) => failures.set(vec![refusal(&t, &error)]),
                }
            });
        })
    };
    let busy = sending.is_some();
    html! {
        <section aria-labelledby="documents-heading" class={classes!("panel", style)}>
            <h2 id="documents-heading">{ t.documents_title().to_string() }</h2>
            <p>{ t.documents_intro().to_string() }</p>
            if partner.documents.is_empty() {
                <p>{ t.documents_none().to_string() }</p>
            } else {
                <DocumentTable documents={partner.documents.clone()} may_remove={may_edit} />
            }
            if may_edit {
                <div class="documents-add">
                    <label for="documents-file">{ t.documents_choose().to_string() }</label>
                    <span id="documents-hint" class="hint">{ t.documents_hint().to_string() }</span>
                    <input id="documents-file" type="file" multiple=true aria-describedby="documents-hint"
                        accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
                        disabled={busy} onchange={on_files} />
                </div>
                <p role="status" aria-live="polite">
                    if let Some(name) = &*sending {
                        <span class="spinner" aria-hidden="true"></span>{ " " }
                        { t.documents_uploading(name.clone()).to_string() }
                    }
                </p>
                if !failures.is_empty() {
                    <div class="documents-failures panel panel-error" role="alert">
                        <ul>{ for failures.iter().map(|f| html! { <li>{ f.clone() }</li> }) }</ul>
                    </div>
                }
                <button type="button" class="button button-primary" onclick={on_submit}
                    aria-disabled={(busy || submit_guard.busy()).then_some("true")}>
                    if submit_guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
                    { t.documents_submit().to_string() }
                </button>
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DocumentTableProps {
    documents: Vec<SupportingDocument>,
    may_remove: bool,
}

#[function_component]
fn DocumentTable(props: &DocumentTableProps) -> Html {
    let t = use_i18n();
    html! {
        <div class="table-scroll">
            <table class="table">
                <thead><tr>
                    <th scope="col">{ t.documents_column_name().to_string() }</th>
                    <th scope="col">{ t.documents_column_size().to_string() }</th>
                    <th scope="col">{ t.documents_column_by().to_string() }</th>
                    <th scope="col">{ t.documents_column_at().to_string() }</th>
                    <td></td>
                </tr></thead>
                <tbody>
                    { for props.documents.iter().map(|d| html! {
                        <tr key={d.id.clone()}>
                            <th scope="row">{ d.name.clone() }</th>
                            <td>{ file_size(&t, d.size) }</td>
                            <td>{ format!("{} ({})", d.uploaded_by.name, d.uploaded_by.email) }</td>
                            <td>{ date_of(&t, &d.uploaded_at) }</td>
                            <td class="row-actions">
                                <DownloadButton file={Downloadable::Document { id: d.id.clone().into(), name: d.name.clone().into() }}
                                    title={AttrValue::from(d.name.clone())} />
                                if props.may_remove {
                                    { " " }<RemoveButton document={d.clone()} />
                                }
                            </td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RemoveButtonProps {
    document: SupportingDocument,
}

/// Takes a document back before it is submitted.
#[function_component]
fn RemoveButton(props: &RemoveButtonProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let partner_handle = use_partner();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let name = props.document.name.clone();
    let onclick = {
        let (id, name, guard, t) = (
            props.document.id.clone(),
            name.clone(),
            guard.clone(),
            t.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (answer, t, name) = (backend.delete_document(id.clone()), t.clone(), name.clone());
            let (partner_handle, toasts) = (partner_handle.clone(), toasts.clone());
            guard.run(async move {
                match answer.await {
                    Ok(()) => {
                        toasts.push(ToastKind::Success, t.documents_removed(name).to_string());
                        partner_handle.reload();
                    }
                    Err(error) => toasts.push(
                        ToastKind::Error,
                        t.documents_failed(name, error_message(&t, &error))
                            .to_string(),
                    ),
                }
            });
        })
    };
    html! {
        <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} {onclick}>
            if guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
            { t.documents_remove().to_string() }
            <span class="visually-hidden">{ format!(" – {name}") }</span>
        </button>
    }
}
