use std::rc::Rc;

use stylist::yew::use_style;
use web_sys::HtmlSelectElement;
use yew::prelude::*;
use yew_router::prelude::*;

use super::{error_message, SettingsMenu};
use crate::{
    config::{BackendKind, RuntimeConfig},
    i18n::{use_i18n, Lang},
    route::Route,
    state::{use_session, use_toasts, ToastKind},
};

#[function_component]
pub fn TopBar() -> Html {
    let t = use_i18n();
    let config = use_context::<Rc<RuntimeConfig>>();
    let session = use_session();
    let toasts = use_toasts();
    let navigator = use_navigator();
    let demo = config.is_some_and(|c| c.backend == BackendKind::Mock);
    let route = use_route::<Route>();
    // Back to this page after signing in, unless it is only the way in. The address is built
    // by hand: a query serialiser in the top bar would run at every start-up.
    let next = use_location().map(|l| l.path().to_owned()).filter(|_| {
        !matches!(
            route,
            None | Some(Route::Home | Route::Welcome | Route::NotFound)
        )
    });
    let sign_in_href = match &next {
        Some(next) => format!("{}?next={}", Route::SignIn.to_path(), query_value(next)),
        None => Route::SignIn.to_path(),
    };
    let on_sign_in = {
        let navigator = navigator.clone();
        Callback::from(move |e: MouseEvent| {
            if !super::left_nav::is_plain_click(&e) {
                return;
            }
            e.prevent_default();
            if let Some(navigator) = &navigator {
                match &next {
                    Some(next) => {
                        let _ = navigator.push_with_query(&Route::SignIn, &[("next", next)]);
                    }
                    None => navigator.push(&Route::SignIn),
                }
            }
        })
    };

    let on_language = {
        let t = t.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            if let Some(lang) = Lang::from_tag(&select.value()) {
                t.set(lang);
            }
        })
    };
    let on_sign_out = {
        let (session, t) = (session.clone(), t.clone());
        Callback::from(move |_: MouseEvent| {
            let (session, toasts, navigator, t) = (
                session.clone(),
                toasts.clone(),
                navigator.clone(),
                t.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match session.sign_out().await {
                    Ok(()) => {
                        toasts.push(ToastKind::Info, t.signed_out_notice().to_string());
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Welcome);
                        }
                    }
                    Err(error) => toasts.push(ToastKind::Error, error_message(&t, &error)),
                }
            });
        })
    };

    let style = use_style!(
        r#"
        display: flex; flex-wrap: wrap; align-items: center; gap: var(--space-2) var(--space-4);
        padding: var(--space-2) var(--space-4); background: var(--color-brand); color: var(--color-on-brand);
        .product { font-size: var(--text-lg); font-weight: 600; color: inherit; text-decoration: none;
            margin-right: auto; }
        .tools { display: flex; align-items: center; gap: var(--space-3); flex-wrap: wrap; }
        label { font-size: var(--text-sm); }
        select { margin-left: var(--space-1); }
        .badge { background: var(--color-warning-bg); color: var(--color-warning-text); border-radius: 999px;
            padding: 0 var(--space-2); font-size: var(--text-sm); font-weight: 600; border: 0; }
        "#
    );
    html! {
        <header class={classes!("top-bar", style)}>
            <Link<Route> to={Route::Home} classes="product">{ t.app_name().to_string() }</Link<Route>>
            <div class="tools">
                if demo {
                    <span class="badge" title={t.demo_badge_explained().to_string()}>{ t.demo_badge().to_string() }</span>
                }
                <label>
                    { t.language_label().to_string() }
                    <select id="language" onchange={on_language}>
                        { for Lang::ALL.iter().map(|lang| html! {
                            <option value={lang.tag()} lang={lang.tag()} selected={*lang == t.lang}>
                                { lang.native_name() }
                            </option>
                        }) }
                    </select>
                </label>
                if let Some(me) = session.me() {
                    <span class="visually-hidden">{ t.signed_in_as(me.user.display_name()).to_string() }</span>
                    <SettingsMenu />
                    <button type="button" class="link-button on-brand" onclick={on_sign_out}>{ t.sign_out().to_string() }</button>
                } else if !matches!(route, Some(Route::SignIn | Route::AdminSignIn)) {
                    <a href={sign_in_href} class="link-button on-brand" onclick={on_sign_in}>{ t.sign_in().to_string() }</a>
                }
            </div>
        </header>
    }
}

/// `value` encoded for a query string, by the browser (or on the server, where there is none,
/// by `urlencoding`).
fn query_value(value: &str) -> String {
    #[cfg(not(feature = "ssr"))]
    return js_sys::encode_uri_component(value).into();
    #[cfg(feature = "ssr")]
    return urlencoding::encode(value).into_owned();
}
