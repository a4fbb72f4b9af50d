//! The register of interpretations (`docs/rules/assumptions.md`): every entry has its five
//! fields and names only rules that exist; the rules catalogue and the register name the same
//! readings for each rule, and a catalogue entry that speaks of a reading names its entry.

use std::{
    collections::{BTreeMap, BTreeSet},
    fs,
    path::Path,
};

use eig_domain::Promotion;

use crate::corpus::root;

/// Every rule id a register entry may name: the eligibility rule sets' ids, AMI 5 bis's and
/// EIG6+'s, the funding rule ids, and the functions that decide without a rule id
/// (`select_laureates`, `rank_candidates`, `eig7_contract_terms`, `convention_termination`,
/// and `eig_campaign::run` for the jury's withdrawals).
fn known_rules() -> BTreeSet<String> {
    let mut known = BTreeSet::new();
    known.extend(eig_eligibility::eig5bis_rule_ids().iter().map(|id| (*id).to_owned()));
    known.extend(eig_eligibility::prolongation_rule_ids().iter().map(|id| (*id).to_owned()));
    for promotion in Promotion::ALL {
        if let Ok(set) = eig_eligibility::rule_set(promotion) {
            known.extend(set.dossier_rule_ids().iter().map(|id| (*id).to_owned()));
            known.extend(set.candidate_rule_ids().iter().map(|id| (*id).to_owned()));
        }
        known.extend(eig_eligibility::selection_rule_ids(promotion).into_iter().map(str::to_owned));
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
        // Issue 27, third round (D5): what the catalogue read without a register entry.
        "student-first-two-cycles",
        "host-kinds-open",
        "local-bodies-no-state-programme",
        "subsidy-month-cost",
        // Issue 27, the last families.
        "programme-project-cap",
        "eig6plus-selection-grid",
        "jury-withdrawal",
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

/// The catalogue files whose entries (a heading naming a rule id) document one rule each.
const CATALOGUES: [&str; 2] = ["docs/rules/eligibility.md", "docs/rules/funding.md"];

/// The entries of a catalogue: (rule id, body up to the next heading).
fn catalogue_entries(catalogue: &str) -> Vec<(String, String)> {
    catalogue
        .split("\n### `")
        .skip(1)
        .map(|entry| {
            let (id, rest) = entry.split_once('`').unwrap_or((entry, ""));
            let body = rest.split_once('\n').map_or("", |(_, body)| body);
            let body = body.find("\n#").map_or(body, |end| &body[..end]);
            (id.to_owned(), body.to_owned())
        })
        .collect()
}

/// The slugs of the entry's `- **Readings**` line, if it has one.
fn readings_of(body: &str) -> Option<Vec<String>> {
    let line = body.lines().find(|line| line.starts_with("- **Readings**"))?;
    let names = line.split_once(':').map_or("", |(_, names)| names);
    Some(names.split('`').skip(1).step_by(2).map(str::to_owned).collect())
}

/// The words by which a catalogue entry speaks of a reading the project takes (beyond its
/// `Interpretation` field's label, which every entry has): the first one found, if any.
fn speaks_of_a_reading(body: &str) -> Option<&'static str> {
    const WORDS: [&str; 8] = [
        "read as",
        "is read",
        "are read",
        "reading",
        "interpretation",
        "assumption",
        "registered",
        "assumptions.md",
    ];
    let prose: String = body
        .lines()
        .filter(|line| !line.starts_with("- **Readings**"))
        .map(|line| {
            // The field's label, `- **Interpretation**:` or `- **Interpretation — a month's
            // cost.**`, says nothing of a particular reading.
            match line.strip_prefix("- **Interpretation") {
                Some(rest) => rest.split_once("**").map_or("", |(_, after)| after),
                None => line,
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    WORDS.into_iter().find(|word| {
        prose.match_indices(word).any(|(at, _)| {
            let before = prose[..at].chars().next_back();
            !before.is_some_and(char::is_alphanumeric)
        })
    })
}

/// Each register entry's slug → the rules its `Rules` field names.
fn register_rules(register: &str) -> BTreeMap<String, Vec<String>> {
    entries(register).into_iter().map(|(slug, body)| (slug, rules_of(&body))).collect()
}

fn read_register() -> String {
    fs::read_to_string(root().join("docs/rules/assumptions.md"))
        .unwrap_or_else(|err| panic!("docs/rules/assumptions.md: {err}"))
}

/// What is wrong between one catalogue entry and the register, one line per problem.
fn disagreements(id: &str, body: &str, register: &BTreeMap<String, Vec<String>>) -> Vec<String> {
    let held: BTreeSet<&str> = register
        .iter()
        .filter(|(_, rules)| rules.iter().any(|rule| rule == id))
        .map(|(slug, _)| slug.as_str())
        .collect();
    let readings = readings_of(body);
    let named: BTreeSet<&str> = readings.iter().flatten().map(String::as_str).collect();
    let mut problems = Vec::new();
    for slug in held.difference(&named) {
        problems.push(format!(
            "{id}: the register's entry `{slug}` holds a reading of this rule, which its \
             catalogue entry does not name in its Readings line"
        ));
    }
    for slug in named.difference(&held) {
        problems.push(format!(
            "{id}: the catalogue names the reading `{slug}`, which the register does not hold \
             for this rule"
        ));
    }
    // A register slug named anywhere in the entry's prose is one of this rule's readings.
    let prose: Vec<&str> =
        body.lines().filter(|line| !line.starts_with("- **Readings**")).collect();
    for name in prose.join("\n").split('`').skip(1).step_by(2) {
        if register.contains_key(name) && !held.contains(name) {
            problems.push(format!(
                "{id}: the catalogue speaks of the reading `{name}`, which the register does \
                 not hold for this rule"
            ));
        }
    }
    if let (Some(word), true) = (speaks_of_a_reading(body), named.is_empty()) {
        problems.push(format!(
            "{id}: its catalogue entry speaks of a reading (« {word} »), which no entry of the \
             register holds for this rule (add the entry, or its Readings line)"
        ));
    }
    problems
}

/// Issue 27 (D5): a rule's catalogue entry and the register name the same readings, and an
/// entry that speaks of a reading is held by the register.
#[test]
fn the_catalogue_and_the_register_name_the_same_readings() {
    let register = register_rules(&read_register());
    let mut problems = Vec::new();
    let mut documented = BTreeSet::new();
    for file in CATALOGUES {
        let catalogue = fs::read_to_string(root().join(file)).unwrap();
        for (id, body) in catalogue_entries(&catalogue) {
            problems.extend(disagreements(&id, &body, &register));
            documented.insert(id);
        }
    }
    // A reading of a function without a catalogue entry of its own (`select_laureates`…) is
    // named where the catalogue documents that function.
    let mut catalogue = String::new();
    for file in CATALOGUES.iter().chain(&["docs/rules/changes.md"]) {
        catalogue.push_str(&fs::read_to_string(root().join(file)).unwrap());
    }
    for (slug, rules) in &register {
        if !rules.iter().any(|rule| documented.contains(rule))
            && !catalogue.contains(&format!("`{slug}`"))
        {
            problems.push(format!("{slug}: no page of the catalogue names this reading"));
        }
    }
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

/// Every register entry named after a mention of the register, in the docs and the crates'
/// sources, exists.
#[test]
fn every_reading_the_docs_and_sources_name_exists() {
    let register = register_rules(&read_register());
    let mut problems = Vec::new();
    let mut files = Vec::new();
    collect(&root().join("docs"), "md", &mut files);
    collect(&root().join("crates"), "rs", &mut files);
    assert!(files.len() > 50, "{} files", files.len());
    for path in files {
        let text = fs::read_to_string(&path).unwrap();
        for (at, _) in text.match_indices("assumptions.md") {
            let window: String = text[at..].chars().take(160).collect();
            let Some(name) =
                window.split('`').nth(if window.starts_with("assumptions.md`") { 2 } else { 1 })
            else {
                continue;
            };
            let slug_shaped = name.contains('-')
                && name.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if slug_shaped && !register.contains_key(name) {
                problems
                    .push(format!("{}: `{name}` is not an entry of the register", path.display()));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The files under `dir` whose name ends with `.ext` (no `target` directory).
fn collect(dir: &Path, ext: &str, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if path.file_name().is_some_and(|name| name != "target") {
                collect(&path, ext, files);
            }
        } else if path.extension().is_some_and(|e| e == ext) {
            files.push(path);
        }
    }
}

#[test]
fn a_reading_the_register_does_not_hold_is_caught() {
    let register: BTreeMap<String, Vec<String>> = [
        ("eig3-profiles-closed".to_owned(), vec!["eig3.defi.profiles".to_owned()]),
        ("deadline-boundary".to_owned(), vec!["eig3.dossier.deadline".to_owned()]),
    ]
    .into_iter()
    .collect();
    // Speaks of a reading, names none.
    let silent = "- **Interpretation**: « un » is read as at least one.\n- **Cases**: `x`\n";
    assert_eq!(disagreements("eig3.defi.team_size", silent, &register).len(), 1);
    // The label alone says nothing.
    let plain = "- **Interpretation**: 2 or 3 seats.\n";
    assert!(disagreements("eig3.defi.team_size", plain, &register).is_empty());
    // Names a reading the register holds for another rule.
    let other = "- **Interpretation**: closed list.\n- **Readings** (docs/rules/assumptions.md): \
                 `deadline-boundary`\n";
    assert_eq!(disagreements("eig3.defi.profiles", other, &register).len(), 2);
    // The register holds a reading the entry does not name.
    assert_eq!(disagreements("eig3.defi.profiles", plain, &register).len(), 1);
    // Both agree.
    let agreed = "- **Interpretation**: our interpretation.\n- **Readings** \
                  (docs/rules/assumptions.md): `eig3-profiles-closed`\n";
    assert!(disagreements("eig3.defi.profiles", agreed, &register).is_empty());
}
