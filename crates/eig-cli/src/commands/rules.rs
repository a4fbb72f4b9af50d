//! `eig rules`: the operations `listRules` and `diffRules` of eig-api, and the law ↔ code
//! pages written to a folder.

use std::collections::BTreeMap;

use crate::{
    cli::RulesArgs,
    commands::operation::{Call, run},
    error::CliError,
};

pub(crate) fn rules(args: &RulesArgs) -> Result<(), CliError> {
    if let Some(dir) = &args.html {
        return crate::commands::pages::write(dir);
    }
    let mut query = BTreeMap::new();
    let id = if let Some(sides) = &args.diff {
        for (name, value) in ["from", "to"].into_iter().zip(sides) {
            query.insert(name.to_owned(), value.clone());
        }
        "diffRules"
    } else {
        if let Some(promotion) = &args.promotion {
            query.insert("promotion".to_owned(), promotion.clone());
        }
        if let Some(on) = &args.on {
            query.insert("on".to_owned(), on.clone());
        }
        "listRules"
    };
    let op = eig_api::operation(id).ok_or_else(|| CliError::Usage {
        message: format!("l'opération {id} manque à la table (une erreur du programme)"),
    })?;
    let out = &args.output;
    run(&Call::new(op, query, out.format, out.output.clone(), out.pretty))
}
