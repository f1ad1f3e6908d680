//! The user list's page rendered on the server (feature `ssr`), from the app's own components:
//! a deep link paints its first rows with the document, before the wasm has arrived; the app
//! replaces it once ready (`app.rs`, `reveal`). `crates/server/src/preload.rs` serves it.

use std::rc::Rc;

use partner_domain::{Me, UserList};
use stylist::manager::StyleManager;
use yew::prelude::*;
use yew_router::{
    history::{AnyHistory, MemoryHistory},
    Routable, Router,
};

use crate::{
    api::BackendHandle,
    components::Layout,
    config::{BackendKind, RuntimeConfig},
    i18n::{I18nProvider, Reader},
    pages::{FirstRows, UsersPage},
    route::Route,
    state::{PartnerProvider, SessionProvider, SessionState, ToastProvider},
};

#[derive(Properties, PartialEq)]
struct SnapshotProps {
    reader: Reader,
    me: Rc<Me>,
    rows: FirstRows,
    styles: StyleManager,
}

#[function_component]
fn UsersSnapshot(props: &SnapshotProps) -> Html {
    // Nothing is asked for while rendering here (effects do not run): the backend is only what
    // the components expect to find.
    let config = Rc::new(RuntimeConfig {
        backend: BackendKind::Http,
        api_base: String::new(),
        mock: Default::default(),
    });
    let backend = BackendHandle::from_config(&config);
    let history: AnyHistory = MemoryHistory::with_entries(vec![Route::Users.to_path()]).into();
    html! {
        <stylist::yew::ManagerProvider manager={props.styles.clone()}>
        <ContextProvider<Reader> context={props.reader.clone()}>
        <I18nProvider><ToastProvider>
            <ContextProvider<Rc<RuntimeConfig>> context={config}>
            <ContextProvider<BackendHandle> context={backend}>
                <SessionProvider initial={SessionState::SignedIn(props.me.clone())}>
                    <PartnerProvider>
                        <ContextProvider<FirstRows> context={props.rows.clone()}>
                            <Router history={history}><Layout><UsersPage /></Layout></Router>
                        </ContextProvider<FirstRows>>
                    </PartnerProvider>
                </SessionProvider>
            </ContextProvider<BackendHandle>>
            </ContextProvider<Rc<RuntimeConfig>>>
        </ToastProvider></I18nProvider>
        </ContextProvider<Reader>>
        </stylist::yew::ManagerProvider>
    }
}

/// The list's page for `me`, showing `rows` as `reader` would read them, as HTML with its
/// component styles first.
pub async fn users_page(reader: Reader, me: Me, rows: UserList) -> String {
    let (style_writer, style_reader) = stylist::manager::render_static();
    let html = yew::ServerRenderer::<UsersSnapshot>::with_props(move || SnapshotProps {
        reader,
        me: Rc::new(me),
        rows: FirstRows::new(Some(rows)),
        styles: StyleManager::builder()
            .writer(style_writer)
            .build()
            .expect("only a manager mounting styles in a browser's document can fail"),
    })
    .hydratable(false)
    .render()
    .await;
    let mut page = String::new();
    let _ = style_reader
        .read_style_data()
        .write_static_markup(&mut page);
    page.push_str(&without_prepared_state(&html));
    page
}

/// `html` without the state Yew writes for components to hydrate with (stylist's): the app
/// renders its own page rather than hydrating this one, and it was a third of the page.
fn without_prepared_state(html: &str) -> String {
    const START: &str = "<script type=\"application/x-yew-comp-state\">";
    let mut kept = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find(START) {
        kept.push_str(&rest[..start]);
        rest = rest[start..]
            .find("</script>")
            .map_or("", |end| &rest[start + end + "</script>".len()..]);
    }
    kept.push_str(rest);
    kept
}
