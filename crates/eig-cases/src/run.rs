//! Running a case: the library decides the input, the result is shaped as the expected
//! fields are written (the *observed* view), and the expected fields are compared with it.

use std::{collections::BTreeMap, sync::atomic::AtomicBool};

use eig_eligibility::{
    Decision, EligibilityError, Outcome, RuleResult, SelectionStatus, convention_termination,
    eig7_contract_terms, eig7_recruitment_cap, eig7_renewal_answer_by, evaluate_candidate,
    evaluate_dossier, evaluate_eig5bis, evaluate_prolongation_by_talent, rank_candidates,
    select_laureates,
};
use eig_funding::{
    CostBasis, Formula, Payer, PromotionPlan, TalentPlan, allocate, plan_promotion, split,
    split_evenly,
};
use eig_matching::{DefiStatus, Instance, MatchingInput, Options, solve_until};
use serde::Serialize;
use serde_json::Value;

use crate::{
    case::{AllocateInput, Case, CaseInput, Eig7TermsInput, EvenlyInput, SplitInput},
    cite::RunOptions,
    result::{
        CalendarResult, CampaignCaseResult, ChangeResult, ChangeSetResult, ChangesResult,
        DecisionResult, Eig7CapResult, Eig7Dates, Eig7TermsResult, ErrorResult, FundingResult,
        JuryResult, MatchingCaseResult, OutcomeName, PartsResult, ScoresResult, SplitResult,
        TalentResult, TerminationDates, TerminationResult,
    },
};

/// One field of the expected result that the actual result does not match.
///
/// # Example
/// ```
/// use eig_cases::{Verdict, read_cases, run_case};
///
/// let case = read_cases("c.json", r#"{"title": "t", "source": "docs/rules/funding.md#funding.schedule",
///   "evenly": {"total": "1.00", "parts": 2},
///   "expected": ["0.50", "0.49"]}"#).remove(0)?;
/// let Verdict::Failed { differences, .. } = run_case(&case).verdict else { panic!() };
/// assert_eq!(differences[0].path, "$[1]");
/// assert_eq!(differences[0].to_string(), r#"$[1] : attendu "0.49", obtenu "0.50""#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Difference {
    /// Where, as a JSON path into the expected result.
    pub path: String,
    /// What the case expects there.
    pub expected: Value,
    /// What the rules gave there (`None`: nothing).
    pub actual: Option<Value>,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.actual {
            Some(actual) => write!(f, "{} : attendu {}, obtenu {actual}", self.path, self.expected),
            None => write!(f, "{} : attendu {}, rien obtenu", self.path, self.expected),
        }
    }
}

/// A rule's entry in the decision's trace, shown with a failing eligibility case: the rule,
/// its result, its source and the facts it read.
///
/// # Example
/// ```
/// use eig_cases::{Verdict, read_cases, run_case};
///
/// let case = read_cases("c.json", r#"{"title": "An EIG3 team of none", "source": "AAP3 §2.2",
///   "quote": "être dimensionnés pour accueillir deux ou trois EIG", "dossier": {"defi": {
///   "id": "d", "title": "D", "promotion": "EIG3", "hosts": {"operational": {"name": "M",
///   "kind": {"kind": "ministry"}}}, "team": []}}, "rules": ["eig3.defi.team_size"],
///   "expected": {"outcome": "eligible"}}"#).remove(0)?;
/// let Verdict::Failed { rule_notes, .. } = run_case(&case).verdict else { panic!() };
/// assert!(rule_notes.iter().any(|note| note.rule == "eig3.defi.team_size" && note.source == "AAP3 §2.2"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RuleNote {
    /// The rule id.
    pub rule: String,
    /// Its title.
    pub title: String,
    /// In French: `satisfaite`, `non satisfaite (reason)` or `incomplète, il manque inputs`.
    pub result: String,
    /// Its source (`AAP3 §3.1.1–3.1.3`).
    pub source: String,
    /// The facts it read, `name = value`.
    pub facts: Vec<String>,
    /// Why it is not satisfied, in French: the reason with the values named by their input
    /// names and French labels, or the missing inputs with theirs; `None` when satisfied.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// The sentence of its source the rule models, verbatim (its definition's).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

/// Whether a case passed, and if not, how it differs.
///
/// # Example
/// ```
/// use eig_cases::{Verdict, read_cases, run_case};
///
/// let case = read_cases("c.json", r#"{"title": "t", "source": "docs/rules/funding.md#funding.schedule",
///   "evenly": {"total": "1.00", "parts": 3},
///   "expected": ["0.34", "0.33", "0.33"]}"#).remove(0)?;
/// assert_eq!(run_case(&case).verdict, Verdict::Passed);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "verdict", rename_all = "snake_case")]
#[non_exhaustive]
pub enum Verdict {
    /// Every expected field matches.
    Passed,
    /// Some do not.
    Failed {
        /// Each field that differs.
        differences: Vec<Difference>,
        /// For an eligibility case: the trace entries of the rules concerned (`rule_notes`:
        /// the report's `rules` are the ids the case names).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        rule_notes: Vec<RuleNote>,
    },
    // Last: a variant added after 0.1.0 goes at the end.
    /// The case's citation does not hold against the texts (a document, a section, a quote or
    /// a rule id): a failure of its own kind, whatever the expected fields give; those are
    /// still compared, and their differences listed.
    Miscited {
        /// What is wrong with the citation.
        problems: Vec<crate::CitationProblem>,
        /// Each expected field that differs (possibly none).
        #[serde(skip_serializing_if = "Vec::is_empty")]
        differences: Vec<Difference>,
        /// For an eligibility case whose expected fields differ: the trace entries of the
        /// rules concerned.
        #[serde(skip_serializing_if = "Vec::is_empty")]
        rule_notes: Vec<RuleNote>,
    },
}

