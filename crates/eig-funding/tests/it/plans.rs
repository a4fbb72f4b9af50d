//! Snapshots of the plan (JSON and French text) of one reference défi per promotion, and a
//! whole promotion built from the programme's real défi records.

use eig_domain::{Euros, Promotion};
use eig_funding::{
    DefiFunding, EnvelopeOutcome, EnvelopeResolution, Payer, PromotionInput, Scenario,
    plan_promotion,
};
use eig_history::History;
use serde_json::json;

fn reference(promotion: &str, defi: serde_json::Value) -> PromotionInput {
    let mut input = json!({ "promotion": promotion });
    input["defis"] = serde_json::Value::Array(vec![defi]);
    serde_json::from_value(input).unwrap()
}

fn references() -> Vec<(&'static str, PromotionInput)> {
    vec![
        (
            "eig1",
            reference(
                "EIG1",
                json!({ "defi": "eig1-ref", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "employer_cost": { "contract": "68775.76" } } ] }),
            ),
        ),
        (
            "eig2",
            reference(
                "EIG2",
                json!({ "defi": "eig2-ref", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1" }, { "talent": "t2" } ] }),
            ),
        ),
        (
            "eig3",
            reference(
                "EIG3",
                json!({ "defi": "eig3-ref", "route": "through_administrative_carrier", "host": { "kind": "state_operator" },
            "administrative_carrier": "Ministère de tutelle", "talents": [
            { "talent": "t1", "employer_cost": { "contract": "70000" } },
            { "talent": "t2", "employer_cost": { "contract": "65432.17" } },
            { "talent": "t3" } ] }),
            ),
        ),
        (
            "eig4",
            reference(
                "EIG4",
                json!({ "defi": "eig4-ref", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "employer_cost": { "monthly": "6873.45" } },
            { "talent": "t2" } ] }),
            ),
        ),
        (
            "eig5",
            reference(
                "EIG5",
                json!({ "defi": "eig5-ref", "route": "delegation_of_management", "host": { "kind": "central_administration" }, "talents": [
            { "talent": "t1", "experience": 60, "employer_cost": { "monthly": "6100" } },
            { "talent": "t2", "experience": 61 } ] }),
            ),
        ),
        (
            "eig6",
            reference(
                "EIG6",
                json!({ "defi": "eig6-ref", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "experience": 30, "employer_cost": { "contract": "61000" } },
            { "talent": "t2", "experience": 72 },
            { "talent": "t3", "experience": 72, "months_worked": 2 } ] }),
            ),
        ),
        (
            "eig7",
            reference(
                "EIG7",
                json!({ "defi": "eig7-ref", "route": "employed_by_dinum", "host": { "kind": "central_administration" }, "talents": [
            { "talent": "t1", "experience": 108, "employer_cost": { "monthly": "9000" } },
            { "talent": "t2", "experience": 120, "employer_cost": { "monthly": "10500" } } ] }),
            ),
        ),
        (
            "dig1",
            reference(
                "DIG1",
                json!({ "defi": "dig1-ref", "route": "self_funded", "host": { "kind": "ministry" },
            "contract_months": 6, "talents": [
            { "talent": "t1", "employer_cost": { "monthly": "5000" } } ] }),
            ),
        ),
    ]
}

#[test]
fn reference_plans_json() {
    for (name, input) in references() {
        let plan = plan_promotion(&input, &Scenario::default()).unwrap();
        insta::assert_json_snapshot!(format!("plan_json_{name}"), plan);
    }
}

#[test]
fn reference_plans_french() {
    for (name, input) in references() {
        let plan = plan_promotion(&input, &Scenario::default()).unwrap();
        insta::assert_snapshot!(format!("plan_french_{name}"), plan.to_french());
    }
}

#[test]
fn every_part_sums_to_the_cost_plus_surplus() {
    for (_, input) in references() {
        let plan = plan_promotion(&input, &Scenario::default()).unwrap();
        for defi in &plan.defis {
            for talent in &defi.talents {
                let parts = Euros::checked_sum(talent.parts.iter().map(|p| p.amount)).unwrap();
                let surplus = talent.surplus.map_or(Euros::ZERO, |s| s.amount);
                assert_eq!(parts, talent.employer_cost.checked_add(surplus).unwrap());
            }
            for (payer, months) in defi.schedule.by_payer.iter() {
                let sum = Euros::checked_sum(months.iter().copied()).unwrap();
                assert_eq!(sum, defi.totals.amount_of(payer));
                assert_eq!(months.len(), usize::from(defi.contract_months));
            }
        }
    }
}

