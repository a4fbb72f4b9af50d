//! `eig schema <kind>` and `eig example <kind>`.

use eig_matching::{GeneratorConfig, generate};
use schemars::schema_for;

use eig_campaign::{Campaign, default_campaign};
use eig_domain::Promotion;

use crate::{
    cli::{Kind, KindArgs},
    commands::eligibility::{EligibilityInput, ExplainInput},
    error::CliError,
    output,
};

pub(crate) fn schema(args: &KindArgs) -> Result<(), CliError> {
    if args.promotion.is_some() {
        return Err(CliError::Usage {
            message: "un schéma est le même pour toutes les promotions : retirez --promotion"
                .to_owned(),
        });
    }
    output::emit(args.output.as_deref(), &output::json(&schema_of(args.kind))?)
}

/// The JSON Schema of `kind`.
pub(crate) fn schema_of(kind: Kind) -> schemars::Schema {
    match kind {
        Kind::Defi => schema_for!(eig_domain::Defi),
        Kind::Candidate => schema_for!(eig_domain::Candidate),
        Kind::PromotionFacts => schema_for!(eig_domain::PromotionFacts),
        Kind::Figures => schema_for!(Vec<eig_history::FiguresRow>),
        Kind::Campaign => schema_for!(Campaign),
        Kind::Eligibility => schema_for!(EligibilityInput),
        Kind::Explain => schema_for!(ExplainInput),
        Kind::Funding => schema_for!(eig_funding::PromotionInput),
        Kind::Scenario => schema_for!(eig_funding::Scenario),
        Kind::Match => schema_for!(eig_matching::MatchingInput),
        Kind::RunResult => schema_for!(eig_campaign::CampaignResult),
        Kind::EligibilityResult => schema_for!(crate::commands::eligibility::EligibilityOutput),
        Kind::FundingPlan => schema_for!(eig_funding::PromotionPlan),
        Kind::MatchResult => schema_for!(crate::commands::matching::MatchOutput),
        Kind::HistoryResult => schema_for!(crate::commands::history::HistoryOutput),
        Kind::Case => schema_for!(eig_cases::CaseFile),
    }
}

/// The example input of `eig funding`.
const FUNDING_EXAMPLE: &str = include_str!("../../data/funding.json");

/// The example input of `eig eligibility`: a real dossier, two synthetic ones, two
/// applications of the default campaign.
fn eligibility_example(campaign: &Campaign) -> EligibilityInput {
    let real = campaign.dossiers.iter().filter(|d| !d.synthetic).take(1);
    let synthetic = campaign.dossiers.iter().filter(|d| d.synthetic).take(2);
    EligibilityInput {
        dossiers: real.chain(synthetic).map(|d| d.dossier.clone()).collect(),
        candidates: campaign.candidates.iter().take(2).map(|c| c.application.clone()).collect(),
    }
}

/// The example of `kind`, always built from values the libraries accept.
pub(crate) fn example_text(kind: Kind) -> Result<String, CliError> {
    let campaign = default_campaign();
    match kind {
        Kind::Defi => output::json(&campaign.dossiers[0].dossier.defi),
        Kind::Candidate => output::json(&campaign.candidates[0].application.candidate),
        Kind::PromotionFacts => output::json(&Promotion::Eig3.facts()),
        Kind::Figures => output::json(&eig_history::History::embedded().all_figures()),
        Kind::Campaign => output::json(&campaign),
        Kind::Eligibility => output::json(&eligibility_example(&campaign)),
        Kind::Explain => {
            let synthetic = campaign.dossiers.iter().find(|d| d.synthetic);
            let dossier = synthetic.unwrap_or(&campaign.dossiers[0]).dossier.clone();
            output::json(&ExplainInput::Dossier(dossier))
        }
        Kind::Funding => Ok(FUNDING_EXAMPLE.to_owned()),
        Kind::Scenario => Ok(include_str!("../../data/scenario.json").to_owned()),
        Kind::Match => output::json(&generate(&GeneratorConfig::eig_call(2018)).to_input()),
        // Outputs: what the command prints on its example input.
        Kind::RunResult => {
            let result = eig_campaign::run(&campaign).map_err(|err| CliError::Unjudgeable {
                input: "the default campaign".to_owned(),
                message: err.to_string(),
            })?;
            output::json(&result)
        }
        Kind::EligibilityResult => output::json(
            &crate::commands::eligibility::judge_all(&eligibility_example(&campaign)).0,
        ),
        Kind::FundingPlan => {
            let input: eig_funding::PromotionInput =
                crate::input::parse("example", FUNDING_EXAMPLE)?;
            let plan = eig_funding::plan_promotion(&input, &eig_funding::Scenario::default())
                .map_err(|err| CliError::Unjudgeable {
                    input: "example".into(),
                    message: err.to_string(),
                })?;
            output::json(&plan)
        }
        Kind::MatchResult => {
            let input = generate(&GeneratorConfig::eig_call(2018)).to_input();
            output::json(&crate::commands::matching::compute(
                "example",
                &input,
                &eig_matching::Options::default(),
                true,
            )?)
        }
        Kind::HistoryResult => output::json(&crate::commands::history::history_output(None)),
        Kind::Case => Ok(include_str!("../../data/case.json").to_owned()),
    }
}

