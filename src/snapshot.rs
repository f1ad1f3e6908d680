//! The user list's page rendered on the server (feature `ssr`), from the app's own components:
//! a deep link paints its first rows with the document, before the wasm has arrived; the app
//! replaces it once ready (`app.rs`, `reveal`). `crates/server/src/first_page.rs` serves it.

use std::rc::Rc;

use partner_domain::{Me, UserList};
use stylist::manager::StyleManager;
use yew::prelude::*;
use yew_router::{
    history::{AnyHistory, History, MemoryHistory},
    Router,
};

use crate::{
    api::BackendHandle,
    components::Layout,
    config::{BackendKind, RuntimeConfig},
    i18n::{I18nProvider, Reader},
    pages::{FirstRows, UsersPage},
    state::{PartnerProvider, SessionProvider, SessionState, ToastProvider},
};

#[derive(Properties, PartialEq)]
struct SnapshotProps {
    reader: Reader,
    /// The list's address as asked for, and its query (a search, an order).
    path: AttrValue,
    query: AttrValue,
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
    let history = MemoryHistory::new();
    // A query the app would not read either renders the list unfiltered, as the app does.
    let query: Vec<(String, String)> = serde_urlencoded::from_str(&props.query).unwrap_or_default();
    let _ = history.replace_with_query(props.path.as_str(), query);
    let history: AnyHistory = history.into();
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

/// The list's page at `path` and `query` (a search, an order) for `me`, from `rows`
/// (`UserQuery::first_page()`'s answer, as the app's first render has them), as `reader` would
/// read it, as HTML with its component styles first.
pub async fn users_page(
    reader: Reader,
    (path, query): (String, String),
    me: Me,
    rows: UserList,
) -> String {
    let (style_writer, style_reader) = stylist::manager::render_static();
    let html = yew::ServerRenderer::<UsersSnapshot>::with_props(move || SnapshotProps {
        reader,
        path: path.into(),
        query: query.into(),
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
