//! The rule sets, one per promotion, and the engine that records every rule evaluated.
//!
//! Each promotion's rules live in their own module (`rules/eig3.rs` …) and implement the
//! crate-private [`PromotionRules`]; [`rule_set`] picks one by [`Promotion`]. Adding a
//! promotion adds a module and one line to [`rule_set`], and touches no other promotion.

use std::collections::BTreeSet;

use chrono::{DateTime, FixedOffset};
use eig_domain::{Document, FundingRoute, Promotion, Source};

use crate::{
    error::EligibilityError,
    grid::ScoringGrid,
    input::{CandidateApplication, DefiDossier},
    outcome::{Decision, Fact, Failure, Outcome, Reason, RuleResult, Subject, TraceEntry},
};

pub(crate) mod common;
mod eig2;
mod eig3;
mod eig4;
mod eig5;
pub(crate) mod eig5bis;
mod eig6;
mod eig7;
pub(crate) mod selection;

/// The rules of one promotion: défi dossiers, candidates, and the jury's grid.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::rule_set;
///
/// let eig3 = rule_set(Promotion::Eig3)?;
/// assert_eq!(eig3.promotion(), Promotion::Eig3);
/// assert!(eig3.dossier_rule_ids().contains(&"eig3.host.funding_route"));
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Copy, Debug)]
pub struct RuleSet {
    rules: &'static dyn PromotionRules,
}

/// The rule set of a promotion.
///
/// # Errors
/// [`EligibilityError::NoPublishedRules`] for EIG1 and DIG1, whose calls' rules are not in
/// the sources.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::rule_set;
///
/// assert!(rule_set(Promotion::Eig7).is_ok());
/// assert!(rule_set(Promotion::Dig1).is_err());
/// ```
pub fn rule_set(promotion: Promotion) -> Result<RuleSet, EligibilityError> {
    let rules: &'static dyn PromotionRules = match promotion {
        Promotion::Eig2 => &eig2::Eig2,
        Promotion::Eig3 => &eig3::Eig3,
        Promotion::Eig4 => &eig4::Eig4,
        Promotion::Eig5 => &eig5::Eig5,
        Promotion::Eig6 => &eig6::Eig6,
        Promotion::Eig7 => &eig7::Eig7,
        _ => {
            return Err(EligibilityError::NoPublishedRules {
                promotion,
                scope: crate::error::SCOPE_CALL,
            });
        }
    };
    Ok(RuleSet { rules })
}

impl RuleSet {
    /// The promotion.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// assert_eq!(rule_set(Promotion::Eig5)?.promotion(), Promotion::Eig5);
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn promotion(self) -> Promotion {
        self.rules.promotion()
    }

