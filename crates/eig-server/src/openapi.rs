//! The OpenAPI 3.1 document, derived from the operations and their JSON Schemas.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};

use crate::api::{Api, Method};

/// The OpenAPI 3.1 document of `api`: one path item per operation, each body and answer
/// referring to `#/components/schemas/<name>`, and every `$defs` entry of the schemas hoisted
/// into the components (a name that two schemas define differently is prefixed with the
/// schema that uses it). Every error answers `application/problem+json`.
///
/// # Example
/// ```
/// use eig_server::{Api, Method, Operation, openapi};
/// use serde_json::json;
///
/// let mut api = Api::new("eig", "0.1.0");
/// api.schema("Out", json!({"type": "object", "properties": {"id": {"$ref": "#/$defs/Id"}},
///                          "$defs": {"Id": {"type": "string"}}}));
/// api.operation(Operation::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned())));
/// let document = openapi(&api);
/// assert_eq!(document["components"]["schemas"]["Id"], json!({"type": "string"}));
/// assert_eq!(document["components"]["schemas"]["Out"]["properties"]["id"]["$ref"],
///            "#/components/schemas/Id");
/// ```
pub fn openapi(api: &Api) -> Value {
    let components = components(&api.schemas);
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for operation in &api.operations {
        let mut item = json!({
            "summary": operation.summary,
            "operationId": operation.id.clone()
                .unwrap_or_else(|| operation_id(operation.method, &operation.path)),
            "responses": {
                "200": {
                    "description": "La réponse.",
                    "content": {"application/json": {"schema": reference(&operation.output)}}
                },
                "default": {
                    "description": "Un problème (RFC 9457) : statut, message et chemin JSON.",
                    "content": {"application/problem+json": {"schema": reference("Problem")}}
                }
            }
        });
        if let Some(tag) = &operation.tag {
            item["tags"] = json!([tag]);
        }
        if let Some(input) = &operation.input {
            item["requestBody"] = json!({
                "required": true,
                "content": {"application/json": {"schema": reference(input)}}
            });
        }
        if !operation.parameters.is_empty() {
            let parameters: Vec<Value> = operation
                .parameters
                .iter()
                .map(|parameter| {
                    json!({
                        "name": parameter.name,
                        "in": "query",
                        "description": parameter.description,
                        "required": parameter.required,
                        "schema": parameter.schema
                    })
                })
                .collect();
            item["parameters"] = Value::Array(parameters);
        }
        paths
            .entry(operation.path.clone())
            .or_default()
            .insert(operation.method.as_str().to_lowercase(), item);
    }
    paths.entry("/healthz".to_owned()).or_default().insert(
        "get".to_owned(),
        json!({
            "summary": "Répond tant que le service tourne (pour un répartiteur de charge).",
            "operationId": "getHealthz",
            "responses": {"200": {"description": "Le service répond.",
                "content": {"application/json": {"schema": reference("Health")}}}}
        }),
    );
    paths.entry("/openapi.json".to_owned()).or_default().insert(
        "get".to_owned(),
        json!({
            "summary": "Ce document.",
            "operationId": "getOpenapi",
            "responses": {"200": {"description": "Le document OpenAPI 3.1.",
                "content": {"application/json": {"schema": {"type": "object"}}}}}
        }),
    );
    let mut schemas = components;
    schemas.insert("Problem".to_owned(), problem_schema());
    schemas.insert(
        "Health".to_owned(),
        json!({"type": "object", "required": ["status"], "properties": {"status": {"const": "ok"}},
               "additionalProperties": false}),
    );
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": api.title,
            "version": api.version,
            "description": "Les règles du programme Entrepreneurs d'intérêt général, en JSON. \
                            Sans état : chaque réponse ne dépend que de la requête.",
            "license": {"name": "MIT OR Apache-2.0", "identifier": "MIT OR Apache-2.0"}
        },
        "jsonSchemaDialect": "https://json-schema.org/draft/2020-12/schema",
        "paths": paths,
        "components": {"schemas": schemas}
    })
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

/// `post /v1/funding/scenario` → `postV1FundingScenario`.
fn operation_id(method: Method, path: &str) -> String {
    let mut id = method.as_str().to_lowercase();
    for word in path.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()) {
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            id.push(first.to_ascii_uppercase());
            id.extend(chars);
        }
    }
    id
}

/// The schemas with their `$defs` hoisted, every `#/$defs/X` rewritten.
fn components(schemas: &BTreeMap<String, Value>) -> Map<String, Value> {
    let mut out = Map::new();
    // First pass: which names are defined differently by two schemas.
    let mut seen: BTreeMap<String, Value> = BTreeMap::new();
    let mut clash: Vec<String> = Vec::new();
    for schema in schemas.values() {
        if let Some(Value::Object(defs)) = schema.get("$defs") {
            for (name, def) in defs {
                match seen.get(name) {
                    Some(other) if other != def => clash.push(name.clone()),
                    Some(_) => {}
                    None => {
                        seen.insert(name.clone(), def.clone());
                    }
                }
            }
        }
    }
    for (root, schema) in schemas {
        let mut schema = schema.clone();
        let defs = match &mut schema {
            Value::Object(map) => {
                map.remove("$schema");
                map.remove("$defs")
            }
            _ => None,
        };
        let rename = |name: &str| {
            if clash.iter().any(|c| c == name) { format!("{root}_{name}") } else { name.to_owned() }
        };
        rewrite(&mut schema, &rename);
        out.insert(root.clone(), schema);
        if let Some(Value::Object(defs)) = defs {
            for (name, mut def) in defs {
                rewrite(&mut def, &rename);
                out.insert(rename(&name), def);
            }
        }
    }
    out
}

/// Rewrites every `"$ref": "#/$defs/X"` in `value` to `#/components/schemas/<rename(X)>`.
fn rewrite(value: &mut Value, rename: &dyn Fn(&str) -> String) {
    match value {
        Value::Object(map) => {
            for (key, child) in map.iter_mut() {
                if key == "$ref"
                    && let Value::String(target) = child
                    && let Some(name) = target.strip_prefix("#/$defs/")
                {
                    *target = format!("#/components/schemas/{}", rename(name));
                } else {
                    rewrite(child, rename);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| rewrite(item, rename)),
        _ => {}
    }
}

/// The schema of [`crate::Problem`].
fn problem_schema() -> Value {
    json!({
        "type": "object",
        "description": "Un problème (RFC 9457).",
        "required": ["type", "title", "status", "detail", "code"],
        "properties": {
            "type": {"type": "string", "description": "URI du genre de problème"},
            "title": {"type": "string"},
            "status": {"type": "integer", "minimum": 400, "maximum": 599},
            "detail": {"type": "string", "description": "Le message de la commande eig"},
            "code": {"type": "string", "description": "Le code stable de l'erreur (docs/errors.md)"},
            "instance": {"type": "string"},
            "path": {"type": "string", "description": "Chemin JSON de la valeur en cause"},
            "line": {"type": "integer", "minimum": 1},
            "column": {"type": "integer", "minimum": 0}
        },
        "additionalProperties": false
    })
}