/// EIG4 and EIG5: programme 352's part lies on the months the subsidy covers (AAP4 §3.3,
/// AAP5 §3.3) and the host's on the others; every other promotion, and a scenario whose
/// months no longer match the period, spreads evenly and names no period.
#[test]
fn subsidised_months_in_the_schedule() {
    let covered_months = |schedule: &eig_funding::Schedule, months: usize| -> Vec<bool> {
        let period = schedule.subsidised_period.unwrap();
        let first = schedule.first_month.unwrap();
        (0..months)
            .map(|index| {
                let month = first + chrono::Months::new(u32::try_from(index).unwrap());
                period.contains(month)
            })
            .collect()
    };
    for (name, input) in references() {
        let plan = plan_promotion(&input, &Scenario::default()).unwrap();
        let schedule = &plan.defis[0].schedule;
        let placed = matches!(input.promotion, Promotion::Eig4 | Promotion::Eig5);
        assert_eq!(schedule.subsidised_period.is_some(), placed, "{name}");
        if !placed {
            continue;
        }
        let covered = covered_months(schedule, usize::from(plan.defis[0].contract_months));
        let expected = if input.promotion == Promotion::Eig4 { 4 } else { 3 };
        assert_eq!(covered.iter().filter(|&&month| month).count(), expected, "{name}");
        for (index, &on_subsidy) in covered.iter().enumerate() {
            let programme = schedule.by_payer.get(Payer::Programme352).unwrap()[index];
            let host = schedule.by_payer.get(Payer::Host).unwrap()[index];
            assert_eq!(programme != Euros::ZERO, on_subsidy, "{name} month {index}");
            assert_eq!(host != Euros::ZERO, !on_subsidy, "{name} month {index}");
        }
    }
    let input = reference(
        "EIG4",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
        { "talent": "t1", "employer_cost": { "monthly": "7000" } } ] }),
    );
    let five: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "subsidised_months", "promotion": "EIG4", "value": { "months": 5 } } ] }))
    .unwrap();
    let plan = plan_promotion(&input, &five).unwrap();
    assert_eq!(plan.defis[0].schedule.subsidised_period, None);
    let four: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "subsidised_months", "promotion": "EIG4", "value": { "months": 4 } } ] }))
    .unwrap();
    let plan = plan_promotion(&input, &four).unwrap();
    assert!(plan.defis[0].schedule.subsidised_period.is_some(), "an override equal to the text");
}

/// The real EIG3 (15 défis, 32 talents in the programme's records), every défi direct and
/// every talent at the ING reference: 1 568 000 € of PIA against 1 500 000 €.
#[test]
fn the_real_eig3_exceeds_its_envelope() {
    let history = History::embedded();
    let defis: Vec<DefiFunding> = history
        .defis_of(Promotion::Eig3)
        .enumerate()
        .map(|(index, record)| {
            let talents: Vec<_> = (1..=record.talents)
                .map(|n| json!({ "talent": format!("d{index}-t{n}") }))
                .collect();
            serde_json::from_value(json!({
                "defi": format!("d{index}"), "route": "direct", "host": { "kind": "ministry" }, "talents": talents
            }))
            .unwrap()
        })
        .collect();
    let input = PromotionInput { promotion: Promotion::Eig3, defis };
    let plan = plan_promotion(&input, &Scenario::default()).unwrap();
    assert_eq!(plan.defis.len(), 15);
    assert_eq!(plan.estimated_costs.len(), 32);
    assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(1_568_000));
    let EnvelopeOutcome::Exceeded { by, resolution, .. } = &plan.envelope else {
        panic!("the envelope is exceeded: {:?}", plan.envelope)
    };
    assert_eq!(*by, Euros::from_whole(68_000));
    let EnvelopeResolution::RankOrder { covered, not_covered, .. } = resolution else {
        panic!("rank order is the default policy")
    };
    assert_eq!((*covered, not_covered.len()), (30, 2));
}

