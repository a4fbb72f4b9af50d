//! serde's messages about a JSON or YAML document, in French.
//!
//! The crates' own errors are French; but when a document does not have the expected shape,
//! the message comes from serde ("missing field", "invalid type"…), in English and naming
//! Rust types. Every program that reads the workspace's
//! inputs (the `eig` command, the case runner, a server) turns it into French with
//! [`french_serde_message`], the same way.
//!
//! These two functions read serde's and `serde_json`'s English words because nothing typed
//! is left to read: `serde_json::Error` keeps only its message, its position and a category
//! (its codes are private), and the errors about a value of the wrong type are made inside
//! `serde_json`'s deserializer, from what the type expected as text (`serde::de::Expected` is
//! `Display`): neither a wrapping deserializer nor a custom `de::Error` sees them as types, since
//! the error type is `serde_json`'s own. What does have a type is read as a type: the missing
//! field ([`Notes`](crate::Notes)), chrono's errors ([`time_error`]), and the position, which
//! [`json_error_words`] takes from `serde_json::Error::line` and `column` rather than by
//! looking for the words " at line ". The words still read — here and in the hints of eig-api's
//! and eig-cases' readers — are each pinned by `tests/it/serde_words.rs`, which makes every
//! message read here with the dependencies themselves and fails when an upgrade changes their
//! words, instead of a hint being silently lost.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};

/// serde's message about a document's shape (`invalid type`, `unknown field`, `missing
/// field`, `unknown variant`…), in French and in the words of JSON rather than of Rust.
///
/// A message serde did not write (a crate's own error, already French) is returned
/// unchanged.
///
/// # Example
/// ```
/// use eig_domain::french_serde_message;
///
/// assert_eq!(
///     french_serde_message("invalid type: integer `70000`, expected a string"),
///     "attendu : une chaîne de caractères entre guillemets ; trouvé : le nombre entier 70000"
/// );
/// assert_eq!(
///     french_serde_message("unknown variant `pia`, expected `direct` or `self_funded`"),
///     "valeur inconnue `pia` : écrivez `direct` ou `self_funded`"
/// );
/// assert_eq!(french_serde_message("missing field `defi`"), "champ manquant `defi`");
/// ```
#[must_use]
pub fn french_serde_message(message: &str) -> String {
    if let Some(rest) = message.strip_prefix("invalid type: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!("attendu : {} ; trouvé : {}", expected_words(expected), found_words(found));
    }
    if let Some(rest) = message.strip_prefix("invalid value: ")
        && let Some((found, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "valeur impossible ici — attendu : {} ; trouvé : {}",
            expected_words(expected),
            found_words(found)
        );
    }
    if let Some(rest) = message.strip_prefix("invalid length ")
        && let Some((length, expected)) = rest.split_once(", expected ")
    {
        return format!(
            "{} au lieu de {}",
            elements(length),
            expected_words(expected).replace("un tableau de ", "")
        );
    }
    if let Some(rest) = message.strip_prefix("unknown variant ")
        && let Some((name, expected)) = split_name(rest)
    {
        return match one_of(expected) {
            Some((names, 1 | 2)) => format!("valeur inconnue {name} : écrivez {names}"),
            Some((names, _)) => {
                format!("valeur inconnue {name} : écrivez l'une de ces valeurs : {names}")
            }
            None => format!("valeur inconnue {name} : aucune valeur n'est permise ici"),
        };
    }
    if let Some(rest) = message.strip_prefix("unknown field ")
        && let Some((name, expected)) = split_name(rest)
    {
        return match one_of(expected) {
            Some((names, 1)) => {
                format!(
                    "champ inconnu {name} : corrigez son nom ou retirez-le ; le seul champ permis ici est {names}"
                )
            }
            Some((names, _)) => {
                format!(
                    "champ inconnu {name} : corrigez son nom ou retirez-le ; les champs permis ici sont {names}"
                )
            }
            None => format!("champ inconnu {name} : retirez-le, aucun champ n'est permis ici"),
        };
    }
    if let Some(name) = message.strip_prefix("missing field ") {
        return format!("champ manquant {name}");
    }
    if let Some(name) = message.strip_prefix("duplicate field ") {
        return format!("champ en double {name} : ne l'écrivez qu'une fois");
    }
    // serde_json's word for a value of the wrong JSON type where one of several forms of
    // value is expected (an enumeration's name, or its object).
    if message == "expected value" {
        return "attendu : le nom d'une valeur permise entre guillemets, ou un objet JSON"
            .to_owned();
    }
    if message.starts_with("data did not match any variant of untagged enum") {
        return "la valeur n'a aucune des formes permises ici".to_owned();
    }
    message.to_owned()
}

