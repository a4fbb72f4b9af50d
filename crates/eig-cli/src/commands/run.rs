//! `eig run`: a whole call, on the embedded default or on a campaign file.

use crate::{
    campaign::{Campaign, default_campaign},
    cli::{Format, RunArgs},
    error::CliError,
    input::read_json,
    output, pipeline, report,
};

pub(crate) fn run(args: &RunArgs) -> Result<(), CliError> {
    let (name, campaign): (String, Campaign) = match &args.input {
        Some(path) => read_json(Some(path))?,
        None => ("the embedded default campaign".to_owned(), default_campaign()),
    };
    let result = pipeline::run(&campaign).map_err(|err| err.in_input(&name))?;
    let text = match args.output.format {
        Format::Json => output::json(&result)?,
        Format::Text => report::render(&result),
    };
    output::emit(args.output.output.as_deref(), &text)
}
