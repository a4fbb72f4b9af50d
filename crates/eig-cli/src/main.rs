//! `eig`: runs a whole call of the *Entrepreneurs d'intérêt général* programme — dossier
//! eligibility, laureate selection, funding plan, talent assignment, verification — on an
//! embedded default or on JSON input, and each library on its own.
//!
//! A thin layer: all decisions are made by the library crates, and a whole call is sequenced
//! by `eig-campaign`. Exit codes: 0 success, 1 invalid input, 2 usage error (including no
//! input file while standard input is a terminal, and two inputs on standard input), 3 the
//! output could not be written, 4 the result was written but some records could not be
//! judged (each is named on standard error and in the result).

use std::{io::Write, process::ExitCode};

use clap::Parser;

use crate::cli::Cli;

mod cli;
mod commands;
mod error;
mod input;
mod output;
mod report;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // clap prints help and version on stdout with success, usage errors on stderr.
            let _ = err.print();
            return if err.use_stderr() { ExitCode::from(2) } else { ExitCode::SUCCESS };
        }
    };
    match commands::run(&cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "error: {}", input::shorten(&err.to_string()));
            ExitCode::from(err.exit_code())
        }
    }
}
