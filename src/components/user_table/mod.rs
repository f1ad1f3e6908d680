//! The user list's table, instant at 10,000 users: only the rows in view are rendered
//! (`window`), spacers stand for the others, and the keyboard moves through all of them
//! (`keyboard`).

mod keyboard;
mod sort_header;
mod window;

use std::rc::Rc;

use partner_domain::{
    directory::{Directory, SortBy, View},
    import::users_csv,
};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use self::{
    keyboard::{row_id, use_row_keys},
    sort_header::SortHeader,
    window::{visible_rows, ROW_HEIGHT},
};
use crate::{
    api::Document,
    download,
    i18n::{day_of, format_number, role_name, use_i18n},
    route::Route,
    state::{use_toasts, ToastKind},
};

/// The window's height, when the browser does not say.
const DEFAULT_WINDOW: f64 = 900.0;

/// The window's height (on the server, which renders the list for an unknown window, the default).
fn window_height() -> f64 {
    if cfg!(feature = "ssr") {
        return DEFAULT_WINDOW;
    }
    gloo_utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(DEFAULT_WINDOW)
}

/// The height rows are seen through: the scroller's, never more than the window's.
fn viewport_of(element: &web_sys::Element) -> f64 {
    f64::from(element.client_height())
        .min(window_height())
        .max(ROW_HEIGHT)
}

/// The scroller's height until it scrolls: at most `max-height: 70vh` less its two 1 px
/// borders (the style below; `box-sizing: border-box`), which a list longer than the view
/// reaches. Measured on mount instead, it forced a layout of the page before its first paint,
/// and a second render.
fn first_viewport() -> f64 {
    (window_height() * 0.7 - 2.0).max(ROW_HEIGHT)
}

#[derive(Properties, PartialEq)]
pub struct UserTableProps {
    pub directory: Rc<Directory>,
    pub view: View,
    pub on_sort: Callback<SortBy>,
    /// The list's first rows only, of this many: counted and scrolled as the whole list, the
    /// rest not rendered yet, no export.
    #[prop_or_default]
    pub partial_of: Option<usize>,
    /// Asked for the rows past those given once the view reaches them: called with how many
    /// rows from the top the view needs.
    #[prop_or_default]
    pub on_more: Option<Callback<usize>>,
    /// How many users match, when more than the list scrolls through (the server's count).
    #[prop_or_default]
    pub matches: Option<usize>,
}

