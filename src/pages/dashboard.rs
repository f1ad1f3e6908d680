//! "Vue d’ensemble": where a signed-in user lands. The account's verification as a timeline,
//! the MPN ID, and the seed's "Étapes suivantes".

use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use super::onboarding::{first_incomplete, landing};
use crate::{
    components::{
        CopyButton, ErrorPanel, RedirectWithNotice, RefreshFailed, RequireSession, Skeleton,
        VerificationTimeline,
    },
    i18n::{use_i18n, Lang},
    route::Route,
    state::{use_fresh_partner, use_session},
};

pub const DASHBOARD_VIDEO: &str = "https://vimeo.com/290338211";

#[function_component]
pub fn DashboardPage() -> Html {
    html! { <RequireSession><Overview /></RequireSession> }
}

#[function_component]
fn Overview() -> Html {
    let t = use_i18n();
    let partner = use_fresh_partner();
    let me = use_session().me();
    let on_retry = partner.reload_callback();
    let state = partner.state();
    // Not enrolled yet: a Global admin to the wizard's next step, anyone else to who can enrol.
    if let (Some(me), Some(data)) = (&me, &state.data) {
        let to = landing(me, data.as_deref());
        if to != Route::Dashboard {
            let notice = match first_incomplete(Some(me), data.as_deref()) {
                Some(step) if to == step.route() => t.step_locked(step.label(&t)),
                _ => t.not_enrolled_title(),
            };
            return html! { <RedirectWithNotice {to} notice={notice.to_string()} /> };
        }
    }
    let body = match (&state.data, &state.error) {
        (Some(Some(p)), error) => html! {
            <>
                if error.is_some() { <RefreshFailed on_retry={on_retry.clone()} /> }
                <p class="mpn-id">
                    <span class="label">{ t.mpn_id().to_string() }</span>{ " " }
                    <strong id="mpn-id">{ p.mpn_id.clone() }</strong>{ " " }
                    <CopyButton text={p.mpn_id.clone()} label={t.copy_mpn_id().to_string()} copied={t.mpn_id_copied().to_string()} />
                </p>
                <VerificationTimeline partner={p.clone()} />
            </>
        },
        (None, Some(error)) => html! { <ErrorPanel error={error.clone()} {on_retry} /> },
        // `Some(None)` (no partner) was sent to the wizard above.
        (Some(None), _) | (None, None) => html! { <Skeleton lines={4} /> },
    };
    html! {
        <section class="page">
            <h1>{ t.nav_overview().to_string() }</h1>
            if let Some(me) = &me {
                <p>{ t.overview_greeting(me.user.display_name()).to_string() }</p>
            }
            <section aria-labelledby="verification-heading" aria-busy={state.loading.then_some("true")}>
                <h2 id="verification-heading">{ t.timeline_title().to_string() }</h2>
                { body }
            </section>
            <NextSteps />
            <p>
                <a href={DASHBOARD_VIDEO} target="_blank" rel="noopener noreferrer">
                    { t.video_dashboard().to_string() }<span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
                </a>
            </p>
        </section>
    }
}

/// The seed's "Étapes suivantes": what each is for, in one line. Only adding users happens here;
/// the others are documented elsewhere, in the user's language.
#[function_component]
fn NextSteps() -> Html {
    let t = use_i18n();
    // As many cards per row as fit, 16rem at least.
    let style = use_style!(
        r#"
        list-style: none; padding: 0; display: grid; gap: var(--space-4);
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        .card { background: var(--color-surface); border: 1px solid var(--color-border);
            border-radius: var(--radius); padding: var(--space-4); }
        .card a { font-weight: 600; }
        .card p { margin: var(--space-2) 0 0; color: var(--color-muted); }
        "#
    );
    let docs = |page: &str| {
        let lang = match t.lang {
            Lang::Fr => "fr-fr",
            Lang::En => "en-us",
        };
        format!("https://learn.microsoft.com/{lang}/partner-center/{page}")
    };
    let external: [(String, String, String); 5] = [
        (
            t.next_action_pack().to_string(),
            t.next_action_pack_why().to_string(),
            docs("mpn-get-action-pack"),
        ),
        (
            t.next_benefits().to_string(),
            t.next_benefits_why().to_string(),
            docs("manage-your-partner-network-benefits"),
        ),
        (
            t.next_competencies().to_string(),
            t.next_competencies_why().to_string(),
            "https://partner.microsoft.com/membership/competencies".into(),
        ),
        (
            t.next_marketing_profile().to_string(),
            t.next_marketing_profile_why().to_string(),
            docs("create-a-marketing-profile"),
        ),
        (
            t.next_referrals().to_string(),
            t.next_referrals_why().to_string(),
            docs("responding-to-referrals"),
        ),
    ];
    html! {
        <section aria-labelledby="next-steps-heading">
            <h2 id="next-steps-heading">{ t.next_steps().to_string() }</h2>
            <ul class={classes!("cards", style)}>
                <li class="card">
                    <Link<Route> to={Route::Users}>{ t.next_add_users().to_string() }</Link<Route>>
                    <p>{ t.next_add_users_why().to_string() }</p>
                </li>
                { for external.into_iter().map(|(title, why, href)| html! {
                    <li class="card">
                        <a {href} target="_blank" rel="noopener noreferrer">
                            { title }<span class="visually-hidden">{ " " }{ t.new_tab().to_string() }</span>
                        </a>
                        <p>{ why }</p>
                    </li>
                }) }
            </ul>
        </section>
    }
}
