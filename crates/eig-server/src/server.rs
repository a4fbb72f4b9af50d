//! The HTTP server: routing, limits, problem documents, the request log, shutdown.

use std::{
    collections::BTreeMap,
    future::Future,
    io::Write as _,
    sync::{
        Arc,
        atomic::{AtomicBool, Ordering},
    },
    time::Duration,
};

use axum::{
    Router,
    body::{Body, Bytes},
    extract::{Query, Request, State},
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use http_body_util::{BodyExt as _, LengthLimitError, Limited};
use tokio::{
    net::TcpListener,
    sync::{OwnedSemaphorePermit, Semaphore, mpsc, watch},
    time::Instant,
};

use crate::{
    api::{Api, Endpoint, HandlerInput, Method},
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
/// assert_eq!(limits.memory_budget, 512 * 1024 * 1024);
/// assert_eq!(limits.max_nodes, 10_000_000);
/// assert_eq!(limits.grace, Duration::from_secs(10));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body accepted, in bytes (413 beyond).
    pub body_limit: usize,
    /// The time a request may take, from its first byte read to its answer: reading the body
    /// (408 beyond), waiting for a place and computing (503 beyond). A computation that
    /// outlives it is stopped.
    pub timeout: Duration,
    /// How many requests are computed at once; others wait for a place within the timeout.
    pub concurrency: usize,
    /// The memory the requests in flight may use together, in bytes: each `POST` reserves
    /// [`request_cost`] of its body's size before its body is read, and waits within its
    /// timeout for room (503 beyond). A request larger than the whole budget runs alone.
    pub memory_budget: usize,
    /// The largest `node_limit` of the exact search a request may ask for (at most
    /// [`eig_api::MAX_NODE_LIMIT`]; 400 beyond).
    pub max_nodes: u64,
    /// After SIGTERM or Ctrl-C: how long the requests in flight may take to finish; then those
    /// still computing are stopped and answered 503, and the process ends.
    pub grace: Duration,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            body_limit: 2 * 1024 * 1024,
            timeout: Duration::from_secs(10),
            concurrency: 64,
            memory_budget: 512 * 1024 * 1024,
            max_nodes: eig_api::MAX_NODE_LIMIT,
            grace: Duration::from_secs(10),
        }
    }
}

/// The memory a `POST` of `body` bytes is reckoned to take while it is read, decided and
/// answered, in bytes: what [`Limits::memory_budget`] counts. Measured on the largest
/// batches (`docs/performance.md`): a body's typed form, one chunk of decisions and the
/// chunks of the answer in flight, with what the allocator keeps of them, stay under 10
/// times the body, plus 256 KiB of buffers (8 times was short by up to 8 MiB when sixteen
/// maximal batches of 2 MiB ran under a 64 MiB budget on a busy machine).
///
/// # Example
/// ```
/// assert_eq!(eig_server::request_cost(1024 * 1024), 10 * 1024 * 1024 + 256 * 1024);
/// ```
pub const fn request_cost(body: usize) -> usize {
    body.saturating_mul(10).saturating_add(256 * 1024)
}

/// What every request shares: the API, its OpenAPI document, the limits, the places, the
/// memory budget, and the signal that stops every computation.
struct Shared {
    endpoints: BTreeMap<(String, Method), Endpoint>,
    openapi: Bytes,
    limits: Limits,
    places: Arc<Semaphore>,
    /// The memory budget, in KiB.
    memory: Arc<Semaphore>,
    /// Becomes true when the grace period after a shutdown signal is over.
    stopping: watch::Receiver<bool>,
}

impl Shared {
    /// A `POST`'s reservation in the memory budget, in KiB (all of it at most).
    fn cost_kib(&self, body: usize) -> u32 {
        let budget = self.limits.memory_budget / 1024;
        u32::try_from((request_cost(body) / 1024).min(budget).max(1)).unwrap_or(u32::MAX)
    }

    /// Whether a request of the largest body could start now.
    fn ready(&self) -> bool {
        !*self.stopping.borrow()
            && self.places.available_permits() > 0
            && self.memory.available_permits() >= self.cost_kib(self.limits.body_limit) as usize
    }
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
    // Never sent: a router served by other means stops its computations at their deadline.
    let (_, stopping) = watch::channel(false);
    router_stopped_by(api, limits, stopping)
}

