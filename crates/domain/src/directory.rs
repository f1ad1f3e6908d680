//! A work account's users held in memory for the user-management list: search keys and both
//! sort orders are computed once when the list arrives, so that each keystroke only scans short
//! strings and writes indices into a reused buffer, whatever the number of users.

use std::sync::OnceLock;

use crate::{
    search::{search_key, user_search_text, user_sort_key},
    service::UserFilter,
    Role, User, UserList,
};

crate::wire_enum! {
    #[derive(Default)]
    pub enum SortBy {
        #[default]
        Name = "name",
        Email = "email",
    }
}

crate::wire_enum! {
    #[derive(Default)]
    pub enum Direction {
        #[default]
        Asc = "asc",
        Desc = "desc",
    }
}

/// What the list shows: docs/API.md's search and role filter, and an order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct View {
    pub q: String,
    pub role: Option<Role>,
    /// Only users who have not accepted their invitation yet.
    pub invited_only: bool,
    pub sort: SortBy,
    pub direction: Direction,
}

/// `Eq`, so that comparing two `Rc<Directory>` (a component's props, a memo's dependencies)
/// first compares the pointers: the same list is not compared user by user on each keystroke.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Directory {
    users: Vec<User>,
    search: Vec<String>,
    by_name: Vec<u32>,
    /// Built the first time the list is sorted by email: the first rows do not wait for it.
    by_email: OnceLock<Vec<u32>>,
}

/// The indices of `users` in the order of `key` (stable: equal keys keep their order).
fn order_by(users: &[User], key: impl Fn(&User) -> String) -> Vec<u32> {
    let keys: Vec<String> = users.iter().map(key).collect();
    let mut order: Vec<u32> = (0..users.len() as u32).collect();
    // The server and the mock send the list in name order: then checking it is enough.
    if !keys.is_sorted() {
        order.sort_by(|a, b| keys[*a as usize].cmp(&keys[*b as usize]));
    }
    order
}

impl Directory {
    pub fn new(users: Vec<User>) -> Self {
        let search = users
            .iter()
            .map(|u| user_search_text(&u.first_name, &u.last_name, &u.email))
            .collect();
        let by_name = order_by(&users, |u| user_sort_key(&u.first_name, &u.last_name));
        Self {
            users,
            search,
            by_name,
            by_email: OnceLock::new(),
        }
    }

    pub fn len(&self) -> usize {
        self.users.len()
    }

    pub fn is_empty(&self) -> bool {
        self.users.is_empty()
    }

    pub fn users(&self) -> &[User] {
        &self.users
    }

    pub fn user(&self, index: u32) -> &User {
        &self.users[index as usize]
    }

    /// docs/API.md's `GET /api/users`: one page of `filter` (in its order) and the number of
    /// users it matches. The server and the mock answer with it.
    pub fn page(&self, filter: &UserFilter) -> UserList {
        let view = View {
            q: filter.needle.clone(),
            role: filter.role,
            invited_only: filter.invited_only,
            sort: filter.sort,
            direction: filter.direction,
        };
        let mut matching = Vec::new();
        self.select(&view, &mut matching);
        let skip = usize::try_from(filter.offset).unwrap_or(usize::MAX);
        let take = usize::try_from(filter.limit).unwrap_or(usize::MAX);
        UserList {
            total: matching.len() as u64,
            items: matching
                .iter()
                .skip(skip)
                .take(take)
                .map(|i| self.user(*i).clone())
                .collect(),
        }
    }

    /// The users `view` shows, in its order, as indices written into `out` (cleared first).
    pub fn select(&self, view: &View, out: &mut Vec<u32>) {
        out.clear();
        let key = search_key(&view.q);
        let order = match view.sort {
            SortBy::Name => &self.by_name,
            SortBy::Email => self
                .by_email
                .get_or_init(|| order_by(&self.users, |u| search_key(&u.email))),
        };
        let matches = |i: &&u32| {
            let i = **i as usize;
            let user = &self.users[i];
            view.role.is_none_or(|r| user.roles.contains(&r))
                && (!view.invited_only || user.invited_at.is_some())
                && (key.is_empty() || self.search[i].contains(&key))
        };
        match view.direction {
            Direction::Asc => out.extend(order.iter().filter(matches)),
            Direction::Desc => out.extend(order.iter().rev().filter(matches)),
        }
    }

