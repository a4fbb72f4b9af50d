//! One function per subcommand; each reads its input, calls the libraries, renders.

use crate::{
    cli::{Cli, Command},
    error::CliError,
};

mod history;
mod schema;

/// Runs the parsed command line.
pub(crate) fn run(cli: &Cli) -> Result<(), CliError> {
    match &cli.command {
        Command::History(args) => history::run(args),
        Command::Schema(args) => schema::schema(args),
        Command::Example(args) => schema::example(args),
    }
}
