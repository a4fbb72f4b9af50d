//! What cargo-mutants found uncaught (docs/testing.md, "Mutation testing"): each test names
//! the behaviour a surviving mutant changed, and fails on that mutant.

use eig_matching::{
    DefiStatus, LowerQuotas, MatchingLimits, Options, Proposing, SearchOutcome, solve,
};

use crate::{instance, pairs};

/// Hosts proposing, minimum 2: x leaves défi a (3 → 2 talents, still at the minimum) for b.
/// Neither défi is below the minimum, so neither is withdrawn.
#[test]
fn a_team_that_shrinks_to_the_minimum_is_not_withdrawn() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "w", "profile": "developer", "choices": ["b", "a"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]},
            {"id": "z", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"], ["y"], ["z"], ["w"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "w→b x→b y→a z→a", "{proposing:?}");
        let report = solution.report();
        assert!(
            report.defis.iter().all(|line| matches!(line.status, DefiStatus::Running { .. })),
            "{proposing:?}: {:?}",
            report.defis
        );
    }
}

/// Hosts proposing, minimum 2: x holds défi a alone, then leaves it for b. Défi a ends with
/// no team at all: it has no team, it is not withdrawn for a team below the minimum.
#[test]
fn a_team_that_empties_has_no_team_rather_than_withdrawn() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 2, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 2}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "w", "profile": "developer", "choices": ["b"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "w→b x→b", "{proposing:?}");
        let report = solution.report();
        assert_eq!(report.defis[0].status, DefiStatus::NoTeam, "{proposing:?}");
        assert!(matches!(report.defis[1].status, DefiStatus::Running { .. }), "{proposing:?}");
    }
}

/// A candidate may choose a défi with no seat of their profile: that choice is passed over
/// and the next one is tried, whichever side proposes.
#[test]
fn a_choice_without_a_seat_of_the_profile_is_passed_over() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 2, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"designer": 1}}
          ],
          "candidates": [
            {"id": "dana", "profile": "designer", "choices": ["a", "b"]},
            {"id": "dev", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["dev"]]},
            {"defi": "b", "profile": "designer", "ranks": [["dana"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "dana→b dev→a", "{proposing:?}");
    }
}

/// Exact mode whose search stops at its node limit before finding a set of défis: the
/// withdrawal policy decides, and a défi nobody joins (its one applicant prefers another) has
/// no team; it is not reported as closed by the search.
#[test]
fn an_open_defi_nobody_joins_has_no_team_when_the_search_stops() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["b", "a"]}],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 0 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "x→b", "{proposing:?}");
        let report = solution.report();
        assert!(matches!(solution.search(), Some(SearchOutcome::LimitReached { .. })));
        assert_eq!(report.defis[0].status, DefiStatus::NoTeam, "{proposing:?}");
    }
}

/// Exact mode, search complete: a défi the search closes is reported closed by the search if
/// some jury ranked applicants to it; one nobody applied to has no team.
#[test]
fn closed_by_the_search_only_with_applicants() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}},
            {"id": "c", "seats": {"developer": 1}}
          ],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["b", "a"]}],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "x→b", "{proposing:?}");
        assert!(matches!(solution.search(), Some(SearchOutcome::Optimal { .. })));
        let statuses: Vec<_> =
            solution.report().defis.into_iter().map(|line| line.status).collect();
        assert_eq!(statuses[0], DefiStatus::ClosedBySearch, "{proposing:?}");
        assert_eq!(statuses[2], DefiStatus::NoTeam, "{proposing:?}");
    }
}

