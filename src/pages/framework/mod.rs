//! The page framework every resource's pages are built on, one job a file:
//! the detail page, the list page, the form's state, its submit hook, its
//! frame, the create and edit pages, the conflict choice, related resources.
//! It knows a resource only through `Resource` and `ResourceForm`.

mod conflict;
mod detail_page;
mod form_frame;
mod form_pages;
mod form_state;
mod list_page;
mod use_related;
mod use_submit;

pub use detail_page::{detail_head, detail_page};
pub use form_pages::{as_code_of, create_page, edit_page};
pub use form_state::FormState;
pub use list_page::list_head;
pub use use_related::{related_label, use_related};
