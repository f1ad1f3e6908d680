//! "Journal d’activité" (gear → Journal d’activité): who changed what in the work account, newest
//! first, filtered by dates, resource and user, a page at a time ("Afficher plus"), and exported
//! as CSV. The filters live in the address (`?since=2026-11-01&until=…&resource=roles&user=…`),
//! so a view can be shared; dates are the reader's local days.

use std::rc::Rc;

use partner_domain::{
    clock::stamp, Action, Activity, ActivityPage as Page, ActivityQuery, ActivityResource,
    FieldErrors,
};
use serde::{Deserialize, Serialize};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, use_load, ApiError},
    components::{
        code_message, error_message, loaded, use_submit_guard, DownloadButton, Downloadable,
        RequireSession, Skeleton,
    },
    i18n::{
        activity::{describe, no_actor, resource_name},
        format_date_time, use_i18n,
    },
    route::Route,
    state::use_session,
};

/// The filters as the address keeps them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
struct Filters {
    /// `YYYY-MM-DD`, as `<input type=date>` gives it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    since: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    until: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    resource: String,
    /// A user's id.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    user: String,
}

/// The stamp of the start of a local day `YYYY-MM-DD`, `days` later.
fn local_day_start(date: &str, days: u32) -> Option<String> {
    let mut parts = date.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    let start = js_sys::Date::new_with_year_month_day(year, month as i32 - 1, (day + days) as i32);
    let ms = start.get_time();
    (!ms.is_nan()).then(|| stamp((ms / 1000.0) as i64))
}

impl Filters {
    /// The API's query, or the fields to correct (a malformed date, an end before the start).
    fn query(&self) -> Result<ActivityQuery, FieldErrors> {
        let day = |value: &str, days, field: &str| -> Result<Option<String>, FieldErrors> {
            if value.is_empty() {
                return Ok(None);
            }
            local_day_start(value, days).map(Some).ok_or_else(|| {
                FieldErrors::from([(field.to_owned(), vec![partner_domain::Code::DateFormat])])
            })
        };
        let query = ActivityQuery {
            since: day(&self.since, 0, "since")?,
            // The end day is included: up to the start of the next.
            until: day(&self.until, 1, "until")?,
            resource: ActivityResource::from_key(&self.resource),
            user: (!self.user.is_empty()).then(|| self.user.clone()),
            ..ActivityQuery::default()
        };
        query.check().map(|()| query)
    }
}

#[function_component]
pub fn ActivityLogPage() -> Html {
    html! { <RequireSession><ActivityBody /></RequireSession> }
}

