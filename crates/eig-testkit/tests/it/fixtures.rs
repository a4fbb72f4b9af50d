//! Every fixture of every promotion: eligible, planned, solved and certified, coherent with
//! the others, dated within the promotion's calls, and its JSON pinned by a snapshot.

use eig_campaign::EligibleDossier;
use eig_domain::{FundingRoute, Promotion};
use eig_eligibility::{Choice, Outcome, evaluate_candidate, evaluate_dossier};
use eig_funding::{Scenario, plan_defi, plan_promotion};
use eig_matching::{Instance, Options, solve, verify};
use eig_testkit::fixtures::{self, FixtureError, PROMOTIONS};

#[test]
fn every_dossier_is_eligible_on_the_route_its_funding_takes() {
    for promotion in PROMOTIONS {
        let dossier = fixtures::dossier(promotion).unwrap();
        assert_eq!(dossier.defi.promotion, promotion);
        let decision = evaluate_dossier(&dossier).unwrap();
        let funding = fixtures::defi_funding(promotion).unwrap();
        assert_eq!(
            decision.outcome,
            Outcome::Eligible { funding_route: Some(funding.route) },
            "{promotion}: {decision:#?}"
        );
    }
}

#[test]
fn every_application_is_eligible() {
    for promotion in PROMOTIONS {
        let application = fixtures::application(promotion).unwrap();
        assert_eq!(application.promotion, promotion);
        let decision = evaluate_candidate(&application).unwrap();
        assert!(matches!(decision.outcome, Outcome::Eligible { .. }), "{promotion}: {decision:#?}");
    }
}

#[test]
fn every_funding_input_plans_and_is_the_hand_off_of_the_eligible_dossier() {
    for promotion in PROMOTIONS {
        let funding = fixtures::defi_funding(promotion).unwrap();
        let plan = plan_defi(promotion, &funding, &Scenario::default());
        assert!(plan.is_ok(), "{promotion}: {plan:?}");
        let whole =
            plan_promotion(&fixtures::promotion_input(promotion).unwrap(), &Scenario::default());
        assert!(whole.is_ok(), "{promotion}: {whole:?}");

        // The same input eig-campaign derives from the dossier and its decision.
        let dossier = fixtures::dossier(promotion).unwrap();
        let decision = evaluate_dossier(&dossier).unwrap();
        let eligible = EligibleDossier::from_decision(&dossier, &decision).unwrap();
        assert_eq!(eligible.funding_with(funding.talents.clone()), funding, "{promotion}");
        assert_eq!(funding.talents.len(), dossier.defi.team.len());
    }
}

#[test]
fn every_matching_is_solved_certified_and_places_everyone() {
    for promotion in PROMOTIONS {
        let input = match fixtures::matching(promotion) {
            Err(FixtureError::NoMatchingLimits { promotion: Promotion::Eig7 }) => continue,
            other => other.unwrap(),
        };
        let instance = Instance::new(&input).unwrap();
        let solution = solve(&instance, &Options::default()).unwrap();
        let verdict = verify(&instance, &solution.assignment());
        assert!(verdict.is_stable(), "{promotion}: {verdict:?}");
        for candidate in &input.candidates {
            assert!(solution.defi_of(&candidate.id).is_some(), "{promotion}: {}", candidate.id);
        }
    }
    assert_eq!(
        fixtures::matching(Promotion::Eig7),
        Err(FixtureError::NoMatchingLimits { promotion: Promotion::Eig7 })
    );
}

#[test]
fn the_application_chooses_defis_of_the_matching_and_the_dossier_is_one_of_them() {
    for promotion in PROMOTIONS {
        let Ok(matching) = fixtures::matching(promotion) else { continue };
        let offered: Vec<_> = matching.defis.iter().map(|defi| &defi.id).collect();
        assert!(offered.contains(&&fixtures::dossier(promotion).unwrap().defi.id));
        for choice in fixtures::application(promotion).unwrap().choices.iter().flatten() {
            if let Choice::Defi(defi) = choice {
                assert!(offered.contains(&defi), "{promotion}: {defi}");
            }
        }
    }
}

