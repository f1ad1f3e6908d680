//! Forms, written one way: `use_form` keeps what a form knows besides its values (which fields
//! were left, whether the user tried to submit, the server's field errors, a failure), and the
//! field components show a field bound to it.

mod fields;
mod state;

pub use fields::{code_message, ErrorSummary, SelectField, TextField};
pub use state::{use_form, Field, Form};
