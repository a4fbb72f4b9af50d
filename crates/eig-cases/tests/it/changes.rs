//! What would make it eligible: on every dossier and application of the eligibility corpus,
//! each returned set, applied through its JSON paths and values, makes the record eligible;
//! without any one of its changes it does not; no set contains another. Then the answers for
//! a case per promotion, in French, as a snapshot.

use eig_eligibility::{
    CandidateApplication, ChangeOptions, Counterfactuals, DefiDossier, Outcome,
    changes_to_eligible_application, changes_to_eligible_dossier, evaluate_candidate,
    evaluate_dossier, render_changes_french,
};
use std::fmt::Write as _;

use eig_cases::CaseInput;
use serde_json::{Value, json};

/// The dossiers and applications of the eligibility corpus, read through eig-cases: each
/// case's name and its record as `{"dossier": …}` or `{"candidate": …}`.
fn corpus() -> Vec<(String, Value)> {
    crate::corpus::cases_in("eligibility")
        .into_iter()
        .filter_map(|(name, case)| {
            let record = match case.input {
                CaseInput::Dossier(dossier) => json!({"dossier": dossier.as_ref()}),
                CaseInput::Candidate(application) => json!({"candidate": application.as_ref()}),
                _ => return None,
            };
            Some((name, record))
        })
        .collect()
}

/// The record's JSON with `value` at `path` (a team's profiles are changed through the team).
fn set_path(record: &mut Value, path: &str, value: &Value) {
    let path = path.strip_suffix("[].profile").unwrap_or(path);
    let mut at = record;
    let mut names = path.split('.').peekable();
    while let Some(name) = names.next() {
        if names.peek().is_none() {
            at.as_object_mut().unwrap().insert(name.to_string(), value.clone());
            return;
        }
        let object = at.as_object_mut().unwrap();
        at = object
            .entry(name.to_string())
            .or_insert_with(|| Value::Object(serde_json::Map::default()));
    }
}

/// Whether the record, with the given changes (path, value) applied to its JSON, is eligible.
fn eligible_with(record: &Value, dossier: bool, changes: &[(&str, &Value)]) -> bool {
    let mut edited = record.clone();
    for (path, value) in changes {
        set_path(&mut edited, path, value);
    }
    let decision = if dossier {
        evaluate_dossier(&serde_json::from_value::<DefiDossier>(edited).unwrap())
    } else {
        evaluate_candidate(&serde_json::from_value::<CandidateApplication>(edited).unwrap())
    };
    decision.is_ok_and(|decision| matches!(decision.outcome, Outcome::Eligible { .. }))
}

fn answer(record: &Value, dossier: bool) -> Option<Counterfactuals> {
    let options = ChangeOptions::default().with_max_sets(100);
    if dossier {
        let dossier = serde_json::from_value::<DefiDossier>(record.clone()).ok()?;
        changes_to_eligible_dossier(&dossier, &options).ok()
    } else {
        let application = serde_json::from_value::<CandidateApplication>(record.clone()).ok()?;
        changes_to_eligible_application(&application, &options).ok()
    }
}

#[test]
fn every_set_makes_the_record_eligible_and_none_is_larger_than_needed() {
    let (mut refused, mut with_sets, mut sets_checked) = (0, 0, 0);
    for (name, case) in corpus() {
        for (key, dossier) in [("dossier", true), ("candidate", false)] {
            let Some(record) = case.get(key) else { continue };
            let Some(answer) = answer(record, dossier) else { continue };
            if matches!(answer.outcome, Outcome::Eligible { .. }) {
                assert!(answer.sets.is_empty() && answer.blocked.is_empty(), "{name}");
                continue;
            }
            refused += 1;
            with_sets += usize::from(!answer.sets.is_empty());
            assert!(answer.complete, "{name}");
            assert_eq!(answer.more, 0, "{name}");
            assert!(answer.sets.is_empty() || answer.blocked.is_empty(), "{name}");
            for set in &answer.sets {
                sets_checked += 1;
                let first: Vec<(&str, &Value)> =
                    set.changes.iter().map(|change| (change.path, &change.needed[0])).collect();
                // Every alternative value of every change works with the rest of the set.
                for (i, change) in set.changes.iter().enumerate() {
                    assert!(!change.rules.is_empty(), "{name}: {} turns no rule", change.path);
                    assert_eq!(change.answer, change.now.is_null(), "{name}");
                    for value in &change.needed {
                        let mut changes = first.clone();
                        changes[i] = (change.path, value);
                        assert!(eligible_with(record, dossier, &changes), "{name}: {changes:?}");
                    }
                    // Without it, the record is not eligible.
                    let mut without = first.clone();
                    without.remove(i);
                    assert!(!eligible_with(record, dossier, &without), "{name}: {without:?}");
                }
            }
            // No set contains another (same paths, same first values).
            for (i, a) in answer.sets.iter().enumerate() {
                for (j, b) in answer.sets.iter().enumerate() {
                    let contains = i != j
                        && a.changes.iter().all(|x| {
                            b.changes.iter().any(|y| {
                                y.path == x.path && y.needed.iter().any(|v| x.needed.contains(v))
                            })
                        });
                    assert!(!contains, "{name}: set {i} is inside set {j}");
                }
            }
        }
    }
    assert!(
        refused > 150 && with_sets > 110 && sets_checked > 150,
        "{refused} {with_sets} {sets_checked}"
    );
}

