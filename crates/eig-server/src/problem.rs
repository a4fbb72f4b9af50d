//! Errors as `application/problem+json` documents (RFC 9457).

use serde_json::{Value, json};

/// A problem: what went wrong with a request, for a program (`kind`, `status`, `path`) and for
/// a person (`title`, `detail`, in the words of the `eig` command). [`Problem::document`] is
/// what the client receives. Never carries a stack trace or a panic message.
///
/// # Example
/// ```
/// use eig_server::Problem;
///
/// let problem = Problem::invalid("body: at $.defi: missing field `id`", "$.defi");
/// assert_eq!(problem.status, 422);
/// let document = problem.document("/v1/explain");
/// assert_eq!(document["type"], "urn:eig:problem:invalid-input");
/// assert_eq!(document["path"], "$.defi");
/// assert_eq!(document["instance"], "/v1/explain");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The kind of problem: the last part of its `type` URI (`urn:eig:problem:<kind>`).
    pub kind: &'static str,
    /// The kind of problem in French, the same for every problem of this kind.
    pub title: &'static str,
    /// The HTTP status.
    pub status: u16,
    /// What was wrong with this request: the message the `eig` command gives for the same
    /// input.
    pub detail: String,
    /// The JSON path of the value in error (`$.dossiers[3].hosts`), or `?name` for a query
    /// parameter.
    pub path: Option<String>,
    /// For a syntax error: its line and column, from 1.
    pub position: Option<(u32, u32)>,
    /// The stable code of what went wrong (`invalid_json`, `no_published_rules`,
    /// `route_not_open`…: docs/errors.md lists them), the same as the command's and the
    /// library's.
    pub code: &'static str,
}

impl Problem {
    /// A problem of `status`, of kind `kind`.
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::new(404, "not-found", "Adresse inconnue", "…");
    /// assert_eq!(problem.document("/x")["type"], "urn:eig:problem:not-found");
    /// ```
    pub fn new(
        status: u16,
        kind: &'static str,
        title: &'static str,
        detail: impl Into<String>,
    ) -> Problem {
        let code = match kind {
            "invalid-json" => "invalid_json",
            "invalid-input" => "invalid_input",
            "invalid-parameter" => "invalid_parameter",
            "not-found" => "not_found",
            "method-not-allowed" => "method_not_allowed",
            "unsupported-media-type" => "unsupported_media_type",
            "body-too-large" => "body_too_large",
            "request-timeout" => "request_timeout",
            "timeout" => "timeout",
            "unreadable-body" => "unreadable_body",
            "internal" => "internal",
            _ => "unjudgeable",
        };
        Problem { kind, title, status, detail: detail.into(), path: None, position: None, code }
    }

    /// The same problem with the stable code `code`.
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::unjudgeable("…").with_code("route_not_open");
    /// assert_eq!(problem.document("/v1/funding")["code"], "route_not_open");
    /// ```
    #[must_use]
    pub fn with_code(self, code: &'static str) -> Problem {
        Problem { code, ..self }
    }

    /// The problem of an operation's error: its kind's status and type, its stable code, its
    /// JSON path (or `?name` of a parameter), its position, and its message — about the body
    /// (`body : à $.x : …`) or the parameter.
    ///
    /// # Example
    /// ```
    /// let err = eig_api::parse::<eig_api::ExplainInput>("{").unwrap_err();
    /// let problem = eig_server::Problem::from_error(&err);
    /// assert_eq!((problem.status, problem.code, problem.position), (400, "invalid_json", Some((1, 1))));
    /// ```
    pub fn from_error(err: &eig_api::ApiError) -> Problem {
        use eig_api::ErrorKind;
        let detail = match err.kind() {
            ErrorKind::Parameter => err.to_string(),
            ErrorKind::Syntax => format!("body:{err}"),
            _ => format!("body : {err}"),
        };
        let detail = eig_api::shorten(&detail);
        let mut problem = match err.kind() {
            ErrorKind::Syntax => {
                let (line, column) = err.position().unwrap_or((1, 1));
                Problem::syntax(&detail, line, column)
            }
            ErrorKind::Parameter => {
                Problem::new(400, "invalid-parameter", "Paramètre invalide", detail)
            }
            ErrorKind::Invalid => Problem::new(422, "invalid-input", "Donnée invalide", detail),
            ErrorKind::Interrupted => Problem::busy(),
            _ => Problem::unjudgeable(&detail),
        };
        problem.path = err.path().map(str::to_owned);
        problem.with_code(err.code())
    }

