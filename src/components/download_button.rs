use yew::prelude::*;

use super::{error_message, use_submit_guard};
use crate::{
    api::use_backend,
    download,
    i18n::use_i18n,
    state::{use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct DownloadButtonProps {
    pub agreement: AttrValue,
    /// Completes the accessible name ("Télécharger : Contrat …").
    pub title: AttrValue,
}

/// "Télécharger": the signed document as the backend makes it (a PDF from the server).
#[function_component]
pub fn DownloadButton(props: &DownloadButtonProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let toasts = use_toasts();
    let guard = use_submit_guard();
    let onclick = {
        let (id, guard, t) = (props.agreement.clone(), guard.clone(), t.clone());
        Callback::from(move |_: MouseEvent| {
            let (backend, toasts, t, id) = (backend.clone(), toasts.clone(), t.clone(), id.clone());
            guard.run(async move {
                let saved = match backend.agreement_document(id.to_string()).await {
                    Ok(document) => download::save(&document).map_err(|e| e.to_string()),
                    Err(e) => Err(error_message(&t, &e)),
                };
                if let Err(reason) = saved {
                    toasts.push(ToastKind::Error, t.download_failed(reason).to_string());
                }
            });
        })
    };
    html! {
        <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} {onclick}>
            if guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
            { t.download().to_string() }<span class="visually-hidden">{ format!(" – {}", props.title) }</span>
        </button>
    }
}