#[test]
fn plan_errors() {
    let defi = |route: &str| {
        reference(
            "EIG3",
            json!({ "defi": "d1", "route": route, "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "employer_cost": { "contract": "70000" }, "months_worked": 11 } ] }),
        )
    };
    insta::assert_snapshot!(
        plan_promotion(&defi("direct"), &Scenario::default()).unwrap_err(),
        @"talent t1 du défi d1 : 11 mois travaillés pour un contrat de 10 mois : donnez au plus 10 mois travaillés"
    );
    insta::assert_snapshot!(
        plan_promotion(&defi("employed_by_dinum"), &Scenario::default()).unwrap_err(),
        @r#"défi d1 : la voie "EIG recrutés et rémunérés par la DINUM" n'est pas ouverte en EIG3 : donnez une voie que la promotion ouvre (docs/rules/funding.md)"#
    );
    let scenario: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "pia_share", "promotion": "EIG3", "value": { "months": 4 } } ] }))
    .unwrap();
    let input = reference(
        "EIG3",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
        { "talent": "t1" } ] }),
    );
    insta::assert_snapshot!(plan_promotion(&input, &scenario).unwrap_err(), @"le paramètre pia_share de la promotion EIG3 contient un nombre de mois au lieu d'une part : donnez une part");
    // A contract of 0 months is refused as such: EIG7 does state its length (REG7 §2.3).
    let input = reference(
        "EIG7",
        json!({ "defi": "d1", "route": "employed_by_dinum", "host": { "kind": "central_administration" }, "contract_months": 0, "talents": [
        { "talent": "t1", "employer_cost": { "monthly": "9000" } } ] }),
    );
    insta::assert_snapshot!(
        plan_promotion(&input, &Scenario::default()).unwrap_err(),
        @"défi d1 : un contrat de 0 mois : donnez au moins 1 dans contract_months"
    );
}

pub(crate) fn arbitrary_plan_input() -> impl proptest::strategy::Strategy<Value = PromotionInput> {
    use proptest::prelude::*;
    let promotion = prop_oneof![
        Just("EIG1"),
        Just("EIG2"),
        Just("EIG3"),
        Just("EIG4"),
        Just("EIG5"),
        Just("EIG6"),
        Just("EIG7"),
    ];
    let route = prop_oneof![
        Just("direct"),
        Just("through_administrative_carrier"),
        Just("delegation_of_management"),
        Just("alternative_funding"),
        Just("self_funded"),
    ];
    let talent = (0_u64..=20_000_000, proptest::option::of(0_u8..=10), any::<bool>(), 0_u16..=240);
    // A prolongation (EIG5, EIG6 only) of 1 to 10 months.
    let defi = (route, proptest::option::of(1_u8..=10), proptest::collection::vec(talent, 1..=3));
    (promotion, proptest::collection::vec(defi, 1..=5)).prop_map(|(promotion, defis)| {
        let defis: Vec<_> = defis
            .into_iter()
            .enumerate()
            .map(|(d, (route, prolongation, talents))| {
                let route = match (promotion, route) {
                    ("EIG7", _) => "employed_by_dinum",
                    ("EIG4" | "EIG5", route) => route,
                    (_, "delegation_of_management") => "direct",
                    (_, route) => route,
                };
                let prolongation =
                    prolongation.filter(|_| matches!(promotion, "EIG5" | "EIG6"));
                // EIG7 teams count 1 or 2 talents (REG7 §3.4 b).
                let mut talents = talents;
                talents.truncate(if promotion == "EIG7" { 2 } else { 3 });
                let talents: Vec<_> = talents
                    .into_iter()
                    .enumerate()
                    .map(|(t, (cents, worked, monthly, experience))| {
                        let amount = Euros::from_cents(cents).to_string();
                        let cost = if monthly {
                            json!({ "monthly": amount })
                        } else {
                            json!({ "contract": amount })
                        };
                        let mut talent = json!({
                            "talent": format!("d{d}-t{t}"), "experience": experience, "employer_cost": cost
                        });
                        if let Some(worked) = worked {
                            let worked = prolongation.map_or(worked, |months| worked.min(months));
                            talent["months_worked"] = json!(worked);
                        }
                        talent
                    })
                    .collect();
                let host = match route {
                    "direct" | "self_funded" => json!({ "kind": "ministry" }),
                    "through_administrative_carrier" => json!({ "kind": "state_operator" }),
                    "alternative_funding" => json!({ "kind": "health_establishment" }),
                    _ => json!({ "kind": "central_administration" }),
                };
                let mut defi = json!({ "defi": format!("d{d}"), "route": route, "host": host,
                    "administrative_carrier": "Ministère", "talents": talents });
                if let Some(months) = prolongation {
                    defi["phase"] = json!("prolongation");
                    defi["contract_months"] = json!(months);
                }
                defi
            })
            .collect();
        serde_json::from_value(json!({ "promotion": promotion, "defis": defis })).unwrap()
    })
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Every talent's parts sum to its cost (plus a flat amount's surplus), every défi's and
    /// the promotion's totals sum their parts, every schedule sums to its payer's total.
    #[test]
    fn plans_never_lose_a_cent(input in arbitrary_plan_input()) {
        let plan = plan_promotion(&input, &Scenario::default()).unwrap();
        let mut promotion_totals = std::collections::BTreeMap::new();
        for defi in &plan.defis {
            let mut defi_totals = std::collections::BTreeMap::new();
            for talent in &defi.talents {
                let parts = Euros::checked_sum(talent.parts.iter().map(|p| p.amount)).unwrap();
                let surplus = talent.surplus.map_or(Euros::ZERO, |s| s.amount);
                proptest::prop_assert_eq!(parts, talent.employer_cost.checked_add(surplus).unwrap());
                for part in &talent.parts {
                    let entry = defi_totals.entry(part.payer).or_insert(Euros::ZERO);
                    *entry = entry.checked_add(part.amount).unwrap();
                }
            }
            for (payer, amount) in defi.totals.iter() {
                proptest::prop_assert_eq!(*amount, defi_totals.get(&payer).copied().unwrap_or(Euros::ZERO));
                let entry = promotion_totals.entry(payer).or_insert(Euros::ZERO);
                *entry = entry.checked_add(*amount).unwrap();
            }
            // Every payer that pays is among the totals; every plan of the promotion shows the
            // same payers.
            proptest::prop_assert!(defi_totals.keys().all(|payer| defi.totals.get(*payer).is_some()));
            let payers: Vec<Payer> = defi.totals.iter().map(|(payer, _)| payer).collect();
            proptest::prop_assert_eq!(payers.as_slice(), Payer::of_promotion(plan.promotion));
            for (payer, months) in defi.schedule.by_payer.iter() {
                let sum = Euros::checked_sum(months.iter().copied()).unwrap();
                proptest::prop_assert_eq!(sum, defi.totals.amount_of(payer));
            }
            for (payer, amount) in defi.totals.iter() {
                let scheduled = defi.schedule.by_payer.get(payer).is_some();
                proptest::prop_assert_eq!(scheduled, *amount != Euros::ZERO, "{:?}", payer);
            }
        }
        for (payer, amount) in plan.totals.iter() {
            proptest::prop_assert_eq!(*amount, promotion_totals.get(&payer).copied().unwrap_or(Euros::ZERO));
        }
        proptest::prop_assert_eq!(plan.totals.len(), Payer::of_promotion(plan.promotion).len());
    }
}

