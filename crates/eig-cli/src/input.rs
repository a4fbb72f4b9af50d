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
            InputSource::Stdin => "<stdin>".to_owned(),
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
        Ok(text)
    }
}

/// Reads and parses the input named by a command's `FILE` argument (`-` or nothing: standard
/// input); returns its name for later messages, and its value.
pub(crate) fn read_json<T: DeserializeOwned>(
    arg: Option<&PathBuf>,
) -> Result<(String, T), CliError> {
    let source = InputSource::from_arg(arg);
    let name = source.name();
    let value = parse(&name, &source.read()?)?;
    Ok((name, value))
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
            message: array_for_struct(&strip_position(&err.into_inner().to_string())),
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

/// serde reads a struct from an array too, so an array where an object is expected is reported
/// as "invalid length 0, expected struct Defi with 7 elements"; say what was found instead.
fn array_for_struct(message: &str) -> String {
    let name = message
        .strip_prefix("invalid length ")
        .and_then(|rest| rest.split_once(", expected struct "))
        .and_then(|(_, expected)| expected.strip_suffix(" elements"))
        .and_then(|expected| expected.rsplit_once(" with "))
        .map(|(name, _)| name);
    match name {
        Some(name) => format!("invalid type: array, expected struct {name} (a JSON object)"),
        None => message.to_owned(),
    }
}

/// `serde_json` appends " at line L column C"; the CLI reports positions itself.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use eig_campaign::Campaign;
    use proptest::prelude::*;
    use serde_json::Value;

    use super::*;
    use crate::{
        cli::Kind,
        commands::eligibility::{EligibilityInput, ExplainInput},
    };

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

    /// Parses `text` as each input shape, runs the library on what parses and renders the
    /// result as the command would: never a panic.
    fn feed(text: &str) {
        if let Ok(campaign) = parse::<Campaign>("t", text)
            && let Ok(result) = eig_campaign::run(&campaign)
        {
            let _ = crate::report::render(&result);
            let _ = crate::output::json(&result);
        }
        if let Ok(input) = parse::<EligibilityInput>("t", text) {
            let (result, _) = crate::commands::eligibility::judge_all(&input);
            let _ = crate::output::json(&result);
        }
        if let Ok(input) = parse::<ExplainInput>("t", text) {
            let decision = match &input {
                ExplainInput::Dossier(dossier) => eig_eligibility::evaluate_dossier(dossier),
                ExplainInput::Candidate(application) => {
                    eig_eligibility::evaluate_candidate(application)
                }
            };
            if let Ok(decision) = decision {
                let _ = eig_eligibility::render_french(&decision);
            }
        }
        let scenario = parse::<eig_funding::Scenario>("t", text).unwrap_or_default();
        if let Ok(input) = parse::<eig_funding::PromotionInput>("t", text)
            && let Ok(plan) = eig_funding::plan_promotion(&input, &scenario)
        {
            let _ = plan.to_french();
            let _ = crate::output::json(&plan);
        }
        if let Ok(input) = parse::<eig_matching::MatchingInput>("t", text)
            && let Ok(result) =
                crate::commands::matching::compute("t", &input, &eig_matching::Options::default())
        {
            let _ = result.explanations.to_french();
            let _ = crate::output::json(&result);
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
            kind in prop::sample::select(vec![Kind::Campaign, Kind::Eligibility, Kind::Explain, Kind::Funding, Kind::Scenario, Kind::Match]),
            choice in any::<u64>(),
            replacement in json(),
        ) {
            let example = crate::commands::schema::example_text(kind).unwrap();
            let mut document: Value = serde_json::from_str(&example).unwrap();
            mutate(&mut document, choice, replacement);
            feed(&document.to_string());
        }
    }

    #[test]
    fn paths_and_positions() {
        assert_eq!(json_path("."), "$");
        assert_eq!(json_path("a[1].b"), "$.a[1].b");
        assert_eq!(json_path("[0]"), "$[0]");
        assert_eq!(strip_position("expected `,` at line 3 column 9"), "expected `,`");
        assert_eq!(
            array_for_struct("invalid length 0, expected struct Defi with 7 elements"),
            "invalid type: array, expected struct Defi (a JSON object)"
        );
        assert_eq!(
            array_for_struct("invalid length 3, expected 2"),
            "invalid length 3, expected 2"
        );
    }
}
