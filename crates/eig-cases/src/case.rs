//! The public case format, version 1: a case is what a rule is expected to decide for one
//! input, with the sentence it tests.

use chrono::NaiveDate;
use eig_campaign::Campaign;
use eig_domain::{Euros, Share};
use eig_eligibility::{
    CandidateApplication, CandidateScoreSheet, DefiDossier, FundingConvention, JurySheet,
    ProlongationRequest,
};
use eig_funding::{PromotionInput, RoundingRule, Scenario, TransferEvents};
use eig_matching::{MatchingInput, Options};
use serde::{Deserialize, Serialize};

/// The format's name and version, the value of a file's optional `format` field.
///
/// # Example
/// ```
/// assert_eq!(eig_cases::FORMAT, "eig-case/1");
/// ```
pub const FORMAT: &str = "eig-case/1";

/// One case as written in a file: what it checks, the text it tests, **exactly one** input,
/// and the expected result — partial: only the fields written are compared.
///
/// JSON, or YAML with comments (see `docs/testing.md`); `eig schema case` gives its JSON
/// Schema. The inputs are the library's own shapes (`eig example <kind>`); the expected
/// fields of each kind are listed on [`CaseInput`].
///
/// # Example
/// ```
/// use eig_cases::RawCase;
///
/// let case: RawCase = serde_json::from_str(r#"{
///   "title": "EIG3: 70 % of 70 000 € is paid by the PIA",
///   "source": "AAP3 §3.1.1",
///   "quote": "Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total employeur du recrutement de chaque EIG.",
///   "rules": ["funding.pia_share_of_employer_cost"],
///   "funding": {"promotion": "EIG3", "defis": [{"defi": "d1", "route": "direct",
///     "host": {"kind": "ministry"},
///     "talents": [{"talent": "t1", "employer_cost": {"contract": "70000"}}]}]},
///   "expected": {"totals": {"pia_through_cdc": "49000.00"}}
/// }"#)?;
/// assert!(case.funding.is_some());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// `scenario` goes with a `funding` input and `options` with a `matching` one: given and not
// null, each needs its input, given and not null.
#[cfg_attr(
    feature = "schemars",
    schemars(extend("dependentSchemas" = {
        "scenario": {"anyOf": [
            {"properties": {"scenario": {"type": "null"}}},
            {"required": ["funding"], "properties": {"funding": {"not": {"type": "null"}}}}
        ]},
        "options": {"anyOf": [
            {"properties": {"options": {"type": "null"}}},
            {"required": ["matching"], "properties": {"matching": {"not": {"type": "null"}}}}
        ]}
    }))
)]
#[serde(deny_unknown_fields)]
pub struct RawCase {
    /// What the case checks, in a sentence.
    // Not blank: one character that is not white space (Rust's `char::is_whitespace`).
    #[cfg_attr(
        feature = "schemars",
        schemars(extend("pattern" = "[^\\t-\\r \\u0085\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]"))
    )]
    pub title: String,
    /// The text it tests, as the catalogue cites it (`AAP3 §3.1.2`), or the catalogue entry
    /// for a design choice (`docs/rules/funding.md#funding.rounding`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The sentence tested, quoted verbatim from the source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// The rule ids it covers (`eig3.host.funding_route`, `funding.envelope`); for an
    /// eligibility case, each must be in the decision's trace.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// More explanation, when the title is not enough.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Input: a défi dossier (expected: `outcome`, `funding_route`, `failing_rules`,
    /// `missing`, `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dossier: Option<DefiDossier>,
    /// Input: a candidate's application (expected as for a dossier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub candidate: Option<CandidateApplication>,
    /// Input: an application to the AMI Promotion 5 bis (expected as for a dossier).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ami5bis: Option<CandidateApplication>,
    /// Input: a request for the co-financing of EIG6 prolongations (expected as for a
    /// dossier, plus `talents`: each talent's outcome, `eligible` when co-financed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prolongation: Option<ProlongationRequest>,
    /// Input: the jury's sheet (expected: `selected`, `ranking`, `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jury: Option<JurySheet>,
    /// Input: a candidate jury's score sheet (expected: `ranks`, one list of tie groups per
    /// `"défi/profile"`, or per `"profile"` where the phase ranks by profile alone, and
    /// `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scores: Option<CandidateScoreSheet>,
    /// Input: an EIG7 contract's days (expected: `dates`, and `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eig7_terms: Option<Eig7TermsInput>,
    /// Input: EIG7 recruitments in a year (expected: `cap`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub eig7_cap: Option<Eig7CapInput>,
    /// Input: a funding convention's termination notified on a day (expected: `dates`, its
    /// `effective_on`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub termination: Option<TerminationInput>,
    /// Input: a promotion's funding input and the days of the events its transfers wait for
    /// (expected: `transfers`, each with its `defi`, `payer`, `amount`, `event`, `on`,
    /// `expected` periods, `rules` and `sources`; `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<CalendarInput>,
    /// Input: a dossier or an application and what cannot change (expected: `outcome` as
    /// filed, `sets`, each with its `changes` by `path` and their `needed` values, `blocked`:
    /// the rules no allowed change turns, `more`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<ChangesInput>,
    /// Input: a promotion's funding input (expected: `totals`, `absent_payers`, `defis`,
    /// `talents`, `envelope`, `estimated`, `overridden`, `error`), planned under `scenario`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<PromotionInput>,
    /// The scenario of a funding case (the official rules when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scenario: Option<Scenario>,
    /// Input: a split of an amount by a share (expected: `share`, `remainder`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub split: Option<SplitInput>,
    /// Input: an amount split evenly (expected: the list of parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evenly: Option<EvenlyInput>,
    /// Input: an amount allocated by weights (expected: the list of parts).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub allocate: Option<AllocateInput>,
    /// Input: a matching problem (expected: `assignment`, `unassigned`, `running`,
    /// `withdrawn`, `error`), solved with `options`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matching: Option<MatchingInput>,
    /// The options of a matching case (the defaults when absent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub options: Option<Options>,
    /// Input: a whole call (expected: `dossiers`, `candidates`, `laureates`, `totals`,
    /// `envelope`, `assignment`, `unassigned`, `not_judged`, `withdrawn_by_jury`, `error`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub campaign: Option<Campaign>,
    /// The expected result: a JSON object whose fields are compared with the actual
    /// result's (objects field by field, lists element by element, `failing_rules` and
    /// `missing` as sets, `absent_payers` as payers that must all pay nothing); a field not
    /// written is not compared.
    pub expected: serde_json::Value,
}

