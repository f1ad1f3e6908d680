//! Drafts in local storage (DESIGN.md): each form's unsent input, saved as typed (debounced),
//! per user and form, in a versioned envelope. Whatever is in storage, a form never crashes:
//! corrupt or old drafts are discarded with a notice, a full quota only costs the draft.

use std::{cell::RefCell, rc::Rc};

use gloo_storage::{LocalStorage, Storage};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use yew::prelude::*;

/// Bumped when a draft's shape changes: older drafts are then discarded, never misread.
pub const SCHEMA_VERSION: u32 = 1;
const PREFIX: &str = "partner-center.draft";
const DEBOUNCE_MS: u32 = 300;

#[derive(Debug, Serialize, Deserialize)]
struct Envelope<T> {
    v: u32,
    /// Milliseconds since the epoch.
    saved_at: f64,
    data: T,
}

/// What the user is told about their draft.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DraftNotice {
    /// A draft saved at this time (ms since the epoch) was put back in the form.
    Restored(f64),
    /// A stored draft could not be read (corrupt, or from an older version) and was removed.
    Discarded,
    /// Storage refused the draft (quota): the form keeps working, unsaved.
    NotSaved,
}

#[derive(Debug, PartialEq)]
enum Stored<T> {
    Missing,
    Found(T, f64),
    Unreadable,
}

fn key(owner: &str, form: &str) -> String {
    format!("{PREFIX}.{owner}.{form}")
}

fn decode<T: DeserializeOwned>(raw: Option<String>) -> Stored<T> {
    let Some(raw) = raw else {
        return Stored::Missing;
    };
    match serde_json::from_str::<Envelope<T>>(&raw) {
        Ok(envelope) if envelope.v == SCHEMA_VERSION => {
            Stored::Found(envelope.data, envelope.saved_at)
        }
        _ => Stored::Unreadable,
    }
}

fn read_raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

fn write<T: Serialize>(key: &str, data: &T) -> Result<(), ()> {
    let envelope = Envelope {
        v: SCHEMA_VERSION,
        saved_at: js_sys::Date::now(),
        data,
    };
    let json = serde_json::to_string(&envelope).map_err(|_| ())?;
    LocalStorage::raw().set_item(key, &json).map_err(|_| ())
}

/// Removes every draft of `owner` (at sign-out: nothing typed stays behind).
pub fn clear_all(owner: &str) {
    let storage = LocalStorage::raw();
    let prefix = format!("{PREFIX}.{owner}.");
    let keys: Vec<String> = (0..LocalStorage::length())
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| k.starts_with(&prefix))
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
}

/// A form's values and what to tell the user about their draft.
pub struct DraftHandle<T> {
    value: UseStateHandle<T>,
    notice: UseStateHandle<Option<DraftNotice>>,
    key: Rc<str>,
    timer: Rc<RefCell<Option<gloo_timers::callback::Timeout>>>,
}

impl<T> Clone for DraftHandle<T> {
    fn clone(&self) -> Self {
        Self {
            value: self.value.clone(),
            notice: self.notice.clone(),
            key: self.key.clone(),
            timer: self.timer.clone(),
        }
    }
}

impl<T: PartialEq> PartialEq for DraftHandle<T> {
    fn eq(&self, other: &Self) -> bool {
        *self.value == *other.value && *self.notice == *other.notice && self.key == other.key
    }
}

