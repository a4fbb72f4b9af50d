//! Complete, eligible records for every promotion with published rules (EIG2–EIG7), built
//! with the crates' constructors, to modify in one line.
//!
//! Each function takes a [`Promotion`] and returns a fresh value: a [`DefiDossier`] that
//! `eig_eligibility::evaluate_dossier` finds eligible ([`dossier`]), a
//! [`CandidateApplication`] it finds eligible ([`application`]), the défi's funding input
//! that `eig_funding::plan_defi` plans without error ([`defi_funding`],
//! [`promotion_input`]) and a small matching problem that `eig_matching::solve` solves and
//! `eig_matching::verify` certifies ([`matching`]). EIG1 and DIG1 have no published call
//! rules: every function returns [`FixtureError::NoPublishedRules`] for them; EIG7 recruits
//! from a pool without choices, so [`matching`] returns [`FixtureError::NoMatchingLimits`].
//!
//! The records follow the eligibility crate's conformance cases
//! `corpus/eligibility/eig{2..7}_every_rule_satisfied.json` and
//! `cand_eig{2..7}_every_rule_satisfied.json`: the requirements they meet are the texts'
//! (each function's documentation cites them), the names, titles, instants within each call
//! and amounts are synthetic.
//!
//! # Example
//! ```
//! use eig_domain::{Promotion, SupportRole};
//! use eig_eligibility::{Outcome, evaluate_dossier};
//! use eig_api::fixtures;
//!
//! let complete = fixtures::dossier(Promotion::Eig4)?;
//! assert!(matches!(evaluate_dossier(&complete)?.outcome, Outcome::Eligible { .. }));
//!
//! // One line: the same dossier without its mentor de haut niveau (AAP4 §2).
//! let mut dossier = complete.clone();
//! dossier.defi.support.retain(|role| *role != SupportRole::HighLevelMentor);
//! assert!(matches!(evaluate_dossier(&dossier)?.outcome, Outcome::Ineligible { .. }));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Display;
use std::str::FromStr;

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::{
    Candidate, CandidateId, CandidateStatus, CivilService, Commitment, Defi, DefiId, Euros,
    Experience, FundingRoute, Host, HostKind, HostRoles, PersonKind, Promotion, Studies,
    SupportRole, TalentProfile,
};
use eig_eligibility::{
    ApplicationProcess, BetaPhase, CandidateApplication, Choice, DefiDossier, FundingDeclaration,
};
use eig_funding::{DefiFunding, EmployerCost, PromotionInput, TalentInput};
use eig_matching::{CandidateInput, DefiSeats, MatchingInput, MatchingLimits, RankingInput};

/// The promotions that have fixtures: those with published call rules, in chronological
/// order.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_api::fixtures::{self, FixtureError, PROMOTIONS};
///
/// for promotion in PROMOTIONS {
///     fixtures::dossier(promotion)?;
/// }
/// assert!(!PROMOTIONS.contains(&Promotion::Eig1));
/// assert!(matches!(fixtures::dossier(Promotion::Dig1), Err(FixtureError::NoPublishedRules { .. })));
/// # Ok::<(), FixtureError>(())
/// ```
pub const PROMOTIONS: [Promotion; 6] = [
    Promotion::Eig2,
    Promotion::Eig3,
    Promotion::Eig4,
    Promotion::Eig5,
    Promotion::Eig6,
    Promotion::Eig7,
];

