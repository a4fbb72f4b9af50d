//! The integration tests of eig-eligibility: the public API as an embedder uses it.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

mod batches;
mod builders;
mod explain;
mod labels;
mod laws;
mod parameters;
mod recruitment_cap;
mod replay;
mod rule_sets;
mod selection;
mod selection_rules;

/// A dossier of `promotion` with no answer but its défi (a ministry, no team).
fn dossier(promotion: &str) -> eig_eligibility::DefiDossier {
    serde_json::from_str(&format!(
        r#"{{"defi": {{"id": "d-{promotion}", "title": "D", "promotion": "{promotion}",
          "hosts": {{"operational": {{"name": "M", "kind": {{"kind": "ministry"}}}}}},
          "team": []}}}}"#
    ))
    .unwrap()
}

/// An application of `promotion` by a natural person, for the défi `a`.
fn candidate(promotion: &str) -> eig_eligibility::CandidateApplication {
    serde_json::from_str(&format!(
        r#"{{"promotion": "{promotion}", "candidate": {{"id": "c-{promotion}",
          "profile": "developer", "status": {{"person": "natural",
          "civil_service": {{"status": "not_civil_servant"}}, "jury_member": false,
          "studies": {{"status": "not_studying"}}, "past_participations": []}}}},
          "submitted_at": "2017-10-20T12:00:00+02:00", "choices": [{{"defi": "a"}}]}}"#
    ))
    .unwrap()
}
