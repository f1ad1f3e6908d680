//! Roles of a work account user (docs/API.md, `Role`).

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    GlobalAdmin,
    UserManagementAdmin,
    AccountAdmin,
    AdminAgent,
    SalesAgent,
    HelpdeskAgent,
    BillingAdmin,
    MpnPartnerAdmin,
    ReferralsAdmin,
    IncentivesAdmin,
    ReportViewer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleGroup {
    WorkAccount,
    Partner,
    Csp,
}

impl RoleGroup {
    pub const ALL: [RoleGroup; 3] = [Self::WorkAccount, Self::Partner, Self::Csp];
}

impl Role {
    pub const ALL: [Role; 11] = [
        Self::GlobalAdmin,
        Self::UserManagementAdmin,
        Self::AccountAdmin,
        Self::AdminAgent,
        Self::SalesAgent,
        Self::HelpdeskAgent,
        Self::BillingAdmin,
        Self::MpnPartnerAdmin,
        Self::ReferralsAdmin,
        Self::IncentivesAdmin,
        Self::ReportViewer,
    ];

    /// The wire name (`global_admin`), as in docs/API.md and the database.
    pub fn key(self) -> &'static str {
        match self {
            Self::GlobalAdmin => "global_admin",
            Self::UserManagementAdmin => "user_management_admin",
            Self::AccountAdmin => "account_admin",
            Self::AdminAgent => "admin_agent",
            Self::SalesAgent => "sales_agent",
            Self::HelpdeskAgent => "helpdesk_agent",
            Self::BillingAdmin => "billing_admin",
            Self::MpnPartnerAdmin => "mpn_partner_admin",
            Self::ReferralsAdmin => "referrals_admin",
            Self::IncentivesAdmin => "incentives_admin",
            Self::ReportViewer => "report_viewer",
        }
    }

    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.key() == key)
    }

    /// How Partner Center groups roles on a user's page.
    pub fn group(self) -> RoleGroup {
        match self {
            Self::GlobalAdmin | Self::UserManagementAdmin | Self::BillingAdmin => {
                RoleGroup::WorkAccount
            }
            Self::AdminAgent | Self::SalesAgent | Self::HelpdeskAgent => RoleGroup::Csp,
            Self::AccountAdmin
            | Self::MpnPartnerAdmin
            | Self::ReferralsAdmin
            | Self::IncentivesAdmin
            | Self::ReportViewer => RoleGroup::Partner,
        }
    }

    /// Who may add, change and remove users (the seed: Global admin and Admin agent; docs/API.md adds
    /// User management admin).
    pub fn manages_users(self) -> bool {
        matches!(
            self,
            Self::GlobalAdmin | Self::UserManagementAdmin | Self::AdminAgent
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_use_the_wire_names_of_the_api() {
        let names: Vec<String> = Role::ALL
            .iter()
            .map(|r| {
                serde_json::to_value(r)
                    .unwrap()
                    .as_str()
                    .unwrap()
                    .to_owned()
            })
            .collect();
        assert_eq!(names[0], "global_admin");
        assert_eq!(names[3], "admin_agent");
        assert_eq!(names[10], "report_viewer");
        for role in Role::ALL {
            assert_eq!(serde_json::to_value(role).unwrap(), role.key());
            assert_eq!(Role::from_key(role.key()), Some(role));
        }
    }

    #[test]
    fn only_the_three_admin_roles_manage_users() {
        let managers: Vec<Role> = Role::ALL
            .into_iter()
            .filter(|r| r.manages_users())
            .collect();
        assert_eq!(
            managers,
            vec![
                Role::GlobalAdmin,
                Role::UserManagementAdmin,
                Role::AdminAgent
            ]
        );
    }
}