/// Two défis with one applicant each, minimum 2: both are withdrawn, in rounds 1 and 2 (the
/// smallest team first, then the smallest id), whichever side proposes.
#[test]
fn withdrawal_rounds_count_from_one() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 2, "max_choices": 1},
          "defis": [
            {"id": "a", "seats": {"developer": 2}},
            {"id": "b", "seats": {"developer": 2}}
          ],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["y"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Hosts, Proposing::Candidates] {
        let solution = solve(&instance, &Options { proposing, ..Options::default() }).unwrap();
        assert_eq!(pairs(&instance, &solution.assignment()), "", "{proposing:?}");
        let statuses: Vec<_> =
            solution.report().defis.into_iter().map(|line| line.status).collect();
        assert_eq!(
            statuses,
            [
                DefiStatus::Withdrawn { team_size: 1, min: 2, round: 1 },
                DefiStatus::Withdrawn { team_size: 1, min: 2, round: 2 },
            ],
            "{proposing:?}"
        );
    }
}

/// Exact mode returns the stable assignment optimal for the side that proposes: here the
/// candidates' first choices, or the juries' first choices.
#[test]
fn exact_mode_returns_the_proposing_sides_optimum() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a", "b"]},
            {"id": "y", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["y"], ["x"]]},
            {"defi": "b", "profile": "developer", "ranks": [["x"], ["y"]]}
          ]
        }"#,
    );
    for (proposing, expected) in [(Proposing::Candidates, "x→a y→b"), (Proposing::Hosts, "x→b y→a")]
    {
        for lower_quotas in [LowerQuotas::Withdraw, LowerQuotas::Exact { node_limit: 1_000 }] {
            let options = Options { proposing, lower_quotas, ..Options::default() };
            let solution = solve(&instance, &options).unwrap();
            assert_eq!(pairs(&instance, &solution.assignment()), expected, "{options:?}");
        }
    }
}

/// Offers fill a défi's empty seats of a profile and no more: two developer seats, three
/// unplaced developers on the offer list, the first two are offered a seat.
#[test]
fn offers_stop_when_the_seats_are_filled() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 4, "max_choices": 1},
          "defis": [
            {"id": "a", "seats": {"developer": 2, "designer": 1}},
            {"id": "b", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["b"]},
            {"id": "v", "profile": "developer", "choices": ["b"]},
            {"id": "w", "profile": "developer", "choices": ["b"]},
            {"id": "z", "profile": "designer", "choices": ["a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "designer", "ranks": [["z"]]},
            {"defi": "a", "profile": "developer", "ranks": [], "offers": ["u", "v", "w"]}
          ]
        }"#,
    );
    let options = Options { offers: true, ..Options::default() };
    let solution = solve(&instance, &options).unwrap();
    assert_eq!(solution.options(), &options);
    assert_eq!(pairs(&instance, &solution.assignment()), "u→a v→a z→a");
    assert_eq!(solution.report().unplaced, ["w".parse().unwrap()]);
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

/// An invalid input's error shows how many problems it has, agreeing in number, then every
/// problem in order, separated, without a separator before the first.
#[test]
fn an_instance_error_shows_every_problem() {
    let error = |json: &str| {
        let input: eig_matching::MatchingInput = serde_json::from_str(json).unwrap();
        eig_matching::Instance::new(&input).unwrap_err()
    };
    let one = error(
        r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1},
            "defis": [], "candidates": [], "rankings": []}"#,
    );
    let two = error(
        r#"{"limits": {"team_min": 3, "team_max": 2, "max_choices": 1}, "defis": [],
            "candidates": [{"id": "x", "profile": "developer", "choices": ["nowhere"]}],
            "rankings": []}"#,
    );
    assert_eq!((one.problems().len(), two.problems().len()), (1, 2));
    let (shown_one, shown_two) = (one.to_string(), two.to_string());
    let first = one.problems()[0].to_string();
    assert!(shown_one.ends_with(&first), "{shown_one}");
    let header_one = &shown_one[..shown_one.len() - first.len()];
    let [p1, p2] = [0, 1].map(|i| two.problems()[i].to_string());
    let at1 = shown_two.find(&p1).unwrap();
    assert!(shown_two.ends_with(&p2), "{shown_two}");
    let separator = &shown_two[at1 + p1.len()..shown_two.len() - p2.len()];
    assert!(!separator.is_empty() && separator.len() <= 3, "{shown_two}");
    let header_two = &shown_two[..at1];
    assert!(!header_two.ends_with(separator), "{shown_two}");
    assert!(header_one.starts_with('1') && header_two.starts_with('2'));
    // Agreeing in number: the plural is the longer form (problem, problems; problème,
    // problèmes), the number having one digit in both.
    assert!(header_two.len() > header_one.len(), "{shown_one} / {shown_two}");
}

