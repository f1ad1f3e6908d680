//! Both languages, compiled in: `.ftl` files become typed methods (fluent-static), so a message
//! missing from either language, or used with the wrong arguments, fails the build.

use std::rc::Rc;

use fluent_static::{message_bundle, MessageBundle};
use gloo_storage::{LocalStorage, Storage};
use yew::prelude::*;

#[message_bundle(
    resources = [
        ("src/i18n/locales/fr-FR/main.ftl", "fr-FR"),
        ("src/i18n/locales/en-US/main.ftl", "en-US"),
    ],
    default_language = "fr-FR"
)]
pub struct Messages;

const STORAGE_KEY: &str = "partner-center.lang";

pub use partner_domain::Lang;

pub mod activity;
mod places;
pub use places::{country_name, country_options, region_options, use_region_names};

fn stored_lang() -> Option<Lang> {
    LocalStorage::raw()
        .get_item(STORAGE_KEY)
        .ok()
        .flatten()
        .and_then(|tag| Lang::from_tag(&tag))
}

/// The saved choice; French, the reference language, otherwise.
fn saved_lang() -> Lang {
    stored_lang().unwrap_or(Lang::Fr)
}

/// The browser's preferred language among ours (French unless it prefers English).
fn browser_lang() -> Lang {
    let preferred = gloo_utils::window()
        .navigator()
        .language()
        .unwrap_or_default();
    if preferred.to_ascii_lowercase().starts_with("en") {
        Lang::En
    } else {
        Lang::Fr
    }
}

/// The current language and its messages; `set` switches every text at once.
#[derive(Clone)]
pub struct I18n {
    pub lang: Lang,
    messages: Rc<Messages>,
    set: Callback<(Lang, bool)>,
}

impl PartialEq for I18n {
    fn eq(&self, other: &Self) -> bool {
        self.lang == other.lang
    }
}

impl std::ops::Deref for I18n {
    type Target = Messages;
    fn deref(&self) -> &Messages {
        &self.messages
    }
}

impl I18n {
    /// The user's choice: applied everywhere and remembered.
    pub fn set(&self, lang: Lang) {
        self.set.emit((lang, true));
    }

    /// For pages opened from an email (no session, maybe a first visit): the browser's
    /// language, unless the user already chose one here. Not remembered.
    pub fn follow_browser(&self) {
        if stored_lang().is_none() {
            self.set.emit((browser_lang(), false));
        }
    }
}

fn messages(lang: Lang) -> Rc<Messages> {
    Rc::new(Messages::get(lang.tag()).unwrap_or_default())
}

#[derive(Properties, PartialEq)]
pub struct I18nProviderProps {
    pub children: Html,
}

#[function_component]
pub fn I18nProvider(props: &I18nProviderProps) -> Html {
    let lang = use_state(saved_lang);
    let set = {
        let lang = lang.setter();
        use_callback((), move |(next, remember): (Lang, bool), ()| {
            if remember {
                // Losing the saved choice (private mode, full quota) only costs the next visit.
                let _ = LocalStorage::raw().set_item(STORAGE_KEY, next.tag());
            }
            lang.set(next);
        })
    };
    use_effect_with(*lang, |lang| {
        if let Some(html) = gloo_utils::document().document_element() {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    let context = use_memo(*lang, |lang| I18n {
        lang: *lang,
        messages: messages(*lang),
        set: set.clone(),
    });
    html! {
        <ContextProvider<I18n> context={(*context).clone()}>
            { props.children.clone() }
        </ContextProvider<I18n>>
    }
}

#[hook]
pub fn use_i18n() -> I18n {
    use_context::<I18n>().expect("components are mounted inside the App's I18nProvider")
}

/// The `locales` argument of the browser's `Intl` constructors: the UI language.
fn intl_locales(lang: Lang) -> js_sys::Array {
    js_sys::Array::of1(&lang.tag().into())
}

/// The `options` argument of the browser's `Intl` constructors.
fn intl_options(pairs: &[(&str, &str)]) -> js_sys::Object {
    let options = js_sys::Object::new();
    for (key, value) in pairs {
        let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
    }
    options
}

/// A number with the language's grouping ("10 001", "10,001"), through the browser's `Intl`.
pub fn format_number(lang: Lang, value: f64) -> String {
    js_sys::Intl::NumberFormat::new(&intl_locales(lang), &js_sys::Object::new())
        .format()
        .call1(&wasm_bindgen::JsValue::NULL, &value.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// A date and time in the language's own format, through the browser's `Intl`.
pub fn format_date_time(lang: Lang, epoch_ms: f64) -> String {
    let options = intl_options(&[("dateStyle", "long"), ("timeStyle", "short")]);
    let format = js_sys::Intl::DateTimeFormat::new(&intl_locales(lang), &options).format();
    format
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new(&epoch_ms.into()),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// An RFC 3339 time in the user's language (as sent when it cannot be read).
pub fn date_of(t: &I18n, rfc3339: &str) -> String {
    let ms = js_sys::Date::parse(rfc3339);
    if ms.is_nan() {
        rfc3339.to_owned()
    } else {
        format_date_time(t.lang, ms)
    }
}

/// A role's name in the current language.
pub fn role_name(t: &I18n, role: partner_domain::Role) -> String {
    use partner_domain::Role;
    match role {
        Role::GlobalAdmin => t.role_global_admin(),
        Role::UserManagementAdmin => t.role_user_management_admin(),
        Role::AccountAdmin => t.role_account_admin(),
        Role::AdminAgent => t.role_admin_agent(),
        Role::SalesAgent => t.role_sales_agent(),
        Role::HelpdeskAgent => t.role_helpdesk_agent(),
        Role::BillingAdmin => t.role_billing_admin(),
        Role::MpnPartnerAdmin => t.role_mpn_partner_admin(),
        Role::ReferralsAdmin => t.role_referrals_admin(),
        Role::IncentivesAdmin => t.role_incentives_admin(),
        Role::ReportViewer => t.role_report_viewer(),
    }
    .to_string()
}

/// One line on what a role can do.
pub fn role_description(t: &I18n, role: partner_domain::Role) -> String {
    use partner_domain::Role;
    match role {
        Role::GlobalAdmin => t.role_global_admin_desc(),
        Role::UserManagementAdmin => t.role_user_management_admin_desc(),
        Role::AccountAdmin => t.role_account_admin_desc(),
        Role::AdminAgent => t.role_admin_agent_desc(),
        Role::SalesAgent => t.role_sales_agent_desc(),
        Role::HelpdeskAgent => t.role_helpdesk_agent_desc(),
        Role::BillingAdmin => t.role_billing_admin_desc(),
        Role::MpnPartnerAdmin => t.role_mpn_partner_admin_desc(),
        Role::ReferralsAdmin => t.role_referrals_admin_desc(),
        Role::IncentivesAdmin => t.role_incentives_admin_desc(),
        Role::ReportViewer => t.role_report_viewer_desc(),
    }
    .to_string()
}
