//! The words of serde and `serde_json` that the workspace still reads, pinned: each message
//! below is made by the dependencies themselves, so an upgrade that changes one fails here
//! rather than silently turning a French message back into English or dropping a hint.
//!
//! Why words and not types: `serde_json::Error` keeps only a message and a category
//! (`classify`: syntax, end of input, data); its codes (`ErrorCode`) are private. serde's
//! `de::Error` hooks do carry types (`missing_field`, `unknown_variant`…), and
//! [`Strict::noting`] keeps the missing field through them; but the errors about a value of
//! the wrong type are made by `serde_json` itself, inside its deserializer, and what the type
//! expected reaches any hook only as text (`de::Expected` is `Display`).
//! [`french_serde_message`] and [`french_json_syntax_message`] therefore read the message,
//! and so do the hints of eig-api's reader and eig-cases' (`invalid type: string`, `expected
//! u…`, `expected a string`, `invalid type: integer`, `invalid type: floating point`): each
//! phrase they read is made here. The position is read as numbers (`line`, `column`:
//! [`json_error_words`]), and chrono's errors need no words: see [`time_error`].

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, format::ParseErrorKind};
use eig_domain::{
    Euros, Notes, Strict, french_json_syntax_message, french_serde_message, json_error_words,
    time_error,
};
use serde::Deserialize;
use serde_json::error::Category;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(dead_code, reason = "read only for its errors")]
struct Point {
    x: u16,
    y: Option<u16>,
}

#[derive(Debug, Deserialize)]
#[serde(rename_all = "snake_case")]
enum Route {
    Direct,
    SelfFunded,
    Delegated,
}

#[derive(Debug, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum Tagged {
    Plain,
}

#[derive(Debug, Deserialize)]
#[expect(dead_code, reason = "read only for its errors")]
struct Document {
    point: Option<Point>,
    route: Option<Route>,
    points: Option<[Point; 2]>,
    amount: Option<Euros>,
    named: Option<BTreeMap<String, u8>>,
}

#[derive(Debug, Deserialize)]
#[serde(untagged)]
#[expect(dead_code, reason = "read only for its errors")]
enum Either {
    Number(u8),
    Text(String),
}

#[derive(Debug, Deserialize)]
#[expect(dead_code, reason = "read only for its errors")]
struct Dated {
    on: DateTime<FixedOffset>,
}

/// `err`'s words, without the position `serde_json` appends.
fn words(err: &serde_json::Error) -> String {
    json_error_words(&err.to_string(), err.line(), err.column()).to_owned()
}

/// serde's message for `json` read as a [`Document`], through [`Strict`], without position.
fn message(json: &str) -> String {
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let err = Document::deserialize(Strict::new(&mut deserializer)).unwrap_err();
    assert_eq!(err.classify(), Category::Data, "{json}: {err}");
    words(&err)
}

