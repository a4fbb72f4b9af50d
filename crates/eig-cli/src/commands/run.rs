//! `eig run`: a whole call, on the embedded default or on a campaign file, decided by
//! `eig-campaign`.

use eig_campaign::{Campaign, default_campaign};

use crate::{
    cli::{Format, RunArgs},
    error::{CliError, not_all_judged},
    input::read_json,
    output, report,
};

pub(crate) fn run(args: &RunArgs) -> Result<(), CliError> {
    let (name, campaign): (String, Campaign) = match &args.input {
        Some(path) => read_json(Some(path))?,
        None => ("the embedded default campaign".to_owned(), default_campaign()),
    };
    let result = eig_campaign::run(&campaign)
        .map_err(|err| CliError::Unjudgeable { input: name.clone(), message: err.to_string() })?;
    let text = match args.output.format {
        Format::Json => output::json(&result)?,
        Format::Text => report::render(&result),
    };
    output::emit(args.output.output.as_deref(), &text)?;
    let records = result.not_judged().map(|(record, error)| format!("{record}: {error}"));
    not_all_judged(&name, &records.collect::<Vec<_>>()).map_or(Ok(()), Err)
}