/// An assignment read from ids: sorted by candidate, repeated pairs once, its length; an
/// unknown id is refused by kind; read with an instance too small for it, it is refused
/// rather than misread.
#[test]
fn assignments_from_ids() {
    use eig_matching::{Assignment, AssignmentError};
    let big = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "d1", "seats": {"developer": 1}}, {"id": "d2", "seats": {"developer": 1}}],
          "candidates": [
            {"id": "c1", "profile": "developer", "choices": ["d1"]},
            {"id": "c2", "profile": "developer", "choices": ["d2"]}
          ],
          "rankings": [
            {"defi": "d1", "profile": "developer", "ranks": [["c1"]]},
            {"defi": "d2", "profile": "developer", "ranks": [["c2"]]}
          ]
        }"#,
    );
    let small = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "d1", "seats": {"developer": 1}}],
          "candidates": [{"id": "c1", "profile": "developer", "choices": ["d1"]}],
          "rankings": [{"defi": "d1", "profile": "developer", "ranks": [["c1"]]}]
        }"#,
    );
    assert!(Assignment::default().is_empty());
    let one = Assignment::from_ids(&big, [("c1", "d1")]).unwrap();
    assert!(!one.is_empty());
    assert_eq!(one.len(), 1);
    let both = Assignment::from_ids(&big, [("c2", "d2"), ("c1", "d1"), ("c2", "d2")]).unwrap();
    assert_eq!(both.len(), 2);
    assert_eq!(pairs(&big, &both), "c1→d1 c2→d2");
    assert_eq!(
        Assignment::from_ids(&big, [("c3", "d1")]),
        Err(AssignmentError::UnknownCandidate { candidate: "c3".to_owned() })
    );
    assert_eq!(
        Assignment::from_ids(&big, [("c1", "not an id!")]),
        Err(AssignmentError::UnknownDefi { defi: "not an id!".to_owned() })
    );
    assert!(one.pairs(&small).is_ok());
    assert!(matches!(
        both.pairs(&small).map(|_| ()),
        Err(AssignmentError::OtherInstance { candidate_index: 1, defi_index: 1, .. })
    ));
}

/// A ranking built in Rust equals the one read from JSON, offers included.
#[test]
fn a_ranking_with_offers() {
    use eig_domain::TalentProfile;
    use eig_matching::RankingInput;
    let id = |text: &str| -> eig_domain::CandidateId { text.parse().unwrap() };
    let built =
        RankingInput::new("d1".parse().unwrap(), TalentProfile::Developer, [vec![id("c1")]])
            .with_offers([id("c9"), id("c8")]);
    let read: RankingInput = serde_json::from_str(
        r#"{"defi": "d1", "profile": "developer", "ranks": [["c1"]], "offers": ["c9", "c8"]}"#,
    )
    .unwrap();
    assert_eq!(built, read);
}

