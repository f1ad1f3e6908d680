use partner_domain::Agreement;
use stylist::yew::use_style;
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
    // A scrolling box, so that the page's own actions (the consent, "Accepter") stay in reach.
    let style = use_style!(
        r#"
        max-height: 24rem; overflow-y: auto; border: 1px solid var(--color-border);
        border-radius: var(--radius); padding: var(--space-4); background: var(--color-surface);
        margin-bottom: var(--space-4);
        h3 { font-size: var(--text-md); margin: var(--space-4) 0 var(--space-1); }
        "#
    );
    let agreement = &props.agreement;
    html! {
        <article class={classes!("agreement", style)} aria-labelledby="agreement-title" tabindex="0">
            <h2 id="agreement-title">{ agreement.title.clone() }</h2>
            <p class="muted">{ t.agreement_version(agreement.version.clone()).to_string() }</p>
            { for agreement.body.split("\n\n").map(|block| match block.strip_prefix("## ") {
                Some(heading) => html! { <h3>{ heading.to_owned() }</h3> },
                None => html! { <p>{ block.to_owned() }</p> },
            }) }
        </article>
    }
}