fn router_stopped_by(api: Api, limits: Limits, stopping: watch::Receiver<bool>) -> Router {
    let openapi = serde_json::to_vec(&openapi(&api)).unwrap_or_default();
    let endpoints = api
        .endpoints
        .into_iter()
        .map(|operation| ((operation.path.clone(), operation.method), operation))
        .collect();
    let budget_kib = (limits.memory_budget / 1024).clamp(1, Semaphore::MAX_PERMITS);
    let shared = Shared {
        endpoints,
        openapi: Bytes::from(openapi),
        limits,
        places: Arc::new(Semaphore::new(limits.concurrency.max(1))),
        memory: Arc::new(Semaphore::new(budget_kib)),
        stopping,
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
    let (stop_all, stopping) = watch::channel(false);
    let app = router_stopped_by(api, limits, stopping);
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
    // The requests in flight finish within the grace period; then every computation still
    // running is stopped and answered 503, and the connections get a moment to send that.
    let finished = graceful.shutdown();
    let mut finished = std::pin::pin!(finished);
    if tokio::time::timeout(limits.grace, &mut finished).await.is_err() {
        let _ = stop_all.send(true);
        let _ = tokio::time::timeout(Duration::from_millis(200), finished).await;
    }
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
    let operation = method.and_then(|method| shared.endpoints.get(&(path.clone(), method)));
    let Some(operation) = operation else {
        let allowed: Vec<&str> = shared
            .endpoints
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
    // A `POST` reserves its share of the memory budget before its body is read, from the
    // size it declares (or the largest body, when it declares none).
    let (body, reserved) = if operation.method == Method::Post {
        check_json(request.headers())?;
        let declared = request
            .headers()
            .get(header::CONTENT_LENGTH)
            .and_then(|value| value.to_str().ok()?.parse::<usize>().ok())
            .map(|length| length.min(shared.limits.body_limit));
        let cost = shared.cost_kib(declared.unwrap_or(shared.limits.body_limit));
        let Ok(Ok(reserved)) =
            tokio::time::timeout_at(deadline, shared.memory.clone().acquire_many_owned(cost)).await
        else {
            return Err(Problem::busy());
        };
        // A body of undeclared length grows as it comes (its reservation is the largest).
        let expected = declared.unwrap_or(0);
        let body = read_body(request.into_body(), shared.limits.body_limit, expected, deadline);
        (body.await?, Some(reserved))
    } else {
        (String::new(), None)
    };
    let Ok(Ok(place)) =
        tokio::time::timeout_at(deadline, shared.places.clone().acquire_owned()).await
    else {
        return Err(Problem::busy());
    };
    // A quick handler on a small body takes microseconds: it runs here, without the hand-off
    // to a thread of its own (which would cost more than the work).
    if operation.quick && body.len() <= QUICK_BODY {
        let stop = AtomicBool::new(false);
        let call = HandlerInput {
            body: &body,
            query: &query,
            stop: &stop,
            max_nodes: shared.limits.max_nodes,
        };
        let mut answer = Vec::new();
        let handled = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            (operation.handler)(&call, &mut answer)
        }));
        drop((place, reserved));
        return match handled {
            Ok(Ok(())) => {
                Ok(json_response(StatusCode::OK, "application/json", Bytes::from(answer)))
            }
            Ok(Err(problem)) => Err(problem),
            Err(_) => Err(Problem::internal()),
        };
    }
    compute(shared, operation.handler.clone(), Work { body, query, deadline }, (place, reserved))
        .await
}

/// What a computation reads.
struct Work {
    body: String,
    query: BTreeMap<String, String>,
    deadline: Instant,
}

/// The largest body a quick handler is run on without a thread of its own.
const QUICK_BODY: usize = 16 * 1024;

/// The size of the chunks a large answer is sent in; an answer that fits in one is sent whole,
/// with its length.
const CHUNK: usize = 64 * 1024;

