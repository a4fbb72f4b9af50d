//! The public builders and constructors of the inputs, each keeping every field it is given
//! (a builder that dropped one would fail here), and the instance they validate into.

use eig_domain::{CandidateId, ChoiceLimit, DefiId, Promotion, TalentProfile, TeamBounds};
use eig_matching::{
    Assignment, CandidateInput, CompactInput, DefiSeats, GeneratorConfig, Instance, MatchingInput,
    MatchingLimits, RankingInput, SplitMix64, generate,
};

use crate::instance;

fn defi(text: &str) -> DefiId {
    text.parse().expect("valid défi id")
}

fn candidate(text: &str) -> CandidateId {
    text.parse().expect("valid candidate id")
}

/// Limits from the vocabulary: each bound where it belongs (three different values, so that
/// no two can be swapped unseen).
#[test]
fn limits_from_the_vocabulary_keep_each_bound() {
    let facts = Promotion::Eig6.facts();
    let team: TeamBounds = facts.team_size.expect("AAP6 §2").value;
    let choices: ChoiceLimit = facts.choice_limit.expect("AAC6 art. 5").value;
    let limits = MatchingLimits::from_domain(team, choices);
    assert_eq!(limits, MatchingLimits { team_min: 2, team_max: 3, max_choices: 5 });
    assert_eq!(
        (limits.team_min, limits.team_max, limits.max_choices),
        (u32::from(team.min), u32::from(team.max), u32::from(choices.max))
    );
}

/// A défi keeps its id, and adds up the seats given to each profile.
#[test]
fn defi_seats_keep_the_id_and_add_up_the_seats() {
    let built = DefiSeats::new(defi("d7"))
        .with_seats(TalentProfile::Developer, 2)
        .with_seats(TalentProfile::Designer, 1)
        .with_seats(TalentProfile::Developer, 1);
    assert_eq!(built.id, defi("d7"));
    let read: DefiSeats =
        serde_json::from_str(r#"{"id": "d7", "seats": {"developer": 3, "designer": 1}}"#)
            .expect("valid");
    assert_eq!(built, read);
    assert!(DefiSeats::new(defi("d7")).seats.is_empty());
}

/// A candidate keeps their id, profile and choices, in order.
#[test]
fn a_candidate_keeps_id_profile_and_choices() {
    let built = CandidateInput::new(
        candidate("c3"),
        TalentProfile::DataScientist,
        [defi("d2"), defi("d1")],
    );
    assert_eq!(built.id, candidate("c3"));
    assert_eq!(built.profile, TalentProfile::DataScientist);
    assert_eq!(built.choices, [defi("d2"), defi("d1")]);
    let read: CandidateInput = serde_json::from_str(
        r#"{"id": "c3", "profile": "data_scientist", "choices": ["d2", "d1"]}"#,
    )
    .expect("valid");
    assert_eq!(built, read);
}

/// A ranking keeps its défi, profile and tie groups, and no offer until some are given.
#[test]
fn a_ranking_keeps_defi_profile_and_tie_groups() {
    let built = RankingInput::new(
        defi("d4"),
        TalentProfile::Designer,
        [vec![candidate("c2")], vec![candidate("c1"), candidate("c5")]],
    );
    assert_eq!(built.defi, defi("d4"));
    assert_eq!(built.profile, TalentProfile::Designer);
    assert_eq!(built.ranks, [vec![candidate("c2")], vec![candidate("c1"), candidate("c5")]]);
    assert!(built.offers.is_empty());
    let with_offers = built.clone().with_offers([candidate("c9")]);
    assert_eq!(with_offers.offers, [candidate("c9")]);
    assert_eq!(RankingInput { offers: Vec::new(), ..with_offers }, built);
}

/// A whole input keeps its limits and its three lists; validated, it is the instance the same
/// JSON gives, and its compact form is the one read from that JSON.
#[test]
fn a_matching_input_keeps_its_limits_and_lists() {
    let limits = MatchingLimits { team_min: 1, team_max: 2, max_choices: 2 };
    let defis = [
        DefiSeats::new(defi("d1")).with_seats(TalentProfile::Developer, 1),
        DefiSeats::new(defi("d2")).with_seats(TalentProfile::Designer, 2),
    ];
    let candidates = [
        CandidateInput::new(candidate("c1"), TalentProfile::Developer, [defi("d1")]),
        CandidateInput::new(candidate("c2"), TalentProfile::Designer, [defi("d2")]),
    ];
    let rankings = [
        RankingInput::new(defi("d1"), TalentProfile::Developer, [vec![candidate("c1")]]),
        RankingInput::new(defi("d2"), TalentProfile::Designer, [vec![candidate("c2")]]),
    ];
    let built = MatchingInput::new(limits, defis.clone(), candidates.clone(), rankings.clone());
    assert_eq!(built.limits, limits);
    assert_eq!(built.defis, defis);
    assert_eq!(built.candidates, candidates);
    assert_eq!(built.rankings, rankings);
    let json = r#"{
      "limits": {"team_min": 1, "team_max": 2, "max_choices": 2},
      "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"designer": 2}}],
      "candidates": [
        {"id": "c1", "profile": "developer", "choices": ["d1"]},
        {"id": "c2", "profile": "designer", "choices": ["d2"]}
      ],
      "rankings": [
        {"defi": "d1", "profile": "developer", "ranks": [["c1"]]},
        {"defi": "d2", "profile": "designer", "ranks": [["c2"]]}
      ]
    }"#;
    assert_eq!(Instance::new(&built), Ok(instance(json)));
    let compact = CompactInput::from(&built);
    assert_eq!(compact, serde_json::from_str::<CompactInput>(json).expect("valid"));
    assert_eq!(compact.limits(), limits);
    assert_eq!(
        (compact.defi_count(), compact.candidate_count(), compact.ranking_count()),
        (2, 2, 2)
    );
    assert_eq!(Instance::from_compact(&compact), Instance::new(&built));
    let instance = Instance::new(&built).expect("valid");
    assert_eq!(instance.limits(), limits);
    assert_eq!(instance.to_input(), built);
}