/// A case's run: its title, source and rules, the verdict, and the actual result.
///
/// # Example
/// ```
/// use eig_cases::{read_cases, run_case};
///
/// let case = read_cases("c.json", r#"{"title": "t", "source": "AAP3 §5.2",
///   "quote": "le financement des EIG est assuré à 70% par le PIA",
///   "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "70.00"}}"#).remove(0)?;
/// let report = run_case(&case);
/// assert!(report.passed());
/// assert_eq!(report.actual, serde_json::json!({"share": "70.00", "remainder": "30.00"}));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Report {
    /// What the case checks.
    pub title: String,
    /// The text it tests.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The rules it covers.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// The verdict.
    #[serde(flatten)]
    pub verdict: Verdict,
    /// The actual result, in the shape the expected fields are written in.
    pub actual: Value,
    /// For a funding case whose expected fields differ: how each talent concerned was
    /// computed — its employer cost and where it comes from, the rule and its source, the
    /// formula with the exact product, the rounding and where the cent went, each payer's
    /// part — then the parameters used, with their values and sources.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub computation: Vec<String>,
}

impl Report {
    /// Whether the case passed.
    ///
    /// # Example
    /// See [`Report`].
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Passed
    }

    /// Why the case failed, as `eig test` prints it under the case's line: the source, each
    /// citation problem (with the nearest sentence or rule id), each difference, each rule's
    /// trace entry with its result, source and facts — each line indented by four spaces;
    /// empty when the case passed.
    ///
    /// # Example
    /// ```
    /// use eig_cases::{read_cases, run_case};
    ///
    /// let case = read_cases("c.json", r#"{"title": "t", "source": "AAP3 §5.2",
    ///   "quote": "le financement des EIG est assuré à 70% par le PIA",
    ///   "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "60.00"}}"#).remove(0)?;
    /// assert_eq!(run_case(&case).failure_details(),
    ///     "    source : AAP3 §5.2\n    $.share : attendu \"60.00\", obtenu \"70.00\"\n");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn failure_details(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        let (problems, differences, rules) = match &self.verdict {
            Verdict::Passed => return out,
            Verdict::Failed { differences, rule_notes } => (&[][..], differences, rule_notes),
            Verdict::Miscited { problems, differences, rule_notes } => {
                (&problems[..], differences, rule_notes)
            }
        };
        if let Some(source) = &self.source {
            let _ = writeln!(out, "    source : {source}");
        }
        for problem in problems {
            let _ = writeln!(out, "    {problem}");
            if let Some(nearest) = &problem.nearest {
                let what = match (problem.field, problem.code) {
                    ("rules", _) => "règle",
                    (_, crate::cite::CATALOGUE_CODE) => "référence",
                    _ => "phrase",
                };
                let _ = writeln!(out, "      {what} la plus proche : {nearest}");
            }
        }
        for difference in differences {
            let _ = writeln!(out, "    {difference}");
        }
        for note in rules {
            let _ = writeln!(
                out,
                "    règle {} — {} — {} — source : {}",
                note.rule, note.title, note.result, note.source
            );
            if let Some(quote) = &note.quote {
                let _ = writeln!(out, "      texte : « {quote} »");
            }
            if let Some(why) = &note.why {
                let _ = writeln!(out, "      pourquoi : {why}");
            }
            if !note.facts.is_empty() {
                let _ = writeln!(out, "      faits : {}", note.facts.join(" ; "));
            }
        }
        for line in &self.computation {
            let _ = writeln!(out, "    {line}");
        }
        out
    }
}

/// Keys whose lists are compared as sets.
const SETS: [&str; 2] = ["failing_rules", "missing"];
/// Keys whose expected list need only be contained in the actual one (each payer written
/// pays nothing).
const SUBSETS: [&str; 1] = ["absent_payers"];