/// Why the kit has no fixture for a promotion.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_api::fixtures::{self, FixtureError};
///
/// let err = fixtures::application(Promotion::Eig1).unwrap_err();
/// assert_eq!(err, FixtureError::NoPublishedRules { promotion: Promotion::Eig1 });
/// assert_eq!(err.to_string(), "la promotion EIG1 n'a pas de règles d'appel publiées : le kit n'a pas de données d'essai pour elle, prenez EIG2 à EIG7");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum FixtureError {
    /// The promotion has no published call rules (EIG1, DIG1): nothing to be complete or
    /// eligible against.
    #[error(
        "la promotion {promotion} n'a pas de règles d'appel publiées : le kit n'a pas de données d'essai pour elle, prenez EIG2 à EIG7"
    )]
    NoPublishedRules {
        /// The promotion asked for.
        promotion: Promotion,
    },
    /// The promotion states no team bounds or no choice limit, so it has no matching
    /// problem (EIG7: talents are recruited from a pool, REG7 §2; `MatchingLimits::for_promotion`
    /// is `None`).
    #[error(
        "la promotion {promotion} ne fixe pas de taille d'équipe ou de limite de choix : le kit n'a pas d'affectation pour elle"
    )]
    NoMatchingLimits {
        /// The promotion asked for.
        promotion: Promotion,
    },
    /// The promotion publishes no grid for the défi jury, so a whole call cannot select its
    /// laureates (EIG2: no cahier des charges in the sources).
    #[error(
        "la promotion {promotion} ne publie pas de grille du jury des défis : le kit n'a pas d'appel complet pour elle"
    )]
    NoScoringGrid {
        /// The promotion asked for.
        promotion: Promotion,
    },
    /// One of the kit's own literals did not parse. The kit's tests build every fixture of
    /// every promotion, so this is a bug of the kit, reported as an error rather than a
    /// panic.
    #[error(
        "données d'essai de {promotion} : la valeur {} est invalide : {reason}",
        eig_domain::echo(literal)
    )]
    InvalidLiteral {
        /// The promotion asked for.
        promotion: Promotion,
        /// The literal.
        literal: String,
        /// Why it did not parse.
        reason: String,
    },
}

