//! The command line in French: clap's help headings, its own options (`--help`, `--version`),
//! default and possible values, and its usage errors.
//!
//! clap writes these in English. The texts written for this command are French doc comments
//! (`cli.rs`); what clap adds around them is rewritten here, once for every subcommand, so
//! that a person never reads a mix of the two languages.

use std::fmt::Write as _;

use clap::{
    Arg, ArgAction, Command, CommandFactory, FromArgMatches,
    error::{ContextKind, ContextValue, ErrorKind},
};

use crate::cli::Cli;

/// The help page's layout: clap's, with French headings.
const TEMPLATE: &str =
    "{before-help}{about-with-newline}\nUtilisation : {usage}\n\n{all-args}{after-help}";

/// The whole command line, French: the subcommands of `cli.rs`, then one for every
/// operation of eig-api's table that has none of its own.
pub(crate) fn command() -> Command {
    let derived = crate::commands::operation::derived().map(crate::commands::operation::command);
    french(Cli::command().subcommands(derived), true)
}

/// What a parse of the arguments gives: the command to run, or what to print and the exit
/// code (0 for `--help` and `--version`, 2 for a usage error).
pub(crate) enum Parsed {
    Run(Box<Cli>),
    Operation(Box<crate::commands::operation::Call>),
    Print { text: String, to_stderr: bool, code: u8 },
}

/// Parses `args` (the program's name first).
pub(crate) fn parse<I, T>(args: I) -> Parsed
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    // `eig help [COMMAND]` is `eig [COMMAND] --help`, as people type it.
    let mut args: Vec<std::ffi::OsString> = args.into_iter().map(Into::into).collect();
    if args.get(1).is_some_and(|arg| arg == "help") {
        args.remove(1);
        args.push("--help".into());
    }
    let mut command = command();
    let matches = command.try_get_matches_from_mut(args).and_then(|matches| {
        let derived = matches.subcommand().and_then(|(name, sub)| {
            crate::commands::operation::derived()
                .find(|op| op.command == name)
                .map(|op| crate::commands::operation::Call::from_matches(op, sub))
        });
        match derived {
            Some(call) => Ok(Parsed::Operation(Box::new(call))),
            None => Cli::from_arg_matches(&matches)
                .map(|cli| Parsed::Run(Box::new(cli)))
                .map_err(|err| err.format(&mut command)),
        }
    });
    match matches {
        Ok(parsed) => parsed,
        Err(err) => match err.kind() {
            ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
                Parsed::Print { text: err.render().to_string(), to_stderr: false, code: 0 }
            }
            ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand | ErrorKind::MissingSubcommand => {
                Parsed::Print { text: err.render().to_string(), to_stderr: true, code: 2 }
            }
            _ => Parsed::Print { text: usage_error(&err), to_stderr: true, code: 2 },
        },
    }
}

/// `command` and its subcommands with French help options, headings and value lists.
fn french(command: Command, root: bool) -> Command {
    let mut command = command
        .help_template(TEMPLATE)
        .subcommand_help_heading("Commandes ")
        .subcommand_value_name("COMMANDE")
        .disable_help_flag(true)
        .disable_help_subcommand(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help_heading("Options ")
                .help("Affiche cette aide"),
        );
    if root {
        command = command.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help_heading("Options ")
                .help("Affiche la version"),
        );
    }
    let ids: Vec<String> = command
        .get_arguments()
        .filter(|arg| !arg.is_hide_set())
        .map(|arg| arg.get_id().to_string())
        .collect();
    for id in ids {
        command = command.mut_arg(id, |arg| {
            let heading = if arg.is_positional() { "Arguments " } else { "Options " };
            let arg = arg.help_heading(heading);
            if !arg.get_action().takes_values() {
                return arg;
            }
            let mut extra = String::new();
            let values = arg.get_possible_values();
            if !values.is_empty() && !arg.is_hide_possible_values_set() {
                let names: Vec<&str> =
                    values.iter().map(clap::builder::PossibleValue::get_name).collect();
                let _ = write!(extra, " Valeurs possibles : {}.", names.join(", "));
            }
            let defaults: Vec<String> = arg
                .get_default_values()
                .iter()
                .map(|value| value.to_string_lossy().into_owned())
                .collect();
            if !defaults.is_empty() && !matches!(arg.get_action(), ArgAction::SetTrue) {
                let _ = write!(extra, " Par défaut : {}.", defaults.join(", "));
            }
            let help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let long = arg.get_long_help().map(ToString::to_string);
            if extra.is_empty() {
                return arg;
            }
            let arg = arg.hide_possible_values(true).hide_default_value(true);
            let stop = if help.is_empty() || help.ends_with('.') { "" } else { "." };
            let arg = arg.help(format!("{help}{stop}{extra}"));
            match long {
                Some(long) => {
                    let stop = if long.ends_with('.') { "" } else { "." };
                    arg.long_help(format!("{long}{stop}{extra}"))
                }
                None => arg,
            }
        });
    }
    command.mut_subcommands(|sub| french(sub, false))
}

