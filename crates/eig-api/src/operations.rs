//! Every operation as a typed function: its request shape in, its response shape or an
//! [`ApiError`] out. The table ([`crate::operations`]) calls these; an embedder may too.

use std::sync::atomic::{AtomicBool, Ordering};

use eig_campaign::{Campaign, CampaignResult, EligibleDossier};
use eig_domain::{
    CivilService, Commitment, FundingRoute, HostKind, PersonKind, Promotion, Studies, StudyLevel,
    SupportRole, TalentProfile,
};
use eig_eligibility::{
    BatchError, BetaPhase, CandidateApplication, CandidateRankings, CandidateScoreSheet,
    ChangeOptions, Decision, DefiDossier, JurySheet, ProlongationRequest, RecruitmentCap,
    Selection, evaluate_candidates, evaluate_dossiers, render_french,
};
use eig_funding::{FundingError, Payer, PromotionInput, PromotionPlan, Scenario, TalentInput};
use eig_matching::{InputProblem, Instance, InstanceError, MatchingInput, Options};
use serde_json::Value;

use crate::{
    answers::{self, AnswerError, TypedAnswer},
    error::{self, ApiError, ErrorKind},
    shapes::{
        CandidateSimulation, CandidateSimulationResult, CaseResult, ChangesAnswer, Eig7Terms,
        EligibilityInput, EligibilityOutput, ExplainInput, Explanation, FundingRequest,
        HistoryOutput, LabelledValue, MatchOutput, ProlongationAnswer, RecordAnswer, Simulation,
        SimulationResult, TalentField, TalentMissing, TestOutput, Vocabulary,
    },
};

/// How many records are decided at a time: a large batch never holds all its decisions (each
/// carries its trace, several kilobytes).
const CHUNK: usize = 64;

/// One record's result and, when it was not judged, the line naming it (`à $.dossiers[3] :
/// …`).
fn judged_of(result: Result<Decision, BatchError>, path: &str) -> (RecordAnswer, Option<String>) {
    match result {
        Ok(decision) => (RecordAnswer::Decided(decision), None),
        Err(err) => {
            let line = format!("à {path}[{}] : {err}", err.index);
            let judged = RecordAnswer::NotJudged {
                subject: err.subject,
                code: err.error.code().to_owned(),
                error: err.error.to_string(),
            };
            (judged, Some(line))
        }
    }
}

/// The result of each of `records`, in order, decided a chunk at a time by `evaluate`, with
/// the line naming each record not judged at its JSON path under `path`.
fn judged<'a, T>(
    records: &'a [T],
    evaluate: impl Fn(&'a [T]) -> Vec<Result<Decision, BatchError>> + 'a,
    path: &'a str,
) -> impl Iterator<Item = (RecordAnswer, Option<String>)> + 'a {
    records.chunks(CHUNK).enumerate().flat_map(move |(chunk, records)| {
        evaluate(records).into_iter().map(move |mut result| {
            if let Err(err) = &mut result {
                // Its place in the whole batch, not in the chunk.
                err.index += chunk * CHUNK;
            }
            judged_of(result, path)
        })
    })
}

/// Each dossier's result, lazily, a chunk at a time (for a caller that writes results as
/// they come), with the line naming each dossier not judged (`à $.dossiers[3] : …`).
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// let (judged, not_judged) = eig_api::dossiers_judged(std::slice::from_ref(&dossier)).next().unwrap();
/// assert!(matches!(judged, eig_api::RecordAnswer::Decided(_)) && not_judged.is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn dossiers_judged(
    dossiers: &[DefiDossier],
) -> impl Iterator<Item = (RecordAnswer, Option<String>)> + '_ {
    judged(dossiers, evaluate_dossiers, "$.dossiers")
}

/// Each application's result, lazily, as [`dossiers_judged`] (`à $.candidates[3] : …`).
///
/// # Example
/// ```
/// let application = eig_api::fixtures::application(eig_domain::Promotion::Eig3)?;
/// assert_eq!(eig_api::candidates_judged(&[application]).count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn candidates_judged(
    candidates: &[CandidateApplication],
) -> impl Iterator<Item = (RecordAnswer, Option<String>)> + '_ {
    judged(candidates, evaluate_candidates, "$.candidates")
}

/// `decideEligibility`: every dossier and application of `input` judged on its own
/// promotion's rules; a record that cannot be judged gets its code and message, the others
/// are decided.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_api::fixtures;
///
/// let input = eig_api::EligibilityInput::new(
///     vec![fixtures::dossier(Promotion::Eig4)?], vec![fixtures::application(Promotion::Eig4)?]);
/// let output = eig_api::decide_eligibility(&input);
/// assert!(matches!(output.dossiers[0], eig_api::RecordAnswer::Decided(_)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_eligibility(input: &EligibilityInput) -> EligibilityOutput {
    EligibilityOutput {
        dossiers: dossiers_judged(&input.dossiers).map(|(judged, _)| judged).collect(),
        candidates: candidates_judged(&input.candidates).map(|(judged, _)| judged).collect(),
    }
}

/// A decision and its French explanation, or the error naming the record at `path`.
fn explained(
    decision: Result<Decision, eig_eligibility::EligibilityError>,
    path: &str,
) -> Result<Explanation, ApiError> {
    let decision = decision.map_err(|err| error::eligibility(&err, path))?;
    Ok(Explanation { explanation: render_french(&decision), decision })
}

/// `explainDecision`: one dossier's or application's decision, explained in French.
///
/// # Errors
/// A record the rules cannot judge (`no_published_rules`, `conflicting_exceptions`…), at
/// `$.dossier` or `$.candidate`.
///
/// # Example
/// ```
/// let dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// let explained = eig_api::explain_decision(&eig_api::ExplainInput::Dossier(dossier))?;
/// assert!(matches!(explained.decision.outcome, eig_eligibility::Outcome::Eligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn explain_decision(input: &ExplainInput) -> Result<Explanation, ApiError> {
    match input {
        ExplainInput::Dossier(dossier) => {
            explained(eig_eligibility::evaluate_dossier(dossier), "$.dossier")
        }
        ExplainInput::Candidate(application) => {
            explained(eig_eligibility::evaluate_candidate(application), "$.candidate")
        }
    }
}

