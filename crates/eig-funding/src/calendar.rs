//! The calendar of the programme's transfers: when, or on which event, the money a payer owes
//! a défi is transferred to its host (or to its porteur administratif). It is not the
//! monthly [`Schedule`](crate::Schedule), which attributes the cost to the contract's months.
//!
//! The texts date a transfer by an event, not by a day: the convention signed with the
//! Caisse des dépôts (AAC2 art. 2), the convention and the final financial simulation sent to
//! it (AAP3 §5.2), the publication of the décret de transfert (AAP4 §3.3, AAP5 §3.3, AAP6
//! §3.3, AAC6+ §2.2). A transfer is dated only by the day of its event, which the caller gives
//! ([`TransferEvents`]); otherwise it stays undated, with its event and the period the text
//! expects the event in, as AAP4 §3.3 does: « pour une publication du décret en novembre
//! 2020 ».

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use eig_domain::{DateRange, DefiId, Document, Euros, Label, Promotion, Source, Sourced};
use serde::{Deserialize, Serialize};

use crate::{DefiPlan, FundingError, Payer, Phase, PromotionPlan, RuleId};

/// The days the events that the transfers wait for happened, as far as the caller knows
/// them. Every field is optional: a transfer whose event has no day stays undated.
///
/// JSON: `{"decree_published_on": "2020-11-20", "defis": {"d3": "2019-02-04"}}`.
///
/// # Example
/// ```
/// use eig_funding::TransferEvents;
///
/// let events: TransferEvents = serde_json::from_str(r#"{ "decree_published_on": "2020-11-20" }"#)?;
/// assert_eq!(events.decree_published_on.map(|day| day.to_string()).as_deref(), Some("2020-11-20"));
/// assert!(events.defis.is_empty());
/// assert!(serde_json::from_str::<TransferEvents>(r#"{ "paid_on": "2020-11-20" }"#).is_err());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TransferEvents {
    /// The day the décret de transfert was published, for every défi whose money it transfers
    /// (EIG4–EIG6 and the prolongations); a day given in `defis` replaces it for that défi.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decree_published_on: Option<NaiveDate>,
    /// Per défi, the day of the event its transfer waits for: the convention signed with the
    /// Caisse des dépôts (EIG2), the convention and the final financial simulation sent to it
    /// (EIG3), the décret de transfert that covers it (EIG4–EIG6, prolongations).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub defis: BTreeMap<DefiId, NaiveDate>,
}

/// The event a transfer waits for.
///
/// # Example
/// ```
/// use eig_funding::TransferEvent;
///
/// assert_eq!(serde_json::to_string(&TransferEvent::DecreePublished)?, r#""decree_published""#);
/// assert_eq!(TransferEvent::DecreePublished.french(), "la publication du décret de transfert");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TransferEvent {
    /// The host's convention with the Caisse des dépôts (EIG2, AAC2 art. 2: « Elle conventionne
    /// ensuite avec la Caisse des dépôts et consignations, afin que cette dernière opère le
    /// versement »).
    CdcConvention,
    /// The signed convention and the final financial simulation of each talent sent to the
    /// Caisse des dépôts (EIG3, AAP3 §5.2).
    DocumentsSentToCdc,
    /// The publication of the décret de transfert (EIG4–EIG6, AAP4–AAP6 §3.3; the
    /// prolongations, AAP6 annexe 3 art. 4 and AAC6+ §2.2).
    DecreePublished,
    /// No text says when the money is transferred (EIG1; the délégation de gestion of the
    /// economic and financial ministries, which the décret de transfert excepts).
    NotStated,
}