/// Every difference between `expected` and `actual` under `path`: objects field by field
/// (only the expected fields), lists element by element (the same length), the lists of
/// [`SETS`] as sets, those of [`SUBSETS`] as subsets, everything else equal.
fn compare(actual: Option<&Value>, expected: &Value, path: &str, out: &mut Vec<Difference>) {
    let differ = |out: &mut Vec<Difference>| {
        out.push(Difference {
            path: path.to_owned(),
            expected: expected.clone(),
            actual: actual.cloned(),
        });
    };
    match (actual, expected) {
        (Some(Value::Object(actual)), Value::Object(expected)) => {
            for (key, value) in expected {
                let inner = format!("{path}.{key}");
                if SUBSETS.contains(&key.as_str()) {
                    let found = actual.get(key).and_then(Value::as_array);
                    let contained = value.as_array().is_some_and(|items| {
                        items.iter().all(|item| found.is_some_and(|found| found.contains(item)))
                    });
                    if !contained {
                        out.push(Difference {
                            path: inner,
                            expected: value.clone(),
                            actual: actual.get(key).cloned(),
                        });
                    }
                } else if SETS.contains(&key.as_str()) {
                    let sorted = |v: Option<&Value>| {
                        let mut items: Vec<String> = v
                            .and_then(Value::as_array)
                            .map(|a| a.iter().map(Value::to_string).collect())
                            .unwrap_or_default();
                        items.sort();
                        items
                    };
                    if sorted(actual.get(key)) != sorted(Some(value)) {
                        out.push(Difference {
                            path: inner,
                            expected: value.clone(),
                            actual: actual.get(key).cloned(),
                        });
                    }
                } else {
                    compare(actual.get(key), value, &inner, out);
                }
            }
        }
        (Some(Value::Array(actual)), Value::Array(expected)) => {
            if actual.len() == expected.len() {
                for (index, value) in expected.iter().enumerate() {
                    compare(actual.get(index), value, &format!("{path}[{index}]"), out);
                }
            } else {
                differ(out);
            }
        }
        (Some(actual), expected) if actual == expected => {}
        _ => differ(out),
    }
}

fn value(serializable: &impl Serialize) -> Value {
    serde_json::to_value(serializable).unwrap_or(Value::Null)
}

fn eligibility_error(err: &EligibilityError) -> ErrorResult {
    ErrorResult::coded(err.code(), err.to_string())
}

/// An eligibility decision in the shape of the expected fields.
fn decision_view(decision: &Decision) -> DecisionResult {
    let mut result = DecisionResult::outcome(OutcomeName::of(&decision.outcome));
    match &decision.outcome {
        Outcome::Eligible { funding_route } => result.funding_route = *funding_route,
        Outcome::Ineligible { failures } => {
            result.failing_rules = Some(failures.iter().map(|f| f.rule.to_owned()).collect());
        }
        Outcome::Incomplete { missing } => {
            result.missing = Some(missing.iter().map(ToString::to_string).collect());
        }
        _ => {}
    }
    result
}

/// A reason as its tag and its fields, by their JSON names: `commitments_missing : missing =
/// ["digital_accessibility"]`.
fn reason_fields(reason: &eig_eligibility::Reason) -> String {
    let json = value(reason);
    let tag = json.get("reason").and_then(Value::as_str).unwrap_or("?").to_owned();
    let fields: Vec<String> = json
        .as_object()
        .map(|map| {
            map.iter()
                .filter(|(name, _)| *name != "reason")
                .map(|(name, value)| format!("{name} = {value}"))
                .collect()
        })
        .unwrap_or_default();
    if fields.is_empty() { tag } else { format!("{tag} : {}", fields.join(", ")) }
}

