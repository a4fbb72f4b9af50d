//! The table of operations: consistent, every example valid against its schema, every
//! operation answering on its example what its typed function answers, every error coded.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

use std::collections::{BTreeMap, BTreeSet};

mod architecture;
mod builders;
mod case_results;
mod codes;
mod routes;

use eig_api::{Direction, ErrorKind, Method, Request, Surface, operations, shape, shapes};
use eig_domain::Promotion;
use serde_json::{Value, json};

/// `value` validated against the draft 2020-12 `schema`: the list of errors.
fn violations(schema: &Value, value: &Value) -> Vec<String> {
    let mut schemas = boon::Schemas::new();
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V2020_12);
    compiler.add_resource("urn:schema", schema.clone()).unwrap();
    let index = compiler.compile("urn:schema", &mut schemas).unwrap();
    match schemas.validate(value, index) {
        Ok(()) => Vec::new(),
        Err(err) => vec![format!("{err:#}")],
    }
}

fn run(id: &str, body: &str, query: &[(&str, &str)]) -> Result<Value, eig_api::ApiError> {
    let query: BTreeMap<String, String> =
        query.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect();
    let op = eig_api::operation(id).unwrap();
    op.run(&Request::new(body, &query, Surface::Http))
        .map(|json| serde_json::from_str(&json).unwrap())
}

#[test]
fn the_table_is_consistent() {
    let mut ids = BTreeSet::new();
    let mut commands = BTreeSet::new();
    let mut routes = BTreeSet::new();
    for op in operations() {
        assert!(ids.insert(op.id), "{} twice", op.id);
        assert!(commands.insert(op.command), "{} twice", op.command);
        assert!(routes.insert((op.method, op.path)), "{} twice", op.path);
        assert!(op.path.starts_with("/v1/"), "{}", op.path);
        // A GET reads no body; a POST reads one.
        assert_eq!(op.method == Method::Get, op.input.is_none(), "{}", op.id);
        let output =
            shape(op.output).unwrap_or_else(|| panic!("{}: no shape {}", op.id, op.output));
        assert_eq!(output.direction, Direction::Output, "{}", op.id);
        if let Some(input) = op.input {
            let input = shape(input).unwrap_or_else(|| panic!("{}: no shape {input}", op.id));
            assert_eq!(input.direction, Direction::Input, "{}", op.id);
        }
        // operationId in camelCase, the command in kebab-case.
        assert!(op.id.chars().next().unwrap().is_ascii_lowercase() && !op.id.contains(['-', '_']));
        assert!(
            op.command.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        );
    }
    let mut kinds = BTreeSet::new();
    let mut names = BTreeSet::new();
    for shape in shapes() {
        assert!(kinds.insert(shape.kind), "{} twice", shape.kind);
        assert!(names.insert(shape.name), "{} twice", shape.name);
    }
}

/// The rule families of the library, each reachable by an operation (issue: every modelled
/// family answers from the command and over HTTP).
#[test]
fn every_rule_family_has_an_operation() {
    for id in [
        "decideEligibility",
        "explainDecision",
        "decideProlongation",
        "decideAmi5bis",
        "selectLaureates",
        "rankCandidates",
        "eig7Terms",
        "eig7RecruitmentCap",
        "conventionTermination",
        "planFunding",
        "planFundingScenario",
        "assignTalents",
        "runCall",
        "simulate",
        "runCases",
        "officialFigures",
        "listPromotions",
        "listParameters",
        "listRules",
        "diffRules",
        "vocabulary",
    ] {
        assert!(eig_api::operation(id).is_some(), "{id}");
    }
}

#[test]
fn every_example_is_valid_against_its_schema() {
    for shape in shapes() {
        let schema = shape.schema();
        let example = shape.example(None).unwrap_or_else(|err| panic!("{}: {err}", shape.kind));
        let errors = violations(&schema, &example);
        assert!(errors.is_empty(), "{}: {errors:#?}", shape.kind);
    }
}