impl TransferEvent {
    /// The event in French.
    ///
    /// # Example
    /// ```
    /// use eig_funding::TransferEvent;
    ///
    /// assert!(TransferEvent::DocumentsSentToCdc.french().contains("simulation financière définitive"));
    /// ```
    pub const fn french(self) -> &'static str {
        match self {
            TransferEvent::CdcConvention => {
                "la convention de l'administration d'accueil avec la Caisse des dépôts"
            }
            TransferEvent::DocumentsSentToCdc => {
                "la transmission à la Caisse des dépôts de la convention signée et de la \
                 simulation financière définitive de chaque EIG"
            }
            TransferEvent::DecreePublished => "la publication du décret de transfert",
            TransferEvent::NotStated => "aucun texte ne dit quand les fonds sont versés",
        }
    }
}

/// One transfer of a payer's money for one défi.
///
/// # Example
/// ```
/// use eig_domain::{Euros, Promotion};
/// use eig_funding::{Payer, PromotionInput, Scenario, TransferEvent, TransferEvents, payment_calendar, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG4", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///     "talents": [ { "talent": "t1", "employer_cost": { "monthly": "7000" } } ] } ] }"#)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// let calendar = payment_calendar(&plan, &TransferEvents::default())?;
/// let transfer = &calendar.transfers[0];
/// assert_eq!((transfer.payer, transfer.amount), (Payer::Programme352, Euros::from_whole(28_000)));
/// assert_eq!((transfer.event, transfer.on), (TransferEvent::DecreePublished, None));
/// assert_eq!(transfer.expected[0].value.first().to_string(), "2020-11-01"); // AAP4 §3.3
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Transfer {
    /// The défi.
    pub defi: DefiId,
    /// Initial missions or prolongation.
    pub phase: Phase,
    /// Who transfers the money: the PIA through the Caisse des dépôts, or programme 352.
    pub payer: Payer,
    /// The payer's total for the défi, as the plan computes it.
    pub amount: Euros,
    /// The porteur administratif that receives the money for the host; absent: the host
    /// itself.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Label>,
    /// The event the transfer waits for.
    pub event: TransferEvent,
    /// The day of the event, when the caller gave it: the transfer's date. Absent: undated.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on: Option<NaiveDate>,
    /// The periods the texts expect the event in (a month, a half-year), each with its
    /// source: a forecast of the text, not a date of the transfer.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub expected: Vec<Sourced<DateRange>>,
    /// The rules that state when the money is transferred; empty when no text says.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<RuleId>,
    /// The texts that state it.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

/// A promotion's transfers, one per défi and paying payer of the programme, in the plan's
/// order. The host's own part is not a transfer (it pays its talents' salaries, month by
/// month: the plan's schedule); nor is DINUM's in EIG7, which employs the talents itself
/// (REG7 §1.2); nor an alternative source's, which no text of the programme dates.
///
/// # Example
/// ```
/// use eig_funding::{PromotionInput, Scenario, TransferEvents, payment_calendar, plan_promotion};
///
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG7", "defis": [
///   { "defi": "d1", "route": "employed_by_dinum", "host": { "kind": "ministry" },
///     "talents": [ { "talent": "t1", "employer_cost": { "contract": "90000" } } ] } ] }"#)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// assert!(payment_calendar(&plan, &TransferEvents::default())?.transfers.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct PaymentCalendar {
    /// The promotion.
    pub promotion: Promotion,
    /// The transfers.
    pub transfers: Vec<Transfer>,
}

