use yew::prelude::*;

use crate::{
    i18n::use_i18n,
    state::{use_toasts, ToastKind},
};

/// Always in the DOM, so screen readers announce what is added to it.
#[function_component]
pub fn ToastRegion() -> Html {
    let t = use_i18n();
    let toasts = use_toasts();
    html! {
        <div class="toasts" role="status" aria-live="polite">
            { for toasts.list().iter().map(|toast| {
                let on_dismiss = {
                    let (toasts, id) = (toasts.clone(), toast.id);
                    Callback::from(move |_| toasts.dismiss(id))
                };
                let kind = match toast.kind {
                    ToastKind::Info => "toast",
                    ToastKind::Success => "toast toast-success",
                    ToastKind::Error => "toast toast-error",
                };
                html! {
                    <div key={toast.id} class={kind}>
                        <span>{ toast.text.clone() }</span>
                        <button type="button" class="link-button" onclick={on_dismiss}>{ t.dismiss().to_string() }</button>
                    </div>
                }
            }) }
        </div>
    }
}