/// The French text states the reference the plan used, not the official one, when a scenario
/// overrides it.
#[test]
fn the_estimate_line_states_the_reference_used() {
    let input = reference(
        "EIG3",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [ { "talent": "t1" } ] }),
    );
    let scenario: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "reference_employer_cost", "promotion": "EIG3", "value": { "amount": "75000" } } ] }))
    .unwrap();
    let text = plan_promotion(&input, &scenario).unwrap().to_french();
    let line = text.lines().find(|line| line.starts_with("Coûts estimés")).unwrap();
    let line = line.replace(['\u{202f}', '\u{a0}'], " ");
    insta::assert_snapshot!(line, @"Coûts estimés (référence ING, 75 000,00 € pour 10 mois à 4 000,00 € nets) : d1/t1.");
}

/// An EIG4 talent who leaves after 2 months: the subsidy (fixed on the planned contract)
/// exceeds the cost; no EIG4 text rules on the surplus, so the text cites none (AAP6's
/// « trop-perçu » clause is for EIG6 and its prolongations).
#[test]
fn a_surplus_without_rule_cites_no_rule() {
    let input = reference(
        "EIG4",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
        { "talent": "t1", "employer_cost": { "contract": "70000" }, "months_worked": 2 } ] }),
    );
    let text = plan_promotion(&input, &Scenario::default()).unwrap().to_french();
    let line = text.lines().find(|line| line.contains("Trop-perçu")).unwrap();
    let line = line.replace(['\u{202f}', '\u{a0}'], " ");
    insta::assert_snapshot!(line, @"    Trop-perçu : 14 000,00 € (aucun texte n'en règle le sort)");
}

