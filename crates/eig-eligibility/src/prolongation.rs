//! EIG6+ (2023): the call for the co-financing of the prolongations of promotion 6's talents
//! (AAC6+). Who may ask (§2.1: EIG6 laureates with a titre 2 budget programme), by when
//! (§3.3: 29 March 2023, 23h59 Paris time), and which prolonged contracts the co-financing
//! covers (§2.1: same pay, « sans discontinuité au moins jusqu’au 29 décembre 2023 »), judged
//! talent by talent since the co-financing is « 20 000 euros par EIG prolongé(e) » (§2.2).

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::{CandidateId, Closing, DefiId, Document, ParisDeadline, Promotion};
use serde::{Deserialize, Serialize};

use crate::{
    error::EligibilityError,
    grid::{Criterion, ScoringGrid},
    outcome::{Decision, Fact, Outcome, Reason, Subject},
    rules::{Cite, Evaluation, Parameters, Rule, Run, common, outcome_of, readable_instant},
};

/// A request for the co-financing of prolongations (AAC6+), as a host files it.
///
/// # Example
/// ```
/// use eig_eligibility::ProlongationRequest;
///
/// let request: ProlongationRequest = serde_json::from_str(r#"{
///   "defi": "eig6-a", "submitted_at": "2023-03-20T10:00:00+01:00",
///   "eig6_laureate": true, "titre2_programme": true,
///   "contracts": [{"talent": "t1", "starts_on": "2023-07-12", "ends_on": "2023-12-31",
///                  "without_break": true, "same_pay": true}]
/// }"#)?;
/// assert_eq!(request.contracts.len(), 1);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProlongationRequest {
    /// The EIG6 défi whose talents are prolonged.
    pub defi: DefiId,
    /// When the request was received.
    #[serde(default)]
    pub submitted_at: Option<DateTime<FixedOffset>>,
    /// Whether the host is a laureate of the EIG6 call for projects (§2.1).
    #[serde(default)]
    pub eig6_laureate: Option<bool>,
    /// Whether the host has, directly or through its central administration, a budget
    /// programme through which DINUM can pay it titre 2 credits by décret de transfert (§2.1).
    #[serde(default)]
    pub titre2_programme: Option<bool>,
    /// One prolonged contract per talent.
    #[serde(default)]
    pub contracts: Vec<ProlongedContract>,
}

/// One talent's prolonged contract.
///
/// # Example
/// ```
/// use eig_eligibility::ProlongedContract;
///
/// let contract: ProlongedContract = serde_json::from_str(r#"{"talent": "t1", "ends_on": "2023-12-29"}"#)?;
/// assert!(contract.without_break.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ProlongedContract {
    /// The talent.
    pub talent: CandidateId,
    /// The first day the prolongation covers.
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    /// Its last day.
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    /// Whether it runs without interruption from its first day to its last.
    #[serde(default)]
    pub without_break: Option<bool>,
    /// Whether the pay is that of the initial EIG6 contract (3 500 € or 4 000 € net a month).
    #[serde(default)]
    pub same_pay: Option<bool>,
}

const fn aac6plus(locator: &'static str) -> Cite {
    Cite(Document::Aac6Plus, locator)
}

const DEADLINE: Rule = Rule {
    id: "eig6plus.request.deadline",
    title: "Dossier déposé avant le 29 mars 2023 à 23h59 (heure de Paris)",
    source: aac6plus("§3.3"),
    quote: "Les dossiers doivent être déposés sous forme électronique, impérativement avant la clôture de l’appel à candidatures, la date et l’heure de réception faisant foi : mercredi 29 mars 2023 à 23h59 (heure de Paris).",
    parameters: Parameters::declared(|| {
        CLOSING.map(common::closing_parameters).unwrap_or_default()
    }),
};
const LAUREATE: Rule = Rule {
    id: "eig6plus.host.eig6_laureate",
    title: "Administration lauréate de l'appel à projets EIG 6",
    source: aac6plus("§2.1"),
    quote: "Sont éligibles à solliciter la prolongation du cofinancement les administrations lauréates de l’appel à projets EIG 6 qui :",
    parameters: Parameters::NONE,
};
const TITRE2: Rule = Rule {
    id: "eig6plus.host.titre2_programme",
    title: "Programme budgétaire pouvant recevoir des crédits de titre 2 par décret de transfert",
    source: aac6plus("§2.1"),
    quote: "Disposent d’un programme budgétaire permettant à la DINUM de leur verser des crédits en titre 2 par l’intermédiaire d’un décret de transfert en gestion, que ce soit directement ou indirectement, via leur administration centrale de tutelle, le cas échéant.",
    parameters: Parameters::declared(titre2_parameters),
};
const CONTINUOUS: Rule = Rule {
    id: "eig6plus.contract.continuous_until_29_december",
    title: "Prolongation après le 11 juillet 2023, sans discontinuité au moins jusqu'au 29 décembre 2023",
    source: aac6plus("§2.1"),
    quote: "Prolongent les EIG via un dispositif contractuel après le 11 juillet 2023",
    parameters: Parameters::declared(continuous_parameters),
};
const SAME_PAY: Rule = Rule {
    id: "eig6plus.contract.same_pay",
    title: "Mêmes conditions de rémunération que les contrats EIG initiaux",
    source: aac6plus("§2.1"),
    quote: "dans les mêmes conditions de rémunération que les contrats EIG initiaux (3.500 euros nets par mois pour les EIG ayant jusqu’à 5 années d’expérience inclus ou 4.000 euros nets par mois pour les profils au-delà de 5 ans d’expérience)",
    parameters: Parameters::declared(same_pay_parameters),
};

