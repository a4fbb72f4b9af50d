//! The HTTP server: routing, limits, problem documents, the request log, shutdown.

use std::{collections::BTreeMap, future::Future, io::Write as _, sync::Arc, time::Duration};

use axum::{
    Router,
    body::{Body, Bytes},
    extract::{Query, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use tokio::{net::TcpListener, sync::Semaphore, time::Instant};

use crate::{
    api::{Api, Call, Method, Operation},
    openapi::openapi,
    page,
    problem::Problem,
};

/// The service's limits. The defaults are those of `eig serve` without options.
///
/// # Example
/// ```
/// use std::time::Duration;
///
/// let limits = eig_server::Limits::default();
/// assert_eq!(limits.body_limit, 2 * 1024 * 1024);
/// assert_eq!(limits.timeout, Duration::from_secs(10));
/// assert_eq!(limits.concurrency, 64);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body accepted, in bytes (413 beyond).
    pub body_limit: usize,
    /// The time a request may take, from its first byte read to its answer: reading the body
    /// (408 beyond), waiting for a place and computing (503 beyond).
    pub timeout: Duration,
    /// How many requests are computed at once; others wait for a place within the timeout.
    pub concurrency: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { body_limit: 2 * 1024 * 1024, timeout: Duration::from_secs(10), concurrency: 64 }
    }
}

/// What every request shares: the API, its OpenAPI document, the limits, the places.
struct Shared {
    operations: BTreeMap<(String, Method), Operation>,
    openapi: Bytes,
    limits: Limits,
    places: Arc<Semaphore>,
}

/// The service as an axum [`Router`]: `/healthz`, `/openapi.json`, the page at `/` and its
/// assets, and every operation of `api`; anything else is a 404 or 405 problem.
///
/// # Example
/// ```
/// use eig_server::{Api, Limits, router};
///
/// let app = router(Api::new("eig", "0.1.0"), Limits::default());
/// # let _ = app;
/// ```
pub fn router(api: Api, limits: Limits) -> Router {
    let openapi = serde_json::to_vec(&openapi(&api)).unwrap_or_default();
    let operations = api
        .operations
        .into_iter()
        .map(|operation| ((operation.path.clone(), operation.method), operation))
        .collect();
    let shared = Shared {
        operations,
        openapi: Bytes::from(openapi),
        limits,
        places: Arc::new(Semaphore::new(limits.concurrency.max(1))),
    };
    Router::new().fallback(dispatch).with_state(Arc::new(shared))
}

/// Serves `api` on `listener` until `shutdown` completes, then finishes the requests in flight
/// and returns. A connection whose request head does not arrive within the timeout is closed
/// (hyper's header read timeout), so a client that connects and sends nothing holds nothing.
///
/// # Errors
/// None today: a failed accept (too many open files) is retried after 50 ms; the `Result`
/// leaves room for listener errors.
///
/// # Example
/// ```no_run
/// use eig_server::{Api, Limits, serve, shutdown_signal};
///
/// # async fn run() -> std::io::Result<()> {
/// let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
/// serve(listener, Api::new("eig", "0.1.0"), Limits::default(), shutdown_signal()).await
/// # }
/// ```
pub async fn serve(
    listener: TcpListener,
    api: Api,
    limits: Limits,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let app = router(api, limits);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let service = hyper_util::service::TowerToHyperService::new(app.clone());
                let mut builder = hyper::server::conn::http1::Builder::new();
                builder
                    .timer(hyper_util::rt::TokioTimer::new())
                    .header_read_timeout(limits.timeout);
                let connection =
                    builder.serve_connection(hyper_util::rt::TokioIo::new(stream), service);
                let connection = graceful.watch(connection);
                tokio::spawn(async move {
                    let _ = connection.await;
                });
            }
            () = &mut shutdown => break,
        }
    }
    drop(listener);
    graceful.shutdown().await;
    Ok(())
}

