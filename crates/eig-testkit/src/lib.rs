//! The test kit for embedders of the `eig-*` crates: complete, eligible fixtures for every
//! promotion with published rules, and proptest strategies for the public types. Meant as a
//! dev-dependency:
//!
//! ```toml
//! [dev-dependencies]
//! eig-testkit = { version = "0.1.0" }
//! ```
//!
//! - [`fixtures`]: for each promotion EIG2–EIG7 ([`fixtures::PROMOTIONS`]), a défi dossier
//!   and a candidate application that `eig-eligibility` finds eligible, the défi's funding
//!   input that `eig-funding` plans, a small matching problem that `eig-matching` solves and
//!   certifies; with the feature `campaign` (on by default), a whole call that
//!   `eig-campaign` runs. Each is built with the crates' constructors and returned by value,
//!   to be modified in one line; EIG1 and DIG1, without published rules, are a
//!   [`FixtureError`].
//! - [`strategies`] (feature `proptest`, on by default): [`Euros`](eig_domain::Euros),
//!   [`Share`](eig_domain::Share), promotions, host kinds, profiles, valid-shaped dossiers
//!   and applications of any outcome, and valid matching inputs of bounded size.
//!
//! With `default-features = false`, the fixtures of the rule crates alone: neither proptest
//! nor `eig-campaign` is built.
//!
//! - [`cases`]: rule tests from an embedder's `#[test]`: [`cases::run_case_file`] reads
//!   and runs a case file of the public format (`eig-cases`, what `eig test` runs) and
//!   [`cases::assert_case_file`] fails the test with every difference, the failing rule's
//!   trace entry and its source.
//!
//! The fixtures and strategies are pure like the crates they test: no IO, no clock, no panic
//! — a fixture that cannot be given is an error. Only [`cases`] reads files (the case files
//! a test names).
//!
//! # Example
//! ```
//! use eig_domain::{Promotion, TalentProfile};
//! use eig_eligibility::{Outcome, evaluate_dossier};
//! use eig_testkit::{fixtures, strategies};
//! use proptest::prelude::*;
//!
//! // A fixture modified in one line: an EIG6 team of one talent is below the 2 to 3 of AAP6 §2.
//! let mut dossier = fixtures::dossier(Promotion::Eig6)?;
//! dossier.defi.team.truncate(1);
//! assert!(matches!(evaluate_dossier(&dossier)?.outcome, Outcome::Ineligible { .. }));
//!
//! // A fixture under a strategy: whatever the profile of the second seat, the decision is made.
//! proptest!(|(profile in strategies::talent_profile())| {
//!     let mut dossier = fixtures::dossier(Promotion::Eig3).expect("EIG3 has rules");
//!     dossier.defi.team[1].profile = profile;
//!     prop_assert!(evaluate_dossier(&dossier).is_ok());
//! });
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#[doc(alias = "jeu de données")]
#[doc(alias = "exemple")]
pub use eig_api::fixtures::{self, FixtureError};

// Two public modules rather than flat re-exports: their functions share names (`dossier`,
// `application`): the fixtures are complete and eligible, the strategies draw any outcome.
pub mod cases;
#[cfg(feature = "proptest")]
pub mod strategies;

/// `docs/testing.md`'s Rust examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../../../docs/testing.md")]
struct TestingGuide;
