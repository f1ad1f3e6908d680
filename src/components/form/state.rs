//! `use_form`: one rule for every form. A field's error shows once the user has left the field or
//! tried to submit, then follows each correction (the domain's rules run on every render); one
//! error summary, focused on each failed submit; the server's 422/409 field errors on the same
//! fields until the value that caused them changes; one failure panel that keeps every value.

use std::{cell::RefCell, collections::BTreeSet, future::Future, rc::Rc};

use partner_domain::{Code, FieldErrors};
use yew::prelude::*;

use super::{code_message, ErrorSummary};
use crate::{
    api::ApiError,
    components::{failure_message, use_submit_guard, SubmitGuard},
    i18n::{use_i18n, I18n},
};

/// A field bound to its form: what `TextField` and `SelectField` show and report.
#[derive(Clone, PartialEq)]
pub struct Field {
    /// Dotted path of the field in the request body; also gives the element id.
    pub path: AttrValue,
    pub value: AttrValue,
    /// The error to show now, translated.
    pub error: Option<AttrValue>,
    pub on_input: Callback<String>,
    pub on_blur: Callback<()>,
}

/// Fields the user has left.
#[derive(Default, PartialEq)]
struct Touched(BTreeSet<&'static str>);

impl Reducible for Touched {
    type Action = &'static str;

    fn reduce(self: Rc<Self>, path: &'static str) -> Rc<Self> {
        if self.0.contains(path) {
            return self;
        }
        let mut next = self.0.clone();
        next.insert(path);
        Rc::new(Self(next))
    }
}

/// Explains a failed submit (not a field error) to the user.
type Explain = fn(&I18n, &ApiError) -> String;

/// The domain's rules for a form's value.
type Check<T> = Rc<dyn Fn(&T) -> Result<(), FieldErrors>>;

/// A form's state for one render; cheap to clone into callbacks.
pub struct Form<T> {
    t: I18n,
    /// Every field path, in the order of the form (the summary's order).
    fields: &'static [&'static str],
    /// The value this render shows.
    value: T,
    /// The value as last written: several inputs may come before the next render (autofill, a
    /// script), and each must build on the one before.
    latest: Rc<RefCell<T>>,
    set: Callback<T>,
    check: Check<T>,
    /// The domain's verdict on `value`.
    found: Rc<FieldErrors>,
    touched: UseReducerHandle<Touched>,
    /// Counts the times every error was revealed (failed submits); moves focus to the summary.
    revealed: UseStateHandle<u32>,
    /// The server's field errors, and the value they were about.
    answered: UseStateHandle<Option<Rc<(T, FieldErrors)>>>,
    failed: UseStateHandle<Option<AttrValue>>,
    guard: SubmitGuard,
    postal_example: AttrValue,
    explain: Explain,
}

impl<T: Clone> Clone for Form<T> {
    fn clone(&self) -> Self {
        Self {
            t: self.t.clone(),
            fields: self.fields,
            value: self.value.clone(),
            latest: self.latest.clone(),
            set: self.set.clone(),
            check: self.check.clone(),
            found: self.found.clone(),
            touched: self.touched.clone(),
            revealed: self.revealed.clone(),
            answered: self.answered.clone(),
            failed: self.failed.clone(),
            guard: self.guard.clone(),
            postal_example: self.postal_example.clone(),
            explain: self.explain,
        }
    }
}

impl<T: PartialEq> PartialEq for Form<T> {
    fn eq(&self, other: &Self) -> bool {
        self.value == other.value
            && self.t == other.t
            && self.found == other.found
            && self.touched == other.touched
            && self.revealed == other.revealed
            && self.answered == other.answered
            && self.failed == other.failed
            && self.guard == other.guard
            && self.postal_example == other.postal_example
    }
}

/// A form over the value `value` (kept by the caller: a state or a draft, written through `set`),
/// checked on each render by `check` (the domain's rules).
#[hook]
pub fn use_form<T, C>(
    fields: &'static [&'static str],
    value: T,
    set: Callback<T>,
    check: C,
) -> Form<T>
where
    T: Clone + PartialEq + 'static,
    C: Fn(&T) -> Result<(), FieldErrors> + 'static,
{
    let found = Rc::new(check(&value).err().unwrap_or_default());
    let latest = use_mut_ref(|| value.clone());
    *latest.borrow_mut() = value.clone();
    Form {
        t: use_i18n(),
        fields,
        value,
        latest,
        set,
        check: Rc::new(check),
        found,
        touched: use_reducer(Touched::default),
        revealed: use_state(|| 0),
        answered: use_state(|| None),
        failed: use_state(|| None),
        guard: use_submit_guard(),
        postal_example: AttrValue::default(),
        explain: failure_message,
    }
}

