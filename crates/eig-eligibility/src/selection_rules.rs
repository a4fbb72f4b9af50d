//! The rules that decide after the calls: the jury's grids for défis and for candidates, the
//! juries' grounds to withdraw a défi, the EIG7 recruitment cap (the *selection*), and the
//! terms that follow it: the EIG7 contract's dates and the termination of a funding
//! convention (the *terms*).
//!
//! Each is a rule like the dossier and candidate rules: a stable id, a French title, the
//! text and section, and the sentence modelled, verbatim. The functions that apply them take
//! their source from here ([`select_laureates`](crate::select_laureates)'s grid,
//! [`candidate_grid`](crate::candidate_grid), [`eig7_contract_terms`](crate::eig7_contract_terms),
//! [`convention_termination`](crate::convention_termination), the jury's withdrawals), so the
//! catalogue and the computation cite one table.

use eig_domain::Promotion;

use crate::rules::{
    Rule, RuleDefinition,
    selection::{selection, terms},
};

/// The selection rules of a promotion: the jury's grid for défis (and JURY4's scale,
/// ranking and opinion for EIG4; AAC6+ §3.5's grid for the EIG6+ call), the candidates'
/// grids, the grounds on which the jury may withdraw a défi, and EIG7's recruitment cap —
/// each with its sentence. Empty for a promotion whose texts state none (EIG1, DIG1).
///
/// They are applied by [`select_laureates`](crate::select_laureates),
/// [`rank_candidates`](crate::rank_candidates), `eig_campaign::run` (the jury's
/// withdrawals) and [`eig7_recruitment_cap`](crate::eig7_recruitment_cap).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::selection_rules;
///
/// let eig4 = selection_rules(Promotion::Eig4);
/// assert_eq!(eig4[0].id, "eig4.selection.grid");
/// assert_eq!(eig4[0].source.to_string(), "AAP4 §5.5");
/// assert!(eig4.iter().any(|rule| rule.id == "eig4.selection.withdrawal_commitment_not_kept"));
/// assert!(selection_rules(Promotion::Eig1).is_empty());
/// ```
pub fn selection_rules(promotion: Promotion) -> Vec<RuleDefinition> {
    selection(promotion).iter().map(Rule::definition).collect()
}

/// The terms that follow the selection and decide a date: the EIG7 contract's (REG7 §2.3,
/// §3.4 d) and the termination of EIG6's funding conventions (AAP6 and AAC6+ annexe 3
/// art. 8). Applied by [`eig7_contract_terms`](crate::eig7_contract_terms),
/// [`eig7_renewal_answer_by`](crate::eig7_renewal_answer_by) and
/// [`convention_termination`](crate::convention_termination).
///
/// # Example
/// ```
/// use eig_domain::Promotion;
/// use eig_eligibility::terms_rules;
///
/// let eig7 = terms_rules(Promotion::Eig7);
/// assert_eq!(eig7[0].id, "eig7.contract.duration");
/// assert!(eig7[0].quote.contains("d’une durée d’un an"));
/// assert_eq!(terms_rules(Promotion::Eig6).len(), 2);
/// ```
pub fn terms_rules(promotion: Promotion) -> Vec<RuleDefinition> {
    terms(promotion).iter().map(Rule::definition).collect()
}

/// The ids of [`selection_rules`] and [`terms_rules`] of a promotion, in that order.
///
/// # Example
/// ```
/// use eig_domain::Promotion;
///
/// let ids = eig_eligibility::selection_rule_ids(Promotion::Eig7);
/// assert!(ids.contains(&"eig7.selection.recruitment_cap"));
/// assert!(ids.contains(&"eig7.contract.probation"));
/// ```
pub fn selection_rule_ids(promotion: Promotion) -> Vec<&'static str> {
    selection(promotion).iter().chain(terms(promotion)).map(|rule| rule.id).collect()
}
