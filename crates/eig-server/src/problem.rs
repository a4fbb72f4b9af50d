//! Errors as `application/problem+json` documents (RFC 9457).

use serde::Serialize;

/// A problem document: what went wrong with a request, for a program (`type`, `status`, `path`)
/// and for a person (`title`, `detail`, in the words of the `eig` command).
///
/// Never carries a stack trace or a panic message.
///
/// # Example
/// ```
/// use eig_server::Problem;
///
/// let problem = Problem::invalid("body: at $.defi: missing field `id`", "$.defi");
/// assert_eq!(problem.status, 422);
/// let json = serde_json::to_value(&problem)?;
/// assert_eq!(json["type"], "urn:eig:problem:invalid-input");
/// assert_eq!(json["path"], "$.defi");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// A URI naming the kind of problem (`urn:eig:problem:…`).
    #[serde(rename = "type")]
    pub kind: String,
    /// The kind of problem, in French, the same for every problem of this kind.
    pub title: String,
    /// The HTTP status.
    pub status: u16,
    /// What was wrong with this request: the message the `eig` command gives for the same
    /// input.
    pub detail: String,
    /// The request path.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub instance: Option<String>,
    /// The JSON path of the value in error (`$.dossiers[3].hosts`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// For a syntax error: its line, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// For a syntax error: its column, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
}

impl Problem {
    /// A problem of `status`, of kind `kind` (the last part of its `type` URI).
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::new(404, "not-found", "Ressource inconnue", "…");
    /// assert_eq!(problem.kind, "urn:eig:problem:not-found");
    /// ```
    pub fn new(status: u16, kind: &str, title: &str, detail: impl Into<String>) -> Problem {
        Problem {
            kind: format!("urn:eig:problem:{kind}"),
            title: title.to_owned(),
            status,
            detail: detail.into(),
            instance: None,
            path: None,
            line: None,
            column: None,
        }
    }

    /// The body is not JSON (400), at `line` and `column`.
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::syntax("body:1:2: invalid JSON: expected value", 1, 2);
    /// assert_eq!((problem.status, problem.line, problem.column), (400, Some(1), Some(2)));
    /// ```
    pub fn syntax(detail: &str, line: usize, column: usize) -> Problem {
        Problem {
            line: Some(line),
            column: Some(column),
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
    /// assert_eq!(problem.kind, "urn:eig:problem:unjudgeable");
    /// ```
    pub fn unjudgeable(detail: &str) -> Problem {
        Problem::new(422, "unjudgeable", "Demande qui ne peut pas être jugée", detail)
    }

    /// A query parameter is invalid (400).
    ///
    /// # Example
    /// ```
    /// let problem = eig_server::Problem::parameter("promotion", "unknown promotion \"EIG9\"");
    /// assert_eq!(problem.status, 400);
    /// ```
    pub fn parameter(name: &str, detail: &str) -> Problem {
        Problem {
            path: Some(format!("?{name}")),
            ..Problem::new(400, "invalid-parameter", "Paramètre invalide", detail)
        }
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

    /// The problem, naming the request path it is about.
    #[must_use]
    pub fn at(self, instance: &str) -> Problem {
        Problem { instance: Some(instance.to_owned()), ..self }
    }
}