/// Every kind of message [`french_serde_message`] reads, as serde makes it, turned into
/// French: none is passed through in English.
#[test]
fn serde_messages_are_put_into_french() {
    for (json, french) in [
        (
            r#"{"point": {"x": "108"}}"#,
            r#"attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : la chaîne "108""#,
        ),
        (
            r#"{"amount": 70000}"#,
            "attendu : une chaîne de caractères entre guillemets ; trouvé : le nombre entier 70000",
        ),
        (r#"{"point": [1, 2]}"#, "attendu : un objet JSON ; trouvé : un tableau"),
        (
            r#"{"point": {"x": -1}}"#,
            "valeur impossible ici — attendu : un nombre entier de 0 à 65535, sans guillemets ; \
             trouvé : le nombre entier -1",
        ),
        (r#"{"points": [{"x": 1}]}"#, "1 élément au lieu de 2 éléments"),
        (
            r#"{"route": "pia"}"#,
            "valeur inconnue `pia` : écrivez l'une de ces valeurs : `direct`, `self_funded` ou \
             `delegated`",
        ),
        (
            r#"{"point": {"x": 1, "z": 2}}"#,
            "champ inconnu `z` : corrigez son nom ou retirez-le ; les champs permis ici sont `x` \
             ou `y`",
        ),
        (r#"{"point": {"y": 1}}"#, "champ manquant `x`"),
        (r#"{"point": {"x": 1, "x": 2}}"#, "champ en double `x` : ne l'écrivez qu'une fois"),
        (
            r#"{"named": {"a": 1.5}}"#,
            "attendu : un nombre entier de 0 à 255, sans guillemets ; trouvé : le nombre 1.5",
        ),
    ] {
        let english = message(json);
        assert_eq!(french_serde_message(&english), french, "{json}: {english}");
    }
    // Through serde_json's `Value`, as eig-cases reads a case.
    let value = serde_json::json!({"point": {"x": true}});
    let err = Document::deserialize(Strict::new(value)).unwrap_err().to_string();
    assert_eq!(
        french_serde_message(&err),
        "attendu : un nombre entier de 0 à 65535, sans guillemets ; trouvé : la valeur true"
    );
    // An internally tagged enum: Strict knows it by what its visitor expects.
    let mut deserializer = serde_json::Deserializer::from_str(r#"["plain"]"#);
    let err = Tagged::deserialize(Strict::new(&mut deserializer)).unwrap_err().to_string();
    assert!(err.starts_with("invalid type: sequence, expected internally tagged enum"), "{err}");
}

/// The words the hints of eig-api's and eig-cases' readers look for.
#[test]
fn the_words_of_the_hints_are_serde_s() {
    let string_for_integer = message(r#"{"point": {"x": "108"}}"#);
    assert!(string_for_integer.starts_with("invalid type: string"), "{string_for_integer}");
    assert!(string_for_integer.contains("expected u"), "{string_for_integer}");
    let integer_for_string = message(r#"{"amount": 70000}"#);
    assert!(integer_for_string.starts_with("invalid type: integer"), "{integer_for_string}");
    assert!(integer_for_string.ends_with("expected a string"), "{integer_for_string}");
    let float_for_string = message(r#"{"amount": 0.5}"#);
    assert!(float_for_string.starts_with("invalid type: floating point"), "{float_for_string}");
    // eig-cases reads a case through serde_json's `Value`, whose messages are its own.
    for (value, words) in [
        (serde_json::json!({"amount": 0.5}), "invalid type: floating point"),
        (serde_json::json!({"amount": 70000}), "invalid type: integer"),
    ] {
        let err = Document::deserialize(Strict::new(value)).unwrap_err().to_string();
        assert!(err.contains(words), "{err}");
    }
}

/// The two messages [`french_serde_message`] knows whole: an enumeration's value of the wrong
/// JSON type (`serde_json`'s "expected value") and a value of none of an untagged enum's forms.
#[test]
fn the_whole_messages_read_are_serde_s() {
    let mut deserializer = serde_json::Deserializer::from_str(r#"{"route": 5}"#);
    let err = Document::deserialize(Strict::new(&mut deserializer)).unwrap_err();
    assert_eq!(words(&err), "expected value");
    assert_eq!(
        french_serde_message(&words(&err)),
        "attendu : le nom d'une valeur permise entre guillemets, ou un objet JSON"
    );
    let err = words(&serde_json::from_str::<Either>("true").unwrap_err());
    assert!(err.starts_with("data did not match any variant of untagged enum"), "{err}");
    assert_eq!(french_serde_message(&err), "la valeur n'a aucune des formes permises ici");
}

/// The position `serde_json` appends to its words is the one its error gives as numbers:
/// [`json_error_words`] takes it away by those numbers, for a syntax error and a data error.
#[test]
fn the_position_is_read_from_the_error_s_numbers() {
    let syntax = serde_json::from_str::<serde_json::Value>("{\n  \"a\" 1}").unwrap_err();
    assert_eq!((syntax.classify(), syntax.line(), syntax.column()), (Category::Syntax, 2, 7));
    assert_eq!(syntax.to_string(), "expected `:` at line 2 column 7");
    assert_eq!(words(&syntax), "expected `:`");
    let mut deserializer = serde_json::Deserializer::from_str(r#"{"route": "pia"}"#);
    let data = Document::deserialize(Strict::new(&mut deserializer)).unwrap_err();
    assert_eq!((data.classify(), data.line(), data.column()), (Category::Data, 1, 15));
    assert!(data.to_string().ends_with(" at line 1 column 15"), "{data}");
    assert!(!words(&data).contains(" at line "), "{data}");
    // An error made without a document has no position, and its words are all of it.
    let made = <serde_json::Error as serde::de::Error>::missing_field("x");
    assert_eq!((made.line(), words(&made)), (0, "missing field `x`".to_owned()));
}

/// Every syntax error people make, as `serde_json` words it, put into French with what to
/// write: none falls to the general message.
#[test]
fn json_syntax_messages_are_put_into_french() {
    let general = french_json_syntax_message("");
    for json in [
        "",
        "{\"a\" 1}",
        "{\"a\": 1,}",
        "{\"a\": 1} x",
        "{\"a\": ",
        "[1",
        "\"abc",
        "{a: 1}",
        "[1 2]",
        "{\"a\": 1 \"b\": 2}",
        "[tru]",
        "\"\\q\"",
        "[1e999]",
        "[-]",
        "\"a\u{1}\"",
        &"[".repeat(200),
    ] {
        let Err(err) = serde_json::from_str::<serde_json::Value>(json) else {
            panic!("{json:?} is read");
        };
        assert!(matches!(err.classify(), Category::Syntax | Category::Eof), "{json}: {err}");
        let english = words(&err);
        let french = french_json_syntax_message(&english);
        assert_ne!(french, general, "{json:?}: {english}");
        assert!(!french.contains("ponctuation inattendue"), "{json:?}: {english}");
    }
}

/// A missing field and a time that cannot be read are known from types, at any depth.
#[test]
fn a_strict_reading_notes_the_missing_field_and_the_refused_text() {
    let read = |json: &str| {
        let notes = Notes::default();
        let mut deserializer = serde_json::Deserializer::from_str(json);
        let err = Document::deserialize(Strict::noting(&mut deserializer, &notes)).unwrap_err();
        (notes, err.to_string())
    };
    let (notes, err) = read(r#"{"point": {"y": 1}}"#);
    assert_eq!(notes.missing_field(), Some("x"), "{err}");
    let (notes, err) = read(r#"{"route": "pia"}"#);
    assert_eq!((notes.missing_field(), notes.refused_text().as_deref()), (None, Some("pia")));
    assert!(time_error("pia", &err).is_none(), "not a time");
    // Through serde_json's `Value` too, where texts are owned.
    let notes = Notes::default();
    let value = serde_json::json!({"on": "2018-06-15T17:00"});
    let err = Dated::deserialize(Strict::noting(value, &notes)).unwrap_err().to_string();
    let text = notes.refused_text().unwrap();
    assert_eq!(time_error(&text, &err).map(|error| error.kind()), Some(ParseErrorKind::TooShort));
    // A date, refused as such.
    let err = words(&serde_json::from_str::<NaiveDate>(r#""2018-13-01""#).unwrap_err());
    assert_eq!(
        time_error("2018-13-01", &err).map(|error| error.kind()),
        Some(ParseErrorKind::OutOfRange)
    );
}
