//! The result of a case, per kind of input: the shapes a case's `expected` fields are written
//! against. The runner builds these typed values and compares their JSON with the expected
//! fields; with the `schemars` feature, [`result_schemas`] gives each kind's JSON Schema, from
//! which `docs/testing.md`'s table of expected fields is generated (a test fails when they
//! differ).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use eig_domain::{Euros, FundingRoute};
use eig_eligibility::{Outcome, RecruitmentCap};
use eig_funding::{ByPayer, DefiPlan, EnvelopeOutcome, Payer, TalentPlan, Transfer};
use eig_matching::StabilityNotion;
use serde::Serialize;
use serde_json::Value;

/// A decision's outcome, by name.
///
/// # Example
/// ```
/// use eig_cases::result::OutcomeName;
///
/// assert_eq!(serde_json::to_value(OutcomeName::Incomplete)?, "incomplete");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum OutcomeName {
    /// Every rule is satisfied.
    Eligible,
    /// A rule fails.
    Ineligible,
    /// No rule fails, but a fact a rule needs is missing.
    Incomplete,
    /// An outcome this version of the runner does not know.
    Other,
}

impl OutcomeName {
    /// The name of `outcome`.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::OutcomeName;
    /// use eig_eligibility::Outcome;
    ///
    /// let outcome = Outcome::Eligible { funding_route: None };
    /// assert_eq!(OutcomeName::of(&outcome), OutcomeName::Eligible);
    /// ```
    #[must_use]
    pub fn of(outcome: &Outcome) -> OutcomeName {
        match outcome {
            Outcome::Eligible { .. } => OutcomeName::Eligible,
            Outcome::Ineligible { .. } => OutcomeName::Ineligible,
            Outcome::Incomplete { .. } => OutcomeName::Incomplete,
            _ => OutcomeName::Other,
        }
    }
}

/// The result of a `dossier`, `candidate`, `ami5bis` or `prolongation` case (and of each
/// record of a `campaign`).
///
/// # Example
/// ```
/// use eig_cases::result::{DecisionResult, OutcomeName};
///
/// let result = DecisionResult::outcome(OutcomeName::Ineligible)
///     .with_failing_rules(vec!["eig3.host.funding_route".to_owned()]);
/// assert_eq!(serde_json::to_value(&result)?,
///     serde_json::json!({"outcome": "ineligible", "failing_rules": ["eig3.host.funding_route"]}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct DecisionResult {
    /// `eligible`, `ineligible` or `incomplete`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeName>,
    /// The funding route of an eligible dossier.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding_route: Option<FundingRoute>,
    /// The ids of the rules that fail (compared as a set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub failing_rules: Option<Vec<String>>,
    /// The inputs missing for an incomplete record, by their input names (compared as a set).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub missing: Option<Vec<String>>,
    /// A prolongation request's outcome per talent, keyed by the talent's id (`eligible`
    /// when co-financed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talents: Option<BTreeMap<String, OutcomeName>>,
    /// Why the record could not be judged: the error's stable code (its message in a
    /// `campaign`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// The error's message, in French.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl DecisionResult {
    /// A result with its outcome only.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::{DecisionResult, OutcomeName};
    ///
    /// assert_eq!(DecisionResult::outcome(OutcomeName::Eligible).outcome, Some(OutcomeName::Eligible));
    /// ```
    #[must_use]
    pub fn outcome(outcome: OutcomeName) -> DecisionResult {
        DecisionResult { outcome: Some(outcome), ..DecisionResult::default() }
    }

    /// The same result with the ids of the failing rules.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::{DecisionResult, OutcomeName};
    ///
    /// let result = DecisionResult::outcome(OutcomeName::Ineligible).with_failing_rules(vec!["r".into()]);
    /// assert_eq!(result.failing_rules, Some(vec!["r".to_owned()]));
    /// ```
    #[must_use]
    pub fn with_failing_rules(mut self, rules: Vec<String>) -> DecisionResult {
        self.failing_rules = Some(rules);
        self
    }

    /// A record that could not be judged: its error's `code` and French `message`.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::DecisionResult;
    ///
    /// let result = DecisionResult::error("scale_required", Some("une échelle…".into()));
    /// assert_eq!(result.error.as_deref(), Some("scale_required"));
    /// ```
    #[must_use]
    pub fn error(code: impl Into<String>, message: Option<String>) -> DecisionResult {
        DecisionResult { error: Some(code.into()), message, ..DecisionResult::default() }
    }
}

