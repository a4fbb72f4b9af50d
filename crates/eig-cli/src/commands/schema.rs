//! `eig schema <kind>` and `eig example <kind>`.

use eig_matching::{GeneratorConfig, generate};
use schemars::schema_for;

use crate::{
    campaign::default_campaign,
    cli::{Kind, KindArgs},
    commands::eligibility::{EligibilityInput, ExplainInput},
    error::CliError,
    output,
};

pub(crate) fn schema(args: &KindArgs) -> Result<(), CliError> {
    let schema = match args.kind {
        Kind::Defi => schema_for!(eig_domain::Defi),
        Kind::Candidate => schema_for!(eig_domain::Candidate),
        Kind::PromotionFacts => schema_for!(eig_domain::PromotionFacts),
        Kind::Figures => schema_for!(Vec<eig_history::FiguresRow>),
        Kind::Campaign => {
            return Err(CliError::Unjudgeable {
                input: "campaign".into(),
                message: "PENDING".into(),
            });
        }
        Kind::Eligibility => schema_for!(EligibilityInput),
        Kind::Explain => schema_for!(ExplainInput),
        Kind::Funding => schema_for!(eig_funding::PromotionInput),
        Kind::Scenario => schema_for!(eig_funding::Scenario),
        Kind::Match => {
            return Err(CliError::Unjudgeable { input: "match".into(), message: "PENDING".into() });
        }
    };
    output::emit(args.output.as_deref(), &output::json(&schema)?)
}

/// The example of `kind`, always built from values the libraries accept.
pub(crate) fn example_text(kind: Kind) -> Result<String, CliError> {
    let campaign = default_campaign();
    match kind {
        Kind::Defi => output::json(&campaign.dossiers[0].dossier.defi),
        Kind::Candidate => output::json(&campaign.candidates[0].application.candidate),
        Kind::PromotionFacts => output::json(&eig_domain::Promotion::Eig3.facts()),
        Kind::Figures => output::json(&eig_history::History::embedded().all_figures()),
        Kind::Campaign => output::json(&campaign),
        Kind::Eligibility => {
            let input = EligibilityInput {
                dossiers: campaign
                    .dossiers
                    .iter()
                    .filter(|d| !d.synthetic)
                    .take(1)
                    .chain(campaign.dossiers.iter().filter(|d| d.synthetic).take(2))
                    .map(|d| d.dossier.clone())
                    .collect(),
                candidates: campaign
                    .candidates
                    .iter()
                    .take(2)
                    .map(|c| c.application.clone())
                    .collect(),
            };
            output::json(&input)
        }
        Kind::Explain => {
            let synthetic = campaign.dossiers.iter().find(|d| d.synthetic);
            let dossier = synthetic.unwrap_or(&campaign.dossiers[0]).dossier.clone();
            output::json(&ExplainInput::Dossier(dossier))
        }
        Kind::Funding => Ok(include_str!("../../data/funding.json").to_owned()),
        Kind::Scenario => Ok(include_str!("../../data/scenario.json").to_owned()),
        Kind::Match => output::json(&generate(&GeneratorConfig::eig_call(2018)).to_input()),
    }
}

pub(crate) fn example(args: &KindArgs) -> Result<(), CliError> {
    output::emit(args.output.as_deref(), &example_text(args.kind)?)
}