/// `changesToEligibility`: the minimal sets of changes to a dossier's or an application's
/// facts under which its decision is eligible, each with the rules it turns, and the answer
/// in French.
///
/// # Errors
/// A record the rules cannot judge (`no_published_rules`, `conflicting_exceptions`…), at
/// `$.record.dossier` or `$.record.candidate`.
///
/// # Example
/// ```
/// let mut dossier = eig_api::fixtures::dossier(eig_domain::Promotion::Eig3)?;
/// dossier.purely_it_tooling = Some(true);
/// let answer = eig_api::changes_to_eligibility(&eig_cases::ChangesInput::new(
///     eig_cases::ChangesRecord::Dossier(dossier)))?;
/// assert_eq!(answer.changes.sets[0].changes[0].path, "purely_it_tooling");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn changes_to_eligibility(input: &eig_cases::ChangesInput) -> Result<ChangesAnswer, ApiError> {
    let changes = match &input.record {
        eig_cases::ChangesRecord::Dossier(dossier) => {
            eig_eligibility::changes_to_eligible_dossier(dossier, &input.options)
                .map_err(|err| error::eligibility(&err, "$.record.dossier"))?
        }
        eig_cases::ChangesRecord::Candidate(application) => {
            eig_eligibility::changes_to_eligible_application(application, &input.options)
                .map_err(|err| error::eligibility(&err, "$.record.candidate"))?
        }
    };
    let explanation = eig_eligibility::render_changes_french(&changes);
    Ok(ChangesAnswer { changes, explanation })
}

/// `decideProlongation`: an EIG6 host's request to co-finance prolongations (AAC6+),
/// decided per talent and explained.
///
/// # Errors
/// A request the rules cannot judge (an instant out of range), with its code.
///
/// # Example
/// ```
/// let example = eig_api::shape("prolongation").unwrap().example(None)?;
/// let request: eig_eligibility::ProlongationRequest = serde_json::from_value(example)?;
/// let explained = eig_api::decide_prolongation(&request)?;
/// assert!(matches!(explained.decision.outcome, eig_eligibility::Outcome::Eligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_prolongation(request: &ProlongationRequest) -> Result<ProlongationAnswer, ApiError> {
    let decided = eig_eligibility::evaluate_prolongation_by_talent(request)
        .map_err(|err| error::eligibility(&err, "$"))?;
    Ok(ProlongationAnswer {
        explanation: render_french(&decided.decision),
        decision: decided.decision,
        talents: decided.talents,
    })
}

/// `decideAmi5bis`: an application to the AMI Promotion 5 bis, decided and explained.
///
/// # Errors
/// An application of another promotion than EIG6 (`promotion_mismatch`), or one the rules
/// cannot judge.
///
/// # Example
/// ```
/// let example = eig_api::shape("ami5bis").unwrap().example(None)?;
/// let application: eig_eligibility::CandidateApplication = serde_json::from_value(example)?;
/// let explained = eig_api::decide_ami5bis(&application)?;
/// assert!(matches!(explained.decision.outcome, eig_eligibility::Outcome::Eligible { .. }));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn decide_ami5bis(application: &CandidateApplication) -> Result<Explanation, ApiError> {
    explained(eig_eligibility::evaluate_eig5bis(application), "$")
}

/// `selectLaureates`: the jury's sheet ranked on the promotion's grid, laureates selected
/// within the places and the envelope.
///
/// # Errors
/// A sheet the grid cannot rank (`wrong_number_of_scores`, `score_out_of_scale`,
/// `scale_required`…).
///
/// # Example
/// ```
/// let example = eig_api::shape("jury").unwrap().example(None)?;
/// let sheet: eig_eligibility::JurySheet = serde_json::from_value(example)?;
/// let selection = eig_api::select_laureates(&sheet)?;
/// assert!(!selection.ranking.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn select_laureates(sheet: &JurySheet) -> Result<Selection, ApiError> {
    eig_eligibility::select_laureates(sheet).map_err(|err| error::eligibility(&err, "$"))
}

/// `rankCandidates`: a candidate jury's scores turned into one ranking of tie groups per
/// (défi, profile), on the promotion's candidate grid.
///
/// # Errors
/// A sheet the candidate grid cannot rank (`no_candidate_grid`,
/// `candidate_score_out_of_scale`, `duplicate_candidate_scores`…).
///
/// # Example
/// ```
/// let example = eig_api::shape("scores").unwrap().example(None)?;
/// let sheet: eig_eligibility::CandidateScoreSheet = serde_json::from_value(example)?;
/// let rankings = eig_api::rank_candidates(&sheet)?;
/// assert!(!rankings.lists.is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn rank_candidates(sheet: &CandidateScoreSheet) -> Result<CandidateRankings, ApiError> {
    eig_eligibility::rank_candidates(sheet).map_err(|err| error::eligibility(&err, "$"))
}

/// `eig7Terms`: the dated terms of an EIG7 contract and the day a renewal notice must be
/// answered by (REG7 §2.3, §3.4 d), each with its source.
///
/// # Errors
/// A contract whose talent arrived before it started, or a date out of range: an
/// [`ApiError`] with the rule crate's code. Neither day pair given: `nothing_to_compute`.
///
/// # Example
/// ```
/// let input: eig_cases::Eig7TermsInput =
///     serde_json::from_str(r#"{"renewal_notice_received_on": "2024-11-04"}"#)?;
/// let terms = eig_api::eig7_terms(&input)?;
/// assert!(terms.renewal_answer_by.is_some());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn eig7_terms(input: &eig_cases::Eig7TermsInput) -> Result<Eig7Terms, ApiError> {
    let contract = match (input.starts_on, input.arrived_on) {
        (Some(start), Some(arrival)) => Some(
            eig_eligibility::eig7_contract_terms(start, arrival)
                .map_err(|err| error::eligibility(&err, "$"))?,
        ),
        (None, None) => None,
        (Some(_), None) => {
            return Err(ApiError::new(
                ErrorKind::Invalid,
                "arrival_needed",
                "le premier jour du contrat (starts_on) va avec l'arrivée du talent \
                 (arrived_on) : donnez-la",
            )
            .at("$.arrived_on"));
        }
        (None, Some(_)) => {
            return Err(ApiError::new(
                ErrorKind::Invalid,
                "start_needed",
                "l'arrivée du talent (arrived_on) va avec le premier jour du contrat \
                 (starts_on) : donnez-le",
            )
            .at("$.starts_on"));
        }
    };
    let renewal_answer_by = input
        .renewal_notice_received_on
        .map(eig_eligibility::eig7_renewal_answer_by)
        .transpose()
        .map_err(|err| error::eligibility(&err, "$.renewal_notice_received_on"))?;
    if contract.is_none() && renewal_answer_by.is_none() {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            "nothing_to_compute",
            "rien à calculer : donnez le premier jour du contrat et l'arrivée du talent \
             (starts_on, arrived_on), ou le jour où une demande de renouvellement a été reçue \
             (renewal_notice_received_on)",
        )
        .at("$"));
    }
    Ok(Eig7Terms { contract, renewal_answer_by })
}