/// The trace entries worth showing when an eligibility case fails: the rules the case names,
/// the rules that failed, and the rules the case expected to fail.
fn rule_notes(decision: &Decision, case: &Case) -> Vec<RuleNote> {
    let expected_failing: Vec<&str> = case
        .expected
        .get("failing_rules")
        .and_then(Value::as_array)
        .map(|rules| rules.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default();
    decision
        .trace
        .iter()
        .filter(|entry| {
            case.rules.iter().any(|rule| rule == entry.rule)
                || expected_failing.contains(&entry.rule)
                || !matches!(entry.result, RuleResult::Satisfied)
        })
        .map(|entry| RuleNote {
            rule: entry.rule.to_owned(),
            title: entry.title.to_owned(),
            result: match &entry.result {
                RuleResult::Satisfied => "satisfaite".to_owned(),
                RuleResult::Failed { reason } => {
                    format!("non satisfaite ({})", reason_fields(reason))
                }
                RuleResult::Missing { inputs } => {
                    format!("incomplète, il manque {}", inputs.join(", "))
                }
                _ => "?".to_owned(),
            },
            quote: eig_eligibility::rule_definition(entry.rule).map(|rule| rule.quote.to_owned()),
            why: match &entry.result {
                RuleResult::Failed { reason } => Some(eig_eligibility::reason_in_french(reason)),
                RuleResult::Missing { inputs } => Some(format!(
                    "il manque : {}",
                    inputs
                        .iter()
                        .map(|input| match eig_eligibility::input_label(input) {
                            label if label == *input => (*input).to_owned(),
                            label => format!("{input} ({label})"),
                        })
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
                _ => None,
            },
            source: entry.source.to_string(),
            facts: entry
                .facts
                .iter()
                .map(|fact| format!("{} = {}", fact.name, value(&fact.value)))
                .collect(),
        })
        .collect()
}

/// An EIG7 contract's dates by name (`ends_on`, `renewal_notice_by`, `probation_ends_on`,
/// `interruption_request_by`, `renewal_answer_by`).
fn eig7_terms_view(input: &Eig7TermsInput) -> Eig7TermsResult {
    let failed = |err| Eig7TermsResult { dates: None, error: Some(eligibility_error(&err)) };
    let mut dates = Eig7Dates::default();
    if let (Some(start), Some(arrival)) = (input.starts_on, input.arrived_on) {
        match eig7_contract_terms(start, arrival) {
            Ok(terms) => {
                dates.ends_on = Some(terms.ends_on.value);
                dates.renewal_notice_by = Some(terms.renewal_notice_by.value);
                dates.probation_ends_on = Some(terms.probation_ends_on.value);
                dates.interruption_request_by = Some(terms.interruption_request_by.value);
            }
            Err(err) => return failed(err),
        }
    }
    if let Some(received) = input.renewal_notice_received_on {
        match eig7_renewal_answer_by(received) {
            Ok(answer) => dates.renewal_answer_by = Some(answer.value),
            Err(err) => return failed(err),
        }
    }
    Eig7TermsResult { dates: Some(dates), error: None }
}

/// A funding plan in the shape of the expected fields: totals, payers who pay nothing,
/// talents keyed `défi/talent` with `by_payer`, défis by id, the envelope, the estimated
/// costs, the overridden parameters.
fn funding_view(planned: &Result<PromotionPlan, eig_funding::FundingError>) -> FundingResult {
    let plan = match planned {
        Ok(plan) => plan,
        Err(err) => {
            return FundingResult { error: Some(err.to_string()), ..FundingResult::default() };
        }
    };
    let mut talents = BTreeMap::new();
    let mut defis = BTreeMap::new();
    for defi in &plan.defis {
        defis.insert(defi.defi.to_string(), defi.clone());
        for talent in &defi.talents {
            let by_payer = talent.parts.iter().map(|part| (part.payer, part.amount)).collect();
            talents.insert(
                format!("{}/{}", defi.defi, talent.talent),
                TalentResult { plan: talent.clone(), by_payer },
            );
        }
    }
    let absent = plan
        .totals
        .iter()
        .filter(|(_, amount)| **amount == eig_domain::Euros::ZERO)
        .map(|(payer, _)| payer)
        .chain(Payer::ALL.into_iter().filter(|payer| plan.totals.get(*payer).is_none()))
        .collect();
    FundingResult {
        totals: Some(plan.totals.clone()),
        absent_payers: Some(absent),
        talents: Some(talents),
        defis: Some(defis),
        envelope: Some(plan.envelope.clone()),
        estimated: Some(
            plan.estimated_costs.iter().map(|t| format!("{}/{}", t.defi, t.talent)).collect(),
        ),
        overridden: Some(plan.overridden().map(|p| p.id.as_str().to_owned()).collect()),
        error: None,
    }
}

/// A matching's result in the shape of the expected fields.
fn matching_view(
    input: &MatchingInput,
    options: &Options,
    stop: &AtomicBool,
) -> MatchingCaseResult {
    let failed = |message: String| MatchingCaseResult {
        error: Some(message),
        ..MatchingCaseResult::default()
    };
    let instance = match Instance::new(input) {
        Ok(instance) => instance,
        Err(err) => return failed(err.to_string()),
    };
    let solution = match solve_until(&instance, options, stop) {
        Ok(solution) => solution,
        Err(err) => return failed(err.to_string()),
    };
    let report = solution.report();
    let assignment: BTreeMap<String, String> =
        report.placements.iter().map(|p| (p.candidate.to_string(), p.defi.to_string())).collect();
    let (mut running, mut withdrawn) = (Vec::new(), Vec::new());
    for defi in &report.defis {
        match defi.status {
            DefiStatus::Running { .. } => running.push(defi.defi.to_string()),
            DefiStatus::Withdrawn { .. } | DefiStatus::ClosedBySearch => {
                withdrawn.push(defi.defi.to_string());
            }
            _ => {}
        }
    }
    MatchingCaseResult {
        assignment: Some(assignment),
        unassigned: Some(report.unplaced.iter().map(ToString::to_string).collect()),
        running: Some(running),
        withdrawn: Some(withdrawn),
        stability: Some(report.certificate.notion),
        error: None,
    }
}

/// A whole call's result in the shape of the expected fields.
fn campaign_view(campaign: &eig_campaign::Campaign) -> CampaignCaseResult {
    let result = match eig_campaign::run(campaign) {
        Ok(result) => result,
        Err(err) => {
            return CampaignCaseResult {
                error: Some(err.to_string()),
                ..CampaignCaseResult::default()
            };
        }
    };
    let judged = |judgement: &eig_campaign::Judgement| match judgement {
        eig_campaign::Judgement::Decided { decision } => decision_view(decision),
        eig_campaign::Judgement::NotJudged { error } => {
            DecisionResult::error(error.to_string(), None)
        }
    };
    let dossiers: BTreeMap<String, DecisionResult> =
        result.dossiers.iter().map(|d| (d.defi.to_string(), judged(&d.judgement))).collect();
    let candidates: BTreeMap<String, DecisionResult> =
        result.candidates.iter().map(|c| (c.candidate.to_string(), judged(&c.judgement))).collect();
    let laureates: Vec<String> = result
        .selection
        .ranking
        .iter()
        .filter(|r| r.status == SelectionStatus::Selected)
        .map(|r| r.defi.to_string())
        .collect();
    let assignment: BTreeMap<String, String> = result
        .candidates
        .iter()
        .filter_map(|c| Some((c.candidate.to_string(), c.assigned_to.as_ref()?.to_string())))
        .collect();
    let report = &result.matching.report;
    CampaignCaseResult {
        dossiers: Some(dossiers),
        candidates: Some(candidates),
        laureates: Some(laureates),
        totals: Some(result.funding.totals.clone()),
        envelope: Some(result.funding.envelope.clone()),
        assignment: Some(assignment),
        unassigned: Some(report.unplaced.iter().map(ToString::to_string).collect()),
        not_judged: Some(result.not_judged().map(|(record, _)| record).collect()),
        withdrawn_by_jury: Some(
            result
                .withdrawn_by_jury
                .iter()
                .map(|w| {
                    (w.defi.to_string(), w.candidates.iter().map(ToString::to_string).collect())
                })
                .collect(),
        ),
        error: None,
    }
}

/// Each talent's outcome of an EIG6+ request, by talent id (the `talents` expected field).
fn talents_view(
    by_talent: &eig_eligibility::ProlongationDecision,
) -> BTreeMap<String, OutcomeName> {
    by_talent.talents.iter().map(|t| (t.talent.to_string(), OutcomeName::of(&t.outcome))).collect()
}

/// A jury sheet's selection in the shape of the expected fields.
/// A score sheet's rankings, keyed `"défi/profile"` (or `"profile"` for a profile list).
fn scores_view(sheet: &eig_eligibility::CandidateScoreSheet) -> ScoresResult {
    match rank_candidates(sheet) {
        Ok(rankings) => {
            let ranks: BTreeMap<String, Vec<Vec<String>>> = rankings
                .lists
                .iter()
                .map(|list| {
                    let profile = value(&list.profile);
                    let profile = profile.as_str().unwrap_or_default();
                    let key = match &list.defi {
                        Some(defi) => format!("{defi}/{profile}"),
                        None => profile.to_owned(),
                    };
                    let groups = list
                        .ranks
                        .iter()
                        .map(|group| group.iter().map(ToString::to_string).collect())
                        .collect();
                    (key, groups)
                })
                .collect();
            ScoresResult { ranks: Some(ranks), error: None }
        }
        Err(err) => ScoresResult { ranks: None, error: Some(eligibility_error(&err)) },
    }
}

/// What would make a record eligible: the outcome as filed, each set's changes (path,
/// whether an answer, value now, values needed, rules turned), the blocked rules.
fn changes_view(input: &crate::case::ChangesInput) -> ChangesResult {
    let answer = match &input.record {
        crate::case::ChangesRecord::Dossier(dossier) => {
            eig_eligibility::changes_to_eligible_dossier(dossier, &input.options)
        }
        crate::case::ChangesRecord::Candidate(application) => {
            eig_eligibility::changes_to_eligible_application(application, &input.options)
        }
    };
    let answer = match answer {
        Ok(answer) => answer,
        Err(err) => {
            return ChangesResult {
                error: Some(eligibility_error(&err)),
                ..ChangesResult::default()
            };
        }
    };
    let sets = answer
        .sets
        .iter()
        .map(|set| ChangeSetResult {
            changes: set
                .changes
                .iter()
                .map(|change| ChangeResult {
                    path: change.path.to_owned(),
                    answer: change.answer,
                    now: change.now.clone(),
                    needed: change.needed.clone(),
                    rules: change.rules.iter().map(|rule| (*rule).to_owned()).collect(),
                })
                .collect(),
            funding_route: set.funding_route,
        })
        .collect();
    ChangesResult {
        outcome: Some(OutcomeName::of(&answer.outcome)),
        sets: Some(sets),
        more: Some(answer.more),
        complete: Some(answer.complete),
        blocked: Some(answer.blocked.iter().map(|blocked| blocked.rule.to_owned()).collect()),
        error: None,
    }
}

/// A promotion's payment calendar under the official rules: its transfers, or the error.
fn calendar_view(input: &crate::case::CalendarInput) -> CalendarResult {
    let refused = |err: &eig_funding::FundingError| {
        CalendarResult::refused(ErrorResult::coded(err.code(), err.to_string()))
    };
    match plan_promotion(&input.funding, &eig_funding::Scenario::default()) {
        Ok(plan) => match eig_funding::payment_calendar(&plan, &input.events) {
            Ok(calendar) => CalendarResult::transfers(calendar.transfers),
            Err(err) => refused(&err),
        },
        Err(err) => refused(&err),
    }
}

/// A convention's termination: the day it takes effect.
fn termination_view(input: crate::case::TerminationInput) -> TerminationResult {
    match convention_termination(input.convention, input.notified_on) {
        Ok(terms) => TerminationResult {
            dates: Some(TerminationDates { effective_on: terms.effective_on.value }),
            error: None,
        },
        Err(err) => TerminationResult { dates: None, error: Some(eligibility_error(&err)) },
    }
}

fn jury_view(sheet: &eig_eligibility::JurySheet) -> JuryResult {
    match select_laureates(sheet) {
        Ok(selection) => JuryResult::ranked(
            selection
                .ranking
                .iter()
                .filter(|r| r.status == SelectionStatus::Selected)
                .map(|r| r.defi.to_string())
                .collect(),
            selection.ranking.iter().map(|r| r.defi.to_string()).collect(),
        ),
        Err(err) => JuryResult { error: Some(eligibility_error(&err)), ..JuryResult::default() },
    }
}

/// Runs `case`: decides its input with the rule crates, shapes the result as the expected
/// fields are written (see [`RawCase`](crate::RawCase)) and compares them. An eligibility
/// case also checks that every rule it names is in the decision's trace, and when it fails,
/// its report carries those rules' trace entries (result, source, facts).
///
/// # Example
/// ```
/// use eig_cases::{read_cases, run_case};
///
/// // An EIG3 collectivité asking for PIA co-financing without a convention: no PIA money.
/// let case = read_cases("collectivite.yaml", r#"
/// title: An EIG3 collectivité without a convention gets no PIA money
/// source: AAP3 §3.1.2
/// quote: elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif du défi
/// rules: [eig3.host.funding_route]
/// dossier:
///   defi:
///     id: eig3-region
///     title: Données de transport
///     promotion: EIG3
///     hosts: {operational: {name: Région, kind: {kind: local_authority, level: region}}}
///     team: [{profile: data_scientist}, {profile: developer}]
///   submitted_at: '2018-06-15T12:00:00+02:00'
///   funding: {cofinancing_requested: true}
/// expected:
///   outcome: ineligible
/// "#).remove(0)?;
/// assert!(run_case(&case).passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run_case(case: &Case) -> Report {
    run_case_with(case, RunOptions::default(), &AtomicBool::new(false))
}

/// [`run_case`], with a matching case's search stopped early once `stop` is set
/// ([`eig_matching::solve_until`]): the case then fails with the interruption as its error.
/// A runner that sets `stop` discards that report (`eig serve` answers 503).
///
/// # Example
/// ```
/// use std::sync::atomic::AtomicBool;
/// use eig_cases::{read_cases, run_case_until};
///
/// let case = read_cases("case.yaml", r#"
/// title: An EIG3 collectivité without a convention gets no PIA money
/// source: AAP3 §3.1.2
/// quote: elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif du défi
/// rules: [eig3.host.funding_route]
/// dossier:
///   defi:
///     id: eig3-region
///     title: Données de transport
///     promotion: EIG3
///     hosts: {operational: {name: Région, kind: {kind: local_authority, level: region}}}
///     team: [{profile: data_scientist}, {profile: developer}]
///   submitted_at: '2018-06-15T12:00:00+02:00'
///   funding: {cofinancing_requested: true}
/// expected:
///   outcome: ineligible
/// "#).remove(0)?;
/// assert!(run_case_until(&case, &AtomicBool::new(false)).passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run_case_until(case: &Case, stop: &AtomicBool) -> Report {
    run_case_with(case, RunOptions::default(), stop)
}

/// [`run_case_until`], under `options`: with [`RunOptions::drafts`], a case that cites no
/// source or quotes no sentence is run as a draft (what it does cite is still checked).
///
/// # Example
/// ```
/// use std::sync::atomic::AtomicBool;
/// use eig_cases::{RunOptions, Verdict, read_cases, run_case_with};
///
/// let case = read_cases("draft.yaml", r#"
/// title: 1 € in three parts
/// evenly: {total: '1.00', parts: 3}
/// expected: ['0.34', '0.33', '0.33']
/// "#).remove(0)?;
/// let stop = AtomicBool::new(false);
/// let strict = run_case_with(&case, RunOptions::default(), &stop);
/// let Verdict::Miscited { problems, .. } = &strict.verdict else { panic!() };
/// assert_eq!(problems[0].code, "citation_missing_source");
/// assert!(run_case_with(&case, RunOptions::drafts(), &stop).passed());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn run_case_with(case: &Case, options: RunOptions, stop: &AtomicBool) -> Report {
    let problems = crate::cite::citation_problems(case, options);
    let mut plan = None;
    let mut notes = Vec::new();
    let mut differences = Vec::new();
    let actual = match &case.input {
        CaseInput::Dossier(_)
        | CaseInput::Candidate(_)
        | CaseInput::Ami5bis(_)
        | CaseInput::Prolongation(_) => {
            let mut talents = None;
            let decision = match &case.input {
                CaseInput::Dossier(dossier) => evaluate_dossier(dossier),
                CaseInput::Candidate(application) => evaluate_candidate(application),
                CaseInput::Ami5bis(application) => evaluate_eig5bis(application),
                CaseInput::Prolongation(request) => {
                    evaluate_prolongation_by_talent(request).map(|by_talent| {
                        talents = Some(talents_view(&by_talent));
                        by_talent.decision
                    })
                }
                _ => unreachable!("matched above"),
            };
            match decision {
                Ok(decision) => {
                    for rule in &case.rules {
                        if !decision.trace.iter().any(|entry| entry.rule == rule) {
                            differences.push(Difference {
                                path: "$.rules".to_owned(),
                                expected: Value::from(rule.as_str()),
                                actual: None,
                            });
                        }
                    }
                    notes = rule_notes(&decision, case);
                    let mut view = decision_view(&decision);
                    view.talents = talents;
                    value(&view)
                }
                Err(err) => value(&eligibility_error(&err)),
            }
        }
        CaseInput::Jury(sheet) => value(&jury_view(sheet)),
        CaseInput::Scores(sheet) => value(&scores_view(sheet)),
        CaseInput::Eig7Terms(terms) => value(&eig7_terms_view(terms)),
        CaseInput::Eig7Cap(cap) => {
            value(&Eig7CapResult { cap: eig7_recruitment_cap(cap.year, cap.recruited) })
        }
        CaseInput::Funding(input, scenario) => {
            let planned = plan_promotion(input, scenario);
            let view = value(&funding_view(&planned));
            plan = planned.ok();
            view
        }
        CaseInput::Split(SplitInput { total, share, rounding }) => {
            let parts = split(*total, *share, *rounding);
            value(&SplitResult { share: parts.share, remainder: parts.remainder })
        }
        CaseInput::Evenly(EvenlyInput { total, parts }) => {
            value(&match split_evenly(*total, *parts) {
                Ok(parts) => PartsResult::Parts(parts),
                Err(err) => PartsResult::Error(ErrorResult::message(err.to_string())),
            })
        }
        CaseInput::Allocate(AllocateInput { total, weights }) => {
            value(&match allocate(*total, weights) {
                Ok(parts) => PartsResult::Parts(parts),
                Err(err) => PartsResult::Error(ErrorResult::message(err.to_string())),
            })
        }
        CaseInput::Matching(input, options) => value(&matching_view(input, options, stop)),
        CaseInput::Campaign(campaign) => value(&campaign_view(campaign)),
        CaseInput::Termination(input) => value(&termination_view(*input)),
        CaseInput::Changes(input) => value(&changes_view(input)),
        CaseInput::Calendar(input) => value(&calendar_view(input)),
    };
    compare(Some(&actual), &case.expected, "$", &mut differences);
    let computation = match &plan {
        Some(plan) if !differences.is_empty() => funding_computation(plan, &differences),
        _ => Vec::new(),
    };
    if differences.is_empty() {
        notes.clear();
    }
    let verdict = match (problems.is_empty(), differences.is_empty()) {
        (true, true) => Verdict::Passed,
        (true, false) => Verdict::Failed { differences, rule_notes: notes },
        (false, _) => Verdict::Miscited { problems, differences, rule_notes: notes },
    };
    Report {
        title: case.title.clone(),
        source: case.source.clone(),
        rules: case.rules.clone(),
        verdict,
        actual,
        computation,
    }
}

