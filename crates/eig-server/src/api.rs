//! What the service answers: endpoints, each with its schemas and its handler.

use std::{
    collections::BTreeMap,
    sync::{Arc, atomic::AtomicBool},
};

pub use eig_api::Method;

use crate::problem::Problem;

/// What a handler receives: the body (empty for `GET`), the query parameters, and what
/// bounds its work.
#[derive(Debug)]
#[non_exhaustive]
pub struct HandlerInput<'a> {
    /// The request body, UTF-8 (a body that is not UTF-8 is refused before the handler).
    pub body: &'a str,
    /// The query parameters, by name (the last one wins when a name is repeated).
    pub query: &'a BTreeMap<String, String>,
    /// Set by the service when the request outlives its timeout or the process shuts down:
    /// a handler whose work the request can make long checks it and stops.
    pub stop: &'a AtomicBool,
    /// The service's cap on the exact search's `node_limit` ([`crate::Limits::max_nodes`]).
    pub max_nodes: u64,
}

impl<'a> HandlerInput<'a> {
    /// A call of `body` and `query`, never stopped, with no cap of the service's own.
    ///
    /// # Example
    /// ```
    /// use std::{collections::BTreeMap, sync::atomic::AtomicBool};
    ///
    /// let (query, stop) = (BTreeMap::new(), AtomicBool::new(false));
    /// let call = eig_server::HandlerInput::new("{}", &query, &stop);
    /// assert_eq!(call.max_nodes, u64::MAX);
    /// ```
    pub fn new(body: &'a str, query: &'a BTreeMap<String, String>, stop: &'a AtomicBool) -> Self {
        HandlerInput { body, query, stop, max_nodes: u64::MAX }
    }
}

/// A synchronous handler: parses the call, calls the libraries and writes the JSON answer to
/// the sink as it is computed (a large answer is sent while it is written, never held whole),
/// or returns the problem — before writing anything, for a problem of the request. It runs on
/// a blocking thread, so it may take time; a failed write means the service gave up on the
/// request (its deadline, the client gone): the handler stops and returns any problem.
pub type Handler =
    Arc<dyn Fn(&HandlerInput<'_>, &mut dyn std::io::Write) -> Result<(), Problem> + Send + Sync>;

/// A query parameter of a `GET` operation.
#[derive(Clone, Debug)]
pub struct QueryParameter {
    /// Its name.
    pub name: &'static str,
    /// What it means, in French.
    pub description: &'static str,
    /// Whether it must be given.
    pub required: bool,
    /// The JSON Schema of its value (`{"type": "boolean"}`, `{"type": "string", "format":
    /// "date"}`…), every constraint the operation checks.
    pub schema: serde_json::Value,
}

/// One endpoint: a method and a path, the schemas of its input and output, its handler.
#[derive(Clone)]
pub struct Endpoint {
    /// The method.
    pub method: Method,
    /// The path (`/v1/eligibility`).
    pub path: String,
    /// One line on what it does, in French.
    pub summary: String,
    /// Its name for programs (the OpenAPI `operationId`, `decideEligibility`); derived from
    /// the method and the path when `None`.
    pub id: Option<String>,
    /// The group it belongs to (an OpenAPI tag).
    pub tag: Option<String>,
    /// The name of the input body's schema among [`Api::schema`]s (`POST` only).
    pub input: Option<String>,
    /// The name of the answer's schema among [`Api::schema`]s.
    pub output: String,
    /// The query parameters.
    pub parameters: Vec<QueryParameter>,
    /// The refusals a request its schemas accept can still get: (stable code, when, in
    /// French). The OpenAPI document lists them (`x-eig-refusals`) and describes them.
    pub refusals: Vec<(String, String)>,
    /// Whether its handler is quick on a small body (its work is linear in its body): the
    /// service then runs it on a body of at most 16 KiB without handing it to a thread of its
    /// own. False for a handler whose work a request can make long (a search).
    pub quick: bool,
    /// The handler.
    pub handler: Handler,
}

impl std::fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Endpoint")
            .field("method", &self.method)
            .field("path", &self.path)
            .field("input", &self.input)
            .field("output", &self.output)
            .finish_non_exhaustive()
    }
}

