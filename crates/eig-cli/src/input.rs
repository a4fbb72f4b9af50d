//! Reading JSON input from a file or standard input, with errors that name the file, the JSON
//! path, the line and column.

use std::{io::Read, path::PathBuf};

use serde::de::DeserializeOwned;

use crate::error::CliError;

/// Where an input comes from: a file, or standard input (`-` or no argument).
#[derive(Clone, Debug)]
pub(crate) enum InputSource {
    File(PathBuf),
    Stdin,
}

impl InputSource {
    pub(crate) fn from_arg(arg: Option<&PathBuf>) -> InputSource {
        match arg {
            Some(path) if path.as_os_str() != "-" => InputSource::File(path.clone()),
            _ => InputSource::Stdin,
        }
    }

    pub(crate) fn name(&self) -> String {
        match self {
            InputSource::File(path) => path.display().to_string(),
            InputSource::Stdin => "<stdin>".to_owned(),
        }
    }

    /// Reads the whole input as text.
    pub(crate) fn read(&self) -> Result<String, CliError> {
        let mut text = String::new();
        let result = match self {
            InputSource::File(path) => std::fs::read_to_string(path).map(|t| text = t),
            InputSource::Stdin => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        };
        result.map_err(|source| CliError::Read { input: self.name(), source })?;
        Ok(text)
    }
}

/// Parses `text` as a `T`, turning serde's error into one that names the input, the JSON path
/// (`$.dossiers[3].hosts`) and, for syntax errors, the line and column.
pub(crate) fn parse<T: DeserializeOwned>(input: &str, text: &str) -> Result<T, CliError> {
    // A syntax error is reported as such, with its position, before any shape error.
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        return Err(CliError::Syntax {
            input: input.to_owned(),
            line: err.line(),
            column: err.column(),
            message: strip_position(&err.to_string()),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value: T = serde_path_to_error::deserialize(&mut deserializer).map_err(|err| {
        let path = json_path(&err.path().to_string());
        CliError::Invalid {
            input: input.to_owned(),
            path,
            message: strip_position(&err.into_inner().to_string()),
        }
    })?;
    Ok(value)
}

/// `dossiers[3].hosts` → `$.dossiers[3].hosts`; the root `.` → `$`.
fn json_path(path: &str) -> String {
    if path == "." || path.is_empty() {
        "$".to_owned()
    } else if path.starts_with('[') {
        format!("${path}")
    } else {
        format!("$.{path}")
    }
}

/// serde_json appends " at line L column C"; the CLI reports positions itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_and_positions() {
        assert_eq!(json_path("."), "$");
        assert_eq!(json_path("a[1].b"), "$.a[1].b");
        assert_eq!(json_path("[0]"), "$[0]");
        assert_eq!(strip_position("expected `,` at line 3 column 9"), "expected `,`");
    }
}