/// A rule each call restates cites the promotion's own call: self-funding is AAP5 §3.4 for
/// EIG5 and AAP6 §3.4 for EIG6, alternative funding AAP5 §3.2 and AAP6 §3.2.
#[test]
fn rule_sources_follow_the_promotions_call() {
    use eig_funding::RuleId;
    let cited = |rule: RuleId, promotion| {
        rule.sources_for(promotion).iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
    };
    let table: Vec<String> = [Promotion::Eig3, Promotion::Eig4, Promotion::Eig5, Promotion::Eig6]
        .into_iter()
        .map(|promotion| {
            format!(
                "{promotion}: {} | {}",
                cited(RuleId::SelfFunded, promotion),
                cited(RuleId::AlternativeFunding, promotion)
            )
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"), @r"
    EIG3: AAP3 §3.1.3 | AAP3 §3.1.2
    EIG4: AAP4 §3.4 | AAP4 §3.2
    EIG5: AAP5 §3.4 | AAP5 §3.2
    EIG6: AAP6 §3.4 | AAP6 §3.2
    ");
}

/// The host's part cites the promotion's own text: AAP3 §5.2 is EIG3's 70/30 rule; in
/// EIG1–EIG2 (the PIA pays wholly) and EIG7 (DINUM pays wholly) the rest is nil by the text
/// that says so.
#[test]
fn the_hosts_part_cites_its_promotions_text() {
    use eig_funding::RuleId;
    let table: Vec<String> = Promotion::ALL
        .into_iter()
        .filter(|promotion| *promotion != Promotion::Dig1)
        .map(|promotion| {
            let cited: Vec<String> = RuleId::HostPaysRest
                .sources_for(promotion)
                .iter()
                .map(ToString::to_string)
                .collect();
            format!("{promotion}: {}", cited.join(", "))
        })
        .collect();
    insta::assert_snapshot!(table.join("\n"), @r"
    EIG1: AAC2 art. 2, ING « Modes de financement »
    EIG2: AAC2 art. 2, ING « Modes de financement »
    EIG3: AAP3 §5.2
    EIG4: AAP4 §4.2
    EIG5: AAP5 §4.2.1
    EIG6: AAP6 §4.2.1
    EIG7: REG7 §1.2
    ");
}

/// An envelope only a scenario gives (no text states one for EIG6) cites no text as its
/// source.
#[test]
fn a_scenario_envelope_cites_no_text() {
    let input = reference(
        "EIG6",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
        { "talent": "t1", "employer_cost": { "contract": "70000" } } ] }),
    );
    let scenario: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "programme_envelope", "promotion": "EIG6", "value": { "amount": "50000" } } ] }))
    .unwrap();
    let text = plan_promotion(&input, &scenario).unwrap().to_french();
    let line = text.lines().find(|line| line.starts_with("Enveloppe")).unwrap();
    let line = line.replace(['\u{202f}', '\u{a0}'], " ");
    insta::assert_snapshot!(line, @"Enveloppe (programme 352) : 50 000,00 € ; engagé 20 000,00 € ; reste 30 000,00 €. [funding.envelope — aucun texte : valeur fournie par le scénario]");
}

/// A défi with no talent yet places nothing on the EIG4 subsidised months: its schedule names
/// no subsidised period (the period says where programme 352's part lies, and there is none).
#[test]
fn no_talent_no_subsidised_period() {
    let empty = reference(
        "EIG4",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [] }),
    );
    let plan = plan_promotion(&empty, &Scenario::default()).unwrap();
    assert_eq!(plan.defis[0].schedule.subsidised_period, None);
    assert!(plan.defis[0].schedule.by_payer.is_empty());
    let one = reference(
        "EIG4",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "employer_cost": { "monthly": "7000" } } ] }),
    );
    let plan = plan_promotion(&one, &Scenario::default()).unwrap();
    assert!(plan.defis[0].schedule.subsidised_period.is_some());
}

