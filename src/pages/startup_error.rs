use std::rc::Rc;

use yew::prelude::*;

use crate::{config::ConfigError, i18n::use_i18n};

#[derive(Properties, PartialEq)]
pub struct StartupErrorPageProps {
    pub error: Rc<ConfigError>,
    pub on_retry: Callback<()>,
}

/// Shown instead of the app when `config.json` cannot be fetched or read, or the part of the
/// app the mock backend needs did not arrive.
#[function_component]
pub fn StartupErrorPage(props: &StartupErrorPageProps) -> Html {
    let t = use_i18n();
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <main id="main" class="page narrow startup-error">
            <h1>{ t.config_error_title().to_string() }</h1>
            <div role="alert">
                <p>{ match *props.error {
                    ConfigError::Incomplete { .. } => t.startup_incomplete_body().to_string(),
                    _ => t.config_error_body().to_string(),
                } }</p>
                <p class="muted"><code>{ t.config_error_detail(props.error.to_string()).to_string() }</code></p>
            </div>
            <button type="button" class="button" onclick={on_retry}>{ t.retry().to_string() }</button>
        </main>
    }
}
