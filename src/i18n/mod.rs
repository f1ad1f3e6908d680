//! Both languages: `build.rs` turns `locales/*/main.ftl` into one typed method per message, so
//! that a message missing from either language, or used with the wrong arguments, fails the
//! build. French, the reference language, is compiled (fluent-static); English is fetched and
//! read (`reader.rs`) the first time a reader wants it, so that the first download carries one
//! language's texts. A unit test reads the French file at run time too and checks that every
//! message comes out as the compiled French: the reader reads as Fluent does.

use std::{cell::RefCell, rc::Rc};

use fluent_static::{message_bundle, value::Value};
use gloo_storage::{LocalStorage, Storage};
use yew::prelude::*;

mod message;
mod reader;
pub mod written;

pub use message::{Arg, Message};
use reader::Catalog;

#[message_bundle(
    resources = [("locales/fr-FR/main.ftl", "fr-FR")],
    default_language = "fr-FR"
)]
pub struct French;

include!(concat!(env!("OUT_DIR"), "/messages.rs"));

impl From<Arg> for Value<'static> {
    fn from(arg: Arg) -> Self {
        match arg {
            Arg::Text(text) => text.into(),
            Arg::Number(n) => n.into(),
        }
    }
}

impl From<fluent_static::Message> for Message {
    fn from(message: fluent_static::Message) -> Self {
        Message::new(message.to_string())
    }
}

/// One language's messages: French compiled in, or a catalog read at run time.
#[derive(Clone)]
pub enum Messages {
    Compiled(Rc<French>),
    Read(Rc<Catalog>),
}

thread_local! {
    /// The English catalog, once fetched and read.
    static ENGLISH: RefCell<Option<Rc<Catalog>>> = const { RefCell::new(None) };
}

/// English's messages if they are here already. The server (`snapshot.rs`) reads them from the
/// file compiled in, once per thread.
fn english_now() -> Option<Rc<Catalog>> {
    #[cfg(feature = "ssr")]
    ENGLISH.with_borrow_mut(|english| {
        if english.is_none() {
            let source = include_str!("../../locales/en-US/main.ftl");
            *english = Catalog::parse(Lang::En, source, MESSAGE_COUNT)
                .ok()
                .map(Rc::new);
        }
    });
    ENGLISH.with(|e| e.borrow().clone())
}

/// Gets English's messages to `done`. The reader is in the app's second part (French readers
/// never run it): it runs once that part has arrived, and once per visit.
fn load_english(done: Callback<Result<Rc<Catalog>, String>>) {
    if let Some(english) = english_now() {
        return done.emit(Ok(english));
    }
    // The file is asked for now, beside the rest of the wasm rather than after it, a round trip
    // sooner; the reader takes the answer.
    crate::api::ahead::ask(ENGLISH_URL);
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = crate::deferred::rest_arrived().await {
            return done.emit(Err(format!(
                "the second part of the app did not load: {e:?}"
            )));
        }
        let read = Box::new(move |read: Result<Catalog, String>| {
            let read = read.map(|catalog| {
                let english = Rc::new(catalog);
                ENGLISH.with(|e| *e.borrow_mut() = Some(english.clone()));
                english
            });
            done.emit(read);
        });
        reader::fetch(Lang::En, ENGLISH_URL, MESSAGE_COUNT, read);
    });
}

impl Messages {
    fn french() -> Self {
        Self::Compiled(Rc::new(French::default()))
    }

    fn lang(&self) -> Lang {
        match self {
            Self::Compiled(_) => Lang::Fr,
            Self::Read(catalog) => catalog.lang,
        }
    }
}

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

/// The saved choice; French, the reference language, otherwise. (The server is told: `Reader`.)
#[cfg(not(feature = "ssr"))]
fn saved_lang() -> Lang {
    stored_lang().unwrap_or(Lang::Fr)
}