/// An error in the result of a case whose input could not be decided: its stable code for
/// the eligibility crate's errors (with the French `message`), its French message otherwise.
///
/// # Example
/// ```
/// use eig_cases::result::ErrorResult;
///
/// let result = ErrorResult::message("une part est négative");
/// assert_eq!(serde_json::to_value(&result)?, serde_json::json!({"error": "une part est négative"}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ErrorResult {
    /// Why the input could not be decided: the error's stable code, or its French message.
    pub error: String,
    /// The error's message, in French, when `error` is a code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

impl ErrorResult {
    /// An error given by its French message alone.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::ErrorResult;
    ///
    /// assert_eq!(ErrorResult::message("m").error, "m");
    /// ```
    #[must_use]
    pub fn message(message: impl Into<String>) -> ErrorResult {
        ErrorResult { error: message.into(), message: None }
    }

    /// An error given by its stable code and its French message.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::ErrorResult;
    ///
    /// assert_eq!(ErrorResult::coded("c", "m").message.as_deref(), Some("m"));
    /// ```
    #[must_use]
    pub fn coded(code: impl Into<String>, message: impl Into<String>) -> ErrorResult {
        ErrorResult { error: code.into(), message: Some(message.into()) }
    }
}

/// The result of a `jury` case.
///
/// # Example
/// ```
/// use eig_cases::result::JuryResult;
///
/// let result = JuryResult::ranked(vec!["d1".into()], vec!["d1".into(), "d2".into()]);
/// assert_eq!(result.selected, Some(vec!["d1".to_owned()]));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct JuryResult {
    /// The selected défis, in rank order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub selected: Option<Vec<String>>,
    /// Every défi of the sheet, in rank order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranking: Option<Vec<String>>,
    /// Why the sheet could not be ranked (see [`ErrorResult`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

impl JuryResult {
    /// A ranked sheet.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::JuryResult;
    ///
    /// assert!(JuryResult::ranked(vec![], vec![]).error.is_none());
    /// ```
    #[must_use]
    pub fn ranked(selected: Vec<String>, ranking: Vec<String>) -> JuryResult {
        JuryResult { selected: Some(selected), ranking: Some(ranking), error: None }
    }
}

/// The result of a `scores` case.
///
/// # Example
/// ```
/// use eig_cases::result::ScoresResult;
///
/// let result = ScoresResult::default();
/// assert_eq!(serde_json::to_value(&result)?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ScoresResult {
    /// Each ranked list, keyed `"défi/profile"` (or `"profile"` where the phase ranks by
    /// profile alone): its candidates in tie groups, best first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ranks: Option<BTreeMap<String, Vec<Vec<String>>>>,
    /// Why the sheet could not be ranked (see [`ErrorResult`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

/// The days of an EIG7 contract, by name (each present when its input is given).
///
/// # Example
/// ```
/// use eig_cases::result::Eig7Dates;
///
/// assert_eq!(serde_json::to_value(Eig7Dates::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Eig7Dates {
    /// The contract's last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ends_on: Option<NaiveDate>,
    /// The last day to give notice of a renewal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_notice_by: Option<NaiveDate>,
    /// The probation's last day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub probation_ends_on: Option<NaiveDate>,
    /// The last day to ask for an interruption.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub interruption_request_by: Option<NaiveDate>,
    /// The last day to answer a renewal notice received on the given day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub renewal_answer_by: Option<NaiveDate>,
}

