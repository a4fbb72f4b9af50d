//! `eig serve` under hostile clients, on 127.0.0.1: every computation bounded by the timeout,
//! the memory of the requests in flight bounded by the budget, a shutdown that always ends,
//! and a normal request answered meanwhile. The probes of docs/server.md (its Tests section), kept
//! as tests (`.ci/run` runs them with the others).
//!
//! Times here are bounds a behaviour must keep (a stop within a grace period, an answer
//! while others misbehave), with wide margins for a loaded machine; speed is measured in
//! docs/performance.md, not here.

#![expect(clippy::disallowed_methods, reason = "these tests bound how long the server takes")]

use std::{
    io::{Read as _, Write as _},
    net::TcpStream,
    time::{Duration, Instant},
};

use eig_matching::{GeneratorConfig, generate};
use serde_json::Value;

use super::{
    ok,
    serve::{KeepAlive, Server, get, post, raw, read_answer},
};

/// A matching problem whose exact search runs far longer than any timeout (over 100 s on the
/// release build with 10 000 000 nodes allowed; 316 KiB): 3 000 candidates choosing 5 of 300
/// défis, juries ranking 8 % of their applicants — many défis near the minimum, and the
/// search is exponential in them.
fn runaway_problem() -> String {
    let config = GeneratorConfig {
        candidates: 3_000,
        defis: 300,
        ranked_percent: 8,
        tie_percent: 0,
        limits: eig_matching::MatchingLimits { team_min: 2, team_max: 3, max_choices: 5 },
        ..GeneratorConfig::eig_call(25)
    };
    serde_json::to_string(&generate(&config).to_input()).unwrap()
}

/// An eligibility batch of `dossiers` copies of the example's first dossier, each its own défi.
fn batch(dossiers: usize) -> String {
    let example: Value = serde_json::from_str(&ok(&["example", "eligibility"], "")).unwrap();
    let one = &example["dossiers"][0];
    let all: Vec<Value> = (0..dossiers)
        .map(|index| {
            let mut dossier = one.clone();
            dossier["defi"]["id"] = Value::from(format!("defi-{index:05}"));
            dossier
        })
        .collect();
    serde_json::json!({"dossiers": all}).to_string()
}

