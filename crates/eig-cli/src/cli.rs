//! The command line, as clap reads it.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};
use eig_domain::Promotion;

/// Runs calls of the Entrepreneurs d'intérêt général (EIG) programme as code: dossier
/// eligibility, laureate selection, funding plans and talent assignment, every decision
/// explained and cited to its source text.
///
/// Exit codes: 0 success · 1 invalid input (the message names the file, the JSON path and, for
/// syntax errors, the line and column) · 2 usage error (an unknown option or value, no input
/// file while standard input is a terminal, two inputs on standard input) · 3 the output could
/// not be written · 4 the result was written, but some records could not be judged (each is
/// named on standard error, and in the result). `eig test` exits with 1 when a case fails or
/// cannot be read.
/// Nothing is written anywhere but standard output and standard error unless --output is given.
#[derive(Debug, Parser)]
#[command(name = "eig", version, max_term_width = 100)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Runs a whole call: dossier eligibility → laureate selection → funding plan against the
    /// envelope → talent assignment → verification. Without FILE, the embedded default:
    /// the 2018 call (EIG3) with its real 15 laureate défis, plus labelled synthetic dossiers,
    /// about 170 synthetic candidates and seeded jury rankings.
    Run(RunArgs),
    /// Decides the eligibility of défi dossiers and candidate applications, with a trace of every
    /// rule evaluated and its source.
    Eligibility(FileArgs),
    /// The French explanation of one eligibility decision (a défi dossier or a candidate's
    /// application), as CRPA art. R. 311-3-1-2 asks an administration to give about an
    /// algorithmic decision.
    Explain(ExplainArgs),
    /// A promotion's funding plan: each payer per talent and défi, cent-exact, against the
    /// envelope.
    Funding(FundingArgs),
    /// Assigns talents to défis (deferred acceptance, lower quotas), verifies the result and
    /// explains every placement.
    Match(MatchArgs),
    /// The official figures per promotion, from the embedded history of 132 défis.
    History(HistoryArgs),
    /// The JSON Schema of an input or output shape.
    Schema(KindArgs),
    /// A valid example of a shape: for an input, one to start from; for a result, what the
    /// command prints on the example input.
    Example(KindArgs),
    /// Runs rule tests: case files of the public format (JSON, or YAML with comments; see
    /// `eig schema case` and docs/testing.md), one line per case, a difference naming the
    /// rule and its source for each failure, and `N passed, M failed`. Exit code 0 only when
    /// every case passes.
    Test(TestArgs),
    /// Serves the rules over HTTP: a stateless JSON API under /v1 with the same inputs,
    /// outputs and messages as these subcommands, its OpenAPI document at /openapi.json,
    /// /healthz, and a simulator page at / (docs/server.md).
    Serve(ServeArgs),
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
pub(crate) struct RunArgs {
    /// A campaign file (JSON; see `eig schema campaign` and `eig example campaign`); `-` reads
    /// standard input. Without it, the embedded default campaign.
    #[arg(value_name = "FILE", conflicts_with = "input")]
    pub(crate) file: Option<PathBuf>,
    /// The former spelling of FILE, still read; deprecated (a note says so on standard error).
    #[arg(long, value_name = "FILE", hide = true)]
    pub(crate) input: Option<PathBuf>,
    /// In the text report, list every candidate not assigned (the summary counts them by
    /// reason).
    #[arg(long)]
    pub(crate) verbose: bool,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct FileArgs {
    /// The input file (JSON); `-` or nothing reads standard input.
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ExplainArgs {
    /// A file holding `{"dossier": …}` or `{"candidate": …}`; `-` or nothing reads standard
    /// input.
    #[arg(value_name = "FILE")]
    pub(crate) file: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct FundingArgs {
    #[command(flatten)]
    pub(crate) file: FileArgs,
    /// A scenario file overriding parameters (e.g. another PIA share), rounding or envelope
    /// policy; the plan lists what was overridden. `-` reads standard input (the défis must
    /// then come from a FILE).
    #[arg(long, value_name = "FILE")]
    pub(crate) scenario: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct MatchArgs {
    #[command(flatten)]
    pub(crate) file: FileArgs,
    /// The host-optimal variant (juries propose) instead of the candidate-optimal one.
    #[arg(long)]
    pub(crate) hosts_propose: bool,
    /// Exact mode for lower quotas: the stable assignment with the most défis running, or a
    /// proof that none exists (small instances).
    #[arg(long)]
    pub(crate) exact: bool,
    /// With --exact: search nodes after which the search stops and says so.
    #[arg(long, default_value_t = 1_000_000, requires = "exact")]
    pub(crate) node_limit: u64,
    /// Seed of the lottery that breaks ties in the juries' rankings.
    #[arg(long, default_value_t = 0)]
    pub(crate) seed: u64,
    /// After the assignment, juries offer unfilled seats to unassigned candidates they ranked.
    #[arg(long)]
    pub(crate) offers: bool,
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
pub(crate) struct TestArgs {
    /// Case files, or directories whose `.json`, `.yaml` and `.yml` files are run (sorted,
    /// subdirectories included); `-` reads one JSON case file from standard input.
    #[arg(value_name = "PATH", required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Only the cases whose title contains this text, or that cover a rule id starting with
    /// it (`eig3.host`).
    #[arg(long, value_name = "TEXT")]
    pub(crate) filter: Option<String>,
    /// Also write a JUnit XML report (what CI dashboards read) to this file.
    #[arg(long, value_name = "FILE")]
    pub(crate) junit: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) output: OutputArgs,
}

#[derive(Debug, clap::Args)]
pub(crate) struct KindArgs {
    /// Which shape.
    #[arg(value_enum)]
    pub(crate) kind: Kind,
    /// With `eig example`: a complete, valid example of this promotion (EIG2 … EIG7; `eig3`,
    /// `EIG 3` are accepted) for a défi, candidate, eligibility, explain, funding, match or
    /// campaign input, or their results; without it, EIG3's.
    #[arg(long, value_parser = parse_promotion)]
    pub(crate) promotion: Option<Promotion>,
    /// Write the result to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    pub(crate) output: Option<PathBuf>,
}

#[derive(Debug, clap::Args)]
pub(crate) struct ServeArgs {
    /// The address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).
    #[arg(long, default_value = "127.0.0.1")]
    pub(crate) bind: std::net::IpAddr,
    /// The port to listen on (0: any free port, printed on standard error).
    #[arg(long, default_value_t = 8080)]
    pub(crate) port: u16,
    /// The largest request body accepted, in bytes.
    #[arg(long, value_name = "BYTES", default_value_t = 2 * 1024 * 1024)]
    pub(crate) body_limit: usize,
    /// The time a request may take, in seconds (reading its body, waiting, computing).
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    pub(crate) timeout: u64,
    /// How many requests are computed at once (the others wait within the timeout).
    #[arg(long, value_name = "N", default_value_t = 64)]
    pub(crate) concurrency: usize,
}

/// The JSON shapes the command reads or writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub(crate) enum Kind {
    /// A whole call (input of `eig run FILE`).
    Campaign,
    /// Dossiers and applications (input of `eig eligibility`).
    Eligibility,
    /// One dossier or application (input of `eig explain`).
    Explain,
    /// A promotion's défis, routes and talents (input of `eig funding`).
    Funding,
    /// Parameter overrides (input of `eig funding --scenario`).
    Scenario,
    /// A matching problem (input of `eig match`).
    Match,
    /// The result of `eig run --format json`.
    RunResult,
    /// The result of `eig eligibility --format json`.
    EligibilityResult,
    /// The result of `eig funding --format json` (a funding plan).
    FundingPlan,
    /// The result of `eig match --format json`.
    MatchResult,
    /// The result of `eig history --format json`.
    HistoryResult,
    /// A défi (eig-domain `Defi`).
    Defi,
    /// A candidate (eig-domain `Candidate`).
    Candidate,
    /// The sourced facts of a promotion (output of `eig history --format json`, per promotion).
    PromotionFacts,
    /// The figures table (output of `eig history --format json`).
    Figures,
    /// A file of rule tests (input of `eig test`).
    Case,
}

/// A promotion in any spelling people write: `EIG3`, `eig3`, `EIG 3`, `eig-3`, `DIG1`.
pub(crate) fn parse_promotion(text: &str) -> Result<Promotion, String> {
    let canonical: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-' && *c != '_')
        .flat_map(char::to_uppercase)
        .collect();
    canonical.parse().map_err(|err: eig_domain::PromotionError| err.to_string())
}