rules_and_ids!(pub(crate) RULES, RULE_IDS: [DEADLINE, LAUREATE, TITRE2, CONTINUOUS, SAME_PAY]);

/// « mercredi 29 mars 2023 à 23h59 (heure de Paris) » (AAC6+ §3.3).
pub(crate) static CLOSING: LazyLock<Option<Closing>> = LazyLock::new(|| {
    let at = NaiveDate::from_ymd_opt(2023, 3, 29).and_then(|day| day.and_hms_opt(23, 59, 0))?;
    ParisDeadline::from_paris(at).ok().map(|deadline| Closing::Deadline { deadline })
});

/// The day after the initial contracts end (« au-delà du 11 juillet 2023 » (AAC6+ §1); the
/// model convention runs « du 12 juillet 2023 au 29 décembre 2023 » (AAC6+ annexe 3 art. 2)).
fn first_day() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 7, 12)
}

/// « sans discontinuité au moins jusqu’au 29 décembre 2023 » (AAC6+ §2.1).
fn last_day() -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(2023, 12, 29)
}

/// AAC6+ §3.5's five selection criteria, in the text's order: no scale, no weights stated.
pub(crate) fn selection_grid() -> ScoringGrid {
    ScoringGrid {
        promotion: Promotion::Eig6,
        criteria: vec![
            Criterion::new("Impact démontré en matière d'entrepreneuriat"),
            Criterion::new("Impact démontré en matière d'innovation"),
            Criterion::new("Impact démontré en matière de transformation"),
            Criterion::new("Portée stratégique de la prolongation"),
            Criterion::new("Engagements de pérennisation des EIG"),
        ],
        scale: None,
        equal_weights_stated: false,
        source: crate::rules::selection::EIG6PLUS_GRID.source.source(),
    }
}

/// The ids of the EIG6+ rules ([`evaluate_prolongation`]), in evaluation order.
///
/// # Example
/// ```
/// use eig_eligibility::prolongation_rule_ids;
///
/// assert_eq!(prolongation_rule_ids()[0], "eig6plus.request.deadline");
/// ```
pub fn prolongation_rule_ids() -> &'static [&'static str] {
    RULE_IDS
}

/// The definitions of the EIG6+ prolongation rules, in evaluation order.
///
/// # Example
/// ```
/// let rules = eig_eligibility::prolongation_rules();
/// assert_eq!(rules[0].id, "eig6plus.request.deadline");
/// ```
pub fn prolongation_rules() -> Vec<crate::RuleDefinition> {
    RULES.iter().map(Rule::definition).collect()
}

/// Decides a request for the co-financing of EIG6 prolongations (AAC6+ §2.1, §3.3), talent
/// by talent: the co-financing is « 20 000 euros par EIG prolongé(e) » (AAC6+ §2.2), so the
/// contract rules are judged for each contract, and the trace holds one entry per contract
/// and rule (its first fact names the talent).
///
/// The request is eligible when its own conditions are met and at least one talent's
/// contract meets the contract conditions; ineligible when a request condition fails or
/// every contract fails; incomplete otherwise. Which talents are co-financed is
/// [`evaluate_prolongation_by_talent`]'s.
///
/// # Errors
/// [`EligibilityError::InstantOutOfRange`] for a reception instant at the limits of the
/// calendar.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_prolongation, Outcome, ProlongationRequest};
///
/// let request: ProlongationRequest = serde_json::from_str(r#"{
///   "defi": "eig6-a", "submitted_at": "2023-03-29T23:58:59+02:00",
///   "eig6_laureate": true, "titre2_programme": true,
///   "contracts": [{"talent": "t1", "starts_on": "2023-07-12", "ends_on": "2023-12-15",
///                  "without_break": true, "same_pay": true}]
/// }"#)?;
/// let decision = evaluate_prolongation(&request)?;
/// assert!(matches!(decision.outcome, Outcome::Ineligible { .. })); // ends before 29 December
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_prolongation(request: &ProlongationRequest) -> Result<Decision, EligibilityError> {
    evaluate_prolongation_by_talent(request).map(|decision| decision.decision)
}