/// The talents a difference concerns: its talent (`$.talents.d1/t1…`), its défi's
/// (`$.defis.d1…`), or every talent (totals, envelope, payers).
fn concerned<'a>(
    plan: &'a PromotionPlan,
    differences: &[Difference],
) -> Vec<(String, &'a TalentPlan)> {
    let mut all = Vec::new();
    for defi in &plan.defis {
        for talent in &defi.talents {
            all.push((defi.defi.to_string(), talent));
        }
    }
    let wanted = |defi: &str, talent: &TalentPlan| {
        differences.iter().any(|difference| {
            if let Some(rest) = difference.path.strip_prefix("$.talents.") {
                // `d1/t1` or `d1/t1.by_payer…`, not `d1/t10`.
                let key = format!("{defi}/{}", talent.talent);
                rest.strip_prefix(&key)
                    .is_some_and(|after| after.is_empty() || after.starts_with('.'))
            } else if let Some(rest) = difference.path.strip_prefix("$.defis.") {
                rest.split(['.', '[']).next() == Some(defi)
            } else {
                true
            }
        })
    };
    all.into_iter()
        .filter(|(defi, talent)| wanted(defi, talent))
        .map(|(defi, talent)| (format!("{defi}/{}", talent.talent), talent))
        .collect()
}

