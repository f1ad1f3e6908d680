//! "Gestion des utilisateurs" (gear → Paramètres → Gestion des utilisateurs): every user of the
//! work account, searchable, filterable by role and sortable, instant at 10,000 users: the list
//! is loaded once into a `Directory` (search keys and orders computed once), and only the rows
//! in view are rendered. Past `LOCAL_MAX` users (one answer's most) the server searches, filters
//! and orders instead, and sends the rows the view reaches. The search, filter and order live in the address, so a view can be
//! shared. Keyboard: Tab reaches the rows, arrows (and Home, End, Page Up/Down) move, Enter opens.

use std::{cell::RefCell, rc::Rc};

use partner_domain::{
    directory::{Direction, Directory, SortBy, View},
    limits::USER_LIST_MAX_LIMIT,
    Action, Role, User, UserList, UserQuery, UserStatus,
};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, use_load_from, ApiError},
    components::{loaded, PerformanceMark, RequireSession, Skeleton, UserTable},
    i18n::{format_number, prepare_list_formats, role_name, use_i18n},
    route::Route,
    state::use_session,
};

/// Up to this many users (one answer's most) the whole list is loaded and searched here; past
/// it, the server answers each search with the rows the view reaches, this many at most.
const LOCAL_MAX: u64 = USER_LIST_MAX_LIMIT;
/// The rows first asked for when the server searches; doubled each time the view goes past them.
const REMOTE_ROWS: u64 = 200;

/// The answer to `UserQuery::first_page()` when start-up has it (a deep link to the list): the
/// page's first render shows those rows rather than a loading pass, a yielded frame, and a
/// second render once its own request answers. Taken once: a later visit to the list asks again.
#[derive(Clone, Default)]
pub struct FirstRows(Rc<RefCell<Option<UserList>>>);

impl FirstRows {
    pub fn new(rows: Option<UserList>) -> Self {
        Self(Rc::new(RefCell::new(rows)))
    }

    fn take(&self) -> Option<UserList> {
        self.0.borrow_mut().take()
    }
}

impl PartialEq for FirstRows {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

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
    /// The server's search for this view: its first `rows` rows.
    fn server_query(&self, rows: u64) -> UserQuery {
        let view = self.view();
        UserQuery {
            q: view.q,
            role: view.role,
            status: view.invited_only.then_some(UserStatus::Invited),
            sort: view.sort,
            direction: view.direction,
            offset: 0,
            limit: Some(rows),
        }
    }

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
            let list = backend.users(UserQuery::everyone(limit)).await?;
            Ok::<_, ApiError>((Rc::new(Directory::new(list.items)), list.total))
        }
    };
    let at_hand = use_context::<FirstRows>();
    let first_page = use_load_from(
        move || {
            let list = at_hand?.take()?;
            Some((Rc::new(Directory::new(list.items)), list.total))
        },
        (),
        load(UserQuery::FIRST_PAGE),
    );
    // After `use_load`'s, so that the request is sent first (tasks run in order).
    use_effect_with(t.lang, |lang| prepare_list_formats(*lang));
    // How many users the work account has decides where the list is searched.
    let account_size = match first_page.state() {
        Some(Ok(page)) => Some(page.1),
        _ => None,
    };
    let remote = account_size.is_some_and(|size| size > LOCAL_MAX);
    let directory = {
        let load = load(LOCAL_MAX);
        use_load(account_size, async move |size: Option<u64>| match size {
            Some(size) if size <= LOCAL_MAX => load(()).await.map(Some),
            _ => Ok(None),
        })
    };
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
    // When the server holds the list: the rows the view reaches, for this view (the answer
    // keeps the view it was made for, and stays on screen, busy, until the next one arrives).
    let remote_rows = use_state(|| (ListQuery::default(), REMOTE_ROWS));
    let rows_wanted = if remote_rows.0 == query {
        remote_rows.1
    } else {
        REMOTE_ROWS
    };
    let searched = {
        let backend = backend.clone();
        use_load(
            (remote, query.clone(), rows_wanted),
            async move |(remote, query, rows): (bool, ListQuery, u64)| {
                if !remote {
                    return Ok::<_, ApiError>(None);
                }
                let list = backend.users(query.server_query(rows)).await?;
                Ok(Some(Searched {
                    directory: Rc::new(Directory::new(list.items)),
                    total: list.total,
                    query,
                }))
            },
        )
    };
    let last_searched = use_mut_ref(|| None::<Rc<Option<Searched>>>);
    if let Some(Ok(answer)) = searched.state() {
        *last_searched.borrow_mut() = Some(answer.clone());
    }
    let on_more = {
        let remote_rows = remote_rows.clone();
        use_callback(
            (query.clone(), rows_wanted),
            move |needed: usize, (query, rows)| {
                let needed = needed as u64;
                if needed > *rows && *rows < LOCAL_MAX {
                    remote_rows.set((query.clone(), (rows * 2).max(needed).min(LOCAL_MAX)));
                }
            },
        )
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
                        <p>{ t.users_truncated(format_number(t.lang, LOCAL_MAX as f64)).to_string() }</p>
                    </div>
                }
                <UserTable directory={directory.clone()} view={query.view()} on_sort={on_sort.clone()}
                    partial_of={partial.then_some(total as usize)} />
                <PerformanceMark name="users-ready" />
            </>
        }
    };
    let searched_list = |answer: &Searched, busy: bool| {
        let shown = answer.directory.len() as u64;
        html! {
            <div aria-busy={busy.to_string()}>
                if !may_manage { <ReadOnlyNotice directory={answer.directory.clone()} /> }
                if answer.total > LOCAL_MAX {
                    <div class="panel panel-info" role="status">
                        <p>{ t.users_list_limit(format_number(t.lang, LOCAL_MAX as f64)).to_string() }</p>
                    </div>
                }
                <UserTable directory={answer.directory.clone()} view={answer.query.view()} on_sort={on_sort.clone()}
                    partial_of={(answer.total > shown).then_some(answer.total.min(LOCAL_MAX) as usize)}
                    matches={Some(answer.total as usize)} on_more={Some(on_more.clone())} />
                <PerformanceMark name="users-ready" />
            </div>
        }
    };
    let skeleton = html! { <Skeleton lines={10} /> };
    // Until the whole list is here, its first rows, in the same place: only for the view the
    // first page is the start of (no search, no role, by name from A).
    let waiting = match first_page.state() {
        Some(Ok(page)) if query == ListQuery::default() => list(&page.0, page.1, true),
        Some(Err(_)) => loaded(&first_page, Html::default(), |_| Html::default()),
        _ => skeleton.clone(),
    };
    let body = if remote {
        match searched.state() {
            Some(Ok(answer)) => match answer.as_ref() {
                Some(answer) => searched_list(answer, false),
                None => skeleton,
            },
            Some(Err(_)) => loaded(&searched, Html::default(), |_| Html::default()),
            None => match last_searched.borrow().as_deref() {
                Some(Some(answer)) => searched_list(answer, true),
                _ => waiting,
            },
        }
    } else {
        loaded(&directory, waiting.clone(), |answer| {
            match answer.as_ref() {
                Some(answer) => list(&answer.0, answer.1, false),
                None => waiting,
            }
        })
    };
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

/// The server's answer to one view of the list.
struct Searched {
    directory: Rc<Directory>,
    /// How many users match the view.
    total: u64,
    query: ListQuery,
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
