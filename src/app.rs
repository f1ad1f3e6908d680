//! The root: providers (i18n, toasts, runtime config + backend, session), then the router. The
//! config, the backend and who is signed in are known before the first page renders.

use std::rc::Rc;

use partner_domain::UserQuery;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_load, BackendHandle},
    components::{Layout, Loading},
    config::{BackendKind, ConfigError, RuntimeConfig},
    i18n::I18nProvider,
    pages::{FirstRows, StartupErrorPage},
    route::{switch, Route},
    state::{state_of, PartnerProvider, SessionProvider, SessionState, ToastProvider},
};

#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// Where the runtime config lives; tests point it elsewhere (a `data:` URL).
    #[prop_or(AttrValue::Static(crate::config::CONFIG_URL))]
    pub config_url: AttrValue,
}

#[function_component]
pub fn App(props: &AppProps) -> Html {
    html! {
        <I18nProvider>
            <ToastProvider>
                <ConfigGate url={props.config_url.clone()} />
            </ToastProvider>
        </I18nProvider>
    }
}

/// The page the app was opened on.
fn first_route() -> Option<Route> {
    Route::recognize(&gloo_utils::window().location().pathname().ok()?)
}

#[derive(Properties, PartialEq)]
struct ConfigGateProps {
    url: AttrValue,
}

/// Nothing talks to a backend before the config says which one: until then, a loading
/// screen; if it cannot be read, a screen that says so (never a blank page).
#[function_component]
fn ConfigGate(props: &ConfigGateProps) -> Html {
    let startup = use_load(props.url.clone(), async |url| {
        let ready = start(url).await;
        reveal();
        ready
    });
    match startup.state() {
        None => html! { <Loading /> },
        Some(Err(error)) => {
            html! { <StartupErrorPage error={error.clone()} on_retry={startup.retry()} /> }
        }
        Some(Ok(ready)) => {
            let (config, backend, session, first_rows) = &**ready;
            html! {
            <ContextProvider<Rc<RuntimeConfig>> context={config.clone()}>
                <ContextProvider<BackendHandle> context={backend.clone()}>
                    <SessionProvider initial={session.clone()}>
                        <PartnerProvider>
                            <ContextProvider<FirstRows> context={first_rows.clone()}>
                                <BrowserRouter>
                                    <Layout>
                                        <Switch<Route> render={switch} />
                                    </Layout>
                                </BrowserRouter>
                            </ContextProvider<FirstRows>>
                        </PartnerProvider>
                    </SessionProvider>
                </ContextProvider<BackendHandle>>
            </ContextProvider<Rc<RuntimeConfig>>>
            }
        }
    }
}

/// What the app's pages start with: the config, its backend, who is signed in, and on a deep
/// link to the user list its first rows.
type Ready = (Rc<RuntimeConfig>, BackendHandle, SessionState, FirstRows);

async fn start(url: AttrValue) -> Result<Ready, Rc<ConfigError>> {
    let config = RuntimeConfig::fetch(&url).await.map_err(Rc::new)?;
    // Who is signed in, asked before the first page renders: a page that needs a user then
    // renders once, with them, instead of a loading pass first. The real API is asked at
    // once, so that on a deep link the answer comes while the rest of the app downloads (it
    // is read once the rest is here); the mock is part of the rest, so it is made after.
    let ask = |config: &RuntimeConfig| {
        let backend = BackendHandle::from_config(config);
        let session = backend.session();
        (backend, session)
    };
    let asked = (config.backend == BackendKind::Http).then(|| ask(&config));
    let deep_link = !crate::deferred::start_up_path();
    if config.backend == BackendKind::Mock || deep_link {
        crate::deferred::rest_arrived()
            .await
            .map_err(|cause| Rc::new(ConfigError::Incomplete { cause }))?;
    }
    let (backend, session) = asked.unwrap_or_else(|| ask(&config));
    let session = state_of(session.await);
    // A deep link to the user list: its first rows, which index.html's script asked for
    // (else asked now), are read before the page renders, so that its first render shows
    // them. Only on a deep link is the address read here: the rest has arrived then, and
    // start-up never runs that code. If they do not come, the page asks and says why.
    let first_rows = if deep_link
        && matches!(session, SessionState::SignedIn(_))
        && first_route() == Some(Route::Users)
    {
        backend.0.users(UserQuery::first_page()).await.ok()
    } else {
        None
    };
    Ok((
        Rc::new(config),
        backend,
        session,
        FirstRows::new(first_rows),
    ))
}

/// The user list the server rendered (`#snapshot`, `crates/server/src/first_page.rs`) gives way
/// to the app, in the task that renders the app's first page: no frame shows neither, and the
/// app's root is visible when the page mounts (the list measures its scroller then).
fn reveal() {
    let document = gloo_utils::document();
    if let Some(copy) = document.get_element_by_id("snapshot") {
        copy.remove();
        if let Some(root) = document.get_element_by_id("app") {
            let _ = root.remove_attribute("hidden");
        }
    }
}
