//! Submitting a form once: a second click while a request is out does nothing, and the
//! button says that something is happening.

use std::{cell::Cell, future::Future, rc::Rc};

use yew::prelude::*;

use crate::i18n::use_i18n;

/// A synchronous "in flight" flag: state updates land a render later, too late to stop a
/// double click.
#[derive(Clone, PartialEq)]
pub struct SubmitGuard {
    flag: Rc<Cell<bool>>,
    busy: UseStateHandle<bool>,
}

impl SubmitGuard {
    pub fn busy(&self) -> bool {
        *self.busy
    }

    /// Runs `work` unless a submission is already running.
    pub fn run<F: Future<Output = ()> + 'static>(&self, work: F) {
        if self.flag.replace(true) {
            return;
        }
        self.busy.set(true);
        let this = self.clone();
        wasm_bindgen_futures::spawn_local(async move {
            work.await;
            this.flag.set(false);
            this.busy.set(false);
        });
    }
}

#[hook]
pub fn use_submit_guard() -> SubmitGuard {
    let flag = use_memo((), |()| Rc::new(Cell::new(false)));
    SubmitGuard {
        flag: (*flag).clone(),
        busy: use_state(|| false),
    }
}

#[derive(Properties, PartialEq)]
pub struct SubmitButtonProps {
    pub label: AttrValue,
    pub busy: bool,
}

#[function_component]
pub fn SubmitButton(props: &SubmitButtonProps) -> Html {
    let t = use_i18n();
    html! {
        <button type="submit" class="button button-primary" aria-disabled={props.busy.then_some("true")}>
            if props.busy {
                <span class="spinner" aria-hidden="true"></span>{ " " }{ t.submitting().to_string() }
            } else {
                { props.label.clone() }
            }
        </button>
    }
}
