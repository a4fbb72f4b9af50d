//! What cargo-mutants found uncaught (docs/testing.md, "Mutation testing"): each test names
//! the behaviour a surviving mutant changed, and fails on that mutant.

use eig_eligibility::{
    ApplicationProcess, BetaPhase, CandidateApplication, Choice, DefiDossier, FundingDeclaration,
    JurySheet, Outcome, ProlongationRequest, RecruitmentCap, ScoringPhase, SelectionStatus,
    Subject, eig5bis_rule_ids, eig7_recruitment_cap, evaluate_candidate, evaluate_candidates,
    evaluate_dossier, evaluate_dossiers, evaluate_eig5bis, evaluate_prolongation,
    prolongation_rule_ids, render_french, rule_set, select_laureates,
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

/// A count above the EIG7 cap says by how much it is over; exactly 30 is reached.
#[test]
fn eig7_cap_over() {
    assert!(matches!(eig7_recruitment_cap(2024, 30), RecruitmentCap::Reached { cap: 30, .. }));
    for (recruited, by) in [(31, 1), (40, 10), (u32::MAX, u32::MAX - 30)] {
        let RecruitmentCap::Exceeded { cap, over, .. } = eig7_recruitment_cap(2024, recruited)
        else {
            panic!("{recruited} recruitments are over the cap");
        };
        assert_eq!((cap, over), (30, by), "{recruited} recruited");
    }
}

/// Each builder sets its field (and only it): the dossier or application built equals the one
/// read from JSON with the same fields.
#[test]
fn builders_set_their_field() {
    let at = "2021-03-01T12:00:00+01:00".parse().unwrap();
    let built = dossier("EIG5")
        .with_submitted_at(at)
        .with_funding(FundingDeclaration::self_funded())
        .with_carrier_convention(true)
        .with_titre2_programme(false)
        .with_economic_and_financial_ministries(true)
        .with_purely_it_tooling(false)
        .with_beta_gouv_phase(BetaPhase::Transfer)
        .with_team_exception_granted(true);
    let read: DefiDossier = serde_json::from_str(
        r#"{"defi": {"id": "d-EIG5", "title": "D", "promotion": "EIG5",
          "hosts": {"operational": {"name": "M", "kind": {"kind": "ministry"}}}, "team": []},
          "submitted_at": "2021-03-01T12:00:00+01:00",
          "funding": {"cofinancing_requested": false, "self_funded": true,
                      "alternative_funding": false},
          "carrier_convention": true, "titre2_programme": false,
          "economic_and_financial_ministries": true, "purely_it_tooling": false,
          "beta_gouv_phase": "transfer", "team_exception_granted": true}"#,
    )
    .unwrap();
    assert_eq!(built, read);
    let funding = |c, s, a| FundingDeclaration {
        cofinancing_requested: Some(c),
        self_funded: Some(s),
        alternative_funding: Some(a),
    };
    assert_eq!(FundingDeclaration::cofinancing(), funding(true, false, false));
    assert_eq!(FundingDeclaration::self_funded(), funding(false, true, false));
    assert_eq!(FundingDeclaration::alternative(), funding(false, false, true));

    let day = |d| chrono::NaiveDate::from_ymd_opt(2021, 9, d).unwrap();
    let process = ApplicationProcess { through_official_channel: Some(true), ..Default::default() };
    let base = CandidateApplication { submitted_at: None, choices: None, ..candidate("EIG5") };
    let built = base
        .clone()
        .with_submitted_at(at)
        .with_choices([Choice::Defi("a".parse().unwrap())])
        .with_choices_submitted_at(at)
        .with_process(process)
        .with_selection_decided_on(day(1))
        .with_mission_start_on(day(13));
    assert_eq!(
        built,
        CandidateApplication {
            submitted_at: Some(at),
            choices: Some(vec![Choice::Defi("a".parse().unwrap())]),
            choices_submitted_at: Some(at),
            process,
            selection_decided_on: Some(day(1)),
            mission_start_on: Some(day(13)),
            ..base
        }
    );
}

/// The explanation names a host kind with its article: "une" for the feminine kinds (EIG2
/// admits no local authority).
#[test]
fn host_kinds_with_their_article() {
    let dossier: DefiDossier = serde_json::from_str(
        r#"{"defi": {"id": "d", "title": "D", "promotion": "EIG2",
          "hosts": {"operational": {"name": "H",
                                    "kind": {"kind": "local_authority", "level": "region"}}},
          "team": [{"profile": "developer"}, {"profile": "data_scientist"}],
          "support": [], "commitments": []},
          "submitted_at": "2017-01-01T00:00:00+01:00",
          "funding": {"cofinancing_requested": true}}"#,
    )
    .unwrap();
    let decision = evaluate_dossier(&dossier).unwrap();
    let Outcome::Ineligible { failures } = &decision.outcome else {
        panic!("{:?}", decision.outcome);
    };
    assert_eq!(failures.iter().map(|f| f.rule).collect::<Vec<_>>(), ["eig2.host.kind"]);
    let text = render_french(&decision);
    assert!(text.contains("une collectivité territoriale"), "{text}");
}

