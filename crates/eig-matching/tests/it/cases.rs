//! Data-driven cases: `tests/data/cases/*.json` are cases of the public format (`eig-cases`:
//! title, source, `matching` input, `options`, `expected` assignment — `eig test` and
//! eig-cases' tests check the expectations); the snapshots here are the report, the
//! explanations and their French rendering.

use eig_matching::{Instance, MatchingInput, Options, solve};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[expect(
        dead_code,
        reason = "read to check the file's shape; eig-cases runs the expectations"
    )]
    title: String,
    #[expect(dead_code, reason = "read to check the file's shape")]
    source: String,
    #[serde(default)]
    options: Options,
    matching: MatchingInput,
    #[expect(dead_code, reason = "eig-cases compares it")]
    expected: serde_json::Value,
}

#[test]
fn cases() {
    insta::glob!("../data", "cases/*.json", |path| {
        let case: Case = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let instance = Instance::new(&case.matching).unwrap();
        let solution = solve(&instance, &case.options).unwrap();
        insta::assert_json_snapshot!("report", solution.report());
        let explanations = solution.explain();
        insta::assert_json_snapshot!("explanations", explanations);
        insta::assert_snapshot!("french", explanations.to_french());
    });
}
