//! The builders of the records: each sets its field, as the JSON field of the same name does.

use eig_eligibility::{
    ApplicationProcess, BetaPhase, CandidateApplication, Choice, DefiDossier, FundingDeclaration,
};

use crate::{candidate, dossier};

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

/// The options of the search for changes: each builder sets its field as JSON does, within the
/// bounds JSON is held to.
#[test]
fn change_options_built_are_the_options_read() {
    use eig_eligibility::{ChangeOptions, MAX_CHANGES, MAX_SETS};

    let built = ChangeOptions::default()
        .with_fixed("dossier.submitted_at")
        .with_fixed("dossier.funding")
        .with_max_sets(3)
        .with_max_changes(2);
    let read: ChangeOptions = serde_json::from_str(
        r#"{"fixed": ["dossier.funding", "dossier.submitted_at"], "max_sets": 3,
          "max_changes": 2}"#,
    )
    .unwrap();
    assert_eq!(built, read);
    let bounded = ChangeOptions::default().with_max_sets(0).with_max_changes(usize::MAX);
    assert_eq!((bounded.max_sets, bounded.max_changes), (1, MAX_CHANGES));
    assert_eq!(ChangeOptions::default().with_max_sets(usize::MAX).max_sets, MAX_SETS);
}
