//! A cold navigation to the user list, by someone allowed to read it, is answered with the
//! list's first page already rendered, by the app's own components (`partner_center::snapshot`):
//! the browser paints the rows with the document, before the app's wasm has arrived, as fast as
//! a page without a framework. The copy is `inert` (nothing typed into it could be kept) and the
//! app replaces it in the task that renders its own first page (`src/app.rs`, `reveal`).
//! It is written in the language and time zone the browser told in its cookies (`Lang::COOKIE`,
//! `TIME_ZONE_COOKIE`, which the app writes when it shows the list or a language is chosen);
//! without them, the page is served as it is and the app renders the list when it starts.

use std::path::Path;

use axum::{
    http::{header, request::Parts, HeaderMap, HeaderValue},
    response::{Html, IntoResponse, Response},
};
use partner_center::i18n::Reader;
use partner_domain::{service, Lang, Me, UserQuery, TIME_ZONE_COOKIE};

use crate::AppState;

/// index.html around its app root: the copy goes before the root, which stays hidden until the
/// app reveals it.
pub struct Index {
    before_root: String,
    root_and_after: String,
}

impl Index {
    /// `dist/index.html` as built, if it has the app's root (`<div id=app>`).
    pub fn read(dist: &Path) -> Option<Self> {
        let index = std::fs::read_to_string(dist.join("index.html")).ok()?;
        let root = ["<div id=app>", "<div id=\"app\">"]
            .iter()
            .find_map(|tag| index.find(tag).map(|at| (at, tag.len())))?;
        Some(Self {
            before_root: index[..root.0].to_owned(),
            root_and_after: format!("<div id=app hidden>{}", &index[root.0 + root.1..]),
        })
    }

    fn with_copy(&self, lang: Lang, copy: &str) -> String {
        format!(
            "{}<div id=snapshot inert lang={}>{copy}</div>{}",
            self.before_root,
            lang.tag(),
            self.root_and_after
        )
    }
}

/// The user list's page rendered for `me` (signed in, asking for `parts`), when `GET /api/users`
/// would answer them its first rows and their browser has said how it writes days.
pub async fn users(state: &AppState, index: &Index, parts: &Parts, me: Me) -> Option<Response> {
    let reader = reader(&parts.headers)?;
    let lang = reader.lang();
    // What `auth::Caller` asks of a session, on the one `preload::links` has read.
    let me = service::may_operate(me).ok()?;
    let rows = {
        let mut store = state.read().await.ok()?;
        service::list_users(&mut store, &me, &UserQuery::first_page())
            .await
            .ok()?
    };
    let address = (
        parts.uri.path().to_owned(),
        parts.uri.query().unwrap_or_default().to_owned(),
    );
    // A render that fails (a browser-only call on some path) costs the copy, not the page.
    let render = partner_center::snapshot::users_page(reader, address, me, rows);
    let copy = match tokio::spawn(render).await {
        Ok(copy) => copy,
        Err(error) => {
            tracing::error!(%error, "the user list's page could not be rendered");
            return None;
        }
    };
    let mut response = Html(index.with_copy(lang, &copy)).into_response();
    // Someone's users: kept by nobody, and never answered from a cache to someone else.
    response
        .headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    Some(response)
}

/// The reader the browser's cookies describe: a language (French unless it says another) and a
/// time zone it must name.
fn reader(headers: &HeaderMap) -> Option<Reader> {
    let lang = cookie(headers, Lang::COOKIE)
        .and_then(Lang::from_tag)
        .unwrap_or(Lang::Fr);
    Reader::new(lang, cookie(headers, TIME_ZONE_COOKIE)?)
}

fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    crate::auth::cookies(headers)
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_copy_goes_before_the_app_root_which_waits_hidden_however_the_build_quotes_it() {
        for root in ["<div id=app>", "<div id=\"app\">"] {
            let dist = tempfile::tempdir().unwrap();
            let page = format!("<!doctype html><body>{root}<p>Loading</p></div></body>");
            std::fs::write(dist.path().join("index.html"), page).unwrap();
            let index = Index::read(dist.path()).expect("the root is found");
            assert_eq!(
                index.with_copy(Lang::En, "<p>rows</p>"),
                "<!doctype html><body><div id=snapshot inert lang=en-US><p>rows</p></div>\
                 <div id=app hidden><p>Loading</p></div></body>"
            );
        }
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(dist.path().join("index.html"), "<body><main></main></body>").unwrap();
        assert!(Index::read(dist.path()).is_none(), "no root, no copy");
    }
}
