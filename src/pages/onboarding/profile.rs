//! Step 3, "Profil": the legal business profile and primary contact, then the seed's
//! IMPORTANT notice about the email sent to the contact.

use partner_domain::{Partner, VerificationStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use super::{Step, WizardStep};
use crate::{
    components::{ProfileForm, ResendEmail},
    i18n::use_i18n,
    route::Route,
    state::{use_partner, use_session},
};

#[function_component]
pub fn ProfileStep() -> Html {
    let t = use_i18n();
    let session = use_session();
    let partner = use_partner();
    let just_saved = use_state(|| false);
    let Some(me) = session.me() else {
        return html! { <WizardStep step={Step::Profile}>{ Html::default() }</WizardStep> };
    };
    let on_saved = {
        let (partner, session, just_saved) = (partner.clone(), session.clone(), just_saved.clone());
        Callback::from(move |saved: Partner| {
            just_saved.set(true);
            partner.set(saved);
            // The session now names the partner (`partner_id`).
            session.refresh();
        })
    };
    let saved = partner.partner();
    html! {
        <WizardStep step={Step::Profile}>
            <h1>{ t.profile_title().to_string() }</h1>
            <p>{ t.profile_intro().to_string() }</p>
            if let Some(saved) = &saved {
                <EmailNotice partner={(**saved).clone()} focus={*just_saved} />
            }
            <ProfileForm owner={me.user.id.clone()} {on_saved}
                initial={saved.map(|p| partner_domain::ProfileRequest::from(&*p))} />
        </WizardStep>
    }
}

#[derive(Properties, PartialEq)]
struct EmailNoticeProps {
    partner: Partner,
    /// Just registered: the notice takes focus, so that it is read and Tab continues from it.
    focus: bool,
}

/// The seed's IMPORTANT notice, with the address it went to, a resend, and the next step.
#[function_component]
fn EmailNotice(props: &EmailNoticeProps) -> Html {
    let t = use_i18n();
    let email = props.partner.primary_contact.email.clone();
    let pending = props.partner.verification.status == VerificationStatus::EmailPending;
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.focus, move |focus| {
            if let Some(panel) = node.cast::<web_sys::HtmlElement>().filter(|_| *focus) {
                let _ = panel.focus();
            }
        });
    }
    html! {
        <div ref={node} class="panel panel-important" role="status" tabindex="-1">
            <p><strong>{ t.important().to_string() }</strong></p>
            if pending {
                <p>{ t.email_sent_notice(email.clone()).to_string() }</p>
                <ResendEmail email={email.clone()} />
            } else {
                <p>{ t.email_confirmed_notice(email).to_string() }</p>
            }
            <p class="actions"><Link<Route> to={Route::Agreement} classes="button button-primary">{ t.next().to_string() }</Link<Route>></p>
        </div>
    }
}
