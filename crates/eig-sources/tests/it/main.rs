//! The quote checker's own tests, then the corpus: every quote and citation the workspace
//! carries, checked against the texts.

mod assumptions;
mod checker;
mod corpus;