/// A complete défi dossier of `promotion` that `eig_eligibility::evaluate_dossier` finds
/// eligible, on the funding route [`defi_funding`] plans.
///
/// The same shape each year, as the conformance cases `eig{2..7}_every_rule_satisfied.json`:
/// the défi `eigN-defi` titled `Défi de démonstration`, hosted by `Ministère de l'Intérieur`
/// (a ministry, without porteur administratif) and:
///
/// | Promotion | Team | Support and commitments | Facts | Route |
/// | --- | --- | --- | --- | --- |
/// | EIG2 | developer, data scientist | — | submitted 2017-01-01 (the sources state no window for EIG2's défis), co-financing (AAC2 art. 2) | direct |
/// | EIG3 | developer, data scientist | mentors opérationnel and de haut niveau; data access, open source and data, accompaniment, work outside walls, sustainability plan (AAP3 §2.2, §3.2) | submitted 2018-06-15 10:00 Paris, before the 17:00 deadline (AAP3 §4.2); co-financing; not purely IT tooling | direct (AAP3 §3.1.1) |
/// | EIG4 | developer, designer | the same mentors; and data use authorisation, digital accessibility (AAP4 §2) | submitted 2020-02-28, co-financing | direct (AAP4 §3.1) |
/// | EIG5 | developer, designer | porteur de projet and mentor de haut niveau; EIG4's commitments (AAP5 §2) | submitted 2021-04-07, co-financing, not an economic and financial ministry | direct (AAP5 §3.1) |
/// | EIG6 | developer, data engineer | porteur de projet and sponsor; EIG5's commitments and travel costs (AAP6 §2) | submitted 2022-03-18, co-financing | direct (AAP6 §3.1) |
/// | EIG7 | product director | sponsor; twelve-month budget, partial telework (REG7 §3.4) | product in construction on beta.gouv.fr (REG7 §3.1) | employed by DINUM (REG7 §1.2) |
///
/// From EIG3 the host states that it constituted a team dedicated to the défi and identified
/// the talents' contacts (`project_team`, `contacts_identified`: AAP3 §2.2, AAP4–AAP6 §2), and
/// from EIG4 that its mentors opérationnels (porteurs de projet) are its public agents with time
/// for the ten months (`mentors_host_agents`, `mentors_have_time`), so that the rules judge
/// those facts here rather than pass them for want of them.
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1.
///
/// # Example
/// ```
/// use eig_domain::{FundingRoute, Promotion};
/// use eig_eligibility::{Outcome, evaluate_dossier};
/// use eig_api::fixtures;
///
/// let dossier = fixtures::dossier(Promotion::Eig3)?;
/// let decision = evaluate_dossier(&dossier)?;
/// assert_eq!(decision.outcome, Outcome::Eligible { funding_route: Some(FundingRoute::Direct) });
///
/// // One line: submitted one minute after the deadline (15 June 2018, 17:00 Paris).
/// let late = dossier.with_submitted_at("2018-06-15T17:01:00+02:00".parse()?);
/// assert!(matches!(evaluate_dossier(&late)?.outcome, Outcome::Ineligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn dossier(promotion: Promotion) -> Result<DefiDossier, FixtureError> {
    use Commitment as C;
    use SupportRole as S;
    use TalentProfile as P;

    const EIG4_COMMITMENTS: [Commitment; 7] = [
        C::DataAccess,
        C::DataUseAuthorisation,
        C::OpenSourceAndOpenData,
        C::DigitalAccessibility,
        C::WorkOutsideWalls,
        C::Accompaniment,
        C::SustainabilityPlan,
    ];

    let ruled = Ruled::of(promotion)?;
    let lit = Literals(promotion);
    // AAP3 §2.3: « capitaliser sur les briques technologiques mises à disposition des
    // administrations »; AAP4–AAP6 §4.3: « capitaliser sur les briques technologiques
    // mutualisées »; AAP5–AAP6 §4.3: « mettre les EIG en lien avec les usagers ».
    let since_eig3: &[C] = match ruled {
        Ruled::Eig3 | Ruled::Eig4 => &[C::ReuseSharedComponents],
        Ruled::Eig5 | Ruled::Eig6 => &[C::ReuseSharedComponents, C::ConnectWithUsers],
        _ => &[],
    };
    let (team, support, commitments): (&[P], &[S], &[C]) = match ruled {
        Ruled::Eig2 => (&[P::Developer, P::DataScientist], &[], &[]),
        Ruled::Eig3 => (
            &[P::Developer, P::DataScientist],
            &[S::OperationalMentor, S::HighLevelMentor],
            &[
                C::DataAccess,
                C::OpenSourceAndOpenData,
                C::Accompaniment,
                C::WorkOutsideWalls,
                C::SustainabilityPlan,
            ],
        ),
        Ruled::Eig4 => (
            &[P::Developer, P::Designer],
            &[S::OperationalMentor, S::HighLevelMentor],
            &EIG4_COMMITMENTS,
        ),
        Ruled::Eig5 => {
            (&[P::Developer, P::Designer], &[S::ProjectLead, S::HighLevelMentor], &EIG4_COMMITMENTS)
        }
        Ruled::Eig6 => (
            &[P::Developer, P::DataEngineer],
            &[S::ProjectLead, S::Sponsor],
            &[
                C::DataAccess,
                C::DataUseAuthorisation,
                C::OpenSourceAndOpenData,
                C::DigitalAccessibility,
                C::WorkOutsideWalls,
                C::Accompaniment,
                C::SustainabilityPlan,
                C::TravelCosts,
            ],
        ),
        Ruled::Eig7 => {
            let commitments: &[C] = &[
                C::TwelveMonthBudget,
                C::PartialTelework,
                C::FunctionalReportingLine,
                C::HumanResourcesInFirstWeek,
                C::TechnicalServicesInFirstWeek,
                C::PremisesAccess,
                C::CanteenAccess,
                C::DinumIncubatorWork,
            ];
            (&[P::ProductDirector], &[S::Sponsor], commitments)
        }
    };
    let host = Host::new(lit.parse("Ministère de l'Intérieur")?, HostKind::Ministry);
    let defi = Defi::new(
        lit.parse(&lit.id("defi"))?,
        lit.parse("Défi de démonstration")?,
        promotion,
        HostRoles::new(host),
        team.iter().copied(),
    )
    .with_support(support.iter().copied())
    .with_commitments(commitments.iter().chain(since_eig3).copied());
    let dossier = DefiDossier::new(defi);
    let cofinanced = |at: &str| -> Result<DefiDossier, FixtureError> {
        Ok(dossier
            .clone()
            .with_submitted_at(lit.instant(at)?)
            .with_funding(FundingDeclaration::cofinancing()))
    };
    Ok(with_host_statements(match ruled {
        Ruled::Eig2 => cofinanced("2017-01-01T00:00:00+01:00")?,
        Ruled::Eig3 => cofinanced("2018-06-15T10:00:00+02:00")?.with_purely_it_tooling(false),
        Ruled::Eig4 => {
            cofinanced("2020-02-28T10:00:00+01:00")?.with_economic_and_financial_ministries(false)
        }
        Ruled::Eig5 => {
            cofinanced("2021-04-07T10:00:00+02:00")?.with_economic_and_financial_ministries(false)
        }
        Ruled::Eig6 => cofinanced("2022-03-18T10:00:00+01:00")?,
        Ruled::Eig7 => dossier.with_beta_gouv_phase(BetaPhase::Construction),
    }))
}

