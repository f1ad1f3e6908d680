//! Keyboard access to a long list's rows (the grid pattern, one row at a time): Tab reaches one
//! row, arrows, Page Up/Down, Home and End move to another (scrolled into view and focused once
//! rendered), Enter opens it.

use partner_domain::directory::View;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::window::ROW_HEIGHT;

/// The DOM id of the row at `pos`.
pub fn row_id(pos: usize) -> String {
    format!("user-row-{pos}")
}

pub struct RowKeys {
    /// The row that Tab reaches and the keys move from (a position in the list).
    pub active: usize,
    pub on_key: Callback<KeyboardEvent>,
    /// A row that gets focus (a click, Tab) becomes the active one.
    pub on_focus: Callback<FocusEvent>,
}

/// Keys over `count` rows of the list `view` shows, in `scroller`, `viewport` pixels high and
/// scrolled `scroll_top` down; `on_open` gets the position Enter opens.
#[hook]
pub fn use_row_keys(
    view: View,
    count: usize,
    scroller: NodeRef,
    viewport: f64,
    scroll_top: UseStateHandle<f64>,
    on_open: Callback<usize>,
) -> RowKeys {
    let active = use_state(|| 0usize);
    // Set by the keyboard: focus follows `active` once its row is rendered.
    let focus_pending = use_mut_ref(|| false);
    {
        // Another list (a search, a filter, an order): back to its top. The same list grown (its
        // first rows, then all; more rows from the server) stays where it was scrolled.
        let (active, scroller, scroll_top) = (active.clone(), scroller.clone(), scroll_top.clone());
        use_effect_with(view, move |_| {
            // Each change is another render, and moving the scroller forces a layout: only
            // what is not at the top already (a keystroke at the top costs neither).
            if *active != 0 {
                active.set(0);
            }
            if *scroll_top != 0.0 {
                scroll_top.set(0.0);
                if let Some(element) = scroller.cast::<web_sys::Element>() {
                    element.set_scroll_top(0);
                }
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
        let (active_handle, focus_pending) = (active.clone(), focus_pending.clone());
        use_callback(
            (count, viewport, *active, on_open),
            move |e: KeyboardEvent, (count, viewport, active, on_open)| {
                let (count, viewport, active) = (*count, *viewport, *active);
                if count == 0 {
                    return;
                }
                let last = count - 1;
                let page = ((viewport / ROW_HEIGHT) as usize).max(1);
                let next = match e.key().as_str() {
                    "ArrowDown" => (active + 1).min(last),
                    "ArrowUp" => active.saturating_sub(1),
                    "PageDown" => (active + page).min(last),
                    "PageUp" => active.saturating_sub(page),
                    "Home" => 0,
                    "End" => last,
                    "Enter" => {
                        e.prevent_default();
                        on_open.emit(active.min(last));
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
                    } else if top + ROW_HEIGHT > current + viewport {
                        top + ROW_HEIGHT - viewport
                    } else {
                        current
                    };
                    element.set_scroll_top(wanted as i32);
                    scroll_top.set(wanted);
                }
                *focus_pending.borrow_mut() = true;
                active_handle.set(next);
            },
        )
    };
    RowKeys {
        active: *active,
        on_key,
        on_focus,
    }
}
