//! The public builders of the service's types: each keeps what it is given, where a client
//! reads it (the OpenAPI document, the problem document).

use eig_server::{Api, Endpoint, Method, Problem, openapi};
use serde_json::json;

#[test]
fn a_refusal_given_to_an_endpoint_is_listed_in_the_openapi_document() {
    let mut api = Api::new("test", "0.0.0");
    api.schema("Out", json!({"type": "object"}));
    api.endpoint(
        Endpoint::new(Method::Post, "/v1/thing", "Une chose.", "Out", |_| Ok("{}".to_owned()))
            .with_refusal("promotion_mismatch", "Un dossier d'une autre promotion.")
            .with_refusal("route_not_open", "Une voie que la promotion n'ouvre pas."),
    );
    let endpoint = &api.endpoints[0];
    assert_eq!(
        endpoint.refusals,
        [
            ("promotion_mismatch".to_owned(), "Un dossier d'une autre promotion.".to_owned()),
            ("route_not_open".to_owned(), "Une voie que la promotion n'ouvre pas.".to_owned()),
        ]
    );
    let document = openapi(&api);
    assert_eq!(
        document["paths"]["/v1/thing"]["post"]["x-eig-refusals"],
        json!([
            {"code": "promotion_mismatch", "description": "Un dossier d'une autre promotion."},
            {"code": "route_not_open", "description": "Une voie que la promotion n'ouvre pas."},
        ])
    );
}

#[test]
fn a_code_given_to_a_problem_is_its_code_and_nothing_else_changes() {
    let unjudgeable = Problem::unjudgeable("La voie n'est pas ouverte.");
    assert_eq!(unjudgeable.code, "unjudgeable");
    let coded = unjudgeable.clone().with_code("route_not_open");
    assert_eq!(coded.code, "route_not_open");
    assert_eq!(coded.document("/v1/funding")["code"], "route_not_open");
    assert_eq!(Problem { code: "unjudgeable", ..coded }, unjudgeable);
}
