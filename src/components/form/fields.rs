//! Accessible form pieces (GOV.UK patterns): a real `<label>`, the hint and the error above
//! the control and tied to it by `aria-describedby`, and an error summary that takes focus and
//! links to each field.

use partner_domain::Code;
use stylist::yew::use_style;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::Field;
use crate::i18n::{use_i18n, I18n};

/// The sentence for a field error code. Exhaustive: a new code without a message does not
/// compile.
pub fn code_message(t: &I18n, code: Code, postal_example: &str) -> String {
    match code {
        Code::Required => t.code_required(),
        Code::NameTooLong | Code::LegalNameTooLong | Code::TextTooLong => t.code_too_long(),
        Code::TextControlChars => t.code_control_chars(),
        Code::EmailFormat => t.code_email_format(),
        Code::EmailFreeMail => t.code_email_free_mail(),
        Code::EmailRoleAddress => t.code_email_role_address(),
        Code::EmailTaken => t.code_email_taken(),
        Code::DomainPrefixFormat => t.code_domain_prefix_format(),
        Code::DomainPrefixLength => t.code_domain_prefix_length(),
        Code::DomainPrefixTaken => t.code_domain_prefix_taken(),
        Code::PasswordTooShort => t.code_password_too_short(),
        Code::PasswordOneClass => t.code_password_one_class(),
        Code::PasswordIsEmail => t.code_password_is_email(),
        Code::PasswordWrong => t.code_password_wrong(),
        Code::PasswordUnchanged => t.code_password_unchanged(),
        Code::PhoneFormat => t.code_phone_format(),
        Code::WebsiteFormat => t.code_website_format(),
        Code::CountryUnsupported => t.code_country_unsupported(),
        Code::CountryLocked => t.code_country_locked(),
        Code::PostalCodeFormat => t.code_postal_code_format(postal_example.to_owned()),
        Code::RegionUnknown => t.code_region_unknown(),
        Code::AgreementNotCurrent => t.code_agreement_not_current(),
        Code::ConsentRequired => t.agreement_must_check(),
        Code::LastGlobalAdmin => t.code_last_global_admin(),
        Code::GlobalAdminOnly => t.code_global_admin_only(),
        Code::EmailDuplicate => t.code_email_duplicate(),
        Code::EmailOtherDomain => t.code_email_other_domain(),
        Code::RoleUnknown => t.code_role_unknown(),
        Code::ImportTooMany => t.code_import_too_many(),
        Code::SeedTooMany => t.code_seed_too_many(),
        Code::DateFormat => t.code_date_format(),
        Code::DateRange => t.code_date_range(),
        Code::DocumentEmpty => t.code_document_empty(),
        Code::DocumentTooLarge => t.code_document_too_large(),
        Code::DocumentType => t.code_document_type(),
        Code::DocumentsTooMany => t.code_documents_too_many(),
        // Sent by a newer server than this build.
        Code::Unknown => t.code_other(),
    }
    .to_string()
}

/// The DOM id of the control for a field path (`legal_profile.address.city` →
/// `legal_profile-address-city`).
pub fn field_id(path: &str) -> String {
    path.replace('.', "-")
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub field: Field,
    pub label: AttrValue,
    #[prop_or(AttrValue::Static("text"))]
    pub kind: AttrValue,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or(true)]
    pub required: bool,
    /// Fixed text right after the box, part of the value the user gives (a user's `@domain`).
    #[prop_or_default]
    pub suffix: Option<AttrValue>,
    /// Extra text after the control (live previews), announced with it.
    #[prop_or_default]
    pub children: Html,
}

