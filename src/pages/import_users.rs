//! "Importer des utilisateurs" (`/settings/users/import`): a CSV file (first name, last name,
//! email, roles) is read and checked in the browser with the domain's rules, every row's
//! problems listed before anything is written; then one all-or-nothing import.

use std::{collections::BTreeMap, rc::Rc};

use partner_domain::{
    import::{parse_users_csv, CsvError, IMPORT_MAX_ROWS},
    validate, Action, FieldErrors, ImportUsers, NewUser,
};
use stylist::yew::use_style;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::{
    api::{use_backend, ApiError},
    components::{code_message, failure_message, use_submit_guard, RequireSession, SubmitButton},
    i18n::{format_number, use_i18n, I18n},
    route::Route,
    state::use_session,
};

/// A file read and checked: its rows and every problem, keyed `users.{row}.{field}`.
#[derive(Debug, Clone, PartialEq)]
struct Checked {
    users: Rc<Vec<NewUser>>,
    errors: FieldErrors,
}

#[derive(Debug, Clone, PartialEq)]
enum Stage {
    Choosing,
    Unreadable(CsvError),
    Checked(Checked),
    Imported(usize),
}

/// The file read and checked for the work account of `domain`, as the server will check it.
fn check(text: &str, domain: &str) -> Stage {
    match parse_users_csv(text) {
        Err(e) => Stage::Unreadable(e),
        Ok((mut users, mut errors)) => {
            for user in &mut users {
                user.email = validate::user_address(&user.email, domain);
            }
            let body = ImportUsers { users };
            for (path, codes) in validate::import_users(&body, domain)
                .err()
                .unwrap_or_default()
            {
                errors.entry(path).or_default().extend(codes);
            }
            Stage::Checked(Checked {
                users: Rc::new(body.users),
                errors,
            })
        }
    }
}

fn csv_error_message(t: &I18n, error: &CsvError) -> String {
    match error {
        CsvError::Empty => t.csv_empty().to_string(),
        CsvError::MissingColumns(columns) => t.csv_missing_columns(columns.join(", ")).to_string(),
        CsvError::Unreadable { line, .. } => t.csv_unreadable(*line as i64).to_string(),
    }
}

#[function_component]
pub fn ImportUsersPage() -> Html {
    html! { <RequireSession><ImportUsersBody /></RequireSession> }
}

