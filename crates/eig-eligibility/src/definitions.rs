//! Every rule the crate defines, whichever promotion or call it belongs to: the promotions'
//! rule sets, AMI 5 bis's and the EIG6+ prolongations', the selection rules and the terms
//! that follow, as data.

use eig_domain::Promotion;

use crate::rules::{
    Rule, RuleDefinition, RuleSet, eig5bis_static_rules, rule_set,
    selection::{selection, terms},
};

/// Every rule the crate defines, as constants, in the order of [`rule_definitions`]: a new
/// family of rules joins here, and both functions below list it.
fn every_rule() -> impl Iterator<Item = &'static Rule> {
    let promotions = Promotion::ALL.into_iter().flat_map(|promotion| {
        let calls = rule_set(promotion).into_iter().flat_map(RuleSet::rules);
        calls.chain(selection(promotion)).chain(terms(promotion))
    });
    eig5bis_static_rules().iter().chain(crate::prolongation::RULES).chain(promotions)
}

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
    every_rule().map(crate::selection_rules::definition).collect()
}

/// The definition of the rule `id`, whichever promotion or call it belongs to (only that
/// rule's definition is built).
///
/// # Example
/// ```
/// let rule = eig_eligibility::rule_definition("eig3.defi.team_size").unwrap();
/// assert_eq!(rule.source.to_string(), "AAP3 §2.2");
/// assert!(eig_eligibility::rule_definition("funding.no_such_rule").is_none());
/// ```
pub fn rule_definition(id: &str) -> Option<RuleDefinition> {
    every_rule().find(|rule| rule.id == id).map(crate::selection_rules::definition)
}
