//! docs/testing.md's table of example cases: for every kind of case and every promotion with
//! rules, a case of the corpus to start from, chosen and linked by this test (a promotion
//! without one fails it; the page is regenerated with `EIG_UPDATE_DOCS=1 cargo test -p
//! eig-cases --test it examples`). The case chosen passes, and is one to copy: one whose
//! expected result is not an error, an eligible one where there is one.

use std::{collections::BTreeMap, fmt::Write as _};

use eig_cases::{Case, CaseInput, ChangesRecord, run_case};
use eig_domain::Promotion;
use eig_eligibility::FundingConvention;
use eig_matching::MatchingLimits;

use crate::corpus::{cases_in, root};

const COLUMNS: [&str; 7] = ["EIG2", "EIG3", "EIG4", "EIG5", "EIG6", "EIG7", "any"];

/// The kinds every promotion EIG2–EIG7 must have an example of: the records each promotion
/// judges and plans, and its payment calendar.
const EVERY_PROMOTION: [&str; 7] =
    ["dossier", "candidate", "changes", "jury", "scores", "funding", "calendar"];

/// Whether the kind must have an example in this column: every promotion's kinds, and a whole
/// call for each promotion the call runs for (a scoring grid to select the laureates, team
/// bounds and a choice limit to assign the talents).
fn required(kind: &str, column: &str) -> bool {
    let Some(promotion) = Promotion::ALL.into_iter().find(|p| p.code() == column) else {
        return false;
    };
    match kind {
        "campaign" => {
            MatchingLimits::for_promotion(promotion).is_some()
                && eig_eligibility::rule_set(promotion)
                    .and_then(eig_eligibility::RuleSet::scoring_grid)
                    .is_ok()
        }
        kind => EVERY_PROMOTION.contains(&kind),
    }
}

/// How much a case is to be preferred as an example, the least first: a case expecting an
/// error last, an eligible one first (among the eligibility kinds), then a file named
/// `…every_rule_satisfied`, then by name.
fn preference(case: &Case, file: &str) -> (bool, bool, bool, String) {
    let error = case.expected.get("error").is_some();
    let outcome = case.expected.get("outcome").and_then(serde_json::Value::as_str);
    (
        error,
        outcome.is_some_and(|outcome| outcome != "eligible"),
        !file.ends_with("every_rule_satisfied"),
        file.to_owned(),
    )
}

/// A case's kind (its input's field) and the column of its promotion.
fn kind_and_column(case: &Case) -> (&'static str, String) {
    let promotion = |promotion: Promotion| promotion.code().to_owned();
    match &case.input {
        CaseInput::Dossier(dossier) => ("dossier", promotion(dossier.defi.promotion)),
        CaseInput::Candidate(application) => ("candidate", promotion(application.promotion)),
        CaseInput::Ami5bis(application) => ("ami5bis", promotion(application.promotion)),
        // AAC6+: the prolongations of EIG6 talents.
        CaseInput::Prolongation(_) => ("prolongation", promotion(Promotion::Eig6)),
        CaseInput::Jury(sheet) => ("jury", promotion(sheet.promotion)),
        CaseInput::Scores(sheet) => ("scores", promotion(sheet.promotion)),
        CaseInput::Eig7Terms(_) => ("eig7_terms", promotion(Promotion::Eig7)),
        CaseInput::Eig7Cap(_) => ("eig7_cap", promotion(Promotion::Eig7)),
        // The model conventions of AAP6 annexe 3 and AAC6+ annexe 3.
        CaseInput::Termination(input) => match input.convention {
            FundingConvention::Aap6 | FundingConvention::Aac6Plus => {
                ("termination", promotion(Promotion::Eig6))
            }
            _ => ("termination", "any".to_owned()),
        },
        CaseInput::Changes(input) => match &input.record {
            ChangesRecord::Dossier(dossier) => ("changes", promotion(dossier.defi.promotion)),
            ChangesRecord::Candidate(application) => ("changes", promotion(application.promotion)),
        },
        CaseInput::Funding(input, _) => ("funding", promotion(input.promotion)),
        CaseInput::Calendar(input) => ("calendar", promotion(input.funding.promotion)),
        CaseInput::Campaign(campaign) => ("campaign", promotion(campaign.promotion)),
        CaseInput::Split(_) => ("split", "any".to_owned()),
        CaseInput::Evenly(_) => ("evenly", "any".to_owned()),
        CaseInput::Allocate(_) => ("allocate", "any".to_owned()),
        CaseInput::Matching(..) => ("matching", "any".to_owned()),
        _ => ("other", "any".to_owned()),
    }
}

/// The table: each kind's row, each cell a link to the case chosen (the first passing one
/// by [`preference`]).
fn table() -> (String, Vec<String>) {
    let mut cells: BTreeMap<(&'static str, String), Vec<(String, Case)>> = BTreeMap::new();
    for folder in ["eligibility", "changes", "funding", "matching", "campaign"] {
        for (name, case) in cases_in(folder) {
            let (kind, column) = kind_and_column(&case);
            cells.entry((kind, column)).or_default().push((format!("{folder}/{name}"), case));
        }
    }
    for cases in cells.values_mut() {
        cases.sort_by_cached_key(|(file, case)| preference(case, file));
    }
    let kinds = [
        "dossier",
        "candidate",
        "ami5bis",
        "prolongation",
        "changes",
        "jury",
        "scores",
        "eig7_terms",
        "eig7_cap",
        "termination",
        "funding",
        "calendar",
        "split",
        "evenly",
        "allocate",
        "matching",
        "campaign",
    ];
    let mut out = String::from("\n| Kind | ");
    out.push_str(&COLUMNS.join(" | "));
    out.push_str(" |\n|---|");
    out.push_str(&"---|".repeat(COLUMNS.len()));
    out.push('\n');
    let mut missing = Vec::new();
    for kind in kinds {
        write!(out, "| `{kind}` |").unwrap();
        let mut any = false;
        for column in COLUMNS {
            let cell = cells.get(&(kind, column.to_owned())).and_then(|cases| {
                cases.iter().find(|(_, case)| run_case(case).passed()).map(|(file, _)| file)
            });
            if let Some(file) = cell {
                any = true;
                let name = file.rsplit('/').next().unwrap_or(file);
                write!(out, " [{name}](../corpus/{file}.json) |").unwrap();
            } else {
                if required(kind, column) {
                    missing.push(format!("{kind} in {column}"));
                }
                out.push_str(" — |");
            }
        }
        if !any {
            missing.push(format!("{kind} (no case at all)"));
        }
        out.push('\n');
    }
    (out, missing)
}

const BEGIN: &str = "<!-- example-cases: begin (generated";
const END: &str = "<!-- example-cases: end -->";

#[test]
fn every_kind_has_an_example_case_per_promotion() {
    let (body, missing) = table();
    assert!(missing.is_empty(), "the corpus has no case of: {}", missing.join(", "));
    let path = root().join("docs/testing.md");
    let page = std::fs::read_to_string(&path).unwrap();
    let start = page.find(BEGIN).expect("docs/testing.md has the example-cases markers");
    let body_start = start + page[start..].find("-->").unwrap() + 3;
    let end = page.find(END).unwrap();
    if page[body_start..end] != body {
        if std::env::var_os("EIG_UPDATE_DOCS").is_some() {
            std::fs::write(&path, format!("{}{}{}", &page[..body_start], body, &page[end..]))
                .unwrap();
        } else {
            panic!(
                "docs/testing.md's example cases differ from the corpus: regenerate them \
                 (EIG_UPDATE_DOCS=1 cargo test -p eig-cases --test it examples)"
            );
        }
    }
}