/// An assignment read from ids holds the pairs it was given.
#[test]
fn an_assignment_from_ids_keeps_its_pairs() {
    let instance = generate(&GeneratorConfig::eig_call(1));
    let assignment =
        Assignment::from_ids(&instance, [("c001", "d03"), ("c000", "d01")]).expect("known ids");
    let pairs: Vec<String> = assignment
        .pairs(&instance)
        .expect("made for this instance")
        .map(|(c, d)| format!("{c}→{d}"))
        .collect();
    assert_eq!(pairs, ["c000→d01", "c001→d03"]);
}

/// The generator's configuration is what it generates: each field changes the instance.
#[test]
fn a_generator_config_keeps_each_field() {
    let base = GeneratorConfig::eig_call(1);
    let instance = generate(&base);
    assert_eq!((instance.candidate_count(), instance.defi_count()), (170, 15));
    assert_eq!(instance.limits(), base.limits);
    let changes = [
        GeneratorConfig { seed: 2, ..base.clone() },
        GeneratorConfig { candidates: 20, ..base.clone() },
        GeneratorConfig { defis: 4, ..base.clone() },
        GeneratorConfig { seats: [(TalentProfile::Developer, 2)].into(), ..base.clone() },
        GeneratorConfig {
            limits: MatchingLimits { max_choices: 1, ..base.limits },
            ..base.clone()
        },
        GeneratorConfig { ranked_percent: 30, ..base.clone() },
        GeneratorConfig { tie_percent: 90, ..base.clone() },
    ];
    for changed in changes {
        assert_ne!(generate(&changed), instance, "{changed:?}");
    }
}

/// The lottery's generator starts from its seed.
#[test]
fn the_lottery_starts_from_its_seed() {
    let first = |seed| SplitMix64::new(seed).next_u64();
    assert_eq!(first(7), first(7));
    assert_ne!(first(7), first(8));
}

/// The limits of a promotion are its team bounds and choice limit, where the sources state
/// both (EIG6: teams of 2 or 3, 3 to 5 projects by preference), none for EIG1.
#[test]
fn limits_of_a_promotion() {
    use eig_domain::Promotion;
    let eig6 = MatchingLimits::for_promotion(Promotion::Eig6).unwrap();
    assert_eq!((eig6.team_min, eig6.team_max, eig6.max_choices), (2, 3, 5));
    assert_eq!(MatchingLimits::for_promotion(Promotion::Eig1), None);
}

/// A ranking built in Rust equals the one read from JSON, offers included.
#[test]
fn a_ranking_with_offers() {
    use eig_domain::TalentProfile;
    use eig_matching::RankingInput;
    let id = |text: &str| -> CandidateId { text.parse().unwrap() };
    let built =
        RankingInput::new("d1".parse().unwrap(), TalentProfile::Developer, [vec![id("c1")]])
            .with_offers([id("c9"), id("c8")]);
    let read: RankingInput = serde_json::from_str(
        r#"{"defi": "d1", "profile": "developer", "ranks": [["c1"]], "offers": ["c9", "c8"]}"#,
    )
    .unwrap();
    assert_eq!(built, read);
}

/// An instance's sizes and ids, sorted.
#[test]
fn an_instance_in_figures() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 2, "max_choices": 2},
          "defis": [{"id": "b", "seats": {"developer": 1}}, {"id": "a", "seats": {"developer": 1}}],
          "candidates": [
            {"id": "y", "profile": "developer", "choices": ["a", "b"]},
            {"id": "x", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": []
        }"#,
    );
    assert_eq!((instance.candidate_count(), instance.defi_count()), (2, 2));
    assert_eq!(instance.choice_count(), 3);
    let defis: Vec<String> = instance.defis().iter().map(ToString::to_string).collect();
    let candidates: Vec<String> = instance.candidates().iter().map(ToString::to_string).collect();
    assert_eq!(
        (defis, candidates),
        (vec!["a".to_owned(), "b".into()], vec!["x".into(), "y".into()])
    );
}
