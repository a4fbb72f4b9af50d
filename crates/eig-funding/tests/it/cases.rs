//! Conformance cases: one file of the public case format (`eig-cases`) per case under
//! `tests/data/cases/`, each with its source, a funding input (or a split) and the expected
//! amounts; run here through the public runner, as `eig test` runs them.

use std::{fs, path::Path};

use eig_cases::{read_cases, run_case};

#[test]
fn conformance_cases() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/cases");
    let mut failures = Vec::new();
    let mut count = 0;
    let mut entries: Vec<_> = fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        for case in read_cases(&name, &fs::read_to_string(&path).unwrap()) {
            count += 1;
            let case = match case {
                Ok(case) => case,
                Err(err) => {
                    failures.push(err.to_string());
                    continue;
                }
            };
            assert!(case.source.is_some(), "{name}: a case cites its source");
            let report = run_case(&case);
            if !report.passed() {
                failures.push(format!("{name}: {:?}", report.verdict));
            }
        }
    }
    assert!(count >= 40, "at least 40 conformance cases, found {count}");
    assert!(failures.is_empty(), "{} failing cases:\n{}", failures.len(), failures.join("\n"));
}
