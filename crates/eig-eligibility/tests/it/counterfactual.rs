//! What would make it eligible: the minimal sets of changes (issue 23).

use eig_eligibility::{
    CandidateApplication, ChangeOptions, DefiDossier, changes_to_eligible_application,
    changes_to_eligible_dossier, render_changes_french,
};
use serde_json::Value;

fn corpus() -> Vec<(String, Value)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cases");
    let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            (path.file_name().unwrap().to_string_lossy().into_owned(), serde_json::from_str(&text).unwrap())
        })
        .collect()
}

#[test]
fn explore() {
    for (name, case) in corpus() {
        if let Some(dossier) = case.get("dossier") {
            let Ok(dossier) = serde_json::from_value::<DefiDossier>(dossier.clone()) else { continue };
            let Ok(answer) = changes_to_eligible_dossier(&dossier, &ChangeOptions::default()) else { continue };
            println!("== {name}\n{}", render_changes_french(&answer));
        }
        if let Some(application) = case.get("candidate") {
            let Ok(application) = serde_json::from_value::<CandidateApplication>(application.clone()) else { continue };
            let Ok(answer) = changes_to_eligible_application(&application, &ChangeOptions::default()) else { continue };
            println!("== {name}\n{}", render_changes_french(&answer));
        }
    }
}

#[test]
fn debug_one() {
    let case: Value = serde_json::from_str(&std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/cases/eig3_failure_beats_missing.json")).unwrap()).unwrap();
    let mut dossier: DefiDossier = serde_json::from_value(case["dossier"].clone()).unwrap();
    println!("{:?}", eig_eligibility::evaluate_dossier(&dossier).unwrap().trace.iter().map(|e| (e.rule, &e.result)).collect::<Vec<_>>());
    dossier.defi.team.push(dossier.defi.team[0]);
    dossier.purely_it_tooling = Some(false);
    println!("{:?}", eig_eligibility::evaluate_dossier(&dossier).unwrap().trace.iter().map(|e| (e.rule, &e.result)).collect::<Vec<_>>());
}
