//! The request and response shapes of the operations that are not a rule crate's own type:
//! what the command reads and prints with `--format json`, and what the service reads and
//! answers — the same shape everywhere.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use eig_domain::{CandidateId, Promotion, PromotionFacts, Sourced};
use eig_eligibility::{
    CandidateApplication, Decision, DefiDossier, Eig7ContractTerms, Outcome, RuleLine, Subject,
};
use eig_funding::{DefiPlan, PromotionInput, Scenario, TalentInput};
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::answers::{AnswerError, TypedAnswer};

/// What `decideEligibility` (`eig eligibility`, `POST /v1/eligibility`) reads: défi dossiers
/// and candidate applications, judged each on its own promotion's rules.
///
/// # Example
/// ```
/// let input: eig_api::EligibilityInput = serde_json::from_str(r#"{"dossiers": []}"#)?;
/// assert!(input.candidates.is_empty());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct EligibilityInput {
    /// The défi dossiers.
    #[serde(default)]
    pub dossiers: Vec<DefiDossier>,
    /// The candidates' applications.
    #[serde(default)]
    pub candidates: Vec<CandidateApplication>,
}

impl EligibilityInput {
    /// A batch of `dossiers` and `candidates`.
    ///
    /// # Example
    /// ```
    /// let input = eig_api::EligibilityInput::new(Vec::new(), Vec::new());
    /// assert!(input.dossiers.is_empty());
    /// ```
    pub fn new(dossiers: Vec<DefiDossier>, candidates: Vec<CandidateApplication>) -> Self {
        EligibilityInput { dossiers, candidates }
    }
}

/// What `explainDecision` (`eig explain`, `POST /v1/explain`) reads: one dossier or one
/// application.
///
/// # Example
/// ```
/// let input: Result<eig_api::ExplainInput, _> = serde_json::from_str(r#"{"nothing": 1}"#);
/// assert!(input.is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum ExplainInput {
    /// A défi dossier.
    Dossier(DefiDossier),
    /// A candidate's application.
    Candidate(CandidateApplication),
}

/// What `decideProlongation` answers: the request's decision, each talent's own outcome (AAC6+
/// §2.2 funds « 20 000 euros par EIG prolongé(e) »: each eligible talent is co-financed), and
/// the decision explained in French.
///
/// # Example
/// ```
/// let example = eig_api::shape("prolongation").unwrap().example(None)?;
/// let answer = eig_api::decide_prolongation(&serde_json::from_value(example)?)?;
/// assert!(!answer.talents.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ProlongationAnswer {
    /// The request's decision, with one trace entry per contract and rule.
    pub decision: Decision,
    /// Each talent's outcome: eligible talents are the co-financed ones.
    pub talents: Vec<eig_eligibility::TalentOutcome>,
    /// The decision explained in French, rule by rule with its source.
    pub explanation: String,
}

/// What `decideEligibility` answers: one result per dossier and per application, in input
/// order — a decision, or why the record could not be judged.
///
/// # Example
/// ```
/// let output = eig_api::decide_eligibility(&eig_api::EligibilityInput::default());
/// assert!(output.dossiers.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct EligibilityOutput {
    /// The dossiers' results.
    pub dossiers: Vec<RecordAnswer>,
    /// The applications' results.
    pub candidates: Vec<RecordAnswer>,
}

/// One record's result: its decision, or the record and why it could not be judged (the
/// other records are decided).
///
/// # Example
/// ```
/// use eig_api::RecordAnswer;
///
/// let judged = RecordAnswer::NotJudged {
///     subject: eig_eligibility::Subject::Dossier("d1".into()),
///     code: "no_published_rules".into(),
///     error: "pas de règles".into(),
/// };
/// assert_eq!(serde_json::to_value(&judged)?["code"], "no_published_rules");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum RecordAnswer {
    /// The decision, with its trace.
    Decided(Decision),
    /// A decision without its trace (`eig eligibility --trace=never`, and by default above
    /// 5 000 records).
    Brief {
        /// The promotion whose rules decided.
        promotion: Promotion,
        /// The dossier or candidate.
        subject: Subject,
        /// The decision.
        outcome: Outcome,
    },
    /// The record could not be judged.
    NotJudged {
        /// The dossier or candidate.
        subject: Subject,
        /// The stable code of why (the codes of `docs/errors.md`).
        code: String,
        /// Why it could not be judged, in French.
        error: String,
    },
}

