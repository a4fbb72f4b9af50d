//! Rule shapes shared by several promotions. Each promotion's module calls them with its
//! own rule id, source and parameters; nothing here knows a promotion.

use std::collections::BTreeSet;

use chrono::{DateTime, Datelike as _, FixedOffset, NaiveDate, Timelike as _};
use chrono_tz::Europe::Paris;
use eig_domain::{
    ApproxDate, ChoiceLimit, CivilService, Closing, Commitment, FundingRoute, HostKind,
    PastParticipation, PersonKind, Promotion, PromotionFacts, Seat, Studies, StudyLevel,
    SupportRole, TalentProfile, TeamBounds,
};

#[cfg(test)]
mod tests;

use crate::{
    error::EligibilityError,
    input::{
        AcceptanceLastDay, CandidateApplication, Choice, CoachException, DefiDossier,
        FundingDeclaration,
    },
    outcome::{Fact, Reason},
    rules::Run,
};

// ---- deadlines ----------------------------------------------------------------------------

/// `at` in Paris time, to the second (`27/10/2017 17:00:00`). Written field by field:
/// chrono's `format` reads its pattern again at every call, on every decision's trace.
fn paris_seconds(at: DateTime<FixedOffset>) -> String {
    let paris = at.with_timezone(&Paris);
    format!(
        "{:02}/{:02}/{:04} {:02}:{:02}:{:02}",
        paris.day(),
        paris.month(),
        paris.year(),
        paris.hour(),
        paris.minute(),
        paris.second()
    )
}

/// The closing instant as a UTC instant, when it is one.
fn closing_text(closing: Closing) -> String {
    match closing {
        Closing::Deadline { deadline } => deadline.to_string(),
        Closing::Offset { at } => format!("{} (UTC{})", at.format("%d/%m/%Y %Hh%M"), at.offset()),
        Closing::Day { on } => format!("{} (jour inclus)", on.format("%d/%m/%Y")),
        _ => String::from("clôture"),
    }
}

/// AAP3 §4.2: « impérativement avant la clôture …, la date et l'heure de réception faisant
/// foi »: a
/// submission is on time when it is received strictly before the closing instant. The
/// closing instant itself (17:00:00.000) is late: at that instant the call is closed.
pub(crate) fn deadline(closing: Closing, submitted_at: Option<DateTime<FixedOffset>>) -> Run {
    deadline_of(closing, submitted_at, RECEIVED)
}

/// [`deadline`] for a closing whose text states an hour but no time zone (AAC2 art. 4, AAC3
/// art. 5): Paris time is the reading taken (`docs/rules/assumptions.md`,
/// `deadline-time-zone`), and the trace says so instead of presenting Paris time as the
/// text's words.
pub(crate) fn deadline_time_zone_not_stated(
    closing: Closing,
    submitted_at: Option<DateTime<FixedOffset>>,
) -> Run {
    let mut run = deadline_of(closing, submitted_at, RECEIVED);
    run.parameters = closing_parameters_time_zone_not_stated(closing);
    run
}

/// The parameters of [`deadline_time_zone_not_stated`]: [`closing_parameters`], the closing
/// written without a time zone, and the reading taken.
pub(crate) fn closing_parameters_time_zone_not_stated(closing: Closing) -> Vec<Fact> {
    let mut parameters = closing_parameters(closing);
    if let Closing::Deadline { deadline } = closing {
        for parameter in &mut parameters {
            if parameter.name == "closes" {
                parameter.value = crate::Value::from(format!(
                    "{} (fuseau horaire non précisé par le texte)",
                    deadline.paris().format("%d/%m/%Y %Hh%M")
                ));
            }
        }
        parameters.push(Fact::new(TIME_ZONE_READ, TIME_ZONE_READING));
    }
    parameters
}

/// The name of the parameter that says a closing's time zone is a reading, not the text's.
pub(crate) const TIME_ZONE_READ: &str = "time_zone_read";

/// Its value.
const TIME_ZONE_READING: &str = "heure de Paris, lecture retenue : le texte donne l'heure sans \
                                 fuseau (registre des interprétations, deadline-time-zone)";

/// The names of a reception instant in the input and in the trace.
#[derive(Clone, Copy, Debug)]
struct Received {
    /// The input path.
    input: &'static str,
    /// The trace name of the same instant in Paris time.
    paris: &'static str,
}

/// The reception of the dossier or application.
const RECEIVED: Received = Received { input: "submitted_at", paris: "submitted_at_paris" };

/// The reception of the choices, where they are a second stage with their own deadline (AAC5
/// art. 5 §2, AAC6 art. 5).
const CHOICES_RECEIVED: Received =
    Received { input: "choices_submitted_at", paris: "choices_submitted_at_paris" };

/// [`deadline`] for the second-stage choices of an application (`choices_submitted_at`).
pub(crate) fn choices_deadline(closing: Closing, application: &CandidateApplication) -> Run {
    deadline_of(closing, application.choices_submitted_at, CHOICES_RECEIVED)
}

/// [`deadline`] for another reception instant of the input.
fn deadline_of(
    closing: Closing,
    submitted_at: Option<DateTime<FixedOffset>>,
    names: Received,
) -> Run {
    // The first instant at which the call is closed. A closing known only to the day includes
    // the whole day (Paris time): the call closes at the first instant of the next Paris day.
    let closes_at = match closing {
        Closing::Day { on } => end_of_paris_day(on),
        _ => closing.instant(),
    };
    let run = match (submitted_at, closes_at) {
        (None, _) => Run::missing(vec![names.input]),
        (Some(submitted), Some(closes_at)) if submitted >= closes_at => {
            Run::failed(Reason::SubmittedLate { submitted_at: submitted, closes_at })
        }
        // On time, or a closing with no instant (only a kind of closing eig-domain may add
        // later; the parameters then show the closing as stated).
        (Some(_), _) => Run::satisfied(),
    };
    let run = match submitted_at {
        Some(at) => run.fact(names.input, at.to_rfc3339()).fact(names.paris, paris_seconds(at)),
        None => run.fact(names.input, None::<bool>),
    };
    run.parameters(closing_parameters(closing))
}

/// [`window_parameters`] for a window whose closing states no time zone
/// ([`deadline_time_zone_not_stated`]).
pub(crate) fn window_parameters_time_zone_not_stated(
    window: Option<&eig_domain::Sourced<eig_domain::Window>>,
) -> Vec<Fact> {
    window
        .map(|window| closing_parameters_time_zone_not_stated(window.value.closes))
        .unwrap_or_default()
}

/// The parameters of a deadline rule ([`deadline`], [`choices_deadline`]): the closing as
/// stated, and its instant and boundary when it has one.
pub(crate) fn closing_parameters(closing: Closing) -> Vec<Fact> {
    let mut parameters = vec![Fact::new("closes", closing_text(closing))];
    if let Some(instant) = closing.instant() {
        parameters.push(Fact::new("closes_at_utc", instant.to_rfc3339()));
        parameters.push(Fact::new("boundary", "strictement avant l'instant de clôture"));
    }
    parameters
}

