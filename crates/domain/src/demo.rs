//! Realistic demo users (French and English names, accents included, varied roles), the same
//! on the server's `/api/dev/seed` and on the mock backend.

use crate::{search::search_key, Role};

const FIRST_NAMES: &[&str] = &[
    "Éloïse",
    "Amélie",
    "Zoé",
    "Léa",
    "Chloé",
    "Inès",
    "Anaïs",
    "Hélène",
    "Maëlle",
    "Noémie",
    "Jérôme",
    "François",
    "Benoît",
    "Joël",
    "Gaëtan",
    "Raphaël",
    "Loïc",
    "Mathéo",
    "Hugo",
    "Thomas",
    "Olivia",
    "Emma",
    "Sophia",
    "Grace",
    "Liam",
    "Noah",
    "James",
    "Oliver",
    "Ethan",
    "Lucas",
];
const LAST_NAMES: &[&str] = &[
    "Lefèvre",
    "Gauthier",
    "Mercier",
    "Bérard",
    "Caron",
    "Dupré",
    "Fournier",
    "Girard",
    "Lemaître",
    "Moreau",
    "Nguyen",
    "Perrin",
    "Rousseau",
    "Théron",
    "Vallée",
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "Davis",
    "Miller",
    "Wilson",
    "Taylor",
    "Anderson",
    "O'Connor",
    "Müller",
    "García",
];
const ROLES: [Role; 6] = [
    Role::SalesAgent,
    Role::HelpdeskAgent,
    Role::BillingAdmin,
    Role::ReportViewer,
    Role::AdminAgent,
    Role::ReferralsAdmin,
];

pub struct DemoUser {
    pub first_name: &'static str,
    pub last_name: &'static str,
    pub email: String,
    pub role: Role,
}

fn ascii(name: &str) -> String {
    search_key(name)
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .collect()
}

/// The `i`-th demo user of a seeding run; `batch` keeps emails unique across runs.
pub fn user(i: usize, domain: &str, batch: &str) -> DemoUser {
    let first_name = FIRST_NAMES[i % FIRST_NAMES.len()];
    let last_name = LAST_NAMES[(i / FIRST_NAMES.len() + i) % LAST_NAMES.len()];
    DemoUser {
        first_name,
        last_name,
        email: format!(
            "{}.{}.{batch}{i}@{domain}",
            ascii(first_name),
            ascii(last_name)
        ),
        role: ROLES[i % ROLES.len()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_users_are_varied_valid_and_unique() {
        let users: Vec<DemoUser> = (0..1000)
            .map(|i| user(i, "contoso.onmicrosoft.com", "b1"))
            .collect();
        let mut emails: Vec<&str> = users.iter().map(|u| u.email.as_str()).collect();
        emails.sort();
        emails.dedup();
        assert_eq!(emails.len(), 1000);
        assert!(users
            .iter()
            .all(|u| crate::validate::email_syntax(&u.email).is_ok()));
        assert!(users.iter().any(|u| u.first_name == "Éloïse"));
        assert!(users.iter().any(|u| u.role == Role::AdminAgent));
    }
}
