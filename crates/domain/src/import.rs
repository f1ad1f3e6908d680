//! Users to and from CSV: the export of the user list, and the import file (first name, last
//! name, email, roles), read before anything is written so that every row's problems can be
//! shown at once. French spreadsheets write `;` between columns, others `,`: both are read.

use serde::{Deserialize, Serialize};

use crate::{search::search_key, Code, FieldErrors, NewUser, Role, User};

pub use crate::limits::IMPORT_MAX_ROWS;

/// `POST /api/users/import`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ImportUsers {
    pub users: Vec<NewUser>,
}

/// Its answer: the new users, in the file's order. They sign in once an admin resets their
/// password (hashing a thousand passwords would hold the request for many seconds).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportedUsers {
    pub created: Vec<User>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file is empty")]
    Empty,
    #[error("missing columns: {0:?}")]
    MissingColumns(Vec<&'static str>),
    #[error("line {line} cannot be read: {cause}")]
    Unreadable { line: u64, cause: String },
}

const COLUMNS: [&str; 4] = ["first_name", "last_name", "email", "roles"];

/// Header names accepted for each column, compared after `search_key` (case, accents, spaces).
fn column_of(header: &str) -> Option<usize> {
    let key = search_key(&header.replace(['_', '-'], " "));
    let aliases: [&[&str]; 4] = [
        &["first name", "firstname", "prenom", "given name"],
        &["last name", "lastname", "nom", "surname", "family name"],
        &[
            "email",
            "e mail",
            "work email",
            "e mail professionnel",
            "adresse e mail",
            "mail",
        ],
        &["roles", "role"],
    ];
    aliases
        .iter()
        .position(|names| names.contains(&key.as_str()))
}

/// Reads an import file. Rows come back in order, with unknown role names reported under
/// `users.{row}.roles` (row 0 is the first line after the header); the domain's rules are
/// checked separately by `validate::import_users`, as the server does.
pub fn parse_users_csv(text: &str) -> Result<(Vec<NewUser>, FieldErrors), CsvError> {
    let text = text.trim_start_matches('\u{feff}');
    let first_line = text.lines().next().filter(|l| !l.trim().is_empty());
    let Some(first_line) = first_line else {
        return Err(CsvError::Empty);
    };
    let delimiter = if first_line.matches(';').count() > first_line.matches(',').count() {
        b';'
    } else {
        b','
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let unreadable = |e: csv::Error| CsvError::Unreadable {
        line: e.position().map(|p| p.line()).unwrap_or(1),
        cause: e.to_string(),
    };
    let headers = reader.headers().map_err(unreadable)?.clone();
    let mut index = [None; 4];
    for (i, header) in headers.iter().enumerate() {
        if let Some(column) = column_of(header) {
            index[column].get_or_insert(i);
        }
    }
    let missing: Vec<&'static str> = COLUMNS
        .iter()
        .zip(index)
        .filter(|(_, i)| i.is_none())
        .map(|(name, _)| *name)
        .collect();
    // A file without roles is fine: the users get none, and can be given some later.
    if missing.iter().any(|m| *m != "roles") {
        return Err(CsvError::MissingColumns(missing));
    }
    let mut users = Vec::new();
    let mut errors = FieldErrors::new();
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        if record.iter().all(str::is_empty) {
            continue;
        }
        let cell = |column: usize| {
            unguarded(
                index[column]
                    .and_then(|i| record.get(i))
                    .unwrap_or_default(),
            )
            .to_owned()
        };
        let mut roles = Vec::new();
        for name in cell(3)
            .split(['|', ';', ','])
            .map(str::trim)
            .filter(|n| !n.is_empty())
        {
            match Role::from_key(name) {
                Some(role) if !roles.contains(&role) => roles.push(role),
                Some(_) => {}
                None => errors
                    .entry(format!("users.{}.roles", users.len()))
                    .or_default()
                    .push(Code::RoleUnknown),
            }
        }
        roles.sort();
        users.push(NewUser {
            first_name: cell(0),
            last_name: cell(1),
            email: cell(2),
            roles,
        });
    }
    Ok((users, errors))
}

/// What makes a spreadsheet read a cell as a formula ("CSV injection").
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell that a spreadsheet shows as text: a `'` before a formula's first character.
fn guarded(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(FORMULA_STARTS) {
        format!("'{cell}").into()
    } else {
        cell.into()
    }
}

