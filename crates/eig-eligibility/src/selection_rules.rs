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

use crate::{
    Fact, ScoringGrid, ScoringPhase,
    rules::{
        Rule, RuleDefinition,
        selection::{self as rules, selection, terms},
    },
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
    selection(promotion).iter().map(definition).collect()
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
    terms(promotion).iter().map(definition).collect()
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

/// The definition of a rule, with the parameters of a selection rule or a term attached: they
/// record no trace, and are read from what the functions that apply the rule read (the grids
/// of `rule_set(p).scoring_grid()` and `candidate_grid`, the constants of `eig7_terms` and
/// `convention_terms`), so that the catalogue shows what the computation applies. Any other
/// rule's definition is its own.
pub(crate) fn definition(rule: &Rule) -> RuleDefinition {
    let mut definition = rule.definition();
    if let Some((_, declared)) = PARAMETERS.iter().find(|(id, _)| *id == rule.id) {
        definition.parameters = declared();
    }
    definition
}

/// How a rule's parameters are built.
type Declared = fn() -> Vec<Fact>;

/// The parameters of each selection rule and term, by its id.
const PARAMETERS: &[(&str, Declared)] = &[
    (rules::EIG4_RANKING.id, ranking),
    (rules::EIG4_OPINION.id, opinion),
    (rules::EIG3_GRID.id, || defi_grid(Promotion::Eig3)),
    (rules::EIG4_GRID.id, || defi_grid(Promotion::Eig4)),
    (rules::EIG4_SCALE.id, || {
        grid_parameters(
            crate::rules::rule_set(Promotion::Eig4).and_then(crate::RuleSet::scoring_grid).ok(),
        )
        .into_iter()
        .filter(|fact| fact.name == "scale")
        .collect()
    }),
    (rules::EIG5_GRID.id, || defi_grid(Promotion::Eig5)),
    (rules::EIG6_GRID.id, || defi_grid(Promotion::Eig6)),
    (rules::EIG6PLUS_GRID.id, || grid_parameters(Some(crate::prolongation::selection_grid()))),
    (rules::EIG7_GRID.id, || defi_grid(Promotion::Eig7)),
    (rules::EIG4_CANDIDATE_GRID.id, || {
        candidate_parameters(Promotion::Eig4, &[ScoringPhase::Interview])
    }),
    (rules::EIG5_CANDIDATE_GRID.id, || {
        candidate_parameters(Promotion::Eig5, &[ScoringPhase::Interview])
    }),
    (rules::EIG6_CANDIDATE_GRID.id, || {
        candidate_parameters(
            Promotion::Eig6,
            &[ScoringPhase::PreSelection, ScoringPhase::Interview],
        )
    }),
    (rules::EIG5BIS_SAME_GRID.id, || {
        candidate_parameters(Promotion::Eig6, &[ScoringPhase::Interview])
    }),
    (rules::EIG7_CANDIDATE_GRID.id, || {
        candidate_parameters(Promotion::Eig7, &[ScoringPhase::PreSelection])
    }),
    (rules::EIG7_INTERVIEW_GRID.id, || {
        candidate_parameters(Promotion::Eig7, &[ScoringPhase::Interview])
    }),
    // A ground of withdrawal has no parameter: its title names the ground.
    (rules::EIG2_WITHDRAWAL_INSUFFICIENT.id, Vec::new),
    (rules::EIG3_WITHDRAWAL_NO_SOLUTION.id, Vec::new),
    (rules::EIG4_WITHDRAWAL_NO_SOLUTION.id, Vec::new),
    (rules::EIG5_WITHDRAWAL_NO_SOLUTION.id, Vec::new),
    (rules::EIG6_WITHDRAWAL_NO_SOLUTION.id, Vec::new),
    (rules::EIG4_WITHDRAWAL_NOT_KEPT.id, Vec::new),
    (rules::EIG5_WITHDRAWAL_NOT_KEPT.id, Vec::new),
    (rules::EIG6_WITHDRAWAL_NOT_KEPT.id, Vec::new),
    (rules::EIG7_RECRUITMENT_CAP.id, || {
        vec![
            Fact::new("recruitment_cap", u64::from(crate::eig7_terms::CAP)),
            Fact::new("cap_year", crate::eig7_terms::CAP_YEAR.to_string()),
        ]
    }),
    (rules::EIG7_CONTRACT.id, || {
        vec![Fact::new("months", u64::from(crate::eig7_terms::CONTRACT_MONTHS))]
    }),
    (rules::EIG7_RENEWAL_NOTICE.id, || {
        vec![Fact::new("months_before_end", u64::from(crate::eig7_terms::RENEWAL_NOTICE_MONTHS))]
    }),
    (rules::EIG7_RENEWAL_ANSWER.id, || {
        vec![
            Fact::new("days", crate::eig7_terms::RENEWAL_ANSWER_DAYS),
            Fact::new(
                "counted_from",
                "le lendemain de la réception de l'avis : le dernier jour est le 8e jour après la réception",
            ),
        ]
    }),
    (rules::EIG7_PROBATION.id, || {
        vec![
            Fact::new("months", u64::from(crate::eig7_terms::PROBATION_MONTHS)),
            Fact::new("days_before_end", crate::eig7_terms::INTERRUPTION_NOTICE_DAYS),
        ]
    }),
    (rules::EIG6_CONVENTION_TERMINATION.id, || {
        vec![Fact::new("notice_months", u64::from(crate::convention_terms::NOTICE_MONTHS))]
    }),
    (rules::EIG6PLUS_CONVENTION_TERMINATION.id, || {
        vec![Fact::new("notice_months", u64::from(crate::convention_terms::NOTICE_MONTHS))]
    }),
];

/// A défi grid's parameters: its number of criteria, its scale (the published one, or the
/// caller's when the texts give none) and its weights.
fn grid_parameters(grid: Option<ScoringGrid>) -> Vec<Fact> {
    let Some(grid) = grid else { return Vec::new() };
    let scale = match grid.scale {
        Some(scale) => {
            format!("de {} à {}, selon {}", scale.value.min, scale.value.max, scale.source)
        }
        None => "fourni avec la feuille du jury : le texte n'en donne pas".to_owned(),
    };
    let weights = if grid.equal_weights_stated {
        "égaux, comme le texte le dit"
    } else {
        "égaux : le texte n'en donne pas (lecture retenue)"
    };
    vec![
        Fact::new("criteria", grid.criteria.len() as u64),
        Fact::new("scale", scale),
        Fact::new("weights", weights),
    ]
}

/// The défi grid of a promotion's call for défis.
fn defi_grid(promotion: Promotion) -> Vec<Fact> {
    grid_parameters(crate::rules::rule_set(promotion).and_then(crate::RuleSet::scoring_grid).ok())
}

/// A candidate grid's parameters, for each phase the promotion marks.
fn candidate_parameters(promotion: Promotion, phases: &[ScoringPhase]) -> Vec<Fact> {
    let grids: Vec<_> =
        phases.iter().filter_map(|phase| crate::candidate_grid(promotion, *phase).ok()).collect();
    let Some(first) = grids.first() else { return Vec::new() };
    let criteria: Vec<String> = grids
        .iter()
        .map(|grid| format!("{} : {}", grid.phase.french(), grid.criteria.len()))
        .collect();
    let aggregation = |grid: &crate::CandidateGrid| match grid.aggregation {
        crate::Aggregation::Sum => "somme des notes",
        crate::Aggregation::Mean => "moyenne des notes",
    };
    let scale = |grid: &crate::CandidateGrid| format!("de {} à {}", grid.scale.min, grid.scale.max);
    // One value when every phase has it, else each phase's.
    let per_phase = |value: &dyn Fn(&crate::CandidateGrid) -> String| {
        if grids.iter().all(|grid| value(grid) == value(first)) {
            value(first)
        } else {
            let each: Vec<String> = grids
                .iter()
                .map(|grid| format!("{} : {}", grid.phase.french(), value(grid)))
                .collect();
            each.join(" ; ")
        }
    };
    vec![
        Fact::new("criteria_by_phase", criteria.join(" ; ")),
        Fact::new("scale", per_phase(&scale)),
        Fact::new("aggregation", per_phase(&|grid| aggregation(grid).to_owned())),
    ]
}

/// The ranking's default order and the other the caller may choose (`JurySheet::tie_break`).
fn ranking() -> Vec<Fact> {
    let order = |tie_break| match tie_break {
        crate::TieBreak::TotalFirst => {
            "le total sur la grille commune, puis le rang du jury, puis les critères dans \
             l'ordre de la grille, puis l'identifiant du défi (lecture retenue, l'inverse de \
             l'ordre du guide du jury)"
        }
        crate::TieBreak::RankingFirst => {
            "le rang du jury, puis le total, puis les critères, puis l'identifiant du défi"
        }
    };
    vec![
        Fact::new("default_order", order(crate::TieBreak::default())),
        Fact::new("other_order", order(crate::TieBreak::RankingFirst)),
    ]
}

/// What an unfavourable opinion does by default, and the other effect the caller may choose
/// (`JurySheet::unfavourable_opinion`).
fn opinion() -> Vec<Fact> {
    let effect = |opinion| match opinion {
        crate::UnfavourableOpinion::Informs => "il informe ; l'ordre de sélection retenu décide",
        crate::UnfavourableOpinion::Excludes => "il écarte le défi, sa place va au suivant",
    };
    vec![
        Fact::new("default_effect", effect(crate::UnfavourableOpinion::default())),
        Fact::new("other_effect", effect(crate::UnfavourableOpinion::Excludes)),
    ]
}

#[cfg(test)]
mod tests {
    use eig_domain::Promotion;

    /// Every selection rule and term declares its parameters, once: a new rule without an
    /// entry in `PARAMETERS` fails here.
    #[test]
    fn every_selection_rule_declares_its_parameters() {
        let ids: Vec<&str> =
            Promotion::ALL.into_iter().flat_map(super::selection_rule_ids).collect();
        for id in &ids {
            let entries = super::PARAMETERS.iter().filter(|(named, _)| named == id).count();
            assert_eq!(entries, 1, "{id}: {entries} entries of parameters");
        }
        assert_eq!(super::PARAMETERS.len(), ids.len());
    }
}