/// Runs `handler` on a blocking thread, holding `held` (its place and its memory) until it
/// ends, and answers: the whole answer when it fits in a chunk, else the chunks as they are
/// written. At the deadline, or when the service stops, the computation is told to stop
/// (it frees its thread and its place within one step of its work) and the request is
/// answered 503.
async fn compute(
    shared: &Shared,
    handler: crate::api::Handler,
    work: Work,
    held: (OwnedSemaphorePermit, Option<OwnedSemaphorePermit>),
) -> Result<Response, Problem> {
    let Work { body, query, deadline } = work;
    let stop = Arc::new(AtomicBool::new(false));
    let finished = Arc::new(AtomicBool::new(false));
    let (sender, mut receiver) = mpsc::channel::<Bytes>(2);
    let mut sink = Chunks {
        buffer: Vec::new(),
        sender,
        runtime: tokio::runtime::Handle::current(),
        deadline,
        stop: Arc::clone(&stop),
        streamed: false,
        finished: Arc::clone(&finished),
    };
    let (flag, max_nodes) = (Arc::clone(&stop), shared.limits.max_nodes);
    let mut task = tokio::task::spawn_blocking(move || {
        let _held = held;
        let call = HandlerInput { body: &body, query: &query, stop: &flag, max_nodes };
        handler(&call, &mut sink)?;
        sink.finish().map_err(|_| Problem::busy())
    });
    let mut stopping = shared.stopping.clone();
    let first = tokio::select! {
        ended = &mut task => First::Ended(ended),
        chunk = receiver.recv() => First::Chunk(chunk),
        () = tokio::time::sleep_until(deadline) => First::Stopped,
        // A closed channel (a router served alone) never stops anything.
        Ok(_) = stopping.wait_for(|stopping| *stopping) => First::Stopped,
    };
    let ended = match first {
        // The first chunk of a large answer: the rest follows as it is written.
        First::Chunk(Some(chunk)) => return Ok(streamed(Some(chunk), receiver, finished, stop)),
        // The sink is gone: the computation has ended, or is ending.
        First::Chunk(None) => {
            if let Ok(ended) = tokio::time::timeout_at(deadline, task).await {
                ended
            } else {
                stop.store(true, Ordering::Relaxed);
                return Err(Problem::busy());
            }
        }
        First::Ended(ended) => ended,
        First::Stopped => {
            stop.store(true, Ordering::Relaxed);
            return Err(Problem::busy());
        }
    };
    match ended {
        // A panic in a handler: the client learns nothing of it, the log line has the status.
        Err(_) => Err(Problem::internal()),
        Ok(Err(problem)) => Err(problem),
        Ok(Ok(Some(whole))) => Ok(json_response(StatusCode::OK, "application/json", whole)),
        // It ended having written chunks that wait in the channel.
        Ok(Ok(None)) => Ok(streamed(None, receiver, finished, stop)),
    }
}

/// What happened first to a computation.
enum First {
    Ended(Result<Result<Option<Bytes>, Problem>, tokio::task::JoinError>),
    Chunk(Option<Bytes>),
    Stopped,
}

/// The sink of a handler: an answer that fits in a [`CHUNK`] is kept whole; a larger one is
/// sent a chunk at a time to the response, each send waiting for the client within the
/// deadline. A send that cannot be made (deadline, client gone, service stopping) fails the
/// write and sets the stop flag, so the handler stops.
struct Chunks {
    buffer: Vec<u8>,
    sender: mpsc::Sender<Bytes>,
    runtime: tokio::runtime::Handle,
    deadline: Instant,
    stop: Arc<AtomicBool>,
    streamed: bool,
    /// Set once everything is sent, before the channel closes.
    finished: Arc<AtomicBool>,
}

