use std::rc::Rc;

use partner_domain::{Action, Partner, StepName, VerificationStatus, VettingReason};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use super::ResendEmail;
use crate::{
    i18n::{date_of, use_i18n, I18n, Lang},
    route::Route,
    state::use_session,
};

#[derive(Properties, PartialEq)]
pub struct VerificationTimelineProps {
    pub partner: Rc<Partner>,
    /// "Action required" links to the partner profile, except on that page.
    #[prop_or(true)]
    pub link_to_profile: bool,
}

/// The two checks of the account, in order, each with its state, its date, and what to do.
#[function_component]
pub fn VerificationTimeline(props: &VerificationTimelineProps) -> Html {
    let t = use_i18n();
    // A vertical line of steps, each marked by a dot of its state's colour.
    let style = use_style!(
        r#"
        list-style: none; padding: 0; margin: 0 0 var(--space-6); border-left: 3px solid var(--color-border);
        .timeline-step { position: relative; padding: 0 0 var(--space-4) var(--space-6); }
        .timeline-step::before { content: ""; position: absolute; left: calc(-0.5rem - 1.5px); top: 0.35rem;
            width: 1rem; height: 1rem; border-radius: 50%; background: var(--color-surface);
            border: 3px solid var(--color-border); }
        .timeline-done::before { background: var(--color-success); border-color: var(--color-success); }
        .timeline-pending::before { border-color: var(--color-primary); }
        .timeline-action_required::before, .timeline-rejected::before { background: var(--color-error);
            border-color: var(--color-error); }
        .timeline-step h3 { font-size: var(--text-md); margin: 0 0 var(--space-1); }
        "#
    );
    // Only those who may resend see the button (a Global admin); others read the state.
    let may_resend = use_session().may(Action::ResendContactVerification);
    let partner = &props.partner;
    let step_date = |name: StepName| {
        partner
            .verification
            .steps
            .iter()
            .find(|s| s.name == name)
            .map(|s| date_of(&t, &s.updated_at))
            .unwrap_or_default()
    };
    let email = partner.primary_contact.email.clone();
    let (contact_state, contact_text, contact_pending) =
        match &partner.verification.contact_email_verified_at {
            Some(at) => (
                "done",
                t.contact_done(date_of(&t, at), email.clone()),
                false,
            ),
            None => (
                "pending",
                t.contact_pending(email.clone(), step_date(StepName::ContactEmail)),
                true,
            ),
        };
    let business_date = step_date(StepName::Business);
    let (business_state, business_text) = match partner.verification.status {
        VerificationStatus::Draft | VerificationStatus::EmailPending => {
            ("waiting", t.business_waiting())
        }
        VerificationStatus::BusinessPending => ("pending", t.business_pending(business_date)),
        VerificationStatus::Authorized => ("done", t.business_done(business_date)),
        VerificationStatus::ActionRequired => ("action_required", t.business_action(business_date)),
        VerificationStatus::Rejected if partner.verification.final_decision => {
            ("rejected", t.business_rejected_final(business_date))
        }
        VerificationStatus::Rejected if partner.verification.reason.is_some() => {
            ("rejected", t.business_rejected_because(business_date))
        }
        VerificationStatus::Rejected => ("rejected", t.business_rejected(business_date)),
    };
    let reason = partner
        .verification
        .reason
        .as_ref()
        .map(|reason| match reason.code {
            VettingReason::LegalNameMismatch => t.check_reason_legal_name_mismatch(),
            VettingReason::AddressUnconfirmed => t.check_reason_address_unconfirmed(),
            VettingReason::DocumentUnreadable => t.check_reason_document_unreadable(),
            VettingReason::Other => t.check_reason_other(reason.note.clone().unwrap_or_default()),
        });
    // What the reason asks for, while the check waits for it.
    let fix = (partner.verification.reason.as_ref())
        .filter(|_| partner.verification.status == VerificationStatus::ActionRequired)
        .map(|reason| {
            match (
                reason.code.asks_for_correction(),
                reason.code.asks_for_documents(),
            ) {
                (true, true) => t.fix_either(),
                (false, true) => t.fix_documents(),
                _ => t.fix_correct(),
            }
        });
    html! {
        <ol class={classes!("timeline", style)} aria-label={t.timeline_title().to_string()}>
            <li class={classes!("timeline-step", format!("timeline-{contact_state}"))}>
                <h3>{ t.step_contact_email().to_string() }{ " " }<StateBadge state={contact_state} /></h3>
                <p>{ contact_text.to_string() }</p>
                if contact_pending && may_resend {
                    <ResendEmail email={email.clone()} />
                }
            </li>
            <li class={classes!("timeline-step", format!("timeline-{business_state}"))}>
                <h3>{ t.step_business().to_string() }{ " " }<StateBadge state={business_state} /></h3>
                <p>{ business_text.to_string() }</p>
                if let Some(reason) = reason {
                    <p class="timeline-reason">{ reason.to_string() }</p>
                }
                if let Some(fix) = fix {
                    <p class="timeline-fix">{ fix.to_string() }</p>
                }
                if business_state == "rejected" {
                    <p>
                        <a href={support_page(t.lang)} target="_blank" rel="noopener noreferrer">
                            { t.contact_support().to_string() }
                            <span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
                        </a>
                    </p>
                }
                if business_state == "action_required" && props.link_to_profile {
                    <p><Link<Route> to={Route::PartnerProfile}>{ t.open_partner_profile().to_string() }</Link<Route>></p>
                }
            </li>
        </ol>
    }
}

/// Partner Center's page on asking support for help, in the reader's language.
fn support_page(lang: Lang) -> String {
    let lang = match lang {
        Lang::Fr => "fr-fr",
        Lang::En => "en-us",
    };
    format!("https://learn.microsoft.com/{lang}/partner-center/support/report-problems-with-partner-center")
}

#[derive(Properties, PartialEq)]
struct StateBadgeProps {
    state: &'static str,
}

#[function_component]
fn StateBadge(props: &StateBadgeProps) -> Html {
    let t = use_i18n();
    html! { <span class={classes!("badge", format!("badge-{}", props.state))}>{ state_name(&t, props.state) }</span> }
}

/// A step's or program's state in words: `pending`, `waiting`, `done`, `active`,
/// `action_required`, `rejected`.
pub fn state_name(t: &I18n, state: &str) -> String {
    match state {
        "done" => t.state_done(),
        "active" => t.state_active(),
        "waiting" => t.state_waiting(),
        "action_required" => t.state_action_required(),
        "rejected" => t.state_rejected(),
        _ => t.state_pending(),
    }
    .to_string()
}
