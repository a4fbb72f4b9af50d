//! The integration tests of eig-eligibility: the public API as an embedder uses it.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

mod explain;
mod laws;
mod mutants;
mod replay;
mod selection;
