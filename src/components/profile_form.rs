//! The legal business profile and primary contact form ("S’inscrire maintenant"), shared by
//! the wizard and the partner profile page: country-driven fields, validation as each field is
//! left and on submit (the domain's rules), the server's 422s on the same fields, an error
//! summary, drafts, and failures that keep every value.

use partner_domain::{
    country::{regions, rules_for},
    validate, Partner, ProfileRequest,
};
use yew::prelude::*;

use super::{use_form, DraftBanner, Form, SelectField, SubmitButton, TextField};
use crate::{
    api::use_backend,
    draft::use_draft,
    i18n::{country_options, region_options, use_i18n, use_region_names},
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
    let example = rules_for(&value.legal_profile.address.country)
        .map(|r| r.postal_example)
        .unwrap_or_default();
    let form = {
        let draft = draft.clone();
        use_form(
            &FIELDS,
            value,
            Callback::from(move |next| draft.set(next)),
            validate::profile,
        )
    }
    .with_postal_example(example);
    let onsubmit = {
        let (draft, on_saved) = (draft.clone(), props.on_saved.clone());
        form.on_submit(
            move |body| backend.put_profile(body),
            move |partner: Partner| {
                draft.forget();
                on_saved.emit(partner);
            },
        )
    };
    let optional = |label: String| format!("{label} {}", t.optional());
    html! {
        <form class="form" {onsubmit} novalidate=true>
            <DraftBanner draft_notice={draft.notice()}
                on_discard={{ let d = draft.clone(); Callback::from(move |()| d.clear()) }}
                on_dismiss={{ let d = draft.clone(); Callback::from(move |()| d.dismiss_notice()) }} />
            { form.summary() }
            <fieldset>
                <legend>{ t.legend_legal().to_string() }</legend>
                <TextField field={form.field("legal_profile.legal_name", |v| &mut v.legal_profile.legal_name)}
                    label={t.field_legal_name().to_string()} autocomplete="organization" />
                <AddressFields form={form.clone()} country_locked={props.initial.is_some()} />
                <TextField field={form.field("legal_profile.phone", |v| &mut v.legal_profile.phone)}
                    label={t.field_phone().to_string()} kind="tel" autocomplete="tel" hint={t.phone_hint().to_string()} />
                <TextField field={form.field("legal_profile.website", |v| &mut v.legal_profile.website)}
                    label={optional(t.field_website().to_string())} kind="url" required={false} autocomplete="url" />
            </fieldset>
            <ContactFields form={form.clone()} />
            <SubmitButton label={props.submit_label.clone().unwrap_or_else(|| t.register_now().to_string().into())} busy={form.busy()} />
        </form>
    }
}

#[derive(Properties, PartialEq)]
struct AddressFieldsProps {
    form: Form<ProfileRequest>,
    /// An enrolled partner's legal country stays (the rulebook refuses a change).
    country_locked: bool,
}

/// The legal address, driven by its country: the region list or box, the postal code format.
#[function_component]
fn AddressFields(props: &AddressFieldsProps) -> Html {
    let t = use_i18n();
    let region_names = use_region_names();
    let form = &props.form;
    let country_code = form.value().legal_profile.address.country.clone();
    let rules = rules_for(&country_code);
    let mut country = form.field("legal_profile.address.country", |v| {
        &mut v.legal_profile.address.country
    });
    country.on_input = {
        let form = form.clone();
        Callback::from(move |code: String| {
            form.update(|next| {
                // A region chosen from another country's list means nothing here.
                let keeps_region = regions(&code).is_empty()
                    && regions(&next.legal_profile.address.country).is_empty();
                if !keeps_region {
                    next.legal_profile.address.region.clear();
                }
                next.legal_profile.address.country = code;
            })
        })
    };
    let choose = || std::iter::once((AttrValue::from(""), AttrValue::from(t.choose().to_string())));
    let countries: Vec<(AttrValue, AttrValue)> = choose()
        .chain(country_options(t.lang).iter().cloned())
        .collect();
    let optional = |label: String| format!("{label} {}", t.optional());
    let region_required = rules.is_some_and(|r| r.region_required);
    let region_label = if region_required {
        t.field_region().to_string()
    } else {
        optional(t.field_region().to_string())
    };
    let region_field = form.field("legal_profile.address.region", |v| {
        &mut v.legal_profile.address.region
    });
    // Sorted once per country and language, not at each keystroke in the form.
    let regions_sorted = use_memo(
        (t.lang, country_code.clone(), region_names.clone()),
        |(lang, country, names)| region_options(names.as_deref(), *lang, country),
    );
    let region = match regions(&country_code) {
        [] => html! {
            <TextField field={region_field} label={region_label} required={region_required} autocomplete="address-level1" />
        },
        _ => {
            let options = choose()
                .chain(regions_sorted.iter().cloned())
                .collect::<Vec<_>>();
            html! {
                <SelectField field={region_field} label={region_label} {options} autocomplete="address-level1" />
            }
        }
    };
    let example = rules.map(|r| r.postal_example).unwrap_or_default();
    // Many countries have no postal codes: where we know no shape, the code is optional.
    let postal_label = if rules.is_some() {
        t.field_postal_code().to_string()
    } else {
        optional(t.field_postal_code().to_string())
    };
    html! {
        <>
            <SelectField field={country} label={t.field_country().to_string()} options={countries} autocomplete="country"
                disabled={props.country_locked} hint={props.country_locked.then(|| AttrValue::from(t.country_locked_hint().to_string()))} />
            <TextField field={form.field("legal_profile.address.line1", |v| &mut v.legal_profile.address.line1)}
                label={t.field_address_first().to_string()} autocomplete="address-line1" />
            <TextField field={form.field("legal_profile.address.line2", |v| &mut v.legal_profile.address.line2)}
                label={optional(t.field_address_second().to_string())} required={false} autocomplete="address-line2" />
            <TextField field={form.field("legal_profile.address.city", |v| &mut v.legal_profile.address.city)}
                label={t.field_city().to_string()} autocomplete="address-level2" />
            { region }
            <TextField field={form.field("legal_profile.address.postal_code", |v| &mut v.legal_profile.address.postal_code)}
                label={postal_label} required={rules.is_some()} autocomplete="postal-code"
                hint={(!example.is_empty()).then(|| AttrValue::from(t.postal_hint(example).to_string()))} />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ContactFieldsProps {
    form: Form<ProfileRequest>,
}

/// The primary contact: a person, who receives the verification email.
#[function_component]
fn ContactFields(props: &ContactFieldsProps) -> Html {
    let t = use_i18n();
    let form = &props.form;
    html! {
        <fieldset>
            <legend>{ t.legend_contact().to_string() }</legend>
            <p class="hint">{ t.profile_contact_why().to_string() }</p>
            <TextField field={form.field("primary_contact.first_name", |v| &mut v.primary_contact.first_name)}
                label={t.field_first_name().to_string()} autocomplete="off" />
            <TextField field={form.field("primary_contact.last_name", |v| &mut v.primary_contact.last_name)}
                label={t.field_last_name().to_string()} autocomplete="off" />
            <TextField field={form.field("primary_contact.email", |v| &mut v.primary_contact.email)}
                label={t.field_work_email().to_string()} kind="email" autocomplete="off" />
            <TextField field={form.field("primary_contact.phone", |v| &mut v.primary_contact.phone)}
                label={t.field_phone().to_string()} kind="tel" autocomplete="off" hint={t.phone_hint().to_string()} />
        </fieldset>
    }
}