/// Ids longer than 16 bytes that share their first 16 with another id are told apart, and an
/// id that is the first 16 bytes of a longer one is not taken for it.
#[test]
fn long_ids_sharing_a_prefix() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [
            {"id": "abcdefghijklmnop", "seats": {"developer": 1}},
            {"id": "abcdefghijklmnopq", "seats": {"developer": 1}}
          ],
          "candidates": [
            {"id": "abcdefghijklmnop-x", "profile": "developer", "choices": ["abcdefghijklmnopq"]},
            {"id": "abcdefghijklmnop-y", "profile": "developer", "choices": ["abcdefghijklmnop"]}
          ],
          "rankings": [
            {"defi": "abcdefghijklmnopq", "profile": "developer", "ranks": [["abcdefghijklmnop-x"]]},
            {"defi": "abcdefghijklmnop", "profile": "developer", "ranks": [["abcdefghijklmnop-y"]]}
          ]
        }"#,
    );
    let solution = solve(&instance, &Options::default()).unwrap();
    assert_eq!(
        pairs(&instance, &solution.assignment()),
        "abcdefghijklmnop-x→abcdefghijklmnopq abcdefghijklmnop-y→abcdefghijklmnop"
    );
    let input: eig_matching::MatchingInput = serde_json::from_str(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "abcdefghijklmnopq", "seats": {"developer": 1}}],
          "candidates": [{"id": "x", "profile": "developer", "choices": ["abcdefghijklmnop"]}],
          "rankings": []
        }"#,
    )
    .unwrap();
    let error = eig_matching::Instance::new(&input).unwrap_err();
    assert_eq!(
        error.problems(),
        [eig_matching::InputProblem::UnknownChoice {
            candidate: "x".parse().unwrap(),
            defi: "abcdefghijklmnop".parse().unwrap()
        }]
    );
}

/// Only a blocking coalition is a coalition.
#[test]
fn which_violations_are_coalitions() {
    use eig_matching::Violation;
    let coalition = Violation::BlockingCoalition {
        defi: "d1".parse().unwrap(),
        candidates: vec!["c1".parse().unwrap()],
    };
    let pair = Violation::BlockingPair {
        candidate: "c1".parse().unwrap(),
        defi: "d1".parse().unwrap(),
        displaced: None,
    };
    assert_eq!((coalition.is_coalition(), pair.is_coalition()), (true, false));
}

/// A designer placed on a défi with developer seats only is on no seat of their profile: the
/// verifier says so.
#[test]
fn a_talent_on_a_defi_without_a_seat_of_their_profile() {
    use eig_matching::{Assignment, Verification, Violation, verify};
    let instance = instance(
        r#"{
          "limits": {"team_min": 0, "team_max": 2, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 2}}],
          "candidates": [{"id": "dana", "profile": "designer", "choices": ["a"]}],
          "rankings": []
        }"#,
    );
    let assignment = Assignment::from_ids(&instance, [("dana", "a")]).unwrap();
    let Verification::Violations { violations } = verify(&instance, &assignment) else {
        panic!("certified");
    };
    assert!(
        violations.contains(&Violation::WrongProfile {
            candidate: "dana".parse().unwrap(),
            defi: "a".parse().unwrap(),
            profile: eig_domain::TalentProfile::Designer,
        }),
        "{violations:?}"
    );
}

/// A jury that ranks two candidates ex aequo, and nothing else, leaves their order to the
/// lottery, which the solution reports.
#[test]
fn a_single_tie_goes_to_the_lottery() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 1, "team_max": 1, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 1}}],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]}
          ],
          "rankings": [{"defi": "a", "profile": "developer", "ranks": [["x", "y"]]}]
        }"#,
    );
    let solution = solve(&instance, &Options::default()).unwrap();
    let mut order: Vec<String> = solution.tie_break_order().map(ToString::to_string).collect();
    order.sort();
    assert_eq!(order, ["x", "y"]);
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

/// The generator's presets are the calls their documentation states.
#[test]
fn generator_presets() {
    use eig_matching::GeneratorConfig;
    let call = GeneratorConfig::eig_call(7);
    assert_eq!(
        (call.seed, call.candidates, call.defis, call.ranked_percent, call.tie_percent),
        (7, 170, 15, 80, 10)
    );
    assert_eq!((call.limits.team_min, call.limits.team_max, call.limits.max_choices), (2, 3, 2));
    let bench = GeneratorConfig::exact_bench(7);
    assert_eq!(
        GeneratorConfig { candidates: 170, defis: 15, ranked_percent: 80, ..bench.clone() },
        call
    );
    assert_eq!((bench.candidates, bench.defis, bench.ranked_percent), (200, 20, 20));
}

