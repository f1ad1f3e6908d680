//! "Profil du partenaire" (gear → Paramètres partenaire): the legal business profile, read-only
//! for everyone and editable by a Global admin with the wizard's form; the program information
//! with the MPN ID and the MPN agreement; every signed agreement, to open or download.

use std::rc::Rc;

use partner_domain::{
    permissions::Action, AgreementAcceptance, AgreementKind, Partner, ProfileRequest, Program,
    ProgramState, UserQuery,
};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError},
    components::{
        state_name, CopyButton, DownloadButton, Downloadable, ErrorPanel, ProfileForm,
        RefreshFailed, RequireSession, Skeleton, SupportingDocuments, VerificationTimeline,
    },
    i18n::{country_name, date_of, use_i18n, use_region_names},
    route::Route,
    state::{use_fresh_partner, use_partner, use_session, use_toasts, ToastKind},
};

#[function_component]
pub fn PartnerProfilePage() -> Html {
    html! { <RequireSession><PartnerProfileBody /></RequireSession> }
}

#[function_component]
fn PartnerProfileBody() -> Html {
    let t = use_i18n();
    let partner = use_fresh_partner();
    let on_retry = partner.reload_callback();
    let state = partner.state();
    let body = match (&state.data, &state.error) {
        (Some(Some(p)), error) => html! {
            <>
                if error.is_some() { <RefreshFailed on_retry={on_retry.clone()} /> }
                <VerificationTimeline partner={p.clone()} link_to_profile={false} />
                <LegalProfileSection partner={p.clone()} />
                <SupportingDocuments partner={p.clone()} />
                <ProgramSection partner={p.clone()} />
                <AgreementsSection partner={p.clone()} />
            </>
        },
        (Some(None), _) => html! {
            <div class="panel panel-info">
                <p>{ t.partner_not_enrolled().to_string() }</p>
                <p><Link<Route> to={Route::Welcome} classes="button button-primary">{ t.start_enrollment().to_string() }</Link<Route>></p>
            </div>
        },
        (None, Some(error)) => html! { <ErrorPanel error={error.clone()} {on_retry} /> },
        (None, None) => html! { <Skeleton lines={12} /> },
    };
    html! {
        <section class="page" aria-busy={state.loading.then_some("true")}>
            <h1>{ t.partner_profile_title().to_string() }</h1>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DetailsProps {
    children: Html,
}

/// Terms beside their descriptions; one under the other on a phone.
#[function_component]
fn Details(props: &DetailsProps) -> Html {
    let style = use_style!(
        r#"
        display: grid; grid-template-columns: minmax(8rem, 14rem) 1fr; gap: var(--space-2) var(--space-4);
        margin: 0 0 var(--space-4);
        dt { font-weight: 600; }
        dd { margin: 0; }
        .line { display: block; }
        @media (max-width: 480px) {
            grid-template-columns: 1fr;
            dd { margin-bottom: var(--space-2); }
        }
        "#
    );
    html! { <dl class={classes!("details", style)}>{ props.children.clone() }</dl> }
}

#[derive(Properties, PartialEq)]
struct PartnerProps {
    partner: Rc<Partner>,
}

#[function_component]
fn LegalProfileSection(props: &PartnerProps) -> Html {
    let t = use_i18n();
    let session = use_session();
    let partner_handle = use_partner();
    let toasts = use_toasts();
    let editing = use_state(|| false);
    let region_names = use_region_names();
    let Some(me) = session.me() else {
        return Html::default();
    };
    let p = &props.partner;
    let may_edit = session.may(Action::EditPartnerProfile) && !p.verification.final_decision;
    let heading = html! { <h2 id="legal-heading">{ t.legend_legal().to_string() }</h2> };
    if *editing && may_edit {
        let on_saved = {
            let (editing, toasts, t) = (editing.clone(), toasts.clone(), t.clone());
            Callback::from(move |saved: Partner| {
                partner_handle.set(saved);
                toasts.push(ToastKind::Success, t.profile_saved().to_string());
                editing.set(false);
            })
        };
        let on_cancel = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(false))
        };
        let initial = ProfileRequest::from(&**p);
        return html! {
            <section aria-labelledby="legal-heading">
                { heading }
                <div class="panel panel-warning"><p>{ t.edit_warning().to_string() }</p></div>
                <ProfileForm owner={me.user.id.clone()} initial={Some(initial)} {on_saved}
                    submit_label={Some(AttrValue::from(t.save().to_string()))} />
                <button type="button" class="button" onclick={on_cancel}>{ t.cancel().to_string() }</button>
            </section>
        };
    }
    let legal = &p.legal_profile;
    let address = &legal.address;
    let contact = &p.primary_contact;
    let region = region_names
        .as_deref()
        .and_then(|names| names.name_of(t.lang, &address.country, &address.region))
        .unwrap_or_else(|| AttrValue::from(address.region.clone()));
    let lines = [
        address.line1.clone(),
        address.line2.clone(),
        [
            address.postal_code.as_str(),
            address.city.as_str(),
            region.as_str(),
        ]
        .iter()
        .filter(|s| !s.is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(" "),
        country_name(&t, &address.country),
    ];
    let on_edit = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| editing.set(true))
    };
    html! {
        <section aria-labelledby="legal-heading" class="panel">
            { heading }
            <Details>
                <dt>{ t.field_legal_name().to_string() }</dt><dd>{ legal.legal_name.clone() }</dd>
                <dt>{ t.address().to_string() }</dt>
                <dd>{ for lines.into_iter().filter(|l| !l.is_empty()).map(|l| html! { <span class="line">{ l }</span> }) }</dd>
                <dt>{ t.field_phone().to_string() }</dt><dd>{ legal.phone.clone() }</dd>
                if !legal.website.is_empty() {
                    <dt>{ t.field_website().to_string() }</dt><dd>{ legal.website.clone() }</dd>
                }
            </Details>
            <h3>{ t.legend_contact().to_string() }</h3>
            <Details>
                <dt>{ t.users_name().to_string() }</dt><dd>{ format!("{} {}", contact.first_name, contact.last_name) }</dd>
                <dt>{ t.field_work_email().to_string() }</dt><dd>{ contact.email.clone() }</dd>
                <dt>{ t.field_phone().to_string() }</dt><dd>{ contact.phone.clone() }</dd>
            </Details>
            if may_edit {
                <button type="button" class="button" onclick={on_edit}>{ t.edit().to_string() }</button>
            } else if p.verification.final_decision {
                <p class="profile-final">{ t.profile_final().to_string() }</p>
            } else {
                <WhoMayEdit />
            }
        </section>
    }
}