/// `eig7RecruitmentCap`: where a year's EIG7 recruitments stand against REG7 §2.6 b's cap.
///
/// # Example
/// ```
/// let input: eig_cases::Eig7CapInput = serde_json::from_str(r#"{"year": 2024, "recruited": 12}"#)?;
/// let cap = eig_api::eig7_recruitment_cap(&input);
/// assert!(matches!(cap, eig_eligibility::RecruitmentCap::Open { remaining: 18, .. }));
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn eig7_recruitment_cap(input: &eig_cases::Eig7CapInput) -> RecruitmentCap {
    eig_eligibility::eig7_recruitment_cap(input.year, input.recruited)
}

/// `conventionTermination`: the day a funding convention's termination takes effect, one
/// month after its notification (AAP6 annexe 3 art. 8: « avec un préavis d’un mois »).
///
/// # Errors
/// `date_out_of_range` when the day falls outside the calendar.
///
/// # Example
/// ```
/// let input: eig_cases::TerminationInput =
///     serde_json::from_str(r#"{"convention": "aap6", "notified_on": "2022-11-15"}"#)?;
/// let terms = eig_api::convention_termination(&input)?;
/// assert_eq!(terms.effective_on.value.to_string(), "2022-12-15");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn convention_termination(
    input: &eig_cases::TerminationInput,
) -> Result<eig_eligibility::ConventionTermination, ApiError> {
    eig_eligibility::convention_termination(input.convention, input.notified_on)
        .map_err(|err| error::eligibility(&err, "$.notified_on"))
}

/// `fundingCalendar`: the calendar of a promotion's transfers under its official rules: for
/// each défi, when or on which event each payer of the programme transfers its money (AAP3
/// §5.2; AAP4 §3.3; AAP6 annexe 3 art. 4), dated by the events' days the caller gives.
///
/// # Errors
/// As [`plan_funding`], at the défi's path under `$.funding`; `no_transfer_to_date` at the
/// event dated for no transfer.
///
/// # Example
/// ```
/// let input: eig_cases::CalendarInput = serde_json::from_value(serde_json::json!({
///     "funding": eig_api::fixtures::promotion_input(eig_domain::Promotion::Eig4)?,
///     "events": {"decree_published_on": "2020-11-20"}}))?;
/// let calendar = eig_api::funding_calendar(&input)?;
/// assert!(calendar.transfers.iter().all(|t| t.on.is_some_and(|day| day.to_string() == "2020-11-20")));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn funding_calendar(
    input: &eig_cases::CalendarInput,
) -> Result<eig_funding::PaymentCalendar, ApiError> {
    let plan = eig_funding::plan_promotion(&input.funding, &Scenario::default())
        .map_err(|err| error::funding(&err, &input.funding, "$.funding"))?;
    eig_funding::payment_calendar(&plan, &input.events).map_err(|err| {
        let path = match err.defi() {
            Some(defi) => format!("$.events.defis.{defi}"),
            None => "$.events.decree_published_on".to_owned(),
        };
        ApiError::new(ErrorKind::Invalid, err.code(), err.to_string()).at(path)
    })
}

/// `planFunding`: a promotion's funding plan under its official rules.
///
/// # Errors
/// A plan the rules or the facts forbid (`route_not_open`, `team_too_large`,
/// `talent_repeated`…), at the défi's path when it is about one.
///
/// # Example
/// ```
/// let input = eig_api::fixtures::promotion_input(eig_domain::Promotion::Eig3)?;
/// let plan = eig_api::plan_funding(&input)?;
/// assert_eq!(plan.defis.len(), input.defis.len());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_funding(input: &PromotionInput) -> Result<PromotionPlan, ApiError> {
    eig_funding::plan_promotion(input, &Scenario::default())
        .map_err(|err| error::funding(&err, input, "$"))
}

/// `planFundingScenario`: a promotion's funding plan under a scenario's overrides.
///
/// # Errors
/// As [`plan_funding`], at the défi's path under `$.input`.
///
/// # Example
/// ```
/// let input = eig_api::fixtures::promotion_input(eig_domain::Promotion::Eig3)?;
/// let request: eig_api::FundingRequest =
///     serde_json::from_value(serde_json::json!({"input": input}))?;
/// assert!(eig_api::plan_funding_scenario(&request).is_ok());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn plan_funding_scenario(request: &FundingRequest) -> Result<PromotionPlan, ApiError> {
    eig_funding::plan_promotion(&request.input, &request.scenario)
        .map_err(|err| error::funding(&err, &request.input, "$.input"))
}

/// `assignTalents`: the matching problem validated, solved, verified and, when `explain`,
/// explained.
///
/// # Errors
/// The input's problems (`invalid_matching_problem`), each at its JSON path.
///
/// # Example
/// ```
/// let input = eig_matching::generate(&eig_matching::GeneratorConfig::eig_call(2018)).to_input();
/// let output = eig_api::assign_talents(&input, &eig_matching::Options::default(), true)?;
/// assert!(output.explanations.is_some());
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub fn assign_talents(
    input: &MatchingInput,
    options: &Options,
    explain: bool,
) -> Result<MatchOutput, ApiError> {
    assign_talents_until(input, options, explain, &AtomicBool::new(false))
}

/// [`assign_talents`], ended early with [`ErrorKind::Interrupted`] once `stop` is set
/// ([`eig_matching::solve_until`]).
pub(crate) fn assign_talents_until(
    input: &MatchingInput,
    options: &Options,
    explain: bool,
    stop: &AtomicBool,
) -> Result<MatchOutput, ApiError> {
    let instance = Instance::new(input).map_err(|err| matching_problems(&err, input))?;
    report_until(&instance, options, explain, stop)
}