/// A jury may restate the published scale (JURY4: 1 to 4), not give another; without a
/// published scale, a scale of one score (3 to 3) is a scale, one whose minimum is above its
/// maximum is not.
#[test]
fn jury_scales() {
    let sheet = |promotion: &str, scale: &str, score: u8| -> JurySheet {
        serde_json::from_str(&format!(
            r#"{{"promotion": "{promotion}", "places": 1, "scale": {scale}, "dossiers": [
              {{"defi": "a", "scores": [{score}, {score}, {score}, {score}, {score}]}}]}}"#
        ))
        .unwrap()
    };
    let selected = |sheet: &JurySheet| {
        let selection = select_laureates(sheet).unwrap();
        selection
            .ranking
            .iter()
            .filter(|r| r.status == SelectionStatus::Selected)
            .map(|r| r.defi.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(selected(&sheet("EIG4", r#"{"min": 1, "max": 4}"#, 4)), ["a"]);
    let other = select_laureates(&sheet("EIG4", r#"{"min": 0, "max": 5}"#, 4)).unwrap_err();
    assert_eq!(other.code(), "scale_mismatch");
    assert_eq!(selected(&sheet("EIG3", r#"{"min": 3, "max": 3}"#, 3)), ["a"]);
    let empty = select_laureates(&sheet("EIG3", r#"{"min": 4, "max": 3}"#, 3)).unwrap_err();
    assert_eq!(empty.code(), "empty_scale");
}

/// A dossier that asks exactly what is left of the envelope is selected, and the next one,
/// with nothing left, is above it.
#[test]
fn a_request_equal_to_what_is_left_is_selected() {
    let sheet: JurySheet = serde_json::from_str(
        r#"{"promotion": "EIG4", "places": 3, "envelope": "100000.00", "dossiers": [
          {"defi": "a", "scores": [4, 4, 4, 4, 4], "requested": "60000.00"},
          {"defi": "b", "scores": [4, 4, 4, 4, 3], "requested": "40000.00"},
          {"defi": "c", "scores": [3, 3, 3, 3, 3], "requested": "0.01"}]}"#,
    )
    .unwrap();
    let selection = select_laureates(&sheet).unwrap();
    let statuses: Vec<_> = selection.ranking.iter().map(|r| r.status).collect();
    assert_eq!(
        statuses,
        [
            SelectionStatus::Selected,
            SelectionStatus::Selected,
            SelectionStatus::AboveRemainingEnvelope { remaining: "0".parse().unwrap() },
        ]
    );
}

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

/// The trace names a candidate's level of studies in French, each level its own name.
#[test]
fn levels_of_studies_in_the_trace() {
    let studies = |level: &str| -> String {
        let application: CandidateApplication = serde_json::from_str(&format!(
            r#"{{"promotion": "EIG4", "candidate": {{"id": "c", "profile": "developer",
              "status": {{"person": "natural", "civil_service": {{"status": "not_civil_servant"}},
                         "jury_member": false,
                         "studies": {{"status": "enrolled", "level": "{level}"}},
                         "past_participations": []}}}},
              "submitted_at": "2020-06-01T12:00:00+02:00", "choices": [{{"profile": "developer"}}],
              "selection_decided_on": "2020-07-17"}}"#
        ))
        .unwrap();
        let decision = evaluate_candidate(&application).unwrap();
        let entry = decision.trace.iter().find(|e| e.rule == "eig4.candidate.student").unwrap();
        let fact = entry.facts.iter().find(|f| f.name == "candidate.status.studies").unwrap();
        match &fact.value {
            eig_eligibility::Value::Text(text) => text.to_string(),
            other => panic!("{other:?}"),
        }
    };
    let texts = ["school", "first_or_second_cycle", "third_cycle", "apprenticeship"].map(studies);
    assert!(texts[0].starts_with("scolarité hors université"), "{texts:?}");
    assert!(texts[1].starts_with("deux premiers cycles universitaires"), "{texts:?}");
    assert!(texts[2].starts_with("troisième cycle (doctorat)"), "{texts:?}");
    assert!(texts[3].starts_with("apprentissage"), "{texts:?}");
}
