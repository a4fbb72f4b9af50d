//! The Rust side of the side-by-side comparison with the Python `matching` library
//! (`benches/compare/`) and of the scaling measurements (`docs/performance.md`).
//!
//! ```text
//! cargo build --release -p eig-benches --example compare
//! target/release/examples/compare export <candidates> <seed> <instance.json>
//! target/release/examples/compare solve <instance.json> <runs> <assignment.json>
//! target/release/examples/compare scale <candidates> <seed> <runs>
//! target/release/examples/compare stages <instance.json>
//! target/release/examples/compare compact <instance.json>
//! target/release/examples/compare eligibility <dossiers.json> <runs>
//! ```
//!
//! - `export` writes a seeded instance as `MatchingInput` JSON: `candidates / 10` défis of
//!   3 seats (1 developer, 1 data scientist, 1 designer), 5 choices each, juries ranking 90 %
//!   of their applicants with **no ties**, and **no lower quota** (`team_min = 0`), the
//!   two things the Python library does not support.
//! - `solve` reads such a file, validates it (`Instance::new`), solves it candidate-proposing
//!   `runs` times (each `solve` includes the independent verification), times the
//!   verification alone, writes the assignment (`{"candidate": "défi"}`) and prints the
//!   timings in nanoseconds as one JSON line. Reading and parsing the file are not timed.
//! - `scale` generates the national-shaped instance (`GeneratorConfig::national`, with
//!   `candidates` candidates and `candidates / 10` défis) and prints the generation time and
//!   `runs` timings of `solve` (with its verification) and of `verify` alone, as one JSON
//!   line; run it under `/usr/bin/time -v` for the peak memory.
//! - `stages` times, once each, the stages `eig match FILE --format json` goes through, to
//!   say where a whole process spends its time (issue 14): reading the file, parsing it into
//!   a `MatchingInput` (as the command did before issue 14: a syntax pass, then a pass that
//!   tracks JSON paths; and as it does now: one typed pass over the bytes), validating
//!   (`Instance::new`), solving (with its verification), building the report and the
//!   explanations, serializing them (pretty and compact) and dropping the input. Prints one
//!   JSON line of nanoseconds and bytes.
//! - `compact` times, once each, the stages of `eig match` since it reads the file straight
//!   into a `CompactInput` (issue 14): reading, a syntax-only pass (the floor of any JSON
//!   reading), the compact reading, validating (`Instance::from_compact`), solving (with its
//!   verification), the report and its compact JSON. Prints one JSON line.
//! - `eligibility` reads `{"dossiers": [...]}` and times the library's batch
//!   (`evaluate_dossiers` on all the dossiers) `runs` times, to set `eig eligibility`'s whole
//!   process against it on the same machine at the same time (issue 14). Prints one JSON line.

#![allow(
    clippy::print_stdout,
    clippy::disallowed_methods,
    reason = "a measuring program reports on standard output and reads the clock"
)]

use std::{
    collections::BTreeMap,
    error::Error,
    fs,
    time::{Duration, Instant},
};

use eig_domain::TalentProfile;
use eig_matching::{
    CompactInput, GeneratorConfig, Instance, MatchingInput, MatchingLimits, Options, Proposing,
    StabilityNotion, generate, solve, verify,
};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// The `eig` binary's allocator (docs/decisions/0007-allocator.md): the stages are timed as the
/// command runs them.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["export", candidates, seed, path] => export(candidates.parse()?, seed.parse()?, path),
        ["solve", path, runs, out] => solve_file(path, runs.parse()?, out),
        ["scale", candidates, seed, runs] => {
            scale(candidates.parse()?, seed.parse()?, runs.parse()?)
        }
        ["stages", path] => stages(path),
        ["compact", path] => compact_stages(path),
        ["eligibility", path, runs] => eligibility(path, runs.parse()?),
        _ => Err("usage: compare export <candidates> <seed> <instance.json> | \
                  compare solve <instance.json> <runs> <assignment.json> | \
                  compare scale <candidates> <seed> <runs> | \
                  compare stages <instance.json> | \
                  compare compact <instance.json> | \
                  compare eligibility <dossiers.json> <runs>"
            .into()),
    }
}

/// The comparison instance: no lower quota, strict rankings, mutual acceptability restricted
/// by juries that rank 90 % of their applicants.
fn comparison_config(candidates: u32, seed: u64) -> GeneratorConfig {
    GeneratorConfig {
        seed,
        candidates,
        defis: (candidates / 10).max(1),
        seats: BTreeMap::from([
            (TalentProfile::Developer, 1),
            (TalentProfile::DataScientist, 1),
            (TalentProfile::Designer, 1),
        ]),
        limits: MatchingLimits { team_min: 0, team_max: 3, max_choices: 5 },
        ranked_percent: 90,
        tie_percent: 0,
    }
}

