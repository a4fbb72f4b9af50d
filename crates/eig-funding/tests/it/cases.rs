//! Conformance cases: one JSON file per case under `tests/data/cases/`, each with its
//! sources, an input and the expected amounts (a subset of the plan's JSON).

use std::{collections::BTreeMap, fs, path::Path};

use eig_domain::{Euros, Share};
use eig_funding::{
    PromotionInput, RoundingRule, Scenario, allocate, plan_promotion, split, split_evenly,
};
use serde::Deserialize;
use serde_json::{Value, json};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    sources: Vec<String>,
    note: String,
    #[serde(default)]
    split: Option<SplitCase>,
    #[serde(default)]
    evenly: Option<EvenlyCase>,
    #[serde(default)]
    allocate: Option<AllocateCase>,
    #[serde(default)]
    input: Option<PromotionInput>,
    #[serde(default)]
    scenario: Scenario,
    expect: Value,
}

#[derive(Deserialize)]
struct SplitCase {
    total: Euros,
    share: Share,
    #[serde(default)]
    rounding: RoundingRule,
}

#[derive(Deserialize)]
struct EvenlyCase {
    total: Euros,
    parts: u32,
}

#[derive(Deserialize)]
struct AllocateCase {
    total: Euros,
    weights: Vec<u128>,
}

/// Whether `expected` is contained in `actual`: objects by key (recursively), arrays of
/// objects element by element (the same number of elements), everything else equal.
fn contains(actual: &Value, expected: &Value, path: &str) -> Result<(), String> {
    match (actual, expected) {
        (Value::Object(actual), Value::Object(expected)) => {
            for (key, value) in expected {
                let found = actual.get(key).ok_or_else(|| format!("{path}.{key}: missing"))?;
                contains(found, value, &format!("{path}.{key}"))?;
            }
            Ok(())
        }
        (Value::Array(actual), Value::Array(expected))
            if expected.iter().all(Value::is_object) && !expected.is_empty() =>
        {
            if actual.len() != expected.len() {
                return Err(format!(
                    "{path}: {} elements, expected {}",
                    actual.len(),
                    expected.len()
                ));
            }
            for (index, value) in expected.iter().enumerate() {
                let found = actual.get(index).ok_or_else(|| format!("{path}[{index}]: missing"))?;
                contains(found, value, &format!("{path}[{index}]"))?;
            }
            Ok(())
        }
        _ if actual == expected => Ok(()),
        _ => Err(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// The plan's JSON reshaped for expectations: talents keyed `défi/talent` with a `by_payer`
/// map, défis keyed by id.
fn observed(case: &Case, input: &PromotionInput) -> Value {
    let plan = match plan_promotion(input, &case.scenario) {
        Ok(plan) => plan,
        Err(err) => return json!({ "error": err.to_string() }),
    };
    let mut talents = BTreeMap::new();
    let mut defis = BTreeMap::new();
    for defi in &plan.defis {
        defis.insert(defi.defi.to_string(), serde_json::to_value(defi).unwrap());
        for talent in &defi.talents {
            let mut value = serde_json::to_value(talent).unwrap();
            let by_payer: BTreeMap<_, _> = talent
                .parts
                .iter()
                .map(|part| (serde_json::to_value(part.payer).unwrap(), part.amount))
                .map(|(payer, amount)| (payer.as_str().unwrap().to_owned(), amount))
                .collect();
            value["by_payer"] = serde_json::to_value(by_payer).unwrap();
            talents.insert(format!("{}/{}", defi.defi, talent.talent), value);
        }
    }
    let totals = serde_json::to_value(&plan.totals).unwrap();
    let absent: Vec<Value> =
        ["pia_through_cdc", "programme352", "dinum", "host", "alternative_source"]
            .into_iter()
            .filter(|payer| totals.get(payer).is_none_or(|amount| amount == "0.00"))
            .map(Value::from)
            .collect();
    json!({
        "totals": totals,
        "absent_payers": absent,
        "talents": talents,
        "defis": defis,
        "envelope": serde_json::to_value(&plan.envelope).unwrap(),
        "estimated": plan.estimated_costs.iter()
            .map(|t| format!("{}/{}", t.defi, t.talent)).collect::<Vec<_>>(),
        "overridden": plan.overridden().map(|p| p.id.as_str()).collect::<Vec<_>>(),
    })
}

fn run(case: &Case) -> Result<(), String> {
    if let Some(SplitCase { total, share, rounding }) = &case.split {
        let parts = split(*total, *share, *rounding);
        let got = json!({ "share": parts.share, "remainder": parts.remainder });
        return contains(&got, &case.expect, "split");
    }
    if let Some(EvenlyCase { total, parts }) = &case.evenly {
        let got = serde_json::to_value(split_evenly(*total, *parts).unwrap()).unwrap();
        return contains(&got, &case.expect, "evenly");
    }
    if let Some(AllocateCase { total, weights }) = &case.allocate {
        let got = serde_json::to_value(allocate(*total, weights).unwrap()).unwrap();
        return contains(&got, &case.expect, "allocate");
    }
    let input = case.input.as_ref().ok_or("a case needs split, evenly, allocate or input")?;
    let got = observed(case, input);
    // `absent_payers` is a set: each expected payer must pay nothing (absent or zero).
    let mut expect = case.expect.clone();
    if let Some(Value::Array(absent)) =
        expect.as_object_mut().and_then(|e| e.remove("absent_payers"))
    {
        for payer in absent {
            if !got["absent_payers"].as_array().unwrap().contains(&payer) {
                return Err(format!("payer {payer} should pay nothing: {}", got["totals"]));
            }
        }
    }
    contains(&got, &expect, "plan")
}

#[test]
fn conformance_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let text = fs::read_to_string(&path).unwrap();
        let case: Case =
            serde_json::from_str(&text).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
        assert_eq!(
            Some(case.name.as_str()),
            path.file_stem().and_then(|s| s.to_str()),
            "file name and case name differ"
        );
        assert!(!case.sources.is_empty(), "{}: a case cites its sources", case.name);
        assert!(!case.note.is_empty(), "{}: a case says what it checks", case.name);
        if let Err(message) = run(&case) {
            failures.push(format!("{}: {message}", case.name));
        }
        count += 1;
    }
    assert!(count >= 40, "at least 40 conformance cases, found {count}");
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