impl Endpoint {
    /// An operation without input schema or parameters.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let health = Endpoint::new(Method::Get, "/v1/ping", "Répond.", "Pong", |_| Ok("{}".to_owned()));
    /// assert_eq!(health.path, "/v1/ping");
    /// ```
    pub fn new(
        method: Method,
        path: impl Into<String>,
        summary: impl Into<String>,
        output: impl Into<String>,
        handler: impl Fn(&HandlerInput<'_>) -> Result<String, Problem> + Send + Sync + 'static,
    ) -> Endpoint {
        Endpoint::writing(method, path, summary, output, move |call, sink| {
            let text = handler(call)?;
            // The service's sink fails only when it gave up on the request: nothing to say.
            let _ = sink.write_all(text.as_bytes());
            Ok(())
        })
    }

    /// An operation without input schema or parameters, whose handler writes its answer to
    /// a sink as it computes it (see [`Handler`]).
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let numbers = Endpoint::writing(Method::Get, "/v1/numbers", "Des nombres.", "Numbers",
    ///     |_, sink| {
    ///         let _ = sink.write_all(b"[1,2,3]");
    ///         Ok(())
    ///     });
    /// assert_eq!(numbers.path, "/v1/numbers");
    /// ```
    pub fn writing(
        method: Method,
        path: impl Into<String>,
        summary: impl Into<String>,
        output: impl Into<String>,
        handler: impl Fn(&HandlerInput<'_>, &mut dyn std::io::Write) -> Result<(), Problem>
        + Send
        + Sync
        + 'static,
    ) -> Endpoint {
        Endpoint {
            method,
            path: path.into(),
            summary: summary.into(),
            id: None,
            tag: None,
            input: None,
            output: output.into(),
            parameters: Vec::new(),
            refusals: Vec::new(),
            quick: false,
            handler: Arc::new(handler),
        }
    }

    /// The operation with the schema of its input body.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let op = Endpoint::new(Method::Post, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned()))
    ///     .with_input("In");
    /// assert_eq!(op.input.as_deref(), Some("In"));
    /// ```
    #[must_use]
    pub fn with_input(self, schema: impl Into<String>) -> Endpoint {
        Endpoint { input: Some(schema.into()), ..self }
    }

    /// The operation with its name for programs and its group.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let op = Endpoint::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned()))
    ///     .named("getX", "reference");
    /// assert_eq!(op.id.as_deref(), Some("getX"));
    /// ```
    #[must_use]
    pub fn named(self, id: impl Into<String>, tag: impl Into<String>) -> Endpoint {
        Endpoint { id: Some(id.into()), tag: Some(tag.into()), ..self }
    }

    /// The operation with one more query parameter.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint, QueryParameter};
    ///
    /// let op = Endpoint::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned()))
    ///     .with_parameter(QueryParameter { name: "promotion", description: "La promotion.",
    ///         required: false, schema: serde_json::json!({"type": "string"}) });
    /// assert_eq!(op.parameters.len(), 1);
    /// ```
    #[must_use]
    pub fn with_parameter(mut self, parameter: QueryParameter) -> Endpoint {
        self.parameters.push(parameter);
        self
    }

    /// The operation, marked quick on a small body ([`Endpoint::quick`]).
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let op = Endpoint::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned())).quick();
    /// assert!(op.quick);
    /// ```
    #[must_use]
    pub fn quick(self) -> Endpoint {
        Endpoint { quick: true, ..self }
    }

    /// The operation with one more refusal a request its schemas accept can still get.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Method, Endpoint};
    ///
    /// let op = Endpoint::new(Method::Post, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned()))
    ///     .with_refusal("promotion_mismatch", "Un dossier d'une autre promotion.");
    /// assert_eq!(op.refusals[0].0, "promotion_mismatch");
    /// ```
    #[must_use]
    pub fn with_refusal(
        mut self,
        code: impl Into<String>,
        description: impl Into<String>,
    ) -> Endpoint {
        self.refusals.push((code.into(), description.into()));
        self
    }
}

/// The whole API: its endpoints and the JSON Schemas they name.
#[derive(Clone, Debug)]
pub struct Api {
    /// The title of the OpenAPI document.
    pub title: String,
    /// The version of the OpenAPI document (the crates' version).
    pub version: String,
    /// The endpoints, in the order they were added.
    pub endpoints: Vec<Endpoint>,
    /// The JSON Schemas (draft 2020-12, as `eig schema` prints them) by name.
    pub schemas: BTreeMap<String, serde_json::Value>,
}

impl Api {
    /// An API with no operation yet.
    ///
    /// # Example
    /// ```
    /// let api = eig_server::Api::new("eig", "0.1.0");
    /// assert!(api.endpoints.is_empty());
    /// ```
    pub fn new(title: impl Into<String>, version: impl Into<String>) -> Api {
        Api {
            title: title.into(),
            version: version.into(),
            endpoints: Vec::new(),
            schemas: BTreeMap::new(),
        }
    }

    /// Adds a JSON Schema under `name` (its `$defs` become shared components).
    ///
    /// # Example
    /// ```
    /// let mut api = eig_server::Api::new("eig", "0.1.0");
    /// api.schema("Health", serde_json::json!({"type": "object"}));
    /// assert!(api.schemas.contains_key("Health"));
    /// ```
    pub fn schema(&mut self, name: impl Into<String>, schema: serde_json::Value) -> &mut Api {
        self.schemas.insert(name.into(), schema);
        self
    }

    /// Adds an operation.
    ///
    /// # Example
    /// ```
    /// use eig_server::{Api, Method, Endpoint};
    ///
    /// let mut api = Api::new("eig", "0.1.0");
    /// api.endpoint(Endpoint::new(Method::Get, "/v1/x", "X.", "Out", |_| Ok("{}".to_owned())));
    /// assert_eq!(api.endpoints.len(), 1);
    /// ```
    pub fn endpoint(&mut self, operation: Endpoint) -> &mut Api {
        self.endpoints.push(operation);
        self
    }
}
