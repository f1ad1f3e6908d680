//! Who may do what, as data: the server decides with it, the UI hides and explains with it,
//! and the permission-matrix test walks it.

use crate::Role;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    ReadPartner,
    /// "S’inscrire maintenant": the wizard's registration, which creates the partner account.
    EnrollPartner,
    /// Later edits of the legal profile and the primary contact (not the legal country).
    EditPartnerProfile,
    ResendContactVerification,
    AcceptAgreement,
    DownloadAgreement,
    ListUsers,
    /// Add, change roles, reset passwords, delete.
    ManageUsers,
    /// The activity log, and its export.
    ReadActivity,
}

/// `None`: any signed-in user of the work account.
pub const PERMISSIONS: &[(Action, Option<&[Role]>)] = &[
    (Action::ReadPartner, None),
    (Action::EnrollPartner, Some(&[Role::GlobalAdmin])),
    // The Account admin "manages the company's profile", as in Partner Center.
    (
        Action::EditPartnerProfile,
        Some(&[Role::GlobalAdmin, Role::AccountAdmin]),
    ),
    (
        Action::ResendContactVerification,
        Some(&[Role::GlobalAdmin, Role::AccountAdmin]),
    ),
    (Action::AcceptAgreement, Some(&[Role::GlobalAdmin])),
    (Action::DownloadAgreement, None),
    (Action::ListUsers, None),
    (
        Action::ManageUsers,
        Some(&[
            Role::GlobalAdmin,
            Role::UserManagementAdmin,
            Role::AdminAgent,
        ]),
    ),
    (
        Action::ReadActivity,
        Some(&[Role::GlobalAdmin, Role::AccountAdmin]),
    ),
];

impl Action {
    pub const ALL: [Action; 9] = [
        Self::ReadPartner,
        Self::EnrollPartner,
        Self::EditPartnerProfile,
        Self::ResendContactVerification,
        Self::AcceptAgreement,
        Self::DownloadAgreement,
        Self::ListUsers,
        Self::ManageUsers,
        Self::ReadActivity,
    ];

    /// The roles that allow this action; `None` when any signed-in user may.
    pub fn roles(self) -> Option<&'static [Role]> {
        PERMISSIONS
            .iter()
            .find(|(a, _)| *a == self)
            .and_then(|(_, roles)| *roles)
    }

    pub fn allowed_for(self, roles: &[Role]) -> bool {
        self.roles()
            .is_none_or(|needed| roles.iter().any(|r| needed.contains(r)))
    }
}

/// Whether `caller` may grant or remove `role`: managing users allows every role but Global
/// admin, which only a Global admin grants (as a directory does it).
pub fn may_grant(caller: &[Role], role: Role) -> bool {
    Action::ManageUsers.allowed_for(caller)
        && (role != Role::GlobalAdmin || caller.contains(&Role::GlobalAdmin))
}

/// Whether `caller` may rename, reset the password of or delete a user with `target` roles: a
/// Global admin is managed by Global admins only.
pub fn may_manage_user(caller: &[Role], target: &[Role]) -> bool {
    Action::ManageUsers.allowed_for(caller)
        && (!target.contains(&Role::GlobalAdmin) || caller.contains(&Role::GlobalAdmin))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_global_admin_grants_or_touches_global_admin() {
        let (admin, manager, agent) = (
            [Role::GlobalAdmin],
            [Role::UserManagementAdmin],
            [Role::AdminAgent],
        );
        assert!(may_grant(&admin, Role::GlobalAdmin));
        for caller in [&manager[..], &agent[..]] {
            assert!(!may_grant(caller, Role::GlobalAdmin));
            assert!(may_grant(caller, Role::UserManagementAdmin));
            assert!(!may_manage_user(
                caller,
                &[Role::GlobalAdmin, Role::SalesAgent]
            ));
            assert!(may_manage_user(caller, &[Role::UserManagementAdmin]));
        }
        assert!(may_manage_user(&admin, &admin));
        assert!(!may_grant(&[Role::SalesAgent], Role::SalesAgent));
        assert!(!may_manage_user(&[Role::SalesAgent], &[]));
    }

    #[test]
    fn every_action_is_in_the_table_once() {
        for action in Action::ALL {
            assert_eq!(
                PERMISSIONS.iter().filter(|(a, _)| *a == action).count(),
                1,
                "{action:?}"
            );
        }
    }

    #[test]
    fn the_seed_admins_manage_users_and_others_do_not() {
        assert!(Action::ManageUsers.allowed_for(&[Role::GlobalAdmin]));
        assert!(Action::ManageUsers.allowed_for(&[Role::ReportViewer, Role::AdminAgent]));
        assert!(!Action::ManageUsers.allowed_for(&[Role::SalesAgent]));
        assert!(!Action::ManageUsers.allowed_for(&[]));
        assert!(Action::ListUsers.allowed_for(&[]));
        assert!(!Action::AcceptAgreement.allowed_for(&[Role::AdminAgent]));
        for role in Role::ALL {
            assert_eq!(
                Action::ManageUsers.allowed_for(&[role]),
                role.manages_users()
            );
        }
    }
}
