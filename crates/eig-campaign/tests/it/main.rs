//! The whole call as a library: hand-offs, batches that decide every record, and the
//! agreement of eig-eligibility's routes with what eig-funding accepts.

#![allow(clippy::unwrap_used, reason = "in tests a failed unwrap is a failed test")]

mod builders;
mod withdrawal;

use eig_campaign::{
    Campaign, CampaignError, EligibleDossier, HandOffError, Judgement, Laureates, RecordError,
    default_campaign, run,
};
use eig_domain::{
    Euros, FundingRoute, Host, HostKind, HostRoles, LocalAuthorityLevel, Promotion, TalentProfile,
};
use eig_eligibility::{
    DefiDossier, FundingDeclaration, JurySheet, Outcome, ScoreScale, ScoredDossier,
    evaluate_dossier, select_laureates,
};
use eig_funding::{DefiFunding, FundingError, Payer, Scenario, TalentInput, plan_defi};

/// A dossier of the default campaign (EIG3, built from the history) that satisfies every rule.
fn complete_dossier() -> DefiDossier {
    default_campaign()
        .dossiers
        .into_iter()
        .map(|entry| entry.dossier)
        .find(|dossier| {
            matches!(evaluate_dossier(dossier).unwrap().outcome, Outcome::Eligible { .. })
        })
        .unwrap()
}

fn host(name: &str, kind: HostKind) -> Host {
    Host::new(name.parse().unwrap(), kind)
}

/// « seul un ministère est éligible à un financement direct » (AAP3 §3.1.1), and teams of 2
/// or 3 (AAP3 §2.2): the two states the funding crate used to plan without a word — 7
/// talents drawing 343 000 € of PIA money, a collectivité on the direct route — are typed
/// errors naming the défi (and the talent too many).
#[test]
fn funding_refuses_what_the_facts_forbid() {
    let scenario = Scenario::default();
    let seven = (1..=7).fold(
        DefiFunding::new("d7".parse().unwrap(), FundingRoute::Direct, HostKind::Ministry),
        |defi, n| defi.with_talent(TalentInput::new(format!("t{n}").parse().unwrap())),
    );
    let err = plan_defi(Promotion::Eig3, &seven, &scenario).unwrap_err();
    assert!(
        matches!(&err, FundingError::TeamTooLarge { defi, talent, talents: 7, max: 3, .. }
            if defi.as_str() == "d7" && talent.as_str() == "t4"),
        "{err:?}"
    );
    let region = HostKind::LocalAuthority { level: LocalAuthorityLevel::Region };
    let direct = DefiFunding::new("r1".parse().unwrap(), FundingRoute::Direct, region)
        .with_talent(TalentInput::new("t1".parse().unwrap()));
    let err = plan_defi(Promotion::Eig3, &direct, &scenario).unwrap_err();
    assert_eq!(
        err.to_string(),
        "défi r1 : la voie \"cofinancement direct\" n'est pas ouverte à un porteur opérationnel de type \"collectivité territoriale\" en EIG3 (AAP3 §3.1.1) : donnez une autre voie, par ex. par un porteur administratif"
    );
    // Through a ministry as porteur administratif, with a convention (AAP3 §3.1.2), it is
    // funded at 70 %.
    let through =
        DefiFunding::new("r1".parse().unwrap(), FundingRoute::ThroughAdministrativeCarrier, region)
            .with_administrative_carrier("Ministère de l'Intérieur".parse().unwrap())
            .with_talent(TalentInput::new("t1".parse().unwrap()));
    let plan = plan_defi(Promotion::Eig3, &through, &scenario).unwrap();
    assert_eq!(plan.amount_of(Payer::PiaThroughCdc), Euros::from_whole(49_000));

    // Through the hand-off, neither can even be asked for: the dossiers are not eligible.
    let mut big = complete_dossier();
    big.defi.team = vec![eig_domain::Seat { profile: TalentProfile::Developer }; 7];
    let decision = evaluate_dossier(&big).unwrap();
    assert!(matches!(
        EligibleDossier::from_decision(&big, &decision),
        Err(HandOffError::NotEligible { outcome: "ineligible", .. })
    ));
    let mut collectivite = complete_dossier();
    collectivite.defi.hosts = HostRoles::new(host("Région (exemple)", region));
    let decision = evaluate_dossier(&collectivite).unwrap();
    assert!(matches!(
        EligibleDossier::from_decision(&collectivite, &decision),
        Err(HandOffError::NotEligible { .. })
    ));
}

/// A wrong hand-off is a typed error: another dossier's decision, another promotion's.
#[test]
fn wrong_hand_offs_are_errors() {
    let campaign = default_campaign();
    let first = &campaign.dossiers[0].dossier;
    let second = &campaign.dossiers[1].dossier;
    let decision = evaluate_dossier(first).unwrap();
    let err = EligibleDossier::from_decision(second, &decision).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!(
            "la décision donnée au dossier du défi {} porte sur un autre enregistrement (dossier \
             du défi {}) : donnez à chaque enregistrement sa propre décision",
            second.defi.id, first.defi.id
        )
    );
    let mut other = first.clone();
    other.defi.promotion = Promotion::Eig4;
    assert!(matches!(
        EligibleDossier::from_decision(&other, &decision),
        Err(HandOffError::OtherPromotion {
            decision: Promotion::Eig3,
            expected: Promotion::Eig4,
            ..
        })
    ));
    // A laureate that was not handed over as eligible.
    let sheet = JurySheet {
        promotion: Promotion::Eig3,
        places: 1,
        envelope: None,
        scale: Some(ScoreScale { min: 1, max: 4 }),
        tie_break: eig_eligibility::TieBreak::default(),
        unfavourable_opinion: eig_eligibility::UnfavourableOpinion::default(),
        call: None,
        dossiers: vec![ScoredDossier {
            defi: first.defi.id.clone(),
            scores: vec![4; 5],
            jury_rank: None,
            requested: None,
            jury_opinion: None,
        }],
    };
    let selection = select_laureates(&sheet).unwrap();
    assert_eq!(
        Laureates::from_selection(&selection, &[]).unwrap_err(),
        HandOffError::NotAmongEligible { defi: first.defi.id.clone() }
    );
}

