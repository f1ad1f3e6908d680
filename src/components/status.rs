//! Waiting and failing, said the same way everywhere.

use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::ApiError,
    i18n::{use_i18n, I18n},
    route::Route,
    state::{use_session, SessionState},
};

#[function_component]
pub fn Loading() -> Html {
    let t = use_i18n();
    html! {
        <div class="loading" role="status" aria-busy="true">
            <span class="spinner" aria-hidden="true"></span>
            { t.loading().to_string() }
        </div>
    }
}

/// The user-facing sentence for an error, by its stable key.
pub fn error_message(t: &I18n, error: &ApiError) -> String {
    use partner_domain::ErrorKind as K;
    match error {
        ApiError::Network(_) => t.error_network(),
        ApiError::Timeout(_) => t.error_timeout(),
        ApiError::Server { .. } => t.error_server(),
        ApiError::Decode(_) => t.error_decode(),
        ApiError::Api { body, .. } => match body.error {
            K::Unauthenticated => t.error_unauthenticated(),
            K::Forbidden => t.error_forbidden(),
            K::NotFound => t.error_not_found(),
            K::Conflict => t.error_conflict(),
            K::RateLimited => t.error_rate_limited(),
            _ => t.error_other(),
        },
    }
    .to_string()
}

/// A failed submit: what happened, and that nothing typed is lost.
pub fn failure_message(t: &I18n, error: &ApiError) -> String {
    t.failed_keep_values(error_message(t, error)).to_string()
}

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub error: ApiError,
    pub on_retry: Callback<()>,
}

#[function_component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let t = use_i18n();
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="panel panel-error" role="alert">
            <p>{ error_message(&t, &props.error) }</p>
            <button type="button" class="button" onclick={on_retry}>{ t.retry().to_string() }</button>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RequireSessionProps {
    pub children: Html,
}

/// Renders its children for a signed-in user; sends others to the start of the wizard.
#[function_component]
pub fn RequireSession(props: &RequireSessionProps) -> Html {
    let session = use_session();
    match session.state() {
        SessionState::Checking => html! { <Loading /> },
        SessionState::SignedOut => html! { <Redirect<Route> to={Route::Welcome} /> },
        SessionState::Unknown(error) => {
            let session = session.clone();
            let on_retry = Callback::from(move |()| session.refresh());
            html! { <ErrorPanel error={error.clone()} {on_retry} /> }
        }
        SessionState::SignedIn(_) => props.children.clone(),
    }
}
