//! Data-driven cases: `tests/data/cases/*.json` hold an input and options; the snapshot is
//! the report.

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
        insta::assert_json_snapshot!(solution.report());
    });
}