/// The example of `kind` for `promotion`, from eig-testkit's fixtures (complete, valid and,
/// for inputs, eligible).
pub(crate) fn promotion_example(kind: Kind, promotion: Promotion) -> Result<String, CliError> {
    use eig_testkit::fixtures;
    let fixture = |err: eig_testkit::FixtureError| CliError::Usage {
        message: format!(
            "--promotion {promotion} : {err} : choisissez une autre promotion, ou une autre forme"
        ),
    };
    let eligibility = || -> Result<EligibilityInput, CliError> {
        Ok(EligibilityInput {
            dossiers: vec![fixtures::dossier(promotion).map_err(fixture)?],
            candidates: vec![fixtures::application(promotion).map_err(fixture)?],
        })
    };
    let unjudgeable = |message: String| CliError::Unjudgeable {
        input: format!("l'exemple de {promotion}"),
        message,
    };
    match kind {
        Kind::Defi => output::json(&fixtures::dossier(promotion).map_err(fixture)?.defi),
        Kind::Candidate => {
            output::json(&fixtures::application(promotion).map_err(fixture)?.candidate)
        }
        Kind::PromotionFacts => output::json(&promotion.facts()),
        Kind::Eligibility => output::json(&eligibility()?),
        Kind::EligibilityResult => {
            output::json(&crate::commands::eligibility::judge_all(&eligibility()?).0)
        }
        Kind::Explain => {
            output::json(&ExplainInput::Dossier(fixtures::dossier(promotion).map_err(fixture)?))
        }
        Kind::Funding => output::json(&fixtures::promotion_input(promotion).map_err(fixture)?),
        Kind::FundingPlan => {
            let input = fixtures::promotion_input(promotion).map_err(fixture)?;
            let plan = eig_funding::plan_promotion(&input, &eig_funding::Scenario::default())
                .map_err(|err| unjudgeable(err.to_string()))?;
            output::json(&plan)
        }
        Kind::Match => output::json(&fixtures::matching(promotion).map_err(fixture)?),
        Kind::MatchResult => {
            let input = fixtures::matching(promotion).map_err(fixture)?;
            let options = eig_matching::Options::default();
            output::json(&crate::commands::matching::compute("example", &input, &options, true)?)
        }
        Kind::Campaign => output::json(&fixtures::campaign(promotion).map_err(fixture)?),
        Kind::RunResult => {
            let campaign = fixtures::campaign(promotion).map_err(fixture)?;
            let result =
                eig_campaign::run(&campaign).map_err(|err| unjudgeable(err.to_string()))?;
            output::json(&result)
        }
        Kind::Scenario | Kind::HistoryResult | Kind::Figures | Kind::Case => Err(CliError::Usage {
            message: format!(
                "l'exemple {} est le même pour toutes les promotions : retirez --promotion",
                kind_name(kind)
            ),
        }),
    }
}

fn kind_name(kind: Kind) -> String {
    clap::ValueEnum::to_possible_value(&kind).map_or_else(String::new, |v| v.get_name().to_owned())
}

pub(crate) fn example(args: &KindArgs) -> Result<(), CliError> {
    let text = match args.promotion {
        Some(promotion) => promotion_example(args.kind, promotion)?,
        None => example_text(args.kind)?,
    };
    output::emit(args.output.as_deref(), &text)
}