    /// The body is not JSON (400), at `line` and `column`.
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::syntax("body:1:2: invalid JSON: expected value", 1, 2);
    /// assert_eq!((problem.status, problem.position), (400, Some((1, 2))));
    /// ```
    pub fn syntax(detail: &str, line: usize, column: usize) -> Problem {
        let clamp = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        Problem {
            position: Some((clamp(line), clamp(column))),
            ..Problem::new(400, "invalid-json", "Corps de requête qui n'est pas du JSON", detail)
        }
    }

    /// The JSON does not have the expected shape, or a value at `path` is invalid (422).
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::invalid("body: at $: unknown field `x`", "$");
    /// assert_eq!(problem.status, 422);
    /// ```
    pub fn invalid(detail: &str, path: &str) -> Problem {
        Problem {
            path: Some(path.to_owned()),
            ..Problem::new(422, "invalid-input", "Donnée invalide", detail)
        }
    }

    /// The input is well-formed but cannot be judged (422).
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::unjudgeable("body: promotion EIG1 has no published rules");
    /// assert_eq!(problem.kind, "unjudgeable");
    /// ```
    pub fn unjudgeable(detail: &str) -> Problem {
        Problem::new(422, "unjudgeable", "Demande qui ne peut pas être jugée", detail)
    }

    /// A query parameter is invalid (400).
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::parameter("promotion", "unknown promotion \"EIG9\"");
    /// assert_eq!((problem.status, problem.path.as_deref()), (400, Some("?promotion")));
    /// ```
    pub fn parameter(name: &str, detail: &str) -> Problem {
        Problem {
            path: Some(format!("?{name}")),
            ..Problem::new(400, "invalid-parameter", "Paramètre invalide", detail)
        }
    }

    /// The service could not answer in time (503, sent with `Retry-After`): no place among
    /// the requests computed at once, no room in the memory budget, or a computation that
    /// outlived the timeout.
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::busy();
    /// assert_eq!((problem.status, problem.code), (503, "timeout"));
    /// ```
    pub fn busy() -> Problem {
        Problem::new(
            503,
            "timeout",
            "Service occupé ou requête trop longue",
            "la requête n'a pas reçu de réponse dans le délai du service : réessayez plus tard, \
             ou envoyez une demande plus petite",
        )
    }

    /// An error of the service itself (500); the detail says nothing of its inside.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_server::Problem::internal().status, 500);
    /// ```
    pub fn internal() -> Problem {
        Problem::new(
            500,
            "internal",
            "Erreur interne du service",
            "le service n'a pas pu répondre à cette requête ; elle est journalisée",
        )
    }

    /// The problem document (RFC 9457) about the request to `instance` (its path).
    ///
    /// # Example
    /// ```
    /// let document = eig_server::Problem::syntax("…", 3, 9).document("/v1/run");
    /// assert_eq!((document["line"].as_u64(), document["column"].as_u64()), (Some(3), Some(9)));
    /// ```
    pub fn document(&self, instance: &str) -> Value {
        let mut document = json!({
            "type": format!("urn:eig:problem:{}", self.kind),
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
            "instance": instance,
            "code": self.code,
        });
        if let Some(path) = &self.path {
            document["path"] = json!(path);
        }
        if let Some((line, column)) = self.position {
            document["line"] = json!(line);
            document["column"] = json!(column);
        }
        document
    }
}
