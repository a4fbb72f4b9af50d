//! docs/testing.md's table of expected fields is generated from the JSON Schemas of the case
//! results (`eig_cases::result::result_schemas`): a field added to a result, or a word of its
//! documentation changed, fails this test until the page is regenerated
//! (`EIG_UPDATE_DOCS=1 cargo test -p eig-api --test it case_results`). Every field is listed,
//! down to the last: an object's fields in turn, whichever crate defines it, and for a tagged
//! union (a funding formula, an envelope's outcome) its tag, then each field with the forms
//! that have it.

use std::{collections::BTreeMap, fmt::Write as _};

use serde_json::{Map, Value};

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
    // A shape of objects: its fields are listed in turn, whichever crate defines it.
    if resolved.get("properties").is_some() {
        return ("object".to_owned(), Some(resolved));
    }
    if forms(defs, resolved).is_some() {
        return ("object, one of the forms below".to_owned(), Some(resolved));
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
        "object" => {
            let values = resolved.get("additionalProperties").unwrap_or(&Value::Null);
            let (value, fields) = type_of(defs, values);
            let key = match resolved.get("propertyNames").map(|keys| definition(defs, keys).1) {
                Some(keys) => values_of_keys(keys),
                None => "text".to_owned(),
            };
            (format!("map of {key} → {value}"), fields)
        }
        "string" if resolved.get("format") == Some(&Value::from("date")) => {
            ("date (`YYYY-MM-DD`)".to_owned(), None)
        }
        "string" if resolved.get("pattern").is_some() && name == Some("Euros") => {
            ("amount in euros (text: `'70000.00'`)".to_owned(), None)
        }
        "string" => ("text".to_owned(), None),
        "integer" => ("integer".to_owned(), None),
        "boolean" => ("`true` \\| `false`".to_owned(), None),
        _ => panic!("no words for the type of {schema}: give them here"),
    }
}

fn values_of_keys(keys: &Value) -> String {
    values(keys).map_or_else(|| "text".to_owned(), |values| values.join(" \\| "))
}

/// A description on one line, its rustdoc links (`` [`Payer::of_promotion`] ``) as plain code.
fn one_line(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace("[`", "`")
        .replace("`]", "`")
        .replace('|', "\\|")
}

/// The forms of a tagged union of objects (serde's `#[serde(tag = "…")]`): the tag's name,
/// and each form's tag value and object; `None` when `shape` is not one.
fn forms<'a>(
    defs: &'a Map<String, Value>,
    shape: &'a Value,
) -> Option<(&'a str, Vec<(&'a str, &'a Value)>)> {
    let alternatives = shape.get("oneOf").or_else(|| shape.get("anyOf"))?.as_array()?;
    let objects: Vec<&Value> =
        alternatives.iter().map(|alternative| definition(defs, alternative).1).collect();
    let first = objects.first()?.get("properties")?.as_object()?;
    let constant = |object: &'a Value, tag: &str| -> Option<&'a str> {
        let property = object.get("properties")?.get(tag)?;
        property.get("const").or_else(|| property.get("enum")?.get(0))?.as_str()
    };
    let tag = first.keys().find(|tag| objects.iter().all(|o| constant(o, tag).is_some()))?;
    Some((tag, objects.iter().map(|object| (constant(object, tag).unwrap(), *object)).collect()))
}

/// The rows of `shape`'s fields, under `prefix`: an object's fields, or the fields of each
/// form of a tagged union (its tag first, then each field with the forms that have it).
fn rows(defs: &Map<String, Value>, shape: &Value, prefix: &str, out: &mut String) {
    if let Some((tag, forms)) = forms(defs, shape) {
        let meanings: Vec<String> = forms
            .iter()
            .map(|(value, form)| {
                let meaning = form.get("description").and_then(Value::as_str).unwrap_or_default();
                format!("`{value}`: {}", one_line(meaning))
            })
            .collect();
        let values: Vec<String> = forms.iter().map(|(value, _)| format!("`{value}`")).collect();
        writeln!(out, "| `{prefix}{tag}` | {} | {} |", values.join(" \\| "), meanings.join(" "))
            .unwrap();
        // Each field once, with the forms that have it.
        let mut fields: BTreeMap<&String, (Vec<&str>, &Value)> = BTreeMap::new();
        for (value, form) in &forms {
            let properties = form.get("properties").and_then(Value::as_object);
            for (name, field) in properties.into_iter().flatten().filter(|(name, _)| *name != tag) {
                fields.entry(name).or_insert((Vec::new(), field)).0.push(value);
            }
        }
        for (name, (values, field)) in fields {
            let values: Vec<String> = values.iter().map(|value| format!("`{value}`")).collect();
            let when = format!("(when `{tag}` is {}) ", values.join(" or "));
            row(defs, field, &format!("{prefix}{name}"), &when, out);
        }
        return;
    }
    let Some(properties) = shape.get("properties").and_then(Value::as_object) else { return };
    let mut names: Vec<&String> = properties.keys().collect();
    // The fields in the order the type declares them (schemars keeps it) would do, but a
    // flattened field's are merged: sort for a stable page.
    names.sort();
    for name in names {
        row(defs, &properties[name], &format!("{prefix}{name}"), "", out);
    }
}

/// The row of one field at `path`, its meaning after `when`, then the rows of its fields.
fn row(defs: &Map<String, Value>, field: &Value, path: &str, when: &str, out: &mut String) {
    let (kind, fields) = type_of(defs, field);
    let meaning = field
        .get("description")
        .or_else(|| definition(defs, present(field)).1.get("description"))
        .and_then(Value::as_str)
        .map(one_line)
        .unwrap_or_default();
    writeln!(out, "| `{path}` | {kind} | {when}{meaning} |").unwrap();
    if let Some(fields) = fields {
        let nested = match kind.as_str() {
            k if k.starts_with("list of") => format!("{path}[]."),
            k if k.starts_with("map of") => format!("{path}.*."),
            _ => format!("{path}."),
        };
        rows(defs, fields, &nested, out);
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
