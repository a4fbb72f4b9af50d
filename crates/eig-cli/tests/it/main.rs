//! End-to-end tests: the built `eig` binary, run as a user runs it.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

use std::{
    fmt::Write as _,
    io::Write as _,
    process::{Command, Stdio},
};

mod pages;
mod robust;
mod serve;

/// Runs `eig` with `args`, feeding `stdin`; returns (exit code, stdout, stderr).
fn eig(args: &[&str], stdin: &str) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eig"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // A command that stops before reading its standard input (a usage error) closes the pipe:
    // that is its answer, not the test's failure.
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin.as_bytes()) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn ok(args: &[&str], stdin: &str) -> String {
    let (code, stdout, stderr) = eig(args, stdin);
    assert_eq!(code, 0, "eig {args:?} failed: {stderr}");
    assert!(stderr.is_empty(), "eig {args:?} wrote on stderr: {stderr}");
    stdout
}

const KINDS: [&str; 16] = [
    "run-result",
    "eligibility-result",
    "funding-plan",
    "match-result",
    "history-result",
    "campaign",
    "eligibility",
    "explain",
    "funding",
    "scenario",
    "match",
    "defi",
    "candidate",
    "promotion-facts",
    "figures",
    "case",
];

#[test]
fn default_campaign_report() {
    let report = ok(&["run"], "");
    insta::assert_snapshot!("run_default_text", report);
    // The summary comes first and fits in one screen.
    let summary: Vec<&str> = report.split("\n1. ").next().unwrap().lines().collect();
    assert!(summary.len() <= 25, "a summary of {} lines", summary.len());
    assert!(summary.iter().any(|line| line.starts_with("  Candidatures : 170 reçues")));
    insta::assert_snapshot!("run_default_verbose_text", ok(&["run", "--verbose"], ""));
}

/// `eig run FILE` as every command reads its input; the former `--input FILE` still works,
/// with a note on standard error.
#[test]
fn run_reads_a_positional_file_and_the_former_option() {
    let campaign = ok(&["example", "campaign"], "");
    let (code, stdout, stderr) = eig(&["run", "--input", "-"], &campaign);
    assert_eq!(code, 0);
    assert_eq!(stdout, ok(&["run", "-"], &campaign));
    insta::assert_snapshot!(stderr, @"remarque : `eig run --input FICHIER` est une ancienne écriture, qui disparaîtra : écrivez `eig run FICHIER` (comme toutes les commandes lisent leur entrée)");
}

#[test]
fn default_campaign_json_is_stable_and_complete() {
    let first = ok(&["run", "--format", "json"], "");
    let second = ok(&["run", "--format", "json"], "");
    assert_eq!(first, second, "the JSON must be byte-identical across runs");
    let value: serde_json::Value = serde_json::from_str(&first).unwrap();
    // Amounts are strings, never floats.
    assert!(value["funding"]["totals"]["pia_through_cdc"].is_string());
    // A digest of the whole document, and the parts a reader checks first.
    let summary = serde_json::json!({
        "bytes": first.len(),
        "dossiers": value["dossiers"].as_array().unwrap().len(),
        "candidates": value["candidates"].as_array().unwrap().len(),
        "laureates": value["selection"]["ranking"].as_array().unwrap().iter()
            .filter(|r| r["status"]["status"] == "selected" || r["status"] == "selected").count(),
        "funding_totals": value["funding"]["totals"],
        "envelope": value["funding"]["envelope"],
        "certificate": value["matching"]["report"]["certificate"],
    });
    insta::assert_json_snapshot!("run_default_json_summary", summary);
    // The whole document but the candidates' traces (each rule of each of the 170 candidates;
    // the eligibility crate's corpus snapshots those) and the matching input (an echo).
    let mut reviewed = value.clone();
    for candidate in reviewed["candidates"].as_array_mut().unwrap() {
        candidate["decision"]["trace"] = serde_json::Value::Null;
    }
    reviewed["matching"]["input"] = serde_json::Value::Null;
    insta::assert_json_snapshot!("run_default_json", reviewed);
}

#[test]
fn the_example_campaign_runs_like_the_default() {
    let campaign = ok(&["example", "campaign"], "");
    assert_eq!(ok(&["run", "-"], &campaign), ok(&["run"], ""));
}

/// A candidate whose only choice is a défi not selected is reported unassigned with that
/// reason and its id.
#[test]
fn a_candidate_who_chose_no_laureate() {
    let mut campaign: serde_json::Value =
        serde_json::from_str(&ok(&["example", "campaign"], "")).unwrap();
    let first = &mut campaign["candidates"][0]["application"];
    assert_eq!(first["candidate"]["id"], "c-001");
    first["choices"] = serde_json::json!([{ "defi": "synth-autofinance" }]);
    let report = ok(&["run", "-", "--verbose"], &campaign.to_string());
    assert!(report.contains("\n- c-001 (data scientist) : aucun de ses choix n'est lauréat.\n"));
    // Without --verbose, counted with its reason.
    let report = ok(&["run", "-"], &campaign.to_string());
    assert!(report.contains(" aucun choix lauréat (c-001)\n"), "{report}");
}

#[test]
fn each_subcommand_on_its_example() {
    let eligibility = ok(&["example", "eligibility"], "");
    // `--pretty` is taken as by the other commands: an example and a schema are indented.
    assert_eq!(ok(&["example", "eligibility", "--pretty"], ""), eligibility);
    assert!(eligibility.starts_with("{\n  "), "{eligibility}");
    assert_eq!(ok(&["schema", "case", "--pretty"], ""), ok(&["schema", "case"], ""));
    insta::assert_snapshot!("eligibility_text", ok(&["eligibility"], &eligibility));
    let explain = ok(&["example", "explain"], "");
    insta::assert_snapshot!("explain_text", ok(&["explain", "-"], &explain));
    let funding = ok(&["example", "funding"], "");
    insta::assert_snapshot!("funding_text", ok(&["funding"], &funding));
    let matching = ok(&["example", "match"], "");
    insta::assert_snapshot!("match_text", ok(&["match", "--seed", "7"], &matching));
    // JSON outputs parse back.
    for (args, input) in [
        (vec!["eligibility", "--format", "json"], &eligibility),
        (vec!["funding", "--format", "json"], &funding),
        (vec!["match", "--format", "json"], &matching),
    ] {
        let text = ok(&args, input);
        serde_json::from_str::<serde_json::Value>(&text).unwrap();
    }
}

/// `eig match` explains every placement by default up to 5 000 candidates, always with
/// `--explain`, never with `--explain=never`: then the result is the same report without the
/// explanations, and the text has one line per candidate and per défi, each the outcome line
/// of the explained text (without the candidate's profile).
#[test]
fn match_explanations_on_demand() {
    let matching = ok(&["example", "match"], "");
    let json = |args: &[&str]| -> serde_json::Value {
        let args = [&["match", "--format", "json"], args].concat();
        serde_json::from_str(&ok(&args, &matching)).unwrap()
    };
    let default = json(&[]);
    assert!(default["explanations"]["candidates"].is_array(), "{default}");
    assert_eq!(json(&["--explain"]), default);
    assert_eq!(json(&["--explain=always"]), default);
    let never = json(&["--explain=never"]);
    assert_eq!(never.get("explanations"), None);
    assert_eq!(never["report"], default["report"]);

    let explained = ok(&["match", "--seed", "7"], &matching);
    let plain = ok(&["match", "--seed", "7", "--explain=never"], &matching);
    // "c003 (développeur·se) : affecté·e …" → "c003 : affecté·e …"; défi lines as they are.
    let outcome_lines: Vec<String> = explained
        .lines()
        .filter(|line| !line.starts_with("  "))
        .map(|line| match line.split_once(" : ") {
            Some((who, rest)) => {
                format!("{} : {rest}", who.split_once(" (").map_or(who, |(id, _)| id))
            }
            None => line.to_owned(),
        })
        .collect();
    let plain_lines: Vec<&str> = plain.lines().collect();
    assert_eq!(plain_lines[0], "Candidat·es (les explications : --explain)");
    assert_eq!(plain_lines.len(), outcome_lines.len(), "{plain}");
    for (plain, explained) in plain_lines.iter().zip(&outcome_lines).skip(1) {
        assert_eq!(plain, explained);
    }
    assert!(plain.len() * 2 < explained.len());
}

