//! What an evaluation returns: a tri-state [`Outcome`] and the [`TraceEntry`] of every rule
//! evaluated, each with its facts, parameters and source.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use eig_domain::{
    ChoiceUnit, Commitment, FundingRoute, HostKind, Promotion, Source, StudyLevel, TalentProfile,
};
use serde::Serialize;

use crate::input::BetaPhase;

/// A decision on one dossier or one application: the outcome and the trace.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_dossier, DefiDossier, Outcome};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3",
///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}},
///   "team": [{"profile": "developer"}]
/// }}"#)?;
/// let decision = evaluate_dossier(&dossier)?;
/// assert!(matches!(decision.outcome, Outcome::Ineligible { .. })); // a team of one
/// assert!(decision.trace.iter().any(|entry| entry.rule == "eig3.defi.team_size"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Decision {
    /// The promotion whose rules were applied.
    pub promotion: Promotion,
    /// What was judged: a défi dossier or a candidate, by id.
    pub subject: Subject,
    /// Eligible, ineligible or incomplete.
    pub outcome: Outcome,
    /// Every rule evaluated, in evaluation order.
    pub trace: Vec<TraceEntry>,
}

/// What a decision is about.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_candidate, CandidateApplication, Subject};
///
/// let application: CandidateApplication = serde_json::from_str(
///     r#"{"promotion": "EIG7", "candidate": {"id": "c-7", "profile": "product_director"}}"#,
/// )?;
/// let decision = evaluate_candidate(&application)?;
/// assert_eq!(decision.subject, Subject::Candidate("c-7".into()));
/// assert_eq!(serde_json::to_string(&decision.subject)?, r#"{"kind":"candidate","id":"c-7"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Subject {
    /// A défi dossier, by défi id.
    Dossier(String),
    /// A candidate, by candidate id.
    Candidate(String),
}

/// The tri-state outcome.
///
/// # Example
/// ```
/// use eig_domain::FundingRoute;
/// use eig_eligibility::Outcome;
///
/// let eligible = Outcome::Eligible { funding_route: Some(FundingRoute::SelfFunded) };
/// assert_eq!(
///     serde_json::to_string(&eligible)?,
///     r#"{"outcome":"eligible","funding_route":"self_funded"}"#
/// );
/// let incomplete = Outcome::Incomplete { missing: vec!["submitted_at"] };
/// assert_eq!(
///     serde_json::to_string(&incomplete)?,
///     r#"{"outcome":"incomplete","missing":["submitted_at"]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "outcome", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Outcome {
    /// Every rule is satisfied. A dossier carries the funding route it takes.
    Eligible {
        /// The funding route (dossiers only).
        #[serde(skip_serializing_if = "Option::is_none")]
        funding_route: Option<FundingRoute>,
    },
    /// At least one rule fails; every failing rule is listed, not only the first.
    Ineligible {
        /// The failing rules with their reasons.
        failures: Vec<Failure>,
    },
    /// No rule fails, but some need inputs that were not supplied.
    Incomplete {
        /// The missing inputs, by path in the input record, sorted.
        missing: Vec<&'static str>,
    },
}

/// A failing rule.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_candidate, CandidateApplication, Outcome, Reason};
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG7",
///   "candidate": {"id": "c", "profile": "technical_director", "status": {"person": "legal"}}
/// }"#)?;
/// let Outcome::Ineligible { failures } = evaluate_candidate(&application)?.outcome else {
///     panic!("a legal person is ineligible");
/// };
/// assert_eq!(failures[0].rule, "eig7.candidate.natural_person");
/// assert_eq!(failures[0].reason, Reason::NotANaturalPerson);
/// assert_eq!(failures[0].source.to_string(), "REG7 §2.1");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Failure {
    /// The stable rule id (`eig3.host.funding_route`).
    pub rule: &'static str,
    /// Why it fails, with the facts that explain it.
    pub reason: Reason,
    /// The text the rule implements.
    pub source: Source,
}

/// One rule evaluated.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_candidate, CandidateApplication, RuleResult};
///
/// let application: CandidateApplication = serde_json::from_str(
///     r#"{"promotion": "EIG7", "candidate": {"id": "c", "profile": "product_director"}}"#,
/// )?;
/// let decision = evaluate_candidate(&application)?;
/// let entry = &decision.trace[0];
/// assert_eq!(entry.rule, "eig7.candidate.natural_person");
/// assert_eq!(entry.result, RuleResult::Missing { inputs: vec!["candidate.status.person"] });
/// assert_eq!(entry.facts[0].name, "candidate.status.person");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct TraceEntry {
    /// The stable rule id.
    pub rule: &'static str,
    /// What the rule checks, in French.
    pub title: &'static str,
    /// The result.
    pub result: RuleResult,
    /// The facts of the input the rule read.
    pub facts: Vec<Fact>,
    /// The parameters the rule applied (bounds, deadlines, lists).
    pub parameters: Vec<Fact>,
    /// The text the rule implements.
    pub source: Source,
}