/// The parameters of the deadline rule of a promotion's window (`PromotionFacts`'
/// `call_for_defis`, `call_for_candidates`, `choice_window`): none when the promotion has no
/// such window (the rule is then not run).
pub(crate) fn window_parameters(
    window: Option<&eig_domain::Sourced<eig_domain::Window>>,
) -> Vec<Fact> {
    window.map(|window| closing_parameters(window.value.closes)).unwrap_or_default()
}

/// The first instant of the Paris day after `day`.
fn end_of_paris_day(day: NaiveDate) -> Option<DateTime<chrono::Utc>> {
    use chrono::TimeZone as _;
    let next = day.succ_opt()?.and_hms_opt(0, 0, 0)?;
    Paris.from_local_datetime(&next).earliest().map(|at| at.to_utc())
}

/// The day of a submission in Paris time.
fn paris_day(at: DateTime<FixedOffset>) -> NaiveDate {
    at.with_timezone(&Paris).date_naive()
}

// ---- hosts --------------------------------------------------------------------------------

/// Whether the host's kind may apply.
pub(crate) fn host_kind(
    dossier: &DefiDossier,
    admitted: &[HostKind],
    admitted_text: &'static str,
) -> Run {
    let kind = dossier.defi.hosts.operational.kind;
    let ok = admitted.iter().any(|admitted| same_kind(*admitted, kind));
    let run = if ok { Run::satisfied() } else { Run::failed(Reason::HostKindNotAdmitted { kind }) };
    run.fact("defi.hosts.operational.kind", kind.french())
        .parameters(host_kind_parameters(admitted_text))
}

/// The parameters of [`host_kind`].
pub(crate) fn host_kind_parameters(admitted_text: &'static str) -> Vec<Fact> {
    vec![Fact::new("admitted", admitted_text)]
}

/// Kinds compared without their payload (every level of collectivité is one kind).
fn same_kind(a: HostKind, b: HostKind) -> bool {
    std::mem::discriminant(&a) == std::mem::discriminant(&b)
}

/// Every kind, for calls open to all administrations.
pub(crate) const ALL_KINDS: [HostKind; 9] = [
    HostKind::Ministry,
    HostKind::CentralAdministration,
    HostKind::StateOperator,
    HostKind::DeconcentratedService,
    HostKind::IndependentAuthority,
    HostKind::LocalAuthority { level: eig_domain::LocalAuthorityLevel::Region },
    HostKind::HealthEstablishment,
    HostKind::Jurisdiction,
    HostKind::OtherStateBody,
];

/// What the host declares about funding, after the exceptions are ordered.
#[derive(Debug)]
pub(crate) enum Declared {
    /// *Autofinancement* (AAP3 §3.1.3; AAP4–AAP6 §3.4): « Dans tous les cas ».
    SelfFunded,
    /// *Financement alternatif* (AAP3 §3.1.2; AAP4–AAP6 §3.2).
    Alternative,
    /// Co-financing requested: the route depends on the hosts.
    Cofinancing,
    /// Nothing declared (every flag is `false`).
    Nothing,
    /// Some flags are unknown and none is `true`.
    Unknown(Vec<&'static str>),
}

/// Orders the funding declarations. Self-funding and alternative funding are compatible
/// (self-funding is one kind of alternative funding, AAP3 §3.1.2 « autofinancement par
/// exemple »): self-funding wins. Either one with a co-financing request is a conflict.
pub(crate) fn declared(
    defi: &eig_domain::DefiId,
    rule: &'static str,
    funding: FundingDeclaration,
    alternative_admitted: bool,
) -> Result<Declared, EligibilityError> {
    let requested = funding.cofinancing_requested;
    let own = funding.self_funded;
    let alternative = if alternative_admitted { funding.alternative_funding } else { Some(false) };
    if requested == Some(true) && own == Some(true) {
        return Err(EligibilityError::ConflictingExceptions {
            defi: defi.clone(),
            rule,
            first: "cofinancement demandé",
            second: "autofinancement",
        });
    }
    if requested == Some(true) && alternative == Some(true) {
        return Err(EligibilityError::ConflictingExceptions {
            defi: defi.clone(),
            rule,
            first: "cofinancement demandé",
            second: "financement alternatif",
        });
    }
    Ok(if own == Some(true) {
        Declared::SelfFunded
    } else if alternative == Some(true) {
        Declared::Alternative
    } else if requested == Some(true) {
        Declared::Cofinancing
    } else {
        let mut unknown = Vec::new();
        if requested.is_none() {
            unknown.push("funding.cofinancing_requested");
        }
        if own.is_none() {
            unknown.push("funding.self_funded");
        }
        if alternative.is_none() {
            unknown.push("funding.alternative_funding");
        }
        if unknown.is_empty() { Declared::Nothing } else { Declared::Unknown(unknown) }
    })
}

/// The facts of a funding declaration, for the trace.
pub(crate) fn funding_facts(run: Run, dossier: &DefiDossier, alternative_admitted: bool) -> Run {
    let funding = dossier.funding;
    let run = run
        .fact("funding.cofinancing_requested", funding.cofinancing_requested)
        .fact("funding.self_funded", funding.self_funded);
    let run = if alternative_admitted {
        run.fact("funding.alternative_funding", funding.alternative_funding)
    } else {
        run
    };
    run.fact("defi.hosts.operational.kind", dossier.defi.hosts.operational.kind.french()).fact(
        "defi.hosts.administrative.kind",
        dossier.defi.hosts.administrative.as_ref().map(|host| host.kind.french()),
    )
}

/// The result of a declaration that is not co-financing, and whether the route is known.
pub(crate) fn non_cofinanced(declared: &Declared) -> Option<(Run, Option<FundingRoute>)> {
    match declared {
        Declared::SelfFunded => Some((Run::satisfied(), Some(FundingRoute::SelfFunded))),
        Declared::Alternative => Some((Run::satisfied(), Some(FundingRoute::AlternativeFunding))),
        Declared::Nothing => Some((Run::failed(Reason::NoFundingDeclared), None)),
        Declared::Unknown(inputs) => Some((Run::missing(inputs.clone()), None)),
        Declared::Cofinancing => None,
    }
}

/// Whether a kind counts as a ministry for receiving money (AAP3 §3.1.1 names « le ministère
/// de tutelle … ou l'administration centrale dont dépend le service déconcentré » as porteurs
/// administratifs: a central administration is its ministry's services).
pub(crate) fn is_ministry(kind: HostKind) -> bool {
    matches!(kind, HostKind::Ministry | HostKind::CentralAdministration)
}

// ---- défis --------------------------------------------------------------------------------

/// The team's size within bounds; outside them, an exception granted (when the source
/// allows one) satisfies the rule.
pub(crate) fn team_size(team: &[Seat], bounds: TeamBounds, exception: Option<bool>) -> Run {
    let size = team.len() as u64;
    let within = (u64::from(bounds.min)..=u64::from(bounds.max)).contains(&size);
    let run = if within {
        Run::satisfied()
    } else if bounds.exceptions_allowed {
        match exception {
            Some(true) => Run::satisfied(),
            Some(false) => {
                Run::failed(Reason::TeamSizeOutOfBounds { size, min: bounds.min, max: bounds.max })
            }
            None => Run::missing(vec!["team_exception_granted"]),
        }
    } else {
        Run::failed(Reason::TeamSizeOutOfBounds { size, min: bounds.min, max: bounds.max })
    };
    let run = run.fact("defi.team.len", size).parameters(team_size_parameters(bounds));
    if bounds.exceptions_allowed { run.fact("team_exception_granted", exception) } else { run }
}

/// The parameters of [`team_size`]: its bounds, and whether an exception may be granted.
pub(crate) fn team_size_parameters(bounds: TeamBounds) -> Vec<Fact> {
    let mut parameters =
        vec![Fact::new("min", u64::from(bounds.min)), Fact::new("max", u64::from(bounds.max))];
    if bounds.exceptions_allowed {
        parameters.push(Fact::new("exception_allowed", true));
    }
    parameters
}

/// The parameters of a promotion's [`team_size`] rule: none when the promotion states no
/// bounds (the rule is then not run).
pub(crate) fn team_bounds_parameters(
    bounds: Option<&eig_domain::Sourced<TeamBounds>>,
) -> Vec<Fact> {
    bounds.map(|bounds| team_size_parameters(bounds.value)).unwrap_or_default()
}

/// Every seat's profile among the promotion's profiles.
pub(crate) fn profiles(team: &[Seat], sought: &[TalentProfile], sought_text: &'static str) -> Run {
    let not_sought: BTreeSet<TalentProfile> =
        team.iter().map(|seat| seat.profile).filter(|profile| !sought.contains(profile)).collect();
    let run = if not_sought.is_empty() {
        Run::satisfied()
    } else {
        Run::failed(Reason::ProfilesNotSought { profiles: not_sought.into_iter().collect() })
    };
    let requested: BTreeSet<&str> = team.iter().map(|seat| seat.profile.french()).collect();
    run.fact("defi.team.profiles", requested.into_iter().collect::<Vec<_>>().join(", "))
        .parameters(profiles_parameters(sought_text))
}

/// The parameters of [`profiles`].
pub(crate) fn profiles_parameters(sought_text: &'static str) -> Vec<Fact> {
    vec![Fact::new("sought", sought_text)]
}

/// The two families of support roles (the calls renamed them: mentor opérationnel → porteur
/// de projet, mentor de haut niveau → sponsor).
#[derive(Clone, Copy, Debug)]
pub(crate) enum RoleFamily {
    /// Mentor opérationnel / porteur de projet.
    Operational,
    /// Mentor de haut niveau / sponsor.
    Strategic,
}

impl RoleFamily {
    /// The trace name of the count of people of the family: one per family, so that the two
    /// counts of a dossier do not share a name (the French rendering lists facts by name).
    fn fact_name(self) -> &'static str {
        match self {
            RoleFamily::Operational => "defi.support.operational",
            RoleFamily::Strategic => "defi.support.strategic",
        }
    }

