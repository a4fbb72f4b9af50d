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
    /// Options that do not go together.
    #[error("{message}")]
    Usage { message: String },
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
    /// Rule tests ran and some failed or could not be read (`eig test`).
    #[error("{failed} case(s) failed or could not be read")]
    CasesFailed { failed: usize },
    /// The result was written, but some records of a batch could not be judged.
    #[error("{input}: {count} record(s) could not be judged, the others were decided:\n{records}")]
    NotAllJudged { input: String, count: usize, records: String },
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
    /// 1: invalid input; 2: usage error; 3: output not written; 4: some records not judged.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::NoInput | CliError::TwoInputsOnStdin | CliError::Usage { .. } => 2,
            CliError::Read { .. }
            | CliError::Syntax { .. }
            | CliError::Invalid { .. }
            | CliError::Unjudgeable { .. }
            | CliError::CasesFailed { .. } => 1,
            CliError::Write { .. } | CliError::Stdout(_) | CliError::Serialize(_) => 3,
            CliError::NotAllJudged { .. } => 4,
        }
    }
}

/// The error that ends a command whose result was written while some records of it were not
/// judged (exit code 4), naming each record; `None` when every record was judged.
pub(crate) fn not_all_judged(input: &str, records: &[String]) -> Option<CliError> {
    (!records.is_empty()).then(|| CliError::NotAllJudged {
        input: input.to_owned(),
        count: records.len(),
        records: records.iter().map(|record| format!("  {record}")).collect::<Vec<_>>().join("\n"),
    })
}
