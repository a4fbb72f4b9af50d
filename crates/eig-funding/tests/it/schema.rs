//! The JSON Schemas of the public shapes (feature `schemars`), as `eig schema funding-input`
//! and `eig schema funding-plan` print them: snapshot-tested, and checked against the JSON the
//! crate reads and writes.

use eig_funding::{PromotionInput, PromotionPlan, RuleId, Scenario, plan_promotion};
use serde_json::{Value, json};

fn schema<T: schemars::JsonSchema>() -> Value {
    serde_json::to_value(schemars::schema_for!(T)).unwrap()
}

#[test]
fn input_scenario_and_plan_schemas() {
    insta::assert_json_snapshot!("schema_promotion_input", schema::<PromotionInput>());
    insta::assert_json_snapshot!("schema_scenario", schema::<Scenario>());
    insta::assert_json_snapshot!("schema_promotion_plan", schema::<PromotionPlan>());
}

/// Every property a plan writes is declared by the plan's schema, and the required ones are
/// written: walked on a plan that uses every optional part (carrier, surplus, estimate,
/// envelope exceeded).
#[test]
fn a_plan_matches_its_schema_properties() {
    let input: PromotionInput = serde_json::from_value(json!({ "promotion": "EIG3", "defis": [
        { "defi": "d1", "route": "through_administrative_carrier", "host": { "kind": "state_operator" },
          "administrative_carrier": "Ministère", "talents": [
            { "talent": "t1", "employer_cost": { "contract": "70000" }, "months_worked": 4 },
            { "talent": "t2" } ] } ] }))
    .unwrap();
    let scenario: Scenario = serde_json::from_value(json!({ "overrides": [
        { "id": "programme_envelope", "promotion": "EIG3", "value": { "amount": "50000" } } ] }))
    .unwrap();
    let plan = serde_json::to_value(plan_promotion(&input, &scenario).unwrap()).unwrap();
    let schema = schema::<PromotionPlan>();
    let properties = &schema["properties"];
    let written: Vec<&String> = plan.as_object().unwrap().keys().collect();
    let declared: Vec<&String> = properties.as_object().unwrap().keys().collect();
    assert_eq!(written, declared);
    for required in schema["required"].as_array().unwrap() {
        assert!(plan.get(required.as_str().unwrap()).is_some(), "{required} is not written");
    }
    // Amounts are strings in the JSON, so in the schema.
    assert_eq!(schema["$defs"]["Euros"]["type"], "string");
    assert!(plan["totals"]["pia_through_cdc"].is_string());
}

/// `deny_unknown_fields` inputs forbid other properties in their schema too.
#[test]
fn input_schemas_refuse_unknown_properties() {
    let input = schema::<PromotionInput>();
    assert_eq!(input["additionalProperties"], false);
    for name in ["DefiFunding", "TalentInput"] {
        assert_eq!(input["$defs"][name]["additionalProperties"], false, "{name}");
    }
    assert_eq!(schema::<Scenario>()["additionalProperties"], false);
}

/// What a row expects of the schema and of the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Valid under the schema, accepted.
    Accepted,
    /// Invalid under the schema, refused.
    Refused,
}

use Expect::{Accepted, Refused};

/// The verdicts of the schema of `T` and of `accepts` (the deserializer, then what the crate
/// checks before computing) on each row, compared with what the row expects. Formats are
/// asserted, as a fuzzer such as schemathesis does.
fn agree<T: schemars::JsonSchema>(rows: &[(Value, Expect)], accepts: impl Fn(&Value) -> bool) {
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V2020_12);
    compiler.enable_format_assertions();
    compiler.add_resource("http://localhost/schema.json", schema::<T>()).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("http://localhost/schema.json", &mut schemas).unwrap();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(value, expect)| {
            let valid = schemas.validate(value, index).is_ok();
            let found = match (valid, accepts(value)) {
                (true, true) => Accepted,
                (false, false) => Refused,
                (true, false) => return Some(format!("{value}: valid under the schema, refused")),
                (false, true) => return Some(format!("{value}: refused by the schema, accepted")),
            };
            (found != *expect).then(|| format!("{value}: expected {expect:?}, found {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}:\n{}", std::any::type_name::<T>(), failures.join("\n"));
}

/// A contract lasts at least one month: `plan_promotion` refuses 0
/// (`FundingError::ZeroMonthContract`), so the schema does.
#[test]
fn contract_months_schema_agrees_with_the_plan() {
    let input = |defi: Value| {
        let mut defi_funding = json!({ "defi": "d1", "route": "through_administrative_carrier",
            "host": { "kind": "state_operator" }, "administrative_carrier": "Ministère",
            "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] });
        defi_funding.as_object_mut().unwrap().extend(defi.as_object().unwrap().clone());
        json!({ "promotion": "EIG3", "defis": [defi_funding] })
    };
    let plans = |value: &Value| {
        serde_json::from_value::<PromotionInput>(value.clone())
            .is_ok_and(|input| plan_promotion(&input, &Scenario::default()).is_ok())
    };
    agree::<PromotionInput>(
        &[
            (input(json!({})), Accepted),
            (input(json!({ "contract_months": 10 })), Accepted),
            (input(json!({ "contract_months": 1 })), Accepted),
            (input(json!({ "contract_months": 255 })), Accepted),
            (input(json!({ "contract_months": 0 })), Refused),
            (input(json!({ "contract_months": 256 })), Refused),
            (input(json!({ "contract_months": -1 })), Refused),
            (input(json!({ "administrative_carrier": "" })), Refused),
            (input(json!({ "defi": "" })), Refused),
            (json!({ "promotion": "", "defis": [] }), Refused),
            (json!({ "promotion": "EIG 3", "defis": [] }), Accepted),
        ],
        plans,
    );
}

/// A rule's identifier is one of the catalogue's.
#[test]
fn rule_ids_are_a_closed_list() {
    let mut rows: Vec<(Value, Expect)> =
        RuleId::ALL.into_iter().map(|rule| (json!(rule.as_str()), Accepted)).collect();
    rows.extend([
        (json!(""), Refused),
        (json!("funding.unknown"), Refused),
        (json!("FUNDING.PIA_PAYS_PAY"), Refused),
    ]);
    agree::<RuleId>(&rows, |value| serde_json::from_value::<RuleId>(value.clone()).is_ok());
}
