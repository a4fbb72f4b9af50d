//! An external crate uses the test kit's fixtures and strategies in a proptest and an insta
//! snapshot: this file is written as an embedder writes its own tests, against the public
//! API of `eig-testkit` and the rule crates only (copy it into a crate that has
//! `eig-testkit`, `proptest` and `insta` as dev-dependencies).

use chrono::{Duration, FixedOffset};
use eig_domain::{Promotion, SupportRole};
use eig_eligibility::{Outcome, evaluate_dossier, render_french};
use eig_funding::{Scenario, plan_defi};
use eig_testkit::{fixtures, strategies};
use proptest::prelude::*;

proptest! {
    /// Any dossier submitted after the EIG3 deadline (15 June 2018, 17:00 Paris, AAP3 §4.2)
    /// is ineligible: the complete fixture, modified in one line.
    #[test]
    fn a_late_eig3_dossier_is_ineligible(minutes in 1..=(60 * 24 * 365_i64)) {
        let call = Promotion::Eig3.facts().call_for_defis.unwrap();
        let deadline = call.value.closes.instant().unwrap();
        let paris = FixedOffset::east_opt(7_200).unwrap();
        let late = (deadline + Duration::minutes(minutes)).with_timezone(&paris);

        let dossier = fixtures::dossier(Promotion::Eig3).unwrap().with_submitted_at(late);

        let decision = evaluate_dossier(&dossier).unwrap();
        prop_assert!(matches!(decision.outcome, Outcome::Ineligible { .. }), "{:?}", decision);
    }

    /// Whatever the host's kind, the complete dossier of any promotion is judged, and the
    /// route it is eligible on is one the funding plans for that kind of host.
    #[test]
    fn every_route_decided_is_planned(
        promotion in strategies::promotion_with_rules(),
        kind in strategies::host_kind(),
    ) {
        let mut dossier = fixtures::dossier(promotion).unwrap();
        dossier.defi.hosts.operational.kind = kind;

        let decision = evaluate_dossier(&dossier).unwrap();
        if let Outcome::Eligible { funding_route: Some(route) } = decision.outcome {
            let mut funding = fixtures::defi_funding(promotion).unwrap();
            (funding.route, funding.host) = (route, kind);
            let plan = plan_defi(promotion, &funding, &Scenario::default());
            prop_assert!(plan.is_ok(), "{} {:?} {:?}: {:?}", promotion, kind, route, plan);
        }
    }
}

/// What a host reads when its EIG5 dossier names no mentor de haut niveau (AAP5 §2).
#[test]
fn the_french_explanation_of_a_missing_mentor() {
    let mut dossier = fixtures::dossier(Promotion::Eig5).unwrap();
    dossier.defi.support.retain(|role| *role != SupportRole::HighLevelMentor);

    let decision = evaluate_dossier(&dossier).unwrap();
    // A file snapshot: the letter is 44 lines (tests/it/snapshots/).
    insta::assert_snapshot!("eig5_missing_mentor_in_french", render_french(&decision));
}