/// Solves, stopped when `stop` is set, and reports (explained if `explain`).
fn report_until(
    instance: &Instance,
    options: &Options,
    explain: bool,
    stop: &AtomicBool,
) -> Result<MatchOutput, ApiError> {
    let solution = eig_matching::solve_until(instance, options, stop).map_err(solve_error)?;
    Ok(MatchOutput { report: solution.report(), explanations: explain.then(|| solution.explain()) })
}

/// The error of a solve: stopped by its caller, or refused by the verifier (a bug).
fn solve_error(err: eig_matching::SolveError) -> ApiError {
    match err {
        eig_matching::SolveError::Interrupted { .. } => interrupted(),
        err => ApiError::new(ErrorKind::Unjudgeable, "verification_failed", err.to_string()),
    }
}

/// A computation its caller stopped.
pub(crate) fn interrupted() -> ApiError {
    ApiError::new(
        ErrorKind::Interrupted,
        "interrupted",
        "le calcul a été interrompu avant sa fin (délai du service dépassé, ou arrêt du \
         service) : réessayez, ou envoyez une demande plus petite",
    )
}

/// Solves a validated `instance` (the solver verifies its result) and, if `explain`,
/// explains it.
///
/// # Errors
/// The verifier refused the solver's result (`verification_failed`: a bug, to report).
///
/// # Example
/// ```
/// let instance = eig_matching::generate(&eig_matching::GeneratorConfig::eig_call(2018));
/// let output = eig_api::solve_and_report(&instance, &eig_matching::Options::default(), false)?;
/// assert!(!output.report.placements.is_empty());
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub fn solve_and_report(
    instance: &Instance,
    options: &Options,
    explain: bool,
) -> Result<MatchOutput, ApiError> {
    report_until(instance, options, explain, &AtomicBool::new(false))
}

/// The problems of a matching input, one a line with its JSON path in `input`, the first 4
/// shown (a long list would hide the first); the error's path is the first problem's.
///
/// # Example
/// ```
/// let mut input = eig_matching::generate(&eig_matching::GeneratorConfig::eig_call(2018)).to_input();
/// input.defis.push(input.defis[0].clone());
/// let err = eig_api::assign_talents(&input, &eig_matching::Options::default(), false).unwrap_err();
/// assert_eq!(err.code(), "invalid_matching_problem");
/// assert!(err.path().is_some());
/// ```
pub fn matching_problems(err: &InstanceError, input: &MatchingInput) -> ApiError {
    let problems = err.problems();
    let paths: Vec<Option<String>> =
        problems.iter().take(4).map(|problem| path_of(input, problem)).collect();
    let mut lines: Vec<String> = problems
        .iter()
        .zip(&paths)
        .map(|(problem, path)| match path {
            Some(path) => format!("  - à {path} : {problem}"),
            None => format!("  - {problem}"),
        })
        .collect();
    if problems.len() > 4 {
        lines.push(format!("  … et {} de plus", problems.len() - 4));
    }
    let message = format!(
        "{} à corriger dans l'entrée :\n{}",
        if problems.len() == 1 {
            "1 problème".to_owned()
        } else {
            format!("{} problèmes", problems.len())
        },
        lines.join("\n")
    );
    let error = ApiError::new(ErrorKind::Invalid, "invalid_matching_problem", message);
    match paths.into_iter().flatten().next() {
        // The lines name each place: the first is carried for programs, not repeated.
        Some(path) => error.at(path).with_path_in_message(false),
        None => error,
    }
}

/// The JSON path of the record a problem is about: the first défi, candidate or ranking of
/// the input it names.
fn path_of(input: &MatchingInput, problem: &InputProblem) -> Option<String> {
    let defi = |id: &eig_domain::DefiId| {
        input.defis.iter().position(|d| &d.id == id).map(|i| format!("$.defis[{i}]"))
    };
    let candidate = |id: &eig_domain::CandidateId| {
        input.candidates.iter().position(|c| &c.id == id).map(|i| format!("$.candidates[{i}]"))
    };
    let ranking = |id: &eig_domain::DefiId, profile: TalentProfile| {
        input
            .rankings
            .iter()
            .position(|r| &r.defi == id && r.profile == profile)
            .map(|i| format!("$.rankings[{i}]"))
    };
    match problem {
        InputProblem::EmptyBounds { .. } => Some("$.limits".to_owned()),
        InputProblem::DuplicateDefi { defi: id }
        | InputProblem::SeatsOutsideBounds { defi: id, .. } => defi(id),
        InputProblem::DuplicateCandidate { candidate: id }
        | InputProblem::TooManyChoices { candidate: id, .. }
        | InputProblem::UnknownChoice { candidate: id, .. }
        | InputProblem::DuplicateChoice { candidate: id, .. } => candidate(id),
        InputProblem::RankingUnknownDefi { defi } => {
            input.rankings.iter().position(|r| &r.defi == defi).map(|i| format!("$.rankings[{i}]"))
        }
        InputProblem::RankingWithoutSeat { defi, profile }
        | InputProblem::DuplicateRanking { defi, profile }
        | InputProblem::RankingUnknownCandidate { defi, profile, .. }
        | InputProblem::RankingNotApplicant { defi, profile, .. }
        | InputProblem::RankingWrongProfile { defi, profile, .. }
        | InputProblem::RankedTwice { defi, profile, .. }
        | InputProblem::EmptyTieGroup { defi, profile }
        | InputProblem::OfferToApplicant { defi, profile, .. } => ranking(defi, *profile),
        _ => None,
    }
}

