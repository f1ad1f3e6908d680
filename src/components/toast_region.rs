use stylist::yew::use_style;
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
    let style = use_style!(
        r#"
        position: fixed; bottom: var(--space-4); right: var(--space-4); left: var(--space-4);
        display: flex; flex-direction: column; align-items: flex-end; gap: var(--space-2);
        pointer-events: none; z-index: 50;
        .toast { pointer-events: auto; display: flex; gap: var(--space-4); align-items: center;
            max-width: 32rem; background: var(--color-text); color: #fff; padding: var(--space-2) var(--space-4);
            border-radius: var(--radius); box-shadow: var(--shadow); }
        .toast-error { background: var(--color-error); }
        .toast-success { background: var(--color-success); }
        "#
    );
    html! {
        <div class={classes!("toasts", style)} role="status" aria-live="polite">
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
