//! Every rule the crate defines, whichever promotion or call it belongs to: the promotions'
//! rule sets, AMI 5 bis's and the EIG6+ prolongations', the selection rules and the terms
//! that follow, as data.

use eig_domain::Promotion;

use crate::{
    prolongation::prolongation_rules,
    rules::{RuleDefinition, eig5bis_rules, rule_set},
    selection_rules::{selection_rules, terms_rules},
};

/// Every rule the crate defines: AMI 5 bis's, the EIG6+ prolongations', then each promotion's
/// dossier and candidate rules, selection rules and terms, in that order (a rule id appears
/// once).
///
/// # Example
/// ```
/// let rules = eig_eligibility::rule_definitions();
/// assert!(rules.iter().any(|rule| rule.id == "eig3.host.funding_route"));
/// assert!(rules.iter().any(|rule| rule.id == "eig6plus.request.deadline"));
/// assert!(rules.iter().any(|rule| rule.id == "eig4.selection.grid"));
/// ```
pub fn rule_definitions() -> Vec<RuleDefinition> {
    let mut definitions = eig5bis_rules();
    definitions.extend(prolongation_rules());
    for promotion in Promotion::ALL {
        if let Ok(rules) = rule_set(promotion) {
            definitions.extend(rules.dossier_rules());
            definitions.extend(rules.candidate_rules());
        }
        definitions.extend(selection_rules(promotion));
        definitions.extend(terms_rules(promotion));
    }
    definitions
}

/// The definition of the rule `id`, whichever promotion or call it belongs to.
///
/// # Example
/// ```
/// let rule = eig_eligibility::rule_definition("eig3.defi.team_size").unwrap();
/// assert_eq!(rule.source.to_string(), "AAP3 §2.2");
/// assert!(eig_eligibility::rule_definition("funding.no_such_rule").is_none());
/// ```
pub fn rule_definition(id: &str) -> Option<RuleDefinition> {
    rule_definitions().into_iter().find(|rule| rule.id == id)
}
