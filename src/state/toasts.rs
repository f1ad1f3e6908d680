//! Short notices (saved, signed out, failed) announced politely and dismissed after a while.

use std::{
    rc::Rc,
    sync::atomic::{AtomicU32, Ordering},
};

use yew::prelude::*;

const SHOW_MS: u32 = 8000;
static NEXT_ID: AtomicU32 = AtomicU32::new(0);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Info,
    Success,
    Error,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Toast {
    pub id: u32,
    pub kind: ToastKind,
    pub text: AttrValue,
}

#[derive(Debug, Default, PartialEq)]
pub struct Toasts {
    pub list: Vec<Toast>,
}

pub enum ToastAction {
    Push(Toast),
    Dismiss(u32),
}

impl Reducible for Toasts {
    type Action = ToastAction;
    fn reduce(self: Rc<Self>, action: ToastAction) -> Rc<Self> {
        let mut list = self.list.clone();
        match action {
            ToastAction::Push(toast) => list.push(toast),
            ToastAction::Dismiss(id) => list.retain(|t| t.id != id),
        }
        Rc::new(Self { list })
    }
}

#[derive(Clone, PartialEq)]
pub struct ToastHandle(UseReducerHandle<Toasts>);

impl ToastHandle {
    pub fn list(&self) -> &[Toast] {
        &self.0.list
    }

    pub fn push(&self, kind: ToastKind, text: impl Into<AttrValue>) {
        let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
        self.0.dispatch(ToastAction::Push(Toast {
            id,
            kind,
            text: text.into(),
        }));
        let handle = self.0.clone();
        gloo_timers::callback::Timeout::new(SHOW_MS, move || {
            handle.dispatch(ToastAction::Dismiss(id));
        })
        .forget();
    }

    pub fn dismiss(&self, id: u32) {
        self.0.dispatch(ToastAction::Dismiss(id));
    }
}

#[derive(Properties, PartialEq)]
pub struct ToastProviderProps {
    pub children: Html,
}

#[function_component]
pub fn ToastProvider(props: &ToastProviderProps) -> Html {
    let toasts = ToastHandle(use_reducer(Toasts::default));
    html! {
        <ContextProvider<ToastHandle> context={toasts}>
            { props.children.clone() }
        </ContextProvider<ToastHandle>>
    }
}

#[hook]
pub fn use_toasts() -> ToastHandle {
    use_context::<ToastHandle>().expect("components are mounted inside the App's ToastProvider")
}
