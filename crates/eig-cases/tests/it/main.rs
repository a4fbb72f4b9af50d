//! The runner on the crates' own conformance corpora, on cases that fail and on files that
//! cannot be read.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

mod builders;
mod changes;
mod citations;
mod corpus;
mod examples;
mod routes;

use std::sync::atomic::AtomicBool;

use eig_cases::{Case, Report, RunOptions, Verdict, read_cases, run_case, run_case_with};

/// A case run as a draft: the tests of reading cite no text.
fn draft(case: &Case) -> Report {
    run_case_with(case, RunOptions::drafts(), &AtomicBool::new(false))
}

fn report(file: &str, text: &str) -> Report {
    run_case(&read_cases(file, text).remove(0).unwrap())
}

const COLLECTIVITE: &str = r"
title: An EIG3 collectivité asking for PIA co-financing without a convention gets no PIA money
source: AAP3 §3.1.2
quote: elles pourront établir une convention avec un ministère qui deviendrait le porteur administratif du défi
rules: [eig3.host.funding_route]
dossier:
  defi:
    id: eig3-region
    title: Données de transport
    promotion: EIG3
    hosts: {operational: {name: Région, kind: {kind: local_authority, level: region}}}
    team: [{profile: data_scientist}, {profile: developer}]
    support: [operational_mentor, high_level_mentor]
    commitments: [data_access, open_source_and_open_data, accompaniment, work_outside_walls,
                  reuse_shared_components, sustainability_plan]
  submitted_at: '2018-06-15T12:00:00+02:00'
  funding: {cofinancing_requested: true}
  purely_it_tooling: false
expected:
  outcome: ineligible
  failing_rules: [eig3.host.funding_route]
";

/// A wrong expectation fails with the field, the expected and actual values, and the
/// failing rule's trace entry with its source.
#[test]
fn a_wrong_expectation_names_the_rule_and_its_source() {
    assert!(report("collectivite.yaml", COLLECTIVITE).passed());
    let wrong = COLLECTIVITE.replace("outcome: ineligible", "outcome: eligible");
    let report = report("collectivite.yaml", &wrong);
    let Verdict::Failed { differences, rule_notes } = &report.verdict else { panic!("{report:?}") };
    let differences: Vec<String> = differences.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(differences.join("\n"), @r#"$.outcome : attendu "eligible", obtenu "ineligible""#);
    let note = rule_notes.iter().find(|note| note.rule == "eig3.host.funding_route").unwrap();
    assert_eq!(note.source, "AAP3 §3.1.1–3.1.3");
    assert_eq!(
        note.result,
        r#"non satisfaite (administrative_carrier_required : operational = {"kind":"local_authority","level":"region"})"#
    );
    insta::assert_snapshot!(note.why.as_deref().unwrap(), @"une collectivité territoriale demandant un cofinancement doit désigner un porteur administratif");
    assert!(
        note.facts.iter().any(|fact| fact.starts_with("defi.hosts.operational.kind = ")),
        "{note:?}"
    );
}

/// JSON with no object holding the same key twice (which `serde_json::Value` would read,
/// keeping the last): what a strict reader of the report (Python's `object_pairs_hook`, a
/// schema validator) accepts.
struct UniqueKeys;

impl<'de> serde::Deserialize<'de> for UniqueKeys {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(UniqueKeys)
    }
}

impl<'de> serde::de::Visitor<'de> for UniqueKeys {
    type Value = UniqueKeys;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JSON without a key twice in an object")
    }

    fn visit_bool<E>(self, _: bool) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_i64<E>(self, _: i64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_u64<E>(self, _: u64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_f64<E>(self, _: f64) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_str<E>(self, _: &str) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_unit<E>(self) -> Result<UniqueKeys, E> {
        Ok(UniqueKeys)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<UniqueKeys, A::Error> {
        while seq.next_element::<UniqueKeys>()?.is_some() {}
        Ok(UniqueKeys)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<UniqueKeys, A::Error> {
        let mut seen = std::collections::BTreeSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !seen.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!("the key {key:?} twice")));
            }
            map.next_value::<UniqueKeys>()?;
        }
        Ok(UniqueKeys)
    }
}

