//! The wizard of the seed, one file per step, with the stepper and the guard that keeps steps
//! in order (a later step opened too early sends the user to the first unfinished one).

mod admin_agent;
mod admin_sign_in;
mod agreement;
mod done;
mod profile;
mod welcome;

use partner_domain::{AgreementKind, Me, Partner, Role};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

pub use admin_agent::AdminAgentStep;
pub use admin_sign_in::AdminSignInStep;
pub use agreement::AgreementStep;
pub use done::DoneStep;
pub use profile::ProfileStep;
pub use welcome::WelcomeStep;

use crate::{
    components::{ErrorPanel, Loading, RedirectWithNotice},
    i18n::{use_i18n, I18n},
    route::Route,
    state::{use_partner, use_session, SessionState},
};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Step {
    Welcome,
    AdminSignIn,
    Profile,
    Agreement,
    AdminAgent,
}

impl Step {
    pub const ALL: [Step; 5] = [
        Self::Welcome,
        Self::AdminSignIn,
        Self::Profile,
        Self::Agreement,
        Self::AdminAgent,
    ];

    pub fn route(self) -> Route {
        match self {
            Self::Welcome => Route::Welcome,
            Self::AdminSignIn => Route::AdminSignIn,
            Self::Profile => Route::Profile,
            Self::Agreement => Route::Agreement,
            Self::AdminAgent => Route::AdminAgent,
        }
    }

    pub fn label(self, t: &I18n) -> String {
        match self {
            Self::Welcome => t.step_welcome(),
            Self::AdminSignIn => t.step_sign_in(),
            Self::Profile => t.step_profile(),
            Self::Agreement => t.step_agreement(),
            Self::AdminAgent => t.step_admin_agent(),
        }
        .to_string()
    }
}

/// Whether the signed-in user may run the wizard: a Global admin with a password of their own.
pub fn can_enroll(me: &Me) -> bool {
    me.user.has_role(Role::GlobalAdmin) && !me.must_change_password
}

/// Whether the partner network agreement is signed: the partner account is enrolled.
pub fn has_signed_mpn(partner: &Partner) -> bool {
    partner
        .agreements
        .iter()
        .any(|a| a.kind == AgreementKind::Mpn)
}

/// The first step still to do, from what the backend says (None: everything is done).
pub fn first_incomplete(me: Option<&Me>, partner: Option<&Partner>) -> Option<Step> {
    let Some(me) = me.filter(|me| can_enroll(me)) else {
        return Some(Step::AdminSignIn);
    };
    let Some(partner) = partner else {
        return Some(Step::Profile);
    };
    if !has_signed_mpn(partner) {
        return Some(Step::Agreement);
    }
    if !me.user.has_role(Role::AdminAgent) {
        return Some(Step::AdminAgent);
    }
    None
}

/// Where a signed-in user belongs when nothing else is asked for (after signing in, or on a page
/// that is not for them): an enrolled partner's overview; for a Global admin of a partner not
/// enrolled yet, the wizard's first unfinished step; for anyone else, the page that says the
/// account is not enrolled yet and who can enrol it.
pub fn landing(me: &Me, partner: Option<&Partner>) -> Route {
    if partner.is_some_and(has_signed_mpn) {
        return Route::Dashboard;
    }
    if me.user.has_role(Role::GlobalAdmin) {
        return first_incomplete(Some(me), partner).map_or(Route::Dashboard, Step::route);
    }
    Route::NotEnrolled
}

#[derive(Properties, PartialEq)]
pub struct StepperProps {
    /// None on the finish page: every step is done.
    pub current: Option<Step>,
    /// The first unfinished step; earlier ones are shown as done.
    pub first_incomplete: Option<Step>,
}