impl<T: Clone + PartialEq + 'static> Form<T> {
    /// The example a postal-code error quotes (the country's format).
    pub fn with_postal_example(mut self, example: &str) -> Self {
        self.postal_example = AttrValue::from(example.to_owned());
        self
    }

    /// Another explanation of failed submits than "…; nothing you typed is lost".
    pub fn with_failure_text(mut self, explain: Explain) -> Self {
        self.explain = explain;
        self
    }

    pub fn value(&self) -> &T {
        &self.value
    }

    pub fn busy(&self) -> bool {
        self.guard.busy()
    }

    /// The first error of `path`: the domain's, else the server's about this very value.
    fn code(&self, path: &str) -> Option<Code> {
        let server = self
            .answered
            .as_ref()
            .filter(|answer| answer.0 == self.value)
            .and_then(|answer| answer.1.get(path));
        self.found.get(path).or(server)?.first().copied()
    }

    /// The error of `path` if it is to be shown now.
    pub fn error(&self, path: &str) -> Option<AttrValue> {
        let shown = *self.revealed > 0 || self.touched.0.contains(path);
        shown
            .then(|| self.code(path))
            .flatten()
            .map(|code| code_message(&self.t, code, &self.postal_example).into())
    }

    /// Marks `path` as left: its error shows from now on.
    pub fn on_blur(&self, path: &'static str) -> Callback<()> {
        let touched = self.touched.dispatcher();
        Callback::from(move |()| touched.dispatch(path))
    }

    /// Writes a new value (for changes a single field's input does not describe).
    pub fn set(&self, value: T) {
        *self.latest.borrow_mut() = value.clone();
        self.set.emit(value);
    }

    /// Changes the value as last written.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        let mut next = self.latest.borrow().clone();
        change(&mut next);
        self.set(next);
    }

    /// The text field at `path`, read and written through `lens`.
    pub fn field(&self, path: &'static str, lens: fn(&mut T) -> &mut String) -> Field {
        let mut current = self.value.clone();
        let value = AttrValue::from(lens(&mut current).clone());
        let on_input = {
            let form = self.clone();
            Callback::from(move |input: String| form.update(|next| *lens(next) = input))
        };
        Field {
            path: AttrValue::Static(path),
            value,
            error: self.error(path),
            on_input,
            on_blur: self.on_blur(path),
        }
    }

    /// The error summary (after a failed submit) and the failure panel, for the top of the form.
    pub fn summary(&self) -> Html {
        let errors: Vec<(AttrValue, AttrValue)> = if *self.revealed > 0 {
            self.fields
                .iter()
                .filter_map(|path| self.error(path).map(|m| (AttrValue::Static(path), m)))
                .collect()
        } else {
            Vec::new()
        };
        html! {
            <>
                <ErrorSummary {errors} attempt={*self.revealed} />
                if let Some(message) = &*self.failed {
                    <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
                }
            </>
        }
    }

    /// The form's `onsubmit`: checks the value; if it passes, sends it with `send` (once, however
    /// often the user clicks) and hands the answer to `on_done`; field errors in the answer land
    /// on their fields, any other failure in the failure panel.
    pub fn on_submit<R, F, Fut>(
        &self,
        send: F,
        on_done: impl Fn(R) + 'static,
    ) -> Callback<SubmitEvent>
    where
        R: 'static,
        F: Fn(T) -> Fut + 'static,
        Fut: Future<Output = Result<R, ApiError>> + 'static,
    {
        let form = self.clone();
        let (send, on_done) = (Rc::new(send), Rc::new(on_done));
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let value = form.latest.borrow().clone();
            if (form.check)(&value).is_err() {
                form.revealed.set(*form.revealed + 1);
                return;
            }
            form.failed.set(None);
            let (form, send, on_done) = (form.clone(), send.clone(), on_done.clone());
            let guard = form.guard.clone();
            guard.run(async move {
                match send(value.clone()).await {
                    Ok(answer) => {
                        form.answered.set(None);
                        on_done(answer);
                    }
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        form.answered.set(Some(Rc::new((value, body.fields))));
                        form.revealed.set(*form.revealed + 1);
                    }
                    Err(error) => form
                        .failed
                        .set(Some((form.explain)(&form.t, &error).into())),
                }
            });
        })
    }
}
