//! "Se connecter" (`/sign-in`, the top bar's link): any user of any role signs in, changes a
//! temporary password if they have one, then goes to the page a guard remembered (`?next=`),
//! else where they belong (`/` decides). Creating an account stays in the wizard's step 2.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    components::{ChangePasswordForm, ErrorPanel, SignInForm},
    i18n::use_i18n,
    route::{next_param, Route},
    state::{use_session, SessionState},
};

#[function_component]
pub fn SignInPage() -> Html {
    let t = use_i18n();
    let session = use_session();
    let prefill = match session.state() {
        SessionState::Unknown(error) => {
            let session = session.clone();
            return html! { <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| session.refresh())} /> };
        }
        SessionState::SignedIn(me) if me.must_change_password => {
            return html! { <section class="page narrow"><ChangePasswordForm /></section> };
        }
        SessionState::SignedIn(_) => {
            return html! { <Redirect<Route> to={next_param().unwrap_or(Route::Home)} /> };
        }
        SessionState::SignedOut => None,
        SessionState::Expired(email) => Some(email.clone()),
    };
    html! {
        <section class="page narrow">
            <h1>{ t.sign_in_page_title().to_string() }</h1>
            <SignInForm {prefill} />
            <p>
                { t.no_account_yet().to_string() }{ " " }
                <Link<Route> to={Route::Welcome}>{ t.create_partner_account().to_string() }</Link<Route>>
            </p>
        </section>
    }
}
