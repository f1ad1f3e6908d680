use yew::prelude::*;

use super::{LeftNav, ToastRegion, TopBar};
use crate::{i18n::use_i18n, state::use_session};

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

/// Top bar, left navigation (when signed in) and the main region every page renders into.
#[function_component]
pub fn Layout(props: &LayoutProps) -> Html {
    let t = use_i18n();
    let signed_in = use_session().me().is_some();
    html! {
        <div class="shell">
            <a class="skip-link" href="#main">{ t.skip_to_content().to_string() }</a>
            <TopBar />
            <div class="shell-body">
                if signed_in { <LeftNav /> }
                <main id="main" class="main" tabindex="-1">{ props.children.clone() }</main>
            </div>
            <ToastRegion />
        </div>
    }
}
