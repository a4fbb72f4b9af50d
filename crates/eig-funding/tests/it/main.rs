//! The integration tests of eig-funding: the public API as an embedder uses it.

#![allow(
    clippy::unwrap_used,
    reason = "test helpers outside #[test] functions: a failure is a test failure"
)]

mod builders;
mod parameters;
mod plans;
#[cfg(feature = "schemars")]
mod schema;
mod splits;
mod stream;