/// A future that completes on Ctrl-C (SIGINT) or SIGTERM. The signals are caught from the
/// moment this function is called (inside a Tokio runtime), not from the first poll: a signal
/// that arrives while the server starts is not lost.
///
/// # Example
/// ```no_run
/// # async fn run() {
/// eig_server::shutdown_signal().await;
/// # }
/// ```
pub fn shutdown_signal() -> impl Future<Output = ()> + Send + 'static {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let interrupt = signal(SignalKind::interrupt()).ok();
        let terminate = signal(SignalKind::terminate()).ok();
        async move {
            let wait = |signal: Option<tokio::signal::unix::Signal>| async move {
                match signal {
                    Some(mut signal) => {
                        signal.recv().await;
                    }
                    None => std::future::pending::<()>().await,
                }
            };
            tokio::select! {
                () = wait(interrupt) => {}
                () = wait(terminate) => {}
            }
        }
    }
    #[cfg(not(unix))]
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Answers one request and writes its log line.
async fn dispatch(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let started = Instant::now();
    let method = request.method().clone();
    let path = request.uri().path().to_owned();
    let response = match answer(&shared, request, started).await {
        Ok(response) => response,
        Err(problem) => problem_response(&problem, &path),
    };
    let micros = started.elapsed().as_micros();
    // One line per request; never a body, never a query string.
    let _ = writeln!(
        std::io::stderr().lock(),
        "{method} {path} {} {}.{}ms",
        response.status().as_u16(),
        micros / 1000,
        micros % 1000 / 100
    );
    response
}

async fn answer(shared: &Shared, request: Request, started: Instant) -> Result<Response, Problem> {
    let deadline = started + shared.limits.timeout;
    let path = request.uri().path().to_owned();
    let method = match *request.method() {
        axum::http::Method::GET | axum::http::Method::HEAD => Some(Method::Get),
        axum::http::Method::POST => Some(Method::Post),
        _ => None,
    };
    // The fixed routes: health, the OpenAPI document, the page.
    if let Some(fixed) = fixed(shared, &path) {
        return if method == Some(Method::Get) {
            Ok(fixed)
        } else {
            Err(not_allowed(request.method(), "GET"))
        };
    }
    let operation = method.and_then(|method| shared.operations.get(&(path.clone(), method)));
    let Some(operation) = operation else {
        let allowed: Vec<&str> = shared
            .operations
            .keys()
            .filter(|(known, _)| *known == path)
            .map(|(_, method)| method.as_str())
            .collect();
        return Err(if allowed.is_empty() {
            Problem::new(
                404,
                "not-found",
                "Adresse inconnue",
                format!("aucune ressource à l'adresse {path} : /openapi.json les liste toutes"),
            )
        } else {
            not_allowed(request.method(), &allowed.join(", "))
        });
    };
    let query = Query::<BTreeMap<String, String>>::try_from_uri(request.uri())
        .map(|Query(query)| query)
        .map_err(|err| Problem::parameter("", &err.body_text()))?;
    let body = if operation.method == Method::Post {
        check_json(request.headers())?;
        read_body(request.into_body(), shared.limits.body_limit, deadline).await?
    } else {
        String::new()
    };
    let Ok(place) = tokio::time::timeout_at(deadline, shared.places.clone().acquire_owned()).await
    else {
        return Err(busy());
    };
    let handler = operation.handler.clone();
    let work = tokio::task::spawn_blocking(move || {
        let _place = place;
        handler(&Call { body: &body, query: &query })
    });
    match tokio::time::timeout_at(deadline, work).await {
        Err(_) => Err(busy()),
        // A panic in a handler: the client learns nothing of it, the log line has the status.
        Ok(Err(_)) => Err(Problem::internal()),
        Ok(Ok(Err(problem))) => Err(problem),
        Ok(Ok(Ok(text))) => {
            Ok(json_response(StatusCode::OK, "application/json", Bytes::from(text)))
        }
    }
}

