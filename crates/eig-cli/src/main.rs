//! `eig`: runs a whole call of the *Entrepreneurs d'intérêt général* programme — dossier
//! eligibility, laureate selection, funding plan, talent assignment, verification — on an
//! embedded default or on JSON input, and each library on its own.
//!
//! A thin layer: all decisions are made by the library crates. Exit codes: 0 success,
//! 1 invalid input, 2 usage error (including no input file while standard input is a terminal,
//! and two inputs on standard input), 3 the output could not be written.

use std::{io::Write, process::ExitCode};

use clap::Parser;

use crate::cli::Cli;

mod campaign;
mod cli;
mod commands;
mod error;
mod input;
mod output;
mod pipeline;
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
            let _ = writeln!(stderr, "error: {err}");
            ExitCode::from(err.exit_code())
        }
    }
}
