//! "Compte professionnel de votre entreprise et Espace partenaires": what a work account is and
//! how to find or create one, the help the seed links from its checklist and its sign-in step.
//! Opened in a new tab from those places, so that nothing typed there is left.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::{i18n::use_i18n, route::Route};

#[function_component]
pub fn WorkAccountHelpPage() -> Html {
    let t = use_i18n();
    html! {
        <section class="page narrow" aria-labelledby="work-account-help-title">
            <h1 id="work-account-help-title">{ t.work_account_help_link().to_string() }</h1>
            <p class="lead">{ t.work_account_help_what().to_string() }</p>
            <h2>{ t.work_account_help_have_title().to_string() }</h2>
            <p>{ t.work_account_help_have().to_string() }</p>
            <h2>{ t.work_account_help_none_title().to_string() }</h2>
            <p>{ t.work_account_help_none().to_string() }</p>
            <h2>{ t.work_account_help_one_title().to_string() }</h2>
            <p>{ t.work_account_help_one().to_string() }</p>
            <p class="actions">
                <Link<Route> to={Route::AdminSignIn} classes="button button-primary">{ t.work_account_help_start().to_string() }</Link<Route>>
            </p>
        </section>
    }
}