/// A case file run from an embedder's test: the documented cases pass; a wrong expectation
/// is reported with the field, the failing rule and its source, and the snapshot is stable.
#[test]
fn case_files_from_a_test() {
    let documented =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/testing/cases/eig3-collectivite.yaml");
    eig_testkit::cases::assert_case_file(documented);
    let text = std::fs::read_to_string(documented).unwrap();
    let wrong = std::env::temp_dir().join(format!("eig-testkit-{}.yaml", std::process::id()));
    std::fs::write(&wrong, text.replacen("outcome: ineligible", "outcome: eligible", 1)).unwrap();
    let run = eig_testkit::cases::run_case_file(&wrong).unwrap();
    std::fs::remove_file(&wrong).unwrap();
    assert_eq!((run.passed(), run.cases.len()), (2, 3));
    let failures = run.failures().replace(&run.file, "wrong.yaml");
    insta::assert_snapshot!(failures, @r#"
    wrong.yaml#1: An EIG3 collectivité asking for PIA co-financing without a convention gets no PIA money
        source : AAP3 §3.1.2
        $.outcome : attendu "eligible", obtenu "ineligible"
        règle eig3.host.funding_route — Voie de financement : cofinancement PIA, porteur administratif ou autofinancement — non satisfaite (administrative_carrier_required : operational = {"kind":"local_authority","level":"region"}) — source : AAP3 §3.1.1–3.1.3
          texte : « Dans la mesure où seul un ministère est éligible à un financement direct, un défi présenté par un opérateur ou un service déconcentré devra distinguer les rôles de porteur opérationnel et de porteur administratif (le ministère de tutelle de l’opérateur ou l’administration centrale dont dépend le service déconcentré). […] les autres administrations devront prévoir un financement alternatif (autofinancement par exemple), ou, pour bénéficier du financement PIA à hauteur de 70%, elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif du défi […] Dans tous les cas, l’administration candidate peut choisir de proposer un défi en assurant elle-même le financement du dispositif »
          pourquoi : une collectivité territoriale demandant un cofinancement doit désigner un porteur administratif
          faits : funding.cofinancing_requested = true ; funding.self_funded = false ; funding.alternative_funding = false ; defi.hosts.operational.kind = "collectivité territoriale" ; defi.hosts.administrative.kind = null ; carrier_convention = null
    "#);
}

/// The kit checks a case's citation as `eig test` does: a section the text does not have
/// and a rule id no rule set has fail the case, and say so; a draft without a quote runs
/// with `RunOptions::drafts`.
#[test]
fn the_kit_checks_citations() {
    let documented =
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/testing/cases/eig3-collectivite.yaml");
    let text = std::fs::read_to_string(documented).unwrap();
    let wrong = std::env::temp_dir().join(format!("eig-testkit-cite-{}.yaml", std::process::id()));
    let miscited = text.replacen("source: AAP3 §3.1.2", "source: AAP3 §9.9", 1).replacen(
        "rules: [eig3.host.funding_route]",
        "rules: [eig3.host.no_such_rule]",
        1,
    );
    std::fs::write(&wrong, miscited).unwrap();
    let run = eig_testkit::cases::run_case_file(&wrong).unwrap();
    assert_eq!((run.passed(), run.cases.len()), (2, 3));
    let failures = run.failures();
    assert!(
        failures.contains("citation (source) : \"AAP3 §9.9\" : AAP3 n'a rien à la référence §9.9"),
        "{failures}"
    );
    assert!(failures.contains("citation (rules) : la règle \"eig3.host.no_such_rule\" n'existe pas pour un dossier de défi de EIG3 : la plus proche est eig3.host.funding_route"), "{failures}");
    // An invented quote fails with the section's nearest sentence; a document the project
    // does not ship fails too.
    let invented = text
        .replacen("De ce fait, les autres administrations", "De ce fait, les collectivités", 1)
        .replacen("source: AAP3 §3.1.2", "source: Cahier des charges EIG3 §3.1.2", 1);
    std::fs::write(&wrong, invented).unwrap();
    let run = eig_testkit::cases::run_case_file(&wrong).unwrap();
    assert_eq!((run.passed(), run.cases.len()), (2, 3));
    let failures = run.failures();
    assert!(failures.contains("citation (source) : \"Cahier des charges EIG3 §3.1.2\" ne commence pas par un texte du programme"), "{failures}");
    let invented =
        text.replacen("De ce fait, les autres administrations", "De ce fait, les collectivités", 1);
    std::fs::write(&wrong, invented).unwrap();
    let failures = eig_testkit::cases::run_case_file(&wrong).unwrap().failures();
    assert!(failures.contains("citation (quote) : pas mot pour mot dans AAP3"), "{failures}");
    assert!(
        failures.contains(
            "phrase la plus proche : AAP3 §3.1.2 : De ce fait, les autres administrations"
        ),
        "{failures}"
    );
    // Without its quotes, the file fails strictly and passes as drafts.
    let unquoted = text.replace("quote: >-", "note: >-");
    std::fs::write(&wrong, unquoted).unwrap();
    assert!(!eig_testkit::cases::run_case_file(&wrong).unwrap().all_passed());
    let drafts =
        eig_testkit::cases::run_case_file_with(&wrong, eig_testkit::cases::RunOptions::drafts());
    std::fs::remove_file(&wrong).unwrap();
    assert!(drafts.unwrap().all_passed());
}