/// `eig match` reads its input straight into the matching's compact form: the fields of each
/// object may come in any order (here sorted by name: `choices` before `id`, `rankings` after
/// `limits`), and the problems of an invalid input are still named at their JSON paths.
#[test]
fn match_reads_fields_in_any_order() {
    let matching = ok(&["example", "match"], "");
    let sorted = serde_json::from_str::<serde_json::Value>(&matching).unwrap().to_string();
    assert!(sorted.starts_with("{\"candidates\":[{\"choices\":"), "{sorted}");
    for format in ["text", "json"] {
        assert_eq!(
            ok(&["match", "--format", format], &sorted),
            ok(&["match", "--format", format], &matching)
        );
    }
    let mut wrong: serde_json::Value = serde_json::from_str(&matching).unwrap();
    wrong["candidates"][1]["choices"] = serde_json::json!(["nowhere"]);
    let (code, stdout, stderr) = eig(&["match"], &wrong.to_string());
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.contains("à $.candidates[1] : le candidat"), "{stderr}");
    assert!(stderr.contains("le défi inconnu nowhere"), "{stderr}");
}

/// `eig eligibility --format json` gives each decision's trace by default up to 5 000 records,
/// always with `--trace`, never with `--trace=never`: then each decision keeps its promotion,
/// subject and outcome, and nothing else changes. The text form has no trace either way.
#[test]
fn eligibility_traces_on_demand() {
    let example = ok(&["example", "eligibility"], "");
    let json = |args: &[&str], input: &str| -> serde_json::Value {
        let args = [&["eligibility", "--format", "json"], args].concat();
        serde_json::from_str(&ok(&args, input)).unwrap()
    };
    let traced = json(&[], &example);
    assert!(traced["dossiers"][0]["trace"].as_array().is_some_and(|t| !t.is_empty()));
    assert_eq!(json(&["--trace"], &example), traced);
    assert_eq!(json(&["--trace=always"], &example), traced);
    let mut expected = traced.clone();
    for list in ["dossiers", "candidates"] {
        for record in expected[list].as_array_mut().unwrap() {
            record.as_object_mut().unwrap().remove("trace");
        }
    }
    assert_eq!(json(&["--trace=never"], &example), expected);
    assert_eq!(
        ok(&["eligibility", "--trace=never"], &example),
        ok(&["eligibility", "--trace"], &example)
    );

    // 5 001 records: the first dossier again and again under new ids, the applications as
    // they are. Decisions without their traces by default, with them on demand.
    let mut large: serde_json::Value = serde_json::from_str(&example).unwrap();
    let first = large["dossiers"][0].clone();
    let applications = large["candidates"].as_array().unwrap().len();
    let dossiers: Vec<serde_json::Value> = (0..5_001 - applications)
        .map(|i| {
            let mut dossier = first.clone();
            dossier["defi"]["id"] = serde_json::json!(format!("eig3-defi-{i:05}"));
            dossier
        })
        .collect();
    large["dossiers"] = serde_json::Value::Array(dossiers);
    let large = large.to_string();
    let brief = json(&[], &large);
    assert_eq!(brief["dossiers"].as_array().unwrap().len() + applications, 5_001);
    assert_eq!(brief["dossiers"][0].get("trace"), None);
    assert_eq!(brief["dossiers"][0]["outcome"], traced["dossiers"][0]["outcome"]);
    assert!(json(&["--trace"], &large)["dossiers"][5]["trace"].is_array());
}

/// `--explain=auto` (the default) explains up to 5 000 candidates and no more.
#[test]
fn match_explains_by_default_up_to_5000_candidates() {
    let problem = |candidates: usize| {
        let ids: Vec<String> = (0..candidates).map(|c| format!("\"c{c:05}\"")).collect();
        let choices: Vec<String> = ids
            .iter()
            .map(|id| format!("{{\"id\": {id}, \"profile\": \"developer\", \"choices\": [\"d\"]}}"))
            .collect();
        format!(
            "{{\"limits\": {{\"team_min\": 0, \"team_max\": 3, \"max_choices\": 1}}, \
             \"defis\": [{{\"id\": \"d\", \"seats\": {{\"developer\": 3}}}}], \
             \"candidates\": [{}], \
             \"rankings\": [{{\"defi\": \"d\", \"profile\": \"developer\", \"ranks\": [[{}]]}}]}}",
            choices.join(", "),
            ids.join("], [")
        )
    };
    for (candidates, explained) in [(5_000, true), (5_001, false)] {
        let result: serde_json::Value =
            serde_json::from_str(&ok(&["match", "--format", "json"], &problem(candidates)))
                .unwrap();
        assert_eq!(result["report"]["placements"].as_array().unwrap().len(), 3);
        assert_eq!(result.get("explanations").is_some(), explained, "{candidates} candidates");
    }
}

