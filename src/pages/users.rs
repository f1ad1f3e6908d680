//! "Gestion des utilisateurs" (gear → Paramètres → Gestion des utilisateurs): every user of the
//! work account, searchable, filterable by role and sortable, instant at 10,000 users: the list
//! is loaded once into a `Directory` (search keys and orders computed once), and only the rows
//! in view are rendered. The search, filter and order live in the address, so a view can be
//! shared. Keyboard: Tab reaches the rows, arrows (and Home, End, Page Up/Down) move, Enter opens.

use std::rc::Rc;

use partner_domain::{
    directory::{Direction, Directory, SortBy, View},
    Action, Role, User, UserQuery,
};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError},
    components::{loaded, PerformanceMark, RequireSession, Skeleton, UserTable},
    i18n::{format_number, role_name, use_i18n},
    route::Route,
    state::use_session,
};

/// Enough for every user of a large work account in one answer.
const LIST_LIMIT: u64 = 20_000;
/// The first rows, asked for beside the whole list: shown while the whole list arrives (a few
/// milliseconds for the server, against a tenth of a second or more for 10,000 users).
const FIRST_PAGE: u64 = 100;

/// `?status=` of users who have not accepted their invitation.
const INVITED: &str = "invited";

/// The list's state in the address: `?q=…&role=…&sort=email&direction=desc`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ListQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    role: String,
    /// `invited`: only those who have not accepted their invitation.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    status: String,
    #[serde(default, skip_serializing_if = "is_default")]
    sort: SortBy,
    #[serde(default, skip_serializing_if = "is_default")]
    direction: Direction,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl ListQuery {
    fn view(&self) -> View {
        View {
            q: self.q.clone(),
            role: Role::from_key(&self.role),
            invited_only: self.status == INVITED,
            sort: self.sort,
            direction: self.direction,
        }
    }
}

#[function_component]
pub fn UsersPage() -> Html {
    html! { <RequireSession><UsersBody /></RequireSession> }
}

