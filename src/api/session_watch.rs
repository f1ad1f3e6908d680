//! A backend that notices when the server stops recognising the session (a 401 on a call made
//! as a signed-in user), so that any page, not only the wizard's guard, can send the user to
//! sign in and back.

use std::rc::Rc;

use partner_domain::{
    supporting::SupportingDocument, AcceptAgreement, AcceptInvitation, ActivityPage, ActivityQuery,
    Agreement, AgreementAcceptance, AgreementKind, CheckInvitation, Credentials, EmailVerified,
    Health, ImportUsers, ImportedUsers, Invitation, InvitationAccepted, Lang, Me, NewTenant,
    NewUser, OutboxEmail, Partner, PasswordChange, PendingInvitation, ProfileRequest,
    TemporaryPassword, TenantCreated, User, UserCreated, UserList, UserPatch, UserQuery, Vetting,
};
use yew::Callback;

use super::{ApiFuture, Backend, Document};
use crate::config::BackendKind;

pub struct SessionWatch {
    inner: Rc<dyn Backend>,
    on_lost: Callback<()>,
}

impl SessionWatch {
    pub fn new(inner: Rc<dyn Backend>, on_lost: Callback<()>) -> Self {
        Self { inner, on_lost }
    }

    fn watch<T: 'static>(&self, call: ApiFuture<T>) -> ApiFuture<T> {
        let on_lost = self.on_lost.clone();
        Box::pin(async move {
            let answer = call.await;
            if answer.as_ref().is_err_and(|e| e.is_unauthenticated()) {
                on_lost.emit(());
            }
            answer
        })
    }
}

/// Calls made as a signed-in user: a 401 there means the session is gone.
macro_rules! watched {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {
        $(fn $name(&self, $($arg: $ty),*) -> ApiFuture<$out> {
            self.watch(self.inner.$name($($arg),*))
        })*
    };
}

/// Calls where a 401 is an ordinary answer (a wrong password, nobody signed in yet).
macro_rules! passed {
    ($($name:ident($($arg:ident: $ty:ty),*) -> $out:ty;)*) => {
        $(fn $name(&self, $($arg: $ty),*) -> ApiFuture<$out> {
            self.inner.$name($($arg),*)
        })*
    };
}

impl Backend for SessionWatch {
    fn kind(&self) -> BackendKind {
        self.inner.kind()
    }

    passed! {
        health() -> Health;
        create_tenant(body: NewTenant) -> TenantCreated;
        sign_in(credentials: Credentials) -> Me;
        session() -> Me;
        sign_out() -> ();
        verify_email(token: String) -> EmailVerified;
        check_invitation(body: CheckInvitation) -> PendingInvitation;
        accept_invitation(body: AcceptInvitation) -> InvitationAccepted;
        dev_outbox() -> Vec<OutboxEmail>;
    }

    watched! {
        change_password(body: PasswordChange) -> ();
        partner() -> Partner;
        put_profile(body: ProfileRequest) -> Partner;
        resend_contact_verification() -> ();
        current_agreement(kind: AgreementKind, lang: Lang) -> Agreement;
        accept_agreement(body: AcceptAgreement, lang: Lang) -> AgreementAcceptance;
        agreement_document(id: String) -> Document;
        upload_document(name: String, bytes: Vec<u8>) -> SupportingDocument;
        supporting_document(id: String, name: String) -> Document;
        delete_document(id: String) -> ();
        submit_documents() -> Partner;
        users(query: UserQuery) -> UserList;
        create_user(body: NewUser) -> UserCreated;
        import_users(body: ImportUsers) -> ImportedUsers;
        user(id: String) -> User;
        update_user(id: String, patch: UserPatch) -> User;
        delete_user(id: String) -> ();
        reset_password(id: String) -> TemporaryPassword;
        resend_invitation(id: String) -> Invitation;
        activity(query: ActivityQuery) -> ActivityPage;
        export_activity(query: ActivityQuery) -> Document;
        dev_vetting(partner_id: String, vetting: Vetting) -> Partner;
        dev_seed(users: u32) -> ();
    }
}
