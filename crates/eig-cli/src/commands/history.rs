//! `eig history`: the official figures table from the embedded history.

use std::fmt::Write as _;

use eig_history::{History, render_figures_table};
use serde::Serialize;

use crate::{
    cli::{Format, HistoryArgs},
    error::CliError,
    output,
};

/// What `eig history --format json` prints.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub(crate) struct HistoryOutput {
    /// The figures of every promotion, or of the one asked for.
    figures: Vec<eig_history::FiguresRow>,
    /// The sourced facts of the promotion asked for (`null` without --promotion).
    facts: Option<eig_domain::PromotionFacts>,
    /// The défi records of the promotion asked for (empty without --promotion).
    defis: Vec<eig_history::DefiRecord>,
}

/// The JSON result of `eig history [--promotion P]`.
pub(crate) fn history_output(promotion: Option<eig_domain::Promotion>) -> HistoryOutput {
    let history = History::embedded();
    HistoryOutput {
        figures: match promotion {
            Some(promotion) => vec![history.figures(promotion)],
            None => history.all_figures(),
        },
        facts: promotion.map(eig_domain::Promotion::facts),
        defis: promotion.map(|p| history.defis_of(p).cloned().collect()).unwrap_or_default(),
    }
}

pub(crate) fn run(args: &HistoryArgs) -> Result<(), CliError> {
    let result = history_output(args.promotion);
    let text = match args.output.format {
        Format::Json => {
            return output::write_json(args.output.output.as_deref(), &result, args.output.pretty);
        }
        Format::Text => {
            let mut text = String::new();
            let _ = writeln!(
                text,
                "Programme EIG — défis et talents par promotion ({} fiches de défis embarquées)\n",
                History::embedded().defis().len()
            );
            text.push_str(&render_figures_table(&result.figures));
            if !result.defis.is_empty() {
                let _ = writeln!(
                    text,
                    "\n{:<32} {:>7}  {:<40}  administration d'accueil",
                    "défi", "talents", "profils"
                );
                for record in &result.defis {
                    let profiles: Vec<String> = record
                        .profiles
                        .iter()
                        .map(|p| {
                            let names: Vec<&str> = p
                                .talent_profiles()
                                .into_iter()
                                .map(eig_domain::TalentProfile::french)
                                .collect();
                            names.join(" + ")
                        })
                        .collect();
                    let _ = writeln!(
                        text,
                        "{:<32} {:>7}  {:<40}  {}",
                        record.title.as_str(),
                        record.talents,
                        profiles.join(", "),
                        record.host_administration
                    );
                }
            }
            text.push_str(
                "\n« fiches » : compté dans les fiches embarquées ; « officiel » : tel que la source citée \
                 le donne (déduit : calculé à partir de deux sources ; site : les données du site \
                 du programme).\n",
            );
            text
        }
    };
    output::emit(args.output.output.as_deref(), &text)
}