/// The French text of an exceeded envelope says how it was shared under each policy, and
/// under the pro-rata policy with no envelope, that no source fixes one.
#[test]
fn an_exceeded_envelope_is_explained_under_each_policy() {
    let three = |promotion: &str| {
        reference(
            promotion,
            json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": [
                { "talent": "t1", "employer_cost": { "contract": "70000" } },
                { "talent": "t2", "employer_cost": { "contract": "70000" } } ] }),
        )
    };
    let small = |policy: &str| -> Scenario {
        serde_json::from_value(json!({ "envelope_policy": policy, "overrides": [
            { "id": "programme_envelope", "promotion": "EIG3", "value": { "amount": "50000" } } ] }))
        .unwrap()
    };
    let rank = plan_promotion(&three("EIG3"), &small("rank_order")).unwrap().to_french();
    assert!(rank.contains("DÉPASSÉE de 48\u{202f}000,00\u{a0}€"), "{rank}");
    assert!(
        rank.contains("Règle : ordre de classement. L'enveloppe couvre les 1 premiers"),
        "{rank}"
    );
    let pro_rata = plan_promotion(&three("EIG3"), &small("pro_rata")).unwrap().to_french();
    assert!(pro_rata.contains("Règle : au prorata des montants."), "{pro_rata}");
    assert!(
        pro_rata.contains("d1/t1 : 25\u{202f}000,00\u{a0}€ accordés sur 49\u{202f}000,00\u{a0}€"),
        "{pro_rata}"
    );
    let no_envelope: Scenario =
        serde_json::from_value(json!({ "envelope_policy": "pro_rata" })).unwrap();
    let eig6 = plan_promotion(&three("EIG6"), &no_envelope).unwrap().to_french();
    assert!(
        eig6.contains("aucune source n'en fixe pour cette promotion (règle choisie : au prorata)"),
        "{eig6}"
    );
}

/// The French text names a prolongation and its contract's months.
#[test]
fn a_prolongation_is_named_with_its_contract_in_the_text() {
    let prolonged = reference(
        "EIG6",
        json!({ "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
            "phase": "prolongation", "contract_months": 6, "talents": [
            { "talent": "t1", "employer_cost": { "monthly": "6500" } } ] }),
    );
    let text = plan_promotion(&prolonged, &Scenario::default()).unwrap().to_french();
    assert!(text.contains("— prolongation, contrat de 6 mois"), "{text}");
}

/// Amounts too large to be computed exactly are refused, naming their défi.
#[test]
fn an_overflow_names_its_defi() {
    use eig_funding::FundingError;

    let huge = reference(
        "EIG3",
        json!({ "defi": "d9", "route": "direct", "host": { "kind": "ministry" }, "talents": [
            { "talent": "t1", "employer_cost": { "monthly": Euros::MAX.to_string() } } ] }),
    );
    let err = plan_promotion(&huge, &Scenario::default()).unwrap_err();
    assert!(matches!(err, FundingError::Overflow { .. }), "{err:?}");
    assert_eq!(err.defi().map(eig_domain::DefiId::as_str), Some("d9"));
    insta::assert_snapshot!(err.to_string(), @"défi d9 : les montants donnés sont trop grands pour être calculés exactement (dépassement de capacité dans une multiplication) : vérifiez les coûts employeur");
}

/// The funding rules' identifiers read back; the envelope of EIG1–EIG2 alone cites RAPPORT, and
/// a self-funded EIG2 défi the call of its time.
#[test]
fn rule_ids_read_back_and_cite_their_promotion_s_sources() {
    use eig_funding::RuleId;

    for rule in RuleId::ALL {
        let json = serde_json::to_string(&rule).unwrap();
        assert_eq!(serde_json::from_str::<RuleId>(&json).unwrap(), rule);
    }
    let unknown = serde_json::from_str::<RuleId>(r#""funding.nothing""#).unwrap_err();
    insta::assert_snapshot!(unknown.to_string(), @r#""funding.nothing" n'est pas une règle de financement : écrivez l'identifiant d'une règle, par ex. funding.pia_pays_pay (la liste est dans docs/rules/funding.md)"#);
    let cited = |rule: RuleId, promotion| -> Vec<String> {
        rule.sources_for(promotion).iter().map(ToString::to_string).collect()
    };
    assert!(cited(RuleId::Envelope, Promotion::Eig2).iter().all(|s| s.starts_with("RAPPORT")));
    assert!(cited(RuleId::PiaPaysPay, Promotion::Eig2).iter().all(|s| !s.starts_with("RAPPORT")));
    // A self-funded EIG2 défi cites the call of its time (AAP3 §3.1.3), not every later one.
    let self_funded = cited(RuleId::SelfFunded, Promotion::Eig2);
    assert!(
        !self_funded.is_empty() && self_funded.iter().all(|s| s.starts_with("AAP3")),
        "{self_funded:?}"
    );
}

/// A rounding rule is shown by its French name.
#[test]
fn a_rounding_rule_is_shown_in_french() {
    use eig_funding::RoundingRule;

    for rounding in [RoundingRule::HalfUpToCent, RoundingRule::DownToCent] {
        assert_eq!(rounding.to_string(), rounding.french());
        assert!(!rounding.to_string().is_empty());
    }
}
