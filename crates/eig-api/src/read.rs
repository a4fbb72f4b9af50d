//! Reading a request: JSON text into an operation's typed input, with errors that name the
//! JSON path, the line and column, and say what to write instead where the mistake is a
//! common one.

use std::fmt::Write as _;

use serde::de::DeserializeOwned;

use crate::error::{ApiError, ErrorKind};

/// Where a message sends a person for a shape's schema and example: the command's
/// subcommands, or the service's resources.
///
/// # Example
/// ```
/// use eig_api::Surface;
///
/// assert_eq!(Surface::Command.example("funding"), "`eig example funding`");
/// assert_eq!(Surface::Http.schema("funding"), "`GET /v1/schemas/funding`");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum Surface {
    /// The `eig` command (and a library caller).
    #[default]
    Command,
    /// The HTTP service.
    Http,
}

impl Surface {
    /// Where the example of `kind` is (`eig example <kind>`, `GET /v1/examples/<kind>`).
    pub fn example(self, kind: &str) -> String {
        match self {
            Surface::Command => format!("`eig example {kind}`"),
            Surface::Http => format!("`GET /v1/examples/{kind}`"),
        }
    }

    /// Where the schema of `kind` is (`eig schema <kind>`, `GET /v1/schemas/<kind>`).
    pub fn schema(self, kind: &str) -> String {
        match self {
            Surface::Command => format!("`eig schema {kind}`"),
            Surface::Http => format!("`GET /v1/schemas/{kind}`"),
        }
    }
}

/// Parses `text` as a `T` for a library caller or the command: [`parse_for`] with no shape
/// to name in the messages.
///
/// # Errors
/// Not JSON (`invalid_json`, `empty_input`), or not a `T` (`invalid_input`, with its path).
///
/// # Example
/// ```
/// let input: eig_api::EligibilityInput = eig_api::parse(r#"{"dossiers": []}"#)?;
/// assert!(input.dossiers.is_empty());
/// let err = eig_api::parse::<eig_api::EligibilityInput>("{").unwrap_err();
/// assert_eq!((err.code(), err.position()), ("invalid_json", Some((1, 1))));
/// # Ok::<(), eig_api::ApiError>(())
/// ```
pub fn parse<T: DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    parse_for(text, None, Surface::Command)
}