impl std::io::Write for Chunks {
    fn write(&mut self, data: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(data);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(data.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Chunks {
    fn send(&mut self) -> std::io::Result<()> {
        let gone = || std::io::Error::other("la réponse n'est plus attendue");
        if self.stop.load(Ordering::Relaxed) {
            return Err(gone());
        }
        self.streamed = true;
        let chunk = Bytes::from(std::mem::replace(&mut self.buffer, Vec::with_capacity(CHUNK)));
        let sent =
            self.runtime.block_on(tokio::time::timeout_at(self.deadline, self.sender.send(chunk)));
        if matches!(sent, Ok(Ok(()))) {
            Ok(())
        } else {
            self.stop.store(true, Ordering::Relaxed);
            Err(gone())
        }
    }

    /// The whole answer, when it fits in a chunk; else sends what is left.
    fn finish(mut self) -> std::io::Result<Option<Bytes>> {
        if !self.streamed {
            return Ok(Some(Bytes::from(std::mem::take(&mut self.buffer))));
        }
        if !self.buffer.is_empty() {
            self.send()?;
        }
        // Before the sender is dropped with `self`: the body must see the answer complete
        // when it sees the channel closed.
        self.finished.store(true, Ordering::Release);
        Ok(None)
    }
}

/// A response body of the chunks a computation writes. It ends when the computation has
/// written everything; if the computation stopped first, the body fails, so the client sees
/// a broken answer, never a truncated one that looks whole. Dropped (the client gone), it
/// tells the computation to stop.
struct Streamed {
    first: Option<Bytes>,
    receiver: mpsc::Receiver<Bytes>,
    finished: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
}

impl http_body::Body for Streamed {
    type Data = Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Bytes>, std::io::Error>>> {
        use std::task::Poll;
        let this = self.get_mut();
        if let Some(first) = this.first.take() {
            return Poll::Ready(Some(Ok(http_body::Frame::data(first))));
        }
        match this.receiver.poll_recv(cx) {
            Poll::Ready(Some(chunk)) => Poll::Ready(Some(Ok(http_body::Frame::data(chunk)))),
            Poll::Ready(None) if this.finished.load(Ordering::Acquire) => Poll::Ready(None),
            Poll::Ready(None) => {
                Poll::Ready(Some(Err(std::io::Error::other("le calcul s'est arrêté avant sa fin"))))
            }
            Poll::Pending => Poll::Pending,
        }
    }
}

impl Drop for Streamed {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
    }
}

/// The `200` answer whose body is the chunks of a computation.
fn streamed(
    first: Option<Bytes>,
    receiver: mpsc::Receiver<Bytes>,
    finished: Arc<AtomicBool>,
    stop: Arc<AtomicBool>,
) -> Response {
    let mut response = Response::new(Body::new(Streamed { first, receiver, finished, stop }));
    response
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static("application/json"));
    response
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
        "/readyz" => {
            let (status, body) = if shared.ready() {
                (StatusCode::OK, Bytes::from_static(br#"{"status":"ready"}"#))
            } else {
                (StatusCode::SERVICE_UNAVAILABLE, Bytes::from_static(br#"{"status":"busy"}"#))
            };
            let mut response = json_response(status, "application/json", body);
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            response
        }
        "/openapi.json" => {
            json_response(StatusCode::OK, "application/json", shared.openapi.clone())
        }
        "/" | "/index.html" => asset("text/html; charset=utf-8", page::INDEX_HTML),
        "/assets/app.js" => asset("text/javascript; charset=utf-8", page::APP_JS),
        "/assets/style.css" => asset("text/css; charset=utf-8", page::STYLE_CSS),
        "/regles" | "/regles/" => {
            asset("text/html; charset=utf-8", &crate::rule_pages()["index.html"])
        }
        other => {
            let name = other.strip_prefix("/regles/")?;
            let page = crate::rule_pages().get(name)?;
            let kind = if name == "style.css" {
                "text/css; charset=utf-8"
            } else {
                "text/html; charset=utf-8"
            };
            asset(kind, page)
        }
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

/// Reads the body, at most `limit` bytes, before `deadline`, into one buffer of the size it
/// declares (`expected`): its bytes are held once.
async fn read_body(
    body: Body,
    limit: usize,
    expected: usize,
    deadline: Instant,
) -> Result<String, Problem> {
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
    let unreadable = || {
        Problem::new(
            400,
            "unreadable-body",
            "Corps de requête illisible",
            "le corps de la requête n'a pas pu être lu en entier",
        )
    };
    let read = async {
        let mut body = std::pin::pin!(Limited::new(body, limit));
        let mut bytes = Vec::with_capacity(expected.min(limit));
        while let Some(frame) = body.frame().await {
            match frame {
                Ok(frame) => {
                    if let Ok(data) = frame.into_data() {
                        bytes.extend_from_slice(&data);
                    }
                }
                Err(err) if err.downcast_ref::<LengthLimitError>().is_some() => {
                    return Err(too_large());
                }
                Err(_) => return Err(unreadable()),
            }
        }
        Ok(bytes)
    };
    let Ok(bytes) = tokio::time::timeout_at(deadline, read).await else {
        return Err(Problem::new(
            408,
            "request-timeout",
            "Requête trop lente",
            "le corps de la requête n'est pas arrivé en entier dans le délai du service",
        ));
    };
    String::from_utf8(bytes?).map_err(|_| {
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
    if problem.status == 503 {
        response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static("1"));
    }
    response.into_response()
}