/// A withdrawn défi's explanation counts its team in French, the plural from 2.
#[test]
fn a_withdrawn_team_counted_in_french() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 3, "team_max": 3, "max_choices": 1},
          "defis": [{"id": "a", "seats": {"developer": 3}}, {"id": "b", "seats": {"developer": 3}}],
          "candidates": [
            {"id": "x", "profile": "developer", "choices": ["a"]},
            {"id": "y", "profile": "developer", "choices": ["a"]},
            {"id": "z", "profile": "developer", "choices": ["b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["x"], ["y"]]},
            {"defi": "b", "profile": "developer", "ranks": [["z"]]}
          ]
        }"#,
    );
    let explanations = solve(&instance, &Options::default()).unwrap().explain();
    let [a, b] = [0, 1].map(|d| explanations.defis[d].to_french());
    assert!(a.contains("2 talents "), "{a}");
    assert!(b.contains("1 talent ") && !b.contains("1 talents"), "{b}");
}

/// The generator shuffles each jury's applicants: over many seeds, two applicants to one seat
/// come in either order.
#[test]
fn generated_rankings_come_in_either_order() {
    use eig_domain::TalentProfile;
    use eig_matching::{GeneratorConfig, MatchingLimits, generate};
    let mut orders = std::collections::BTreeSet::new();
    for seed in 0..64 {
        let config = GeneratorConfig {
            seed,
            candidates: 2,
            defis: 1,
            seats: [(TalentProfile::Developer, 2)].into(),
            limits: MatchingLimits { team_min: 1, team_max: 2, max_choices: 1 },
            ranked_percent: 100,
            tie_percent: 0,
        };
        let input = generate(&config).to_input();
        let ranks: Vec<String> = input
            .rankings
            .iter()
            .flat_map(|r| r.ranks.iter().flatten())
            .map(ToString::to_string)
            .collect();
        if ranks.len() == 2 {
            orders.insert(ranks);
        }
    }
    assert_eq!(orders.len(), 2, "{orders:?}");
}

/// The generator's offers: each (seat, candidate of its profile who did not choose its défi)
/// pair is offered with the given percentage — none at 0, every one at 100, about one in a
/// hundred at 1 (a comparison off by one would double it).
#[test]
fn generated_offers_follow_their_percentage() {
    use eig_matching::{GeneratorConfig, generate_with_offers};
    let config = GeneratorConfig { candidates: 600, defis: 60, ..GeneratorConfig::eig_call(11) };
    for (percent, low, high) in [(0, 0.0, 0.0), (1, 0.005, 0.015), (100, 1.0, 1.0)] {
        let input = generate_with_offers(&config, percent).to_input();
        let mut pairs = 0usize;
        for defi in &input.defis {
            for profile in defi.seats.keys() {
                pairs += input
                    .candidates
                    .iter()
                    .filter(|c| c.profile == *profile && !c.choices.contains(&defi.id))
                    .count();
            }
        }
        let offers: usize = input.rankings.iter().map(|ranking| ranking.offers.len()).sum();
        #[expect(clippy::cast_precision_loss, reason = "counts far below 2^52")]
        let share = offers as f64 / pairs as f64;
        assert!(pairs > 5_000, "{pairs} pairs: too few to tell 1 % from 2 %");
        assert!((low..=high).contains(&share), "{percent} %: {offers} offers for {pairs} pairs");
    }
}

