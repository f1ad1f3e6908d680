//! The gear (top right, as in the seed): a menu button following the WAI-ARIA menu pattern,
//! usable with the keyboard alone (arrows, Home/End, Escape, Tab).

use stylist::yew::use_style;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;
use yew_router::prelude::*;

use partner_domain::Action;

use crate::{i18n::use_i18n, route::Route, state::use_session};

/// Which item takes focus when the menu opens from the keyboard.
#[derive(Clone, Copy, PartialEq)]
enum Open {
    Closed,
    FocusFirst,
    FocusLast,
    /// Opened with the mouse: focus stays on the button.
    NoFocus,
}

fn items(menu: &NodeRef) -> Vec<HtmlElement> {
    let Some(menu) = menu.cast::<HtmlElement>() else {
        return Vec::new();
    };
    let Ok(list) = menu.query_selector_all("[role=menuitem]") else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<HtmlElement>().ok())
        .collect()
}

fn focus_item(menu: &NodeRef, pick: impl FnOnce(usize, Option<usize>) -> usize) {
    let items = items(menu);
    if items.is_empty() {
        return;
    }
    let active = gloo_utils::document().active_element();
    let current = items
        .iter()
        .position(|i| active.as_ref() == Some(i.as_ref()));
    let next = pick(items.len(), current) % items.len();
    let _ = items[next].focus();
}

#[function_component]
pub fn SettingsMenu() -> Html {
    let t = use_i18n();
    // The menu opens below its button, over the page.
    let style = use_style!(
        r#"
        position: relative;
        & > ul { position: absolute; right: 0; top: calc(100% + var(--space-1)); z-index: 10; min-width: 16rem;
            margin: 0; padding: var(--space-1) 0; list-style: none; background: var(--color-surface);
            color: var(--color-text); border: 1px solid var(--color-border); border-radius: var(--radius);
            box-shadow: var(--shadow); }
        a { display: block; padding: var(--space-2) var(--space-3); color: inherit; text-decoration: none; }
        a:hover, a:focus { background: var(--color-hover); }
        "#
    );
    let navigator = use_navigator();
    let session = use_session();
    let open = use_state(|| Open::Closed);
    let button = use_node_ref();
    let menu = use_node_ref();

    {
        let menu = menu.clone();
        use_effect_with(*open, move |open| match open {
            Open::FocusFirst => focus_item(&menu, |_, _| 0),
            Open::FocusLast => focus_item(&menu, |len, _| len - 1),
            Open::Closed | Open::NoFocus => {}
        });
    }

    let close_to_button = {
        let (open, button) = (open.clone(), button.clone());
        move || {
            open.set(Open::Closed);
            if let Some(button) = button.cast::<HtmlElement>() {
                let _ = button.focus();
            }
        }
    };
    let on_button_click = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| {
            open.set(if *open == Open::Closed {
                Open::NoFocus
            } else {
                Open::Closed
            })
        })
    };
    let on_button_key = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            let next = match e.key().as_str() {
                "Enter" | " " | "ArrowDown" => Open::FocusFirst,
                "ArrowUp" => Open::FocusLast,
                "Escape" => Open::Closed,
                _ => return,
            };
            e.prevent_default();
            open.set(next);
        })
    };
    let on_menu_key = {
        let (menu, close_to_button, open) = (menu.clone(), close_to_button.clone(), open.clone());
        Callback::from(move |e: KeyboardEvent| match e.key().as_str() {
            "ArrowDown" => {
                e.prevent_default();
                focus_item(&menu, |_, current| current.map_or(0, |c| c + 1));
            }
            "ArrowUp" => {
                e.prevent_default();
                focus_item(&menu, |len, current| {
                    current.map_or(len - 1, |c| c + len - 1)
                });
            }
            "Home" => {
                e.prevent_default();
                focus_item(&menu, |_, _| 0);
            }
            "End" => {
                e.prevent_default();
                focus_item(&menu, |len, _| len - 1);
            }
            "Escape" => {
                e.prevent_default();
                close_to_button();
            }
            "Tab" => open.set(Open::Closed),
            _ => {}
        })
    };
    // Closes when focus leaves the whole widget (click elsewhere, Tab away).
    let on_focus_out = {
        let open = open.clone();
        Callback::from(move |e: FocusEvent| {
            let inside = e
                .related_target()
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .zip(
                    e.current_target()
                        .and_then(|t| t.dyn_into::<web_sys::Node>().ok()),
                )
                .is_some_and(|(to, widget)| widget.contains(Some(&to)));
            if !inside {
                open.set(Open::Closed);
            }
        })
    };
    let item = |route: Route, label: String| {
        let (navigator, open) = (navigator.clone(), open.clone());
        let href = route.to_path();
        let onclick = Callback::from(move |e: MouseEvent| {
            e.prevent_default();
            open.set(Open::Closed);
            if let Some(navigator) = &navigator {
                navigator.push(&route);
            }
        });
        html! {
            <li role="none">
                <a role="menuitem" tabindex="-1" {href} {onclick}>{ label }</a>
            </li>
        }
    };

    let is_open = *open != Open::Closed;
    let may_read_activity = session.may(Action::ReadActivity);
    html! {
        <div class={classes!("settings", style)} onfocusout={on_focus_out}>
            <button
                ref={button}
                type="button"
                class="icon-button"
                id="settings-button"
                aria-label={t.settings().to_string()}
                aria-haspopup="menu"
                aria-expanded={is_open.to_string()}
                aria-controls="settings-menu"
                onclick={on_button_click}
                onkeydown={on_button_key}
            >
                <svg aria-hidden="true" focusable="false" width="20" height="20" viewBox="0 0 24 24">
                    <path fill="currentColor" d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1a7.6 7.6 0 0 0 1.7 1L11 21h4l.4-2.9a7.6 7.6 0 0 0 1.7-1l2.5 1 2-3.5zM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7z"/>
                </svg>
            </button>
            <ul
                ref={menu}
                id="settings-menu"
                role="menu"
                aria-labelledby="settings-button"
                hidden={!is_open}
                onkeydown={on_menu_key}
            >
                { item(Route::Users, t.settings_users().to_string()) }
                { item(Route::PartnerProfile, t.settings_partner().to_string()) }
                if may_read_activity { { item(Route::ActivityLog, t.settings_activity().to_string()) } }
            </ul>
        </div>
    }
}
