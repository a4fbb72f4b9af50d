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

mod cli;
mod commands;
mod error;
mod help;
mod input;
mod output;

/// mimalloc keeps the memory it gets from the system and reuses it from one stage to the next,
/// where the system allocator returned every large buffer and faulted fresh pages in for the
/// next (docs/decisions/0007-allocator.md: `eig match` at a million candidates 2.45 → 1.77 s).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let result = match help::parse(std::env::args_os()) {
        help::Parsed::Run(cli) => commands::run(&cli),
        help::Parsed::Operation(call) => commands::operation::run(&call),
        help::Parsed::Print { text, to_stderr, code } => {
            // Help and version on stdout with success, usage errors on stderr.
            let _ = if to_stderr {
                std::io::stderr().lock().write_all(text.as_bytes())
            } else {
                std::io::stdout().lock().write_all(text.as_bytes())
            };
            return ExitCode::from(code);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            let mut stderr = std::io::stderr().lock();
            let _ = writeln!(stderr, "erreur : {}", eig_api::shorten(&err.to_string()));
            ExitCode::from(err.exit_code())
        }
    }
}