    fn contains(self, role: SupportRole) -> bool {
        match self {
            RoleFamily::Operational => {
                matches!(role, SupportRole::OperationalMentor | SupportRole::ProjectLead)
            }
            RoleFamily::Strategic => {
                matches!(role, SupportRole::HighLevelMentor | SupportRole::Sponsor)
            }
        }
    }
}

/// A rule on the people of a role family: its family, the role's name, the least number and
/// the most (when bounded).
#[derive(Clone, Copy, Debug)]
pub(crate) struct SupportBounds {
    pub(crate) family: RoleFamily,
    pub(crate) role: &'static str,
    pub(crate) min: u8,
    pub(crate) max: Option<u8>,
}

/// Between `min` and `max` (when bounded) people of a role family.
pub(crate) fn support(support: &[SupportRole], bounds: SupportBounds) -> Run {
    let SupportBounds { family, role, min, max } = bounds;
    let found = support.iter().filter(|r| family.contains(**r)).count() as u64;
    let ok = found >= u64::from(min) && max.is_none_or(|max| found <= u64::from(max));
    let run = if ok {
        Run::satisfied()
    } else {
        Run::failed(Reason::SupportRoleCount { role, found, min, max })
    };
    run.fact(family.fact_name(), found).parameters(support_parameters(bounds))
}

/// The parameters of [`support`]: the role, its least number and its most when bounded.
pub(crate) fn support_parameters(bounds: SupportBounds) -> Vec<Fact> {
    let mut parameters =
        vec![Fact::new("role", bounds.role), Fact::new("min", u64::from(bounds.min))];
    if let Some(max) = bounds.max {
        parameters.push(Fact::new("max", u64::from(max)));
    }
    parameters
}

/// Every required commitment attested.
pub(crate) fn commitments(attested: &BTreeSet<Commitment>, required: &[Commitment]) -> Run {
    let missing: Vec<Commitment> =
        required.iter().copied().filter(|commitment| !attested.contains(commitment)).collect();
    let run = if missing.is_empty() {
        Run::satisfied()
    } else {
        Run::failed(Reason::CommitmentsMissing { missing })
    };
    run.fact("defi.commitments.count", attested.len() as u64)
        .parameters(commitments_parameters(required))
}

/// The parameters of [`commitments`]: the commitments required, in French.
pub(crate) fn commitments_parameters(required: &[Commitment]) -> Vec<Fact> {
    vec![Fact::new(
        "required",
        required.iter().map(|c| commitment_french(*c)).collect::<Vec<_>>().join(", "),
    )]
}

/// The French name of a commitment.
pub(crate) fn commitment_french(commitment: Commitment) -> &'static str {
    commitment.french()
}

// ---- candidates ---------------------------------------------------------------------------

/// When a rule's moment falls.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Moment {
    /// A known day.
    Day(NaiveDate),
    /// Some day between two days, both included (a source that gives only the month).
    Between(NaiveDate, NaiveDate),
    /// Unknown: the named input is needed.
    Unknown(&'static str),
}

impl Moment {
    /// The moment a promotion's missions start, from its facts or the application's exact
    /// day (`mission_start_on`).
    pub(crate) fn mission_start(
        facts: &PromotionFacts,
        application: &CandidateApplication,
    ) -> Moment {
        let start: Option<ApproxDate> = facts.mission_start.as_ref().map(|start| start.value);
        match (start, application.mission_start_on) {
            (Some(ApproxDate::Day(day)), _) | (_, Some(day)) => Moment::Day(day),
            (Some(ApproxDate::Month { year, month }), None) => {
                let first = NaiveDate::from_ymd_opt(year, month, 1);
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                };
                match (first, next.and_then(|next| next.pred_opt())) {
                    (Some(first), Some(last)) => Moment::Between(first, last),
                    _ => Moment::Unknown("mission_start_on"),
                }
            }
            _ => Moment::Unknown("mission_start_on"),
        }
    }

    /// The day of the candidacy (the submission's day in Paris time).
    pub(crate) fn candidacy(application: &CandidateApplication) -> Moment {
        application
            .submitted_at
            .map_or(Moment::Unknown("submitted_at"), |at| Moment::Day(paris_day(at)))
    }

    /// The day the selection is decided (`selection_decided_on`), which no source dates.
    pub(crate) fn selection_decided(application: &CandidateApplication) -> Moment {
        application
            .selection_decided_on
            .map_or(Moment::Unknown("selection_decided_on"), Moment::Day)
    }

    fn text(self) -> String {
        match self {
            Moment::Day(day) => day.format("%d/%m/%Y").to_string(),
            Moment::Between(first, last) => {
                format!("entre le {} et le {}", first.format("%d/%m/%Y"), last.format("%d/%m/%Y"))
            }
            Moment::Unknown(input) => format!("inconnu ({})", crate::labels::input_label(input)),
        }
    }
}

