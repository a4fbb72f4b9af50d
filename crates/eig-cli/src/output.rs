//! Writing the result to standard output, or to the file named by `--output`.

use std::{io::Write, path::Path};

use crate::error::CliError;

/// Writes `text` to `output` if given, to standard output otherwise (a reader that closes
/// standard output early is not an error).
pub(crate) fn emit(output: Option<&Path>, text: &str) -> Result<(), CliError> {
    if let Some(path) = output {
        return std::fs::write(path, text)
            .map_err(|source| CliError::Write { output: path.to_owned(), source });
    }
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        // The reader stopped reading (`eig run --format json | head`): not the user's error.
        Err(err) if err.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        written => written.map_err(CliError::Stdout),
    }
}

/// Pretty JSON with a final newline (field order is the types' declaration order, maps are
/// sorted: the output is byte-identical across runs).
pub(crate) fn json<T: serde::Serialize>(value: &T) -> Result<String, CliError> {
    let mut text = serde_json::to_string_pretty(value).map_err(CliError::Serialize)?;
    text.push('\n');
    Ok(text)
}
