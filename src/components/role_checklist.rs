use partner_domain::{role::RoleGroup, Role};
use yew::prelude::*;

use crate::i18n::{role_description, role_name, use_i18n, I18n};

fn group_name(t: &I18n, group: RoleGroup) -> String {
    match group {
        RoleGroup::WorkAccount => t.role_group_work_account(),
        RoleGroup::Partner => t.role_group_partner(),
        RoleGroup::Csp => t.role_group_csp(),
    }
    .to_string()
}

#[derive(Properties, PartialEq)]
pub struct RoleChecklistProps {
    pub selected: Vec<Role>,
    pub on_change: Callback<Vec<Role>>,
    /// Nothing can be changed (a reader without the right).
    #[prop_or_default]
    pub disabled: bool,
    /// A role that cannot be changed here, and why (the last Global admin).
    #[prop_or_default]
    pub locked: Option<(Role, AttrValue)>,
    /// The server's objection to the roles (the error summary links here).
    #[prop_or_default]
    pub error: Option<AttrValue>,
}

/// Every role as a checkbox, grouped (work account, partner, CSP), each with one line on what it
/// allows.
#[function_component]
pub fn RoleChecklist(props: &RoleChecklistProps) -> Html {
    let t = use_i18n();
    let checkbox = |role: Role| {
        let id = format!("role-{}", role.key());
        let checked = props.selected.contains(&role);
        let lock = props.locked.as_ref().filter(|(r, _)| *r == role);
        let onchange = {
            let (selected, on_change) = (props.selected.clone(), props.on_change.clone());
            Callback::from(move |e: Event| {
                let on = e
                    .target_unchecked_into::<web_sys::HtmlInputElement>()
                    .checked();
                let mut next: Vec<Role> = selected.iter().copied().filter(|r| *r != role).collect();
                if on {
                    next.push(role);
                    next.sort();
                }
                on_change.emit(next);
            })
        };
        let description_id = format!("{id}-desc");
        html! {
            <div class="checkbox">
                <input type="checkbox" id={id.clone()} {checked} disabled={props.disabled || lock.is_some()}
                    {onchange} aria-describedby={description_id.clone()} />
                <label for={id}>{ role_name(&t, role) }</label>
                <p id={description_id} class="hint">
                    { role_description(&t, role) }
                    if let Some((_, why)) = lock { { " " }{ why.clone() } }
                </p>
            </div>
        }
    };
    html! {
        <div id="roles" tabindex="-1" class={classes!(props.error.as_ref().map(|_| "field-invalid"))}>
            if let Some(error) = &props.error { <p class="error-message" role="alert">{ error.clone() }</p> }
            { for RoleGroup::ALL.iter().map(|group| html! {
                <fieldset>
                    <legend>{ group_name(&t, *group) }</legend>
                    { for Role::ALL.iter().filter(|r| r.group() == *group).map(|r| checkbox(*r)) }
                </fieldset>
            }) }
        </div>
    }
}