/// Decides a request for the co-financing of EIG6 prolongations and each talent's part of it
/// (AAC6+ §2.1, §2.2, §3.3): [`evaluate_prolongation`]'s decision and one [`TalentOutcome`]
/// per contract.
///
/// # Errors
/// [`EligibilityError::InstantOutOfRange`] for a reception instant at the limits of the
/// calendar.
pub fn evaluate_prolongation_by_talent(
    request: &ProlongationRequest,
) -> Result<ProlongationDecision, EligibilityError> {
    readable_instant(
        &Subject::Dossier(request.defi.to_string()),
        "submitted_at",
        request.submitted_at,
    )?;
    let mut evaluation = Evaluation::with_capacity(3 + 2 * request.contracts.len().max(1));
    if let Some(closing) = *CLOSING {
        evaluation.record(&DEADLINE, common::deadline(closing, request.submitted_at));
    }
    let laureate = match request.eig6_laureate {
        None => Run::missing(vec!["eig6_laureate"]),
        Some(true) => Run::satisfied(),
        Some(false) => Run::failed(Reason::NotAnEig6Laureate),
    };
    evaluation.record(&LAUREATE, laureate.fact("eig6_laureate", request.eig6_laureate));
    let titre2 = match request.titre2_programme {
        None => Run::missing(vec!["titre2_programme"]),
        Some(true) => Run::satisfied(),
        Some(false) => Run::failed(Reason::NoTitre2Programme),
    };
    evaluation.record(
        &TITRE2,
        titre2.fact("titre2_programme", request.titre2_programme).parameters(titre2_parameters()),
    );
    if request.contracts.is_empty() {
        evaluation.record(&CONTINUOUS, no_contract().parameters(continuous_parameters()));
        evaluation.record(&SAME_PAY, no_contract().parameters(same_pay_parameters()));
    }
    for contract in &request.contracts {
        evaluation.record(&CONTINUOUS, continuous(contract));
        evaluation.record(&SAME_PAY, same_pay(contract));
    }
    let subject = Subject::Dossier(request.defi.to_string());
    let trace = evaluation.into_trace();
    let (request_entries, contract_entries) =
        trace.split_at(trace.len() - 2 * request.contracts.len());
    let talents: Vec<TalentOutcome> = request
        .contracts
        .iter()
        .zip(contract_entries.chunks(2))
        .map(|(contract, entries)| TalentOutcome {
            talent: contract.talent.clone(),
            outcome: outcome_of(request_entries.iter().chain(entries), None),
        })
        .collect();
    let outcome = if talents.iter().any(|t| matches!(t.outcome, Outcome::Eligible { .. })) {
        Outcome::Eligible { funding_route: None }
    } else if !talents.is_empty()
        && talents.iter().all(|t| matches!(t.outcome, Outcome::Ineligible { .. }))
    {
        // Every failure, of the request and of each contract.
        outcome_of(&trace, None)
    } else if talents.is_empty() {
        outcome_of(&trace, None)
    } else {
        // No talent is co-financed yet and some may be: what those talents still need.
        let mut missing: Vec<&'static str> = talents
            .iter()
            .filter_map(|t| match &t.outcome {
                Outcome::Incomplete { missing } => Some(missing.iter().copied()),
                _ => None,
            })
            .flatten()
            .collect();
        missing.sort_unstable();
        missing.dedup();
        Outcome::Incomplete { missing }
    };
    Ok(ProlongationDecision {
        decision: Decision { promotion: Promotion::Eig6, subject, outcome, trace },
        talents,
    })
}

/// The contract rules of a request without contracts.
fn no_contract() -> Run {
    Run::missing(vec!["contracts"]).fact("contracts.len", 0_u64)
}

/// The parameters of the titre 2 rule: how the credits reach the host.
fn titre2_parameters() -> Vec<Fact> {
    vec![Fact::new("route", "directement ou via l'administration centrale de tutelle")]
}

/// The parameters of the continuity rule.
fn continuous_parameters() -> Vec<Fact> {
    vec![
        Fact::new("covers_from", "12/07/2023 (au plus tard)"),
        Fact::new("covers_until", "29/12/2023 (au moins)"),
    ]
}

/// The parameters of the pay rule.
fn same_pay_parameters() -> Vec<Fact> {
    vec![Fact::new(
        "pay",
        "3 500 € nets par mois jusqu'à 5 années d'expérience incluses, 4 000 € au-delà",
    )]
}

