//! Reading a file of cases: JSON or YAML text → one result per case, so that a case that
//! cannot be read does not stop the others.

use serde_json::Value;

use crate::case::{Case, FORMAT, RawCase};

/// The syntax of a case file.
///
/// # Example
/// ```
/// use eig_cases::Syntax;
///
/// assert_eq!(Syntax::of("cases/eig3.yaml"), Syntax::Yaml);
/// assert_eq!(Syntax::of("cases/eig3.json"), Syntax::Json);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Syntax {
    /// JSON.
    Json,
    /// YAML 1.2 (comments allowed).
    Yaml,
}

impl Syntax {
    /// The syntax a file name implies: YAML for `.yaml` and `.yml`, JSON otherwise.
    ///
    /// # Example
    /// ```
    /// assert_eq!(eig_cases::Syntax::of("a.YML"), eig_cases::Syntax::Yaml);
    /// ```
    pub fn of(file_name: &str) -> Syntax {
        let extension = std::path::Path::new(file_name).extension().and_then(|e| e.to_str());
        match extension {
            Some(extension)
                if extension.eq_ignore_ascii_case("yaml")
                    || extension.eq_ignore_ascii_case("yml") =>
            {
                Syntax::Yaml
            }
            _ => Syntax::Json,
        }
    }
}

/// Why a case (or a whole file) cannot be read: the file, the case's position, the line and
/// column of a syntax error, the JSON path of a shape error, and what is wrong.
///
/// # Example
/// ```
/// use eig_cases::read_cases;
///
/// let results = read_cases("bad.json", r#"[{"title": "t", "split": {"total": 70000}, "expected": {}}]"#);
/// let err = results[0].as_ref().unwrap_err();
/// assert_eq!(err.path.as_deref(), Some("$[0].split.total"));
/// assert!(err.to_string().starts_with("bad.json : cas 1 : en $[0].split.total : "));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{file}{}{}{} : {message}",
    line.map_or(String::new(), |line| format!(":{line}:{}", column.unwrap_or(1))),
    case.map_or(String::new(), |case| format!(" : cas {}", case + 1)),
    path.as_ref().map_or(String::new(), |path| format!(" : en {path}")))]
#[non_exhaustive]
pub struct CaseError {
    /// The file.
    pub file: String,
    /// The case's position in the file, from 0, when the error is one case's.
    pub case: Option<usize>,
    /// The line of a syntax error, from 1.
    pub line: Option<usize>,
    /// The column of a syntax error, from 1.
    pub column: Option<usize>,
    /// The JSON path of a shape error (`$.cases[2].dossier.submitted_at`).
    pub path: Option<String>,
    /// What is wrong, and how to write it.
    pub message: String,
    /// Its stable code: `case_without_title`, `case_inputs` or `case_stray_field` for a case
    /// whose fields do not go together ([`ShapeError::code`](crate::ShapeError::code)), `invalid_case_file` otherwise.
    pub code: &'static str,
}

/// The code of a file or a case that is not of the format.
const INVALID: &str = "invalid_case_file";

impl CaseError {
    fn file(file: &str, message: impl Into<String>) -> CaseError {
        CaseError {
            file: file.to_owned(),
            case: None,
            line: None,
            column: None,
            path: None,
            message: message.into(),
            code: INVALID,
        }
    }
}

