//! Benchmarks of the matching: an EIG-size call solved, verified and explained; the exact
//! lower-quota mode on 20 défis and 200 candidates; a national-scale instance (1 000 000
//! candidates × 5 choices, 100 000 défis × 3 seats) solved and verified.
//!
//! Every `solve` includes the independent verification of its result.

use std::{hint::black_box, time::Duration};

use criterion::{Criterion, criterion_group, criterion_main};
use eig_matching::{GeneratorConfig, LowerQuotas, Options, SearchOutcome, generate, solve};

fn eig_call(c: &mut Criterion) {
    let instance = generate(&GeneratorConfig::eig_call(1));
    let options = Options { seed: 2018, offers: true, ..Options::default() };
    c.bench_function("matching/eig_call_solve_verify_explain", |b| {
        b.iter(|| {
            let solution = solve(black_box(&instance), &options).ok();
            solution.map(|s| s.explain())
        });
    });
    let input = instance.to_input();
    c.bench_function("matching/eig_call_validate", |b| {
        b.iter(|| eig_matching::Instance::new(black_box(&input)).is_ok());
    });
}

fn nodes(solution: &eig_matching::Solution<'_>) -> u64 {
    match solution.search() {
        Some(
            SearchOutcome::Optimal { nodes }
            | SearchOutcome::NoStableAssignment { nodes }
            | SearchOutcome::LimitReached { nodes },
        ) => nodes,
        _ => 0,
    }
}

fn exact(c: &mut Criterion) {
    let options = Options {
        lower_quotas: LowerQuotas::Exact { node_limit: 1_000_000 },
        ..Options::default()
    };
    // The hardest of 50 seeded instances (most search nodes), so that the search has work.
    let hardest = (0..50)
        .map(|seed| generate(&GeneratorConfig::exact_bench(seed)))
        .max_by_key(|instance| solve(instance, &options).map_or(0, |s| nodes(&s)));
    let Some(instance) = hardest else { return };
    let explored = solve(&instance, &options).map_or(0, |s| nodes(&s));
    c.bench_function(&format!("matching/exact_20_defis_200_candidates_{explored}_nodes"), |b| {
        b.iter(|| solve(black_box(&instance), &options).ok().map(|s| s.certificate().running));
    });
}

fn national(c: &mut Criterion) {
    let instance = generate(&GeneratorConfig::national(1));
    let mut group = c.benchmark_group("matching");
    group.sample_size(10).measurement_time(Duration::from_secs(20));
    group.bench_function("national_1m_candidates_solve_verify", |b| {
        b.iter(|| {
            solve(black_box(&instance), &Options::default()).ok().map(|s| s.certificate().placed)
        });
    });
    group.finish();
}

criterion_group!(benches, eig_call, exact, national);
criterion_main!(benches);
