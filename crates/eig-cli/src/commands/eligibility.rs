//! `eig eligibility` and `eig explain`.

use std::{cell::RefCell, fmt::Write as _};

use eig_eligibility::{
    CandidateApplication, Decision, DefiDossier, RecordError, evaluate_candidate,
    evaluate_candidates, evaluate_dossier, evaluate_dossiers, render_french,
};
use serde::{Deserialize, Serialize};

use crate::{
    cli::{EligibilityArgs, ExplainArgs, Format},
    error::{CliError, not_all_judged},
    input::read_json,
    output,
};

/// What `eig eligibility` reads: défi dossiers and candidate applications.
#[derive(Debug, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(crate) struct EligibilityInput {
    #[serde(default)]
    pub(crate) dossiers: Vec<DefiDossier>,
    #[serde(default)]
    pub(crate) candidates: Vec<CandidateApplication>,
}

/// What `eig explain` reads: one dossier or one application.
#[derive(Debug, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub(crate) enum ExplainInput {
    Dossier(DefiDossier),
    Candidate(CandidateApplication),
}

/// What `eig eligibility --format json` prints: one result per dossier and per application,
/// in input order — a decision, or why the record could not be judged.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct EligibilityOutput {
    dossiers: Vec<Judged>,
    candidates: Vec<Judged>,
}

/// One record's result: its decision, or the record and why it could not be judged (the
/// other records are decided).
#[derive(Debug, Serialize, schemars::JsonSchema)]
#[serde(untagged)]
#[expect(clippy::enum_variant_names, reason = "not judged is the record's state, as the text says")]
pub(crate) enum Judged {
    Decided(Decision),
    /// A decision without its trace (`eig eligibility --trace=never`, and by default above
    /// 5 000 records).
    Brief {
        /// The promotion whose rules decided.
        promotion: eig_domain::Promotion,
        /// The dossier or candidate.
        subject: eig_eligibility::Subject,
        /// The decision.
        outcome: eig_eligibility::Outcome,
    },
    NotJudged {
        /// The dossier or candidate.
        subject: eig_eligibility::Subject,
        /// Why it could not be judged.
        error: String,
    },
}

impl Judged {
    /// The same result without the decision's trace.
    fn brief(self) -> Judged {
        match self {
            Judged::Decided(Decision { promotion, subject, outcome, .. }) => {
                Judged::Brief { promotion, subject, outcome }
            }
            other => other,
        }
    }

    fn from(result: Result<Decision, RecordError>, path: &str) -> (Judged, Option<String>) {
        match result {
            Ok(decision) => (Judged::Decided(decision), None),
            Err(err) => {
                let line = format!("à {path}[{}] : {err}", err.index);
                (
                    Judged::NotJudged { subject: err.subject, error: err.error.to_string() },
                    Some(line),
                )
            }
        }
    }
}

/// A decision of the record at `path`, or the error naming the input and that path.
fn judge<T>(
    name: &str,
    path: &str,
    result: Result<T, eig_eligibility::EligibilityError>,
) -> Result<T, CliError> {
    result.map_err(|err| CliError::Invalid {
        input: name.to_owned(),
        path: path.to_owned(),
        message: err.to_string(),
    })
}

/// How many records are decided at a time: a large batch never holds all its decisions (each
/// carries its trace, several kilobytes).
const CHUNK: usize = 1024;

/// The result of each of `records`, in order, decided a chunk at a time by `evaluate`; the line
/// naming each record not judged (at its JSON path under `path`) is added to `not_judged`.
fn judged<'a, T>(
    records: &'a [T],
    evaluate: impl Fn(&'a [T]) -> Vec<Result<Decision, RecordError>> + 'a,
    path: &'a str,
    not_judged: &'a RefCell<Vec<String>>,
) -> impl Iterator<Item = Judged> + 'a {
    records.chunks(CHUNK).enumerate().flat_map(move |(chunk, records)| {
        evaluate(records).into_iter().map(move |mut result| {
            if let Err(err) = &mut result {
                // Its place in the whole batch, not in the chunk.
                err.index += chunk * CHUNK;
            }
            let (judged, line) = Judged::from(result, path);
            not_judged.borrow_mut().extend(line);
            judged
        })
    })
}