impl RecordAnswer {
    /// The same result without the decision's trace.
    ///
    /// # Example
    /// ```
    /// use eig_api::RecordAnswer;
    ///
    /// let judged = RecordAnswer::NotJudged {
    ///     subject: eig_eligibility::Subject::Dossier("d1".into()),
    ///     code: "x".into(),
    ///     error: "e".into(),
    /// };
    /// assert_eq!(judged.clone().brief(), judged);
    /// ```
    #[must_use]
    pub fn brief(self) -> RecordAnswer {
        match self {
            RecordAnswer::Decided(Decision { promotion, subject, outcome, .. }) => {
                RecordAnswer::Brief { promotion, subject, outcome }
            }
            other => other,
        }
    }
}

/// A decision and its French explanation: what `explainDecision`,
/// `decideProlongation` and `decideAmi5bis` answer.
///
/// # Example
/// ```
/// let explained = eig_api::explain_decision(&eig_api::ExplainInput::Dossier(
///     eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?))?;
/// assert!(explained.explanation.contains("éligible"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Explanation {
    /// The decision, with its trace.
    pub decision: Decision,
    /// The decision explained in French, rule by rule with its source (CRPA art.
    /// R. 311-3-1-2).
    pub explanation: String,
}

/// What `changesToEligibility` answers: the minimal sets of changes and the answer in French.
///
/// # Example
/// ```
/// let input: eig_cases::ChangesInput = serde_json::from_value(
///     eig_api::shape("changes").unwrap().example(None)?)?;
/// let answer = eig_api::changes_to_eligibility(&input)?;
/// assert!(answer.explanation.starts_with("Le dossier serait éligible si :"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct ChangesAnswer {
    /// The decision as filed, the sets of changes and what stands in the way.
    pub changes: eig_eligibility::Counterfactuals,
    /// The answer in French: one line per change with its sources, the alternatives joined
    /// by ou.
    pub explanation: String,
}

/// What `planFundingScenario` (`POST /v1/funding/scenario`) reads: a promotion's défis and
/// the overrides.
///
/// # Example
/// ```
/// let request: Result<eig_api::FundingRequest, _> = serde_json::from_str("{}");
/// assert!(request.is_err()); // `input` is required
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct FundingRequest {
    /// The défis, their routes and their talents (the input of `eig funding`).
    pub input: PromotionInput,
    /// The overrides (the input of `eig funding --scenario`); none when absent.
    #[serde(default)]
    pub scenario: Scenario,
}

/// What `assignTalents` (`eig match`, `POST /v1/match`) answers: the verified report and,
/// when asked for, the explanations.
///
/// # Example
/// ```
/// let input = eig_matching::generate(&eig_matching::GeneratorConfig::eig_call(2018)).to_input();
/// let output = eig_api::assign_talents(&input, &eig_matching::Options::default(), false)?;
/// assert!(output.explanations.is_none());
/// # Ok::<(), eig_api::ApiError>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct MatchOutput {
    /// The assignment, verified.
    pub report: eig_matching::MatchingReport,
    /// Every placement and every défi explained: with `--explain`, and by default for an input
    /// of at most 5 000 candidates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(with = "eig_matching::Explanations")]
    pub explanations: Option<eig_matching::Explanations>,
}

/// What `officialFigures` (`eig history`, `GET /v1/history`) answers.
///
/// # Example
/// ```
/// let output = eig_api::official_figures(Some(eig_domain::Promotion::Eig3));
/// assert_eq!(output.figures.len(), 1);
/// assert_eq!(output.defis.len(), 15);
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct HistoryOutput {
    /// The figures of every promotion, or of the one asked for.
    pub figures: Vec<eig_history::FiguresRow>,
    /// The sourced facts of the promotion asked for (`null` without one).
    pub facts: Option<PromotionFacts>,
    /// The défi records of the promotion asked for (empty without one).
    pub defis: Vec<eig_history::DefiRecord>,
}

/// What `simulate` (`POST /v1/simulate`) reads: one défi dossier, and optionally its
/// talents' costs.
///
/// # Example
/// ```
/// let simulation: Result<eig_api::Simulation, _> = serde_json::from_str("{}");
/// assert!(simulation.is_err()); // `dossier` is required
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Simulation {
    /// The dossier, with `null` for every answer not given yet.
    pub dossier: DefiDossier,
    /// The talents to fund (experience, employer cost); without them, one talent per seat at
    /// the reference cost where the promotion has one.
    #[serde(default)]
    pub talents: Vec<TalentInput>,
    /// Answers as a person typed them, by field: a field of the dossier (`submitted_at`) or
    /// of a talent (`talents.t1.experience`, `talents.t1.employer_cost.contract`). Each is
    /// read in French conventions (dates, Paris time, euros) and put in its place, over what
    /// the dossier or the talent says; one that cannot be read is listed in the answer's
    /// `answer_errors` and counts as not given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub typed: BTreeMap<String, TypedAnswer>,
}

