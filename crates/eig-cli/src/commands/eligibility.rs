//! `eig eligibility` and `eig explain`.

use std::fmt::Write as _;

use eig_eligibility::{
    CandidateApplication, Decision, DefiDossier, evaluate_candidate, evaluate_dossier,
    render_french,
};
use serde::{Deserialize, Serialize};

use crate::{
    cli::{ExplainArgs, FileArgs, Format},
    error::CliError,
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

/// What `eig eligibility --format json` prints: one decision per dossier and per application,
/// in input order.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct EligibilityOutput {
    dossiers: Vec<Decision>,
    candidates: Vec<Decision>,
}

fn judge<T>(
    name: &str,
    what: &str,
    index: usize,
    result: Result<T, eig_eligibility::EligibilityError>,
) -> Result<T, CliError> {
    result.map_err(|err| CliError::Unjudgeable {
        input: format!("{name}: {what}[{index}]"),
        message: err.to_string(),
    })
}

/// Judges every dossier and application of `input` (read from `name`).
pub(crate) fn judge_all(
    name: &str,
    input: &EligibilityInput,
) -> Result<EligibilityOutput, CliError> {
    let mut result = EligibilityOutput { dossiers: Vec::new(), candidates: Vec::new() };
    for (index, dossier) in input.dossiers.iter().enumerate() {
        result.dossiers.push(judge(name, "$.dossiers", index, evaluate_dossier(dossier))?);
    }
    for (index, application) in input.candidates.iter().enumerate() {
        result.candidates.push(judge(
            name,
            "$.candidates",
            index,
            evaluate_candidate(application),
        )?);
    }
    Ok(result)
}

pub(crate) fn eligibility(args: &FileArgs) -> Result<(), CliError> {
    let (name, input): (String, EligibilityInput) = read_json(args.file.as_ref())?;
    let result = judge_all(&name, &input)?;
    let text = match args.output.format {
        Format::Json => output::json(&result)?,
        Format::Text => {
            let mut text = String::new();
            for decision in result.dossiers.iter().chain(&result.candidates) {
                let _ = writeln!(text, "{}", crate::report::decision_line(decision));
            }
            text
        }
    };
    output::emit(args.output.output.as_deref(), &text)
}

pub(crate) fn explain(args: &ExplainArgs) -> Result<(), CliError> {
    let (name, input): (String, ExplainInput) = read_json(args.file.as_ref())?;
    let decision = match &input {
        ExplainInput::Dossier(dossier) => judge(&name, "$.dossier", 0, evaluate_dossier(dossier))?,
        ExplainInput::Candidate(application) => {
            judge(&name, "$.candidate", 0, evaluate_candidate(application))?
        }
    };
    output::emit(args.output.as_deref(), &render_french(&decision))
}
