//! The subcommands derived from eig-api's table: every operation that has no subcommand of
//! its own (with options of its own: streaming, progress, several files) is `eig <command>`,
//! reading its body from FICHIER or standard input and its parameters from options, printing
//! its answer in French or, with `--format json`, as the service answers it.

use std::{collections::BTreeMap, path::PathBuf};

use clap::{Arg, ArgAction, ArgMatches, Command};
use eig_api::{Operation, ParamType, Request, Surface};

use crate::{cli::Format, error::CliError, input::InputSource, output};

/// The subcommands defined in `cli.rs`, with options of their own.
const OWN: [&str; 11] = [
    "run",
    "eligibility",
    "explain",
    "funding",
    "match",
    "history",
    "schema",
    "example",
    "test",
    "serve",
    "rules",
];

/// The table's operations that have no subcommand of their own.
pub(crate) fn derived() -> impl Iterator<Item = &'static Operation> {
    eig_api::operations().iter().filter(|op| !OWN.contains(&op.command))
}

/// The option of a parameter: `node_limit` → `--node-limit`.
fn option(name: &str) -> String {
    name.replace('_', "-")
}

/// The subcommand of `op`.
pub(crate) fn command(op: &'static Operation) -> Command {
    let mut command = Command::new(op.command).about(op.summary);
    if let Some(input) = op.input {
        command = command.arg(
            Arg::new("file").value_name("FICHIER").value_parser(clap::value_parser!(PathBuf)).help(
                format!(
                    "Le fichier d'entrée (JSON ; `eig example {input}` en donne un, `eig schema \
                     {input}` sa forme) ; `-` ou rien lit l'entrée standard."
                ),
            ),
        );
    }
    for param in op.params {
        let arg = Arg::new(param.name).long(option(param.name)).help(param.description);
        let arg = match param.kind {
            ParamType::Boolean => arg.action(ArgAction::SetTrue),
            ParamType::Date => arg.value_name("AAAA-MM-JJ"),
            ParamType::Promotion => arg.value_name("PROMOTION"),
            _ => arg.value_name("N"),
        };
        command = command.arg(arg);
    }
    let formats: &[&str] = if op.french { &["text", "json"] } else { &["json"] };
    command
        .arg(
            Arg::new("format")
                .long("format")
                .value_name("FORME")
                .value_parser(clap::builder::PossibleValuesParser::new(formats))
                .default_value(formats[0])
                .help("Forme du résultat : text, un rapport à lire ; json, le résultat entier pour un programme."),
        )
        .arg(
            Arg::new("output")
                .long("output")
                .value_name("FICHIER")
                .value_parser(clap::value_parser!(PathBuf))
                .help("Écrit le résultat dans ce fichier au lieu de la sortie standard."),
        )
        .arg(
            Arg::new("pretty")
                .long("pretty")
                .action(ArgAction::SetTrue)
                .help("Avec --format json : un JSON indenté, à lire (sans cette option : compact, sur une ligne)."),
        )
}

/// A call of a derived subcommand, as parsed.
#[derive(Debug)]
pub(crate) struct Call {
    op: &'static Operation,
    file: Option<PathBuf>,
    query: BTreeMap<String, String>,
    format: Format,
    output: Option<PathBuf>,
    pretty: bool,
}

impl Call {
    /// The call of `op` with `query`, printed as `format`.
    pub(crate) fn new(
        op: &'static Operation,
        query: BTreeMap<String, String>,
        format: Format,
        output: Option<PathBuf>,
        pretty: bool,
    ) -> Call {
        Call { op, file: None, query, format, output, pretty }
    }

    /// The call of `op` from its subcommand's matches.
    pub(crate) fn from_matches(op: &'static Operation, matches: &ArgMatches) -> Call {
        let mut query = BTreeMap::new();
        for param in op.params {
            match param.kind {
                ParamType::Boolean => {
                    if matches.get_flag(param.name) {
                        query.insert(param.name.to_owned(), "true".to_owned());
                    }
                }
                _ => {
                    if let Some(value) = matches.get_one::<String>(param.name) {
                        query.insert(param.name.to_owned(), value.clone());
                    }
                }
            }
        }
        Call {
            op,
            file: if op.input.is_some() {
                matches.get_one::<PathBuf>("file").cloned()
            } else {
                None
            },
            query,
            format: match matches.get_one::<String>("format").map(String::as_str) {
                Some("json") => Format::Json,
                _ => Format::Text,
            },
            output: matches.get_one::<PathBuf>("output").cloned(),
            pretty: matches.get_flag("pretty"),
        }
    }
}

/// Runs a derived subcommand: reads its body, runs the operation, prints its answer.
pub(crate) fn run(call: &Call) -> Result<(), CliError> {
    let (name, body) = match call.op.input {
        Some(_) => {
            let source = InputSource::from_arg(call.file.as_ref());
            (source.name(), source.read()?)
        }
        None => ("la commande".to_owned(), String::new()),
    };
    let request = Request::new(&body, &call.query, Surface::Command);
    let usage = |err: eig_api::ApiError| match (err.kind(), err.path()) {
        // A parameter is an option here: its message, which starts with the parameter's
        // name, names it as the option is written.
        (eig_api::ErrorKind::Parameter, Some(path)) => {
            let param = path.trim_start_matches('?');
            let message = match err.message().strip_prefix(param) {
                Some(rest) => format!("--{}{rest}", option(param)),
                None => err.message().to_owned(),
            };
            CliError::Usage { message }
        }
        _ => CliError::api(&name, err),
    };
    match call.format {
        Format::Json => {
            let json = call.op.run(&request).map_err(usage)?;
            let text = if call.pretty {
                let value: serde_json::Value =
                    serde_json::from_str(&json).map_err(CliError::Serialize)?;
                output::json(&value)?
            } else {
                json + "\n"
            };
            output::emit(call.output.as_deref(), &text)
        }
        Format::Text => {
            let text = call.op.run_french(&request).map_err(usage)?;
            output::emit(call.output.as_deref(), &text)
        }
    }
}