impl<T: Serialize + Clone + Default + 'static> DraftHandle<T> {
    pub fn value(&self) -> &T {
        &self.value
    }

    pub fn notice(&self) -> Option<DraftNotice> {
        *self.notice
    }

    /// Changes the form and saves the draft once typing pauses.
    pub fn set(&self, next: T) {
        self.value.set(next.clone());
        let (key, notice) = (self.key.clone(), self.notice.clone());
        let timer = gloo_timers::callback::Timeout::new(DEBOUNCE_MS, move || {
            if write(&key, &next).is_err() {
                notice.set(Some(DraftNotice::NotSaved));
            } else if *notice == Some(DraftNotice::NotSaved) {
                notice.set(None);
            }
        });
        // Replacing the pending timer cancels it: only the last keystroke's value is written.
        *self.timer.borrow_mut() = Some(timer);
    }

    /// Fills the form without making it a draft (values loaded from the server).
    pub fn preset(&self, value: T) {
        self.value.set(value);
    }

    /// After a successful submit, or "Effacer": the draft is gone and the form empty.
    pub fn clear(&self) {
        self.timer.borrow_mut().take();
        let _ = LocalStorage::raw().remove_item(&self.key);
        self.value.set(T::default());
        self.notice.set(None);
    }

    /// Keeps the values but forgets the stored copy (after a submit that succeeded).
    pub fn forget(&self) {
        self.timer.borrow_mut().take();
        let _ = LocalStorage::raw().remove_item(&self.key);
        self.notice.set(None);
    }

    pub fn dismiss_notice(&self) {
        self.notice.set(None);
    }
}

/// The draft of `form` for `owner` (a user id, or "anonymous" before signing in).
#[hook]
pub fn use_draft<T>(owner: &str, form: &'static str) -> DraftHandle<T>
where
    T: Serialize + DeserializeOwned + Clone + Default + PartialEq + 'static,
{
    let key: Rc<str> = (*use_memo((owner.to_owned(), form), |(owner, form)| -> Rc<str> {
        Rc::from(key(owner, form))
    }))
    .clone();
    let initial = use_memo(key.clone(), |key| decode::<T>(read_raw(key)));
    let value = {
        let initial = initial.clone();
        use_state(move || match &*initial {
            Stored::Found(data, _) => data.clone(),
            _ => T::default(),
        })
    };
    let notice = {
        let (initial, key) = (initial.clone(), key.clone());
        use_state(move || match &*initial {
            Stored::Found(_, saved_at) => Some(DraftNotice::Restored(*saved_at)),
            Stored::Unreadable => {
                let _ = LocalStorage::raw().remove_item(&key);
                Some(DraftNotice::Discarded)
            }
            Stored::Missing => None,
        })
    };
    let timer = use_mut_ref(|| None);
    // Another tab edited the same draft: take its values.
    {
        let (value, key) = (value.clone(), key.clone());
        use_effect_with(key.clone(), move |_| {
            let listener =
                gloo_events::EventListener::new(&gloo_utils::window(), "storage", move |event| {
                    let Some(event) = wasm_bindgen::JsCast::dyn_ref::<web_sys::StorageEvent>(event)
                    else {
                        return;
                    };
                    if event.key().as_deref() != Some(&*key) {
                        return;
                    }
                    match decode::<T>(event.new_value()) {
                        Stored::Found(data, _) => value.set(data),
                        Stored::Missing => value.set(T::default()),
                        Stored::Unreadable => {}
                    }
                });
            move || drop(listener)
        });
    }
    DraftHandle {
        value,
        notice,
        key,
        timer,
    }
}

#[cfg(test)]
mod tests {
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn reads_only_its_own_version() {
        let good = r#"{"v":1,"saved_at":1700000000000,"data":"bonjour"}"#;
        assert_eq!(
            decode::<String>(Some(good.into())),
            Stored::Found("bonjour".into(), 1.7e12)
        );
        assert_eq!(decode::<String>(None), Stored::Missing);
        assert_eq!(
            decode::<String>(Some("{not json".into())),
            Stored::Unreadable
        );
        assert_eq!(
            decode::<String>(Some(r#"{"v":0,"saved_at":1,"data":"old"}"#.into())),
            Stored::Unreadable
        );
        assert_eq!(
            decode::<u32>(Some(r#"{"v":1,"saved_at":1,"data":"text"}"#.into())),
            Stored::Unreadable
        );
    }
}