/// serde's `message` in French, with a hint for the mistakes people make most when writing a
/// case by hand.
///
/// An incomplete instant and a missing field are known from their types (chrono's error kind,
/// the field [`eig_domain::Strict`] noted). A number where a string is expected is known from
/// serde's words only: `serde_json::Value` makes that error itself, from the number it holds
/// and what the type expected, which serde gives only as text, and keeps only the message;
/// `crates/eig-domain/tests/it/serde_words.rs` fails when those words change.
fn hint(message: &str, notes: &eig_domain::Notes) -> String {
    use chrono::format::ParseErrorKind;
    let time = notes.refused_text().and_then(|text| eig_domain::time_error(&text, message));
    if time.is_some_and(|error| {
        matches!(
            error.kind(),
            ParseErrorKind::TooShort | ParseErrorKind::Invalid | ParseErrorKind::TooLong
        )
    }) {
        return "ce n'est pas un instant complet : écrivez sa date, son heure et son décalage UTC, \
                par ex. \"2018-06-15T16:59:59+02:00\""
            .to_owned();
    }
    let french = eig_domain::french_serde_message(message);
    let missing = notes.missing_field().is_some_and(|field| {
        <serde_json::Error as serde::de::Error>::missing_field(field).to_string() == message
    });
    if missing {
        format!("{french} : ajoutez-le (`eig schema case` liste tous les champs)")
    } else if message.contains("invalid type: floating point")
        || message.contains("invalid type: integer")
    {
        format!(
            "{french} (les montants et les parts s'écrivent en chaînes, par ex. \"70000.00\" ou \
             \"0.7\", pour qu'aucun lecteur n'en fasse des nombres à virgule flottante inexacts)"
        )
    } else {
        french
    }
}

/// The document of a case file, read with the syntax its name gives; a syntax error with its
/// line and column.
#[allow(clippy::result_large_err, reason = "an error per file, read once; CaseError is public")]
fn parse_document(file: &str, text: &str) -> Result<Value, CaseError> {
    match Syntax::of(file) {
        Syntax::Json => match serde_json::from_str(text) {
            Ok(value) => Ok(value),
            Err(err) => {
                let message = err.to_string();
                let syntax = eig_domain::json_error_words(&message, err.line(), err.column());
                let message = format!(
                    "JSON non valable : {} (un fichier nommé .yaml ou .yml est lu comme du YAML)",
                    eig_domain::french_json_syntax_message(syntax)
                );
                let mut error = CaseError::file(file, message);
                error.line = Some(err.line());
                error.column = Some(err.column());
                Err(error)
            }
        },
        Syntax::Yaml => match serde_saphyr::from_str(text) {
            Ok(value) => Ok(value),
            Err(err) => {
                let first = err.to_string();
                let first = first.lines().next().unwrap_or_default().trim_start_matches("error: ");
                let message = format!(
                    "YAML non valable : vérifiez l'indentation (des espaces, jamais de \
                     tabulations) et la ponctuation à cet endroit (détail : {first})"
                );
                let mut error = CaseError::file(file, message);
                if let Some(location) = err.location() {
                    error.line = usize::try_from(location.line()).ok();
                    error.column = usize::try_from(location.column()).ok();
                }
                Err(error)
            }
        },
    }
}

/// Whether the text of a file named `file` is meant as a case file, for a runner that walks a
/// directory holding other data too (`eig test DIR`): it declares the format (a `cases` list,
/// or a `format` naming `eig-case/…`), or it is one case or a list holding one (an object
/// with its `expected` result). A file that cannot be parsed counts as a case file: it may be
/// one, and [`read_cases`] then says where its syntax is wrong rather than the file being
/// passed over.
///
/// # Example
/// ```
/// use eig_cases::is_case_file;
///
/// assert!(is_case_file("a.yaml", "format: eig-case/1\ncases: []"));
/// assert!(is_case_file("a.json", r#"[{"title": "t", "expected": {}}]"#));
/// assert!(is_case_file("a.json", r#"{"format": "eig-case/9", "cases": "?"}"#));
/// assert!(is_case_file("a.json", r#"{"title": "#));
/// // Data of another kind: an input of `eig funding`, a list of sentences.
/// assert!(!is_case_file("funding.json", r#"{"promotion": "EIG3", "defis": []}"#));
/// assert!(!is_case_file("faq.yml", "- {question: q, answer: a}"));
/// ```
pub fn is_case_file(file: &str, text: &str) -> bool {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let is_case =
        |value: &Value| value.as_object().is_some_and(|case| case.contains_key("expected"));
    match parse_document(file, text) {
        Err(_) => true,
        Ok(Value::Object(object)) => {
            object.contains_key("cases")
                || object
                    .get("format")
                    .and_then(Value::as_str)
                    .is_some_and(|format| format.starts_with("eig-case/"))
                || object.contains_key("expected")
        }
        Ok(Value::Array(values)) => values.iter().any(is_case),
        Ok(_) => false,
    }
}