/// The results of the dossiers of `input`, then of its applications, lazily.
fn dossiers_judged<'a>(
    input: &'a EligibilityInput,
    not_judged: &'a RefCell<Vec<String>>,
) -> impl Iterator<Item = Judged> + 'a {
    judged(&input.dossiers, evaluate_dossiers, "$.dossiers", not_judged)
}

fn candidates_judged<'a>(
    input: &'a EligibilityInput,
    not_judged: &'a RefCell<Vec<String>>,
) -> impl Iterator<Item = Judged> + 'a {
    judged(&input.candidates, evaluate_candidates, "$.candidates", not_judged)
}

/// Judges every dossier and application of `input`: one result each, and the lines naming
/// those that could not be judged.
pub(crate) fn judge_all(input: &EligibilityInput) -> (EligibilityOutput, Vec<String>) {
    let not_judged = RefCell::new(Vec::new());
    let dossiers = dossiers_judged(input, &not_judged).collect();
    let candidates = candidates_judged(input, &not_judged).collect();
    (EligibilityOutput { dossiers, candidates }, not_judged.into_inner())
}

/// An [`EligibilityOutput`] serialized while its records are decided, a chunk at a time.
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
        // The fields of `EligibilityOutput`, in its order.
        let mut output = serializer.serialize_struct("EligibilityOutput", 2)?;
        let traced = self.traced;
        let shown = move |judged: Judged| if traced { judged } else { judged.brief() };
        let dossiers = dossiers_judged(self.input, self.not_judged).map(shown);
        output.serialize_field("dossiers", &Lazy(RefCell::new(Some(dossiers))))?;
        let candidates = candidates_judged(self.input, self.not_judged).map(shown);
        output.serialize_field("candidates", &Lazy(RefCell::new(Some(candidates))))?;
        output.end()
    }
}

pub(crate) fn eligibility(args: &EligibilityArgs) -> Result<(), CliError> {
    let EligibilityArgs { file: args, trace } = args;
    let (name, input): (String, EligibilityInput) = read_json(args.file.as_ref())?;
    let not_judged = RefCell::new(Vec::new());
    match args.output.format {
        Format::Json => {
            let traced = trace.applies(input.dossiers.len() + input.candidates.len());
            let streamed = Streamed { input: &input, not_judged: &not_judged, traced };
            output::write_json(args.output.output.as_deref(), &streamed, args.output.pretty)?;
        }
        Format::Text => {
            let mut text = String::new();
            let judged =
                dossiers_judged(&input, &not_judged).chain(candidates_judged(&input, &not_judged));
            for judged in judged {
                let line = match judged {
                    Judged::Decided(decision) => crate::report::decision_line(&decision),
                    Judged::Brief { subject, outcome, .. } => {
                        crate::report::outcome_line(&subject, &outcome)
                    }
                    Judged::NotJudged { subject, error } => {
                        format!("{} : non jugé — {error}", crate::report::subject(&subject))
                    }
                };
                let _ = writeln!(text, "{line}");
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
    let (name, input): (String, ExplainInput) = read_json(args.file.as_ref())?;
    let decision = match &input {
        ExplainInput::Dossier(dossier) => judge(&name, "$.dossier", evaluate_dossier(dossier))?,
        ExplainInput::Candidate(application) => {
            judge(&name, "$.candidate", evaluate_candidate(application))?
        }
    };
    let text = match args.output.format {
        Format::Json => {
            return output::write_json(
                args.output.output.as_deref(),
                &decision,
                args.output.pretty,
            );
        }
        Format::Text => render_french(&decision),
    };
    output::emit(args.output.output.as_deref(), &text)
}