#[function_component]
fn ImportUsersBody() -> Html {
    let t = use_i18n();
    // The sample file, as a file would look: monospaced, scrolling sideways rather than wrapping.
    let sample_style = use_style!(
        r#"
        background: var(--color-surface); border: 1px solid var(--color-border); border-radius: var(--radius);
        padding: var(--space-3); overflow-x: auto; font-size: var(--text-sm);
        "#
    );
    let backend = use_backend();
    let session = use_session();
    let may_manage = session.may(Action::ManageUsers);
    let domain: Rc<str> = session
        .me()
        .map(|me| me.tenant.domain.as_str().into())
        .unwrap_or_else(|| "".into());
    let stage = use_state(|| Stage::Choosing);
    let failed = use_state(|| None::<String>);
    let guard = use_submit_guard();
    let on_file = {
        let (stage, failed, t, domain) = (stage.clone(), failed.clone(), t.clone(), domain.clone());
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let (stage, failed, t, domain) =
                (stage.clone(), failed.clone(), t.clone(), domain.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.text()).await {
                    Ok(text) => {
                        failed.set(None);
                        stage.set(check(&text.as_string().unwrap_or_default(), &domain));
                    }
                    Err(_) => failed.set(Some(t.csv_not_read().to_string())),
                }
            });
        })
    };
    let on_paste = {
        let (stage, domain) = (stage.clone(), domain.clone());
        Callback::from(move |e: InputEvent| {
            let text = e
                .target_unchecked_into::<web_sys::HtmlTextAreaElement>()
                .value();
            stage.set(if text.trim().is_empty() {
                Stage::Choosing
            } else {
                check(&text, &domain)
            });
        })
    };
    let onsubmit = {
        let (stage, failed, guard, t) = (stage.clone(), failed.clone(), guard.clone(), t.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let Stage::Checked(checked) = (*stage).clone() else {
                return;
            };
            if !checked.errors.is_empty() {
                return;
            }
            let (backend, stage, failed, t) =
                (backend.clone(), stage.clone(), failed.clone(), t.clone());
            guard.run(async move {
                let body = ImportUsers {
                    users: (*checked.users).clone(),
                };
                match backend.import_users(body).await {
                    Ok(done) => {
                        failed.set(None);
                        stage.set(Stage::Imported(done.created.len()));
                    }
                    // The server found what the browser could not (an email taken meanwhile).
                    Err(ApiError::Api { body, .. }) if !body.fields.is_empty() => {
                        failed.set(None);
                        stage.set(Stage::Checked(Checked {
                            errors: body.fields,
                            ..checked
                        }));
                    }
                    Err(e) => failed.set(Some(failure_message(&t, &e))),
                }
            });
        })
    };
    let body = match &*stage {
        Stage::Choosing => Html::default(),
        Stage::Unreadable(error) => html! {
            <div class="panel panel-error" role="alert"><p>{ csv_error_message(&t, error) }</p></div>
        },
        Stage::Checked(checked) => html! {
            <form class="form" {onsubmit} novalidate=true>
                <CheckReport checked={checked.clone()} />
                if checked.errors.is_empty() {
                    <SubmitButton label={t.import_submit(checked.users.len() as i64, format_number(t.lang, checked.users.len() as f64)).to_string()} busy={guard.busy()} />
                }
            </form>
        },
        Stage::Imported(count) => html! {
            <div class="panel panel-success" role="status">
                <p>{ t.import_done(*count as i64, format_number(t.lang, *count as f64)).to_string() }</p>
                <p>{ t.import_passwords_note().to_string() }</p>
                <p><Link<Route> to={Route::Users} classes="button button-primary">{ t.back_to_users().to_string() }</Link<Route>></p>
            </div>
        },
    };
    html! {
        <section class="page">
            <p><Link<Route> to={Route::Users}>{ t.back_to_users().to_string() }</Link<Route>></p>
            <h1>{ t.import_title().to_string() }</h1>
            if !may_manage {
                <div class="panel panel-info" role="status"><p>{ t.users_read_only().to_string() }</p></div>
            } else {
                <p>{ t.import_intro(format_number(t.lang, IMPORT_MAX_ROWS as f64)).to_string() }</p>
                <p>{ t.import_domain(domain.to_string()).to_string() }</p>
                <pre class={classes!("sample", sample_style)} aria-label={t.import_sample_label().to_string()}>{ t.import_sample().to_string() }</pre>
                if let Some(message) = &*failed {
                    <div class="panel panel-error" role="alert"><p>{ message.clone() }</p></div>
                }
                <div class="field">
                    <label for="import-file">{ t.import_file().to_string() }</label>
                    <input id="import-file" type="file" accept=".csv,text/csv" onchange={on_file} />
                </div>
                <div class="field">
                    <label for="import-text">{ t.import_paste().to_string() }</label>
                    <textarea id="import-text" rows="5" oninput={on_paste} />
                </div>
                { body }
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CheckReportProps {
    checked: Checked,
}

/// What the check found: a count, then each row with problems (its line in the file, who, what).
#[function_component]
fn CheckReport(props: &CheckReportProps) -> Html {
    let t = use_i18n();
    let Checked { users, errors } = &props.checked;
    // Row → its problems, in the file's order.
    let mut rows: BTreeMap<usize, Vec<String>> = BTreeMap::new();
    let mut general = Vec::new();
    for (path, codes) in errors {
        let message = codes
            .iter()
            .map(|c| code_message(&t, *c, ""))
            .collect::<Vec<_>>()
            .join(" ");
        let mut parts = path.split('.');
        match (
            parts.next(),
            parts.next().and_then(|i| i.parse::<usize>().ok()),
            parts.next(),
        ) {
            (Some("users"), Some(row), Some(field)) => rows.entry(row).or_default().push(
                t.import_problem(field_label(&t, field), message)
                    .to_string(),
            ),
            _ => general.push(message),
        }
    }
    let count = users.len();
    html! {
        <div class={classes!("panel", if errors.is_empty() { "panel-success" } else { "panel-error" })} role="status">
            <p>{ t.import_checked(count as i64, format_number(t.lang, count as f64), rows.len() as i64).to_string() }</p>
            { for general.into_iter().map(|m| html! { <p>{ m }</p> }) }
            if !rows.is_empty() {
                <div class="table-scroll">
                    <table class="table">
                        <thead><tr>
                            <th scope="col">{ t.import_line().to_string() }</th>
                            <th scope="col">{ t.users_email().to_string() }</th>
                            <th scope="col">{ t.import_problems().to_string() }</th>
                        </tr></thead>
                        <tbody>
                            { for rows.into_iter().map(|(row, problems)| html! {
                                <tr key={row}>
                                    // The header is line 1.
                                    <td>{ row + 2 }</td>
                                    <td>{ users.get(row).map(|u| u.email.clone()).unwrap_or_default() }</td>
                                    <td>{ for problems.into_iter().map(|p| html! { <span class="line">{ p }</span> }) }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}

fn field_label(t: &I18n, field: &str) -> String {
    match field {
        "first_name" => t.field_first_name(),
        "last_name" => t.field_last_name(),
        "email" => t.users_email(),
        _ => t.users_roles(),
    }
    .to_string()
}
