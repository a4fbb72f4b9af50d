//! The JSON Schemas of the public shapes (feature `schemars`), as `eig schema funding-input`
//! and `eig schema funding-plan` print them: snapshot-tested, and checked against the JSON the
//! crate reads and writes.

use eig_funding::{PromotionInput, PromotionPlan, Scenario, plan_promotion};
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
