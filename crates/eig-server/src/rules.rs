//! The service's API, derived from the table of operations of `eig-api`: one route per
//! operation, one schema per shape, and for each shape its schema and its example. Nothing
//! here names an operation: adding one to the table adds its route.

use eig_api::{ApiError, Direction, ParamType, Request, Surface};
use serde_json::{Value, json};

use crate::{
    api::{Api, Endpoint, HandlerInput, Method, QueryParameter},
    problem::Problem,
};

/// The JSON Schema of a parameter's value, with every constraint the operation checks.
fn param_schema(kind: ParamType) -> Value {
    match kind {
        ParamType::Boolean => json!({"type": "boolean"}),
        ParamType::Integer { max } => json!({"type": "integer", "minimum": 0, "maximum": max}),
        ParamType::Date => json!({"type": "string", "format": "date",
                                  "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}),
        ParamType::Promotion => json!({"type": "string", "enum": eig_domain::Promotion::ALL
            .iter().map(ToString::to_string).collect::<Vec<_>>()}),
        _ => json!({"type": "string"}),
    }
}

/// The request of a call, from the service (messages name HTTP resources), stopped by the
/// service's flag and capped by its limits.
fn request<'a>(call: &HandlerInput<'a>) -> Request<'a> {
    Request::new(call.body, call.query, Surface::Http)
        .interruptible(call.stop)
        .with_max_nodes(call.max_nodes)
}

/// A handler that runs `run` on the call.
fn handler(
    run: impl Fn(&Request<'_>) -> Result<String, ApiError> + Send + Sync + 'static,
) -> impl Fn(&HandlerInput<'_>) -> Result<String, Problem> + Send + Sync + 'static {
    move |call| run(&request(call)).map_err(|err| Problem::from_error(&err))
}

/// The API of `eig serve`: every operation of [`eig_api::operations`] at its path, with its
/// schemas and parameters, then for every shape of [`eig_api::shapes`]
/// `GET /v1/schemas/<kind>` and `GET /v1/examples/<kind>`.
///
/// # Example
/// ```
/// let api = eig_server::rules_api();
/// assert!(api.endpoints.iter().any(|op| op.path == "/v1/selection"));
/// assert!(api.endpoints.iter().any(|op| op.path == "/v1/examples/jury"));
/// assert!(api.schemas.contains_key("JurySheet"));
/// ```
pub fn rules_api() -> Api {
    let mut api = Api::new("eig", env!("CARGO_PKG_VERSION"));
    for shape in eig_api::shapes() {
        api.schema(shape.name, shape.schema());
    }
    let name_of =
        |kind: &str| eig_api::shape(kind).map_or_else(|| kind.to_owned(), |s| s.name.to_owned());
    for op in eig_api::operations() {
        let method = op.method;
        // The answer is written as it is computed: a batch is sent while it is decided.
        let mut operation =
            Endpoint::writing(method, op.path, op.summary, name_of(op.output), |call, sink| {
                op.write_to(&request(call), sink).map_err(|err| Problem::from_error(&err))
            })
            .named(op.id, op.tag);
        if !op.searches {
            operation = operation.quick();
        }
        if let Some(input) = op.input {
            operation = operation.with_input(name_of(input));
        }
        for refusal in op.refusals {
            operation = operation.with_refusal(refusal.code, refusal.description);
        }
        for param in op.params {
            operation = operation.with_parameter(QueryParameter {
                name: param.name,
                description: param.description,
                required: false,
                schema: param_schema(param.kind),
            });
        }
        api.endpoint(operation);
    }
    for shape in eig_api::shapes() {
        let kind = shape.kind;
        let what = match shape.direction {
            Direction::Input => "entrée",
            _ => "résultat",
        };
        api.endpoint(
            Endpoint::new(
                Method::Get,
                format!("/v1/schemas/{kind}"),
                format!("Le schéma JSON de {kind} ({what}) : {}", shape.summary),
                "JsonSchema",
                move |_| Ok(shape.schema().to_string()),
            )
            .named(format!("schemaOf{}", camel(kind)), "schemas")
            .quick(),
        );
        let mut example = Endpoint::new(
            Method::Get,
            format!("/v1/examples/{kind}"),
            format!("Un exemple valable de {kind} ({what}) : {}", shape.summary),
            shape.name,
            handler(move |request| {
                let promotion = request.promotion("promotion")?;
                shape.example(promotion).map(|example| example.to_string())
            }),
        )
        .named(format!("exampleOf{}", camel(kind)), "examples")
        .quick();
        // The promotions it has an example of its own for, and no parameter where it has none.
        let promotions = shape.promotions();
        if !promotions.is_empty() {
            example = example.with_parameter(QueryParameter {
                name: "promotion",
                description: "Un exemple complet de cette promotion ; sans elle, celui d'EIG3.",
                required: false,
                schema: json!({"type": "string", "enum": promotions
                    .iter().map(ToString::to_string).collect::<Vec<_>>()}),
            });
        }
        api.endpoint(example);
    }
    api
}

/// `eig7-terms-result` → `Eig7TermsResult`.
fn camel(kind: &str) -> String {
    kind.split('-')
        .map(|word| {
            let mut chars = word.chars();
            chars.next().map_or_else(String::new, |first| {
                first.to_ascii_uppercase().to_string() + chars.as_str()
            })
        })
        .collect()
}

/// The operations of the table and the service's routes, by (path, method): for the test
/// that every surface lists the same operations.
#[cfg(test)]
pub(crate) fn routes(api: &Api) -> std::collections::BTreeMap<(String, Method), String> {
    api.endpoints
        .iter()
        .map(|op| ((op.path.clone(), op.method), op.id.clone().unwrap_or_default()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_operation_of_the_table_has_its_route() {
        let routes = routes(&rules_api());
        for op in eig_api::operations() {
            assert_eq!(
                routes.get(&(op.path.to_owned(), op.method)).map(String::as_str),
                Some(op.id)
            );
        }
        for shape in eig_api::shapes() {
            assert!(routes.contains_key(&(format!("/v1/schemas/{}", shape.kind), Method::Get)));
            assert!(routes.contains_key(&(format!("/v1/examples/{}", shape.kind), Method::Get)));
        }
        assert_eq!(camel("eig7-terms-result"), "Eig7TermsResult");
    }
}
