//! `eig serve`: the real binary on 127.0.0.1, real HTTP requests; every answer compared with
//! the command's or the library's for the same input, and validated against the schema the
//! OpenAPI document gives for it.

use std::{
    io::{BufRead as _, BufReader, Read as _, Write as _},
    net::TcpStream,
    process::{Child, Command, Stdio},
    sync::{Arc, Mutex},
    time::Duration,
};

use serde_json::{Value, json};

use super::ok;

/// A running `eig serve`, stopped (SIGTERM) when dropped.
pub(crate) struct Server {
    pub(crate) child: Child,
    pub(crate) port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl Server {
    pub(crate) fn start(args: &[&str]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_eig"))
            .args(["serve", "--port", "0"])
            .args(args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stderr = BufReader::new(child.stderr.take().unwrap());
        let mut first = String::new();
        stderr.read_line(&mut first).unwrap();
        let port = first
            .split("http://127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|port| port.parse().ok())
            .unwrap_or_else(|| panic!("no address in {first:?}"));
        let log = Arc::new(Mutex::new(Vec::new()));
        let lines = Arc::clone(&log);
        std::thread::spawn(move || {
            for line in stderr.lines() {
                let Ok(line) = line else { break };
                lines.lock().unwrap().push(line);
            }
        });
        Server { child, port, log }
    }

    pub(crate) fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    /// Sends SIGTERM and waits for the process; its exit status.
    pub(crate) fn terminate(&mut self) -> std::process::ExitStatus {
        let _ = Command::new("kill").args(["-TERM", &self.child.id().to_string()]).status();
        self.child.wait().unwrap()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if matches!(self.child.try_wait(), Ok(None)) {
            self.terminate();
        }
    }
}

/// An HTTP answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Answer {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }

    pub(crate) fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|err| panic!("{err}: {}", self.body))
    }
}

/// Sends `head` (request line and headers, without the final blank line) and `body` raw, and
/// reads the whole answer (the request asks the server to close the connection).
pub(crate) fn raw(port: u16, head: &str, body: &[u8]) -> Answer {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    stream.write_all(format!("{head}\r\nConnection: close\r\n\r\n").as_bytes()).unwrap();
    stream.write_all(body).unwrap();
    read_answer(&mut stream)
}

pub(crate) fn read_answer(stream: &mut TcpStream) -> Answer {
    let mut bytes = Vec::new();
    let _ = stream.read_to_end(&mut bytes);
    let text = String::from_utf8(bytes).unwrap();
    let (head, body) = text.split_once("\r\n\r\n").unwrap_or_else(|| panic!("no head: {text:?}"));
    let mut lines = head.lines();
    let status = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(": "))
        .map(|(name, value)| (name.to_owned(), value.to_owned()))
        .collect();
    let chunked = headers.iter().any(|(name, value)| {
        name.eq_ignore_ascii_case("transfer-encoding") && value.eq_ignore_ascii_case("chunked")
    });
    let body = if chunked { dechunk(body) } else { body.to_owned() };
    Answer { status, headers, body }
}

/// The body of a `Transfer-Encoding: chunked` answer (a large answer is sent as it is written);
/// it must end with its last chunk, or it was cut.
fn dechunk(mut rest: &str) -> String {
    let mut body = String::new();
    loop {
        let (size, after) = rest.split_once("\r\n").unwrap_or_else(|| panic!("a cut answer"));
        let size = usize::from_str_radix(size.trim(), 16).unwrap();
        if size == 0 {
            return body;
        }
        body.push_str(&after[..size]);
        rest = &after[size + 2..];
    }
}

pub(crate) fn get(port: u16, path: &str) -> Answer {
    raw(port, &format!("GET {path} HTTP/1.1\r\nHost: localhost"), b"")
}

pub(crate) fn post(port: u16, path: &str, body: &str) -> Answer {
    raw(
        port,
        &format!(
            "POST {path} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n\
             Content-Length: {}",
            body.len()
        ),
        body.as_bytes(),
    )
}

/// The OpenAPI document, and a check of answers against the schemas it gives.
struct Spec {
    document: Value,
}

impl Spec {
    fn fetch(port: u16) -> Spec {
        let answer = get(port, "/openapi.json");
        assert_eq!(answer.status, 200);
        Spec { document: answer.json() }
    }

    /// Checks `answer` against the schema of `method path`'s answer of its status: its 200
    /// schema, or the problem schema.
    fn check(&self, method: &str, path: &str, answer: &Answer) {
        let operation = &self.document["paths"][path][method];
        assert!(operation.is_object(), "{method} {path} is not in the OpenAPI document");
        let (content_type, response) = if answer.status == 200 {
            ("application/json", &operation["responses"]["200"])
        } else {
            (
                "application/problem+json",
                &self.document["paths"]["/v1/explain"]["post"]["responses"]["default"],
            )
        };
        assert_eq!(answer.header("content-type"), Some(content_type), "{method} {path}");
        let schema = &response["content"][content_type]["schema"];
        let location = match schema["$ref"].as_str() {
            Some(reference) => format!("http://localhost/openapi.json{reference}"),
            None => "http://localhost/inline.json".to_owned(),
        };
        let mut compiler = boon::Compiler::new();
        compiler.set_default_draft(boon::Draft::V2020_12);
        compiler.add_resource("http://localhost/openapi.json", self.document.clone()).unwrap();
        compiler.add_resource("http://localhost/inline.json", schema.clone()).unwrap();
        let mut schemas = boon::Schemas::new();
        let index = compiler
            .compile(&location, &mut schemas)
            .unwrap_or_else(|err| panic!("schema of {method} {path}: {err}"));
        let value = answer.json();
        let errors = Spec::validate(&schemas, index, &value);
        assert!(
            errors.is_empty(),
            "{method} {path}: answer not valid against its schema: {errors:#?}"
        );
        // The check can fail: the same answer with a field of the wrong type is refused.
        if let Some((key, field)) = value.as_object().and_then(|object| object.iter().next()) {
            let mut tampered = value.clone();
            tampered[key] = if field.is_number() { json!("12345") } else { json!(12345) };
            assert!(
                !Spec::validate(&schemas, index, &tampered).is_empty()
                    || path.starts_with("/v1/schemas/")
                    || path == "/v1/examples/json-schema",
                "{method} {path}: a tampered answer passes its schema"
            );
        }
    }

    fn validate(schemas: &boon::Schemas, index: boon::SchemaIndex, value: &Value) -> Vec<String> {
        match schemas.validate(value, index) {
            Ok(()) => Vec::new(),
            Err(err) => vec![format!("{err:#}").chars().take(3000).collect()],
        }
    }
}

/// The input of `eig explain` for a dossier.
#[derive(serde::Deserialize)]
struct Explain {
    dossier: eig_eligibility::DefiDossier,
}

fn command_json(args: &[&str], stdin: &str) -> Value {
    serde_json::from_str(&ok(args, stdin)).unwrap()
}