fn export(candidates: u32, seed: u64, path: &str) -> Result<()> {
    let instance = generate(&comparison_config(candidates, seed));
    let input = instance.to_input();
    fs::write(path, serde_json::to_vec(&input)?)?;
    println!(
        "{path}: {} candidates, {} défis, {} choices",
        instance.candidate_count(),
        instance.defi_count(),
        instance.choice_count()
    );
    Ok(())
}

fn nanos(d: Duration) -> u64 {
    u64::try_from(d.as_nanos()).unwrap_or(u64::MAX)
}

fn solve_file(path: &str, runs: usize, out: &str) -> Result<()> {
    let input: MatchingInput = serde_json::from_slice(&fs::read(path)?)?;
    let start = Instant::now();
    let instance = Instance::new(&input)?;
    let validate_ns = nanos(start.elapsed());
    let options = Options { proposing: Proposing::Candidates, ..Options::default() };

    let mut solve_ns = Vec::with_capacity(runs);
    let mut assignment = None;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let solution = solve(&instance, &options)?;
        solve_ns.push(nanos(start.elapsed()));
        if solution.certificate().notion != StabilityNotion::WithClosures {
            return Err("the assignment is not stable with closures".into());
        }
        let current = solution.assignment();
        if assignment.as_ref().is_some_and(|a| *a != current) {
            return Err("two runs gave different assignments".into());
        }
        assignment = Some(current);
    }
    let assignment = assignment.ok_or("no run")?;
    let mut verify_ns = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let stable = verify(&instance, &assignment).is_stable();
        verify_ns.push(nanos(start.elapsed()));
        if !stable {
            return Err("the verifier rejected the assignment".into());
        }
    }

    let pairs: serde_json::Map<String, serde_json::Value> = assignment
        .pairs(&instance)?
        .map(|(c, d)| (c.to_string(), serde_json::Value::String(d.to_string())))
        .collect();
    fs::write(out, serde_json::to_vec(&pairs)?)?;
    println!(
        "{}",
        serde_json::json!({
            "candidates": instance.candidate_count(),
            "placed": pairs.len(),
            "validate_ns": validate_ns,
            "solve_ns": solve_ns,
            "verify_ns": verify_ns,
        })
    );
    Ok(())
}

fn scale(candidates: u32, seed: u64, runs: usize) -> Result<()> {
    let config = GeneratorConfig {
        candidates,
        defis: (candidates / 10).max(1),
        ..GeneratorConfig::national(seed)
    };
    let start = Instant::now();
    let instance = generate(&config);
    let generate_ns = nanos(start.elapsed());
    let options = Options::default();

    let mut solve_ns = Vec::with_capacity(runs);
    let mut verify_ns = Vec::with_capacity(runs);
    let mut placed = 0;
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let solution = solve(&instance, &options)?;
        solve_ns.push(nanos(start.elapsed()));
        placed = solution.certificate().placed;
        let assignment = solution.assignment();
        let start = Instant::now();
        let stable = verify(&instance, &assignment).certificate().is_some();
        verify_ns.push(nanos(start.elapsed()));
        if !stable {
            return Err("the verifier rejected the assignment".into());
        }
    }
    println!(
        "{}",
        serde_json::json!({
            "candidates": instance.candidate_count(),
            "defis": instance.defi_count(),
            "choices": instance.choice_count(),
            "placed": placed,
            "generate_ns": generate_ns,
            "solve_ns": solve_ns,
            "verify_ns": verify_ns,
        })
    );
    Ok(())
}

/// Runs `work` once and returns its result and its duration in nanoseconds.
fn timed<T>(work: impl FnOnce() -> T) -> (T, u64) {
    let start = Instant::now();
    let value = work();
    (value, nanos(start.elapsed()))
}