/// Reads the cases of a file named `file` (its name gives its syntax, [`Syntax::of`]): one
/// result per case, in the file's order. A file that cannot be parsed at all is one error
/// with its line and column. A UTF-8 byte order mark is skipped.
///
/// A file holds one case (an object with a `title`), a list of cases, or
/// `{"format": "eig-case/1", "cases": [...]}`.
///
/// # Example
/// ```
/// use eig_cases::read_cases;
///
/// let yaml = "
/// ## A comment: YAML case files can say why.
/// format: eig-case/1
/// cases:
///   - title: 1 € in thirds
///     evenly: {total: '1.00', parts: 3}
///     expected: ['0.34', '0.33', '0.33']
///   - title: no input
///     expected: {}
/// ";
/// let cases = read_cases("thirds.yaml", yaml);
/// assert!(cases[0].is_ok());
/// assert_eq!(cases[1].as_ref().unwrap_err().to_string(),
///     "thirds.yaml : cas 2 : un cas a exactement une entrée ; celui-ci en a 0 : gardez-en une");
/// ```
#[allow(clippy::result_large_err, reason = "one error per case, read once; CaseError is public")]
pub fn read_cases(file: &str, text: &str) -> Vec<Result<Case, CaseError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document = match parse_document(file, text) {
        Ok(document) => document,
        Err(error) => return vec![Err(error)],
    };
    let (prefix, values) = match document {
        Value::Object(mut object) if object.contains_key("cases") => {
            if let Some(format) = object.get("format")
                && format != FORMAT
            {
                let message = format!(
                    "le format {format} n'est pas {FORMAT:?}, celui que lit ce programme : \
                         écrivez \"format\": {FORMAT:?}"
                );
                return vec![Err(CaseError::file(file, message))];
            }
            let unknown: Vec<&String> =
                object.keys().filter(|key| !matches!(key.as_str(), "format" | "cases")).collect();
            if !unknown.is_empty() {
                let message = format!(
                    "{} {unknown:?} à côté de cases : un fichier de cas contient format et cases, \
                     rien d'autre : retirez-le{}",
                    if unknown.len() == 1 { "champ inconnu" } else { "champs inconnus" },
                    if unknown.len() == 1 { "" } else { "s" }
                );
                return vec![Err(CaseError::file(file, message))];
            }
            match object.remove("cases") {
                Some(Value::Array(cases)) => ("$.cases", cases),
                _ => {
                    return vec![Err(CaseError::file(
                        file,
                        "cases doit être une liste de cas : écrivez \"cases\": [...]",
                    ))];
                }
            }
        }
        Value::Array(cases) => ("$", cases),
        one @ Value::Object(_) => ("", vec![one]),
        _ => {
            return vec![Err(CaseError::file(
                file,
                "un fichier de cas est un objet ou une liste : écrivez un cas {...} ou une liste [...]",
            ))];
        }
    };
    let many = !prefix.is_empty();
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            // An array where an object is expected is refused, at every depth.
            let notes = eig_domain::Notes::default();
            let strict = eig_domain::Strict::noting(value, &notes);
            let raw: RawCase = serde_path_to_error::deserialize(strict).map_err(|err| {
                let inner = err.path().to_string();
                let base = if many { format!("{prefix}[{index}]") } else { "$".to_owned() };
                let path = if inner == "." { base } else { format!("{base}.{inner}") };
                CaseError {
                    file: file.to_owned(),
                    case: many.then_some(index),
                    line: None,
                    column: None,
                    path: Some(path),
                    message: hint(&err.into_inner().to_string(), &notes),
                    code: INVALID,
                }
            })?;
            Case::try_from(raw).map_err(|err| CaseError {
                file: file.to_owned(),
                case: Some(index),
                line: None,
                column: None,
                path: None,
                message: err.to_string(),
                code: err.code(),
            })
        })
        .collect()
}
