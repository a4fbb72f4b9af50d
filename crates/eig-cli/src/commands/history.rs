//! `eig history`: the operation `officialFigures` of eig-api.

use crate::{
    cli::{Format, HistoryArgs},
    error::CliError,
    output,
};

pub(crate) fn run(args: &HistoryArgs) -> Result<(), CliError> {
    let result = eig_api::official_figures(args.promotion);
    match args.output.format {
        Format::Json => {
            output::write_json(args.output.output.as_deref(), &result, args.output.pretty)
        }
        Format::Text => {
            output::emit(args.output.output.as_deref(), &eig_api::french::history(&result))
        }
    }
}