/// The words of `serde_json`'s error `message`, without the position it appends to them
/// (" at line L column C"), found by the error's own numbers: `line` and `column` are
/// `serde_json::Error::line` and `column` (a line of 0: no position). A reader reports the
/// position itself, from the same two. (eig-domain reads no format itself, so it takes the
/// message and the numbers rather than `serde_json`'s error.)
///
/// # Example
/// ```
/// let err = serde_json::from_str::<serde_json::Value>("[1,").unwrap_err();
/// assert_eq!((err.line(), err.column()), (1, 3));
/// let message = err.to_string();
/// assert_eq!(eig_domain::json_error_words(&message, err.line(), err.column()),
///            "EOF while parsing a value");
/// ```
#[must_use]
pub fn json_error_words(message: &str, line: usize, column: usize) -> &str {
    if line == 0 {
        return message;
    }
    message.strip_suffix(&format!(" at line {line} column {column}")).unwrap_or(message)
}

/// chrono's error for `text` read as one of the times the workspace's documents hold (an
/// instant with its UTC offset or in UTC, a date and time without offset, a date, a time),
/// when its message is `message`: chrono's typed [`ParseError`](chrono::ParseError), with its
/// [`kind`](chrono::ParseError::kind), back from serde's error, which keeps only chrono's
/// message (`serde::de::Error::custom` takes anything that displays). The two messages are
/// chrono's own, of the same version: none of its words is read.
///
/// # Example
/// ```
/// use chrono::format::ParseErrorKind;
///
/// let message = "2018-06-15".parse::<chrono::DateTime<chrono::FixedOffset>>().unwrap_err().to_string();
/// let error = eig_domain::time_error("2018-06-15", &message).unwrap();
/// assert_eq!(error.kind(), ParseErrorKind::TooShort);
/// assert!(eig_domain::time_error("2018-06-15", "champ manquant `a`").is_none());
/// assert!(eig_domain::time_error("2018-06-15T17:00:00+02:00", &message).is_none());
/// ```
#[must_use]
pub fn time_error(text: &str, message: &str) -> Option<chrono::ParseError> {
    let readings = [
        text.parse::<DateTime<FixedOffset>>().err(),
        text.parse::<DateTime<Utc>>().err(),
        text.parse::<NaiveDateTime>().err(),
        text.parse::<NaiveDate>().err(),
        text.parse::<NaiveTime>().err(),
    ];
    readings.into_iter().flatten().find(|err| err.to_string() == message)
}