fn stages(path: &str) -> Result<()> {
    let (text, read_ns) = timed(|| fs::read_to_string(path));
    let text = text?;
    let (syntax, syntax_ns) =
        timed(|| serde_json::from_str::<serde::de::IgnoredAny>(&text).map(|_| ()));
    syntax?;
    let (tracked, tracked_ns) = timed(|| {
        let mut deserializer = serde_json::Deserializer::from_str(&text);
        serde_path_to_error::deserialize::<_, MatchingInput>(&mut deserializer)
    });
    drop(tracked?);
    let (input, parse_ns) = timed(|| serde_json::from_slice::<MatchingInput>(text.as_bytes()));
    let input = input?;
    let ((), drop_text_ns) = timed(|| drop(text));
    let (instance, validate_ns) = timed(|| Instance::new(&input));
    let instance = instance?;
    let ((), drop_input_ns) = timed(|| drop(input));
    let (solution, solve_ns) = timed(|| solve(&instance, &Options::default()));
    let solution = solution?;
    let (report, report_ns) = timed(|| solution.report());
    let (explanations, explain_ns) = timed(|| solution.explain());
    let (report_pretty, report_pretty_ns) = timed(|| serde_json::to_vec_pretty(&report));
    let (report_compact, report_compact_ns) = timed(|| serde_json::to_vec(&report));
    let (explanations_pretty, explanations_pretty_ns) =
        timed(|| serde_json::to_vec_pretty(&explanations));
    let (explanations_compact, explanations_compact_ns) =
        timed(|| serde_json::to_vec(&explanations));
    println!(
        "{}",
        serde_json::json!({
            "candidates": instance.candidate_count(),
            "read_ns": read_ns,
            "syntax_pass_ns": syntax_ns,
            "path_tracking_parse_ns": tracked_ns,
            "typed_parse_ns": parse_ns,
            "drop_text_ns": drop_text_ns,
            "validate_ns": validate_ns,
            "drop_input_ns": drop_input_ns,
            "solve_ns": solve_ns,
            "report_ns": report_ns,
            "explain_ns": explain_ns,
            "report_pretty_ns": report_pretty_ns,
            "report_pretty_bytes": report_pretty?.len(),
            "report_compact_ns": report_compact_ns,
            "report_compact_bytes": report_compact?.len(),
            "explanations_pretty_ns": explanations_pretty_ns,
            "explanations_pretty_bytes": explanations_pretty?.len(),
            "explanations_compact_ns": explanations_compact_ns,
            "explanations_compact_bytes": explanations_compact?.len(),
        })
    );
    Ok(())
}

/// The stages of `eig match` since it reads straight into [`CompactInput`]: reading the file,
/// a pass that only checks the syntax (the floor of any JSON reading), the compact reading,
/// validation, solving (with its verification) and the report.
fn compact_stages(path: &str) -> Result<()> {
    let (text, read_ns) = timed(|| fs::read_to_string(path));
    let text = text?;
    let (syntax, syntax_ns) =
        timed(|| serde_json::from_str::<serde::de::IgnoredAny>(&text).map(|_| ()));
    syntax?;
    let (compact, compact_ns) = timed(|| serde_json::from_str::<CompactInput>(&text));
    let compact = compact?;
    let (instance, validate_ns) = timed(|| Instance::from_compact(&compact));
    let instance = instance?;
    let (solution, solve_ns) = timed(|| solve(&instance, &Options::default()));
    let solution = solution?;
    let (report, report_ns) = timed(|| solution.report());
    let (json, json_ns) = timed(|| serde_json::to_vec(&report));
    println!(
        "{}",
        serde_json::json!({
            "candidates": instance.candidate_count(),
            "read_ns": read_ns,
            "syntax_pass_ns": syntax_ns,
            "compact_parse_ns": compact_ns,
            "validate_ns": validate_ns,
            "solve_ns": solve_ns,
            "report_ns": report_ns,
            "report_compact_ns": json_ns,
            "report_compact_bytes": json?.len(),
        })
    );
    Ok(())
}

/// What `eligibility` reads: the dossiers of an `eig eligibility` input.
#[derive(serde::Deserialize)]
struct Dossiers {
    dossiers: Vec<eig_eligibility::DefiDossier>,
}

fn eligibility(path: &str, runs: usize) -> Result<()> {
    let (input, parse_ns) =
        timed(|| -> Result<Dossiers> { Ok(serde_json::from_slice(&fs::read(path)?)?) });
    let input = input?;
    let mut batch_ns = Vec::with_capacity(runs);
    let mut decided = 0;
    for _ in 0..runs.max(1) {
        let (results, ns) = timed(|| eig_eligibility::evaluate_dossiers(&input.dossiers));
        batch_ns.push(ns);
        decided = results.iter().filter(|result| result.is_ok()).count();
    }
    println!(
        "{}",
        serde_json::json!({
            "dossiers": input.dossiers.len(),
            "decided": decided,
            "read_and_parse_ns": parse_ns,
            "batch_ns": batch_ns,
        })
    );
    Ok(())
}
