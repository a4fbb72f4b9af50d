//! Benchmarks of eig-funding: one split, one défi plan, a whole promotion plan (EIG3: 15
//! défis, 32 talents), and 1 000 000 splits.

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eig_domain::{Euros, FundingRoute, HostKind, Promotion, Share};
use eig_funding::{
    DefiFunding, EmployerCost, PromotionInput, RoundingRule, Scenario, TalentInput, plan_defi,
    plan_promotion, split,
};

/// A défi of `talents` talents with varied employer costs (66 000 € to 72 000 €).
fn defi(index: usize, talents: usize) -> DefiFunding {
    let (route, host) = if index.is_multiple_of(4) {
        (FundingRoute::ThroughAdministrativeCarrier, HostKind::StateOperator)
    } else {
        (FundingRoute::Direct, HostKind::Ministry)
    };
    let mut defi = DefiFunding::new(format!("d{index}").parse().expect("valid id"), route, host);
    if route == FundingRoute::ThroughAdministrativeCarrier {
        defi = defi.with_administrative_carrier("Ministère de tutelle".parse().expect("valid"));
    }
    (0..talents).fold(defi, |defi, n| {
        let cost = Euros::from_cents(6_600_000 + 37_123 * (index * 3 + n) as u64);
        defi.with_talent(
            TalentInput::new(format!("d{index}-t{n}").parse().expect("valid id"))
                .with_employer_cost(EmployerCost::Contract(cost)),
        )
    })
}

/// EIG3 as it was: 15 défis, 32 talents (2 défis of 3, 13 of 2).
fn eig3() -> PromotionInput {
    PromotionInput {
        promotion: Promotion::Eig3,
        defis: (0..15).map(|index| defi(index, if index < 2 { 3 } else { 2 })).collect(),
    }
}

fn funding(c: &mut Criterion) {
    let share: Share = "0.70".parse().expect("valid share");
    let total = Euros::from_cents(6_543_217);
    c.bench_function("funding/split", |b| {
        b.iter(|| split(black_box(total), black_box(share), RoundingRule::HalfUpToCent));
    });

    let scenario = Scenario::default();
    let one = defi(1, 3);
    c.bench_function("funding/defi_plan_eig3", |b| {
        b.iter(|| plan_defi(black_box(Promotion::Eig3), black_box(&one), &scenario));
    });

    let promotion = eig3();
    c.bench_function("funding/promotion_plan_eig3_15_defis_32_talents", |b| {
        b.iter(|| plan_promotion(black_box(&promotion), &scenario));
    });

    let mut group = c.benchmark_group("funding/splits");
    group.throughput(Throughput::Elements(1_000_000));
    group.bench_function("1_000_000", |b| {
        b.iter(|| {
            let mut sum = 0_i128;
            for cents in 0..1_000_000_u64 {
                let parts = split(
                    Euros::from_cents(black_box(cents * 7_919)),
                    share,
                    RoundingRule::HalfUpToCent,
                );
                sum += parts.share.cents();
            }
            sum
        });
    });
    group.finish();
}

criterion_group!(benches, funding);
criterion_main!(benches);
