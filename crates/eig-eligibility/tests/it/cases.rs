//! The conformance corpus: one JSON file per case under `tests/data/cases/`, each with its
//! input, the expected outcome and the source sentence it tests. Every decision (outcome and
//! trace) is also snapshotted.

use std::fs;

use eig_domain::FundingRoute;
use eig_eligibility::{
    CandidateApplication, CandidateScoreSheet, DefiDossier, EligibilityError, FundingConvention,
    JurySheet, Outcome, ProlongationRequest, SelectionStatus, convention_termination,
    eig7_contract_terms, eig7_recruitment_cap, eig7_renewal_answer_by, evaluate_candidate,
    evaluate_dossier, evaluate_eig5bis, evaluate_prolongation, evaluate_prolongation_by_talent,
    rank_candidates, select_laureates,
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
    /// An EIG7 contract: its first day and the talent's arrival (`eig7_contract_terms`), or a
    /// renewal notice's reception (`eig7_renewal_answer_by`).
    #[serde(default)]
    eig7_terms: Option<TermsInput>,
    /// Recruitments in a year (`eig7_recruitment_cap`).
    #[serde(default)]
    eig7_cap: Option<CapInput>,
    /// A funding convention's termination notified on a day (`convention_termination`).
    #[serde(default)]
    termination: Option<TerminationInput>,
    /// A request for the co-financing of EIG6 prolongations (`evaluate_prolongation`).
    #[serde(default)]
    prolongation: Option<ProlongationRequest>,
    /// An application to the AMI Promotion 5 bis (`evaluate_eig5bis`).
    #[serde(default)]
    ami5bis: Option<CandidateApplication>,
    /// A candidate score sheet (`rank_candidates`).
    #[serde(default)]
    scores: Option<CandidateScoreSheet>,
    expected: Expected,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
#[expect(clippy::struct_field_names, reason = "days end in `_on`, as the house style names them")]
struct TermsInput {
    #[serde(default)]
    starts_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    arrived_on: Option<chrono::NaiveDate>,
    #[serde(default)]
    renewal_notice_received_on: Option<chrono::NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct TerminationInput {
    convention: FundingConvention,
    notified_on: chrono::NaiveDate,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct CapInput {
    year: i32,
    recruited: u32,
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
    /// EIG7 dates by name (`ends_on`, `renewal_notice_by`, `probation_ends_on`,
    /// `interruption_request_by`, `renewal_answer_by`), or a termination's `effective_on`.
    #[serde(default)]
    dates: Option<std::collections::BTreeMap<String, chrono::NaiveDate>>,
    /// The EIG7 cap's status (`open`, `reached`, `no_cap_stated`) and what remains.
    #[serde(default)]
    cap: Option<serde_json::Value>,
    /// Per list, as `"défi/profile"` (or `"profile"` for a profile list): the tie groups,
    /// best first.
    #[serde(default)]
    ranks: Option<std::collections::BTreeMap<String, Vec<Vec<String>>>>,
    /// A prolongation request's outcome per talent (`eligible`, `ineligible`, `incomplete`).
    #[serde(default)]
    talents: Option<std::collections::BTreeMap<String, String>>,
}

fn error_kind(err: &EligibilityError) -> String {
    err.code().to_owned()
}

/// A profile's JSON name (`data_scientist`).
fn profile_code(profile: eig_domain::TalentProfile) -> String {
    serde_json::to_value(profile).unwrap().as_str().unwrap().to_owned()
}

/// An outcome's name (`eligible`, `ineligible`, `incomplete`).
fn outcome_name(outcome: &Outcome) -> String {
    serde_json::to_value(outcome).unwrap()["outcome"].as_str().unwrap().to_owned()
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
        let inputs = [
            case.dossier.is_some(),
            case.candidate.is_some(),
            case.jury.is_some(),
            case.scores.is_some(),
            case.ami5bis.is_some(),
            case.prolongation.is_some(),
            case.eig7_terms.is_some(),
            case.eig7_cap.is_some(),
            case.termination.is_some(),
        ];
        assert_eq!(inputs.iter().filter(|b| **b).count(), 1, "{}: one input", path.display());
        let sort = |mut e: Expected| {
            e.failing_rules.sort();
            e.missing.sort();
            e
        };
        let expected = sort(case.expected);
        if let Some(input) = &case.eig7_terms {
            let mut dates = std::collections::BTreeMap::new();
            let mut sources = Vec::new();
            if let (Some(start), Some(arrival)) = (input.starts_on, input.arrived_on) {
                match eig7_contract_terms(start, arrival) {
                    Ok(terms) => {
                        for (name, date) in [
                            ("ends_on", &terms.ends_on),
                            ("renewal_notice_by", &terms.renewal_notice_by),
                            ("probation_ends_on", &terms.probation_ends_on),
                            ("interruption_request_by", &terms.interruption_request_by),
                        ] {
                            dates.insert(name.to_owned(), date.value);
                        }
                        // The JSON shape is API.
                        sources.push(serde_json::to_string_pretty(&terms).unwrap());
                    }
                    Err(err) => {
                        assert_eq!(Some(error_kind(&err)), expected.error, "{}", path.display());
                        insta::assert_snapshot!(err.to_string());
                        return;
                    }
                }
            }
            if let Some(received) = input.renewal_notice_received_on {
                let answer = eig7_renewal_answer_by(received).unwrap();
                dates.insert("renewal_answer_by".to_owned(), answer.value);
                sources.push(format!("renewal_answer_by: {} ({})", answer.value, answer.source));
            }
            assert_eq!(Some(dates), expected.dates, "{}: {}", path.display(), case.title);
            insta::assert_snapshot!(sources.join("\n"));
            return;
        }
        if let Some(input) = &case.termination {
            let terms = convention_termination(input.convention, input.notified_on).unwrap();
            let dates = [("effective_on".to_owned(), terms.effective_on.value)].into();
            assert_eq!(Some(dates), expected.dates, "{}: {}", path.display(), case.title);
            // The JSON shape is API.
            insta::assert_json_snapshot!(terms);
            return;
        }
        if let Some(input) = &case.eig7_cap {
            let cap =
                serde_json::to_value(eig7_recruitment_cap(input.year, input.recruited)).unwrap();
            assert_eq!(Some(&cap), expected.cap.as_ref(), "{}: {}", path.display(), case.title);
            insta::assert_json_snapshot!(cap);
            return;
        }
        if let Some(sheet) = &case.scores {
            match rank_candidates(sheet) {
                Ok(rankings) => {
                    let ranks = rankings
                        .lists
                        .iter()
                        .map(|list| {
                            let key = match &list.defi {
                                Some(defi) => format!("{defi}/{}", profile_code(list.profile)),
                                None => profile_code(list.profile),
                            };
                            let groups = list
                                .ranks
                                .iter()
                                .map(|group| group.iter().map(ToString::to_string).collect())
                                .collect();
                            (key, groups)
                        })
                        .collect();
                    assert_eq!(Some(ranks), expected.ranks, "{}: {}", path.display(), case.title);
                    insta::assert_json_snapshot!(rankings);
                }
                Err(err) => {
                    assert_eq!(Some(error_kind(&err)), expected.error, "{}", path.display());
                    insta::assert_snapshot!(err.to_string());
                }
            }
            return;
        }
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
        let mut talents = None;
        let decision = match (&case.dossier, &case.candidate, &case.ami5bis, &case.prolongation) {
            (Some(dossier), ..) => evaluate_dossier(dossier),
            (_, Some(application), ..) => evaluate_candidate(application),
            (_, _, Some(application), _) => evaluate_eig5bis(application),
            (.., Some(request)) => {
                let by_talent = evaluate_prolongation_by_talent(request).unwrap();
                assert_eq!(
                    evaluate_prolongation(request).unwrap(),
                    by_talent.decision,
                    "{}",
                    path.display()
                );
                // The JSON shape is API.
                insta::assert_json_snapshot!("by_talent", by_talent);
                talents = Some(
                    by_talent
                        .talents
                        .iter()
                        .map(|t| (t.talent.to_string(), outcome_name(&t.outcome)))
                        .collect(),
                );
                Ok(by_talent.decision)
            }
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
                let mut found = sort(summary(&decision.outcome));
                if expected.talents.is_some() {
                    found.talents = talents;
                }
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
    let mut ids: Vec<&str> = eig_eligibility::eig5bis_rule_ids().to_vec();
    ids.extend(eig_eligibility::prolongation_rule_ids());
    for promotion in eig_domain::Promotion::ALL {
        let Ok(rules) = eig_eligibility::rule_set(promotion) else { continue };
        ids.extend(rules.dossier_rule_ids().iter().chain(rules.candidate_rule_ids()));
    }
    let mut definitions = eig_eligibility::eig5bis_rules();
    definitions.extend(eig_eligibility::prolongation_rules());
    for promotion in eig_domain::Promotion::ALL {
        let Ok(rules) = eig_eligibility::rule_set(promotion) else { continue };
        let dossier: Vec<&str> = rules.dossier_rules().iter().map(|rule| rule.id).collect();
        assert_eq!(dossier, rules.dossier_rule_ids(), "{promotion}: definitions and ids differ");
        let candidate: Vec<&str> = rules.candidate_rules().iter().map(|rule| rule.id).collect();
        assert_eq!(
            candidate,
            rules.candidate_rule_ids(),
            "{promotion}: definitions and ids differ"
        );
        definitions.extend(rules.dossier_rules());
        definitions.extend(rules.candidate_rules());
    }
    let defined: Vec<&str> = definitions.iter().map(|rule| rule.id).collect();
    assert_eq!(defined, ids, "every rule id has its definition, in the same order");
    for id in &ids {
        assert!(covered.contains(*id), "no case exercises {id}");
        let heading = format!("### `{id}`");
        let start = catalogue.find(&heading).unwrap_or_else(|| panic!("no entry for {id}"));
        // The entry's **Cases** line names existing cases that exercise this rule.
        let entry = &catalogue[start + heading.len()..];
        let entry = &entry[..entry.find("\n#").unwrap_or(entry.len())];
        // The entry quotes the sentence the rule's definition carries, and cites its source.
        let definition = definitions.iter().find(|rule| rule.id == *id).unwrap();
        let text = entry.lines().find(|line| line.starts_with("- **Text**:")).unwrap_or_default();
        assert!(
            text.contains(&format!("« {} »", definition.quote)),
            "the entry for {id} does not quote its definition's sentence"
        );
        assert!(
            entry.contains(&format!("- **Source**: {}", definition.source)),
            "the entry for {id} does not cite {}",
            definition.source
        );
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
