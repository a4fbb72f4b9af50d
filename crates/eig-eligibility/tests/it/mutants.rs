//! What cargo-mutants found uncaught (docs/testing.md, "Mutation testing"): each test names
//! the behaviour a surviving mutant changed, and fails on that mutant.

use eig_eligibility::{
    CandidateApplication, DefiDossier, Outcome, RecruitmentCap, ScoringPhase, Subject,
    eig7_recruitment_cap, evaluate_candidates, evaluate_dossiers,
};

fn dossier(promotion: &str) -> DefiDossier {
    serde_json::from_str(&format!(
        r#"{{"defi": {{"id": "d-{promotion}", "title": "D", "promotion": "{promotion}",
          "hosts": {{"operational": {{"name": "M", "kind": {{"kind": "ministry"}}}}}},
          "team": []}}}}"#
    ))
    .unwrap()
}

fn candidate(promotion: &str) -> CandidateApplication {
    serde_json::from_str(&format!(
        r#"{{"promotion": "{promotion}", "candidate": {{"id": "c-{promotion}",
          "profile": "developer", "status": {{"person": "natural",
          "civil_service": {{"status": "not_civil_servant"}}, "jury_member": false,
          "studies": {{"status": "not_studying"}}, "past_participations": []}}}},
          "submitted_at": "2017-10-20T12:00:00+02:00", "choices": [{{"defi": "a"}}]}}"#
    ))
    .unwrap()
}

/// A batch gives one result per record, in order; a record that cannot be judged names its
/// position and subject, and its text shows both and the error.
#[test]
fn batches_give_one_result_per_record() {
    let results = evaluate_dossiers(&[dossier("EIG3"), dossier("DIG1"), dossier("EIG1")]);
    assert_eq!(results.len(), 3);
    assert!(matches!(results[0].as_ref().map(|d| &d.outcome), Ok(Outcome::Ineligible { .. })));
    for (index, id) in [(1, "d-DIG1"), (2, "d-EIG1")] {
        let error = results[index].as_ref().unwrap_err();
        assert_eq!(error.index, index);
        assert_eq!(error.subject, Subject::Dossier(id.to_owned()));
        assert_eq!(error.error.code(), "no_published_rules");
        let shown = error.to_string();
        assert!(shown.contains(id) && shown.contains(&index.to_string()), "{shown}");
        assert!(shown.contains(&error.error.to_string()), "{shown}");
    }

    let results = evaluate_candidates(&[candidate("DIG1"), candidate("EIG2")]);
    assert_eq!(results.len(), 2);
    let error = results[0].as_ref().unwrap_err();
    assert_eq!((error.index, &error.subject), (0, &Subject::Candidate("c-DIG1".to_owned())));
    assert!(error.to_string().contains("c-DIG1"));
    assert_eq!(
        results[1].as_ref().unwrap().outcome,
        Outcome::Eligible { funding_route: None },
        "EIG2 candidate who satisfies every rule"
    );
}

/// Each scoring phase has its own French name (the glossary's).
#[test]
fn scoring_phases_in_french() {
    assert_eq!(ScoringPhase::PreSelection.french(), "pré-sélection sur dossier");
    assert_eq!(ScoringPhase::Interview.french(), "audition ou entretien");
}

/// What remains under the EIG7 cap of 30 recruitments in 2024 is 30 minus the recruitments.
#[test]
fn eig7_cap_remaining() {
    for (recruited, left) in [(0, 30), (12, 18), (29, 1)] {
        let RecruitmentCap::Open { cap, remaining, .. } = eig7_recruitment_cap(2024, recruited)
        else {
            panic!("{recruited} recruitments are under the cap");
        };
        assert_eq!((cap, remaining), (30, left), "{recruited} recruited");
    }
}
