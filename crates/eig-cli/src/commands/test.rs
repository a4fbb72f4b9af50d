//! `eig test PATH…`: runs case files of the public format (`eig-cases`): one line per case,
//! a readable difference for each failure with the failing rule's source and trace, the
//! files of the directories that are not case files (passed over, each named), a summary line
//! `N réussis, M en échec`; JSON and JUnit XML on request.

use std::{
    fmt::Write as _,
    path::{Path, PathBuf},
};

use eig_api::{CaseResult, run_case_text_with, test_output};
use eig_cases::RunOptions;
use quick_junit::{NonSuccessKind, TestCase, TestCaseStatus, TestSuite};

use crate::{
    cli::{Format, TestArgs},
    error::{CliError, NOT_CASES},
    output,
};

/// How a file came to be run: named on the command line (always read), or found in a
/// directory (read only when it is a case file, [`eig_cases::is_case_file`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Found {
    Named,
    InDirectory,
}

/// Whether a folder found in a directory is passed over whole: a build directory (`target`)
/// or a hidden one (`.git`, `.venv`…). A folder named on the command line is always read.
fn passed_over(folder: &Path) -> bool {
    folder
        .file_name()
        .and_then(|name| name.to_str())
        .is_some_and(|name| name == "target" || name.starts_with('.'))
}

/// Every file to run under `path`: the file itself, or the `.json`, `.yaml` and `.yml` files
/// of a directory and its subdirectories, sorted; the folders passed over
/// ([`passed_over`]) in `folders`.
fn case_files(
    path: &Path,
    found: Found,
    out: &mut Vec<(PathBuf, Found)>,
    folders: &mut Vec<String>,
) -> Result<(), CliError> {
    let read = |source| CliError::Read { input: path.display().to_string(), source };
    if path.as_os_str() == "-" {
        out.push((path.to_owned(), found));
        return Ok(());
    }
    if !path.is_dir() {
        if !path.exists() {
            return Err(read(std::io::Error::new(
                std::io::ErrorKind::NotFound,
                "le fichier ou le dossier n'existe pas",
            )));
        }
        out.push((path.to_owned(), found));
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(read)?
        .map(|entry| entry.map(|entry| entry.path()))
        .collect::<Result<_, _>>()
        .map_err(read)?;
    entries.sort();
    for entry in entries {
        let is_data = entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| ["json", "yaml", "yml"].iter().any(|x| e.eq_ignore_ascii_case(x)));
        if entry.is_dir() && passed_over(&entry) {
            folders.push(entry.display().to_string());
        } else if entry.is_dir() {
            case_files(&entry, Found::InDirectory, out, folders)?;
        } else if is_data {
            out.push((entry, Found::InDirectory));
        }
    }
    Ok(())
}

/// Whether a case is kept by `--filter`: the text is in its title or is one of its rule ids
/// (or a prefix of one, `eig3.host`).
fn kept(filter: Option<&str>, title: &str, rules: &[String]) -> bool {
    filter.is_none_or(|filter| {
        title.to_lowercase().contains(&filter.to_lowercase())
            || rules.iter().any(|rule| rule.starts_with(filter))
    })
}

/// What a run found: the result of each case, and the files of the directories that are not
/// case files, passed over.
#[derive(Debug, Default)]
struct Run {
    results: Vec<CaseResult>,
    skipped: Vec<String>,
    /// The folders passed over whole: build directories and hidden ones.
    folders: Vec<String>,
}

/// Runs every case of `paths`; a file found in a directory that is not a case file is
/// passed over and named in [`Run::skipped`].
fn run_all(paths: &[PathBuf], filter: Option<&str>, options: RunOptions) -> Result<Run, CliError> {
    let mut files = Vec::new();
    let mut run = Run::default();
    for path in paths {
        case_files(path, Found::Named, &mut files, &mut run.folders)?;
    }
    let mut read = 0;
    for (path, found) in files {
        let (name, text) = if path.as_os_str() == "-" {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text).map_err(|source| {
                CliError::Read { input: "<entrée standard>".to_owned(), source }
            })?;
            ("<entrée standard>".to_owned(), crate::input::skip_bom(text))
        } else {
            let name = path.display().to_string();
            let text = std::fs::read_to_string(&path)
                .map_err(|source| CliError::Read { input: name.clone(), source })?;
            (name, crate::input::skip_bom(text))
        };
        if found == Found::InDirectory && !eig_cases::is_case_file(&name, &text) {
            run.skipped.push(name);
            continue;
        }
        read += 1;
        run.results.extend(run_case_text_with(&name, &text, options, |title, rules| {
            kept(filter, title, rules)
        }));
    }
    if read == 0 {
        let paths: Vec<String> = paths.iter().map(|path| path.display().to_string()).collect();
        let mut skipped = run.skipped;
        skipped.extend(run.folders.iter().map(|folder| format!("{folder}/")));
        return Err(CliError::NoCases { paths: paths.join(", "), skipped });
    }
    Ok(run)
}

