//! The one integration-test binary of eig-matching.

mod builders;
mod compact;
mod exact_search;
mod explaining;
mod generator;
mod laws;
#[cfg(feature = "schemars")]
mod schema;
mod solving;
mod textbook;
mod validation;
mod verifying;

use eig_matching::{Instance, MatchingInput};

/// Parses a JSON instance written in a test.
pub(crate) fn instance(json: &str) -> Instance {
    let input: MatchingInput = serde_json::from_str(json).expect("test JSON is an input");
    Instance::new(&input).expect("test instance is valid")
}

/// `candidate→défi` pairs of an assignment, sorted by candidate.
pub(crate) fn pairs(instance: &Instance, assignment: &eig_matching::Assignment) -> String {
    assignment
        .pairs(instance)
        .expect("made for this instance")
        .map(|(c, d)| format!("{c}→{d}"))
        .collect::<Vec<_>>()
        .join(" ")
}