impl Simulation {
    /// A simulation of `dossier`, with no talent and no typed answer.
    ///
    /// # Example
    /// ```
    /// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
    /// assert!(eig_api::simulate(&eig_api::Simulation::new(dossier))?.plan.is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(dossier: DefiDossier) -> Self {
        Simulation { dossier, talents: Vec::new(), typed: BTreeMap::new() }
    }
}

/// A talent's input the funding plan still needs.
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig7)?;
/// let result = eig_api::simulate(&eig_api::Simulation::new(dossier))?;
/// assert_eq!(result.talents_missing[0].input, eig_api::TalentField::Experience);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct TalentMissing {
    /// The talent.
    pub talent: CandidateId,
    /// What is missing.
    pub input: TalentField,
    /// Why, in French.
    pub why: String,
}

/// A talent's input a funding plan may need.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum TalentField {
    /// The professional experience, to read the promotion's pay grid.
    Experience,
    /// The total employer cost, where no documented reference applies.
    EmployerCost,
}

/// What `simulateCandidate` (`eig simulate-candidate`, `POST /v1/simulate/candidate`)
/// reads: one candidate's application, and answers as the candidate typed them.
///
/// # Example
/// ```
/// let simulation: Result<eig_api::CandidateSimulation, _> = serde_json::from_str("{}");
/// assert!(simulation.is_err()); // `application` is required
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct CandidateSimulation {
    /// The application, with `null` for every answer not given yet.
    pub application: CandidateApplication,
    /// Answers as the candidate typed them, by field of the application (`submitted_at`,
    /// `choices_submitted_at`): read in French conventions and put in their place; one that
    /// cannot be read is listed in `answer_errors` and counts as not given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub typed: BTreeMap<String, TypedAnswer>,
}

impl CandidateSimulation {
    /// A simulation of `application`, with no typed answer.
    ///
    /// # Example
    /// ```
    /// let application = eig_api::fixtures::application(eig_domain::Promotion::Eig3)?;
    /// let result = eig_api::simulate_candidate(&eig_api::CandidateSimulation::new(application))?;
    /// assert!(result.answer_errors.is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(application: CandidateApplication) -> Self {
        CandidateSimulation { application, typed: BTreeMap::new() }
    }
}

/// What `simulateCandidate` answers.
///
/// # Example
/// ```
/// let application = eig_api::fixtures::application(eig_domain::Promotion::Eig7)?;
/// let result = eig_api::simulate_candidate(&eig_api::CandidateSimulation::new(application))?;
/// assert!(result.explanation.contains("éligible"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct CandidateSimulationResult {
    /// The application's decision (incomplete ones name the missing inputs).
    pub decision: Decision,
    /// The decision explained in French, with each rule's source.
    pub explanation: String,
    /// Each rule as a person reads it: title, status, why, source.
    pub rules: Vec<RuleLine>,
    /// The typed answers that could not be read, each with its message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_errors: Vec<AnswerError>,
    /// When the application is not eligible: what would make it eligible (the minimal sets of
    /// changes, as `changesToEligibility` answers them with the default options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<eig_eligibility::Counterfactuals>,
}

/// What `simulate` answers.
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// let result = eig_api::simulate(&serde_json::from_value(serde_json::json!({"dossier": dossier}))?)?;
/// assert!(result.plan.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct SimulationResult {
    /// The dossier's decision (incomplete ones name the missing inputs).
    pub decision: Decision,
    /// The decision explained in French, with each rule's source.
    pub explanation: String,
    /// Each rule as a person reads it: title, status, why, source.
    pub rules: Vec<RuleLine>,
    /// The défi's funding plan, when the dossier is eligible and the plan can be computed.
    pub plan: Option<DefiPlan>,
    /// Why there is no plan for an eligible dossier.
    pub plan_problem: Option<String>,
    /// The stable code of that reason.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_problem_code: Option<String>,
    /// Every talent's input the plan still needs, in the order of the talents (then there is
    /// no plan).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub talents_missing: Vec<TalentMissing>,
    /// The typed answers that could not be read, each with its message.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub answer_errors: Vec<AnswerError>,
    /// When the dossier is not eligible: what would make it eligible (the minimal sets of
    /// changes, as `changesToEligibility` answers them with the default options).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changes: Option<eig_eligibility::Counterfactuals>,
}

/// One value and its French label.
///
/// # Example
/// ```
/// let vocabulary = eig_api::vocabulary();
/// assert_eq!(vocabulary.promotions[0].label, "EIG2");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
// Its JSON Schema keeps the name it had as `Label`: the served schemas are unchanged.
#[schemars(rename = "Label")]
#[non_exhaustive]
pub struct LabelledValue {
    /// The value, as the JSON inputs write it.
    pub value: Value,
    /// Its French label.
    pub label: String,
}