/// `aria-describedby`: the ids of the hint, the error and the suffix, those that are shown.
fn described_by(hint: Option<&str>, error: Option<&str>, suffix: Option<&str>) -> Option<String> {
    let ids: Vec<&str> = [hint, error, suffix].into_iter().flatten().collect();
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// What every field shows around its control: the label, then the hint and the error.
fn field_frame(
    field: &Field,
    label: &AttrValue,
    required: bool,
    hint: Option<&AttrValue>,
    control: Html,
) -> Html {
    let id = field_id(&field.path);
    html! {
        <div class={classes!("field", field.error.as_ref().map(|_| "field-invalid"))}>
            <label for={id.clone()}>
                { label.clone() }
                if required { <span class="required" aria-hidden="true">{ " *" }</span> }
            </label>
            if let Some(hint) = hint { <p id={format!("{id}-hint")} class="hint">{ hint.clone() }</p> }
            if let Some(error) = &field.error { <p id={format!("{id}-error")} class="error-message">{ error.clone() }</p> }
            { control }
        </div>
    }
}

#[function_component]
pub fn TextField(props: &FieldProps) -> Html {
    // A box with fixed text after it (a user's name, then "@contoso.onmicrosoft.com").
    let affix = use_style!(
        r#"
        display: flex; align-items: center; gap: var(--space-1); max-width: 32rem; flex-wrap: wrap;
        input { flex: 1 1 10rem; width: auto; }
        .suffix { font-weight: 600; overflow-wrap: anywhere; }
        "#
    );
    let field = &props.field;
    let id = field_id(&field.path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let suffix_id = format!("{id}-suffix");
    let described = described_by(
        props.hint.as_ref().map(|_| hint_id.as_str()),
        field.error.as_ref().map(|_| error_id.as_str()),
        props.suffix.as_ref().map(|_| suffix_id.as_str()),
    );
    let on_input = field
        .on_input
        .reform(|e: InputEvent| e.target_unchecked_into::<HtmlInputElement>().value());
    let on_blur = field.on_blur.reform(|_: FocusEvent| ());
    let input = html! {
        <input
            id={id.clone()}
            name={field.path.clone()}
            type={props.kind.clone()}
            value={field.value.clone()}
            autocomplete={props.autocomplete.clone()}
            required={props.required}
            aria-invalid={field.error.as_ref().map(|_| "true")}
            aria-describedby={described}
            oninput={on_input}
            onblur={on_blur}
        />
    };
    let control = html! {
        <>
            if let Some(suffix) = &props.suffix {
                <div class={classes!("input-affix", affix)}>
                    { input }
                    <span id={suffix_id} class="suffix">{ suffix.clone() }</span>
                </div>
            } else {
                { input }
            }
            { props.children.clone() }
        </>
    };
    field_frame(
        field,
        &props.label,
        props.required,
        props.hint.as_ref(),
        control,
    )
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    /// Choosing an option counts as leaving the field.
    pub field: Field,
    pub label: AttrValue,
    /// (value, label); an empty first option lets "nothing chosen yet" be visible.
    pub options: Vec<(AttrValue, AttrValue)>,
    #[prop_or(true)]
    pub required: bool,
    #[prop_or_default]
    pub autocomplete: Option<AttrValue>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// Shown but not changeable (the hint says why).
    #[prop_or_default]
    pub disabled: bool,
}

#[function_component]
pub fn SelectField(props: &SelectProps) -> Html {
    let field = &props.field;
    let id = field_id(&field.path);
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described = described_by(
        props.hint.as_ref().map(|_| hint_id.as_str()),
        field.error.as_ref().map(|_| error_id.as_str()),
        None,
    );
    let on_change = {
        let (on_input, on_blur) = (field.on_input.clone(), field.on_blur.clone());
        Callback::from(move |e: Event| {
            on_input.emit(e.target_unchecked_into::<HtmlSelectElement>().value());
            on_blur.emit(());
        })
    };
    let control = html! {
        <select
            {id}
            name={field.path.clone()}
            required={props.required}
            disabled={props.disabled}
            autocomplete={props.autocomplete.clone()}
            aria-invalid={field.error.as_ref().map(|_| "true")}
            aria-describedby={described}
            onchange={on_change}
        >
            { for props.options.iter().map(|(value, label)| html! {
                <option value={value.clone()} selected={*value == field.value}>{ label.clone() }</option>
            }) }
        </select>
    };
    field_frame(
        field,
        &props.label,
        props.required,
        props.hint.as_ref(),
        control,
    )
}

#[derive(Properties, PartialEq)]
pub struct ErrorSummaryProps {
    /// (field path, message), in the order of the form.
    pub errors: Vec<(AttrValue, AttrValue)>,
    /// Changes on every failed submit, so that focus moves to the summary each time.
    pub attempt: u32,
}

/// Shown above a form after a failed submit; takes focus so screen readers read it at once.
#[function_component]
pub fn ErrorSummary(props: &ErrorSummaryProps) -> Html {
    let t = use_i18n();
    // GOV.UK's summary: a thick red frame, each error a link to its field.
    let style = use_style!(
        r#"
        border: 4px solid var(--color-error); padding: var(--space-4); margin-bottom: var(--space-6);
        background: var(--color-surface);
        h2 { margin-top: 0; }
        a { color: var(--color-error); font-weight: 600; }
        "#
    );
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.attempt, move |_| {
            if let Some(element) = node.cast::<web_sys::HtmlElement>() {
                let _ = element.focus();
            }
        });
    }
    if props.errors.is_empty() {
        return Html::default();
    }
    html! {
        <div ref={node} class={classes!("error-summary", style)} role="alert" tabindex="-1" aria-labelledby="error-summary-title">
            <h2 id="error-summary-title">{ t.error_summary_title().to_string() }</h2>
            <ul>
                { for props.errors.iter().map(|(path, message)| html! {
                    <li><a href={format!("#{}", field_id(path))}>{ message.clone() }</a></li>
                }) }
            </ul>
        </div>
    }
}
