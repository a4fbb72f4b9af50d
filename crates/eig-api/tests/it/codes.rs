//! docs/errors.md lists every stable code the crates can give: the rule crates' `code()`, the
//! codes eig-api gives its errors, and the service's own.

/// The text of a file of the workspace.
fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// `text` with every run of white space made one space.
fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `word` is a code: lower-case ASCII words joined by `_`.
fn is_code(word: &str) -> bool {
    !word.is_empty()
        && word.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The quoted codes right after each `marker` in `text`.
fn after(text: &str, marker: &str) -> Vec<String> {
    text.match_indices(marker)
        .filter_map(|(at, _)| {
            let rest = &text[at + marker.len()..];
            let word = rest.split('"').next()?;
            is_code(word).then(|| word.to_owned())
        })
        .collect()
}

/// The codes of the `match` arms in the body of `fn code(` (or of the block that starts at
/// `start`), up to the end of the function.
fn arms(text: &str, start: &str) -> Vec<String> {
    let mut codes = Vec::new();
    for (at, _) in text.match_indices(start) {
        let body = &text[at..];
        let end = body.find("\n    }\n").unwrap_or(body.len());
        codes.extend(after(&folded(&body[..end]), "=> \""));
    }
    codes
}

fn codes_in_the_code() -> Vec<String> {
    let mut codes = Vec::new();
    codes.extend(arms(&read("crates/eig-eligibility/src/error.rs"), "fn code("));
    codes.extend(arms(&read("crates/eig-funding/src/error.rs"), "fn code("));
    codes.extend(arms(&read("crates/eig-cases/src/case.rs"), "fn code("));
    codes.extend(after(&read("crates/eig-cases/src/read.rs"), "const INVALID: &str = \""));
    codes.extend(arms(&read("crates/eig-server/src/problem.rs"), "let code = match kind {"));
    for file in ["error.rs", "examples.rs", "operations.rs", "read.rs", "table.rs"] {
        let text = folded(&read(&format!("crates/eig-api/src/{file}")));
        for kind in ["Syntax", "Invalid", "Unjudgeable", "Parameter"] {
            codes.extend(after(&text, &format!("ErrorKind::{kind}, \"")));
        }
        codes.extend(after(&text, "with_code(\""));
        codes.extend(after(&text, "let code = if text.trim().is_empty() { \""));
        codes.extend(after(&text, "} else { \""));
        codes.extend(arms(&text, "let code = match err {"));
    }
    codes.retain(|code| {
        code.contains('_')
            || ["overflow", "campaign", "internal", "timeout", "unjudgeable"]
                .contains(&code.as_str())
    });
    codes.sort();
    codes.dedup();
    codes
}

#[test]
fn every_code_is_documented() {
    let page = read("docs/errors.md");
    let codes = codes_in_the_code();
    // The scan finds the codes of each source (a scan that found nothing would pass).
    for expected in [
        "no_published_rules",
        "route_not_open",
        "invalid_json",
        "invalid_case_file",
        "no_example",
        "body_too_large",
        "hand_off",
    ] {
        assert!(
            codes.iter().any(|code| code == expected),
            "{expected} not found by the scan: {codes:?}"
        );
    }
    let missing: Vec<&String> =
        codes.iter().filter(|code| !page.contains(&format!("`{code}`"))).collect();
    assert!(missing.is_empty(), "docs/errors.md does not list {missing:?}");
}
