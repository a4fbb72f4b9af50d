//! Reading JSON input from a file or standard input, with errors that name the file, the JSON
//! path, the line and column.

use std::{
    io::{IsTerminal, Read},
    path::PathBuf,
};

use std::fmt::Write as _;

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
/// input); returns its name for later messages, and its value.
pub(crate) fn read_json<T: DeserializeOwned>(
    arg: Option<&PathBuf>,
) -> Result<(String, T), CliError> {
    let source = InputSource::from_arg(arg);
    let name = source.name();
    let value = parse(&name, &source.read()?)?;
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

/// Parses `text` as a `T`, turning serde's error into one that names the input, the JSON path
/// (`$.dossiers[3].hosts`) and, for syntax errors, the line and column, and that says what to
/// write instead where the mistake is a common one (an instant without its UTC offset, a date
/// where an instant is expected, an amount written as a JSON number).
pub(crate) fn parse<T: DeserializeOwned>(input: &str, text: &str) -> Result<T, CliError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // One typed pass over the bytes reads a valid input. Only when it fails is the input read
    // again, slowly, to say what is wrong and where: a first pass for syntax, then one that
    // tracks the JSON path (which costs about as much as the typed pass itself).
    if !text.trim_start().starts_with('[')
        && let Some(value) = parse_valid(text)
    {
        return Ok(value);
    }
    // A syntax error is reported as such, with its position, before any shape error.
    if let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(text) {
        let message = strip_position(&err.to_string());
        let message = if text.trim().is_empty() {
            "l'entrée est vide : donnez un document JSON (`eig example <kind>` en affiche un)"
                .to_owned()
        } else {
            eig_domain::french_json_syntax_message(&message)
        };
        return Err(CliError::Syntax {
            input: input.to_owned(),
            line: err.line(),
            column: err.column(),
            message,
        });
    }
    // serde reads a struct from an array too (`["EIG3", []]`); every input of the command is
    // a JSON object, and fields are read by name only.
    if text.trim_start().starts_with('[') {
        return Err(CliError::Invalid {
            input: input.to_owned(),
            path: "$".to_owned(),
            message: "attendu : un objet JSON ; trouvé : un tableau : écrivez les champs par \
                      leur nom, `{\"…\": …}` (`eig example <kind>` en affiche un)"
                .replace("<kind>", kind_of::<T>()),
        });
    }
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // An array where an object is expected, at any depth, is refused (serde alone would read
    // the fields by position).
    let strict = eig_domain::Strict::new(&mut deserializer);
    let value: T = serde_path_to_error::deserialize(strict).map_err(|err| {
        let found = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|document| at_path(&document, err.path()).cloned());
        let path = shorten_path(&json_path(&err.path().to_string()));
        let message = strip_position(&err.into_inner().to_string());
        CliError::Invalid {
            input: input.to_owned(),
            path,
            message: with_hint(&message, found.as_ref()).replace("<kind>", kind_of::<T>()),
        }
    })?;
    Ok(value)
}

/// `text` read as a `T` in one pass, when it is a valid input (the same rules as
/// [`parse`]'s: an array is never read as an object, nothing may follow the document).
fn parse_valid<T: DeserializeOwned>(text: &str) -> Option<T> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let value = T::deserialize(eig_domain::Strict::new(&mut deserializer)).ok()?;
    deserializer.end().ok()?;
    Some(value)
}

/// The value at `path` in `document`, when the path leads to one.
fn at_path<'a>(
    document: &'a serde_json::Value,
    path: &serde_path_to_error::Path,
) -> Option<&'a serde_json::Value> {
    use serde_path_to_error::Segment;
    let mut node = document;
    for segment in path {
        node = match segment {
            Segment::Seq { index } => node.get(*index)?,
            Segment::Map { key } => node.get(key.as_str())?,
            Segment::Enum { variant } => node.get(variant.as_str()).unwrap_or(node),
            Segment::Unknown => return None,
        };
    }
    Some(node)
}

/// The kind of `eig schema` and `eig example` that describes `T`.
fn kind_of<T>() -> &'static str {
    let name = std::any::type_name::<T>();
    let name = name.rsplit("::").next().unwrap_or(name);
    match name {
        "Campaign" => "campaign",
        "EligibilityInput" => "eligibility",
        "ExplainInput" => "explain",
        "PromotionInput" => "funding",
        "Scenario" => "scenario",
        "MatchingInput" => "match",
        _ => "<kind>",
    }
}