/// The result of one rule.
///
/// # Example
/// ```
/// use eig_eligibility::RuleResult;
///
/// let missing = RuleResult::Missing { inputs: vec!["submitted_at"] };
/// assert_eq!(
///     serde_json::to_string(&missing)?,
///     r#"{"result":"missing","inputs":["submitted_at"]}"#
/// );
/// assert_eq!(serde_json::to_string(&RuleResult::Satisfied)?, r#"{"result":"satisfied"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "result", rename_all = "snake_case")]
#[non_exhaustive]
pub enum RuleResult {
    /// The rule is satisfied.
    Satisfied,
    /// The rule fails.
    Failed {
        /// Why.
        reason: Reason,
    },
    /// The rule needs inputs that were not supplied.
    Missing {
        /// The missing inputs.
        inputs: Vec<&'static str>,
    },
}

/// A named value in a trace: a fact read or a parameter applied.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_candidate, CandidateApplication, Value};
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG7",
///   "candidate": {"id": "c", "profile": "product_director", "status": {"person": "natural"}}
/// }"#)?;
/// let decision = evaluate_candidate(&application)?;
/// let fact = &decision.trace[0].facts[0];
/// assert_eq!(fact.name, "candidate.status.person");
/// assert_eq!(fact.value, Value::Text("personne physique".into()));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Fact {
    /// The name (an input path for facts, a parameter name otherwise).
    pub name: &'static str,
    /// The value.
    pub value: Value,
}

impl Fact {
    pub(crate) fn new(name: &'static str, value: impl Into<Value>) -> Fact {
        Fact { name, value: value.into() }
    }
}

/// A value in a trace. `Unknown` (JSON `null`) is a fact that was not supplied.
///
/// # Example
/// ```
/// use eig_eligibility::Value;
///
/// assert_eq!(serde_json::to_string(&Value::Bool(true))?, "true");
/// assert_eq!(serde_json::to_string(&Value::Unknown)?, "null");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum Value {
    /// A yes/no fact.
    Bool(bool),
    /// A count or a number.
    Count(u64),
    /// A text: a code, a date, a list.
    Text(Cow<'static, str>),
    /// Not supplied.
    Unknown,
}

impl From<bool> for Value {
    fn from(value: bool) -> Value {
        Value::Bool(value)
    }
}

impl From<u64> for Value {
    fn from(value: u64) -> Value {
        Value::Count(value)
    }
}

impl From<&'static str> for Value {
    fn from(value: &'static str) -> Value {
        Value::Text(Cow::Borrowed(value))
    }
}

