//! "Gestion des utilisateurs" (gear → Paramètres → Gestion des utilisateurs): every user of the
//! work account, searchable, filterable by role and sortable, instant at 10,000 users: the list
//! is loaded once into a `Directory` (search keys and orders computed once), and only the rows
//! in view are rendered. The search, filter and order live in the address, so a view can be
//! shared. Keyboard: Tab reaches the rows, arrows (and Home, End, Page Up/Down) move, Enter opens.

use std::rc::Rc;

use partner_domain::{
    directory::{Direction, Directory, SortBy, View},
    import::users_csv,
    Action, Role, UserQuery,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError, Document},
    components::{loaded, RequireSession, Skeleton},
    download,
    i18n::{format_number, role_name, use_i18n},
    route::Route,
    state::{use_session, use_toasts, ToastKind},
};

/// Enough for every user of a large work account in one answer.
const LIST_LIMIT: u64 = 20_000;
/// Pixels; `.user-table tbody tr` has this height, so row positions are known without measuring.
const ROW_HEIGHT: f64 = 44.0;
/// Rows rendered above and below the visible ones, so that scrolling never shows a gap.
const OVERSCAN: usize = 8;
/// Until the scroller is measured.
const DEFAULT_VIEWPORT: f64 = 600.0;

/// The height rows are seen through: the scroller's, never more than the window's.
fn viewport_of(element: &web_sys::Element) -> f64 {
    let window = gloo_utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(DEFAULT_VIEWPORT);
    f64::from(element.client_height())
        .min(window)
        .max(ROW_HEIGHT)
}