/// `runCall`: a whole call — eligibility, laureates, funding, assignment.
///
/// # Errors
/// The step that refused, with its code and, where it is about one record, its path.
///
/// # Example
/// ```
/// let result = eig_api::run_call(&eig_campaign::default_campaign())?;
/// assert_eq!(result.promotion, eig_domain::Promotion::Eig3);
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub fn run_call(campaign: &Campaign) -> Result<CampaignResult, ApiError> {
    use eig_campaign::CampaignError;
    eig_campaign::run(campaign).map_err(|err| match &err {
        CampaignError::JurySheet(eig_eligibility::EligibilityError::ScaleRequired {
            promotion,
        }) => ApiError::new(
            ErrorKind::Invalid,
            "scale_required",
            format!(
                "la promotion {promotion} ne publie pas d'échelle de notes pour le jury des \
                 défis : donnez celle qu'il a employée, par ex. \"score_scale\": {{\"min\": 1, \
                 \"max\": 4}}"
            ),
        )
        .at("$.score_scale"),
        // A funding error about one défi: the path of its dossier in the campaign.
        CampaignError::Funding(funding) => {
            let index = funding
                .defi()
                .and_then(|defi| campaign.dossiers.iter().position(|d| &d.dossier.defi.id == defi));
            let error = error::campaign(&err);
            match index {
                Some(index) => error.at(format!("$.dossiers[{index}]")),
                None => error,
            }
        }
        // A withdrawal of the jury: the path of its field in the campaign.
        CampaignError::Withdrawal(withdrawal) => error::campaign(&err).at(format!(
            "$.jury_withdrawals[{}].{}",
            withdrawal.index(),
            withdrawal.field()
        )),
        _ => error::campaign(&err),
    })
}

/// `simulate`: one dossier's decision, its explanation and, when it is eligible, the défi's
/// funding plan (the sequence eligibility → hand-off → plan of `eig-campaign`).
///
/// # Errors
/// A dossier the rules cannot judge (another promotion's rules unpublished, conflicting
/// exceptions).
pub fn simulate(simulation: &Simulation) -> Result<SimulationResult, ApiError> {
    let mut answer_errors = Vec::new();
    let (dossier_answers, talent_answers): (Vec<_>, Vec<_>) =
        simulation.typed.iter().partition(|(field, _)| !field.starts_with("talents."));
    let dossier = answers::apply(
        &simulation.dossier,
        &dossier_answers.into_iter().map(|(k, v)| (k.clone(), v.clone())).collect(),
        &mut answer_errors,
    );
    let talents = typed_talents(&simulation.talents, &talent_answers, &mut answer_errors);
    let decision = eig_eligibility::evaluate_dossier(&dossier)
        .map_err(|err| error::eligibility(&err, "$.dossier"))?;
    let explanation = render_french(&decision);
    let rules = eig_eligibility::rule_lines(&decision);
    let changes = refused(&decision.outcome).then(|| {
        eig_eligibility::changes_to_eligible_dossier(&dossier, &ChangeOptions::default()).ok()
    });
    let mut result = SimulationResult {
        decision,
        explanation,
        rules,
        plan: None,
        plan_problem: None,
        plan_problem_code: None,
        talents_missing: Vec::new(),
        answer_errors,
        changes: changes.flatten(),
    };
    let Ok(eligible) = EligibleDossier::from_decision(&dossier, &result.decision) else {
        return Ok(result);
    };
    let eligible = if talents.is_empty() { eligible } else { eligible.with_talents(talents) };
    // Every talent's missing input: a talent whose plan needs one is set aside and the plan
    // tried again without it, so that one answer names them all (at most one try a talent).
    let mut funding = eligible.funding();
    let mut first_problem = None;
    loop {
        let err =
            match eig_funding::plan_defi(dossier.defi.promotion, &funding, &Scenario::default()) {
                Ok(plan) => {
                    if first_problem.is_none() {
                        result.plan = Some(plan);
                    }
                    break;
                }
                Err(err) => err,
            };
        let missing = match &err {
            FundingError::ExperienceNeeded { talent, promotion, .. } => Some(TalentMissing {
                talent: talent.clone(),
                input: TalentField::Experience,
                why: format!(
                    "l'expérience est nécessaire pour lire la grille de rémunération de la \
                     promotion {promotion}"
                ),
            }),
            FundingError::EmployerCostNeeded { talent, why, .. } => Some(TalentMissing {
                talent: talent.clone(),
                input: TalentField::EmployerCost,
                why: format!("le coût total employeur est nécessaire : {why}"),
            }),
            _ => None,
        };
        if first_problem.is_none() {
            first_problem = Some((err.to_string(), err.code().to_owned()));
        }
        let Some(missing) = missing else { break };
        funding.talents.retain(|talent| talent.talent != missing.talent);
        result.talents_missing.push(missing);
        if funding.talents.is_empty() {
            break;
        }
    }
    if let Some((problem, code)) = first_problem {
        result.plan_problem = Some(problem);
        result.plan_problem_code = Some(code);
    }
    Ok(result)
}

/// `talents` with the typed answers about them (`talents.<id>.<field>`) put in place; an
/// answer about a talent not given is refused.
fn typed_talents(
    talents: &[TalentInput],
    answers: &[(&String, &TypedAnswer)],
    errors: &mut Vec<AnswerError>,
) -> Vec<TalentInput> {
    let mut talents = talents.to_vec();
    for (field, answer) in answers {
        let rest = field.strip_prefix("talents.").unwrap_or(field);
        let placed = rest.split_once('.').and_then(|(id, path)| {
            let talent = talents.iter_mut().find(|talent| talent.talent.as_str() == id)?;
            Some((talent, path))
        });
        match placed {
            Some((talent, path)) => {
                *talent = answers::apply_each(&*talent, [(field.as_str(), path, *answer)], errors);
            }
            None => errors.push(answers::no_such_field(field)),
        }
    }
    talents
}

/// `simulateCandidate`: one application's decision and its explanation, the answers typed
/// by the candidate read first.
///
/// # Errors
/// An application the rules cannot judge, at `$.application`.
pub fn simulate_candidate(
    simulation: &CandidateSimulation,
) -> Result<CandidateSimulationResult, ApiError> {
    let mut answer_errors = Vec::new();
    let application =
        answers::apply(&simulation.application, &simulation.typed, &mut answer_errors);
    let decision = eig_eligibility::evaluate_candidate(&application)
        .map_err(|err| error::eligibility(&err, "$.application"))?;
    let changes = refused(&decision.outcome).then(|| {
        eig_eligibility::changes_to_eligible_application(&application, &ChangeOptions::default())
            .ok()
    });
    Ok(CandidateSimulationResult {
        explanation: render_french(&decision),
        rules: eig_eligibility::rule_lines(&decision),
        decision,
        answer_errors,
        changes: changes.flatten(),
    })
}