/// Whether `at` is within `window` (from its opening day to its closing instant, each when
/// stated), as a line naming what was checked.
fn within(
    what: &str,
    at: Option<chrono::DateTime<chrono::FixedOffset>>,
    window: Option<eig_domain::Sourced<eig_domain::Window>>,
) -> Option<String> {
    let (at, window) = (at?, window?);
    if let Some(opens) = window.value.opens_on {
        assert!(at.date_naive() >= opens, "{what}: {at} before {opens}");
    }
    let closes = window.value.closes.instant();
    if let Some(closes) = closes {
        assert!(at <= closes, "{what}: {at} after {closes}");
    }
    let opens = window.value.opens_on.map_or("?".to_owned(), |day| day.to_string());
    let closes = closes.map_or("?".to_owned(), |at| at.to_rfc3339());
    Some(format!("{what} {at} in [{opens}, {closes}] ({})", window.source))
}

#[test]
fn every_instant_is_within_the_promotions_calls() {
    let mut checked = Vec::new();
    for promotion in PROMOTIONS {
        let facts = promotion.facts();
        let dossier = fixtures::dossier(promotion).unwrap();
        let application = fixtures::application(promotion).unwrap();
        checked.extend(within(
            &format!("{promotion} dossier"),
            dossier.submitted_at,
            facts.call_for_defis,
        ));
        checked.extend(within(
            &format!("{promotion} application"),
            application.submitted_at,
            facts.call_for_candidates,
        ));
        checked.extend(within(
            &format!("{promotion} choices"),
            application.choices_submitted_at,
            facts.choice_window,
        ));
    }
    // EIG2 states no window for its défis, EIG7 recruits on a rolling basis: not checked.
    insta::assert_snapshot!(checked.join("\n"), @r"
    EIG2 application 2017-10-20 12:00:00 +02:00 in [2017-09-27, 2017-10-27T15:00:00+00:00] (AAC2 art. 4 (Dossier de candidature))
    EIG3 dossier 2018-06-15 10:00:00 +02:00 in [2018-05-04, 2018-06-15T15:00:00+00:00] (AAP3 §4.2)
    EIG3 application 2018-10-10 12:00:00 +02:00 in [2018-09-13, 2018-10-15T15:00:00+00:00] (AAC3 art. 5)
    EIG4 dossier 2020-02-28 10:00:00 +01:00 in [2020-01-15, 2020-02-28T16:00:00+00:00] (AAP4 §5.3)
    EIG4 application 2020-06-01 12:00:00 +02:00 in [2020-05-04, 2020-06-07T22:00:00+00:00] (AAC4 art. 1)
    EIG5 dossier 2021-04-07 10:00:00 +02:00 in [2021-02-01, 2021-04-07T21:59:00+00:00] (AAP5 §5.3)
    EIG5 application 2021-04-20 12:00:00 +02:00 in [2021-03-01, 2021-05-02T21:59:00+00:00] (AAC5 art. 4)
    EIG5 choices 2021-05-26 12:00:00 +02:00 in [2021-05-24, 2021-05-31T21:59:00+00:00] (AAC5 art. 5 §2)
    EIG6 dossier 2022-03-18 10:00:00 +01:00 in [2022-01-24, 2022-03-18T22:59:00+00:00] (AAP6 §5.3)
    EIG6 application 2022-03-20 12:00:00 +01:00 in [2022-03-07, 2022-04-03T21:59:00+00:00] (AAC6 art. 4)
    EIG6 choices 2022-05-10 12:00:00 +02:00 in [2022-05-09, 2022-05-15T21:59:00+00:00] (AAC6 art. 5)
    ");
}

#[test]
fn promotions_without_rules_are_an_error_for_every_fixture() {
    for promotion in Promotion::ALL.into_iter().filter(|p| !PROMOTIONS.contains(p)) {
        let expected = FixtureError::NoPublishedRules { promotion };
        assert_eq!(fixtures::dossier(promotion), Err(expected.clone()));
        assert_eq!(fixtures::application(promotion), Err(expected.clone()));
        assert_eq!(fixtures::defi_funding(promotion), Err(expected.clone()));
        assert_eq!(fixtures::promotion_input(promotion), Err(expected.clone()));
        assert_eq!(fixtures::matching(promotion), Err(expected));
    }
    insta::assert_snapshot!(
        fixtures::dossier(Promotion::Dig1).unwrap_err(),
        @"la promotion DIG1 n'a pas de règles d'appel publiées : le kit n'a pas de données d'essai pour elle, prenez EIG2 à EIG7"
    );
    insta::assert_snapshot!(
        fixtures::matching(Promotion::Eig7).unwrap_err(),
        @"la promotion EIG7 ne fixe pas de taille d'équipe ou de limite de choix : le kit n'a pas d'affectation pour elle"
    );
}

#[test]
fn fixtures_are_fresh_values() {
    let direct = FundingRoute::Direct;
    for promotion in PROMOTIONS {
        assert_eq!(fixtures::dossier(promotion), fixtures::dossier(promotion));
        let mut changed = fixtures::defi_funding(promotion).unwrap();
        changed.route = direct;
        changed.talents.clear();
        assert_ne!(fixtures::defi_funding(promotion).unwrap().talents.len(), 0);
    }
}

#[test]
fn snapshots_of_every_fixture() {
    for promotion in PROMOTIONS {
        let matching = match fixtures::matching(promotion) {
            Ok(input) => serde_json::to_value(input).unwrap(),
            Err(err) => serde_json::Value::String(err.to_string()),
        };
        let all = serde_json::json!({
            "dossier": fixtures::dossier(promotion).unwrap(),
            "application": fixtures::application(promotion).unwrap(),
            "defi_funding": fixtures::defi_funding(promotion).unwrap(),
            "matching": matching,
        });
        insta::assert_json_snapshot!(format!("fixtures_{}", promotion.code().to_lowercase()), all);
    }
}

/// Whether a record was decided eligible.
#[cfg(feature = "campaign")]
fn eligible(judgement: &eig_campaign::Judgement) -> bool {
    matches!(
        judgement,
        eig_campaign::Judgement::Decided { decision } if matches!(decision.outcome, Outcome::Eligible { .. })
    )
}

#[test]
#[cfg(feature = "campaign")]
fn every_campaign_runs_and_judges_every_record() {
    use eig_campaign::run;

    for promotion in PROMOTIONS {
        let campaign = match fixtures::campaign(promotion) {
            Err(
                FixtureError::NoScoringGrid { promotion: Promotion::Eig2 }
                | FixtureError::NoMatchingLimits { promotion: Promotion::Eig7 },
            ) => continue,
            other => other.unwrap(),
        };
        let result = run(&campaign).unwrap();
        assert!(result.candidates.iter().all(|c| eligible(&c.judgement)), "{promotion}");
        assert_eq!(result.candidates.len(), 6);
        // Every dossier is judged eligible and funded (the campaign gives each talent's
        // experience and cost, which the EIG5–EIG6 pay grids need).
        assert!(result.dossiers.iter().all(|d| eligible(&d.judgement)), "{promotion}");
        assert_eq!(result.funding.defis.len(), 3, "{promotion}");
        // EIG4 candidates chose profiles (AAC4 art. 5): nobody chose a défi.
        let placed = if promotion == Promotion::Eig4 { 0 } else { 6 };
        assert_eq!(result.matching.report.certificate.placed, placed, "{promotion}");
    }
    assert_eq!(
        fixtures::campaign(Promotion::Eig2).unwrap_err(),
        FixtureError::NoScoringGrid { promotion: Promotion::Eig2 }
    );
    assert_eq!(
        fixtures::campaign(Promotion::Eig7).unwrap_err(),
        FixtureError::NoMatchingLimits { promotion: Promotion::Eig7 }
    );
}
