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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Fr, Lang::En];

    /// BCP 47 tag, as used by `<html lang>`, the message bundles and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Self::Fr => "fr-FR",
            Self::En => "en-US",
        }
    }

    /// The language's own name, the same in every UI language.
    pub fn native_name(self) -> &'static str {
        match self {
            Self::Fr => "Français",
            Self::En => "English",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|l| l.tag().eq_ignore_ascii_case(tag))
    }

    /// The saved choice; French, the reference language, otherwise.
    fn saved() -> Self {
        LocalStorage::raw()
            .get_item(STORAGE_KEY)
            .ok()
            .flatten()
            .and_then(|tag| Self::from_tag(&tag))
            .unwrap_or(Self::Fr)
    }
}

/// The current language and its messages; `set` switches every text at once.
#[derive(Clone)]
pub struct I18n {
    pub lang: Lang,
    messages: Rc<Messages>,
    set: Callback<Lang>,
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
    pub fn set(&self, lang: Lang) {
        self.set.emit(lang);
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
    let lang = use_state(Lang::saved);
    let set = {
        let lang = lang.setter();
        use_callback((), move |next: Lang, ()| {
            // Losing the saved choice (private mode, full quota) only costs the next visit.
            let _ = LocalStorage::raw().set_item(STORAGE_KEY, next.tag());
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
