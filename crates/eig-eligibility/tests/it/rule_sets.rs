//! What the rule sets evaluate: the rules they list, in order, and the instants they can judge.

use eig_eligibility::{
    CandidateApplication, ProlongationRequest, eig5bis_rule_ids, evaluate_candidate,
    evaluate_dossier, evaluate_eig5bis, evaluate_prolongation, prolongation_rule_ids, rule_set,
};

use crate::{candidate, dossier};

/// The rule ids a rule set lists are the rules each decision's trace evaluates, in order.
#[test]
fn rule_ids_are_the_rules_evaluated() {
    let rules = |decision: eig_eligibility::Decision| -> Vec<&'static str> {
        decision.trace.iter().map(|entry| entry.rule).collect()
    };
    let prolongation: ProlongationRequest = serde_json::from_str(
        r#"{"defi": "eig6-projet-a", "submitted_at": "2023-03-20T10:00:00+01:00",
          "eig6_laureate": true, "titre2_programme": true,
          "contracts": [{"talent": "t2", "starts_on": "2023-07-12", "ends_on": "2024-07-11",
                         "without_break": true, "same_pay": true}]}"#,
    )
    .unwrap();
    assert_eq!(rules(evaluate_prolongation(&prolongation).unwrap()), prolongation_rule_ids());
    let ami5bis: CandidateApplication = serde_json::from_str(
        r#"{"promotion": "EIG6", "candidate": {"id": "c", "profile": "designer",
          "status": {"person": "natural",
                     "past_participations": [{"promotion": "EIG5", "as_coach": false}]}},
          "submitted_at": "2022-05-02T12:00:00+02:00",
          "choices": [{"defi": "a"}, {"defi": "b"}, {"defi": "c"}],
          "choices_submitted_at": "2022-05-12T12:00:00+02:00",
          "process": {"through_official_channel": true, "eig5_prolongation_offered": false,
                      "available_from": "2022-09-12", "selection_notified_on": "2022-07-13",
                      "accepted_on": "2022-07-20"}}"#,
    )
    .unwrap();
    assert_eq!(rules(evaluate_eig5bis(&ami5bis).unwrap()), eig5bis_rule_ids());
    let set = rule_set(eig_domain::Promotion::Eig2).unwrap();
    assert_eq!(rules(evaluate_candidate(&candidate("EIG2")).unwrap()), set.candidate_rule_ids());
    assert_eq!(rules(evaluate_dossier(&dossier("EIG2")).unwrap()), set.dossier_rule_ids());
}

/// An instant less than 3 hours from the end of chrono's calendar is refused, as out of
/// range (its Paris time might not be representable); 4 hours from it, it is judged.
#[test]
fn instants_near_the_end_of_the_calendar() {
    let last = chrono::DateTime::<chrono::Utc>::MAX_UTC;
    let near = (last - chrono::TimeDelta::hours(2)).fixed_offset();
    let far = (last - chrono::TimeDelta::hours(4)).fixed_offset();
    let error = evaluate_dossier(&dossier("EIG3").with_submitted_at(near)).unwrap_err();
    assert_eq!(error.code(), "instant_out_of_range");
    assert!(evaluate_dossier(&dossier("EIG3").with_submitted_at(far)).is_ok());
}

/// A rule's sentence is not cut inside a quotation of its text: every « it opens, it closes
/// (`eig3.defi.not_purely_it` once stopped at « purement informatiques, mid-sentence).
#[test]
fn no_rule_s_sentence_is_cut_inside_a_quotation() {
    for rule in eig_eligibility::rule_definitions() {
        let opened = rule.quote.matches('«').count();
        let closed = rule.quote.matches('»').count();
        assert_eq!(opened, closed, "{}: « {} »", rule.id, rule.quote);
    }
}
