use partner_center::{config::CONFIG_URL, App, AppProps};

fn main() {
    let document = gloo_utils::document();
    // index.html shows a static "loading" text until the app takes over its root.
    let root = document
        .get_element_by_id("app")
        .unwrap_or_else(|| document.body().unwrap().into());
    root.set_inner_html("");
    yew::Renderer::<App>::with_root_and_props(
        root,
        AppProps {
            config_url: CONFIG_URL.into(),
        },
    )
    .render();
    partner_center::deferred::prefetch_rest();
}
