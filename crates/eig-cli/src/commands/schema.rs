//! `eig schema <kind>` and `eig example <kind>`.

use schemars::schema_for;

use crate::{
    cli::{Kind, KindArgs},
    error::CliError,
    output,
};

pub(crate) fn schema(args: &KindArgs) -> Result<(), CliError> {
    let schema = match args.kind {
        Kind::Defi => schema_for!(eig_domain::Defi),
        Kind::Candidate => schema_for!(eig_domain::Candidate),
        Kind::PromotionFacts => schema_for!(eig_domain::PromotionFacts),
        Kind::Figures => schema_for!(Vec<eig_history::FiguresRow>),
    };
    output::emit(args.output.as_deref(), &output::json(&schema)?)
}

pub(crate) fn example(args: &KindArgs) -> Result<(), CliError> {
    let text = match args.kind {
        Kind::Defi => EXAMPLE_DEFI.to_owned(),
        Kind::Candidate => EXAMPLE_CANDIDATE.to_owned(),
        Kind::PromotionFacts => output::json(&eig_domain::Promotion::Eig3.facts())?,
        Kind::Figures => output::json(&eig_history::History::embedded().all_figures())?,
    };
    output::emit(args.output.as_deref(), &text)
}

const EXAMPLE_DEFI: &str = include_str!("../../data/defi.json");
const EXAMPLE_CANDIDATE: &str = include_str!("../../data/candidate.json");