/// The result of an `eig7_terms` case.
///
/// # Example
/// ```
/// use eig_cases::result::Eig7TermsResult;
///
/// assert_eq!(serde_json::to_value(Eig7TermsResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct Eig7TermsResult {
    /// The contract's days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<Eig7Dates>,
    /// Why the days could not be computed (see [`ErrorResult`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

/// The result of an `eig7_cap` case.
///
/// # Example
/// ```
/// use eig_cases::result::Eig7CapResult;
/// use eig_eligibility::eig7_recruitment_cap;
///
/// let result = Eig7CapResult { cap: eig7_recruitment_cap(2023, 4) };
/// assert_eq!(serde_json::to_value(&result)?["cap"]["status"], "no_cap_stated");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct Eig7CapResult {
    /// The cap on EIG7 recruitments that year: open (with the places `remaining`), reached,
    /// exceeded (by `over`), or no cap stated for that year.
    pub cap: RecruitmentCap,
}

/// The days of a convention's termination.
///
/// # Example
/// ```
/// use eig_cases::result::TerminationDates;
///
/// let dates = TerminationDates { effective_on: "2023-03-15".parse()? };
/// assert_eq!(serde_json::to_value(dates)?, serde_json::json!({"effective_on": "2023-03-15"}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct TerminationDates {
    /// The day the termination takes effect.
    pub effective_on: NaiveDate,
}

/// The result of a `termination` case.
///
/// # Example
/// ```
/// use eig_cases::result::TerminationResult;
///
/// assert_eq!(serde_json::to_value(TerminationResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TerminationResult {
    /// The termination's days.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dates: Option<TerminationDates>,
    /// Why the days could not be computed (see [`ErrorResult`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

/// The result of a `calendar` case: the transfers of the promotion's plan, in the plan's
/// order, or why they could not be computed (the plan's error, or a day given to no
/// transfer).
///
/// # Example
/// ```
/// use eig_cases::result::CalendarResult;
///
/// assert_eq!(serde_json::to_value(CalendarResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct CalendarResult {
    /// The transfers: each défi's payer, amount, event, day when known, expected periods,
    /// rules and sources.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub transfers: Option<Vec<Transfer>>,
    /// Why the calendar could not be computed: the funding error's code and French message.
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

impl CalendarResult {
    /// The result of a computed calendar.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::CalendarResult;
    ///
    /// assert_eq!(CalendarResult::transfers(Vec::new()).transfers, Some(Vec::new()));
    /// ```
    #[must_use]
    pub fn transfers(transfers: Vec<Transfer>) -> CalendarResult {
        CalendarResult { transfers: Some(transfers), error: None }
    }

    /// The result of a calendar refused with `error`.
    ///
    /// # Example
    /// ```
    /// use eig_cases::result::{CalendarResult, ErrorResult};
    ///
    /// let refused = CalendarResult::refused(ErrorResult::message("m"));
    /// assert!(refused.transfers.is_none());
    /// ```
    #[must_use]
    pub fn refused(error: ErrorResult) -> CalendarResult {
        CalendarResult { transfers: None, error: Some(error) }
    }
}

/// One change of a set that would make a record eligible.
///
/// # Example
/// ```
/// use eig_cases::result::{ChangeResult, ChangesResult};
///
/// let result = ChangesResult::default();
/// let changes: Vec<&ChangeResult> =
///     result.sets.iter().flatten().flat_map(|set| &set.changes).collect();
/// assert!(changes.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChangeResult {
    /// The input changed, by its JSON path in the record (`defi.support`).
    pub path: String,
    /// Whether the change is an answer to give (a missing fact) rather than a value to change.
    pub answer: bool,
    /// The value now (`null` when missing).
    pub now: Value,
    /// The values that would do, any one of them.
    pub needed: Vec<Value>,
    /// The rules the change turns.
    pub rules: Vec<String>,
}