/// A payer's part of a talent: its amount and rule; the host's rest as the cost less the
/// programme's parts (`65432.17 € − 45802.52 € = 19629.65 €`), when it is that.
fn part_text(talent: &TalentPlan, part: &eig_funding::Part) -> String {
    let payer = value(&part.payer);
    let payer = payer.as_str().unwrap_or("?");
    let others: Option<rust_decimal::Decimal> = talent
        .parts
        .iter()
        .filter(|other| other.rule != eig_funding::RuleId::HostPaysRest)
        .map(|other| rust_decimal::Decimal::from(other.amount))
        .reduce(|a, b| a + b);
    let cost = rust_decimal::Decimal::from(talent.employer_cost);
    match others {
        Some(others)
            if part.rule == eig_funding::RuleId::HostPaysRest
                && cost - others == rust_decimal::Decimal::from(part.amount) =>
        {
            format!(
                "{payer} {} € − {others} € = {} € ({})",
                talent.employer_cost,
                part.amount,
                part.rule.as_str()
            )
        }
        _ => format!("{payer} {} € ({})", part.amount, part.rule.as_str()),
    }
}

/// For a difference on a payer's total (`$.totals.host`, `$.defis.d1.totals.host`): the sum
/// of that payer's parts, talent by talent, that makes it.
fn sum_line(plan: &PromotionPlan, path: &str) -> Option<String> {
    let (defi, payer) = if let Some(payer) = path.strip_prefix("$.totals.") {
        (None, payer)
    } else {
        let (defi, payer) = path.strip_prefix("$.defis.")?.split_once(".totals.")?;
        (Some(defi), payer)
    };
    let mut terms = Vec::new();
    let mut sum = rust_decimal::Decimal::ZERO;
    for plan in plan.defis.iter().filter(|d| defi.is_none_or(|defi| d.defi.as_str() == defi)) {
        for talent in &plan.talents {
            for part in talent.parts.iter().filter(|part| value(&part.payer) == payer) {
                sum += rust_decimal::Decimal::from(part.amount);
                terms.push(format!("{} € ({}/{})", part.amount, plan.defi, talent.talent));
            }
        }
    }
    let shown = if terms.len() > DETAILED_TALENTS {
        let rest = terms.len() - DETAILED_TALENTS;
        format!("{} + … ({rest} autres parts)", terms[..DETAILED_TALENTS].join(" + "))
    } else if terms.is_empty() {
        "aucune part".to_owned()
    } else {
        terms.join(" + ")
    };
    let whose = defi.map_or_else(String::new, |defi| format!(" du défi {defi}"));
    Some(format!("somme {payer}{whose} : {shown} = {} €", sum.round_dp(2)))
}

