//! The one corpus: every conformance case of the workspace — `corpus/eligibility`,
//! `corpus/changes`, `corpus/funding`, `corpus/matching`, `corpus/campaign` — and the worked examples of
//! `docs/testing/cases`, read and run through the public runner (`read_cases`, `run_case`),
//! as `eig test` runs them, in one pass.
//!
//! The same pass keeps each record's whole result as a snapshot (a decision with its trace,
//! a selection, rankings, an EIG7 contract's dates with their sources, a termination, the
//! EIG7 cap, a payment calendar, a matching's report and explanations), and checks what the library promises
//! beside the expected fields: a prolongation judged as a whole and talent by talent agree,
//! a streamed funding plan is the whole plan.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::{Path, PathBuf},
};

use eig_cases::{Case, CaseInput, read_cases, run_case};
use eig_domain::Document;
use eig_eligibility::{
    EligibilityError, convention_termination, eig7_contract_terms, eig7_recruitment_cap,
    eig7_renewal_answer_by, evaluate_candidate, evaluate_dossier, evaluate_eig5bis,
    evaluate_prolongation, evaluate_prolongation_by_talent, rank_candidates, select_laureates,
};
use eig_funding::{PromotionInput, Scenario, plan_promotion, plan_promotion_stream};

/// The repository's root.
pub(crate) fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The corpus's folders and the fewest cases each must hold.
const FOLDERS: [(&str, usize); 5] =
    [("eligibility", 360), ("changes", 15), ("funding", 75), ("matching", 5), ("campaign", 1)];

/// Every case file of a folder of the repository, sorted.
fn files_in(folder: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(folder)
        .unwrap_or_else(|err| panic!("{}: {err}", folder.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| {
            path.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| matches!(e, "json" | "yaml" | "yml"))
        })
        .collect();
    files.sort();
    files
}

/// The cases of `corpus/<folder>`, each with its file's name without extension, read through
/// eig-cases (a case that cannot be read fails the test).
pub(crate) fn cases_in(folder: &str) -> Vec<(String, Case)> {
    let mut cases = Vec::new();
    for path in files_in(&root().join("corpus").join(folder)) {
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let text = fs::read_to_string(&path).unwrap();
        for case in read_cases(&path.to_string_lossy(), &text) {
            cases.push((name.clone(), case.unwrap_or_else(|err| panic!("{err}"))));
        }
    }
    cases
}

/// The one pass over the corpus: every case read, run and passed — its citation checked by the
/// runner, a citation of the catalogue (`docs/rules/…`, `docs/matching.md §7`) included, as
/// `eig test` checks a user's; every record's result snapshotted; the library's promises
/// beside the expected fields kept.
#[test]
fn every_case_of_the_corpus_passes() {
    let mut failures = Vec::new();
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    insta::glob!("../../../../corpus", "*/*.{json,yaml,yml}", |path| {
        let folder = path.parent().unwrap().file_name().unwrap().to_string_lossy().into_owned();
        let file = format!("corpus/{folder}/{}", path.file_name().unwrap().to_string_lossy());
        for case in read_cases(&file, &fs::read_to_string(path).unwrap()) {
            *counts.entry(folder.clone()).or_default() += 1;
            let case = match case {
                Ok(case) => case,
                Err(err) => {
                    failures.push(err.to_string());
                    continue;
                }
            };
            let report = run_case(&case);
            if !report.passed() {
                failures.push(format!("{file}: {}\n{}", report.title, report.failure_details()));
            }
            if let Err(broken) = keep_the_result(&case) {
                failures.push(format!("{file}: {broken}"));
            }
        }
    });
    for (folder, at_least) in FOLDERS {
        let count = counts.get(folder).copied().unwrap_or_default();
        assert!(count >= at_least, "corpus/{folder}: {count} cases, at least {at_least} expected");
    }
    assert!(failures.is_empty(), "{} failing:\n{}", failures.len(), failures.join("\n"));
}