/// A file of cases: one case, a list of cases, or `{"format": "eig-case/1", "cases": [...]}`.
///
/// # Example
/// ```
/// use eig_cases::CaseFile;
///
/// let file: CaseFile = serde_json::from_str(r#"{"format": "eig-case/1", "cases": []}"#)?;
/// assert!(matches!(file, CaseFile::Many { .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(untagged)]
pub enum CaseFile {
    /// Several cases, with the format's version (nothing else beside them: `read_cases`
    /// refuses any other field).
    #[cfg_attr(feature = "schemars", schemars(extend("additionalProperties" = false)))]
    Many {
        /// `eig-case/1`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        #[cfg_attr(feature = "schemars", schemars(schema_with = "format_schema"))]
        format: Option<String>,
        /// The cases.
        cases: Vec<RawCase>,
    },
    /// A list of cases.
    List(Vec<RawCase>),
    /// One case.
    One(Box<RawCase>),
}

/// A split of `total` by `share` (the share to one payer, the remainder to the other).
///
/// # Example
/// ```
/// let input: eig_cases::SplitInput = serde_json::from_str(r#"{"total": "100.00", "share": "0.7"}"#)?;
/// assert_eq!(input.total.to_string(), "100.00");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SplitInput {
    /// The amount.
    pub total: Euros,
    /// The share.
    pub share: Share,
    /// The rounding (half up to the cent when absent).
    #[serde(default)]
    pub rounding: RoundingRule,
}

/// `total` split into `parts` even parts.
///
/// # Example
/// ```
/// let input: eig_cases::EvenlyInput = serde_json::from_str(r#"{"total": "1.00", "parts": 3}"#)?;
/// assert_eq!(input.parts, 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct EvenlyInput {
    /// The amount.
    pub total: Euros,
    /// How many parts.
    pub parts: u32,
}

/// `total` allocated in proportion to `weights`.
///
/// # Example
/// ```
/// let input: eig_cases::AllocateInput = serde_json::from_str(r#"{"total": "1.00", "weights": [1, 1, 1]}"#)?;
/// assert_eq!(input.weights.len(), 3);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct AllocateInput {
    /// The amount.
    pub total: Euros,
    /// The weights.
    #[cfg_attr(feature = "schemars", schemars(schema_with = "weights_schema"))]
    pub weights: Vec<u128>,
}

