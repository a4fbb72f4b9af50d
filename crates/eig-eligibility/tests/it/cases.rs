//! The conformance corpus: one JSON file per case under `tests/data/cases/`, each with its
//! input, the expected outcome and the source sentence it tests. Every decision (outcome and
//! trace) is also snapshotted.

use std::fs;

use eig_domain::FundingRoute;
use eig_eligibility::{
    CandidateApplication, DefiDossier, EligibilityError, JurySheet, Outcome, SelectionStatus,
    evaluate_candidate, evaluate_dossier, select_laureates,
};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// What the case checks.
    title: String,
    /// The source cited, e.g. `AAP3 §4.2`.
    source: String,
    /// The sentence tested, quoted from the source.
    quote: String,
    /// The rules the case exercises (each must appear in the decision's trace).
    rules: Vec<String>,
    #[serde(default)]
    dossier: Option<DefiDossier>,
    #[serde(default)]
    candidate: Option<CandidateApplication>,
    #[serde(default)]
    jury: Option<JurySheet>,
    expected: Expected,
}

#[derive(Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    #[serde(default)]
    outcome: Option<String>,
    #[serde(default)]
    funding_route: Option<FundingRoute>,
    #[serde(default)]
    failing_rules: Vec<String>,
    #[serde(default)]
    missing: Vec<String>,
    #[serde(default)]
    error: Option<String>,
    #[serde(default)]
    selected: Option<Vec<String>>,
}

fn error_kind(err: &EligibilityError) -> String {
    let kind = match err {
        EligibilityError::NoPublishedRules { .. } => "no_published_rules",
        EligibilityError::ConflictingExceptions { .. } => "conflicting_exceptions",
        EligibilityError::WrongNumberOfScores { .. } => "wrong_number_of_scores",
        EligibilityError::ScoreOutOfScale { .. } => "score_out_of_scale",
        EligibilityError::ScaleRequired { .. } => "scale_required",
        EligibilityError::ScaleMismatch { .. } => "scale_mismatch",
        EligibilityError::EmptyScale { .. } => "empty_scale",
        EligibilityError::MissingAmount { .. } => "missing_amount",
        EligibilityError::DuplicateDefi { .. } => "duplicate_defi",
        EligibilityError::PromotionMismatch { .. } => "promotion_mismatch",
        EligibilityError::InstantOutOfRange { .. } => "instant_out_of_range",
        _ => "other",
    };
    kind.to_owned()
}

fn summary(outcome: &Outcome) -> Expected {
    match outcome {
        Outcome::Eligible { funding_route } => Expected {
            outcome: Some("eligible".into()),
            funding_route: *funding_route,
            ..Expected::default()
        },
        Outcome::Ineligible { failures } => Expected {
            outcome: Some("ineligible".into()),
            failing_rules: failures.iter().map(|f| f.rule.to_owned()).collect(),
            ..Expected::default()
        },
        Outcome::Incomplete { missing } => Expected {
            outcome: Some("incomplete".into()),
            missing: missing.iter().map(|m| (*m).to_owned()).collect(),
            ..Expected::default()
        },
        _ => Expected::default(),
    }
}

#[test]
fn corpus() {
    let mut count = 0;
    insta::glob!("../data", "cases/*.json", |path| {
        count += 1;
        let text = fs::read_to_string(path).unwrap();
        let case: Case =
            serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert!(!case.title.is_empty() && !case.source.is_empty() && !case.quote.is_empty());
        let inputs = [case.dossier.is_some(), case.candidate.is_some(), case.jury.is_some()];
        assert_eq!(inputs.iter().filter(|b| **b).count(), 1, "{}: one input", path.display());
        let sort = |mut e: Expected| {
            e.failing_rules.sort();
            e.missing.sort();
            e
        };
        let expected = sort(case.expected);
        if let Some(sheet) = &case.jury {
            match select_laureates(sheet) {
                Ok(selection) => {
                    let selected: Vec<String> = selection
                        .ranking
                        .iter()
                        .filter(|r| r.status == SelectionStatus::Selected)
                        .map(|r| r.defi.to_string())
                        .collect();
                    assert_eq!(
                        Some(selected),
                        expected.selected,
                        "{}: {}",
                        path.display(),
                        case.title
                    );
                    insta::assert_json_snapshot!(selection);
                }
                Err(err) => {
                    assert_eq!(Some(error_kind(&err)), expected.error, "{}", path.display());
                    insta::assert_snapshot!(err.to_string());
                }
            }
            return;
        }
        let decision = match (&case.dossier, &case.candidate) {
            (Some(dossier), _) => evaluate_dossier(dossier),
            (_, Some(application)) => evaluate_candidate(application),
            _ => unreachable!(),
        };
        match decision {
            Ok(decision) => {
                for rule in &case.rules {
                    assert!(
                        decision.trace.iter().any(|entry| entry.rule == rule),
                        "{}: rule {rule} is not in the trace",
                        path.display()
                    );
                }
                let found = sort(summary(&decision.outcome));
                assert_eq!(found, expected, "{}: {}", path.display(), case.title);
                insta::assert_json_snapshot!(decision);
            }
            Err(err) => {
                assert_eq!(Some(error_kind(&err)), expected.error, "{}: {err}", path.display());
                if let EligibilityError::ConflictingExceptions { rule, .. } = &err {
                    assert_eq!(case.rules, [*rule], "{}", path.display());
                }
                insta::assert_snapshot!(err.to_string());
            }
        }
    });
    assert!(count >= 80, "the corpus has {count} cases, at least 80 are required");
}

/// Every rule of every rule set is exercised by at least one case and has an entry in the
/// rules catalogue.
#[test]
fn every_rule_has_cases_and_a_catalogue_entry() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let catalogue = fs::read_to_string(dir.join("../../docs/rules/eligibility.md")).unwrap();
    let mut covered = std::collections::BTreeSet::new();
    for entry in fs::read_dir(dir.join("tests/data/cases")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap();
        let case: Case = serde_json::from_str(&text).unwrap();
        covered.extend(case.rules);
    }
    let mut by_case = std::collections::BTreeMap::new();
    for entry in fs::read_dir(dir.join("tests/data/cases")).unwrap() {
        let path = entry.unwrap().path();
        let case: Case = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        by_case.insert(name, case.rules);
    }
    for promotion in eig_domain::Promotion::ALL {
        let Ok(rules) = eig_eligibility::rule_set(promotion) else { continue };
        for id in rules.dossier_rule_ids().iter().chain(rules.candidate_rule_ids()) {
            assert!(covered.contains(*id), "no case exercises {id}");
            let heading = format!("### `{id}`");
            let start = catalogue.find(&heading).unwrap_or_else(|| panic!("no entry for {id}"));
            // The entry's `Cases` line names existing cases that exercise this rule.
            let entry = &catalogue[start + heading.len()..];
            let entry = &entry[..entry.find("\n#").unwrap_or(entry.len())];
            let line = entry
                .lines()
                .find(|line| line.starts_with("- **Cases**:"))
                .unwrap_or_else(|| panic!("the entry for {id} lists no cases"));
            for name in line.split('`').skip(1).step_by(2) {
                let rules = by_case.get(name).unwrap_or_else(|| panic!("{id}: no case {name}"));
                assert!(rules.iter().any(|rule| rule == id), "{id}: case {name} does not test it");
            }
        }
    }
}
