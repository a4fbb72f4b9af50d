//! Every input a rule can report as missing has a French label: a person reading an
//! incomplete decision never meets the input's name alone (`input_label`'s fallback).
//!
//! The names are read from the crate's sources, where a rule reports them: the arguments of
//! `Run::missing(…)`, and the names that reach it through a variable — an unknown moment or
//! declaration (`Unknown("…")`), a list being built (`missing.push("…")`,
//! `unknown.push("…")`) or a receipt's input (`input: "…"`).

use std::{fs, path::Path};

/// The string literals of `text`.
fn literals(text: &str) -> Vec<&str> {
    text.split('"').skip(1).step_by(2).collect()
}

/// The text of each call `opening…)` in `source`, its parentheses balanced.
fn calls<'s>(source: &'s str, opening: &str) -> Vec<&'s str> {
    let mut found = Vec::new();
    for (at, _) in source.match_indices(opening) {
        let start = at + opening.len();
        let mut depth = 1_usize;
        for (offset, c) in source[start..].char_indices() {
            match c {
                '(' => depth += 1,
                ')' => depth -= 1,
                _ => {}
            }
            if depth == 0 {
                found.push(&source[start..start + offset]);
                break;
            }
        }
    }
    found
}

/// The crate's source files, its tests left out.
fn sources(dir: &Path, found: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs")
            && !path.ends_with("tests.rs")
            && !path.ends_with("labels.rs")
        {
            found.push(fs::read_to_string(&path).unwrap());
        }
    }
}

/// Every name a rule of the crate can report as missing.
fn missing_inputs() -> Vec<String> {
    let mut files = Vec::new();
    sources(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"), &mut files);
    let mut names = Vec::new();
    for source in &files {
        for opening in ["Run::missing(", "Unknown(", "missing.push(", "unknown.push("] {
            for call in calls(source, opening) {
                names.extend(literals(call).into_iter().map(str::to_owned));
            }
        }
        for line in source.lines().filter(|line| line.contains("input: \"")) {
            let after = &line[line.find("input: \"").unwrap() + "input: ".len()..];
            names.extend(literals(after).into_iter().take(1).map(str::to_owned));
        }
    }
    names.sort();
    names.dedup();
    names
}

#[test]
fn every_input_a_rule_can_miss_has_a_french_label() {
    let names = missing_inputs();
    // The reading finds the names of each way a rule reports one.
    for expected in [
        "submitted_at",
        "mission_start_on",
        "funding.self_funded",
        "carrier_convention",
        "contracts[].ends_on",
        "process.selection_notified_on",
    ] {
        assert!(names.iter().any(|name| name == expected), "{expected} not found: {names:?}");
    }
    let unlabelled: Vec<&String> =
        names.iter().filter(|name| eig_eligibility::input_label(name) == name.as_str()).collect();
    assert!(unlabelled.is_empty(), "no French label for {unlabelled:?}");
}

/// Every parameter a rule declares or computes has a French label: the catalogue, the rule
/// pages and the French explanation of a decision never show its name alone
/// (`parameter_label`'s fallback).
#[test]
fn every_parameter_has_a_label() {
    let mut unlabelled = Vec::new();
    for rule in eig_eligibility::rule_definitions() {
        let names = rule.parameters.iter().map(|p| p.name).chain(rule.computed_parameters);
        for name in names {
            if eig_eligibility::parameter_label(name) == name {
                unlabelled.push(format!("{}: {name}", rule.id));
            }
        }
    }
    assert!(unlabelled.is_empty(), "no label: {unlabelled:?}");
}
