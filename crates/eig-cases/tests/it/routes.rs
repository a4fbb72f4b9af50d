//! The two crates that read the funding texts agree: every funding route `eig-eligibility`
//! decides in its conformance corpus is a route `eig-funding` accepts for that promotion
//! (issue 11: EIG4 and the economic and financial ministries).

use std::collections::BTreeSet;

use eig_cases::CaseInput;
use eig_domain::{FundingRoute, Promotion};
use eig_eligibility::{Outcome, evaluate_dossier};
use eig_funding::{FundingError, PromotionInput, Scenario, plan_promotion};

#[test]
fn every_route_eligibility_decides_is_open_in_funding() {
    let mut pairs = BTreeSet::new();
    for (_, case) in crate::corpus::cases_in("eligibility") {
        let CaseInput::Dossier(dossier) = case.input else { continue };
        if let Ok(decision) = evaluate_dossier(&dossier)
            && let Outcome::Eligible { funding_route: Some(route) } = decision.outcome
        {
            pairs.insert((dossier.defi.promotion, route));
        }
    }
    for (promotion, route) in &pairs {
        assert!(
            open_in_funding(*promotion, *route),
            "{promotion} {route:?}: eligibility decides it, funding refuses it"
        );
    }
    // And the délégation de gestion, the route the texts give only to the economic and
    // financial ministries, is open in funding exactly where eligibility decides it.
    for promotion in Promotion::ALL {
        let route = FundingRoute::DelegationOfManagement;
        assert_eq!(
            open_in_funding(promotion, route),
            pairs.contains(&(promotion, route)),
            "{promotion}: the délégation de gestion is open in one crate only"
        );
    }
}

/// Whether `eig-funding` accepts `route` in `promotion` for a central administration (any
/// error but `RouteNotOpen`, such as no rule stated for DIG1, is not about the route).
fn open_in_funding(promotion: Promotion, route: FundingRoute) -> bool {
    let scenario: Scenario = serde_json::from_str("{}").expect("the empty scenario");
    let input: PromotionInput = serde_json::from_value(serde_json::json!({
        "promotion": promotion,
        "defis": [{"defi": "d1", "route": route, "host": {"kind": "central_administration"},
            "administrative_carrier": "Ministère", "talents": [
            {"talent": "t1", "employer_cost": {"contract": "70000"}}
        ]}]
    }))
    .expect("a valid funding input");
    !matches!(plan_promotion(&input, &scenario), Err(FundingError::RouteNotOpen { .. }))
}
