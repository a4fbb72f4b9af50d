//! `eig schema <kind>` and `eig example <kind>`: the shapes of eig-api's table.

use crate::{cli::KindArgs, error::CliError, output};

/// The shape named `kind` (the command line only offers the table's kinds).
fn shape(kind: &str) -> Result<&'static eig_api::Shape, CliError> {
    eig_api::shape(kind).ok_or_else(|| CliError::Usage {
        message: format!("forme inconnue « {kind} » : `eig schema --help` donne la liste"),
    })
}

pub(crate) fn schema(args: &KindArgs) -> Result<(), CliError> {
    if args.promotion.is_some() {
        return Err(CliError::Usage {
            message: "un schéma est le même pour toutes les promotions : retirez --promotion"
                .to_owned(),
        });
    }
    output::emit(args.output.as_deref(), &output::json(&shape(&args.kind)?.schema())?)
}

pub(crate) fn example(args: &KindArgs) -> Result<(), CliError> {
    let example = shape(&args.kind)?.example(args.promotion).map_err(|err| {
        if err.code() == "no_example" {
            let message = err.message();
            let message = match message.strip_prefix("promotion ") {
                Some(rest) => format!("--promotion {rest}"),
                None => format!("--promotion : {message}"),
            };
            CliError::Usage { message }
        } else {
            CliError::api(&format!("l'exemple {}", args.kind), err)
        }
    })?;
    output::emit(args.output.as_deref(), &output::json(&example)?)
}