/// Whether a state that lasts until `last_day` (or indefinitely when `None`) holds at
/// `moment`.
enum Holds {
    Yes(NaiveDate),
    /// A state with no last day, at a moment that is not known (the named input): it holds
    /// whatever the day.
    Always(&'static str),
    No,
    Unknown(&'static str),
}

fn holds(last_day: Option<NaiveDate>, moment: Moment) -> Holds {
    match (last_day, moment) {
        (None, Moment::Day(day) | Moment::Between(_, day)) => Holds::Yes(day),
        (None, Moment::Unknown(input)) => Holds::Always(input),
        (Some(_), Moment::Unknown(input)) => Holds::Unknown(input),
        (Some(last), Moment::Day(day)) => {
            if last >= day {
                Holds::Yes(day)
            } else {
                Holds::No
            }
        }
        (Some(last), Moment::Between(first, end)) => {
            if last < first {
                Holds::No
            } else if last >= end {
                Holds::Yes(end)
            } else {
                Holds::Unknown("mission_start_on")
            }
        }
    }
}

/// AAC4 art. 4: « La candidature est faite par une personne physique ».
pub(crate) fn natural_person(person: Option<PersonKind>) -> Run {
    let run = match person {
        None => Run::missing(vec!["candidate.status.person"]),
        Some(PersonKind::Natural) => Run::satisfied(),
        Some(PersonKind::Legal) => Run::failed(Reason::NotANaturalPerson),
    };
    run.fact(
        "candidate.status.person",
        person.map(|p| match p {
            PersonKind::Natural => "personne physique",
            PersonKind::Legal => "personne morale",
        }),
    )
}

/// Not a civil servant (or agent) in post at `moment`.
pub(crate) fn civil_service(status: Option<CivilService>, moment: Moment) -> Run {
    let (run, text) = match status {
        None => (Run::missing(vec!["candidate.status.civil_service"]), None),
        Some(CivilService::InPost { last_day_in_post }) => {
            let run = match holds(last_day_in_post, moment) {
                Holds::Yes(reference_on) => {
                    Run::failed(Reason::CivilServantInPost { reference_on, last_day_in_post })
                }
                // In post with no planned departure: in post on any day the moment may be,
                // so the day is not needed.
                Holds::Always(_) => Run::failed(Reason::CivilServantInPostWithoutDeparture),
                Holds::No => Run::satisfied(),
                Holds::Unknown(input) => Run::missing(vec![input]),
            };
            let text = match last_day_in_post {
                Some(day) => format!("en poste jusqu'au {}", day.format("%d/%m/%Y")),
                None => String::from("en poste, sans départ prévu"),
            };
            (run, Some(text))
        }
        Some(CivilService::NotInPost) => (Run::satisfied(), Some(String::from("pas en poste"))),
        Some(_) => (Run::satisfied(), Some(String::from("ni fonctionnaire ni assimilé"))),
    };
    run.fact("candidate.status.civil_service", text).parameter("moment", moment.text())
}

/// Not a jury member nor one of its experts.
pub(crate) fn jury(member: Option<bool>) -> Run {
    let run = match member {
        None => Run::missing(vec!["candidate.status.jury_member"]),
        Some(false) => Run::satisfied(),
        Some(true) => Run::failed(Reason::JuryMember),
    };
    run.fact("candidate.status.jury_member", member)
}

/// Not a student of an excluded level at `moment`.
pub(crate) fn studies(
    studies: Option<Studies>,
    excluded: &[StudyLevel],
    excluded_text: &'static str,
    moment: Moment,
) -> Run {
    let (run, text) = match studies {
        None => (Run::missing(vec!["candidate.status.studies"]), None),
        Some(Studies::Enrolled { level, last_day }) => {
            let run = if excluded.contains(&level) {
                match holds(last_day, moment) {
                    Holds::Yes(reference_on) => {
                        Run::failed(Reason::Student { level, reference_on })
                    }
                    Holds::No => Run::satisfied(),
                    // Studies without a known last day at an unknown moment: the day is asked
                    // for (the last day is unknown, not absent, unlike a post's).
                    Holds::Unknown(input) | Holds::Always(input) => Run::missing(vec![input]),
                }
            } else {
                Run::satisfied()
            };
            let text = match last_day {
                Some(day) => format!("{} jusqu'au {}", level_french(level), day.format("%d/%m/%Y")),
                None => format!("{}, sans fin connue", level_french(level)),
            };
            (run, Some(text))
        }
        Some(_) => (Run::satisfied(), Some(String::from("pas en scolarité"))),
    };
    run.fact("candidate.status.studies", text)
        .parameters(studies_parameters(excluded_text))
        .parameter("moment", moment.text())
}

/// The parameters of [`studies`] that do not depend on the input: the levels excluded. The
/// moment (`moment`) is computed from the input ([`MOMENT_COMPUTED`]).
pub(crate) fn studies_parameters(excluded_text: &'static str) -> Vec<Fact> {
    vec![Fact::new("excluded", excluded_text)]
}

/// The parameter of [`studies`] and [`civil_service`] computed from the input: the moment at
/// which the status is judged (a day of the application: its reception, the selection's
/// decision, or the start of the missions when the application gives it).
pub(crate) const MOMENT_COMPUTED: &[&str] = &["moment"];

/// The French name of a level of studies.
pub(crate) fn level_french(level: StudyLevel) -> &'static str {
    match level {
        StudyLevel::School => "scolarité hors université",
        StudyLevel::FirstOrSecondCycle => "deux premiers cycles universitaires",
        StudyLevel::ThirdCycle => "troisième cycle (doctorat)",
        StudyLevel::Apprenticeship => "apprentissage",
        _ => "études",
    }
}

/// Not a former talent of `promotion`, except as a coach.
pub(crate) fn former_talent(
    past: Option<&[PastParticipation]>,
    promotion: Promotion,
    profile: TalentProfile,
    reading: CoachException,
) -> Run {
    // AAC6 art. 3 « hormis les EIG Coachs » is read by default as the post applied for: a
    // former talent may apply to an EIG Coach post (AAC6 art. 5 §5), not to another one. The
    // caller may choose the other reading (`Readings::coach_exception`): the role held in
    // EIG5 (`as_coach`: its EIG Link talents, AMI 5 bis's coaches) excepts the talent from
    // any post (docs/rules/assumptions.md, `eig6-coach-exception`).
    let run = match past {
        None => Run::missing(vec!["candidate.status.past_participations"]),
        Some(past) => {
            let excluded = match reading {
                CoachException::CoachRole => {
                    past.iter().any(|p| p.promotion == promotion && !p.as_coach)
                }
                _ => {
                    past.iter().any(|p| p.promotion == promotion) && profile != TalentProfile::Coach
                }
            };
            if excluded { Run::failed(Reason::FormerEig5Talent) } else { Run::satisfied() }
        }
    };
    let text = past.map(|past| {
        let mut codes: Vec<String> = past
            .iter()
            .map(|p| {
                if p.as_coach {
                    format!("{} (coach)", p.promotion)
                } else {
                    p.promotion.to_string()
                }
            })
            .collect();
        codes.sort();
        if codes.is_empty() { String::from("aucune") } else { codes.join(", ") }
    });
    let exception = match reading {
        CoachException::CoachRole => {
            "EIG de la promotion exclue ayant tenu le rôle de coach (lecture choisie par l'appelant)"
        }
        _ => "candidature à un poste d'EIG Coach",
    };
    run.fact("candidate.status.past_participations", text)
        .fact("candidate.profile", profile.french())
        .parameters(former_talent_parameters(promotion))
        .parameter("exception", exception)
}

/// The parameters of [`former_talent`] that do not depend on the input: the promotion
/// excluded. Its exception depends on the reading the caller chooses
/// ([`FORMER_TALENT_COMPUTED`]).
pub(crate) fn former_talent_parameters(promotion: Promotion) -> Vec<Fact> {
    vec![Fact::new("excluded", promotion.code())]
}

/// The parameter of [`former_talent`] computed from the input: the exception, which follows
/// the caller's reading (`Readings::coach_exception`).
pub(crate) const FORMER_TALENT_COMPUTED: &[&str] = &["exception"];

/// The number and the kind of choices within the promotion's limit.
pub(crate) fn choices(choices: Option<&[Choice]>, limit: ChoiceLimit) -> Run {
    let Some(choices) = choices else {
        let mut parameters = choices_parameters(limit);
        parameters.retain(|parameter| parameter.name != "ordered");
        return Run::missing(vec!["choices"])
            .fact("choices.len", None::<u64>)
            .parameters(parameters);
    };
    let count = choices.len() as u64;
    let wants_profiles = matches!(limit.unit, eig_domain::ChoiceUnit::Profiles);
    let wrong_kind =
        choices.iter().any(|choice| matches!(choice, Choice::Profile(_)) != wants_profiles);
    let distinct: BTreeSet<&Choice> = choices.iter().collect();
    let run = if !(u64::from(limit.min)..=u64::from(limit.max)).contains(&count) {
        Run::failed(Reason::ChoiceCountOutOfBounds {
            unit: limit.unit,
            count,
            min: limit.min,
            max: limit.max,
        })
    } else if wrong_kind {
        Run::failed(Reason::ChoiceOfWrongKind { unit: limit.unit })
    } else if distinct.len() != choices.len() {
        Run::failed(Reason::DuplicateChoice)
    } else {
        Run::satisfied()
    };
    run.fact("choices.len", count).parameters(choices_parameters(limit))
}

/// The parameters of [`choices`]: the bounds and whether the choices are ordered.
pub(crate) fn choices_parameters(limit: ChoiceLimit) -> Vec<Fact> {
    vec![
        Fact::new("min", u64::from(limit.min)),
        Fact::new("max", u64::from(limit.max)),
        Fact::new("ordered", limit.ordered),
    ]
}

/// The parameters of a promotion's [`choices`] rule: none when it states no limit (the rule is
/// then not run).
pub(crate) fn choice_limit_parameters(
    limit: Option<&eig_domain::Sourced<ChoiceLimit>>,
) -> Vec<Fact> {
    limit.map(|limit| choices_parameters(limit.value)).unwrap_or_default()
}

// ---- EIG4–EIG6 funding routes -------------------------------------------------------------

/// AAP4–AAP6 §3.1–3.4 (and the EIG5 exception, AAP5 §3.1, when `mef_exception`).
///
/// Precedence: self-funding (§3.4 « Dans tous les cas ») and alternative funding (§3.2) are
/// exceptions to co-financing; a co-financing request with either is a conflict. Under
/// co-financing: the EIG5 *délégation de gestion* exception for the economic and financial
/// ministries comes first, and conflicts with a named porteur administratif; then a ministry
/// (or a central administration, its services) or an administration with a budget programme
/// able to receive titre 2 credits is funded directly; an operator or a deconcentrated service
/// goes through a convention with its ministry; any other body through a convention with an
/// eligible administration.
/// The exception of the economic and financial ministries, as a promotion's texts state it:
/// how the two exceptions are named when a dossier claims both (délégation de gestion and
/// porteur administratif).
#[derive(Clone, Copy, Debug)]
pub(crate) struct MefException {
    /// The délégation de gestion, with its source.
    pub(crate) delegation: &'static str,
    /// The porteur administratif, with its source.
    pub(crate) carrier: &'static str,
}

pub(crate) fn titre2_route(
    rule: &'static str,
    dossier: &DefiDossier,
    mef_exception: Option<MefException>,
) -> Result<(Run, Option<FundingRoute>), EligibilityError> {
    let declared = declared(&dossier.defi.id, rule, dossier.funding, true)?;
    let carrier = dossier.defi.hosts.administrative.as_ref().map(|host| host.kind);
    let (run, route) = match non_cofinanced(&declared) {
        Some(result) => result,
        None if let Some(exception) = mef_exception
            && !dossier.defi.hosts.operational.kind.is_outside_state() =>
        {
            match dossier.economic_and_financial_ministries {
                None => (Run::missing(vec!["economic_and_financial_ministries"]), None),
                Some(true) if carrier.is_some() => {
                    return Err(EligibilityError::ConflictingExceptions {
                        defi: dossier.defi.id.clone(),
                        rule,
                        first: exception.delegation,
                        second: exception.carrier,
                    });
                }
                Some(true) => (Run::satisfied(), Some(FundingRoute::DelegationOfManagement)),
                Some(false) => titre2_cofinanced(dossier),
            }
        }
        None => titre2_cofinanced(dossier),
    };
    let mut run = funding_facts(run, dossier, true);
    if matches!(declared, Declared::Cofinancing) {
        if mef_exception.is_some() {
            run = run.fact(
                "economic_and_financial_ministries",
                dossier.economic_and_financial_ministries,
            );
        }
        run = run.fact("titre2_programme", dossier.titre2_programme);
        if carrier.is_some() {
            run = run.fact("carrier_convention", dossier.carrier_convention);
        }
    }
    let run = run.parameters(titre2_route_parameters(mef_exception.is_some()));
    Ok((run, route))
}

/// The parameters of [`titre2_route`]: who is funded directly, and the order of the
/// exceptions (with the EIG5 délégation de gestion when `mef_exception`).
pub(crate) fn titre2_route_parameters(mef_exception: bool) -> Vec<Fact> {
    vec![
        Fact::new(
            "direct_funding",
            "ministère (ou administration centrale) ou administration disposant d'un programme \
             budgétaire pouvant recevoir des crédits de titre 2 par décret de transfert en gestion",
        ),
        Fact::new(
            "precedence",
            if mef_exception {
                "autofinancement > financement alternatif > délégation de gestion (MEF) > \
                 cofinancement direct ou via porteur administratif"
            } else {
                "autofinancement > financement alternatif > cofinancement direct ou via porteur \
                 administratif"
            },
        ),
    ]
}

fn titre2_cofinanced(dossier: &DefiDossier) -> (Run, Option<FundingRoute>) {
    let operational = dossier.defi.hosts.operational.kind;
    let carrier = dossier.defi.hosts.administrative.as_ref().map(|host| host.kind);
    let Some(carrier) = carrier else {
        if is_ministry(operational) {
            return (Run::satisfied(), Some(FundingRoute::Direct));
        }
        // A collectivité territoriale or an établissement de santé has no programme of the
        // State budget (AAP3 §3.1 lists them apart from « une administration de l'État », and
        // so does AAP4 §2 fn. 4): « Les administrations qui ne disposent pas d'un programme budgétaire
        // (voir 3.1.) ne peuvent pas bénéficier d'un financement direct » (AAP4–AAP6 §3.2);
        // they need a porteur administratif. Its declared `titre2_programme` is not read.
        if operational.is_outside_state() {
            return (Run::failed(Reason::AdministrativeCarrierRequired { operational }), None);
        }
        return match dossier.titre2_programme {
            Some(true) => (Run::satisfied(), Some(FundingRoute::Direct)),
            Some(false) => (Run::failed(Reason::NoTitre2Programme), None),
            None => (Run::missing(vec!["titre2_programme"]), None),
        };
    };
    let mut missing = Vec::new();
    let operator_like =
        matches!(operational, HostKind::StateOperator | HostKind::DeconcentratedService);
    if !is_ministry(carrier) {
        if operator_like {
            return (Run::failed(Reason::AdministrativeCarrierNotEligible { carrier }), None);
        }
        match dossier.titre2_programme {
            Some(true) => {}
            Some(false) => {
                return (Run::failed(Reason::AdministrativeCarrierNotEligible { carrier }), None);
            }
            None => missing.push("titre2_programme"),
        }
    }
    match dossier.carrier_convention {
        Some(true) => {}
        Some(false) => return (Run::failed(Reason::CarrierConventionMissing), None),
        None => missing.push("carrier_convention"),
    }
    if missing.is_empty() {
        (Run::satisfied(), Some(FundingRoute::ThroughAdministrativeCarrier))
    } else {
        (Run::missing(missing), None)
    }
}

// ---- the application's channel and the steps after selection ------------------------------

/// « Toute candidature utilisant un autre canal ne sera pas retenue. » (AAC4 art. 5; the same
/// sentence in AAC3, AAC5, AAC6, AMI5bis and REG7). Applies only when the channel is supplied: the caller who receives the applications knows it, and most callers
/// receive them through the call's channel only.
pub(crate) fn channel(through_official_channel: Option<bool>, channel_text: &'static str) -> Run {
    let run = match through_official_channel {
        Some(false) => Run::failed(Reason::OtherChannel),
        Some(true) | None => Run::satisfied(),
    };
    run.fact("process.through_official_channel", through_official_channel)
        .parameters(channel_parameters(channel_text))
}

/// The parameters of [`channel`].
pub(crate) fn channel_parameters(channel_text: &'static str) -> Vec<Fact> {
    vec![
        Fact::new("channel", channel_text),
        Fact::new("applies", "seulement si le canal de réception est fourni"),
    ]
}

/// « Tout dossier incomplet sera écarté. » (AAC4 art. 5; the same sentence in AAC2, AAC3,
/// AAC5, AAC6, AMI5bis and REG7). Applies only when the caller's finding is supplied, as the
/// channel: the caller who receives the applications knows which are complete.
pub(crate) fn complete_dossier(dossier_complete: Option<bool>, pieces: &'static str) -> Run {
    let run = match dossier_complete {
        Some(false) => Run::failed(Reason::IncompleteDossier),
        Some(true) | None => Run::satisfied(),
    };
    run.fact("process.dossier_complete", dossier_complete)
        .parameters(complete_dossier_parameters(pieces))
}

/// The parameters of [`complete_dossier`].
pub(crate) fn complete_dossier_parameters(pieces: &'static str) -> Vec<Fact> {
    vec![
        Fact::new("pieces", pieces),
        Fact::new("applies", "seulement si la complétude du dossier est fournie"),
    ]
}

/// One of the host's conditions of the calls for projects' section on the défis expected (AAP4
/// §2: « Pour chaque défi, l’administration doit : », and the mentors' conditions that follow;
/// AAP3 §2.2, AAP5 §2 and AAP6 §2 likewise), read from the dossier's fact.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum HostCondition {
    /// The team dedicated to the défi (`project_team`).
    ProjectTeam,
    /// The talents' contacts in the host's directions (`contacts_identified`).
    Contacts,
    /// The mentors opérationnels (porteurs de projet) are public agents of the host
    /// (`mentors_host_agents`).
    MentorsHostAgents,
    /// They can devote time to the défi for the ten months (`mentors_have_time`).
    MentorsTime,
}

