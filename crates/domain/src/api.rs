//! Request and answer bodies of the REST contract (API.md). Unknown fields are refused on
//! requests so that a typo is a 422, not a silently ignored value.

use serde::{Deserialize, Serialize};

use crate::Role;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Health {
    pub status: String,
    pub version: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Credentials {
    pub email: String,
    pub password: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct User {
    pub id: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub roles: Vec<Role>,
    /// RFC 3339, UTC.
    pub created_at: String,
}

impl User {
    pub fn display_name(&self) -> String {
        format!("{} {}", self.first_name, self.last_name)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TenantSummary {
    pub id: String,
    pub domain: String,
    pub name: String,
}

/// The signed-in user and their work account (`GET /api/session`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub user: User,
    pub tenant: TenantSummary,
    pub partner_id: Option<String>,
    pub must_change_password: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credentials_refuse_unknown_fields() {
        let err = serde_json::from_str::<Credentials>(
            r#"{"email":"a@b.example","password":"x","remember":true}"#,
        )
        .unwrap_err();
        assert!(err.to_string().contains("unknown field"), "{err}");
    }

    #[test]
    fn me_reads_the_documented_shape() {
        let me: Me = serde_json::from_value(serde_json::json!({
            "user": { "id": "u1", "first_name": "Éloïse", "last_name": "Lefèvre",
                      "email": "admin@contoso.onmicrosoft.com", "roles": ["global_admin"],
                      "created_at": "2026-11-23T10:00:00Z" },
            "tenant": { "id": "t1", "domain": "contoso.onmicrosoft.com", "name": "Contoso" },
            "partner_id": null,
            "must_change_password": false
        }))
        .unwrap();
        assert_eq!(me.user.display_name(), "Éloïse Lefèvre");
        assert!(me.user.has_role(Role::GlobalAdmin));
        assert!(!me.user.has_role(Role::AdminAgent));
    }
}