/// A campaign with records that cannot be judged — an EIG1 dossier, a dossier declaring
/// co-financing and self-funding, a DIG1 application — decides every other record exactly as
/// without them.
#[test]
fn a_campaign_decides_every_record_it_can() {
    let reference = run(&default_campaign()).unwrap();
    let mut campaign = default_campaign();
    let mut eig1 = campaign.dossiers[0].clone();
    eig1.dossier.defi.id = "eig1-dossier".parse().unwrap();
    eig1.dossier.defi.promotion = Promotion::Eig1;
    let mut both = campaign.dossiers[0].clone();
    both.dossier.defi.id = "both-ways".parse().unwrap();
    both.dossier.funding = FundingDeclaration {
        cofinancing_requested: Some(true),
        self_funded: Some(true),
        alternative_funding: None,
    };
    campaign.dossiers.insert(0, eig1);
    campaign.dossiers.push(both);
    let mut dig1 = campaign.candidates[0].clone();
    dig1.application.promotion = Promotion::Dig1;
    dig1.application.candidate.id = "c-dig1".parse().unwrap();
    campaign.candidates.push(dig1);

    let result = run(&campaign).unwrap();
    let not_judged: Vec<String> =
        result.not_judged().map(|(record, error)| format!("{record}: {error}")).collect();
    insta::assert_snapshot!(not_judged.join("\n"), @r#"
    dossier du défi eig1-dossier: il est de la promotion EIG1, l'appel de la promotion EIG3 : il n'est pas jugé, donnez-le à un appel de la promotion EIG1 ou corrigez sa promotion
    dossier du défi both-ways: dossier du défi both-ways : les exceptions "cofinancement demandé" et "autofinancement" s'appliquent toutes deux (règle eig3.host.funding_route) et les textes ne disent pas laquelle prévaut : n'en déclarez qu'une
    candidat c-dig1: il est de la promotion DIG1, l'appel de la promotion EIG3 : il n'est pas jugé, donnez-le à un appel de la promotion DIG1 ou corrigez sa promotion
    "#);
    assert!(matches!(
        &result.dossiers[0].judgement,
        Judgement::NotJudged { error: RecordError::OtherPromotion { record: Promotion::Eig1, .. } }
    ));
    // Every other record, the selection, the funding and the teams are what they were.
    assert_eq!(&result.dossiers[1..result.dossiers.len() - 1], &reference.dossiers[..]);
    assert_eq!(result.selection, reference.selection);
    assert_eq!(result.funding, reference.funding);
    assert_eq!(&result.candidates[..reference.candidates.len()], &reference.candidates[..]);
    assert_eq!(result.matching, reference.matching);
    // In JSON, the record not judged carries its error instead of a decision.
    let json = serde_json::to_value(&result).unwrap();
    assert_eq!(
        json["dossiers"][0]["error"],
        "il est de la promotion EIG1, l'appel de la promotion EIG3 : il n'est pas jugé, donnez-le à un appel de la promotion EIG1 ou corrigez sa promotion"
    );
    assert!(json["dossiers"][0].get("decision").is_none());
    assert!(json["dossiers"][1]["decision"].is_object());
}

/// A whole-campaign failure is a `CampaignError`, not a record's: no scale for EIG3's jury.
#[test]
fn a_campaign_without_a_scale_is_refused() {
    let mut campaign = default_campaign();
    campaign.score_scale = None;
    let err = run(&campaign).unwrap_err();
    assert!(matches!(err, CampaignError::JurySheet(_)), "{err:?}");
}

/// The same campaign gives the same result, byte for byte in JSON; the embedded default is
/// the same value every time.
#[test]
fn runs_are_deterministic() {
    assert_eq!(default_campaign(), default_campaign());
    let one = serde_json::to_string(&run(&default_campaign()).unwrap()).unwrap();
    let two = serde_json::to_string(&run(&default_campaign()).unwrap()).unwrap();
    assert_eq!(one, two);
    // A campaign read back from its JSON runs the same.
    let campaign: Campaign =
        serde_json::from_str(&serde_json::to_string(&default_campaign()).unwrap()).unwrap();
    assert_eq!(serde_json::to_string(&run(&campaign).unwrap()).unwrap(), one);
}

/// The hand-offs the pipeline makes are the ones an embedder gets from the public types:
/// the laureates' funding input is each laureate's, derived from its decision.
#[test]
fn the_pipeline_hands_over_what_the_decisions_say() {
    let campaign = default_campaign();
    let result = run(&campaign).unwrap();
    for plan in &result.funding.defis {
        let entry = campaign.dossiers.iter().find(|d| d.dossier.defi.id == plan.defi).unwrap();
        let decision = evaluate_dossier(&entry.dossier).unwrap();
        let Outcome::Eligible { funding_route: Some(route) } = decision.outcome else {
            panic!("a laureate is eligible with a route")
        };
        assert_eq!(plan.route, route);
        assert_eq!(plan.talents.len(), entry.dossier.defi.team.len());
        let alone = EligibleDossier::from_decision(&entry.dossier, &decision).unwrap();
        assert_eq!(&alone.plan(&Scenario::default()).unwrap().talents, &plan.talents);
    }
}
