//! The JSON Schema of the input (feature `schemars`) against what the crate accepts: on each
//! table of JSON values, the schema and `Instance::new` after the deserializer agree — both
//! accept or both refuse. What JSON Schema cannot say (a défi chosen or ranked that does not
//! exist, a candidate ranked in two tie groups, more choices than `limits.max_choices`,
//! `team_min` above `team_max`) is left out: valid under the schema, refused by the crate.

use eig_matching::{Instance, MatchingInput};
use serde_json::{Value, json};

/// What a row expects of the schema and of the crate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Valid under the schema, accepted.
    Accepted,
    /// Invalid under the schema, refused.
    Refused,
    /// Valid under the schema, refused by the crate: what JSON Schema cannot say.
    Gap,
}

use Expect::{Accepted, Gap, Refused};

/// The verdicts of the input's schema and of the crate on each row, compared with what the
/// row expects; every disagreement is reported at once.
fn agree(rows: &[(Value, Expect)]) {
    let schema =
        serde_json::to_value(schemars::schema_for!(MatchingInput)).expect("a schema is JSON");
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V2020_12);
    compiler.enable_format_assertions();
    compiler.add_resource("http://localhost/schema.json", schema).expect("a fresh resource");
    let mut schemas = boon::Schemas::new();
    let index = compiler
        .compile("http://localhost/schema.json", &mut schemas)
        .expect("the schema compiles");
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(value, expect)| {
            let valid = schemas.validate(value, index).is_ok();
            let accepted = serde_json::from_value::<MatchingInput>(value.clone())
                .is_ok_and(|input| Instance::new(&input).is_ok());
            let found = match (valid, accepted) {
                (true, true) => Accepted,
                (false, false) => Refused,
                (true, false) => Gap,
                (false, true) => {
                    return Some(format!("{value}: refused by the schema, accepted"));
                }
            };
            (found != *expect).then(|| format!("{value}: expected {expect:?}, found {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Two défis, two candidates of one profile, one ranking: `choices` and `ranks` as given.
fn input(choices: &Value, ranks: &Value) -> Value {
    json!({
        "limits": { "team_min": 1, "team_max": 2, "max_choices": 3 },
        "defis": [
            { "id": "d1", "seats": { "developer": 1 } },
            { "id": "d2", "seats": { "developer": 1 } }
        ],
        "candidates": [
            { "id": "c1", "profile": "developer", "choices": choices },
            { "id": "c2", "profile": "developer", "choices": ["d1"] }
        ],
        "rankings": [ { "defi": "d1", "profile": "developer", "ranks": ranks } ]
    })
}

#[test]
fn choices_and_tie_groups() {
    agree(&[
        (input(&json!(["d1", "d2"]), &json!([["c1"], ["c2"]])), Accepted),
        (input(&json!(["d1"]), &json!([["c1", "c2"]])), Accepted),
        (input(&json!(["d2"]), &json!([["c2"]])), Accepted),
        // A défi chosen twice; an empty tie group.
        (input(&json!(["d1", "d1"]), &json!([["c1"], ["c2"]])), Refused),
        (input(&json!(["d1", "d2", "d1"]), &json!([["c1"], ["c2"]])), Refused),
        (input(&json!(["d1"]), &json!([["c1"], [], ["c2"]])), Refused),
        (input(&json!(["d1"]), &json!([[], ["c1", "c2"]])), Refused),
        // Empty ids.
        (input(&json!([""]), &json!([["c2"]])), Refused),
        (input(&json!(["d1"]), &json!([["c1"], [""]])), Refused),
        // What JSON Schema cannot say.
        (input(&json!(["d3"]), &json!([["c2"]])), Gap),
        (input(&json!(["d1"]), &json!([["c1"], ["c1", "c2"]])), Gap),
    ]);
}
