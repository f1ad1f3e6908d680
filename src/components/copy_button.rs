use yew::prelude::*;

use crate::{
    i18n::use_i18n,
    state::{use_toasts, ToastKind},
};

#[derive(Properties, PartialEq)]
pub struct CopyButtonProps {
    pub text: AttrValue,
    /// The accessible name, e.g. "Copier l’ID MPN".
    pub label: AttrValue,
    /// Said once the text is on the clipboard.
    pub copied: AttrValue,
}

/// Puts `text` on the clipboard and says so; if the browser refuses, says how to copy by hand.
#[function_component]
pub fn CopyButton(props: &CopyButtonProps) -> Html {
    let t = use_i18n();
    let toasts = use_toasts();
    let onclick = {
        let (text, copied, t) = (props.text.clone(), props.copied.clone(), t.clone());
        Callback::from(move |_: MouseEvent| {
            let (text, copied, toasts, t) =
                (text.clone(), copied.clone(), toasts.clone(), t.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let clipboard = gloo_utils::window().navigator().clipboard();
                match wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await {
                    Ok(_) => toasts.push(ToastKind::Success, copied),
                    Err(_) => toasts.push(ToastKind::Error, t.copy_failed().to_string()),
                }
            });
        })
    };
    html! {
        <button type="button" class="button button-small" aria-label={props.label.clone()} {onclick}>
            { t.copy().to_string() }
        </button>
    }
}
