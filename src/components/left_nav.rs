use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{i18n::use_i18n, route::Route};

/// A plain left click: the app navigates itself. Ctrl, Cmd or Shift, or another button, let the
/// browser open a new tab or window.
pub(super) fn is_plain_click(e: &MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0)
}

#[derive(Properties, PartialEq)]
struct NavLinkProps {
    to: Route,
    children: Html,
}

/// An in-app link that carries `aria-current="page"` itself when it is the page shown (the
/// router's `Link` cannot take the attribute).
#[function_component]
fn NavLink(props: &NavLinkProps) -> Html {
    let navigator = use_navigator();
    let current = use_route::<Route>().as_ref() == Some(&props.to);
    let onclick = {
        let to = props.to.clone();
        Callback::from(move |e: MouseEvent| {
            if !is_plain_click(&e) {
                return;
            }
            e.prevent_default();
            if let Some(navigator) = &navigator {
                navigator.push(&to);
            }
        })
    };
    html! {
        <a href={props.to.to_path()} aria-current={current.then_some("page")} {onclick}>
            { props.children.clone() }
        </a>
    }
}

#[function_component]
pub fn LeftNav() -> Html {
    let t = use_i18n();
    // A column beside the page; above it on narrow screens.
    let style = use_style!(
        r#"
        flex: 0 0 var(--nav-width); background: var(--color-surface);
        border-right: 1px solid var(--color-border); padding: var(--space-4) 0;
        ul { list-style: none; margin: 0; padding: 0; }
        a { display: block; padding: var(--space-2) var(--space-4); color: var(--color-text);
            text-decoration: none; }
        a:hover { background: var(--color-hover); }
        [aria-current="page"] { font-weight: 600; }
        @media (max-width: 720px) {
            flex-basis: auto; border-right: 0; border-bottom: 1px solid var(--color-border); padding: 0;
        }
        "#
    );
    html! {
        <nav class={classes!("left-nav", style)} aria-label={t.main_navigation().to_string()}>
            <ul>
                <li>
                    <NavLink to={Route::Dashboard}><span>{ t.nav_overview().to_string() }</span></NavLink>
                </li>
            </ul>
        </nav>
    }
}