impl HostCondition {
    /// The dossier's fact's JSON name.
    pub(crate) const fn name(self) -> &'static str {
        match self {
            HostCondition::ProjectTeam => "project_team",
            HostCondition::Contacts => "contacts_identified",
            HostCondition::MentorsHostAgents => "mentors_host_agents",
            HostCondition::MentorsTime => "mentors_have_time",
        }
    }

    /// The dossier's fact.
    pub(crate) fn value(self, dossier: &DefiDossier) -> Option<bool> {
        match self {
            HostCondition::ProjectTeam => dossier.project_team,
            HostCondition::Contacts => dossier.contacts_identified,
            HostCondition::MentorsHostAgents => dossier.mentors_host_agents,
            HostCondition::MentorsTime => dossier.mentors_have_time,
        }
    }

    /// The condition met, in French, as a change to a dossier says it.
    pub(crate) const fn french(self) -> &'static str {
        match self {
            HostCondition::ProjectTeam => {
                "une équipe dédiée au projet, aux profils pluridisciplinaires, constituée"
            }
            HostCondition::Contacts => "les contacts adéquats pour les EIG identifiés",
            HostCondition::MentorsHostAgents => {
                "les mentors opérationnels (porteurs de projet) agents publics de \
                 l'administration d'accueil"
            }
            HostCondition::MentorsTime => {
                "les mentors opérationnels (porteurs de projet) disponibles pendant les 10 mois"
            }
        }
    }

    fn reason(self) -> Reason {
        match self {
            HostCondition::ProjectTeam => Reason::NoDedicatedProjectTeam,
            HostCondition::Contacts => Reason::ContactsNotIdentified,
            HostCondition::MentorsHostAgents => Reason::MentorsNotHostAgents,
            HostCondition::MentorsTime => Reason::MentorsWithoutTime,
        }
    }
}