/// Whether a decision is a refusal or incomplete: what the simulator answers with what would
/// make it eligible.
fn refused(outcome: &eig_eligibility::Outcome) -> bool {
    !matches!(outcome, eig_eligibility::Outcome::Eligible { .. })
}

/// `officialFigures`: the official figures of every promotion (or of one, with its sourced
/// facts and défi records), from the embedded history.
pub fn official_figures(promotion: Option<Promotion>) -> HistoryOutput {
    let history = eig_history::History::embedded();
    HistoryOutput {
        figures: match promotion {
            Some(promotion) => vec![history.figures(promotion)],
            None => history.all_figures(),
        },
        facts: promotion.map(Promotion::facts),
        defis: promotion.map(|p| history.defis_of(p).cloned().collect()).unwrap_or_default(),
    }
}

/// The first day a promotion's rules can be in force: the earliest day its sourced facts
/// date (the opening of its call for défis or for candidates, or its missions' start), or
/// `None` when no fact dates it.
fn promotion_start(promotion: Promotion) -> Option<chrono::NaiveDate> {
    let facts = promotion.facts();
    [
        facts.call_for_defis.as_ref().and_then(|window| window.value.opens_on),
        facts.call_for_candidates.as_ref().and_then(|window| window.value.opens_on),
        facts.mission_start.as_ref().map(|start| start.value.earliest_day()),
    ]
    .into_iter()
    .flatten()
    .min()
}

/// The first day of the programme: the earliest day any promotion's facts date.
fn programme_start() -> Option<chrono::NaiveDate> {
    Promotion::ALL.into_iter().filter_map(promotion_start).min()
}

/// `listRules`: the rules catalogue of one promotion (every promotion when `None`), built
/// from the rule definitions, the repository's case corpus and its register of
/// interpretations; with a day, the calls open that day and the rules that judge what is
/// received then (`eig rules`, `GET /v1/rules`).
///
/// # Example
/// ```
/// use chrono::NaiveDate;
/// use eig_domain::Promotion;
///
/// let eig3 = eig_api::list_rules(Some(Promotion::Eig3), None);
/// assert!(eig3.promotions[0].rules.iter().any(|rule| rule.id == "eig3.host.kind"));
/// let nothing_open = eig_api::list_rules(None, NaiveDate::from_ymd_opt(2019, 3, 1));
/// assert!(nothing_open.open_calls.is_empty());
/// ```
pub fn list_rules(
    promotion: Option<Promotion>,
    on: Option<chrono::NaiveDate>,
) -> eig_catalogue::Catalogue {
    eig_catalogue::catalogue(
        promotion,
        on,
        eig_catalogue::Corpus::embedded(),
        eig_catalogue::Register::embedded(),
    )
}

/// The two promotions `diffRules` compares: those given; without `to`, the promotion after
/// `from`; without `from`, the one before `to`; without either, EIG6 and EIG7 (the last
/// change of the rules).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// assert_eq!(eig_api::diff_sides(Some(Promotion::Eig3), None), (Promotion::Eig3, Promotion::Eig4));
/// assert_eq!(eig_api::diff_sides(None, None), (Promotion::Eig6, Promotion::Eig7));
/// ```
pub fn diff_sides(from: Option<Promotion>, to: Option<Promotion>) -> (Promotion, Promotion) {
    let order = [
        Promotion::Eig1,
        Promotion::Eig2,
        Promotion::Eig3,
        Promotion::Eig4,
        Promotion::Eig5,
        Promotion::Eig6,
        Promotion::Eig7,
    ];
    let at = |promotion| order.iter().position(|p| *p == promotion);
    match (from, to) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => {
            (from, at(from).and_then(|i| order.get(i + 1)).copied().unwrap_or(from))
        }
        (None, Some(to)) => (at(to).and_then(|i| i.checked_sub(1)).map_or(to, |i| order[i]), to),
        (None, None) => (Promotion::Eig6, Promotion::Eig7),
    }
}

/// The difference between the rules of two promotions, cited on both sides (`eig rules
/// --diff`, `GET /v1/rules/diff`).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// let change = eig_api::diff_rules(Promotion::Eig5, Promotion::Eig6);
/// assert!(change.added.iter().any(|rule| rule.id == "funding.flat_per_recruited_talent"));
/// ```
pub fn diff_rules(from: Promotion, to: Promotion) -> eig_catalogue::RulesDiff {
    eig_catalogue::diff(
        from,
        to,
        eig_catalogue::Corpus::embedded(),
        eig_catalogue::Register::embedded(),
    )
}

/// `listParameters`: the official funding parameters, dated and sourced; with a day, those
/// in force that day.
///
/// A parameter whose text states a period is in force within it. One whose text states none
/// is in force from the first day its promotion's facts date — the opening of its call, or
/// its missions' start — (a parameter of every promotion: from the programme's first dated
/// day) on: no text makes a promotion's rule apply before its call, and none states an end
/// (the reading is registered in docs/rules/assumptions.md, `parameters-in-force`, with the
/// other reading, an end at the last mission of the promotion). A promotion no fact dates
/// (EIG7) bounds nothing.
///
/// # Example
/// ```
/// use chrono::NaiveDate;
///
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// assert!(eig_api::list_parameters(Some(day(1999, 1, 1))).iter()
///     .all(|p| p.validity.promotion == Some(eig_domain::Promotion::Eig7)));
/// let june_2018 = eig_api::list_parameters(Some(day(2018, 6, 15)));
/// assert!(june_2018.iter().all(|p| p.validity.promotion != Some(eig_domain::Promotion::Eig4)));
/// assert!(june_2018.len() < eig_api::list_parameters(None).len());
/// ```
pub fn list_parameters(on: Option<chrono::NaiveDate>) -> Vec<eig_funding::Parameter> {
    let Some(day) = on else { return eig_funding::official_parameters() };
    let programme = programme_start();
    eig_funding::official_parameters_on(day)
        .into_iter()
        .filter(|parameter| {
            parameter.validity.period.is_some() || {
                let start = match parameter.validity.promotion {
                    Some(promotion) => promotion_start(promotion),
                    None => programme,
                };
                start.is_none_or(|start| start <= day)
            }
        })
        .collect()
}

