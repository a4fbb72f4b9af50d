//! Reading JSON input from a file or standard input, with errors that name the file, the JSON
//! path, the line and column.

use std::{
    io::{IsTerminal, Read},
    path::PathBuf,
};

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
            InputSource::Stdin => "<entrée standard>".to_owned(),
        }
    }

    /// Reads the whole input as text. Refuses to wait on a terminal: a user who forgot the
    /// file would see nothing happen.
    pub(crate) fn read(&self) -> Result<String, CliError> {
        if matches!(self, InputSource::Stdin) && std::io::stdin().is_terminal() {
            return Err(CliError::NoInput);
        }
        let mut text = String::new();
        let result = match self {
            InputSource::File(path) => std::fs::read_to_string(path).map(|t| text = t),
            InputSource::Stdin => std::io::stdin().read_to_string(&mut text).map(|_| ()),
        };
        result.map_err(|source| CliError::Read { input: self.name(), source })?;
        Ok(skip_bom(text))
    }
}

/// Reads and parses the input named by a command's `FILE` argument (`-` or nothing: standard
/// input) as the shape `kind`; returns its name for later messages, and its value.
pub(crate) fn read_json<T: DeserializeOwned>(
    arg: Option<&PathBuf>,
    kind: &str,
) -> Result<(String, T), CliError> {
    let source = InputSource::from_arg(arg);
    let name = source.name();
    let value = parse(&name, kind, &source.read()?)?;
    Ok((name, value))
}

/// A byte order mark some editors write at the start of a UTF-8 file is not part of the JSON:
/// it is skipped.
pub(crate) fn skip_bom(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_owned(),
        None => text,
    }
}

/// Parses `text` (the input named `input`) as the shape `kind`, as every surface reads it
/// (`eig_api::parse_for`): an error names the input, the JSON path, the line and column, and
/// the command to see the shape's schema and example.
pub(crate) fn parse<T: DeserializeOwned>(
    input: &str,
    kind: &str,
    text: &str,
) -> Result<T, CliError> {
    eig_api::parse_for(text, Some(kind), eig_api::Surface::Command)
        .map_err(|err| CliError::api(input, err))
}

#[cfg(test)]
mod tests {
    use eig_campaign::Campaign;
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;

    /// Arbitrary JSON documents, nested a few levels.
    fn json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            any::<f64>().prop_map(Value::from),
            ".{0,12}".prop_map(Value::from),
            prop::sample::select(vec![
                "EIG3",
                "direct",
                "ministry",
                "2018-06-15T17:00:00+02:00",
                "70000.00",
                "-1",
                "0.7"
            ])
            .prop_map(Value::from),
        ];
        leaf.prop_recursive(4, 48, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                prop::collection::btree_map("[a-z_]{1,12}", inner, 0..6)
                    .prop_map(|map| Value::Object(map.into_iter().collect())),
            ]
        })
    }

    /// Replaces the node at a pseudo-random path of `document` by `replacement`.
    fn mutate(document: &mut Value, mut choice: u64, replacement: Value) {
        let mut node = document;
        loop {
            let len = match &*node {
                Value::Array(items) => items.len(),
                Value::Object(map) => map.len(),
                _ => 0,
            };
            if len == 0 || choice.is_multiple_of(4) {
                *node = replacement;
                return;
            }
            let index = usize::try_from(choice / 4).unwrap_or(0) % len;
            choice /= 7;
            node = match node {
                Value::Array(items) => &mut items[index],
                Value::Object(map) => map.values_mut().nth(index).unwrap(),
                _ => unreachable!(),
            };
        }
    }

    /// Runs every operation of the table that reads a body on `text`, as JSON and as French
    /// text, and renders a whole call's report as the command would: never a panic.
    fn feed(text: &str) {
        let query = std::collections::BTreeMap::new();
        let request = eig_api::Request::new(text, &query, eig_api::Surface::Command);
        for op in eig_api::operations().iter().filter(|op| op.input.is_some()) {
            let _ = op.run(&request);
            let _ = op.run_french(&request);
        }
        if let Ok(campaign) = parse::<Campaign>("t", "campaign", text)
            && let Ok(result) = eig_campaign::run(&campaign)
        {
            let _ = eig_api::french::campaign(&result, true);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        #[test]
        fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            feed(&String::from_utf8_lossy(&bytes));
        }

        #[test]
        fn arbitrary_json_never_panics(document in json()) {
            feed(&document.to_string());
        }

        #[test]
        fn mutated_examples_never_panic(
            kind in prop::sample::select(
                eig_api::operations().iter().filter_map(|op| op.input).collect::<Vec<_>>()),
            choice in any::<u64>(),
            replacement in json(),
        ) {
            let mut document = eig_api::shape(kind).unwrap().example(None).unwrap();
            mutate(&mut document, choice, replacement);
            feed(&document.to_string());
        }
    }
}