/// Every endpoint, on the command's examples: the same answer as the command (or the
/// library), valid against the OpenAPI document.
#[test]
#[expect(clippy::too_many_lines, reason = "one endpoint after the other, read top to bottom")]
fn every_endpoint_answers_like_the_command() {
    let server = Server::start(&[]);
    let spec = Spec::fetch(server.port);
    assert_eq!(spec.document["openapi"], "3.1.0");
    let port = server.port;
    let checked = |method: &str, path: &str, answer: Answer| -> Value {
        assert_eq!(answer.status, 200, "{method} {path}: {}", answer.body);
        spec.check(method, path, &answer);
        answer.json()
    };
    let mut covered = std::collections::BTreeSet::new();
    let mut cover = |method: &str, path: &str| covered.insert(format!("{method} {path}"));

    // POST endpoints: the command's example input, and its --format json output.
    for (path, kind, command) in [
        ("/v1/eligibility", "eligibility", vec!["eligibility", "--format", "json"]),
        ("/v1/funding", "funding", vec!["funding", "--format", "json"]),
        ("/v1/match", "match", vec!["match", "--format", "json"]),
        ("/v1/run", "campaign", vec!["run", "-", "--format", "json"]),
    ] {
        let input = ok(&["example", kind], "");
        let answer = checked("post", path, post(port, path, &input));
        assert_eq!(answer, command_json(&command, &input), "{path}");
        cover("post", path);
    }
    // The options of eig match as query parameters.
    let input = ok(&["example", "match"], "");
    for (query, flags) in [
        ("?hosts_propose=true&seed=7", vec!["--hosts-propose", "--seed", "7"]),
        ("?offers=true&seed=3", vec!["--offers", "--seed", "3"]),
        ("?exact=true&node_limit=5000", vec!["--exact", "--node-limit", "5000"]),
    ] {
        let path = format!("/v1/match{query}");
        let answer = checked("post", "/v1/match", post(port, &path, &input));
        let mut command = vec!["match", "--format", "json", "--explain"];
        command.extend(flags);
        assert_eq!(answer, command_json(&command, &input), "{path}");
    }
    // EIG3's example for every promotion with published rules, through the library.
    for promotion in ["EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7"] {
        let input = ok(&["example", "explain", "--promotion", promotion], "");
        let answer = checked("post", "/v1/explain", post(port, "/v1/explain", &input));
        let explain: Explain = serde_json::from_str(&input).unwrap();
        let decision = eig_eligibility::evaluate_dossier(&explain.dossier).unwrap();
        assert_eq!(answer["decision"], serde_json::to_value(&decision).unwrap());
        assert_eq!(answer["explanation"], eig_eligibility::render_french(&decision));
        assert_eq!(answer["explanation"].as_str().unwrap(), ok(&["explain"], &input));
    }
    cover("post", "/v1/explain");
    // A scenario overriding the PIA share.
    let input: Value = serde_json::from_str(&ok(&["example", "funding"], "")).unwrap();
    let scenario: Value = serde_json::from_str(&ok(&["example", "scenario"], "")).unwrap();
    let body = json!({"input": input, "scenario": scenario}).to_string();
    let answer = checked("post", "/v1/funding/scenario", post(port, "/v1/funding/scenario", &body));
    let plan = eig_funding::plan_promotion(
        &serde_json::from_value(input).unwrap(),
        &serde_json::from_value(scenario).unwrap(),
    )
    .unwrap();
    assert_eq!(answer, serde_json::to_value(&plan).unwrap());
    cover("post", "/v1/funding/scenario");
    // A case file, run like `eig test FILE --format json` runs it.
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../corpus/eligibility");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let file = files[0].display().to_string();
    let text = std::fs::read_to_string(&file).unwrap();
    let answer = checked("post", "/v1/cases", post(port, "/v1/cases", &text));
    let expected = ok(&["test", &file, "--format", "json"], "").replace(&file, "body.json");
    assert_eq!(answer, serde_json::from_str::<Value>(&expected).unwrap());
    assert!(answer["passed"].as_u64().unwrap() >= 1, "{answer}");
    // A case that quotes a sentence the text does not hold fails for its citation, saying
    // why; one without a quote runs with `drafts=true`, and not without.
    let invented = r#"{"title": "t", "source": "AAP3 §5.2", "quote": "le PIA paie 70 %",
        "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "70.00"}}"#;
    let answer = checked("post", "/v1/cases", post(port, "/v1/cases", invented));
    assert_eq!(answer["cases"][0]["status"], "miscited", "{answer}");
    let problem = &answer["cases"][0]["report"]["problems"][0];
    assert_eq!(problem["code"], "citation_not_verbatim", "{answer}");
    assert!(problem["nearest"].as_str().unwrap().contains("assuré à 70% par le PIA"), "{answer}");
    let draft = r#"{"title": "t", "source": "AAP3 §5.2",
        "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "70.00"}}"#;
    let answer = checked("post", "/v1/cases", post(port, "/v1/cases", draft));
    assert_eq!(answer["cases"][0]["status"], "miscited", "{answer}");
    let answer = checked("post", "/v1/cases", post(port, "/v1/cases?drafts=true", draft));
    assert_eq!(answer["cases"][0]["status"], "passed", "{answer}");
    cover("post", "/v1/cases");
    // The simulator: a dossier, its decision and the défi's plan.
    let dossier: Value =
        serde_json::from_str(&ok(&["example", "explain", "--promotion", "EIG3"], "")).unwrap();
    let body = json!({"dossier": dossier["dossier"]}).to_string();
    let answer = checked("post", "/v1/simulate", post(port, "/v1/simulate", &body));
    let parsed: eig_eligibility::DefiDossier =
        serde_json::from_value(dossier["dossier"].clone()).unwrap();
    let decision = eig_eligibility::evaluate_dossier(&parsed).unwrap();
    assert_eq!(answer["decision"], serde_json::to_value(&decision).unwrap());
    let eligible = eig_campaign::EligibleDossier::from_decision(&parsed, &decision).unwrap();
    let plan = eligible.plan(&eig_funding::Scenario::default()).unwrap();
    assert_eq!(answer["plan"], serde_json::to_value(&plan).unwrap());
    cover("post", "/v1/simulate");

    // GET endpoints.
    let history = checked("get", "/v1/history", get(port, "/v1/history"));
    assert_eq!(history, command_json(&["history", "--format", "json"], ""));
    let history = checked("get", "/v1/history", get(port, "/v1/history?promotion=eig%203"));
    assert_eq!(history, command_json(&["history", "--promotion", "EIG3", "--format", "json"], ""));
    cover("get", "/v1/history");
    let promotions = checked("get", "/v1/promotions", get(port, "/v1/promotions"));
    let facts: Vec<_> = eig_domain::Promotion::ALL.map(eig_domain::Promotion::facts).into();
    assert_eq!(promotions, serde_json::to_value(&facts).unwrap());
    cover("get", "/v1/promotions");
    let parameters = checked("get", "/v1/parameters", get(port, "/v1/parameters"));
    assert_eq!(parameters, serde_json::to_value(eig_funding::official_parameters()).unwrap());
    let on = chrono::NaiveDate::from_ymd_opt(2018, 6, 15).unwrap();
    let parameters = checked("get", "/v1/parameters", get(port, "/v1/parameters?on=2018-06-15"));
    // In force that day: dated by its period, or from its promotion's call on
    // (eig_api::list_parameters).
    let expected = eig_api::list_parameters(Some(on));
    assert!(!expected.is_empty() && expected.len() < eig_funding::official_parameters().len());
    assert_eq!(parameters, serde_json::to_value(expected).unwrap());
    cover("get", "/v1/parameters");
    // The rules catalogue and the difference answer what the command answers.
    let rules = checked("get", "/v1/rules", get(port, "/v1/rules?promotion=EIG3&on=2018-06-01"));
    let command = command_json(
        &["rules", "--promotion", "EIG3", "--on", "2018-06-01", "--format", "json"],
        "",
    );
    assert_eq!(rules, command);
    assert_eq!(rules["open_calls"][0]["kind"], "defis");
    cover("get", "/v1/rules");
    let diff = checked("get", "/v1/rules/diff", get(port, "/v1/rules/diff?from=EIG3&to=EIG4"));
    assert_eq!(diff, command_json(&["rules", "--diff", "EIG3", "EIG4", "--format", "json"], ""));
    cover("get", "/v1/rules/diff");
    let example =
        checked("get", "/v1/examples/dossier", get(port, "/v1/examples/dossier?promotion=EIG4"));
    assert_eq!(
        example,
        command_json(&["example", "explain", "--promotion", "EIG4"], "")["dossier"]
    );
    cover("get", "/v1/examples/dossier");
    let vocabulary = checked("get", "/v1/vocabulary", get(port, "/v1/vocabulary"));
    assert!(
        vocabulary["host_kinds"]
            .as_array()
            .unwrap()
            .iter()
            .any(|kind| kind["label"] == "établissement de santé")
    );
    assert_eq!(vocabulary["promotions"].as_array().unwrap().len(), 6, "{vocabulary}");
    cover("get", "/v1/vocabulary");
    // Every shape's schema and example, as `eig schema` and `eig example` print them.
    for shape in eig_api::shapes() {
        let kind = shape.kind;
        let path = format!("/v1/schemas/{kind}");
        let schema = checked("get", &path, get(port, &path));
        assert_eq!(schema, command_json(&["schema", kind], ""), "{path}");
        cover("get", &path);
        let path = format!("/v1/examples/{kind}");
        let example = checked("get", &path, get(port, &path));
        assert_eq!(example, command_json(&["example", kind], ""), "{path}");
        cover("get", &path);
    }
    // The operations that have no subcommand of their own: their example input, answered as
    // the derived subcommand answers it with --format json.
    for op in eig_api::operations() {
        let Some(input) = op.input else { continue };
        let tested_above = ["/v1/eligibility", "/v1/funding", "/v1/match", "/v1/run"];
        let tested_above = [&tested_above[..], &["/v1/explain", "/v1/funding/scenario"]].concat();
        let tested_above = [&tested_above[..], &["/v1/cases", "/v1/simulate"]].concat();
        if tested_above.contains(&op.path) {
            continue;
        }
        let body = ok(&["example", input], "");
        let answer = checked("post", op.path, post(port, op.path, &body));
        assert_eq!(answer, command_json(&[op.command, "--format", "json"], &body), "{}", op.path);
        cover("post", op.path);
    }
    let health = checked("get", "/healthz", get(port, "/healthz"));
    assert_eq!(health, json!({"status": "ok"}));
    cover("get", "/healthz");
    cover("get", "/openapi.json");

    // Every operation of the document was called.
    let mut documented = std::collections::BTreeSet::new();
    for (path, item) in spec.document["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            documented.insert(format!("{method} {path}"));
        }
    }
    assert_eq!(documented, covered);

    // One log line per request: method, path, status, duration; never a body.
    let log = server.log();
    assert!(
        log.iter().any(|line| line.starts_with("POST /v1/run 200 ") && line.ends_with("ms")),
        "{log:#?}"
    );
    assert!(!log.iter().any(|line| line.contains("eig3-defi") || line.contains('{')), "{log:#?}");
}

/// What the command says on standard error about `stdin` given to `eig explain`, with the
/// input named as the server names it.
fn command_message(stdin: &str) -> String {
    let (code, _, stderr) = super::eig(&["explain"], stdin);
    assert_eq!(code, 1);
    stderr.trim_end().strip_prefix("erreur : ").unwrap().replace("<entrée standard>", "body")
}