/// `serde_json`'s message about a syntax error (without its position), in French, with what to
/// write instead.
///
/// # Example
/// ```
/// use eig_domain::french_json_syntax_message;
///
/// assert_eq!(
///     french_json_syntax_message("trailing comma"),
///     "virgule en trop : retirez la virgule après le dernier élément"
/// );
/// ```
#[must_use]
pub fn french_json_syntax_message(message: &str) -> String {
    let (what, hint) = match message {
        "expected value" => (
            "valeur attendue",
            "écrivez une valeur JSON : une chaîne entre guillemets droits, un nombre, true, \
             false, null, un objet ou un tableau",
        ),
        "key must be a string" => (
            "un nom de champ doit être une chaîne",
            "écrivez chaque nom de champ entre guillemets droits, et pas de virgule après le dernier",
        ),
        "trailing comma" => ("virgule en trop", "retirez la virgule après le dernier élément"),
        "trailing characters" => (
            "texte après la fin du document",
            "donnez un seul document JSON : retirez ce qui suit sa fin",
        ),
        "EOF while parsing an object" | "EOF while parsing a list" => {
            ("l'entrée s'arrête trop tôt", "ajoutez le `}` ou le `]` qui manque")
        }
        "EOF while parsing a string" => {
            ("l'entrée s'arrête trop tôt", "ajoutez le `\"` qui manque")
        }
        "EOF while parsing a value" => {
            ("l'entrée s'arrête trop tôt", "ajoutez la valeur qui manque à la fin")
        }
        "recursion limit exceeded" => (
            "le JSON est imbriqué sur plus de 128 niveaux",
            "aplatissez-le : aucune entrée n'a besoin d'autant de niveaux",
        ),
        "control character (\\u0000-\\u001F) found while parsing a string" => (
            "caractère de contrôle dans une chaîne",
            "écrivez une tabulation ou un saut de ligne dans une chaîne \\t ou \\n",
        ),
        "invalid escape" => {
            ("échappement non valable", "dans une chaîne, écrivez \\\\, \\\", \\n, \\t ou \\uXXXX")
        }
        "invalid number" => ("nombre non valable", "écrivez des chiffres, avec un point décimal"),
        "number out of range" => ("nombre trop grand", "écrivez un nombre plus petit"),
        "expected `:`" => ("`:` attendu", "séparez chaque nom de champ de sa valeur par `:`"),
        "expected `,` or `]`" => ("`,` ou `]` attendu", "séparez les éléments par des virgules"),
        "expected `,` or `}`" => ("`,` ou `}` attendu", "séparez les champs par des virgules"),
        "expected ident" => {
            ("mot inconnu", "écrivez true, false ou null, ou une chaîne entre guillemets")
        }
        _ if message.starts_with("expected") || message.starts_with("EOF") => {
            ("ponctuation inattendue", "vérifiez la ponctuation à cet endroit")
        }
        _ => ("valeur non valable", "vérifiez ce qui est écrit à cet endroit"),
    };
    format!("{what} : {hint}")
}

/// `` `name`, rest `` → (`` `name` ``, rest): a name in backticks, which may itself hold
/// commas.
fn split_name(text: &str) -> Option<(&str, &str)> {
    let inner = text.strip_prefix('`')?;
    let end = inner.find("`, ")?;
    Some((&text[..end + 2], &inner[end + 3..]))
}

/// serde's list of names (`` expected `a` ``, `` expected `a` or `b` ``, `` expected one of
/// `a`, `b`, `c` ``) as a French list and how many it names; `None` when serde says there are
/// none.
fn one_of(expected: &str) -> Option<(String, usize)> {
    if expected.starts_with("there are no") {
        return None;
    }
    let list = expected.strip_prefix("expected ").unwrap_or(expected);
    if let Some(list) = list.strip_prefix("one of ") {
        let count = list.matches("`, `").count() + 1;
        return Some(match list.rsplit_once(", ") {
            Some((first, final_name)) => (format!("{first} ou {final_name}"), count),
            None => (list.to_owned(), count),
        });
    }
    let count = list.matches("` or `").count() + 1;
    Some((list.replace("` or `", "` ou `"), count))
}

/// What serde found, in JSON's words.
fn found_words(found: &str) -> String {
    let inner = |prefix: &str| found.strip_prefix(prefix).map(|v| v.trim_matches('`').to_owned());
    if let Some(value) = inner("integer ") {
        return format!("le nombre entier {value}");
    }
    if let Some(value) = inner("floating point ") {
        return format!("le nombre {value}");
    }
    if let Some(value) = inner("boolean ") {
        return format!("la valeur {value}");
    }
    if let Some(value) = found.strip_prefix("string ") {
        return format!("la chaîne {value}");
    }
    if let Some(value) = inner("character ") {
        return format!("le caractère {value}");
    }
    match found {
        "null" | "unit value" => "null".to_owned(),
        "sequence" | "array" => "un tableau".to_owned(),
        "map" => "un objet".to_owned(),
        other => other.to_owned(),
    }
}

