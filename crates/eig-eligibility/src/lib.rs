//! Eligibility rules of each promotion of the *Entrepreneurs d'intérêt général* programme.
//!
//! Scope (work in progress, see the project's issue tracker): who may propose a défi and on
//! which funding route (AAP3 §3.1, AAP4–AAP6 §3, REG7 §3.1), what a défi must be (team of 2
//! or 3, profiles, mentors, attestations), the submission deadline in Paris time, candidate
//! eligibility (AAC2–AAC6, REG7 §2.1) and laureate selection by a jury. Each decision will be
//! tri-state (eligible, ineligible with every failing rule, incomplete with the missing
//! inputs) and carry a trace citing its sources.
//!
//! This crate exports nothing yet: no rule is implemented here so far.
