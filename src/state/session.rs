//! Who is signed in. The cookie is the truth (HttpOnly, invisible to us); this state mirrors
//! `GET /api/session` and changes only through the intents below.

use std::rc::Rc;

use partner_domain::{Credentials, Me};
use yew::prelude::*;

use crate::api::{use_backend, ApiError, ApiResult, BackendHandle, SessionWatch};

#[derive(Debug, Clone, PartialEq)]
pub enum SessionState {
    SignedOut,
    SignedIn(Rc<Me>),
    /// Signed out by the server mid-use (a 401): the user is asked to sign in again, as this
    /// email, and comes back to where they were.
    Expired(AttrValue),
    /// The backend could not say (offline, 5xx): not the same as signed out.
    Unknown(ApiError),
}

pub enum SessionAction {
    Set(SessionState),
    /// A call made as the signed-in user was refused with a 401.
    Lost,
}

impl Reducible for SessionState {
    type Action = SessionAction;
    fn reduce(self: Rc<Self>, action: SessionAction) -> Rc<Self> {
        match action {
            SessionAction::Set(next) if *self == next => self,
            SessionAction::Set(next) => Rc::new(next),
            SessionAction::Lost => match &*self {
                SessionState::SignedIn(me) => {
                    Rc::new(SessionState::Expired(me.user.email.clone().into()))
                }
                _ => self,
            },
        }
    }
}

/// What an answer to `GET /api/session` says.
pub fn state_of(answer: ApiResult<Me>) -> SessionState {
    match answer {
        Ok(me) => SessionState::SignedIn(Rc::new(me)),
        Err(e) if e.is_unauthenticated() => SessionState::SignedOut,
        Err(e) => SessionState::Unknown(e),
    }
}

#[derive(Clone, PartialEq)]
pub struct SessionHandle {
    state: UseReducerHandle<SessionState>,
    backend: BackendHandle,
}

impl SessionHandle {
    pub fn state(&self) -> &SessionState {
        &self.state
    }

    pub fn me(&self) -> Option<Rc<Me>> {
        match &*self.state {
            SessionState::SignedIn(me) => Some(me.clone()),
            _ => None,
        }
    }

    /// Whether the signed-in user's roles allow `action` (the domain's permission table).
    pub fn may(&self, action: partner_domain::Action) -> bool {
        self.me()
            .is_some_and(|me| action.allowed_for(&me.user.roles))
    }

    /// The signed-in user's roles (none when signed out).
    pub fn roles(&self) -> Vec<partner_domain::Role> {
        self.me()
            .map(|me| me.user.roles.clone())
            .unwrap_or_default()
    }

    /// Asks the backend again (after a failure, or when roles may have changed).
    pub fn refresh(&self) {
        let session = self.clone();
        wasm_bindgen_futures::spawn_local(async move { session.reload().await });
    }

    /// `refresh`, for a caller that must see the new state before going on.
    pub async fn reload(&self) {
        let answer = self.backend.session().await;
        self.state.dispatch(SessionAction::Set(state_of(answer)));
    }

    pub async fn sign_in(&self, credentials: Credentials) -> ApiResult<Rc<Me>> {
        let me = Rc::new(self.backend.sign_in(credentials).await?);
        self.state
            .dispatch(SessionAction::Set(SessionState::SignedIn(me.clone())));
        Ok(me)
    }

    /// Ends the session; nothing the user typed stays behind in this browser.
    pub async fn sign_out(&self) -> ApiResult<()> {
        self.backend.sign_out().await?;
        if let Some(me) = self.me() {
            crate::draft::clear_all(&me.user.id);
        }
        self.state
            .dispatch(SessionAction::Set(SessionState::SignedOut));
        Ok(())
    }
}

#[derive(Properties, PartialEq)]
pub struct SessionProviderProps {
    /// Who was signed in as the app started (the App asks before its first page renders).
    pub initial: SessionState,
    pub children: Html,
}

#[function_component]
pub fn SessionProvider(props: &SessionProviderProps) -> Html {
    let state = {
        let initial = props.initial.clone();
        use_reducer(move || initial)
    };
    // Everything below talks through a backend that reports a lost session here.
    let outer = use_backend();
    let backend = {
        let dispatcher = state.dispatcher();
        use_memo(outer, move |outer| {
            let on_lost = Callback::from(move |()| dispatcher.dispatch(SessionAction::Lost));
            BackendHandle(Rc::new(SessionWatch::new(outer.0.clone(), on_lost)))
        })
    };
    let handle = SessionHandle {
        state,
        backend: (*backend).clone(),
    };
    html! {
        <ContextProvider<BackendHandle> context={(*backend).clone()}>
            <ContextProvider<SessionHandle> context={handle}>
                { props.children.clone() }
            </ContextProvider<SessionHandle>>
        </ContextProvider<BackendHandle>>
    }
}

#[hook]
pub fn use_session() -> SessionHandle {
    use_context::<SessionHandle>().expect("pages are mounted inside the App's SessionProvider")
}
