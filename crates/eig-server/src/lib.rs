//! The HTTP service of `eig serve`: the rules of the *Entrepreneurs d'intérêt général*
//! programme as a stateless JSON API, its OpenAPI 3.1 document, and the simulator page.
//!
//! This crate knows HTTP and nothing of the rules: the caller (the `eig` command) describes
//! each endpoint as an [`Endpoint`] — its path, the JSON Schemas of its input and output, and
//! a synchronous handler that parses the body and calls the libraries — and [`serve`] runs
//! them behind safe defaults ([`Limits`]): a body limit, a request timeout, a concurrency
//! limit, `application/problem+json` errors ([`Problem`], RFC 9457), one log line per request
//! on standard error and a graceful shutdown. [`openapi`] derives the OpenAPI document from
//! the same schemas the command prints with `eig schema`; nothing of it is written by hand.
//!
//! The page at `/` (HTML, CSS and JavaScript embedded in the binary: no CDN, no build step)
//! drives the API: it asks a host administration only the inputs an incomplete decision (outcome `incomplete`)
//! names as missing.
//!
//! # Example
//! ```
//! use eig_server::{Api, Method, Endpoint, Problem, openapi};
//! use serde_json::json;
//!
//! let mut api = Api::new("exemple", "0.1.0");
//! api.schema("Echo", json!({"type": "object"}));
//! api.endpoint(Endpoint::new(Method::Post, "/v1/echo", "Renvoie le corps reçu.", "Echo",
//!     |call| Ok(call.body.to_owned()))
//!     .with_input("Echo"));
//! let document = openapi(&api);
//! assert_eq!(document["openapi"], "3.1.0");
//! assert!(document["paths"]["/v1/echo"]["post"].is_object());
//! ```

pub use crate::{
    api::{Api, Endpoint, Handler, HandlerInput, Method, QueryParameter},
    openapi::openapi,
    pages::{
        Coverage, NORMATIVE, NormativeSentence, coverage, coverage_markdown, is_normative,
        layout_paragraphs, rule_pages, states_rules,
    },
    problem::Problem,
    rules::rules_api,
    server::{Limits, request_cost, router, serve, shutdown_signal},
};

mod api;
mod openapi;
mod page;
mod pages;
mod problem;
mod rules;
mod server;