/// A condition of AAP4–AAP6 §2 on the host (`HostCondition`), from the dossier's fact: `false`
/// refuses the dossier; applies only when the fact is given, as the candidates' process facts
/// (`docs/rules/assumptions.md`, `host-section-2-facts`).
pub(crate) fn host_condition(dossier: &DefiDossier, condition: HostCondition) -> Run {
    let value = condition.value(dossier);
    let run = match value {
        Some(false) => Run::failed(condition.reason()),
        Some(true) | None => Run::satisfied(),
    };
    run.fact(condition.name(), value).parameters(host_condition_parameters())
}

/// The parameters of [`host_condition`].
pub(crate) fn host_condition_parameters() -> Vec<Fact> {
    vec![Fact::new("applies", "seulement si le fait est fourni par le dossier")]
}

/// The programme's own project within Etalab (EIG Link: AAC3 art. 6.2, AAC4 art. 6.3, AAP5
/// §4.2.2; Coach EIG: AAP6 §4.2.2): its team against the number of entrepreneurs the text
/// states, read as the most it may ask for (`docs/rules/assumptions.md`,
/// `programme-project-cap`). Applies only when the dossier says it is that project.
pub(crate) fn programme_project_team(dossier: &DefiDossier, cap: u64) -> Run {
    let flag = dossier.eig_link_or_coach;
    let size = dossier.defi.team.len() as u64;
    let run = match flag {
        Some(true) if size > cap => Run::failed(Reason::ProgrammeProjectTeamOverCap { size, cap }),
        _ => Run::satisfied(),
    };
    run.fact("eig_link_or_coach", flag)
        .fact("defi.team.len", size)
        .parameters(programme_project_team_parameters(cap))
}