/// An EIG7 contract's days: its first day (REG7 §2.3) and the talent's arrival (REG7 §3.4 d),
/// and/or the day a renewal notice was received (REG7 §2.3).
///
/// # Example
/// ```
/// let input: eig_cases::Eig7TermsInput =
///     serde_json::from_str(r#"{"starts_on": "2024-03-01", "arrived_on": "2024-03-01"}"#)?;
/// assert!(input.renewal_notice_received_on.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
// The contract's first day goes with the talent's arrival (a day given, not null), and a day
// must be given: what eig-api's `eig7_terms` refuses otherwise.
#[cfg_attr(
    feature = "schemars",
    schemars(extend(
        "allOf" = [
            {"if": {"required": ["starts_on"], "properties": {"starts_on": {"type": "string"}}},
             "then": {"required": ["arrived_on"], "properties": {"arrived_on": {"type": "string"}}}},
            {"if": {"required": ["arrived_on"], "properties": {"arrived_on": {"type": "string"}}},
             "then": {"required": ["starts_on"], "properties": {"starts_on": {"type": "string"}}}}
        ],
        "anyOf" = [
            {"required": ["starts_on"], "properties": {"starts_on": {"type": "string"}}},
            {"required": ["renewal_notice_received_on"],
             "properties": {"renewal_notice_received_on": {"type": "string"}}}
        ]
    ))
)]
#[serde(deny_unknown_fields)]
pub struct Eig7TermsInput {
    /// The contract's first day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starts_on: Option<NaiveDate>,
    /// The talent's arrival.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub arrived_on: Option<NaiveDate>,
    /// The day a renewal notice was received.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub renewal_notice_received_on: Option<NaiveDate>,
}

/// EIG7 recruitments in a year (REG7 §2.6 b).
///
/// # Example
/// ```
/// let input: eig_cases::Eig7CapInput = serde_json::from_str(r#"{"year": 2024, "recruited": 29}"#)?;
/// assert_eq!(input.recruited, 29);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Eig7CapInput {
    /// The year.
    pub year: i32,
    /// Talents recruited that year.
    pub recruited: u32,
}

/// A funding convention's termination, notified on a day (AAP6 annexe 3 art. 8).
///
/// # Example
/// ```
/// let input: eig_cases::TerminationInput =
///     serde_json::from_str(r#"{"convention": "aap6", "notified_on": "2022-11-15"}"#)?;
/// assert_eq!(input.notified_on.to_string(), "2022-11-15");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct TerminationInput {
    /// The convention terminated.
    pub convention: FundingConvention,
    /// The day the termination was notified to the laureate administration.
    pub notified_on: NaiveDate,
}

/// A promotion's funding input and the days of the events its transfers wait for (the input
/// of the table's `fundingCalendar`): the plan is computed under the official rules, then
/// its calendar of transfers (AAP3 §5.2; AAP4 §3.3; AAP6 annexe 3 art. 4).
///
/// # Example
/// ```
/// let input: eig_cases::CalendarInput = serde_json::from_str(r#"{"funding": {"promotion": "EIG4",
///   "defis": [{"defi": "d1", "route": "direct", "host": {"kind": "ministry"}, "talents": []}]},
///   "events": {"decree_published_on": "2020-11-20"}}"#)?;
/// assert_eq!(input.events.decree_published_on.map(|day| day.to_string()).as_deref(), Some("2020-11-20"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CalendarInput {
    /// The promotion's funding input.
    pub funding: PromotionInput,
    /// The days of the events, as far as they are known; none: every transfer undated.
    #[serde(default)]
    pub events: TransferEvents,
}

/// What would make a dossier or an application eligible: the record and what cannot change
/// (the input of the table's `changesToEligibility`).
///
/// # Example
/// ```
/// let input: eig_cases::ChangesInput = serde_json::from_str(r#"{"record": {"candidate": {
///   "promotion": "EIG3", "candidate": {"id": "c", "profile": "designer"}}},
///   "options": {"fixed": ["candidate.status.jury_member"]}}"#)?;
/// assert!(matches!(input.record, eig_cases::ChangesRecord::Candidate(_)));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct ChangesInput {
    /// The dossier (`{"dossier": …}`) or the application (`{"candidate": …}`).
    pub record: ChangesRecord,
    /// The inputs held fixed and the bounds on the answer.
    #[serde(default)]
    pub options: eig_eligibility::ChangeOptions,
}