/// The value of `value` in JSON.
fn json(value: &impl serde::Serialize) -> Value {
    serde_json::to_value(value).unwrap_or_default()
}

/// `vocabulary`: the French labels of the values a person chooses among.
pub fn vocabulary() -> Vocabulary {
    let label = |value: Value, label: &str| LabelledValue { value, label: label.to_owned() };
    let host_kinds = HostKind::ALL
        .into_iter()
        .map(|kind| match kind {
            HostKind::LocalAuthority { level } => {
                label(json(&kind), &format!("{} ({})", kind.french(), level.french()))
            }
            _ => label(json(&kind), kind.french()),
        })
        .collect();
    Vocabulary {
        promotions: Promotion::ALL
            .into_iter()
            .filter(|promotion| eig_eligibility::rule_set(*promotion).is_ok())
            .map(|promotion| label(json(&promotion), &promotion.to_string()))
            .collect(),
        host_kinds,
        funding_routes: FundingRoute::ALL
            .into_iter()
            .map(|route| label(json(&route), route.french()))
            .collect(),
        payers: [
            Payer::PiaThroughCdc,
            Payer::Programme352,
            Payer::Dinum,
            Payer::Host,
            Payer::AlternativeSource,
        ]
        .into_iter()
        .map(|payer| label(json(&payer), payer.french()))
        .collect(),
        outcomes: [
            ("eligible", "éligible"),
            ("ineligible", "inéligible"),
            ("incomplete", "incomplet"),
        ]
        .into_iter()
        .map(|(value, french)| label(Value::from(value), french))
        .collect(),
        beta_phases: BetaPhase::ALL
            .into_iter()
            .map(|phase| label(json(&phase), phase.french()))
            .collect(),
        talent_profiles: TalentProfile::ALL
            .into_iter()
            .map(|profile| label(json(&profile), profile.french()))
            .collect(),
        person_kinds: [
            (PersonKind::Natural, "personne physique"),
            (PersonKind::Legal, "personne morale (entreprise, association…)"),
        ]
        .into_iter()
        .map(|(kind, french)| label(json(&kind), french))
        .collect(),
        civil_service: [
            (CivilService::NotCivilServant, "ni fonctionnaire ni assimilé"),
            (
                CivilService::InPost { last_day_in_post: None },
                "fonctionnaire ou assimilé, en poste",
            ),
            (
                CivilService::NotInPost,
                "fonctionnaire ou assimilé, pas en poste (disponibilité, congé sans solde)",
            ),
        ]
        .into_iter()
        .map(|(status, french)| label(json(&status), french))
        .collect(),
        studies: [
            (Studies::NotStudying, "pas en scolarité"),
            (enrolled(StudyLevel::School), "scolarité hors université (lycée, école…)"),
            (
                enrolled(StudyLevel::FirstOrSecondCycle),
                "études universitaires de premier ou deuxième cycle (licence, master ou école \
                 équivalente)",
            ),
            (enrolled(StudyLevel::ThirdCycle), "doctorat (troisième cycle universitaire)"),
            (enrolled(StudyLevel::Apprenticeship), "apprentissage ou alternance"),
        ]
        .into_iter()
        .map(|(studies, french)| label(json(&studies), french))
        .collect(),
        questions: QUESTIONS
            .iter()
            .map(|(input, question)| label(Value::from(*input), question))
            .collect(),
        candidate_questions: CANDIDATE_QUESTIONS
            .iter()
            .map(|(input, question)| label(Value::from(*input), question))
            .collect(),
        commitments: Commitment::ALL
            .into_iter()
            .map(|commitment| label(json(&commitment), commitment.french()))
            .collect(),
        support_roles: SupportRole::ALL
            .into_iter()
            .map(|role| label(json(&role), role.french()))
            .collect(),
    }
}

/// Studies in progress at `level`, last day unknown.
fn enrolled(level: StudyLevel) -> Studies {
    Studies::Enrolled { level, last_day: None }
}

/// The question asked of a host administration for each input its dossier's decision or its
/// plan may name as missing.
const QUESTIONS: &[(&str, &str)] = &[
    ("submitted_at", "Quand le dossier a-t-il été (ou sera-t-il) reçu ?"),
    (
        "carrier_convention",
        "Une convention est-elle signée entre l'administration d'accueil et le porteur \
         administratif ?",
    ),
    ("funding.cofinancing_requested", "Demandez-vous le cofinancement du programme ?"),
    ("funding.self_funded", "Financez-vous vous-même les talents (autofinancement) ?"),
    ("funding.alternative_funding", "Disposez-vous d'un financement alternatif ?"),
    (
        "purely_it_tooling",
        "Le défi est-il un simple outillage informatique, sans problème métier à résoudre ?",
    ),
    (
        "titre2_programme",
        "Le programme budgétaire qui paie peut-il recevoir des crédits de titre 2 \
         (rémunérations) ?",
    ),
    (
        "economic_and_financial_ministries",
        "Relevez-vous des ministères économiques et financiers ?",
    ),
    ("beta_gouv_phase", "Dans quelle phase est la fiche produit beta.gouv.fr du service ?"),
    ("team_exception_granted", "Une exception à l'équipe de 2 ou 3 EIG a-t-elle été accordée ?"),
    ("defi.team.len", "Combien de talents le défi accueille-t-il ?"),
    ("defi.support", "Qui accompagne les talents ?"),
    ("defi.commitments.count", "Les engagements de l'administration d'accueil"),
    ("talent.experience", "Expérience professionnelle"),
    ("talent.employer_cost", "Coût total employeur du contrat"),
];

/// The question asked of a candidate for each input an application's decision may name as
/// missing.
const CANDIDATE_QUESTIONS: &[(&str, &str)] = &[
    ("submitted_at", "Quand votre candidature a-t-elle été (ou sera-t-elle) reçue ?"),
    ("choices_submitted_at", "Quand vos choix de projets ont-ils été (ou seront-ils) reçus ?"),
    ("candidate.status.person", "Candidatez-vous en votre nom (personne physique) ?"),
    ("candidate.status.civil_service", "Quelle est votre situation dans la fonction publique ?"),
    (
        "candidate.status.jury_member",
        "Êtes-vous membre du jury de sélection ou l'un de ses experts ?",
    ),
    ("candidate.status.studies", "Êtes-vous en scolarité ?"),
    (
        "candidate.status.past_participations",
        "Avez-vous déjà été EIG dans une promotion précédente ?",
    ),
    ("choices", "Quels défis, projets ou profils choisissez-vous ?"),
    ("selection_decided_on", "Quel jour la sélection est-elle (ou sera-t-elle) décidée ?"),
    ("mission_start_on", "Quel jour les missions commencent-elles ?"),
    (
        "candidate.status.civil_service.last_day_in_post",
        "Si un départ est prévu : votre dernier jour en poste",
    ),
    ("candidate.status.studies.last_day", "Si elle est connue : la date de fin de votre scolarité"),
];

