//! Proptest strategies for the public types of the `eig-*` crates (feature `proptest`, on by
//! default).
//!
//! - Values: [`euros`], [`share`], [`experience`], [`promotion`],
//!   [`promotion_with_rules`], [`host_kind`], [`talent_profile`], [`support_role`],
//!   [`commitment`], [`beta_phase`].
//! - Records of any outcome: [`dossier`] / [`any_dossier`] and [`application`] /
//!   [`any_application`] are valid-shaped (every value parses, as `eig_eligibility` would
//!   read it from JSON) with arbitrary facts, missing or present, so that they may be
//!   eligible, ineligible or incomplete — or, for EIG1 and DIG1, unjudgeable. To vary one
//!   fact of an eligible record, start from a [`fixtures`](crate::fixtures) function instead.
//! - Matching problems: [`matching_input`] and [`matching_input_within`] are valid inputs
//!   of bounded size (`eig_matching::Instance::new` accepts them), drawn by
//!   `eig_matching::generate` from a seed and a generated configuration.
//!
//! The enumerations that are `#[non_exhaustive]` ([`host_kind`], [`support_role`],
//! [`commitment`], [`beta_phase`]) list today's variants: a new variant appears here when the
//! kit is updated with the vocabulary.
//!
//! # Example
//! ```
//! use eig_eligibility::evaluate_dossier;
//! use eig_testkit::strategies;
//! use proptest::prelude::*;
//!
//! proptest!(|(dossier in strategies::any_dossier())| {
//!     // Any dossier is judged the same way twice, or refused the same way.
//!     let once = evaluate_dossier(&dossier);
//!     prop_assert_eq!(once, evaluate_dossier(&dossier));
//! });
//! ```

use chrono::{DateTime, Days, FixedOffset, NaiveDate};
use eig_domain::{
    Candidate, CandidateId, CandidateStatus, CivilService, Commitment, Defi, DefiId, Euros,
    Experience, Host, HostKind, HostRoles, Label, LocalAuthorityLevel, PastParticipation,
    PersonKind, Promotion, Share, Studies, StudyLevel, SupportRole, TalentProfile,
};
use eig_eligibility::{BetaPhase, CandidateApplication, Choice, DefiDossier, FundingDeclaration};
use eig_matching::{GeneratorConfig, MatchingInput, MatchingLimits, generate};
use proptest::collection::{btree_map, btree_set, vec};
use proptest::option;
use proptest::prelude::*;
use proptest::sample::select;
use rust_decimal::Decimal;

use crate::fixtures::PROMOTIONS;

/// The largest amount [`euros`] draws: 100 million euros, above any promotion's envelope.
///
/// # Example
/// ```
/// use eig_domain::Euros;
/// use eig_testkit::strategies::MAX_EUROS;
///
/// assert_eq!(MAX_EUROS, Euros::from_whole(100_000_000));
/// ```
pub const MAX_EUROS: Euros = Euros::from_cents(10_000_000_000);

/// Any amount from 0 to [`MAX_EUROS`], to the cent.
///
/// # Example
/// ```
/// use eig_testkit::strategies::{MAX_EUROS, euros};
/// use proptest::prelude::*;
///
/// proptest!(|(amount in euros())| {
///     prop_assert!(amount <= MAX_EUROS);
///     prop_assert_eq!(amount.to_string().parse(), Ok(amount));
/// });
/// ```
pub fn euros() -> impl Strategy<Value = Euros> {
    (0..=10_000_000_000_u64).prop_map(Euros::from_cents)
}

/// Any rate from 0 to 1, to the basis point (`0.0001`).
///
/// # Example
/// ```
/// use eig_domain::Share;
/// use eig_testkit::strategies::share;
/// use proptest::prelude::*;
///
/// proptest!(|(rate in share())| {
///     prop_assert!(Share::ZERO <= rate && rate <= Share::ONE);
///     prop_assert_eq!(rate.complement().complement(), rate);
/// });
/// ```
pub fn share() -> impl Strategy<Value = Share> {
    (0..=10_000_i64)
        .prop_filter_map("a rate in [0, 1]", |points| Share::try_from(Decimal::new(points, 4)).ok())
}

