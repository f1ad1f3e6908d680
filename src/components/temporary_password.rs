use yew::prelude::*;

use super::CopyButton;
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct TemporaryPasswordProps {
    pub password: AttrValue,
}

/// A new temporary password, with copy, and the warning that it is shown this once.
#[function_component]
pub fn TemporaryPassword(props: &TemporaryPasswordProps) -> Html {
    let t = use_i18n();
    html! {
        <>
            <p>
                { t.temporary_password().to_string() }{ " " }
                <code id="temporary-password">{ props.password.clone() }</code>{ " " }
                <CopyButton text={props.password.clone()} label={t.copy_password().to_string()}
                    copied={t.password_copied().to_string()} />
            </p>
            <p><strong>{ t.password_shown_once().to_string() }</strong></p>
        </>
    }
}