/// The contract covers 12 July to 29 December 2023 without a break.
fn continuous(contract: &ProlongedContract) -> Run {
    let talent = || vec![contract.talent.to_string()];
    let run = match (first_day(), last_day()) {
        (Some(first), Some(last)) => {
            match (contract.starts_on, contract.ends_on, contract.without_break) {
                (Some(start), _, _) if start > first => {
                    Run::failed(Reason::ProlongationNotContinuous { talents: talent() })
                }
                (_, Some(end), _) if end < last => {
                    Run::failed(Reason::ProlongationNotContinuous { talents: talent() })
                }
                (_, _, Some(false)) => {
                    Run::failed(Reason::ProlongationNotContinuous { talents: talent() })
                }
                (Some(_), Some(_), Some(true)) => Run::satisfied(),
                (starts_on, ends_on, without_break) => Run::missing(
                    [
                        (starts_on.is_none(), "contracts[].starts_on"),
                        (ends_on.is_none(), "contracts[].ends_on"),
                        (without_break.is_none(), "contracts[].without_break"),
                    ]
                    .into_iter()
                    .filter_map(|(absent, input)| absent.then_some(input))
                    .collect(),
                ),
            }
        }
        _ => Run::missing(vec!["contracts"]),
    };
    let day = |day: Option<NaiveDate>| day.map(|day| day.format("%d/%m/%Y").to_string());
    run.fact("contracts[].talent", contract.talent.to_string())
        .fact("contracts[].starts_on", day(contract.starts_on))
        .fact("contracts[].ends_on", day(contract.ends_on))
        .fact("contracts[].without_break", contract.without_break)
        .parameters(continuous_parameters())
}

/// The contract keeps the initial pay.
fn same_pay(contract: &ProlongedContract) -> Run {
    let run = match contract.same_pay {
        None => Run::missing(vec!["contracts[].same_pay"]),
        Some(true) => Run::satisfied(),
        Some(false) => Run::failed(Reason::ProlongationPayDiffers {
            talents: vec![contract.talent.to_string()],
        }),
    };
    run.fact("contracts[].talent", contract.talent.to_string())
        .fact("contracts[].same_pay", contract.same_pay)
        .parameters(same_pay_parameters())
}

/// The decision on a prolongation request, talent by talent: the co-financing is « 20 000
/// euros par EIG prolongé(e) » (AAC6+ §2.2) and the contract conditions of §2.1 are met or not
/// by each talent's contract.
///
/// `decision` is what [`evaluate_prolongation`] returns; `talents` gives, in the order of the
/// request's contracts, each talent's own outcome: eligible when the request's conditions are
/// met and that talent's contract meets the contract conditions (the talent is co-financed),
/// ineligible when a request or contract condition fails, incomplete otherwise.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_prolongation_by_talent, Outcome, ProlongationRequest};
///
/// let request: ProlongationRequest = serde_json::from_str(r#"{
///   "defi": "eig6-a", "submitted_at": "2023-03-20T10:00:00+01:00",
///   "eig6_laureate": true, "titre2_programme": true,
///   "contracts": [{"talent": "t1", "starts_on": "2023-09-01", "ends_on": "2023-12-29",
///                  "without_break": true, "same_pay": true},
///                 {"talent": "t2", "starts_on": "2023-07-12", "ends_on": "2024-07-11",
///                  "without_break": true, "same_pay": true}]
/// }"#)?;
/// let decision = evaluate_prolongation_by_talent(&request)?;
/// assert!(matches!(decision.decision.outcome, Outcome::Eligible { .. }));
/// assert!(matches!(decision.talents[0].outcome, Outcome::Ineligible { .. })); // a gap after 11 July
/// assert_eq!(decision.cofinanced_talents().map(ToString::to_string).collect::<Vec<_>>(), ["t2"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ProlongationDecision {
    /// The decision on the request, as [`evaluate_prolongation`] returns it.
    pub decision: Decision,
    /// One outcome per contract of the request, in its order.
    pub talents: Vec<TalentOutcome>,
}

impl ProlongationDecision {
    /// The talents whose prolongation is co-financed (their outcome is eligible).
    pub fn cofinanced_talents(&self) -> impl Iterator<Item = &CandidateId> {
        self.talents
            .iter()
            .filter(|talent| matches!(talent.outcome, Outcome::Eligible { .. }))
            .map(|talent| &talent.talent)
    }
}

/// One talent's outcome in a prolongation request ([`ProlongationDecision`]).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TalentOutcome {
    /// The talent.
    pub talent: CandidateId,
    /// Eligible (co-financed), ineligible (every failing rule of the request and of this
    /// talent's contract) or incomplete (the missing inputs).
    pub outcome: Outcome,
}