/// Any professional experience from none to 40 years, by the month.
///
/// # Example
/// ```
/// use eig_testkit::strategies::experience;
/// use proptest::prelude::*;
///
/// proptest!(|(experience in experience())| prop_assert!(experience.months() <= 480));
/// ```
pub fn experience() -> impl Strategy<Value = Experience> {
    (0..=480_u16).prop_map(Experience::from_months)
}

/// Any promotion, EIG1 and DIG1 included (they have no published call rules).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_testkit::strategies::promotion;
/// use proptest::prelude::*;
///
/// proptest!(|(promotion in promotion())| prop_assert!(Promotion::ALL.contains(&promotion)));
/// ```
pub fn promotion() -> impl Strategy<Value = Promotion> {
    select(Promotion::ALL.to_vec())
}

/// A promotion with published call rules, one of [`fixtures::PROMOTIONS`](PROMOTIONS)
/// (EIG2–EIG7).
///
/// # Example
/// ```
/// use eig_testkit::{fixtures, strategies::promotion_with_rules};
/// use proptest::prelude::*;
///
/// proptest!(|(promotion in promotion_with_rules())| prop_assert!(fixtures::dossier(promotion).is_ok()));
/// ```
pub fn promotion_with_rules() -> impl Strategy<Value = Promotion> {
    select(PROMOTIONS.to_vec())
}

