//! `eig eligibility` and `eig explain`: the operations `decideEligibility` and
//! `explainDecision` of eig-api, with the command's streaming of a large batch.

use eig_api::{EligibilityAnswer, EligibilityInput, ExplainInput};

use crate::{
    cli::{EligibilityArgs, ExplainArgs, Format},
    error::{CliError, not_all_judged},
    input::read_json,
    output,
};

pub(crate) fn eligibility(args: &EligibilityArgs) -> Result<(), CliError> {
    let EligibilityArgs { file: args, trace } = args;
    let (name, input): (String, EligibilityInput) = read_json(args.file.as_ref(), "eligibility")?;
    let traced = trace.applies(input.dossiers.len() + input.candidates.len());
    // Decided while it is written: the batch's decisions are never held whole.
    let answer = EligibilityAnswer::new(input, traced);
    let output = args.output.output.as_deref();
    match args.output.format {
        Format::Json => output::write_json(output, &answer, args.output.pretty)?,
        Format::Text => output::emit(output, &answer.to_french())?,
    }
    let not_judged = answer.not_judged();
    // The process ends here: its memory goes back to the system at once, without freeing
    // each dossier one by one.
    std::mem::forget(answer.into_input());
    not_all_judged(&name, &not_judged).map_or(Ok(()), Err)
}

pub(crate) fn explain(args: &ExplainArgs) -> Result<(), CliError> {
    let (name, input): (String, ExplainInput) = read_json(args.file.as_ref(), "explain")?;
    let explained = eig_api::explain_decision(&input).map_err(|err| CliError::api(&name, err))?;
    match args.output.format {
        Format::Json => output::write_json(
            args.output.output.as_deref(),
            &explained.decision,
            args.output.pretty,
        ),
        Format::Text => output::emit(args.output.output.as_deref(), &explained.explanation),
    }
}
