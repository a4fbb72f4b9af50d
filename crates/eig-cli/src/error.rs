//! What can go wrong at the edge, and the exit code of each.

use std::path::PathBuf;

/// Why `eig test` passes over a file of a directory: the marks of a case file it lacks
/// (`eig_cases::is_case_file`).
pub(crate) const NOT_CASES: &str = "sans format: eig-case/1, ni cas avec expected";

/// An error of the command line tool. Each names the input and what was wrong with it.
#[derive(Debug, thiserror::Error)]
pub(crate) enum CliError {
    /// No input file was given and standard input is a terminal, not a pipe or a file.
    #[error(
        "aucune entrée : nommez un fichier JSON, ou envoyez-en un sur l'entrée standard (`eig example <kind>` en affiche un)"
    )]
    NoInput,
    /// Options that do not go together.
    #[error("{message}")]
    Usage { message: String },
    /// Two inputs were both to be read from standard input.
    #[error(
        "une seule entrée peut être lue sur l'entrée standard (`-`) : donnez FICHIER ou --scenario comme fichier"
    )]
    TwoInputsOnStdin,
    /// The input could not be read.
    #[error("impossible de lire {input} : {}", read_problem(source))]
    Read {
        input: String,
        #[source]
        source: std::io::Error,
    },
    /// The input is well-formed but cannot be judged (e.g. a promotion with no published rules).
    #[error("{input} : {message}")]
    Unjudgeable { input: String, message: String },
    /// An operation refused its input: not JSON (`input:line:column : …`), not its shape
    /// (`input : à $.path : …`), or a state the rules cannot judge.
    #[error("{input}{}{error}", if error.kind() == eig_api::ErrorKind::Syntax { ":" } else { " : " })]
    Api { input: String, error: eig_api::ApiError },
    /// `eig test` found no case file where it was told to look.
    #[error(
        "aucun fichier de cas dans {paths} : donnez des fichiers de cas .json, .yaml ou .yml (`eig example case` en affiche un){}",
        if skipped.is_empty() {
            String::new()
        } else {
            format!(" ; ignorés, car ce ne sont pas des fichiers de cas ({NOT_CASES}) : {}", skipped.join(", "))
        }
    )]
    NoCases { paths: String, skipped: Vec<String> },
    /// Rule tests ran and some failed or could not be read (`eig test`).
    #[error(
        "{} en échec ou illisible{} (chacun est nommé plus haut, avec ce qu'il faut changer)",
        if *failed == 1 { "1 cas".to_owned() } else { format!("{failed} cas") },
        if *failed == 1 { "" } else { "s" }
    )]
    CasesFailed { failed: usize },
    /// The result was written, but some records of a batch could not be judged.
    #[error(
        "{input} : {}, les autres sont décidés :\n{records}",
        if *count == 1 { "1 enregistrement n'a pas pu être jugé".to_owned() } else { format!("{count} enregistrements n'ont pas pu être jugés") }
    )]
    NotAllJudged { input: String, count: usize, records: String },
    /// The output could not be written.
    #[error("impossible d'écrire {} : {}", output.display(), io_problem(source))]
    Write {
        output: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// A result could not be serialized (a bug: every output shape is snapshot-tested).
    #[error("impossible de mettre le résultat en JSON (une erreur du programme, à signaler) : {0}")]
    Serialize(#[source] serde_json::Error),
    /// Writing to standard output failed.
    #[error("impossible d'écrire sur la sortie standard : {}", io_problem(.0))]
    Stdout(#[source] std::io::Error),
}

impl CliError {
    /// 1: invalid input; 2: usage error; 3: output not written; 4: some records not judged;
    /// 5: the rules cannot judge this state.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            CliError::Api { error, .. } => error.kind().exit_code(),
            CliError::Unjudgeable { .. } => 5,
            CliError::NoInput | CliError::TwoInputsOnStdin | CliError::Usage { .. } => 2,
            CliError::Read { .. } | CliError::CasesFailed { .. } | CliError::NoCases { .. } => 1,
            CliError::Write { .. } | CliError::Stdout(_) | CliError::Serialize(_) => 3,
            CliError::NotAllJudged { .. } => 4,
        }
    }
}

impl CliError {
    /// The error of an operation on the input named `input`.
    pub(crate) fn api(input: &str, error: eig_api::ApiError) -> CliError {
        CliError::Api { input: input.to_owned(), error }
    }
}

/// The error that ends a command whose result was written while some records of it were not
/// judged (exit code 4), naming each record; `None` when every record was judged.
pub(crate) fn not_all_judged(input: &str, records: &[String]) -> Option<CliError> {
    (!records.is_empty()).then(|| CliError::NotAllJudged {
        input: input.to_owned(),
        count: records.len(),
        records: records.iter().map(|record| format!("  {record}")).collect::<Vec<_>>().join("\n"),
    })
}

/// Why an input could not be read, and what to do about it.
fn read_problem(err: &std::io::Error) -> String {
    let hint = match err.kind() {
        std::io::ErrorKind::NotFound => {
            "ce fichier n'existe pas : vérifiez le chemin, ou donnez `-` pour lire l'entrée standard"
        }
        std::io::ErrorKind::IsADirectory => "c'est un dossier : nommez un fichier JSON",
        std::io::ErrorKind::NotADirectory => {
            "une partie du chemin est un fichier, pas un dossier : vérifiez le chemin"
        }
        std::io::ErrorKind::PermissionDenied => {
            "accès refusé : vérifiez les droits de lecture du fichier"
        }
        std::io::ErrorKind::InvalidData => {
            "ce n'est pas du texte UTF-8 : enregistrez l'entrée en JSON encodé en UTF-8 (est-ce \
             un fichier binaire, ou un autre encodage ?)"
        }
        _ => return io_problem(err),
    };
    hint.to_owned()
}

/// An input/output error in French; the system's own words, which may be in another language,
/// follow in parentheses where no French wording is known.
fn io_problem(err: &std::io::Error) -> String {
    let words = match err.kind() {
        std::io::ErrorKind::NotFound => "le fichier ou le dossier n'existe pas",
        std::io::ErrorKind::PermissionDenied => "accès refusé",
        std::io::ErrorKind::IsADirectory => "c'est un dossier",
        std::io::ErrorKind::NotADirectory => "une partie du chemin est un fichier",
        std::io::ErrorKind::StorageFull => "le disque est plein",
        std::io::ErrorKind::BrokenPipe => "le programme qui lisait la sortie s'est arrêté",
        std::io::ErrorKind::ReadOnlyFilesystem => "le système de fichiers est en lecture seule",
        _ => return format!("erreur du système (détail : {err})"),
    };
    words.to_owned()
}
