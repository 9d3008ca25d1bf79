//! Small Copy context structs shared by every page.

pub mod session;