/// The worked examples of `docs/testing.md` pass.
#[test]
fn the_documented_cases_pass() {
    let mut count = 0;
    let mut failures = Vec::new();
    for path in files_in(&root().join("docs/testing/cases")) {
        let file = path.to_string_lossy().into_owned();
        for case in read_cases(&file, &fs::read_to_string(&path).unwrap()) {
            count += 1;
            match case {
                Ok(case) => {
                    let report = run_case(&case);
                    if !report.passed() {
                        failures.push(format!("{file}: {}", report.failure_details()));
                    }
                }
                Err(err) => failures.push(err.to_string()),
            }
        }
    }
    assert!(count >= 3, "{count}");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Snapshots the record's whole result, and checks the promises the expected fields do not
/// state; the broken promise otherwise.
fn keep_the_result(case: &Case) -> Result<(), String> {
    match &case.input {
        CaseInput::Dossier(dossier) => decision(case, evaluate_dossier(dossier)),
        CaseInput::Candidate(application) => decision(case, evaluate_candidate(application)),
        CaseInput::Ami5bis(application) => decision(case, evaluate_eig5bis(application)),
        CaseInput::Prolongation(request) => {
            let as_a_whole = evaluate_prolongation(request);
            let by_talent = evaluate_prolongation_by_talent(request);
            if let Ok(by_talent) = &by_talent {
                // The JSON shape is API.
                insta::assert_json_snapshot!("by_talent", by_talent);
                if as_a_whole.as_ref().ok() != Some(&by_talent.decision) {
                    return Err("the request judged as a whole and by talent differ".to_owned());
                }
            }
            decision(case, by_talent.map(|by_talent| by_talent.decision))
        }
        CaseInput::Jury(sheet) => {
            match select_laureates(sheet) {
                Ok(selection) => insta::assert_json_snapshot!("result", selection),
                Err(err) => insta::assert_snapshot!("result", err.to_string()),
            }
            Ok(())
        }
        CaseInput::Scores(sheet) => {
            match rank_candidates(sheet) {
                Ok(rankings) => insta::assert_json_snapshot!("result", rankings),
                Err(err) => insta::assert_snapshot!("result", err.to_string()),
            }
            Ok(())
        }
        CaseInput::Eig7Terms(input) => {
            let mut lines = Vec::new();
            if let (Some(start), Some(arrival)) = (input.starts_on, input.arrived_on) {
                match eig7_contract_terms(start, arrival) {
                    // The JSON shape is API.
                    Ok(terms) => lines.push(serde_json::to_string_pretty(&terms).unwrap()),
                    Err(err) => {
                        insta::assert_snapshot!("result", err.to_string());
                        return Ok(());
                    }
                }
            }
            if let Some(received) = input.renewal_notice_received_on {
                match eig7_renewal_answer_by(received) {
                    Ok(answer) => lines
                        .push(format!("renewal_answer_by: {} ({})", answer.value, answer.source)),
                    Err(err) => lines.push(err.to_string()),
                }
            }
            insta::assert_snapshot!("result", lines.join("\n"));
            Ok(())
        }
        CaseInput::Termination(input) => {
            match convention_termination(input.convention, input.notified_on) {
                Ok(terms) => insta::assert_json_snapshot!("result", terms),
                Err(err) => insta::assert_snapshot!("result", err.to_string()),
            }
            Ok(())
        }
        CaseInput::Eig7Cap(input) => {
            insta::assert_json_snapshot!(
                "result",
                eig7_recruitment_cap(input.year, input.recruited)
            );
            Ok(())
        }
        CaseInput::Matching(input, options) => {
            let Ok(instance) = eig_matching::Instance::new(input) else { return Ok(()) };
            let Ok(solution) = eig_matching::solve(&instance, options) else { return Ok(()) };
            insta::assert_json_snapshot!("report", solution.report());
            let explanations = solution.explain();
            insta::assert_json_snapshot!("explanations", explanations);
            insta::assert_snapshot!("french", explanations.to_french());
            Ok(())
        }
        CaseInput::Funding(input, scenario) => same_plan(input, scenario),
        CaseInput::Calendar(input) => {
            let planned = plan_promotion(&input.funding, &Scenario::default());
            match planned.and_then(|plan| eig_funding::payment_calendar(&plan, &input.events)) {
                // The JSON shape is API.
                Ok(calendar) => insta::assert_json_snapshot!("result", calendar),
                Err(err) => insta::assert_snapshot!("result", err.to_string()),
            }
            Ok(())
        }
        _ => Ok(()),
    }
}

/// An eligibility decision (with its trace) or its error, snapshotted; a case whose error is
/// a conflict of exceptions names that rule alone.
fn decision(
    case: &Case,
    decision: Result<eig_eligibility::Decision, EligibilityError>,
) -> Result<(), String> {
    match decision {
        Ok(decision) => {
            insta::assert_json_snapshot!("result", decision);
            let wrong = traced_sources(&decision);
            if !wrong.is_empty() {
                return Err(wrong.join("\n"));
            }
        }
        Err(err) => {
            if let EligibilityError::ConflictingExceptions { rule, .. } = &err
                && case.rules != [*rule]
            {
                return Err(format!("a conflict of exceptions on {rule}: the case names it alone"));
            }
            insta::assert_snapshot!("result", err.to_string());
        }
    }
    Ok(())
}

/// The sources a decision traces hold against the texts: every `{"document", "locator"}` of
/// its JSON names a section that exists, and a rule title that quotes its text (the EIG3
/// rule on purely IT tooling) quotes it verbatim from that section.
fn traced_sources(decision: &eig_eligibility::Decision) -> Vec<String> {
    fn sources_in(value: &serde_json::Value, found: &mut Vec<(Document, String)>) {
        match value {
            serde_json::Value::Object(map) => {
                if let (Some(serde_json::Value::String(d)), Some(serde_json::Value::String(l))) =
                    (map.get("document"), map.get("locator"))
                    && let Ok(document) = d.parse::<Document>()
                {
                    found.push((document, l.clone()));
                }
                map.values().for_each(|v| sources_in(v, found));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| sources_in(v, found)),
            _ => {}
        }
    }
    let mut wrong = Vec::new();
    for entry in &decision.trace {
        let document = entry.source.document;
        for quoted in eig_sources::quotes_in(entry.title) {
            if eig_sources::text(document).is_some()
                && let Err(err) = eig_sources::check_quote_in_section(
                    document,
                    &entry.source.locator,
                    &quoted.text,
                )
            {
                wrong.push(format!("the title of {}: {err}", entry.rule));
            }
        }
    }
    let mut found = Vec::new();
    sources_in(&serde_json::to_value(decision).unwrap(), &mut found);
    for (document, locator) in found {
        if eig_sources::text(document).is_some()
            && let Err(err) = eig_sources::check_locator(document, &locator)
        {
            wrong.push(format!("a traced source {document} {locator}: {err}"));
        }
    }
    wrong.sort();
    wrong.dedup();
    wrong
}

/// Every way of writing a plan agrees with the whole plan: the French text (written, streamed,
/// per défi), the JSON bytes (compact and pretty), the envelope, the estimates, the défis;
/// an input that fails fails alike.
fn same_plan(input: &PromotionInput, scenario: &Scenario) -> Result<(), String> {
    let (whole, stream) =
        match (plan_promotion(input, scenario), plan_promotion_stream(input, scenario)) {
            (Ok(whole), Ok(stream)) => (whole, stream),
            (Err(whole), Err(stream)) if whole == stream => return Ok(()),
            (whole, stream) => {
                return Err(format!("the whole plan {whole:?}, the stream {stream:?}"));
            }
        };
    let text = whole.to_french();
    let mut written = String::new();
    whole.write_french(&mut written).unwrap();
    let mut streamed = String::new();
    stream.write_french(&mut streamed).unwrap();
    let defis_written = whole.defis.iter().all(|defi| {
        let mut written = String::new();
        defi.write_french(&mut written).unwrap();
        written == defi.to_french()
    });
    let checks = [
        ("PromotionPlan::write_french", written == text),
        ("PromotionPlanStream::write_french", streamed == text),
        ("DefiPlan::write_french", defis_written),
        (
            "compact JSON",
            serde_json::to_string(&stream).unwrap() == serde_json::to_string(&whole).unwrap(),
        ),
        (
            "pretty JSON",
            serde_json::to_string_pretty(&stream).unwrap()
                == serde_json::to_string_pretty(&whole).unwrap(),
        ),
        ("envelope", stream.envelope() == whole.envelope),
        ("estimated costs", stream.estimated_costs() == whole.estimated_costs),
        (
            "défis",
            stream.defis().collect::<Result<Vec<_>, _>>().ok().as_ref() == Some(&whole.defis),
        ),
    ];
    let differ: Vec<&str> =
        checks.iter().filter(|(_, same)| !same).map(|(what, _)| *what).collect();
    if !differ.is_empty() {
        return Err(format!("the streamed plan differs: {}", differ.join(", ")));
    }
    match stream.into_plan() {
        Ok(collected) if collected == whole => Ok(()),
        other => Err(format!("into_plan gives {other:?}")),
    }
}

/// Every rule of every rule set has its definition (with its sentence) and is exercised by at
/// least one case of the corpus. (Its entry in `docs/rules/eligibility.md`, with its sentence,
/// its source and its cases, is generated from the catalogue: eig-catalogue's
/// `the_eligibility_catalogue_is_generated`.)
#[test]
fn every_rule_has_its_definition_and_cases() {
    // The jury's withdrawals are applied by the whole call: their cases are campaign cases.
    let covered: BTreeSet<String> = cases_in("eligibility")
        .into_iter()
        .chain(cases_in("campaign"))
        .flat_map(|(_, case)| case.rules)
        .collect();
    let mut ids: Vec<&str> = eig_eligibility::eig5bis_rule_ids().to_vec();
    ids.extend(eig_eligibility::prolongation_rule_ids());
    for promotion in eig_domain::Promotion::ALL {
        if let Ok(rules) = eig_eligibility::rule_set(promotion) {
            ids.extend(rules.dossier_rule_ids().iter().chain(rules.candidate_rule_ids()));
        }
        ids.extend(eig_eligibility::selection_rule_ids(promotion));
    }
    // Each rule id has its definition, which carries its sentence, in the same order.
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
    }
    let definitions = eig_eligibility::rule_definitions();
    let defined: Vec<&str> = definitions.iter().map(|rule| rule.id).collect();
    assert_eq!(defined, ids, "every rule id has its definition, in the same order");
    for id in &ids {
        // An EIG2 call cannot run whole (no défi grid): its withdrawal ground is unit-tested
        // (eig-eligibility's `withdrawal` and eig-campaign's tests), no case reaches it.
        if *id != "eig2.selection.withdrawal_insufficient_candidates" {
            assert!(covered.contains(*id), "no case exercises {id}");
        }
    }
}