#[function_component]
pub fn Stepper(props: &StepperProps) -> Html {
    let t = use_i18n();
    let style = use_style!(
        r#"
        ol { list-style: none; display: flex; flex-wrap: wrap; gap: var(--space-2); padding: 0;
            margin: 0 0 var(--space-6); }
        li { display: flex; }
        li > a, li > span { display: flex; align-items: center; gap: var(--space-2);
            padding: var(--space-1) var(--space-2); border-radius: var(--radius); color: var(--color-muted);
            text-decoration: none; }
        li > a { color: var(--color-link); text-decoration: underline; }
        .step-number { display: inline-grid; place-items: center; width: 1.75rem; height: 1.75rem;
            border-radius: 50%; border: 2px solid currentColor; font-size: var(--text-sm); font-weight: 600; }
        .step-current > span { color: var(--color-text); font-weight: 600; background: var(--color-hover); }
        .step-done .step-number { background: var(--color-success); border-color: var(--color-success);
            color: #fff; }
        "#
    );
    html! {
        <nav class={classes!("stepper", style)} aria-label={t.wizard_steps().to_string()}>
            <crate::components::PerformanceMark name="wizard-interactive" />
            <ol>
                { for Step::ALL.iter().enumerate().map(|(i, step)| {
                    let current = props.current == Some(*step);
                    let done = props.first_incomplete.is_none_or(|first| *step < first) && !current;
                    let class = classes!("step", done.then_some("step-done"), current.then_some("step-current"));
                    let label = html! {
                        <>
                            <span class="step-number" aria-hidden="true">{ if done { "✓".to_string() } else { (i + 1).to_string() } }</span>
                            <span>{ step.label(&t) }</span>
                            if done { <span class="visually-hidden">{ format!(" ({})", t.step_done()) }</span> }
                        </>
                    };
                    let reachable = props.first_incomplete.is_none_or(|first| *step <= first);
                    html! {
                        <li {class} aria-current={current.then_some("step")}>
                            if reachable && !current {
                                <Link<Route> to={step.route()}>{ label }</Link<Route>>
                            } else {
                                <span>{ label }</span>
                            }
                        </li>
                    }
                }) }
            </ol>
        </nav>
    }
}

#[derive(Properties, PartialEq)]
pub struct WizardStepProps {
    pub step: Step,
    pub children: Html,
}

/// A wizard page: the stepper, then the step, if the steps before it are done.
#[function_component]
pub fn WizardStep(props: &WizardStepProps) -> Html {
    let session = use_session();
    let partner = use_partner();
    let me = session.me();
    let first = match session.state() {
        SessionState::Unknown(error) => {
            let session = session.clone();
            return html! { <ErrorPanel error={error.clone()} on_retry={Callback::from(move |()| session.refresh())} /> };
        }
        _ => {
            let needs_partner = me.as_ref().is_some_and(|m| can_enroll(m));
            match (&partner.state().data, &partner.state().error) {
                (None, Some(error)) if needs_partner => {
                    return html! { <ErrorPanel error={error.clone()} on_retry={partner.reload_callback()} /> };
                }
                (None, _) if needs_partner => return html! { <Loading /> },
                _ => first_incomplete(me.as_deref(), partner.partner().as_deref()),
            }
        }
    };
    // The wizard is a Global admin's: anyone else goes where they belong (`/` decides).
    if me
        .as_ref()
        .is_some_and(|m| !m.user.has_role(Role::GlobalAdmin) && !m.must_change_password)
    {
        return html! { <Redirect<Route> to={Route::Home} /> };
    }
    if let Some(first) = first.filter(|first| props.step > *first) {
        return html! { <StepRedirect to={first} /> };
    }
    // Enrolled (the agreement is signed): the steps before it cannot matter any more; the Admin
    // agent step stays, as it leads to the end of the wizard.
    let enrolled = partner.partner().is_some_and(|p| has_signed_mpn(&p));
    let body = if enrolled && props.step < Step::AdminAgent {
        html! { <AlreadyEnrolled step={props.step} /> }
    } else {
        props.children.clone()
    };
    html! {
        <section class="page narrow wizard">
            <Stepper current={Some(props.step)} first_incomplete={first} />
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct AlreadyEnrolledProps {
    step: Step,
}

/// A step opened once it cannot matter any more (the account is enrolled): said so, with the
/// way to the overview.
#[function_component]
fn AlreadyEnrolled(props: &AlreadyEnrolledProps) -> Html {
    let t = use_i18n();
    html! {
        <>
            <h1>{ props.step.label(&t) }</h1>
            <div class="panel panel-success" role="status">
                <p>{ t.already_enrolled().to_string() }</p>
                <p><Link<Route> to={Route::Dashboard} classes="button button-primary">{ t.go_overview().to_string() }</Link<Route>></p>
            </div>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct StepRedirectProps {
    to: Step,
}

/// Goes to the first unfinished step, saying why.
#[function_component]
fn StepRedirect(props: &StepRedirectProps) -> Html {
    let t = use_i18n();
    let session = use_session();
    let notice = match session.state() {
        SessionState::Expired(_) => t.session_expired(),
        _ => t.step_locked(props.to.label(&t)),
    };
    html! { <RedirectWithNotice to={props.to.route()} notice={notice.to_string()} /> }
}

#[cfg(test)]
mod tests {
    use partner_domain::{AgreementAcceptance, Signer, TenantSummary, User};
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn me(roles: Vec<Role>, must_change_password: bool) -> Me {
        Me {
            user: User {
                id: "u".into(),
                first_name: "A".into(),
                last_name: "B".into(),
                email: "a@b.example".into(),
                roles,
                created_at: String::new(),
                invited_at: None,
            },
            tenant: TenantSummary {
                id: "t".into(),
                domain: "d".into(),
                name: "n".into(),
            },
            partner_id: None,
            must_change_password,
        }
    }

    #[test]
    fn steps_are_done_in_the_seeds_order() {
        assert_eq!(first_incomplete(None, None), Some(Step::AdminSignIn));
        assert_eq!(
            first_incomplete(Some(&me(vec![Role::AdminAgent], false)), None),
            Some(Step::AdminSignIn)
        );
        assert_eq!(
            first_incomplete(Some(&me(vec![Role::GlobalAdmin], true)), None),
            Some(Step::AdminSignIn)
        );
        let admin = me(vec![Role::GlobalAdmin], false);
        assert_eq!(first_incomplete(Some(&admin), None), Some(Step::Profile));
        let mut partner: Partner = serde_json::from_value(serde_json::json!({
            "id": "p", "mpn_id": "1234567",
            "legal_profile": { "legal_name": "L", "address": { "line1": "a", "city": "c", "postal_code": "75001", "country": "FR" }, "phone": "+33123456789" },
            "primary_contact": { "first_name": "J", "last_name": "D", "email": "j@d.fr", "phone": "+33123456789" },
            "verification": { "status": "email_pending", "steps": [], "contact_email_verified_at": null },
            "programs": [], "agreements": []
        }))
        .unwrap();
        assert_eq!(
            first_incomplete(Some(&admin), Some(&partner)),
            Some(Step::Agreement)
        );
        partner.agreements.push(AgreementAcceptance {
            id: "a".into(),
            kind: AgreementKind::Mpn,
            version: "v".into(),
            title: "t".into(),
            accepted_at: String::new(),
            accepted_by: Signer {
                name: "n".into(),
                email: "e".into(),
            },
        });
        assert_eq!(
            first_incomplete(Some(&admin), Some(&partner)),
            Some(Step::AdminAgent)
        );
        let agent = me(vec![Role::GlobalAdmin, Role::AdminAgent], false);
        assert_eq!(first_incomplete(Some(&agent), Some(&partner)), None);

        // Each lands where it belongs: enrolled → the overview, whoever they are.
        for roles in [vec![Role::SalesAgent], vec![Role::GlobalAdmin], vec![]] {
            assert_eq!(landing(&me(roles, false), Some(&partner)), Route::Dashboard);
        }
        partner.agreements.clear();
        assert_eq!(landing(&admin, Some(&partner)), Route::Agreement);
        assert_eq!(landing(&admin, None), Route::Profile);
        assert_eq!(
            landing(&me(vec![Role::ReportViewer], false), None),
            Route::NotEnrolled
        );
        assert_eq!(
            landing(&me(vec![Role::AccountAdmin], false), Some(&partner)),
            Route::NotEnrolled
        );
    }
}
