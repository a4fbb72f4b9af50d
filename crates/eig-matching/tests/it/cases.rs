//! Data-driven cases: `tests/data/cases/*.json` hold an input and options; the snapshots are
//! the report, the explanations and their French rendering.

use eig_matching::{Instance, MatchingInput, Options, solve};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    #[serde(default)]
    options: Options,
    input: MatchingInput,
}

#[test]
fn cases() {
    insta::glob!("../data", "cases/*.json", |path| {
        let case: Case = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
        let instance = Instance::new(&case.input).unwrap();
        let solution = solve(&instance, &case.options).unwrap();
        insta::assert_json_snapshot!("report", solution.report());
        let explanations = solution.explain();
        insta::assert_json_snapshot!("explanations", explanations);
        insta::assert_snapshot!("french", explanations.to_french());
    });
}