/// Parses `text` as a `T`, turning serde's error into one that names the JSON path
/// (`$.dossiers[3].hosts`) and, for syntax errors, the line and column, and that says what to
/// write instead where the mistake is a common one (an instant without its UTC offset, a date
/// where an instant is expected, an amount written as a JSON number).
///
/// # Errors
/// As [`parse`].
pub fn parse_for<T: DeserializeOwned>(
    text: &str,
    kind: Option<&str>,
    surface: Surface,
) -> Result<T, ApiError> {
    let example = surface.example(kind.unwrap_or("<forme>"));
    let schema = surface.schema(kind.unwrap_or("<forme>"));
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
        let message = words(&err);
        let message = if text.trim().is_empty() {
            format!("l'entrée est vide : donnez un document JSON ({example} en affiche un)")
        } else {
            eig_domain::french_json_syntax_message(&message)
        };
        let code = if text.trim().is_empty() { "empty_input" } else { "invalid_json" };
        return Err(ApiError::syntax(code, err.line(), err.column(), message));
    }
    // serde reads a struct from an array too (`["EIG3", []]`); every input of the command is
    // a JSON object, and fields are read by name only.
    if text.trim_start().starts_with('[') {
        return Err(ApiError::new(
            ErrorKind::Invalid,
            "invalid_input",
            format!(
                "attendu : un objet JSON ; trouvé : un tableau : écrivez les champs par leur nom, \
                 `{{\"…\": …}}` ({example} en affiche un)"
            ),
        )
        .at("$"));
    }
    // JSON has one kind of number and JSON Schema's `integer` is any number whose fractional
    // part is zero: `240.0` is the integer 240. serde reads it only as a float, so a document
    // holding such a number is read again with it written as an integer.
    let integral = integers_written_as_integers(text);
    if let Some(integral) = &integral
        && let Some(value) = parse_valid(integral)
    {
        return Ok(value);
    }
    let text = integral.as_deref().unwrap_or(text);
    let mut deserializer = serde_json::Deserializer::from_str(text);
    // An array where an object is expected, at any depth, is refused (serde alone would read
    // the fields by position).
    let notes = eig_domain::Notes::default();
    let strict = eig_domain::Strict::noting(&mut deserializer, &notes);
    let value: T = serde_path_to_error::deserialize(strict).map_err(|err| {
        let found = serde_json::from_str::<serde_json::Value>(text)
            .ok()
            .and_then(|document| at_path(&document, err.path()).cloned());
        let path = shorten_path(&json_path(&err.path().to_string()));
        let message = words(&err.into_inner());
        ApiError::new(
            ErrorKind::Invalid,
            "invalid_input",
            with_hint(&message, &notes, found.as_ref(), &example, &schema),
        )
        .at(path)
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

/// `text` written again with every number whose fractional part is zero (`240.0`, `-8e2`)
/// as an integer, when it holds one that fits 64 bits; `None` otherwise. Only number tokens
/// change: strings, keys (duplicates included) and layout are kept as written. `text` is
/// JSON already checked for syntax.
pub(crate) fn integers_written_as_integers(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = String::new();
    let mut copied = 0;
    let mut index = 0;
    while index < bytes.len() {
        match bytes[index] {
            b'"' => {
                index += 1;
                while index < bytes.len() && bytes[index] != b'"' {
                    index += if bytes[index] == b'\\' { 2 } else { 1 };
                }
                index += 1;
            }
            b'-' | b'0'..=b'9' => {
                let start = index;
                while index < bytes.len()
                    && matches!(bytes[index], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    index += 1;
                }
                let token = &text[start..index];
                if let Some(integer) = integral(token) {
                    out.push_str(&text[copied..start]);
                    out.push_str(&integer);
                    copied = index;
                }
            }
            _ => index += 1,
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(&text[copied..]);
    Some(out)
}

/// The integer a number token written with a fraction or an exponent stands for, written
/// in digits, when it is one exactly (its digits after the decimal point, once the exponent
/// is applied, are all zeros) and has at most 40 digits (an integer of the shapes has at most
/// 39). Decided on the digits, not through a float, so `1.0000000000000001` is no integer.
fn integral(token: &str) -> Option<String> {
    if !token.contains(['.', 'e', 'E']) {
        return None;
    }
    let (negative, unsigned) = match token.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, token),
    };
    let (mantissa, exponent) = match unsigned.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, exponent.parse::<i64>().ok()?),
        None => (unsigned, 0),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits: Vec<u8> = whole.bytes().chain(fraction.bytes()).collect();
    // The decimal point sits after this many digits once the exponent is applied.
    let point = i64::try_from(whole.len()).ok()?.checked_add(exponent)?;
    let kept = usize::try_from(point.max(0)).ok()?;
    if digits.iter().skip(kept).any(|digit| *digit != b'0') {
        return None;
    }
    // Bounded before it is written: `1e999999999` is no integer to spell out.
    let leading = digits.iter().take_while(|digit| **digit == b'0').count();
    if kept.saturating_sub(leading) > 40 {
        return None;
    }
    let integer: String = (0..kept)
        .map(|position| char::from(digits.get(position).copied().unwrap_or(b'0')))
        .skip_while(|digit| *digit == '0')
        .collect();
    if integer.len() > 40 {
        return None;
    }
    Some(match (negative, integer.is_empty()) {
        (_, true) => "0".to_owned(),
        (true, false) => format!("-{integer}"),
        (false, false) => integer,
    })
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

/// Whether `message` is chrono's about a time it could not read (not one it read but found
/// impossible), which says what failed but not what to write: known by the error's kind.
fn is_unreadable_time(message: &str, notes: &eig_domain::Notes) -> bool {
    use chrono::format::ParseErrorKind;
    let time = notes.refused_text().and_then(|text| eig_domain::time_error(&text, message));
    time.is_some_and(|error| {
        matches!(
            error.kind(),
            ParseErrorKind::OutOfRange
                | ParseErrorKind::Invalid
                | ParseErrorKind::NotEnough
                | ParseErrorKind::TooShort
                | ParseErrorKind::TooLong
        )
    })
}

/// Whether `message` is serde's about a missing field: the field [`eig_domain::Strict`]
/// noted, when the message is `serde_json`'s for it.
fn is_missing_field(message: &str, notes: &eig_domain::Notes) -> bool {
    notes.missing_field().is_some_and(|field| {
        <serde_json::Error as serde::de::Error>::missing_field(field).to_string() == message
    })
}

/// `message` (serde's, or a crate's own), in French, with what to write instead when the
/// mistake is a common one.
///
/// A time that cannot be read and a missing field are known from their types (chrono's
/// error kind, the field noted by [`eig_domain::Strict`]). A value of the wrong type is
/// known from serde's words only: `serde_json` makes that error itself, from the `Unexpected`
/// value it read and what the type expected, which serde gives only as text (`Expected` is
/// `Display`), and keeps only the message; `crates/eig-domain/tests/it/serde_words.rs` fails
/// when serde's words change.
fn with_hint(
    message: &str,
    notes: &eig_domain::Notes,
    found: Option<&serde_json::Value>,
    example: &str,
    schema: &str,
) -> String {
    if is_unreadable_time(message, notes) {
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
    if is_missing_field(message, notes) {
        return format!("{french} : ajoutez-le ({schema} donne chaque champ)");
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
        return format!("{french} ({example} en montre un exemple)");
    }
    french
}

/// `message` with every quoted value (`"…"` or `` `…` ``) longer than 80 characters cut to its
/// first 60 and its length, and the whole cut at 4 000 characters: an error never repeats a
/// huge value.
///
/// # Example
/// ```
/// let long = "x".repeat(100);
/// assert_eq!(eig_api::shorten(&format!("\"{long}\" refusé")),
///            format!("\"{}…\" (100 caractères) refusé", "x".repeat(60)));
/// ```
pub fn shorten(message: &str) -> String {
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

/// `serde_json`'s words for `err`, without the position it appends: the position is reported
/// from `err.line()` and `err.column()`.
fn words(err: &serde_json::Error) -> String {
    eig_domain::json_error_words(&err.to_string(), err.line(), err.column()).to_owned()
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

#[cfg(test)]
mod tests {
    #[test]
    fn a_number_with_a_zero_fraction_is_an_integer() {
        use super::integral;
        let integer = |token| integral(token);
        assert_eq!(integer("240.0").as_deref(), Some("240"));
        assert_eq!(integer("-8388607.0").as_deref(), Some("-8388607"));
        assert_eq!(integer("8e2").as_deref(), Some("800"));
        assert_eq!(integer("1.5E1").as_deref(), Some("15"));
        assert_eq!(integer("-0.0").as_deref(), Some("0"));
        assert_eq!(integer("1200e-2").as_deref(), Some("12"));
        assert_eq!(integer("0.0e5").as_deref(), Some("0"));
        assert_eq!(integer("007.0").as_deref(), Some("7"));
        assert_eq!(
            integer("4.2917695649315814e+33").as_deref(),
            Some("4291769564931581400000000000000000")
        );
        assert_eq!(integer("240"), None, "already an integer");
        assert_eq!(integer("240.5"), None);
        assert_eq!(integer("1.0000000000000001"), None);
        assert_eq!(integer("125e-2"), None);
        assert_eq!(integer("1e39").as_deref(), Some("1000000000000000000000000000000000000000"));
        assert_eq!(integer("1e40"), None, "beyond any integer of the shapes");
        assert_eq!(integer("1e999999999999999999"), None, "not spelled out");
        assert_eq!(integer("1e999999999999999999999"), None);
    }

    #[test]
    fn only_number_tokens_are_rewritten() {
        let text = r#"{"a": 2.0, "b": "3.0", "c\\\"": [1e1, 4.5], "a": 7}"#;
        assert_eq!(
            integers_written_as_integers(text).as_deref(),
            Some(r#"{"a": 2, "b": "3.0", "c\\\"": [10, 4.5], "a": 7}"#)
        );
        assert_eq!(integers_written_as_integers(r#"{"a": 2}"#), None);
    }

    use super::*;

    #[test]
    fn paths() {
        assert_eq!(json_path("."), "$");
        assert_eq!(json_path("a[1].b"), "$.a[1].b");
        assert_eq!(json_path("[0]"), "$[0]");
    }
}
