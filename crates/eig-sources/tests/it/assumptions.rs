//! The register of interpretations (`docs/rules/assumptions.md`): every entry has its five
//! fields and names only rules that exist.

use std::{collections::BTreeSet, fs};

use eig_domain::Promotion;

use crate::corpus::root;

/// Every rule id a register entry may name: the eligibility rule sets' ids, AMI 5 bis's and
/// EIG6+'s, the funding rule ids, and the functions that decide without a rule id
/// (`select_laureates`, `rank_candidates`, `eig7_contract_terms`, `convention_termination`).
fn known_rules() -> BTreeSet<String> {
    let mut known: BTreeSet<String> =
        ["select_laureates", "rank_candidates", "eig7_contract_terms", "convention_termination"]
            .into_iter()
            .map(str::to_owned)
            .collect();
    known.extend(eig_eligibility::eig5bis_rule_ids().iter().map(|id| (*id).to_owned()));
    known.extend(eig_eligibility::prolongation_rule_ids().iter().map(|id| (*id).to_owned()));
    for promotion in Promotion::ALL {
        if let Ok(set) = eig_eligibility::rule_set(promotion) {
            known.extend(set.dossier_rule_ids().iter().map(|id| (*id).to_owned()));
            known.extend(set.candidate_rule_ids().iter().map(|id| (*id).to_owned()));
        }
    }
    known.extend(eig_funding::RuleId::ALL.iter().map(|id| id.as_str().to_owned()));
    known
}

/// The entries: (slug, body).
fn entries(register: &str) -> Vec<(String, String)> {
    register
        .split("\n## ")
        .skip(1)
        .map(|entry| {
            let (heading, body) = entry.split_once('\n').unwrap_or((entry, ""));
            let slug = heading.split('`').nth(1).unwrap_or_default().to_owned();
            (slug, body.to_owned())
        })
        .collect()
}

/// The backticked names of the entry's `Rules` field.
fn rules_of(body: &str) -> Vec<String> {
    let Some(start) = body.find("- **Rules**:") else { return Vec::new() };
    let field = &body[start..];
    let end = field[1..].find("\n- **").map_or(field.len(), |at| at + 1);
    field[..end].split('`').skip(1).step_by(2).map(str::to_owned).collect()
}

#[test]
fn every_entry_is_complete_and_names_existing_rules() {
    let register = fs::read_to_string(root().join("docs/rules/assumptions.md")).unwrap();
    let known = known_rules();
    let entries = entries(&register);
    assert!(entries.len() >= 10, "the register has {} entries", entries.len());
    let mut slugs = BTreeSet::new();
    for (slug, body) in &entries {
        assert!(!slug.is_empty(), "an entry has no `slug` in its heading: {body:.60}");
        assert!(slugs.insert(slug.clone()), "{slug}: two entries");
        for field in [
            "- **Rules**:",
            "- **Text**:",
            "- **Reading taken**:",
            "- **Other reading**:",
            "- **Caller can choose**:",
        ] {
            assert!(body.contains(field), "{slug}: no {field}");
        }
        let rules = rules_of(body);
        assert!(!rules.is_empty(), "{slug}: names no rule");
        for rule in rules {
            assert!(known.contains(&rule), "{slug}: {rule} is not a rule id");
        }
        assert!(body.contains('«'), "{slug}: quotes no text");
    }
}

/// The list of decisions the texts leave open must each have an entry.
#[test]
fn the_known_interpretations_are_registered() {
    let register = fs::read_to_string(root().join("docs/rules/assumptions.md")).unwrap();
    let slugs: BTreeSet<String> = entries(&register).into_iter().map(|(slug, _)| slug).collect();
    for slug in [
        "deadline-time-zone",
        "experience-in-completed-months",
        "eig3-profiles-closed",
        "eig6-choice-count",
        "eig6-coach-exception",
        "eig7-other-state-bodies",
        "eig4-mef-delegation",
        "selection-tie-break",
        // Issue 27.
        "eig6plus-per-talent",
        "eig6plus-start-by-12-july",
        "eig7-period-end",
        "eig7-renewal-notice",
        "ami5bis-eig5-coaches",
        "civil-servant-without-departure",
        "absent-process-fact-passes",
        "acceptance-day-count",
        "earliest-start-day",
        "eig2-team-exception",
        "sustainability-attested-at-filing",
        "candidate-scale-lower-bound",
        // Issue 27, fourth round.
        "convention-termination-notice",
        "start-exception",
        "reg7-operational-commitments",
        "eig7-interview-lists",
    ] {
        assert!(slugs.contains(slug), "no entry {slug}");
    }
}

#[test]
fn an_unknown_rule_is_caught() {
    let body = "- **Rules**: `eig3.defi.profiles`, `eig9.made.up`\n- **Text**: « x »\n";
    let known = known_rules();
    let unknown: Vec<String> = rules_of(body).into_iter().filter(|r| !known.contains(r)).collect();
    assert_eq!(unknown, ["eig9.made.up"]);
}
