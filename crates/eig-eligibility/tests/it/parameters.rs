//! A rule's definition declares the parameters its runs apply (`RuleDefinition::parameters`):
//! every eligibility case of the corpus (`corpus/eligibility/*.json`) is run, and each rule's
//! traced parameters must be the declared ones, with the same values, or among the ones the
//! definition says are computed from the input (`RuleDefinition::computed_parameters`).

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::PathBuf,
};

use eig_domain::Promotion;
use eig_eligibility::{
    CandidateApplication, Decision, DefiDossier, ProlongationRequest, RuleDefinition,
    eig5bis_rule_ids, evaluate_candidate, evaluate_dossier, evaluate_eig5bis,
    evaluate_prolongation, prolongation_rule_ids, rule_definitions, rule_set,
};

/// The decisions of the corpus's eligibility cases: (file, decision) for every case whose
/// input is a dossier, an application, an AMI 5 bis application or a prolongation request and
/// whose rules run (a case of a promotion without rules, or an input refused, has no trace).
fn corpus_decisions() -> Vec<(String, Decision)> {
    let folder = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../corpus/eligibility");
    let mut files: Vec<PathBuf> = fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .collect();
    files.sort();
    let mut decisions = Vec::new();
    for path in files {
        let case: serde_json::Value = serde_json::from_str(&fs::read_to_string(&path).unwrap())
            .unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let input = |key: &str| case.get(key).cloned();
        let decision = if let Some(dossier) = input("dossier") {
            serde_json::from_value::<DefiDossier>(dossier).ok().map(|d| evaluate_dossier(&d))
        } else if let Some(application) = input("candidate") {
            serde_json::from_value::<CandidateApplication>(application)
                .ok()
                .map(|a| evaluate_candidate(&a))
        } else if let Some(application) = input("ami5bis") {
            serde_json::from_value::<CandidateApplication>(application)
                .ok()
                .map(|a| evaluate_eig5bis(&a))
        } else if let Some(request) = input("prolongation") {
            serde_json::from_value::<ProlongationRequest>(request)
                .ok()
                .map(|r| evaluate_prolongation(&r))
        } else {
            None
        };
        if let Some(Ok(decision)) = decision {
            decisions.push((name, decision));
        }
    }
    decisions
}

/// Every difference between the corpus's traces and the definitions, one line each.
fn differences(
    decisions: &[(String, Decision)],
    definitions: &BTreeMap<&str, RuleDefinition>,
) -> Vec<String> {
    decisions
        .iter()
        .flat_map(|(file, decision)| {
            decision_differences(decision, definitions)
                .into_iter()
                .map(move |difference| format!("{file}: {difference}"))
        })
        .collect()
}

/// Every difference between a decision's trace and the definitions of its rules: a traced
/// parameter declared with another value, or neither declared nor computed from the input.
pub(crate) fn decision_differences(
    decision: &Decision,
    definitions: &BTreeMap<&str, RuleDefinition>,
) -> Vec<String> {
    let mut differences = Vec::new();
    for entry in &decision.trace {
        let Some(definition) = definitions.get(entry.rule) else {
            differences.push(format!("{} has no definition", entry.rule));
            continue;
        };
        for parameter in &entry.parameters {
            match definition.parameters.iter().find(|p| p.name == parameter.name) {
                Some(declared) if declared.value != parameter.value => {
                    differences.push(format!(
                        "{} {}: traced {:?}, declared {:?}",
                        entry.rule, parameter.name, parameter.value, declared.value
                    ));
                }
                Some(_) => {}
                None if definition.computed_parameters.contains(&parameter.name) => {}
                None => differences.push(format!(
                    "{} {}: traced, neither declared nor computed from the input",
                    entry.rule, parameter.name
                )),
            }
        }
    }
    differences
}

/// Every rule definition, by id.
pub(crate) fn definitions() -> BTreeMap<&'static str, RuleDefinition> {
    rule_definitions().into_iter().map(|rule| (rule.id, rule)).collect()
}

#[test]
fn every_traced_parameter_is_declared_with_its_value_or_computed_from_the_input() {
    let decisions = corpus_decisions();
    // The corpus holds some 350 eligibility cases that run: a folder read wrongly would
    // check nothing.
    assert!(decisions.len() > 300, "only {} cases ran", decisions.len());
    let differences = differences(&decisions, &definitions());
    assert!(differences.is_empty(), "{}", differences.join("\n"));
}

#[test]
fn every_declared_parameter_is_traced_by_some_case() {
    // A declared parameter no run records would be a definition that says more than the
    // rule applies.
    let mut traced: BTreeSet<(&str, &str)> = BTreeSet::new();
    let mut rules_run: BTreeSet<&str> = BTreeSet::new();
    let decisions = corpus_decisions();
    for (_, decision) in &decisions {
        for entry in &decision.trace {
            rules_run.insert(entry.rule);
            traced.extend(entry.parameters.iter().map(|parameter| (entry.rule, parameter.name)));
        }
    }
    // Every rule these runs can record is run by some case.
    let mut ids: Vec<&str> =
        eig5bis_rule_ids().iter().chain(prolongation_rule_ids()).copied().collect();
    for promotion in Promotion::ALL {
        if let Ok(set) = rule_set(promotion) {
            ids.extend(set.dossier_rule_ids().iter().chain(set.candidate_rule_ids()));
        }
    }
    let not_run: Vec<&str> = ids.into_iter().filter(|id| !rules_run.contains(id)).collect();
    assert!(not_run.is_empty(), "run by no case: {not_run:?}");
    let mut never = Vec::new();
    // A rule these four runs never record (one of the selection's, say) is left to the tests
    // of its own run.
    for rule in rule_definitions().into_iter().filter(|rule| rules_run.contains(rule.id)) {
        for parameter in &rule.parameters {
            if !traced.contains(&(rule.id, parameter.name)) {
                never.push(format!("{} {}", rule.id, parameter.name));
            }
        }
        for name in &rule.computed_parameters {
            assert!(
                rule.parameters.iter().all(|parameter| parameter.name != *name),
                "{}: {name} is both declared and computed",
                rule.id
            );
        }
    }
    assert!(never.is_empty(), "declared, never traced:\n{}", never.join("\n"));
}

#[test]
fn a_changed_declaration_is_found() {
    // The check above can fail: a declaration whose value differs from the trace's is listed.
    let decisions = corpus_decisions();
    let mut definitions = definitions();
    let team_size = definitions.get_mut("eig3.defi.team_size").unwrap();
    let max = team_size.parameters.iter_mut().find(|p| p.name == "max").unwrap();
    max.value = eig_eligibility::Value::Count(4);
    let differences = differences(&decisions, &definitions);
    assert!(!differences.is_empty());
    assert!(differences.iter().all(|line| line.contains("eig3.defi.team_size max")));
}

#[test]
fn a_rule_found_by_its_id_is_the_listed_definition() {
    for rule in rule_definitions() {
        assert_eq!(eig_eligibility::rule_definition(rule.id).as_ref(), Some(&rule), "{}", rule.id);
    }
    assert!(eig_eligibility::rule_definition("eig3.no_such_rule").is_none());
}
