//! The real REST API over gloo-net (fetch). Cookies carry the session; the custom header is
//! the CSRF proof docs/API.md asks of every non-GET request.

use gloo_net::http::{Method, RequestBuilder, Response};
use partner_domain::{
    supporting::SupportingDocument, AcceptAgreement, AcceptInvitation, ActivityPage, ActivityQuery,
    Agreement, AgreementAcceptance, AgreementKind, CheckInvitation, Credentials, EmailVerified,
    Health, ImportUsers, ImportedUsers, Invitation, InvitationAccepted, Lang, Me, NewTenant,
    NewUser, OutboxEmail, Partner, PasswordChange, PendingInvitation, ProfileRequest,
    TemporaryPassword, TenantCreated, User, UserCreated, UserList, UserPatch, UserQuery,
    VerifyEmail, Vetting,
};
use serde::{de::DeserializeOwned, Serialize};

use super::{ahead, ApiError, ApiFuture, ApiResult, Backend, Document};
use crate::config::BackendKind;

const TIMEOUT_S: u32 = 15;
/// A 5 MB document on a slow uplink (1 Mbit/s) takes most of a minute.
const UPLOAD_TIMEOUT_S: u32 = 120;

pub struct HttpBackend {
    base: String,
}

/// What a request carries.
enum Body {
    Json(serde_json::Value),
    /// A file, as it is.
    Bytes(Vec<u8>),
}

fn json(value: impl Serialize) -> Option<Body> {
    Some(Body::Json(
        serde_json::to_value(value).expect("API types always serialize"),
    ))
}

/// Query-string escaping for a path segment or parameter value.
fn escape(value: &str) -> String {
    String::from(js_sys::encode_uri_component(value))
}

/// `path?since=…&…` with the filters and cursor that are set. Written here, not with
/// serde_urlencoded: its error texts would join the first wasm's data (+376 B gzip, over budget).
fn activity_path(path: &str, query: &ActivityQuery) -> String {
    let before = query.before.map(|b| b.to_string());
    let limit = query.limit.map(|l| l.to_string());
    let params = [
        ("since", query.since.as_deref()),
        ("until", query.until.as_deref()),
        ("resource", query.resource.map(|r| r.as_str())),
        ("user", query.user.as_deref()),
        ("before", before.as_deref()),
        ("limit", limit.as_deref()),
    ];
    let pairs: Vec<String> = params
        .iter()
        .filter_map(|(name, value)| Some(format!("{name}={}", escape((*value)?))))
        .collect();
    if pairs.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", pairs.join("&"))
    }
}

impl HttpBackend {
    pub fn new(api_base: &str) -> Self {
        Self {
            base: api_base.trim_end_matches('/').to_owned(),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("{}{}", self.base, path)
    }

    /// A file: its bytes, type and name (from `Content-Disposition`, else `fallback_name`).
    fn download(&self, path: &str, fallback_name: String) -> ApiFuture<Document> {
        let sent = send(Method::GET, &self.url(path), None, TIMEOUT_S);
        Box::pin(async move {
            let response = sent.await?;
            let headers = response.headers();
            let mime = headers
                .get("content-type")
                .unwrap_or_else(|| "application/octet-stream".into());
            let filename = filename_of(headers.get("content-disposition")).unwrap_or(fallback_name);
            let bytes = response
                .binary()
                .await
                .map_err(|e| ApiError::Network(e.to_string()))?;
            Ok(Document {
                filename,
                mime,
                bytes,
            })
        })
    }

    fn request<T: DeserializeOwned + 'static>(
        &self,
        method: Method,
        path: &str,
        body: Option<Body>,
    ) -> ApiFuture<T> {
        let timeout_s = match body {
            Some(Body::Bytes(_)) => UPLOAD_TIMEOUT_S,
            _ => TIMEOUT_S,
        };
        let sent = send(method, &self.url(path), body, timeout_s);
        Box::pin(async move {
            let response = sent.await?;
            let text = response
                .text()
                .await
                .map_err(|e| ApiError::Network(e.to_string()))?;
            // 204 and other empty answers read as JSON `null` (for `()`).
            let text = if text.is_empty() {
                "null"
            } else {
                text.as_str()
            };
            serde_json::from_str(text).map_err(|e| ApiError::Decode(e.to_string()))
        })
    }
}

