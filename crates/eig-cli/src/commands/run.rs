//! `eig run`: a whole call, on the embedded default or on a campaign file, decided by
//! `eig-campaign`.

use std::io::Write as _;

use eig_campaign::{Campaign, default_campaign};

use crate::{
    cli::{Format, RunArgs},
    error::{CliError, not_all_judged},
    input::read_json,
    output, report,
};

pub(crate) fn run(args: &RunArgs) -> Result<(), CliError> {
    if args.input.is_some() {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "note: `eig run --input FILE` is deprecated: write `eig run FILE` (as every command \
             reads its input)"
        );
    }
    let (name, campaign): (String, Campaign) = match args.file.as_ref().or(args.input.as_ref()) {
        Some(path) => read_json(Some(path))?,
        None => ("the embedded default campaign".to_owned(), default_campaign()),
    };
    let result = eig_campaign::run(&campaign).map_err(|err| match err {
        eig_campaign::CampaignError::JurySheet(
            eig_eligibility::EligibilityError::ScaleRequired { promotion },
        ) => CliError::Invalid {
            input: name.clone(),
            path: "$.score_scale".to_owned(),
            message: format!(
                "promotion {promotion} publishes no score scale for the défi jury: give the one it \
                 used, e.g. \"score_scale\": {{\"min\": 1, \"max\": 4}}"
            ),
        },
        err => CliError::Unjudgeable { input: name.clone(), message: err.to_string() },
    })?;
    let text = match args.output.format {
        Format::Json => output::json(&result)?,
        Format::Text => report::render(&result, args.verbose),
    };
    output::emit(args.output.output.as_deref(), &text)?;
    let records = result.not_judged().map(|(record, error)| format!("{record}: {error}"));
    not_all_judged(&name, &records.collect::<Vec<_>>()).map_or(Ok(()), Err)
}
