//! Shared support for the workspace's criterion benchmarks (`benches/benches/*.rs`).
//!
//! Run them all with `cargo bench -p eig-benches`; CI runs each once with
//! `cargo bench -p eig-benches -- --test`. Figures and the machine are recorded in
//! `docs/performance.md`.

/// The README's examples, compiled and run as doctests (this package depends on every crate).
#[cfg(doctest)]
#[doc = include_str!("../../README.md")]
struct ReadmeDoctests;
