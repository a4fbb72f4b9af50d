//! Every quote and citation the workspace carries, checked against the texts: the funding
//! parameters, the sources of the domain facts and the scoring grids, the rules catalogue and
//! docs, and the doc comments (the conformance cases' citations are checked by the case runner,
//! `eig-cases`, wherever cases run).
//!
//! A quote attributed to several documents (`AAP4–AAP6 §3.4`) must be in each. Documents
//! without a text in the repository (`P6POST`, `KEYFIG`, `DATA`) are skipped, and only
//! they.

use std::{
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use eig_domain::{Document, Promotion};
use eig_sources::{
    Citation, attribute, check_locator, check_quote, check_quote_in_section, citations_in,
    mask_code_spans, text,
};

use serde_json::Value;

pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The failures found, one line each.
#[derive(Default)]
struct Report(Vec<String>);

impl Report {
    fn locator(&mut self, place: &str, document: Document, locator: &str) {
        if text(document).is_none() {
            return;
        }
        if let Err(err) = check_locator(document, locator) {
            self.0.push(format!("{place}: {document} {locator}: {err}"));
        }
    }

    /// The quote must be verbatim in each document, within the section `locator` names.
    fn quote(&mut self, place: &str, documents: &[Document], locator: &str, quote: &str) {
        for document in documents {
            if text(*document).is_none() {
                continue;
            }
            if let Err(err) = check_quote_in_section(*document, locator, quote) {
                self.0.push(format!("{place}: « {quote} »: {err}"));
            }
        }
    }

    fn citation(&mut self, place: &str, citation: &Citation) {
        for document in &citation.documents {
            self.locator(place, *document, &citation.locator);
        }
    }

    /// Checks every attributed quote of `block`, and every citation's locator.
    fn prose(&mut self, place: &str, block: &str, fallback: &[Document]) {
        let block = &mask_code_spans(block);
        for citation in citations_in(block) {
            self.citation(place, &citation);
        }
        for found in attribute(block) {
            match (&found.citation, fallback) {
                (Some(citation), _) => {
                    self.quote(place, &citation.documents, &citation.locator, &found.quote.text);
                }
                (None, []) => {
                    self.0.push(format!(
                        "{place}: « {} »: attributed to no source",
                        found.quote.text
                    ));
                }
                (None, documents) => {
                    // The case's sources: the quote must be in one of them.
                    let any = documents
                        .iter()
                        .any(|d| text(*d).is_none() || check_quote(*d, &found.quote.text).is_ok());
                    if !any {
                        self.0.push(format!(
                            "{place}: « {} »: in none of its sources",
                            found.quote.text
                        ));
                    }
                }
            }
        }
    }

    fn assert_empty(self, what: &str) {
        let mut message = String::new();
        for line in &self.0 {
            let _ = writeln!(message, "{line}");
        }
        assert!(self.0.is_empty(), "{} {what} failing:\n{message}", self.0.len());
    }
}

/// Every `{"document": …, "locator": …}` object of a JSON value.
fn sources_in(value: &Value, found: &mut Vec<(Document, String)>) {
    match value {
        Value::Object(map) => {
            if let (Some(Value::String(d)), Some(Value::String(l))) =
                (map.get("document"), map.get("locator"))
                && let Ok(document) = d.parse::<Document>()
            {
                found.push((document, l.clone()));
            }
            map.values().for_each(|v| sources_in(v, found));
        }
        Value::Array(items) => items.iter().for_each(|v| sources_in(v, found)),
        _ => {}
    }
}

#[test]
fn funding_parameters() {
    let mut report = Report::default();
    for parameter in eig_funding::official_parameters() {
        let place =
            format!("eig-funding parameter {} {:?}", parameter.id, parameter.validity.promotion);
        let document = parameter.source.document;
        report.locator(&place, document, &parameter.source.locator);
        // A cell of a table: row heading | column heading | cell, each verbatim.
        for part in parameter.quote.split(" | ") {
            report.quote(&place, &[document], &parameter.source.locator, part);
        }
    }
    report.assert_empty("funding parameters");
}

#[test]
fn facts_and_figures() {
    let mut report = Report::default();
    for promotion in Promotion::ALL {
        let mut found = Vec::new();
        sources_in(&serde_json::to_value(promotion.facts()).unwrap(), &mut found);
        let (defis, talents) = eig_history::official_figures(promotion);
        sources_in(&serde_json::to_value((defis, talents)).unwrap(), &mut found);
        for (document, locator) in found {
            report.locator(&format!("{promotion} facts"), document, &locator);
        }
    }
    report.assert_empty("fact sources");
}

/// The sources of every promotion's scoring grid exist. (The sources a decision traces, and
/// the quotes of the conformance cases, are checked by the case runner itself, on the
/// corpus: `eig-cases`.)
#[test]
fn scoring_grid_sources() {
    let mut report = Report::default();
    for promotion in Promotion::ALL {
        if let Ok(grid) =
            eig_eligibility::rule_set(promotion).and_then(eig_eligibility::RuleSet::scoring_grid)
        {
            let mut found = Vec::new();
            sources_in(&serde_json::to_value(&grid).unwrap(), &mut found);
            for (document, locator) in found {
                report.locator(&format!("{promotion} scoring grid"), document, &locator);
            }
        }
    }
    report.assert_empty("scoring grid sources");
}

/// The catalogue and the docs that quote the texts, section by section.
#[test]
fn catalogue_and_docs() {
    let mut report = Report::default();
    for file in [
        "docs/rules/eligibility.md",
        "docs/rules/funding.md",
        "docs/rules/assumptions.md",
        "docs/sources.md",
        "docs/glossary.md",
        "docs/matching.md",
        "docs/testing.md",
        "docs/sources/texts/README.md",
        "CHANGELOG.md",
        "README.md",
        "ARCHITECTURE.md",
    ] {
        let Ok(content) = fs::read_to_string(root().join(file)) else { continue };
        let mut line = 1;
        for section in split_sections(&content) {
            report.prose(&format!("{file}:{line}"), section, &[]);
            line += section.matches('\n').count();
        }
    }
    report.assert_empty("catalogue quotes");
}

/// Markdown split at its headings.
fn split_sections(content: &str) -> Vec<&str> {
    let mut sections = Vec::new();
    let mut start = 0;
    for (at, _) in content.match_indices("\n#") {
        sections.push(&content[start..=at]);
        start = at + 1;
    }
    sections.push(&content[start..]);
    sections
}

/// The comment blocks of a Rust file: consecutive `//` lines, markers stripped, with the
/// line each starts on.
fn comment_blocks(source: &str) -> Vec<(usize, String)> {
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (index, line) in source.lines().enumerate() {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("//") {
            let rest = rest.trim_start_matches(['/', '!']);
            let rest = rest.strip_prefix(' ').unwrap_or(rest);
            let block = current.get_or_insert_with(|| (index + 1, String::new()));
            block.1.push_str(rest);
            block.1.push('\n');
        } else if let Some(block) = current.take() {
            blocks.push(block);
        }
    }
    blocks.extend(current);
    blocks
}

fn rust_files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a source folder") {
        let path = entry.expect("a source file").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

#[test]
fn doc_comments() {
    let mut report = Report::default();
    let mut files = Vec::new();
    for entry in fs::read_dir(root().join("crates")).unwrap() {
        let path = entry.unwrap().path();
        // The checker's own tests quote wrongly on purpose.
        if path.ends_with("eig-sources") {
            continue;
        }
        rust_files(&path, &mut files);
    }
    files.sort();
    for path in files {
        let source = fs::read_to_string(&path).unwrap();
        let relative = path.strip_prefix(root()).unwrap_or(&path).display().to_string();
        for (line, block) in comment_blocks(&source) {
            report.prose(&format!("{relative}:{line}"), &block, &[]);
        }
    }
    report.assert_empty("doc-comment quotes");
}

/// Every document's file (`Document::file`) exists in the repository, and the embedded text
/// is that file, byte for byte.
#[test]
fn every_text_is_in_the_repository() {
    for document in Document::ALL {
        let Some(file) = document.file() else {
            assert!(matches!(document, Document::P6Post | Document::KeyFig), "{document}");
            continue;
        };
        let on_disk = fs::read_to_string(root().join(file))
            .unwrap_or_else(|err| panic!("{document}: {file}: {err}"));
        match text(document) {
            Some(embedded) => assert_eq!(embedded, on_disk, "{document}"),
            None => assert_eq!(document, Document::PromotionsData),
        }
    }
}

/// Every rule definition's sentence (eligibility, AMI 5 bis, EIG6+, funding) is verbatim in
/// the section it cites: the rules catalogue (`eig rules`) and the law ↔ code pages mark it
/// in the text.
#[test]
fn rule_definitions() {
    let mut report = Report::default();
    let definitions = eig_eligibility::rule_definitions();
    assert!(definitions.len() >= 100, "{} rule definitions", definitions.len());
    for rule in &definitions {
        let place = format!("rule {}", rule.id);
        report.locator(&place, rule.source.document, &rule.source.locator);
        report.quote(&place, &[rule.source.document], &rule.source.locator, rule.quote);
    }
    let mut quoted = 0;
    for rule in eig_funding::RuleId::ALL {
        for source in rule.sources() {
            if let Some(quote) = rule.quote(source) {
                quoted += 1;
                report.quote(&format!("rule {rule}"), &[source.document], &source.locator, quote);
            }
        }
    }
    assert!(quoted >= 12, "{quoted} funding sentences quoted");
    report.assert_empty("rule definitions");
}
