use partner_domain::Agreement;
use yew::prelude::*;

use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct AgreementTextProps {
    pub agreement: Agreement,
}

/// An agreement's text as headings and paragraphs (never as HTML).
#[function_component]
pub fn AgreementText(props: &AgreementTextProps) -> Html {
    let t = use_i18n();
    let agreement = &props.agreement;
    html! {
        <article class="agreement" aria-labelledby="agreement-title" tabindex="0">
            <h2 id="agreement-title">{ agreement.title.clone() }</h2>
            <p class="muted">{ t.agreement_version(agreement.version.clone()).to_string() }</p>
            { for agreement.body.split("\n\n").map(|block| match block.strip_prefix("## ") {
                Some(heading) => html! { <h3>{ heading.to_owned() }</h3> },
                None => html! { <p>{ block.to_owned() }</p> },
            }) }
        </article>
    }
}