/// Runs the cases of one case file's `text` (named `file` in messages) that `keep` keeps
/// (by title and rule ids), strictly (every case cites a text and quotes it; see
/// [`run_case_text_with`] for drafts); a case that cannot be read is reported as such,
/// whatever the filter.
///
/// # Example
/// ```
/// let results = eig_api::run_case_text("a.json", "[]", |_, _| true);
/// assert!(results.is_empty());
/// ```
pub fn run_case_text(
    file: &str,
    text: &str,
    keep: impl Fn(&str, &[String]) -> bool,
) -> Vec<CaseResult> {
    run_case_text_with(file, text, eig_cases::RunOptions::default(), keep)
}

/// A case's status in a [`CaseResult`]: `passed`, `failed`, or `miscited` (its citation does
/// not hold against the texts).
fn status(report: &eig_cases::Report) -> &'static str {
    match report.verdict {
        eig_cases::Verdict::Passed => "passed",
        eig_cases::Verdict::Miscited { .. } => "miscited",
        _ => "failed",
    }
}

/// [`run_case_text`] under `options` ([`eig_cases::RunOptions::drafts`]: a case without a
/// source or a quote is run as a draft).
///
/// # Example
/// ```
/// let draft = r#"{"title": "thirds", "evenly": {"total": "1.00", "parts": 3},
///   "expected": ["0.34", "0.33", "0.33"]}"#;
/// let strict = eig_api::run_case_text("a.json", draft, |_, _| true);
/// assert_eq!(strict[0].status, "miscited");
/// let results = eig_api::run_case_text_with("a.json", draft, eig_cases::RunOptions::drafts(), |_, _| true);
/// assert_eq!(results[0].status, "passed");
/// ```
pub fn run_case_text_with(
    file: &str,
    text: &str,
    options: eig_cases::RunOptions,
    keep: impl Fn(&str, &[String]) -> bool,
) -> Vec<CaseResult> {
    let mut results = Vec::new();
    for (index, case) in eig_cases::read_cases(file, text).into_iter().enumerate() {
        let result = match case {
            Ok(case) => {
                if !keep(&case.title, &case.rules) {
                    continue;
                }
                let report = eig_cases::run_case_with(&case, options, &AtomicBool::new(false));
                CaseResult {
                    file: file.to_owned(),
                    case: index + 1,
                    status: status(&report).to_owned(),
                    report: Some(report),
                    error: None,
                }
            }
            Err(err) => CaseResult {
                file: file.to_owned(),
                case: err.case.map_or(index + 1, |case| case + 1),
                status: "unreadable".to_owned(),
                report: None,
                error: Some(err.to_string()),
            },
        };
        results.push(result);
    }
    results
}

/// The counts of `results`: passed, and failed or unreadable.
///
/// # Example
/// ```
/// assert_eq!(eig_api::test_output(Vec::new()).passed, 0);
/// ```
pub fn test_output(results: Vec<CaseResult>) -> TestOutput {
    let passed = results.iter().filter(|r| r.status == "passed").count();
    TestOutput { passed, failed: results.len() - passed, cases: results }
}

/// `runCases`: the cases of one JSON case file, run. A body that is not a case file — not
/// JSON, not of the format, a case without its `expected` — is an error (`invalid_case_file`)
/// naming the case and the field, not a report: a program sent what the operation does not
/// take.
///
/// # Errors
/// A body that is not JSON (`invalid_json`) or not a case file (`invalid_case_file`).
///
/// # Example
/// ```
/// let err = eig_api::run_cases(r#"{"title": "t"}"#).unwrap_err();
/// assert_eq!(err.code(), "invalid_case_file");
/// ```
pub fn run_cases(text: &str) -> Result<TestOutput, ApiError> {
    run_cases_until(text, eig_cases::RunOptions::default(), &AtomicBool::new(false))
}

/// [`run_cases`], ended early with [`ErrorKind::Interrupted`] once `stop` is set: it is
/// checked before each case and inside a matching case's search.
pub(crate) fn run_cases_until(
    text: &str,
    options: eig_cases::RunOptions,
    stop: &AtomicBool,
) -> Result<TestOutput, ApiError> {
    // The JSON syntax first, reported as for every other operation (a case file may be a
    // list of cases: only the syntax is checked here).
    if serde_json::from_str::<serde::de::IgnoredAny>(text).is_err() {
        crate::read::parse::<serde::de::IgnoredAny>(text)?;
    }
    // A number with a zero fraction is an integer, as for every other operation.
    let integral = crate::read::integers_written_as_integers(text);
    let text = integral.as_deref().unwrap_or(text);
    let mut results = Vec::new();
    for (index, case) in eig_cases::read_cases("body.json", text).into_iter().enumerate() {
        match case {
            Ok(case) => {
                if stop.load(Ordering::Relaxed) {
                    return Err(interrupted());
                }
                let report = eig_cases::run_case_with(&case, options, stop);
                if stop.load(Ordering::Relaxed) {
                    return Err(interrupted());
                }
                results.push(CaseResult {
                    file: "body.json".to_owned(),
                    case: index + 1,
                    status: status(&report).to_owned(),
                    report: Some(report),
                    error: None,
                });
            }
            Err(err) => {
                // A case's own path is relative to the case (its message names the case and
                // the path); the file's is the body's.
                let path = err
                    .path
                    .clone()
                    .filter(|path| err.case.is_none() && path.starts_with('$'))
                    .unwrap_or_else(|| "$".to_owned());
                return Err(ApiError::new(
                    ErrorKind::Invalid,
                    err.code,
                    err.to_string().replacen("body.json : ", "", 1),
                )
                .at(path));
            }
        }
    }
    Ok(test_output(results))
}
