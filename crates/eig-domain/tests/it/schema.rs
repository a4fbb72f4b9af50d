//! The JSON Schemas (feature `schemars`) against the deserializers: on each table of JSON
//! values, the schema and serde agree — both accept or both refuse — save the rows marked as
//! a known gap, which JSON Schema cannot express (valid under the schema, refused on input).
//!
//! Formats are asserted (`date`, `date-time`), as a fuzzer such as schemathesis does.

use eig_domain::{
    ApproxDate, BudgetProgramme, CandidateId, Closing, DateRange, DefiId, Document, Euros,
    Experience, Label, ParisDeadline, Promotion, Share, Siren, Siret,
};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

/// What a row expects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Expect {
    /// Valid under the schema, accepted by the deserializer.
    Accepted,
    /// Invalid under the schema, refused by the deserializer.
    Refused,
    /// Valid under the schema, refused by the deserializer: what JSON Schema cannot say.
    Gap,
}

use Expect::{Accepted, Gap, Refused};

/// The verdicts of the schema of `T` and of its deserializer on each row, compared with what
/// the row expects; every disagreement is reported at once.
fn agree<T: JsonSchema + DeserializeOwned>(rows: &[(Value, Expect)]) {
    let schema = serde_json::to_value(schemars::schema_for!(T)).unwrap();
    let mut compiler = boon::Compiler::new();
    compiler.set_default_draft(boon::Draft::V2020_12);
    compiler.enable_format_assertions();
    compiler.add_resource("http://localhost/schema.json", schema).unwrap();
    let mut schemas = boon::Schemas::new();
    let index = compiler.compile("http://localhost/schema.json", &mut schemas).unwrap();
    let failures: Vec<String> = rows
        .iter()
        .filter_map(|(value, expect)| {
            let valid = schemas.validate(value, index).is_ok();
            let accepted = serde_json::from_value::<T>(value.clone()).is_ok();
            let found = match (valid, accepted) {
                (true, true) => Accepted,
                (false, false) => Refused,
                (true, false) => Gap,
                (false, true) => {
                    return Some(format!("{value}: refused by the schema, accepted on input"));
                }
            };
            (found != *expect).then(|| format!("{value}: expected {expect:?}, found {found:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{}:\n{}", std::any::type_name::<T>(), failures.join("\n"));
}

fn text(len: usize, c: char) -> Value {
    Value::String(std::iter::repeat_n(c, len).collect())
}

#[test]
fn identifiers() {
    let rows = [
        (json!("eig3-ia-flash"), Accepted),
        (json!("A.b_c:d-9"), Accepted),
        (text(1, 'x'), Accepted),
        (text(64, 'x'), Accepted),
        (text(65, 'x'), Refused),
        (json!(""), Refused),
        (json!("IA Flash"), Refused),
        (json!("défi"), Refused),
        (json!("a/b"), Refused),
        (json!("a\n"), Refused),
        (json!("٣"), Refused), // an Arabic-Indic digit: not ASCII
        (json!(42), Refused),
        (json!(null), Refused),
    ];
    agree::<DefiId>(&rows);
    agree::<CandidateId>(&rows);
}

#[test]
fn labels() {
    agree::<Label>(&[
        (json!("Signaux Faibles"), Accepted),
        (json!(" Signaux Faibles "), Accepted),
        (json!("x"), Accepted),
        (json!("\u{feff}"), Accepted), // not white space for Rust, unlike ECMA-262's `\s`
        (json!("🙂"), Accepted),
        (text(500, 'é'), Accepted),
        (text(501, 'é'), Refused),
        (json!(""), Refused),
        (json!("   "), Refused),
        (json!("\u{a0}\u{2003}\u{3000}"), Refused),
        (json!("a\tb"), Refused),
        (json!("a\nb"), Refused),
        (json!("a\u{7f}"), Refused),
        (json!("a\u{85}"), Refused),
        (json!(3), Refused),
    ]);
}

#[test]
fn host_identifiers() {
    agree::<Siren>(&[
        (json!("110014016"), Accepted),
        (json!("356000000"), Accepted),
        // The one known gap: JSON Schema cannot compute a Luhn key.
        (json!("110014017"), Gap),
        (json!("11001401"), Refused),
        (json!("1100140160"), Refused),
        (json!(""), Refused),
        (json!("11001401a"), Refused),
        (json!("١١٠٠١٤٠١٦"), Refused), // Arabic-Indic digits
        (json!(110_014_016), Refused),
    ]);
    agree::<Siret>(&[
        (json!("11001401600015"), Accepted),
        (json!("35600000049837"), Accepted),
        (json!("11001401600016"), Gap),
        (json!("1100140160001"), Refused),
        (json!("110014016000150"), Refused),
        (json!(""), Refused),
    ]);
    agree::<BudgetProgramme>(&[
        (json!("352"), Accepted),
        (json!("100"), Accepted),
        (json!("999"), Accepted),
        (json!("099"), Refused),
        (json!("35"), Refused),
        (json!("1000"), Refused),
        (json!(""), Refused),
        (json!(352), Refused),
    ]);
}

#[test]
fn closed_lists() {
    let mut promotions: Vec<(Value, Expect)> = Promotion::ALL
        .into_iter()
        .flat_map(|promotion| [promotion.code(), promotion.label()])
        .map(|spelling| (json!(spelling), Accepted))
        .collect();
    promotions.extend([
        (json!(""), Refused),
        (json!("EIG8"), Refused),
        (json!("eig3"), Refused),
        (json!("EIG  3"), Refused),
        (json!(" EIG3"), Refused),
        (json!(3), Refused),
    ]);
    agree::<Promotion>(&promotions);
    let mut documents: Vec<(Value, Expect)> = Document::ALL
        .into_iter()
        .map(|document| (json!(document.abbreviation()), Accepted))
        .collect();
    documents.extend([(json!(""), Refused), (json!("AAP9"), Refused), (json!("aap3"), Refused)]);
    agree::<Document>(&documents);
}

#[test]
fn amounts() {
    agree::<Euros>(&[
        (json!("0"), Accepted),
        (json!("70000"), Accepted),
        (json!("70000.5"), Accepted),
        (json!("70000.50"), Accepted),
        (json!("1.000"), Accepted),
        (json!("1.0000000000000000000000000000"), Accepted), // 28 decimals
        (json!("007"), Accepted),
        (json!("-0"), Accepted),
        (json!("-0.00"), Accepted),
        (json!("12345678901234567890123456"), Accepted), // 26 digits
        (json!("12345678901234567890123456.78"), Accepted),
        (json!("1.001"), Refused),
        (json!("0.001"), Refused),
        (json!("-1"), Refused),
        (json!("-0.01"), Refused),
        (json!(""), Refused),
        (json!("."), Refused),
        (json!("1."), Refused),
        (json!(".5"), Refused),
        (json!("1e3"), Refused),
        (json!("12,50"), Refused),
        (json!(" 1"), Refused),
        (json!("+1"), Refused),
        (json!("١"), Refused),
        (json!("1234567890123456789012345678901"), Refused), // 31 digits
        (json!(70000), Refused),
    ]);
    agree::<Share>(&[
        (json!("0"), Accepted),
        (json!("0.7"), Accepted),
        (json!("0.70"), Accepted),
        (json!("1"), Accepted),
        (json!("1.00"), Accepted),
        (json!("01"), Accepted),
        (json!("-0"), Accepted),
        (json!("0.1234567890123456789012345678"), Accepted), // 28 decimals
        (json!("1.01"), Refused),
        (json!("1.5"), Refused),
        (json!("2"), Refused),
        (json!("-0.1"), Refused),
        (json!(""), Refused),
        (json!("0."), Refused),
        (json!(".7"), Refused),
        (json!("70%"), Refused),
        (json!(0.7), Refused),
    ]);
}

#[test]
fn experience() {
    agree::<Experience>(&[
        (json!(0), Accepted),
        (json!(66), Accepted),
        (json!(65_535), Accepted),
        (json!(65_536), Refused),
        (json!(-1), Refused),
        (json!(1.5), Refused),
        (json!("66"), Refused),
        // JSON Schema's `integer` counts 1.0 as an integer; serde_json reads it as a float.
        (json!(1.0), Gap),
    ]);
}

#[test]
fn approximate_dates() {
    agree::<ApproxDate>(&[
        (json!("2019"), Accepted),
        (json!("0000"), Accepted),
        (json!("2019-01"), Accepted),
        (json!("2019-12"), Accepted),
        (json!("2019-01-31"), Accepted),
        (json!("2019-04-30"), Accepted),
        (json!("2019-02-28"), Accepted),
        (json!("2020-02-29"), Accepted),
        (json!("2000-02-29"), Accepted),
        (json!("1900-02-28"), Accepted),
        (json!(""), Refused),
        (json!("19"), Refused),
        (json!("20190"), Refused),
        (json!("2019-00"), Refused),
        (json!("2019-13"), Refused),
        (json!("2019-1"), Refused),
        (json!("2019-01-00"), Refused),
        (json!("2019-01-32"), Refused),
        (json!("2019-04-31"), Refused),
        (json!("2019-02-29"), Refused),
        (json!("1900-02-29"), Refused),
        (json!("2019-01-1"), Refused),
        (json!("2019-01-01T00:00:00"), Refused),
        (json!(2019), Refused),
    ]);
}

#[test]
fn deadlines() {
    let deadline = |paris: &str, utc: &str| json!({ "paris": paris, "utc": utc });
    agree::<ParisDeadline>(&[
        (deadline("2018-06-15T17:00:00", "2018-06-15T15:00:00Z"), Accepted),
        (deadline("2018-06-15T17:00:00", "2018-06-15T17:00:00+02:00"), Accepted),
        (deadline("2018-06-15T17:00:00.5", "2018-06-15T15:00:00.5Z"), Accepted),
        (deadline("2020-02-29T17:00:00", "2020-02-29T16:00:00Z"), Accepted),
        (deadline("", "2018-06-15T15:00:00Z"), Refused),
        (deadline("2018-06-15T17:00:00", ""), Refused),
        (deadline("2018-06-15", "2018-06-15T15:00:00Z"), Refused),
        (deadline("2018-06-15T17:00", "2018-06-15T15:00:00Z"), Refused),
        (deadline("2018-06-15 17:00:00", "2018-06-15T15:00:00Z"), Refused),
        (deadline("2018-06-15T17:00:00Z", "2018-06-15T15:00:00Z"), Refused),
        (deadline("2018-06-15T24:00:00", "2018-06-15T22:00:00Z"), Refused),
        (deadline("2018-02-30T17:00:00", "2018-02-30T16:00:00Z"), Refused),
        // A mandatory offset on `utc`.
        (deadline("2018-06-15T17:00:00", "2018-06-15T15:00:00"), Refused),
        (json!({ "paris": "2018-06-15T17:00:00" }), Refused),
        (json!({ "paris": "2018-06-15T17:00:00", "utc": "2018-06-15T15:00:00Z", "x": 1 }), Refused),
        // What JSON Schema cannot say: `utc` is the instant `paris` denotes, and a Paris
        // time skipped by the spring change, or repeated by the autumn one, is refused.
        (deadline("2018-06-15T17:00:00", "2018-06-15T17:00:00Z"), Gap),
        (deadline("2023-03-26T02:30:00", "2023-03-26T01:30:00Z"), Gap),
        (deadline("2023-10-29T02:30:00", "2023-10-29T00:30:00Z"), Gap),
    ]);
    agree::<Closing>(&[
        (json!({ "precision": "offset", "at": "2020-06-07T23:00:00+01:00" }), Accepted),
        (json!({ "precision": "offset", "at": "2020-06-07T23:00:00Z" }), Accepted),
        (json!({ "precision": "offset", "at": "2020-06-07T23:00:00" }), Refused),
        (json!({ "precision": "offset", "at": "" }), Refused),
        (json!({ "precision": "day", "on": "2018-06-15" }), Accepted),
        (json!({ "precision": "day", "on": "" }), Refused),
        (json!({ "precision": "day", "on": "2018-06-31" }), Refused),
        (json!({ "precision": "day", "on": "2018-06-15T00:00:00Z" }), Refused),
    ]);
    agree::<DateRange>(&[
        (json!({ "first": "2020-03-24", "last": "2020-03-25" }), Accepted),
        (json!({ "first": "2020-03-24", "last": "2020-03-24" }), Accepted),
        (json!({ "first": "", "last": "2020-03-25" }), Refused),
        (json!({ "first": "2020-03-24" }), Refused),
        // What JSON Schema cannot say: `last` is not before `first`.
        (json!({ "first": "2020-03-25", "last": "2020-03-24" }), Gap),
    ]);
}
