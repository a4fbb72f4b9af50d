//! Source documents and citations.

use eig_domain::{Document, Source, SourceError};

#[test]
fn documents_parse_from_their_abbreviation_only() {
    let parse = |input: &str| match input.parse::<Document>() {
        Ok(document) => format!("ok {document}"),
        Err(err) => format!("error: {err}"),
    };
    insta::assert_snapshot!(parse("AAP3"), @"ok AAP3");
    insta::assert_snapshot!(parse("AAC6+"), @"ok AAC6+");
    insta::assert_snapshot!(parse("CGET 2018"), @"ok CGET 2018");
    insta::assert_snapshot!(parse("aap3"), @r#"error: "aap3" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
    insta::assert_snapshot!(parse("AAP 3"), @r#"error: "AAP 3" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
    insta::assert_snapshot!(parse("AAP9"), @r#"error: "AAP9" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
    insta::assert_snapshot!(parse(""), @r#"error: "" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3"#);
    assert_eq!(
        "AAP9".parse::<Document>(),
        Err(SourceError::UnknownDocument { input: "AAP9".to_owned() })
    );
}

#[test]
fn an_unknown_document_in_json_is_refused_with_the_same_message() {
    let json = r#"{"document": "AAP9", "locator": "§4.2"}"#;
    insta::assert_snapshot!(
        serde_json::from_str::<Source>(json).unwrap_err().to_string(),
        @r#""AAP9" n'est pas un document source connu : écrivez une abréviation de docs/sources.md, par ex. AAP3 at line 1 column 19"#
    );
    let known = r#"{"document": "AAP3", "locator": "§4.2"}"#;
    insta::assert_snapshot!(serde_json::from_str::<Source>(known).unwrap().to_string(), @"AAP3 §4.2");
}