impl ChangesInput {
    /// The question for `record`, with the default options.
    ///
    /// # Example
    /// ```
    /// # let application: eig_eligibility::CandidateApplication = serde_json::from_str(
    /// #     r#"{"promotion": "EIG3", "candidate": {"id": "c", "profile": "designer"}}"#)?;
    /// let input = eig_cases::ChangesInput::new(eig_cases::ChangesRecord::Candidate(application));
    /// assert_eq!(input.options.max_changes, 6);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn new(record: ChangesRecord) -> Self {
        ChangesInput { record, options: eig_eligibility::ChangeOptions::default() }
    }
}

/// The record of a [`ChangesInput`]: a défi dossier or a candidate's application.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ChangesRecord {
    /// A défi dossier.
    Dossier(DefiDossier),
    /// A candidate's application.
    Candidate(CandidateApplication),
}

/// A case's one input, with the expected fields each kind compares.
///
/// # Example
/// ```
/// use eig_cases::{Case, CaseInput, RawCase};
///
/// let raw: RawCase = serde_json::from_str(r#"{"title": "t", "evenly": {"total": "1.00", "parts": 3},
///   "expected": ["0.34", "0.33", "0.33"]}"#)?;
/// let case = Case::try_from(raw)?;
/// assert!(matches!(case.input, CaseInput::Evenly(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum CaseInput {
    /// A défi dossier.
    Dossier(Box<DefiDossier>),
    /// A candidate's application.
    Candidate(Box<CandidateApplication>),
    /// An application to the AMI Promotion 5 bis.
    Ami5bis(Box<CandidateApplication>),
    /// A request for the co-financing of EIG6 prolongations.
    Prolongation(Box<ProlongationRequest>),
    /// The jury's sheet.
    Jury(Box<JurySheet>),
    /// A candidate jury's score sheet.
    Scores(Box<CandidateScoreSheet>),
    /// An EIG7 contract's days.
    Eig7Terms(Eig7TermsInput),
    /// EIG7 recruitments in a year.
    Eig7Cap(Eig7CapInput),
    /// A promotion's funding input and its scenario.
    Funding(Box<PromotionInput>, Box<Scenario>),
    /// A split.
    Split(SplitInput),
    /// An even split.
    Evenly(EvenlyInput),
    /// An allocation by weights.
    Allocate(AllocateInput),
    /// A matching problem and its options.
    Matching(Box<MatchingInput>, Options),
    /// A whole call.
    Campaign(Box<Campaign>),
    // Last: a variant added after 0.1.0 goes at the end, keeping the others' discriminants.
    /// A funding convention's termination.
    Termination(TerminationInput),
    /// What would make a dossier or an application eligible.
    Changes(Box<ChangesInput>),
    /// A promotion's funding input and the days of its transfers' events.
    Calendar(Box<CalendarInput>),
}

/// A case checked for its shape: a title, exactly one input, an expected result.
///
/// # Example
/// ```
/// use eig_cases::{Case, RawCase};
///
/// let raw: RawCase = serde_json::from_str(r#"{"title": "two inputs",
///   "evenly": {"total": "1.00", "parts": 3}, "allocate": {"total": "1.00", "weights": [1]},
///   "expected": {}}"#)?;
/// let err = Case::try_from(raw).unwrap_err();
/// assert_eq!(err.to_string(), "un cas a exactement une entrée ; celui-ci en a 2 (evenly, allocate) : gardez-en une");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Case {
    /// What the case checks.
    pub title: String,
    /// The text it tests.
    pub source: Option<String>,
    /// The sentence tested.
    pub quote: Option<String>,
    /// The rule ids it covers.
    pub rules: Vec<String>,
    /// More explanation.
    pub note: Option<String>,
    /// The input.
    pub input: CaseInput,
    /// The expected result (partial).
    pub expected: serde_json::Value,
}

/// Why a case's shape is wrong.
///
/// # Example
/// ```
/// use eig_cases::{Case, RawCase, ShapeError};
///
/// let raw: RawCase = serde_json::from_str(r#"{"title": "", "expected": {}}"#)?;
/// assert_eq!(Case::try_from(raw), Err(ShapeError::NoTitle));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ShapeError {
    /// The title is empty.
    #[error("un cas a besoin d'un titre (title) qui dit ce qu'il vérifie : ajoutez-en un")]
    NoTitle,
    /// No input, or several.
    #[error(
        "un cas a exactement une entrée ; celui-ci en a {}{}{} : gardez-en une",
        found.len(),
        if found.is_empty() { "" } else { " (" },
        if found.is_empty() { String::new() } else { format!("{})", found.join(", ")) }
    )]
    Inputs {
        /// The inputs found.
        found: Vec<&'static str>,
    },
    /// A scenario without a funding input, or options without a matching problem.
    #[error("le champ {field} va avec une entrée {with} : retirez-le ou donnez une entrée {with}")]
    Stray {
        /// The field.
        field: &'static str,
        /// The input it belongs to.
        with: &'static str,
    },
}

