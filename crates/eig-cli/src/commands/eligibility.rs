//! `eig eligibility` and `eig explain`.

use std::fmt::Write as _;

use eig_eligibility::{
    CandidateApplication, Decision, DefiDossier, RecordError, evaluate_candidate,
    evaluate_candidates, evaluate_dossier, evaluate_dossiers, render_french,
};
use serde::{Deserialize, Serialize};

use crate::{
    cli::{ExplainArgs, FileArgs, Format},
    error::{CliError, not_all_judged},
    input::read_json,
    output,
};

/// What `eig eligibility` reads: défi dossiers and candidate applications.
#[derive(Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EligibilityInput {
    #[serde(default)]
    pub(crate) dossiers: Vec<DefiDossier>,
    #[serde(default)]
    pub(crate) candidates: Vec<CandidateApplication>,
}

/// What `eig explain` reads: one dossier or one application.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum ExplainInput {
    Dossier(DefiDossier),
    Candidate(CandidateApplication),
}

/// What `eig eligibility --format json` prints: one result per dossier and per application,
/// in input order — a decision, or why the record could not be judged.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct EligibilityOutput {
    dossiers: Vec<Judged>,
    candidates: Vec<Judged>,
}

/// One record's result: its decision, or the record and why it could not be judged (the
/// other records are decided).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
pub(crate) enum Judged {
    Decided(Decision),
    NotJudged {
        /// The dossier or candidate.
        subject: eig_eligibility::Subject,
        /// Why it could not be judged.
        error: String,
    },
}

impl Judged {
    fn from(result: Result<Decision, RecordError>, path: &str) -> (Judged, Option<String>) {
        match result {
            Ok(decision) => (Judged::Decided(decision), None),
            Err(err) => {
                let line = format!("à {path}[{}] : {err}", err.index);
                (
                    Judged::NotJudged { subject: err.subject, error: err.error.to_string() },
                    Some(line),
                )
            }
        }
    }
}

/// A decision of the record at `path`, or the error naming the input and that path.
fn judge<T>(
    name: &str,
    path: &str,
    result: Result<T, eig_eligibility::EligibilityError>,
) -> Result<T, CliError> {
    result.map_err(|err| CliError::Invalid {
        input: name.to_owned(),
        path: path.to_owned(),
        message: err.to_string(),
    })
}

/// Judges every dossier and application of `input`: one result each, and the lines naming
/// those that could not be judged.
pub(crate) fn judge_all(input: &EligibilityInput) -> (EligibilityOutput, Vec<String>) {
    let mut not_judged = Vec::new();
    let mut collect = |results: Vec<Result<Decision, RecordError>>, path: &str| -> Vec<Judged> {
        results
            .into_iter()
            .map(|result| {
                let (judged, line) = Judged::from(result, path);
                not_judged.extend(line);
                judged
            })
            .collect()
    };
    let dossiers = collect(evaluate_dossiers(&input.dossiers), "$.dossiers");
    let candidates = collect(evaluate_candidates(&input.candidates), "$.candidates");
    (EligibilityOutput { dossiers, candidates }, not_judged)
}

pub(crate) fn eligibility(args: &FileArgs) -> Result<(), CliError> {
    let (name, input): (String, EligibilityInput) = read_json(args.file.as_ref())?;
    let (result, not_judged) = judge_all(&input);
    match args.output.format {
        Format::Json => {
            output::write_json(args.output.output.as_deref(), &result, args.output.pretty)?;
        }
        Format::Text => {
            let mut text = String::new();
            for judged in result.dossiers.iter().chain(&result.candidates) {
                let line = match judged {
                    Judged::Decided(decision) => crate::report::decision_line(decision),
                    Judged::NotJudged { subject, error } => {
                        format!("{} : non jugé — {error}", crate::report::subject(subject))
                    }
                };
                let _ = writeln!(text, "{line}");
            }
            output::emit(args.output.output.as_deref(), &text)?;
        }
    }
    // The process ends here: its memory goes back to the system at once, without freeing
    // each decision and each dossier one by one (a visible share of a large run).
    std::mem::forget(result);
    std::mem::forget(input);
    not_all_judged(&name, &not_judged).map_or(Ok(()), Err)
}

pub(crate) fn explain(args: &ExplainArgs) -> Result<(), CliError> {
    let (name, input): (String, ExplainInput) = read_json(args.file.as_ref())?;
    let decision = match &input {
        ExplainInput::Dossier(dossier) => judge(&name, "$.dossier", evaluate_dossier(dossier))?,
        ExplainInput::Candidate(application) => {
            judge(&name, "$.candidate", evaluate_candidate(application))?
        }
    };
    let text = match args.output.format {
        Format::Json => {
            return output::write_json(
                args.output.output.as_deref(),
                &decision,
                args.output.pretty,
            );
        }
        Format::Text => render_french(&decision),
    };
    output::emit(args.output.output.as_deref(), &text)
}
