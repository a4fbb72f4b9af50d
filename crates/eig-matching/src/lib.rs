//! Assignment of talents to défis for the *Entrepreneurs d'intérêt général* programme:
//! stable, verified and explained.
//!
//! Candidates choose a limited number of défis, by preference; for each défi and profile a
//! jury ranks its applicants (ties allowed); a défi runs with a team between a minimum and a
//! maximum, or is withdrawn (AAC2–AAC6, see `docs/matching.md`). This crate
//!
//! - reads the problem as written ([`MatchingInput`]), or straight into compact form
//!   ([`CompactInput`]) for large inputs;
//! - validates it once, list by list ([`Instance::new`], [`Instance::from_compact`]: every
//!   [`InputProblem`] at once); the generator's instances go through the same validation;
//! - solves it by deferred acceptance over (défi, profile) seats from either side
//!   ([`Proposing`]), in O(total list length), with ties broken by a seeded lottery
//!   ([`SplitMix64`]) and lower quotas handled by the sources' withdrawal policy or by an
//!   exact search ([`LowerQuotas`]);
//! - verifies every result with a [`verify`] function that shares nothing with the solver
//!   but the validated [`Instance`], and returns every [`Violation`] or a [`Certificate`];
//! - explains every placement and every défi ([`Explanations`], JSON and French);
//! - generates seeded instances for tests and benchmarks ([`generate`]).
//!
//! Pure: no IO, no clock, no randomness but the seeded lottery.
//!
//! # Example
//! ```
//! use eig_matching::{Instance, MatchingInput, Options, solve};
//!
//! let input: MatchingInput = serde_json::from_str(r#"{
//!   "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
//!   "defis": [
//!     {"id": "signaux-faibles", "seats": {"developer": 1, "data_scientist": 1}},
//!     {"id": "prevention", "seats": {"developer": 1, "data_scientist": 1}}
//!   ],
//!   "candidates": [
//!     {"id": "ada", "profile": "developer", "choices": ["signaux-faibles", "prevention"]},
//!     {"id": "bob", "profile": "data_scientist", "choices": ["prevention", "signaux-faibles"]},
//!     {"id": "eve", "profile": "developer", "choices": ["signaux-faibles"]}
//!   ],
//!   "rankings": [
//!     {"defi": "signaux-faibles", "profile": "developer", "ranks": [["eve"], ["ada"]]},
//!     {"defi": "signaux-faibles", "profile": "data_scientist", "ranks": [["bob"]]},
//!     {"defi": "prevention", "profile": "developer", "ranks": [["ada"]]},
//!     {"defi": "prevention", "profile": "data_scientist", "ranks": [["bob"]]}
//!   ]
//! }"#)?;
//! let instance = Instance::new(&input)?;
//! let solution = solve(&instance, &Options::default())?;
//! // The jury of "signaux-faibles" prefers eve to ada, so ada joins bob on "prevention";
//! // eve alone is below the minimum of 2: "signaux-faibles" is withdrawn.
//! let team = |id: &str| solution.defi_of(&id.parse().unwrap()).map(|d| d.to_string());
//! assert_eq!(team("ada").as_deref(), Some("prevention"));
//! assert_eq!(team("bob").as_deref(), Some("prevention"));
//! assert_eq!(team("eve"), None);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

// Reading: the problem as embedders write it, and its compact form.
#[doc(alias = "lecture rapide")]
pub use crate::compact::CompactInput;
pub use crate::input::{CandidateInput, DefiSeats, MatchingInput, MatchingLimits, RankingInput};
// Validation: the instance, and what can be wrong with an input.
pub use crate::instance::Instance;
pub use crate::validate::problem::{InputProblem, InstanceError};
// Solving.
#[doc(alias = "tirage au sort")]
pub use crate::lottery::SplitMix64;
#[doc(alias = "affectation")]
#[doc(alias = "retrait")]
pub use crate::solve::{
    SolveError,
    options::{LowerQuotas, Options, Proposing},
    report::{
        DefiReport, DefiStatus, MatchingReport, Placement, PlacementDifference, SearchOutcome,
    },
    solution::Solution,
    solve, solve_until,
};
// Verifying.
#[doc(alias = "vérification")]
#[doc(alias = "paire bloquante")]
pub use crate::verify::{
    Verification,
    assignment::{Assignment, AssignmentError},
    certificate::{Certificate, StabilityNotion, Violation},
    verify,
};
// Explaining.
#[doc(alias = "défi")]
#[doc(alias = "candidat")]
#[doc(alias = "classement")]
#[doc(alias = "explication")]
#[doc(alias = "barre")]
pub use crate::explain::{
    BetterChoice, CandidateExplanation, CandidateOutcome, DefiExplanation, Explanations,
    SeatExplanation, WhyNot,
};
// Generating instances for tests and benchmarks.
#[doc(alias = "générateur")]
pub use crate::generate::{GeneratorConfig, generate, generate_with_offers};

// By stage: reading (`input`, `compact`), validating (`validate` → `instance`), solving
// (`solve`, with `lottery`), verifying (`verify`), explaining (`explain`); `generate` makes
// inputs and validates them like any other.
mod compact;
mod explain;
mod generate;
mod input;
mod instance;
mod lottery;
mod solve;
mod validate;
mod verify;

// The validation as first written, kept as a test oracle of the validation: under `tests/`,
// which is not published.
#[cfg(test)]
#[path = "../tests/oracle/validation.rs"]
mod oracle;