#[function_component]
fn ActivityBody() -> Html {
    let t = use_i18n();
    let session = use_session();
    let navigator = use_navigator();
    let location = use_location();
    let filters: Filters = location
        .as_ref()
        .and_then(|l| l.query::<Filters>().ok())
        .unwrap_or_default();
    // The filters as last asked for: several changes before the next render each build on the
    // one before, not on what the render saw.
    let latest = use_mut_ref(Filters::default);
    *latest.borrow_mut() = filters.clone();
    let update = {
        let latest = latest.clone();
        move |change: fn(&mut Filters, String)| {
            let (latest, navigator) = (latest.clone(), navigator.clone());
            Callback::from(move |value: String| {
                let mut next = latest.borrow().clone();
                change(&mut next, value);
                *latest.borrow_mut() = next.clone();
                if let Some(navigator) = &navigator {
                    let _ = navigator.replace_with_query(&Route::ActivityLog, &next);
                }
            })
        }
    };
    if !session.may(Action::ReadActivity) {
        return html! {
            <section class="page">
                <h1>{ t.activity_title().to_string() }</h1>
                <div class="panel panel-info" role="status"><p>{ t.activity_forbidden().to_string() }</p></div>
            </section>
        };
    }
    let value_of = |e: Event| {
        e.target_unchecked_into::<web_sys::HtmlInputElement>()
            .value()
    };
    let on_since = update(|f, v| f.since = v).reform(value_of);
    let on_until = update(|f, v| f.until = v).reform(value_of);
    let on_resource = update(|f, v| f.resource = v).reform(value_of);
    let on_user = update(|f, v| f.user = v);
    let on_all_users = on_user.reform(|_: MouseEvent| String::new());
    let query = filters.query();
    let error_of = |field: &str| {
        query
            .as_ref()
            .err()
            .and_then(|errors| errors.get(field))
            .map(|codes| {
                codes
                    .iter()
                    .map(|c| code_message(&t, *c, ""))
                    .collect::<Vec<_>>()
                    .join(" ")
            })
    };
    let date_field = |id: &'static str, label: String, value: &str, onchange: Callback<Event>| {
        let error = error_of(id);
        let error_id = format!("activity-{id}-error");
        html! {
            <div class={classes!("field", error.as_ref().map(|_| "field-invalid"))}>
                <label for={format!("activity-{id}")}>{ label }</label>
                if let Some(error) = &error {
                    <p id={error_id.clone()} class="error-message">{ error.clone() }</p>
                }
                <input id={format!("activity-{id}")} type="date" value={value.to_owned()} {onchange}
                    aria-invalid={error.is_some().then_some("true")}
                    aria-describedby={error.is_some().then_some(error_id)} />
            </div>
        }
    };
    html! {
        <section class="page">
            <h1>{ t.activity_title().to_string() }</h1>
            <p>{ t.activity_intro().to_string() }</p>
            <div class="filters" role="search">
                { date_field("since", t.activity_since().to_string(), &filters.since, on_since) }
                { date_field("until", t.activity_until().to_string(), &filters.until, on_until) }
                <div class="field">
                    <label for="activity-resource">{ t.activity_resource().to_string() }</label>
                    <select id="activity-resource" onchange={on_resource}>
                        <option value="" selected={filters.resource.is_empty()}>{ t.activity_all_resources().to_string() }</option>
                        { for ActivityResource::ALL.iter().map(|r| html! {
                            <option value={r.as_str()} selected={filters.resource == r.as_str()}>{ resource_name(&t, *r) }</option>
                        }) }
                    </select>
                </div>
            </div>
            if !filters.user.is_empty() {
                <UserFilter id={AttrValue::from(filters.user.clone())} on_clear={on_all_users} />
            }
            if let Ok(query) = &query {
                <p class="actions-row"><DownloadButton file={Downloadable::Activity(query.clone())} /></p>
                // A new list for each query: its pages start again from the newest.
                <ActivityList key={format!("{query:?}")} query={query.clone()} {on_user} />
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct UserFilterProps {
    id: AttrValue,
    on_clear: Callback<MouseEvent>,
}

/// "Modifications de Léa Roux (lea@…)", and the way back to every user.
#[function_component]
fn UserFilter(props: &UserFilterProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let user = use_load(props.id.clone(), async move |id: AttrValue| {
        backend.user(id.to_string()).await
    });
    // A deleted user is named by their id: the log still holds their changes.
    let name = match user.state() {
        Some(Ok(user)) => user.name_and_email(),
        _ => props.id.to_string(),
    };
    html! {
        <p class="panel panel-info" role="status">
            { t.activity_by_user(name).to_string() }{ " " }
            <button type="button" class="button" onclick={props.on_clear.clone()}>{ t.activity_all_users().to_string() }</button>
        </p>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityListProps {
    query: ActivityQuery,
    on_user: Callback<String>,
}

/// The records of one query: the first page, then each page "Afficher plus" brings.
#[function_component]
fn ActivityList(props: &ActivityListProps) -> Html {
    let t = use_i18n();
    let backend = use_backend();
    let first = {
        let backend = backend.clone();
        use_load(props.query.clone(), async move |query| {
            backend.activity(query).await
        })
    };
    let more = use_state(Vec::<Rc<Page>>::new);
    let more_failed = use_state(|| None::<ApiError>);
    let guard = use_submit_guard();
    let Some(Ok(first_page)) = first.state() else {
        return loaded(&first, html! { <Skeleton lines={8} /> }, |_| html! {});
    };
    let next = more.last().map_or(first_page.next, |page| page.next);
    let on_more = {
        let (query, more, more_failed, guard) = (
            props.query.clone(),
            more.clone(),
            more_failed.clone(),
            guard.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let answer = backend.activity(ActivityQuery {
                before: next,
                ..query.clone()
            });
            let (more, more_failed) = (more.clone(), more_failed.clone());
            guard.run(async move {
                match answer.await {
                    Ok(page) => {
                        more_failed.set(None);
                        let mut pages = (*more).clone();
                        pages.push(Rc::new(page));
                        more.set(pages);
                    }
                    Err(error) => more_failed.set(Some(error)),
                }
            });
        })
    };
    let items: Vec<&Activity> = std::iter::once(&**first_page)
        .chain(more.iter().map(|page| &**page))
        .flat_map(|page| page.items.iter())
        .collect();
    if items.is_empty() {
        return html! { <p class="panel panel-info" role="status">{ t.activity_empty().to_string() }</p> };
    }
    html! {
        <>
            <div class="table-scroll">
            <table class="table">
                <thead>
                    <tr>
                        <th scope="col">{ t.activity_when().to_string() }</th>
                        <th scope="col">{ t.activity_who().to_string() }</th>
                        <th scope="col">{ t.activity_resource().to_string() }</th>
                        <th scope="col">{ t.activity_what().to_string() }</th>
                        <th scope="col">{ t.activity_address().to_string() }</th>
                    </tr>
                </thead>
                <tbody>
                    { for items.iter().map(|a| html! {
                        <ActivityRow key={a.id.to_string()} activity={(*a).clone()} on_user={props.on_user.clone()} />
                    }) }
                </tbody>
            </table>
            </div>
            if let Some(error) = &*more_failed {
                <div class="panel panel-warning" role="alert">
                    <p>{ t.activity_more_failed().to_string() }{ " " }{ error_message(&t, error) }</p>
                </div>
            }
            if next.is_some() {
                <p>
                    <button type="button" class="button" aria-disabled={guard.busy().then_some("true")} onclick={on_more}>
                        if guard.busy() { <span class="spinner" aria-hidden="true"></span>{ " " } }
                        { if more_failed.is_some() { t.retry().to_string() } else { t.activity_more().to_string() } }
                    </button>
                </p>
            } else {
                <p class="hint">{ t.activity_end().to_string() }</p>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ActivityRowProps {
    activity: Activity,
    on_user: Callback<String>,
}

#[function_component]
fn ActivityRow(props: &ActivityRowProps) -> Html {
    let t = use_i18n();
    let a = &props.activity;
    let when = js_sys::Date::parse(&a.at);
    let who = match &a.actor {
        Some(actor) => {
            let onclick = {
                let (id, on_user) = (actor.id.clone(), props.on_user.clone());
                Callback::from(move |_: MouseEvent| on_user.emit(id.clone()))
            };
            html! {
                <>
                    <button type="button" class="link-button" {onclick}
                        title={t.activity_show_user(actor.name.clone()).to_string()}>{ actor.name.clone() }</button>
                    <br /><span class="hint">{ actor.email.clone() }</span>
                </>
            }
        }
        None => html! { <span class="hint">{ no_actor(&t, a) }</span> },
    };
    html! {
        <tr>
            <td><time datetime={a.at.clone()}>{ format_date_time(t.lang, when) }</time></td>
            <td>{ who }</td>
            <td>{ resource_name(&t, a.resource) }</td>
            <td>{ describe(&t, a) }</td>
            <td>{ a.address.clone().unwrap_or_else(|| "—".into()) }</td>
        </tr>
    }
}
