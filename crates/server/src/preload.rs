//! A page of the app names, in its document's answer (`Link: rel=preload`), the API answers its
//! start-up waits for: who is signed in, and on the user list its first rows. The browser asks
//! for them as the document arrives, beside the app's files, instead of once index.html's script
//! has read `config.json` (`xtask/src/spa.rs`), then the session: two round trips later. The
//! script's requests and the app's take the preloaded answers (same URL, same credentials).
//! Measured behind HTTP/2 with 100 ms of latency: a cold deep link to the list shows its rows in
//! 0.72–0.78× the time (README.md).

use std::sync::Arc;

use axum::{
    extract::{FromRequestParts, Request, State},
    http::{header, HeaderValue, Method, StatusCode},
    middleware::Next,
    response::Response,
};
use partner_domain::UserQuery;
use percent_encoding::{utf8_percent_encode, NON_ALPHANUMERIC};

use crate::{auth::SignedIn, first_page::Index, routes::API, AppState};

/// What the app's pages are answered with: the server's state, and `index.html` to render the
/// user list into (none when `dist/` has no app, as in the server's tests).
#[derive(Clone)]
pub struct Pages {
    pub state: AppState,
    pub index: Option<Arc<Index>>,
}

/// The user list's address in the app (`src/route.rs`); e2e checks that its first rows come
/// preloaded.
const USER_LIST: &str = "/settings/users";

/// A `Link` header on each page of the app this server answers (its `index.html`), and for a
/// navigation to the user list, its first page rendered (`first_page.rs`).
pub async fn links(State(pages): State<Pages>, request: Request, next: Next) -> Response {
    let state = &pages.state;
    if request.method() != Method::GET {
        return next.run(request).await;
    }
    let navigation = request
        .headers()
        .get("sec-fetch-dest")
        .is_some_and(|dest| dest == "document");
    let (mut parts, body) = request.into_parts();
    // The first rows only for someone signed in: the script asks for them once the session has
    // answered, and a preload nobody takes is a warning in the console.
    let signed_in = if parts.uri.path() == USER_LIST {
        SignedIn::from_request_parts(&mut parts, state).await.ok()
    } else {
        None
    };
    let rows = signed_in.is_some();
    if let (true, Some(SignedIn(me)), Some(index)) = (navigation, signed_in, &pages.index) {
        if let Some(page) = crate::first_page::users(state, index, &parts, me).await {
            return with_links(page, rows);
        }
    }
    let response = next.run(Request::from_parts(parts, body)).await;
    if is_page(&response, navigation) {
        with_links(response, rows)
    } else {
        response
    }
}

/// The app's page (`index.html`, for `/` or a deep link), or a browser's revalidation of it: a
/// 304 updates the headers the browser kept with the page by those it carries, so it names what
/// this visit needs (someone may have signed in or out since).
fn is_page(response: &Response, navigation: bool) -> bool {
    match response.status() {
        StatusCode::OK => crate::caching::is_html(response),
        StatusCode::NOT_MODIFIED => navigation,
        _ => false,
    }
}

fn with_links(mut response: Response, rows: bool) -> Response {
    let mut urls = vec![format!("{API}/session")];
    if rows {
        let query = UserQuery::first_page()
            .query_string(|q| utf8_percent_encode(q, NON_ALPHANUMERIC).to_string());
        urls.push(format!("{API}/users?{query}"));
    }
    let links = urls
        .iter()
        .map(|url| format!("<{url}>; rel=preload; as=fetch; crossorigin"))
        .collect::<Vec<_>>()
        .join(", ");
    response.headers_mut().insert(
        header::LINK,
        HeaderValue::from_str(&links).expect("the links are ASCII"),
    );
    response
}
