//! `eig funding`: a promotion's funding plan.

use std::path::PathBuf;

use eig_funding::{PromotionInput, Scenario, plan_promotion_stream};

use crate::{
    cli::{Format, FundingArgs},
    error::CliError,
    input::{InputSource, read_json},
    output,
};

pub(crate) fn funding(args: &FundingArgs) -> Result<(), CliError> {
    let stdin = |arg: Option<&PathBuf>| matches!(InputSource::from_arg(arg), InputSource::Stdin);
    if args.scenario.is_some() && stdin(args.scenario.as_ref()) && stdin(args.file.file.as_ref()) {
        return Err(CliError::TwoInputsOnStdin);
    }
    let (name, input): (String, PromotionInput) = read_json(args.file.file.as_ref(), "funding")?;
    let scenario: Scenario = match &args.scenario {
        Some(path) => read_json(Some(path), "scenario")?.1,
        None => Scenario::default(),
    };
    // Every défi is checked and totalled first (an error is found before anything is
    // written); each défi's plan is then computed again as it is written, so that the whole
    // plan (about 8 times the input) is never held in memory.
    let plan = plan_promotion_stream(&input, &scenario)
        .map_err(|err| CliError::api(&name, eig_api::ApiError::from_funding(&err, &input, "$")))?;
    let output = args.file.output.output.as_deref();
    match args.file.output.format {
        Format::Json => output::write_json(output, &plan, args.file.output.pretty),
        Format::Text => output::write_text(output, |out| plan.write_french(out)),
    }
}