#[test]
fn every_promotion_example_is_valid_or_says_why_not() {
    for shape in shapes() {
        let schema = shape.schema();
        let listed = shape.promotions();
        for promotion in Promotion::ALL {
            assert_eq!(
                listed.contains(&promotion),
                shape.example(Some(promotion)).is_ok(),
                "{} {promotion}: Shape::promotions disagrees with Shape::example",
                shape.kind
            );
            match shape.example(Some(promotion)) {
                Ok(example) => {
                    let errors = violations(&schema, &example);
                    assert!(errors.is_empty(), "{} {promotion}: {errors:#?}", shape.kind);
                }
                Err(err) => {
                    assert_eq!(err.code(), "no_example", "{} {promotion}: {err}", shape.kind);
                    assert_eq!(err.kind(), ErrorKind::Parameter);
                    assert!(
                        err.message().contains(&promotion.to_string())
                            || err.message().contains("le même pour toutes les promotions"),
                        "{err}"
                    );
                }
            }
        }
    }
}

#[test]
fn every_operation_answers_its_example_within_its_schema() {
    for op in operations() {
        let body = match op.input {
            Some(input) => shape(input).unwrap().example(None).unwrap().to_string(),
            None => String::new(),
        };
        let answer = run(op.id, &body, &[]).unwrap_or_else(|err| panic!("{}: {err}", op.id));
        let errors = violations(&shape(op.output).unwrap().schema(), &answer);
        assert!(errors.is_empty(), "{}: {errors:#?}", op.id);
        let query = BTreeMap::new();
        let request = Request::new(&body, &query, Surface::Command);
        let text = op.run_french(&request).unwrap();
        if op.french {
            assert!(!text.trim().is_empty(), "{}: no French text", op.id);
            // A person never reads an identifier of the code.
            for rust in ["::", "Some(", "None", "PromotionInput", "snake_case"] {
                assert!(!text.contains(rust), "{}: {rust} in {text}", op.id);
            }
        }
    }
}

/// The three ways of taking an operation's answer — its text, written to a sink, its typed
/// value written by a serializer (what a binding reads) — give the same bytes, for every
/// operation, on its example and on each promotion's example where there is one.
#[test]
fn every_operation_answers_the_same_text_however_it_is_taken() {
    for op in operations() {
        let mut bodies = vec![];
        match op.input {
            Some(input) => {
                let shape = shape(input).unwrap();
                bodies.push(shape.example(None).unwrap().to_string());
                for promotion in Promotion::ALL {
                    if let Ok(example) = shape.example(Some(promotion)) {
                        bodies.push(example.to_string());
                    }
                }
            }
            None => bodies.push(String::new()),
        }
        for body in &bodies {
            let query = BTreeMap::new();
            let request = Request::new(body, &query, Surface::Command);
            let text = match op.run(&request) {
                Ok(text) => text,
                Err(err) => {
                    assert_eq!(op.answer(&request).unwrap_err().code(), err.code(), "{}", op.id);
                    continue;
                }
            };
            let mut written = Vec::new();
            op.write_to(&request, &mut written).unwrap();
            assert_eq!(String::from_utf8(written).unwrap(), text, "{}: write_to", op.id);
            let answer = op.answer(&request).unwrap();
            assert_eq!(serde_json::to_string(&answer).unwrap(), text, "{}: answer", op.id);
        }
        // And an error is the same error each way.
        if op.input.is_some() {
            let query = BTreeMap::new();
            let request = Request::new("{", &query, Surface::Command);
            let err = op.run(&request).unwrap_err();
            assert_eq!(op.answer(&request).unwrap_err().code(), err.code(), "{}", op.id);
        }
    }
}

