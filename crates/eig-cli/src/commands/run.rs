//! `eig run`: a whole call, on the embedded default or on a campaign file, decided by
//! `eig-campaign`.

use std::io::Write as _;

use eig_campaign::{Campaign, Judgement, default_campaign};

use crate::{
    cli::{Format, RunArgs},
    error::{CliError, not_all_judged},
    input::read_json,
    output,
};

pub(crate) fn run(args: &RunArgs) -> Result<(), CliError> {
    if args.input.is_some() {
        let mut stderr = std::io::stderr().lock();
        let _ = writeln!(
            stderr,
            "remarque : `eig run --input FICHIER` est une ancienne écriture, qui disparaîtra : \
             écrivez `eig run FICHIER` (comme toutes les commandes lisent leur entrée)"
        );
    }
    let (name, campaign): (String, Campaign) = match args.file.as_ref().or(args.input.as_ref()) {
        Some(path) => read_json(Some(path), "campaign")?,
        None => ("la campagne par défaut intégrée".to_owned(), default_campaign()),
    };
    let result = eig_api::run_call(&campaign).map_err(|err| CliError::api(&name, err))?;
    match args.output.format {
        Format::Json => {
            output::write_json(args.output.output.as_deref(), &result, args.output.pretty)?;
        }
        Format::Text => {
            output::emit(
                args.output.output.as_deref(),
                &eig_api::french::campaign(&result, args.verbose),
            )?;
        }
    }
    // Each record not judged, with the JSON path of its place in the campaign.
    let mut records = Vec::new();
    for dossier in &result.dossiers {
        if let Judgement::NotJudged { error } = &dossier.judgement {
            let index = campaign.dossiers.iter().position(|d| d.dossier.defi.id == dossier.defi);
            let at = index.map_or_else(String::new, |i| format!("à $.dossiers[{i}] : "));
            records.push(format!("{at}dossier {} : {error}", dossier.defi));
        }
    }
    for candidate in &result.candidates {
        if let Judgement::NotJudged { error } = &candidate.judgement {
            let index = campaign
                .candidates
                .iter()
                .position(|c| c.application.candidate.id == candidate.candidate);
            let at = index.map_or_else(String::new, |i| format!("à $.candidates[{i}] : "));
            records.push(format!("{at}candidature {} : {error}", candidate.candidate));
        }
    }
    not_all_judged(&name, &records).map_or(Ok(()), Err)
}