/// Bad requests get the right status and a problem document (RFC 9457) with the command's
/// message and the JSON path; after each one, the server still answers.
#[test]
#[expect(clippy::too_many_lines, reason = "one bad request after the other, read top to bottom")]
fn bad_requests_get_a_problem_and_the_server_keeps_serving() {
    let server = Server::start(&["--body-limit", "4096", "--timeout", "2"]);
    let spec = Spec::fetch(server.port);
    let port = server.port;
    let example = ok(&["example", "explain"], "");
    let unknown_field = example.replacen("\"dossier\": {", "\"dossier\": {\"colour\": 1,", 1);
    let big = format!("{{\"dossier\": \"{}\"}}", "x".repeat(5000));
    let cases: Vec<(&str, &str, Answer, u16, &str)> = vec![
        (
            "post",
            "/v1/explain",
            raw(
                port,
                &format!(
                    "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: {}",
                    example.len()
                ),
                example.as_bytes(),
            ),
            415,
            "unsupported-media-type",
        ),
        (
            "post",
            "/v1/explain",
            raw(
                port,
                &format!(
                    "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Length: {}",
                    example.len()
                ),
                example.as_bytes(),
            ),
            415,
            "unsupported-media-type",
        ),
        ("post", "/v1/explain", post(port, "/v1/explain", "{\"dossier\": "), 400, "invalid-json"),
        ("post", "/v1/explain", post(port, "/v1/explain", ""), 400, "invalid-json"),
        (
            "post",
            "/v1/explain",
            raw(
                port,
                "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2",
                b"\xff\xfe",
            ),
            400,
            "invalid-json",
        ),
        ("post", "/v1/explain", post(port, "/v1/explain", &unknown_field), 422, "invalid-input"),
        ("post", "/v1/explain", post(port, "/v1/explain", &big), 413, "body-too-large"),
        (
            "post",
            "/v1/explain",
            raw(
                port,
                "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked",
                format!("1388\r\n{}\r\n0\r\n\r\n", "x".repeat(5000)).as_bytes(),
            ),
            413,
            "body-too-large",
        ),
        ("get", "/v1/nowhere", get(port, "/v1/nowhere"), 404, "not-found"),
        ("get", "/v1/explain", get(port, "/v1/explain"), 405, "method-not-allowed"),
        ("post", "/healthz", post(port, "/healthz", "{}"), 405, "method-not-allowed"),
        ("get", "/v1/history", get(port, "/v1/history?promotion=EIG9"), 400, "invalid-parameter"),
        ("post", "/v1/match", post(port, "/v1/match?seed=abc", "{}"), 400, "invalid-parameter"),
        ("post", "/v1/match", post(port, "/v1/match?offers=oui", "{}"), 400, "invalid-parameter"),
        (
            "post",
            "/v1/match",
            post(port, "/v1/match?exact=false&node_limit=5", "{}"),
            400,
            "invalid-parameter",
        ),
        (
            "get",
            "/v1/parameters",
            get(port, "/v1/parameters?on=15/06/2018"),
            400,
            "invalid-parameter",
        ),
        (
            "post",
            "/v1/simulate",
            post(port, "/v1/simulate", "{\"dossier\": {}}"),
            422,
            "invalid-input",
        ),
    ];
    for (method, path, answer, status, kind) in cases {
        assert_eq!(answer.status, status, "{method} {path}: {}", answer.body);
        let problem = answer.json();
        assert_eq!(problem["type"], format!("urn:eig:problem:{kind}"), "{problem}");
        assert_eq!(problem["status"], status);
        assert_eq!(problem["instance"], path);
        if spec.document["paths"][path][method].is_object() {
            spec.check(method, path, &answer);
        }
        assert_eq!(get(port, "/healthz").status, 200, "after {method} {path}");
    }
    // The command's message, with the JSON path, the line and the column.
    let answer = post(port, "/v1/explain", &unknown_field);
    let problem = answer.json();
    assert_eq!(problem["detail"], command_message(&unknown_field));
    assert_eq!(problem["path"], "$.dossier.colour");
    let answer = post(port, "/v1/explain", "{\"dossier\": ");
    let problem = answer.json();
    assert_eq!(problem["detail"], command_message("{\"dossier\": "));
    assert_eq!((problem["line"].clone(), problem["column"].clone()), (json!(1), json!(12)));
    // 405 names the methods allowed.
    assert_eq!(get(port, "/v1/explain").header("allow"), Some("POST"));

    // A slow client: headers, part of the body, then nothing; the server answers 408 after
    // its timeout (2 s here), and serves others meanwhile.
    let mut slow = TcpStream::connect(("127.0.0.1", port)).unwrap();
    slow.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    slow.write_all(b"POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"dossier\"").unwrap();
    assert_eq!(get(port, "/healthz").status, 200);
    let answer = read_answer(&mut slow);
    assert_eq!(answer.status, 408, "{}", answer.body);
    assert_eq!(answer.json()["type"], "urn:eig:problem:request-timeout");

    // A slower client still: part of the request head, then nothing. The connection is
    // closed once the timeout has passed (no answer can be sent before the head is read).
    let mut silent = TcpStream::connect(("127.0.0.1", port)).unwrap();
    silent.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    silent.write_all(b"POST /v1/explain HTTP/1.1\r\nHost").unwrap();
    assert_eq!(get(port, "/healthz").status, 200);
    let mut rest = Vec::new();
    silent.read_to_end(&mut rest).unwrap();
    let rest = String::from_utf8_lossy(&rest);
    assert!(rest.is_empty() || rest.starts_with("HTTP/1.1 408"), "{rest}");
    assert_eq!(post(port, "/v1/explain", &example).status, 200);
}

/// SIGTERM: the server finishes the request in flight, then stops with exit code 0.
#[test]
fn a_graceful_shutdown_finishes_the_requests_in_flight() {
    let mut server = Server::start(&[]);
    let example = ok(&["example", "explain"], "");
    // The connection is being served (a first request answered on it) before the signal.
    let mut connection = KeepAlive::open(server.port);
    assert_eq!(connection.send("GET", "/healthz", "").0, 200);
    let head = format!(
        "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n",
        example.len()
    );
    connection.write(head.as_bytes());
    connection.write(&example.as_bytes()[..10]);
    std::thread::sleep(Duration::from_millis(500));
    let _ = Command::new("kill").args(["-TERM", &server.child.id().to_string()]).status();
    std::thread::sleep(Duration::from_millis(300));
    connection.write(&example.as_bytes()[10..]);
    let (status, body) = connection.read();
    assert_eq!(status, 200, "{body}");
    let status = server.child.wait().unwrap();
    assert!(status.success(), "{status}");
    std::thread::sleep(Duration::from_millis(100));
    assert!(server.log().iter().any(|line| line == "eig serve : arrêté"), "{:#?}", server.log());
}

/// The browser test is ignored by a plain `cargo test`: the gate script runs it by name, so
/// that it is not left out of CI unnoticed.
#[test]
fn the_gate_script_runs_the_browser_test() {
    let script =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../.ci/run")).unwrap();
    let step = script.lines().skip_while(|line| !line.contains("the_simulator_in_a_real_browser"));
    let command: String = step.take(2).collect();
    assert!(command.starts_with("cargo test "), "{command}");
    assert!(command.contains("-- --ignored --exact"), "{command}");
}

/// The simulator in a real headless Chromium, through `WebDriver` (chromedriver), one browser
/// session for every path: each promotion EIG2–EIG7 as a host administration (a dossier
/// answered to its plan, a refusal, an incomplete answer), the candidate path for EIG3 and
/// EIG7, a date the calendar does not have, the answers of another promotion dropped, the
/// page at 390 px, two paths with the keyboard alone. Every decision, route and amount read
/// from the page is compared with the library's (`eig_api::simulate`,
/// `eig_api::simulate_candidate`) for the request the page offers for download; axe-core runs
/// inside the page at every step, with the rules of WCAG 2.1 A and AA: 0 violations.
///
/// Ignored by a plain `cargo test`, which then says `ignored` with the reason, not `ok`: a
/// test cannot skip itself at run time, and one that returned early would read as a pass.
/// `.ci/run` installs chromium, chromium-driver and axe-core (`npm install --prefix
/// target/axe axe-core`; `EIG_AXE` names another `axe.min.js`) and runs it with `--ignored`;
/// `EIG_UPDATE_SCREENSHOTS=1` also writes the screenshots under docs/images/.
#[test]
#[ignore = "il faut Chromium, chromedriver et axe-core : .ci/run les installe et lance ce test \
            avec cargo test -- --ignored"]
