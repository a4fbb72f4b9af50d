//! docs/testing.md's table of expected fields is generated from the JSON Schemas of the case
//! results (`eig_cases::result::result_schemas`): a field added to a result, or a word of its
//! documentation changed, fails this test until the page is regenerated
//! (`EIG_UPDATE_DOCS=1 cargo test -p eig-api --test it case_results`).

use std::fmt::Write as _;

use serde_json::{Map, Value};

/// The types of eig-cases' result module, whose fields the table lists in turn.
const EXPANDED: &[&str] = &[
    "DecisionResult",
    "ErrorResult",
    "Eig7Dates",
    "TerminationDates",
    "ChangeResult",
    "ChangeSetResult",
    "TalentResult",
];

/// The JSON Schema of each nested shape that is not expanded, by its definition's name: the
/// `eig schema` form that holds it.
const ELSEWHERE: &[(&str, &str)] = &[
    ("DefiPlan", "funding-plan"),
    ("TalentPlan", "funding-plan"),
    ("EnvelopeOutcome", "funding-plan"),
    ("Formula", "funding-plan"),
    ("RecruitmentCap", "eig7-cap-result"),
];

const BEGIN: &str = "<!-- expected-fields: begin (generated";
const END: &str = "<!-- expected-fields: end -->";

fn definition<'a>(defs: &'a Map<String, Value>, schema: &'a Value) -> (Option<&'a str>, &'a Value) {
    match schema.get("$ref").and_then(Value::as_str) {
        Some(reference) => {
            let name = reference.rsplit('/').next().unwrap_or(reference);
            (Some(name), defs.get(name).unwrap_or(schema))
        }
        None => (None, schema),
    }
}

/// The schema without its `null` alternative (an optional field).
fn present(schema: &Value) -> &Value {
    match schema.get("anyOf").and_then(Value::as_array) {
        Some(alternatives) if alternatives.len() == 2 => alternatives
            .iter()
            .find(|alternative| alternative.get("type") != Some(&Value::from("null")))
            .unwrap_or(schema),
        _ => schema,
    }
}

/// The values of an enumeration of strings, if `schema` is one.
fn values(schema: &Value) -> Option<Vec<String>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(|v| v.as_str().map(|v| format!("`{v}`"))).collect();
    }
    let variants = schema.get("oneOf").and_then(Value::as_array)?;
    variants
        .iter()
        .map(|variant| {
            let value = variant.get("const").or_else(|| variant.get("enum")?.get(0))?;
            value.as_str().map(|v| format!("`{v}`"))
        })
        .collect()
}

/// The type of a field, in words, and the shape its fields are listed under (if expanded).
fn type_of<'a>(defs: &'a Map<String, Value>, schema: &'a Value) -> (String, Option<&'a Value>) {
    let schema = present(schema);
    let constrains = |key: &str| schema.get(key).is_some();
    if !["type", "$ref", "anyOf", "oneOf", "enum", "const"].into_iter().any(constrains) {
        return ("any JSON value".to_owned(), None);
    }
    let (name, resolved) = definition(defs, schema);
    if let Some(values) = values(resolved) {
        return (values.join(" \\| "), None);
    }
    if let Some(name) = name {
        if EXPANDED.contains(&name) {
            return ("object".to_owned(), Some(resolved));
        }
        if let Some((_, form)) = ELSEWHERE.iter().find(|(n, _)| *n == name) {
            return (format!("object (`eig schema {form}`)"), None);
        }
    }
    // An optional field's type is `[T, "null"]`.
    let kind = match resolved.get("type") {
        Some(Value::Array(kinds)) => {
            kinds.iter().filter_map(Value::as_str).find(|kind| *kind != "null").unwrap_or_default()
        }
        kind => kind.and_then(Value::as_str).unwrap_or_default(),
    };
    match kind {
        "array" => {
            let (item, fields) = type_of(defs, resolved.get("items").unwrap_or(&Value::Null));
            (format!("list of {item}"), fields)
        }
        "object" if resolved.get("properties").is_none() => {
            let values = resolved.get("additionalProperties").unwrap_or(&Value::Null);
            let (value, fields) = type_of(defs, values);
            let key = match resolved.get("propertyNames").map(|keys| definition(defs, keys).1) {
                Some(keys) => values_of_keys(keys),
                None => "text".to_owned(),
            };
            (format!("map of {key} → {value}"), fields)
        }
        "object" => ("object".to_owned(), Some(resolved)),
        "string" if resolved.get("format") == Some(&Value::from("date")) => {
            ("date (`YYYY-MM-DD`)".to_owned(), None)
        }
        "string" if resolved.get("pattern").is_some() && name == Some("Euros") => {
            ("amount in euros (text: `'70000.00'`)".to_owned(), None)
        }
        "string" => ("text".to_owned(), None),
        "integer" => ("integer".to_owned(), None),
        "boolean" => ("`true` \\| `false`".to_owned(), None),
        _ => panic!("no words for the type of {schema}: name it in ELSEWHERE or EXPANDED"),
    }
}

