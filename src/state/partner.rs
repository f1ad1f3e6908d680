//! The signed-in user's partner account, loaded once and shared by the wizard and the
//! dashboard. A failed refresh keeps the last good data.

use std::rc::Rc;

use partner_domain::Partner;
use yew::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    state::use_session,
};

#[derive(Debug, Clone, PartialEq, Default)]
pub struct PartnerState {
    /// `Some(None)`: loaded, and the work account has no partner yet.
    pub data: Option<Option<Rc<Partner>>>,
    pub loading: bool,
    pub error: Option<ApiError>,
}

#[derive(Clone, PartialEq)]
pub struct PartnerHandle {
    state: UseStateHandle<PartnerState>,
    reload: Callback<()>,
}

impl PartnerHandle {
    pub fn state(&self) -> &PartnerState {
        &self.state
    }

    pub fn partner(&self) -> Option<Rc<Partner>> {
        self.state.data.clone().flatten()
    }

    pub fn reload(&self) {
        self.reload.emit(());
    }

    /// Reloading as a callback, for a retry button.
    pub fn reload_callback(&self) -> Callback<()> {
        self.reload.clone()
    }

    /// A fresh answer from a write (profile saved, agreement accepted).
    pub fn set(&self, partner: Partner) {
        self.state.set(PartnerState {
            data: Some(Some(Rc::new(partner))),
            loading: false,
            error: None,
        });
    }
}

#[derive(Properties, PartialEq)]
pub struct PartnerProviderProps {
    pub children: Html,
}

#[function_component]
pub fn PartnerProvider(props: &PartnerProviderProps) -> Html {
    let backend = use_backend();
    let session = use_session();
    let state = use_state(PartnerState::default);
    let me = session.me();
    let reload = {
        let (state, backend, me) = (state.clone(), backend.clone(), me.clone());
        // A user with a temporary password may read nothing yet (the server says
        // `password_change_required`): the partner is read once they have chosen theirs.
        let deps = (
            me.as_ref().map(|m| {
                (
                    m.user.id.clone(),
                    m.partner_id.clone(),
                    m.must_change_password,
                )
            }),
            backend.clone(),
        );
        use_callback(deps, move |(), _| {
            let Some(me) = me.clone().filter(|m| !m.must_change_password) else {
                state.set(PartnerState::default());
                return;
            };
            if me.partner_id.is_none() {
                state.set(PartnerState {
                    data: Some(None),
                    loading: false,
                    error: None,
                });
                return;
            }
            let mut loading = (*state).clone();
            loading.loading = true;
            state.set(loading.clone());
            let (state, backend) = (state.clone(), backend.clone());
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match backend.partner().await {
                    Ok(partner) => PartnerState {
                        data: Some(Some(Rc::new(partner))),
                        loading: false,
                        error: None,
                    },
                    Err(e) if e.kind() == Some(partner_domain::ErrorKind::NotFound) => {
                        PartnerState {
                            data: Some(None),
                            loading: false,
                            error: None,
                        }
                    }
                    Err(error) => PartnerState {
                        error: Some(error),
                        loading: false,
                        ..loading
                    },
                });
            });
        })
    };
    {
        let reload = reload.clone();
        use_effect_with(reload.clone(), move |_| reload.emit(()));
    }
    let handle = PartnerHandle { state, reload };
    html! {
        <ContextProvider<PartnerHandle> context={handle}>{ props.children.clone() }</ContextProvider<PartnerHandle>>
    }
}

#[hook]
pub fn use_partner() -> PartnerHandle {
    use_context::<PartnerHandle>().expect("pages are mounted inside the App's PartnerProvider")
}

/// The partner, reloaded when the page opens: what it shows moves without the user (the
/// contact confirms, the business check ends).
#[hook]
pub fn use_fresh_partner() -> PartnerHandle {
    let partner = use_partner();
    {
        let partner = partner.clone();
        use_effect_with((), move |()| partner.reload());
    }
    partner
}