fn the_simulator_in_a_real_browser() {
    let axe_path = std::env::var("EIG_AXE").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/../../target/axe/node_modules/axe-core/axe.min.js")
            .to_owned()
    });
    let axe = std::fs::read_to_string(&axe_path).unwrap_or_else(|err| {
        panic!("axe-core absent ({axe_path}: {err}) : npm install --prefix target/axe axe-core")
    });
    let server = Server::start(&[]);
    let driver_port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        listener.local_addr().unwrap().port()
    };
    let mut driver = Command::new("chromedriver")
        .arg(format!("--port={driver_port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromedriver (Debian package chromium-driver)");
    for _ in 0..100 {
        if TcpStream::connect(("127.0.0.1", driver_port)).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let result = runtime.block_on(browser::run(driver_port, server.port, axe));
    let _ = driver.kill();
    let _ = driver.wait();
    result.unwrap();
}

mod browser {
    use std::{collections::BTreeMap, time::Duration};

    use eig_domain::{Euros, FundingRoute, Promotion};
    use fantoccini::{
        Client, ClientBuilder, Locator,
        key::Key,
        wd::{PrintConfiguration, PrintMargins, PrintSize},
    };
    use serde_json::{Value, json};

    type Result<T> = std::result::Result<T, Box<dyn std::error::Error>>;

    /// The page's session: the client, the server's port, axe-core's source.
    struct Page<'a> {
        client: &'a Client,
        port: u16,
        axe: &'a str,
        checks: usize,
    }

    pub(super) async fn run(driver_port: u16, port: u16, axe: String) -> Result<()> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "goog:chromeOptions".to_owned(),
            json!({"args": ["--headless=new", "--no-sandbox", "--disable-gpu",
                            "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=fr-FR"]}),
        );
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&format!("http://127.0.0.1:{driver_port}"))
            .await?;
        let mut page = Page { client: &client, port, axe: &axe, checks: 0 };
        let outcome = scenarios(&mut page).await;
        client.close().await?;
        let checks = outcome?;
        let _ = std::io::Write::write_fmt(
            &mut std::io::stderr(),
            format_args!("browser: {checks} steps checked by axe-core, 0 violations\n"),
        );
        Ok(())
    }

    /// What a scenario answers to each question the page may ask of a host administration
    /// (by the question's element id), and to the talents' questions.
    #[derive(Clone, Copy)]
    enum Scenario {
        /// Answers that lead to a plan.
        Eligible,
        /// Answers one of which the promotion's rules refuse.
        Refused,
    }

    async fn scenarios(page: &mut Page<'_>) -> Result<usize> {
        for promotion in [
            Promotion::Eig2,
            Promotion::Eig3,
            Promotion::Eig4,
            Promotion::Eig5,
            Promotion::Eig6,
            Promotion::Eig7,
        ] {
            // Incomplete: nothing answered.
            page.open().await?;
            page.select("#promotion", &promotion.to_string()).await?;
            page.settle("incomplete", promotion).await?;
            page.same_as_library().await?;
            // Eligible, to the plan.
            answer_host(page, Scenario::Eligible, promotion).await?;
            let plan = page.same_as_library().await?;
            assert!(plan, "{promotion}: no plan on the page");
            edit_the_defi(page, promotion).await?;
            page.printed(&format!("{promotion}, eligible")).await?;
            page.client.set_window_size(1280, 1000).await?;
            if promotion == Promotion::Eig7 {
                page.client.set_window_size(1280, 1400).await?;
                page.screenshot("simulator-eligible-eig7-1280.png").await?;
                page.narrow().await?;
                page.screenshot("simulator-eligible-eig7-390.png").await?;
            }
            // Refused.
            page.open().await?;
            page.select("#promotion", &promotion.to_string()).await?;
            answer_host(page, Scenario::Refused, promotion).await?;
            page.same_as_library().await?;
            let verdict = page.text("#verdict").await?;
            assert_eq!(verdict, "inéligible", "{promotion}");
            assert!(!page.text("#reasons").await?.is_empty(), "{promotion}: no reason shown");
        }
        dates_refused_in_the_persons_words(page).await?;
        answers_of_another_promotion_are_dropped(page).await?;
        candidates(page).await?;
        keyboard_only(page).await?;
        keyboard_only_to_a_plan(page).await?;
        Ok(page.checks)
    }

    /// The closing of a promotion's call for défis, from its sourced facts.
    fn closing(promotion: Promotion) -> Option<chrono::NaiveDateTime> {
        let facts = serde_json::to_value(promotion.facts()).ok()?;
        let paris = facts.pointer("/call_for_defis/value/closes/deadline/paris")?.as_str()?;
        paris.parse().ok()
    }

    /// A date and a time in Paris a day before (or after) the call closed, as a person types
    /// them.
    fn day_around(promotion: Promotion, days: i64) -> (String, String) {
        let closes = closing(promotion).expect("a promotion that asks the date has a closing");
        let day = closes - chrono::Duration::days(days);
        (day.format("%d/%m/%Y").to_string(), "12:00".to_owned())
    }

    async fn answer_host(
        page: &mut Page<'_>,
        scenario: Scenario,
        promotion: Promotion,
    ) -> Result<()> {
        for _ in 0..20 {
            page.settle_any().await?;
            let needed = page.needed().await?;
            if needed.is_empty() {
                return Ok(());
            }
            let id = &needed[0];
            let refused = matches!(scenario, Scenario::Refused);
            match id.as_str() {
                "q-funding-cofinancing-requested" => {
                    page.click(&format!(
                        "#{id}-{}",
                        if refused && promotion == Promotion::Eig2 { "non" } else { "oui" }
                    ))
                    .await?;
                }
                "q-funding-self-funded"
                | "q-funding-alternative-funding"
                | "q-economic-and-financial-ministries"
                | "q-team-exception-granted"
                | "q-purely-it-tooling" => page.click(&format!("#{id}-non")).await?,
                "q-titre2-programme" | "q-carrier-convention" => {
                    page.click(&format!("#{id}-oui")).await?;
                }
                "q-beta-gouv-phase" => {
                    let phase =
                        if refused { "aucune fiche produit publiée" } else { "construction" };
                    page.select_label(&format!("#{id}-choice"), phase).await?;
                }
                "q-submitted-at" => {
                    let (date, time) = day_around(promotion, if refused { -3 } else { 3 });
                    page.type_in(&format!("#{id}-date"), &date).await?;
                    page.type_in(&format!("#{id}-time"), &time).await?;
                }
                talent if talent.ends_with("-experience") => {
                    page.type_in(&format!("#{talent}-years"), "3").await?;
                }
                talent if talent.ends_with("-employer-cost") => {
                    page.type_in(&format!("#{talent}-amount"), "75 000").await?;
                }
                other => {
                    return Err(
                        format!("{promotion}: a question no scenario answers: {other}").into()
                    );
                }
            }
            page.settle_any().await?;
        }
        Err(format!("{promotion}: the questions never end").into())
    }

    /// 31/02/2018 is refused in the person's words, under the field, in French, with no JSON
    /// path; the message goes at the next answer.
    async fn dates_refused_in_the_persons_words(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.type_in("#q-submitted-at-date", "31/02/2018").await?;
        page.type_in("#q-submitted-at-time", "16h").await?;
        page.settle_any().await?;
        let error = page.text("#q-submitted-at-error").await?;
        assert_eq!(error, "Le 31/02/2018 n'existe pas : février 2018 compte 28 jours.");
        let status = page.text("#status").await?;
        assert!(!status.contains('$') && !status.contains("UTC"), "{status}");
        let invalid = page.js("return document.getElementById('q-submitted-at-date').getAttribute('aria-invalid')").await?;
        assert_eq!(invalid, json!("true"));
        page.type_in("#q-submitted-at-date", "2018-02-28").await?;
        page.settle_any().await?;
        assert!(page.text("#q-submitted-at-error").await?.is_empty());
        // 02:30 on 25 March 2018 did not exist in Paris.
        page.type_in("#q-submitted-at-date", "25/03/2018").await?;
        page.type_in("#q-submitted-at-time", "02:30").await?;
        page.settle_any().await?;
        assert!(page.text("#q-submitted-at-error").await?.contains("n'a pas existé à Paris"));
        Ok(())
    }

    /// EIG3's questions, answered, are not shown on EIG7, whose rules do not read them.
    async fn answers_of_another_promotion_are_dropped(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.click("#q-purely-it-tooling-non").await?;
        page.click("#q-funding-self-funded-non").await?;
        page.settle_any().await?;
        page.select("#promotion", "EIG7").await?;
        page.settle_any().await?;
        let questions = page
            .js("return [...document.querySelectorAll('#question-list .question')].map(q => q.id)")
            .await?;
        assert_eq!(questions, json!(["q-beta-gouv-phase"]));
        let request = page.request().await?;
        assert!(request["dossier"].get("purely_it_tooling").is_none(), "{request}");
        Ok(())
    }

    /// A talent's path: EIG7, a legal person, refused with the reason and its source; EIG3,
    /// answered to eligible.
    async fn candidates(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.click("#path-candidate").await?;
        page.select("#candidate-promotion", "EIG7").await?;
        page.settle_any().await?;
        page.same_as_library().await?;
        page.select_label(
            "#c-candidate-status-person-choice",
            "personne morale (entreprise, association…)",
        )
        .await?;
        page.settle_any().await?;
        // A legal person is refused: the studies no longer change the decision, and are
        // not asked.
        assert_eq!(page.text("#verdict").await?, "inéligible");
        let reasons = page.text("#reasons").await?;
        assert!(reasons.contains("REG7 §2.1"), "{reasons}");
        page.same_as_library().await?;
        page.client.set_window_size(1280, 1000).await?;
        page.screenshot("simulator-candidate-refused-1280.png").await?;
        page.narrow().await?;
        page.screenshot("simulator-candidate-refused-390.png").await?;
        page.printed("EIG7, a refused candidate").await?;

        candidate_with_choices_and_days(page).await?;
        candidate_with_ranked_projects(page).await?;
        Ok(())
    }

    /// The défi edited where the promotion's rules read it: a commitment unticked, refused
    /// with that commitment named among the reasons, ticked again, eligible with the same
    /// plan as the library's; for EIG3 also the team: one talent (refused: two or three),
    /// then two again, the first one renamed, the plan naming them so.
    async fn edit_the_defi(page: &mut Page<'_>, promotion: Promotion) -> Result<()> {
        page.settle_any().await?;
        let shown = page.js("return !document.getElementById('commitment-editor').hidden").await?;
        let facts: Vec<String> = serde_json::from_value(
            page.js("const r = JSON.parse(decodeURIComponent(document.getElementById('download-result').href.split(',')[1])); return r.decision.trace.flatMap((e) => e.facts.map((f) => f.name))").await?,
        )?;
        // Shown exactly when the rules read the commitments.
        assert_eq!(
            shown == json!(true),
            facts.iter().any(|fact| fact == "defi.commitments.count"),
            "{promotion}: commitments editor"
        );
        if shown == json!(true) {
            let first: Vec<String> = serde_json::from_value(
                page.js("const box = document.querySelector('#commitment-editor input[type=checkbox]'); return [box.id, document.querySelector(`label[for=\"${box.id}\"]`).textContent]").await?,
            )?;
            let (id, label) = (&first[0], &first[1]);
            page.click(&format!("#{id}")).await?;
            page.settle_any().await?;
            if promotion == Promotion::Eig3 {
                page.narrow().await?;
                page.screenshot_at("simulator-commitment-off-390.png", "defi-parts").await?;
                page.screenshot("simulator-commitment-off-result-390.png").await?;
                page.client.set_window_size(1280, 1000).await?;
            }
            assert_eq!(page.text("#verdict").await?, "inéligible", "{promotion}: {label} off");
            let reasons = page.text("#reasons").await?;
            assert!(reasons.contains(label.as_str()), "{promotion}: {reasons} / {label}");
            assert!(!page.same_as_library().await?, "{promotion}: a plan for a refusal");
            let request = page.request().await?;
            let value = id.trim_start_matches("commitment-").replace('-', "_");
            let attested = &request["dossier"]["defi"]["commitments"];
            assert!(!attested.as_array().unwrap().contains(&json!(value)), "{attested}");
            page.click(&format!("#{id}")).await?;
            page.settle_any().await?;
            assert_eq!(page.text("#verdict").await?, "éligible", "{promotion}: {label} on");
            assert!(page.same_as_library().await?, "{promotion}: no plan once attested again");
        }
        if promotion == Promotion::Eig3 {
            page.select("#team-size", "0").await?;
            page.settle_any().await?;
            assert_eq!(page.text("#verdict").await?, "inéligible", "EIG3 with one talent");
            page.same_as_library().await?;
            page.select("#team-size", "1").await?;
            page.settle_any().await?;
            page.type_in("#seat-1-name", "Camille").await?;
            page.settle_any().await?;
            assert_eq!(page.text("#verdict").await?, "éligible");
            assert!(page.same_as_library().await?);
            let payers = page.text("#payers tbody").await?;
            assert!(payers.starts_with("Camille"), "{payers}");
            assert!(payers.contains("talent 2"), "{payers}");
        }
        Ok(())
    }

    /// The day before (or `days` after) a promotion's call for candidates (or its choice
    /// window, for `choices_submitted_at`) closed, from its sourced facts, as typed.
    fn candidate_day(promotion: Promotion, pointer: &str, days: i64) -> String {
        let facts = serde_json::to_value(promotion.facts()).unwrap();
        let closes = facts.pointer(pointer).unwrap_or_else(|| panic!("{promotion}: {pointer}"));
        let day: chrono::NaiveDate = match closes["deadline"]["paris"].as_str() {
            Some(paris) => paris.parse::<chrono::NaiveDateTime>().unwrap().date(),
            None => closes["at"].as_str().unwrap()[..10].parse().unwrap(),
        };
        (day + chrono::Duration::days(days)).format("%d/%m/%Y").to_string()
    }

    /// Answers the questions a candidate is asked, as an eligible candidate would: a natural
    /// person, a civil servant in post whose last day is `last_day`, the choices (the first
    /// défis, projects or profiles offered, as few as the promotion allows), `selection` as
    /// the selection's day. The ids of the questions asked, in order.
    async fn answer_candidate(
        page: &mut Page<'_>,
        promotion: Promotion,
        last_day: &str,
        selection: &str,
    ) -> Result<Vec<String>> {
        let mut asked = Vec::new();
        for _ in 0..16 {
            page.settle_any().await?;
            let needed = page.needed().await?;
            let Some(id) = needed.first() else { return Ok(asked) };
            asked.push(id.clone());
            match id.as_str() {
                "c-candidate-status-person" => {
                    page.select_label(&format!("#{id}-choice"), "personne physique").await?;
                }
                "c-candidate-status-civil-service" => {
                    page.select_label(
                        &format!("#{id}-choice"),
                        "fonctionnaire ou assimilé, en poste",
                    )
                    .await?;
                    page.settle_any().await?;
                    // In post with no departure planned: refused, whatever the day.
                    assert_eq!(page.text("#verdict").await?, "inéligible", "{promotion}");
                    assert!(page.text("#reasons").await?.contains("en poste"));
                    page.same_as_library().await?;
                    page.type_in(&format!("#{id}-last-day-in-post-date"), last_day).await?;
                }
                "c-candidate-status-studies" => {
                    page.select_label(&format!("#{id}-choice"), "pas en scolarité").await?;
                }
                "c-candidate-status-past-participations" => {
                    page.select_label(&format!("#{id}-choice"), "non, jamais").await?;
                }
                "c-candidate-status-jury-member" => page.click(&format!("#{id}-non")).await?,
                "c-choices" => choose(page, promotion).await?,
                "c-submitted-at" => {
                    let day = candidate_day(promotion, "/call_for_candidates/value/closes", -3);
                    page.type_in(&format!("#{id}-date"), &day).await?;
                    page.type_in(&format!("#{id}-time"), "18h30").await?;
                }
                "c-choices-submitted-at" => {
                    let day = candidate_day(promotion, "/choice_window/value/closes", -1);
                    page.type_in(&format!("#{id}-date"), &day).await?;
                    page.type_in(&format!("#{id}-time"), "12:00").await?;
                }
                "c-selection-decided-on" => {
                    page.type_in(&format!("#{id}-date"), selection).await?;
                }
                other => {
                    return Err(format!(
                        "{promotion} candidate: a question no scenario answers: {other}"
                    )
                    .into());
                }
            }
        }
        Err(format!("{promotion} candidate: the questions never end").into())
    }

    /// The candidate's choices as few as the promotion's limit allows, among what the page
    /// offers: the défis of the promotion named as the programme named them (with their host
    /// administration, from the history), boxes to tick; or one list per rank when the order
    /// counts.
    async fn choose(page: &mut Page<'_>, promotion: Promotion) -> Result<()> {
        let limit = promotion.facts().choice_limit.expect("a limit").value;
        let ordered = page.js("return !!document.getElementById('c-choices-rank-1')").await?;
        assert_eq!(ordered == json!(true), limit.ordered, "{promotion}");
        let labels: Vec<String> = serde_json::from_value(if limit.ordered {
            page.js("return [...document.querySelectorAll('#c-choices-rank-1 option')].slice(1).map((o) => o.textContent)").await?
        } else {
            page.js("return [...document.querySelectorAll('#c-choices label')].map((l) => l.textContent)").await?
        })?;
        if !matches!(limit.unit, eig_domain::ChoiceUnit::Profiles) {
            let history: Vec<String> = eig_api::official_figures(Some(promotion))
                .defis
                .iter()
                .map(|record| format!("{} ({})", record.title, record.host_administration))
                .collect();
            assert_eq!(labels, history, "{promotion}: the défis offered");
        }
        let count = usize::from(limit.min.max(2)).min(usize::from(limit.max));
        for (rank, label) in labels.iter().enumerate().take(count) {
            if limit.ordered {
                page.select_label(&format!("#c-choices-rank-{}", rank + 1), label).await?;
            } else {
                page.click(&format!("#c-choices-option-{rank}")).await?;
            }
            page.settle_any().await?;
        }
        let request = page.request().await?;
        let choices = request["application"]["choices"].as_array().cloned().unwrap_or_default();
        assert_eq!(choices.len(), count, "{request}");
        let key =
            if matches!(limit.unit, eig_domain::ChoiceUnit::Profiles) { "profile" } else { "defi" };
        assert!(choices.iter().all(|choice| choice.get(key).is_some()), "{request}");
        Ok(())
    }

    /// EIG3: every question asked, the choices two défis ticked among the promotion's, a civil
    /// servant in post until 30/11/2018, which asks the day of the selection (AAC3 art. 4: in
    /// post « au moment de la décision de la sélection »), 14/12/2018: eligible; in post until
    /// 20/12/2018: refused; back to 30/11/2018: eligible. Then EIG7, which reads neither the
    /// choices nor the selection's day: both leave the request.
    async fn candidate_with_choices_and_days(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.click("#path-candidate").await?;
        page.select("#candidate-promotion", "EIG3").await?;
        let asked = answer_candidate(page, Promotion::Eig3, "30/11/2018", "14/12/2018").await?;
        assert!(asked.contains(&"c-selection-decided-on".to_owned()), "{asked:?}");
        assert!(asked.contains(&"c-choices".to_owned()), "{asked:?}");
        assert_eq!(page.text("#verdict").await?, "éligible");
        page.same_as_library().await?;
        let request = page.request().await?;
        assert_eq!(
            request["typed"]["candidate.status.civil_service.last_day_in_post"],
            json!({"kind": "day", "date": "30/11/2018"})
        );
        assert_eq!(
            request["typed"]["selection_decided_on"],
            json!({"kind": "day", "date": "14/12/2018"})
        );
        let last_day = "#c-candidate-status-civil-service-last-day-in-post-date";
        page.type_in(last_day, "20/12/2018").await?;
        page.settle_any().await?;
        assert_eq!(page.text("#verdict").await?, "inéligible");
        assert!(page.text("#reasons").await?.contains("14/12/2018"));
        page.same_as_library().await?;
        page.type_in(last_day, "30/11/2018").await?;
        page.settle_any().await?;
        assert_eq!(page.text("#verdict").await?, "éligible");
        page.same_as_library().await?;
        page.narrow().await?;
        page.screenshot_at(
            "simulator-candidate-choices-390.png",
            "c-candidate-status-civil-service",
        )
        .await?;
        page.client.set_window_size(1280, 1000).await?;
        page.screenshot_at("simulator-candidate-choices-1280.png", "candidate-questions").await?;
        page.select("#candidate-promotion", "EIG7").await?;
        page.settle_any().await?;
        page.same_as_library().await?;
        let request = page.request().await?;
        assert!(request["application"].get("choices").is_none(), "{request}");
        assert!(request["typed"].get("selection_decided_on").is_none(), "{request}");
        assert!(page.js("return document.getElementById('c-choices')").await?.is_null());
        Ok(())
    }

    /// EIG6: the projects ranked, one list per rank (AAC6 art. 5: three to five, in order of
    /// preference), the day the choices were received asked, a civil servant in post until the
    /// day before the missions start: eligible, as the library decides; the same project
    /// twice: refused.
    async fn candidate_with_ranked_projects(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.click("#path-candidate").await?;
        page.select("#candidate-promotion", "EIG6").await?;
        let asked = answer_candidate(page, Promotion::Eig6, "11/09/2022", "").await?;
        assert!(asked.contains(&"c-choices".to_owned()), "{asked:?}");
        assert_eq!(page.text("#verdict").await?, "éligible", "{asked:?}");
        page.same_as_library().await?;
        page.narrow().await?;
        page.screenshot_at("simulator-candidate-ranked-390.png", "c-choices").await?;
        page.client.set_window_size(1280, 1000).await?;
        let second = page
            .js("return document.querySelector('#c-choices-rank-2').selectedOptions[0].textContent")
            .await?;
        page.select_label("#c-choices-rank-1", second.as_str().unwrap_or_default()).await?;
        page.settle_any().await?;
        assert_eq!(page.text("#verdict").await?, "inéligible");
        page.same_as_library().await?;
        Ok(())
    }

    /// EIG2 for a ministry, with Tab, the arrow keys, Space and Enter only, to an eligible
    /// decision and its plan: the promotion chosen with the arrow keys in its list; the
    /// cofinancing question, a radio group with one tab stop, answered `oui` with Space, then
    /// `non` and `oui` again with the arrow keys (each arrow moves the focus and checks the
    /// radio, as in any radio group); the result asked again with Enter.
    async fn keyboard_only_to_a_plan(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.js("document.activeElement.blur(); window.scrollTo(0, 0)").await?;
        let mut trail = Vec::new();
        page.tab_to("promotion", &mut trail).await?;
        page.key(&Key::Up.to_string()).await?;
        page.settle_any().await?;
        assert_eq!(page.js("return document.getElementById('promotion').value").await?, "EIG2");
        let group = "q-funding-cofinancing-requested";
        page.tab_to(&format!("{group}-oui"), &mut trail).await?;
        page.key(" ").await?;
        page.settle_any().await?;
        assert_eq!(page.checked(group).await?, "oui");
        assert_eq!(page.text("#verdict").await?, "éligible");
        page.key(&Key::Right.to_string()).await?;
        page.settle_any().await?;
        assert_eq!(page.focused().await?, format!("{group}-non"));
        assert_eq!(page.checked(group).await?, "non");
        assert_ne!(page.text("#verdict").await?, "éligible");
        page.same_as_library().await?;
        page.key(&Key::Left.to_string()).await?;
        page.settle_any().await?;
        assert_eq!(page.focused().await?, format!("{group}-oui"));
        assert_eq!(page.checked(group).await?, "oui");
        // One tab stop per radio group: Tab leaves the group, Shift+Tab comes back to the
        // checked radio.
        page.key(&Key::Tab.to_string()).await?;
        assert!(!page.focused().await?.starts_with(group), "Tab stays in the group");
        page.key(&format!("{}{}", Key::Shift, Key::Tab)).await?;
        assert_eq!(page.focused().await?, format!("{group}-oui"));
        page.tab_to("update-dossier", &mut trail).await?;
        page.key(&Key::Enter.to_string()).await?;
        page.settle_any().await?;
        assert!(
            !trail.iter().any(|id| id.starts_with(group) && !id.ends_with("-oui")),
            "a radio group has one tab stop: {trail:?}"
        );
        assert_eq!(page.text("#verdict").await?, "éligible");
        assert!(page.same_as_library().await?, "EIG2 with the keyboard: no plan on the page");
        page.printed("EIG2, eligible, with the keyboard").await?;
        Ok(())
    }

    /// EIG3 for a ministry with the keyboard alone, in the page's focus order: the
    /// cofinancing asked for (Space), the défi said to be purely IT tooling (Space checks the
    /// group's first radio, `oui`), the result asked again with Enter: refused, with the
    /// reason; then `non` with the right arrow, the date and time of submission typed, Enter:
    /// eligible, with its plan.
    async fn keyboard_only(page: &mut Page<'_>) -> Result<()> {
        page.open().await?;
        page.js("document.activeElement.blur(); window.scrollTo(0, 0)").await?;
        let mut trail = Vec::new();
        for (target, key) in [
            ("q-funding-cofinancing-requested-oui", Key::Space),
            ("q-purely-it-tooling-oui", Key::Space),
            ("update-dossier", Key::Enter),
        ] {
            page.tab_to(target, &mut trail).await?;
            page.key(&key.to_string()).await?;
            page.settle_any().await?;
        }
        assert_eq!(
            &trail[..7],
            [
                "",
                "skip",
                "path-host",
                "promotion",
                "operational-kind",
                "operational-name",
                "carrier-kind"
            ],
            "focus order"
        );
        assert_eq!(page.text("#verdict").await?, "inéligible");
        assert!(page.text("#reasons").await?.contains("AAP3 §2.1"));
        page.same_as_library().await?;
        // Back to the group with Shift+Tab (it has one tab stop: its checked radio).
        let mut back = Vec::new();
        for _ in 0..30 {
            let focused = page.focused().await?;
            if focused == "q-purely-it-tooling-oui" {
                break;
            }
            back.push(focused);
            page.key(&format!("{}{}", Key::Shift, Key::Tab)).await?;
        }
        assert_eq!(page.focused().await?, "q-purely-it-tooling-oui", "{back:?}");
        page.key(&Key::Right.to_string()).await?;
        page.settle_any().await?;
        assert_eq!(page.checked("q-purely-it-tooling").await?, "non");
        let (date, time) = day_around(Promotion::Eig3, 3);
        page.tab_to("q-submitted-at-date", &mut trail).await?;
        page.key(&date).await?;
        page.tab_to("q-submitted-at-time", &mut trail).await?;
        page.key(&time).await?;
        page.tab_to("update-dossier", &mut trail).await?;
        page.key(&Key::Enter.to_string()).await?;
        page.settle_any().await?;
        assert_eq!(page.text("#verdict").await?, "éligible");
        assert!(page.same_as_library().await?, "EIG3 with the keyboard: no plan on the page");
        Ok(())
    }

    impl Page<'_> {
        async fn open(&mut self) -> Result<()> {
            self.client.set_window_size(1280, 1000).await?;
            self.client.goto(&format!("http://127.0.0.1:{}/", self.port)).await?;
            self.settle_any().await
        }

        /// Waits for the page to show the answer to its last request, then runs axe-core.
        async fn settle_any(&mut self) -> Result<()> {
            for _ in 0..200 {
                let state = self.js("return document.body.dataset.state").await?;
                if let Some(error) = self.js("return document.body.dataset.error").await?.as_str() {
                    return Err(format!("the page failed: {error}").into());
                }
                if state == json!("ready") {
                    tokio::time::sleep(Duration::from_millis(30)).await;
                    if self.js("return document.body.dataset.state").await? == json!("ready") {
                        return self.accessible().await;
                    }
                }
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            let status = self.text("#status").await.unwrap_or_default();
            let error = self.js("return document.body.dataset.error").await?;
            Err(format!("the page never settled (status: {status}; error: {error})").into())
        }

        async fn settle(&mut self, outcome: &str, promotion: Promotion) -> Result<()> {
            self.settle_any().await?;
            let shown = self.text("#verdict").await?;
            let expected = eig_api::vocabulary()
                .outcomes
                .into_iter()
                .find(|label| label.value == outcome)
                .map(|label| label.label)
                .unwrap_or_default();
            assert_eq!(shown, expected, "{promotion}");
            Ok(())
        }

        /// axe-core in the page, the rules of WCAG 2.1 A and AA: no violation.
        async fn accessible(&mut self) -> Result<()> {
            if self.js("return typeof window.axe").await? != json!("object") {
                self.client.execute(self.axe, vec![]).await?;
            }
            let script = "const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                  .then((r) => done(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`)))
                  .catch((e) => done([`axe: ${e}`]));";
            let violations = self.client.execute_async(script, vec![]).await?;
            assert_eq!(violations, json!([]), "axe-core, WCAG 2.1 A/AA");
            self.checks += 1;
            Ok(())
        }

        async fn js(&self, script: &str) -> Result<Value> {
            Ok(self.client.execute(script, vec![]).await?)
        }

        /// The ids of the questions the page marks as needed, in the page's order.
        async fn needed(&self) -> Result<Vec<String>> {
            // A screen reader hears "Nécessaire à la décision" with each field of a question
            // that shows it, and never while it is hidden.
            let untied = self
                .js("return [...document.querySelectorAll('.needed')].flatMap((hint) => [...hint.closest('.question').querySelectorAll('input, select')].filter((input) => (input.getAttribute('aria-describedby') || '').split(' ').includes(hint.id) === hint.hidden).map((input) => input.id))")
                .await?;
            if !untied.as_array().is_some_and(Vec::is_empty) {
                return Err(format!(
                    "fields whose description does not follow their needed hint: {untied}"
                )
                .into());
            }
            let ids = self
                .js("return [...document.querySelectorAll('.question')].filter((q) => q.offsetParent !== null && q.querySelector('.needed') && !q.querySelector('.needed').hidden).map((q) => q.id)")
                .await?;
            Ok(serde_json::from_value(ids)?)
        }

        async fn click(&self, css: &str) -> Result<()> {
            let element = self.element(css).await?;
            element.click().await?;
            Ok(())
        }

        /// The element `css` names, once it is on the page (at most 10 s).
        async fn element(&self, css: &str) -> Result<fantoccini::elements::Element> {
            Ok(self
                .client
                .wait()
                .at_most(Duration::from_secs(10))
                .for_element(Locator::Css(css))
                .await
                .map_err(|err| format!("{css}: {err}"))?)
        }

        async fn select(&self, css: &str, value: &str) -> Result<()> {
            let element = self.element(css).await?;
            element.select_by_value(value).await?;
            Ok(())
        }

        async fn select_label(&self, css: &str, label: &str) -> Result<()> {
            let element = self.element(css).await?;
            element.select_by_label(label).await?;
            Ok(())
        }

        /// Types `text` in the field as a person would, then leaves it (Tab).
        async fn type_in(&self, css: &str, text: &str) -> Result<()> {
            let element = self.element(css).await?;
            element.clear().await?;
            element.send_keys(&format!("{text}{}", Key::Tab)).await?;
            Ok(())
        }

        async fn key(&self, keys: &str) -> Result<()> {
            self.client.active_element().await?.send_keys(keys).await?;
            Ok(())
        }

        /// Presses Tab until the focus is on the element `target` (at most 40 times); the ids
        /// focused on the way are added to `trail`.
        async fn tab_to(&self, target: &str, trail: &mut Vec<String>) -> Result<()> {
            for _ in 0..40 {
                let focused = self.focused().await?;
                if focused == target {
                    return Ok(());
                }
                trail.push(focused);
                self.key(&Key::Tab.to_string()).await?;
            }
            Err(format!("Tab never reaches {target}: {trail:?}").into())
        }

        /// The checked radio of the yes/no question `id`: `oui`, `non` or empty.
        async fn checked(&self, id: &str) -> Result<String> {
            let script = format!(
                "const r = document.querySelector('#{id} input[type=radio]:checked'); return r ? r.id.slice('{id}-'.length) : ''"
            );
            Ok(self.js(&script).await?.as_str().unwrap_or_default().to_owned())
        }

        async fn focused(&self) -> Result<String> {
            Ok(self
                .js("return document.activeElement.id")
                .await?
                .as_str()
                .unwrap_or_default()
                .to_owned())
        }

        async fn text(&self, css: &str) -> Result<String> {
            let text = self.client.find(Locator::Css(css)).await?.text().await?;
            Ok(text.replace(['\u{202f}', '\u{a0}'], " "))
        }

        /// The request the page offers for download, as it sent it.
        async fn request(&self) -> Result<Value> {
            let href = self.js("return document.getElementById('download-request').href").await?;
            let encoded = href.as_str().unwrap_or_default();
            let encoded = encoded.split_once(',').map(|(_, data)| data).unwrap_or_default();
            Ok(serde_json::from_str(&percent_decode(encoded))?)
        }

        /// The decision, route, reasons and amounts shown are the library's for the request
        /// the page offers for download; whether a plan is shown.
        async fn same_as_library(&mut self) -> Result<bool> {
            self.settle_any().await?;
            let request = self.request().await?;
            let vocabulary = eig_api::vocabulary();
            let label = |list: &[eig_api::LabelledValue], value: &Value| {
                list.iter().find(|l| &l.value == value).map(|l| l.label.clone()).unwrap_or_default()
            };
            let (decision, rules, plan, changes) = if request.get("application").is_some() {
                let result = eig_api::simulate_candidate(&serde_json::from_value(request)?)?;
                (result.decision, result.rules, None, result.changes)
            } else {
                let result = eig_api::simulate(&serde_json::from_value(request)?)?;
                (result.decision, result.rules, result.plan, result.changes)
            };
            // What would make it eligible: one item per set of changes, each change in words.
            let shown_sets: Vec<String> = serde_json::from_value(
                self.js("return [...document.querySelectorAll('#suggestion-list > li')].map((e) => e.textContent)").await?,
            )?;
            match &changes {
                Some(changes) if !changes.sets.is_empty() => {
                    assert_eq!(shown_sets.len(), changes.sets.len(), "{shown_sets:?}");
                    for (shown, set) in shown_sets.iter().zip(&changes.sets) {
                        for change in &set.changes {
                            assert!(shown.contains(&change.french), "{shown} / {}", change.french);
                        }
                    }
                }
                Some(_) => assert_eq!(shown_sets.len(), 1, "{shown_sets:?}"),
                None => assert!(shown_sets.is_empty(), "{shown_sets:?}"),
            }
            let outcome = serde_json::to_value(&decision.outcome)?;
            assert_eq!(
                self.text("#verdict").await?,
                label(&vocabulary.outcomes, &outcome["outcome"])
            );
            let route = self.text("#route").await.unwrap_or_default();
            match outcome["funding_route"].as_str() {
                Some(value) => {
                    let route_value: FundingRoute = serde_json::from_value(json!(value))?;
                    assert_eq!(route, route_value.french());
                }
                None => assert!(route.is_empty(), "{route}"),
            }
            let shown_rules: Vec<String> = serde_json::from_value(
                self.js("return [...document.querySelectorAll('#rules li .title')].map((e) => e.textContent)").await?,
            )?;
            let library_rules: Vec<String> =
                rules.iter().map(|line| line.title.to_owned()).collect();
            assert_eq!(shown_rules, library_rules);
            let missing: Vec<String> = serde_json::from_value(
                self.js("return [...document.querySelectorAll('#missing li')].map((e) => e.textContent)").await?,
            )?;
            let expected_missing = outcome["missing"].as_array().map_or(0, Vec::len);
            assert_eq!(missing.len(), expected_missing, "{missing:?}");
            let Some(plan) = plan else {
                assert!(!self.client.find(Locator::Id("plan")).await?.is_displayed().await?);
                return Ok(false);
            };
            let shown = self.text("#payers tfoot").await?;
            let mut total = Euros::ZERO;
            for talent in &plan.talents {
                total = total.checked_add(talent.employer_cost).unwrap();
            }
            assert!(shown.contains(&french_euros(total)), "{shown} / {total}");
            let totals = serde_json::to_value(&plan.totals)?;
            let totals: BTreeMap<String, String> = serde_json::from_value(totals)?;
            for (payer, amount) in totals {
                let amount: Euros = amount.parse()?;
                if amount != Euros::ZERO {
                    let payer = label(&vocabulary.payers, &json!(payer));
                    assert!(
                        shown.contains(&format!("{payer} {}", french_euros(amount))),
                        "{shown}"
                    );
                }
            }
            Ok(true)
        }

        /// The result printed as an agent attaches it to the dossier: through `WebDriver`'s
        /// print command (A4, 15 mm margins, not shrunk), one page per section shown (the
        /// decision, the plan, its monthly schedule, the rules, the explanation), counted
        /// from the PDF's page objects; and, the print style sheet applied at the printable
        /// width (180 mm, 680 px), no element wider than it and every section within a
        /// page's height (267 mm, 1 009 px).
        async fn printed(&mut self, what: &str) -> Result<()> {
            const WIDTH: u32 = 680;
            const HEIGHT: f64 = 1009.0;
            let sections: Vec<String> = serde_json::from_value(
                self.js("return ['decision', 'plan', 'schedule-box', 'rules-box', 'explanation-box'].filter((id) => document.getElementById(id).getClientRects().length)")
                    .await?,
            )?;
            let margin = 1.5;
            let config = PrintConfiguration::builder()
                .size(PrintSize::A4)
                .margins(PrintMargins { top: margin, bottom: margin, left: margin, right: margin })
                .shrink_to_fit(false)
                .build()
                .map_err(|err| format!("print: {err}"))?;
            let pdf = self.client.print(config).await?;
            let pages = pdf_pages(&pdf);
            // Print emulation: the page at the printable width, the @media print rules
            // appended to the style sheet for every medium (through the CSSOM, which the
            // page's Content-Security-Policy allows), the closed sections opened as for a print.
            self.client.set_window_size(WIDTH, 1100).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            assert_eq!(self.js("return window.innerWidth").await?, json!(WIDTH));
            self.js("window.printRules = [];
                for (const sheet of [...document.styleSheets]) {
                    const rules = [...sheet.cssRules].filter((r) => r instanceof CSSMediaRule && r.media.mediaText === 'print').flatMap((r) => [...r.cssRules]).filter((r) => !(r instanceof CSSPageRule)).map((r) => r.cssText);
                    window.printRules.push([sheet, sheet.cssRules.length]);
                    for (const rule of rules) sheet.insertRule(rule, sheet.cssRules.length);
                }
                window.dispatchEvent(new Event('beforeprint'));")
                .await?;
            let wide = self
                .js("const w = window.innerWidth; return [document.documentElement.scrollWidth > w ? 'document ' + document.documentElement.scrollWidth : null, ...[...document.querySelectorAll('body *')].filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5).map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)].filter(Boolean)")
                .await?;
            assert_eq!(wide, json!([]), "{what}, printed: wider than {WIDTH} px");
            // Each section's height, without the sections it holds that start their own page.
            let heights: Vec<f64> = serde_json::from_value(
                self.js(&format!("const ids = {}; return ids.map((id) => {{ const e = document.getElementById(id); const inner = ids.map((i) => document.getElementById(i)).filter((x) => x !== e && e.contains(x)).reduce((sum, x) => sum + x.getBoundingClientRect().height, 0); return e.getBoundingClientRect().height - inner; }})", serde_json::to_string(&sections)?))
                    .await?,
            )?;
            let too_tall: Vec<String> = sections
                .iter()
                .zip(&heights)
                .filter(|&(_, &height)| height > HEIGHT)
                .map(|(section, height)| format!("{section} {height:.0} px"))
                .collect();
            assert!(too_tall.is_empty(), "{what}, printed: taller than a page: {too_tall:?}");
            let breaks = self
                .js(&format!("return {}.slice(1).filter((id) => getComputedStyle(document.getElementById(id)).breakBefore !== 'page')", serde_json::to_string(&sections)?))
                .await?;
            assert_eq!(breaks, json!([]), "{what}, printed: sections not starting a page");
            assert_eq!(pages, sections.len(), "{what}, printed: one page per section {sections:?}");
            // The screen again: the print rules appended are taken off.
            self.js("for (const [sheet, length] of window.printRules) while (sheet.cssRules.length > length) sheet.deleteRule(length); window.dispatchEvent(new Event('afterprint'))").await?;
            Ok(())
        }

        /// The page at 390 px: no element wider than the viewport.
        async fn narrow(&mut self) -> Result<()> {
            self.client.set_window_size(390, 1000).await?;
            tokio::time::sleep(Duration::from_millis(200)).await;
            let width = self.js("return window.innerWidth").await?;
            let wide = self
                .js("const w = window.innerWidth; return [document.documentElement.scrollWidth > w ? 'document ' + document.documentElement.scrollWidth : null, ...[...document.querySelectorAll('body *')].filter((e) => e.getClientRects().length && e.getBoundingClientRect().right > w + 0.5).map((e) => `${e.tagName}#${e.id}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`)].filter(Boolean)")
                .await?;
            assert_eq!(wide, json!([]), "wider than {width} px");
            self.accessible().await
        }

        /// The page from the top of the result, as shown at the window's width.
        async fn screenshot(&self, name: &str) -> Result<()> {
            self.screenshot_at(name, "resultat").await
        }

        /// The page from the top of the element `id`, as shown at the window's width (in the
        /// temporary directory, or docs/images/ with `EIG_UPDATE_SCREENSHOTS`).
        async fn screenshot_at(&self, name: &str, id: &str) -> Result<()> {
            self.js(&format!(
                "document.activeElement.blur(); document.getElementById('{id}').scrollIntoView()"
            ))
            .await?;
            let png = self.client.screenshot().await?;
            let dir = if std::env::var_os("EIG_UPDATE_SCREENSHOTS").is_some() {
                concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/images").to_owned()
            } else {
                std::env::temp_dir().display().to_string()
            };
            std::fs::write(format!("{dir}/{name}"), png)?;
            Ok(())
        }
    }

    /// The number of pages of a PDF: its `/Type /Page` objects (not `/Pages`, their tree).
    fn pdf_pages(pdf: &[u8]) -> usize {
        let mut pages = 0;
        for (index, window) in pdf.windows(5).enumerate() {
            if window != b"/Type" {
                continue;
            }
            let rest = &pdf[index + 5..];
            let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
            if rest.starts_with(b"/Page") && !rest.get(5).is_some_and(u8::is_ascii_alphabetic) {
                pages += 1;
            }
        }
        pages
    }

    /// An amount as the page writes it: `98 000,00 €` (the spaces read as plain spaces).
    fn french_euros(amount: Euros) -> String {
        let text = amount.to_string();
        let (units, cents) = text.split_once('.').unwrap_or((&text, "00"));
        let mut grouped = String::new();
        for (index, digit) in units.chars().enumerate() {
            if index > 0 && (units.len() - index) % 3 == 0 {
                grouped.push(' ');
            }
            grouped.push(digit);
        }
        format!("{grouped},{cents} €")
    }

    fn percent_decode(text: &str) -> String {
        let bytes = text.as_bytes();
        let mut out = Vec::with_capacity(bytes.len());
        let mut index = 0;
        while index < bytes.len() {
            if bytes[index] == b'%' && index + 2 < bytes.len() {
                let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).unwrap();
                out.push(u8::from_str_radix(hex, 16).unwrap());
                index += 3;
            } else {
                out.push(bytes[index]);
                index += 1;
            }
        }
        String::from_utf8(out).unwrap()
    }
}

