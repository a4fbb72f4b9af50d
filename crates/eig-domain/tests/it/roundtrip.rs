//! Every public type round-trips value → JSON → value unchanged.

use chrono::{NaiveDate, NaiveDateTime};
use eig_domain::{
    ApproxDate, BudgetProgramme, Candidate, CandidateId, CandidateStatus, CivilService, Closing,
    Commitment, DateRange, Defi, DefiId, Document, Euros, Experience, FundingRoute, Host, HostKind,
    HostRoles, Label, LocalAuthorityLevel, ParisDeadline, PastParticipation, PersonKind, Promotion,
    Seat, Share, Siren, Siret, Source, Sourced, Studies, StudyLevel, SupportRole, TalentProfile,
    Window,
};
use proptest::{prelude::*, sample::select};
use serde::{Serialize, de::DeserializeOwned};

fn round_trip<T: Serialize + DeserializeOwned + PartialEq + std::fmt::Debug>(
    value: &T,
) -> Result<(), TestCaseError> {
    let json = serde_json::to_string(value).unwrap();
    let back: T =
        serde_json::from_str(&json).map_err(|err| TestCaseError::fail(format!("{err}: {json}")))?;
    prop_assert_eq!(&back, value, "through {}", json);
    Ok(())
}

fn euros() -> impl Strategy<Value = Euros> {
    any::<u64>().prop_map(Euros::from_cents)
}

fn share() -> impl Strategy<Value = Share> {
    (0u64..=1_000_000).prop_map(|millionths| {
        rust_decimal::Decimal::new(i64::try_from(millionths).unwrap(), 6).try_into().unwrap()
    })
}

fn day() -> impl Strategy<Value = NaiveDate> {
    (2000i32..2040, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).unwrap())
}

fn wall_clock() -> impl Strategy<Value = NaiveDateTime> {
    (day(), 0u32..24, 0u32..60).prop_map(|(d, h, m)| d.and_hms_opt(h, m, 0).unwrap())
}

fn deadline() -> impl Strategy<Value = ParisDeadline> {
    wall_clock().prop_filter_map("DST change", |local| ParisDeadline::from_paris(local).ok())
}

fn approx_date() -> impl Strategy<Value = ApproxDate> {
    prop_oneof![
        day().prop_map(ApproxDate::Day),
        (1900i32..2100, 1u32..=12).prop_map(|(year, month)| ApproxDate::Month { year, month }),
        (1000i32..9999).prop_map(ApproxDate::Year),
    ]
}

fn window() -> impl Strategy<Value = Window> {
    let closing = prop_oneof![
        deadline().prop_map(|deadline| Closing::Deadline { deadline }),
        day().prop_map(|on| Closing::Day { on }),
        (wall_clock(), -12i32..=14).prop_map(|(local, hours)| Closing::Offset {
            at: local
                .and_local_timezone(chrono::FixedOffset::east_opt(hours * 3600).unwrap())
                .unwrap(),
        }),
    ];
    (proptest::option::of(day()), closing)
        .prop_map(|(opens_on, closes)| Window { opens_on, closes })
}

fn label() -> impl Strategy<Value = Label> {
    "[A-Za-zÀ-ÿ0-9' -]{0,30}[A-Za-z]".prop_map(|text| text.parse().unwrap())
}

fn ident() -> impl Strategy<Value = String> {
    "[A-Za-z0-9._:-]{1,64}"
}

/// A valid SIREN: eight digits and their Luhn key.
fn siren() -> impl Strategy<Value = Siren> {
    "[0-9]{8}".prop_map(|body| {
        (0..10).map(|key| format!("{body}{key}")).find_map(|text| text.parse().ok()).unwrap()
    })
}

fn siret() -> impl Strategy<Value = Siret> {
    (siren(), "[0-9]{4}").prop_map(|(siren, body)| {
        (0..10)
            .map(|key| format!("{}{body}{key}", siren.as_str()))
            .find_map(|text| text.parse().ok())
            .unwrap()
    })
}

fn host_kind() -> impl Strategy<Value = HostKind> {
    prop_oneof![
        select(vec![
            HostKind::Ministry,
            HostKind::CentralAdministration,
            HostKind::StateOperator,
            HostKind::DeconcentratedService,
            HostKind::IndependentAuthority,
            HostKind::HealthEstablishment,
            HostKind::Jurisdiction,
            HostKind::OtherStateBody,
        ]),
        select(LocalAuthorityLevel::ALL.to_vec())
            .prop_map(|level| HostKind::LocalAuthority { level }),
    ]
}

fn host() -> impl Strategy<Value = Host> {
    (label(), host_kind(), proptest::option::of(siren()), proptest::option::of(siret()))
        .prop_map(|(name, kind, siren, siret)| Host { name, kind, siren, siret })
}

fn profile() -> impl Strategy<Value = TalentProfile> {
    select(TalentProfile::ALL.to_vec())
}

