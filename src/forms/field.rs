//! One field of a form: how to read and write it in the form struct, and the
//! API argument its messages are filed under. A form declares each field once
//! (`ContainerForm::MEMORY`); its validation files messages under that key
//! and its view binds that field, so the two cannot disagree.

/// Reads and writes one field of a form struct `F` (plain fn pointers, so
/// fields are `Copy` and free), with the key of its messages: the API's
/// argument name (`memory_limit_bytes`, `liveness_probe.http.path`), so the
/// server's `invalid_arguments` land on it too. `""` for a field that gets
/// no message of its own (a choice among valid values).
pub struct Lens<F, T> {
    pub get: fn(&F) -> &T,
    pub set: fn(&mut F) -> &mut T,
    pub key: &'static str,
}

impl<F, T> Clone for Lens<F, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<F, T> Copy for Lens<F, T> {}

/// `lens!(port)` is the field `form.port`, its messages under `"port"`;
/// `lens!(memory_mb => "memory_limit_bytes")` names the key; a field with no
/// messages of its own: `lens!(privacy => "")`.
#[macro_export]
macro_rules! lens {
    ($field:ident) => {
        $crate::forms::field::Lens {
            get: |f| &f.$field,
            set: |f| &mut f.$field,
            key: stringify!($field),
        }
    };
    ($($path:ident).+ => $key:expr) => {
        $crate::forms::field::Lens {
            get: |f| &f.$($path).+,
            set: |f| &mut f.$($path).+,
            key: $key,
        }
    };
}
