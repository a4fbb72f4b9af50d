//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use eig_domain::Promotion;

/// Runs calls of the Entrepreneurs d'intérêt général (EIG) programme as code: dossier
/// eligibility, laureate selection, funding plans and talent assignment, every decision
/// explained and cited to its source text.
///
/// Exit codes: 0 success · 1 invalid input (the message names the file, the JSON path and, for
/// syntax errors, the line and column) · 2 usage error · 3 the output could not be written.
/// Nothing is written anywhere but standard output and standard error unless --output is given.
#[derive(Debug, Parser)]
#[command(name = "eig", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// The official figures per promotion, from the embedded history of 132 défis.
    History(HistoryArgs),
    /// The JSON Schema of an input or output shape.
    Schema(KindArgs),
    /// A valid example of an input shape, to start from.
    Example(KindArgs),
}

/// How to print a result.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
pub(crate) enum Format {
    /// A readable report.
    #[default]
    Text,
    /// The whole machine-readable result (amounts as strings, stable field order).
    Json,
}

#[derive(Debug, clap::Args)]
pub(crate) struct OutputArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub(crate) format: Format,
    /// Write the result to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct HistoryArgs {
    /// Only this promotion (EIG1 … EIG7, DIG1; `EIG 3` is accepted), with its défis listed.
    #[arg(long, value_parser = parse_promotion)]
    pub(crate) promotion: Option<Promotion>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct KindArgs {
    /// Which shape.
    #[arg(value_enum)]
    pub(crate) kind: Kind,
    /// Write the result to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

/// The JSON shapes the command reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// A défi (eig-domain `Defi`).
    Defi,
    /// A candidate (eig-domain `Candidate`).
    Candidate,
    /// The sourced facts of a promotion (output of `eig history --format json`, per promotion).
    PromotionFacts,
    /// The figures table (output of `eig history --format json`).
    Figures,
}

fn parse_promotion(text: &str) -> Result<Promotion, String> {
    text.parse().map_err(|err: eig_domain::PromotionError| err.to_string())
}