impl From<String> for Value {
    fn from(value: String) -> Value {
        Value::Text(Cow::Owned(value))
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(value: Option<T>) -> Value {
        value.map_or(Value::Unknown, Into::into)
    }
}

/// Why a rule fails: one variant per kind of rule, with the facts that explain it.
///
/// # Example
/// ```
/// use eig_eligibility::Reason;
///
/// let reason = Reason::TeamSizeOutOfBounds { size: 4, min: 2, max: 3 };
/// assert_eq!(
///     serde_json::to_string(&reason)?,
///     r#"{"reason":"team_size_out_of_bounds","size":4,"min":2,"max":3}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(tag = "reason", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Reason {
    /// Received at or after the closing instant.
    SubmittedLate {
        /// When it was received.
        submitted_at: DateTime<FixedOffset>,
        /// The closing instant.
        closes_at: DateTime<Utc>,
    },
    /// The host's kind may not apply to this promotion.
    HostKindNotAdmitted {
        /// The host's kind.
        kind: HostKind,
    },
    /// Co-financing needs a porteur administratif that the dossier does not name.
    AdministrativeCarrierRequired {
        /// The operational host's kind.
        operational: HostKind,
    },
    /// The named porteur administratif cannot receive the programme's money.
    AdministrativeCarrierNotEligible {
        /// Its kind.
        carrier: HostKind,
    },
    /// No convention with the porteur administratif is declared.
    CarrierConventionMissing,
    /// The paying administration has no budget programme able to receive titre 2 credits.
    NoTitre2Programme,
    /// Neither co-financing nor another funding is declared.
    NoFundingDeclared,
    /// The team is outside the promotion's bounds.
    TeamSizeOutOfBounds {
        /// Seats requested.
        size: u64,
        /// Lower bound.
        min: u8,
        /// Upper bound.
        max: u8,
    },
    /// Some requested profiles are not among the promotion's profiles.
    ProfilesNotSought {
        /// The profiles not sought, deduplicated and sorted.
        profiles: Vec<TalentProfile>,
    },
    /// A required support role is missing or too many are named.
    SupportRoleCount {
        /// The role, in the promotion's words.
        role: &'static str,
        /// How many are named.
        found: u64,
        /// How many are required at least.
        min: u8,
        /// How many are allowed at most, when bounded.
        max: Option<u8>,
    },
    /// Some required commitments are not attested.
    CommitmentsMissing {
        /// The commitments missing, sorted.
        missing: Vec<Commitment>,
    },
    /// The défi is purely IT tooling with no business problem.
    PurelyItTooling,
    /// The service's product page is absent or in a phase that is not admitted.
    ProductPhaseNotAdmitted {
        /// The phase.
        phase: BetaPhase,
    },
    /// The candidate is not a natural person.
    NotANaturalPerson,
    /// The candidate is a civil servant (or an agent) in post at the moment the rule names.
    CivilServantInPost {
        /// The moment that matters.
        reference_on: NaiveDate,
        /// The last day in post, when a departure is planned.
        last_day_in_post: Option<NaiveDate>,
    },
    /// The candidate sits on the jury or is one of its experts.
    JuryMember,
    /// The candidate is (or will be) a student at the moment the rule names.
    Student {
        /// The level of studies.
        level: StudyLevel,
        /// The moment that matters.
        reference_on: NaiveDate,
    },
    /// The candidate was an EIG5 talent and not an EIG coach (AAC6 art. 3).
    FormerEig5Talent,
    /// Too few or too many choices.
    ChoiceCountOutOfBounds {
        /// What is chosen.
        unit: ChoiceUnit,
        /// Choices made.
        count: u64,
        /// Lower bound.
        min: u8,
        /// Upper bound.
        max: u8,
    },
    /// A choice is of the wrong kind (a défi where a profile is expected, or the reverse).
    ChoiceOfWrongKind {
        /// What is chosen in this promotion.
        unit: ChoiceUnit,
    },
    /// The same choice appears twice.
    DuplicateChoice,
    /// The application came through another channel than the call's.
    OtherChannel,
    /// The candidate cannot start on the promotion's first day.
    NotAvailableAtStart {
        /// The first day the candidate can start.
        available_from: NaiveDate,
        /// The promotion's (or the mission's) first day.
        start_on: NaiveDate,
    },
    /// The final acceptance came after the delay.
    AcceptedLate {
        /// When the candidate was notified.
        notified_on: NaiveDate,
        /// When the candidate accepted.
        accepted_on: NaiveDate,
        /// The last day of the delay.
        last_day: NaiveDate,
    },
    /// The candidate is not an EIG5 talent (as a coach or not) without a prolongation offer
    /// (`AMI5bis` art. 3).
    NotAnUnprolongedEig5Talent,
    /// The host is not a laureate of the EIG6 call for projects (AAC6+ §2.1).
    NotAnEig6Laureate,
    /// Some prolonged contracts do not run from 12 July to at least 29 December 2023 without
    /// a break (AAC6+ §2.1).
    ProlongationNotContinuous {
        /// The talents whose contracts do not.
        talents: Vec<String>,
    },
    /// Some prolonged contracts do not keep the initial pay (AAC6+ §2.1).
    ProlongationPayDiffers {
        /// The talents whose contracts do not.
        talents: Vec<String>,
    },
    // Last: a variant added after 0.1.0 goes at the end, keeping the others' discriminants.
    /// The candidate is a civil servant (or an agent) in post with no planned departure: in
    /// post at the moment the rule names, whatever its day (which the input need not give).
    CivilServantInPostWithoutDeparture,
    /// The candidate's dossier lacks a piece the call asks for (AAC4 art. 5: « Tout dossier
    /// incomplet sera écarté. »).
    IncompleteDossier,
    /// A candidate of the waiting list was called on after its last day (AAC6 art. 5.4:
    /// « jusqu’au 15 juillet 2022 en cas de désistement »).
    CalledFromWaitingListLate {
        /// When the candidate was called on (notified of being retained).
        called_on: NaiveDate,
        /// The waiting list's last day.
        last_day: NaiveDate,
    },
    /// An EIG7 candidate of the pool considered for a mission after their selection session
    /// had not asked that their dossier be kept (REG7 §2.6 b: « qui auront exprimé le souhait
    /// que leur dossier soit conservé »).
    PoolDossierNotKept,
    /// The host did not constitute a team dedicated to the défi (AAP4 §2: « constituer en son
    /// sein une équipe dédiée au projet, aux profils pluridisciplinaires (métiers et
    /// techniques) »).
    NoDedicatedProjectTeam,
    /// The host did not identify the talents' contacts in its directions (AAP4 §2: « identifier
    /// les contacts adéquats pour les EIG au sein des directions métiers et de la DSI »).
    ContactsNotIdentified,
    /// The mentors opérationnels (porteurs de projet) are not public agents of the host
    /// administration (AAP4 §2: « (agents publics de l’administration d’accueil) »).
    MentorsNotHostAgents,
    /// The mentors opérationnels (porteurs de projet) cannot devote time to the défi for the
    /// ten months (AAP4 §2: « Ces mentors doivent être en capacité de consacrer du temps au
    /// défi EIG pendant les 10 mois. »).
    MentorsWithoutTime,
    /// The programme's own project (EIG Link, Coach EIG) asks for more talents than the text
    /// says are recruited for it (AAP5 §4.2.2: « trois entrepreneurs sont recrutés et financés
    /// dans le cadre du projet EIG Link »).
    ProgrammeProjectTeamOverCap {
        /// The talents the dossier asks for.
        size: u64,
        /// The number the text states.
        cap: u64,
    },
}
