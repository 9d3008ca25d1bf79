//! The overlays of the keyboard (`overlays.rs` opens them): the palette,
//! which finds any resource or action, and the list of shortcuts. A chunk
//! of their own with the split build, fetched when first opened.

mod dialog;
mod help;
mod modal;
pub mod search;

use crate::overlays::Overlay;
use leptos::prelude::*;

/// The open overlay's view.
#[cfg_attr(feature = "split", leptos::lazy)]
pub async fn overlay_view(overlay: Overlay) -> AnyView {
    match overlay {
        Overlay::Palette => view! { <dialog::Palette/> }.into_any(),
        Overlay::Shortcuts => view! { <help::Shortcuts/> }.into_any(),
    }
}