/// A bounded load test on the loopback interface: mixed endpoints, keep-alive connections,
/// every answer compared with the expected one. Always 2 000 requests on 8 connections (a
/// check of correctness under concurrency); `EIG_LOAD_TEST=1` makes it 20 000 requests on 32
/// connections and prints throughput and latency (`scripts/load-test` runs it on the release
/// build; the figures are in docs/performance.md).
#[test]
#[expect(clippy::disallowed_methods, reason = "a load test measures the latency it reports")]
fn load() {
    let full = std::env::var_os("EIG_LOAD_TEST").is_some();
    let (total, connections) = if full { (20_000, 32) } else { (2_000, 8) };
    let server = Server::start(&["--concurrency", "64"]);
    let port = server.port;
    let simulation = {
        let dossier: Value =
            serde_json::from_str(&ok(&["example", "explain", "--promotion", "EIG3"], "")).unwrap();
        json!({"dossier": dossier["dossier"]}).to_string()
    };
    // (method, path, body): each request's answer must equal the one given before the load.
    let requests: Vec<(&str, String, String)> = vec![
        ("POST", "/v1/explain".to_owned(), ok(&["example", "explain"], "")),
        ("POST", "/v1/eligibility".to_owned(), ok(&["example", "eligibility"], "")),
        ("POST", "/v1/funding".to_owned(), ok(&["example", "funding"], "")),
        ("POST", "/v1/simulate".to_owned(), simulation),
        ("GET", "/v1/history?promotion=EIG3".to_owned(), String::new()),
        ("GET", "/v1/vocabulary".to_owned(), String::new()),
        ("GET", "/healthz".to_owned(), String::new()),
    ];
    let expected: Vec<String> = requests
        .iter()
        .map(|(method, path, body)| {
            let answer = if *method == "GET" { get(port, path) } else { post(port, path, body) };
            assert_eq!(answer.status, 200, "{path}: {}", answer.body);
            answer.body
        })
        .collect();
    let requests = Arc::new(requests);
    let expected = Arc::new(expected);
    let started = std::time::Instant::now();
    let workers: Vec<_> = (0..connections)
        .map(|worker| {
            let (requests, expected) = (Arc::clone(&requests), Arc::clone(&expected));
            std::thread::spawn(move || {
                let mut connection = KeepAlive::open(port);
                let mut latencies = Vec::new();
                for index in (worker..total).step_by(connections) {
                    let which = index % requests.len();
                    let (method, path, body) = &requests[which];
                    let sent = std::time::Instant::now();
                    let (status, answer) = connection.send(method, path, body);
                    latencies.push(sent.elapsed());
                    assert_eq!(status, 200, "{method} {path}: {answer}");
                    assert_eq!(answer, expected[which], "{method} {path}");
                }
                latencies
            })
        })
        .collect();
    let mut latencies: Vec<Duration> =
        workers.into_iter().flat_map(|worker| worker.join().unwrap()).collect();
    let elapsed = started.elapsed();
    assert_eq!(latencies.len(), total);
    latencies.sort();
    let at =
        |quantile: usize| latencies[(latencies.len() * quantile / 100).min(latencies.len() - 1)];
    let _ = writeln!(
        std::io::stderr(),
        "load: {total} requests, {connections} connections, {} ms, {} requests/s, p50 {:?}, \
         p99 {:?}, max {:?}, all answers correct",
        elapsed.as_millis(),
        u128::from(u32::try_from(total).unwrap()) * 1000 / elapsed.as_millis().max(1),
        at(50),
        at(99),
        latencies[latencies.len() - 1]
    );
    assert!(server.log().iter().filter(|line| line.contains(" 200 ")).count() >= total);
}

