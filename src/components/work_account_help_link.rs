//! The seed's sentence "Si vous ne connaissez pas le compte professionnel de votre entreprise,
//! consultez …", with its link to the help page. The page opens in a new tab: the checklist and
//! the sign-in step it is read from keep what was typed.

use yew::prelude::*;
use yew_router::Routable;

use crate::{i18n::use_i18n, route::Route};

#[function_component]
pub fn WorkAccountHelpLink() -> Html {
    let t = use_i18n();
    html! {
        <>
            { t.work_account_help_before().to_string() }{ " " }
            <a href={Route::WorkAccountHelp.to_path()} target="_blank" rel="noopener">
                { t.work_account_help_link().to_string() }
                <span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
            </a>{ "." }
        </>
    }
}