/// For a user who may not edit the profile: who may, by name.
#[function_component]
fn WhoMayEdit() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let editors = use_load((), async move |()| {
        let mut names = Vec::new();
        for role in Action::EditPartnerProfile.roles().unwrap_or_default() {
            let query = UserQuery {
                role: Some(*role),
                limit: Some(10),
                ..UserQuery::default()
            };
            for user in backend.users(query).await?.items {
                let name = user.name_and_email();
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        Ok::<_, ApiError>(names)
    });
    let names = match editors.state() {
        Some(Ok(names)) if !names.is_empty() => names.join(", "),
        _ => String::new(),
    };
    html! {
        <p class="muted">
            { t.edit_profile_who().to_string() }
            if !names.is_empty() { { " " }{ t.edit_profile_ask(names).to_string() } }
        </p>
    }
}

/// The MPN agreement the program rests on: the latest one signed.
fn mpn_agreement(partner: &Partner) -> Option<&AgreementAcceptance> {
    partner
        .agreements
        .iter()
        .filter(|a| a.kind == AgreementKind::Mpn)
        .max_by(|a, b| a.accepted_at.cmp(&b.accepted_at))
}

#[function_component]
fn ProgramSection(props: &PartnerProps) -> Html {
    let t = use_i18n();
    let p = &props.partner;
    let status = p
        .programs
        .iter()
        .find(|program| program.program == Program::Mpn)
        .map_or(ProgramState::Pending, |program| program.status)
        .as_str();
    html! {
        <section aria-labelledby="program-heading" class="panel">
            <h2 id="program-heading">{ t.program_info().to_string() }</h2>
            <Details>
                <dt>{ t.mpn_id().to_string() }</dt>
                <dd>
                    <strong id="mpn-id">{ p.mpn_id.clone() }</strong>{ " " }
                    <CopyButton text={p.mpn_id.clone()} label={t.copy_mpn_id().to_string()} copied={t.mpn_id_copied().to_string()} />
                </dd>
                <dt>{ t.mpn_program_status().to_string() }</dt>
                <dd>
                    <span class={classes!("badge", format!("badge-{status}"))}>{ state_name(&t, status) }</span>
                    if let Some(agreement) = mpn_agreement(p) {
                        { " " }
                        <Link<Route> to={Route::SignedAgreement { id: agreement.id.clone() }}>{ t.mpn_agreement_link().to_string() }</Link<Route>>
                    }
                </dd>
            </Details>
        </section>
    }
}

#[function_component]
fn AgreementsSection(props: &PartnerProps) -> Html {
    let t = use_i18n();
    let agreements = &props.partner.agreements;
    html! {
        <section aria-labelledby="agreements-heading" class="panel">
            <h2 id="agreements-heading">{ t.signed_agreements().to_string() }</h2>
            if agreements.is_empty() {
                <p>{ t.no_agreements().to_string() }</p>
            } else {
                <div class="table-scroll">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{ t.agreement_title_column().to_string() }</th>
                            <th scope="col">{ t.agreement_version_column().to_string() }</th>
                            <th scope="col">{ t.agreement_signed_at().to_string() }</th>
                            <th scope="col">{ t.agreement_signed_by().to_string() }</th>
                            <td></td>
                        </tr></thead>
                        <tbody>
                            { for agreements.iter().map(|a| html! {
                                <tr key={a.id.clone()}>
                                    <th scope="row">{ a.title.clone() }</th>
                                    <td>{ a.version.clone() }</td>
                                    <td>{ date_of(&t, &a.accepted_at) }</td>
                                    <td>{ format!("{} ({})", a.accepted_by.name, a.accepted_by.email) }</td>
                                    <td class="row-actions">
                                        <Link<Route> to={Route::SignedAgreement { id: a.id.clone() }} classes="button">
                                            { t.show().to_string() }<span class="visually-hidden">{ format!(" – {}", a.title) }</span>
                                        </Link<Route>>
                                        { " " }<DownloadButton file={Downloadable::Agreement(a.id.clone().into())} title={AttrValue::from(a.title.clone())} />
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