/// What `vocabulary` (`GET /v1/vocabulary`) answers: the French labels of the values a
/// person chooses among.
///
/// # Example
/// ```
/// assert!(eig_api::vocabulary().host_kinds.len() > 5);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Vocabulary {
    /// The promotions whose rules are published.
    pub promotions: Vec<LabelledValue>,
    /// The kinds of host administration.
    pub host_kinds: Vec<LabelledValue>,
    /// The funding routes.
    pub funding_routes: Vec<LabelledValue>,
    /// The payers of a funding plan.
    pub payers: Vec<LabelledValue>,
    /// The outcomes of a decision.
    pub outcomes: Vec<LabelledValue>,
    /// The phases of a service's product page on beta.gouv.fr.
    pub beta_phases: Vec<LabelledValue>,
    /// The talents' profiles.
    pub talent_profiles: Vec<LabelledValue>,
    /// Natural or legal person.
    pub person_kinds: Vec<LabelledValue>,
    /// A candidate's relation to the civil service.
    pub civil_service: Vec<LabelledValue>,
    /// A candidate's studies.
    pub studies: Vec<LabelledValue>,
    /// The question a host administration is asked for each input a dossier's decision or
    /// its plan may name as missing (`submitted_at`, `talent.experience`…).
    pub questions: Vec<LabelledValue>,
    /// The question a candidate is asked for each input an application's decision may name
    /// as missing (`submitted_at`, `candidate.status.person`…).
    pub candidate_questions: Vec<LabelledValue>,
    /// The commitments a host administration attests.
    pub commitments: Vec<LabelledValue>,
    /// The roles of the people who support the talents (mentors, porteur de projet, sponsor).
    pub support_roles: Vec<LabelledValue>,
}

/// What `eig7Terms` (`eig eig7-terms`, `POST /v1/eig7/terms`) answers: the dated terms of
/// an EIG7 contract (REG7 §2.3, §3.4 d) and the day a renewal notice must be answered by,
/// each with its source.
///
/// # Example
/// ```
/// let input: eig_cases::Eig7TermsInput =
///     serde_json::from_str(r#"{"starts_on": "2024-03-01", "arrived_on": "2024-03-01"}"#)?;
/// let terms = eig_api::eig7_terms(&input)?;
/// assert!(terms.contract.is_some() && terms.renewal_answer_by.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct Eig7Terms {
    /// The contract's terms, when its first day and the talent's arrival are given.
    pub contract: Option<Eig7ContractTerms>,
    /// The last day to answer a renewal notice, when the day it was received is given.
    pub renewal_answer_by: Option<Sourced<NaiveDate>>,
}

/// The result of one case file run by `runCases` (`POST /v1/cases`).
///
/// # Example
/// ```
/// let result = eig_api::run_cases("[]")?;
/// assert_eq!((result.passed, result.failed), (0, 0));
/// # Ok::<(), eig_api::ApiError>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct TestOutput {
    /// Cases that passed.
    pub passed: usize,
    /// Cases that failed, for their expected fields or their citation, or could not be read.
    pub failed: usize,
    /// Each case's result, in file order.
    pub cases: Vec<CaseResult>,
}

/// One case's result, with where it comes from.
///
/// # Example
/// ```
/// let result = eig_api::run_cases(r#"[{"title": "t", "source": "docs/rules/funding.md#funding.schedule",
///   "evenly": {"total": "1.00", "parts": 3}, "expected": ["0.34", "0.33", "0.33"]}]"#)?;
/// assert_eq!(result.cases[0].status, "passed");
/// # Ok::<(), eig_api::ApiError>(())
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[non_exhaustive]
pub struct CaseResult {
    /// The file (`body.json` for a request).
    pub file: String,
    /// The case's position in the file, from 1.
    pub case: usize,
    /// `passed`, `failed` (an expected field differs), `miscited` (its citation does not hold
    /// against the texts: a document, a section, a quote or a rule id), or `unreadable` (the
    /// case could not be read).
    #[schemars(extend("enum" = ["passed", "failed", "miscited", "unreadable"]))]
    pub status: String,
    /// The case's report (title, source, rules, differences, rules' trace, actual result).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schemars(with = "Option<serde_json::Value>")]
    pub report: Option<eig_cases::Report>,
    /// Why the case could not be read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// A JSON Schema document (draft 2020-12).
///
/// # Example
/// ```
/// let schema = eig_api::shape("funding").map(eig_api::Shape::schema);
/// assert!(schema.is_some());
/// ```
#[derive(Clone, Debug, Serialize, schemars::JsonSchema)]
#[schemars(transparent)]
pub struct SchemaDocument(pub serde_json::Map<String, Value>);