/// The readable report: one line per case, the details of each failure under it, the files
/// passed over, the summary.
fn text(run: &Run) -> String {
    let mut out = String::new();
    for result in &run.results {
        let place = format!("{}#{}", result.file, result.case);
        let Some(report) = &result.report else {
            let _ = writeln!(out, "illisible   {place}");
            let _ = writeln!(out, "    {}", result.error.as_deref().unwrap_or_default());
            continue;
        };
        let word = match result.status.as_str() {
            "passed" => "réussi    ",
            "miscited" => "CITATION  ",
            _ => "ÉCHEC     ",
        };
        let _ = writeln!(out, "{word}  {place}  {}", report.title);
        out.push_str(&report.failure_details());
    }
    for file in &run.skipped {
        let _ = writeln!(out, "ignoré      {file}");
    }
    for folder in &run.folders {
        let _ = writeln!(out, "ignoré      {folder}/ (dossier de construction ou caché)");
    }
    let (passed, failed) = counts(&run.results);
    let _ = write!(out, "{passed} réussi{}, {failed} en échec", if passed > 1 { "s" } else { "" });
    let miscited = run.results.iter().filter(|r| r.status == "miscited").count();
    if miscited > 0 {
        let _ = write!(out, " (dont {miscited} pour leur citation)");
    }
    match run.skipped.len() {
        0 => {}
        1 => {
            let _ =
                write!(out, " ; 1 fichier ignoré, qui n'est pas un fichier de cas ({NOT_CASES})");
        }
        n => {
            let _ = write!(
                out,
                " ; {n} fichiers ignorés, qui ne sont pas des fichiers de cas ({NOT_CASES})"
            );
        }
    }
    match run.folders.len() {
        0 => {}
        1 => {
            let _ = write!(out, " ; 1 dossier ignoré (construction ou caché)");
        }
        n => {
            let _ = write!(out, " ; {n} dossiers ignorés (construction ou cachés)");
        }
    }
    out.push('\n');
    out
}

fn counts(results: &[CaseResult]) -> (usize, usize) {
    let passed = results.iter().filter(|r| r.status == "passed").count();
    (passed, results.len() - passed)
}

/// What a JUnit failure describes: the lines under the case's line in the readable report,
/// unindented, or why the case cannot be read.
fn junit_details(result: &CaseResult) -> String {
    let Some(report) = &result.report else { return result.error.clone().unwrap_or_default() };
    let mut details = String::new();
    for line in report.failure_details().lines() {
        details.push_str(line.strip_prefix("    ").unwrap_or(line));
        details.push('\n');
    }
    details
}

/// The JUnit XML report: one test suite per file, one test case per case; a failure's message
/// is its first difference (or why the case cannot be read), its description that case's
/// details only — no line of the run's report, such as the summary.
fn junit(results: &[CaseResult]) -> Result<String, CliError> {
    let mut report = quick_junit::Report::new("eig test");
    let mut suites: Vec<TestSuite> = Vec::new();
    for result in results {
        if suites.last().is_none_or(|suite| suite.name.as_str() != result.file) {
            suites.push(TestSuite::new(result.file.clone()));
        }
        let title = result.report.as_ref().map_or("(illisible)", |r| r.title.as_str());
        let status = match result.status.as_str() {
            "passed" => TestCaseStatus::success(),
            status => {
                let kind = if status == "unreadable" {
                    NonSuccessKind::Error
                } else {
                    NonSuccessKind::Failure
                };
                let mut failure = TestCaseStatus::non_success(kind);
                let details = junit_details(result);
                let first = details
                    .lines()
                    .find(|line| line.starts_with('$') || line.starts_with("citation ("));
                failure.set_message(first.unwrap_or_else(|| details.trim()).to_owned());
                failure.set_description(details);
                failure
            }
        };
        let mut case = TestCase::new(format!("#{} {title}", result.case), status);
        case.set_classname(result.file.clone());
        if let Some(suite) = suites.last_mut() {
            suite.add_test_case(case);
        }
    }
    report.add_test_suites(suites);
    report.to_string().map_err(|err| CliError::Unjudgeable {
        input: "le rapport JUnit".to_owned(),
        message: err.to_string(),
    })
}

pub(crate) fn test(args: &TestArgs) -> Result<(), CliError> {
    let options = if args.drafts { RunOptions::drafts() } else { RunOptions::default() };
    let run = run_all(&args.paths, args.filter.as_deref(), options)?;
    if let Some(path) = &args.junit {
        output::emit(Some(path), &junit(&run.results)?)?;
    }
    let (_, failed) = counts(&run.results);
    match args.output.format {
        Format::Json => output::write_json(
            args.output.output.as_deref(),
            &test_output(run.results),
            args.output.pretty,
        )?,
        Format::Text => output::emit(args.output.output.as_deref(), &text(&run))?,
    }
    if failed == 0 { Ok(()) } else { Err(CliError::CasesFailed { failed }) }
}
