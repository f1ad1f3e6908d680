//! What a page reads from the backend: one request each time what it depends on changes, the
//! answer of an outdated request dropped (the user moved on), and a retry that asks again.

use std::{future::Future, rc::Rc};

use yew::prelude::*;

use super::ApiError;

/// The state of one load: `None` while the request is out.
pub struct Load<T, E = ApiError> {
    state: UseStateHandle<Option<Result<Rc<T>, E>>>,
    attempt: UseStateHandle<u32>,
}

impl<T, E> Clone for Load<T, E> {
    fn clone(&self) -> Self {
        Self {
            state: self.state.clone(),
            attempt: self.attempt.clone(),
        }
    }
}

impl<T: 'static, E: 'static> Load<T, E> {
    /// The answer, `None` while loading.
    pub fn state(&self) -> Option<&Result<Rc<T>, E>> {
        (*self.state).as_ref()
    }

    /// Asks again (the error panel's "Réessayer").
    pub fn retry(&self) -> Callback<()> {
        let attempt = self.attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    }

    /// A later answer that replaces the loaded value (a save returns the saved record).
    pub fn replace(&self, value: T) {
        self.state.set(Some(Ok(Rc::new(value))));
    }
}

/// Loads with `load(deps)` now and whenever `deps` change or the user retries.
#[hook]
pub fn use_load<T, E, D, F, Fut>(deps: D, load: F) -> Load<T, E>
where
    T: 'static,
    E: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, E>> + 'static,
{
    use_load_from(|| None, deps, load)
}

/// As `use_load`, starting from what `at_hand` gives on the first render, if anything: then the
/// first render shows it, and `load` runs only once `deps` change or the user retries.
#[hook]
pub fn use_load_from<T, E, D, F, Fut>(
    at_hand: impl FnOnce() -> Option<T>,
    deps: D,
    load: F,
) -> Load<T, E>
where
    T: 'static,
    E: 'static,
    D: PartialEq + Clone + 'static,
    F: FnOnce(D) -> Fut + 'static,
    Fut: Future<Output = Result<T, E>> + 'static,
{
    let state = use_state(|| at_hand().map(|value| Ok(Rc::new(value))));
    let attempt = use_state(|| 0u32);
    // Which request is the latest: an earlier one may answer after it.
    let latest = use_mut_ref(|| 0u64);
    // Whether the value at hand still stands for the first `deps`.
    let holding = use_mut_ref(|| state.is_some());
    {
        let state = state.clone();
        use_effect_with((deps, *attempt), move |(deps, _)| {
            if std::mem::take(&mut *holding.borrow_mut()) {
                return;
            }
            let request = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            state.set(None);
            let answer = load(deps.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = answer.await;
                if *latest.borrow() == request {
                    state.set(Some(answer.map(Rc::new)));
                }
            });
        });
    }
    Load { state, attempt }
}
