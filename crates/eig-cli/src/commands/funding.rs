//! `eig funding`: a promotion's funding plan.

use eig_funding::{PromotionInput, Scenario, plan_promotion};

use crate::{
    cli::{Format, FundingArgs},
    error::CliError,
    input::{InputSource, parse, read_json},
    output,
};

pub(crate) fn funding(args: &FundingArgs) -> Result<(), CliError> {
    let (name, input): (String, PromotionInput) = read_json(args.file.file.as_ref())?;
    let scenario: Scenario = match &args.scenario {
        Some(path) => {
            let source = InputSource::File(path.clone());
            parse(&source.name(), &source.read()?)?
        }
        None => Scenario::default(),
    };
    let plan = plan_promotion(&input, &scenario)
        .map_err(|err| CliError::Unjudgeable { input: name, message: err.to_string() })?;
    let text = match args.file.output.format {
        Format::Json => output::json(&plan)?,
        Format::Text => plan.to_french(),
    };
    output::emit(args.file.output.output.as_deref(), &text)
}