/// The rules a funding case names are the rules its plan applies: the rule of each talent's
/// programme part and of each payer's part, the reference cost when a cost is estimated, the
/// unused flat kept when a talent's flat exceeds their cost, and the envelope when the case
/// checks it (a case whose plan is refused is not checked here). A case that names a rule its plan does not apply
/// would list it in the catalogue (`eig rules`) for nothing.
#[test]
fn a_funding_case_names_the_rules_its_plan_applies() {
    let mut checked = 0;
    for (name, case) in cases_in("funding") {
        let CaseInput::Funding(input, scenario) = &case.input else { continue };
        let Ok(plan) = plan_promotion(input, scenario) else { continue };
        let mut applied: BTreeSet<&str> = BTreeSet::new();
        for talent in plan.defis.iter().flat_map(|defi| &defi.talents) {
            applied.insert(talent.rule.as_str());
            applied.extend(talent.parts.iter().map(|part| part.rule.as_str()));
            if talent.cost_basis == eig_funding::CostBasis::ReferenceEstimate {
                applied.insert(eig_funding::RuleId::ReferenceCostEstimate.as_str());
            }
            let kept = eig_funding::SurplusTreatment::NotRefundedMayReduceNextTransfer;
            if talent.surplus.is_some_and(|surplus| surplus.treatment == kept) {
                applied.insert(eig_funding::RuleId::UnusedFlatNotRefunded.as_str());
            }
        }
        let checks_envelope = case.expected.get("envelope").is_some();
        if checks_envelope {
            applied.insert(eig_funding::RuleId::Envelope.as_str());
        }
        for rule in &case.rules {
            assert!(
                applied.contains(rule.as_str()),
                "{name}: names {rule}, which its plan does not apply ({applied:?})"
            );
        }
        assert!(!case.rules.is_empty(), "{name}: names no rule (its plan applies {applied:?})");
        checked += 1;
    }
    assert!(checked >= 50, "{checked} funding cases with a plan");
}