/// One keep-alive HTTP/1.1 connection.
pub(crate) struct KeepAlive {
    reader: BufReader<TcpStream>,
}

impl KeepAlive {
    pub(crate) fn open(port: u16) -> KeepAlive {
        let stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
        stream.set_nodelay(true).unwrap();
        KeepAlive { reader: BufReader::new(stream) }
    }

    /// Sends one request; its status and body.
    pub(crate) fn send(&mut self, method: &str, path: &str, body: &str) -> (u16, String) {
        let content = if method == "POST" {
            format!("Content-Type: application/json\r\nContent-Length: {}\r\n", body.len())
        } else {
            String::new()
        };
        let request = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n{content}\r\n{body}");
        self.write(request.as_bytes());
        self.read()
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) {
        self.reader.get_mut().write_all(bytes).unwrap();
    }

    /// Reads one answer: its status and body.
    pub(crate) fn read(&mut self) -> (u16, String) {
        let mut line = String::new();
        self.reader.read_line(&mut line).unwrap();
        let status = line.split(' ').nth(1).unwrap().parse().unwrap();
        let mut length = 0;
        loop {
            line.clear();
            self.reader.read_line(&mut line).unwrap();
            if line == "\r\n" {
                break;
            }
            if let Some((name, value)) = line.split_once(':')
                && name.eq_ignore_ascii_case("content-length")
            {
                length = value.trim().parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.reader.read_exact(&mut body).unwrap();
        (status, String::from_utf8(body).unwrap())
    }
}
