//! `eig history`: the official figures table from the embedded history.

use std::fmt::Write as _;

use eig_history::{History, render_figures_table};
use serde::Serialize;

use crate::{
    cli::{Format, HistoryArgs},
    error::CliError,
    output,
};

#[derive(Serialize)]
struct HistoryOutput<'a> {
    figures: Vec<eig_history::FiguresRow>,
    #[serde(skip_serializing_if = "Option::is_none")]
    facts: Option<eig_domain::PromotionFacts>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    defis: Vec<&'a eig_history::DefiRecord>,
}

pub(crate) fn run(args: &HistoryArgs) -> Result<(), CliError> {
    let history = History::embedded();
    let figures: Vec<_> = match args.promotion {
        Some(promotion) => vec![history.figures(promotion)],
        None => history.all_figures(),
    };
    let defis: Vec<_> = args.promotion.map(|p| history.defis_of(p).collect()).unwrap_or_default();
    let text = match args.output.format {
        Format::Json => output::json(&HistoryOutput {
            figures,
            facts: args.promotion.map(eig_domain::Promotion::facts),
            defis,
        })?,
        Format::Text => {
            let mut text = String::new();
            let _ = writeln!(
                text,
                "EIG programme — défis and talents per promotion ({} défi records embedded)\n",
                history.defis().len()
            );
            text.push_str(&render_figures_table(&figures));
            if !defis.is_empty() {
                let _ =
                    writeln!(text, "\n{:<32} {:>7}  {:<40}  host", "défi", "talents", "profiles");
                for record in &defis {
                    let profiles: Vec<String> = record
                        .profiles
                        .iter()
                        .map(|p| {
                            serde_json::to_value(p)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_owned))
                                .unwrap_or_default()
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
                "\n\"data\": counted in the embedded records; \"official\": as the cited source states it.\n",
            );
            text
        }
    };
    output::emit(args.output.output.as_deref(), &text)
}