/// The host's statements of AAP3 §2.2 (the team, the contacts) and AAP4–AAP6 §2 (also the
/// mentors as the host's agents, with time for the ten months), all `true`.
fn with_host_statements(dossier: DefiDossier) -> DefiDossier {
    let (team_and_contacts, mentors) = match dossier.defi.promotion {
        Promotion::Eig3 => (Some(true), None),
        Promotion::Eig4 | Promotion::Eig5 | Promotion::Eig6 => (Some(true), Some(true)),
        _ => (None, None),
    };
    DefiDossier {
        project_team: team_and_contacts,
        contacts_identified: team_and_contacts,
        mentors_host_agents: mentors,
        mentors_have_time: mentors,
        ..dossier
    }
}

/// A complete candidate application of `promotion` that
/// `eig_eligibility::evaluate_candidate` finds eligible.
///
/// The candidate `eigN-c1`, a developer, natural person, not a civil servant, not a jury
/// member, not studying, who never took part in the programme (AAC2–AAC6 art. 3–4, REG7
/// §2.1), applies within the call for candidates and chooses within the promotion's limit
/// the défis of [`matching`] (`eigN-defi`, `eigN-defi-b`, `eigN-defi-c`):
///
/// | Promotion | Submitted (synthetic, within the call) | Choices | Other facts |
/// | --- | --- | --- | --- |
/// | EIG2 | 2017-10-20 | 1 défi (1 to 3, AAC2 art. 4) | — |
/// | EIG3 | 2018-10-10 | 2 défis (at most 2, AAC3 art. 4) | selection decided 2018-12-14 |
/// | EIG4 | 2020-06-01 | the developer profile (1 to 3 profiles, AAC4 art. 5) | selection decided 2020-07-17; available from 2020-09-01 |
/// | EIG5 | 2021-04-20 | 3 projects (AAC5 art. 5), chosen 2021-05-26 (window 24–31 May, AAC5 art. 5 §2) | available from 2021-09-13 |
/// | EIG6 | 2022-03-20 | 3 projects (3 to 5, AAC6 art. 5), chosen 2022-05-10 (window 9–15 May) | available from 2022-09-12; notified 2022-07-13, accepted 2022-07-20 |
/// | EIG7 | 2024-02-10 | none: a pool (REG7 §2) | — |
///
/// Every application came through the call's own channel (`process.through_official_channel`).
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1.
///
/// # Example
/// ```
/// use eig_domain::{CivilService, Promotion};
/// use eig_eligibility::{Outcome, evaluate_candidate};
/// use eig_api::fixtures;
///
/// let application = fixtures::application(Promotion::Eig6)?;
/// assert!(matches!(evaluate_candidate(&application)?.outcome, Outcome::Eligible { .. }));
///
/// // One line: a civil servant in post.
/// let mut servant = application.clone();
/// servant.candidate.status.civil_service = Some(CivilService::InPost { last_day_in_post: None });
/// assert!(matches!(evaluate_candidate(&servant)?.outcome, Outcome::Ineligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn application(promotion: Promotion) -> Result<CandidateApplication, FixtureError> {
    let ruled = Ruled::of(promotion)?;
    let lit = Literals(promotion);
    let status = CandidateStatus::default()
        .with_person(PersonKind::Natural)
        .with_civil_service(CivilService::NotCivilServant)
        .with_jury_member(false)
        .with_studies(Studies::NotStudying)
        .with_past_participations([]);
    let candidate =
        Candidate::new(lit.parse(&lit.id("c1"))?, TalentProfile::Developer).with_status(status);
    // The facts of the process, so that the channel, completeness, availability and
    // acceptance rules judge something (docs/rules/assumptions.md,
    // `absent-process-fact-passes`): received through the call's channel with a complete
    // dossier, available on the promotion's first day, and (EIG6) accepted a week after the
    // notification.
    let channel = ApplicationProcess {
        through_official_channel: Some(true),
        dossier_complete: Some(true),
        ..Default::default()
    };
    let available = |day: NaiveDate| ApplicationProcess { available_from: Some(day), ..channel };
    let application = CandidateApplication::new(promotion, candidate);
    let defis = |count: usize| -> Result<Vec<Choice>, FixtureError> {
        MATCHING_DEFIS
            .iter()
            .take(count)
            .map(|suffix| lit.parse(&lit.id(suffix)).map(Choice::Defi))
            .collect()
    };
    Ok(match ruled {
        Ruled::Eig2 => application
            .with_submitted_at(lit.instant("2017-10-20T12:00:00+02:00")?)
            .with_choices(defis(1)?)
            .with_process(channel),
        Ruled::Eig3 => application
            .with_submitted_at(lit.instant("2018-10-10T12:00:00+02:00")?)
            .with_choices(defis(2)?)
            .with_selection_decided_on(lit.day(2018, 12, 14)?)
            .with_process(channel),
        Ruled::Eig4 => application
            .with_submitted_at(lit.instant("2020-06-01T12:00:00+02:00")?)
            .with_choices([Choice::Profile(TalentProfile::Developer)])
            .with_selection_decided_on(lit.day(2020, 7, 17)?)
            .with_process(available(lit.day(2020, 9, 1)?)),
        Ruled::Eig5 => application
            .with_submitted_at(lit.instant("2021-04-20T12:00:00+02:00")?)
            .with_choices(defis(3)?)
            .with_choices_submitted_at(lit.instant("2021-05-26T12:00:00+02:00")?)
            .with_process(available(lit.day(2021, 9, 13)?)),
        Ruled::Eig6 => application
            .with_submitted_at(lit.instant("2022-03-20T12:00:00+01:00")?)
            .with_choices(defis(3)?)
            .with_choices_submitted_at(lit.instant("2022-05-10T12:00:00+02:00")?)
            .with_process(ApplicationProcess {
                selection_notified_on: Some(lit.day(2022, 7, 13)?),
                accepted_on: Some(lit.day(2022, 7, 20)?),
                ..available(lit.day(2022, 9, 12)?)
            }),
        Ruled::Eig7 => application
            .with_submitted_at(lit.instant("2024-02-10T12:00:00+01:00")?)
            .with_process(channel),
    })
}

