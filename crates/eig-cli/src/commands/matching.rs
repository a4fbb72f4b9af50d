//! `eig match`: assigns talents to défis, verifies and explains the result.

use eig_matching::{Instance, LowerQuotas, MatchingInput, Options, Problem, Proposing, solve};
use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use crate::{
    cli::{Format, MatchArgs},
    error::CliError,
    input::{InputSource, parse},
    output,
};

/// What `eig match --format json` prints: the verified report and the explanations.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct MatchOutput {
    pub(crate) report: eig_matching::Report,
    pub(crate) explanations: eig_matching::Explanations,
}

/// Validates, solves (the solver verifies its result) and explains `input`.
pub(crate) fn compute(
    name: &str,
    input: &MatchingInput,
    options: &Options,
) -> Result<MatchOutput, CliError> {
    let unjudgeable = |message: String| CliError::Unjudgeable { input: name.to_owned(), message };
    let instance = Instance::new(input).map_err(|err| {
        // One problem a line, the first 4 shown: a long list would hide the first.
        let problems = err.problems();
        let mut lines: Vec<String> = problems
            .iter()
            .take(4)
            .map(|problem| match path_of(input, problem) {
                Some(path) => format!("  - à {path} : {problem}"),
                None => format!("  - {problem}"),
            })
            .collect();
        if problems.len() > 4 {
            lines.push(format!("  … et {} de plus", problems.len() - 4));
        }
        unjudgeable(format!(
            "{} à corriger dans l'entrée (`eig schema match` en donne la forme) :\n{}",
            if problems.len() == 1 {
                "1 problème".to_owned()
            } else {
                format!("{} problèmes", problems.len())
            },
            lines.join("\n")
        ))
    })?;
    let solution = solve(&instance, options).map_err(|err| unjudgeable(err.to_string()))?;
    Ok(MatchOutput { report: solution.report(), explanations: solution.explain() })
}

/// The JSON path of the record a problem is about: the first défi, candidate or ranking of
/// the input it names.
fn path_of(input: &MatchingInput, problem: &Problem) -> Option<String> {
    let defi = |id: &eig_domain::DefiId| {
        input.defis.iter().position(|d| &d.id == id).map(|i| format!("$.defis[{i}]"))
    };
    let candidate = |id: &eig_domain::CandidateId| {
        input.candidates.iter().position(|c| &c.id == id).map(|i| format!("$.candidates[{i}]"))
    };
    let ranking = |id: &eig_domain::DefiId, profile: eig_domain::TalentProfile| {
        input
            .rankings
            .iter()
            .position(|r| &r.defi == id && r.profile == profile)
            .map(|i| format!("$.rankings[{i}]"))
    };
    match problem {
        Problem::EmptyBounds { .. } => Some("$.limits".to_owned()),
        Problem::DuplicateDefi { defi: id } | Problem::SeatsOutsideBounds { defi: id, .. } => {
            defi(id)
        }
        Problem::DuplicateCandidate { candidate: id }
        | Problem::TooManyChoices { candidate: id, .. }
        | Problem::UnknownChoice { candidate: id, .. }
        | Problem::DuplicateChoice { candidate: id, .. } => candidate(id),
        Problem::RankingUnknownDefi { defi } => {
            input.rankings.iter().position(|r| &r.defi == defi).map(|i| format!("$.rankings[{i}]"))
        }
        Problem::RankingWithoutSeat { defi, profile }
        | Problem::DuplicateRanking { defi, profile }
        | Problem::RankingUnknownCandidate { defi, profile, .. }
        | Problem::RankingNotApplicant { defi, profile, .. }
        | Problem::RankingWrongProfile { defi, profile, .. }
        | Problem::RankedTwice { defi, profile, .. }
        | Problem::EmptyTieGroup { defi, profile }
        | Problem::OfferToApplicant { defi, profile, .. } => ranking(defi, *profile),
        _ => None,
    }
}

/// The stages of a run, shown on standard error when it is a terminal (indicatif hides the
/// bar otherwise, so pipes and files get nothing).
fn progress() -> ProgressBar {
    let bar = ProgressBar::new(4);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} [{bar:20}] {pos}/{len} {msg} ({elapsed})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

pub(crate) fn run(args: &MatchArgs) -> Result<(), CliError> {
    let bar = progress();
    let text = render(args, &bar);
    // Cleared on every path, before the result or an error message is printed.
    bar.finish_and_clear();
    output::emit(args.file.output.output.as_deref(), &text?)
}

/// Reads, solves and renders, advancing `bar` at each stage.
fn render(args: &MatchArgs, bar: &ProgressBar) -> Result<String, CliError> {
    let source = InputSource::from_arg(args.file.file.as_ref());
    let name = source.name();
    bar.set_message(format!("lecture de {name}"));
    let text = source.read()?;
    bar.inc(1);
    bar.set_message("analyse du JSON");
    let input: MatchingInput = parse(&name, &text)?;
    bar.inc(1);
    bar.set_message("validation, affectation, vérification, explications");
    let options = Options {
        proposing: if args.hosts_propose { Proposing::Hosts } else { Proposing::Candidates },
        lower_quotas: if args.exact {
            LowerQuotas::Exact { node_limit: args.node_limit }
        } else {
            LowerQuotas::Withdraw
        },
        seed: args.seed,
        offers: args.offers,
    };
    let result = compute(&name, &input, &options)?;
    bar.inc(1);
    bar.set_message("rendering");
    match args.file.output.format {
        Format::Json => output::json(&result),
        Format::Text => Ok(result.explanations.to_french()),
    }
}