/// JSON results are compact (one line) unless `--pretty` is given, the same value either way,
/// and the same whether written to standard output or to `--output FILE`.
#[test]
fn json_is_compact_unless_pretty() {
    let dir = std::env::temp_dir().join(format!("eig-cli-pretty-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.json");
    let funding = ok(&["example", "funding"], "");
    let compact = ok(&["funding", "--format", "json"], &funding);
    let pretty = ok(&["funding", "--format", "json", "--pretty"], &funding);
    ok(&["funding", "--format", "json", "--output", file.to_str().unwrap()], &funding);
    let written = std::fs::read_to_string(&file).unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(compact.lines().count(), 1);
    assert!(compact.ends_with("}\n"));
    assert!(pretty.lines().count() > 50);
    assert!(pretty.starts_with("{\n  \""));
    let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
    assert_eq!(value(&compact), value(&pretty));
    assert_eq!(written, compact);
    // Every command that prints JSON takes --pretty.
    let campaign = ok(&["run", "--format", "json", "--pretty"], "");
    assert_eq!(value(&campaign), value(&ok(&["run", "--format", "json"], "")));
}

/// `eig funding` writes its plan as it computes each défi's, after checking every défi: the
/// text is the same on standard output and in `--output FILE`, and an error in the last défi
/// leaves nothing written (an existing output file keeps its content).
#[test]
fn funding_checks_every_defi_before_writing() {
    let dir = std::env::temp_dir().join(format!("eig-cli-funding-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("plan.txt");
    let funding = ok(&["example", "funding"], "");
    let text = ok(&["funding"], &funding);
    ok(&["funding", "--output", file.to_str().unwrap()], &funding);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), text);

    let mut input: serde_json::Value = serde_json::from_str(&funding).unwrap();
    let defis = input["defis"].as_array_mut().unwrap();
    // A third défi, valid; a fourth with the third's talents: refused.
    let mut last = defis[0].clone();
    last["defi"] = "a-third-defi".into();
    for talent in last["talents"].as_array_mut().unwrap() {
        talent["talent"] = format!("{}-bis", talent["talent"].as_str().unwrap()).into();
    }
    defis.push(last.clone());
    last["defi"] = "a-fourth-defi".into();
    defis.push(last);
    let invalid = input.to_string();
    for format in ["text", "json"] {
        std::fs::write(&file, "before").unwrap();
        let output = ["funding", "--format", format, "--output", file.to_str().unwrap()];
        let (code, stdout, stderr) = eig(&output, &invalid);
        assert_eq!(code, 1, "{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("$.defis[3]"), "{stderr}");
        assert_eq!(std::fs::read_to_string(&file).unwrap(), "before");
        let (code, stdout, _) = eig(&["funding", "--format", format], &invalid);
        assert_eq!((code, stdout.as_str()), (1, ""));
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A large batch is decided a chunk of records at a time: a record not judged is still named
/// at its place in the whole batch, and its neighbours are decided.
#[test]
fn a_large_batch_names_each_record_at_its_place() {
    let example: serde_json::Value =
        serde_json::from_str(&ok(&["example", "eligibility"], "")).unwrap();
    let dossier = &example["dossiers"][0];
    let dossiers: Vec<serde_json::Value> = (0..2_500)
        .map(|i| {
            let mut dossier = dossier.clone();
            dossier["defi"]["id"] = format!("defi-{i}").into();
            if [0, 1_500, 2_499].contains(&i) {
                dossier["defi"]["promotion"] = "EIG1".into();
            }
            dossier
        })
        .collect();
    let input = serde_json::json!({ "dossiers": dossiers }).to_string();
    let (code, stdout, stderr) = eig(&["eligibility", "--format", "json", "-"], &input);
    assert_eq!(code, 4, "{stderr}");
    for i in [0, 1_500, 2_499] {
        let named = |line: &str| {
            line.contains(&format!("$.dossiers[{i}] ")) && line.contains(&format!("defi-{i})"))
        };
        assert!(stderr.lines().any(named), "{stderr}");
    }
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
    let output: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let dossiers = output["dossiers"].as_array().unwrap();
    assert_eq!(dossiers.len(), 2_500);
    assert_eq!(dossiers[1_500]["subject"]["id"], "defi-1500");
    assert!(dossiers[1_499]["outcome"].is_object() && dossiers[1_501]["outcome"].is_object());
    let (_, text, _) = eig(&["eligibility", "-"], &input);
    assert_eq!(text.lines().count(), 2_500);
    assert!(text.lines().nth(1_500).unwrap().starts_with("dossier defi-1500 : non jugé"), "{text}");
}

/// Cents of a JSON amount (`"96775.28"` → 9 677 528).
fn cents(amount: &serde_json::Value) -> i64 {
    amount.as_str().unwrap().replace('.', "").parse().unwrap()
}

#[test]
fn a_scenario_overrides_the_pia_share() {
    let dir = std::env::temp_dir().join(format!("eig-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let scenario = dir.join("scenario.json");
    std::fs::write(&scenario, ok(&["example", "scenario"], "")).unwrap();
    let funding = ok(&["example", "funding"], "");
    let plan = |extra: &[&str]| -> serde_json::Value {
        let args = [&["funding", "--format", "json"], extra].concat();
        serde_json::from_str(&ok(&args, &funding)).unwrap()
    };
    let official = plan(&[]);
    let overridden = plan(&["--scenario", scenario.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).unwrap();
    // The plan lists the override against the official value (AAP3 §3.1.1: 70 %)…
    let pia = |plan: &serde_json::Value| {
        plan["parameters"].as_array().unwrap().iter().find(|p| p["id"] == "pia_share").cloned()
    };
    let used = pia(&overridden).unwrap();
    assert_eq!(
        (used["overridden"].as_bool(), used["value"]["share"].as_str()),
        (Some(true), Some("0.6"))
    );
    assert_eq!(pia(&official).unwrap()["overridden"].as_bool(), Some(false));
    // …and the PIA pays 60/70 of what it pays under the official share.
    let total = |plan: &serde_json::Value| cents(&plan["totals"]["pia_through_cdc"]);
    assert_eq!(total(&overridden) * 7, total(&official) * 6);
}

#[test]
fn history() {
    insta::assert_snapshot!("history_text", ok(&["history"], ""));
    insta::assert_snapshot!("history_eig3_text", ok(&["history", "--promotion", "EIG 3"], ""));
    let json = ok(&["history", "--promotion", "EIG5", "--format", "json"], "");
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["figures"][0]["talents_in_data"], 38);
}

/// Every shape of the table, snapshotted as `eig schema` prints it.
#[test]
fn schemas() {
    for kind in eig_api::shapes().iter().map(|shape| shape.kind) {
        let schema = ok(&["schema", kind], "");
        insta::assert_snapshot!(format!("schema_{kind}"), schema);
    }
}

/// Every example, input or output, is valid JSON whose top-level fields are the ones its
/// schema declares, and names every field the schema requires. Only the three kinds whose
/// schema is not an object (`explain`: one of two keys; `figures`: an array; `case`: one
/// case, a list or a file of cases) are not checked field by field; `explain` is run by
/// `each_subcommand_on_its_example`, `case` by `rule_tests_run_and_explain_their_failures`
/// and by `eig example case | eig test` in docs/cli.md.
#[test]
fn examples_follow_their_schemas() {
    let mut not_objects = Vec::new();
    for kind in KINDS {
        let schema: serde_json::Value = serde_json::from_str(&ok(&["schema", kind], "")).unwrap();
        let example: serde_json::Value = serde_json::from_str(&ok(&["example", kind], "")).unwrap();
        let Some(properties) = schema["properties"].as_object() else {
            not_objects.push(kind);
            continue;
        };
        let object =
            example.as_object().unwrap_or_else(|| panic!("{kind}: example is not an object"));
        for key in object.keys() {
            assert!(properties.contains_key(key), "{kind}: example field {key} not in the schema");
        }
        for required in schema["required"].as_array().into_iter().flatten() {
            assert!(
                object.contains_key(required.as_str().unwrap()),
                "{kind}: required {required} missing"
            );
        }
    }
    assert_eq!(not_objects, ["explain", "figures", "case"]);
}

/// The vocabulary examples, which no command reads, parse as their eig-domain types (the
/// input examples are run by their commands in `each_subcommand_on_its_example`).
#[test]
fn vocabulary_examples_parse_as_their_types() {
    let defi = ok(&["example", "defi"], "");
    serde_json::from_str::<eig_domain::Defi>(&defi).unwrap();
    let candidate = ok(&["example", "candidate"], "");
    serde_json::from_str::<eig_domain::Candidate>(&candidate).unwrap();
}

#[test]
fn output_file() {
    let dir = std::env::temp_dir().join(format!("eig-cli-out-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("figures.txt");
    let stdout = ok(&["history", "--output", file.to_str().unwrap()], "");
    assert!(stdout.is_empty());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), ok(&["history"], ""));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A reader that stops early (`eig run --format json | head -1`) is not an error: exit 0 and
/// nothing on standard error (the JSON is far larger than a pipe's buffer).
#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eig"))
        .args(["run", "--format", "json"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0_u8; 1];
    std::io::Read::read_exact(&mut child.stdout.take().unwrap(), &mut first).unwrap();
    let output = child.wait_with_output().unwrap();
    assert_eq!(first, *b"{");
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty());
}

/// Runs `eig` with `args`, feeding `stdin` as bytes; returns (exit code, stdout, stderr).
fn eig_bytes(args: &[&str], stdin: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_eig"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Err(err) = child.stdin.take().unwrap().write_all(stdin) {
        assert_eq!(err.kind(), std::io::ErrorKind::BrokenPipe, "{err}");
    }
    let output = child.wait_with_output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// The example of `kind` with the value at each JSON pointer replaced (`None`: removed).
fn edited(kind: &str, edits: &[(&str, Option<serde_json::Value>)]) -> String {
    let mut value: serde_json::Value = serde_json::from_str(&ok(&["example", kind], "")).unwrap();
    for (pointer, replacement) in edits {
        if let Some(replacement) = replacement {
            *value.pointer_mut(pointer).unwrap() = replacement.clone();
        } else {
            let (parent, key) = pointer.rsplit_once('/').unwrap();
            value.pointer_mut(parent).unwrap().as_object_mut().unwrap().remove(key);
        }
    }
    value.to_string()
}

/// One row of the bad-input table: what is run, on what, and the exit code it must end with.
struct Row {
    args: Vec<String>,
    what: &'static str,
    stdin: Vec<u8>,
    exit: i32,
}

/// Words by which a message says what to do (or what was expected instead).
/// What a message says to do: an imperative ("écrivez", "donnez"…), what is expected in
/// that place, or where to find the shape.
const FIXES: [&str; 18] = [
    "écrivez",
    "enregistrez",
    "donnez",
    "vérifiez",
    "nommez",
    "ajoutez",
    "retirez",
    "choisissez",
    "gardez",
    "aplatissez",
    "séparez",
    "corrigez",
    "remplacez",
    "attendu :",
    "eig example",
    "eig schema",
    "--help",
    "au plus",
];

/// English words that would betray a message not put into French (the details a system or
/// the YAML reader give in their own words are shown in parentheses after "détail" and not
/// checked).
const ENGLISH: [&str; 14] = [
    "expected", "invalid", "missing", "unknown", "cannot", "error:", " is not ", "must", "should",
    " the ", "write ", "give ", "Usage", "found",
];

/// Bad inputs across every subcommand and every library entry point that parses (campaign,
/// dossiers and applications, one decision, funding input and scenario, matching problem,
/// case files; promotions, kinds and formats on the command line): the exit code, a message
/// naming the place (the input and its JSON path, line and column, or the option) and the fix,
/// and no panic. docs/cli.md shows the table (`crates/eig-cli/tools/gen_cli_md.py` copies it
/// from this test's snapshot).
#[test]
#[expect(clippy::too_many_lines, reason = "the table is data: one line per bad input")]
fn bad_inputs() {
    use serde_json::json;
    let dir = std::env::temp_dir().join(format!("eig-cli-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dir_name = dir.to_str().unwrap().to_owned();
    let explain = |edits: &[(&str, Option<serde_json::Value>)]| edited("explain", edits);
    let funding = |edits: &[(&str, Option<serde_json::Value>)]| edited("funding", edits);
    let matching = |edits: &[(&str, Option<serde_json::Value>)]| edited("match", edits);
    let eligibility = |edits: &[(&str, Option<serde_json::Value>)]| edited("eligibility", edits);
    let campaign = |edits: &[(&str, Option<serde_json::Value>)]| edited("campaign", edits);
    let huge = "x".repeat(1_000_000);
    let nested = format!("{{\"limits\": {}{}}}", "[".repeat(200), "]".repeat(200));
    let empty_dir = dir.join("empty");
    std::fs::create_dir_all(&empty_dir).unwrap();
    let funding_file = dir.join("funding.json");
    std::fs::write(&funding_file, ok(&["example", "funding"], "")).unwrap();
    let funding_file = funding_file.to_str().unwrap().to_owned();
    let yaml_file = dir.join("case.yaml");
    std::fs::write(&yaml_file, "format: eig-case/1\ncases:\n\t- title: t\n").unwrap();
    let yaml_file = yaml_file.to_str().unwrap().to_owned();
    let row = |args: &[&str], what: &'static str, stdin: &str, exit: i32| Row {
        args: args.iter().map(ToString::to_string).collect(),
        what,
        stdin: stdin.as_bytes().to_vec(),
        exit,
    };
    let mut rows = vec![
        // Files and bytes.
        row(&["run", "/nonexistent/campaign.json"], "a file that does not exist", "", 1),
        row(&["eligibility", "/nonexistent/x.json"], "a file that does not exist", "", 1),
        row(&["funding", &dir_name], "a directory", "", 1),
        row(&["match", "/etc/hostname/x.json"], "a path through a file", "", 1),
        Row {
            stdin: vec![0xff, 0xfe, 0x00, 0x01, 0x9c],
            ..row(&["eligibility"], "binary garbage", "", 1)
        },
        Row { stdin: vec![0x7b, 0xc3, 0x28, 0x7d], ..row(&["explain"], "invalid UTF-8", "", 1) },
        row(&["eligibility"], "empty input", "", 1),
        row(&["funding"], "only white space", "  \n", 1),
        row(&["match"], "nested 200 levels deep", &nested, 1),
        row(&["explain"], "a byte order mark, then not JSON", "\u{feff}dossier", 1),
        // Syntax.
        row(&["eligibility"], "a syntax error", "{\"dossiers\": [}", 1),
        row(&["funding"], "a trailing comma", "{\"promotion\": \"EIG3\", \"defis\": [],}", 1),
        row(&["match"], "single quotes", "{'limits': {}}", 1),
        row(&["run", "-"], "a cut-off document", "{\"title\": \"t\"", 1),
        row(&["explain"], "two documents", "{} {}", 1),
        // Shapes.
        row(&["match"], "an array for the whole input", "[]", 1),
        row(&["funding"], "an array for the whole input", "[\"EIG3\", []]", 1),
        row(&["eligibility"], "a number for the whole input", "42", 1),
        row(&["eligibility"], "an unknown field", "{\"dossierz\": []}", 1),
        row(&["eligibility"], "a number for a défi", "{\"dossiers\": [{\"defi\": 3}]}", 1),
        row(&["explain"], "a missing field", "{\"dossier\": {}}", 1),
        row(&["explain"], "neither dossier nor candidate", "{\"application\": {}}", 1),
        row(&["funding", "--scenario", "-"], "two inputs on standard input", "{}", 2),
        // Values.
        row(&["funding"], "an unknown promotion", "{\"promotion\": \"EIG9\", \"defis\": []}", 1),
        row(
            &["funding"],
            "an unknown route",
            &funding(&[("/defis/0/route", Some(json!("pia")))]),
            1,
        ),
        row(
            &["funding"],
            "an amount as a JSON number",
            &funding(&[("/defis/0/talents/0/employer_cost/contract", Some(json!(70000)))]),
            1,
        ),
        row(
            &["funding"],
            "an amount with a decimal comma",
            &funding(&[("/defis/0/talents/0/employer_cost/contract", Some(json!("70000,00")))]),
            1,
        ),
        row(
            &["funding"],
            "a negative amount",
            &funding(&[("/defis/0/talents/0/employer_cost/contract", Some(json!("-5")))]),
            1,
        ),
        row(
            &["funding"],
            "an amount to the tenth of a cent",
            &funding(&[("/defis/0/talents/0/employer_cost/contract", Some(json!("1.005")))]),
            1,
        ),
        row(
            &["funding"],
            "an amount beyond the largest",
            &funding(&[("/defis/0/talents/0/employer_cost/contract", Some(json!("9".repeat(40))))]),
            1,
        ),
        row(
            &["funding"],
            "a space in a défi id",
            &funding(&[("/defis/0/defi", Some(json!("IA Flash")))]),
            1,
        ),
        row(
            &["funding"],
            "an empty talent id",
            &funding(&[("/defis/0/talents/0/talent", Some(json!("")))]),
            1,
        ),
        row(
            &["funding"],
            "a défi id of 1 MB",
            &funding(&[("/defis/0/defi", Some(json!(huge)))]),
            1,
        ),
        row(
            &["funding"],
            "an unknown host kind",
            &funding(&[("/defis/0/host/kind", Some(json!("mairie")))]),
            1,
        ),
        row(
            &["explain"],
            "an instant without its offset",
            &explain(&[("/dossier/submitted_at", Some(json!("2018-06-15T16:00:00")))]),
            1,
        ),
        row(
            &["explain"],
            "a date where an instant is expected",
            &explain(&[("/dossier/submitted_at", Some(json!("2018-06-15")))]),
            1,
        ),
        row(
            &["explain"],
            "a French date",
            &explain(&[("/dossier/submitted_at", Some(json!("15/06/2018 16:00")))]),
            1,
        ),
        row(
            &["explain"],
            "a profile by its French name",
            &explain(&[("/dossier/defi/team/0/profile", Some(json!("développeur")))]),
            1,
        ),
        row(
            &["explain"],
            "a promotion of 1 MB",
            &explain(&[("/dossier/defi/promotion", Some(json!(huge)))]),
            1,
        ),
        row(
            &["explain"],
            "a field name of 1 MB",
            &explain(&[(&format!("/dossier/{huge}"), None)]).replacen(
                "{\"dossier\":{",
                &format!("{{\"dossier\":{{\"{huge}\":1,"),
                1,
            ),
            1,
        ),
        row(
            &["eligibility"],
            "a candidate without profile",
            &eligibility(&[("/candidates/0/candidate/profile", None)]),
            1,
        ),
        row(
            &["eligibility"],
            "a date where a date is expected, written as an instant",
            &eligibility(&[(
                "/candidates/0/selection_decided_on",
                Some(json!("2018-12-14T10:00:00+01:00")),
            )]),
            1,
        ),
        row(
            &["eligibility"],
            "experience as a string",
            &eligibility(&[("/candidates/0/candidate/experience_months", Some(json!("108")))]),
            1,
        ),
        row(
            &["eligibility"],
            "negative experience",
            &eligibility(&[("/candidates/0/candidate/experience_months", Some(json!(-1)))]),
            1,
        ),
        row(
            &["funding", "--scenario", "/nonexistent/scenario.json"],
            "a scenario file that does not exist",
            &funding(&[]),
            1,
        ),
        row(
            &["funding", &funding_file, "--scenario", "-"],
            "an unknown parameter in a scenario",
            "{\"overrides\": [{\"id\": \"pia\", \"promotion\": \"EIG3\", \"value\": {\"share\": \"0.6\"}}]}",
            1,
        ),
        row(
            &["funding", &funding_file, "--scenario", "-"],
            "a share above one in a scenario",
            "{\"overrides\": [{\"id\": \"pia_share\", \"promotion\": \"EIG3\", \"value\": {\"share\": \"1.5\"}}]}",
            1,
        ),
        // What the libraries refuse.
        row(
            &["funding"],
            "a route the promotion does not have",
            &funding(&[("/promotion", Some(json!("EIG7")))]),
            5,
        ),
        row(
            &["funding"],
            "a contract length no text gives",
            "{\"promotion\": \"DIG1\", \"defis\": [{\"defi\": \"d\", \"route\": \"direct\", \"host\": {\"kind\": \"ministry\"}, \"talents\": []}]}",
            1,
        ),
        row(
            &["funding"],
            "a défi twice",
            &funding(&[("/defis/1/defi", Some(json!("eig3-ia-flash")))]),
            1,
        ),
        row(
            &["funding"],
            "a talent in two défis",
            &funding(&[("/defis/1/talents/0/talent", Some(json!("t1")))]),
            1,
        ),
        row(
            &["funding"],
            "employer costs that overflow",
            &funding(&[
                (
                    "/defis/0/talents/0/employer_cost/contract",
                    Some(json!("700000000000000000000000000.00")),
                ),
                (
                    "/defis/0/talents/1/employer_cost/contract",
                    Some(json!("700000000000000000000000000.00")),
                ),
            ]),
            1,
        ),
        row(
            &["match"],
            "choices beyond the limit and unknown défis",
            "{\"limits\": {\"team_min\": 2, \"team_max\": 3, \"max_choices\": 1}, \"defis\": [], \"candidates\": [{\"id\": \"a\", \"profile\": \"designer\", \"choices\": [\"x\", \"y\"]}], \"rankings\": []}",
            1,
        ),
        row(
            &["match"],
            "a ranking of a profile the défi has no seat for",
            &matching(&[("/defis/0/seats", Some(json!({"developer": 1, "designer": 1})))]),
            1,
        ),
        row(
            &["match"],
            "inverted team bounds",
            &matching(&[("/limits/team_min", Some(json!(4)))]),
            1,
        ),
        row(
            &["run", "-"],
            "a promotion without a score scale",
            "{\"title\": \"t\", \"promotion\": \"EIG7\", \"places\": 1, \"dossiers\": [], \"candidates\": [], \"rankings\": [], \"lottery_seed\": 0}",
            1,
        ),
        row(&["run", "-"], "a campaign without places", &campaign(&[("/places", None)]), 1),
        row(
            &["funding"],
            "an array for a nested object",
            &funding(&[("/defis/0/host", Some(json!(["central_administration"])))]),
            1,
        ),
        row(
            &["funding"],
            "an array for an amount's object",
            &funding(&[("/defis/0/talents/0/employer_cost", Some(json!(["70000.00"])))]),
            1,
        ),
        row(
            &["eligibility"],
            "an array for a dossier",
            &eligibility(&[("/dossiers/0", Some(json!(["EIG3"])))]),
            1,
        ),
        // The command line.
        row(&["schema", "nothing"], "an unknown kind", "", 2),
        row(&["run", "--format", "yaml"], "an unknown format", "", 2),
        row(&["history", "--promotion", "EIG9"], "an unknown promotion", "", 2),
        row(
            &["example", "campaign", "--promotion", "EIG1"],
            "a promotion without an example",
            "",
            2,
        ),
        row(&["match", "--node-limit", "5"], "an option that needs another", "", 2),
        // Case files (eig-cases).
        row(&["test", "-"], "a case file that is not JSON", "{\"format\": ", 1),
        row(&["test", &yaml_file], "a YAML case file with a tab indent", "", 1),
        row(
            &["test", "-"],
            "a case file of an unknown format",
            "{\"format\": \"eig-case/9\", \"cases\": []}",
            1,
        ),
        row(&["test", empty_dir.to_str().unwrap()], "a directory without case files", "", 1),
        row(
            &["test", "-"],
            "a case without its input",
            "{\"format\": \"eig-case/1\", \"cases\": [{\"title\": \"t\"}]}",
            1,
        ),
    ];
    let mut table =
        String::from("| command | input | exit | message |\n| --- | --- | --- | --- |\n");
    let mut failures = Vec::new();
    let count = rows.len();
    for row in &mut rows {
        let args: Vec<&str> = row.args.iter().map(String::as_str).collect();
        let (code, stdout, stderr) = eig_bytes(&args, &row.stdin);
        let command = format!("eig {}", args.join(" ")).replace(&dir_name, "DIR");
        // `eig test` reports each case on standard output, the count on standard error.
        let message = if args[0] == "test" { format!("{stdout}{stderr}") } else { stderr.clone() };
        let message = message.replace(&dir_name, "DIR");
        let message = message.trim_end().replace('\n', " ⏎ ").replace('|', "\\|");
        if stderr.contains("panicked") || code == 101 {
            failures.push(format!("{command} ({}): panicked: {stderr}", row.what));
        }
        if code != row.exit {
            failures
                .push(format!("{command} ({}): exit {code}, not {}: {stderr}", row.what, row.exit));
        }
        if row.exit != 0 && !stdout.is_empty() && !args.contains(&"test") {
            failures.push(format!("{command} ({}): wrote on stdout: {stdout}", row.what));
        }
        // The prose is bounded; a list of the values accepted (one per shape of the table,
        // growing with it) is the fix itself, not prose.
        let prose_part = message.split("écrivez l'une de ces valeurs").next().unwrap_or(&message);
        if prose_part.chars().count() > 600 {
            failures.push(format!(
                "{command} ({}): a message of {} characters",
                row.what,
                message.len()
            ));
        }
        let places = ["<entrée standard>", "$", "DIR", "/nonexistent", "/etc/hostname", "--", "« "];
        if !places.iter().any(|place| message.contains(place)) {
            failures.push(format!("{command} ({}): names no place: {message}", row.what));
        }
        if !FIXES.iter().any(|fix| message.contains(fix)) {
            failures.push(format!("{command} ({}): says no fix: {message}", row.what));
        }
        let prose = without_details(&message);
        if let Some(word) = ENGLISH.iter().find(|word| prose.contains(*word)) {
            failures.push(format!("{command} ({}): English ({word:?}): {message}", row.what));
        }
        let shown: String = message.chars().take(300).collect();
        let shown = if shown.len() < message.len() { format!("{shown}…") } else { shown };
        writeln!(table, "| `{command}` | {} | {code} | {shown} |", row.what).unwrap();
    }
    std::fs::remove_dir_all(&dir).unwrap();
    assert!(count >= 50, "only {count} bad inputs");
    insta::assert_snapshot!("bad_inputs", table);
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/cli.md")).unwrap();
    assert!(page.contains(&table), "docs/cli.md does not show this table: run gen_cli_md.py");
    assert!(
        failures.is_empty(),
        "{} of {count} rows fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// `message` without the parenthesised details given in another program's own words, and
/// without what is quoted (values and names written in the input).
fn without_details(message: &str) -> String {
    let mut prose = String::new();
    let mut rest = message;
    while let Some(start) = rest.find("(détail") {
        prose.push_str(&rest[..start]);
        rest = rest[start..].split_once(')').map_or("", |(_, after)| after);
    }
    prose.push_str(rest);
    // Quoted values and code are the input's words, not the message's.
    let mut out = String::new();
    for (index, part) in prose.split(['`', '"']).enumerate() {
        if index % 2 == 0 {
            out.push_str(part);
        }
    }
    out
}

/// A UTF-8 byte order mark at the start of an input (some editors write one) is skipped, in
/// every command that reads JSON and in case files.
#[test]
fn a_byte_order_mark_is_skipped() {
    for kind in ["eligibility", "explain", "funding", "match"] {
        let example = ok(&["example", kind], "");
        let args: &[&str] = if kind == "match" { &[kind, "--seed", "7"] } else { &[kind] };
        assert_eq!(ok(args, &format!("\u{feff}{example}")), ok(args, &example), "{kind}");
    }
    let campaign = ok(&["example", "campaign"], "");
    assert_eq!(ok(&["run", "-"], &format!("\u{feff}{campaign}")), ok(&["run"], ""));
    let case = ok(&["example", "case"], "");
    assert_eq!(ok(&["test", "-"], &format!("\u{feff}{case}")), ok(&["test", "-"], &case));
}

/// Emptiness is the same in every command: an empty input is refused, an empty list inside a
/// valid document is a valid empty result.
#[test]
fn empty_inputs() {
    for command in ["run", "eligibility", "explain", "funding", "match"] {
        let args: &[&str] = if command == "run" { &["run", "-"] } else { &[command] };
        let (code, _, stderr) = eig(args, "");
        assert_eq!(code, 1, "{command}: {stderr}");
        assert!(stderr.contains("l'entrée est vide"), "{command}: {stderr}");
    }
    let (code, _, stderr) = eig(&["test", "-"], "");
    assert_eq!(code, 1, "test: {stderr}");
    ok(&["eligibility"], "{}");
    ok(&["eligibility"], "{\"dossiers\": [], \"candidates\": []}");
    let plan = ok(&["funding", "--format", "json"], "{\"promotion\": \"EIG3\", \"defis\": []}");
    let plan: serde_json::Value = serde_json::from_str(&plan).unwrap();
    assert_eq!(plan["defis"].as_array().unwrap().len(), 0);
    ok(
        &["match"],
        "{\"limits\": {\"team_min\": 2, \"team_max\": 3, \"max_choices\": 2}, \"defis\": [], \"candidates\": [], \"rankings\": []}",
    );
    ok(&["test", "-"], "{\"format\": \"eig-case/1\", \"cases\": []}");
}

/// Every command shown in `docs/cli.md` still prints what the page says (a block's lines, up
/// to its "… (N more lines)" marker, and its exit code). Rewrite the page with
/// `python3 crates/eig-cli/tools/gen_cli_md.py` after `cargo build --release -p eig-cli`.
#[test]
fn docs_cli_md_is_true() {
    let page =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/cli.md")).unwrap();
    let mut checked = 0;
    for block in page.split("```text\n").skip(1) {
        let block = block.split("\n```").next().unwrap();
        let mut lines = block.lines();
        let Some(command) = lines.next().and_then(|line| line.strip_prefix("$ ")) else { continue };
        let (stdin, command) = match command.split_once(" | ") {
            Some((source, command)) => {
                let stdin = if let Some(json) = source.strip_prefix("echo '") {
                    format!("{}\n", json.trim_end_matches('\''))
                } else {
                    let args: Vec<&str> = source.split_whitespace().skip(1).collect();
                    ok(&args, "")
                };
                (stdin, command)
            }
            None => (String::new(), command),
        };
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let (code, stdout, stderr) = eig(&args, &stdin);
        let mut expected: Vec<&str> = lines.collect();
        let expected_code = match expected.last().and_then(|l| l.strip_prefix("(exit ")) {
            Some(rest) => {
                let code = rest.trim_end_matches(')').parse().unwrap();
                expected.pop();
                code
            }
            None => 0,
        };
        assert_eq!(code, expected_code, "docs/cli.md: `{command}` exit code");
        let actual = if code == 0 { stdout } else { stderr };
        let cut =
            expected.iter().position(|line| line.starts_with("… (")).unwrap_or(expected.len());
        let actual: Vec<&str> = actual.lines().collect();
        assert_eq!(
            &actual[..cut.min(actual.len())],
            &expected[..cut],
            "docs/cli.md: `{command}` output"
        );
        if cut == expected.len() {
            assert_eq!(actual.len(), expected.len(), "docs/cli.md: `{command}` has more lines");
        }
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} commands checked in docs/cli.md");
}

/// A batch with records that cannot be judged — an EIG1 dossier (no published rules), a
/// dossier asking for co-financing while self-funded (conflicting exceptions), a DIG1
/// application — still decides every other record, prints every result, names the records
/// not judged on standard error and ends with exit code 4.
#[test]
fn a_batch_decides_every_record_it_can() {
    let example: serde_json::Value =
        serde_json::from_str(&ok(&["example", "eligibility"], "")).unwrap();
    let mut input = example.clone();
    let dossiers = input["dossiers"].as_array_mut().unwrap();
    let valid = dossiers.len();
    let mut eig1 = dossiers[0].clone();
    eig1["defi"]["id"] = "eig1-dossier".into();
    eig1["defi"]["promotion"] = "EIG1".into();
    let mut conflict = dossiers[0].clone();
    conflict["defi"]["id"] = "both-ways".into();
    conflict["funding"] = serde_json::json!({"cofinancing_requested": true, "self_funded": true});
    dossiers.insert(0, eig1);
    dossiers.push(conflict);
    let candidates = input["candidates"].as_array_mut().unwrap();
    let mut dig1 = candidates[0].clone();
    dig1["promotion"] = "DIG1".into();
    dig1["candidate"]["id"] = "c-dig1".into();
    candidates.push(dig1);

    let (code, stdout, stderr) = eig(&["eligibility", "--format", "json", "-"], &input.to_string());
    assert_eq!(code, 4, "{stderr}");
    let output: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let dossiers = output["dossiers"].as_array().unwrap();
    assert_eq!(dossiers.len(), valid + 2);
    assert_eq!(
        dossiers[0]["subject"],
        serde_json::json!({"kind": "dossier", "id": "eig1-dossier"})
    );
    assert!(dossiers[0]["error"].as_str().unwrap().contains("EIG1 n'a pas de règles publiées"));
    assert!(dossiers[1..=valid].iter().all(|d| d["outcome"].is_object()), "{stdout}");
    assert!(dossiers[valid + 1]["error"].as_str().unwrap().contains("s'appliquent toutes"));
    let candidates = output["candidates"].as_array().unwrap();
    assert!(candidates[..candidates.len() - 1].iter().all(|c| c["outcome"].is_object()));
    assert!(candidates.last().unwrap()["error"].is_string());
    // The same decisions as the valid records alone.
    let alone: serde_json::Value =
        serde_json::from_str(&ok(&["eligibility", "--format", "json", "-"], &example.to_string()))
            .unwrap();
    assert_eq!(&dossiers[1..=valid], &alone["dossiers"].as_array().unwrap()[..]);
    insta::assert_snapshot!(stderr, @r#"
    erreur : <entrée standard> : 3 enregistrements n'ont pas pu être jugés, les autres sont décidés :
      à $.dossiers[0] : enregistrement 0 (dossier du défi eig1-dossier) : la promotion EIG1 n'a pas de règles publiées pour les dossiers de défi, les candidatures et la sélection : un dossier ou une candidature de la promotion EIG1 ne peut être jugé selon des règles qui n'ont jamais été publiées ; les promotions aux règles publiées sont EIG2 à EIG7
      à $.dossiers[4] : enregistrement 4 (dossier du défi both-ways) : les exceptions "cofinancement demandé" et "autofinancement" s'appliquent toutes deux (règle eig3.host.funding_route) et les textes ne disent pas laquelle prévaut : n'en déclarez qu'une
      à $.candidates[2] : enregistrement 2 (candidat c-dig1) : la promotion DIG1 n'a pas de règles publiées pour les dossiers de défi, les candidatures et la sélection : un dossier ou une candidature de la promotion DIG1 ne peut être jugé selon des règles qui n'ont jamais été publiées ; les promotions aux règles publiées sont EIG2 à EIG7
    "#);
    let (code, text, _) = eig(&["eligibility", "-"], &input.to_string());
    assert_eq!(code, 4);
    assert!(
        text.lines().next().unwrap().starts_with("dossier eig1-dossier : non jugé — "),
        "{text}"
    );
}

/// `eig run` on a campaign with an EIG1 dossier among the EIG3 ones: every other dossier is
/// decided, the call goes on to the end, the report says which record was not judged, and
/// the exit code is 4.
#[test]
fn a_campaign_decides_every_record_it_can() {
    let mut campaign: serde_json::Value =
        serde_json::from_str(&ok(&["example", "campaign"], "")).unwrap();
    campaign["dossiers"][0]["dossier"]["defi"]["promotion"] = "EIG1".into();
    let (code, stdout, stderr) = eig(&["run", "-", "--format", "json"], &campaign.to_string());
    assert_eq!(code, 4, "{stderr}");
    let result: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let dossiers = result["dossiers"].as_array().unwrap();
    assert!(
        dossiers[0]["error"].as_str().unwrap().starts_with(
            "il est de la promotion EIG1, l'appel de la promotion EIG3 : il n'est pas jugé"
        ),
        "{}",
        dossiers[0]
    );
    assert!(dossiers[1..].iter().all(|d| d["decision"].is_object()));
    let laureates = result["selection"]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["status"]["status"] == "selected" || r["status"] == "selected")
        .count();
    assert_eq!(laureates, 15, "the 14 real laureates left and the self-funded one");
    assert!(stderr.contains("dossier "), "{stderr}");
    assert!(stderr.starts_with("erreur : "), "{stderr}");
}

/// `eig test`: the documented examples pass (the corpus itself runs once, in eig-cases'
/// tests); a wrong expectation fails with a difference naming the rule and its source; a case that
/// cannot be read is named and the others still run; JSON and JUnit on request.
#[test]
fn rule_tests_run_and_explain_their_failures() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    // The documented examples (the corpus runs once, in eig-cases' tests).
    let stdout = ok(&["test", &format!("{root}/docs/testing/cases")], "");
    let summary = stdout.lines().last().unwrap();
    assert_eq!(summary, "3 réussis, 0 en échec", "{stdout}");

    let dir = std::env::temp_dir().join(format!("eig-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let documented =
        std::fs::read_to_string(format!("{root}/docs/testing/cases/eig3-collectivite.yaml"))
            .unwrap();
    std::fs::write(
        dir.join("wrong.yaml"),
        documented.replacen("outcome: ineligible", "outcome: eligible", 1),
    )
    .unwrap();
    std::fs::write(dir.join("unreadable.json"), r#"[{"title": "t", "expected": {}}]"#).unwrap();
    let path = dir.to_str().unwrap();
    let junit = dir.join("junit.xml");
    let (code, stdout, stderr) = eig(&["test", path, "--junit", junit.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stderr}");
    let text = stdout.replace(path, "DIR");
    insta::assert_snapshot!("test_failures", text);
    let xml = std::fs::read_to_string(&junit).unwrap();
    assert!(
        xml.contains(r#"tests="4""#)
            && xml.contains(r#"failures="1""#)
            && xml.contains(r#"errors="1""#),
        "{xml}"
    );
    assert!(xml.contains("règle eig3.host.funding_route"), "{xml}");
    let (code, json, _) = eig(&["test", path, "--format", "json", "--filter", "eig3.host"], "");
    assert_eq!(code, 1);
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!((json["passed"].as_u64(), json["failed"].as_u64()), (Some(1), Some(2)), "{json}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A fresh directory for one test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("eig-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// `eig test --junit`: each failure holds that case's details only — its first difference as
/// the message, its source and differences as the description — and nothing of the run's
/// report (no summary line, no other case's line).
#[test]
fn junit_failures_hold_only_their_own_details() {
    let dir = scratch("junit");
    let case = |title: &str, share: &str| {
        format!(
            r#"{{"title": "{title}", "source": "AAP3 §5.2",
                "quote": "le financement des EIG est assuré à 70% par le PIA",
                "split": {{"total": "100.00", "share": "0.7"}}, "expected": {{"share": "{share}"}}}}"#
        )
    };
    let cases = format!(
        "[{}, {}, {}]",
        case("sixty", "60.00"),
        case("seventy", "70.00"),
        case("eighty", "80.00")
    );
    std::fs::write(dir.join("split.json"), cases).unwrap();
    let junit = dir.join("junit.xml");
    let path = dir.join("split.json");
    let (code, stdout, _) =
        eig(&["test", path.to_str().unwrap(), "--junit", junit.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stdout.ends_with("1 réussi, 2 en échec\n"), "{stdout}");
    let xml = std::fs::read_to_string(&junit).unwrap().replace(path.to_str().unwrap(), "FILE");
    insta::assert_snapshot!(xml, @r##"
    <?xml version="1.0" encoding="UTF-8"?>
    <testsuites name="eig test" tests="3" skipped="0" failures="2" errors="0">
        <testsuite name="FILE" tests="3" skipped="0" errors="0" failures="2">
            <testcase name="#1 sixty" classname="FILE">
                <failure message="$.share : attendu &quot;60.00&quot;, obtenu &quot;70.00&quot;">source : AAP3 §5.2
    $.share : attendu &quot;60.00&quot;, obtenu &quot;70.00&quot;
    </failure>
            </testcase>
            <testcase name="#2 seventy" classname="FILE"/>
            <testcase name="#3 eighty" classname="FILE">
                <failure message="$.share : attendu &quot;80.00&quot;, obtenu &quot;70.00&quot;">source : AAP3 §5.2
    $.share : attendu &quot;80.00&quot;, obtenu &quot;70.00&quot;
    </failure>
            </testcase>
        </testsuite>
    </testsuites>
    "##);
    assert!(!xml.contains("réussi") && !xml.contains("en échec"), "{xml}");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `eig test DIR` reads the files that are case files — declaring the format, or holding
/// cases (with their `expected`) — and names the others, passed over, before the summary
/// (build directories and hidden folders passed over whole, named and counted too); a
/// file that declares the format but is broken, or that cannot be parsed, still fails, and so
/// does a file named on the command line, whatever it holds.
#[test]
fn a_directory_s_other_files_are_named_and_passed_over() {
    let dir = scratch("test-dir");
    let split = r#"{"title": "70 % of 100 €", "split": {"total": "100.00", "share": "0.7"},
                   "expected": {"share": "70.00"}}"#;
    std::fs::write(dir.join("case.json"), split).unwrap();
    std::fs::create_dir_all(dir.join("more")).unwrap();
    std::fs::write(
        dir.join("more/cases.yaml"),
        "format: eig-case/1\ncases:\n  - title: thirds\n    evenly: {total: '1.00', parts: 3}\n    \
         expected: ['0.34', '0.33', '0.33']\n",
    )
    .unwrap();
    // An input of `eig funding`, a list of sentences, a history with a title: data, not cases.
    std::fs::write(dir.join("funding.json"), r#"{"promotion": "EIG3", "defis": []}"#).unwrap();
    std::fs::write(dir.join("more/faq.yml"), "- {question: q, answer: a}\n").unwrap();
    std::fs::write(dir.join("more/history.json"), r#"{"title": "t", "promotions": []}"#).unwrap();
    // A build directory and a hidden one: passed over whole, even with cases in them.
    for folder in ["target", ".git", "more/.venv"] {
        std::fs::create_dir_all(dir.join(folder)).unwrap();
        std::fs::write(dir.join(folder).join("case.json"), split.replace("70.00", "1.00")).unwrap();
    }
    let path = dir.to_str().unwrap();
    let (code, stdout, stderr) = eig(&["test", path, "--drafts"], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    insta::assert_snapshot!(stdout.replace(path, "DIR"), @"
    réussi      DIR/case.json#1  70 % of 100 €
    réussi      DIR/more/cases.yaml#1  thirds
    ignoré      DIR/funding.json
    ignoré      DIR/more/faq.yml
    ignoré      DIR/more/history.json
    ignoré      DIR/.git/ (dossier de construction ou caché)
    ignoré      DIR/more/.venv/ (dossier de construction ou caché)
    ignoré      DIR/target/ (dossier de construction ou caché)
    2 réussis, 0 en échec ; 3 fichiers ignorés, qui ne sont pas des fichiers de cas (sans format: eig-case/1, ni cas avec expected) ; 3 dossiers ignorés (construction ou cachés)
    ");
    // Named on the command line, such a folder is read.
    let (code, stdout, _) = eig(&["test", dir.join("target").to_str().unwrap(), "--drafts"], "");
    assert_eq!(code, 1, "{stdout}");
    std::fs::remove_dir_all(dir.join("target")).unwrap();

    // Declaring the format, or unparsable: read, and unreadable.
    std::fs::write(dir.join("more/broken.yaml"), "format: eig-case/1\ncases: {title: t}\n")
        .unwrap();
    std::fs::write(dir.join("more/syntax.json"), r#"{"title": "#).unwrap();
    let (code, stdout, _) = eig(&["test", path, "--drafts"], "");
    assert_eq!(code, 1, "{stdout}");
    let stdout = stdout.replace(path, "DIR");
    assert!(stdout.contains("illisible   DIR/more/broken.yaml#1\n"), "{stdout}");
    assert!(stdout.contains("illisible   DIR/more/syntax.json#1\n"), "{stdout}");
    assert!(stdout.contains("ignoré      DIR/funding.json\n"), "{stdout}");

    // Named on the command line: always read.
    let funding = dir.join("funding.json");
    let (code, stdout, _) = eig(&["test", funding.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stdout}");
    assert!(stdout.starts_with("illisible "), "{stdout}");

    // A directory without any case file: an error naming what was passed over.
    let data = dir.join("data");
    std::fs::create_dir_all(&data).unwrap();
    std::fs::write(data.join("funding.json"), r#"{"promotion": "EIG3", "defis": []}"#).unwrap();
    let (code, _, stderr) = eig(&["test", data.to_str().unwrap()], "");
    assert_eq!(code, 1);
    insta::assert_snapshot!(stderr.replace(path, "DIR"), @"erreur : aucun fichier de cas dans DIR/data : donnez des fichiers de cas .json, .yaml ou .yml (`eig example case` en affiche un) ; ignorés, car ce ne sont pas des fichiers de cas (sans format: eig-case/1, ni cas avec expected) : DIR/data/funding.json");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `eig test crates` runs every case of the crates and passes over their other data — the
/// history, the command's examples — naming each.
#[test]
fn the_crates_directory_passes_and_names_its_data_files() {
    let crates = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let (code, stdout, stderr) = eig(&["test", crates], "");
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(!stdout.contains("illisible") && !stdout.contains("ÉCHEC"), "{stdout}");
    let skipped: Vec<&str> =
        stdout.lines().filter_map(|line| line.strip_prefix("ignoré      ")).collect();
    for data in ["eig-history/data/promotions-data.json", "eig-api/data/funding.json"] {
        assert!(skipped.iter().any(|file| file.ends_with(data)), "{data}: {skipped:#?}");
    }
    let summary = stdout.lines().last().unwrap();
    assert!(summary.contains(" réussis, 0 en échec ; "), "{summary}");
    assert!(summary.contains(&format!(" {} fichiers ignorés, ", skipped.len())), "{summary}");
}

/// `eig example <kind> --promotion P` gives a complete, valid example for every promotion
/// with published rules, which the command accepts: the dossier and the application are
/// eligible, the funding input plans, the matching solves; promotion names in any spelling.
#[test]
fn examples_for_every_promotion() {
    for promotion in ["eig2", "EIG3", "EIG 4", "eig-5", "Eig6", "EIG7"] {
        let eligibility = ok(&["example", "eligibility", "--promotion", promotion], "");
        let decisions = ok(&["eligibility", "--format", "json", "-"], &eligibility);
        let decisions: serde_json::Value = serde_json::from_str(&decisions).unwrap();
        for decision in decisions["dossiers"]
            .as_array()
            .unwrap()
            .iter()
            .chain(decisions["candidates"].as_array().unwrap())
        {
            assert_eq!(decision["outcome"]["outcome"], "eligible", "{promotion}: {decision}");
        }
        let funding = ok(&["example", "funding", "--promotion", promotion], "");
        ok(&["funding", "-"], &funding);
        let explain = ok(&["example", "explain", "--promotion", promotion], "");
        ok(&["explain", "-"], &explain);
        for kind in ["defi", "candidate", "promotion-facts", "eligibility-result", "funding-plan"] {
            ok(&["example", kind, "--promotion", promotion], "");
        }
        if promotion != "EIG7" {
            let matching = ok(&["example", "match", "--promotion", promotion], "");
            ok(&["match", "-"], &matching);
        }
        if !matches!(promotion, "eig2" | "EIG7") {
            let campaign = ok(&["example", "campaign", "--promotion", promotion], "");
            ok(&["run", "-"], &campaign);
        }
    }
    // EIG7 states no choice limit: no matching example, and the message says why.
    let (code, _, stderr) = eig(&["example", "match", "--promotion", "EIG7"], "");
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("choisissez une autre promotion, ou une autre forme"), "{stderr}");
    let (code, _, stderr) = eig(&["example", "scenario", "--promotion", "EIG3"], "");
    assert_eq!(
        (code, stderr.trim()),
        (
            2,
            "erreur : --promotion : cet exemple est le même pour toutes les promotions : retirez la \
             promotion"
        )
    );
    let (code, _, stderr) = eig(&["example", "defi", "--promotion", "EIG1"], "");
    assert_eq!(code, 2, "{stderr}");
}

/// The names of the workspace's enum variants, read from the library sources: the words a
/// person must never read in place of their French names.
fn variant_names() -> std::collections::BTreeSet<String> {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let mut names = std::collections::BTreeSet::new();
    let mut stack = vec![std::path::PathBuf::from(format!("{root}/crates"))];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("tests") && !path.ends_with("examples") {
                    stack.push(path);
                }
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).unwrap();
            let mut in_enum = false;
            for line in text.lines() {
                if line.trim_start().starts_with("pub enum ")
                    || line.trim_start().starts_with("pub(crate) enum ")
                    || line.trim_start().starts_with("enum ")
                {
                    in_enum = true;
                } else if in_enum && (line == "}" || line == "    }") {
                    in_enum = false;
                } else if in_enum && let Some(rest) = line.strip_prefix("    ") {
                    let name: String =
                        rest.chars().take_while(char::is_ascii_alphanumeric).collect();
                    // CamelCase names (two capitals or more), and the one-word names of profiles,
                    // host kinds and routes, which a person reads in French.
                    let capitals = name.chars().filter(char::is_ascii_uppercase).count();
                    let one_word = ["Developer", "Designer", "Coach", "Ministry", "Jurisdiction"];
                    if name.starts_with(|c: char| c.is_ascii_uppercase())
                        && (capitals >= 2 || one_word.contains(&name.as_str()))
                    {
                        names.insert(name);
                    }
                }
            }
        }
    }
    names
}

/// No text a person reads shows a Rust variant name: the text snapshots of the workspace (the
/// command's reports, explanations, history and errors; the libraries' French renderings and
/// messages; not the JSON nor the schemas, where `snake_case` names are the format) are searched
/// for every CamelCase variant name of the workspace, as a whole word.
#[test]
fn no_rust_names_in_what_a_person_reads() {
    let names = variant_names();
    assert!(names.contains("DataScientist") && names.contains("LocalAuthority"), "{names:?}");
    let crates = concat!(env!("CARGO_MANIFEST_DIR"), "/..");
    let mut found = Vec::new();
    let mut read = 0;
    for krate in std::fs::read_dir(crates).unwrap() {
        let dir = krate.unwrap().path().join("tests/it/snapshots");
        let Ok(entries) = std::fs::read_dir(&dir) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            let file = path.file_name().unwrap().to_str().unwrap().to_owned();
            let text = std::fs::read_to_string(&path).unwrap();
            let body = text.split_once("\n---\n").map_or(text.as_str(), |(_, body)| body);
            let body = body.trim_start();
            if file.contains("schema") || body.starts_with('{') || body.starts_with('[') {
                continue;
            }
            read += 1;
            for word in body.split(|c: char| !c.is_ascii_alphanumeric()) {
                if names.contains(word) {
                    found.push(format!("{}: {word}", path.display()));
                }
            }
        }
    }
    assert!(read >= 20, "only {read} text snapshots");
    assert!(found.is_empty(), "Rust names in text a person reads:\n{}", found.join("\n"));
}

/// A case whose citation does not hold — an invented quote, a section or a document that does
/// not exist, a rule id that does not exist — fails in `eig test` for its citation, saying
/// what is wrong and the nearest sentence of the section; `--drafts` runs a case without a
/// quote, never a wrong one.
#[test]
fn a_wrong_citation_fails_and_says_why() {
    let dir = scratch("citations");
    let case = |title: &str, source: &str, quote: &str, rule: &str| {
        format!(
            r#"{{"title": "{title}", "source": "{source}", "quote": "{quote}",
                "rules": ["{rule}"], "split": {{"total": "100.00", "share": "0.7"}},
                "expected": {{"share": "70.00"}}}}"#
        )
    };
    let faithful = "le financement des EIG est assuré à 70% par le PIA";
    let cases = format!(
        "[{}, {}, {}, {}, {}]",
        case("faithful", "AAP3 §5.2", faithful, "funding.pia_share_of_employer_cost"),
        case("invented quote", "AAP3 §5.2", "le PIA paie 70 % des EIG", "funding.rounding"),
        case("no such section", "AAP3 §9.9", faithful, "funding.rounding"),
        case("no such document", "Cahier 2018 §5.2", faithful, "funding.rounding"),
        case("no such rule", "AAP3 §5.2", faithful, "funding.no_such_rule"),
    );
    let path = dir.join("citations.json");
    std::fs::write(&path, cases).unwrap();
    let (code, stdout, _) = eig(&["test", path.to_str().unwrap()], "");
    assert_eq!(code, 1, "{stdout}");
    insta::assert_snapshot!(stdout.replace(path.to_str().unwrap(), "FILE"), @r#"
    réussi      FILE#1  faithful
    CITATION    FILE#2  invented quote
        source : AAP3 §5.2
        citation (quote) : pas mot pour mot dans AAP3 : "le PIA paie 70 % des EIG" ; recopiez le texte exact du document
          phrase la plus proche : AAP3 §5.2 : Pour rappel, le financement des EIG est assuré à 70% par le PIA et à 30% par l'administration lauréate.
    CITATION    FILE#3  no such section
        source : AAP3 §9.9
        citation (source) : "AAP3 §9.9" : AAP3 n'a rien à la référence §9.9 : corrigez la référence
    CITATION    FILE#4  no such document
        source : Cahier 2018 §5.2
        citation (source) : "Cahier 2018 §5.2" ne commence pas par un texte du programme livré avec le projet : citez un document (AAP3, AAC4, REG7… : docs/sources.md) suivi de sa section, par ex. AAP3 §3.1.1, ou une entrée du catalogue (docs/rules/…)
    CITATION    FILE#5  no such rule
        source : AAP3 §5.2
        citation (rules) : la règle "funding.no_such_rule" n'existe pas pour un financement : la plus proche est funding.schedule
          règle la plus proche : funding.schedule
    1 réussi, 4 en échec (dont 4 pour leur citation)
    "#);
    // JSON: the status and each problem's code, field and nearest sentence.
    let (_, json, _) = eig(&["test", path.to_str().unwrap(), "--format", "json"], "");
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(json["cases"][1]["status"], "miscited");
    assert_eq!(json["cases"][1]["report"]["verdict"], "miscited");
    assert_eq!(json["cases"][1]["report"]["problems"][0]["code"], "citation_not_verbatim");
    assert_eq!(json["cases"][4]["report"]["problems"][0]["nearest"], "funding.schedule");

    // A draft: no quote is allowed, a wrong section is not.
    let drafts = format!(
        "[{}, {}]",
        r#"{"title": "no quote", "source": "AAP3 §5.2", "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "70.00"}}"#,
        r#"{"title": "wrong section", "source": "AAP3 §9.9", "split": {"total": "100.00", "share": "0.7"}, "expected": {"share": "70.00"}}"#
    );
    std::fs::write(&path, drafts).unwrap();
    let (code, stdout, _) = eig(&["test", path.to_str().unwrap()], "");
    assert_eq!(code, 1);
    assert!(stdout.ends_with("0 réussi, 2 en échec (dont 2 pour leur citation)\n"), "{stdout}");
    let (code, stdout, _) = eig(&["test", path.to_str().unwrap(), "--drafts"], "");
    assert_eq!(code, 1);
    assert!(stdout.ends_with("1 réussi, 1 en échec (dont 1 pour leur citation)\n"), "{stdout}");
    std::fs::remove_dir_all(&dir).unwrap();
}
