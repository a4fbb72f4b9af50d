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
/// use eig_server::{Api, Method, Endpoint, openapi};
/// use serde_json::json;
///
/// let mut api = Api::new("eig", "0.1.0");
/// api.schema("Out", json!({"type": "object", "properties": {"id": {"$ref": "#/$defs/Id"}},
///                          "$defs": {"Id": {"type": "string"}}}));
/// api.endpoint(Endpoint::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned())));
/// let document = openapi(&api);
/// assert_eq!(document["components"]["schemas"]["Id"], json!({"type": "string"}));
/// assert_eq!(document["components"]["schemas"]["Out"]["properties"]["id"]["$ref"],
///            "#/components/schemas/Id");
/// ```
pub fn openapi(api: &Api) -> Value {
    let components = components(&api.schemas);
    let mut paths: BTreeMap<String, Map<String, Value>> = BTreeMap::new();
    for operation in &api.endpoints {
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
        if !operation.refusals.is_empty() {
            refusals(&mut item, &operation.refusals);
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

/// The refusals a request its schemas accept can still get, on an operation's item: for a
/// person in its description, for a program (a fuzzer, a client) as `x-eig-refusals`.
fn refusals(item: &mut Value, refusals: &[(String, String)]) {
    let mut description = String::from(
        "Une demande que ses schémas acceptent peut encore être refusée (422), pour une relation \
         entre ses champs ou avec les règles publiées de sa promotion que JSON Schema n'exprime \
         pas :",
    );
    for (code, when) in refusals {
        description.push_str("\n- `");
        description.push_str(code);
        description.push_str("` : ");
        description.push_str(when);
    }
    item["description"] = Value::String(description);
    item["x-eig-refusals"] =
        refusals.iter().map(|(code, when)| json!({"code": code, "description": when})).collect();
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
    // Every definition is a node: each schema itself (named after it) and each of its
    // `$defs`. Two nodes of one name are the same component when their texts are equal and
    // the nodes they refer to are the same, at every depth (two `DefiDossier`s both
    // referring to `#/$defs/Promotion` differ when their `Promotion`s do): classes of equal
    // text, split by the classes of what they refer to until no class splits.
    let mut nodes: Vec<Node> = Vec::new();
    for (root, schema) in schemas {
        let mut schema = schema.clone();
        let defs = match &mut schema {
            Value::Object(map) => {
                map.remove("$schema");
                map.remove("$defs")
            }
            _ => None,
        };
        nodes.push(Node::new(root, root, schema));
        if let Some(Value::Object(defs)) = defs {
            for (name, def) in defs {
                if name != *root {
                    nodes.push(Node::new(root, &name, def));
                }
            }
        }
    }
    let index: BTreeMap<(&str, &str), usize> = nodes
        .iter()
        .enumerate()
        .map(|(at, node)| ((node.root.as_str(), node.name.as_str()), at))
        .collect();
    let targets: Vec<Vec<Option<usize>>> = nodes
        .iter()
        .map(|node| {
            node.refs
                .iter()
                .map(|name| index.get(&(node.root.as_str(), name.as_str())).copied())
                .collect()
        })
        .collect();
    let mut class = numbered(nodes.iter().map(|node| (node.name.clone(), node.text.clone())));
    loop {
        let refined = numbered((0..nodes.len()).map(|at| {
            let of_targets: Vec<Option<usize>> =
                targets[at].iter().map(|target| target.map(|t| class[t])).collect();
            (class[at], of_targets)
        }));
        let count =
            |classes: &[usize]| classes.iter().collect::<std::collections::BTreeSet<_>>().len();
        let stable = count(&refined) == count(&class);
        class = refined;
        if stable {
            break;
        }
    }
    // Names: a name of one class keeps it; otherwise the class holding the schema of that name
    // keeps it and every other class is prefixed with the first schema that uses it.
    let mut classes_of_name: BTreeMap<&str, std::collections::BTreeSet<usize>> = BTreeMap::new();
    for (at, node) in nodes.iter().enumerate() {
        classes_of_name.entry(node.name.as_str()).or_default().insert(class[at]);
    }
    let mut name_of_class: BTreeMap<usize, String> = BTreeMap::new();
    for (at, node) in nodes.iter().enumerate() {
        let shared = classes_of_name[node.name.as_str()].len() > 1;
        let is_root = node.root == node.name;
        let name = if !shared || is_root {
            node.name.clone()
        } else {
            format!("{}_{}", node.root, node.name)
        };
        // The schema's own node names its class; otherwise the first node met does.
        if is_root {
            name_of_class.insert(class[at], name);
        } else {
            name_of_class.entry(class[at]).or_insert(name);
        }
    }
    let mut out = Map::new();
    for (at, node) in nodes.iter().enumerate() {
        let name = &name_of_class[&class[at]];
        if out.contains_key(name) {
            continue;
        }
        let mut content = node.content.clone();
        let rename = |target: &str| {
            index
                .get(&(node.root.as_str(), target))
                .map_or_else(|| target.to_owned(), |t| name_of_class[&class[*t]].clone())
        };
        rewrite(&mut content, &rename);
        out.insert(name.clone(), content);
    }
    out
}

/// A definition of a schema: the schema itself or one of its `$defs`.
struct Node {
    /// The schema it is in.
    root: String,
    /// Its name.
    name: String,
    /// Its content, without a schema's `title`: that is its Rust type's name, which two
    /// components may share (`Ami5bisApplication` and `CandidateApplication`), and client
    /// generators name models after it, so the component's name is its only name.
    content: Value,
    /// Its content's text: what equality compares.
    text: String,
    /// The names it refers to (`#/$defs/X`), in order.
    refs: Vec<String>,
}

impl Node {
    fn new(root: &str, name: &str, mut content: Value) -> Node {
        if let Value::Object(map) = &mut content {
            map.remove("title");
        }
        let mut refs = Vec::new();
        references(&content, &mut refs);
        Node {
            root: root.to_owned(),
            name: name.to_owned(),
            text: content.to_string(),
            content,
            refs,
        }
    }
}

/// The names of the `#/$defs/X` references in `value`, in order.
fn references(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, child) in map {
                match (key.as_str(), child) {
                    ("$ref", Value::String(target)) => {
                        if let Some(name) = target.strip_prefix("#/$defs/") {
                            out.push(name.to_owned());
                        }
                    }
                    _ => references(child, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|item| references(item, out)),
        _ => {}
    }
}

/// Each key replaced by a number, equal keys by equal numbers.
fn numbered<K: Ord>(keys: impl Iterator<Item = K>) -> Vec<usize> {
    let mut seen: BTreeMap<K, usize> = BTreeMap::new();
    keys.map(|key| {
        let next = seen.len();
        *seen.entry(key).or_insert(next)
    })
    .collect()
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