/// The funding input of the défi of [`dossier`], on the route `evaluate_dossier` decides for
/// it (direct for EIG2–EIG6, employed by DINUM for EIG7), with one talent per seat of its
/// team (`eigN-c1`, `eigN-c2`, …), each with 5 years of experience and a contract costing
/// 70 000 € to its employer (synthetic values, as the `eig-funding` crate's example), so
/// that every promotion's formula has what it needs (an employer cost for the PIA and
/// programme 352 shares, experience for a pay grid).
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{Payer, Scenario, plan_promotion};
/// use eig_api::fixtures;
///
/// let input = fixtures::promotion_input(Promotion::Eig3)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// // EIG3: the PIA pays 70 % of each talent's employer cost (AAP3 §4.1).
/// assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(2 * 49_000));
///
/// let funding = fixtures::defi_funding(Promotion::Eig7)?;
/// assert_eq!(funding.talents.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn defi_funding(promotion: Promotion) -> Result<DefiFunding, FixtureError> {
    let ruled = Ruled::of(promotion)?;
    let lit = Literals(promotion);
    let dossier = dossier(promotion)?;
    let route = match ruled {
        Ruled::Eig2 | Ruled::Eig3 | Ruled::Eig4 | Ruled::Eig5 | Ruled::Eig6 => FundingRoute::Direct,
        Ruled::Eig7 => FundingRoute::EmployedByDinum,
    };
    let cost = EmployerCost::Contract(Euros::from_whole(70_000));
    let mut funding = DefiFunding::new(dossier.defi.id, route, HostKind::Ministry);
    for number in 1..=dossier.defi.team.len() {
        let talent = TalentInput::new(lit.parse(&lit.id(&format!("c{number}")))?)
            .with_experience(Experience::from_years(5))
            .with_employer_cost(cost);
        funding = funding.with_talent(talent);
    }
    Ok(funding)
}

