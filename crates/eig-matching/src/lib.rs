//! Assignment of talents to défis for the *Entrepreneurs d'intérêt général* programme.
//!
//! Scope (work in progress, see the project's issue tracker): candidate-proposing deferred
//! acceptance over (défi, profile) seats, lower quotas (a défi staffed below its minimum is
//! withdrawn), an exact mode for EIG-size instances, a verifier independent of the solver,
//! and explanations for every candidate and défi.
//!
//! This crate exports nothing yet: no mechanism is implemented here so far.