/// One minimal set of changes that would make a record eligible.
///
/// # Example
/// ```
/// use eig_cases::result::{ChangeSetResult, ChangesResult};
///
/// let result = ChangesResult::default();
/// let sets: &[ChangeSetResult] = result.sets.as_deref().unwrap_or_default();
/// assert!(sets.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChangeSetResult {
    /// The changes of the set.
    pub changes: Vec<ChangeResult>,
    /// The funding route the dossier would then take.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub funding_route: Option<FundingRoute>,
}

/// The result of a `changes` case.
///
/// # Example
/// ```
/// use eig_cases::result::ChangesResult;
///
/// assert_eq!(serde_json::to_value(ChangesResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct ChangesResult {
    /// The record's outcome as filed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<OutcomeName>,
    /// The minimal sets of changes that make it eligible, fewest changes first.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sets: Option<Vec<ChangeSetResult>>,
    /// How many more minimal sets were found than listed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<usize>,
    /// Whether every set of at most `max_changes` changes was examined (false when the bound
    /// on evaluations was reached).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub complete: Option<bool>,
    /// The rules no allowed change turns.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub blocked: Option<Vec<String>>,
    /// Why the search could not run (see [`ErrorResult`]).
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub error: Option<ErrorResult>,
}

/// A talent's funding in a `funding` case: the talent's plan, and each payer's amount.
///
/// # Example
/// ```
/// use eig_cases::result::FundingResult;
///
/// assert_eq!(serde_json::to_value(FundingResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct TalentResult {
    /// The talent's plan (its parts, costs and their sources).
    #[serde(flatten)]
    pub plan: TalentPlan,
    /// Each payer's amount for the talent, keyed by payer (`pia_through_cdc`, `host`…).
    pub by_payer: BTreeMap<Payer, Euros>,
}

/// The result of a `funding` case.
///
/// # Example
/// ```
/// use eig_cases::result::FundingResult;
///
/// let result = FundingResult::default();
/// assert!(result.totals.is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct FundingResult {
    /// Each payer's total, keyed by payer (`pia_through_cdc`, `programme352`, `dinum`,
    /// `host`, `alternative_source`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<ByPayer<Euros>>,
    /// The payers who pay nothing (an expected list must all be among them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub absent_payers: Option<Vec<Payer>>,
    /// Each talent's funding, keyed `"défi/talent"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub talents: Option<BTreeMap<String, TalentResult>>,
    /// Each défi's plan, keyed by défi id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub defis: Option<BTreeMap<String, DefiPlan>>,
    /// What the programme's envelope allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<EnvelopeOutcome>,
    /// The talents whose employer cost was estimated, `"défi/talent"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub estimated: Option<Vec<String>>,
    /// The ids of the parameters the scenario overrode.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub overridden: Option<Vec<String>>,
    /// Why the input could not be planned: the French message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The result of a `split` case.
///
/// # Example
/// ```
/// use eig_cases::result::SplitResult;
/// use eig_domain::Euros;
///
/// let result = SplitResult { share: Euros::from_whole(70), remainder: Euros::from_whole(30) };
/// assert_eq!(serde_json::to_value(result)?["share"], "70.00");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
pub struct SplitResult {
    /// The share of the total, rounded.
    pub share: Euros,
    /// The rest: the total less the share, to the cent.
    pub remainder: Euros,
}

/// The result of an `evenly` or `allocate` case: the parts, which sum to the total, or why
/// the amount could not be divided.
///
/// # Example
/// ```
/// use eig_cases::result::PartsResult;
/// use eig_domain::Euros;
///
/// let result = PartsResult::Parts(vec![Euros::from_whole(1)]);
/// assert_eq!(serde_json::to_value(&result)?, serde_json::json!(["1.00"]));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(untagged)]
#[non_exhaustive]
pub enum PartsResult {
    /// The parts, in order.
    Parts(Vec<Euros>),
    /// Why the amount could not be divided (see [`ErrorResult`]).
    Error(ErrorResult),
}

