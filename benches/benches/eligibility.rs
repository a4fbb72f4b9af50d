//! Benchmarks of eig-eligibility: one full dossier decision with its trace, the French
//! rendering, and 100 000 varied dossiers in a batch. Goal (issue 3): ≤ 5 µs per decision.
//! What would make the refused dossiers of the default campaign eligible (issue 23): goal
//! under 1 ms per dossier.

use std::hint::black_box;

use chrono::{DateTime, FixedOffset};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use eig_domain::{
    Commitment, Defi, Host, HostKind, HostRoles, Promotion, Seat, SupportRole, TalentProfile,
};
use eig_eligibility::{
    ChangeOptions, DefiDossier, FundingDeclaration, Outcome, changes_to_eligible_dossier,
    evaluate_dossier, render_french,
};

fn host(kind: HostKind) -> Host {
    Host { name: "Administration".parse().expect("valid label"), kind, siren: None, siret: None }
}

fn dossier(index: u32) -> DefiDossier {
    let promotions = [Promotion::Eig3, Promotion::Eig4, Promotion::Eig5, Promotion::Eig6];
    let kinds = [
        HostKind::Ministry,
        HostKind::StateOperator,
        HostKind::DeconcentratedService,
        HostKind::HealthEstablishment,
    ];
    let promotion = promotions[index as usize % promotions.len()];
    let kind = kinds[(index / 4) as usize % kinds.len()];
    let carrier = index.is_multiple_of(3).then(|| host(HostKind::Ministry));
    let submitted: DateTime<FixedOffset> =
        DateTime::from_timestamp(1_500_000_000 + i64::from(index % 200_000_000), 0)
            .expect("valid instant")
            .fixed_offset();
    DefiDossier {
        defi: Defi {
            id: format!("defi-{index}").parse().expect("valid id"),
            title: "Défi".parse().expect("valid label"),
            promotion,
            hosts: HostRoles { operational: host(kind), administrative: carrier },
            team: (0..2 + index % 3)
                .map(|i| Seat { profile: TalentProfile::ALL[(i + index) as usize % 5] })
                .collect(),
            support: vec![SupportRole::OperationalMentor, SupportRole::HighLevelMentor],
            commitments: [
                Commitment::DataAccess,
                Commitment::OpenSourceAndOpenData,
                Commitment::Accompaniment,
                Commitment::WorkOutsideWalls,
                Commitment::SustainabilityPlan,
                Commitment::DataUseAuthorisation,
                Commitment::DigitalAccessibility,
                Commitment::ConnectWithUsers,
                Commitment::ReuseSharedComponents,
            ]
            .into_iter()
            .collect(),
        },
        submitted_at: Some(submitted),
        funding: FundingDeclaration {
            cofinancing_requested: Some(!index.is_multiple_of(5)),
            self_funded: Some(index.is_multiple_of(5)),
            alternative_funding: None,
        },
        carrier_convention: Some(true),
        titre2_programme: Some(index.is_multiple_of(2)),
        economic_and_financial_ministries: Some(false),
        purely_it_tooling: Some(false),
        beta_gouv_phase: None,
        team_exception_granted: None,
        // The host's section 2 conditions, attested as the example dossiers attest them.
        project_team: Some(true),
        contacts_identified: Some(true),
        mentors_host_agents: Some(true),
        mentors_have_time: Some(true),
        eig_link_or_coach: None,
    }
}

fn eligibility(c: &mut Criterion) {
    // The full EIG3 dossier of the crate's example: every rule satisfied, ten trace entries.
    let mut one = dossier(0);
    one.defi.promotion = Promotion::Eig3;
    one.defi.hosts.administrative = None;
    one.submitted_at = "2018-06-15T14:59:59Z".parse().ok();
    one.funding = FundingDeclaration { cofinancing_requested: Some(true), ..Default::default() };
    c.bench_function("eligibility/dossier_with_trace", |b| {
        b.iter(|| evaluate_dossier(black_box(&one)));
    });
    if let Ok(decision) = evaluate_dossier(&one) {
        c.bench_function("eligibility/render_french", |b| {
            b.iter(|| render_french(black_box(&decision)));
        });
    }

    let batch: Vec<DefiDossier> = (0..100_000).map(dossier).collect();
    let mut group = c.benchmark_group("eligibility/batch");
    group.throughput(Throughput::Elements(batch.len() as u64));
    group.sample_size(10);
    group.bench_function("100_000_dossiers", |b| {
        b.iter(|| {
            batch
                .iter()
                .filter_map(|dossier| evaluate_dossier(black_box(dossier)).ok())
                .map(|decision| decision.trace.len())
                .sum::<usize>()
        });
    });
    group.finish();

    // What would make it eligible (issue 23): every dossier of the default campaign that is
    // refused or incomplete, answered. Goal: under 1 ms per dossier.
    let campaign = eig_campaign::default_campaign();
    let refused: Vec<DefiDossier> = campaign
        .dossiers
        .iter()
        .map(|filed| filed.dossier.clone())
        .filter(|dossier| {
            evaluate_dossier(dossier)
                .is_ok_and(|decision| !matches!(decision.outcome, Outcome::Eligible { .. }))
        })
        .collect();
    let options = ChangeOptions::default();
    let mut group = c.benchmark_group("eligibility/changes");
    group.throughput(Throughput::Elements(refused.len() as u64));
    group.bench_function(
        format!("{}_refused_dossiers_of_the_default_campaign", refused.len()),
        |b| {
            b.iter(|| {
                refused
                    .iter()
                    .filter_map(|dossier| {
                        changes_to_eligible_dossier(black_box(dossier), &options).ok()
                    })
                    .map(|answer| answer.sets.len())
                    .sum::<usize>()
            });
        },
    );
    group.finish();
}

criterion_group!(benches, eligibility);
criterion_main!(benches);