    /// The ids of the dossier rules, in evaluation order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// let ids = rule_set(Promotion::Eig7)?.dossier_rule_ids();
    /// assert_eq!(ids[0], "eig7.host.kind");
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn dossier_rule_ids(self) -> &'static [&'static str] {
        self.rules.dossier_rule_ids()
    }

    /// The ids of the candidate rules, in evaluation order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// let ids = rule_set(Promotion::Eig6)?.candidate_rule_ids();
    /// assert!(ids.contains(&"eig6.candidate.former_eig5"));
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn candidate_rule_ids(self) -> &'static [&'static str] {
        self.rules.candidate_rule_ids()
    }

    /// The definitions of the dossier rules, in evaluation order (the order of
    /// [`RuleSet::dossier_rule_ids`]).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// let rules = rule_set(Promotion::Eig7)?;
    /// let ids: Vec<&str> = rules.dossier_rules().iter().map(|rule| rule.id).collect();
    /// assert_eq!(ids, rules.dossier_rule_ids());
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn dossier_rules(self) -> Vec<RuleDefinition> {
        self.rules.dossier_rules().iter().map(Rule::definition).collect()
    }

    /// The definitions of the candidate rules, in evaluation order.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// let rules = rule_set(Promotion::Eig2)?.candidate_rules();
    /// assert_eq!(rules[0].source.to_string(), "AAC2 art. 4 (Dossier de candidature)");
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn candidate_rules(self) -> Vec<RuleDefinition> {
        self.rules.candidate_rules().iter().map(Rule::definition).collect()
    }

    /// The dossier rules, then the candidate rules, as defined.
    pub(crate) fn rules(self) -> impl Iterator<Item = &'static Rule> {
        self.rules.dossier_rules().iter().chain(self.rules.candidate_rules())
    }

    /// Decides a défi dossier.
    ///
    /// # Errors
    /// [`EligibilityError::PromotionMismatch`] if the défi is of another promotion;
    /// [`EligibilityError::ConflictingExceptions`] when two exceptions apply and conflict;
    /// [`EligibilityError::InstantOutOfRange`] for a reception instant at the limits of the
    /// calendar.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::{rule_set, DefiDossier, EligibilityError};
    ///
    /// let dossier: DefiDossier = serde_json::from_str(r#"{"defi": {
    ///   "id": "d", "title": "D", "promotion": "EIG3",
    ///   "hosts": {"operational": {"name": "Ministère", "kind": {"kind": "ministry"}}}, "team": []
    /// }}"#)?;
    /// let err = rule_set(Promotion::Eig4)?.evaluate_dossier(&dossier).unwrap_err();
    /// assert!(matches!(err, EligibilityError::PromotionMismatch { .. }));
    /// assert!(rule_set(Promotion::Eig3)?.evaluate_dossier(&dossier).is_ok());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate_dossier(self, dossier: &DefiDossier) -> Result<Decision, EligibilityError> {
        let expected = self.promotion();
        if dossier.defi.promotion != expected {
            return Err(EligibilityError::PromotionMismatch {
                subject: Subject::Dossier(dossier.defi.id.to_string()),
                expected,
                found: dossier.defi.promotion,
            });
        }
        readable_instant(
            &Subject::Dossier(dossier.defi.id.to_string()),
            "submitted_at",
            dossier.submitted_at,
        )?;
        let mut evaluation = Evaluation::with_capacity(self.dossier_rule_ids().len());
        let route = self.rules.dossier(dossier, &mut evaluation)?;
        Ok(evaluation.finish(expected, Subject::Dossier(dossier.defi.id.to_string()), route))
    }

    /// Decides a candidate's application.
    ///
    /// # Errors
    /// [`EligibilityError::PromotionMismatch`] if the application is to another promotion;
    /// [`EligibilityError::InstantOutOfRange`] for a reception instant at the limits of the
    /// calendar.
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::{rule_set, CandidateApplication, Outcome};
    ///
    /// let application: CandidateApplication = serde_json::from_str(
    ///     r#"{"promotion": "EIG7", "candidate": {"id": "c", "profile": "product_director"}}"#,
    /// )?;
    /// let decision = rule_set(Promotion::Eig7)?.evaluate_candidate(&application)?;
    /// assert!(matches!(decision.outcome, Outcome::Incomplete { .. }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate_candidate(
        self,
        application: &CandidateApplication,
    ) -> Result<Decision, EligibilityError> {
        let expected = self.promotion();
        if application.promotion != expected {
            return Err(EligibilityError::PromotionMismatch {
                subject: Subject::Candidate(application.candidate.id.to_string()),
                expected,
                found: application.promotion,
            });
        }
        let subject = Subject::Candidate(application.candidate.id.to_string());
        readable_instant(&subject, "submitted_at", application.submitted_at)?;
        readable_instant(&subject, "choices_submitted_at", application.choices_submitted_at)?;
        let mut evaluation = Evaluation::with_capacity(self.candidate_rule_ids().len());
        self.rules.candidate(application, &mut evaluation)?;
        Ok(evaluation.finish(
            expected,
            Subject::Candidate(application.candidate.id.to_string()),
            None,
        ))
    }

    /// The jury's grid for défi dossiers.
    ///
    /// # Errors
    /// [`EligibilityError::NoPublishedRules`] when the sources publish no grid (EIG2).
    ///
    /// # Example
    /// ```
    /// use eig_domain::Promotion;
    /// use eig_eligibility::rule_set;
    ///
    /// assert!(rule_set(Promotion::Eig6)?.scoring_grid()?.equal_weights_stated);
    /// assert!(rule_set(Promotion::Eig2)?.scoring_grid().is_err());
    /// # Ok::<(), eig_eligibility::EligibilityError>(())
    /// ```
    pub fn scoring_grid(self) -> Result<ScoringGrid, EligibilityError> {
        self.rules.scoring_grid()
    }
}

/// Decides a défi dossier with the rules of its promotion.
///
/// # Errors
/// See [`rule_set`] and [`RuleSet::evaluate_dossier`].
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_dossier, DefiDossier, Outcome};
///
/// let dossier: DefiDossier = serde_json::from_str(r#"{
///   "defi": {"id": "d", "title": "D", "promotion": "EIG1",
///            "hosts": {"operational": {"name": "M", "kind": {"kind": "ministry"}}}, "team": []}
/// }"#)?;
/// assert!(evaluate_dossier(&dossier).is_err()); // EIG1: no published rules
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn evaluate_dossier(dossier: &DefiDossier) -> Result<Decision, EligibilityError> {
    rule_set(dossier.defi.promotion)?.evaluate_dossier(dossier)
}