/// Each operation answers what its typed function (the library) answers.
#[test]
fn the_operations_answer_as_the_library() {
    let example = |kind: &str| shape(kind).unwrap().example(None).unwrap();
    let sheet: eig_eligibility::JurySheet = serde_json::from_value(example("jury")).unwrap();
    assert_eq!(
        run("selectLaureates", &example("jury").to_string(), &[]).unwrap(),
        serde_json::to_value(eig_eligibility::select_laureates(&sheet).unwrap()).unwrap()
    );
    let scores: eig_eligibility::CandidateScoreSheet =
        serde_json::from_value(example("scores")).unwrap();
    assert_eq!(
        run("rankCandidates", &example("scores").to_string(), &[]).unwrap(),
        serde_json::to_value(eig_eligibility::rank_candidates(&scores).unwrap()).unwrap()
    );
    let request: eig_eligibility::ProlongationRequest =
        serde_json::from_value(example("prolongation")).unwrap();
    let answer = run("decideProlongation", &example("prolongation").to_string(), &[]).unwrap();
    assert_eq!(
        answer["decision"],
        serde_json::to_value(eig_eligibility::evaluate_prolongation(&request).unwrap()).unwrap()
    );
    let application: eig_eligibility::CandidateApplication =
        serde_json::from_value(example("ami5bis")).unwrap();
    let answer = run("decideAmi5bis", &example("ami5bis").to_string(), &[]).unwrap();
    assert_eq!(
        answer["decision"],
        serde_json::to_value(eig_eligibility::evaluate_eig5bis(&application).unwrap()).unwrap()
    );
    let answer = run("eig7RecruitmentCap", r#"{"year": 2024, "recruited": 12}"#, &[]).unwrap();
    assert_eq!(
        answer,
        serde_json::to_value(eig_eligibility::eig7_recruitment_cap(2024, 12)).unwrap()
    );
    let answer =
        run("eig7Terms", r#"{"starts_on": "2024-03-01", "arrived_on": "2024-03-04"}"#, &[])
            .unwrap();
    let terms = eig_eligibility::eig7_contract_terms(
        chrono::NaiveDate::from_ymd_opt(2024, 3, 1).unwrap(),
        chrono::NaiveDate::from_ymd_opt(2024, 3, 4).unwrap(),
    )
    .unwrap();
    assert_eq!(answer["contract"], serde_json::to_value(terms).unwrap());
    assert_eq!(answer["renewal_answer_by"], Value::Null);
}

/// Every kind of error has its stable code, its kind and its path.
#[test]
fn errors_carry_a_stable_code_and_a_path() {
    let code = |id: &str, body: &str, query: &[(&str, &str)]| {
        let err = run(id, body, query).unwrap_err();
        (err.code(), err.kind(), err.path().map(str::to_owned))
    };
    assert_eq!(code("explainDecision", "", &[]), ("empty_input", ErrorKind::Syntax, None));
    assert_eq!(
        code("explainDecision", "{\"dossier\": ", &[]),
        ("invalid_json", ErrorKind::Syntax, None)
    );
    assert_eq!(
        code("explainDecision", "{\"dossier\": 1}", &[]),
        ("invalid_input", ErrorKind::Invalid, Some("$.dossier".to_owned()))
    );
    assert_eq!(
        code("listParameters", "", &[("on", "")]),
        ("invalid_parameter", ErrorKind::Parameter, Some("?on".to_owned()))
    );
    assert_eq!(
        code("assignTalents", "{}", &[("exact", "true"), ("node_limit", "10000001")]),
        ("invalid_parameter", ErrorKind::Parameter, Some("?node_limit".to_owned()))
    );
    assert_eq!(
        code("diffRules", "", &[("from", "EIG3"), ("to", "EIG9")]),
        ("invalid_parameter", ErrorKind::Parameter, Some("?to".to_owned()))
    );
    assert_eq!(
        code("listRules", "", &[("on", "2018-13-01")]),
        ("invalid_parameter", ErrorKind::Parameter, Some("?on".to_owned()))
    );
    assert_eq!(
        code("officialFigures", "", &[("promotion", "")]),
        ("invalid_parameter", ErrorKind::Parameter, Some("?promotion".to_owned()))
    );
    // A refusal of the rules: the rule crate's code, the record's path.
    let mut dossier = shape("dossier").unwrap().example(None).unwrap();
    dossier["defi"]["promotion"] = json!("EIG1");
    let body = json!({"dossier": dossier}).to_string();
    assert_eq!(
        code("explainDecision", &body, &[]),
        ("no_published_rules", ErrorKind::Unjudgeable, Some("$.dossier".to_owned()))
    );
    let mut funding = shape("funding").unwrap().example(Some(Promotion::Eig7)).unwrap();
    funding["defis"][0]["route"] = json!("direct");
    assert_eq!(
        code("planFunding", &funding.to_string(), &[]),
        ("route_not_open", ErrorKind::Unjudgeable, Some("$.defis[0]".to_owned()))
    );
    // Not a case file: refused, not reported as a run.
    assert_eq!(code("runCases", "{\"title\": \"t\"}", &[]).0, "invalid_case_file");
    assert_eq!(code("runCases", "[{]", &[]).0, "invalid_json");
    assert_eq!(code("eig7Terms", "{}", &[]).0, "nothing_to_compute");
}

/// Over HTTP, messages send a person to the service's resources, not to the command.
#[test]
fn messages_name_the_resources_of_their_surface() {
    let op = eig_api::operation("planFunding").unwrap();
    let query = BTreeMap::new();
    let http = op.run(&Request::new("{}", &query, Surface::Http)).unwrap_err();
    assert!(http.message().contains("`GET /v1/schemas/funding`"), "{http}");
    assert!(!http.message().contains("eig schema"), "{http}");
    let command = op.run(&Request::new("{}", &query, Surface::Command)).unwrap_err();
    assert!(command.message().contains("`eig schema funding`"), "{command}");
}

/// The schemas carry prose: no Rust example or code block in any description.
#[test]
fn schemas_describe_in_prose() {
    fn check(kind: &str, value: &Value) {
        match value {
            Value::Object(map) => {
                for (key, child) in map {
                    if key == "description" {
                        let text = child.as_str().unwrap_or_default();
                        for rust in ["```", "# Example", "assert", "unwrap()", "::<"] {
                            assert!(!text.contains(rust), "{kind}: {rust} in {text}");
                        }
                    }
                    check(kind, child);
                }
            }
            Value::Array(items) => items.iter().for_each(|item| check(kind, item)),
            _ => {}
        }
    }
    for shape in shapes() {
        check(shape.kind, &shape.schema());
    }
}

/// The parameters in force at a date depend on the date.
#[test]
fn parameters_in_force_depend_on_the_day() {
    let count =
        |day: &str| run("listParameters", "", &[("on", day)]).unwrap().as_array().unwrap().len();
    let all = run("listParameters", "", &[]).unwrap().as_array().unwrap().len();
    assert!(count("1999-01-01") < count("2018-06-15"));
    assert!(count("2018-06-15") < count("2030-01-01"));
    assert!(count("2030-01-01") <= all);
}

/// `value` with every `promotion` field at every depth set to `promotion`.
fn with_promotion(value: &Value, promotion: &str) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, child)| {
                    let child = if key == "promotion" && child.is_string() {
                        Value::from(promotion)
                    } else {
                        with_promotion(child, promotion)
                    };
                    (key.clone(), child)
                })
                .collect(),
        ),
        Value::Array(items) => {
            Value::Array(items.iter().map(|i| with_promotion(i, promotion)).collect())
        }
        other => other.clone(),
    }
}