/// Sends one request now, not once its answer is awaited (the app asks who is signed in before
/// the rest of the wasm has arrived, and reads the answer after), or takes the answer asked for
/// ahead of it; any non-2xx becomes an `ApiError`.
fn send(
    method: Method,
    url: &str,
    body: Option<Body>,
    timeout_s: u32,
) -> impl std::future::Future<Output = ApiResult<Response>> + 'static {
    let asked = if method == Method::GET {
        ahead::take(url)
    } else {
        ahead::forget();
        None
    };
    // Listened to at once: a failure before anyone awaits it is not an unhandled rejection.
    let sent = match asked {
        Some(answer) => Ok(answer),
        None => fetch(method, url, body, timeout_s),
    }
    .map(wasm_bindgen_futures::JsFuture::from);
    async move {
        let response = sent?.await.map_err(|e| {
            if failure_name(&e) == "TimeoutError" {
                ApiError::Timeout(timeout_s)
            } else {
                ApiError::Network(failure(&e))
            }
        })?;
        let response = Response::from(web_sys::Response::from(response));
        if response.ok() {
            Ok(response)
        } else {
            let text = response.text().await.unwrap_or_default();
            Err(ApiError::from_response(response.status(), &text))
        }
    }
}

/// The error's name (`TypeError`, `TimeoutError`), if it is an `Error`.
fn failure_name(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<js_sys::Error>()
        .map(|error| String::from(error.name()))
        .unwrap_or_default()
}

/// Why fetch failed, as the browser says it ("TypeError: Failed to fetch").
pub(crate) fn failure(error: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match error.dyn_ref::<js_sys::Error>() {
        Some(error) => format!("{}: {}", error.name(), error.message()),
        None => format!("{error:?}"),
    }
}

/// The browser's fetch, started, and aborted with a `TimeoutError` after `timeout_s`.
fn fetch(
    method: Method,
    url: &str,
    body: Option<Body>,
    timeout_s: u32,
) -> ApiResult<js_sys::Promise> {
    let builder = RequestBuilder::new(url)
        .method(method)
        .credentials(web_sys::RequestCredentials::SameOrigin)
        .header("Accept", "application/json")
        .header("X-Requested-With", "partner-center")
        .abort_signal(Some(&web_sys::AbortSignal::timeout_with_u32(
            timeout_s * 1000,
        )));
    let request = match body {
        Some(Body::Json(body)) => builder.json(&body),
        Some(Body::Bytes(bytes)) => builder
            .header("Content-Type", "application/octet-stream")
            .body(js_sys::Uint8Array::from(&bytes[..])),
        None => builder.build(),
    }
    .map_err(|e| ApiError::Decode(e.to_string()))?;
    Ok(gloo_utils::window().fetch_with_request(&web_sys::Request::from(request)))
}

/// `attachment; filename="x.pdf"` → `x.pdf`; RFC 8187's `filename*=UTF-8''…` when given, which
/// names a file in any script.
fn filename_of(disposition: Option<String>) -> Option<String> {
    let disposition = disposition?;
    let encoded = disposition
        .split_once("filename*=UTF-8''")
        .map(|(_, name)| name);
    if let Some(name) = encoded.and_then(|name| js_sys::decode_uri_component(name).ok()) {
        return Some(name.into());
    }
    let start = disposition.find("filename=\"")? + "filename=\"".len();
    let end = disposition[start..].find('"')? + start;
    Some(disposition[start..end].to_owned())
}

impl Backend for HttpBackend {
    fn kind(&self) -> BackendKind {
        BackendKind::Http
    }

    fn health(&self) -> ApiFuture<Health> {
        self.request(Method::GET, "/health", None)
    }

    fn create_tenant(&self, body: NewTenant) -> ApiFuture<TenantCreated> {
        self.request(Method::POST, "/tenants", json(body))
    }

    fn sign_in(&self, credentials: Credentials) -> ApiFuture<Me> {
        self.request(Method::POST, "/session", json(credentials))
    }

    fn session(&self) -> ApiFuture<Me> {
        self.request(Method::GET, "/session", None)
    }

    fn change_password(&self, body: PasswordChange) -> ApiFuture<()> {
        self.request(Method::POST, "/session/password", json(body))
    }

    fn sign_out(&self) -> ApiFuture<()> {
        self.request(Method::DELETE, "/session", None)
    }

    fn partner(&self) -> ApiFuture<Partner> {
        self.request(Method::GET, "/partner", None)
    }

    fn put_profile(&self, body: ProfileRequest) -> ApiFuture<Partner> {
        self.request(Method::PUT, "/partner/profile", json(body))
    }

    fn resend_contact_verification(&self) -> ApiFuture<()> {
        self.request(Method::POST, "/partner/contact-verification", None)
    }

    fn verify_email(&self, token: String) -> ApiFuture<EmailVerified> {
        self.request(Method::POST, "/verify-email", json(VerifyEmail { token }))
    }

    fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> ApiFuture<Agreement> {
        self.request(
            Method::GET,
            &format!(
                "/agreements/current?kind={}&lang={}",
                kind.as_str(),
                lang.tag()
            ),
            None,
        )
    }

    fn accept_agreement(
        &self,
        body: AcceptAgreement,
        lang: Lang,
    ) -> ApiFuture<AgreementAcceptance> {
        self.request(
            Method::POST,
            &format!("/partner/agreements?lang={}", lang.tag()),
            json(body),
        )
    }

    fn agreement_document(&self, id: String) -> ApiFuture<Document> {
        let path = format!("/partner/agreements/{}/document", escape(&id));
        self.download(&path, format!("{id}.pdf"))
    }

    fn upload_document(&self, name: String, bytes: Vec<u8>) -> ApiFuture<SupportingDocument> {
        let path = format!("/partner/documents?name={}", escape(&name));
        self.request(Method::POST, &path, Some(Body::Bytes(bytes)))
    }

    fn supporting_document(&self, id: String, name: String) -> ApiFuture<Document> {
        self.download(&format!("/partner/documents/{}", escape(&id)), name)
    }

    fn delete_document(&self, id: String) -> ApiFuture<()> {
        let path = format!("/partner/documents/{}", escape(&id));
        self.request(Method::DELETE, &path, None)
    }

    fn submit_documents(&self) -> ApiFuture<Partner> {
        self.request(Method::POST, "/partner/documents/submit", None)
    }

    fn users(&self, query: UserQuery) -> ApiFuture<UserList> {
        let path = format!("/users?{}", query.query_string(escape));
        self.request(Method::GET, &path, None)
    }

    fn activity(&self, query: ActivityQuery) -> ApiFuture<ActivityPage> {
        self.request(Method::GET, &activity_path("/activity", &query), None)
    }

    fn export_activity(&self, query: ActivityQuery) -> ApiFuture<Document> {
        let path = activity_path("/activity/export", &query);
        self.download(&path, partner_domain::activity::EXPORT_FILENAME.into())
    }

    fn create_user(&self, body: NewUser) -> ApiFuture<UserCreated> {
        self.request(Method::POST, "/users", json(body))
    }

    fn import_users(&self, body: ImportUsers) -> ApiFuture<ImportedUsers> {
        self.request(Method::POST, "/users/import", json(body))
    }

    fn user(&self, id: String) -> ApiFuture<User> {
        self.request(Method::GET, &format!("/users/{}", escape(&id)), None)
    }

    fn update_user(&self, id: String, patch: UserPatch) -> ApiFuture<User> {
        self.request(
            Method::PATCH,
            &format!("/users/{}", escape(&id)),
            json(patch),
        )
    }

    fn delete_user(&self, id: String) -> ApiFuture<()> {
        self.request(Method::DELETE, &format!("/users/{}", escape(&id)), None)
    }

    fn reset_password(&self, id: String) -> ApiFuture<TemporaryPassword> {
        self.request(
            Method::POST,
            &format!("/users/{}/password-reset", escape(&id)),
            None,
        )
    }

    fn resend_invitation(&self, id: String) -> ApiFuture<Invitation> {
        let path = format!("/users/{}/invitation", escape(&id));
        self.request(Method::POST, &path, None)
    }

    fn check_invitation(&self, body: CheckInvitation) -> ApiFuture<PendingInvitation> {
        self.request(Method::POST, "/set-password/check", json(body))
    }

    fn accept_invitation(&self, body: AcceptInvitation) -> ApiFuture<InvitationAccepted> {
        self.request(Method::POST, "/set-password", json(body))
    }

    fn dev_outbox(&self) -> ApiFuture<Vec<OutboxEmail>> {
        self.request(Method::GET, "/dev/outbox", None)
    }

    fn dev_vetting(&self, partner_id: String, vetting: Vetting) -> ApiFuture<Partner> {
        self.request(
            Method::POST,
            &format!("/dev/vetting/{}", escape(&partner_id)),
            json(vetting),
        )
    }

    fn dev_seed(&self, users: u32) -> ApiFuture<()> {
        let request: ApiFuture<serde_json::Value> = self.request(
            Method::POST,
            "/dev/seed",
            json(partner_domain::SeedRequest { users, activity: 0 }),
        );
        Box::pin(async move { request.await.map(|_| ()) })
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reads_the_attachment_name() {
        let header = Some("attachment; filename=\"mpn-agreement-2026-09-1234567.pdf\"".to_owned());
        assert_eq!(
            super::filename_of(header).as_deref(),
            Some("mpn-agreement-2026-09-1234567.pdf")
        );
        assert_eq!(super::filename_of(Some("inline".into())), None);
    }
}