/// What serde expected, in JSON's words rather than Rust's.
fn expected_words(expected: &str) -> String {
    let whole = |max: &str| format!("un nombre entier de 0 à {max}, sans guillemets");
    if let Some(max) = expected.strip_prefix("a whole number from 0 to ") {
        return whole(max);
    }
    if expected.starts_with("struct ")
        || expected.starts_with("internally tagged enum ")
        || expected.starts_with("adjacently tagged enum ")
        || expected == "a JSON object"
        || expected == "a map"
    {
        return "un objet JSON".to_owned();
    }
    if let Some(size) = expected
        .strip_prefix("tuple of size ")
        .or_else(|| expected.strip_prefix("a tuple of size "))
        .or_else(|| expected.strip_prefix("an array of length "))
    {
        return format!("un tableau de {}", elements(size));
    }
    if expected.starts_with("enum ") {
        return "l'une des valeurs permises, entre guillemets".to_owned();
    }
    match expected {
        "a string" | "a borrowed string" | "string" => {
            "une chaîne de caractères entre guillemets".to_owned()
        }
        "u8" => whole("255"),
        "u16" => whole("65535"),
        "u32" => whole("4294967295"),
        "u64" | "usize" => whole("18446744073709551615"),
        "i8" | "i16" | "i32" | "i64" | "isize" => "un nombre entier, sans guillemets".to_owned(),
        "f32" | "f64" => "un nombre, sans guillemets".to_owned(),
        "a boolean" => "true ou false".to_owned(),
        "a sequence" => "un tableau".to_owned(),
        "option" => "une valeur, ou null".to_owned(),
        "a character" | "a char" => "un caractère entre guillemets".to_owned(),
        "variant identifier" | "field identifier" => "un nom entre guillemets".to_owned(),
        "unit" => "null".to_owned(),
        other => other.to_owned(),
    }
}

/// `3` → "3 éléments", `1` → "1 élément".
fn elements(count: &str) -> String {
    if matches!(count, "0" | "1") {
        format!("{count} élément")
    } else {
        format!("{count} éléments")
    }
}

#[cfg(test)]
mod tests {
    use super::{french_json_syntax_message, french_serde_message as fr};

    #[test]
    fn each_syntax_message_of_serde_json() {
        for (english, french) in [
            ("expected value", "valeur attendue : écrivez une valeur JSON"),
            ("EOF while parsing a value", "l'entrée s'arrête trop tôt : ajoutez la valeur"),
            ("EOF while parsing a list", "l'entrée s'arrête trop tôt : ajoutez le `}` ou le `]`"),
            ("expected `,` or `}`", "`,` ou `}` attendu : séparez les champs"),
            ("expected `:`", "`:` attendu"),
            ("recursion limit exceeded", "plus de 128 niveaux"),
            ("invalid number", "nombre non valable"),
            ("key must be a string", "un nom de champ doit être une chaîne"),
            ("trailing comma", "virgule en trop"),
            ("trailing characters", "texte après la fin du document"),
            ("EOF while parsing a string", "ajoutez le `\"` qui manque"),
            (
                "control character (\\u0000-\\u001F) found while parsing a string",
                "caractère de contrôle dans une chaîne",
            ),
            ("invalid escape", "échappement non valable"),
            ("number out of range", "nombre trop grand"),
            ("expected `,` or `]`", "`,` ou `]` attendu : séparez les éléments"),
            ("expected ident", "mot inconnu"),
            // Punctuation serde_json may name in words not listed: either start says so.
            ("expected `=`", "ponctuation inattendue"),
            ("EOF while parsing a tuple", "ponctuation inattendue"),
            ("something new", "valeur non valable : vérifiez"),
        ] {
            let message = french_json_syntax_message(english);
            assert!(
                message.starts_with(french) || message.contains(french),
                "{english}: {message}"
            );
        }
    }