/// The promotion's funding input with the one défi of [`defi_funding`].
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_funding::{Scenario, plan_promotion};
/// use eig_api::fixtures;
///
/// let plan = plan_promotion(&fixtures::promotion_input(Promotion::Eig5)?, &Scenario::default())?;
/// assert_eq!(plan.defis.len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn promotion_input(promotion: Promotion) -> Result<PromotionInput, FixtureError> {
    Ok(PromotionInput::new(promotion, [defi_funding(promotion)?]))
}

/// A small matching problem with the promotion's team and choice limits
/// (`MatchingLimits::for_promotion`) that `eig_matching::Instance::new` accepts, `solve` solves and
/// `verify` certifies: three défis of two seats (`eigN-defi`: developer and data scientist;
/// `eigN-defi-b`: developer and designer; `eigN-defi-c`: data scientist and designer) and
/// six candidates (`eigN-c1`, `eigN-c2` developers; `eigN-c3`, `eigN-c4` data scientists;
/// `eigN-c5`, `eigN-c6` designers), each choosing the two défis that seek its profile, each
/// jury ranking its two applicants without tie. Every candidate is placed, every défi runs
/// with two talents. Synthetic: a promotion's real calls had more défis, and EIG5–EIG6
/// candidates chose three projects or more (the matching does not check a minimum).
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1, [`FixtureError::NoMatchingLimits`]
/// for EIG7.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_matching::{Instance, Options, solve, verify};
/// use eig_api::fixtures;
///
/// let input = fixtures::matching(Promotion::Eig3)?;
/// let instance = Instance::new(&input)?;
/// let solution = solve(&instance, &Options::default())?;
/// assert!(verify(&instance, &solution.assignment()).is_stable());
/// assert_eq!(solution.defi_of(&"eig3-c2".parse()?).map(|d| d.as_str()), Some("eig3-defi-b"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn matching(promotion: Promotion) -> Result<MatchingInput, FixtureError> {
    use TalentProfile as P;

    Ruled::of(promotion)?;
    let limits = MatchingLimits::for_promotion(promotion)
        .ok_or(FixtureError::NoMatchingLimits { promotion })?;
    let lit = Literals(promotion);
    let defi = |suffix: &str| lit.parse::<DefiId>(&lit.id(suffix));
    let talent = |number: u8| lit.parse::<CandidateId>(&lit.id(&format!("c{number}")));
    let [a, b, c] = MATCHING_DEFIS;
    let seats = [
        (a, P::Developer, P::DataScientist),
        (b, P::Developer, P::Designer),
        (c, P::DataScientist, P::Designer),
    ];
    let defis = seats
        .into_iter()
        .map(|(id, one, two)| Ok(DefiSeats::new(defi(id)?).with_seats(one, 1).with_seats(two, 1)))
        .collect::<Result<Vec<_>, FixtureError>>()?;
    let max_choices = usize::try_from(limits.max_choices).unwrap_or(usize::MAX);
    // (candidate, profile, choices by preference); the juries rank below.
    let people = [
        (1, P::Developer, [a, b]),
        (2, P::Developer, [a, b]),
        (3, P::DataScientist, [a, c]),
        (4, P::DataScientist, [c, a]),
        (5, P::Designer, [b, c]),
        (6, P::Designer, [c, b]),
    ];
    let candidates = people
        .into_iter()
        .map(|(number, profile, choices)| {
            let choices = choices.iter().take(max_choices).map(|id| defi(id));
            Ok(CandidateInput::new(
                talent(number)?,
                profile,
                choices.collect::<Result<Vec<_>, _>>()?,
            ))
        })
        .collect::<Result<Vec<_>, FixtureError>>()?;
    // (défi, profile, best, second): c1 and c2 both want the first défi, whose jury prefers c1.
    let juries = [
        (a, P::Developer, 1, 2),
        (a, P::DataScientist, 3, 4),
        (b, P::Developer, 2, 1),
        (b, P::Designer, 5, 6),
        (c, P::DataScientist, 4, 3),
        (c, P::Designer, 6, 5),
    ];
    let rankings = juries
        .into_iter()
        .map(|(id, profile, best, second)| {
            Ok(RankingInput::new(defi(id)?, profile, [vec![talent(best)?], vec![talent(second)?]]))
        })
        .collect::<Result<Vec<_>, FixtureError>>()?;
    Ok(MatchingInput::new(limits, defis, candidates, rankings))
}

