//! `partner_contract::Api` over HTTP: the contract suite's calls as a browser makes them.

use partner_contract::{Answer, Api, Download, Refusal};
use partner_domain::{
    supporting::SupportingDocument, ActivityPage, ActivityQuery, Agreement, AgreementAcceptance,
    AgreementKind, EmailVerified, ImportedUsers, Invitation, InvitationAccepted, Lang, Me,
    NewTenant, NewUser, OutboxEmail, Partner, PendingInvitation, ProfileRequest, TemporaryPassword,
    TenantCreated, User, UserCreated, UserList, UserPatch, UserQuery, Vetting,
};
use reqwest::Method;
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::Client;

fn escape(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

impl Client {
    /// A file, named by its `Content-Disposition`.
    async fn download(&self, path: &str) -> Answer<Download> {
        let answer = self.get(path).await;
        if !answer.status.is_success() {
            return Err(Refusal {
                status: answer.status.as_u16(),
                body: answer.json(),
            });
        }
        let header = |name: &str| answer.headers[name].to_str().unwrap().to_owned();
        let disposition = header("content-disposition");
        let encoded = disposition
            .split_once("filename*=UTF-8''")
            .map(|(_, name)| {
                percent_encoding::percent_decode_str(name)
                    .decode_utf8()
                    .unwrap()
            });
        let plain = || {
            disposition
                .strip_prefix("attachment; filename=\"")
                .and_then(|rest| rest.strip_suffix('"'))
                .unwrap_or_else(|| panic!("{disposition}"))
                .to_owned()
        };
        Ok(Download {
            filename: encoded.map_or_else(plain, |name| name.into_owned()),
            mime: header("content-type"),
            bytes: answer.bytes,
        })
    }

    async fn answer<T: DeserializeOwned>(
        &self,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Answer<T> {
        let answer = self.raw(method, path, body).await;
        if !answer.status.is_success() {
            return Err(Refusal {
                status: answer.status.as_u16(),
                body: answer.json(),
            });
        }
        let bytes = if answer.bytes.is_empty() {
            b"null".to_vec()
        } else {
            answer.bytes
        };
        Ok(serde_json::from_slice(&bytes).unwrap())
    }
}

fn body(value: impl serde::Serialize) -> Option<Value> {
    Some(serde_json::to_value(value).unwrap())
}

impl Api for Client {
    async fn create_tenant(&self, tenant: &NewTenant) -> Answer<TenantCreated> {
        self.answer(Method::POST, "/api/tenants", body(tenant))
            .await
    }

    async fn sign_in(&self, email: &str, password: &str) -> Answer<Me> {
        let credentials = json!({ "email": email, "password": password });
        self.answer(Method::POST, "/api/session", Some(credentials))
            .await
    }

    async fn session(&self) -> Answer<Me> {
        self.answer(Method::GET, "/api/session", None).await
    }

    async fn change_password(&self, current: &str, new: &str) -> Answer<()> {
        let change = json!({ "current_password": current, "new_password": new });
        self.answer(Method::POST, "/api/session/password", Some(change))
            .await
    }

    async fn sign_out(&self) -> Answer<()> {
        self.answer(Method::DELETE, "/api/session", None).await
    }

    async fn partner(&self) -> Answer<Partner> {
        self.answer(Method::GET, "/api/partner", None).await
    }

    async fn put_profile(&self, profile: &ProfileRequest) -> Answer<Partner> {
        self.answer(Method::PUT, "/api/partner/profile", body(profile))
            .await
    }

    async fn resend_contact_verification(&self) -> Answer<()> {
        self.answer(Method::POST, "/api/partner/contact-verification", None)
            .await
    }

    async fn verify_email(&self, token: &str) -> Answer<EmailVerified> {
        self.answer(
            Method::POST,
            "/api/verify-email",
            Some(json!({ "token": token })),
        )
        .await
    }

    async fn current_agreement(&self, kind: AgreementKind, lang: Lang) -> Answer<Agreement> {
        let path = format!(
            "/api/agreements/current?kind={}&lang={}",
            kind.as_str(),
            lang.tag()
        );
        self.answer(Method::GET, &path, None).await
    }

    async fn accept_agreement(
        &self,
        kind: AgreementKind,
        version: &str,
        lang: Lang,
    ) -> Answer<AgreementAcceptance> {
        let path = format!("/api/partner/agreements?lang={}", lang.tag());
        self.answer(
            Method::POST,
            &path,
            Some(json!({ "kind": kind, "version": version })),
        )
        .await
    }

    async fn agreement_document(&self, id: &str) -> Answer<Download> {
        self.download(&format!("/api/partner/agreements/{}/document", escape(id)))
            .await
    }

    async fn resend_invitation(&self, id: &str) -> Answer<Invitation> {
        let path = format!("/api/users/{}/invitation", escape(id));
        self.answer(Method::POST, &path, None).await
    }

    async fn check_invitation(&self, token: &str) -> Answer<PendingInvitation> {
        let body = json!({ "token": token });
        self.answer(Method::POST, "/api/set-password/check", Some(body))
            .await
    }

    async fn accept_invitation(&self, token: &str, password: &str) -> Answer<InvitationAccepted> {
        let body = json!({ "token": token, "password": password });
        self.answer(Method::POST, "/api/set-password", Some(body))
            .await
    }

    async fn upload_document(&self, name: &str, bytes: &[u8]) -> Answer<SupportingDocument> {
        let path = format!("/api/partner/documents?name={}", escape(name));
        let answer = self.upload(&path, bytes.to_vec()).await;
        if !answer.status.is_success() {
            return Err(Refusal {
                status: answer.status.as_u16(),
                body: answer.json(),
            });
        }
        Ok(answer.json())
    }

    async fn document(&self, id: &str) -> Answer<Download> {
        self.download(&format!("/api/partner/documents/{}", escape(id)))
            .await
    }

    async fn delete_document(&self, id: &str) -> Answer<()> {
        let path = format!("/api/partner/documents/{}", escape(id));
        self.answer(Method::DELETE, &path, None).await
    }

    async fn submit_documents(&self) -> Answer<Partner> {
        self.answer(Method::POST, "/api/partner/documents/submit", None)
            .await
    }

    async fn users(&self, query: &UserQuery) -> Answer<UserList> {
        let path = format!("/api/users?{}", query.query_string(escape));
        self.answer(Method::GET, &path, None).await
    }

    async fn create_user(&self, user: &NewUser) -> Answer<UserCreated> {
        self.answer(Method::POST, "/api/users", body(user)).await
    }

    async fn import_users(&self, users: &[NewUser]) -> Answer<ImportedUsers> {
        self.answer(
            Method::POST,
            "/api/users/import",
            Some(json!({ "users": users })),
        )
        .await
    }

    async fn user(&self, id: &str) -> Answer<User> {
        self.answer(Method::GET, &format!("/api/users/{}", escape(id)), None)
            .await
    }

    async fn update_user(&self, id: &str, patch: &UserPatch) -> Answer<User> {
        self.answer(
            Method::PATCH,
            &format!("/api/users/{}", escape(id)),
            body(patch),
        )
        .await
    }

    async fn delete_user(&self, id: &str) -> Answer<()> {
        self.answer(Method::DELETE, &format!("/api/users/{}", escape(id)), None)
            .await
    }

    async fn reset_password(&self, id: &str) -> Answer<TemporaryPassword> {
        let path = format!("/api/users/{}/password-reset", escape(id));
        self.answer(Method::POST, &path, None).await
    }

    async fn activity(&self, query: &ActivityQuery) -> Answer<ActivityPage> {
        let query = serde_urlencoded::to_string(query).unwrap();
        self.answer(Method::GET, &format!("/api/activity?{query}"), None)
            .await
    }

    async fn export_activity(&self, query: &ActivityQuery) -> Answer<Download> {
        let query = serde_urlencoded::to_string(query).unwrap();
        self.download(&format!("/api/activity/export?{query}"))
            .await
    }

    async fn outbox(&self) -> Answer<Vec<OutboxEmail>> {
        self.answer(Method::GET, "/api/dev/outbox", None).await
    }

    async fn vetting(&self, partner_id: &str, vetting: Vetting) -> Answer<Partner> {
        let path = format!("/api/dev/vetting/{}", escape(partner_id));
        self.answer(Method::POST, &path, Some(json!(vetting))).await
    }

    async fn seed(&self, users: u32) -> Answer<()> {
        self.answer::<Value>(
            Method::POST,
            "/api/dev/seed",
            Some(json!({ "users": users })),
        )
        .await
        .map(|_| ())
    }
}