/// The result of a `matching` case: the parts of eig-matching's answer a case compares (not
/// eig-campaign's `MatchingResult`, a whole call's assignment).
///
/// # Example
/// ```
/// use eig_cases::result::MatchingCaseResult;
///
/// assert_eq!(serde_json::to_value(MatchingCaseResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "MatchingResult"))]
#[non_exhaustive]
pub struct MatchingCaseResult {
    /// Each placed candidate's défi, keyed by candidate id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment: Option<BTreeMap<String, String>>,
    /// The candidates placed nowhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unassigned: Option<Vec<String>>,
    /// The défis that run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub running: Option<Vec<String>>,
    /// The défis withdrawn (or closed by the search).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn: Option<Vec<String>>,
    /// The stability the assignment is certified for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub stability: Option<StabilityNotion>,
    /// Why the input could not be matched: the French message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The result of a `campaign` case: the parts of a whole call's outcome a case compares (not
/// eig-campaign's `CampaignResult`, the outcome itself).
///
/// # Example
/// ```
/// use eig_cases::result::CampaignCaseResult;
///
/// assert_eq!(serde_json::to_value(CampaignCaseResult::default())?, serde_json::json!({}));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "schemars", schemars(rename = "CampaignResult"))]
#[non_exhaustive]
pub struct CampaignCaseResult {
    /// Each dossier's decision, keyed by défi id (as a `dossier` case's result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dossiers: Option<BTreeMap<String, DecisionResult>>,
    /// Each candidate's decision, keyed by candidate id (as a `candidate` case's result).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub candidates: Option<BTreeMap<String, DecisionResult>>,
    /// The selected défis, in rank order.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub laureates: Option<Vec<String>>,
    /// Each payer's total for the laureates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub totals: Option<ByPayer<Euros>>,
    /// What the programme's envelope allows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub envelope: Option<EnvelopeOutcome>,
    /// Each placed candidate's défi, keyed by candidate id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub assignment: Option<BTreeMap<String, String>>,
    /// The candidates placed nowhere.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unassigned: Option<Vec<String>>,
    /// The records that could not be judged.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_judged: Option<Vec<String>>,
    /// The défis the jury withdrew after the selection, each with the candidates who chose it
    /// or were ranked for it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub withdrawn_by_jury: Option<BTreeMap<String, Vec<String>>>,
    /// Why the call could not run: the French message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Each kind of case (the input fields of a case that give that kind) and the JSON Schema of
/// its result, in the order `docs/testing.md` lists them.
///
/// # Example
/// ```
/// let schemas = eig_cases::result::result_schemas();
/// let (kinds, schema) = &schemas[0];
/// assert_eq!(kinds, &["dossier", "candidate", "ami5bis", "prolongation"]);
/// assert!(schema.as_object().is_some_and(|s| s.contains_key("properties")));
/// ```
#[cfg(feature = "schemars")]
#[must_use]
pub fn result_schemas() -> Vec<(&'static [&'static str], schemars::Schema)> {
    use schemars::schema_for;
    vec![
        (&["dossier", "candidate", "ami5bis", "prolongation"], schema_for!(DecisionResult)),
        (&["jury"], schema_for!(JuryResult)),
        (&["scores"], schema_for!(ScoresResult)),
        (&["eig7_terms"], schema_for!(Eig7TermsResult)),
        (&["eig7_cap"], schema_for!(Eig7CapResult)),
        (&["termination"], schema_for!(TerminationResult)),
        (&["changes"], schema_for!(ChangesResult)),
        (&["calendar"], schema_for!(CalendarResult)),
        (&["funding"], schema_for!(FundingResult)),
        (&["split"], schema_for!(SplitResult)),
        (&["evenly", "allocate"], schema_for!(PartsResult)),
        (&["matching"], schema_for!(MatchingCaseResult)),
        (&["campaign"], schema_for!(CampaignCaseResult)),
    ]
}