/// A whole call of `promotion` that `eig_campaign::run` runs: three copies of the
/// [`dossier`] (the défis of [`matching`], each with the dossier's team), scored at the top
/// of the jury's scale on every criterion of the promotion's grid, three places; six
/// [`application`]s (`eigN-c1` … `eigN-c6`, alternating the team's two profiles) choosing
/// every défi their limit allows in turn; each jury ranking its applicants in the order of
/// their numbers; lottery seed 1. When the promotion publishes no score scale (EIG3), the
/// campaign states the one it assumes (1 to 4, JURY4's) in its notes. Every dossier and
/// application is eligible. Feature `campaign` (on by default).
///
/// What `run` makes of it today: EIG3, every défi a laureate, funded, every talent placed;
/// EIG4, the same, but its candidates chose profiles, not défis (AAC4 art. 5), so the
/// matching places no one; EIG5 and EIG6, every application eligible but no dossier judged:
/// `eig-campaign` plans each laureate from seats that carry no experience, which the EIG5 and
/// EIG6 pay grids need (a `RecordError::Funding`, a known limitation of `eig-campaign`, not
/// of the fixture).
///
/// # Errors
/// [`FixtureError::NoPublishedRules`] for EIG1 and DIG1, [`FixtureError::NoScoringGrid`] for
/// EIG2, [`FixtureError::NoMatchingLimits`] for EIG7.
///
/// # Example
/// ```
/// use eig_campaign::run;
/// use eig_domain::Promotion;
/// use eig_api::fixtures;
///
/// let result = run(&fixtures::campaign(Promotion::Eig3)?)?;
/// assert_eq!(result.funding.defis.len(), 3);
/// assert_eq!(result.matching.report.certificate.placed, 6);
///
/// // One line: a single place, so one laureate and at most its team of two placed.
/// let mut campaign = fixtures::campaign(Promotion::Eig3)?;
/// campaign.places = 1;
/// assert_eq!(run(&campaign)?.matching.report.certificate.placed, 2);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn campaign(promotion: Promotion) -> Result<eig_campaign::Campaign, FixtureError> {
    use eig_domain::Seat;
    use eig_eligibility::{ScoreScale, rule_set};

    let ruled = Ruled::of(promotion)?;
    let lit = Literals(promotion);
    let limits = MatchingLimits::for_promotion(promotion)
        .ok_or(FixtureError::NoMatchingLimits { promotion })?;
    let grid = rule_set(promotion)
        .and_then(eig_eligibility::RuleSet::scoring_grid)
        .map_err(|_| FixtureError::NoScoringGrid { promotion })?;
    let mut campaign =
        eig_campaign::Campaign::new(format!("{promotion} (eig-testkit)"), promotion, 3, 1)
            .with_note("synthetic: eig-testkit's fixtures, every record complete and eligible");
    let scale = if let Some(scale) = grid.scale {
        scale.value
    } else {
        let assumed = ScoreScale { min: 1, max: 4 };
        campaign = campaign.with_score_scale(assumed).with_note(format!(
            "{promotion} publishes no score scale: JURY4's 1 to 4, an assumption"
        ));
        assumed
    };
    let template = dossier(promotion)?;
    let team: Vec<TalentProfile> = template.defi.team.iter().map(|seat| seat.profile).collect();
    let defis = MATCHING_DEFIS
        .iter()
        .map(|suffix| lit.parse::<DefiId>(&lit.id(suffix)))
        .collect::<Result<Vec<_>, _>>()?;
    let funded = defi_funding(promotion)?.talents;
    for id in &defis {
        let mut dossier = template.clone();
        dossier.defi.id = id.clone();
        dossier.defi.team = team.iter().map(|&profile| Seat { profile }).collect();
        // The talents to fund, with the experience the EIG5–EIG6 pay grids need.
        let talents = funded
            .iter()
            .map(|talent| {
                let name = lit.parse(&format!("{id}-{}", talent.talent))?;
                Ok(TalentInput { talent: name, ..talent.clone() })
            })
            .collect::<Result<Vec<_>, FixtureError>>()?;
        let entry =
            eig_campaign::CampaignDossier::new(dossier, grid.criteria.iter().map(|_| scale.max))
                .with_talents(talents);
        campaign.dossiers.push(entry);
    }
    let max_choices = usize::try_from(limits.max_choices).unwrap_or(usize::MAX);
    // (défi, profile) → applicants in the order of their numbers.
    let mut applicants: Vec<(DefiId, TalentProfile, Vec<CandidateId>)> = Vec::new();
    for number in 0..6 {
        let profile = team[number % team.len()];
        let id = lit.parse::<CandidateId>(&lit.id(&format!("c{}", number + 1)))?;
        let chosen: Vec<DefiId> = (0..defis.len().min(max_choices))
            .map(|turn| defis[(number / 2 + turn) % defis.len()].clone())
            .collect();
        let mut application = application(promotion)?;
        application.candidate.id = id.clone();
        application.candidate.profile = profile;
        if !matches!(ruled, Ruled::Eig4) {
            application.choices = Some(chosen.iter().cloned().map(Choice::Defi).collect());
        }
        campaign = campaign.with_candidate(application);
        for defi in chosen {
            match applicants.iter_mut().find(|(d, p, _)| *d == defi && *p == profile) {
                Some((_, _, ranked)) => ranked.push(id.clone()),
                None => applicants.push((defi, profile, vec![id.clone()])),
            }
        }
    }
    for (defi, profile, ranked) in applicants {
        let ranks = ranked.into_iter().map(|id| vec![id]);
        campaign = campaign.with_ranking(RankingInput::new(defi, profile, ranks));
    }
    Ok(campaign)
}

