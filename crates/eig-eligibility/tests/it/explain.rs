//! The trace and the French rendering (CRPA art. R. 311-3-1-2).

use eig_domain::Promotion;
use eig_eligibility::{
    CandidateApplication, DefiDossier, Outcome, RuleResult, evaluate_candidate, evaluate_dossier,
    render_french, rule_set,
};

fn eig3_dossier() -> DefiDossier {
    serde_json::from_str(include_str!("records/eig3_operator_without_carrier.json")).unwrap()
}

#[test]
fn every_rule_of_the_set_is_traced_once_in_order() {
    for promotion in [
        Promotion::Eig2,
        Promotion::Eig3,
        Promotion::Eig4,
        Promotion::Eig5,
        Promotion::Eig6,
        Promotion::Eig7,
    ] {
        let mut dossier = eig3_dossier();
        dossier.defi.promotion = promotion;
        let decision = evaluate_dossier(&dossier).unwrap();
        let traced: Vec<&str> = decision.trace.iter().map(|entry| entry.rule).collect();
        assert_eq!(traced, rule_set(promotion).unwrap().dossier_rule_ids(), "{promotion}");
        for entry in &decision.trace {
            assert!(entry.rule.starts_with(&promotion.code().to_lowercase()), "{}", entry.rule);
            assert!(!entry.title.is_empty());
        }
    }
}

/// A rule whose parameters are missing from the promotion's facts must not silently drop out of
/// the trace: every candidate rule of the set is recorded, once, in order.
#[test]
fn every_candidate_rule_of_the_set_is_traced_once_in_order() {
    for promotion in [
        Promotion::Eig2,
        Promotion::Eig3,
        Promotion::Eig4,
        Promotion::Eig5,
        Promotion::Eig6,
        Promotion::Eig7,
    ] {
        let application: CandidateApplication = serde_json::from_value(
            serde_json::json!({"promotion": promotion, "candidate": {"id": "c", "profile": "designer"}}),
        )
        .unwrap();
        let decision = evaluate_candidate(&application).unwrap();
        let traced: Vec<&str> = decision.trace.iter().map(|entry| entry.rule).collect();
        assert_eq!(traced, rule_set(promotion).unwrap().candidate_rule_ids(), "{promotion}");
    }
}

#[test]
fn the_failing_rule_cites_its_source_and_facts() {
    let decision = evaluate_dossier(&eig3_dossier()).unwrap();
    let Outcome::Ineligible { failures } = &decision.outcome else { panic!("{decision:?}") };
    assert_eq!(failures.len(), 1);
    assert_eq!(failures[0].rule, "eig3.host.funding_route");
    assert_eq!(failures[0].source.to_string(), "AAP3 §3.1.1–3.1.3");
    let entry = decision.trace.iter().find(|e| e.rule == "eig3.host.funding_route").unwrap();
    assert!(matches!(entry.result, RuleResult::Failed { .. }));
    let names: Vec<&str> = entry.facts.iter().map(|f| f.name).collect();
    assert!(names.contains(&"defi.hosts.operational.kind"), "{names:?}");
    assert!(names.contains(&"funding.cofinancing_requested"), "{names:?}");
}

#[test]
fn french_rendering_of_an_ineligible_dossier() {
    let decision = evaluate_dossier(&eig3_dossier()).unwrap();
    insta::assert_snapshot!(render_french(&decision));
}

#[test]
fn french_rendering_of_an_incomplete_candidate() {
    let application =
        serde_json::from_str(include_str!("records/eig3_student_ends_in_january.json")).unwrap();
    let decision = evaluate_candidate(&application).unwrap();
    insta::assert_snapshot!(render_french(&decision));
}

#[test]
fn french_rendering_of_an_eligible_dossier() {
    let dossier = serde_json::from_str(include_str!("records/eig5_mef_delegation.json")).unwrap();
    let text = render_french(&evaluate_dossier(&dossier).unwrap());
    assert!(text.contains("Résultat : éligible — voie de financement : délégation de gestion"));
    for part in [
        "1. Degré et mode de contribution",
        "2. Données traitées et leurs sources",
        "3. Paramètres de traitement appliqués à votre situation",
        "4. Opérations effectuées",
    ] {
        assert!(text.contains(part), "{part}");
    }
}

