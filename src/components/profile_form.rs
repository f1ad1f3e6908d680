//! The legal business profile and primary contact form ("S’inscrire maintenant"), shared by
//! the wizard and the partner profile page: country-driven fields, validation as each field is
//! left and on submit (the domain's rules), the server's 422s on the same fields, an error
//! summary, drafts, and failures that keep every value.

use partner_domain::{
    country::rules_for, country::COUNTRIES, validate, FieldErrors, Partner, ProfileRequest,
};
use yew::prelude::*;

use super::{
    failure_message, field_error, use_submit_guard, DraftBanner, ErrorSummary, SelectField,
    SubmitButton, TextField,
};
use crate::{
    api::{use_backend, ApiError},
    draft::use_draft,
    i18n::{country_name, use_i18n},
};

/// Form order, for the error summary.
const FIELDS: [&str; 13] = [
    "legal_profile.legal_name",
    "legal_profile.address.country",
    "legal_profile.address.line1",
    "legal_profile.address.line2",
    "legal_profile.address.city",
    "legal_profile.address.region",
    "legal_profile.address.postal_code",
    "legal_profile.phone",
    "legal_profile.website",
    "primary_contact.first_name",
    "primary_contact.last_name",
    "primary_contact.email",
    "primary_contact.phone",
];

#[derive(Properties, PartialEq)]
pub struct ProfileFormProps {
    /// Whose draft this is (the signed-in user's id).
    pub owner: AttrValue,
    /// The saved profile, when editing one.
    #[prop_or_default]
    pub initial: Option<ProfileRequest>,
    pub on_saved: Callback<Partner>,
    /// The submit button's words; "S’inscrire maintenant" in the wizard.
    #[prop_or_default]
    pub submit_label: Option<AttrValue>,
}

