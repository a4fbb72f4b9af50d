//! The test kit's one integration binary: every fixture is what its documentation says, for
//! every promotion (`fixtures.rs`); the strategies draw what they promise and the rules
//! crates hold their laws over them (`strategies.rs`); and an embedder's test written against
//! the public API only (`embedder.rs`).

#[cfg(feature = "proptest")]
mod embedder;
mod fixtures;
#[cfg(feature = "proptest")]
mod strategies;