    /// What `select` writes for `view`, found among `shown`, what `select` wrote for `before`,
    /// when `view` can only show some of those, in the same order: the same filters and order,
    /// and a search that contains the one before (a letter typed). Each keystroke then looks
    /// into the users the one before found, not into the whole list.
    pub fn narrow(&self, before: &View, shown: &[u32], view: &View, out: &mut Vec<u32>) {
        let key = search_key(&view.q);
        let fewer = view.role == before.role
            && view.invited_only == before.invited_only
            && view.sort == before.sort
            && view.direction == before.direction
            && key.contains(&search_key(&before.q));
        if !fewer {
            return self.select(view, out);
        }
        out.clear();
        out.extend(
            shown
                .iter()
                .filter(|i| self.search[**i as usize].contains(&key)),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(first: &str, last: &str, email: &str, roles: Vec<Role>) -> User {
        User {
            id: email.into(),
            first_name: first.into(),
            last_name: last.into(),
            email: email.into(),
            roles,
            created_at: String::new(),
            invited_at: None,
        }
    }

    fn names(directory: &Directory, view: &View) -> Vec<String> {
        let mut out = Vec::new();
        directory.select(view, &mut out);
        out.iter()
            .map(|i| directory.user(*i).display_name())
            .collect()
    }

    /// Three users, not in name order.
    fn three() -> Vec<User> {
        vec![
            user("Zoé", "Martin", "a.zoe@x.fr", vec![Role::SalesAgent]),
            user(
                "Éloïse",
                "Lefèvre",
                "z.eloise@x.fr",
                vec![Role::GlobalAdmin],
            ),
            user("Jean", "Dupont", "m.jean@x.fr", vec![Role::SalesAgent]),
        ]
    }

    #[test]
    fn searches_ignore_case_and_accents_and_sorts_both_ways() {
        let directory = Directory::new(three());
        let mut view = View::default();
        assert_eq!(
            names(&directory, &view),
            ["Jean Dupont", "Éloïse Lefèvre", "Zoé Martin"]
        );
        view.direction = Direction::Desc;
        assert_eq!(
            names(&directory, &view),
            ["Zoé Martin", "Éloïse Lefèvre", "Jean Dupont"]
        );
        view.sort = SortBy::Email;
        view.direction = Direction::Asc;
        assert_eq!(
            names(&directory, &view),
            ["Zoé Martin", "Jean Dupont", "Éloïse Lefèvre"]
        );
        view.q = "ELOISE lefevre".into();
        assert_eq!(names(&directory, &view), ["Éloïse Lefèvre"]);
        view.q = "lefevre eloise".into();
        assert_eq!(names(&directory, &view), ["Éloïse Lefèvre"]);
        view.q = String::new();
        view.role = Some(Role::SalesAgent);
        assert_eq!(names(&directory, &view), ["Zoé Martin", "Jean Dupont"]);
        view.q = "@x.fr".into();
        view.role = Some(Role::ReportViewer);
        assert!(names(&directory, &view).is_empty());
    }

    /// Typing narrows from what the keystroke before found; anything else (a letter taken
    /// back, another role or order) looks into the whole list again. Either way the rows are
    /// those and in the order a search from scratch gives.
    #[test]
    fn narrowing_finds_what_a_search_from_scratch_finds() {
        let mut users = three();
        users.push(user(
            "Élodie",
            "Martin",
            "e.martin@x.fr",
            vec![Role::SalesAgent],
        ));
        let directory = Directory::new(users);
        let view = |q: &str, role, direction| View {
            q: q.into(),
            role,
            direction,
            ..View::default()
        };
        let steps = [
            view("", None, Direction::Asc),
            view("E", None, Direction::Asc),
            view("ÉL", None, Direction::Asc),
            view("élo", None, Direction::Asc),
            view("élod", None, Direction::Asc),
            view("élo", None, Direction::Asc),
            view("élo", Some(Role::SalesAgent), Direction::Asc),
            view("mar", None, Direction::Desc),
            view("mart", None, Direction::Desc),
            view("mart", None, Direction::Asc),
            view("x.fr", None, Direction::Asc),
        ];
        let (mut before, mut shown) = (View::default(), Vec::new());
        directory.select(&before, &mut shown);
        for step in steps {
            let (mut narrowed, mut searched) = (Vec::new(), Vec::new());
            directory.narrow(&before, &shown, &step, &mut narrowed);
            directory.select(&step, &mut searched);
            assert_eq!(narrowed, searched, "{step:?} after {before:?}");
            (before, shown) = (step, narrowed);
        }
        assert_eq!(shown.len(), 4);
    }
}
