//! The public builders of the typed results: each keeps what it is given, as the JSON of a
//! case's `expected` field writes it.

use eig_cases::result::{DecisionResult, OutcomeName};
use serde_json::json;

#[test]
fn failing_rules_given_to_a_result_are_its_failing_rules() {
    let rules = vec!["eig3.host.funding_route".to_owned(), "eig3.team.size".to_owned()];
    let result = DecisionResult::outcome(OutcomeName::Ineligible).with_failing_rules(rules.clone());
    assert_eq!(result.failing_rules, Some(rules));
    assert_eq!(result.outcome, Some(OutcomeName::Ineligible));
    assert_eq!(
        serde_json::to_value(&result).unwrap(),
        json!({"outcome": "ineligible",
               "failing_rules": ["eig3.host.funding_route", "eig3.team.size"]})
    );
    let none = DecisionResult::outcome(OutcomeName::Ineligible).with_failing_rules(Vec::new());
    assert_eq!(
        serde_json::to_value(&none).unwrap(),
        json!({"outcome": "ineligible", "failing_rules": []})
    );
}
