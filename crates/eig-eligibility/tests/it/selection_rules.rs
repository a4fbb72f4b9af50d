//! The selection rules and the terms after it: every one cites its sentence, and the
//! parameters the catalogue shows for each are what the functions that apply it compute.

use chrono::NaiveDate;
use eig_domain::Promotion;
use eig_eligibility::{
    FundingConvention, RecruitmentCap, RuleDefinition, ScoringPhase, Value, candidate_grid,
    convention_termination, eig7_contract_terms, eig7_recruitment_cap, eig7_renewal_answer_by,
    rule_definition, rule_set, selection_rule_ids, selection_rules, terms_rules,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn rule(id: &str) -> RuleDefinition {
    rule_definition(id).unwrap_or_else(|| panic!("no rule {id}"))
}

/// The value of a rule's parameter `name`.
fn parameter(id: &str, name: &str) -> Value {
    let rule = rule(id);
    rule.parameters
        .iter()
        .find(|parameter| parameter.name == name)
        .unwrap_or_else(|| panic!("{id}: no parameter {name}"))
        .value
        .clone()
}

#[test]
fn every_promotion_lists_its_selection_rules_once_with_their_sentence() {
    for promotion in Promotion::ALL {
        let rules: Vec<RuleDefinition> =
            selection_rules(promotion).into_iter().chain(terms_rules(promotion)).collect();
        let ids: Vec<&str> = rules.iter().map(|rule| rule.id).collect();
        assert_eq!(ids, selection_rule_ids(promotion), "{promotion}");
        for rule in &rules {
            assert!(!rule.quote.is_empty() && !rule.title.is_empty(), "{}", rule.id);
            assert_eq!(rule_definition(rule.id).as_ref(), Some(rule), "{}", rule.id);
        }
    }
    // Every rule id is defined once, whatever its family.
    let ids: Vec<&str> = eig_eligibility::rule_definitions().iter().map(|rule| rule.id).collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "a rule id defined twice");
    // EIG1 and DIG1 state no selection; EIG2 only its ground of withdrawal.
    assert!(selection_rules(Promotion::Eig1).is_empty());
    assert_eq!(
        selection_rule_ids(Promotion::Eig2),
        ["eig2.selection.withdrawal_insufficient_candidates"]
    );
}

/// A défi grid's parameters are its grid's: as many criteria, JURY4's scale for EIG4 alone,
/// equal weights stated by AAP6 alone.
#[test]
fn the_defi_grids_parameters_are_the_grids() {
    for promotion in
        [Promotion::Eig3, Promotion::Eig4, Promotion::Eig5, Promotion::Eig6, Promotion::Eig7]
    {
        let grid = rule_set(promotion).unwrap().scoring_grid().unwrap();
        let id = format!("{}.selection.grid", promotion.code().to_lowercase());
        assert_eq!(parameter(&id, "criteria"), Value::Count(grid.criteria.len() as u64), "{id}");
        let Value::Text(scale) = parameter(&id, "scale") else { panic!("{id}: a scale in words") };
        assert_eq!(scale.starts_with("de 1 à 4"), promotion == Promotion::Eig4, "{id}: {scale}");
        let Value::Text(weights) = parameter(&id, "weights") else { panic!("{id}: weights") };
        assert_eq!(weights.contains("comme le texte le dit"), promotion == Promotion::Eig6, "{id}");
    }
}

