//! The builders of the funding input: each sets its field, as the JSON field of the same name
//! does, so an input built in code is the input read from the same facts in JSON.

use eig_domain::{Euros, Experience, FundingRoute, HostKind, Promotion};
use eig_funding::{DefiFunding, EmployerCost, Phase, PromotionInput, TalentInput};
use serde_json::json;

#[test]
fn a_talent_built_is_the_talent_read() {
    let built = TalentInput::new("t1".parse().unwrap())
        .with_experience(Experience::from_months(66))
        .with_employer_cost(EmployerCost::Monthly(Euros::from_whole(6_500)))
        .with_months_worked(7);
    let read: TalentInput = serde_json::from_value(json!({
        "talent": "t1", "experience": 66, "employer_cost": {"monthly": "6500"},
        "months_worked": 7
    }))
    .unwrap();
    assert_eq!(built, read);
    let bare: TalentInput = serde_json::from_value(json!({"talent": "t1"})).unwrap();
    assert_eq!(TalentInput::new("t1".parse().unwrap()), bare);
}

#[test]
fn a_defi_built_is_the_defi_read() {
    let talent = || TalentInput::new("t1".parse().unwrap());
    let built = DefiFunding::new(
        "d1".parse().unwrap(),
        FundingRoute::ThroughAdministrativeCarrier,
        HostKind::StateOperator,
    )
    .with_administrative_carrier("Porteur (exemple)".parse().unwrap())
    .with_phase(Phase::Prolongation)
    .with_contract_months(6)
    .with_talent(talent())
    .with_talent(TalentInput::new("t2".parse().unwrap()));
    let read: DefiFunding = serde_json::from_value(json!({
        "defi": "d1", "route": "through_administrative_carrier", "host": {"kind": "state_operator"},
        "administrative_carrier": "Porteur (exemple)", "phase": "prolongation",
        "contract_months": 6, "talents": [{"talent": "t1"}, {"talent": "t2"}]
    }))
    .unwrap();
    assert_eq!(built, read);
    let bare: DefiFunding = serde_json::from_value(json!({
        "defi": "d1", "route": "direct", "host": {"kind": "ministry"}, "talents": []
    }))
    .unwrap();
    assert_eq!(
        DefiFunding::new("d1".parse().unwrap(), FundingRoute::Direct, HostKind::Ministry),
        bare
    );
    let promotion = PromotionInput::new(Promotion::Eig6, [built.clone(), bare.clone()]);
    let read: PromotionInput = serde_json::from_value(json!({
        "promotion": "EIG6", "defis": [built, bare]
    }))
    .unwrap();
    assert_eq!(promotion, read);
}
