//! Waiting and failing, said the same way everywhere.

use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use std::rc::Rc;

use crate::{
    api::{ApiError, Load},
    i18n::{use_i18n, I18n},
    route::Route,
    state::{use_session, use_toasts, SessionState, ToastKind},
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
            K::PasswordChangeRequired => t.password_change_first(),
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
    // Asking again for what does not exist gives the same answer: no retry then.
    let missing = props.error.kind() == Some(partner_domain::ErrorKind::NotFound);
    html! {
        <div class="panel panel-error" role="alert">
            <p>{ error_message(&t, &props.error) }</p>
            if !missing {
                <button type="button" class="button" onclick={on_retry}>{ t.retry().to_string() }</button>
            }
        </div>
    }
}

/// A load shown the same way on every page: `loading` while it is out, the error with a retry
/// if it failed, `ok` with the answer.
pub fn loaded<T: 'static>(load: &Load<T>, loading: Html, ok: impl FnOnce(&Rc<T>) -> Html) -> Html {
    match load.state() {
        None => loading,
        Some(Err(error)) => html! { <ErrorPanel error={error.clone()} on_retry={load.retry()} /> },
        Some(Ok(value)) => ok(value),
    }
}

#[derive(Properties, PartialEq)]
pub struct RefreshFailedProps {
    pub on_retry: Callback<()>,
}

/// Shown above data that could not be refreshed: it stays on screen, said to be the last loaded.
#[function_component]
pub fn RefreshFailed(props: &RefreshFailedProps) -> Html {
    let t = use_i18n();
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="panel panel-warning" role="alert">
            <p>{ t.refresh_failed().to_string() }{ " " }
                <button type="button" class="button" onclick={on_retry}>{ t.retry().to_string() }</button>
            </p>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SkeletonProps {
    /// Roughly how many lines the real content takes, so that nothing jumps when it arrives.
    pub lines: u32,
}

/// Grey placeholders while the first answer is on its way.
#[function_component]
pub fn Skeleton(props: &SkeletonProps) -> Html {
    let t = use_i18n();
    // Lines of uneven length, as text would be.
    let style = use_style!(
        r#"
        display: grid; gap: var(--space-3); padding: var(--space-2) 0;
        .skeleton-line { display: block; height: 1.25rem; border-radius: 4px; background: var(--color-hover); }
        .skeleton-line:nth-child(3n) { width: 60%; }
        .skeleton-line:nth-child(3n+1) { width: 85%; }
        "#
    );
    html! {
        <div class={classes!("skeleton", style)} role="status" aria-busy="true">
            <span class="visually-hidden">{ t.loading().to_string() }</span>
            { for (0..props.lines).map(|_| html! { <span class="skeleton-line" aria-hidden="true"></span> }) }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RequireSessionProps {
    pub children: Html,
}

/// Renders its children for a signed-in user; sends others to sign in and back.
#[function_component]
pub fn RequireSession(props: &RequireSessionProps) -> Html {
    let session = use_session();
    let t = use_i18n();
    match session.state() {
        SessionState::SignedOut => {
            html! { <RedirectWithNotice to={Route::SignIn} notice={t.sign_in_needed().to_string()} /> }
        }
        SessionState::Expired(_) => {
            html! { <RedirectWithNotice to={Route::SignIn} notice={t.session_expired().to_string()} /> }
        }
        SessionState::Unknown(error) => {
            let session = session.clone();
            let on_retry = Callback::from(move |()| session.refresh());
            html! { <ErrorPanel error={error.clone()} {on_retry} /> }
        }
        // A temporary password is changed before anything else (the server refuses the rest).
        SessionState::SignedIn(me) if me.must_change_password => {
            html! { <RedirectWithNotice to={Route::SignIn} notice={t.password_change_first().to_string()} /> }
        }
        SessionState::SignedIn(_) => props.children.clone(),
    }
}

#[derive(Properties, PartialEq)]
pub struct RedirectWithNoticeProps {
    pub to: Route,
    pub notice: AttrValue,
}

/// Says why in a toast, then replaces the address; going to sign in remembers where the user
/// was (`next`) so that they come back there.
#[function_component]
pub fn RedirectWithNotice(props: &RedirectWithNoticeProps) -> Html {
    let toasts = use_toasts();
    let navigator = use_navigator();
    let location = use_location();
    use_effect_with(props.to.clone(), {
        let notice = props.notice.clone();
        move |to: &Route| {
            toasts.push(ToastKind::Info, notice);
            if let Some(navigator) = navigator {
                let here = location.map(|l| l.path().to_owned()).unwrap_or_default();
                if matches!(to, Route::SignIn | Route::AdminSignIn) && !here.is_empty() {
                    let _ = navigator.replace_with_query(to, &[("next", here)]);
                } else {
                    navigator.replace(to);
                }
            }
        }
    });
    html! { <Loading /> }
}