#[function_component]
fn UsersBody() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let navigator = use_navigator();
    let location = use_location();
    let session = use_session();
    let query: ListQuery = location
        .as_ref()
        .and_then(|l| l.query::<ListQuery>().ok())
        .unwrap_or_default();
    // The loaded users, and how many the work account has (more when the answer was capped).
    let load = |limit| {
        let backend = backend.clone();
        async move |()| {
            let query = UserQuery {
                limit: Some(limit),
                ..UserQuery::default()
            };
            let list = backend.users(query).await?;
            Ok::<_, ApiError>((Rc::new(Directory::new(list.items)), list.total))
        }
    };
    let first_page = use_load((), load(FIRST_PAGE));
    let directory = use_load((), load(LIST_LIMIT));
    let set_query = {
        let navigator = navigator.clone();
        move |next: ListQuery| {
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Users, &next);
            }
        }
    };
    // The search box's text: the list follows each keystroke, the address once typing pauses
    // (replacing the address costs Chromium ~1.5 ms, a tenth of a frame, each time).
    let typed = use_state(|| query.q.clone());
    let address_pending = use_mut_ref(|| None::<gloo_timers::callback::Timeout>);
    {
        // Leaving the page (a link, within the pause) must not bring the list's address back.
        let address_pending = address_pending.clone();
        use_effect_with((), move |()| {
            move || drop(address_pending.borrow_mut().take())
        });
    }
    {
        // The address changed by other means (back, a link): the box follows it.
        let (typed, address_pending) = (typed.clone(), address_pending.clone());
        use_effect_with(query.q.clone(), move |q| {
            if address_pending.borrow().is_none() && *typed != *q {
                typed.set(q.clone());
            }
        });
    }
    let query = ListQuery {
        q: (*typed).clone(),
        ..query
    };
    let on_search = {
        let (query, set_query, typed) = (query.clone(), set_query.clone(), typed.clone());
        let address_pending = address_pending.clone();
        Callback::from(move |e: InputEvent| {
            let q = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            typed.set(q.clone());
            let (next, set_query) = (ListQuery { q, ..query.clone() }, set_query.clone());
            let pending = address_pending.clone();
            *address_pending.borrow_mut() =
                Some(gloo_timers::callback::Timeout::new(300, move || {
                    pending.borrow_mut().take();
                    set_query(next);
                }));
        })
    };
    // Choosing a role or an order writes the address at once, with the text typed so far.
    let set_query = {
        let address_pending = address_pending.clone();
        move |next: ListQuery| {
            address_pending.borrow_mut().take();
            set_query(next);
        }
    };
    let on_role = {
        let (query, set_query) = (query.clone(), set_query.clone());
        Callback::from(move |e: Event| {
            let role = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            set_query(ListQuery {
                role,
                ..query.clone()
            });
        })
    };
    let on_status = {
        let (query, set_query) = (query.clone(), set_query.clone());
        Callback::from(move |e: Event| {
            let status = e
                .target_unchecked_into::<web_sys::HtmlSelectElement>()
                .value();
            set_query(ListQuery {
                status,
                ..query.clone()
            });
        })
    };
    let on_sort = {
        let (query, set_query) = (query.clone(), set_query.clone());
        Callback::from(move |sort: SortBy| {
            let direction = if query.sort == sort && query.direction == Direction::Asc {
                Direction::Desc
            } else {
                Direction::Asc
            };
            set_query(ListQuery {
                sort,
                direction,
                ..query.clone()
            });
        })
    };
    let may_manage = session.may(Action::ManageUsers);
    let list = |directory: &Rc<Directory>, total: u64, partial: bool| {
        html! {
            <>
                if !may_manage { <ReadOnlyNotice directory={directory.clone()} /> }
                // More users than one answer holds: the list is partial.
                if !partial && total > directory.len() as u64 {
                    <div class="panel panel-warning" role="status">
                        <p>{ t.users_truncated(format_number(t.lang, LIST_LIMIT as f64)).to_string() }</p>
                    </div>
                }
                <UserTable directory={directory.clone()} view={query.view()} on_sort={on_sort.clone()}
                    partial_of={partial.then_some(total as usize)} />
                <PerformanceMark name="users-ready" />
            </>
        }
    };
    // Until the whole list is here, its first rows, in the same place: only for the view the
    // first page is the start of (no search, no role, by name from A).
    let waiting = match first_page.state() {
        Some(Ok(page)) if query == ListQuery::default() => list(&page.0, page.1, true),
        _ => html! { <Skeleton lines={10} /> },
    };
    let body = loaded(&directory, waiting, |answer| {
        list(&answer.0, answer.1, false)
    });
    html! {
        <section class="page">
            <h1>{ t.users_title().to_string() }</h1>
            if may_manage {
                <p class="actions-row">
                    <Link<Route> to={Route::AddUser} classes="button button-primary">{ t.add_user().to_string() }</Link<Route>>
                    <Link<Route> to={Route::ImportUsers} classes="button">{ t.import_users().to_string() }</Link<Route>>
                </p>
            }
            <div class="filters" role="search">
                <div class="field">
                    <label for="user-search">{ t.users_search().to_string() }</label>
                    <input id="user-search" type="search" autocomplete="off" value={query.q.clone()} oninput={on_search} />
                </div>
                <div class="field">
                    <label for="user-role">{ t.users_role_filter().to_string() }</label>
                    <select id="user-role" onchange={on_role}>
                        <option value="" selected={query.role.is_empty()}>{ t.users_all_roles().to_string() }</option>
                        { for Role::ALL.iter().map(|r| html! {
                            <option value={r.key()} selected={query.role == r.key()}>{ role_name(&t, *r) }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="user-status">{ t.users_status_filter().to_string() }</label>
                    <select id="user-status" onchange={on_status}>
                        <option value="" selected={query.status.is_empty()}>{ t.users_all_statuses().to_string() }</option>
                        <option value={INVITED} selected={query.status == INVITED}>{ t.users_status_invited().to_string() }</option>
                    </select>
                </div>
            </div>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ReadOnlyNoticeProps {
    directory: Rc<Directory>,
}

/// Who can change users, by name, for someone who cannot.
#[function_component]
fn ReadOnlyNotice(props: &ReadOnlyNoticeProps) -> Html {
    let t = use_i18n();
    let admins: Vec<String> = props
        .directory
        .users()
        .iter()
        .filter(|u| Action::ManageUsers.allowed_for(&u.roles))
        .take(5)
        .map(User::name_and_email)
        .collect();
    html! {
        <div class="panel panel-info" role="status">
            <p>{ t.users_read_only().to_string() }</p>
            if !admins.is_empty() {
                <p>{ t.users_ask(admins.join(", ")).to_string() }</p>
            }
        </div>
    }
}