#[function_component]
pub fn UserTable(props: &UserTableProps) -> Html {
    // Fixed-height rows (`ROW_HEIGHT`), so that only the rows in view need rendering.
    let style = use_style!(
        r#"
        .user-scroller { max-height: 70vh; overflow: auto; position: relative; border: 1px solid var(--color-border);
            border-radius: var(--radius); background: var(--color-surface); }
        .user-table { table-layout: fixed; min-width: 40rem; }
        .user-table th:nth-child(1) { width: 30%; }
        .user-table th:nth-child(2) { width: 35%; }
        .user-table thead th { position: sticky; top: 0; z-index: 1; background: var(--color-surface);
            box-shadow: inset 0 -1px 0 var(--color-border); }
        .user-table tbody tr:not(.spacer) { height: 44px; }
        .user-table tbody td { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        .user-table tr.spacer td { padding: 0; border: 0; }
        .user-table tbody tr:focus { outline: 3px solid var(--color-focus); outline-offset: -3px; }
        .user-table tbody tr:focus-visible { background: var(--color-hover); }
        .list-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between;
            gap: var(--space-2); margin-bottom: var(--space-2); }
        .list-head p { margin: 0; }
        "#
    );
    let t = use_i18n();
    let navigator = use_navigator();
    let scroller = use_node_ref();
    let (top_spacer, bottom_spacer) = (use_node_ref(), use_node_ref());
    let scroll_top = use_state(|| 0.0f64);
    let viewport = use_state(first_viewport);
    // What the last view showed, of which list: a letter typed narrows from it.
    let last = use_mut_ref(|| None::<(Rc<Directory>, View, Rc<Vec<u32>>)>);
    let shown = use_memo(
        (props.directory.clone(), props.view.clone()),
        |(directory, view)| {
            let mut out = Vec::new();
            let mut last = last.borrow_mut();
            match &*last {
                Some((of, before, shown)) if Rc::ptr_eq(of, directory) => {
                    directory.narrow(before, shown, view, &mut out)
                }
                _ => directory.select(view, &mut out),
            }
            let out = Rc::new(out);
            *last = Some((directory.clone(), view.clone(), out.clone()));
            out
        },
    );
    let count = shown.len();
    let on_open = {
        let (shown, directory) = (shown.clone(), props.directory.clone());
        use_callback((shown, directory), move |pos: usize, (shown, directory)| {
            let user = directory.user(shown[pos]);
            if let Some(navigator) = &navigator {
                navigator.push(&Route::User {
                    id: user.id.clone(),
                });
            }
        })
    };
    // One handler for every row's link, built once: the rows are written again at each
    // keystroke, and yew-router's `Link` made a component and a callback per row each time. A
    // plain click opens the user here; with a modifier or another button the browser does
    // what it does with links (a new tab).
    let on_link = use_callback(on_open.clone(), |e: MouseEvent, on_open| {
        if e.button() != 0 || e.ctrl_key() || e.meta_key() || e.shift_key() || e.alt_key() {
            return;
        }
        let pos = e
            .target_dyn_into::<web_sys::Element>()
            .and_then(|link| link.closest("tr[data-pos]").ok().flatten())
            .and_then(|row| row.get_attribute("data-pos")?.parse().ok());
        if let Some(pos) = pos {
            e.prevent_default();
            on_open.emit(pos);
        }
    });
    let keys = use_row_keys(
        props.view.clone(),
        count,
        scroller.clone(),
        *viewport,
        scroll_top.clone(),
        on_open,
    );
    let on_scroll = {
        let (scroll_top, viewport) = (scroll_top.clone(), viewport.clone());
        use_callback((), move |e: Event, ()| {
            let element = e.target_unchecked_into::<web_sys::Element>();
            scroll_top.set(f64::from(element.scroll_top()));
            viewport.set(viewport_of(&element));
        })
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
    let rows = visible_rows(*scroll_top, *viewport, count);
    let listed = props.partial_of.unwrap_or(count).max(count);
    let announced = props.matches.unwrap_or(listed).max(listed);
    // Rows the view reaches that are not here yet: asked for once per need, not per render.
    let needed = visible_rows(*scroll_top, *viewport, listed).end;
    {
        let on_more = props.on_more.clone();
        use_effect_with((needed > count).then_some(needed), move |needed| {
            if let (Some(needed), Some(on_more)) = (needed, on_more) {
                on_more.emit(*needed);
            }
        });
    }
    // Tab always reaches a rendered row: the active one, or the first in view.
    let active_pos = if rows.contains(&keys.active) {
        keys.active
    } else {
        rows.start
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
            // Keyed by position, as the rows in view are: a new search rewrites their text
            // instead of replacing every row (a tenth of the work at each keystroke).
            <tr key={pos} id={row_id(pos)} data-pos={pos.to_string()}
                aria-rowindex={(pos + 2).to_string()} tabindex={if pos == active_pos { "0" } else { "-1" }}>
                <td><a href={Route::User { id: user.id.clone() }.to_path()} class="row-link" onclick={on_link.clone()}>{ user.display_name() }</a></td>
                <td>{ user.email.clone() }</td>
                <td>{ roles }</td>
                <td>
                    if let Some(at) = &user.invited_at {
                        <span class="badge badge-pending">{ t.invitation_badge(day_of(&t, at)).to_string() }</span>
                    }
                </td>
            </tr>
        }
    };
    // Spacers stand for the rows not rendered, so the scrollbar is true to the whole list.
    // Their heights are set through the CSSOM (below), which a strict CSP allows, unlike
    // `style` attributes.
    let (above, below) = (rows.start, listed - rows.end);
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
        <div class={style}>
            <div class="list-head">
                <p role="status" class="muted">{ t.users_count(announced as i64, format_number(t.lang, announced as f64)).to_string() }</p>
                if count > 0 && props.partial_of.is_none() {
                    <button type="button" class="button" onclick={on_export}>{ t.export_csv().to_string() }</button>
                }
            </div>
            if count == 0 {
                <p>{ t.users_empty().to_string() }</p>
            } else {
                <div class="user-scroller" ref={scroller} onscroll={on_scroll}>
                    <table class="table user-table" aria-rowcount={(listed + 1).to_string()}>
                        <thead><tr aria-rowindex="1">
                            <SortHeader sort={SortBy::Name} label={t.users_name().to_string()} view={props.view.clone()} on_sort={props.on_sort.clone()} />
                            <SortHeader sort={SortBy::Email} label={t.users_email().to_string()} view={props.view.clone()} on_sort={props.on_sort.clone()} />
                            <th scope="col">{ t.users_roles().to_string() }</th>
                            <th scope="col">{ t.users_status_filter().to_string() }</th>
                        </tr></thead>
                        <tbody onkeydown={keys.on_key} onfocusin={keys.on_focus}>
                            <tr class="spacer" aria-hidden="true"><td colspan="4" ref={top_spacer}></td></tr>
                            { for rows.map(row) }
                            <tr class="spacer" aria-hidden="true"><td colspan="4" ref={bottom_spacer}></td></tr>
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
