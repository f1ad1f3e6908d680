//! Mounting the real app in the test page and looking at it as a user would.
#![allow(dead_code)] // each test binary uses its own share of these helpers

use std::time::Duration;

use gloo_timers::future::sleep;
use partner_center::{App, AppProps};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlSelectElement, KeyboardEvent, KeyboardEventInit};
use yew::AppHandle;

pub const MOCK_CONFIG: &str = r#"{ "backend": "mock" }"#;
/// How long a condition may take to become true (config fetch, mock latency, render).
const PATIENCE: Duration = Duration::from_secs(5);

pub fn document() -> web_sys::Document {
    gloo_utils::document()
}

pub fn clear_storage() {
    gloo_utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

pub fn set_language(tag: &str) {
    let storage = gloo_utils::window().local_storage().unwrap().unwrap();
    storage.set_item("partner-center.lang", tag).unwrap();
}

pub fn path() -> String {
    gloo_utils::window().location().pathname().unwrap()
}

pub fn html_lang() -> String {
    document()
        .document_element()
        .unwrap()
        .get_attribute("lang")
        .unwrap_or_default()
}

pub fn focused() -> HtmlElement {
    document()
        .active_element()
        .expect("something has focus")
        .dyn_into()
        .unwrap()
}

pub fn focused_text() -> String {
    focused()
        .text_content()
        .unwrap_or_default()
        .trim()
        .to_owned()
}

/// What local storage holds under `key`.
pub fn stored(key: &str) -> Option<String> {
    gloo_utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(key)
        .unwrap()
}

pub fn store(key: &str, value: &str) {
    gloo_utils::window()
        .local_storage()
        .unwrap()
        .unwrap()
        .set_item(key, value)
        .unwrap();
}

/// Signs the demo admin in on the mock (its session lives in local storage).
pub async fn sign_in_demo_admin() {
    use partner_center::api::{Backend, MockBackend, DEMO_ADMIN_EMAIL, DEMO_ADMIN_PASSWORD};
    MockBackend::new(Default::default())
        .sign_in(partner_domain::Credentials {
            email: DEMO_ADMIN_EMAIL.into(),
            password: DEMO_ADMIN_PASSWORD.into(),
        })
        .await
        .expect("the demo admin signs in");
}

/// A user added to the signed-in admin's work account on the mock, with one role.
pub async fn add_user(
    first_name: &str,
    last_name: &str,
    email: &str,
    role: partner_domain::Role,
) -> partner_domain::UserCreated {
    use partner_center::api::{Backend, MockBackend};
    MockBackend::new(Default::default())
        .create_user(partner_domain::NewUser {
            first_name: first_name.into(),
            last_name: last_name.into(),
            email: email.into(),
            roles: vec![role],
        })
        .await
        .expect("the admin adds the user")
}

/// The temporary password an admin reveals for `created` (signed in as that admin on the mock).
pub async fn reveal_temporary_password(created: &partner_domain::UserCreated) -> String {
    use partner_center::api::{Backend, MockBackend};
    MockBackend::new(Default::default())
        .reset_password(created.user.id.clone())
        .await
        .expect("the admin reveals a temporary password")
        .temporary_password
}

/// Signs `created` in on the mock once they have chosen their password from the invitation
/// emailed to them (as a new user does).
pub async fn sign_in_as(created: &partner_domain::UserCreated) {
    use partner_center::api::{Backend, MockBackend};
    let mock = MockBackend::new(Default::default());
    let outbox = mock.dev_outbox().await.expect("the demo's outbox");
    let link = outbox
        .iter()
        .find(|e| e.to == created.user.email)
        .and_then(|e| e.link.clone())
        .expect("an invitation");
    let token = link.split("token=").nth(1).expect("a token").to_owned();
    mock.accept_invitation(partner_domain::AcceptInvitation {
        token,
        password: partner_contract::CHOSEN_PASSWORD.into(),
    })
    .await
    .expect("the new user chooses a password");
    mock.sign_in(partner_domain::Credentials {
        email: created.user.email.clone(),
        password: partner_contract::CHOSEN_PASSWORD.into(),
    })
    .await
    .expect("and signs in");
}

pub fn key(target: &Element, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    target.dispatch_event(&event).unwrap();
}

fn data_url(json: &str) -> String {
    format!(
        "data:application/json,{}",
        js_sys::encode_uri_component(json)
    )
}

/// The app's stylesheet, as `index.html` links it: layout matters to some behaviour (the user
/// list renders only the rows its scroller shows).
fn with_app_styles() {
    if document().get_element_by_id("app-styles").is_some() {
        return;
    }
    let style = document().create_element("style").unwrap();
    style.set_id("app-styles");
    style.set_text_content(Some(include_str!("../../styles/main.css")));
    document().head().unwrap().append_child(&style).unwrap();
}

pub struct Mounted {
    root: Element,
    handle: Option<AppHandle<App>>,
}

impl Mounted {
    /// A fresh visit: empty storage, the address `path`, the config `json`.
    pub async fn at(path: &str, json: &str) -> Self {
        clear_storage();
        Self::keeping_storage(path, json).await
    }

    /// A visit that keeps what earlier ones stored (language, mock data, session).
    pub async fn keeping_storage(path: &str, json: &str) -> Self {
        Self::with_url(path, &data_url(json)).await
    }

    pub async fn with_url(path: &str, config_url: &str) -> Self {
        with_app_styles();
        gloo_utils::window()
            .history()
            .unwrap()
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        let root = document().create_element("div").unwrap();
        document().body().unwrap().append_child(&root).unwrap();
        let handle = yew::Renderer::<App>::with_root_and_props(
            root.clone(),
            AppProps {
                config_url: config_url.to_owned().into(),
            },
        )
        .render();
        let mounted = Self {
            root,
            handle: Some(handle),
        };
        mounted.settle().await;
        mounted
    }

    /// Lets pending renders and effects run.
    pub async fn settle(&self) {
        yew::scheduler::flush().await;
        sleep(Duration::from_millis(10)).await;
        yew::scheduler::flush().await;
    }

    pub fn find(&self, selector: &str) -> Option<Element> {
        self.root.query_selector(selector).unwrap()
    }

    pub fn find_all(&self, selector: &str) -> Vec<Element> {
        let found = self.root.query_selector_all(selector).unwrap();
        (0..found.length())
            .filter_map(|i| found.item(i))
            .filter_map(|node| node.dyn_into().ok())
            .collect()
    }

    /// The value of an `<input>`, as the user sees it in the box.
    pub fn value_of(&self, selector: &str) -> String {
        let input: web_sys::HtmlInputElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .dyn_into()
            .unwrap();
        input.value()
    }

    pub fn text(&self, selector: &str) -> String {
        self.find(selector)
            .unwrap_or_else(|| panic!("no {selector} in: {}", self.root.inner_html()))
            .text_content()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    /// Tries `probe`, letting renders and effects run between tries, until it gives a value;
    /// fails after `PATIENCE` saying that `what` never happened, with the page.
    pub async fn eventually<T>(&self, what: &str, probe: impl FnMut() -> Option<T>) -> T {
        match self.within_patience(probe).await {
            Some(found) => found,
            None => panic!(
                "{what} never happened; at {}; page: {}",
                path(),
                self.root.inner_html()
            ),
        }
    }

    /// `eventually` without failing: `None` after `PATIENCE` (for a test that must undo
    /// something before it asserts; a panic in wasm runs no destructor).
    pub async fn within_patience<T>(&self, mut probe: impl FnMut() -> Option<T>) -> Option<T> {
        let start = js_sys::Date::now();
        loop {
            if let Some(found) = probe() {
                return Some(found);
            }
            if js_sys::Date::now() - start > PATIENCE.as_millis() as f64 {
                return None;
            }
            self.settle().await;
        }
    }

    pub async fn wait_for(&self, selector: &str) -> Element {
        self.eventually(&format!("{selector} appearing"), || self.find(selector))
            .await
    }

    pub async fn wait_for_text(&self, selector: &str, expected: &str) {
        let reads = || {
            let now = self.find(selector)?.text_content()?;
            (now.trim() == expected).then_some(())
        };
        self.eventually(&format!("{selector} reading {expected:?}"), reads)
            .await
    }

    /// Chooses an option the way a user does: value set, then `change`.
    pub fn select(&self, selector: &str, value: &str) {
        let select: HtmlSelectElement = self.find(selector).unwrap().dyn_into().unwrap();
        select.set_value(value);
        // Yew listens at the root: the event must bubble, as a real one does.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        select.dispatch_event(&change).unwrap();
    }

    /// Chooses files in a file input, as a user does in the browser's dialog: (name, bytes).
    pub fn choose_files(&self, selector: &str, files: &[(&str, &[u8])]) {
        let input: web_sys::HtmlInputElement = self.find(selector).unwrap().dyn_into().unwrap();
        let chosen = web_sys::DataTransfer::new().unwrap();
        for (name, bytes) in files {
            let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(*bytes));
            let file = web_sys::File::new_with_u8_array_sequence(&parts, name).unwrap();
            chosen.items().add_with_file(&file).unwrap();
        }
        input.set_files(chosen.files().as_ref());
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        input.dispatch_event(&change).unwrap();
    }

    /// Sets an input whose page reads it on `change` (a date picked), as a user does.
    pub fn change(&self, selector: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self.find(selector).unwrap().dyn_into().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let change = web_sys::Event::new_with_event_init_dict("change", &init).unwrap();
        input.dispatch_event(&change).unwrap();
    }

    /// Types a value the way a user does: focus, value, `input`.
    pub fn type_into(&self, selector: &str, value: &str) {
        let input: web_sys::HtmlInputElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector} in: {}", self.root.inner_html()))
            .dyn_into()
            .unwrap();
        input.focus().unwrap();
        input.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        input
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    /// Follows an in-app link to `path` (history push, as the router does).
    pub async fn go(&self, path: &str) {
        let window = gloo_utils::window();
        window
            .history()
            .unwrap()
            .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
            .unwrap();
        window
            .dispatch_event(&web_sys::Event::new("popstate").unwrap())
            .unwrap();
        self.settle().await;
    }

    /// Whether the checkbox `selector` is ticked.
    pub fn checked(&self, selector: &str) -> bool {
        let input: web_sys::HtmlInputElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector}"))
            .dyn_into()
            .unwrap();
        input.checked()
    }

    /// Leaves a field (focus moves elsewhere), as Tab would.
    pub fn leave(&self, selector: &str) {
        let element: HtmlElement = self.find(selector).unwrap().dyn_into().unwrap();
        element.focus().unwrap();
        element.blur().unwrap();
    }

    pub fn click(&self, selector: &str) {
        let element: HtmlElement = self
            .find(selector)
            .unwrap_or_else(|| panic!("no {selector} in: {}", self.root.inner_html()))
            .dyn_into()
            .unwrap();
        element.click();
    }

    /// Clicks the button whose text is `text`.
    pub fn click_button(&self, text: &str) {
        let buttons = self.root.query_selector_all("button").unwrap();
        let button = (0..buttons.length())
            .filter_map(|i| buttons.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button {text:?} in: {}", self.root.inner_html()));
        button.click();
    }

    /// Clicks the button or link whose text is `text`.
    pub fn click_button_or_link(&self, text: &str) {
        let found = self.root.query_selector_all("button, a").unwrap();
        let element = (0..found.length())
            .filter_map(|i| found.item(i)?.dyn_into::<HtmlElement>().ok())
            .find(|b| b.text_content().unwrap_or_default().trim() == text)
            .unwrap_or_else(|| panic!("no button or link {text:?} in: {}", self.root.inner_html()));
        element.click();
    }

    /// Waits until the page's text contains `needle`.
    pub async fn wait_for_content(&self, needle: &str) {
        let shows = || {
            let text = self.root.text_content()?;
            text.contains(needle).then_some(())
        };
        self.eventually(&format!("{needle:?} appearing"), shows)
            .await
    }

    pub async fn wait_for_path(&self, expected: &str) {
        self.eventually(&format!("reaching {expected}"), || {
            (path() == expected).then_some(())
        })
        .await
    }

    pub fn unmount(mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

/// `window.fetch` replaced by one that answers every request with `body` (JSON) and counts the
/// requests; the browser's is back when this is dropped, even if the test failed.
pub struct StandInFetch {
    real: wasm_bindgen::JsValue,
    fetched: std::rc::Rc<std::cell::Cell<u32>>,
    _stand_in: wasm_bindgen::closure::Closure<dyn FnMut() -> js_sys::Promise>,
}

impl StandInFetch {
    pub fn answering(body: &str) -> Self {
        let window = js_sys::global();
        let real = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let fetched = std::rc::Rc::new(std::cell::Cell::new(0));
        let stand_in = {
            let (fetched, body) = (fetched.clone(), body.to_owned());
            wasm_bindgen::closure::Closure::<dyn FnMut() -> js_sys::Promise>::new(move || {
                fetched.set(fetched.get() + 1);
                json_answer(&body)
            })
        };
        js_sys::Reflect::set(&window, &"fetch".into(), stand_in.as_ref()).unwrap();
        Self {
            real,
            fetched,
            _stand_in: stand_in,
        }
    }

    /// The requests that reached it so far.
    pub fn fetched(&self) -> u32 {
        self.fetched.get()
    }
}

impl Drop for StandInFetch {
    fn drop(&mut self) {
        js_sys::Reflect::set(&js_sys::global(), &"fetch".into(), &self.real).unwrap();
    }
}

/// An answer kept for `url` as index.html's script keeps it, `age_ms` ago.
pub fn kept_ahead(url: &str, age_ms: f64, answer: &js_sys::Promise) {
    let window = js_sys::global();
    let kept = js_sys::Reflect::get(&window, &"partnerCenterAhead".into()).unwrap();
    let kept: js_sys::Map = if kept.is_undefined() {
        let map = js_sys::Map::new();
        js_sys::Reflect::set(&window, &"partnerCenterAhead".into(), &map).unwrap();
        map
    } else {
        kept.unchecked_into()
    };
    let entry = js_sys::Object::new();
    js_sys::Reflect::set(&entry, &"at".into(), &(js_sys::Date::now() - age_ms).into()).unwrap();
    js_sys::Reflect::set(&entry, &"answer".into(), answer).unwrap();
    kept.set(&url.into(), &entry);
}

/// A `fetch` answer of `body` (JSON).
pub fn json_answer(body: &str) -> js_sys::Promise {
    js_sys::Function::new_with_args(
        "body",
        "return Promise.resolve(new Response(body, { headers: { 'content-type': 'application/json' } }));",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &body.into())
    .unwrap()
    .unchecked_into()
}