/// The calendar of the transfers of `plan`: for each défi, each payer of the programme that
/// pays it something (the PIA through the Caisse des dépôts, programme 352) transfers its
/// total once, on the event the promotion's text names, dated by `events` when the caller
/// gives the event's day.
///
/// - EIG2: after the host's convention with the Caisse des dépôts (AAC2 art. 2);
/// - EIG3: after the signed convention and the final financial simulation of each talent are
///   sent to the Caisse des dépôts (AAP3 §5.2);
/// - EIG4, EIG5, EIG6: on the publication of the décret de transfert, expected in November of
///   the promotion's year (AAP4 §3.3, AAP5 §3.3, AAP6 §3.3); EIG6 and the EIG5 prolongations
///   in one transfer in the second half of 2022 (AAP6 annexe 3 art. 4); the EIG6
///   prolongations on the décret expected in November 2023 (AAC6+ §2.2), in one transfer in
///   the second half-year (AAC6+ annexe 3 art. 4);
/// - EIG1 and the délégation de gestion: no text says; the transfer is listed with
///   [`TransferEvent::NotStated`], undated.
///
/// # Errors
/// [`FundingError::NoTransferToDate`] when `events` dates a défi that has no transfer waiting
/// for an event (absent from the plan, without programme money, or whose transfer no text
/// dates), or gives a décret's day to a plan with no transfer by décret.
///
/// # Example
/// ```
/// use eig_funding::{PromotionInput, Scenario, TransferEvent, TransferEvents, payment_calendar, plan_promotion};
///
/// // EIG3: the PIA's 49 000 € are transferred once the convention and the final simulation
/// // reach the Caisse des dépôts; the caller says they did on 4 February 2019.
/// let input: PromotionInput = serde_json::from_str(r#"{ "promotion": "EIG3", "defis": [
///   { "defi": "d1", "route": "direct", "host": { "kind": "ministry" },
///     "talents": [ { "talent": "t1", "employer_cost": { "contract": "70000" } } ] } ] }"#)?;
/// let plan = plan_promotion(&input, &Scenario::default())?;
/// let events: TransferEvents = serde_json::from_str(r#"{ "defis": { "d1": "2019-02-04" } }"#)?;
/// let transfer = &payment_calendar(&plan, &events)?.transfers[0];
/// assert_eq!(transfer.event, TransferEvent::DocumentsSentToCdc);
/// assert_eq!(transfer.on.map(|day| day.to_string()).as_deref(), Some("2019-02-04"));
/// assert_eq!(transfer.sources[0].to_string(), "AAP3 §5.2");
///
/// // A day for a défi the plan does not have is refused.
/// let stray: TransferEvents = serde_json::from_str(r#"{ "defis": { "d9": "2019-02-04" } }"#)?;
/// assert_eq!(payment_calendar(&plan, &stray).unwrap_err().code(), "no_transfer_to_date");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn payment_calendar(
    plan: &PromotionPlan,
    events: &TransferEvents,
) -> Result<PaymentCalendar, FundingError> {
    let mut transfers = Vec::new();
    let mut dated: BTreeSet<&DefiId> = BTreeSet::new();
    let mut by_decree = false;
    for defi in &plan.defis {
        for payer in [Payer::PiaThroughCdc, Payer::Programme352] {
            let amount = defi.amount_of(payer);
            if amount == Euros::ZERO {
                continue;
            }
            let terms = terms(plan.promotion, defi);
            let on = match terms.event {
                TransferEvent::NotStated => None,
                TransferEvent::DecreePublished => {
                    by_decree = true;
                    events.defis.get(&defi.defi).copied().or(events.decree_published_on)
                }
                TransferEvent::CdcConvention | TransferEvent::DocumentsSentToCdc => {
                    events.defis.get(&defi.defi).copied()
                }
            };
            if terms.event != TransferEvent::NotStated {
                dated.insert(&defi.defi);
            }
            transfers.push(Transfer {
                defi: defi.defi.clone(),
                phase: defi.phase,
                payer,
                amount,
                to: defi.administrative_carrier.clone(),
                event: terms.event,
                on,
                expected: terms.expected,
                rules: terms.rules,
                sources: terms.sources,
            });
        }
    }
    if let Some(stray) = events.defis.keys().find(|defi| !dated.contains(defi)) {
        return Err(FundingError::NoTransferToDate { defi: Some(stray.clone()) });
    }
    if events.decree_published_on.is_some() && !by_decree {
        return Err(FundingError::NoTransferToDate { defi: None });
    }
    Ok(PaymentCalendar { promotion: plan.promotion, transfers })
}

/// When a défi's money is transferred, by its promotion, phase and route.
struct Terms {
    event: TransferEvent,
    expected: Vec<Sourced<DateRange>>,
    rules: Vec<RuleId>,
    sources: Vec<Source>,
}

