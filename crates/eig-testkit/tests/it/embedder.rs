//! An embedder's test.
