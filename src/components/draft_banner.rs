use stylist::yew::use_style;
use yew::prelude::*;

use crate::{draft::DraftNotice, i18n::use_i18n};

#[derive(Properties, PartialEq)]
pub struct DraftBannerProps {
    pub draft_notice: Option<DraftNotice>,
    pub on_discard: Callback<()>,
    pub on_dismiss: Callback<()>,
}

/// "Brouillon restauré du … — Effacer", and the other things worth knowing about a draft.
#[function_component]
pub fn DraftBanner(props: &DraftBannerProps) -> Html {
    let t = use_i18n();
    // The notice and its buttons on one line while they fit.
    let style =
        use_style!("display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-1);");
    let dismiss = {
        let on_dismiss = props.on_dismiss.clone();
        html! { <button type="button" class="link-button" onclick={on_dismiss.reform(|_: MouseEvent| ())}>{ t.dismiss().to_string() }</button> }
    };
    match props.draft_notice {
        None => Html::default(),
        Some(DraftNotice::Restored(saved_at)) => html! {
            <div class={classes!("panel", "panel-info", "draft-banner", style.clone())} role="status">
                <span>{ t.draft_restored(crate::i18n::format_date_time(t.lang, saved_at)).to_string() }</span>
                { " — " }
                <button type="button" class="link-button" onclick={props.on_discard.reform(|_: MouseEvent| ())}>
                    { t.draft_discard().to_string() }
                </button>
                { " " }{ dismiss }
            </div>
        },
        Some(DraftNotice::Discarded) => html! {
            <div class={classes!("panel", "panel-info", "draft-banner", style.clone())} role="status"><span>{ t.draft_discarded().to_string() }</span>{ " " }{ dismiss }</div>
        },
        Some(DraftNotice::NotSaved) => html! {
            <div class={classes!("panel", "panel-warning", "draft-banner", style)} role="alert"><span>{ t.draft_not_saved().to_string() }</span></div>
        },
    }
}