/// The process's resident memory, in KiB (Linux).
fn resident_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix("VmRSS:"))
        .and_then(|value| value.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Two runaway exact searches take both places of `--concurrency 2`: `/readyz` says the
/// service is saturated while `/healthz` says it lives; at the timeout both are answered 503
/// with `Retry-After` and their places are free at once, so a normal request is answered;
/// then SIGTERM during a third one ends the process within the grace period.
#[test]
fn runaway_searches_are_stopped_and_free_their_places() {
    let mut server = Server::start(&[
        "--concurrency",
        "2",
        "--timeout",
        "2",
        "--grace",
        "1",
        "--max-nodes",
        "10000000",
    ]);
    let port = server.port;
    let problem = runaway_problem();
    let example = ok(&["example", "explain"], "");
    let runaways: Vec<_> = (0..2)
        .map(|_| {
            let problem = problem.clone();
            std::thread::spawn(move || {
                post(port, "/v1/match?exact=true&node_limit=10000000", &problem)
            })
        })
        .collect();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(get(port, "/healthz").status, 200);
    let ready = get(port, "/readyz");
    assert_eq!((ready.status, ready.body.as_str()), (503, r#"{"status":"busy"}"#));
    for runaway in runaways {
        let answer = runaway.join().unwrap();
        assert_eq!(answer.status, 503, "{}", answer.body);
        assert_eq!(answer.json()["type"], "urn:eig:problem:timeout");
        assert!(answer.headers.iter().any(|(name, value)| name == "retry-after" && value == "1"));
    }
    // Both places are free again: a normal request is answered at once, well within the
    // timeout (it would wait for a place, then get 503, if a search still held one).
    let started = Instant::now();
    assert_eq!(post(port, "/v1/explain", &example).status, 200);
    assert!(started.elapsed() < Duration::from_millis(1_500), "{:?}", started.elapsed());
    assert_eq!(get(port, "/readyz").status, 200);

    // SIGTERM while a search runs: the process ends within the grace period (1 s), plus
    // the moment it takes to stop the search, whatever the timeout.
    let runaway = std::thread::spawn(move || {
        post(port, "/v1/match?exact=true&node_limit=10000000", &runaway_problem())
    });
    std::thread::sleep(Duration::from_millis(500));
    let signalled = Instant::now();
    let status = server.terminate();
    assert!(status.success(), "{status}");
    assert!(signalled.elapsed() < Duration::from_millis(1_900), "{:?}", signalled.elapsed());
    let answer = runaway.join().unwrap();
    assert_eq!(answer.status, 503, "{}", answer.body);
}

/// Sixteen maximal eligibility batches at once under a 64 MiB budget: each reserves eight
/// times its body before it is read, so four run at a time and the others wait; every one
/// is answered in full, and the resident memory, sampled from /proc while they run, stays
/// within the server's baseline plus the budget.
#[test]
fn sixteen_maximal_batches_stay_within_the_memory_budget() {
    let server = Server::start(&["--memory-budget", "64", "--timeout", "120"]);
    let port = server.port;
    let pid = server.child.id();
    let body = batch(2_150);
    assert!(body.len() > 1_900_000 && body.len() <= 2 * 1024 * 1024, "{}", body.len());
    let expected = post(port, "/v1/eligibility", &body);
    assert_eq!(expected.status, 200);
    let baseline = resident_kib(pid);
    let sending: Vec<_> = (0..16)
        .map(|_| {
            let body = body.clone();
            std::thread::spawn(move || post(port, "/v1/eligibility", &body))
        })
        .collect();
    let mut peak = baseline;
    while !sending.iter().all(std::thread::JoinHandle::is_finished) {
        peak = peak.max(resident_kib(pid));
        std::thread::sleep(Duration::from_millis(5));
    }
    for sent in sending {
        let answer = sent.join().unwrap();
        assert_eq!(answer.status, 200, "{}", &answer.body[..answer.body.len().min(500)]);
        assert!(answer.body == expected.body, "an answer differs from the first");
    }
    let budget = 64 * 1024;
    assert!(
        peak <= baseline + budget,
        "peak {peak} KiB, baseline {baseline} KiB, budget {budget} KiB"
    );
}

/// Hostile clients all at once — 300 idle connections, 50 slow request heads, 50 slow
/// bodies, 100 pipelined requests, JSON nested 100 000 deep — while a normal request is timed:
/// it is answered, and every hostile request gets its due.
#[test]
fn hostile_clients_do_not_hold_up_a_normal_request() {
    let server = Server::start(&["--timeout", "3"]);
    let port = server.port;
    let example = ok(&["example", "explain"], "");
    let idle: Vec<TcpStream> =
        (0..300).map(|_| TcpStream::connect(("127.0.0.1", port)).unwrap()).collect();
    let slow_heads: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            stream.write_all(b"POST /v1/explain HTTP/1.1\r\nHost").unwrap();
            stream
        })
        .collect();
    let slow_bodies: Vec<TcpStream> = (0..50)
        .map(|_| {
            let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
            stream
                .write_all(
                    b"POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
                      Content-Length: 1000\r\n\r\n{\"dossier\"",
                )
                .unwrap();
            stream
        })
        .collect();
    let nested = format!("{{\"dossier\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let deep = post(port, "/v1/explain", &nested);
    assert_eq!(
        (deep.status, deep.json()["path"].as_str()),
        (422, Some("$.dossier")),
        "{}",
        deep.body
    );

    let started = Instant::now();
    assert_eq!(post(port, "/v1/explain", &example).status, 200);
    assert!(started.elapsed() < Duration::from_secs(1), "{:?}", started.elapsed());

    // 100 requests written at once on one connection: answered in order.
    let mut pipelined = KeepAlive::open(port);
    let one = format!(
        "POST /v1/explain HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{example}",
        example.len()
    );
    pipelined.write(one.repeat(100).as_bytes());
    for _ in 0..100 {
        assert_eq!(pipelined.read().0, 200);
    }
    // The slow bodies get 408 at the timeout; the slow heads and the idle connections are
    // closed; the server still answers.
    for mut stream in slow_bodies {
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        assert_eq!(read_answer(&mut stream).status, 408);
    }
    for mut stream in slow_heads.into_iter().chain(idle) {
        stream.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
        let mut rest = Vec::new();
        let _ = stream.read_to_end(&mut rest);
        let rest = String::from_utf8_lossy(&rest);
        assert!(rest.is_empty() || rest.starts_with("HTTP/1.1 408"), "{rest}");
    }
    assert_eq!(raw(port, "GET /healthz HTTP/1.1\r\nHost: x", b"").status, 200);
}