/// The fixed routes' answers.
fn fixed(shared: &Shared, path: &str) -> Option<Response> {
    let asset = |content_type: &'static str, body: &'static str| {
        let mut response = Response::new(Body::from(body));
        response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
        security_headers(response.headers_mut());
        response
    };
    Some(match path {
        "/healthz" => json_response(
            StatusCode::OK,
            "application/json",
            Bytes::from_static(br#"{"status":"ok"}"#),
        ),
        "/openapi.json" => {
            json_response(StatusCode::OK, "application/json", shared.openapi.clone())
        }
        "/" | "/index.html" => asset("text/html; charset=utf-8", page::INDEX_HTML),
        "/assets/app.js" => asset("text/javascript; charset=utf-8", page::APP_JS),
        "/assets/style.css" => asset("text/css; charset=utf-8", page::STYLE_CSS),
        _ => return None,
    })
}

/// The page may load only its own assets and talk only to this service.
fn security_headers(headers: &mut HeaderMap) {
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; \
             object-src 'none'; frame-ancestors 'none'",
        ),
    );
    headers.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
}

fn not_allowed(method: &axum::http::Method, allowed: &str) -> Problem {
    Problem::new(
        405,
        "method-not-allowed",
        "Méthode non permise",
        format!("la méthode {method} n'est pas permise à cette adresse : utilisez {allowed}"),
    )
}

fn busy() -> Problem {
    Problem::new(
        503,
        "timeout",
        "Service occupé ou requête trop longue",
        "la requête n'a pas reçu de réponse dans le délai du service : réessayez plus tard, ou \
         envoyez une demande plus petite",
    )
}

/// A `POST` body must be declared as JSON.
fn check_json(headers: &HeaderMap) -> Result<(), Problem> {
    let content_type = headers.get(header::CONTENT_TYPE).and_then(|value| value.to_str().ok());
    let essence = content_type
        .map(|value| value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase());
    match essence.as_deref() {
        Some("application/json") => Ok(()),
        other => Err(Problem::new(
            415,
            "unsupported-media-type",
            "Type de contenu non pris en charge",
            format!(
                "le corps doit être du JSON envoyé avec Content-Type: application/json (reçu : {})",
                other.unwrap_or("aucun")
            ),
        )),
    }
}

/// Reads the body, at most `limit` bytes, before `deadline`.
async fn read_body(body: Body, limit: usize, deadline: Instant) -> Result<String, Problem> {
    let too_large = || {
        Problem::new(
            413,
            "body-too-large",
            "Corps de requête trop grand",
            format!(
                "le corps dépasse la limite de {limit} octets du service (option --body-limit)"
            ),
        )
    };
    let collected = tokio::time::timeout_at(deadline, Limited::new(body, limit).collect()).await;
    let bytes = match collected {
        Err(_) => {
            return Err(Problem::new(
                408,
                "request-timeout",
                "Requête trop lente",
                "le corps de la requête n'est pas arrivé en entier dans le délai du service",
            ));
        }
        Ok(Err(err)) if err.downcast_ref::<LengthLimitError>().is_some() => {
            return Err(too_large());
        }
        Ok(Err(_)) => {
            return Err(Problem::new(
                400,
                "unreadable-body",
                "Corps de requête illisible",
                "le corps de la requête n'a pas pu être lu en entier",
            ));
        }
        Ok(Ok(collected)) => collected.to_bytes(),
    };
    String::from_utf8(bytes.to_vec()).map_err(|_| {
        Problem::new(
            400,
            "invalid-json",
            "Corps de requête qui n'est pas du JSON",
            "le corps doit être du texte JSON en UTF-8",
        )
    })
}

fn json_response(status: StatusCode, content_type: &'static str, body: Bytes) -> Response {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    response
}

fn problem_response(problem: &Problem, instance: &str) -> Response {
    let status = StatusCode::from_u16(problem.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let allow = (problem.status == 405)
        .then(|| problem.detail.rsplit(": utilisez ").next().unwrap_or_default().to_owned());
    let body = serde_json::to_vec(&problem.document(instance)).unwrap_or_default();
    let mut response = json_response(status, "application/problem+json", Bytes::from(body));
    if let Some(allow) = allow.and_then(|allow| HeaderValue::from_str(&allow).ok()) {
        response.headers_mut().insert(header::ALLOW, allow);
    }
    response.into_response()
}