    /// Every syntax error `serde_json` reports on these inputs has its own French words (none
    /// falls to the catch-all), so a change of `serde_json`'s wording is noticed.
    #[test]
    fn serde_json_syntax_errors_have_their_own_words() {
        for text in [
            "",
            "{",
            "[1,",
            "{\"a\" 1}",
            "{1: 2}",
            "[1,]",
            "{} x",
            "\"abc",
            "\"a\u{1}b\"",
            "\"\\q\"",
            "[1 2]",
            "{\"a\": 1 \"b\": 2}",
            "tru",
            "-",
        ] {
            let Err(err) = serde_json::from_str::<serde::de::IgnoredAny>(text) else {
                panic!("{text:?} is valid JSON");
            };
            let message = err.to_string();
            let english = super::json_error_words(&message, err.line(), err.column());
            let french = french_json_syntax_message(english);
            assert!(!french.starts_with("valeur non valable"), "{text:?}: {english} → {french}");
        }
    }

    /// Each kind of object serde names is an object in JSON's words.
    #[test]
    fn objects_in_json_words() {
        for expected in [
            "struct Dossier",
            "internally tagged enum Kind",
            "adjacently tagged enum Kind",
            "a JSON object",
            "a map",
        ] {
            assert_eq!(super::expected_words(expected), "un objet JSON", "{expected}");
        }
        assert_ne!(super::expected_words("a string"), "un objet JSON");
    }

    #[test]
    fn each_message_of_serde() {
        for (english, french) in [
            (
                "invalid type: null, expected a JSON object",
                "attendu : un objet JSON ; trouvé : null",
            ),
            (
                "invalid type: sequence, expected struct Defi",
                "attendu : un objet JSON ; trouvé : un tableau",
            ),
            (
                "invalid type: string \"108\", expected u16",
                "attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : la chaîne \"108\"",
            ),
            (
                "invalid type: floating point `1.5`, expected u32",
                "attendu : un nombre entier de 0 à 4294967295, sans guillemets ; trouvé : le nombre 1.5",
            ),
            (
                "invalid type: boolean `true`, expected a string",
                "attendu : une chaîne de caractères entre guillemets ; trouvé : la valeur true",
            ),
            ("invalid type: map, expected a sequence", "attendu : un tableau ; trouvé : un objet"),
            (
                "invalid value: integer `-1`, expected u16",
                "valeur impossible ici — attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : le nombre entier -1",
            ),
            ("invalid length 1, expected a tuple of size 2", "1 élément au lieu de 2 éléments"),
            ("invalid length 3, expected tuple of size 2", "3 éléments au lieu de 2 éléments"),
            ("unknown variant `x`, expected `a`", "valeur inconnue `x` : écrivez `a`"),
            (
                "unknown variant `x`, expected one of `a`, `b`, `c`",
                "valeur inconnue `x` : écrivez l'une de ces valeurs : `a`, `b` ou `c`",
            ),
            (
                "unknown variant `x`, there are no variants",
                "valeur inconnue `x` : aucune valeur n'est permise ici",
            ),
            (
                "unknown field `a, b`, expected `c`",
                "champ inconnu `a, b` : corrigez son nom ou retirez-le ; le seul champ permis ici est `c`",
            ),
            (
                "unknown field `z`, there are no fields",
                "champ inconnu `z` : retirez-le, aucun champ n'est permis ici",
            ),
            ("missing field `defi`", "champ manquant `defi`"),
            ("duplicate field `defi`", "champ en double `defi` : ne l'écrivez qu'une fois"),
            (
                "data did not match any variant of untagged enum ExplainInput",
                "la valeur n'a aucune des formes permises ici",
            ),
            (
                "expected value",
                "attendu : le nom d'une valeur permise entre guillemets, ou un objet JSON",
            ),
            ("déjà en français", "déjà en français"),
        ] {
            assert_eq!(fr(english), french, "{english}");
        }
    }
}