/// The list's state in the address: `?q=…&role=…&sort=email&direction=desc`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct ListQuery {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    q: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    role: String,
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
    let directory = use_load((), async move |()| {
        let query = UserQuery {
            limit: Some(LIST_LIMIT),
            ..UserQuery::default()
        };
        let list = backend.users(query).await?;
        Ok::<_, ApiError>((Rc::new(Directory::new(list.items)), list.total))
    });
    let set_query = {
        let navigator = navigator.clone();
        move |next: ListQuery| {
            if let Some(navigator) = &navigator {
                let _ = navigator.replace_with_query(&Route::Users, &next);
            }
        }
    };
    let on_search = {
        let (query, set_query) = (query.clone(), set_query.clone());
        Callback::from(move |e: InputEvent| {
            let q = e
                .target_unchecked_into::<web_sys::HtmlInputElement>()
                .value();
            set_query(ListQuery { q, ..query.clone() });
        })
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
    let body = loaded(&directory, html! { <Skeleton lines={10} /> }, |answer| {
        let (directory, total) = &**answer;
        html! {
            <>
                if !may_manage { <ReadOnlyNotice directory={directory.clone()} /> }
                // More users than one answer holds: the list is partial.
                if *total > directory.len() as u64 {
                    <div class="panel panel-warning" role="status">
                        <p>{ t.users_truncated(format_number(t.lang, LIST_LIMIT as f64)).to_string() }</p>
                    </div>
                }
                <UserTable directory={directory.clone()} view={query.view()} {on_sort} />
            </>
        }
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
        .map(|u| format!("{} ({})", u.display_name(), u.email))
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

#[derive(Properties, PartialEq)]
struct UserTableProps {
    directory: Rc<Directory>,
    view: View,
    on_sort: Callback<SortBy>,
}

#[function_component]
fn UserTable(props: &UserTableProps) -> Html {
    let t = use_i18n();
    let navigator = use_navigator();
    let scroller = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    let scroll_top = use_state(|| 0.0f64);
    let viewport = use_state(|| DEFAULT_VIEWPORT);
    // The row that Tab reaches and arrows move from (a position in `shown`).
    let active = use_state(|| 0usize);
    // Set by the keyboard: focus follows `active` once its row is rendered.
    let focus_pending = use_mut_ref(|| false);
    let shown = use_memo(
        (props.directory.clone(), props.view.clone()),
        |(directory, view)| {
            let mut out = Vec::new();
            directory.select(view, &mut out);
            out
        },
    );
    let count = shown.len();

    {
        // Measured once mounted; the scroll handler keeps it current.
        let (scroller, viewport) = (scroller.clone(), viewport.clone());
        use_effect_with((), move |()| {
            if let Some(element) = scroller.cast::<web_sys::Element>() {
                viewport.set(viewport_of(&element));
            }
        });
    }
    {
        let (active, scroller) = (active.clone(), scroller.clone());
        let scroll_top = scroll_top.clone();
        use_effect_with(count, move |_| {
            active.set(0);
            scroll_top.set(0.0);
            if let Some(element) = scroller.cast::<web_sys::Element>() {
                element.set_scroll_top(0);
            }
        });
    }
    {
        let focus_pending = focus_pending.clone();
        use_effect_with(*active, move |active| {
            if *focus_pending.borrow() {
                if let Some(row) = gloo_utils::document().get_element_by_id(&row_id(*active)) {
                    *focus_pending.borrow_mut() = false;
                    let _ = row.unchecked_into::<web_sys::HtmlElement>().focus();
                }
            }
        });
    }

    let on_scroll = {
        let (scroll_top, viewport) = (scroll_top.clone(), viewport.clone());
        use_callback((), move |e: Event, ()| {
            let element = e.target_unchecked_into::<web_sys::Element>();
            scroll_top.set(f64::from(element.scroll_top()));
            viewport.set(viewport_of(&element));
        })
    };
    let on_focus = {
        let active = active.clone();
        use_callback((), move |e: FocusEvent, ()| {
            let row = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| el.closest("tr[data-pos]").ok().flatten());
            if let Some(pos) = row.and_then(|r| r.get_attribute("data-pos")?.parse().ok()) {
                active.set(pos);
            }
        })
    };
    let on_key = {
        let (active, focus_pending, scroller, viewport, scroll_top) = (
            active.clone(),
            focus_pending.clone(),
            scroller.clone(),
            viewport.clone(),
            scroll_top.clone(),
        );
        use_callback(
            (shown.clone(), props.directory.clone()),
            move |e: KeyboardEvent, (shown, directory)| {
                if shown.is_empty() {
                    return;
                }
                let last = shown.len() - 1;
                let page = ((*viewport / ROW_HEIGHT) as usize).max(1);
                let next = match e.key().as_str() {
                    "ArrowDown" => (*active + 1).min(last),
                    "ArrowUp" => active.saturating_sub(1),
                    "PageDown" => (*active + page).min(last),
                    "PageUp" => active.saturating_sub(page),
                    "Home" => 0,
                    "End" => last,
                    "Enter" => {
                        let user = directory.user(shown[(*active).min(last)]);
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::User {
                                id: user.id.clone(),
                            });
                        }
                        e.prevent_default();
                        return;
                    }
                    _ => return,
                };
                e.prevent_default();
                // Bring the row into view and render it now (the scroll event comes later); the
                // effect on `active` then focuses it.
                if let Some(element) = scroller.cast::<web_sys::Element>() {
                    let top = next as f64 * ROW_HEIGHT;
                    let current = f64::from(element.scroll_top());
                    let wanted = if top < current {
                        top
                    } else if top + ROW_HEIGHT > current + *viewport {
                        top + ROW_HEIGHT - *viewport
                    } else {
                        current
                    };
                    element.set_scroll_top(wanted as i32);
                    scroll_top.set(wanted);
                }
                *focus_pending.borrow_mut() = true;
                active.set(next);
            },
        )
    };

    let on_export = {
        let toasts = use_toasts();
        let t = t.clone();
        use_callback(
            (shown.clone(), props.directory.clone()),
            move |_: MouseEvent, (shown, directory)| {
                let document = Document {
                    filename: "users.csv".into(),
                    mime: "text/csv;charset=utf-8".into(),
                    bytes: users_csv(shown.iter().map(|i| directory.user(*i))).into_bytes(),
                };
                if let Err(e) = download::save(&document) {
                    toasts.push(
                        ToastKind::Error,
                        t.download_failed(e.to_string()).to_string(),
                    );
                }
            },
        )
    };
    let first = ((*scroll_top / ROW_HEIGHT) as usize).saturating_sub(OVERSCAN);
    let visible = (*viewport / ROW_HEIGHT).ceil() as usize + 2 * OVERSCAN;
    let end = (first + visible).min(count);
    // Tab always reaches a rendered row: the active one, or the first in view.
    let active_pos = if (first..end).contains(&*active) {
        *active
    } else {
        first
    };
    let sort_header = |sort: SortBy, label: String| {
        let state = (props.view.sort == sort).then_some(match props.view.direction {
            Direction::Asc => "ascending",
            Direction::Desc => "descending",
        });
        let on_sort = props.on_sort.reform(move |_: MouseEvent| sort);
        let arrow = match state {
            Some("ascending") => "▲",
            Some(_) => "▼",
            None => "",
        };
        html! {
            <th scope="col" aria-sort={state}>
                <button type="button" class="sort-button" onclick={on_sort}>
                    { label }<span aria-hidden="true">{ format!(" {arrow}") }</span>
                </button>
            </th>
        }
    };
    let row = |pos: usize| {
        let user = props.directory.user(shown[pos]);
        let roles = user
            .roles
            .iter()
            .map(|r| role_name(&t, *r))
            .collect::<Vec<_>>()
            .join(", ");
        html! {
            <tr key={user.id.clone()} id={row_id(pos)} data-pos={pos.to_string()}
                aria-rowindex={(pos + 2).to_string()} tabindex={if pos == active_pos { "0" } else { "-1" }}>
                <td><Link<Route> to={Route::User { id: user.id.clone() }} classes="row-link">{ user.display_name() }</Link<Route>></td>
                <td>{ user.email.clone() }</td>
                <td>{ roles }</td>
            </tr>
        }
    };
    // Spacers stand for the rows not rendered, so the scrollbar is true to the whole list.
    // Their heights are set through the CSSOM (below), which a strict CSP allows, unlike
    // `style` attributes.
    let (above, below) = (first, count - end);
    {
        let (top_spacer, bottom_spacer) = (top_spacer.clone(), bottom_spacer.clone());
        use_effect_with((above, below), move |(above, below)| {
            for (spacer, rows) in [(top_spacer, *above), (bottom_spacer, *below)] {
                if let Some(cell) = spacer.cast::<web_sys::HtmlElement>() {
                    let height = format!("{}px", rows as f64 * ROW_HEIGHT);
                    let _ = cell.style().set_property("height", &height);
                }
            }
        });
    }
    html! {
        <>
            <div class="list-head">
                <p role="status" class="muted">{ t.users_count(count as i64, format_number(t.lang, count as f64)).to_string() }</p>
                if count > 0 {
                    <button type="button" class="button" onclick={on_export}>{ t.export_csv().to_string() }</button>
                }
            </div>
            if count == 0 {
                <p>{ t.users_empty().to_string() }</p>
            } else {
                <div class="user-scroller" ref={scroller} onscroll={on_scroll}>
                    <table class="table user-table" aria-rowcount={(count + 1).to_string()}>
                        <thead><tr aria-rowindex="1">
                            { sort_header(SortBy::Name, t.users_name().to_string()) }
                            { sort_header(SortBy::Email, t.users_email().to_string()) }
                            <th scope="col">{ t.users_roles().to_string() }</th>
                        </tr></thead>
                        <tbody onkeydown={on_key} onfocusin={on_focus}>
                            <tr class="spacer" aria-hidden="true"><td colspan="3" ref={top_spacer}></td></tr>
                            { for (first..end).map(row) }
                            <tr class="spacer" aria-hidden="true"><td colspan="3" ref={bottom_spacer}></td></tr>
                        </tbody>
                    </table>
                </div>
            }
        </>
    }
}

fn row_id(pos: usize) -> String {
    format!("user-row-{pos}")
}
