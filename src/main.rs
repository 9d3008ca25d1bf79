fn main() {
    console_error_panic_hook::set_once();
    // index.html paints the page's frame before the wasm arrives: the app takes over from it.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("boot-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(console::App);
}