/// Exact mode, minimum 2: défi a draws only u while b is open, and closing a leaves u and x
/// wanting its two developer seats; with b closed, its developer x and its data scientist y
/// want it, one in each seat — a coalition of two seats of one talent each. No set of défis
/// is stable with closures: the search says so, and the withdrawal policy decides.
#[test]
fn a_coalition_of_one_talent_in_each_of_two_seats() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 2, "data_scientist": 1}},
            {"id": "b", "seats": {"developer": 1, "data_scientist": 1}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["a", "b"]},
            {"id": "x", "profile": "developer", "choices": ["b", "a"]},
            {"id": "y", "profile": "data_scientist", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["u"], ["x"]]},
            {"defi": "a", "profile": "data_scientist", "ranks": [["y"]]},
            {"defi": "b", "profile": "developer", "ranks": [["u"], ["x"]]},
            {"defi": "b", "profile": "data_scientist", "ranks": [["y"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(
            matches!(solution.search(), Some(SearchOutcome::NoStableAssignment { .. })),
            "{proposing:?}: {:?}",
            solution.search()
        );
    }
}

/// Exact mode, minimum 3: with every défi open each team has 2 talents. Closing a first, the
/// search meets a set where b alone runs; keeping a open and closing b, it meets a larger
/// one, where a and c run: that one is the optimum.
#[test]
fn the_search_keeps_a_larger_set_met_later() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 3, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 3}},
            {"id": "c", "seats": {"developer": 3}}
          ],
          "candidates": [
            {"id": "u", "profile": "developer", "choices": ["c", "b"]},
            {"id": "v", "profile": "developer", "choices": ["b", "a"]},
            {"id": "w", "profile": "developer", "choices": ["b", "c"]},
            {"id": "x", "profile": "developer", "choices": ["b", "c"]},
            {"id": "y", "profile": "developer", "choices": ["b", "a"]},
            {"id": "z", "profile": "developer", "choices": ["a", "b"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["v"], ["y"], ["z"]]},
            {"defi": "b", "profile": "developer", "ranks": [["z"], ["x"], ["y"], ["u"]]},
            {"defi": "c", "profile": "developer", "ranks": [["x"], ["u"], ["w"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(matches!(solution.search(), Some(SearchOutcome::Optimal { .. })), "{proposing:?}");
        assert_eq!(
            pairs(&instance, &solution.assignment()),
            "u→c v→a w→c x→c y→a z→a",
            "{proposing:?}"
        );
        assert_eq!(solution.report().defis[1].status, DefiStatus::ClosedBySearch, "{proposing:?}");
    }
}

/// Exact mode, minimum 2: a and b have one talent each. Closing a leaves no set stable with
/// closures; keeping a open, with three talents when it is the only défi open (more than the
/// minimum, which does not end the search), and closing b, a runs with s and t, and c with
/// p1, p2 and r.
#[test]
fn a_defi_kept_open_above_the_minimum_alone_is_searched() {
    let instance = instance(
        r#"{
          "limits": {"team_min": 2, "team_max": 3, "max_choices": 2},
          "defis": [
            {"id": "a", "seats": {"developer": 3}},
            {"id": "b", "seats": {"developer": 2}},
            {"id": "c", "seats": {"developer": 3}}
          ],
          "candidates": [
            {"id": "p1", "profile": "developer", "choices": ["c", "a"]},
            {"id": "p2", "profile": "developer", "choices": ["c", "a"]},
            {"id": "r", "profile": "developer", "choices": ["c", "b"]},
            {"id": "s", "profile": "developer", "choices": ["a"]},
            {"id": "t", "profile": "developer", "choices": ["b", "a"]}
          ],
          "rankings": [
            {"defi": "a", "profile": "developer", "ranks": [["s"], ["t"], ["p1"], ["p2"]]},
            {"defi": "b", "profile": "developer", "ranks": [["t"], ["r"]]},
            {"defi": "c", "profile": "developer", "ranks": [["p1"], ["p2"], ["r"]]}
          ]
        }"#,
    );
    for proposing in [Proposing::Candidates, Proposing::Hosts] {
        let options = Options {
            proposing,
            lower_quotas: LowerQuotas::Exact { node_limit: 1_000 },
            ..Options::default()
        };
        let solution = solve(&instance, &options).unwrap();
        assert!(
            matches!(solution.search(), Some(SearchOutcome::Optimal { .. })),
            "{proposing:?}: {:?}",
            solution.search()
        );
        assert_eq!(
            pairs(&instance, &solution.assignment()),
            "p1→c p2→c r→c s→a t→a",
            "{proposing:?}"
        );
        assert_eq!(solution.report().defis[1].status, DefiStatus::ClosedBySearch, "{proposing:?}");
    }
}