/// Decides a candidate's application with the rules of its promotion.
///
/// # Errors
/// See [`rule_set`] and [`RuleSet::evaluate_candidate`].
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_candidate, CandidateApplication, Outcome};
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG4", "candidate": {"id": "c", "profile": "designer",
///   "status": {"person": "legal"}}
/// }"#)?;
/// let decision = evaluate_candidate(&application)?;
/// assert!(matches!(decision.outcome, Outcome::Ineligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_candidate(
    application: &CandidateApplication,
) -> Result<Decision, EligibilityError> {
    rule_set(application.promotion)?.evaluate_candidate(application)
}

/// Decides an application to the AMI Promotion 5 bis (April 2022): an EIG5 talent whose
/// host offered no prolongation, applying to the projects of promotion 6 without
/// pre-selection (AMI5bis art. 3–7). The application's promotion is EIG6, whose projects
/// it joins.
///
/// # Errors
/// [`EligibilityError::PromotionMismatch`] if the application is not to EIG6;
/// [`EligibilityError::InstantOutOfRange`] for a reception instant at the limits of the
/// calendar.
///
/// # Example
/// ```
/// use eig_eligibility::{evaluate_eig5bis, CandidateApplication, Outcome};
///
/// let application: CandidateApplication = serde_json::from_str(r#"{
///   "promotion": "EIG6",
///   "candidate": {"id": "c", "profile": "designer", "status": {
///     "person": "natural", "past_participations": [{"promotion": "EIG5", "as_coach": false}]}},
///   "submitted_at": "2022-05-02T12:00:00+02:00",
///   "choices": [{"defi": "a"}, {"defi": "b"}, {"defi": "c"}],
///   "choices_submitted_at": "2022-05-12T12:00:00+02:00",
///   "process": {"eig5_prolongation_offered": true}
/// }"#)?;
/// let decision = evaluate_eig5bis(&application)?;
/// assert!(matches!(decision.outcome, Outcome::Ineligible { .. })); // a prolongation was offered
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn evaluate_eig5bis(application: &CandidateApplication) -> Result<Decision, EligibilityError> {
    if application.promotion != Promotion::Eig6 {
        return Err(EligibilityError::PromotionMismatch {
            subject: Subject::Candidate(application.candidate.id.to_string()),
            expected: Promotion::Eig6,
            found: application.promotion,
        });
    }
    let subject = Subject::Candidate(application.candidate.id.to_string());
    readable_instant(&subject, "submitted_at", application.submitted_at)?;
    readable_instant(&subject, "choices_submitted_at", application.choices_submitted_at)?;
    let mut evaluation = Evaluation::with_capacity(eig5bis::RULE_IDS.len());
    eig5bis::candidate(application, &mut evaluation);
    Ok(evaluation.finish(
        Promotion::Eig6,
        Subject::Candidate(application.candidate.id.to_string()),
        None,
    ))
}

/// The ids of the AMI Promotion 5 bis rules ([`evaluate_eig5bis`]), in evaluation order.
///
/// # Example
/// ```
/// use eig_eligibility::eig5bis_rule_ids;
///
/// assert!(eig5bis_rule_ids().contains(&"eig5bis.candidate.unprolonged_eig5"));
/// ```
pub fn eig5bis_rule_ids() -> &'static [&'static str] {
    eig5bis::RULE_IDS
}

/// The definitions of the AMI Promotion 5 bis rules, in evaluation order.
///
/// # Example
/// ```
/// let rules = eig_eligibility::eig5bis_rules();
/// assert_eq!(rules[0].source.document, eig_domain::Document::Ami5bis);
/// ```
pub fn eig5bis_rules() -> Vec<RuleDefinition> {
    eig5bis::RULES.iter().map(Rule::definition).collect()
}

/// The AMI Promotion 5 bis rules, as defined.
pub(crate) fn eig5bis_static_rules() -> &'static [Rule] {
    eig5bis::RULES
}

/// Refuses an instant whose local time cannot be represented in its own offset or in Paris
/// time (chrono panics when asked for such a local time; Paris is never 3 hours or more from
/// UTC).
pub(crate) fn readable_instant(
    subject: &Subject,
    input: &'static str,
    at: Option<DateTime<FixedOffset>>,
) -> Result<(), EligibilityError> {
    let Some(at) = at else { return Ok(()) };
    let utc = at.naive_utc();
    let readable = utc.checked_add_offset(*at.offset()).is_some()
        && FixedOffset::east_opt(3 * 3600).is_some_and(|margin| {
            utc.checked_add_offset(margin).is_some() && utc.checked_sub_offset(margin).is_some()
        });
    if readable {
        Ok(())
    } else {
        Err(EligibilityError::InstantOutOfRange {
            subject: subject.clone(),
            input,
            unix_seconds: at.timestamp(),
        })
    }
}

