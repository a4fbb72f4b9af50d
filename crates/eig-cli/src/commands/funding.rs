//! `eig funding`: a promotion's funding plan.

use std::path::PathBuf;

use eig_funding::{PromotionInput, Scenario, plan_promotion};

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
    let (name, input): (String, PromotionInput) = read_json(args.file.file.as_ref())?;
    let scenario: Scenario = match &args.scenario {
        Some(path) => read_json(Some(path))?.1,
        None => Scenario::default(),
    };
    let plan = plan_promotion(&input, &scenario).map_err(|err| {
        // The défi the error names, found in the input: its JSON path.
        let index = err.defi().and_then(|defi| input.defis.iter().position(|d| &d.defi == defi));
        match index {
            Some(index) => CliError::Invalid {
                input: name.clone(),
                path: format!("$.defis[{index}]"),
                message: err.to_string(),
            },
            None => CliError::Unjudgeable { input: name.clone(), message: err.to_string() },
        }
    })?;
    let text = match args.file.output.format {
        Format::Json => {
            return output::write_json(
                args.file.output.output.as_deref(),
                &plan,
                args.file.output.pretty,
            );
        }
        Format::Text => plan.to_french(),
    };
    output::emit(args.file.output.output.as_deref(), &text)
}