/// The cell as typed, without the guard `guarded` put there.
fn unguarded(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// The user list as CSV, in the import's columns (roles by key, separated by `|`). A cell that
/// a spreadsheet would run as a formula is written as text (`'=…`); the import reads it back.
pub fn users_csv<'a>(users: impl IntoIterator<Item = &'a User>) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to memory cannot fail.
    let _ = writer.write_record(COLUMNS);
    for user in users {
        let roles: Vec<&str> = user.roles.iter().map(|r| r.key()).collect();
        let _ = writer.write_record([
            &*guarded(&user.first_name),
            &*guarded(&user.last_name),
            &*guarded(&user.email),
            &roles.join("|"),
        ]);
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_french_and_english_files() {
        let french = "Prénom;Nom;E-mail professionnel;Rôles\nÉloïse;Lefèvre;eloise@contoso.fr;sales_agent|admin_agent\n\n";
        let (users, errors) = parse_users_csv(french).unwrap();
        assert!(errors.is_empty());
        assert_eq!(users.len(), 1);
        assert_eq!(users[0].first_name, "Éloïse");
        assert_eq!(users[0].roles, [Role::AdminAgent, Role::SalesAgent]);

        let english = "\u{feff}email,first_name,last_name\n a@b.fr , Ann,\"Lee, Jr\"\n";
        let (users, _) = parse_users_csv(english).unwrap();
        assert_eq!(users[0].last_name, "Lee, Jr");
        assert_eq!(users[0].email, "a@b.fr");
        assert!(users[0].roles.is_empty());
    }

    #[test]
    fn says_what_is_wrong_with_a_file() {
        assert_eq!(parse_users_csv(""), Err(CsvError::Empty));
        assert_eq!(
            parse_users_csv("name,mail\nx,y"),
            Err(CsvError::MissingColumns(vec![
                "first_name",
                "last_name",
                "roles"
            ]))
        );
        let (_, errors) =
            parse_users_csv("first_name,last_name,email,roles\na,b,c@d.fr,wizard\n").unwrap();
        assert_eq!(errors["users.0.roles"], ["role.unknown"]);
    }

    #[test]
    fn formulas_are_exported_as_text_and_imported_as_typed() {
        let user = |first: &str, last: &str| User {
            id: "u".into(),
            first_name: first.into(),
            last_name: last.into(),
            email: "x@y.fr".into(),
            roles: vec![],
            created_at: String::new(),
            invited_at: None,
        };
        let users = [
            user("=HYPERLINK(\"http://evil\")", "+1"),
            user("-2", "@SUM(A1)"),
            user("'Quoted", "O'Neil"),
        ];
        let csv = users_csv(&users);
        for line in csv.lines().skip(1) {
            let first_cell = line.trim_start_matches('"');
            assert!(!first_cell.starts_with(FORMULA_STARTS), "{line}");
        }
        assert!(csv.contains("'=HYPERLINK"), "{csv}");
        assert!(csv.contains(",'@SUM(A1),"), "{csv}");
        let (read, _) = parse_users_csv(&csv).unwrap();
        let names: Vec<(&str, &str)> = read
            .iter()
            .map(|u| (u.first_name.as_str(), u.last_name.as_str()))
            .collect();
        assert_eq!(
            names,
            [
                ("=HYPERLINK(\"http://evil\")", "+1"),
                ("-2", "@SUM(A1)"),
                ("'Quoted", "O'Neil")
            ]
        );
    }

    #[test]
    fn an_export_reads_back_as_the_same_users() {
        let user = User {
            id: "u".into(),
            first_name: "Zoé".into(),
            last_name: "O'Neil, \"Jr\"".into(),
            email: "zoe@x.fr".into(),
            roles: vec![Role::GlobalAdmin, Role::ReportViewer],
            created_at: String::new(),
            invited_at: None,
        };
        let (users, errors) = parse_users_csv(&users_csv(std::slice::from_ref(&user))).unwrap();
        assert!(errors.is_empty());
        assert_eq!(
            users,
            [NewUser {
                first_name: user.first_name,
                last_name: user.last_name,
                email: user.email,
                roles: user.roles,
            }]
        );
    }
}

#[cfg(test)]
mod validation_tests {
    use super::*;
    use crate::validate::import_users;

    #[test]
    fn every_row_is_checked_and_duplicates_found() {
        let (users, _) = parse_users_csv(
            "first_name,last_name,email\nAnn,Lee,ann@x.fr\n,Roe,not-an-email\nAnn,Lee,ANN@x.fr\nBo,Li,bo@y.fr\n",
        )
        .unwrap();
        let errors = import_users(&ImportUsers { users }, "x.fr").unwrap_err();
        assert_eq!(errors["users.1.first_name"], ["required"]);
        assert_eq!(errors["users.1.email"], ["email.format"]);
        assert_eq!(errors["users.2.email"], ["email.duplicate"]);
        assert!(!errors.contains_key("users.0.email"));
        assert_eq!(errors["users.3.email"], ["email.other_domain"]);
        let too_many = ImportUsers {
            users: vec![NewUser::default(); IMPORT_MAX_ROWS + 1],
        };
        assert!(import_users(&too_many, "x.fr").unwrap_err()["users"]
            .contains(&crate::Code::ImportTooMany));
    }
}