/// The parameters of [`programme_project_team`].
pub(crate) fn programme_project_team_parameters(cap: u64) -> Vec<Fact> {
    vec![
        Fact::new("cap", cap),
        Fact::new(
            "applies",
            "seulement si le dossier est celui du projet EIG Link ou des coachs EIG",
        ),
    ]
}

/// « Les autres candidat(e)s seront placé(e)s sur une liste d'attente et pourront être
/// sollicité(e)s jusqu’au 15 juillet 2022 en cas de désistement. » (AAC6 art. 5.4; AMI5bis art.
/// 5.4, the same words): a candidate called on from the waiting list is retained only if
/// called on by its last day (`until`, included). Applies only when the caller says the
/// candidate came from the waiting list; the day called on is the notification of being
/// retained, needed then.
pub(crate) fn waiting_list(
    from_waiting_list: Option<bool>,
    notified_on: Option<NaiveDate>,
    until: Option<NaiveDate>,
) -> Run {
    let run = match (from_waiting_list, notified_on, until) {
        (Some(true), None, _) => Run::missing(vec!["process.selection_notified_on"]),
        (Some(true), Some(called), Some(last)) if called > last => {
            Run::failed(Reason::CalledFromWaitingListLate { called_on: called, last_day: last })
        }
        _ => Run::satisfied(),
    };
    run.fact("process.from_waiting_list", from_waiting_list)
        .fact("process.selection_notified_on", day_text(notified_on))
        .parameters(waiting_list_parameters(until))
}

/// A day as the trace writes it (`15/07/2022`).
fn day_text(day: Option<NaiveDate>) -> Option<String> {
    day.map(|day| day.format("%d/%m/%Y").to_string())
}

/// The last day a promotion's waiting list may be called on, from its facts.
pub(crate) fn waiting_list_until(facts: &PromotionFacts) -> Option<NaiveDate> {
    facts.waiting_list_until.as_ref().map(|until| until.value)
}

/// The parameters of [`waiting_list`]: its last day, and when it applies.
pub(crate) fn waiting_list_parameters(until: Option<NaiveDate>) -> Vec<Fact> {
    vec![
        Fact::new("waiting_list_until", day_text(until)),
        Fact::new("applies", "seulement si la candidature vient de la liste d'attente"),
    ]
}

/// « les candidat(e)s intégré(e)s au vivier d’entrepreneur(e)s présélectionné(e)s qui auront
/// exprimé le souhait que leur dossier soit conservé pourront se voir proposer de futures
/// missions EIG en 2024. » (REG7 §2.6 b): a candidate of the pool considered for a mission after
/// the session that selected them must have asked that their dossier be kept. Applies only when
/// the caller says the mission comes after that session; the wish is needed then.
pub(crate) fn pool_dossier_kept(
    after_selection_session: Option<bool>,
    dossier_kept: Option<bool>,
) -> Run {
    let run = match (after_selection_session, dossier_kept) {
        (Some(true), None) => Run::missing(vec!["process.dossier_kept"]),
        (Some(true), Some(false)) => Run::failed(Reason::PoolDossierNotKept),
        _ => Run::satisfied(),
    };
    run.fact("process.after_selection_session", after_selection_session)
        .fact("process.dossier_kept", dossier_kept)
        .parameters(pool_dossier_kept_parameters())
}

/// The parameters of [`pool_dossier_kept`].
pub(crate) fn pool_dossier_kept_parameters() -> Vec<Fact> {
    vec![Fact::new("applies", "seulement pour une mission proposée après la session de sélection")]
}

/// Whether a text lets the programme except a laureate from the start day, and whether it
/// did: « Sauf exception, les EIG lauréats intègrent l’administration le 1er septembre 2020. »
/// (AAC4 art. 7; AAC5 art. 6 likewise). AAC6 and AMI5bis state no exception.
#[derive(Clone, Copy, Debug)]
pub(crate) enum StartException {
    /// The text states no exception.
    NotStated,
    /// The text states one; the caller's fact (`process.start_exception_granted`).
    Stated(Option<bool>),
}

/// « Commencer leur défi à la date de début de la promotion » (AAC4 art. 8); « Commencer leur
/// projet à la date de début de la promotion » (AAC5/AAC6 art. 7): the candidate can start on
/// the first day ([`start_day`]). Applies only when the availability is supplied; a talent
/// whose start follows the projects' needs (the EIG6 coaches) is not bound. Where the text
/// states an exception (AAC4 art. 7, AAC5 art. 6), a candidate available later is judged by
/// it: granted, satisfied; refused, failed; unknown, missing (as AAC2's team exception).
pub(crate) fn start_availability(
    available_from: Option<NaiveDate>,
    start_on: Option<NaiveDate>,
    bound: bool,
    exception: StartException,
) -> Run {
    let run = match (available_from, start_on, bound) {
        (Some(_), None, true) => Run::missing(vec!["mission_start_on"]),
        (Some(available), Some(start), true) if available > start => match exception {
            StartException::Stated(Some(true)) => Run::satisfied(),
            StartException::Stated(None) => Run::missing(vec!["process.start_exception_granted"]),
            StartException::NotStated | StartException::Stated(Some(false)) => {
                Run::failed(Reason::NotAvailableAtStart {
                    available_from: available,
                    start_on: start,
                })
            }
        },
        _ => Run::satisfied(),
    };
    let run = run
        .fact(
            "process.available_from",
            available_from.map(|day| day.format("%d/%m/%Y").to_string()),
        )
        .parameters(start_availability_parameters(matches!(exception, StartException::Stated(_))));
    let run = match exception {
        StartException::NotStated => run,
        StartException::Stated(granted) => run.fact("process.start_exception_granted", granted),
    };
    let run = match start_on {
        Some(start) => run.parameter("start_on", start.format("%d/%m/%Y").to_string()),
        None => run,
    };
    if bound { run } else { run.parameter("bound", "début selon les besoins des projets (coach)") }
}