/// The server renders the user list's first page itself (`crates/server/src/first_page.rs`), in
/// the language and the time zone it reads in two cookies: written when the list is shown and
/// when a language is chosen, kept a year.
fn tell_the_server(lang: Lang) {
    let zone = js_sys::Intl::DateTimeFormat::new(&intl_locales(lang), &js_sys::Object::new())
        .resolved_options();
    let zone = js_sys::Reflect::get(&zone, &"timeZone".into())
        .ok()
        .and_then(|zone| zone.as_string());
    let document = gloo_utils::document();
    let cookies = [
        (Lang::COOKIE, Some(lang.tag().to_owned())),
        (partner_domain::TIME_ZONE_COOKIE, zone),
    ];
    for (name, value) in cookies {
        if let Some(value) = value {
            let cookie = format!("{name}={value};path=/;max-age=31536000;samesite=lax");
            let _ = js_sys::Reflect::set(&document, &"cookie".into(), &cookie.into());
        }
    }
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

/// Whom the server renders a page for (`snapshot.rs`): the language their browser keeps, and
/// the time zone it writes times in.
#[cfg(feature = "ssr")]
#[derive(Clone, PartialEq)]
pub struct Reader {
    lang: Lang,
    zone: jiff::tz::TimeZone,
}

#[cfg(feature = "ssr")]
impl Reader {
    /// A reader of `lang` in the time zone named `zone` (IANA), if it is one.
    pub fn new(lang: Lang, zone: &str) -> Option<Self> {
        let zone = jiff::tz::TimeZone::get(zone).ok()?;
        Some(Self { lang, zone })
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }
}

/// The current language and its messages; `set` switches every text at once.
#[derive(Clone)]
pub struct I18n {
    pub lang: Lang,
    messages: Messages,
    set: Callback<(Lang, bool)>,
    #[cfg(feature = "ssr")]
    zone: jiff::tz::TimeZone,
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

#[derive(Properties, PartialEq)]
pub struct I18nProviderProps {
    pub children: Html,
}

/// Shows the language asked for once its messages are here: until then, the one shown before
/// (or, on a first render in English, nothing, until the app's second part and the English file
/// have arrived). If English cannot be had, French stays, and the console says why.
#[function_component]
pub fn I18nProvider(props: &I18nProviderProps) -> Html {
    #[cfg(feature = "ssr")]
    let reader = use_context::<Reader>().expect("the server's page names its reader");
    #[cfg(feature = "ssr")]
    let saved_lang = || reader.lang;
    let wanted = use_state(saved_lang);
    let shown = use_state(|| match *wanted {
        Lang::Fr => Some(Messages::french()),
        Lang::En => english_now().map(Messages::Read),
    });
    // Only the latest request counts: a reader switching back and forth ends on their last choice.
    let latest = use_mut_ref(|| *wanted);
    let set = {
        let wanted = wanted.setter();
        use_callback((), move |(next, remember): (Lang, bool), ()| {
            if remember {
                // Losing the saved choice (private mode, full quota) only costs the next visit.
                let _ = LocalStorage::raw().set_item(STORAGE_KEY, next.tag());
                tell_the_server(next);
            }
            wanted.set(next);
        })
    };
    let lang = shown.as_ref().map(Messages::lang);
    {
        let shown = shown.clone();
        use_effect_with(*wanted, move |wanted| {
            *latest.borrow_mut() = *wanted;
            match *wanted {
                _ if lang == Some(*wanted) => {}
                Lang::Fr => shown.set(Some(Messages::french())),
                Lang::En => load_english(Callback::from(move |read: Result<_, String>| {
                    if *latest.borrow() != Lang::En {
                        return;
                    }
                    match read {
                        Ok(english) => shown.set(Some(Messages::Read(english))),
                        Err(error) => {
                            web_sys::console::warn_1(&error.into());
                            if shown.is_none() {
                                shown.set(Some(Messages::french()));
                            }
                        }
                    }
                })),
            }
        });
    }
    use_effect_with(lang, |lang| {
        if let (Some(lang), Some(html)) = (lang, gloo_utils::document().document_element()) {
            let _ = html.set_attribute("lang", lang.tag());
        }
    });
    let context = use_memo(lang, |_| {
        shown.as_ref().map(|messages| I18n {
            lang: messages.lang(),
            messages: messages.clone(),
            set: set.clone(),
            #[cfg(feature = "ssr")]
            zone: reader.zone.clone(),
        })
    });
    match &*context {
        Some(context) => html! {
            <ContextProvider<I18n> context={context.clone()}>
                { props.children.clone() }
            </ContextProvider<I18n>>
        },
        None => html! {},
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

/// The `Intl` formats the app writes with.
#[derive(Clone, Copy, PartialEq)]
enum Format {
    Number,
    /// "30 novembre 2026 à 14:05".
    DateTime,
    /// "30 nov. 2026".
    Day,
}

/// `format`'s function for `lang`, made once: a constructor costs a tenth of a millisecond or
/// more, and a list's rows called one each on every keystroke.
fn intl(lang: Lang, format: Format) -> js_sys::Function {
    thread_local! {
        static MADE: RefCell<Vec<(Lang, Format, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
    }
    MADE.with_borrow_mut(|made| {
        if let Some((_, _, function)) = made.iter().find(|(l, f, _)| *l == lang && *f == format) {
            return function.clone();
        }
        let locales = intl_locales(lang);
        let function = match format {
            Format::Number => {
                js_sys::Intl::NumberFormat::new(&locales, &js_sys::Object::new()).format()
            }
            Format::DateTime => js_sys::Intl::DateTimeFormat::new(
                &locales,
                &intl_options(&[("dateStyle", "long"), ("timeStyle", "short")]),
            )
            .format(),
            Format::Day => js_sys::Intl::DateTimeFormat::new(
                &locales,
                &intl_options(&[("dateStyle", "medium")]),
            )
            .format(),
        };
        made.push((lang, format, function.clone()));
        function
    })
}

/// Makes the formats a list of users writes with (its count, its rows' days) for `lang`, once
/// the list's first request is on its way: a page's first `Intl` object costs the browser some
/// 30 ms of loading its locale data, which the wait for the answer then hides. (On a deep link
/// index.html's script makes the same ones while the wasm downloads: `xtask/src/spa.rs`.)
/// It then tells the server how this reader reads the list (`tell_the_server`).
pub fn prepare_list_formats(lang: Lang) {
    wasm_bindgen_futures::spawn_local(async move {
        intl(lang, Format::Number);
        intl(lang, Format::Day);
        tell_the_server(lang);
    });
}

/// A number with the language's grouping ("10 001", "10,001"), through the browser's `Intl`.
#[cfg(not(feature = "ssr"))]
pub fn format_number(lang: Lang, value: f64) -> String {
    intl(lang, Format::Number)
        .call1(&wasm_bindgen::JsValue::NULL, &value.into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| value.to_string())
}

/// A count with the language's grouping, as the browser's `Intl` writes it.
#[cfg(feature = "ssr")]
pub fn format_number(lang: Lang, value: f64) -> String {
    written::number(lang, value as u64)
}

/// A date and time in the language's own format, through the browser's `Intl`.
pub fn format_date_time(lang: Lang, epoch_ms: f64) -> String {
    intl_format(lang, epoch_ms, Format::DateTime)
}

/// `epoch_ms` as `format` writes it in the language.
fn intl_format(lang: Lang, epoch_ms: f64, format: Format) -> String {
    intl(lang, format)
        .call1(
            &wasm_bindgen::JsValue::NULL,
            &js_sys::Date::new(&epoch_ms.into()),
        )
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// An RFC 3339 time as `format` writes it, or as sent when it cannot be read. The server writes
/// days only: it renders the user list alone (`snapshot.rs`), whose rows show days.
#[cfg(feature = "ssr")]
fn stamp_in(t: &I18n, rfc3339: &str, format: Format) -> String {
    match (format, rfc3339.parse::<jiff::Timestamp>()) {
        (Format::Day, Ok(at)) => {
            let date = at.to_zoned(t.zone.clone()).date();
            written::day(t.lang, date.year(), date.month(), date.day())
        }
        _ => rfc3339.to_owned(),
    }
}

/// An RFC 3339 time as `format` writes it, or as sent when the browser cannot read it.
#[cfg(not(feature = "ssr"))]
fn stamp_in(t: &I18n, rfc3339: &str, format: Format) -> String {
    let ms = js_sys::Date::parse(rfc3339);
    if ms.is_nan() {
        rfc3339.to_owned()
    } else {
        intl_format(t.lang, ms, format)
    }
}

/// An RFC 3339 time in the user's language (as sent when it cannot be read).
pub fn date_of(t: &I18n, rfc3339: &str) -> String {
    stamp_in(t, rfc3339, Format::DateTime)
}

/// An RFC 3339 day in the user's language, short ("30 nov. 2026"), for a list's rows. Each
/// keystroke writes the rows in view again, mostly with the same few times (users invited
/// together): each time is written once per language (a `Date.parse` and an `Intl` call
/// apiece), and the last few dozen are kept.
pub fn day_of(t: &I18n, rfc3339: &str) -> String {
    /// More than a view's rows.
    const KEPT: usize = 64;
    thread_local! {
        static WRITTEN: RefCell<Vec<(String, Lang, String)>> = const { RefCell::new(Vec::new()) };
    }
    WRITTEN.with_borrow_mut(|written| {
        if let Some((_, _, day)) = written
            .iter()
            .find(|(at, lang, _)| at == rfc3339 && *lang == t.lang)
        {
            return day.clone();
        }
        let day = stamp_in(t, rfc3339, Format::Day);
        if written.len() >= KEPT {
            written.clear();
        }
        written.push((rfc3339.to_owned(), t.lang, day.clone()));
        day
    })
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

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    /// The reader English goes through, given the French file, says every message as the
    /// compiled French does (`reads.rs`, from `build.rs`: each message with text, then with
    /// numbers, as arguments).
    #[test]
    fn the_reader_says_every_message_as_the_compiled_french() {
        let source = include_str!("../../locales/fr-FR/main.ftl");
        let read = Messages::Read(Rc::new(
            Catalog::parse(Lang::Fr, source, MESSAGE_COUNT).unwrap(),
        ));
        let compiled = Messages::french();
        include!(concat!(env!("OUT_DIR"), "/reads.rs"));
    }

    /// The user list's rows write their days again at each keystroke, through a memo: in the
    /// language the rows are in, even for a time first written in the other.
    #[test]
    fn a_day_is_written_in_the_language_of_the_moment() {
        let english = Messages::Read(Rc::new(
            Catalog::parse(
                Lang::En,
                include_str!("../../locales/en-US/main.ftl"),
                MESSAGE_COUNT,
            )
            .unwrap(),
        ));
        let in_lang = |lang, messages| I18n {
            lang,
            messages,
            set: Callback::noop(),
        };
        let (fr, en) = (
            in_lang(Lang::Fr, Messages::french()),
            in_lang(Lang::En, english),
        );
        let at = "2026-11-30T10:00:00Z";
        assert_eq!(day_of(&fr, at), "30 nov. 2026");
        assert_eq!(day_of(&en, at), "Nov 30, 2026");
        assert_eq!(day_of(&fr, at), "30 nov. 2026");
        assert_eq!(day_of(&en, "hier"), "hier");
    }

    #[test]
    fn the_english_file_reads_in_full() {
        let source = include_str!("../../locales/en-US/main.ftl");
        let english = Messages::Read(Rc::new(
            Catalog::parse(Lang::En, source, MESSAGE_COUNT).unwrap(),
        ));
        assert_eq!(
            english.users_count(2, "2").to_string(),
            "\u{2068}2\u{2069} users"
        );
    }
}