fn promotion() -> impl Strategy<Value = Promotion> {
    select(Promotion::ALL.to_vec())
}

fn defi() -> impl Strategy<Value = Defi> {
    let support = select(vec![
        SupportRole::OperationalMentor,
        SupportRole::HighLevelMentor,
        SupportRole::ProjectLead,
        SupportRole::Sponsor,
    ]);
    let commitment = select(Commitment::ALL.to_vec());
    (
        ident(),
        label(),
        promotion(),
        host(),
        proptest::option::of(host()),
        proptest::collection::vec(profile(), 0..5),
        proptest::collection::vec(support, 0..4),
        proptest::collection::btree_set(commitment, 0..6),
    )
        .prop_map(
            |(id, title, promotion, operational, administrative, team, support, commitments)| {
                Defi {
                    id: id.parse().unwrap(),
                    title,
                    promotion,
                    hosts: HostRoles { operational, administrative },
                    team: team.into_iter().map(|profile| Seat { profile }).collect(),
                    support,
                    commitments,
                }
            },
        )
}

fn status() -> impl Strategy<Value = CandidateStatus> {
    let civil = prop_oneof![
        Just(CivilService::NotCivilServant),
        Just(CivilService::NotInPost),
        proptest::option::of(day())
            .prop_map(|last_day_in_post| CivilService::InPost { last_day_in_post }),
    ];
    let level = select(vec![
        StudyLevel::School,
        StudyLevel::FirstOrSecondCycle,
        StudyLevel::ThirdCycle,
        StudyLevel::Apprenticeship,
    ]);
    let studies = prop_oneof![
        Just(Studies::NotStudying),
        (level, proptest::option::of(day()))
            .prop_map(|(level, last_day)| Studies::Enrolled { level, last_day }),
    ];
    let past = (promotion(), any::<bool>())
        .prop_map(|(promotion, as_coach)| PastParticipation { promotion, as_coach });
    (
        proptest::option::of(select(vec![PersonKind::Natural, PersonKind::Legal])),
        proptest::option::of(civil),
        proptest::option::of(any::<bool>()),
        proptest::option::of(studies),
        proptest::option::of(proptest::collection::vec(past, 0..3)),
    )
        .prop_map(|(person, civil_service, jury_member, studies, past_participations)| {
            CandidateStatus { person, civil_service, jury_member, studies, past_participations }
        })
}

fn candidate() -> impl Strategy<Value = Candidate> {
    (ident(), profile(), proptest::option::of(any::<u16>()), status()).prop_map(
        |(id, profile, months, status)| Candidate {
            id: id.parse::<CandidateId>().unwrap(),
            profile,
            experience: months.map(Experience::from_months),
            status,
        },
    )
}

proptest! {
    #[test]
    fn money(amount in euros(), rate in share()) {
        round_trip(&amount)?;
        round_trip(&rate)?;
    }

    #[test]
    fn calendar(deadline in deadline(), date in approx_date(), window in window(), a in day(), b in day()) {
        round_trip(&deadline)?;
        round_trip(&date)?;
        round_trip(&window)?;
        round_trip(&DateRange::new(a.min(b), a.max(b)).unwrap())?;
    }

    #[test]
    fn hosts(host in host(), administrative in proptest::option::of(host()), programme in 100u16..1000) {
        round_trip(&host)?;
        round_trip(&host.kind)?;
        round_trip(&HostRoles { operational: host.clone(), administrative })?;
        round_trip(&programme.to_string().parse::<BudgetProgramme>().unwrap())?;
    }

    #[test]
    fn defis(defi in defi()) {
        round_trip(&defi)?;
        round_trip(&defi.id)?;
    }

    #[test]
    fn candidates(candidate in candidate()) {
        round_trip(&candidate)?;
        round_trip(&candidate.status)?;
    }

    #[test]
    fn sources(document in select(Document::ALL.to_vec()), locator in "[§a-z0-9. ]{0,20}") {
        round_trip(&document)?;
        round_trip(&Source { document, locator: locator.clone().into() })?;
        round_trip(&Sourced::new(3_u8, Source { document, locator: locator.into() }))?;
    }
}

#[test]
fn closed_enumerations_and_facts() {
    for promotion in Promotion::ALL {
        round_trip(&promotion).unwrap();
        round_trip(&promotion.facts()).unwrap();
    }
    for profile in TalentProfile::ALL {
        round_trip(&profile).unwrap();
    }
    for route in [
        FundingRoute::Direct,
        FundingRoute::ThroughAdministrativeCarrier,
        FundingRoute::DelegationOfManagement,
        FundingRoute::AlternativeFunding,
        FundingRoute::SelfFunded,
        FundingRoute::EmployedByDinum,
    ] {
        round_trip(&route).unwrap();
    }
    let id: DefiId = "x".parse().unwrap();
    round_trip(&id).unwrap();
}