#[test]
fn conflicting_exceptions_name_both() {
    let dossier =
        serde_json::from_str(include_str!("records/eig5_mef_with_carrier_conflict.json")).unwrap();
    let err = evaluate_dossier(&dossier).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @r#"dossier du défi eig5-defi : les exceptions "délégation de gestion (AAP5 §3.1)" et "porteur administratif (AAP5 §3.2)" s'appliquent toutes deux (règle eig5.host.funding_route) et les textes ne disent pas laquelle prévaut : n'en déclarez qu'une"#);
}

/// In a batch, an error that names its dossier is not preceded by that name a second time.
#[test]
fn a_record_error_names_its_record_once() {
    let dossier =
        serde_json::from_str(include_str!("records/eig5_mef_with_carrier_conflict.json")).unwrap();
    let results = eig_eligibility::evaluate_dossiers(&[dossier]);
    let text = results[0].as_ref().unwrap_err().to_string();
    assert!(
        text.starts_with("enregistrement 0 (dossier du défi eig5-defi) : les exceptions"),
        "{text}"
    );
    assert_eq!(text.matches("eig5-defi").count(), 1, "{text}");
}

#[test]
fn no_published_rules() {
    for promotion in [Promotion::Eig1, Promotion::Dig1] {
        let err = rule_set(promotion).unwrap_err();
        assert!(err.to_string().contains("n'a pas de règles publiées"), "{err}");
    }
    insta::assert_snapshot!(
        rule_set(Promotion::Eig2).unwrap().scoring_grid().unwrap_err().to_string(),
        @"la promotion EIG2 n'a pas de règles publiées pour la grille du jury des défis (aucun cahier des charges d'EIG2 dans les sources) : les grilles du jury des défis publiées sont celles d'EIG3 à EIG7"
    );
}

#[test]
fn a_dossier_of_another_promotion_is_refused() {
    let dossier = eig3_dossier();
    let err = rule_set(Promotion::Eig4).unwrap().evaluate_dossier(&dossier).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"dossier du défi eig3-defi : la promotion EIG3 est donnée aux règles de la promotion EIG4 : jugez-le avec les règles de la promotion EIG3");
}

/// A date computed beyond the calendar says which date it is and from which day.
#[test]
fn a_date_beyond_the_calendar_says_which_date() {
    let last = chrono::NaiveDate::MAX;
    let err = eig_eligibility::eig7_renewal_answer_by(last).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"la date limite de la réponse au renouvellement, calculée à partir du +262142-12-31, sort du calendrier (au-delà de l'an 262142) : vérifiez l'année de cette date");
    let err = eig_eligibility::eig7_contract_terms(last, last).unwrap_err();
    insta::assert_snapshot!(err.to_string(), @"la fin du contrat EIG7, calculée à partir du +262142-12-31, sort du calendrier (au-delà de l'an 262142) : vérifiez l'année de cette date");
}

/// Each scoring phase has its own French name (the glossary's).
#[test]
fn scoring_phases_in_french() {
    assert_eq!(eig_eligibility::ScoringPhase::PreSelection.french(), "pré-sélection sur dossier");
    assert_eq!(eig_eligibility::ScoringPhase::Interview.french(), "audition ou entretien");
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

/// The records above are copies of corpus inputs (eig-eligibility cannot depend on eig-cases,
/// the corpus's reader): each equals, by value, the input of its corpus case, so that a
/// change of the one is made to the other.
#[test]
fn the_records_are_their_corpus_cases_inputs() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let read = |path: std::path::PathBuf| -> serde_json::Value {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("{path:?}: {err}"));
        serde_json::from_str(&text).unwrap()
    };
    let records = root.join("crates/eig-eligibility/tests/it/records");
    let mut names: Vec<String> = std::fs::read_dir(&records)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let copies = [
        ("eig3_operator_without_carrier.json", "eig3_operator_without_carrier.json", "dossier"),
        (
            "eig3_student_ends_in_january.json",
            "cand_eig3_student_ends_in_january.json",
            "candidate",
        ),
        ("eig5_mef_delegation.json", "eig5_mef_delegation.json", "dossier"),
        ("eig5_mef_with_carrier_conflict.json", "eig5_mef_with_carrier_conflict.json", "dossier"),
    ];
    let listed: Vec<&str> = copies.iter().map(|(record, ..)| *record).collect();
    assert_eq!(names, listed, "every record is listed here with its corpus case");
    for (record, case, input) in copies {
        let case = read(root.join("corpus/eligibility").join(case));
        assert_eq!(
            read(records.join(record)),
            case[input],
            "{record} differs from its corpus case"
        );
    }
}