/// The most talents a failing funding case details (the others are counted).
const DETAILED_TALENTS: usize = 12;

/// How each talent a difference concerns was computed, then the parameters used.
fn funding_computation(plan: &PromotionPlan, differences: &[Difference]) -> Vec<String> {
    let talents = concerned(plan, differences);
    let mut lines = Vec::new();
    for (key, talent) in talents.iter().take(DETAILED_TALENTS) {
        let basis = match talent.cost_basis {
            CostBasis::GivenForContract => "donné pour le contrat",
            CostBasis::GivenMonthly => "donné par mois",
            CostBasis::ReferenceEstimate => "estimé au coût de référence (ING)",
            _ => "?",
        };
        let sources: Vec<String> =
            talent.rule.sources_for(plan.promotion).iter().map(ToString::to_string).collect();
        let formula = match talent.formula {
            Formula::ShareOfCost { share, employer_cost } => {
                let exact =
                    rust_decimal::Decimal::from(share) * rust_decimal::Decimal::from(employer_cost);
                let rounded = talent
                    .parts
                    .iter()
                    .find(|part| part.rule == talent.rule)
                    .map_or_else(String::new, |part| {
                        format!(" → {} € ({})", part.amount, plan.rounding.french())
                    });
                format!("{share} × {employer_cost} € = {} €{rounded}", exact.normalize())
            }
            Formula::MonthsOfCost { months, monthly_cost, contract_cost, contract_months } => {
                match (monthly_cost, contract_cost) {
                    (Some(monthly), _) => format!("{months} mois × {monthly} € par mois"),
                    (None, Some(contract)) => format!(
                        "{months} mois × ({contract} € ÷ {contract_months} mois de contrat)"
                    ),
                    (None, None) => format!("{months} mois de coût employeur"),
                }
            }
            Formula::Flat { amount } => format!("forfait de {amount} €"),
            Formula::WholeCost { payer } => {
                format!("tout le coût à {}", value(&payer).as_str().unwrap_or("?"))
            }
            _ => "?".to_owned(),
        };
        let parts: Vec<String> = talent.parts.iter().map(|part| part_text(talent, part)).collect();
        lines.push(format!(
            "calcul {key} : coût employeur {} € ({basis}) ; règle {} ({}) : {formula} ; parts : {}",
            talent.employer_cost,
            talent.rule.as_str(),
            sources.join(" ; "),
            parts.join(", ")
        ));
    }
    if talents.len() > DETAILED_TALENTS {
        lines.push(format!("… et {} autres talents", talents.len() - DETAILED_TALENTS));
    }
    lines.extend(differences.iter().filter_map(|difference| sum_line(plan, &difference.path)));
    let parameters: Vec<String> = plan
        .parameters
        .iter()
        .map(|parameter| {
            let shown = match parameter.value {
                eig_funding::ParameterValue::Amount(amount) => format!("{amount} €"),
                eig_funding::ParameterValue::Share(share) => share.to_string(),
                eig_funding::ParameterValue::Months(months) => format!("{months} mois"),
                _ => value(&parameter.value).to_string(),
            };
            let source = parameter.source.as_ref().map_or_else(
                || "valeur donnée par le scénario, aucune source".to_owned(),
                ToString::to_string,
            );
            let overridden =
                if parameter.overridden { ", remplacée par le scénario" } else { "" };
            format!("{} = {shown} ({source}{overridden})", parameter.id)
        })
        .collect();
    if !parameters.is_empty() {
        lines.push(format!("paramètres ({}) : {}", plan.promotion, parameters.join(" ; ")));
    }
    lines
}
