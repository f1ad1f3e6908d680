//! Country and region names in the UI language. Countries: every ISO 3166-1 code, named by the
//! browser's own copy of the Unicode CLDR (`Intl.DisplayNames`) and sorted by its collation
//! (`Intl.Collator`), so neither the names nor a sorting table weigh on the wasm. Regions: the
//! names of `crates/domain/data/regions.tsv`, loaded from `/regions.tsv` when a form first needs
//! them (compiled in for the tests).

use std::{cell::RefCell, cmp::Ordering, rc::Rc};

use js_sys::{Function, Intl, Object};
use partner_domain::country::{region_names, ISO_CODES};
use wasm_bindgen::JsValue;
use yew::prelude::*;

use super::{intl_locales, intl_options, I18n, Lang};

/// (value, label) options of a select.
pub type Options = Rc<[(AttrValue, AttrValue)]>;

/// Sorts `(value, label)` pairs by label as the language sorts words ("Égypte" before "Espagne").
fn sort_by_label(lang: Lang, options: &mut [(AttrValue, AttrValue)]) {
    let compare: Function = Intl::Collator::new(&intl_locales(lang), &Object::new()).compare();
    options.sort_by(|(_, a), (_, b)| {
        compare
            .call2(&JsValue::NULL, &a.as_str().into(), &b.as_str().into())
            .ok()
            .and_then(|order| order.as_f64())
            .map_or_else(
                || a.cmp(b),
                |order| order.partial_cmp(&0.0).unwrap_or(Ordering::Equal),
            )
    });
}

thread_local! {
    static COUNTRIES: RefCell<Option<(Lang, Options)>> = const { RefCell::new(None) };
}

/// Every country as (code, name), sorted by name; built once per language.
pub fn country_options(lang: Lang) -> Options {
    COUNTRIES.with(|cache| {
        if let Some((cached, options)) = &*cache.borrow() {
            if *cached == lang {
                return options.clone();
            }
        }
        let names = Intl::DisplayNames::new(
            &intl_locales(lang),
            &intl_options(&[("type", "region"), ("fallback", "code")]),
        );
        let mut options: Vec<(AttrValue, AttrValue)> = ISO_CODES
            .iter()
            .map(|code| {
                let name = names
                    .of(code)
                    .map_or_else(|| (*code).to_owned(), String::from);
                (AttrValue::from(*code), AttrValue::from(name))
            })
            .collect();
        sort_by_label(lang, &mut options);
        let options: Options = options.into();
        *cache.borrow_mut() = Some((lang, options.clone()));
        options
    })
}

/// A country's name in the current language (`FR` → "France"); the code if it has none.
pub fn country_name(t: &I18n, code: &str) -> String {
    country_options(t.lang)
        .iter()
        .find(|(value, _)| value == code)
        .map_or_else(|| code.to_owned(), |(_, name)| name.to_string())
}

/// The regions' names, once loaded: [country, code, English, French] rows. `Eq`, so that an
/// `Rc` of them compares by pointer first.
#[derive(PartialEq, Eq)]
pub struct RegionNames(Vec<[AttrValue; 4]>);

impl RegionNames {
    fn parse(tsv: &str) -> Self {
        Self(
            region_names(tsv)
                .map(|row| row.map(|field| AttrValue::from(field.to_owned())))
                .collect(),
        )
    }

    fn name(row: &[AttrValue; 4], lang: Lang) -> &AttrValue {
        match lang {
            Lang::En => &row[2],
            Lang::Fr => &row[3],
        }
    }

    /// A region's name (`US`, `NC` → "Caroline du Nord"), if the country has a list.
    pub fn name_of(&self, lang: Lang, country: &str, code: &str) -> Option<AttrValue> {
        self.0
            .iter()
            .find(|row| row[0] == country && row[1] == code)
            .map(|row| Self::name(row, lang).clone())
    }
}

/// A country's regions as (code, name) options sorted by name; the codes stand in for the names
/// until they are loaded (or if they cannot be).
pub fn region_options(
    names: Option<&RegionNames>,
    lang: Lang,
    country: &str,
) -> Vec<(AttrValue, AttrValue)> {
    let mut options: Vec<(AttrValue, AttrValue)> = partner_domain::country::regions(country)
        .iter()
        .map(|code| {
            let name = names
                .and_then(|names| names.name_of(lang, country, code))
                .unwrap_or_else(|| AttrValue::from(*code));
            (AttrValue::from(*code), name)
        })
        .collect();
    sort_by_label(lang, &mut options);
    options
}

thread_local! {
    static REGIONS: RefCell<RegionsState> = const { RefCell::new(RegionsState::Missing) };
}

enum RegionsState {
    Missing,
    Loading(Vec<Callback<Rc<RegionNames>>>),
    Loaded(Rc<RegionNames>),
}

/// The regions' names: `None` until they arrive. Loaded once for the whole app; a failed load
/// is tried again by the next form that needs them.
#[hook]
pub fn use_region_names() -> Option<Rc<RegionNames>> {
    let names = use_state(|| {
        REGIONS.with(|state| {
            let mut state = state.borrow_mut();
            if let (RegionsState::Missing, Some(tsv)) =
                (&*state, partner_domain::country::REGIONS_TSV)
            {
                *state = RegionsState::Loaded(Rc::new(RegionNames::parse(tsv)));
            }
            match &*state {
                RegionsState::Loaded(names) => Some(names.clone()),
                _ => None,
            }
        })
    });
    {
        let names = names.clone();
        use_effect_with((), move |()| {
            if names.is_none() {
                let arrived = Callback::from(move |loaded| names.set(Some(loaded)));
                REGIONS.with(|state| {
                    let mut state = state.borrow_mut();
                    match &mut *state {
                        RegionsState::Loaded(loaded) => arrived.emit(loaded.clone()),
                        RegionsState::Loading(waiting) => waiting.push(arrived),
                        RegionsState::Missing => {
                            *state = RegionsState::Loading(vec![arrived]);
                            wasm_bindgen_futures::spawn_local(load_region_names());
                        }
                    }
                });
            }
        });
    }
    (*names).clone()
}

async fn load_region_names() {
    let loaded = crate::api::assets::fetch_text("regions.tsv").await;
    let waiting = REGIONS.with(|state| {
        let mut state = state.borrow_mut();
        let next = match &loaded {
            Ok(tsv) => RegionsState::Loaded(Rc::new(RegionNames::parse(tsv))),
            Err(_) => RegionsState::Missing,
        };
        match std::mem::replace(&mut *state, next) {
            RegionsState::Loading(waiting) => waiting,
            _ => Vec::new(),
        }
    });
    if let Some(names) = REGIONS.with(|state| match &*state.borrow() {
        RegionsState::Loaded(names) => Some(names.clone()),
        _ => None,
    }) {
        for arrived in waiting {
            arrived.emit(names.clone());
        }
    }
}
