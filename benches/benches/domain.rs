//! Benchmarks of the vocabulary: parsing money at the edge, resolving a Paris deadline,
//! reading the embedded history.

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use eig_domain::{Euros, ParisDeadline, Promotion};
use eig_history::History;

fn domain(c: &mut Criterion) {
    c.bench_function("domain/parse_euros", |b| {
        b.iter(|| black_box("70000.00").parse::<Euros>());
    });
    let local = NaiveDate::from_ymd_opt(2018, 6, 15).and_then(|d| d.and_hms_opt(17, 0, 0));
    c.bench_function("domain/paris_deadline", |b| {
        b.iter(|| local.map(|local| ParisDeadline::from_paris(black_box(local))));
    });
    c.bench_function("domain/promotion_facts_eig3", |b| {
        b.iter(|| black_box(Promotion::Eig3).facts());
    });
    c.bench_function("history/embedded_parse", |b| b.iter(History::embedded));
}

criterion_group!(benches, domain);
criterion_main!(benches);