#[test]
fn a_schema_accepts_the_promotions_whose_rules_judge_its_records_only() {
    // (kind, the promotions whose published rules judge it) — the texts: no rules for EIG1
    // and DIG1, no grid of the défis' jury for EIG2, candidate grids from EIG4, the AMI 5 bis
    // an application to EIG6.
    let cases: [(&str, &[&str]); 5] = [
        ("eligibility", &["EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7"]),
        ("jury", &["EIG3", "EIG4", "EIG5", "EIG6", "EIG7"]),
        ("campaign", &["EIG3", "EIG4", "EIG5", "EIG6", "EIG7"]),
        ("scores", &["EIG4", "EIG5", "EIG6", "EIG7"]),
        ("ami5bis", &["EIG6"]),
    ];
    for (kind, judged) in cases {
        let shape = shape(kind).unwrap();
        let schema = shape.schema();
        let example = shape.example(None).unwrap();
        for promotion in Promotion::ALL {
            let spelled = promotion.to_string();
            let valid = violations(&schema, &with_promotion(&example, &spelled)).is_empty();
            assert_eq!(valid, judged.contains(&spelled.as_str()), "{kind} of {spelled}");
        }
    }
    // A past participation may be of any promotion: the AMI 5 bis is for EIG5's talents.
    let ami5bis = shape("ami5bis").unwrap();
    let mut example = ami5bis.example(None).unwrap();
    example["candidate"]["status"]["past_participations"][0]["promotion"] = json!("EIG1");
    assert!(violations(&ami5bis.schema(), &example).is_empty());
}