/// The rules of one promotion, as each module implements them.
pub(crate) trait PromotionRules: std::fmt::Debug + Send + Sync {
    fn promotion(&self) -> Promotion;
    fn dossier_rule_ids(&self) -> &'static [&'static str];
    fn candidate_rule_ids(&self) -> &'static [&'static str];
    fn dossier_rules(&self) -> &'static [Rule];
    fn candidate_rules(&self) -> &'static [Rule];
    /// Records every dossier rule; returns the funding route when it is decided.
    fn dossier(
        &self,
        dossier: &DefiDossier,
        evaluation: &mut Evaluation,
    ) -> Result<Option<FundingRoute>, EligibilityError>;
    fn candidate(
        &self,
        application: &CandidateApplication,
        evaluation: &mut Evaluation,
    ) -> Result<(), EligibilityError>;
    fn scoring_grid(&self) -> Result<ScoringGrid, EligibilityError>;
}

/// A rule's identity: stable id, French title, source, the sentence of the source it
/// models (verbatim; `eig-sources` checks it), and its parameters.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub(crate) id: &'static str,
    pub(crate) title: &'static str,
    pub(crate) source: Cite,
    pub(crate) quote: &'static str,
    pub(crate) parameters: Parameters,
}

impl Rule {
    pub(crate) fn definition(&self) -> RuleDefinition {
        RuleDefinition {
            id: self.id,
            title: self.title,
            source: self.source.source(),
            quote: self.quote,
            parameters: (self.parameters.declared)(),
            computed_parameters: self.parameters.computed.to_vec(),
        }
    }
}

/// What a rule's definition says of its parameters: the ones whose values do not depend on
/// the input, built by the same function that the rule's run uses to record them (so that
/// the definition and the trace cannot differ: `tests/it/parameters.rs` runs the corpus to
/// check it), and the names of the ones the run computes from the input.
///
/// A new rule declares its parameters as `Parameters::declared(|| common::x_parameters(…))`,
/// adds `.computed(&["name", …])` when its run computes some from the input, or takes
/// [`Parameters::NONE`].
#[derive(Clone, Copy, Debug)]
pub(crate) struct Parameters {
    /// The parameters that do not depend on the input, in the order the trace records them.
    pub(crate) declared: fn() -> Vec<Fact>,
    /// The names of the parameters the run computes from the input (a day read in the
    /// input, a reading the caller chooses): not declared.
    pub(crate) computed: &'static [&'static str],
}

impl Parameters {
    /// A rule that applies no parameter.
    pub(crate) const NONE: Parameters = Parameters { declared: Vec::new, computed: &[] };

    /// A rule whose parameters are `declared`'s.
    pub(crate) const fn declared(declared: fn() -> Vec<Fact>) -> Parameters {
        Parameters { declared, computed: &[] }
    }

    /// The same, with the names of the parameters the run computes from the input.
    pub(crate) const fn computed(self, computed: &'static [&'static str]) -> Parameters {
        Parameters { declared: self.declared, computed }
    }
}

/// A rule as it is defined, before any input: its stable id, its French title, the text that
/// states it and the sentence of that text it models.
///
/// The rules catalogue (`eig-catalogue`, `eig rules`) is built from these definitions; the
/// quote is verbatim in its document (checked by `eig-sources`' tests).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::{Value, rule_set};
///
/// let rules = rule_set(Promotion::Eig3)?.dossier_rules();
/// let deadline = &rules[0];
/// assert_eq!(deadline.id, "eig3.dossier.deadline");
/// assert_eq!(deadline.source.to_string(), "AAP3 §4.2");
/// assert!(deadline.quote.contains("vendredi 15 juin 2018 à 17h00"));
/// let closes = deadline.parameters.iter().find(|p| p.name == "closes_at_utc").unwrap();
/// assert_eq!(closes.value, Value::Text("2018-06-15T15:00:00+00:00".into()));
///
/// let rules = rule_set(Promotion::Eig6)?.candidate_rules();
/// let acceptance = rules.iter().find(|r| r.id == "eig6.candidate.acceptance").unwrap();
/// assert_eq!(acceptance.parameters[0].value, Value::Count(15));
/// assert!(acceptance.computed_parameters.contains(&"last_day_on"));
/// # Ok::<(), eig_eligibility::EligibilityError>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
#[cfg_attr(feature = "schemars", derive(schemars::JsonSchema))]
#[non_exhaustive]
pub struct RuleDefinition {
    /// The stable id (`eig3.host.kind`), the one the trace records.
    pub id: &'static str,
    /// The French title.
    pub title: &'static str,
    /// The text and the section that state the rule.
    pub source: Source,
    /// The sentence of that text the rule models, verbatim (an elision `…` or `[…]` only
    /// between two verbatim parts).
    pub quote: &'static str,
    /// The parameters the rule applies whatever the input (bounds, closing instants, lists
    /// admitted, the conditions under which it applies), each with its value: the same
    /// names and values the trace's [`TraceEntry::parameters`](crate::TraceEntry) records
    /// when the rule runs, built by the same code. A run may record fewer of them (a rule
    /// that lacks an input may stop before its last bound).
    pub parameters: Vec<Fact>,
    /// The names of the parameters the rule's run computes from the input, which no
    /// definition can give a value (the moment a status is judged at, the last day of a
    /// delay counted from a notification, a reading the caller chooses).
    pub computed_parameters: Vec<&'static str>,
}

