//! One function per subcommand; each reads its input, calls the libraries, renders.

use crate::{
    cli::{Cli, Command},
    error::CliError,
};

pub(crate) mod eligibility;
mod funding;
pub(crate) mod history;
pub(crate) mod matching;
pub(crate) mod operation;
mod pages;
mod rules;
mod run;
pub(crate) mod schema;
mod serve;
mod test;

/// Runs the parsed command line.
pub(crate) fn run(cli: &Cli) -> Result<(), CliError> {
    match &cli.command {
        Command::Run(args) => run::run(args),
        Command::Eligibility(args) => eligibility::eligibility(args),
        Command::Explain(args) => eligibility::explain(args),
        Command::Funding(args) => funding::funding(args),
        Command::Match(args) => matching::run(args),
        Command::History(args) => history::run(args),
        Command::Schema(args) => schema::schema(args),
        Command::Example(args) => schema::example(args),
        Command::Test(args) => test::test(args),
        Command::Serve(args) => serve::serve(args),
        Command::Rules(args) => rules::rules(args),
    }
}
