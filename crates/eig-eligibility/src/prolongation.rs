//! EIG6+ (2023): the call for the co-financing of the prolongations of promotion 6's talents
//! (AAC6+). Who may ask (§2.1: EIG6 laureates with a titre 2 budget programme), by when
//! (§3.3: 29 March 2023, 23h59 Paris time), and which prolonged contracts the co-financing
//! covers (§2.1: same pay, « sans discontinuité au moins jusqu’au 29 décembre 2023 »).

use std::sync::LazyLock;

use chrono::{DateTime, FixedOffset, NaiveDate};
use eig_domain::{CandidateId, Closing, DefiId, Document, ParisDeadline, Promotion};
use serde::{Deserialize, Serialize};

use crate::{
    error::EligibilityError,
    outcome::{Decision, Reason, Subject},
    rules::{Cite, Evaluation, Rule, Run, common, readable_instant},
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
};
const LAUREATE: Rule = Rule {
    id: "eig6plus.host.eig6_laureate",
    title: "Administration lauréate de l'appel à projets EIG 6",
    source: aac6plus("§2.1"),
};
const TITRE2: Rule = Rule {
    id: "eig6plus.host.titre2_programme",
    title: "Programme budgétaire pouvant recevoir des crédits de titre 2 par décret de transfert",
    source: aac6plus("§2.1"),
};
const CONTINUOUS: Rule = Rule {
    id: "eig6plus.contract.continuous_until_29_december",
    title: "Prolongation après le 11 juillet 2023, sans discontinuité au moins jusqu'au 29 décembre 2023",
    source: aac6plus("§2.1"),
};
const SAME_PAY: Rule = Rule {
    id: "eig6plus.contract.same_pay",
    title: "Mêmes conditions de rémunération que les contrats EIG initiaux",
    source: aac6plus("§2.1"),
};

const RULE_IDS: &[&str] = &[DEADLINE.id, LAUREATE.id, TITRE2.id, CONTINUOUS.id, SAME_PAY.id];

/// « mercredi 29 mars 2023 à 23h59 (heure de Paris) » (AAC6+ §3.3).
static CLOSING: LazyLock<Option<Closing>> = LazyLock::new(|| {
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

/// Decides a request for the co-financing of EIG6 prolongations (AAC6+ §2.1, §3.3). Every
/// contract must meet the conditions for the request to be eligible; the failing rule names
/// the talents whose contracts do not (the co-financing is per talent prolonged, §2.2).
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
    readable_instant(
        &Subject::Dossier(request.defi.to_string()),
        "submitted_at",
        request.submitted_at,
    )?;
    let mut evaluation = Evaluation::with_capacity(RULE_IDS.len());
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
        titre2
            .fact("titre2_programme", request.titre2_programme)
            .parameter("route", "directement ou via l'administration centrale de tutelle"),
    );
    evaluation.record(&CONTINUOUS, continuous(&request.contracts));
    evaluation.record(&SAME_PAY, same_pay(&request.contracts));
    Ok(evaluation.finish(Promotion::Eig6, Subject::Dossier(request.defi.to_string()), None))
}

/// Every contract covers 12 July to 29 December 2023 without a break.
fn continuous(contracts: &[ProlongedContract]) -> Run {
    let (Some(first), Some(last)) = (first_day(), last_day()) else {
        return Run::missing(vec!["contracts"]);
    };
    let mut failing = Vec::new();
    let mut missing = Vec::new();
    for contract in contracts {
        let verdict = match (contract.starts_on, contract.ends_on, contract.without_break) {
            (Some(start), _, _) if start > first => Some(false),
            (_, Some(end), _) if end < last => Some(false),
            (_, _, Some(false)) => Some(false),
            (Some(_), Some(_), Some(true)) => Some(true),
            _ => None,
        };
        match verdict {
            Some(false) => failing.push(contract.talent.to_string()),
            None => missing.push(contract.talent.to_string()),
            Some(true) => {}
        }
    }
    let run = if contracts.is_empty() {
        Run::missing(vec!["contracts"])
    } else if !failing.is_empty() {
        Run::failed(Reason::ProlongationNotContinuous { talents: failing })
    } else if !missing.is_empty() {
        Run::missing(vec![
            "contracts[].starts_on",
            "contracts[].ends_on",
            "contracts[].without_break",
        ])
    } else {
        Run::satisfied()
    };
    run.fact("contracts.len", contracts.len() as u64)
        .fact(
            "contracts.incomplete",
            if missing.is_empty() { None } else { Some(missing.join(", ")) },
        )
        .parameter("covers_from", "12/07/2023 (au plus tard)")
        .parameter("covers_until", "29/12/2023 (au moins)")
}

/// Every contract keeps the initial pay.
fn same_pay(contracts: &[ProlongedContract]) -> Run {
    let failing: Vec<String> = contracts
        .iter()
        .filter(|contract| contract.same_pay == Some(false))
        .map(|contract| contract.talent.to_string())
        .collect();
    let unknown = contracts.iter().any(|contract| contract.same_pay.is_none());
    let run = if contracts.is_empty() {
        Run::missing(vec!["contracts"])
    } else if !failing.is_empty() {
        Run::failed(Reason::ProlongationPayDiffers { talents: failing })
    } else if unknown {
        Run::missing(vec!["contracts[].same_pay"])
    } else {
        Run::satisfied()
    };
    run.fact("contracts.len", contracts.len() as u64).parameter(
        "pay",
        "3 500 € nets par mois jusqu'à 5 années d'expérience incluses, 4 000 € au-delà",
    )
}
