//! The console's benchmark: sizes, load, big lists, polling cost, memory
//! and typing, measured in headless Chromium against the emulator and, for
//! loading, side by side with a hand-written page that makes the same list
//! call (`bench/baseline.*`): the physical limit. Beside them, the floor
//! (`bench/floor`): the same list as a minimal Leptos app, what the framework
//! alone costs. It prints figures and the budgets of issues 9 and 14; it
//! asserts nothing.
//!
//! Run with `.ci/bench` (builds the release, the floor and the emulator first).
//! `BENCH_QUICK=1` shortens the runs and windows; `BENCH_MINUTES` sets the
//! memory run (default 10).

#[cfg(not(target_arch = "wasm32"))]
#[path = "bench/host.rs"]
mod host;

fn main() {
    #[cfg(not(target_arch = "wasm32"))]
    host::main();
}