/// clap's usage error, in French: what was wrong, what to write instead, and the usage line.
fn usage_error(err: &clap::Error) -> String {
    let text = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => Some(value.clone()),
        Some(ContextValue::Strings(values)) => Some(values.join(", ")),
        Some(ContextValue::StyledStr(value)) => Some(value.to_string()),
        Some(ContextValue::StyledStrs(values)) => {
            Some(values.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))
        }
        Some(ContextValue::Number(value)) => Some(value.to_string()),
        _ => None,
    };
    let arg = text(ContextKind::InvalidArg).unwrap_or_default();
    let value = text(ContextKind::InvalidValue).unwrap_or_default();
    let suggestion = |kind| match err.get(kind) {
        Some(ContextValue::Strings(values)) if !values.is_empty() => {
            format!(" (vouliez-vous dire {} ?)", values.join(" ou "))
        }
        _ => String::new(),
    };
    let message = match err.kind() {
        ErrorKind::InvalidValue => match text(ContextKind::ValidValue) {
            Some(valid) => format!(
                "valeur « {value} » inconnue pour {arg} : écrivez l'une de ces valeurs : {valid}"
            ),
            None => format!("{arg} demande une valeur : écrivez-la après l'option"),
        },
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(err).map(ToString::to_string).unwrap_or_default();
            format!("valeur « {value} » refusée pour {arg} : {why}")
        }
        ErrorKind::UnknownArgument => format!(
            "option ou argument inconnu « {arg} »{} : `--help` donne ceux de la commande",
            suggestion(ContextKind::SuggestedArg)
        ),
        ErrorKind::InvalidSubcommand => format!(
            "commande inconnue « {} »{} : `eig --help` donne la liste des commandes",
            text(ContextKind::InvalidSubcommand).unwrap_or_default(),
            suggestion(ContextKind::SuggestedSubcommand)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("il manque {arg} : donnez-le (`--help` dit ce qu'il attend)")
        }
        ErrorKind::ArgumentConflict => format!(
            "{arg} ne va pas avec {} : gardez l'un des deux",
            text(ContextKind::PriorArg).unwrap_or_else(|| "une autre option donnée".to_owned())
        ),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            format!("nombre de valeurs non valable pour {arg} : `--help` dit combien en donner")
        }
        ErrorKind::InvalidUtf8 => {
            "un argument n'est pas du texte UTF-8 : écrivez les chemins et les valeurs en UTF-8"
                .to_owned()
        }
        ErrorKind::NoEquals => format!("{arg} s'écrit avec `=` : par ex. {arg}=VALEUR"),
        _ => format!("ligne de commande non valable : `--help` donne les options ({err})"),
    };
    let usage = text(ContextKind::Usage)
        .map(|usage| {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").map_or(usage, str::trim_start);
            format!("\n\nUtilisation : {usage}")
        })
        .unwrap_or_default();
    format!("erreur : {message}{usage}\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_command_line_is_consistent() {
        command().debug_assert();
    }

    /// Every operation of eig-api's table is a subcommand, with an option per parameter and
    /// FICHIER where it reads a body (the service's routes are checked in eig-server).
    #[test]
    fn every_operation_of_the_table_is_a_subcommand() {
        let command = command();
        for op in eig_api::operations() {
            let sub = command
                .find_subcommand(op.command)
                .unwrap_or_else(|| panic!("{}: no subcommand {}", op.id, op.command));
            for param in op.params {
                let long = param.name.replace('_', "-");
                assert!(
                    sub.get_arguments().any(|arg| arg.get_long() == Some(long.as_str())),
                    "eig {}: no --{long}",
                    op.command
                );
            }
            if op.input.is_some() {
                assert!(
                    sub.get_arguments().any(Arg::is_positional),
                    "eig {}: no FICHIER",
                    op.command
                );
            }
        }
    }

    fn error_of(args: &[&str]) -> String {
        match parse(std::iter::once("eig").chain(args.iter().copied())) {
            Parsed::Print { text, to_stderr: true, code: 2 } => text,
            Parsed::Print { text, .. } => panic!("not a usage error: {text}"),
            Parsed::Run(_) | Parsed::Operation(_) => panic!("{args:?} parsed"),
        }
    }

    #[test]
    fn usage_errors_are_french_and_say_what_to_write() {
        let unknown_value = error_of(&["run", "--format", "yaml"]);
        assert!(
            unknown_value.contains("valeur « yaml » inconnue pour --format"),
            "{unknown_value}"
        );
        assert!(unknown_value.contains("text, json"), "{unknown_value}");
        let unknown_option = error_of(&["run", "--verbos"]);
        assert!(unknown_option.contains("« --verbos »"), "{unknown_option}");
        assert!(unknown_option.contains("--verbose"), "{unknown_option}");
        let unknown_command = error_of(&["runn"]);
        assert!(unknown_command.contains("commande inconnue « runn »"), "{unknown_command}");
        assert!(unknown_command.contains("funding ou run"), "{unknown_command}");
        let missing = error_of(&["match", "--node-limit", "5"]);
        assert!(missing.contains("il manque --exact"), "{missing}");
        assert!(missing.contains("Utilisation : eig match"), "{missing}");
        let promotion = error_of(&["history", "--promotion", "EIG9"]);
        assert!(promotion.contains("refusée pour --promotion"), "{promotion}");
        for text in [unknown_value, unknown_option, unknown_command, missing, promotion] {
            assert!(!text.contains("Usage:") && !text.contains("error:"), "{text}");
        }
    }

    #[test]
    fn help_is_french() {
        for args in [
            vec!["--help"],
            vec!["run", "--help"],
            vec!["match", "-h"],
            vec!["schema", "--help"],
            vec!["help", "funding"],
            vec!["help"],
        ] {
            let Parsed::Print { text, to_stderr: false, code: 0 } =
                parse(std::iter::once("eig").chain(args.iter().copied()))
            else {
                panic!("{args:?}: no help");
            };
            for english in ["Usage:", "Print help", "Commands:", "[default:", "[possible values:"] {
                assert!(!text.contains(english), "{args:?}: {english} in\n{text}");
            }
            assert!(text.contains("Utilisation : eig"), "{text}");
            assert!(text.contains("Affiche cette aide"), "{text}");
        }
    }
}
