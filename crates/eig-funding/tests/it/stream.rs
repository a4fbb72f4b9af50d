//! The writer-based French rendering and the streamed plan give what the whole plan gives:
//! the same text, the same JSON bytes (compact and pretty), the same errors.

use eig_funding::{
    DefiPlan, PromotionInput, PromotionPlan, Scenario, plan_promotion, plan_promotion_stream,
};
use serde_json::json;

/// Every way of writing the plan of `input` under `scenario` agrees with
/// `plan_promotion(..).to_french()` and its JSON; an input that fails fails alike.
fn assert_same_plan(name: &str, input: &PromotionInput, scenario: &Scenario) {
    let whole = plan_promotion(input, scenario);
    let stream = plan_promotion_stream(input, scenario);
    let (whole, stream) = match (whole, stream) {
        (Ok(whole), Ok(stream)) => (whole, stream),
        (Err(whole), Err(stream)) => {
            assert_eq!(whole, stream, "{name}: the same error");
            return;
        }
        (whole, stream) => panic!("{name}: {whole:?} but {stream:?}"),
    };
    let text = whole.to_french();
    let mut written = String::new();
    whole.write_french(&mut written).unwrap();
    assert_eq!(written, text, "{name}: PromotionPlan::write_french");
    let mut streamed = String::new();
    stream.write_french(&mut streamed).unwrap();
    assert_eq!(streamed, text, "{name}: PromotionPlanStream::write_french");
    for defi in &whole.defis {
        let mut written = String::new();
        defi.write_french(&mut written).unwrap();
        assert_eq!(written, defi.to_french(), "{name}: DefiPlan::write_french");
    }
    assert_eq!(
        serde_json::to_string(&stream).unwrap(),
        serde_json::to_string(&whole).unwrap(),
        "{name}: compact JSON"
    );
    assert_eq!(
        serde_json::to_string_pretty(&stream).unwrap(),
        serde_json::to_string_pretty(&whole).unwrap(),
        "{name}: pretty JSON"
    );
    assert_eq!(stream.envelope(), whole.envelope, "{name}: envelope");
    assert_eq!(stream.estimated_costs(), whole.estimated_costs, "{name}: estimated costs");
    let defis: Vec<DefiPlan> = stream.defis().collect::<Result<_, _>>().unwrap();
    assert_eq!(defis, whole.defis, "{name}: défis");
    let collected: PromotionPlan = stream.into_plan().unwrap();
    assert_eq!(collected, whole, "{name}: into_plan");
}

/// Each promotion's envelope exceeded, under both policies, with talents whose cost is the
/// ING estimate: the lists of talents kept as positions are named as the whole plan names
/// them.
#[test]
fn streamed_envelope_lists_equal_the_whole_plans() {
    for promotion in ["EIG1", "EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7"] {
        let route = if promotion == "EIG7" { "employed_by_dinum" } else { "direct" };
        let defis: Vec<_> = (0..4)
            .map(|d| {
                json!({ "defi": format!("d{d}"), "route": route, "host": { "kind": "central_administration" },
                    "talents": [
                        { "talent": format!("d{d}-a"), "experience": 72, "employer_cost": { "contract": "65000.01" } },
                        { "talent": format!("d{d}-b"), "experience": 72 } ] })
            })
            .collect();
        let input: PromotionInput =
            serde_json::from_value(json!({ "promotion": promotion, "defis": defis })).unwrap();
        for policy in ["rank_order", "pro_rata"] {
            let scenario: Scenario = serde_json::from_value(json!({ "envelope_policy": policy,
                "overrides": [ { "id": "programme_envelope", "promotion": promotion,
                                 "value": { "amount": "50000.03" } } ] }))
            .unwrap();
            assert_same_plan(&format!("{promotion} {policy}"), &input, &scenario);
        }
        assert_same_plan(promotion, &input, &Scenario::default());
    }
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

    /// Random promotions, some costs left to the ING estimate (which fails where it does not
    /// apply: the same error then), envelopes of any size under both policies.
    #[test]
    fn streamed_and_written_plans_equal_the_whole_plan(
        input in crate::plans::arbitrary_plan_input(),
        estimated in proptest::collection::vec(proptest::prelude::any::<bool>(), 15),
        envelope in proptest::option::of(0_u64..=30_000_000),
        pro_rata in proptest::prelude::any::<bool>(),
    ) {
        let mut input = serde_json::to_value(&input).unwrap();
        let promotion = input["promotion"].clone();
        let mut flags = estimated.into_iter();
        for defi in input["defis"].as_array_mut().unwrap() {
            for talent in defi["talents"].as_array_mut().unwrap() {
                if flags.next().unwrap_or(false) {
                    talent.as_object_mut().unwrap().remove("employer_cost");
                }
            }
        }
        let input: PromotionInput = serde_json::from_value(input).unwrap();
        let overrides: Vec<_> = envelope
            .map(|cents| json!({ "id": "programme_envelope", "promotion": promotion,
                "value": { "amount": eig_domain::Euros::from_cents(cents).to_string() } }))
            .into_iter()
            .collect();
        let policy = if pro_rata { "pro_rata" } else { "rank_order" };
        let scenario: Scenario =
            serde_json::from_value(json!({ "envelope_policy": policy, "overrides": overrides }))
                .unwrap();
        assert_same_plan("arbitrary", &input, &scenario);
    }
}

/// A défi's own text is the part of the promotion's text that names it, and the talents an
/// exceeded envelope leaves uncovered in rank order are listed one after the other, each
/// once, separated by commas.
#[test]
fn a_defi_s_text_is_its_part_of_the_promotion_s_and_lists_the_uncovered_talents_once() {
    let talents: Vec<_> = (1..=3)
        .map(|t| json!({ "talent": format!("t{t}"), "employer_cost": { "contract": "70000" } }))
        .collect();
    let input: PromotionInput = serde_json::from_value(json!({ "promotion": "EIG3", "defis": [
        { "defi": "d1", "route": "direct", "host": { "kind": "ministry" }, "talents": talents } ] }))
    .unwrap();
    let scenario: Scenario = serde_json::from_value(json!({ "envelope_policy": "rank_order",
        "overrides": [ { "id": "programme_envelope", "promotion": "EIG3",
                         "value": { "amount": "50000" } } ] }))
    .unwrap();
    let plan = plan_promotion(&input, &scenario).unwrap();
    let text = plan.to_french();
    assert!(
        text.contains("premier EIG non couvert : d1/t2 ; non couverts : d1/t2, d1/t3.\n"),
        "{text}"
    );
    let mut defi = String::new();
    plan.defis[0].write_french(&mut defi).unwrap();
    assert!(defi.starts_with("Défi d1 — cofinancement direct — missions initiales"), "{defi}");
    assert!(defi.contains("  EIG t3 : coût total employeur 70\u{202f}000,00\u{a0}€"), "{defi}");
    assert!(text.contains(&format!("\n\n{defi}\nTotaux de la promotion :\n")), "{text}");
}
