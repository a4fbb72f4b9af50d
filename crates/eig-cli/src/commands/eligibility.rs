//! `eig eligibility` and `eig explain`: the operations `decideEligibility` and
//! `explainDecision` of eig-api, with the command's streaming of a large batch.

use std::{cell::RefCell, fmt::Write as _};

use eig_api::{EligibilityInput, ExplainInput, Judged, candidates_judged, dossiers_judged};
use serde::Serialize;

use crate::{
    cli::{EligibilityArgs, ExplainArgs, Format},
    error::{CliError, not_all_judged},
    input::read_json,
    output,
};

/// The results of `records`, lazily; the line naming each one not judged is added to
/// `not_judged`.
fn noted<'a>(
    results: impl Iterator<Item = (Judged, Option<String>)> + 'a,
    not_judged: &'a RefCell<Vec<String>>,
) -> impl Iterator<Item = Judged> + 'a {
    results.map(move |(judged, line)| {
        not_judged.borrow_mut().extend(line);
        judged
    })
}

/// An `EligibilityOutput` serialized while its records are decided, a chunk at a time.
struct Streamed<'a> {
    input: &'a EligibilityInput,
    not_judged: &'a RefCell<Vec<String>>,
    /// Whether each decision keeps its trace.
    traced: bool,
}

/// A sequence serialized from an iterator, once.
struct Lazy<I>(RefCell<Option<I>>);

impl<I: Iterator<Item = Judged>> Serialize for Lazy<I> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.borrow_mut().take().into_iter().flatten())
    }
}

impl Serialize for Streamed<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        // The fields of `eig_api::EligibilityOutput`, in its order.
        let mut output = serializer.serialize_struct("EligibilityOutput", 2)?;
        let traced = self.traced;
        let shown = move |judged: Judged| if traced { judged } else { judged.brief() };
        let dossiers = noted(dossiers_judged(&self.input.dossiers), self.not_judged).map(shown);
        output.serialize_field("dossiers", &Lazy(RefCell::new(Some(dossiers))))?;
        let candidates =
            noted(candidates_judged(&self.input.candidates), self.not_judged).map(shown);
        output.serialize_field("candidates", &Lazy(RefCell::new(Some(candidates))))?;
        output.end()
    }
}

pub(crate) fn eligibility(args: &EligibilityArgs) -> Result<(), CliError> {
    let EligibilityArgs { file: args, trace } = args;
    let (name, input): (String, EligibilityInput) = read_json(args.file.as_ref(), "eligibility")?;
    let not_judged = RefCell::new(Vec::new());
    match args.output.format {
        Format::Json => {
            let traced = trace.applies(input.dossiers.len() + input.candidates.len());
            let streamed = Streamed { input: &input, not_judged: &not_judged, traced };
            output::write_json(args.output.output.as_deref(), &streamed, args.output.pretty)?;
        }
        Format::Text => {
            let mut text = String::new();
            let judged = noted(dossiers_judged(&input.dossiers), &not_judged)
                .chain(noted(candidates_judged(&input.candidates), &not_judged));
            for judged in judged {
                let _ = writeln!(text, "{}", eig_api::french::judged_line(&judged));
            }
            output::emit(args.output.output.as_deref(), &text)?;
        }
    }
    // The process ends here: its memory goes back to the system at once, without freeing
    // each dossier one by one.
    std::mem::forget(input);
    not_all_judged(&name, &not_judged.into_inner()).map_or(Ok(()), Err)
}

pub(crate) fn explain(args: &ExplainArgs) -> Result<(), CliError> {
    let (name, input): (String, ExplainInput) = read_json(args.file.as_ref(), "explain")?;
    let explained = eig_api::explain_decision(&input).map_err(|err| CliError::api(&name, err))?;
    match args.output.format {
        Format::Json => output::write_json(
            args.output.output.as_deref(),
            &explained.decision,
            args.output.pretty,
        ),
        Format::Text => output::emit(args.output.output.as_deref(), &explained.explanation),
    }
}