/// The parameters of [`start_availability`] that do not depend on the input: when it applies,
/// and the exception when the text states one (`exception_stated`). The first day and
/// whether the talent is bound by it are computed from the input
/// ([`START_AVAILABILITY_COMPUTED`]).
pub(crate) fn start_availability_parameters(exception_stated: bool) -> Vec<Fact> {
    let mut parameters = vec![Fact::new("applies", "seulement si la disponibilité est fournie")];
    if exception_stated {
        parameters.push(Fact::new(
            "exception",
            "« Sauf exception » : une exception accordée lève la date",
        ));
    }
    parameters
}

/// The parameters of [`start_availability`] computed from the input: the first day
/// (`start_on`: the promotion's, or the application's `mission_start_on` when earlier) and,
/// for a talent whose start follows the projects' needs, that it is not bound (`bound`).
pub(crate) const START_AVAILABILITY_COMPUTED: &[&str] = &["start_on", "bound"];

/// The first day the candidate must be available: the promotion's published first day, or
/// the application's `mission_start_on` when it is earlier (the texts' other starts, EIG Link
/// on 23 August 2021 and the EIG coaches on 23 August 2022, are all earlier). Taking the
/// earlier day keeps the rule monotone: supplying `mission_start_on` can only make it
/// stricter, never repair a candidate who cannot start on the promotion's day.
pub(crate) fn start_day(
    facts: &PromotionFacts,
    application: &CandidateApplication,
) -> Option<NaiveDate> {
    let published = match facts.mission_start.as_ref().map(|start| start.value) {
        Some(ApproxDate::Day(day)) => Some(day),
        _ => None,
    };
    match (published, application.mission_start_on) {
        (Some(published), Some(given)) => Some(published.min(given)),
        (published, given) => published.or(given),
    }
}

/// The final acceptance, given « dans un délai de 15 jours » (AAC6 art. 5.6), of N days in
/// general: the acceptance is on time when given at the latest N days after the notification
/// (the notification day is day 0). Applies only when the acceptance is supplied. A last day
/// on a Saturday, a Sunday or a public holiday stays where it falls, unless the caller
/// chooses the other reading (`AcceptanceLastDay::NextWorkingDay`: moved to the next working
/// day; docs/rules/assumptions.md, `acceptance-day-count`).
pub(crate) fn acceptance(
    notified_on: Option<NaiveDate>,
    accepted_on: Option<NaiveDate>,
    days: u8,
    reading: AcceptanceLastDay,
) -> Run {
    let counted = notified_on.and_then(|day| day.checked_add_days(chrono::Days::new(days.into())));
    let last_day = match reading {
        AcceptanceLastDay::NextWorkingDay => counted.and_then(next_working_day),
        _ => counted,
    };
    let run = match (accepted_on, notified_on, last_day) {
        (Some(_), None, _) => Run::missing(vec!["process.selection_notified_on"]),
        (Some(accepted), Some(notified), Some(last)) if accepted > last => {
            Run::failed(Reason::AcceptedLate {
                notified_on: notified,
                accepted_on: accepted,
                last_day: last,
            })
        }
        _ => Run::satisfied(),
    };
    let last_day_reading = match reading {
        AcceptanceLastDay::NextWorkingDay => {
            "reporté au premier jour ouvrable s'il tombe un samedi, un dimanche ou un jour férié (lecture choisie par l'appelant)"
        }
        _ => "non reporté, même un samedi, un dimanche ou un jour férié",
    };
    let run = run
        .fact("process.selection_notified_on", day_text(notified_on))
        .fact("process.accepted_on", day_text(accepted_on))
        .parameters(acceptance_parameters(days))
        .parameter("last_day", last_day_reading);
    match last_day {
        Some(last) => run.parameter("last_day_on", last.format("%d/%m/%Y").to_string()),
        None => run,
    }
}

/// The parameters of [`acceptance`] that do not depend on the input: the delay, from when
/// it is counted, and when the rule applies. How its last day is read follows the caller's
/// reading, and the last day itself the notification ([`ACCEPTANCE_COMPUTED`]).
pub(crate) fn acceptance_parameters(days: u8) -> Vec<Fact> {
    vec![
        Fact::new("days", u64::from(days)),
        Fact::new("counted_from", "le lendemain de la notification (jour 0 = notification)"),
        Fact::new("applies", "seulement si l'acceptation est fournie"),
    ]
}

/// The parameters of [`acceptance`] computed from the input: how its last day is read (the
/// caller's reading, `Readings::acceptance_last_day`) and the last day (`last_day_on`, from
/// the notification).
pub(crate) const ACCEPTANCE_COMPUTED: &[&str] = &["last_day", "last_day_on"];

/// `day`, or the first day after it that is neither a Saturday, a Sunday nor a French
/// public holiday.
fn next_working_day(day: NaiveDate) -> Option<NaiveDate> {
    let mut day = day;
    for _ in 0..7 {
        let weekend = matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
        if !weekend && !is_public_holiday(day) {
            return Some(day);
        }
        day = day.succ_opt()?;
    }
    Some(day)
}

/// The eleven public holidays of code du travail art. L. 3133-1 (metropolitan France): 1
/// January, Easter Monday, 1 May, 8 May, Ascension Thursday, Whit Monday, 14 July, 15
/// August, 1 November, 11 November, 25 December.
pub(crate) fn is_public_holiday(day: NaiveDate) -> bool {
    let fixed = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)];
    if fixed.contains(&(day.month(), day.day())) {
        return true;
    }
    let Some(easter) = easter_sunday(day.year()) else { return false };
    [1_u64, 39, 50]
        .iter()
        .any(|offset| easter.checked_add_days(chrono::Days::new(*offset)) == Some(day))
}

/// Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/
/// Butcher; the names are the algorithm's intermediate quantities).
fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let golden = year.rem_euclid(19);
    let century = year.div_euclid(100);
    let in_century = year.rem_euclid(100);
    let skipped_leaps = century.div_euclid(4);
    let century_rest = century.rem_euclid(4);
    let lunar_shift = (century + 8).div_euclid(25);
    let lunar_correction = (century - lunar_shift + 1).div_euclid(3);
    let epact = (19 * golden + century - skipped_leaps - lunar_correction + 15).rem_euclid(30);
    let leaps = in_century.div_euclid(4);
    let year_rest = in_century.rem_euclid(4);
    let weekday = (32 + 2 * century_rest + 2 * leaps - epact - year_rest).rem_euclid(7);
    let correction = (golden + 11 * epact + 22 * weekday).div_euclid(451);
    let offset = epact + weekday - 7 * correction + 114;
    let month = offset.div_euclid(31);
    let day = offset.rem_euclid(31) + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}
