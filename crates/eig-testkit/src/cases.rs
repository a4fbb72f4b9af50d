//! Rule tests from an embedder's own `#[test]`: case files of the public format
//! (`eig-cases`), read and run the way `eig test` runs them.
//!
//! This is the kit's only module that reads files: a test kit runs in tests, where reading
//! the case files next to them is what is wanted.

use std::{fmt::Write as _, path::Path, sync::atomic::AtomicBool};

pub use eig_cases::RunOptions;
use eig_cases::{Report, read_cases, run_case_with};
use serde::Serialize;

/// The run of one case file: each case's report, or why it could not be read.
///
/// Serialized, it is stable (file order, then case order), so it can be snapshotted with
/// insta.
///
/// # Example
/// ```
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/testing/cases/eig3-collectivite.yaml");
/// let run = eig_testkit::cases::run_case_file(path)?;
/// assert_eq!(run.passed(), 3);
/// assert!(run.all_passed());
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct CaseFileRun {
    /// The file, as given.
    pub file: String,
    /// Each case, in the file's order: its report, or the reason it could not be read.
    pub cases: Vec<Result<Report, String>>,
}

impl CaseFileRun {
    /// How many cases passed.
    ///
    /// # Example
    /// See [`CaseFileRun`].
    pub fn passed(&self) -> usize {
        self.cases.iter().filter(|case| case.as_ref().is_ok_and(Report::passed)).count()
    }

    /// Whether every case was read and passed.
    ///
    /// # Example
    /// See [`CaseFileRun`].
    pub fn all_passed(&self) -> bool {
        self.passed() == self.cases.len()
    }

    /// What failed, as `eig test` prints it: each failing case with its differences and the
    /// failing rules' trace entries and sources, each unreadable case with its error.
    ///
    /// # Example
    /// ```
    /// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/testing/cases/eig3-collectivite.yaml");
    /// assert_eq!(eig_testkit::cases::run_case_file(path)?.failures(), "");
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn failures(&self) -> String {
        let mut out = String::new();
        for (index, case) in self.cases.iter().enumerate() {
            match case {
                Ok(report) if !report.passed() => {
                    let _ = writeln!(out, "{}#{}: {}", self.file, index + 1, report.title);
                    out.push_str(&report.failure_details());
                }
                Ok(_) => {}
                Err(error) => {
                    let _ = writeln!(out, "{error}");
                }
            }
        }
        out
    }
}

/// Reads and runs the case file at `path` (JSON, or YAML by its `.yaml`/`.yml` name), as
/// `eig test` runs it: every case's citation is checked against the shipped texts (its
/// documents, sections, quotes and rule ids), and a case that cites no text or quotes no
/// sentence fails for its citation ([`run_case_file_with`] and [`RunOptions::drafts`] run
/// drafts).
///
/// # Errors
/// The [`std::io::Error`] of reading the file; a case that cannot be read is not an error of
/// this function but an `Err` entry of [`CaseFileRun::cases`].
///
/// # Example
/// See [`CaseFileRun`].
pub fn run_case_file(path: impl AsRef<Path>) -> std::io::Result<CaseFileRun> {
    run_case_file_with(path, RunOptions::default())
}

/// [`run_case_file`] under `options`.
///
/// # Errors
/// As [`run_case_file`].
///
/// # Example
/// ```
/// use eig_cases::RunOptions;
///
/// let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/testing/cases/eig3-collectivite.yaml");
/// let run = eig_testkit::cases::run_case_file_with(path, RunOptions::drafts())?;
/// assert!(run.all_passed());
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn run_case_file_with(
    path: impl AsRef<Path>,
    options: RunOptions,
) -> std::io::Result<CaseFileRun> {
    let path = path.as_ref();
    let file = path.display().to_string();
    let text = std::fs::read_to_string(path)?;
    let stop = AtomicBool::new(false);
    let cases = read_cases(&file, &text)
        .into_iter()
        .map(|case| {
            case.map(|case| run_case_with(&case, options, &stop)).map_err(|err| err.to_string())
        })
        .collect();
    Ok(CaseFileRun { file, cases })
}

/// Runs the case file at `path` and panics, listing every failure as `eig test` prints it,
/// unless every case passes: a rule test in one line of an embedder's `#[test]`.
///
/// # Panics
/// When the file cannot be read, or a case fails or cannot be read.
///
/// # Example
/// ```
/// eig_testkit::cases::assert_case_file(concat!(
///     env!("CARGO_MANIFEST_DIR"),
///     "/../../docs/testing/cases/eig3-collectivite.yaml"
/// ));
/// ```
#[track_caller]
pub fn assert_case_file(path: impl AsRef<Path>) {
    let path = path.as_ref();
    let run = run_case_file(path)
        .unwrap_or_else(|err| panic!("cannot read the case file {}: {err}", path.display()));
    assert!(
        run.all_passed(),
        "{} of {} cases of {} did not pass:\n{}",
        run.cases.len() - run.passed(),
        run.cases.len(),
        run.file,
        run.failures()
    );
}