/// A failing eligibility case's report, as JSON, holds each key once: the rule ids the case
/// names (`rules`) and the rules' trace entries (`rule_notes`) under two names.
#[test]
fn a_failing_report_holds_each_key_once() {
    let wrong = COLLECTIVITE.replace("outcome: ineligible", "outcome: eligible");
    let json = serde_json::to_string(&report("collectivite.yaml", &wrong)).unwrap();
    assert!(json.contains(r#""rule_notes":"#), "{json}");
    serde_json::from_str::<UniqueKeys>(&json).unwrap_or_else(|err| panic!("{err}: {json}"));
    // The reader refuses a key twice.
    assert!(serde_json::from_str::<UniqueKeys>(r#"{"a": [{"b": 1, "b": 2}]}"#).is_err());
}

/// A case that cannot be read names the file, the case and the JSON path; the other cases
/// of the file are still read.
#[test]
fn a_case_that_cannot_be_read_is_named_and_the_others_run() {
    let text = r#"{"format": "eig-case/1", "cases": [
      {"title": "thirds", "evenly": {"total": "1.00", "parts": 3}, "expected": ["0.34", "0.33", "0.33"]},
      {"title": "an amount as a number", "split": {"total": 70000, "share": "0.7"}, "expected": {}},
      {"title": "an instant without offset", "dossier": {"defi": {"id": "d", "title": "D",
        "promotion": "EIG3", "hosts": {"operational": {"name": "M", "kind": {"kind": "ministry"}}},
        "team": []}, "submitted_at": "2018-06-15T16:00:00"}, "expected": {}},
      {"title": "two inputs", "evenly": {"total": "1.00", "parts": 3},
        "allocate": {"total": "1.00", "weights": [1]}, "expected": {}}
    ]}"#;
    let results = read_cases("mixed.json", text);
    assert_eq!(results.len(), 4);
    assert!(draft(results[0].as_ref().unwrap()).passed());
    let errors: Vec<String> =
        results[1..].iter().map(|r| r.as_ref().unwrap_err().to_string()).collect();
    insta::assert_snapshot!(errors.join("\n"), @r#"
    mixed.json : cas 2 : en $.cases[1].split.total : attendu : une chaîne de caractères entre guillemets ; trouvé : le nombre entier 70000 (les montants et les parts s'écrivent en chaînes, par ex. "70000.00" ou "0.7", pour qu'aucun lecteur n'en fasse des nombres à virgule flottante inexacts)
    mixed.json : cas 3 : en $.cases[2].dossier.submitted_at : ce n'est pas un instant complet : écrivez sa date, son heure et son décalage UTC, par ex. "2018-06-15T16:59:59+02:00"
    mixed.json : cas 4 : un cas a exactement une entrée ; celui-ci en a 2 (evenly, allocate) : gardez-en une
    "#);
    // A file that is not JSON at all: one error, with its line and column.
    let errors = read_cases("broken.json", "{\n  \"title\": \"t\",\n  oops\n}");
    insta::assert_snapshot!(errors[0].as_ref().unwrap_err().to_string(), @"broken.json:3:3 : JSON non valable : un nom de champ doit être une chaîne : écrivez chaque nom de champ entre guillemets droits, et pas de virgule après le dernier (un fichier nommé .yaml ou .yml est lu comme du YAML)");
    let errors = read_cases("broken.yaml", "title: t\n  expected: : [\n");
    assert_eq!(errors[0].as_ref().unwrap_err().line, Some(2));
}

/// A file may start with a UTF-8 byte order mark (what many Windows editors write).
#[test]
fn a_byte_order_mark_is_skipped() {
    let text = "\u{feff}{\"title\": \"t\", \"evenly\": {\"total\": \"1.00\", \"parts\": 1}, \"expected\": [\"1.00\"]}";
    assert!(draft(&read_cases("bom.json", text).remove(0).unwrap()).passed());
}

/// A failing funding case shows how each talent was computed: the cost and where it comes
/// from, the rule and its source, the exact product, the rounding and each payer's part, then
/// the parameters with their values and sources — where the cent went.
#[test]
fn a_funding_failure_shows_the_formula_and_where_the_cent_went() {
    let yaml = r"
title: EIG3, an odd cost
source: AAP3 §3.1.1
quote: Elles recevront à ce titre un financement du PIA équivalent à 70% du coût total employeur du recrutement de chaque EIG.
funding:
  promotion: EIG3
  defis:
    - {defi: d1, route: direct, host: {kind: ministry},
       talents: [{talent: t1, employer_cost: {contract: '65432.17'}}, {talent: t2}]}
expected:
  talents: {d1/t1: {by_payer: {pia_through_cdc: '45802.51'}}}
";
    let report = report("odd.yaml", yaml);
    assert!(!report.passed());
    insta::assert_snapshot!("funding_failure", report.failure_details());

    // A total that differs: the sum that makes it, part by part.
    let total = yaml.replace(
        "talents: {d1/t1: {by_payer: {pia_through_cdc: '45802.51'}}}",
        "totals: {host: '40629.64'}",
    );
    let details = self::report("odd.yaml", &total).failure_details();
    assert!(
        details.contains("    somme host : 19629.65 € (d1/t1) + 21000.00 € (d1/t2) = 40629.65 €\n"),
        "{details}"
    );
    // The host's part is the cost less the programme's.
    assert!(
        details.contains("host 65432.17 € − 45802.52 € = 19629.65 € (funding.host_pays_rest)"),
        "{details}"
    );
}
