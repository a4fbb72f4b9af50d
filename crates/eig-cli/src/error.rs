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
    #[error(
        "only one input can be read from standard input (`-`): give FILE or --scenario as a file"
    )]
    TwoInputsOnStdin,
    /// The input could not be read.
    #[error("cannot read {input}: {source}{}", read_hint(source))]
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
    /// `eig test` found no case file where it was told to look.
    #[error(
        "no case file in {paths}: give .json, .yaml or .yml files of cases (`eig example case` prints one)"
    )]
    NoCases { paths: String },
    /// Rule tests ran and some failed or could not be read (`eig test`).
    #[error(
        "{} failed or could not be read (each is named above, with what to change)",
        if *failed == 1 { "1 case".to_owned() } else { format!("{failed} cases") }
    )]
    CasesFailed { failed: usize },
    /// The result was written, but some records of a batch could not be judged.
    #[error(
        "{input}: {} could not be judged, the others were decided:\n{records}",
        if *count == 1 { "1 record".to_owned() } else { format!("{count} records") }
    )]
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
            | CliError::CasesFailed { .. }
            | CliError::NoCases { .. } => 1,
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

/// What to do about an input that could not be read.
fn read_hint(err: &std::io::Error) -> &'static str {
    match err.kind() {
        std::io::ErrorKind::NotFound => ": check the path, or give `-` to read standard input",
        std::io::ErrorKind::IsADirectory => ": name a JSON file, not a directory",
        std::io::ErrorKind::NotADirectory => ": check the path (a part of it is a file)",
        std::io::ErrorKind::PermissionDenied => ": check the file's permissions",
        std::io::ErrorKind::InvalidData => {
            ": the input must be JSON text in UTF-8 (is it a binary or another encoding?)"
        }
        _ => "",
    }
}