/// A citation that can live in a constant: a document and a locator in it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cite(pub(crate) Document, pub(crate) &'static str);

impl Cite {
    pub(crate) const fn source(self) -> Source {
        Source::new(self.0, self.1)
    }
}

/// The result of running one rule, before it is recorded.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) result: RuleResult,
    pub(crate) facts: Vec<Fact>,
    pub(crate) parameters: Vec<Fact>,
}

impl Run {
    pub(crate) fn new(result: RuleResult) -> Run {
        Run { result, facts: Vec::new(), parameters: Vec::new() }
    }

    pub(crate) fn satisfied() -> Run {
        Run::new(RuleResult::Satisfied)
    }

    pub(crate) fn failed(reason: Reason) -> Run {
        Run::new(RuleResult::Failed { reason })
    }

    pub(crate) fn missing(inputs: Vec<&'static str>) -> Run {
        Run::new(RuleResult::Missing { inputs })
    }

    pub(crate) fn fact(mut self, name: &'static str, value: impl Into<crate::Value>) -> Run {
        self.facts.push(Fact::new(name, value));
        self
    }

    pub(crate) fn parameter(mut self, name: &'static str, value: impl Into<crate::Value>) -> Run {
        self.parameters.push(Fact::new(name, value));
        self
    }

    /// Records the parameters a rule declares (`Parameters::declared`'s function).
    pub(crate) fn parameters(mut self, parameters: Vec<Fact>) -> Run {
        self.parameters.extend(parameters);
        self
    }
}

/// The trace being built.
#[derive(Debug)]
pub(crate) struct Evaluation {
    trace: Vec<TraceEntry>,
}

impl Evaluation {
    pub(crate) fn with_capacity(capacity: usize) -> Evaluation {
        Evaluation { trace: Vec::with_capacity(capacity) }
    }

    /// Records a rule.
    pub(crate) fn record(&mut self, rule: &Rule, run: Run) {
        self.trace.push(TraceEntry {
            rule: rule.id,
            title: rule.title,
            result: run.result,
            facts: run.facts,
            parameters: run.parameters,
            source: rule.source.source(),
        });
    }

    pub(crate) fn finish(
        self,
        promotion: Promotion,
        subject: Subject,
        route: Option<FundingRoute>,
    ) -> Decision {
        let outcome = outcome_of(&self.trace, route);
        Decision { promotion, subject, outcome, trace: self.trace }
    }

    /// The trace recorded so far, for a caller that decides the outcome itself.
    pub(crate) fn into_trace(self) -> Vec<TraceEntry> {
        self.trace
    }
}

/// The outcome of a list of trace entries: ineligible with every failure, else incomplete
/// with every missing input, else eligible.
pub(crate) fn outcome_of<'a>(
    entries: impl IntoIterator<Item = &'a TraceEntry>,
    route: Option<FundingRoute>,
) -> Outcome {
    let mut failures = Vec::new();
    let mut missing = BTreeSet::new();
    for entry in entries {
        match &entry.result {
            RuleResult::Failed { reason } => failures.push(Failure {
                rule: entry.rule,
                reason: reason.clone(),
                source: entry.source.clone(),
            }),
            RuleResult::Missing { inputs } => missing.extend(inputs.iter().copied()),
            RuleResult::Satisfied => {}
        }
    }
    if !failures.is_empty() {
        Outcome::Ineligible { failures }
    } else if !missing.is_empty() {
        Outcome::Incomplete { missing: missing.into_iter().collect() }
    } else {
        Outcome::Eligible { funding_route: route }
    }
}
