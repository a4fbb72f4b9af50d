//! What can go wrong at the edge, and the exit code of each.

use std::path::PathBuf;

/// An error of the command line tool. Each names the input and what was wrong with it.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// No input file was given and standard input is a terminal, not a pipe or a file.
    #[error(
        "no input: name a JSON file, or pipe one on standard input (`eig example <kind>` prints one)"
    )]
    NoInput,
    /// Two inputs were both to be read from standard input.
    #[error("only one input can be read from standard input: give the other as a file")]
    TwoInputsOnStdin,
    /// The input could not be read.
    #[error("cannot read {input}: {source}")]
    Read {
        input: String,
        #[source]
        source: std::io::Error,
    },
    /// The input is not JSON.
    #[error("{input}:{line}:{column}: invalid JSON: {message}")]
    Syntax { input: String, line: usize, column: usize, message: String },
    /// The JSON does not have the expected shape or a value is invalid.
    #[error("{input}: at {path}: {message}")]
    Invalid { input: String, path: String, message: String },
    /// The input is well-formed but cannot be judged (e.g. a promotion with no published rules).
    #[error("{input}: {message}")]
    Unjudgeable { input: String, message: String },
    /// The output could not be written.
    #[error("cannot write {output}: {source}")]
    Write {
        output: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A result could not be serialized (a bug: every output shape is snapshot-tested).
    #[error("cannot serialize the result: {0}")]
    Serialize(#[source] serde_json::Error),
    /// Writing to standard output failed.
    #[error("cannot write to standard output: {0}")]
    Stdout(#[source] std::io::Error),
}

impl CliError {
    /// Names the input an error of the libraries came from (`campaign.json: the jury sheet: …`).
    pub(crate) fn in_input(self, name: &str) -> CliError {
        match self {
            CliError::Unjudgeable { input, message } => {
                CliError::Unjudgeable { input: format!("{name}: {input}"), message }
            }
            other => other,
        }
    }

    /// 1: invalid input; 2: usage error; 3: output not written.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::NoInput | CliError::TwoInputsOnStdin => 2,
            CliError::Read { .. }
            | CliError::Syntax { .. }
            | CliError::Invalid { .. }
            | CliError::Unjudgeable { .. } => 1,
            CliError::Write { .. } | CliError::Stdout(_) | CliError::Serialize(_) => 3,
        }
    }
}