#[test]
fn refusals_the_schema_cannot_state_are_listed_with_documented_codes() {
    let page =
        std::fs::read_to_string(format!("{}/../../docs/errors.md", env!("CARGO_MANIFEST_DIR")))
            .unwrap();
    let mut listed = 0;
    for op in operations() {
        for refusal in op.refusals {
            assert!(page.contains(&format!("`{}`", refusal.code)), "{}: {}", op.id, refusal.code);
            assert!(!refusal.description.is_empty());
            listed += 1;
        }
    }
    assert!(listed > 20, "{listed}");
    // A request that breaks one gets that code: an arrival before the contract's first day.
    let err = run("eig7Terms", r#"{"starts_on": "2024-09-02", "arrived_on": "2024-09-01"}"#, &[])
        .unwrap_err();
    assert_eq!(err.code(), "arrival_before_contract");
    let op = eig_api::operation("eig7Terms").unwrap();
    assert!(op.refusals.iter().any(|r| r.code == err.code()));
}

#[test]
fn a_number_with_a_zero_fraction_is_read_as_an_integer() {
    let answer = run("eig7RecruitmentCap", r#"{"year": 2024.0, "recruited": 12.0}"#, &[]).unwrap();
    let integers = run("eig7RecruitmentCap", r#"{"year": 2024, "recruited": 12}"#, &[]).unwrap();
    assert_eq!(answer, integers);
    let err = run("eig7RecruitmentCap", r#"{"year": 2024.5, "recruited": 12}"#, &[]).unwrap_err();
    assert_eq!((err.code(), err.path()), ("invalid_input", Some("$.year")));
}

#[test]
fn the_case_format_and_the_table_reach_the_same_rule_families() {
    // The case format (eig-cases, a floor below the table) names its inputs itself; each must
    // be the input of an operation of the table (or a record of one), and each operation that
    // judges or computes must have its input among the case format's.
    let case = shape("case").unwrap().schema();
    let properties = case["$defs"]["RawCase"]["properties"].as_object().unwrap();
    let mut case_inputs = BTreeSet::new();
    for (field, schema) in properties {
        let reference = schema["anyOf"][0]["$ref"].as_str().or_else(|| schema["$ref"].as_str());
        if let Some(name) = reference.and_then(|r| r.strip_prefix("#/$defs/")) {
            // Options and a scenario go with their input (matching, funding), not alone.
            if !["options", "scenario"].contains(&field.as_str()) {
                case_inputs.insert(name.to_owned());
            }
        }
    }
    let title = |kind: &str| shape(kind).unwrap().schema()["title"].as_str().unwrap().to_owned();
    // The inputs of the operations, as the Rust types they read; a batch of eligibility
    // judges dossiers and applications.
    let mut operation_inputs = BTreeSet::new();
    for op in operations() {
        match op.input {
            Some("eligibility" | "explain") => {
                operation_inputs.insert(title("dossier"));
                operation_inputs.insert(title("application"));
            }
            // Shapes of the service only: a simulation is a dossier (or an application) and
            // answers; a funding scenario is a funding input and a scenario; a case file is
            // the format itself.
            Some("simulation" | "candidate-simulation" | "funding-request" | "case") | None => {}
            Some(kind) => {
                operation_inputs.insert(title(kind));
            }
        }
    }
    // The split helpers of eig-funding are tested by cases but are arithmetic, not a rule
    // family a program asks the service for.
    let helpers = ["AllocateInput", "EvenlyInput", "SplitInput"];
    let case_families: BTreeSet<String> =
        case_inputs.iter().filter(|name| !helpers.contains(&name.as_str())).cloned().collect();
    assert_eq!(case_families, operation_inputs);
}

#[test]
fn enumerations_are_enums_with_their_descriptions_and_french_labels() {
    let schema = shape("funding").unwrap().schema();
    let route = &schema["$defs"]["FundingRoute"];
    let values = route["enum"].as_array().unwrap();
    assert!(route.get("oneOf").is_none() && values.contains(&json!("direct")));
    for extension in ["x-enum-descriptions", "x-enum-labels"] {
        assert_eq!(route[extension].as_array().unwrap().len(), values.len(), "{extension}");
    }
    let direct = values.iter().position(|value| value == "direct").unwrap();
    assert_eq!(route["x-enum-labels"][direct], "cofinancement direct");
    let plan = shape("funding-plan").unwrap().schema();
    let payers = &plan["$defs"]["Payer"];
    let host = payers["enum"].as_array().unwrap().iter().position(|v| v == "host").unwrap();
    assert_eq!(payers["x-enum-labels"][host], "administration d'accueil");
}
