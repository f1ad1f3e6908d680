//! The root: providers (i18n, toasts, runtime config + backend, session), then the router.

use std::rc::Rc;

use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::BackendHandle,
    components::{Layout, Loading},
    config::{ConfigError, RuntimeConfig},
    i18n::I18nProvider,
    pages::StartupError,
    route::{switch, Route},
    state::{PartnerProvider, SessionProvider, ToastProvider},
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

#[derive(Clone, PartialEq)]
enum Startup {
    Loading,
    Ready(Rc<RuntimeConfig>, BackendHandle),
    Failed(Rc<ConfigError>),
}

#[derive(Properties, PartialEq)]
struct ConfigGateProps {
    url: AttrValue,
}

/// Nothing talks to a backend before the config says which one: until then, a loading
/// screen; if it cannot be read, a screen that says so (never a blank page).
#[function_component]
fn ConfigGate(props: &ConfigGateProps) -> Html {
    let startup = use_state(|| Startup::Loading);
    let attempt = use_state(|| 0u32);
    {
        let startup = startup.clone();
        use_effect_with((props.url.clone(), *attempt), move |(url, _)| {
            let url = url.clone();
            wasm_bindgen_futures::spawn_local(async move {
                startup.set(match RuntimeConfig::fetch(&url).await {
                    Ok(config) => {
                        let backend = BackendHandle::from_config(&config);
                        Startup::Ready(Rc::new(config), backend)
                    }
                    Err(error) => Startup::Failed(Rc::new(error)),
                });
            });
        });
    }
    let on_retry = {
        let (startup, attempt) = (startup.clone(), attempt.clone());
        Callback::from(move |_| {
            startup.set(Startup::Loading);
            attempt.set(*attempt + 1);
        })
    };
    match &*startup {
        Startup::Loading => html! { <Loading /> },
        Startup::Failed(error) => html! { <StartupError error={error.clone()} {on_retry} /> },
        Startup::Ready(config, backend) => html! {
            <ContextProvider<Rc<RuntimeConfig>> context={config.clone()}>
                <ContextProvider<BackendHandle> context={backend.clone()}>
                    <SessionProvider>
                        <PartnerProvider>
                            <BrowserRouter>
                                <Layout>
                                    <Switch<Route> render={switch} />
                                </Layout>
                            </BrowserRouter>
                        </PartnerProvider>
                    </SessionProvider>
                </ContextProvider<BackendHandle>>
            </ContextProvider<Rc<RuntimeConfig>>>
        },
    }
}
