//! A button that asks the backend for a file and saves it, with progress and a toast on failure.

use partner_domain::{ActivityQuery, ErrorKind};
use yew::prelude::*;

use super::{error_message, use_submit_guard};
use crate::{
    api::{use_backend, ApiFuture, BackendHandle, Document},
    download,
    i18n::{use_i18n, I18n},
    state::{use_toasts, ToastKind},
};

/// Which file the button fetches.
#[derive(Clone, PartialEq)]
pub enum Downloadable {
    /// A signed agreement (by acceptance id), as the backend lays it out (a PDF from the server).
    Agreement(AttrValue),
    /// The activity log that these filters keep, as CSV.
    Activity(ActivityQuery),
    /// A supporting document, as it was sent.
    Document { id: AttrValue, name: AttrValue },
}

impl Downloadable {
    fn fetch(&self, backend: &BackendHandle) -> ApiFuture<Document> {
        match self {
            Self::Agreement(id) => backend.agreement_document(id.to_string()),
            Self::Activity(query) => backend.export_activity(query.clone()),
            Self::Document { id, name } => {
                backend.supporting_document(id.to_string(), name.to_string())
            }
        }
    }

    fn label(&self, t: &I18n) -> String {
        match self {
            Self::Agreement(_) | Self::Document { .. } => t.download(),
            Self::Activity(_) => t.activity_export(),
        }
        .to_string()
    }

    fn failed(&self, t: &I18n, reason: String) -> String {
        match self {
            Self::Agreement(_) | Self::Document { .. } => t.download_failed(reason),
            Self::Activity(_) => t.export_failed(reason),
        }
        .to_string()
    }
}

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub file: Downloadable,
    /// Completes the accessible name ("Télécharger – Contrat …"), when the label alone is vague.
    #[prop_or_default]
    pub title: Option<AttrValue>,
}

#[function_component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let onclick = {
        let (file, guard, t) = (props.file.clone(), guard.clone(), t.clone());
        Callback::from(move |_: MouseEvent| {
            let (answer, toasts, t, file) = (
                file.fetch(&backend),
                toasts.clone(),
                t.clone(),
                file.clone(),
            );
            guard.run(async move {
                let saved = match answer.await {
                    Ok(document) => download::save(&document).map_err(|e| e.to_string()),
                    // A document the mock kept in a page since reloaded.
                    Err(e) if e.kind() == Some(ErrorKind::Expired) => {
                        Err(t.documents_gone().to_string())
                    }
                    Err(e) => Err(error_message(&t, &e)),
                };
                if let Err(reason) = saved {
                    toasts.push(ToastKind::Error, file.failed(&t, reason));
                }
            });
        })
    };
    html! {
        <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} {onclick}>
            if guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
            { props.file.label(&t) }
            if let Some(title) = &props.title {
                <span class="visually-hidden">{ format!(" – {title}") }</span>
            }
        </button>
    }
}
