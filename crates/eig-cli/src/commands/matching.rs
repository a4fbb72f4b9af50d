//! `eig match`: assigns talents to défis, verifies and explains the result.

use eig_api::MatchOutput;
use eig_matching::{CompactInput, Instance, LowerQuotas, MatchingInput, Options, Proposing};
use indicatif::{ProgressBar, ProgressStyle};

use crate::{
    cli::{Format, MatchArgs},
    error::CliError,
    input::{InputSource, parse},
    output,
};

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
    let result = compute_from_input(args, &bar);
    // Cleared on every path, before the result or an error message is printed.
    bar.finish_and_clear();
    let result = result?;
    let output = args.file.output.output.as_deref();
    let written = match args.file.output.format {
        Format::Json => output::write_json(output, &result, args.file.output.pretty),
        Format::Text => output::emit(output, &eig_api::french::matching(&result)),
    };
    // The process ends here: its memory goes back to the system at once, without freeing
    // each of the result's strings first.
    std::mem::forget(result);
    written
}

/// Reads, validates and solves, advancing `bar` at each stage.
fn compute_from_input(args: &MatchArgs, bar: &ProgressBar) -> Result<MatchOutput, CliError> {
    let source = InputSource::from_arg(args.file.file.as_ref());
    let name = source.name();
    bar.set_message(format!("lecture de {name}"));
    let text = source.read()?;
    bar.inc(1);
    bar.set_message("analyse du JSON");
    // A valid input is read straight into its compact form (ids turned into indices as they
    // are read); only an input that form refuses is read again as a `MatchingInput`, whose
    // reading says what is wrong and where (and which converts, should it accept it).
    let compact = match read_compact(&text) {
        Some(compact) => compact,
        None => CompactInput::from(&parse::<MatchingInput>(&name, "match", &text)?),
    };
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
    let explain = args.explain.applies(compact.candidate_count());
    let instance = match Instance::from_compact(&compact) {
        Ok(instance) => instance,
        // The problems are located in the input as written: read again, only to say where.
        Err(err) => {
            let input = parse::<MatchingInput>(&name, "match", &text)?;
            return Err(CliError::api(&name, eig_api::matching_problems(&err, &input)));
        }
    };
    drop(text);
    // The validated problem holds what the solver needs. The compact input is not freed list
    // by list: the process's end returns it at once.
    std::mem::forget(compact);
    let result = eig_api::solve_and_report(&instance, &options, explain)
        .map_err(|err| CliError::api(&name, err))?;
    bar.inc(1);
    Ok(result)
}

/// `text` read straight into a compact problem when it is a valid one (nothing may follow the
/// document). The compact reading refuses an array for an object by itself, at every depth,
/// so it needs no strict wrapper.
fn read_compact(text: &str) -> Option<CompactInput> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let compact = serde::Deserialize::deserialize(&mut deserializer).ok()?;
    deserializer.end().ok()?;
    Some(compact)
}