/// A JSON path whose keys longer than 80 characters are cut to their first 60 and length.
fn shorten_path(path: &str) -> String {
    path.split('.')
        .map(|segment| {
            let length = segment.chars().count();
            if length > 80 {
                format!("{}…({length} caractères)", segment.chars().take(60).collect::<String>())
            } else {
                segment.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(".")
}

/// Messages of chrono's parser, which say what failed but not what to write.
const TIME_MESSAGES: [&str; 5] = [
    "premature end of input",
    "input contains invalid characters",
    "trailing input",
    "input is out of range",
    "input is not enough for unique date and time",
];

/// `message` (serde's, or a crate's own), in French, with what to write instead when the
/// mistake is a common one.
fn with_hint(message: &str, found: Option<&serde_json::Value>) -> String {
    if TIME_MESSAGES.iter().any(|time| message.starts_with(time)) {
        let written = found.and_then(serde_json::Value::as_str).unwrap_or_default();
        let date = written.get(..10).filter(|date| date.parse::<chrono::NaiveDate>().is_ok());
        return match date {
            Some(date) if written.len() == 10 => format!(
                "{} : une date seule n'est pas un instant : écrivez l'heure et son décalage UTC, \
                 par ex. \"{date}T17:00:00+02:00\" (heure d'été de Paris) ou \"{date}T15:00:00Z\" \
                 (UTC)",
                eig_domain::echo(written)
            ),
            Some(_) if matches!(written.len(), 16 | 19) && !written.contains(['+', 'Z']) => {
                format!(
                    "{} : un instant a besoin de son décalage UTC : écrivez par ex. \"{}+02:00\" \
                     (heure d'été de Paris), \"+01:00\" (hiver) ou \"Z\" (UTC)",
                    eig_domain::echo(written),
                    written.replacen(' ', "T", 1)
                )
            }
            _ => format!(
                "{} n'est pas un instant : écrivez une date, une heure et un décalage UTC, \
                 par ex. \"{}T17:00:00+02:00\"",
                eig_domain::echo(written),
                date.unwrap_or("2018-06-15")
            ),
        };
    }
    let french = eig_domain::french_serde_message(message);
    if message.starts_with("missing field") {
        return format!("{french} : ajoutez-le (`eig schema <kind>` donne chaque champ)");
    }
    if message.starts_with("invalid type: string") && message.contains("expected u") {
        return format!("{french} : écrivez-le sans guillemets");
    }
    if let Some(number) = found.filter(|value| value.is_number())
        && message.ends_with("expected a string")
    {
        return format!(
            "{french} : écrivez-le entre guillemets, \"{number}\" (un montant est une chaîne \
             comme \"70000.00\", pour qu'aucun programme ne le lise comme un nombre binaire \
             approché)"
        );
    }
    if message.starts_with("invalid type") {
        return format!("{french} (`eig example <kind>` en montre un exemple)");
    }
    french
}

/// `message` with every quoted value (`"…"` or `` `…` ``) longer than 80 characters cut to its
/// first 60 and its length: an error never repeats a huge value.
pub(crate) fn shorten(message: &str) -> String {
    let mut out = String::with_capacity(message.len().min(4096));
    let mut rest = message;
    while let Some(start) = rest.find(['"', '`']) {
        let quote = rest[start..].chars().next().unwrap_or('"');
        out.push_str(&rest[..=start]);
        let inner = &rest[start + 1..];
        let Some(end) = inner.find(quote) else {
            rest = inner;
            continue;
        };
        let value = &inner[..end];
        let length = value.chars().count();
        if length > 80 {
            out.extend(value.chars().take(60));
            out.push('…');
            out.push(quote);
            let _ = write!(out, " ({length} caractères)");
        } else {
            out.push_str(value);
            out.push(quote);
        }
        rest = &inner[end + 1..];
    }
    out.push_str(rest);
    if out.chars().count() > 4000 {
        let cut: String = out.chars().take(4000).collect();
        format!("{cut}… (message coupé à 4000 caractères)")
    } else {
        out
    }
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
            let _ = crate::report::render(&result, true);
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
            && let Ok(result) = crate::commands::matching::compute(
                "t",
                &input,
                &eig_matching::Options::default(),
                true,
            )
        {
            let _ = result.explanations.as_ref().map(eig_matching::Explanations::to_french);
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
    }
}