/// Any kind of host, every level of collectivité territoriale included.
///
/// # Example
/// ```
/// use eig_testkit::strategies::host_kind;
/// use proptest::prelude::*;
///
/// proptest!(|(kind in host_kind())| prop_assert!(!kind.french().is_empty()));
/// ```
pub fn host_kind() -> impl Strategy<Value = HostKind> {
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

/// Any talent profile, of any promotion.
///
/// # Example
/// ```
/// use eig_domain::TalentProfile;
/// use eig_testkit::strategies::talent_profile;
/// use proptest::prelude::*;
///
/// proptest!(|(profile in talent_profile())| prop_assert!(TalentProfile::ALL.contains(&profile)));
/// ```
pub fn talent_profile() -> impl Strategy<Value = TalentProfile> {
    select(TalentProfile::ALL.to_vec())
}

/// Any support role of a défi.
///
/// # Example
/// ```
/// use eig_domain::SupportRole;
/// use eig_testkit::strategies::support_role;
/// use proptest::prelude::*;
///
/// proptest!(|(role in support_role())| {
///     let json = serde_json::to_string(&role).unwrap();
///     prop_assert_eq!(serde_json::from_str::<SupportRole>(&json).unwrap(), role);
/// });
/// ```
pub fn support_role() -> impl Strategy<Value = SupportRole> {
    select(vec![
        SupportRole::OperationalMentor,
        SupportRole::HighLevelMentor,
        SupportRole::ProjectLead,
        SupportRole::Sponsor,
    ])
}

/// Any commitment of a host.
///
/// # Example
/// ```
/// use eig_domain::Commitment;
/// use eig_testkit::strategies::commitment;
/// use proptest::prelude::*;
///
/// proptest!(|(commitment in commitment())| {
///     let json = serde_json::to_string(&commitment).unwrap();
///     prop_assert_eq!(serde_json::from_str::<Commitment>(&json).unwrap(), commitment);
/// });
/// ```
pub fn commitment() -> impl Strategy<Value = Commitment> {
    select(Commitment::ALL.to_vec())
}

/// Any phase of a product on beta.gouv.fr (EIG7).
///
/// # Example
/// ```
/// use eig_eligibility::BetaPhase;
/// use eig_testkit::strategies::beta_phase;
/// use proptest::prelude::*;
///
/// proptest!(|(phase in beta_phase())| {
///     let json = serde_json::to_string(&phase).unwrap();
///     prop_assert_eq!(serde_json::from_str::<BetaPhase>(&json).unwrap(), phase);
/// });
/// ```
pub fn beta_phase() -> impl Strategy<Value = BetaPhase> {
    select(vec![
        BetaPhase::NoProductPage,
        BetaPhase::Investigation,
        BetaPhase::Construction,
        BetaPhase::Acceleration,
        BetaPhase::Transfer,
        BetaPhase::Sustained,
    ])
}

/// A défi dossier of `promotion`, valid-shaped, with arbitrary facts: a host of any kind
/// with or without a porteur administratif, a team of 0 to 4 seats of any profile, any
/// support roles and commitments, each declaration present or missing, a submission (or
/// none) within about a year of the promotion's calls. Any outcome.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::evaluate_dossier;
/// use eig_testkit::strategies::dossier;
/// use proptest::prelude::*;
///
/// proptest!(|(dossier in dossier(Promotion::Eig5))| {
///     prop_assert_eq!(dossier.defi.promotion, Promotion::Eig5);
///     // Eligible, ineligible, incomplete, or conflicting exceptions: the same each time.
///     prop_assert_eq!(evaluate_dossier(&dossier), evaluate_dossier(&dossier));
/// });
/// ```
pub fn dossier(promotion: Promotion) -> impl Strategy<Value = DefiDossier> {
    let hosts = (label(), host_kind(), option::of((label(), host_kind()))).prop_map(
        |(name, kind, administrative)| {
            let roles = HostRoles::new(Host::new(name, kind));
            match administrative {
                Some((name, kind)) => roles.with_administrative(Host::new(name, kind)),
                None => roles,
            }
        },
    );
    let defi = (
        defi_id(),
        label(),
        hosts,
        vec(talent_profile(), 0..=4),
        vec(support_role(), 0..=4),
        btree_set(commitment(), 0..=10),
    )
        .prop_map(move |(id, title, hosts, team, support, commitments)| {
            Defi::new(id, title, promotion, hosts, team)
                .with_support(support)
                .with_commitments(commitments)
        });
    let funding = [option::of(any::<bool>()), option::of(any::<bool>()), option::of(any::<bool>())]
        .prop_map(|[cofinancing_requested, self_funded, alternative_funding]| FundingDeclaration {
            cofinancing_requested,
            self_funded,
            alternative_funding,
        });
    let facts = [
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
        option::of(any::<bool>()),
    ];
    (defi, option::of(instant_near(promotion)), funding, facts, option::of(beta_phase())).prop_map(
        |(defi, submitted_at, funding, facts, beta_gouv_phase)| {
            let [carrier, titre2, economic, tooling, exception] = facts;
            let mut dossier = DefiDossier::new(defi).with_funding(funding);
            dossier.submitted_at = submitted_at;
            dossier.carrier_convention = carrier;
            dossier.titre2_programme = titre2;
            dossier.economic_and_financial_ministries = economic;
            dossier.purely_it_tooling = tooling;
            dossier.beta_gouv_phase = beta_gouv_phase;
            dossier.team_exception_granted = exception;
            dossier
        },
    )
}

/// A défi dossier of any promotion, EIG1 and DIG1 included (see [`dossier`]).
///
/// # Example
/// ```
/// use eig_eligibility::{EligibilityError, evaluate_dossier};
/// use eig_testkit::strategies::any_dossier;
/// use proptest::prelude::*;
///
/// proptest!(|(dossier in any_dossier())| {
///     // Only a promotion without rules (or conflicting exceptions) is unjudgeable.
///     if let Err(EligibilityError::NoPublishedRules { promotion, .. }) = evaluate_dossier(&dossier) {
///         prop_assert_eq!(promotion, dossier.defi.promotion);
///     }
/// });
/// ```
pub fn any_dossier() -> impl Strategy<Value = DefiDossier> {
    promotion().prop_flat_map(dossier)
}

/// A candidate application to `promotion`, valid-shaped, with arbitrary facts: any profile
/// and experience, each status fact present or missing (a legal person, a civil servant in
/// post, a jury member, a student, past participations), 0 to 6 choices of défis or
/// profiles or none, instants and days (or none) within about a year of the promotion's
/// calls. Any outcome.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::evaluate_candidate;
/// use eig_testkit::strategies::application;
/// use proptest::prelude::*;
///
/// proptest!(|(application in application(Promotion::Eig3))| {
///     prop_assert_eq!(evaluate_candidate(&application), evaluate_candidate(&application));
/// });
/// ```
pub fn application(promotion: Promotion) -> impl Strategy<Value = CandidateApplication> {
    let status = (
        option::of(select(vec![PersonKind::Natural, PersonKind::Legal])),
        option::of(civil_service(promotion)),
        option::of(any::<bool>()),
        option::of(studies(promotion)),
        option::of(vec(past_participation(), 0..=2)),
    )
        .prop_map(|(person, civil_service, jury_member, studies, past_participations)| {
            CandidateStatus { person, civil_service, jury_member, studies, past_participations }
        });
    let candidate = (candidate_id(), talent_profile(), option::of(experience()), status).prop_map(
        |(id, profile, experience, status)| {
            let candidate = Candidate::new(id, profile).with_status(status);
            match experience {
                Some(experience) => candidate.with_experience(experience),
                None => candidate,
            }
        },
    );
    let choice =
        prop_oneof![defi_id().prop_map(Choice::Defi), talent_profile().prop_map(Choice::Profile)];
    (
        candidate,
        option::of(instant_near(promotion)),
        option::of(vec(choice, 0..=6)),
        option::of(instant_near(promotion)),
        option::of(day_near(promotion)),
        option::of(day_near(promotion)),
    )
        .prop_map(
            move |(candidate, submitted_at, choices, choices_at, decided_on, start_on)| {
                let mut application = CandidateApplication::new(promotion, candidate);
                application.submitted_at = submitted_at;
                application.choices = choices;
                application.choices_submitted_at = choices_at;
                application.selection_decided_on = decided_on;
                application.mission_start_on = start_on;
                application
            },
        )
}

/// A candidate application to any promotion, EIG1 and DIG1 included (see [`application`]).
///
/// # Example
/// ```
/// use eig_eligibility::evaluate_candidate;
/// use eig_testkit::strategies::any_application;
/// use proptest::prelude::*;
///
/// proptest!(|(application in any_application())| {
///     let once = evaluate_candidate(&application);
///     prop_assert_eq!(once, evaluate_candidate(&application));
/// });
/// ```
pub fn any_application() -> impl Strategy<Value = CandidateApplication> {
    promotion().prop_flat_map(application)
}

/// Team and choice limits: a minimum team of 0 to 3, a maximum 0 to 3 above it (at least
/// 1), 1 to 5 choices.
///
/// # Example
/// ```
/// use eig_testkit::strategies::limits;
/// use proptest::prelude::*;
///
/// proptest!(|(limits in limits())| prop_assert!(limits.team_min <= limits.team_max));
/// ```
pub fn limits() -> impl Strategy<Value = MatchingLimits> {
    (0..=3_u32, 0..=3_u32, 1..=5_u32).prop_map(|(team_min, above, max_choices)| MatchingLimits {
        team_min,
        team_max: (team_min + above).max(1),
        max_choices,
    })
}

/// A valid matching input of at most 24 candidates and 6 défis, with any [`limits`]: see
/// [`matching_input_within`].
///
/// # Example
/// ```
/// use eig_matching::{Instance, Options, solve, verify};
/// use eig_testkit::strategies::matching_input;
/// use proptest::prelude::*;
///
/// proptest!(|(input in matching_input())| {
///     let instance = Instance::new(&input).expect("valid by construction");
///     let solution = solve(&instance, &Options::default()).expect("solvable");
///     // Certified: stable, or stable among the running défis when some are withdrawn.
///     prop_assert!(verify(&instance, &solution.assignment()).certificate().is_some());
/// });
/// ```
pub fn matching_input() -> impl Strategy<Value = MatchingInput> {
    limits().prop_flat_map(matching_input_within)
}

/// A valid matching input under `limits`: `eig_matching::generate` draws, from a generated
/// seed, 0 to 24 candidates of the seats' profiles and 1 to 6 défis with the same 1 to 3
/// seats (of developer, data scientist, designer), each candidate choosing up to
/// `limits.max_choices` défis, the juries ranking 0–100 % of their applicants with 0–50 %
/// ties. As `generate` does, a maximum team that cannot hold a défi's seats is widened to
/// hold them.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_matching::{Instance, MatchingLimits};
/// use eig_testkit::strategies::matching_input_within;
/// use proptest::prelude::*;
///
/// let eig6 = MatchingLimits::for_promotion(Promotion::Eig6).expect("AAP6 §2, AAC6 art. 5");
/// proptest!(|(input in matching_input_within(eig6))| {
///     prop_assert!(Instance::new(&input).is_ok());
///     prop_assert!(input.candidates.iter().all(|c| c.choices.len() <= 5));
/// });
/// ```
pub fn matching_input_within(limits: MatchingLimits) -> impl Strategy<Value = MatchingInput> {
    let seats = btree_map(
        select(vec![
            TalentProfile::Developer,
            TalentProfile::DataScientist,
            TalentProfile::Designer,
        ]),
        1..=1_u32,
        1..=3,
    );
    (any::<u64>(), 0..=24_u32, 1..=6_u32, seats, 0..=100_u32, 0..=50_u32).prop_map(
        move |(seed, candidates, defis, seats, ranked_percent, tie_percent)| {
            let config = GeneratorConfig {
                seed,
                candidates,
                defis,
                seats,
                limits,
                ranked_percent,
                tie_percent,
            };
            generate(&config).to_input()
        },
    )
}

/// A label from a short list of host names and titles.
fn label() -> impl Strategy<Value = Label> {
    select(vec!["Ministère de l'Intérieur", "CHU (exemple)", "Région (exemple)", "Défi"])
        .prop_filter_map("a valid label", |text| text.parse().ok())
}

/// One of a few défi ids, so that choices sometimes repeat.
fn defi_id() -> impl Strategy<Value = DefiId> {
    (0..8_u8).prop_filter_map("a valid id", |n| format!("d{n}").parse().ok())
}

fn candidate_id() -> impl Strategy<Value = CandidateId> {
    (0..8_u8).prop_filter_map("a valid id", |n| format!("c{n}").parse().ok())
}

fn civil_service(promotion: Promotion) -> impl Strategy<Value = CivilService> {
    prop_oneof![
        Just(CivilService::NotCivilServant),
        Just(CivilService::NotInPost),
        option::of(day_near(promotion))
            .prop_map(|last_day_in_post| CivilService::InPost { last_day_in_post }),
    ]
}

fn studies(promotion: Promotion) -> impl Strategy<Value = Studies> {
    let level = select(vec![
        StudyLevel::School,
        StudyLevel::FirstOrSecondCycle,
        StudyLevel::ThirdCycle,
        StudyLevel::Apprenticeship,
    ]);
    prop_oneof![
        Just(Studies::NotStudying),
        (level, option::of(day_near(promotion)))
            .prop_map(|(level, last_day)| Studies::Enrolled { level, last_day }),
    ]
}

fn past_participation() -> impl Strategy<Value = PastParticipation> {
    (promotion(), any::<bool>())
        .prop_map(|(promotion, as_coach)| PastParticipation { promotion, as_coach })
}

/// Around the promotion's calls: about 7 months before its missions start (or 2024 when
/// they start on a rolling basis), give or take 400 days.
fn centre(promotion: Promotion) -> NaiveDate {
    let start = promotion.facts().mission_start.map(|start| start.value.earliest_day());
    let fallback = NaiveDate::from_ymd_opt(2024, 1, 1).unwrap_or_default();
    start.and_then(|day| day.checked_sub_days(Days::new(210))).unwrap_or(fallback)
}

fn day_near(promotion: Promotion) -> impl Strategy<Value = NaiveDate> {
    let centre = centre(promotion);
    (0..=800_u64).prop_filter_map("a day in the calendar", move |n| {
        centre.checked_sub_days(Days::new(400))?.checked_add_days(Days::new(n))
    })
}

/// An instant to the second, in UTC or at one of Paris's offsets.
fn instant_near(promotion: Promotion) -> impl Strategy<Value = DateTime<FixedOffset>> {
    let centre = centre(promotion).and_hms_opt(0, 0, 0).map(|at| at.and_utc().timestamp());
    let seconds = 400 * 86_400_i64;
    (-seconds..=seconds, select(vec![0, 3_600, 7_200])).prop_filter_map(
        "an instant in the calendar",
        move |(offset, zone)| {
            let utc = DateTime::from_timestamp(centre? + offset, 0)?;
            Some(utc.with_timezone(&FixedOffset::east_opt(zone)?))
        },
    )
}
