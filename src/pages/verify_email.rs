//! The primary contact's page (no session): the link from the verification email.

use yew::prelude::*;

use crate::{
    api::{use_backend, use_load},
    components::{ErrorPanel, Loading},
    i18n::use_i18n,
    route::link_token,
};
use partner_domain::ErrorKind;

#[function_component]
pub fn VerifyEmailPage() -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let token = use_memo((), |()| link_token());
    {
        let t = t.clone();
        use_effect_with((), move |()| t.follow_browser());
    }
    let answer = use_load(token.clone(), async move |token| match (*token).clone() {
        Some(token) => backend.verify_email(token).await.map(Some),
        None => Ok(None),
    });
    let body = match answer.state() {
        None => html! { <Loading /> },
        Some(Ok(done)) => match &**done {
            None => html! {
                <div class="panel panel-error" role="alert"><p>{ t.verify_missing().to_string() }</p></div>
            },
            Some(done) => html! {
                <div class="panel panel-success" role="status"><p>{ t.verify_confirmed(done.email.clone()).to_string() }</p></div>
            },
        },
        Some(Err(error)) => {
            let (class, text) = match error.kind() {
                Some(ErrorKind::Expired) => ("panel panel-warning", t.verify_expired().to_string()),
                Some(ErrorKind::Conflict) => ("panel panel-success", t.verify_used().to_string()),
                Some(ErrorKind::NotFound) => ("panel panel-error", t.verify_unknown().to_string()),
                _ => {
                    return html! {
                        <section class="page narrow">
                            <h1>{ t.verify_title().to_string() }</h1>
                            <ErrorPanel error={error.clone()} on_retry={answer.retry()} />
                        </section>
                    };
                }
            };
            html! { <div {class} role="alert"><p>{ text }</p></div> }
        }
    };
    html! {
        <section class="page narrow">
            <h1>{ t.verify_title().to_string() }</h1>
            { body }
        </section>
    }
}