/// The terms of `defi`'s transfer in `promotion`.
fn terms(promotion: Promotion, defi: &DefiPlan) -> Terms {
    use Document::{Aac2, Aac6Plus, Aap3, Aap4, Aap5, Aap6};
    // The periods are constant days, all valid: none is dropped.
    let decree =
        |expected: Vec<Option<Sourced<DateRange>>>, rules: Vec<RuleId>, sources: Vec<Source>| {
            Terms {
                event: TransferEvent::DecreePublished,
                expected: expected.into_iter().flatten().collect(),
                rules,
                sources,
            }
        };
    let on_decree = RuleId::TransferOnDecreePublication;
    let single = RuleId::SingleTransferSecondSemester;
    if defi.route == eig_domain::FundingRoute::DelegationOfManagement {
        return not_stated();
    }
    match (promotion, defi.phase) {
        (Promotion::Eig2, Phase::Initial) => Terms {
            event: TransferEvent::CdcConvention,
            expected: Vec::new(),
            rules: vec![RuleId::TransferAfterCdcConvention],
            sources: vec![Source::new(Aac2, "art. 2")],
        },
        (Promotion::Eig3, Phase::Initial) => Terms {
            event: TransferEvent::DocumentsSentToCdc,
            expected: Vec::new(),
            rules: vec![RuleId::TransferAfterDocumentsToCdc],
            sources: vec![Source::new(Aap3, "§5.2")],
        },
        (Promotion::Eig4, Phase::Initial) => decree(
            vec![month(2020, 11, Source::new(Aap4, "§3.3"))],
            vec![on_decree],
            vec![Source::new(Aap4, "§3.3")],
        ),
        (Promotion::Eig5, Phase::Initial) => decree(
            vec![month(2021, 11, Source::new(Aap5, "§3.3"))],
            vec![on_decree],
            vec![Source::new(Aap5, "§3.3")],
        ),
        (Promotion::Eig6, Phase::Initial) => decree(
            vec![
                month(2022, 11, Source::new(Aap6, "§3.3")),
                second_half(2022, Source::new(Aap6, "annexe 3 art. 4")),
            ],
            vec![on_decree, single],
            vec![Source::new(Aap6, "§3.3"), Source::new(Aap6, "annexe 3 art. 4")],
        ),
        (Promotion::Eig5, Phase::Prolongation) => decree(
            vec![second_half(2022, Source::new(Aap6, "annexe 3 art. 4"))],
            vec![single],
            vec![Source::new(Aap6, "annexe 3 art. 4")],
        ),
        (Promotion::Eig6, Phase::Prolongation) => decree(
            vec![
                month(2023, 11, Source::new(Aac6Plus, "§2.2")),
                second_half(2023, Source::new(Aac6Plus, "annexe 3 art. 4")),
            ],
            vec![on_decree, single],
            vec![Source::new(Aac6Plus, "§2.2"), Source::new(Aac6Plus, "annexe 3 art. 4")],
        ),
        _ => not_stated(),
    }
}

/// No text says when the money is transferred.
fn not_stated() -> Terms {
    Terms {
        event: TransferEvent::NotStated,
        expected: Vec::new(),
        rules: Vec::new(),
        sources: Vec::new(),
    }
}

/// The days of `month` of `year`, as a text expects an event in it.
fn month(year: i32, month: u32, source: Source) -> Option<Sourced<DateRange>> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let last = first.checked_add_months(chrono::Months::new(1))?.pred_opt()?;
    Some(Sourced::new(DateRange::new(first, last).ok()?, source))
}

/// The second half of `year`, 1 July to 31 December (« au second semestre », AAP6 annexe 3
/// art. 4).
fn second_half(year: i32, source: Source) -> Option<Sourced<DateRange>> {
    let first = NaiveDate::from_ymd_opt(year, 7, 1)?;
    let last = NaiveDate::from_ymd_opt(year, 12, 31)?;
    Some(Sourced::new(DateRange::new(first, last).ok()?, source))
}