/// A late dossier is told the deadline: nothing can change, and the rule in the way is named.
#[test]
fn a_late_dossier_is_told_the_deadline() {
    let case = corpus().into_iter().find(|(name, _)| name == "eig4_deadline_170001").unwrap().1;
    let answer = answer(&case["dossier"], true).unwrap();
    assert!(answer.sets.is_empty());
    assert_eq!(answer.blocked.len(), 1);
    assert_eq!(answer.blocked[0].rule, "eig4.dossier.deadline");
    assert_eq!(answer.blocked[0].fixed, ["submitted_at"]);
    // Unless the caller fixes nothing else, the other rules would not help either.
    assert!(render_changes_french(&answer).starts_with("Aucun changement permis"));
}

/// What the caller fixes is not changed: a région that keeps its co-financing request is told
/// only of the porteur administratif and its convention.
#[test]
fn a_fixed_input_is_not_changed() {
    let case =
        corpus().into_iter().find(|(name, _)| name == "eig3_local_authority_cofinancing_alone");
    let record = case.map_or_else(region_eig3, |(_, case)| case["dossier"].clone());
    let dossier: DefiDossier = serde_json::from_value(record).unwrap();
    let free = changes_to_eligible_dossier(&dossier, &ChangeOptions::default()).unwrap();
    assert!(free.sets.iter().any(|set| set.changes[0].path == "funding"));
    let fixed =
        changes_to_eligible_dossier(&dossier, &ChangeOptions::default().with_fixed("funding"))
            .unwrap();
    assert!(!fixed.sets.is_empty());
    assert!(fixed.sets.iter().all(|set| set.changes.iter().all(|change| change.path != "funding")));
}

fn region_eig3() -> Value {
    json!({
      "defi": {"id": "eig3-region", "title": "Région", "promotion": "EIG3",
        "hosts": {"operational": {"name": "Région", "kind": {"kind": "local_authority", "level": "region"}}},
        "team": [{"profile": "developer"}, {"profile": "designer"}],
        "support": ["operational_mentor", "high_level_mentor"],
        "commitments": ["data_access", "open_source_and_open_data", "accompaniment",
                        "work_outside_walls", "reuse_shared_components", "sustainability_plan"]},
      "submitted_at": "2018-06-15T12:00:00+02:00",
      "funding": {"cofinancing_requested": true, "self_funded": false, "alternative_funding": false},
      "purely_it_tooling": false
    })
}

/// The bounds are kept: at most `max_sets` listed, the others counted.
#[test]
fn the_sets_beyond_the_bound_are_counted() {
    let dossier: DefiDossier = serde_json::from_value(region_eig3()).unwrap();
    let all = changes_to_eligible_dossier(&dossier, &ChangeOptions::default()).unwrap();
    assert_eq!(all.sets.len(), 2);
    let one =
        changes_to_eligible_dossier(&dossier, &ChangeOptions::default().with_max_sets(1)).unwrap();
    assert_eq!((one.sets.len(), one.more), (1, 1));
    assert_eq!(one.sets[0], all.sets[0]);
}

/// A case per promotion, dossiers and candidates: the answer in French with its sources.
#[test]
fn the_answers_for_a_case_per_promotion() {
    let chosen = [
        "eig2_team_of_4_refused",
        "eig2_team_of_1_unknown",
        "eig3_other_state_body_alone",
        "eig3_team_of_4",
        "eig3_no_mentor",
        "eig3_failure_beats_missing",
        "eig4_local_authority_ineligible_carrier",
        "eig4_operator_programme_unknown",
        "eig4_deadline_170001",
        "eig5_mef_unknown",
        "eig5_three_project_leads",
        "eig6_no_sponsor",
        "eig6_mef_no_exception",
        "eig7_no_product_page",
        "eig7_local_authority",
        "eig7_phase_unknown",
        "cand_eig2_four_defis",
        "cand_eig3_in_post_at_decision",
        "cand_eig3_decision_day_unknown",
        "cand_eig4_late_start_exception_unknown",
        "cand_eig5_two_projects",
        "cand_eig6_duplicate_project",
        "cand_eig6_acceptance_notification_unknown",
        "cand_eig7_student",
    ];
    let corpus = corpus();
    let mut text = String::new();
    for name in chosen {
        let Some((_, case)) = corpus.iter().find(|(n, _)| n == name) else {
            writeln!(text, "== {name}: no such case").unwrap();
            continue;
        };
        let (record, dossier) =
            case.get("dossier").map_or((&case["candidate"], false), |record| (record, true));
        let answer = answer(record, dossier).unwrap();
        writeln!(text, "== {name}\n{}", render_changes_french(&answer)).unwrap();
    }
    insta::assert_snapshot!(text);
}

/// Bounded work: no case of the corpus needs more than a few hundred variants evaluated (the
/// most is 89 today, the funding route's inputs together).
#[test]
fn the_work_per_question_stays_small() {
    let mut most = (0, String::new());
    for (name, case) in corpus() {
        for (key, dossier) in [("dossier", true), ("candidate", false)] {
            let evaluations = case
                .get(key)
                .and_then(|record| answer(record, dossier))
                .map_or(0, |answer| answer.evaluations);
            if evaluations > most.0 {
                most = (evaluations, name.clone());
            }
        }
    }
    assert!(most.0 > 10 && most.0 <= 200, "{most:?}");
}
