//! The builders of a call: each keeps what it is given, where the JSON field of the same name
//! puts it.

use eig_campaign::{
    Campaign, CampaignCandidate, CampaignDossier, EligibleDossier, default_campaign,
};
use eig_domain::{Euros, Promotion};
use eig_eligibility::{ScoreScale, evaluate_dossier};
use eig_funding::{EmployerCost, TalentInput};

fn talent() -> TalentInput {
    TalentInput::new("ada".parse().unwrap())
        .with_employer_cost(EmployerCost::Contract(Euros::from_whole(80_000)))
}

#[test]
fn a_campaign_built_is_the_campaign_read() {
    let default = default_campaign();
    let dossier = default.dossiers[0].dossier.clone();
    let application = default.candidates[0].application.clone();
    let ranking = default.rankings[0].clone();
    let built = Campaign::new("Un appel", Promotion::Eig3, 2, 7)
        .with_note("une note")
        .with_score_scale(ScoreScale { min: 1, max: 4 })
        .with_dossier(dossier.clone(), [3, 4, 2])
        .with_candidate(application.clone())
        .with_ranking(ranking.clone());
    let read: Campaign = serde_json::from_value(serde_json::json!({
        "title": "Un appel", "notes": ["une note"], "promotion": "EIG3", "places": 2,
        "score_scale": {"min": 1, "max": 4},
        "dossiers": [{"dossier": dossier, "scores": [3, 4, 2]}],
        "candidates": [{"application": application}],
        "rankings": [ranking],
        "lottery_seed": 7
    }))
    .unwrap();
    assert_eq!(built, read);
    let one = |dossier| CampaignDossier::new(dossier, [3]);
    assert_eq!(one(dossier.clone()).with_talents([talent()]).talents, [talent()]);
    assert!(one(dossier).talents.is_empty());
    assert!(!CampaignCandidate::new(default.candidates[0].application.clone()).synthetic);
}

#[test]
fn an_eligible_dossier_funds_the_talents_it_is_given() {
    let dossier = default_campaign().dossiers[0].dossier.clone();
    let eligible =
        EligibleDossier::from_decision(&dossier, &evaluate_dossier(&dossier).unwrap()).unwrap();
    let seats = eligible.funding().talents;
    assert!(seats.iter().all(|seat| seat.employer_cost.is_none()), "{seats:?}");
    assert_eq!(eligible.with_talents([talent()]).funding().talents, [talent()]);
}