#[function_component]
pub fn ProfileForm(props: &ProfileFormProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let draft = use_draft::<ProfileRequest>(&props.owner, "partner-profile");
    let errors = use_state(FieldErrors::new);
    let touched = use_state(Vec::<&'static str>::new);
    let attempt = use_state(|| 0u32);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    {
        // Editing: start from the saved profile unless a draft was restored.
        let (draft, initial) = (draft.clone(), props.initial.clone());
        use_effect_with((), move |()| {
            if let Some(initial) = initial.filter(|_| *draft.value() == ProfileRequest::default()) {
                draft.preset(initial);
            }
        });
    }

    let value = draft.value().clone();
    let country = value.legal_profile.address.country.clone();
    // An enrolled partner's legal country stays (the rulebook refuses a change).
    let country_locked = props.initial.is_some();
    let rules = rules_for(&country);
    let example = rules.map(|r| r.postal_example).unwrap_or_default();
    let all_errors = |v: &ProfileRequest| validate::profile(v).err().unwrap_or_default();
    let visible = |path: &str| {
        (touched.contains(&path) || *attempt > 0)
            .then(|| field_error(&t, &errors, path, example))
            .flatten()
    };

    let update = |apply: fn(&mut ProfileRequest, String)| {
        let (draft, errors, touched) = (draft.clone(), errors.clone(), touched.clone());
        Callback::from(move |input: String| {
            let mut next = draft.value().clone();
            apply(&mut next, input);
            // A field already in error is re-checked as the user fixes it.
            if !touched.is_empty() {
                errors.set(all_errors(&next));
            }
            draft.set(next);
        })
    };
    let leave = |path: &'static str| {
        let (touched, errors, draft) = (touched.clone(), errors.clone(), draft.clone());
        Callback::from(move |()| {
            if !touched.contains(&path) {
                let mut next = (*touched).clone();
                next.push(path);
                touched.set(next);
            }
            errors.set(all_errors(draft.value()));
        })
    };
    let on_country = {
        let (draft, touched, errors) = (draft.clone(), touched.clone(), errors.clone());
        Callback::from(move |code: String| {
            let mut next = draft.value().clone();
            // A region chosen from another country's list means nothing here.
            let keeps_region = rules_for(&code).is_some_and(|r| r.regions.is_empty())
                && rules_for(&next.legal_profile.address.country)
                    .is_none_or(|r| r.regions.is_empty());
            if !keeps_region {
                next.legal_profile.address.region.clear();
            }
            next.legal_profile.address.country = code;
            let mut seen = (*touched).clone();
            seen.push("legal_profile.address.country");
            touched.set(seen);
            errors.set(all_errors(&next));
            draft.set(next);
        })
    };
    let onsubmit = {
        let (draft, errors, attempt, failed, guard, backend, on_saved, t) = (
            draft.clone(),
            errors.clone(),
            attempt.clone(),
            failed.clone(),
            guard.clone(),
            backend.clone(),
            props.on_saved.clone(),
            t.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let body = draft.value().clone();
            attempt.set(*attempt + 1);
            let found = all_errors(&body);
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            errors.set(FieldErrors::new());
            let (draft, errors, failed, backend, on_saved, t) = (
                draft.clone(),
                errors.clone(),
                failed.clone(),
                backend.clone(),
                on_saved.clone(),
                t.clone(),
            );
            guard.run(async move {
                match backend.put_profile(body).await {
                    Ok(partner) => {
                        failed.set(None);
                        draft.forget();
                        on_saved.emit(partner);
                    }
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        failed.set(None);
                        errors.set(body.fields);
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };

    let summary: Vec<(AttrValue, AttrValue)> = if *attempt > 0 {
        FIELDS
            .iter()
            .filter_map(|p| field_error(&t, &errors, p, example).map(|m| (AttrValue::from(*p), m)))
            .collect()
    } else {
        Vec::new()
    };
    let countries: Vec<(AttrValue, AttrValue)> =
        std::iter::once((AttrValue::from(""), AttrValue::from(t.choose().to_string())))
            .chain(COUNTRIES.iter().map(|c| {
                (
                    AttrValue::from(c.code),
                    AttrValue::from(country_name(&t, c.code)),
                )
            }))
            .collect();
    let optional = |label: String| format!("{label} {}", t.optional());
    let region_required = rules.is_some_and(|r| r.region_required);
    let region_label = if region_required {
        t.field_region().to_string()
    } else {
        optional(t.field_region().to_string())
    };
    let region = match rules.filter(|r| !r.regions.is_empty()) {
        Some(rules) => {
            let options =
                std::iter::once((AttrValue::from(""), AttrValue::from(t.choose().to_string())))
                    .chain(
                        rules
                            .regions
                            .iter()
                            .map(|(code, name)| (AttrValue::from(*code), AttrValue::from(*name))),
                    )
                    .collect::<Vec<_>>();
            html! {
                <SelectField path="legal_profile.address.region" label={region_label} value={value.legal_profile.address.region.clone()}
                    options={options} autocomplete="address-level1" error={visible("legal_profile.address.region")}
                    on_change={update(|d, v| d.legal_profile.address.region = v)} />
            }
        }
        None => html! {
            <TextField path="legal_profile.address.region" label={region_label} required={region_required}
                autocomplete="address-level1" value={value.legal_profile.address.region.clone()}
                error={visible("legal_profile.address.region")}
                on_input={update(|d, v| d.legal_profile.address.region = v)} on_blur={leave("legal_profile.address.region")} />
        },
    };
    let legal = &value.legal_profile;
    let contact = &value.primary_contact;
    html! {
        <form class="form" {onsubmit} novalidate=true>
            <DraftBanner draft_notice={draft.notice()}
                on_discard={{ let d = draft.clone(); Callback::from(move |()| d.clear()) }}
                on_dismiss={{ let d = draft.clone(); Callback::from(move |()| d.dismiss_notice()) }} />
            <ErrorSummary errors={summary} attempt={*attempt} />
            if let Some(message) = &*failed {
                <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
            }
            <fieldset>
                <legend>{ t.legend_legal().to_string() }</legend>
                <TextField path="legal_profile.legal_name" label={t.field_legal_name().to_string()} autocomplete="organization"
                    value={legal.legal_name.clone()} error={visible("legal_profile.legal_name")}
                    on_input={update(|d, v| d.legal_profile.legal_name = v)} on_blur={leave("legal_profile.legal_name")} />
                <SelectField path="legal_profile.address.country" label={t.field_country().to_string()} value={country.clone()}
                    options={countries} autocomplete="country" error={visible("legal_profile.address.country")} on_change={on_country}
                    disabled={country_locked} hint={country_locked.then(|| AttrValue::from(t.country_locked_hint().to_string()))} />
                <TextField path="legal_profile.address.line1" label={t.field_address_first().to_string()} autocomplete="address-line1"
                    value={legal.address.line1.clone()} error={visible("legal_profile.address.line1")}
                    on_input={update(|d, v| d.legal_profile.address.line1 = v)} on_blur={leave("legal_profile.address.line1")} />
                <TextField path="legal_profile.address.line2" label={optional(t.field_address_second().to_string())} required={false}
                    autocomplete="address-line2" value={legal.address.line2.clone()} error={visible("legal_profile.address.line2")}
                    on_input={update(|d, v| d.legal_profile.address.line2 = v)} on_blur={leave("legal_profile.address.line2")} />
                <TextField path="legal_profile.address.city" label={t.field_city().to_string()} autocomplete="address-level2"
                    value={legal.address.city.clone()} error={visible("legal_profile.address.city")}
                    on_input={update(|d, v| d.legal_profile.address.city = v)} on_blur={leave("legal_profile.address.city")} />
                { region }
                <TextField path="legal_profile.address.postal_code" label={t.field_postal_code().to_string()} autocomplete="postal-code"
                    hint={(!example.is_empty()).then(|| AttrValue::from(t.postal_hint(example).to_string()))}
                    value={legal.address.postal_code.clone()} error={visible("legal_profile.address.postal_code")}
                    on_input={update(|d, v| d.legal_profile.address.postal_code = v)} on_blur={leave("legal_profile.address.postal_code")} />
                <TextField path="legal_profile.phone" label={t.field_phone().to_string()} kind="tel" autocomplete="tel"
                    hint={t.phone_hint().to_string()} value={legal.phone.clone()} error={visible("legal_profile.phone")}
                    on_input={update(|d, v| d.legal_profile.phone = v)} on_blur={leave("legal_profile.phone")} />
                <TextField path="legal_profile.website" label={optional(t.field_website().to_string())} kind="url" required={false}
                    autocomplete="url" value={legal.website.clone()} error={visible("legal_profile.website")}
                    on_input={update(|d, v| d.legal_profile.website = v)} on_blur={leave("legal_profile.website")} />
            </fieldset>
            <fieldset>
                <legend>{ t.legend_contact().to_string() }</legend>
                <p class="hint">{ t.profile_contact_why().to_string() }</p>
                <TextField path="primary_contact.first_name" label={t.field_first_name().to_string()} autocomplete="off"
                    value={contact.first_name.clone()} error={visible("primary_contact.first_name")}
                    on_input={update(|d, v| d.primary_contact.first_name = v)} on_blur={leave("primary_contact.first_name")} />
                <TextField path="primary_contact.last_name" label={t.field_last_name().to_string()} autocomplete="off"
                    value={contact.last_name.clone()} error={visible("primary_contact.last_name")}
                    on_input={update(|d, v| d.primary_contact.last_name = v)} on_blur={leave("primary_contact.last_name")} />
                <TextField path="primary_contact.email" label={t.field_work_email().to_string()} kind="email" autocomplete="off"
                    value={contact.email.clone()} error={visible("primary_contact.email")}
                    on_input={update(|d, v| d.primary_contact.email = v)} on_blur={leave("primary_contact.email")} />
                <TextField path="primary_contact.phone" label={t.field_phone().to_string()} kind="tel" autocomplete="off"
                    hint={t.phone_hint().to_string()} value={contact.phone.clone()} error={visible("primary_contact.phone")}
                    on_input={update(|d, v| d.primary_contact.phone = v)} on_blur={leave("primary_contact.phone")} />
            </fieldset>
            <SubmitButton label={props.submit_label.clone().unwrap_or_else(|| t.register_now().to_string().into())} busy={guard.busy()} />
        </form>
    }
}
