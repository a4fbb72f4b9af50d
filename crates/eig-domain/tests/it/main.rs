//! The integration tests of eig-domain: the public API as an embedder uses it.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

mod builders;
mod calendar;
mod identifiers;
mod money;
mod promotion;
mod roundtrip;
#[cfg(feature = "schemars")]
mod schema;
mod serde_words;
mod source;
mod vocabulary;