/// The suffixes of the matching's défis; the first is the défi of [`dossier`].
const MATCHING_DEFIS: [&str; 3] = ["defi", "defi-b", "defi-c"];

/// A promotion with published call rules: the matches below are exhaustive over them.
#[derive(Clone, Copy)]
enum Ruled {
    Eig2,
    Eig3,
    Eig4,
    Eig5,
    Eig6,
    Eig7,
}

impl Ruled {
    fn of(promotion: Promotion) -> Result<Ruled, FixtureError> {
        match promotion {
            Promotion::Eig2 => Ok(Ruled::Eig2),
            Promotion::Eig3 => Ok(Ruled::Eig3),
            Promotion::Eig4 => Ok(Ruled::Eig4),
            Promotion::Eig5 => Ok(Ruled::Eig5),
            Promotion::Eig6 => Ok(Ruled::Eig6),
            Promotion::Eig7 => Ok(Ruled::Eig7),
            _ => Err(FixtureError::NoPublishedRules { promotion }),
        }
    }
}

/// Parses the kit's literals for one promotion's fixtures.
struct Literals(Promotion);

impl Literals {
    /// `eigN-<suffix>`, the identifiers of the promotion's fixtures.
    fn id(&self, suffix: &str) -> String {
        format!("{}-{suffix}", self.0.code().to_lowercase())
    }

    fn parse<T>(&self, literal: &str) -> Result<T, FixtureError>
    where
        T: FromStr,
        T::Err: Display,
    {
        literal.parse().map_err(|err: T::Err| self.invalid(literal, err))
    }

    fn instant(&self, literal: &str) -> Result<DateTime<FixedOffset>, FixtureError> {
        DateTime::parse_from_rfc3339(literal).map_err(|err| self.invalid(literal, err))
    }

    fn day(&self, year: i32, month: u32, day: u32) -> Result<NaiveDate, FixtureError> {
        NaiveDate::from_ymd_opt(year, month, day)
            .ok_or_else(|| self.invalid(&format!("{year}-{month}-{day}"), "no such day"))
    }

    fn invalid(&self, literal: &str, reason: impl Display) -> FixtureError {
        FixtureError::InvalidLiteral {
            promotion: self.0,
            literal: literal.to_owned(),
            reason: reason.to_string(),
        }
    }
}
