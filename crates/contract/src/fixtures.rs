//! Requests the scenarios send, and steps they share.

pub use partner_domain::fixtures::{profile, PASSWORD};
use partner_domain::{Me, NewAdmin, NewTenant, NewUser, Role, UserCreated};

use crate::{Api, Target};

pub fn new_tenant(prefix: &str) -> NewTenant {
    NewTenant {
        company_name: format!("{prefix} SAS"),
        domain_prefix: prefix.into(),
        country: "FR".into(),
        admin: NewAdmin {
            first_name: "Éloïse".into(),
            last_name: "Lefèvre".into(),
            password: PASSWORD.into(),
        },
    }
}

pub fn new_user(first: &str, last: &str, email: &str, roles: &[Role]) -> NewUser {
    NewUser {
        first_name: first.into(),
        last_name: last.into(),
        email: email.into(),
        roles: roles.to_vec(),
    }
}

/// A new work account, and a browser signed in as its Global admin.
pub async fn tenant<T: Target>(target: &T, prefix: &str) -> (T::Client, Me) {
    let client = target.client();
    let created = client.create_tenant(&new_tenant(prefix)).await.unwrap();
    let me = client
        .sign_in(&created.admin.email, PASSWORD)
        .await
        .unwrap();
    (client, me)
}

/// Adds a user (the caller manages users).
pub async fn add(
    client: &impl Api,
    first: &str,
    last: &str,
    email: &str,
    roles: &[Role],
) -> UserCreated {
    client
        .create_user(&new_user(first, last, email, roles))
        .await
        .unwrap()
}

/// What a new user chooses in place of their temporary password.
pub const CHOSEN_PASSWORD: &str = "Chosen-password-2026";

/// A new browser signed in as this new user, who has chosen their password from the invitation
/// emailed to them.
pub async fn signed_in_as<T: Target>(target: &T, created: &UserCreated) -> T::Client {
    let client = target.client();
    let token = latest_link(&client, &created.user.email).await;
    client
        .accept_invitation(&token, CHOSEN_PASSWORD)
        .await
        .unwrap();
    client
        .sign_in(&created.user.email, CHOSEN_PASSWORD)
        .await
        .unwrap();
    client
}

/// The token of the latest link (verification, invitation) sent to `to`.
pub async fn latest_link(client: &impl Api, to: &str) -> String {
    let outbox = client.outbox().await.unwrap();
    let email = outbox
        .iter()
        .find(|e| e.to == to)
        .expect("an email to the contact");
    let link = email.link.clone().expect("a link");
    link.split("token=").nth(1).expect("a token").to_owned()
}