impl ShapeError {
    /// Its stable code: `case_without_title`, `case_inputs`, `case_stray_field`.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_cases::ShapeError::NoTitle.code(), "case_without_title");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            ShapeError::NoTitle => "case_without_title",
            ShapeError::Inputs { .. } => "case_inputs",
            ShapeError::Stray { .. } => "case_stray_field",
        }
    }
}

/// The schema of [`CaseFile::Many`]'s `format`: when given, the format this crate reads.
#[cfg(feature = "schemars")]
fn format_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({"description": "`eig-case/1`.", "const": FORMAT})
}

/// The schema of the weights of an `allocate` case: a case is read through a JSON value,
/// which holds an integer up to 2^64 − 1, so a weight is at most that (the function takes
/// `u128`).
#[cfg(feature = "schemars")]
fn weights_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "type": "array",
        "items": {"type": "integer", "minimum": 0, "maximum": u64::MAX},
    })
}

impl TryFrom<RawCase> for Case {
    type Error = ShapeError;

    fn try_from(raw: RawCase) -> Result<Case, ShapeError> {
        if raw.title.trim().is_empty() {
            return Err(ShapeError::NoTitle);
        }
        if raw.scenario.is_some() && raw.funding.is_none() {
            return Err(ShapeError::Stray { field: "scenario", with: "funding" });
        }
        if raw.options.is_some() && raw.matching.is_none() {
            return Err(ShapeError::Stray { field: "options", with: "matching" });
        }
        let mut inputs = Vec::new();
        if let Some(dossier) = raw.dossier {
            inputs.push(("dossier", CaseInput::Dossier(Box::new(dossier))));
        }
        if let Some(candidate) = raw.candidate {
            inputs.push(("candidate", CaseInput::Candidate(Box::new(candidate))));
        }
        if let Some(application) = raw.ami5bis {
            inputs.push(("ami5bis", CaseInput::Ami5bis(Box::new(application))));
        }
        if let Some(request) = raw.prolongation {
            inputs.push(("prolongation", CaseInput::Prolongation(Box::new(request))));
        }
        if let Some(jury) = raw.jury {
            inputs.push(("jury", CaseInput::Jury(Box::new(jury))));
        }
        if let Some(sheet) = raw.scores {
            inputs.push(("scores", CaseInput::Scores(Box::new(sheet))));
        }
        if let Some(terms) = raw.eig7_terms {
            inputs.push(("eig7_terms", CaseInput::Eig7Terms(terms)));
        }
        if let Some(cap) = raw.eig7_cap {
            inputs.push(("eig7_cap", CaseInput::Eig7Cap(cap)));
        }
        if let Some(changes) = raw.changes {
            inputs.push(("changes", CaseInput::Changes(Box::new(changes))));
        }
        if let Some(termination) = raw.termination {
            inputs.push(("termination", CaseInput::Termination(termination)));
        }
        if let Some(calendar) = raw.calendar {
            inputs.push(("calendar", CaseInput::Calendar(Box::new(calendar))));
        }
        if let Some(funding) = raw.funding {
            let scenario = Box::new(raw.scenario.unwrap_or_default());
            inputs.push(("funding", CaseInput::Funding(Box::new(funding), scenario)));
        }
        if let Some(split) = raw.split {
            inputs.push(("split", CaseInput::Split(split)));
        }
        if let Some(evenly) = raw.evenly {
            inputs.push(("evenly", CaseInput::Evenly(evenly)));
        }
        if let Some(allocate) = raw.allocate {
            inputs.push(("allocate", CaseInput::Allocate(allocate)));
        }
        if let Some(matching) = raw.matching {
            let options = raw.options.unwrap_or_default();
            inputs.push(("matching", CaseInput::Matching(Box::new(matching), options)));
        }
        if let Some(campaign) = raw.campaign {
            inputs.push(("campaign", CaseInput::Campaign(Box::new(campaign))));
        }
        if inputs.len() != 1 {
            return Err(ShapeError::Inputs {
                found: inputs.iter().map(|(name, _)| *name).collect(),
            });
        }
        let Some((_, input)) = inputs.pop() else {
            return Err(ShapeError::Inputs { found: Vec::new() });
        };
        Ok(Case {
            title: raw.title,
            source: raw.source,
            quote: raw.quote,
            rules: raw.rules,
            note: raw.note,
            input,
            expected: raw.expected,
        })
    }
}