fn values_of_keys(keys: &Value) -> String {
    values(keys).map_or_else(|| "text".to_owned(), |values| values.join(" \\| "))
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").replace('|', "\\|")
}

/// The rows of `shape`'s fields, under `prefix`.
fn rows(defs: &Map<String, Value>, shape: &Value, prefix: &str, out: &mut String) {
    let Some(properties) = shape.get("properties").and_then(Value::as_object) else { return };
    let mut names: Vec<&String> = properties.keys().collect();
    // The fields in the order the type declares them (schemars keeps it) would do, but a
    // flattened field's are merged: sort for a stable page.
    names.sort();
    for name in names {
        let field = &properties[name];
        let path = format!("{prefix}{name}");
        let (kind, fields) = type_of(defs, field);
        let meaning = field
            .get("description")
            .or_else(|| definition(defs, present(field)).1.get("description"))
            .and_then(Value::as_str)
            .map(one_line)
            .unwrap_or_default();
        writeln!(out, "| `{path}` | {kind} | {meaning} |").unwrap();
        if let Some(fields) = fields {
            let nested = match kind.as_str() {
                k if k.starts_with("list of") => format!("{path}[]."),
                k if k.starts_with("map of") => format!("{path}.*."),
                _ => format!("{path}."),
            };
            rows(defs, fields, &nested, out);
        }
    }
}

fn generated() -> String {
    let mut out = String::new();
    for (kinds, schema) in eig_cases::result::result_schemas() {
        let schema = schema.as_value();
        let defs = schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default();
        let kinds: Vec<String> = kinds.iter().map(|kind| format!("`{kind}`")).collect();
        writeln!(out, "\n#### {}\n", kinds.join(", ")).unwrap();
        writeln!(out, "| Field | Type | Meaning |\n|---|---|---|").unwrap();
        match schema.get("anyOf").and_then(Value::as_array) {
            // An untagged result: each alternative.
            Some(alternatives) => {
                for alternative in alternatives {
                    let (kind, fields) = type_of(&defs, alternative);
                    if let Some(fields) = fields {
                        rows(&defs, fields, "", &mut out);
                    } else {
                        let meaning = alternative
                            .get("description")
                            .and_then(Value::as_str)
                            .map(one_line)
                            .unwrap_or_default();
                        writeln!(out, "| (the result) | {kind} | {meaning} |").unwrap();
                    }
                }
            }
            None => rows(&defs, schema, "", &mut out),
        }
    }
    out
}

#[test]
fn docs_testing_lists_every_expected_field() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/testing.md");
    let page = std::fs::read_to_string(&path).unwrap();
    let start = page.find(BEGIN).expect("docs/testing.md has the expected-fields markers");
    let body_start = start + page[start..].find("-->").unwrap() + 3;
    let end = page.find(END).unwrap();
    let body = generated();
    if page[body_start..end] != body {
        if std::env::var_os("EIG_UPDATE_DOCS").is_some() {
            let updated = format!("{}{}{}", &page[..body_start], body, &page[end..]);
            std::fs::write(&path, updated).unwrap();
        } else {
            panic!(
                "docs/testing.md's expected fields differ from the case results' schemas: \
                 regenerate them (EIG_UPDATE_DOCS=1 cargo test -p eig-api --test it case_results)"
            );
        }
    }
}