/// A candidate grid's parameters are its grid's: criteria, scale and how the marks make a
/// total.
#[test]
fn the_candidate_grids_parameters_are_the_grids() {
    let cases = [
        ("eig4.selection.candidate_grid", Promotion::Eig4, ScoringPhase::Interview, "somme"),
        ("eig5.selection.candidate_grid", Promotion::Eig5, ScoringPhase::Interview, "somme"),
        ("eig6.selection.candidate_grid", Promotion::Eig6, ScoringPhase::Interview, "moyenne"),
        ("eig7.selection.candidate_grid", Promotion::Eig7, ScoringPhase::PreSelection, "moyenne"),
        ("eig7.selection.interview_grid", Promotion::Eig7, ScoringPhase::Interview, "moyenne"),
    ];
    for (id, promotion, phase, aggregation) in cases {
        let grid = candidate_grid(promotion, phase).unwrap();
        let scale = format!("de {} à {}", grid.scale.min, grid.scale.max);
        assert_eq!(parameter(id, "scale"), Value::Text(scale.into()), "{id}");
        let Value::Text(criteria) = parameter(id, "criteria_by_phase") else { panic!("{id}") };
        assert!(criteria.ends_with(&format!(": {}", grid.criteria.len())), "{id}: {criteria}");
        let Value::Text(total) = parameter(id, "aggregation") else { panic!("{id}") };
        assert!(total.starts_with(aggregation), "{id}: {total}");
    }
}

/// The terms' parameters are the periods their functions count.
#[test]
fn the_terms_parameters_are_the_periods_counted() {
    // A contract of 12 months from 1 March 2024 ends on 28 February 2025.
    let Value::Count(months) = parameter("eig7.contract.duration", "months") else { panic!() };
    let terms = eig7_contract_terms(day(2024, 3, 1), day(2024, 3, 1)).unwrap();
    assert_eq!(months, 12);
    assert_eq!(terms.ends_on.value, day(2025, 2, 28));
    let Value::Count(before) = parameter("eig7.contract.renewal_notice", "months_before_end")
    else {
        panic!()
    };
    let months_before = chrono::Months::new(u32::try_from(before).unwrap());
    assert_eq!(
        Some(terms.renewal_notice_by.value),
        terms.ends_on.value.checked_sub_months(months_before)
    );
    assert_eq!(terms.renewal_notice_by.value, day(2024, 12, 28));
    let Value::Count(probation) = parameter("eig7.contract.probation", "months") else { panic!() };
    assert_eq!(
        terms.probation_ends_on.value,
        day(2024, 3 + u32::try_from(probation).unwrap(), 1).pred_opt().unwrap()
    );
    let Value::Count(days) = parameter("eig7.contract.probation", "days_before_end") else {
        panic!()
    };
    assert_eq!(
        (terms.probation_ends_on.value - terms.interruption_request_by.value).num_days(),
        i64::try_from(days).unwrap()
    );
    let Value::Count(answer) = parameter("eig7.contract.renewal_answer", "days") else { panic!() };
    let by = eig7_renewal_answer_by(day(2024, 12, 20)).unwrap().value;
    assert_eq!((by - day(2024, 12, 20)).num_days(), i64::try_from(answer).unwrap());
    assert_eq!(by, day(2024, 12, 28)); // the register's eig7-renewal-answer
    for (id, convention) in [
        ("eig6.convention.termination", FundingConvention::Aap6),
        ("eig6plus.convention.termination", FundingConvention::Aac6Plus),
    ] {
        let Value::Count(notice) = parameter(id, "notice_months") else { panic!() };
        let ends = convention_termination(convention, day(2022, 11, 15)).unwrap();
        assert_eq!(
            ends.effective_on.value,
            day(2022, 11 + u32::try_from(notice).unwrap(), 15),
            "{id}"
        );
        assert_eq!(ends.effective_on.source, rule(id).source, "{id}");
    }
}

/// The cap's parameters are the cap `eig7_recruitment_cap` applies, in its year.
#[test]
fn the_caps_parameters_are_the_cap_applied() {
    let Value::Count(cap) = parameter("eig7.selection.recruitment_cap", "recruitment_cap") else {
        panic!()
    };
    let Value::Text(year) = parameter("eig7.selection.recruitment_cap", "cap_year") else {
        panic!()
    };
    let year: i32 = year.parse().unwrap();
    let cap = u32::try_from(cap).unwrap();
    assert!(
        matches!(eig7_recruitment_cap(year, cap), RecruitmentCap::Reached { cap: c, .. } if c == cap)
    );
    assert!(matches!(eig7_recruitment_cap(year + 1, cap), RecruitmentCap::NoCapStated { .. }));
}
